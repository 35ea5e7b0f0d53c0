/* bb-form-notice.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one-time notice (一次性告知单): every material a case still lacks
 * and how to obtain it, given to the client once (§ 帮办服务流程 承办;
 * § 代办服务流程 服务咨询: 对咨询内容一次性告知). A4 portrait, signed by
 * the staff member and the client; one page unless the list is long.
 */

#define G_LOG_DOMAIN "bb-form-notice"

#include "config.h"

#include <string.h>

#include "bb-form-document.h"
#include "bb-form-notice.h"
#include "bb-form-wording.h"

#define N_COLUMNS 4

typedef struct
{
  BbDocument       document;
  BbPrintColumn    columns[N_COLUMNS];
  BbDocumentField  fields[3];
  char            *title;
  char            *closing;
  char            *date;
  const char     **cells;
  GPtrArray       *numbers;
} Notice;

static void
notice_clear (Notice *notice)
{
  g_clear_pointer (&notice->title, g_free);
  g_clear_pointer (&notice->closing, g_free);
  g_clear_pointer (&notice->date, g_free);
  g_clear_pointer (&notice->cells, g_free);
  g_clear_pointer (&notice->numbers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Notice, notice_clear)

static void
notice_init (Notice             *notice,
             const BbNoticeData *data)
{
  const double width = bb_form_document_width ();
  const BbPrintColumn columns[N_COLUMNS] = {
    { "序号", 40.0, BB_ALIGN_CENTER },
    { "所缺材料", 150.0, BB_ALIGN_START },
    { "材料要求", 80.0, BB_ALIGN_CENTER },
    { "补齐材料的途径和方法", width - 270.0, BB_ALIGN_START },
  };
  const BbDocumentField fields[] = {
    { "服务对象", data->applicant, "联系电话", data->phone },
    { "办理事项", data->matter, NULL, NULL },
    { "服务人员", data->staff, "联系电话", data->staff_phone },
  };

  memcpy (notice->columns, columns, sizeof columns);
  memcpy (notice->fields, fields, sizeof fields);
  notice->title = bb_form_title (data->team_name, "一次性告知单");
  notice->closing = g_strdup_printf ("请按上述要求补齐材料后，与服务人员联系继续办理。\n"
                                     "帮办代办服务投诉建议监督电话：%s。",
                                     bb_form_hotline_text (data->hotline));
  notice->date = bb_form_date_text (data->date);
  notice->numbers = g_ptr_array_new_with_free_func (g_free);
  notice->cells = g_new0 (const char *, MAX (data->n_materials, 1) * N_COLUMNS);
  for (guint i = 0; i < data->n_materials; i++)
    {
      char *number = g_strdup_printf ("%u", i + 1);

      g_ptr_array_add (notice->numbers, number);
      notice->cells[i * N_COLUMNS + 0] = number;
      notice->cells[i * N_COLUMNS + 1] = data->materials[i].name;
      notice->cells[i * N_COLUMNS + 2] = data->materials[i].requirement;
      notice->cells[i * N_COLUMNS + 3] = data->materials[i].how_to_obtain;
    }

  notice->document = (BbDocument) {
    .title = notice->title,
    .number = data->number,
    .fields = notice->fields,
    .n_fields = G_N_ELEMENTS (notice->fields),
    .intro = "经预审，您申请办理的上述事项尚缺少下列材料。"
             "现将所缺材料以及补齐材料的途径和方法一次性告知如下：",
    .columns = notice->columns,
    .n_columns = N_COLUMNS,
    .cells = notice->cells,
    .n_rows = data->n_materials,
    .closing = notice->closing,
    .left_signature = "服务人员（签字）：",
    .right_signature = "服务对象（签字）：",
    .date = notice->date,
  };
}

/**
 * bb_form_notice_paginate:
 * @cr: any cairo context of the target (text is measured; nothing is drawn)
 * @data: what to print
 *
 * Returns: how many pages the notice takes (1 unless the list is long)
 */
guint
bb_form_notice_paginate (cairo_t            *cr,
                         const BbNoticeData *data)
{
  g_auto(Notice) notice = { 0 };

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (data->n_materials == 0 || data->materials != NULL, 0);

  notice_init (&notice, data);
  return bb_form_document_paginate (cr, &notice.document);
}

/**
 * bb_form_notice_draw_page:
 * @cr: a cairo context whose user space is one A4 portrait page in points,
 *   origin at the top left corner of the paper
 * @data: what to print
 * @page: the page, from 0, less than bb_form_notice_paginate()
 *
 * Draws a page of the one-time notice: the client, the matter and the
 * staff member, each missing material with how to obtain it, and on the
 * last page the hotline and the signature lines.
 */
void
bb_form_notice_draw_page (cairo_t            *cr,
                          const BbNoticeData *data,
                          guint               page)
{
  g_auto(Notice) notice = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->n_materials == 0 || data->materials != NULL);

  notice_init (&notice, data);
  bb_form_document_draw_page (cr, &notice.document, page);
}
