/* bb-complaint-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Complaints (投诉) after GB/T 36113, as the standard's § 监督与评价 asks:
 * the intake, then 受理 → 调查 → 处置 → 反馈 → 归档, each step with its time,
 * person and text. The whole complaint is timed against one limit in
 * working days (the `complaint_days` setting) from the day of intake, and
 * each step after the intake against its own limit (the
 * `complaint_*_days` settings) from the day the step before it was taken,
 * both on the holiday calendar. A step's deadline is fixed when the step
 * before it is taken, so that changing a setting does not move deadlines
 * already given.
 *
 * Anybody on the staff may take a complaint in; only managers and
 * administrators (BB_PERM_COMPLAINTS) may read complaints and move them on,
 * since a complaint may be about a colleague. Each intake and each step is
 * one transaction with its audit record; a step names the version its
 * caller read and is refused when the complaint changed in the meantime.
 */

#define G_LOG_DOMAIN "bb-complaint-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define COMPLAINANT_CHARS 50
#define CONTACT_CHARS     100
#define NUMBER_CHARS      40
#define CONTENT_CHARS     2000
#define STEP_TEXT_CHARS   2000
#define MAX_PAGE          500

static const char SQL_COUNTER_ENSURE[] =
  "INSERT INTO counter (name, value) VALUES (##name::string, 0) ON CONFLICT (name) DO NOTHING";
static const char SQL_COUNTER_NEXT[] =
  "UPDATE counter SET value = value + 1 WHERE name = ##name::string";
static const char SQL_COUNTER_READ[] =
  "SELECT value FROM counter WHERE name = ##name::string";

static const char SQL_CASE_ID[] =
  "SELECT id FROM bb_case WHERE number = ##number::string";

#define INSERT_COMPLAINT \
  "INSERT INTO complaint (number, received_at, channel, complainant, contact, case_id, " \
  "staff_id, content, state, due_at, created_by, limit_days, step_due_at) " \
  "VALUES (##number::string, ##received_at::gint64, ##channel::string, " \
  "##complainant::string, ##contact::string::null, ##case_id::gint64::null, " \
  "##staff_id::gint64::null, ##content::string, 'received', ##due_at::gint64, " \
  "##created_by::gint64::null, ##limit_days::gint, ##step_due_at::gint64)"
static const char SQL_INSERT[] = INSERT_COMPLAINT;
static const char SQL_INSERT_PG[] = INSERT_COMPLAINT " RETURNING id";
static const char SQL_LAST_ROWID[] = "SELECT last_insert_rowid()";

static const char SQL_ADVANCE[] =
  "UPDATE complaint SET state = ##to::string, step_due_at = ##step_due_at::gint64::null, "
  "version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint AND state = ##from::string";

static const char SQL_STEP_ADD[] =
  "INSERT INTO complaint_step (complaint_id, step, at, staff_id, body, on_time, due_at) "
  "VALUES (##complaint_id::gint64, ##step::string, ##at::gint64, ##staff_id::gint64::null, "
  "##body::string::null, ##on_time::gint, ##due_at::gint64::null)";

#define COMPLAINT_SELECT \
  "SELECT c.id, c.number, c.received_at, c.channel, c.complainant, c.contact, c.case_id, " \
  "k.number, c.staff_id, s.number, s.name, c.content, c.state, c.due_at, c.created_by, " \
  "cb.number, cb.name, (SELECT max(st.at) FROM complaint_step st WHERE st.complaint_id = c.id), " \
  "c.version, c.limit_days, c.step_due_at FROM complaint c LEFT JOIN bb_case k ON k.id = c.case_id " \
  "LEFT JOIN staff s ON s.id = c.staff_id LEFT JOIN staff cb ON cb.id = c.created_by "

enum {
  COL_ID, COL_NUMBER, COL_RECEIVED_AT, COL_CHANNEL, COL_COMPLAINANT, COL_CONTACT,
  COL_CASE_ID, COL_CASE_NUMBER, COL_STAFF_ID, COL_STAFF_NUMBER, COL_STAFF_NAME, COL_CONTENT,
  COL_STATE, COL_DUE_AT, COL_CREATED_BY, COL_CREATED_BY_NUMBER, COL_CREATED_BY_NAME,
  COL_UPDATED_AT, COL_VERSION, COL_LIMIT_DAYS, COL_STEP_DUE_AT
};

static const GType complaint_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64,
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
};

static const char SQL_GET[] = COMPLAINT_SELECT "WHERE c.number = ##number::string";
static const char SQL_LIST[] =
  COMPLAINT_SELECT "WHERE c.id < ##before::gint64 ORDER BY c.id DESC LIMIT ##limit::gint";
static const char SQL_LIST_STATE[] =
  COMPLAINT_SELECT "WHERE c.state = ##state::string AND c.id < ##before::gint64 "
  "ORDER BY c.id DESC LIMIT ##limit::gint";

static const char SQL_STEPS[] =
  "SELECT st.id, st.step, st.at, st.staff_id, s.number, s.name, st.body, st.on_time, st.due_at "
  "FROM complaint_step st LEFT JOIN staff s ON s.id = st.staff_id "
  "WHERE st.complaint_id = ##complaint_id::gint64 ORDER BY st.id";

static const GType step_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
};

static const char *state_names[BB_N_COMPLAINT_STATES] = {
  "received", "investigating", "handled", "answered", "archived",
};

static const char *channel_codes[] = {
  BB_COMPLAINT_CHANNEL_ONSITE, BB_COMPLAINT_CHANNEL_PHONE, BB_COMPLAINT_CHANNEL_HOTLINE,
  BB_COMPLAINT_CHANNEL_LETTER, BB_COMPLAINT_CHANNEL_EMAIL, BB_COMPLAINT_CHANNEL_ONLINE,
  BB_COMPLAINT_CHANNEL_BOX,
};

G_DEFINE_BOXED_TYPE (BbComplaint, bb_complaint, bb_complaint_copy, bb_complaint_free)

/* Names and codes */

const char *
bb_complaint_state_to_string (BbComplaintState state)
{
  g_return_val_if_fail (state < BB_N_COMPLAINT_STATES, NULL);

  return state_names[state];
}

gboolean
bb_complaint_state_from_string (const char       *text,
                                BbComplaintState *state)
{
  for (guint i = 0; i < BB_N_COMPLAINT_STATES; i++)
    {
      if (g_strcmp0 (text, state_names[i]) == 0)
        {
          if (state != NULL)
            *state = (BbComplaintState) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_complaint_state_label:
 *
 * Returns: the step's name as GB/T 36113 calls it, translated
 */
const char *
bb_complaint_state_label (BbComplaintState state)
{
  switch (state)
    {
    case BB_COMPLAINT_RECEIVED:
      /* Translators: a complaint's first step, 受理 */
      return _("Received");
    case BB_COMPLAINT_INVESTIGATING:
      /* Translators: a complaint's step, 调查 */
      return _("Investigating");
    case BB_COMPLAINT_HANDLED:
      /* Translators: a complaint's step, 处置: measures have been taken */
      return _("Handled");
    case BB_COMPLAINT_ANSWERED:
      /* Translators: a complaint's step, 反馈: the complainant was told the outcome */
      return _("Answered");
    case BB_COMPLAINT_ARCHIVED:
      /* Translators: a complaint's last step, 归档 */
      return _("Archived");
    case BB_N_COMPLAINT_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bb_complaint_can_step:
 *
 * Returns: whether a complaint in @from may move to @to: only to the next
 *   step, never back, never skipping one
 */
gboolean
bb_complaint_can_step (BbComplaintState from,
                       BbComplaintState to)
{
  return from < BB_COMPLAINT_ARCHIVED && to < BB_N_COMPLAINT_STATES && to == from + 1;
}

gboolean
bb_complaint_channel_is_valid (const char *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_codes); i++)
    {
      if (g_strcmp0 (channel, channel_codes[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
bb_complaint_channel_label (const char *channel)
{
  /* The channel names are short words that other strings use with another
   * meaning (“Phone” is also a contact field, “Online” a catalogue tag):
   * each has its own context. */
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_ONSITE) == 0)
    /* Translators: a complaint made in person at the hall, 现场 */
    return C_("complaint channel", "In person");
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_PHONE) == 0)
    /* Translators: a complaint made by telephone, 电话 */
    return C_("complaint channel", "Phone");
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_HOTLINE) == 0)
    /* Translators: the government service hotline, 12345 热线 */
    return C_("complaint channel", "12345 hotline");
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_LETTER) == 0)
    /* Translators: a complaint made by letter, 信函 */
    return C_("complaint channel", "Letter");
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_EMAIL) == 0)
    /* Translators: a complaint made by e-mail, 电子邮件 */
    return C_("complaint channel", "Email");
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_ONLINE) == 0)
    /* Translators: a complaint made on the online platform, 网上 */
    return C_("complaint channel", "Online");
  if (g_strcmp0 (channel, BB_COMPLAINT_CHANNEL_BOX) == 0)
    /* Translators: 意见箱, the box in the hall for written comments */
    return C_("complaint channel", "Comment box");
  return NULL;
}

/**
 * bb_complaint_step_setting:
 * @step: a step after the intake
 *
 * Returns: (nullable): the key of the setting with @step's time limit, or
 *   %NULL for the intake (it has none: it is the complaint's start)
 */
const char *
bb_complaint_step_setting (BbComplaintState step)
{
  switch (step)
    {
    case BB_COMPLAINT_INVESTIGATING:
      return BB_SETTING_COMPLAINT_INVESTIGATE_DAYS;
    case BB_COMPLAINT_HANDLED:
      return BB_SETTING_COMPLAINT_HANDLE_DAYS;
    case BB_COMPLAINT_ANSWERED:
      return BB_SETTING_COMPLAINT_FEEDBACK_DAYS;
    case BB_COMPLAINT_ARCHIVED:
      return BB_SETTING_COMPLAINT_ARCHIVE_DAYS;
    case BB_COMPLAINT_RECEIVED:
    case BB_N_COMPLAINT_STATES:
    default:
      return NULL;
    }
}

/**
 * bb_complaint_step_default_days:
 *
 * Returns: the time limit of @step when its setting is missing or unusable:
 *   调查 2, 处置 5 and 反馈 3 working days (together the ten of
 *   `complaint_days`), 归档 5; 0 for the intake
 */
int
bb_complaint_step_default_days (BbComplaintState step)
{
  switch (step)
    {
    case BB_COMPLAINT_INVESTIGATING:
      return 2;
    case BB_COMPLAINT_HANDLED:
      return 5;
    case BB_COMPLAINT_ANSWERED:
      return 3;
    case BB_COMPLAINT_ARCHIVED:
      return 5;
    case BB_COMPLAINT_RECEIVED:
    case BB_N_COMPLAINT_STATES:
    default:
      return 0;
    }
}

/* Structs */

BbComplaint *
bb_complaint_copy (const BbComplaint *complaint)
{
  BbComplaint *copy;

  g_return_val_if_fail (complaint != NULL, NULL);

  copy = g_memdup2 (complaint, sizeof *complaint);
  copy->number = g_strdup (complaint->number);
  copy->channel = g_strdup (complaint->channel);
  copy->complainant = g_strdup (complaint->complainant);
  copy->contact = g_strdup (complaint->contact);
  copy->case_number = g_strdup (complaint->case_number);
  copy->staff_number = g_strdup (complaint->staff_number);
  copy->staff_name = g_strdup (complaint->staff_name);
  copy->content = g_strdup (complaint->content);
  copy->due_date = g_strdup (complaint->due_date);
  copy->step_due_date = g_strdup (complaint->step_due_date);
  copy->created_by_number = g_strdup (complaint->created_by_number);
  copy->created_by_name = g_strdup (complaint->created_by_name);
  return copy;
}

void
bb_complaint_free (BbComplaint *complaint)
{
  if (complaint == NULL)
    return;

  g_free (complaint->number);
  g_free (complaint->channel);
  g_free (complaint->complainant);
  g_free (complaint->contact);
  g_free (complaint->case_number);
  g_free (complaint->staff_number);
  g_free (complaint->staff_name);
  g_free (complaint->content);
  g_free (complaint->due_date);
  g_free (complaint->step_due_date);
  g_free (complaint->created_by_number);
  g_free (complaint->created_by_name);
  g_free (complaint);
}

void
bb_complaint_step_free (BbComplaintStep *step)
{
  if (step == NULL)
    return;

  g_free (step->staff_number);
  g_free (step->staff_name);
  g_free (step->body);
  g_free (step->due_date);
  g_free (step);
}

void
bb_complaint_detail_free (BbComplaintDetail *detail)
{
  if (detail == NULL)
    return;

  bb_complaint_free (detail->complaint);
  g_clear_pointer (&detail->steps, g_ptr_array_unref);
  g_free (detail);
}

/* Time */

static GDateTime *
local_time (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, tz);
}

static void
usec_to_date (gint64  usec,
              GDate  *out)
{
  g_autoptr(GDateTime) local = local_time (usec);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
usec_to_iso8601 (gint64 usec)
{
  g_autoptr(GDateTime) local = local_time (usec);

  return g_date_time_format_iso8601 (local);
}

/* The last microsecond of @date in the time zone of record. */
static gint64
end_of_day_usec (const GDate *date)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  midnight = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  return g_date_time_to_unix (next) * G_USEC_PER_SEC - 1;
}

/* `YYYY-MM-DD` of @usec in the time zone of record, or NULL for 0. */
static char *
usec_to_date_text (gint64 usec)
{
  GDate date;

  if (usec == 0)
    return NULL;
  usec_to_date (usec, &date);
  return bb_date_to_iso (&date);
}

/* Reading */

static BbComplaint *
complaint_from_model (GdaDataModel *model,
                      int           row,
                      gint64        now)
{
  BbComplaint *c = g_new0 (BbComplaint, 1);
  g_autofree char *state = bb_model_dup_string (model, COL_STATE, row);

  c->id = bb_model_get_int64 (model, COL_ID, row, 0);
  c->number = bb_model_dup_string (model, COL_NUMBER, row);
  c->received_at = bb_model_get_int64 (model, COL_RECEIVED_AT, row, 0);
  c->channel = bb_model_dup_string (model, COL_CHANNEL, row);
  c->complainant = bb_model_dup_string (model, COL_COMPLAINANT, row);
  c->contact = bb_model_dup_string (model, COL_CONTACT, row);
  c->case_id = bb_model_get_int64 (model, COL_CASE_ID, row, 0);
  c->case_number = bb_model_dup_string (model, COL_CASE_NUMBER, row);
  c->staff_id = bb_model_get_int64 (model, COL_STAFF_ID, row, 0);
  c->staff_number = bb_model_dup_string (model, COL_STAFF_NUMBER, row);
  c->staff_name = bb_model_dup_string (model, COL_STAFF_NAME, row);
  c->content = bb_model_dup_string (model, COL_CONTENT, row);
  if (!bb_complaint_state_from_string (state, &c->state))
    g_warning ("Complaint %s has an unknown state “%s”", c->number, state);
  c->due_at = bb_model_get_int64 (model, COL_DUE_AT, row, 0);
  c->due_date = usec_to_date_text (c->due_at);
  c->limit_days = (int) bb_model_get_int64 (model, COL_LIMIT_DAYS, row, 0);
  c->step_due_at = bb_model_get_int64 (model, COL_STEP_DUE_AT, row, 0);
  c->step_due_date = usec_to_date_text (c->step_due_at);
  c->created_by = bb_model_get_int64 (model, COL_CREATED_BY, row, 0);
  c->created_by_number = bb_model_dup_string (model, COL_CREATED_BY_NUMBER, row);
  c->created_by_name = bb_model_dup_string (model, COL_CREATED_BY_NAME, row);
  c->updated_at = bb_model_get_int64 (model, COL_UPDATED_AT, row, c->received_at);
  c->version = (int) bb_model_get_int64 (model, COL_VERSION, row, 1);
  c->overdue = c->state < BB_COMPLAINT_ANSWERED && c->due_at != 0 && now > c->due_at;
  c->step_overdue = c->state < BB_COMPLAINT_ARCHIVED && c->step_due_at != 0 &&
                    now > c->step_due_at;
  return c;
}

/* Returns NULL with BB_ERROR_NOT_FOUND when there is no such complaint. */
static BbComplaint *
read_complaint (BbDatabase  *db,
                const char  *number,
                GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_GET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_string (params, "number", number);
  model = bb_database_select (db, statement, params, complaint_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("There is no complaint numbered “%s”"),
                   number);
      return NULL;
    }
  return complaint_from_model (model, 0, bb_clock_now_usec ());
}

static GPtrArray *
read_steps (BbDatabase  *db,
            gint64       complaint_id,
            GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_STEPS);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  int n_rows;

  bb_params_set_int64 (params, "complaint_id", complaint_id);
  model = bb_database_select (db, statement, params, step_types, error);
  if (model == NULL)
    return NULL;

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_complaint_step_free);
  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    {
      BbComplaintStep *step = g_new0 (BbComplaintStep, 1);
      g_autofree char *name = bb_model_dup_string (model, 1, row);

      step->id = bb_model_get_int64 (model, 0, row, 0);
      if (!bb_complaint_state_from_string (name, &step->step))
        g_warning ("Complaint step %" G_GINT64_FORMAT " is an unknown step “%s”", step->id, name);
      step->at = bb_model_get_int64 (model, 2, row, 0);
      step->staff_id = bb_model_get_int64 (model, 3, row, 0);
      step->staff_number = bb_model_dup_string (model, 4, row);
      step->staff_name = bb_model_dup_string (model, 5, row);
      step->body = bb_model_dup_string (model, 6, row);
      step->on_time = bb_model_get_int64 (model, 7, row, 1) != 0;
      step->due_at = bb_model_get_int64 (model, 8, row, 0);
      step->due_date = usec_to_date_text (step->due_at);
      g_ptr_array_add (steps, step);
    }
  return g_steal_pointer (&steps);
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

/**
 * bb_complaint_to_json:
 *
 * Returns: (transfer full): the complaint as an object, instants as ISO 8601
 *   in the time zone of record
 */
JsonNode *
bb_complaint_to_json (const BbComplaint *complaint)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (complaint != NULL, NULL);

  json_object_set_int_member (object, "id", complaint->id);
  json_set_text (object, "number", complaint->number);
  json_set_instant (object, "received_at", complaint->received_at);
  json_set_text (object, "channel", complaint->channel);
  json_set_text (object, "complainant", complaint->complainant);
  json_set_text (object, "contact", complaint->contact);
  json_set_text (object, "case", complaint->case_number);
  json_set_text (object, "staff", complaint->staff_number);
  json_set_text (object, "staff_name", complaint->staff_name);
  json_set_text (object, "content", complaint->content);
  json_set_text (object, "state", bb_complaint_state_to_string (complaint->state));
  json_set_text (object, "due_date", complaint->due_date);
  json_set_instant (object, "due_at", complaint->due_at);
  json_object_set_boolean_member (object, "overdue", complaint->overdue);
  if (complaint->limit_days > 0)
    json_object_set_int_member (object, "limit_days", complaint->limit_days);
  else
    json_object_set_null_member (object, "limit_days");
  json_set_text (object, "step_due_date", complaint->step_due_date);
  json_set_instant (object, "step_due_at", complaint->step_due_at);
  json_object_set_boolean_member (object, "step_overdue", complaint->step_overdue);
  json_set_text (object, "created_by", complaint->created_by_number);
  json_set_instant (object, "updated_at", complaint->updated_at);
  json_object_set_int_member (object, "version", complaint->version);
  json_node_take_object (node, object);
  return node;
}

/**
 * bb_complaint_detail_to_json:
 *
 * Returns: (transfer full): the complaint with a `steps` array, oldest first
 */
JsonNode *
bb_complaint_detail_to_json (const BbComplaintDetail *detail)
{
  JsonNode *node;
  JsonArray *steps = json_array_new ();

  g_return_val_if_fail (detail != NULL, NULL);

  node = bb_complaint_to_json (detail->complaint);
  for (guint i = 0; i < detail->steps->len; i++)
    {
      const BbComplaintStep *step = g_ptr_array_index (detail->steps, i);
      JsonObject *object = json_object_new ();

      json_set_text (object, "step", bb_complaint_state_to_string (step->step));
      json_set_instant (object, "at", step->at);
      json_set_text (object, "staff", step->staff_number);
      json_set_text (object, "staff_name", step->staff_name);
      json_set_text (object, "text", step->body);
      json_set_text (object, "due_date", step->due_date);
      json_set_instant (object, "due_at", step->due_at);
      json_object_set_boolean_member (object, "on_time", step->on_time);
      json_array_add_object_element (steps, object);
    }
  json_object_set_array_member (json_node_get_object (node), "steps", steps);
  return node;
}

/* Validation */

/* Whether @text is written as a phone number would be: digits and the
 * separators people type, possibly with an extension. */
static gboolean
looks_like_phone (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  guint digits = 0;

  if (normal == NULL)
    return FALSE;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        digits++;
      else if (c == 0x8F6C /* 转 */)
        continue;
      else if (g_ascii_strncasecmp (p, "ext", 3) == 0)
        p += 2;
      else if (c >= 0x80 || strchr (" +-()#.", (int) c) == NULL)
        return FALSE;
    }
  return digits >= 5;
}

/* Checks the contact: an e-mail address or a phone number must be a valid
 * one; anything else (an address, “via the hotline”) is free text. Sets
 * @normal to the form to store. */
static gboolean
validate_contact (const char  *contact,
                  char       **normal,
                  GError     **error)
{
  /* Translators: how to reach the complainant (a phone number, e-mail address…) */
  const char *label = _("Contact");
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local_error = NULL;

  *normal = NULL;
  if (!bb_validate_text (label, contact, FALSE, CONTACT_CHARS, error))
    return FALSE;
  if (contact == NULL)
    return TRUE;
  trimmed = g_strstrip (g_strdup (contact));
  if (*trimmed == '\0')
    return TRUE;

  if (strchr (trimmed, '@') != NULL && strchr (trimmed, ' ') == NULL)
    {
      if (!bb_validate_email (trimmed, &local_error))
        {
          bb_set_field_error (error, label, "%s", local_error->message);
          return FALSE;
        }
      *normal = g_steal_pointer (&trimmed);
      return TRUE;
    }

  if (looks_like_phone (trimmed))
    {
      if (!bb_validate_phone (trimmed, &local_error))
        {
          bb_set_field_error (error, label, "%s", local_error->message);
          return FALSE;
        }
      *normal = bb_normalize_phone (trimmed);
      return TRUE;
    }

  *normal = g_steal_pointer (&trimmed);
  return TRUE;
}

static char *
trimmed_or_null (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      g_free (copy);
      return NULL;
    }
  return copy;
}

/* The step's text: what was found, done or told. Required for every step
 * but the filing. */
static gboolean
validate_step_text (BbComplaintState   to,
                    const char        *text,
                    GError           **error)
{
  const char *label;

  switch (to)
    {
    case BB_COMPLAINT_INVESTIGATING:
      /* Translators: what the investigation of a complaint covers and who does it */
      label = _("Investigation");
      break;
    case BB_COMPLAINT_HANDLED:
      /* Translators: the measures taken on a complaint */
      label = _("Measures taken");
      break;
    case BB_COMPLAINT_ANSWERED:
      /* Translators: what the complainant was told, and how */
      label = _("Feedback");
      break;
    case BB_COMPLAINT_ARCHIVED:
      label = _("Note");
      break;
    case BB_COMPLAINT_RECEIVED:
    case BB_N_COMPLAINT_STATES:
    default:
      label = _("Text");
      break;
    }

  return bb_validate_text (label, text, to != BB_COMPLAINT_ARCHIVED, STEP_TEXT_CHARS, error);
}

/* Writing helpers */

/* The overall time limit of a complaint, in working days. */
static int
read_limit_days (BbDatabase *db)
{
  return bb_settings_repo_get_days (db, BB_SETTING_COMPLAINT_DAYS, BB_COMPLAINT_DEFAULT_DAYS);
}

/* The deadline of @step when the step before it is taken at @from: the
 * end of the day its limit in working days after @from's day; 0 for a
 * step that has none. */
static gint64
step_deadline (BbDatabase       *db,
               BbCalendar       *calendar,
               BbComplaintState  step,
               gint64            from)
{
  const char *key = bb_complaint_step_setting (step);
  GDate day, due;
  int days;

  if (key == NULL)
    return 0;
  days = bb_settings_repo_get_days (db, key, bb_complaint_step_default_days (step));
  usec_to_date (from, &day);
  /* The day the step before was taken does not count. */
  bb_calendar_add_working_days (calendar, &day, (guint) days, &due);
  return end_of_day_usec (&due);
}

static gint64
next_serial (BbDatabase  *db,
             int          year,
             GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autofree char *name = g_strdup_printf ("complaint:%04d", year);
  GdaStatement *statement;
  g_autoptr(GdaSet) ensure = NULL;
  g_autoptr(GdaSet) next = NULL;
  g_autoptr(GdaSet) read = NULL;
  g_autoptr(GdaDataModel) model = NULL;

  statement = bb_database_prepare (db, SQL_COUNTER_ENSURE);
  ensure = bb_database_new_params (db, statement);
  bb_params_set_string (ensure, "name", name);
  if (bb_database_execute (db, statement, ensure, error) < 0)
    return -1;

  statement = bb_database_prepare (db, SQL_COUNTER_NEXT);
  next = bb_database_new_params (db, statement);
  bb_params_set_string (next, "name", name);
  if (bb_database_execute (db, statement, next, error) < 0)
    return -1;

  statement = bb_database_prepare (db, SQL_COUNTER_READ);
  read = bb_database_new_params (db, statement);
  bb_params_set_string (read, "name", name);
  model = bb_database_select (db, statement, read, types, error);
  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, -1);
}

static gint64
find_case (BbDatabase  *db,
           const char  *number,
           GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, SQL_CASE_ID);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_string (params, "number", number);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return -1;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      bb_set_field_error (error, _("Case"), _("there is no case numbered “%s”"), number);
      return -1;
    }
  return bb_model_get_int64 (model, 0, 0, -1);
}

static gint64
find_staff (BbDatabase  *db,
            const char  *number,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BbStaff) staff = bb_staff_repo_find_by_number (db, number, &local_error);

  if (staff != NULL)
    return staff->id;
  if (g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
    {
      /* Translators: the staff member a complaint is about */
      bb_set_field_error (error, _("Staff member"), _("there is no staff member numbered “%s”"),
                          number);
      return -1;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}

static gint64
execute_insert (BbDatabase  *db,
                GdaSet      *params,
                GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  if (bb_database_get_engine (db) == BB_ENGINE_SQLITE)
    {
      if (bb_database_execute (db, bb_database_prepare (db, SQL_INSERT), params, error) < 0)
        return -1;
      model = bb_database_select (db, bb_database_prepare (db, SQL_LAST_ROWID), NULL, types,
                                  error);
    }
  else
    model = bb_database_select (db, bb_database_prepare (db, SQL_INSERT_PG), params, types,
                                error);

  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, -1);
}

static gboolean
add_step (BbDatabase        *db,
          gint64             complaint_id,
          BbComplaintState   step,
          gint64             at,
          const BbActor     *actor,
          const char        *body,
          gint64             due_at,
          gboolean           on_time,
          GError           **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_STEP_ADD);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_int64 (params, "complaint_id", complaint_id);
  bb_params_set_string (params, "step", bb_complaint_state_to_string (step));
  bb_params_set_int64 (params, "at", at);
  if (actor->staff_id > 0)
    bb_params_set_int64 (params, "staff_id", actor->staff_id);
  else
    bb_params_set_null (params, "staff_id");
  bb_params_set_string (params, "body", body);
  bb_params_set_int (params, "on_time", on_time ? 1 : 0);
  if (due_at != 0)
    bb_params_set_int64 (params, "due_at", due_at);
  else
    bb_params_set_null (params, "due_at");
  return bb_database_execute (db, statement, params, error) >= 0;
}

static gboolean
check_reader (const BbActor  *actor,
              GError        **error)
{
  return bb_actor_check (actor, BB_PERM_COMPLAINTS, error);
}

/* Public API */

/**
 * bb_complaint_repo_add:
 *
 * Takes a complaint in: it gets the next number of the year (TS2026000012),
 * the state “received” with its first step, a deadline `complaint_days`
 * working days after today on the holiday calendar, and the deadline of
 * the investigation (`complaint_investigate_days` after today). Any staff
 * member may do it.
 *
 * Returns: (transfer full): the new complaint, or %NULL with
 *   %BB_ERROR_INVALID naming the field (an unknown case or staff number
 *   included), %BB_ERROR_REFUSED or a database error
 */
BbComplaint *
bb_complaint_repo_add (BbDatabase              *db,
                       const BbActor           *actor,
                       const BbComplaintDraft  *draft,
                       GError                 **error)
{
  g_autofree char *contact = NULL;
  g_autofree char *case_number = NULL;
  g_autofree char *staff_number = NULL;
  g_autofree char *complainant = NULL;
  g_autofree char *number = NULL;
  g_autoptr(BbCalendar) calendar = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(BbComplaint) stored = NULL;
  gint64 now, case_id = 0, staff_id = 0, serial, id, due_at, step_due_at;
  int limit_days;
  GDate today, due;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error))
    return NULL;

  if (!bb_complaint_channel_is_valid (draft->channel))
    {
      /* Translators: how a complaint came in (phone, letter…) */
      bb_set_field_error (error, _("Channel"),
                          _("choose one of onsite, phone, hotline, letter, email, online, box"));
      return NULL;
    }
  /* Translators: the person who complains */
  if (!bb_validate_text (_("Complainant"), draft->complainant, TRUE, COMPLAINANT_CHARS, error))
    return NULL;
  if (!validate_contact (draft->contact, &contact, error))
    return NULL;
  if (!bb_validate_text (_("Case"), draft->case_number, FALSE, NUMBER_CHARS, error) ||
      !bb_validate_text (_("Staff member"), draft->staff_number, FALSE, NUMBER_CHARS, error))
    return NULL;
  /* Translators: what a complaint says */
  if (!bb_validate_text (_("Complaint"), draft->content, TRUE, CONTENT_CHARS, error))
    return NULL;

  complainant = g_strstrip (g_strdup (draft->complainant));
  case_number = trimmed_or_null (draft->case_number);
  staff_number = trimmed_or_null (draft->staff_number);

  if (!bb_database_begin (db, error))
    return NULL;

  if (case_number != NULL && (case_id = find_case (db, case_number, error)) < 0)
    goto failed;
  if (staff_number != NULL && (staff_id = find_staff (db, staff_number, error)) < 0)
    goto failed;

  calendar = bb_holiday_repo_load_calendar (db, error);
  if (calendar == NULL)
    goto failed;
  limit_days = read_limit_days (db);

  now = bb_clock_now_usec ();
  usec_to_date (now, &today);
  /* The day of intake does not count, as for a case's promised limit. */
  bb_calendar_add_working_days (calendar, &today, (guint) limit_days, &due);
  due_at = end_of_day_usec (&due);
  step_due_at = step_deadline (db, calendar, BB_COMPLAINT_INVESTIGATING, now);

  serial = next_serial (db, g_date_get_year (&today), error);
  if (serial < 0)
    goto failed;
  number = g_strdup_printf ("TS%04u%06" G_GINT64_FORMAT, (guint) g_date_get_year (&today),
                            serial);

  params = bb_database_new_params (db, bb_database_prepare (db, SQL_INSERT));
  bb_params_set_string (params, "number", number);
  bb_params_set_int64 (params, "received_at", now);
  bb_params_set_string (params, "channel", draft->channel);
  bb_params_set_string (params, "complainant", complainant);
  bb_params_set_string (params, "contact", contact);
  if (case_id > 0)
    bb_params_set_int64 (params, "case_id", case_id);
  else
    bb_params_set_null (params, "case_id");
  if (staff_id > 0)
    bb_params_set_int64 (params, "staff_id", staff_id);
  else
    bb_params_set_null (params, "staff_id");
  bb_params_set_string (params, "content", draft->content);
  bb_params_set_int64 (params, "due_at", due_at);
  if (actor->staff_id > 0)
    bb_params_set_int64 (params, "created_by", actor->staff_id);
  else
    bb_params_set_null (params, "created_by");
  bb_params_set_int (params, "limit_days", limit_days);
  bb_params_set_int64 (params, "step_due_at", step_due_at);

  id = execute_insert (db, params, error);
  if (id <= 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, BB_ERROR, BB_ERROR_FAILED,
                             _("The new complaint's row could not be read back"));
      goto failed;
    }

  if (!add_step (db, id, BB_COMPLAINT_RECEIVED, now, actor, NULL, 0, TRUE, error))
    goto failed;

  stored = read_complaint (db, number, error);
  if (stored == NULL)
    goto failed;
  after = bb_complaint_to_json (stored);
  if (!bb_audit_record (db, actor, "complaint", id, "create", NULL, after, error))
    goto failed;

  if (!bb_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&stored);

failed:
  bb_database_rollback (db);
  return NULL;
}

/**
 * bb_complaint_repo_step:
 * @to: the step to take: the one after the complaint's current state
 * @text: what was found (investigating), done (handled) or told to the
 *   complainant (answered): required; a note when archiving
 * @expected_version: the version the caller read
 *
 * Moves a complaint on by one step, recording the time, the actor, the
 * step's deadline and whether the step was taken by it, and gives the step
 * after it its deadline: its setting's working days after today.
 * Managers and administrators only.
 * Any other move (back, skipping a step, past the archive) is refused with
 * %BB_ERROR_REFUSED, and a complaint changed since @expected_version with
 * %BB_ERROR_CONFLICT; in both cases nothing is written.
 *
 * Returns: (transfer full): the complaint after the step, or %NULL
 */
BbComplaint *
bb_complaint_repo_step (BbDatabase        *db,
                        const BbActor     *actor,
                        const char        *number,
                        BbComplaintState   to,
                        const char        *text,
                        int                expected_version,
                        GError           **error)
{
  g_autoptr(BbComplaint) before = NULL;
  g_autoptr(BbComplaint) stored = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  g_autofree char *body = NULL;
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbCalendar) calendar = NULL;
  gboolean on_time;
  gint64 now, next_due_at;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (to < BB_N_COMPLAINT_STATES, NULL);

  if (!bb_actor_check (actor, BB_PERM_COMPLAINTS, error))
    return NULL;
  if (!validate_step_text (to, text, error))
    return NULL;
  body = trimmed_or_null (text);

  if (!bb_database_begin (db, error))
    return NULL;

  before = read_complaint (db, number, error);
  if (before == NULL)
    goto failed;
  if (before->version != expected_version)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("Complaint %s was changed by someone else in the meantime; nothing was "
                     "changed"), number);
      goto failed;
    }
  if (!bb_complaint_can_step (before->state, to))
    {
      if (before->state == BB_COMPLAINT_ARCHIVED)
        g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                     _("Complaint %s is archived: it has no further steps"), number);
      else
        g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                     _("Complaint %s is at “%s”: it cannot go to “%s”; the next step is “%s”"),
                     number, bb_complaint_state_label (before->state),
                     bb_complaint_state_label (to),
                     bb_complaint_state_label (before->state + 1));
      goto failed;
    }

  /* The step is measured against its own deadline, given when the step
   * before it was taken; the step after it, if any, gets its deadline now. */
  now = bb_clock_now_usec ();
  on_time = before->step_due_at == 0 || now <= before->step_due_at;
  next_due_at = 0;
  if (to < BB_COMPLAINT_ARCHIVED)
    {
      calendar = bb_holiday_repo_load_calendar (db, error);
      if (calendar == NULL)
        goto failed;
      next_due_at = step_deadline (db, calendar, to + 1, now);
    }

  statement = bb_database_prepare (db, SQL_ADVANCE);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "to", bb_complaint_state_to_string (to));
  bb_params_set_string (params, "from", bb_complaint_state_to_string (before->state));
  bb_params_set_int64 (params, "id", before->id);
  bb_params_set_int (params, "version", expected_version);
  if (next_due_at != 0)
    bb_params_set_int64 (params, "step_due_at", next_due_at);
  else
    bb_params_set_null (params, "step_due_at");
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    goto failed;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("Complaint %s was changed by someone else in the meantime; nothing was "
                     "changed"), number);
      goto failed;
    }

  if (!add_step (db, before->id, to, now, actor, body, before->step_due_at, on_time, error))
    goto failed;

  stored = read_complaint (db, number, error);
  if (stored == NULL)
    goto failed;

  before_json = json_from_string ("{}", NULL);
  json_object_set_string_member (json_node_get_object (before_json), "state",
                                 bb_complaint_state_to_string (before->state));
  json_object_set_int_member (json_node_get_object (before_json), "version", before->version);
  json_set_text (json_node_get_object (before_json), "step_due_date", before->step_due_date);
  after_json = json_from_string ("{}", NULL);
  json_object_set_string_member (json_node_get_object (after_json), "state",
                                 bb_complaint_state_to_string (to));
  json_object_set_int_member (json_node_get_object (after_json), "version", stored->version);
  json_set_text (json_node_get_object (after_json), "text", body);
  json_object_set_boolean_member (json_node_get_object (after_json), "on_time", on_time);
  json_set_text (json_node_get_object (after_json), "step_due_date", stored->step_due_date);
  if (!bb_audit_record (db, actor, "complaint", before->id, bb_complaint_state_to_string (to),
                        before_json, after_json, error))
    goto failed;

  if (!bb_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&stored);

failed:
  bb_database_rollback (db);
  return NULL;
}

/**
 * bb_complaint_repo_get:
 *
 * Returns: (transfer full): the complaint, or %NULL with
 *   %BB_ERROR_NOT_FOUND or %BB_ERROR_REFUSED (managers and administrators
 *   only)
 */
BbComplaint *
bb_complaint_repo_get (BbDatabase     *db,
                       const BbActor  *actor,
                       const char     *number,
                       GError        **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!check_reader (actor, error))
    return NULL;
  return read_complaint (db, number, error);
}

/**
 * bb_complaint_repo_get_detail:
 *
 * Returns: (transfer full): the complaint and its steps, or %NULL
 */
BbComplaintDetail *
bb_complaint_repo_get_detail (BbDatabase     *db,
                              const BbActor  *actor,
                              const char     *number,
                              GError        **error)
{
  g_autoptr(BbComplaint) complaint = NULL;
  GPtrArray *steps;
  BbComplaintDetail *detail;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!check_reader (actor, error))
    return NULL;

  /* One snapshot of the complaint and its steps. */
  bb_database_lock (db);
  complaint = read_complaint (db, number, error);
  steps = complaint != NULL ? read_steps (db, complaint->id, error) : NULL;
  bb_database_unlock (db);
  if (steps == NULL)
    return NULL;

  detail = g_new0 (BbComplaintDetail, 1);
  detail->complaint = g_steal_pointer (&complaint);
  detail->steps = steps;
  return detail;
}

/**
 * bb_complaint_repo_list:
 * @state: a #BbComplaintState, or -1 for every state
 * @before_id: list complaints with a smaller id than this one (the last
 *   one of the previous page), or 0 to start with the newest
 * @limit: the most to return (at most 500)
 *
 * Lists complaints newest first, one keyset page at a time.
 *
 * Returns: (transfer full) (element-type BbComplaint): the page, or %NULL
 */
GPtrArray *
bb_complaint_repo_list (BbDatabase     *db,
                        const BbActor  *actor,
                        int             state,
                        gint64          before_id,
                        guint           limit,
                        GError        **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GPtrArray *page;
  gint64 now;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (state >= -1 && state < BB_N_COMPLAINT_STATES, NULL);

  if (!check_reader (actor, error))
    return NULL;

  statement = bb_database_prepare (db, state < 0 ? SQL_LIST : SQL_LIST_STATE);
  params = bb_database_new_params (db, statement);
  if (state >= 0)
    bb_params_set_string (params, "state", bb_complaint_state_to_string (state));
  bb_params_set_int64 (params, "before", before_id > 0 ? before_id : G_MAXINT64);
  bb_params_set_int (params, "limit", (int) CLAMP (limit, 1, MAX_PAGE));

  model = bb_database_select (db, statement, params, complaint_types, error);
  if (model == NULL)
    return NULL;

  now = bb_clock_now_usec ();
  page = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_complaint_free);
  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (page, complaint_from_model (model, row, now));
  return page;
}
