/* bb-stats-private.h — for the benchmark and bb-stats-cases.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-stats.h"

G_BEGIN_DECLS

const char * const *bb_stats_sqlite_statements (void);
GHashTable         *bb_stats_parameters        (const char  *from,
                                                const char  *to,
                                                GError     **error);
gboolean            bb_stats_range_bounds      (const char  *from,
                                                const char  *to,
                                                GDate       *first,
                                                GDate       *last,
                                                gint64      *from_us,
                                                gint64      *to_us,
                                                gint64      *offset_us,
                                                GError     **error);

G_END_DECLS
