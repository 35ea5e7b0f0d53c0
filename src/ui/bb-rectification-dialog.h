/* bb-rectification-dialog.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"
#include "bb-rectification-repo.h"

G_BEGIN_DECLS

/**
 * BbRectificationStep:
 * @BB_RECTIFICATION_STEP_MEASURES: record the measures taken
 * @BB_RECTIFICATION_STEP_VISIT: record the return visit
 * @BB_RECTIFICATION_STEP_REASSIGN: give it to another staff member, with why
 */
typedef enum
{
  BB_RECTIFICATION_STEP_MEASURES,
  BB_RECTIFICATION_STEP_VISIT,
  BB_RECTIFICATION_STEP_REASSIGN,
} BbRectificationStep;

#define BB_TYPE_RECTIFICATION_DIALOG (bb_rectification_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbRectificationDialog, bb_rectification_dialog, BB, RECTIFICATION_DIALOG,
                      GtkWindow)

BbRectificationDialog *bb_rectification_dialog_new          (BbApplication              *application,
                                                             const BbRectificationEntry *entry,
                                                             BbRectificationStep         step);
GtkTextView           *bb_rectification_dialog_get_text_view (BbRectificationDialog     *self);
AdwComboRow           *bb_rectification_dialog_get_channel_row (BbRectificationDialog   *self);
AdwComboRow           *bb_rectification_dialog_get_satisfied_row (BbRectificationDialog *self);
AdwComboRow           *bb_rectification_dialog_get_staff_row (BbRectificationDialog      *self);
gboolean               bb_rectification_dialog_get_valid    (BbRectificationDialog      *self);
gboolean               bb_rectification_dialog_get_busy     (BbRectificationDialog      *self);
const char            *bb_rectification_dialog_get_message  (BbRectificationDialog      *self);
void                   bb_rectification_dialog_confirm      (BbRectificationDialog      *self);

G_END_DECLS
