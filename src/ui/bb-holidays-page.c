/* bb-holidays-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The holiday calendar as a year of twelve small months: public holidays
 * marked “休” (Off) and make-up working days (调休) marked “班” (Work), by a
 * word and a CSS class, never by colour alone. Administrators click a day
 * to cycle it ordinary → public holiday → make-up working day → ordinary,
 * and import a CSV file. Every call to core runs in a GTask thread.
 */

#define G_LOG_DOMAIN "bb-holidays-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-clock.h"
#include "bb-csv-import.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-holidays-page.h"

struct _BbHolidaysPage
{
  AdwBin           parent_instance;

  BbDatabase      *database;
  BbActor         *actor;
  GCancellable    *cancellable;
  GHashTable      *entries;   /* "YYYY-MM-DD" → BbHoliday */
  GHashTable      *buttons;   /* "YYYY-MM-DD" → GtkButton (unowned) */
  int              year;
  int              built_year;
  guint            n_pending;
  guint            loading : 1;
  BbCsvImport     *import;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *year_label;
  GtkBox          *legend;
  GtkButton       *import_button;
  GtkLabel        *hint_label;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *unavailable_page;
  GtkFlowBox      *months_box;
};

G_DEFINE_FINAL_TYPE (BbHolidaysPage, bb_holidays_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_YEAR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
can_manage (BbHolidaysPage *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_HOLIDAYS_MANAGE);
}

static void
notify_busy (BbHolidaysPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (BbHolidaysPage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
show_toast (BbHolidaysPage *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static int
this_year (void)
{
  GDate today;

  bb_clock_today (&today);
  return g_date_get_year (&today);
}

static void
update_actions (BbHolidaysPage *self)
{
  gboolean manage = can_manage (self);

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), manage);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "holidays.import",
                                 manage && self->database != NULL
                                 && !bb_csv_import_get_running (self->import));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "holidays.previous-year", self->year > 1901);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "holidays.next-year", self->year < 9998);
}

/* Marks: the word, the class and the description of each kind of day */

static const char *
kind_mark (BbDayKind kind)
{
  switch (kind)
    {
    case BB_DAY_HOLIDAY:
      /* Translators: the mark on a public holiday in the year calendar,
       * one or two characters; Chinese calendars write 休 */
      return C_("day mark", "Off");
    case BB_DAY_WORKDAY:
      /* Translators: the mark on a make-up working day (调休) in the year
       * calendar, one or two characters; Chinese calendars write 班 */
      return C_("day mark", "Work");
    case BB_DAY_DEFAULT:
    default:
      return "";
    }
}

static const char *
kind_class (BbDayKind kind)
{
  switch (kind)
    {
    case BB_DAY_HOLIDAY:
      return "bb-holiday";
    case BB_DAY_WORKDAY:
      return "bb-workday";
    case BB_DAY_DEFAULT:
    default:
      return NULL;
    }
}

static const char *
kind_description (BbDayKind kind,
                  gboolean  weekend)
{
  switch (kind)
    {
    case BB_DAY_HOLIDAY:
      return _("Public holiday");
    case BB_DAY_WORKDAY:
      return _("Make-up working day");
    case BB_DAY_DEFAULT:
    default:
      return weekend ? _("Weekend") : _("Working day");
    }
}

static GtkWidget *
legend_item (const char *mark,
             const char *css_class,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_label_new (mark);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (swatch, "bb-legend-swatch");
  if (css_class != NULL)
    gtk_widget_add_css_class (swatch, css_class);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
build_legend (BbHolidaysPage *self)
{
  gtk_box_append (self->legend, legend_item (kind_mark (BB_DAY_HOLIDAY), "bb-holiday",
                                             _("Public holiday")));
  gtk_box_append (self->legend, legend_item (kind_mark (BB_DAY_WORKDAY), "bb-workday",
                                             _("Make-up working day (调休)")));
  gtk_box_append (self->legend, legend_item (C_("weekday", "Sa"), "bb-weekend", _("Weekend")));
  gtk_box_append (self->legend, legend_item ("", "bb-today", _("Today")));
}

/* The days */

static char *
iso_date (int       year,
          GDateMonth month,
          int       day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, (int) month, day);
}

static void
update_day (BbHolidaysPage *self,
            const char     *iso,
            GtkWidget      *button)
{
  BbHoliday *entry = g_hash_table_lookup (self->entries, iso);
  BbDayKind kind = entry != NULL ? entry->kind : BB_DAY_DEFAULT;
  GtkLabel *mark = g_object_get_data (G_OBJECT (button), "mark");
  gboolean weekend = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "weekend"));
  const char *date_text = g_object_get_data (G_OBJECT (button), "date-text");
  g_autofree char *description = NULL;

  gtk_widget_remove_css_class (button, "bb-holiday");
  gtk_widget_remove_css_class (button, "bb-workday");
  if (kind_class (kind) != NULL)
    gtk_widget_add_css_class (button, kind_class (kind));
  gtk_label_set_text (mark, kind_mark (kind));

  if (entry != NULL && entry->name != NULL && *entry->name != '\0')
    /* Translators: a day's tooltip: the date, what kind of day, its name (春节) */
    description = g_strdup_printf (_("%s: %s, %s"), date_text, kind_description (kind, weekend),
                                   entry->name);
  else
    /* Translators: a day's tooltip: the date and what kind of day it is */
    description = g_strdup_printf (_("%s: %s"), date_text, kind_description (kind, weekend));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (button), "description", g_steal_pointer (&description),
                          g_free);
}

/* The day's description is given to the tooltip when it is asked for:
 * gtk_widget_set_tooltip_text () on each of the year's 365 buttons would
 * query the pointer from the display server 365 times whenever the year
 * is loaded. */
static gboolean
day_query_tooltip_cb (GtkWidget  *button,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  const char *description = g_object_get_data (G_OBJECT (button), "description");

  if (description == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

/**
 * bb_holidays_page_get_day_description:
 * @date: a day of the year shown, `YYYY-MM-DD`
 *
 * Returns: (nullable): the description of the day its tooltip and its
 *   accessible label give (the date, what kind of day, its name)
 */
const char *
bb_holidays_page_get_day_description (BbHolidaysPage *self,
                                      const char     *date)
{
  GtkWidget *button;

  g_return_val_if_fail (BB_IS_HOLIDAYS_PAGE (self), NULL);

  button = g_hash_table_lookup (self->buttons, date);
  return button != NULL ? g_object_get_data (G_OBJECT (button), "description") : NULL;
}

static void
update_days (BbHolidaysPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->buttons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    update_day (self, key, value);
}

static void update_editable (BbHolidaysPage *self);
static void day_clicked_cb  (GtkButton      *button,
                             BbHolidaysPage *self);

static GtkWidget *
month_widget (BbHolidaysPage *self,
              GDateMonth      month,
              const GDate    *today)
{
  /* Translators: the days of the week over each month of the year
   * calendar, Monday first, as short as possible (Chinese: 一 二 三…) */
  const char *weekdays[] = {
    C_("weekday", "Mo"), C_("weekday", "Tu"), C_("weekday", "We"), C_("weekday", "Th"),
    C_("weekday", "Fr"), C_("weekday", "Sa"), C_("weekday", "Su")
  };
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, month, 1, 0, 0, 0);
  g_autofree char *title = g_date_time_format (first, "%B");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();
  GDate date;
  int n_days = g_date_get_days_in_month (month, self->year);
  int column, row = 1;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "bb-month");
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  for (int i = 0; i < 7; i++)
    {
      GtkWidget *label = gtk_label_new (weekdays[i]);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      if (i >= 5)
        gtk_widget_add_css_class (label, "bb-weekend-heading");
      gtk_grid_attach (GTK_GRID (grid), label, i, 0, 1, 1);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, self->year);
  column = g_date_get_weekday (&date) - G_DATE_MONDAY;
  for (int day = 1; day <= n_days; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (self->year, month, day, 0, 0, 0);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *number = gtk_label_new (NULL);
      GtkWidget *mark = gtk_label_new (NULL);
      char *iso = iso_date (self->year, month, day);
      g_autofree char *number_text = g_strdup_printf ("%d", day);
      gboolean weekend = column >= 5;
      const char *date_format;

      gtk_label_set_text (GTK_LABEL (number), number_text);
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (mark, "bb-day-mark");
      gtk_box_append (GTK_BOX (content), number);
      gtk_box_append (GTK_BOX (content), mark);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "bb-day");
      if (weekend)
        gtk_widget_add_css_class (button, "bb-weekend");
      g_date_set_dmy (&date, day, month, self->year);
      if (g_date_compare (&date, today) == 0)
        gtk_widget_add_css_class (button, "bb-today");

      gtk_widget_set_name (button, iso);
      g_object_set_data (G_OBJECT (button), "mark", mark);
      g_object_set_data (G_OBJECT (button), "weekend", GINT_TO_POINTER (weekend));
      g_object_set_data_full (G_OBJECT (button), "iso", g_strdup (iso), g_free);
      /* Translators: a date in a day's tooltip, in the notation of
       * g_date_time_format(): %A the weekday, %x the date.
       * xgettext:no-c-format */
      date_format = _("%A, %x");
      g_object_set_data_full (G_OBJECT (button), "date-text",
                              g_date_time_format (when, date_format), g_free);
      gtk_widget_set_has_tooltip (button, TRUE);
      g_signal_connect (button, "query-tooltip", G_CALLBACK (day_query_tooltip_cb), NULL);
      g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
      g_hash_table_insert (self->buttons, iso, button);

      gtk_grid_attach (GTK_GRID (grid), button, column, row, 1, 1);
      column++;
      if (column == 7)
        {
          column = 0;
          row++;
        }
    }
  return box;
}

static void
build_year (BbHolidaysPage *self)
{
  GtkWidget *child;
  GDate today;
  g_autofree char *year_text = g_strdup_printf ("%d", self->year);

  gtk_label_set_text (self->year_label, year_text);
  if (self->built_year == self->year)
    return;

  g_hash_table_remove_all (self->buttons);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->months_box))) != NULL)
    gtk_flow_box_remove (self->months_box, child);

  bb_clock_today (&today);
  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      GtkWidget *month_box = month_widget (self, month, &today);
      GtkFlowBoxChild *flow_child;

      gtk_flow_box_append (self->months_box, month_box);
      flow_child = GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (month_box));
      gtk_widget_set_focusable (GTK_WIDGET (flow_child), FALSE);
    }
  self->built_year = self->year;
  update_editable (self);
  update_days (self);
}

static void
update_editable (BbHolidaysPage *self)
{
  gboolean manage = can_manage (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->buttons);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gtk_widget_set_can_target (value, manage);
      gtk_widget_set_focusable (value, manage);
      if (manage)
        gtk_widget_remove_css_class (value, "bb-read-only");
      else
        gtk_widget_add_css_class (value, "bb-read-only");
    }
}

/* Reading a year */

typedef struct
{
  BbDatabase *database;
  int         year;
} ListJob;

static void
list_job_free (ListJob *job)
{
  g_clear_object (&job->database);
  g_free (job);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListJob *job = task_data;
  GError *error = NULL;
  GPtrArray *days = bb_holiday_repo_list (job->database, job->year, &error);

  if (days == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, days, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BbHolidaysPage) self = user_data;
  ListJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;

  days = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job->year != self->year)
    return;   /* the user moved on to another year meanwhile */

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (days == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
      notify_busy (self);
      return;
    }

  g_hash_table_remove_all (self->entries);
  for (guint i = 0; i < days->len; i++)
    {
      BbHoliday *day = g_ptr_array_index (days, i);

      g_hash_table_insert (self->entries, g_strdup (day->day), bb_holiday_copy (day));
    }
  build_year (self);
  update_days (self);
  gtk_stack_set_visible_child_name (self->stack, "calendar");
  notify_busy (self);
}

/* Changing a day */

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
  char       *day;
  BbDayKind   kind;
  int         version;
  GtkWidget  *button;
} DayJob;

static void
day_job_free (DayJob *job)
{
  g_clear_object (&job->database);
  g_clear_pointer (&job->actor, bb_actor_free);
  g_free (job->day);
  g_clear_object (&job->button);
  g_free (job);
}

static void
day_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  DayJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->kind == BB_DAY_DEFAULT)
    ok = bb_holiday_repo_remove (job->database, job->actor, job->day, job->version, &error);
  else
    ok = bb_holiday_repo_set (job->database, job->actor, job->day, job->kind, NULL, job->version,
                              &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
day_changed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BbHolidaysPage) self = user_data;
  DayJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_pending--;
  gtk_widget_set_sensitive (job->button, TRUE);
  if (error != NULL)
    {
      /* Someone else changed the day first, or core refused: say why and
       * show the calendar as it is now. */
      show_error (self, error->message);
    }
  bb_holidays_page_reload (self);
}

static void
day_clicked_cb (GtkButton      *button,
                BbHolidaysPage *self)
{
  const char *iso = g_object_get_data (G_OBJECT (button), "iso");
  BbHoliday *entry = g_hash_table_lookup (self->entries, iso);
  BbDayKind current = entry != NULL ? entry->kind : BB_DAY_DEFAULT;
  g_autoptr(GTask) task = NULL;
  DayJob *job;

  if (!can_manage (self) || self->database == NULL)
    return;

  job = g_new0 (DayJob, 1);
  job->database = g_object_ref (self->database);
  job->actor = bb_actor_copy (self->actor);
  job->day = g_strdup (iso);
  job->version = entry != NULL ? entry->version : 0;
  job->button = g_object_ref (GTK_WIDGET (button));
  switch (current)
    {
    case BB_DAY_DEFAULT:
      job->kind = BB_DAY_HOLIDAY;
      break;
    case BB_DAY_HOLIDAY:
      job->kind = BB_DAY_WORKDAY;
      break;
    case BB_DAY_WORKDAY:
    default:
      job->kind = BB_DAY_DEFAULT;
      break;
    }

  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  self->n_pending++;
  notify_busy (self);
  task = g_task_new (NULL, self->cancellable, day_changed_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) day_job_free);
  g_task_run_in_thread (task, day_thread);
}

/* Import */

static void
import_state_changed (BbHolidaysPage *self)
{
  update_actions (self);
  notify_busy (self);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BbHolidaysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean unreadable = FALSE;
  guint n_imported = 0;

  if (!bb_csv_import_finish (result, &n_imported, &name, &unreadable, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (unreadable)
        message = g_strdup_printf (_("“%s” cannot be read: %s"), name, error->message);
      else
        /* Translators: %s is the file, then the reason (it names the line) */
        message = g_strdup_printf (_("“%s” was not imported, and the calendar is unchanged. %s"),
                                   name, error->message);
      import_state_changed (self);
      show_error (self, message);
      return;
    }

  import_state_changed (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u day from “%s”",
                                          "Imported %u days from “%s”", n_imported),
                             n_imported, name);
  show_toast (self, message);
  bb_holidays_page_reload (self);
}

static void
file_chosen (GtkWidget *page,
             GFile     *file)
{
  bb_holidays_page_import_file (BB_HOLIDAYS_PAGE (page), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bb_csv_import_choose (widget, _("Import Holidays"), file_chosen);
}

static void
previous_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbHolidaysPage *self = BB_HOLIDAYS_PAGE (widget);

  bb_holidays_page_set_year (self, self->year - 1);
}

static void
next_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbHolidaysPage *self = BB_HOLIDAYS_PAGE (widget);

  bb_holidays_page_set_year (self, self->year + 1);
}

static void
this_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bb_holidays_page_set_year (BB_HOLIDAYS_PAGE (widget), this_year ());
}

/* Signal callbacks */

static void
dismiss_error_clicked_cb (BbHolidaysPage *self)
{
  show_error (self, NULL);
}

static void
retry_clicked_cb (BbHolidaysPage *self)
{
  bb_holidays_page_reload (self);
}

/* Object */

static void
bb_holidays_page_dispose (GObject *object)
{
  BbHolidaysPage *self = BB_HOLIDAYS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->import, bb_csv_import_free);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  /* AdwBin keeps its own pointer to the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_HOLIDAYS_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (bb_holidays_page_parent_class)->dispose (object);
}

static void
bb_holidays_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbHolidaysPage *self = BB_HOLIDAYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, bb_holidays_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_holidays_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbHolidaysPage *self = BB_HOLIDAYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_holidays_page_set_database (self, g_value_get_object (value));
      break;

    case PROP_ACTOR:
      bb_holidays_page_set_actor (self, g_value_get_boxed (value));
      break;

    case PROP_YEAR:
      bb_holidays_page_set_year (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_holidays_page_class_init (BbHolidaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_holidays_page_dispose;
  object_class->get_property = bb_holidays_page_get_property;
  object_class->set_property = bb_holidays_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BbHolidaysPage:actor:
   *
   * Who works: administrators change days and import; everybody else reads.
   */
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BbHolidaysPage:year:
   *
   * The year shown; this year (bb_clock_today()) at first.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1901, 9998, 2026,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-holidays-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, legend);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbHolidaysPage, months_box);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_install_action (widget_class, "holidays.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "holidays.previous-year", NULL,
                                   previous_year_action);
  gtk_widget_class_install_action (widget_class, "holidays.next-year", NULL, next_year_action);
  gtk_widget_class_install_action (widget_class, "holidays.this-year", NULL, this_year_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "holidays.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "holidays.next-year", NULL);
}

static void
bb_holidays_page_init (BbHolidaysPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) bb_holiday_free);
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year = this_year ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->import = bb_csv_import_new (bb_holiday_repo_import_csv, self->progress_revealer,
                                    self->progress_label, self->progress_bar);
  build_legend (self);
  /* The year's 365 days are built when its holidays arrive, not with the
   * window: most people never open this page. */
  update_actions (self);
}

/**
 * bb_holidays_page_new:
 * @database: (nullable): the database, or %NULL to set it later
 * @actor: (nullable): who works, or %NULL to set it later
 */
BbHolidaysPage *
bb_holidays_page_new (BbDatabase    *database,
                      const BbActor *actor)
{
  return g_object_new (BB_TYPE_HOLIDAYS_PAGE, "database", database, "actor", actor, NULL);
}

BbDatabase *
bb_holidays_page_get_database (BbHolidaysPage *self)
{
  g_return_val_if_fail (BB_IS_HOLIDAYS_PAGE (self), NULL);

  return self->database;
}

void
bb_holidays_page_set_database (BbHolidaysPage *self,
                               BbDatabase     *database)
{
  g_return_if_fail (BB_IS_HOLIDAYS_PAGE (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  update_actions (self);
  bb_holidays_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const BbActor *
bb_holidays_page_get_actor (BbHolidaysPage *self)
{
  g_return_val_if_fail (BB_IS_HOLIDAYS_PAGE (self), NULL);

  return self->actor;
}

void
bb_holidays_page_set_actor (BbHolidaysPage *self,
                            const BbActor  *actor)
{
  g_return_if_fail (BB_IS_HOLIDAYS_PAGE (self));

  if (self->actor == actor)
    return;
  g_clear_pointer (&self->actor, bb_actor_free);
  self->actor = actor != NULL ? bb_actor_copy (actor) : NULL;
  update_actions (self);
  update_editable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

int
bb_holidays_page_get_year (BbHolidaysPage *self)
{
  g_return_val_if_fail (BB_IS_HOLIDAYS_PAGE (self), 0);

  return self->year;
}

void
bb_holidays_page_set_year (BbHolidaysPage *self,
                           int             year)
{
  g_return_if_fail (BB_IS_HOLIDAYS_PAGE (self));
  g_return_if_fail (year >= 1901 && year <= 9998);

  if (self->year == year)
    return;
  self->year = year;
  g_hash_table_remove_all (self->entries);
  build_year (self);
  update_actions (self);
  bb_holidays_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

gboolean
bb_holidays_page_get_busy (BbHolidaysPage *self)
{
  g_return_val_if_fail (BB_IS_HOLIDAYS_PAGE (self), FALSE);

  return self->loading || bb_csv_import_get_running (self->import) || self->n_pending > 0;
}

/**
 * bb_holidays_page_reload:
 *
 * Reads the year shown again (after a change made elsewhere).
 */
void
bb_holidays_page_reload (BbHolidaysPage *self)
{
  g_autoptr(GTask) task = NULL;
  ListJob *job;

  g_return_if_fail (BB_IS_HOLIDAYS_PAGE (self));

  if (self->database == NULL)
    return;

  if (gtk_stack_get_visible_child_name (self->stack) == NULL ||
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading"))
    gtk_spinner_start (self->spinner);
  self->loading = TRUE;
  notify_busy (self);

  job = g_new0 (ListJob, 1);
  job->database = g_object_ref (self->database);
  job->year = self->year;
  task = g_task_new (NULL, self->cancellable, listed_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) list_job_free);
  g_task_run_in_thread (task, list_thread);
}

/**
 * bb_holidays_page_import_file:
 * @file: a CSV file in the format of bb_holiday_repo_import_csv()
 *
 * Imports @file off the main thread, with a progress bar; the result is a
 * toast, or an error naming the line.
 */
void
bb_holidays_page_import_file (BbHolidaysPage *self,
                              GFile          *file)
{
  g_return_if_fail (BB_IS_HOLIDAYS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (bb_csv_import_get_running (self->import) || self->database == NULL
      || self->actor == NULL)
    return;

  show_error (self, NULL);
  bb_csv_import_start (self->import, file, self->database, self->actor, self->cancellable,
                       imported_cb, g_object_ref (self));
  import_state_changed (self);
}
