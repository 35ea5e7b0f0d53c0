/* fault-writer.c — a writer process for the fault tests
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `fault-writer LOCATION` changes the complaint hotline setting again and
 * again, each change one audited transaction, and prints “committed N” after
 * each commit, until it is killed.
 */

#include "config.h"

#include <stdio.h>

#include "bb-audit.h"
#include "bb-settings-repo.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbLocation) location = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = bb_actor_new_system ();

  if (argc != 2)
    {
      fprintf (stderr, "usage: fault-writer LOCATION\n");
      return 64;
    }

  location = bb_location_parse (argv[1], &error);
  if (location != NULL)
    db = bb_database_open (location, NULL, NULL, &error);
  if (db == NULL)
    {
      fprintf (stderr, "fault-writer: %s\n", error->message);
      return 4;
    }

  for (guint n = 1; ; n++)
    {
      g_autofree char *value = g_strdup_printf ("029-%u", n);
      int version = 0;
      g_autofree char *old = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, &version,
                                                  &error);

      if (old == NULL ||
          !bb_settings_repo_set (db, actor, BB_SETTING_COMPLAINT_HOTLINE, value, version, NULL,
                                 &error))
        {
          fprintf (stderr, "fault-writer: %s\n", error->message);
          return 1;
        }
      printf ("committed %u\n", n);
      fflush (stdout);
    }
  return 0;
}
