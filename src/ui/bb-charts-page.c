/* bb-charts-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The managers' charts (DESIGN.md § Screens: Charts): a period (a preset or
 * two dates, checked as typed), the headline figures, and one BbChart per
 * statistics table — satisfaction, on-time completion, handling time,
 * workload, overdue cases and complaints. Each chart can be exported as PNG
 * or PDF and printed. "Export Report" writes the statistics report
 * (XLSX, PDF or CSV) in a thread, with a progress bar and Cancel.
 *
 * The statistics are computed by bb_stats_compute_async(), off the main
 * loop. A click on a bar, point or slice (or Enter on the one the keyboard
 * marks) opens a BbChartCasesWindow listing what it counts — the same
 * table, row, part and period, through bb_stats_cases_list() — and emits
 * BbChartsPage::row-activated with the table and the row's key.
 */

#define G_LOG_DOMAIN "bb-charts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bb-chart-cases-window.h"
#include "bb-charts-page.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-form-report.h"
#include "bb-report.h"
#include "bb-validate.h"

typedef enum
{
  MODE_COUNT,     /* one series: the rows' counts */
  MODE_VALUE,     /* one series: the rows' values */
  MODE_PARTS,     /* a series per part, named by @parts */
  MODE_PART,      /* one series: parts[@part] */
} ChartMode;

typedef struct
{
  BbStatsTableId  table;
  BbChartKind     kind;
  BbChartFormat   format;
  ChartMode       mode;
  gboolean        stacked;
  int             part;
  const char     *title;
  const char     *series;   /* the one series' name */
} ChartSpec;

enum {
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_THIS_QUARTER,
  PERIOD_LAST_QUARTER,
  PERIOD_THIS_YEAR,
  PERIOD_CUSTOM,
};

static const ChartSpec chart_specs[] = {
  { BB_STATS_SATISFACTION, BB_CHART_DONUT, BB_CHART_FORMAT_COUNT, MODE_COUNT, FALSE, 0,
    N_("Satisfaction Ratings"), N_("Evaluations") },
  { BB_STATS_SATISFACTION_BY_MONTH, BB_CHART_LINE, BB_CHART_FORMAT_PERCENT, MODE_VALUE, FALSE, 0,
    N_("Satisfaction Rate by Month"), N_("Satisfaction rate") },
  { BB_STATS_SATISFACTION_BY_STAFF, BB_CHART_HBAR, BB_CHART_FORMAT_PERCENT, MODE_VALUE, FALSE, 0,
    N_("Satisfaction Rate by Staff Member"), N_("Satisfaction rate") },
  { BB_STATS_SATISFACTION_BY_MATTER, BB_CHART_HBAR, BB_CHART_FORMAT_PERCENT, MODE_VALUE, FALSE, 0,
    N_("Satisfaction Rate by Matter"), N_("Satisfaction rate") },
  { BB_STATS_SATISFACTION_BY_CATEGORY, BB_CHART_HBAR, BB_CHART_FORMAT_PERCENT, MODE_VALUE, FALSE,
    0, N_("Satisfaction Rate by Client Category"), N_("Satisfaction rate") },
  { BB_STATS_SATISFACTION_BY_DEPARTMENT, BB_CHART_HBAR, BB_CHART_FORMAT_PERCENT, MODE_VALUE,
    FALSE, 0, N_("Satisfaction Rate by Department"), N_("Satisfaction rate") },
  { BB_STATS_ON_TIME_BY_MONTH, BB_CHART_BAR, BB_CHART_FORMAT_PERCENT, MODE_VALUE, FALSE, 0,
    N_("On-Time Completion Rate by Month"), N_("On-time rate") },
  { BB_STATS_HANDLING_TIME_BY_MONTH, BB_CHART_BAR, BB_CHART_FORMAT_DAYS, MODE_VALUE, FALSE, 0,
    N_("Average Handling Time by Month"), N_("Average handling time") },
  { BB_STATS_WORKLOAD, BB_CHART_BAR, BB_CHART_FORMAT_COUNT, MODE_PARTS, FALSE, 0,
    N_("Workload by Staff Member"), NULL },
  { BB_STATS_WORKLOAD, BB_CHART_HBAR, BB_CHART_FORMAT_COUNT, MODE_PART, FALSE, 4,
    N_("Overdue Cases by Staff Member"), N_("Overdue now") },
  { BB_STATS_COMPLAINTS_BY_MONTH, BB_CHART_BAR, BB_CHART_FORMAT_COUNT, MODE_PARTS, TRUE, 0,
    N_("Complaints by Month and State"), NULL },
  { BB_STATS_COMPLAINTS_BY_STATE, BB_CHART_PIE, BB_CHART_FORMAT_COUNT, MODE_COUNT, FALSE, 0,
    N_("Complaints by State"), N_("Complaints") },
};

/* The report's progress, written by the export thread and read by a timer
 * on the main loop. */
typedef struct
{
  gatomicrefcount ref;
  int             permille;
} ReportProgress;

struct _BbChartsPage
{
  AdwBin           parent_instance;

  BbDatabase      *database;
  BbActor         *actor;
  BbStats         *stats;
  GCancellable    *cancellable;
  GCancellable    *report_cancellable;
  ReportProgress  *progress;
  guint            progress_id;
  char            *from;
  char            *to;
  GPtrArray       *charts;
  guint            loading : 1;
  guint            stale : 1;
  guint            range_valid : 1;
  guint            setting_range : 1;

  AdwToastOverlay *toast_overlay;
  GtkDropDown     *period_drop;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkSpinner      *spinner;
  GtkMenuButton   *report_button;
  GtkRevealer     *range_revealer;
  GtkLabel        *range_error_label;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkStack        *stack;
  AdwStatusPage   *unavailable_page;
  GtkLabel        *period_label;
  GtkLabel        *evaluations_value;
  GtkLabel        *satisfaction_value;
  GtkLabel        *completed_value;
  GtkLabel        *on_time_value;
  GtkLabel        *handling_value;
  GtkLabel        *overdue_value;
  GtkLabel        *complaints_value;
  GtkFlowBox      *chart_box;
};

G_DEFINE_FINAL_TYPE (BbChartsPage, bb_charts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_BUSY,
  PROP_EXPORTING,
  N_PROPS
};

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void ensure_charts (BbChartsPage *self);

/* Helpers */

static ReportProgress *
report_progress_new (void)
{
  ReportProgress *progress = g_new0 (ReportProgress, 1);

  g_atomic_ref_count_init (&progress->ref);
  return progress;
}

static ReportProgress *
report_progress_ref (ReportProgress *progress)
{
  g_atomic_ref_count_inc (&progress->ref);
  return progress;
}

static void
report_progress_unref (gpointer data)
{
  ReportProgress *progress = data;

  if (g_atomic_ref_count_dec (&progress->ref))
    g_free (progress);
}

/* From the export thread. */
static void
report_progress_cb (double   fraction,
                    gpointer user_data)
{
  ReportProgress *progress = user_data;

  g_atomic_int_set (&progress->permille, (int) CLAMP (fraction * 1000, 0, 1000));
}

static gboolean
can_see (BbChartsPage *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_STATS);
}

static gboolean
exporting (BbChartsPage *self)
{
  return self->report_cancellable != NULL;
}

static void
update_actions (BbChartsPage *self)
{
  gboolean ready = self->database != NULL && can_see (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.refresh",
                                 ready && self->range_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-report",
                                 ready && self->range_valid && !exporting (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.cancel-report", exporting (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-chart",
                                 ready && self->stats != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.print-chart",
                                 ready && self->stats != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), ready && self->range_valid &&
                                                              !exporting (self));
}

static void
show_toast (BbChartsPage *self,
            const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (BbChartsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The first and last day of the period @period around today. */
static void
period_range (guint   period,
              char  **from,
              char  **to)
{
  GDate today, first, last;
  int year, month, first_month, last_month;

  bb_clock_today (&today);
  year = g_date_get_year (&today);
  month = g_date_get_month (&today);
  switch (period)
    {
    case PERIOD_LAST_MONTH:
      if (--month == 0)
        {
          month = 12;
          year--;
        }
      first_month = last_month = month;
      break;
    case PERIOD_THIS_QUARTER:
      first_month = (month - 1) / 3 * 3 + 1;
      last_month = first_month + 2;
      break;
    case PERIOD_LAST_QUARTER:
      first_month = (month - 1) / 3 * 3 + 1 - 3;
      if (first_month < 1)
        {
          first_month += 12;
          year--;
        }
      last_month = first_month + 2;
      break;
    case PERIOD_THIS_YEAR:
      first_month = 1;
      last_month = 12;
      break;
    case PERIOD_THIS_MONTH:
    default:
      first_month = last_month = month;
      break;
    }
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, first_month, year);
  g_date_set_dmy (&last, g_date_get_days_in_month (last_month, year), last_month, year);
  *from = date_text (&first);
  *to = date_text (&last);
}

/* Checks the two dates as typed; says what is wrong under them. */
static gboolean
check_range (BbChartsPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  GDate first, last;
  g_autofree char *message = NULL;
  gboolean from_ok, to_ok;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  from_ok = bb_validate_date (from, &first, &error);
  if (!from_ok)
    /* Translators: %s says why the date is wrong */
    message = g_strdup_printf (_("First day: %s"), error->message);
  g_clear_error (&error);
  to_ok = bb_validate_date (to, &last, &error);
  if (!to_ok && message == NULL)
    message = g_strdup_printf (_("Last day: %s"), error->message);
  if (from_ok && to_ok && g_date_compare (&first, &last) > 0)
    {
      to_ok = FALSE;
      message = g_strdup (_("The last day is before the first day."));
    }

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  gtk_label_set_text (self->range_error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->range_revealer, message != NULL);

  self->range_valid = from_ok && to_ok;
  update_actions (self);
  return self->range_valid;
}

static void
set_entries (BbChartsPage *self,
             const char   *from,
             const char   *to)
{
  self->setting_range = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  self->setting_range = FALSE;
  check_range (self);
}

static char *
format_count (const BbStatsRow *row)
{
  return row != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, row->count) : g_strdup ("–");
}

static char *
format_rate (const BbStatsRow *row)
{
  if (row == NULL || isnan (row->value))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", row->value * 100);
}

static char *
format_days (const BbStatsRow *row)
{
  if (row == NULL || isnan (row->value))
    return g_strdup ("–");
  /* Translators: an average handling time, in working days */
  return g_strdup_printf (_("%.1f days"), row->value);
}

static void
set_summary (GtkLabel           *label,
             const BbStatsTable *summary,
             const char         *key,
             char             *(*format) (const BbStatsRow *))
{
  g_autofree char *text = format (bb_stats_table_find (summary, key));

  gtk_label_set_text (label, text);
}

static const char *
part_name (BbStatsTableId table,
           int            part)
{
  if (table == BB_STATS_COMPLAINTS_BY_MONTH)
    return bb_complaint_state_label (part);
  switch (part)
    {
    case 0:
      return _("Registered");
    case 1:
      return _("Accepted");
    case 2:
      return _("Completed");
    case 3:
      return _("Open now");
    default:
      return _("Overdue now");
    }
}

static void
fill_chart (BbChart         *chart,
            const ChartSpec *spec,
            const BbStats   *stats)
{
  const BbStatsTable *table = bb_stats_get_table (stats, spec->table);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *values = NULL;
  guint n = table != NULL ? table->rows->len : 0;

  bb_chart_clear (chart);
  for (guint i = 0; i < n; i++)
    {
      BbStatsRow *row = g_ptr_array_index (table->rows, i);

      g_ptr_array_add (labels, row->label != NULL && *row->label != '\0' ? row->label
                                                                         : _("Nobody"));
    }
  g_ptr_array_add (labels, NULL);
  bb_chart_set_categories (chart, (const char * const *) labels->pdata);
  values = g_new0 (double, MAX (n, 1));

  if (spec->mode == MODE_PARTS)
    {
      guint n_parts = spec->table == BB_STATS_COMPLAINTS_BY_MONTH ? BB_N_COMPLAINT_STATES
                                                                 : BB_STATS_N_PARTS;

      for (guint p = 0; p < n_parts; p++)
        {
          for (guint i = 0; i < n; i++)
            values[i] = ((BbStatsRow *) g_ptr_array_index (table->rows, i))->parts[p];
          bb_chart_add_series (chart, part_name (spec->table, p), values, n);
        }
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      BbStatsRow *row = g_ptr_array_index (table->rows, i);

      switch (spec->mode)
        {
        case MODE_COUNT:
          values[i] = row->count;
          break;
        case MODE_PART:
          values[i] = row->parts[spec->part];
          break;
        case MODE_VALUE:
        case MODE_PARTS:
        default:
          values[i] = row->value;
          break;
        }
    }
  bb_chart_add_series (chart, _(spec->series), values, n);
}

static void
show_stats (BbChartsPage *self)
{
  const BbStatsTable *summary = bb_stats_get_table (self->stats, BB_STATS_SUMMARY);
  g_autofree char *period = NULL;

  /* Translators: the period charted: first day – last day */
  period = g_strdup_printf (_("%s – %s"), self->stats->from, self->stats->to);
  gtk_label_set_text (self->period_label, period);

  set_summary (self->evaluations_value, summary, BB_STATS_KEY_EVALUATIONS, format_count);
  set_summary (self->satisfaction_value, summary, BB_STATS_KEY_SATISFACTION_RATE, format_rate);
  set_summary (self->completed_value, summary, BB_STATS_KEY_COMPLETED, format_count);
  set_summary (self->on_time_value, summary, BB_STATS_KEY_ON_TIME_RATE, format_rate);
  set_summary (self->handling_value, summary, BB_STATS_KEY_HANDLING_DAYS, format_days);
  set_summary (self->overdue_value, summary, BB_STATS_KEY_OVERDUE, format_count);
  set_summary (self->complaints_value, summary, BB_STATS_KEY_COMPLAINTS, format_count);

  ensure_charts (self);
  for (guint i = 0; i < self->charts->len; i++)
    fill_chart (g_ptr_array_index (self->charts, i), &chart_specs[i], self->stats);
  gtk_stack_set_visible_child_name (self->stack, "charts");
}

/* Computing */

static void
set_loading (BbChartsPage *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BbChartsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BbStats *stats = bb_stats_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (stats == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
    }
  else
    {
      g_clear_pointer (&self->stats, bb_stats_free);
      self->stats = stats;
      show_stats (self);
    }
  update_actions (self);
  set_loading (self, FALSE);
}

/* Ports of the page's charts */

static BbChart *
chart_at (BbChartsPage *self,
          int           index)
{
  ensure_charts (self);
  if (index < 0 || (guint) index >= self->charts->len)
    return NULL;
  return g_ptr_array_index (self->charts, index);
}

/* Which part of the row a series of the chart shows (-1: the row's own
 * figure), for bb_stats_cases_list(). */
static int
spec_part (const ChartSpec *spec,
           guint            series)
{
  switch (spec->mode)
    {
    case MODE_PARTS:
      return (int) series;
    case MODE_PART:
      return spec->part;
    case MODE_COUNT:
    case MODE_VALUE:
    default:
      return -1;
    }
}

static void
chart_activated_cb (BbChart      *chart,
                    guint         series,
                    guint         category,
                    BbChartsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chart), "spec-index"));
  const ChartSpec *spec = &chart_specs[index];
  const BbStatsTable *table;
  const BbStatsRow *row;
  g_autofree char *bucket = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  BbChartCasesWindow *window;

  if (self->stats == NULL || self->database == NULL || !can_see (self))
    return;
  table = bb_stats_get_table (self->stats, spec->table);
  if (table == NULL || category >= table->rows->len)
    return;
  row = g_ptr_array_index (table->rows, category);

  /* The chart · the bar (and its series, when there are several) · the
   * period, e.g. “满意度 · 不满意 · 2026-03-01 至 2026-03-31”. */
  if (spec->mode == MODE_PARTS)
    /* Translators: a bar of a chart with several series: category, series */
    bucket = g_strdup_printf (_("%s, %s"), bb_chart_get_category (chart, category),
                              part_name (spec->table, (int) series));
  else
    bucket = g_strdup (bb_chart_get_category (chart, category));
  /* Translators: a period: first day to last day */
  period = g_strdup_printf (_("%s to %s"), self->stats->from, self->stats->to);
  /* Translators: the title of a chart's list: chart · bar · period */
  title = g_strdup_printf (_("%s · %s · %s"), _(spec->title), bucket, period);

  window = bb_chart_cases_window_new (parent_window (self), self->database, self->actor,
                                      spec->table, row->key, spec_part (spec, series),
                                      self->stats->from, self->stats->to, title);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, (int) spec->table, row->key);
}

static GtkWidget *
chart_card (BbChartsPage *self,
            guint         index)
{
  const ChartSpec *spec = &chart_specs[index];
  GtkWidget *chart = bb_chart_new (spec->kind);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  static const struct { const char *label; const char *format; } exports[] = {
    { N_("Export as _PNG…"), "png" },
    { N_("Export as P_DF…"), "pdf" },
  };

  bb_chart_set_title (BB_CHART (chart), _(spec->title));
  bb_chart_set_format (BB_CHART (chart), spec->format);
  bb_chart_set_stacked (BB_CHART (chart), spec->stacked);
  gtk_widget_set_size_request (chart, -1, 280);
  g_object_set_data (G_OBJECT (chart), "spec-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (chart, "activated", G_CALLBACK (chart_activated_cb), self, 0);
  g_ptr_array_add (self->charts, chart);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(exports[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "charts.export-chart",
                                               g_variant_new ("(is)", index, exports[i].format));
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Print…"), NULL);

    g_menu_item_set_action_and_target_value (item, "charts.print-chart",
                                             g_variant_new_int32 (index));
    g_menu_append_item (menu, item);
  }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Export or print this chart"));
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_halign (menu_button, GTK_ALIGN_END);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (menu_button, 4);
  gtk_widget_set_margin_end (menu_button, 4);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), chart);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), menu_button);
  gtk_widget_add_css_class (overlay, "card");
  gtk_widget_add_css_class (overlay, "chart-card");
  gtk_widget_set_size_request (overlay, 340, -1);
  return overlay;
}

/* The cards are made when the first figures are shown, not with the main
 * window: a dozen charts with their menus cost start-up time on a page
 * most people never open. */
static void
ensure_charts (BbChartsPage *self)
{
  if (self->charts->len > 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (chart_specs); i++)
    gtk_flow_box_append (self->chart_box, chart_card (self, i));
}

/* Actions */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BbChartsPage *self = BB_CHARTS_PAGE (widget);

  if (!check_range (self))
    return;
  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  self->to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  bb_charts_page_reload (self);
}

static void
chart_saved_cb (GtkNativeDialog *dialog,
                int              response,
                BbChartsPage    *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "chart-index"));
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  BbChart *chart = chart_at (self, index);

  if (response == GTK_RESPONSE_ACCEPT && chart != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (g_str_equal (format, "png"))
        ok = bb_chart_write_png (chart, path, 1200, 800, &error);
      else
        ok = bb_chart_write_pdf (chart, path, 842, 595, &error);
      if (ok)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);

          show_toast (self, message);
        }
      else
        show_toast (self, error->message);
    }
  g_object_unref (dialog);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbChartsPage *self = BB_CHARTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *format;
  int index;

  g_variant_get (parameter, "(i&s)", &index, &format);
  if (chart_at (self, index) == NULL || self->stats == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s-%s.%s", bb_stats_table_to_string (chart_specs[index].table),
                          self->stats->from, self->stats->to,
                          g_str_equal (format, "png") ? "png" : "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "chart-index", GINT_TO_POINTER (index));
  g_object_set_data_full (G_OBJECT (chooser), "format",
                          g_strdup (g_str_equal (format, "png") ? "png" : "pdf"), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chart_saved_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              BbChart           *chart)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  bb_chart_render_for_print (chart, cr, (int) gtk_print_context_get_width (context),
                             (int) MIN (gtk_print_context_get_height (context),
                                        gtk_print_context_get_width (context) * 0.7));
}

static void
print_chart_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BbChartsPage *self = BB_CHARTS_PAGE (widget);
  BbChart *chart = chart_at (self, g_variant_get_int32 (parameter));
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (chart == NULL)
    return;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, bb_chart_get_title (chart));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), chart, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message);
}

/* The report */

static gboolean
progress_tick_cb (gpointer user_data)
{
  BbChartsPage *self = user_data;

  if (self->progress != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&self->progress->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_exporting (BbChartsPage *self,
               const char   *name)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->progress, report_progress_unref);
  if (name != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Writing the statistics report “%s”…"), name);

      self->progress = report_progress_new ();
      self->report_cancellable = g_cancellable_new ();
      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_id = g_timeout_add (100, progress_tick_cb, self);
    }
  else
    g_clear_object (&self->report_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, name != NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

typedef struct
{
  BbChartsPage *self;
  char         *name;
} ExportData;

static void
report_exported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ExportData *data = user_data;
  BbChartsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean written = bb_report_export_finish (result, &error);

  if (self->charts == NULL)   /* disposed meanwhile */
    ;
  else if (written)
    {
      g_autofree char *message = g_strdup_printf (_("Report saved as “%s”"), data->name);

      show_toast (self, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, _("Report cancelled; no file was written"));
  else
    show_toast (self, error->message);
  if (self->charts != NULL)
    set_exporting (self, NULL);
  g_object_unref (data->self);
  g_free (data->name);
  g_free (data);
}

static void
report_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  BbChartsPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      bb_charts_page_export_report (self, g_object_get_data (G_OBJECT (dialog), "format"), file);
    }
  g_object_unref (dialog);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbChartsPage *self = BB_CHARTS_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!check_range (self) || exporting (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Export Statistics Report"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the report's file name; keep it free of spaces */
  name = g_strdup_printf (_("statistics-%s-%s.%s"),
                          gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                          gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (report_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bb_charts_page_cancel_report (BB_CHARTS_PAGE (widget));
}

/* Signal callbacks */

static void
period_changed_cb (BbChartsPage *self)
{
  guint period = gtk_drop_down_get_selected (self->period_drop);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (period == PERIOD_CUSTOM || period == GTK_INVALID_LIST_POSITION)
    return;
  period_range (period, &from, &to);
  set_entries (self, from, to);
  gtk_widget_activate_action (GTK_WIDGET (self), "charts.refresh", NULL);
}

static void
range_edited_cb (BbChartsPage *self)
{
  if (self->setting_range)
    return;
  if (gtk_drop_down_get_selected (self->period_drop) != PERIOD_CUSTOM)
    {
      self->setting_range = TRUE;
      gtk_drop_down_set_selected (self->period_drop, PERIOD_CUSTOM);
      self->setting_range = FALSE;
    }
  check_range (self);
}

static void
range_activated_cb (BbChartsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "charts.refresh", NULL);
}

/* Overrides */

static void
bb_charts_page_map (GtkWidget *widget)
{
  BbChartsPage *self = BB_CHARTS_PAGE (widget);

  GTK_WIDGET_CLASS (bb_charts_page_parent_class)->map (widget);
  if (self->stale)
    bb_charts_page_reload (self);
}

static void
bb_charts_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbChartsPage *self = BB_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_EXPORTING:
      g_value_set_boolean (value, exporting (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_charts_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbChartsPage *self = BB_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_charts_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_ACTOR:
      bb_charts_page_set_actor (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_charts_page_dispose (GObject *object)
{
  BbChartsPage *self = BB_CHARTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->report_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  /* AdwBin keeps its own pointer to the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CHARTS_PAGE);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (bb_charts_page_parent_class)->dispose (object);
}

static void
bb_charts_page_finalize (GObject *object)
{
  BbChartsPage *self = BB_CHARTS_PAGE (object);

  g_clear_object (&self->report_cancellable);
  g_clear_pointer (&self->progress, report_progress_unref);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->stats, bb_stats_free);
  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (bb_charts_page_parent_class)->finalize (object);
}

static void
bb_charts_page_class_init (BbChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bb_charts_page_get_property;
  object_class->set_property = bb_charts_page_set_property;
  object_class->dispose = bb_charts_page_dispose;
  object_class->finalize = bb_charts_page_finalize;
  widget_class->map = bb_charts_page_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbChartsPage::row-activated:
   * @table: the #BbStatsTableId of the chart clicked
   * @key: the key of the row clicked (a staff id, a month, a state…)
   */
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_INT, G_TYPE_STRING);

  g_type_ensure (BB_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, period_drop);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, report_button);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, range_error_label);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, evaluations_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, satisfaction_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, completed_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, on_time_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, handling_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, complaints_value);
  gtk_widget_class_bind_template_child (widget_class, BbChartsPage, chart_box);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_activated_cb);

  gtk_widget_class_install_action (widget_class, "charts.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "charts.export-report", "s",
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "charts.cancel-report", NULL,
                                   cancel_report_action);
  gtk_widget_class_install_action (widget_class, "charts.export-chart", "(is)",
                                   export_chart_action);
  gtk_widget_class_install_action (widget_class, "charts.print-chart", "i", print_chart_action);
}

static void
bb_charts_page_init (BbChartsPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->charts = g_ptr_array_new ();

  period_range (PERIOD_THIS_MONTH, &from, &to);
  set_entries (self, from, to);
  self->from = g_steal_pointer (&from);
  self->to = g_steal_pointer (&to);
  update_actions (self);
}

/* Public API */

BbChartsPage *
bb_charts_page_new (BbDatabase    *database,
                    const BbActor *actor)
{
  return g_object_new (BB_TYPE_CHARTS_PAGE, "database", database, "actor", actor, NULL);
}

BbDatabase *
bb_charts_page_get_database (BbChartsPage *self)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), NULL);
  return self->database;
}

void
bb_charts_page_set_database (BbChartsPage *self,
                             BbDatabase   *database)
{
  g_return_if_fail (BB_IS_CHARTS_PAGE (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  bb_charts_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const BbActor *
bb_charts_page_get_actor (BbChartsPage *self)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), NULL);
  return self->actor;
}

void
bb_charts_page_set_actor (BbChartsPage  *self,
                          const BbActor *actor)
{
  g_return_if_fail (BB_IS_CHARTS_PAGE (self));

  if (self->actor == NULL && actor == NULL)
    return;
  if (self->actor != NULL && actor != NULL && self->actor->staff_id == actor->staff_id &&
      self->actor->role == actor->role)
    return;
  g_clear_pointer (&self->actor, bb_actor_free);
  self->actor = actor != NULL ? bb_actor_copy (actor) : NULL;
  bb_charts_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gboolean
bb_charts_page_get_busy (BbChartsPage *self)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), FALSE);
  return self->loading;
}

gboolean
bb_charts_page_get_exporting (BbChartsPage *self)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), FALSE);
  return exporting (self);
}

/**
 * bb_charts_page_set_range:
 * @from, @to: `YYYY-MM-DD`
 *
 * Charts a custom range, as typing the two dates and Show does.
 */
void
bb_charts_page_set_range (BbChartsPage *self,
                          const char   *from,
                          const char   *to)
{
  g_return_if_fail (BB_IS_CHARTS_PAGE (self));

  self->setting_range = TRUE;
  gtk_drop_down_set_selected (self->period_drop, PERIOD_CUSTOM);
  self->setting_range = FALSE;
  set_entries (self, from, to);
  gtk_widget_activate_action (GTK_WIDGET (self), "charts.refresh", NULL);
}

/**
 * bb_charts_page_reload:
 *
 * Computes the statistics of the period again, in a thread (at once when
 * the page is shown, else when it next is).
 */
void
bb_charts_page_reload (BbChartsPage *self)
{
  g_return_if_fail (BB_IS_CHARTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (self->database == NULL || self->actor == NULL)
    {
      set_loading (self, FALSE);
      g_clear_pointer (&self->stats, bb_stats_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->stale = FALSE;
      return;
    }
  if (!can_see (self))
    {
      set_loading (self, FALSE);
      g_clear_pointer (&self->stats, bb_stats_free);
      gtk_stack_set_visible_child_name (self->stack, "denied");
      self->stale = FALSE;
      return;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  bb_stats_compute_async (self->database, self->actor, self->from, self->to, self->cancellable,
                          computed_cb, g_object_ref (self));
}

/**
 * bb_charts_page_get_stats:
 *
 * Returns: (nullable): the statistics shown
 */
const BbStats *
bb_charts_page_get_stats (BbChartsPage *self)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), NULL);
  return self->stats;
}

/**
 * bb_charts_page_show_stats:
 * @stats: statistics computed elsewhere
 *
 * Shows @stats (a copy) as if the page had computed them: the headline
 * figures and every chart. For the benchmark, which charts data of a size
 * no test database has.
 */
void
bb_charts_page_show_stats (BbChartsPage  *self,
                           const BbStats *stats)
{
  g_return_if_fail (BB_IS_CHARTS_PAGE (self));
  g_return_if_fail (stats != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  g_clear_pointer (&self->stats, bb_stats_free);
  self->stats = bb_stats_copy (stats);
  self->stale = FALSE;
  show_stats (self);
  update_actions (self);
}

guint
bb_charts_page_get_n_charts (BbChartsPage *self)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), 0);
  ensure_charts (self);
  return self->charts->len;
}

BbChart *
bb_charts_page_get_chart (BbChartsPage *self,
                          guint         index)
{
  g_return_val_if_fail (BB_IS_CHARTS_PAGE (self), NULL);
  return chart_at (self, index);
}

/**
 * bb_charts_page_export_report:
 * @format: `xlsx`, `pdf` or `csv`
 * @file: where to write it (a local file)
 *
 * Writes the statistics report of the period in the entries, in a thread,
 * showing its progress with a Cancel button. A cancelled report leaves no
 * file behind.
 */
void
bb_charts_page_export_report (BbChartsPage *self,
                              const char   *format,
                              GFile        *file)
{
  g_autofree char *path = NULL;
  BbReportWriter writer;
  ExportData *data;

  g_return_if_fail (BB_IS_CHARTS_PAGE (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (exporting (self) || self->database == NULL || !can_see (self) || !check_range (self))
    return;
  if (g_str_equal (format, "xlsx"))
    writer = bb_report_write_xlsx;
  else if (g_str_equal (format, "csv"))
    writer = bb_report_write_csv;
  else
    writer = bb_form_report_write_pdf;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("The report can only be saved to a local folder"));
      return;
    }
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->name = g_file_get_basename (file);
  set_exporting (self, data->name);
  bb_report_export_async (self->database, self->actor,
                          gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                          gtk_editable_get_text (GTK_EDITABLE (self->to_entry)),
                          writer, path, report_progress_cb, report_progress_ref (self->progress),
                          report_progress_unref, self->report_cancellable, report_exported_cb,
                          data);
}

/**
 * bb_charts_page_cancel_report:
 *
 * Stops the report being written, if any.
 */
void
bb_charts_page_cancel_report (BbChartsPage *self)
{
  g_return_if_fail (BB_IS_CHARTS_PAGE (self));

  if (self->report_cancellable != NULL)
    g_cancellable_cancel (self->report_cancellable);
}
