/* bb-chart-cases-window.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What one bar, slice or point of a chart counts (issue #6): a window over
 * the main window, titled with the chart, the bar and the period, listing
 * the bucket's cases (number, client, matter, state, responsible staff
 * member, the day that put it there) or complaints (number, day received,
 * complainant, about, state). At most BB_CHART_CASES_LIMIT are listed, and
 * the window says so when there are more; the list comes from
 * bb_stats_cases_list_async(), off the main loop.
 *
 * Activating a row (double-click or Enter) opens the case in the main
 * window (app.open-case) or the complaint on the complaints page
 * (win.open-complaint), and brings the main window forward. Escape closes.
 */

#define G_LOG_DOMAIN "bb-chart-cases-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-chart-cases-window.h"

/* A row of the list: one BbStatsItem, owned by the window's BbStatsCases. */
#define BB_TYPE_CHART_CASES_ROW (bb_chart_cases_row_get_type ())
G_DECLARE_FINAL_TYPE (BbChartCasesRow, bb_chart_cases_row, BB, CHART_CASES_ROW, GObject)

struct _BbChartCasesRow
{
  GObject            parent_instance;
  const BbStatsItem *item;
};

G_DEFINE_FINAL_TYPE (BbChartCasesRow, bb_chart_cases_row, G_TYPE_OBJECT)

static void
bb_chart_cases_row_class_init (BbChartCasesRowClass *klass)
{
}

static void
bb_chart_cases_row_init (BbChartCasesRow *self)
{
}

typedef enum
{
  FIELD_NUMBER,
  FIELD_NAME,
  FIELD_ABOUT,
  FIELD_STATE,
  FIELD_STAFF,
  FIELD_DATE,
  FIELD_DETAIL,
} Field;

struct _BbChartCasesWindow
{
  AdwWindow       parent_instance;

  BbStatsCases   *cases;
  GCancellable   *cancellable;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkLabel       *count_label;
  GtkColumnView  *column_view;
  GtkLabel       *hint_label;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (BbChartCasesWindow, bb_chart_cases_window, ADW_TYPE_WINDOW)

/* Helpers */

static const char *
field_text (const BbStatsItem *item,
            Field              field)
{
  switch (field)
    {
    case FIELD_NUMBER:
      return item->number;
    case FIELD_NAME:
      return item->name;
    case FIELD_ABOUT:
      return item->about;
    case FIELD_STATE:
      return item->state;
    case FIELD_STAFF:
      return item->staff;
    case FIELD_DATE:
      return item->date;
    case FIELD_DETAIL:
    default:
      return item->detail;
    }
}

/* The whole text of a cut-off cell as its tooltip, worked out when asked:
 * setting a tooltip on every bind asks the display server where the
 * pointer is, one round trip per cell (see the dashboard's list). */
static gboolean
cell_query_tooltip_cb (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  BbChartCasesRow *row = gtk_list_item_get_item (list_item);
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "field"));
  const char *text = field_text (row->item, field);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static void
add_column (BbChartCasesWindow *self,
            const char         *title,
            Field               field,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "field", GINT_TO_POINTER (field));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static char *
count_text (const BbStatsCases *cases)
{
  g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, cases->total);
  gulong n = (gulong) MIN (cases->total, G_MAXLONG);

  if ((gint64) cases->items->len >= cases->total)
    {
      if (cases->kind == BB_STATS_ITEM_COMPLAINT)
        return g_strdup_printf (ngettext ("%s complaint", "%s complaints", n), total);
      if (cases->detail_title != NULL && cases->table <= BB_STATS_SATISFACTION_BY_DEPARTMENT)
        return g_strdup_printf (ngettext ("%s evaluation", "%s evaluations", n), total);
      return g_strdup_printf (ngettext ("%s case", "%s cases", n), total);
    }
  if (cases->kind == BB_STATS_ITEM_COMPLAINT)
    /* Translators: the first %u of %s (more than can be listed) are shown */
    return g_strdup_printf (ngettext ("Showing the first %u of %s complaint",
                                      "Showing the first %u of %s complaints", n),
                            cases->items->len, total);
  if (cases->detail_title != NULL && cases->table <= BB_STATS_SATISFACTION_BY_DEPARTMENT)
    return g_strdup_printf (ngettext ("Showing the first %u of %s evaluation",
                                      "Showing the first %u of %s evaluations", n),
                            cases->items->len, total);
  return g_strdup_printf (ngettext ("Showing the first %u of %s case",
                                    "Showing the first %u of %s cases", n),
                          cases->items->len, total);
}

static void
show_cases (BbChartCasesWindow *self)
{
  const BbStatsCases *cases = self->cases;
  g_autoptr(GListStore) store = g_list_store_new (BB_TYPE_CHART_CASES_ROW);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autofree char *count = NULL;

  if (cases->total == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing was counted here in this period."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (cases->kind == BB_STATS_ITEM_COMPLAINT)
    {
      /* Translators: a column of a chart's list of complaints */
      add_column (self, C_("complaint", "Number"), FIELD_NUMBER, FALSE);
      add_column (self, cases->date_title, FIELD_DATE, FALSE);
      /* Translators: a column of a chart's list of complaints */
      add_column (self, _("Complainant"), FIELD_NAME, FALSE);
      /* Translators: a column of a chart's list: whom or what case a complaint is about */
      add_column (self, _("About"), FIELD_ABOUT, TRUE);
      /* Translators: a column of a chart's list: the state now */
      add_column (self, _("State"), FIELD_STATE, FALSE);
      gtk_label_set_text (self->hint_label,
                          _("Double-click a complaint, or press Enter, to open it on the "
                            "Complaints page."));
    }
  else
    {
      /* Translators: a column of a chart's list of cases */
      add_column (self, C_("case", "Number"), FIELD_NUMBER, FALSE);
      /* Translators: a column of a chart's list: the client's name */
      add_column (self, _("Client"), FIELD_NAME, FALSE);
      /* Translators: a column of a chart's list: the matter handled */
      add_column (self, _("Matter"), FIELD_ABOUT, TRUE);
      add_column (self, _("State"), FIELD_STATE, FALSE);
      /* Translators: a column of a chart's list: the responsible staff member */
      add_column (self, _("Responsible"), FIELD_STAFF, FALSE);
      add_column (self, cases->date_title, FIELD_DATE, FALSE);
      if (cases->detail_title != NULL)
        add_column (self, cases->detail_title, FIELD_DETAIL, FALSE);
      gtk_label_set_text (self->hint_label,
                          _("Double-click a case, or press Enter, to open it in the main "
                            "window."));
    }

  for (guint i = 0; i < cases->items->len; i++)
    {
      BbChartCasesRow *row = g_object_new (BB_TYPE_CHART_CASES_ROW, NULL);

      row->item = g_ptr_array_index (cases->items, i);
      g_list_store_append (store, row);
      g_object_unref (row);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  count = count_text (cases);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BbChartCasesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  BbStatsCases *cases = bb_stats_cases_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (cases == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->cases = cases;
  show_cases (self);
}

/* Signal callbacks */

static void
row_activated_cb (BbChartCasesWindow *self,
                  guint               position)
{
  g_autoptr(BbChartCasesRow) row = NULL;
  GtkWindow *main_window = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *target = main_window != NULL ? GTK_WIDGET (main_window) : GTK_WIDGET (self);
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);

  if (model == NULL || self->cases == NULL)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (model), position);
  if (row == NULL)
    return;

  if (self->cases->kind == BB_STATS_ITEM_COMPLAINT)
    gtk_widget_activate_action (target, "win.open-complaint", "s", row->item->number);
  else
    gtk_widget_activate_action (target, "app.open-case", "s", row->item->number);
  if (main_window != NULL)
    gtk_window_present (main_window);
}

/* Overrides */

static void
bb_chart_cases_window_dispose (GObject *object)
{
  BbChartCasesWindow *self = BB_CHART_CASES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The rows point into the list: let go of them first. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CHART_CASES_WINDOW);
  g_clear_pointer (&self->cases, bb_stats_cases_free);

  G_OBJECT_CLASS (bb_chart_cases_window_parent_class)->dispose (object);
}

static void
bb_chart_cases_window_class_init (BbChartCasesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_chart_cases_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-chart-cases-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbChartCasesWindow, error_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_chart_cases_window_init (BbChartCasesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * bb_chart_cases_window_new:
 * @parent: the main window
 * @table, @key, @part: the bucket (see bb_stats_cases_list())
 * @from, @to: the period charted
 * @title: the window's title: the chart, the bar and the period
 *
 * Opens (not yet presented) a window listing the bucket, loading it at once
 * in a thread.
 */
BbChartCasesWindow *
bb_chart_cases_window_new (GtkWindow      *parent,
                           BbDatabase     *database,
                           const BbActor  *actor,
                           BbStatsTableId  table,
                           const char     *key,
                           int             part,
                           const char     *from,
                           const char     *to,
                           const char     *title)
{
  BbChartCasesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (BB_TYPE_CHART_CASES_WINDOW,
                       "title", title,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent)
                                                     : NULL,
                       NULL);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  bb_stats_cases_list_async (database, actor, table, key, part, from, to, BB_CHART_CASES_LIMIT,
                             self->cancellable, listed_cb, g_object_ref (self));
  return self;
}

gboolean
bb_chart_cases_window_get_busy (BbChartCasesWindow *self)
{
  g_return_val_if_fail (BB_IS_CHART_CASES_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * bb_chart_cases_window_get_cases:
 *
 * Returns: (nullable): the list shown, once loaded
 */
const BbStatsCases *
bb_chart_cases_window_get_cases (BbChartCasesWindow *self)
{
  g_return_val_if_fail (BB_IS_CHART_CASES_WINDOW (self), NULL);
  return self->cases;
}
