/* bb-form-report.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-complaint-repo.h"
#include "bb-print-page.h"
#include "bb-stats.h"

G_BEGIN_DECLS

/* A laid-out document of several pages: the statistics report or the
 * complaint record. Paginate it for a page size, then draw its pages (from
 * GtkPrintOperation::draw-page, a preview widget or a PDF surface). */
typedef struct _BbFormFlow BbFormFlow;

BbFormFlow *bb_form_report_new              (const BbStats            *stats);
BbFormFlow *bb_form_complaint_new           (const BbComplaintDetail  *detail,
                                             const char               *team_name,
                                             const char               *hotline);
void        bb_form_flow_free               (BbFormFlow               *flow);
guint       bb_form_flow_paginate           (BbFormFlow               *flow,
                                             cairo_t                  *cr,
                                             double                    width,
                                             double                    height);
void        bb_form_flow_draw_page          (BbFormFlow               *flow,
                                             cairo_t                  *cr,
                                             guint                     page);
gboolean    bb_form_flow_write_pdf          (BbFormFlow               *flow,
                                             const char               *path,
                                             BbProgressFunc            progress,
                                             gpointer                  progress_data,
                                             GCancellable             *cancellable,
                                             GError                  **error);

gboolean    bb_form_report_write_pdf        (const BbStats            *stats,
                                             const char               *path,
                                             BbProgressFunc            progress,
                                             gpointer                  progress_data,
                                             GCancellable             *cancellable,
                                             GError                  **error);
gboolean    bb_form_complaint_write_pdf     (const BbComplaintDetail  *detail,
                                             const char               *team_name,
                                             const char               *hotline,
                                             const char               *path,
                                             GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbFormFlow, bb_form_flow_free)

G_END_DECLS
