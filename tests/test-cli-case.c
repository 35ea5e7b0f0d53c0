/* test-cli-case.c — bangban-cli case …, run as a program: JSON and exit
 * statuses; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-case"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bb-actor.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-holiday-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

typedef struct
{
  BbLocation *location;
  char       *where;
  gint64      client_id;
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(BbStaff) admin_staff = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_setenv ("BANGBAN_NOW", "2026-03-02T10:00:00", TRUE);
  f->location = bb_test_new_location ();
  f->where = bb_location_to_string (f->location);
  db = bb_test_open (f->location);

  id = bb_staff_repo_add (db, system, "A001", "管理员", BB_ROLE_ADMIN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  admin_staff = bb_staff_repo_get (db, id, &error);
  admin = bb_staff_to_actor (admin_staff);
  bb_staff_repo_add (db, admin, "L001", "赵队长", BB_ROLE_LEADER, NULL, NULL, NULL, &error);
  bb_staff_repo_add (db, admin, "S001", "王芳", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  bb_staff_repo_add (db, admin, "S002", "李娜", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = g_strdup ("张伟");
  client->id_number = g_strdup_printf ("61010419900101123%c",
                                       bb_id_number_check_digit ("61010419900101123"));
  client->category = g_strdup (BB_CATEGORY_OTHER);
  f->client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->limit_days = 3;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("营业执照", BB_MATERIAL_COPY, 1,
                                                     "市场监督管理局窗口办理"));
  bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);
  bb_holiday_repo_set (db, admin, "2026-03-05", BB_DAY_HOLIDAY, NULL, 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->where, g_free);
  g_unsetenv ("BANGBAN_NOW");
}

static void
test_proxy_flow (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *client = g_strdup_printf ("%" G_GINT64_FORMAT, f->client_id);
  g_autofree char *number = NULL;
  g_autofree char *full_id = g_strdup_printf ("61010419900101123%c",
                                              bb_id_number_check_digit ("61010419900101123"));
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) accepted = NULL;
  g_autoptr(JsonObject) as_other = NULL;
  g_autoptr(JsonObject) shown = NULL;
  g_autoptr(JsonObject) evaluated = NULL;
  JsonObject *client_object;
  JsonArray *history;

  /* case new prints the number; --json the case. */
  {
    g_auto(Run) run = cli (f, "S001", "case", "new", "--kind", "proxy", "--client", client,
                            "--matter", "企业设立登记", "--reason", "行动不便", "--channel", "phone",
                            "--json", NULL);

    created = parse_object (&run);
  }
  number = g_strdup (member_string (created, "number"));
  g_assert_cmpstr (number, ==, "2026000001");
  g_assert_cmpstr (member_string (created, "kind"), ==, "proxy");
  g_assert_cmpstr (member_string (created, "state"), ==, "consultation");
  g_assert_cmpstr (member_string (created, "channel"), ==, "phone");
  g_assert_null (member_string (created, "responsible"));
  g_assert_null (member_string (created, "deadline"));
  client_object = json_object_get_object_member (created, "client");
  g_assert_cmpint (json_object_get_int_member (client_object, "id"), ==, f->client_id);
  g_assert_cmpstr (json_object_get_string_member (client_object, "name"), ==, "张伟");
  g_assert_cmpstr (json_object_get_string_member (client_object, "category"), ==, "other");
  /* A staff member who is not responsible sees a masked number. */
  g_assert_nonnull (strstr (json_object_get_string_member (client_object, "id_number"), "***"));

  {
    g_auto(Run) run = cli (f, NULL, "case", "new", "--kind", "assist", "--client", client,
                            "--matter", "老年人证补办", NULL);

    expect_status (&run, 0);
    g_assert_cmpstr (run.out, ==, "2026000002\n");
  }

  /* Usage errors: 64. */
  {
    g_auto(Run) bad_option = cli (f, "S001", "case", "act", number, "suspend", "--bogus", "x",
                                   NULL);
    g_auto(Run) other_action_option = cli (f, "S001", "case", "act", number, "log",
                                            "--resume-by", "2026-03-20", NULL);
    g_auto(Run) bad_action = cli (f, "S001", "case", "act", number, "frobnicate", NULL);
    g_auto(Run) no_kind = cli (f, "S001", "case", "new", "--client", client, "--matter", "x",
                                NULL);
    g_auto(Run) no_subcommand = cli (f, NULL, "case", NULL);

    expect_status (&bad_option, 64);
    expect_status (&other_action_option, 64);
    expect_status (&bad_action, 64);
    g_assert_nonnull (strstr (bad_action.err, "frobnicate"));
    expect_status (&no_kind, 64);
    expect_status (&no_subcommand, 64);
  }

  /* A transition the state does not allow: 2, and the reason. */
  {
    g_auto(Run) run = cli (f, "S001", "case", "act", number, "accept", "--handler", "S001",
                            NULL);

    expect_status (&run, 2);
    g_assert_nonnull (strstr (run.err, "Accept is not possible while the case is Consultation"));
  }

  {
    g_auto(Run) run = cli (f, "S001", "case", "act", number, "analyse", "--difficulty", "一般",
                            "--days", "3", "--process", "预审→递交→领证", NULL);

    expect_status (&run, 0);
    g_assert_cmpstr (run.out, ==, "2026000001\n");
  }

  /* Invalid input: 1, naming the field. */
  {
    g_auto(Run) no_handler = cli (f, "S001", "case", "act", number, "accept", NULL);
    g_auto(Run) unknown = cli (f, "S001", "case", "act", number, "accept", "--handler", "S999",
                                NULL);

    expect_status (&no_handler, 1);
    g_assert_nonnull (strstr (no_handler.err, "Handler: "));
    expect_status (&unknown, 1);
    g_assert_nonnull (strstr (unknown.err, "S999"));
  }

  /* A staff member may not promise another limit than the catalogue's: 2. */
  {
    g_auto(Run) run = cli (f, "S001", "case", "act", number, "accept", "--handler", "S001",
                            "--limit", "10", NULL);

    expect_status (&run, 2);
  }

  {
    g_auto(Run) run = cli (f, "S001", "case", "act", number, "accept", "--handler", "S001",
                            "--json", NULL);

    accepted = parse_object (&run);
  }
  g_assert_cmpstr (member_string (accepted, "state"), ==, "handling");
  g_assert_cmpstr (member_string (accepted, "responsible"), ==, "S001");
  g_assert_true (g_str_has_prefix (member_string (accepted, "accepted_at"), "2026-03-02T10:00:00"));
  /* Tue 3, Wed 4, (Thu 5 a holiday), Fri 6. */
  g_assert_cmpstr (member_string (accepted, "deadline"), ==, "2026-03-06");
  g_assert_cmpint (json_object_get_int_member (accepted, "remaining_days"), ==, 3);
  /* The responsible staff member sees the full number. */
  client_object = json_object_get_object_member (accepted, "client");
  g_assert_cmpstr (json_object_get_string_member (client_object, "id_number"), ==, full_id);

  /* Someone else's case: 2; their view is masked. */
  {
    g_auto(Run) run = cli (f, "S002", "case", "act", number, "log", "--text", "x", NULL);
    g_auto(Run) show = cli (f, "S002", "case", "show", number, "--json", NULL);

    expect_status (&run, 2);
    as_other = parse_object (&show);
    client_object = json_object_get_object_member (as_other, "client");
    g_assert_cmpstr (json_object_get_string_member (client_object, "id_number"), !=, full_id);
  }

  /* A stale version: 3, nothing written. */
  {
    g_auto(Run) run = cli (f, "S001", "case", "act", number, "log", "--text", "迟到的日志",
                            "--expect-version", "1", NULL);

    expect_status (&run, 3);
    g_assert_nonnull (strstr (run.err, "changed by someone else"));
  }

  {
    g_auto(Run) supplement = cli (f, "S001", "case", "act", number, "request-supplement",
                                   "--text", "请补交营业执照复印件", "--missing", "营业执照", NULL);
    g_auto(Run) log = cli (f, "S001", "case", "act", number, "log", "--text",
                            "已电话联系申请人", NULL);
    g_auto(Run) bad_reason = cli (f, "S001", "case", "act", number, "suspend", "--reason",
                                   "holiday", "--resume-by", "2026-03-20", NULL);
    g_auto(Run) suspend = cli (f, "S001", "case", "act", number, "suspend", "--reason",
                                "materials", "--resume-by", "2026-03-20", "--json", NULL);
    g_autoptr(JsonObject) suspended = NULL;

    expect_status (&supplement, 0);
    expect_status (&log, 0);
    expect_status (&bad_reason, 1);
    g_assert_nonnull (strstr (bad_reason.err, "Suspension reason: "));
    suspended = parse_object (&suspend);
    g_assert_cmpstr (member_string (suspended, "state"), ==, "suspended");
    g_assert_cmpstr (member_string (suspended, "resume_by"), ==, "2026-03-20");
  }

  {
    g_auto(Run) resume = cli (f, "S001", "case", "act", number, "resume", NULL);
    g_auto(Run) complete = cli (f, "S001", "case", "act", number, "complete", "--result",
                                 "营业执照已核发", NULL);
    g_auto(Run) handover = cli (f, "S001", "case", "act", number, "handover", "--items",
                                 "营业执照正副本", NULL);
    g_auto(Run) confirm = cli (f, "S001", "case", "act", number, "confirm", NULL);
    g_auto(Run) bad_level = cli (f, "S001", "case", "evaluate", number, "--level", "7", NULL);
    g_auto(Run) bad_integrity = cli (f, "S001", "case", "evaluate", number, "--level", "5",
                                      "--integrity-ok", "maybe", NULL);
    g_auto(Run) evaluate = cli (f, "S001", "case", "evaluate", number, "--level", "5",
                                 "--comment", "非常满意", "--integrity-ok", "yes", "--json", NULL);

    expect_status (&resume, 0);
    expect_status (&complete, 0);
    expect_status (&handover, 0);
    expect_status (&confirm, 0);
    expect_status (&bad_level, 1);
    g_assert_nonnull (strstr (bad_level.err, "Satisfaction: "));
    expect_status (&bad_integrity, 1);
    evaluated = parse_object (&evaluate);
    g_assert_cmpstr (member_string (evaluated, "state"), ==, "confirmed");
  }

  {
    g_auto(Run) follow_up = cli (f, "S001", "case", "act", number, "follow-up", "--text",
                                  "回访：已正常营业", NULL);
    g_auto(Run) archive = cli (f, "S001", "case", "act", number, "archive", NULL);
    g_auto(Run) too_late = cli (f, "S001", "case", "act", number, "dispute", "--reason", "x",
                                 NULL);
    g_auto(Run) show = cli (f, "L001", "case", "show", number, "--json", NULL);
    g_auto(Run) text = cli (f, "L001", "case", "show", number, NULL);

    expect_status (&follow_up, 0);
    expect_status (&archive, 0);
    expect_status (&too_late, 2);
    shown = parse_object (&show);
    expect_status (&text, 0);
    g_assert_nonnull (strstr (text.out, "History:"));
    g_assert_nonnull (strstr (text.out, "已电话联系申请人"));
  }

  g_assert_cmpstr (member_string (shown, "state"), ==, "archived");
  g_assert_cmpstr (member_string (shown, "archive_number"), ==, number);

  /* case list by completion day; the evaluation was good: no
   * rectification. */
  {
    g_auto(Run) today = cli (f, "L001", "case", "list", "--completed-since", "2026-03-02",
                             "--json", NULL);
    g_auto(Run) range = cli (f, "L001", "case", "list", "--completed-since", "2026-03-01",
                             "--completed-before", "2026-03-03", "--json", NULL);
    g_auto(Run) later = cli (f, "L001", "case", "list", "--completed-since", "2026-03-03",
                             "--json", NULL);
    g_auto(Run) earlier = cli (f, "L001", "case", "list", "--completed-before", "2026-03-02",
                               "--json", NULL);
    g_auto(Run) bad_day = cli (f, "L001", "case", "list", "--completed-since", "2026-3-1", NULL);
    g_auto(Run) rectification = cli (f, "L001", "case", "list", "--rectification-overdue",
                                     "--json", NULL);
    Run *found[] = { &today, &range };
    Run *empty[] = { &later, &earlier, &rectification };

    for (guint i = 0; i < G_N_ELEMENTS (found); i++)
      {
        g_autoptr(JsonNode) node = json_from_string (found[i]->out, NULL);
        JsonArray *rows;

        expect_status (found[i], 0);
        g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
        rows = json_node_get_array (node);
        g_assert_cmpuint (json_array_get_length (rows), ==, 1);
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                        "number"), ==, number);
      }
    for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
      {
        expect_status (empty[i], 0);
        g_assert_cmpstr (g_strstrip (empty[i]->out), ==, "[]");
      }
    expect_status (&bad_day, 1);
    g_assert_nonnull (strstr (bad_day.err, "Completed since: "));
  }
  history = json_object_get_array_member (shown, "history");
  /* create analyse accept request-supplement log suspend resume complete
   * handover confirm evaluate follow-up archive */
  g_assert_cmpuint (json_array_get_length (history), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0),
                                                  "kind"), ==, "archive");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 12),
                                                  "kind"), ==, "create");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shown, "evaluations")),
                    ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shown, "suspensions")),
                    ==, 1);

  /* An unknown case: 1. */
  {
    g_auto(Run) run = cli (f, NULL, "case", "show", "2099000001", NULL);

    expect_status (&run, 1);
  }
}

static void
test_sweep_and_convert (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *client = g_strdup_printf ("%" G_GINT64_FORMAT, f->client_id);

  {
    g_auto(Run) created = cli (f, NULL, "case", "new", "--kind", "assist", "--client", client,
                                "--matter", "企业设立登记", NULL);
    g_auto(Run) apply = cli (f, NULL, "case", "act", "2026000001", "apply", NULL);
    g_auto(Run) route = cli (f, NULL, "case", "act", "2026000001", "route", "--area",
                              "self-service", NULL);
    g_auto(Run) materials = cli (f, NULL, "case", "act", "2026000001", "materials",
                                  "--present", "申请书", "--missing", "营业执照", NULL);
    g_auto(Run) notify = cli (f, NULL, "case", "act", "2026000001", "notify-missing", NULL);
    g_auto(Run) convert = cli (f, NULL, "case", "act", "2026000001", "convert", NULL);

    expect_status (&created, 0);
    expect_status (&apply, 0);
    expect_status (&route, 0);
    expect_status (&materials, 0);
    expect_status (&notify, 0);
    /* convert prints the new 代办 case's number. */
    expect_status (&convert, 0);
    g_assert_cmpstr (convert.out, ==, "2026000002\n");
  }

  {
    g_auto(Run) sweep = cli (f, NULL, "case", "sweep", "--json", NULL);
    g_autoptr(JsonObject) result = parse_object (&sweep);

    g_assert_cmpint (json_object_get_int_member (result, "terminated"), ==, 0);
  }
}

static void
test_unavailable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *saved = g_steal_pointer (&f->where);

  /* Nothing listens on port 1. */
  f->where = g_strdup ("postgresql://postgres@127.0.0.1:1/bangban");
  {
    g_auto(Run) run = cli (f, NULL, "case", "show", "2026000001", NULL);

    expect_status (&run, 4);
  }
  g_free (f->where);
  f->where = g_steal_pointer (&saved);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add ("/bangban/cli/case/proxy-flow", Fixture, NULL, fixture_set_up, test_proxy_flow,
              fixture_tear_down);
  g_test_add ("/bangban/cli/case/sweep-and-convert", Fixture, NULL, fixture_set_up,
              test_sweep_and_convert, fixture_tear_down);
  g_test_add ("/bangban/cli/case/unavailable", Fixture, NULL, fixture_set_up, test_unavailable,
              fixture_tear_down);

  return g_test_run ();
}
