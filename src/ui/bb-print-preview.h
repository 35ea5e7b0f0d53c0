/* bb-print-preview.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-print.h"

G_BEGIN_DECLS

#define BB_TYPE_PRINT_PREVIEW (bb_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (BbPrintPreview, bb_print_preview, BB, PRINT_PREVIEW, GtkWidget)

GtkWidget       *bb_print_preview_new          (BbPrintDocument *document);
BbPrintDocument *bb_print_preview_get_document (BbPrintPreview  *self);
void             bb_print_preview_set_document (BbPrintPreview  *self,
                                                BbPrintDocument *document);
guint            bb_print_preview_get_page     (BbPrintPreview  *self);
void             bb_print_preview_set_page     (BbPrintPreview  *self,
                                                guint            page);
guint            bb_print_preview_get_n_pages  (BbPrintPreview  *self);
GdkTexture      *bb_print_preview_render_page  (BbPrintPreview  *self,
                                                int              width);

G_END_DECLS
