/* test-cli-people.c — bangban-cli staff, client, catalog, holidays, consult,
 * validate and audit, run as a subprocess; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bb-audit.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"

static const char SQL_TAMPER[] =
  "UPDATE audit SET actor = ##actor::string WHERE seq = ##seq::gint64";

#define ID_1 "11010519491231002X"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs bangban-cli with @args (NULL-terminated) and BANGBAN_PASSWORD set to
 * @password when not %NULL. */
static void
run_cli_v (Run         *run,
           const char  *password,
           const char **args)
{
  const char *cli = g_getenv ("BANGBAN_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* No keyring lookups: the test server trusts loopback. */
  g_subprocess_launcher_setenv (launcher, "PGPASSWORD", "", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "BANGBAN_DB");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "BANGBAN_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "BANGBAN_PASSWORD");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

#define run_cli(run, password, ...) \
  G_STMT_START { \
    const char *args_[] = { __VA_ARGS__, NULL }; \
    run_clear (run); \
    run_cli_v (run, password, args_); \
  } G_STMT_END

static void
assert_status (const Run *run,
               int        expected)
{
  if (run->status != expected)
    g_error ("bangban-cli exited with %d, not %d\nstdout: %s\nstderr: %s", run->status, expected,
             run->out, run->err);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static char *
db_string (const BbLocation *location)
{
  return bb_location_to_string (location);
}

/* A database with an administrator A001 and a staff member S001. */
static void
bootstrap (const char *db)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "admin secret 1", "--db", db, "staff", "add", "--number", "A001", "--name",
           "管理员", "--role", "admin");
  assert_status (&run, 0);
  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "S001", "--name", "王芳",
           "--role", "staff", "--phone", "13812345678");
  assert_status (&run, 0);
}

static void
test_staff (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autofree char *db = db_string (location);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *array;

  /* The first account must be an administrator: refused, exit 2. */
  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "S001", "--name", "王芳",
           "--role", "staff");
  assert_status (&run, 2);
  g_assert_cmpstr (run.out, ==, "");

  run_cli (&run, "admin secret 1", "--db", db, "staff", "add", "--number", "A001", "--name",
           "管理员", "--role", "admin");
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, "A001\n");

  /* Duplicate number: invalid input, the field and the reason on stderr. */
  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "A001", "--name", "张三",
           "--role", "staff");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Staff number: A001 is taken"));

  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "S001", "--name", "王芳",
           "--role", "staff", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "S001");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "王芳");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "staff");
  g_clear_pointer (&node, json_node_unref);

  /* A staff member may not add staff. */
  run_cli (&run, NULL, "--db", db, "--as", "S001", "staff", "add", "--number", "S002", "--name",
           "李四", "--role", "staff");
  assert_status (&run, 2);

  /* Bad values: 1; bad usage: 64. */
  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "S002", "--name", "李四",
           "--role", "boss");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Role"));
  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "S002", "--name", "李四",
           "--role", "staff", "--phone", "123");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Phone number"));
  run_cli (&run, NULL, "--db", db, "staff", "add", "--number", "S002", "--role", "staff");
  assert_status (&run, 64);
  run_cli (&run, NULL, "--db", db, "staff", "fire", "S001");
  assert_status (&run, 64);
  run_cli (&run, NULL, "--db", db, "--as", "X404", "staff", "list");
  assert_status (&run, 1);

  run_cli (&run, NULL, "--db", db, "staff", "list", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "number"), ==, "A001");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "admin");
  g_clear_pointer (&node, json_node_unref);

  /* The password from BANGBAN_PASSWORD signs in; a deactivated --as is refused. */
  {
    g_autoptr(BbDatabase) direct = bb_test_open (location);
    g_autoptr(GError) error = NULL;
    g_autoptr(BbActor) admin = bb_staff_repo_authenticate (direct, "A001", "admin secret 1",
                                                           &error);
    g_autoptr(BbStaff) staff = bb_staff_repo_find_by_number (direct, "S001", &error);

    g_assert_no_error (error);
    g_assert_true (bb_staff_repo_set_active (direct, admin, staff->id, FALSE, staff->version,
                                             &error));
    g_assert_no_error (error);
  }
  run_cli (&run, NULL, "--db", db, "--as", "S001", "staff", "list");
  assert_status (&run, 2);
  g_assert_nonnull (strstr (run.err, "S001"));
}

static void
test_client (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autofree char *db = db_string (location);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonArray *array;

  bootstrap (db);

  run_cli (&run, NULL, "--db", db, "client", "add", "--name", "𠮷野家", "--id-number",
           "11010519491231002x", "--phone", "13800138000", "--category", "military");
  assert_status (&run, 0);
  id = g_strstrip (g_strdup (run.out));
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);

  /* The administrator may see the full number (and the reveal is audited)… */
  run_cli (&run, NULL, "--db", db, "client", "show", id, "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "𠮷野家");
  g_assert_cmpstr (json_object_get_string_member (object, "category"), ==, "military");
  g_assert_cmpstr (json_object_get_string_member (object, "id_number"), ==, ID_1);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_clear_pointer (&node, json_node_unref);

  /* …a service staff member sees it masked. */
  run_cli (&run, NULL, "--db", db, "--as", "S001", "client", "show", id, "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id_number"), ==,
                   "1101**********002X");
  g_clear_pointer (&node, json_node_unref);

  run_cli (&run, NULL, "--db", db, "--as", "S001", "client", "add", "--name", "李四",
           "--phone", "029-88886666", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "李四");
  g_assert_cmpstr (json_object_get_string_member (object, "category"), ==, "other");
  g_assert_true (json_object_get_null_member (object, "id_number"));
  g_clear_pointer (&node, json_node_unref);

  run_cli (&run, NULL, "--db", db, "client", "add", "--name", "某公司", "--credit-code",
           "91350100M000100Y43", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "kind"), ==,
                   "organisation");
  g_clear_pointer (&node, json_node_unref);

  /* Bad input: exit 1, the field named, nothing stored. */
  run_cli (&run, NULL, "--db", db, "client", "add", "--name", "王五", "--id-number",
           "110105194912310021");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "ID number"));
  g_assert_cmpstr (run.out, ==, "");
  run_cli (&run, NULL, "--db", db, "client", "add", "--name", "王五", "--category", "vip");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Category"));
  run_cli (&run, NULL, "--db", db, "client", "add", "--name", "王五", "--id-number", ID_1,
           "--credit-code", "91350100M000100Y43");
  assert_status (&run, 64);
  run_cli (&run, NULL, "--db", db, "client", "show", "999");
  assert_status (&run, 1);
  run_cli (&run, NULL, "--db", db, "client", "show", "abc");
  assert_status (&run, 1);

  run_cli (&run, NULL, "--db", db, "client", "list", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 3);
  g_clear_pointer (&node, json_node_unref);

  /* Lists mask ID numbers even for an administrator. */
  run_cli (&run, NULL, "--db", db, "client", "list", "--search", "野", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "𠮷野家");
  g_assert_cmpstr (json_object_get_string_member (object, "id_number"), ==,
                   "1101**********002X");
  g_clear_pointer (&node, json_node_unref);

  run_cli (&run, NULL, "--db", db, "client", "list", "--limit", "1", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  g_clear_pointer (&node, json_node_unref);
  run_cli (&run, NULL, "--db", db, "client", "list", "--limit", "0");
  assert_status (&run, 1);
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "csv", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_catalog_holidays (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autofree char *db = db_string (location);
  g_autofree char *good = write_file ("good.csv",
                                      "name,department,limit_days,materials\n"
                                      "企业设立登记,市场监督管理局,3,\"申请书|original|1|窗口领取;"
                                      "身份证|original_and_copy|1|\"\n"
                                      "残疾人证核发,残疾人联合会,15,\n");
  g_autofree char *bad = write_file ("bad.csv",
                                     "name,department,limit_days\n"
                                     "不动产转移登记,不动产登记中心,5\n"
                                     "高龄津贴申领,民政局,-1\n");
  g_autofree char *days = write_file ("days.csv",
                                      "date,kind,name\n2026-02-14,workday,春节调休\n"
                                      "2026-02-16,holiday,春节\n2025-10-01,holiday,国庆节\n");
  g_autofree char *bad_days = write_file ("bad-days.csv", "date,kind\n2026-02-31,holiday\n");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  JsonObject *object;

  bootstrap (db);

  run_cli (&run, NULL, "--db", db, "catalog", "import", good);
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, "2\n");

  run_cli (&run, NULL, "--db", db, "catalog", "import", bad);
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Line 3, column “limit_days”"));

  run_cli (&run, NULL, "--db", db, "--as", "S001", "catalog", "import", good);
  assert_status (&run, 2);

  run_cli (&run, NULL, "--db", db, "catalog", "import", "/nonexistent/x.csv");
  assert_status (&run, 1);

  run_cli (&run, NULL, "--db", db, "catalog", "list", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  array = json_node_get_array (node);
  /* The bad file added nothing, not even its good line. */
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      object = json_array_get_object_element (array, i);
      g_assert_cmpint (json_object_get_int_member (object, "id"), >, 0);
      g_assert_true (json_object_has_member (object, "department"));
      if (g_str_equal (json_object_get_string_member (object, "name"), "残疾人证核发"))
        {
          g_assert_cmpint (json_object_get_int_member (object, "limit_days"), ==, 15);
          g_assert_cmpstr (json_object_get_string_member (object, "department"), ==,
                           "残疾人联合会");
        }
      else
        g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "企业设立登记");
    }
  g_clear_pointer (&node, json_node_unref);

  run_cli (&run, NULL, "--db", db, "holidays", "import", days);
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, "3\n");
  run_cli (&run, NULL, "--db", db, "holidays", "import", bad_days);
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Line 2"));

  run_cli (&run, NULL, "--db", db, "holidays", "list", "--year", "2026", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-02-14");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "workday");
  g_clear_pointer (&node, json_node_unref);

  run_cli (&run, NULL, "--db", db, "holidays", "list");
  assert_status (&run, 0);
  g_assert_true (g_str_has_prefix (run.out, "2025-10-01\tholiday\t国庆节\n"));
}

static void
test_consult_validate_audit (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autofree char *db = db_string (location);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  bootstrap (db);

  run_cli (&run, NULL, "--db", db, "--as", "S001", "consult", "add", "--name", "张三",
           "--content", "企业设立需要哪些材料", "--contact", "zhang@example.cn", "--channel",
           "email", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "contact"), ==, "zhang@example.cn");
  g_assert_cmpstr (json_object_get_string_member (object, "channel"), ==, "email");
  g_assert_cmpint (json_object_get_int_member (object, "id"), >, 0);
  g_clear_pointer (&node, json_node_unref);

  run_cli (&run, NULL, "--db", db, "consult", "add", "--name", "张三", "--content", "问题",
           "--channel", "fax");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "Channel"));
  run_cli (&run, NULL, "--db", db, "consult", "add", "--name", "张三");
  assert_status (&run, 64);

  /* validate needs no database. */
  run_cli (&run, NULL, "validate", "id-number", "11010519491231002x");
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, ID_1 "\n");
  run_cli (&run, NULL, "validate", "id-number", "110105194912310021");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "ID number"));
  run_cli (&run, NULL, "validate", "credit-code", "91350100m000100y43");
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, "91350100M000100Y43\n");
  run_cli (&run, NULL, "validate", "phone", "+86 138 0013 8000");
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, "13800138000\n");
  run_cli (&run, NULL, "validate", "phone", "12345", "--json");
  assert_status (&run, 1);
  node = parse_json (run.out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "valid"));
  g_clear_pointer (&node, json_node_unref);
  run_cli (&run, NULL, "validate", "passport", "E1234567");
  assert_status (&run, 64);

  run_cli (&run, NULL, "--db", db, "audit", "verify", "--json");
  assert_status (&run, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (object, "ok"));
  /* Two staff accounts and one consultation. */
  g_assert_cmpint (json_object_get_int_member (object, "checked"), ==, 3);
  g_clear_pointer (&node, json_node_unref);

  {
    g_autoptr(BbDatabase) direct = bb_test_open (location);
    GdaStatement *statement = bb_database_prepare (direct, SQL_TAMPER);
    g_autoptr(GdaSet) params = bb_database_new_params (direct, statement);
    g_autoptr(GError) error = NULL;

    bb_params_set_string (params, "actor", "S001");
    bb_params_set_int64 (params, "seq", 2);
    g_assert_cmpint (bb_database_execute (direct, statement, params, &error), ==, 1);
  }
  run_cli (&run, NULL, "--db", db, "audit", "verify");
  assert_status (&run, 1);
  g_assert_nonnull (strstr (run.err, "2"));
  run_cli (&run, NULL, "--db", db, "audit", "verify", "--json");
  assert_status (&run, 1);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_false (json_object_get_boolean_member (object, "ok"));
  g_assert_cmpint (json_object_get_int_member (object, "first_broken"), ==, 2);
}

static void
test_help_and_unavailable (void)
{
  static const char *commands[][2] = {
    { "staff", "add" }, { "staff", "list" }, { "client", "add" }, { "client", "show" },
    { "client", "list" }, { "catalog", "import" }, { "catalog", "list" },
    { "holidays", "import" }, { "holidays", "list" }, { "consult", "add" },
    { "audit", "verify" },
  };
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&run, NULL, commands[i][0], commands[i][1], "--help");
      assert_status (&run, 0);
      g_assert_nonnull (strstr (run.out, "Usage:"));
    }
  run_cli (&run, NULL, "validate", "--help");
  assert_status (&run, 0);
  run_cli (&run, NULL, "client", "--help");
  assert_status (&run, 0);
  g_assert_nonnull (strstr (run.out, "add|show|list"));

  /* A database that cannot be opened: 4. */
  run_cli (&run, NULL, "--db", "/proc/bangban-nowhere/x.db", "staff", "list");
  assert_status (&run, 4);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/cli-people/staff", test_staff);
  g_test_add_func ("/bangban/cli-people/client", test_client);
  g_test_add_func ("/bangban/cli-people/catalog-holidays", test_catalog_holidays);
  g_test_add_func ("/bangban/cli-people/consult-validate-audit", test_consult_validate_audit);
  g_test_add_func ("/bangban/cli-people/help-and-unavailable", test_help_and_unavailable);

  return g_test_run ();
}
