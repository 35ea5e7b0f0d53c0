/* bb-consultation-dialog.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_CONSULTATION_DIALOG (bb_consultation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbConsultationDialog, bb_consultation_dialog, BB, CONSULTATION_DIALOG,
                      AdwWindow)

BbConsultationDialog *bb_consultation_dialog_new (GtkWindow     *parent,
                                                  BbDatabase    *database,
                                                  const BbActor *actor);

G_END_DECLS
