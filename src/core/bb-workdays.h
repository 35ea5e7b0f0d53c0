/* bb-workdays.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BbDayKind:
 * @BB_DAY_DEFAULT: no override: Monday to Friday work, Saturday and Sunday rest
 * @BB_DAY_HOLIDAY: a public holiday (on a weekday: a day off)
 * @BB_DAY_WORKDAY: a make-up working day, 调休 (on a weekend: a day of work)
 *
 * What the holiday calendar says about one date.
 */
typedef enum
{
  BB_DAY_DEFAULT,
  BB_DAY_HOLIDAY,
  BB_DAY_WORKDAY,
} BbDayKind;

/**
 * BbDeadlineState:
 * @BB_DEADLINE_OK: more than one working day left
 * @BB_DEADLINE_DUE_SOON: at most one working day left, the deadline day included
 * @BB_DEADLINE_OVERDUE: the deadline has passed
 */
typedef enum
{
  BB_DEADLINE_OK,
  BB_DEADLINE_DUE_SOON,
  BB_DEADLINE_OVERDUE,
} BbDeadlineState;

/**
 * BbDateRange:
 * @from: the first day
 * @to: the last day (inclusive); invalid while the range is still open
 *
 * A range of days, such as a suspension (中止) of a case.
 */
typedef struct
{
  GDate from;
  GDate to;
} BbDateRange;

/**
 * BbCalendarFunc:
 * @date: a date with an override
 * @kind: its kind (never %BB_DAY_DEFAULT)
 * @user_data: the data passed to bb_calendar_foreach()
 */
typedef void (*BbCalendarFunc) (const GDate *date,
                                BbDayKind    kind,
                                gpointer     user_data);

#define BB_TYPE_CALENDAR (bb_calendar_get_type ())

G_DECLARE_FINAL_TYPE (BbCalendar, bb_calendar, BB, CALENDAR, GObject)

BbCalendar      *bb_calendar_new                 (void);
void             bb_calendar_set_day             (BbCalendar         *self,
                                                  const GDate        *date,
                                                  BbDayKind           kind);
BbDayKind        bb_calendar_get_day             (BbCalendar         *self,
                                                  const GDate        *date);
void             bb_calendar_foreach             (BbCalendar         *self,
                                                  BbCalendarFunc      func,
                                                  gpointer            user_data);
gboolean         bb_calendar_is_working_day      (BbCalendar         *self,
                                                  const GDate        *date);
void             bb_calendar_add_working_days    (BbCalendar         *self,
                                                  const GDate        *start,
                                                  guint               n,
                                                  GDate              *out);
int              bb_calendar_count_working_days  (BbCalendar         *self,
                                                  const GDate        *after,
                                                  const GDate        *until);
gboolean         bb_calendar_deadline            (BbCalendar         *self,
                                                  const GDate        *accepted,
                                                  guint               limit_days,
                                                  const BbDateRange  *suspensions,
                                                  guint               n_suspensions,
                                                  GDate              *out);
int              bb_calendar_remaining           (BbCalendar         *self,
                                                  const GDate        *today,
                                                  const GDate        *deadline);
BbDeadlineState  bb_calendar_deadline_state      (BbCalendar         *self,
                                                  const GDate        *today,
                                                  const GDate        *deadline);
gboolean         bb_calendar_import_csv          (BbCalendar         *self,
                                                  const char         *text,
                                                  guint              *n_rows,
                                                  GError            **error);

G_END_DECLS
