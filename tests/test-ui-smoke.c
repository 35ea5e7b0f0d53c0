/* test-ui-smoke.c — the application shell under a real display
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presents the main window, visits every area, opens Preferences (and saves
 * a setting through it, checking the database), About and the shortcuts
 * window, saving a PNG of each in the build's log folder.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bb-application.h"
#include "bb-complaint-repo.h"
#include "bb-preferences-window.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-window.h"

static BbApplication *app;
static const char *lang_tag = "C";

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
database_open (gpointer data)
{
  return bb_application_get_database (app) != NULL ||
         bb_application_get_database_error (app) != NULL;
}

static BbWindow *
main_window (void)
{
  return BB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static gboolean
main_stack_settled (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (main_window ()),
                                                              BB_TYPE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0 &&
         !gtk_stack_get_transition_running (stack);
}

static void
sign_in_as_new_admin (void)
{
  BbDatabase *db = bb_application_get_database (app);
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(GError) error = NULL;

  bb_staff_repo_add (db, system, "A001", "王建国", BB_ROLE_ADMIN, NULL, NULL, "hall-2026-admin",
                     &error);
  g_assert_no_error (error);
  admin = bb_staff_repo_authenticate (db, "A001", "hall-2026-admin", &error);
  g_assert_no_error (error);
  bb_application_set_actor (app, admin);
}

static void
test_main_window (void)
{
  static const char *pages[] = {
    "dashboard", "charts", "catalogue", "staff", "complaints", "holidays"
  };
  BbWindow *window;

  g_application_activate (G_APPLICATION (app));
  bb_ui_test_iterate_until (database_open, NULL, "the database to open");
  g_assert_null (bb_application_get_database_error (app));
  g_assert_nonnull (bb_application_get_database (app));

  window = main_window ();
  g_assert_true (BB_IS_WINDOW (window));

  /* An empty database asks somebody to sign in (or create the first
   * administrator) before anything else. */
  bb_ui_test_iterate_until (main_stack_settled, (gpointer) "sign-in", "the sign-in page");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui", "sign-in");
  sign_in_as_new_admin ();
  bb_ui_test_iterate_until (main_stack_settled, (gpointer) "ready", "the areas to be shown");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autofree char *action_name = NULL;

      g_assert_true (g_action_parse_detailed_name (action, &action_name, &target, NULL));
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name,
                                                         target));
      g_assert_cmpstr (bb_window_get_page (window), ==, pages[i]);
      name = g_strdup_printf ("page-%s", pages[i]);
      bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui", name);
    }
}

static gboolean
setting_saved (gpointer data)
{
  BbDatabase *db = bb_application_get_database (app);
  g_autofree char *value = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, NULL);

  return g_strcmp0 (value, data) == 0;
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
supplement_days_saved (gpointer data)
{
  BbDatabase *db = bb_application_get_database (app);
  g_autofree char *value = bb_settings_repo_get (db, BB_SETTING_SUPPLEMENT_DAYS, NULL, NULL);

  return g_strcmp0 (value, data) == 0;
}

static gboolean
feedback_days_saved (gpointer data)
{
  BbDatabase *db = bb_application_get_database (app);
  g_autofree char *value = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_FEEDBACK_DAYS, NULL,
                                                 NULL);

  return g_strcmp0 (value, data) == 0;
}

static gboolean
window_shown (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static void
test_preferences (void)
{
  GtkWindow *prefs;
  GtkWidget *team_name_row;
  GtkWidget *hotline_row;
  GtkWidget *message;
  g_autofree char *hotline = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (BB_TYPE_PREFERENCES_WINDOW),
                            "Preferences");
  prefs = find_window (BB_TYPE_PREFERENCES_WINDOW);
  bb_ui_test_save_screenshot (GTK_WIDGET (prefs), "ui", "preferences-database");

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "forms");
  team_name_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                             BB_TYPE_PREFERENCES_WINDOW,
                                                             "team_name_row"));
  hotline_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                           BB_TYPE_PREFERENCES_WINDOW,
                                                           "hotline_row"));
  message = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                       BB_TYPE_PREFERENCES_WINDOW,
                                                       "forms_message"));

  /* A valid team name is saved in the database. */
  gtk_editable_set_text (GTK_EDITABLE (team_name_row), "雁塔区𠮷祥");
  g_signal_emit_by_name (team_name_row, "apply");
  bb_ui_test_iterate_until (setting_saved, (gpointer) "雁塔区𠮷祥", "the team name to be saved");

  /* An invalid hotline: the reason is shown, the text stays, nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (hotline_row), "call the office");
  g_signal_emit_by_name (hotline_row, "apply");
  g_assert_true (gtk_widget_has_css_class (hotline_row, "error"));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hotline_row)), ==, "call the office");
  bb_ui_test_save_screenshot (GTK_WIDGET (prefs), "ui", "preferences-forms-error");
  hotline = bb_settings_repo_get (bb_application_get_database (app),
                                  BB_SETTING_COMPLAINT_HOTLINE, NULL, NULL);
  g_assert_cmpstr (hotline, ==, "");

  /* The supplement time limit, in working days: too many is refused as
   * typed and not saved; a good number is saved with the check mark. */
  {
    GtkWidget *spin = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                 BB_TYPE_PREFERENCES_WINDOW,
                                                                 "supplement_days_spin"));
    GtkWidget *apply = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                  BB_TYPE_PREFERENCES_WINDOW,
                                                                  "supplement_days_apply"));
    g_autofree char *days = NULL;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "5");
    g_assert_false (gtk_widget_get_visible (apply));

    gtk_editable_set_text (GTK_EDITABLE (spin), "400");
    g_assert_true (gtk_widget_has_css_class (spin, "error"));
    g_assert_true (gtk_widget_get_visible (message));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)),
                                     g_str_equal (lang_tag, "C") ? "Supplement time limit: "
                                                                 : "补正期限："));
    g_assert_true (gtk_widget_get_visible (apply));
    g_signal_emit_by_name (apply, "clicked");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "400");
    days = bb_settings_repo_get (bb_application_get_database (app), BB_SETTING_SUPPLEMENT_DAYS,
                                 NULL, NULL);
    g_assert_cmpstr (days, ==, "5");

    gtk_editable_set_text (GTK_EDITABLE (spin), "12");
    g_assert_false (gtk_widget_has_css_class (spin, "error"));
    g_assert_false (gtk_widget_get_visible (message));
    g_signal_emit_by_name (apply, "clicked");
    bb_ui_test_iterate_until (supplement_days_saved, (gpointer) "12",
                              "the supplement time limit to be saved");
    bb_ui_test_iterate_until (widget_hidden, apply, "the check mark to go once saved");
    bb_ui_test_wait_for_draw (GTK_WIDGET (prefs));
    bb_ui_test_save_screenshot (GTK_WIDGET (prefs), "ui", "preferences-hall");
  }

  /* A complaint step's time limit: the feedback step's, 3 by default. */
  {
    GtkWidget *spin = bb_ui_test_find_named (GTK_WIDGET (prefs), GTK_TYPE_WIDGET,
                                             BB_SETTING_COMPLAINT_FEEDBACK_DAYS);
    GtkWidget *apply;

    g_assert_nonnull (spin);
    apply = gtk_widget_get_next_sibling (spin);
    g_assert_true (GTK_IS_BUTTON (apply));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "3");
    g_assert_false (gtk_widget_get_visible (apply));
    gtk_editable_set_text (GTK_EDITABLE (spin), "0");
    g_assert_true (gtk_widget_has_css_class (spin, "error"));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)),
                                     g_str_equal (lang_tag, "C") ? "Feedback time limit: "
                                                                 : "反馈时限："));
    gtk_editable_set_text (GTK_EDITABLE (spin), "4");
    g_assert_false (gtk_widget_has_css_class (spin, "error"));
    g_signal_emit_by_name (apply, "clicked");
    bb_ui_test_iterate_until (feedback_days_saved, (gpointer) "4",
                              "the feedback time limit to be saved");
  }

  gtk_window_destroy (prefs);
}

static void
test_about (void)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), "About");
  about = find_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)),
                            "Schema:"));
  bb_ui_test_save_screenshot (GTK_WIDGET (about), "ui", "about");
  gtk_window_destroy (about);
}

static void
test_shortcuts (void)
{
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW),
                            "the shortcuts window");
  shortcuts = find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  bb_ui_test_save_screenshot (GTK_WIDGET (shortcuts), "ui", "shortcuts");
  gtk_window_destroy (shortcuts);
}

static void
test_translated (void)
{
  /* Under zh_CN the UI is Chinese: a sample of the strings the window shows. */
  g_assert_cmpstr (_("Dashboard"), ==, "工作台");
  g_assert_cmpstr (_("Preferences"), ==, "首选项");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN"))
    lang_tag = "zh_CN";

  bb_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  app = bb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/bangban/ui/main-window", test_main_window);
  g_test_add_func ("/bangban/ui/preferences", test_preferences);
  g_test_add_func ("/bangban/ui/about", test_about);
  g_test_add_func ("/bangban/ui/shortcuts", test_shortcuts);
  if (g_str_equal (lang_tag, "zh_CN"))
    g_test_add_func ("/bangban/ui/translated", test_translated);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (main_window ()));
  g_clear_object (&app);
  return status;
}
