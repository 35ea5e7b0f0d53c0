/* test-case.c — cases: creation, both workflows, deadlines, termination,
 * conflicts, permissions and concurrent numbering; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-case"

#include "config.h"

#include <string.h>

#include "bb-audit.h"
#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

static const char SQL_COUNT_AUDIT[] = "SELECT count(*) FROM audit";
static const char SQL_COUNT_EVENTS[] =
  "SELECT count(*) FROM case_event WHERE case_id = ##id::gint64";
static const char SQL_LAST_AUDIT[] =
  "SELECT actor, entity, action, before, after FROM audit ORDER BY seq DESC LIMIT 1";
static const char SQL_MATERIALS[] =
  "SELECT name, present, how_to_obtain FROM case_material WHERE case_id = ##id::gint64 "
  "ORDER BY position, id";
static const char SQL_SEARCH_BODY[] =
  "SELECT body FROM case_search WHERE case_id = ##id::gint64";
static const char SQL_CASE_ROW[] =
  "SELECT state, version, CAST(updated_at AS TEXT), responsible_id, deadline, resume_by, "
  "result, CAST(completed_at AS TEXT), archive_number FROM bb_case WHERE id = ##id::gint64";
static const char SQL_SUSPENSION[] =
  "SELECT reason, suspended_on, resume_by, resumed_on, terminated FROM suspension "
  "WHERE case_id = ##id::gint64 ORDER BY id";
static const char SQL_COUNT_CHILD_HANDOVER[] =
  "SELECT count(*) FROM handover WHERE case_id = ##id::gint64";
static const char SQL_COUNT_CHILD_EVALUATION[] =
  "SELECT count(*) FROM evaluation WHERE case_id = ##id::gint64";
static const char SQL_COUNT_CHILD_FOLLOW_UP[] =
  "SELECT count(*) FROM follow_up WHERE case_id = ##id::gint64";
static const char SQL_COUNT_CHILD_REASSIGNMENT[] =
  "SELECT count(*) FROM reassignment WHERE case_id = ##id::gint64 AND client_told = 1";
static const char SQL_RECTIFICATION[] =
  "SELECT state, deadline, responsible_id FROM rectification WHERE case_id = ##id::gint64";

typedef struct
{
  BbLocation *location;
  BbDatabase *db;
  BbActor    *admin;
  BbActor    *leader;
  BbActor    *staff1;
  BbActor    *staff2;
  gint64      client_id;
  gint64      military_id;
  gint64      item_id;
} Fixture;

/* Helpers */

static char *
valid_id_number (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, bb_id_number_check_digit (first17));
}

static gint64
count_rows (BbDatabase *db,
            const char *sql,
            gint64      id)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  if (params != NULL && gda_set_get_holder (params, "id") != NULL)
    bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, types, &error);
  g_assert_no_error (error);
  return bb_model_get_int64 (model, 0, 0, -1);
}

static GdaDataModel *
select_rows (BbDatabase  *db,
             const char  *sql,
             gint64       id)
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

static char *
cell (GdaDataModel *model,
      int           column,
      int           row)
{
  return bb_model_dup_string (model, column, row);
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

static gint64
add_client (BbDatabase    *db,
            const BbActor *by,
            const char    *name,
            const char    *first17,
            const char    *category)
{
  g_autoptr(BbClient) draft = bb_client_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->kind = g_strdup (BB_CLIENT_PERSON);
  draft->name = g_strdup (name);
  draft->id_number = valid_id_number (first17);
  draft->phone = g_strdup ("13800138000");
  draft->category = g_strdup (category);
  id = bb_client_repo_add (db, by, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_now (const char *iso)
{
  g_setenv ("BANGBAN_NOW", iso, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;

  set_now ("2026-03-02T10:00:00");
  f->location = bb_test_new_location ();
  f->db = bb_test_open (f->location);

  f->admin = add_staff (f->db, system, "A001", "管理员", BB_ROLE_ADMIN);
  f->leader = add_staff (f->db, f->admin, "L001", "赵队长", BB_ROLE_LEADER);
  f->staff1 = add_staff (f->db, f->admin, "S001", "王芳", BB_ROLE_STAFF);
  f->staff2 = add_staff (f->db, f->admin, "S002", "李娜", BB_ROLE_STAFF);

  f->client_id = add_client (f->db, f->admin, "张伟", "61010419900101123", BB_CATEGORY_OTHER);
  f->military_id = add_client (f->db, f->admin, "刘强", "61011319850505321",
                               BB_CATEGORY_MILITARY);

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->limit_days = 3;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1,
                                                     "窗口领取或网上下载"));
  g_ptr_array_add (item->materials, bb_material_new ("居民身份证", BB_MATERIAL_ORIGINAL_AND_COPY,
                                                     1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("营业执照", BB_MATERIAL_COPY, 1,
                                                     "市场监督管理局窗口办理"));
  f->item_id = bb_catalogue_repo_add (f->db, f->admin, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->item_id, >, 0);

  /* A weekday holiday in the first week (Thursday 2026-03-05). */
  bb_holiday_repo_set (f->db, f->admin, "2026-03-05", BB_DAY_HOLIDAY, "测试假日", 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  /* Whatever a test did, the audit chain holds. */
  g_assert_true (bb_audit_verify (f->db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);

  g_clear_object (&f->db);
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->admin, bb_actor_free);
  g_clear_pointer (&f->leader, bb_actor_free);
  g_clear_pointer (&f->staff1, bb_actor_free);
  g_clear_pointer (&f->staff2, bb_actor_free);
  g_unsetenv ("BANGBAN_NOW");
}

static BbCase *
create_case (Fixture       *f,
             const BbActor *actor,
             BbCaseKind     kind,
             gint64         client_id)
{
  BbCaseDraft draft = { 0 };
  g_autoptr(GError) error = NULL;
  BbCase *kase;

  draft.kind = kind;
  draft.client_id = client_id;
  draft.item_id = f->item_id;
  draft.reason = "行动不便，申请代办";
  kase = bb_case_repo_create (f->db, actor, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

/* Runs an action that must succeed and returns the case afterwards. */
static BbCase *
act_ok (Fixture            *f,
        const BbActor      *actor,
        const BbCase       *kase,
        const BbCaseAction *action)
{
  g_autoptr(GError) error = NULL;
  BbCase *after;

  after = bb_case_repo_act (f->db, actor, kase->number, action, kase->version, &error);
  if (error != NULL)
    g_error ("%s: %s", bb_action_to_string (action->action), error->message);
  g_assert_nonnull (after);
  g_assert_cmpint (after->version, ==, kase->version + 1);
  return after;
}

/* Runs an action that must fail with @code, and checks that nothing
 * changed: the case row, its events and the audit trail. */
static void
act_fails (Fixture            *f,
           const BbActor      *actor,
           const BbCase       *kase,
           const BbCaseAction *action,
           int                 code,
           const char         *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) result = NULL;
  g_autoptr(GdaDataModel) row_before = select_rows (f->db, SQL_CASE_ROW, kase->id);
  g_autoptr(GdaDataModel) row_after = NULL;
  gint64 audit_before = count_rows (f->db, SQL_COUNT_AUDIT, 0);
  gint64 events_before = count_rows (f->db, SQL_COUNT_EVENTS, kase->id);

  result = bb_case_repo_act (f->db, actor, kase->number, action, kase->version, &error);
  g_assert_null (result);
  g_assert_error (error, BB_ERROR, code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("expected “%s” in “%s”", message_part, error->message);

  g_assert_cmpint (count_rows (f->db, SQL_COUNT_AUDIT, 0), ==, audit_before);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_EVENTS, kase->id), ==, events_before);
  row_after = select_rows (f->db, SQL_CASE_ROW, kase->id);
  for (int column = 0; column < gda_data_model_get_n_columns (row_before); column++)
    {
      g_autofree char *a = cell (row_before, column, 0);
      g_autofree char *b = cell (row_after, column, 0);

      g_assert_cmpstr (a, ==, b);
    }
}

static BbCaseAction *
text_action (BbAction    kind,
             const char *text)
{
  BbCaseAction *action = bb_case_action_new (kind);

  action->text = g_strdup (text);
  return action;
}

/* The last audit row: its actor, action and after-JSON. */
static void
assert_last_audit (BbDatabase *db,
                   const char *actor,
                   const char *action,
                   const char *after_part)
{
  g_autoptr(GdaDataModel) model = select_rows (db, SQL_LAST_AUDIT, 0);
  g_autofree char *who = cell (model, 0, 0);
  g_autofree char *what = cell (model, 2, 0);
  g_autofree char *after = cell (model, 4, 0);

  g_assert_cmpstr (who, ==, actor);
  g_assert_cmpstr (what, ==, action);
  if (after_part != NULL && (after == NULL || strstr (after, after_part) == NULL))
    g_error ("expected “%s” in the audit record %s", after_part, after);
}

/* The last audit row's before-JSON holds exactly the changed columns. */
static void
assert_last_audit_before (BbDatabase *db,
                          const char *before_json)
{
  g_autoptr(GdaDataModel) model = select_rows (db, SQL_LAST_AUDIT, 0);
  g_autofree char *before = cell (model, 3, 0);
  g_autoptr(JsonNode) expected = json_from_string (before_json, NULL);
  g_autoptr(JsonNode) actual = json_from_string (before, NULL);

  g_assert_nonnull (expected);
  if (actual == NULL || !json_node_equal (expected, actual))
    g_error ("expected the audit's before to be %s, got %s", before_json, before);
}

/* Tests */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BbCase) first = create_case (f, f->staff1, BB_CASE_PROXY, f->client_id);
  g_autoptr(BbCase) second = NULL;
  g_autoptr(BbCase) third = NULL;
  g_autoptr(BbCase) assist = NULL;
  g_autoptr(BbCase) next_year = NULL;
  g_autoptr(GdaDataModel) materials = NULL;
  g_autoptr(GdaDataModel) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *full_id = valid_id_number ("61010419900101123");
  BbCaseDraft draft = { 0 };
  int version = 0;

  g_assert_cmpstr (first->number, ==, "2026000001");
  g_assert_cmpint (first->kind, ==, BB_CASE_PROXY);
  g_assert_cmpint (first->state, ==, BB_STATE_CONSULTATION);
  g_assert_cmpstr (first->matter, ==, "企业设立登记");
  g_assert_cmpint (first->item_limit_days, ==, 3);
  g_assert_cmpint (first->priority, ==, 0);
  g_assert_cmpint (first->responsible_id, ==, 0);
  g_assert_cmpstr (first->mode, ==, "hall");
  g_assert_cmpstr (first->channel, ==, "onsite");
  g_assert_cmpint (first->version, ==, 1);
  g_assert_false (first->deadline_running);
  /* Nobody is responsible yet and a staff member may not see every ID. */
  g_assert_false (first->client_id_revealed);
  g_assert_cmpstr (first->client_id_number, !=, full_id);
  g_assert_nonnull (strstr (first->client_id_number, "****"));
  assert_last_audit (f->db, "S001", "create", "\"number\":\"2026000001\"");

  /* The checklist is the catalogue's, nothing present yet. */
  materials = select_rows (f->db, SQL_MATERIALS, first->id);
  g_assert_cmpint (gda_data_model_get_n_rows (materials), ==, 3);
  {
    g_autofree char *name = cell (materials, 0, 2);
    g_autofree char *how = cell (materials, 2, 2);

    g_assert_cmpstr (name, ==, "营业执照");
    g_assert_cmpstr (how, ==, "市场监督管理局窗口办理");
    g_assert_cmpint (bb_model_get_int64 (materials, 1, 0, -1), ==, 0);
  }

  /* Found by its number and its client's name. */
  search = select_rows (f->db, SQL_SEARCH_BODY, first->id);
  body = cell (search, 0, 0);
  g_assert_nonnull (strstr (body, "2026000001"));
  g_assert_nonnull (strstr (body, "张伟"));

  /* Green channel for military clients; an assist case is its creator's. */
  second = create_case (f, f->staff1, BB_CASE_PROXY, f->military_id);
  g_assert_cmpstr (second->number, ==, "2026000002");
  g_assert_cmpint (second->priority, ==, 1);
  assist = create_case (f, f->staff2, BB_CASE_ASSIST, f->client_id);
  g_assert_cmpstr (assist->number, ==, "2026000003");
  g_assert_cmpstr (assist->responsible_number, ==, "S002");
  g_assert_true (assist->client_id_revealed);
  g_assert_cmpstr (assist->client_id_number, ==, full_id);

  /* The format is a setting; the sequence goes on. */
  g_free (bb_settings_repo_get (f->db, BB_SETTING_CASE_NUMBER_FORMAT, &version, &error));
  g_assert_true (bb_settings_repo_set (f->db, f->admin, BB_SETTING_CASE_NUMBER_FORMAT,
                                       "BB-{year}-{seq:4}", version, &version, &error));
  g_assert_no_error (error);
  third = create_case (f, f->staff1, BB_CASE_PROXY, f->client_id);
  g_assert_cmpstr (third->number, ==, "BB-2026-0004");

  /* A new year starts a new sequence. */
  g_assert_true (bb_settings_repo_set (f->db, f->admin, BB_SETTING_CASE_NUMBER_FORMAT,
                                       "{year}{seq:6}", version, &version, &error));
  set_now ("2027-01-04T09:00:00");
  next_year = create_case (f, f->staff1, BB_CASE_PROXY, f->client_id);
  g_assert_cmpstr (next_year->number, ==, "2027000001");

  /* Bad drafts name the field, and store nothing. */
  draft.kind = BB_CASE_PROXY;
  draft.client_id = 9999;
  draft.item_id = f->item_id;
  g_assert_null (bb_case_repo_create (f->db, f->staff1, &draft, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Client: "));
  g_clear_error (&error);

  draft.client_id = f->client_id;
  draft.mode = "home";
  g_assert_null (bb_case_repo_create (f->db, f->staff1, &draft, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Home address: "));
  g_clear_error (&error);
  draft.home_address = "雁塔区小寨东路1号";
  g_assert_null (bb_case_repo_create (f->db, f->staff1, &draft, &error));
  g_assert_true (g_str_has_prefix (error->message, "Appointment: "));
  g_clear_error (&error);

  draft.item_id = 0;
  draft.mode = "window";
  g_assert_null (bb_case_repo_create (f->db, f->staff1, &draft, &error));
  g_assert_true (g_str_has_prefix (error->message, "Matter: "));
  g_clear_error (&error);

  draft.mode = "home";
  draft.item_id = f->item_id;
  draft.appointment_at = 1772500000000000;
  {
    g_autoptr(BbCase) home = bb_case_repo_create (f->db, f->staff1, &draft, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (home->number, ==, "2027000002");
    g_assert_cmpstr (home->home_address, ==, "雁塔区小寨东路1号");
    g_assert_cmpint (home->appointment_at, ==, 1772500000000000);
  }
}

static void
test_proxy_flow (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BbCase) c0 = create_case (f, f->staff1, BB_CASE_PROXY, f->client_id);
  g_autoptr(BbCaseAction) analyse = bb_case_action_new (BB_ACTION_ANALYSE);
  g_autoptr(BbCaseAction) accept = bb_case_action_new (BB_ACTION_ACCEPT);
  g_autoptr(BbCaseAction) check = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) request = text_action (BB_ACTION_REQUEST_SUPPLEMENT,
                                                 "请补交营业执照复印件");
  g_autoptr(BbCaseAction) log = text_action (BB_ACTION_LOG, "已向市场监督管理局递交材料𠮷");
  g_autoptr(BbCaseAction) suspend = bb_case_action_new (BB_ACTION_SUSPEND);
  g_autoptr(BbCaseAction) resume = bb_case_action_new (BB_ACTION_RESUME);
  g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
  g_autoptr(BbCaseAction) handover = bb_case_action_new (BB_ACTION_HANDOVER);
  g_autoptr(BbCaseAction) confirm = bb_case_action_new (BB_ACTION_CONFIRM);
  g_autoptr(BbCaseAction) evaluate = bb_case_action_new (BB_ACTION_EVALUATE);
  g_autoptr(BbCaseAction) follow_up = text_action (BB_ACTION_FOLLOW_UP, "回访：营业执照已使用");
  g_autoptr(BbCaseAction) archive = bb_case_action_new (BB_ACTION_ARCHIVE);
  g_autoptr(BbCase) c1 = NULL, c2 = NULL, c2b = NULL, c3 = NULL, c4 = NULL, c5 = NULL;
  g_autoptr(BbCase) c6 = NULL, c7 = NULL, c8 = NULL, c9 = NULL, c10 = NULL, c11 = NULL, c12 = NULL;
  g_autoptr(BbCase) c13 = NULL, due_soon = NULL, overdue = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GdaDataModel) materials = NULL;
  g_autoptr(GdaDataModel) suspensions = NULL;
  g_autoptr(GdaDataModel) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *full_id = valid_id_number ("61010419900101123");

  /* 需求分析, confirmed with the client. */
  analyse->difficulty = g_strdup ("一般");
  analyse->estimated_days = 3;
  analyse->process = g_strdup ("预审→递交→领证");
  c1 = act_ok (f, f->staff1, c0, analyse);
  g_assert_cmpint (c1->state, ==, BB_STATE_ANALYSED);
  g_assert_true (c1->analysis_confirmed);
  g_assert_cmpint (c1->estimated_days, ==, 3);

  /* A staff member may not promise another limit than the catalogue's. */
  accept->staff_number = g_strdup ("S001");
  accept->limit_days = 10;
  act_fails (f, f->staff1, c1, accept, BB_ERROR_REFUSED, "time limit");
  /* …nor make someone else responsible. */
  accept->limit_days = 0;
  g_free (accept->staff_number);
  accept->staff_number = g_strdup ("S002");
  act_fails (f, f->staff1, c1, accept, BB_ERROR_REFUSED, NULL);
  g_free (accept->staff_number);
  accept->staff_number = g_strdup ("S404");
  act_fails (f, f->leader, c1, accept, BB_ERROR_INVALID, "Handler: ");

  /* Accepted on Monday 2026-03-02 with the catalogue's 3 working days:
   * Tue 3, Wed 4, (Thu 5 a holiday), Fri 6. */
  g_free (accept->staff_number);
  accept->staff_number = g_strdup ("S001");
  accept->text = g_strdup ("材料预审通过");
  c2 = act_ok (f, f->staff1, c1, accept);
  g_assert_cmpint (c2->state, ==, BB_STATE_HANDLING);
  g_assert_cmpstr (c2->responsible_number, ==, "S001");
  g_assert_cmpstr (c2->handler_number, ==, "S001");
  g_assert_cmpstr (c2->accepted_by_number, ==, "S001");
  g_assert_cmpint (c2->accepted_at, !=, 0);
  g_assert_cmpint (c2->limit_days, ==, 3);
  g_assert_cmpstr (c2->deadline, ==, "2026-03-06");
  g_assert_true (c2->deadline_running);
  g_assert_cmpint (c2->remaining_days, ==, 3);
  g_assert_cmpint (c2->deadline_state, ==, BB_DEADLINE_OK);
  g_assert_cmpstr (c2->acceptance_notes, ==, "材料预审通过");
  /* Now responsible, the staff member sees the full ID number. */
  g_assert_true (c2->client_id_revealed);
  g_assert_cmpstr (c2->client_id_number, ==, full_id);
  assert_last_audit (f->db, "S001", "accept", "\"deadline\":\"2026-03-06\"");

  /* Materials verified, then a supplement request marks one missing. */
  check->present = g_strsplit ("申请书,居民身份证,营业执照", ",", -1);
  c2b = act_ok (f, f->staff1, c2, check);
  g_assert_cmpint (c2b->state, ==, BB_STATE_HANDLING);
  materials = select_rows (f->db, SQL_MATERIALS, c2b->id);
  g_assert_cmpint (bb_model_get_int64 (materials, 1, 2, -1), ==, 1);
  request->missing = g_strsplit ("营业执照", ",", -1);
  c3 = act_ok (f, f->staff1, c2b, request);
  g_assert_cmpint (c3->state, ==, BB_STATE_HANDLING);
  g_clear_object (&materials);
  materials = select_rows (f->db, SQL_MATERIALS, c3->id);
  g_assert_cmpint (bb_model_get_int64 (materials, 1, 0, -1), ==, 1);
  g_assert_cmpint (bb_model_get_int64 (materials, 1, 2, -1), ==, 0);
  /* The client has supplement_days (5) working days: Tue 3, Wed 4, (Thu 5
   * a holiday), Fri 6, Mon 9, Tue 10; the date is in the record and its text. */
  assert_last_audit (f->db, "S001", "request-supplement", "\"supplement_due\":\"2026-03-10\"");
  {
    g_autoptr(BbCaseDetail) requested = bb_case_repo_get_detail (f->db, f->staff1, c3->number,
                                                                 &error);
    const BbCaseEvent *event = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < requested->events->len && event == NULL; i++)
      {
        const BbCaseEvent *e = g_ptr_array_index (requested->events, i);

        if (g_strcmp0 (e->kind, "request-supplement") == 0)
          event = e;
      }
    g_assert_nonnull (event);
    g_assert_cmpstr (event->body, ==, "Supplement by 2026-03-10\n请补交营业执照复印件");
    g_assert_nonnull (strstr (event->data, "\"supplement_due\":\"2026-03-10\""));
  }

  /* The work log is searchable, non-BMP characters and all. */
  c4 = act_ok (f, f->staff1, c3, log);
  search = select_rows (f->db, SQL_SEARCH_BODY, c4->id);
  body = cell (search, 0, 0);
  g_assert_nonnull (strstr (body, "已向市场监督管理局递交材料𠮷"));

  /* Suspended on Tuesday 03-03 for missing materials… */
  set_now ("2026-03-03T09:00:00");
  suspend->reason = g_strdup ("materials");
  suspend->resume_by = g_strdup ("2026-03-03");
  act_fails (f, f->staff1, c4, suspend, BB_ERROR_INVALID, "Resume by: ");
  g_free (suspend->resume_by);
  suspend->resume_by = g_strdup ("2026-03-20");
  suspend->text = g_strdup ("催促后仍未提交营业执照");
  c5 = act_ok (f, f->staff1, c4, suspend);
  g_assert_cmpint (c5->state, ==, BB_STATE_SUSPENDED);
  /* Audited as before → after of the columns that changed. */
  assert_last_audit_before (f->db,
                            "{\"state\":\"handling\",\"resume_by\":null,\"version\":6}");
  assert_last_audit (f->db, "S001", "suspend", "\"resume_by\":\"2026-03-20\"");
  g_assert_cmpstr (c5->resume_by, ==, "2026-03-20");
  g_assert_false (c5->deadline_running);
  suspensions = select_rows (f->db, SQL_SUSPENSION, c5->id);
  g_assert_cmpint (gda_data_model_get_n_rows (suspensions), ==, 1);
  {
    g_autofree char *reason = cell (suspensions, 0, 0);
    g_autofree char *on = cell (suspensions, 1, 0);

    g_assert_cmpstr (reason, ==, "materials");
    g_assert_cmpstr (on, ==, "2026-03-03");
  }
  /* No completion while suspended. */
  complete->result = g_strdup ("已领取营业执照");
  act_fails (f, f->staff1, c5, complete, BB_ERROR_REFUSED,
             "Complete is not possible while the case is Suspended");

  /* …resumed on Monday 03-09: the suspended days 03-03…03-09 do not
   * count, so the three working days are Tue 10, Wed 11, Thu 12. */
  set_now ("2026-03-09T15:00:00");
  c6 = act_ok (f, f->staff1, c5, resume);
  g_assert_cmpint (c6->state, ==, BB_STATE_HANDLING);
  g_assert_null (c6->resume_by);
  g_assert_cmpstr (c6->deadline, ==, "2026-03-12");
  g_assert_cmpint (c6->remaining_days, ==, 3);
  g_clear_object (&suspensions);
  suspensions = select_rows (f->db, SQL_SUSPENSION, c6->id);
  {
    g_autofree char *resumed = cell (suspensions, 3, 0);

    g_assert_cmpstr (resumed, ==, "2026-03-09");
    g_assert_cmpint (bb_model_get_int64 (suspensions, 4, 0, -1), ==, 0);
  }

  /* Due soon with one working day left, overdue after the deadline. */
  set_now ("2026-03-11T09:00:00");
  due_soon = bb_case_repo_get (f->db, f->staff1, c6->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (due_soon->deadline_state, ==, BB_DEADLINE_DUE_SOON);
  g_assert_cmpint (due_soon->remaining_days, ==, 1);
  set_now ("2026-03-13T09:00:00");
  overdue = bb_case_repo_get (f->db, f->staff1, c6->number, &error);
  g_assert_cmpint (overdue->deadline_state, ==, BB_DEADLINE_OVERDUE);
  g_assert_cmpint (overdue->remaining_days, <, 0);
  g_assert_cmpint (overdue->version, ==, c6->version);

  c7 = act_ok (f, f->staff1, c6, complete);
  g_assert_cmpint (c7->state, ==, BB_STATE_COMPLETED);
  g_assert_cmpstr (c7->result, ==, "已领取营业执照");
  g_assert_cmpint (c7->completed_at, !=, 0);
  g_assert_false (c7->deadline_running);

  handover->items = g_strdup ("营业执照正本、副本各一份；申请材料原件");
  handover->received_by = g_strdup ("张伟");
  c8 = act_ok (f, f->staff1, c7, handover);
  g_assert_cmpint (c8->state, ==, BB_STATE_DELIVERED);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_CHILD_HANDOVER, c8->id), ==, 1);

  /* Evaluation waits for the client's acceptance. */
  evaluate->level = 5;
  evaluate->comment = g_strdup ("非常满意");
  act_fails (f, f->staff1, c8, evaluate, BB_ERROR_REFUSED, NULL);

  c9 = act_ok (f, f->staff1, c8, confirm);
  g_assert_cmpint (c9->state, ==, BB_STATE_CONFIRMED);

  c10 = act_ok (f, f->staff1, c9, evaluate);
  g_assert_cmpint (c10->state, ==, BB_STATE_CONFIRMED);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_CHILD_EVALUATION, c10->id), ==, 1);
  {
    g_autoptr(GdaDataModel) rect = select_rows (f->db, SQL_RECTIFICATION, c10->id);

    g_assert_cmpint (gda_data_model_get_n_rows (rect), ==, 0);
  }
  /* Once only. */
  act_fails (f, f->staff1, c10, evaluate, BB_ERROR_REFUSED, "already evaluated");

  c11 = act_ok (f, f->staff1, c10, follow_up);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_CHILD_FOLLOW_UP, c11->id), ==, 1);

  c12 = act_ok (f, f->staff1, c11, archive);
  g_assert_cmpint (c12->state, ==, BB_STATE_ARCHIVED);
  g_assert_cmpstr (c12->archive_number, ==, c12->number);
  g_assert_cmpint (c12->archived_at, !=, 0);

  /* Follow-ups go on after the archive; nothing else does. */
  c13 = act_ok (f, f->staff1, c12, follow_up);
  act_fails (f, f->staff1, c13, log, BB_ERROR_REFUSED, NULL);

  /* The whole history, newest first. */
  detail = bb_case_repo_get_detail (f->db, f->staff1, c13->number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->events->len, ==, 15);
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 0))->kind, ==,
                   "follow-up");
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 1))->kind, ==, "archive");
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 14))->kind, ==, "create");
  {
    BbCaseEvent *accepted = g_ptr_array_index (detail->events, 12);

    g_assert_cmpstr (accepted->kind, ==, "accept");
    g_assert_cmpstr (accepted->from_state, ==, "analysed");
    g_assert_cmpstr (accepted->to_state, ==, "handling");
    g_assert_cmpstr (accepted->staff_number, ==, "S001");
    g_assert_nonnull (strstr (accepted->data, "\"limit_days\":3"));
  }
  g_assert_cmpuint (detail->materials->len, ==, 3);
  g_assert_cmpuint (detail->suspensions->len, ==, 1);
  g_assert_cmpuint (detail->handovers->len, ==, 1);
  g_assert_cmpuint (detail->evaluations->len, ==, 1);
  g_assert_cmpint (((BbEvaluation *) g_ptr_array_index (detail->evaluations, 0))->level, ==, 5);
  g_assert_cmpuint (detail->follow_ups->len, ==, 2);
  g_assert_cmpuint (detail->rectifications->len, ==, 0);
}

static void
test_assist_flow (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BbCase) c0 = create_case (f, f->staff1, BB_CASE_ASSIST, f->client_id);
  g_autoptr(BbCaseAction) apply = bb_case_action_new (BB_ACTION_APPLY);
  g_autoptr(BbCaseAction) route = bb_case_action_new (BB_ACTION_ROUTE);
  g_autoptr(BbCaseAction) materials = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) notify = bb_case_action_new (BB_ACTION_NOTIFY_MISSING);
  g_autoptr(BbCaseAction) supplement = bb_case_action_new (BB_ACTION_SUPPLEMENT);
  g_autoptr(BbCaseAction) convert = bb_case_action_new (BB_ACTION_CONVERT);
  g_autoptr(BbCase) c1 = NULL, c2 = NULL, c3 = NULL, c4 = NULL, c5 = NULL, c6 = NULL;
  g_autoptr(BbCase) proxy = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GdaDataModel) proxy_materials = NULL;
  g_autoptr(GError) error = NULL;
  BbCaseEvent *notice;

  g_assert_cmpstr (c0->responsible_number, ==, "S001");
  c1 = act_ok (f, f->staff1, c0, apply);
  g_assert_cmpint (c1->state, ==, BB_STATE_APPLIED);

  route->area = g_strdup ("lobby");
  act_fails (f, f->staff1, c1, route, BB_ERROR_INVALID, "Area: ");
  g_free (route->area);
  route->area = g_strdup ("assist");
  c2 = act_ok (f, f->staff1, c1, route);
  g_assert_cmpint (c2->state, ==, BB_STATE_ROUTED);
  g_assert_cmpstr (c2->area, ==, "assist");

  /* 帮办 is never suspended. */
  {
    g_autoptr(BbCaseAction) suspend = bb_case_action_new (BB_ACTION_SUSPEND);

    suspend->reason = g_strdup ("client");
    suspend->resume_by = g_strdup ("2026-03-20");
    act_fails (f, f->staff1, c2, suspend, BB_ERROR_REFUSED, "not a step of Assist cases");
  }

  /* Materials checked: handling starts. */
  materials->present = g_strsplit ("申请书", ",", -1);
  materials->missing = g_strsplit ("居民身份证,营业执照", ",", -1);
  c3 = act_ok (f, f->staff1, c2, materials);
  g_assert_cmpint (c3->state, ==, BB_STATE_HANDLING);

  /* The one-time notice lists every missing material and how to get it. */
  c4 = act_ok (f, f->staff1, c3, notify);
  detail = bb_case_repo_get_detail (f->db, f->staff1, c4->number, &error);
  g_assert_no_error (error);
  notice = g_ptr_array_index (detail->events, 0);
  g_assert_cmpstr (notice->kind, ==, "notify-missing");
  g_assert_nonnull (strstr (notice->body, "居民身份证"));
  g_assert_nonnull (strstr (notice->body, "营业执照 — 市场监督管理局窗口办理"));
  g_assert_null (strstr (notice->body, "申请书"));
  g_assert_nonnull (strstr (notice->data, "\"how_to_obtain\":\"市场监督管理局窗口办理\""));

  /* Supplied on the spot: the ID card. */
  supplement->present = g_strsplit ("申请书", ",", -1);
  act_fails (f, f->staff1, c4, supplement, BB_ERROR_INVALID, "Materials present: ");
  g_strfreev (supplement->present);
  supplement->present = g_strsplit ("居民身份证", ",", -1);
  c5 = act_ok (f, f->staff1, c4, supplement);

  /* Too hard: a linked 代办 case carries the checklist over. */
  c6 = act_ok (f, f->staff1, c5, convert);
  g_assert_cmpint (c6->state, ==, BB_STATE_CONVERTED);
  g_assert_nonnull (c6->converted_to);
  proxy = bb_case_repo_get (f->db, f->staff1, c6->converted_to, &error);
  g_assert_no_error (error);
  g_assert_cmpint (proxy->kind, ==, BB_CASE_PROXY);
  g_assert_cmpint (proxy->state, ==, BB_STATE_CONSULTATION);
  g_assert_cmpint (proxy->parent_case_id, ==, c6->id);
  g_assert_cmpstr (proxy->parent_number, ==, c6->number);
  g_assert_cmpint (proxy->client_id, ==, f->client_id);
  g_assert_cmpstr (proxy->matter, ==, "企业设立登记");
  g_assert_cmpint (proxy->responsible_id, ==, 0);
  proxy_materials = select_rows (f->db, SQL_MATERIALS, proxy->id);
  g_assert_cmpint (gda_data_model_get_n_rows (proxy_materials), ==, 3);
  g_assert_cmpint (bb_model_get_int64 (proxy_materials, 1, 0, -1), ==, 1);
  g_assert_cmpint (bb_model_get_int64 (proxy_materials, 1, 1, -1), ==, 1);
  g_assert_cmpint (bb_model_get_int64 (proxy_materials, 1, 2, -1), ==, 0);

  /* The converted case can only be archived. */
  {
    g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
    g_autoptr(BbCaseAction) archive = bb_case_action_new (BB_ACTION_ARCHIVE);
    g_autoptr(BbCase) archived = NULL;

    complete->result = g_strdup ("x");
    act_fails (f, f->staff1, c6, complete, BB_ERROR_REFUSED, NULL);
    archived = act_ok (f, f->staff1, c6, archive);
    g_assert_cmpint (archived->state, ==, BB_STATE_ARCHIVED);
  }
}

/* 帮办 to the end, with a bad evaluation that opens a rectification. */
static void
test_assist_complete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BbCase) kase = create_case (f, f->staff1, BB_CASE_ASSIST, f->client_id);
  g_autoptr(BbCaseAction) route = bb_case_action_new (BB_ACTION_ROUTE);
  g_autoptr(BbCaseAction) materials = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) notify = bb_case_action_new (BB_ACTION_NOTIFY_MISSING);
  g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
  g_autoptr(BbCaseAction) handover = bb_case_action_new (BB_ACTION_HANDOVER);
  g_autoptr(BbCaseAction) evaluate = bb_case_action_new (BB_ACTION_EVALUATE);
  g_autoptr(BbCaseAction) archive = bb_case_action_new (BB_ACTION_ARCHIVE);
  g_autoptr(GdaDataModel) rect = NULL;
  g_autoptr(BbCaseAction) apply = bb_case_action_new (BB_ACTION_APPLY);
  BbCase *next;

  route->area = g_strdup ("self-service");
  materials->present = g_strsplit ("申请书,居民身份证,营业执照", ",", -1);
  complete->result = g_strdup ("已在自助机提交申请");
  handover->items = g_strdup ("受理回执");
  evaluate->level = 2;
  evaluate->channel = g_strdup ("device");
  evaluate->integrity_ok = FALSE;
  evaluate->comment = g_strdup ("等候时间太长");
  archive->archive_number = g_strdup ("DA-2026-001");

#define STEP(action) \
  next = act_ok (f, f->staff1, kase, (action)); \
  bb_case_free (kase); \
  kase = next

  STEP (apply);
  STEP (route);
  g_assert_cmpstr (kase->area, ==, "self_service");
  STEP (materials);
  /* Nothing missing: no notice to give. */
  act_fails (f, f->staff1, kase, notify, BB_ERROR_INVALID, "Materials: ");
  STEP (complete);
  /* Not archived before the materials and documents are handed over. */
  act_fails (f, f->staff1, kase, archive, BB_ERROR_REFUSED, NULL);
  STEP (handover);
  g_assert_cmpint (kase->state, ==, BB_STATE_DELIVERED);

  /* Monday 2026-03-02 + 5 working days (the default setting), Thursday
   * 03-05 being a holiday: Tue 3, Wed 4, Fri 6, Mon 9, Tue 10. */
  STEP (evaluate);
  rect = select_rows (f->db, SQL_RECTIFICATION, kase->id);
  g_assert_cmpint (gda_data_model_get_n_rows (rect), ==, 1);
  {
    g_autofree char *state = cell (rect, 0, 0);
    g_autofree char *deadline = cell (rect, 1, 0);

    g_assert_cmpstr (state, ==, "open");
    g_assert_cmpstr (deadline, ==, "2026-03-10");
    g_assert_cmpint (bb_model_get_int64 (rect, 2, 0, 0), ==, f->staff1->staff_id);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BbCaseDetail) detail = bb_case_repo_get_detail (f->db, f->leader, kase->number,
                                                             &error);
    BbEvaluation *e = g_ptr_array_index (detail->evaluations, 0);

    g_assert_false (e->integrity_ok);
    g_assert_cmpstr (e->channel, ==, "device");
    g_assert_cmpuint (detail->rectifications->len, ==, 1);
  }
  STEP (archive);
  g_assert_cmpint (kase->state, ==, BB_STATE_ARCHIVED);
  g_assert_cmpstr (kase->archive_number, ==, "DA-2026-001");
  bb_case_free (kase);
  kase = NULL;
#undef STEP
}

/* An accepted case, for the tests below. */
static BbCase *
accepted_case (Fixture *f,
               int      limit_days)
{
  g_autoptr(BbCase) created = create_case (f, f->staff1, BB_CASE_PROXY, f->client_id);
  g_autoptr(BbCaseAction) analyse = bb_case_action_new (BB_ACTION_ANALYSE);
  g_autoptr(BbCaseAction) accept = bb_case_action_new (BB_ACTION_ACCEPT);
  g_autoptr(BbCase) analysed = NULL;

  analyse->difficulty = g_strdup ("较难");
  analyse->estimated_days = 5;
  analyse->process = g_strdup ("预审→递交");
  analysed = act_ok (f, f->staff1, created, analyse);
  accept->staff_number = g_strdup ("S001");
  accept->limit_days = limit_days;
  return act_ok (f, f->leader, analysed, accept);
}

static BbCase *
suspended_case (Fixture    *f,
                const char *resume_by)
{
  g_autoptr(BbCase) handling = accepted_case (f, 0);
  g_autoptr(BbCaseAction) suspend = bb_case_action_new (BB_ACTION_SUSPEND);

  suspend->reason = g_strdup ("client");
  suspend->resume_by = g_strdup (resume_by);
  return act_ok (f, f->staff1, handling, suspend);
}

static void
test_refused_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BbCase) handling = accepted_case (f, 0);
  g_autoptr(BbCaseAction) suspend = bb_case_action_new (BB_ACTION_SUSPEND);
  g_autoptr(BbCaseAction) refuse = bb_case_action_new (BB_ACTION_REFUSE);
  g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
  g_autoptr(BbCaseAction) log = text_action (BB_ACTION_LOG, "  ");
  g_autoptr(BbCase) completed = NULL;

  /* Missing what the action needs. */
  act_fails (f, f->staff1, handling, suspend, BB_ERROR_INVALID, "Suspension reason: ");
  suspend->reason = g_strdup ("fees");
  act_fails (f, f->staff1, handling, suspend, BB_ERROR_INVALID, "Resume by: ");
  act_fails (f, f->staff1, handling, log, BB_ERROR_INVALID, "Work log: ");
  act_fails (f, f->staff1, handling, complete, BB_ERROR_INVALID, "Result: ");

  /* Not allowed in the state. */
  refuse->reason = g_strdup ("不符合条件");
  act_fails (f, f->staff1, handling, refuse, BB_ERROR_REFUSED,
             "Refuse is not possible while the case is Handling");

  complete->result = g_strdup ("已办结");
  completed = act_ok (f, f->staff1, handling, complete);
  suspend->resume_by = g_strdup ("2026-04-01");
  act_fails (f, f->staff1, completed, suspend, BB_ERROR_REFUSED,
             "Suspend is not possible while the case is Completed");

  /* An unknown case. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bb_case_repo_act (f->db, f->staff1, "2099999999", complete, 1, &error));
    g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
  }
}

/* Working days with a make-up Saturday, a holiday week and a suspension. */
static void
test_deadline_arithmetic (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(BbCase) suspended = NULL;
  g_autoptr(BbCase) resumed = NULL;
  g_autoptr(BbCaseAction) suspend = bb_case_action_new (BB_ACTION_SUSPEND);
  g_autoptr(BbCaseAction) resume = bb_case_action_new (BB_ACTION_RESUME);
  const char *holidays[] = { "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                             "2026-02-20" };

  /* 春节: Mon 16 to Fri 20 off; Saturday 14 and Saturday 21 worked (调休). */
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      bb_holiday_repo_set (f->db, f->admin, holidays[i], BB_DAY_HOLIDAY, "春节", 0, &error);
      g_assert_no_error (error);
    }
  bb_holiday_repo_set (f->db, f->admin, "2026-02-14", BB_DAY_WORKDAY, "调休", 0, &error);
  bb_holiday_repo_set (f->db, f->admin, "2026-02-21", BB_DAY_WORKDAY, "调休", 0, &error);
  g_assert_no_error (error);

  /* Accepted Friday 02-13 with 4 days: Sat 14, Sat 21, Mon 23, Tue 24. */
  set_now ("2026-02-13T16:30:00");
  kase = accepted_case (f, 4);
  g_assert_cmpstr (kase->deadline, ==, "2026-02-24");
  g_assert_cmpint (kase->remaining_days, ==, 4);

  /* Suspended on Saturday 21 (a working day), resumed on Monday 23: both
   * days are taken out, and the deadline moves to Wed 25 and Thu 26. */
  set_now ("2026-02-21T10:00:00");
  suspend->reason = g_strdup ("force-majeure");
  suspend->resume_by = g_strdup ("2026-03-31");
  suspended = act_ok (f, f->staff1, kase, suspend);
  set_now ("2026-02-23T10:00:00");
  resumed = act_ok (f, f->staff1, suspended, resume);
  g_assert_cmpstr (resumed->deadline, ==, "2026-02-26");
  g_assert_cmpint (resumed->remaining_days, ==, 3);
  g_assert_cmpint (resumed->deadline_state, ==, BB_DEADLINE_OK);
}

static void
test_terminate_on_read (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BbCase) suspended = suspended_case (f, "2026-03-10");
  g_autoptr(BbCase) on_deadline = NULL;
  g_autoptr(BbCase) after = NULL;
  g_autoptr(BbCase) again = NULL;
  g_autoptr(BbCaseAction) resume = bb_case_action_new (BB_ACTION_RESUME);
  g_autoptr(BbCaseAction) terminate = bb_case_action_new (BB_ACTION_TERMINATE);
  g_autoptr(GdaDataModel) suspensions = NULL;
  g_autoptr(GError) error = NULL;

  /* Terminating by hand before the deadline is refused. */
  act_fails (f, f->leader, suspended, terminate, BB_ERROR_REFUSED, "has not passed");

  /* Still resumable on the deadline day itself. */
  set_now ("2026-03-10T17:00:00");
  on_deadline = bb_case_repo_get (f->db, f->staff1, suspended->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_deadline->state, ==, BB_STATE_SUSPENDED);
  g_assert_cmpint (on_deadline->version, ==, suspended->version);

  /* The day after, reading it terminates it, as the system. */
  set_now ("2026-03-11T08:00:00");
  after = bb_case_repo_get (f->db, f->staff1, suspended->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->state, ==, BB_STATE_TERMINATED);
  g_assert_cmpint (after->version, ==, suspended->version + 1);
  assert_last_audit (f->db, "system", "terminate", "\"state\":\"terminated\"");
  suspensions = select_rows (f->db, SQL_SUSPENSION, after->id);
  g_assert_cmpint (bb_model_get_int64 (suspensions, 4, 0, -1), ==, 1);

  /* Reading again changes nothing more; resuming is refused. */
  again = bb_case_repo_get (f->db, f->staff1, suspended->number, &error);
  g_assert_cmpint (again->version, ==, after->version);
  act_fails (f, f->staff1, again, resume, BB_ERROR_REFUSED,
             "Resume is not possible while the case is Terminated");
}

static void
test_terminate_on_act (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BbCase) suspended = suspended_case (f, "2026-03-10");
  g_autoptr(BbCaseAction) resume = bb_case_action_new (BB_ACTION_RESUME);
  g_autoptr(BbCase) result = NULL;
  g_autoptr(BbCase) now = NULL;
  g_autoptr(GError) error = NULL;

  /* A resume attempt past the deadline with the old version: the case is
   * terminated first, so the caller's view is out of date. */
  set_now ("2026-03-12T08:00:00");
  result = bb_case_repo_act (f->db, f->staff1, suspended->number, resume, suspended->version,
                             &error);
  g_assert_null (result);
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  now = bb_case_repo_get (f->db, f->staff1, suspended->number, NULL);
  g_assert_cmpint (now->state, ==, BB_STATE_TERMINATED);
}

static void
test_sweep (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BbCase) a = suspended_case (f, "2026-03-10");
  g_autoptr(BbCase) b = suspended_case (f, "2026-03-06");
  g_autoptr(BbCase) c = suspended_case (f, "2026-03-20");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) row_a = NULL;
  g_autoptr(GdaDataModel) row_c = NULL;
  gint64 audit_before;

  set_now ("2026-03-11T00:30:00");
  audit_before = count_rows (f->db, SQL_COUNT_AUDIT, 0);
  g_assert_cmpint (bb_case_repo_sweep (f->db, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_AUDIT, 0), ==, audit_before + 2);

  row_a = select_rows (f->db, SQL_CASE_ROW, a->id);
  row_c = select_rows (f->db, SQL_CASE_ROW, c->id);
  {
    g_autofree char *state_a = cell (row_a, 0, 0);
    g_autofree char *state_c = cell (row_c, 0, 0);

    g_assert_cmpstr (state_a, ==, "terminated");
    g_assert_cmpstr (state_c, ==, "suspended");
  }
  g_assert_cmpint (bb_case_repo_sweep (f->db, &error), ==, 0);
  (void) b;
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BbCase) kase = accepted_case (f, 0);
  g_autoptr(BbDatabase) other = bb_test_open (f->location);
  g_autoptr(BbCase) seen_here = NULL;
  g_autoptr(BbCase) seen_there = NULL;
  g_autoptr(BbCase) first = NULL;
  g_autoptr(BbCase) second = NULL;
  g_autoptr(BbCaseAction) mine = text_action (BB_ACTION_LOG, "第一条");
  g_autoptr(BbCaseAction) theirs = text_action (BB_ACTION_LOG, "第二条");
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_before;

  seen_here = bb_case_repo_get (f->db, f->staff1, kase->number, &error);
  seen_there = bb_case_repo_get (other, f->leader, kase->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seen_here->version, ==, seen_there->version);

  first = bb_case_repo_act (f->db, f->staff1, kase->number, mine, seen_here->version, &error);
  g_assert_no_error (error);

  audit_before = count_rows (f->db, SQL_COUNT_AUDIT, 0);
  second = bb_case_repo_act (other, f->leader, kase->number, theirs, seen_there->version,
                             &error);
  g_assert_null (second);
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed by someone else"));
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_AUDIT, 0), ==, audit_before);

  detail = bb_case_repo_get_detail (other, f->leader, kase->number, &error);
  g_assert_cmpint (detail->kase->version, ==, first->version);
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 0))->body, ==, "第一条");
  for (guint i = 0; i < detail->events->len; i++)
    g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, i))->body, !=,
                     "第二条");
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BbCase) kase = accepted_case (f, 0);
  g_autoptr(BbCase) by_leader = NULL;
  g_autoptr(BbCase) reassigned = NULL;
  g_autoptr(BbCase) seen_by_other = NULL;
  g_autoptr(BbCaseAction) log = text_action (BB_ACTION_LOG, "不是我的案件");
  g_autoptr(BbCaseAction) reassign = bb_case_action_new (BB_ACTION_REASSIGN);
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *full_id = valid_id_number ("61010419900101123");

  /* Someone else's case: a staff member may neither act nor see the ID. */
  act_fails (f, f->staff2, kase, log, BB_ERROR_REFUSED, "S001");
  seen_by_other = bb_case_repo_get (f->db, f->staff2, kase->number, &error);
  g_assert_false (seen_by_other->client_id_revealed);
  g_assert_cmpstr (seen_by_other->client_id_number, !=, full_id);
  g_assert_false (bb_case_repo_record_reveal (f->db, f->staff2, seen_by_other, "view", &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  /* A leader may act on any case. */
  by_leader = act_ok (f, f->leader, kase, log);

  /* Only a leader reassigns, with a reason, telling the client. */
  reassign->staff_number = g_strdup ("S002");
  reassign->reason = g_strdup ("原责任人外出培训");
  reassign->client_told = TRUE;
  act_fails (f, f->staff1, by_leader, reassign, BB_ERROR_REFUSED, NULL);
  reassign->client_told = FALSE;
  act_fails (f, f->leader, by_leader, reassign, BB_ERROR_INVALID, "Client told: ");
  reassign->client_told = TRUE;
  g_free (reassign->staff_number);
  reassign->staff_number = g_strdup ("S001");
  act_fails (f, f->leader, by_leader, reassign, BB_ERROR_INVALID, "already responsible");
  g_free (reassign->staff_number);
  reassign->staff_number = g_strdup ("S002");
  reassigned = act_ok (f, f->leader, by_leader, reassign);
  g_assert_cmpstr (reassigned->responsible_number, ==, "S002");
  g_assert_cmpstr (reassigned->handler_number, ==, "S002");
  g_assert_cmpint (count_rows (f->db, SQL_COUNT_CHILD_REASSIGNMENT, kase->id), ==, 1);

  /* Now the other way round. */
  {
    g_autoptr(BbCase) now = bb_case_repo_get (f->db, f->staff2, kase->number, &error);
    g_autoptr(BbCase) done = NULL;

    g_assert_true (now->client_id_revealed);
    g_assert_cmpstr (now->client_id_number, ==, full_id);
    g_assert_true (bb_case_repo_record_reveal (f->db, f->staff2, now, "view", &error));
    g_assert_no_error (error);
    assert_last_audit (f->db, "S002", "reveal-id", now->number);
    act_fails (f, f->staff1, now, log, BB_ERROR_REFUSED, NULL);
    done = act_ok (f, f->staff2, now, log);
  }

  detail = bb_case_repo_get_detail (f->db, f->leader, kase->number, &error);
  g_assert_cmpuint (detail->reassignments->len, ==, 1);
  {
    BbReassignment *r = g_ptr_array_index (detail->reassignments, 0);

    g_assert_cmpstr (r->from_number, ==, "S001");
    g_assert_cmpstr (r->to_number, ==, "S002");
    g_assert_true (r->client_told);
    g_assert_cmpstr (r->reason, ==, "原责任人外出培训");
  }
}

static void
test_departments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BbCase) kase = accepted_case (f, 0);
  g_autoptr(BbCaseAction) department = bb_case_action_new (BB_ACTION_DEPARTMENT);
  g_autoptr(BbCaseAction) report = text_action (BB_ACTION_REPORT, "已完成第一阶段");
  g_autoptr(BbCaseAction) supervisor = text_action (BB_ACTION_SUPERVISOR_REPORT,
                                                    "涉及跨部门协调，已汇报");
  g_autoptr(BbCaseAction) problem = text_action (BB_ACTION_PROBLEM, "税务登记信息不一致");
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  BbCase *next;

#define STEP(action) \
  next = act_ok (f, f->staff1, kase, (action)); \
  bb_case_free (kase); \
  kase = next

  department->department = g_strdup ("市场监督管理局");
  department->status = g_strdup ("审核中");
  STEP (department);
  g_free (department->department);
  department->department = g_strdup ("税务局");
  STEP (department);
  g_free (department->department);
  department->department = g_strdup ("市场监督管理局");
  g_free (department->status);
  department->status = g_strdup ("已办结");
  STEP (department);
  STEP (report);
  STEP (problem);
  supervisor->department = g_strdup ("市政务服务管理局");
  STEP (supervisor);
#undef STEP

  detail = bb_case_repo_get_detail (f->db, f->staff1, kase->number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->departments->len, ==, 2);
  g_assert_cmpstr (((BbCaseDepartment *) g_ptr_array_index (detail->departments, 0))->status, ==,
                   "已办结");
  g_assert_cmpstr (((BbCaseDepartment *) g_ptr_array_index (detail->departments, 1))->name, ==,
                   "税务局");
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 0))->kind, ==,
                   "supervisor-report");
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 2))->body, ==,
                   "已完成第一阶段");
  bb_case_free (kase);
  kase = NULL;
}

static void
test_dispute (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BbCase) kase = accepted_case (f, 0);
  g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
  g_autoptr(BbCaseAction) handover = bb_case_action_new (BB_ACTION_HANDOVER);
  g_autoptr(BbCaseAction) dispute = bb_case_action_new (BB_ACTION_DISPUTE);
  g_autoptr(BbCaseAction) refuse = bb_case_action_new (BB_ACTION_REFUSE);
  BbCase *next;

  complete->result = g_strdup ("已领证");
  handover->items = g_strdup ("许可证");
  dispute->reason = g_strdup ("许可证上的地址有误");
  refuse->reason = g_strdup ("x");

#define STEP(action) \
  next = act_ok (f, f->staff1, kase, (action)); \
  bb_case_free (kase); \
  kase = next

  STEP (complete);
  STEP (handover);
  act_fails (f, f->staff1, kase, refuse, BB_ERROR_REFUSED, NULL);
  STEP (dispute);
  g_assert_cmpint (kase->state, ==, BB_STATE_HANDLING);
  g_assert_cmpint (kase->completed_at, ==, 0);
  g_assert_true (kase->deadline_running);
  STEP (complete);
  g_assert_cmpint (kase->state, ==, BB_STATE_COMPLETED);
#undef STEP
  bb_case_free (kase);
  kase = NULL;
}

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BbCase) kase = create_case (f, f->staff1, BB_CASE_PROXY, f->client_id);
  g_autoptr(BbCaseAction) analyse = bb_case_action_new (BB_ACTION_ANALYSE);
  g_autoptr(BbCaseAction) refuse = bb_case_action_new (BB_ACTION_REFUSE);
  g_autoptr(BbCase) analysed = NULL;
  g_autoptr(BbCase) refused = NULL;

  analyse->difficulty = g_strdup ("无法代办");
  analyse->estimated_days = 1;
  analyse->process = g_strdup ("需本人到场");
  analysed = act_ok (f, f->staff1, kase, analyse);
  act_fails (f, f->staff1, analysed, refuse, BB_ERROR_INVALID, "Reason for refusal: ");
  refuse->reason = g_strdup ("该事项须申请人本人到场办理，不符合代办条件");
  refused = act_ok (f, f->staff1, analysed, refuse);
  g_assert_cmpint (refused->state, ==, BB_STATE_REFUSED);
  g_assert_cmpstr (refused->refusal_reason, ==, refuse->reason);
  g_assert_null (refused->responsible_number);
  assert_last_audit (f->db, "S001", "refuse", "\"refusal_reason\":\"该事项须申请人本人到场办理");
}

/* The fields of two reads of a case that both paths fill. */
static void
assert_same_case (const BbCase *a,
                  const BbCase *b)
{
#define SAME_INT(field) g_assert_cmpint (a->field, ==, b->field)
#define SAME_STR(field) g_assert_cmpstr (a->field, ==, b->field)
  SAME_INT (id); SAME_STR (number); SAME_INT (kind); SAME_INT (state);
  SAME_INT (client_id); SAME_STR (client_name); SAME_STR (client_kind);
  SAME_STR (client_category); SAME_STR (client_id_number); SAME_INT (client_id_revealed);
  SAME_STR (client_credit_code); SAME_STR (client_phone);
  SAME_INT (item_id); SAME_INT (item_limit_days); SAME_STR (matter); SAME_STR (reason);
  SAME_STR (mode); SAME_STR (channel); SAME_STR (area); SAME_STR (home_address);
  SAME_INT (appointment_at); SAME_INT (priority);
  SAME_INT (responsible_id); SAME_STR (responsible_number); SAME_STR (responsible_name);
  SAME_INT (accepted_by); SAME_STR (accepted_by_number); SAME_STR (accepted_by_name);
  SAME_INT (accepted_at); SAME_INT (handler_id); SAME_STR (handler_number);
  SAME_STR (handler_name);
  SAME_INT (applied_at); SAME_INT (limit_days); SAME_STR (deadline); SAME_STR (difficulty);
  SAME_INT (estimated_days); SAME_STR (process_plan); SAME_INT (analysis_confirmed);
  SAME_STR (acceptance_notes); SAME_STR (refusal_reason); SAME_STR (result);
  SAME_STR (delivery); SAME_INT (completed_at); SAME_STR (archive_number);
  SAME_INT (archived_at); SAME_STR (resume_by); SAME_INT (parent_case_id);
  SAME_STR (parent_number); SAME_STR (converted_to); SAME_STR (remark);
  SAME_INT (created_by); SAME_INT (created_at); SAME_INT (updated_at); SAME_INT (version);
  SAME_INT (deadline_running); SAME_INT (deadline_state); SAME_INT (remaining_days);
#undef SAME_INT
#undef SAME_STR
}

/* The detail is read in one statement as one JSON text: what must come
 * through it intact. */
static void
test_detail_one_statement (Fixture       *f,
                           gconstpointer  data)
{
  static const char awkward_name[] = "𠮷\"登记\"\\证明";
  static const char awkward_body[] = "第一行 \"引号\" \\ 反斜杠\n第二行\t制表";
  g_autoptr(BbCase) kase = accepted_case (f, 0);
  g_autoptr(BbCaseAction) check = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) awkward = text_action (BB_ACTION_LOG, awkward_body);
  g_autoptr(BbCaseAction) earlier = text_action (BB_ACTION_LOG, "时钟回拨后记录");
  g_autoptr(BbCase) checked = NULL, logged = NULL, last = NULL, plain = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *full_id = valid_id_number ("61010419900101123");
  const BbCaseEvent *first;
  const BbCaseMaterial *added = NULL;

  /* Everything so far happened at the same instant; the last entry is
   * dated earlier (a clock set back), so it sorts last however new. */
  check->present = g_strsplit ("申请书", ",", -1);
  check->missing = g_new0 (char *, 2);
  check->missing[0] = g_strdup (awkward_name);
  checked = act_ok (f, f->staff1, kase, check);
  logged = act_ok (f, f->staff1, checked, awkward);
  set_now ("2026-03-02T09:00:00");
  last = act_ok (f, f->staff1, logged, earlier);
  set_now ("2026-03-02T10:00:00");

  /* Seen by a staff member who is not responsible: masked. */
  detail = bb_case_repo_get_detail (f->db, f->staff2, kase->number, &error);
  g_assert_no_error (error);
  g_assert_false (detail->kase->client_id_revealed);
  g_assert_cmpstr (detail->kase->client_id_number, !=, full_id);
  g_assert_nonnull (strchr (detail->kase->client_id_number, '*'));
  g_assert_cmpstr (detail->kase->client_phone, !=, "13800138000");
  /* …exactly as the case alone reads, deadline state and all: Monday
   * 03-02 with three working days to Friday 03-06 (Thursday 03-05 a
   * holiday from the calendar the statement carries). */
  plain = bb_case_repo_get (f->db, f->staff2, kase->number, &error);
  g_assert_no_error (error);
  assert_same_case (detail->kase, plain);
  g_assert_cmpint (detail->kase->version, ==, last->version);
  g_assert_cmpstr (detail->kase->deadline, ==, "2026-03-06");
  g_assert_true (detail->kase->deadline_running);
  g_assert_cmpint (detail->kase->remaining_days, ==, 3);
  g_clear_pointer (&detail, bb_case_detail_free);

  /* The responsible staff member sees the ID number. */
  detail = bb_case_repo_get_detail (f->db, f->staff1, kase->number, &error);
  g_assert_no_error (error);
  g_assert_true (detail->kase->client_id_revealed);
  g_assert_cmpstr (detail->kase->client_id_number, ==, full_id);
  g_assert_cmpstr (detail->kase->client_phone, ==, "13800138000");

  /* Newest first: by time, then the later entry first among entries of
   * the same instant. */
  g_assert_cmpuint (detail->events->len, ==, 6);
  first = g_ptr_array_index (detail->events, 0);
  g_assert_cmpstr (first->kind, ==, "log");
  g_assert_cmpstr (first->body, ==, awkward_body);
  g_assert_cmpstr (first->staff_number, ==, "S001");
  g_assert_cmpstr (first->staff_name, ==, "王芳");
  for (guint i = 0; i + 2 < detail->events->len; i++)
    {
      const BbCaseEvent *a = g_ptr_array_index (detail->events, i);
      const BbCaseEvent *b = g_ptr_array_index (detail->events, i + 1);

      g_assert_cmpint (a->at, ==, b->at);
      g_assert_cmpint (a->id, >, b->id);
    }
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 4))->kind, ==, "create");
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 5))->body, ==,
                   "时钟回拨后记录");

  /* The checklist by position, the new entry last, its name intact. */
  g_assert_cmpuint (detail->materials->len, ==, 4);
  for (guint i = 0; i < detail->materials->len; i++)
    {
      const BbCaseMaterial *m = g_ptr_array_index (detail->materials, i);

      if (i > 0)
        g_assert_cmpint (m->position, >, ((BbCaseMaterial *)
                                          g_ptr_array_index (detail->materials, i - 1))->position);
      if (g_strcmp0 (m->name, awkward_name) == 0)
        added = m;
    }
  g_assert_true (added == g_ptr_array_index (detail->materials, 3));
  g_assert_false (added->present);
  g_assert_cmpint (added->copies, ==, 1);
  g_assert_true (((BbCaseMaterial *) g_ptr_array_index (detail->materials, 0))->present);
  g_assert_cmpstr (((BbCaseMaterial *) g_ptr_array_index (detail->materials, 0))->how_to_obtain,
                   ==, "窗口领取或网上下载");

  /* Lists with nothing in them are empty, not missing. */
  g_assert_cmpuint (detail->departments->len, ==, 0);
  g_assert_cmpuint (detail->suspensions->len, ==, 0);
  g_assert_cmpuint (detail->reassignments->len, ==, 0);
  g_assert_cmpuint (detail->handovers->len, ==, 0);
  g_assert_cmpuint (detail->evaluations->len, ==, 0);
  g_assert_cmpuint (detail->rectifications->len, ==, 0);
  g_assert_cmpuint (detail->follow_ups->len, ==, 0);

  /* An unknown number. */
  g_clear_pointer (&detail, bb_case_detail_free);
  detail = bb_case_repo_get_detail (f->db, f->staff1, "2099999999", &error);
  g_assert_null (detail);
  g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
}

/* What a converted 帮办 case became, and the termination rule, through
 * the detail. */
static void
test_detail_converted_and_expired (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(BbCase) assist = create_case (f, f->staff1, BB_CASE_ASSIST, f->client_id);
  g_autoptr(BbCaseAction) apply = bb_case_action_new (BB_ACTION_APPLY);
  g_autoptr(BbCaseAction) route = bb_case_action_new (BB_ACTION_ROUTE);
  g_autoptr(BbCaseAction) convert = bb_case_action_new (BB_ACTION_CONVERT);
  g_autoptr(BbCase) applied = NULL, routed = NULL, converted = NULL;
  g_autoptr(BbCase) suspended = suspended_case (f, "2026-03-10");
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  const BbSuspension *suspension;

  applied = act_ok (f, f->staff1, assist, apply);
  route->area = g_strdup ("assist");
  routed = act_ok (f, f->staff1, applied, route);
  converted = act_ok (f, f->staff1, routed, convert);
  g_assert_nonnull (converted->converted_to);

  detail = bb_case_repo_get_detail (f->db, f->staff1, assist->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detail->kase->state, ==, BB_STATE_CONVERTED);
  g_assert_cmpstr (detail->kase->converted_to, ==, converted->converted_to);
  g_assert_false (detail->kase->deadline_running);
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 0))->kind, ==,
                   "convert");
  g_clear_pointer (&detail, bb_case_detail_free);

  /* The new 代办 case knows where it came from. */
  detail = bb_case_repo_get_detail (f->db, f->staff1, converted->converted_to, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->kase->parent_number, ==, assist->number);
  g_assert_null (detail->kase->converted_to);
  g_clear_pointer (&detail, bb_case_detail_free);

  /* Still suspended on its resume deadline… */
  set_now ("2026-03-10T17:00:00");
  detail = bb_case_repo_get_detail (f->db, f->staff1, suspended->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detail->kase->state, ==, BB_STATE_SUSPENDED);
  g_assert_cmpint (detail->kase->version, ==, suspended->version);
  g_clear_pointer (&detail, bb_case_detail_free);

  /* …terminated by the reading the day after, and shown terminated. */
  set_now ("2026-03-11T08:00:00");
  detail = bb_case_repo_get_detail (f->db, f->staff1, suspended->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detail->kase->state, ==, BB_STATE_TERMINATED);
  g_assert_cmpint (detail->kase->version, ==, suspended->version + 1);
  g_assert_cmpstr (((BbCaseEvent *) g_ptr_array_index (detail->events, 0))->kind, ==,
                   "terminate");
  g_assert_cmpuint (detail->suspensions->len, ==, 1);
  suspension = g_ptr_array_index (detail->suspensions, 0);
  g_assert_true (suspension->terminated);
  g_assert_cmpint (suspension->reason, ==, BB_SUSPEND_CLIENT);
  g_assert_cmpstr (suspension->resume_by, ==, "2026-03-10");
  assert_last_audit (f->db, "system", "terminate", "\"state\":\"terminated\"");
}

/* Concurrent creation */

typedef struct
{
  const BbLocation *location;
  const BbActor    *actor;
  gint64            client_id;
  gint64            item_id;
  GPtrArray        *numbers;
  GMutex           *mutex;
  guint             failures;
} Creator;

static gpointer
creator_thread (gpointer data)
{
  Creator *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = bb_database_open (c->location, NULL, NULL, &error);

  if (db == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      c->failures++;
      return NULL;
    }

  for (guint i = 0; i < 25; i++)
    {
      BbCaseDraft draft = { 0 };
      g_autoptr(BbCase) kase = NULL;

      draft.kind = i % 2 ? BB_CASE_ASSIST : BB_CASE_PROXY;
      draft.client_id = c->client_id;
      draft.item_id = c->item_id;
      kase = bb_case_repo_create (db, c->actor, &draft, &error);
      if (kase == NULL)
        {
          g_printerr ("create: %s\n", error->message);
          g_clear_error (&error);
          c->failures++;
          continue;
        }
      g_mutex_lock (c->mutex);
      g_ptr_array_add (c->numbers, g_strdup (kase->number));
      g_mutex_unlock (c->mutex);
    }
  return NULL;
}

static void
test_concurrent_create (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  GThread *threads[4];
  Creator creators[4];
  GMutex mutex;

  g_mutex_init (&mutex);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      creators[t] = (Creator) { f->location, f->staff1, f->client_id, f->item_id, numbers,
                                &mutex, 0 };
      threads[t] = g_thread_new ("creator", creator_thread, &creators[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_thread_join (threads[t]);
      g_assert_cmpuint (creators[t].failures, ==, 0);
    }
  g_mutex_clear (&mutex);

  g_assert_cmpuint (numbers->len, ==, 100);
  for (guint i = 0; i < numbers->len; i++)
    g_hash_table_add (distinct, g_ptr_array_index (numbers, i));
  g_assert_cmpuint (g_hash_table_size (distinct), ==, 100);
  /* No gaps either: 2026000001 … 2026000100. */
  g_assert_true (g_hash_table_contains (distinct, "2026000001"));
  g_assert_true (g_hash_table_contains (distinct, "2026000100"));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/bangban/case/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("proxy-flow", test_proxy_flow);
  ADD ("assist-flow", test_assist_flow);
  ADD ("assist-complete", test_assist_complete);
  ADD ("refused-changes-nothing", test_refused_changes_nothing);
  ADD ("refuse", test_refuse);
  ADD ("dispute", test_dispute);
  ADD ("departments", test_departments);
  ADD ("deadline-arithmetic", test_deadline_arithmetic);
  ADD ("terminate-on-read", test_terminate_on_read);
  ADD ("terminate-on-act", test_terminate_on_act);
  ADD ("sweep", test_sweep);
  ADD ("conflict", test_conflict);
  ADD ("permissions", test_permissions);
  ADD ("detail-one-statement", test_detail_one_statement);
  ADD ("detail-converted-and-expired", test_detail_converted_and_expired);
  ADD ("concurrent-create", test_concurrent_create);

#undef ADD

  return g_test_run ();
}
