/* bb-actor.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Roles and what they may do (DESIGN.md § Security), enforced in core: the
 * UI hides what a role may not do, but core refuses it anyway.
 */

#define G_LOG_DOMAIN "bb-actor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-actor.h"
#include "bb-error.h"

G_DEFINE_BOXED_TYPE (BbActor, bb_actor, bb_actor_copy, bb_actor_free)

BbActor *
bb_actor_new (gint64      staff_id,
              const char *number,
              const char *name,
              BbRole      role)
{
  BbActor *self = g_new0 (BbActor, 1);

  self->staff_id = staff_id;
  self->number = g_strdup (number);
  self->name = g_strdup (name);
  self->role = role;
  return self;
}

/**
 * bb_actor_new_system:
 *
 * The program itself: for creating the first administrator, migrations and
 * automatic sweeps (such as terminating cases past their resume deadline).
 */
BbActor *
bb_actor_new_system (void)
{
  return bb_actor_new (0, "system", "Bangban", BB_ROLE_ADMIN);
}

BbActor *
bb_actor_copy (const BbActor *actor)
{
  g_return_val_if_fail (actor != NULL, NULL);

  return bb_actor_new (actor->staff_id, actor->number, actor->name, actor->role);
}

void
bb_actor_free (BbActor *actor)
{
  if (actor == NULL)
    return;
  g_free (actor->number);
  g_free (actor->name);
  g_free (actor);
}

gboolean
bb_actor_can (const BbActor *actor,
              BbPermission   permission)
{
  g_return_val_if_fail (actor != NULL, FALSE);

  switch (permission)
    {
    case BB_PERM_CASE_CREATE:
    case BB_PERM_CASE_ACT_OWN:
      return TRUE;

    case BB_PERM_CASE_ACT_ANY:
    case BB_PERM_CASE_ASSIGN:
    case BB_PERM_LIMIT_CHANGE:
    case BB_PERM_VIEW_ID_ANY:
      return actor->role != BB_ROLE_STAFF;

    case BB_PERM_EXPORT_PERSONAL:
    case BB_PERM_STATS:
    case BB_PERM_COMPLAINTS:
      return actor->role == BB_ROLE_MANAGER || actor->role == BB_ROLE_ADMIN;

    case BB_PERM_STAFF_MANAGE:
    case BB_PERM_CATALOGUE_MANAGE:
    case BB_PERM_HOLIDAYS_MANAGE:
    case BB_PERM_SETTINGS:
      return actor->role == BB_ROLE_ADMIN;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static const char *
permission_description (BbPermission permission)
{
  switch (permission)
    {
    case BB_PERM_CASE_CREATE:
      return _("register cases");
    case BB_PERM_CASE_ACT_OWN:
      return _("act on this case");
    case BB_PERM_CASE_ACT_ANY:
      return _("act on another staff member's case");
    case BB_PERM_CASE_ASSIGN:
      return _("assign or change the responsible staff member");
    case BB_PERM_LIMIT_CHANGE:
      return _("change the promised time limit");
    case BB_PERM_VIEW_ID_ANY:
      return _("see the full ID number");
    case BB_PERM_EXPORT_PERSONAL:
      return _("export personal data");
    case BB_PERM_STATS:
      return _("see statistics");
    case BB_PERM_COMPLAINTS:
      return _("handle complaints");
    case BB_PERM_STAFF_MANAGE:
      return _("manage staff accounts");
    case BB_PERM_CATALOGUE_MANAGE:
      return _("change the catalogue");
    case BB_PERM_HOLIDAYS_MANAGE:
      return _("change the holiday calendar");
    case BB_PERM_SETTINGS:
      return _("change shared settings");
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/**
 * bb_actor_check:
 *
 * Like bb_actor_can(), but says why not with a %BB_ERROR_REFUSED error.
 */
gboolean
bb_actor_check (const BbActor  *actor,
                BbPermission    permission,
                GError        **error)
{
  if (bb_actor_can (actor, permission))
    return TRUE;

  /* Translators: “A team leader may not manage staff accounts” */
  g_set_error (error, BB_ERROR, BB_ERROR_REFUSED, _("A %s may not %s"),
               bb_role_label (actor->role), permission_description (permission));
  return FALSE;
}

const char *
bb_role_to_string (BbRole role)
{
  switch (role)
    {
    case BB_ROLE_STAFF:
      return "staff";
    case BB_ROLE_LEADER:
      return "leader";
    case BB_ROLE_MANAGER:
      return "manager";
    case BB_ROLE_ADMIN:
      return "admin";
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

gboolean
bb_role_from_string (const char *text,
                     BbRole     *role)
{
  static const BbRole roles[] = { BB_ROLE_STAFF, BB_ROLE_LEADER, BB_ROLE_MANAGER, BB_ROLE_ADMIN };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (g_strcmp0 (text, bb_role_to_string (roles[i])) == 0)
        {
          *role = roles[i];
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_role_label:
 *
 * Returns: the role as people call it, translated
 */
const char *
bb_role_label (BbRole role)
{
  switch (role)
    {
    case BB_ROLE_STAFF:
      return _("service staff member");
    case BB_ROLE_LEADER:
      return _("team leader");
    case BB_ROLE_MANAGER:
      return _("manager");
    case BB_ROLE_ADMIN:
      return _("administrator");
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
