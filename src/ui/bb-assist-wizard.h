/* bb-assist-wizard.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-wizard.h"

G_BEGIN_DECLS

#define BB_TYPE_ASSIST_WIZARD (bb_assist_wizard_get_type ())

G_DECLARE_FINAL_TYPE (BbAssistWizard, bb_assist_wizard, BB, ASSIST_WIZARD, BbWizard)

BbAssistWizard *bb_assist_wizard_new           (GtkWindow     *parent,
                                                BbDatabase    *db,
                                                const BbActor *actor);
gboolean        bb_assist_wizard_has_draft     (char         **summary);
void            bb_assist_wizard_discard_draft (void);

G_END_DECLS
