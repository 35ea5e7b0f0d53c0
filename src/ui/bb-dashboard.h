/* bb-dashboard.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"
#include "bb-case-list.h"
#include "bb-case-view.h"

G_BEGIN_DECLS

#define BB_TYPE_DASHBOARD (bb_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (BbDashboard, bb_dashboard, BB, DASHBOARD, AdwBin)

/* Narrower than this, the case view replaces the list. */
#define BB_DASHBOARD_NARROW_WIDTH 900

/* How often other workstations' changes are looked for. */
#define BB_DASHBOARD_POLL_MS 2000

GtkWidget     *bb_dashboard_new             (BbApplication *application);
BbApplication *bb_dashboard_get_application (BbDashboard   *self);
void           bb_dashboard_focus_search    (BbDashboard   *self);
void           bb_dashboard_open_case       (BbDashboard   *self,
                                             const char    *number);
void           bb_dashboard_refresh         (BbDashboard   *self);
BbCaseList    *bb_dashboard_get_case_list   (BbDashboard   *self);
BbCaseView    *bb_dashboard_get_case_view   (BbDashboard   *self);
gboolean       bb_dashboard_get_narrow      (BbDashboard   *self);
gint64         bb_dashboard_get_revision    (BbDashboard   *self);

G_END_DECLS
