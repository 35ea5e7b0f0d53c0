/* bb-charts-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-chart.h"
#include "bb-database.h"
#include "bb-stats.h"

G_BEGIN_DECLS

#define BB_TYPE_CHARTS_PAGE (bb_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (BbChartsPage, bb_charts_page, BB, CHARTS_PAGE, AdwBin)

BbChartsPage  *bb_charts_page_new           (BbDatabase    *database,
                                             const BbActor *actor);
BbDatabase    *bb_charts_page_get_database  (BbChartsPage  *self);
void           bb_charts_page_set_database  (BbChartsPage  *self,
                                             BbDatabase    *database);
const BbActor *bb_charts_page_get_actor     (BbChartsPage  *self);
void           bb_charts_page_set_actor     (BbChartsPage  *self,
                                             const BbActor *actor);
gboolean       bb_charts_page_get_busy      (BbChartsPage  *self);
void           bb_charts_page_set_range     (BbChartsPage  *self,
                                             const char    *from,
                                             const char    *to);
void           bb_charts_page_reload        (BbChartsPage  *self);
const BbStats *bb_charts_page_get_stats     (BbChartsPage  *self);
void           bb_charts_page_show_stats    (BbChartsPage  *self,
                                             const BbStats *stats);
guint          bb_charts_page_get_n_charts  (BbChartsPage  *self);
BbChart       *bb_charts_page_get_chart     (BbChartsPage  *self,
                                             guint          index);
void           bb_charts_page_export_report (BbChartsPage  *self,
                                             const char    *format,
                                             GFile         *file);
void           bb_charts_page_cancel_report (BbChartsPage  *self);
gboolean       bb_charts_page_get_exporting (BbChartsPage  *self);

G_END_DECLS
