/* bench-stats.c — times the statistics of a whole year over many cases
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: meson builds it but does not run it.
 *
 *   bench-stats --db LOCATION --seed --cases 1000000 --years 1
 *   bench-stats --db LOCATION [--from 2026-01-01 --to 2026-12-31] [--runs 7]
 *
 * --seed fills an empty database with bulk statements: 50 staff, 11
 * catalogue items in 6 departments, a client for every ten cases, the
 * holidays of 2026, and --cases cases registered evenly over the --years
 * years that end on 31 December 2026: 70 % completed (7 in 10 of those
 * evaluated, most as 非常满意 or 满意, the dissatisfied ones with a
 * rectification), the rest refused or, in the last 60 days, still open;
 * one complaint for every thousand cases. Then it times
 * bb_stats_compute() --runs times (after one warm-up run) and prints each
 * run, the time of each query of the median run and the median.
 */

#include "config.h"

#include <stdlib.h>

#include "bb-database-private.h"
#include "bb-stats.h"

#define DAY_US     G_GINT64_CONSTANT (86400000000)
#define OFFSET_US  G_GINT64_CONSTANT (28800000000)
/* 2027-01-01T00:00:00+08:00 */
#define END_US     G_GINT64_CONSTANT (1798704000000000)

/* Integers lo … hi, as a subquery both engines run. */
#define SERIES \
  "(WITH RECURSIVE n(i) AS (SELECT CAST(##lo::gint64 AS BIGINT) UNION ALL " \
  "SELECT i + 1 FROM n WHERE i < CAST(##hi::gint64 AS BIGINT)) SELECT i FROM n) AS s"

static const char SQL_STAFF[] =
  "INSERT INTO staff (id, number, name, role, created_at) "
  "SELECT i, 'B' || CAST(i AS TEXT), '员工' || CAST(i AS TEXT), "
  "CASE WHEN i = 1 THEN 'admin' WHEN i = 2 THEN 'manager' ELSE 'staff' END, 0 FROM " SERIES;
static const char SQL_ITEMS[] =
  "INSERT INTO catalogue_item (id, name, department, limit_days, created_at) "
  "SELECT i, '事项' || CAST(i AS TEXT), '部门' || CAST(i % 6 AS TEXT), 1 + i % 20, 0 FROM "
  SERIES;
static const char SQL_CLIENTS[] =
  "INSERT INTO client (id, kind, name, category, created_at) "
  "SELECT i, 'person', '客户' || CAST(i AS TEXT), "
  "CASE i % 10 WHEN 0 THEN 'key_enterprise' WHEN 1 THEN 'talent' WHEN 2 THEN 'special_care' "
  "WHEN 3 THEN 'military' WHEN 4 THEN 'inspection' WHEN 5 THEN 'complaint' ELSE 'other' END, "
  "0 FROM " SERIES;

/* applied: spread over the span; the deadline is the limit in calendar
 * days plus two, the completion 0 to 24 days after acceptance. */
#define APPLIED "(##start::gint64 + (s.i - 1) * ##step::gint64)"
#define CASES(DATE_PLUS) \
  "INSERT INTO bb_case (id, number, kind, state, client_id, item_id, matter, responsible_id, " \
  "accepted_at, applied_at, limit_days, deadline, completed_at, created_at, updated_at) " \
  "SELECT s.i, 'B' || CAST(s.i AS TEXT), CASE WHEN s.i % 4 = 0 THEN 'assist' ELSE 'proxy' END, " \
  "CASE WHEN s.i % 10 < 7 THEN 'archived' " \
  "WHEN " APPLIED " > ##recent::gint64 THEN 'handling' ELSE 'refused' END, " \
  "1 + s.i % ##clients::gint64, 1 + s.i % 11, '事项' || CAST(1 + s.i % 11 AS TEXT), " \
  "3 + s.i % 48, CASE WHEN s.i % 4 = 0 THEN NULL ELSE " APPLIED " + 3600000000 END, " \
  APPLIED ", 1 + (1 + s.i % 11) % 20, " \
  "CASE WHEN s.i % 4 = 0 THEN NULL ELSE " DATE_PLUS " END, " \
  "CASE WHEN s.i % 10 < 7 THEN " APPLIED " + 3600000000 + (s.i % 25) * 86400000000 END, " \
  APPLIED ", " APPLIED " FROM " SERIES

#define SQLITE_DATE_PLUS \
  "date((" APPLIED " + 28800000000) / 1000000, 'unixepoch', " \
  "'+' || CAST(3 + (1 + s.i % 11) % 20 AS TEXT) || ' days')"
#define PG_DATE_PLUS \
  "to_char(CAST('1970-01-01' AS DATE) + CAST((" APPLIED " + 28800000000) / 86400000000 " \
  "AS INTEGER) + 3 + CAST((1 + s.i % 11) % 20 AS INTEGER), 'YYYY-MM-DD')"

static const char SQL_CASES_SQLITE[] = CASES (SQLITE_DATE_PLUS);
static const char SQL_CASES_PG[] = CASES (PG_DATE_PLUS);

static const char SQL_EVALUATIONS[] =
  "INSERT INTO evaluation (case_id, level, channel, at) "
  "SELECT id, CASE WHEN (id * 7919) % 100 < 60 THEN 5 WHEN (id * 7919) % 100 < 85 THEN 4 "
  "WHEN (id * 7919) % 100 < 95 THEN 3 WHEN (id * 7919) % 100 < 98 THEN 2 ELSE 1 END, "
  "'onsite', completed_at + 3600000000 FROM bb_case "
  "WHERE completed_at IS NOT NULL AND id % 10 < 5 AND id >= ##lo::gint64 AND id <= ##hi::gint64";

static const char SQL_RECTIFICATIONS_SQLITE[] =
  "INSERT INTO rectification (evaluation_id, case_id, state, deadline, created_at) "
  "SELECT id, case_id, CASE WHEN id % 5 = 0 THEN 'open' ELSE 'closed' END, "
  "date((at + 28800000000) / 1000000 + 7 * 86400, 'unixepoch'), at FROM evaluation "
  "WHERE level <= 2";
static const char SQL_RECTIFICATIONS_PG[] =
  "INSERT INTO rectification (evaluation_id, case_id, state, deadline, created_at) "
  "SELECT id, case_id, CASE WHEN id % 5 = 0 THEN 'open' ELSE 'closed' END, "
  "to_char(CAST('1970-01-01' AS DATE) + CAST((at + 28800000000) / 86400000000 AS INTEGER) + 7, "
  "'YYYY-MM-DD'), at FROM evaluation WHERE level <= 2";

static const char SQL_COMPLAINTS[] =
  "INSERT INTO complaint (number, received_at, channel, complainant, case_id, content, state, "
  "due_at) SELECT 'TS' || CAST(id AS TEXT), applied_at + 2 * 86400000000, 'phone', '匿名', id, "
  "'等候时间过长', CASE id % 5000 WHEN 0 THEN 'received' WHEN 1000 THEN 'investigating' "
  "ELSE 'archived' END, applied_at + 16 * 86400000000 FROM bb_case WHERE id % 1000 = 0";

static const char SQL_HOLIDAY[] =
  "INSERT INTO holiday (day, kind) VALUES (##day::string, ##kind::string)";

static const char *holidays_2026[][2] = {
  { "2026-01-01", "holiday" }, { "2026-01-02", "holiday" }, { "2026-01-04", "workday" },
  { "2026-02-14", "workday" }, { "2026-02-16", "holiday" }, { "2026-02-17", "holiday" },
  { "2026-02-18", "holiday" }, { "2026-02-19", "holiday" }, { "2026-02-20", "holiday" },
  { "2026-02-23", "holiday" }, { "2026-02-28", "workday" }, { "2026-04-06", "holiday" },
  { "2026-05-01", "holiday" }, { "2026-05-04", "holiday" }, { "2026-05-05", "holiday" },
  { "2026-05-09", "workday" }, { "2026-06-19", "holiday" }, { "2026-09-20", "workday" },
  { "2026-10-01", "holiday" }, { "2026-10-02", "holiday" }, { "2026-10-05", "holiday" },
  { "2026-10-06", "holiday" }, { "2026-10-07", "holiday" }, { "2026-10-10", "workday" },
};

/* Evaluates @expr (which may set error), then stops on failure. */
#define CHECK(expr) \
  G_STMT_START \
  { \
    gboolean ok_ = (expr); \
    if (!ok_) \
      g_error ("%s: %s", #expr, error != NULL ? error->message : "failed"); \
  } \
  G_STMT_END

static void
run_series (BbDatabase *db,
            const char *sql,
            gint64      lo,
            gint64      hi,
            const char *extra_name,
            gint64      extra_value)
{
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GError) error = NULL;

  bb_params_set_int64 (params, "lo", lo);
  bb_params_set_int64 (params, "hi", hi);
  if (extra_name != NULL)
    bb_params_set_int64 (params, extra_name, extra_value);
  CHECK (bb_database_execute (db, statement, params, &error) >= 0);
}

static void
seed (BbDatabase *db,
      gint64      n_cases,
      int         years)
{
  const gint64 batch = 100000;
  gboolean sqlite = bb_database_get_engine (db) == BB_ENGINE_SQLITE;
  gint64 span = years * 365 * DAY_US;
  gint64 start = END_US - span;
  gint64 clients = MAX (1, n_cases / 10);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  CHECK (bb_database_begin (db, &error));
  run_series (db, SQL_STAFF, 1, 50, NULL, 0);
  run_series (db, SQL_ITEMS, 1, 11, NULL, 0);
  for (gint64 lo = 1; lo <= clients; lo += batch)
    run_series (db, SQL_CLIENTS, lo, MIN (lo + batch - 1, clients), NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (holidays_2026); i++)
    {
      GdaStatement *statement = bb_database_prepare (db, SQL_HOLIDAY);
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_string (params, "day", holidays_2026[i][0]);
      bb_params_set_string (params, "kind", holidays_2026[i][1]);
      CHECK (bb_database_execute (db, statement, params, &error) >= 0);
    }
  CHECK (bb_database_commit (db, &error));

  for (gint64 lo = 1; lo <= n_cases; lo += batch)
    {
      GdaStatement *statement = bb_database_prepare (db, sqlite ? SQL_CASES_SQLITE
                                                                : SQL_CASES_PG);
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_int64 (params, "lo", lo);
      bb_params_set_int64 (params, "hi", MIN (lo + batch - 1, n_cases));
      bb_params_set_int64 (params, "start", start);
      bb_params_set_int64 (params, "step", span / n_cases);
      bb_params_set_int64 (params, "recent", END_US - 60 * DAY_US);
      bb_params_set_int64 (params, "clients", clients);
      CHECK (bb_database_begin (db, &error));
      CHECK (bb_database_execute (db, statement, params, &error) >= 0);
      run_series (db, SQL_EVALUATIONS, lo, MIN (lo + batch - 1, n_cases), NULL, 0);
      CHECK (bb_database_commit (db, &error));
      g_printerr ("\rseeded %" G_GINT64_FORMAT " cases", MIN (lo + batch - 1, n_cases));
    }

  CHECK (bb_database_begin (db, &error));
  CHECK (bb_database_execute (db, bb_database_prepare (db, sqlite ? SQL_RECTIFICATIONS_SQLITE
                                                                  : SQL_RECTIFICATIONS_PG),
                              NULL, &error) >= 0);
  CHECK (bb_database_execute (db, bb_database_prepare (db, SQL_COMPLAINTS), NULL, &error) >= 0);
  CHECK (bb_database_commit (db, &error));

  if (!sqlite)
    {
      /* What autovacuum would have done by the time anybody asks: the bulk
       * statements left the running totals full of old row versions. */
      CHECK (bb_database_execute (db, bb_database_prepare (db, "VACUUM ANALYZE"), NULL, &error)
             >= 0);
    }
  g_printerr ("\nseeded in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
}

typedef struct
{
  gint64 last;
  GArray *steps;
} Timing;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Timing *timing = user_data;
  gint64 now = g_get_monotonic_time ();
  double ms = (now - timing->last) / 1000.0;

  g_array_append_val (timing->steps, ms);
  timing->last = now;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *location_text = NULL;
  g_autofree char *from = g_strdup ("2026-01-01");
  g_autofree char *to = g_strdup ("2026-12-31");
  gboolean do_seed = FALSE;
  gint64 n_cases = 1000000;
  int years = 1, runs = 7;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, &location_text, "The database", "LOCATION" },
    { "seed", 0, 0, G_OPTION_ARG_NONE, &do_seed, "Fill the (empty) database first", NULL },
    { "cases", 0, 0, G_OPTION_ARG_INT64, &n_cases, "How many cases to seed", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Over how many years, ending 2026", "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "The first day", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "The last day", "YYYY-MM-DD" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many timed runs", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbLocation) location = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) manager = bb_actor_new (0, "bench", "bench", BB_ROLE_MANAGER);
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double median;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || location_text == NULL ||
      n_cases < 1 || years < 1 || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: bench-stats --db LOCATION …");
      return 64;
    }

  gda_init ();
  location = bb_location_parse (location_text, &error);
  if (location != NULL)
    db = bb_database_open (location, g_getenv ("PGPASSWORD"), NULL, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 4;
    }
  if (do_seed)
    seed (db, n_cases, years);

  for (int run = 0; run <= runs; run++)
    {
      Timing timing = { g_get_monotonic_time (), g_array_new (FALSE, FALSE, sizeof (double)) };
      gint64 t0 = timing.last;
      g_autoptr(BbStats) stats = bb_stats_compute (db, manager, from, to, progress_cb, &timing,
                                                   NULL, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      if (stats == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (run == 0)
        {
          g_print ("warm-up %.1f ms (%" G_GINT64_FORMAT " evaluations, %" G_GINT64_FORMAT
                   " completed in the range)\n", ms,
                   bb_stats_table_find (stats->tables[BB_STATS_SUMMARY], "evaluations")->count,
                   bb_stats_table_find (stats->tables[BB_STATS_SUMMARY], "completed")->count);
          g_array_unref (timing.steps);
          continue;
        }
      g_print ("run %d: %.1f ms\n", run, ms);
      g_array_append_val (totals, ms);
      g_ptr_array_add (steps, timing.steps);
    }

  {
    g_autoptr(GArray) sorted = g_array_copy (totals);

    g_array_sort (sorted, compare_doubles);
    median = g_array_index (sorted, double, sorted->len / 2);
  }
  for (guint i = 0; i < totals->len; i++)
    {
      if (g_array_index (totals, double, i) == median)
        {
          GArray *s = g_ptr_array_index (steps, i);

          g_print ("median run by query:");
          for (guint q = 1; q < s->len; q++)
            g_print (" %.1f", g_array_index (s, double, q));
          g_print (" ms\n");
          break;
        }
    }
  g_print ("median %.1f ms over %d runs (%s to %s, %s)\n", median, runs, from, to,
           bb_database_get_engine (db) == BB_ENGINE_SQLITE ? "SQLite" : "PostgreSQL");
  return 0;
}
