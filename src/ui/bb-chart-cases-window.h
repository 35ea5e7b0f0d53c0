/* bb-chart-cases-window.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"
#include "bb-stats-cases.h"

G_BEGIN_DECLS

/* The most items a bucket's window lists; the rest are counted. */
#define BB_CHART_CASES_LIMIT 200

#define BB_TYPE_CHART_CASES_WINDOW (bb_chart_cases_window_get_type ())

G_DECLARE_FINAL_TYPE (BbChartCasesWindow, bb_chart_cases_window, BB, CHART_CASES_WINDOW,
                      AdwWindow)

BbChartCasesWindow *bb_chart_cases_window_new       (GtkWindow          *parent,
                                                     BbDatabase         *database,
                                                     const BbActor      *actor,
                                                     BbStatsTableId      table,
                                                     const char         *key,
                                                     int                 part,
                                                     const char         *from,
                                                     const char         *to,
                                                     const char         *title);
gboolean            bb_chart_cases_window_get_busy  (BbChartCasesWindow *self);
const BbStatsCases *bb_chart_cases_window_get_cases (BbChartCasesWindow *self);

G_END_DECLS
