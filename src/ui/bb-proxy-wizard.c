/* bb-proxy-wizard.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commission a 代办 case (§ 代办服务流程 需求分析 and 委托; table A.2, the
 * acceptance slip): the client with ID number and phone, the matter and the
 * needs analysis confirmed with the client, the pre-review of the materials
 * (a one-time notice of the missing ones), then acceptance — accepted by
 * the signed-in staff member, now, a responsible handler, the promised
 * limit in working days from the catalogue (only a leader may change it),
 * the deadline it gives — or refusal with a reason. Accepting stores it all
 * through core and ends with the slip's in-app preview, Print and Save as
 * PDF.
 */

#define G_LOG_DOMAIN "bb-proxy-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-case-repo.h"
#include "bb-client-step.h"
#include "bb-clock.h"
#include "bb-error.h"
#include "bb-field.h"
#include "bb-form-wording.h"
#include "bb-holiday-repo.h"
#include "bb-home-visit-group.h"
#include "bb-matter-step.h"
#include "bb-print.h"
#include "bb-print-preview.h"
#include "bb-proxy-wizard.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define DRAFT_KIND       "proxy"
#define SHORT_MAX_CHARS  100
#define TEXT_MAX_CHARS   2000
#define TOUCHED_KEY      "bb-touched"

typedef struct
{
  char            *name;
  GtkToggleButton *present;
  GtkToggleButton *missing;
} MaterialMark;

struct _BbProxyWizard
{
  BbWizard             parent_instance;

  /* Loaded once, in a thread */
  GPtrArray           *staff;        /* BbStaff, active */
  BbCalendar          *calendar;
  char                *team_name;
  char                *hotline;
  guint                ready : 1;

  GArray              *marks;        /* MaterialMark */
  GHashTable          *pending_marks; /* name → "present"/"missing", from a draft */
  gint64               pending_handler;
  int                  pending_limit;
  gboolean             estimated_touched;
  gboolean             limit_touched;
  gboolean             notice_given;
  guint                updating : 1;

  /* How far saving got (a retry goes on from there) */
  char                *number;
  int                  version;
  BbCaseState          state;
  gboolean             materials_done;
  gboolean             notice_done;
  BbPrintDocument     *slip;

  BbWizardPage        *client_page;
  BbWizardPage        *needs_page;
  BbWizardPage        *materials_page;
  BbWizardPage        *acceptance_page;
  BbWizardPage        *slip_page;
  BbClientStep        *client_step;
  BbMatterStep        *matter_step;
  AdwComboRow         *difficulty_row;
  GtkSpinButton       *estimated_spin;
  AdwEntryRow         *process_row;
  AdwComboRow         *channel_row;
  AdwActionRow        *confirmed_row;
  GtkCheckButton      *confirmed_check;
  GtkCheckButton      *hall_check;
  GtkCheckButton      *window_check;
  GtkCheckButton      *home_check;
  GtkCheckButton      *online_check;
  BbHomeVisitGroup    *home_group;
  AdwPreferencesGroup *materials_group;
  AdwPreferencesGroup *missing_group;
  AdwActionRow        *missing_row;
  GtkButton           *notice_button;
  GPtrArray           *material_rows;
  GtkCheckButton      *accept_check;
  GtkCheckButton      *refuse_check;
  AdwPreferencesGroup *accept_group;
  AdwActionRow        *accepted_by_row;
  AdwActionRow        *accepted_at_row;
  AdwComboRow         *handler_row;
  AdwActionRow        *limit_row;
  GtkSpinButton       *limit_spin;
  AdwActionRow        *deadline_row;
  AdwEntryRow         *notes_row;
  AdwPreferencesGroup *refuse_group;
  AdwEntryRow         *refusal_row;
  GtkStack            *result_stack;
  BbPrintPreview      *slip_preview;
  AdwStatusPage       *refused_status;
};

G_DEFINE_FINAL_TYPE (BbProxyWizard, bb_proxy_wizard, BB_TYPE_WIZARD)

enum {
  PROP_0,
  PROP_READY,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *channels[] = { "onsite", "phone", "email", "online" };

static void update_complete (BbProxyWizard *self);

/* Reading the pages */

static const char *
difficulty_label (guint index)
{
  switch (index)
    {
    case 0:
      /* Translators: how hard a matter is to handle */
      return C_("difficulty", "Simple");
    case 1:
      return C_("difficulty", "Moderate");
    default:
      return C_("difficulty", "Complex");
    }
}

static const char *
selected_mode (BbProxyWizard *self)
{
  if (gtk_check_button_get_active (self->window_check))
    return BB_MODE_WINDOW;
  if (gtk_check_button_get_active (self->home_check))
    return BB_MODE_HOME;
  if (gtk_check_button_get_active (self->online_check))
    return BB_MODE_ONLINE;
  return BB_MODE_HALL;
}

static void
select_mode (BbProxyWizard *self,
             const char    *mode)
{
  if (g_strcmp0 (mode, BB_MODE_WINDOW) == 0)
    gtk_check_button_set_active (self->window_check, TRUE);
  else if (g_strcmp0 (mode, BB_MODE_HOME) == 0)
    gtk_check_button_set_active (self->home_check, TRUE);
  else if (g_strcmp0 (mode, BB_MODE_ONLINE) == 0)
    gtk_check_button_set_active (self->online_check, TRUE);
  else
    gtk_check_button_set_active (self->hall_check, TRUE);
}

static const char *
selected_channel (BbProxyWizard *self)
{
  guint index = adw_combo_row_get_selected (self->channel_row);

  return channels[index < G_N_ELEMENTS (channels) ? index : 0];
}

static gboolean
accepting (BbProxyWizard *self)
{
  return !gtk_check_button_get_active (self->refuse_check);
}

static gboolean
may_assign (BbProxyWizard *self)
{
  return bb_actor_can (bb_wizard_get_actor (BB_WIZARD (self)), BB_PERM_CASE_ASSIGN);
}

static gboolean
may_change_limit (BbProxyWizard *self)
{
  return bb_actor_can (bb_wizard_get_actor (BB_WIZARD (self)), BB_PERM_LIMIT_CHANGE);
}

/* The staff the handler can be chosen from: everyone active for those who
 * may assign, oneself otherwise (core refuses anything else). */
static GPtrArray *
handler_choices (BbProxyWizard *self)
{
  const BbActor *actor = bb_wizard_get_actor (BB_WIZARD (self));
  GPtrArray *choices = g_ptr_array_new ();

  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      BbStaff *staff = g_ptr_array_index (self->staff, i);

      if (may_assign (self) || staff->id == actor->staff_id)
        g_ptr_array_add (choices, staff);
    }
  return choices;
}

static const BbStaff *
selected_handler (BbProxyWizard *self)
{
  g_autoptr(GPtrArray) choices = handler_choices (self);
  guint index = adw_combo_row_get_selected (self->handler_row);

  return index < choices->len ? g_ptr_array_index (choices, index) : NULL;
}

static void
select_handler (BbProxyWizard *self,
                gint64         staff_id)
{
  g_autoptr(GPtrArray) choices = handler_choices (self);

  for (guint i = 0; i < choices->len; i++)
    {
      BbStaff *staff = g_ptr_array_index (choices, i);

      if (staff->id == staff_id)
        adw_combo_row_set_selected (self->handler_row, i);
    }
}

static int
item_limit (BbProxyWizard *self)
{
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);

  return item != NULL ? item->limit_days : 0;
}

static int
chosen_limit (BbProxyWizard *self)
{
  return gtk_spin_button_get_value_as_int (self->limit_spin);
}

static char *
deadline_for (BbProxyWizard *self,
              int            limit)
{
  GDate today, deadline;
  char text[64];

  if (self->calendar == NULL || limit <= 0)
    return NULL;
  bb_clock_today (&today);
  bb_calendar_deadline (self->calendar, &today, (guint) limit, NULL, 0, &deadline);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &deadline);
  return g_strdup (text);
}

/* Validation */

static gboolean
check_text (AdwEntryRow *row,
            const char  *label,
            gboolean     required,
            guint        max_chars)
{
  g_autofree char *text = bb_field_dup_text (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (text != NULL)
    g_object_set_data (G_OBJECT (row), TOUCHED_KEY, GINT_TO_POINTER (TRUE));
  ok = bb_validate_text (label, text, required, max_chars, &error);
  if (!ok && text == NULL && g_object_get_data (G_OBJECT (row), TOUCHED_KEY) == NULL)
    g_clear_error (&error);
  bb_field_set_error (GTK_WIDGET (row), error);
  return ok;
}

static gboolean
validate_needs (BbProxyWizard *self)
{
  gboolean home = g_str_equal (selected_mode (self), BB_MODE_HOME);
  gboolean ok = bb_matter_step_get_complete (self->matter_step);

  ok &= check_text (self->process_row, _("Process"), TRUE, TEXT_MAX_CHARS);
  if (!gtk_check_button_get_active (self->confirmed_check))
    {
      ok = FALSE;
      bb_field_set_message (GTK_WIDGET (self->confirmed_row),
                            _("Confirm the analysis with the client before going on"));
    }
  else
    bb_field_set_message (GTK_WIDGET (self->confirmed_row), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->home_group), home);
  if (home)
    ok &= bb_home_visit_group_validate (self->home_group);
  return ok;
}

static gboolean
validate_materials (BbProxyWizard *self)
{
  GString *missing = g_string_new (NULL);
  gboolean ok = TRUE;
  guint n_missing = 0;

  for (guint i = 0; i < self->marks->len; i++)
    {
      MaterialMark *mark = &g_array_index (self->marks, MaterialMark, i);

      if (gtk_toggle_button_get_active (mark->missing))
        {
          if (missing->len > 0)
            g_string_append (missing, "、");
          g_string_append (missing, mark->name);
          n_missing++;
        }
      else if (!gtk_toggle_button_get_active (mark->present))
        ok = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), n_missing > 0);
  if (n_missing > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u material missing",
                                                          "%u materials missing", n_missing),
                                                n_missing);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->missing_row), title);
      adw_action_row_set_subtitle (self->missing_row, missing->str);
    }
  g_string_free (missing, TRUE);
  return ok;
}

static void
update_acceptance (BbProxyWizard *self)
{
  const BbActor *actor = bb_wizard_get_actor (BB_WIZARD (self));
  g_autoptr(GDateTime) utc = bb_clock_now ();
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) now = g_date_time_to_timezone (utc, tz);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *at_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *deadline = deadline_for (self, chosen_limit (self));
  int catalogue_limit = item_limit (self);

  gtk_widget_set_visible (GTK_WIDGET (self->accept_group), accepting (self));
  gtk_widget_set_visible (GTK_WIDGET (self->refuse_group), !accepting (self));
  bb_wizard_page_set_next_label (self->acceptance_page, accepting (self) ? _("_Accept")
                                                                         : _("_Refuse"));
  bb_wizard_page_set_destructive (self->acceptance_page, !accepting (self));

  adw_action_row_set_subtitle (self->accepted_by_row, actor->name);
  /* Translators: %s is the time now; the acceptance is recorded when it is saved */
  at_text = g_strdup_printf (_("%s (recorded on accepting)"), now_text);
  adw_action_row_set_subtitle (self->accepted_at_row, at_text);

  gtk_widget_set_sensitive (GTK_WIDGET (self->handler_row), may_assign (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->limit_spin), may_change_limit (self));
  if (may_change_limit (self))
    /* Translators: the time limit of the matter in the catalogue */
    limit_text = g_strdup_printf (ngettext ("The catalogue gives %d working day",
                                            "The catalogue gives %d working days",
                                            catalogue_limit),
                                  catalogue_limit);
  else
    limit_text = g_strdup_printf (ngettext ("The catalogue gives %d working day; only a "
                                            "team leader can change it",
                                            "The catalogue gives %d working days; only a "
                                            "team leader can change it",
                                            catalogue_limit),
                                  catalogue_limit);
  adw_action_row_set_subtitle (self->limit_row, limit_text);

  if (deadline != NULL)
    {
      g_autofree char *text = NULL;
      GDate date;
      char weekday[64];

      bb_validate_date (deadline, &date, NULL);
      g_date_strftime (weekday, sizeof weekday, "%A", &date);
      /* Translators: the deadline: a date and its day of the week */
      text = g_strdup_printf (_("%s, %s (working days, holidays excluded)"), deadline, weekday);
      adw_action_row_set_subtitle (self->deadline_row, text);
    }
  else
    adw_action_row_set_subtitle (self->deadline_row, self->ready ? "—" : _("Loading…"));
}

static gboolean
validate_acceptance (BbProxyWizard *self)
{
  gboolean ok = self->ready;

  update_acceptance (self);
  if (accepting (self))
    {
      gboolean has_handler = selected_handler (self) != NULL;

      bb_field_set_message (GTK_WIDGET (self->handler_row),
                            self->ready && !has_handler
                            ? _("There is no active staff member to handle the case: an "
                                "administrator adds staff on the Staff page")
                            : NULL);
      ok &= has_handler;
      ok &= chosen_limit (self) >= 1;
      ok &= check_text (self->notes_row, _("Acceptance notes"), FALSE, TEXT_MAX_CHARS);
    }
  else
    ok &= check_text (self->refusal_row, _("Reason for refusal"), TRUE, TEXT_MAX_CHARS);
  return ok;
}

static void
update_complete (BbProxyWizard *self)
{
  if (bb_wizard_get_locked (BB_WIZARD (self)))
    return;
  bb_wizard_page_set_complete (self->client_page, bb_client_step_get_complete (self->client_step));
  bb_wizard_page_set_complete (self->needs_page, validate_needs (self));
  bb_wizard_page_set_complete (self->materials_page, validate_materials (self));
  bb_wizard_page_set_complete (self->acceptance_page, validate_acceptance (self));
}

static void
update_complete_cb (BbProxyWizard *self)
{
  if (!self->updating)
    update_complete (self);
}

static void
input_changed_cb (BbProxyWizard *self)
{
  if (self->updating)
    return;
  update_complete (self);
  bb_wizard_changed (BB_WIZARD (self));
}

static void
estimated_changed_cb (BbProxyWizard *self)
{
  if (!self->updating)
    self->estimated_touched = TRUE;
  input_changed_cb (self);
}

static void
limit_changed_cb (BbProxyWizard *self)
{
  if (!self->updating)
    self->limit_touched = TRUE;
  input_changed_cb (self);
}

/* Once the case is created, what it was created with cannot change here. */
static void
update_created (BbProxyWizard *self)
{
  gboolean open = self->number == NULL;
  GtkWidget *fixed[] = {
    GTK_WIDGET (self->client_step), GTK_WIDGET (self->matter_step),
    GTK_WIDGET (self->channel_row), GTK_WIDGET (self->hall_check),
    GTK_WIDGET (self->window_check), GTK_WIDGET (self->home_check),
    GTK_WIDGET (self->online_check), GTK_WIDGET (self->home_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    gtk_widget_set_sensitive (fixed[i], open);
}

/* The materials of the chosen matter */

static void
clear_materials (BbProxyWizard *self)
{
  for (guint i = 0; i < self->material_rows->len; i++)
    adw_preferences_group_remove (self->materials_group,
                                  g_ptr_array_index (self->material_rows, i));
  g_ptr_array_set_size (self->material_rows, 0);
  g_array_set_size (self->marks, 0);
}

static void
mark_toggled_cb (BbProxyWizard *self)
{
  input_changed_cb (self);
}

static void
build_materials (BbProxyWizard *self)
{
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);

  clear_materials (self);
  if (item == NULL)
    return;

  if (item->materials == NULL || item->materials->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The catalogue lists no materials for this matter"));
      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
      return;
    }

  for (guint i = 0; i < item->materials->len; i++)
    {
      const BbMaterial *material = g_ptr_array_index (item->materials, i);
      g_autofree char *description = bb_material_describe (material);
      const char *pending = self->pending_marks != NULL
                            ? g_hash_table_lookup (self->pending_marks, material->name) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *present = gtk_toggle_button_new_with_label (_("Present"));
      GtkWidget *missing = gtk_toggle_button_new_with_label (_("Missing"));
      MaterialMark mark;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (missing), GTK_TOGGLE_BUTTON (present));
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (missing, "material-missing");
      gtk_box_append (GTK_BOX (box), present);
      gtk_box_append (GTK_BOX (box), missing);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (present), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      material->name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (missing), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      material->name, -1);

      if (g_strcmp0 (pending, "present") == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (present), TRUE);
      else if (g_strcmp0 (pending, "missing") == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (missing), TRUE);
      g_signal_connect_swapped (present, "toggled", G_CALLBACK (mark_toggled_cb), self);
      g_signal_connect_swapped (missing, "toggled", G_CALLBACK (mark_toggled_cb), self);

      mark.name = material->name;
      mark.present = GTK_TOGGLE_BUTTON (present);
      mark.missing = GTK_TOGGLE_BUTTON (missing);
      g_array_append_val (self->marks, mark);

      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
    }
}

static void
item_changed_cb (BbProxyWizard *self)
{
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  build_materials (self);
  g_clear_pointer (&self->pending_marks, g_hash_table_unref);

  if (item != NULL)
    {
      /* The catalogue's figures, unless the user has typed their own. */
      if (!self->estimated_touched)
        gtk_spin_button_set_value (self->estimated_spin, item->limit_days);
      if (self->pending_limit > 0)
        gtk_spin_button_set_value (self->limit_spin, self->pending_limit);
      else if (!self->limit_touched || !may_change_limit (self))
        gtk_spin_button_set_value (self->limit_spin, item->limit_days);
      self->pending_limit = 0;
      if (*gtk_editable_get_text (GTK_EDITABLE (self->process_row)) == '\0' &&
          item->process != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->process_row), item->process);
    }
  self->updating = was_updating;

  if (!self->updating)
    {
      update_complete (self);
      bb_wizard_changed (BB_WIZARD (self));
    }
}

/* The one-time notice at pre-review */

static char *
today_iso (void)
{
  GDate today;
  char text[16];

  bb_clock_today (&today);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &today);
  return g_strdup (text);
}

static const BbStaff *
actor_staff (BbProxyWizard *self)
{
  const BbActor *actor = bb_wizard_get_actor (BB_WIZARD (self));

  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      BbStaff *staff = g_ptr_array_index (self->staff, i);

      if (staff->id == actor->staff_id)
        return staff;
    }
  return NULL;
}

static BbPrintDocument *
make_notice (BbProxyWizard *self)
{
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  g_autoptr(BbClient) client = bb_client_step_dup_client (self->client_step);
  g_autoptr(GArray) materials = g_array_new (FALSE, TRUE, sizeof (BbNoticeMaterial));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = today_iso ();
  g_autofree char *phone = client != NULL && client->phone != NULL
                           ? bb_normalize_phone (client->phone) : NULL;
  const BbStaff *staff = actor_staff (self);
  BbNoticeData data = { 0 };

  if (item == NULL || item->materials == NULL)
    return NULL;

  for (guint i = 0; i < self->marks->len; i++)
    {
      MaterialMark *mark = &g_array_index (self->marks, MaterialMark, i);
      const BbMaterial *material = g_ptr_array_index (item->materials, i);
      BbNoticeMaterial line = { 0 };
      char *requirement;

      if (!gtk_toggle_button_get_active (mark->missing))
        continue;
      requirement = bb_form_material_requirement (bb_material_form_to_string (material->form),
                                                  material->copies);
      g_ptr_array_add (strings, requirement);
      line.name = material->name;
      line.requirement = requirement;
      line.how_to_obtain = material->how_to_obtain;
      g_array_append_val (materials, line);
    }

  data.team_name = self->team_name;
  data.number = self->number;
  data.date = date;
  data.applicant = client != NULL ? client->name : NULL;
  data.phone = phone;
  data.matter = item->name;
  data.staff = bb_wizard_get_actor (BB_WIZARD (self))->name;
  data.staff_phone = staff != NULL ? staff->phone : NULL;
  data.hotline = self->hotline;
  data.materials = (const BbNoticeMaterial *) materials->data;
  data.n_materials = materials->len;
  return bb_print_document_new_notice (&data);
}

static void
notice_clicked_cb (BbProxyWizard *self)
{
  g_autoptr(BbPrintDocument) notice = make_notice (self);

  if (notice == NULL)
    return;
  self->notice_given = TRUE;
  bb_print_show_preview (GTK_WINDOW (self), notice);
  bb_wizard_changed (BB_WIZARD (self));
}

/* The slip */

static void
print_clicked_cb (BbProxyWizard *self)
{
  if (self->slip != NULL)
    bb_print_run_dialog (GTK_WINDOW (self), self->slip);
}

static void
save_pdf_clicked_cb (BbProxyWizard *self)
{
  if (self->slip != NULL)
    bb_print_save_pdf (GTK_WINDOW (self), self->slip);
}

/* Start-up: the staff, the settings printed on forms, the calendar */

typedef struct
{
  GPtrArray  *staff;
  BbCalendar *calendar;
  char       *team_name;
  char       *hotline;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->staff, g_ptr_array_unref);
  g_clear_object (&loaded->calendar);
  g_free (loaded->team_name);
  g_free (loaded->hotline);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BbDatabase *db = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  loaded->staff = bb_staff_repo_list (db, FALSE, &error);
  if (loaded->staff != NULL)
    loaded->calendar = bb_holiday_repo_load_calendar (db, &error);
  if (loaded->calendar != NULL)
    loaded->team_name = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, &error);
  if (loaded->team_name != NULL)
    loaded->hotline = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, NULL, &error);
  if (error != NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
fill_handlers (BbProxyWizard *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) choices = handler_choices (self);
  const BbActor *actor = bb_wizard_get_actor (BB_WIZARD (self));

  for (guint i = 0; i < choices->len; i++)
    {
      BbStaff *staff = g_ptr_array_index (choices, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", staff->name, staff->number);

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->handler_row, G_LIST_MODEL (labels));
  select_handler (self, self->pending_handler > 0 ? self->pending_handler : actor->staff_id);
  self->pending_handler = 0;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BbProxyWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      bb_wizard_show_error (BB_WIZARD (self), error->message);
      return;
    }

  self->staff = g_steal_pointer (&loaded->staff);
  self->calendar = g_steal_pointer (&loaded->calendar);
  self->team_name = g_steal_pointer (&loaded->team_name);
  self->hotline = g_steal_pointer (&loaded->hotline);
  loaded_free (loaded);

  self->updating = TRUE;
  fill_handlers (self);
  self->updating = FALSE;
  self->ready = TRUE;
  update_complete (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* Saving: client, case, analysis, materials, notice, accept or refuse */

typedef struct
{
  BbWizard    *wizard;
  BbDatabase  *db;
  BbActor     *actor;
  BbClient    *client;
  gboolean     client_is_new;
  gboolean     client_update;
  gint64       item_id;
  char        *channel;
  char        *mode;
  char        *home_address;
  gint64       appointment_at;
  char        *difficulty;
  int          estimated_days;
  char        *process;
  char       **present;
  char       **missing;
  gboolean     notice;
  gboolean     accept;
  gint64       handler_id;
  int          limit_days;
  char        *notes;
  char        *refusal;

  /* Progress, read back even when the task fails */
  char        *number;
  int          version;
  BbCaseState  state;
  gboolean     materials_done;
  gboolean     notice_done;
  gint64       added_client_id;
  BbCase      *kase;
} Commit;

static void
commit_free (Commit *commit)
{
  g_clear_object (&commit->wizard);
  g_clear_object (&commit->db);
  g_clear_pointer (&commit->actor, bb_actor_free);
  g_clear_pointer (&commit->client, bb_client_free);
  g_free (commit->channel);
  g_free (commit->mode);
  g_free (commit->home_address);
  g_free (commit->difficulty);
  g_free (commit->process);
  g_strfreev (commit->present);
  g_strfreev (commit->missing);
  g_free (commit->notes);
  g_free (commit->refusal);
  g_free (commit->number);
  g_clear_pointer (&commit->kase, bb_case_free);
  g_free (commit);
}

static gboolean
commit_act (Commit        *commit,
            BbCaseAction  *action,
            GError       **error)
{
  BbCase *kase = bb_case_repo_act (commit->db, commit->actor, commit->number, action,
                                   commit->version, error);

  if (kase == NULL)
    return FALSE;
  commit->version = kase->version;
  commit->state = kase->state;
  g_clear_pointer (&commit->kase, bb_case_free);
  commit->kase = kase;
  return TRUE;
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Commit *commit = task_data;
  GError *error = NULL;

  /* A case a draft remembers (the program stopped while saving): go on
   * from where it stands. */
  if (commit->number != NULL && commit->version == 0)
    {
      g_autoptr(BbCase) kase = bb_case_repo_get (commit->db, commit->actor, commit->number,
                                                 &error);

      if (kase == NULL)
        goto failed;
      commit->version = kase->version;
      commit->state = kase->state;
    }

  if (commit->number == NULL)
    {
      BbCaseDraft draft = { 0 };
      BbCase *kase;

      if (commit->client_is_new)
        {
          gint64 id = bb_client_repo_add (commit->db, commit->actor, commit->client, &error);

          if (id <= 0)
            goto failed;
          commit->client->id = id;
          commit->added_client_id = id;
        }
      else if (commit->client_update &&
               !bb_client_repo_update (commit->db, commit->actor, commit->client, &error))
        goto failed;

      draft.kind = BB_CASE_PROXY;
      draft.client_id = commit->client->id;
      draft.item_id = commit->item_id;
      draft.mode = commit->mode;
      draft.channel = commit->channel;
      draft.home_address = commit->home_address;
      draft.appointment_at = commit->appointment_at;
      kase = bb_case_repo_create (commit->db, commit->actor, &draft, &error);
      if (kase == NULL)
        goto failed;
      commit->number = g_strdup (kase->number);
      commit->version = kase->version;
      commit->state = kase->state;
      bb_wizard_report_case_stored (commit->wizard,
                                    commit->added_client_id > 0 ? commit->client : NULL,
                                    commit->number);
      commit->kase = kase;
    }

  /* 需求分析, confirmed with the client */
  if (commit->state == BB_STATE_CONSULTATION)
    {
      g_autoptr(BbCaseAction) analyse = bb_case_action_new (BB_ACTION_ANALYSE);

      analyse->difficulty = g_strdup (commit->difficulty);
      analyse->estimated_days = commit->estimated_days;
      analyse->process = g_strdup (commit->process);
      if (!commit_act (commit, analyse, &error))
        goto failed;
    }

  /* 委托: the pre-review of the materials, and the notice of missing ones */
  if (commit->state == BB_STATE_ANALYSED && !commit->materials_done &&
      (commit->present[0] != NULL || commit->missing[0] != NULL))
    {
      g_autoptr(BbCaseAction) materials = bb_case_action_new (BB_ACTION_MATERIALS);

      materials->present = g_strdupv (commit->present);
      materials->missing = g_strdupv (commit->missing);
      if (!commit_act (commit, materials, &error))
        goto failed;
    }
  commit->materials_done = TRUE;

  if (commit->state == BB_STATE_ANALYSED && commit->notice && !commit->notice_done &&
      commit->missing[0] != NULL)
    {
      g_autoptr(BbCaseAction) notice = bb_case_action_new (BB_ACTION_NOTIFY_MISSING);

      if (!commit_act (commit, notice, &error))
        goto failed;
    }
  commit->notice_done = TRUE;

  if (commit->state == BB_STATE_ANALYSED)
    {
      g_autoptr(BbCaseAction) decision = NULL;

      if (commit->accept)
        {
          decision = bb_case_action_new (BB_ACTION_ACCEPT);
          decision->staff_id = commit->handler_id;
          decision->limit_days = commit->limit_days;
          decision->text = g_strdup (commit->notes);
        }
      else
        {
          decision = bb_case_action_new (BB_ACTION_REFUSE);
          decision->reason = g_strdup (commit->refusal);
        }
      if (!commit_act (commit, decision, &error))
        goto failed;
    }

  /* The slip shows the full ID number to those who may see it: say so. */
  if (commit->accept && commit->kase != NULL && commit->kase->client_id_revealed &&
      !bb_case_repo_record_reveal (commit->db, commit->actor, commit->kase, "slip", &error))
    goto failed;

  g_task_return_boolean (task, TRUE);
  return;

failed:
  g_task_return_error (task, error);
}

static char **
material_names (BbProxyWizard *self,
                gboolean       present)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < self->marks->len; i++)
    {
      MaterialMark *mark = &g_array_index (self->marks, MaterialMark, i);

      if (gtk_toggle_button_get_active (present ? mark->present : mark->missing))
        g_strv_builder_add (builder, mark->name);
    }
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

static void
committed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BbProxyWizard) self = user_data;
  Commit *commit = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  BbWizard *wizard = BB_WIZARD (self);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (bb_wizard_get_cancellable (wizard)))
    {
      if (ok)
        bb_proxy_wizard_discard_draft ();
      return;
    }

  bb_wizard_set_busy (wizard, FALSE);

  if (commit->added_client_id > 0)
    bb_client_step_select_client (self->client_step, commit->client);
  if (commit->number != NULL && self->number == NULL)
    {
      self->number = g_strdup (commit->number);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
    }
  self->version = commit->version;
  self->state = commit->state;
  self->materials_done = commit->materials_done;
  self->notice_done = commit->notice_done;

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      if (self->number != NULL)
        message = g_strdup_printf (_("Case %s was created, but not every step could be "
                                     "recorded: %s. Press the button again to try again."),
                                   self->number, error->message);
      else
        message = g_strdup_printf (_("The commission was not recorded: %s"), error->message);
      bb_wizard_show_error (wizard, message);
      return;
    }

  bb_wizard_lock (wizard);
  if (commit->accept && commit->kase != NULL)
    {
      g_clear_pointer (&self->slip, bb_print_document_unref);
      self->slip = bb_print_document_new_slip_for_case (commit->kase, self->team_name,
                                                        self->hotline);
      bb_print_preview_set_document (self->slip_preview, self->slip);
      gtk_stack_set_visible_child_name (self->result_stack, "slip");
      bb_wizard_page_set_title (self->slip_page, _("Slip"));
    }
  else
    {
      g_autofree char *description =
        g_strdup_printf (_("Case %s is recorded as refused: %s"), self->number,
                         commit->refusal);

      adw_status_page_set_description (self->refused_status, description);
      gtk_stack_set_visible_child_name (self->result_stack, "refused");
      bb_wizard_page_set_title (self->slip_page, _("Refused"));
    }
  bb_wizard_emit_case_created (wizard, self->number);
  bb_wizard_go_next (wizard);
}

static void
commit (BbProxyWizard *self)
{
  BbWizard *wizard = BB_WIZARD (self);
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  const BbStaff *handler = selected_handler (self);
  g_autoptr(GTask) task = NULL;
  Commit *data;

  data = g_new0 (Commit, 1);
  data->wizard = g_object_ref (wizard);
  data->db = g_object_ref (bb_wizard_get_database (wizard));
  data->actor = bb_actor_copy (bb_wizard_get_actor (wizard));
  data->client = bb_client_step_dup_client (self->client_step);
  data->client_is_new = bb_client_step_get_is_new (self->client_step);
  data->client_update = bb_client_step_get_needs_update (self->client_step);
  data->item_id = item != NULL ? item->id : 0;
  data->channel = g_strdup (selected_channel (self));
  data->mode = g_strdup (selected_mode (self));
  if (g_str_equal (data->mode, BB_MODE_HOME))
    {
      data->home_address = bb_home_visit_group_dup_address (self->home_group);
      data->appointment_at = bb_home_visit_group_get_appointment (self->home_group);
    }
  data->difficulty = g_strdup (difficulty_label (adw_combo_row_get_selected (self->difficulty_row)));
  data->estimated_days = gtk_spin_button_get_value_as_int (self->estimated_spin);
  data->process = bb_field_dup_text (GTK_WIDGET (self->process_row));
  data->present = material_names (self, TRUE);
  data->missing = material_names (self, FALSE);
  data->notice = self->notice_given;
  data->accept = accepting (self);
  data->handler_id = handler != NULL ? handler->id : 0;
  /* 0 takes the catalogue's limit: only a change needs the leader's right. */
  data->limit_days = chosen_limit (self) == item_limit (self) ? 0 : chosen_limit (self);
  data->notes = bb_field_dup_text (GTK_WIDGET (self->notes_row));
  data->refusal = bb_field_dup_text (GTK_WIDGET (self->refusal_row));
  data->number = g_strdup (self->number);
  data->version = self->version;
  data->state = self->state;
  data->materials_done = self->materials_done;
  data->notice_done = self->notice_done;
  g_return_if_fail (data->client != NULL);

  bb_wizard_set_busy (wizard, TRUE);
  task = g_task_new (NULL, bb_wizard_get_cancellable (wizard), committed_cb, g_object_ref (self));
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) commit_free);
  g_task_run_in_thread (task, commit_thread);
}

/* Overrides */

static void
bb_proxy_wizard_forward (BbWizard     *wizard,
                         BbWizardPage *page)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (wizard);

  if (page == self->acceptance_page)
    commit (self);
  else
    bb_wizard_go_next (wizard);
}

static void
bb_proxy_wizard_case_stored (BbWizard       *wizard,
                             const BbClient *client,
                             const char     *number)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (wizard);

  if (client != NULL)
    bb_client_step_select_client (self->client_step, client);
  if (self->number == NULL)
    {
      self->number = g_strdup (number);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
    }
  update_created (self);
}

static void
bb_proxy_wizard_page_shown (BbWizard     *wizard,
                            BbWizardPage *page)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (wizard);

  if (page == self->acceptance_page)
    update_acceptance (self);
}

static JsonObject *
bb_proxy_wizard_save_draft (BbWizard *wizard)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (wizard);
  g_autofree char *client = bb_client_step_dup_summary (self->client_step);
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  const BbStaff *handler = selected_handler (self);
  g_autofree char *summary = NULL;
  JsonObject *input = json_object_new ();
  JsonObject *marks = json_object_new ();

  summary = g_strjoin (" · ", client != NULL ? client : _("Client not chosen yet"),
                       item != NULL ? item->name : _("matter not chosen yet"), NULL);
  json_object_set_string_member (input, "summary", summary);
  json_object_set_object_member (input, "client", bb_client_step_save (self->client_step));
  json_object_set_object_member (input, "matter", bb_matter_step_save (self->matter_step));
  json_object_set_int_member (input, "difficulty", adw_combo_row_get_selected (self->difficulty_row));
  json_object_set_int_member (input, "estimated_days",
                              gtk_spin_button_get_value_as_int (self->estimated_spin));
  json_object_set_boolean_member (input, "estimated_touched", self->estimated_touched);
  json_object_set_string_member (input, "process",
                                 gtk_editable_get_text (GTK_EDITABLE (self->process_row)));
  json_object_set_string_member (input, "channel", selected_channel (self));
  json_object_set_boolean_member (input, "confirmed",
                                  gtk_check_button_get_active (self->confirmed_check));
  json_object_set_string_member (input, "mode", selected_mode (self));
  json_object_set_object_member (input, "home", bb_home_visit_group_save (self->home_group));

  for (guint i = 0; i < self->marks->len; i++)
    {
      MaterialMark *mark = &g_array_index (self->marks, MaterialMark, i);

      if (gtk_toggle_button_get_active (mark->present))
        json_object_set_string_member (marks, mark->name, "present");
      else if (gtk_toggle_button_get_active (mark->missing))
        json_object_set_string_member (marks, mark->name, "missing");
    }
  json_object_set_object_member (input, "materials", marks);
  json_object_set_boolean_member (input, "notice_given", self->notice_given);

  json_object_set_boolean_member (input, "accept", accepting (self));
  if (handler != NULL)
    json_object_set_int_member (input, "handler_id", handler->id);
  if (self->limit_touched)
    json_object_set_int_member (input, "limit_days", chosen_limit (self));
  json_object_set_string_member (input, "notes",
                                 gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  json_object_set_string_member (input, "refusal",
                                 gtk_editable_get_text (GTK_EDITABLE (self->refusal_row)));
  if (self->number != NULL)
    json_object_set_string_member (input, "number", self->number);
  return input;
}

static JsonObject *
member_object (JsonObject *input,
               const char *name)
{
  JsonNode *node = json_object_get_member (input, name);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_object_ref (json_node_get_object (node));
  return json_object_new ();
}

static void
bb_proxy_wizard_restore_draft (BbWizard   *wizard,
                               JsonObject *input)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (wizard);
  g_autoptr(JsonObject) client = member_object (input, "client");
  g_autoptr(JsonObject) matter = member_object (input, "matter");
  g_autoptr(JsonObject) home = member_object (input, "home");
  g_autoptr(JsonObject) marks = member_object (input, "materials");
  g_autoptr(GList) names = json_object_get_members (marks);
  const char *channel = json_object_get_string_member_with_default (input, "channel", "onsite");

  self->updating = TRUE;

  g_clear_pointer (&self->pending_marks, g_hash_table_unref);
  self->pending_marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (GList *l = names; l != NULL; l = l->next)
    g_hash_table_insert (self->pending_marks, g_strdup (l->data),
                         g_strdup (json_object_get_string_member (marks, l->data)));
  self->estimated_touched = json_object_get_boolean_member_with_default (input,
                                                                        "estimated_touched",
                                                                        FALSE);
  self->pending_limit = (int) json_object_get_int_member_with_default (input, "limit_days", 0);
  self->limit_touched = self->pending_limit > 0;
  self->pending_handler = json_object_get_int_member_with_default (input, "handler_id", 0);
  self->notice_given = json_object_get_boolean_member_with_default (input, "notice_given", FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->process_row),
                         json_object_get_string_member_with_default (input, "process", ""));
  bb_client_step_restore (self->client_step, client);
  bb_matter_step_restore (self->matter_step, matter);
  adw_combo_row_set_selected (self->difficulty_row,
                              (guint) json_object_get_int_member_with_default (input,
                                                                              "difficulty", 0));
  gtk_spin_button_set_value (self->estimated_spin,
                             (double) json_object_get_int_member_with_default (input,
                                                                              "estimated_days",
                                                                              1));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      if (g_strcmp0 (channels[i], channel) == 0)
        adw_combo_row_set_selected (self->channel_row, i);
    }
  gtk_check_button_set_active (self->confirmed_check,
                               json_object_get_boolean_member_with_default (input, "confirmed",
                                                                            FALSE));
  select_mode (self, json_object_get_string_member_with_default (input, "mode", BB_MODE_HALL));
  bb_home_visit_group_restore (self->home_group, home);
  if (json_object_get_boolean_member_with_default (input, "accept", TRUE))
    gtk_check_button_set_active (self->accept_check, TRUE);
  else
    gtk_check_button_set_active (self->refuse_check, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         json_object_get_string_member_with_default (input, "notes", ""));
  gtk_editable_set_text (GTK_EDITABLE (self->refusal_row),
                         json_object_get_string_member_with_default (input, "refusal", ""));
  /* The case exists already: saving goes on from its state. */
  g_free (self->number);
  self->number = g_strdup (json_object_get_string_member_with_default (input, "number", NULL));
  self->version = 0;
  self->materials_done = FALSE;
  self->notice_done = FALSE;
  update_created (self);

  /* The matter may be chosen already (a catalogue read before): its
   * materials get the marks now; otherwise when it is chosen. */
  if (bb_matter_step_get_item (self->matter_step) != NULL)
    item_changed_cb (self);
  if (self->ready && self->pending_handler > 0)
    {
      select_handler (self, self->pending_handler);
      self->pending_handler = 0;
    }

  self->updating = FALSE;
  update_complete (self);
}

static void
bb_proxy_wizard_constructed (GObject *object)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (object);
  BbWizard *wizard = BB_WIZARD (self);
  BbDatabase *db;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (bb_proxy_wizard_parent_class)->constructed (object);

  db = bb_wizard_get_database (wizard);
  bb_client_step_set_database (self->client_step, db);
  bb_matter_step_set_database (self->matter_step, db);

  task = g_task_new (NULL, bb_wizard_get_cancellable (wizard), loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (db), g_object_unref);
  g_task_run_in_thread (task, load_thread);

  update_complete (self);
  if (!bb_wizard_restore_draft (wizard, &error) && error != NULL)
    bb_wizard_show_error (wizard, error->message);
}

static void
bb_proxy_wizard_dispose (GObject *object)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PROXY_WIZARD);
  g_clear_pointer (&self->material_rows, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->pending_marks, g_hash_table_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->slip, bb_print_document_unref);

  G_OBJECT_CLASS (bb_proxy_wizard_parent_class)->dispose (object);
}

static void
bb_proxy_wizard_finalize (GObject *object)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (object);

  g_free (self->team_name);
  g_free (self->hotline);
  g_free (self->number);

  G_OBJECT_CLASS (bb_proxy_wizard_parent_class)->finalize (object);
}

static void
bb_proxy_wizard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbProxyWizard *self = BB_PROXY_WIZARD (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_proxy_wizard_class_init (BbProxyWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbWizardClass *wizard_class = BB_WIZARD_CLASS (klass);

  object_class->constructed = bb_proxy_wizard_constructed;
  object_class->dispose = bb_proxy_wizard_dispose;
  object_class->finalize = bb_proxy_wizard_finalize;
  object_class->get_property = bb_proxy_wizard_get_property;
  wizard_class->forward = bb_proxy_wizard_forward;
  wizard_class->page_shown = bb_proxy_wizard_page_shown;
  wizard_class->case_stored = bb_proxy_wizard_case_stored;
  wizard_class->save_draft = bb_proxy_wizard_save_draft;
  wizard_class->restore_draft = bb_proxy_wizard_restore_draft;

  /**
   * BbProxyWizard:ready:
   *
   * Whether the staff list, the holiday calendar and the settings printed
   * on the slip have been read.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbProxyWizard:number:
   *
   * The case's number once it is created.
   */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_CLIENT_STEP);
  g_type_ensure (BB_TYPE_MATTER_STEP);
  g_type_ensure (BB_TYPE_HOME_VISIT_GROUP);
  g_type_ensure (BB_TYPE_PRINT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-proxy-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, client_page);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, needs_page);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, materials_page);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, acceptance_page);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, slip_page);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, client_step);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, matter_step);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, difficulty_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, estimated_spin);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, process_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, channel_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, hall_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, window_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, home_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, online_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, home_group);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, materials_group);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, missing_group);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, missing_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, notice_button);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, accept_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, refuse_check);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, accept_group);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, accepted_by_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, accepted_at_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, handler_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, limit_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, notes_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, refuse_group);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, refusal_row);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, result_stack);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, slip_preview);
  gtk_widget_class_bind_template_child (widget_class, BbProxyWizard, refused_status);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_complete_cb);
  gtk_widget_class_bind_template_callback (widget_class, estimated_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, limit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_pdf_clicked_cb);
}

static void
bb_proxy_wizard_init (BbProxyWizard *self)
{
  g_autoptr(GtkStringList) difficulty_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channel_labels = gtk_string_list_new (NULL);

  self->marks = g_array_new (FALSE, TRUE, sizeof (MaterialMark));
  self->material_rows = g_ptr_array_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 3; i++)
    gtk_string_list_append (difficulty_labels, difficulty_label (i));
  adw_combo_row_set_model (self->difficulty_row, G_LIST_MODEL (difficulty_labels));
  adw_combo_row_set_selected (self->difficulty_row, 1);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (channel_labels, bb_case_channel_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_labels));
  self->updating = FALSE;
}

/**
 * bb_proxy_wizard_new:
 * @parent: (nullable): the main window
 * @db: the database
 * @actor: who accepts the commission (受理人)
 *
 * A wizard to commission a 代办 case. If an unfinished one was kept as a
 * draft, the wizard continues it (the user can start over). Connect to
 * #BbWizard::case-created to open the case, then present the window.
 *
 * Returns: (transfer none): the wizard, a modal window
 */
BbProxyWizard *
bb_proxy_wizard_new (GtkWindow     *parent,
                     BbDatabase    *db,
                     const BbActor *actor)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (BB_TYPE_PROXY_WIZARD,
                       "transient-for", parent,
                       "database", db,
                       "actor", actor,
                       "draft-kind", DRAFT_KIND,
                       NULL);
}

/**
 * bb_proxy_wizard_get_number:
 *
 * Returns: (nullable): the case's number once it is created
 */
const char *
bb_proxy_wizard_get_number (BbProxyWizard *self)
{
  g_return_val_if_fail (BB_IS_PROXY_WIZARD (self), NULL);

  return self->number;
}

gboolean
bb_proxy_wizard_get_ready (BbProxyWizard *self)
{
  g_return_val_if_fail (BB_IS_PROXY_WIZARD (self), FALSE);

  return self->ready;
}

/**
 * bb_proxy_wizard_has_draft:
 * @summary: (out) (optional) (transfer full): who and what it is about
 *
 * Returns: whether an unfinished commission is kept, to offer it at start
 */
gboolean
bb_proxy_wizard_has_draft (char **summary)
{
  return bb_wizard_draft_exists (DRAFT_KIND, summary);
}

/**
 * bb_proxy_wizard_discard_draft:
 *
 * Forgets the unfinished commission (the user declined to continue it).
 */
void
bb_proxy_wizard_discard_draft (void)
{
  bb_wizard_draft_discard (DRAFT_KIND);
}
