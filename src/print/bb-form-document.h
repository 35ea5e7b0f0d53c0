/* bb-form-document.h — for bb-form-notice.c and bb-form-handover.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-print-table.h"

G_BEGIN_DECLS

/**
 * BbDocumentField:
 * @label: the first label
 * @value: (nullable): its value
 * @label2: (nullable): a second label on the same row, or %NULL when
 *   @value spans the row
 * @value2: (nullable): its value
 *
 * One ruled row of labelled values at the top of a document.
 */
typedef struct
{
  const char *label;
  const char *value;
  const char *label2;
  const char *value2;
} BbDocumentField;

/**
 * BbDocument:
 * @title: the title, centred at the top of every page
 * @number: (nullable): the case number, printed as 编号 under the title
 * @fields: (array length=n_fields): labelled values on the first page
 * @intro: the paragraph before the list
 * @columns: (array length=n_columns): the list's columns, their widths
 *   adding up to bb_form_document_width()
 * @cells: (array length=n_rows*n_columns): the list's rows, row after row
 * @closing: (nullable): the paragraph after the list
 * @left_signature: the first signature line's label
 * @right_signature: the second one's
 * @date: the date as printed beside 日期
 *
 * A document handed to a client (the one-time notice, the handover
 * receipt): A4 portrait; the list runs on to further pages when it is
 * long, a row never split, the closing words and signatures on the last.
 */
typedef struct
{
  const char            *title;
  const char            *number;
  const BbDocumentField *fields;
  guint                  n_fields;
  const char            *intro;
  const BbPrintColumn   *columns;
  guint                  n_columns;
  const char * const    *cells;
  guint                  n_rows;
  const char            *closing;
  const char            *left_signature;
  const char            *right_signature;
  const char            *date;
} BbDocument;

double bb_form_document_width      (void);
guint  bb_form_document_paginate   (cairo_t          *cr,
                                    const BbDocument *document);
void   bb_form_document_draw_page  (cairo_t          *cr,
                                    const BbDocument *document,
                                    guint             page);

G_END_DECLS
