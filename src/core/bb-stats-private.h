/* bb-stats-private.h — for the benchmark only
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

G_END_DECLS
