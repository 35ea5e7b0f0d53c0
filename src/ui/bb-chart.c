/* bb-chart.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart drawn with Cairo and Pango: vertical or horizontal bars (grouped
 * or stacked), a pie or donut, or lines, over plain data: category labels
 * and one or more named series of values. What a bar stands for is its
 * owner's business: the chart says which one was activated (series and
 * category), and the owner lists what it counts. There is no chart library for GTK 4 on the platform
 * (DESIGN.md), and what the charts page needs is small.
 *
 * The same code draws the widget (with the theme's colours, so that it is
 * right in dark mode), a PNG or PDF (bb_chart_render()) and a printed page
 * (bb_chart_render_for_print(): black on white). The widget remembers where
 * it drew each bar, point and slice, for hover tooltips with the exact
 * value and for the "activated" signal on a click.
 *
 * The widget is focusable: the arrow keys move a focus mark from bar to
 * bar (or slice, or point) in the order they are drawn, Home and End go to
 * the first and the last, and Enter or Space activate the one marked, as a
 * click does. Its accessible description says what is marked.
 */

#define G_LOG_DOMAIN "bb-chart"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bb-chart.h"

typedef struct
{
  char   *name;
  GArray *values;   /* double; NaN: no figure */
} Series;

typedef enum
{
  HIT_RECT,
  HIT_SECTOR,
  HIT_POINT,    /* a line's point: the rect around it */
} HitKind;

typedef struct
{
  HitKind kind;
  double  x, y, w, h;           /* rect */
  double  cx, cy, r0, r1, a0, a1; /* sector */
  guint   series;
  guint   category;
} Hit;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  gboolean paint_background;
} Palette;

typedef struct
{
  BbChart              *self;
  cairo_t              *cr;
  const Palette        *pal;
  GArray               *hits;    /* nullable */
  GPtrArray            *texts;
  PangoFontDescription *font;
} Ctx;

struct _BbChart
{
  GtkWidget      parent_instance;

  BbChartKind    kind;
  char          *title;
  BbChartFormat  format;
  gboolean       stacked;

  GPtrArray     *categories;  /* char * */
  GPtrArray     *series;      /* Series * */

  GArray        *hits;
  GPtrArray     *texts;
  int            hover_series;
  int            hover_category;
  int            focus_series;    /* the bar the keyboard marks, or -1 */
  int            focus_category;
};

G_DEFINE_FINAL_TYPE (BbChart, bb_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_FORMAT,
  PROP_STACKED,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define PAD 12.0

/* The GNOME palette: readable on light and dark backgrounds alike. */
static const char * const series_colors[] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#e66100", "#c01c28", "#9141ac", "#986a44", "#1c71d8",
  "#26a269", "#f5c211", "#ff7800", "#813d9c",
};

/* Helpers */

static void
series_free (Series *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
series_color (guint    index,
              GdkRGBA *color)
{
  gdk_rgba_parse (color, series_colors[index % G_N_ELEMENTS (series_colors)]);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static gboolean
is_round (BbChart *self)
{
  return self->kind == BB_CHART_PIE || self->kind == BB_CHART_DONUT;
}

static double
value_at (BbChart *self,
          guint    series,
          guint    category)
{
  Series *s;

  if (series >= self->series->len)
    return NAN;
  s = g_ptr_array_index (self->series, series);
  if (category >= s->values->len)
    return NAN;
  return g_array_index (s->values, double, category);
}

static void
palette_from_widget (BbChart *self,
                     Palette *pal,
                     gboolean paint_background)
{
  GtkStyleContext *context;

  /* Outside a window there is no theme to follow: black on white. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      gdk_rgba_parse (&pal->fg, "#000000");
      gdk_rgba_parse (&pal->bg, "#ffffff");
      pal->paint_background = paint_background;
      return;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &pal->fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &pal->bg))
    {
      double luminance = 0.3 * pal->fg.red + 0.59 * pal->fg.green + 0.11 * pal->fg.blue;

      gdk_rgba_parse (&pal->bg, luminance > 0.5 ? "#1e1e1e" : "#ffffff");
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  pal->paint_background = paint_background;
}

static void
palette_for_print (Palette *pal)
{
  gdk_rgba_parse (&pal->fg, "#000000");
  gdk_rgba_parse (&pal->bg, "#ffffff");
  pal->paint_background = TRUE;
}

/* A tick step of 1, 2 or 5 times a power of ten. */
static double
nice_step (double max,
           int    ticks)
{
  double raw = max / ticks;
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static char *
format_tick (BbChart *self,
             double   value)
{
  if (self->format == BB_CHART_FORMAT_PERCENT)
    return g_strdup_printf ("%.0f%%", value * 100);
  if (self->format == BB_CHART_FORMAT_DAYS || fabs (value - round (value)) > 1e-9)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.0f", value);
}

/* Text */

static PangoLayout *
make_layout (Ctx        *ctx,
             const char *text,
             gboolean    bold,
             double      scale)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (ctx->font);

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (scale != 1.0)
    {
      int size = pango_font_description_get_size (font);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (Ctx        *ctx,
           const char *text,
           double      scale,
           double     *width,
           double     *height)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, FALSE, scale);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Draws @text with its anchor at (@x, @y): @xalign and @yalign 0 (left,
 * top) to 1 (right, bottom); at most @max_width wide (ellipsized) when
 * positive. */
static void
draw_text (Ctx           *ctx,
           const char    *text,
           double         x,
           double         y,
           double         xalign,
           double         yalign,
           double         max_width,
           const GdkRGBA *color,
           double         alpha,
           gboolean       bold,
           double         scale)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, bold, scale);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (ctx->cr);
  set_source (ctx->cr, color, alpha);
  cairo_move_to (ctx->cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (ctx->cr, layout);
  cairo_restore (ctx->cr);
  g_ptr_array_add (ctx->texts, g_strdup (text));
}

static void
add_rect_hit (Ctx    *ctx,
              double  x,
              double  y,
              double  w,
              double  h,
              guint   series,
              guint   category)
{
  Hit hit = { HIT_RECT, x, y, w, h, 0, 0, 0, 0, 0, 0, series, category };

  if (ctx->hits != NULL)
    g_array_append_val (ctx->hits, hit);
}

static gboolean
hovered (Ctx   *ctx,
         guint  series,
         guint  category)
{
  /* Only the widget shows the hover. */
  return ctx->hits != NULL && ctx->self->hover_category == (int) category &&
         ctx->self->hover_series == (int) series;
}

/* The legend */

typedef struct
{
  const char *text;
  guint       color;
} LegendItem;

static GArray *
legend_items (BbChart *self)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (LegendItem));

  if (is_round (self))
    {
      for (guint i = 0; i < self->categories->len; i++)
        {
          LegendItem item = { g_ptr_array_index (self->categories, i), i };

          g_array_append_val (items, item);
        }
    }
  else
    {
      for (guint i = 0; i < self->series->len; i++)
        {
          Series *s = g_ptr_array_index (self->series, i);
          LegendItem item = { s->name, i };

          if (s->name != NULL && *s->name != '\0')
            g_array_append_val (items, item);
        }
    }
  return items;
}

/* Lays the legend out in rows across @width from the bottom; returns the
 * height it takes (and draws it when @draw). */
static double
legend_rows (Ctx    *ctx,
             GArray *items,
             double  x0,
             double  bottom,
             double  width,
             gboolean draw)
{
  double line_h, swatch;
  double x = x0, rows = 1, y;

  if (items->len == 0)
    return 0;
  text_size (ctx, "Ag", 0.9, NULL, &line_h);
  swatch = line_h * 0.7;
  /* First pass: count the rows. */
  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      double w;

      text_size (ctx, item->text, 0.9, &w, NULL);
      w = MIN (w, width - swatch - 6) + swatch + 6 + 16;
      if (x > x0 && x + w > x0 + width)
        {
          rows++;
          x = x0;
        }
      x += w;
    }
  if (!draw)
    return rows * (line_h + 4);

  x = x0;
  y = bottom - rows * (line_h + 4);
  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      GdkRGBA color;
      double w, tw;

      text_size (ctx, item->text, 0.9, &tw, NULL);
      tw = MIN (tw, width - swatch - 6);
      w = tw + swatch + 6 + 16;
      if (x > x0 && x + w > x0 + width)
        {
          y += line_h + 4;
          x = x0;
        }
      series_color (item->color, &color);
      set_source (ctx->cr, &color, 1);
      cairo_rectangle (ctx->cr, x, y + (line_h - swatch) / 2, swatch, swatch);
      cairo_fill (ctx->cr);
      draw_text (ctx, item->text, x + swatch + 6, y, 0, 0, tw + 1, &ctx->pal->fg, 0.85, FALSE,
                 0.9);
      x += w;
    }
  return rows * (line_h + 4);
}

/* Bars and lines */

static void
value_range (BbChart *self,
             double  *max)
{
  double m = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double sum = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = value_at (self, s, c);

          if (isnan (v) || v < 0)
            continue;
          if (self->stacked && self->kind != BB_CHART_LINE)
            sum += v;
          else
            m = MAX (m, v);
        }
      m = MAX (m, sum);
    }
  if (self->format == BB_CHART_FORMAT_PERCENT && m <= 1)
    m = 1;
  if (m <= 0)
    m = 1;
  *max = m;
}

static void
draw_axes_chart (Ctx    *ctx,
                 double  x0,
                 double  y0,
                 double  width,
                 double  height)
{
  BbChart *self = ctx->self;
  cairo_t *cr = ctx->cr;
  gboolean horizontal = self->kind == BB_CHART_HBAR;
  guint n = self->categories->len;
  guint ns = self->series->len;
  double max, step, top, line_h, label_w = 0, plot_x, plot_y, plot_w, plot_h;
  int ticks;

  value_range (self, &max);
  if (self->format == BB_CHART_FORMAT_PERCENT && max <= 1)
    step = 0.25;
  else if (self->format == BB_CHART_FORMAT_COUNT && max < 4)
    step = 1;
  else
    step = nice_step (max, 4);
  ticks = (int) ceil (max / step - 1e-9);
  top = ticks * step;
  text_size (ctx, "Ag", 0.85, NULL, &line_h);

  if (!horizontal)
    {
      for (int t = 0; t <= ticks; t++)
        {
          g_autofree char *tick = format_tick (self, t * step);
          double w;

          text_size (ctx, tick, 0.85, &w, NULL);
          label_w = MAX (label_w, w);
        }
      plot_x = x0 + label_w + 6;
      plot_y = y0 + line_h / 2;
      plot_w = MAX (1, width - (plot_x - x0));
      plot_h = MAX (1, height - line_h - 6 - line_h / 2);
    }
  else
    {
      for (guint c = 0; c < n; c++)
        {
          double w;

          text_size (ctx, g_ptr_array_index (self->categories, c), 0.85, &w, NULL);
          label_w = MAX (label_w, w);
        }
      label_w = MIN (label_w, width * 0.35);
      plot_x = x0 + label_w + 8;
      plot_y = y0;
      plot_w = MAX (1, width - (plot_x - x0) - 12);
      plot_h = MAX (1, height - line_h - 6);
    }

  /* Grid and value axis */
  cairo_set_line_width (cr, 1);
  for (int t = 0; t <= ticks; t++)
    {
      g_autofree char *tick = format_tick (self, t * step);
      double f = (t * step) / top;

      set_source (cr, &ctx->pal->fg, t == 0 ? 0.5 : 0.12);
      if (!horizontal)
        {
          double y = round (plot_y + plot_h - f * plot_h) + 0.5;

          cairo_move_to (cr, plot_x, y);
          cairo_line_to (cr, plot_x + plot_w, y);
          cairo_stroke (cr);
          draw_text (ctx, tick, plot_x - 6, y, 1, 0.5, 0, &ctx->pal->fg, 0.7, FALSE, 0.85);
        }
      else
        {
          double x = round (plot_x + f * plot_w) + 0.5;

          cairo_move_to (cr, x, plot_y);
          cairo_line_to (cr, x, plot_y + plot_h);
          cairo_stroke (cr);
          draw_text (ctx, tick, x, plot_y + plot_h + 4, 0.5, 0, 0, &ctx->pal->fg, 0.7, FALSE,
                     0.85);
        }
    }

  if (n == 0)
    return;

  /* Category labels, every k-th when they do not fit. */
  {
    double band = (horizontal ? plot_h : plot_w) / n;
    double need = horizontal ? line_h : 0;
    guint every = 1;

    if (!horizontal)
      {
        for (guint c = 0; c < n; c++)
          {
            double w;

            text_size (ctx, g_ptr_array_index (self->categories, c), 0.85, &w, NULL);
            need = MAX (need, MIN (w, 6 * line_h));
          }
        need += 6;
      }
    while (band * every < need && every < n)
      every++;
    for (guint c = 0; c < n; c += every)
      {
        const char *label = g_ptr_array_index (self->categories, c);

        if (!horizontal)
          draw_text (ctx, label, plot_x + (c + 0.5) * band, plot_y + plot_h + 6, 0.5, 0,
                     band * every - 4, &ctx->pal->fg, 0.85, FALSE, 0.85);
        else
          draw_text (ctx, label, plot_x - 8, plot_y + (c + 0.5) * band, 1, 0.5, label_w,
                     &ctx->pal->fg, 0.85, FALSE, 0.85);
      }
  }

  if (self->kind == BB_CHART_LINE)
    {
      double band = plot_w / n;

      for (guint s = 0; s < ns; s++)
        {
          GdkRGBA color;
          gboolean pen_down = FALSE;

          series_color (s, &color);
          set_source (cr, &color, 1);
          cairo_set_line_width (cr, 2.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          for (guint c = 0; c < n; c++)
            {
              double v = value_at (self, s, c);
              double x = plot_x + (c + 0.5) * band;
              double y;

              if (isnan (v))
                {
                  pen_down = FALSE;
                  continue;
                }
              y = plot_y + plot_h - v / top * plot_h;
              if (pen_down)
                cairo_line_to (cr, x, y);
              else
                cairo_move_to (cr, x, y);
              pen_down = TRUE;
            }
          cairo_stroke (cr);
          for (guint c = 0; c < n; c++)
            {
              double v = value_at (self, s, c);
              double x = plot_x + (c + 0.5) * band;
              double y, r;

              if (isnan (v))
                continue;
              y = plot_y + plot_h - v / top * plot_h;
              r = hovered (ctx, s, c) ? 6 : 4;
              cairo_arc (cr, x, y, r, 0, 2 * G_PI);
              set_source (cr, &color, 1);
              cairo_fill (cr);
              if (ctx->hits != NULL)
                {
                  Hit hit = { HIT_POINT, x - MAX (8, band / 2), y - 10, 2 * MAX (8, band / 2), 20,
                              x, y, 0, 0, 0, 0, s, c };

                  g_array_append_val (ctx->hits, hit);
                }
            }
        }
      return;
    }

  /* Bars */
  {
    double band = (horizontal ? plot_h : plot_w) / n;
    double group = band * 0.72;
    double bar = (self->stacked || ns == 0) ? group : group / ns;

    for (guint c = 0; c < n; c++)
      {
        double base = 0;
        double start = (horizontal ? plot_y : plot_x) + c * band + (band - group) / 2;

        for (guint s = 0; s < ns; s++)
          {
            double v = value_at (self, s, c);
            double along = self->stacked ? start : start + s * bar;
            double from, len, bx, by, bw, bh;
            GdkRGBA color;

            if (isnan (v) || v <= 0)
              continue;
            from = base / top;
            len = v / top;
            if (self->stacked)
              base += v;
            if (!horizontal)
              {
                bx = along;
                bw = bar;
                bh = len * plot_h;
                by = plot_y + plot_h - from * plot_h - bh;
              }
            else
              {
                by = along;
                bh = bar;
                bx = plot_x + from * plot_w;
                bw = len * plot_w;
              }
            series_color (s, &color);
            set_source (cr, &color, hovered (ctx, s, c) ? 0.7 : 1);
            cairo_rectangle (cr, bx, by, bw, bh);
            cairo_fill (cr);
            add_rect_hit (ctx, bx, by, bw, bh, s, c);

            /* The exact figure beside a bar when there is room. */
            if (!self->stacked)
              {
                g_autofree char *text = bb_chart_format_value (self, v);
                double tw, th;

                text_size (ctx, text, 0.75, &tw, &th);
                if (!horizontal && tw <= bar + 8 && by - th - 1 >= y0)
                  draw_text (ctx, text, bx + bw / 2, by - 1, 0.5, 1, 0, &ctx->pal->fg, 0.8,
                             FALSE, 0.75);
                else if (horizontal && th <= bar + 4 && bx + bw + 4 + tw <= x0 + width)
                  draw_text (ctx, text, bx + bw + 4, by + bh / 2, 0, 0.5, 0, &ctx->pal->fg,
                             0.8, FALSE, 0.75);
              }
          }
      }
  }
}

/* Pies */

static void
draw_pie (Ctx    *ctx,
          double  x0,
          double  y0,
          double  width,
          double  height)
{
  BbChart *self = ctx->self;
  cairo_t *cr = ctx->cr;
  double total = 0, angle = -G_PI / 2;
  double cx = x0 + width / 2, cy = y0 + height / 2;
  double r = MAX (4, MIN (width, height) / 2 - 4);
  double r0 = self->kind == BB_CHART_DONUT ? r * 0.58 : 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double v = value_at (self, 0, c);

      if (!isnan (v) && v > 0)
        total += v;
    }
  if (total <= 0)
    return;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double v = value_at (self, 0, c);
      double sweep;
      GdkRGBA color;
      gboolean hover;

      if (isnan (v) || v <= 0)
        continue;
      sweep = v / total * 2 * G_PI;
      hover = hovered (ctx, 0, c);
      series_color (c, &color);
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, hover ? r + 3 : r, angle, angle + sweep);
      if (r0 > 0)
        cairo_arc_negative (cr, cx, cy, r0, angle + sweep, angle);
      else
        cairo_line_to (cr, cx, cy);
      cairo_close_path (cr);
      set_source (cr, &color, 1);
      cairo_fill_preserve (cr);
      /* A thin gap between slices, in the background colour. */
      cairo_set_line_width (cr, 1.5);
      set_source (cr, &ctx->pal->bg, ctx->pal->paint_background ? 1 : 0.9);
      cairo_stroke (cr);
      if (ctx->hits != NULL)
        {
          Hit hit = { HIT_SECTOR, 0, 0, 0, 0, cx, cy, r0, r + 3, angle, angle + sweep, 0, c };

          g_array_append_val (ctx->hits, hit);
        }
      angle += sweep;
    }

  if (r0 > 0)
    {
      g_autofree char *text = bb_chart_format_value (self, total);

      draw_text (ctx, text, cx, cy, 0.5, 0.5, r0 * 1.8, &ctx->pal->fg, 1, TRUE, 1.3);
    }
}

/* The keyboard's mark around the focused bar, point or slice. */
static void
draw_focus_mark (Ctx *ctx)
{
  BbChart *self = ctx->self;
  cairo_t *cr = ctx->cr;

  if (ctx->hits == NULL || self->focus_category < 0 ||
      !gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return;

  for (guint i = 0; i < ctx->hits->len; i++)
    {
      const Hit *hit = &g_array_index (ctx->hits, Hit, i);

      if ((int) hit->series != self->focus_series || (int) hit->category != self->focus_category)
        continue;
      cairo_save (cr);
      cairo_new_path (cr);
      switch (hit->kind)
        {
        case HIT_RECT:
          cairo_rectangle (cr, hit->x - 3, hit->y - 3, hit->w + 6, hit->h + 6);
          break;
        case HIT_POINT:
          cairo_arc (cr, hit->cx, hit->cy, 9, 0, 2 * G_PI);
          break;
        case HIT_SECTOR:
        default:
          cairo_arc (cr, hit->cx, hit->cy, hit->r1 + 2, hit->a0, hit->a1);
          if (hit->r0 > 0)
            cairo_arc_negative (cr, hit->cx, hit->cy, MAX (0, hit->r0 - 3), hit->a1, hit->a0);
          else
            cairo_line_to (cr, hit->cx, hit->cy);
          cairo_close_path (cr);
          break;
        }
      /* A line in the text colour over a halo in the background's: visible
       * on any bar colour, in light and dark styles. */
      cairo_set_line_width (cr, 5);
      set_source (cr, &ctx->pal->bg, 1);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2);
      set_source (cr, &ctx->pal->fg, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    }
}

static void
render (BbChart       *self,
        cairo_t       *cr,
        int            width,
        int            height,
        const Palette *pal,
        GArray        *hits)
{
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autoptr(GArray) legend = legend_items (self);
  Ctx ctx = { self, cr, pal, hits, NULL, NULL };
  double x0 = PAD, y0 = PAD, w = width - 2 * PAD, h = height - 2 * PAD;
  gboolean has_data = FALSE;

  g_ptr_array_set_size (self->texts, 0);
  ctx.texts = self->texts;
  ctx.font = pango_font_description_copy (pango_context_get_font_description (pango));
  if (hits != NULL)
    g_array_set_size (hits, 0);

  cairo_save (cr);
  if (pal->paint_background)
    {
      set_source (cr, &pal->bg, 1);
      cairo_paint (cr);
    }

  if (self->title != NULL && *self->title != '\0')
    {
      double th;

      text_size (&ctx, self->title, 1.0, NULL, &th);
      draw_text (&ctx, self->title, x0, y0, 0, 0, w, &pal->fg, 1, TRUE, 1.0);
      y0 += th + 8;
      h -= th + 8;
    }

  for (guint s = 0; s < self->series->len && !has_data; s++)
    for (guint c = 0; c < self->categories->len && !has_data; c++)
      {
        double v = value_at (self, s, c);

        has_data = !isnan (v) && v > 0;
      }

  if (!has_data)
    {
      draw_text (&ctx, _("No data for this period"), x0 + w / 2, y0 + h / 2, 0.5, 0.5, w,
                 &pal->fg, 0.55, FALSE, 1.0);
    }
  else if (is_round (self))
    {
      /* The legend beside the pie when wide, under it otherwise; each entry
       * with its value and share. */
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      double total = 0, legend_w = 0, line_h;

      for (guint c = 0; c < self->categories->len; c++)
        {
          double v = value_at (self, 0, c);

          if (!isnan (v) && v > 0)
            total += v;
        }
      for (guint c = 0; c < legend->len; c++)
        {
          LegendItem *item = &g_array_index (legend, LegendItem, c);
          double v = value_at (self, 0, c);
          g_autofree char *value = bb_chart_format_value (self, isnan (v) ? 0 : v);
          /* Translators: a pie chart's legend entry: label, value, share */
          char *text = g_strdup_printf (_("%s  %s (%.1f%%)"), item->text, value,
                                        total > 0 && !isnan (v) ? v / total * 100 : 0.0);
          double tw;

          g_ptr_array_add (labels, text);
          item->text = text;
          text_size (&ctx, text, 0.9, &tw, NULL);
          legend_w = MAX (legend_w, tw);
        }
      text_size (&ctx, "Ag", 0.9, NULL, &line_h);
      legend_w += line_h + 6;
      if (w - legend_w - 16 >= MIN (h, 120))
        {
          double lx = x0 + w - legend_w;
          double ly = y0 + MAX (0, (h - legend->len * (line_h + 6)) / 2);

          legend_w = MIN (legend_w, w * 0.6);
          lx = x0 + w - legend_w;
          for (guint c = 0; c < legend->len; c++)
            {
              LegendItem *item = &g_array_index (legend, LegendItem, c);
              double swatch = line_h * 0.7;
              GdkRGBA color;

              series_color (item->color, &color);
              set_source (cr, &color, 1);
              cairo_rectangle (cr, lx, ly + (line_h - swatch) / 2, swatch, swatch);
              cairo_fill (cr);
              draw_text (&ctx, item->text, lx + swatch + 6, ly, 0, 0, legend_w - swatch - 6,
                         &pal->fg, 0.85, FALSE, 0.9);
              ly += line_h + 6;
            }
          draw_pie (&ctx, x0, y0, w - legend_w - 16, h);
        }
      else
        {
          double lh = legend_rows (&ctx, legend, x0, y0 + h, w, FALSE);

          legend_rows (&ctx, legend, x0, y0 + h, w, TRUE);
          draw_pie (&ctx, x0, y0, w, h - lh - 8);
        }
    }
  else
    {
      double lh = legend_rows (&ctx, legend, x0, y0 + h, w, FALSE);

      legend_rows (&ctx, legend, x0, y0 + h, w, TRUE);
      draw_axes_chart (&ctx, x0, y0, w, h - lh - (lh > 0 ? 8 : 0));
    }

  if (has_data)
    draw_focus_mark (&ctx);
  cairo_restore (cr);
  pango_font_description_free (ctx.font);
}

/* Signal callbacks */

static void
set_hover (BbChart *self,
           int      series,
           int      category)
{
  if (self->hover_series == series && self->hover_category == category)
    return;
  self->hover_series = series;
  self->hover_category = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BbChart                  *self)
{
  guint series, category;

  if (bb_chart_hit (self, x, y, &series, &category))
    set_hover (self, series, category);
  else
    set_hover (self, -1, -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          BbChart                  *self)
{
  set_hover (self, -1, -1);
}

/* Whether a bar, point or slice is drawn for the value: what the keyboard
 * can move to, as a click can. */
static gboolean
item_drawn (BbChart *self,
            guint    series,
            guint    category)
{
  double v = value_at (self, series, category);

  if (is_round (self))
    return series == 0 && !isnan (v) && v > 0;
  if (self->kind == BB_CHART_LINE)
    return !isnan (v);
  return !isnan (v) && v > 0;
}

static void
update_description (BbChart *self)
{
  g_autofree char *text = NULL;

  if (self->focus_category >= 0)
    {
      g_autofree char *item = bb_chart_describe (self, self->focus_series, self->focus_category);

      g_strdelimit (item, "\n", ' ');
      /* Translators: a chart's accessible description: the bar marked, then
       * how to use the keyboard */
      text = g_strdup_printf (_("%s. Arrow keys move to another bar, Enter lists what it counts."),
                              item);
    }
  else
    text = g_strdup (_("Arrow keys move from bar to bar, Enter lists what a bar counts."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
set_focus_item (BbChart *self,
                int      series,
                int      category)
{
  if (self->focus_series == series && self->focus_category == category)
    return;
  self->focus_series = series;
  self->focus_category = category;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the mark @step items on (in the order drawn: category by category,
 * series by series); to the first or last with G_MININT or G_MAXINT. */
static gboolean
move_focus (BbChart *self,
            int      step)
{
  int ns = (int) self->series->len;
  int n = (int) self->categories->len * ns;
  int at;

  if (n == 0)
    return FALSE;
  if (step == G_MININT)
    {
      at = -1;
      step = 1;
    }
  else if (step == G_MAXINT)
    {
      at = n;
      step = -1;
    }
  else if (self->focus_category < 0)
    at = step > 0 ? -1 : n;
  else
    at = self->focus_category * ns + self->focus_series;

  for (int i = at + step; i >= 0 && i < n; i += step)
    {
      if (item_drawn (self, i % ns, i / ns))
        {
          set_focus_item (self, i % ns, i / ns);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
move_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  BbChart *self = BB_CHART (widget);

  move_focus (self, g_variant_get_int32 (args));
  /* Handled even at either end: the arrows do not leave the chart. */
  return TRUE;
}

static gboolean
activate_binding_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  BbChart *self = BB_CHART (widget);

  if (self->focus_category < 0 && !move_focus (self, 1))
    return FALSE;
  bb_chart_activate (self, self->focus_series, self->focus_category);
  return TRUE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                BbChart                 *self)
{
  if (self->focus_category < 0 ||
      !item_drawn (self, self->focus_series, self->focus_category))
    {
      set_focus_item (self, -1, -1);
      move_focus (self, 1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BbChart                 *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             BbChart         *self)
{
  guint series, category;

  if (!bb_chart_hit (self, x, y, &series, &category))
    return;
  set_focus_item (self, series, category);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  bb_chart_activate (self, series, category);
}

static gboolean
query_tooltip_cb (BbChart    *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  guint series, category;
  g_autofree char *text = NULL;

  if (keyboard && self->focus_category >= 0)
    {
      series = self->focus_series;
      category = self->focus_category;
    }
  else if (keyboard || !bb_chart_hit (self, x, y, &series, &category))
    return FALSE;
  text = bb_chart_describe (self, series, category);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dark_changed_cb (BbChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Overrides */

static void
bb_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  BbChart *self = BB_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bb_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
bb_chart_state_flags_changed (GtkWidget     *widget,
                              GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (bb_chart_parent_class)->state_flags_changed (widget, previous);
  /* The mark shows only while the focus is visible. */
  if ((previous ^ gtk_widget_get_state_flags (widget)) &
      (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    gtk_widget_queue_draw (widget);
}

static void
bb_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 140;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 420 : 260;
}

static void
bb_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BbChart *self = BB_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FORMAT:
      g_value_set_int (value, self->format);
      break;
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BbChart *self = BB_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      bb_chart_set_kind (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      bb_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_FORMAT:
      bb_chart_set_format (self, g_value_get_int (value));
      break;
    case PROP_STACKED:
      bb_chart_set_stacked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_chart_finalize (GObject *object)
{
  BbChart *self = BB_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_chart_parent_class)->finalize (object);
}

static void
bb_chart_class_init (BbChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bb_chart_get_property;
  object_class->set_property = bb_chart_set_property;
  object_class->finalize = bb_chart_finalize;
  widget_class->snapshot = bb_chart_snapshot;
  widget_class->measure = bb_chart_measure;
  widget_class->state_flags_changed = bb_chart_state_flags_changed;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, BB_CHART_BAR, BB_CHART_LINE, BB_CHART_BAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL, BB_CHART_FORMAT_COUNT, BB_CHART_FORMAT_DAYS,
                      BB_CHART_FORMAT_COUNT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbChart::activated:
   * @series: the series of the bar or point (0 for a slice)
   * @category: the category (bar group, point column or slice)
   *
   * A bar, point or slice was clicked, or activated with Enter or Space.
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT,
                                     G_TYPE_UINT);

  {
    static const struct { guint keyval; int step; } moves[] = {
      { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 }, { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 },
      { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 }, { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 },
      { GDK_KEY_Home, G_MININT }, { GDK_KEY_KP_Home, G_MININT },
      { GDK_KEY_End, G_MAXINT }, { GDK_KEY_KP_End, G_MAXINT },
    };
    static const guint activates[] = {
      GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space,
    };

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      gtk_widget_class_add_binding (widget_class, moves[i].keyval, 0, move_binding_cb, "i",
                                    moves[i].step);
    for (guint i = 0; i < G_N_ELEMENTS (activates); i++)
      gtk_widget_class_add_binding (widget_class, activates[i], 0, activate_binding_cb, NULL);
  }

  gtk_widget_class_set_css_name (widget_class, "bbchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bb_chart_init (BbChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->hover_series = -1;
  self->hover_category = -1;
  self->focus_series = -1;
  self->focus_category = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  update_description (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
bb_chart_new (BbChartKind kind)
{
  return g_object_new (BB_TYPE_CHART, "kind", kind, NULL);
}

BbChartKind
bb_chart_get_kind (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), BB_CHART_BAR);
  return self->kind;
}

void
bb_chart_set_kind (BbChart     *self,
                   BbChartKind  kind)
{
  g_return_if_fail (BB_IS_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
bb_chart_get_title (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), NULL);
  return self->title;
}

void
bb_chart_set_title (BbChart    *self,
                    const char *title)
{
  g_return_if_fail (BB_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

BbChartFormat
bb_chart_get_format (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), BB_CHART_FORMAT_COUNT);
  return self->format;
}

void
bb_chart_set_format (BbChart       *self,
                     BbChartFormat  format)
{
  g_return_if_fail (BB_IS_CHART (self));

  if (self->format == format)
    return;
  self->format = format;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

gboolean
bb_chart_get_stacked (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), FALSE);
  return self->stacked;
}

void
bb_chart_set_stacked (BbChart  *self,
                      gboolean  stacked)
{
  g_return_if_fail (BB_IS_CHART (self));

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;
  self->stacked = stacked;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

/**
 * bb_chart_clear:
 *
 * Forgets the categories and the series.
 */
void
bb_chart_clear (BbChart *self)
{
  g_return_if_fail (BB_IS_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  g_array_set_size (self->hits, 0);
  self->hover_series = self->hover_category = -1;
  set_focus_item (self, -1, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bb_chart_set_categories:
 * @labels: (array zero-terminated=1): the categories' labels, in order
 */
void
bb_chart_set_categories (BbChart            *self,
                         const char * const *labels)
{
  g_return_if_fail (BB_IS_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i]));
  set_focus_item (self, -1, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bb_chart_add_series:
 * @name: (nullable): the series' name, for the legend and tooltips
 * @values: (array length=n_values): one value per category; NaN for none
 *
 * Returns: the series' index
 */
guint
bb_chart_add_series (BbChart      *self,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  Series *series;

  g_return_val_if_fail (BB_IS_CHART (self), 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (self->series, series);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->series->len - 1;
}

guint
bb_chart_get_n_categories (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), 0);
  return self->categories->len;
}

guint
bb_chart_get_n_series (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), 0);
  return self->series->len;
}

const char *
bb_chart_get_category (BbChart *self,
                       guint    category)
{
  g_return_val_if_fail (BB_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, category);
}

double
bb_chart_get_value (BbChart *self,
                    guint    series,
                    guint    category)
{
  g_return_val_if_fail (BB_IS_CHART (self), NAN);
  return value_at (self, series, category);
}

/**
 * bb_chart_format_value:
 *
 * Returns: @value as the chart shows it (a count, a percentage, days)
 */
char *
bb_chart_format_value (BbChart *self,
                       double   value)
{
  g_return_val_if_fail (BB_IS_CHART (self), NULL);

  if (isnan (value))
    /* Translators: a chart's value where nothing was counted */
    return g_strdup (_("no data"));
  switch (self->format)
    {
    case BB_CHART_FORMAT_PERCENT:
      return g_strdup_printf ("%.1f%%", value * 100);
    case BB_CHART_FORMAT_DAYS:
      /* Translators: an average handling time in a chart */
      return g_strdup_printf (_("%.1f working days"), value);
    case BB_CHART_FORMAT_COUNT:
    default:
      return g_strdup_printf ("%.0f", value);
    }
}

/**
 * bb_chart_hit:
 * @x, @y: a point in the widget
 *
 * Finds the bar, point or slice drawn at a point of the widget as it was
 * last drawn.
 */
gboolean
bb_chart_hit (BbChart *self,
              double   x,
              double   y,
              guint   *series,
              guint   *category)
{
  g_return_val_if_fail (BB_IS_CHART (self), FALSE);

  for (guint i = self->hits->len; i-- > 0;)
    {
      const Hit *hit = &g_array_index (self->hits, Hit, i);
      gboolean inside;

      if (hit->kind == HIT_RECT)
        inside = x >= hit->x && x < hit->x + hit->w && y >= hit->y && y < hit->y + hit->h;
      else
        {
          double dx = x - hit->cx, dy = y - hit->cy;
          double r = sqrt (dx * dx + dy * dy);
          double a = atan2 (dy, dx);

          while (a < hit->a0)
            a += 2 * G_PI;
          inside = r >= hit->r0 && r <= hit->r1 && a <= hit->a1;
        }
      if (inside)
        {
          if (series != NULL)
            *series = hit->series;
          if (category != NULL)
            *category = hit->category;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_chart_describe:
 *
 * Returns: the tooltip's text for a bar, point or slice: its category,
 *   series and exact value
 */
char *
bb_chart_describe (BbChart *self,
                   guint    series,
                   guint    category)
{
  g_autofree char *value = NULL;
  const char *label;
  Series *s;

  g_return_val_if_fail (BB_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  s = g_ptr_array_index (self->series, series);
  label = g_ptr_array_index (self->categories, category);
  value = bb_chart_format_value (self, value_at (self, series, category));
  if (is_round (self))
    {
      double total = 0, v = value_at (self, 0, category);

      for (guint c = 0; c < self->categories->len; c++)
        {
          double x = value_at (self, 0, c);

          if (!isnan (x) && x > 0)
            total += x;
        }
      /* Translators: a slice's tooltip: label, value, share */
      return g_strdup_printf (_("%s: %s (%.1f%%)"), label, value,
                              total > 0 && !isnan (v) ? v / total * 100 : 0.0);
    }
  if (s->name != NULL && *s->name != '\0')
    /* Translators: a bar's tooltip: category, then series: value */
    return g_strdup_printf (_("%s\n%s: %s"), label, s->name, value);
  /* Translators: a bar's tooltip: category: value */
  return g_strdup_printf (_("%s: %s"), label, value);
}

/**
 * bb_chart_activate:
 * @series: the series of the bar or point (0 for a slice)
 * @category: its category
 *
 * Emits #BbChart::activated, as a click on the bar does.
 */
void
bb_chart_activate (BbChart *self,
                   guint    series,
                   guint    category)
{
  g_return_if_fail (BB_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);

  g_signal_emit (self, signals[ACTIVATED], 0, series, category);
}

/**
 * bb_chart_get_focus_item:
 * @series: (out) (optional): the series of the bar the keyboard marks
 * @category: (out) (optional): its category
 *
 * Returns: whether a bar, point or slice is marked
 */
gboolean
bb_chart_get_focus_item (BbChart *self,
                         guint   *series,
                         guint   *category)
{
  g_return_val_if_fail (BB_IS_CHART (self), FALSE);

  if (self->focus_category < 0)
    return FALSE;
  if (series != NULL)
    *series = self->focus_series;
  if (category != NULL)
    *category = self->focus_category;
  return TRUE;
}

/**
 * bb_chart_draw:
 * @cr: where to draw, with (0, 0) the chart's top left
 *
 * Draws the chart as the widget does on screen (the theme's colours, no
 * background, the keyboard's mark) and remembers where each bar went, for
 * clicks and tooltips. The widget's snapshot calls this; so does the
 * benchmark.
 */
void
bb_chart_draw (BbChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  Palette pal;

  g_return_if_fail (BB_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette_from_widget (self, &pal, FALSE);
  render (self, cr, width, height, &pal, self->hits);
}

/**
 * bb_chart_render:
 * @cr: where to draw, with (0, 0) the chart's top left
 *
 * Draws the chart, background included, with the widget's theme colours
 * (for a PNG of what is on screen).
 */
void
bb_chart_render (BbChart *self,
                 cairo_t *cr,
                 int      width,
                 int      height)
{
  Palette pal;

  g_return_if_fail (BB_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette_from_widget (self, &pal, TRUE);
  render (self, cr, width, height, &pal, NULL);
}

/**
 * bb_chart_render_for_print:
 *
 * Draws the chart black on white, whatever the theme (for paper and PDF).
 */
void
bb_chart_render_for_print (BbChart *self,
                           cairo_t *cr,
                           int      width,
                           int      height)
{
  Palette pal;

  g_return_if_fail (BB_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette_for_print (&pal);
  render (self, cr, width, height, &pal, NULL);
}

/**
 * bb_chart_get_drawn_texts:
 *
 * Returns: (transfer full): every text the last drawing showed (title,
 *   axis labels, legend), in the order drawn
 */
GStrv
bb_chart_get_drawn_texts (BbChart *self)
{
  GStrvBuilder *builder;
  GStrv texts;

  g_return_val_if_fail (BB_IS_CHART (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->texts->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->texts, i));
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return texts;
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * bb_chart_write_png:
 *
 * Writes the chart, as on screen, to a PNG file of @width × @height pixels.
 */
gboolean
bb_chart_write_png (BbChart     *self,
                    const char  *path,
                    int          width,
                    int          height,
                    GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (BB_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  bb_chart_render (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  return check_cairo (status, path, error);
}

/**
 * bb_chart_write_pdf:
 *
 * Writes the chart black on white to a one-page PDF of the given size in
 * points.
 */
gboolean
bb_chart_write_pdf (BbChart     *self,
                    const char  *path,
                    double       width_pt,
                    double       height_pt,
                    GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (BB_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width_pt, height_pt);
  cr = cairo_create (surface);
  bb_chart_render_for_print (self, cr, (int) width_pt, (int) height_pt);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_cairo (status, path, error);
}
