/* bb-complaints-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-complaint-repo.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_COMPLAINTS_PAGE (bb_complaints_page_get_type ())

G_DECLARE_FINAL_TYPE (BbComplaintsPage, bb_complaints_page, BB, COMPLAINTS_PAGE, AdwBin)

BbComplaintsPage        *bb_complaints_page_new           (BbDatabase       *database,
                                                           const BbActor    *actor);
BbDatabase              *bb_complaints_page_get_database  (BbComplaintsPage *self);
void                     bb_complaints_page_set_database  (BbComplaintsPage *self,
                                                           BbDatabase       *database);
const BbActor           *bb_complaints_page_get_actor     (BbComplaintsPage *self);
void                     bb_complaints_page_set_actor     (BbComplaintsPage *self,
                                                           const BbActor    *actor);
gboolean                 bb_complaints_page_get_busy      (BbComplaintsPage *self);
void                     bb_complaints_page_reload        (BbComplaintsPage *self);
guint                    bb_complaints_page_get_n_shown   (BbComplaintsPage *self);
void                     bb_complaints_page_select        (BbComplaintsPage *self,
                                                           const char       *number);
const BbComplaintDetail *bb_complaints_page_get_detail    (BbComplaintsPage *self);
GtkWindow               *bb_complaints_page_new_complaint (BbComplaintsPage *self);

G_END_DECLS
