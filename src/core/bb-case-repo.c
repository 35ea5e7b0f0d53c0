/* bb-case-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases: creation with a unique number, reading with the whole history,
 * and every workflow action (bb-workflow.c says which are allowed when).
 *
 * Each action is one transaction: read the case, check the version the
 * caller read, the caller's permissions, the state machine and what the
 * action carries; then write the case row (optimistic lock), the action's
 * own row (suspension, reassignment, handover, evaluation…), a timeline
 * event, the search text and the audit record. Any failure rolls all of it
 * back. Every transaction takes the case-number counter and case rows
 * before case_search and audit_head, which come last, so that PostgreSQL
 * writers never wait on each other in a circle.
 *
 * Deadlines (§ 限时办结): the promised limit counts working days from the day
 * after acceptance on the holiday calendar; the days of a suspension, from
 * the day it was suspended to the day it was resumed, do not count.
 * A suspended case whose resume deadline has passed is terminated (system
 * actor, audited) whenever it is read, acted on or swept.
 */

#define G_LOG_DOMAIN "bb-case-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-case-repo.h"
#include "bb-case-repo-private.h"
#include "bb-case-search.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-json-row.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define DEFAULT_NUMBER_FORMAT "{year}{seq:6}"
#define MAX_NUMBER_ATTEMPTS   1000
#define MAX_MATTER_CHARS      200
#define MAX_TEXT_CHARS        2000

/* Reading a case */

#define CASE_SELECT "SELECT " BB_CASE_COLUMNS " " BB_CASE_TABLES

static const char SQL_CASE_BY_NUMBER[] = CASE_SELECT "WHERE c.number = ##number::string";
static const char SQL_CASE_BY_ID[] = CASE_SELECT "WHERE c.id = ##id::gint64";
/* The case with its history in one statement (bb-case-repo-private.h). */
static const char SQL_DETAIL_SQLITE[] = BB_CASE_DETAIL_SQLITE "WHERE c.number = ##number::string";
static const char SQL_DETAIL_PG[] = BB_CASE_DETAIL_PG "WHERE c.number = ##number::string";
/* The 代办 case a converted 帮办 case became, from its timeline (indexed by
 * case, where bb_case.parent_case_id has no index). */
static const char SQL_CONVERTED_TO[] =
  "SELECT data FROM case_event WHERE case_id = ##case_id::gint64 AND kind = 'convert' "
  "ORDER BY id DESC LIMIT 1";

/* The columns of BB_CASE_COLUMNS. */
enum
{
  COL_ID, COL_NUMBER, COL_KIND, COL_STATE, COL_CLIENT_ID, COL_CLIENT_NAME, COL_CLIENT_KIND,
  COL_CLIENT_ID_NUMBER, COL_CLIENT_CREDIT_CODE, COL_CLIENT_PHONE, COL_CLIENT_CATEGORY,
  COL_ITEM_ID, COL_ITEM_LIMIT_DAYS, COL_MATTER, COL_REASON, COL_MODE, COL_CHANNEL, COL_AREA,
  COL_HOME_ADDRESS, COL_APPOINTMENT_AT, COL_PRIORITY, COL_RESPONSIBLE_ID,
  COL_RESPONSIBLE_NUMBER, COL_RESPONSIBLE_NAME, COL_ACCEPTED_BY, COL_ACCEPTED_BY_NUMBER,
  COL_ACCEPTED_BY_NAME, COL_ACCEPTED_AT, COL_HANDLER_ID, COL_HANDLER_NUMBER, COL_HANDLER_NAME,
  COL_APPLIED_AT, COL_LIMIT_DAYS, COL_DEADLINE, COL_DIFFICULTY, COL_ESTIMATED_DAYS,
  COL_PROCESS_PLAN, COL_ANALYSIS_CONFIRMED, COL_ACCEPTANCE_NOTES, COL_REFUSAL_REASON,
  COL_RESULT, COL_DELIVERY, COL_COMPLETED_AT, COL_ARCHIVE_NUMBER, COL_ARCHIVED_AT,
  COL_RESUME_BY, COL_PARENT_CASE_ID, COL_PARENT_NUMBER, COL_REMARK,
  COL_CREATED_BY, COL_CREATED_AT, COL_UPDATED_AT, COL_VERSION,
  N_CASE_COLUMNS
};

#define S G_TYPE_STRING
#define I G_TYPE_INT64
static const GType case_types[N_CASE_COLUMNS + 1] = {
  I, S, S, S, I, S, S,
  S, S, S, S,
  I, I, S, S, S, S, S,
  S, I, I, I,
  S, S, I, S,
  S, I, I, S, S,
  I, I, S, S, I,
  S, I, S, S,
  S, S, I, S, I,
  S, I, S, S,
  I, I, I, I,
  G_TYPE_NONE
};

/* Writing a case */

static const char SQL_UPDATE_CASE[] =
  "UPDATE bb_case SET state = ##state::string, area = ##area::string::null, "
  "responsible_id = ##responsible_id::gint64::null, accepted_by = ##accepted_by::gint64::null, "
  "accepted_at = ##accepted_at::gint64::null, handler_id = ##handler_id::gint64::null, "
  "limit_days = ##limit_days::gint::null, deadline = ##deadline::string::null, "
  "difficulty = ##difficulty::string::null, estimated_days = ##estimated_days::gint::null, "
  "process_plan = ##process_plan::string::null, analysis_confirmed = ##analysis_confirmed::gint, "
  "acceptance_notes = ##acceptance_notes::string::null, "
  "refusal_reason = ##refusal_reason::string::null, result = ##result::string::null, "
  "delivery = ##delivery::string::null, completed_at = ##completed_at::gint64::null, "
  "archive_number = ##archive_number::string::null, archived_at = ##archived_at::gint64::null, "
  "resume_by = ##resume_by::string::null, remark = ##remark::string::null, "
  "updated_at = ##updated_at::gint64, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";

#define INSERT_CASE \
  "INSERT INTO bb_case (number, kind, state, client_id, item_id, matter, reason, mode, " \
  "channel, home_address, appointment_at, priority, responsible_id, applied_at, " \
  "parent_case_id, remark, created_by, created_at, updated_at) " \
  "VALUES (##number::string, ##kind::string, ##state::string, ##client_id::gint64, " \
  "##item_id::gint64::null, ##matter::string, ##reason::string::null, ##mode::string, " \
  "##channel::string, ##home_address::string::null, ##appointment_at::gint64::null, " \
  "##priority::gint, ##responsible_id::gint64::null, ##applied_at::gint64, " \
  "##parent_case_id::gint64::null, ##remark::string::null, ##created_by::gint64::null, " \
  "##created_at::gint64, ##updated_at::gint64)"
static const char SQL_INSERT_CASE[] = INSERT_CASE;
static const char SQL_INSERT_CASE_PG[] = INSERT_CASE " RETURNING id";

static const char SQL_LAST_ROWID[] = "SELECT last_insert_rowid()";

static const char SQL_CLIENT[] =
  "SELECT category FROM client WHERE id = ##id::gint64";
static const char SQL_ITEM[] =
  "SELECT name, active FROM catalogue_item WHERE id = ##id::gint64";

/* Case numbers: one counter row per year (or one for all years when the
 * format has no {year}), incremented under its row lock. */
static const char SQL_COUNTER_ENSURE[] =
  "INSERT INTO counter (name, value) VALUES (##name::string, 0) ON CONFLICT (name) DO NOTHING";
static const char SQL_COUNTER_NEXT[] =
  "UPDATE counter SET value = value + 1 WHERE name = ##name::string";
static const char SQL_COUNTER_READ[] =
  "SELECT value FROM counter WHERE name = ##name::string";
static const char SQL_NUMBER_TAKEN[] =
  "SELECT count(*) FROM bb_case WHERE number = ##number::string";

/* Child rows */

static const char SQL_COPY_CATALOGUE_MATERIALS[] =
  "INSERT INTO case_material (case_id, position, name, form, copies, how_to_obtain, present) "
  "SELECT ##case_id::gint64, position, name, form, copies, how_to_obtain, 0 "
  "FROM catalogue_material WHERE item_id = ##item_id::gint64";
static const char SQL_COPY_CASE_MATERIALS[] =
  "INSERT INTO case_material (case_id, position, name, form, copies, how_to_obtain, present, note) "
  "SELECT ##case_id::gint64, position, name, form, copies, how_to_obtain, present, note "
  "FROM case_material WHERE case_id = ##from_case_id::gint64";
static const char SQL_MATERIALS[] =
  "SELECT id, position, name, form, copies, how_to_obtain, present, note "
  "FROM case_material WHERE case_id = ##case_id::gint64 ORDER BY position, id";
static const char SQL_MATERIAL_SET_PRESENT[] =
  "UPDATE case_material SET present = ##present::gint, version = version + 1 "
  "WHERE id = ##id::gint64";
static const char SQL_MATERIAL_ADD[] =
  "INSERT INTO case_material (case_id, position, name, present) "
  "VALUES (##case_id::gint64, ##position::gint, ##name::string, ##present::gint)";

static const char SQL_DEPARTMENT_UPDATE[] =
  "UPDATE case_department SET status = ##status::string, note = ##note::string::null, "
  "updated_at = ##at::gint64, version = version + 1 "
  "WHERE case_id = ##case_id::gint64 AND name = ##name::string";
static const char SQL_DEPARTMENT_ADD[] =
  "INSERT INTO case_department (case_id, name, status, note, updated_at) "
  "VALUES (##case_id::gint64, ##name::string, ##status::string, ##note::string::null, "
  "##at::gint64)";

static const char SQL_EVENT_ADD[] =
  "INSERT INTO case_event (case_id, at, staff_id, kind, from_state, to_state, body, data) "
  "VALUES (##case_id::gint64, ##at::gint64, ##staff_id::gint64::null, ##kind::string, "
  "##from_state::string::null, ##to_state::string::null, ##body::string::null, "
  "##data::string::null)";

static const char SQL_SUSPENSION_ADD[] =
  "INSERT INTO suspension (case_id, reason, note, suspended_on, resume_by, staff_id) "
  "VALUES (##case_id::gint64, ##reason::string, ##note::string::null, ##suspended_on::string, "
  "##resume_by::string, ##staff_id::gint64::null)";
static const char SQL_SUSPENSION_OPEN[] =
  "SELECT id FROM suspension WHERE case_id = ##case_id::gint64 AND resumed_on IS NULL "
  "AND terminated = 0 ORDER BY id DESC";
static const char SQL_SUSPENSION_RESUME[] =
  "UPDATE suspension SET resumed_on = ##resumed_on::string WHERE id = ##id::gint64";
static const char SQL_SUSPENSION_TERMINATE[] =
  "UPDATE suspension SET terminated = 1 WHERE id = ##id::gint64";
static const char SQL_SUSPENSIONS[] =
  "SELECT id, reason, note, suspended_on, resume_by, resumed_on, terminated, staff_id "
  "FROM suspension WHERE case_id = ##case_id::gint64 ORDER BY id";

static const char SQL_REASSIGNMENT_ADD[] =
  "INSERT INTO reassignment (case_id, from_staff, to_staff, reason, client_told, at, by_staff) "
  "VALUES (##case_id::gint64, ##from_staff::gint64::null, ##to_staff::gint64, "
  "##reason::string, ##client_told::gint, ##at::gint64, ##by_staff::gint64::null)";

static const char SQL_HANDOVER_ADD[] =
  "INSERT INTO handover (case_id, items, received_by, at, staff_id) "
  "VALUES (##case_id::gint64, ##items::string, ##received_by::string::null, ##at::gint64, "
  "##staff_id::gint64::null)";

#define INSERT_EVALUATION \
  "INSERT INTO evaluation (case_id, level, comment, channel, integrity_ok, at, staff_id) " \
  "VALUES (##case_id::gint64, ##level::gint, ##comment::string::null, ##channel::string, " \
  "##integrity_ok::gint, ##at::gint64, ##staff_id::gint64::null)"
static const char SQL_EVALUATION_ADD[] = INSERT_EVALUATION;
static const char SQL_EVALUATION_ADD_PG[] = INSERT_EVALUATION " RETURNING id";
static const char SQL_EVALUATION_COUNT[] =
  "SELECT count(*) FROM evaluation WHERE case_id = ##case_id::gint64";

#define INSERT_RECTIFICATION \
  "INSERT INTO rectification (evaluation_id, case_id, state, deadline, responsible_id, " \
  "created_at) VALUES (##evaluation_id::gint64, ##case_id::gint64, 'open', " \
  "##deadline::string, ##responsible_id::gint64::null, ##at::gint64)"
static const char SQL_RECTIFICATION_ADD[] = INSERT_RECTIFICATION;
static const char SQL_RECTIFICATION_ADD_PG[] = INSERT_RECTIFICATION " RETURNING id";

static const char SQL_FOLLOW_UP_ADD[] =
  "INSERT INTO follow_up (case_id, at, staff_id, body) "
  "VALUES (##case_id::gint64, ##at::gint64, ##staff_id::gint64::null, ##body::string)";

static const char SQL_DUE_FOR_TERMINATION[] =
  "SELECT number, version FROM bb_case WHERE state = 'suspended' "
  "AND resume_by < ##today::string ORDER BY id";

G_DEFINE_BOXED_TYPE (BbCase, bb_case, bb_case_copy, bb_case_free)

/* Small helpers */

static void
set_id (GdaSet     *params,
        const char *name,
        gint64      id)
{
  if (id > 0)
    bb_params_set_int64 (params, name, id);
  else
    bb_params_set_null (params, name);
}

static void
set_positive_int (GdaSet     *params,
                  const char *name,
                  int         value)
{
  if (value > 0)
    bb_params_set_int (params, name, value);
  else
    bb_params_set_null (params, name);
}

static void
set_instant (GdaSet     *params,
             const char *name,
             gint64      usec)
{
  if (usec != 0)
    bb_params_set_int64 (params, name, usec);
  else
    bb_params_set_null (params, name);
}

static gboolean
iso_to_date (const char *iso,
             GDate      *out)
{
  return iso != NULL && bb_validate_date (iso, out, NULL);
}

/* The day an instant falls on, in the time zone of record. */
static void
usec_to_date (gint64  usec,
              GDate  *out)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
usec_to_iso8601 (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static gint64
select_count (BbDatabase  *db,
              const char  *sql,
              const char  *param,
              gint64       id,
              GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_int64 (params, param, id);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, 0);
}

/* Runs an INSERT and returns the new row's id: RETURNING on PostgreSQL,
 * last_insert_rowid() on SQLite (whose libgda provider mishandles
 * RETURNING). The two statements take the same parameters. */
static GdaStatement *
prepare_insert (BbDatabase *db,
                const char *sql_sqlite,
                const char *sql_pg)
{
  return bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_SQLITE ? sql_sqlite
                                                                                  : sql_pg);
}

static gint64
execute_insert (BbDatabase    *db,
                GdaStatement  *statement,
                GdaSet        *params,
                GError       **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  if (bb_database_get_engine (db) == BB_ENGINE_SQLITE)
    {
      if (bb_database_execute (db, statement, params, error) < 0)
        return 0;
      model = bb_database_select (db, bb_database_prepare (db, SQL_LAST_ROWID), NULL, types,
                                  error);
    }
  else
    model = bb_database_select (db, statement, params, types, error);

  if (model == NULL)
    return 0;
  return bb_model_get_int64 (model, 0, 0, 0);
}

static GdaDataModel *
select_children (BbDatabase   *db,
                 const char   *sql,
                 gint64        case_id,
                 const GType  *types,
                 GError      **error)
{
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_int64 (params, "case_id", case_id);
  return bb_database_select (db, statement, params, types, error);
}

/* BbCase */

BbCase *
bb_case_copy (const BbCase *kase)
{
  BbCase *copy;

  g_return_val_if_fail (kase != NULL, NULL);

  copy = g_memdup2 (kase, sizeof *kase);
  copy->number = g_strdup (kase->number);
  copy->client_name = g_strdup (kase->client_name);
  copy->client_kind = g_strdup (kase->client_kind);
  copy->client_category = g_strdup (kase->client_category);
  copy->client_id_number = g_strdup (kase->client_id_number);
  copy->client_credit_code = g_strdup (kase->client_credit_code);
  copy->client_phone = g_strdup (kase->client_phone);
  copy->matter = g_strdup (kase->matter);
  copy->reason = g_strdup (kase->reason);
  copy->mode = g_strdup (kase->mode);
  copy->channel = g_strdup (kase->channel);
  copy->area = g_strdup (kase->area);
  copy->home_address = g_strdup (kase->home_address);
  copy->responsible_number = g_strdup (kase->responsible_number);
  copy->responsible_name = g_strdup (kase->responsible_name);
  copy->accepted_by_number = g_strdup (kase->accepted_by_number);
  copy->accepted_by_name = g_strdup (kase->accepted_by_name);
  copy->handler_number = g_strdup (kase->handler_number);
  copy->handler_name = g_strdup (kase->handler_name);
  copy->deadline = g_strdup (kase->deadline);
  copy->difficulty = g_strdup (kase->difficulty);
  copy->process_plan = g_strdup (kase->process_plan);
  copy->acceptance_notes = g_strdup (kase->acceptance_notes);
  copy->refusal_reason = g_strdup (kase->refusal_reason);
  copy->result = g_strdup (kase->result);
  copy->delivery = g_strdup (kase->delivery);
  copy->archive_number = g_strdup (kase->archive_number);
  copy->resume_by = g_strdup (kase->resume_by);
  copy->parent_number = g_strdup (kase->parent_number);
  copy->converted_to = g_strdup (kase->converted_to);
  copy->remark = g_strdup (kase->remark);
  return copy;
}

void
bb_case_free (BbCase *kase)
{
  if (kase == NULL)
    return;
  g_free (kase->number);
  g_free (kase->client_name);
  g_free (kase->client_kind);
  g_free (kase->client_category);
  g_free (kase->client_id_number);
  g_free (kase->client_credit_code);
  g_free (kase->client_phone);
  g_free (kase->matter);
  g_free (kase->reason);
  g_free (kase->mode);
  g_free (kase->channel);
  g_free (kase->area);
  g_free (kase->home_address);
  g_free (kase->responsible_number);
  g_free (kase->responsible_name);
  g_free (kase->accepted_by_number);
  g_free (kase->accepted_by_name);
  g_free (kase->handler_number);
  g_free (kase->handler_name);
  g_free (kase->deadline);
  g_free (kase->difficulty);
  g_free (kase->process_plan);
  g_free (kase->acceptance_notes);
  g_free (kase->refusal_reason);
  g_free (kase->result);
  g_free (kase->delivery);
  g_free (kase->archive_number);
  g_free (kase->resume_by);
  g_free (kase->parent_number);
  g_free (kase->converted_to);
  g_free (kase->remark);
  g_free (kase);
}

static void
material_free (BbCaseMaterial *material)
{
  g_free (material->name);
  g_free (material->form);
  g_free (material->how_to_obtain);
  g_free (material->note);
  g_free (material);
}

static void
department_free (BbCaseDepartment *department)
{
  g_free (department->name);
  g_free (department->status);
  g_free (department->note);
  g_free (department);
}

static void
event_free (BbCaseEvent *event)
{
  g_free (event->staff_number);
  g_free (event->staff_name);
  g_free (event->kind);
  g_free (event->from_state);
  g_free (event->to_state);
  g_free (event->body);
  g_free (event->data);
  g_free (event);
}

static void
suspension_free (BbSuspension *suspension)
{
  g_free (suspension->note);
  g_free (suspension->suspended_on);
  g_free (suspension->resume_by);
  g_free (suspension->resumed_on);
  g_free (suspension);
}

static void
reassignment_free (BbReassignment *reassignment)
{
  g_free (reassignment->from_number);
  g_free (reassignment->from_name);
  g_free (reassignment->to_number);
  g_free (reassignment->to_name);
  g_free (reassignment->reason);
  g_free (reassignment);
}

static void
handover_free (BbHandover *handover)
{
  g_free (handover->items);
  g_free (handover->received_by);
  g_free (handover);
}

static void
evaluation_free (BbEvaluation *evaluation)
{
  g_free (evaluation->comment);
  g_free (evaluation->channel);
  g_free (evaluation);
}

static void
rectification_free (BbRectification *rectification)
{
  g_free (rectification->state);
  g_free (rectification->deadline);
  g_free (rectification->measures);
  g_free (rectification->return_visit);
  g_free (rectification);
}

static void
follow_up_free (BbFollowUp *follow_up)
{
  g_free (follow_up->body);
  g_free (follow_up);
}

void
bb_case_detail_free (BbCaseDetail *detail)
{
  if (detail == NULL)
    return;
  g_clear_pointer (&detail->kase, bb_case_free);
  g_clear_pointer (&detail->materials, g_ptr_array_unref);
  g_clear_pointer (&detail->departments, g_ptr_array_unref);
  g_clear_pointer (&detail->events, g_ptr_array_unref);
  g_clear_pointer (&detail->suspensions, g_ptr_array_unref);
  g_clear_pointer (&detail->reassignments, g_ptr_array_unref);
  g_clear_pointer (&detail->handovers, g_ptr_array_unref);
  g_clear_pointer (&detail->evaluations, g_ptr_array_unref);
  g_clear_pointer (&detail->rectifications, g_ptr_array_unref);
  g_clear_pointer (&detail->follow_ups, g_ptr_array_unref);
  g_free (detail);
}

/**
 * bb_deadline_state_label:
 *
 * Returns: the deadline state in words, translated
 */
const char *
bb_deadline_state_label (BbDeadlineState state)
{
  switch (state)
    {
    case BB_DEADLINE_OK:
      return _("On time");
    case BB_DEADLINE_DUE_SOON:
      return _("Due soon");
    case BB_DEADLINE_OVERDUE:
      return _("Overdue");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bb_deadline_state_to_string (BbDeadlineState state)
{
  switch (state)
    {
    case BB_DEADLINE_OK:
      return "ok";
    case BB_DEADLINE_DUE_SOON:
      return "due-soon";
    case BB_DEADLINE_OVERDUE:
      return "overdue";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Whether @actor may see the full ID number of @kase's client. */
static gboolean
may_reveal (const BbActor *actor,
            gint64         responsible_id)
{
  if (actor->staff_id > 0 && actor->staff_id == responsible_id)
    return TRUE;
  return bb_actor_can (actor, BB_PERM_VIEW_ID_ANY);
}

/* Copies row @row of @model, whose columns are of @types (strings and
 * integers, ending with G_TYPE_NONE), into @texts and @numbers as
 * bb_json_read_row() gives a row: %NULL texts for the integer columns, and
 * @numbers left as they are for null. */
static void
values_from_model (GdaDataModel *model,
                   int           row,
                   const GType  *types,
                   char        **texts,
                   gint64       *numbers)
{
  for (int column = 0; types[column] != G_TYPE_NONE; column++)
    {
      if (types[column] == G_TYPE_STRING)
        texts[column] = bb_model_dup_string (model, column, row);
      else
        {
          texts[column] = NULL;
          numbers[column] = bb_model_get_int64 (model, column, row, numbers[column]);
        }
    }
}

static void
free_texts (char  **texts,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    g_free (texts[i]);
}

/* A case from the values of BB_CASE_COLUMNS (null numbers 0), whether read
 * through a model or from JSON; takes the texts it keeps out of @texts. */
static BbCase *
case_from_values (char          **texts,
                  const gint64   *numbers,
                  const BbActor  *actor)
{
  BbCase *kase = g_new0 (BbCase, 1);

#define STR(col) g_steal_pointer (&texts[(col)])
#define INT(col) numbers[(col)]

  kase->id = INT (COL_ID);
  kase->number = STR (COL_NUMBER);
  if (!bb_case_kind_from_string (texts[COL_KIND], &kase->kind))
    g_warning ("Case %s has an unknown kind “%s”", kase->number, texts[COL_KIND]);
  if (!bb_case_state_from_string (texts[COL_STATE], &kase->state))
    g_warning ("Case %s has an unknown state “%s”", kase->number, texts[COL_STATE]);

  kase->client_id = INT (COL_CLIENT_ID);
  kase->client_name = STR (COL_CLIENT_NAME);
  kase->client_kind = STR (COL_CLIENT_KIND);
  kase->client_category = STR (COL_CLIENT_CATEGORY);
  kase->client_credit_code = STR (COL_CLIENT_CREDIT_CODE);

  kase->item_id = INT (COL_ITEM_ID);
  kase->item_limit_days = (int) INT (COL_ITEM_LIMIT_DAYS);
  kase->matter = STR (COL_MATTER);
  kase->reason = STR (COL_REASON);
  kase->mode = STR (COL_MODE);
  kase->channel = STR (COL_CHANNEL);
  kase->area = STR (COL_AREA);
  kase->home_address = STR (COL_HOME_ADDRESS);
  kase->appointment_at = INT (COL_APPOINTMENT_AT);
  kase->priority = (int) INT (COL_PRIORITY);

  kase->responsible_id = INT (COL_RESPONSIBLE_ID);
  kase->responsible_number = STR (COL_RESPONSIBLE_NUMBER);
  kase->responsible_name = STR (COL_RESPONSIBLE_NAME);
  kase->accepted_by = INT (COL_ACCEPTED_BY);
  kase->accepted_by_number = STR (COL_ACCEPTED_BY_NUMBER);
  kase->accepted_by_name = STR (COL_ACCEPTED_BY_NAME);
  kase->accepted_at = INT (COL_ACCEPTED_AT);
  kase->handler_id = INT (COL_HANDLER_ID);
  kase->handler_number = STR (COL_HANDLER_NUMBER);
  kase->handler_name = STR (COL_HANDLER_NAME);

  kase->applied_at = INT (COL_APPLIED_AT);
  kase->limit_days = (int) INT (COL_LIMIT_DAYS);
  kase->deadline = STR (COL_DEADLINE);
  kase->difficulty = STR (COL_DIFFICULTY);
  kase->estimated_days = (int) INT (COL_ESTIMATED_DAYS);
  kase->process_plan = STR (COL_PROCESS_PLAN);
  kase->analysis_confirmed = INT (COL_ANALYSIS_CONFIRMED) != 0;
  kase->acceptance_notes = STR (COL_ACCEPTANCE_NOTES);
  kase->refusal_reason = STR (COL_REFUSAL_REASON);
  kase->result = STR (COL_RESULT);
  kase->delivery = STR (COL_DELIVERY);
  kase->completed_at = INT (COL_COMPLETED_AT);
  kase->archive_number = STR (COL_ARCHIVE_NUMBER);
  kase->archived_at = INT (COL_ARCHIVED_AT);
  kase->resume_by = STR (COL_RESUME_BY);
  kase->parent_case_id = INT (COL_PARENT_CASE_ID);
  kase->parent_number = STR (COL_PARENT_NUMBER);
  kase->remark = STR (COL_REMARK);
  kase->created_by = INT (COL_CREATED_BY);
  kase->created_at = INT (COL_CREATED_AT);
  kase->updated_at = INT (COL_UPDATED_AT);
  kase->version = (int) INT (COL_VERSION);

  kase->client_id_revealed = may_reveal (actor, kase->responsible_id);
  if (kase->client_id_revealed)
    {
      kase->client_id_number = STR (COL_CLIENT_ID_NUMBER);
      kase->client_phone = STR (COL_CLIENT_PHONE);
    }
  else
    {
      const char *id_number = texts[COL_CLIENT_ID_NUMBER];
      const char *phone = texts[COL_CLIENT_PHONE];

      kase->client_id_number = id_number != NULL ? bb_mask_id_number (id_number) : NULL;
      kase->client_phone = phone != NULL ? bb_mask_phone (phone) : NULL;
    }

#undef STR
#undef INT

  return kase;
}

static BbCase *
case_from_model (GdaDataModel  *model,
                 const BbActor *actor)
{
  char *texts[N_CASE_COLUMNS];
  gint64 numbers[N_CASE_COLUMNS] = { 0 };
  BbCase *kase;

  values_from_model (model, 0, case_types, texts, numbers);
  kase = case_from_values (texts, numbers, actor);
  free_texts (texts, N_CASE_COLUMNS);
  return kase;
}

/* The 代办 case a converted case became, from the data of its convert
 * event: `{"converted_to": number}`. */
static char *
converted_to_from_data (const char *data)
{
  g_autoptr(JsonNode) node = data != NULL ? json_from_string (data, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (node),
                                                               "converted_to", NULL));
}

/* Reads one case by number (when @number is not %NULL) or id. */
static BbCase *
read_case (BbDatabase     *db,
           const BbActor  *actor,
           const char     *number,
           gint64          id,
           GError        **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(BbCase) kase = NULL;

  statement = bb_database_prepare (db, number != NULL ? SQL_CASE_BY_NUMBER : SQL_CASE_BY_ID);
  params = bb_database_new_params (db, statement);
  if (number != NULL)
    bb_params_set_string (params, "number", number);
  else
    bb_params_set_int64 (params, "id", id);

  model = bb_database_select (db, statement, params, case_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      if (number != NULL)
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("There is no case numbered “%s”"),
                     number);
      else
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("There is no case with the id %lld"), (long long) id);
      return NULL;
    }
  kase = case_from_model (model, actor);

  if (kase->state == BB_STATE_CONVERTED)
    {
      static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
      g_autoptr(GdaDataModel) event = select_children (db, SQL_CONVERTED_TO, kase->id, types,
                                                       error);
      g_autofree char *data = NULL;

      if (event == NULL)
        return NULL;
      if (gda_data_model_get_n_rows (event) > 0)
        data = bb_model_dup_string (event, 0, 0);
      kase->converted_to = converted_to_from_data (data);
    }
  return g_steal_pointer (&kase);
}

static void
compute_deadline_state (BbCase      *kase,
                        BbCalendar  *calendar,
                        const GDate *today)
{
  GDate deadline;

  kase->deadline_running = FALSE;
  kase->deadline_state = BB_DEADLINE_OK;
  kase->remaining_days = 0;

  if (kase->state != BB_STATE_HANDLING || !iso_to_date (kase->deadline, &deadline))
    return;

  kase->deadline_running = TRUE;
  kase->deadline_state = bb_calendar_deadline_state (calendar, today, &deadline);
  kase->remaining_days = bb_calendar_remaining (calendar, today, &deadline);
}

/* JSON snapshots for the audit trail */

static void
json_set_text (JsonObject *object,
               const char *name,
               const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static void
json_set_id (JsonObject *object,
             const char *name,
             gint64      value)
{
  if (value != 0)
    json_object_set_int_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/* The columns an action may change, named as in bb_case; with @full, the
 * ones set once at creation too. */
static JsonObject *
case_columns (const BbCase *kase,
              gboolean      full)
{
  JsonObject *object = json_object_new ();

  if (full)
    {
      json_set_text (object, "number", kase->number);
      json_set_text (object, "kind", bb_case_kind_to_string (kase->kind));
      json_set_id (object, "client_id", kase->client_id);
      json_set_id (object, "item_id", kase->item_id);
      json_set_text (object, "matter", kase->matter);
      json_set_text (object, "reason", kase->reason);
      json_set_text (object, "mode", kase->mode);
      json_set_text (object, "channel", kase->channel);
      json_set_text (object, "home_address", kase->home_address);
      json_set_id (object, "appointment_at", kase->appointment_at);
      json_object_set_int_member (object, "priority", kase->priority);
      json_set_id (object, "applied_at", kase->applied_at);
      json_set_id (object, "parent_case_id", kase->parent_case_id);
      json_set_id (object, "created_by", kase->created_by);
    }
  json_set_text (object, "state", bb_case_state_to_string (kase->state));
  json_set_text (object, "area", kase->area);
  json_set_id (object, "responsible_id", kase->responsible_id);
  json_set_id (object, "accepted_by", kase->accepted_by);
  json_set_id (object, "accepted_at", kase->accepted_at);
  json_set_id (object, "handler_id", kase->handler_id);
  json_set_id (object, "limit_days", kase->limit_days);
  json_set_text (object, "deadline", kase->deadline);
  json_set_text (object, "difficulty", kase->difficulty);
  json_set_id (object, "estimated_days", kase->estimated_days);
  json_set_text (object, "process_plan", kase->process_plan);
  json_object_set_int_member (object, "analysis_confirmed", kase->analysis_confirmed ? 1 : 0);
  json_set_text (object, "acceptance_notes", kase->acceptance_notes);
  json_set_text (object, "refusal_reason", kase->refusal_reason);
  json_set_text (object, "result", kase->result);
  json_set_text (object, "delivery", kase->delivery);
  json_set_id (object, "completed_at", kase->completed_at);
  json_set_text (object, "archive_number", kase->archive_number);
  json_set_id (object, "archived_at", kase->archived_at);
  json_set_text (object, "resume_by", kase->resume_by);
  json_set_text (object, "remark", kase->remark);
  json_object_set_int_member (object, "version", kase->version);
  return object;
}

/* Keeps in @before and @after only the members whose values differ. */
static void
keep_changes (JsonObject *before,
              JsonObject *after)
{
  g_autoptr(GList) names = json_object_get_members (after);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *a = json_object_get_member (after, name);
      JsonNode *b = json_object_get_member (before, name);

      if (b != NULL && json_node_equal (a, b))
        {
          json_object_remove_member (before, name);
          json_object_remove_member (after, name);
        }
    }
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* The timeline */

static gboolean
insert_event (BbDatabase     *db,
              gint64          case_id,
              gint64          at,
              const BbActor  *actor,
              const char     *kind,
              const char     *from_state,
              const char     *to_state,
              const char     *body,
              JsonObject     *data,
              GError        **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_EVENT_ADD);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autofree char *data_text = NULL;

  if (data != NULL && json_object_get_size (data) > 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, data);
      data_text = json_to_string (node, FALSE);
    }

  bb_params_set_int64 (params, "case_id", case_id);
  bb_params_set_int64 (params, "at", at);
  set_id (params, "staff_id", actor->staff_id);
  bb_params_set_string (params, "kind", kind);
  bb_params_set_string (params, "from_state", from_state);
  bb_params_set_string (params, "to_state", to_state);
  bb_params_set_string (params, "body", body);
  bb_params_set_string (params, "data", data_text);
  return bb_database_execute (db, statement, params, error) >= 0;
}

/* Case numbers */

/* Expands {year}, {seq} and {seq:N} (zero-padded to N digits); any other
 * text is kept as it is. */
static char *
format_number (const char *format,
               int         year,
               gint64      seq)
{
  GString *number = g_string_new (NULL);
  const char *p = format;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append_printf (number, "%04d", year);
          p += strlen ("{year}");
        }
      else if (g_str_has_prefix (p, "{seq}"))
        {
          g_string_append_printf (number, "%" G_GINT64_FORMAT, seq);
          p += strlen ("{seq}");
        }
      else if (g_str_has_prefix (p, "{seq:") && strchr (p, '}') != NULL)
        {
          const char *end = strchr (p, '}');
          g_autofree char *width_text = g_strndup (p + 5, end - (p + 5));
          guint64 width = 0;

          if (!g_ascii_string_to_unsigned (width_text, 10, 0, 18, &width, NULL))
            width = 0;
          g_string_append_printf (number, "%0*" G_GINT64_FORMAT, (int) width, seq);
          p = end + 1;
        }
      else
        {
          g_string_append_c (number, *p);
          p++;
        }
    }

  return g_string_free (number, FALSE);
}

static gboolean
run_with_name (BbDatabase  *db,
               const char  *sql,
               const char  *name,
               GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_string (params, "name", name);
  return bb_database_execute (db, statement, params, error) >= 0;
}

/* Takes the next number, inside the caller's transaction. The counter row's
 * lock (PostgreSQL) or the write lock (SQLite, BEGIN IMMEDIATE) holds off
 * any other creator until this transaction ends. */
static char *
next_case_number (BbDatabase  *db,
                  GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autofree char *format = NULL;
  g_autofree char *counter = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate today;
  int year;

  format = bb_settings_repo_get (db, BB_SETTING_CASE_NUMBER_FORMAT, NULL, &local_error);
  if (format == NULL)
    {
      if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      format = g_strdup (DEFAULT_NUMBER_FORMAT);
    }
  if (strstr (format, "{seq") == NULL)
    {
      g_free (format);
      format = g_strdup (DEFAULT_NUMBER_FORMAT);
    }

  bb_clock_today (&today);
  year = g_date_get_year (&today);
  counter = strstr (format, "{year}") != NULL ? g_strdup_printf ("case:%04d", year)
                                              : g_strdup ("case");

  if (!run_with_name (db, SQL_COUNTER_ENSURE, counter, error))
    return NULL;

  for (guint attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++)
    {
      GdaStatement *statement;
      g_autoptr(GdaSet) params = NULL;
      g_autoptr(GdaSet) taken_params = NULL;
      g_autoptr(GdaDataModel) model = NULL;
      g_autoptr(GdaDataModel) taken = NULL;
      g_autofree char *number = NULL;

      if (!run_with_name (db, SQL_COUNTER_NEXT, counter, error))
        return NULL;

      statement = bb_database_prepare (db, SQL_COUNTER_READ);
      params = bb_database_new_params (db, statement);
      bb_params_set_string (params, "name", counter);
      model = bb_database_select (db, statement, params, types, error);
      if (model == NULL)
        return NULL;

      number = format_number (format, year, bb_model_get_int64 (model, 0, 0, 0));

      /* A number the format produced before (the format was changed, or
       * a case was imported) is skipped rather than failing. */
      statement = bb_database_prepare (db, SQL_NUMBER_TAKEN);
      taken_params = bb_database_new_params (db, statement);
      bb_params_set_string (taken_params, "number", number);
      taken = bb_database_select (db, statement, taken_params, types, error);
      if (taken == NULL)
        return NULL;
      if (bb_model_get_int64 (taken, 0, 0, 0) == 0)
        return g_steal_pointer (&number);
    }

  g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
               _("No free case number was found with the format “%s”"), format);
  return NULL;
}

/* Inserts a case row and its event; returns its id. */
static gint64
insert_case (BbDatabase     *db,
             const BbActor  *actor,
             BbCase         *kase,
             GError        **error)
{
  GdaStatement *statement = prepare_insert (db, SQL_INSERT_CASE, SQL_INSERT_CASE_PG);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_string (params, "number", kase->number);
  bb_params_set_string (params, "kind", bb_case_kind_to_string (kase->kind));
  bb_params_set_string (params, "state", bb_case_state_to_string (kase->state));
  bb_params_set_int64 (params, "client_id", kase->client_id);
  set_id (params, "item_id", kase->item_id);
  bb_params_set_string (params, "matter", kase->matter);
  bb_params_set_string (params, "reason", kase->reason);
  bb_params_set_string (params, "mode", kase->mode);
  bb_params_set_string (params, "channel", kase->channel);
  bb_params_set_string (params, "home_address", kase->home_address);
  set_instant (params, "appointment_at", kase->appointment_at);
  bb_params_set_int (params, "priority", kase->priority);
  set_id (params, "responsible_id", kase->responsible_id);
  bb_params_set_int64 (params, "applied_at", kase->applied_at);
  set_id (params, "parent_case_id", kase->parent_case_id);
  bb_params_set_string (params, "remark", kase->remark);
  set_id (params, "created_by", kase->created_by);
  bb_params_set_int64 (params, "created_at", kase->created_at);
  bb_params_set_int64 (params, "updated_at", kase->updated_at);

  kase->id = execute_insert (db, statement, params, error);
  return kase->id;
}

static gboolean
copy_materials (BbDatabase  *db,
                const char  *sql,
                const char  *from_param,
                gint64       from_id,
                gint64       case_id,
                GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_int64 (params, "case_id", case_id);
  bb_params_set_int64 (params, from_param, from_id);
  return bb_database_execute (db, statement, params, error) >= 0;
}

/* Records a new case: its event, search text and audit record. */
static gboolean
record_creation (BbDatabase     *db,
                 const BbActor  *actor,
                 const BbCase   *kase,
                 JsonObject     *details,
                 GError        **error)
{
  g_autoptr(JsonNode) after = NULL;
  JsonObject *columns = case_columns (kase, TRUE);

  if (details != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (details);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (columns, l->data,
                                json_node_copy (json_object_get_member (details, l->data)));
    }
  after = object_node (columns);

  return insert_event (db, kase->id, kase->created_at, actor, "create", NULL,
                       bb_case_state_to_string (kase->state), kase->reason, details, error) &&
         bb_case_search_update (db, kase->id, error) &&
         bb_audit_record (db, actor, "case", kase->id, "create", NULL, after, error);
}

static gboolean
validate_draft (const BbCaseDraft  *draft,
                GError            **error)
{
  if (draft->kind != BB_CASE_ASSIST && draft->kind != BB_CASE_PROXY)
    {
      bb_set_field_error (error, _("Kind"), _("choose assist or proxy"));
      return FALSE;
    }
  if (draft->client_id <= 0)
    {
      bb_set_field_error (error, _("Client"), _("choose the client"));
      return FALSE;
    }
  if (draft->item_id <= 0 &&
      !bb_validate_text (_("Matter"), draft->matter, TRUE, MAX_MATTER_CHARS, error))
    return FALSE;
  if (draft->matter != NULL &&
      !bb_validate_text (_("Matter"), draft->matter, FALSE, MAX_MATTER_CHARS, error))
    return FALSE;
  if (!bb_validate_text (_("Reason"), draft->reason, FALSE, MAX_TEXT_CHARS, error) ||
      !bb_validate_text (_("Remark"), draft->remark, FALSE, MAX_TEXT_CHARS, error))
    return FALSE;
  if (draft->mode != NULL && !bb_case_mode_is_valid (draft->mode))
    {
      bb_set_field_error (error, _("Service mode"), _("choose hall, window, home or online"));
      return FALSE;
    }
  if (draft->channel != NULL && !bb_case_channel_is_valid (draft->channel))
    {
      bb_set_field_error (error, _("Channel"), _("choose onsite, phone, email or online"));
      return FALSE;
    }
  if (g_strcmp0 (draft->mode, BB_MODE_HOME) == 0)
    {
      if (!bb_validate_text (_("Home address"), draft->home_address, TRUE, MAX_MATTER_CHARS,
                             error))
        return FALSE;
      if (draft->appointment_at <= 0)
        {
          bb_set_field_error (error, _("Appointment"),
                              _("a home visit needs the agreed date and time"));
          return FALSE;
        }
    }
  else if (!bb_validate_text (_("Home address"), draft->home_address, FALSE, MAX_MATTER_CHARS,
                              error))
    return FALSE;
  return TRUE;
}

/* Workflow actions */

typedef struct
{
  BbDatabase          *db;
  const BbActor       *actor;
  const BbCaseAction  *action;
  BbCase              *before;
  BbCase              *after;
  GDate                today;
  char                *today_iso;
  gint64               now;
  JsonObject          *details;      /* the event's data and the audit's extras */
  char                *body;         /* the event's text */
  gboolean             case_written;
  gboolean             text_added;   /* the search text must be recomputed */
  gboolean             system;       /* an automatic termination */
} Act;

static void
act_clear (Act *act)
{
  g_clear_pointer (&act->before, bb_case_free);
  g_clear_pointer (&act->after, bb_case_free);
  g_clear_pointer (&act->today_iso, g_free);
  g_clear_pointer (&act->details, json_object_unref);
  g_clear_pointer (&act->body, g_free);
}

static void
act_set_body (Act        *act,
              const char *text)
{
  g_free (act->body);
  act->body = g_strdup (text != NULL && *text != '\0' ? text : NULL);
}

/* Writes the case row with the version read; exactly once per action,
 * before the action's other rows. */
static gboolean
write_case (Act     *act,
            GError **error)
{
  const BbCase *c = act->after;
  GdaStatement *statement = bb_database_prepare (act->db, SQL_UPDATE_CASE);
  g_autoptr(GdaSet) params = bb_database_new_params (act->db, statement);
  int rows;

  g_assert (!act->case_written);

  bb_params_set_string (params, "state", bb_case_state_to_string (c->state));
  bb_params_set_string (params, "area", c->area);
  set_id (params, "responsible_id", c->responsible_id);
  set_id (params, "accepted_by", c->accepted_by);
  set_instant (params, "accepted_at", c->accepted_at);
  set_id (params, "handler_id", c->handler_id);
  set_positive_int (params, "limit_days", c->limit_days);
  bb_params_set_string (params, "deadline", c->deadline);
  bb_params_set_string (params, "difficulty", c->difficulty);
  set_positive_int (params, "estimated_days", c->estimated_days);
  bb_params_set_string (params, "process_plan", c->process_plan);
  bb_params_set_int (params, "analysis_confirmed", c->analysis_confirmed ? 1 : 0);
  bb_params_set_string (params, "acceptance_notes", c->acceptance_notes);
  bb_params_set_string (params, "refusal_reason", c->refusal_reason);
  bb_params_set_string (params, "result", c->result);
  bb_params_set_string (params, "delivery", c->delivery);
  set_instant (params, "completed_at", c->completed_at);
  bb_params_set_string (params, "archive_number", c->archive_number);
  set_instant (params, "archived_at", c->archived_at);
  bb_params_set_string (params, "resume_by", c->resume_by);
  bb_params_set_string (params, "remark", c->remark);
  bb_params_set_int64 (params, "updated_at", act->now);
  bb_params_set_int64 (params, "id", c->id);
  bb_params_set_int (params, "version", act->before->version);

  rows = bb_database_execute (act->db, statement, params, error);
  if (rows < 0)
    return FALSE;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("Case %s was changed by someone else in the meantime; nothing was "
                     "overwritten. Reload it and try again."), c->number);
      return FALSE;
    }

  act->after->version = act->before->version + 1;
  act->after->updated_at = act->now;
  act->case_written = TRUE;
  return TRUE;
}

/* Resolves the staff member an action names, by id or number. */
static BbStaff *
resolve_staff (Act         *act,
               const char  *label,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BbStaff) staff = NULL;

  if (act->action->staff_id > 0)
    staff = bb_staff_repo_get (act->db, act->action->staff_id, &local_error);
  else
    staff = bb_staff_repo_find_by_number (act->db, act->action->staff_number, &local_error);

  if (staff == NULL)
    {
      if (g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        {
          if (act->action->staff_id > 0)
            bb_set_field_error (error, label, _("there is no staff member with the id %lld"),
                                (long long) act->action->staff_id);
          else
            bb_set_field_error (error, label, _("there is no staff member numbered “%s”"),
                                act->action->staff_number);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!staff->active)
    {
      bb_set_field_error (error, label, _("%s (%s) is no longer active"), staff->name,
                          staff->number);
      return NULL;
    }
  return g_steal_pointer (&staff);
}

static BbCalendar *
load_calendar (BbDatabase  *db,
               GError     **error)
{
  return bb_holiday_repo_load_calendar (db, error);
}

/* Materials */

/* The values of a checklist row (SQL_MATERIALS, and the detail's), read
 * through a model or from JSON. */
static const GType material_types[] = {
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE
};
#define N_MATERIAL_VALUES (G_N_ELEMENTS (material_types) - 1)
/* What a null stands for: one copy. */
#define MATERIAL_DEFAULTS { [4] = 1 }
static const gint64 material_defaults[N_MATERIAL_VALUES] = MATERIAL_DEFAULTS;

static gpointer
material_from_values (char         **texts,
                      const gint64  *numbers)
{
  BbCaseMaterial *m = g_new0 (BbCaseMaterial, 1);

  m->id = numbers[0];
  m->position = (int) numbers[1];
  m->name = g_steal_pointer (&texts[2]);
  m->form = g_steal_pointer (&texts[3]);
  m->copies = (int) numbers[4];
  m->how_to_obtain = g_steal_pointer (&texts[5]);
  m->present = numbers[6] != 0;
  m->note = g_steal_pointer (&texts[7]);
  return m;
}

static GPtrArray *
read_materials (BbDatabase  *db,
                gint64       case_id,
                GError     **error)
{
  g_autoptr(GdaDataModel) model = select_children (db, SQL_MATERIALS, case_id, material_types,
                                                   error);
  GPtrArray *materials;
  int n;

  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  materials = g_ptr_array_new_full (n, (GDestroyNotify) material_free);
  for (int row = 0; row < n; row++)
    {
      char *texts[N_MATERIAL_VALUES];
      gint64 numbers[N_MATERIAL_VALUES];

      memcpy (numbers, material_defaults, sizeof numbers);
      values_from_model (model, row, material_types, texts, numbers);
      g_ptr_array_add (materials, material_from_values (texts, numbers));
      free_texts (texts, N_MATERIAL_VALUES);
    }
  return materials;
}

static BbCaseMaterial *
find_material (GPtrArray  *materials,
               const char *name)
{
  for (guint i = 0; i < materials->len; i++)
    {
      BbCaseMaterial *m = g_ptr_array_index (materials, i);

      if (g_strcmp0 (m->name, name) == 0)
        return m;
    }
  return NULL;
}

/* Marks materials present or missing; a name not on the checklist is added
 * to it (a matter outside the catalogue has no checklist to start from). */
static gboolean
mark_materials (Act        *act,
                GPtrArray  *materials,
                char      **names,
                gboolean    present,
                JsonArray  *changed,
                GError    **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      BbCaseMaterial *m = find_material (materials, names[i]);
      GdaStatement *statement;
      g_autoptr(GdaSet) params = NULL;

      if (m != NULL && m->present == present)
        continue;

      if (m != NULL)
        {
          statement = bb_database_prepare (act->db, SQL_MATERIAL_SET_PRESENT);
          params = bb_database_new_params (act->db, statement);
          bb_params_set_int (params, "present", present ? 1 : 0);
          bb_params_set_int64 (params, "id", m->id);
          m->present = present;
        }
      else
        {
          BbCaseMaterial *last = materials->len > 0
                                 ? g_ptr_array_index (materials, materials->len - 1) : NULL;
          BbCaseMaterial *added = g_new0 (BbCaseMaterial, 1);

          added->name = g_strdup (names[i]);
          added->position = last != NULL ? last->position + 1 : 1;
          added->present = present;
          g_ptr_array_add (materials, added);

          statement = bb_database_prepare (act->db, SQL_MATERIAL_ADD);
          params = bb_database_new_params (act->db, statement);
          bb_params_set_int64 (params, "case_id", act->before->id);
          bb_params_set_int (params, "position", added->position);
          bb_params_set_string (params, "name", added->name);
          bb_params_set_int (params, "present", present ? 1 : 0);
        }
      if (bb_database_execute (act->db, statement, params, error) < 0)
        return FALSE;
      json_array_add_string_element (changed, names[i]);
    }
  return TRUE;
}

/* “Present: A, B / Missing: C”, then the note. */
static void
set_materials_body (Act   *act,
                    char **present,
                    char **missing)
{
  g_autoptr(GString) body = g_string_new (NULL);

  if (present != NULL && present[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("、", present);

      /* Translators: materials found present on the checklist */
      g_string_append_printf (body, _("Present: %s"), names);
    }
  if (missing != NULL && missing[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("、", missing);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: materials found missing on the checklist */
      g_string_append_printf (body, _("Missing: %s"), names);
    }
  if (act->action->text != NULL && *act->action->text != '\0')
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, act->action->text);
    }
  act_set_body (act, body->str);
}

static gboolean
perform_materials (Act     *act,
                   GError **error)
{
  g_autoptr(GPtrArray) materials = read_materials (act->db, act->before->id, error);
  JsonArray *present = json_array_new ();
  JsonArray *missing = json_array_new ();

  json_object_set_array_member (act->details, "present", present);
  json_object_set_array_member (act->details, "missing", missing);

  if (materials == NULL || !write_case (act, error))
    return FALSE;

  if (!mark_materials (act, materials, act->action->present, TRUE, present, error) ||
      !mark_materials (act, materials, act->action->missing, FALSE, missing, error))
    return FALSE;
  set_materials_body (act, act->action->present, act->action->missing);
  return TRUE;
}

static gboolean
perform_notify_missing (Act     *act,
                        GError **error)
{
  g_autoptr(GPtrArray) materials = read_materials (act->db, act->before->id, error);
  g_autoptr(GString) body = g_string_new (NULL);
  JsonArray *missing;

  if (materials == NULL)
    return FALSE;

  missing = json_array_new ();
  json_object_set_array_member (act->details, "missing", missing);
  for (guint i = 0; i < materials->len; i++)
    {
      BbCaseMaterial *m = g_ptr_array_index (materials, i);
      JsonObject *entry;

      if (m->present)
        continue;

      entry = json_object_new ();
      json_object_set_string_member (entry, "name", m->name);
      json_set_text (entry, "form", m->form);
      json_object_set_int_member (entry, "copies", m->copies > 0 ? m->copies : 1);
      json_set_text (entry, "how_to_obtain", m->how_to_obtain);
      json_array_add_object_element (missing, entry);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      if (m->how_to_obtain != NULL)
        /* Translators: one line of the one-time notice: a missing material,
         * then how to obtain it */
        g_string_append_printf (body, _("%s — %s"), m->name, m->how_to_obtain);
      else
        g_string_append (body, m->name);
    }

  if (json_array_get_length (missing) == 0)
    {
      bb_set_field_error (error, _("Materials"),
                          _("no material is missing, so there is nothing to notify"));
      return FALSE;
    }
  if (act->action->text != NULL && *act->action->text != '\0')
    g_string_append_printf (body, "\n%s", act->action->text);

  act_set_body (act, body->str);
  return write_case (act, error);
}

static gboolean
perform_supplement (Act     *act,
                    GError **error)
{
  g_autoptr(GPtrArray) materials = read_materials (act->db, act->before->id, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonArray *supplied;

  if (materials == NULL)
    return FALSE;

  if (act->action->present != NULL && act->action->present[0] != NULL)
    {
      for (guint i = 0; act->action->present[i] != NULL; i++)
        {
          BbCaseMaterial *m = find_material (materials, act->action->present[i]);

          if (m == NULL || m->present)
            {
              bb_set_field_error (error, _("Materials present"),
                                  _("“%s” is not a missing material of this case"),
                                  act->action->present[i]);
              return FALSE;
            }
          g_ptr_array_add (names, m->name);
        }
    }
  else
    {
      for (guint i = 0; i < materials->len; i++)
        {
          BbCaseMaterial *m = g_ptr_array_index (materials, i);

          if (!m->present)
            g_ptr_array_add (names, m->name);
        }
      if (names->len == 0)
        {
          bb_set_field_error (error, _("Materials"),
                              _("no material is missing, so there is nothing to supplement"));
          return FALSE;
        }
    }
  g_ptr_array_add (names, NULL);

  if (!write_case (act, error))
    return FALSE;

  supplied = json_array_new ();
  json_object_set_array_member (act->details, "present", supplied);
  set_materials_body (act, (char **) names->pdata, NULL);
  return mark_materials (act, materials, (char **) names->pdata, TRUE, supplied, error);
}

static gboolean
perform_request_supplement (Act     *act,
                            GError **error)
{
  g_autoptr(GPtrArray) materials = read_materials (act->db, act->before->id, error);
  g_autoptr(BbCalendar) calendar = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *due_iso = NULL;
  int days;
  JsonArray *missing;
  GDate due;

  if (materials == NULL || !write_case (act, error))
    return FALSE;

  /* The client has `supplement_days` working days to supply them (the
   * standard's § 服务中止与续办: not supplied in time, the case may be
   * suspended). */
  calendar = load_calendar (act->db, error);
  if (calendar == NULL)
    return FALSE;
  days = bb_settings_repo_get_days (act->db, BB_SETTING_SUPPLEMENT_DAYS, 5);
  bb_calendar_add_working_days (calendar, &act->today, (guint) days, &due);
  due_iso = bb_date_to_iso (&due);
  json_object_set_string_member (act->details, "supplement_due", due_iso);

  missing = json_array_new ();
  json_object_set_array_member (act->details, "missing", missing);
  /* Translators: the day by which the client is to supply missing materials */
  g_string_append_printf (body, _("Supplement by %s"), due_iso);
  if (act->action->text != NULL && *act->action->text != '\0')
    g_string_append_printf (body, "\n%s", act->action->text);
  act_set_body (act, body->str);
  return mark_materials (act, materials, act->action->missing, FALSE, missing, error);
}

/* Creating the linked 代办 case of a 帮办 case too hard to finish on the spot. */
static gboolean
perform_convert (Act     *act,
                 GError **error)
{
  g_autoptr(BbCase) proxy = bb_case_copy (act->before);
  g_autoptr(JsonObject) created = json_object_new ();

  if (!write_case (act, error))
    return FALSE;

  g_clear_pointer (&proxy->number, g_free);
  proxy->number = next_case_number (act->db, error);
  if (proxy->number == NULL)
    return FALSE;

  proxy->kind = BB_CASE_PROXY;
  proxy->state = BB_STATE_CONSULTATION;
  proxy->responsible_id = 0;
  proxy->parent_case_id = act->before->id;
  proxy->applied_at = act->now;
  proxy->created_at = act->now;
  proxy->updated_at = act->now;
  proxy->created_by = act->actor->staff_id;
  proxy->version = 1;
  g_clear_pointer (&proxy->area, g_free);

  if (insert_case (act->db, act->actor, proxy, error) <= 0 ||
      !copy_materials (act->db, SQL_COPY_CASE_MATERIALS, "from_case_id", act->before->id,
                       proxy->id, error))
    return FALSE;

  json_object_set_string_member (created, "converted_from", act->before->number);
  if (!record_creation (act->db, act->actor, proxy, created, error))
    return FALSE;

  json_object_set_string_member (act->details, "converted_to", proxy->number);
  act_set_body (act, act->action->text);
  g_free (act->after->converted_to);
  act->after->converted_to = g_strdup (proxy->number);
  return TRUE;
}

static gboolean
perform_accept (Act     *act,
                GError **error)
{
  g_autoptr(BbStaff) handler = resolve_staff (act, _("Handler"), error);
  g_autoptr(BbCalendar) calendar = NULL;
  int limit = act->action->limit_days;
  GDate deadline;

  if (handler == NULL)
    return FALSE;
  if (handler->id != act->actor->staff_id &&
      !bb_actor_check (act->actor, BB_PERM_CASE_ASSIGN, error))
    return FALSE;

  if (limit == 0)
    limit = act->before->item_limit_days;
  if (limit <= 0)
    {
      bb_set_field_error (error, _("Time limit"),
                          _("the matter has no time limit in the catalogue; enter the promised "
                            "limit in working days"));
      return FALSE;
    }
  if (act->before->item_limit_days > 0 && limit != act->before->item_limit_days &&
      !bb_actor_check (act->actor, BB_PERM_LIMIT_CHANGE, error))
    return FALSE;

  calendar = load_calendar (act->db, error);
  if (calendar == NULL)
    return FALSE;
  /* The acceptance day does not count: the limit runs from the next
   * working day, and the deadline is the last of those days. */
  bb_calendar_deadline (calendar, &act->today, (guint) limit, NULL, 0, &deadline);

  act->after->responsible_id = handler->id;
  act->after->handler_id = handler->id;
  act->after->accepted_by = act->actor->staff_id;
  act->after->accepted_at = act->now;
  act->after->limit_days = limit;
  g_free (act->after->deadline);
  act->after->deadline = bb_date_to_iso (&deadline);
  g_free (act->after->acceptance_notes);
  act->after->acceptance_notes = g_strdup (act->action->text);

  json_object_set_string_member (act->details, "handler", handler->number);
  json_object_set_string_member (act->details, "handler_name", handler->name);
  json_object_set_int_member (act->details, "limit_days", limit);
  json_object_set_string_member (act->details, "deadline", act->after->deadline);
  act_set_body (act, act->action->text);
  return write_case (act, error);
}

static gboolean
perform_reassign (Act     *act,
                  GError **error)
{
  g_autoptr(BbStaff) to = NULL;
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;

  /* Assigning is a team leader's decision (§ 一对一服务). */
  if (!bb_actor_check (act->actor, BB_PERM_CASE_ASSIGN, error))
    return FALSE;

  to = resolve_staff (act, _("New responsible staff member"), error);
  if (to == NULL)
    return FALSE;
  if (to->id == act->before->responsible_id)
    {
      bb_set_field_error (error, _("New responsible staff member"),
                          _("%s (%s) is already responsible for the case"), to->name,
                          to->number);
      return FALSE;
    }

  act->after->responsible_id = to->id;
  if (act->before->handler_id != 0)
    act->after->handler_id = to->id;
  if (!write_case (act, error))
    return FALSE;

  statement = bb_database_prepare (act->db, SQL_REASSIGNMENT_ADD);
  params = bb_database_new_params (act->db, statement);
  bb_params_set_int64 (params, "case_id", act->before->id);
  set_id (params, "from_staff", act->before->responsible_id);
  bb_params_set_int64 (params, "to_staff", to->id);
  bb_params_set_string (params, "reason", act->action->reason);
  bb_params_set_int (params, "client_told", act->action->client_told ? 1 : 0);
  bb_params_set_int64 (params, "at", act->now);
  set_id (params, "by_staff", act->actor->staff_id);
  if (bb_database_execute (act->db, statement, params, error) < 0)
    return FALSE;

  json_set_text (act->details, "from", act->before->responsible_number);
  json_object_set_string_member (act->details, "to", to->number);
  json_object_set_string_member (act->details, "to_name", to->name);
  json_object_set_boolean_member (act->details, "client_told", act->action->client_told);
  act_set_body (act, act->action->reason);
  return TRUE;
}

static gboolean
perform_suspend (Act     *act,
                 GError **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;

  g_free (act->after->resume_by);
  act->after->resume_by = g_strdup (act->action->resume_by);
  if (!write_case (act, error))
    return FALSE;

  statement = bb_database_prepare (act->db, SQL_SUSPENSION_ADD);
  params = bb_database_new_params (act->db, statement);
  bb_params_set_int64 (params, "case_id", act->before->id);
  bb_params_set_string (params, "reason", act->action->reason);
  bb_params_set_string (params, "note", act->action->text);
  bb_params_set_string (params, "suspended_on", act->today_iso);
  bb_params_set_string (params, "resume_by", act->action->resume_by);
  set_id (params, "staff_id", act->actor->staff_id);
  if (bb_database_execute (act->db, statement, params, error) < 0)
    return FALSE;

  json_object_set_string_member (act->details, "reason", act->action->reason);
  json_object_set_string_member (act->details, "suspended_on", act->today_iso);
  json_object_set_string_member (act->details, "resume_by", act->action->resume_by);
  act_set_body (act, act->action->text);
  return TRUE;
}

static gint64
open_suspension (Act     *act,
                 GError **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = select_children (act->db, SQL_SUSPENSION_OPEN,
                                                   act->before->id, types, error);

  if (model == NULL)
    return -1;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("Case %s is suspended but has no open suspension"), act->before->number);
      return -1;
    }
  return bb_model_get_int64 (model, 0, 0, 0);
}

static gboolean
update_suspension (Act         *act,
                   const char  *sql,
                   gint64       id,
                   GError     **error)
{
  GdaStatement *statement = bb_database_prepare (act->db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (act->db, statement);

  bb_params_set_int64 (params, "id", id);
  if (sql == SQL_SUSPENSION_RESUME)
    bb_params_set_string (params, "resumed_on", act->today_iso);
  return bb_database_execute (act->db, statement, params, error) >= 0;
}

/* The deadline once every finished suspension is taken out. */
static char *
recompute_deadline (Act     *act,
                    GError **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(BbCalendar) calendar = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, TRUE, sizeof (BbDateRange));
  GDate accepted, deadline;
  int n;

  if (act->before->accepted_at == 0 || act->before->limit_days <= 0)
    return g_strdup (act->before->deadline);

  model = select_children (act->db, SQL_SUSPENSIONS, act->before->id, types, error);
  calendar = model != NULL ? load_calendar (act->db, error) : NULL;
  if (calendar == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      g_autofree char *from = bb_model_dup_string (model, 3, row);
      g_autofree char *to = bb_model_dup_string (model, 5, row);
      BbDateRange range;

      if (!iso_to_date (from, &range.from) || !iso_to_date (to, &range.to) ||
          g_date_compare (&range.from, &range.to) > 0)
        continue;
      g_array_append_val (ranges, range);
    }

  usec_to_date (act->before->accepted_at, &accepted);
  if (!bb_calendar_deadline (calendar, &accepted, (guint) act->before->limit_days,
                             (const BbDateRange *) ranges->data, ranges->len, &deadline))
    return g_strdup (act->before->deadline);
  return bb_date_to_iso (&deadline);
}

static gboolean
perform_resume (Act     *act,
                GError **error)
{
  GDate resume_by;
  gint64 suspension;
  char *deadline;

  /* The client may resume up to and including the resume deadline;
   * after it the case is terminated (and read as such). */
  if (iso_to_date (act->before->resume_by, &resume_by) &&
      g_date_compare (&act->today, &resume_by) > 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The resume deadline %s has passed: the service is terminated"),
                   act->before->resume_by);
      return FALSE;
    }

  suspension = open_suspension (act, error);
  if (suspension < 0 || !update_suspension (act, SQL_SUSPENSION_RESUME, suspension, error))
    return FALSE;

  deadline = recompute_deadline (act, error);
  if (deadline == NULL && act->before->deadline != NULL)
    return FALSE;
  g_free (act->after->deadline);
  act->after->deadline = deadline;
  g_clear_pointer (&act->after->resume_by, g_free);

  json_object_set_string_member (act->details, "resumed_on", act->today_iso);
  json_set_text (act->details, "deadline", deadline);
  act_set_body (act, act->action->text);
  return write_case (act, error);
}

static gboolean
perform_terminate (Act     *act,
                   GError **error)
{
  GDate resume_by;
  gint64 suspension;

  if (iso_to_date (act->before->resume_by, &resume_by) &&
      g_date_compare (&act->today, &resume_by) <= 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The resume deadline %s has not passed: the client can still resume the "
                     "service"), act->before->resume_by);
      return FALSE;
    }

  if (!write_case (act, error))
    return FALSE;
  suspension = open_suspension (act, error);
  if (suspension < 0 || !update_suspension (act, SQL_SUSPENSION_TERMINATE, suspension, error))
    return FALSE;

  json_set_text (act->details, "resume_by", act->before->resume_by);
  if (act->system)
    {
      g_autofree char *body = g_strdup_printf (_("The resume deadline %s passed without the "
                                                 "service being resumed"),
                                               act->before->resume_by);
      act_set_body (act, body);
    }
  else
    act_set_body (act, act->action->text);
  return TRUE;
}

static gboolean
perform_department (Act     *act,
                    GError **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autofree char *body = NULL;
  int rows;

  if (!write_case (act, error))
    return FALSE;

  statement = bb_database_prepare (act->db, SQL_DEPARTMENT_UPDATE);
  params = bb_database_new_params (act->db, statement);
  bb_params_set_int64 (params, "case_id", act->before->id);
  bb_params_set_string (params, "name", act->action->department);
  bb_params_set_string (params, "status", act->action->status);
  bb_params_set_string (params, "note", act->action->text);
  bb_params_set_int64 (params, "at", act->now);
  rows = bb_database_execute (act->db, statement, params, error);
  if (rows < 0)
    return FALSE;
  if (rows == 0)
    {
      g_autoptr(GdaSet) add_params = NULL;

      statement = bb_database_prepare (act->db, SQL_DEPARTMENT_ADD);
      add_params = bb_database_new_params (act->db, statement);
      bb_params_set_int64 (add_params, "case_id", act->before->id);
      bb_params_set_string (add_params, "name", act->action->department);
      bb_params_set_string (add_params, "status", act->action->status);
      bb_params_set_string (add_params, "note", act->action->text);
      bb_params_set_int64 (add_params, "at", act->now);
      if (bb_database_execute (act->db, statement, add_params, error) < 0)
        return FALSE;
    }

  json_object_set_string_member (act->details, "department", act->action->department);
  json_object_set_string_member (act->details, "status", act->action->status);
  /* Translators: a department's status on the timeline: “市场监督管理局: 审核中” */
  body = g_strdup_printf (_("%s: %s"), act->action->department, act->action->status);
  if (act->action->text != NULL && *act->action->text != '\0')
    {
      g_autofree char *with_note = g_strdup_printf ("%s\n%s", body, act->action->text);

      act_set_body (act, with_note);
    }
  else
    act_set_body (act, body);
  return TRUE;
}

static gboolean
perform_handover (Act     *act,
                  GError **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;

  if (!write_case (act, error))
    return FALSE;

  statement = bb_database_prepare (act->db, SQL_HANDOVER_ADD);
  params = bb_database_new_params (act->db, statement);
  bb_params_set_int64 (params, "case_id", act->before->id);
  bb_params_set_string (params, "items", act->action->items);
  bb_params_set_string (params, "received_by", act->action->received_by);
  bb_params_set_int64 (params, "at", act->now);
  set_id (params, "staff_id", act->actor->staff_id);
  if (bb_database_execute (act->db, statement, params, error) < 0)
    return FALSE;

  json_object_set_string_member (act->details, "items", act->action->items);
  json_set_text (act->details, "received_by", act->action->received_by);
  act_set_body (act, act->action->items);
  return TRUE;
}

static gboolean
perform_evaluate (Act     *act,
                  GError **error)
{
  const char *channel = act->action->channel != NULL ? act->action->channel : "onsite";
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  gint64 count, evaluation_id;

  count = select_count (act->db, SQL_EVALUATION_COUNT, "case_id", act->before->id, error);
  if (count < 0)
    return FALSE;
  if (count > 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The client has already evaluated case %s"), act->before->number);
      return FALSE;
    }

  if (!write_case (act, error))
    return FALSE;

  statement = prepare_insert (act->db, SQL_EVALUATION_ADD, SQL_EVALUATION_ADD_PG);
  params = bb_database_new_params (act->db, statement);
  bb_params_set_int64 (params, "case_id", act->before->id);
  bb_params_set_int (params, "level", act->action->level);
  bb_params_set_string (params, "comment", act->action->comment);
  bb_params_set_string (params, "channel", channel);
  bb_params_set_int (params, "integrity_ok", act->action->integrity_ok ? 1 : 0);
  bb_params_set_int64 (params, "at", act->now);
  set_id (params, "staff_id", act->actor->staff_id);
  evaluation_id = execute_insert (act->db, statement, params, error);
  if (evaluation_id <= 0)
    return FALSE;

  json_object_set_int_member (act->details, "level", act->action->level);
  json_object_set_string_member (act->details, "channel", channel);
  json_set_text (act->details, "comment", act->action->comment);
  json_object_set_boolean_member (act->details, "integrity_ok", act->action->integrity_ok);
  act_set_body (act, act->action->comment);

  /* 不满意 or worse: a rectification with a deadline in working days. */
  if (act->action->level <= BB_SATISFACTION_RECTIFY_AT)
    {
      g_autoptr(BbCalendar) calendar = load_calendar (act->db, error);
      g_autofree char *deadline_iso = NULL;
      g_autoptr(GdaSet) rect_params = NULL;
      g_autoptr(JsonObject) rect = json_object_new ();
      g_autoptr(JsonNode) rect_node = NULL;
      int days;
      gint64 rectification_id;
      GDate deadline;

      if (calendar == NULL)
        return FALSE;
      days = bb_settings_repo_get_days (act->db, BB_SETTING_RECTIFICATION_DAYS, 5);
      bb_calendar_add_working_days (calendar, &act->today, (guint) days, &deadline);
      deadline_iso = bb_date_to_iso (&deadline);

      statement = prepare_insert (act->db, SQL_RECTIFICATION_ADD, SQL_RECTIFICATION_ADD_PG);
      rect_params = bb_database_new_params (act->db, statement);
      bb_params_set_int64 (rect_params, "evaluation_id", evaluation_id);
      bb_params_set_int64 (rect_params, "case_id", act->before->id);
      bb_params_set_string (rect_params, "deadline", deadline_iso);
      set_id (rect_params, "responsible_id", act->before->responsible_id);
      bb_params_set_int64 (rect_params, "at", act->now);
      rectification_id = execute_insert (act->db, statement, rect_params, error);
      if (rectification_id <= 0)
        return FALSE;

      json_object_set_string_member (act->details, "rectification_deadline", deadline_iso);

      json_object_set_int_member (rect, "case_id", act->before->id);
      json_object_set_int_member (rect, "evaluation_id", evaluation_id);
      json_object_set_string_member (rect, "state", "open");
      json_object_set_string_member (rect, "deadline", deadline_iso);
      json_set_id (rect, "responsible_id", act->before->responsible_id);
      rect_node = object_node (g_steal_pointer (&rect));
      if (!bb_audit_record (act->db, act->actor, "rectification", rectification_id, "create",
                            NULL, rect_node, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
perform_follow_up (Act     *act,
                   GError **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;

  if (!write_case (act, error))
    return FALSE;

  statement = bb_database_prepare (act->db, SQL_FOLLOW_UP_ADD);
  params = bb_database_new_params (act->db, statement);
  bb_params_set_int64 (params, "case_id", act->before->id);
  bb_params_set_int64 (params, "at", act->now);
  set_id (params, "staff_id", act->actor->staff_id);
  bb_params_set_string (params, "body", act->action->text);
  act_set_body (act, act->action->text);
  return bb_database_execute (act->db, statement, params, error) >= 0;
}

/* Actions that only change columns of the case. */
static gboolean
perform_simple (Act     *act,
                GError **error)
{
  const BbCaseAction *a = act->action;
  BbCase *after = act->after;

  switch (a->action)
    {
    case BB_ACTION_ROUTE:
      g_free (after->area);
      after->area = g_strdup (bb_case_area_from_string (a->area));
      json_object_set_string_member (act->details, "area", after->area);
      act_set_body (act, a->text);
      break;

    case BB_ACTION_ANALYSE:
      g_free (after->difficulty);
      after->difficulty = g_strdup (a->difficulty);
      after->estimated_days = a->estimated_days;
      g_free (after->process_plan);
      after->process_plan = g_strdup (a->process);
      /* The analysis is recorded once it has been confirmed with the client. */
      after->analysis_confirmed = TRUE;
      act_set_body (act, a->text);
      break;

    case BB_ACTION_REFUSE:
      g_free (after->refusal_reason);
      after->refusal_reason = g_strdup (a->reason);
      act_set_body (act, a->reason);
      break;

    case BB_ACTION_LOG:
    case BB_ACTION_PROBLEM:
    case BB_ACTION_REPORT:
      act_set_body (act, a->text);
      act->text_added = TRUE;
      break;

    case BB_ACTION_SUPERVISOR_REPORT:
      json_set_text (act->details, "department", a->department);
      act_set_body (act, a->text);
      break;

    case BB_ACTION_COMPLETE:
      g_free (after->result);
      after->result = g_strdup (a->result);
      g_free (after->delivery);
      after->delivery = g_strdup (a->delivery);
      after->completed_at = act->now;
      act_set_body (act, a->result);
      break;

    case BB_ACTION_DISPUTE:
      /* Back to handling: not completed any more until it is again. */
      after->completed_at = 0;
      act_set_body (act, a->reason);
      break;

    case BB_ACTION_ARCHIVE:
      g_free (after->archive_number);
      after->archive_number = g_strdup (a->archive_number != NULL && *a->archive_number != '\0'
                                        ? a->archive_number : act->before->number);
      after->archived_at = act->now;
      act_set_body (act, a->text);
      break;

    case BB_ACTION_APPLY:
    case BB_ACTION_CONFIRM:
    default:
      act_set_body (act, a->text);
      break;
    }

  return write_case (act, error);
}

static gboolean
perform (Act     *act,
         GError **error)
{
  switch (act->action->action)
    {
    case BB_ACTION_MATERIALS:
      return perform_materials (act, error);
    case BB_ACTION_NOTIFY_MISSING:
      return perform_notify_missing (act, error);
    case BB_ACTION_SUPPLEMENT:
      return perform_supplement (act, error);
    case BB_ACTION_REQUEST_SUPPLEMENT:
      return perform_request_supplement (act, error);
    case BB_ACTION_CONVERT:
      return perform_convert (act, error);
    case BB_ACTION_ACCEPT:
      return perform_accept (act, error);
    case BB_ACTION_REASSIGN:
      return perform_reassign (act, error);
    case BB_ACTION_SUSPEND:
      return perform_suspend (act, error);
    case BB_ACTION_RESUME:
      return perform_resume (act, error);
    case BB_ACTION_TERMINATE:
      return perform_terminate (act, error);
    case BB_ACTION_DEPARTMENT:
      return perform_department (act, error);
    case BB_ACTION_HANDOVER:
      return perform_handover (act, error);
    case BB_ACTION_EVALUATE:
      return perform_evaluate (act, error);
    case BB_ACTION_FOLLOW_UP:
      return perform_follow_up (act, error);
    case BB_ACTION_APPLY:
    case BB_ACTION_ROUTE:
    case BB_ACTION_ANALYSE:
    case BB_ACTION_REFUSE:
    case BB_ACTION_LOG:
    case BB_ACTION_PROBLEM:
    case BB_ACTION_REPORT:
    case BB_ACTION_SUPERVISOR_REPORT:
    case BB_ACTION_COMPLETE:
    case BB_ACTION_CONFIRM:
    case BB_ACTION_DISPUTE:
    case BB_ACTION_ARCHIVE:
      return perform_simple (act, error);
    case BB_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Staff act on their own cases and on unassigned ones; leaders and above on
 * any (bb-actor.h). */
static gboolean
check_may_act (const BbActor  *actor,
               const BbCase   *kase,
               GError        **error)
{
  if (kase->responsible_id == 0 || kase->responsible_id == actor->staff_id)
    return bb_actor_check (actor, BB_PERM_CASE_ACT_OWN, error);

  if (bb_actor_can (actor, BB_PERM_CASE_ACT_ANY))
    return TRUE;

  g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
               _("Case %s is the responsibility of %s (%s); a %s may act only on their own "
                 "cases"), kase->number, kase->responsible_name, kase->responsible_number,
               bb_role_label (actor->role));
  return FALSE;
}

static gboolean
record_action (Act     *act,
               GError **error)
{
  const BbCase *before = act->before;
  const BbCase *after = act->after;
  JsonObject *before_columns = case_columns (before, FALSE);
  JsonObject *after_columns = case_columns (after, FALSE);
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  const char *name = bb_action_to_string (act->action->action);
  gboolean state_changed = before->state != after->state;

  keep_changes (before_columns, after_columns);
  if (act->body != NULL)
    json_object_set_string_member (after_columns, "text", act->body);
  if (json_object_get_size (act->details) > 0)
    json_object_set_object_member (after_columns, "details", json_object_ref (act->details));
  before_node = object_node (before_columns);
  after_node = object_node (after_columns);

  if (!insert_event (act->db, before->id, act->now, act->actor, name,
                     state_changed ? bb_case_state_to_string (before->state) : NULL,
                     state_changed ? bb_case_state_to_string (after->state) : NULL,
                     act->body, act->details, error))
    return FALSE;

  if (act->text_added && !bb_case_search_update (act->db, before->id, error))
    return FALSE;

  return bb_audit_record (act->db, act->actor, "case", before->id, name, before_node,
                          after_node, error);
}

/* One action in one transaction. @number or @id names the case. */
static gboolean
act_in_transaction (BbDatabase          *db,
                    const BbActor       *actor,
                    const char          *number,
                    gint64               id,
                    const BbCaseAction  *action,
                    int                  expected_version,
                    gboolean             system,
                    gint64              *case_id,
                    GError             **error)
{
  Act act = { 0 };
  gboolean ok = FALSE;

  act.db = db;
  act.actor = actor;
  act.action = action;
  act.system = system;
  act.now = bb_clock_now_usec ();
  bb_clock_today (&act.today);
  act.today_iso = bb_date_to_iso (&act.today);
  act.details = json_object_new ();

  if (!bb_database_begin (db, error))
    {
      act_clear (&act);
      return FALSE;
    }

  act.before = read_case (db, actor, number, id, error);
  if (act.before == NULL)
    goto out;
  *case_id = act.before->id;

  if (act.before->version != expected_version)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("Case %s was changed by someone else in the meantime; nothing was "
                     "overwritten. Reload it and try again."), act.before->number);
      goto out;
    }

  if (!check_may_act (actor, act.before, error) ||
      !bb_workflow_check (act.before->kind, act.before->state, action->action, error) ||
      !bb_workflow_validate (act.before->kind, action, &act.today, error))
    goto out;

  act.after = bb_case_copy (act.before);
  act.after->state = bb_workflow_target (act.before->kind, act.before->state, action->action);

  if (!perform (&act, error))
    goto out;
  g_assert (act.case_written);

  if (!record_action (&act, error))
    goto out;

  ok = bb_database_commit (db, error);
  act_clear (&act);
  return ok;

out:
  bb_database_rollback (db);
  act_clear (&act);
  return FALSE;
}

/* Terminates @kase if it is suspended past its resume deadline. Returns
 * %TRUE when the case was terminated (by this call or another writer). */
static gboolean
expire_if_due (BbDatabase    *db,
               const BbCase  *kase,
               GError       **error)
{
  g_autoptr(BbActor) system = NULL;
  g_autoptr(BbCaseAction) terminate = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate today, resume_by;
  gint64 id;

  if (kase->state != BB_STATE_SUSPENDED || !iso_to_date (kase->resume_by, &resume_by))
    return FALSE;
  bb_clock_today (&today);
  if (g_date_compare (&today, &resume_by) <= 0)
    return FALSE;

  system = bb_actor_new_system ();
  terminate = bb_case_action_new (BB_ACTION_TERMINATE);
  if (act_in_transaction (db, system, NULL, kase->id, terminate, kase->version, TRUE, &id,
                          &local_error))
    return TRUE;

  /* Someone else changed it first (perhaps terminating it): reread. */
  if (g_error_matches (local_error, BB_ERROR, BB_ERROR_CONFLICT) ||
      g_error_matches (local_error, BB_ERROR, BB_ERROR_REFUSED))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Reads a case, applying the termination rule first. */
static BbCase *
get_case (BbDatabase     *db,
          const BbActor  *actor,
          const char     *number,
          gint64          id,
          GError        **error)
{
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(BbCalendar) calendar = NULL;
  GError *local_error = NULL;
  GDate today;

  kase = read_case (db, actor, number, id, error);
  if (kase == NULL)
    return NULL;

  if (expire_if_due (db, kase, &local_error))
    {
      g_autoptr(BbCase) reread = read_case (db, actor, NULL, kase->id, error);

      if (reread == NULL)
        return NULL;
      g_clear_pointer (&kase, bb_case_free);
      kase = g_steal_pointer (&reread);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  calendar = load_calendar (db, error);
  if (calendar == NULL)
    return NULL;
  bb_clock_today (&today);
  compute_deadline_state (kase, calendar, &today);
  return g_steal_pointer (&kase);
}

/* Public API */

/**
 * bb_case_repo_create:
 * @draft: what the case is about
 *
 * Registers a case in the consultation state with the next number of the
 * `case_number_format` setting, the catalogue item's materials checklist,
 * and priority 1 for military clients (green channel). A 帮办 case is the
 * creator's from the start (首问负责制); a 代办 case gets its responsible
 * staff member when it is accepted.
 *
 * Returns: (transfer full): the new case, or %NULL with %BB_ERROR_INVALID
 *   naming the field, %BB_ERROR_REFUSED, or a database error
 */
BbCase *
bb_case_repo_create (BbDatabase         *db,
                     const BbActor      *actor,
                     const BbCaseDraft  *draft,
                     GError            **error)
{
  static const GType client_types[] = { G_TYPE_STRING, G_TYPE_NONE };
  static const GType item_types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(GdaDataModel) client = NULL;
  g_autoptr(GdaSet) client_params = NULL;
  g_autofree char *category = NULL;
  GdaStatement *statement;
  gint64 now;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error) || !validate_draft (draft, error))
    return NULL;

  now = bb_clock_now_usec ();
  kase = g_new0 (BbCase, 1);
  kase->kind = draft->kind;
  kase->state = BB_STATE_CONSULTATION;
  kase->client_id = draft->client_id;
  kase->item_id = MAX (draft->item_id, 0);
  kase->matter = g_strstrip (g_strdup (draft->matter != NULL ? draft->matter : ""));
  if (*kase->matter == '\0')
    g_clear_pointer (&kase->matter, g_free);
  kase->reason = draft->reason != NULL && *draft->reason != '\0' ? g_strdup (draft->reason) : NULL;
  kase->mode = g_strdup (draft->mode != NULL ? draft->mode : BB_MODE_HALL);
  kase->channel = g_strdup (draft->channel != NULL ? draft->channel : "onsite");
  kase->home_address = draft->home_address != NULL && *draft->home_address != '\0'
                       ? g_strdup (draft->home_address) : NULL;
  kase->appointment_at = draft->appointment_at;
  kase->remark = draft->remark != NULL && *draft->remark != '\0' ? g_strdup (draft->remark) : NULL;
  kase->responsible_id = draft->kind == BB_CASE_ASSIST ? MAX (actor->staff_id, 0) : 0;
  kase->applied_at = now;
  kase->created_by = actor->staff_id;
  kase->created_at = now;
  kase->updated_at = now;
  kase->version = 1;

  if (!bb_database_begin (db, error))
    return NULL;

  statement = bb_database_prepare (db, SQL_CLIENT);
  client_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (client_params, "id", draft->client_id);
  client = bb_database_select (db, statement, client_params, client_types, error);
  if (client == NULL)
    goto failed;
  if (gda_data_model_get_n_rows (client) < 1)
    {
      bb_set_field_error (error, _("Client"), _("there is no client with the id %lld"),
                          (long long) draft->client_id);
      goto failed;
    }
  category = bb_model_dup_string (client, 0, 0);
  /* § 服务对象: 军人等享受绿色通道群体 are served first. */
  kase->priority = g_strcmp0 (category, "military") == 0 ? 1 : 0;

  if (kase->item_id > 0)
    {
      g_autoptr(GdaSet) item_params = NULL;
      g_autoptr(GdaDataModel) item = NULL;

      statement = bb_database_prepare (db, SQL_ITEM);
      item_params = bb_database_new_params (db, statement);
      bb_params_set_int64 (item_params, "id", kase->item_id);
      item = bb_database_select (db, statement, item_params, item_types, error);
      if (item == NULL)
        goto failed;
      if (gda_data_model_get_n_rows (item) < 1)
        {
          bb_set_field_error (error, _("Matter"),
                              _("there is no catalogue item with the id %lld"),
                              (long long) kase->item_id);
          goto failed;
        }
      if (bb_model_get_int64 (item, 1, 0, 1) == 0)
        {
          g_autofree char *name = bb_model_dup_string (item, 0, 0);

          bb_set_field_error (error, _("Matter"),
                              _("“%s” has been withdrawn from the catalogue"), name);
          goto failed;
        }
      if (kase->matter == NULL)
        kase->matter = bb_model_dup_string (item, 0, 0);
    }

  kase->number = next_case_number (db, error);
  if (kase->number == NULL)
    goto failed;
  if (insert_case (db, actor, kase, error) <= 0)
    goto failed;
  if (kase->item_id > 0 &&
      !copy_materials (db, SQL_COPY_CATALOGUE_MATERIALS, "item_id", kase->item_id, kase->id, error))
    goto failed;
  if (!record_creation (db, actor, kase, NULL, error))
    goto failed;
  if (!bb_database_commit (db, error))
    return NULL;

  return get_case (db, actor, NULL, kase->id, error);

failed:
  bb_database_rollback (db);
  return NULL;
}

/**
 * bb_case_repo_get:
 * @actor: who reads (the client's ID number is masked unless they may see it)
 *
 * Reads a case. A suspended case whose resume deadline has passed is
 * terminated first (by the system, audited).
 *
 * Returns: (transfer full): the case, or %NULL with %BB_ERROR_NOT_FOUND
 */
BbCase *
bb_case_repo_get (BbDatabase     *db,
                  const BbActor  *actor,
                  const char     *number,
                  GError        **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return get_case (db, actor, number, 0, error);
}

BbCase *
bb_case_repo_get_by_id (BbDatabase     *db,
                        const BbActor  *actor,
                        gint64          id,
                        GError        **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return get_case (db, actor, NULL, id, error);
}

/* The detail, read in one statement (bb-case-repo-private.h) */

static gpointer
department_from_values (char         **texts,
                        const gint64  *numbers)
{
  BbCaseDepartment *d = g_new0 (BbCaseDepartment, 1);

  d->id = numbers[0];
  d->name = g_steal_pointer (&texts[1]);
  d->status = g_steal_pointer (&texts[2]);
  d->note = g_steal_pointer (&texts[3]);
  d->updated_at = numbers[4];
  return d;
}

static gpointer
event_from_values (char         **texts,
                   const gint64  *numbers)
{
  BbCaseEvent *e = g_new0 (BbCaseEvent, 1);

  e->id = numbers[0];
  e->at = numbers[1];
  e->staff_id = numbers[2];
  e->staff_number = g_steal_pointer (&texts[3]);
  e->staff_name = g_steal_pointer (&texts[4]);
  e->kind = g_steal_pointer (&texts[5]);
  e->from_state = g_steal_pointer (&texts[6]);
  e->to_state = g_steal_pointer (&texts[7]);
  e->body = g_steal_pointer (&texts[8]);
  e->data = g_steal_pointer (&texts[9]);
  return e;
}

static gpointer
suspension_from_values (char         **texts,
                        const gint64  *numbers)
{
  BbSuspension *s = g_new0 (BbSuspension, 1);

  s->id = numbers[0];
  if (!bb_suspend_reason_from_string (texts[1], &s->reason))
    s->reason = BB_SUSPEND_CLIENT;
  s->note = g_steal_pointer (&texts[2]);
  s->suspended_on = g_steal_pointer (&texts[3]);
  s->resume_by = g_steal_pointer (&texts[4]);
  s->resumed_on = g_steal_pointer (&texts[5]);
  s->terminated = numbers[6] != 0;
  s->staff_id = numbers[7];
  return s;
}

static gpointer
reassignment_from_values (char         **texts,
                          const gint64  *numbers)
{
  BbReassignment *r = g_new0 (BbReassignment, 1);

  r->id = numbers[0];
  r->from_staff = numbers[1];
  r->from_number = g_steal_pointer (&texts[2]);
  r->from_name = g_steal_pointer (&texts[3]);
  r->to_staff = numbers[4];
  r->to_number = g_steal_pointer (&texts[5]);
  r->to_name = g_steal_pointer (&texts[6]);
  r->reason = g_steal_pointer (&texts[7]);
  r->client_told = numbers[8] != 0;
  r->at = numbers[9];
  r->by_staff = numbers[10];
  return r;
}

static gpointer
handover_from_values (char         **texts,
                      const gint64  *numbers)
{
  BbHandover *h = g_new0 (BbHandover, 1);

  h->id = numbers[0];
  h->items = g_steal_pointer (&texts[1]);
  h->received_by = g_steal_pointer (&texts[2]);
  h->at = numbers[3];
  h->staff_id = numbers[4];
  return h;
}

static gpointer
evaluation_from_values (char         **texts,
                        const gint64  *numbers)
{
  BbEvaluation *e = g_new0 (BbEvaluation, 1);

  e->id = numbers[0];
  e->level = (int) numbers[1];
  e->comment = g_steal_pointer (&texts[2]);
  e->channel = g_steal_pointer (&texts[3]);
  e->integrity_ok = numbers[4] != 0;
  e->at = numbers[5];
  e->staff_id = numbers[6];
  return e;
}

static gpointer
rectification_from_values (char         **texts,
                           const gint64  *numbers)
{
  BbRectification *r = g_new0 (BbRectification, 1);

  r->id = numbers[0];
  r->evaluation_id = numbers[1];
  r->state = g_steal_pointer (&texts[2]);
  r->deadline = g_steal_pointer (&texts[3]);
  r->responsible_id = numbers[4];
  r->measures = g_steal_pointer (&texts[5]);
  r->return_visit = g_steal_pointer (&texts[6]);
  r->return_visit_at = numbers[7];
  r->created_at = numbers[8];
  return r;
}

static gpointer
follow_up_from_values (char         **texts,
                       const gint64  *numbers)
{
  BbFollowUp *f = g_new0 (BbFollowUp, 1);

  f->id = numbers[0];
  f->at = numbers[1];
  f->staff_id = numbers[2];
  f->body = g_steal_pointer (&texts[3]);
  return f;
}

#define MAX_LIST_VALUES 11

/* One of the detail's lists: how many values a row has, what a null number
 * stands for, and how a row becomes a struct. */
typedef struct
{
  guint            n_values;
  gint64           defaults[MAX_LIST_VALUES];
  gpointer       (*from_values) (char **texts, const gint64 *numbers);
  GDestroyNotify   free_func;
} ListReader;

/* In the order of the members of the detail's JSON. */
static const ListReader list_readers[] = {
  { N_MATERIAL_VALUES, MATERIAL_DEFAULTS, material_from_values, (GDestroyNotify) material_free },
  { 5, { 0 }, department_from_values, (GDestroyNotify) department_free },
  { 10, { 0 }, event_from_values, (GDestroyNotify) event_free },
  { 8, { 0 }, suspension_from_values, (GDestroyNotify) suspension_free },
  { 11, { 0 }, reassignment_from_values, (GDestroyNotify) reassignment_free },
  { 5, { 0 }, handover_from_values, (GDestroyNotify) handover_free },
  /* integrity_ok: unless recorded otherwise, the service was clean. */
  { 7, { [4] = 1 }, evaluation_from_values, (GDestroyNotify) evaluation_free },
  { 9, { 0 }, rectification_from_values, (GDestroyNotify) rectification_free },
  { 4, { 0 }, follow_up_from_values, (GDestroyNotify) follow_up_free },
};

/* The list that is the next member of @detail, or %NULL (and @detail->p
 * %NULL) when it is not one. */
static GPtrArray *
read_list (BbJsonArray      *detail,
           const ListReader *reader)
{
  g_autoptr(GPtrArray) list = NULL;
  BbJsonArray rows;

  if (!bb_json_array_next (detail) || !bb_json_array_init (&rows, detail->p))
    {
      detail->p = NULL;
      return NULL;
    }

  list = g_ptr_array_new_with_free_func (reader->free_func);
  while (bb_json_array_next (&rows))
    {
      char *texts[MAX_LIST_VALUES];
      gint64 numbers[MAX_LIST_VALUES];

      memcpy (numbers, reader->defaults, sizeof numbers);
      rows.p = bb_json_read_row (rows.p, reader->n_values, texts, numbers);
      if (rows.p == NULL)
        break;
      g_ptr_array_add (list, reader->from_values (texts, numbers));
      free_texts (texts, reader->n_values);
    }
  detail->p = rows.p;
  return rows.p != NULL ? g_steal_pointer (&list) : NULL;
}

/* The holiday calendar, the next member of @detail: [day, kind] rows, read
 * as bb_holiday_repo_load_calendar() reads the table; %NULL as for
 * read_list(). */
static BbCalendar *
read_calendar (BbJsonArray *detail)
{
  g_autoptr(BbCalendar) calendar = NULL;
  BbJsonArray rows;

  if (!bb_json_array_next (detail) || !bb_json_array_init (&rows, detail->p))
    {
      detail->p = NULL;
      return NULL;
    }

  calendar = bb_calendar_new ();
  while (bb_json_array_next (&rows))
    {
      char *texts[2];
      gint64 numbers[2] = { 0 };
      BbDayKind kind;
      GDate date;

      rows.p = bb_json_read_row (rows.p, 2, texts, numbers);
      if (rows.p == NULL)
        break;
      if (!bb_day_kind_from_string (texts[1], &kind))
        kind = BB_DAY_HOLIDAY;
      if (texts[0] != NULL && bb_validate_date (texts[0], &date, NULL))
        bb_calendar_set_day (calendar, &date, kind);
      free_texts (texts, 2);
    }
  detail->p = rows.p;
  return rows.p != NULL ? g_steal_pointer (&calendar) : NULL;
}

/**
 * bb_case_detail_from_json:
 * @json: what BB_CASE_DETAIL_SQLITE or BB_CASE_DETAIL_PG give for a case
 * @actor: who reads it (the client's ID number and phone are masked unless
 *   they may see them)
 *
 * Takes the detail's JSON apart, with the deadline state as of today on
 * the holiday calendar it carries. The termination rule is the caller's.
 *
 * Returns: (transfer full): the case and its history, or %NULL with @error
 *   when @json is not what the statement gives
 */
BbCaseDetail *
bb_case_detail_from_json (const char     *json,
                          const BbActor  *actor,
                          GError        **error)
{
  g_autoptr(BbCaseDetail) detail = g_new0 (BbCaseDetail, 1);
  g_autoptr(BbCalendar) calendar = NULL;
  GPtrArray **lists[] = {
    &detail->materials, &detail->departments, &detail->events, &detail->suspensions,
    &detail->reassignments, &detail->handovers, &detail->evaluations, &detail->rectifications,
    &detail->follow_ups,
  };
  char *texts[N_CASE_COLUMNS];
  gint64 numbers[N_CASE_COLUMNS] = { 0 };
  BbJsonArray top;
  GDate today;

  G_STATIC_ASSERT (G_N_ELEMENTS (lists) == G_N_ELEMENTS (list_readers));
  g_return_val_if_fail (actor != NULL, NULL);

  if (bb_json_array_init (&top, json) && bb_json_array_next (&top))
    top.p = bb_json_read_row (top.p, N_CASE_COLUMNS, texts, numbers);
  else
    top.p = NULL;
  if (top.p != NULL)
    {
      detail->kase = case_from_values (texts, numbers, actor);
      free_texts (texts, N_CASE_COLUMNS);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lists) && top.p != NULL; i++)
    *lists[i] = read_list (&top, &list_readers[i]);
  if (top.p != NULL)
    calendar = read_calendar (&top);
  /* …and nothing after the calendar. */
  if (calendar == NULL || bb_json_array_next (&top) || top.p == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("Database error: the history of a case could not be read"));
      return NULL;
    }

  /* The 代办 case a converted one became: in the data of its (last)
   * convert event. */
  if (detail->kase->state == BB_STATE_CONVERTED)
    {
      const BbCaseEvent *convert = NULL;

      for (guint i = 0; i < detail->events->len; i++)
        {
          const BbCaseEvent *e = g_ptr_array_index (detail->events, i);

          if (g_strcmp0 (e->kind, "convert") == 0 && (convert == NULL || e->id > convert->id))
            convert = e;
        }
      if (convert != NULL)
        detail->kase->converted_to = converted_to_from_data (convert->data);
    }

  bb_clock_today (&today);
  compute_deadline_state (detail->kase, calendar, &today);
  return g_steal_pointer (&detail);
}

/* Reads the detail of case @number in one statement. */
static BbCaseDetail *
read_detail (BbDatabase     *db,
             const BbActor  *actor,
             const char     *number,
             GError        **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;

  /* Verbatim: libgda would copy the parse tree of this statement's dozen
   * subqueries into every result, at a cost greater than SQLite's. */
  statement = bb_database_prepare_verbatim (db, bb_database_get_engine (db) == BB_ENGINE_SQLITE
                                                  ? SQL_DETAIL_SQLITE : SQL_DETAIL_PG);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "number", number);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("There is no case numbered “%s”"),
                   number);
      return NULL;
    }

  /* The model's own text, not a copy: it lives as long as the model. */
  value = gda_data_model_get_value_at (model, 0, 0, NULL);
  return bb_case_detail_from_json (value != NULL && G_VALUE_HOLDS_STRING (value)
                                     ? g_value_get_string (value) : NULL, actor, error);
}

/**
 * bb_case_repo_get_detail:
 *
 * Reads a case with its checklist, departments, timeline (newest first)
 * and the rows of its suspensions, reassignments, handovers, evaluations,
 * rectifications and follow-ups, applying the termination rule first. All
 * of it comes from one statement, so no action lands between its parts.
 *
 * Returns: (transfer full): the case and its history, or %NULL
 */
BbCaseDetail *
bb_case_repo_get_detail (BbDatabase     *db,
                         const BbActor  *actor,
                         const char     *number,
                         GError        **error)
{
  g_autoptr(BbCaseDetail) detail = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  detail = read_detail (db, actor, number, error);
  if (detail == NULL)
    return NULL;

  /* A suspended case past its resume deadline is terminated first; then
   * what is shown is read again. */
  if (expire_if_due (db, detail->kase, &local_error))
    {
      g_clear_pointer (&detail, bb_case_detail_free);
      detail = read_detail (db, actor, number, error);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&detail);
}

/**
 * bb_case_repo_act:
 * @number: the case
 * @action: the action and what it carries
 * @expected_version: the case's version when the caller read it
 *
 * Carries out one workflow action in one transaction: the state change (as
 * bb-workflow.c allows), the action's own records, a timeline event, the
 * search text and the audit record.
 *
 * Returns: (transfer full): the case afterwards, or %NULL with
 *   %BB_ERROR_REFUSED (not allowed now, or not by @actor),
 *   %BB_ERROR_INVALID (the message names the field), %BB_ERROR_CONFLICT
 *   (changed since @expected_version; nothing was written),
 *   %BB_ERROR_NOT_FOUND or a database error
 */
BbCase *
bb_case_repo_act (BbDatabase          *db,
                  const BbActor       *actor,
                  const char          *number,
                  const BbCaseAction  *action,
                  int                  expected_version,
                  GError             **error)
{
  g_autoptr(BbCase) current = NULL;
  GError *local_error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (action != NULL && action->action < BB_N_ACTIONS, NULL);

  /* A case past its resume deadline is terminated before anything else;
   * the caller's version is then out of date, as it should be. */
  current = read_case (db, actor, number, 0, error);
  if (current == NULL)
    return NULL;
  if (!expire_if_due (db, current, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!act_in_transaction (db, actor, number, 0, action, expected_version, FALSE, &id, error))
    return NULL;

  return get_case (db, actor, NULL, id, error);
}

/**
 * bb_case_repo_sweep:
 *
 * Terminates every suspended case whose resume deadline has passed, each
 * in its own transaction, as the system (audited).
 *
 * Returns: the number of cases terminated, or -1 with @error
 */
int
bb_case_repo_sweep (BbDatabase  *db,
                    GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCaseAction) terminate = bb_case_action_new (BB_ACTION_TERMINATE);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autofree char *today_iso = NULL;
  GdaStatement *statement;
  GDate today;
  int terminated = 0;
  int n;

  g_return_val_if_fail (BB_IS_DATABASE (db), -1);

  bb_clock_today (&today);
  today_iso = bb_date_to_iso (&today);

  statement = bb_database_prepare (db, SQL_DUE_FOR_TERMINATION);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "today", today_iso);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return -1;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      g_autofree char *number = bb_model_dup_string (model, 0, row);
      int version = (int) bb_model_get_int64 (model, 1, row, 0);
      g_autoptr(GError) local_error = NULL;
      gint64 id;

      if (act_in_transaction (db, system, number, 0, terminate, version, TRUE, &id,
                              &local_error))
        terminated++;
      else if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_CONFLICT) &&
               !g_error_matches (local_error, BB_ERROR, BB_ERROR_REFUSED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
    }

  return terminated;
}

/**
 * bb_case_repo_record_reveal:
 * @kase: a case read by @actor, with the full ID number
 * @purpose: (nullable): why it was shown: “view”, “print slip”, “cli”…
 *
 * Audits that @actor was shown the full ID number of @kase's client
 * (DESIGN.md § Security: each reveal is audited).
 *
 * Returns: %FALSE with %BB_ERROR_REFUSED when @actor may not see it
 */
gboolean
bb_case_repo_record_reveal (BbDatabase     *db,
                            const BbActor  *actor,
                            const BbCase   *kase,
                            const char     *purpose,
                            GError        **error)
{
  g_autoptr(JsonNode) after = NULL;
  JsonObject *object;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (kase != NULL, FALSE);

  if (!may_reveal (actor, kase->responsible_id))
    return bb_actor_check (actor, BB_PERM_VIEW_ID_ANY, error);

  object = json_object_new ();
  json_object_set_string_member (object, "case", kase->number);
  json_set_text (object, "purpose", purpose);
  after = object_node (object);

  if (!bb_database_begin (db, error))
    return FALSE;
  if (!bb_audit_record (db, actor, "client", kase->client_id, "reveal-id", NULL, after, error))
    {
      bb_database_rollback (db);
      return FALSE;
    }
  return bb_database_commit (db, error);
}

/* JSON */

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value,
         gboolean     zero_is_null)
{
  json_builder_set_member_name (builder, name);
  if (zero_is_null && value == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             gint64       usec)
{
  g_autofree char *text = usec != 0 ? usec_to_iso8601 (usec) : NULL;

  add_text (builder, name, text);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
build_case (JsonBuilder  *builder,
            const BbCase *kase)
{
  g_autoptr(GArray) actions = bb_workflow_allowed_actions (kase->kind, kase->state);
  BbAction suggested;

  json_builder_begin_object (builder);
  add_int (builder, "id", kase->id, FALSE);
  add_text (builder, "number", kase->number);
  add_text (builder, "kind", bb_case_kind_to_string (kase->kind));
  add_text (builder, "state", bb_case_state_to_string (kase->state));
  add_int (builder, "version", kase->version, FALSE);

  json_builder_set_member_name (builder, "client");
  json_builder_begin_object (builder);
  add_int (builder, "id", kase->client_id, FALSE);
  add_text (builder, "name", kase->client_name);
  add_text (builder, "kind", kase->client_kind);
  add_text (builder, "category", kase->client_category);
  add_text (builder, "id_number", kase->client_id_number);
  add_bool (builder, "id_number_masked",
            !kase->client_id_revealed && kase->client_id_number != NULL);
  add_text (builder, "credit_code", kase->client_credit_code);
  add_text (builder, "phone", kase->client_phone);
  json_builder_end_object (builder);

  add_int (builder, "item_id", kase->item_id, TRUE);
  add_text (builder, "matter", kase->matter);
  add_text (builder, "reason", kase->reason);
  add_text (builder, "mode", kase->mode);
  add_text (builder, "channel", kase->channel);
  add_text (builder, "area", bb_case_area_to_cli (kase->area));
  add_text (builder, "home_address", kase->home_address);
  add_instant (builder, "appointment_at", kase->appointment_at);
  add_int (builder, "priority", kase->priority, FALSE);
  add_text (builder, "responsible", kase->responsible_number);
  add_text (builder, "responsible_name", kase->responsible_name);
  add_text (builder, "handler", kase->handler_number);
  add_text (builder, "accepted_by", kase->accepted_by_number);
  add_instant (builder, "accepted_at", kase->accepted_at);
  add_instant (builder, "applied_at", kase->applied_at);
  add_int (builder, "limit_days", kase->limit_days, TRUE);
  add_text (builder, "deadline", kase->deadline);
  add_text (builder, "deadline_state",
            kase->deadline_running ? bb_deadline_state_to_string (kase->deadline_state) : NULL);
  json_builder_set_member_name (builder, "remaining_days");
  if (kase->deadline_running)
    json_builder_add_int_value (builder, kase->remaining_days);
  else
    json_builder_add_null_value (builder);
  add_text (builder, "difficulty", kase->difficulty);
  add_int (builder, "estimated_days", kase->estimated_days, TRUE);
  add_text (builder, "process", kase->process_plan);
  add_bool (builder, "analysis_confirmed", kase->analysis_confirmed);
  add_text (builder, "acceptance_notes", kase->acceptance_notes);
  add_text (builder, "refusal_reason", kase->refusal_reason);
  add_text (builder, "result", kase->result);
  add_text (builder, "delivery", kase->delivery);
  add_instant (builder, "completed_at", kase->completed_at);
  add_text (builder, "resume_by", kase->resume_by);
  add_text (builder, "archive_number", kase->archive_number);
  add_instant (builder, "archived_at", kase->archived_at);
  add_text (builder, "parent", kase->parent_number);
  add_text (builder, "converted_to", kase->converted_to);
  add_text (builder, "remark", kase->remark);
  add_instant (builder, "created_at", kase->created_at);
  add_instant (builder, "updated_at", kase->updated_at);

  json_builder_set_member_name (builder, "allowed_actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < actions->len; i++)
    json_builder_add_string_value (builder,
                                   bb_action_to_string (g_array_index (actions, BbAction, i)));
  json_builder_end_array (builder);
  add_text (builder, "suggested_action",
            bb_workflow_suggested_action (kase->kind, kase->state, &suggested)
            ? bb_action_to_string (suggested) : NULL);
  json_builder_end_object (builder);
}

/**
 * bb_case_to_json:
 *
 * Returns: (transfer full): the case as bangban-cli prints it: `number`,
 *   `kind` (assist/proxy), `state`, `responsible` (staff number),
 *   `accepted_at`, `deadline` (YYYY-MM-DD), `client` {id, name, category,
 *   id_number (as read: masked unless revealed)} and the rest
 */
JsonNode *
bb_case_to_json (const BbCase *kase)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (kase != NULL, NULL);

  build_case (builder, kase);
  return json_builder_get_root (builder);
}

JsonNode *
bb_case_detail_to_json (const BbCaseDetail *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (detail != NULL, NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "materials");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->materials->len; i++)
    {
      BbCaseMaterial *m = g_ptr_array_index (detail->materials, i);

      json_builder_begin_object (builder);
      add_text (builder, "name", m->name);
      add_text (builder, "form", m->form);
      add_int (builder, "copies", m->copies, FALSE);
      add_text (builder, "how_to_obtain", m->how_to_obtain);
      add_bool (builder, "present", m->present);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "departments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->departments->len; i++)
    {
      BbCaseDepartment *d = g_ptr_array_index (detail->departments, i);

      json_builder_begin_object (builder);
      add_text (builder, "name", d->name);
      add_text (builder, "status", d->status);
      add_text (builder, "note", d->note);
      add_instant (builder, "updated_at", d->updated_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->events->len; i++)
    {
      BbCaseEvent *e = g_ptr_array_index (detail->events, i);
      JsonNode *data;

      json_builder_begin_object (builder);
      add_instant (builder, "at", e->at);
      add_text (builder, "staff", e->staff_number);
      add_text (builder, "staff_name", e->staff_name);
      add_text (builder, "kind", e->kind);
      add_text (builder, "from_state", e->from_state);
      add_text (builder, "to_state", e->to_state);
      add_text (builder, "text", e->body);
      json_builder_set_member_name (builder, "data");
      data = e->data != NULL ? json_from_string (e->data, NULL) : NULL;
      if (data != NULL)
        json_builder_add_value (builder, data);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "suspensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->suspensions->len; i++)
    {
      BbSuspension *s = g_ptr_array_index (detail->suspensions, i);

      json_builder_begin_object (builder);
      add_text (builder, "reason", bb_suspend_reason_to_string (s->reason));
      add_text (builder, "note", s->note);
      add_text (builder, "suspended_on", s->suspended_on);
      add_text (builder, "resume_by", s->resume_by);
      add_text (builder, "resumed_on", s->resumed_on);
      add_bool (builder, "terminated", s->terminated);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reassignments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->reassignments->len; i++)
    {
      BbReassignment *r = g_ptr_array_index (detail->reassignments, i);

      json_builder_begin_object (builder);
      add_text (builder, "from", r->from_number);
      add_text (builder, "to", r->to_number);
      add_text (builder, "reason", r->reason);
      add_bool (builder, "client_told", r->client_told);
      add_instant (builder, "at", r->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "handovers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->handovers->len; i++)
    {
      BbHandover *h = g_ptr_array_index (detail->handovers, i);

      json_builder_begin_object (builder);
      add_text (builder, "items", h->items);
      add_text (builder, "received_by", h->received_by);
      add_instant (builder, "at", h->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evaluations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->evaluations->len; i++)
    {
      BbEvaluation *e = g_ptr_array_index (detail->evaluations, i);

      json_builder_begin_object (builder);
      add_int (builder, "level", e->level, FALSE);
      add_text (builder, "comment", e->comment);
      add_text (builder, "channel", e->channel);
      add_bool (builder, "integrity_ok", e->integrity_ok);
      add_instant (builder, "at", e->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rectifications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->rectifications->len; i++)
    {
      BbRectification *r = g_ptr_array_index (detail->rectifications, i);

      json_builder_begin_object (builder);
      add_text (builder, "state", r->state);
      add_text (builder, "deadline", r->deadline);
      add_text (builder, "measures", r->measures);
      add_text (builder, "return_visit", r->return_visit);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "follow_ups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < detail->follow_ups->len; i++)
    {
      BbFollowUp *f = g_ptr_array_index (detail->follow_ups, i);

      json_builder_begin_object (builder);
      add_instant (builder, "at", f->at);
      add_text (builder, "text", f->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  /* The case's own members first, then the history. */
  root = bb_case_to_json (detail->kase);
  object = json_node_get_object (root);
  {
    g_autoptr(JsonNode) extra = json_builder_get_root (builder);
    JsonObject *extra_object = json_node_get_object (extra);
    g_autoptr(GList) names = json_object_get_members (extra_object);

    for (GList *l = names; l != NULL; l = l->next)
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (extra_object, l->data)));
  }
  return g_steal_pointer (&root);
}
