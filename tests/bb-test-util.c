/* bb-test-util.c — shared by the tests
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Database tests run once per engine (BANGBAN_TEST_ENGINE). On PostgreSQL
 * each test gets a fresh UTF-8 database on the server that build-aux/dev
 * test started (BANGBAN_TEST_PG); without that server the PostgreSQL run
 * reports itself skipped — never passed.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libgda/libgda.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bb-database-private.h"
#include "bb-test-util.h"

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmp_dir == NULL || g_getenv ("BANGBAN_TEST_KEEP") != NULL)
    return;
  dir = g_dir_open (tmp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

/**
 * bb_test_init:
 *
 * g_test_init() plus a private $XDG_DATA_HOME and temporary folder. On the
 * PostgreSQL run without a server, prints a TAP plan that skips everything
 * and exits.
 */
void
bb_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);

  tmp_dir = g_dir_make_tmp ("bangban-test-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  atexit (remove_tmp_dir);

  if (bb_test_engine () == BB_ENGINE_POSTGRESQL && g_getenv ("BANGBAN_TEST_PG") == NULL)
    {
      printf ("1..0 # SKIP BANGBAN_TEST_PG is not set: no PostgreSQL server to test against\n");
      exit (0);
    }
  gda_init ();
}

BbEngine
bb_test_engine (void)
{
  return g_strcmp0 (g_getenv ("BANGBAN_TEST_ENGINE"), "postgresql") == 0 ? BB_ENGINE_POSTGRESQL
                                                                         : BB_ENGINE_SQLITE;
}

static void
create_pg_database (const BbLocation *server,
                    const char       *name)
{
  g_autofree char *cnc_string = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaConnection) cnc = NULL;

  cnc_string = g_strdup_printf ("HOST=%s;PORT=%u;DB_NAME=%s", server->host, server->port,
                                server->database);
  auth = g_strdup_printf ("USERNAME=%s", server->user);
  cnc = gda_connection_open_from_string ("PostgreSQL", cnc_string, auth,
                                         GDA_CONNECTION_OPTIONS_NONE, &error);
  g_assert_no_error (error);

  /* The name is ours (bb_test_<pid>_<n>), never user input. */
  sql = g_strdup_printf ("CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0", name);
  gda_connection_execute_non_select_command (cnc, sql, &error);
  g_assert_no_error (error);
  gda_connection_close (cnc);
}

/**
 * bb_test_new_location:
 *
 * Returns: (transfer full): a location for a database that does not exist
 *   yet: a new SQLite file, or a new empty PostgreSQL database
 */
BbLocation *
bb_test_new_location (void)
{
  static guint counter;

  counter++;
  if (bb_test_engine () == BB_ENGINE_SQLITE)
    {
      g_autofree char *name = g_strdup_printf ("test-%u.db", counter);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      return bb_location_new_sqlite (path);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbLocation) server = bb_location_parse (g_getenv ("BANGBAN_TEST_PG"), &error);
      /* Process id, a random tag (process ids come back across runs on a
       * long-lived server) and a counter: never a name already taken. */
      g_autofree char *name = g_strdup_printf ("bb_test_%d_%08x_%u", (int) getpid (),
                                               g_random_int (), counter);

      g_assert_no_error (error);
      create_pg_database (server, name);
      return bb_location_new_postgresql (server->host, server->port, name, server->user);
    }
}

BbDatabase *
bb_test_open (const BbLocation *location)
{
  g_autoptr(GError) error = NULL;
  BbDatabase *db = bb_database_open (location, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/**
 * bb_test_log_path:
 *
 * Returns: a path in the build's log folder for a file the test keeps
 *   (screenshots, rendered forms)
 */
char *
bb_test_log_path (const char *name)
{
  const char *dir = g_getenv ("BANGBAN_TEST_LOGDIR");
  g_autofree char *subdir = NULL;

  subdir = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "bangban-tests", NULL);
  g_mkdir_with_parents (subdir, 0755);
  return g_build_filename (subdir, name, NULL);
}

static GdaConnection *
open_raw (const BbLocation *location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cnc_string = NULL;
  GdaConnection *cnc;

  if (location->engine == BB_ENGINE_SQLITE)
    {
      g_autofree char *dir = g_path_get_dirname (location->path);
      g_autofree char *name = g_path_get_basename (location->path);

      if (!g_file_test (location->path, G_FILE_TEST_EXISTS))
        g_assert_true (g_file_set_contents (location->path, "", 0, NULL));
      cnc_string = g_strdup_printf ("DB_DIR=%s;DB_NAME=%s", dir, name);
      cnc = gda_connection_open_from_string ("SQLite", cnc_string, NULL,
                                             GDA_CONNECTION_OPTIONS_NONE, &error);
    }
  else
    {
      g_autofree char *auth = g_strdup_printf ("USERNAME=%s", location->user);

      cnc_string = g_strdup_printf ("HOST=%s;PORT=%u;DB_NAME=%s", location->host, location->port,
                                    location->database);
      cnc = gda_connection_open_from_string ("PostgreSQL", cnc_string, auth,
                                             GDA_CONNECTION_OPTIONS_NONE, &error);
    }
  g_assert_no_error (error);
  return cnc;
}

/**
 * bb_test_exec_script:
 *
 * Runs SQL statements on @location behind the program's back, through a
 * connection of the test's own: to build old schemas or foreign databases.
 */
void
bb_test_exec_script (const BbLocation *location,
                     const char       *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaConnection) cnc = open_raw (location);
  g_autoptr(GdaSqlParser) parser = gda_connection_create_parser (cnc);
  g_autoptr(GdaBatch) batch = NULL;
  GSList *results;

  batch = gda_sql_parser_parse_string_as_batch (parser, sql, NULL, &error);
  g_assert_no_error (error);
  results = gda_connection_batch_execute (cnc, batch, NULL, GDA_STATEMENT_MODEL_RANDOM_ACCESS,
                                          &error);
  g_assert_no_error (error);
  g_slist_free_full (results, g_object_unref);
  gda_connection_close (cnc);
}

/**
 * bb_test_query_string:
 *
 * Returns: the first cell of a query run behind the program's back, as
 *   text (“NULL” for NULL)
 */
char *
bb_test_query_string (const BbLocation *location,
                      const char       *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaConnection) cnc = open_raw (location);
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;
  char *text;

  model = gda_connection_execute_select_command (cnc, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gda_data_model_get_n_rows (model), >=, 1);
  value = gda_data_model_get_value_at (model, 0, 0, &error);
  g_assert_no_error (error);
  text = gda_value_is_null (value) ? g_strdup ("NULL") : gda_value_stringify (value);
  g_clear_object (&model);
  gda_connection_close (cnc);
  return text;
}
