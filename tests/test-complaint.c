/* test-complaint.c — complaints: intake, steps allowed and refused; on
 * SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bb-audit.h"
#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-settings-repo.h"
#include "bb-test-util.h"

static const char SQL_STAFF[] =
  "INSERT INTO staff (id, number, name, role, created_at) "
  "VALUES (##id::gint64, ##number::string, ##name::string, ##role::string, 0)";
static const char SQL_CLIENT[] =
  "INSERT INTO client (id, kind, name, created_at) VALUES (1, 'person', '赵敏', 0)";
static const char SQL_CASE[] =
  "INSERT INTO bb_case (id, number, kind, state, client_id, matter, applied_at, created_at, "
  "updated_at) VALUES (1, '2026000042', 'proxy', 'handling', 1, '企业设立登记', 0, 0, 0)";
static const char SQL_HOLIDAY[] =
  "INSERT INTO holiday (day, kind) VALUES (##day::string, ##kind::string)";
static const char SQL_SET_DAYS[] =
  "UPDATE setting SET value = ##value::string WHERE key = 'complaint_days'";
static const char SQL_COUNT_COMPLAINTS[] = "SELECT count(*) FROM complaint";
static const char SQL_COUNT_STEPS[] = "SELECT count(*) FROM complaint_step";
static const char SQL_COUNT_AUDIT[] =
  "SELECT count(*) FROM audit WHERE entity = 'complaint'";
static const char SQL_COUNTER[] =
  "SELECT value FROM counter WHERE name = ##name::string";

typedef struct
{
  BbLocation *location;
  BbDatabase *db;
  BbActor    *clerk;
  BbActor    *manager;
} Fixture;

static void
exec (BbDatabase *db,
      const char *sql,
      GdaSet     *params)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bb_database_execute (db, bb_database_prepare (db, sql), params, &error), ==, 1);
  g_assert_no_error (error);
}

static void
add_staff (BbDatabase *db,
           gint64      id,
           const char *number,
           const char *name,
           const char *role)
{
  g_autoptr(GdaSet) params = bb_database_new_params (db, bb_database_prepare (db, SQL_STAFF));

  bb_params_set_int64 (params, "id", id);
  bb_params_set_string (params, "number", number);
  bb_params_set_string (params, "name", name);
  bb_params_set_string (params, "role", role);
  exec (db, SQL_STAFF, params);
}

static void
add_holiday (BbDatabase *db,
             const char *day,
             const char *kind)
{
  g_autoptr(GdaSet) params = bb_database_new_params (db, bb_database_prepare (db, SQL_HOLIDAY));

  bb_params_set_string (params, "day", day);
  bb_params_set_string (params, "kind", kind);
  exec (db, SQL_HOLIDAY, params);
}

static gint64
count (BbDatabase *db,
       const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = bb_database_select (db, bb_database_prepare (db, sql), NULL,
                                                      types, &error);

  g_assert_no_error (error);
  return bb_model_get_int64 (model, 0, 0, -1);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->location = bb_test_new_location ();
  f->db = bb_test_open (f->location);
  add_staff (f->db, 1, "S001", "王芳", "staff");
  add_staff (f->db, 2, "M001", "陈静", "manager");
  exec (f->db, SQL_CLIENT, NULL);
  exec (f->db, SQL_CASE, NULL);
  add_holiday (f->db, "2026-04-06", "holiday");
  f->clerk = bb_actor_new (1, "S001", "王芳", BB_ROLE_STAFF);
  f->manager = bb_actor_new (2, "M001", "陈静", BB_ROLE_MANAGER);
  /* A Wednesday. */
  g_setenv ("BANGBAN_NOW", "2026-04-01T09:30:00+08:00", TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->clerk, bb_actor_free);
  g_clear_pointer (&f->manager, bb_actor_free);
}

static BbComplaint *
add (Fixture    *f,
     const char *contact)
{
  g_autoptr(GError) error = NULL;
  BbComplaintDraft draft = {
    .channel = BB_COMPLAINT_CHANNEL_PHONE,
    .complainant = "张女士",
    .contact = contact,
    .case_number = "2026000042",
    .staff_number = "S001",
    .content = "办理时间过长，窗口人员态度生硬。",
  };
  BbComplaint *complaint = bb_complaint_repo_add (f->db, f->clerk, &draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  return complaint;
}

static void
test_intake (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BbComplaint) first = NULL;
  g_autoptr(BbComplaint) second = NULL;
  g_autoptr(BbComplaintDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  const BbComplaintStep *step;

  /* Any staff member may take a complaint in. */
  first = add (f, "138 1234 5678");
  g_assert_cmpstr (first->number, ==, "TS2026000001");
  g_assert_cmpint (first->state, ==, BB_COMPLAINT_RECEIVED);
  g_assert_cmpstr (first->contact, ==, "13812345678");
  g_assert_cmpstr (first->case_number, ==, "2026000042");
  g_assert_cmpint (first->case_id, ==, 1);
  g_assert_cmpstr (first->staff_number, ==, "S001");
  g_assert_cmpstr (first->staff_name, ==, "王芳");
  g_assert_cmpint (first->created_by, ==, 1);
  g_assert_cmpint (first->version, ==, 1);
  g_assert_false (first->overdue);
  /* 10 working days after Wednesday 1 April, with Monday 6 April off:
   * 2, 3, 7, 8, 9, 10, 13, 14, 15, 16 April. */
  g_assert_cmpstr (first->due_date, ==, "2026-04-16");
  /* The limit it was given is read back with it. */
  g_assert_cmpint (first->limit_days, ==, 10);
  /* The investigation has two working days of its own: 2 and 3 April. */
  g_assert_cmpstr (first->step_due_date, ==, "2026-04-03");
  g_assert_false (first->step_overdue);

  second = add (f, "zhang@example.com");
  g_assert_cmpstr (second->number, ==, "TS2026000002");
  g_assert_cmpint (second->id, >, first->id);

  params = bb_database_new_params (f->db, bb_database_prepare (f->db, SQL_COUNTER));
  bb_params_set_string (params, "name", "complaint:2026");
  model = bb_database_select (f->db, bb_database_prepare (f->db, SQL_COUNTER), params, types,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_model_get_int64 (model, 0, 0, 0), ==, 2);

  detail = bb_complaint_repo_get_detail (f->db, f->manager, first->number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->steps->len, ==, 1);
  step = g_ptr_array_index (detail->steps, 0);
  g_assert_cmpint (step->step, ==, BB_COMPLAINT_RECEIVED);
  g_assert_cmpint (step->staff_id, ==, 1);
  g_assert_cmpstr (step->staff_name, ==, "王芳");
  g_assert_cmpint (step->at, ==, first->received_at);
  g_assert_true (step->on_time);
  /* The intake is the start: it has no deadline of its own. */
  g_assert_cmpint (step->due_at, ==, 0);
  g_assert_null (step->due_date);

  g_assert_cmpint (count (f->db, SQL_COUNT_AUDIT), ==, 2);

  /* The next year starts again at 1. */
  g_setenv ("BANGBAN_NOW", "2027-01-04T09:00:00+08:00", TRUE);
  {
    g_autoptr(BbComplaint) next_year = add (f, NULL);

    g_assert_cmpstr (next_year->number, ==, "TS2027000001");
    g_assert_null (next_year->contact);
  }
}

static void
test_limit_setting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbComplaint) complaint = NULL;

  params = bb_database_new_params (f->db, bb_database_prepare (f->db, SQL_SET_DAYS));
  bb_params_set_string (params, "value", "3");
  exec (f->db, SQL_SET_DAYS, params);
  /* Friday 3 April: Tuesday 7, Wednesday 8, Thursday 9 (6 April is off). */
  g_setenv ("BANGBAN_NOW", "2026-04-03T17:00:00+08:00", TRUE);
  complaint = add (f, NULL);
  g_assert_cmpstr (complaint->due_date, ==, "2026-04-09");
  g_assert_cmpint (complaint->limit_days, ==, 3);
}

typedef struct
{
  const char *label;
  BbComplaintDraft draft;
  const char *field;
} BadDraft;

static void
test_intake_invalid (Fixture       *f,
                     gconstpointer  data)
{
  const BadDraft bad[] = {
    { "channel", { "fax", "张三", NULL, NULL, NULL, "内容" }, "Channel" },
    { "complainant", { "phone", "  ", NULL, NULL, NULL, "内容" }, "Complainant" },
    { "content", { "phone", "张三", NULL, NULL, NULL, "" }, "Complaint" },
    { "phone", { "phone", "张三", "1381234567", NULL, NULL, "内容" }, "Contact" },
    { "email", { "email", "张三", "zhang@example", NULL, NULL, "内容" }, "Contact" },
    { "case", { "phone", "张三", NULL, "2026999999", NULL, "内容" }, "Case" },
    { "staff", { "phone", "张三", NULL, NULL, "S999", "内容" }, "Staff member" },
  };
  gint64 complaints = count (f->db, SQL_COUNT_COMPLAINTS);
  gint64 audit = count (f->db, SQL_COUNT_AUDIT);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbComplaint) complaint = NULL;
      g_autofree char *prefix = g_strdup_printf ("%s:", bad[i].field);

      g_test_message ("%s", bad[i].label);
      complaint = bb_complaint_repo_add (f->db, f->clerk, &bad[i].draft, &error);
      g_assert_null (complaint);
      g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  g_assert_cmpint (count (f->db, SQL_COUNT_COMPLAINTS), ==, complaints);
  g_assert_cmpint (count (f->db, SQL_COUNT_AUDIT), ==, audit);

  /* Text that is not a phone number or address is kept as written. */
  {
    g_autoptr(BbComplaint) complaint = add (f, "来信地址：雁塔区长安南路 1 号");

    g_assert_cmpstr (complaint->contact, ==, "来信地址：雁塔区长安南路 1 号");
  }
}

static BbComplaint *
step (Fixture          *f,
      BbComplaint      *complaint,
      BbComplaintState  to,
      const char       *text)
{
  g_autoptr(GError) error = NULL;
  BbComplaint *next = bb_complaint_repo_step (f->db, f->manager, complaint->number, to, text,
                                              complaint->version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpint (next->state, ==, to);
  g_assert_cmpint (next->version, ==, complaint->version + 1);
  bb_complaint_free (complaint);
  return next;
}

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  static const char *texts[] = {
    NULL, "调取窗口录像，询问当事人", "对当事人批评教育，窗口增派人手", "电话告知投诉人处理结果，投诉人表示满意", NULL,
  };
  BbComplaint *complaint = add (f, NULL);
  g_autoptr(BbComplaintDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  gint64 checked = 0, broken = -1;

  /* Each step's deadline counts from the day the step before was taken,
   * on the calendar (Monday 6 April is off); the defaults are 调查 2, 处置 5,
   * 反馈 3 and 归档 5 working days. */
  static const char *due[] = {
    NULL, "2026-04-03", "2026-04-13", "2026-04-13", "2026-04-23",
  };
  static const gboolean on_time[] = { TRUE, TRUE, TRUE, FALSE, TRUE };

  /* Investigated on the last second of its last day: on time. The
   * measures then have five working days: 7, 8, 9, 10, 13 April. */
  g_setenv ("BANGBAN_NOW", "2026-04-03T23:59:59+08:00", TRUE);
  complaint = step (f, complaint, BB_COMPLAINT_INVESTIGATING, texts[1]);
  g_assert_cmpstr (complaint->step_due_date, ==, "2026-04-13");
  /* Handled on 8 April (so the feedback is due 9, 10, 13 April). */
  g_setenv ("BANGBAN_NOW", "2026-04-08T10:00:00+08:00", TRUE);
  complaint = step (f, complaint, BB_COMPLAINT_HANDLED, texts[2]);
  g_assert_cmpstr (complaint->step_due_date, ==, "2026-04-13");
  /* On 14 April the feedback is late, the complaint as a whole is not. */
  g_setenv ("BANGBAN_NOW", "2026-04-14T00:00:00+08:00", TRUE);
  {
    g_autoptr(BbComplaint) read = bb_complaint_repo_get (f->db, f->manager, complaint->number,
                                                         &error);

    g_assert_no_error (error);
    g_assert_true (read->step_overdue);
    g_assert_false (read->overdue);
  }
  /* Answered on the last second of the whole limit: late for its step. */
  g_setenv ("BANGBAN_NOW", "2026-04-16T23:59:59+08:00", TRUE);
  complaint = step (f, complaint, BB_COMPLAINT_ANSWERED, texts[3]);
  g_assert_false (complaint->overdue);
  g_assert_cmpstr (complaint->step_due_date, ==, "2026-04-23");
  g_assert_false (complaint->step_overdue);
  /* Filing needs no text; within its five days: on time. */
  g_setenv ("BANGBAN_NOW", "2026-04-17T00:00:00+08:00", TRUE);
  complaint = step (f, complaint, BB_COMPLAINT_ARCHIVED, NULL);
  g_assert_cmpint (complaint->version, ==, 5);
  g_assert_null (complaint->step_due_date);
  g_assert_false (complaint->step_overdue);

  detail = bb_complaint_repo_get_detail (f->db, f->manager, complaint->number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->steps->len, ==, BB_N_COMPLAINT_STATES);
  for (guint i = 0; i < detail->steps->len; i++)
    {
      const BbComplaintStep *s = g_ptr_array_index (detail->steps, i);

      g_assert_cmpint (s->step, ==, i);
      g_assert_cmpstr (s->body, ==, texts[i]);
      g_assert_cmpint (s->staff_id, ==, i == 0 ? 1 : 2);
      g_assert_cmpstr (s->due_date, ==, due[i]);
      g_assert_true (s->on_time == on_time[i]);
      if (i > 0)
        g_assert_cmpint (s->at, >,
                         ((BbComplaintStep *) g_ptr_array_index (detail->steps, i - 1))->at);
    }
  g_assert_cmpint (detail->complaint->updated_at,
                   ==, ((BbComplaintStep *) g_ptr_array_index (detail->steps, 4))->at);

  json = bb_complaint_detail_to_json (detail);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "state"), ==,
                   "archived");
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_node_get_object (json), "steps")),
                    ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "limit_days"), ==, 10);
  g_assert_true (json_object_get_null_member (json_node_get_object (json), "step_due_date"));
  {
    JsonArray *steps = json_object_get_array_member (json_node_get_object (json), "steps");
    JsonObject *answered = json_array_get_object_element (steps, BB_COMPLAINT_ANSWERED);
    JsonObject *received = json_array_get_object_element (steps, BB_COMPLAINT_RECEIVED);

    g_assert_cmpstr (json_object_get_string_member (answered, "due_date"), ==, "2026-04-13");
    g_assert_false (json_object_get_boolean_member (answered, "on_time"));
    g_assert_true (json_object_get_null_member (received, "due_date"));
  }

  /* One audit record per intake and step, and the chain holds. */
  g_assert_cmpint (count (f->db, SQL_COUNT_AUDIT), ==, 5);
  g_assert_true (bb_audit_verify (f->db, &checked, &broken, &error));
  g_assert_cmpint (broken, ==, 0);
  bb_complaint_free (complaint);
}

/* A step's limit is read from its setting when the step before it is
 * taken; a deadline already given does not move when the setting changes. */
static void
test_step_limit_settings (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BbActor) admin = bb_actor_new_system ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  BbComplaint *complaint;
  int version = 0;

  value = bb_settings_repo_get (f->db, BB_SETTING_COMPLAINT_INVESTIGATE_DAYS, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "2");
  g_assert_true (bb_settings_repo_set (f->db, admin, BB_SETTING_COMPLAINT_INVESTIGATE_DAYS, "1",
                                       version, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = bb_settings_repo_get (f->db, BB_SETTING_COMPLAINT_HANDLE_DAYS, &version, &error);
  g_assert_no_error (error);
  g_assert_true (bb_settings_repo_set (f->db, admin, BB_SETTING_COMPLAINT_HANDLE_DAYS, "12",
                                       version, NULL, &error));
  g_assert_no_error (error);

  /* Friday 3 April: one working day is Tuesday 7 (6 April is off). */
  g_setenv ("BANGBAN_NOW", "2026-04-03T09:00:00+08:00", TRUE);
  complaint = add (f, NULL);
  g_assert_cmpstr (complaint->step_due_date, ==, "2026-04-07");

  /* A later change of the investigation's limit leaves that deadline. */
  g_clear_pointer (&value, g_free);
  value = bb_settings_repo_get (f->db, BB_SETTING_COMPLAINT_INVESTIGATE_DAYS, &version, &error);
  g_assert_no_error (error);
  g_assert_true (bb_settings_repo_set (f->db, admin, BB_SETTING_COMPLAINT_INVESTIGATE_DAYS, "30",
                                       version, NULL, &error));
  g_assert_no_error (error);
  g_setenv ("BANGBAN_NOW", "2026-04-08T09:00:00+08:00", TRUE);
  complaint = step (f, complaint, BB_COMPLAINT_INVESTIGATING, "调阅记录");
  /* Late (due 7 April); the measures get twelve working days from 8 April:
   * 9, 10, 13–17, 20–24 April. */
  g_assert_cmpstr (complaint->step_due_date, ==, "2026-04-24");
  {
    g_autoptr(BbComplaintDetail) detail = bb_complaint_repo_get_detail (f->db, f->manager,
                                                                        complaint->number,
                                                                        &error);
    const BbComplaintStep *s;

    g_assert_no_error (error);
    s = g_ptr_array_index (detail->steps, 1);
    g_assert_cmpstr (s->due_date, ==, "2026-04-07");
    g_assert_false (s->on_time);
  }
  bb_complaint_free (complaint);
}

static void
test_step_limit_validation (void)
{
  static const char *keys[] = {
    BB_SETTING_COMPLAINT_INVESTIGATE_DAYS, BB_SETTING_COMPLAINT_HANDLE_DAYS,
    BB_SETTING_COMPLAINT_FEEDBACK_DAYS, BB_SETTING_COMPLAINT_ARCHIVE_DAYS,
  };
  static const char *labels[] = {
    "Investigation time limit:", "Handling time limit:", "Feedback time limit:",
    "Filing time limit:",
  };
  static const char *bad[] = { "0", "366", "-1", "1.5", "abc", "", " 5", "5 " };
  static const char *good[] = { "1", "10", "365" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_cmpstr (bb_complaint_step_setting (BB_COMPLAINT_INVESTIGATING + i), ==, keys[i]);
      for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_false (bb_settings_validate (keys[i], bad[j], &error));
          g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, labels[i]));
          g_assert_nonnull (strstr (error->message, "1 to 365"));
        }
      for (guint j = 0; j < G_N_ELEMENTS (good); j++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (bb_settings_validate (keys[i], good[j], &error));
          g_assert_no_error (error);
        }
    }
  g_assert_null (bb_complaint_step_setting (BB_COMPLAINT_RECEIVED));
}

/* Refused and conflicting steps change nothing. */
static void
test_steps_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BbComplaint) complaint = add (f, NULL);
  g_autoptr(BbComplaint) stale = NULL;
  struct {
    BbComplaintState  to;
    const char       *text;
    int               code;
  } refused[] = {
    { BB_COMPLAINT_HANDLED, "跳过调查", BB_ERROR_REFUSED },
    { BB_COMPLAINT_ARCHIVED, "直接归档", BB_ERROR_REFUSED },
    { BB_COMPLAINT_RECEIVED, "再受理", BB_ERROR_REFUSED },
    { BB_COMPLAINT_ANSWERED, "", BB_ERROR_INVALID },   /* the right step, but no text */
  };
  gint64 steps, audit;

  complaint = step (f, g_steal_pointer (&complaint), BB_COMPLAINT_INVESTIGATING, "调查");
  stale = bb_complaint_copy (complaint);
  complaint = step (f, g_steal_pointer (&complaint), BB_COMPLAINT_HANDLED, "处置");

  steps = count (f->db, SQL_COUNT_STEPS);
  audit = count (f->db, SQL_COUNT_AUDIT);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbComplaint) after = NULL;
      g_autoptr(BbComplaint) now = NULL;

      g_test_message ("to %s", bb_complaint_state_to_string (refused[i].to));
      after = bb_complaint_repo_step (f->db, f->manager, complaint->number, refused[i].to,
                                      refused[i].text, complaint->version, &error);
      g_assert_null (after);
      g_assert_error (error, BB_ERROR, refused[i].code);

      now = bb_complaint_repo_get (f->db, f->manager, complaint->number, &error);
      g_assert_cmpint (now->state, ==, BB_COMPLAINT_HANDLED);
      g_assert_cmpint (now->version, ==, complaint->version);
    }

  /* The right step, with the version read before the last one: a conflict. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BbComplaint) after = NULL;

    after = bb_complaint_repo_step (f->db, f->manager, stale->number, BB_COMPLAINT_HANDLED,
                                    "再次处置", stale->version, &error);
    g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
    g_assert_null (after);
  }

  /* A staff member may take complaints in but not handle them. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BbComplaint) after = NULL;

    after = bb_complaint_repo_step (f->db, f->clerk, complaint->number, BB_COMPLAINT_ANSWERED,
                                    "已告知", complaint->version, &error);
    g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
    g_assert_null (after);
  }

  /* No such complaint. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BbComplaint) after = NULL;

    after = bb_complaint_repo_step (f->db, f->manager, "TS2026999999", BB_COMPLAINT_ANSWERED,
                                    "已告知", 1, &error);
    g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
    g_assert_null (after);
  }

  g_assert_cmpint (count (f->db, SQL_COUNT_STEPS), ==, steps);
  g_assert_cmpint (count (f->db, SQL_COUNT_AUDIT), ==, audit);

  /* After the archive there is no next step. */
  complaint = step (f, g_steal_pointer (&complaint), BB_COMPLAINT_ANSWERED, "已告知");
  complaint = step (f, g_steal_pointer (&complaint), BB_COMPLAINT_ARCHIVED, NULL);
  for (int to = BB_COMPLAINT_RECEIVED; to < BB_N_COMPLAINT_STATES; to++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbComplaint) after = NULL;

      after = bb_complaint_repo_step (f->db, f->manager, complaint->number, to, "再处理",
                                      complaint->version, &error);
      g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
      g_assert_null (after);
    }
}

/* A complaint taken in under schema 6 keeps its limit in the audit record
 * only; the upgrade to schema 7 fills the column from there, and the next
 * step falls back to the complaint's own deadline. */

static void
test_backfilled (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BbComplaint) taken = add (f, "13800138000");
  g_autoptr(BbComplaint) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (taken->limit_days, ==, 10);
  g_clear_object (&f->db);
  bb_test_exec_script (f->location, BB_TEST_UNDO_SCHEMA_7);
  f->db = bb_test_open (f->location);
  g_assert_cmpuint (bb_database_get_schema_version (f->db), ==,
                    bb_database_get_latest_schema_version ());

  read = bb_complaint_repo_get (f->db, f->manager, taken->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->limit_days, ==, 10);
  g_assert_cmpint (read->due_at, ==, taken->due_at);
  g_assert_cmpint (read->step_due_at, ==, taken->due_at);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BbComplaint) complaint = add (f, NULL);
  g_autoptr(BbComplaint) read = NULL;
  g_autoptr(BbComplaintDetail) detail = NULL;
  g_autoptr(GError) error = NULL;

  /* Past 16 April without an answer. */
  g_setenv ("BANGBAN_NOW", "2026-04-20T09:00:00+08:00", TRUE);
  read = bb_complaint_repo_get (f->db, f->manager, complaint->number, &error);
  g_assert_true (read->overdue);
  complaint = step (f, g_steal_pointer (&complaint), BB_COMPLAINT_INVESTIGATING, "调查");
  g_assert_true (complaint->overdue);

  detail = bb_complaint_repo_get_detail (f->db, f->manager, complaint->number, &error);
  g_assert_false (((BbComplaintStep *) g_ptr_array_index (detail->steps, 1))->on_time);
}

static void
test_read_permissions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BbComplaint) complaint = add (f, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BbComplaint) read = NULL;

  /* A complaint may be about a colleague: staff cannot read them. */
  read = bb_complaint_repo_get (f->db, f->clerk, complaint->number, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_null (read);
  g_clear_error (&error);
  list = bb_complaint_repo_list (f->db, f->clerk, -1, 0, 10, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_null (list);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 before = 0;
  guint seen = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BbComplaint) complaint = add (f, NULL);

      if (i % 2 == 1)
        {
          BbComplaint *next = step (f, g_steal_pointer (&complaint), BB_COMPLAINT_INVESTIGATING,
                                    "调查");
          complaint = next;
        }
      g_ptr_array_add (numbers, g_strdup (complaint->number));
    }

  /* Newest first, two at a time. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = bb_complaint_repo_list (f->db, f->manager, -1, before, 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 2);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          BbComplaint *complaint = g_ptr_array_index (page, i);

          g_assert_cmpstr (complaint->number, ==, g_ptr_array_index (numbers, 4 - seen));
          seen++;
          before = complaint->id;
        }
    }
  g_assert_cmpuint (seen, ==, 5);

  {
    g_autoptr(GPtrArray) investigating = bb_complaint_repo_list (f->db, f->manager,
                                                                 BB_COMPLAINT_INVESTIGATING, 0, 50,
                                                                 &error);

    g_assert_no_error (error);
    g_assert_cmpuint (investigating->len, ==, 2);
    g_assert_cmpstr (((BbComplaint *) g_ptr_array_index (investigating, 0))->number, ==,
                     g_ptr_array_index (numbers, 3));
    g_assert_cmpstr (((BbComplaint *) g_ptr_array_index (investigating, 1))->number, ==,
                     g_ptr_array_index (numbers, 1));
  }
}

static void
test_names (void)
{
  BbComplaintState state;

  for (guint i = 0; i < BB_N_COMPLAINT_STATES; i++)
    {
      g_assert_true (bb_complaint_state_from_string (bb_complaint_state_to_string (i), &state));
      g_assert_cmpint (state, ==, i);
      g_assert_nonnull (bb_complaint_state_label (i));
      for (guint j = 0; j < BB_N_COMPLAINT_STATES; j++)
        g_assert_true (bb_complaint_can_step (i, j) == (j == i + 1));
    }
  g_assert_false (bb_complaint_state_from_string ("closed", &state));
  g_assert_true (bb_complaint_channel_is_valid ("hotline"));
  g_assert_false (bb_complaint_channel_is_valid ("fax"));
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/bangban/complaint/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("intake", test_intake);
  ADD ("limit-setting", test_limit_setting);
  ADD ("intake-invalid", test_intake_invalid);
  ADD ("steps", test_steps);
  ADD ("step-limit-settings", test_step_limit_settings);
  g_test_add_func ("/bangban/complaint/step-limit-validation", test_step_limit_validation);
  ADD ("steps-refused", test_steps_refused);
  ADD ("overdue", test_overdue);
  ADD ("backfilled", test_backfilled);
  ADD ("read-permissions", test_read_permissions);
  ADD ("list", test_list);
  g_test_add_func ("/bangban/complaint/names", test_names);

  return g_test_run ();
}
