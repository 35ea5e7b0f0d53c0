/* bb-matter-step.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matter (事项) of both wizards, chosen from the catalogue (事项清单),
 * with everything the standard says the client is told at once (§ 基本原则
 * 精准到位: 一次性告知事项的设定依据、办理时限、流程、所需材料): the legal
 * basis, the time limit, the process and the required materials.
 */

#define G_LOG_DOMAIN "bb-matter-step"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-matter-step.h"

struct _BbMatterStep
{
  GtkWidget             parent_instance;

  BbDatabase           *database;
  GCancellable         *cancellable;
  GPtrArray            *items;           /* BbCatalogueItem */
  BbCatalogueItem      *item;            /* the one chosen */
  gint64                pending_item_id; /* to choose once loaded */
  guint                 loading : 1;
  guint                 updating : 1;

  GtkSearchEntry       *filter_entry;
  GtkListBox           *items_list;
  GtkLabel             *items_placeholder;
  AdwPreferencesGroup  *details_group;
  AdwActionRow         *basis_row;
  AdwActionRow         *limit_row;
  AdwActionRow         *process_row;
  AdwActionRow         *fees_row;
  AdwActionRow         *online_row;
  AdwPreferencesGroup  *materials_group;
  GPtrArray            *material_rows;
};

G_DEFINE_FINAL_TYPE (BbMatterStep, bb_matter_step, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_COMPLETE,
  PROP_LOADING,
  PROP_ITEM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * bb_material_describe:
 *
 * Returns: (transfer full): what is required of @material and how to
 *   obtain it, in one line: “Original and copy, 1 copy · 窗口领取”
 */
char *
bb_material_describe (const BbMaterial *material)
{
  GString *text = g_string_new (bb_material_form_label (material->form));

  /* Translators: how many copies of a material are required */
  g_string_append_printf (text, ngettext (", %d copy", ", %d copies", material->copies),
                          material->copies);
  if (material->how_to_obtain != NULL && *material->how_to_obtain != '\0')
    g_string_append_printf (text, " · %s", material->how_to_obtain);
  return g_string_free (text, FALSE);
}

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("Not given in the catalogue");
}

static void
show_item (BbMatterStep *self)
{
  const BbCatalogueItem *item = self->item;
  g_autofree char *limit = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->details_group), item != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->materials_group), item != NULL);

  for (guint i = 0; i < self->material_rows->len; i++)
    adw_preferences_group_remove (self->materials_group,
                                  g_ptr_array_index (self->material_rows, i));
  g_ptr_array_set_size (self->material_rows, 0);

  if (item == NULL)
    return;

  adw_preferences_group_set_title (self->details_group, item->name);
  adw_preferences_group_set_description (self->details_group, item->department);
  adw_action_row_set_subtitle (self->basis_row, or_none (item->legal_basis));
  /* Translators: a time limit */
  limit = g_strdup_printf (ngettext ("%d working day", "%d working days", item->limit_days),
                           item->limit_days);
  adw_action_row_set_subtitle (self->limit_row, limit);
  adw_action_row_set_subtitle (self->process_row, or_none (item->process));
  adw_action_row_set_subtitle (self->fees_row, or_none (item->fees));
  adw_action_row_set_subtitle (self->online_row,
                               item->online ? _("Can also be done online")
                                            : _("Cannot be done online"));

  if (item->materials == NULL || item->materials->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The catalogue lists no materials for this matter"));
      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
      return;
    }

  for (guint i = 0; i < item->materials->len; i++)
    {
      const BbMaterial *material = g_ptr_array_index (item->materials, i);
      g_autofree char *description = bb_material_describe (material);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
    }
}

static void
set_item (BbMatterStep          *self,
          const BbCatalogueItem *item)
{
  gboolean was_complete = self->item != NULL;

  if (self->item == item)
    return;
  if (self->item != NULL && item != NULL && self->item->id == item->id)
    return;

  g_clear_pointer (&self->item, bb_catalogue_item_free);
  if (item != NULL)
    self->item = bb_catalogue_item_copy (item);
  show_item (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (was_complete != (self->item != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  BbMatterStep *self = user_data;
  const BbCatalogueItem *item = g_object_get_data (G_OBJECT (row), "bb-item");
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;

  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), -1);
  g_strstrip (needle);
  if (*needle == '\0' || item == NULL)
    return TRUE;
  name = g_utf8_casefold (item->name, -1);
  department = g_utf8_casefold (item->department != NULL ? item->department : "", -1);
  return strstr (name, needle) != NULL || strstr (department, needle) != NULL;
}

static void
select_row_for (BbMatterStep *self,
                gint64        item_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const BbCatalogueItem *item = g_object_get_data (G_OBJECT (child), "bb-item");

      if (GTK_IS_LIST_BOX_ROW (child) && item != NULL && item->id == item_id)
        {
          gtk_list_box_select_row (self->items_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

static void
fill_list (BbMatterStep *self)
{
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      BbCatalogueItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a catalogue item's department and time limit */
      subtitle = g_strdup_printf (ngettext ("%s · %d working day", "%s · %d working days",
                                            item->limit_days),
                                  item->department, item->limit_days);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "bb-item", item);
      gtk_list_box_append (self->items_list, row);
    }
  self->updating = FALSE;
}

static void
items_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BbMatterStep) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  if (items == NULL)
    gtk_label_set_text (self->items_placeholder, error->message);
  else if (items->len == 0)
    gtk_label_set_text (self->items_placeholder,
                        _("The catalogue is empty. An administrator adds the matters the hall "
                          "handles on the Catalogue page."));
  else
    gtk_label_set_text (self->items_placeholder, _("No matter matches what you typed."));

  fill_list (self);
  if (self->pending_item_id > 0)
    {
      select_row_for (self, self->pending_item_id);
      self->pending_item_id = 0;
    }
  else if (self->item != NULL)
    select_row_for (self, self->item->id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *items = bb_catalogue_repo_list (task_data, TRUE, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
load (BbMatterStep *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->database == NULL)
    return;

  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  task = g_task_new (NULL, self->cancellable, items_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

static void
filter_changed_cb (BbMatterStep *self)
{
  gtk_list_box_invalidate_filter (self->items_list);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
item_selected_cb (BbMatterStep  *self,
                  GtkListBoxRow *row)
{
  if (self->updating || row == NULL)
    return;
  set_item (self, g_object_get_data (G_OBJECT (row), "bb-item"));
}

static void
bb_matter_step_dispose (GObject *object)
{
  BbMatterStep *self = BB_MATTER_STEP (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_MATTER_STEP);
  /* Direct children the template does not name go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item, bb_catalogue_item_free);
  g_clear_pointer (&self->material_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_matter_step_parent_class)->dispose (object);
}

static void
bb_matter_step_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbMatterStep *self = BB_MATTER_STEP (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->item != NULL);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ITEM:
      g_value_set_boxed (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_matter_step_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbMatterStep *self = BB_MATTER_STEP (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_matter_step_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_matter_step_class_init (BbMatterStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_matter_step_dispose;
  object_class->get_property = bb_matter_step_get_property;
  object_class->set_property = bb_matter_step_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbMatterStep:loading:
   *
   * Whether the catalogue is being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbMatterStep:item:
   *
   * The catalogue item chosen, with its materials.
   */
  properties[PROP_ITEM] =
    g_param_spec_boxed ("item", NULL, NULL, BB_TYPE_CATALOGUE_ITEM,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-matter-step.ui");
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, items_list);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, items_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, details_group);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, basis_row);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, limit_row);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, process_row);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, fees_row);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, online_row);
  gtk_widget_class_bind_template_child (widget_class, BbMatterStep, materials_group);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matterstep");
}

static void
bb_matter_step_init (BbMatterStep *self)
{
  GtkLayoutManager *layout;

  self->cancellable = g_cancellable_new ();
  self->material_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  gtk_list_box_set_filter_func (self->items_list, filter_func, self, NULL);
}

BbMatterStep *
bb_matter_step_new (void)
{
  return g_object_new (BB_TYPE_MATTER_STEP, NULL);
}

BbDatabase *
bb_matter_step_get_database (BbMatterStep *self)
{
  g_return_val_if_fail (BB_IS_MATTER_STEP (self), NULL);

  return self->database;
}

/**
 * bb_matter_step_set_database:
 *
 * Sets where the catalogue comes from, and reads it (in a thread).
 */
void
bb_matter_step_set_database (BbMatterStep *self,
                             BbDatabase   *database)
{
  g_return_if_fail (BB_IS_MATTER_STEP (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
bb_matter_step_get_complete (BbMatterStep *self)
{
  g_return_val_if_fail (BB_IS_MATTER_STEP (self), FALSE);

  return self->item != NULL;
}

gboolean
bb_matter_step_get_loading (BbMatterStep *self)
{
  g_return_val_if_fail (BB_IS_MATTER_STEP (self), FALSE);

  return self->loading;
}

/**
 * bb_matter_step_get_item:
 *
 * Returns: (transfer none) (nullable): the catalogue item chosen
 */
const BbCatalogueItem *
bb_matter_step_get_item (BbMatterStep *self)
{
  g_return_val_if_fail (BB_IS_MATTER_STEP (self), NULL);

  return self->item;
}

/**
 * bb_matter_step_select_item:
 *
 * Chooses the catalogue item @item_id, now or once the catalogue is read.
 */
void
bb_matter_step_select_item (BbMatterStep *self,
                            gint64        item_id)
{
  g_return_if_fail (BB_IS_MATTER_STEP (self));

  if (self->loading || self->items == NULL)
    self->pending_item_id = item_id;
  else
    select_row_for (self, item_id);
}

JsonObject *
bb_matter_step_save (BbMatterStep *self)
{
  JsonObject *data;

  g_return_val_if_fail (BB_IS_MATTER_STEP (self), NULL);

  data = json_object_new ();
  json_object_set_string_member (data, "filter",
                                 gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  if (self->item != NULL)
    {
      json_object_set_int_member (data, "item_id", self->item->id);
      json_object_set_string_member (data, "matter", self->item->name);
    }
  else if (self->pending_item_id > 0)
    json_object_set_int_member (data, "item_id", self->pending_item_id);
  return data;
}

void
bb_matter_step_restore (BbMatterStep *self,
                        JsonObject   *data)
{
  gint64 item_id;

  g_return_if_fail (BB_IS_MATTER_STEP (self));
  g_return_if_fail (data != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry),
                         json_object_get_string_member_with_default (data, "filter", ""));
  gtk_list_box_invalidate_filter (self->items_list);
  item_id = json_object_get_int_member_with_default (data, "item_id", 0);
  if (item_id > 0)
    bb_matter_step_select_item (self, item_id);
  else
    {
      /* Nothing chosen: the step starts again. */
      self->pending_item_id = 0;
      self->updating = TRUE;
      gtk_list_box_unselect_all (self->items_list);
      self->updating = FALSE;
      set_item (self, NULL);
    }
}
