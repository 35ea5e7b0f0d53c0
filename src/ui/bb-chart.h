/* bb-chart.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * BbChartKind:
 * @BB_CHART_BAR: vertical bars, one group (or stack) per category
 * @BB_CHART_HBAR: horizontal bars, categories down the left
 * @BB_CHART_PIE: slices of the first series, one per category
 * @BB_CHART_DONUT: a pie with a hole showing the total
 * @BB_CHART_LINE: one line per series across the categories
 */
typedef enum
{
  BB_CHART_BAR,
  BB_CHART_HBAR,
  BB_CHART_PIE,
  BB_CHART_DONUT,
  BB_CHART_LINE,
} BbChartKind;

/**
 * BbChartFormat:
 * @BB_CHART_FORMAT_COUNT: whole numbers
 * @BB_CHART_FORMAT_PERCENT: fractions from 0 to 1 shown as percentages
 * @BB_CHART_FORMAT_DAYS: working days, one decimal
 */
typedef enum
{
  BB_CHART_FORMAT_COUNT,
  BB_CHART_FORMAT_PERCENT,
  BB_CHART_FORMAT_DAYS,
} BbChartFormat;

#define BB_TYPE_CHART (bb_chart_get_type ())

G_DECLARE_FINAL_TYPE (BbChart, bb_chart, BB, CHART, GtkWidget)

GtkWidget     *bb_chart_new              (BbChartKind          kind);
BbChartKind    bb_chart_get_kind         (BbChart             *self);
void           bb_chart_set_kind         (BbChart             *self,
                                          BbChartKind          kind);
const char    *bb_chart_get_title        (BbChart             *self);
void           bb_chart_set_title        (BbChart             *self,
                                          const char          *title);
BbChartFormat  bb_chart_get_format       (BbChart             *self);
void           bb_chart_set_format       (BbChart             *self,
                                          BbChartFormat        format);
gboolean       bb_chart_get_stacked      (BbChart             *self);
void           bb_chart_set_stacked      (BbChart             *self,
                                          gboolean             stacked);

void           bb_chart_clear            (BbChart             *self);
void           bb_chart_set_categories   (BbChart             *self,
                                          const char * const  *labels);
guint          bb_chart_add_series       (BbChart             *self,
                                          const char          *name,
                                          const double        *values,
                                          guint                n_values);

guint          bb_chart_get_n_categories (BbChart             *self);
guint          bb_chart_get_n_series     (BbChart             *self);
const char    *bb_chart_get_category     (BbChart             *self,
                                          guint                category);
double         bb_chart_get_value        (BbChart             *self,
                                          guint                series,
                                          guint                category);
char          *bb_chart_format_value     (BbChart             *self,
                                          double               value);
gboolean       bb_chart_hit              (BbChart             *self,
                                          double               x,
                                          double               y,
                                          guint               *series,
                                          guint               *category);
char          *bb_chart_describe         (BbChart             *self,
                                          guint                series,
                                          guint                category);
void           bb_chart_activate         (BbChart             *self,
                                          guint                series,
                                          guint                category);
gboolean       bb_chart_get_focus_item   (BbChart             *self,
                                          guint               *series,
                                          guint               *category);

void           bb_chart_draw             (BbChart             *self,
                                          cairo_t             *cr,
                                          int                  width,
                                          int                  height);
void           bb_chart_render           (BbChart             *self,
                                          cairo_t             *cr,
                                          int                  width,
                                          int                  height);
void           bb_chart_render_for_print (BbChart             *self,
                                          cairo_t             *cr,
                                          int                  width,
                                          int                  height);
GStrv          bb_chart_get_drawn_texts  (BbChart             *self);
gboolean       bb_chart_write_png        (BbChart             *self,
                                          const char          *path,
                                          int                  width,
                                          int                  height,
                                          GError             **error);
gboolean       bb_chart_write_pdf        (BbChart             *self,
                                          const char          *path,
                                          double               width_pt,
                                          double               height_pt,
                                          GError             **error);

G_END_DECLS
