/* test-ui-connection.c — a lost PostgreSQL connection under a real display
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application runs on PostgreSQL; the server then drops its connection
 * (pg_terminate_backend, as a restarted server or a broken network would).
 * The next database call shows the banner, the typed input stays on
 * screen, the application reconnects by itself, and saving then works.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bb-application.h"
#include "bb-preferences-window.h"
#include "bb-settings-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-window.h"

/* bb_ui_test_template_child(), under the name the tests use */
#define template_child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

static BbApplication *app;

static gboolean
database_open (gpointer data)
{
  return bb_application_get_database (app) != NULL ||
         bb_application_get_database_error (app) != NULL;
}

static gboolean
connection_lost (gpointer data)
{
  return bb_application_get_connection_lost (app);
}

static gboolean
reconnected (gpointer data)
{
  return !bb_application_get_connection_lost (app) &&
         bb_application_get_database (app) != data;
}

static gboolean
setting_is (gpointer data)
{
  g_autofree char *value = bb_settings_repo_get (bb_application_get_database (app),
                                                 BB_SETTING_TEAM_NAME, NULL, NULL);

  return g_strcmp0 (value, data) == 0;
}

static gboolean
forms_loaded (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (data));
}

static void
test_connection_lost (void)
{
  const BbLocation *location;
  g_autoptr(BbLocation) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kill_sql = NULL;
  GtkWidget *prefs;
  GtkWidget *team_name_row;
  GtkWidget *banner;
  BbDatabase *lost;
  BbWindow *window;

  g_application_activate (G_APPLICATION (app));
  bb_ui_test_iterate_until (database_open, NULL, "the database to open");
  g_assert_null (bb_application_get_database_error (app));
  location = bb_database_get_location (bb_application_get_database (app));
  g_assert_cmpint (location->engine, ==, BB_ENGINE_POSTGRESQL);
  window = BB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  banner = template_child (window, BB_TYPE_WINDOW, "connection_banner");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  prefs = GTK_WIDGET (bb_preferences_window_new (app));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  bb_ui_test_iterate_until (forms_loaded, template_child (prefs, BB_TYPE_PREFERENCES_WINDOW,
                                                          "forms_group"),
                            "the form settings to load");
  team_name_row = template_child (prefs, BB_TYPE_PREFERENCES_WINDOW, "team_name_row");

  /* The user types; then the server drops every connection of ours. */
  gtk_editable_set_text (GTK_EDITABLE (team_name_row), "新城区为民服务队");
  admin = bb_location_parse (g_getenv ("BANGBAN_TEST_PG"), &error);
  g_assert_no_error (error);
  kill_sql = g_strdup_printf ("SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity "
                              "WHERE datname = '%s' AND pid <> pg_backend_pid ()",
                              location->database);
  g_free (bb_test_query_string (admin, kill_sql));

  /* Saving fails: the banner shows, the typed text stays. */
  lost = bb_application_get_database (app);
  g_signal_emit_by_name (team_name_row, "apply");
  bb_ui_test_iterate_until (connection_lost, NULL, "the connection loss to be noticed");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (team_name_row)), ==, "新城区为民服务队");
  g_assert_false (gtk_widget_has_css_class (team_name_row, "error"));

  /* It reconnects by itself and the banner goes; the text is still there. */
  bb_ui_test_iterate_until (reconnected, lost, "the reconnection");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (team_name_row)), ==, "新城区为民服务队");

  /* Saving again now works. */
  g_signal_emit_by_name (team_name_row, "apply");
  bb_ui_test_iterate_until (setting_is, (gpointer) "新城区为民服务队", "the team name to be saved");

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(BbLocation) location = NULL;
  int status;

  setlocale (LC_ALL, "");
  bb_test_init (&argc, &argv);
  if (bb_test_engine () != BB_ENGINE_POSTGRESQL)
    {
      /* Losing a connection is a PostgreSQL matter: this test is registered
       * for the PostgreSQL run only. */
      g_printerr ("test-ui-connection runs with BANGBAN_TEST_ENGINE=postgresql\n");
      return 1;
    }
  gtk_init ();
  adw_init ();

  /* The application opens the database chosen in its settings. */
  location = bb_test_new_location ();
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_enum (settings, "database-backend", BB_ENGINE_POSTGRESQL);
  g_settings_set_string (settings, "postgresql-host", location->host);
  g_settings_set_uint (settings, "postgresql-port", location->port);
  g_settings_set_string (settings, "postgresql-database", location->database);
  g_settings_set_string (settings, "postgresql-user", location->user);
  g_setenv ("PGPASSWORD", "", TRUE);

  app = bb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/bangban/ui/connection-lost", test_connection_lost);
  status = g_test_run ();

  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_clear_object (&app);
  return status;
}
