/* bb-window.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-window.h"

struct _BbWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  GtkRevealer          *connection_banner;
  GtkSpinner           *connection_spinner;
  AdwStatusPage        *unavailable_page;
  AdwViewStack         *view_stack;
};

G_DEFINE_FINAL_TYPE (BbWindow, bb_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_database_state (BbWindow *self)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *error;

  if (app == NULL)
    return;

  error = bb_application_get_database_error (app);
  if (bb_application_get_database (app) != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "ready");
  else if (bb_application_get_opening (app) || error == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "opening");
  else
    {
      adw_status_page_set_description (self->unavailable_page, error);
      gtk_stack_set_visible_child_name (self->main_stack, "unavailable");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen-database",
                                 !bb_application_get_opening (app));

  gtk_revealer_set_reveal_child (self->connection_banner,
                                 bb_application_get_connection_lost (app));
  gtk_spinner_set_spinning (self->connection_spinner,
                            bb_application_get_connection_lost (app));
}

static void
database_changed_cb (BbWindow *self)
{
  update_database_state (self);
}

static void
application_changed_cb (BbWindow *self)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (app == NULL)
    return;

  g_signal_connect_object (app, "notify::database", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::database-error", G_CALLBACK (database_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::opening", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::connection-lost", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_database_state (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
reopen_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));

  bb_application_reopen_database (app);
}

static gboolean
bb_window_close_request (GtkWindow *window)
{
  BbWindow *self = BB_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (bb_window_parent_class)->close_request (window);
}

static void
bb_window_dispose (GObject *object)
{
  BbWindow *self = BB_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_window_parent_class)->dispose (object);
}

static void
bb_window_class_init (BbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bb_window_dispose;
  window_class->close_request = bb_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, connection_banner);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, connection_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-database", NULL,
                                   reopen_database_action);
}

static void
bb_window_init (BbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
}

BbWindow *
bb_window_new (BbApplication *application)
{
  return g_object_new (BB_TYPE_WINDOW, "application", application, NULL);
}

void
bb_window_show_toast (BbWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (BB_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * bb_window_get_page:
 *
 * Returns: the name of the area shown: dashboard, charts, catalogue, staff
 *   or complaints
 */
const char *
bb_window_get_page (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}
