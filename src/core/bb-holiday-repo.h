/* bb-holiday-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The holiday calendar: public holidays and make-up working days (调休).
 *
 * CSV import format (bb_holiday_repo_import_csv()): UTF-8, RFC 4180, a
 * header row `date,kind` or `date,kind,name`, then one row per day:
 *
 *   date,kind,name
 *   2026-02-16,holiday,春节
 *   2026-02-14,workday,春节调休
 *
 * kind is `holiday` or `workday`; name is optional. A listed day replaces
 * what the calendar had for it; days not listed are left alone. A date
 * listed twice is an error. The file is one transaction: any error (its
 * message names the line) leaves the calendar unchanged.
 */

#pragma once

#include "bb-actor.h"
#include "bb-database.h"
#include "bb-workdays.h"

G_BEGIN_DECLS

/**
 * BbHoliday:
 * @day: the date, `YYYY-MM-DD`
 * @kind: %BB_DAY_HOLIDAY or %BB_DAY_WORKDAY
 * @name: (nullable): e.g. 春节
 * @version: for optimistic locking
 */
typedef struct
{
  char      *day;
  BbDayKind  kind;
  char      *name;
  int        version;
} BbHoliday;

#define BB_TYPE_HOLIDAY (bb_holiday_get_type ())

GType       bb_holiday_get_type            (void) G_GNUC_CONST;
BbHoliday  *bb_holiday_copy                (const BbHoliday  *holiday);
void        bb_holiday_free                (BbHoliday        *holiday);
const char *bb_day_kind_to_string          (BbDayKind         kind);
gboolean    bb_day_kind_from_string        (const char       *text,
                                            BbDayKind        *kind);

/* expected_version: 0 when the day has no entry yet, else the version read */
gboolean    bb_holiday_repo_set            (BbDatabase       *db,
                                            const BbActor    *actor,
                                            const char       *day,
                                            BbDayKind         kind,
                                            const char       *name,
                                            int               expected_version,
                                            GError          **error);
gboolean    bb_holiday_repo_remove         (BbDatabase       *db,
                                            const BbActor    *actor,
                                            const char       *day,
                                            int               expected_version,
                                            GError          **error);
GPtrArray  *bb_holiday_repo_list           (BbDatabase       *db,
                                            int               year,
                                            GError          **error);
gboolean    bb_holiday_repo_import_csv     (BbDatabase       *db,
                                            const BbActor    *actor,
                                            const char       *csv_text,
                                            guint            *n_imported,
                                            GError          **error);
BbCalendar *bb_holiday_repo_load_calendar  (BbDatabase       *db,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbHoliday, bb_holiday_free)

G_END_DECLS
