/* bb-catalogue-item-dialog.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-catalogue-repo.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_CATALOGUE_ITEM_DIALOG (bb_catalogue_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbCatalogueItemDialog, bb_catalogue_item_dialog, BB, CATALOGUE_ITEM_DIALOG,
                      AdwWindow)

BbCatalogueItemDialog *bb_catalogue_item_dialog_new       (GtkWindow             *parent,
                                                           BbDatabase            *database,
                                                           const BbActor         *actor,
                                                           const BbCatalogueItem *item);
gboolean               bb_catalogue_item_dialog_get_editable (BbCatalogueItemDialog *self);

G_END_DECLS
