/* bb-form-slip.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The acceptance slip (代办事项受理单, table A.2 of the standard): one A4
 * portrait page, ruled like the appendix's table, with a QR code of the
 * case number so that the signed slip can be scanned back to its case.
 * The wording is the appendix's, verbatim, in Chinese whatever the
 * language of the user interface.
 */

#define G_LOG_DOMAIN "bb-form-slip"

#include "config.h"

#include <math.h>

#include "bb-form-slip.h"
#include "bb-form-wording.h"
#include "bb-print-page.h"
#include "bb-print-qr.h"

/* Page geometry, in points on A4 portrait. */
#define MARGIN_X      42.52   /* 15 mm */
#define MARGIN_BOTTOM 36.0
#define CONTENT_WIDTH (BB_A4_WIDTH_PT - 2 * MARGIN_X)

#define QR_SIZE       60.0    /* the symbol alone: 21 mm */
#define QR_TOP        40.0
#define TITLE_SIZE    18.0
#define TEXT_SIZE     10.5    /* 五号 */
#define LINE_WIDTH    0.75

#define FIELD_ROW_HEIGHT     44.0    /* a row of short values */
#define FIELD_ROW_MAX_HEIGHT 96.0    /* a row of long values, before they shrink */
#define NOTES_MIN_HEIGHT     120.0
#define NOTICE_ROW_HEIGHT    140.0
#define CONFIRM_ROW_HEIGHT   64.0
#define N_FIELD_ROWS         4

/* The table's six columns: label, value, label, value, label, value. The
 * ID number's column holds an 18-character ID number or credit code on one
 * line at 10.5 pt; the rows below the first span columns 1–3 with their
 * first value. */
static const double column_widths[6] = { 76.0, 72.0, 70.0, 126.0, 60.0, 0.0 /* the rest */ };

static double
column_x (guint column)
{
  double x = MARGIN_X;

  for (guint i = 0; i < column; i++)
    x += column_widths[i];
  return x;
}

static double
column_width (guint first,
              guint last)
{
  double right = last + 1 < G_N_ELEMENTS (column_widths) ? column_x (last + 1)
                                                          : MARGIN_X + CONTENT_WIDTH;

  return right - column_x (first);
}

static void
label_cell (cairo_t    *cr,
            const char *text,
            guint       column,
            double      y,
            double      height)
{
  bb_print_cell (cr, text, TEXT_SIZE, BB_WEIGHT_REGULAR, column_x (column), y,
                 column_width (column, column), height, BB_ALIGN_CENTER, TRUE);
}

static void
value_cell (cairo_t    *cr,
            const char *text,
            guint       first,
            guint       last,
            double      y,
            double      height,
            gboolean    middle)
{
  bb_print_cell (cr, text, TEXT_SIZE, BB_WEIGHT_REGULAR, column_x (first), y,
                 column_width (first, last), height, BB_ALIGN_START, middle);
}

/* The height a value needs in a cell spanning @first to @last. */
static double
value_height (cairo_t    *cr,
              const char *text,
              guint       first,
              guint       last)
{
  const double pad = BB_PRINT_CELL_PADDING_PT;

  if (text == NULL || *text == '\0')
    return 0;
  return bb_print_text_height (cr, text, TEXT_SIZE, BB_WEIGHT_REGULAR,
                               column_width (first, last) - 2 * pad) + 2 * pad;
}

/* The rows of labelled values grow with long values (a company's name, a
 * matter of several parts) up to FIELD_ROW_MAX_HEIGHT, taken from the
 * notes below them, which keep at least NOTES_MIN_HEIGHT; beyond that the
 * text shrinks inside its cell. */
static void
measure_field_rows (cairo_t          *cr,
                    const BbSlipData *data,
                    double            available,
                    double           *heights)
{
  double total = 0;

  heights[0] = MAX (value_height (cr, data->applicant, 1, 1),
                    MAX (value_height (cr, data->id_number, 3, 3),
                         value_height (cr, data->phone, 5, 5)));
  heights[1] = MAX (value_height (cr, data->matter, 1, 3),
                    value_height (cr, data->applied_at, 5, 5));
  heights[2] = MAX (value_height (cr, data->accepted_by, 1, 3),
                    value_height (cr, data->accepted_at, 5, 5));
  heights[3] = MAX (value_height (cr, data->handler, 1, 3),
                    value_height (cr, data->limit, 5, 5));

  for (guint i = 0; i < N_FIELD_ROWS; i++)
    {
      heights[i] = ceil (CLAMP (heights[i], FIELD_ROW_HEIGHT, FIELD_ROW_MAX_HEIGHT));
      total += heights[i];
    }
  if (total > available)
    {
      for (guint i = 0; i < N_FIELD_ROWS; i++)
        heights[i] = floor (heights[i] * available / total);
    }
}

static char *
notice_text (const char *hotline)
{
  /* The six 注意事项 of table A.2, verbatim. */
  return g_strdup_printf ("注意事项：\n"
                          "1.申请人承诺所申请帮办代办事项必须合法合规，且具备受理条件；\n"
                          "2.申请人所提交的资料必须真实有效，并负法律责任；\n"
                          "3.申请人须积极配合具体办理人完成事项办理；\n"
                          "4.申请人短缺的资料必须按照承诺时限提交办理人员；\n"
                          "5.帮办代办过程中如有疑问，请咨询受理人员或受理窗口；\n"
                          "6.帮办代办服务投诉建议监督电话：%s。",
                          bb_form_hotline_text (hotline));
}

/**
 * bb_form_slip_draw:
 * @cr: a cairo context whose user space is one A4 portrait page in points,
 *   origin at the top left corner of the paper (a PDF surface of
 *   %BB_A4_WIDTH_PT × %BB_A4_HEIGHT_PT, or GtkPrintOperation's context with
 *   use-full-page set and the unit in points)
 * @data: what to print
 *
 * Draws the acceptance slip (代办事项受理单, table A.2) for one case on one
 * page. Long values wrap inside their cells and shrink (down to 6 pt)
 * rather than leave the page.
 */
void
bb_form_slip_draw (cairo_t          *cr,
                   const BbSlipData *data)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *notice = NULL;
  double heights[N_FIELD_ROWS];
  double y;
  double notes_height;
  double right = MARGIN_X + CONTENT_WIDTH;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* The QR code of the case number, top right, its quiet zone kept clear. */
  if (data->number != NULL && *data->number != '\0')
    bb_print_qr_code (cr, data->number, right - QR_SIZE, QR_TOP, QR_SIZE);

  /* “雁塔区为民服务队”代办事项受理单, centred on the page: the title box
   * leaves the QR code's width free on both sides. */
  title = bb_form_title (data->team_name, "代办事项受理单");
  bb_print_text_in_box (cr, title, TITLE_SIZE, BB_WEIGHT_EMBOLDENED, MARGIN_X + QR_SIZE + 24,
                        QR_TOP, CONTENT_WIDTH - 2 * (QR_SIZE + 24), QR_SIZE - 8, BB_ALIGN_CENTER,
                        TRUE);

  /* 年 月 日 and 编号 on the line above the table, as in the appendix. */
  y = QR_TOP + QR_SIZE + 2;
  date = bb_form_date_text (data->date);
  bb_print_text_in_box (cr, date, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X, y, 150, 20,
                        BB_ALIGN_START, TRUE);
  number = g_strdup_printf ("编号：%s", data->number != NULL ? data->number : "");
  bb_print_text_in_box (cr, number, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X + 170, y,
                        right - QR_SIZE - 24 - (MARGIN_X + 170), 20, BB_ALIGN_START, TRUE);
  y += 24;

  measure_field_rows (cr, data,
                      BB_A4_HEIGHT_PT - MARGIN_BOTTOM - NOTICE_ROW_HEIGHT - CONFIRM_ROW_HEIGHT
                      - NOTES_MIN_HEIGHT - y,
                      heights);

  /* 申请人 | 身份证号码 | 联系电话 */
  label_cell (cr, "申请人", 0, y, heights[0]);
  value_cell (cr, data->applicant, 1, 1, y, heights[0], TRUE);
  label_cell (cr, "身份证号码", 2, y, heights[0]);
  value_cell (cr, data->id_number, 3, 3, y, heights[0], TRUE);
  label_cell (cr, "联系电话", 4, y, heights[0]);
  value_cell (cr, data->phone, 5, 5, y, heights[0], TRUE);
  y += heights[0];

  /* 申请办理事项 | 申请时间 */
  label_cell (cr, "申请办理事项", 0, y, heights[1]);
  value_cell (cr, data->matter, 1, 3, y, heights[1], TRUE);
  label_cell (cr, "申请时间", 4, y, heights[1]);
  value_cell (cr, data->applied_at, 5, 5, y, heights[1], TRUE);
  y += heights[1];

  /* 受理人 | 受理时间 */
  label_cell (cr, "受理人", 0, y, heights[2]);
  value_cell (cr, data->accepted_by, 1, 3, y, heights[2], TRUE);
  label_cell (cr, "受理时间", 4, y, heights[2]);
  value_cell (cr, data->accepted_at, 5, 5, y, heights[2], TRUE);
  y += heights[2];

  /* 办理人 | 承诺时限 */
  label_cell (cr, "办理人", 0, y, heights[3]);
  value_cell (cr, data->handler, 1, 3, y, heights[3], TRUE);
  label_cell (cr, "承诺时限", 4, y, heights[3]);
  value_cell (cr, data->limit, 5, 5, y, heights[3], TRUE);
  y += heights[3];

  /* 受理情况 | 队长签字: the notes take what the page has left. */
  notes_height = BB_A4_HEIGHT_PT - MARGIN_BOTTOM - NOTICE_ROW_HEIGHT - CONFIRM_ROW_HEIGHT - y;
  label_cell (cr, "受理情况", 0, y, notes_height);
  value_cell (cr, data->notes, 1, 3, y, notes_height, FALSE);
  label_cell (cr, "队长签字", 4, y, notes_height);
  value_cell (cr, NULL, 5, 5, y, notes_height, FALSE);
  y += notes_height;

  /* 注意事项, with the configured hotline in item 6. */
  notice = notice_text (data->hotline);
  bb_print_rule_box (cr, MARGIN_X, y, CONTENT_WIDTH, NOTICE_ROW_HEIGHT, LINE_WIDTH);
  bb_print_text_in_box (cr, notice, TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X + 12, y + 10,
                        CONTENT_WIDTH - 24, NOTICE_ROW_HEIGHT - 20, BB_ALIGN_START, TRUE);
  y += NOTICE_ROW_HEIGHT;

  /* The applicant's confirmation, signed and dated by hand. */
  bb_print_rule_box (cr, MARGIN_X, y, CONTENT_WIDTH, CONFIRM_ROW_HEIGHT, LINE_WIDTH);
  bb_print_text_in_box (cr, "申请人确认“帮办代办”服务签字：", TEXT_SIZE, BB_WEIGHT_REGULAR,
                        MARGIN_X + 12, y + 8, CONTENT_WIDTH - 24, 20, BB_ALIGN_START, TRUE);
  bb_print_text_in_box (cr, "年    月    日", TEXT_SIZE, BB_WEIGHT_REGULAR, MARGIN_X + 12,
                        y + CONFIRM_ROW_HEIGHT - 28, CONTENT_WIDTH - 36, 20, BB_ALIGN_END, TRUE);

  cairo_restore (cr);
}
