/* bb-rectifications-window.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"

G_BEGIN_DECLS

#define BB_TYPE_RECTIFICATIONS_WINDOW (bb_rectifications_window_get_type ())

G_DECLARE_FINAL_TYPE (BbRectificationsWindow, bb_rectifications_window, BB,
                      RECTIFICATIONS_WINDOW, AdwWindow)

BbRectificationsWindow *bb_rectifications_window_new       (BbApplication          *application,
                                                            GtkWindow              *parent);
void                    bb_rectifications_window_reload    (BbRectificationsWindow *self);
GPtrArray              *bb_rectifications_window_get_shown (BbRectificationsWindow *self);
gboolean                bb_rectifications_window_get_loading (BbRectificationsWindow *self);
GtkListBox             *bb_rectifications_window_get_list  (BbRectificationsWindow *self);

G_END_DECLS
