/* bb-matter-step.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "bb-catalogue-repo.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_MATTER_STEP (bb_matter_step_get_type ())

G_DECLARE_FINAL_TYPE (BbMatterStep, bb_matter_step, BB, MATTER_STEP, GtkWidget)

BbMatterStep          *bb_matter_step_new            (void);
BbDatabase            *bb_matter_step_get_database   (BbMatterStep *self);
void                   bb_matter_step_set_database   (BbMatterStep *self,
                                                      BbDatabase   *database);
gboolean               bb_matter_step_get_complete   (BbMatterStep *self);
gboolean               bb_matter_step_get_loading    (BbMatterStep *self);
const BbCatalogueItem *bb_matter_step_get_item       (BbMatterStep *self);
void                   bb_matter_step_select_item    (BbMatterStep *self,
                                                      gint64        item_id);
JsonObject            *bb_matter_step_save           (BbMatterStep *self);
void                   bb_matter_step_restore        (BbMatterStep *self,
                                                      JsonObject   *data);

char                  *bb_material_describe          (const BbMaterial *material);

G_END_DECLS
