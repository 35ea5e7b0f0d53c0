/* bb-form-document.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout the documents handed to a client share (the one-time notice,
 * the handover receipt): A4 portrait, a centred title and the case number,
 * ruled rows of labelled values, a paragraph, a ruled list, closing words
 * and signature lines at the foot of the last page. A list too long for
 * one page runs on to the next, under the title and its header row again,
 * never splitting a row; the pages are then numbered.
 *
 * The pagination is recomputed from the data for each page drawn: it is
 * cheap, and it keeps the documents' drawing functions free of state.
 */

#define G_LOG_DOMAIN "bb-form-document"

#include "config.h"

#include <math.h>

#include "bb-form-document.h"

#define MARGIN_X        56.69   /* 20 mm */
#define MARGIN_TOP      56.69
#define MARGIN_BOTTOM   56.69
#define CONTENT_WIDTH   (BB_A4_WIDTH_PT - 2 * MARGIN_X)
#define CONTENT_BOTTOM  (BB_A4_HEIGHT_PT - MARGIN_BOTTOM)
#define TITLE_SIZE      18.0
#define TEXT_SIZE       10.5
#define SMALL_SIZE      9.0
#define LABEL_WIDTH     76.0
#define FIELD_HEIGHT    30.0
#define HEADER_HEIGHT   24.0
#define MIN_ROW_HEIGHT  26.0
#define SIGNATURE_LINE  (TEXT_SIZE * 1.6)
#define SIGNATURE_GAP   36.0
#define SIGNATURES_TOP  (CONTENT_BOTTOM - SIGNATURE_GAP - SIGNATURE_LINE)
#define FOOTER_TOP      (CONTENT_BOTTOM + 14)

typedef struct
{
  double *heights;      /* each row's height */
  GArray *page_starts;  /* (element-type guint): each page's first row */
  double  first_top;    /* where the list's header row starts on page 1 */
  double  closing_height;
} Layout;

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->heights, g_free);
  g_clear_pointer (&layout->page_starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

double
bb_form_document_width (void)
{
  return CONTENT_WIDTH;
}

/* The title and 编号, on every page. Returns where the content below starts. */
static double
draw_header (cairo_t          *cr,
             const BbDocument *document,
             gboolean          draw)
{
  double y = MARGIN_TOP;

  if (draw)
    {
      g_autofree char *number = g_strdup_printf ("编号：%s",
                                                 document->number != NULL ? document->number : "");

      bb_print_text_in_box (cr, document->title, TITLE_SIZE, BB_WEIGHT_BOLD, MARGIN_X, y,
                            CONTENT_WIDTH, 36, BB_ALIGN_CENTER, TRUE);
      bb_print_text_in_box (cr, number, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, y + 44,
                            CONTENT_WIDTH, 20, BB_ALIGN_END, TRUE);
    }
  return y + 68;
}

/* The labelled values, each row as tall as its text (up to five lines,
 * beyond which the text shrinks). Returns the bottom of the last row. */
static double
draw_fields (cairo_t          *cr,
             const BbDocument *document,
             double            y,
             gboolean          draw)
{
  const double pad = BB_PRINT_CELL_PADDING_PT;
  const double half = CONTENT_WIDTH / 2;

  for (guint i = 0; i < document->n_fields; i++)
    {
      const BbDocumentField *field = &document->fields[i];
      double first_width = field->label2 != NULL ? half - LABEL_WIDTH
                                                 : CONTENT_WIDTH - LABEL_WIDTH;
      double height = FIELD_HEIGHT;

      if (field->value != NULL && *field->value != '\0')
        height = MAX (height, bb_print_text_height (cr, field->value, TEXT_SIZE, BB_WEIGHT_REGULAR,
                                                    first_width - 2 * pad) + 2 * pad);
      if (field->label2 != NULL && field->value2 != NULL && *field->value2 != '\0')
        height = MAX (height, bb_print_text_height (cr, field->value2, TEXT_SIZE, BB_WEIGHT_REGULAR,
                                                    half - LABEL_WIDTH - 2 * pad) + 2 * pad);
      height = ceil (MIN (height, 5 * TEXT_SIZE * 1.5 + 2 * pad));

      if (draw)
        {
          bb_print_cell (cr, field->label, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, y,
                         LABEL_WIDTH, height, BB_ALIGN_CENTER, TRUE);
          bb_print_cell (cr, field->value, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X + LABEL_WIDTH, y,
                         first_width, height, BB_ALIGN_START, TRUE);
          if (field->label2 != NULL)
            {
              bb_print_cell (cr, field->label2, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X + half, y,
                             LABEL_WIDTH, height, BB_ALIGN_CENTER, TRUE);
              bb_print_cell (cr, field->value2, TEXT_SIZE, BB_WEIGHT_REGULAR,
                             MARGIN_X + half + LABEL_WIDTH, y, half - LABEL_WIDTH, height,
                             BB_ALIGN_START, TRUE);
            }
        }
      y += height;
    }
  return y;
}

static double
paragraph_height (cairo_t    *cr,
                  const char *text)
{
  if (text == NULL || *text == '\0')
    return 0;
  return ceil (bb_print_text_height (cr, text, TEXT_SIZE, BB_WEIGHT_REGULAR, CONTENT_WIDTH));
}

static double
draw_paragraph (cairo_t    *cr,
                const char *text,
                double      y,
                gboolean    draw)
{
  double height = paragraph_height (cr, text);

  if (draw && height > 0)
    bb_print_text_in_box (cr, text, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, y, CONTENT_WIDTH,
                          height, BB_ALIGN_START, FALSE);
  return y + height;
}

/* Where the first page's list starts: below the fields and the paragraph. */
static double
first_page_top (cairo_t          *cr,
                const BbDocument *document,
                gboolean          draw)
{
  double y = draw_header (cr, document, draw);

  y = draw_fields (cr, document, y, draw);
  y += 12;
  y = draw_paragraph (cr, document->intro, y, draw);
  return y + 8;
}

static void
compute_layout (cairo_t          *cr,
                const BbDocument *document,
                Layout           *layout)
{
  double next_top = draw_header (cr, document, FALSE) + HEADER_HEIGHT;
  double last_bottom;
  double y;
  guint first = 0;

  layout->first_top = first_page_top (cr, document, FALSE);
  layout->closing_height = paragraph_height (cr, document->closing);
  layout->heights = g_new0 (double, MAX (document->n_rows, 1));
  layout->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The last page keeps room for the closing words and the signatures. */
  last_bottom = SIGNATURES_TOP - 24;
  if (layout->closing_height > 0)
    last_bottom -= layout->closing_height + 12;

  g_array_append_val (layout->page_starts, first);
  y = layout->first_top + HEADER_HEIGHT;
  for (guint row = 0; row < document->n_rows; row++)
    {
      guint start = g_array_index (layout->page_starts, guint, layout->page_starts->len - 1);
      double height = bb_print_table_row_height (cr, document->columns, document->n_columns,
                                                 document->cells + row * document->n_columns,
                                                 TEXT_SIZE, MIN_ROW_HEIGHT);

      /* A row taller than a page of its own shrinks onto it. */
      height = MIN (height, last_bottom - next_top);
      layout->heights[row] = height;

      /* The row goes whole onto the next page; the first page may end with
       * no rows at all, having the fields and the paragraph. */
      if (y + height > CONTENT_BOTTOM && (row > start || layout->page_starts->len == 1))
        {
          g_array_append_val (layout->page_starts, row);
          y = next_top;
        }
      y += height;
    }

  /* When the last page's rows leave no room for the closing words and the
   * signatures, its last rows go on to one more page. */
  while (y > last_bottom)
    {
      guint start = g_array_index (layout->page_starts, guint, layout->page_starts->len - 1);
      guint moved = document->n_rows;
      double tail = 0;

      while (moved > start && y - tail > last_bottom)
        {
          moved--;
          tail += layout->heights[moved];
        }
      if (moved == start && layout->page_starts->len > 1)
        break;  /* cannot happen: such a row was shrunk to fit */
      g_array_append_val (layout->page_starts, moved);
      y = next_top + tail;
    }
}

/**
 * bb_form_document_paginate:
 *
 * Returns: how many pages @document takes
 */
guint
bb_form_document_paginate (cairo_t          *cr,
                           const BbDocument *document)
{
  g_auto(Layout) layout = { NULL, NULL, 0, 0 };

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (document != NULL, 0);

  compute_layout (cr, document, &layout);
  return layout.page_starts->len;
}

/**
 * bb_form_document_draw_page:
 * @cr: a cairo context whose user space is one A4 portrait page in points,
 *   origin at the top left corner of the paper
 * @page: the page, from 0, less than bb_form_document_paginate()
 *
 * Draws one page of @document.
 */
void
bb_form_document_draw_page (cairo_t          *cr,
                            const BbDocument *document,
                            guint             page)
{
  g_auto(Layout) layout = { NULL, NULL, 0, 0 };
  guint n_pages;
  guint first, last;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (document != NULL);

  compute_layout (cr, document, &layout);
  n_pages = layout.page_starts->len;
  g_return_if_fail (page < n_pages);

  first = g_array_index (layout.page_starts, guint, page);
  last = page + 1 < n_pages ? g_array_index (layout.page_starts, guint, page + 1)
                            : document->n_rows;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y = page == 0 ? first_page_top (cr, document, TRUE) : draw_header (cr, document, TRUE);

  if (first < last || page == 0)
    {
      bb_print_table_header (cr, document->columns, document->n_columns, TEXT_SIZE,
                             BB_WEIGHT_BOLD, MARGIN_X, y,
                             HEADER_HEIGHT);
      y += HEADER_HEIGHT;
    }
  for (guint row = first; row < last; row++)
    {
      bb_print_table_row (cr, document->columns, document->n_columns,
                          document->cells + row * document->n_columns, TEXT_SIZE, MARGIN_X, y,
                          layout.heights[row]);
      y += layout.heights[row];
    }

  if (page + 1 == n_pages)
    {
      double half = CONTENT_WIDTH / 2;

      draw_paragraph (cr, document->closing, y + 12, TRUE);
      bb_print_signature_line (cr, document->left_signature, NULL, TEXT_SIZE, MARGIN_X,
                               SIGNATURES_TOP, half - 24);
      bb_print_signature_line (cr, document->right_signature, NULL, TEXT_SIZE,
                               MARGIN_X + half + 12, SIGNATURES_TOP, half - 12);
      bb_print_signature_line (cr, "日期：", document->date, TEXT_SIZE, MARGIN_X + half + 12,
                               SIGNATURES_TOP + SIGNATURE_GAP, half - 12);
    }

  if (n_pages > 1)
    {
      g_autofree char *footer = g_strdup_printf ("第 %u 页 共 %u 页", page + 1, n_pages);

      bb_print_text_in_box (cr, footer, SMALL_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, FOOTER_TOP,
                            CONTENT_WIDTH, 16, BB_ALIGN_CENTER, TRUE);
    }

  cairo_restore (cr);
}
