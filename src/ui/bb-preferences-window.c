/* bb-preferences-window.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-complaint-repo.h"
#include "bb-error.h"
#include "bb-keyring.h"
#include "bb-preferences-window.h"
#include "bb-settings-repo.h"

/* The settings of the hall kept in the database, one row each: text in an
 * entry row, or a number of working days in a spin button with its own
 * apply button. */
typedef enum
{
  FIELD_TEAM_NAME,
  FIELD_HOTLINE,
  FIELD_RECTIFICATION_DAYS,
  FIELD_COMPLAINT_DAYS,
  FIELD_SUPPLEMENT_DAYS,
  FIELD_INVESTIGATE_DAYS,
  FIELD_HANDLE_DAYS,
  FIELD_FEEDBACK_DAYS,
  FIELD_ARCHIVE_DAYS,
  N_FIELDS
} FieldId;

typedef struct
{
  const char    *key;
  GtkEditable   *editable;  /* the AdwEntryRow or the GtkSpinButton */
  GtkButton     *apply;     /* spin buttons only */
  char          *loaded;    /* the value as read or last saved */
  int            version;
} FormField;

struct _BbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BbApplication        *application;
  GSettings            *settings;
  GCancellable         *cancellable;
  FormField             fields[N_FIELDS];

  GtkCheckButton       *sqlite_check;
  GtkCheckButton       *postgresql_check;
  AdwPreferencesGroup  *sqlite_group;
  AdwEntryRow          *sqlite_file_row;
  AdwPreferencesGroup  *postgresql_group;
  AdwEntryRow          *host_row;
  GtkSpinButton        *port_spin;
  AdwEntryRow          *database_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  AdwActionRow         *test_row;
  GtkImage             *test_icon;
  GtkSpinner           *test_spinner;
  GtkButton            *test_button;
  GtkButton            *apply_button;
  AdwPreferencesGroup  *forms_group;
  AdwPreferencesPage   *forms_page;
  AdwPreferencesGroup  *steps_group;
  AdwEntryRow          *team_name_row;
  AdwEntryRow          *hotline_row;
  GtkSpinButton        *rectification_days_spin;
  GtkButton            *rectification_days_apply;
  GtkSpinButton        *complaint_days_spin;
  GtkButton            *complaint_days_apply;
  GtkSpinButton        *supplement_days_spin;
  GtkButton            *supplement_days_apply;
  GtkLabel             *forms_message;
};

G_DEFINE_FINAL_TYPE (BbPreferencesWindow, bb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The location in the rows */

static BbLocation *
location_from_rows (BbPreferencesWindow  *self,
                    GError              **error)
{
  if (gtk_check_button_get_active (self->sqlite_check))
    {
      g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sqlite_file_row))));

      if (*path == '\0')
        {
          bb_set_field_error (error, _("Database file"), _("choose or type a file"));
          return NULL;
        }
      return bb_location_parse (path, error);
    }
  else
    {
      g_autofree char *host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
      g_autofree char *db = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
      g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));

      if (*host == '\0')
        {
          bb_set_field_error (error, _("Host"), _("enter the server's name or address"));
          return NULL;
        }
      if (*db == '\0')
        {
          bb_set_field_error (error, _("Database"), _("enter the name of the database"));
          return NULL;
        }
      if (*user == '\0')
        {
          bb_set_field_error (error, _("User"), _("enter the user name on the server"));
          return NULL;
        }
      return bb_location_new_postgresql (host, (guint) gtk_spin_button_get_value_as_int (self->port_spin),
                                         db, user);
    }
}

static void
set_test_result (BbPreferencesWindow *self,
                 const char          *icon_name,
                 const char          *css_class,
                 const char          *message)
{
  GtkWidget *icon = GTK_WIDGET (self->test_icon);

  gtk_image_set_from_icon_name (self->test_icon, icon_name);
  gtk_widget_remove_css_class (icon, "success");
  gtk_widget_remove_css_class (icon, "error");
  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  adw_action_row_set_subtitle (self->test_row, message);
}

static void
update_apply_button (BbPreferencesWindow *self)
{
  g_autoptr(BbLocation) location = location_from_rows (self, NULL);
  g_autoptr(BbLocation) configured = bb_application_dup_configured_location (self->application);
  BbDatabase *open = bb_application_get_database (self->application);
  gboolean differs;

  differs = !bb_location_equal (location, configured) ||
            open == NULL ||
            !bb_location_equal (location, bb_database_get_location (open)) ||
            *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0';
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), location != NULL && differs);
}

static void
backend_toggled_cb (BbPreferencesWindow *self)
{
  gboolean sqlite = gtk_check_button_get_active (self->sqlite_check);

  gtk_widget_set_visible (GTK_WIDGET (self->sqlite_group), sqlite);
  gtk_widget_set_visible (GTK_WIDGET (self->postgresql_group), !sqlite);
  set_test_result (self, "network-server-symbolic", NULL, _("Not tested yet"));
  update_apply_button (self);
}

static void
location_changed_cb (BbPreferencesWindow *self)
{
  set_test_result (self, "network-server-symbolic", NULL, _("Not tested yet"));
  update_apply_button (self);
}

static void
password_changed_cb (BbPreferencesWindow *self)
{
  location_changed_cb (self);
}

static void
file_chosen_cb (GtkNativeDialog     *dialog,
                int                  response,
                BbPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && g_file_peek_path (file) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->sqlite_file_row), g_file_peek_path (file));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file_clicked_cb (BbPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) current = NULL;
  const char *path = gtk_editable_get_text (GTK_EDITABLE (self->sqlite_file_row));

  chooser = gtk_file_chooser_native_new (_("Choose a Database File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Bangban Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (*path != '\0')
    {
      current = g_file_new_for_path (path);
      if (g_file_query_exists (current, NULL))
        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Test connection */

static void
test_finished (BbPreferencesWindow *self)
{
  gtk_spinner_stop (self->test_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BbPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  description = bb_database_check_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  test_finished (self);
  if (description != NULL)
    set_test_result (self, "emblem-ok-symbolic", "success", description);
  else
    set_test_result (self, "dialog-error-symbolic", "error", error->message);
}

typedef struct
{
  BbPreferencesWindow *self;
  BbLocation          *location;
} PendingCheck;

static void
test_password_found_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PendingCheck *pending = user_data;
  g_autoptr(BbPreferencesWindow) self = pending->self;
  g_autoptr(BbLocation) location = pending->location;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  g_free (pending);
  password = bb_keyring_lookup_password_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  bb_database_check_async (location, password, self->cancellable, check_done_cb,
                           g_object_ref (self));
}

static void
test_clicked_cb (BbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbLocation) location = location_from_rows (self, &error);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (location == NULL)
    {
      set_test_result (self, "dialog-error-symbolic", "error", error->message);
      return;
    }

  set_test_result (self, "network-server-symbolic", NULL, _("Testing…"));
  gtk_spinner_start (self->test_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);

  if (location->engine == BB_ENGINE_POSTGRESQL && *password == '\0')
    {
      PendingCheck *pending = g_new0 (PendingCheck, 1);

      pending->self = g_object_ref (self);
      pending->location = bb_location_copy (location);
      bb_keyring_lookup_password_async (location, self->cancellable, test_password_found_cb,
                                        pending);
      return;
    }

  bb_database_check_async (location, password, self->cancellable, check_done_cb,
                           g_object_ref (self));
}

/* Switching database */

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BbPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bb_keyring_store_password_finish (result, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
}

static void
apply_clicked_cb (BbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbLocation) location = location_from_rows (self, &error);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *default_path = bb_location_default_sqlite_path ();

  if (location == NULL)
    {
      set_test_result (self, "dialog-error-symbolic", "error", error->message);
      return;
    }

  g_settings_delay (self->settings);
  g_settings_set_enum (self->settings, "database-backend", location->engine);
  if (location->engine == BB_ENGINE_SQLITE)
    {
      /* The default path stays “default”, so that it follows $XDG_DATA_HOME. */
      g_settings_set_string (self->settings, "sqlite-file",
                             g_str_equal (location->path, default_path) ? "" : location->path);
    }
  else
    {
      g_settings_set_string (self->settings, "postgresql-host", location->host);
      g_settings_set_uint (self->settings, "postgresql-port", location->port);
      g_settings_set_string (self->settings, "postgresql-database", location->database);
      g_settings_set_string (self->settings, "postgresql-user", location->user);
    }
  g_settings_apply (self->settings);

  if (location->engine == BB_ENGINE_POSTGRESQL && *password != '\0')
    bb_keyring_store_password_async (location, password, NULL, password_stored_cb,
                                     g_object_ref (self));

  bb_application_open_database (self->application, location,
                                *password != '\0' ? password : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  update_apply_button (self);
}

/* Settings of the hall (kept in the database) */

typedef struct
{
  char *values[N_FIELDS];
  int   versions[N_FIELDS];
} FormSettings;

static const char * const field_keys[N_FIELDS] = {
  [FIELD_TEAM_NAME] = BB_SETTING_TEAM_NAME,
  [FIELD_HOTLINE] = BB_SETTING_COMPLAINT_HOTLINE,
  [FIELD_RECTIFICATION_DAYS] = BB_SETTING_RECTIFICATION_DAYS,
  [FIELD_COMPLAINT_DAYS] = BB_SETTING_COMPLAINT_DAYS,
  [FIELD_SUPPLEMENT_DAYS] = BB_SETTING_SUPPLEMENT_DAYS,
  [FIELD_INVESTIGATE_DAYS] = BB_SETTING_COMPLAINT_INVESTIGATE_DAYS,
  [FIELD_HANDLE_DAYS] = BB_SETTING_COMPLAINT_HANDLE_DAYS,
  [FIELD_FEEDBACK_DAYS] = BB_SETTING_COMPLAINT_FEEDBACK_DAYS,
  [FIELD_ARCHIVE_DAYS] = BB_SETTING_COMPLAINT_ARCHIVE_DAYS,
};

static void
form_settings_free (FormSettings *fs)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (fs->values[i]);
  g_free (fs);
}

static void
load_form_settings_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  BbDatabase *db = task_data;
  FormSettings *fs = g_new0 (FormSettings, 1);
  GError *error = NULL;

  for (guint i = 0; i < N_FIELDS && error == NULL; i++)
    fs->values[i] = bb_settings_repo_get (db, field_keys[i], &fs->versions[i], &error);
  if (error != NULL)
    {
      form_settings_free (fs);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, fs, (GDestroyNotify) form_settings_free);
}

static void
show_forms_message (BbPreferencesWindow *self,
                    const char          *message)
{
  gtk_label_set_text (self->forms_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->forms_message), message != NULL);
}

static FormField *
find_field (BbPreferencesWindow *self,
            gpointer             widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].editable == widget || (gpointer) self->fields[i].apply == widget)
      return &self->fields[i];
  g_assert_not_reached ();
}

static gboolean
field_is_spin (const FormField *field)
{
  return GTK_IS_SPIN_BUTTON (field->editable);
}

/* What the row shows, trimmed. */
static char *
field_text (const FormField *field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (field->editable)));
}

/* A spin button's apply button shows while its text differs from the
 * value saved, as an entry row's does. */
static void
update_field_apply (FormField *field)
{
  g_autofree char *text = NULL;

  if (field->apply == NULL)
    return;
  text = field_text (field);
  gtk_widget_set_visible (GTK_WIDGET (field->apply),
                          field->loaded != NULL && g_strcmp0 (text, field->loaded) != 0);
}

static void
set_field_text (FormField  *field,
                const char *value)
{
  if (field_is_spin (field))
    {
      guint64 days;

      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &days, NULL))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->editable), (double) days);
      gtk_editable_set_text (field->editable, value);
    }
  else
    gtk_editable_set_text (field->editable, value);
  update_field_apply (field);
}

static void
take_loaded_value (FormField  *field,
                   const char *value,
                   int         new_version)
{
  g_autofree char *shown = field_text (field);

  /* A row the user has edited keeps what was typed (and the version it was
   * typed against, so that saving it still detects a conflict). */
  if (field->loaded != NULL && g_strcmp0 (shown, field->loaded) != 0)
    return;
  g_free (field->loaded);
  field->loaded = g_strdup (value);
  field->version = new_version;
  set_field_text (field, value);
}

static void
form_settings_loaded_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(BbPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  FormSettings *fs;

  fs = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (fs == NULL)
    {
      show_forms_message (self, error->message);
      bb_application_report_error (self->application, error);
      return;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    take_loaded_value (&self->fields[i], fs->values[i], fs->versions[i]);
  gtk_widget_set_sensitive (GTK_WIDGET (self->forms_group), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps_group), TRUE);
  show_forms_message (self, NULL);
  form_settings_free (fs);
}

static void
load_form_settings (BbPreferencesWindow *self)
{
  BbDatabase *db = bb_application_get_database (self->application);
  g_autoptr(GTask) task = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->forms_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps_group), FALSE);
  if (db == NULL)
    {
      show_forms_message (self, _("Open a database first: these settings are kept in it."));
      return;
    }

  task = g_task_new (NULL, self->cancellable, form_settings_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (db), g_object_unref);
  g_task_run_in_thread (task, load_form_settings_thread);
}

/* Validates what the row shows as it is typed. */
static void
validate_field (BbPreferencesWindow *self,
                FormField           *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = field_text (field);

  if (bb_settings_validate (field->key, text, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (field->editable), "error");
      show_forms_message (self, NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (field->editable), "error");
      show_forms_message (self, error->message);
    }
  update_field_apply (field);
}

static void
form_setting_changed_cb (BbPreferencesWindow *self,
                         GtkEditable         *editable)
{
  validate_field (self, find_field (self, editable));
}

typedef struct
{
  BbDatabase *db;
  BbActor    *actor;
  FieldId     id;
  char       *value;
  int         version;
  int         new_version;
} SaveSetting;

static void
save_setting_free (SaveSetting *save)
{
  g_object_unref (save->db);
  bb_actor_free (save->actor);
  g_free (save->value);
  g_free (save);
}

static void
save_setting_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SaveSetting *save = task_data;
  GError *error = NULL;

  if (bb_settings_repo_set (save->db, save->actor, field_keys[save->id], save->value,
                            save->version, &save->new_version, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static const char *
saved_message (FieldId id)
{
  switch (id)
    {
    case FIELD_TEAM_NAME:
      return _("Team name saved");
    case FIELD_HOTLINE:
      return _("Complaint hotline saved");
    case FIELD_RECTIFICATION_DAYS:
      return _("Rectification time limit saved");
    case FIELD_COMPLAINT_DAYS:
      return _("Complaint time limit saved");
    case FIELD_SUPPLEMENT_DAYS:
      return _("Supplement time limit saved");
    case FIELD_INVESTIGATE_DAYS:
    case FIELD_HANDLE_DAYS:
    case FIELD_FEEDBACK_DAYS:
    case FIELD_ARCHIVE_DAYS:
      return _("Complaint step time limit saved");
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
setting_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BbPreferencesWindow) self = user_data;
  SaveSetting *save = g_task_get_task_data (G_TASK (result));
  FormField *field = &self->fields[save->id];
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT))
        {
          /* Keep what was typed; take the new version so that the next apply
           * replaces the other change knowingly. */
          g_autofree char *message = NULL;
          g_autofree char *current = bb_settings_repo_get (save->db, field->key, &field->version,
                                                           NULL);

          message = g_strdup_printf (_("%s. It is now “%s”; apply again to replace it with yours."),
                                     error->message, current ? current : "");
          show_forms_message (self, message);
          return;
        }
      if (g_error_matches (error, BB_ERROR, BB_ERROR_INVALID))
        gtk_widget_add_css_class (GTK_WIDGET (field->editable), "error");
      show_forms_message (self, error->message);
      bb_application_report_error (self->application, error);
      return;
    }

  field->version = save->new_version;
  g_free (field->loaded);
  field->loaded = g_strdup (save->value);
  update_field_apply (field);
  show_forms_message (self, NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (saved_message (save->id)));
}

static void
save_field (BbPreferencesWindow *self,
            FormField           *field)
{
  BbDatabase *db = bb_application_get_database (self->application);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *value = field_text (field);
  SaveSetting *save;

  if (db == NULL)
    return;
  if (!bb_settings_validate (field->key, value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (field->editable), "error");
      show_forms_message (self, error->message);
      return;
    }

  save = g_new0 (SaveSetting, 1);
  save->db = g_object_ref (db);
  save->actor = bb_actor_copy (bb_application_get_actor (self->application));
  save->id = (FieldId) (field - self->fields);
  save->value = g_steal_pointer (&value);
  save->version = field->version;

  task = g_task_new (NULL, self->cancellable, setting_saved_cb, g_object_ref (self));
  g_task_set_task_data (task, save, (GDestroyNotify) save_setting_free);
  g_task_run_in_thread (task, save_setting_thread);
}

static void
form_setting_apply_cb (BbPreferencesWindow *self,
                       GtkWidget           *widget)
{
  save_field (self, find_field (self, widget));
}

/* Enter in a spin button saves it, as in an entry row. */
static gboolean
spin_activated_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (gtk_widget_get_root (widget));
  FormField *field = find_field (self, widget);
  g_autofree char *text = field_text (field);

  if (field->loaded != NULL && g_strcmp0 (text, field->loaded) == 0)
    return FALSE;
  save_field (self, field);
  return TRUE;
}

/* The time limits of a complaint's steps: a row each, made here. */
static const struct
{
  FieldId     id;
  const char *title;
  const char *label;
} step_rows[] = {
  /* Translators: time limits in working days of a complaint's steps (GB/T 36113) */
  { FIELD_INVESTIGATE_DAYS, N_("_Investigation (working days)"),
    N_("Investigation time limit in working days") },
  { FIELD_HANDLE_DAYS, N_("Ha_ndling (working days)"),
    N_("Handling time limit in working days") },
  { FIELD_FEEDBACK_DAYS, N_("_Feedback (working days)"),
    N_("Feedback time limit in working days") },
  { FIELD_ARCHIVE_DAYS, N_("Fi_ling (working days)"),
    N_("Filing time limit in working days") },
};

static void
add_step_rows (BbPreferencesWindow *self,
               GtkEditable         *editables[N_FIELDS],
               GtkButton           *applies[N_FIELDS])
{
  self->steps_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->steps_group, _("Complaint Steps"));
  adw_preferences_group_set_description (
    self->steps_group,
    _("Each step of a complaint after it is taken in is due this many working days after the "
      "step before it. A complaint's steps keep the due dates they were given."));
  adw_preferences_page_add (self->forms_page, self->steps_group);

  for (guint i = 0; i < G_N_ELEMENTS (step_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, BB_COMPLAINT_STEP_MAX_DAYS, 1);
      GtkWidget *apply = gtk_button_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(step_rows[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(step_rows[i].label), -1);
      g_signal_connect_swapped (spin, "changed", G_CALLBACK (form_setting_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

      gtk_widget_set_visible (apply, FALSE);
      gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (apply, _("Save"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (apply), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Save"), -1);
      gtk_widget_add_css_class (apply, "circular");
      gtk_widget_add_css_class (apply, "suggested-action");
      g_signal_connect_swapped (apply, "clicked", G_CALLBACK (form_setting_apply_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), apply);

      /* Named after the setting, for the tests to find. */
      gtk_widget_set_name (spin, field_keys[step_rows[i].id]);
      adw_preferences_group_add (self->steps_group, row);
      editables[step_rows[i].id] = GTK_EDITABLE (spin);
      applies[step_rows[i].id] = GTK_BUTTON (apply);
    }
}

static void
init_fields (BbPreferencesWindow *self)
{
  GtkEditable *editables[N_FIELDS] = {
    GTK_EDITABLE (self->team_name_row), GTK_EDITABLE (self->hotline_row),
    GTK_EDITABLE (self->rectification_days_spin), GTK_EDITABLE (self->complaint_days_spin),
    GTK_EDITABLE (self->supplement_days_spin),
  };
  GtkButton *applies[N_FIELDS] = {
    NULL, NULL, self->rectification_days_apply, self->complaint_days_apply,
    self->supplement_days_apply,
  };

  add_step_rows (self, editables, applies);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].key = field_keys[i];
      self->fields[i].editable = editables[i];
      self->fields[i].apply = applies[i];
      if (applies[i] != NULL)
        {
          GtkEventController *controller = gtk_shortcut_controller_new ();
          GtkShortcut *shortcut =
            gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                              gtk_callback_action_new (spin_activated_cb, NULL, NULL));

          /* Before the spin button's own text takes the key. */
          gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
          gtk_widget_add_controller (GTK_WIDGET (editables[i]), controller);
        }
    }
}

/* Object */

static void
load_location_rows (BbPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "sqlite-file");
  g_autofree char *host = g_settings_get_string (self->settings, "postgresql-host");
  g_autofree char *db = g_settings_get_string (self->settings, "postgresql-database");
  g_autofree char *user = g_settings_get_string (self->settings, "postgresql-user");
  gboolean sqlite = g_settings_get_enum (self->settings, "database-backend") == BB_ENGINE_SQLITE;

  if (*path == '\0')
    {
      g_free (path);
      path = bb_location_default_sqlite_path ();
    }
  gtk_editable_set_text (GTK_EDITABLE (self->sqlite_file_row), path);
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
  gtk_spin_button_set_value (self->port_spin, g_settings_get_uint (self->settings, "postgresql-port"));
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), db);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_check_button_set_active (sqlite ? self->sqlite_check : self->postgresql_check, TRUE);
  backend_toggled_cb (self);
}

static void
database_changed_cb (BbPreferencesWindow *self)
{
  load_form_settings (self);
  update_apply_button (self);
}

static void
bb_preferences_window_constructed (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->constructed (object);

  g_signal_connect_object (self->application, "notify::database",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  load_location_rows (self);
  load_form_settings (self);
}

static void
bb_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

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
bb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preferences_window_dispose (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i].loaded, g_free);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->dispose (object);
}

static void
bb_preferences_window_class_init (BbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_preferences_window_constructed;
  object_class->set_property = bb_preferences_window_set_property;
  object_class->get_property = bb_preferences_window_get_property;
  object_class->dispose = bb_preferences_window_dispose;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, BB_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, sqlite_check);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, postgresql_check);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, sqlite_group);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, sqlite_file_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, postgresql_group);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, port_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, test_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, test_icon);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, apply_button);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, forms_group);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, forms_page);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, team_name_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, hotline_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, rectification_days_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, rectification_days_apply);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, complaint_days_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, complaint_days_apply);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, supplement_days_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, supplement_days_apply);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, forms_message);
  gtk_widget_class_bind_template_callback (widget_class, backend_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_setting_apply_cb);
}

static void
bb_preferences_window_init (BbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  init_fields (self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();
}

BbPreferencesWindow *
bb_preferences_window_new (BbApplication *application)
{
  return g_object_new (BB_TYPE_PREFERENCES_WINDOW, "application", application, NULL);
}
