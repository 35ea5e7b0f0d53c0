/* bb-benchmark.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-application.h"

G_BEGIN_DECLS

void bb_benchmark_start (BbApplication *application,
                         gint64         started_at);

G_END_DECLS
