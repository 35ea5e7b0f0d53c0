/* bb-stats.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics of a date range (数据统计上报, the standard's § 监督与评价):
 * satisfaction, on-time completion, handling time, workload, complaints
 * and rectifications. Every figure is aggregated by the database (GROUP BY);
 * what comes back is a few hundred grouped rows at most, never cases.
 *
 * Days and months are those of the time zone of record: an instant t (µs
 * since the epoch, UTC) falls on day (t + offset) / 86400000000 counted from
 * 1970-01-01, with the zone's offset passed as a parameter, so both engines
 * bucket alike without their own time-zone functions. Asia/Shanghai has
 * kept +08:00 all year since 1991, so one offset serves a whole range.
 *
 * Working days are counted in SQL too: W(d), the Mondays to Fridays up to
 * day d, is arithmetic; the holiday table adds its corrections (a holiday
 * on a weekday −1, a make-up working day on a weekend +1). The working
 * days in (a, c] are W(c) − W(a) plus the corrections of the holidays in
 * (a, c], summed over the (acceptance day, completion day) pairs, which are
 * themselves grouped and counted first — as bb_calendar_count_working_days()
 * counts them.
 *
 * Two sources, one result. A year of a busy hall is about a million cases;
 * grouping those rows takes seconds. Migration 0005 keeps running totals
 * per day (stats_* tables, exact through triggers on every change of a case,
 * an evaluation or a client's category), and the same figures come from
 * summing a few thousand of those. They are used when the database has them
 * and its days are counted with the offset of the range asked for; the
 * queries over the case table stay for any other offset, and the tests
 * check that both give the same tables.
 */

#define G_LOG_DOMAIN "bb-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-case.h"
#include "bb-client-repo.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-settings-repo.h"
#include "bb-stats.h"
#include "bb-stats-private.h"
#include "bb-validate.h"

/* The longest range: ten years of monthly rows. */
#define MAX_MONTHS 120

#define DAY "86400000000"

/* Day numbers and months, per engine. @d is a day number (days since
 * 1970-01-01), @t a `YYYY-MM-DD` text. */
#define SQLITE_MONTH(d)  "strftime('%Y-%m', (" d ") * 86400, 'unixepoch')"
#define SQLITE_DAYNUM(t) "CAST(julianday(" t ") - 2440587.5 AS INTEGER)"
#define PG_MONTH(d)      "to_char(CAST('1970-01-01' AS DATE) + CAST(" d " AS INTEGER), 'YYYY-MM')"
#define PG_DAYNUM(t)     "(CAST(" t " AS DATE) - CAST('1970-01-01' AS DATE))"

/* Evaluations by month and level. */
#define EVAL_MONTH(MONTH) \
  "SELECT " MONTH ("x.d") ", x.level, CAST(sum(x.n) AS BIGINT) FROM (" \
  "SELECT (at + ##offset::gint64) / " DAY " AS d, level, count(*) AS n FROM evaluation " \
  "WHERE at >= ##from::gint64 AND at < ##to::gint64 GROUP BY 1, 2) x " \
  "GROUP BY 1, 2 ORDER BY 1, 2"

static const char SQL_EVAL_MONTH_SQLITE[] = EVAL_MONTH (SQLITE_MONTH);
static const char SQL_EVAL_MONTH_PG[] = EVAL_MONTH (PG_MONTH);

#define ROLLUP_EVAL_MONTH(MONTH) \
  "SELECT " MONTH ("x.d") ", x.level, CAST(sum(x.n) AS BIGINT) FROM (" \
  "SELECT day AS d, level, sum(n) AS n FROM stats_eval_category " \
  "WHERE day >= ##from_day::gint64 AND day < ##to_day::gint64 GROUP BY day, level) x " \
  "GROUP BY 1, 2 HAVING sum(x.n) <> 0 ORDER BY 1, 2"

static const char SQL_ROLLUP_EVAL_MONTH_SQLITE[] = ROLLUP_EVAL_MONTH (SQLITE_MONTH);
static const char SQL_ROLLUP_EVAL_MONTH_PG[] = ROLLUP_EVAL_MONTH (PG_MONTH);

/* Evaluations by staff, matter, client category and department, from one
 * pass over the evaluations of the range joined to their cases. Rows:
 * (dimension, key, label, extra, level, count). */
#define DIM_STAFF      1
#define DIM_MATTER     2
#define DIM_CATEGORY   3
#define DIM_DEPARTMENT 4

#define EVAL_DIMS \
  "WITH g AS (SELECT c.responsible_id AS staff_id, c.item_id AS item_id, " \
  "CASE WHEN c.item_id IS NULL THEN c.matter END AS matter, cl.category AS category, " \
  "e.level AS level, count(*) AS n " \
  "FROM evaluation e JOIN bb_case c ON c.id = e.case_id JOIN client cl ON cl.id = c.client_id " \
  "WHERE e.at >= ##from::gint64 AND e.at < ##to::gint64 GROUP BY 1, 2, 3, 4, 5) " \
  "SELECT 1 AS dim, COALESCE(CAST(g.staff_id AS TEXT), '') AS k, s.name AS label, " \
  "s.number AS extra, g.level AS level, CAST(sum(g.n) AS BIGINT) AS n " \
  "FROM g LEFT JOIN staff s ON s.id = g.staff_id GROUP BY g.staff_id, s.name, s.number, g.level " \
  "UNION ALL " \
  "SELECT 2, CASE WHEN g.item_id IS NULL THEN 'matter:' || g.matter " \
  "ELSE 'item:' || CAST(g.item_id AS TEXT) END, COALESCE(i.name, g.matter), i.department, " \
  "g.level, CAST(sum(g.n) AS BIGINT) " \
  "FROM g LEFT JOIN catalogue_item i ON i.id = g.item_id " \
  "GROUP BY g.item_id, g.matter, i.name, i.department, g.level " \
  "UNION ALL " \
  "SELECT 3, g.category, g.category, NULL, g.level, CAST(sum(g.n) AS BIGINT) " \
  "FROM g GROUP BY g.category, g.level " \
  "UNION ALL " \
  "SELECT 4, COALESCE(i.department, ''), i.department, NULL, g.level, CAST(sum(g.n) AS BIGINT) " \
  "FROM g LEFT JOIN catalogue_item i ON i.id = g.item_id GROUP BY i.department, g.level " \
  "ORDER BY 1, 2, 5"

static const char SQL_EVAL_DIMS_SQLITE[] = "SELECT * FROM (" EVAL_DIMS ")";
static const char SQL_EVAL_DIMS_PG[] = EVAL_DIMS;

/* The same from the running totals: rows of (dimension, key, label, extra,
 * level, count) as above. Every stats_* table is keyed by day first
 * (migration 0006 for the totals per staff member): the range is one
 * range of each table's key, summed in one pass. */
#define ROLLUP_DAYS "WHERE day >= ##from_day::gint64 AND day < ##to_day::gint64 "

#define ROLLUP_EVAL_DIMS \
  "WITH m AS (SELECT item_id, matter, level, CAST(sum(n) AS BIGINT) AS n " \
  "FROM stats_eval_matter " ROLLUP_DAYS "GROUP BY item_id, matter, level HAVING sum(n) <> 0) " \
  "SELECT 1 AS dim, CASE WHEN x.staff_id = 0 THEN '' ELSE CAST(x.staff_id AS TEXT) END AS k, " \
  "s.name AS label, s.number AS extra, x.level AS level, x.n AS n FROM (" \
  "SELECT staff_id, level, CAST(sum(n) AS BIGINT) AS n FROM stats_eval_staff " ROLLUP_DAYS \
  "GROUP BY staff_id, level HAVING sum(n) <> 0) x LEFT JOIN staff s ON s.id = x.staff_id " \
  "UNION ALL " \
  "SELECT 2, CASE WHEN m.item_id = 0 THEN 'matter:' || m.matter " \
  "ELSE 'item:' || CAST(m.item_id AS TEXT) END, COALESCE(i.name, m.matter), i.department, " \
  "m.level, m.n FROM m LEFT JOIN catalogue_item i ON i.id = m.item_id " \
  "UNION ALL " \
  "SELECT 3, category, category, NULL, level, CAST(sum(n) AS BIGINT) FROM stats_eval_category " \
  ROLLUP_DAYS "GROUP BY category, level HAVING sum(n) <> 0 " \
  "UNION ALL " \
  "SELECT 4, COALESCE(i.department, ''), i.department, NULL, m.level, CAST(sum(m.n) AS BIGINT) " \
  "FROM m LEFT JOIN catalogue_item i ON i.id = m.item_id " \
  "GROUP BY i.department, m.level HAVING sum(m.n) <> 0 " \
  "ORDER BY 1, 2, 5"

static const char SQL_ROLLUP_EVAL_DIMS_SQLITE[] = "SELECT * FROM (" ROLLUP_EVAL_DIMS ")";
static const char SQL_ROLLUP_EVAL_DIMS_PG[] = ROLLUP_EVAL_DIMS;

/* Cases completed in the range, by month of completion and whether they
 * met their deadline (1), missed it (0) or had none (2), with the sum of
 * their handling times in working days. A case is timed from its
 * acceptance (代办), or from its registration when it has none (帮办). */
#define WEEKDAYS(d) \
  "(((" d ") + 4) / 7) * 5 + CASE WHEN ((" d ") + 4) % 7 > 5 THEN 5 ELSE ((" d ") + 4) % 7 END"

#define COMPLETION_PAIRS(DAYNUM) \
  "SELECT (COALESCE(accepted_at, applied_at) + ##offset::gint64) / " DAY " AS a, " \
  "(completed_at + ##offset::gint64) / " DAY " AS c, " \
  "CASE WHEN deadline IS NULL THEN 2 " \
  "WHEN " DAYNUM ("deadline") " >= (completed_at + ##offset::gint64) / " DAY " THEN 1 " \
  "ELSE 0 END AS t, count(*) AS n FROM bb_case " \
  "WHERE completed_at >= ##from::gint64 AND completed_at < ##to::gint64 GROUP BY 1, 2, 3"

/* The same pairs from the running totals (migration 0005), one row each. */
#define ROLLUP_COMPLETION_PAIRS \
  "SELECT a_day AS a, c_day AS c, t, n FROM stats_completion " \
  "WHERE c_day >= ##from_day::gint64 AND c_day < ##to_day::gint64 AND n <> 0"

/* W(c) − W(a) is arithmetic on each pair; the holidays' corrections are
 * added by joining the pairs to the few holiday rows between their days
 * (the grouped h is computed once). No join of pairs to pairs: PostgreSQL
 * estimates those badly enough to compile them (JIT) for longer than they
 * take to run. */
#define COMPLETION(PAIRS, MONTH, DAYNUM) \
  "WITH p AS (" PAIRS "), " \
  "h AS (SELECT " DAYNUM ("day") " AS d, " \
  "sum(CASE WHEN kind = 'workday' THEN 1 ELSE 0 END - " \
  "CASE WHEN (" DAYNUM ("day") " + 4) % 7 IN (0, 6) THEN 0 ELSE 1 END) AS delta " \
  "FROM holiday GROUP BY 1) " \
  "SELECT " MONTH ("y.c") ", y.t, CAST(sum(y.n) AS BIGINT), CAST(sum(y.days) AS BIGINT) " \
  "FROM (SELECT p.c AS c, p.t AS t, sum(p.n) AS n, " \
  "sum(p.n * ((" WEEKDAYS ("p.c") ") - (" WEEKDAYS ("p.a") "))) AS days FROM p " \
  "GROUP BY p.c, p.t " \
  "UNION ALL SELECT p.c, p.t, 0, sum(p.n * h.delta) FROM p JOIN h ON h.d > p.a AND h.d <= p.c " \
  "GROUP BY p.c, p.t) y " \
  "GROUP BY 1, 2 ORDER BY 1, 2"

static const char SQL_COMPLETION_SQLITE[] =
  "SELECT * FROM (" COMPLETION (COMPLETION_PAIRS (SQLITE_DAYNUM), SQLITE_MONTH, SQLITE_DAYNUM) ")";
static const char SQL_COMPLETION_PG[] =
  COMPLETION (COMPLETION_PAIRS (PG_DAYNUM), PG_MONTH, PG_DAYNUM);
static const char SQL_ROLLUP_COMPLETION_SQLITE[] =
  "SELECT * FROM (" COMPLETION (ROLLUP_COMPLETION_PAIRS, SQLITE_MONTH, SQLITE_DAYNUM) ")";
static const char SQL_ROLLUP_COMPLETION_PG[] =
  COMPLETION (ROLLUP_COMPLETION_PAIRS, PG_MONTH, PG_DAYNUM);

/* Per responsible staff member: registered, accepted and completed in the
 * range; open and overdue now. */
#define OPEN_STATES "('consultation', 'applied', 'routed', 'analysed', 'handling')"

static const char SQL_WORKLOAD[] =
  "SELECT w.rid, s.name, s.number, w.registered, w.accepted, w.completed, w.open, w.overdue "
  "FROM (SELECT COALESCE(responsible_id, 0) AS rid, "
  "CAST(sum(CASE WHEN applied_at >= ##from::gint64 AND applied_at < ##to::gint64 "
  "THEN 1 ELSE 0 END) AS BIGINT) AS registered, "
  "CAST(sum(CASE WHEN accepted_at >= ##from::gint64 AND accepted_at < ##to::gint64 "
  "THEN 1 ELSE 0 END) AS BIGINT) AS accepted, "
  "CAST(sum(CASE WHEN completed_at >= ##from::gint64 AND completed_at < ##to::gint64 "
  "THEN 1 ELSE 0 END) AS BIGINT) AS completed, "
  "CAST(sum(CASE WHEN state IN " OPEN_STATES " THEN 1 ELSE 0 END) AS BIGINT) AS open, "
  "CAST(sum(CASE WHEN state = 'handling' AND deadline < ##today::string "
  "THEN 1 ELSE 0 END) AS BIGINT) AS overdue "
  "FROM bb_case WHERE (applied_at >= ##from::gint64 AND applied_at < ##to::gint64) "
  "OR (accepted_at >= ##from::gint64 AND accepted_at < ##to::gint64) "
  "OR (completed_at >= ##from::gint64 AND completed_at < ##to::gint64) "
  "OR state IN " OPEN_STATES " GROUP BY COALESCE(responsible_id, 0)) w "
  "LEFT JOIN staff s ON s.id = w.rid";

/* The range of days of stats_case_day summed per staff member; the open
 * cases summed per staff member; then the two meet. */
static const char SQL_ROLLUP_WORKLOAD[] =
  "SELECT w.rid, s.name, s.number, w.registered, w.accepted, w.completed, w.open, w.overdue "
  "FROM (SELECT rid, CAST(sum(reg) AS BIGINT) AS registered, CAST(sum(acc) AS BIGINT) AS accepted, "
  "CAST(sum(done) AS BIGINT) AS completed, CAST(sum(op) AS BIGINT) AS open, "
  "CAST(sum(od) AS BIGINT) AS overdue FROM ("
  "SELECT staff_id AS rid, sum(CASE WHEN what = 1 THEN n ELSE 0 END) AS reg, "
  "sum(CASE WHEN what = 2 THEN n ELSE 0 END) AS acc, "
  "sum(CASE WHEN what = 3 THEN n ELSE 0 END) AS done, 0 AS op, 0 AS od "
  "FROM stats_case_day " ROLLUP_DAYS "GROUP BY staff_id "
  "UNION ALL SELECT staff_id, 0, 0, 0, sum(n), sum(CASE WHEN state = 'handling' "
  "AND deadline <> '' AND deadline < ##today::string THEN n ELSE 0 END) "
  "FROM stats_open GROUP BY staff_id) u GROUP BY rid "
  "HAVING sum(reg) <> 0 OR sum(acc) <> 0 OR sum(done) <> 0 OR sum(op) <> 0) w "
  "LEFT JOIN staff s ON s.id = w.rid";

static const char SQL_ROLLUP_OFFSET[] =
  "SELECT offset_us FROM stats_config WHERE id = 1";

/* The migration that added the running totals. */
#define ROLLUP_SCHEMA 5

/* Rectifications (整改): opened in the range and how many of those are
 * closed; open and overdue now. */
static const char SQL_RECTIFICATIONS[] =
  "SELECT (SELECT count(*) FROM rectification "
  "WHERE created_at >= ##from::gint64 AND created_at < ##to::gint64), "
  "(SELECT count(*) FROM rectification "
  "WHERE created_at >= ##from::gint64 AND created_at < ##to::gint64 AND state = 'closed'), "
  "(SELECT count(*) FROM rectification WHERE state IN ('open', 'measures')), "
  "(SELECT count(*) FROM rectification WHERE state IN ('open', 'measures') "
  "AND deadline < ##today::string)";

/* Complaints received in the range by month and by the state they are in. */
#define COMPLAINT_MONTH(MONTH) \
  "SELECT " MONTH ("x.d") ", x.state, CAST(sum(x.n) AS BIGINT) FROM (" \
  "SELECT (received_at + ##offset::gint64) / " DAY " AS d, state, count(*) AS n " \
  "FROM complaint WHERE received_at >= ##from::gint64 AND received_at < ##to::gint64 " \
  "GROUP BY 1, 2) x GROUP BY 1, 2 ORDER BY 1, 2"

static const char SQL_COMPLAINT_MONTH_SQLITE[] = COMPLAINT_MONTH (SQLITE_MONTH);
static const char SQL_COMPLAINT_MONTH_PG[] = COMPLAINT_MONTH (PG_MONTH);

/* Complaints not yet answered, and of those past their deadline (now);
 * complaints of the range answered, and on time. */
static const char SQL_COMPLAINT_SUMMARY[] =
  "SELECT CAST(sum(CASE WHEN state IN ('received', 'investigating', 'handled') "
  "THEN 1 ELSE 0 END) AS BIGINT), "
  "CAST(sum(CASE WHEN state IN ('received', 'investigating', 'handled') "
  "AND due_at < ##now::gint64 THEN 1 ELSE 0 END) AS BIGINT), "
  "(SELECT count(*) FROM complaint_step st JOIN complaint k ON k.id = st.complaint_id "
  "WHERE st.step = 'answered' AND k.received_at >= ##from::gint64 "
  "AND k.received_at < ##to::gint64), "
  "(SELECT count(*) FROM complaint_step st JOIN complaint k ON k.id = st.complaint_id "
  "WHERE st.step = 'answered' AND st.at <= k.due_at AND k.received_at >= ##from::gint64 "
  "AND k.received_at < ##to::gint64) "
  "FROM complaint";

typedef struct
{
  GDate   from;
  GDate   to;
  gint64  from_us;
  gint64  to_us;
  gint64  offset_us;
  gint64  from_day;   /* day numbers in the time zone of record, */
  gint64  to_day;     /* the last one exclusive */
  gint64  now_us;
  char   *today;
  gboolean rollups;   /* read the running totals (migration 0005) */
} Range;

G_DEFINE_BOXED_TYPE (BbStats, bb_stats, bb_stats_copy, bb_stats_free)

static const char *table_names[BB_STATS_N_TABLES] = {
  "summary",
  "satisfaction",
  "satisfaction_by_month",
  "satisfaction_by_staff",
  "satisfaction_by_matter",
  "satisfaction_by_category",
  "satisfaction_by_department",
  "on_time_by_month",
  "handling_time_by_month",
  "workload",
  "complaints_by_month",
  "complaints_by_state",
};

/* Rows and tables */

void
bb_stats_row_free (BbStatsRow *row)
{
  if (row == NULL)
    return;

  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

static BbStatsRow *
row_new (const char  *key,
         const char  *label,
         BbStatsUnit  unit)
{
  BbStatsRow *row = g_new0 (BbStatsRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label != NULL ? label : key);
  row->unit = unit;
  row->value = unit == BB_STATS_UNIT_COUNT ? 0 : NAN;
  return row;
}

static BbStatsRow *
row_copy (const BbStatsRow *row)
{
  BbStatsRow *copy = g_memdup2 (row, sizeof *row);

  copy->key = g_strdup (row->key);
  copy->label = g_strdup (row->label);
  return copy;
}

static BbStatsTable *
table_new (BbStatsTableId id)
{
  BbStatsTable *table = g_new0 (BbStatsTable, 1);

  table->id = id;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_stats_row_free);
  return table;
}

static void
table_free (BbStatsTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_free (table);
}

static double
ratio (gint64 part,
       gint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : NAN;
}

BbStats *
bb_stats_copy (const BbStats *stats)
{
  BbStats *copy;

  g_return_val_if_fail (stats != NULL, NULL);

  copy = g_new0 (BbStats, 1);
  copy->from = g_strdup (stats->from);
  copy->to = g_strdup (stats->to);
  copy->utc_offset = stats->utc_offset;
  copy->today = g_strdup (stats->today);
  copy->computed_at = stats->computed_at;
  copy->team_name = g_strdup (stats->team_name);
  for (guint i = 0; i < BB_STATS_N_TABLES; i++)
    {
      if (stats->tables[i] == NULL)
        continue;
      copy->tables[i] = table_new (stats->tables[i]->id);
      for (guint r = 0; r < stats->tables[i]->rows->len; r++)
        g_ptr_array_add (copy->tables[i]->rows,
                         row_copy (g_ptr_array_index (stats->tables[i]->rows, r)));
    }
  return copy;
}

void
bb_stats_free (BbStats *stats)
{
  if (stats == NULL)
    return;

  g_free (stats->from);
  g_free (stats->to);
  g_free (stats->today);
  g_free (stats->team_name);
  for (guint i = 0; i < BB_STATS_N_TABLES; i++)
    table_free (stats->tables[i]);
  g_free (stats);
}

/**
 * bb_stats_table_to_string:
 *
 * Returns: the table's stable name, as in `bangban-cli stats --json`
 */
const char *
bb_stats_table_to_string (BbStatsTableId id)
{
  g_return_val_if_fail (id < BB_STATS_N_TABLES, NULL);

  return table_names[id];
}

/**
 * bb_stats_table_title:
 *
 * Returns: the table's title, translated
 */
const char *
bb_stats_table_title (BbStatsTableId id)
{
  switch (id)
    {
    case BB_STATS_SUMMARY:
      return _("Summary");
    case BB_STATS_SATISFACTION:
      return _("Satisfaction");
    case BB_STATS_SATISFACTION_BY_MONTH:
      return _("Satisfaction by month");
    case BB_STATS_SATISFACTION_BY_STAFF:
      return _("Satisfaction by staff member");
    case BB_STATS_SATISFACTION_BY_MATTER:
      return _("Satisfaction by matter");
    case BB_STATS_SATISFACTION_BY_CATEGORY:
      return _("Satisfaction by client category");
    case BB_STATS_SATISFACTION_BY_DEPARTMENT:
      return _("Satisfaction by department");
    case BB_STATS_ON_TIME_BY_MONTH:
      return _("On-time completion by month");
    case BB_STATS_HANDLING_TIME_BY_MONTH:
      return _("Handling time by month");
    case BB_STATS_WORKLOAD:
      return _("Workload by staff member");
    case BB_STATS_COMPLAINTS_BY_MONTH:
      return _("Complaints by month");
    case BB_STATS_COMPLAINTS_BY_STATE:
      return _("Complaints by state");
    case BB_STATS_N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const BbStatsTable *
bb_stats_get_table (const BbStats  *stats,
                    BbStatsTableId  id)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (id < BB_STATS_N_TABLES, NULL);

  return stats->tables[id];
}

/**
 * bb_stats_table_find:
 *
 * Returns: (nullable): the row with @key
 */
const BbStatsRow *
bb_stats_table_find (const BbStatsTable *table,
                     const char         *key)
{
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BbStatsRow *row = g_ptr_array_index (table->rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

/* Periods */

static void
set_month (int    year,
           int    first_month,
           int    n_months,
           char **from,
           char **to)
{
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, (GDateMonth) first_month, (GDateYear) year);
  g_date_add_months (&last, (guint) n_months);
  g_date_subtract_days (&last, 1);
  *from = g_strdup_printf ("%04d-%02d-01", year, first_month);
  *to = bb_date_to_iso (&last);
}

/**
 * bb_stats_period_month:
 * @month: `YYYY-MM`
 * @from: (out): the first day
 * @to: (out): the last day
 *
 * Returns: whether @month is a month
 */
gboolean
bb_stats_period_month (const char  *month,
                       char       **from,
                       char       **to,
                       GError     **error)
{
  guint64 year, number;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (month != NULL)
    parts = g_strsplit (month, "-", -1);
  if (parts == NULL || g_strv_length (parts) != 2 || strlen (parts[0]) != 4 ||
      strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &number, NULL))
    {
      bb_set_field_error (error, _("Month"), _("enter a month as YYYY-MM"));
      return FALSE;
    }
  set_month ((int) year, (int) number, 1, from, to);
  return TRUE;
}

/**
 * bb_stats_period_quarter:
 * @quarter: `YYYY-QN` (N from 1 to 4), e.g. `2026-Q1`
 * @from: (out): the first day
 * @to: (out): the last day
 *
 * Returns: whether @quarter is a quarter
 */
gboolean
bb_stats_period_quarter (const char  *quarter,
                         char       **from,
                         char       **to,
                         GError     **error)
{
  guint64 year, number;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (quarter != NULL)
    parts = g_strsplit (quarter, "-", -1);
  if (parts == NULL || g_strv_length (parts) != 2 || strlen (parts[0]) != 4 ||
      strlen (parts[1]) != 2 || g_ascii_toupper (parts[1][0]) != 'Q' ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1] + 1, 10, 1, 4, &number, NULL))
    {
      bb_set_field_error (error, _("Quarter"), _("enter a quarter as YYYY-Q1 to YYYY-Q4"));
      return FALSE;
    }
  set_month ((int) year, (int) (number - 1) * 3 + 1, 3, from, to);
  return TRUE;
}

/* The range */

static gint64
midnight_usec (GTimeZone   *tz,
               const GDate *date,
               gint64      *offset_us)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  if (offset_us != NULL)
    *offset_us = g_date_time_get_utc_offset (midnight);
  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

/**
 * bb_stats_range_bounds:
 * @first: (out): the first day
 * @last: (out): the last day
 * @from_us: (out): the first day's midnight, in the time zone of record
 * @to_us: (out): the midnight after the last day
 * @offset_us: (out): the time zone's offset at @from_us
 *
 * Checks a range of days as bb_stats_compute() takes it (`YYYY-MM-DD`,
 * in order, at most MAX_MONTHS months) and gives its bounds.
 */
gboolean
bb_stats_range_bounds (const char  *from,
                       const char  *to,
                       GDate       *first,
                       GDate       *last,
                       gint64      *from_us,
                       gint64      *to_us,
                       gint64      *offset_us,
                       GError     **error)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  GDate after;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  /* Translators: the first day of the statistics' date range */
  if (from == NULL || !bb_validate_date (from, first, NULL))
    {
      bb_set_field_error (error, _("From"), _("enter a date as YYYY-MM-DD"));
      return FALSE;
    }
  /* Translators: the last day of the statistics' date range */
  if (to == NULL || !bb_validate_date (to, last, NULL))
    {
      bb_set_field_error (error, _("To"), _("enter a date as YYYY-MM-DD"));
      return FALSE;
    }
  if (g_date_compare (last, first) < 0)
    {
      bb_set_field_error (error, _("To"), _("the last day is before the first day"));
      return FALSE;
    }
  if ((g_date_get_year (last) - g_date_get_year (first)) * 12
      + g_date_get_month (last) - g_date_get_month (first) >= MAX_MONTHS)
    {
      bb_set_field_error (error, _("To"), _("the range may cover at most %d months"),
                          MAX_MONTHS);
      return FALSE;
    }

  after = *last;
  g_date_add_days (&after, 1);
  *from_us = midnight_usec (tz, first, offset_us);
  *to_us = midnight_usec (tz, &after, NULL);
  return TRUE;
}

static gboolean
range_init (Range       *range,
            const char  *from,
            const char  *to,
            GError     **error)
{
  GDate today;

  if (!bb_stats_range_bounds (from, to, &range->from, &range->to, &range->from_us,
                              &range->to_us, &range->offset_us, error))
    return FALSE;
  range->from_day = (range->from_us + range->offset_us) / G_TIME_SPAN_DAY;
  range->to_day = (range->to_us + range->offset_us) / G_TIME_SPAN_DAY;
  range->now_us = bb_clock_now_usec ();
  bb_clock_today (&today);
  range->today = bb_date_to_iso (&today);
  return TRUE;
}

static void
range_clear (Range *range)
{
  g_clear_pointer (&range->today, g_free);
}

/* Every month of the range, as `YYYY-MM`, in order. */
static GPtrArray *
range_months (const Range *range)
{
  GPtrArray *months = g_ptr_array_new_with_free_func (g_free);
  GDate month;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&range->from), g_date_get_year (&range->from));
  while (g_date_compare (&month, &range->to) <= 0)
    {
      g_ptr_array_add (months, g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (&month),
                                                (guint) g_date_get_month (&month)));
      g_date_add_months (&month, 1);
    }
  return months;
}

/* A table with one row per month, keyed `YYYY-MM`, and an index to it. */
static BbStatsTable *
month_table (const Range  *range,
             BbStatsTableId id,
             BbStatsUnit   unit,
             GHashTable  **index)
{
  g_autoptr(GPtrArray) months = range_months (range);
  BbStatsTable *table = table_new (id);

  *index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < months->len; i++)
    {
      BbStatsRow *row = row_new (g_ptr_array_index (months, i), NULL, unit);

      g_ptr_array_add (table->rows, row);
      g_hash_table_insert (*index, row->key, row);
    }
  return table;
}

/* Queries */

static GdaDataModel *
run_query (BbDatabase   *db,
           const char   *sql_sqlite,
           const char   *sql_pg,
           const Range  *range,
           const GType  *types,
           GError      **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_SQLITE
                                       ? sql_sqlite : sql_pg);
  params = bb_database_new_params (db, statement);
  if (params != NULL)
    {
      if (gda_set_get_holder (params, "from") != NULL)
        bb_params_set_int64 (params, "from", range->from_us);
      if (gda_set_get_holder (params, "to") != NULL)
        bb_params_set_int64 (params, "to", range->to_us);
      if (gda_set_get_holder (params, "offset") != NULL)
        bb_params_set_int64 (params, "offset", range->offset_us);
      if (gda_set_get_holder (params, "from_day") != NULL)
        bb_params_set_int64 (params, "from_day", range->from_day);
      if (gda_set_get_holder (params, "to_day") != NULL)
        bb_params_set_int64 (params, "to_day", range->to_day);
      if (gda_set_get_holder (params, "now") != NULL)
        bb_params_set_int64 (params, "now", range->now_us);
      if (gda_set_get_holder (params, "today") != NULL)
        bb_params_set_string (params, "today", range->today);
    }
  return bb_database_select (db, statement, params, types, error);
}

static void
finish_satisfaction_row (BbStatsRow *row)
{
  row->count = 0;
  for (guint i = 0; i < BB_STATS_N_PARTS; i++)
    row->count += row->parts[i];
  row->value = ratio (row->parts[3] + row->parts[4], row->count);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const BbStatsRow *x = *(const BbStatsRow * const *) a;
  const BbStatsRow *y = *(const BbStatsRow * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

static gboolean
query_satisfaction_by_month (BbDatabase   *db,
                             const Range  *range,
                             BbStats      *stats,
                             GError      **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GHashTable) index = NULL;
  BbStatsTable *months, *distribution;
  gint64 levels[BB_STATS_N_PARTS] = { 0 };
  gint64 total = 0;
  int n_rows;

  if (range->rollups)
    model = run_query (db, SQL_ROLLUP_EVAL_MONTH_SQLITE, SQL_ROLLUP_EVAL_MONTH_PG, range, types,
                       error);
  else
    model = run_query (db, SQL_EVAL_MONTH_SQLITE, SQL_EVAL_MONTH_PG, range, types, error);
  if (model == NULL)
    return FALSE;

  months = month_table (range, BB_STATS_SATISFACTION_BY_MONTH, BB_STATS_UNIT_RATE, &index);
  stats->tables[BB_STATS_SATISFACTION_BY_MONTH] = months;

  n_rows = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n_rows; r++)
    {
      g_autofree char *month = bb_model_dup_string (model, 0, r);
      gint64 level = bb_model_get_int64 (model, 1, r, 0);
      gint64 n = bb_model_get_int64 (model, 2, r, 0);
      BbStatsRow *row = g_hash_table_lookup (index, month);

      if (row == NULL || level < 1 || level > BB_STATS_N_PARTS)
        {
          g_critical ("Evaluations of %s at level %" G_GINT64_FORMAT " are outside the range",
                      month, level);
          continue;
        }
      row->parts[level - 1] += n;
      levels[level - 1] += n;
      total += n;
    }
  for (guint i = 0; i < months->rows->len; i++)
    finish_satisfaction_row (g_ptr_array_index (months->rows, i));

  /* The distribution: 非常满意 first, as the standard lists the levels. */
  distribution = table_new (BB_STATS_SATISFACTION);
  stats->tables[BB_STATS_SATISFACTION] = distribution;
  for (int level = BB_STATS_N_PARTS; level >= 1; level--)
    {
      g_autofree char *key = g_strdup_printf ("%d", level);
      BbStatsRow *row = row_new (key, bb_satisfaction_label (level), BB_STATS_UNIT_RATE);

      row->count = levels[level - 1];
      row->parts[level - 1] = levels[level - 1];
      row->value = ratio (levels[level - 1], total);
      g_ptr_array_add (distribution->rows, row);
    }
  return TRUE;
}

static char *
staff_label (const char *name,
             const char *number)
{
  if (name == NULL)
    return g_strdup (_("Unassigned"));
  /* Translators: a staff member's name and staff number */
  return g_strdup_printf (_("%s (%s)"), name, number);
}

static gboolean
query_satisfaction_by_dimension (BbDatabase   *db,
                                 const Range  *range,
                                 BbStats      *stats,
                                 GError      **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64,
    G_TYPE_NONE
  };
  static const BbStatsTableId table_of_dim[] = {
    0, BB_STATS_SATISFACTION_BY_STAFF, BB_STATS_SATISFACTION_BY_MATTER,
    BB_STATS_SATISFACTION_BY_CATEGORY, BB_STATS_SATISFACTION_BY_DEPARTMENT,
  };
  g_autoptr(GdaDataModel) model = NULL;
  GHashTable *index[G_N_ELEMENTS (table_of_dim)] = { NULL };
  int n_rows;

  if (range->rollups)
    model = run_query (db, SQL_ROLLUP_EVAL_DIMS_SQLITE, SQL_ROLLUP_EVAL_DIMS_PG, range, types,
                       error);
  else
    model = run_query (db, SQL_EVAL_DIMS_SQLITE, SQL_EVAL_DIMS_PG, range, types, error);
  if (model == NULL)
    return FALSE;

  for (guint d = DIM_STAFF; d <= DIM_DEPARTMENT; d++)
    {
      stats->tables[table_of_dim[d]] = table_new (table_of_dim[d]);
      index[d] = g_hash_table_new (g_str_hash, g_str_equal);
    }

  n_rows = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n_rows; r++)
    {
      gint64 dim = bb_model_get_int64 (model, 0, r, 0);
      g_autofree char *key = bb_model_dup_string (model, 1, r);
      g_autofree char *name = bb_model_dup_string (model, 2, r);
      g_autofree char *extra = bb_model_dup_string (model, 3, r);
      gint64 level = bb_model_get_int64 (model, 4, r, 0);
      gint64 n = bb_model_get_int64 (model, 5, r, 0);
      BbStatsRow *row;

      if (dim < DIM_STAFF || dim > DIM_DEPARTMENT || level < 1 || level > BB_STATS_N_PARTS)
        {
          g_critical ("Unexpected satisfaction row (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                      dim, level);
          continue;
        }
      if (key == NULL)
        key = g_strdup ("");

      row = g_hash_table_lookup (index[dim], key);
      if (row == NULL)
        {
          g_autofree char *label = NULL;

          switch (dim)
            {
            case DIM_STAFF:
              label = staff_label (name, extra);
              break;
            case DIM_CATEGORY:
              label = g_strdup (bb_client_category_label (key) != NULL
                                ? bb_client_category_label (key) : key);
              break;
            case DIM_DEPARTMENT:
              /* Translators: matters outside the catalogue have no department */
              label = g_strdup (*key != '\0' ? name : _("No department"));
              break;
            case DIM_MATTER:
            default:
              label = g_strdup (name != NULL ? name : key);
              break;
            }
          row = row_new (key, label, BB_STATS_UNIT_RATE);
          g_ptr_array_add (stats->tables[table_of_dim[dim]]->rows, row);
          g_hash_table_insert (index[dim], row->key, row);
        }
      row->parts[level - 1] += n;
    }

  for (guint d = DIM_STAFF; d <= DIM_DEPARTMENT; d++)
    {
      GPtrArray *rows = stats->tables[table_of_dim[d]]->rows;

      for (guint i = 0; i < rows->len; i++)
        finish_satisfaction_row (g_ptr_array_index (rows, i));
      g_ptr_array_sort (rows, compare_by_count);
      g_hash_table_unref (index[d]);
    }
  return TRUE;
}

typedef struct
{
  gint64 completed;
  gint64 on_time;
  gint64 late;
  gint64 days;
} CompletionTotals;

static gboolean
query_completion (BbDatabase        *db,
                  const Range       *range,
                  BbStats           *stats,
                  CompletionTotals  *totals,
                  GError           **error)
{
  static const GType types[] = {
    G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GHashTable) on_time_index = NULL;
  g_autoptr(GHashTable) days_index = NULL;
  g_autoptr(GHashTable) day_sums = g_hash_table_new (g_str_hash, g_str_equal);
  BbStatsTable *on_time, *handling;
  int n_rows;

  if (range->rollups)
    model = run_query (db, SQL_ROLLUP_COMPLETION_SQLITE, SQL_ROLLUP_COMPLETION_PG, range, types,
                       error);
  else
    model = run_query (db, SQL_COMPLETION_SQLITE, SQL_COMPLETION_PG, range, types, error);
  if (model == NULL)
    return FALSE;

  on_time = month_table (range, BB_STATS_ON_TIME_BY_MONTH, BB_STATS_UNIT_RATE, &on_time_index);
  handling = month_table (range, BB_STATS_HANDLING_TIME_BY_MONTH, BB_STATS_UNIT_DAYS,
                          &days_index);
  stats->tables[BB_STATS_ON_TIME_BY_MONTH] = on_time;
  stats->tables[BB_STATS_HANDLING_TIME_BY_MONTH] = handling;

  n_rows = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n_rows; r++)
    {
      g_autofree char *month = bb_model_dup_string (model, 0, r);
      gint64 kind = bb_model_get_int64 (model, 1, r, 0);
      gint64 n = bb_model_get_int64 (model, 2, r, 0);
      gint64 days = bb_model_get_int64 (model, 3, r, 0);
      BbStatsRow *on_time_row = g_hash_table_lookup (on_time_index, month);
      BbStatsRow *days_row = g_hash_table_lookup (days_index, month);

      if (on_time_row == NULL || days_row == NULL)
        {
          g_critical ("Completions of %s are outside the range", month);
          continue;
        }
      if (kind == 1)
        {
          on_time_row->parts[0] += n;
          totals->on_time += n;
        }
      else if (kind == 0)
        {
          on_time_row->parts[1] += n;
          totals->late += n;
        }
      days_row->count += n;
      /* The sum of working days rides in parts[0] until the average. */
      days_row->parts[0] += days;
      totals->completed += n;
      totals->days += days;
    }

  for (guint i = 0; i < on_time->rows->len; i++)
    {
      BbStatsRow *row = g_ptr_array_index (on_time->rows, i);

      row->count = row->parts[0] + row->parts[1];
      row->value = ratio (row->parts[0], row->count);
    }
  for (guint i = 0; i < handling->rows->len; i++)
    {
      BbStatsRow *row = g_ptr_array_index (handling->rows, i);

      row->value = ratio (row->parts[0], row->count);
      row->parts[0] = 0;
    }
  return TRUE;
}

typedef struct
{
  gint64 registered;
  gint64 accepted;
  gint64 completed;
  gint64 open;
  gint64 overdue;
} WorkloadTotals;

static gboolean
query_workload (BbDatabase      *db,
                const Range     *range,
                BbStats         *stats,
                WorkloadTotals  *totals,
                GError         **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64,
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GdaDataModel) model = NULL;
  BbStatsTable *table;
  int n_rows;

  if (range->rollups)
    model = run_query (db, SQL_ROLLUP_WORKLOAD, SQL_ROLLUP_WORKLOAD, range, types, error);
  else
    model = run_query (db, SQL_WORKLOAD, SQL_WORKLOAD, range, types, error);
  if (model == NULL)
    return FALSE;

  table = table_new (BB_STATS_WORKLOAD);
  stats->tables[BB_STATS_WORKLOAD] = table;

  n_rows = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n_rows; r++)
    {
      gint64 id = bb_model_get_int64 (model, 0, r, 0);
      g_autofree char *name = bb_model_dup_string (model, 1, r);
      g_autofree char *number = bb_model_dup_string (model, 2, r);
      g_autofree char *key = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
      g_autofree char *label = staff_label (name, number);
      BbStatsRow *row = row_new (key, label, BB_STATS_UNIT_COUNT);

      for (guint i = 0; i < BB_STATS_N_PARTS; i++)
        row->parts[i] = bb_model_get_int64 (model, 3 + (int) i, r, 0);
      row->count = row->parts[2];
      row->value = (double) row->count;
      totals->registered += row->parts[0];
      totals->accepted += row->parts[1];
      totals->completed += row->parts[2];
      totals->open += row->parts[3];
      totals->overdue += row->parts[4];
      g_ptr_array_add (table->rows, row);
    }
  g_ptr_array_sort (table->rows, compare_by_count);
  return TRUE;
}

typedef struct
{
  gint64 opened;
  gint64 closed;
  gint64 open;
  gint64 overdue;
} RectificationTotals;

static gboolean
query_rectifications (BbDatabase           *db,
                      const Range          *range,
                      RectificationTotals  *totals,
                      GError              **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GdaDataModel) model = NULL;

  model = run_query (db, SQL_RECTIFICATIONS, SQL_RECTIFICATIONS, range, types, error);
  if (model == NULL)
    return FALSE;

  totals->opened = bb_model_get_int64 (model, 0, 0, 0);
  totals->closed = bb_model_get_int64 (model, 1, 0, 0);
  totals->open = bb_model_get_int64 (model, 2, 0, 0);
  totals->overdue = bb_model_get_int64 (model, 3, 0, 0);
  return TRUE;
}

typedef struct
{
  gint64 received;
  gint64 open;
  gint64 overdue;
  gint64 answered;
  gint64 answered_on_time;
} ComplaintTotals;

static gboolean
query_complaints (BbDatabase       *db,
                  const Range      *range,
                  BbStats          *stats,
                  ComplaintTotals  *totals,
                  GError          **error)
{
  static const GType month_types[] = { G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  static const GType summary_types[] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GdaDataModel) summary = NULL;
  g_autoptr(GHashTable) index = NULL;
  BbStatsTable *months, *states;
  gint64 by_state[BB_N_COMPLAINT_STATES] = { 0 };
  int n_rows;

  G_STATIC_ASSERT (BB_N_COMPLAINT_STATES <= BB_STATS_N_PARTS);

  model = run_query (db, SQL_COMPLAINT_MONTH_SQLITE, SQL_COMPLAINT_MONTH_PG, range, month_types,
                     error);
  if (model == NULL)
    return FALSE;

  months = month_table (range, BB_STATS_COMPLAINTS_BY_MONTH, BB_STATS_UNIT_COUNT, &index);
  stats->tables[BB_STATS_COMPLAINTS_BY_MONTH] = months;

  n_rows = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n_rows; r++)
    {
      g_autofree char *month = bb_model_dup_string (model, 0, r);
      g_autofree char *state_text = bb_model_dup_string (model, 1, r);
      gint64 n = bb_model_get_int64 (model, 2, r, 0);
      BbStatsRow *row = g_hash_table_lookup (index, month);
      BbComplaintState state;

      if (row == NULL || !bb_complaint_state_from_string (state_text, &state))
        {
          g_critical ("Unexpected complaints row (%s, %s)", month, state_text);
          continue;
        }
      row->parts[state] += n;
      row->count += n;
      row->value = (double) row->count;
      by_state[state] += n;
      totals->received += n;
    }

  states = table_new (BB_STATS_COMPLAINTS_BY_STATE);
  stats->tables[BB_STATS_COMPLAINTS_BY_STATE] = states;
  for (guint s = 0; s < BB_N_COMPLAINT_STATES; s++)
    {
      BbStatsRow *row = row_new (bb_complaint_state_to_string (s), bb_complaint_state_label (s),
                                 BB_STATS_UNIT_COUNT);

      row->count = by_state[s];
      row->value = (double) row->count;
      row->parts[s] = by_state[s];
      g_ptr_array_add (states->rows, row);
    }

  summary = run_query (db, SQL_COMPLAINT_SUMMARY, SQL_COMPLAINT_SUMMARY, range, summary_types,
                       error);
  if (summary == NULL)
    return FALSE;
  totals->open = bb_model_get_int64 (summary, 0, 0, 0);
  totals->overdue = bb_model_get_int64 (summary, 1, 0, 0);
  totals->answered = bb_model_get_int64 (summary, 2, 0, 0);
  totals->answered_on_time = bb_model_get_int64 (summary, 3, 0, 0);
  return TRUE;
}

static void
add_summary (BbStatsTable *table,
             const char   *key,
             const char   *label,
             BbStatsUnit   unit,
             gint64        count,
             double        value)
{
  BbStatsRow *row = row_new (key, label, unit);

  row->count = count;
  row->value = unit == BB_STATS_UNIT_COUNT ? (double) count : value;
  g_ptr_array_add (table->rows, row);
}

static void
build_summary (BbStats                   *stats,
               const CompletionTotals    *completion,
               const WorkloadTotals      *workload,
               const RectificationTotals *rectifications,
               const ComplaintTotals     *complaints)
{
  BbStatsTable *table = table_new (BB_STATS_SUMMARY);
  const BbStatsTable *distribution = stats->tables[BB_STATS_SATISFACTION];
  gint64 levels[BB_STATS_N_PARTS] = { 0 };
  gint64 total = 0;
  BbStatsRow *row;

  for (guint i = 0; i < distribution->rows->len; i++)
    {
      const BbStatsRow *level_row = g_ptr_array_index (distribution->rows, i);
      int level = atoi (level_row->key);

      levels[level - 1] = level_row->count;
      total += level_row->count;
    }

  add_summary (table, BB_STATS_KEY_EVALUATIONS, _("Evaluations"), BB_STATS_UNIT_COUNT, total, 0);
  add_summary (table, BB_STATS_KEY_SATISFACTION_RATE,
               /* Translators: 满意率: very satisfied and satisfied over all evaluations */
               _("Satisfaction rate"), BB_STATS_UNIT_RATE, levels[3] + levels[4],
               ratio (levels[3] + levels[4], total));
  add_summary (table, BB_STATS_KEY_BASIC_SATISFIED, bb_satisfaction_label (3),
               BB_STATS_UNIT_RATE, levels[2], ratio (levels[2], total));
  add_summary (table, BB_STATS_KEY_DISSATISFIED,
               /* Translators: dissatisfied and very dissatisfied evaluations */
               _("Dissatisfied or worse"), BB_STATS_UNIT_RATE, levels[0] + levels[1],
               ratio (levels[0] + levels[1], total));
  add_summary (table, BB_STATS_KEY_REGISTERED, _("Cases registered"), BB_STATS_UNIT_COUNT,
               workload->registered, 0);
  add_summary (table, BB_STATS_KEY_ACCEPTED, _("Cases accepted"), BB_STATS_UNIT_COUNT,
               workload->accepted, 0);
  add_summary (table, BB_STATS_KEY_COMPLETED, _("Cases completed"), BB_STATS_UNIT_COUNT,
               completion->completed, 0);
  add_summary (table, BB_STATS_KEY_ON_TIME_RATE,
               /* Translators: completed by the deadline over completed cases with a deadline */
               _("On-time completion rate"), BB_STATS_UNIT_RATE, completion->on_time,
               ratio (completion->on_time, completion->on_time + completion->late));
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  row->parts[0] = completion->on_time;
  row->parts[1] = completion->late;
  add_summary (table, BB_STATS_KEY_HANDLING_DAYS,
               _("Average handling time (working days)"), BB_STATS_UNIT_DAYS,
               completion->completed, ratio (completion->days, completion->completed));
  add_summary (table, BB_STATS_KEY_OPEN, _("Cases open now"), BB_STATS_UNIT_COUNT,
               workload->open, 0);
  add_summary (table, BB_STATS_KEY_OVERDUE, _("Cases overdue now"), BB_STATS_UNIT_COUNT,
               workload->overdue, 0);
  add_summary (table, BB_STATS_KEY_RECTIFICATIONS_OPENED, _("Rectifications opened"),
               BB_STATS_UNIT_COUNT, rectifications->opened, 0);
  add_summary (table, BB_STATS_KEY_RECTIFICATIONS_CLOSED,
               _("Rectifications opened and closed"), BB_STATS_UNIT_COUNT,
               rectifications->closed, 0);
  add_summary (table, BB_STATS_KEY_RECTIFICATIONS_OPEN, _("Rectifications open now"),
               BB_STATS_UNIT_COUNT, rectifications->open, 0);
  add_summary (table, BB_STATS_KEY_RECTIFICATIONS_OVERDUE, _("Rectifications overdue now"),
               BB_STATS_UNIT_COUNT, rectifications->overdue, 0);
  add_summary (table, BB_STATS_KEY_COMPLAINTS, _("Complaints received"), BB_STATS_UNIT_COUNT,
               complaints->received, 0);
  add_summary (table, BB_STATS_KEY_COMPLAINTS_OPEN, _("Complaints not yet answered"),
               BB_STATS_UNIT_COUNT, complaints->open, 0);
  add_summary (table, BB_STATS_KEY_COMPLAINTS_OVERDUE, _("Complaints overdue now"),
               BB_STATS_UNIT_COUNT, complaints->overdue, 0);
  add_summary (table, BB_STATS_KEY_COMPLAINTS_ON_TIME, _("Complaints answered on time"),
               BB_STATS_UNIT_RATE, complaints->answered_on_time,
               ratio (complaints->answered_on_time, complaints->answered));

  stats->tables[BB_STATS_SUMMARY] = table;
}

/* JSON */

static const char *
part_name (BbStatsTableId id,
           guint          part)
{
  static const char *levels[] = {
    "very_dissatisfied", "dissatisfied", "basic_satisfied", "satisfied", "very_satisfied"
  };
  static const char *workload[] = { "registered", "accepted", "completed", "open", "overdue" };

  switch (id)
    {
    case BB_STATS_SATISFACTION_BY_MONTH:
    case BB_STATS_SATISFACTION_BY_STAFF:
    case BB_STATS_SATISFACTION_BY_MATTER:
    case BB_STATS_SATISFACTION_BY_CATEGORY:
    case BB_STATS_SATISFACTION_BY_DEPARTMENT:
      return levels[part];
    case BB_STATS_ON_TIME_BY_MONTH:
      return part == 0 ? "on_time" : part == 1 ? "late" : NULL;
    case BB_STATS_WORKLOAD:
      return workload[part];
    case BB_STATS_COMPLAINTS_BY_MONTH:
      return part < BB_N_COMPLAINT_STATES ? bb_complaint_state_to_string (part) : NULL;
    case BB_STATS_SUMMARY:
    case BB_STATS_SATISFACTION:
    case BB_STATS_HANDLING_TIME_BY_MONTH:
    case BB_STATS_COMPLAINTS_BY_STATE:
    case BB_STATS_N_TABLES:
    default:
      return NULL;
    }
}

static const char *
unit_to_string (BbStatsUnit unit)
{
  switch (unit)
    {
    case BB_STATS_UNIT_RATE:
      return "rate";
    case BB_STATS_UNIT_DAYS:
      return "working_days";
    case BB_STATS_UNIT_COUNT:
    default:
      return "count";
    }
}

static void
add_value (JsonBuilder *builder,
           double       value,
           BbStatsUnit  unit)
{
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (unit == BB_STATS_UNIT_COUNT)
    json_builder_add_int_value (builder, (gint64) value);
  else
    /* Rounded to what a report shows and a little more: 0.1 % and 0.01 days. */
    json_builder_add_double_value (builder, round (value * 1e6) / 1e6);
}

/**
 * bb_stats_to_json:
 *
 * Every figure as JSON: `from`, `to`, `utc_offset`, `today`, a `summary`
 * object (key → value, or count for counts), and `tables`: for each table
 * (bb_stats_table_to_string()) its title and rows, each row with `key`,
 * `label`, `count`, `value`, `unit` and its parts by name.
 *
 * Returns: (transfer full): the statistics
 */
JsonNode *
bb_stats_to_json (const BbStats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const BbStatsTable *summary;

  g_return_val_if_fail (stats != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, stats->from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, stats->to);
  json_builder_set_member_name (builder, "utc_offset");
  json_builder_add_int_value (builder, stats->utc_offset);
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, stats->today);

  summary = stats->tables[BB_STATS_SUMMARY];
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  for (guint i = 0; summary != NULL && i < summary->rows->len; i++)
    {
      const BbStatsRow *row = g_ptr_array_index (summary->rows, i);

      json_builder_set_member_name (builder, row->key);
      add_value (builder, row->value, row->unit);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint t = 0; t < BB_STATS_N_TABLES; t++)
    {
      const BbStatsTable *table = stats->tables[t];

      if (table == NULL)
        continue;
      json_builder_set_member_name (builder, bb_stats_table_to_string (t));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, bb_stats_table_title (t));
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint i = 0; i < table->rows->len; i++)
        {
          const BbStatsRow *row = g_ptr_array_index (table->rows, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, row->key);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, row->label);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, row->count);
          json_builder_set_member_name (builder, "value");
          add_value (builder, row->value, row->unit);
          json_builder_set_member_name (builder, "unit");
          json_builder_add_string_value (builder, unit_to_string (row->unit));
          for (guint p = 0; p < BB_STATS_N_PARTS; p++)
            {
              const char *name = part_name (t, p);

              if (name == NULL)
                continue;
              json_builder_set_member_name (builder, name);
              json_builder_add_int_value (builder, row->parts[p]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Computing */

/* The running totals serve when the database has them and counts its
 * days with the offset of this range. */
static gboolean
use_rollups (BbDatabase  *db,
             Range       *range,
             GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  range->rollups = FALSE;
  if (bb_database_get_schema_version (db) < ROLLUP_SCHEMA)
    return TRUE;

  model = bb_database_select (db, bb_database_prepare (db, SQL_ROLLUP_OFFSET), NULL, types,
                              error);
  if (model == NULL)
    return FALSE;
  range->rollups = gda_data_model_get_n_rows (model) == 1
                   && bb_model_get_int64 (model, 0, 0, -1) == range->offset_us;
  g_debug ("Statistics from %s", range->rollups ? "the running totals" : "the case table");
  return TRUE;
}

static gboolean
step_done (guint           step,
           guint           n_steps,
           BbProgressFunc  progress,
           gpointer        progress_data,
           GCancellable   *cancellable,
           GError        **error)
{
  if (progress != NULL)
    progress ((double) step / (double) n_steps, progress_data);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * bb_stats_compute:
 * @from: the first day, `YYYY-MM-DD`, in the time zone of record
 * @to: the last day, inclusive
 * @progress: (nullable) (scope call): told how far it got after each query
 * @cancellable: (nullable): checked between queries
 *
 * Computes every table for the range (see #BbStatsTableId). Managers and
 * administrators only (%BB_PERM_STATS). May take a while on a large
 * database: call it from a worker thread (bb_stats_compute_async()).
 *
 * Returns: (transfer full): the statistics, or %NULL with
 *   %BB_ERROR_REFUSED, %BB_ERROR_INVALID naming the date at fault,
 *   %G_IO_ERROR_CANCELLED or a database error
 */
BbStats *
bb_stats_compute (BbDatabase      *db,
                  const BbActor   *actor,
                  const char      *from,
                  const char      *to,
                  BbProgressFunc   progress,
                  gpointer         progress_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  const guint n_steps = 6;
  g_autoptr(BbStats) stats = NULL;
  CompletionTotals completion = { 0 };
  WorkloadTotals workload = { 0 };
  RectificationTotals rectifications = { 0 };
  ComplaintTotals complaints = { 0 };
  Range range = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!bb_actor_check (actor, BB_PERM_STATS, error))
    return NULL;
  if (!range_init (&range, from, to, error))
    return NULL;

  if (!use_rollups (db, &range, error))
    {
      range_clear (&range);
      return NULL;
    }

  stats = g_new0 (BbStats, 1);
  stats->from = bb_date_to_iso (&range.from);
  stats->to = bb_date_to_iso (&range.to);
  stats->utc_offset = (int) (range.offset_us / G_USEC_PER_SEC);
  stats->today = g_strdup (range.today);
  stats->computed_at = range.now_us;
  stats->team_name = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, NULL);
  if (stats->team_name == NULL)
    stats->team_name = g_strdup ("");

  if (step_done (0, n_steps, progress, progress_data, cancellable, error) &&
      query_satisfaction_by_month (db, &range, stats, error) &&
      step_done (1, n_steps, progress, progress_data, cancellable, error) &&
      query_satisfaction_by_dimension (db, &range, stats, error) &&
      step_done (2, n_steps, progress, progress_data, cancellable, error) &&
      query_completion (db, &range, stats, &completion, error) &&
      step_done (3, n_steps, progress, progress_data, cancellable, error) &&
      query_workload (db, &range, stats, &workload, error) &&
      step_done (4, n_steps, progress, progress_data, cancellable, error) &&
      query_rectifications (db, &range, &rectifications, error) &&
      query_complaints (db, &range, stats, &complaints, error) &&
      step_done (5, n_steps, progress, progress_data, cancellable, error))
    {
      build_summary (stats, &completion, &workload, &rectifications, &complaints);
      if (progress != NULL)
        progress (1.0, progress_data);
      ok = TRUE;
    }

  range_clear (&range);
  return ok ? g_steal_pointer (&stats) : NULL;
}

typedef struct
{
  BbActor *actor;
  char    *from;
  char    *to;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  bb_actor_free (data->actor);
  g_free (data->from);
  g_free (data->to);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  BbStats *stats;

  stats = bb_stats_compute (BB_DATABASE (source_object), data->actor, data->from, data->to,
                            NULL, NULL, cancellable, &error);
  if (stats == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) bb_stats_free);
}

/**
 * bb_stats_compute_async:
 *
 * bb_stats_compute() in a worker thread.
 */
void
bb_stats_compute_async (BbDatabase          *db,
                        const BbActor       *actor,
                        const char          *from,
                        const char          *to,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);

  data = g_new0 (ComputeData, 1);
  data->actor = bb_actor_copy (actor);
  data->from = g_strdup (from);
  data->to = g_strdup (to);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_stats_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * bb_stats_compute_finish:
 *
 * Returns: (transfer full): the statistics, or %NULL with the error
 */
BbStats *
bb_stats_compute_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For the benchmark (bangban-cli bench), which runs the same statements
 * through the SQLite C API beside bb_stats_compute(). */

/**
 * bb_stats_sqlite_statements:
 *
 * Returns: (transfer none): the statements bb_stats_compute() runs on a
 *   SQLite database with the running totals, in its order, with their
 *   `##name::type` parameters; %NULL-terminated
 */
const char * const *
bb_stats_sqlite_statements (void)
{
  static const char * const statements[] = {
    SQL_ROLLUP_OFFSET,
    SQL_ROLLUP_EVAL_MONTH_SQLITE,
    SQL_ROLLUP_EVAL_DIMS_SQLITE,
    SQL_ROLLUP_COMPLETION_SQLITE,
    SQL_ROLLUP_WORKLOAD,
    SQL_RECTIFICATIONS,
    SQL_COMPLAINT_MONTH_SQLITE,
    SQL_COMPLAINT_SUMMARY,
    NULL
  };

  return statements;
}

/**
 * bb_stats_parameters:
 *
 * Returns: (transfer full): the values of the statements' parameters for
 *   the range, name → #GVariant (int64 or string), or %NULL with
 *   %BB_ERROR_INVALID
 */
GHashTable *
bb_stats_parameters (const char  *from,
                     const char  *to,
                     GError     **error)
{
  Range range = { 0 };
  GHashTable *values;

  if (!range_init (&range, from, to, error))
    return NULL;
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, "from", g_variant_ref_sink (g_variant_new_int64 (range.from_us)));
  g_hash_table_insert (values, "to", g_variant_ref_sink (g_variant_new_int64 (range.to_us)));
  g_hash_table_insert (values, "offset",
                       g_variant_ref_sink (g_variant_new_int64 (range.offset_us)));
  g_hash_table_insert (values, "from_day",
                       g_variant_ref_sink (g_variant_new_int64 (range.from_day)));
  g_hash_table_insert (values, "to_day", g_variant_ref_sink (g_variant_new_int64 (range.to_day)));
  g_hash_table_insert (values, "now", g_variant_ref_sink (g_variant_new_int64 (range.now_us)));
  g_hash_table_insert (values, "today",
                       g_variant_ref_sink (g_variant_new_string (range.today)));
  range_clear (&range);
  return values;
}
