/* bb-staff-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_STAFF_PAGE (bb_staff_page_get_type ())

G_DECLARE_FINAL_TYPE (BbStaffPage, bb_staff_page, BB, STAFF_PAGE, AdwBin)

BbStaffPage   *bb_staff_page_new          (BbDatabase    *database,
                                           const BbActor *actor);
BbDatabase    *bb_staff_page_get_database (BbStaffPage   *self);
void           bb_staff_page_set_database (BbStaffPage   *self,
                                           BbDatabase    *database);
const BbActor *bb_staff_page_get_actor    (BbStaffPage   *self);
void           bb_staff_page_set_actor    (BbStaffPage   *self,
                                           const BbActor *actor);
gboolean       bb_staff_page_get_busy     (BbStaffPage   *self);
void           bb_staff_page_reload       (BbStaffPage   *self);

G_END_DECLS
