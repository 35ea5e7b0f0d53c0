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

/* Space between a cell's rule and its text. */
#define BB_PRINT_CELL_PADDING_PT 4.0

typedef enum
{
  BB_ALIGN_START,
  BB_ALIGN_CENTER,
  BB_ALIGN_END,
} BbAlign;

/**
 * BbWeight:
 * @BB_WEIGHT_REGULAR: the regular face
 * @BB_WEIGHT_BOLD: the bold face
 * @BB_WEIGHT_EMBOLDENED: the regular face with its outlines stroked: looks
 *   bold and costs no second font in the PDF (a Noto CJK face takes some
 *   13 ms of processor time to embed), but each glyph is drawn twice; for
 *   a few words on a one-page form, not for a header repeated on many pages
 *
 * How heavy text is.
 */
typedef enum
{
  BB_WEIGHT_REGULAR,
  BB_WEIGHT_BOLD,
  BB_WEIGHT_EMBOLDENED,
} BbWeight;

double bb_mm_to_pt             (double      mm);
double bb_print_text_in_box    (cairo_t    *cr,
                                const char *text,
                                double      size_pt,
                                BbWeight    weight,
                                double      x,
                                double      y,
                                double      width,
                                double      height,
                                BbAlign     align,
                                gboolean    middle);
double bb_print_text_height    (cairo_t    *cr,
                                const char *text,
                                double      size_pt,
                                BbWeight    weight,
                                double      width);
double bb_print_text_width     (cairo_t    *cr,
                                const char *text,
                                double      size_pt,
                                BbWeight    weight);
void   bb_print_rule_box       (cairo_t    *cr,
                                double      x,
                                double      y,
                                double      width,
                                double      height,
                                double      line_width);
void   bb_print_rule_line      (cairo_t    *cr,
                                double      x1,
                                double      y1,
                                double      x2,
                                double      y2,
                                double      line_width);
double bb_print_cell           (cairo_t    *cr,
                                const char *text,
                                double      size_pt,
                                BbWeight    weight,
                                double      x,
                                double      y,
                                double      width,
                                double      height,
                                BbAlign     align,
                                gboolean    middle);
void   bb_print_signature_line (cairo_t    *cr,
                                const char *label,
                                const char *value,
                                double      size_pt,
                                double      x,
                                double      y,
                                double      width);

G_END_DECLS
