/* bb-cli.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bangban-cli: administration, batch and scripting over the same core as
 * the GUI. `bangban-cli [--db LOCATION] [--as STAFF] COMMAND [OPTIONS…]`.
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "bb-cli-case.h"
#include "bb-cli-demo.h"
#include "bb-cli-people.h"
#include "bb-cli-print.h"
#include "bb-cli-private.h"
#include "bb-cli-rectification.h"
#include "bb-cli-stats.h"
#include "bb-database.h"
#include "bb-error.h"
#include "bb-keyring.h"
#include "bb-settings-repo.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (BbCliGlobals *globals, int argc, char **argv);
} Command;

BbExit
bb_cli_exit_for_error (const GError *error)
{
  if (error == NULL || error->domain != BB_ERROR)
    return BB_EXIT_INVALID;

  switch ((BbError) error->code)
    {
    case BB_ERROR_REFUSED:
      return BB_EXIT_REFUSED;
    case BB_ERROR_CONFLICT:
      return BB_EXIT_CONFLICT;
    case BB_ERROR_UNAVAILABLE:
    case BB_ERROR_NEWER_SCHEMA:
      return BB_EXIT_UNAVAILABLE;
    case BB_ERROR_INVALID:
    case BB_ERROR_NOT_FOUND:
    case BB_ERROR_FAILED:
    default:
      return BB_EXIT_INVALID;
    }
}

int
bb_cli_fail (const GError *error)
{
  g_printerr ("bangban-cli: %s\n", error->message);
  return bb_cli_exit_for_error (error);
}

int
bb_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("bangban-cli: %s\n\n%s", message, help);
  return BB_EXIT_USAGE;
}

void
bb_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static BbLocation *
resolve_location (BbCliGlobals  *globals,
                  GError        **error)
{
  const char *env = g_getenv ("BANGBAN_DB");
  g_autofree char *default_path = NULL;

  if (globals->db != NULL)
    return bb_location_parse (globals->db, error);
  if (env != NULL && *env != '\0')
    return bb_location_parse (env, error);

  /* The GUI's default database. */
  default_path = bb_location_default_sqlite_path ();
  return bb_location_new_sqlite (default_path);
}

BbDatabase *
bb_cli_open_database (BbCliGlobals  *globals,
                      GError       **error)
{
  g_autoptr(BbLocation) location = resolve_location (globals, error);
  g_autofree char *password = NULL;

  if (location == NULL)
    return NULL;

  if (location->engine == BB_ENGINE_POSTGRESQL)
    {
      const char *env = g_getenv ("PGPASSWORD");

      if (env != NULL)
        password = g_strdup (env);
      else
        {
          g_autoptr(GError) keyring_error = NULL;

          password = bb_keyring_lookup_password (location, NULL, &keyring_error);
          if (keyring_error != NULL)
            g_debug ("%s", keyring_error->message);
        }
    }

  return bb_database_open (location, password, NULL, error);
}

/* init */

static int
command_init (BbCliGlobals  *globals,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autofree char *where = NULL;

  g_option_context_set_summary (context,
                                _("Creates the database, or upgrades its schema to this version."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("init takes no arguments"));

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);

  where = bb_location_to_string (bb_database_get_location (db));
  g_print ("%s\n", where);
  return BB_EXIT_OK;
}

/* info */

static int
command_info (BbCliGlobals  *globals,
              int             argc,
              char          **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autofree char *where = NULL;
  const BbLocation *location;

  g_option_context_set_summary (context, _("Shows which database is used and its schema version."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("info takes no arguments"));

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);

  location = bb_database_get_location (db);
  where = bb_location_to_string (location);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, where);
      json_builder_set_member_name (builder, "engine");
      json_builder_add_string_value (builder, location->engine == BB_ENGINE_SQLITE ? "sqlite"
                                                                                   : "postgresql");
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, bb_database_get_schema_version (db));
      json_builder_set_member_name (builder, "program_version");
      json_builder_add_string_value (builder, PACKAGE_VERSION);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      bb_cli_print_json (root);
    }
  else
    {
      g_print (_("Database: %s\n"), where);
      g_print (_("Schema version: %u\n"), bb_database_get_schema_version (db));
    }
  return BB_EXIT_OK;
}

/* settings */

static int
command_settings (BbCliGlobals  *globals,
                  int             argc,
                  char          **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("get KEY | set KEY VALUE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autofree char *value = NULL;
  int version = 0;

  g_option_context_set_summary (context,
                                _("Reads or changes a setting shared by every workstation: "
                                  "team_name, complaint_hotline, case_number_format, time_zone, "
                                  "rectification_days."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);

  if (argc == 3 && g_str_equal (argv[1], "get"))
    {
      db = bb_cli_open_database (globals, &error);
      if (db == NULL)
        return bb_cli_fail (error);
      value = bb_settings_repo_get (db, argv[2], NULL, &error);
      if (value == NULL)
        return bb_cli_fail (error);
      g_print ("%s\n", value);
      return BB_EXIT_OK;
    }

  if (argc == 4 && g_str_equal (argv[1], "set"))
    {
      g_autoptr(BbActor) actor = NULL;

      if (!bb_settings_validate (argv[2], argv[3], &error))
        return bb_cli_fail (error);
      db = bb_cli_open_database (globals, &error);
      if (db == NULL)
        return bb_cli_fail (error);
      actor = bb_cli_resolve_actor (globals, db, &error);
      if (actor == NULL)
        return bb_cli_fail (error);
      value = bb_settings_repo_get (db, argv[2], &version, &error);
      if (value == NULL ||
          !bb_settings_repo_set (db, actor, argv[2], argv[3], version, NULL, &error))
        return bb_cli_fail (error);
      return BB_EXIT_OK;
    }

  return bb_cli_usage_error (context, _("expected “get KEY” or “set KEY VALUE”"));
}

static const Command commands[] = {
  { "init", N_("Create the database or upgrade its schema"), command_init },
  { "info", N_("Show the database in use and its schema version"), command_info },
  { "settings", N_("Read or change a shared setting"), command_settings },
  { "staff", N_("Add or list staff accounts"), bb_cli_command_staff },
  { "client", N_("Add, show, list or find clients"), bb_cli_command_client },
  { "catalog", N_("Import or list the service-item catalogue"), bb_cli_command_catalog },
  { "holidays", N_("Import or list the holiday calendar"), bb_cli_command_holidays },
  { "case", N_("Register cases, show them and carry out workflow actions"), bb_cli_command_case },
  { "consult", N_("Record a consultation"), bb_cli_command_consult },
  { "demo", N_("Fill a new database with realistic demo data"), bb_cli_command_demo },
  { "validate", N_("Check an ID number, credit code or phone number"), bb_cli_command_validate },
  { "audit", N_("Verify the audit trail"), bb_cli_command_audit },
  { "slip", N_("Print a proxy case's acceptance slip to PDF"), bb_cli_command_slip },
  { "notice", N_("Print a case's one-time notice to PDF"), bb_cli_command_notice },
  { "handover", N_("Print a case's handover receipt to PDF"), bb_cli_command_handover },
  { "complaint", N_("Take complaints in and move them on"), bb_cli_command_complaint },
  { "rectification", N_("Record the measures and return visits of rectifications"),
    bb_cli_command_rectification },
  { "stats", N_("Compute the statistics of a range of days"), bb_cli_command_stats },
  { "report", N_("Write the statistics report as XLSX, PDF or CSV"), bb_cli_command_report },
  { "register", N_("Print the service register of a date range"), bb_cli_command_register },
  { "bench", N_("Time the case list, search and statistics on N demo cases"), bb_cli_command_bench },
  { "bench-print", N_("Time the rendering of the printed forms"), bb_cli_command_bench_print },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n%s\n",
                          _("“bangban-cli COMMAND --help” describes a command. Exit status: "
                            "0 done, 1 invalid input, 2 refused, 3 changed by someone else, "
                            "4 database unavailable, 64 usage error."));
  return g_string_free (text, FALSE);
}

int
bb_cli_run (int    argc,
            char **argv)
{
  BbCliGlobals globals = { NULL, NULL };
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, &globals.db,
      N_("The database: an SQLite file, or postgresql://USER@HOST:PORT/DB "
         "(default: the one the GUI uses)"), N_("LOCATION") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &globals.as,
      N_("Act as this staff member (default: the first administrator)"), N_("STAFF-NUMBER") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = commands_description ();
  int status = BB_EXIT_USAGE;

  g_option_context_set_summary (context, _("Administration and scripting for Bangban."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = bb_cli_usage_error (context, error->message);
      goto out;
    }

  if (version)
    {
      g_print ("bangban-cli %s\n", PACKAGE_VERSION);
      status = BB_EXIT_OK;
      goto out;
    }

  if (argc < 2)
    {
      status = bb_cli_usage_error (context, _("no command given"));
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("bangban-cli %s", commands[i].name);

          g_set_prgname (prgname);
          status = commands[i].run (&globals, argc - 1, argv + 1);
          goto out;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);

    status = bb_cli_usage_error (context, message);
  }

out:
  g_free (globals.db);
  g_free (globals.as);
  return status;
}
