/* bb-complaints-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Complaints (GB/T 36113; DESIGN.md § Screens): a list by state, and the
 * selected complaint's detail — what it is about, its deadline, each step
 * taken with its time and person — with the one allowed action, the move
 * to the next step with its text (BB_PERM_COMPLAINTS). "New Complaint"
 * opens the intake form, checked as typed; what was typed stays in the form
 * when core refuses it. "Print…" (Ctrl+P) shows the selected complaint's
 * record (投诉处理记录表) in the print preview, loaded afresh through core.
 * Every read and write runs in a GTask thread.
 */

#define G_LOG_DOMAIN "bb-complaints-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-complaints-page.h"
#include "bb-print.h"
#include "bb-validate.h"

#define LIST_LIMIT 200

struct _BbComplaintsPage
{
  AdwBin             parent_instance;

  BbDatabase        *database;
  BbActor           *actor;
  GPtrArray         *complaints;
  BbComplaintDetail *detail;
  GCancellable      *cancellable;
  GCancellable      *detail_cancellable;
  char              *selected;
  guint              loading : 1;
  guint              acting : 1;
  guint              filling : 1;

  AdwToastOverlay   *toast_overlay;
  GtkDropDown       *state_drop;
  GtkStack          *list_stack;
  GtkListBox        *list_box;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *unavailable_page;
  GtkStack          *detail_stack;
  GtkLabel          *title_label;
  GtkListBox        *info_list;
  GtkListBox        *steps_list;
  GtkWidget         *step_box;
  AdwEntryRow       *step_entry;
  GtkButton         *step_button;
  GtkButton         *print_button;
};

G_DEFINE_FINAL_TYPE (BbComplaintsPage, bb_complaints_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const channels[] = {
  BB_COMPLAINT_CHANNEL_ONSITE, BB_COMPLAINT_CHANNEL_PHONE, BB_COMPLAINT_CHANNEL_HOTLINE,
  BB_COMPLAINT_CHANNEL_LETTER, BB_COMPLAINT_CHANNEL_EMAIL, BB_COMPLAINT_CHANNEL_ONLINE,
  BB_COMPLAINT_CHANNEL_BOX,
};

static void load_detail (BbComplaintsPage *self);

/* Helpers */

static gboolean
can_handle (BbComplaintsPage *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_COMPLAINTS);
}

static gboolean
can_receive (BbComplaintsPage *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_CASE_CREATE);
}

static void
set_busy (BbComplaintsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_toast (BbComplaintsPage *self,
            const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* The step after the complaint's state, or -1 when archived. */
static int
next_step (const BbComplaint *complaint)
{
  return complaint->state + 1 < BB_N_COMPLAINT_STATES ? (int) complaint->state + 1 : -1;
}

static gboolean
step_text_required (int step)
{
  return step != BB_COMPLAINT_ARCHIVED;
}

static const char *
step_text_title (int step)
{
  switch (step)
    {
    case BB_COMPLAINT_INVESTIGATING:
      return _("What will be investigated, and by whom");
    case BB_COMPLAINT_HANDLED:
      return _("Measures taken");
    case BB_COMPLAINT_ANSWERED:
      return _("What the complainant was told, and how");
    default:
      return _("Note (optional)");
    }
}

static void
update_actions (BbComplaintsPage *self)
{
  gboolean ready = self->database != NULL && !self->acting;
  int step = self->detail != NULL ? next_step (self->detail->complaint) : -1;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->step_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.new",
                                 ready && can_receive (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.step",
                                 ready && can_handle (self) && step >= 0 &&
                                 (!step_text_required (step) || *trimmed != '\0'));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.print",
                                 self->database != NULL && can_handle (self) &&
                                 self->detail != NULL);
  gtk_widget_set_visible (self->step_box, can_handle (self) && step >= 0);
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value
                                                                                   : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
state_tag (const BbComplaint *complaint)
{
  GtkWidget *label = gtk_label_new (complaint->overdue ? _("Overdue")
                                                       : bb_complaint_state_label (complaint->state));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "bb-tag");
  if (complaint->overdue)
    gtk_widget_add_css_class (label, "bb-tag-overdue");
  return label;
}

/* Said in words beside the state, not by colour alone: the step to take
 * next is past its own deadline. */
static GtkWidget *
step_overdue_tag (const BbComplaint *complaint)
{
  /* Translators: a tag in the complaints list: the step to take next is
   * past its own time limit; %s is that step (调查, 处置…) */
  g_autofree char *text = g_strdup_printf (_("Late for “%s”"),
                                           bb_complaint_state_label (complaint->state + 1));
  /* Translators: the tooltip of that tag; %s is the step's deadline */
  g_autofree char *tooltip = g_strdup_printf (_("This step was due by %s"),
                                              complaint->step_due_date);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_add_css_class (label, "bb-tag");
  gtk_widget_add_css_class (label, "bb-tag-overdue");
  return label;
}

/* The detail */

static void
show_detail (BbComplaintsPage *self)
{
  const BbComplaint *c = self->detail->complaint;
  g_autofree char *received = format_time (c->received_at);
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *staff = NULL;
  int step = next_step (c);

  /* Translators: a complaint's heading: number · state */
  title = g_strdup_printf (_("%s · %s"), c->number, bb_complaint_state_label (c->state));
  gtk_label_set_text (self->title_label, title);

  clear_list (self->info_list);
  gtk_list_box_append (self->info_list, info_row (_("Received"), received));
  gtk_list_box_append (self->info_list, info_row (_("Channel"),
                                                  bb_complaint_channel_label (c->channel)));
  gtk_list_box_append (self->info_list, info_row (_("Complainant"), c->complainant));
  gtk_list_box_append (self->info_list, info_row (_("Contact"), c->contact));
  gtk_list_box_append (self->info_list, info_row (_("Case"), c->case_number));
  if (c->staff_number != NULL)
    staff = g_strdup_printf ("%s %s", c->staff_number, c->staff_name != NULL ? c->staff_name : "");
  gtk_list_box_append (self->info_list, info_row (_("Staff member"), staff));
  gtk_list_box_append (self->info_list, info_row (_("Content"), c->content));
  /* The limit it was given is not known for every complaint (0): then the
   * date says enough. */
  if (c->overdue)
    due = g_strdup_printf (_("%s (overdue)"), c->due_date);
  else if (c->limit_days > 0)
    due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d working day)",
                                        "%s (%d working days)", c->limit_days),
                           c->due_date, c->limit_days);
  else
    due = g_strdup (c->due_date);
  gtk_list_box_append (self->info_list, info_row (_("Answer due"), due));
  if (c->state < BB_COMPLAINT_ARCHIVED && c->step_due_date != NULL)
    {
      /* Translators: the deadline of a complaint's next step; %s is the step, %s the date */
      g_autofree char *next = g_strdup_printf (_("%s by %s%s"),
                                               bb_complaint_state_label (c->state + 1),
                                               c->step_due_date,
                                               c->step_overdue ? _(", overdue") : "");

      /* Translators: a complaint's detail: which step comes next and by when */
      gtk_list_box_append (self->info_list, info_row (_("Next step"), next));
    }

  clear_list (self->steps_list);
  for (guint i = 0; i < self->detail->steps->len; i++)
    {
      const BbComplaintStep *s = g_ptr_array_index (self->detail->steps, i);
      g_autofree char *at = format_time (s->at);
      g_autoptr(GString) subtitle = g_string_new (at);
      GtkWidget *row = adw_action_row_new ();

      if (s->staff_name != NULL)
        g_string_append_printf (subtitle, " · %s", s->staff_name);
      if (s->due_date != NULL)
        /* Translators: after a complaint step's time: its own deadline */
        g_string_append_printf (subtitle, _(" · due by %s"), s->due_date);
      if (s->body != NULL && *s->body != '\0')
        g_string_append_printf (subtitle, "\n%s", s->body);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_complaint_state_label (s->step));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (!s->on_time)
        {
          GtkWidget *late = gtk_label_new (_("Late"));

          gtk_widget_set_valign (late, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (late, "bb-tag");
          gtk_widget_add_css_class (late, "bb-tag-overdue");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
        }
      gtk_list_box_append (self->steps_list, row);
    }

  if (step >= 0)
    {
      /* Translators: the button that moves a complaint on; %s is the next step */
      g_autofree char *label = g_strdup_printf (_("Move to %s"), bb_complaint_state_label (step));

      gtk_button_set_label (self->step_button, label);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->step_entry),
                                     step_text_title (step));
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  update_actions (self);
}

static void
detail_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BbComplaintsPage *self = source;
  GError *error = NULL;
  BbComplaintDetail *detail;
  BbDatabase *db = g_object_get_data (G_OBJECT (task), "db");
  BbActor *actor = g_object_get_data (G_OBJECT (task), "actor");

  (void) self;
  detail = bb_complaint_repo_get_detail (db, actor, task_data, &error);
  if (detail == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, detail, (GDestroyNotify) bb_complaint_detail_free);
}

static void
detail_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  BbComplaintDetail *detail = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->info_list == NULL)
    {
      g_clear_pointer (&detail, bb_complaint_detail_free);
      return;
    }
  g_clear_object (&self->detail_cancellable);
  self->loading = FALSE;
  if (detail == NULL)
    show_toast (self, error->message);
  else
    {
      g_clear_pointer (&self->detail, bb_complaint_detail_free);
      self->detail = detail;
      show_detail (self);
    }
  set_busy (self);
}

static GTask *
new_task (BbComplaintsPage    *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_object_set_data_full (G_OBJECT (task), "db", g_object_ref (self->database), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "actor", bb_actor_copy (self->actor),
                          (GDestroyNotify) bb_actor_free);
  g_task_set_return_on_cancel (task, FALSE);
  return task;
}

static void
load_detail (BbComplaintsPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  if (self->selected == NULL || self->database == NULL || self->actor == NULL)
    {
      g_clear_pointer (&self->detail, bb_complaint_detail_free);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }
  self->detail_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  set_busy (self);
  task = new_task (self, self->detail_cancellable, detail_loaded_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->selected), g_free);
  g_task_run_in_thread (task, detail_thread);
}

/* The list */

static GtkWidget *
complaint_row (const BbComplaint *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *received = format_time (c->received_at);
  /* Translators: a complaint in the list: number · complainant */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), c->number, c->complainant);
  /* Translators: a complaint in the list: received · channel */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), received,
                                               bb_complaint_channel_label (c->channel));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (c->step_overdue && !c->overdue)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), step_overdue_tag (c));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_tag (c));
  g_object_set_data_full (G_OBJECT (row), "number", g_strdup (c->number), g_free);
  return row;
}

static void
fill_list (BbComplaintsPage *self)
{
  self->filling = TRUE;
  clear_list (self->list_box);
  for (guint i = 0; i < self->complaints->len; i++)
    {
      const BbComplaint *c = g_ptr_array_index (self->complaints, i);
      GtkWidget *row = complaint_row (c);

      gtk_list_box_append (self->list_box, row);
      if (g_strcmp0 (c->number, self->selected) == 0)
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, self->complaints->len > 0 ? "list"
                                                                                : "empty");
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  BbDatabase *db = g_object_get_data (G_OBJECT (task), "db");
  BbActor *actor = g_object_get_data (G_OBJECT (task), "actor");
  GPtrArray *list = bb_complaint_repo_list (db, actor, GPOINTER_TO_INT (task_data), 0,
                                            LIST_LIMIT, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *list = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->list_box == NULL)
    {
      g_clear_pointer (&list, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->cancellable);
  self->loading = self->detail_cancellable != NULL;
  if (list == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "unavailable");
    }
  else
    {
      g_clear_pointer (&self->complaints, g_ptr_array_unref);
      self->complaints = list;
      fill_list (self);
    }
  set_busy (self);
}

/* Moving to the next step */

typedef struct
{
  char             *number;
  BbComplaintState  to;
  char             *text;
  int               version;
} StepJob;

static void
step_job_free (StepJob *job)
{
  g_free (job->number);
  g_free (job->text);
  g_free (job);
}

static void
step_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StepJob *job = task_data;
  GError *error = NULL;
  BbDatabase *db = g_object_get_data (G_OBJECT (task), "db");
  BbActor *actor = g_object_get_data (G_OBJECT (task), "actor");
  BbComplaint *complaint = bb_complaint_repo_step (db, actor, job->number, job->to, job->text,
                                                   job->version, &error);

  if (complaint == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, complaint, (GDestroyNotify) bb_complaint_free);
}

static void
stepped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbComplaint) complaint = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->step_entry == NULL)
    return;
  self->acting = FALSE;
  if (complaint == NULL)
    /* What was typed stays in the entry. */
    show_toast (self, error->message);
  else
    {
      /* Translators: %s is a complaint number, then its new state */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), complaint->number,
                                                  bb_complaint_state_label (complaint->state));

      gtk_editable_set_text (GTK_EDITABLE (self->step_entry), "");
      show_toast (self, message);
      bb_complaints_page_reload (self);
    }
  update_actions (self);
  set_busy (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  StepJob *job;
  int step;

  if (self->detail == NULL || self->acting || self->database == NULL)
    return;
  step = next_step (self->detail->complaint);
  if (step < 0)
    return;
  job = g_new0 (StepJob, 1);
  job->number = g_strdup (self->detail->complaint->number);
  job->to = step;
  job->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->step_entry)));
  job->version = self->detail->complaint->version;
  self->acting = TRUE;
  update_actions (self);
  set_busy (self);
  task = new_task (self, NULL, stepped_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) step_job_free);
  g_task_run_in_thread (task, step_thread);
}

/* Printing the record */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->detail == NULL || self->database == NULL || self->actor == NULL)
    return;
  /* Read again in a thread, so that the record shows every step taken so
   * far, also from another workstation. */
  bb_print_complaint (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                      self->actor, self->detail->complaint->number);
}

/* The intake form */

typedef struct
{
  BbComplaintsPage *page;
  GtkWindow        *window;
  AdwComboRow      *channel_row;
  AdwEntryRow      *complainant_row;
  AdwEntryRow      *contact_row;
  AdwEntryRow      *case_row;
  AdwEntryRow      *staff_row;
  GtkTextView      *content_view;
  GtkLabel         *error_label;
  GtkButton        *receive_button;
  gboolean          saving;
} Intake;

static void
intake_free (Intake *intake)
{
  g_clear_object (&intake->page);
  g_free (intake);
}

static char *
intake_content (Intake *intake)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (intake->content_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr ("+-() ", *p))
        return FALSE;
    }
  return digits >= 5;
}

static void
mark (AdwEntryRow *row,
      gboolean     ok)
{
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* Checks the form as typed: the first problem is shown under it, and the
 * Receive button waits until there is none. */
static void
intake_check (Intake *intake)
{
  g_autofree char *complainant = g_strstrip (g_strdup (entry_text (intake->complainant_row)));
  g_autofree char *contact = g_strstrip (g_strdup (entry_text (intake->contact_row)));
  g_autofree char *content = intake_content (intake);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean contact_ok = TRUE;

  g_strstrip (content);
  if (*contact != '\0' && strchr (contact, '@') != NULL && strchr (contact, ' ') == NULL)
    contact_ok = bb_validate_email (contact, &error);
  else if (*contact != '\0' && looks_like_phone (contact))
    contact_ok = bb_validate_phone (contact, &error);
  mark (intake->contact_row, contact_ok);

  if (*complainant == '\0')
    message = g_strdup (_("Complainant: enter a name, or 匿名 for an anonymous complaint"));
  else if (!contact_ok)
    message = g_strdup_printf (_("Contact: %s"), error->message);
  else if (*content == '\0')
    message = g_strdup (_("Content: say what the complaint is about"));

  gtk_label_set_text (intake->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (intake->error_label), message != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (intake->receive_button),
                            message == NULL && !intake->saving);
}

static void
add_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  char **fields = task_data;
  BbComplaintDraft draft = {
    fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
  };
  GError *error = NULL;
  BbDatabase *db = g_object_get_data (G_OBJECT (task), "db");
  BbActor *actor = g_object_get_data (G_OBJECT (task), "actor");
  BbComplaint *complaint;

  for (guint i = 2; i < 5; i++)
    if (fields[i] != NULL && *g_strstrip (fields[i]) == '\0')
      g_clear_pointer (&fields[i], g_free);
  draft.contact = fields[2];
  draft.case_number = fields[3];
  draft.staff_number = fields[4];
  complaint = bb_complaint_repo_add (db, actor, &draft, &error);
  if (complaint == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, complaint, (GDestroyNotify) bb_complaint_free);
}

static void
fields_free (char **fields)
{
  for (guint i = 0; i < 6; i++)
    g_free (fields[i]);
  g_free (fields);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (source);
  Intake *intake = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbComplaint) complaint = g_task_propagate_pointer (G_TASK (result), &error);

  intake->saving = FALSE;
  if (complaint == NULL)
    {
      /* The form stays open with what was typed. */
      gtk_label_set_text (intake->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (intake->error_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (intake->receive_button), TRUE);
    }
  else if (self->list_box != NULL)
    {
      /* Translators: %s is the new complaint's number */
      g_autofree char *message = g_strdup_printf (_("Complaint %s received"), complaint->number);

      show_toast (self, message);
      g_free (self->selected);
      self->selected = g_strdup (complaint->number);
      bb_complaints_page_reload (self);
      gtk_window_destroy (intake->window);
    }
  g_object_unref (intake->window);
}

static void
receive_clicked_cb (GtkButton *button,
                    Intake    *intake)
{
  BbComplaintsPage *self = intake->page;
  g_autoptr(GTask) task = NULL;
  char **fields;
  guint channel = adw_combo_row_get_selected (intake->channel_row);

  if (intake->saving || self->database == NULL || self->actor == NULL)
    return;
  fields = g_new0 (char *, 6);
  fields[0] = g_strdup (channels[MIN (channel, G_N_ELEMENTS (channels) - 1)]);
  fields[1] = g_strstrip (g_strdup (entry_text (intake->complainant_row)));
  fields[2] = g_strdup (entry_text (intake->contact_row));
  fields[3] = g_strdup (entry_text (intake->case_row));
  fields[4] = g_strdup (entry_text (intake->staff_row));
  fields[5] = intake_content (intake);
  intake->saving = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (intake->receive_button), FALSE);
  task = new_task (self, NULL, added_cb, intake);
  g_task_set_task_data (task, fields, (GDestroyNotify) fields_free);
  g_task_set_source_tag (task, receive_clicked_cb);
  /* The window (which owns the Intake) lives until the task is done. */
  g_object_ref (intake->window);
  g_task_run_in_thread (task, add_thread);
}

static AdwEntryRow *
entry_row (GtkListBox *list,
           const char *title,
           const char *name,
           Intake     *intake)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (intake_check), intake);
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWindow *
intake_window (BbComplaintsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Intake *intake = g_new0 (Intake, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = gtk_label_new (_("New Complaint"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *receive = gtk_button_new_with_mnemonic (_("_Receive"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *channel = adw_combo_row_new ();
  GtkWidget *content_label = gtk_label_new (_("Content"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *error = gtk_label_new (NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  intake->page = g_object_ref (self);
  intake->window = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "intake", intake, (GDestroyNotify) intake_free);

  gtk_window_set_title (GTK_WINDOW (window), _("New Complaint"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 620);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  gtk_widget_add_css_class (title, "title");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), receive);
  gtk_widget_add_css_class (receive, "suggested-action");
  gtk_widget_set_name (receive, "receive_button");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (receive, "clicked", G_CALLBACK (receive_clicked_cb), intake);
  intake->receive_button = GTK_BUTTON (receive);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_vexpand (content, TRUE);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (labels, bb_complaint_channel_label (channels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (channel), _("Channel"));
  adw_combo_row_set_model (ADW_COMBO_ROW (channel), G_LIST_MODEL (labels));
  gtk_widget_set_name (channel, "channel_row");
  gtk_list_box_append (GTK_LIST_BOX (list), channel);
  intake->channel_row = ADW_COMBO_ROW (channel);
  intake->complainant_row = entry_row (GTK_LIST_BOX (list), _("Complainant"), "complainant_row",
                                       intake);
  intake->contact_row = entry_row (GTK_LIST_BOX (list), _("Contact (phone, e-mail or address)"),
                                   "contact_row", intake);
  intake->case_row = entry_row (GTK_LIST_BOX (list), _("Case number (optional)"), "case_row",
                                intake);
  intake->staff_row = entry_row (GTK_LIST_BOX (list), _("Staff number (optional)"),
                                 "staff_row", intake);
  gtk_box_append (GTK_BOX (content), list);

  gtk_label_set_xalign (GTK_LABEL (content_label), 0);
  gtk_widget_add_css_class (content_label, "heading");
  gtk_box_append (GTK_BOX (content), content_label);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_name (view, "content_view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Content"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (intake_check), intake);
  intake->content_view = GTK_TEXT_VIEW (view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (content), frame);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_name (error, "intake_error_label");
  intake->error_label = GTK_LABEL (error);
  gtk_box_append (GTK_BOX (content), error);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  intake_check (intake);
  return GTK_WINDOW (window);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  bb_complaints_page_new_complaint (BB_COMPLAINTS_PAGE (widget));
}

/* Signal callbacks */

static void
state_changed_cb (BbComplaintsPage *self)
{
  bb_complaints_page_reload (self);
}

static void
row_selected_cb (BbComplaintsPage *self,
                 GtkListBoxRow    *row)
{
  const char *number;

  if (self->filling || row == NULL)
    return;
  number = g_object_get_data (G_OBJECT (row), "number");
  if (g_strcmp0 (number, self->selected) == 0 && self->detail != NULL)
    return;
  g_free (self->selected);
  self->selected = g_strdup (number);
  gtk_editable_set_text (GTK_EDITABLE (self->step_entry), "");
  load_detail (self);
}

static void
step_text_changed_cb (BbComplaintsPage *self)
{
  update_actions (self);
}

/* Overrides */

static void
bb_complaints_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, bb_complaints_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_complaints_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_complaints_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_ACTOR:
      bb_complaints_page_set_actor (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_complaints_page_dispose (GObject *object)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->detail_cancellable);
  /* AdwBin keeps its own pointer to the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_COMPLAINTS_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (bb_complaints_page_parent_class)->dispose (object);
}

static void
bb_complaints_page_finalize (GObject *object)
{
  BbComplaintsPage *self = BB_COMPLAINTS_PAGE (object);

  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  g_clear_pointer (&self->detail, bb_complaint_detail_free);
  g_free (self->selected);

  G_OBJECT_CLASS (bb_complaints_page_parent_class)->finalize (object);
}

static void
bb_complaints_page_class_init (BbComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bb_complaints_page_get_property;
  object_class->set_property = bb_complaints_page_set_property;
  object_class->dispose = bb_complaints_page_dispose;
  object_class->finalize = bb_complaints_page_finalize;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, state_drop);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, info_list);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, step_box);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, step_entry);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, step_button);
  gtk_widget_class_bind_template_child (widget_class, BbComplaintsPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_text_changed_cb);

  gtk_widget_class_install_action (widget_class, "complaints.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "complaints.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "complaints.print", NULL, print_action);
}

static void
bb_complaints_page_init (BbComplaintsPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_complaint_free);
  /* Translators: the complaint list's filter: every state */
  gtk_string_list_append (states, _("All states"));
  for (int i = 0; i < BB_N_COMPLAINT_STATES; i++)
    gtk_string_list_append (states, bb_complaint_state_label (i));
  gtk_drop_down_set_model (self->state_drop, G_LIST_MODEL (states));
  update_actions (self);
}

/* Public API */

BbComplaintsPage *
bb_complaints_page_new (BbDatabase    *database,
                        const BbActor *actor)
{
  return g_object_new (BB_TYPE_COMPLAINTS_PAGE, "database", database, "actor", actor, NULL);
}

BbDatabase *
bb_complaints_page_get_database (BbComplaintsPage *self)
{
  g_return_val_if_fail (BB_IS_COMPLAINTS_PAGE (self), NULL);
  return self->database;
}

void
bb_complaints_page_set_database (BbComplaintsPage *self,
                                 BbDatabase       *database)
{
  g_return_if_fail (BB_IS_COMPLAINTS_PAGE (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  bb_complaints_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const BbActor *
bb_complaints_page_get_actor (BbComplaintsPage *self)
{
  g_return_val_if_fail (BB_IS_COMPLAINTS_PAGE (self), NULL);
  return self->actor;
}

void
bb_complaints_page_set_actor (BbComplaintsPage *self,
                              const BbActor    *actor)
{
  g_return_if_fail (BB_IS_COMPLAINTS_PAGE (self));

  if (self->actor == NULL && actor == NULL)
    return;
  if (self->actor != NULL && actor != NULL && self->actor->staff_id == actor->staff_id &&
      self->actor->role == actor->role)
    return;
  g_clear_pointer (&self->actor, bb_actor_free);
  self->actor = actor != NULL ? bb_actor_copy (actor) : NULL;
  bb_complaints_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gboolean
bb_complaints_page_get_busy (BbComplaintsPage *self)
{
  g_return_val_if_fail (BB_IS_COMPLAINTS_PAGE (self), FALSE);
  return self->loading || self->acting;
}

/**
 * bb_complaints_page_reload:
 *
 * Reads the list (of the state chosen) and the selected complaint again,
 * in threads.
 */
void
bb_complaints_page_reload (BbComplaintsPage *self)
{
  g_autoptr(GTask) task = NULL;
  guint selected;

  g_return_if_fail (BB_IS_COMPLAINTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (self->database == NULL || self->actor == NULL)
    {
      g_ptr_array_set_size (self->complaints, 0);
      fill_list (self);
      load_detail (self);
      return;
    }
  if (!can_handle (self))
    {
      gtk_stack_set_visible_child_name (self->list_stack, "denied");
      g_clear_pointer (&self->selected, g_free);
      load_detail (self);
      return;
    }
  selected = gtk_drop_down_get_selected (self->state_drop);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  set_busy (self);
  task = new_task (self, self->cancellable, listed_cb, NULL);
  g_task_set_task_data (task, GINT_TO_POINTER (selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                               ? -1 : (int) selected - 1), NULL);
  g_task_run_in_thread (task, list_thread);
  load_detail (self);
}

guint
bb_complaints_page_get_n_shown (BbComplaintsPage *self)
{
  g_return_val_if_fail (BB_IS_COMPLAINTS_PAGE (self), 0);
  return self->complaints->len;
}

/**
 * bb_complaints_page_select:
 *
 * Shows a complaint's detail.
 */
void
bb_complaints_page_select (BbComplaintsPage *self,
                           const char       *number)
{
  g_return_if_fail (BB_IS_COMPLAINTS_PAGE (self));

  if (g_strcmp0 (self->selected, number) == 0 && self->detail != NULL)
    return;
  g_free (self->selected);
  self->selected = g_strdup (number);
  self->filling = TRUE;
  gtk_list_box_unselect_all (self->list_box);
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "number"), number) == 0)
        gtk_list_box_select_row (self->list_box, row);
    }
  self->filling = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->step_entry), "");
  load_detail (self);
}

/**
 * bb_complaints_page_get_detail:
 *
 * Returns: (nullable): the complaint shown, with its steps
 */
const BbComplaintDetail *
bb_complaints_page_get_detail (BbComplaintsPage *self)
{
  g_return_val_if_fail (BB_IS_COMPLAINTS_PAGE (self), NULL);
  return self->detail;
}

/**
 * bb_complaints_page_new_complaint:
 *
 * Opens the intake form.
 *
 * Returns: (transfer none) (nullable): the form's window
 */
GtkWindow *
bb_complaints_page_new_complaint (BbComplaintsPage *self)
{
  GtkWindow *window;

  g_return_val_if_fail (BB_IS_COMPLAINTS_PAGE (self), NULL);

  if (self->database == NULL || !can_receive (self))
    return NULL;
  window = intake_window (self);
  gtk_window_present (window);
  return window;
}
