/* bb-catalogue-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue of matters (事项清单): a searchable list with each matter's
 * department, time limit, legal basis and whether it can be done online;
 * administrators add and edit matters (BbCatalogueItemDialog) and import
 * them from CSV. Reading and importing run in GTask threads.
 */

#define G_LOG_DOMAIN "bb-catalogue-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-catalogue-item-dialog.h"
#include "bb-catalogue-page.h"
#include "bb-catalogue-repo.h"
#include "bb-csv-import.h"
#include "bb-error.h"

struct _BbCataloguePage
{
  AdwBin           parent_instance;

  BbDatabase      *database;
  BbActor         *actor;
  GPtrArray       *items;
  GCancellable    *cancellable;
  char            *search;
  guint            loading : 1;
  BbCsvImport     *import;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkButton       *import_button;
  GtkButton       *add_button;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *unavailable_page;
  GtkLabel        *count_label;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (BbCataloguePage, bb_catalogue_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
can_manage (BbCataloguePage *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_CATALOGUE_MANAGE);
}

static void
update_actions (BbCataloguePage *self)
{
  gboolean manage = can_manage (self);
  gboolean ready = manage && self->database != NULL
                   && !bb_csv_import_get_running (self->import);

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), manage);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.import", ready);

  adw_status_page_set_description (self->empty_page,
                                   manage
                                   ? _("Add the matters the hall handles one by one, or import "
                                       "them from a CSV file.")
                                   : _("An administrator adds the matters the hall handles."));
}

static void
notify_busy (BbCataloguePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (BbCataloguePage *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
show_toast (BbCataloguePage *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
item_matches (const BbCatalogueItem *item,
              const char            *search)
{
  return search == NULL || *search == '\0' ||
         contains_folded (item->name, search) ||
         contains_folded (item->department, search) ||
         contains_folded (item->legal_basis, search);
}

/* The list */

static void
update_count (BbCataloguePage *self)
{
  guint shown = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      if (item_matches (g_ptr_array_index (self->items, i), self->search))
        shown++;
    }

  if (shown == self->items->len)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matter", "%u matters",
                                         self->items->len),
                            self->items->len);
  else
    /* Translators: “3 of 40 matters”, while searching */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u matter",
                                         "%u of %u matters", self->items->len),
                            shown, self->items->len);
  gtk_label_set_text (self->count_label, text);
}

static char *
item_subtitle (const BbCatalogueItem *item)
{
  g_autoptr(GString) text = g_string_new (item->department);

  /* Translators: between the parts of a matter's summary */
  g_string_append (text, _(" · "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d working day",
                                             "%d working days", item->limit_days),
                          item->limit_days);
  if (item->legal_basis != NULL && *item->legal_basis != '\0')
    {
      g_string_append (text, _(" · "));
      g_string_append (text, item->legal_basis);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
tag (const char *text,
     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "bb-tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
item_row (const BbCatalogueItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = item_subtitle (item);
  g_autofree char *materials = NULL;
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (item->online)
    /* Translators: a tag on a matter that can be done online */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Online"), "bb-tag-online"));
  if (!item->active)
    /* Translators: a tag on a matter no longer offered */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Withdrawn"), "bb-tag-withdrawn"));

  materials = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u material", "%u materials",
                                            item->materials->len),
                               item->materials->len);
  label = gtk_label_new (materials);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  if (!item->active)
    gtk_widget_add_css_class (row, "bb-withdrawn");
  return row;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  BbCataloguePage *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item-index"));

  g_assert (index < self->items->len);
  return item_matches (g_ptr_array_index (self->items, index), self->search);
}

static void
fill_list (BbCataloguePage *self)
{
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *row = item_row (g_ptr_array_index (self->items, i));

      g_object_set_data (G_OBJECT (row), "item-index", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->list_box, row);
    }

  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *items = bb_catalogue_repo_list (task_data, FALSE, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BbCataloguePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (items == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
    }
  else
    {
      g_clear_pointer (&self->items, g_ptr_array_unref);
      self->items = items;
      fill_list (self);
    }
  notify_busy (self);
}

/* Adding and editing */

static void
item_saved_cb (BbCataloguePage *self,
               gint64           id,
               const char      *name)
{
  g_autofree char *message = g_strdup_printf (_("“%s” saved"), name);

  show_toast (self, message);
  bb_catalogue_page_reload (self);
}

static void
open_item (BbCataloguePage       *self,
           const BbCatalogueItem *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BbCatalogueItemDialog *dialog;

  if (self->database == NULL || self->actor == NULL)
    return;

  dialog = bb_catalogue_item_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->database, self->actor, item);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (item_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (BbCataloguePage *self,
                  GtkListBoxRow   *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item-index"));

  if (index < self->items->len)
    open_item (self, g_ptr_array_index (self->items, index));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_item (BB_CATALOGUE_PAGE (widget), NULL);
}

/* Import */

static void
import_state_changed (BbCataloguePage *self)
{
  update_actions (self);
  notify_busy (self);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BbCataloguePage) self = user_data;
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
        message = g_strdup_printf (_("“%s” was not imported, and the catalogue is unchanged. %s"),
                                   name, error->message);
      import_state_changed (self);
      show_error (self, message);
      return;
    }

  import_state_changed (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u matter from “%s”",
                                          "Imported %u matters from “%s”", n_imported),
                             n_imported, name);
  show_toast (self, message);
  bb_catalogue_page_reload (self);
}

static void
file_chosen (GtkWidget *page,
             GFile     *file)
{
  bb_catalogue_page_import_file (BB_CATALOGUE_PAGE (page), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bb_csv_import_choose (widget, _("Import Matters"), file_chosen);
}

/* Signal callbacks */

static void
search_changed_cb (BbCataloguePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = g_strstrip (g_strdup (text));

  g_free (self->search);
  self->search = g_utf8_casefold (search, -1);
  gtk_list_box_invalidate_filter (self->list_box);
  update_count (self);
}

static void
dismiss_error_clicked_cb (BbCataloguePage *self)
{
  show_error (self, NULL);
}

static void
retry_clicked_cb (BbCataloguePage *self)
{
  bb_catalogue_page_reload (self);
}

/* Object */

static void
bb_catalogue_page_dispose (GObject *object)
{
  BbCataloguePage *self = BB_CATALOGUE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->import, bb_csv_import_free);
  /* AdwBin keeps its own pointer to the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CATALOGUE_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (bb_catalogue_page_parent_class)->dispose (object);
}

static void
bb_catalogue_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbCataloguePage *self = BB_CATALOGUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, bb_catalogue_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_catalogue_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbCataloguePage *self = BB_CATALOGUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_catalogue_page_set_database (self, g_value_get_object (value));
      break;

    case PROP_ACTOR:
      bb_catalogue_page_set_actor (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_catalogue_page_class_init (BbCataloguePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_catalogue_page_dispose;
  object_class->get_property = bb_catalogue_page_get_property;
  object_class->set_property = bb_catalogue_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BbCataloguePage:actor:
   *
   * Who works: administrators see the Add and Import buttons and edit
   * matters; everybody else reads.
   */
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BbCataloguePage:busy:
   *
   * Whether the list is being read or a file imported.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-catalogue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, import_button);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BbCataloguePage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalogue.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalogue.import", NULL, import_action);
}

static void
bb_catalogue_page_init (BbCataloguePage *self)
{
  GtkWidget *placeholder;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_catalogue_item_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->import = bb_csv_import_new (bb_catalogue_repo_import_csv, self->progress_revealer,
                                    self->progress_label, self->progress_bar);

  placeholder = gtk_label_new (_("No matter matches the search"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_actions (self);
}

/**
 * bb_catalogue_page_new:
 * @database: (nullable): the database, or %NULL to set it later
 * @actor: (nullable): who works, or %NULL to set it later
 */
BbCataloguePage *
bb_catalogue_page_new (BbDatabase    *database,
                       const BbActor *actor)
{
  return g_object_new (BB_TYPE_CATALOGUE_PAGE, "database", database, "actor", actor, NULL);
}

BbDatabase *
bb_catalogue_page_get_database (BbCataloguePage *self)
{
  g_return_val_if_fail (BB_IS_CATALOGUE_PAGE (self), NULL);

  return self->database;
}

void
bb_catalogue_page_set_database (BbCataloguePage *self,
                                BbDatabase      *database)
{
  g_return_if_fail (BB_IS_CATALOGUE_PAGE (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  update_actions (self);
  bb_catalogue_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const BbActor *
bb_catalogue_page_get_actor (BbCataloguePage *self)
{
  g_return_val_if_fail (BB_IS_CATALOGUE_PAGE (self), NULL);

  return self->actor;
}

void
bb_catalogue_page_set_actor (BbCataloguePage *self,
                             const BbActor   *actor)
{
  g_return_if_fail (BB_IS_CATALOGUE_PAGE (self));

  if (self->actor == actor)
    return;
  g_clear_pointer (&self->actor, bb_actor_free);
  self->actor = actor != NULL ? bb_actor_copy (actor) : NULL;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gboolean
bb_catalogue_page_get_busy (BbCataloguePage *self)
{
  g_return_val_if_fail (BB_IS_CATALOGUE_PAGE (self), FALSE);

  return self->loading || bb_csv_import_get_running (self->import);
}

/**
 * bb_catalogue_page_reload:
 *
 * Reads the catalogue again (after a change made elsewhere).
 */
void
bb_catalogue_page_reload (BbCataloguePage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BB_IS_CATALOGUE_PAGE (self));

  if (self->database == NULL)
    {
      g_ptr_array_set_size (self->items, 0);
      fill_list (self);
      return;
    }

  if (self->items->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  self->loading = TRUE;
  notify_busy (self);
  task = g_task_new (NULL, self->cancellable, listed_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/**
 * bb_catalogue_page_import_file:
 * @file: a CSV file in the format of bb_catalogue_repo_import_csv()
 *
 * Imports @file off the main thread, with a progress bar; the result is a
 * toast, or an error naming the line under the toolbar.
 */
void
bb_catalogue_page_import_file (BbCataloguePage *self,
                               GFile           *file)
{
  g_return_if_fail (BB_IS_CATALOGUE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (bb_csv_import_get_running (self->import) || self->database == NULL
      || self->actor == NULL)
    return;

  show_error (self, NULL);
  bb_csv_import_start (self->import, file, self->database, self->actor, self->cancellable,
                       imported_cb, g_object_ref (self));
  import_state_changed (self);
}
