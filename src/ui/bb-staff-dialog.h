/* bb-staff-dialog.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_STAFF_DIALOG (bb_staff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbStaffDialog, bb_staff_dialog, BB, STAFF_DIALOG, AdwWindow)

BbStaffDialog *bb_staff_dialog_new        (GtkWindow     *parent,
                                           BbDatabase    *database,
                                           const BbActor *actor);
const char    *bb_staff_dialog_role_title (BbRole         role);

G_END_DECLS
