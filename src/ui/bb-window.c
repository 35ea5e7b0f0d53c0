/* bb-window.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-assist-wizard.h"
#include "bb-catalogue-page.h"
#include "bb-charts-page.h"
#include "bb-complaints-page.h"
#include "bb-dashboard.h"
#include "bb-consultation-dialog.h"
#include "bb-holidays-page.h"
#include "bb-proxy-wizard.h"
#include "bb-rectifications-window.h"
#include "bb-register-dialog.h"
#include "bb-sign-in-page.h"
#include "bb-staff-page.h"
#include "bb-window.h"

struct _BbWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GtkWindow            *rectifications;  /* weak */

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  GtkRevealer          *connection_banner;
  AdwStatusPage        *unavailable_page;
  AdwViewStack         *view_stack;
  AdwBin               *dashboard_bin;
  GtkLabel             *person_label;
  BbSignInPage         *sign_in_page;
  AdwViewStackPage     *staff_stack_page;
  AdwViewStackPage     *charts_stack_page;
  AdwViewStackPage     *complaints_stack_page;
  AdwViewStackPage     *holidays_stack_page;

  /* The areas other than the dashboard are made the first time they are
   * shown, in these bins: making, styling and measuring all of them
   * delayed the first rows of the dashboard. */
  AdwBin               *catalogue_bin;
  AdwBin               *charts_bin;
  AdwBin               *complaints_bin;
  AdwBin               *staff_bin;
  AdwBin               *holidays_bin;
  BbCataloguePage      *catalogue_page;   /* (nullable) until shown */
  BbChartsPage         *charts_page;      /* (nullable) */
  BbComplaintsPage     *complaints_page;  /* (nullable) */
  BbStaffPage          *staff_page;       /* (nullable) */
  BbHolidaysPage       *holidays_page;    /* (nullable) */

  /* What the pages other than the dashboard were given: each reads the
   * database only once it has been shown, so that signing in shows the
   * dashboard without waiting behind queries for pages nobody looks at. */
  BbDatabase           *pages_database;
  gint64                pages_staff_id;
  BbRole                pages_role;
  guint                 pages_given;

  gboolean              drafts_offered;
};

G_DEFINE_FINAL_TYPE (BbWindow, bb_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actor (BbWindow *self);
static void offer_drafts (BbWindow *self);

static void
update_database_state (BbWindow *self)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *error;

  if (app == NULL)
    return;

  error = bb_application_get_database_error (app);
  bb_sign_in_page_set_database (self->sign_in_page, bb_application_get_database (app));
  if (bb_application_get_database (app) != NULL)
    gtk_stack_set_visible_child_name (self->main_stack,
                                      bb_application_get_actor (app)->staff_id != 0 ? "ready"
                                                                                   : "sign-in");
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
}

static void
database_changed_cb (BbWindow *self)
{
  update_actor (self);
  update_database_state (self);
}

static void
application_changed_cb (BbWindow *self)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (app == NULL)
    return;

  if (adw_bin_get_child (self->dashboard_bin) == NULL)
    adw_bin_set_child (self->dashboard_bin, GTK_WIDGET (bb_dashboard_new (app)));

  g_signal_connect_object (app, "notify::database", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::database-error", G_CALLBACK (database_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::opening", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::connection-lost", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::actor", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actor (self);
  update_database_state (self);
}

enum
{
  PAGE_CATALOGUE  = 1 << 0,
  PAGE_CHARTS     = 1 << 1,
  PAGE_COMPLAINTS = 1 << 2,
  PAGE_STAFF      = 1 << 3,
  PAGE_HOLIDAYS   = 1 << 4,
};

/* Gives @page (one of PAGE_*) the database and the signed-in person, or
 * takes them away when @db is %NULL. */
static void
give_page (BbWindow      *self,
           guint          page,
           BbDatabase    *db,
           const BbActor *actor)
{
  switch (page)
    {
    case PAGE_CATALOGUE:
      bb_catalogue_page_set_database (self->catalogue_page, db);
      bb_catalogue_page_set_actor (self->catalogue_page, actor);
      break;
    case PAGE_CHARTS:
      bb_charts_page_set_database (self->charts_page, db);
      bb_charts_page_set_actor (self->charts_page, actor);
      break;
    case PAGE_COMPLAINTS:
      bb_complaints_page_set_database (self->complaints_page, db);
      bb_complaints_page_set_actor (self->complaints_page, actor);
      break;
    case PAGE_STAFF:
      bb_staff_page_set_database (self->staff_page, db);
      bb_staff_page_set_actor (self->staff_page, actor);
      break;
    case PAGE_HOLIDAYS:
      bb_holidays_page_set_database (self->holidays_page, db);
      bb_holidays_page_set_actor (self->holidays_page, actor);
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint
visible_page (BbWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  if (child == GTK_WIDGET (self->catalogue_bin))
    return PAGE_CATALOGUE;
  if (child == GTK_WIDGET (self->charts_bin))
    return PAGE_CHARTS;
  if (child == GTK_WIDGET (self->complaints_bin))
    return PAGE_COMPLAINTS;
  if (child == GTK_WIDGET (self->staff_bin))
    return PAGE_STAFF;
  if (child == GTK_WIDGET (self->holidays_bin))
    return PAGE_HOLIDAYS;
  return 0;
}

/* Makes @page (one of PAGE_*), without a database, if it was never shown. */
static void
ensure_page (BbWindow *self,
             guint     page)
{
  AdwBin *bin;
  GtkWidget *child;

  switch (page)
    {
    case PAGE_CATALOGUE:
      if (self->catalogue_page != NULL)
        return;
      self->catalogue_page = g_object_new (BB_TYPE_CATALOGUE_PAGE, NULL);
      bin = self->catalogue_bin;
      child = GTK_WIDGET (self->catalogue_page);
      break;
    case PAGE_CHARTS:
      if (self->charts_page != NULL)
        return;
      self->charts_page = g_object_new (BB_TYPE_CHARTS_PAGE, NULL);
      bin = self->charts_bin;
      child = GTK_WIDGET (self->charts_page);
      break;
    case PAGE_COMPLAINTS:
      if (self->complaints_page != NULL)
        return;
      self->complaints_page = g_object_new (BB_TYPE_COMPLAINTS_PAGE, NULL);
      bin = self->complaints_bin;
      child = GTK_WIDGET (self->complaints_page);
      break;
    case PAGE_STAFF:
      if (self->staff_page != NULL)
        return;
      self->staff_page = g_object_new (BB_TYPE_STAFF_PAGE, NULL);
      bin = self->staff_bin;
      child = GTK_WIDGET (self->staff_page);
      break;
    case PAGE_HOLIDAYS:
      if (self->holidays_page != NULL)
        return;
      self->holidays_page = g_object_new (BB_TYPE_HOLIDAYS_PAGE, NULL);
      bin = self->holidays_bin;
      child = GTK_WIDGET (self->holidays_page);
      break;
    default:
      g_assert_not_reached ();
    }
  adw_bin_set_child (bin, child);
}

/* Pages start reading when first shown; a change of database or of the
 * person signed in takes everything away from them first. */
static void
sync_pages (BbWindow *self)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const BbActor *actor;
  BbDatabase *db;
  guint page;

  if (app == NULL)
    return;
  actor = bb_application_get_actor (app);
  /* Nothing is read before somebody signs in (and the demo data, which
   * moves the clock, is written while no page reads it). */
  db = actor->staff_id != 0 ? bb_application_get_database (app) : NULL;

  if (db != self->pages_database || actor->staff_id != self->pages_staff_id
      || actor->role != self->pages_role)
    {
      for (guint bit = PAGE_CATALOGUE; bit <= PAGE_HOLIDAYS; bit <<= 1)
        if (self->pages_given & bit)
          give_page (self, bit, NULL, NULL);
      /* It read as the person before, or another database. */
      if (self->rectifications != NULL)
        gtk_window_destroy (self->rectifications);
      self->pages_given = 0;
      g_set_object (&self->pages_database, db);
      self->pages_staff_id = actor->staff_id;
      self->pages_role = actor->role;
    }

  page = visible_page (self);
  if (page != 0)
    ensure_page (self, page);
  if (db != NULL && page != 0 && !(self->pages_given & page))
    {
      self->pages_given |= page;
      give_page (self, page, db, actor);
    }
}

static void
update_actor (BbWindow *self)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const BbActor *actor = bb_application_get_actor (app);
  gboolean signed_in = actor->staff_id != 0;

  sync_pages (self);
  /* Views a role may not use are not shown (core refuses anyway). */
  adw_view_stack_page_set_visible (self->staff_stack_page,
                                   signed_in && bb_actor_can (actor, BB_PERM_STAFF_MANAGE));
  adw_view_stack_page_set_visible (self->charts_stack_page,
                                   signed_in && bb_actor_can (actor, BB_PERM_STATS));
  adw_view_stack_page_set_visible (self->complaints_stack_page,
                                   signed_in && bb_actor_can (actor, BB_PERM_COMPLAINTS));
  adw_view_stack_page_set_visible (self->holidays_stack_page, signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", signed_in);
  /* The register holds personal data (core checks again). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-register",
                                 signed_in && bb_actor_can (actor, BB_PERM_EXPORT_PERSONAL));
  gtk_widget_set_visible (GTK_WIDGET (self->person_label), signed_in);
  if (signed_in)
    {
      /* Translators: the signed-in person in the header: name · role */
      g_autofree char *person = g_strdup_printf (_("%s · %s"), actor->name,
                                                 bb_role_label (actor->role));

      gtk_label_set_text (self->person_label, person);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-consultation", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-assist", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-proxy", signed_in);
  /* Rectifications are watched by team leaders and managers. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rectifications",
                                 signed_in && bb_actor_can (actor, BB_PERM_CASE_ACT_ANY));
  if (signed_in && !self->drafts_offered)
    {
      self->drafts_offered = TRUE;
      offer_drafts (self);
    }
}

static void
wizard_case_created_cb (GtkWindow  *wizard,
                        const char *number,
                        BbWindow   *self)
{
  bb_window_open_case (self, number);
}

static void
new_wizard_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  BbDatabase *db = bb_application_get_database (app);
  const BbActor *actor = bb_application_get_actor (app);
  GtkWindow *wizard;

  if (db == NULL || actor->staff_id == 0)
    return;
  if (g_str_equal (action_name, "win.new-assist"))
    wizard = GTK_WINDOW (bb_assist_wizard_new (GTK_WINDOW (self), db, actor));
  else
    wizard = GTK_WINDOW (bb_proxy_wizard_new (GTK_WINDOW (self), db, actor));
  g_signal_connect_object (wizard, "case-created", G_CALLBACK (wizard_case_created_cb), self, 0);
  gtk_window_present (wizard);
}

static void
rectifications_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const BbActor *actor = bb_application_get_actor (app);

  if (bb_application_get_database (app) == NULL || actor->staff_id == 0)
    return;
  /* One window, brought back to the front. */
  if (self->rectifications == NULL)
    {
      self->rectifications = GTK_WINDOW (bb_rectifications_window_new (app, GTK_WINDOW (self)));
      g_object_add_weak_pointer (G_OBJECT (self->rectifications),
                                 (gpointer *) &self->rectifications);
    }
  else
    bb_rectifications_window_reload (BB_RECTIFICATIONS_WINDOW (self->rectifications));
  gtk_window_present (self->rectifications);
}

static void
offer_draft (BbWindow   *self,
             const char *title,
             const char *action)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Continue"));
  adw_toast_set_action_name (toast, action);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* An unfinished wizard (closed, or the program killed) is offered again
 * once somebody signs in. */
static void
offer_drafts (BbWindow *self)
{
  g_autofree char *summary = NULL;

  if (bb_assist_wizard_has_draft (&summary))
    {
      /* Translators: %s is who and what, “王小明 · 企业设立登记” */
      g_autofree char *title = g_strdup_printf (_("Unfinished assist registration: %s"), summary);

      offer_draft (self, title, "win.new-assist");
    }
  g_clear_pointer (&summary, g_free);
  if (bb_proxy_wizard_has_draft (&summary))
    {
      /* Translators: %s is who and what, “王小明 · 企业设立登记” */
      g_autofree char *title = g_strdup_printf (_("Unfinished proxy commission: %s"), summary);

      offer_draft (self, title, "win.new-proxy");
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  GtkWidget *dashboard = adw_bin_get_child (self->dashboard_bin);

  if (dashboard == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "dashboard");
  bb_dashboard_focus_search (BB_DASHBOARD (dashboard));
}

static void
signed_in_cb (BbWindow *self,
              BbActor  *actor)
{
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  bb_application_set_actor (app, actor);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  bb_sign_in_page_reset (self->sign_in_page);
  bb_application_set_actor (app, NULL);
}

static void
print_register_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_window_present (GTK_WINDOW (bb_register_dialog_new (GTK_WINDOW (self), app)));
}

static void
new_consultation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  BbApplication *app = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  BbDatabase *db = bb_application_get_database (app);
  const BbActor *actor = bb_application_get_actor (app);

  if (db == NULL || actor->staff_id == 0)
    return;
  gtk_window_present (GTK_WINDOW (bb_consultation_dialog_new (GTK_WINDOW (self), db, actor)));
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

/* A complaint listed elsewhere (a chart's list): the complaints page, with
 * it selected. */
static void
open_complaint_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  if (!adw_view_stack_page_get_visible (self->complaints_stack_page))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "complaints");
  /* Shown, so made. */
  g_assert (self->complaints_page != NULL);
  bb_complaints_page_select (self->complaints_page, g_variant_get_string (parameter, NULL));
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

  if (self->rectifications != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->rectifications),
                                    (gpointer *) &self->rectifications);
      self->rectifications = NULL;
    }
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, sync_pages, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WINDOW);
  /* Gone with their bins. */
  self->catalogue_page = NULL;
  self->charts_page = NULL;
  self->complaints_page = NULL;
  self->staff_page = NULL;
  self->holidays_page = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->pages_database);

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

  g_type_ensure (BB_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, connection_banner);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, dashboard_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, person_label);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, staff_stack_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, charts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, complaints_stack_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, holidays_stack_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, catalogue_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, charts_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, complaints_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, staff_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, holidays_bin);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-complaint", "s",
                                   open_complaint_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.print-register", NULL,
                                   print_register_action);
  gtk_widget_class_install_action (widget_class, "win.new-consultation", NULL,
                                   new_consultation_action);
  gtk_widget_class_install_action (widget_class, "win.new-assist", NULL, new_wizard_action);
  gtk_widget_class_install_action (widget_class, "win.new-proxy", NULL, new_wizard_action);
  gtk_widget_class_install_action (widget_class, "win.rectifications", NULL,
                                   rectifications_action);
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
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (sync_pages),
                            self);
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
 * bb_window_open_case:
 * @number: a case number
 *
 * Shows the case in the dashboard.
 */
void
bb_window_open_case (BbWindow   *self,
                     const char *number)
{
  GtkWidget *dashboard;

  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (number != NULL);

  dashboard = adw_bin_get_child (self->dashboard_bin);
  adw_view_stack_set_visible_child_name (self->view_stack, "dashboard");
  if (dashboard != NULL)
    bb_dashboard_open_case (BB_DASHBOARD (dashboard), number);
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
