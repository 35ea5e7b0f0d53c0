/* bb-audit.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbChange:
 * @revision: the change feed's revision
 * @entity: what changed: “case”, “client”, “staff”, “setting”…
 * @entity_id: which one (0 when not a single row)
 */
typedef struct
{
  gint64  revision;
  char   *entity;
  gint64  entity_id;
} BbChange;

gboolean   bb_audit_record          (BbDatabase     *db,
                                     const BbActor  *actor,
                                     const char     *entity,
                                     gint64          entity_id,
                                     const char     *action,
                                     JsonNode       *before,
                                     JsonNode       *after,
                                     GError        **error);
gboolean   bb_audit_verify          (BbDatabase     *db,
                                     gint64         *n_checked,
                                     gint64         *first_broken,
                                     GError        **error);
char      *bb_audit_compute_hash    (const char     *prev_hash,
                                     gint64          seq,
                                     gint64          at,
                                     const char     *actor,
                                     const char     *entity,
                                     gint64          entity_id,
                                     const char     *action,
                                     const char     *before,
                                     const char     *after);

gint64     bb_change_feed_revision  (BbDatabase     *db,
                                     GError        **error);
GPtrArray *bb_change_feed_since     (BbDatabase     *db,
                                     gint64          revision,
                                     guint           limit,
                                     GError        **error);
void       bb_change_free           (BbChange       *change);

G_END_DECLS
