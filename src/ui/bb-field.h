/* bb-field.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        bb_field_set_message  (GtkWidget   *field,
                                   const char  *message);
void        bb_field_set_error    (GtkWidget   *field,
                                   const GError *error);
const char *bb_field_get_message  (GtkWidget   *field);
char       *bb_field_dup_text     (GtkWidget   *field);

G_END_DECLS
