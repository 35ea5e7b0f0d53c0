/* bb-case-view.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"
#include "bb-case-action-dialog.h"
#include "bb-case-repo.h"
#include "bb-rectification-dialog.h"

G_BEGIN_DECLS

#define BB_TYPE_CASE_VIEW (bb_case_view_get_type ())

G_DECLARE_FINAL_TYPE (BbCaseView, bb_case_view, BB, CASE_VIEW, AdwBin)

GtkWidget          *bb_case_view_new             (BbApplication *application);
BbApplication      *bb_case_view_get_application (BbCaseView    *self);
void                bb_case_view_set_application (BbCaseView    *self,
                                                  BbApplication *application);
void                bb_case_view_show_case       (BbCaseView    *self,
                                                  const char    *number);
void                bb_case_view_clear           (BbCaseView    *self);
void                bb_case_view_reload          (BbCaseView    *self);
const char         *bb_case_view_get_number      (BbCaseView    *self);
gint64              bb_case_view_get_case_id     (BbCaseView    *self);
const BbCaseDetail *bb_case_view_get_detail      (BbCaseView    *self);
gboolean            bb_case_view_get_loading     (BbCaseView    *self);
const char         *bb_case_view_get_message     (BbCaseView    *self);
BbCaseActionDialog *bb_case_view_open_action     (BbCaseView    *self,
                                                  BbAction       action);
gboolean            bb_case_view_run_next_step   (BbCaseView    *self);
GPtrArray          *bb_case_view_get_rectifications (BbCaseView *self);
BbRectificationDialog *bb_case_view_open_rectification_step (BbCaseView          *self,
                                                             gint64               id,
                                                             BbRectificationStep  step);
GStrv               bb_case_view_dup_print_forms (BbCaseView    *self);
gboolean            bb_case_view_print_form      (BbCaseView    *self,
                                                  const char    *form);
gboolean            bb_case_view_print           (BbCaseView    *self);

G_END_DECLS
