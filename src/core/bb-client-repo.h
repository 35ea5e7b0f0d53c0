/* bb-client-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/* Client kinds (client.kind). */
#define BB_CLIENT_PERSON       "person"
#define BB_CLIENT_ORGANISATION "organisation"

/* Client categories (client.category), § 服务对象. */
#define BB_CATEGORY_KEY_ENTERPRISE "key_enterprise"
#define BB_CATEGORY_TALENT         "talent"
#define BB_CATEGORY_SPECIAL_CARE   "special_care"
#define BB_CATEGORY_MILITARY       "military"
#define BB_CATEGORY_INSPECTION     "inspection"
#define BB_CATEGORY_COMPLAINT      "complaint"
#define BB_CATEGORY_OTHER          "other"

/**
 * BbClient:
 * @id: the row (0 in a draft)
 * @kind: %BB_CLIENT_PERSON or %BB_CLIENT_ORGANISATION
 * @name: the person's or organisation's name (required, ≤ 100 characters)
 * @id_number: (nullable): resident ID number (persons), stored normalised
 * @credit_code: (nullable): unified social credit code (organisations)
 * @phone: (nullable): stored normalised
 * @email: (nullable)
 * @address: (nullable)
 * @category: one of the BB_CATEGORY_* codes (%NULL in a draft = “other”)
 * @talent_card: (nullable): 圣地英才卡 / 三秦英才卡 number
 * @notes: (nullable)
 * @created_at: µs since the epoch, UTC
 * @version: for optimistic locking
 *
 * A client (服务对象). The full ID number is in the struct: mask it with
 * bb_mask_id_number() wherever it is shown to someone who may not see it.
 */
typedef struct
{
  gint64  id;
  char   *kind;
  char   *name;
  char   *id_number;
  char   *credit_code;
  char   *phone;
  char   *email;
  char   *address;
  char   *category;
  char   *talent_card;
  char   *notes;
  gint64  created_at;
  int     version;
} BbClient;

#define BB_TYPE_CLIENT (bb_client_get_type ())

GType               bb_client_get_type            (void) G_GNUC_CONST;
BbClient           *bb_client_new                 (void);
BbClient           *bb_client_copy                (const BbClient  *client);
void                bb_client_free                (BbClient        *client);
gboolean            bb_client_validate            (const BbClient  *draft,
                                                   GError         **error);
JsonNode           *bb_client_to_json             (const BbClient  *client,
                                                   gboolean         reveal_id);

const char * const *bb_client_categories          (void);
gboolean            bb_client_category_is_valid   (const char      *code);
const char         *bb_client_category_label      (const char      *code);
const char         *bb_client_kind_label          (const char      *kind);
char               *bb_client_fold                (const char      *text);

gint64              bb_client_repo_add            (BbDatabase      *db,
                                                   const BbActor   *actor,
                                                   const BbClient  *draft,
                                                   GError         **error);
gboolean            bb_client_repo_update         (BbDatabase      *db,
                                                   const BbActor   *actor,
                                                   const BbClient  *client,
                                                   GError         **error);
BbClient           *bb_client_repo_get            (BbDatabase      *db,
                                                   gint64           id,
                                                   GError         **error);
char               *bb_client_repo_reveal_id      (BbDatabase      *db,
                                                   const BbActor   *actor,
                                                   gint64           id,
                                                   GError         **error);
GPtrArray          *bb_client_repo_find           (BbDatabase      *db,
                                                   const char      *query,
                                                   guint            limit,
                                                   GError         **error);
GPtrArray          *bb_client_repo_list           (BbDatabase      *db,
                                                   gint64           after_id,
                                                   guint            limit,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbClient, bb_client_free)

G_END_DECLS
