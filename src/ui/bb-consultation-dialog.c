/* bb-consultation-dialog.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quick entry of a consultation (接待咨询记录): who asked, how to reach
 * them, the channel, the question and the answer. Many visits end with an
 * answer and no case; the standard wants them recorded all the same. Each
 * field is checked as it is typed against core's rules
 * (bb_consultation_validate() on a probe where only that field comes from
 * the form); the record is saved in a GTask thread and the dialog closes
 * with a toast in the main window.
 */

#define G_LOG_DOMAIN "bb-consultation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-consultation-dialog.h"
#include "bb-consultation-repo.h"
#include "bb-error.h"
#include "bb-window.h"

struct _BbConsultationDialog
{
  AdwWindow      parent_instance;

  BbDatabase    *database;
  BbActor       *actor;
  GCancellable  *cancellable;
  GHashTable    *touched;
  guint          saving : 1;
  guint          saved : 1;
  guint          discard : 1;
  guint          valid : 1;
  guint          show_all_errors : 1;

  GtkButton     *save_button;
  GtkSpinner    *spinner;
  AdwEntryRow   *name_row;
  AdwEntryRow   *contact_row;
  AdwComboRow   *channel_row;
  GtkLabel      *who_message;
  GtkFrame      *content_frame;
  GtkTextView   *content_view;
  GtkLabel      *content_message;
  GtkFrame      *result_frame;
  GtkTextView   *result_view;
  GtkLabel      *result_message;
  GtkLabel      *message_label;
};

G_DEFINE_FINAL_TYPE (BbConsultationDialog, bb_consultation_dialog, ADW_TYPE_WINDOW)

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

static const char * const channels[] = { "onsite", "phone", "email", "online" };

typedef enum
{
  FIELD_NAME,
  FIELD_CONTACT,
  FIELD_CONTENT,
  FIELD_RESULT,
  N_FIELDS
} Field;

/* Helpers */

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
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
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static gboolean
is_dirty (BbConsultationDialog *self)
{
  g_autofree char *content = text_view_text (self->content_view);
  g_autofree char *result = text_view_text (self->result_view);

  return *text_of (self->name_row) != '\0' || *text_of (self->contact_row) != '\0' ||
         *content != '\0' || *result != '\0';
}

/* The form */

static BbConsultation *
draft_from_form (BbConsultationDialog *self)
{
  BbConsultation *draft = bb_consultation_new ();
  guint channel = adw_combo_row_get_selected (self->channel_row);

  draft->name = g_strdup (text_of (self->name_row));
  draft->contact = g_strdup (text_of (self->contact_row));
  g_free (draft->channel);
  draft->channel = g_strdup (channel < G_N_ELEMENTS (channels) ? channels[channel] : "onsite");
  draft->content = text_view_text (self->content_view);
  draft->result = text_view_text (self->result_view);
  return draft;
}

static gpointer
field_widget (BbConsultationDialog *self,
              Field                 field)
{
  switch (field)
    {
    case FIELD_NAME:
      return self->name_row;
    case FIELD_CONTACT:
      return self->contact_row;
    case FIELD_CONTENT:
      return self->content_frame;
    case FIELD_RESULT:
      return self->result_frame;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* A valid record with one field taken from the form: core's message is
 * then about that field. */
static gboolean
check_field (const BbConsultation  *draft,
             Field                  field,
             GError               **error)
{
  g_autoptr(BbConsultation) probe = bb_consultation_new ();

  probe->name = g_strdup ("probe");
  probe->content = g_strdup ("probe");
  switch (field)
    {
    case FIELD_NAME:
      g_free (probe->name);
      probe->name = g_strdup (draft->name);
      break;
    case FIELD_CONTACT:
      probe->contact = g_strdup (draft->contact);
      break;
    case FIELD_CONTENT:
      g_free (probe->content);
      probe->content = g_strdup (draft->content);
      break;
    case FIELD_RESULT:
      probe->result = g_strdup (draft->result);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return bb_consultation_validate (probe, error);
}

static void
update_save_action (BbConsultationDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->valid && !self->saving && self->database != NULL);
}

static void
validate_form (BbConsultationDialog *self)
{
  g_autoptr(BbConsultation) draft = draft_from_form (self);
  g_autoptr(GString) who = g_string_new (NULL);
  g_autoptr(GError) whole_error = NULL;
  gboolean valid = TRUE;

  show_message (self->content_message, NULL);
  show_message (self->result_message, NULL);
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;
      gpointer widget = field_widget (self, field);
      gboolean ok = check_field (draft, field, &error);
      gboolean shown = !ok && (self->show_all_errors ||
                               g_hash_table_contains (self->touched, widget));

      set_error_class (widget, shown);
      if (shown)
        {
          switch (field)
            {
            case FIELD_NAME:
            case FIELD_CONTACT:
              if (who->len > 0)
                g_string_append_c (who, '\n');
              g_string_append (who, error->message);
              break;
            case FIELD_CONTENT:
              show_message (self->content_message, error->message);
              break;
            case FIELD_RESULT:
              show_message (self->result_message, error->message);
              break;
            case N_FIELDS:
            default:
              g_assert_not_reached ();
            }
        }
      valid = valid && ok;
    }
  show_message (self->who_message, who->str);

  if (valid && !bb_consultation_validate (draft, &whole_error))
    {
      show_message (self->message_label, whole_error->message);
      valid = FALSE;
    }

  self->valid = valid;
  update_save_action (self);
}

static void
field_changed_cb (BbConsultationDialog *self,
                  GtkEditable          *editable)
{
  g_hash_table_add (self->touched, editable);
  validate_form (self);
}

static void
content_changed_cb (BbConsultationDialog *self)
{
  g_hash_table_add (self->touched, self->content_frame);
  validate_form (self);
}

static void
result_changed_cb (BbConsultationDialog *self)
{
  g_hash_table_add (self->touched, self->result_frame);
  validate_form (self);
}

/* Saving */

typedef struct
{
  BbDatabase     *database;
  BbActor        *actor;
  BbConsultation *draft;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->database);
  g_clear_pointer (&job->actor, bb_actor_free);
  g_clear_pointer (&job->draft, bb_consultation_free);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;
  gint64 id;

  id = bb_consultation_repo_add (job->database, job->actor, job->draft, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

static void
set_saving (BbConsultationDialog *self,
            gboolean              saving)
{
  self->saving = !!saving;
  if (saving)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  update_save_action (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BbConsultationDialog) self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  gssize id;

  id = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);
  if (error != NULL)
    {
      /* What was typed stays; the field the reason is about is marked. */
      for (Field field = 0; field < N_FIELDS; field++)
        {
          g_autoptr(GError) probe_error = NULL;

          if (!check_field (job->draft, field, &probe_error))
            set_error_class (field_widget (self, field), TRUE);
        }
      show_message (self->message_label, error->message);
      return;
    }

  self->saved = TRUE;
  g_signal_emit (self, signals[SAVED], 0, (gint64) id, job->draft->name);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (BB_IS_WINDOW (parent))
    {
      g_autofree char *message = NULL;
      g_autofree char *name = g_strstrip (g_strdup (job->draft->name));

      /* Translators: after saving a consultation; %s is who asked */
      message = g_strdup_printf (_("Consultation of %s recorded"), name);
      bb_window_show_toast (BB_WINDOW (parent), message);
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbConsultationDialog *self = BB_CONSULTATION_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  if (self->saving || self->database == NULL)
    return;

  self->show_all_errors = TRUE;
  show_message (self->message_label, NULL);
  validate_form (self);
  if (!self->valid)
    return;

  job = g_new0 (SaveJob, 1);
  job->database = g_object_ref (self->database);
  job->actor = bb_actor_copy (self->actor);
  job->draft = draft_from_form (self);

  set_saving (self, TRUE);
  task = g_task_new (NULL, self->cancellable, saved_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/* Closing */

static void
discard_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     BbConsultationDialog *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
bb_consultation_dialog_close_request (GtkWindow *window)
{
  BbConsultationDialog *self = BB_CONSULTATION_DIALOG (window);

  if (!self->saved && !self->discard && is_dirty (self))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (window, _("Discard This Consultation?"),
                                       _("What you typed has not been recorded."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bb_consultation_dialog_parent_class)->close_request (window);
}

/* Object */

static void
bb_consultation_dialog_dispose (GObject *object)
{
  BbConsultationDialog *self = BB_CONSULTATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CONSULTATION_DIALOG);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);

  G_OBJECT_CLASS (bb_consultation_dialog_parent_class)->dispose (object);
}

static void
bb_consultation_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BbConsultationDialog *self = BB_CONSULTATION_DIALOG (object);

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
bb_consultation_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BbConsultationDialog *self = BB_CONSULTATION_DIALOG (object);

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
bb_consultation_dialog_constructed (GObject *object)
{
  BbConsultationDialog *self = BB_CONSULTATION_DIALOG (object);

  G_OBJECT_CLASS (bb_consultation_dialog_parent_class)->constructed (object);

  validate_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
bb_consultation_dialog_class_init (BbConsultationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bb_consultation_dialog_constructed;
  object_class->dispose = bb_consultation_dialog_dispose;
  object_class->get_property = bb_consultation_dialog_get_property;
  object_class->set_property = bb_consultation_dialog_set_property;
  window_class->close_request = bb_consultation_dialog_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbConsultationDialog::saved:
   * @id: the new record's row
   * @name: who asked
   *
   * The consultation was recorded; the dialog closes right after (and, when
   * its parent is a #BbWindow, says so in a toast there).
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-consultation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, who_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, content_frame);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, content_view);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, content_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, result_frame);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, result_view);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, result_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_consultation_dialog_init (BbConsultationDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Ctrl+Enter saves, caught before the focused text view takes Enter. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (
                        gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                        gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                      gtk_named_action_new ("win.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->touched = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (labels, bb_consultation_channel_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->channel_row, 0);

  gtk_widget_add_css_class (GTK_WIDGET (self->content_frame), "bb-text-field");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_frame), "bb-text-field");
  g_signal_connect_object (gtk_text_view_get_buffer (self->content_view), "changed",
                           G_CALLBACK (content_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->result_view), "changed",
                           G_CALLBACK (result_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * bb_consultation_dialog_new:
 * @parent: (nullable): the window it belongs to; a #BbWindow shows the
 *   toast once the record is saved
 * @actor: who records it
 */
BbConsultationDialog *
bb_consultation_dialog_new (GtkWindow     *parent,
                            BbDatabase    *database,
                            const BbActor *actor)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (BB_TYPE_CONSULTATION_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "actor", actor,
                       NULL);
}
