/* bb-register-dialog.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Print Register…" in the main menu: asks for a date range (this month so
 * far by default) and which cases, checks the dates as they are typed, and
 * opens the register (帮办代办服务事项登记表, table A.1) of the cases
 * applied for in the range in the print preview through bb_print_register(),
 * which loads it through core in a thread. The register holds personal
 * data: the main menu offers it only to those who may export it, and core
 * checks again.
 */

#define G_LOG_DOMAIN "bb-register-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-clock.h"
#include "bb-print.h"
#include "bb-register-dialog.h"
#include "bb-validate.h"

struct _BbRegisterDialog
{
  AdwMessageDialog  parent_instance;

  BbApplication    *application;
  gboolean          valid;

  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  AdwComboRow      *kind_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (BbRegisterDialog, bb_register_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The combo row's items, in its order. */
static const char *kinds[] = { NULL, "assist", "proxy" };

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
range_changed_cb (BbRegisterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  gboolean from_ok, to_ok;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  from_ok = bb_validate_date (from, &first, &error);
  if (!from_ok)
    /* Translators: %s says why the date is wrong */
    message = g_strdup_printf (_("First day: %s"), error->message);
  g_clear_error (&error);
  to_ok = bb_validate_date (to, &last, &error);
  if (!to_ok && message == NULL)
    message = g_strdup_printf (_("Last day: %s"), error->message);
  if (from_ok && to_ok && g_date_compare (&first, &last) > 0)
    {
      to_ok = FALSE;
      message = g_strdup (_("The last day is before the first day."));
    }

  set_row_error (self->from_row, !from_ok);
  set_row_error (self->to_row, !to_ok);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  self->valid = from_ok && to_ok;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "print", self->valid);
}

static void
bb_register_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  BbRegisterDialog *self = BB_REGISTER_DIALOG (dialog);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  BbDatabase *db = self->application ? bb_application_get_database (self->application) : NULL;

  if (g_str_equal (response, "print") && self->valid && db != NULL)
    bb_print_register (gtk_window_get_transient_for (GTK_WINDOW (self)), db,
                       bb_application_get_actor (self->application),
                       gtk_editable_get_text (GTK_EDITABLE (self->from_row)),
                       gtk_editable_get_text (GTK_EDITABLE (self->to_row)),
                       kind < G_N_ELEMENTS (kinds) ? kinds[kind] : NULL);
}

static void
bb_register_dialog_dispose (GObject *object)
{
  BbRegisterDialog *self = BB_REGISTER_DIALOG (object);

  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_register_dialog_parent_class)->dispose (object);
}

static void
bb_register_dialog_class_init (BbRegisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = bb_register_dialog_dispose;
  dialog_class->response = bb_register_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-register-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BbRegisterDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, BbRegisterDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, BbRegisterDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BbRegisterDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
}

static void
bb_register_dialog_init (BbRegisterDialog *self)
{
  GDate today;
  char from[16], to[16];

  gtk_widget_init_template (GTK_WIDGET (self));

  /* This month so far. */
  bb_clock_today (&today);
  g_date_strftime (to, sizeof to, "%Y-%m-%d", &today);
  g_date_set_day (&today, 1);
  g_date_strftime (from, sizeof from, "%Y-%m-%d", &today);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  range_changed_cb (self);
}

/**
 * bb_register_dialog_new:
 * @parent: the window the preview will belong to
 * @application: its database and signed-in person
 *
 * Returns: (transfer none): the dialog, to present
 */
BbRegisterDialog *
bb_register_dialog_new (GtkWindow     *parent,
                        BbApplication *application)
{
  BbRegisterDialog *self;

  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);

  self = g_object_new (BB_TYPE_REGISTER_DIALOG, "transient-for", parent, NULL);
  self->application = g_object_ref (application);
  return self;
}

/**
 * bb_register_dialog_get_valid:
 *
 * Returns: whether the range typed is valid (the Preview response is
 *   enabled)
 */
gboolean
bb_register_dialog_get_valid (BbRegisterDialog *self)
{
  g_return_val_if_fail (BB_IS_REGISTER_DIALOG (self), FALSE);

  return self->valid;
}
