/* bb-staff-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff accounts (administrators only): the list with each person's
 * number, role and whether the account is active; adding (BbStaffDialog),
 * changing a role, resetting a password, deactivating and activating.
 * Every call to core runs in a GTask thread. When core refuses (the last
 * administrator, a change made meanwhile by someone else), the reason is
 * shown and a dialog that was filled in opens again with what was typed.
 */

#define G_LOG_DOMAIN "bb-staff-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-error.h"
#include "bb-password.h"
#include "bb-staff-dialog.h"
#include "bb-staff-page.h"
#include "bb-staff-repo.h"

struct _BbStaffPage
{
  AdwBin               parent_instance;

  BbDatabase          *database;
  BbActor             *actor;
  GPtrArray           *staff;
  GCancellable        *cancellable;
  guint                loading : 1;
  guint                changing : 1;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *unavailable_page;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkSpinner          *change_spinner;
  GtkButton           *add_button;
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (BbStaffPage, bb_staff_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BbRole roles[] = { BB_ROLE_STAFF, BB_ROLE_LEADER, BB_ROLE_MANAGER, BB_ROLE_ADMIN };

typedef enum
{
  CHANGE_ROLE,
  CHANGE_ACTIVE,
  CHANGE_PASSWORD,
} ChangeKind;

static void show_role_dialog     (BbStaffPage   *self,
                                  const BbStaff *staff,
                                  BbRole         role,
                                  const char    *error_message);
static void show_password_dialog (BbStaffPage   *self,
                                  const BbStaff *staff,
                                  const char    *password,
                                  const char    *error_message);

/* Helpers */

static gboolean
can_manage (BbStaffPage *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_STAFF_MANAGE);
}

static void
notify_busy (BbStaffPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (BbStaffPage *self)
{
  gboolean ready = can_manage (self) && self->database != NULL && !self->changing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.change-role", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.reset-password", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.deactivate", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.activate", ready);
}

static void
show_error (BbStaffPage *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
show_toast (BbStaffPage *self,
            const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (BbStaffPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const BbStaff *
find_staff (BbStaffPage *self,
            gint64       id)
{
  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      const BbStaff *staff = g_ptr_array_index (self->staff, i);

      if (staff->id == id)
        return staff;
    }
  return NULL;
}

static const char *
role_description (BbRole role)
{
  switch (role)
    {
    case BB_ROLE_STAFF:
      return _("Takes consultations, registers cases and handles their own");
    case BB_ROLE_LEADER:
      return _("Also assigns cases, acts on anybody's case and changes time limits");
    case BB_ROLE_MANAGER:
      return _("Also sees the charts and statistics and handles complaints");
    case BB_ROLE_ADMIN:
      return _("Also manages staff accounts, the catalogue, holidays and shared settings");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The list */

static GMenuModel *
staff_menu (const BbStaff *staff)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) activation = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("Change _Role…"), NULL);
  g_menu_item_set_action_and_target_value (item, "staff.change-role",
                                           g_variant_new_int64 (staff->id));
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Reset _Password…"), NULL);
  g_menu_item_set_action_and_target_value (item, "staff.reset-password",
                                           g_variant_new_int64 (staff->id));
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  if (staff->active)
    {
      item = g_menu_item_new (_("_Deactivate…"), NULL);
      g_menu_item_set_action_and_target_value (item, "staff.deactivate",
                                               g_variant_new_int64 (staff->id));
    }
  else
    {
      item = g_menu_item_new (_("_Activate"), NULL);
      g_menu_item_set_action_and_target_value (item, "staff.activate",
                                               g_variant_new_int64 (staff->id));
    }
  g_menu_append_item (activation, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (activation));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
staff_row (BbStaffPage   *self,
           const BbStaff *staff)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, staff->name, TRUE);
  GtkWidget *menu_button;
  g_autoptr(GMenuModel) menu = staff_menu (staff);
  g_autoptr(GString) subtitle = g_string_new (staff->number);
  g_autofree char *menu_label = NULL;

  g_string_append (subtitle, _(" · "));
  g_string_append (subtitle, bb_staff_dialog_role_title (staff->role));
  if (staff->phone != NULL)
    {
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, staff->phone);
    }
  if (self->actor != NULL && staff->id == self->actor->staff_id)
    {
      g_string_append (subtitle, _(" · "));
      /* Translators: marks the account of the person signed in */
      g_string_append (subtitle, _("you"));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), staff->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (!staff->active)
    {
      /* Translators: a tag on an account that can no longer sign in */
      GtkWidget *tag = gtk_label_new (_("Deactivated"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "bb-tag");
      gtk_widget_add_css_class (tag, "bb-tag-withdrawn");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_widget_add_css_class (row, "bb-withdrawn");
    }

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  menu_label = g_strdup_printf (_("Actions for %s"), staff->name);
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), menu_button);

  return row;
}

static void
fill_list (BbStaffPage *self)
{
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));

  for (guint i = 0; i < self->staff->len; i++)
    gtk_list_box_append (self->list_box, staff_row (self, g_ptr_array_index (self->staff, i)));
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *staff = bb_staff_repo_list (task_data, TRUE, &error);

  if (staff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, staff, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BbStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *staff;

  staff = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (staff == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
    }
  else
    {
      g_clear_pointer (&self->staff, g_ptr_array_unref);
      self->staff = staff;
      fill_list (self);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  notify_busy (self);
}

/* Changes */

typedef struct
{
  BbDatabase *database;
  BbActor    *actor;
  ChangeKind  kind;
  BbStaff    *staff;
  BbRole      role;
  gboolean    active;
  char       *password;
  BbStaff    *current;
} ChangeJob;

static void
change_job_free (ChangeJob *job)
{
  g_clear_object (&job->database);
  g_clear_pointer (&job->actor, bb_actor_free);
  g_clear_pointer (&job->staff, bb_staff_free);
  g_clear_pointer (&job->current, bb_staff_free);
  if (job->password != NULL)
    {
      memset (job->password, 0, strlen (job->password));
      g_free (job->password);
    }
  g_free (job);
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChangeJob *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case CHANGE_ROLE:
      ok = bb_staff_repo_set_role (job->database, job->actor, job->staff->id, job->role,
                                   job->staff->version, &error);
      break;
    case CHANGE_ACTIVE:
      ok = bb_staff_repo_set_active (job->database, job->actor, job->staff->id, job->active,
                                     job->staff->version, &error);
      break;
    case CHANGE_PASSWORD:
      ok = bb_staff_repo_reset_password (job->database, job->actor, job->staff->id,
                                         job->password, job->staff->version, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* The account as it is now, to ask again with what was typed. */
  job->current = bb_staff_repo_get (job->database, job->staff->id, NULL);
  g_task_return_error (task, error);
}

static void
set_changing (BbStaffPage *self,
              gboolean     changing)
{
  self->changing = !!changing;
  if (changing)
    gtk_spinner_start (self->change_spinner);
  else
    gtk_spinner_stop (self->change_spinner);
  update_actions (self);
  notify_busy (self);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BbStaffPage) self = user_data;
  ChangeJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_changing (self, FALSE);
      show_error (self, error->message);
      bb_staff_page_reload (self);
      if (job->current != NULL && job->kind == CHANGE_ROLE)
        show_role_dialog (self, job->current, job->role, error->message);
      else if (job->current != NULL && job->kind == CHANGE_PASSWORD)
        show_password_dialog (self, job->current, job->password, error->message);
      return;
    }

  set_changing (self, FALSE);
  show_error (self, NULL);
  switch (job->kind)
    {
    case CHANGE_ROLE:
      /* Translators: “张三 is now: Team leader” */
      message = g_strdup_printf (_("%s is now: %s"), job->staff->name,
                                 bb_staff_dialog_role_title (job->role));
      break;
    case CHANGE_ACTIVE:
      message = g_strdup_printf (job->active ? _("The account of %s is active again")
                                             : _("The account of %s is deactivated"),
                                 job->staff->name);
      break;
    case CHANGE_PASSWORD:
      message = g_strdup_printf (_("The password of %s was reset"), job->staff->name);
      break;
    default:
      g_assert_not_reached ();
    }
  show_toast (self, message);
  bb_staff_page_reload (self);
}

static void
run_change (BbStaffPage   *self,
            ChangeKind     kind,
            const BbStaff *staff,
            BbRole         role,
            gboolean       active,
            const char    *password)
{
  g_autoptr(GTask) task = NULL;
  ChangeJob *job;

  if (self->database == NULL || self->actor == NULL)
    return;

  job = g_new0 (ChangeJob, 1);
  job->database = g_object_ref (self->database);
  job->actor = bb_actor_copy (self->actor);
  job->kind = kind;
  job->staff = bb_staff_copy (staff);
  job->role = role;
  job->active = active;
  job->password = g_strdup (password);

  set_changing (self, TRUE);
  task = g_task_new (NULL, self->cancellable, changed_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) change_job_free);
  g_task_run_in_thread (task, change_thread);
}

/* Dialogs. Each keeps its own copy of the account it is about. */

static GtkWidget *
error_label_new (const char *message)
{
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, message != NULL);
  return label;
}

static BbRole
dialog_role (AdwMessageDialog *dialog)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");

  for (guint i = 0; i < checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
        return roles[i];
    }
  return BB_ROLE_STAFF;
}

static void
role_toggled_cb (AdwMessageDialog *dialog)
{
  BbStaff *staff = g_object_get_data (G_OBJECT (dialog), "staff");

  adw_message_dialog_set_response_enabled (dialog, "change", dialog_role (dialog) != staff->role);
}

static void
role_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  BbStaffPage      *self)
{
  if (g_str_equal (response, "change"))
    run_change (self, CHANGE_ROLE, g_object_get_data (G_OBJECT (dialog), "staff"),
                dialog_role (dialog), TRUE, NULL);
}

static void
show_role_dialog (BbStaffPage   *self,
                  const BbStaff *staff,
                  BbRole         role,
                  const char    *error_message)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkCheckButton *group = NULL;
  GPtrArray *checks = g_ptr_array_new ();
  g_autofree char *heading = g_strdup_printf (_("Change the Role of %s"), staff->name);

  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("The new role applies the next time they sign in."));
  g_object_set_data_full (G_OBJECT (dialog), "staff", bb_staff_copy (staff),
                          (GDestroyNotify) bb_staff_free);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     bb_staff_dialog_role_title (roles[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role_description (roles[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), roles[i] == role);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (role_toggled_cb), dialog);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      g_ptr_array_add (checks, check);
    }
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label_new (error_message));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange Role"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  role_toggled_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (role_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
password_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");
  GtkEditable *repeat = g_object_get_data (G_OBJECT (dialog), "repeat");
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "message");
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (password);
  const char *again = gtk_editable_get_text (repeat);
  gboolean valid = bb_validate_password (text, &error);

  if (valid && g_strcmp0 (text, again) != 0)
    {
      valid = FALSE;
      if (*again != '\0')
        bb_set_field_error (&error, _("Repeat the password"),
                            _("it is not the same as the password"));
    }

  if (*text == '\0' || error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (password), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (repeat), "error");
    }
  else
    {
      gboolean about_repeat = g_str_has_prefix (error->message, _("Repeat the password"));

      gtk_label_set_text (label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      if (about_repeat)
        {
          gtk_widget_add_css_class (GTK_WIDGET (repeat), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (password), "error");
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (password), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (repeat), "error");
        }
    }
  adw_message_dialog_set_response_enabled (dialog, "reset", valid);
}

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BbStaffPage      *self)
{
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");

  if (g_str_equal (response, "reset") &&
      adw_message_dialog_get_response_enabled (dialog, "reset"))
    run_change (self, CHANGE_PASSWORD, g_object_get_data (G_OBJECT (dialog), "staff"),
                BB_ROLE_STAFF, TRUE, gtk_editable_get_text (password));
}

static void
show_password_dialog (BbStaffPage   *self,
                      const BbStaff *staff,
                      const char    *password,
                      const char    *error_message)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *password_row = adw_password_entry_row_new ();
  GtkWidget *repeat_row = adw_password_entry_row_new ();
  GtkWidget *message = error_label_new (error_message);
  g_autofree char *heading = g_strdup_printf (_("Reset the Password of %s"), staff->name);

  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("From now on they sign in with the new password. "
                                     "Tell it to them in person."));
  g_object_set_data_full (G_OBJECT (dialog), "staff", bb_staff_copy (staff),
                          (GDestroyNotify) bb_staff_free);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password_row), _("New Password"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (repeat_row), _("Repeat the Password"));
  gtk_list_box_append (GTK_LIST_BOX (list), password_row);
  gtk_list_box_append (GTK_LIST_BOX (list), repeat_row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), message);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "password", password_row);
  g_object_set_data (G_OBJECT (dialog), "repeat", repeat_row);
  g_object_set_data (G_OBJECT (dialog), "message", message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset Password"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reset");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reset", FALSE);

  if (password != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (password_row), password);
      gtk_editable_set_text (GTK_EDITABLE (repeat_row), password);
      password_changed_cb (ADW_MESSAGE_DIALOG (dialog));
      gtk_label_set_text (GTK_LABEL (message), error_message != NULL ? error_message : "");
      gtk_widget_set_visible (message, error_message != NULL);
    }
  g_signal_connect_swapped (password_row, "changed", G_CALLBACK (password_changed_cb), dialog);
  g_signal_connect_swapped (repeat_row, "changed", G_CALLBACK (password_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (password_row);
}

static void
deactivate_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BbStaffPage      *self)
{
  if (g_str_equal (response, "deactivate"))
    run_change (self, CHANGE_ACTIVE, g_object_get_data (G_OBJECT (dialog), "staff"),
                BB_ROLE_STAFF, FALSE, NULL);
}

/* Actions */

static void
add_saved_cb (BbStaffPage *self,
              gint64       id,
              const char  *number,
              const char  *name)
{
  g_autofree char *message = g_strdup_printf (_("%s (%s) can now sign in"), name, number);

  show_toast (self, message);
  bb_staff_page_reload (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BbStaffPage *self = BB_STAFF_PAGE (widget);
  BbStaffDialog *dialog;

  if (self->database == NULL || self->actor == NULL)
    return;
  dialog = bb_staff_dialog_new (parent_window (self), self->database, self->actor);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (add_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BbStaffPage *self = BB_STAFF_PAGE (widget);
  const BbStaff *staff = find_staff (self, g_variant_get_int64 (parameter));

  if (staff != NULL)
    show_role_dialog (self, staff, staff->role, NULL);
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbStaffPage *self = BB_STAFF_PAGE (widget);
  const BbStaff *staff = find_staff (self, g_variant_get_int64 (parameter));

  if (staff != NULL)
    show_password_dialog (self, staff, NULL, NULL);
}

static void
deactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbStaffPage *self = BB_STAFF_PAGE (widget);
  const BbStaff *staff = find_staff (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (staff == NULL)
    return;

  heading = g_strdup_printf (_("Deactivate the Account of %s?"), staff->name);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("They can no longer sign in. Their cases and records "
                                     "stay as they are, and the account can be activated "
                                     "again at any time."));
  g_object_set_data_full (G_OBJECT (dialog), "staff", bb_staff_copy (staff),
                          (GDestroyNotify) bb_staff_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "deactivate", _("_Deactivate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "deactivate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (deactivate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BbStaffPage *self = BB_STAFF_PAGE (widget);
  const BbStaff *staff = find_staff (self, g_variant_get_int64 (parameter));

  if (staff != NULL)
    run_change (self, CHANGE_ACTIVE, staff, BB_ROLE_STAFF, TRUE, NULL);
}

/* Signal callbacks */

static void
dismiss_error_clicked_cb (BbStaffPage *self)
{
  show_error (self, NULL);
}

static void
retry_clicked_cb (BbStaffPage *self)
{
  bb_staff_page_reload (self);
}

/* Object */

static void
bb_staff_page_dispose (GObject *object)
{
  BbStaffPage *self = BB_STAFF_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* AdwBin keeps its own pointer to the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_STAFF_PAGE);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->staff, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_staff_page_parent_class)->dispose (object);
}

static void
bb_staff_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbStaffPage *self = BB_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, bb_staff_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_staff_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbStaffPage *self = BB_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_staff_page_set_database (self, g_value_get_object (value));
      break;

    case PROP_ACTOR:
      bb_staff_page_set_actor (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_staff_page_class_init (BbStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_staff_page_dispose;
  object_class->get_property = bb_staff_page_get_property;
  object_class->set_property = bb_staff_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BbStaffPage:actor:
   *
   * Who works: only administrators see the list.
   */
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, change_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BbStaffPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "staff.change-role", "x", change_role_action);
  gtk_widget_class_install_action (widget_class, "staff.reset-password", "x",
                                   reset_password_action);
  gtk_widget_class_install_action (widget_class, "staff.deactivate", "x", deactivate_action);
  gtk_widget_class_install_action (widget_class, "staff.activate", "x", activate_action);
}

static void
bb_staff_page_init (BbStaffPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * bb_staff_page_new:
 * @database: (nullable): the database, or %NULL to set it later
 * @actor: (nullable): who works, or %NULL to set it later
 */
BbStaffPage *
bb_staff_page_new (BbDatabase    *database,
                   const BbActor *actor)
{
  return g_object_new (BB_TYPE_STAFF_PAGE, "database", database, "actor", actor, NULL);
}

BbDatabase *
bb_staff_page_get_database (BbStaffPage *self)
{
  g_return_val_if_fail (BB_IS_STAFF_PAGE (self), NULL);

  return self->database;
}

void
bb_staff_page_set_database (BbStaffPage *self,
                            BbDatabase  *database)
{
  g_return_if_fail (BB_IS_STAFF_PAGE (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  update_actions (self);
  bb_staff_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const BbActor *
bb_staff_page_get_actor (BbStaffPage *self)
{
  g_return_val_if_fail (BB_IS_STAFF_PAGE (self), NULL);

  return self->actor;
}

void
bb_staff_page_set_actor (BbStaffPage   *self,
                         const BbActor *actor)
{
  g_return_if_fail (BB_IS_STAFF_PAGE (self));

  if (self->actor == actor)
    return;
  g_clear_pointer (&self->actor, bb_actor_free);
  self->actor = actor != NULL ? bb_actor_copy (actor) : NULL;
  update_actions (self);
  bb_staff_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gboolean
bb_staff_page_get_busy (BbStaffPage *self)
{
  g_return_val_if_fail (BB_IS_STAFF_PAGE (self), FALSE);

  return self->loading || self->changing;
}

/**
 * bb_staff_page_reload:
 *
 * Reads the staff list again; shows “For Administrators” to anybody else.
 */
void
bb_staff_page_reload (BbStaffPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BB_IS_STAFF_PAGE (self));

  if (!can_manage (self))
    {
      g_clear_pointer (&self->staff, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->stack, "refused");
      return;
    }
  if (self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (self->staff == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  self->loading = TRUE;
  notify_busy (self);
  task = g_task_new (NULL, self->cancellable, listed_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}
