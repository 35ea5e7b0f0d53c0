/* bb-register-query.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the service register (帮办代办服务事项登记表, table A.1): the
 * cases applied for in a date range, with the client's name and the latest
 * evaluation, in the order they were applied for.
 */

#define G_LOG_DOMAIN "bb-register-query"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-register-query.h"
#include "bb-validate.h"

#define REGISTER_COLUMNS \
  "SELECT c.id, c.number, c.kind, c.state, c.matter, c.reason, c.mode, c.applied_at, " \
  "c.completed_at, c.result, cl.name, e.level, e.comment, c.remark " \
  "FROM bb_case c JOIN client cl ON cl.id = c.client_id " \
  "LEFT JOIN evaluation e ON e.id = " \
  "(SELECT MAX(e2.id) FROM evaluation e2 WHERE e2.case_id = c.id) "

static const char SQL_RANGE[] =
  REGISTER_COLUMNS
  "WHERE c.applied_at >= ##from::gint64 AND c.applied_at < ##to::gint64 "
  "ORDER BY c.applied_at, c.id";
static const char SQL_RANGE_KIND[] =
  REGISTER_COLUMNS
  "WHERE c.applied_at >= ##from::gint64 AND c.applied_at < ##to::gint64 "
  "AND c.kind = ##kind::string "
  "ORDER BY c.applied_at, c.id";

enum
{
  COL_ID,
  COL_NUMBER,
  COL_KIND,
  COL_STATE,
  COL_MATTER,
  COL_REASON,
  COL_MODE,
  COL_APPLIED_AT,
  COL_COMPLETED_AT,
  COL_RESULT,
  COL_APPLICANT,
  COL_LEVEL,
  COL_COMMENT,
  COL_REMARK,
};

void
bb_register_row_free (BbRegisterRow *row)
{
  if (row == NULL)
    return;
  g_free (row->number);
  g_free (row->kind);
  g_free (row->state);
  g_free (row->matter);
  g_free (row->reason);
  g_free (row->mode);
  g_free (row->result);
  g_free (row->applicant);
  g_free (row->evaluation_comment);
  g_free (row->remark);
  g_free (row);
}

/* Midnight at the start of @date in the time zone of record, in µs. */
static gint64
day_start_usec (const GDate *date)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_get_year (date),
                                                g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

static gboolean
looks_like_iso_date (const char *text)
{
  if (strlen (text) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_day (const char  *text,
           const char  *label,
           GDate       *out,
           GError     **error)
{
  if (text == NULL || !looks_like_iso_date (text))
    {
      bb_set_field_error (error, label, _("should be written as YYYY-MM-DD"));
      return FALSE;
    }
  if (!bb_validate_date (text, out, NULL))
    {
      bb_set_field_error (error, label, _("%s is not a real date"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_range (const char  *from,
             const char  *to,
             const char  *kind,
             GDate       *from_date,
             GDate       *to_date,
             GError     **error)
{
  /* Translators: the first day of the register's date range */
  if (!parse_day (from, _("From"), from_date, error))
    return FALSE;
  /* Translators: the last day of the register's date range */
  if (!parse_day (to, _("To"), to_date, error))
    return FALSE;
  if (g_date_compare (to_date, from_date) < 0)
    {
      bb_set_field_error (error, _("To"), _("the last day comes before the first (%s)"), from);
      return FALSE;
    }
  if (kind != NULL && g_strcmp0 (kind, "assist") != 0 && g_strcmp0 (kind, "proxy") != 0)
    {
      /* Translators: 帮办 or 代办; keep “assist” and “proxy” as they are */
      bb_set_field_error (error, _("Kind"), _("should be “assist” or “proxy”"));
      return FALSE;
    }
  return TRUE;
}

/**
 * bb_register_query_check:
 * @from: (nullable): the first day, `YYYY-MM-DD`
 * @to: (nullable): the last day (included), `YYYY-MM-DD`
 * @kind: (nullable): `assist`, `proxy` or %NULL
 *
 * Checks what bb_register_query_run() would be given, before any database
 * is opened.
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_INVALID naming the field
 */
gboolean
bb_register_query_check (const char  *from,
                         const char  *to,
                         const char  *kind,
                         GError     **error)
{
  GDate from_date, to_date;

  return check_range (from, to, kind, &from_date, &to_date, error);
}

/**
 * bb_register_query_run:
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day (included), `YYYY-MM-DD`
 * @kind: (nullable): `assist` or `proxy` for one kind of case, %NULL for both
 *
 * Reads the register's rows: every case applied for from the start of
 * @from to the end of @to (days in the time zone of record), oldest first,
 * numbered from 1. The whole range is read into memory: it is meant for
 * the pages of a printed register, such as a month's.
 *
 * Returns: (transfer full) (element-type BbRegisterRow): the rows, or %NULL
 *   with %BB_ERROR_INVALID naming the field (a malformed date, @to before
 *   @from, an unknown kind) or a database error
 */
GPtrArray *
bb_register_query_run (BbDatabase  *db,
                       const char  *from,
                       const char  *to,
                       const char  *kind,
                       GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE,
  };
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate from_date, to_date;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  if (!check_range (from, to, kind, &from_date, &to_date, error))
    return NULL;
  g_date_add_days (&to_date, 1);

  statement = bb_database_prepare (db, kind != NULL ? SQL_RANGE_KIND : SQL_RANGE);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "from", day_start_usec (&from_date));
  bb_params_set_int64 (params, "to", day_start_usec (&to_date));
  if (kind != NULL)
    bb_params_set_string (params, "kind", kind);

  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  rows = g_ptr_array_new_full (MAX (n_rows, 0), (GDestroyNotify) bb_register_row_free);
  for (int i = 0; i < n_rows; i++)
    {
      BbRegisterRow *row = g_new0 (BbRegisterRow, 1);

      row->sequence = i + 1;
      row->case_id = bb_model_get_int64 (model, COL_ID, i, 0);
      row->number = bb_model_dup_string (model, COL_NUMBER, i);
      row->kind = bb_model_dup_string (model, COL_KIND, i);
      row->state = bb_model_dup_string (model, COL_STATE, i);
      row->matter = bb_model_dup_string (model, COL_MATTER, i);
      row->reason = bb_model_dup_string (model, COL_REASON, i);
      row->mode = bb_model_dup_string (model, COL_MODE, i);
      row->applied_at = bb_model_get_int64 (model, COL_APPLIED_AT, i, 0);
      row->completed_at = bb_model_get_int64 (model, COL_COMPLETED_AT, i, 0);
      row->result = bb_model_dup_string (model, COL_RESULT, i);
      row->applicant = bb_model_dup_string (model, COL_APPLICANT, i);
      row->evaluation = (int) bb_model_get_int64 (model, COL_LEVEL, i, 0);
      row->evaluation_comment = bb_model_dup_string (model, COL_COMMENT, i);
      row->remark = bb_model_dup_string (model, COL_REMARK, i);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
