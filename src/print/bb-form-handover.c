/* bb-form-handover.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handover receipt (交接证明): what was handed to the client when a
 * case was completed (§ 帮办服务流程 办结: 移交全部资料和审批文件;
 * § 代办服务流程 办结: 交付给服务对象，并提供相关的交接证明). A4 portrait,
 * signed by whoever hands over and whoever receives; one page unless the
 * list is long.
 */

#define G_LOG_DOMAIN "bb-form-handover"

#include "config.h"

#include <string.h>

#include "bb-form-document.h"
#include "bb-form-handover.h"
#include "bb-form-wording.h"

#define N_COLUMNS 2

typedef struct
{
  BbDocument       document;
  BbPrintColumn    columns[N_COLUMNS];
  BbDocumentField  fields[4];
  char            *title;
  char            *date;
  const char     **cells;
  GPtrArray       *numbers;
} Handover;

static void
handover_clear (Handover *handover)
{
  g_clear_pointer (&handover->title, g_free);
  g_clear_pointer (&handover->date, g_free);
  g_clear_pointer (&handover->cells, g_free);
  g_clear_pointer (&handover->numbers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Handover, handover_clear)

static void
handover_init (Handover             *handover,
               const BbHandoverData *data)
{
  const double width = bb_form_document_width ();
  const BbPrintColumn columns[N_COLUMNS] = {
    { "序号", 40.0, BB_ALIGN_CENTER },
    { "交接内容", width - 40.0, BB_ALIGN_START },
  };
  const BbDocumentField fields[] = {
    { "服务对象", data->applicant, "联系电话", data->phone },
    { "办理事项", data->matter, NULL, NULL },
    { "办理结果", data->result, NULL, NULL },
    { "交付方式", data->delivery, "服务人员", data->staff },
  };

  memcpy (handover->columns, columns, sizeof columns);
  memcpy (handover->fields, fields, sizeof fields);
  handover->title = bb_form_title (data->team_name, "交接证明");
  handover->date = bb_form_date_text (data->date);
  handover->numbers = g_ptr_array_new_with_free_func (g_free);
  handover->cells = g_new0 (const char *, MAX (data->n_items, 1) * N_COLUMNS);
  for (guint i = 0; i < data->n_items; i++)
    {
      char *number = g_strdup_printf ("%u", i + 1);

      g_ptr_array_add (handover->numbers, number);
      handover->cells[i * N_COLUMNS + 0] = number;
      handover->cells[i * N_COLUMNS + 1] = data->items[i];
    }

  handover->document = (BbDocument) {
    .title = handover->title,
    .number = data->number,
    .fields = handover->fields,
    .n_fields = G_N_ELEMENTS (handover->fields),
    .intro = "现将下列成果物、办理结果及全部资料和审批文件交付服务对象，"
             "经双方当面核对无误，特此证明。交接清单如下：",
    .columns = handover->columns,
    .n_columns = N_COLUMNS,
    .cells = handover->cells,
    .n_rows = data->n_items,
    .closing = NULL,
    .left_signature = "交付人（签字）：",
    .right_signature = "接收人（签字）：",
    .date = handover->date,
  };
}

/**
 * bb_form_handover_paginate:
 * @cr: any cairo context of the target (text is measured; nothing is drawn)
 * @data: what to print
 *
 * Returns: how many pages the receipt takes (1 unless the list is long)
 */
guint
bb_form_handover_paginate (cairo_t              *cr,
                           const BbHandoverData *data)
{
  g_auto(Handover) handover = { 0 };

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (data->n_items == 0 || data->items != NULL, 0);

  handover_init (&handover, data);
  return bb_form_document_paginate (cr, &handover.document);
}

/**
 * bb_form_handover_draw_page:
 * @cr: a cairo context whose user space is one A4 portrait page in points,
 *   origin at the top left corner of the paper
 * @data: what to print
 * @page: the page, from 0, less than bb_form_handover_paginate()
 *
 * Draws a page of the handover receipt: the client, the matter, its result
 * and how it was delivered, the list of what was handed over, and on the
 * last page the signature lines of 交付人 and 接收人 with the date.
 */
void
bb_form_handover_draw_page (cairo_t              *cr,
                            const BbHandoverData *data,
                            guint                 page)
{
  g_auto(Handover) handover = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->n_items == 0 || data->items != NULL);

  handover_init (&handover, data);
  bb_form_document_draw_page (cr, &handover.document, page);
}
