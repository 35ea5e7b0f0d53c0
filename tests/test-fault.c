/* test-fault.c — a writer killed mid-run loses nothing it committed
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs tests/fault-writer in a child process against a fresh database,
 * SIGKILLs it while it writes, then checks that the database opens, its
 * audit chain holds, and it holds every change the writer reported as
 * committed (and at most the one it was committing when killed).
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "bb-audit.h"
#include "bb-settings-repo.h"
#include "bb-test-util.h"

static void
test_killed_writer (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autofree char *where = bb_location_to_string (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autofree char *value = NULL;
  guint last_reported = 0;
  guint stored;
  gint64 checked = -1, broken = -1;

  /* Create the schema first, so the writer is killed in steady writing. */
  g_clear_object (&db);
  db = bb_test_open (location);
  g_clear_object (&db);

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("BANGBAN_FAULT_WRITER"), where, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));

  while (last_reported < 150)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_assert_true (g_str_has_prefix (line, "committed "));
      last_reported = (guint) g_ascii_strtoull (line + strlen ("committed "), NULL, 10);
    }

  g_subprocess_send_signal (writer, SIGKILL);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (writer));

  /* Drain what it printed before it died: those were committed too. */
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL);

      if (line == NULL)
        break;
      if (g_str_has_prefix (line, "committed "))
        last_reported = (guint) g_ascii_strtoull (line + strlen ("committed "), NULL, 10);
    }

  db = bb_test_open (location);
  value = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (value, "029-"));
  stored = (guint) g_ascii_strtoull (value + 4, NULL, 10);
  g_assert_cmpuint (stored, >=, last_reported);
  g_assert_cmpuint (stored, <=, last_reported + 1);

  /* One audit row per committed change, and the chain intact. */
  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, ==, stored);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/fault/killed-writer", test_killed_writer);

  return g_test_run ();
}
