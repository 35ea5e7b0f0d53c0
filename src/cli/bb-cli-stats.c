/* bb-cli-stats.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bangban-cli stats, report and complaint: the statistics of a range as
 * text or JSON, the statistics report (数据统计上报) as XLSX, PDF or CSV,
 * and complaints from intake to archive.
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bb-cli-private.h"
#include "bb-cli-stats.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-error.h"
#include "bb-form-report.h"
#include "bb-report.h"
#include "bb-settings-repo.h"

#define LIST_LIMIT 50

/* The range options shared by stats and report. */
typedef struct
{
  char *from;
  char *to;
  char *month;
  char *quarter;
} RangeOptions;

static void
range_options_clear (RangeOptions *range)
{
  g_clear_pointer (&range->from, g_free);
  g_clear_pointer (&range->to, g_free);
  g_clear_pointer (&range->month, g_free);
  g_clear_pointer (&range->quarter, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RangeOptions, range_options_clear)

static void
add_range_entries (GOptionContext *context,
                   RangeOptions   *range)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &range->from, N_("The first day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &range->to, N_("The last day (inclusive)"),
      N_("YYYY-MM-DD") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &range->month, N_("A whole month instead"),
      N_("YYYY-MM") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &range->quarter, N_("A whole quarter instead"),
      N_("YYYY-QN") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("range", NULL, NULL, NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, group);
}

/* Turns the options into from and to; a usage error message otherwise. */
static gboolean
resolve_range (RangeOptions  *range,
               char         **message,
               GError       **error)
{
  guint given = (range->from != NULL || range->to != NULL) + (range->month != NULL)
                + (range->quarter != NULL);

  if (given != 1 || (range->month == NULL && range->quarter == NULL &&
                     (range->from == NULL || range->to == NULL)))
    {
      *message = g_strdup (_("give either --from and --to, or --month, or --quarter"));
      return FALSE;
    }
  if (range->month != NULL)
    return bb_stats_period_month (range->month, &range->from, &range->to, error);
  if (range->quarter != NULL)
    return bb_stats_period_quarter (range->quarter, &range->from, &range->to, error);
  return TRUE;
}

static char *
format_value (const BbStatsRow *row)
{
  if (row->unit == BB_STATS_UNIT_COUNT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, row->count);
  if (isnan (row->value))
    return g_strdup ("—");
  if (row->unit == BB_STATS_UNIT_RATE)
    return g_strdup_printf ("%.1f%%", row->value * 100.0);
  return g_strdup_printf ("%.2f", row->value);
}

static void
print_stats_text (const BbStats *stats)
{
  g_print (_("Statistics from %s to %s\n"), stats->from, stats->to);
  for (guint t = 0; t < BB_STATS_N_TABLES; t++)
    {
      const BbStatsTable *table = stats->tables[t];

      if (table == NULL)
        continue;
      g_print ("\n%s\n", bb_stats_table_title (t));
      for (guint i = 0; i < table->rows->len; i++)
        {
          const BbStatsRow *row = g_ptr_array_index (table->rows, i);
          g_autofree char *value = format_value (row);

          if (row->unit == BB_STATS_UNIT_COUNT)
            g_print ("  %-40s %12s\n", row->label, value);
          else
            g_print ("  %-40s %12" G_GINT64_FORMAT " %10s\n", row->label, row->count, value);
        }
    }
}

/* stats */

/**
 * bb_cli_command_stats:
 *
 * `stats (--from DATE --to DATE | --month M | --quarter Q) [--json]`
 */
int
bb_cli_command_stats (BbCliGlobals  *globals,
                      int            argc,
                      char         **argv)
{
  g_auto(RangeOptions) range = { NULL };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print every figure as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbStats) stats = NULL;
  g_autofree char *message = NULL;

  g_option_context_set_summary (context,
                                _("Computes the statistics of a range of days: satisfaction, "
                                  "on-time completion, handling time, workload, complaints "
                                  "and rectifications. Managers and administrators only."));
  add_range_entries (context, &range);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("stats takes no arguments"));
  if (!resolve_range (&range, &message, &error))
    return message != NULL ? bb_cli_usage_error (context, message) : bb_cli_fail (error);

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  actor = bb_cli_resolve_actor (globals, db, &error);
  if (actor == NULL)
    return bb_cli_fail (error);

  stats = bb_stats_compute (db, actor, range.from, range.to, NULL, NULL, NULL, &error);
  if (stats == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = bb_stats_to_json (stats);

      bb_cli_print_json (node);
    }
  else
    print_stats_text (stats);
  return BB_EXIT_OK;
}

/* report */

/**
 * bb_cli_command_report:
 *
 * `report (--from DATE --to DATE | --month M | --quarter Q)
 * (--xlsx|--pdf|--csv) OUT`
 */
int
bb_cli_command_report (BbCliGlobals  *globals,
                       int            argc,
                       char         **argv)
{
  g_auto(RangeOptions) range = { NULL };
  gboolean xlsx = FALSE, pdf = FALSE, csv = FALSE;
  const GOptionEntry entries[] = {
    { "xlsx", 0, 0, G_OPTION_ARG_NONE, &xlsx, N_("An Excel workbook, one sheet per table"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_NONE, &pdf, N_("A PDF document for printing"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("CSV, every table in turn"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("OUT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autofree char *message = NULL;
  BbReportWriter writer;

  g_option_context_set_summary (context,
                                _("Writes the statistics report (数据统计上报) of a range of "
                                  "days to the file OUT. Managers and administrators only."));
  add_range_entries (context, &range);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2)
    return bb_cli_usage_error (context, _("expected one output file"));
  if (xlsx + pdf + csv != 1)
    return bb_cli_usage_error (context, _("choose one of --xlsx, --pdf and --csv"));
  if (!resolve_range (&range, &message, &error))
    return message != NULL ? bb_cli_usage_error (context, message) : bb_cli_fail (error);

  writer = xlsx ? bb_report_write_xlsx : pdf ? bb_form_report_write_pdf : bb_report_write_csv;

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  actor = bb_cli_resolve_actor (globals, db, &error);
  if (actor == NULL)
    return bb_cli_fail (error);

  if (!bb_report_export (db, actor, range.from, range.to, writer, argv[1], NULL, NULL, NULL,
                         &error))
    return bb_cli_fail (error);
  g_print ("%s\n", argv[1]);
  return BB_EXIT_OK;
}

/* complaint */

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
print_complaint (const BbComplaint *c)
{
  g_autofree char *received = format_instant (c->received_at);
  g_autofree char *staff = NULL;

  g_print (_("Complaint %s — %s%s (version %d)\n"), c->number, bb_complaint_state_label (c->state),
           c->overdue ? _(", overdue") : "", c->version);
  print_field (_("Received"), received);
  print_field (_("Channel"), bb_complaint_channel_label (c->channel));
  print_field (_("Complainant"), c->complainant);
  print_field (_("Contact"), c->contact);
  print_field (_("Case"), c->case_number);
  if (c->staff_number != NULL)
    staff = g_strdup_printf ("%s %s", c->staff_number, c->staff_name);
  print_field (_("Staff member"), staff);
  print_field (_("Due by"), c->due_date);
  if (c->state < BB_COMPLAINT_ARCHIVED && c->step_due_date != NULL)
    {
      /* Translators: the deadline of a complaint's next step; %s is the step, %s the date */
      g_autofree char *next = g_strdup_printf (_("%s by %s%s"),
                                               bb_complaint_state_label (c->state + 1),
                                               c->step_due_date,
                                               c->step_overdue ? _(", overdue") : "");

      print_field (_("Next step"), next);
    }
  print_field (_("Complaint"), c->content);
}

static void
print_complaint_json (const BbComplaint *complaint)
{
  g_autoptr(JsonNode) node = bb_complaint_to_json (complaint);

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

static int
complaint_add (BbCliGlobals  *globals,
               int            argc,
               char         **argv)
{
  g_autofree char *channel = NULL;
  g_autofree char *complainant = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *case_number = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *content = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("onsite, phone, hotline, letter, email, online or box"), N_("CHANNEL") },
    { "complainant", 0, 0, G_OPTION_ARG_STRING, &complainant, N_("Who complains"), N_("NAME") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact,
      N_("A phone number, e-mail address or postal address"), N_("CONTACT") },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_number, N_("The case it is about"),
      N_("NUMBER") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("The staff member it is about"),
      N_("STAFF-NUMBER") },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("What the complaint says"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the complaint as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbComplaint) complaint = NULL;
  BbComplaintDraft draft = { 0 };

  g_option_context_set_summary (context,
                                _("Takes a complaint in (受理) and prints its number. Any staff "
                                  "member may do it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("complaint add takes no arguments"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);

  draft.channel = channel != NULL ? channel : BB_COMPLAINT_CHANNEL_ONSITE;
  draft.complainant = complainant;
  draft.contact = contact;
  draft.case_number = case_number;
  draft.staff_number = staff;
  draft.content = content;
  complaint = bb_complaint_repo_add (db, actor, &draft, &error);
  if (complaint == NULL)
    return bb_cli_fail (error);

  if (json)
    print_complaint_json (complaint);
  else
    g_print ("%s\n", complaint->number);
  return BB_EXIT_OK;
}

static int
complaint_list (BbCliGlobals  *globals,
                int            argc,
                char         **argv)
{
  g_autofree char *state_text = NULL;
  int limit = LIST_LIMIT;
  gint64 before = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text,
      N_("Only complaints in this state: received, investigating, handled, answered or "
         "archived"), N_("STATE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many (default 50)"), N_("N") },
    { "before", 0, 0, G_OPTION_ARG_INT64, &before,
      N_("Only complaints older than the one with this id (the next page)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(GPtrArray) page = NULL;
  BbComplaintState state = BB_COMPLAINT_RECEIVED;

  g_option_context_set_summary (context, _("Lists complaints, newest first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("complaint list takes no arguments"));
  if (state_text != NULL && !bb_complaint_state_from_string (state_text, &state))
    return bb_cli_usage_error (context, _("unknown state"));
  if (limit < 1 || limit > 500)
    return bb_cli_usage_error (context, _("--limit must be from 1 to 500"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);

  page = bb_complaint_repo_list (db, actor, state_text != NULL ? (int) state : -1, before,
                                 (guint) limit, &error);
  if (page == NULL)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < page->len; i++)
        json_array_add_element (array, bb_complaint_to_json (g_ptr_array_index (page, i)));
      json_node_take_array (node, array);
      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  for (guint i = 0; i < page->len; i++)
    {
      const BbComplaint *c = g_ptr_array_index (page, i);
      g_autofree char *received = format_instant (c->received_at);

      g_print ("%s  %s  %-12s %s%s  %s\n", c->number, received,
               bb_complaint_state_to_string (c->state), c->due_date,
               c->overdue ? "!" : " ", c->complainant);
    }
  return BB_EXIT_OK;
}

static int
complaint_show (BbCliGlobals  *globals,
                int            argc,
                char         **argv)
{
  g_autofree char *pdf = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf,
      N_("Also write the printable complaint record to this PDF file"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbComplaintDetail) detail = NULL;

  g_option_context_set_summary (context,
                                _("Shows a complaint and its steps. Managers and "
                                  "administrators only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2)
    return bb_cli_usage_error (context, _("expected one complaint number"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  detail = bb_complaint_repo_get_detail (db, actor, argv[1], &error);
  if (detail == NULL)
    return bb_cli_fail (error);

  if (pdf != NULL)
    {
      g_autofree char *team = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, NULL);
      g_autofree char *hotline = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, NULL,
                                                       NULL);

      if (!bb_form_complaint_write_pdf (detail, team, hotline, pdf, &error))
        return bb_cli_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) node = bb_complaint_detail_to_json (detail);

      bb_cli_print_json (node);
      return BB_EXIT_OK;
    }

  print_complaint (detail->complaint);
  g_print ("%s\n", _("Steps:"));
  for (guint i = 0; i < detail->steps->len; i++)
    {
      const BbComplaintStep *step = g_ptr_array_index (detail->steps, i);
      g_autofree char *at = format_instant (step->at);
      /* Translators: a complaint step's own deadline in `complaint show`, then a space */
      g_autofree char *due = step->due_date != NULL ? g_strdup_printf (_("(due %s) "),
                                                                       step->due_date)
                                                    : g_strdup ("");

      g_print ("  %s  %-13s %-6s %s%s%s\n", at, bb_complaint_state_to_string (step->step),
               step->staff_number != NULL ? step->staff_number : "system", due,
               step->on_time ? "" : _("(late) "), step->body != NULL ? step->body : "");
    }
  return BB_EXIT_OK;
}

static int
complaint_step (BbCliGlobals  *globals,
                int            argc,
                char         **argv)
{
  g_autofree char *to_text = NULL;
  g_autofree char *text = NULL;
  int expect_version = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The next step: investigating, handled, answered or archived"), N_("STEP") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text,
      N_("What was found, done or told to the complainant (not needed to archive)"),
      N_("TEXT") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT, &expect_version,
      N_("Fail with status 3 unless the complaint is still at this version"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the complaint as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbComplaint) complaint = NULL;
  g_autoptr(BbComplaint) after = NULL;
  BbComplaintState to;

  g_option_context_set_summary (context,
                                _("Moves a complaint to its next step (受理 → 调查 → 处置 → 反馈 "
                                  "→ 归档). Managers and administrators only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc != 2)
    return bb_cli_usage_error (context, _("expected one complaint number"));
  if (to_text == NULL || !bb_complaint_state_from_string (to_text, &to))
    return bb_cli_usage_error (context,
                               _("--to must be investigating, handled, answered or archived"));

  db = open_as (globals, &actor, &error);
  if (db == NULL)
    return bb_cli_fail (error);

  if (expect_version <= 0)
    {
      complaint = bb_complaint_repo_get (db, actor, argv[1], &error);
      if (complaint == NULL)
        return bb_cli_fail (error);
      expect_version = complaint->version;
    }

  after = bb_complaint_repo_step (db, actor, argv[1], to, text, expect_version, &error);
  if (after == NULL)
    return bb_cli_fail (error);

  if (json)
    print_complaint_json (after);
  else
    print_complaint (after);
  return BB_EXIT_OK;
}

typedef struct
{
  const char *name;
  int       (*run) (BbCliGlobals *globals, int argc, char **argv);
} Subcommand;

static const Subcommand complaint_subcommands[] = {
  { "add", complaint_add },
  { "list", complaint_list },
  { "show", complaint_show },
  { "step", complaint_step },
};

/**
 * bb_cli_command_complaint:
 *
 * `complaint add|list|show|step …`
 */
int
bb_cli_command_complaint (BbCliGlobals  *globals,
                          int            argc,
                          char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (complaint_subcommands); i++)
    {
      if (argc >= 2 && g_str_equal (argv[1], complaint_subcommands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("bangban-cli complaint %s",
                                                      complaint_subcommands[i].name);

          g_set_prgname (prgname);
          return complaint_subcommands[i].run (globals, argc - 1, argv + 1);
        }
    }

  context = g_option_context_new ("add|list|show|step");
  g_option_context_set_summary (context,
                                _("Complaints (GB/T 36113). “bangban-cli complaint SUBCOMMAND "
                                  "--help” describes one."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc < 2)
    message = g_strdup (_("expected one of: add, list, show, step"));
  else
    message = g_strdup_printf (_("unknown subcommand “%s”; expected one of: add, list, show, "
                                 "step"), argv[1]);
  return bb_cli_usage_error (context, message);
}
