/* bb-holidays-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_HOLIDAYS_PAGE (bb_holidays_page_get_type ())

G_DECLARE_FINAL_TYPE (BbHolidaysPage, bb_holidays_page, BB, HOLIDAYS_PAGE, AdwBin)

BbHolidaysPage *bb_holidays_page_new          (BbDatabase     *database,
                                               const BbActor  *actor);
BbDatabase     *bb_holidays_page_get_database (BbHolidaysPage *self);
void            bb_holidays_page_set_database (BbHolidaysPage *self,
                                               BbDatabase     *database);
const BbActor  *bb_holidays_page_get_actor    (BbHolidaysPage *self);
void            bb_holidays_page_set_actor    (BbHolidaysPage *self,
                                               const BbActor  *actor);
int             bb_holidays_page_get_year     (BbHolidaysPage *self);
const char     *bb_holidays_page_get_day_description (BbHolidaysPage *self,
                                                      const char     *date);
void            bb_holidays_page_set_year     (BbHolidaysPage *self,
                                               int             year);
gboolean        bb_holidays_page_get_busy     (BbHolidaysPage *self);
void            bb_holidays_page_reload       (BbHolidaysPage *self);
void            bb_holidays_page_import_file  (BbHolidaysPage *self,
                                               GFile          *file);

G_END_DECLS
