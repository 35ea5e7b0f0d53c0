/* test-draft-store.c — wizard drafts survive closing and crashes
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The killed-writer test runs this program again as a child (`--writer
 * DIR`) that saves large drafts as fast as it can and says which one it
 * finished; the parent kills it with SIGKILL in the middle of its writes and
 * checks that the draft left behind is complete and no older than the last
 * one the child reported.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "bb-draft-store.h"
#include "bb-error.h"

#define PAYLOAD_BYTES (2 * 1024 * 1024)
#define KILL_ROUNDS   6

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bangban-drafts-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static JsonObject *
make_data (gint64      step,
           const char *name)
{
  JsonObject *data = json_object_new ();

  json_object_set_int_member (data, "step", step);
  json_object_set_string_member (data, "name", name);
  return data;
}

/* A draft with a large payload derived from @step and its checksum: a torn
 * file could not pass for a complete one. */
static JsonObject *
make_large_data (gint64 step)
{
  JsonObject *data = make_data (step, "王小明");
  g_autofree char *payload = g_malloc (PAYLOAD_BYTES + 1);
  g_autofree char *checksum = NULL;

  for (gsize i = 0; i < PAYLOAD_BYTES; i++)
    payload[i] = (char) ('a' + (i * 7 + (gsize) step) % 26);
  payload[PAYLOAD_BYTES] = '\0';
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, payload, -1);
  json_object_set_string_member (data, "payload", payload);
  json_object_set_string_member (data, "checksum", checksum);
  return data;
}

static int
run_writer (const char *directory)
{
  g_autoptr(BbDraftStore) store = bb_draft_store_new_for_directory (directory, "proxy");

  for (gint64 step = 1;; step++)
    {
      g_autoptr(JsonObject) data = make_large_data (step);
      g_autoptr(GError) error = NULL;

      if (!bb_draft_store_save (store, data, &error))
        {
          fprintf (stderr, "writer: %s\n", error->message);
          return 1;
        }
      printf ("saved %" G_GINT64_FORMAT "\n", step);
      fflush (stdout);
    }
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(BbDraftStore) store = bb_draft_store_new_for_directory (dir, "assist");
  g_autoptr(JsonObject) data = make_data (2, "李𠮷祥");
  g_autoptr(JsonObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = g_build_filename (dir, "assist.json", NULL);
  GStatBuf st;
  gint64 saved_at = 0;

  g_assert_cmpstr (bb_draft_store_get_kind (store), ==, "assist");
  g_assert_cmpstr (bb_draft_store_get_path (store), ==, expected_path);

  /* No draft: NULL without an error. */
  g_assert_false (bb_draft_store_exists (store));
  loaded = bb_draft_store_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_assert_true (bb_draft_store_save (store, data, &error));
  g_assert_no_error (error);
  g_assert_true (bb_draft_store_exists (store));

  /* Personal data: readable by its owner only. */
  g_assert_cmpint (g_stat (expected_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Another store (the next start) reads it back. */
  {
    g_autoptr(BbDraftStore) again = bb_draft_store_new_for_directory (dir, "assist");
    g_autoptr(BbDraftStore) other = bb_draft_store_new_for_directory (dir, "proxy");

    loaded = bb_draft_store_load (again, &saved_at, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
    g_assert_cmpint (json_object_get_int_member (loaded, "step"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (loaded, "name"), ==, "李𠮷祥");
    g_assert_cmpint (saved_at, >, 0);

    /* Each kind has its own draft. */
    g_assert_false (bb_draft_store_exists (other));
  }

  g_assert_true (bb_draft_store_discard (store, &error));
  g_assert_no_error (error);
  g_assert_false (bb_draft_store_exists (store));
  g_assert_false (g_file_test (expected_path, G_FILE_TEST_EXISTS));
  /* Discarding what is not there is fine. */
  g_assert_true (bb_draft_store_discard (store, &error));
  g_assert_no_error (error);

  remove_dir (dir);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_debounced (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(BbDraftStore) store = bb_draft_store_new_for_directory (dir, "assist");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  const char *path = bb_draft_store_get_path (store);

  bb_draft_store_set_delay (store, 100);
  g_assert_cmpuint (bb_draft_store_get_delay (store), ==, 100);

  /* Three quick changes: nothing written yet, the latest is pending. */
  for (int i = 1; i <= 3; i++)
    {
      g_autoptr(JsonObject) data = make_data (i, "typing");

      bb_draft_store_queue_save (store, data);
    }
  g_assert_true (bb_draft_store_get_pending (store));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(JsonObject) pending = bb_draft_store_load (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (pending, "step"), ==, 3);
  }

  /* After the delay, one write with the latest data. */
  g_timeout_add (400, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_false (bb_draft_store_get_pending (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(BbDraftStore) again = bb_draft_store_new_for_directory (dir, "assist");
    g_autoptr(JsonObject) loaded = bb_draft_store_load (again, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (loaded, "step"), ==, 3);
  }

  /* A change then the store going away (the window closed): written. */
  {
    g_autoptr(JsonObject) data = make_data (4, "closing");
    g_autoptr(BbDraftStore) again = NULL;
    g_autoptr(JsonObject) loaded = NULL;

    bb_draft_store_queue_save (store, data);
    g_clear_object (&store);
    again = bb_draft_store_new_for_directory (dir, "assist");
    loaded = bb_draft_store_load (again, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (loaded, "step"), ==, 4);
  }

  /* Discarding drops a pending change too: nothing comes back. */
  {
    g_autoptr(BbDraftStore) again = bb_draft_store_new_for_directory (dir, "assist");
    g_autoptr(JsonObject) data = make_data (5, "finished");

    bb_draft_store_queue_save (again, data);
    g_assert_true (bb_draft_store_discard (again, &error));
    g_assert_no_error (error);
    g_clear_object (&again);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  remove_dir (dir);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(BbDraftStore) store = bb_draft_store_new_for_directory (dir, "proxy");
  g_autoptr(JsonObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = g_strconcat (bb_draft_store_get_path (store), ".corrupt", NULL);

  g_assert_true (g_file_set_contents (bb_draft_store_get_path (store),
                                      "{\"format\": 1, \"kind\": \"proxy\", \"da", -1, NULL));
  loaded = bb_draft_store_load (store, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
  g_assert_false (bb_draft_store_exists (store));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* Another wizard's draft under this name is not taken for this one. */
  g_assert_true (g_file_set_contents (bb_draft_store_get_path (store),
                                      "{\"format\": 1, \"kind\": \"assist\", \"data\": {}}", -1,
                                      NULL));
  loaded = bb_draft_store_load (store, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);

  remove_dir (dir);
}

static void
test_stale_temporary (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(BbDraftStore) store = bb_draft_store_new_for_directory (dir, "proxy");
  g_autofree char *stale = g_strconcat (bb_draft_store_get_path (store), ".AB12cd", NULL);
  g_autofree char *fresh = g_strconcat (bb_draft_store_get_path (store), ".XY34ef", NULL);
  g_autoptr(JsonObject) data = make_data (7, "kept");
  g_autoptr(JsonObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf old = { 0 };

  g_assert_true (bb_draft_store_save (store, data, &error));
  g_assert_true (g_file_set_contents (stale, "{\"format\": 1, \"ki", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "{\"format\": 1, \"ki", -1, NULL));
  old.actime = old.modtime = time (NULL) - 3600;
  g_assert_cmpint (g_utime (stale, &old), ==, 0);

  loaded = bb_draft_store_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (loaded, "step"), ==, 7);
  /* The old leftover of a killed writer is removed; a recent one may be a
   * write in progress in another window, and stays. */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

static gint64
read_report (FILE *in)
{
  char line[64];

  g_assert_nonnull (fgets (line, sizeof line, in));
  g_assert_true (g_str_has_prefix (line, "saved "));
  return g_ascii_strtoll (line + 6, NULL, 10);
}

static gboolean
has_temporary (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "proxy.json.") && !g_str_has_suffix (name, ".corrupt"))
        return TRUE;
    }
  return FALSE;
}

static void
test_killed_writer (void)
{
  g_autofree char *dir = make_dir ();
  guint torn_writes = 0;

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      const char *argv[] = { "/proc/self/exe", "--writer", dir, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(BbDraftStore) store = NULL;
      g_autoptr(JsonObject) loaded = NULL;
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *checksum = NULL;
      char line[64];
      gint64 deadline;
      FILE *in;
      GPid pid;
      int out_fd;
      int status;
      gint64 last = 0;
      gint64 step;
      const char *payload;

      argv[0] = exe;
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      in = fdopen (out_fd, "r");
      g_assert_nonnull (in);

      /* Let it write a few drafts, then kill it as soon as it is seen in
       * the middle of writing the next one: its temporary file is there. */
      for (guint i = 0; i < 3 + round; i++)
        last = read_report (in);
      deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (!has_temporary (dir) && g_get_monotonic_time () < deadline)
        ;
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_spawn_close_pid (pid);

      /* Whatever it reported after our last read also counts. */
      while (fgets (line, sizeof line, in) != NULL)
        {
          if (g_str_has_prefix (line, "saved "))
            last = g_ascii_strtoll (line + 6, NULL, 10);
        }
      fclose (in);

      if (has_temporary (dir))
        torn_writes++;

      /* The next start: the last complete draft, never a torn one. */
      store = bb_draft_store_new_for_directory (dir, "proxy");
      loaded = bb_draft_store_load (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      step = json_object_get_int_member (loaded, "step");
      /* The draft it was writing when killed may have made it (renamed
       * before the report was printed), nothing older than the last report. */
      g_assert_cmpint (step, >=, last);
      g_assert_cmpint (step, <=, last + 1);
      payload = json_object_get_string_member (loaded, "payload");
      g_assert_cmpuint (strlen (payload), ==, PAYLOAD_BYTES);
      checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, payload, -1);
      g_assert_cmpstr (checksum, ==, json_object_get_string_member (loaded, "checksum"));
      g_assert_cmpstr (json_object_get_string_member (loaded, "name"), ==, "王小明");
      g_test_message ("round %u: killed after draft %" G_GINT64_FORMAT ", found draft %"
                      G_GINT64_FORMAT, round, last, step);
    }

  /* The kill lands after the temporary file appeared; the rename may still
   * win the race now and then, but not every time. */
  g_test_message ("%u of %u kills left a half-written temporary file behind", torn_writes,
                  KILL_ROUNDS);
  g_assert_cmpuint (torn_writes, >, 0);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/draft-store/round-trip", test_round_trip);
  g_test_add_func ("/bangban/draft-store/debounced", test_debounced);
  g_test_add_func ("/bangban/draft-store/corrupt", test_corrupt);
  g_test_add_func ("/bangban/draft-store/stale-temporary", test_stale_temporary);
  g_test_add_func ("/bangban/draft-store/killed-writer", test_killed_writer);

  return g_test_run ();
}
