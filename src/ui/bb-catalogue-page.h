/* bb-catalogue-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_CATALOGUE_PAGE (bb_catalogue_page_get_type ())

G_DECLARE_FINAL_TYPE (BbCataloguePage, bb_catalogue_page, BB, CATALOGUE_PAGE, AdwBin)

BbCataloguePage *bb_catalogue_page_new          (BbDatabase      *database,
                                                 const BbActor   *actor);
BbDatabase      *bb_catalogue_page_get_database (BbCataloguePage *self);
void             bb_catalogue_page_set_database (BbCataloguePage *self,
                                                 BbDatabase      *database);
const BbActor   *bb_catalogue_page_get_actor    (BbCataloguePage *self);
void             bb_catalogue_page_set_actor    (BbCataloguePage *self,
                                                 const BbActor   *actor);
gboolean         bb_catalogue_page_get_busy     (BbCataloguePage *self);
void             bb_catalogue_page_reload       (BbCataloguePage *self);
void             bb_catalogue_page_import_file  (BbCataloguePage *self,
                                                 GFile           *file);

G_END_DECLS
