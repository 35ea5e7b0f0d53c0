/* bb-case-item.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-case.h"
#include "bb-workdays.h"

G_BEGIN_DECLS

#define BB_TYPE_CASE_ITEM (bb_case_item_get_type ())

G_DECLARE_FINAL_TYPE (BbCaseItem, bb_case_item, BB, CASE_ITEM, GObject)

BbCaseItem          *bb_case_item_new               (void);
void                 bb_case_item_set_summary       (BbCaseItem          *self,
                                                     const BbCaseSummary *summary,
                                                     BbDeadlineState      deadline_state,
                                                     int                  remaining_days);
const BbCaseSummary *bb_case_item_get_summary       (BbCaseItem          *self);
gboolean             bb_case_item_get_loaded        (BbCaseItem          *self);
gint64               bb_case_item_get_id            (BbCaseItem          *self);
const char          *bb_case_item_get_number        (BbCaseItem          *self);
BbDeadlineState      bb_case_item_get_deadline_state (BbCaseItem         *self);
int                  bb_case_item_get_remaining_days (BbCaseItem         *self);
gboolean             bb_case_item_get_green_channel  (BbCaseItem         *self);

G_END_DECLS
