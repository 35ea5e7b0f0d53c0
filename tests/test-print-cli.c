/* test-print-cli.c — the register query, and bangban-cli slip, notice,
 * handover and register run as a program; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed forms' own layout is tested in test-print.c; here, that a
 * case from the database reaches the paper: every value the case
 * repository hands out lands in the right field, the settings give the
 * team name and hotline, the register holds the cases of its date range
 * (days in Asia/Shanghai) and nothing else, and the exit statuses.
 */

#define G_LOG_DOMAIN "test-print-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bb-actor.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-error.h"
#include "bb-register-query.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

typedef struct
{
  BbLocation *location;
  char       *where;
  char       *dir;
  char       *id_number;
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

/* Runs bangban-cli --db WHERE ARGS… at the fixed instant. */
static Run
cli (Fixture    *f,
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

/* The text of a PDF's pages in drawing order, without white space:
 * pdftotext breaks lines wherever the layout does. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GString *squeezed = g_string_new (NULL);
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  return g_string_free (squeezed, FALSE);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  return out;
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is missing from:\n%s", needle, text);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
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
  int version = 0;
  gint64 id;

  g_setenv ("BANGBAN_NOW", "2026-03-02T10:00:00", TRUE);
  f->location = bb_test_new_location ();
  f->where = bb_location_to_string (f->location);
  f->dir = g_dir_make_tmp ("bangban-print-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db = bb_test_open (f->location);

  id = bb_staff_repo_add (db, system, "A001", "管理员", BB_ROLE_ADMIN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  admin_staff = bb_staff_repo_get (db, id, &error);
  admin = bb_staff_to_actor (admin_staff);
  bb_staff_repo_add (db, admin, "S001", "王芳", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bb_staff_repo_add (db, admin, "S002", "李娜", BB_ROLE_STAFF, "13900001111", NULL, NULL, &error);
  g_assert_no_error (error);
  bb_staff_repo_add (db, admin, "S003", "赵敏", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  f->id_number = g_strdup_printf ("61010419900101123%c",
                                  bb_id_number_check_digit ("61010419900101123"));
  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = g_strdup ("张伟");
  client->id_number = g_strdup (f->id_number);
  client->phone = g_strdup ("13800138000");
  client->category = g_strdup (BB_CATEGORY_OTHER);
  f->client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->limit_days = 3;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("营业执照", BB_MATERIAL_COPY, 2,
                                                     "市场监督管理局窗口办理"));
  bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);

  g_free (bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, &version, &error));
  g_assert_no_error (error);
  bb_settings_repo_set (db, admin, BB_SETTING_TEAM_NAME, "雁塔区为民服务队", version, NULL,
                        &error);
  g_assert_no_error (error);
  g_free (bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, &version, &error));
  bb_settings_repo_set (db, admin, BB_SETTING_COMPLAINT_HOTLINE, "029-88881234", version, NULL,
                        &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->id_number, g_free);
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->where, g_free);
  g_unsetenv ("BANGBAN_NOW");
}

/* A proxy case through acceptance and handover; its three forms. */
static void
test_case_forms (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *client = g_strdup_printf ("%" G_GINT64_FORMAT, f->client_id);
  g_autofree char *slip = out_path (f, "slip.pdf");
  g_autofree char *notice = out_path (f, "notice.pdf");
  g_autofree char *handover = out_path (f, "handover.pdf");
  g_autofree char *assist_slip = out_path (f, "assist-slip.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *number = NULL;
  g_autofree char *assist = NULL;

  {
    g_auto(Run) run = cli (f, "--as", "S001", "case", "new", "--kind", "proxy", "--client",
                           client, "--matter", "企业设立登记", "--reason", "首次办理", NULL);

    expect_status (&run, 0);
    number = g_strstrip (g_strdup (run.out));
  }
  {
    g_auto(Run) run = cli (f, "--as", "S001", "case", "new", "--kind", "assist", "--client",
                           client, "--matter", "医保异地就医备案", NULL);

    expect_status (&run, 0);
    assist = g_strstrip (g_strdup (run.out));
  }
  {
    g_auto(Run) run = cli (f, "--as", "S001", "case", "act", number, "materials", "--present",
                           "申请书", "--missing", "营业执照", NULL);

    expect_status (&run, 0);
  }
  {
    g_auto(Run) run = cli (f, "--as", "S001", "case", "act", number, "analyse", "--difficulty",
                           "一般", "--days", "3", "--process", "受理-审核-发照", NULL);

    expect_status (&run, 0);
  }
  {
    g_auto(Run) run = cli (f, "case", "act", number, "accept", "--handler", "S002", "--text",
                           "材料基本齐全，同意受理", NULL);

    expect_status (&run, 0);
  }

  /* The slip: the settings, the case's values, the full ID number (the
   * default actor is an administrator), one A4 portrait page. */
  {
    g_auto(Run) run = cli (f, "slip", number, "--pdf", slip, NULL);

    expect_status (&run, 0);
  }
  text = pdf_text (slip);
  assert_has (text, "“雁塔区为民服务队”代办事项受理单");
  assert_has (text, "2026年3月2日");
  g_assert_nonnull (strstr (text, number));
  assert_has (text, "张伟");
  assert_has (text, f->id_number);
  assert_has (text, "13800138000");
  assert_has (text, "企业设立登记");
  assert_has (text, "2026-03-0210:00");
  assert_has (text, "管理员");
  assert_has (text, "李娜");
  assert_has (text, "3个工作日（2026年3月5日前）");
  assert_has (text, "材料基本齐全，同意受理");
  assert_has (text, "6.帮办代办服务投诉建议监督电话：029-88881234。");
  info = pdf_info (slip);
  assert_has (info, "Pages:           1");
  assert_has (info, "595.276 x 841.89 pts (A4)");
  g_clear_pointer (&text, g_free);

  /* For a colleague who is not responsible for the case it is masked. */
  {
    g_auto(Run) run = cli (f, "--as", "S003", "slip", number, "--pdf", slip, NULL);

    expect_status (&run, 0);
  }
  text = pdf_text (slip);
  g_assert_null (strstr (text, f->id_number));
  g_clear_pointer (&text, g_free);

  /* The notice: the missing material and how to obtain it. */
  {
    g_auto(Run) run = cli (f, "notice", number, "--pdf", notice, NULL);

    expect_status (&run, 0);
  }
  text = pdf_text (notice);
  assert_has (text, "“雁塔区为民服务队”一次性告知单");
  assert_has (text, "营业执照");
  assert_has (text, "复印件2份");
  assert_has (text, "市场监督管理局窗口办理");
  g_assert_null (strstr (text, "申请书"));
  /* The responsible staff member (the handler since acceptance). */
  assert_has (text, "服务人员李娜联系电话13900001111");
  assert_has (text, "日期：2026年3月2日");
  g_clear_pointer (&text, g_free);

  /* No handover yet: invalid input, naming the field. */
  {
    g_auto(Run) run = cli (f, "handover", number, "--pdf", handover, NULL);

    expect_status (&run, 1);
    assert_has (run.err, "Case number");
    g_assert_false (g_file_test (handover, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = cli (f, "--as", "S002", "case", "act", number, "complete", "--result",
                           "准予设立登记", "--delivery", "窗口当面交付", NULL);

    expect_status (&run, 0);
  }
  {
    g_auto(Run) run = cli (f, "--as", "S002", "case", "act", number, "handover", "--items",
                           "营业执照正本1份\n公章1枚\n", "--received-by", "张伟", NULL);

    expect_status (&run, 0);
  }
  {
    g_auto(Run) run = cli (f, "handover", number, "--pdf", handover, NULL);

    expect_status (&run, 0);
  }
  text = pdf_text (handover);
  assert_has (text, "“雁塔区为民服务队”交接证明");
  assert_has (text, "1营业执照正本1份");
  assert_has (text, "2公章1枚");
  assert_has (text, "准予设立登记");
  assert_has (text, "窗口当面交付");
  assert_has (text, "交付人（签字）：");
  assert_has (text, "日期：2026年3月2日");

  /* A slip is for proxy cases; an assist case is refused as invalid. */
  {
    g_auto(Run) run = cli (f, "slip", assist, "--pdf", assist_slip, NULL);

    expect_status (&run, 1);
    assert_has (run.err, "Case number");
    g_assert_false (g_file_test (assist_slip, G_FILE_TEST_EXISTS));
  }
}

/* Inserts a case applied for at @local (Asia/Shanghai) behind the
 * program's back. */
static void
insert_case (Fixture    *f,
             int         id,
             const char *kind,
             const char *state,
             const char *matter,
             const char *local,
             const char *remark)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (local, tz);
  g_autofree char *sql = NULL;
  gint64 usec;

  g_assert_nonnull (when);
  usec = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  sql = g_strdup_printf ("INSERT INTO bb_case (id, number, kind, state, client_id, matter, "
                         "reason, mode, applied_at, remark, created_at, updated_at) VALUES "
                         "(%d, 'R%04d', '%s', '%s', %" G_GINT64_FORMAT ", '%s', '行动不便', "
                         "'home', %" G_GINT64_FORMAT ", '%s', %" G_GINT64_FORMAT ", %"
                         G_GINT64_FORMAT ")",
                         id, id, kind, state, f->client_id, matter, usec, remark, usec, usec);
  bb_test_exec_script (f->location, sql);
}

static void
insert_evaluation (Fixture    *f,
                   int         id,
                   int         case_id,
                   int         level,
                   const char *comment)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO evaluation (id, case_id, level, comment, "
                                          "channel, at) VALUES (%d, %d, %d, '%s', 'onsite', %d)",
                                          id, case_id, level, comment, id);

  bb_test_exec_script (f->location, sql);
}

/* The register holds the cases applied for from the first day's midnight
 * to the last day's end in Asia/Shanghai, oldest first, each with its
 * latest evaluation. */
static void
test_register_query (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  BbRegisterRow *row;

  insert_case (f, 101, "assist", "handling", "事项二", "2026-03-15T09:00:00", "第二");
  insert_case (f, 102, "assist", "completed", "事项一", "2026-03-01T00:00:00", "第一");
  insert_case (f, 103, "proxy", "handling", "事项三", "2026-03-31T23:59:59", "第三");
  insert_case (f, 104, "assist", "handling", "二月", "2026-02-28T23:59:59", "前一天");
  insert_case (f, 105, "assist", "handling", "四月", "2026-04-01T00:00:00", "后一天");
  insert_evaluation (f, 1, 101, 2, "太慢");
  insert_evaluation (f, 2, 101, 5, "后来很好");

  db = bb_test_open (f->location);
  rows = bb_register_query_run (db, "2026-03-01", "2026-03-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->sequence, ==, 1);
  g_assert_cmpstr (row->matter, ==, "事项一");
  g_assert_cmpstr (row->remark, ==, "第一");
  g_assert_cmpstr (row->state, ==, "completed");
  g_assert_cmpint (row->evaluation, ==, 0);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->sequence, ==, 2);
  g_assert_cmpint (row->case_id, ==, 101);
  g_assert_cmpstr (row->number, ==, "R0101");
  g_assert_cmpstr (row->applicant, ==, "张伟");
  g_assert_cmpstr (row->reason, ==, "行动不便");
  g_assert_cmpstr (row->mode, ==, "home");
  g_assert_cmpint (row->evaluation, ==, 5);
  g_assert_cmpstr (row->evaluation_comment, ==, "后来很好");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->matter, ==, "事项三");
  g_assert_cmpstr (row->kind, ==, "proxy");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = bb_register_query_run (db, "2026-03-01", "2026-03-31", "proxy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (((BbRegisterRow *) g_ptr_array_index (rows, 0))->sequence, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One day. */
  rows = bb_register_query_run (db, "2026-02-28", "2026-02-28", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Invalid input names its field. */
  g_assert_null (bb_register_query_run (db, "2026-3-1", "2026-03-31", NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  assert_has (error->message, "From");
  g_clear_error (&error);
  g_assert_null (bb_register_query_run (db, "2026-03-01", "2026-02-30", NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  assert_has (error->message, "To");
  g_clear_error (&error);
  g_assert_null (bb_register_query_run (db, "2026-03-31", "2026-03-01", NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bb_register_query_run (db, "2026-03-01", "2026-03-31", "both", &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  assert_has (error->message, "Kind");
}

/* bangban-cli register: PDF, CSV and XLSX of the same rows; exit statuses. */
static void
test_register_cli (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = out_path (f, "register.pdf");
  g_autofree char *csv = out_path (f, "register.csv");
  g_autofree char *xlsx = out_path (f, "register.xlsx");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  insert_case (f, 201, "assist", "handling", "医保异地就医备案", "2026-03-02T09:30:00", "上门");
  insert_case (f, 202, "proxy", "refused", "企业设立登记", "2026-03-03T14:00:00", "材料不全");
  insert_evaluation (f, 3, 201, 4, "上门及时");

  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--pdf", pdf, NULL);

    expect_status (&run, 0);
  }
  text = pdf_text (pdf);
  assert_has (text, "“雁塔区为民服务队”帮办代办服务事项登记表");
  assert_has (text, "登记日期：2026-03-01至2026-03-31");
  assert_has (text, "医保异地就医备案");
  assert_has (text, "上门服务");
  assert_has (text, "2026-03-0209:30");
  assert_has (text, "办理中");
  assert_has (text, "满意：上门及时");
  assert_has (text, "不予受理");
  assert_has (text, "第1页共1页");
  info = pdf_info (pdf);
  assert_has (info, "841.89 x 595.276 pts (A4)");

  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--csv", csv, NULL);

    expect_status (&run, 0);
  }
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==,
                   "\xEF\xBB\xBF"
                   "序号,事项名称,受理理由,办理方式,办理时间,办理结果,申请人,评价,备注\r\n"
                   "1,医保异地就医备案,行动不便,上门服务,2026-03-02 09:30,办理中,张伟,"
                   "满意：上门及时,上门\r\n"
                   "2,企业设立登记,行动不便,上门服务,2026-03-03 14:00,不予受理,张伟,,"
                   "材料不全\r\n");

  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--xlsx", xlsx, NULL);

    expect_status (&run, 0);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  }

  /* A staff member may print the register but not export personal data. */
  {
    g_auto(Run) run = cli (f, "--as", "S001", "register", "--from", "2026-03-01", "--to",
                           "2026-03-31", "--csv", csv, NULL);

    expect_status (&run, 2);
  }
  {
    g_auto(Run) run = cli (f, "--as", "S001", "register", "--from", "2026-03-01", "--to",
                           "2026-03-31", "--pdf", pdf, NULL);

    expect_status (&run, 0);
  }

  /* Invalid input: 1, naming the field; usage: 64. */
  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-32", "--to", "2026-03-31",
                           "--pdf", pdf, NULL);

    expect_status (&run, 1);
    assert_has (run.err, "From");
  }
  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-01", "--to", "2026-03-31", NULL);

    expect_status (&run, 64);
  }
  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--pdf", pdf, "--csv", csv, NULL);

    expect_status (&run, 64);
  }
  {
    g_auto(Run) run = cli (f, "slip", "R0201", NULL);

    expect_status (&run, 64);
  }
  {
    g_auto(Run) run = cli (f, "slip", "NO-SUCH-CASE", "--pdf", pdf, NULL);

    expect_status (&run, 1);
  }
}

/* No database: 4. */
static void
test_unavailable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = out_path (f, "x.pdf");

  g_free (f->where);
  f->where = g_strdup ("postgresql://nobody@127.0.0.1:1/none");
  {
    g_auto(Run) run = cli (f, "slip", "R0001", "--pdf", pdf, NULL);

    expect_status (&run, 4);
  }
  {
    g_auto(Run) run = cli (f, "register", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--pdf", pdf, NULL);

    expect_status (&run, 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Messages in UTF-8 (LC_ALL=C.UTF-8 in the tests' environment). */
  setlocale (LC_ALL, "");
  bb_test_init (&argc, &argv);

  g_test_add ("/bangban/print/cli/case-forms", Fixture, NULL, fixture_set_up, test_case_forms,
              fixture_tear_down);
  g_test_add ("/bangban/print/register-query", Fixture, NULL, fixture_set_up,
              test_register_query, fixture_tear_down);
  g_test_add ("/bangban/print/cli/register", Fixture, NULL, fixture_set_up, test_register_cli,
              fixture_tear_down);
  g_test_add ("/bangban/print/cli/unavailable", Fixture, NULL, fixture_set_up, test_unavailable,
              fixture_tear_down);

  return g_test_run ();
}
