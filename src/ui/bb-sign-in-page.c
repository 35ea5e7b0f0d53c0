/* bb-sign-in-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is at the desk: the staff number and password, or, on a database
 * with no staff at all, the first administrator's account or the demo data.
 * Every database call runs in a GTask thread; the page announces the
 * person with ::signed-in and can be reset for the next one (sign out,
 * switch user).
 */

#define G_LOG_DOMAIN "bb-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-demo.h"
#include "bb-error.h"
#include "bb-password.h"
#include "bb-sign-in-page.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define DEMO_SEED 2026

#define NAME_MAX_CHARS 50

struct _BbSignInPage
{
  AdwBin               parent_instance;

  BbDatabase          *database;
  GCancellable        *cancellable;
  BbActor             *demo_actor;
  guint                pulse_id;
  guint                busy : 1;

  GtkStack            *stack;
  GtkSpinner          *loading_spinner;
  AdwEntryRow         *number_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *sign_in_message;
  GtkButton           *sign_in_button;
  GtkSpinner          *sign_in_spinner;
  AdwEntryRow         *admin_number_row;
  AdwEntryRow         *admin_name_row;
  AdwPasswordEntryRow *admin_password_row;
  AdwPasswordEntryRow *admin_repeat_row;
  GtkLabel            *admin_message;
  AdwActionRow        *create_admin_choice;
  AdwActionRow        *demo_choice;
  GtkButton           *admin_back_button;
  GtkButton           *create_admin_button;
  GtkSpinner          *admin_spinner;
  GtkProgressBar      *demo_progress;
  GtkLabel            *demo_status;
  GtkLabel            *demo_number_label;
  GtkLabel            *demo_password_label;
  GtkLabel            *demo_note;
  GtkButton           *demo_continue_button;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (BbSignInPage, bb_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void check_staff (BbSignInPage *self);

/* Helpers */

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_state (BbSignInPage *self,
            const char   *state)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  if (g_str_equal (state, "loading"))
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);
}

static void
emit_signed_in (BbSignInPage  *self,
                const BbActor *actor)
{
  g_autoptr(BbActor) copy = bb_actor_copy (actor);

  g_debug ("Signed in as %s (%s)", actor->number, bb_role_to_string (actor->role));
  g_signal_emit (self, signals[SIGNED_IN], 0, copy);
}

/* Whether the database has staff */

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 count = bb_staff_repo_count (task_data, &error);

  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BbSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize count;

  count = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      show_state (self, "error");
    }
  else if (count == 0)
    show_state (self, "first-run");
  else
    {
      show_state (self, "sign-in");
      gtk_widget_grab_focus (*text_of (self->number_row) == '\0'
                             ? GTK_WIDGET (self->number_row)
                             : GTK_WIDGET (self->password_row));
    }
}

static void
check_staff (BbSignInPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;

  if (self->database == NULL)
    {
      show_state (self, "loading");
      return;
    }

  show_state (self, "loading");
  task = g_task_new (NULL, self->cancellable, counted_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, count_thread);
}

/* Signing in */

typedef struct
{
  BbDatabase *database;
  char       *number;
  char       *password;
  char       *name;
} Credentials;

static void
credentials_free (Credentials *credentials)
{
  g_clear_object (&credentials->database);
  g_free (credentials->number);
  if (credentials->password != NULL)
    {
      memset (credentials->password, 0, strlen (credentials->password));
      g_free (credentials->password);
    }
  g_free (credentials->name);
  g_free (credentials);
}

static Credentials *
credentials_new (BbSignInPage *self,
                 const char   *number,
                 const char   *password,
                 const char   *name)
{
  Credentials *credentials = g_new0 (Credentials, 1);

  credentials->database = g_object_ref (self->database);
  credentials->number = g_strstrip (g_strdup (number));
  credentials->password = g_strdup (password);
  credentials->name = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  return credentials;
}

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Credentials *credentials = task_data;
  GError *error = NULL;
  BbActor *actor;

  actor = bb_staff_repo_authenticate (credentials->database, credentials->number,
                                      credentials->password, &error);
  if (actor == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, actor, (GDestroyNotify) bb_actor_free);
}

static void
update_sign_in_button (BbSignInPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button),
                            !self->busy && *text_of (self->number_row) != '\0' &&
                            *text_of (self->password_row) != '\0');
}

static void
set_busy (BbSignInPage *self,
          gboolean      busy)
{
  self->busy = !!busy;
  if (busy)
    {
      gtk_spinner_start (self->sign_in_spinner);
      gtk_spinner_start (self->admin_spinner);
    }
  else
    {
      gtk_spinner_stop (self->sign_in_spinner);
      gtk_spinner_stop (self->admin_spinner);
    }
  /* Not insensitive: that would take the focus from the field typed in. */
  gtk_editable_set_editable (GTK_EDITABLE (self->number_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->admin_back_button), !busy);
  update_sign_in_button (self);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BbSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;

  actor = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (actor == NULL)
    {
      /* The number stays; the password is selected, to be typed again. */
      show_message (self->sign_in_message, error->message);
      set_row_error (self->password_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      gtk_editable_select_region (GTK_EDITABLE (self->password_row), 0, -1);
      return;
    }

  show_message (self->sign_in_message, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  emit_signed_in (self, actor);
}

static void
sign_in_changed_cb (BbSignInPage *self)
{
  set_row_error (self->password_row, FALSE);
  update_sign_in_button (self);
}

static void
number_activated_cb (BbSignInPage *self)
{
  if (*text_of (self->password_row) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    gtk_widget_activate (GTK_WIDGET (self->sign_in_button));
}

static void
sign_in_activated_cb (BbSignInPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->busy || self->database == NULL)
    return;
  if (*text_of (self->number_row) == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
      return;
    }
  if (*text_of (self->password_row) == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  set_busy (self, TRUE);
  show_message (self->sign_in_message, NULL);
  task = g_task_new (NULL, self->cancellable, signed_in_cb, g_object_ref (self));
  g_task_set_task_data (task, credentials_new (self, text_of (self->number_row),
                                               text_of (self->password_row), NULL),
                        (GDestroyNotify) credentials_free);
  g_task_run_in_thread (task, sign_in_thread);
}

/* The first administrator */

/* The same rule as core's: letters A–Z, digits, “-”, “_” and “.”. */
static gboolean
validate_number (const char  *number,
                 GError     **error)
{
  /* Translators: a staff member's number (工号) */
  const char *label = _("Staff number");
  g_autofree char *trimmed = g_strstrip (g_strdup (number));

  if (!bb_validate_text (label, trimmed, TRUE, 32, error))
    return FALSE;
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        {
          bb_set_field_error (error, label,
                              _("use only the letters A–Z, digits, “-”, “_” and “.”"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks the form as typed; marks each field that is wrong once the user
 * has typed in it, and says why under the rows. Returns whether all is
 * well. */
static gboolean
validate_admin_form (BbSignInPage *self,
                     gboolean      show_all)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  const char *number = text_of (self->admin_number_row);
  const char *name = text_of (self->admin_name_row);
  const char *password = text_of (self->admin_password_row);
  const char *repeat = text_of (self->admin_repeat_row);
  struct {
    gpointer   row;
    gboolean   touched;
    GError    *error;
  } fields[4] = {
    { self->admin_number_row, *number != '\0', NULL },
    { self->admin_name_row, *name != '\0', NULL },
    { self->admin_password_row, *password != '\0', NULL },
    { self->admin_repeat_row, *repeat != '\0', NULL },
  };
  gboolean valid = TRUE;

  validate_number (number, &fields[0].error);
  /* Translators: a staff member's name */
  bb_validate_text (_("Name"), name, TRUE, NAME_MAX_CHARS, &fields[1].error);
  bb_validate_password (password, &fields[2].error);
  if (g_strcmp0 (password, repeat) != 0)
    fields[3].error = g_error_new (BB_ERROR, BB_ERROR_INVALID, "%s",
                                   _("Repeat the password: it is not the same as the password"));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean shown = fields[i].error != NULL && (show_all || fields[i].touched);

      set_row_error (fields[i].row, shown);
      if (shown)
        {
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          g_string_append (messages, fields[i].error->message);
        }
      if (fields[i].error != NULL)
        valid = FALSE;
      g_clear_error (&fields[i].error);
    }

  show_message (self->admin_message, messages->str);
  return valid;
}

static void
admin_changed_cb (BbSignInPage *self)
{
  gboolean valid = validate_admin_form (self, FALSE);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_admin_button), valid && !self->busy);
}

static void
admin_next_cb (BbSignInPage *self,
               AdwEntryRow  *row)
{
  GtkWidget *next = NULL;

  if (row == self->admin_number_row)
    next = GTK_WIDGET (self->admin_name_row);
  else if (row == self->admin_name_row)
    next = GTK_WIDGET (self->admin_password_row);
  else
    next = GTK_WIDGET (self->admin_repeat_row);
  gtk_widget_grab_focus (next);
}

static void
create_admin_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Credentials *credentials = task_data;
  g_autoptr(BbActor) system = bb_actor_new_system ();
  GError *error = NULL;
  BbActor *actor;

  if (bb_staff_repo_add (credentials->database, system, credentials->number, credentials->name,
                         BB_ROLE_ADMIN, NULL, NULL, credentials->password, &error) == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Signing in checks the password as stored. */
  actor = bb_staff_repo_authenticate (credentials->database, credentials->number,
                                      credentials->password, &error);
  if (actor == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, actor, (GDestroyNotify) bb_actor_free);
}

static void
admin_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BbSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;

  actor = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (actor == NULL)
    {
      /* Everything typed stays; the row the message is about is marked. */
      gpointer rows[] = { self->admin_number_row, self->admin_name_row,
                          self->admin_password_row };
      const char *labels[] = { _("Staff number"), _("Name"), _("Password") };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        set_row_error (rows[i], g_str_has_prefix (error->message, labels[i]));
      show_message (self->admin_message, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_admin_button), TRUE);
      return;
    }

  show_message (self->admin_message, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->admin_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_repeat_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), actor->number);
  emit_signed_in (self, actor);
}

static void
create_admin_activated_cb (BbSignInPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->busy || self->database == NULL)
    return;
  if (!validate_admin_form (self, TRUE))
    return;

  set_busy (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_admin_button), FALSE);
  task = g_task_new (NULL, self->cancellable, admin_created_cb, g_object_ref (self));
  g_task_set_task_data (task, credentials_new (self, text_of (self->admin_number_row),
                                               text_of (self->admin_password_row),
                                               text_of (self->admin_name_row)),
                        (GDestroyNotify) credentials_free);
  g_task_run_in_thread (task, create_admin_thread);
}

static void
create_admin_chosen_cb (BbSignInPage *self)
{
  show_state (self, "create-admin");
  gtk_widget_grab_focus (GTK_WIDGET (self->admin_number_row));
}

static void
back_clicked_cb (BbSignInPage *self)
{
  check_staff (self);
}

static void
retry_clicked_cb (BbSignInPage *self)
{
  check_staff (self);
}

/* Demo data */

typedef struct
{
  GWeakRef  page;
  double    fraction;
  char     *status;
} DemoProgress;

static gboolean
demo_progress_idle (gpointer user_data)
{
  DemoProgress *progress = user_data;
  g_autoptr(BbSignInPage) self = g_weak_ref_get (&progress->page);

  if (self != NULL)
    {
      /* The first figures end the pulsing of the preparation. */
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->demo_progress, progress->fraction);
      if (progress->status != NULL)
        gtk_label_set_text (self->demo_status, progress->status);
    }
  return G_SOURCE_REMOVE;
}

static void
demo_progress_free (DemoProgress *progress)
{
  g_weak_ref_clear (&progress->page);
  g_free (progress->status);
  g_free (progress);
}

typedef struct
{
  BbDatabase *database;
  GWeakRef    page;
  gint64      last_report;
} DemoJob;

static void
demo_job_free (DemoJob *job)
{
  g_clear_object (&job->database);
  g_weak_ref_clear (&job->page);
  g_free (job);
}

/* Called in the worker thread; hands the figures to the main loop, at
 * most ten times a second. */
static void
demo_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  DemoJob *job = user_data;
  g_autoptr(GObject) page = NULL;
  DemoProgress *progress;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  gint64 now = g_get_monotonic_time ();

  if (done < total && now - job->last_report < G_USEC_PER_SEC / 10)
    return;
  job->last_report = now;

  page = g_weak_ref_get (&job->page);
  progress = g_new0 (DemoProgress, 1);
  g_weak_ref_init (&progress->page, page);
  progress->fraction = total > 0 ? (double) done / (double) total : 0.0;
  done_text = g_strdup_printf ("%" G_GUINT64_FORMAT, done);
  total_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);
  /* Translators: while the demo data is written: “Case 12 of 260” */
  progress->status = g_strdup_printf (_("Case %s of %s"), done_text, total_text);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, demo_progress_idle, progress,
                              (GDestroyNotify) demo_progress_free);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(BbActor) system = bb_actor_new_system ();
  BbDemoSummary summary = { 0 };
  GError *error = NULL;
  BbActor *actor;

  /* The system actor fills the empty database, as bangban-cli demo does. */
  if (!bb_demo_run (job->database, system, BB_DEMO_WORKFLOW_CASES, DEMO_SEED, demo_progress_cb,
                    job, cancellable, &summary, &error))
    {
      bb_demo_summary_clear (&summary);
      g_task_return_error (task, error);
      return;
    }

  /* Signing in as the demo administrator checks the password shown. */
  actor = bb_staff_repo_authenticate (job->database, summary.admin_number, BB_DEMO_PASSWORD,
                                      &error);
  bb_demo_summary_clear (&summary);
  if (actor == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, actor, (GDestroyNotify) bb_actor_free);
}

static void
demo_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BbSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autofree char *note = NULL;

  actor = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (actor == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      show_state (self, "error");
      return;
    }

  g_clear_pointer (&self->demo_actor, bb_actor_free);
  self->demo_actor = bb_actor_copy (actor);
  gtk_label_set_text (self->demo_number_label, actor->number);
  gtk_label_set_text (self->demo_password_label, BB_DEMO_PASSWORD);
  note = g_strdup_printf (_("You will work as %s, an administrator. Every demo account has "
                            "the same password. The people, ID numbers and cases are "
                            "fictitious."),
                          actor->name);
  gtk_label_set_text (self->demo_note, note);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), actor->number);
  show_state (self, "demo-done");
  gtk_widget_grab_focus (GTK_WIDGET (self->demo_continue_button));
}

static gboolean
pulse_cb (gpointer user_data)
{
  BbSignInPage *self = user_data;

  gtk_progress_bar_pulse (self->demo_progress);
  return G_SOURCE_CONTINUE;
}

static void
demo_chosen_cb (BbSignInPage *self)
{
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  if (self->busy || self->database == NULL)
    return;

  self->busy = TRUE;
  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  gtk_label_set_text (self->demo_status, _("Preparing…"));
  /* Staff, catalogue and clients come first, without figures: pulse. */
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  show_state (self, "demo");

  job = g_new0 (DemoJob, 1);
  job->database = g_object_ref (self->database);
  g_weak_ref_init (&job->page, self);
  task = g_task_new (NULL, self->cancellable, demo_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
demo_continue_clicked_cb (BbSignInPage *self)
{
  g_autoptr(BbActor) actor = g_steal_pointer (&self->demo_actor);

  if (actor != NULL)
    emit_signed_in (self, actor);
}

static void
stack_changed_cb (BbSignInPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Object */

static void
bb_sign_in_page_dispose (GObject *object)
{
  BbSignInPage *self = BB_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  /* AdwBin keeps its own pointer to the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->demo_actor, bb_actor_free);

  G_OBJECT_CLASS (bb_sign_in_page_parent_class)->dispose (object);
}

static void
bb_sign_in_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbSignInPage *self = BB_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_STATE:
      g_value_set_string (value, bb_sign_in_page_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_sign_in_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbSignInPage *self = BB_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_sign_in_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_sign_in_page_class_init (BbSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_sign_in_page_dispose;
  object_class->get_property = bb_sign_in_page_get_property;
  object_class->set_property = bb_sign_in_page_set_property;

  /**
   * BbSignInPage:database:
   *
   * The database whose staff sign in. Setting it (again) checks whether it
   * has staff, and offers the first run when it has none.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbSignInPage:state:
   *
   * What the page shows: loading, sign-in, first-run, create-admin, demo,
   * demo-done or error.
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbSignInPage::signed-in:
   * @actor: (transfer none): who signed in
   *
   * A staff member signed in, or the first administrator was created, or
   * the demo data was loaded and its administrator continued.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, BB_TYPE_ACTOR | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, number_row);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, sign_in_message);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_number_row);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_name_row);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_password_row);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_repeat_row);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_message);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_back_button);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, create_admin_button);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, admin_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, create_admin_choice);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_choice);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_status);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_number_label);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_password_label);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_note);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, demo_continue_button);
  gtk_widget_class_bind_template_child (widget_class, BbSignInPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, stack_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_admin_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, admin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, admin_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_admin_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
bb_sign_in_page_init (BbSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_state (self, "loading");
}

/**
 * bb_sign_in_page_new:
 * @database: (nullable): the database, or %NULL to set it later
 */
BbSignInPage *
bb_sign_in_page_new (BbDatabase *database)
{
  return g_object_new (BB_TYPE_SIGN_IN_PAGE, "database", database, NULL);
}

BbDatabase *
bb_sign_in_page_get_database (BbSignInPage *self)
{
  g_return_val_if_fail (BB_IS_SIGN_IN_PAGE (self), NULL);

  return self->database;
}

void
bb_sign_in_page_set_database (BbSignInPage *self,
                              BbDatabase   *database)
{
  g_return_if_fail (BB_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  check_staff (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * bb_sign_in_page_reset:
 *
 * Makes the page ready for the next person (after signing out, or to
 * switch user): forgets what was typed, checks the database again and puts
 * the focus on the staff number.
 */
void
bb_sign_in_page_reset (BbSignInPage *self)
{
  gpointer rows[] = { self->number_row, self->password_row, self->admin_number_row,
                      self->admin_name_row, self->admin_password_row, self->admin_repeat_row };

  g_return_if_fail (BB_IS_SIGN_IN_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
      set_row_error (rows[i], FALSE);
    }
  show_message (self->sign_in_message, NULL);
  show_message (self->admin_message, NULL);
  g_clear_pointer (&self->demo_actor, bb_actor_free);
  set_busy (self, FALSE);
  check_staff (self);
}

/**
 * bb_sign_in_page_get_state:
 *
 * Returns: what the page shows: loading, sign-in, first-run, create-admin,
 *   demo, demo-done or error
 */
const char *
bb_sign_in_page_get_state (BbSignInPage *self)
{
  g_return_val_if_fail (BB_IS_SIGN_IN_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
