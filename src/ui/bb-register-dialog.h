/* bb-register-dialog.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"

G_BEGIN_DECLS

#define BB_TYPE_REGISTER_DIALOG (bb_register_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbRegisterDialog, bb_register_dialog, BB, REGISTER_DIALOG, AdwMessageDialog)

BbRegisterDialog *bb_register_dialog_new       (GtkWindow        *parent,
                                                BbApplication    *application);
gboolean          bb_register_dialog_get_valid (BbRegisterDialog *self);

G_END_DECLS
