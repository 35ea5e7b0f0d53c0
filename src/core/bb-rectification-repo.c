/* bb-rectification-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rectifications (整改), as the standard's § 监督与评价 and DESIGN.md's
 * Evaluation ask: an evaluation of 不满意 or 非常不满意 opens one (in
 * bb-case-repo.c, in the evaluation's own transaction) with a deadline in
 * working days and the case's responsible staff member. Here it is carried
 * through: the measures taken (open → measures), then the mandatory return
 * visit (回访) to the client (measures → closed), and meanwhile a change of
 * the person who answers for it, with the reason.
 *
 * Who may do what: the rectification's responsible staff member, team
 * leaders, managers and administrators record measures and visits; only
 * those who may assign cases (leaders and up) reassign. Staff members list
 * only their own rectifications.
 *
 * Each action is one transaction: read the row, check the version the
 * caller read, the permission and the state; update the row (optimistic
 * lock), write a timeline event into the case (so the case view shows
 * it) and the audit record. How the return visit was made, whether the
 * client was satisfied, and who recorded the measures and the visit and
 * when are columns of the row (schema 7), besides the event's data and
 * the audit record.
 */

#define G_LOG_DOMAIN "bb-rectification-repo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-rectification-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define TEXT_CHARS   2000
#define REASON_CHARS 500
#define NUMBER_CHARS 40
#define MAX_PAGE     500

#define RECTIFICATION_SELECT \
  "SELECT r.id, r.case_id, c.number, cl.name, r.evaluation_id, e.level, e.comment, r.state, " \
  "r.deadline, r.responsible_id, s.number, s.name, r.measures, r.return_visit, " \
  "r.return_visit_at, r.created_at, r.version, r.visit_channel, r.visit_satisfied, " \
  "r.measures_at, r.measures_by, mb.number, r.visit_by, vb.number " \
  "FROM rectification r JOIN bb_case c ON c.id = r.case_id " \
  "JOIN client cl ON cl.id = c.client_id " \
  "LEFT JOIN evaluation e ON e.id = r.evaluation_id " \
  "LEFT JOIN staff s ON s.id = r.responsible_id " \
  "LEFT JOIN staff mb ON mb.id = r.measures_by " \
  "LEFT JOIN staff vb ON vb.id = r.visit_by "

enum {
  COL_ID, COL_CASE_ID, COL_CASE_NUMBER, COL_CLIENT_NAME, COL_EVALUATION_ID, COL_LEVEL,
  COL_COMMENT, COL_STATE, COL_DEADLINE, COL_RESPONSIBLE_ID, COL_RESPONSIBLE_NUMBER,
  COL_RESPONSIBLE_NAME, COL_MEASURES, COL_RETURN_VISIT, COL_RETURN_VISIT_AT, COL_CREATED_AT,
  COL_VERSION, COL_VISIT_CHANNEL, COL_VISIT_SATISFIED, COL_MEASURES_AT, COL_MEASURES_BY,
  COL_MEASURES_BY_NUMBER, COL_VISIT_BY, COL_VISIT_BY_NUMBER
};

static const GType entry_types[] = {
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64,
  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING,
  G_TYPE_NONE
};

static const char SQL_GET[] = RECTIFICATION_SELECT "WHERE r.id = ##id::gint64";
static const char SQL_LIST_CASE[] =
  RECTIFICATION_SELECT "WHERE r.case_id = ##case_id::gint64 ORDER BY r.id DESC";
/* @mine is 0 for everybody's, or the staff id whose own are listed. */
static const char SQL_LIST_ALL[] =
  RECTIFICATION_SELECT "WHERE r.id < ##before::gint64 "
  "AND (##mine::gint64 = 0 OR r.responsible_id = ##mine::gint64) "
  "ORDER BY r.id DESC LIMIT ##limit::gint";
static const char SQL_LIST_OPEN[] =
  RECTIFICATION_SELECT "WHERE r.state <> 'closed' AND r.id < ##before::gint64 "
  "AND (##mine::gint64 = 0 OR r.responsible_id = ##mine::gint64) "
  "ORDER BY r.id DESC LIMIT ##limit::gint";
static const char SQL_LIST_OVERDUE[] =
  RECTIFICATION_SELECT "WHERE r.state <> 'closed' AND r.deadline < ##today::string "
  "AND r.id < ##before::gint64 "
  "AND (##mine::gint64 = 0 OR r.responsible_id = ##mine::gint64) "
  "ORDER BY r.id DESC LIMIT ##limit::gint";

static const char SQL_MEASURES[] =
  "UPDATE rectification SET state = 'measures', measures = ##measures::string, "
  "measures_at = ##at::gint64, measures_by = ##by::gint64::null, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint AND state = 'open'";
static const char SQL_VISIT[] =
  "UPDATE rectification SET state = 'closed', return_visit = ##text::string, "
  "return_visit_at = ##at::gint64, visit_channel = ##channel::string, "
  "visit_satisfied = ##satisfied::gint::null, visit_by = ##by::gint64::null, "
  "version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint AND state = 'measures'";
static const char SQL_REASSIGN[] =
  "UPDATE rectification SET responsible_id = ##responsible_id::gint64, "
  "version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint AND state <> 'closed'";

static const char SQL_EVENT_ADD[] =
  "INSERT INTO case_event (case_id, at, staff_id, kind, body, data) "
  "VALUES (##case_id::gint64, ##at::gint64, ##staff_id::gint64::null, ##kind::string, "
  "##body::string::null, ##data::string::null)";

static const char *state_names[BB_N_RECTIFICATION_STATES] = {
  "open", "measures", "closed",
};

static const char *visit_channels[] = {
  BB_VISIT_CHANNEL_PHONE, BB_VISIT_CHANNEL_ONSITE, BB_VISIT_CHANNEL_SMS,
};

G_DEFINE_BOXED_TYPE (BbRectificationEntry, bb_rectification_entry,
                     bb_rectification_entry_copy, bb_rectification_entry_free)

/* Names and codes */

const char *
bb_rectification_state_to_string (BbRectificationState state)
{
  g_return_val_if_fail (state < BB_N_RECTIFICATION_STATES, NULL);

  return state_names[state];
}

gboolean
bb_rectification_state_from_string (const char           *text,
                                    BbRectificationState *state)
{
  for (guint i = 0; i < BB_N_RECTIFICATION_STATES; i++)
    {
      if (g_strcmp0 (text, state_names[i]) == 0)
        {
          if (state != NULL)
            *state = (BbRectificationState) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_rectification_state_label:
 *
 * Returns: the state as hall staff say it, translated
 */
const char *
bb_rectification_state_label (BbRectificationState state)
{
  switch (state)
    {
    case BB_RECTIFICATION_OPEN:
      /* Translators: a rectification (整改) on which nothing has been done yet */
      return _("Measures to take");
    case BB_RECTIFICATION_MEASURES:
      /* Translators: a rectification whose measures are on record, 待回访 */
      return _("Return visit to make");
    case BB_RECTIFICATION_CLOSED:
      /* Translators: a rectification whose return visit is on record, 已办结 */
      return _("Closed");
    case BB_N_RECTIFICATION_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bb_visit_channel_is_valid (const char *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (visit_channels); i++)
    {
      if (g_strcmp0 (channel, visit_channels[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * bb_visit_channel_label:
 *
 * Returns: (nullable): how a return visit was made, translated
 */
const char *
bb_visit_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, BB_VISIT_CHANNEL_PHONE) == 0)
    /* Translators: a return visit (回访) made by phone */
    return _("By phone");
  if (g_strcmp0 (channel, BB_VISIT_CHANNEL_ONSITE) == 0)
    /* Translators: a return visit made in person, at the hall or at home */
    return _("In person");
  if (g_strcmp0 (channel, BB_VISIT_CHANNEL_SMS) == 0)
    /* Translators: a return visit made by text message */
    return _("By text message");
  return NULL;
}

/**
 * bb_rectification_event_label:
 * @kind: a case timeline event's kind
 *
 * Returns: (nullable): the heading of a rectification's timeline event, or
 *   %NULL when @kind is not one
 */
const char *
bb_rectification_event_label (const char *kind)
{
  if (g_strcmp0 (kind, BB_RECTIFICATION_EVENT_MEASURES) == 0)
    /* Translators: a timeline heading: the measures of a rectification (整改措施) */
    return _("Rectification measures recorded");
  if (g_strcmp0 (kind, BB_RECTIFICATION_EVENT_VISIT) == 0)
    /* Translators: a timeline heading: the return visit (回访) closed the rectification */
    return _("Return visit recorded");
  if (g_strcmp0 (kind, BB_RECTIFICATION_EVENT_REASSIGN) == 0)
    /* Translators: a timeline heading */
    return _("Rectification reassigned");
  return NULL;
}

/**
 * bb_rectification_may_handle:
 *
 * Returns: whether @actor may record measures and return visits of
 *   @entry: its responsible staff member, team leaders, managers and
 *   administrators
 */
gboolean
bb_rectification_may_handle (const BbActor              *actor,
                             const BbRectificationEntry *entry)
{
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (bb_actor_can (actor, BB_PERM_CASE_ACT_ANY))
    return TRUE;
  return actor->staff_id != 0 && actor->staff_id == entry->responsible_id;
}

/* Structs */

BbRectificationEntry *
bb_rectification_entry_copy (const BbRectificationEntry *entry)
{
  BbRectificationEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->case_number = g_strdup (entry->case_number);
  copy->client_name = g_strdup (entry->client_name);
  copy->comment = g_strdup (entry->comment);
  copy->deadline = g_strdup (entry->deadline);
  copy->responsible_number = g_strdup (entry->responsible_number);
  copy->responsible_name = g_strdup (entry->responsible_name);
  copy->measures = g_strdup (entry->measures);
  copy->return_visit = g_strdup (entry->return_visit);
  copy->visit_channel = g_strdup (entry->visit_channel);
  copy->measures_by_number = g_strdup (entry->measures_by_number);
  copy->visit_by_number = g_strdup (entry->visit_by_number);
  return copy;
}

void
bb_rectification_entry_free (BbRectificationEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->case_number);
  g_free (entry->client_name);
  g_free (entry->comment);
  g_free (entry->deadline);
  g_free (entry->responsible_number);
  g_free (entry->responsible_name);
  g_free (entry->measures);
  g_free (entry->return_visit);
  g_free (entry->visit_channel);
  g_free (entry->measures_by_number);
  g_free (entry->visit_by_number);
  g_free (entry);
}

/* Time */

static char *
today_iso (void)
{
  GDate today;

  bb_clock_today (&today);
  return bb_date_to_iso (&today);
}

static char *
usec_to_iso8601 (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format_iso8601 (local);
}

/* JSON */

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
json_set_instant (JsonObject *object,
                  const char *name,
                  gint64      usec)
{
  g_autofree char *text = usec != 0 ? usec_to_iso8601 (usec) : NULL;

  json_set_text (object, name, text);
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/**
 * bb_rectification_entry_to_json:
 *
 * Returns: (transfer full): the rectification as an object, instants as
 *   ISO 8601 in the time zone of record
 */
JsonNode *
bb_rectification_entry_to_json (const BbRectificationEntry *entry)
{
  JsonObject *object;

  g_return_val_if_fail (entry != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "id", entry->id);
  json_set_text (object, "case", entry->case_number);
  json_set_text (object, "client", entry->client_name);
  json_object_set_int_member (object, "level", entry->level);
  json_set_text (object, "comment", entry->comment);
  json_set_text (object, "state", bb_rectification_state_to_string (entry->state));
  json_set_text (object, "deadline", entry->deadline);
  json_object_set_boolean_member (object, "overdue", entry->overdue);
  json_set_text (object, "responsible", entry->responsible_number);
  json_set_text (object, "responsible_name", entry->responsible_name);
  json_set_text (object, "measures", entry->measures);
  json_set_text (object, "return_visit", entry->return_visit);
  json_set_instant (object, "return_visit_at", entry->return_visit_at);
  json_set_text (object, "visit_channel", entry->visit_channel);
  if (entry->visit_satisfied < 0)
    json_object_set_null_member (object, "visit_satisfied");
  else
    json_object_set_boolean_member (object, "visit_satisfied", entry->visit_satisfied > 0);
  json_set_instant (object, "measures_at", entry->measures_at);
  json_set_text (object, "measures_by", entry->measures_by_number);
  json_set_text (object, "visit_by", entry->visit_by_number);
  json_set_instant (object, "created_at", entry->created_at);
  json_object_set_int_member (object, "version", entry->version);
  return object_node (object);
}

/* Reading */

static BbRectificationEntry *
entry_from_model (GdaDataModel *model,
                  int           row,
                  const char   *today)
{
  BbRectificationEntry *r = g_new0 (BbRectificationEntry, 1);
  g_autofree char *state = bb_model_dup_string (model, COL_STATE, row);

  r->id = bb_model_get_int64 (model, COL_ID, row, 0);
  r->case_id = bb_model_get_int64 (model, COL_CASE_ID, row, 0);
  r->case_number = bb_model_dup_string (model, COL_CASE_NUMBER, row);
  r->client_name = bb_model_dup_string (model, COL_CLIENT_NAME, row);
  r->evaluation_id = bb_model_get_int64 (model, COL_EVALUATION_ID, row, 0);
  r->level = (int) bb_model_get_int64 (model, COL_LEVEL, row, 0);
  r->comment = bb_model_dup_string (model, COL_COMMENT, row);
  if (!bb_rectification_state_from_string (state, &r->state))
    g_warning ("Rectification %" G_GINT64_FORMAT " has an unknown state “%s”", r->id, state);
  r->deadline = bb_model_dup_string (model, COL_DEADLINE, row);
  r->responsible_id = bb_model_get_int64 (model, COL_RESPONSIBLE_ID, row, 0);
  r->responsible_number = bb_model_dup_string (model, COL_RESPONSIBLE_NUMBER, row);
  r->responsible_name = bb_model_dup_string (model, COL_RESPONSIBLE_NAME, row);
  r->measures = bb_model_dup_string (model, COL_MEASURES, row);
  r->return_visit = bb_model_dup_string (model, COL_RETURN_VISIT, row);
  r->return_visit_at = bb_model_get_int64 (model, COL_RETURN_VISIT_AT, row, 0);
  r->created_at = bb_model_get_int64 (model, COL_CREATED_AT, row, 0);
  r->version = (int) bb_model_get_int64 (model, COL_VERSION, row, 1);
  r->visit_channel = bb_model_dup_string (model, COL_VISIT_CHANNEL, row);
  r->visit_satisfied = (int) bb_model_get_int64 (model, COL_VISIT_SATISFIED, row, -1);
  r->measures_at = bb_model_get_int64 (model, COL_MEASURES_AT, row, 0);
  r->measures_by = bb_model_get_int64 (model, COL_MEASURES_BY, row, 0);
  r->measures_by_number = bb_model_dup_string (model, COL_MEASURES_BY_NUMBER, row);
  r->visit_by = bb_model_get_int64 (model, COL_VISIT_BY, row, 0);
  r->visit_by_number = bb_model_dup_string (model, COL_VISIT_BY_NUMBER, row);
  /* ISO dates compare as text. */
  r->overdue = r->state != BB_RECTIFICATION_CLOSED && r->deadline != NULL &&
               g_strcmp0 (r->deadline, today) < 0;
  return r;
}

/* Returns NULL with BB_ERROR_NOT_FOUND when there is no such rectification. */
static BbRectificationEntry *
read_entry (BbDatabase  *db,
            gint64       id,
            GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_GET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  g_autofree char *today = today_iso ();

  bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, entry_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                   _("There is no rectification numbered %lld"), (long long) id);
      return NULL;
    }

  return entry_from_model (model, 0, today);
}

/* Writing */

/* Takes @data (the event's data object). */

static gboolean
add_event (BbDatabase                 *db,
           const BbActor              *actor,
           const BbRectificationEntry *entry,
           const char                 *kind,
           gint64                      at,
           const char                 *body,
           JsonObject                 *data,
           GError                    **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_EVENT_ADD);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_take_object (node, data);
  text = json_to_string (node, FALSE);

  bb_params_set_int64 (params, "case_id", entry->case_id);
  bb_params_set_int64 (params, "at", at);
  if (actor->staff_id > 0)
    bb_params_set_int64 (params, "staff_id", actor->staff_id);
  else
    bb_params_set_null (params, "staff_id");
  bb_params_set_string (params, "kind", kind);
  bb_params_set_string (params, "body", body);
  bb_params_set_string (params, "data", text);
  return bb_database_execute (db, statement, params, error) >= 0;
}

static void
set_conflict (GError **error,
              gint64   id)
{
  g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
               _("Rectification %lld was changed by someone else in the meantime; nothing was "
                 "changed"), (long long) id);
}

/* Reads the row in the transaction and checks the version and who acts. */
static BbRectificationEntry *
begin_change (BbDatabase     *db,
              const BbActor  *actor,
              gint64          id,
              int             expected_version,
              gboolean        assign,
              GError        **error)
{
  g_autoptr(BbRectificationEntry) before = read_entry (db, id, error);

  if (before == NULL)
    return NULL;
  if (before->version != expected_version)
    {
      set_conflict (error, id);
      return NULL;
    }
  if (assign)
    {
      if (!bb_actor_check (actor, BB_PERM_CASE_ASSIGN, error))
        return NULL;
    }
  else if (!bb_rectification_may_handle (actor, before))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("Only the responsible staff member (%s), a team leader or a manager may "
                     "act on rectification %lld"),
                   before->responsible_name != NULL ? before->responsible_name : "—",
                   (long long) id);
      return NULL;
    }
  if (before->state == BB_RECTIFICATION_CLOSED)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("Rectification %lld is closed: its return visit is on record"),
                   (long long) id);
      return NULL;
    }
  return g_steal_pointer (&before);
}

static GdaSet *
update_params (BbDatabase *db,
               const char *sql,
               gint64      id,
               int         version)
{
  GdaSet *params = bb_database_new_params (db, bb_database_prepare (db, sql));

  bb_params_set_int64 (params, "id", id);
  bb_params_set_int (params, "version", version);
  return params;
}

static gboolean
execute_update (BbDatabase  *db,
                const char  *sql,
                GdaSet      *params,
                gint64       id,
                GError     **error)
{
  int rows = bb_database_execute (db, bb_database_prepare (db, sql), params, error);

  if (rows < 0)
    return FALSE;
  if (rows == 0)
    {
      set_conflict (error, id);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
state_node (const BbRectificationEntry *entry)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "case_id", entry->case_id);
  json_set_text (object, "state", bb_rectification_state_to_string (entry->state));
  json_object_set_int_member (object, "version", entry->version);
  return object_node (object);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* Public API */

/**
 * bb_rectification_repo_list:
 * @filter: which ones
 * @before_id: list those with a smaller id than this one (the last one of
 *   the previous page), or 0 to start with the newest
 * @limit: the most to return (at most 500)
 *
 * Lists rectifications newest first, one keyset page at a time, with the
 * overdue flag computed against today's date of record. Team leaders,
 * managers and administrators see everybody's; a staff member sees those
 * he or she answers for.
 *
 * Returns: (transfer full) (element-type BbRectificationEntry): the page,
 *   or %NULL
 */
GPtrArray *
bb_rectification_repo_list (BbDatabase             *db,
                            const BbActor          *actor,
                            BbRectificationFilter   filter,
                            gint64                  before_id,
                            guint                   limit,
                            GError                **error)
{
  const char *sql;
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  g_autofree char *today = today_iso ();
  GPtrArray *page;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  switch (filter)
    {
    case BB_RECTIFICATION_LIST_OPEN:
      sql = SQL_LIST_OPEN;
      break;
    case BB_RECTIFICATION_LIST_OVERDUE:
      sql = SQL_LIST_OVERDUE;
      break;
    case BB_RECTIFICATION_LIST_ALL:
      sql = SQL_LIST_ALL;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  statement = bb_database_prepare (db, sql);
  params = bb_database_new_params (db, statement);
  if (filter == BB_RECTIFICATION_LIST_OVERDUE)
    bb_params_set_string (params, "today", today);
  bb_params_set_int64 (params, "before", before_id > 0 ? before_id : G_MAXINT64);
  bb_params_set_int64 (params, "mine",
                       bb_actor_can (actor, BB_PERM_CASE_ACT_ANY) ? 0
                       : actor->staff_id > 0 ? actor->staff_id : -1);
  bb_params_set_int (params, "limit", (int) CLAMP (limit, 1, MAX_PAGE));

  model = bb_database_select (db, statement, params, entry_types, error);
  if (model == NULL)
    return NULL;

  page = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_rectification_entry_free);
  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (page, entry_from_model (model, row, today));
  return page;
}

/**
 * bb_rectification_repo_list_case:
 *
 * The rectifications of one case, newest first, with how each return
 * visit was made. Anybody who may read the case may read them.
 *
 * Returns: (transfer full) (element-type BbRectificationEntry): the list,
 *   or %NULL
 */
GPtrArray *
bb_rectification_repo_list_case (BbDatabase     *db,
                                 const BbActor  *actor,
                                 gint64          case_id,
                                 GError        **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *today = today_iso ();
  gboolean ok;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  bb_database_lock (db);
  statement = bb_database_prepare (db, SQL_LIST_CASE);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "case_id", case_id);
  model = bb_database_select (db, statement, params, entry_types, error);
  ok = model != NULL;
  if (ok)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_rectification_entry_free);
      n_rows = gda_data_model_get_n_rows (model);
      for (int row = 0; row < n_rows; row++)
        g_ptr_array_add (list, entry_from_model (model, row, today));
    }
  bb_database_unlock (db);

  return ok ? g_steal_pointer (&list) : NULL;
}

/**
 * bb_rectification_repo_get:
 *
 * Returns: (transfer full): the rectification, with how its return visit
 *   was made, or %NULL with %BB_ERROR_NOT_FOUND
 */
BbRectificationEntry *
bb_rectification_repo_get (BbDatabase     *db,
                           const BbActor  *actor,
                           gint64          id,
                           GError        **error)
{
  BbRectificationEntry *entry;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  bb_database_lock (db);
  entry = read_entry (db, id, error);
  bb_database_unlock (db);
  return entry;
}

/**
 * bb_rectification_repo_record_measures:
 * @measures: what was done about the bad evaluation (required)
 * @expected_version: the version the caller read
 *
 * Records the measures taken: open → measures. Refused
 * (%BB_ERROR_REFUSED) unless the rectification is open and @actor is its
 * responsible staff member, a team leader, a manager or an administrator;
 * %BB_ERROR_CONFLICT when it changed since @expected_version;
 * %BB_ERROR_INVALID naming the field when @measures is empty or too long.
 * Nothing is written in any of those cases.
 *
 * Returns: (transfer full): the rectification afterwards, or %NULL
 */
BbRectificationEntry *
bb_rectification_repo_record_measures (BbDatabase     *db,
                                       const BbActor  *actor,
                                       gint64          id,
                                       const char     *measures,
                                       int             expected_version,
                                       GError        **error)
{
  g_autoptr(BbRectificationEntry) before = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *text = NULL;
  JsonObject *data;
  gint64 now;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  /* Translators: the field of what was done about a bad evaluation (整改措施) */
  if (!bb_validate_text (_("Measures taken"), measures, TRUE, TEXT_CHARS, error))
    return NULL;
  text = trimmed (measures);

  if (!bb_database_begin (db, error))
    return NULL;

  before = begin_change (db, actor, id, expected_version, FALSE, error);
  if (before == NULL)
    goto failed;
  if (before->state != BB_RECTIFICATION_OPEN)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The measures of rectification %lld are already on record; the return "
                     "visit comes next"), (long long) id);
      goto failed;
    }

  now = bb_clock_now_usec ();
  params = update_params (db, SQL_MEASURES, id, expected_version);
  bb_params_set_string (params, "measures", text);
  bb_params_set_int64 (params, "at", now);
  if (actor->staff_id > 0)
    bb_params_set_int64 (params, "by", actor->staff_id);
  else
    bb_params_set_null (params, "by");
  if (!execute_update (db, SQL_MEASURES, params, id, error))
    goto failed;

  data = json_object_new ();
  json_object_set_int_member (data, "rectification_id", id);
  if (!add_event (db, actor, before, BB_RECTIFICATION_EVENT_MEASURES, now, text, data, error))
    goto failed;

  after = read_entry (db, id, error);
  if (after == NULL)
    goto failed;
  before_node = state_node (before);
  after_node = state_node (after);
  json_object_set_string_member (json_node_get_object (after_node), "measures", text);
  if (!bb_audit_record (db, actor, "rectification", id, "measures", before_node, after_node,
                        error))
    goto failed;

  if (!bb_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&after);

failed:
  bb_database_rollback (db);
  return NULL;
}

/**
 * bb_rectification_repo_record_visit:
 * @text: what the return visit found (required)
 * @channel: how it was made: a BB_VISIT_CHANNEL_* code
 * @satisfied: 1 when the client now says they are satisfied, 0 when not,
 *   -1 when they did not say
 * @expected_version: the version the caller read
 *
 * Records the return visit (回访) and closes the rectification: measures →
 * closed. It must come after the measures; refusals, conflicts and invalid
 * input as for bb_rectification_repo_record_measures(). The channel, the
 * answer and who made the visit are kept in the row, the timeline event
 * and the audit record.
 *
 * Returns: (transfer full): the rectification afterwards, or %NULL
 */
BbRectificationEntry *
bb_rectification_repo_record_visit (BbDatabase     *db,
                                    const BbActor  *actor,
                                    gint64          id,
                                    const char     *text,
                                    const char     *channel,
                                    int             satisfied,
                                    int             expected_version,
                                    GError        **error)
{
  g_autoptr(BbRectificationEntry) before = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *body = NULL;
  JsonObject *data;
  JsonObject *details;
  gint64 now;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  /* Translators: the field of what the return visit (回访) found */
  if (!bb_validate_text (_("Return visit"), text, TRUE, TEXT_CHARS, error))
    return NULL;
  if (!bb_visit_channel_is_valid (channel))
    {
      /* Translators: how the return visit was made */
      bb_set_field_error (error, _("Visit made"), _("choose by phone, in person or by text "
                                                    "message"));
      return NULL;
    }
  if (satisfied < -1 || satisfied > 1)
    {
      /* Translators: whether the client is satisfied after the rectification */
      bb_set_field_error (error, _("Client satisfied"), _("answer yes or no"));
      return NULL;
    }
  body = trimmed (text);

  if (!bb_database_begin (db, error))
    return NULL;

  before = begin_change (db, actor, id, expected_version, FALSE, error);
  if (before == NULL)
    goto failed;
  if (before->state != BB_RECTIFICATION_MEASURES)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("Rectification %lld has no measures on record yet: record the measures "
                     "taken before the return visit"), (long long) id);
      goto failed;
    }

  now = bb_clock_now_usec ();
  params = update_params (db, SQL_VISIT, id, expected_version);
  bb_params_set_string (params, "text", body);
  bb_params_set_int64 (params, "at", now);
  bb_params_set_string (params, "channel", channel);
  if (satisfied >= 0)
    bb_params_set_int (params, "satisfied", satisfied);
  else
    bb_params_set_null (params, "satisfied");
  if (actor->staff_id > 0)
    bb_params_set_int64 (params, "by", actor->staff_id);
  else
    bb_params_set_null (params, "by");
  if (!execute_update (db, SQL_VISIT, params, id, error))
    goto failed;

  data = json_object_new ();
  json_object_set_int_member (data, "rectification_id", id);
  json_object_set_string_member (data, "channel", channel);
  if (satisfied < 0)
    json_object_set_null_member (data, "satisfied");
  else
    json_object_set_boolean_member (data, "satisfied", satisfied > 0);
  json_object_set_boolean_member (data, "on_time", !before->overdue);
  if (!add_event (db, actor, before, BB_RECTIFICATION_EVENT_VISIT, now, body,
                  json_object_ref (data), error))
    {
      json_object_unref (data);
      goto failed;
    }

  after = read_entry (db, id, error);
  if (after == NULL)
    {
      json_object_unref (data);
      goto failed;
    }
  before_node = state_node (before);
  after_node = state_node (after);
  details = json_node_get_object (after_node);
  json_object_set_string_member (details, "return_visit", body);
  json_object_set_string_member (details, "channel", channel);
  json_object_set_member (details, "satisfied",
                          json_node_copy (json_object_get_member (data, "satisfied")));
  json_object_set_boolean_member (details, "on_time", !before->overdue);
  json_object_unref (data);
  if (!bb_audit_record (db, actor, "rectification", id, "return-visit", before_node, after_node,
                        error))
    goto failed;

  if (!bb_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&after);

failed:
  bb_database_rollback (db);
  return NULL;
}

/**
 * bb_rectification_repo_reassign:
 * @staff_number: the staff member who answers for it from now on
 * @reason: why (required)
 * @expected_version: the version the caller read
 *
 * Changes who answers for a rectification that is not closed. Team
 * leaders, managers and administrators only (%BB_ERROR_REFUSED); the new
 * person must be an active staff member (%BB_ERROR_INVALID naming the
 * field); %BB_ERROR_CONFLICT as elsewhere.
 *
 * Returns: (transfer full): the rectification afterwards, or %NULL
 */
BbRectificationEntry *
bb_rectification_repo_reassign (BbDatabase     *db,
                                const BbActor  *actor,
                                gint64          id,
                                const char     *staff_number,
                                const char     *reason,
                                int             expected_version,
                                GError        **error)
{
  g_autoptr(BbRectificationEntry) before = NULL;
  g_autoptr(BbRectificationEntry) after = NULL;
  g_autoptr(BbStaff) staff = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *number = NULL;
  JsonObject *data;
  gint64 now;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!bb_actor_check (actor, BB_PERM_CASE_ASSIGN, error))
    return NULL;
  /* Translators: the staff member a rectification is given to */
  if (!bb_validate_text (_("Responsible staff member"), staff_number, TRUE, NUMBER_CHARS, error))
    return NULL;
  /* Translators: why a rectification is given to somebody else */
  if (!bb_validate_text (_("Reason"), reason, TRUE, REASON_CHARS, error))
    return NULL;
  number = trimmed (staff_number);
  why = trimmed (reason);

  if (!bb_database_begin (db, error))
    return NULL;

  before = begin_change (db, actor, id, expected_version, TRUE, error);
  if (before == NULL)
    goto failed;

  staff = bb_staff_repo_find_by_number (db, number, &local_error);
  if (staff == NULL)
    {
      if (g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        bb_set_field_error (error, _("Responsible staff member"),
                            _("there is no staff member numbered “%s”"), number);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (!staff->active)
    {
      bb_set_field_error (error, _("Responsible staff member"),
                          _("%s (%s) is no longer active"), staff->name, staff->number);
      goto failed;
    }
  if (staff->id == before->responsible_id)
    {
      bb_set_field_error (error, _("Responsible staff member"),
                          _("%s (%s) already answers for it"), staff->name, staff->number);
      goto failed;
    }

  now = bb_clock_now_usec ();
  params = update_params (db, SQL_REASSIGN, id, expected_version);
  bb_params_set_int64 (params, "responsible_id", staff->id);
  if (!execute_update (db, SQL_REASSIGN, params, id, error))
    goto failed;

  data = json_object_new ();
  json_object_set_int_member (data, "rectification_id", id);
  if (before->responsible_id > 0)
    json_object_set_int_member (data, "from", before->responsible_id);
  else
    json_object_set_null_member (data, "from");
  json_object_set_int_member (data, "to", staff->id);
  {
    /* Translators: a timeline entry: the new responsible person, then the reason */
    g_autofree char *body = g_strdup_printf (_("To %s (%s): %s"), staff->name, staff->number,
                                             why);

    if (!add_event (db, actor, before, BB_RECTIFICATION_EVENT_REASSIGN, now, body, data,
                    error))
      goto failed;
  }

  after = read_entry (db, id, error);
  if (after == NULL)
    goto failed;
  before_node = state_node (before);
  if (before->responsible_id > 0)
    json_object_set_int_member (json_node_get_object (before_node), "responsible_id",
                                before->responsible_id);
  else
    json_object_set_null_member (json_node_get_object (before_node), "responsible_id");
  after_node = state_node (after);
  json_object_set_int_member (json_node_get_object (after_node), "responsible_id", staff->id);
  json_object_set_string_member (json_node_get_object (after_node), "reason", why);
  if (!bb_audit_record (db, actor, "rectification", id, "reassign", before_node, after_node,
                        error))
    goto failed;

  if (!bb_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&after);

failed:
  bb_database_rollback (db);
  return NULL;
}
