/* bb-case-action-dialog.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"
#include "bb-case-repo.h"

G_BEGIN_DECLS

#define BB_TYPE_CASE_ACTION_DIALOG (bb_case_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbCaseActionDialog, bb_case_action_dialog, BB, CASE_ACTION_DIALOG,
                      GtkWindow)

BbCaseActionDialog *bb_case_action_dialog_new          (BbApplication      *application,
                                                        const BbCaseDetail *detail,
                                                        BbAction            action);
BbAction            bb_case_action_dialog_get_action   (BbCaseActionDialog *self);
const BbCase       *bb_case_action_dialog_get_case     (BbCaseActionDialog *self);
gboolean            bb_case_action_dialog_get_valid    (BbCaseActionDialog *self);
gboolean            bb_case_action_dialog_get_busy     (BbCaseActionDialog *self);
gboolean            bb_case_action_dialog_get_conflict (BbCaseActionDialog *self);
const char         *bb_case_action_dialog_get_message  (BbCaseActionDialog *self);
GtkWidget          *bb_case_action_dialog_get_field    (BbCaseActionDialog *self,
                                                        const char         *key);
void                bb_case_action_dialog_confirm      (BbCaseActionDialog *self);

G_END_DECLS
