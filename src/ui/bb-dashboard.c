/* bb-dashboard.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window staff live in all day: counter tiles that filter, the case
 * list (a column view over the lazy BbCaseList) with its filters and
 * instant search, and the selected case beside it (a paned split) or in
 * its place on a narrow window (a leaflet with a back button).
 *
 * Live: every two seconds a worker thread asks the change feed whether
 * anything changed; if so the counters, the list (in place: selection and
 * scroll position stay) and the open case are read again. The same thread
 * finds the signed-in staff member's cases that became due soon or overdue
 * or must be resumed within a working day, and those are announced once a
 * day each as desktop notifications.
 */

#define G_LOG_DOMAIN "bb-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-audit.h"
#include "bb-case-item.h"
#include "bb-case-query.h"
#include "bb-client-repo.h"
#include "bb-clock.h"
#include "bb-counter-tile.h"
#include "bb-dashboard.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

/* Show progress only for what takes longer than this. */
#define PROGRESS_DELAY_MS 200

/* More changes than this since the last look: read everything again. */
#define MAX_CHANGES 500

/* The case view's share of a wide window, at first. */
#define CASE_VIEW_WIDTH 620

/* Cases looked at for notifications, per condition. */
#define MAX_NOTICES 100

/* Less than a case-list row takes, to tell how many fill a screen. */
#define MIN_ROW_HEIGHT 24

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_KIND,
  COLUMN_CLIENT,
  COLUMN_CATEGORY,
  COLUMN_MATTER,
  COLUMN_STATE,
  COLUMN_RESPONSIBLE,
  COLUMN_DEADLINE,
  N_COLUMNS
} Column;

typedef enum
{
  TILE_NONE,
  TILE_OPEN,
  TILE_DUE_SOON,
  TILE_OVERDUE,
  TILE_SUSPENDED,
  TILE_COMPLETED,
  TILE_RECTIFICATION,
  TILE_LAST = TILE_RECTIFICATION,
} Tile;

struct _BbDashboard
{
  AdwBin               parent_instance;

  BbApplication       *application;
  BbDatabase          *database;     /* the one the list was made for */
  BbCaseList          *list;
  GtkSingleSelection  *selection;
  GCancellable        *cancellable;
  GPtrArray           *staff_ids;    /* gint64 per staff_drop position, as pointers to gint64 */
  GHashTable          *notified;     /* "id:condition:date" already announced */
  gint64               selected_id;
  gint64               revision;     /* of the change feed; -1 until first read */
  GDate                today;
  guint                poll_id;
  guint                list_progress_id;
  GdkFrameClock       *rows_drawn_clock;
  gulong               rows_drawn_id;
  guint                mode_idle_id;
  int                  last_width;
  gboolean             narrow;
  gboolean             paned_placed;
  gboolean             polling;
  gboolean             poll_again;
  gboolean             counting;
  gboolean             count_again;
  gboolean             syncing;      /* the selection is being set from code */

  BbCounterTile       *open_tile;
  BbCounterTile       *due_soon_tile;
  BbCounterTile       *overdue_tile;
  BbCounterTile       *suspended_tile;
  BbCounterTile       *completed_tile;
  BbCounterTile       *rectification_tile;
  GtkStack            *mode_stack;
  GtkBox              *split_start;
  GtkBox              *split_end;
  GtkPaned            *split_paned;
  AdwLeaflet          *leaflet;
  GtkBox              *narrow_start;
  GtkBox              *narrow_end;
  GtkWidget           *list_area;
  GtkWidget           *case_area;
  GtkWidget           *back_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkDropDown         *state_drop;
  GtkDropDown         *kind_drop;
  GtkDropDown         *staff_drop;
  GtkDropDown         *category_drop;
  GtkDropDown         *sort_drop;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkSpinner          *list_spinner;
  AdwStatusPage       *list_error_page;
  BbCaseView          *case_view;
};

G_DEFINE_FINAL_TYPE (BbDashboard, bb_dashboard, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void poll_now         (BbDashboard *self);
static void refresh_counters (BbDashboard *self);

static const BbActor *
get_actor (BbDashboard *self)
{
  return bb_application_get_actor (self->application);
}

static BbCounterTile *
tile_widget (BbDashboard *self,
             Tile         tile)
{
  switch (tile)
    {
    case TILE_OPEN:
      return self->open_tile;
    case TILE_DUE_SOON:
      return self->due_soon_tile;
    case TILE_OVERDUE:
      return self->overdue_tile;
    case TILE_SUSPENDED:
      return self->suspended_tile;
    case TILE_COMPLETED:
      return self->completed_tile;
    case TILE_RECTIFICATION:
      return self->rectification_tile;
    case TILE_NONE:
    default:
      return NULL;
    }
}

static Tile
active_tile (BbDashboard *self)
{
  for (Tile tile = TILE_OPEN; tile <= TILE_LAST; tile++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tile_widget (self, tile))))
      return tile;
  return TILE_NONE;
}

/* Tiles that stand for a set of states (and so replace the state filter). */
static guint
tile_states (Tile tile)
{
  switch (tile)
    {
    case TILE_OPEN:
      return BB_CASE_STATES_OPEN;
    case TILE_SUSPENDED:
      return BB_CASE_STATE_BIT (BB_STATE_SUSPENDED);
    case TILE_COMPLETED:
      return BB_CASE_STATE_BIT (BB_STATE_COMPLETED) | BB_CASE_STATE_BIT (BB_STATE_DELIVERED) |
             BB_CASE_STATE_BIT (BB_STATE_CONFIRMED) | BB_CASE_STATE_BIT (BB_STATE_ARCHIVED);
    case TILE_NONE:
    case TILE_DUE_SOON:
    case TILE_OVERDUE:
    case TILE_RECTIFICATION:
    default:
      return 0;
    }
}

/* What a case number typed or scanned looks like: one word with a digit,
 * letters, digits and - _ / only. Whether it is one, the database says. */
static gboolean
looks_like_case_number (const char *text)
{
  gboolean digit = FALSE;
  gsize len = 0;

  for (const char *p = text; *p != '\0'; p++, len++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!g_ascii_isalpha (*p) && *p != '-' && *p != '_' && *p != '/')
        return FALSE;
    }
  return digit && len >= 4 && len <= 40;
}

static char *
dup_search_text (BbDashboard *self)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Filters */

static BbCaseFilter *
build_filter (BbDashboard *self)
{
  BbCaseFilter *filter = bb_case_filter_new ();
  Tile tile = active_tile (self);
  guint state = gtk_drop_down_get_selected (self->state_drop);
  guint kind = gtk_drop_down_get_selected (self->kind_drop);
  guint staff = gtk_drop_down_get_selected (self->staff_drop);
  guint category = gtk_drop_down_get_selected (self->category_drop);

  filter->states = tile_states (tile);
  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter->states = BB_CASE_STATE_BIT (state - 1);
  filter->due_soon = tile == TILE_DUE_SOON;
  filter->overdue = tile == TILE_OVERDUE;
  filter->rectification_overdue = tile == TILE_RECTIFICATION;
  /* The tile lists what it counts: this month's, not every completed case. */
  if (tile == TILE_COMPLETED)
    bb_case_filter_set_completed_this_month (filter);

  filter->kind = BB_CASE_KIND_ANY;
  if (kind == 1)
    filter->kind = BB_CASE_ASSIST;
  else if (kind == 2)
    filter->kind = BB_CASE_PROXY;

  if (self->staff_ids != NULL && staff != GTK_INVALID_LIST_POSITION && staff < self->staff_ids->len)
    filter->responsible_id = *(gint64 *) g_ptr_array_index (self->staff_ids, staff);

  if (category != GTK_INVALID_LIST_POSITION && category > 0)
    filter->category = g_strdup (bb_client_categories ()[category - 1]);

  filter->search = dup_search_text (self);
  return filter;
}

static void
apply_filter (BbDashboard *self)
{
  g_autoptr(BbCaseFilter) filter = NULL;

  if (self->list == NULL)
    return;
  filter = build_filter (self);
  bb_case_list_set_filter (self->list, filter);
}

static GtkStringList *
new_string_list (void)
{
  return gtk_string_list_new (NULL);
}

static void
fill_filter_models (BbDashboard *self)
{
  g_autoptr(GtkStringList) states = new_string_list ();
  g_autoptr(GtkStringList) kinds = new_string_list ();
  g_autoptr(GtkStringList) categories = new_string_list ();
  g_autoptr(GtkStringList) sorts = new_string_list ();
  const char * const *codes = bb_client_categories ();

  gtk_string_list_append (states, _("All states"));
  for (int state = 0; state < BB_N_STATES; state++)
    gtk_string_list_append (states, bb_case_state_label (state));

  gtk_string_list_append (kinds, _("Both kinds"));
  gtk_string_list_append (kinds, bb_case_kind_label (BB_CASE_ASSIST));
  gtk_string_list_append (kinds, bb_case_kind_label (BB_CASE_PROXY));

  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (categories, bb_client_category_label (codes[i]));

  /* In the order of BbCaseSort. */
  gtk_string_list_append (sorts, _("Newest first"));
  gtk_string_list_append (sorts, _("Deadline first"));
  gtk_string_list_append (sorts, _("By number"));
  gtk_string_list_append (sorts, _("Queue: green channel first"));

  gtk_drop_down_set_model (self->state_drop, G_LIST_MODEL (states));
  gtk_drop_down_set_model (self->kind_drop, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->category_drop, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->sort_drop, G_LIST_MODEL (sorts));
  gtk_drop_down_set_expression (self->staff_drop,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
}

static void
add_staff_choice (BbDashboard   *self,
                  GtkStringList *model,
                  const char    *label,
                  gint64         id)
{
  gint64 *value = g_new (gint64, 1);

  *value = id;
  gtk_string_list_append (model, label);
  g_ptr_array_add (self->staff_ids, value);
}

static void
fill_staff_model (BbDashboard *self,
                  GPtrArray   *staff)
{
  g_autoptr(GtkStringList) model = new_string_list ();
  gint64 me = self->application != NULL ? get_actor (self)->staff_id : 0;
  guint selected = gtk_drop_down_get_selected (self->staff_drop);
  gint64 selected_id = 0;
  guint position = 0;

  if (self->staff_ids != NULL && selected != GTK_INVALID_LIST_POSITION &&
      selected < self->staff_ids->len)
    selected_id = *(gint64 *) g_ptr_array_index (self->staff_ids, selected);

  g_clear_pointer (&self->staff_ids, g_ptr_array_unref);
  self->staff_ids = g_ptr_array_new_with_free_func (g_free);
  add_staff_choice (self, model, _("Anyone"), 0);
  if (me > 0)
    add_staff_choice (self, model, _("My cases"), me);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const BbStaff *member = g_ptr_array_index (staff, i);
      g_autofree char *label = NULL;

      if (!member->active || member->id == me)
        continue;
      /* Translators: a staff member in the filter: name and staff number */
      label = g_strdup_printf (_("%s (%s)"), member->name, member->number);
      add_staff_choice (self, model, label, member->id);
    }
  for (guint i = 0; i < self->staff_ids->len; i++)
    if (*(gint64 *) g_ptr_array_index (self->staff_ids, i) == selected_id)
      position = i;

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->staff_drop, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->staff_drop, position);
  self->syncing = FALSE;
}

static void
load_staff_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *staff = bb_staff_repo_list (task_data, FALSE, &error);

  if (staff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, staff, (GDestroyNotify) g_ptr_array_unref);
}

static void
staff_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BbDashboard *self = BB_DASHBOARD (source);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = g_task_propagate_pointer (G_TASK (result), &error);
  if (staff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Staff for the filter: %s", error->message);
      return;
    }
  fill_staff_model (self, staff);
}

static void
load_staff (BbDashboard *self)
{
  g_autoptr(GTask) task = NULL;

  fill_staff_model (self, NULL);
  if (self->database == NULL)
    return;
  task = g_task_new (self, self->cancellable, staff_loaded_cb, NULL);
  g_task_set_source_tag (task, load_staff);
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, load_staff_thread);
}

/* Cells */

/* A cell's widgets: as few as its column needs, since GTK 4.8's column
 * view keeps up to 200 rows of cells before the first rows are drawn. */
typedef struct
{
  GtkWidget *box;    /* (nullable): the label with an icon or badge */
  GtkWidget *image;  /* (nullable): state and deadline columns */
  GtkWidget *label;
  GtkWidget *badge;  /* (nullable): made the first time a client is military */
  const char *tone;  /* (nullable): "due-soon" or "overdue", as the style classes say */
  gboolean   placeholder;
} Cell;

/* Style classes change only when the row's look does: each change restyles
 * the cell, and a row's cells are updated on every bind and change. */
static void
set_tone (Cell       *cell,
          const char *tone)
{
  if (g_strcmp0 (cell->tone, tone) == 0)
    return;
  if (cell->tone != NULL)
    {
      gtk_widget_remove_css_class (cell->label, cell->tone);
      if (cell->image != NULL)
        gtk_widget_remove_css_class (cell->image, cell->tone);
    }
  if (tone != NULL)
    {
      gtk_widget_add_css_class (cell->label, tone);
      if (cell->image != NULL)
        gtk_widget_add_css_class (cell->image, tone);
    }
  cell->tone = tone;
}

static void
set_placeholder (Cell     *cell,
                 gboolean  placeholder)
{
  if (cell->placeholder == placeholder)
    return;
  if (placeholder)
    gtk_widget_add_css_class (cell->label, "case-placeholder");
  else
    gtk_widget_remove_css_class (cell->label, "case-placeholder");
  cell->placeholder = placeholder;
}

static void
set_icon (Cell       *cell,
          const char *icon)
{
  if (cell->image == NULL)
    return;
  gtk_widget_set_visible (cell->image, icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (cell->image), icon);
}

/* 绿色通道: marked with a word and an icon, not by colour alone. */
static void
show_badge (Cell     *cell,
            gboolean  shown)
{
  if (cell->badge == NULL && shown)
    {
      cell->badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      gtk_widget_add_css_class (cell->badge, "case-pill");
      gtk_widget_add_css_class (cell->badge, "green-channel");
      gtk_widget_set_valign (cell->badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (cell->badge), gtk_image_new_from_icon_name ("starred-symbolic"));
      gtk_box_append (GTK_BOX (cell->badge), gtk_label_new (_("Green channel")));
      gtk_box_append (GTK_BOX (cell->box), cell->badge);
    }
  if (cell->badge != NULL)
    gtk_widget_set_visible (cell->badge, shown);
}

static void
update_cell (GtkListItem *list_item,
             Column       column)
{
  BbCaseItem *item = gtk_list_item_get_item (list_item);
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "cell");
  const BbCaseSummary *summary;
  g_autofree char *text = NULL;
  const char *icon = NULL;
  const char *tone = NULL;

  if (item == NULL || cell == NULL)
    return;

  summary = bb_case_item_get_summary (item);
  if (summary == NULL)
    {
      /* Still loading: a grey bar where the text will be. */
      gtk_inscription_set_text (GTK_INSCRIPTION (cell->label), NULL);
      set_placeholder (cell, TRUE);
      set_tone (cell, NULL);
      set_icon (cell, NULL);
      show_badge (cell, FALSE);
      return;
    }
  set_placeholder (cell, FALSE);

  switch (column)
    {
    case COLUMN_NUMBER:
      text = g_strdup (summary->number);
      break;
    case COLUMN_KIND:
      g_object_get (item, "kind", &text, NULL);
      break;
    case COLUMN_CLIENT:
      g_object_get (item, "client", &text, NULL);
      show_badge (cell, bb_case_item_get_green_channel (item));
      break;
    case COLUMN_CATEGORY:
      g_object_get (item, "category", &text, NULL);
      break;
    case COLUMN_MATTER:
      g_object_get (item, "matter", &text, NULL);
      break;
    case COLUMN_STATE:
      g_object_get (item, "state", &text, NULL);
      if (summary->state == BB_STATE_SUSPENDED)
        icon = "media-playback-pause-symbolic";
      break;
    case COLUMN_RESPONSIBLE:
      g_object_get (item, "responsible", &text, NULL);
      break;
    case COLUMN_DEADLINE:
      g_object_get (item, "deadline", &text, NULL);
      if (summary->state == BB_STATE_HANDLING && summary->deadline != NULL)
        {
          switch (bb_case_item_get_deadline_state (item))
            {
            case BB_DEADLINE_OVERDUE:
              icon = "dialog-warning-symbolic";
              tone = "overdue";
              break;
            case BB_DEADLINE_DUE_SOON:
              icon = "alarm-symbolic";
              tone = "due-soon";
              break;
            case BB_DEADLINE_OK:
            default:
              break;
            }
        }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell->label), text);
  set_icon (cell, icon);
  set_tone (cell, tone);
}

static void
item_changed_cb (BbCaseItem  *item,
                 GtkListItem *list_item)
{
  update_cell (list_item, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "column")));
}

/* A cut-off cell shows its whole text as a tooltip. The text is given
 * only when the pointer rests on the cell: gtk_widget_set_tooltip_text ()
 * on every cell update queries the pointer position from the display
 * server, one round trip per cell, which made the first rows take seconds
 * to appear. */
static gboolean
cell_query_tooltip_cb (GtkInscription *inscription,
                       int             x,
                       int             y,
                       gboolean        keyboard_mode,
                       GtkTooltip     *tooltip,
                       gpointer        user_data)
{
  const char *text = gtk_inscription_get_text (inscription);
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || *text == '\0')
    return FALSE;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (inscription), text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (GTK_WIDGET (inscription)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  Cell *cell = g_new0 (Cell, 1);

  /* GtkInscription, not GtkLabel: it is measured from the font's metrics
   * alone, never by laying out its text. */
  cell->label = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell->label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell->label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (cell->label, TRUE);
  g_signal_connect (cell->label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_widget_set_hexpand (cell->label, TRUE);
  if (column == COLUMN_NUMBER)
    gtk_widget_add_css_class (cell->label, "numeric");
  if (column == COLUMN_DEADLINE)
    gtk_widget_add_css_class (cell->label, "case-deadline");

  if (column == COLUMN_STATE || column == COLUMN_DEADLINE || column == COLUMN_CLIENT)
    {
      cell->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (column != COLUMN_CLIENT)
        {
          cell->image = gtk_image_new ();
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell->image),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
          gtk_widget_set_visible (cell->image, FALSE);
          gtk_box_append (GTK_BOX (cell->box), cell->image);
        }
      gtk_box_append (GTK_BOX (cell->box), cell->label);
    }

  g_object_set_data_full (G_OBJECT (list_item), "cell", cell, g_free);
  g_object_set_data (G_OBJECT (list_item), "column", GINT_TO_POINTER (column));
  gtk_list_item_set_child (list_item, cell->box != NULL ? cell->box : cell->label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  BbCaseItem *item = gtk_list_item_get_item (list_item);
  gulong handler;

  /* Once per change, not once for each of the item's properties. */
  handler = g_signal_connect (item, "changed", G_CALLBACK (item_changed_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "handler", GSIZE_TO_POINTER (handler));
  update_cell (list_item, GPOINTER_TO_INT (user_data));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  BbCaseItem *item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "handler"));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "handler", NULL);
}

static void
add_columns (BbDashboard *self)
{
  static const struct {
    Column      column;
    const char *title;
    gboolean    expand;
    int         width;
  } columns[] = {
    { COLUMN_NUMBER, NC_("case column", "Number"), FALSE, 110 },
    { COLUMN_KIND, NC_("case column", "Kind"), FALSE, 80 },
    { COLUMN_CLIENT, NC_("case column", "Client"), TRUE, 200 },
    { COLUMN_CATEGORY, NC_("case column", "Category"), FALSE, 110 },
    { COLUMN_MATTER, NC_("case column", "Matter"), TRUE, 160 },
    { COLUMN_STATE, NC_("case column", "State"), FALSE, 110 },
    { COLUMN_RESPONSIBLE, NC_("case column", "Responsible"), FALSE, 100 },
    { COLUMN_DEADLINE, NC_("case column", "Deadline"), FALSE, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      gpointer data = GINT_TO_POINTER (columns[i].column);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);
      column = gtk_column_view_column_new (g_dpgettext2 (NULL, "case column", columns[i].title),
                                           factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* The list's pages: list, empty, loading, error */

static gboolean
list_progress_cb (gpointer user_data)
{
  BbDashboard *self = user_data;

  self->list_progress_id = 0;
  if (self->list != NULL && bb_case_list_get_loading (self->list) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    {
      gtk_spinner_set_spinning (self->list_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  return G_SOURCE_REMOVE;
}

static void
update_list_page (BbDashboard *self)
{
  guint n;
  const char *error;
  g_autofree char *count = NULL;

  if (self->list == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  error = bb_case_list_get_error (self->list);

  /* All that match, also while only the first rows are shown. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases",
                                        bb_case_list_get_n_cases (self->list)),
                           bb_case_list_get_n_cases (self->list));
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      gtk_spinner_set_spinning (self->list_spinner, FALSE);
    }
  else if (error != NULL)
    {
      adw_status_page_set_description (self->list_error_page, error);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (bb_case_list_get_loading (self->list))
    {
      if (self->list_progress_id == 0 &&
          !g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "loading"))
        self->list_progress_id = g_timeout_add (PROGRESS_DELAY_MS, list_progress_cb, self);
    }
  else
    {
      g_autofree char *search = dup_search_text (self);
      g_autofree char *description = NULL;

      if (search != NULL)
        /* Translators: the empty list after a search; %s is what was typed */
        description = g_strdup_printf (_("Nothing matches “%s”. Try part of a name, an ID "
                                         "number, a phone number, a matter or a case number."),
                                       search);
      else
        description = g_strdup (_("No case matches these filters."));
      adw_status_page_set_description (self->empty_page, description);
      gtk_spinner_set_spinning (self->list_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

/* The rows in two steps: as many as fill the screen, then, once they
 * are drawn, the rest */

/* Rows enough to fill the list on the tallest monitor. */
static guint
rows_to_fill (BbDashboard *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  if (height <= 0)
    height = 1080;
  return height / MIN_ROW_HEIGHT + 1;
}

static void
forget_rows_drawn (BbDashboard *self)
{
  if (self->rows_drawn_clock != NULL)
    g_clear_signal_handler (&self->rows_drawn_id, self->rows_drawn_clock);
  g_clear_object (&self->rows_drawn_clock);
}

static void
rows_drawn_cb (GdkFrameClock *clock,
               BbDashboard   *self)
{
  forget_rows_drawn (self);
  if (self->list != NULL)
    bb_case_list_show_rest (self->list);
}

/* The list holds back all but the first rows: the rest come once the frame
 * that shows the first is drawn. */
static void
show_rest_when_drawn (BbDashboard *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);

  if (self->rows_drawn_id != 0 || !bb_case_list_get_holding (self->list))
    return;
  /* Not on screen: nothing to wait for. */
  if (!gtk_widget_get_mapped (view) || gtk_widget_get_frame_clock (view) == NULL)
    {
      bb_case_list_show_rest (self->list);
      return;
    }
  self->rows_drawn_clock = g_object_ref (gtk_widget_get_frame_clock (view));
  self->rows_drawn_id = g_signal_connect (self->rows_drawn_clock, "after-paint",
                                          G_CALLBACK (rows_drawn_cb), self);
}

/* Selection: by case id, whatever the rows do */

static void
sync_selection (BbDashboard *self)
{
  BbCaseItem *selected;
  guint position;

  if (self->list == NULL || self->selected_id == 0)
    return;

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL && bb_case_item_get_id (selected) == self->selected_id)
    return;

  position = bb_case_list_find (self->list, self->selected_id);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

static void
show_case_page (BbDashboard *self)
{
  if (self->narrow)
    adw_leaflet_set_visible_child_name (self->leaflet, "case");
}

static void
open_item (BbDashboard *self,
           BbCaseItem  *item)
{
  if (!bb_case_item_get_loaded (item))
    return;
  self->selected_id = bb_case_item_get_id (item);
  bb_case_view_show_case (self->case_view, bb_case_item_get_number (item));
}

static void
pending_item_loaded_cb (BbCaseItem  *item,
                        GParamSpec  *pspec,
                        BbDashboard *self)
{
  g_signal_handlers_disconnect_by_func (item, pending_item_loaded_cb, self);
  if (gtk_single_selection_get_selected_item (self->selection) == (gpointer) item)
    open_item (self, item);
}

static void
selection_changed_cb (BbDashboard *self)
{
  BbCaseItem *item;

  /* Set from code, or hovered in a narrow window (where a row opens only
   * when activated). */
  if (self->syncing || self->narrow)
    return;

  item = gtk_single_selection_get_selected_item (self->selection);
  /* Nothing selected (the rows were replaced by a new filter): the case
   * stays open beside the list. */
  if (item == NULL)
    return;
  if (bb_case_item_get_loaded (item))
    open_item (self, item);
  else
    g_signal_connect_object (item, "notify::loaded", G_CALLBACK (pending_item_loaded_cb), self,
                             0);
}

static void
row_activated_cb (BbDashboard *self,
                  guint        position)
{
  g_autoptr(BbCaseItem) item = NULL;

  if (self->list == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (item == NULL || !bb_case_item_get_loaded (item))
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (bb_case_item_get_id (item) != bb_case_view_get_case_id (self->case_view) ||
      g_strcmp0 (bb_case_item_get_number (item), bb_case_view_get_number (self->case_view)) != 0)
    open_item (self, item);
  show_case_page (self);
}

static void
list_changed_cb (BbDashboard *self)
{
  update_list_page (self);
  show_rest_when_drawn (self);
  /* Once the rows have settled, the case the user chose is selected again
   * wherever it now is. */
  if (!bb_case_list_get_loading (self->list))
    sync_selection (self);
}

/* Counters and notifications */

typedef struct
{
  gint64  case_id;
  char   *number;
  char   *client;
  char   *matter;
  char   *condition;  /* due-soon, overdue, resume */
  char   *date;       /* the deadline or the resume-by date */
} Notice;

static void
notice_free (Notice *notice)
{
  g_free (notice->number);
  g_free (notice->client);
  g_free (notice->matter);
  g_free (notice->condition);
  g_free (notice->date);
  g_free (notice);
}

typedef struct
{
  BbDatabase     *database;
  BbActor        *actor;
  BbCaseCounters  counters;
  GPtrArray      *notices;
  GDate           today;
} CounterLoad;

static void
counter_load_free (CounterLoad *load)
{
  g_clear_object (&load->database);
  bb_actor_free (load->actor);
  g_clear_pointer (&load->notices, g_ptr_array_unref);
  g_free (load);
}

static void
add_notice (GPtrArray  *notices,
            gint64      case_id,
            const char *number,
            const char *client,
            const char *matter,
            const char *condition,
            const char *date)
{
  Notice *notice = g_new0 (Notice, 1);

  notice->case_id = case_id;
  notice->number = g_strdup (number);
  notice->client = g_strdup (client);
  notice->matter = g_strdup (matter);
  notice->condition = g_strdup (condition);
  notice->date = g_strdup (date);
  g_ptr_array_add (notices, notice);
}

/* The signed-in staff member's cases that need a notification today. */
static gboolean
find_notices (CounterLoad  *load,
              GError      **error)
{
  g_autoptr(BbCalendar) calendar = NULL;
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BbCaseCursor) next = NULL;

  calendar = bb_holiday_repo_load_calendar (load->database, error);
  if (calendar == NULL)
    return FALSE;

  /* Due soon or overdue. */
  filter->responsible_id = load->actor->staff_id;
  filter->due_soon = TRUE;
  filter->overdue = TRUE;
  rows = bb_case_query_page (load->database, load->actor, filter, BB_CASE_SORT_DEADLINE, NULL,
                             MAX_NOTICES, &next, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const BbCaseSummary *row = g_ptr_array_index (rows, i);
      GDate deadline;

      if (row->deadline == NULL || !bb_validate_date (row->deadline, &deadline, NULL))
        continue;
      switch (bb_calendar_deadline_state (calendar, &load->today, &deadline))
        {
        case BB_DEADLINE_OVERDUE:
          add_notice (load->notices, row->id, row->number, row->client_name, row->matter,
                      "overdue", row->deadline);
          break;
        case BB_DEADLINE_DUE_SOON:
          add_notice (load->notices, row->id, row->number, row->client_name, row->matter,
                      "due-soon", row->deadline);
          break;
        case BB_DEADLINE_OK:
        default:
          break;
        }
    }

  /* Suspended, to be resumed within one working day. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&next, bb_case_cursor_free);
  filter->due_soon = FALSE;
  filter->overdue = FALSE;
  filter->states = BB_CASE_STATE_BIT (BB_STATE_SUSPENDED);
  rows = bb_case_query_page (load->database, load->actor, filter, BB_CASE_SORT_DEADLINE, NULL,
                             MAX_NOTICES, &next, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const BbCaseSummary *row = g_ptr_array_index (rows, i);
      g_autoptr(BbCase) kase = NULL;
      GDate resume_by;

      kase = bb_case_repo_get_by_id (load->database, load->actor, row->id, NULL);
      if (kase == NULL || kase->state != BB_STATE_SUSPENDED || kase->resume_by == NULL)
        continue;
      if (!bb_validate_date (kase->resume_by, &resume_by, NULL))
        continue;
      if (bb_calendar_remaining (calendar, &load->today, &resume_by) <= 1)
        add_notice (load->notices, kase->id, kase->number, kase->client_name, kase->matter,
                    "resume", kase->resume_by);
    }
  return TRUE;
}

static void
counters_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CounterLoad *load = task_data;
  GError *error = NULL;

  if (!bb_case_query_counters (load->database, &load->counters, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  load->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  if (load->actor->staff_id > 0 && !find_notices (load, &error))
    {
      /* The counters are still worth showing. */
      g_message ("Notifications: %s", error->message);
      g_clear_error (&error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
send_notice (BbDashboard  *self,
             const Notice *notice)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (g_str_equal (notice->condition, "overdue"))
    /* Translators: a desktop notification's title; %s is the case number */
    title = g_strdup_printf (_("Case %s is overdue"), notice->number);
  else if (g_str_equal (notice->condition, "due-soon"))
    title = g_strdup_printf (_("Case %s is due soon"), notice->number);
  else
    title = g_strdup_printf (_("Suspended case %s must be resumed soon"), notice->number);

  if (g_str_equal (notice->condition, "resume"))
    /* Translators: a notification's text: client, matter, then the resume-by date */
    body = g_strdup_printf (_("%s — %s: resume by %s, or the case is terminated"),
                            notice->client ? notice->client : "",
                            notice->matter ? notice->matter : "", notice->date);
  else
    /* Translators: a notification's text: client, matter, then the deadline */
    body = g_strdup_printf (_("%s — %s: deadline %s"), notice->client ? notice->client : "",
                            notice->matter ? notice->matter : "", notice->date);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, g_str_equal (notice->condition, "overdue")
                                             ? G_NOTIFICATION_PRIORITY_HIGH
                                             : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.open-case", "s",
                                                notice->number);
  id = g_strdup_printf ("case-%" G_GINT64_FORMAT "-%s", notice->case_id, notice->condition);
  g_application_send_notification (G_APPLICATION (self->application), id, notification);
}

static void
counters_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BbDashboard *self = BB_DASHBOARD (source);
  CounterLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  char today[16];

  self->counting = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Counters: %s", error->message);
    }
  else
    {
      bb_counter_tile_set_count (self->open_tile, load->counters.open);
      bb_counter_tile_set_count (self->due_soon_tile, load->counters.due_soon);
      bb_counter_tile_set_count (self->overdue_tile, load->counters.overdue);
      bb_counter_tile_set_count (self->suspended_tile, load->counters.suspended);
      bb_counter_tile_set_count (self->completed_tile, load->counters.completed_this_month);
      bb_counter_tile_set_count (self->rectification_tile, load->counters.rectification_overdue);

      /* Once per case, condition and day. */
      g_date_strftime (today, sizeof today, "%Y-%m-%d", &load->today);
      for (guint i = 0; i < load->notices->len; i++)
        {
          const Notice *notice = g_ptr_array_index (load->notices, i);
          char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%s", notice->case_id,
                                       notice->condition, today);

          if (g_hash_table_add (self->notified, key))
            send_notice (self, notice);
        }
    }

  if (self->count_again)
    {
      self->count_again = FALSE;
      refresh_counters (self);
    }
}

static void
refresh_counters (BbDashboard *self)
{
  g_autoptr(GTask) task = NULL;
  CounterLoad *load;

  if (self->database == NULL)
    return;
  if (self->counting)
    {
      self->count_again = TRUE;
      return;
    }
  self->counting = TRUE;

  load = g_new0 (CounterLoad, 1);
  load->database = g_object_ref (self->database);
  load->actor = bb_actor_copy (get_actor (self));
  bb_clock_today (&load->today);

  task = g_task_new (self, self->cancellable, counters_loaded_cb, NULL);
  g_task_set_source_tag (task, refresh_counters);
  g_task_set_task_data (task, load, (GDestroyNotify) counter_load_free);
  g_task_run_in_thread (task, counters_thread);
}

/* Live updates: the change feed */

typedef struct
{
  BbDatabase *database;
  gint64      since;
  gint64      revision;
  GArray     *case_ids;    /* gint64 */
  GArray     *client_ids;  /* gint64 */
  GArray     *rectification_ids;  /* gint64 */
  gboolean    everything;
  GDate       today;
} Poll;

static void
poll_free (Poll *poll)
{
  g_clear_object (&poll->database);
  g_clear_pointer (&poll->case_ids, g_array_unref);
  g_clear_pointer (&poll->client_ids, g_array_unref);
  g_clear_pointer (&poll->rectification_ids, g_array_unref);
  g_free (poll);
}

static void
poll_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Poll *poll = task_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  bb_clock_today (&poll->today);
  poll->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  poll->client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  poll->rectification_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  poll->revision = bb_change_feed_revision (poll->database, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (poll->since < 0 || poll->revision <= poll->since)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  changes = bb_change_feed_since (poll->database, poll->since, MAX_CHANGES, &error);
  if (changes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  poll->everything = changes->len >= MAX_CHANGES;
  for (guint i = 0; i < changes->len; i++)
    {
      const BbChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->entity, "case") == 0)
        g_array_append_val (poll->case_ids, change->entity_id);
      else if (g_strcmp0 (change->entity, "client") == 0)
        g_array_append_val (poll->client_ids, change->entity_id);
      else if (g_strcmp0 (change->entity, "rectification") == 0)
        g_array_append_val (poll->rectification_ids, change->entity_id);
      if (change->entity_id == 0)
        poll->everything = TRUE;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
array_contains (GArray *ids,
                gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Whether @detail shows one of the rectifications in @ids. */
static gboolean
shows_rectification (const BbCaseDetail *detail,
                     GArray             *ids)
{
  for (guint i = 0; detail->rectifications != NULL && i < detail->rectifications->len; i++)
    {
      const BbRectification *rectification = g_ptr_array_index (detail->rectifications, i);

      if (array_contains (ids, rectification->id))
        return TRUE;
    }
  return FALSE;
}

static void
polled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbDashboard *self = BB_DASHBOARD (source);
  Poll *poll = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean new_day;

  self->polling = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Said where it matters (the list, the case); tried again next time. */
      g_debug ("Change feed: %s", error->message);
    }
  else if (poll->database == self->database)
    {
      new_day = g_date_valid (&self->today) && g_date_compare (&self->today, &poll->today) != 0;
      self->today = poll->today;

      if (self->revision < 0)
        self->revision = poll->revision;
      else if (poll->revision > self->revision || new_day)
        {
          const BbCaseDetail *shown = bb_case_view_get_detail (self->case_view);

          self->revision = MAX (self->revision, poll->revision);
          if (self->list != NULL)
            bb_case_list_refresh (self->list);
          refresh_counters (self);
          if (shown != NULL &&
              (poll->everything || new_day ||
               array_contains (poll->case_ids, shown->kase->id) ||
               array_contains (poll->client_ids, shown->kase->client_id) ||
               shows_rectification (shown, poll->rectification_ids)))
            bb_case_view_reload (self->case_view);
        }
    }

  if (self->poll_again)
    {
      self->poll_again = FALSE;
      poll_now (self);
    }
}

static void
poll_now (BbDashboard *self)
{
  g_autoptr(GTask) task = NULL;
  Poll *poll;

  if (self->database == NULL)
    return;
  if (self->polling)
    {
      self->poll_again = TRUE;
      return;
    }
  self->polling = TRUE;

  poll = g_new0 (Poll, 1);
  poll->database = g_object_ref (self->database);
  poll->since = self->revision;

  task = g_task_new (self, self->cancellable, polled_cb, NULL);
  g_task_set_source_tag (task, poll_now);
  g_task_set_task_data (task, poll, (GDestroyNotify) poll_free);
  g_task_run_in_thread (task, poll_thread);
}

static gboolean
poll_timeout_cb (gpointer user_data)
{
  poll_now (user_data);
  return G_SOURCE_CONTINUE;
}

/* The database and the signed-in person */

static void
stop (BbDashboard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->polling = self->poll_again = FALSE;
  self->counting = self->count_again = FALSE;
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->list_progress_id, g_source_remove);
  forget_rows_drawn (self);

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->database);
  self->revision = -1;
  self->selected_id = 0;
}

static void
reset_counters (BbDashboard *self)
{
  for (Tile tile = TILE_OPEN; tile <= TILE_LAST; tile++)
    bb_counter_tile_set_count (tile_widget (self, tile), -1);
}

static void
start (BbDashboard *self)
{
  BbDatabase *database = bb_application_get_database (self->application);

  stop (self);
  reset_counters (self);
  /* Nothing is read until a staff member has signed in. */
  if (database == NULL || get_actor (self)->staff_id == 0)
    {
      gtk_label_set_label (self->count_label, "");
      return;
    }

  self->database = g_object_ref (database);
  self->list = bb_case_list_new (database, get_actor (self));
  bb_case_list_set_first_step (self->list, rows_to_fill (self));
  bb_case_list_set_sort (self->list, gtk_drop_down_get_selected (self->sort_drop));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::error", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  apply_filter (self);
  update_list_page (self);
  load_staff (self);
  refresh_counters (self);
  poll_now (self);
  self->poll_id = g_timeout_add (BB_DASHBOARD_POLL_MS, poll_timeout_cb, self);

  if (bb_case_view_get_number (self->case_view) != NULL)
    bb_case_view_reload (self->case_view);
}

static void
database_changed_cb (BbDashboard *self)
{
  if (bb_application_get_database (self->application) != self->database)
    {
      bb_case_view_clear (self->case_view);
      start (self);
    }
}

static void
actor_changed_cb (BbDashboard *self)
{
  /* Another person: other rights, other “my cases”, other notifications;
   * what the last one had open is not theirs to see. */
  g_hash_table_remove_all (self->notified);
  bb_case_view_clear (self->case_view);
  start (self);
}

/* Narrow and wide */

static void
move_child (GtkWidget *child,
            GtkBox    *to)
{
  GtkWidget *parent = gtk_widget_get_parent (child);

  if (parent == GTK_WIDGET (to))
    return;
  g_object_ref (child);
  gtk_box_remove (GTK_BOX (parent), child);
  gtk_box_append (to, child);
  g_object_unref (child);
}

static void
set_narrow (BbDashboard *self,
            gboolean     narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;

  if (narrow)
    {
      move_child (self->list_area, self->narrow_start);
      move_child (self->case_area, self->narrow_end);
      gtk_stack_set_visible_child_name (self->mode_stack, "narrow");
      adw_leaflet_set_visible_child_name (self->leaflet,
                                          bb_case_view_get_number (self->case_view) != NULL
                                          ? "case" : "list");
    }
  else
    {
      move_child (self->list_area, self->split_start);
      move_child (self->case_area, self->split_end);
      gtk_stack_set_visible_child_name (self->mode_stack, "split");
    }
  gtk_widget_set_visible (self->back_bar, narrow);
  /* In a narrow window a click opens the row; hovering only highlights. */
  gtk_column_view_set_single_click_activate (self->column_view, narrow);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static gboolean
mode_idle_cb (gpointer user_data)
{
  BbDashboard *self = user_data;

  self->mode_idle_id = 0;
  set_narrow (self, self->last_width < BB_DASHBOARD_NARROW_WIDTH);
  /* The first wide layout gives the case view a comfortable width and the
   * list the rest; after that the user's divider position stays. */
  if (!self->narrow && !self->paned_placed)
    {
      gtk_paned_set_position (self->split_paned,
                              MAX (self->last_width - CASE_VIEW_WIDTH, self->last_width / 2));
      self->paned_placed = TRUE;
    }
  return G_SOURCE_REMOVE;
}

/* Signal callbacks */

static void
tile_toggled_cb (BbDashboard     *self,
                 GtkToggleButton *toggled)
{
  if (self->syncing)
    return;

  self->syncing = TRUE;
  if (gtk_toggle_button_get_active (toggled))
    {
      /* One tile at a time; a tile with states replaces the state filter. */
      for (Tile tile = TILE_OPEN; tile <= TILE_LAST; tile++)
        {
          GtkToggleButton *other = GTK_TOGGLE_BUTTON (tile_widget (self, tile));

          if (other != toggled)
            gtk_toggle_button_set_active (other, FALSE);
          else if (tile_states (tile) != 0)
            gtk_drop_down_set_selected (self->state_drop, 0);
        }
    }
  self->syncing = FALSE;
  apply_filter (self);
}

static void
filter_changed_cb (BbDashboard *self,
                   GParamSpec  *pspec,
                   GtkDropDown *drop)
{
  if (self->syncing)
    return;

  if (drop == self->state_drop && gtk_drop_down_get_selected (drop) > 0)
    {
      Tile tile = active_tile (self);

      /* A state chosen by hand replaces a tile's states. */
      if (tile_states (tile) != 0)
        {
          self->syncing = TRUE;
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tile_widget (self, tile)), FALSE);
          self->syncing = FALSE;
        }
    }
  apply_filter (self);
}

static void
sort_changed_cb (BbDashboard *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_drop);

  if (self->list != NULL && sort != GTK_INVALID_LIST_POSITION)
    bb_case_list_set_sort (self->list, (BbCaseSort) sort);
}

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
  char       *number;
  gboolean    open;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->database);
  bb_actor_free (lookup->actor);
  g_free (lookup->number);
  g_free (lookup);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  g_autoptr(BbCase) kase = NULL;

  kase = bb_case_repo_get (lookup->database, lookup->actor, lookup->number, NULL);
  g_task_return_boolean (task, kase != NULL);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BbDashboard *self = BB_DASHBOARD (source);
  Lookup *lookup = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  /* Only if it is still what the search box says. */
  text = dup_search_text (self);
  if (g_strcmp0 (text, lookup->number) != 0)
    return;
  if (g_strcmp0 (bb_case_view_get_number (self->case_view), lookup->number) != 0 || lookup->open)
    bb_dashboard_open_case (self, lookup->number);
}

/* A full case number typed or scanned opens its case. */
static void
look_up_number (BbDashboard *self,
                const char  *text,
                gboolean     open)
{
  g_autoptr(GTask) task = NULL;
  Lookup *lookup;

  if (self->database == NULL || text == NULL || !looks_like_case_number (text))
    return;

  lookup = g_new0 (Lookup, 1);
  lookup->database = g_object_ref (self->database);
  lookup->actor = bb_actor_copy (get_actor (self));
  lookup->number = g_strdup (text);
  lookup->open = open;
  task = g_task_new (self, self->cancellable, looked_up_cb, NULL);
  g_task_set_source_tag (task, look_up_number);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (task, lookup_thread);
}

static void
search_changed_cb (BbDashboard *self)
{
  g_autofree char *text = dup_search_text (self);

  apply_filter (self);
  update_list_page (self);
  look_up_number (self, text, FALSE);
}

static void
search_activated_cb (BbDashboard *self)
{
  g_autofree char *text = dup_search_text (self);

  /* Enter (or a scanner's Enter) before the search delay ran out. */
  apply_filter (self);
  if (text != NULL && looks_like_case_number (text))
    {
      look_up_number (self, text, TRUE);
      return;
    }
  /* Otherwise Enter opens the first result. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      row_activated_cb (self, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

static void
search_stopped_cb (BbDashboard *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
case_view_changed_cb (BbDashboard *self)
{
  /* Our own change: look at the feed at once rather than in two seconds. */
  poll_now (self);
}

static void
case_view_loaded_cb (BbDashboard *self)
{
  gint64 id = bb_case_view_get_case_id (self->case_view);

  if (id != 0 && id != self->selected_id)
    {
      self->selected_id = id;
      sync_selection (self);
    }
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bb_dashboard_focus_search (BB_DASHBOARD (widget));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bb_dashboard_refresh (BB_DASHBOARD (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbDashboard *self = BB_DASHBOARD (widget);

  if (!self->narrow)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbDashboard *self = BB_DASHBOARD (widget);

  bb_case_view_run_next_step (self->case_view);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbDashboard *self = BB_DASHBOARD (widget);

  bb_case_view_print (self->case_view);
}

/* GObject */

/* The dashboard measures and allocates its child itself (rather than
 * through AdwBin's layout manager) to learn its width. */
static void
bb_dashboard_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
bb_dashboard_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  BbDashboard *self = BB_DASHBOARD (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean narrow = width < BB_DASHBOARD_NARROW_WIDTH;

  self->last_width = width;
  /* Widgets cannot move during allocation: right after it. */
  if ((narrow != self->narrow || (!narrow && !self->paned_placed)) && self->mode_idle_id == 0)
    self->mode_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, mode_idle_cb, self, NULL);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
bb_dashboard_constructed (GObject *object)
{
  BbDashboard *self = BB_DASHBOARD (object);

  G_OBJECT_CLASS (bb_dashboard_parent_class)->constructed (object);

  g_assert (BB_IS_APPLICATION (self->application));
  bb_case_view_set_application (self->case_view, self->application);

  g_signal_connect_object (self->application, "notify::database",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  /* Sign-in sets the actor and notifies it. */
  g_signal_connect_object (self->application, "notify::actor", G_CALLBACK (actor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  start (self);
}

static void
bb_dashboard_dispose (GObject *object)
{
  BbDashboard *self = BB_DASHBOARD (object);

  stop (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->mode_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_DASHBOARD);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_dashboard_parent_class)->dispose (object);
}

static void
bb_dashboard_finalize (GObject *object)
{
  BbDashboard *self = BB_DASHBOARD (object);

  g_clear_pointer (&self->staff_ids, g_ptr_array_unref);
  g_clear_pointer (&self->notified, g_hash_table_unref);

  G_OBJECT_CLASS (bb_dashboard_parent_class)->finalize (object);
}

static void
bb_dashboard_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BbDashboard *self = BB_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_dashboard_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BbDashboard *self = BB_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_dashboard_class_init (BbDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_dashboard_constructed;
  object_class->dispose = bb_dashboard_dispose;
  object_class->finalize = bb_dashboard_finalize;
  object_class->get_property = bb_dashboard_get_property;
  object_class->set_property = bb_dashboard_set_property;
  widget_class->measure = bb_dashboard_measure;
  widget_class->size_allocate = bb_dashboard_size_allocate;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, BB_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_COUNTER_TILE);
  g_type_ensure (BB_TYPE_CASE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, open_tile);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, due_soon_tile);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, overdue_tile);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, suspended_tile);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, completed_tile);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, rectification_tile);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, split_start);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, split_end);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, split_paned);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, narrow_start);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, narrow_end);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, list_area);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, case_area);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, back_bar);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, count_label);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, state_drop);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, kind_drop);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, staff_drop);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, category_drop);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, sort_drop);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, column_view);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, BbDashboard, case_view);
  gtk_widget_class_bind_template_callback (widget_class, tile_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_view_loaded_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "dashboard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dashboard.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "dashboard.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "dashboard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dashboard.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dashboard.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "dashboard.print", NULL);
}

static void
bb_dashboard_init (BbDashboard *self)
{
  self->revision = -1;
  self->cancellable = g_cancellable_new ();
  self->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&self->today, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  fill_filter_models (self);
  fill_staff_model (self, NULL);
  add_columns (self);
}

/**
 * bb_dashboard_new:
 * @application: for the database and who is signed in
 *
 * Returns: (transfer floating): a new dashboard
 */
GtkWidget *
bb_dashboard_new (BbApplication *application)
{
  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);

  return g_object_new (BB_TYPE_DASHBOARD, "application", application, NULL);
}

BbApplication *
bb_dashboard_get_application (BbDashboard *self)
{
  g_return_val_if_fail (BB_IS_DASHBOARD (self), NULL);

  return self->application;
}

/**
 * bb_dashboard_focus_search:
 *
 * Moves the keyboard focus to the search box, its text selected (Ctrl+F;
 * the header bar's search button).
 */
void
bb_dashboard_focus_search (BbDashboard *self)
{
  g_return_if_fail (BB_IS_DASHBOARD (self));

  if (self->narrow)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * bb_dashboard_open_case:
 * @number: a case number
 *
 * Shows the case (and selects it in the list when its row is loaded), as
 * scanning its slip does; in a narrow window the case replaces the list.
 */
void
bb_dashboard_open_case (BbDashboard *self,
                        const char  *number)
{
  g_return_if_fail (BB_IS_DASHBOARD (self));
  g_return_if_fail (number != NULL);

  if (self->database == NULL)
    return;
  bb_case_view_show_case (self->case_view, number);
  show_case_page (self);
}

/**
 * bb_dashboard_refresh:
 *
 * Reads the counters, the list and the open case again (F5).
 */
void
bb_dashboard_refresh (BbDashboard *self)
{
  g_return_if_fail (BB_IS_DASHBOARD (self));

  if (self->database != bb_application_get_database (self->application))
    {
      start (self);
      return;
    }
  if (self->list != NULL)
    bb_case_list_refresh (self->list);
  refresh_counters (self);
  if (bb_case_view_get_number (self->case_view) != NULL)
    bb_case_view_reload (self->case_view);
}

/**
 * bb_dashboard_get_case_list:
 *
 * Returns: (transfer none) (nullable): the list shown, %NULL while no
 *   database is open
 */
BbCaseList *
bb_dashboard_get_case_list (BbDashboard *self)
{
  g_return_val_if_fail (BB_IS_DASHBOARD (self), NULL);

  return self->list;
}

/**
 * bb_dashboard_get_case_view:
 *
 * Returns: (transfer none): the case view
 */
BbCaseView *
bb_dashboard_get_case_view (BbDashboard *self)
{
  g_return_val_if_fail (BB_IS_DASHBOARD (self), NULL);

  return self->case_view;
}

/**
 * bb_dashboard_get_narrow:
 *
 * Returns: whether the case view replaces the list (a narrow window)
 */
gboolean
bb_dashboard_get_narrow (BbDashboard *self)
{
  g_return_val_if_fail (BB_IS_DASHBOARD (self), FALSE);

  return self->narrow;
}

/**
 * bb_dashboard_get_revision:
 *
 * Returns: the change feed's revision the dashboard is up to date with,
 *   or -1 before the first look
 */
gint64
bb_dashboard_get_revision (BbDashboard *self)
{
  g_return_val_if_fail (BB_IS_DASHBOARD (self), -1);

  return self->revision;
}
