/* bb-holiday-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `holiday` table: public holidays and make-up working days (调休) that
 * the working-day arithmetic of bb-workdays uses, and its CSV import (the
 * format is described in bb-holiday-repo.h).
 */

#define G_LOG_DOMAIN "bb-holiday-repo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-csv.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-validate.h"

#define NAME_MAX_CHARS 50

static const char SQL_GET[] =
  "SELECT day, kind, name, version FROM holiday WHERE day = ##day::string";
static const char SQL_INSERT[] =
  "INSERT INTO holiday (day, kind, name, version) "
  "VALUES (##day::string, ##kind::string, ##name::string::null, 1)";
static const char SQL_UPDATE[] =
  "UPDATE holiday SET kind = ##kind::string, name = ##name::string::null, "
  "version = version + 1 WHERE day = ##day::string AND version = ##version::gint";
static const char SQL_DELETE[] =
  "DELETE FROM holiday WHERE day = ##day::string AND version = ##version::gint";
static const char SQL_LIST_ALL[] =
  "SELECT day, kind, name, version FROM holiday ORDER BY day";
static const char SQL_LIST_RANGE[] =
  "SELECT day, kind, name, version FROM holiday "
  "WHERE day >= ##from::string AND day <= ##to::string ORDER BY day";

static const GType holiday_types[] = {
  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE
};

G_DEFINE_BOXED_TYPE (BbHoliday, bb_holiday, bb_holiday_copy, bb_holiday_free)

BbHoliday *
bb_holiday_copy (const BbHoliday *holiday)
{
  BbHoliday *copy;

  g_return_val_if_fail (holiday != NULL, NULL);

  copy = g_memdup2 (holiday, sizeof *holiday);
  copy->day = g_strdup (holiday->day);
  copy->name = g_strdup (holiday->name);
  return copy;
}

void
bb_holiday_free (BbHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->day);
  g_free (holiday->name);
  g_free (holiday);
}

const char *
bb_day_kind_to_string (BbDayKind kind)
{
  switch (kind)
    {
    case BB_DAY_HOLIDAY:
      return "holiday";
    case BB_DAY_WORKDAY:
      return "workday";
    case BB_DAY_DEFAULT:
      return "default";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bb_day_kind_from_string:
 *
 * Returns: %TRUE for “holiday” and “workday”
 */
gboolean
bb_day_kind_from_string (const char *text,
                         BbDayKind  *kind)
{
  if (g_strcmp0 (text, "holiday") == 0)
    *kind = BB_DAY_HOLIDAY;
  else if (g_strcmp0 (text, "workday") == 0)
    *kind = BB_DAY_WORKDAY;
  else
    return FALSE;
  return TRUE;
}

/* Reading */

static BbHoliday *
holiday_from_model (GdaDataModel *model,
                    int           row)
{
  BbHoliday *holiday = g_new0 (BbHoliday, 1);
  g_autofree char *kind = bb_model_dup_string (model, 1, row);

  holiday->day = bb_model_dup_string (model, 0, row);
  if (!bb_day_kind_from_string (kind, &holiday->kind))
    holiday->kind = BB_DAY_HOLIDAY;
  holiday->name = bb_model_dup_string (model, 2, row);
  holiday->version = (int) bb_model_get_int64 (model, 3, row, 1);
  return holiday;
}

/* Returns %NULL without an error when the day has no entry. */
static BbHoliday *
get_day (BbDatabase  *db,
         const char  *day,
         GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_GET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_string (params, "day", day);
  model = bb_database_select (db, statement, params, holiday_types, error);
  if (model == NULL || gda_data_model_get_n_rows (model) < 1)
    return NULL;
  return holiday_from_model (model, 0);
}

static JsonNode *
holiday_to_json (const BbHoliday *holiday)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "day");
  json_builder_add_string_value (builder, holiday->day);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, bb_day_kind_to_string (holiday->kind));
  json_builder_set_member_name (builder, "name");
  if (holiday->name != NULL)
    json_builder_add_string_value (builder, holiday->name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, holiday->version);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The audit trail names a day by its number YYYYMMDD. */
static gint64
day_entity_id (const char *day)
{
  GDate date;

  if (!bb_validate_date (day, &date, NULL))
    return 0;
  return (gint64) g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 +
         g_date_get_day (&date);
}

/* Validation */

static char *
validate_entry (const char  *day,
                BbDayKind    kind,
                const char  *name,
                GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (day == NULL || !bb_validate_date (day, NULL, error))
    {
      if (day == NULL)
        bb_set_field_error (error, _("Date"), _("is required"));
      return NULL;
    }
  if (kind != BB_DAY_HOLIDAY && kind != BB_DAY_WORKDAY)
    {
      /* Translators: whether a day is a public holiday or a make-up working day */
      bb_set_field_error (error, _("Kind of day"), _("should be holiday or workday"));
      return NULL;
    }
  /* Translators: the name of a holiday, such as 春节 */
  if (!bb_validate_text (_("Holiday name"), name, FALSE, NAME_MAX_CHARS, error))
    return NULL;

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  return g_steal_pointer (&trimmed);
}

/* Writing, inside a transaction. @name is trimmed ("" for none). */
static gboolean
store_day (BbDatabase     *db,
           const BbActor  *actor,
           const char     *day,
           BbDayKind       kind,
           const char     *name,
           int             expected_version,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BbHoliday) before = NULL;
  g_autoptr(BbHoliday) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  g_autoptr(GdaSet) params = NULL;
  GdaStatement *statement;
  int rows;

  before = get_day (db, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (expected_version == 0)
    {
      if (before != NULL)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                       _("%s was entered in the holiday calendar by someone else in the "
                         "meantime; nothing was overwritten"), day);
          return FALSE;
        }
      statement = bb_database_prepare (db, SQL_INSERT);
      params = bb_database_new_params (db, statement);
    }
  else
    {
      statement = bb_database_prepare (db, SQL_UPDATE);
      params = bb_database_new_params (db, statement);
      bb_params_set_int (params, "version", expected_version);
    }
  bb_params_set_string (params, "day", day);
  bb_params_set_string (params, "kind", bb_day_kind_to_string (kind));
  bb_params_set_string (params, "name", *name != '\0' ? name : NULL);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    return FALSE;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("%s in the holiday calendar was changed by someone else in the "
                     "meantime; nothing was overwritten"), day);
      return FALSE;
    }

  after = get_day (db, day, error);
  if (after == NULL)
    return FALSE;
  if (before != NULL)
    before_json = holiday_to_json (before);
  after_json = holiday_to_json (after);
  return bb_audit_record (db, actor, "holiday", day_entity_id (day),
                          before != NULL ? "update" : "create", before_json, after_json, error);
}

/* Public API */

/**
 * bb_holiday_repo_set:
 * @day: `YYYY-MM-DD`
 * @kind: %BB_DAY_HOLIDAY or %BB_DAY_WORKDAY
 * @name: (nullable): e.g. 春节
 * @expected_version: 0 when the day had no entry when it was read, else
 *   the version that was read
 *
 * Marks a day as a public holiday or a make-up working day
 * (administrators only).
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT if someone else changed the
 *   day first
 */
gboolean
bb_holiday_repo_set (BbDatabase     *db,
                     const BbActor  *actor,
                     const char     *day,
                     BbDayKind       kind,
                     const char     *name,
                     int             expected_version,
                     GError        **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_HOLIDAYS_MANAGE, error))
    return FALSE;
  trimmed = validate_entry (day, kind, name, error);
  if (trimmed == NULL)
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;
  if (!store_day (db, actor, day, kind, trimmed, expected_version, error))
    {
      bb_database_rollback (db);
      return FALSE;
    }
  return bb_database_commit (db, error);
}

/**
 * bb_holiday_repo_remove:
 * @expected_version: the version that was read
 *
 * Removes a day's entry: it becomes an ordinary weekday or weekend day
 * again (administrators only).
 *
 * Returns: %TRUE on success; %BB_ERROR_NOT_FOUND if the day has no entry,
 *   %BB_ERROR_CONFLICT if it was changed since it was read
 */
gboolean
bb_holiday_repo_remove (BbDatabase     *db,
                        const BbActor  *actor,
                        const char     *day,
                        int             expected_version,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BbHoliday) before = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(GdaSet) params = NULL;
  GdaStatement *statement;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_HOLIDAYS_MANAGE, error))
    return FALSE;
  if (!bb_validate_date (day, NULL, error))
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;
  before = get_day (db, day, &local_error);
  if (before == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("%s is not in the holiday calendar"), day);
      goto failed;
    }

  statement = bb_database_prepare (db, SQL_DELETE);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "day", day);
  bb_params_set_int (params, "version", expected_version);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    goto failed;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("%s in the holiday calendar was changed by someone else in the "
                     "meantime; nothing was overwritten"), day);
      goto failed;
    }
  before_json = holiday_to_json (before);
  if (!bb_audit_record (db, actor, "holiday", day_entity_id (day), "delete", before_json, NULL,
                        error))
    goto failed;
  return bb_database_commit (db, error);

failed:
  bb_database_rollback (db);
  return FALSE;
}

/**
 * bb_holiday_repo_list:
 * @year: a year, or 0 for every entry
 *
 * Returns: (transfer full) (element-type BbHoliday): the entries by date
 */
GPtrArray *
bb_holiday_repo_list (BbDatabase  *db,
                      int          year,
                      GError     **error)
{
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GdaStatement *statement;
  GPtrArray *list;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  if (year < 0 || year > 9999)
    {
      bb_set_field_error (error, _("Year"), _("should be from 1 to 9999"));
      return NULL;
    }

  if (year == 0)
    statement = bb_database_prepare (db, SQL_LIST_ALL);
  else
    {
      g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%04d-12-31", year);

      statement = bb_database_prepare (db, SQL_LIST_RANGE);
      params = bb_database_new_params (db, statement);
      bb_params_set_string (params, "from", from);
      bb_params_set_string (params, "to", to);
    }
  model = bb_database_select (db, statement, params, holiday_types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  list = g_ptr_array_new_full (n_rows, (GDestroyNotify) bb_holiday_free);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (list, holiday_from_model (model, row));
  return list;
}

typedef struct
{
  guint      line;
  char      *day;
  BbDayKind  kind;
  char      *name;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->day);
  g_free (entry->name);
  g_free (entry);
}

static void
set_line_error (GError     **error,
                guint        line,
                const char  *column,
                GError      *cause)
{
  g_set_error (error, BB_ERROR, BB_ERROR_INVALID, _("Line %u, column “%s”: %s"), line, column,
               cause->message);
}

/**
 * bb_holiday_repo_import_csv:
 * @csv_text: the file's text (format: see bb-holiday-repo.h)
 * @n_imported: (out) (optional): how many days were read
 *
 * Imports holiday calendar entries all or nothing (administrators only).
 *
 * Returns: %TRUE if the whole file was applied; else an error naming the
 *   line, and nothing changed
 */
gboolean
bb_holiday_repo_import_csv (BbDatabase     *db,
                            const BbActor  *actor,
                            const char     *csv_text,
                            guint          *n_imported,
                            GError        **error)
{
  static const char * const known[] = { "date", "kind", "name", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) seen = NULL;
  const BbCsvRow *header;
  int date_column, kind_column, name_column;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (csv_text != NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (!bb_actor_check (actor, BB_PERM_HOLIDAYS_MANAGE, error))
    return FALSE;

  rows = bb_csv_parse (csv_text, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                   _("The file is empty: it needs a header row (%s) and one row per day"),
                   "date,kind,name");
      return FALSE;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (g_strdup (header->fields[i])), -1);

      if (!g_strv_contains (known, name))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u: unknown column “%s” (the columns are %s)"), header->line,
                       header->fields[i], "date,kind,name");
          return FALSE;
        }
    }
  date_column = bb_csv_header_find (header, "date");
  kind_column = bb_csv_header_find (header, "kind");
  name_column = bb_csv_header_find (header, "name");
  if (date_column < 0 || kind_column < 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                   _("Line %u: the header has no column “%s”"), header->line,
                   date_column < 0 ? "date" : "kind");
      return FALSE;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < rows->len; i++)
    {
      const BbCsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *day = g_strstrip (g_strdup (bb_csv_row_get (row, date_column)));
      g_autofree char *kind_text = g_strstrip (g_strdup (bb_csv_row_get (row, kind_column)));
      const char *name = bb_csv_row_get (row, name_column);
      BbDayKind kind;
      Entry *entry;

      if (row->n_fields > header->n_fields)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u: %u fields, but the header has %u (quote fields that "
                         "contain commas)"), row->line, row->n_fields, header->n_fields);
          return FALSE;
        }
      if (!bb_validate_date (day, NULL, &local_error))
        {
          set_line_error (error, row->line, "date", local_error);
          return FALSE;
        }
      if (!bb_day_kind_from_string (kind_text, &kind))
        {
          bb_set_field_error (&local_error, _("Kind of day"),
                              _("“%s” should be holiday or workday"), kind_text);
          set_line_error (error, row->line, "kind", local_error);
          return FALSE;
        }
      if (!bb_validate_text (_("Holiday name"), name, FALSE, NAME_MAX_CHARS, &local_error))
        {
          set_line_error (error, row->line, "name", local_error);
          return FALSE;
        }
      if (g_hash_table_contains (seen, day))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u, column “%s”: %s is listed twice"), row->line, "date", day);
          return FALSE;
        }

      entry = g_new0 (Entry, 1);
      entry->line = row->line;
      entry->day = g_steal_pointer (&day);
      entry->kind = kind;
      entry->name = g_strstrip (g_strdup (name));
      g_ptr_array_add (entries, entry);
      g_hash_table_add (seen, entry->day);
    }

  if (!bb_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BbHoliday) existing = get_day (db, entry->day, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      /* An entry that already says the same is left alone. */
      if (existing != NULL && existing->kind == entry->kind &&
          g_strcmp0 (existing->name != NULL ? existing->name : "", entry->name) == 0)
        continue;
      if (!store_day (db, actor, entry->day, entry->kind, entry->name,
                      existing != NULL ? existing->version : 0, error))
        goto failed;
    }
  if (!bb_database_commit (db, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = entries->len;
  return TRUE;

failed:
  bb_database_rollback (db);
  return FALSE;
}

/**
 * bb_holiday_repo_load_calendar:
 *
 * Returns: (transfer full): a calendar with every entry of the table
 */
BbCalendar *
bb_holiday_repo_load_calendar (BbDatabase  *db,
                               GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(BbCalendar) calendar = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  entries = bb_holiday_repo_list (db, 0, error);
  if (entries == NULL)
    return NULL;

  calendar = bb_calendar_new ();
  for (guint i = 0; i < entries->len; i++)
    {
      const BbHoliday *holiday = g_ptr_array_index (entries, i);
      GDate date;

      if (bb_validate_date (holiday->day, &date, NULL))
        bb_calendar_set_day (calendar, &date, holiday->kind);
    }
  return g_steal_pointer (&calendar);
}
