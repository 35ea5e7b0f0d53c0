/* bb-stats.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbStatsTableId:
 * @BB_STATS_SUMMARY: the headline figures, one row per BB_STATS_KEY_*
 * @BB_STATS_SATISFACTION: the distribution: one row per level, 5 (非常满意)
 *   first; @count the evaluations at that level, @value their share
 * @BB_STATS_SATISFACTION_BY_MONTH: one row per month of the range (every
 *   month, empty ones too), key `YYYY-MM`
 * @BB_STATS_SATISFACTION_BY_STAFF: by the case's responsible staff member,
 *   key the staff id (“” for cases nobody was responsible for)
 * @BB_STATS_SATISFACTION_BY_MATTER: by matter, key `item:ID` for a
 *   catalogue item, `matter:NAME` for a matter outside the catalogue
 * @BB_STATS_SATISFACTION_BY_CATEGORY: by client category, key the
 *   category code (BB_CATEGORY_*)
 * @BB_STATS_SATISFACTION_BY_DEPARTMENT: by the catalogue item's
 *   department, key the department (“” outside the catalogue)
 * @BB_STATS_ON_TIME_BY_MONTH: cases completed in the month that had a
 *   deadline; parts: on time, late; @value the on-time rate
 * @BB_STATS_HANDLING_TIME_BY_MONTH: cases completed in the month; @value
 *   the average handling time in working days
 * @BB_STATS_WORKLOAD: per responsible staff member (key the staff id, “”
 *   for nobody); parts: registered, accepted, completed (in the range),
 *   open and overdue (now); @count the completed
 * @BB_STATS_COMPLAINTS_BY_MONTH: complaints received in the month (@count);
 *   parts: how many of them are in each #BbComplaintState now
 * @BB_STATS_COMPLAINTS_BY_STATE: complaints received in the range, by the
 *   state they are in now; key the state's code
 *
 * The tables of the statistics (DESIGN.md § Screens: Charts; the
 * standard's § 监督与评价). In every satisfaction table @count is the number
 * of evaluations, parts[i] the evaluations at level i + 1, and @value the
 * satisfaction rate: levels 4 and 5 over all evaluations; 基本满意 (level 3)
 * is parts[2], counted separately and not as satisfied.
 */
typedef enum
{
  BB_STATS_SUMMARY,
  BB_STATS_SATISFACTION,
  BB_STATS_SATISFACTION_BY_MONTH,
  BB_STATS_SATISFACTION_BY_STAFF,
  BB_STATS_SATISFACTION_BY_MATTER,
  BB_STATS_SATISFACTION_BY_CATEGORY,
  BB_STATS_SATISFACTION_BY_DEPARTMENT,
  BB_STATS_ON_TIME_BY_MONTH,
  BB_STATS_HANDLING_TIME_BY_MONTH,
  BB_STATS_WORKLOAD,
  BB_STATS_COMPLAINTS_BY_MONTH,
  BB_STATS_COMPLAINTS_BY_STATE,
  BB_STATS_N_TABLES
} BbStatsTableId;

/**
 * BbStatsUnit:
 * @BB_STATS_UNIT_COUNT: @value equals @count
 * @BB_STATS_UNIT_RATE: @value is a fraction from 0 to 1 (NaN when nothing
 *   was counted)
 * @BB_STATS_UNIT_DAYS: @value is a number of working days (NaN when
 *   nothing was counted)
 */
typedef enum
{
  BB_STATS_UNIT_COUNT,
  BB_STATS_UNIT_RATE,
  BB_STATS_UNIT_DAYS,
} BbStatsUnit;

/* Keys of the rows of BB_STATS_SUMMARY. */
#define BB_STATS_KEY_EVALUATIONS            "evaluations"
#define BB_STATS_KEY_SATISFACTION_RATE      "satisfaction_rate"
#define BB_STATS_KEY_BASIC_SATISFIED        "basic_satisfied"
#define BB_STATS_KEY_DISSATISFIED           "dissatisfied"
#define BB_STATS_KEY_REGISTERED             "registered"
#define BB_STATS_KEY_ACCEPTED               "accepted"
#define BB_STATS_KEY_COMPLETED              "completed"
#define BB_STATS_KEY_ON_TIME_RATE           "on_time_rate"
#define BB_STATS_KEY_HANDLING_DAYS          "average_handling_days"
#define BB_STATS_KEY_OPEN                   "open"
#define BB_STATS_KEY_OVERDUE                "overdue"
#define BB_STATS_KEY_RECTIFICATIONS_OPENED  "rectifications_opened"
#define BB_STATS_KEY_RECTIFICATIONS_CLOSED  "rectifications_closed"
#define BB_STATS_KEY_RECTIFICATIONS_OPEN    "rectifications_open"
#define BB_STATS_KEY_RECTIFICATIONS_OVERDUE "rectifications_overdue"
#define BB_STATS_KEY_COMPLAINTS             "complaints"
#define BB_STATS_KEY_COMPLAINTS_OPEN        "complaints_open"
#define BB_STATS_KEY_COMPLAINTS_OVERDUE     "complaints_overdue"
#define BB_STATS_KEY_COMPLAINTS_ON_TIME     "complaints_answered_on_time"

#define BB_STATS_N_PARTS 5

/**
 * BbStatsRow:
 * @key: what the row is about, stable (see #BbStatsTableId): for a chart's
 *   click and for scripts
 * @label: what a person reads (a name, a month, a translated level)
 * @count: the row's main count
 * @value: the row's main figure, in @unit
 * @unit: what @value is
 * @parts: a breakdown of @count, as the table says (unused parts are 0)
 *
 * One bar, slice or table row: plain data that a chart and a table can
 * both draw.
 */
typedef struct
{
  char        *key;
  char        *label;
  gint64       count;
  double       value;
  BbStatsUnit  unit;
  gint64       parts[BB_STATS_N_PARTS];
} BbStatsRow;

/**
 * BbStatsTable:
 * @id: which table
 * @rows: (element-type BbStatsRow): its rows, in display order
 */
typedef struct
{
  BbStatsTableId  id;
  GPtrArray      *rows;
} BbStatsTable;

/**
 * BbStats:
 * @from: the first day, `YYYY-MM-DD`, in the time zone of record
 * @to: the last day (inclusive)
 * @utc_offset: the time zone of record's offset from UTC over the range,
 *   in seconds (28800 for Asia/Shanghai)
 * @today: the day the “now” figures (open, overdue) are as of
 * @computed_at: when, µs since the epoch (UTC)
 * @team_name: the team's name (the `team_name` setting), for titles
 * @tables: every table, indexed by #BbStatsTableId
 *
 * The statistics of one date range, as bb_stats_compute() returns them.
 */
typedef struct
{
  char         *from;
  char         *to;
  int           utc_offset;
  char         *today;
  gint64        computed_at;
  char         *team_name;
  BbStatsTable *tables[BB_STATS_N_TABLES];
} BbStats;

/**
 * BbProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called as long work advances; from the thread doing the work.
 */
typedef void (*BbProgressFunc) (double   fraction,
                                gpointer user_data);

#define BB_TYPE_STATS (bb_stats_get_type ())

GType             bb_stats_get_type           (void) G_GNUC_CONST;
BbStats          *bb_stats_copy               (const BbStats        *stats);
void              bb_stats_free               (BbStats              *stats);
void              bb_stats_row_free           (BbStatsRow           *row);

const char       *bb_stats_table_to_string    (BbStatsTableId        id);
const char       *bb_stats_table_title        (BbStatsTableId        id);
const BbStatsTable *bb_stats_get_table        (const BbStats        *stats,
                                               BbStatsTableId        id);
const BbStatsRow *bb_stats_table_find         (const BbStatsTable   *table,
                                               const char           *key);
JsonNode         *bb_stats_to_json            (const BbStats        *stats);

gboolean          bb_stats_period_month       (const char           *month,
                                               char                **from,
                                               char                **to,
                                               GError              **error);
gboolean          bb_stats_period_quarter     (const char           *quarter,
                                               char                **from,
                                               char                **to,
                                               GError              **error);

BbStats          *bb_stats_compute            (BbDatabase           *db,
                                               const BbActor        *actor,
                                               const char           *from,
                                               const char           *to,
                                               BbProgressFunc        progress,
                                               gpointer              progress_data,
                                               GCancellable         *cancellable,
                                               GError              **error);
void              bb_stats_compute_async      (BbDatabase           *db,
                                               const BbActor        *actor,
                                               const char           *from,
                                               const char           *to,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
BbStats          *bb_stats_compute_finish     (GAsyncResult         *result,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbStats, bb_stats_free)

G_END_DECLS
