/* bb-actor.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BB_ROLE_STAFF,
  BB_ROLE_LEADER,
  BB_ROLE_MANAGER,
  BB_ROLE_ADMIN,
} BbRole;

/**
 * BbPermission:
 * @BB_PERM_CASE_CREATE: register consultations and cases
 * @BB_PERM_CASE_ACT_OWN: act on cases one is responsible for (or unassigned ones)
 * @BB_PERM_CASE_ACT_ANY: act on anybody's case
 * @BB_PERM_CASE_ASSIGN: choose and change the responsible staff member
 * @BB_PERM_LIMIT_CHANGE: change the promised time limit
 * @BB_PERM_VIEW_ID_ANY: see full ID numbers of any case's client
 * @BB_PERM_EXPORT_PERSONAL: export personal data
 * @BB_PERM_STATS: charts and the statistics report
 * @BB_PERM_COMPLAINTS: handle complaints and rectifications
 * @BB_PERM_STAFF_MANAGE: staff accounts
 * @BB_PERM_CATALOGUE_MANAGE: the service-item catalogue
 * @BB_PERM_HOLIDAYS_MANAGE: the holiday calendar
 * @BB_PERM_SETTINGS: settings shared by every workstation
 */
typedef enum
{
  BB_PERM_CASE_CREATE,
  BB_PERM_CASE_ACT_OWN,
  BB_PERM_CASE_ACT_ANY,
  BB_PERM_CASE_ASSIGN,
  BB_PERM_LIMIT_CHANGE,
  BB_PERM_VIEW_ID_ANY,
  BB_PERM_EXPORT_PERSONAL,
  BB_PERM_STATS,
  BB_PERM_COMPLAINTS,
  BB_PERM_STAFF_MANAGE,
  BB_PERM_CATALOGUE_MANAGE,
  BB_PERM_HOLIDAYS_MANAGE,
  BB_PERM_SETTINGS,
} BbPermission;

/**
 * BbActor:
 * @staff_id: the staff row, 0 for the system itself
 * @number: the staff number (“system” for the system)
 * @name: the person's name
 * @role: the role
 *
 * Who does something: every repository call that changes data takes one,
 * checks its permissions and names it in the audit trail.
 */
typedef struct
{
  gint64  staff_id;
  char   *number;
  char   *name;
  BbRole  role;
} BbActor;

#define BB_TYPE_ACTOR (bb_actor_get_type ())

GType       bb_actor_get_type      (void) G_GNUC_CONST;
BbActor    *bb_actor_new           (gint64          staff_id,
                                    const char     *number,
                                    const char     *name,
                                    BbRole          role);
BbActor    *bb_actor_new_system    (void);
BbActor    *bb_actor_copy          (const BbActor  *actor);
void        bb_actor_free          (BbActor        *actor);
gboolean    bb_actor_can           (const BbActor  *actor,
                                    BbPermission    permission);
gboolean    bb_actor_check         (const BbActor  *actor,
                                    BbPermission    permission,
                                    GError        **error);

const char *bb_role_to_string      (BbRole          role);
gboolean    bb_role_from_string    (const char     *text,
                                    BbRole         *role);
const char *bb_role_label          (BbRole          role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbActor, bb_actor_free)

G_END_DECLS
