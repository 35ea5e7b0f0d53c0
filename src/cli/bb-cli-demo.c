/* bb-cli-demo.c — bangban-cli demo and case list
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-cli-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "bb-case-query.h"
#include "bb-cli-demo.h"
#include "bb-client-repo.h"
#include "bb-demo.h"
#include "bb-error.h"
#include "bb-staff-repo.h"

#define DEFAULT_DEMO_CASES 1000
#define DEFAULT_LIST_LIMIT 50

static gboolean
parse_count (const char  *text,
             guint64      min,
             guint64      max,
             const char  *option,
             guint64     *out,
             GError     **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      bb_set_field_error (error, option, _("should be a whole number from %s to %s"), min_text,
                          max_text);
      return FALSE;
    }
  return TRUE;
}

/* demo */

static void
demo_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  g_printerr ("\r%" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT, done, total);
  if (done >= total)
    g_printerr ("\n");
}

static JsonNode *
summary_json (const BbDemoSummary *summary,
              guint32              seed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, seed);
  json_builder_set_member_name (builder, "admin");
  json_builder_add_string_value (builder, summary->admin_number);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, BB_DEMO_PASSWORD);
  json_builder_set_member_name (builder, "staff");
  json_builder_add_int_value (builder, summary->n_staff);
  json_builder_set_member_name (builder, "catalogue_items");
  json_builder_add_int_value (builder, summary->n_items);
  json_builder_set_member_name (builder, "holidays");
  json_builder_add_int_value (builder, summary->n_holidays);
  json_builder_set_member_name (builder, "clients");
  json_builder_add_int_value (builder, (gint64) summary->n_clients);
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, (gint64) summary->n_cases);
  json_builder_set_member_name (builder, "workflow_cases");
  json_builder_add_int_value (builder, (gint64) summary->n_workflow_cases);
  json_builder_set_member_name (builder, "bulk_cases");
  json_builder_add_int_value (builder, (gint64) summary->n_bulk_cases);
  json_builder_set_member_name (builder, "states");
  json_builder_begin_object (builder);
  for (guint s = 0; s < BB_N_STATES; s++)
    {
      json_builder_set_member_name (builder, bb_case_state_to_string ((BbCaseState) s));
      json_builder_add_int_value (builder, (gint64) summary->n_by_state[s]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "evaluations");
  json_builder_add_int_value (builder, summary->n_evaluations);
  json_builder_set_member_name (builder, "complaints");
  json_builder_add_int_value (builder, summary->n_complaints);
  json_builder_set_member_name (builder, "consultations");
  json_builder_add_int_value (builder, summary->n_consultations);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_double_value (builder, summary->total_usec / 1e6);
  json_builder_set_member_name (builder, "bulk_seconds");
  json_builder_add_double_value (builder, summary->bulk_usec / 1e6);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_line (const char *label,
            guint64     value)
{
  g_print ("  %-24s %" G_GUINT64_FORMAT "\n", label, value);
}

static void
print_summary (const BbDemoSummary *summary,
               guint32              seed)
{
  g_autofree char *seconds = g_strdup_printf ("%.1f", summary->total_usec / 1e6);

  g_print (_("Demo data created in %s s (seed %u).\n"), seconds, seed);
  g_print (_("The administrator is %s; accounts 1001, 1002, 1004, 1006 and 1007 sign in with the password “%s”.\n"),
           summary->admin_number, BB_DEMO_PASSWORD);
  print_line (_("Staff accounts"), summary->n_staff);
  print_line (_("Catalogue items"), summary->n_items);
  print_line (_("Holiday calendar days"), summary->n_holidays);
  print_line (_("Clients"), summary->n_clients);
  print_line (_("Cases"), summary->n_cases);
  print_line (_("Played through the workflow"), summary->n_workflow_cases);
  print_line (_("Loaded in bulk"), summary->n_bulk_cases);
  if (summary->n_bulk_cases > 0 && summary->bulk_usec > 0)
    print_line (_("Bulk load, cases a second"),
                (guint64) (summary->n_bulk_cases / (summary->bulk_usec / 1e6)));
  for (guint s = 0; s < BB_N_STATES; s++)
    g_print ("    %-22s %" G_GUINT64_FORMAT "\n", bb_case_state_to_string ((BbCaseState) s),
             summary->n_by_state[s]);
  print_line (_("Evaluations"), summary->n_evaluations);
  print_line (_("Complaints"), summary->n_complaints);
  print_line (_("Consultations"), summary->n_consultations);
}

int
bb_cli_command_demo (BbCliGlobals  *globals,
                     int            argc,
                     char         **argv)
{
  g_autofree char *cases_text = NULL;
  g_autofree char *seed_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_STRING, &cases_text,
      N_("How many cases (default 1000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Random seed: the same seed gives the same data (default 1)"), N_("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what was created as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  BbDemoSummary summary = { 0 };
  guint64 n_cases = DEFAULT_DEMO_CASES;
  guint64 seed = 1;
  gboolean ok;

  g_option_context_set_summary (context,
                                _("Fills a database without cases with realistic demo data: staff "
                                  "of every role, the catalogue, the holiday calendar, clients of "
                                  "every category and cases in every state, played through the "
                                  "workflow (and, beyond a few hundred, loaded in bulk)."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("no arguments were expected"));

  if ((cases_text != NULL && !parse_count (cases_text, 1, 100000000, "--cases", &n_cases, &error)) ||
      (seed_text != NULL && !parse_count (seed_text, 0, G_MAXUINT32, "--seed", &seed, &error)))
    return bb_cli_fail (error);

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  actor = bb_cli_resolve_actor (globals, db, &error);
  if (actor == NULL)
    return bb_cli_fail (error);

  ok = bb_demo_run (db, actor, n_cases, (guint32) seed,
                    isatty (STDERR_FILENO) ? demo_progress_cb : NULL, NULL, NULL, &summary,
                    &error);
  if (!ok)
    {
      bb_demo_summary_clear (&summary);
      return bb_cli_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) node = summary_json (&summary, (guint32) seed);

      bb_cli_print_json (node);
    }
  else
    print_summary (&summary, (guint32) seed);
  bb_demo_summary_clear (&summary);
  return BB_EXIT_OK;
}

/* case list */

static gboolean
parse_states (char      **texts,
              guint      *states,
              GError    **error)
{
  *states = 0;
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (texts[i], ",", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          const char *name = g_strstrip (parts[p]);
          BbCaseState state;

          if (*name == '\0')
            continue;
          if (g_str_equal (name, "open"))
            *states |= BB_CASE_STATES_OPEN;
          else if (bb_case_state_from_string (name, &state))
            *states |= BB_CASE_STATE_BIT (state);
          else
            {
              bb_set_field_error (error, "--state",
                                  _("“%s” is not a state (consultation, applied, routed, "
                                    "analysed, handling, suspended, completed, delivered, "
                                    "confirmed, archived, refused, terminated, converted, or "
                                    "open)"),
                                  name);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static JsonNode *
summary_to_json (const BbCaseSummary *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, row->number);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, bb_case_kind_to_string (row->kind));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, bb_case_state_to_string (row->state));
  json_builder_set_member_name (builder, "client");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, row->client_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, row->client_name);
  json_builder_set_member_name (builder, "id_number");
  json_builder_add_string_value (builder, row->client_id_masked);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, row->client_category);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "matter");
  json_builder_add_string_value (builder, row->matter);
  json_builder_set_member_name (builder, "responsible");
  json_builder_add_string_value (builder, row->responsible_number);
  json_builder_set_member_name (builder, "responsible_name");
  json_builder_add_string_value (builder, row->responsible_name);
  json_builder_set_member_name (builder, "deadline");
  json_builder_add_string_value (builder, row->deadline);
  json_builder_set_member_name (builder, "priority");
  json_builder_add_int_value (builder, row->priority);
  json_builder_set_member_name (builder, "applied_at");
  json_builder_add_int_value (builder, row->applied_at);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
bb_cli_case_list (BbCliGlobals  *globals,
                  int            argc,
                  char         **argv)
{
  g_auto(GStrv) state_texts = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *staff_number = NULL;
  g_autofree char *category = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sort_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *completed_since = NULL;
  g_autofree char *completed_before = NULL;
  gboolean due_soon = FALSE;
  gboolean overdue = FALSE;
  gboolean rectification_overdue = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING_ARRAY, &state_texts,
      N_("Only cases in these states (repeat it, or separate with commas; “open” for every "
         "open state)"), N_("STATE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Only assist or proxy cases"),
      N_("KIND") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_number,
      N_("Only cases this staff member is responsible for"), N_("NUMBER") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only clients of this category (key_enterprise, talent, special_care, military, "
         "inspection, complaint, other)"), N_("CATEGORY") },
    { "due-soon", 0, 0, G_OPTION_ARG_NONE, &due_soon,
      N_("Only cases with at most one working day left"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only cases past their deadline"), NULL },
    { "completed-since", 0, 0, G_OPTION_ARG_STRING, &completed_since,
      N_("Only cases completed on this day or later"), N_("YYYY-MM-DD") },
    { "completed-before", 0, 0, G_OPTION_ARG_STRING, &completed_before,
      N_("Only cases completed before this day"), N_("YYYY-MM-DD") },
    { "rectification-overdue", 0, 0, G_OPTION_ARG_NONE, &rectification_overdue,
      N_("Only cases with a rectification past its deadline"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Find a case number, ID number, credit code, phone number, or any part of a name, "
         "matter or log text"), N_("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text,
      N_("Order: newest (default), deadline, number or queue"), N_("ORDER") },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("At most this many cases (default 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the cases as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  BbCaseSort sort = BB_CASE_SORT_NEWEST;
  guint64 limit = DEFAULT_LIST_LIMIT;

  g_option_context_set_summary (context,
                                _("Lists cases, newest first unless --sort says otherwise, with "
                                  "ID numbers masked."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("no arguments were expected"));

  if (!parse_states (state_texts, &filter->states, &error))
    return bb_cli_fail (error);
  if (kind_text != NULL)
    {
      BbCaseKind kind;

      if (!bb_case_kind_from_string (kind_text, &kind))
        {
          bb_set_field_error (&error, "--kind", _("“%s” should be assist or proxy"), kind_text);
          return bb_cli_fail (error);
        }
      filter->kind = kind;
    }
  if (category != NULL)
    {
      if (!bb_client_category_is_valid (category))
        {
          bb_set_field_error (&error, "--category", _("“%s” is not a client category"), category);
          return bb_cli_fail (error);
        }
      filter->category = g_strdup (category);
    }
  if (sort_text != NULL && !bb_case_sort_from_string (sort_text, &sort))
    {
      bb_set_field_error (&error, "--sort", _("“%s” should be newest, deadline, number or queue"),
                          sort_text);
      return bb_cli_fail (error);
    }
  if (limit_text != NULL && !parse_count (limit_text, 1, 10000, "--limit", &limit, &error))
    return bb_cli_fail (error);
  filter->due_soon = due_soon;
  filter->overdue = overdue;
  filter->rectification_overdue = rectification_overdue;
  filter->search = g_strdup (search);
  if (!bb_case_filter_set_completed_days (filter, completed_since, completed_before, &error))
    return bb_cli_fail (error);

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  actor = bb_cli_resolve_actor (globals, db, &error);
  if (actor == NULL)
    return bb_cli_fail (error);
  if (staff_number != NULL)
    {
      g_autoptr(BbStaff) staff = bb_staff_repo_find_by_number (db, staff_number, &error);

      if (staff == NULL)
        return bb_cli_fail (error);
      filter->responsible_id = staff->id;
    }

  rows = bb_case_query_page (db, actor, filter, sort, NULL, (guint) limit, NULL, &error);
  if (rows == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (rows->len);

      for (guint i = 0; i < rows->len; i++)
        json_array_add_element (array, summary_to_json (g_ptr_array_index (rows, i)));
      json_node_take_array (node, array);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      BbCaseSummary *row = g_ptr_array_index (rows, i);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", row->number,
               bb_case_kind_to_string (row->kind), bb_case_state_to_string (row->state),
               row->client_name, row->client_id_masked != NULL ? row->client_id_masked : "-",
               row->matter, row->responsible_number != NULL ? row->responsible_number : "-",
               row->deadline != NULL ? row->deadline : "-");
    }
  return BB_EXIT_OK;
}
