/* bb-csv-import.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbCsvImportFunc:
 * @text: the whole file, UTF-8 CSV with a header row
 * @n_imported: (out): how many records were imported
 *
 * A core function that imports @text in one transaction (called in a thread).
 */
typedef gboolean (*BbCsvImportFunc) (BbDatabase     *database,
                                     const BbActor  *actor,
                                     const char     *text,
                                     guint          *n_imported,
                                     GError        **error);

typedef void (*BbCsvChosenFunc) (GtkWidget *page,
                                 GFile     *file);

typedef struct _BbCsvImport BbCsvImport;

BbCsvImport *bb_csv_import_new         (BbCsvImportFunc      func,
                                        GtkRevealer         *progress_revealer,
                                        GtkLabel            *progress_label,
                                        GtkProgressBar      *progress_bar);
void         bb_csv_import_free        (BbCsvImport         *self);
gboolean     bb_csv_import_get_running (BbCsvImport         *self);
void         bb_csv_import_choose      (GtkWidget           *page,
                                        const char          *title,
                                        BbCsvChosenFunc      chosen);
void         bb_csv_import_start       (BbCsvImport         *self,
                                        GFile               *file,
                                        BbDatabase          *database,
                                        const BbActor       *actor,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     bb_csv_import_finish      (GAsyncResult        *result,
                                        guint               *n_imported,
                                        char               **file_name,
                                        gboolean            *unreadable,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCsvImport, bb_csv_import_free)

G_END_DECLS
