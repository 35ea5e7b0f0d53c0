/* bb-print-table.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ruled tables on printed forms: a header row, and body rows as tall as
 * their longest wrapped cell, measured before anything is drawn so that a
 * form can decide where its pages break.
 */

#define G_LOG_DOMAIN "bb-print-table"

#include "config.h"

#include <math.h>

#include "bb-print-table.h"

/**
 * bb_print_table_row_height:
 * @cells: (array length=n_columns): the row's text; %NULL cells are blank
 * @min_height: the height of a row of short text
 *
 * Returns: the height the row needs so that every cell's text, wrapped to
 *   its column at @size_pt, fits inside its padding
 */
double
bb_print_table_row_height (cairo_t             *cr,
                           const BbPrintColumn *columns,
                           guint                n_columns,
                           const char * const  *cells,
                           double               size_pt,
                           double               min_height)
{
  const double pad = BB_PRINT_CELL_PADDING_PT;
  double height = min_height;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (columns != NULL, 0);
  g_return_val_if_fail (cells != NULL, 0);

  for (guint i = 0; i < n_columns; i++)
    {
      if (cells[i] == NULL || *cells[i] == '\0')
        continue;
      height = MAX (height, bb_print_text_height (cr, cells[i], size_pt, BB_WEIGHT_REGULAR,
                                                  columns[i].width - 2 * pad) + 2 * pad);
    }
  /* Whole points: no sliver of a rule falls between two rows. */
  return ceil (height);
}

/**
 * bb_print_table_row:
 * @cells: (array length=n_columns): the row's text; %NULL cells are blank
 *
 * Draws one body row of ruled cells starting at @x, @y, their text centred
 * vertically. Text that does not fit @height shrinks (see
 * bb_print_text_in_box()).
 */
void
bb_print_table_row (cairo_t             *cr,
                    const BbPrintColumn *columns,
                    guint                n_columns,
                    const char * const  *cells,
                    double               size_pt,
                    double               x,
                    double               y,
                    double               height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (columns != NULL);
  g_return_if_fail (cells != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      bb_print_cell (cr, cells[i], size_pt, BB_WEIGHT_REGULAR, x, y, columns[i].width, height,
                     columns[i].align, TRUE);
      x += columns[i].width;
    }
}

/**
 * bb_print_table_header:
 *
 * Draws the header row: every column's title, centred, in @weight (bold,
 * as a rule).
 */
void
bb_print_table_header (cairo_t             *cr,
                       const BbPrintColumn *columns,
                       guint                n_columns,
                       double               size_pt,
                       BbWeight             weight,
                       double               x,
                       double               y,
                       double               height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (columns != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      bb_print_cell (cr, columns[i].title, size_pt, weight, x, y, columns[i].width, height,
                     BB_ALIGN_CENTER, TRUE);
      x += columns[i].width;
    }
}
