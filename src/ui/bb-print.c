/* bb-print.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing in the GUI (DESIGN.md § Printed forms). A BbPrintDocument is a
 * form of src/print with its data: it paginates and draws pages onto any
 * cairo_t in points. The same document is
 *  - shown in the in-app preview (BbPrintPreview), in a window with Print
 *    and Save as PDF, or inside a wizard page;
 *  - printed through GtkPrintOperation (its ::preview signal shows the
 *    in-app preview, since GTK's own needs an external viewer);
 *  - exported to PDF through GtkPrintOperation with
 *    GTK_PRINT_OPERATION_ACTION_EXPORT.
 * bb_print_slip() and its siblings load a case in a thread, fill the form's
 * data and show the preview window: what the case view's Print buttons call.
 */

#define G_LOG_DOMAIN "bb-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-clock.h"
#include "bb-error.h"
#include "bb-form-wording.h"
#include "bb-print.h"
#include "bb-print-page.h"
#include "bb-print-preview.h"
#include "bb-register-query.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"

struct _BbPrintDocument
{
  gatomicrefcount      ref_count;
  char                *title;
  gboolean             landscape;
  BbPrintPaginateFunc  paginate;
  BbPrintDrawFunc      draw;
  gpointer             data;
  GDestroyNotify       destroy;
  guint                n_pages;  /* 0 until paginated */
};

G_DEFINE_BOXED_TYPE (BbPrintDocument, bb_print_document, bb_print_document_ref,
                     bb_print_document_unref)

/* Documents */

/**
 * bb_print_document_new:
 * @title: the print job's name (and the file name offered for a PDF)
 * @landscape: whether the paper is A4 landscape rather than portrait
 * @paginate: (nullable): how many pages; %NULL for a one-page form
 * @draw: draws a page
 * @data: what @paginate and @draw draw
 * @destroy: (nullable): frees @data
 *
 * Returns: (transfer full): a document
 */
BbPrintDocument *
bb_print_document_new (const char          *title,
                       gboolean             landscape,
                       BbPrintPaginateFunc  paginate,
                       BbPrintDrawFunc      draw,
                       gpointer             data,
                       GDestroyNotify       destroy)
{
  BbPrintDocument *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (draw != NULL, NULL);

  self = g_new0 (BbPrintDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title);
  self->landscape = landscape;
  self->paginate = paginate;
  self->draw = draw;
  self->data = data;
  self->destroy = destroy;
  return self;
}

BbPrintDocument *
bb_print_document_ref (BbPrintDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bb_print_document_unref (BbPrintDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_free (self->title);
  g_free (self);
}

const char *
bb_print_document_get_title (BbPrintDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

gboolean
bb_print_document_get_landscape (BbPrintDocument *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->landscape;
}

/**
 * bb_print_document_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
bb_print_document_get_page_size (BbPrintDocument *self,
                                 double          *width,
                                 double          *height)
{
  g_return_if_fail (self != NULL);

  *width = self->landscape ? BB_A4_HEIGHT_PT : BB_A4_WIDTH_PT;
  *height = self->landscape ? BB_A4_WIDTH_PT : BB_A4_HEIGHT_PT;
}

/**
 * bb_print_document_paginate:
 * @cr: a context in points, as the pages will be drawn on
 *
 * Returns: how many pages the document takes on @cr
 */
guint
bb_print_document_paginate (BbPrintDocument *self,
                            cairo_t         *cr)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->n_pages = self->paginate != NULL ? self->paginate (cr, self->data) : 1;
  return self->n_pages;
}

/**
 * bb_print_document_get_n_pages:
 *
 * Returns: how many pages; the document is paginated on an image surface
 *   first if it was not paginated yet
 */
guint
bb_print_document_get_n_pages (BbPrintDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->n_pages == 0)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);

      bb_print_document_paginate (self, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return self->n_pages;
}

void
bb_print_document_draw_page (BbPrintDocument *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (page >= bb_print_document_get_n_pages (self))
    return;
  cairo_save (cr);
  self->draw (cr, page, self->data);
  cairo_restore (cr);
}

/* The forms' data, owned: the src/print structs point at strings they do
 * not own, so a document keeps copies of them here. */

typedef struct
{
  GPtrArray *strings;
  gpointer   form;       /* BbSlipData, BbNoticeData… */
  gpointer   array;      /* materials or items */
} FormData;

static const char *
keep (FormData   *owned,
      const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (owned->strings, copy);
  return copy;
}

static FormData *
form_data_new (gsize size)
{
  FormData *owned = g_new0 (FormData, 1);

  owned->strings = g_ptr_array_new_with_free_func (g_free);
  owned->form = g_malloc0 (size);
  return owned;
}

static void
form_data_free (FormData *owned)
{
  g_ptr_array_unref (owned->strings);
  g_free (owned->form);
  g_free (owned->array);
  g_free (owned);
}

static void
draw_slip (cairo_t  *cr,
           guint     page,
           gpointer  data)
{
  FormData *owned = data;

  bb_form_slip_draw (cr, owned->form);
}

/**
 * bb_print_document_new_slip:
 *
 * Returns: (transfer full): the acceptance slip (代办事项受理单) with a copy
 *   of @data
 */
BbPrintDocument *
bb_print_document_new_slip (const BbSlipData *data)
{
  FormData *owned = form_data_new (sizeof (BbSlipData));
  BbSlipData *slip = owned->form;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  slip->team_name = keep (owned, data->team_name);
  slip->date = keep (owned, data->date);
  slip->number = keep (owned, data->number);
  slip->applicant = keep (owned, data->applicant);
  slip->id_number = keep (owned, data->id_number);
  slip->phone = keep (owned, data->phone);
  slip->matter = keep (owned, data->matter);
  slip->applied_at = keep (owned, data->applied_at);
  slip->accepted_by = keep (owned, data->accepted_by);
  slip->accepted_at = keep (owned, data->accepted_at);
  slip->handler = keep (owned, data->handler);
  slip->limit = keep (owned, data->limit);
  slip->notes = keep (owned, data->notes);
  slip->hotline = keep (owned, data->hotline);

  title = g_strdup_printf ("代办事项受理单 %s", data->number != NULL ? data->number : "");
  return bb_print_document_new (g_strstrip (title), FALSE, NULL, draw_slip, owned,
                                (GDestroyNotify) form_data_free);
}

static guint
paginate_notice (cairo_t  *cr,
                 gpointer  data)
{
  FormData *owned = data;

  return bb_form_notice_paginate (cr, owned->form);
}

static void
draw_notice (cairo_t  *cr,
             guint     page,
             gpointer  data)
{
  FormData *owned = data;

  bb_form_notice_draw_page (cr, owned->form, page);
}

/**
 * bb_print_document_new_notice:
 *
 * Returns: (transfer full): the one-time notice (一次性告知单) with a copy
 *   of @data
 */
BbPrintDocument *
bb_print_document_new_notice (const BbNoticeData *data)
{
  FormData *owned = form_data_new (sizeof (BbNoticeData));
  BbNoticeData *notice = owned->form;
  BbNoticeMaterial *materials;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  notice->team_name = keep (owned, data->team_name);
  notice->number = keep (owned, data->number);
  notice->date = keep (owned, data->date);
  notice->applicant = keep (owned, data->applicant);
  notice->phone = keep (owned, data->phone);
  notice->matter = keep (owned, data->matter);
  notice->staff = keep (owned, data->staff);
  notice->staff_phone = keep (owned, data->staff_phone);
  notice->hotline = keep (owned, data->hotline);

  materials = g_new0 (BbNoticeMaterial, MAX (data->n_materials, 1));
  for (guint i = 0; i < data->n_materials; i++)
    {
      materials[i].name = keep (owned, data->materials[i].name);
      materials[i].requirement = keep (owned, data->materials[i].requirement);
      materials[i].how_to_obtain = keep (owned, data->materials[i].how_to_obtain);
    }
  owned->array = materials;
  notice->materials = materials;
  notice->n_materials = data->n_materials;

  title = g_strdup_printf ("一次性告知单 %s", data->number != NULL ? data->number : "");
  return bb_print_document_new (g_strstrip (title), FALSE, paginate_notice, draw_notice, owned,
                                (GDestroyNotify) form_data_free);
}

static guint
paginate_handover (cairo_t  *cr,
                   gpointer  data)
{
  FormData *owned = data;

  return bb_form_handover_paginate (cr, owned->form);
}

static void
draw_handover (cairo_t  *cr,
               guint     page,
               gpointer  data)
{
  FormData *owned = data;

  bb_form_handover_draw_page (cr, owned->form, page);
}

/**
 * bb_print_document_new_handover:
 *
 * Returns: (transfer full): the handover receipt (交接证明) with a copy of
 *   @data
 */
BbPrintDocument *
bb_print_document_new_handover (const BbHandoverData *data)
{
  FormData *owned = form_data_new (sizeof (BbHandoverData));
  BbHandoverData *handover = owned->form;
  const char **items;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  handover->team_name = keep (owned, data->team_name);
  handover->number = keep (owned, data->number);
  handover->date = keep (owned, data->date);
  handover->applicant = keep (owned, data->applicant);
  handover->phone = keep (owned, data->phone);
  handover->matter = keep (owned, data->matter);
  handover->result = keep (owned, data->result);
  handover->delivery = keep (owned, data->delivery);
  handover->staff = keep (owned, data->staff);

  items = g_new0 (const char *, data->n_items + 1);
  for (guint i = 0; i < data->n_items; i++)
    items[i] = keep (owned, data->items[i]);
  owned->array = items;
  handover->items = items;
  handover->n_items = data->n_items;

  title = g_strdup_printf ("交接证明 %s", data->number != NULL ? data->number : "");
  return bb_print_document_new (g_strstrip (title), FALSE, paginate_handover, draw_handover,
                                owned, (GDestroyNotify) form_data_free);
}

static guint
paginate_register (cairo_t  *cr,
                   gpointer  data)
{
  return bb_form_register_paginate (data, cr);
}

static void
draw_register (cairo_t  *cr,
               guint     page,
               gpointer  data)
{
  bb_form_register_draw_page (data, cr, page);
}

/**
 * bb_print_document_new_register:
 * @form: (transfer full): the register, its rows added
 *
 * Returns: (transfer full): the register (帮办代办服务事项登记表), A4
 *   landscape
 */
BbPrintDocument *
bb_print_document_new_register (BbFormRegister *form)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (form != NULL, NULL);

  title = bb_form_register_dup_title (form);
  return bb_print_document_new (title, TRUE, paginate_register, draw_register, form,
                                (GDestroyNotify) bb_form_register_free);
}

static guint
paginate_flow (cairo_t  *cr,
               gpointer  data)
{
  return bb_form_flow_paginate (data, cr, BB_A4_WIDTH_PT, BB_A4_HEIGHT_PT);
}

static void
draw_flow (cairo_t  *cr,
           guint     page,
           gpointer  data)
{
  bb_form_flow_draw_page (data, cr, page);
}

/**
 * bb_print_document_new_flow:
 * @flow: (transfer full): a laid-out document of src/print, such as the
 *   complaint record (bb_form_complaint_new())
 *
 * Returns: (transfer full): @flow as a document on A4 portrait paper
 */
BbPrintDocument *
bb_print_document_new_flow (const char *title,
                            BbFormFlow *flow)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (flow != NULL, NULL);

  return bb_print_document_new (title, FALSE, paginate_flow, draw_flow, flow,
                                (GDestroyNotify) bb_form_flow_free);
}

/**
 * bb_print_limit_text:
 * @deadline: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full): the promised limit as the slip prints it:
 *   “5个工作日（2026-03-09前）”
 */
char *
bb_print_limit_text (int         limit_days,
                     const char *deadline)
{
  if (limit_days <= 0)
    return g_strdup ("");
  if (deadline == NULL || *deadline == '\0')
    return g_strdup_printf ("%d个工作日", limit_days);
  return g_strdup_printf ("%d个工作日（%s前）", limit_days, deadline);
}

static char *
iso_date_of (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
today_iso (void)
{
  GDate today;
  char text[16];

  bb_clock_today (&today);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &today);
  return g_strdup (text);
}

static const char *
client_number (const BbCase *kase)
{
  if (kase->client_credit_code != NULL && *kase->client_credit_code != '\0')
    return kase->client_credit_code;
  return kase->client_id_number;
}

/**
 * bb_print_document_new_slip_for_case:
 * @kase: an accepted 代办 case
 * @team_name: (nullable): the setting team_name
 * @hotline: (nullable): the setting complaint_hotline
 *
 * The slip of @kase. It prints @kase's client_id_number as it is: the full
 * number when the reader may see it (record the reveal), masked otherwise.
 *
 * Returns: (transfer full): the document
 */
BbPrintDocument *
bb_print_document_new_slip_for_case (const BbCase *kase,
                                     const char   *team_name,
                                     const char   *hotline)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autofree char *date = iso_date_of (kase->accepted_at > 0 ? kase->accepted_at
                                                             : kase->applied_at);
  g_autofree char *applied_at = bb_form_time_text (kase->applied_at, tz);
  g_autofree char *accepted_at = bb_form_time_text (kase->accepted_at, tz);
  g_autofree char *limit = bb_print_limit_text (kase->limit_days, kase->deadline);
  g_autofree char *notes = NULL;
  BbSlipData data = { 0 };

  g_return_val_if_fail (kase != NULL, NULL);

  if (kase->state == BB_STATE_REFUSED && kase->refusal_reason != NULL)
    notes = g_strdup_printf ("不予受理：%s", kase->refusal_reason);
  else
    notes = g_strdup (kase->acceptance_notes);

  data.team_name = team_name;
  data.date = date;
  data.number = kase->number;
  data.applicant = kase->client_name;
  data.id_number = client_number (kase);
  data.phone = kase->client_phone;
  data.matter = kase->matter;
  data.applied_at = applied_at;
  data.accepted_by = kase->accepted_by_name;
  data.accepted_at = accepted_at;
  data.handler = kase->handler_name;
  data.limit = limit;
  data.notes = notes;
  data.hotline = hotline;
  return bb_print_document_new_slip (&data);
}

/* Print operations */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                BbPrintDocument   *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  gtk_print_operation_set_n_pages (operation, (int) bb_print_document_paginate (document, cr));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              BbPrintDocument   *document)
{
  bb_print_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                               (guint) page);
}

static void
preview_closed_cb (GtkWindow                *window,
                   GtkPrintOperationPreview *preview)
{
  gtk_print_operation_preview_end_preview (preview);
}

/* GTK's preview would run an external viewer: show Bangban's. */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            BbPrintDocument          *document)
{
  GtkWindow *window = bb_print_show_preview (parent, document);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK goes on paginating in this context (begin-print); the preview
   * window draws by itself. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_signal_connect_object (window, "destroy", G_CALLBACK (preview_closed_cb), preview, 0);
  return TRUE;
}

/**
 * bb_print_operation_new:
 *
 * Returns: (transfer full): an operation that prints @document on A4 paper
 *   in its orientation, in points from the paper's corner (the forms keep
 *   their own margins), with the in-app preview
 */
GtkPrintOperation *
bb_print_operation_new (BbPrintDocument *document)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (document != NULL, NULL);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, document->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                             : GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, document->title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);

  /* The operation keeps the document for its handlers. */
  g_object_set_data_full (G_OBJECT (operation), "bb-document", bb_print_document_ref (document),
                          (GDestroyNotify) bb_print_document_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), document);
  return operation;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (operation), "bb-parent");

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (parent, _("Printing Failed"), error != NULL ? error->message : NULL);
    }
  g_object_unref (operation);
}

/**
 * bb_print_run_dialog:
 *
 * Opens the print dialog for @document; printing goes on in the background.
 */
void
bb_print_run_dialog (GtkWindow       *parent,
                     BbPrintDocument *document)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (document != NULL);

  operation = bb_print_operation_new (document);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), "bb-parent", g_object_ref (parent),
                            g_object_unref);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Printing Failed"), error->message);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_object_unref (operation);
}

/**
 * bb_print_export_pdf:
 * @parent: (nullable): the window it is done for
 * @path: the PDF file to write
 *
 * Writes @document to @path as PDF through GtkPrintOperation (what “Save as
 * PDF” does), with no dialog.
 */
gboolean
bb_print_export_pdf (GtkWindow        *parent,
                     BbPrintDocument  *document,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = bb_print_operation_new (document);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_prefix_error (error, _("The PDF file could not be written: "));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GtkWindow       *parent;
  BbPrintDocument *document;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->parent);
  bb_print_document_unref (request->document);
  g_free (request);
}

static void
save_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                SaveRequest     *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file == NULL || g_file_peek_path (file) == NULL)
        show_error (request->parent, _("The PDF File Could Not Be Saved"),
                    _("Choose a file on this computer."));
      else if (!bb_print_export_pdf (request->parent, request->document,
                                     g_file_peek_path (file), &error))
        show_error (request->parent, _("The PDF File Could Not Be Saved"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  save_request_free (request);
}

/**
 * bb_print_save_pdf:
 *
 * Asks where to save @document as PDF, then writes it there.
 */
void
bb_print_save_pdf (GtkWindow       *parent,
                   BbPrintDocument *document)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  SaveRequest *request;

  g_return_if_fail (document != NULL);

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  name = g_strdup_printf ("%s.pdf", document->title);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  request = g_new0 (SaveRequest, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->document = bb_print_document_ref (document);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The preview window */

static void
preview_print_clicked_cb (GtkWidget *button,
                          GtkWindow *window)
{
  BbPrintDocument *document = g_object_get_data (G_OBJECT (window), "bb-document");

  bb_print_run_dialog (window, document);
}

static void
preview_save_clicked_cb (GtkWidget *button,
                         GtkWindow *window)
{
  BbPrintDocument *document = g_object_get_data (G_OBJECT (window), "bb-document");

  bb_print_save_pdf (window, document);
}

/**
 * bb_print_show_preview:
 * @parent: (nullable): the window it belongs to
 *
 * Shows @document in a window of its own, with Print and Save as PDF in its
 * header bar.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
bb_print_show_preview (GtkWindow       *parent,
                       BbPrintDocument *document)
{
  GtkWidget *window, *header, *print_button, *save_button, *preview, *box;
  GtkEventController *shortcuts;

  g_return_val_if_fail (document != NULL, NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), document->title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), parent != NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), document->landscape ? 900 : 640,
                               document->landscape ? 680 : 860);
  gtk_widget_add_css_class (window, "print-preview-window");
  g_object_set_data_full (G_OBJECT (window), "bb-document", bb_print_document_ref (document),
                          (GDestroyNotify) bb_print_document_unref);

  print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print_button, "suggested-action");
  g_signal_connect (print_button, "clicked", G_CALLBACK (preview_print_clicked_cb), window);
  save_button = gtk_button_new_with_mnemonic (_("Save as P_DF…"));
  g_signal_connect (save_button, "clicked", G_CALLBACK (preview_save_clicked_cb), window);

  header = adw_header_bar_new ();
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), save_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print_button);

  preview = bb_print_preview_new (document);
  gtk_widget_set_vexpand (preview, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), preview);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (print_button);
  return GTK_WINDOW (window);
}

/* Forms of a case, loaded in a thread */

typedef enum
{
  FORM_SLIP,
  FORM_NOTICE,
  FORM_HANDOVER,
  FORM_REGISTER,
  FORM_COMPLAINT,
} FormKind;

typedef struct
{
  FormKind    kind;
  BbDatabase *db;
  BbActor    *actor;
  char       *number;
  char       *from;
  char       *to;
  char       *case_kind;
  GtkWindow  *parent;
} FormRequest;

static void
form_request_free (FormRequest *request)
{
  g_clear_object (&request->db);
  g_clear_pointer (&request->actor, bb_actor_free);
  g_free (request->number);
  g_free (request->from);
  g_free (request->to);
  g_free (request->case_kind);
  g_clear_object (&request->parent);
  g_free (request);
}

static gboolean
load_settings (BbDatabase  *db,
               char       **team_name,
               char       **hotline,
               GError     **error)
{
  *team_name = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, error);
  if (*team_name == NULL)
    return FALSE;
  *hotline = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, NULL, error);
  return *hotline != NULL;
}

static char *
staff_phone (BbDatabase *db,
             gint64      staff_id)
{
  g_autoptr(BbStaff) staff = staff_id > 0 ? bb_staff_repo_get (db, staff_id, NULL) : NULL;

  return staff != NULL ? g_strdup (staff->phone) : NULL;
}

static char *
staff_name (BbDatabase *db,
            gint64      staff_id)
{
  g_autoptr(BbStaff) staff = staff_id > 0 ? bb_staff_repo_get (db, staff_id, NULL) : NULL;

  return staff != NULL ? g_strdup (staff->name) : NULL;
}

static BbPrintDocument *
load_slip (FormRequest  *request,
           const char   *team_name,
           const char   *hotline,
           GError      **error)
{
  g_autoptr(BbCase) kase = bb_case_repo_get (request->db, request->actor, request->number, error);

  if (kase == NULL)
    return NULL;
  if (kase->kind != BB_CASE_PROXY)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("Case %s is an assist case: only proxy cases have an acceptance slip"),
                   kase->number);
      return NULL;
    }
  if (kase->accepted_at <= 0 && kase->state != BB_STATE_REFUSED)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("Case %s has not been accepted yet: its slip is printed on acceptance"),
                   kase->number);
      return NULL;
    }
  /* The slip carries the full ID number: say who printed it. */
  if (kase->client_id_revealed &&
      !bb_case_repo_record_reveal (request->db, request->actor, kase, "slip", error))
    return NULL;
  return bb_print_document_new_slip_for_case (kase, team_name, hotline);
}

static BbPrintDocument *
load_notice (FormRequest  *request,
             const char   *team_name,
             const char   *hotline,
             GError      **error)
{
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GArray) materials = g_array_new (FALSE, TRUE, sizeof (BbNoticeMaterial));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = today_iso ();
  g_autofree char *phone = NULL;
  g_autofree char *staff = NULL;
  BbNoticeData data = { 0 };
  BbCase *kase;

  detail = bb_case_repo_get_detail (request->db, request->actor, request->number, error);
  if (detail == NULL)
    return NULL;
  kase = detail->kase;

  for (guint i = 0; i < detail->materials->len; i++)
    {
      BbCaseMaterial *material = g_ptr_array_index (detail->materials, i);
      BbNoticeMaterial line = { 0 };
      char *requirement;

      if (material->present)
        continue;
      requirement = bb_form_material_requirement (material->form, material->copies);
      g_ptr_array_add (strings, requirement);
      line.name = material->name;
      line.requirement = requirement;
      line.how_to_obtain = material->how_to_obtain;
      g_array_append_val (materials, line);
    }
  if (materials->len == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("No material of case %s is marked missing: there is nothing to notify"),
                   kase->number);
      return NULL;
    }

  if (kase->responsible_id > 0)
    {
      staff = g_strdup (kase->responsible_name);
      phone = staff_phone (request->db, kase->responsible_id);
    }
  else
    {
      staff = g_strdup (request->actor->name);
      phone = staff_phone (request->db, request->actor->staff_id);
    }

  data.team_name = team_name;
  data.number = kase->number;
  data.date = date;
  data.applicant = kase->client_name;
  data.phone = kase->client_phone;
  data.matter = kase->matter;
  data.staff = staff;
  data.staff_phone = phone;
  data.hotline = hotline;
  data.materials = (const BbNoticeMaterial *) materials->data;
  data.n_materials = materials->len;
  return bb_print_document_new_notice (&data);
}

static BbPrintDocument *
load_handover (FormRequest  *request,
               const char   *team_name,
               GError      **error)
{
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *date = NULL;
  g_autofree char *staff = NULL;
  BbHandoverData data = { 0 };
  BbHandover *handover;
  BbCase *kase;

  detail = bb_case_repo_get_detail (request->db, request->actor, request->number, error);
  if (detail == NULL)
    return NULL;
  kase = detail->kase;
  if (detail->handovers->len == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("Nothing has been handed over for case %s yet: record the handover first"),
                   kase->number);
      return NULL;
    }
  handover = g_ptr_array_index (detail->handovers, detail->handovers->len - 1);

  lines = g_strsplit (handover->items != NULL ? handover->items : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (items, lines[i]);
    }
  date = iso_date_of (handover->at);
  staff = staff_name (request->db, handover->staff_id);

  data.team_name = team_name;
  data.number = kase->number;
  data.date = date;
  data.applicant = kase->client_name;
  data.phone = kase->client_phone;
  data.matter = kase->matter;
  data.result = kase->result;
  data.delivery = kase->delivery;
  data.staff = staff;
  data.items = (const char * const *) items->pdata;
  data.n_items = items->len;
  return bb_print_document_new_handover (&data);
}

static BbPrintDocument *
load_register (FormRequest  *request,
               const char   *team_name,
               GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autofree char *period = NULL;
  BbFormRegister *form;

  if (!bb_actor_check (request->actor, BB_PERM_EXPORT_PERSONAL, error))
    return NULL;
  rows = bb_register_query_run (request->db, request->from, request->to, request->case_kind,
                                error);
  if (rows == NULL)
    return NULL;

  period = g_strdup_printf ("登记日期：%s 至 %s", request->from, request->to);
  form = bb_form_register_new (team_name, period);
  for (guint i = 0; i < rows->len; i++)
    bb_form_register_add_case (form, g_ptr_array_index (rows, i), tz);
  return bb_print_document_new_register (form);
}

static BbPrintDocument *
load_complaint (FormRequest  *request,
                const char   *team_name,
                const char   *hotline,
                GError      **error)
{
  g_autoptr(BbComplaintDetail) detail = NULL;
  g_autofree char *title = NULL;

  detail = bb_complaint_repo_get_detail (request->db, request->actor, request->number, error);
  if (detail == NULL)
    return NULL;
  title = g_strdup_printf ("投诉处理记录表 %s", detail->complaint->number);
  return bb_print_document_new_flow (title, bb_form_complaint_new (detail, team_name, hotline));
}

static void
load_form_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FormRequest *request = task_data;
  g_autofree char *team_name = NULL;
  g_autofree char *hotline = NULL;
  BbPrintDocument *document = NULL;
  GError *error = NULL;

  if (load_settings (request->db, &team_name, &hotline, &error))
    {
      switch (request->kind)
        {
        case FORM_SLIP:
          document = load_slip (request, team_name, hotline, &error);
          break;

        case FORM_NOTICE:
          document = load_notice (request, team_name, hotline, &error);
          break;

        case FORM_HANDOVER:
          document = load_handover (request, team_name, &error);
          break;

        case FORM_REGISTER:
          document = load_register (request, team_name, &error);
          break;

        case FORM_COMPLAINT:
          document = load_complaint (request, team_name, hotline, &error);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) bb_print_document_unref);
}

static void
form_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FormRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(BbPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      show_error (request->parent, _("The Form Cannot Be Printed"), error->message);
      return;
    }
  bb_print_show_preview (request->parent, document);
}

static void
load_form (FormRequest *request)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, form_loaded_cb, NULL);

  g_task_set_task_data (task, request, (GDestroyNotify) form_request_free);
  g_task_run_in_thread (task, load_form_thread);
}

static FormRequest *
form_request_new (FormKind       kind,
                  GtkWindow     *parent,
                  BbDatabase    *db,
                  const BbActor *actor,
                  const char    *number)
{
  FormRequest *request = g_new0 (FormRequest, 1);

  request->kind = kind;
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->db = g_object_ref (db);
  request->actor = bb_actor_copy (actor);
  request->number = g_strdup (number);
  return request;
}

/**
 * bb_print_slip:
 * @parent: (nullable): the window it is printed from
 * @actor: who prints (full ID numbers only if they may see them; audited)
 * @number: the case number
 *
 * Loads the 代办 case (in a thread) and shows its acceptance slip
 * (代办事项受理单, table A.2) in the preview window, with Print and Save as
 * PDF. Errors (no such case, not accepted yet…) are shown in a dialog.
 */
void
bb_print_slip (GtkWindow     *parent,
               BbDatabase    *db,
               const BbActor *actor,
               const char    *number)
{
  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (number != NULL);

  load_form (form_request_new (FORM_SLIP, parent, db, actor, number));
}

/**
 * bb_print_notice:
 *
 * As bb_print_slip(), for the one-time notice (一次性告知单) of the case's
 * materials marked missing.
 */
void
bb_print_notice (GtkWindow     *parent,
                 BbDatabase    *db,
                 const BbActor *actor,
                 const char    *number)
{
  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (number != NULL);

  load_form (form_request_new (FORM_NOTICE, parent, db, actor, number));
}

/**
 * bb_print_handover:
 *
 * As bb_print_slip(), for the handover receipt (交接证明) of the case's
 * latest handover.
 */
void
bb_print_handover (GtkWindow     *parent,
                   BbDatabase    *db,
                   const BbActor *actor,
                   const char    *number)
{
  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (number != NULL);

  load_form (form_request_new (FORM_HANDOVER, parent, db, actor, number));
}

/**
 * bb_print_register:
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day, `YYYY-MM-DD`
 * @kind: (nullable): `assist`, `proxy`, or %NULL for both
 *
 * As bb_print_slip(), for the register (帮办代办服务事项登记表, table A.1)
 * of the cases applied for in the range. It holds personal data: @actor
 * needs the right to export it.
 */
void
bb_print_register (GtkWindow     *parent,
                   BbDatabase    *db,
                   const BbActor *actor,
                   const char    *from,
                   const char    *to,
                   const char    *kind)
{
  FormRequest *request;

  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (from != NULL && to != NULL);

  request = form_request_new (FORM_REGISTER, parent, db, actor, NULL);
  request->from = g_strdup (from);
  request->to = g_strdup (to);
  request->case_kind = g_strdup (kind);
  load_form (request);
}

/**
 * bb_print_complaint:
 * @actor: who prints; needs the right to handle complaints
 * @number: the complaint's number
 *
 * As bb_print_slip(), for the record of a complaint (投诉处理记录表): its
 * intake, each step with its time, person, text and whether it was on
 * time, and the signature lines.
 */
void
bb_print_complaint (GtkWindow     *parent,
                    BbDatabase    *db,
                    const BbActor *actor,
                    const char    *number)
{
  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (number != NULL);

  load_form (form_request_new (FORM_COMPLAINT, parent, db, actor, number));
}
