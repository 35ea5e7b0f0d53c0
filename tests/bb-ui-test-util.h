/* bb-ui-test-util.h — shared by the tests that drive widgets
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        bb_ui_test_iterate_until     (GSourceFunc  condition,
                                          gpointer     data,
                                          const char  *what);
void        bb_ui_test_wait_ms           (guint        ms);
void        bb_ui_test_wait_for_draw     (GtkWidget   *widget);
const char *bb_ui_test_lang_tag          (void);
void        bb_ui_test_save_screenshot   (GtkWidget   *widget,
                                          const char  *prefix,
                                          const char  *name);
GtkWidget  *bb_ui_test_find_named        (GtkWidget   *root,
                                          GType        type,
                                          const char  *name);
gpointer    bb_ui_test_template_child    (gpointer     widget,
                                          GType        type,
                                          const char  *name);

G_END_DECLS
