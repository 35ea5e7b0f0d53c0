/* bb-csv.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbCsvRow:
 * @line: the line of the file the row starts on (1-based)
 * @n_fields: how many fields the row has
 * @fields: (array length=n_fields): the fields, unquoted, NULL-terminated
 *
 * One record of an RFC 4180 CSV text.
 */
typedef struct
{
  guint   line;
  guint   n_fields;
  char  **fields;
} BbCsvRow;

GPtrArray  *bb_csv_parse         (const char      *text,
                                  GError         **error);
void        bb_csv_row_free      (BbCsvRow        *row);
const char *bb_csv_row_get       (const BbCsvRow  *row,
                                  int              column);
int         bb_csv_header_find   (const BbCsvRow  *header,
                                  const char      *name);

G_END_DECLS
