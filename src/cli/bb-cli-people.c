/* bb-cli-people.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bangban-cli commands for people and reference data: staff, client,
 * catalog, holidays, consult, validate and audit.
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-audit.h"
#include "bb-catalogue-repo.h"
#include "bb-cli-people.h"
#include "bb-cli-private.h"
#include "bb-client-repo.h"
#include "bb-consultation-repo.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define CLIENT_LIST_DEFAULT 50
#define CLIENT_LIST_MAX     1000

/* Helpers */

typedef int (*Subcommand) (BbCliGlobals *globals, int argc, char **argv);

typedef struct
{
  const char *name;
  Subcommand  run;
} SubcommandEntry;

/* Runs “FAMILY SUBCOMMAND …”; “FAMILY --help” lists the subcommands. */
static int
dispatch (BbCliGlobals          *globals,
          int                    argc,
          char                 **argv,
          const char            *family,
          const char            *summary,
          const SubcommandEntry *entries,
          guint                  n_entries)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < n_entries; i++)
    {
      if (argc >= 2 && g_str_equal (argv[1], entries[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("bangban-cli %s %s", family,
                                                      entries[i].name);

          g_set_prgname (prgname);
          return entries[i].run (globals, argc - 1, argv + 1);
        }
      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", entries[i].name);
    }

  context = g_option_context_new (names->str);
  g_option_context_set_summary (context, summary);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc < 2)
    message = g_strdup_printf (_("expected one of: %s"), names->str);
  else
    message = g_strdup_printf (_("unknown subcommand “%s”; expected one of: %s"), argv[1],
                               names->str);
  return bb_cli_usage_error (context, message);
}

/* Parses the options of a subcommand that takes exactly @n_args arguments. */
static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              n_args,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = bb_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      *status = bb_cli_usage_error (context, n_args == 0 ? _("no arguments were expected")
                                                         : _("wrong number of arguments"));
      return FALSE;
    }
  return TRUE;
}

static int
require_option (GOptionContext *context,
                const char     *value,
                const char     *option)
{
  g_autofree char *message = NULL;

  if (value != NULL)
    return BB_EXIT_OK;
  message = g_strdup_printf (_("%s is required"), option);
  return bb_cli_usage_error (context, message);
}

/* Opens the database and resolves who acts; on failure returns the exit
 * status through @status. */
static gboolean
open_as_actor (BbCliGlobals  *globals,
               BbDatabase   **db,
               BbActor      **actor,
               int           *status)
{
  g_autoptr(GError) error = NULL;

  *db = bb_cli_open_database (globals, &error);
  if (*db == NULL)
    {
      *status = bb_cli_fail (error);
      return FALSE;
    }
  *actor = bb_cli_resolve_actor (globals, *db, &error);
  if (*actor == NULL)
    {
      g_clear_object (db);
      *status = bb_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

static char *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_INVALID, _("The file “%s” cannot be read: %s"),
                   path, local_error->message);
      return NULL;
    }
  return contents;
}

static JsonNode *
count_json (const char *member,
            guint       count)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, count);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL)
    g_print ("%s: %s\n", label, value);
}

/* staff */

static int
staff_add (BbCliGlobals  *globals,
           int            argc,
           char         **argv)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *posts = NULL;
  g_autofree char *password = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("Staff number (required)"), N_("NUMBER") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name (required)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("Role: staff, leader, manager or admin (required)"), N_("ROLE") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("PHONE") },
    { "posts", 0, 0, G_OPTION_ARG_STRING, &posts, N_("Posts held"), N_("TEXT") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      N_("Sign-in password (better: the BANGBAN_PASSWORD environment variable)"),
      N_("PASSWORD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new account as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbStaff) staff = NULL;
  BbRole role;
  gint64 id;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Creates a staff account and prints its number. On a new "
                                  "database the first account must be an administrator."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if ((status = require_option (context, number, "--number")) != BB_EXIT_OK ||
      (status = require_option (context, name, "--name")) != BB_EXIT_OK ||
      (status = require_option (context, role_text, "--role")) != BB_EXIT_OK)
    return status;
  if (!bb_role_from_string (role_text, &role))
    {
      bb_set_field_error (&error, _("Role"), _("“%s” should be staff, leader, manager or admin"),
                          role_text);
      return bb_cli_fail (error);
    }
  if (password == NULL && g_getenv ("BANGBAN_PASSWORD") != NULL)
    password = g_strdup (g_getenv ("BANGBAN_PASSWORD"));

  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  id = bb_staff_repo_add (db, actor, number, name, role, phone, posts, password, &error);
  if (id == 0)
    return bb_cli_fail (error);
  staff = bb_staff_repo_get (db, id, &error);
  if (staff == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = bb_staff_to_json (staff);

      bb_cli_print_json (node);
    }
  else
    g_print ("%s\n", staff->number);
  return BB_EXIT_OK;
}

static int
staff_list (BbCliGlobals  *globals,
            int            argc,
            char         **argv)
{
  gboolean json = FALSE;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include deactivated accounts"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context, _("Lists the staff accounts: number, name, role."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  list = bb_staff_repo_list (db, all, &error);
  if (list == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < list->len; i++)
        json_array_add_element (array, bb_staff_to_json (g_ptr_array_index (list, i)));
      json_node_set_array (node, array);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const BbStaff *staff = g_ptr_array_index (list, i);

      g_print ("%s\t%s\t%s%s\n", staff->number, staff->name, bb_role_to_string (staff->role),
               staff->active ? "" : _("\t(deactivated)"));
    }
  return BB_EXIT_OK;
}

int
bb_cli_command_staff (BbCliGlobals  *globals,
                      int            argc,
                      char         **argv)
{
  static const SubcommandEntry entries[] = {
    { "add", staff_add },
    { "list", staff_list },
  };

  return dispatch (globals, argc, argv, "staff",
                   _("Staff accounts. “bangban-cli staff SUBCOMMAND --help” describes one."),
                   entries, G_N_ELEMENTS (entries));
}

/* client */

static JsonNode *
client_json (const BbClient *client,
             const char     *revealed_id)
{
  JsonNode *node = bb_client_to_json (client, FALSE);
  JsonObject *object = json_node_get_object (node);

  if (revealed_id != NULL && *revealed_id != '\0')
    json_object_set_string_member (object, "id_number", revealed_id);
  json_object_set_string_member (object, "category_label",
                                 bb_client_category_label (client->category));
  return node;
}

static void
print_client (const BbClient *client,
              const char     *revealed_id)
{
  g_autofree char *masked = client->id_number != NULL ? bb_mask_id_number (client->id_number)
                                                      : NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, client->id);

  print_field (_("Id"), id);
  print_field (_("Name"), client->name);
  print_field (_("Type"), bb_client_kind_label (client->kind));
  print_field (_("ID number"), revealed_id != NULL && *revealed_id != '\0' ? revealed_id
                                                                           : masked);
  print_field (_("Credit code"), client->credit_code);
  print_field (_("Phone"), client->phone);
  print_field (_("Email"), client->email);
  print_field (_("Address"), client->address);
  print_field (_("Category"), bb_client_category_label (client->category));
  print_field (_("Talent card"), client->talent_card);
  print_field (_("Notes"), client->notes);
}

static int
client_add (BbCliGlobals  *globals,
            int            argc,
            char         **argv)
{
  g_autoptr(BbClient) draft = bb_client_new ();
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *credit_code = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *category = NULL;
  g_autofree char *talent_card = NULL;
  g_autofree char *notes = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name (required)"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("person or organisation (default: organisation with --credit-code, else person)"),
      N_("KIND") },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("Resident ID number"),
      N_("NUMBER") },
    { "credit-code", 0, 0, G_OPTION_ARG_STRING, &credit_code,
      N_("Unified social credit code"), N_("CODE") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("PHONE") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email address"), N_("ADDRESS") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Postal address"), N_("ADDRESS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("key_enterprise, talent, special_care, military, inspection, complaint or other "
         "(default)"), N_("CATEGORY") },
    { "talent-card", 0, 0, G_OPTION_ARG_STRING, &talent_card, N_("Talent card number"),
      N_("NUMBER") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new client as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbClient) client = NULL;
  gint64 id;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context, _("Registers a client (服务对象) and prints its id."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if ((status = require_option (context, name, "--name")) != BB_EXIT_OK)
    return status;
  if (id_number != NULL && credit_code != NULL)
    return bb_cli_usage_error (context, _("give either --id-number or --credit-code, not both"));

  g_free (draft->kind);
  draft->kind = g_strdup (kind != NULL ? kind
                          : credit_code != NULL ? BB_CLIENT_ORGANISATION : BB_CLIENT_PERSON);
  draft->name = g_steal_pointer (&name);
  draft->id_number = g_steal_pointer (&id_number);
  draft->credit_code = g_steal_pointer (&credit_code);
  draft->phone = g_steal_pointer (&phone);
  draft->email = g_steal_pointer (&email);
  draft->address = g_steal_pointer (&address);
  if (category != NULL)
    {
      g_free (draft->category);
      draft->category = g_steal_pointer (&category);
    }
  draft->talent_card = g_steal_pointer (&talent_card);
  draft->notes = g_steal_pointer (&notes);

  /* Bad input is reported before the database is opened. */
  if (!bb_client_validate (draft, &error))
    return bb_cli_fail (error);
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  id = bb_client_repo_add (db, actor, draft, &error);
  if (id == 0)
    return bb_cli_fail (error);

  if (!json)
    {
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return BB_EXIT_OK;
    }

  client = bb_client_repo_get (db, id, &error);
  if (client == NULL)
    return bb_cli_fail (error);
  {
    /* The person who typed the number sees it in full only if their role
     * may see full ID numbers at all. */
    g_autoptr(JsonNode) node = client_json (client, bb_actor_can (actor, BB_PERM_VIEW_ID_ANY)
                                                      ? client->id_number : NULL);

    bb_cli_print_json (node);
  }
  return BB_EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static int
client_show (BbCliGlobals  *globals,
             int            argc,
             char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbClient) client = NULL;
  g_autofree char *revealed = NULL;
  gint64 id;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Shows a client. The ID number is shown in full to team "
                                  "leaders and above (and the reveal is audited), masked to "
                                  "everyone else."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  if (!parse_id (argv[1], &id))
    {
      /* Translators: the number that identifies a client record */
      bb_set_field_error (&error, _("Client id"), _("“%s” is not a record number"), argv[1]);
      return bb_cli_fail (error);
    }
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  client = bb_client_repo_get (db, id, &error);
  if (client == NULL)
    return bb_cli_fail (error);
  if (client->id_number != NULL && bb_actor_can (actor, BB_PERM_VIEW_ID_ANY))
    {
      revealed = bb_client_repo_reveal_id (db, actor, id, &error);
      if (revealed == NULL)
        return bb_cli_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) node = client_json (client, revealed);

      bb_cli_print_json (node);
    }
  else
    print_client (client, revealed);
  return BB_EXIT_OK;
}

static int
client_list (BbCliGlobals  *globals,
             int            argc,
             char         **argv)
{
  g_autofree char *search = NULL;
  int limit = CLIENT_LIST_DEFAULT;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Find by ID number, credit code, phone or part of the name"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many clients (default 50)"),
      N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Lists clients (ID numbers masked), or finds them with "
                                  "--search."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (limit < 1 || limit > CLIENT_LIST_MAX)
    {
      bb_set_field_error (&error, "--limit", _("should be from 1 to %d"), CLIENT_LIST_MAX);
      return bb_cli_fail (error);
    }
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  if (search != NULL)
    list = bb_client_repo_find (db, search, (guint) limit, &error);
  else
    list = bb_client_repo_list (db, 0, (guint) limit, &error);
  if (list == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < list->len; i++)
        json_array_add_element (array, client_json (g_ptr_array_index (list, i), NULL));
      json_node_set_array (node, array);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const BbClient *client = g_ptr_array_index (list, i);
      g_autofree char *masked = client->id_number != NULL
                                  ? bb_mask_id_number (client->id_number) : NULL;
      const char *code = masked != NULL ? masked
                         : client->credit_code != NULL ? client->credit_code : "";

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", client->id, client->name, code,
               client->phone != NULL ? client->phone : "", client->category);
    }
  return BB_EXIT_OK;
}

int
bb_cli_command_client (BbCliGlobals  *globals,
                       int            argc,
                       char         **argv)
{
  static const SubcommandEntry entries[] = {
    { "add", client_add },
    { "show", client_show },
    { "list", client_list },
  };

  return dispatch (globals, argc, argv, "client",
                   _("Clients (服务对象). “bangban-cli client SUBCOMMAND --help” describes one."),
                   entries, G_N_ELEMENTS (entries));
}

/* catalog */

static int
catalog_import (BbCliGlobals  *globals,
                int            argc,
                char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Imports service items, all or nothing, and prints how many. "
                                  "UTF-8 CSV with a header row: "
                                  "name,department,legal_basis,limit_days,process,fees,online,"
                                  "materials. materials lists entries "
                                  "name|form|copies|how_to_obtain separated by “;”, form being "
                                  "original, copy, original_and_copy or electronic. Existing "
                                  "names are updated."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  text = read_file (argv[1], &error);
  if (text == NULL)
    return bb_cli_fail (error);
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  if (!bb_catalogue_repo_import_csv (db, actor, text, &n, &error))
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = count_json ("imported", n);

      bb_cli_print_json (node);
    }
  else
    g_print ("%u\n", n);
  return BB_EXIT_OK;
}

static int
catalog_list (BbCliGlobals  *globals,
              int            argc,
              char         **argv)
{
  gboolean json = FALSE;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include withdrawn items"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Lists the service-item catalogue: id, name, department, "
                                  "time limit in working days."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  list = bb_catalogue_repo_list (db, !all, &error);
  if (list == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < list->len; i++)
        json_array_add_element (array,
                                bb_catalogue_item_to_json (g_ptr_array_index (list, i)));
      json_node_set_array (node, array);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const BbCatalogueItem *item = g_ptr_array_index (list, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\n", item->id, item->name, item->department,
               item->limit_days);
    }
  return BB_EXIT_OK;
}

int
bb_cli_command_catalog (BbCliGlobals  *globals,
                        int            argc,
                        char         **argv)
{
  static const SubcommandEntry entries[] = {
    { "import", catalog_import },
    { "list", catalog_list },
  };

  return dispatch (globals, argc, argv, "catalog",
                   _("The service-item catalogue (事项清单). "
                     "“bangban-cli catalog SUBCOMMAND --help” describes one."),
                   entries, G_N_ELEMENTS (entries));
}

/* holidays */

static int
holidays_import (BbCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Imports public holidays and make-up working days, all or "
                                  "nothing, and prints how many. UTF-8 CSV with a header row "
                                  "date,kind or date,kind,name; date is YYYY-MM-DD, kind is "
                                  "holiday or workday."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  text = read_file (argv[1], &error);
  if (text == NULL)
    return bb_cli_fail (error);
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  if (!bb_holiday_repo_import_csv (db, actor, text, &n, &error))
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = count_json ("imported", n);

      bb_cli_print_json (node);
    }
  else
    g_print ("%u\n", n);
  return BB_EXIT_OK;
}

static int
holidays_list (BbCliGlobals  *globals,
               int            argc,
               char         **argv)
{
  int year = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only this year"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Lists the holiday calendar: date, holiday or workday, name."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (year < 0 || year > 9999)
    {
      bb_set_field_error (&error, "--year", _("should be from 1 to 9999"));
      return bb_cli_fail (error);
    }
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  list = bb_holiday_repo_list (db, year, &error);
  if (list == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          const BbHoliday *holiday = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, holiday->day);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, bb_day_kind_to_string (holiday->kind));
          json_builder_set_member_name (builder, "name");
          if (holiday->name != NULL)
            json_builder_add_string_value (builder, holiday->name);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      node = json_builder_get_root (builder);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const BbHoliday *holiday = g_ptr_array_index (list, i);

      g_print ("%s\t%s\t%s\n", holiday->day, bb_day_kind_to_string (holiday->kind),
               holiday->name != NULL ? holiday->name : "");
    }
  return BB_EXIT_OK;
}

int
bb_cli_command_holidays (BbCliGlobals  *globals,
                         int            argc,
                         char         **argv)
{
  static const SubcommandEntry entries[] = {
    { "import", holidays_import },
    { "list", holidays_list },
  };

  return dispatch (globals, argc, argv, "holidays",
                   _("The holiday calendar. “bangban-cli holidays SUBCOMMAND --help” "
                     "describes one."),
                   entries, G_N_ELEMENTS (entries));
}

/* consult */

static int
consult_add (BbCliGlobals  *globals,
             int            argc,
             char         **argv)
{
  g_autoptr(BbConsultation) draft = bb_consultation_new ();
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *content = NULL;
  g_autofree char *result = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Who asked (required)"), N_("NAME") },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("What was asked (required)"),
      N_("TEXT") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("Phone, e-mail or other contact"),
      N_("CONTACT") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("onsite (default), phone, email or online"), N_("CHANNEL") },
    { "result", 0, 0, G_OPTION_ARG_STRING, &result, N_("The answer given"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new record as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbConsultation) created = NULL;
  gint64 id;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Records a consultation (接待咨询记录) and prints its id."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if ((status = require_option (context, name, "--name")) != BB_EXIT_OK ||
      (status = require_option (context, content, "--content")) != BB_EXIT_OK)
    return status;

  draft->name = g_steal_pointer (&name);
  draft->content = g_steal_pointer (&content);
  draft->contact = g_steal_pointer (&contact);
  if (channel != NULL)
    {
      g_free (draft->channel);
      draft->channel = g_steal_pointer (&channel);
    }
  draft->result = g_steal_pointer (&result);
  if (!bb_consultation_validate (draft, &error))
    return bb_cli_fail (error);

  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  id = bb_consultation_repo_add (db, actor, draft, &error);
  if (id == 0)
    return bb_cli_fail (error);

  if (!json)
    {
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return BB_EXIT_OK;
    }
  created = bb_consultation_repo_get (db, id, &error);
  if (created == NULL)
    return bb_cli_fail (error);
  {
    g_autoptr(JsonNode) node = bb_consultation_to_json (created);

    bb_cli_print_json (node);
  }
  return BB_EXIT_OK;
}

int
bb_cli_command_consult (BbCliGlobals  *globals,
                        int            argc,
                        char         **argv)
{
  static const SubcommandEntry entries[] = {
    { "add", consult_add },
  };

  return dispatch (globals, argc, argv, "consult",
                   _("Consultation records. “bangban-cli consult add --help” describes it."),
                   entries, G_N_ELEMENTS (entries));
}

/* validate */

int
bb_cli_command_validate (BbCliGlobals  *globals,
                         int            argc,
                         char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("id-number|credit-code|phone VALUE"));
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  gboolean valid;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Checks a value without a database. Prints the normalised "
                                  "value and exits with 0, or prints the reason and exits "
                                  "with 1."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 2, &status))
    return status;

  if (g_str_equal (argv[1], "id-number"))
    {
      normalized = bb_normalize_id_number (argv[2]);
      valid = bb_validate_id_number (normalized, &error);
    }
  else if (g_str_equal (argv[1], "credit-code"))
    {
      normalized = bb_normalize_credit_code (argv[2]);
      valid = bb_validate_credit_code (normalized, &error);
    }
  else if (g_str_equal (argv[1], "phone"))
    {
      normalized = bb_normalize_phone (argv[2]);
      valid = bb_validate_phone (normalized, &error);
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown kind “%s”; expected id-number, credit-code or phone"),
                         argv[1]);

      return bb_cli_usage_error (context, message);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, valid);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, normalized);
      json_builder_set_member_name (builder, "error");
      if (valid)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      bb_cli_print_json (node);
    }
  else if (valid)
    g_print ("%s\n", normalized);

  if (!valid)
    {
      if (!json)
        return bb_cli_fail (error);
      return BB_EXIT_INVALID;
    }
  return BB_EXIT_OK;
}

/* audit */

static int
audit_verify (BbCliGlobals  *globals,
              int            argc,
              char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  gint64 checked = 0, broken = 0;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Checks the hash chain of the audit trail. Exits with 0 when "
                                  "it holds, or prints the first broken row and exits with 1."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  if (!bb_audit_verify (db, &checked, &broken, &error))
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, broken == 0);
      json_builder_set_member_name (builder, "checked");
      json_builder_add_int_value (builder, checked);
      json_builder_set_member_name (builder, "first_broken");
      if (broken != 0)
        json_builder_add_int_value (builder, broken);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      bb_cli_print_json (node);
    }
  else if (broken == 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "The audit chain holds (%lld row).\n",
                          "The audit chain holds (%lld rows).\n", (gulong) checked),
             (long long) checked);

  if (broken != 0)
    {
      g_printerr (_("bangban-cli: the audit chain is broken at row %lld (%lld rows before "
                    "it hold)\n"), (long long) broken, (long long) checked);
      return BB_EXIT_INVALID;
    }
  return BB_EXIT_OK;
}

int
bb_cli_command_audit (BbCliGlobals  *globals,
                      int            argc,
                      char         **argv)
{
  static const SubcommandEntry entries[] = {
    { "verify", audit_verify },
  };

  return dispatch (globals, argc, argv, "audit",
                   _("The audit trail. “bangban-cli audit verify --help” describes it."),
                   entries, G_N_ELEMENTS (entries));
}
