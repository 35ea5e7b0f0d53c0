/* bb-form-register.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service register (帮办代办服务事项登记表, table A.1) for many rows,
 * on A4 landscape pages. It is laid out in two passes: paginate() measures
 * every row's wrapped text and decides where pages break — a row is never
 * split, the title and header row are repeated on every page — and
 * draw_page() then draws any one page, which is what GtkPrintOperation's
 * begin-print (n-pages) and draw-page (page i) need.
 */

#define G_LOG_DOMAIN "bb-form-register"

#include "config.h"

#include "bb-form-register.h"
#include "bb-form-wording.h"
#include "bb-print-table.h"

/* Page geometry, in points on A4 landscape. */
#define PAGE_WIDTH    BB_A4_HEIGHT_PT
#define PAGE_HEIGHT   BB_A4_WIDTH_PT
#define MARGIN_X      36.0
#define TITLE_TOP     28.0
#define TITLE_HEIGHT  28.0
#define PERIOD_TOP    (TITLE_TOP + TITLE_HEIGHT + 2)
#define HEADER_TOP    (PERIOD_TOP + 18)
#define HEADER_HEIGHT 26.0
#define BODY_TOP      (HEADER_TOP + HEADER_HEIGHT)
#define BODY_BOTTOM   (PAGE_HEIGHT - 46.0)
#define FOOTER_TOP    (PAGE_HEIGHT - 40.0)

#define TITLE_SIZE    16.0
#define HEADER_SIZE   10.0
#define TEXT_SIZE     9.0
#define SMALL_SIZE    9.0
#define MIN_ROW_HEIGHT 22.0

struct _BbFormRegister
{
  char      *team_name;
  char      *period;
  GPtrArray *rows;         /* (element-type GStrv): BB_REGISTER_N_COLUMNS cells each */
  GArray    *heights;      /* (element-type double): each row's height, once paginated */
  GArray    *page_starts;  /* (element-type guint): each page's first row, once paginated */
};

/* The widths add up to the page's width between the margins (769.9 pt). */
static const BbPrintColumn columns[BB_REGISTER_N_COLUMNS] = {
  { "序号", 34.0, BB_ALIGN_CENTER },
  { "事项名称", 112.0, BB_ALIGN_START },
  { "受理理由", 104.0, BB_ALIGN_START },
  { "办理方式", 54.0, BB_ALIGN_CENTER },
  { "办理时间", 86.0, BB_ALIGN_CENTER },  /* “2026-03-02 09:30” on one line */
  { "办理结果", 84.0, BB_ALIGN_START },
  { "申请人", 68.0, BB_ALIGN_START },
  { "评价", 56.0, BB_ALIGN_CENTER },
  { "备注", PAGE_WIDTH - 2 * MARGIN_X - 598.0, BB_ALIGN_START },
};

static void
forget_pages (BbFormRegister *self)
{
  g_array_set_size (self->heights, 0);
  g_array_set_size (self->page_starts, 0);
}

/**
 * bb_form_register_new:
 * @team_name: (nullable): the team's full name (setting team_name); empty
 *   prints XXXX为民服务队
 * @period: (nullable): a line printed under the title, such as
 *   “登记日期：2026-03-01 至 2026-03-31”
 *
 * Returns: (transfer full): an empty register
 */
BbFormRegister *
bb_form_register_new (const char *team_name,
                      const char *period)
{
  BbFormRegister *self = g_new0 (BbFormRegister, 1);

  self->team_name = g_strdup (team_name);
  self->period = g_strdup (period);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->heights = g_array_new (FALSE, FALSE, sizeof (double));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
bb_form_register_free (BbFormRegister *self)
{
  if (self == NULL)
    return;
  g_free (self->team_name);
  g_free (self->period);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->heights);
  g_array_unref (self->page_starts);
  g_free (self);
}

/**
 * bb_form_register_column_title:
 *
 * Returns: (transfer none): the column's heading in table A.1 (序号, 事项名称…)
 */
const char *
bb_form_register_column_title (BbRegisterColumn column)
{
  g_return_val_if_fail (column < BB_REGISTER_N_COLUMNS, NULL);
  return columns[column].title;
}

/**
 * bb_form_register_dup_title:
 *
 * Returns: (transfer full): “雁塔区为民服务队”帮办代办服务事项登记表
 */
char *
bb_form_register_dup_title (BbFormRegister *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return bb_form_title (self->team_name, "帮办代办服务事项登记表");
}

/**
 * bb_form_register_add_row:
 * @cells: (array fixed-size=9): the row's text, one per #BbRegisterColumn;
 *   %NULL prints as blank
 *
 * Appends a row. Any pagination done before is forgotten.
 */
void
bb_form_register_add_row (BbFormRegister     *self,
                          const char * const *cells)
{
  char **copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL);

  copy = g_new0 (char *, BB_REGISTER_N_COLUMNS + 1);
  for (guint i = 0; i < BB_REGISTER_N_COLUMNS; i++)
    copy[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (self->rows, copy);
  forget_pages (self);
}

/**
 * bb_form_register_add_case:
 * @row: a row of bb_register_query_run()
 * @time_zone: the time zone of record, in which times are printed
 *
 * Appends a case as the register prints it: the service mode, the state
 * when no result has been recorded, and the satisfaction level in words.
 */
void
bb_form_register_add_case (BbFormRegister      *self,
                           const BbRegisterRow *row,
                           GTimeZone           *time_zone)
{
  g_autofree char *sequence = NULL;
  g_autofree char *time = NULL;
  g_autofree char *evaluation = NULL;
  const char *cells[BB_REGISTER_N_COLUMNS];
  const char *satisfaction;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row != NULL);
  g_return_if_fail (time_zone != NULL);

  sequence = g_strdup_printf ("%u", row->sequence > 0 ? row->sequence : self->rows->len + 1);
  time = bb_form_time_text (row->applied_at, time_zone);
  satisfaction = bb_form_satisfaction_text (row->evaluation);
  if (*satisfaction != '\0' && row->evaluation_comment != NULL && *row->evaluation_comment != '\0')
    evaluation = g_strdup_printf ("%s：%s", satisfaction, row->evaluation_comment);
  else
    evaluation = g_strdup (satisfaction);

  cells[BB_REGISTER_COLUMN_SEQUENCE] = sequence;
  cells[BB_REGISTER_COLUMN_MATTER] = row->matter;
  cells[BB_REGISTER_COLUMN_REASON] = row->reason;
  cells[BB_REGISTER_COLUMN_MODE] = bb_form_mode_text (row->mode);
  cells[BB_REGISTER_COLUMN_TIME] = time;
  cells[BB_REGISTER_COLUMN_RESULT] = row->result != NULL && *row->result != '\0'
                                       ? row->result
                                       : bb_form_state_text (row->state);
  cells[BB_REGISTER_COLUMN_APPLICANT] = row->applicant;
  cells[BB_REGISTER_COLUMN_EVALUATION] = evaluation;
  cells[BB_REGISTER_COLUMN_REMARK] = row->remark;
  bb_form_register_add_row (self, cells);
}

guint
bb_form_register_get_n_rows (BbFormRegister *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * bb_form_register_get_row:
 *
 * Returns: (transfer none) (array fixed-size=9): the row's cells
 */
const char * const *
bb_form_register_get_row (BbFormRegister *self,
                          guint           row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return (const char * const *) g_ptr_array_index (self->rows, row);
}

/**
 * bb_form_register_paginate:
 * @cr: any cairo context of the target (text is measured with its font
 *   options; nothing is drawn)
 *
 * Measures every row with its text wrapped to its columns and breaks the
 * rows into pages: a row goes whole onto the next page when it does not
 * fit the rest of this one. A row taller than a whole page (a note of
 * thousands of characters) gets a page of its own, and its text shrinks
 * to fit it.
 *
 * Returns: the number of pages (at least 1: an empty register prints its
 *   title and header)
 */
guint
bb_form_register_paginate (BbFormRegister *self,
                           cairo_t        *cr)
{
  const double available = BODY_BOTTOM - BODY_TOP;
  double used = 0;
  guint first = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  forget_pages (self);
  g_array_append_val (self->page_starts, first);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const char * const *cells = g_ptr_array_index (self->rows, i);
      double height = bb_print_table_row_height (cr, columns, BB_REGISTER_N_COLUMNS, cells,
                                                 TEXT_SIZE, MIN_ROW_HEIGHT);

      height = MIN (height, available);
      if (used > 0 && used + height > available)
        {
          g_array_append_val (self->page_starts, i);
          used = 0;
        }
      used += height;
      g_array_append_val (self->heights, height);
    }
  return self->page_starts->len;
}

/**
 * bb_form_register_get_n_pages:
 *
 * Returns: the number of pages bb_form_register_paginate() found, 0 before
 *   it ran
 */
guint
bb_form_register_get_n_pages (BbFormRegister *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->page_starts->len;
}

/**
 * bb_form_register_get_page_start:
 *
 * Returns: the index of the first row on @page (the number of rows when the
 *   page has none)
 */
guint
bb_form_register_get_page_start (BbFormRegister *self,
                                 guint           page)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page < self->page_starts->len, 0);
  return g_array_index (self->page_starts, guint, page);
}

/**
 * bb_form_register_draw_page:
 * @cr: a cairo context whose user space is one A4 landscape page in points,
 *   origin at the top left corner of the paper
 * @page: the page, from 0, less than bb_form_register_get_n_pages()
 *
 * Draws one page: the title, the header row, the page's rows and the footer
 * “第 N 页 共 M 页”. Call bb_form_register_paginate() first.
 */
void
bb_form_register_draw_page (BbFormRegister *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  guint n_pages;
  guint first, last;
  double y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  n_pages = self->page_starts->len;
  g_return_if_fail (n_pages > 0);
  g_return_if_fail (page < n_pages);

  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < n_pages ? g_array_index (self->page_starts, guint, page + 1)
                            : self->rows->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  title = bb_form_register_dup_title (self);
  bb_print_text_in_box (cr, title, TITLE_SIZE, BB_WEIGHT_BOLD, MARGIN_X, TITLE_TOP,
                        PAGE_WIDTH - 2 * MARGIN_X, TITLE_HEIGHT, BB_ALIGN_CENTER, TRUE);
  if (self->period != NULL && *self->period != '\0')
    bb_print_text_in_box (cr, self->period, SMALL_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, PERIOD_TOP,
                          PAGE_WIDTH - 2 * MARGIN_X, HEADER_TOP - PERIOD_TOP - 2,
                          BB_ALIGN_START, TRUE);

  bb_print_table_header (cr, columns, BB_REGISTER_N_COLUMNS, HEADER_SIZE, BB_WEIGHT_BOLD,
                         MARGIN_X, HEADER_TOP,
                         HEADER_HEIGHT);

  y = BODY_TOP;
  for (guint i = first; i < last; i++)
    {
      double height = g_array_index (self->heights, double, i);

      bb_print_table_row (cr, columns, BB_REGISTER_N_COLUMNS, g_ptr_array_index (self->rows, i),
                          TEXT_SIZE, MARGIN_X, y, height);
      y += height;
    }

  footer = g_strdup_printf ("第 %u 页 共 %u 页", page + 1, n_pages);
  bb_print_text_in_box (cr, footer, SMALL_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, FOOTER_TOP,
                        PAGE_WIDTH - 2 * MARGIN_X, 16, BB_ALIGN_CENTER, TRUE);

  cairo_restore (cr);
}
