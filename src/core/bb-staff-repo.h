/* bb-staff-repo.h
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
 * BbStaff:
 * @id: the row
 * @number: the staff number (工号), unique
 * @name: the person's name
 * @role: the role
 * @phone: (nullable): the phone number, normalised
 * @posts: (nullable): posts held (free text, e.g. “帮办代办服务区”)
 * @active: %FALSE once the account has been deactivated
 * @created_at: µs since the epoch, UTC
 * @version: for optimistic locking
 *
 * A staff member (服务人员) as core hands it out. Never carries the
 * password hash.
 */
typedef struct
{
  gint64    id;
  char     *number;
  char     *name;
  BbRole    role;
  char     *phone;
  char     *posts;
  gboolean  active;
  gint64    created_at;
  int       version;
} BbStaff;

#define BB_TYPE_STAFF (bb_staff_get_type ())

GType      bb_staff_get_type             (void) G_GNUC_CONST;
BbStaff   *bb_staff_copy                 (const BbStaff  *staff);
void       bb_staff_free                 (BbStaff        *staff);
BbActor   *bb_staff_to_actor             (const BbStaff  *staff);
JsonNode  *bb_staff_to_json              (const BbStaff  *staff);

gint64     bb_staff_repo_count           (BbDatabase     *db,
                                          GError        **error);
gint64     bb_staff_repo_add             (BbDatabase     *db,
                                          const BbActor  *actor,
                                          const char     *number,
                                          const char     *name,
                                          BbRole          role,
                                          const char     *phone,
                                          const char     *posts,
                                          const char     *password,
                                          GError        **error);
gboolean   bb_staff_repo_update          (BbDatabase     *db,
                                          const BbActor  *actor,
                                          const BbStaff  *staff,
                                          GError        **error);
BbStaff   *bb_staff_repo_get             (BbDatabase     *db,
                                          gint64          id,
                                          GError        **error);
BbStaff   *bb_staff_repo_find_by_number  (BbDatabase     *db,
                                          const char     *number,
                                          GError        **error);
BbStaff   *bb_staff_repo_first_admin     (BbDatabase     *db,
                                          GError        **error);
GPtrArray *bb_staff_repo_list            (BbDatabase     *db,
                                          gboolean        include_inactive,
                                          GError        **error);
BbActor   *bb_staff_repo_authenticate    (BbDatabase     *db,
                                          const char     *number,
                                          const char     *password,
                                          GError        **error);
gboolean   bb_staff_repo_set_active      (BbDatabase     *db,
                                          const BbActor  *actor,
                                          gint64          id,
                                          gboolean        active,
                                          int             expected_version,
                                          GError        **error);
gboolean   bb_staff_repo_set_role        (BbDatabase     *db,
                                          const BbActor  *actor,
                                          gint64          id,
                                          BbRole          role,
                                          int             expected_version,
                                          GError        **error);
gboolean   bb_staff_repo_reset_password  (BbDatabase     *db,
                                          const BbActor  *actor,
                                          gint64          id,
                                          const char     *password,
                                          int             expected_version,
                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbStaff, bb_staff_free)

G_END_DECLS
