/* bb-benchmark.c — `bangban --benchmark`
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the main window signed in as the database's first administrator,
 * waits until the first rows of the case list are drawn, and prints the
 * time since start-up and the peak memory; then scrolls to the end of the
 * list and back, printing how long each took until the rows shown were
 * loaded and drawn, and how many pages were fetched; then quits.
 */

#define G_LOG_DOMAIN "bb-benchmark"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "bb-benchmark.h"
#include "bb-benchmark-charts.h"
#include "bb-case-item.h"
#include "bb-case-list.h"
#include "bb-dashboard.h"
#include "bb-staff-repo.h"
#include "bb-window.h"

typedef enum
{
  STAGE_OPENING,
  STAGE_FIRST_ROWS,
  STAGE_FIRST_PAINT,   /* the rows are in the frame being drawn */
  STAGE_PAINTED,
  STAGE_TO_END,
  STAGE_TO_START,
  STAGE_DONE,
} Stage;

typedef struct
{
  BbApplication *app;
  gint64         started_at;
  gint64         stage_started_at;
  Stage          stage;
  guint          frames_after;
  guint          timeout_id;
} Benchmark;

static double
peak_memory_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
print_line (const char *what,
            double      ms)
{
  printf ("%-28s %9.1f ms\n", what, ms);
  fflush (stdout);
}

static BbDashboard *
find_dashboard (Benchmark *bench)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (bench->app));
  GtkWidget *bin;

  if (!BB_IS_WINDOW (window))
    return NULL;
  bin = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BB_TYPE_WINDOW,
                                                   "dashboard_bin"));
  return BB_DASHBOARD (adw_bin_get_child (ADW_BIN (bin)));
}

static GtkAdjustment *
list_adjustment (BbDashboard *dashboard)
{
  GtkScrolledWindow *scroller =
    GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (dashboard), BB_TYPE_DASHBOARD,
                                                        "list_scroller"));

  return gtk_scrolled_window_get_vadjustment (scroller);
}

/* The rows at @position and the one the view shows are loaded. */
static gboolean
rows_loaded_at (BbCaseList *list,
                guint       position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(BbCaseItem) item = NULL;

  if (n == 0)
    return !bb_case_list_get_loading (list);
  item = g_list_model_get_item (G_LIST_MODEL (list), MIN (position, n - 1));
  return item != NULL && bb_case_item_get_loaded (item);
}

static void
painted_cb (GdkFrameClock *clock,
            Benchmark     *bench)
{
  BbDashboard *dashboard = find_dashboard (bench);
  BbCaseList *list = bb_dashboard_get_case_list (dashboard);

  g_signal_handlers_disconnect_by_func (clock, painted_cb, bench);
  printf ("cases                        %9u\n", bb_case_list_get_n_cases (list));
  print_line ("first rows after start-up",
              (g_get_monotonic_time () - bench->started_at) / 1000.0);
  printf ("%-28s %9.1f MB\n", "peak memory", peak_memory_mb ());
  bench->stage = STAGE_PAINTED;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Benchmark *bench = user_data;
  BbDashboard *dashboard = find_dashboard (bench);
  BbCaseList *list = dashboard ? bb_dashboard_get_case_list (dashboard) : NULL;
  GtkAdjustment *adjustment;
  gint64 now = g_get_monotonic_time ();
  guint n;

  if (list == NULL)
    return G_SOURCE_CONTINUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  adjustment = list_adjustment (dashboard);

  switch (bench->stage)
    {
    case STAGE_OPENING:
    case STAGE_FIRST_ROWS:
      if (!rows_loaded_at (list, 0))
        return G_SOURCE_CONTINUE;
      /* Announced and loaded: this frame lays them out and draws them. The
       * clock stops once the window has been drawn in this frame's paint
       * phase (painted_cb, connected after the surface's own handler),
       * before anything that runs after the paint, such as the dashboard
       * announcing the rest of the rows. */
      bench->stage = STAGE_FIRST_PAINT;
      g_signal_connect_after (clock, "paint", G_CALLBACK (painted_cb), bench);
      return G_SOURCE_CONTINUE;

    case STAGE_FIRST_PAINT:
      return G_SOURCE_CONTINUE;

    case STAGE_PAINTED:
      /* Scroll once every row is announced and laid out. */
      if (bb_case_list_get_holding (list) || bench->frames_after++ < 1)
        return G_SOURCE_CONTINUE;
      bench->stage = STAGE_TO_END;
      bench->frames_after = 0;
      bench->stage_started_at = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
      return G_SOURCE_CONTINUE;

    case STAGE_TO_END:
      if (n > 0 && !rows_loaded_at (list, n - 1))
        return G_SOURCE_CONTINUE;
      if (bench->frames_after++ < 1)
        return G_SOURCE_CONTINUE;
      print_line ("scroll to the end", (now - bench->stage_started_at) / 1000.0);
      bench->stage = STAGE_TO_START;
      bench->frames_after = 0;
      bench->stage_started_at = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, 0);
      return G_SOURCE_CONTINUE;

    case STAGE_TO_START:
      if (!rows_loaded_at (list, 0))
        return G_SOURCE_CONTINUE;
      if (bench->frames_after++ < 1)
        return G_SOURCE_CONTINUE;
      print_line ("scroll back to the start", (now - bench->stage_started_at) / 1000.0);
      printf ("%-28s %9u\n", "pages fetched", bb_case_list_get_pages_loaded (list));
      printf ("%-28s %9.1f MB\n", "peak memory at the end", peak_memory_mb ());
      bb_benchmark_charts_run ();
      bench->stage = STAGE_DONE;
      g_application_quit (G_APPLICATION (bench->app));
      return G_SOURCE_REMOVE;

    case STAGE_DONE:
    default:
      return G_SOURCE_REMOVE;
    }
}

static void
first_admin_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Benchmark *bench = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) admin = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(BbActor) actor = NULL;
  GtkWindow *window;

  if (admin == NULL)
    {
      g_printerr ("bangban --benchmark: %s\n",
                  error ? error->message : "the database has no administrator (run bangban-cli demo)");
      g_application_quit (G_APPLICATION (bench->app));
      return;
    }
  actor = bb_staff_to_actor (admin);
  bb_application_set_actor (bench->app, actor);
  print_line ("signed in after start-up", (g_get_monotonic_time () - bench->started_at) / 1000.0);
  window = gtk_application_get_active_window (GTK_APPLICATION (bench->app));
  bench->stage = STAGE_FIRST_ROWS;
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, bench, g_free);
}

static void
first_admin_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  BbStaff *admin = bb_staff_repo_first_admin (task_data, &error);

  if (admin == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, admin, (GDestroyNotify) bb_staff_free);
}

static void
database_ready_cb (BbApplication *app,
                   GParamSpec    *pspec,
                   Benchmark     *bench)
{
  BbDatabase *db = bb_application_get_database (app);
  g_autoptr(GTask) task = NULL;

  if (bench->stage != STAGE_OPENING)
    return;
  if (db == NULL)
    {
      if (bb_application_get_database_error (app) != NULL)
        {
          g_printerr ("bangban --benchmark: %s\n", bb_application_get_database_error (app));
          g_application_quit (G_APPLICATION (app));
        }
      return;
    }

  g_signal_handlers_disconnect_by_func (app, database_ready_cb, bench);
  print_line ("database open after start-up",
              (g_get_monotonic_time () - bench->started_at) / 1000.0);
  task = g_task_new (NULL, NULL, first_admin_cb, bench);
  g_task_set_task_data (task, g_object_ref (db), g_object_unref);
  g_task_run_in_thread (task, first_admin_thread);
}

/**
 * bb_benchmark_start:
 * @started_at: g_get_monotonic_time() when the program started
 *
 * Call after the window was created and the database is being opened.
 */
void
bb_benchmark_start (BbApplication *application,
                    gint64         started_at)
{
  Benchmark *bench = g_new0 (Benchmark, 1);

  bench->app = application;
  bench->started_at = started_at;
  bench->stage = STAGE_OPENING;
  g_signal_connect (application, "notify::database", G_CALLBACK (database_ready_cb), bench);
  g_signal_connect (application, "notify::database-error", G_CALLBACK (database_ready_cb), bench);
  database_ready_cb (application, NULL, bench);
}
