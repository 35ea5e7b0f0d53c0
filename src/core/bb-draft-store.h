/* bb-draft-store.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BB_TYPE_DRAFT_STORE (bb_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (BbDraftStore, bb_draft_store, BB, DRAFT_STORE, GObject)

BbDraftStore *bb_draft_store_new                (const char    *kind);
BbDraftStore *bb_draft_store_new_for_directory  (const char    *directory,
                                                 const char    *kind);
const char   *bb_draft_store_get_kind           (BbDraftStore  *self);
const char   *bb_draft_store_get_path           (BbDraftStore  *self);
guint         bb_draft_store_get_delay          (BbDraftStore  *self);
void          bb_draft_store_set_delay          (BbDraftStore  *self,
                                                 guint          delay_ms);
gboolean      bb_draft_store_exists             (BbDraftStore  *self);
JsonObject   *bb_draft_store_load               (BbDraftStore  *self,
                                                 gint64        *saved_at,
                                                 GError       **error);
gboolean      bb_draft_store_save               (BbDraftStore  *self,
                                                 JsonObject    *data,
                                                 GError       **error);
void          bb_draft_store_queue_save         (BbDraftStore  *self,
                                                 JsonObject    *data);
gboolean      bb_draft_store_get_pending        (BbDraftStore  *self);
gboolean      bb_draft_store_flush              (BbDraftStore  *self,
                                                 GError       **error);
gboolean      bb_draft_store_discard            (BbDraftStore  *self,
                                                 GError       **error);

char         *bb_draft_store_default_directory  (void);

G_END_DECLS
