/* test-database.c — connection, migrations, settings; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bb-audit.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-settings-repo.h"
#include "bb-test-util.h"

static BbActor *
admin (void)
{
  static BbActor *actor;

  if (actor == NULL)
    actor = bb_actor_new_system ();
  return actor;
}

static const char SQL_BUMP_VERSION[] =
  "INSERT INTO schema_version (version, applied_at, program) "
  "VALUES (##version::gint, 0, 'a future bangban')";
static const char SQL_COUNT_VERSIONS[] = "SELECT count(*) FROM schema_version";

static void
test_migrate_fresh (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  int version = -1;

  g_assert_cmpuint (bb_database_get_schema_version (db), ==,
                    bb_database_get_latest_schema_version ());
  g_assert_cmpint (bb_database_get_engine (db), ==, bb_test_engine ());

  format = bb_settings_repo_get (db, BB_SETTING_CASE_NUMBER_FORMAT, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "{year}{seq:6}");
  g_assert_cmpint (version, ==, 1);
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  int version = 0;

  {
    g_autoptr(BbDatabase) db = bb_test_open (location);

    g_assert_true (bb_settings_repo_set (db, admin (), BB_SETTING_TEAM_NAME, "雁塔区𠮷祥", 1, &version,
                                         &error));
    g_assert_no_error (error);
    g_assert_cmpint (version, ==, 2);
  }

  {
    g_autoptr(BbDatabase) db = bb_test_open (location);
    GdaStatement *count = bb_database_prepare (db, SQL_COUNT_VERSIONS);
    g_autoptr(GdaDataModel) model = bb_database_select (db, count, NULL, NULL, &error);

    g_assert_no_error (error);
    /* Opening again applies nothing twice. */
    g_assert_cmpint (bb_model_get_int64 (model, 0, 0, -1), ==,
                     bb_database_get_latest_schema_version ());

    /* Characters outside the BMP survive the round trip. */
    value = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, &version, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, "雁塔区𠮷祥");
    g_assert_cmpint (version, ==, 2);
  }
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) refused = NULL;

  {
    g_autoptr(BbDatabase) db = bb_test_open (location);
    GdaStatement *bump = bb_database_prepare (db, SQL_BUMP_VERSION);
    g_autoptr(GdaSet) params = bb_database_new_params (db, bump);

    bb_params_set_int (params, "version", (int) bb_database_get_latest_schema_version () + 1);
    g_assert_cmpint (bb_database_execute (db, bump, params, &error), ==, 1);
    g_assert_no_error (error);
    g_assert_true (bb_settings_repo_set (db, admin (), BB_SETTING_COMPLAINT_HOTLINE, "029-12345", 1, NULL,
                                         &error));
    g_assert_no_error (error);
  }

  refused = bb_database_open (location, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BB_ERROR, BB_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);

  /* Left untouched: read it back behind the program's back. */
  {
    g_autofree char *max_version = bb_test_query_string (location,
                                                         "SELECT max(version) FROM schema_version");
    g_autofree char *hotline = bb_test_query_string (location,
                                                     "SELECT value FROM setting "
                                                     "WHERE key = 'complaint_hotline'");
    g_autofree char *expected = g_strdup_printf ("%u",
                                                 bb_database_get_latest_schema_version () + 1);

    g_assert_cmpstr (max_version, ==, expected);
    g_assert_cmpstr (hotline, ==, "029-12345");
  }
}

static void
test_foreign_database_refused (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) refused = NULL;

  /* Another program's database. */
  bb_test_exec_script (location, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER);"
                                 "INSERT INTO invoices (id, total) VALUES (1, 42);");

  refused = bb_database_open (location, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "not a Bangban database"));
  g_clear_error (&error);

  /* Left unchanged: the other program's data, and no table of ours. */
  {
    g_autofree char *total = bb_test_query_string (location, "SELECT total FROM invoices");
    g_autofree char *ours = bb_test_query_string (location,
                                                  bb_test_engine () == BB_ENGINE_SQLITE
                                                  ? "SELECT count(*) FROM sqlite_master "
                                                    "WHERE name = 'schema_version'"
                                                  : "SELECT count(*) FROM information_schema.tables "
                                                    "WHERE table_name = 'schema_version'");

    g_assert_cmpstr (total, ==, "42");
    g_assert_cmpstr (ours, ==, "0");
  }
}

static char *
migration_text (guint version)
{
  g_autofree char *path = g_strdup_printf ("/io/github/bangban/Bangban/core/migrations/%s/%04u.sql",
                                           bb_test_engine () == BB_ENGINE_SQLITE ? "sqlite"
                                                                                 : "postgresql",
                                           version);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_upgrade_from_schema_1 (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autofree char *schema_1 = migration_text (1);
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *supplement_days = NULL;
  int version = 0;

  /* A database as the first release of the schema left it, with data. */
  bb_test_exec_script (location,
                       "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                       " applied_at BIGINT NOT NULL, program TEXT NOT NULL);"
                       "INSERT INTO schema_version VALUES (1, 0, 'bangban 0.0');");
  bb_test_exec_script (location, schema_1);
  bb_test_exec_script (location, "UPDATE setting SET value = '雁塔区为民服务队', version = 4 "
                                 "WHERE key = 'team_name';");

  db = bb_test_open (location);
  g_assert_cmpuint (bb_database_get_schema_version (db), ==,
                    bb_database_get_latest_schema_version ());

  /* The data survived the upgrade… */
  team = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (team, ==, "雁塔区为民服务队");
  g_assert_cmpint (version, ==, 4);

  /* …and what the later migrations add is there. */
  supplement_days = bb_settings_repo_get (db, "supplement_days", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (supplement_days, ==, "5");
}

/* A database at schema 5 with running totals keyed by staff member first:
 * migration 0006 keys them by day first and keeps every total. */
static const char SQL_SCHEMA_5_TOTALS[] =
  "INSERT INTO stats_case_day (day, what, staff_id, n) VALUES "
  "(20000, 1, 0, 3), (20000, 1, 7, 2), (20000, 2, 7, 1), (20001, 3, 7, 4), (19000, 1, 9, 11);"
  "INSERT INTO stats_eval_staff (day, staff_id, level, n) VALUES "
  "(20000, 7, 5, 6), (20000, 7, 1, 1), (20002, 0, 3, 2), (19500, 9, 4, 8);";

static const char SQL_CASE_DAY_ROWS[] =
  "SELECT day, what, staff_id, n FROM stats_case_day ORDER BY day, what, staff_id";
static const char SQL_EVAL_STAFF_ROWS[] =
  "SELECT day, staff_id, level, n FROM stats_eval_staff ORDER BY day, staff_id, level";

/* The primary key's columns, in order, as "a,b,c". */
static const char SQL_SQLITE_KEY[] =
  "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info(##table::string) "
  "WHERE pk > 0 ORDER BY pk)";
static const char SQL_PG_KEY[] =
  "SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM pg_index x "
  "JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k (attnum, i) ON true "
  "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum "
  "WHERE x.indrelid = CAST(##table::string AS regclass) AND x.indisprimary";

static char *
rows_text (BbDatabase *db,
           const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64,
                                 G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = bb_database_select (db, bb_database_prepare (db, sql), NULL,
                                                      types, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    for (int column = 0; column < 4; column++)
      g_string_append_printf (text, "%" G_GINT64_FORMAT "%c",
                              bb_model_get_int64 (model, column, row, -1),
                              column == 3 ? ';' : ',');
  return g_string_free (text, FALSE);
}

static char *
primary_key (BbDatabase *db,
             const char *table)
{
  GdaStatement *statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_SQLITE
                                                       ? SQL_SQLITE_KEY : SQL_PG_KEY);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;

  bb_params_set_string (params, "table", table);
  model = bb_database_select (db, statement, params, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gda_data_model_get_n_rows (model), ==, 1);
  return bb_model_dup_string (model, 0, 0);
}

static void
test_upgrade_from_schema_5 (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = NULL;
  g_autofree char *case_days = NULL;
  g_autofree char *eval_staff = NULL;
  g_autofree char *case_key = NULL;
  g_autofree char *eval_key = NULL;

  /* A database as schema 5 left it, with running totals in it. */
  bb_test_exec_script (location,
                       "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                       " applied_at BIGINT NOT NULL, program TEXT NOT NULL);");
  for (guint version = 1; version <= 5; version++)
    {
      g_autofree char *script = migration_text (version);
      g_autofree char *record = g_strdup_printf ("INSERT INTO schema_version VALUES "
                                                 "(%u, 0, 'bangban 0.5');", version);

      bb_test_exec_script (location, script);
      bb_test_exec_script (location, record);
    }
  bb_test_exec_script (location, SQL_SCHEMA_5_TOTALS);

  db = bb_test_open (location);
  g_assert_cmpuint (bb_database_get_schema_version (db), ==,
                    bb_database_get_latest_schema_version ());
  g_assert_cmpuint (bb_database_get_schema_version (db), >=, 6);

  /* Every total is still there, exactly… */
  case_days = rows_text (db, SQL_CASE_DAY_ROWS);
  g_assert_cmpstr (case_days, ==,
                   "19000,1,9,11;20000,1,0,3;20000,1,7,2;20000,2,7,1;20001,3,7,4;");
  eval_staff = rows_text (db, SQL_EVAL_STAFF_ROWS);
  g_assert_cmpstr (eval_staff, ==, "19500,9,4,8;20000,7,1,1;20000,7,5,6;20002,0,3,2;");

  /* …keyed by day first… */
  case_key = primary_key (db, "stats_case_day");
  g_assert_cmpstr (case_key, ==, "day,what,staff_id");
  eval_key = primary_key (db, "stats_eval_staff");
  g_assert_cmpstr (eval_key, ==, "day,staff_id,level");

  /* …and an upsert naming the columns in the order of schema 5, as its
   * triggers do, still finds the key. */
  {
    g_autoptr(GError) error = NULL;
    static const char bump[] =
      "INSERT INTO stats_case_day (staff_id, what, day, n) VALUES (7, 1, 20000, 5) "
      "ON CONFLICT (staff_id, what, day) DO UPDATE SET n = stats_case_day.n + excluded.n";
    g_autofree char *after = NULL;

    g_assert_cmpint (bb_database_execute (db, bb_database_prepare (db, bump), NULL, &error),
                     ==, 1);
    g_assert_no_error (error);
    after = rows_text (db, SQL_CASE_DAY_ROWS);
    g_assert_cmpstr (after, ==, "19000,1,9,11;20000,1,0,3;20000,1,7,7;20000,2,7,1;20001,3,7,4;");
  }
}

static void
test_setting_conflict (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) first = bb_test_open (location);
  g_autoptr(BbDatabase) second = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *after = NULL;
  int version_a = 0, version_b = 0;

  /* Two workstations read the same row… */
  a = bb_settings_repo_get (first, BB_SETTING_TEAM_NAME, &version_a, &error);
  g_assert_no_error (error);
  b = bb_settings_repo_get (second, BB_SETTING_TEAM_NAME, &version_b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version_a, ==, version_b);

  /* …the first writes… */
  g_assert_true (bb_settings_repo_set (first, admin (), BB_SETTING_TEAM_NAME, "碑林区", version_a, NULL,
                                       &error));
  g_assert_no_error (error);

  /* …and the second, holding a stale version, overwrites nothing. */
  g_assert_false (bb_settings_repo_set (second, admin (), BB_SETTING_TEAM_NAME, "莲湖区", version_b, NULL,
                                        &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);

  after = bb_settings_repo_get (second, BB_SETTING_TEAM_NAME, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, "碑林区");
}

static void
test_setting_invalid (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  int version = 0;

  g_assert_false (bb_settings_repo_set (db, admin (), BB_SETTING_COMPLAINT_HOTLINE, "call us", 1, NULL,
                                        &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Complaint hotline: "));
  g_clear_error (&error);

  g_assert_false (bb_settings_repo_set (db, admin (), BB_SETTING_RECTIFICATION_DAYS, "0", 1, NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);

  /* The complaint and supplement time limits: whole working days, 1 to 365. */
  {
    static const char * const bad[] = { "0", "366", "2.5", "-1", "五", "", " 7" };
    static const char * const keys[] = { BB_SETTING_COMPLAINT_DAYS, BB_SETTING_SUPPLEMENT_DAYS };
    static const char * const labels[] = { "Complaint time limit: ", "Supplement time limit: " };

    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      {
        g_autofree char *value = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
          {
            g_assert_false (bb_settings_repo_set (db, admin (), keys[k], bad[i], 1, NULL, &error));
            g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
            g_assert_true (g_str_has_prefix (error->message, labels[k]));
            g_clear_error (&error);
          }
        g_assert_true (bb_settings_repo_set (db, admin (), keys[k], "365", 1, &version, &error));
        g_assert_no_error (error);
        g_assert_cmpint (version, ==, 2);
        value = bb_settings_repo_get (db, keys[k], NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (value, ==, "365");
      }
  }

  after = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, "");
  g_assert_cmpint (version, ==, 1);
}

static void
test_setting_needs_admin (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) leader = bb_actor_new (3, "L003", "李娜", BB_ROLE_LEADER);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gint64 checked = -1, broken = -1;

  g_assert_false (bb_settings_repo_set (db, leader, BB_SETTING_TEAM_NAME, "碑林区为民服务队", 1,
                                        NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);
  after = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, &error);
  g_assert_cmpstr (after, ==, "");

  /* An allowed change is audited, with the value before and after. */
  g_assert_true (bb_settings_repo_set (db, admin (), BB_SETTING_TEAM_NAME, "碑林区为民服务队", 1,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_cmpint (checked, ==, 1);
  g_assert_cmpint (broken, ==, 0);
}

static void
test_unreachable_server (void)
{
  g_autoptr(BbLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autofree char *description = NULL;

  if (bb_test_engine () == BB_ENGINE_SQLITE)
    {
      g_autoptr(BbLocation) scratch = bb_test_new_location ();
      g_autofree char *path = g_build_filename (scratch->path, "bangban.db", NULL);

      /* A file where the folder should be. */
      g_assert_true (g_file_set_contents (scratch->path, "not a folder", -1, NULL));
      location = bb_location_new_sqlite (path);
      description = bb_database_check (location, NULL, NULL, &error);
      g_assert_null (description);
      g_assert_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE);
      g_clear_error (&error);
    }
  else
    {
      /* Port 1 on loopback: nothing listens there. */
      location = bb_location_new_postgresql ("127.0.0.1", 1, "bangban", "postgres");
      description = bb_database_check (location, NULL, NULL, &error);
      g_assert_null (description);
      g_assert_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "127.0.0.1:1"));
      g_clear_error (&error);
    }

  db = bb_database_open (location, NULL, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE);
}

static void
test_check_reachable (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  description = bb_database_check (location, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (description);
  if (bb_test_engine () == BB_ENGINE_POSTGRESQL)
    g_assert_nonnull (strstr (description, "PostgreSQL 15"));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/database/migrate-fresh", test_migrate_fresh);
  g_test_add_func ("/bangban/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/bangban/database/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/bangban/database/foreign-database-refused", test_foreign_database_refused);
  g_test_add_func ("/bangban/database/upgrade-from-schema-1", test_upgrade_from_schema_1);
  g_test_add_func ("/bangban/database/upgrade-from-schema-5", test_upgrade_from_schema_5);
  g_test_add_func ("/bangban/database/setting-conflict", test_setting_conflict);
  g_test_add_func ("/bangban/database/setting-invalid", test_setting_invalid);
  g_test_add_func ("/bangban/database/setting-needs-admin", test_setting_needs_admin);
  g_test_add_func ("/bangban/database/unreachable", test_unreachable_server);
  g_test_add_func ("/bangban/database/check-reachable", test_check_reachable);

  return g_test_run ();
}
