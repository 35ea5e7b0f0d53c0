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

double
bb_mm_to_pt (double mm)
{
  return mm * 72.0 / 25.4;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size_pt,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (BB_PRINT_FONT_FAMILY);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics must not depend on the screen's hinting: the same layout on the
   * preview and on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
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
                      gboolean    bold,
                      double      width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size_pt, bold, width);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
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
                      gboolean    bold,
                      double      x,
                      double      y,
                      double      width,
                      double      height,
                      BbAlign     align,
                      gboolean    middle)
{
  g_autoptr(PangoLayout) layout = NULL;
  double size = size_pt;
  int text_height;

  g_return_val_if_fail (cr != NULL, 0);

  for (;;)
    {
      g_clear_object (&layout);
      layout = make_layout (cr, text, size, bold, width);
      pango_layout_get_size (layout, NULL, &text_height);
      if ((double) text_height / PANGO_SCALE <= height || size <= MIN_SIZE_PT)
        break;
      size = MAX (MIN_SIZE_PT, size - 0.5);
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
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (middle && (double) text_height / PANGO_SCALE < height)
    y += (height - (double) text_height / PANGO_SCALE) / 2.0;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
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
