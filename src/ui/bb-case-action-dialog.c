/* bb-case-action-dialog.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small form of one workflow action (suspend, refuse, reassign, log…),
 * as a modal window over the case view. The form is built from a table of
 * fields per action and checked with core's own bb_workflow_validate() as
 * the user types: the confirm button is sensitive only when the action is
 * complete, and the reason it is not is shown under the form, naming the
 * field.
 *
 * Confirming runs bb_case_repo_act() in a thread with the version of the
 * case the form was opened on. When someone else changed the case first
 * (BB_ERROR_CONFLICT) the form reloads the case, says what changed, and
 * stays open with everything the user typed, ready to confirm against the
 * new version; any other error is shown in the form, input kept.
 */

#define G_LOG_DOMAIN "bb-case-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-case-action-dialog.h"
#include "bb-case-snapshot.h"
#include "bb-clock.h"
#include "bb-error.h"
#include "bb-staff-repo.h"

typedef enum
{
  FIELD_ENTRY,      /* one line: AdwEntryRow */
  FIELD_TEXT,       /* several lines: GtkTextView */
  FIELD_CHOICE,     /* AdwComboRow over a fixed set of codes */
  FIELD_STAFF,      /* AdwComboRow over the active staff */
  FIELD_SWITCH,     /* AdwActionRow with a GtkSwitch */
  FIELD_DATE,       /* AdwEntryRow (YYYY-MM-DD) with a calendar popover */
  FIELD_DAYS,       /* AdwActionRow with a GtkSpinButton */
  FIELD_MATERIALS,  /* check rows, one per checklist material */
} FieldKind;

typedef enum
{
  CHOICES_NONE,
  CHOICES_AREA,
  CHOICES_SUSPEND,
  CHOICES_LEVEL,
  CHOICES_EVALUATION_CHANNEL,
} Choices;

typedef enum
{
  MATERIALS_ALL,      /* every line; ticked = present, unticked = missing */
  MATERIALS_MISSING,  /* the lines not present yet */
} MaterialsShown;

typedef struct
{
  const char     *key;    /* the BbCaseAction member it fills */
  FieldKind       kind;
  const char     *label;  /* the field's name, as core's errors name it */
  Choices         choices;
  MaterialsShown  materials;
} FieldSpec;

typedef struct
{
  BbAction   action;
  FieldSpec  fields[4];
} FormSpec;

#define NOTE { "text", FIELD_TEXT, N_("Note"), 0, 0 }

/* Every action's form. The labels are the ones bb_workflow_validate() puts
 * in its messages, so that an error can be shown at its field. */
static const FormSpec forms[] = {
  { BB_ACTION_APPLY, { NOTE } },
  { BB_ACTION_ROUTE, { { "area", FIELD_CHOICE, N_("Area"), CHOICES_AREA, 0 }, NOTE } },
  { BB_ACTION_MATERIALS, { { "present", FIELD_MATERIALS, N_("Materials present"), 0,
                            MATERIALS_ALL }, NOTE } },
  { BB_ACTION_NOTIFY_MISSING, { NOTE } },
  { BB_ACTION_SUPPLEMENT, { { "present", FIELD_MATERIALS, N_("Materials present"), 0,
                             MATERIALS_MISSING }, NOTE } },
  { BB_ACTION_CONVERT, { NOTE } },
  { BB_ACTION_ANALYSE, { { "difficulty", FIELD_ENTRY, N_("Difficulty"), 0, 0 },
                         { "estimated_days", FIELD_DAYS, N_("Estimated time"), 0, 0 },
                         { "process", FIELD_TEXT, N_("Process"), 0, 0 } } },
  { BB_ACTION_ACCEPT, { { "staff", FIELD_STAFF, N_("Handler"), 0, 0 },
                        { "limit_days", FIELD_DAYS, N_("Time limit"), 0, 0 },
                        { "text", FIELD_TEXT, N_("Acceptance notes"), 0, 0 } } },
  { BB_ACTION_REFUSE, { { "reason", FIELD_TEXT, N_("Reason for refusal"), 0, 0 } } },
  { BB_ACTION_REQUEST_SUPPLEMENT, { { "text", FIELD_TEXT, N_("Materials to supplement"), 0, 0 },
                                    { "missing", FIELD_MATERIALS, N_("Materials missing"), 0,
                                      MATERIALS_MISSING } } },
  { BB_ACTION_LOG, { { "text", FIELD_TEXT, N_("Work log"), 0, 0 } } },
  { BB_ACTION_PROBLEM, { { "text", FIELD_TEXT, N_("Problem"), 0, 0 } } },
  { BB_ACTION_REPORT, { { "text", FIELD_TEXT, N_("Progress report"), 0, 0 } } },
  { BB_ACTION_DEPARTMENT, { { "department", FIELD_ENTRY, N_("Department"), 0, 0 },
                            { "status", FIELD_ENTRY, N_("Department status"), 0, 0 },
                            NOTE } },
  { BB_ACTION_SUPERVISOR_REPORT, { { "department", FIELD_ENTRY, N_("Supervising department"),
                                     0, 0 },
                                   { "text", FIELD_TEXT, N_("Report"), 0, 0 } } },
  { BB_ACTION_REASSIGN, { { "staff", FIELD_STAFF, N_("New responsible staff member"), 0, 0 },
                          { "reason", FIELD_TEXT, N_("Reason for the change"), 0, 0 },
                          { "client_told", FIELD_SWITCH, N_("Client told"), 0, 0 } } },
  { BB_ACTION_SUSPEND, { { "reason", FIELD_CHOICE, N_("Suspension reason"), CHOICES_SUSPEND, 0 },
                         { "resume_by", FIELD_DATE, N_("Resume by"), 0, 0 },
                         NOTE } },
  { BB_ACTION_RESUME, { NOTE } },
  { BB_ACTION_TERMINATE, { NOTE } },
  { BB_ACTION_COMPLETE, { { "result", FIELD_TEXT, N_("Result"), 0, 0 },
                          { "delivery", FIELD_ENTRY, N_("Delivery"), 0, 0 } } },
  { BB_ACTION_HANDOVER, { { "items", FIELD_TEXT, N_("Items handed over"), 0, 0 },
                          { "received_by", FIELD_ENTRY, N_("Received by"), 0, 0 } } },
  { BB_ACTION_CONFIRM, { NOTE } },
  { BB_ACTION_DISPUTE, { { "reason", FIELD_TEXT, N_("Discrepancy"), 0, 0 } } },
  { BB_ACTION_EVALUATE, { { "level", FIELD_CHOICE, N_("Satisfaction"), CHOICES_LEVEL, 0 },
                          { "channel", FIELD_CHOICE, N_("Evaluation channel"),
                            CHOICES_EVALUATION_CHANNEL, 0 },
                          { "comment", FIELD_TEXT, N_("Comment"), 0, 0 },
                          { "integrity_ok", FIELD_SWITCH, N_("Integrity"), 0, 0 } } },
  { BB_ACTION_FOLLOW_UP, { { "text", FIELD_TEXT, N_("Follow-up"), 0, 0 } } },
  { BB_ACTION_ARCHIVE, { { "archive_number", FIELD_ENTRY, N_("Archive number"), 0, 0 } } },
};

#undef NOTE

typedef struct
{
  const FieldSpec *spec;
  GtkWidget       *widget;  /* what holds the value */
  GtkWidget       *row;     /* what is marked when the value is wrong */
  GPtrArray       *codes;   /* FIELD_CHOICE, FIELD_STAFF: the code at each position (NULL: none) */
  GPtrArray       *checks;  /* FIELD_MATERIALS: GtkCheckButton per material */
} Field;

struct _BbCaseActionDialog
{
  GtkWindow        parent_instance;

  BbApplication   *application;
  BbCaseSnapshot  *snapshot;
  BbAction         action;
  GPtrArray       *fields;      /* Field */
  GCancellable    *cancellable;
  char            *message;
  gboolean         valid;
  gboolean         busy;
  gboolean         conflict;
  gboolean         touched;
  GtkWidget       *focus_before;  /* weak */

  AdwWindowTitle  *window_title;
  GtkButton       *cancel_button;
  GtkButton       *confirm_button;
  GtkSpinner      *spinner;
  GtkRevealer     *alert_revealer;
  GtkWidget       *alert_box;
  GtkImage        *alert_icon;
  GtkLabel        *alert_title;
  GtkLabel        *alert_label;
  GtkLabel        *intro_label;
  GtkBox          *form_box;
  GtkImage        *validation_icon;
  GtkLabel        *validation_label;
};

G_DEFINE_FINAL_TYPE (BbCaseActionDialog, bb_case_action_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_VALID,
  PROP_BUSY,
  PROP_CONFLICT,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTED,
  CASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void revalidate (BbCaseActionDialog *self);

static void
field_free (Field *field)
{
  g_clear_pointer (&field->codes, g_ptr_array_unref);
  g_clear_pointer (&field->checks, g_ptr_array_unref);
  g_free (field);
}

static const FormSpec *
find_form (BbAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (forms[i].action == action)
      return &forms[i];
  return NULL;
}

static Field *
find_field (BbCaseActionDialog *self,
            const char         *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->key, key))
        return field;
    }
  return NULL;
}

static BbDatabase *
get_database (BbCaseActionDialog *self)
{
  return bb_application_get_database (self->application);
}

static const BbActor *
get_actor (BbCaseActionDialog *self)
{
  return bb_application_get_actor (self->application);
}

static void
set_busy (BbCaseActionDialog *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Insensitive, never cleared: what was typed stays for the next try. The
   * focus leaves the form first (a text entry made insensitive while it
   * has the focus never hears that it lost it) and comes back after. */
  if (busy)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_box)))
        g_set_weak_pointer (&self->focus_before, focus);
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_box), !busy);
  if (!busy && self->focus_before != NULL)
    {
      gtk_widget_grab_focus (self->focus_before);
      g_clear_weak_pointer (&self->focus_before);
    }
  revalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_alert (BbCaseActionDialog *self,
            const char         *icon_name,
            const char         *css_class,
            const char         *title,
            const char         *text)
{
  gtk_widget_remove_css_class (self->alert_box, "error");
  gtk_widget_remove_css_class (self->alert_box, "warning");
  gtk_widget_add_css_class (self->alert_box, css_class);
  gtk_image_set_from_icon_name (self->alert_icon, icon_name);
  gtk_label_set_label (self->alert_title, title);
  gtk_label_set_label (self->alert_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->alert_label), text != NULL && *text != '\0');
  gtk_revealer_set_reveal_child (self->alert_revealer, TRUE);

  g_free (self->message);
  self->message = text != NULL && *text != '\0' ? g_strdup_printf ("%s\n%s", title, text)
                                                  : g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
hide_alert (BbCaseActionDialog *self)
{
  gtk_revealer_set_reveal_child (self->alert_revealer, FALSE);
  if (self->message != NULL)
    {
      g_clear_pointer (&self->message, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
}

/* Reading the form */

static char *
dup_text (Field *field)
{
  g_autofree char *text = NULL;

  switch (field->spec->kind)
    {
    case FIELD_ENTRY:
    case FIELD_DATE:
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
      break;

    case FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
      break;

    case FIELD_CHOICE:
    case FIELD_STAFF:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (selected < field->codes->len)
          text = g_strdup (g_ptr_array_index (field->codes, selected));
      }
      break;

    case FIELD_SWITCH:
    case FIELD_DAYS:
    case FIELD_MATERIALS:
    default:
      g_assert_not_reached ();
    }

  if (text == NULL)
    return NULL;
  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static char **
dup_checked (Field    *field,
             gboolean  checked)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < field->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (field->checks, i);

      if (gtk_check_button_get_active (check) == checked)
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "material"));
    }
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (names[0] == NULL)
    g_clear_pointer (&names, g_strfreev);
  return names;
}

static BbCaseAction *
collect_action (BbCaseActionDialog *self)
{
  BbCaseAction *action = bb_case_action_new (self->action);
  const BbCase *kase = self->snapshot->kase;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *key = field->spec->key;

      if (g_str_equal (key, "present"))
        {
          action->present = dup_checked (field, TRUE);
          /* The whole checklist: what is not ticked is missing. */
          if (field->spec->materials == MATERIALS_ALL)
            action->missing = dup_checked (field, FALSE);
        }
      else if (g_str_equal (key, "missing"))
        {
          /* A list of what is not present yet: ticked = still missing. */
          action->missing = dup_checked (field, TRUE);
        }
      else if (g_str_equal (key, "client_told"))
        action->client_told = gtk_switch_get_active (GTK_SWITCH (field->widget));
      else if (g_str_equal (key, "integrity_ok"))
        action->integrity_ok = gtk_switch_get_active (GTK_SWITCH (field->widget));
      else if (g_str_equal (key, "estimated_days"))
        action->estimated_days = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget));
      else if (g_str_equal (key, "limit_days"))
        {
          int days = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget));

          /* The catalogue's limit is sent as 0: changing it is a leader's
           * right, keeping it is everybody's. */
          action->limit_days = days == kase->item_limit_days ? 0 : days;
        }
      else if (g_str_equal (key, "staff"))
        {
          g_autofree char *id = dup_text (field);

          action->staff_id = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
        }
      else if (g_str_equal (key, "level"))
        {
          g_autofree char *level = dup_text (field);

          action->level = level != NULL ? (int) g_ascii_strtoll (level, NULL, 10) : 0;
        }
      else
        {
          char *text = dup_text (field);
          char **member = NULL;

          if (g_str_equal (key, "text"))
            member = &action->text;
          else if (g_str_equal (key, "reason"))
            member = &action->reason;
          else if (g_str_equal (key, "area"))
            member = &action->area;
          else if (g_str_equal (key, "resume_by"))
            member = &action->resume_by;
          else if (g_str_equal (key, "channel"))
            member = &action->channel;
          else if (g_str_equal (key, "comment"))
            member = &action->comment;
          else if (g_str_equal (key, "department"))
            member = &action->department;
          else if (g_str_equal (key, "status"))
            member = &action->status;
          else if (g_str_equal (key, "items"))
            member = &action->items;
          else if (g_str_equal (key, "received_by"))
            member = &action->received_by;
          else if (g_str_equal (key, "difficulty"))
            member = &action->difficulty;
          else if (g_str_equal (key, "process"))
            member = &action->process;
          else if (g_str_equal (key, "result"))
            member = &action->result;
          else if (g_str_equal (key, "delivery"))
            member = &action->delivery;
          else if (g_str_equal (key, "archive_number"))
            member = &action->archive_number;
          g_assert (member != NULL);
          g_free (*member);
          *member = text;
        }
    }
  return action;
}

/* Checks the form with core's rules; marks the field at fault. */
static void
revalidate (BbCaseActionDialog *self)
{
  g_autoptr(BbCaseAction) action = NULL;
  g_autoptr(GError) error = NULL;
  const BbCase *kase = self->snapshot->kase;
  GDate today;
  gboolean valid;
  const char *reason = NULL;

  if (self->fields == NULL)
    return;

  bb_clock_today (&today);
  action = collect_action (self);
  /* Whether the state allows the action is core's to say when it acts; it
   * is checked here only once the case is known to have changed under the
   * form. */
  valid = (!self->conflict ||
           bb_workflow_check (kase->kind, kase->state, self->action, &error)) &&
          bb_workflow_validate (kase->kind, action, &today, &error);
  if (!valid)
    reason = error->message;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      gboolean at_fault = reason != NULL && self->touched &&
                          g_str_has_prefix (reason, _(field->spec->label));

      if (at_fault)
        gtk_widget_add_css_class (field->row, "error");
      else
        gtk_widget_remove_css_class (field->row, "error");
    }

  gtk_label_set_label (self->validation_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->validation_label)),
                          reason != NULL);
  /* Before the first keystroke the reason is a hint, afterwards an error. */
  if (self->touched)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->validation_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->validation_label), "dim-label");
      gtk_image_set_from_icon_name (self->validation_icon, "dialog-error-symbolic");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->validation_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->validation_label), "error");
      gtk_image_set_from_icon_name (self->validation_icon, "dialog-information-symbolic");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), valid && !self->busy);
  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
field_changed_cb (BbCaseActionDialog *self)
{
  self->touched = TRUE;
  revalidate (self);
}

/* Building the form */

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_choices (Field   *field,
              Choices  choices)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  field->codes = g_ptr_array_new_with_free_func (g_free);

  /* Nothing is chosen for the user where the choice matters. */
  if (choices != CHOICES_EVALUATION_CHANNEL)
    {
      gtk_string_list_append (model, _("Choose…"));
      g_ptr_array_add (field->codes, NULL);
    }

  switch (choices)
    {
    case CHOICES_AREA:
      {
        static const char *areas[] = { BB_AREA_ONLINE, BB_AREA_SELF_SERVICE, BB_AREA_ASSIST };

        for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
          {
            gtk_string_list_append (model, bb_case_area_label (areas[i]));
            g_ptr_array_add (field->codes, g_strdup (bb_case_area_to_cli (areas[i])));
          }
      }
      break;

    case CHOICES_SUSPEND:
      for (int r = BB_SUSPEND_MATERIALS; r <= BB_SUSPEND_FORCE_MAJEURE; r++)
        {
          gtk_string_list_append (model, bb_suspend_reason_label (r));
          g_ptr_array_add (field->codes, g_strdup (bb_suspend_reason_to_string (r)));
        }
      break;

    case CHOICES_LEVEL:
      for (int level = BB_SATISFACTION_MAX; level >= 1; level--)
        {
          gtk_string_list_append (model, bb_satisfaction_label (level));
          g_ptr_array_add (field->codes, g_strdup_printf ("%d", level));
        }
      break;

    case CHOICES_EVALUATION_CHANNEL:
      {
        static const char *channels[] = { "onsite", "device", "terminal", "phone", "sms",
                                          "online" };

        for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
          {
            gtk_string_list_append (model, bb_evaluation_channel_label (channels[i]));
            g_ptr_array_add (field->codes, g_strdup (channels[i]));
          }
      }
      break;

    case CHOICES_NONE:
    default:
      g_assert_not_reached ();
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (field->widget), G_LIST_MODEL (model));
  g_object_unref (model);
}

static void
date_selected_cb (GtkCalendar *calendar,
                  Field       *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
new_date_button (Field *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (date_selected_cb), field);
  return button;
}

static void
add_staff_to_combo (Field         *field,
                    GPtrArray     *staff,
                    gint64         preferred,
                    gint64         excluded)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (field->codes, 0);
  gtk_string_list_append (model, _("Choose…"));
  g_ptr_array_add (field->codes, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const BbStaff *member = g_ptr_array_index (staff, i);
      g_autofree char *label = NULL;

      if (!member->active || member->id == excluded)
        continue;
      /* Translators: a staff member in a list: name, staff number, role */
      label = g_strdup_printf (_("%s (%s, %s)"), member->name, member->number,
                               bb_role_label (member->role));
      gtk_string_list_append (model, label);
      g_ptr_array_add (field->codes, g_strdup_printf ("%" G_GINT64_FORMAT, member->id));
      if (member->id == preferred)
        selected = field->codes->len - 1;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (field->widget), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), selected);
  g_object_unref (model);
}

static void
build_field (BbCaseActionDialog *self,
             const FieldSpec    *spec,
             GtkWidget         **list)
{
  Field *field = g_new0 (Field, 1);
  const BbCase *kase = self->snapshot->kase;
  const char *label = _(spec->label);

  field->spec = spec;
  g_ptr_array_add (self->fields, field);

  /* Rows go into a boxed list; a text area or a checklist stands alone. */
  if (spec->kind == FIELD_TEXT || spec->kind == FIELD_MATERIALS)
    *list = NULL;
  else if (*list == NULL)
    {
      *list = new_boxed_list ();
      gtk_box_append (self->form_box, *list);
    }

  switch (spec->kind)
    {
    case FIELD_ENTRY:
    case FIELD_DATE:
      field->widget = adw_entry_row_new ();
      field->row = field->widget;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->widget), label);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (field->widget), TRUE);
      if (spec->kind == FIELD_DATE)
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->widget), new_date_button (field));
      if (g_str_equal (spec->key, "archive_number"))
        gtk_editable_set_text (GTK_EDITABLE (field->widget), kase->number);
      g_signal_connect_swapped (field->widget, "changed", G_CALLBACK (field_changed_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (*list), field->widget);
      break;

    case FIELD_TEXT:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *heading = new_heading (label);
        GtkWidget *scrolled = gtk_scrolled_window_new ();

        field->widget = gtk_text_view_new ();
        field->row = scrolled;
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field->widget), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field->widget), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (field->widget), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (field->widget), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (field->widget), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (field->widget), 8);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (field->widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), field->widget);
        gtk_widget_add_css_class (scrolled, "card");
        gtk_widget_add_css_class (scrolled, "case-form-text");
        gtk_box_append (GTK_BOX (box), heading);
        gtk_box_append (GTK_BOX (box), scrolled);
        gtk_box_append (self->form_box, box);
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                  "changed", G_CALLBACK (field_changed_cb), self);
      }
      break;

    case FIELD_CHOICE:
    case FIELD_STAFF:
      field->widget = adw_combo_row_new ();
      field->row = field->widget;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->widget), label);
      if (spec->kind == FIELD_CHOICE)
        fill_choices (field, spec->choices);
      else
        {
          field->codes = g_ptr_array_new_with_free_func (g_free);
          add_staff_to_combo (field, NULL, 0, 0);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (field->widget), _("Loading staff…"));
          gtk_widget_set_sensitive (field->widget, FALSE);
        }
      g_signal_connect_swapped (field->widget, "notify::selected",
                                G_CALLBACK (field_changed_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (*list), field->widget);
      break;

    case FIELD_SWITCH:
      field->row = adw_action_row_new ();
      field->widget = gtk_switch_new ();
      gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
      if (g_str_equal (spec->key, "integrity_ok"))
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row),
                                         _("No gift, meal or fee was asked for"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                                       _("Ask the client; switch off if anything was asked for"));
          gtk_switch_set_active (GTK_SWITCH (field->widget), TRUE);
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row),
                                         _("The client was told and agreed"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                                       _("Required before the responsible staff member changes"));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->widget);
      g_signal_connect_swapped (field->widget, "notify::active",
                                G_CALLBACK (field_changed_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (*list), field->row);
      break;

    case FIELD_DAYS:
      {
        int value = MAX (1, kase->item_limit_days);

        field->row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), label);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _("Working days"));
        field->widget = gtk_spin_button_new_with_range (1, 365, 1);
        gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
        if (g_str_equal (spec->key, "limit_days"))
          {
            if (kase->item_limit_days > 0)
              value = kase->item_limit_days;
            if (!bb_actor_can (get_actor (self), BB_PERM_LIMIT_CHANGE))
              {
                gtk_widget_set_sensitive (field->widget, FALSE);
                adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                                             _("Working days, from the catalogue; a team "
                                               "leader may change it"));
              }
          }
        else if (kase->estimated_days > 0)
          value = kase->estimated_days;
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), value);
        gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->widget);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->widget);
        g_signal_connect_swapped (field->widget, "value-changed",
                                  G_CALLBACK (field_changed_cb), self);
        gtk_list_box_append (GTK_LIST_BOX (*list), field->row);
      }
      break;

    case FIELD_MATERIALS:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *checks = new_boxed_list ();

        field->widget = checks;
        field->row = checks;
        field->checks = g_ptr_array_new ();
        gtk_box_append (GTK_BOX (box), new_heading (label));
        for (guint i = 0; i < self->snapshot->materials->len; i++)
          {
            const BbCaseMaterialState *material = g_ptr_array_index (self->snapshot->materials, i);
            GtkWidget *row;
            GtkWidget *check;

            if (spec->materials == MATERIALS_MISSING && material->present)
              continue;
            row = adw_action_row_new ();
            check = gtk_check_button_new ();
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->name);
            adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
            gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                         spec->materials == MATERIALS_ALL && material->present);
            gtk_widget_set_name (check, material->name);
            g_object_set_data_full (G_OBJECT (check), "material", g_strdup (material->name),
                                    g_free);
            g_signal_connect_swapped (check, "toggled", G_CALLBACK (field_changed_cb), self);
            g_ptr_array_add (field->checks, check);
            gtk_list_box_append (GTK_LIST_BOX (checks), row);
          }
        if (field->checks->len == 0)
          {
            GtkWidget *row = adw_action_row_new ();

            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                           spec->materials == MATERIALS_MISSING
                                           ? _("Every material is present")
                                           : _("The matter requires no materials"));
            gtk_list_box_append (GTK_LIST_BOX (checks), row);
          }
        gtk_box_append (GTK_BOX (box), checks);
        gtk_box_append (self->form_box, box);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_name (field->widget, spec->key);
}

static const char *
intro_for (BbAction action)
{
  switch (action)
    {
    case BB_ACTION_SUSPEND:
      return _("Suspended time does not count against the promised limit. Past the resume "
               "date the case is terminated.");
    case BB_ACTION_REASSIGN:
      return _("An accepted case always has exactly one responsible staff member.");
    case BB_ACTION_REFUSE:
      return _("The client is told the reason the commission is not accepted.");
    case BB_ACTION_EVALUATE:
      return _("A rating of Dissatisfied or worse opens a rectification and a return visit.");
    case BB_ACTION_REQUEST_SUPPLEMENT:
      return _("Tell the client every material still needed, and how to obtain it.");
    case BB_ACTION_COMPLETE:
      return _("The result is then delivered the way agreed with the client.");
    default:
      return NULL;
    }
}

/* Records that leave the state as it is are saved; steps are taken. */
static const char *
confirm_label (BbAction action)
{
  switch (action)
    {
    case BB_ACTION_LOG:
    case BB_ACTION_PROBLEM:
    case BB_ACTION_REPORT:
    case BB_ACTION_DEPARTMENT:
    case BB_ACTION_SUPERVISOR_REPORT:
    case BB_ACTION_FOLLOW_UP:
    case BB_ACTION_SUPPLEMENT:
    case BB_ACTION_NOTIFY_MISSING:
      return _("_Save");
    default:
      return bb_action_label (action);
    }
}

static void
build_form (BbCaseActionDialog *self)
{
  const FormSpec *form = find_form (self->action);
  GtkWidget *list = NULL;
  const char *intro = intro_for (self->action);

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  gtk_label_set_label (self->intro_label, intro ? intro : "");
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), intro != NULL);

  if (form == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (form->fields) && form->fields[i].key != NULL; i++)
    build_field (self, &form->fields[i], &list);
}

/* Staff for the staff choice */

static void
load_staff_thread (GTask        *task,
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
staff_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (source);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  Field *field = find_field (self, "staff");
  const BbCase *kase = self->snapshot->kase;
  gint64 preferred = 0;
  gint64 excluded = 0;

  staff = g_task_propagate_pointer (G_TASK (result), &error);
  if (field == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (staff == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field->widget), error->message);
      return;
    }

  if (self->action == BB_ACTION_ACCEPT)
    preferred = kase->responsible_id > 0 ? kase->responsible_id : get_actor (self)->staff_id;
  else
    excluded = kase->responsible_id;
  add_staff_to_combo (field, staff, preferred, excluded);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->widget), NULL);
  gtk_widget_set_sensitive (field->widget, TRUE);
  revalidate (self);
}

static void
load_staff (BbCaseActionDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (find_field (self, "staff") == NULL || get_database (self) == NULL)
    return;
  task = g_task_new (self, self->cancellable, staff_loaded_cb, NULL);
  g_task_set_source_tag (task, load_staff);
  g_task_set_task_data (task, g_object_ref (get_database (self)), g_object_unref);
  g_task_run_in_thread (task, load_staff_thread);
}

/* Acting */

typedef struct
{
  BbDatabase   *database;
  BbActor      *actor;
  char         *number;
  BbCaseAction *action;
  int           version;
} Act;

static void
act_free (Act *act)
{
  g_clear_object (&act->database);
  bb_actor_free (act->actor);
  g_free (act->number);
  bb_case_action_free (act->action);
  g_free (act);
}

static void
act_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Act *act = task_data;
  GError *error = NULL;
  BbCase *kase;

  kase = bb_case_repo_act (act->database, act->actor, act->number, act->action, act->version,
                           &error);
  if (kase == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, kase, (GDestroyNotify) bb_case_free);
}

static void
detail_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Act *act = task_data;
  GError *error = NULL;
  BbCaseDetail *detail;

  detail = bb_case_repo_get_detail (act->database, act->actor, act->number, &error);
  if (detail == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, detail, (GDestroyNotify) bb_case_detail_free);
}

static Act *
new_act (BbCaseActionDialog *self)
{
  Act *act = g_new0 (Act, 1);

  act->database = g_object_ref (get_database (self));
  act->actor = bb_actor_copy (get_actor (self));
  act->number = g_strdup (self->snapshot->kase->number);
  act->version = self->snapshot->kase->version;
  return act;
}

static void
reloaded_after_conflict_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (source);
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const BbCase *kase;

  set_busy (self, FALSE);
  detail = g_task_propagate_pointer (G_TASK (result), &error);
  if (detail == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_alert (self, "dialog-warning-symbolic", "warning",
                  _("Someone else changed this case first"), error->message);
      return;
    }

  changes = bb_case_snapshot_changes (self->snapshot, detail);
  if (*changes != '\0')
    {
      g_string_append (text, _("What changed:"));
      g_string_append_c (text, '\n');
      g_string_append (text, changes);
      g_string_append (text, "\n\n");
    }

  kase = detail->kase;
  if (!bb_workflow_is_allowed (kase->kind, kase->state, self->action))
    /* Translators: after a conflict, when the action no longer applies;
     * %s is the case's state now */
    g_string_append_printf (text, _("This action is no longer possible: the case is now %s. "
                                    "Your input is still here; cancel when you have read it."),
                            bb_case_state_label (kase->state));
  else
    g_string_append (text, _("Your input is kept. Check it against the changes and confirm "
                             "again."));

  /* From now on the form acts on the case as it is now. */
  bb_case_snapshot_free (self->snapshot);
  self->snapshot = bb_case_snapshot_new (detail);

  show_alert (self, "dialog-warning-symbolic", "warning",
              _("Someone else changed this case first"), text->str);
  revalidate (self);
  g_signal_emit (self, signals[CASE_CHANGED], 0);
}

static void
acted_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (source);
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  kase = g_task_propagate_pointer (G_TASK (result), &error);
  if (kase != NULL)
    {
      set_busy (self, FALSE);
      g_signal_emit (self, signals[ACTED], 0, kase);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_busy (self, FALSE);
      return;
    }

  if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT))
    {
      g_autoptr(GTask) task = NULL;

      /* Stay busy while the case is read again. */
      if (!self->conflict)
        {
          self->conflict = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
        }
      task = g_task_new (self, self->cancellable, reloaded_after_conflict_cb, NULL);
      g_task_set_source_tag (task, acted_cb);
      g_task_set_task_data (task, new_act (self), (GDestroyNotify) act_free);
      g_task_run_in_thread (task, detail_thread);
      return;
    }

  set_busy (self, FALSE);
  if (g_error_matches (error, BB_ERROR, BB_ERROR_REFUSED))
    show_alert (self, "action-unavailable-symbolic", "error", _("Not allowed"), error->message);
  else if (g_error_matches (error, BB_ERROR, BB_ERROR_INVALID))
    show_alert (self, "dialog-error-symbolic", "error", _("Check the form"), error->message);
  else
    show_alert (self, "dialog-error-symbolic", "error", _("Nothing was saved"), error->message);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bb_case_action_dialog_confirm (BB_CASE_ACTION_DIALOG (widget));
}

static void
confirm_clicked_cb (BbCaseActionDialog *self)
{
  bb_case_action_dialog_confirm (self);
}

/* GObject */

static void
bb_case_action_dialog_constructed (GObject *object)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (object);

  G_OBJECT_CLASS (bb_case_action_dialog_parent_class)->constructed (object);

  g_assert (self->application != NULL);
}

static void
bb_case_action_dialog_dispose (GObject *object)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->focus_before);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CASE_ACTION_DIALOG);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_case_action_dialog_parent_class)->dispose (object);
}

static void
bb_case_action_dialog_finalize (GObject *object)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (object);

  g_clear_pointer (&self->snapshot, bb_case_snapshot_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (bb_case_action_dialog_parent_class)->finalize (object);
}

static void
bb_case_action_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_case_action_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BbCaseActionDialog *self = BB_CASE_ACTION_DIALOG (object);

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
bb_case_action_dialog_class_init (BbCaseActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_case_action_dialog_constructed;
  object_class->dispose = bb_case_action_dialog_dispose;
  object_class->finalize = bb_case_action_dialog_finalize;
  object_class->get_property = bb_case_action_dialog_get_property;
  object_class->set_property = bb_case_action_dialog_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, BB_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbCaseActionDialog::acted:
   * @kase: the case after the action
   *
   * The action was saved; the dialog closes.
   */
  signals[ACTED] =
    g_signal_new ("acted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BB_TYPE_CASE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * BbCaseActionDialog::case-changed:
   *
   * Someone else changed the case: whoever shows it should read it again.
   */
  signals[CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-case-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, alert_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, alert_box);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, alert_icon);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, alert_title);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, alert_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, validation_icon);
  gtk_widget_class_bind_template_child (widget_class, BbCaseActionDialog, validation_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.confirm", NULL);
}

static void
bb_case_action_dialog_init (BbCaseActionDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bb_case_action_dialog_new:
 * @detail: the case as the case view read it
 * @action: what to do
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
BbCaseActionDialog *
bb_case_action_dialog_new (BbApplication      *application,
                           const BbCaseDetail *detail,
                           BbAction            action)
{
  BbCaseActionDialog *self;

  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (detail != NULL && detail->kase != NULL, NULL);
  g_return_val_if_fail (action < BB_N_ACTIONS, NULL);

  self = g_object_new (BB_TYPE_CASE_ACTION_DIALOG, "application", application, NULL);
  self->action = action;
  self->snapshot = bb_case_snapshot_new (detail);

  gtk_window_set_title (GTK_WINDOW (self), bb_action_label (action));
  adw_window_title_set_title (self->window_title, bb_action_label (action));
  /* Translators: the subtitle of an action's form: the case number and the client */
  {
    g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), detail->kase->number,
                                                 detail->kase->client_name
                                                 ? detail->kase->client_name : "");

    adw_window_title_set_subtitle (self->window_title, subtitle);
  }
  gtk_button_set_label (self->confirm_button, confirm_label (action));
  if (action == BB_ACTION_REFUSE || action == BB_ACTION_TERMINATE)
    gtk_widget_add_css_class (GTK_WIDGET (self->confirm_button), "destructive-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->confirm_button), "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->confirm_button));

  build_form (self);
  revalidate (self);
  load_staff (self);
  return self;
}

BbAction
bb_case_action_dialog_get_action (BbCaseActionDialog *self)
{
  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), BB_N_ACTIONS);

  return self->action;
}

/**
 * bb_case_action_dialog_get_case:
 *
 * Returns: (transfer none): the case the form acts on: as the view read it,
 *   or as it was read again after a conflict
 */
const BbCase *
bb_case_action_dialog_get_case (BbCaseActionDialog *self)
{
  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), NULL);

  return self->snapshot->kase;
}

gboolean
bb_case_action_dialog_get_valid (BbCaseActionDialog *self)
{
  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), FALSE);

  return self->valid;
}

gboolean
bb_case_action_dialog_get_busy (BbCaseActionDialog *self)
{
  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * bb_case_action_dialog_get_conflict:
 *
 * Returns: whether someone else changed the case since the form opened
 */
gboolean
bb_case_action_dialog_get_conflict (BbCaseActionDialog *self)
{
  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), FALSE);

  return self->conflict;
}

/**
 * bb_case_action_dialog_get_message:
 *
 * Returns: (nullable): the error or conflict shown at the top, if any
 */
const char *
bb_case_action_dialog_get_message (BbCaseActionDialog *self)
{
  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), NULL);

  return self->message;
}

/**
 * bb_case_action_dialog_get_field:
 * @key: the #BbCaseAction member the field fills (`text`, `reason`,
 *   `resume_by`, `staff`, `level`…)
 *
 * Returns: (transfer none) (nullable): the widget holding the value: an
 *   #AdwEntryRow, a #GtkTextView, an #AdwComboRow, a #GtkSwitch, a
 *   #GtkSpinButton, or the #GtkListBox of material check buttons
 */
GtkWidget *
bb_case_action_dialog_get_field (BbCaseActionDialog *self,
                                 const char         *key)
{
  Field *field;

  g_return_val_if_fail (BB_IS_CASE_ACTION_DIALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);
  return field != NULL ? field->widget : NULL;
}

/**
 * bb_case_action_dialog_confirm:
 *
 * Runs the action, as the confirm button does: only when the form is valid
 * and nothing is running.
 */
void
bb_case_action_dialog_confirm (BbCaseActionDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Act *act;

  g_return_if_fail (BB_IS_CASE_ACTION_DIALOG (self));

  revalidate (self);
  if (!self->valid || self->busy || get_database (self) == NULL)
    return;

  act = new_act (self);
  act->action = collect_action (self);
  hide_alert (self);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, acted_cb, NULL);
  g_task_set_source_tag (task, bb_case_action_dialog_confirm);
  g_task_set_task_data (task, act, (GDestroyNotify) act_free);
  g_task_run_in_thread (task, act_thread);
}
