/* bb-case-view.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One case, as the dashboard shows it beside the list: a status strip
 * (number, kind, state, deadline countdown, responsible staff), the client
 * (ID number masked unless revealed, each reveal audited), the matter and
 * its materials checklist, the departments involved, the timeline newest
 * first, and an action bar with exactly the actions the workflow allows
 * this case and the signed-in person.
 *
 * Everything is read in a worker thread (bb_case_repo_get_detail) and
 * copied in; ticking a material runs the `materials` action with the
 * version shown. Other actions open a BbCaseActionDialog. A case with a
 * rectification (整改, after a bad evaluation) shows it with its deadline,
 * responsible person, measures and return visit, and the buttons that open
 * a BbRectificationDialog for the next step.
 *
 * The Print menu in the strip offers the case's forms that apply to it
 * (the acceptance slip, the one-time notice, the handover receipt); each
 * is loaded afresh through core by bb_print_*() and shown in the preview.
 */

#define G_LOG_DOMAIN "bb-case-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-case-snapshot.h"
#include "bb-case-view.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-clock.h"
#include "bb-error.h"
#include "bb-print.h"
#include "bb-rectification-dialog.h"
#include "bb-rectification-repo.h"
#include "bb-validate.h"

/* Show progress only for what takes longer than this. */
#define PROGRESS_DELAY_MS 200

struct _BbCaseView
{
  AdwBin           parent_instance;

  BbApplication   *application;
  char            *number;
  BbCaseDetail    *detail;
  GPtrArray       *rectifications;  /* BbRectificationEntry, newest first */
  GCancellable    *cancellable;
  guint            progress_id;
  gboolean         loading;
  gint64           revealed_case_id;
  char            *message;
  guint            materials_busy;
  gboolean         updating;

  GtkStack        *stack;         /* the child: not a bound template child */
  GtkSpinner      *loading_spinner;
  AdwStatusPage   *error_page;
  GtkWidget       *strip;
  GtkLabel        *number_label;
  GtkLabel        *kind_label;
  GtkLabel        *state_label;
  GtkWidget       *green_badge;
  GtkSpinner      *reload_spinner;
  GtkImage        *deadline_icon;
  GtkLabel        *deadline_label;
  GtkLabel        *responsible_label;
  GtkRevealer     *alert_revealer;
  GtkWidget       *alert_box;
  GtkImage        *alert_icon;
  GtkLabel        *alert_label;
  GtkScrolledWindow *scroller;
  AdwActionRow    *client_row;
  AdwActionRow    *id_row;
  GtkWidget       *reveal_button;
  AdwActionRow    *phone_row;
  AdwPreferencesGroup *matter_group;
  AdwActionRow    *matter_row;
  AdwActionRow    *handling_row;
  GtkListBox      *materials_list;
  GtkListBox      *departments_list;
  GtkWidget       *rectification_group;
  GtkListBox      *rectification_list;
  GtkListBox      *timeline_list;
  GtkBox          *start_box;
  GtkBox          *end_box;
  GtkWidget       *more_button;
  GMenu           *more_menu;
  GtkWidget       *print_button;
  GMenu           *print_menu;
  GtkWidget       *notice_button;
};

G_DEFINE_FINAL_TYPE (BbCaseView, bb_case_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_NUMBER,
  PROP_LOADING,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (BbCaseView *self);

static BbDatabase *
get_database (BbCaseView *self)
{
  return self->application ? bb_application_get_database (self->application) : NULL;
}

static const BbActor *
get_actor (BbCaseView *self)
{
  return bb_application_get_actor (self->application);
}

static void
set_loading (BbCaseView *self,
             gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_alert (BbCaseView *self,
            const char *css_class,
            const char *text)
{
  gtk_widget_remove_css_class (self->alert_box, "warning");
  gtk_widget_remove_css_class (self->alert_box, "error");
  gtk_widget_add_css_class (self->alert_box, css_class);
  gtk_image_set_from_icon_name (self->alert_icon, g_str_equal (css_class, "error")
                                                  ? "dialog-error-symbolic"
                                                  : "dialog-warning-symbolic");
  gtk_label_set_label (self->alert_label, text);
  gtk_revealer_set_reveal_child (self->alert_revealer, TRUE);
  g_free (self->message);
  self->message = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
hide_alert (BbCaseView *self)
{
  gtk_revealer_set_reveal_child (self->alert_revealer, FALSE);
  if (self->message != NULL)
    {
      g_clear_pointer (&self->message, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
}

static void
remove_all_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static char *
format_instant (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, bb_clock_get_time_zone ());
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* Whether the signed-in person may take @action on @kase (core checks it
 * again: this only decides what is offered). */
static gboolean
may_act (const BbActor *actor,
         const BbCase  *kase,
         BbAction       action)
{
  if (action == BB_ACTION_REASSIGN)
    return bb_actor_can (actor, BB_PERM_CASE_ASSIGN);
  if (bb_actor_can (actor, BB_PERM_CASE_ACT_ANY))
    return TRUE;
  if (!bb_actor_can (actor, BB_PERM_CASE_ACT_OWN))
    return FALSE;
  return kase->responsible_id == 0 || kase->responsible_id == actor->staff_id;
}

static gboolean
may_reveal (const BbActor *actor,
            const BbCase  *kase)
{
  return kase->client_id_revealed &&
         (bb_actor_can (actor, BB_PERM_VIEW_ID_ANY) ||
          (actor->staff_id != 0 && actor->staff_id == kase->responsible_id));
}

/* Status strip */

static void
update_strip (BbCaseView *self)
{
  const BbCase *kase = self->detail->kase;
  g_autofree char *deadline = NULL;
  g_autofree char *responsible = NULL;
  const char *icon = "x-office-calendar-symbolic";
  const char *tone = NULL;

  gtk_label_set_label (self->number_label, kase->number);
  gtk_label_set_label (self->kind_label, bb_case_kind_label (kase->kind));
  gtk_label_set_label (self->state_label, bb_case_state_label (kase->state));
  gtk_widget_set_visible (self->green_badge,
                          kase->priority > 0 ||
                          g_strcmp0 (kase->client_category, BB_CATEGORY_MILITARY) == 0);

  if (kase->state == BB_STATE_SUSPENDED)
    {
      icon = "media-playback-pause-symbolic";
      /* Translators: the status strip of a suspended case */
      deadline = g_strdup_printf (_("Suspended: the clock is stopped; resume by %s"),
                                  or_dash (kase->resume_by));
    }
  else if (kase->deadline_running && kase->deadline_state == BB_DEADLINE_OVERDUE)
    {
      icon = "dialog-warning-symbolic";
      tone = "overdue";
      deadline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Overdue by %d working day (deadline %s)",
                                               "Overdue by %d working days (deadline %s)",
                                               -kase->remaining_days),
                                  -kase->remaining_days, kase->deadline);
    }
  else if (kase->deadline_running && kase->deadline_state == BB_DEADLINE_DUE_SOON)
    {
      icon = "alarm-symbolic";
      tone = "due-soon";
      if (kase->remaining_days <= 0)
        deadline = g_strdup_printf (_("Due soon: the deadline is today (%s)"), kase->deadline);
      else
        deadline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Due soon: %d working day left (deadline %s)",
                                                 "Due soon: %d working days left (deadline %s)",
                                                 kase->remaining_days),
                                    kase->remaining_days, kase->deadline);
    }
  else if (kase->deadline_running)
    deadline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d working day left (deadline %s)",
                                             "%d working days left (deadline %s)",
                                             kase->remaining_days),
                                kase->remaining_days, kase->deadline);
  else if (kase->deadline != NULL)
    deadline = g_strdup_printf (_("Deadline %s"), kase->deadline);
  else
    deadline = g_strdup (_("No deadline yet: the limit runs from acceptance"));

  gtk_image_set_from_icon_name (self->deadline_icon, icon);
  gtk_label_set_label (self->deadline_label, deadline);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_label), deadline);
  gtk_widget_remove_css_class (self->strip, "due-soon");
  gtk_widget_remove_css_class (self->strip, "overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "due-soon");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "overdue");
  if (tone != NULL)
    {
      gtk_widget_add_css_class (self->strip, tone);
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), tone);
    }

  if (kase->responsible_name != NULL)
    /* Translators: the status strip: the responsible staff member (第一责任人) and number */
    responsible = g_strdup_printf (_("Responsible: %s (%s)"), kase->responsible_name,
                                   or_dash (kase->responsible_number));
  else
    responsible = g_strdup (_("Responsible: not assigned yet"));
  gtk_label_set_label (self->responsible_label, responsible);
}

/* Client, matter */

static void
update_client (BbCaseView *self)
{
  const BbCase *kase = self->detail->kase;
  const BbActor *actor = get_actor (self);
  g_autofree char *subtitle = NULL;
  g_autofree char *masked = NULL;
  gboolean revealed = self->revealed_case_id == kase->id;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row),
                                 or_dash (kase->client_name));
  subtitle = g_strdup_printf ("%s · %s",
                              kase->client_kind ? bb_client_kind_label (kase->client_kind) : "—",
                              kase->client_category
                              ? bb_client_category_label (kase->client_category) : "—");
  adw_action_row_set_subtitle (self->client_row, subtitle);

  if (kase->client_id_number != NULL && *kase->client_id_number != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_row), _("ID number"));
      masked = revealed ? g_strdup (kase->client_id_number)
                        : bb_mask_id_number (kase->client_id_number);
      adw_action_row_set_subtitle (self->id_row, masked);
      gtk_widget_set_visible (self->reveal_button, !revealed && may_reveal (actor, kase));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_row),
                                     _("Unified social credit code"));
      adw_action_row_set_subtitle (self->id_row, or_dash (kase->client_credit_code));
      gtk_widget_set_visible (self->reveal_button, FALSE);
    }
  adw_action_row_set_subtitle (self->phone_row, or_dash (kase->client_phone));
}

static void
update_matter (BbCaseView *self)
{
  const BbCase *kase = self->detail->kase;
  g_autoptr(GString) handling = g_string_new (NULL);
  g_autofree char *accepted = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->matter_row), or_dash (kase->matter));
  adw_action_row_set_subtitle (self->matter_row, kase->reason ? kase->reason : "");

  g_string_append (handling, kase->mode ? bb_case_mode_label (kase->mode) : "—");
  if (kase->channel != NULL)
    g_string_append_printf (handling, " · %s", bb_case_channel_label (kase->channel));
  if (kase->area != NULL)
    g_string_append_printf (handling, " · %s", bb_case_area_label (kase->area));
  if (kase->limit_days > 0)
    {
      g_string_append_c (handling, '\n');
      g_string_append_printf (handling,
                              g_dngettext (GETTEXT_PACKAGE, "Promised limit: %d working day",
                                           "Promised limit: %d working days", kase->limit_days),
                              kase->limit_days);
    }
  if (kase->accepted_at != 0)
    {
      accepted = format_instant (kase->accepted_at);
      g_string_append_c (handling, '\n');
      /* Translators: who accepted the commission, and when */
      g_string_append_printf (handling, _("Accepted by %s on %s"),
                              or_dash (kase->accepted_by_name), accepted);
    }
  if (kase->result != NULL)
    {
      g_string_append_c (handling, '\n');
      g_string_append_printf (handling, _("Result: %s"), kase->result);
    }
  if (kase->archive_number != NULL)
    {
      g_string_append_c (handling, '\n');
      g_string_append_printf (handling, _("Archive number: %s"), kase->archive_number);
    }
  adw_action_row_set_subtitle (self->handling_row, handling->str);
}

/* Materials checklist */

typedef struct
{
  BbDatabase     *database;
  BbActor        *actor;
  BbCaseSnapshot *snapshot;
  BbCaseAction   *action;
  BbCaseDetail   *after;    /* read again after a conflict */
} MaterialsAct;

static void
materials_act_free (MaterialsAct *act)
{
  g_clear_object (&act->database);
  bb_actor_free (act->actor);
  bb_case_snapshot_free (act->snapshot);
  bb_case_action_free (act->action);
  g_clear_pointer (&act->after, bb_case_detail_free);
  g_free (act);
}

static void
materials_act_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  MaterialsAct *act = task_data;
  GError *error = NULL;
  g_autoptr(BbCase) kase = NULL;

  kase = bb_case_repo_act (act->database, act->actor, act->snapshot->kase->number, act->action,
                           act->snapshot->kase->version, &error);
  if (kase != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT))
    act->after = bb_case_repo_get_detail (act->database, act->actor,
                                          act->snapshot->kase->number, NULL);
  g_task_return_error (task, error);
}

static void
materials_acted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BbCaseView *self = BB_CASE_VIEW (source);
  MaterialsAct *act = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->materials_busy--;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      hide_alert (self);
      g_signal_emit (self, signals[CHANGED], 0);
      load (self);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT))
    {
      g_autofree char *changes = NULL;
      g_autofree char *text = NULL;

      changes = act->after ? bb_case_snapshot_changes (act->snapshot, act->after) : g_strdup ("");
      text = g_strdup_printf ("%s\n%s%s%s", _("Someone else changed this case first: the tick "
                                              "was not saved. The case now shows their "
                                              "changes; tick again if it still applies."),
                              *changes ? _("What changed:") : "", *changes ? "\n" : "", changes);
      show_alert (self, "warning", text);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else
    show_alert (self, "error", error->message);

  /* The tick goes back to what the database holds. */
  load (self);
}

static void
material_toggled_cb (GtkCheckButton *check,
                     BbCaseView     *self)
{
  g_autoptr(GTask) task = NULL;
  const char *name = g_object_get_data (G_OBJECT (check), "material");
  char *names[] = { (char *) name, NULL };
  MaterialsAct *act;

  if (self->updating || self->detail == NULL || get_database (self) == NULL)
    return;

  act = g_new0 (MaterialsAct, 1);
  act->database = g_object_ref (get_database (self));
  act->actor = bb_actor_copy (get_actor (self));
  act->snapshot = bb_case_snapshot_new (self->detail);
  act->action = bb_case_action_new (BB_ACTION_MATERIALS);
  if (gtk_check_button_get_active (check))
    act->action->present = g_strdupv (names);
  else
    act->action->missing = g_strdupv (names);

  /* Until the answer comes the row cannot be ticked again. */
  gtk_widget_set_sensitive (GTK_WIDGET (check), FALSE);
  self->materials_busy++;

  task = g_task_new (self, self->cancellable, materials_acted_cb, NULL);
  g_task_set_source_tag (task, material_toggled_cb);
  g_task_set_task_data (task, act, (GDestroyNotify) materials_act_free);
  g_task_run_in_thread (task, materials_act_thread);
}

static void
update_materials (BbCaseView *self)
{
  const BbCase *kase = self->detail->kase;
  GPtrArray *materials = self->detail->materials;
  gboolean may_tick = bb_workflow_is_allowed (kase->kind, kase->state, BB_ACTION_MATERIALS) &&
                      may_act (get_actor (self), kase, BB_ACTION_MATERIALS);
  guint present = 0;
  g_autofree char *description = NULL;

  remove_all_children (GTK_WIDGET (self->materials_list));
  for (guint i = 0; materials != NULL && i < materials->len; i++)
    {
      const BbCaseMaterial *material = g_ptr_array_index (materials, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);
      BbMaterialForm form;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->name);
      if (material->form != NULL && bb_material_form_from_string (material->form, &form))
        g_string_append (subtitle, bb_material_form_label (form));
      if (material->copies > 1)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d copy", "%d copies",
                                                         material->copies),
                                  material->copies);
        }
      if (material->how_to_obtain != NULL && *material->how_to_obtain != '\0')
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, material->how_to_obtain);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), material->present);
      gtk_widget_set_sensitive (check, may_tick);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, material->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      material->name, -1);
      g_object_set_data_full (G_OBJECT (check), "material", g_strdup (material->name), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (material_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      if (may_tick)
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (!material->present)
        {
          GtkWidget *missing = gtk_label_new (_("Missing"));

          gtk_widget_add_css_class (missing, "case-pill");
          gtk_widget_add_css_class (missing, "material-missing");
          gtk_widget_set_valign (missing, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), missing);
        }
      else
        present++;
      gtk_list_box_append (self->materials_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->materials_list), materials != NULL && materials->len > 0);
  if (materials != NULL && materials->len > 0)
    /* Translators: the materials checklist's summary */
    description = g_strdup_printf (_("%u of %u materials present"), present, materials->len);
  else
    description = g_strdup (_("The matter requires no materials"));
  adw_preferences_group_set_description (self->matter_group, description);
}

/* Departments, timeline */

static void
update_departments (BbCaseView *self)
{
  GPtrArray *departments = self->detail->departments;

  remove_all_children (GTK_WIDGET (self->departments_list));
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      const BbCaseDepartment *department = g_ptr_array_index (departments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (or_dash (department->status));
      g_autofree char *when = format_instant (department->updated_at);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), department->name);
      subtitle = department->note && *department->note
                 ? g_strdup_printf ("%s · %s", when, department->note) : g_strdup (when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (status, "case-pill");
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_append (self->departments_list, row);
    }
  if (departments == NULL || departments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No department involved yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->departments_list, row);
    }
}

static void
update_timeline (BbCaseView *self)
{
  GPtrArray *events = self->detail->events;

  remove_all_children (GTK_WIDGET (self->timeline_list));
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const BbCaseEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = bb_case_event_title (event);
      g_autofree char *when = format_instant (event->at);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Translators: a timeline entry's line: when, then who */
      g_string_printf (subtitle, _("%s · %s"), when, or_dash (event->staff_name));
      if (event->body != NULL && *event->body != '\0')
        g_string_append_printf (subtitle, "\n%s", event->body);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->timeline_list, row);
    }
}

/* Rectification */

static GtkWidget *
new_step_button (const char *label,
                 const char *action_name,
                 gint64      id,
                 gboolean    sensitive,
                 const char *why_not)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The action would make it sensitive again: an insensitive button has none. */
  if (sensitive)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
    }
  else
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, why_not);
    }
  return button;
}

static GtkWidget *
new_overdue_pill (void)
{
  GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  /* Translators: a rectification past its deadline */
  GtkWidget *label = gtk_label_new (_("Overdue"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overdue"), -1);
  gtk_widget_add_css_class (pill, "case-pill");
  gtk_widget_add_css_class (pill, "overdue");
  gtk_widget_add_css_class (icon, "overdue");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (pill), icon);
  gtk_box_append (GTK_BOX (pill), label);
  return pill;
}

static GtkWidget *
new_info_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
update_rectifications (BbCaseView *self)
{
  const BbActor *actor = get_actor (self);
  GPtrArray *list = self->rectifications;

  remove_all_children (GTK_WIDGET (self->rectification_list));
  gtk_widget_set_visible (self->rectification_group, list != NULL && list->len > 0);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const BbRectificationEntry *r = g_ptr_array_index (list, i);
      gboolean allowed = bb_rectification_may_handle (actor, r);
      const char *not_allowed = _("Only the responsible staff member, a team leader or a "
                                  "manager may record this");
      g_autoptr(GString) status = g_string_new (NULL);
      g_autoptr(GString) visit = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;

      /* Translators: a rectification's heading: its state and deadline */
      title = g_strdup_printf (_("%s · deadline %s"), bb_rectification_state_label (r->state),
                               r->deadline);
      if (r->responsible_name != NULL)
        g_string_append_printf (status, _("Responsible: %s (%s)"), r->responsible_name,
                                or_dash (r->responsible_number));
      else
        g_string_append (status, _("Responsible: not assigned yet"));
      if (r->comment != NULL && *r->comment != '\0')
        {
          g_string_append_c (status, '\n');
          /* Translators: what the client wrote with the bad evaluation */
          g_string_append_printf (status, _("Client's comment: %s"), r->comment);
        }
      row = new_info_row (title, status->str);
      gtk_widget_set_name (row, "rectification-status");
      if (r->overdue)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_overdue_pill ());
      gtk_list_box_append (self->rectification_list, row);

      /* Team leaders and managers give it to someone else (core checks). */
      if (r->state != BB_RECTIFICATION_CLOSED && bb_actor_can (actor, BB_PERM_CASE_ASSIGN))
        {
          GtkWidget *button = new_step_button (_("Rea_ssign…"), "case.reassign-rectification",
                                               r->id, TRUE, NULL);

          row = new_info_row (_("Another responsible person"),
                              _("Give this rectification to another staff member, saying why"));
          gtk_widget_set_name (button, "reassign-rectification");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          gtk_list_box_append (self->rectification_list, row);
        }

      row = new_info_row (_("Measures taken"), r->measures ? r->measures : _("Not recorded yet"));
      if (r->state == BB_RECTIFICATION_OPEN)
        {
          GtkWidget *button = new_step_button (_("Record _Measures…"), "case.record-measures",
                                               r->id, allowed, not_allowed);

          gtk_widget_set_name (button, "record-measures");
          gtk_widget_add_css_class (button, "suggested-action");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->rectification_list, row);

      if (r->return_visit != NULL)
        {
          g_autofree char *when = format_instant (r->return_visit_at);

          g_string_append (visit, r->return_visit);
          g_string_append_c (visit, '\n');
          g_string_append (visit, when);
          if (bb_visit_channel_label (r->visit_channel) != NULL)
            g_string_append_printf (visit, " · %s", bb_visit_channel_label (r->visit_channel));
          if (r->visit_satisfied == 1)
            g_string_append_printf (visit, " · %s", _("client satisfied"));
          else if (r->visit_satisfied == 0)
            g_string_append_printf (visit, " · %s", _("client still dissatisfied"));
        }
      else
        g_string_append (visit, r->state == BB_RECTIFICATION_OPEN
                                ? _("Not made yet: it comes after the measures")
                                : _("Not made yet"));
      row = new_info_row (_("Return visit"), visit->str);
      if (r->state != BB_RECTIFICATION_CLOSED)
        {
          gboolean ready = r->state == BB_RECTIFICATION_MEASURES;
          GtkWidget *button = new_step_button (_("Record Return _Visit…"), "case.record-visit",
                                               r->id, ready && allowed,
                                               !ready ? _("Record the measures taken first")
                                                      : not_allowed);

          gtk_widget_set_name (button, "record-visit");
          if (ready)
            gtk_widget_add_css_class (button, "suggested-action");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->rectification_list, row);
    }
}

/* Printing */

/* The forms a case can print, in the order the menu offers them. */
static const struct
{
  const char *name;
  const char *label;
} print_forms[] = {
  /* Translators: the case view's Print menu: table A.2, 代办事项受理单 */
  { "slip", N_("_Acceptance Slip") },
  /* Translators: the case view's Print menu: 一次性告知单 */
  { "notice", N_("One-_Time Notice of Missing Materials") },
  /* Translators: the case view's Print menu: 交接证明 */
  { "handover", N_("_Handover Receipt") },
};

static gboolean
has_missing_material (const BbCaseDetail *detail)
{
  for (guint i = 0; detail->materials != NULL && i < detail->materials->len; i++)
    {
      const BbCaseMaterial *material = g_ptr_array_index (detail->materials, i);

      if (!material->present)
        return TRUE;
    }
  return FALSE;
}

/* Whether @form applies to @detail as it stands (what bb_print_*() would
 * refuse is not offered):
 *  - the slip (table A.2): a 代办 case once accepted, or refused (the slip
 *    then carries the reason);
 *  - the one-time notice: materials marked missing while the checklist is
 *    still worked on (or the case waits for them, suspended);
 *  - the handover receipt: once something was handed over. */
static gboolean
form_applies (const BbCaseDetail *detail,
              const char         *form)
{
  const BbCase *kase = detail->kase;

  if (g_str_equal (form, "slip"))
    return kase->kind == BB_CASE_PROXY &&
           (kase->accepted_at > 0 || kase->state == BB_STATE_REFUSED);
  if (g_str_equal (form, "notice"))
    return has_missing_material (detail) &&
           (bb_workflow_is_allowed (kase->kind, kase->state, BB_ACTION_MATERIALS) ||
            kase->state == BB_STATE_SUSPENDED);
  if (g_str_equal (form, "handover"))
    return detail->handovers != NULL && detail->handovers->len > 0;
  return FALSE;
}

static void
update_print (BbCaseView *self)
{
  guint n_forms;

  g_menu_remove_all (self->print_menu);
  for (guint i = 0; i < G_N_ELEMENTS (print_forms); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!form_applies (self->detail, print_forms[i].name))
        continue;
      item = g_menu_item_new (_(print_forms[i].label), NULL);
      g_menu_item_set_action_and_target (item, "case.print", "s", print_forms[i].name);
      g_menu_append_item (self->print_menu, item);
    }
  n_forms = g_menu_model_get_n_items (G_MENU_MODEL (self->print_menu));
  gtk_widget_set_visible (self->print_button, n_forms > 0);
  gtk_widget_set_visible (self->notice_button, form_applies (self->detail, "notice"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print", n_forms > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print-menu", n_forms > 0);
}

/* Action bar */

static GtkWidget *
new_action_button (BbAction action,
                   gboolean suggested)
{
  GtkWidget *button = gtk_button_new_with_label (bb_action_label (action));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.act");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", bb_action_to_string (action));
  gtk_widget_set_name (button, bb_action_to_string (action));
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  if (action == BB_ACTION_REFUSE || action == BB_ACTION_TERMINATE)
    gtk_widget_add_css_class (button, "destructive-action");
  return button;
}

static void
update_actions (BbCaseView *self)
{
  const BbCase *kase = self->detail->kase;
  const BbActor *actor = get_actor (self);
  g_autoptr(GArray) allowed = bb_workflow_allowed_actions (kase->kind, kase->state);
  BbAction suggested;
  gboolean has_suggested;
  GtkWidget *child;

  has_suggested = bb_workflow_suggested_action (kase->kind, kase->state, &suggested) &&
                  may_act (actor, kase, suggested);

  remove_all_children (GTK_WIDGET (self->start_box));
  /* The menu button stays first in the end box; the suggested step follows. */
  while ((child = gtk_widget_get_next_sibling (self->more_button)) != NULL)
    gtk_box_remove (self->end_box, child);
  g_menu_remove_all (self->more_menu);

  for (guint i = 0; i < allowed->len; i++)
    {
      BbAction action = g_array_index (allowed, BbAction, i);
      gboolean moves = bb_workflow_target (kase->kind, kase->state, action) != kase->state;

      if (!may_act (actor, kase, action))
        continue;
      if (has_suggested && action == suggested)
        continue;
      /* Steps that move the case, and the work log, get a button; the
       * rest are one menu away. */
      if (moves || action == BB_ACTION_LOG)
        gtk_box_append (self->start_box, new_action_button (action, FALSE));
      else
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (bb_action_label (action), NULL);

          g_menu_item_set_action_and_target (item, "case.act", "s", bb_action_to_string (action));
          g_menu_append_item (self->more_menu, item);
        }
    }
  if (has_suggested)
    gtk_box_append (self->end_box, new_action_button (suggested, TRUE));

  gtk_widget_set_visible (self->more_button, g_menu_model_get_n_items (G_MENU_MODEL (self->more_menu)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.next-step", has_suggested);
}

/* The name of the material whose check button has the focus, if any. */
static char *
dup_focused_material (BbCaseView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->materials_list)))
    return NULL;
  if (!GTK_IS_CHECK_BUTTON (focus))
    focus = gtk_widget_get_ancestor (focus, GTK_TYPE_CHECK_BUTTON);
  return focus ? g_strdup (g_object_get_data (G_OBJECT (focus), "material")) : NULL;
}

static void
focus_material (BbCaseView *self,
                const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->materials_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (check), "material"), name) == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (check));
          return;
        }
    }
}

/* Rows are replaced in one go, before the next layout: the scrolled window
 * keeps its position, so a live update does not move what the user reads.
 * The focus stays on the material the user was ticking. */
static void
update_view (BbCaseView *self)
{
  g_autofree char *focused = dup_focused_material (self);

  self->updating = TRUE;
  update_strip (self);
  update_client (self);
  update_matter (self);
  update_materials (self);
  update_departments (self);
  update_rectifications (self);
  update_timeline (self);
  update_actions (self);
  update_print (self);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "case");
  if (focused != NULL)
    focus_material (self, focused);
}

/* Loading */

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
  char       *number;
  GPtrArray  *rectifications;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->database);
  bb_actor_free (load->actor);
  g_free (load->number);
  g_clear_pointer (&load->rectifications, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  BbCaseDetail *detail;

  detail = bb_case_repo_get_detail (load->database, load->actor, load->number, &error);
  if (detail != NULL && detail->rectifications->len > 0)
    {
      load->rectifications = bb_rectification_repo_list_case (load->database, load->actor,
                                                              detail->kase->id, &error);
      if (load->rectifications == NULL)
        g_clear_pointer (&detail, bb_case_detail_free);
    }
  if (detail == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, detail, (GDestroyNotify) bb_case_detail_free);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  BbCaseView *self = user_data;

  self->progress_id = 0;
  if (self->detail != NULL && g_strcmp0 (self->detail->kase->number, self->number) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reload_spinner), TRUE);
      gtk_spinner_set_spinning (self->reload_spinner, TRUE);
    }
  else
    {
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  return G_SOURCE_REMOVE;
}

static void
stop_progress (BbCaseView *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_spinner_set_spinning (self->reload_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_spinner), FALSE);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbCaseView *self = BB_CASE_VIEW (source);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  BbCaseDetail *detail;

  detail = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_strcmp0 (load->number, self->number) != 0)
    {
      g_clear_pointer (&detail, bb_case_detail_free);
      return;
    }

  stop_progress (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);

  if (detail == NULL)
    {
      /* A failed refresh keeps what is shown and says why. */
      if (self->detail != NULL && g_strcmp0 (self->detail->kase->number, self->number) == 0)
        show_alert (self, "error", error->message);
      else
        {
          g_clear_pointer (&self->detail, bb_case_detail_free);
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      set_loading (self, FALSE);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  if (self->detail == NULL || self->detail->kase->id != detail->kase->id)
    {
      hide_alert (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  g_clear_pointer (&self->detail, bb_case_detail_free);
  self->detail = detail;
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  self->rectifications = g_steal_pointer (&load->rectifications);
  update_view (self);
  set_loading (self, FALSE);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
load (BbCaseView *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  if (self->number == NULL || get_database (self) == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  load = g_new0 (Load, 1);
  load->database = g_object_ref (get_database (self));
  load->actor = bb_actor_copy (get_actor (self));
  load->number = g_strdup (self->number);

  set_loading (self, TRUE);
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);

  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/* Reveal */

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
  BbCase     *kase;
} Reveal;

static void
reveal_free (Reveal *reveal)
{
  g_clear_object (&reveal->database);
  bb_actor_free (reveal->actor);
  bb_case_free (reveal->kase);
  g_free (reveal);
}

static void
reveal_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Reveal *reveal = task_data;
  GError *error = NULL;

  if (bb_case_repo_record_reveal (reveal->database, reveal->actor, reveal->kase, "case-view",
                                  &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
revealed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BbCaseView *self = BB_CASE_VIEW (source);
  Reveal *reveal = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->reveal_button, TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_alert (self, "error", error->message);
      return;
    }
  /* Shown only once the reveal is on record. */
  self->revealed_case_id = reveal->kase->id;
  if (self->detail != NULL && self->detail->kase->id == reveal->kase->id)
    update_client (self);
}

/* Actions */

static void
act_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BbCaseView *self = BB_CASE_VIEW (widget);
  BbAction action;

  if (!bb_action_from_string (g_variant_get_string (parameter, NULL), &action))
    return;
  bb_case_view_open_action (self, action);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bb_case_view_reload (BB_CASE_VIEW (widget));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hide_alert (BB_CASE_VIEW (widget));
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bb_case_view_run_next_step (BB_CASE_VIEW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  bb_case_view_print_form (BB_CASE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
print_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bb_case_view_print (BB_CASE_VIEW (widget));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbCaseView *self = BB_CASE_VIEW (widget);
  g_autoptr(GTask) task = NULL;
  Reveal *reveal;

  if (self->detail == NULL || get_database (self) == NULL)
    return;

  reveal = g_new0 (Reveal, 1);
  reveal->database = g_object_ref (get_database (self));
  reveal->actor = bb_actor_copy (get_actor (self));
  reveal->kase = bb_case_copy (self->detail->kase);
  gtk_widget_set_sensitive (self->reveal_button, FALSE);

  /* Not the view's cancellable: a reload (the live refresh sees the audit
   * row this very reveal writes) must not drop a reveal that is on record. */
  task = g_task_new (self, NULL, revealed_cb, NULL);
  g_task_set_source_tag (task, reveal_action);
  g_task_set_task_data (task, reveal, (GDestroyNotify) reveal_free);
  g_task_run_in_thread (task, reveal_thread);
}

static void
record_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BbRectificationStep step = BB_RECTIFICATION_STEP_VISIT;

  if (g_str_equal (action_name, "case.record-measures"))
    step = BB_RECTIFICATION_STEP_MEASURES;
  else if (g_str_equal (action_name, "case.reassign-rectification"))
    step = BB_RECTIFICATION_STEP_REASSIGN;
  bb_case_view_open_rectification_step (BB_CASE_VIEW (widget), g_variant_get_int64 (parameter),
                                        step);
}

static void
dialog_acted_cb (BbCaseView *self)
{
  hide_alert (self);
  g_signal_emit (self, signals[CHANGED], 0);
  load (self);
}

static void
dialog_case_changed_cb (BbCaseView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  load (self);
}

/* GObject */

static void
bb_case_view_dispose (GObject *object)
{
  BbCaseView *self = BB_CASE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CASE_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_case_view_parent_class)->dispose (object);
}

static void
bb_case_view_finalize (GObject *object)
{
  BbCaseView *self = BB_CASE_VIEW (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->detail, bb_case_detail_free);
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (bb_case_view_parent_class)->finalize (object);
}

static void
bb_case_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BbCaseView *self = BB_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_case_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BbCaseView *self = BB_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      bb_case_view_set_application (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_case_view_class_init (BbCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_case_view_dispose;
  object_class->finalize = bb_case_view_finalize;
  object_class->get_property = bb_case_view_get_property;
  object_class->set_property = bb_case_view_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, BB_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbCaseView::changed:
   *
   * The case was changed here (an action, a tick), or found changed by
   * someone else: lists and counters showing it should refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * BbCaseView::loaded:
   *
   * A load or reload finished (shown, or failed with its reason shown).
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, error_page);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, strip);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, number_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, state_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, green_badge);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, reload_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, responsible_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, alert_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, alert_box);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, alert_icon);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, alert_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, client_row);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, id_row);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, matter_group);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, matter_row);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, handling_row);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, materials_list);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, departments_list);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, rectification_group);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, rectification_list);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, start_box);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, end_box);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, more_button);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, more_menu);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, print_button);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, print_menu);
  gtk_widget_class_bind_template_child (widget_class, BbCaseView, notice_button);

  gtk_widget_class_install_action (widget_class, "case.act", "s", act_action);
  gtk_widget_class_install_action (widget_class, "case.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "case.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "case.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_action (widget_class, "case.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "case.record-measures", "x",
                                   record_step_action);
  gtk_widget_class_install_action (widget_class, "case.record-visit", "x", record_step_action);
  gtk_widget_class_install_action (widget_class, "case.reassign-rectification", "x",
                                   record_step_action);
  gtk_widget_class_install_action (widget_class, "case.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "case.print-menu", NULL, print_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "case.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "case.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "case.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "case.print-menu", NULL);
}

static void
bb_case_view_init (BbCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: dispose_template() would unparent it, and AdwBin again. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.next-step", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print-menu", FALSE);
}

GtkWidget *
bb_case_view_new (BbApplication *application)
{
  return g_object_new (BB_TYPE_CASE_VIEW, "application", application, NULL);
}

BbApplication *
bb_case_view_get_application (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  return self->application;
}

void
bb_case_view_set_application (BbCaseView    *self,
                              BbApplication *application)
{
  g_return_if_fail (BB_IS_CASE_VIEW (self));
  g_return_if_fail (application == NULL || BB_IS_APPLICATION (application));

  if (g_set_object (&self->application, application))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

/**
 * bb_case_view_show_case:
 * @number: (nullable): a case number; %NULL shows nothing
 *
 * Reads the case in a thread and shows it; showing the same case again
 * refreshes it in place.
 */
void
bb_case_view_show_case (BbCaseView *self,
                        const char *number)
{
  g_return_if_fail (BB_IS_CASE_VIEW (self));

  if (number == NULL)
    {
      bb_case_view_clear (self);
      return;
    }
  if (g_strcmp0 (self->number, number) != 0)
    {
      g_free (self->number);
      self->number = g_strdup (number);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
      /* The previous case stays until this one arrives, but cannot be used. */
      if (self->detail != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
    }
  load (self);
}

void
bb_case_view_clear (BbCaseView *self)
{
  g_return_if_fail (BB_IS_CASE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  stop_progress (self);
  g_clear_pointer (&self->detail, bb_case_detail_free);
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print-menu", FALSE);
  hide_alert (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  set_loading (self, FALSE);
  if (self->number != NULL)
    {
      g_clear_pointer (&self->number, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
    }
}

/**
 * bb_case_view_reload:
 *
 * Reads the case shown again (it changed here or elsewhere), keeping the
 * scroll position.
 */
void
bb_case_view_reload (BbCaseView *self)
{
  g_return_if_fail (BB_IS_CASE_VIEW (self));

  load (self);
}

const char *
bb_case_view_get_number (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  return self->number;
}

/**
 * bb_case_view_get_case_id:
 *
 * Returns: the id of the case shown, or 0
 */
gint64
bb_case_view_get_case_id (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), 0);

  return self->detail != NULL ? self->detail->kase->id : 0;
}

/**
 * bb_case_view_get_detail:
 *
 * Returns: (transfer none) (nullable): the case as shown
 */
const BbCaseDetail *
bb_case_view_get_detail (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  return self->detail;
}

gboolean
bb_case_view_get_loading (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), FALSE);

  return self->loading;
}

/**
 * bb_case_view_get_message:
 *
 * Returns: (nullable): the warning or error shown above the case
 */
const char *
bb_case_view_get_message (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  return self->message;
}

/**
 * bb_case_view_open_action:
 * @action: what to do
 *
 * Opens @action's form over the view, as its button does.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when no case is
 *   shown
 */
BbCaseActionDialog *
bb_case_view_open_action (BbCaseView *self,
                          BbAction    action)
{
  BbCaseActionDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  if (self->detail == NULL || self->application == NULL)
    return NULL;

  dialog = bb_case_action_dialog_new (self->application, self->detail, action);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "acted", G_CALLBACK (dialog_acted_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "case-changed", G_CALLBACK (dialog_case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * bb_case_view_run_next_step:
 *
 * Opens the form of the case's natural next step (the suggested action).
 *
 * Returns: whether there was one to open
 */
gboolean
bb_case_view_run_next_step (BbCaseView *self)
{
  BbAction action;

  g_return_val_if_fail (BB_IS_CASE_VIEW (self), FALSE);

  if (self->detail == NULL ||
      !bb_workflow_suggested_action (self->detail->kase->kind, self->detail->kase->state,
                                     &action) ||
      !may_act (get_actor (self), self->detail->kase, action))
    return FALSE;
  return bb_case_view_open_action (self, action) != NULL;
}

/**
 * bb_case_view_get_rectifications:
 *
 * Returns: (transfer none) (nullable) (element-type BbRectificationEntry):
 *   the case's rectifications as shown, newest first
 */
GPtrArray *
bb_case_view_get_rectifications (BbCaseView *self)
{
  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  return self->rectifications;
}

/**
 * bb_case_view_open_rectification_step:
 * @id: a rectification of the case shown
 * @step: which step to record
 *
 * Opens the form of @step, as the rectification's button does.
 *
 * Returns: (transfer none) (nullable): the form, or %NULL when the
 *   rectification is not shown
 */
BbRectificationDialog *
bb_case_view_open_rectification_step (BbCaseView          *self,
                                      gint64               id,
                                      BbRectificationStep  step)
{
  BbRectificationDialog *dialog;
  const BbRectificationEntry *entry = NULL;
  GtkRoot *root;

  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  for (guint i = 0; self->rectifications != NULL && i < self->rectifications->len; i++)
    {
      const BbRectificationEntry *candidate = g_ptr_array_index (self->rectifications, i);

      if (candidate->id == id)
        entry = candidate;
    }
  if (entry == NULL || self->application == NULL)
    return NULL;

  dialog = bb_rectification_dialog_new (self->application, entry, step);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (dialog_acted_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (dialog_case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * bb_case_view_dup_print_forms:
 *
 * Returns: (transfer full): the forms the Print menu offers for the case
 *   shown (`slip`, `notice`, `handover`), in its order; empty when none
 */
GStrv
bb_case_view_dup_print_forms (BbCaseView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BB_IS_CASE_VIEW (self), NULL);

  for (guint i = 0; self->detail != NULL && i < G_N_ELEMENTS (print_forms); i++)
    if (form_applies (self->detail, print_forms[i].name))
      g_strv_builder_add (builder, print_forms[i].name);
  return g_strv_builder_end (builder);
}

/**
 * bb_case_view_print_form:
 * @form: `slip`, `notice` or `handover`
 *
 * Loads @form of the case shown through core (in a thread) and shows it in
 * the print preview, as its item in the Print menu does.
 *
 * Returns: whether @form applies to the case shown and is being loaded
 */
gboolean
bb_case_view_print_form (BbCaseView *self,
                         const char *form)
{
  GtkRoot *root;
  GtkWindow *parent;
  BbDatabase *db;

  g_return_val_if_fail (BB_IS_CASE_VIEW (self), FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  db = get_database (self);
  if (self->detail == NULL || db == NULL || !form_applies (self->detail, form))
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  if (g_str_equal (form, "slip"))
    bb_print_slip (parent, db, get_actor (self), self->detail->kase->number);
  else if (g_str_equal (form, "notice"))
    bb_print_notice (parent, db, get_actor (self), self->detail->kase->number);
  else
    bb_print_handover (parent, db, get_actor (self), self->detail->kase->number);
  return TRUE;
}

/**
 * bb_case_view_print:
 *
 * What Ctrl+P does: prints the case's only form, or opens the Print menu
 * when several apply.
 *
 * Returns: whether there was anything to print
 */
gboolean
bb_case_view_print (BbCaseView *self)
{
  g_auto(GStrv) forms = NULL;

  g_return_val_if_fail (BB_IS_CASE_VIEW (self), FALSE);

  forms = bb_case_view_dup_print_forms (self);
  if (forms[0] == NULL)
    return FALSE;
  if (forms[1] == NULL)
    return bb_case_view_print_form (self, forms[0]);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->print_button));
  return TRUE;
}
