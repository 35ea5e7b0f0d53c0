/* bb-application.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sqlite3.h>

#include "bb-application.h"
#include "bb-benchmark.h"
#include "bb-ui-resources.h"
#include "bb-error.h"
#include "bb-keyring.h"
#include "bb-preferences-window.h"
#include "bb-window.h"

struct _BbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  BbDatabase     *database;
  BbActor        *actor;
  char           *database_error;
  BbLocation     *command_line_location;
  GCancellable   *open_cancellable;
  char           *password;
  gint64          started_at;
  gboolean        benchmark;
  guint           reconnect_id;
  guint           opening : 1;
  guint           connection_lost : 1;
  guint           reconnecting : 1;
};

G_DEFINE_FINAL_TYPE (BbApplication, bb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DATABASE_ERROR,
  PROP_OPENING,
  PROP_ACTOR,
  PROP_CONNECTION_LOST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_opening (BbApplication *self,
             gboolean       opening)
{
  if (self->opening == !!opening)
    return;
  self->opening = !!opening;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING]);
}

static void
set_database (BbApplication *self,
              BbDatabase    *database,
              const char    *error_message)
{
  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  if (g_strcmp0 (self->database_error, error_message) != 0)
    {
      g_free (self->database_error);
      self->database_error = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_ERROR]);
    }
}

static void
set_connection_lost (BbApplication *self,
                     gboolean       lost)
{
  if (self->connection_lost == !!lost)
    return;
  self->connection_lost = !!lost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_LOST]);
}

static void
forget_password (BbApplication *self)
{
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void
database_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) database = NULL;

  database = bb_database_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  set_connection_lost (self, FALSE);
  set_database (self, database, error ? error->message : NULL);
  set_opening (self, FALSE);
  g_application_release (G_APPLICATION (self));
}

typedef struct
{
  BbApplication *self;
  BbLocation    *location;
} PasswordLookup;

static void
password_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PasswordLookup *lookup = user_data;
  g_autoptr(BbApplication) self = lookup->self;
  g_autoptr(BbLocation) location = lookup->location;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  g_free (lookup);
  password = bb_keyring_lookup_password_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_message ("%s", error->message);

  forget_password (self);
  self->password = g_strdup (password);

  bb_database_open_async (location, password, self->open_cancellable, database_opened_cb,
                          g_object_ref (self));
}

/**
 * bb_application_dup_configured_location:
 *
 * Returns: (transfer full): the database given with --db, or else the one
 *   chosen in Preferences
 */
BbLocation *
bb_application_dup_configured_location (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  if (self->command_line_location != NULL)
    return bb_location_copy (self->command_line_location);

  if (g_settings_get_enum (self->settings, "database-backend") == BB_ENGINE_POSTGRESQL)
    {
      g_autofree char *host = g_settings_get_string (self->settings, "postgresql-host");
      g_autofree char *db = g_settings_get_string (self->settings, "postgresql-database");
      g_autofree char *user = g_settings_get_string (self->settings, "postgresql-user");

      return bb_location_new_postgresql (*host ? host : "localhost",
                                         g_settings_get_uint (self->settings, "postgresql-port"),
                                         db, user);
    }
  else
    {
      g_autofree char *path = g_settings_get_string (self->settings, "sqlite-file");

      if (*path == '\0')
        {
          g_free (path);
          path = bb_location_default_sqlite_path ();
        }
      return bb_location_new_sqlite (path);
    }
}

/**
 * bb_application_open_database:
 *
 * @password: (nullable): the PostgreSQL password; %NULL to take it from
 *   PGPASSWORD or the keyring
 *
 * Opens @location off the main thread, replacing the open database when it
 * succeeds; #BbApplication:database and #BbApplication:database-error tell
 * the outcome.
 */
void
bb_application_open_database (BbApplication    *self,
                              const BbLocation *location,
                              const char       *password)
{
  g_return_if_fail (BB_IS_APPLICATION (self));
  g_return_if_fail (location != NULL);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->opening)
    g_application_release (G_APPLICATION (self));

  self->open_cancellable = g_cancellable_new ();
  set_opening (self, TRUE);
  g_application_hold (G_APPLICATION (self));

  if (password == NULL)
    password = g_getenv ("PGPASSWORD");

  /* Kept in memory only, to reconnect after a lost connection. */
  if (password != self->password)
    {
      g_autofree char *copy = g_strdup (password);

      forget_password (self);
      self->password = g_steal_pointer (&copy);
    }

  if (location->engine == BB_ENGINE_POSTGRESQL && password == NULL)
    {
      PasswordLookup *lookup = g_new0 (PasswordLookup, 1);

      lookup->self = g_object_ref (self);
      lookup->location = bb_location_copy (location);
      bb_keyring_lookup_password_async (location, self->open_cancellable, password_found_cb,
                                        lookup);
      return;
    }

  bb_database_open_async (location, password, self->open_cancellable,
                          database_opened_cb, g_object_ref (self));
}

static gboolean reconnect_timeout_cb (gpointer user_data);

static void
reconnected_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BbApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) database = NULL;

  self->reconnecting = FALSE;
  database = bb_database_open_finish (result, &error);
  if (!self->connection_lost)
    return;
  if (database == NULL)
    {
      g_debug ("Still no database: %s", error->message);
      self->reconnect_id = g_timeout_add_seconds (3, reconnect_timeout_cb, self);
      return;
    }

  set_database (self, database, NULL);
  set_connection_lost (self, FALSE);
}

static gboolean
reconnect_timeout_cb (gpointer user_data)
{
  BbApplication *self = user_data;

  self->reconnect_id = 0;
  if (self->database == NULL || self->reconnecting)
    return G_SOURCE_REMOVE;

  self->reconnecting = TRUE;
  bb_database_open_async (bb_database_get_location (self->database), self->password, NULL,
                          reconnected_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/**
 * bb_application_report_error:
 * @error: an error a database call returned
 *
 * Widgets hand every database error here after showing it where it
 * happened. A lost connection (%BB_ERROR_UNAVAILABLE) raises the window's
 * banner and reconnects in the background, every few seconds, until it
 * succeeds; then #BbApplication:database changes to the new connection and
 * the banner goes. Nothing typed is lost: forms stay open meanwhile.
 */
void
bb_application_report_error (BbApplication *self,
                             const GError  *error)
{
  g_return_if_fail (BB_IS_APPLICATION (self));

  if (error == NULL || !g_error_matches (error, BB_ERROR, BB_ERROR_UNAVAILABLE))
    return;
  if (self->database == NULL || self->connection_lost)
    return;

  set_connection_lost (self, TRUE);
  self->reconnect_id = g_timeout_add_seconds (1, reconnect_timeout_cb, self);
}

gboolean
bb_application_get_connection_lost (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), FALSE);

  return self->connection_lost;
}

/**
 * bb_application_reopen_database:
 *
 * Opens the configured database again, e.g. after Preferences changed it
 * or after it could not be reached.
 */
void
bb_application_reopen_database (BbApplication *self)
{
  g_autoptr(BbLocation) location = NULL;

  g_return_if_fail (BB_IS_APPLICATION (self));

  location = bb_application_dup_configured_location (self);
  bb_application_open_database (self, location, NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BbApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close each window, so that it keeps its size and its unsaved input. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  preferences = GTK_WINDOW (bb_preferences_window_new (self));
  if (parent != NULL)
    gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource ("/io/github/bangban/Bangban/bb-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  if (parent != NULL)
    gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && BB_IS_WINDOW (parent))
    {
      g_autofree char *message =
        g_strdup_printf (_("The help could not be opened: %s. Install the Yelp help viewer."),
                         error->message);

      bb_window_show_toast (BB_WINDOW (parent), message);
    }
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GAppLaunchContext) context = NULL;

  if (parent != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
      gtk_widget_get_display (GTK_WIDGET (parent))));

  g_app_info_launch_default_for_uri_async ("help:" APPLICATION_ID, context, NULL,
                                           help_launched_cb,
                                           parent ? g_object_ref (parent) : NULL);
}

static char *
debug_info (BbApplication *self)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Bangban %s\n\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version,
                          glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "libgda %s (built against)\n", LIBGDA_VERSION);
  g_string_append_printf (info, "SQLite %s\n\n", sqlite3_libversion ());

  if (self->database != NULL)
    {
      g_autofree char *where = bb_location_to_string (bb_database_get_location (self->database));

      g_string_append_printf (info, "Database: %s\n", where);
      g_string_append_printf (info, "Schema: %u (this version knows %u)\n",
                              bb_database_get_schema_version (self->database),
                              bb_database_get_latest_schema_version ());
    }
  else
    {
      g_string_append_printf (info, "Database: not open (%s)\n",
                              self->database_error ? self->database_error : "opening");
    }

  g_string_append_printf (info, "\nLANG=%s\nLANGUAGE=%s\nGTK_THEME=%s\nGSK_RENDERER=%s\n",
                          g_getenv ("LANG"), g_getenv ("LANGUAGE"), g_getenv ("GTK_THEME"),
                          g_getenv ("GSK_RENDERER"));
  return g_string_free (info, FALSE);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Bangban authors", NULL };
  g_autofree char *info = debug_info (self);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Bangban"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Bangban authors"),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORT,
                        "support-url", PACKAGE_WEBSITE,
                        "copyright", "© 2026 The Bangban authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Assisted and proxy handling of government matters for service halls"),
                        "debug-info", info,
                        "debug-info-filename", "bangban-debug-info.txt",
                        "transient-for", parent,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
open_case_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow *window = NULL;

  /* The main window, even when a window over it (a chart's list) asks. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && window == NULL;
       l = l->next)
    if (BB_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    window = GTK_WINDOW (bb_window_new (self));
  bb_window_open_case (BB_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "open-case", open_case_activated, "s" },
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "help", help_activated },
  { "about", about_activated },
};

static void
bb_application_startup (GApplication *application)
{
  BbApplication *self = BB_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-page('dashboard')", { "<Alt>1", NULL } },
    { "win.show-page('charts')", { "<Alt>2", NULL } },
    { "win.show-page('catalogue')", { "<Alt>3", NULL } },
    { "win.show-page('staff')", { "<Alt>4", NULL } },
    { "win.show-page('complaints')", { "<Alt>5", NULL } },
    { "win.show-page('holidays')", { "<Alt>6", NULL } },
    { "win.new-consultation", { "<Control><Shift>n", NULL } },
    { "win.new-assist", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.new-proxy", { "<Control><Shift>p", NULL } },
    { "win.rectifications", { "<Control><Shift>r", NULL } },
  };

  G_APPLICATION_CLASS (bb_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);
}

static void
bb_application_activate (GApplication *application)
{
  BbApplication *self = BB_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (bb_window_new (self));

  if (self->database == NULL && !self->opening)
    bb_application_reopen_database (self);

  gtk_window_present (window);

  if (self->benchmark)
    {
      self->benchmark = FALSE;
      bb_benchmark_start (self, self->started_at);
    }
}

static int
bb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  BbApplication *self = BB_APPLICATION (application);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("bangban %s\n", PACKAGE_VERSION);
      return 0;
    }

  self->benchmark = g_variant_dict_contains (options, "benchmark");

  if (g_variant_dict_lookup (options, "db", "&s", &db))
    {
      g_autoptr(GError) error = NULL;

      self->command_line_location = bb_location_parse (db, &error);
      if (self->command_line_location == NULL)
        {
          g_printerr ("bangban: %s\n", error->message);
          return 64;
        }
    }

  return -1;
}

static void
bb_application_shutdown (GApplication *application)
{
  BbApplication *self = BB_APPLICATION (application);

  g_cancellable_cancel (self->open_cancellable);

  G_APPLICATION_CLASS (bb_application_parent_class)->shutdown (application);
}

static void
bb_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbApplication *self = BB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_DATABASE_ERROR:
      g_value_set_string (value, self->database_error);
      break;

    case PROP_OPENING:
      g_value_set_boolean (value, self->opening);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_CONNECTION_LOST:
      g_value_set_boolean (value, self->connection_lost);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_application_dispose (GObject *object)
{
  BbApplication *self = BB_APPLICATION (object);

  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  forget_password (self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_error, g_free);
  g_clear_pointer (&self->command_line_location, bb_location_free);

  G_OBJECT_CLASS (bb_application_parent_class)->dispose (object);
}

static void
bb_application_class_init (BbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = bb_application_get_property;
  object_class->dispose = bb_application_dispose;

  /* The resources live in a static library: referring to them links them in
   * (and their constructor registers them). */
  g_assert (bb_ui_get_resource () != NULL);

  app_class->startup = bb_application_startup;
  app_class->activate = bb_application_activate;
  app_class->handle_local_options = bb_application_handle_local_options;
  app_class->shutdown = bb_application_shutdown;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATABASE_ERROR] =
    g_param_spec_string ("database-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPENING] =
    g_param_spec_boolean ("opening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONNECTION_LOST] =
    g_param_spec_boolean ("connection-lost", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_application_init (BbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open this database: an SQLite file, or postgresql://USER@HOST:PORT/DB"),
      N_("LOCATION") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "benchmark", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Measure the time to the first rows and the peak memory, scroll to the end and back, and exit"),
      NULL },
    { NULL }
  };

  self->started_at = g_get_monotonic_time ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->actor = bb_actor_new_system ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

BbApplication *
bb_application_new (void)
{
  return g_object_new (BB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/bangban/Bangban",
                       NULL);
}

BbDatabase *
bb_application_get_database (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->database;
}

/**
 * bb_application_get_actor:
 *
 * Returns: (transfer none): who acts from this workstation: the program
 *   itself, with an administrator's rights, as long as no staff member
 *   signs in
 */
const BbActor *
bb_application_get_actor (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->actor;
}

const char *
bb_application_get_database_error (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->database_error;
}

gboolean
bb_application_get_opening (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), FALSE);

  return self->opening;
}

/**
 * bb_application_set_actor:
 * @actor: (nullable): who signed in, or %NULL on signing out (the system
 *   actor again)
 */
void
bb_application_set_actor (BbApplication *self,
                          const BbActor *actor)
{
  g_return_if_fail (BB_IS_APPLICATION (self));

  g_clear_pointer (&self->actor, bb_actor_free);
  self->actor = actor != NULL ? bb_actor_copy (actor) : bb_actor_new_system ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}
