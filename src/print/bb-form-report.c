/* bb-form-report.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two documents that run over as many A4 pages as they need: the
 * statistics report (数据统计上报) — title, period, each table ruled under
 * its heading, the notes on how figures are counted — and the printable
 * record of one complaint (投诉处理记录表) with its steps.
 *
 * Both are a flow of blocks (titles, lines of text, headings, table rows,
 * signature lines) measured once for the page size and cut into pages: a
 * row is never split, a heading never ends a page, and a table that runs
 * on repeats its header at the top of the next page. Every page after the
 * first carries the title as a running head; every page its number of the
 * total at the foot.
 */

#define G_LOG_DOMAIN "bb-form-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bb-clock.h"
#include "bb-error.h"
#include "bb-form-report.h"
#include "bb-print-table.h"
#include "bb-report.h"

#define MARGIN_X_MM       18.0
#define MARGIN_TOP_MM     18.0
#define MARGIN_BOTTOM_MM  20.0

#define TITLE_PT          16.0
#define LINE_PT           10.0
#define HEADING_PT        11.0
#define TABLE_PT          9.0
#define RUNNING_PT        8.0
#define ROW_MIN_PT        18.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_LINE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_HEADER,
  BLOCK_ROW,
  BLOCK_SIGNATURES,
  BLOCK_GAP,
} BlockKind;

typedef struct
{
  BlockKind   kind;
  char       *text;
  char       *text2;   /* the second signature */
  int         table;   /* rows and headers: the index of their table */
  char      **cells;   /* rows: one per column */
  double      height;
} Block;

typedef struct
{
  GStrv          titles;
  double        *proportions;
  BbAlign       *aligns;
  guint          n_columns;
  gboolean       has_header;
  BbPrintColumn *columns;  /* laid out for the page width */
} Table;

typedef struct
{
  guint first;
  guint end;
  int   repeat_table;  /* the table whose header starts the page, or -1 */
} Page;

struct _BbFormFlow
{
  char      *title;
  GPtrArray *blocks;
  GPtrArray *tables;
  GArray    *pages;
  double     width;
  double     height;
};

/* Building */

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->text2);
  g_strfreev (block->cells);
  g_free (block);
}

static void
table_free (Table *table)
{
  g_strfreev (table->titles);
  g_free (table->proportions);
  g_free (table->aligns);
  g_free (table->columns);
  g_free (table);
}

static BbFormFlow *
flow_new (const char *title)
{
  BbFormFlow *flow = g_new0 (BbFormFlow, 1);

  flow->title = g_strdup (title);
  flow->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  flow->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  flow->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  return flow;
}

static Block *
add_block (BbFormFlow *flow,
           BlockKind   kind,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->table = -1;
  g_ptr_array_add (flow->blocks, block);
  return block;
}

/* Starts a table; @with_header adds its header row at this point. */
static int
add_table (BbFormFlow         *flow,
           guint               n_columns,
           const char * const *titles,
           const double       *proportions,
           const BbAlign      *aligns,
           gboolean            with_header)
{
  Table *table = g_new0 (Table, 1);
  int index;

  table->n_columns = n_columns;
  table->has_header = with_header;
  table->titles = g_new0 (char *, n_columns + 1);
  table->proportions = g_new0 (double, n_columns);
  table->aligns = g_new0 (BbAlign, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      table->titles[c] = g_strdup (titles != NULL ? titles[c] : "");
      table->proportions[c] = proportions[c];
      table->aligns[c] = aligns[c];
    }
  g_ptr_array_add (flow->tables, table);
  index = (int) flow->tables->len - 1;

  if (with_header)
    add_block (flow, BLOCK_HEADER, NULL)->table = index;
  return index;
}

/* Adds a row; takes @cells. */
static void
add_row (BbFormFlow  *flow,
         int          table,
         char       **cells)
{
  Block *block = add_block (flow, BLOCK_ROW, NULL);

  g_assert (g_strv_length (cells)
            == ((Table *) g_ptr_array_index (flow->tables, table))->n_columns);
  block->table = table;
  block->cells = cells;
}

static char **
cells_new (guint n)
{
  return g_new0 (char *, n + 1);
}

/* Layout */

static double
margin_x (void)
{
  return bb_mm_to_pt (MARGIN_X_MM);
}

static double
content_width (BbFormFlow *flow)
{
  return flow->width - 2 * margin_x ();
}

static double
page_top (guint page)
{
  /* Later pages start under the running head. */
  return bb_mm_to_pt (MARGIN_TOP_MM) + (page > 0 ? RUNNING_PT * 2.2 : 0);
}

static double
page_bottom (BbFormFlow *flow)
{
  return flow->height - bb_mm_to_pt (MARGIN_BOTTOM_MM);
}

static double
header_height (BbFormFlow *flow,
               cairo_t    *cr,
               int         index)
{
  Table *table = g_ptr_array_index (flow->tables, index);

  /* Bold text is a little wider: measure it one step larger. */
  return bb_print_table_row_height (cr, table->columns, table->n_columns,
                                    (const char * const *) table->titles, TABLE_PT + 0.5,
                                    ROW_MIN_PT);
}

static void
measure (BbFormFlow *flow,
         cairo_t    *cr)
{
  double width = content_width (flow);

  for (guint t = 0; t < flow->tables->len; t++)
    {
      Table *table = g_ptr_array_index (flow->tables, t);
      double total = 0;

      for (guint c = 0; c < table->n_columns; c++)
        total += table->proportions[c];
      g_free (table->columns);
      table->columns = g_new0 (BbPrintColumn, table->n_columns);
      for (guint c = 0; c < table->n_columns; c++)
        {
          table->columns[c].title = table->titles[c];
          table->columns[c].width = width * table->proportions[c] / total;
          table->columns[c].align = table->aligns[c];
        }
    }

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);
      Table *table = block->table >= 0 ? g_ptr_array_index (flow->tables, block->table) : NULL;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          block->height = bb_print_text_height (cr, block->text, TITLE_PT, BB_WEIGHT_BOLD,
                                                width) + 10;
          break;
        case BLOCK_LINE:
          block->height = bb_print_text_height (cr, block->text, LINE_PT, BB_WEIGHT_REGULAR,
                                                width) + 3;
          break;
        case BLOCK_HEADING:
          block->height = bb_print_text_height (cr, block->text, HEADING_PT, BB_WEIGHT_BOLD,
                                                width) + 12;
          break;
        case BLOCK_PARAGRAPH:
          block->height = bb_print_text_height (cr, block->text, TABLE_PT, BB_WEIGHT_REGULAR,
                                                width) + 4;
          break;
        case BLOCK_HEADER:
          block->height = header_height (flow, cr, block->table);
          break;
        case BLOCK_ROW:
          block->height = bb_print_table_row_height (cr, table->columns, table->n_columns,
                                                     (const char * const *) block->cells,
                                                     TABLE_PT, ROW_MIN_PT);
          break;
        case BLOCK_SIGNATURES:
          block->height = LINE_PT * 1.6 + 24;
          break;
        case BLOCK_GAP:
        default:
          block->height = 10;
          break;
        }

      /* A row or paragraph is never split: one taller than a page (a long
       * text typed into a complaint's step) gets a page of its own, its
       * text shrunk to fit (bb_print_text_in_box()), rather than running
       * over the footer and off the paper. */
      if (block->kind == BLOCK_ROW || block->kind == BLOCK_PARAGRAPH)
        {
          double room = page_bottom (flow) - page_top (1);

          if (table != NULL && table->has_header)
            room -= header_height (flow, cr, block->table);
          block->height = MIN (block->height, room);
        }
    }
}

/* What must stay on the page with block @i: a heading with its table's
 * header and first row, a header with its first row. */
static double
needed_height (BbFormFlow *flow,
               guint       i)
{
  Block *block = g_ptr_array_index (flow->blocks, i);
  double need = block->height;
  guint follow = block->kind == BLOCK_HEADING ? 2 : block->kind == BLOCK_HEADER ? 1 : 0;

  for (guint j = i + 1; j < flow->blocks->len && follow > 0; j++, follow--)
    {
      Block *next = g_ptr_array_index (flow->blocks, j);

      if (next->kind != BLOCK_HEADER && next->kind != BLOCK_ROW)
        break;
      need += next->height;
    }
  return need;
}

/**
 * bb_form_flow_paginate:
 * @cr: a context of the target (for text metrics)
 * @width: the page width in points
 * @height: the page height in points
 *
 * Lays the document out for pages of this size.
 *
 * Returns: the number of pages
 */
guint
bb_form_flow_paginate (BbFormFlow *flow,
                       cairo_t    *cr,
                       double      width,
                       double      height)
{
  Page page = { 0, 0, -1 };
  double y;

  g_return_val_if_fail (flow != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  flow->width = width;
  flow->height = height;
  measure (flow, cr);
  g_array_set_size (flow->pages, 0);

  y = page_top (0);
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);

      if (i > page.first && y + needed_height (flow, i) > page_bottom (flow))
        {
          page.end = i;
          g_array_append_val (flow->pages, page);
          page.first = i;
          page.repeat_table = -1;
          y = page_top (flow->pages->len);
          if (block->kind == BLOCK_ROW && block->table >= 0)
            {
              Block *previous = g_ptr_array_index (flow->blocks, i - 1);
              Table *table = g_ptr_array_index (flow->tables, block->table);

              /* A table running on to this page. */
              if (previous->table == block->table && table->has_header)
                {
                  page.repeat_table = block->table;
                  y += header_height (flow, cr, block->table);
                }
            }
        }
      y += block->height;
    }
  page.end = flow->blocks->len;
  g_array_append_val (flow->pages, page);
  return flow->pages->len;
}

/* Drawing */

static void
draw_footer (BbFormFlow *flow,
             cairo_t    *cr,
             guint       page)
{
  g_autofree char *text = g_strdup_printf ("第 %u 页，共 %u 页", page + 1, flow->pages->len);
  double y = page_bottom (flow) + bb_mm_to_pt (6);

  bb_print_text_in_box (cr, text, RUNNING_PT + 1, BB_WEIGHT_REGULAR, margin_x (), y,
                        content_width (flow), RUNNING_PT * 2, BB_ALIGN_CENTER, FALSE);
}

static void
draw_running_head (BbFormFlow *flow,
                   cairo_t    *cr)
{
  double top = bb_mm_to_pt (MARGIN_TOP_MM);

  bb_print_text_in_box (cr, flow->title, RUNNING_PT, BB_WEIGHT_REGULAR, margin_x (),
                        top - RUNNING_PT, content_width (flow), RUNNING_PT * 1.8, BB_ALIGN_END,
                        FALSE);
  bb_print_rule_line (cr, margin_x (), top + RUNNING_PT, margin_x () + content_width (flow),
                      top + RUNNING_PT, 0.5);
}

static void
draw_block (BbFormFlow *flow,
            cairo_t    *cr,
            Block      *block,
            double      y)
{
  double x = margin_x ();
  double width = content_width (flow);
  Table *table = block->table >= 0 ? g_ptr_array_index (flow->tables, block->table) : NULL;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      bb_print_text_in_box (cr, block->text, TITLE_PT, BB_WEIGHT_BOLD, x, y, width, block->height,
                            BB_ALIGN_CENTER, FALSE);
      break;
    case BLOCK_LINE:
      bb_print_text_in_box (cr, block->text, LINE_PT, BB_WEIGHT_REGULAR, x, y, width, block->height,
                            BB_ALIGN_CENTER, FALSE);
      break;
    case BLOCK_HEADING:
      bb_print_text_in_box (cr, block->text, HEADING_PT, BB_WEIGHT_BOLD, x, y + 8, width,
                            block->height - 8, BB_ALIGN_START, FALSE);
      break;
    case BLOCK_PARAGRAPH:
      bb_print_text_in_box (cr, block->text, TABLE_PT, BB_WEIGHT_REGULAR, x, y + 2, width,
                            block->height, BB_ALIGN_START, FALSE);
      break;
    case BLOCK_HEADER:
      bb_print_table_header (cr, table->columns, table->n_columns, TABLE_PT, BB_WEIGHT_BOLD,
                             x, y, block->height);
      break;
    case BLOCK_ROW:
      bb_print_table_row (cr, table->columns, table->n_columns,
                          (const char * const *) block->cells, TABLE_PT, x, y, block->height);
      break;
    case BLOCK_SIGNATURES:
      bb_print_signature_line (cr, block->text, NULL, LINE_PT, x, y + 20, width / 2 - 20);
      if (block->text2 != NULL)
        bb_print_signature_line (cr, block->text2, NULL, LINE_PT, x + width / 2 + 20, y + 20,
                                 width / 2 - 20);
      break;
    case BLOCK_GAP:
    default:
      break;
    }
}

/**
 * bb_form_flow_draw_page:
 * @page: from 0, less than what bb_form_flow_paginate() returned
 *
 * Draws one page in black on @cr, whose origin is the page's corner.
 */
void
bb_form_flow_draw_page (BbFormFlow *flow,
                        cairo_t    *cr,
                        guint       page)
{
  const Page *p;
  double y;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < flow->pages->len);

  p = &g_array_index (flow->pages, Page, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page > 0)
    draw_running_head (flow, cr);

  y = page_top (page);
  if (p->repeat_table >= 0)
    {
      Table *table = g_ptr_array_index (flow->tables, p->repeat_table);
      double height = header_height (flow, cr, p->repeat_table);

      bb_print_table_header (cr, table->columns, table->n_columns, TABLE_PT, BB_WEIGHT_BOLD,
                             margin_x (), y, height);
      y += height;
    }
  for (guint i = p->first; i < p->end; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);

      draw_block (flow, cr, block, y);
      y += block->height;
    }

  draw_footer (flow, cr, page);
  cairo_restore (cr);
}

void
bb_form_flow_free (BbFormFlow *flow)
{
  if (flow == NULL)
    return;

  g_free (flow->title);
  g_ptr_array_unref (flow->blocks);
  g_ptr_array_unref (flow->tables);
  g_array_unref (flow->pages);
  g_free (flow);
}

/**
 * bb_form_flow_write_pdf:
 *
 * Lays the document out on A4 and writes it as PDF. The file appears only
 * once complete.
 *
 * Returns: whether @path was written
 */
gboolean
bb_form_flow_write_pdf (BbFormFlow      *flow,
                        const char      *path,
                        BbProgressFunc   progress,
                        gpointer         progress_data,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *temp_path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean cancelled = FALSE;
  guint n_pages;

  g_return_val_if_fail (flow != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temp_path = bb_report_temp_path (path);
  surface = cairo_pdf_surface_create (temp_path, BB_A4_WIDTH_PT, BB_A4_HEIGHT_PT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, flow->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bangban " PACKAGE_VERSION);
  cr = cairo_create (surface);

  n_pages = bb_form_flow_paginate (flow, cr, BB_A4_WIDTH_PT, BB_A4_HEIGHT_PT);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      bb_form_flow_draw_page (flow, cr, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (page + 1) / n_pages, progress_data);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled)
    {
      bb_report_finish_file (temp_path, path, FALSE, NULL);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      bb_report_finish_file (temp_path, path, FALSE, NULL);
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("The PDF “%s” could not be written: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return bb_report_finish_file (temp_path, path, TRUE, error);
}

/* The statistics report */

static const char *chinese_numbers[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
};

/**
 * bb_form_report_new:
 *
 * Lays out the statistics report: the title (with the team's name), the
 * period, then every table under a numbered heading, and the notes.
 *
 * Returns: (transfer full): the document
 */
BbFormFlow *
bb_form_report_new (const BbStats *stats)
{
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  BbFormFlow *flow;
  guint heading = 0;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->team_name != NULL && *stats->team_name != '\0')
    title = g_strdup_printf ("“%s”%s", stats->team_name, bb_report_title ());
  else
    title = g_strdup (bb_report_title ());
  period = bb_report_period_text (stats);

  flow = flow_new (title);
  add_block (flow, BLOCK_TITLE, title);
  line = g_strdup_printf ("统计期间：%s", period);
  add_block (flow, BLOCK_LINE, line);

  for (guint t = 0; t < BB_STATS_N_TABLES; t++)
    {
      const BbStatsTable *table = stats->tables[t];
      guint n_columns;
      const BbReportColumn *columns = bb_report_columns (t, &n_columns);
      g_autofree char *heading_text = NULL;
      g_autofree const char **titles = g_new0 (const char *, n_columns);
      g_autofree double *proportions = g_new0 (double, n_columns);
      g_autofree BbAlign *aligns = g_new0 (BbAlign, n_columns);
      int index;

      if (table == NULL)
        continue;

      heading_text = g_strdup_printf ("%s、%s",
                                      chinese_numbers[MIN (heading,
                                                           G_N_ELEMENTS (chinese_numbers) - 1)],
                                      bb_report_table_title (t));
      heading++;
      add_block (flow, BLOCK_HEADING, heading_text);

      for (guint c = 0; c < n_columns; c++)
        {
          titles[c] = columns[c].title;
          proportions[c] = columns[c].width;
          aligns[c] = columns[c].source == BB_REPORT_SOURCE_LABEL ? BB_ALIGN_START : BB_ALIGN_END;
        }
      index = add_table (flow, n_columns, titles, proportions, aligns, TRUE);

      if (table->rows->len == 0)
        {
          char **cells = cells_new (n_columns);

          for (guint c = 0; c < n_columns; c++)
            cells[c] = g_strdup (c == 0 ? "（无）" : "");
          add_row (flow, index, cells);
        }
      for (guint r = 0; r < table->rows->len; r++)
        {
          const BbStatsRow *row = g_ptr_array_index (table->rows, r);
          char **cells = cells_new (n_columns);

          for (guint c = 0; c < n_columns; c++)
            cells[c] = bb_report_cell_text (t, row, &columns[c]);
          add_row (flow, index, cells);
        }
    }

  add_block (flow, BLOCK_HEADING, "说明");
  notes = bb_report_notes (stats);
  for (guint i = 0; i + 1 < notes->len; i += 2)
    {
      g_autofree char *text = g_strdup_printf ("%s：%s", (char *) g_ptr_array_index (notes, i),
                                               (char *) g_ptr_array_index (notes, i + 1));

      add_block (flow, BLOCK_PARAGRAPH, text);
    }
  return flow;
}

/**
 * bb_form_report_write_pdf:
 *
 * The statistics report as an A4 PDF: a #BbReportWriter.
 */
gboolean
bb_form_report_write_pdf (const BbStats   *stats,
                          const char      *path,
                          BbProgressFunc   progress,
                          gpointer         progress_data,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(BbFormFlow) flow = NULL;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  flow = bb_form_report_new (stats);
  return bb_form_flow_write_pdf (flow, path, progress, progress_data, cancellable, error);
}

/* The complaint record */

static const char *
channel_text (const char *channel)
{
  static const struct { const char *code; const char *text; } channels[] = {
    { BB_COMPLAINT_CHANNEL_ONSITE, "现场" },
    { BB_COMPLAINT_CHANNEL_PHONE, "电话" },
    { BB_COMPLAINT_CHANNEL_HOTLINE, "12345热线" },
    { BB_COMPLAINT_CHANNEL_LETTER, "信函" },
    { BB_COMPLAINT_CHANNEL_EMAIL, "电子邮件" },
    { BB_COMPLAINT_CHANNEL_ONLINE, "网上" },
    { BB_COMPLAINT_CHANNEL_BOX, "意见箱" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      if (g_strcmp0 (channel, channels[i].code) == 0)
        return channels[i].text;
    }
  return channel;
}

static const char *
step_text (BbComplaintState state)
{
  static const char *names[BB_N_COMPLAINT_STATES] = { "受理", "调查", "处置", "反馈", "归档" };

  return state < BB_N_COMPLAINT_STATES ? names[state] : "";
}

static char *
time_text (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
person_text (const char *name,
             const char *number)
{
  if (name == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s（%s）", name, number != NULL ? number : "");
}

static void
add_field_row (BbFormFlow *flow,
               int         table,
               const char *label,
               char       *value,
               const char *label2,
               char       *value2)
{
  char **cells = cells_new (4);

  cells[0] = g_strdup (label);
  cells[1] = value != NULL ? value : g_strdup ("");
  cells[2] = g_strdup (label2);
  cells[3] = value2 != NULL ? value2 : g_strdup ("");
  add_row (flow, table, cells);
}

/**
 * bb_form_complaint_new:
 * @team_name: (nullable): the team's name for the title
 * @hotline: (nullable): the complaint hotline, printed at the foot
 *
 * Lays out the record of one complaint (投诉处理记录表): its particulars,
 * then a table of its steps (环节, time, person, what was done, whether on
 * time), and lines for the signatures of the person who handled it and of
 * the person in charge.
 *
 * Returns: (transfer full): the document
 */
BbFormFlow *
bb_form_complaint_new (const BbComplaintDetail *detail,
                       const char              *team_name,
                       const char              *hotline)
{
  static const double field_widths[] = { 16, 34, 16, 34 };
  static const BbAlign field_aligns[] = {
    BB_ALIGN_CENTER, BB_ALIGN_START, BB_ALIGN_CENTER, BB_ALIGN_START
  };
  static const double content_widths[] = { 16, 84 };
  static const BbAlign content_aligns[] = { BB_ALIGN_CENTER, BB_ALIGN_START };
  static const char *step_titles[] = {
    "环节", "时间", "经办人", "情况记录", "环节时限", "是否按时"
  };
  static const double step_widths[] = { 8, 17, 18, 35, 13, 9 };
  static const BbAlign step_aligns[] = {
    BB_ALIGN_CENTER, BB_ALIGN_CENTER, BB_ALIGN_CENTER, BB_ALIGN_START, BB_ALIGN_CENTER,
    BB_ALIGN_CENTER
  };
  const BbComplaint *c;
  g_autofree char *title = NULL;
  g_autofree char *number_line = NULL;
  BbFormFlow *flow;
  int fields, content, steps;
  char **cells;

  g_return_val_if_fail (detail != NULL && detail->complaint != NULL, NULL);

  c = detail->complaint;
  if (team_name != NULL && *team_name != '\0')
    title = g_strdup_printf ("“%s”投诉处理记录表", team_name);
  else
    title = g_strdup ("投诉处理记录表");

  flow = flow_new (title);
  add_block (flow, BLOCK_TITLE, title);
  number_line = g_strdup_printf ("编号：%s", c->number);
  add_block (flow, BLOCK_LINE, number_line);
  add_block (flow, BLOCK_GAP, NULL);

  fields = add_table (flow, 4, NULL, field_widths, field_aligns, FALSE);
  add_field_row (flow, fields, "受理时间", time_text (c->received_at),
                 "投诉渠道", g_strdup (channel_text (c->channel)));
  add_field_row (flow, fields, "投诉人", g_strdup (c->complainant),
                 "联系方式", g_strdup (c->contact));
  add_field_row (flow, fields, "涉及案件", g_strdup (c->case_number),
                 "涉及人员", person_text (c->staff_name, c->staff_number));
  add_field_row (flow, fields, "办理时限", g_strdup_printf ("%s 前", c->due_date),
                 "当前环节", g_strdup_printf ("%s%s", step_text (c->state),
                                              c->overdue ? "（已超期）" : ""));
  if (c->state < BB_COMPLAINT_ARCHIVED && c->step_due_date != NULL)
    add_field_row (flow, fields, "下一环节", g_strdup (step_text (c->state + 1)),
                   "环节时限", g_strdup_printf ("%s 前%s", c->step_due_date,
                                              c->step_overdue ? "（已超期）" : ""));

  content = add_table (flow, 2, NULL, content_widths, content_aligns, FALSE);
  cells = cells_new (2);
  cells[0] = g_strdup ("投诉内容");
  cells[1] = g_strdup (c->content);
  add_row (flow, content, cells);

  add_block (flow, BLOCK_HEADING, "处理过程");
  steps = add_table (flow, G_N_ELEMENTS (step_titles), step_titles, step_widths, step_aligns,
                     TRUE);
  for (guint i = 0; i < detail->steps->len; i++)
    {
      const BbComplaintStep *step = g_ptr_array_index (detail->steps, i);

      cells = cells_new (6);
      cells[0] = g_strdup (step_text (step->step));
      cells[1] = time_text (step->at);
      cells[2] = person_text (step->staff_name, step->staff_number);
      cells[3] = g_strdup (step->body != NULL ? step->body : "");
      cells[4] = g_strdup (step->due_date != NULL ? step->due_date : "—");
      cells[5] = g_strdup (step->due_date == NULL ? "—" : step->on_time ? "是" : "否");
      add_row (flow, steps, cells);
    }

  if (hotline != NULL && *hotline != '\0')
    {
      g_autofree char *text = g_strdup_printf ("投诉监督电话：%s", hotline);

      add_block (flow, BLOCK_GAP, NULL);
      add_block (flow, BLOCK_PARAGRAPH, text);
    }
  {
    Block *signatures = add_block (flow, BLOCK_SIGNATURES, "经办人（签字）：");

    signatures->text2 = g_strdup ("负责人（签字）：");
  }
  return flow;
}

/**
 * bb_form_complaint_write_pdf:
 *
 * The complaint record as an A4 PDF.
 */
gboolean
bb_form_complaint_write_pdf (const BbComplaintDetail  *detail,
                             const char               *team_name,
                             const char               *hotline,
                             const char               *path,
                             GError                  **error)
{
  g_autoptr(BbFormFlow) flow = NULL;

  g_return_val_if_fail (detail != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  flow = bb_form_complaint_new (detail, team_name, hotline);
  return bb_form_flow_write_pdf (flow, path, NULL, NULL, NULL, error);
}
