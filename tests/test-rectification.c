/* test-rectification.c — rectifications (整改) opened by a bad evaluation:
 * measures, the return visit, reassignment, refusals that change nothing,
 * conflicts and the overdue flag; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-rectification"

#include "config.h"

#include <string.h>

#include "bb-audit.h"
#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-rectification-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

static const char SQL_COUNT_AUDIT[] = "SELECT count(*) FROM audit";
static const char SQL_COUNT_EVENTS[] = "SELECT count(*) FROM case_event";
static const char SQL_ROW[] =
  "SELECT state, deadline, CAST(responsible_id AS TEXT), measures, return_visit, "
  "CAST(return_visit_at AS TEXT), CAST(version AS TEXT) FROM rectification "
  "WHERE id = ##id::gint64";
/* The columns of schema 7, as text ('' for NULL). */
static const char SQL_VISIT_COLUMNS[] =
  "SELECT COALESCE(visit_channel, ''), COALESCE(CAST(visit_satisfied AS TEXT), ''), "
  "COALESCE(CAST(measures_at AS TEXT), ''), COALESCE(CAST(measures_by AS TEXT), ''), "
  "COALESCE(CAST(visit_by AS TEXT), '') FROM rectification WHERE id = ##id::gint64";
static const char SQL_LAST_AUDIT[] =
  "SELECT actor, entity, action, before, after FROM audit ORDER BY seq DESC LIMIT 1";

typedef struct
{
  BbLocation *location;
  BbDatabase *db;
  BbActor    *admin;
  BbActor    *leader;
  BbActor    *manager;
  BbActor    *staff1;
  BbActor    *staff2;
  gint64      client_id;
  gint64      item_id;
  BbCase     *kase;
} Fixture;

/* Helpers */

static gint64
count_rows (BbDatabase *db,
            const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = NULL;

  model = bb_database_select (db, bb_database_prepare (db, sql), NULL, types, &error);
  g_assert_no_error (error);
  return bb_model_get_int64 (model, 0, 0, -1);
}

static GdaDataModel *
select_rows (BbDatabase *db,
             const char *sql,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  GdaDataModel *model;

  if (params != NULL && gda_set_get_holder (params, "id") != NULL)
    bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, NULL, &error);
  g_assert_no_error (error);
  return model;
}

/* The rectification's row as text, to compare before and after. */
static char *
row_text (Fixture *f,
          gint64   id)
{
  g_autoptr(GdaDataModel) model = select_rows (f->db, SQL_ROW, id);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpint (gda_data_model_get_n_rows (model), ==, 1);
  for (int column = 0; column < gda_data_model_get_n_columns (model); column++)
    {
      g_autofree char *value = bb_model_dup_string (model, column, 0);

      g_string_append_printf (text, "%s|", value != NULL ? value : "NULL");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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

static void
set_now (const char *iso)
{
  g_setenv ("BANGBAN_NOW", iso, TRUE);
}

static BbCase *
act_ok (Fixture            *f,
        const BbActor      *actor,
        BbCase             *kase,
        const BbCaseAction *action)
{
  g_autoptr(GError) error = NULL;
  BbCase *after;

  after = bb_case_repo_act (f->db, actor, kase->number, action, kase->version, &error);
  if (error != NULL)
    g_error ("%s: %s", bb_action_to_string (action->action), error->message);
  bb_case_free (kase);
  return after;
}

/* A 帮办 case of staff1's, carried to the client's evaluation at @level. */
static BbCase *
evaluated_case (Fixture *f,
                int      level)
{
  g_autoptr(BbCaseAction) apply = bb_case_action_new (BB_ACTION_APPLY);
  g_autoptr(BbCaseAction) route = bb_case_action_new (BB_ACTION_ROUTE);
  g_autoptr(BbCaseAction) materials = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
  g_autoptr(BbCaseAction) handover = bb_case_action_new (BB_ACTION_HANDOVER);
  g_autoptr(BbCaseAction) evaluate = bb_case_action_new (BB_ACTION_EVALUATE);
  g_autoptr(GError) error = NULL;
  BbCaseDraft draft = { 0 };
  BbCase *kase;

  draft.kind = BB_CASE_ASSIST;
  draft.client_id = f->client_id;
  draft.item_id = f->item_id;
  draft.reason = "年老体弱，需要帮办";
  kase = bb_case_repo_create (f->db, f->staff1, &draft, &error);
  g_assert_no_error (error);

  route->area = g_strdup ("self-service");
  materials->present = g_strsplit ("申请书", ",", -1);
  complete->result = g_strdup ("已在自助机提交申请");
  handover->items = g_strdup ("受理回执");
  evaluate->level = level;
  evaluate->channel = g_strdup ("device");
  evaluate->comment = g_strdup ("等候时间太长");

  kase = act_ok (f, f->staff1, kase, apply);
  kase = act_ok (f, f->staff1, kase, route);
  kase = act_ok (f, f->staff1, kase, materials);
  kase = act_ok (f, f->staff1, kase, complete);
  kase = act_ok (f, f->staff1, kase, handover);
  kase = act_ok (f, f->staff1, kase, evaluate);
  return kase;
}

static BbRectificationEntry *
only_entry (Fixture       *f,
            const BbActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  list = bb_rectification_repo_list_case (f->db, actor, f->kase->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return bb_rectification_entry_copy (g_ptr_array_index (list, 0));
}

static guint
count_listed (Fixture               *f,
              const BbActor         *actor,
              BbRectificationFilter  filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  list = bb_rectification_repo_list (f->db, actor, filter, 0, 100, &error);
  g_assert_no_error (error);
  return list->len;
}

typedef enum { MEASURES, VISIT, REASSIGN } Kind;

/* Runs one change that must fail with @code and checks that nothing was
 * written: the row, the case's timeline and the audit trail. */
static void
change_fails (Fixture       *f,
              const BbActor *actor,
              Kind           kind,
              gint64         id,
              const char    *text,
              const char    *extra,
              int            version,
              int            code,
              const char    *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbRectificationEntry) result = NULL;
  g_autofree char *row_before = row_text (f, id);
  g_autofree char *row_after = NULL;
  gint64 audit_before = count_rows (f->db, SQL_COUNT_AUDIT);
  gint64 events_before = count_rows (f->db, SQL_COUNT_EVENTS);

  switch (kind)
    {
    case MEASURES:
      result = bb_rectification_repo_record_measures (f->db, actor, id, text, version, &error);
      break;
    case VISIT:
      result = bb_rectification_repo_record_visit (f->db, actor, id, text,
                                                   extra != NULL ? extra : BB_VISIT_CHANNEL_PHONE,
                                                   1, version, &error);
      break;
    case REASSIGN:
      result = bb_rectification_repo_reassign (f->db, actor, id, extra, text, version, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_null (result);
  g_assert_error (error, BB_ERROR, code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("expected “%s” in “%s”", message_part, error->message);

  row_after = row_text (f, id);
  g_assert_cmpstr (row_before, ==, row_after);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_AUDIT), ==, audit_before);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_EVENTS), ==, events_before);
}

static void
assert_last_audit (Fixture    *f,
                   const char *actor,
                   const char *action,
                   const char *after_part)
{
  g_autoptr(GdaDataModel) model = select_rows (f->db, SQL_LAST_AUDIT, 0);
  g_autofree char *who = bb_model_dup_string (model, 0, 0);
  g_autofree char *entity = bb_model_dup_string (model, 1, 0);
  g_autofree char *what = bb_model_dup_string (model, 2, 0);
  g_autofree char *after = bb_model_dup_string (model, 4, 0);

  g_assert_cmpstr (who, ==, actor);
  g_assert_cmpstr (entity, ==, "rectification");
  g_assert_cmpstr (what, ==, action);
  if (after_part != NULL && (after == NULL || strstr (after, after_part) == NULL))
    g_error ("expected “%s” in the audit record %s", after_part, after);
}

static gboolean
timeline_has (Fixture    *f,
              const char *kind,
              const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCaseDetail) detail = bb_case_repo_get_detail (f->db, f->leader, f->kase->number,
                                                           &error);

  g_assert_no_error (error);
  for (guint i = 0; i < detail->events->len; i++)
    {
      const BbCaseEvent *event = g_ptr_array_index (detail->events, i);

      if (g_strcmp0 (event->kind, kind) == 0 && g_strcmp0 (event->body, body) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(GError) error = NULL;

  /* Monday. */
  set_now ("2026-03-02T10:00:00");
  f->location = bb_test_new_location ();
  f->db = bb_test_open (f->location);

  f->admin = add_staff (f->db, system, "A001", "管理员", BB_ROLE_ADMIN);
  f->leader = add_staff (f->db, f->admin, "L001", "赵队长", BB_ROLE_LEADER);
  f->manager = add_staff (f->db, f->admin, "M001", "孙经理", BB_ROLE_MANAGER);
  f->staff1 = add_staff (f->db, f->admin, "S001", "王芳", BB_ROLE_STAFF);
  f->staff2 = add_staff (f->db, f->admin, "S002", "李娜", BB_ROLE_STAFF);

  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = g_strdup ("张伟");
  client->id_number = g_strdup_printf ("61010419900101123%c",
                                       bb_id_number_check_digit ("61010419900101123"));
  client->phone = g_strdup ("13800138000");
  client->category = g_strdup (BB_CATEGORY_SPECIAL_CARE);
  f->client_id = bb_client_repo_add (f->db, f->admin, client, &error);
  g_assert_no_error (error);

  item->name = g_strdup ("高龄津贴申领");
  item->department = g_strdup ("民政局");
  item->limit_days = 5;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, NULL));
  f->item_id = bb_catalogue_repo_add (f->db, f->admin, item, &error);
  g_assert_no_error (error);

  f->kase = evaluated_case (f, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  g_assert_true (bb_audit_verify (f->db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);

  g_clear_pointer (&f->kase, bb_case_free);
  g_clear_object (&f->db);
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->admin, bb_actor_free);
  g_clear_pointer (&f->leader, bb_actor_free);
  g_clear_pointer (&f->manager, bb_actor_free);
  g_clear_pointer (&f->staff1, bb_actor_free);
  g_clear_pointer (&f->staff2, bb_actor_free);
  g_unsetenv ("BANGBAN_NOW");
}

/* Tests */

/* A level-2 evaluation opened one; measures, then the return visit close it. */
/* Checks the stored columns of rectification @id: each NULL as "". */
static void
assert_columns (Fixture    *f,
                gint64      id,
                const char *channel,
                const char *satisfied,
                gint64      measures_at,
                gint64      measures_by,
                gint64      visit_by)
{
  g_autoptr(GdaDataModel) model = select_rows (f->db, SQL_VISIT_COLUMNS, id);
  g_autofree char *col_channel = bb_model_dup_string (model, 0, 0);
  g_autofree char *col_satisfied = bb_model_dup_string (model, 1, 0);
  g_autofree char *col_measures_at = bb_model_dup_string (model, 2, 0);
  g_autofree char *col_measures_by = bb_model_dup_string (model, 3, 0);
  g_autofree char *col_visit_by = bb_model_dup_string (model, 4, 0);
  g_autofree char *want_measures_at = measures_at != 0
                                      ? g_strdup_printf ("%" G_GINT64_FORMAT, measures_at)
                                      : g_strdup ("");
  g_autofree char *want_measures_by = measures_by != 0
                                      ? g_strdup_printf ("%" G_GINT64_FORMAT, measures_by)
                                      : g_strdup ("");
  g_autofree char *want_visit_by = visit_by != 0
                                   ? g_strdup_printf ("%" G_GINT64_FORMAT, visit_by)
                                   : g_strdup ("");

  g_assert_cmpstr (col_channel, ==, channel);
  g_assert_cmpstr (col_satisfied, ==, satisfied);
  g_assert_cmpstr (col_measures_at, ==, want_measures_at);
  g_assert_cmpstr (col_measures_by, ==, want_measures_by);
  g_assert_cmpstr (col_visit_by, ==, want_visit_by);
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BbRectificationEntry) open = only_entry (f, f->staff1);
  g_autoptr(BbRectificationEntry) measured = NULL;
  g_autoptr(BbRectificationEntry) closed = NULL;
  g_autoptr(BbRectificationEntry) read = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  /* Monday 03-02 + 5 working days (the default setting). */
  g_assert_cmpint (open->state, ==, BB_RECTIFICATION_OPEN);
  g_assert_cmpstr (open->deadline, ==, "2026-03-09");
  g_assert_cmpint (open->responsible_id, ==, f->staff1->staff_id);
  g_assert_cmpstr (open->responsible_name, ==, "王芳");
  g_assert_cmpstr (open->case_number, ==, f->kase->number);
  g_assert_cmpstr (open->client_name, ==, "张伟");
  g_assert_cmpint (open->level, ==, 2);
  g_assert_cmpstr (open->comment, ==, "等候时间太长");
  g_assert_false (open->overdue);
  g_assert_null (open->measures);
  g_assert_cmpint (open->visit_satisfied, ==, -1);

  /* No return visit before the measures. */
  change_fails (f, f->staff1, VISIT, open->id, "已电话回访", NULL, open->version,
                BB_ERROR_REFUSED, "before the return visit");
  /* The text is required and named. */
  change_fails (f, f->staff1, MEASURES, open->id, "   ", NULL, open->version, BB_ERROR_INVALID,
                "Measures taken");
  /* Another staff member's. */
  change_fails (f, f->staff2, MEASURES, open->id, "加强窗口引导", NULL, open->version,
                BB_ERROR_REFUSED, "王芳");
  /* A stale version. */
  change_fails (f, f->staff1, MEASURES, open->id, "加强窗口引导", NULL, open->version - 1,
                BB_ERROR_CONFLICT, NULL);
  /* No such rectification. */
  g_assert_null (bb_rectification_repo_record_measures (f->db, f->staff1, open->id + 100, "x",
                                                        1, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  set_now ("2026-03-03T09:30:00");
  measured = bb_rectification_repo_record_measures (f->db, f->staff1, open->id,
                                                    "  增设叫号提醒，高峰期加开帮办窗口  ",
                                                    open->version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measured->state, ==, BB_RECTIFICATION_MEASURES);
  g_assert_cmpstr (measured->measures, ==, "增设叫号提醒，高峰期加开帮办窗口");
  g_assert_cmpint (measured->version, ==, open->version + 1);
  /* Who recorded the measures and when, in their own columns. */
  g_assert_cmpint (measured->measures_at, ==, G_GINT64_CONSTANT (1772501400) * G_USEC_PER_SEC);
  g_assert_cmpint (measured->measures_by, ==, f->staff1->staff_id);
  g_assert_cmpstr (measured->measures_by_number, ==, "S001");
  g_assert_null (measured->visit_channel);
  g_assert_cmpint (measured->visit_satisfied, ==, -1);
  g_assert_cmpint (measured->visit_by, ==, 0);
  assert_columns (f, open->id, "", "", G_GINT64_CONSTANT (1772501400) * G_USEC_PER_SEC,
                  f->staff1->staff_id, 0);
  assert_last_audit (f, "S001", "measures", "增设叫号提醒");
  g_assert_true (timeline_has (f, BB_RECTIFICATION_EVENT_MEASURES,
                               "增设叫号提醒，高峰期加开帮办窗口"));

  /* Measures once only; the version read first is stale now. */
  change_fails (f, f->staff1, MEASURES, open->id, "再次整改", NULL, measured->version,
                BB_ERROR_REFUSED, "already on record");
  change_fails (f, f->staff1, VISIT, open->id, "已回访", NULL, open->version,
                BB_ERROR_CONFLICT, NULL);
  change_fails (f, f->staff1, VISIT, open->id, "", NULL, measured->version, BB_ERROR_INVALID,
                "Return visit");
  change_fails (f, f->staff1, VISIT, open->id, "已回访", "email", measured->version,
                BB_ERROR_INVALID, "Visit made");

  set_now ("2026-03-05T15:00:00");
  closed = bb_rectification_repo_record_visit (f->db, f->staff1, open->id,
                                               "电话回访，群众表示满意", BB_VISIT_CHANNEL_PHONE, 1,
                                               measured->version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (closed->state, ==, BB_RECTIFICATION_CLOSED);
  g_assert_cmpstr (closed->return_visit, ==, "电话回访，群众表示满意");
  g_assert_cmpint (closed->return_visit_at, ==, G_GINT64_CONSTANT (1772694000) * G_USEC_PER_SEC);
  assert_last_audit (f, "S001", "return-visit", "\"channel\":\"phone\"");
  assert_last_audit (f, "S001", "return-visit", "\"satisfied\":true");
  /* How, with what answer and by whom the visit was made: columns too. */
  g_assert_cmpstr (closed->visit_channel, ==, BB_VISIT_CHANNEL_PHONE);
  g_assert_cmpint (closed->visit_satisfied, ==, 1);
  g_assert_cmpint (closed->visit_by, ==, f->staff1->staff_id);
  g_assert_cmpstr (closed->visit_by_number, ==, "S001");
  assert_columns (f, open->id, "phone", "1", G_GINT64_CONSTANT (1772501400) * G_USEC_PER_SEC,
                  f->staff1->staff_id, f->staff1->staff_id);
  g_assert_true (timeline_has (f, BB_RECTIFICATION_EVENT_VISIT, "电话回访，群众表示满意"));

  /* Read back, with how the visit was made. */
  read = bb_rectification_repo_get (f->db, f->staff2, open->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->state, ==, BB_RECTIFICATION_CLOSED);
  g_assert_cmpstr (read->measures, ==, "增设叫号提醒，高峰期加开帮办窗口");
  g_assert_cmpstr (read->visit_channel, ==, BB_VISIT_CHANNEL_PHONE);
  g_assert_cmpint (read->visit_satisfied, ==, 1);
  json = bb_rectification_entry_to_json (read);
  object = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (object, "visit_channel"), ==, "phone");
  g_assert_true (json_object_get_boolean_member (object, "visit_satisfied"));
  g_assert_cmpstr (json_object_get_string_member (object, "return_visit_at"), ==,
                   "2026-03-05T15:00:00+08");
  g_assert_cmpstr (json_object_get_string_member (object, "measures_at"), ==,
                   "2026-03-03T09:30:00+08");
  g_assert_cmpstr (json_object_get_string_member (object, "measures_by"), ==, "S001");
  g_assert_cmpstr (json_object_get_string_member (object, "visit_by"), ==, "S001");

  /* Closed: nothing more. */
  change_fails (f, f->leader, VISIT, open->id, "再次回访", NULL, closed->version,
                BB_ERROR_REFUSED, "closed");
  change_fails (f, f->leader, REASSIGN, open->id, "调岗", "S002", closed->version,
                BB_ERROR_REFUSED, "closed");

  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OPEN), ==, 0);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_ALL), ==, 1);
}

/* Schema 7 gave the return visit's channel and answer and the authors
 * columns of their own; on upgrade they are filled from the timeline that
 * schema 6 kept them in. Going back to schema 6 and up again must give the
 * columns the repository wrote. */
static void
test_backfilled (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BbRectificationEntry) open = only_entry (f, f->staff1);
  g_autoptr(BbRectificationEntry) measured = NULL;
  g_autoptr(BbRectificationEntry) closed = NULL;
  g_autoptr(GError) error = NULL;

  set_now ("2026-03-03T09:30:00");
  measured = bb_rectification_repo_record_measures (f->db, f->staff1, open->id, "加强窗口引导",
                                                    open->version, &error);
  g_assert_no_error (error);
  set_now ("2026-03-05T15:00:00");
  closed = bb_rectification_repo_record_visit (f->db, f->leader, open->id, "上门回访，群众不满意",
                                               BB_VISIT_CHANNEL_ONSITE, 0, measured->version,
                                               &error);
  g_assert_no_error (error);

  g_clear_object (&f->db);
  bb_test_exec_script (f->location, BB_TEST_UNDO_SCHEMA_7);
  f->db = bb_test_open (f->location);
  g_assert_cmpuint (bb_database_get_schema_version (f->db), ==,
                    bb_database_get_latest_schema_version ());

  assert_columns (f, open->id, "onsite", "0", G_GINT64_CONSTANT (1772501400) * G_USEC_PER_SEC,
                  f->staff1->staff_id, f->leader->staff_id);
}

/* 基本满意 and better open none. */
static void
test_good_evaluation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  bb_case_free (f->kase);
  f->kase = evaluated_case (f, 3);
  list = bb_rectification_repo_list_case (f->db, f->leader, f->kase->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_ALL), ==, 1);

  /* 非常不满意 opens one too. */
  bb_case_free (f->kase);
  f->kase = evaluated_case (f, 1);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_ALL), ==, 2);
}

/* Overdue from the day after the deadline, until closed. */
static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BbRectificationEntry) entry = NULL;
  g_autoptr(BbRectificationEntry) measured = NULL;
  g_autoptr(BbRectificationEntry) closed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) audit = NULL;
  g_autofree char *after = NULL;

  set_now ("2026-03-09T23:59:00");
  entry = only_entry (f, f->leader);
  g_assert_false (entry->overdue);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OVERDUE), ==, 0);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OPEN), ==, 1);
  g_clear_pointer (&entry, bb_rectification_entry_free);

  set_now ("2026-03-10T08:00:00");
  entry = only_entry (f, f->leader);
  g_assert_true (entry->overdue);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OVERDUE), ==, 1);

  /* Still overdue with the measures taken: the visit is what closes it. */
  measured = bb_rectification_repo_record_measures (f->db, f->leader, entry->id, "专题整改",
                                                    entry->version, &error);
  g_assert_no_error (error);
  g_assert_true (measured->overdue);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OVERDUE), ==, 1);

  closed = bb_rectification_repo_record_visit (f->db, f->leader, entry->id, "上门回访，仍不满意",
                                               BB_VISIT_CHANNEL_ONSITE, 0, measured->version,
                                               &error);
  g_assert_no_error (error);
  g_assert_false (closed->overdue);
  /* Not satisfied is 0, not unknown; the leader made the visit. */
  g_assert_cmpint (closed->visit_satisfied, ==, 0);
  assert_columns (f, entry->id, "onsite", "0", measured->measures_at, f->leader->staff_id,
                  f->leader->staff_id);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OVERDUE), ==, 0);
  g_assert_cmpuint (count_listed (f, f->leader, BB_RECTIFICATION_LIST_OPEN), ==, 0);
  /* The late visit and the answer are on record. */
  audit = select_rows (f->db, SQL_LAST_AUDIT, 0);
  after = bb_model_dup_string (audit, 4, 0);
  g_assert_nonnull (strstr (after, "\"on_time\":false"));
  g_assert_nonnull (strstr (after, "\"satisfied\":false"));
}

/* Who may do what, and reassignment. */
static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BbRectificationEntry) entry = only_entry (f, f->leader);
  g_autoptr(BbRectificationEntry) moved = NULL;
  g_autoptr(BbRectificationEntry) measured = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bb_rectification_may_handle (f->staff1, entry));
  g_assert_false (bb_rectification_may_handle (f->staff2, entry));
  g_assert_true (bb_rectification_may_handle (f->leader, entry));
  g_assert_true (bb_rectification_may_handle (f->manager, entry));

  /* A staff member lists only his or her own. */
  g_assert_cmpuint (count_listed (f, f->staff1, BB_RECTIFICATION_LIST_OPEN), ==, 1);
  g_assert_cmpuint (count_listed (f, f->staff2, BB_RECTIFICATION_LIST_OPEN), ==, 0);
  g_assert_cmpuint (count_listed (f, f->manager, BB_RECTIFICATION_LIST_OPEN), ==, 1);

  /* Only leaders and up reassign; the reason and a real person are required. */
  change_fails (f, f->staff1, REASSIGN, entry->id, "请假", "S002", entry->version,
                BB_ERROR_REFUSED, NULL);
  change_fails (f, f->leader, REASSIGN, entry->id, " ", "S002", entry->version,
                BB_ERROR_INVALID, "Reason");
  change_fails (f, f->leader, REASSIGN, entry->id, "请假", "S999", entry->version,
                BB_ERROR_INVALID, "S999");
  change_fails (f, f->leader, REASSIGN, entry->id, "请假", "S001", entry->version,
                BB_ERROR_INVALID, "already");

  moved = bb_rectification_repo_reassign (f->db, f->leader, entry->id, "S002", "王芳休假",
                                          entry->version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->responsible_id, ==, f->staff2->staff_id);
  g_assert_cmpstr (moved->responsible_number, ==, "S002");
  assert_last_audit (f, "L001", "reassign", "王芳休假");
  g_assert_true (timeline_has (f, BB_RECTIFICATION_EVENT_REASSIGN, "To 李娜 (S002): 王芳休假"));

  /* Now the other way round. */
  change_fails (f, f->staff1, MEASURES, entry->id, "加强培训", NULL, moved->version,
                BB_ERROR_REFUSED, NULL);
  measured = bb_rectification_repo_record_measures (f->db, f->staff2, entry->id, "加强培训",
                                                    moved->version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measured->state, ==, BB_RECTIFICATION_MEASURES);
  g_assert_cmpuint (count_listed (f, f->staff1, BB_RECTIFICATION_LIST_ALL), ==, 0);
  g_assert_cmpuint (count_listed (f, f->staff2, BB_RECTIFICATION_LIST_ALL), ==, 1);
}

/* Pages go by id, newest first. */
static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  const BbRectificationEntry *a, *b;

  bb_case_free (f->kase);
  f->kase = evaluated_case (f, 1);

  first = bb_rectification_repo_list (f->db, f->leader, BB_RECTIFICATION_LIST_ALL, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  a = g_ptr_array_index (first, 0);
  g_assert_cmpstr (a->case_number, ==, f->kase->number);
  g_assert_cmpint (a->level, ==, 1);

  second = bb_rectification_repo_list (f->db, f->leader, BB_RECTIFICATION_LIST_ALL, a->id, 10,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  b = g_ptr_array_index (second, 0);
  g_assert_cmpint (b->id, <, a->id);
  g_assert_cmpint (b->level, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/bangban/rectification/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("flow", test_flow);
  ADD ("good-evaluation", test_good_evaluation);
  ADD ("overdue", test_overdue);
  ADD ("permissions", test_permissions);
  ADD ("paging", test_paging);
  ADD ("backfilled", test_backfilled);

#undef ADD

  return g_test_run ();
}
