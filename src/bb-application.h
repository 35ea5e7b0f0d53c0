/* bb-application.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_APPLICATION (bb_application_get_type ())

G_DECLARE_FINAL_TYPE (BbApplication, bb_application, BB, APPLICATION, AdwApplication)

BbApplication *bb_application_new                (void);
BbDatabase    *bb_application_get_database       (BbApplication    *self);
const BbActor *bb_application_get_actor          (BbApplication    *self);
void           bb_application_set_actor          (BbApplication    *self,
                                                  const BbActor    *actor);
const char    *bb_application_get_database_error (BbApplication    *self);
gboolean       bb_application_get_opening        (BbApplication    *self);
BbLocation    *bb_application_dup_configured_location (BbApplication *self);
void           bb_application_open_database      (BbApplication    *self,
                                                  const BbLocation *location,
                                                  const char       *password);
void           bb_application_reopen_database    (BbApplication    *self);
void           bb_application_report_error       (BbApplication    *self,
                                                  const GError     *error);
gboolean       bb_application_get_connection_lost (BbApplication   *self);

G_END_DECLS
