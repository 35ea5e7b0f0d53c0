/* bb-print.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-actor.h"
#include "bb-case-repo.h"
#include "bb-database.h"
#include "bb-form-handover.h"
#include "bb-form-notice.h"
#include "bb-form-register.h"
#include "bb-form-report.h"
#include "bb-form-slip.h"

G_BEGIN_DECLS

/**
 * BbPrintPaginateFunc:
 * @cr: a context in points on the page, as the form will be drawn
 * @data: the document's data
 *
 * Returns: how many pages the document takes
 */
typedef guint (*BbPrintPaginateFunc) (cairo_t  *cr,
                                      gpointer  data);

/**
 * BbPrintDrawFunc:
 * @cr: a context in points, its origin the top left corner of the paper
 * @page: which page, from 0
 * @data: the document's data
 */
typedef void  (*BbPrintDrawFunc)     (cairo_t  *cr,
                                      guint     page,
                                      gpointer  data);

typedef struct _BbPrintDocument BbPrintDocument;

#define BB_TYPE_PRINT_DOCUMENT (bb_print_document_get_type ())

GType            bb_print_document_get_type       (void) G_GNUC_CONST;
BbPrintDocument *bb_print_document_new            (const char            *title,
                                                   gboolean               landscape,
                                                   BbPrintPaginateFunc    paginate,
                                                   BbPrintDrawFunc        draw,
                                                   gpointer               data,
                                                   GDestroyNotify         destroy);
BbPrintDocument *bb_print_document_new_slip       (const BbSlipData      *data);
BbPrintDocument *bb_print_document_new_notice     (const BbNoticeData    *data);
BbPrintDocument *bb_print_document_new_handover   (const BbHandoverData  *data);
BbPrintDocument *bb_print_document_new_register   (BbFormRegister        *form);
BbPrintDocument *bb_print_document_new_flow       (const char            *title,
                                                   BbFormFlow            *flow);
BbPrintDocument *bb_print_document_ref            (BbPrintDocument       *self);
void             bb_print_document_unref          (BbPrintDocument       *self);
const char      *bb_print_document_get_title      (BbPrintDocument       *self);
gboolean         bb_print_document_get_landscape  (BbPrintDocument       *self);
void             bb_print_document_get_page_size  (BbPrintDocument       *self,
                                                   double                *width,
                                                   double                *height);
guint            bb_print_document_paginate       (BbPrintDocument       *self,
                                                   cairo_t               *cr);
guint            bb_print_document_get_n_pages    (BbPrintDocument       *self);
void             bb_print_document_draw_page      (BbPrintDocument       *self,
                                                   cairo_t               *cr,
                                                   guint                  page);

GtkPrintOperation *bb_print_operation_new         (BbPrintDocument       *document);
void             bb_print_run_dialog              (GtkWindow             *parent,
                                                   BbPrintDocument       *document);
gboolean         bb_print_export_pdf              (GtkWindow             *parent,
                                                   BbPrintDocument       *document,
                                                   const char            *path,
                                                   GError               **error);
void             bb_print_save_pdf                (GtkWindow             *parent,
                                                   BbPrintDocument       *document);
GtkWindow       *bb_print_show_preview            (GtkWindow             *parent,
                                                   BbPrintDocument       *document);

void             bb_print_slip                    (GtkWindow             *parent,
                                                   BbDatabase            *db,
                                                   const BbActor         *actor,
                                                   const char            *number);
void             bb_print_notice                  (GtkWindow             *parent,
                                                   BbDatabase            *db,
                                                   const BbActor         *actor,
                                                   const char            *number);
void             bb_print_handover                (GtkWindow             *parent,
                                                   BbDatabase            *db,
                                                   const BbActor         *actor,
                                                   const char            *number);
void             bb_print_register                (GtkWindow             *parent,
                                                   BbDatabase            *db,
                                                   const BbActor         *actor,
                                                   const char            *from,
                                                   const char            *to,
                                                   const char            *kind);
void             bb_print_complaint               (GtkWindow             *parent,
                                                   BbDatabase            *db,
                                                   const BbActor         *actor,
                                                   const char            *number);

char            *bb_print_limit_text              (int                    limit_days,
                                                   const char            *deadline);
BbPrintDocument *bb_print_document_new_slip_for_case (const BbCase       *kase,
                                                      const char         *team_name,
                                                      const char         *hotline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbPrintDocument, bb_print_document_unref)

G_END_DECLS
