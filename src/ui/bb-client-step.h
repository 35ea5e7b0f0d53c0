/* bb-client-step.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "bb-client-repo.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_CLIENT_STEP (bb_client_step_get_type ())

G_DECLARE_FINAL_TYPE (BbClientStep, bb_client_step, BB, CLIENT_STEP, GtkWidget)

BbClientStep *bb_client_step_new                 (void);
BbDatabase   *bb_client_step_get_database        (BbClientStep   *self);
void          bb_client_step_set_database        (BbClientStep   *self,
                                                  BbDatabase     *database);
gboolean      bb_client_step_get_require_contact (BbClientStep   *self);
void          bb_client_step_set_require_contact (BbClientStep   *self,
                                                  gboolean        require_contact);
gboolean      bb_client_step_get_complete        (BbClientStep   *self);
gboolean      bb_client_step_get_is_new          (BbClientStep   *self);
gboolean      bb_client_step_get_needs_update    (BbClientStep   *self);
BbClient     *bb_client_step_dup_client          (BbClientStep   *self);
void          bb_client_step_select_client       (BbClientStep   *self,
                                                  const BbClient *client);
char         *bb_client_step_dup_summary         (BbClientStep   *self);
JsonObject   *bb_client_step_save                (BbClientStep   *self);
void          bb_client_step_restore             (BbClientStep   *self,
                                                  JsonObject     *data);

G_END_DECLS
