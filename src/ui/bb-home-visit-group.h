/* bb-home-visit-group.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BB_TYPE_HOME_VISIT_GROUP (bb_home_visit_group_get_type ())

G_DECLARE_FINAL_TYPE (BbHomeVisitGroup, bb_home_visit_group, BB, HOME_VISIT_GROUP,
                      AdwPreferencesGroup)

GtkWidget  *bb_home_visit_group_new             (void);
gboolean    bb_home_visit_group_validate        (BbHomeVisitGroup *self);
char       *bb_home_visit_group_dup_address     (BbHomeVisitGroup *self);
gint64      bb_home_visit_group_get_appointment (BbHomeVisitGroup *self);
char       *bb_home_visit_group_dup_appointment_text (BbHomeVisitGroup *self);
JsonObject *bb_home_visit_group_save            (BbHomeVisitGroup *self);
void        bb_home_visit_group_restore         (BbHomeVisitGroup *self,
                                                 JsonObject       *data);

G_END_DECLS
