/* bb-case-query.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-actor.h"
#include "bb-case.h"
#include "bb-database.h"

G_BEGIN_DECLS

/* A set of states for BbCaseFilter.states: one bit per BbCaseState. */
#define BB_CASE_STATE_BIT(state) (1u << (state))

/* “Open” (在办): registered and not yet finished, suspension excluded. */
#define BB_CASE_STATES_OPEN \
  (BB_CASE_STATE_BIT (BB_STATE_CONSULTATION) | BB_CASE_STATE_BIT (BB_STATE_APPLIED) | \
   BB_CASE_STATE_BIT (BB_STATE_ROUTED) | BB_CASE_STATE_BIT (BB_STATE_ANALYSED) | \
   BB_CASE_STATE_BIT (BB_STATE_HANDLING))

/* For BbCaseFilter.kind: both 帮办 and 代办. */
#define BB_CASE_KIND_ANY (-1)

/**
 * BbCaseFilter:
 * @states: states to show (BB_CASE_STATE_BIT() ored together); 0 = every state
 * @kind: a #BbCaseKind, or %BB_CASE_KIND_ANY
 * @responsible_id: the responsible staff member's id; 0 = anybody
 * @category: (nullable): a client category code (BB_CATEGORY_*); %NULL = any
 * @due_soon: only cases in handling with at most one working day left
 * @overdue: only cases in handling past their deadline; with @due_soon set
 *   too, cases that are either
 * @search: (nullable): text to find: a case number, ID number, credit code
 *   or phone number as a whole, or any part (one character or more) of a
 *   client name, matter name, number or log text
 * @completed_since: only cases completed (and still completed, delivered,
 *   confirmed or archived) at or after this instant, in µs since the epoch;
 *   0 = no lower bound
 * @completed_before: only such cases completed before this instant; 0 = no
 *   upper bound
 * @rectification_overdue: only cases with a rectification still open (or
 *   with its measures under way) past its deadline
 *
 * What the case list shows. Every condition set must hold. With either
 * completion bound set, only cases in a completed state (as the dashboard's
 * “completed this month” tile counts them) pass.
 */
typedef struct
{
  guint     states;
  int       kind;
  gint64    responsible_id;
  char     *category;
  gboolean  due_soon;
  gboolean  overdue;
  char     *search;
  gint64    completed_since;
  gint64    completed_before;
  gboolean  rectification_overdue;
} BbCaseFilter;

/**
 * BbCaseSort:
 * @BB_CASE_SORT_NEWEST: the most recently registered first
 * @BB_CASE_SORT_DEADLINE: the soonest deadline first; cases without a
 *   deadline last
 * @BB_CASE_SORT_NUMBER: by case number
 * @BB_CASE_SORT_QUEUE: the queue of new consultations: green-channel
 *   (military) clients first (higher priority first), then by application
 *   time
 */
typedef enum
{
  BB_CASE_SORT_NEWEST,
  BB_CASE_SORT_DEADLINE,
  BB_CASE_SORT_NUMBER,
  BB_CASE_SORT_QUEUE,
} BbCaseSort;

/**
 * BbCaseCounters:
 * @open: cases in an open state (%BB_CASE_STATES_OPEN)
 * @due_soon: cases in handling with at most one working day left
 * @overdue: cases in handling past their deadline
 * @suspended: suspended cases
 * @completed_this_month: cases completed since the first of this month
 * @rectification_overdue: cases with an overdue rectification (what
 *   #BbCaseFilter.rectification_overdue lists)
 *
 * The dashboard's counter tiles.
 */
typedef struct
{
  gint64 open;
  gint64 due_soon;
  gint64 overdue;
  gint64 suspended;
  gint64 completed_this_month;
  gint64 rectification_overdue;
} BbCaseCounters;

/* Where a page ended: opaque, hand it back to get the next page. */
typedef struct _BbCaseCursor BbCaseCursor;

#define BB_TYPE_CASE_FILTER (bb_case_filter_get_type ())
#define BB_TYPE_CASE_CURSOR (bb_case_cursor_get_type ())

GType          bb_case_filter_get_type     (void) G_GNUC_CONST;
BbCaseFilter  *bb_case_filter_new          (void);
BbCaseFilter  *bb_case_filter_copy         (const BbCaseFilter  *filter);
void           bb_case_filter_free         (BbCaseFilter        *filter);
gboolean       bb_case_filter_equal        (const BbCaseFilter  *a,
                                            const BbCaseFilter  *b);
void           bb_case_filter_set_completed_this_month
                                           (BbCaseFilter        *filter);
gboolean       bb_case_filter_set_completed_days
                                           (BbCaseFilter        *filter,
                                            const char          *since,
                                            const char          *before,
                                            GError             **error);

GType          bb_case_cursor_get_type     (void) G_GNUC_CONST;
BbCaseCursor  *bb_case_cursor_copy         (const BbCaseCursor  *cursor);
void           bb_case_cursor_free         (BbCaseCursor        *cursor);

const char    *bb_case_sort_to_string      (BbCaseSort           sort);
gboolean       bb_case_sort_from_string    (const char          *text,
                                            BbCaseSort          *sort);

GPtrArray     *bb_case_query_page          (BbDatabase          *db,
                                            const BbActor       *actor,
                                            const BbCaseFilter  *filter,
                                            BbCaseSort           sort,
                                            const BbCaseCursor  *after,
                                            guint                limit,
                                            BbCaseCursor       **next,
                                            GError             **error);
gboolean       bb_case_query_seek          (BbDatabase          *db,
                                            const BbActor       *actor,
                                            const BbCaseFilter  *filter,
                                            BbCaseSort           sort,
                                            guint64              position,
                                            BbCaseCursor       **cursor,
                                            GError             **error);
gint64         bb_case_query_count         (BbDatabase          *db,
                                            const BbCaseFilter  *filter,
                                            GError             **error);
gboolean       bb_case_query_counters      (BbDatabase          *db,
                                            BbCaseCounters      *counters,
                                            GError             **error);

/**
 * BbCaseMonthCount:
 * @month: `YYYY-MM`, in the time zone of record
 * @count: cases applied for in that month
 */
typedef struct
{
  char   month[8];
  gint64 count;
} BbCaseMonthCount;

gboolean       bb_case_query_count_by_state (BbDatabase          *db,
                                             gint64               counts[BB_N_STATES],
                                             GError             **error);
GArray        *bb_case_query_count_by_month (BbDatabase          *db,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCaseFilter, bb_case_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCaseCursor, bb_case_cursor_free)

G_END_DECLS
