/* bb-cli-actor.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who bangban-cli acts as: `--as STAFF-NUMBER`, else the database's first
 * administrator (an administration tool run on the machine that holds the
 * database), else — while there is no staff at all — the system itself,
 * which may only create the first administrator.
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-cli-private.h"
#include "bb-error.h"
#include "bb-staff-repo.h"

/**
 * bb_cli_resolve_actor:
 *
 * Returns: (transfer full): the actor of this run, or %NULL with
 *   %BB_ERROR_NOT_FOUND (no such staff number; exit 1), %BB_ERROR_REFUSED
 *   (a deactivated account; exit 2) or a database error
 */
BbActor *
bb_cli_resolve_actor (BbCliGlobals  *globals,
                      BbDatabase    *db,
                      GError       **error)
{
  g_autoptr(BbStaff) staff = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 count;

  g_return_val_if_fail (globals != NULL, NULL);
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  if (globals->as != NULL)
    {
      staff = bb_staff_repo_find_by_number (db, globals->as, error);
      if (staff == NULL)
        return NULL;
      if (!staff->active)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                       _("The account of %s has been deactivated; ask an administrator"),
                       staff->number);
          return NULL;
        }
      return bb_staff_to_actor (staff);
    }

  staff = bb_staff_repo_first_admin (db, &local_error);
  if (staff != NULL)
    return bb_staff_to_actor (staff);
  if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  count = bb_staff_repo_count (db, error);
  if (count < 0)
    return NULL;
  if (count == 0)
    return bb_actor_new_system ();

  g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
               _("There is no active administrator to act as; name a staff member with --as"));
  return NULL;
}
