/* bb-clock.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *bb_clock_now            (void);
gint64     bb_clock_now_usec       (void);
void       bb_clock_today          (GDate     *out);
GTimeZone *bb_clock_get_time_zone  (void);
void       bb_clock_set_time_zone  (GTimeZone *time_zone);
void       bb_clock_set_thread_now (gint64     usec);

G_END_DECLS
