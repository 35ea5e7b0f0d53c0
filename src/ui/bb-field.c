/* bb-field.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a field is not valid, shown beside it (DESIGN.md § Bad input and
 * faults): a row of a boxed list (an AdwEntryRow, an AdwActionRow…) gets a
 * slim row right under it with the reason in the error colour, the field
 * itself the .error style, and the reason as its accessible description so
 * that a screen reader says it too. Nothing else of the form changes: what
 * the user typed stays as it is.
 */

#define G_LOG_DOMAIN "bb-field"

#include "config.h"

#include "bb-field.h"

#define MESSAGE_ROW_KEY "bb-field-message-row"

static GtkLabel *
message_label (GtkWidget *row)
{
  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

static void
field_visible_changed_cb (GtkWidget  *field,
                          GParamSpec *pspec,
                          GtkWidget  *row)
{
  const char *text = gtk_label_get_text (message_label (row));

  gtk_widget_set_visible (row, gtk_widget_get_visible (field) && *text != '\0');
}

static GtkWidget *
ensure_message_row (GtkWidget *field)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (field), MESSAGE_ROW_KEY);
  GtkWidget *list = gtk_widget_get_parent (field);
  GtkWidget *label;

  if (row != NULL)
    return row;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (field), NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  label = g_object_new (GTK_TYPE_LABEL,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "selectable", TRUE,
                        NULL);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                      "activatable", FALSE,
                      "selectable", FALSE,
                      "focusable", FALSE,
                      "visible", FALSE,
                      "child", label,
                      NULL);
  gtk_widget_add_css_class (row, "field-message");
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);

  /* The message row lives and dies with its list; the field only points at
   * it, and hides it with itself. */
  g_object_set_data (G_OBJECT (field), MESSAGE_ROW_KEY, row);
  g_signal_connect_object (field, "notify::visible", G_CALLBACK (field_visible_changed_cb), row,
                           0);
  return row;
}

/**
 * bb_field_set_message:
 * @field: a row of a boxed list
 * @message: (nullable): why its value cannot be used; %NULL or empty when it can
 *
 * Shows @message beside @field, or takes it away.
 */
void
bb_field_set_message (GtkWidget  *field,
                      const char *message)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (field));

  if (message == NULL || *message == '\0')
    {
      row = g_object_get_data (G_OBJECT (field), MESSAGE_ROW_KEY);
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      if (row != NULL)
        {
          gtk_label_set_text (message_label (row), "");
          gtk_widget_set_visible (row, FALSE);
        }
      return;
    }

  row = ensure_message_row (field);
  if (row == NULL)
    return;
  gtk_label_set_text (message_label (row), message);
  gtk_widget_set_visible (row, gtk_widget_get_visible (field));
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

/**
 * bb_field_set_error:
 * @error: (nullable): what the validator said, or %NULL when the value is fine
 */
void
bb_field_set_error (GtkWidget    *field,
                    const GError *error)
{
  bb_field_set_message (field, error != NULL ? error->message : NULL);
}

/**
 * bb_field_get_message:
 *
 * Returns: (nullable): the message shown beside @field, %NULL when none
 */
const char *
bb_field_get_message (GtkWidget *field)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  row = g_object_get_data (G_OBJECT (field), MESSAGE_ROW_KEY);
  if (row == NULL || *gtk_label_get_text (message_label (row)) == '\0')
    return NULL;
  return gtk_label_get_text (message_label (row));
}

/**
 * bb_field_dup_text:
 * @field: a #GtkEditable
 *
 * Returns: (transfer full) (nullable): its text without surrounding white
 *   space, %NULL when that leaves nothing
 */
char *
bb_field_dup_text (GtkWidget *field)
{
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (field), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}
