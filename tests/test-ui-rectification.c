/* test-ui-rectification.c — rectifications in the case view and the
 * Rectifications window, under a real display
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real SQLite database with two cases the client rated 不满意: one today
 * and one two weeks ago (overdue now). The case view shows the first one's
 * rectification; the test records its measures (through a conflict with a
 * second connection, input kept) and its return visit through the buttons
 * and forms, checking the database through core after each step, and
 * checks who may press them. The Rectifications window lists the open
 * one, overdue. A PNG of each state is saved with the test logs.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bb-application.h"
#include "bb-case-repo.h"
#include "bb-case-view.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-rectification-dialog.h"
#include "bb-rectification-repo.h"
#include "bb-rectifications-window.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-validate.h"

/* bb_ui_test_template_child(), under the name the tests use */
#define template_child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

#define TEST_NOW "2026-03-02T10:00:00+08:00"

static BbApplication *app;
static BbLocation *location;
static BbDatabase *db;          /* a second connection: another workstation */
static GtkWindow *window;
static BbCaseView *view;
static const char *lang_tag = "C";
static BbActor *leader;
static BbActor *staff1;
static BbActor *staff2;
static char *today_number;      /* rated today */
static char *overdue_number;    /* rated two weeks ago */

/* Waiting */

/* Finding widgets */

/* What a mouse click does (gtk_widget_activate() only starts a press
 * animation and clicks a quarter of a second later). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Fixtures */

static BbActor *
add_staff (const BbActor *by,
           const char    *number,
           const char    *name,
           BbRole         role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) staff = NULL;
  gint64 id;

  id = bb_staff_repo_add (db, by, number, name, role, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  g_assert_no_error (error);
  return bb_staff_to_actor (staff);
}

static BbCase *
act (BbCase       *kase,
     BbCaseAction *action)
{
  g_autoptr(GError) error = NULL;
  BbCase *after = bb_case_repo_act (db, staff1, kase->number, action, kase->version, &error);

  g_assert_no_error (error);
  bb_case_free (kase);
  bb_case_action_free (action);
  return after;
}

static char *
rated_case (gint64      client_id,
            gint64      item_id,
            const char *comment)
{
  g_autoptr(GError) error = NULL;
  BbCaseDraft draft = { 0 };
  BbCaseAction *action;
  BbCase *kase;
  char *number;

  draft.kind = BB_CASE_ASSIST;
  draft.client_id = client_id;
  draft.item_id = item_id;
  draft.reason = "年老体弱，不会使用自助机";
  kase = bb_case_repo_create (db, staff1, &draft, &error);
  g_assert_no_error (error);
  kase = act (kase, bb_case_action_new (BB_ACTION_APPLY));
  action = bb_case_action_new (BB_ACTION_ROUTE);
  action->area = g_strdup ("self-service");
  kase = act (kase, action);
  action = bb_case_action_new (BB_ACTION_MATERIALS);
  action->present = g_strsplit ("申请表", ",", -1);
  kase = act (kase, action);
  action = bb_case_action_new (BB_ACTION_COMPLETE);
  action->result = g_strdup ("已在自助机提交申请");
  kase = act (kase, action);
  action = bb_case_action_new (BB_ACTION_HANDOVER);
  action->items = g_strdup ("受理回执");
  kase = act (kase, action);
  action = bb_case_action_new (BB_ACTION_EVALUATE);
  action->level = 2;
  action->comment = g_strdup (comment);
  kase = act (kase, action);
  number = g_strdup (kase->number);
  bb_case_free (kase);
  return number;
}

static void
make_fixtures (void)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 client_id, item_id;

  admin = add_staff (system, "A001", "管理员", BB_ROLE_ADMIN);
  leader = add_staff (admin, "L001", "赵队长", BB_ROLE_LEADER);
  staff1 = add_staff (admin, "S001", "王小明", BB_ROLE_STAFF);
  staff2 = add_staff (admin, "S002", "李华", BB_ROLE_STAFF);

  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = g_strdup ("张桂兰");
  client->id_number = g_strdup_printf ("61010419450101123%c",
                                       bb_id_number_check_digit ("61010419450101123"));
  client->phone = g_strdup ("13800138000");
  client->category = g_strdup (BB_CATEGORY_SPECIAL_CARE);
  client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);

  item->name = g_strdup ("高龄津贴申领");
  item->department = g_strdup ("民政局");
  item->limit_days = 5;
  g_ptr_array_add (item->materials, bb_material_new ("申请表", BB_MATERIAL_ORIGINAL, 1, NULL));
  item_id = bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);

  g_setenv ("BANGBAN_NOW", "2026-02-16T09:30:00+08:00", TRUE);
  overdue_number = rated_case (client_id, item_id, "窗口人员态度生硬");
  g_setenv ("BANGBAN_NOW", TEST_NOW, TRUE);
  today_number = rated_case (client_id, item_id, "等候时间太长");
}

/* Reading back */

static BbRectificationEntry *
stored (const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) kase = bb_case_repo_get (db, leader, number, &error);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  list = bb_rectification_repo_list_case (db, leader, kase->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return bb_rectification_entry_copy (g_ptr_array_index (list, 0));
}

static gboolean
database_open (gpointer data)
{
  return bb_application_get_database (app) != NULL ||
         bb_application_get_database_error (app) != NULL;
}

static gboolean
view_loaded (gpointer data)
{
  return !bb_case_view_get_loading (view) && bb_case_view_get_detail (view) != NULL;
}

static void
show_as (const BbActor *actor)
{
  bb_application_set_actor (app, actor);
  bb_case_view_reload (view);
  bb_ui_test_iterate_until (view_loaded, NULL, "the case to load");
}

static BbRectificationDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (BB_IS_RECTIFICATION_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return BB_RECTIFICATION_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !bb_rectification_dialog_get_busy (BB_RECTIFICATION_DIALOG (data));
}

static gboolean
shows_state (gpointer data)
{
  GPtrArray *list = bb_case_view_get_rectifications (view);

  return !bb_case_view_get_loading (view) && list != NULL && list->len == 1 &&
         ((BbRectificationEntry *) g_ptr_array_index (list, 0))->state ==
         (BbRectificationState) GPOINTER_TO_INT (data);
}

static GtkWidget *
view_button (const char *name)
{
  return bb_ui_test_find_named (GTK_WIDGET (view), GTK_TYPE_BUTTON, name);
}

static void
type_text (BbRectificationDialog *dialog,
           const char            *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bb_rectification_dialog_get_text_view (dialog));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static char *
dialog_text (BbRectificationDialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bb_rectification_dialog_get_text_view (dialog));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
timeline_has (const char *title)
{
  GtkWidget *timeline = template_child (view, BB_TYPE_CASE_VIEW, "timeline_list");

  for (GtkWidget *row = gtk_widget_get_first_child (timeline); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;
  return FALSE;
}

/* Tests */

static void
test_case_view (void)
{
  GtkWidget *group;
  GtkWidget *measures;
  GtkWidget *visit;

  bb_application_open_database (app, location, NULL);
  bb_ui_test_iterate_until (database_open, NULL, "the database to open");
  g_assert_null (bb_application_get_database_error (app));
  bb_application_set_actor (app, staff1);

  window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (window, 900, 1000);
  view = BB_CASE_VIEW (bb_case_view_new (app));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (window);
  bb_case_view_show_case (view, today_number);
  bb_ui_test_iterate_until (view_loaded, NULL, "the case to load");

  group = template_child (view, BB_TYPE_CASE_VIEW, "rectification_group");
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpuint (bb_case_view_get_rectifications (view)->len, ==, 1);
  measures = view_button ("record-measures");
  visit = view_button ("record-visit");
  g_assert_nonnull (measures);
  g_assert_nonnull (visit);
  /* The responsible person may record the measures; the visit comes after. */
  g_assert_true (gtk_widget_get_sensitive (measures));
  g_assert_false (gtk_widget_get_sensitive (visit));
  g_assert_nonnull (gtk_widget_get_tooltip_text (visit));
  /* Not overdue today. */
  g_assert_false (((BbRectificationEntry *) g_ptr_array_index (bb_case_view_get_rectifications (view),
                                                                0))->overdue);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-rectification", "case-open");

  /* Another staff member may not. */
  show_as (staff2);
  g_assert_false (gtk_widget_get_sensitive (view_button ("record-measures")));
  show_as (staff1);
  g_assert_true (gtk_widget_get_sensitive (view_button ("record-measures")));
}

static void
test_measures (void)
{
  BbRectificationDialog *dialog;
  g_autoptr(BbRectificationEntry) before = stored (today_number);
  g_autoptr(BbRectificationEntry) moved = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *text = "增设叫号提醒，高峰期加开帮办窗口";

  click (view_button ("record-measures"));
  bb_ui_test_iterate_until (dialog_shown, NULL, "the measures form");
  dialog = find_dialog ();
  /* Empty: not valid, nothing to confirm. */
  g_assert_false (bb_rectification_dialog_get_valid (dialog));
  type_text (dialog, "   ");
  g_assert_false (bb_rectification_dialog_get_valid (dialog));
  type_text (dialog, text);
  g_assert_true (bb_rectification_dialog_get_valid (dialog));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-rectification", "measures-form");

  /* Meanwhile a team leader gives it to somebody else elsewhere. */
  moved = bb_rectification_repo_reassign (db, leader, before->id, "S002", "王小明外出培训",
                                          before->version, &error);
  g_assert_no_error (error);

  bb_rectification_dialog_confirm (dialog);
  bb_ui_test_iterate_until (dialog_idle, dialog, "the save to fail");
  g_assert_true (find_dialog () == dialog);
  g_assert_nonnull (bb_rectification_dialog_get_message (dialog));
  kept = dialog_text (dialog);
  g_assert_cmpstr (kept, ==, text);
  after = stored (today_number);
  g_assert_cmpint (after->state, ==, BB_RECTIFICATION_OPEN);
  g_assert_null (after->measures);
  g_clear_pointer (&after, bb_rectification_entry_free);
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-rectification", "measures-conflict");

  /* Saved against the version as it is now: S001 is no longer responsible,
   * but still gets the refusal in the form, input kept. */
  bb_rectification_dialog_confirm (dialog);
  bb_ui_test_iterate_until (dialog_idle, dialog, "the refusal");
  g_assert_true (find_dialog () == dialog);
  g_assert_nonnull (strstr (bb_rectification_dialog_get_message (dialog), "李华"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");

  /* The team leader records them instead. */
  show_as (leader);
  bb_ui_test_iterate_until (shows_state, GINT_TO_POINTER (BB_RECTIFICATION_OPEN),
                            "the reassigned state");
  click (view_button ("record-measures"));
  bb_ui_test_iterate_until (dialog_shown, NULL, "the measures form");
  dialog = find_dialog ();
  type_text (dialog, text);
  bb_rectification_dialog_confirm (dialog);
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");
  bb_ui_test_iterate_until (shows_state, GINT_TO_POINTER (BB_RECTIFICATION_MEASURES),
                            "the measures");

  after = stored (today_number);
  g_assert_cmpint (after->state, ==, BB_RECTIFICATION_MEASURES);
  g_assert_cmpstr (after->measures, ==, text);
  g_assert_cmpint (after->responsible_id, ==, staff2->staff_id);
  g_assert_null (view_button ("record-measures"));
  g_assert_true (gtk_widget_get_sensitive (view_button ("record-visit")));
  g_assert_true (timeline_has (bb_rectification_event_label (BB_RECTIFICATION_EVENT_MEASURES)));
  g_assert_true (timeline_has (bb_rectification_event_label (BB_RECTIFICATION_EVENT_REASSIGN)));
}

static void
test_visit (void)
{
  BbRectificationDialog *dialog;
  g_autoptr(BbRectificationEntry) after = NULL;

  /* The new responsible person makes the visit. */
  show_as (staff2);
  click (view_button ("record-visit"));
  bb_ui_test_iterate_until (dialog_shown, NULL, "the visit form");
  dialog = find_dialog ();
  g_assert_false (bb_rectification_dialog_get_valid (dialog));
  type_text (dialog, "上门回访，老人表示问题已解决");
  adw_combo_row_set_selected (bb_rectification_dialog_get_channel_row (dialog), 1);
  adw_combo_row_set_selected (bb_rectification_dialog_get_satisfied_row (dialog), 0);
  g_assert_true (bb_rectification_dialog_get_valid (dialog));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-rectification", "visit-form");
  bb_rectification_dialog_confirm (dialog);
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");
  bb_ui_test_iterate_until (shows_state, GINT_TO_POINTER (BB_RECTIFICATION_CLOSED),
                            "the closed state");

  after = stored (today_number);
  g_assert_cmpint (after->state, ==, BB_RECTIFICATION_CLOSED);
  g_assert_cmpstr (after->return_visit, ==, "上门回访，老人表示问题已解决");
  g_assert_cmpstr (after->visit_channel, ==, BB_VISIT_CHANNEL_ONSITE);
  g_assert_cmpint (after->visit_satisfied, ==, 1);
  g_assert_null (view_button ("record-measures"));
  g_assert_null (view_button ("record-visit"));
  g_assert_true (timeline_has (bb_rectification_event_label (BB_RECTIFICATION_EVENT_VISIT)));
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-rectification", "case-closed");
}

static gboolean
list_loaded (gpointer data)
{
  BbRectificationsWindow *list_window = data;

  return !bb_rectifications_window_get_loading (list_window) &&
         bb_rectifications_window_get_shown (list_window) != NULL;
}

static void
test_window (void)
{
  BbRectificationsWindow *list_window;
  GPtrArray *shown;
  const BbRectificationEntry *first;
  GtkWidget *row;

  /* The overdue case, shown in the case view with its mark. */
  bb_case_view_show_case (view, overdue_number);
  bb_ui_test_iterate_until (view_loaded, NULL, "the overdue case");
  bb_ui_test_iterate_until (shows_state, GINT_TO_POINTER (BB_RECTIFICATION_OPEN),
                            "its rectification");
  g_assert_true (((BbRectificationEntry *) g_ptr_array_index (bb_case_view_get_rectifications (view),
                                                               0))->overdue);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-rectification", "case-overdue");

  show_as (leader);
  list_window = bb_rectifications_window_new (app, window);
  g_object_add_weak_pointer (G_OBJECT (list_window), (gpointer *) &list_window);
  gtk_window_present (GTK_WINDOW (list_window));
  bb_ui_test_iterate_until (list_loaded, list_window, "the list");

  /* Only the one not closed, marked overdue. */
  shown = bb_rectifications_window_get_shown (list_window);
  g_assert_cmpuint (shown->len, ==, 1);
  first = g_ptr_array_index (shown, 0);
  g_assert_cmpstr (first->case_number, ==, overdue_number);
  g_assert_true (first->overdue);
  row = gtk_widget_get_first_child (GTK_WIDGET (bb_rectifications_window_get_list (list_window)));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, overdue_number);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  bb_ui_test_save_screenshot (GTK_WIDGET (list_window), "ui-rectification", "window");

  gtk_window_destroy (GTK_WINDOW (list_window));
  g_assert_null (list_window);
}

static gboolean
view_shows_responsible (gpointer data)
{
  g_autoptr(BbRectificationEntry) now = stored (overdue_number);
  const GPtrArray *shown = bb_case_view_get_rectifications (view);

  return shown != NULL && shown->len > 0 &&
         ((BbRectificationEntry *) g_ptr_array_index (shown, 0))->responsible_id
         == now->responsible_id;
}

static gboolean
staff_listed (gpointer data)
{
  AdwComboRow *row = bb_rectification_dialog_get_staff_row (data);

  return g_list_model_get_n_items (adw_combo_row_get_model (row)) > 0;
}

/* A team leader gives the overdue rectification to another staff member;
 * its staff member may not. */
static void
test_reassign (void)
{
  BbRectificationDialog *dialog;
  g_autoptr(BbRectificationEntry) before = stored (overdue_number);
  g_autoptr(BbRectificationEntry) after = NULL;
  GListModel *names;
  guint chosen = GTK_INVALID_LIST_POSITION;

  g_assert_cmpint (before->responsible_id, ==, staff1->staff_id);
  show_as (staff1);
  bb_case_view_show_case (view, overdue_number);
  bb_ui_test_iterate_until (view_loaded, NULL, "the overdue case");
  g_assert_null (view_button ("reassign-rectification"));

  show_as (leader);
  bb_ui_test_iterate_until (shows_state, GINT_TO_POINTER (BB_RECTIFICATION_OPEN),
                            "its rectification");
  click (view_button ("reassign-rectification"));
  bb_ui_test_iterate_until (dialog_shown, NULL, "the reassign form");
  dialog = find_dialog ();
  bb_ui_test_iterate_until (staff_listed, dialog, "the staff list");

  /* The one responsible now is not offered. */
  names = adw_combo_row_get_model (bb_rectification_dialog_get_staff_row (dialog));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      g_assert_null (strstr (name, "S001"));
      if (strstr (name, "S002") != NULL)
        chosen = i;
    }
  g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (bb_rectification_dialog_get_staff_row (dialog), chosen);
  /* The reason is required. */
  g_assert_false (bb_rectification_dialog_get_valid (dialog));
  type_text (dialog, "王小明外出培训，改由李华负责");
  g_assert_true (bb_rectification_dialog_get_valid (dialog));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-rectification", "reassign-form");
  bb_rectification_dialog_confirm (dialog);
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");

  after = stored (overdue_number);
  g_assert_cmpint (after->responsible_id, ==, staff2->staff_id);
  g_assert_cmpint (after->state, ==, BB_RECTIFICATION_OPEN);
  g_assert_cmpint (after->version, ==, before->version + 1);
  bb_ui_test_iterate_until (view_shows_responsible, NULL, "the case view to show who answers now");
  g_assert_true (timeline_has (bb_rectification_event_label (BB_RECTIFICATION_EVENT_REASSIGN)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN"))
    lang_tag = "zh_CN";

  bb_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  location = bb_test_new_location ();
  db = bb_test_open (location);
  make_fixtures ();

  app = bb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/bangban/ui/rectification/case-view", test_case_view);
  g_test_add_func ("/bangban/ui/rectification/measures", test_measures);
  g_test_add_func ("/bangban/ui/rectification/visit", test_visit);
  g_test_add_func ("/bangban/ui/rectification/window", test_window);
  g_test_add_func ("/bangban/ui/rectification/reassign", test_reassign);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (window);
  g_clear_object (&app);
  g_clear_object (&db);
  g_clear_pointer (&leader, bb_actor_free);
  g_clear_pointer (&staff1, bb_actor_free);
  g_clear_pointer (&staff2, bb_actor_free);
  g_clear_pointer (&today_number, g_free);
  g_clear_pointer (&overdue_number, g_free);
  g_clear_pointer (&location, bb_location_free);
  return status;
}
