/* bb-report.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-stats.h"

G_BEGIN_DECLS

/**
 * BbReportSource:
 * @BB_REPORT_SOURCE_LABEL: the row's label (in Chinese: bb_report_row_label())
 * @BB_REPORT_SOURCE_COUNT: the row's count
 * @BB_REPORT_SOURCE_VALUE: the row's value, in its unit
 * @BB_REPORT_SOURCE_PART: parts[@part]
 * @BB_REPORT_SOURCE_PART_SHARE: parts[@part] over the count, as a rate
 *
 * Where a column of the report takes its cells from.
 */
typedef enum
{
  BB_REPORT_SOURCE_LABEL,
  BB_REPORT_SOURCE_COUNT,
  BB_REPORT_SOURCE_VALUE,
  BB_REPORT_SOURCE_PART,
  BB_REPORT_SOURCE_PART_SHARE,
} BbReportSource;

/**
 * BbReportColumn:
 * @title: the header, in Chinese
 * @source: what the cells show
 * @part: which part, for the two part sources
 * @width: a width in characters of a Latin font (a Chinese character takes
 *   two): Excel's unit, and the proportion a PDF column gets
 *
 * One column of a table of the report.
 */
typedef struct
{
  const char     *title;
  BbReportSource  source;
  int             part;
  double          width;
} BbReportColumn;

/**
 * BbReportWriter:
 * @stats: the statistics to write
 * @path: the file to write; it appears only once complete
 * @progress: (nullable) (scope call): told how far the writing got
 * @cancellable: (nullable): checked between tables; a cancelled report
 *   leaves no file behind
 *
 * Writes the report in one format: bb_report_write_xlsx(),
 * bb_report_write_csv(), or bb_form_report_write_pdf() in src/print.
 *
 * Returns: whether the file was written
 */
typedef gboolean (*BbReportWriter) (const BbStats   *stats,
                                    const char      *path,
                                    BbProgressFunc   progress,
                                    gpointer         progress_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

const char           *bb_report_title            (void);
char                 *bb_report_period_text      (const BbStats        *stats);
const char           *bb_report_table_title      (BbStatsTableId        id);
const BbReportColumn *bb_report_columns          (BbStatsTableId        id,
                                                  guint                *n_columns);
char                 *bb_report_row_label        (BbStatsTableId        id,
                                                  const BbStatsRow     *row);
char                 *bb_report_cell_text        (BbStatsTableId        id,
                                                  const BbStatsRow     *row,
                                                  const BbReportColumn *column);
gboolean              bb_report_cell_number      (const BbStatsRow     *row,
                                                  const BbReportColumn *column,
                                                  double               *number,
                                                  BbStatsUnit          *unit);
GPtrArray            *bb_report_notes            (const BbStats        *stats);

char                 *bb_report_temp_path        (const char           *path);
gboolean              bb_report_finish_file      (const char           *temp_path,
                                                  const char           *path,
                                                  gboolean              written,
                                                  GError              **error);

gboolean              bb_report_write_xlsx       (const BbStats        *stats,
                                                  const char           *path,
                                                  BbProgressFunc        progress,
                                                  gpointer              progress_data,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
gboolean              bb_report_write_csv        (const BbStats        *stats,
                                                  const char           *path,
                                                  BbProgressFunc        progress,
                                                  gpointer              progress_data,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

gboolean              bb_report_export           (BbDatabase           *db,
                                                  const BbActor        *actor,
                                                  const char           *from,
                                                  const char           *to,
                                                  BbReportWriter        writer,
                                                  const char           *path,
                                                  BbProgressFunc        progress,
                                                  gpointer              progress_data,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void                  bb_report_export_async     (BbDatabase           *db,
                                                  const BbActor        *actor,
                                                  const char           *from,
                                                  const char           *to,
                                                  BbReportWriter        writer,
                                                  const char           *path,
                                                  BbProgressFunc        progress,
                                                  gpointer              progress_data,
                                                  GDestroyNotify        progress_data_free,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean              bb_report_export_finish    (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
