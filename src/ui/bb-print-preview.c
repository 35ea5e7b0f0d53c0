/* bb-print-preview.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printed form on the screen: the very drawing that goes to the printer
 * or the PDF (a BbPrintDocument, drawing with src/print), scaled to fit,
 * one page at a time with page navigation. GTK's own print preview runs an
 * external viewer that a hall PC may not have (DESIGN.md § Platform); this
 * is what Bangban shows instead, in the 代办 wizard's last step, in the
 * preview window and for GtkPrintOperation::preview.
 */

#define G_LOG_DOMAIN "bb-print-preview"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bb-print-preview.h"

#define PAGE_MARGIN 16.0

struct _BbPrintPreview
{
  GtkWidget        parent_instance;

  BbPrintDocument *document;
  guint            page;
  guint            n_pages;

  GtkWidget       *area;
  GtkWidget       *nav_box;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  GtkWidget       *page_label;
};

G_DEFINE_FINAL_TYPE (BbPrintPreview, bb_print_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_page (BbPrintPreview *self,
           cairo_t        *cr,
           double          x,
           double          y,
           double          scale)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  bb_print_document_draw_page (self->document, cr, self->page);
  cairo_restore (cr);
}

static void
area_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  BbPrintPreview *self = user_data;
  double page_width, page_height;
  double scale, x, y, w, h;

  if (self->document == NULL || self->n_pages == 0)
    return;

  bb_print_document_get_page_size (self->document, &page_width, &page_height);
  scale = MIN ((width - 2 * PAGE_MARGIN) / page_width, (height - 2 * PAGE_MARGIN) / page_height);
  if (scale <= 0)
    return;
  w = page_width * scale;
  h = page_height * scale;
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

  /* A soft shadow, then the paper. */
  for (int i = 1; i <= 4; i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
      cairo_rectangle (cr, x - i + 1, y - i + 2, w + 2 * i - 2, h + 2 * i - 2);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);

  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  draw_page (self, cr, x, y, scale);
}

static void
update_navigation (BbPrintPreview *self)
{
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  /* Translators: under the print preview */
  text = g_strdup_printf (_("Page %u of %u"), MIN (self->page + 1, self->n_pages),
                          self->n_pages);
  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < self->n_pages);
  gtk_widget_set_visible (self->nav_box, self->n_pages > 1);

  description = self->document != NULL
                ? g_strdup_printf ("%s — %s", bb_print_document_get_title (self->document), text)
                : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);
  gtk_widget_queue_draw (self->area);
}

static void
previous_clicked_cb (BbPrintPreview *self)
{
  if (self->page > 0)
    bb_print_preview_set_page (self, self->page - 1);
}

static void
next_clicked_cb (BbPrintPreview *self)
{
  bb_print_preview_set_page (self, self->page + 1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BbPrintPreview        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      previous_clicked_cb (self);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      next_clicked_cb (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
bb_print_preview_dispose (GObject *object)
{
  BbPrintPreview *self = BB_PRINT_PREVIEW (object);

  g_clear_pointer (&self->area, gtk_widget_unparent);
  g_clear_pointer (&self->nav_box, gtk_widget_unparent);
  g_clear_pointer (&self->document, bb_print_document_unref);

  G_OBJECT_CLASS (bb_print_preview_parent_class)->dispose (object);
}

static void
bb_print_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbPrintPreview *self = BB_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_boxed (value, self->document);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_print_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbPrintPreview *self = BB_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      bb_print_preview_set_document (self, g_value_get_boxed (value));
      break;

    case PROP_PAGE:
      bb_print_preview_set_page (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_print_preview_class_init (BbPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_print_preview_dispose;
  object_class->get_property = bb_print_preview_get_property;
  object_class->set_property = bb_print_preview_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_boxed ("document", NULL, NULL, BB_TYPE_PRINT_DOCUMENT,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "printpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bb_print_preview_init (BbPrintPreview *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *keys;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 200, 260);
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_widget_add_css_class (self->area, "print-preview-area");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), area_draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print preview"), -1);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->previous_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->previous_button, _("Previous Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Page"), -1);
  gtk_widget_add_css_class (self->previous_button, "flat");
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb),
                            self);
  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Page"), -1);
  gtk_widget_add_css_class (self->next_button, "flat");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  self->page_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (self->page_label), 12);
  gtk_widget_add_css_class (self->page_label, "numeric");

  self->nav_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->nav_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->nav_box, 6);
  gtk_widget_set_margin_bottom (self->nav_box, 6);
  gtk_box_append (GTK_BOX (self->nav_box), self->previous_button);
  gtk_box_append (GTK_BOX (self->nav_box), self->page_label);
  gtk_box_append (GTK_BOX (self->nav_box), self->next_button);
  gtk_widget_set_parent (self->nav_box, GTK_WIDGET (self));

  update_navigation (self);
}

/**
 * bb_print_preview_new:
 * @document: (nullable): what to show
 */
GtkWidget *
bb_print_preview_new (BbPrintDocument *document)
{
  return g_object_new (BB_TYPE_PRINT_PREVIEW, "document", document, NULL);
}

/**
 * bb_print_preview_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
BbPrintDocument *
bb_print_preview_get_document (BbPrintPreview *self)
{
  g_return_val_if_fail (BB_IS_PRINT_PREVIEW (self), NULL);

  return self->document;
}

/**
 * bb_print_preview_set_document:
 *
 * Shows @document from its first page (it is paginated now if it was not).
 */
void
bb_print_preview_set_document (BbPrintPreview  *self,
                               BbPrintDocument *document)
{
  guint n_pages;

  g_return_if_fail (BB_IS_PRINT_PREVIEW (self));

  if (self->document == document)
    return;
  g_clear_pointer (&self->document, bb_print_document_unref);
  if (document != NULL)
    self->document = bb_print_document_ref (document);

  n_pages = document != NULL ? bb_print_document_get_n_pages (document) : 0;
  self->page = 0;
  if (self->n_pages != n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
bb_print_preview_get_page (BbPrintPreview *self)
{
  g_return_val_if_fail (BB_IS_PRINT_PREVIEW (self), 0);

  return self->page;
}

/**
 * bb_print_preview_set_page:
 * @page: from 0; past the last page means the last page
 */
void
bb_print_preview_set_page (BbPrintPreview *self,
                           guint           page)
{
  g_return_if_fail (BB_IS_PRINT_PREVIEW (self));

  if (self->n_pages > 0 && page >= self->n_pages)
    page = self->n_pages - 1;
  if (self->page == page)
    return;
  self->page = page;
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
bb_print_preview_get_n_pages (BbPrintPreview *self)
{
  g_return_val_if_fail (BB_IS_PRINT_PREVIEW (self), 0);

  return self->n_pages;
}

/**
 * bb_print_preview_render_page:
 * @width: the width of the picture in pixels
 *
 * Draws the page shown, at @width pixels across, as a picture (white paper,
 * no shadow): for thumbnails and for checking what the preview shows.
 *
 * Returns: (transfer full) (nullable): the picture, %NULL without a document
 */
GdkTexture *
bb_print_preview_render_page (BbPrintPreview *self,
                              int             width)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height, scale;
  int height, stride;
  GdkTexture *texture;

  g_return_val_if_fail (BB_IS_PRINT_PREVIEW (self), NULL);
  g_return_val_if_fail (width > 0, NULL);

  if (self->document == NULL || self->n_pages == 0)
    return NULL;

  bb_print_document_get_page_size (self->document, &page_width, &page_height);
  scale = width / page_width;
  height = (int) ceil (page_height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_page (self, cr, 0, 0, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);
  return texture;
}
