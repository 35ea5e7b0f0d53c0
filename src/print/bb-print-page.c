/* bb-print-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Page primitives shared by every printed form: units, ruled boxes, and
 * text that wraps inside its cell and shrinks rather than overflow it.
 */

#define G_LOG_DOMAIN "bb-print-page"

#include "config.h"

#include "bb-print-page.h"

/* The smallest size text shrinks to before it is cut at the cell's edge. */
#define MIN_SIZE_PT 6.0

/* How much wider than the regular face's outlines emboldened text is
 * stroked, in ems. */
#define EMBOLDEN_EM 0.045

double
bb_mm_to_pt (double mm)
{
  return mm * 72.0 / 25.4;
}

static void
set_font (PangoLayout *layout,
          double       size_pt,
          BbWeight     weight)
{
  PangoFontDescription *font = pango_font_description_from_string (BB_PRINT_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_font_description_set_weight (font, weight == BB_WEIGHT_BOLD ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

/* The width to wrap to, in Pango units: emboldened text's strokes stay
 * inside @width. */
static int
wrap_width (double   width,
            double   size_pt,
            BbWeight weight)
{
  if (width < 0)
    return -1;
  if (weight == BB_WEIGHT_EMBOLDENED)
    width = MAX (1.0, width - EMBOLDEN_EM * size_pt);
  return (int) (width * PANGO_SCALE);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size_pt,
             BbWeight    weight,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics must not depend on the screen's hinting: the same layout on the
   * preview and on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  set_font (layout, size_pt, weight);
  pango_layout_set_width (layout, wrap_width (width, size_pt, weight));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/**
 * bb_print_text_height:
 *
 * Returns: the height in points that @text takes when wrapped to @width
 */
double
bb_print_text_height (cairo_t    *cr,
                      const char *text,
                      double      size_pt,
                      BbWeight    weight,
                      double      width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size_pt, weight, width);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/**
 * bb_print_text_width:
 *
 * Returns: the width in points of @text on one line
 */
double
bb_print_text_width (cairo_t    *cr,
                     const char *text,
                     double      size_pt,
                     BbWeight    weight)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size_pt, weight, -1);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE
         + (weight == BB_WEIGHT_EMBOLDENED ? EMBOLDEN_EM * size_pt : 0);
}

/**
 * bb_print_text_in_box:
 * @middle: centre vertically rather than start at the top
 *
 * Draws @text wrapped inside the box. When it does not fit at @size_pt the
 * size shrinks step by step (down to 6 pt); only then is it clipped to the
 * box, so long names and notes stay inside the page and legible.
 *
 * Returns: the size in points the text was drawn at
 */
double
bb_print_text_in_box (cairo_t    *cr,
                      const char *text,
                      double      size_pt,
                      BbWeight    weight,
                      double      x,
                      double      y,
                      double      width,
                      double      height,
                      BbAlign     align,
                      gboolean    middle)
{
  g_autoptr(PangoLayout) layout = NULL;
  double size = size_pt;
  double text_height;
  int pango_height;

  g_return_val_if_fail (cr != NULL, 0);

  layout = make_layout (cr, text, size, weight, width);
  for (;;)
    {
      pango_layout_get_size (layout, NULL, &pango_height);
      text_height = (double) pango_height / PANGO_SCALE;
      if (text_height <= height || size <= MIN_SIZE_PT)
        break;
      size = MAX (MIN_SIZE_PT, size - 0.5);
      set_font (layout, size, weight);
      pango_layout_set_width (layout, wrap_width (width, size, weight));
    }

  switch (align)
    {
    case BB_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case BB_ALIGN_END:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case BB_ALIGN_START:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }

  cairo_save (cr);
  /* Clipped only when even the smallest size does not fit: a clip for
   * every cell would make the PDF slow to write and to show. */
  if (text_height > height)
    {
      cairo_rectangle (cr, x, y, width, height);
      cairo_clip (cr);
    }
  if (middle && text_height < height)
    y += (height - text_height) / 2.0;
  if (weight == BB_WEIGHT_EMBOLDENED)
    x += EMBOLDEN_EM * size / 2;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  if (weight == BB_WEIGHT_EMBOLDENED)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_width (cr, EMBOLDEN_EM * size);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  return size;
}

/**
 * bb_print_rule_box:
 *
 * Strokes a rectangle as the standard's tables are ruled.
 */
void
bb_print_rule_box (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   line_width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * bb_print_rule_line:
 *
 * Strokes one straight rule, such as the line a signature goes on.
 */
void
bb_print_rule_line (cairo_t *cr,
                    double   x1,
                    double   y1,
                    double   x2,
                    double   y2,
                    double   line_width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * bb_print_cell:
 *
 * One ruled cell of a table: the box, and @text inside it with
 * %BB_PRINT_CELL_PADDING_PT on every side, shrunk rather than overflow
 * (see bb_print_text_in_box()).
 *
 * Returns: the size in points the text was drawn at
 */
double
bb_print_cell (cairo_t    *cr,
               const char *text,
               double      size_pt,
               BbWeight    weight,
               double      x,
               double      y,
               double      width,
               double      height,
               BbAlign     align,
               gboolean    middle)
{
  const double pad = BB_PRINT_CELL_PADDING_PT;

  g_return_val_if_fail (cr != NULL, 0);

  bb_print_rule_box (cr, x, y, width, height, 0.75);
  if (text == NULL || *text == '\0')
    return size_pt;
  return bb_print_text_in_box (cr, text, size_pt, weight, x + pad, y + pad,
                               MAX (1.0, width - 2 * pad), MAX (1.0, height - 2 * pad),
                               align, middle);
}

/**
 * bb_print_signature_line:
 * @label: what is signed, such as “服务人员（签字）：”
 * @value: (nullable): text printed on the line (a date), or %NULL to leave
 *   it blank for a hand-written signature
 * @y: the top of the line of text
 * @width: from @x to the end of the rule
 *
 * Draws @label and a rule after it, up to @x + @width, to sign on.
 */
void
bb_print_signature_line (cairo_t    *cr,
                         const char *label,
                         const char *value,
                         double      size_pt,
                         double      x,
                         double      y,
                         double      width)
{
  double label_width;
  double height = size_pt * 1.6;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (label != NULL);

  label_width = MIN (bb_print_text_width (cr, label, size_pt, BB_WEIGHT_REGULAR), width / 2);
  bb_print_text_in_box (cr, label, size_pt, BB_WEIGHT_REGULAR, x, y, label_width + 1, height,
                        BB_ALIGN_START, TRUE);
  if (value != NULL && *value != '\0')
    bb_print_text_in_box (cr, value, size_pt, BB_WEIGHT_REGULAR, x + label_width + 4, y,
                          width - label_width - 4, height, BB_ALIGN_START, TRUE);
  bb_print_rule_line (cr, x + label_width, y + height, x + width, y + height, 0.6);
}
