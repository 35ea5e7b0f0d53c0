/* bb-rectification-dialog.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small form of one step of a rectification (整改): the measures taken,
 * the return visit (回访) with how it was made and whether the client is
 * satisfied now, or giving it to another staff member with the reason. Like BbCaseActionDialog, the confirm button is
 * sensitive only when the form is complete, and the reason it is not is
 * shown under the form, naming the field.
 *
 * Confirming runs core in a thread with the version of the rectification
 * the form was opened on. When someone else changed it first the form
 * reads it again, says what it is now, and stays open with everything the
 * user typed; any other error is shown in the form, input kept.
 */

#define G_LOG_DOMAIN "bb-rectification-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-error.h"
#include "bb-rectification-dialog.h"
#include "bb-staff-repo.h"

#define MAX_TEXT_CHARS 2000

struct _BbRectificationDialog
{
  GtkWindow             parent_instance;

  BbApplication        *application;
  BbRectificationEntry *entry;
  BbRectificationStep   step;
  GCancellable         *cancellable;
  gboolean              busy;
  GtkWidget            *focus_before;  /* weak: the field focused when saving began */
  gboolean              valid;
  char                 *message;

  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *confirm_button;
  GtkSpinner           *spinner;
  GtkRevealer          *alert_revealer;
  GtkWidget            *alert_box;
  GtkImage             *alert_icon;
  GtkLabel             *alert_label;
  GtkLabel             *intro_label;
  GtkWidget            *form_box;
  GtkLabel             *text_heading;
  GtkTextView          *text_view;
  GtkWidget            *visit_list;
  AdwComboRow          *channel_row;
  AdwComboRow          *satisfied_row;
  GtkStringList        *channel_list;
  GtkStringList        *satisfied_list;
  GtkWidget            *staff_list_box;
  AdwComboRow          *staff_row;
  GtkStringList        *staff_names;
  GPtrArray            *staff_numbers;  /* (nullable) until read: char *, row order */
  GtkImage             *validation_icon;
  GtkLabel             *validation_label;
};

G_DEFINE_FINAL_TYPE (BbRectificationDialog, bb_rectification_dialog, GTK_TYPE_WINDOW)

enum {
  RECORDED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The channels in the order of the combo row. */
static const char *channel_codes[] = {
  BB_VISIT_CHANNEL_PHONE, BB_VISIT_CHANNEL_ONSITE, BB_VISIT_CHANNEL_SMS,
};

/* The answers in the order of the combo row. */
static const int satisfied_codes[] = { 1, 0, -1 };

static const char *
text_field_label (BbRectificationStep step)
{
  /* The same names as core's errors give the fields. */
  switch (step)
    {
    case BB_RECTIFICATION_STEP_MEASURES:
      return _("Measures taken");
    case BB_RECTIFICATION_STEP_REASSIGN:
      return _("Reason");
    case BB_RECTIFICATION_STEP_VISIT:
    default:
      return _("Return visit");
    }
}

/* The staff number chosen as the new responsible person, or %NULL. */
static const char *
chosen_staff (BbRectificationDialog *self)
{
  guint index = adw_combo_row_get_selected (self->staff_row);

  if (self->staff_numbers == NULL || index >= self->staff_numbers->len)
    return NULL;
  return g_ptr_array_index (self->staff_numbers, index);
}

static char *
dup_text (BbRectificationDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static gboolean
step_possible (BbRectificationDialog *self)
{
  switch (self->step)
    {
    case BB_RECTIFICATION_STEP_MEASURES:
      return self->entry->state == BB_RECTIFICATION_OPEN;
    case BB_RECTIFICATION_STEP_REASSIGN:
      return self->entry->state != BB_RECTIFICATION_CLOSED;
    case BB_RECTIFICATION_STEP_VISIT:
    default:
      return self->entry->state == BB_RECTIFICATION_MEASURES;
    }
}

static void
revalidate (BbRectificationDialog *self)
{
  g_autofree char *text = dup_text (self);
  g_autofree char *reason = NULL;
  glong length = g_utf8_strlen (text, -1);

  if (!step_possible (self))
    reason = g_strdup (_("This step is no longer possible."));
  else if (self->step == BB_RECTIFICATION_STEP_REASSIGN && self->staff_numbers == NULL)
    reason = g_strdup (_("Reading the staff list…"));
  else if (self->step == BB_RECTIFICATION_STEP_REASSIGN && chosen_staff (self) == NULL)
    reason = g_strdup_printf (_("%s: %s"), _("New responsible person"),
                              _("choose another active staff member"));
  else if (length == 0 && self->step == BB_RECTIFICATION_STEP_REASSIGN)
    reason = g_strdup_printf (_("%s: %s"), text_field_label (self->step),
                              _("say why; it is required"));
  else if (length == 0)
    /* Translators: a form's hint: the field, then why it is not complete */
    reason = g_strdup_printf (_("%s: %s"), text_field_label (self->step),
                              _("write what was done; it is required"));
  else if (length > MAX_TEXT_CHARS)
    reason = g_strdup_printf (_("%s: %s"), text_field_label (self->step),
                              _("too long; at most 2000 characters"));

  self->valid = reason == NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), self->valid && !self->busy);
  gtk_image_set_from_icon_name (self->validation_icon, self->valid
                                                        ? "emblem-ok-symbolic"
                                                        : "dialog-information-symbolic");
  gtk_label_set_label (self->validation_label,
                       self->valid ? _("Ready to save.") : reason);
}

static void
set_busy (BbRectificationDialog *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Insensitive, never cleared: what was typed stays for the next try. The
   * focus leaves the form first (a text entry made insensitive while it
   * has the focus never hears that it lost it) and goes back to the field
   * it was in, as in the case view's action forms. */
  if (busy)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL && gtk_widget_is_ancestor (focus, self->form_box))
        g_set_weak_pointer (&self->focus_before, focus);
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
    }
  gtk_widget_set_sensitive (self->form_box, !busy);
  if (!busy)
    {
      gtk_widget_grab_focus (self->focus_before != NULL ? self->focus_before
                                                        : GTK_WIDGET (self->text_view));
      g_clear_weak_pointer (&self->focus_before);
    }
  revalidate (self);
}

static void
show_alert (BbRectificationDialog *self,
            const char            *icon_name,
            const char            *css_class,
            const char            *text)
{
  gtk_widget_remove_css_class (self->alert_box, "error");
  gtk_widget_remove_css_class (self->alert_box, "warning");
  gtk_widget_add_css_class (self->alert_box, css_class);
  gtk_image_set_from_icon_name (self->alert_icon, icon_name);
  gtk_label_set_label (self->alert_label, text);
  gtk_revealer_set_reveal_child (self->alert_revealer, TRUE);
  g_free (self->message);
  self->message = g_strdup (text);
}

/* Saving */

typedef struct
{
  BbDatabase           *database;
  BbActor              *actor;
  BbRectificationStep   step;
  gint64                id;
  int                   version;
  char                 *text;
  const char           *channel;
  int                   satisfied;
  char                 *staff_number;
  BbRectificationEntry *now;   /* read again after a conflict */
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->database);
  bb_actor_free (save->actor);
  g_free (save->text);
  g_free (save->staff_number);
  g_clear_pointer (&save->now, bb_rectification_entry_free);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  GError *error = NULL;
  BbRectificationEntry *after;

  if (save->step == BB_RECTIFICATION_STEP_MEASURES)
    after = bb_rectification_repo_record_measures (save->database, save->actor, save->id,
                                                   save->text, save->version, &error);
  else if (save->step == BB_RECTIFICATION_STEP_REASSIGN)
    after = bb_rectification_repo_reassign (save->database, save->actor, save->id,
                                            save->staff_number, save->text, save->version,
                                            &error);
  else
    after = bb_rectification_repo_record_visit (save->database, save->actor, save->id,
                                                save->text, save->channel, save->satisfied,
                                                save->version, &error);
  if (after != NULL)
    {
      g_task_return_pointer (task, after, (GDestroyNotify) bb_rectification_entry_free);
      return;
    }
  if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT))
    save->now = bb_rectification_repo_get (save->database, save->actor, save->id, NULL);
  g_task_return_error (task, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BbRectificationDialog *self = BB_RECTIFICATION_DIALOG (source);
  Save *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(BbRectificationEntry) after = NULL;
  g_autoptr(GError) error = NULL;

  after = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (after != NULL)
    {
      self->busy = FALSE;
      g_signal_emit (self, signals[RECORDED], 0, after);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT) && save->now != NULL)
    {
      g_autofree char *text = NULL;

      /* From now on the form acts on the rectification as it is now. */
      bb_rectification_entry_free (self->entry);
      self->entry = g_steal_pointer (&save->now);
      if (step_possible (self))
        text = g_strdup_printf (_("Someone else changed this rectification first (it is now: "
                                  "%s; responsible: %s). Your input is kept: check it and "
                                  "save again."),
                                bb_rectification_state_label (self->entry->state),
                                self->entry->responsible_name ? self->entry->responsible_name
                                                              : "—");
      else
        /* Translators: after a conflict; %s is the rectification's state now */
        text = g_strdup_printf (_("Someone else changed this rectification first: it is now "
                                  "“%s”, so this step is no longer possible. Your input is "
                                  "still here; cancel when you have read it."),
                                bb_rectification_state_label (self->entry->state));
      show_alert (self, "dialog-warning-symbolic", "warning", text);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else if (g_error_matches (error, BB_ERROR, BB_ERROR_REFUSED))
    show_alert (self, "action-unavailable-symbolic", "error", error->message);
  else
    {
      /* Translators: an error under which nothing was saved; %s says why */
      g_autofree char *text = g_strdup_printf (_("Nothing was saved: %s"), error->message);

      show_alert (self, "dialog-error-symbolic", "error", text);
    }
  set_busy (self, FALSE);
}

static void
confirm_clicked_cb (BbRectificationDialog *self)
{
  bb_rectification_dialog_confirm (self);
}

static gboolean
confirm_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  bb_rectification_dialog_confirm (BB_RECTIFICATION_DIALOG (widget));
  return TRUE;
}

static void
text_changed_cb (BbRectificationDialog *self)
{
  revalidate (self);
}

/* The staff list, for a reassignment: the active staff but the one
 * responsible now. */

static void
staff_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *staff = bb_staff_repo_list (task_data, FALSE, &error);

  if (staff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, staff, (GDestroyNotify) g_ptr_array_unref);
}

static void
staff_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BbRectificationDialog *self = BB_RECTIFICATION_DIALOG (source);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (staff == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The staff list cannot be read: %s"),
                                               error->message);

      show_alert (self, "dialog-error-symbolic", "error", text);
      return;
    }

  self->staff_numbers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < staff->len; i++)
    {
      const BbStaff *member = g_ptr_array_index (staff, i);
      g_autofree char *label = NULL;

      if (member->id == self->entry->responsible_id)
        continue;
      /* Translators: a staff member in a list: name (staff number) */
      label = g_strdup_printf (_("%s (%s)"), member->name, member->number);
      gtk_string_list_append (self->staff_names, label);
      g_ptr_array_add (self->staff_numbers, g_strdup (member->number));
    }
  revalidate (self);
}

static void
read_staff (BbRectificationDialog *self)
{
  g_autoptr(GTask) task = NULL;
  BbDatabase *database = bb_application_get_database (self->application);

  if (database == NULL)
    return;
  task = g_task_new (self, self->cancellable, staff_read_cb, NULL);
  g_task_set_source_tag (task, read_staff);
  g_task_set_task_data (task, g_object_ref (database), g_object_unref);
  g_task_run_in_thread (task, staff_thread);
}

static void
staff_selected_cb (BbRectificationDialog *self)
{
  revalidate (self);
}

/* GObject */

static void
bb_rectification_dialog_dispose (GObject *object)
{
  BbRectificationDialog *self = BB_RECTIFICATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->focus_before);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_RECTIFICATION_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_rectification_dialog_parent_class)->dispose (object);
}

static void
bb_rectification_dialog_finalize (GObject *object)
{
  BbRectificationDialog *self = BB_RECTIFICATION_DIALOG (object);

  g_clear_pointer (&self->entry, bb_rectification_entry_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->staff_numbers, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_rectification_dialog_parent_class)->finalize (object);
}

static void
bb_rectification_dialog_class_init (BbRectificationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_rectification_dialog_dispose;
  object_class->finalize = bb_rectification_dialog_finalize;

  /**
   * BbRectificationDialog::recorded:
   * @entry: the rectification afterwards
   *
   * The step is on record; the dialog closes.
   */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BB_TYPE_RECTIFICATION_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * BbRectificationDialog::changed:
   *
   * Someone else changed the rectification first: what shows it should
   * read it again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/"
                                               "bb-rectification-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, alert_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, alert_box);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, alert_icon);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, alert_label);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, text_heading);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, visit_list);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, satisfied_row);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, channel_list);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, satisfied_list);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, staff_list_box);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, staff_names);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, validation_icon);
  gtk_widget_class_bind_template_child (widget_class, BbRectificationDialog, validation_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_rectification_dialog_init (BbRectificationDialog *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Enter saves, caught before the focused text view takes Enter. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (
                        gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                        gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                      gtk_callback_action_new (confirm_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (channel_codes); i++)
    gtk_string_list_append (self->channel_list, bb_visit_channel_label (channel_codes[i]));
  /* Translators: the client's answer at the return visit */
  gtk_string_list_append (self->satisfied_list, _("Yes, satisfied now"));
  gtk_string_list_append (self->satisfied_list, _("No, still dissatisfied"));
  gtk_string_list_append (self->satisfied_list, _("Did not say"));
  adw_combo_row_set_selected (self->satisfied_row, G_N_ELEMENTS (satisfied_codes) - 1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff_row, "notify::selected", G_CALLBACK (staff_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * bb_rectification_dialog_new:
 * @entry: the rectification as shown
 * @step: which step to record
 *
 * Returns: (transfer none): the form, not shown yet
 */
BbRectificationDialog *
bb_rectification_dialog_new (BbApplication              *application,
                             const BbRectificationEntry *entry,
                             BbRectificationStep         step)
{
  BbRectificationDialog *self;
  g_autofree char *subtitle = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (BB_TYPE_RECTIFICATION_DIALOG, NULL);
  self->application = g_object_ref (application);
  self->entry = bb_rectification_entry_copy (entry);
  self->step = step;

  /* Translators: a form's subtitle: the case number and the client */
  subtitle = g_strdup_printf (_("Case %s · %s"), entry->case_number,
                              entry->client_name ? entry->client_name : "—");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (step == BB_RECTIFICATION_STEP_MEASURES)
    {
      adw_window_title_set_title (self->window_title, _("Record Measures"));
      gtk_button_set_label (self->confirm_button, _("_Record Measures"));
      gtk_label_set_label (self->text_heading, _("_Measures taken"));
      intro = g_strdup_printf (_("The client rated this case “%s”. Write what was done about it "
                                 "(整改措施). The return visit to the client comes next; the "
                                 "deadline is %s."),
                               entry->comment && *entry->comment ? entry->comment
                                                                 : (entry->level == 1
                                                                    ? _("Very dissatisfied")
                                                                    : _("Dissatisfied")),
                               entry->deadline);
      gtk_widget_set_visible (self->visit_list, FALSE);
    }
  else if (step == BB_RECTIFICATION_STEP_REASSIGN)
    {
      adw_window_title_set_title (self->window_title, _("Reassign Rectification"));
      gtk_button_set_label (self->confirm_button, _("_Reassign"));
      gtk_label_set_label (self->text_heading, _("_Why it is reassigned"));
      intro = g_strdup_printf (_("%s answers for this rectification now. Choose who answers "
                                 "for it from now on and say why; the deadline stays %s."),
                               entry->responsible_name ? entry->responsible_name : "—",
                               entry->deadline);
      gtk_widget_set_visible (self->visit_list, FALSE);
      gtk_widget_set_visible (self->staff_list_box, TRUE);
      read_staff (self);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Record Return Visit"));
      gtk_button_set_label (self->confirm_button, _("_Record Return Visit"));
      gtk_label_set_label (self->text_heading, _("What the _client said"));
      intro = g_strdup_printf (_("Measures taken: %s\nAsk the client whether the problem is "
                                 "solved. Saving closes the rectification."),
                               entry->measures ? entry->measures : "—");
    }
  gtk_label_set_label (self->intro_label, intro);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text_field_label (step), -1);
  revalidate (self);
  return self;
}

GtkTextView *
bb_rectification_dialog_get_text_view (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), NULL);

  return self->text_view;
}

AdwComboRow *
bb_rectification_dialog_get_channel_row (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), NULL);

  return self->channel_row;
}

AdwComboRow *
bb_rectification_dialog_get_staff_row (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), NULL);

  return self->staff_row;
}

AdwComboRow *
bb_rectification_dialog_get_satisfied_row (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), NULL);

  return self->satisfied_row;
}

gboolean
bb_rectification_dialog_get_valid (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), FALSE);

  return self->valid;
}

gboolean
bb_rectification_dialog_get_busy (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * bb_rectification_dialog_get_message:
 *
 * Returns: (nullable): the warning or error shown in the form
 */
const char *
bb_rectification_dialog_get_message (BbRectificationDialog *self)
{
  g_return_val_if_fail (BB_IS_RECTIFICATION_DIALOG (self), NULL);

  return self->message;
}

/**
 * bb_rectification_dialog_confirm:
 *
 * Saves the step, as the confirm button does, when the form is complete.
 */
void
bb_rectification_dialog_confirm (BbRectificationDialog *self)
{
  g_autoptr(GTask) task = NULL;
  BbDatabase *database;
  Save *save;
  guint channel, satisfied;

  g_return_if_fail (BB_IS_RECTIFICATION_DIALOG (self));

  database = bb_application_get_database (self->application);
  if (self->busy || !self->valid || database == NULL)
    return;

  channel = adw_combo_row_get_selected (self->channel_row);
  satisfied = adw_combo_row_get_selected (self->satisfied_row);
  save = g_new0 (Save, 1);
  save->database = g_object_ref (database);
  save->actor = bb_actor_copy (bb_application_get_actor (self->application));
  save->step = self->step;
  save->id = self->entry->id;
  save->version = self->entry->version;
  save->text = dup_text (self);
  save->channel = channel_codes[MIN (channel, G_N_ELEMENTS (channel_codes) - 1)];
  save->satisfied = satisfied_codes[MIN (satisfied, G_N_ELEMENTS (satisfied_codes) - 1)];
  save->staff_number = g_strdup (chosen_staff (self));

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, saved_cb, NULL);
  g_task_set_source_tag (task, bb_rectification_dialog_confirm);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread);
}
