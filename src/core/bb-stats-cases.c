/* bb-stats-cases.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a bar, slice or point of a chart counts (DESIGN.md § Screens:
 * Charts; issue #6 “click a bar or slice to list its cases”): the cases,
 * evaluations or complaints behind one row (and one part) of a statistics
 * table, the first few of them and how many there are in all.
 *
 * Each list uses the definitions of bb-stats.c, so that the number of items
 * equals the figure on the bar: the range is [midnight of the first day,
 * midnight after the last) in the time zone of record; an instant t falls
 * on day (t + offset) / 86400000000, with the offset at the first midnight;
 * months are those days' months; “on time” compares the deadline's day with
 * the day of completion; workload is by COALESCE(responsible_id, 0), open
 * states and “overdue now” (handling, deadline before today) as there. The
 * tests check every row of every table against bb_stats_compute().
 *
 * The month of a bucket is passed as a window of day numbers, so the
 * statements need no engine's date functions except to read a deadline.
 * The total comes with each row (count(*) OVER ()), so one statement gives
 * both the first rows and their number, and no list is ever unbounded.
 */

#define G_LOG_DOMAIN "bb-stats-cases"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-case.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-stats-cases.h"
#include "bb-stats-private.h"
#include "bb-validate.h"

#define DAY "86400000000"

/* No day window: every day number. */
#define ALL_DAYS_FROM G_GINT64_CONSTANT (-1000000000)
#define ALL_DAYS_TO   G_GINT64_CONSTANT (1000000000)

#define SQLITE_DAYNUM(t) "CAST(julianday(" t ") - 2440587.5 AS INTEGER)"
#define PG_DAYNUM(t)     "(CAST(" t " AS DATE) - CAST('1970-01-01' AS DATE))"

/* Every statement returns these columns, in this order. */
enum {
  COL_NUMBER,
  COL_NAME,
  COL_ABOUT,
  COL_STATE,
  COL_STAFF_NAME,
  COL_STAFF_NUMBER,
  COL_AT,         /* the instant that puts the item in the bucket */
  COL_DAY,        /* or its day, `YYYY-MM-DD` (a deadline) */
  COL_DETAIL,     /* a level, or the timing (1 on time, 0 late, 2 none) */
  COL_ID,
  COL_TOTAL,
  N_COLUMNS
};

static const GType column_types[] = {
  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
};

#define CASE_COLUMNS \
  "c.number AS number, cl.name AS name, COALESCE(i.name, c.matter) AS about, " \
  "c.state AS state, s.name AS staff_name, s.number AS staff_number, "
#define CASE_JOINS \
  "JOIN client cl ON cl.id = c.client_id " \
  "LEFT JOIN catalogue_item i ON i.id = c.item_id " \
  "LEFT JOIN staff s ON s.id = c.responsible_id "
#define IN_DAYS(t) \
  "(" t " + ##offset::gint64) / " DAY " >= ##lo_day::gint64 AND " \
  "(" t " + ##offset::gint64) / " DAY " < ##hi_day::gint64"

/* Evaluations of the range (in a month of it, at a level, of a staff
 * member's, matter's, client category's or department's cases): the
 * satisfaction tables count evaluations, not cases. */
static const char SQL_EVALUATIONS[] =
  "SELECT " CASE_COLUMNS "e.at, CAST(NULL AS TEXT), CAST(e.level AS BIGINT), e.id, "
  "count(*) OVER () "
  "FROM evaluation e JOIN bb_case c ON c.id = e.case_id " CASE_JOINS
  "WHERE e.at >= ##from::gint64 AND e.at < ##to::gint64 AND " IN_DAYS ("e.at") " "
  "AND (##level::gint = 0 OR e.level = ##level::gint) "
  "AND (##by_staff::gint = 0 OR COALESCE(c.responsible_id, 0) = ##staff::gint64) "
  "AND (##by_item::gint = 0 OR c.item_id = ##item::gint64) "
  "AND (##by_matter::gint = 0 OR (c.item_id IS NULL AND c.matter = ##matter::string)) "
  "AND (##by_category::gint = 0 OR cl.category = ##category::string) "
  "AND (##by_department::gint = 0 OR COALESCE(i.department, '') = ##department::string) "
  "ORDER BY e.at DESC, e.id DESC LIMIT ##limit::gint";

/* Cases completed in the range (in a month of it), with whether they met
 * their deadline (1), missed it (0) or had none (2); @timing -1 for all, 3
 * for those with a deadline, else that timing. */
#define COMPLETED(DAYNUM) \
  "SELECT x.number, x.name, x.about, x.state, x.staff_name, x.staff_number, x.at, " \
  "CAST(NULL AS TEXT), CAST(x.t AS BIGINT), x.id, count(*) OVER () FROM (" \
  "SELECT " CASE_COLUMNS "c.completed_at AS at, c.id AS id, " \
  "CASE WHEN c.deadline IS NULL THEN 2 " \
  "WHEN " DAYNUM ("c.deadline") " >= (c.completed_at + ##offset::gint64) / " DAY " THEN 1 " \
  "ELSE 0 END AS t " \
  "FROM bb_case c " CASE_JOINS \
  "WHERE c.completed_at >= ##from::gint64 AND c.completed_at < ##to::gint64 AND " \
  IN_DAYS ("c.completed_at") ") x " \
  "WHERE ##timing::gint = -1 OR x.t = ##timing::gint OR (##timing::gint = 3 AND x.t < 2) " \
  "ORDER BY x.at DESC, x.id DESC LIMIT ##limit::gint"

static const char SQL_COMPLETED_SQLITE[] = COMPLETED (SQLITE_DAYNUM);
static const char SQL_COMPLETED_PG[] = COMPLETED (PG_DAYNUM);

/* A staff member's workload (0: cases nobody is responsible for). */
#define OPEN_STATES "('consultation', 'applied', 'routed', 'analysed', 'handling')"

#define WORKLOAD(AT, DAYCOL, COND, ORDER) \
  "SELECT " CASE_COLUMNS AT ", " DAYCOL ", CAST(NULL AS BIGINT), c.id, count(*) OVER () " \
  "FROM bb_case c " CASE_JOINS \
  "WHERE COALESCE(c.responsible_id, 0) = ##staff::gint64 AND " COND " " \
  "ORDER BY " ORDER " LIMIT ##limit::gint"
#define IN_RANGE(t) t " >= ##from::gint64 AND " t " < ##to::gint64"

static const char SQL_WORKLOAD_REGISTERED[] =
  WORKLOAD ("c.applied_at", "CAST(NULL AS TEXT)", IN_RANGE ("c.applied_at"),
            "c.applied_at DESC, c.id DESC");
static const char SQL_WORKLOAD_ACCEPTED[] =
  WORKLOAD ("c.accepted_at", "CAST(NULL AS TEXT)", IN_RANGE ("c.accepted_at"),
            "c.accepted_at DESC, c.id DESC");
static const char SQL_WORKLOAD_COMPLETED[] =
  WORKLOAD ("c.completed_at", "CAST(NULL AS TEXT)", IN_RANGE ("c.completed_at"),
            "c.completed_at DESC, c.id DESC");
static const char SQL_WORKLOAD_OPEN[] =
  WORKLOAD ("c.applied_at", "CAST(NULL AS TEXT)", "c.state IN " OPEN_STATES,
            "c.applied_at DESC, c.id DESC");
static const char SQL_WORKLOAD_OVERDUE[] =
  WORKLOAD ("c.applied_at", "c.deadline",
            "c.state = 'handling' AND c.deadline < ##today::string",
            "c.deadline, c.id");

/* Complaints received in the range (in a month of it), in a state now. */
static const char SQL_COMPLAINTS[] =
  "SELECT k.number, k.complainant, c.number, k.state, s.name, s.number, k.received_at, "
  "CAST(NULL AS TEXT), CAST(NULL AS BIGINT), k.id, count(*) OVER () "
  "FROM complaint k LEFT JOIN bb_case c ON c.id = k.case_id "
  "LEFT JOIN staff s ON s.id = k.staff_id "
  "WHERE k.received_at >= ##from::gint64 AND k.received_at < ##to::gint64 AND "
  IN_DAYS ("k.received_at") " "
  "AND (##by_state::gint = 0 OR k.state = ##state::string) "
  "ORDER BY k.received_at DESC, k.id DESC LIMIT ##limit::gint";

typedef struct
{
  gint64  from_us;
  gint64  to_us;
  gint64  offset_us;
  gint64  lo_day;
  gint64  hi_day;
  char   *today;
} Range;

/* Items and lists */

static void
item_free (BbStatsItem *item)
{
  g_free (item->number);
  g_free (item->name);
  g_free (item->about);
  g_free (item->state);
  g_free (item->staff);
  g_free (item->date);
  g_free (item->detail);
  g_free (item);
}

void
bb_stats_cases_free (BbStatsCases *cases)
{
  if (cases == NULL)
    return;

  g_free (cases->key);
  g_free (cases->date_title);
  g_free (cases->detail_title);
  g_clear_pointer (&cases->items, g_ptr_array_unref);
  g_free (cases);
}

/**
 * bb_stats_row_bucket_size:
 * @table: the table of @row
 * @row: a row of the table
 * @part: a part of the row (a series of the chart), or -1 for the row's
 *   own figure
 *
 * How many items bb_stats_cases_list() finds for the row and part: the
 * evaluations of a satisfaction row; the cases with a deadline of an
 * on-time row (its parts: on time, late); the completed cases of a
 * handling-time row; the completed cases of a workload row (its parts:
 * registered, accepted, completed, open, overdue); the complaints of a
 * complaints row (its parts: by state).
 *
 * Returns: the number, or -1 when the table has no such bucket
 */
gint64
bb_stats_row_bucket_size (BbStatsTableId    table,
                          const BbStatsRow *row,
                          int               part)
{
  g_return_val_if_fail (row != NULL, -1);

  switch (table)
    {
    case BB_STATS_SATISFACTION:
    case BB_STATS_COMPLAINTS_BY_STATE:
    case BB_STATS_HANDLING_TIME_BY_MONTH:
      return part < 0 ? row->count : -1;
    case BB_STATS_SATISFACTION_BY_MONTH:
    case BB_STATS_SATISFACTION_BY_STAFF:
    case BB_STATS_SATISFACTION_BY_MATTER:
    case BB_STATS_SATISFACTION_BY_CATEGORY:
    case BB_STATS_SATISFACTION_BY_DEPARTMENT:
      if (part >= BB_STATS_N_PARTS)
        return -1;
      return part < 0 ? row->count : row->parts[part];
    case BB_STATS_ON_TIME_BY_MONTH:
      if (part > 1)
        return -1;
      return part < 0 ? row->count : row->parts[part];
    case BB_STATS_WORKLOAD:
      if (part >= BB_STATS_N_PARTS)
        return -1;
      return part < 0 ? row->parts[2] : row->parts[part];
    case BB_STATS_COMPLAINTS_BY_MONTH:
      if (part >= (int) BB_N_COMPLAINT_STATES)
        return -1;
      return part < 0 ? row->count : row->parts[part];
    case BB_STATS_SUMMARY:
    case BB_STATS_N_TABLES:
    default:
      return -1;
    }
}

/* The range, as bb-stats.c works it out. */

static gint64
day_number (const GDate *date)
{
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  return (gint64) g_date_get_julian (date) - (gint64) g_date_get_julian (&epoch);
}

static gboolean
range_init (Range       *range,
            const char  *from,
            const char  *to,
            GError     **error)
{
  GDate first, last, today;

  if (!bb_stats_range_bounds (from, to, &first, &last, &range->from_us, &range->to_us,
                              &range->offset_us, error))
    return FALSE;
  range->lo_day = ALL_DAYS_FROM;
  range->hi_day = ALL_DAYS_TO;
  bb_clock_today (&today);
  range->today = bb_date_to_iso (&today);
  return TRUE;
}

/* Narrows the day window to the month @key (`YYYY-MM`). */
static gboolean
range_set_month (Range       *range,
                 const char  *key,
                 GError     **error)
{
  guint64 year, month;
  g_auto(GStrv) parts = g_strsplit (key, "-", -1);
  GDate first, next;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL))
    {
      bb_set_field_error (error, _("Month"), _("enter a month as YYYY-MM"));
      return FALSE;
    }
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) month, (GDateYear) year);
  next = first;
  g_date_add_months (&next, 1);
  range->lo_day = day_number (&first);
  range->hi_day = day_number (&next);
  return TRUE;
}

static gboolean
parse_id (const char  *text,
          gint64      *id,
          GError     **error)
{
  guint64 value;

  /* “” is nobody (or no item): 0, as COALESCE(…, 0) in the statistics. */
  if (text == NULL || *text == '\0')
    {
      *id = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("No such row of the statistics"));
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static void
set_range_params (GdaSet      *params,
                  const Range *range)
{
  if (gda_set_get_holder (params, "from") != NULL)
    bb_params_set_int64 (params, "from", range->from_us);
  if (gda_set_get_holder (params, "to") != NULL)
    bb_params_set_int64 (params, "to", range->to_us);
  if (gda_set_get_holder (params, "offset") != NULL)
    bb_params_set_int64 (params, "offset", range->offset_us);
  if (gda_set_get_holder (params, "lo_day") != NULL)
    bb_params_set_int64 (params, "lo_day", range->lo_day);
  if (gda_set_get_holder (params, "hi_day") != NULL)
    bb_params_set_int64 (params, "hi_day", range->hi_day);
  if (gda_set_get_holder (params, "today") != NULL)
    bb_params_set_string (params, "today", range->today);
}

/* Reading */

static char *
staff_label (const char *name,
             const char *number)
{
  if (name == NULL)
    return g_strdup (_("Unassigned"));
  /* Translators: a staff member's name and staff number */
  return g_strdup_printf (_("%s (%s)"), name, number);
}

static char *
day_text (const Range *range,
          gint64       at)
{
  GDate date;

  /* The day of record, as the statistics bucket it. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1970);
  g_date_add_days (&date, (guint) ((at + range->offset_us) / G_TIME_SPAN_DAY));
  return bb_date_to_iso (&date);
}

static char *
case_state_label (const char *text)
{
  BbCaseState state;

  if (text != NULL && bb_case_state_from_string (text, &state))
    return g_strdup (bb_case_state_label (state));
  return g_strdup (text);
}

static char *
complaint_state_label (const char *text)
{
  BbComplaintState state;

  if (text != NULL && bb_complaint_state_from_string (text, &state))
    return g_strdup (bb_complaint_state_label (state));
  return g_strdup (text);
}

static char *
timing_label (gint64 timing)
{
  switch (timing)
    {
    case 1:
      /* Translators: a completed case met its deadline */
      return g_strdup (_("On time"));
    case 0:
      /* Translators: a completed case missed its deadline */
      return g_strdup (_("Late"));
    default:
      /* Translators: a completed case had no deadline */
      return g_strdup (_("No deadline"));
    }
}

static BbStatsCases *
read_items (BbDatabase      *db,
            GdaStatement    *statement,
            GdaSet          *params,
            const Range     *range,
            BbStatsCases    *cases,
            GError         **error)
{
  g_autoptr(GdaDataModel) model = NULL;
  int n_rows;

  model = bb_database_select (db, statement, params, column_types, error);
  if (model == NULL)
    {
      bb_stats_cases_free (cases);
      return NULL;
    }

  n_rows = gda_data_model_get_n_rows (model);
  cases->total = n_rows > 0 ? bb_model_get_int64 (model, COL_TOTAL, 0, 0) : 0;
  for (int r = 0; r < n_rows; r++)
    {
      BbStatsItem *item = g_new0 (BbStatsItem, 1);
      g_autofree char *state = bb_model_dup_string (model, COL_STATE, r);
      g_autofree char *staff_name = bb_model_dup_string (model, COL_STAFF_NAME, r);
      g_autofree char *staff_number = bb_model_dup_string (model, COL_STAFF_NUMBER, r);
      g_autofree char *about = bb_model_dup_string (model, COL_ABOUT, r);

      item->number = bb_model_dup_string (model, COL_NUMBER, r);
      item->name = bb_model_dup_string (model, COL_NAME, r);
      item->date = bb_model_dup_string (model, COL_DAY, r);
      if (item->date == NULL && !bb_model_is_null (model, COL_AT, r))
        item->date = day_text (range, bb_model_get_int64 (model, COL_AT, r, 0));

      if (cases->kind == BB_STATS_ITEM_COMPLAINT)
        {
          /* What the complaint is about: the staff member and the case. */
          g_autofree char *staff = staff_name != NULL ? staff_label (staff_name, staff_number)
                                                      : NULL;

          item->state = complaint_state_label (state);
          if (staff != NULL && about != NULL)
            /* Translators: a complaint is about a staff member and a case */
            item->about = g_strdup_printf (_("%s, case %s"), staff, about);
          else if (about != NULL)
            /* Translators: a complaint is about a case: its number */
            item->about = g_strdup_printf (_("Case %s"), about);
          else
            item->about = g_steal_pointer (&staff);
          if (item->about == NULL)
            /* Translators: a complaint about the service in general */
            item->about = g_strdup (_("The service in general"));
        }
      else
        {
          item->state = case_state_label (state);
          item->about = g_steal_pointer (&about);
          item->staff = staff_label (staff_name, staff_number);
          if (!bb_model_is_null (model, COL_DETAIL, r))
            {
              gint64 detail = bb_model_get_int64 (model, COL_DETAIL, r, 0);

              if (cases->table == BB_STATS_ON_TIME_BY_MONTH ||
                  cases->table == BB_STATS_HANDLING_TIME_BY_MONTH)
                item->detail = timing_label (detail);
              else
                item->detail = g_strdup (bb_satisfaction_label ((int) detail));
            }
        }
      g_ptr_array_add (cases->items, item);
    }
  return cases;
}

static BbStatsCases *
cases_new (BbStatsTableId  table,
           const char     *key,
           int             part)
{
  BbStatsCases *cases = g_new0 (BbStatsCases, 1);

  cases->table = table;
  cases->key = g_strdup (key);
  cases->part = part;
  cases->kind = BB_STATS_ITEM_CASE;
  cases->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  return cases;
}

static void
set_eval_filters (GdaSet *params)
{
  bb_params_set_int (params, "level", 0);
  bb_params_set_int (params, "by_staff", 0);
  bb_params_set_int64 (params, "staff", 0);
  bb_params_set_int (params, "by_item", 0);
  bb_params_set_int64 (params, "item", 0);
  bb_params_set_int (params, "by_matter", 0);
  bb_params_set_string (params, "matter", "");
  bb_params_set_int (params, "by_category", 0);
  bb_params_set_string (params, "category", "");
  bb_params_set_int (params, "by_department", 0);
  bb_params_set_string (params, "department", "");
}

static gpointer
no_bucket (GError **error)
{
  g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("No such row of the statistics"));
  return NULL;
}

/* Sets up the statement and the parameters of a bucket. */
static GdaStatement *
bucket_statement (BbDatabase      *db,
                  BbStatsCases    *cases,
                  Range           *range,
                  GdaSet         **params_out,
                  GError         **error)
{
  BbStatsTableId table = cases->table;
  const char *key = cases->key;
  int part = cases->part;
  gboolean pg = bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL;
  GdaStatement *statement = NULL;
  g_autoptr(GdaSet) params = NULL;

  switch (table)
    {
    case BB_STATS_SATISFACTION:
    case BB_STATS_SATISFACTION_BY_MONTH:
    case BB_STATS_SATISFACTION_BY_STAFF:
    case BB_STATS_SATISFACTION_BY_MATTER:
    case BB_STATS_SATISFACTION_BY_CATEGORY:
    case BB_STATS_SATISFACTION_BY_DEPARTMENT:
      statement = bb_database_prepare (db, SQL_EVALUATIONS);
      params = bb_database_new_params (db, statement);
      set_eval_filters (params);
      /* Translators: a column of a chart's list: when the case was rated */
      cases->date_title = g_strdup (_("Evaluated on"));
      /* Translators: a column of a chart's list: the rating given */
      cases->detail_title = g_strdup (_("Rating"));
      if (table == BB_STATS_SATISFACTION)
        {
          guint64 level;

          if (part >= 0 || !g_ascii_string_to_unsigned (key, 10, 1, BB_STATS_N_PARTS, &level,
                                                        NULL))
            return no_bucket (error);
          bb_params_set_int (params, "level", (int) level);
          break;
        }
      if (part >= BB_STATS_N_PARTS)
        return no_bucket (error);
      if (part >= 0)
        bb_params_set_int (params, "level", part + 1);
      if (table == BB_STATS_SATISFACTION_BY_MONTH)
        {
          if (!range_set_month (range, key, error))
            return NULL;
        }
      else if (table == BB_STATS_SATISFACTION_BY_STAFF)
        {
          gint64 staff;

          if (!parse_id (key, &staff, error))
            return NULL;
          bb_params_set_int (params, "by_staff", 1);
          bb_params_set_int64 (params, "staff", staff);
        }
      else if (table == BB_STATS_SATISFACTION_BY_MATTER)
        {
          gint64 item;

          if (g_str_has_prefix (key, "item:"))
            {
              if (!parse_id (key + strlen ("item:"), &item, NULL) || item == 0)
                return no_bucket (error);
              bb_params_set_int (params, "by_item", 1);
              bb_params_set_int64 (params, "item", item);
            }
          else if (g_str_has_prefix (key, "matter:"))
            {
              bb_params_set_int (params, "by_matter", 1);
              bb_params_set_string (params, "matter", key + strlen ("matter:"));
            }
          else
            return no_bucket (error);
        }
      else if (table == BB_STATS_SATISFACTION_BY_CATEGORY)
        {
          bb_params_set_int (params, "by_category", 1);
          bb_params_set_string (params, "category", key);
        }
      else
        {
          bb_params_set_int (params, "by_department", 1);
          bb_params_set_string (params, "department", key);
        }
      break;

    case BB_STATS_ON_TIME_BY_MONTH:
    case BB_STATS_HANDLING_TIME_BY_MONTH:
      if (!range_set_month (range, key, error))
        return NULL;
      statement = bb_database_prepare (db, pg ? SQL_COMPLETED_PG : SQL_COMPLETED_SQLITE);
      params = bb_database_new_params (db, statement);
      /* Translators: a column of a chart's list: when the case was completed */
      cases->date_title = g_strdup (_("Completed on"));
      /* Translators: a column of a chart's list: completed by the deadline or not */
      cases->detail_title = g_strdup (_("Deadline"));
      if (table == BB_STATS_HANDLING_TIME_BY_MONTH)
        {
          if (part >= 0)
            return no_bucket (error);
          bb_params_set_int (params, "timing", -1);
        }
      else if (part < 0)
        bb_params_set_int (params, "timing", 3);
      else if (part <= 1)
        /* parts[0] on time (1), parts[1] late (0) */
        bb_params_set_int (params, "timing", part == 0 ? 1 : 0);
      else
        return no_bucket (error);
      break;

    case BB_STATS_WORKLOAD:
      {
        static const char * const statements[] = {
          SQL_WORKLOAD_REGISTERED, SQL_WORKLOAD_ACCEPTED, SQL_WORKLOAD_COMPLETED,
          SQL_WORKLOAD_OPEN, SQL_WORKLOAD_OVERDUE,
        };
        const char *date_titles[] = {
          /* Translators: a column of a chart's list */
          N_("Registered on"), N_("Accepted on"), N_("Completed on"), N_("Registered on"),
          /* Translators: a column of a chart's list: a case's deadline */
          N_("Deadline"),
        };
        gint64 staff;

        if (part < 0)
          part = 2;
        if (part >= BB_STATS_N_PARTS || !parse_id (key, &staff, NULL))
          return no_bucket (error);
        statement = bb_database_prepare (db, statements[part]);
        params = bb_database_new_params (db, statement);
        bb_params_set_int64 (params, "staff", staff);
        cases->date_title = g_strdup (_(date_titles[part]));
      }
      break;

    case BB_STATS_COMPLAINTS_BY_MONTH:
    case BB_STATS_COMPLAINTS_BY_STATE:
      statement = bb_database_prepare (db, SQL_COMPLAINTS);
      params = bb_database_new_params (db, statement);
      cases->kind = BB_STATS_ITEM_COMPLAINT;
      /* Translators: a column of a chart's list: when the complaint came in */
      cases->date_title = g_strdup (_("Received on"));
      bb_params_set_int (params, "by_state", 0);
      bb_params_set_string (params, "state", "");
      if (table == BB_STATS_COMPLAINTS_BY_MONTH)
        {
          if (!range_set_month (range, key, error))
            return NULL;
          if (part >= (int) BB_N_COMPLAINT_STATES)
            return no_bucket (error);
          if (part >= 0)
            {
              bb_params_set_int (params, "by_state", 1);
              bb_params_set_string (params, "state", bb_complaint_state_to_string (part));
            }
        }
      else
        {
          BbComplaintState state;

          if (part >= 0 || !bb_complaint_state_from_string (key, &state))
            return no_bucket (error);
          bb_params_set_int (params, "by_state", 1);
          bb_params_set_string (params, "state", key);
        }
      break;

    case BB_STATS_SUMMARY:
    case BB_STATS_N_TABLES:
    default:
      return no_bucket (error);
    }

  set_range_params (params, range);
  *params_out = g_steal_pointer (&params);
  return statement;
}

/**
 * bb_stats_cases_list:
 * @table: a table of the statistics (not the summary)
 * @key: the key of one of its rows (#BbStatsRow.key)
 * @part: a part of the row (a series of its chart), or -1 for the row's
 *   own figure (see bb_stats_row_bucket_size())
 * @from: the first day of the range, `YYYY-MM-DD`
 * @to: the last day, inclusive
 * @limit: the most items to return, at least one (the total is counted all the same)
 * @cancellable: (nullable): checked before the query
 *
 * Lists what one bar, slice or point of a chart counts: the evaluations,
 * cases or complaints of the bucket, newest first, with how many there are
 * in all. Managers and administrators only (%BB_PERM_STATS), as the
 * statistics. May take a while on a large database: call it from a worker
 * thread (bb_stats_cases_list_async()).
 *
 * Returns: (transfer full): the list, or %NULL with %BB_ERROR_REFUSED,
 *   %BB_ERROR_INVALID, %BB_ERROR_NOT_FOUND (no such bucket),
 *   %G_IO_ERROR_CANCELLED or a database error
 */
BbStatsCases *
bb_stats_cases_list (BbDatabase      *db,
                     const BbActor   *actor,
                     BbStatsTableId   table,
                     const char      *key,
                     int              part,
                     const char      *from,
                     const char      *to,
                     guint            limit,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GdaSet) params = NULL;
  BbStatsCases *cases;
  GdaStatement *statement;
  Range range = { 0 };

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  /* The total is counted beside the rows (count(*) OVER ()): at least one
   * row must be asked for. */
  g_return_val_if_fail (limit > 0, NULL);

  if (!bb_actor_check (actor, BB_PERM_STATS, error))
    return NULL;
  if (!range_init (&range, from, to, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_free (range.today);
      return NULL;
    }

  cases = cases_new (table, key, part);
  statement = bucket_statement (db, cases, &range, &params, error);
  if (statement == NULL)
    {
      bb_stats_cases_free (cases);
      g_free (range.today);
      return NULL;
    }
  bb_params_set_int (params, "limit", (int) MIN (limit, (guint) G_MAXINT));
  cases = read_items (db, statement, params, &range, cases, error);
  g_free (range.today);
  return cases;
}

typedef struct
{
  BbActor        *actor;
  BbStatsTableId  table;
  char           *key;
  int             part;
  char           *from;
  char           *to;
  guint           limit;
} ListData;

static void
list_data_free (ListData *data)
{
  bb_actor_free (data->actor);
  g_free (data->key);
  g_free (data->from);
  g_free (data->to);
  g_free (data);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListData *data = task_data;
  GError *error = NULL;
  BbStatsCases *cases;

  cases = bb_stats_cases_list (BB_DATABASE (source_object), data->actor, data->table, data->key,
                               data->part, data->from, data->to, data->limit, cancellable,
                               &error);
  if (cases == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cases, (GDestroyNotify) bb_stats_cases_free);
}

/**
 * bb_stats_cases_list_async:
 *
 * bb_stats_cases_list() in a worker thread.
 */
void
bb_stats_cases_list_async (BbDatabase          *db,
                           const BbActor       *actor,
                           BbStatsTableId       table,
                           const char          *key,
                           int                  part,
                           const char          *from,
                           const char          *to,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *data;

  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (key != NULL);

  data = g_new0 (ListData, 1);
  data->actor = bb_actor_copy (actor);
  data->table = table;
  data->key = g_strdup (key);
  data->part = part;
  data->from = g_strdup (from);
  data->to = g_strdup (to);
  data->limit = limit;

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_stats_cases_list_async);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_thread);
}

/**
 * bb_stats_cases_list_finish:
 *
 * Returns: (transfer full): the list, or %NULL with the error
 */
BbStatsCases *
bb_stats_cases_list_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
