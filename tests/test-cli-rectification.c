/* test-cli-rectification.c — bangban-cli rectification …, run as a
 * program: JSON, exit statuses and --help; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-rectification"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bb-actor.h"
#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-rectification-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

typedef struct
{
  BbLocation *location;
  char       *where;
  char       *id;
} Fixture;

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

/* Runs bangban-cli --db WHERE [--as AS] ARGS… at a fixed instant. */
static Run
cli (Fixture    *f,
     const char *as,
     const char *first,
     ...)
{
  const char *program = g_getenv ("BANGBAN_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  va_list ap;

  g_assert_nonnull (program);
  g_ptr_array_add (args, (char *) program);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, f->where);
  if (as != NULL)
    {
      g_ptr_array_add (args, "--as");
      g_ptr_array_add (args, (char *) as);
    }
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "BANGBAN_NOW", g_getenv ("BANGBAN_NOW"), TRUE);
  /* Trust authentication on the test server: no keyring look-up. */
  g_subprocess_launcher_setenv (launcher, "PGPASSWORD", "", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run.status = g_subprocess_get_exit_status (process);
  return run;
}

static void
expect_status (const Run *run,
               int        status)
{
  if (run->status != status)
    g_error ("expected exit status %d, got %d\nstdout: %s\nstderr: %s", status, run->status,
             run->out, run->err);
}

static JsonObject *
parse_object (const Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  expect_status (run, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static JsonArray *
parse_array (const Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  expect_status (run, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static BbActor *
add_staff (BbDatabase    *db,
           const BbActor *by,
           const char    *number,
           const char    *name,
           BbRole         role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) staff = NULL;
  gint64 id;

  id = bb_staff_repo_add (db, by, number, name, role, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  g_assert_no_error (error);
  return bb_staff_to_actor (staff);
}

static BbCase *
act (BbDatabase    *db,
     const BbActor *actor,
     BbCase        *kase,
     BbCaseAction  *action)
{
  g_autoptr(GError) error = NULL;
  BbCase *after = bb_case_repo_act (db, actor, kase->number, action, kase->version, &error);

  g_assert_no_error (error);
  bb_case_free (kase);
  bb_case_action_free (action);
  return after;
}

/* A 帮办 case of S001's that the client rated 不满意 (2) on Monday 03-02. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(BbActor) staff = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  BbCaseDraft draft = { 0 };
  BbCaseAction *action;
  BbCase *kase;

  g_setenv ("BANGBAN_NOW", "2026-03-02T10:00:00", TRUE);
  f->location = bb_test_new_location ();
  f->where = bb_location_to_string (f->location);
  db = bb_test_open (f->location);

  admin = add_staff (db, system, "A001", "管理员", BB_ROLE_ADMIN);
  staff = add_staff (db, admin, "L001", "赵队长", BB_ROLE_LEADER);
  g_clear_pointer (&staff, bb_actor_free);
  staff = add_staff (db, admin, "S002", "李娜", BB_ROLE_STAFF);
  g_clear_pointer (&staff, bb_actor_free);
  staff = add_staff (db, admin, "S001", "王芳", BB_ROLE_STAFF);

  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = g_strdup ("张伟");
  client->id_number = g_strdup_printf ("61010419900101123%c",
                                       bb_id_number_check_digit ("61010419900101123"));
  client->category = g_strdup (BB_CATEGORY_OTHER);
  draft.client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);

  item->name = g_strdup ("社会保障卡申领");
  item->department = g_strdup ("人力资源和社会保障局");
  item->limit_days = 3;
  g_ptr_array_add (item->materials, bb_material_new ("申请表", BB_MATERIAL_ORIGINAL, 1, NULL));
  draft.item_id = bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);

  draft.kind = BB_CASE_ASSIST;
  draft.reason = "不会使用自助机";
  kase = bb_case_repo_create (db, staff, &draft, &error);
  g_assert_no_error (error);

  kase = act (db, staff, kase, bb_case_action_new (BB_ACTION_APPLY));
  action = bb_case_action_new (BB_ACTION_ROUTE);
  action->area = g_strdup ("self-service");
  kase = act (db, staff, kase, action);
  action = bb_case_action_new (BB_ACTION_MATERIALS);
  action->present = g_strsplit ("申请表", ",", -1);
  kase = act (db, staff, kase, action);
  action = bb_case_action_new (BB_ACTION_COMPLETE);
  action->result = g_strdup ("已提交");
  kase = act (db, staff, kase, action);
  action = bb_case_action_new (BB_ACTION_HANDOVER);
  action->items = g_strdup ("回执");
  kase = act (db, staff, kase, action);
  action = bb_case_action_new (BB_ACTION_EVALUATE);
  action->level = 2;
  action->comment = g_strdup ("态度生硬");
  kase = act (db, staff, kase, action);
  bb_case_free (kase);

  list = bb_rectification_repo_list (db, admin, BB_RECTIFICATION_LIST_ALL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  f->id = g_strdup_printf ("%" G_GINT64_FORMAT,
                           ((BbRectificationEntry *) g_ptr_array_index (list, 0))->id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->where, g_free);
  g_clear_pointer (&f->id, g_free);
  g_unsetenv ("BANGBAN_NOW");
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonArray) listed = NULL;
  g_autoptr(JsonArray) overdue = NULL;
  g_autoptr(JsonObject) measured = NULL;
  g_autoptr(JsonObject) closed = NULL;
  g_autoptr(JsonObject) shown = NULL;
  JsonObject *first;

  {
    g_auto(Run) run = cli (f, "L001", "rectification", "list", "--open", "--json", NULL);

    listed = parse_array (&run);
  }
  g_assert_cmpuint (json_array_get_length (listed), ==, 1);
  first = json_array_get_object_element (listed, 0);
  g_assert_cmpstr (member_string (first, "state"), ==, "open");
  g_assert_cmpstr (member_string (first, "deadline"), ==, "2026-03-09");
  g_assert_cmpstr (member_string (first, "responsible"), ==, "S001");
  g_assert_cmpstr (member_string (first, "client"), ==, "张伟");
  g_assert_cmpint (json_object_get_int_member (first, "level"), ==, 2);
  g_assert_false (json_object_get_boolean_member (first, "overdue"));
  /* Another staff member does not see it. */
  {
    g_auto(Run) run = cli (f, "S002", "rectification", "list", "--json", NULL);
    g_autoptr(JsonArray) none = parse_array (&run);

    g_assert_cmpuint (json_array_get_length (none), ==, 0);
  }

  /* Usage errors: 64. */
  {
    g_auto(Run) both = cli (f, "L001", "rectification", "list", "--open", "--overdue", NULL);
    g_auto(Run) bad_id = cli (f, "L001", "rectification", "show", "abc", NULL);
    g_auto(Run) bad_answer = cli (f, "S001", "rectification", "return-visit", f->id, "--text",
                                   "x", "--satisfied", "maybe", NULL);
    g_auto(Run) none = cli (f, NULL, "rectification", NULL);
    g_auto(Run) unknown = cli (f, NULL, "rectification", "close", NULL);

    expect_status (&both, 64);
    expect_status (&bad_id, 64);
    expect_status (&bad_answer, 64);
    expect_status (&none, 64);
    expect_status (&unknown, 64);
    g_assert_nonnull (strstr (unknown.err, "close"));
  }

  /* No such rectification: 1. */
  {
    g_auto(Run) run = cli (f, "L001", "rectification", "show", "999", NULL);

    expect_status (&run, 1);
  }
  /* The return visit before the measures, and another's: refused, 2. */
  {
    g_auto(Run) early = cli (f, "S001", "rectification", "return-visit", f->id, "--text",
                              "已回访", NULL);
    g_auto(Run) other = cli (f, "S002", "rectification", "measures", f->id, "--text", "培训",
                              NULL);

    expect_status (&early, 2);
    g_assert_nonnull (strstr (early.err, "measures"));
    expect_status (&other, 2);
  }
  /* No text: 1, naming the field. A stale version: 3. */
  {
    g_auto(Run) empty = cli (f, "S001", "rectification", "measures", f->id, NULL);
    g_auto(Run) stale = cli (f, "S001", "rectification", "measures", f->id, "--text", "培训",
                              "--expect-version", "7", NULL);

    expect_status (&empty, 1);
    g_assert_nonnull (strstr (empty.err, "Measures taken"));
    expect_status (&stale, 3);
  }

  /* Past the deadline it is overdue, and marked in the plain list. */
  g_setenv ("BANGBAN_NOW", "2026-03-10T09:00:00", TRUE);
  {
    g_auto(Run) run = cli (f, "L001", "rectification", "list", "--overdue", "--json", NULL);
    g_auto(Run) text = cli (f, "L001", "rectification", "list", "--overdue", NULL);

    overdue = parse_array (&run);
    g_assert_cmpuint (json_array_get_length (overdue), ==, 1);
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (overdue, 0),
                                                   "overdue"));
    expect_status (&text, 0);
    g_assert_nonnull (strstr (text.out, "2026-03-09!"));
  }

  {
    g_auto(Run) run = cli (f, "S001", "rectification", "measures", f->id, "--text",
                            "专题学习服务规范", "--json", NULL);

    measured = parse_object (&run);
  }
  g_assert_cmpstr (member_string (measured, "state"), ==, "measures");
  g_assert_cmpstr (member_string (measured, "measures"), ==, "专题学习服务规范");
  g_assert_cmpint (json_object_get_int_member (measured, "version"), ==, 2);

  {
    g_auto(Run) fax = cli (f, "S001", "rectification", "return-visit", f->id, "--text", "x",
                            "--channel", "fax", NULL);

    expect_status (&fax, 1);
  }
  {
    g_auto(Run) run = cli (f, "S001", "rectification", "return-visit", f->id, "--text",
                            "短信回访，群众仍有意见", "--channel", "sms", "--satisfied", "no",
                            "--json", NULL);

    closed = parse_object (&run);
  }
  g_assert_cmpstr (member_string (closed, "state"), ==, "closed");
  g_assert_cmpstr (member_string (closed, "visit_channel"), ==, "sms");
  g_assert_false (json_object_get_boolean_member (closed, "visit_satisfied"));
  g_assert_false (json_object_get_boolean_member (closed, "overdue"));

  {
    g_auto(Run) run = cli (f, "S002", "rectification", "show", f->id, "--json", NULL);
    g_auto(Run) text = cli (f, "S002", "rectification", "show", f->id, NULL);

    shown = parse_object (&run);
    expect_status (&text, 0);
    g_assert_nonnull (strstr (text.out, "短信回访，群众仍有意见"));
    g_assert_nonnull (strstr (text.out, "not satisfied"));
  }
  g_assert_cmpstr (member_string (shown, "return_visit"), ==, "短信回访，群众仍有意见");
  g_assert_cmpstr (member_string (shown, "return_visit_at"), ==, "2026-03-10T09:00:00+08");
  g_assert_cmpstr (member_string (shown, "visit_channel"), ==, "sms");

  /* Closed: no reassignment. */
  {
    g_auto(Run) run = cli (f, "L001", "rectification", "reassign", f->id, "--to", "S002",
                            "--reason", "调岗", NULL);

    expect_status (&run, 2);
  }
}

static void
test_reassign (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonObject) moved = NULL;

  {
    g_auto(Run) staff = cli (f, "S001", "rectification", "reassign", f->id, "--to", "S002",
                              "--reason", "休假", NULL);
    g_auto(Run) no_reason = cli (f, "L001", "rectification", "reassign", f->id, "--to", "S002",
                                  NULL);
    g_auto(Run) nobody = cli (f, "L001", "rectification", "reassign", f->id, "--to", "S404",
                               "--reason", "休假", NULL);

    expect_status (&staff, 2);
    expect_status (&no_reason, 1);
    g_assert_nonnull (strstr (no_reason.err, "Reason"));
    expect_status (&nobody, 1);
    g_assert_nonnull (strstr (nobody.err, "S404"));
  }
  {
    g_auto(Run) run = cli (f, "L001", "rectification", "reassign", f->id, "--to", "S002",
                            "--reason", "王芳休假", "--json", NULL);

    moved = parse_object (&run);
  }
  g_assert_cmpstr (member_string (moved, "responsible"), ==, "S002");
  g_assert_cmpstr (member_string (moved, "responsible_name"), ==, "李娜");
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *subcommands[] = { "list", "show", "measures", "return-visit", "reassign" };
  const char *options[] = { "--overdue", "--json", "--text", "--satisfied", "--reason" };

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_auto(Run) run = cli (f, NULL, "rectification", subcommands[i], "--help", NULL);

      expect_status (&run, 0);
      if (strstr (run.out, options[i]) == NULL)
        g_error ("expected %s in the help of %s:\n%s", options[i], subcommands[i], run.out);
    }
  {
    g_auto(Run) run = cli (f, NULL, "--help", NULL);

    expect_status (&run, 0);
    g_assert_nonnull (strstr (run.out, "rectification"));
  }
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add ("/bangban/cli-rectification/flow", Fixture, NULL, fixture_set_up, test_flow,
              fixture_tear_down);
  g_test_add ("/bangban/cli-rectification/reassign", Fixture, NULL, fixture_set_up,
              test_reassign, fixture_tear_down);
  g_test_add ("/bangban/cli-rectification/help", Fixture, NULL, fixture_set_up, test_help,
              fixture_tear_down);

  return g_test_run ();
}
