/* bb-print-qr.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Light modules a reader needs around the symbol (ISO/IEC 18004: four). */
#define BB_QR_QUIET_ZONE_MODULES 4

int bb_print_qr_code (cairo_t    *cr,
                      const char *text,
                      double      x,
                      double      y,
                      double      size);

G_END_DECLS
