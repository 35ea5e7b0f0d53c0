/* bb-print-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* ISO A4 in PostScript points (1/72 inch), the unit of cairo's PDF surface
 * and of GtkPrintContext with GTK_UNIT_POINTS. */
#define BB_A4_WIDTH_PT  595.2756
#define BB_A4_HEIGHT_PT 841.8898

/* The family every printed form uses: Chinese wording whatever the UI
 * language, so a CJK font is named first. */
#define BB_PRINT_FONT_FAMILY "Noto Serif CJK SC, Noto Sans CJK SC, serif"

typedef enum
{
  BB_ALIGN_START,
  BB_ALIGN_CENTER,
  BB_ALIGN_END,
} BbAlign;

double bb_mm_to_pt            (double      mm);
double bb_print_text_in_box   (cairo_t    *cr,
                               const char *text,
                               double      size_pt,
                               gboolean    bold,
                               double      x,
                               double      y,
                               double      width,
                               double      height,
                               BbAlign     align,
                               gboolean    middle);
double bb_print_text_height   (cairo_t    *cr,
                               const char *text,
                               double      size_pt,
                               gboolean    bold,
                               double      width);
void   bb_print_rule_box      (cairo_t    *cr,
                               double      x,
                               double      y,
                               double      width,
                               double      height,
                               double      line_width);

G_END_DECLS
