/* bb-form-pdf.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printed forms as PDF files, with no display: the same drawing the GUI's
 * GtkPrintOperation does, onto a cairo PDF surface of A4 paper.
 */

#define G_LOG_DOMAIN "bb-form-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "bb-error.h"
#include "bb-form-pdf.h"
#include "bb-form-wording.h"
#include "bb-print-page.h"

typedef guint (*PaginateFunc) (cairo_t *cr, gconstpointer data);
typedef void (*DrawPageFunc) (cairo_t *cr, gconstpointer data, guint page);

static guint
paginate_slip (cairo_t       *cr,
               gconstpointer  data)
{
  return 1;
}

static void
draw_slip (cairo_t       *cr,
           gconstpointer  data,
           guint          page)
{
  bb_form_slip_draw (cr, data);
}

static guint
paginate_notice (cairo_t       *cr,
                 gconstpointer  data)
{
  return bb_form_notice_paginate (cr, data);
}

static void
draw_notice (cairo_t       *cr,
             gconstpointer  data,
             guint          page)
{
  bb_form_notice_draw_page (cr, data, page);
}

static guint
paginate_handover (cairo_t       *cr,
                   gconstpointer  data)
{
  return bb_form_handover_paginate (cr, data);
}

static void
draw_handover (cairo_t       *cr,
               gconstpointer  data,
               guint          page)
{
  bb_form_handover_draw_page (cr, data, page);
}

static cairo_surface_t *
create_surface (const char *path,
                const char *title,
                gboolean    landscape)
{
  cairo_surface_t *surface;

  surface = landscape ? cairo_pdf_surface_create (path, BB_A4_HEIGHT_PT, BB_A4_WIDTH_PT)
                      : cairo_pdf_surface_create (path, BB_A4_WIDTH_PT, BB_A4_HEIGHT_PT);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "Bangban " PACKAGE_VERSION);
    }
  return surface;
}

/* Finishes the file and reports what went wrong (a folder that does not
 * exist, a full disk…), naming the file. */
static gboolean
finish (cairo_surface_t  *surface,
        cairo_t          *cr,
        const char       *path,
        GError          **error)
{
  cairo_status_t status = cr != NULL ? cairo_status (cr) : CAIRO_STATUS_SUCCESS;

  if (cr != NULL)
    cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("Cannot write the PDF file “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_portrait (const char     *path,
                const char     *title,
                PaginateFunc    paginate,
                DrawPageFunc    draw_page,
                gconstpointer   data,
                GError        **error)
{
  cairo_surface_t *surface = create_surface (path, title, FALSE);
  cairo_t *cr = NULL;

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      guint n_pages;

      cr = cairo_create (surface);
      n_pages = paginate (cr, data);
      for (guint page = 0; page < n_pages; page++)
        {
          draw_page (cr, data, page);
          cairo_show_page (cr);
        }
    }
  return finish (surface, cr, path, error);
}

/**
 * bb_form_pdf_write_slip:
 *
 * Writes the acceptance slip (代办事项受理单) to @path as a one-page A4 PDF.
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_FAILED naming the file
 */
gboolean
bb_form_pdf_write_slip (const char        *path,
                        const BbSlipData  *data,
                        GError           **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  title = bb_form_title (data->team_name, "代办事项受理单");
  return write_portrait (path, title, paginate_slip, draw_slip, data, error);
}

/**
 * bb_form_pdf_write_notice:
 *
 * Writes the one-time notice (一次性告知单) to @path as an A4 PDF (one page
 * unless the list of materials is long).
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_FAILED naming the file
 */
gboolean
bb_form_pdf_write_notice (const char          *path,
                          const BbNoticeData  *data,
                          GError             **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  title = bb_form_title (data->team_name, "一次性告知单");
  return write_portrait (path, title, paginate_notice, draw_notice, data, error);
}

/**
 * bb_form_pdf_write_handover:
 *
 * Writes the handover receipt (交接证明) to @path as an A4 PDF (one page
 * unless the list is long).
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_FAILED naming the file
 */
gboolean
bb_form_pdf_write_handover (const char            *path,
                            const BbHandoverData  *data,
                            GError               **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  title = bb_form_title (data->team_name, "交接证明");
  return write_portrait (path, title, paginate_handover, draw_handover, data, error);
}

/**
 * bb_form_pdf_write_register:
 *
 * Paginates @form and writes every page to @path as an A4 landscape PDF.
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_FAILED naming the file
 */
gboolean
bb_form_pdf_write_register (const char      *path,
                            BbFormRegister  *form,
                            GError         **error)
{
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  title = bb_form_register_dup_title (form);
  surface = create_surface (path, title, TRUE);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      guint n_pages;

      cr = cairo_create (surface);
      n_pages = bb_form_register_paginate (form, cr);
      for (guint page = 0; page < n_pages; page++)
        {
          bb_form_register_draw_page (form, cr, page);
          cairo_show_page (cr);
        }
    }
  return finish (surface, cr, path, error);
}
