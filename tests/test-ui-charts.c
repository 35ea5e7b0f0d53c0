/* test-ui-charts.c — BbChart, the charts page and the complaints page
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart kind is rendered to PNG (kept in meson-logs/bangban-tests) and
 * checked for drawn pixels and its legend. Then, under Xvfb against SQLite,
 * with fixtures made through core (staff, four 代办 cases taken through to
 * evaluation, one complaint): the charts page shows the totals worked out
 * by hand below; a click on a bar, and the keyboard (arrows, Enter), open
 * the bar's list, whose rows are the database's cases and open them in
 * the main window; and a complaint is moved a step and another received
 * through the complaints page, the database checked behind its back.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-chart-cases-window.h"
#include "bb-chart.h"
#include "bb-charts-page.h"
#include "bb-client-repo.h"
#include "bb-complaint-repo.h"
#include "bb-complaints-page.h"
#include "bb-staff-repo.h"
#include "bb-stats-cases.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-ui-resources.h"
#include "bb-validate.h"

/* bb_ui_test_template_child(), under the short name the tests use */
#define child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

#define NOW   "2026-03-02T09:30:00+08:00"
#define FROM  "2026-03-01"
#define TO    "2026-03-31"

static const char *lang_tag = "C";
static BbLocation *location;
static BbDatabase *db;
static BbActor *admin;
static BbActor *manager;
static char *complaint_number;
static GPtrArray *case_numbers;

/* Waiting */

/* Fixtures, through core */

static void
act (const char   *number,
     BbCaseAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) before = bb_case_repo_get (db, admin, number, &error);
  g_autoptr(BbCase) after = NULL;

  g_assert_no_error (error);
  after = bb_case_repo_act (db, admin, number, action, before->version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  bb_case_action_free (action);
}

static gint64
add_staff (const BbActor *actor,
           const char    *number,
           const char    *name,
           BbRole         role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bb_staff_repo_add (db, actor, number, name, role, NULL, "帮办代办服务区", NULL,
                                 &error);

  g_assert_no_error (error);
  return id;
}

/* A 代办 case handled by S001 and evaluated at @level. */
static void
evaluated_case (gint64 item_id,
                gint64 client_id,
                int    level)
{
  BbCaseDraft draft = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) kase = NULL;
  BbCaseAction *action;

  draft.kind = BB_CASE_PROXY;
  draft.client_id = client_id;
  draft.item_id = item_id;
  draft.reason = "企业设立代办";
  draft.mode = BB_MODE_HALL;
  draft.channel = "onsite";
  kase = bb_case_repo_create (db, admin, &draft, &error);
  g_assert_no_error (error);
  g_ptr_array_add (case_numbers, g_strdup (kase->number));

  action = bb_case_action_new (BB_ACTION_ANALYSE);
  action->difficulty = g_strdup ("一般");
  action->estimated_days = 3;
  action->process = g_strdup ("材料预审→网上申报→领取执照");
  act (kase->number, action);
  action = bb_case_action_new (BB_ACTION_ACCEPT);
  action->staff_number = g_strdup ("S001");
  action->limit_days = 3;
  act (kase->number, action);
  action = bb_case_action_new (BB_ACTION_COMPLETE);
  action->result = g_strdup ("已办结");
  act (kase->number, action);
  action = bb_case_action_new (BB_ACTION_HANDOVER);
  action->items = g_strdup ("营业执照正本、副本");
  action->received_by = g_strdup ("王芳");
  act (kase->number, action);
  act (kase->number, bb_case_action_new (BB_ACTION_CONFIRM));
  action = bb_case_action_new (BB_ACTION_EVALUATE);
  action->level = level;
  action->channel = g_strdup ("device");
  action->comment = g_strdup ("测试评价");
  act (kase->number, action);
}

static void
make_fixtures (void)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BbComplaint) complaint = NULL;
  BbComplaintDraft draft = { 0 };
  gint64 admin_id, manager_id, item_id, client_id;
  static const int levels[] = { 5, 4, 3, 1 };

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  admin_id = add_staff (system, "A001", "管理员", BB_ROLE_ADMIN);
  admin = bb_actor_new (admin_id, "A001", "管理员", BB_ROLE_ADMIN);
  manager_id = add_staff (admin, "M001", "刘经理", BB_ROLE_MANAGER);
  manager = bb_actor_new (manager_id, "M001", "刘经理", BB_ROLE_MANAGER);
  add_staff (admin, "S001", "王小明", BB_ROLE_STAFF);

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->limit_days = 3;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, NULL));
  item_id = bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);

  g_free (client->name);
  client->name = g_strdup ("王芳");
  client->id_number = g_strdup_printf ("%s%c", "61010319850312002",
                                       bb_id_number_check_digit ("61010319850312002"));
  client->phone = g_strdup ("13800138000");
  client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    evaluated_case (item_id, client_id, levels[i]);

  draft.channel = BB_COMPLAINT_CHANNEL_PHONE;
  draft.complainant = "赵先生";
  draft.contact = "13900139000";
  draft.staff_number = "S001";
  draft.content = "窗口等候时间过长";
  complaint = bb_complaint_repo_add (db, admin, &draft, &error);
  g_assert_no_error (error);
  complaint_number = g_strdup (complaint->number);
}

/* BbChart on its own */

static guint
count_drawn_pixels (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  int width, height, stride;
  guint32 background;
  guchar *data;
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  background = *(guint32 *) data;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (*(guint32 *) (data + y * stride + x * 4) != background)
        n++;
  cairo_surface_destroy (surface);
  return n;
}

static void
test_chart_kinds (void)
{
  static const char *categories[] = { "一月", "February", "三月", "April", NULL };
  static const double a[] = { 3, 7, 2, 5 };
  static const double b[] = { 1, 2, NAN, 4 };
  static const struct { BbChartKind kind; const char *name; gboolean stacked; } kinds[] = {
    { BB_CHART_BAR, "bar", FALSE },
    { BB_CHART_BAR, "stacked", TRUE },
    { BB_CHART_HBAR, "hbar", FALSE },
    { BB_CHART_PIE, "pie", FALSE },
    { BB_CHART_DONUT, "donut", FALSE },
    { BB_CHART_LINE, "line", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *chart = g_object_ref_sink (bb_chart_new (kinds[i].kind));
      g_autofree char *file = g_strdup_printf ("chart-%s-%s.png", kinds[i].name, lang_tag);
      g_autofree char *path = bb_test_log_path (file);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) texts = NULL;
      g_autofree char *tip = NULL;
      gboolean round = kinds[i].kind == BB_CHART_PIE || kinds[i].kind == BB_CHART_DONUT;

      bb_chart_set_title (BB_CHART (chart), "满意度 Satisfaction");
      bb_chart_set_stacked (BB_CHART (chart), kinds[i].stacked);
      bb_chart_set_categories (BB_CHART (chart), categories);
      bb_chart_add_series (BB_CHART (chart), "Series 甲", a, G_N_ELEMENTS (a));
      if (!round)
        bb_chart_add_series (BB_CHART (chart), "Series 乙", b, G_N_ELEMENTS (b));

      g_assert_true (bb_chart_write_png (BB_CHART (chart), path, 640, 400, &error));
      g_assert_no_error (error);
      g_test_message ("chart: %s", path);
      /* Non-empty: a good part of the image is drawn on. */
      g_assert_cmpuint (count_drawn_pixels (path), >, 640 * 400 / 50);

      /* The legend: the series' names, or each slice with its share. */
      texts = bb_chart_get_drawn_texts (BB_CHART (chart));
      g_assert_true (g_strv_contains ((const char * const *) texts, "满意度 Satisfaction"));
      if (round)
        {
          /* 7 of 17: 41.2% */
          gboolean found = FALSE;

          for (guint t = 0; texts[t] != NULL; t++)
            found |= strstr (texts[t], "February") != NULL && strstr (texts[t], "41.2%") != NULL;
          g_assert_true (found);
        }
      else
        {
          g_assert_true (g_strv_contains ((const char * const *) texts, "Series 甲"));
          g_assert_true (g_strv_contains ((const char * const *) texts, "Series 乙"));
        }

      /* The tooltip's exact value. */
      tip = bb_chart_describe (BB_CHART (chart), 0, 1);
      g_assert_nonnull (strstr (tip, "February"));
      g_assert_nonnull (strstr (tip, "7"));
      g_object_unref (chart);
    }
}

/* Hit testing, hover and activation in a real window. */
static void
activated_cb (BbChart *chart,
              guint    series,
              guint    category,
              gpointer data)
{
  ((int *) data)[0] = series;
  ((int *) data)[1] = category;
}

/* What a key does to @widget through its key bindings (the class's
 * shortcuts), as a key press would. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
}

/* A click on the widget where it drew the bar of (@series, @category), as
 * the click gesture reports it. */
static void
click_bar (BbChart *chart,
           guint    series,
           guint    category)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));

  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        guint s, c;

        if (!bb_chart_hit (chart, x, y, &s, &c) || s != series || c != category)
          continue;
        for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
          {
            g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

            if (GTK_IS_GESTURE_CLICK (controller))
              {
                g_signal_emit_by_name (controller, "released", 1, (double) x, (double) y);
                return;
              }
          }
      }
  g_error ("No bar (%u, %u) drawn", series, category);
}

static void
test_chart_widget (void)
{
  static const char *categories[] = { "A", "B", "C", NULL };
  static const double values[] = { 1, 10, 4 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = bb_chart_new (BB_CHART_BAR);
  guint series, category;
  int width, height;
  gboolean found = FALSE;
  int activated[2] = { -1, -1 };

  bb_chart_set_categories (BB_CHART (chart), categories);
  bb_chart_add_series (BB_CHART (chart), "Cases", values, 3);
  g_signal_connect (chart, "activated", G_CALLBACK (activated_cb), activated);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 300);
  gtk_window_present (GTK_WINDOW (window));
  bb_ui_test_wait_ms (300);

  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  /* The tallest bar (B) is in the middle third, near the top. */
  for (int y = height / 4; y < height && !found; y += 4)
    found = bb_chart_hit (BB_CHART (chart), width / 2.0 + 10, y, &series, &category);
  g_assert_true (found);
  g_assert_cmpuint (category, ==, 1);
  g_assert_false (bb_chart_hit (BB_CHART (chart), 2, 2, NULL, NULL));

  /* A click on it: activated, and marked for the keyboard. */
  click_bar (BB_CHART (chart), 0, 1);
  g_assert_cmpint (activated[0], ==, 0);
  g_assert_cmpint (activated[1], ==, 1);
  g_assert_true (gtk_widget_has_focus (chart));

  /* The keyboard: End, Left, Home, Right, Enter. */
  g_assert_true (gtk_widget_get_focusable (chart));
  press_key (chart, GDK_KEY_End);
  g_assert_true (bb_chart_get_focus_item (BB_CHART (chart), &series, &category));
  g_assert_cmpuint (category, ==, 2);
  press_key (chart, GDK_KEY_Left);
  press_key (chart, GDK_KEY_Left);
  g_assert_true (bb_chart_get_focus_item (BB_CHART (chart), &series, &category));
  g_assert_cmpuint (category, ==, 0);
  /* At either end the mark stays. */
  press_key (chart, GDK_KEY_Left);
  g_assert_true (bb_chart_get_focus_item (BB_CHART (chart), NULL, &category));
  g_assert_cmpuint (category, ==, 0);
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Home);
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Right);
  activated[0] = activated[1] = -1;
  press_key (chart, GDK_KEY_Return);
  g_assert_cmpint (activated[0], ==, 0);
  g_assert_cmpint (activated[1], ==, 2);
  press_key (chart, GDK_KEY_Left);
  press_key (chart, GDK_KEY_space);
  g_assert_cmpint (activated[1], ==, 1);

  /* The mark, as drawn: saved for a look. */
  gtk_widget_set_visible (chart, TRUE);
  gtk_root_set_focus (GTK_ROOT (window), chart);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  bb_ui_test_wait_ms (100);
  {
    g_autofree char *file = g_strdup_printf ("chart-focus-%s.png", lang_tag);
    g_autofree char *path = bb_test_log_path (file);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    bb_chart_draw (BB_CHART (chart), cr, width, height);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The charts page */

static gboolean
stats_shown (gpointer data)
{
  BbChartsPage *page = data;
  const BbStats *stats = bb_charts_page_get_stats (page);

  return !bb_charts_page_get_busy (page) && stats != NULL && g_str_equal (stats->from, FROM);
}

static const char *
label_text (BbChartsPage *page,
            const char   *name)
{
  return gtk_label_get_text (child (page, BB_TYPE_CHARTS_PAGE, name));
}

static gboolean
not_exporting (gpointer data)
{
  return !bb_charts_page_get_exporting (data);
}

static void
test_charts_page (void)
{
  GtkWidget *window = adw_window_new ();
  BbChartsPage *page = bb_charts_page_new (db, manager);
  BbChart *distribution, *workload;
  g_autofree char *csv_name = g_strdup_printf ("ui-charts-report-%s.csv", lang_tag);
  g_autofree char *csv_path = bb_test_log_path (csv_name);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  gtk_window_present (GTK_WINDOW (window));
  bb_charts_page_set_range (page, FROM, TO);
  bb_ui_test_iterate_until (stats_shown, page, "the statistics");

  /* By hand: four evaluations (5, 4, 3, 1); satisfied are levels 4 and 5:
   * 2 of 4 = 50.0%; four cases completed; one complaint. */
  g_assert_cmpstr (label_text (page, "evaluations_value"), ==, "4");
  g_assert_cmpstr (label_text (page, "satisfaction_value"), ==, "50.0%");
  g_assert_cmpstr (label_text (page, "completed_value"), ==, "4");
  g_assert_cmpstr (label_text (page, "complaints_value"), ==, "1");

  /* The distribution, 非常满意 first: 1, 1, 1, 0, 1. */
  distribution = bb_charts_page_get_chart (page, 0);
  g_assert_cmpuint (bb_chart_get_n_categories (distribution), ==, 5);
  g_assert_cmpfloat (bb_chart_get_value (distribution, 0, 0), ==, 1);
  g_assert_cmpfloat (bb_chart_get_value (distribution, 0, 1), ==, 1);
  g_assert_cmpfloat (bb_chart_get_value (distribution, 0, 2), ==, 1);
  g_assert_cmpfloat (bb_chart_get_value (distribution, 0, 3), ==, 0);
  g_assert_cmpfloat (bb_chart_get_value (distribution, 0, 4), ==, 1);

  /* Workload: 王小明 completed all four. */
  workload = bb_charts_page_get_chart (page, 8);
  {
    gboolean found = FALSE;

    for (guint c = 0; c < bb_chart_get_n_categories (workload); c++)
      if (strstr (bb_chart_get_category (workload, c), "王小明") != NULL)
        {
          g_assert_cmpfloat (bb_chart_get_value (workload, 2, c), ==, 4);
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Every chart of the page to PNG. */
  for (guint i = 0; i < bb_charts_page_get_n_charts (page); i++)
    {
      g_autofree char *file = g_strdup_printf ("ui-charts-chart%02u-%s.png", i, lang_tag);
      g_autofree char *path = bb_test_log_path (file);

      g_assert_true (bb_chart_write_png (bb_charts_page_get_chart (page, i), path, 800, 500,
                                         &error));
      g_assert_no_error (error);
    }
  bb_ui_test_save_screenshot (window, "ui-charts", "charts");

  /* The report, through the page's thread, read back. */
  g_remove (csv_path);
  bb_charts_page_export_report (page, "csv", csv);
  g_assert_true (bb_charts_page_get_exporting (page));
  bb_ui_test_iterate_until (not_exporting, page, "the report");
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "王小明"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bar's list */

static BbChartCasesWindow *
find_list_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  BbChartCasesWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BB_IS_CHART_CASES_WINDOW (window))
        found = BB_CHART_CASES_WINDOW (window);
    }
  return found;
}

static gboolean
list_loaded (gpointer data)
{
  BbChartCasesWindow *window = find_list_window ();

  return window != NULL && !bb_chart_cases_window_get_busy (window);
}

static gboolean
list_closed (gpointer data)
{
  return find_list_window () == NULL;
}

static void
opened_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  char **opened = user_data;

  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

/* The numbers the window lists, as many as its view's rows. */
static GPtrArray *
listed_numbers (BbChartCasesWindow *window)
{
  GtkColumnView *view = child (window, BB_TYPE_CHART_CASES_WINDOW, "column_view");
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  const BbStatsCases *cases = bb_chart_cases_window_get_cases (window);
  GPtrArray *numbers = g_ptr_array_new ();

  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cases->items->len);
  for (guint i = 0; i < cases->items->len; i++)
    g_ptr_array_add (numbers, ((BbStatsItem *) g_ptr_array_index (cases->items, i))->number);
  return numbers;
}

static void
test_drill_down (void)
{
  GtkWidget *window = adw_window_new ();
  BbChartsPage *page = bb_charts_page_new (db, manager);
  g_autoptr(GSimpleActionGroup) app_group = g_simple_action_group_new ();
  g_autoptr(GSimpleActionGroup) win_group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_case = g_simple_action_new ("open-case", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) open_complaint = g_simple_action_new ("open-complaint",
                                                                 G_VARIANT_TYPE_STRING);
  g_autofree char *opened_case = NULL;
  g_autofree char *opened_complaint = NULL;
  const BbStatsTable *table;
  const BbStatsCases *cases;
  BbChartCasesWindow *list;
  BbChart *workload, *distribution, *states;
  g_autoptr(GPtrArray) numbers = NULL;
  guint staff_category = G_MAXUINT, series, category;
  const char *title;

  /* The main window's actions, as the application and BbWindow have them. */
  g_signal_connect (open_case, "activate", G_CALLBACK (opened_cb), &opened_case);
  g_signal_connect (open_complaint, "activate", G_CALLBACK (opened_cb), &opened_complaint);
  g_action_map_add_action (G_ACTION_MAP (app_group), G_ACTION (open_case));
  g_action_map_add_action (G_ACTION_MAP (win_group), G_ACTION (open_complaint));
  gtk_widget_insert_action_group (window, "app", G_ACTION_GROUP (app_group));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (win_group));

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  gtk_window_present (GTK_WINDOW (window));
  bb_charts_page_set_range (page, FROM, TO);
  bb_ui_test_iterate_until (stats_shown, page, "the statistics");
  bb_ui_test_wait_ms (300);

  /* A click on 王小明's “completed” bar of the workload chart. */
  workload = bb_charts_page_get_chart (page, 8);
  for (guint c = 0; c < bb_chart_get_n_categories (workload); c++)
    if (strstr (bb_chart_get_category (workload, c), "王小明") != NULL)
      staff_category = c;
  g_assert_cmpuint (staff_category, !=, G_MAXUINT);
  click_bar (workload, 2, staff_category);
  bb_ui_test_iterate_until (list_loaded, NULL, "the list of the bar");
  list = find_list_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (list)) == GTK_WINDOW (window));

  /* Titled with the chart, the bar and the period. */
  title = gtk_window_get_title (GTK_WINDOW (list));
  g_test_message ("list: %s", title);
  g_assert_nonnull (strstr (title, bb_chart_get_title (workload)));
  g_assert_nonnull (strstr (title, "王小明"));
  g_assert_nonnull (strstr (title, FROM));
  g_assert_nonnull (strstr (title, TO));

  /* As many as the bar says, and exactly the cases in the database. */
  cases = bb_chart_cases_window_get_cases (list);
  g_assert_nonnull (cases);
  g_assert_cmpfloat (bb_chart_get_value (workload, 2, staff_category), ==, (double) cases->total);
  numbers = listed_numbers (list);
  g_assert_cmpuint (numbers->len, ==, case_numbers->len);
  for (guint i = 0; i < case_numbers->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (numbers, g_ptr_array_index (case_numbers, i),
                                                     g_str_equal, NULL));
  for (guint i = 0; i < cases->items->len; i++)
    {
      const BbStatsItem *item = g_ptr_array_index (cases->items, i);

      g_assert_cmpstr (item->name, ==, "王芳");
      g_assert_cmpstr (item->about, ==, "企业设立登记");
      g_assert_nonnull (strstr (item->staff, "王小明"));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (list, BB_TYPE_CHART_CASES_WINDOW,
                                                            "stack")), ==, "list");
  bb_ui_test_save_screenshot (GTK_WIDGET (list), "ui-charts", "list");

  /* A row opens its case in the main window. */
  g_signal_emit_by_name (child (list, BB_TYPE_CHART_CASES_WINDOW, "column_view"), "activate", 1);
  g_assert_cmpstr (opened_case, ==, ((BbStatsItem *) g_ptr_array_index (cases->items, 1))->number);

  /* Escape closes it. */
  press_key (GTK_WIDGET (list), GDK_KEY_Escape);
  bb_ui_test_iterate_until (list_closed, NULL, "the list to close");
  g_clear_pointer (&numbers, g_ptr_array_unref);

  /* The keyboard: to the distribution's last slice (非常不满意), Enter. */
  distribution = bb_charts_page_get_chart (page, 0);
  gtk_widget_grab_focus (GTK_WIDGET (distribution));
  press_key (GTK_WIDGET (distribution), GDK_KEY_End);
  g_assert_true (bb_chart_get_focus_item (distribution, &series, &category));
  g_assert_cmpuint (category, ==, 4);
  press_key (GTK_WIDGET (distribution), GDK_KEY_Return);
  bb_ui_test_iterate_until (list_loaded, NULL, "the list of the slice");
  list = find_list_window ();
  cases = bb_chart_cases_window_get_cases (list);
  table = bb_stats_get_table (bb_charts_page_get_stats (page), BB_STATS_SATISFACTION);
  g_assert_cmpint (cases->total, ==,
                   ((BbStatsRow *) g_ptr_array_index (table->rows, 4))->count);
  g_assert_cmpint (cases->total, ==, 1);
  g_assert_cmpuint (cases->items->len, ==, 1);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (list)),
                            bb_chart_get_category (distribution, 4)));
  gtk_window_destroy (GTK_WINDOW (list));
  bb_ui_test_iterate_until (list_closed, NULL, "the list to close");

  /* Complaints: the “received” slice lists the complaint; a row opens it
   * on the complaints page. */
  states = bb_charts_page_get_chart (page, 11);
  click_bar (states, 0, BB_COMPLAINT_RECEIVED);
  bb_ui_test_iterate_until (list_loaded, NULL, "the complaints of the slice");
  list = find_list_window ();
  cases = bb_chart_cases_window_get_cases (list);
  g_assert_cmpint (cases->kind, ==, BB_STATS_ITEM_COMPLAINT);
  g_assert_cmpint (cases->total, ==, 1);
  bb_ui_test_save_screenshot (GTK_WIDGET (list), "ui-charts", "complaints-list");
  g_signal_emit_by_name (child (list, BB_TYPE_CHART_CASES_WINDOW, "column_view"), "activate", 0);
  g_assert_cmpstr (opened_complaint, ==, complaint_number);
  gtk_window_destroy (GTK_WINDOW (list));
  bb_ui_test_iterate_until (list_closed, NULL, "the list to close");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The complaints page */

static gboolean
page_idle (gpointer data)
{
  return !bb_complaints_page_get_busy (data);
}

static gboolean
detail_in_state (gpointer data)
{
  BbComplaintsPage *page = data;
  const BbComplaintDetail *detail = bb_complaints_page_get_detail (page);
  int state = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (page), "want-state"));

  return !bb_complaints_page_get_busy (page) && detail != NULL &&
         (int) detail->complaint->state == state;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_complaints_page (void)
{
  GtkWidget *window = adw_window_new ();
  BbComplaintsPage *page = bb_complaints_page_new (db, manager);
  GtkWindow *intake;
  GtkWidget *receive, *contact;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbComplaint) stored = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GtkTextBuffer *buffer;

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bb_ui_test_iterate_until (page_idle, page, "the complaints");
  g_assert_cmpuint (bb_complaints_page_get_n_shown (page), ==, 1);

  /* 受理 → 调查, with its text. */
  bb_complaints_page_select (page, complaint_number);
  g_object_set_data (G_OBJECT (page), "want-state", GINT_TO_POINTER (BB_COMPLAINT_RECEIVED));
  bb_ui_test_iterate_until (detail_in_state, page, "the complaint");
  g_assert_false (gtk_widget_get_sensitive (child (page, BB_TYPE_COMPLAINTS_PAGE,
                                                   "step_button")));
  gtk_editable_set_text (GTK_EDITABLE (child (page, BB_TYPE_COMPLAINTS_PAGE, "step_entry")),
                         "调取监控，询问当班工作人员");
  g_assert_true (gtk_widget_get_sensitive (child (page, BB_TYPE_COMPLAINTS_PAGE,
                                                  "step_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "complaints.step", NULL);
  g_object_set_data (G_OBJECT (page), "want-state",
                     GINT_TO_POINTER (BB_COMPLAINT_INVESTIGATING));
  bb_ui_test_iterate_until (detail_in_state, page, "the step");
  stored = bb_complaint_repo_get (db, manager, complaint_number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, BB_COMPLAINT_INVESTIGATING);
  g_assert_cmpuint (bb_complaints_page_get_detail (page)->steps->len, ==, 2);
  bb_ui_test_save_screenshot (window, "ui-charts", "complaints");

  /* A new complaint through the intake form, checked as typed. */
  intake = bb_complaints_page_new_complaint (page);
  g_assert_nonnull (intake);
  g_object_add_weak_pointer (G_OBJECT (intake), (gpointer *) &intake);
  bb_ui_test_wait_ms (200);
  receive = bb_ui_test_find_named (GTK_WIDGET (intake), GTK_TYPE_WIDGET, "receive_button");
  contact = bb_ui_test_find_named (GTK_WIDGET (intake), GTK_TYPE_WIDGET, "contact_row");
  g_assert_false (gtk_widget_get_sensitive (receive));
  gtk_editable_set_text (GTK_EDITABLE (bb_ui_test_find_named (GTK_WIDGET (intake), GTK_TYPE_WIDGET,
                                                              "complainant_row")),
                         "钱女士");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bb_ui_test_find_named (GTK_WIDGET (intake),
                                                                           GTK_TYPE_WIDGET,
                                                                           "content_view")));
  gtk_text_buffer_set_text (buffer, "材料被要求重复提交", -1);
  g_assert_true (gtk_widget_get_sensitive (receive));
  gtk_editable_set_text (GTK_EDITABLE (contact), "1380013");
  g_assert_false (gtk_widget_get_sensitive (receive));
  g_assert_true (gtk_widget_has_css_class (contact, "error"));
  gtk_editable_set_text (GTK_EDITABLE (contact), "13800138000");
  g_assert_true (gtk_widget_get_sensitive (receive));
  bb_ui_test_save_screenshot (GTK_WIDGET (intake), "ui-charts", "intake");
  g_signal_emit_by_name (receive, "clicked");
  bb_ui_test_iterate_until (window_gone, &intake, "the intake form to close");
  bb_ui_test_iterate_until (page_idle, page, "the list");

  all = bb_complaint_repo_list (db, manager, -1, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (bb_complaints_page_get_n_shown (page), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
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
  /* Links the templates in (the static library's resources register
   * themselves only when something refers to them). */
  g_assert_nonnull (bb_ui_get_resource ());
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/bangban/Bangban/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  location = bb_test_new_location ();
  db = bb_test_open (location);
  case_numbers = g_ptr_array_new_with_free_func (g_free);
  make_fixtures ();

  g_test_add_func ("/bangban/ui/chart/kinds", test_chart_kinds);
  g_test_add_func ("/bangban/ui/chart/widget", test_chart_widget);
  g_test_add_func ("/bangban/ui/charts-page/totals", test_charts_page);
  g_test_add_func ("/bangban/ui/charts-page/drill-down", test_drill_down);
  g_test_add_func ("/bangban/ui/complaints-page/flow", test_complaints_page);
  status = g_test_run ();

  g_clear_object (&db);
  g_clear_pointer (&admin, bb_actor_free);
  g_clear_pointer (&manager, bb_actor_free);
  g_clear_pointer (&location, bb_location_free);
  g_free (complaint_number);
  g_ptr_array_unref (case_numbers);
  return status;
}
