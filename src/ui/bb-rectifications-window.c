/* bb-rectifications-window.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rectifications (整改) not closed yet, overdue ones first, for team
 * leaders and managers who watch them. Activating one opens its case in
 * the main window (app.open-case), where its measures and return visit are
 * recorded. Read in a thread; refreshed with F5 and whenever the window
 * comes back to the front.
 *
 * The window is transient for the main window and closes with it.
 */

#define G_LOG_DOMAIN "bb-rectifications-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-rectification-repo.h"
#include "bb-rectifications-window.h"

#define MAX_SHOWN 500

struct _BbRectificationsWindow
{
  AdwWindow       parent_instance;

  BbApplication  *application;
  GCancellable   *cancellable;
  GPtrArray      *shown;      /* BbRectificationEntry, as listed */
  gboolean        loading;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (BbRectificationsWindow, bb_rectifications_window, ADW_TYPE_WINDOW)

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->database);
  bb_actor_free (load->actor);
  g_free (load);
}

/* Overdue first; within each, newest first as listed. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BbRectificationEntry *x = *(BbRectificationEntry **) a;
  const BbRectificationEntry *y = *(BbRectificationEntry **) b;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  return x->id > y->id ? -1 : x->id < y->id ? 1 : 0;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  GPtrArray *list;

  list = bb_rectification_repo_list (load->database, load->actor, BB_RECTIFICATION_LIST_OPEN, 0,
                                     MAX_SHOWN, &error);
  if (list == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_sort (list, compare_entries);
  g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
new_row (const BbRectificationEntry *r)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a rectification in the list: case number · client */
  title = g_strdup_printf (_("%s · %s"), r->case_number, r->client_name ? r->client_name : "—");
  /* Translators: state · deadline · responsible person */
  subtitle = g_strdup_printf (_("%s · deadline %s · %s"), bb_rectification_state_label (r->state),
                              r->deadline,
                              r->responsible_name ? r->responsible_name
                                                  : _("nobody responsible"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, r->case_number);
  if (r->overdue)
    {
      GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overdue"), -1);
      gtk_widget_add_css_class (pill, "case-pill");
      gtk_widget_add_css_class (pill, "overdue");
      gtk_widget_add_css_class (icon, "overdue");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (pill), icon);
      gtk_box_append (GTK_BOX (pill), gtk_label_new (_("Overdue")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the case"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "case-number", g_strdup (r->case_number), g_free);
  return row;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbRectificationsWindow *self = BB_RECTIFICATIONS_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *child;
  guint overdue = 0;

  list = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (list == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < list->len; i++)
    {
      const BbRectificationEntry *r = g_ptr_array_index (list, i);

      overdue += r->overdue ? 1 : 0;
      gtk_list_box_append (self->list, new_row (r));
    }
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_steal_pointer (&list);

  if (self->shown->len > 0)
    {
      g_autofree char *open_text = NULL;
      g_autofree char *summary = NULL;

      open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open",
                                                self->shown->len),
                                   self->shown->len);
      /* Translators: the window's subtitle: “3 open, 1 overdue” */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u overdue",
                                              "%s, %u overdue", overdue),
                                 open_text, overdue);
      adw_window_title_set_subtitle (self->window_title, summary);
    }
  else
    adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "list" : "empty");
}

static void
row_activated_cb (BbRectificationsWindow *self,
                  GtkListBoxRow          *row)
{
  const char *number = g_object_get_data (G_OBJECT (row), "case-number");

  if (number != NULL && self->application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self->application), "open-case",
                                    g_variant_new_string (number));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bb_rectifications_window_reload (BB_RECTIFICATIONS_WINDOW (widget));
}

static void
active_changed_cb (BbRectificationsWindow *self)
{
  /* Back in front after working on a case: show what changed there. */
  if (gtk_window_is_active (GTK_WINDOW (self)) && !self->loading && self->shown != NULL)
    bb_rectifications_window_reload (self);
}

static void
bb_rectifications_window_dispose (GObject *object)
{
  BbRectificationsWindow *self = BB_RECTIFICATIONS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_RECTIFICATIONS_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_rectifications_window_parent_class)->dispose (object);
}

static void
bb_rectifications_window_class_init (BbRectificationsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_rectifications_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/"
                                               "bb-rectifications-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbRectificationsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationsWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "rectifications.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "rectifications.reload",
                                       NULL);
  /* Not an application window: its own close keys. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
bb_rectifications_window_init (BbRectificationsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
}

/**
 * bb_rectifications_window_new:
 * @parent: the main window
 *
 * Returns: (transfer none): the window, reading its list
 */
BbRectificationsWindow *
bb_rectifications_window_new (BbApplication *application,
                              GtkWindow     *parent)
{
  BbRectificationsWindow *self;

  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);

  self = g_object_new (BB_TYPE_RECTIFICATIONS_WINDOW, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->application = g_object_ref (application);
  bb_rectifications_window_reload (self);
  return self;
}

void
bb_rectifications_window_reload (BbRectificationsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  BbDatabase *database;
  Load *load;

  g_return_if_fail (BB_IS_RECTIFICATIONS_WINDOW (self));

  database = bb_application_get_database (self->application);
  if (database == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->shown == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  load = g_new0 (Load, 1);
  load->database = g_object_ref (database);
  load->actor = bb_actor_copy (bb_application_get_actor (self->application));
  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, bb_rectifications_window_reload);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * bb_rectifications_window_get_shown:
 *
 * Returns: (transfer none) (nullable) (element-type BbRectificationEntry):
 *   the rectifications listed, in their order
 */
GPtrArray *
bb_rectifications_window_get_shown (BbRectificationsWindow *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATIONS_WINDOW (self), NULL);

  return self->shown;
}

gboolean
bb_rectifications_window_get_loading (BbRectificationsWindow *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATIONS_WINDOW (self), FALSE);

  return self->loading;
}

GtkListBox *
bb_rectifications_window_get_list (BbRectificationsWindow *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATIONS_WINDOW (self), NULL);

  return self->list;
}
