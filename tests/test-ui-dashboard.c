/* test-ui-dashboard.c — the dashboard and the case view under a real display
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real SQLite database filled through the core repositories (staff, a
 * catalogue item, clients, cases in several states, made at earlier fixed
 * clocks so that deadlines are due soon and overdue), a window holding a
 * BbDashboard, and the tests drive it as a person would: counter tiles and
 * filters, search by a two-character Chinese name and by case number, a
 * whole 代办 flow through the case view's buttons and dialogs (checking
 * the database through core after each step), a refused action, a conflict
 * with a second connection, live updates that keep selection and scroll
 * position, and the narrow layout. A PNG of each state is saved with the
 * test logs.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bb-application.h"
#include "bb-audit.h"
#include "bb-case-action-dialog.h"
#include "bb-case-item.h"
#include "bb-case-list.h"
#include "bb-case-query.h"
#include "bb-case-repo.h"
#include "bb-case-view.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-counter-tile.h"
#include "bb-rectification-repo.h"
#include "bb-dashboard.h"
#include "bb-error.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-validate.h"

/* bb_ui_test_template_child(), under the name the tests use */
#define template_child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

/* The clock of the tests: Monday 2 March 2026, 10:00 in Shanghai. */
#define TEST_NOW "2026-03-02T10:00:00+08:00"

/* Enough cases that the list scrolls. */
#define N_FILLER 60

static BbApplication *app;
static BbLocation *location;
static BbDatabase *db;          /* the second connection: another workstation */
static BbActor *system_actor;  /* the bootstrap, then the administrator */
static GtkWindow *window;
static BbDashboard *dashboard;
static const char *lang_tag = "C";

static gint64 staff_wang;       /* S001 王小明 */
static gint64 staff_li;         /* S002 李华 */
static gint64 client_wang_fang; /* 王芳 */
static gint64 client_li;        /* 李建国, military */
static char *flow_number;       /* 代办, analysed: the flow runs on it */
static char *due_soon_number;   /* handling, one working day left */
static char *overdue_number;    /* handling, past its deadline */
static char *suspended_number;
static char *completed_number;  /* completed this month */
static char *rectified_number;  /* completed last month, rated 不满意: rectification overdue */
static char *green_number;      /* a military client's case */

/* Waiting */

/* Finding widgets */

static BbCaseActionDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (BB_IS_CASE_ACTION_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return BB_CASE_ACTION_DIALOG (toplevel);
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

/* What a mouse click does (gtk_widget_activate() only starts a press
 * animation and clicks a quarter of a second later). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* A notification server of our own (org.gtk.Notifications, which GLib
 * prefers when its name has an owner), recording what the application
 * announces. */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GDBusConnection *notification_bus;
static GPtrArray *notifications;  /* "id\ttitle" */
static gboolean notification_name_owned;

static void
notification_method_cb (GDBusConnection       *connection,
                        const char            *sender,
                        const char            *object_path,
                        const char            *interface_name,
                        const char            *method_name,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation,
                        gpointer               user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    {
      const char *app_id, *id;
      g_autoptr(GVariant) data = NULL;
      const char *title = NULL;

      g_variant_get (parameters, "(&s&s@a{sv})", &app_id, &id, &data);
      g_variant_lookup (data, "title", "&s", &title);
      g_ptr_array_add (notifications, g_strdup_printf ("%s\t%s", id, title ? title : ""));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
notification_name_acquired_cb (GDBusConnection *connection,
                               const char      *name,
                               gpointer         user_data)
{
  notification_name_owned = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notification_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  notifications = g_ptr_array_new_with_free_func (g_free);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  notification_bus = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (notification_bus, "/org/gtk/Notifications",
                                     node->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (notification_bus, "org.gtk.Notifications",
                                G_BUS_NAME_OWNER_FLAGS_NONE, notification_name_acquired_cb,
                                NULL, NULL, NULL);
  bb_ui_test_iterate_until (flag_is_set, &notification_name_owned,
                            "the notification server's name");
}

static guint
count_notifications (const char *id_prefix)
{
  guint n = 0;

  for (guint i = 0; i < notifications->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (notifications, i), id_prefix))
      n++;
  return n;
}

/* The database, through core, from the second connection */

static BbCase *
get_case (const char *number)
{
  g_autoptr(GError) error = NULL;
  BbCase *kase = bb_case_repo_get (db, system_actor, number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

static BbCaseDetail *
get_detail (const char *number)
{
  g_autoptr(GError) error = NULL;
  BbCaseDetail *detail = bb_case_repo_get_detail (db, system_actor, number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (detail);
  return detail;
}

static guint
count_events (const char *number,
              const char *kind)
{
  g_autoptr(BbCaseDetail) detail = get_detail (number);
  guint n = 0;

  for (guint i = 0; i < detail->events->len; i++)
    {
      const BbCaseEvent *event = g_ptr_array_index (detail->events, i);

      if (g_strcmp0 (event->kind, kind) == 0)
        n++;
    }
  return n;
}

static void
act_elsewhere (const char   *number,
               BbCaseAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) before = get_case (number);
  g_autoptr(BbCase) after = NULL;

  after = bb_case_repo_act (db, system_actor, number, action, before->version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  bb_case_action_free (action);
}

/* Fixtures, made at earlier clocks */

static char *
valid_id_number (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, bb_id_number_check_digit (first17));
}

static gint64
add_client (const char *name,
            const char *first17,
            const char *phone,
            const char *category)
{
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (client->name);
  client->name = g_strdup (name);
  client->id_number = valid_id_number (first17);
  client->phone = g_strdup (phone);
  g_free (client->category);
  client->category = g_strdup (category);
  id = bb_client_repo_add (db, system_actor, client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_staff (const char *number,
           const char *name,
           BbRole      role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bb_staff_repo_add (db, system_actor, number, name, role, NULL,
                                 "帮办代办服务区", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64 item_id;

static void
add_catalogue_item (void)
{
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->legal_basis = g_strdup ("《市场主体登记管理条例》");
  item->limit_days = 3;
  item->process = g_strdup ("受理→审核→发照");
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, "窗口领取"));
  g_ptr_array_add (item->materials, bb_material_new ("居民身份证", BB_MATERIAL_ORIGINAL_AND_COPY,
                                                     1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("营业执照副本", BB_MATERIAL_COPY, 2,
                                                     "市场监督管理局窗口"));
  item_id = bb_catalogue_repo_add (db, system_actor, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item_id, >, 0);
}

static char *
new_case (BbCaseKind  kind,
          gint64      client_id,
          const char *reason)
{
  BbCaseDraft draft = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) kase = NULL;

  draft.kind = kind;
  draft.client_id = client_id;
  draft.item_id = item_id;
  draft.reason = reason;
  draft.mode = BB_MODE_HALL;
  draft.channel = "onsite";
  kase = bb_case_repo_create (db, system_actor, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return g_strdup (kase->number);
}

static void
analyse (const char *number)
{
  BbCaseAction *action = bb_case_action_new (BB_ACTION_ANALYSE);

  action->difficulty = g_strdup ("一般");
  action->estimated_days = 3;
  action->process = g_strdup ("材料预审→网上申报→领取执照");
  act_elsewhere (number, action);
}

static void
accept (const char *number,
        const char *staff_number,
        int         limit_days)
{
  BbCaseAction *action = bb_case_action_new (BB_ACTION_ACCEPT);

  action->staff_number = g_strdup (staff_number);
  action->limit_days = limit_days;
  act_elsewhere (number, action);
}

static char *
proxy_case_in_handling (gint64      client_id,
                        const char *staff_number,
                        int         limit_days)
{
  char *number = new_case (BB_CASE_PROXY, client_id, "企业设立代办");

  analyse (number);
  accept (number, staff_number, limit_days);
  return number;
}

static void
make_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  static const char *names[] = { "赵敏", "钱伟", "孙丽", "周杰", "吴刚", "郑爽" };
  gint64 fillers[G_N_ELEMENTS (names)];

  /* Two weeks ago: staff, the catalogue, clients, and the case that is now
   * overdue (accepted then with a limit of three working days). */
  g_setenv ("BANGBAN_NOW", "2026-02-16T09:30:00+08:00", TRUE);
  {
    gint64 admin = add_staff ("A001", "管理员", BB_ROLE_ADMIN);

    /* From now on an administrator acts, not the bootstrapping system. */
    bb_actor_free (system_actor);
    system_actor = bb_actor_new (admin, "A001", "管理员", BB_ROLE_ADMIN);
  }
  staff_wang = add_staff ("S001", "王小明", BB_ROLE_STAFF);
  staff_li = add_staff ("S002", "李华", BB_ROLE_STAFF);
  add_staff ("L001", "张队长", BB_ROLE_LEADER);
  add_catalogue_item ();
  client_wang_fang = add_client ("王芳", "61010319850312002", "13800138000", BB_CATEGORY_OTHER);
  client_li = add_client ("李建国", "61010219700101003", "13900139000", BB_CATEGORY_MILITARY);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("61010319900101%03u", i + 11);

      fillers[i] = add_client (names[i], first17, NULL, BB_CATEGORY_OTHER);
    }
  overdue_number = proxy_case_in_handling (client_wang_fang, "S001", 3);

  /* Ten days ago: a case completed, handed over, confirmed and rated
   * 不满意, which opened a rectification due five working days later. */
  g_setenv ("BANGBAN_NOW", "2026-02-20T10:00:00+08:00", TRUE);
  rectified_number = proxy_case_in_handling (client_wang_fang, "S001", 3);
  {
    BbCaseAction *complete = bb_case_action_new (BB_ACTION_COMPLETE);
    BbCaseAction *handover = bb_case_action_new (BB_ACTION_HANDOVER);
    BbCaseAction *confirm = bb_case_action_new (BB_ACTION_CONFIRM);
    BbCaseAction *evaluate = bb_case_action_new (BB_ACTION_EVALUATE);

    complete->result = g_strdup ("已办结");
    act_elsewhere (rectified_number, complete);
    handover->items = g_strdup ("营业执照正副本");
    handover->received_by = g_strdup ("王芳");
    act_elsewhere (rectified_number, handover);
    act_elsewhere (rectified_number, confirm);
    evaluate->level = 2;
    evaluate->comment = g_strdup ("等待时间太长");
    act_elsewhere (rectified_number, evaluate);
  }

  /* Last week: a case suspended until tomorrow. */
  g_setenv ("BANGBAN_NOW", "2026-02-23T09:30:00+08:00", TRUE);
  suspended_number = proxy_case_in_handling (client_li, "S002", 5);
  {
    BbCaseAction *action = bb_case_action_new (BB_ACTION_SUSPEND);

    action->reason = g_strdup ("fees");
    action->resume_by = g_strdup ("2026-03-03");
    act_elsewhere (suspended_number, action);
  }

  /* Today: many cases, one due tomorrow, one completed, and the one the
   * 代办 flow runs on (analysed, waiting for acceptance). */
  g_setenv ("BANGBAN_NOW", TEST_NOW, TRUE);
  for (guint i = 0; i < N_FILLER; i++)
    {
      g_autofree char *number = new_case (i % 2 ? BB_CASE_ASSIST : BB_CASE_PROXY,
                                          fillers[i % G_N_ELEMENTS (fillers)], "咨询");
    }
  due_soon_number = proxy_case_in_handling (client_wang_fang, "S001", 1);
  completed_number = proxy_case_in_handling (client_li, "S002", 3);
  {
    BbCaseAction *action = bb_case_action_new (BB_ACTION_COMPLETE);

    action->result = g_strdup ("已办结");
    act_elsewhere (completed_number, action);
  }
  green_number = new_case (BB_CASE_PROXY, client_li, "退役军人优待证申领");
  flow_number = new_case (BB_CASE_PROXY, client_wang_fang, "企业设立代办");
  analyse (flow_number);
  g_assert_no_error (error);
}

/* The dashboard */

static BbCaseList *
case_list (void)
{
  return bb_dashboard_get_case_list (dashboard);
}

static BbCaseView *
case_view (void)
{
  return bb_dashboard_get_case_view (dashboard);
}

static gboolean
list_settled (gpointer data)
{
  BbCaseList *list = case_list ();
  guint n;

  if (list == NULL || bb_case_list_get_loading (list))
    return FALSE;
  /* The rows on screen are loaded too. */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, 10); i++)
    {
      g_autoptr(BbCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (!bb_case_item_get_loaded (item))
        return FALSE;
    }
  return TRUE;
}

static void
wait_for_list (void)
{
  /* A change may start a load only on the next main loop iteration. */
  g_main_context_iteration (NULL, FALSE);
  bb_ui_test_iterate_until (list_settled, NULL, "the case list to settle");
}

static BbCaseItem *
list_item (guint position)
{
  BbCaseItem *item = g_list_model_get_item (G_LIST_MODEL (case_list ()), position);

  g_assert_nonnull (item);
  g_assert_true (bb_case_item_get_loaded (item));
  return item;
}

static gboolean
counters_shown (gpointer data)
{
  BbCounterTile *tile = BB_COUNTER_TILE (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                         "open_tile"));

  return bb_counter_tile_get_count (tile) >= 0;
}

static gint64
tile_count (const char *name)
{
  return bb_counter_tile_get_count (BB_COUNTER_TILE (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                                     name)));
}

static gboolean
case_shown (gpointer data)
{
  const BbCaseDetail *detail = bb_case_view_get_detail (case_view ());

  return !bb_case_view_get_loading (case_view ()) && detail != NULL &&
         g_strcmp0 (detail->kase->number, data) == 0;
}


static void
wait_for_case (const char *number)
{
  g_main_context_iteration (NULL, FALSE);
  bb_ui_test_iterate_until (case_shown, (gpointer) number, "the case to be shown");
}

static void
set_search (const char *text)
{
  GtkWidget *entry = template_child (dashboard, BB_TYPE_DASHBOARD, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search box waits 150 ms before it says the text changed. */
  bb_ui_test_wait_ms (300);
  wait_for_list ();
}

static void
reset_filters (void)
{
  static const char *tiles[] = { "open_tile", "due_soon_tile", "overdue_tile", "suspended_tile",
                                 "completed_tile", "rectification_tile" };
  static const char *drops[] = { "state_drop", "kind_drop", "staff_drop", "category_drop",
                                 "sort_drop" };

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                                     tiles[i])), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                               drops[i])), 0);
  set_search ("");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static gboolean
database_open (gpointer data)
{
  return bb_application_get_database (app) != NULL ||
         bb_application_get_database_error (app) != NULL;
}

static void
test_open (void)
{
  BbCaseCounters counters;
  g_autoptr(GError) error = NULL;

  bb_application_open_database (app, location, NULL);
  bb_ui_test_iterate_until (database_open, NULL, "the database to open");
  g_assert_null (bb_application_get_database_error (app));

  /* Nothing is shown before somebody signs in: the administrator does. */
  bb_application_set_actor (app, system_actor);

  window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (window, 1500, 950);
  dashboard = BB_DASHBOARD (bb_dashboard_new (app));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (dashboard));
  gtk_window_present (window);

  wait_for_list ();
  bb_ui_test_iterate_until (counters_shown, NULL, "the counters");
  g_assert_false (bb_dashboard_get_narrow (dashboard));

  /* Every case, newest first; the counters as core counts them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, N_FILLER + 7);
  g_assert_true (bb_case_query_counters (db, &counters, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tile_count ("open_tile"), ==, counters.open);
  g_assert_cmpint (tile_count ("due_soon_tile"), ==, 1);
  g_assert_cmpint (tile_count ("overdue_tile"), ==, 1);
  g_assert_cmpint (tile_count ("suspended_tile"), ==, 1);
  g_assert_cmpint (tile_count ("completed_tile"), ==, 1);
  g_assert_cmpint (tile_count ("rectification_tile"), ==, 1);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "start");
}

static void
test_filter_counter (void)
{
  GtkWidget *overdue = template_child (dashboard, BB_TYPE_DASHBOARD, "overdue_tile");
  GtkWidget *due_soon = template_child (dashboard, BB_TYPE_DASHBOARD, "due_soon_tile");
  GtkWidget *suspended = template_child (dashboard, BB_TYPE_DASHBOARD, "suspended_tile");
  GtkWidget *completed = template_child (dashboard, BB_TYPE_DASHBOARD, "completed_tile");
  GtkWidget *rectification = template_child (dashboard, BB_TYPE_DASHBOARD,
                                             "rectification_tile");
  g_autoptr(BbCaseItem) item = NULL;
  g_autoptr(BbCaseItem) soon = NULL;
  g_autoptr(BbCaseItem) paused = NULL;
  g_autoptr(BbCaseItem) done = NULL;
  g_autoptr(BbCaseItem) rectified = NULL;
  g_autoptr(GArray) changes = NULL;
  const Change *last;
  gulong handler;

  /* Clicking a tile filters the list to what it counts. */
  click (overdue);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue)));
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);
  item = list_item (0);
  g_assert_cmpstr (bb_case_item_get_number (item), ==, overdue_number);
  g_assert_cmpint (bb_case_item_get_deadline_state (item), ==, BB_DEADLINE_OVERDUE);
  g_assert_cmpint (bb_case_item_get_remaining_days (item), <, 0);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "filter-overdue");

  /* One tile at a time. */
  click (due_soon);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue)));
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);
  soon = list_item (0);
  g_assert_cmpstr (bb_case_item_get_number (soon), ==, due_soon_number);
  g_assert_cmpint (bb_case_item_get_deadline_state (soon), ==, BB_DEADLINE_DUE_SOON);

  click (suspended);
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);
  paused = list_item (0);
  g_assert_cmpstr (bb_case_item_get_number (paused), ==, suspended_number);

  /* Completed this month: not the case completed in February. */
  click (completed);
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);
  done = list_item (0);
  g_assert_cmpstr (bb_case_item_get_number (done), ==, completed_number);

  /* The case whose rectification is past its deadline. */
  click (rectification);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (completed)));
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);
  rectified = list_item (0);
  g_assert_cmpstr (bb_case_item_get_number (rectified), ==, rectified_number);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "filter-rectification");

  /* Clicking the active tile again shows everything: first the rows that
   * fill the screen (ten, here), then, once they are drawn, the rest,
   * appended at the end. */
  changes = g_array_new (FALSE, FALSE, sizeof (Change));
  bb_case_list_set_first_step (case_list (), 10);
  handler = g_signal_connect (case_list (), "items-changed", G_CALLBACK (items_changed_cb),
                              changes);
  click (rectification);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rectification)));
  wait_for_list ();
  g_signal_handler_disconnect (case_list (), handler);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, N_FILLER + 7);
  g_assert_cmpuint (changes->len, >=, 2);
  last = &g_array_index (changes, Change, changes->len - 1);
  g_assert_cmpuint (last->position, ==, 10);
  g_assert_cmpuint (last->removed, ==, 0);
  g_assert_cmpuint (last->added, ==, N_FILLER + 7 - 10);
  last--;
  g_assert_cmpuint (last->position, ==, 0);
  g_assert_cmpuint (last->added, ==, 10);
  g_assert_false (bb_case_list_get_holding (case_list ()));
}

static void
test_filter_state (void)
{
  GtkDropDown *state = GTK_DROP_DOWN (template_child (dashboard, BB_TYPE_DASHBOARD, "state_drop"));
  GtkDropDown *kind = GTK_DROP_DOWN (template_child (dashboard, BB_TYPE_DASHBOARD, "kind_drop"));
  GtkDropDown *category = GTK_DROP_DOWN (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                         "category_drop"));
  guint n;

  /* Handling: the due-soon, overdue and completed-today… no: completed
   * is completed. Handling holds exactly the two accepted, open cases. */
  gtk_drop_down_set_selected (state, BB_STATE_HANDLING + 1);
  wait_for_list ();
  n = g_list_model_get_n_items (G_LIST_MODEL (case_list ()));
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbCaseItem) item = list_item (i);

      g_assert_cmpint (bb_case_item_get_summary (item)->state, ==, BB_STATE_HANDLING);
    }
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "filter-handling");

  /* Choosing a state by hand puts the state tiles out. */
  click (template_child (dashboard, BB_TYPE_DASHBOARD, "open_tile"));
  g_assert_cmpuint (gtk_drop_down_get_selected (state), ==, 0);
  wait_for_list ();
  gtk_drop_down_set_selected (state, BB_STATE_ANALYSED + 1);
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (template_child (dashboard, BB_TYPE_DASHBOARD, "open_tile"))));
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);

  /* Consultations of the 帮办 kind: half the fillers. */
  gtk_drop_down_set_selected (state, BB_STATE_CONSULTATION + 1);
  gtk_drop_down_set_selected (kind, 1);
  wait_for_list ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, N_FILLER / 2);

  /* Military clients, marked as the green channel. */
  reset_filters ();
  for (guint i = 0; bb_client_categories ()[i] != NULL; i++)
    if (g_str_equal (bb_client_categories ()[i], BB_CATEGORY_MILITARY))
      gtk_drop_down_set_selected (category, i + 1);
  wait_for_list ();
  n = g_list_model_get_n_items (G_LIST_MODEL (case_list ()));
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbCaseItem) item = list_item (i);

      g_assert_true (bb_case_item_get_green_channel (item));
    }
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "filter-military");
  reset_filters ();
}

static void
test_search (void)
{
  guint n;

  /* A two-character Chinese name: below what a trigram index finds. */
  set_search ("王芳");
  n = g_list_model_get_n_items (G_LIST_MODEL (case_list ()));
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbCaseItem) item = list_item (i);

      g_assert_cmpstr (bb_case_item_get_summary (item)->client_name, ==, "王芳");
    }
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "search-name");

  /* Nothing found: an empty state that says what to try. */
  set_search ("没有这个人");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (template_child (dashboard, BB_TYPE_DASHBOARD, "list_stack"))),
                   ==, "empty");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "search-empty");

  /* A full case number typed: the case opens by itself. */
  set_search (due_soon_number);
  wait_for_case (due_soon_number);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, 1);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "search-number");

  /* Scanned from a slip: the number and Enter at once, before the search
   * box's delay: the case opens too. */
  {
    GtkWidget *entry = template_child (dashboard, BB_TYPE_DASHBOARD, "search_entry");

    gtk_editable_set_text (GTK_EDITABLE (entry), overdue_number);
    g_signal_emit_by_name (entry, "activate");
    wait_for_case (overdue_number);
  }
  reset_filters ();
}

static AdwActionRow *reveal_row;
static const char *reveal_full;

static gboolean
id_revealed (gpointer data)
{
  if (bb_case_view_get_message (case_view ()) != NULL)
    g_error ("Reveal: %s", bb_case_view_get_message (case_view ()));
  return g_strcmp0 (adw_action_row_get_subtitle (reveal_row), reveal_full) == 0;
}

static void
test_open_case (void)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                                "column_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);
  const BbCaseDetail *detail;
  guint position = G_MAXUINT;
  g_autoptr(BbCaseItem) item = NULL;

  /* Selecting a row shows the case beside the list. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (case_list ())); i++)
    {
      g_autoptr(BbCaseItem) candidate = list_item (i);

      if (g_strcmp0 (bb_case_item_get_number (candidate), overdue_number) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_selection_model_select_item (selection, position, TRUE);
  wait_for_case (overdue_number);
  detail = bb_case_view_get_detail (case_view ());
  g_assert_cmpint (detail->kase->state, ==, BB_STATE_HANDLING);
  g_assert_cmpuint (detail->materials->len, ==, 3);
  g_assert_cmpuint (detail->events->len, >=, 3);

  /* The status strip says overdue in words and with an icon. */
  g_assert_true (gtk_widget_has_css_class (template_child (case_view (), BB_TYPE_CASE_VIEW,
                                                           "strip"), "overdue"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (template_child (case_view (),
                                                                        BB_TYPE_CASE_VIEW,
                                                                        "deadline_icon"))),
                   ==, "dialog-warning-symbolic");

  /* The ID number is masked; revealing it is audited, then shown. */
  {
    AdwActionRow *id_row = ADW_ACTION_ROW (template_child (case_view (), BB_TYPE_CASE_VIEW,
                                                           "id_row"));
    GtkWidget *reveal = template_child (case_view (), BB_TYPE_CASE_VIEW, "reveal_button");
    g_autofree char *full = valid_id_number ("61010319850312002");
    g_autofree char *audit = NULL;

    g_assert_cmpstr (adw_action_row_get_subtitle (id_row), !=, full);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (id_row), "*"));
    g_assert_true (gtk_widget_get_visible (reveal));
    bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "case-overdue");

    click (reveal);
    reveal_row = id_row;
    reveal_full = full;
    bb_ui_test_iterate_until (id_revealed, NULL, "the full ID number");
    g_assert_false (gtk_widget_get_visible (reveal));
    audit = bb_test_query_string (location,
                                  "SELECT COUNT(*) FROM audit WHERE action LIKE '%reveal%'");
    g_assert_cmpstr (audit, !=, "0");
  }

  item = list_item (position);
  g_assert_cmpint (bb_case_item_get_id (item), ==, detail->kase->id);
}

/* The 代办 flow through the case view */

static GtkWidget *
action_button (const char *action)
{
  return bb_ui_test_find_named (GTK_WIDGET (case_view ()), GTK_TYPE_BUTTON, action);
}

static BbCaseActionDialog *
open_dialog_with_button (const char *action)
{
  GtkWidget *button = action_button (action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  click (button);
  bb_ui_test_iterate_until (dialog_shown, NULL, "the action's form");
  return find_dialog ();
}

static BbCaseActionDialog *
open_dialog_from_menu (const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_view ()), "case.act", "s", action));
  bb_ui_test_iterate_until (dialog_shown, NULL, "the action's form");
  return find_dialog ();
}

static void
set_text (BbCaseActionDialog *dialog,
          const char         *key,
          const char         *text)
{
  GtkWidget *field = bb_case_action_dialog_get_field (dialog, key);

  g_assert_nonnull (field);
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static char *
get_text (BbCaseActionDialog *dialog,
          const char         *key)
{
  GtkWidget *field = bb_case_action_dialog_get_field (dialog, key);
  GtkTextIter start, end;
  GtkTextBuffer *buffer;

  if (!GTK_IS_TEXT_VIEW (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
field_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static void
choose (BbCaseActionDialog *dialog,
        const char         *key,
        const char         *label_part)
{
  AdwComboRow *row = ADW_COMBO_ROW (bb_case_action_dialog_get_field (dialog, key));
  GListModel *model;

  g_assert_nonnull (row);
  bb_ui_test_iterate_until (field_sensitive, row, "the choices to load");
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      if (strstr (text, label_part) != NULL)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No choice “%s” in %s", label_part, key);
}

static void
confirm_and_wait (BbCaseActionDialog *dialog,
                  const char         *number,
                  BbCaseState         state)
{
  g_assert_true (bb_case_action_dialog_get_valid (dialog));
  g_assert_true (gtk_widget_get_sensitive (template_child (dialog, BB_TYPE_CASE_ACTION_DIALOG,
                                                           "confirm_button")));
  click (template_child (dialog, BB_TYPE_CASE_ACTION_DIALOG, "confirm_button"));
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");

  /* The view reads the case again. */
  while (TRUE)
    {
      const BbCaseDetail *detail = bb_case_view_get_detail (case_view ());

      if (!bb_case_view_get_loading (case_view ()) && detail != NULL &&
          g_strcmp0 (detail->kase->number, number) == 0 && detail->kase->state == state)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_flow (void)
{
  BbCaseActionDialog *dialog;
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  int version;

  bb_dashboard_open_case (dashboard, flow_number);
  wait_for_case (flow_number);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "flow-0-analysed");

  /* Accept: the suggested step. The form checks before it lets go. */
  g_assert_true (gtk_widget_has_css_class (action_button ("accept"), "suggested-action"));
  g_assert_nonnull (action_button ("refuse"));
  dialog = open_dialog_with_button ("accept");
  choose (dialog, "staff", "王小明");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-dashboard", "flow-1-accept-form");
  confirm_and_wait (dialog, flow_number, BB_STATE_HANDLING);
  kase = get_case (flow_number);
  g_assert_cmpint (kase->state, ==, BB_STATE_HANDLING);
  g_assert_cmpint (kase->responsible_id, ==, staff_wang);
  g_assert_cmpint (kase->limit_days, ==, 3);
  g_assert_nonnull (kase->deadline);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "flow-1-handling");
  g_clear_pointer (&kase, bb_case_free);

  /* Request a supplement: one menu away. The confirm button stays off
   * until the required text is there. */
  dialog = open_dialog_from_menu ("request-supplement");
  g_assert_false (bb_case_action_dialog_get_valid (dialog));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, BB_TYPE_CASE_ACTION_DIALOG,
                                                            "confirm_button")));
  set_text (dialog, "text", "请补充营业执照副本两份");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bb_ui_test_find_named (
                                            bb_case_action_dialog_get_field (dialog, "missing"),
                                            GTK_TYPE_CHECK_BUTTON, "营业执照副本")), TRUE);
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-dashboard",
                              "flow-2-request-supplement-form");
  confirm_and_wait (dialog, flow_number, BB_STATE_HANDLING);
  g_assert_cmpuint (count_events (flow_number, "request-supplement"), ==, 1);

  /* Suspend: one of the four reasons and a resume-by date. */
  dialog = open_dialog_with_button ("suspend");
  set_text (dialog, "resume_by", "2026-03-09");
  g_assert_false (bb_case_action_dialog_get_valid (dialog));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (template_child (
                              dialog, BB_TYPE_CASE_ACTION_DIALOG, "validation_label"))),
                            _("Suspension reason")));
  choose (dialog, "reason", bb_suspend_reason_label (BB_SUSPEND_MATERIALS));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-dashboard", "flow-3-suspend-form");
  confirm_and_wait (dialog, flow_number, BB_STATE_SUSPENDED);
  kase = get_case (flow_number);
  g_assert_cmpint (kase->state, ==, BB_STATE_SUSPENDED);
  g_assert_cmpstr (kase->resume_by, ==, "2026-03-09");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "flow-3-suspended");
  g_clear_pointer (&kase, bb_case_free);

  /* Resume: the suggested step of a suspended case. */
  g_assert_true (gtk_widget_has_css_class (action_button ("resume"), "suggested-action"));
  dialog = open_dialog_with_button ("resume");
  confirm_and_wait (dialog, flow_number, BB_STATE_HANDLING);
  kase = get_case (flow_number);
  g_assert_cmpint (kase->state, ==, BB_STATE_HANDLING);
  g_clear_pointer (&kase, bb_case_free);

  /* Complete with a result. */
  dialog = open_dialog_with_button ("complete");
  set_text (dialog, "result", "营业执照已核发");
  set_text (dialog, "delivery", "窗口领取");
  confirm_and_wait (dialog, flow_number, BB_STATE_COMPLETED);
  kase = get_case (flow_number);
  g_assert_cmpint (kase->state, ==, BB_STATE_COMPLETED);
  g_assert_cmpstr (kase->result, ==, "营业执照已核发");
  g_clear_pointer (&kase, bb_case_free);

  /* Hand over, with a receipt. */
  dialog = open_dialog_with_button ("handover");
  set_text (dialog, "items", "营业执照正本一份、副本两份，申请材料原件");
  set_text (dialog, "received_by", "王芳");
  confirm_and_wait (dialog, flow_number, BB_STATE_DELIVERED);
  detail = get_detail (flow_number);
  g_assert_cmpint (detail->kase->state, ==, BB_STATE_DELIVERED);
  g_assert_cmpuint (detail->handovers->len, ==, 1);
  g_clear_pointer (&detail, bb_case_detail_free);

  /* The client accepts the result (代办: before the evaluation). */
  dialog = open_dialog_with_button ("confirm");
  confirm_and_wait (dialog, flow_number, BB_STATE_CONFIRMED);

  /* Evaluate: five levels, channel, comment, integrity. */
  dialog = open_dialog_with_button ("evaluate");
  choose (dialog, "level", bb_satisfaction_label (5));
  choose (dialog, "channel", bb_evaluation_channel_label ("device"));
  set_text (dialog, "comment", "办事很快，态度很好");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-dashboard", "flow-4-evaluate-form");
  confirm_and_wait (dialog, flow_number, BB_STATE_CONFIRMED);
  detail = get_detail (flow_number);
  g_assert_cmpuint (detail->evaluations->len, ==, 1);
  {
    const BbEvaluation *evaluation = g_ptr_array_index (detail->evaluations, 0);

    g_assert_cmpint (evaluation->level, ==, 5);
    g_assert_cmpstr (evaluation->channel, ==, "device");
    g_assert_true (evaluation->integrity_ok);
  }
  version = detail->kase->version;
  g_clear_pointer (&detail, bb_case_detail_free);

  /* Archive, under the case number. */
  dialog = open_dialog_with_button ("archive");
  {
    g_autofree char *archive_number = get_text (dialog, "archive_number");

    g_assert_cmpstr (archive_number, ==, flow_number);
  }
  confirm_and_wait (dialog, flow_number, BB_STATE_ARCHIVED);
  kase = get_case (flow_number);
  g_assert_cmpint (kase->state, ==, BB_STATE_ARCHIVED);
  g_assert_cmpint (kase->version, >, version);
  g_assert_cmpstr (kase->archive_number, ==, flow_number);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "flow-5-archived");
}

static gboolean
message_shown (gpointer data)
{
  return bb_case_action_dialog_get_message (data) != NULL && !bb_case_action_dialog_get_busy (data);
}

static void
test_refused (void)
{
  BbCaseActionDialog *dialog;
  g_autoptr(BbCase) before = NULL;
  g_autoptr(BbCase) after = NULL;
  g_autofree char *typed = NULL;

  bb_dashboard_open_case (dashboard, due_soon_number);
  wait_for_case (due_soon_number);
  before = get_case (due_soon_number);

  /* Archiving a case still in handling, asked for through the view's
   * action (as a stale screen or a shortcut could): core refuses, the form
   * says why and keeps what was typed, and nothing changes. */
  g_assert_null (action_button ("archive"));
  dialog = open_dialog_from_menu ("archive");
  set_text (dialog, "archive_number", "档案-2026-001");
  click (template_child (dialog, BB_TYPE_CASE_ACTION_DIALOG, "confirm_button"));
  bb_ui_test_iterate_until (message_shown, dialog, "the refusal");
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (strstr (bb_case_action_dialog_get_message (dialog),
                            bb_case_state_label (BB_STATE_HANDLING)));
  g_assert_false (bb_case_action_dialog_get_conflict (dialog));
  typed = get_text (dialog, "archive_number");
  g_assert_cmpstr (typed, ==, "档案-2026-001");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-dashboard", "refused");

  after = get_case (due_soon_number);
  g_assert_cmpint (after->version, ==, before->version);
  g_assert_cmpint (after->state, ==, BB_STATE_HANDLING);
  g_assert_null (after->archive_number);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");
}

static void
test_conflict (void)
{
  BbCaseActionDialog *dialog;
  g_autofree char *typed = NULL;
  g_autoptr(BbCase) kase = NULL;
  BbCaseAction *reassign;
  const char *message;
  guint logs;

  bb_dashboard_open_case (dashboard, due_soon_number);
  wait_for_case (due_soon_number);
  logs = count_events (due_soon_number, "log");

  /* The user starts a work log entry… */
  dialog = open_dialog_with_button ("log");
  set_text (dialog, "text", "已电话联系服务对象，约定明日补交材料");

  /* …while another workstation reassigns the case. */
  reassign = bb_case_action_new (BB_ACTION_REASSIGN);
  reassign->staff_number = g_strdup ("S002");
  reassign->reason = g_strdup ("王小明外出培训");
  reassign->client_told = TRUE;
  act_elsewhere (due_soon_number, reassign);

  /* Confirming meets the conflict: the form says so and what changed,
   * keeps the text, and nothing of ours was written. */
  click (template_child (dialog, BB_TYPE_CASE_ACTION_DIALOG, "confirm_button"));
  bb_ui_test_iterate_until (message_shown, dialog, "the conflict to be shown");
  g_assert_true (bb_case_action_dialog_get_conflict (dialog));
  message = bb_case_action_dialog_get_message (dialog);
  g_assert_nonnull (strstr (message, _("Someone else changed this case first")));
  g_assert_nonnull (strstr (message, "王小明"));
  g_assert_nonnull (strstr (message, "李华"));
  typed = get_text (dialog, "text");
  g_assert_cmpstr (typed, ==, "已电话联系服务对象，约定明日补交材料");
  g_assert_cmpuint (count_events (due_soon_number, "log"), ==, logs);
  kase = get_case (due_soon_number);
  g_assert_cmpint (kase->responsible_id, ==, staff_li);
  g_assert_cmpint (bb_case_action_dialog_get_case (dialog)->version, ==, kase->version);
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-dashboard", "conflict");

  /* The view behind shows the other workstation's change. */
  while (bb_case_view_get_detail (case_view ())->kase->responsible_id != staff_li)
    g_main_context_iteration (NULL, TRUE);

  /* Confirming again saves what was typed, on top of their change. */
  confirm_and_wait (dialog, due_soon_number, BB_STATE_HANDLING);
  g_assert_cmpuint (count_events (due_soon_number, "log"), ==, logs + 1);
  g_clear_pointer (&kase, bb_case_free);
  kase = get_case (due_soon_number);
  g_assert_cmpint (kase->responsible_id, ==, staff_li);
}

static void
test_materials (void)
{
  GtkWidget *check;
  g_autoptr(BbCaseDetail) detail = NULL;
  const BbCaseMaterial *material = NULL;

  bb_dashboard_open_case (dashboard, overdue_number);
  wait_for_case (overdue_number);

  /* Ticking a material saves it at once. */
  check = bb_ui_test_find_named (template_child (case_view (), BB_TYPE_CASE_VIEW, "materials_list"),
                                 GTK_TYPE_CHECK_BUTTON, "申请书");
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  while (TRUE)
    {
      const BbCaseDetail *shown = bb_case_view_get_detail (case_view ());
      const BbCaseMaterial *first = g_ptr_array_index (shown->materials, 0);

      if (!bb_case_view_get_loading (case_view ()) && first->present)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  detail = get_detail (overdue_number);
  for (guint i = 0; i < detail->materials->len; i++)
    {
      const BbCaseMaterial *m = g_ptr_array_index (detail->materials, i);

      if (g_str_equal (m->name, "申请书"))
        material = m;
    }
  g_assert_nonnull (material);
  g_assert_true (material->present);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "materials");
}

static gboolean
revision_reached (gpointer data)
{
  return bb_dashboard_get_revision (dashboard) >= *(gint64 *) data && list_settled (NULL) &&
         !bb_case_view_get_loading (case_view ());
}

static void
test_live (void)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                                "column_view"));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                                     "list_scroller"));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);
  g_autoptr(BbCaseItem) chosen = NULL;
  BbCaseItem *moved;
  g_autofree char *chosen_number = NULL;
  g_autofree char *state_label = NULL;
  BbCaseState next_state;
  gint64 chosen_id;
  double scrolled_to;
  gint64 revision;
  guint position = 40;
  BbCaseAction *action;
  g_autoptr(GError) error = NULL;

  reset_filters ();
  bb_ui_test_wait_for_draw (GTK_WIDGET (window));

  /* Scroll down and choose a row there. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     gtk_adjustment_get_page_size (vadjustment));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  bb_ui_test_wait_for_draw (GTK_WIDGET (window));
  scrolled_to = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (scrolled_to, >, 0);
  chosen = list_item (position);
  chosen_id = bb_case_item_get_id (chosen);
  chosen_number = g_strdup (bb_case_item_get_number (chosen));
  gtk_selection_model_select_item (selection, position, TRUE);
  wait_for_case (chosen_number);

  /* Another workstation registers a case (a new first row) and takes the
   * chosen one a step further. */
  {
    g_autofree char *number = new_case (BB_CASE_ASSIST, client_wang_fang, "新的咨询");
  }
  if (bb_case_item_get_summary (chosen)->kind == BB_CASE_PROXY)
    {
      action = bb_case_action_new (BB_ACTION_ANALYSE);
      action->difficulty = g_strdup ("较难");
      action->estimated_days = 5;
      action->process = g_strdup ("另一工位：已分析");
      next_state = BB_STATE_ANALYSED;
    }
  else
    {
      action = bb_case_action_new (BB_ACTION_APPLY);
      action->text = g_strdup ("另一工位：已登记");
      next_state = BB_STATE_APPLIED;
    }
  act_elsewhere (chosen_number, action);
  revision = bb_change_feed_revision (db, &error);
  g_assert_no_error (error);

  /* Within one poll the list grows, the chosen case stays selected (one
   * row further down, since the newest comes first), the scroll position
   * stays, the row shows the new state, and so does the open case. */
  bb_ui_test_iterate_until (revision_reached, &revision, "the change feed to be read");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (case_list ())), ==, N_FILLER + 8);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, scrolled_to);
  moved = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_assert_nonnull (moved);
  g_assert_cmpint (bb_case_item_get_id (moved), ==, chosen_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    position + 1);
  g_assert_cmpint (bb_case_item_get_summary (moved)->state, ==, next_state);
  g_object_get (moved, "state", &state_label, NULL);
  g_assert_cmpstr (state_label, ==, bb_case_state_label (next_state));
  g_assert_cmpstr (bb_case_view_get_number (case_view ()), ==, chosen_number);
  g_assert_cmpint (bb_case_view_get_detail (case_view ())->kase->state, ==, next_state);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "live");
}

/* A shown window keeps its size under Xvfb (no window manager): show it
 * again at the new size. */
static void
resize_window (int width,
               int height)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
}

static gboolean
narrow_is (gpointer data)
{
  return bb_dashboard_get_narrow (dashboard) == GPOINTER_TO_INT (data);
}

static gboolean
measures_shown (gpointer data)
{
  const BbCaseDetail *detail = bb_case_view_get_detail (case_view ());

  if (detail == NULL || detail->rectifications == NULL || detail->rectifications->len == 0)
    return FALSE;
  return g_strcmp0 (((BbRectification *) g_ptr_array_index (detail->rectifications, 0))->measures,
                    data) == 0;
}

/* Another workstation records a rectification's measures: the case view
 * showing that case reloads, though the change is the rectification's. */
static void
test_live_rectification (void)
{
  const BbCaseDetail *detail;
  g_autoptr(BbRectificationEntry) entry = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *measures = "已约谈经办人员，优化叫号流程";

  reset_filters ();
  set_search (rectified_number);
  wait_for_case (rectified_number);
  detail = bb_case_view_get_detail (case_view ());
  g_assert_nonnull (detail->rectifications);
  g_assert_cmpuint (detail->rectifications->len, ==, 1);
  g_assert_null (((BbRectification *) g_ptr_array_index (detail->rectifications, 0))->measures);

  entry = bb_rectification_repo_get (db, system_actor,
                                     ((BbRectification *) g_ptr_array_index (
                                        detail->rectifications, 0))->id, &error);
  g_assert_no_error (error);
  after = bb_rectification_repo_record_measures (db, system_actor, entry->id, measures,
                                                 entry->version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  bb_ui_test_iterate_until (measures_shown, (gpointer) measures, "the measures to be shown");
  reset_filters ();
}

static void
test_narrow (void)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (template_child (dashboard, BB_TYPE_DASHBOARD, "leaflet"));

  resize_window (800, 900);
  bb_ui_test_iterate_until (narrow_is, GINT_TO_POINTER (TRUE), "the narrow layout");
  bb_ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "narrow-case");

  /* Back to the list (Alt+←), then open a case from it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "narrow-list");
  bb_dashboard_open_case (dashboard, overdue_number);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "case");
  wait_for_case (overdue_number);

  resize_window (1500, 950);
  bb_ui_test_iterate_until (narrow_is, GINT_TO_POINTER (FALSE), "the wide layout");
  bb_ui_test_wait_for_draw (GTK_WIDGET (window));
}

static void
test_keyboard (void)
{
  GtkWidget *entry = template_child (dashboard, BB_TYPE_DASHBOARD, "search_entry");

  /* Ctrl+F: the search box. */
  gtk_widget_grab_focus (GTK_WIDGET (case_view ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.search", NULL));
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  /* Enter on a row opens its case. */
  {
    GtkWidget *column_view = template_child (dashboard, BB_TYPE_DASHBOARD, "column_view");
    g_autoptr(BbCaseItem) item = list_item (3);
    g_autofree char *number = g_strdup (bb_case_item_get_number (item));

    g_signal_emit_by_name (column_view, "activate", 3);
    wait_for_case (number);
  }

  /* Ctrl+Enter: the open case's next step. */
  bb_dashboard_open_case (dashboard, green_number);
  wait_for_case (green_number);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dashboard), "dashboard.next-step",
                                             NULL));
  bb_ui_test_iterate_until (dialog_shown, NULL, "the next step's form");
  g_assert_cmpint (bb_case_action_dialog_get_action (find_dialog ()), ==, BB_ACTION_ANALYSE);
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  bb_ui_test_iterate_until (dialog_gone, NULL, "the form to close");
}


/* BbCaseList on its own, on a database of its own */

#define N_LIST_PROXY 100
#define N_LIST_ASSIST 50

static BbLocation *list_location;
static BbDatabase *list_db;
static BbActor *list_actor;

static void
make_list_fixtures (void)
{
  BbDatabase *shared = db;
  gint64 client;

  list_location = bb_test_new_location ();
  list_db = bb_test_open (list_location);
  /* The fixture helpers work on `db`: point them here for a moment. */
  db = list_db;
  bb_actor_free (system_actor);
  system_actor = bb_actor_new_system ();
  {
    gint64 admin = add_staff ("A001", "管理员", BB_ROLE_ADMIN);

    bb_actor_free (system_actor);
    system_actor = bb_actor_new (admin, "A001", "管理员", BB_ROLE_ADMIN);
  }
  list_actor = bb_actor_copy (system_actor);
  add_catalogue_item ();
  client = add_client ("周芳", "61010319900101201", NULL, BB_CATEGORY_OTHER);
  for (guint i = 0; i < N_LIST_PROXY + N_LIST_ASSIST; i++)
    {
      g_autofree char *number = new_case (i < N_LIST_PROXY ? BB_CASE_PROXY : BB_CASE_ASSIST,
                                          client, "咨询");
    }
  db = shared;
}

static gboolean
list_not_loading (gpointer data)
{
  return !bb_case_list_get_loading (data);
}

static void
wait_for (BbCaseList *list)
{
  g_main_context_iteration (NULL, FALSE);
  bb_ui_test_iterate_until (list_not_loading, list, "the list to load");
}

static void
test_list_pages (void)
{
  g_autoptr(BbCaseList) list = NULL;
  g_autoptr(BbActor) admin = bb_actor_copy (list_actor);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BbCaseCursor) cursor = NULL;
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  /* What core pages out, by number. */
  for (guint page = 0; page < 2; page++)
    {
      BbCaseCursor *next = NULL;
      g_autoptr(GPtrArray) rows = bb_case_query_page (list_db, admin, filter, BB_CASE_SORT_NUMBER,
                                                      cursor, BB_CASE_LIST_PAGE_SIZE, &next,
                                                      &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (expected,
                         g_strdup (((BbCaseSummary *) g_ptr_array_index (rows, i))->number));
      g_clear_pointer (&cursor, bb_case_cursor_free);
      cursor = next;
    }
  g_assert_cmpuint (expected->len, ==, N_LIST_PROXY + N_LIST_ASSIST);

  /* A new list reads its first page with its count too. */
  {
    g_autoptr(BbCaseList) fresh = bb_case_list_new (list_db, admin);
    g_autoptr(BbCaseItem) first = NULL;

    wait_for (fresh);
    g_assert_cmpuint (bb_case_list_get_pages_loaded (fresh), ==, 1);
    first = g_list_model_get_item (G_LIST_MODEL (fresh), 0);
    g_assert_true (bb_case_item_get_loaded (first));
    g_assert_false (bb_case_list_get_loading (fresh));
  }

  list = bb_case_list_new (list_db, admin);
  bb_case_list_set_sort (list, BB_CASE_SORT_NUMBER);
  wait_for (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, N_LIST_PROXY + N_LIST_ASSIST);
  /* The first page came with the count: its items are filled already. */
  g_assert_cmpuint (bb_case_list_get_pages_loaded (list), ==, 1);
  {
    g_autoptr(BbCaseItem) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (bb_case_item_get_loaded (first));
    g_assert_false (bb_case_list_get_loading (list));
  }

  /* An item of another page is handed out at once, empty, and filled when
   * its page comes. */
  {
    g_autoptr(BbCaseItem) later = g_list_model_get_item (G_LIST_MODEL (list),
                                                         BB_CASE_LIST_PAGE_SIZE);

    g_assert_false (bb_case_item_get_loaded (later));
    g_assert_true (bb_case_list_get_loading (list));
    wait_for (list);
    g_assert_true (bb_case_item_get_loaded (later));
    g_assert_cmpuint (bb_case_list_get_pages_loaded (list), ==, 2);
  }

  /* The second page followed the first by keyset: the same rows as core's
   * own paging, in order, none twice. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (bb_case_item_get_loaded (item));
      g_assert_cmpstr (bb_case_item_get_number (item), ==, g_ptr_array_index (expected, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_assert_null (bb_case_list_get_error (list));

  /* A refresh with both pages loaded: page 0 by keyset from the start,
   * page 1 from where core seeks its first row; the new case (last, by
   * number) is announced at the end and nothing else moves. */
  {
    g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
    g_autoptr(BbCaseItem) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
    g_autofree char *added = NULL;
    BbDatabase *shared = db;
    BbActor *shared_actor = system_actor;

    db = list_db;
    system_actor = list_actor;
    added = new_case (BB_CASE_PROXY, bb_case_item_get_summary (last)->client_id, "咨询");
    db = shared;
    system_actor = shared_actor;

    g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
    bb_case_list_refresh (list);
    wait_for (list);
    g_assert_null (bb_case_list_get_error (list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);
    g_assert_cmpuint (changes->len, ==, 1);
    g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, n);
    g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BbCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_cmpstr (bb_case_item_get_number (item), ==, g_ptr_array_index (expected, i));
      }
    {
      g_autoptr(BbCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), n);

      wait_for (list);
      g_assert_cmpstr (bb_case_item_get_number (item), ==, added);
    }
    g_ptr_array_add (expected, g_steal_pointer (&added));
    g_signal_handlers_disconnect_by_func (list, items_changed_cb, changes);
  }

  /* Jumping to the end of a fresh list (a scroll bar dragged down) loads
   * the last page alone, beside the first that came with the count. */
  g_clear_object (&list);
  list = bb_case_list_new (list_db, admin);
  bb_case_list_set_sort (list, BB_CASE_SORT_NUMBER);
  wait_for (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (bb_case_list_get_pages_loaded (list), ==, 1);
  {
    g_autoptr(BbCaseItem) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
    g_autoptr(BbCaseItem) first_of_page = g_list_model_get_item (G_LIST_MODEL (list),
                                                                BB_CASE_LIST_PAGE_SIZE);

    wait_for (list);
    g_assert_cmpuint (bb_case_list_get_pages_loaded (list), ==, 2);
    g_assert_cmpstr (bb_case_item_get_number (last), ==, g_ptr_array_index (expected, n - 1));
    g_assert_cmpstr (bb_case_item_get_number (first_of_page), ==,
                     g_ptr_array_index (expected, BB_CASE_LIST_PAGE_SIZE));
  }
}

static void
test_list_refresh (void)
{
  g_autoptr(BbCaseList) list = NULL;
  g_autoptr(BbActor) admin = bb_actor_copy (list_actor);
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *touched = NULL;
  gint64 touched_updated;
  BbDatabase *shared = db;
  BbActor *shared_actor = system_actor;
  g_autoptr(GError) error = NULL;
  gint64 proxies;
  guint n;

  /* One page: the assisted cases, by number. */
  filter->kind = BB_CASE_ASSIST;
  list = bb_case_list_new (list_db, admin);
  bb_case_list_set_sort (list, BB_CASE_SORT_NUMBER);
  bb_case_list_set_filter (list, filter);
  wait_for (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, N_LIST_ASSIST);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  wait_for (list);
  touched = g_strdup (bb_case_item_get_number (g_ptr_array_index (items, 5)));
  touched_updated = bb_case_item_get_summary (g_ptr_array_index (items, 5))->updated_at;
  g_assert_cmpuint (bb_case_list_find (list, bb_case_item_get_id (g_ptr_array_index (items, 5))),
                    ==, 5);
  g_assert_cmpuint (bb_case_list_find (list, -1), ==, G_MAXUINT);

  /* Elsewhere: a row changes and a case is added (last, by number). */
  db = list_db;
  system_actor = list_actor;
  {
    BbCaseAction *action = bb_case_action_new (BB_ACTION_APPLY);
    g_autoptr(BbCase) client_case = get_case (touched);
    g_autofree char *number = NULL;

    g_setenv ("BANGBAN_NOW", "2026-03-02T11:00:00+08:00", TRUE);
    act_elsewhere (touched, action);
    number = new_case (BB_CASE_ASSIST, client_case->client_id, "又一个咨询");
    g_setenv ("BANGBAN_NOW", TEST_NOW, TRUE);
  }
  db = shared;
  system_actor = shared_actor;

  /* A refresh updates the rows in place (same objects, new content) and
   * announces only the new row at the end: nothing before it moves. */
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
  bb_case_list_refresh (list);
  wait_for (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, n);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbCaseItem) now = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (now == g_ptr_array_index (items, i));
    }
  g_assert_cmpstr (bb_case_item_get_number (g_ptr_array_index (items, 5)), ==, touched);
  g_assert_cmpint (bb_case_item_get_summary (g_ptr_array_index (items, 5))->state, ==,
                   BB_STATE_APPLIED);
  g_assert_cmpint (bb_case_item_get_summary (g_ptr_array_index (items, 5))->updated_at, >,
                   touched_updated);

  /* A new filter starts over: every row goes, the new ones come. */
  g_array_set_size (changes, 0);
  filter->kind = BB_CASE_PROXY;
  bb_case_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_for (list);
  proxies = bb_case_query_count (list_db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (proxies, >=, N_LIST_PROXY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, proxies);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, n + 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, proxies);
}

static gboolean
two_notifications (gpointer data)
{
  return notifications->len >= 2;
}

static void
test_notifications (void)
{
  g_autoptr(BbStaff) li = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCase) due_soon = get_case (due_soon_number);
  g_autoptr(BbCase) suspended = get_case (suspended_number);
  g_autofree char *due_soon_id = g_strdup_printf ("case-%" G_GINT64_FORMAT "-due-soon",
                                                  due_soon->id);
  g_autofree char *resume_id = g_strdup_printf ("case-%" G_GINT64_FORMAT "-resume",
                                                suspended->id);
  g_autoptr(GError) error = NULL;

  /* 李华 signs in: the case reassigned to them is due tomorrow, and their
   * suspended case must be resumed by tomorrow. */
  g_assert_cmpint (due_soon->responsible_id, ==, staff_li);
  g_assert_cmpint (suspended->responsible_id, ==, staff_li);
  g_ptr_array_set_size (notifications, 0);
  li = bb_staff_repo_get (db, staff_li, &error);
  g_assert_no_error (error);
  actor = bb_staff_to_actor (li);
  bb_application_set_actor (app, actor);
  bb_ui_test_iterate_until (two_notifications, NULL, "the notifications");
  bb_ui_test_wait_ms (500);
  g_assert_cmpuint (notifications->len, ==, 2);
  g_assert_cmpuint (count_notifications (due_soon_id), ==, 1);
  g_assert_cmpuint (count_notifications (resume_id), ==, 1);
  g_assert_null (bb_case_view_get_number (case_view ()));

  /* Once a day: reading again announces nothing new. */
  bb_dashboard_refresh (dashboard);
  bb_ui_test_wait_ms (BB_DASHBOARD_POLL_MS + 500);
  g_assert_cmpuint (notifications->len, ==, 2);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-dashboard", "signed-in-staff");

  /* The staff filter offers “my cases”. */
  {
    GtkDropDown *staff = GTK_DROP_DOWN (template_child (dashboard, BB_TYPE_DASHBOARD,
                                                        "staff_drop"));
    guint n;

    gtk_drop_down_set_selected (staff, 1);
    wait_for_list ();
    n = g_list_model_get_n_items (G_LIST_MODEL (case_list ()));
    g_assert_cmpuint (n, >=, 3);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BbCaseItem) item = list_item (i);

        g_assert_cmpint (bb_case_item_get_summary (item)->responsible_id, ==, staff_li);
      }
  }
}

static void
test_translated (void)
{
  /* Under zh_CN the dashboard speaks Chinese: a sample of its strings. */
  g_assert_cmpstr (bb_case_state_label (BB_STATE_HANDLING), !=, "Handling");
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");
  gboolean dashboard_gone = FALSE;
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
  system_actor = bb_actor_new_system ();
  make_fixtures ();
  {
    BbActor *admin = bb_actor_copy (system_actor);

    make_list_fixtures ();
    bb_actor_free (system_actor);
    system_actor = admin;
  }

  start_notification_server ();
  app = bb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/bangban/ui/case-list/pages", test_list_pages);
  g_test_add_func ("/bangban/ui/case-list/refresh", test_list_refresh);
  g_test_add_func ("/bangban/ui/dashboard/open", test_open);
  g_test_add_func ("/bangban/ui/dashboard/filter-counter", test_filter_counter);
  g_test_add_func ("/bangban/ui/dashboard/filter-state", test_filter_state);
  g_test_add_func ("/bangban/ui/dashboard/search", test_search);
  g_test_add_func ("/bangban/ui/dashboard/open-case", test_open_case);
  g_test_add_func ("/bangban/ui/dashboard/flow", test_flow);
  g_test_add_func ("/bangban/ui/dashboard/refused", test_refused);
  g_test_add_func ("/bangban/ui/dashboard/conflict", test_conflict);
  g_test_add_func ("/bangban/ui/dashboard/materials", test_materials);
  g_test_add_func ("/bangban/ui/dashboard/live", test_live);
  g_test_add_func ("/bangban/ui/dashboard/live-rectification", test_live_rectification);
  g_test_add_func ("/bangban/ui/dashboard/narrow", test_narrow);
  g_test_add_func ("/bangban/ui/dashboard/keyboard", test_keyboard);
  g_test_add_func ("/bangban/ui/dashboard/notifications", test_notifications);
  if (g_str_equal (lang_tag, "zh_CN"))
    g_test_add_func ("/bangban/ui/dashboard/translated", test_translated);
  status = g_test_run ();

  /* Everything the dashboard started ends with it. */
  if (dashboard != NULL)
    {
      g_object_weak_ref (G_OBJECT (dashboard), weak_notify_cb, &dashboard_gone);
      gtk_window_destroy (window);
      bb_ui_test_iterate_until (flag_is_set, &dashboard_gone, "the dashboard to be finalized");
    }
  g_clear_object (&app);
  g_clear_object (&db);
  g_clear_object (&list_db);
  g_clear_pointer (&list_location, bb_location_free);
  g_clear_pointer (&list_actor, bb_actor_free);
  g_clear_pointer (&notifications, g_ptr_array_unref);
  g_clear_object (&notification_bus);
  g_clear_pointer (&system_actor, bb_actor_free);
  g_clear_pointer (&location, bb_location_free);
  return status;
}
