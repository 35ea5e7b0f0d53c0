/* bb-proxy-wizard.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-wizard.h"

G_BEGIN_DECLS

#define BB_TYPE_PROXY_WIZARD (bb_proxy_wizard_get_type ())

G_DECLARE_FINAL_TYPE (BbProxyWizard, bb_proxy_wizard, BB, PROXY_WIZARD, BbWizard)

BbProxyWizard *bb_proxy_wizard_new           (GtkWindow     *parent,
                                              BbDatabase    *db,
                                              const BbActor *actor);
const char    *bb_proxy_wizard_get_number    (BbProxyWizard *self);
gboolean       bb_proxy_wizard_get_ready     (BbProxyWizard *self);
gboolean       bb_proxy_wizard_has_draft     (char         **summary);
void           bb_proxy_wizard_discard_draft (void);

G_END_DECLS
