/* bb-print-table.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-print-page.h"

G_BEGIN_DECLS

/**
 * BbPrintColumn:
 * @title: the header cell's text
 * @width: the column's width in points
 * @align: how the body cells' text is aligned
 *
 * One column of a ruled table on a printed form.
 */
typedef struct
{
  const char *title;
  double      width;
  BbAlign     align;
} BbPrintColumn;

double bb_print_table_row_height (cairo_t             *cr,
                                  const BbPrintColumn *columns,
                                  guint                n_columns,
                                  const char * const  *cells,
                                  double               size_pt,
                                  double               min_height);
void   bb_print_table_row        (cairo_t             *cr,
                                  const BbPrintColumn *columns,
                                  guint                n_columns,
                                  const char * const  *cells,
                                  double               size_pt,
                                  double               x,
                                  double               y,
                                  double               height);
void   bb_print_table_header     (cairo_t             *cr,
                                  const BbPrintColumn *columns,
                                  guint                n_columns,
                                  double               size_pt,
                                  BbWeight             weight,
                                  double               x,
                                  double               y,
                                  double               height);

G_END_DECLS
