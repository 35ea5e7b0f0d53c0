/* bb-consultation-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Consultation records (接待咨询记录): the client's name, contact, what was
 * asked and the answer, recorded whether or not a case follows (§ 咨询,
 * § 服务咨询).
 */

#define G_LOG_DOMAIN "bb-consultation-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-clock.h"
#include "bb-consultation-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-validate.h"

#define NAME_MAX_CHARS    100
#define CONTACT_MAX_CHARS 100
#define CONTENT_MAX_CHARS 4000
#define RESULT_MAX_CHARS  4000

#define CONSULTATION_COLUMNS \
  "id, at, staff_id, name, contact, channel, content, result, case_id, version"

#define INSERT_CONSULTATION \
  "INSERT INTO consultation (at, staff_id, name, contact, channel, content, result, case_id, " \
  "version) VALUES (##at::gint64, ##staff_id::gint64::null, ##name::string, " \
  "##contact::string::null, ##channel::string, ##content::string, ##result::string::null, " \
  "##case_id::gint64::null, 1)"

static const char SQL_INSERT[] = INSERT_CONSULTATION;
static const char SQL_INSERT_PG[] = INSERT_CONSULTATION " RETURNING id";
static const char SQL_LAST_ID[] =
  "SELECT last_insert_rowid()";
static const char SQL_GET[] =
  "SELECT " CONSULTATION_COLUMNS " FROM consultation WHERE id = ##id::gint64";
static const char SQL_CASE_EXISTS[] =
  "SELECT id FROM bb_case WHERE id = ##id::gint64";
static const char SQL_LINK[] =
  "UPDATE consultation SET case_id = ##case_id::gint64::null, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_LIST[] =
  "SELECT " CONSULTATION_COLUMNS " FROM consultation "
  "WHERE at >= ##from::gint64 AND at < ##to::gint64 "
  "AND (at > ##after_at::gint64 OR (at = ##after_at2::gint64 AND id > ##after_id::gint64)) "
  "ORDER BY at, id LIMIT ##limit::gint";

static const GType consultation_types[] = {
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
};

static const char * const channels[] = { "onsite", "phone", "email", "online", NULL };

G_DEFINE_BOXED_TYPE (BbConsultation, bb_consultation, bb_consultation_copy,
                     bb_consultation_free)

/**
 * bb_consultation_new:
 *
 * Returns: (transfer full): an empty draft, channel “onsite”
 */
BbConsultation *
bb_consultation_new (void)
{
  BbConsultation *consultation = g_new0 (BbConsultation, 1);

  consultation->channel = g_strdup ("onsite");
  return consultation;
}

BbConsultation *
bb_consultation_copy (const BbConsultation *consultation)
{
  BbConsultation *copy;

  g_return_val_if_fail (consultation != NULL, NULL);

  copy = g_memdup2 (consultation, sizeof *consultation);
  copy->name = g_strdup (consultation->name);
  copy->contact = g_strdup (consultation->contact);
  copy->channel = g_strdup (consultation->channel);
  copy->content = g_strdup (consultation->content);
  copy->result = g_strdup (consultation->result);
  return copy;
}

void
bb_consultation_free (BbConsultation *consultation)
{
  if (consultation == NULL)
    return;
  g_free (consultation->name);
  g_free (consultation->contact);
  g_free (consultation->channel);
  g_free (consultation->content);
  g_free (consultation->result);
  g_free (consultation);
}

gboolean
bb_consultation_channel_is_valid (const char *channel)
{
  return channel != NULL && g_strv_contains (channels, channel);
}

/**
 * bb_consultation_channel_label:
 *
 * Returns: the channel as people call it, translated; %NULL when unknown
 */
const char *
bb_consultation_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "onsite") == 0)
    return _("On site");
  if (g_strcmp0 (channel, "phone") == 0)
    return _("Phone");
  if (g_strcmp0 (channel, "email") == 0)
    return _("Email");
  if (g_strcmp0 (channel, "online") == 0)
    return _("Online platform");
  return NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * bb_consultation_to_json:
 *
 * Returns: (transfer full): an object with every field; case_id and
 *   staff_id are null when 0
 */
JsonNode *
bb_consultation_to_json (const BbConsultation *consultation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (consultation != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, consultation->id);
  json_builder_set_member_name (builder, "at");
  json_builder_add_int_value (builder, consultation->at);
  json_builder_set_member_name (builder, "staff_id");
  if (consultation->staff_id != 0)
    json_builder_add_int_value (builder, consultation->staff_id);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "name", consultation->name);
  add_string (builder, "contact", consultation->contact);
  add_string (builder, "channel", consultation->channel);
  add_string (builder, "content", consultation->content);
  add_string (builder, "result", consultation->result);
  json_builder_set_member_name (builder, "case_id");
  if (consultation->case_id != 0)
    json_builder_add_int_value (builder, consultation->case_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, consultation->version);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Validation */

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  if (g_utf8_validate (copy, -1, NULL))
    g_strstrip (copy);
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* Whether a contact is meant as an e-mail address or a phone number:
 * anything with an @, or made of digits and phone punctuation only. */
static gboolean
looks_like_email (const char *contact)
{
  return strchr (contact, '@') != NULL;
}

static gboolean
looks_like_phone (const char *contact)
{
  g_autofree char *folded = g_utf8_normalize (contact, -1, G_NORMALIZE_NFKC);
  guint digits = 0;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" -+()", *p) == NULL)
        return FALSE;
    }
  return digits > 0;
}

static BbConsultation *
normalize (const BbConsultation *draft)
{
  BbConsultation *consultation = g_new0 (BbConsultation, 1);

  consultation->id = draft->id;
  consultation->at = draft->at;
  consultation->staff_id = draft->staff_id;
  consultation->case_id = draft->case_id;
  consultation->version = draft->version;
  consultation->name = trimmed_or_null (draft->name);
  consultation->contact = trimmed_or_null (draft->contact);
  consultation->channel = trimmed_or_null (draft->channel);
  if (consultation->channel == NULL)
    consultation->channel = g_strdup ("onsite");
  consultation->content = trimmed_or_null (draft->content);
  consultation->result = trimmed_or_null (draft->result);

  if (consultation->contact != NULL && g_utf8_validate (consultation->contact, -1, NULL) &&
      !looks_like_email (consultation->contact) && looks_like_phone (consultation->contact))
    {
      char *phone = bb_normalize_phone (consultation->contact);

      g_free (consultation->contact);
      consultation->contact = phone;
    }
  return consultation;
}

static gboolean
validate_normalized (const BbConsultation  *consultation,
                     GError               **error)
{
  /* Translators: the name of the person who asked */
  if (!bb_validate_text (_("Name"), consultation->name, TRUE, NAME_MAX_CHARS, error))
    return FALSE;
  /* Translators: how to reach the person who asked (phone, e-mail…) */
  if (!bb_validate_text (_("Contact"), consultation->contact, FALSE, CONTACT_MAX_CHARS, error))
    return FALSE;
  if (consultation->contact != NULL)
    {
      g_autoptr(GError) reason = NULL;

      if (looks_like_email (consultation->contact))
        {
          if (!bb_validate_email (consultation->contact, &reason))
            {
              g_propagate_error (error, g_steal_pointer (&reason));
              return FALSE;
            }
        }
      else if (looks_like_phone (consultation->contact) &&
               !bb_validate_phone (consultation->contact, &reason))
        {
          g_propagate_error (error, g_steal_pointer (&reason));
          return FALSE;
        }
    }
  if (!bb_consultation_channel_is_valid (consultation->channel))
    {
      /* Translators: how the client got in touch: on site, phone, e-mail, online */
      bb_set_field_error (error, _("Channel"), _("“%s” should be onsite, phone, email or online"),
                          consultation->channel);
      return FALSE;
    }
  /* Translators: what the client asked */
  if (!bb_validate_text (_("Content"), consultation->content, TRUE, CONTENT_MAX_CHARS, error))
    return FALSE;
  /* Translators: the answer given, or what was done */
  if (!bb_validate_text (_("Result"), consultation->result, FALSE, RESULT_MAX_CHARS, error))
    return FALSE;
  return TRUE;
}

/**
 * bb_consultation_validate:
 *
 * Checks a draft without touching the database. A contact with an @ must
 * be an e-mail address; one of digits and phone punctuation a phone number;
 * other text (a WeChat id…) is kept as typed.
 *
 * Returns: %TRUE if the draft can be stored
 */
gboolean
bb_consultation_validate (const BbConsultation  *draft,
                          GError               **error)
{
  g_autoptr(BbConsultation) consultation = NULL;

  g_return_val_if_fail (draft != NULL, FALSE);

  consultation = normalize (draft);
  return validate_normalized (consultation, error);
}

/* Reading */

static BbConsultation *
consultation_from_model (GdaDataModel *model,
                         int           row)
{
  BbConsultation *consultation = g_new0 (BbConsultation, 1);

  consultation->id = bb_model_get_int64 (model, 0, row, 0);
  consultation->at = bb_model_get_int64 (model, 1, row, 0);
  consultation->staff_id = bb_model_get_int64 (model, 2, row, 0);
  consultation->name = bb_model_dup_string (model, 3, row);
  consultation->contact = bb_model_dup_string (model, 4, row);
  consultation->channel = bb_model_dup_string (model, 5, row);
  consultation->content = bb_model_dup_string (model, 6, row);
  consultation->result = bb_model_dup_string (model, 7, row);
  consultation->case_id = bb_model_get_int64 (model, 8, row, 0);
  consultation->version = (int) bb_model_get_int64 (model, 9, row, 1);
  return consultation;
}

static BbConsultation *
get_consultation (BbDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_GET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, consultation_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                   _("There is no consultation record with the id %lld"),
                   (long long) id);
      return NULL;
    }
  return consultation_from_model (model, 0);
}

static gboolean
check_case (BbDatabase  *db,
            gint64       case_id,
            GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;

  if (case_id == 0)
    return TRUE;
  statement = bb_database_prepare (db, SQL_CASE_EXISTS);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "id", case_id);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return FALSE;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                   _("There is no case with the id %lld"), (long long) case_id);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_row (BbDatabase    *db,
            GdaStatement  *statement,
            GdaSet        *params,
            GError       **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  if (bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL)
    model = bb_database_select (db, statement, params, types, error);
  else
    {
      if (bb_database_execute (db, statement, params, error) < 0)
        return 0;
      model = bb_database_select (db, bb_database_prepare (db, SQL_LAST_ID), NULL, types, error);
    }
  if (model == NULL)
    return 0;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error_literal (error, BB_ERROR, BB_ERROR_FAILED, _("The new row has no id"));
      return 0;
    }
  return bb_model_get_int64 (model, 0, 0, 0);
}

/* Public API */

/**
 * bb_consultation_repo_add:
 * @draft: the record; at = 0 means now; staff_id is the actor's
 *
 * Records a consultation (any staff member may).
 *
 * Returns: the new id, or 0 with an error naming the field
 */
gint64
bb_consultation_repo_add (BbDatabase            *db,
                          const BbActor         *actor,
                          const BbConsultation  *draft,
                          GError               **error)
{
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(BbConsultation) created = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) after = NULL;
  GdaStatement *statement;
  gint64 id;

  g_return_val_if_fail (BB_IS_DATABASE (db), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error))
    return 0;
  consultation = normalize (draft);
  if (!validate_normalized (consultation, error))
    return 0;

  if (!bb_database_begin (db, error))
    return 0;
  if (!check_case (db, consultation->case_id, error))
    goto failed;

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL
                                       ? SQL_INSERT_PG : SQL_INSERT);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "at", consultation->at != 0 ? consultation->at
                                                           : bb_clock_now_usec ());
  if (actor->staff_id != 0)
    bb_params_set_int64 (params, "staff_id", actor->staff_id);
  else
    bb_params_set_null (params, "staff_id");
  bb_params_set_string (params, "name", consultation->name);
  bb_params_set_string (params, "contact", consultation->contact);
  bb_params_set_string (params, "channel", consultation->channel);
  bb_params_set_string (params, "content", consultation->content);
  bb_params_set_string (params, "result", consultation->result);
  if (consultation->case_id != 0)
    bb_params_set_int64 (params, "case_id", consultation->case_id);
  else
    bb_params_set_null (params, "case_id");
  id = insert_row (db, statement, params, error);
  if (id == 0)
    goto failed;

  created = get_consultation (db, id, error);
  if (created == NULL)
    goto failed;
  after = bb_consultation_to_json (created);
  if (!bb_audit_record (db, actor, "consultation", id, "create", NULL, after, error))
    goto failed;
  if (!bb_database_commit (db, error))
    return 0;
  return id;

failed:
  bb_database_rollback (db);
  return 0;
}

/**
 * bb_consultation_repo_get:
 *
 * Returns: (transfer full): the record, or %NULL with %BB_ERROR_NOT_FOUND
 */
BbConsultation *
bb_consultation_repo_get (BbDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  return get_consultation (db, id, error);
}

/**
 * bb_consultation_repo_link_case:
 * @case_id: the case that followed the consultation, or 0 to unlink
 * @expected_version: the version that was read
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT if someone else changed the
 *   record first
 */
gboolean
bb_consultation_repo_link_case (BbDatabase     *db,
                                const BbActor  *actor,
                                gint64          id,
                                gint64          case_id,
                                int             expected_version,
                                GError        **error)
{
  g_autoptr(BbConsultation) before = NULL;
  g_autoptr(BbConsultation) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  g_autoptr(GdaSet) params = NULL;
  GdaStatement *statement;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error))
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;
  before = get_consultation (db, id, error);
  if (before == NULL || !check_case (db, case_id, error))
    goto failed;

  statement = bb_database_prepare (db, SQL_LINK);
  params = bb_database_new_params (db, statement);
  if (case_id != 0)
    bb_params_set_int64 (params, "case_id", case_id);
  else
    bb_params_set_null (params, "case_id");
  bb_params_set_int64 (params, "id", id);
  bb_params_set_int (params, "version", expected_version);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    goto failed;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("The consultation record was changed by someone else in the meantime; "
                     "nothing was overwritten"));
      goto failed;
    }

  after = get_consultation (db, id, error);
  if (after == NULL)
    goto failed;
  before_json = bb_consultation_to_json (before);
  after_json = bb_consultation_to_json (after);
  if (!bb_audit_record (db, actor, "consultation", id, "link-case", before_json, after_json,
                        error))
    goto failed;
  return bb_database_commit (db, error);

failed:
  bb_database_rollback (db);
  return FALSE;
}

/**
 * bb_consultation_repo_list:
 * @from_usec: the first instant (inclusive), 0 for no lower bound
 * @to_usec: the end (exclusive), 0 for no upper bound
 * @after_at: with @after_id, the last row of the previous page (0, 0 for
 *   the first page)
 * @limit: page size (1–1000)
 *
 * Returns: (transfer full) (element-type BbConsultation): one page, oldest
 *   first
 */
GPtrArray *
bb_consultation_repo_list (BbDatabase  *db,
                           gint64       from_usec,
                           gint64       to_usec,
                           gint64       after_at,
                           gint64       after_id,
                           guint        limit,
                           GError     **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GPtrArray *list;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  statement = bb_database_prepare (db, SQL_LIST);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "from", from_usec);
  bb_params_set_int64 (params, "to", to_usec != 0 ? to_usec : G_MAXINT64);
  /* The first page starts before every row. */
  if (after_at == 0 && after_id == 0)
    after_at = G_MININT64;
  bb_params_set_int64 (params, "after_at", after_at);
  bb_params_set_int64 (params, "after_at2", after_at);
  bb_params_set_int64 (params, "after_id", after_id);
  bb_params_set_int (params, "limit", (int) CLAMP (limit, 1, 1000));
  model = bb_database_select (db, statement, params, consultation_types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  list = g_ptr_array_new_full (n_rows, (GDestroyNotify) bb_consultation_free);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (list, consultation_from_model (model, row));
  return list;
}
