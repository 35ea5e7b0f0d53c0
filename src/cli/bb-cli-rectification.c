/* bb-cli-rectification.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bangban-cli rectification: the rectifications (整改) that bad
 * evaluations open, listed and carried through their measures, the
 * return visit (回访) and a change of the person responsible.
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-cli-private.h"
#include "bb-cli-rectification.h"
#include "bb-clock.h"
#include "bb-error.h"
#include "bb-rectification-repo.h"

#define LIST_LIMIT 50

static char *
format_instant (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%s: %s\n", label, value);
}

static void
print_entry (const BbRectificationEntry *r)
{
  g_autofree char *responsible = NULL;
  g_autofree char *visited = format_instant (r->return_visit_at);
  g_autofree char *visit = NULL;

  g_print (_("Rectification %lld — %s%s (version %d)\n"), (long long) r->id,
           bb_rectification_state_label (r->state), r->overdue ? _(", overdue") : "",
           r->version);
  print_field (_("Case"), r->case_number);
  print_field (_("Client"), r->client_name);
  print_field (_("Evaluation comment"), r->comment);
  print_field (_("Deadline"), r->deadline);
  if (r->responsible_number != NULL)
    responsible = g_strdup_printf ("%s %s", r->responsible_number, r->responsible_name);
  print_field (_("Responsible"), responsible);
  print_field (_("Measures taken"), r->measures);
  if (r->return_visit != NULL)
    {
      const char *channel = bb_visit_channel_label (r->visit_channel);

      visit = g_strdup_printf ("%s%s%s%s", visited, channel ? " · " : "", channel ? channel : "",
                               r->visit_satisfied < 0 ? ""
                               : r->visit_satisfied ? _(" · client satisfied")
                               : _(" · client not satisfied"));
      print_field (_("Return visit"), r->return_visit);
      print_field (_("Visited"), visit);
    }
}

static void
print_entry_json (const BbRectificationEntry *entry)
{
  g_autoptr(JsonNode) node = bb_rectification_entry_to_json (entry);

  bb_cli_print_json (node);
}

static BbDatabase *
open_as (BbCliGlobals  *globals,
         BbActor      **actor,
         GError       **error)
{
  g_autoptr(BbDatabase) db = bb_cli_open_database (globals, error);

  if (db == NULL)
    return NULL;
  *actor = bb_cli_resolve_actor (globals, db, error);
  if (*actor == NULL)
    return NULL;
  return g_steal_pointer (&db);
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

/* The version to name: the one given (any number given, even a wrong one,
 * is checked), or the one read now. */
static gboolean
current_version (BbDatabase     *db,
                 const BbActor  *actor,
                 gint64          id,
                 int            *version,
                 GError        **error)
{
  g_autoptr(BbRectificationEntry) entry = NULL;

  if (*version >= 0)
    return TRUE;
  entry = bb_rectification_repo_get (db, actor, id, error);
  if (entry == NULL)
    return FALSE;
  *version = entry->version;
  return TRUE;
}

static int
print_result (BbRectificationEntry *after,
              gboolean              json)
{
  if (json)
    print_entry_json (after);
  else
    print_entry (after);
  return BB_EXIT_OK;
}

static int
rectification_list (BbCliGlobals  *globals,
                    int            argc,
                    char         **argv)
{
  gboolean open = FALSE;
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  int limit = LIST_LIMIT;
  gint64 before = 0;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("Only those not closed yet"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only those not closed by their deadline"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many (default 50)"), N_("N") },
    { "before", 0, 0, G_OPTION_ARG_INT64, &before,
      N_("Only those older than the one with this id (the next page)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(GPtrArray) page = NULL;
  BbRectificationFilter filter;

  g_option_context_set_summary (context,
                                _("Lists rectifications, newest first; “!” marks an overdue "
                                  "one. Staff members see those they are responsible for."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("rectification list takes no arguments"));
  if (open && overdue)
    return bb_cli_usage_error (context, _("give --open or --overdue, not both"));
  if (limit < 1 || limit > 500)
    return bb_cli_usage_error (context, _("--limit must be from 1 to 500"));
  filter = overdue ? BB_RECTIFICATION_LIST_OVERDUE
                   : open ? BB_RECTIFICATION_LIST_OPEN : BB_RECTIFICATION_LIST_ALL;

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  page = bb_rectification_repo_list (db, actor, filter, before, (guint) limit, &error);
  if (page == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < page->len; i++)
        json_array_add_element (array,
                                bb_rectification_entry_to_json (g_ptr_array_index (page, i)));
      json_node_take_array (node, array);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < page->len; i++)
    {
      const BbRectificationEntry *r = g_ptr_array_index (page, i);

      g_print ("%-6" G_GINT64_FORMAT " %s  %-8s %s%s  %s  %s\n", r->id,
               r->case_number, bb_rectification_state_to_string (r->state), r->deadline,
               r->overdue ? "!" : " ",
               r->responsible_number != NULL ? r->responsible_number : "-", r->client_name);
    }
  return BB_EXIT_OK;
}

static int
rectification_show (BbCliGlobals  *globals,
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
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbRectificationEntry) entry = NULL;
  gint64 id;

  g_option_context_set_summary (context,
                                _("Shows a rectification: its case, deadline, responsible "
                                  "person, measures and return visit."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return bb_cli_usage_error (context, _("expected one rectification id"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  entry = bb_rectification_repo_get (db, actor, id, &error);
  if (entry == NULL)
    return bb_cli_fail (error);
  return print_result (entry, json);
}

static int
rectification_measures (BbCliGlobals  *globals,
                        int            argc,
                        char         **argv)
{
  g_autofree char *text = NULL;
  int expect_version = -1;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The measures taken (required)"),
      N_("TEXT") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT, &expect_version,
      N_("Fail with status 3 unless the rectification is still at this version"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the rectification as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  gint64 id;

  g_option_context_set_summary (context,
                                _("Records the measures taken on a rectification; the return "
                                  "visit comes next. Its responsible staff member, team "
                                  "leaders and managers may do it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return bb_cli_usage_error (context, _("expected one rectification id"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  if (!current_version (db, actor, id, &expect_version, &error))
    return bb_cli_fail (error);
  after = bb_rectification_repo_record_measures (db, actor, id, text, expect_version, &error);
  if (after == NULL)
    return bb_cli_fail (error);
  return print_result (after, json);
}

static int
rectification_return_visit (BbCliGlobals  *globals,
                            int            argc,
                            char         **argv)
{
  g_autofree char *text = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *satisfied_text = NULL;
  int expect_version = -1;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What the return visit found (required)"),
      N_("TEXT") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("How the visit was made: phone (default), onsite or sms"), N_("CHANNEL") },
    { "satisfied", 0, 0, G_OPTION_ARG_STRING, &satisfied_text,
      N_("Whether the client is now satisfied: yes or no"), N_("yes|no") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT, &expect_version,
      N_("Fail with status 3 unless the rectification is still at this version"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the rectification as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  int satisfied = -1;
  gint64 id;

  g_option_context_set_summary (context,
                                _("Records the return visit (回访) to the client, which closes "
                                  "the rectification. The measures must be on record first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return bb_cli_usage_error (context, _("expected one rectification id"));
  if (satisfied_text != NULL)
    {
      if (g_str_equal (satisfied_text, "yes"))
        satisfied = 1;
      else if (g_str_equal (satisfied_text, "no"))
        satisfied = 0;
      else
        return bb_cli_usage_error (context, _("--satisfied must be yes or no"));
    }

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  if (!current_version (db, actor, id, &expect_version, &error))
    return bb_cli_fail (error);
  after = bb_rectification_repo_record_visit (db, actor, id, text,
                                              channel != NULL ? channel : BB_VISIT_CHANNEL_PHONE,
                                              satisfied, expect_version, &error);
  if (after == NULL)
    return bb_cli_fail (error);
  return print_result (after, json);
}

static int
rectification_reassign (BbCliGlobals  *globals,
                        int            argc,
                        char         **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  int expect_version = -1;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The staff member responsible from now on"),
      N_("STAFF-NUMBER") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required)"), N_("TEXT") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT, &expect_version,
      N_("Fail with status 3 unless the rectification is still at this version"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the rectification as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  gint64 id;

  g_option_context_set_summary (context,
                                _("Gives a rectification that is not closed to another staff "
                                  "member. Team leaders, managers and administrators only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return bb_cli_usage_error (context, _("expected one rectification id"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  if (!current_version (db, actor, id, &expect_version, &error))
    return bb_cli_fail (error);
  after = bb_rectification_repo_reassign (db, actor, id, to, reason, expect_version, &error);
  if (after == NULL)
    return bb_cli_fail (error);
  return print_result (after, json);
}

typedef struct
{
  const char *name;
  int       (*run) (BbCliGlobals *globals, int argc, char **argv);
} Subcommand;

static const Subcommand subcommands[] = {
  { "list", rectification_list },
  { "show", rectification_show },
  { "measures", rectification_measures },
  { "return-visit", rectification_return_visit },
  { "reassign", rectification_reassign },
};

/**
 * bb_cli_command_rectification:
 *
 * `rectification list|show|measures|return-visit|reassign …`
 */
int
bb_cli_command_rectification (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (argc >= 2 && g_str_equal (argv[1], subcommands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("bangban-cli rectification %s",
                                                      subcommands[i].name);

          g_set_prgname (prgname);
          return subcommands[i].run (globals, argc - 1, argv + 1);
        }
    }

  context = g_option_context_new ("list|show|measures|return-visit|reassign");
  g_option_context_set_summary (context,
                                _("Rectifications (整改) opened by bad evaluations. "
                                  "“bangban-cli rectification SUBCOMMAND --help” describes "
                                  "one."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc < 2)
    message = g_strdup (_("expected one of: list, show, measures, return-visit, reassign"));
  else
    message = g_strdup_printf (_("unknown subcommand “%s”; expected one of: list, show, "
                                 "measures, return-visit, reassign"), argv[1]);
  return bb_cli_usage_error (context, message);
}
