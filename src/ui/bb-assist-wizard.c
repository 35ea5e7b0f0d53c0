/* bb-assist-wizard.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Register a 帮办 request (§ 帮办服务流程 申请 and 受理; table A.1, the
 * service register): the client, the matter from the catalogue, the reason
 * (受理理由), the service mode (a home visit with its address and
 * appointment) and the area the client is routed to, a review, and then
 * the case is created, registered (apply) and routed through core, and
 * #BbWizard::case-created says its number.
 */

#define G_LOG_DOMAIN "bb-assist-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-assist-wizard.h"
#include "bb-case-repo.h"
#include "bb-client-step.h"
#include "bb-error.h"
#include "bb-field.h"
#include "bb-home-visit-group.h"
#include "bb-matter-step.h"
#include "bb-validate.h"

#define DRAFT_KIND     "assist"
#define TEXT_MAX_CHARS 2000
#define TOUCHED_KEY    "bb-touched"

struct _BbAssistWizard
{
  BbWizard          parent_instance;

  /* How far an earlier attempt to save got, so that trying again goes on
   * from there instead of adding the client or the case twice. */
  char             *number;
  int               version;
  BbCaseState       state;
  guint             updating : 1;

  BbWizardPage     *client_page;
  BbWizardPage     *matter_page;
  BbWizardPage     *request_page;
  BbWizardPage     *review_page;
  BbClientStep     *client_step;
  BbMatterStep     *matter_step;
  AdwEntryRow      *reason_row;
  AdwComboRow      *channel_row;
  AdwEntryRow      *remark_row;
  GtkCheckButton   *hall_check;
  GtkCheckButton   *window_check;
  GtkCheckButton   *home_check;
  GtkCheckButton   *online_check;
  BbHomeVisitGroup *home_group;
  GtkCheckButton   *area_online_check;
  GtkCheckButton   *area_self_check;
  GtkCheckButton   *area_assist_check;
  AdwPreferencesGroup *review_group;
  GPtrArray        *review_rows;
};

G_DEFINE_FINAL_TYPE (BbAssistWizard, bb_assist_wizard, BB_TYPE_WIZARD)

static const char *channels[] = { "onsite", "phone", "email", "online" };

/* Reading the pages */

static const char *
selected_mode (BbAssistWizard *self)
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
select_mode (BbAssistWizard *self,
             const char     *mode)
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
selected_area (BbAssistWizard *self)
{
  if (gtk_check_button_get_active (self->area_online_check))
    return BB_AREA_ONLINE;
  if (gtk_check_button_get_active (self->area_self_check))
    return BB_AREA_SELF_SERVICE;
  if (gtk_check_button_get_active (self->area_assist_check))
    return BB_AREA_ASSIST;
  return NULL;
}

static void
select_area (BbAssistWizard *self,
             const char     *area)
{
  if (g_strcmp0 (area, BB_AREA_ONLINE) == 0)
    gtk_check_button_set_active (self->area_online_check, TRUE);
  else if (g_strcmp0 (area, BB_AREA_SELF_SERVICE) == 0)
    gtk_check_button_set_active (self->area_self_check, TRUE);
  else
    gtk_check_button_set_active (self->area_assist_check, TRUE);
}

static const char *
selected_channel (BbAssistWizard *self)
{
  guint index = adw_combo_row_get_selected (self->channel_row);

  return channels[index < G_N_ELEMENTS (channels) ? index : 0];
}

static void
select_channel (BbAssistWizard *self,
                const char     *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      if (g_strcmp0 (channels[i], channel) == 0)
        adw_combo_row_set_selected (self->channel_row, i);
    }
}

static gboolean
check_text (AdwEntryRow *row,
            const char  *label,
            gboolean     required)
{
  g_autofree char *text = bb_field_dup_text (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (text != NULL)
    g_object_set_data (G_OBJECT (row), TOUCHED_KEY, GINT_TO_POINTER (TRUE));
  ok = bb_validate_text (label, text, required, TEXT_MAX_CHARS, &error);
  if (!ok && text == NULL && g_object_get_data (G_OBJECT (row), TOUCHED_KEY) == NULL)
    g_clear_error (&error);
  bb_field_set_error (GTK_WIDGET (row), error);
  return ok;
}

static gboolean
validate_request (BbAssistWizard *self)
{
  gboolean home = g_str_equal (selected_mode (self), BB_MODE_HOME);
  gboolean ok = TRUE;

  /* Translators: 受理理由, why the request is accepted */
  ok &= check_text (self->reason_row, _("Reason"), TRUE);
  ok &= check_text (self->remark_row, _("Remark"), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->home_group), home);
  if (home)
    ok &= bb_home_visit_group_validate (self->home_group);
  ok &= selected_area (self) != NULL;
  return ok;
}

static void
update_complete (BbAssistWizard *self)
{
  bb_wizard_page_set_complete (self->client_page, bb_client_step_get_complete (self->client_step));
  bb_wizard_page_set_complete (self->matter_page, bb_matter_step_get_complete (self->matter_step));
  bb_wizard_page_set_complete (self->request_page, validate_request (self));
}

static void
update_complete_cb (BbAssistWizard *self)
{
  if (!self->updating)
    update_complete (self);
}

static void
input_changed_cb (BbAssistWizard *self)
{
  if (self->updating)
    return;
  update_complete (self);
  bb_wizard_changed (BB_WIZARD (self));
}

/* Once the case is created, what it was created with cannot change here. */
static void
update_created (BbAssistWizard *self)
{
  gboolean open = self->number == NULL;
  GtkWidget *fixed[] = {
    GTK_WIDGET (self->client_step), GTK_WIDGET (self->matter_step),
    GTK_WIDGET (self->reason_row), GTK_WIDGET (self->channel_row),
    GTK_WIDGET (self->remark_row), GTK_WIDGET (self->hall_check),
    GTK_WIDGET (self->window_check), GTK_WIDGET (self->home_check),
    GTK_WIDGET (self->online_check), GTK_WIDGET (self->home_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    gtk_widget_set_sensitive (fixed[i], open);
}

/* The review */

static void
add_review_row (BbAssistWizard *self,
                const char     *title,
                const char     *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "review-row");
  adw_preferences_group_add (self->review_group, row);
  g_ptr_array_add (self->review_rows, row);
}

static void
fill_review (BbAssistWizard *self)
{
  g_autoptr(BbClient) client = bb_client_step_dup_client (self->client_step);
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  g_autofree char *reason = bb_field_dup_text (GTK_WIDGET (self->reason_row));
  g_autofree char *remark = bb_field_dup_text (GTK_WIDGET (self->remark_row));
  g_autofree char *client_text = NULL;
  g_autofree char *limit = NULL;
  const char *mode = selected_mode (self);

  for (guint i = 0; i < self->review_rows->len; i++)
    adw_preferences_group_remove (self->review_group, g_ptr_array_index (self->review_rows, i));
  g_ptr_array_set_size (self->review_rows, 0);

  if (client != NULL)
    {
      g_autofree char *masked = client->id_number != NULL ? bb_mask_id_number (client->id_number)
                                                          : g_strdup (client->credit_code);

      client_text = g_strdup_printf ("%s%s%s%s%s", client->name,
                                     masked != NULL ? " · " : "", masked != NULL ? masked : "",
                                     client->phone != NULL ? " · " : "",
                                     client->phone != NULL ? client->phone : "");
      if (bb_client_step_get_is_new (self->client_step))
        {
          /* Translators: a client who will be recorded on saving */
          char *with_note = g_strdup_printf (_("%s (new client)"), client_text);

          g_free (client_text);
          client_text = with_note;
        }
    }
  add_review_row (self, _("Client"), client_text);
  if (item != NULL)
    {
      limit = g_strdup_printf (ngettext ("%d working day", "%d working days", item->limit_days),
                               item->limit_days);
      add_review_row (self, _("Matter"), item->name);
      add_review_row (self, _("Department"), item->department);
      add_review_row (self, _("Time Limit"), limit);
    }
  add_review_row (self, _("Reason for Acceptance"), reason);
  add_review_row (self, _("How the Client Came"), bb_case_channel_label (selected_channel (self)));
  add_review_row (self, _("Service Mode"), bb_case_mode_label (mode));
  if (g_str_equal (mode, BB_MODE_HOME))
    {
      g_autofree char *address = bb_home_visit_group_dup_address (self->home_group);
      g_autofree char *when = bb_home_visit_group_dup_appointment_text (self->home_group);

      add_review_row (self, _("Visit Address"), address);
      add_review_row (self, _("Appointment"), when);
    }
  add_review_row (self, _("Routed To"), bb_case_area_label (selected_area (self)));
  add_review_row (self, _("Remark"), remark);
}

/* Saving: client, case, apply, route, in a thread */

typedef struct
{
  BbWizard    *wizard;
  BbDatabase  *db;
  BbActor     *actor;
  BbClient    *client;
  gboolean     client_is_new;
  gboolean     client_update;
  gint64       item_id;
  char        *reason;
  char        *channel;
  char        *mode;
  char        *home_address;
  gint64       appointment_at;
  char        *remark;
  char        *area;

  /* Progress, read back even when the task fails. */
  char        *number;
  int          version;
  BbCaseState  state;
  gint64       added_client_id;
} Commit;

static void
commit_free (Commit *commit)
{
  g_clear_object (&commit->wizard);
  g_clear_object (&commit->db);
  g_clear_pointer (&commit->actor, bb_actor_free);
  g_clear_pointer (&commit->client, bb_client_free);
  g_free (commit->reason);
  g_free (commit->channel);
  g_free (commit->mode);
  g_free (commit->home_address);
  g_free (commit->remark);
  g_free (commit->area);
  g_free (commit->number);
  g_free (commit);
}

static gboolean
commit_act (Commit        *commit,
            BbCaseAction  *action,
            GError       **error)
{
  g_autoptr(BbCase) kase = bb_case_repo_act (commit->db, commit->actor, commit->number, action,
                                             commit->version, error);

  if (kase == NULL)
    return FALSE;
  commit->version = kase->version;
  commit->state = kase->state;
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
      g_autoptr(BbCase) kase = NULL;

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

      draft.kind = BB_CASE_ASSIST;
      draft.client_id = commit->client->id;
      draft.item_id = commit->item_id;
      draft.reason = commit->reason;
      draft.mode = commit->mode;
      draft.channel = commit->channel;
      draft.home_address = commit->home_address;
      draft.appointment_at = commit->appointment_at;
      draft.remark = commit->remark;
      kase = bb_case_repo_create (commit->db, commit->actor, &draft, &error);
      if (kase == NULL)
        goto failed;
      commit->number = g_strdup (kase->number);
      commit->version = kase->version;
      commit->state = kase->state;
      bb_wizard_report_case_stored (commit->wizard,
                                    commit->added_client_id > 0 ? commit->client : NULL,
                                    commit->number);
    }

  /* 申请: the registration table A.1 is filled in. */
  if (commit->state == BB_STATE_CONSULTATION)
    {
      g_autoptr(BbCaseAction) apply = bb_case_action_new (BB_ACTION_APPLY);

      if (!commit_act (commit, apply, &error))
        goto failed;
    }

  /* 受理: guided to an area. */
  if (commit->state == BB_STATE_APPLIED)
    {
      g_autoptr(BbCaseAction) route = bb_case_action_new (BB_ACTION_ROUTE);

      route->area = g_strdup (commit->area);
      if (!commit_act (commit, route, &error))
        goto failed;
    }

  g_task_return_boolean (task, TRUE);
  return;

failed:
  g_task_return_error (task, error);
}

static void
committed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BbAssistWizard) self = user_data;
  Commit *commit = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  BbWizard *wizard = BB_WIZARD (self);

  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* The window went while saving (the application quit): what was saved
   * must not come back as a draft. */
  if (g_cancellable_is_cancelled (bb_wizard_get_cancellable (wizard)))
    {
      if (ok)
        bb_assist_wizard_discard_draft ();
      return;
    }

  bb_wizard_set_busy (wizard, FALSE);

  /* Whatever got stored stays stored: remember it for the next attempt. */
  if (commit->added_client_id > 0)
    bb_client_step_select_client (self->client_step, commit->client);
  if (commit->number != NULL && self->number == NULL)
    self->number = g_strdup (commit->number);
  self->version = commit->version;
  self->state = commit->state;

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      if (self->number != NULL)
        /* Translators: %s is the case number, then what went wrong */
        message = g_strdup_printf (_("Case %s was created, but not every step could be "
                                     "recorded: %s. Press Register to try again."),
                                   self->number, error->message);
      else
        message = g_strdup_printf (_("The request was not registered: %s"), error->message);
      bb_wizard_show_error (wizard, message);
      return;
    }

  bb_wizard_lock (wizard);
  bb_wizard_emit_case_created (wizard, self->number);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
bb_assist_wizard_finish (BbWizard *wizard)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (wizard);
  g_autoptr(GTask) task = NULL;
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  Commit *commit;

  commit = g_new0 (Commit, 1);
  commit->wizard = g_object_ref (wizard);
  commit->db = g_object_ref (bb_wizard_get_database (wizard));
  commit->actor = bb_actor_copy (bb_wizard_get_actor (wizard));
  commit->client = bb_client_step_dup_client (self->client_step);
  commit->client_is_new = bb_client_step_get_is_new (self->client_step);
  commit->client_update = bb_client_step_get_needs_update (self->client_step);
  commit->item_id = item != NULL ? item->id : 0;
  commit->reason = bb_field_dup_text (GTK_WIDGET (self->reason_row));
  commit->channel = g_strdup (selected_channel (self));
  commit->mode = g_strdup (selected_mode (self));
  if (g_str_equal (commit->mode, BB_MODE_HOME))
    {
      commit->home_address = bb_home_visit_group_dup_address (self->home_group);
      commit->appointment_at = bb_home_visit_group_get_appointment (self->home_group);
    }
  commit->remark = bb_field_dup_text (GTK_WIDGET (self->remark_row));
  commit->area = g_strdup (selected_area (self));
  commit->number = g_strdup (self->number);
  commit->version = self->version;
  commit->state = self->state;
  g_return_if_fail (commit->client != NULL);

  bb_wizard_set_busy (wizard, TRUE);
  task = g_task_new (NULL, bb_wizard_get_cancellable (wizard), committed_cb, g_object_ref (self));
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, commit, (GDestroyNotify) commit_free);
  g_task_run_in_thread (task, commit_thread);
}

static void
bb_assist_wizard_case_stored (BbWizard       *wizard,
                              const BbClient *client,
                              const char     *number)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (wizard);

  if (client != NULL)
    bb_client_step_select_client (self->client_step, client);
  if (self->number == NULL)
    self->number = g_strdup (number);
  update_created (self);
}

static void
bb_assist_wizard_page_shown (BbWizard     *wizard,
                             BbWizardPage *page)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (wizard);

  if (page == self->review_page)
    fill_review (self);
}

static JsonObject *
bb_assist_wizard_save_draft (BbWizard *wizard)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (wizard);
  g_autofree char *client = bb_client_step_dup_summary (self->client_step);
  const BbCatalogueItem *item = bb_matter_step_get_item (self->matter_step);
  g_autofree char *summary = NULL;
  JsonObject *input = json_object_new ();

  summary = g_strjoin (" · ", client != NULL ? client : _("Client not chosen yet"),
                       item != NULL ? item->name : _("matter not chosen yet"), NULL);
  json_object_set_string_member (input, "summary", summary);
  json_object_set_object_member (input, "client", bb_client_step_save (self->client_step));
  json_object_set_object_member (input, "matter", bb_matter_step_save (self->matter_step));
  json_object_set_string_member (input, "reason",
                                 gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  json_object_set_string_member (input, "channel", selected_channel (self));
  json_object_set_string_member (input, "remark",
                                 gtk_editable_get_text (GTK_EDITABLE (self->remark_row)));
  json_object_set_string_member (input, "mode", selected_mode (self));
  json_object_set_object_member (input, "home", bb_home_visit_group_save (self->home_group));
  json_object_set_string_member (input, "area", selected_area (self));
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
bb_assist_wizard_restore_draft (BbWizard   *wizard,
                                JsonObject *input)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (wizard);
  g_autoptr(JsonObject) client = member_object (input, "client");
  g_autoptr(JsonObject) matter = member_object (input, "matter");
  g_autoptr(JsonObject) home = member_object (input, "home");

  self->updating = TRUE;
  bb_client_step_restore (self->client_step, client);
  bb_matter_step_restore (self->matter_step, matter);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         json_object_get_string_member_with_default (input, "reason", ""));
  select_channel (self, json_object_get_string_member_with_default (input, "channel", "onsite"));
  gtk_editable_set_text (GTK_EDITABLE (self->remark_row),
                         json_object_get_string_member_with_default (input, "remark", ""));
  select_mode (self, json_object_get_string_member_with_default (input, "mode", BB_MODE_HALL));
  bb_home_visit_group_restore (self->home_group, home);
  select_area (self, json_object_get_string_member_with_default (input, "area", BB_AREA_ASSIST));
  /* The case exists already: saving goes on from its state. */
  g_free (self->number);
  self->number = g_strdup (json_object_get_string_member_with_default (input, "number", NULL));
  self->version = 0;
  update_created (self);
  self->updating = FALSE;

  update_complete (self);
}

static void
bb_assist_wizard_constructed (GObject *object)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (object);
  BbWizard *wizard = BB_WIZARD (self);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (bb_assist_wizard_parent_class)->constructed (object);

  bb_client_step_set_database (self->client_step, bb_wizard_get_database (wizard));
  bb_matter_step_set_database (self->matter_step, bb_wizard_get_database (wizard));
  update_complete (self);

  /* An unfinished registration is continued, not lost. */
  if (!bb_wizard_restore_draft (wizard, &error) && error != NULL)
    bb_wizard_show_error (wizard, error->message);
}

static void
bb_assist_wizard_dispose (GObject *object)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_ASSIST_WIZARD);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_assist_wizard_parent_class)->dispose (object);
}

static void
bb_assist_wizard_finalize (GObject *object)
{
  BbAssistWizard *self = BB_ASSIST_WIZARD (object);

  g_free (self->number);

  G_OBJECT_CLASS (bb_assist_wizard_parent_class)->finalize (object);
}

static void
bb_assist_wizard_class_init (BbAssistWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbWizardClass *wizard_class = BB_WIZARD_CLASS (klass);

  object_class->constructed = bb_assist_wizard_constructed;
  object_class->dispose = bb_assist_wizard_dispose;
  object_class->finalize = bb_assist_wizard_finalize;
  wizard_class->finish = bb_assist_wizard_finish;
  wizard_class->page_shown = bb_assist_wizard_page_shown;
  wizard_class->case_stored = bb_assist_wizard_case_stored;
  wizard_class->save_draft = bb_assist_wizard_save_draft;
  wizard_class->restore_draft = bb_assist_wizard_restore_draft;

  g_type_ensure (BB_TYPE_CLIENT_STEP);
  g_type_ensure (BB_TYPE_MATTER_STEP);
  g_type_ensure (BB_TYPE_HOME_VISIT_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-assist-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, client_page);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, matter_page);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, request_page);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, review_page);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, client_step);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, matter_step);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, reason_row);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, channel_row);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, remark_row);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, hall_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, window_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, home_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, online_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, home_group);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, area_online_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, area_self_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, area_assist_check);
  gtk_widget_class_bind_template_child (widget_class, BbAssistWizard, review_group);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_complete_cb);
}

static void
bb_assist_wizard_init (BbAssistWizard *self)
{
  g_autoptr(GtkStringList) channel_labels = gtk_string_list_new (NULL);

  self->review_rows = g_ptr_array_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (channel_labels, bb_case_channel_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_labels));
  gtk_check_button_set_active (self->area_assist_check, TRUE);
  self->updating = FALSE;
}

/**
 * bb_assist_wizard_new:
 * @parent: (nullable): the main window
 * @db: the database
 * @actor: who registers the request
 *
 * A wizard to register a 帮办 request. If an unfinished one was kept as a
 * draft, the wizard continues it (the user can start over). Connect to
 * #BbWizard::case-created to open the case, then present the window.
 *
 * Returns: (transfer none): the wizard, a modal window
 */
BbAssistWizard *
bb_assist_wizard_new (GtkWindow     *parent,
                      BbDatabase    *db,
                      const BbActor *actor)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (BB_TYPE_ASSIST_WIZARD,
                       "transient-for", parent,
                       "database", db,
                       "actor", actor,
                       "draft-kind", DRAFT_KIND,
                       NULL);
}

/**
 * bb_assist_wizard_has_draft:
 * @summary: (out) (optional) (transfer full): who and what it is about
 *   (“王小明 · 企业设立登记”)
 *
 * Returns: whether an unfinished registration is kept, to offer it at
 *   start
 */
gboolean
bb_assist_wizard_has_draft (char **summary)
{
  return bb_wizard_draft_exists (DRAFT_KIND, summary);
}

/**
 * bb_assist_wizard_discard_draft:
 *
 * Forgets the unfinished registration (the user declined to continue it).
 */
void
bb_assist_wizard_discard_draft (void)
{
  bb_wizard_draft_discard (DRAFT_KIND);
}
