/* bb-staff-dialog.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding a staff account (administrators): number, name, role, phone,
 * posts and the first password. Fields are checked as they are typed and
 * the reason is shown under them; the account is created in a GTask
 * thread, and a refusal (a number already taken…) keeps what was typed.
 */

#define G_LOG_DOMAIN "bb-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-error.h"
#include "bb-password.h"
#include "bb-staff-dialog.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define NUMBER_MAX_CHARS 32
#define NAME_MAX_CHARS   50
#define POSTS_MAX_CHARS  200

struct _BbStaffDialog
{
  AdwWindow            parent_instance;

  BbDatabase          *database;
  BbActor             *actor;
  GCancellable        *cancellable;
  GHashTable          *touched;
  guint                saving : 1;
  guint                valid : 1;
  guint                show_all_errors : 1;

  GtkButton           *add_button;
  GtkSpinner          *spinner;
  AdwEntryRow         *number_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *posts_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *message_label;
};

G_DEFINE_FINAL_TYPE (BbStaffDialog, bb_staff_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const BbRole roles[] = { BB_ROLE_STAFF, BB_ROLE_LEADER, BB_ROLE_MANAGER, BB_ROLE_ADMIN };

/* Helpers */

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
set_error_class (gpointer widget,
                 gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
show_message (BbStaffDialog *self,
              const char    *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message != '\0');
}

static BbRole
selected_role (BbStaffDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < G_N_ELEMENTS (roles) ? roles[selected] : BB_ROLE_STAFF;
}

/* Validation: the rules of bb-staff-repo.c, so that the reason shows while
 * typing; core checks them again. */

typedef enum
{
  FIELD_NUMBER,
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_POSTS,
  FIELD_PASSWORD,
  FIELD_REPEAT,
  N_FIELDS
} Field;

static gpointer
field_row (BbStaffDialog *self,
           Field          field)
{
  gpointer rows[N_FIELDS] = { self->number_row, self->name_row, self->phone_row,
                              self->posts_row, self->password_row, self->repeat_row };

  return rows[field];
}

static const char *
field_label (Field field)
{
  switch (field)
    {
    case FIELD_NUMBER:
      /* Translators: a staff member's number (工号) */
      return _("Staff number");
    case FIELD_NAME:
      return _("Name");
    case FIELD_PHONE:
      return _("Phone number");
    case FIELD_POSTS:
      return _("Posts");
    case FIELD_PASSWORD:
      return _("Password");
    case FIELD_REPEAT:
      return _("Repeat the password");
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static gboolean
check_field (BbStaffDialog  *self,
             Field           field,
             GError        **error)
{
  const char *text = text_of (field_row (self, field));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  switch (field)
    {
    case FIELD_NUMBER:
      if (!bb_validate_text (field_label (field), trimmed, TRUE, NUMBER_MAX_CHARS, error))
        return FALSE;
      for (const char *p = trimmed; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
            {
              bb_set_field_error (error, field_label (field),
                                  _("use only the letters A–Z, digits, “-”, “_” and “.”"));
              return FALSE;
            }
        }
      return TRUE;

    case FIELD_NAME:
      return bb_validate_text (field_label (field), trimmed, TRUE, NAME_MAX_CHARS, error);

    case FIELD_PHONE:
      if (*trimmed == '\0')
        return TRUE;
      else
        {
          g_autofree char *normalized = bb_normalize_phone (trimmed);

          return bb_validate_phone (normalized, error);
        }

    case FIELD_POSTS:
      return bb_validate_text (field_label (field), trimmed, FALSE, POSTS_MAX_CHARS, error);

    case FIELD_PASSWORD:
      return bb_validate_password (text, error);

    case FIELD_REPEAT:
      if (g_strcmp0 (text, text_of (self->password_row)) != 0)
        {
          bb_set_field_error (error, field_label (field),
                              _("it is not the same as the password"));
          return FALSE;
        }
      return TRUE;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static void
update_save_action (BbStaffDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->valid && !self->saving && self->database != NULL);
}

static void
validate_form (BbStaffDialog *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  gboolean valid = TRUE;

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;
      gpointer row = field_row (self, field);
      gboolean ok = check_field (self, field, &error);
      gboolean shown = !ok && (self->show_all_errors ||
                               g_hash_table_contains (self->touched, row));

      set_error_class (row, shown);
      if (shown)
        {
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          g_string_append (messages, error->message);
        }
      valid = valid && ok;
    }
  show_message (self, messages->str);
  self->valid = valid;
  update_save_action (self);
}

static void
field_changed_cb (BbStaffDialog *self,
                  GtkEditable   *editable)
{
  g_hash_table_add (self->touched, editable);
  validate_form (self);
}

static void
repeat_activated_cb (BbStaffDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
}

/* Saving */

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
  char       *number;
  char       *name;
  BbRole      role;
  char       *phone;
  char       *posts;
  char       *password;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_clear_object (&job->database);
  g_clear_pointer (&job->actor, bb_actor_free);
  g_free (job->number);
  g_free (job->name);
  g_free (job->phone);
  g_free (job->posts);
  if (job->password != NULL)
    {
      memset (job->password, 0, strlen (job->password));
      g_free (job->password);
    }
  g_free (job);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddJob *job = task_data;
  GError *error = NULL;
  gint64 id;

  id = bb_staff_repo_add (job->database, job->actor, job->number, job->name, job->role,
                          job->phone, job->posts, job->password, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

static void
set_saving (BbStaffDialog *self,
            gboolean       saving)
{
  self->saving = !!saving;
  if (saving)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  update_save_action (self);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BbStaffDialog) self = user_data;
  AddJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize id;

  id = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);
  if (error != NULL)
    {
      /* Everything typed stays; the field the reason names is marked. */
      for (Field field = 0; field < N_FIELDS; field++)
        {
          if (g_str_has_prefix (error->message, field_label (field)))
            set_error_class (field_row (self, field), TRUE);
        }
      show_message (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, (gint64) id, job->number, job->name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbStaffDialog *self = BB_STAFF_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  AddJob *job;

  if (self->saving || self->database == NULL)
    return;

  self->show_all_errors = TRUE;
  validate_form (self);
  if (!self->valid)
    return;

  job = g_new0 (AddJob, 1);
  job->database = g_object_ref (self->database);
  job->actor = bb_actor_copy (self->actor);
  job->number = g_strstrip (g_strdup (text_of (self->number_row)));
  job->name = g_strstrip (g_strdup (text_of (self->name_row)));
  job->role = selected_role (self);
  job->phone = trimmed_or_null (text_of (self->phone_row));
  job->posts = trimmed_or_null (text_of (self->posts_row));
  job->password = g_strdup (text_of (self->password_row));

  set_saving (self, TRUE);
  task = g_task_new (NULL, self->cancellable, added_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) add_job_free);
  g_task_run_in_thread (task, add_thread);
}

/* Object */

static void
bb_staff_dialog_dispose (GObject *object)
{
  BbStaffDialog *self = BB_STAFF_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_STAFF_DIALOG);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);

  G_OBJECT_CLASS (bb_staff_dialog_parent_class)->dispose (object);
}

static void
bb_staff_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbStaffDialog *self = BB_STAFF_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_staff_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbStaffDialog *self = BB_STAFF_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_staff_dialog_class_init (BbStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_staff_dialog_dispose;
  object_class->get_property = bb_staff_dialog_get_property;
  object_class->set_property = bb_staff_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbStaffDialog::saved:
   * @id: the new account's row
   * @number: its staff number
   * @name: its name
   *
   * The account was created; the dialog is destroyed right after.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, posts_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, BbStaffDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_staff_dialog_init (BbStaffDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  self->touched = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (titles, bb_staff_dialog_role_title (roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->role_row, 0);

  validate_form (self);
}

BbStaffDialog *
bb_staff_dialog_new (GtkWindow     *parent,
                     BbDatabase    *database,
                     const BbActor *actor)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (BB_TYPE_STAFF_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "actor", actor,
                       NULL);
}

/**
 * bb_staff_dialog_role_title:
 *
 * Returns: the role as a title (“Team leader”), translated
 */
const char *
bb_staff_dialog_role_title (BbRole role)
{
  switch (role)
    {
    case BB_ROLE_STAFF:
      return _("Service staff");
    case BB_ROLE_LEADER:
      return _("Team leader");
    case BB_ROLE_MANAGER:
      return _("Manager");
    case BB_ROLE_ADMIN:
      return _("Administrator");
    default:
      g_return_val_if_reached (NULL);
    }
}
