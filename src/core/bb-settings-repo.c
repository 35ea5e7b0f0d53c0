/* bb-settings-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `setting` table: values every workstation of one database shares (the
 * team name and hotline printed on forms, the case number format…).
 */

#define G_LOG_DOMAIN "bb-settings-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-settings-repo.h"

static const char SQL_GET[] =
  "SELECT value, version FROM setting WHERE key = ##key::string";
static const char SQL_SET[] =
  "UPDATE setting SET value = ##value::string, version = version + 1, "
  "updated_at = ##now::gint64 "
  "WHERE key = ##key::string AND version = ##version::gint";

/* The names of the time limits of a complaint's steps, or NULL when @key
 * is not one of them. */
static const char *
complaint_step_label (const char *key)
{
  if (g_str_equal (key, BB_SETTING_COMPLAINT_INVESTIGATE_DAYS))
    /* Translators: a setting: working days for investigating a complaint (调查时限) */
    return _("Investigation time limit");
  if (g_str_equal (key, BB_SETTING_COMPLAINT_HANDLE_DAYS))
    /* Translators: a setting: working days for taking measures on a complaint (处置时限) */
    return _("Handling time limit");
  if (g_str_equal (key, BB_SETTING_COMPLAINT_FEEDBACK_DAYS))
    /* Translators: a setting: working days for telling the complainant the outcome (反馈时限) */
    return _("Feedback time limit");
  if (g_str_equal (key, BB_SETTING_COMPLAINT_ARCHIVE_DAYS))
    /* Translators: a setting: working days for filing a complaint (归档时限) */
    return _("Filing time limit");
  return NULL;
}

static const char *
setting_label (const char *key)
{
  if (g_str_equal (key, BB_SETTING_TEAM_NAME))
    return _("Team name");
  if (g_str_equal (key, BB_SETTING_COMPLAINT_HOTLINE))
    return _("Complaint hotline");
  if (g_str_equal (key, BB_SETTING_CASE_NUMBER_FORMAT))
    return _("Case number format");
  if (g_str_equal (key, BB_SETTING_TIME_ZONE))
    return _("Time zone");
  if (g_str_equal (key, BB_SETTING_RECTIFICATION_DAYS))
    return _("Rectification time limit");
  if (g_str_equal (key, BB_SETTING_COMPLAINT_DAYS))
    return _("Complaint time limit");
  if (g_str_equal (key, BB_SETTING_SUPPLEMENT_DAYS))
    return _("Supplement time limit");
  return complaint_step_label (key) != NULL ? complaint_step_label (key) : key;
}

static gboolean
validate_hotline (const char  *value,
                  GError     **error)
{
  guint digits = 0;
  const char *p;

  if (*value == '\0')
    return TRUE;

  for (p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != '-' && *p != ' ' && *p != '(' && *p != ')' && *p != '+')
        {
          bb_set_field_error (error, setting_label (BB_SETTING_COMPLAINT_HOTLINE),
                              _("only digits, spaces, “-”, “+” and brackets are allowed"));
          return FALSE;
        }
    }
  if (digits < 3 || digits > 20)
    {
      bb_set_field_error (error, setting_label (BB_SETTING_COMPLAINT_HOTLINE),
                          _("a telephone number has 3 to 20 digits"));
      return FALSE;
    }
  return TRUE;
}

/* Time limits in working days: how many at most, or 0 when @key is not
 * one. A complaint (GB/T 36113), its steps, and a client's supplying of
 * missing materials take from a few days to months under local rules. */
static guint
max_working_days (const char *key)
{
  if (complaint_step_label (key) != NULL ||
      g_str_equal (key, BB_SETTING_COMPLAINT_DAYS) ||
      g_str_equal (key, BB_SETTING_SUPPLEMENT_DAYS))
    return BB_COMPLAINT_STEP_MAX_DAYS;
  if (g_str_equal (key, BB_SETTING_RECTIFICATION_DAYS))
    return 60;
  return 0;
}

/**
 * bb_settings_validate:
 *
 * Checks a value for a setting; the error names the setting and the reason.
 */
gboolean
bb_settings_validate (const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_utf8_validate (value, -1, NULL))
    {
      bb_set_field_error (error, setting_label (key), _("the text is not valid UTF-8"));
      return FALSE;
    }

  if (max_working_days (key) > 0)
    {
      guint64 days;

      if (!g_ascii_string_to_unsigned (value, 10, 1, max_working_days (key), &days, NULL))
        {
          bb_set_field_error (error, setting_label (key),
                              _("enter a whole number of working days from 1 to %d"),
                              (int) max_working_days (key));
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (key, BB_SETTING_TEAM_NAME))
    {
      if (g_utf8_strlen (value, -1) > 40)
        {
          bb_set_field_error (error, setting_label (key),
                              _("at most %d characters fit in the title of a form"), 40);
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (key, BB_SETTING_COMPLAINT_HOTLINE))
    return validate_hotline (value, error);

  if (g_str_equal (key, BB_SETTING_CASE_NUMBER_FORMAT))
    {
      if (strstr (value, "{seq") == NULL)
        {
          bb_set_field_error (error, setting_label (key),
                              _("the format must contain the sequence number {seq:N}"));
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (key, BB_SETTING_TIME_ZONE))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (value);

      if (tz == NULL)
        {
          bb_set_field_error (error, setting_label (key), _("“%s” is not a known time zone"),
                              value);
          return FALSE;
        }
      return TRUE;
    }

  g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("There is no setting “%s”"), key);
  return FALSE;
}

/**
 * bb_settings_repo_get:
 * @version: (out) (optional): the row's version, for bb_settings_repo_set()
 *
 * Returns: (transfer full): the value, or %NULL with an error
 */
char *
bb_settings_repo_get (BbDatabase  *db,
                      const char  *key,
                      int         *version,
                      GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  statement = bb_database_prepare (db, SQL_GET);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "key", key);

  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("There is no setting “%s”"), key);
      return NULL;
    }
  if (version != NULL)
    *version = (int) bb_model_get_int64 (model, 1, 0, 0);
  return bb_model_dup_string (model, 0, 0);
}

/**
 * bb_settings_repo_get_days:
 * @key: a setting of working days, such as %BB_SETTING_SUPPLEMENT_DAYS
 * @fallback: the days to use when the setting is missing or not a value
 *   bb_settings_validate() would accept
 *
 * Returns: the setting's whole number of working days, or @fallback
 */
int
bb_settings_repo_get_days (BbDatabase *db,
                           const char *key,
                           int         fallback)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  guint64 days;

  g_return_val_if_fail (BB_IS_DATABASE (db), fallback);
  g_return_val_if_fail (max_working_days (key) > 0, fallback);

  value = bb_settings_repo_get (db, key, NULL, &error);
  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, 1, max_working_days (key), &days, NULL))
    {
      g_debug ("No usable %s setting (%s); using %d working days", key,
               error != NULL ? error->message : value, fallback);
      return fallback;
    }
  return (int) days;
}

/**
 * bb_settings_repo_set:
 * @expected_version: the version read with the value
 * @new_version: (out) (optional): the version after the change
 *
 * Changes a setting unless someone else changed it since it was read
 * (%BB_ERROR_CONFLICT: nothing is overwritten). Administrators only;
 * audited with the value before and after.
 */
gboolean
bb_settings_repo_set (BbDatabase     *db,
                      const BbActor  *actor,
                      const char  *key,
                      const char  *value,
                      int          expected_version,
                      int         *new_version,
                      GError     **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *old_value = NULL;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_SETTINGS, error))
    return FALSE;
  if (!bb_settings_validate (key, value, error))
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;

  old_value = bb_settings_repo_get (db, key, NULL, error);
  if (old_value == NULL)
    {
      bb_database_rollback (db);
      return FALSE;
    }

  statement = bb_database_prepare (db, SQL_SET);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "key", key);
  bb_params_set_string (params, "value", value);
  bb_params_set_int (params, "version", expected_version);
  bb_params_set_int64 (params, "now", bb_clock_now_usec ());

  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    {
      bb_database_rollback (db);
      return FALSE;
    }
  if (rows == 0)
    {
      bb_database_rollback (db);
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("%s was changed by someone else in the meantime; nothing was overwritten"),
                   setting_label (key));
      return FALSE;
    }

  before = json_from_string ("{}", NULL);
  json_object_set_string_member (json_node_get_object (before), "key", key);
  json_object_set_string_member (json_node_get_object (before), "value", old_value);
  after = json_node_copy (before);
  json_object_set_string_member (json_node_get_object (after), "value", value);
  if (!bb_audit_record (db, actor, "setting", 0, "update", before, after, error))
    {
      bb_database_rollback (db);
      return FALSE;
    }

  if (!bb_database_commit (db, error))
    return FALSE;

  if (new_version != NULL)
    *new_version = expected_version + 1;
  return TRUE;
}
