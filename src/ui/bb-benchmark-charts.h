/* bb-benchmark-charts.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bb_benchmark_charts_run (void);

G_END_DECLS
