/* bb-client-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clients (服务对象): persons and organisations, their category (§ 服务对象),
 * and client_gram, the one- and two-character pieces of their names that
 * short searches use (a trigram index finds nothing shorter than three
 * characters, and most Chinese names have two or three).
 */

#define G_LOG_DOMAIN "bb-client-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-case-search.h"
#include "bb-client-repo.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-validate.h"

#define NAME_MAX_CHARS        100
#define ADDRESS_MAX_CHARS     200
#define TALENT_CARD_MAX_CHARS 50
#define NOTES_MAX_CHARS       2000
#define FIND_MAX              200

#define CLIENT_COLUMNS \
  "id, kind, name, id_number, credit_code, phone, email, address, category, talent_card, " \
  "notes, created_at, version"
#define C_CLIENT_COLUMNS \
  "c.id, c.kind, c.name, c.id_number, c.credit_code, c.phone, c.email, c.address, c.category, " \
  "c.talent_card, c.notes, c.created_at, c.version"

#define INSERT_CLIENT \
  "INSERT INTO client (kind, name, id_number, credit_code, phone, email, address, category, " \
  "talent_card, notes, created_at, version) " \
  "VALUES (##kind::string, ##name::string, ##id_number::string::null, " \
  "##credit_code::string::null, ##phone::string::null, ##email::string::null, " \
  "##address::string::null, ##category::string, ##talent_card::string::null, " \
  "##notes::string::null, ##now::gint64, 1)"

static const char SQL_INSERT[] = INSERT_CLIENT;
static const char SQL_INSERT_PG[] = INSERT_CLIENT " RETURNING id";
static const char SQL_LAST_ID[] =
  "SELECT last_insert_rowid()";
static const char SQL_GET[] =
  "SELECT " CLIENT_COLUMNS " FROM client WHERE id = ##id::gint64";
static const char SQL_UPDATE[] =
  "UPDATE client SET kind = ##kind::string, name = ##name::string, "
  "id_number = ##id_number::string::null, credit_code = ##credit_code::string::null, "
  "phone = ##phone::string::null, email = ##email::string::null, "
  "address = ##address::string::null, category = ##category::string, "
  "talent_card = ##talent_card::string::null, notes = ##notes::string::null, "
  "version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_SAME_ID_NUMBER[] =
  "SELECT id FROM client WHERE id_number = ##value::string AND id <> ##id::gint64 LIMIT 1";
static const char SQL_SAME_CREDIT_CODE[] =
  "SELECT id FROM client WHERE credit_code = ##value::string AND id <> ##id::gint64 LIMIT 1";
static const char SQL_GRAMS_DELETE[] =
  "DELETE FROM client_gram WHERE client_id = ##client_id::gint64";
static const char SQL_GRAM_INSERT[] =
  "INSERT INTO client_gram (gram, client_id) VALUES (##gram::string, ##client_id::gint64)";
static const char SQL_FIND_ID_NUMBER[] =
  "SELECT " CLIENT_COLUMNS " FROM client WHERE id_number = ##value::string "
  "ORDER BY id LIMIT ##limit::gint";
static const char SQL_FIND_CREDIT_CODE[] =
  "SELECT " CLIENT_COLUMNS " FROM client WHERE credit_code = ##value::string "
  "ORDER BY id LIMIT ##limit::gint";
static const char SQL_FIND_PHONE[] =
  "SELECT " CLIENT_COLUMNS " FROM client WHERE phone = ##value::string "
  "ORDER BY id LIMIT ##limit::gint";
static const char SQL_FIND_GRAM[] =
  "SELECT " C_CLIENT_COLUMNS " FROM client_gram g JOIN client c ON c.id = g.client_id "
  "WHERE g.gram = ##value::string ORDER BY c.id LIMIT ##limit::gint";
/* Longer names: the first two-character piece narrows the rows through the
 * client_gram key, then the name must hold the whole text. */
static const char SQL_FIND_NAME[] =
  "SELECT " C_CLIENT_COLUMNS " FROM client_gram g JOIN client c ON c.id = g.client_id "
  "WHERE g.gram = ##value::string AND LOWER(c.name) LIKE ##pattern::string ESCAPE '!' "
  "ORDER BY c.id LIMIT ##limit::gint";
static const char SQL_LIST[] =
  "SELECT " CLIENT_COLUMNS " FROM client WHERE id > ##after::gint64 "
  "ORDER BY id LIMIT ##limit::gint";

static const GType client_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64,
  G_TYPE_INT64, G_TYPE_NONE
};

static const char * const categories[] = {
  BB_CATEGORY_KEY_ENTERPRISE,
  BB_CATEGORY_TALENT,
  BB_CATEGORY_SPECIAL_CARE,
  BB_CATEGORY_MILITARY,
  BB_CATEGORY_INSPECTION,
  BB_CATEGORY_COMPLAINT,
  BB_CATEGORY_OTHER,
  NULL
};

G_DEFINE_BOXED_TYPE (BbClient, bb_client, bb_client_copy, bb_client_free)

/**
 * bb_client_new:
 *
 * Returns: (transfer full): an empty draft: a person of category “other”
 */
BbClient *
bb_client_new (void)
{
  BbClient *client = g_new0 (BbClient, 1);

  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->category = g_strdup (BB_CATEGORY_OTHER);
  return client;
}

BbClient *
bb_client_copy (const BbClient *client)
{
  BbClient *copy;

  g_return_val_if_fail (client != NULL, NULL);

  copy = g_memdup2 (client, sizeof *client);
  copy->kind = g_strdup (client->kind);
  copy->name = g_strdup (client->name);
  copy->id_number = g_strdup (client->id_number);
  copy->credit_code = g_strdup (client->credit_code);
  copy->phone = g_strdup (client->phone);
  copy->email = g_strdup (client->email);
  copy->address = g_strdup (client->address);
  copy->category = g_strdup (client->category);
  copy->talent_card = g_strdup (client->talent_card);
  copy->notes = g_strdup (client->notes);
  return copy;
}

void
bb_client_free (BbClient *client)
{
  if (client == NULL)
    return;
  g_free (client->kind);
  g_free (client->name);
  g_free (client->id_number);
  g_free (client->credit_code);
  g_free (client->phone);
  g_free (client->email);
  g_free (client->address);
  g_free (client->category);
  g_free (client->talent_card);
  g_free (client->notes);
  g_free (client);
}

/* Categories and kinds */

/**
 * bb_client_categories:
 *
 * Returns: (transfer none): the category codes in the standard's order,
 *   %NULL-terminated
 */
const char * const *
bb_client_categories (void)
{
  return categories;
}

gboolean
bb_client_category_is_valid (const char *code)
{
  return code != NULL && g_strv_contains (categories, code);
}

/**
 * bb_client_category_label:
 *
 * Returns: the category as the standard names it, translated; %NULL for
 *   an unknown code
 */
const char *
bb_client_category_label (const char *code)
{
  if (g_strcmp0 (code, BB_CATEGORY_KEY_ENTERPRISE) == 0)
    return _("Key enterprise or major project");
  if (g_strcmp0 (code, BB_CATEGORY_TALENT) == 0)
    return _("High-end talent");
  if (g_strcmp0 (code, BB_CATEGORY_SPECIAL_CARE) == 0)
    return _("Disabled, elderly, pregnant and other special groups");
  if (g_strcmp0 (code, BB_CATEGORY_MILITARY) == 0)
    /* Translators: military clients are served first, through a “green channel” */
    return _("Military (green channel)");
  if (g_strcmp0 (code, BB_CATEGORY_INSPECTION) == 0)
    return _("Inspection findings and emergencies");
  if (g_strcmp0 (code, BB_CATEGORY_COMPLAINT) == 0)
    /* Translators: 特事特办, complaints handled as special cases */
    return _("Complaint, special handling");
  if (g_strcmp0 (code, BB_CATEGORY_OTHER) == 0)
    return _("Other");
  return NULL;
}

/**
 * bb_client_kind_label:
 *
 * Returns: “Person” or “Organisation”, translated; %NULL for an unknown kind
 */
const char *
bb_client_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, BB_CLIENT_PERSON) == 0)
    return _("Person");
  if (g_strcmp0 (kind, BB_CLIENT_ORGANISATION) == 0)
    return _("Organisation");
  return NULL;
}

/**
 * bb_client_fold:
 *
 * Folds text the way client_gram stores it (g_utf8_casefold()), so that a
 * search can look its query up there.
 *
 * Returns: (transfer full): the folded text
 */
char *
bb_client_fold (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_utf8_casefold (text, -1);
}

/* JSON */

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
 * bb_client_to_json:
 * @reveal_id: whether the caller may see the full ID number; when %FALSE
 *   it is masked (6101**********123X)
 *
 * Returns: (transfer full): an object with every field of the client
 */
JsonNode *
bb_client_to_json (const BbClient *client,
                   gboolean        reveal_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id_number = NULL;

  g_return_val_if_fail (client != NULL, NULL);

  if (client->id_number != NULL)
    id_number = reveal_id ? g_strdup (client->id_number) : bb_mask_id_number (client->id_number);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, client->id);
  add_string (builder, "kind", client->kind);
  add_string (builder, "name", client->name);
  add_string (builder, "id_number", id_number);
  add_string (builder, "credit_code", client->credit_code);
  add_string (builder, "phone", client->phone);
  add_string (builder, "email", client->email);
  add_string (builder, "address", client->address);
  add_string (builder, "category", client->category);
  add_string (builder, "talent_card", client->talent_card);
  add_string (builder, "notes", client->notes);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, client->created_at);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, client->version);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Validation */

static char *
dup_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  if (g_utf8_validate (copy, -1, NULL))
    g_strstrip (copy);
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The form that is stored: trimmed, empty fields NULL, codes and phone
 * normalised. */
static BbClient *
normalize (const BbClient *draft)
{
  BbClient *client = g_new0 (BbClient, 1);
  g_autofree char *id_number = dup_or_null (draft->id_number);
  g_autofree char *credit_code = dup_or_null (draft->credit_code);
  g_autofree char *phone = dup_or_null (draft->phone);

  client->id = draft->id;
  client->version = draft->version;
  client->created_at = draft->created_at;
  client->kind = dup_or_null (draft->kind);
  if (client->kind == NULL)
    client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = dup_or_null (draft->name);
  client->id_number = id_number != NULL ? bb_normalize_id_number (id_number) : NULL;
  client->credit_code = credit_code != NULL ? bb_normalize_credit_code (credit_code) : NULL;
  client->phone = phone != NULL ? bb_normalize_phone (phone) : NULL;
  client->email = dup_or_null (draft->email);
  client->address = dup_or_null (draft->address);
  client->category = dup_or_null (draft->category);
  if (client->category == NULL)
    client->category = g_strdup (BB_CATEGORY_OTHER);
  client->talent_card = dup_or_null (draft->talent_card);
  client->notes = dup_or_null (draft->notes);
  return client;
}

static gboolean
validate_normalized (const BbClient  *client,
                     GError         **error)
{
  gboolean person;

  if (!bb_client_kind_label (client->kind))
    {
      /* Translators: whether a client is a person or an organisation */
      bb_set_field_error (error, _("Client type"), _("should be a person or an organisation"));
      return FALSE;
    }
  person = g_str_equal (client->kind, BB_CLIENT_PERSON);

  /* Translators: a client's name (a person's or an organisation's) */
  if (!bb_validate_text (_("Name"), client->name, TRUE, NAME_MAX_CHARS, error))
    return FALSE;

  if (client->id_number != NULL)
    {
      if (!person)
        {
          bb_set_field_error (error, _("ID number"),
                              _("an organisation has a credit code, not a resident ID number"));
          return FALSE;
        }
      if (!bb_validate_id_number (client->id_number, error))
        return FALSE;
    }
  if (client->credit_code != NULL)
    {
      if (person)
        {
          bb_set_field_error (error, _("Credit code"),
                              _("only an organisation has a unified social credit code"));
          return FALSE;
        }
      if (!bb_validate_credit_code (client->credit_code, error))
        return FALSE;
    }
  if (client->phone != NULL && !bb_validate_phone (client->phone, error))
    return FALSE;
  if (client->email != NULL && !bb_validate_email (client->email, error))
    return FALSE;
  if (!bb_validate_text (_("Address"), client->address, FALSE, ADDRESS_MAX_CHARS, error))
    return FALSE;
  if (!bb_client_category_is_valid (client->category))
    {
      bb_set_field_error (error, _("Category"), _("“%s” is not a client category"),
                          client->category);
      return FALSE;
    }
  /* Translators: the number of a 圣地英才卡 / 三秦英才卡 talent card */
  if (!bb_validate_text (_("Talent card"), client->talent_card, FALSE, TALENT_CARD_MAX_CHARS,
                         error))
    return FALSE;
  if (!bb_validate_text (_("Notes"), client->notes, FALSE, NOTES_MAX_CHARS, error))
    return FALSE;
  return TRUE;
}

/**
 * bb_client_validate:
 *
 * Checks a draft as bb_client_repo_add() would (after normalising the ID
 * number, credit code and phone), without touching the database: for
 * forms that validate as the user types.
 *
 * Returns: %TRUE if the draft can be stored; else a %BB_ERROR_INVALID
 *   error naming the field
 */
gboolean
bb_client_validate (const BbClient  *draft,
                    GError         **error)
{
  g_autoptr(BbClient) client = NULL;

  g_return_val_if_fail (draft != NULL, FALSE);

  client = normalize (draft);
  return validate_normalized (client, error);
}

/* Reading */

static BbClient *
client_from_model (GdaDataModel *model,
                   int           row)
{
  BbClient *client = g_new0 (BbClient, 1);

  client->id = bb_model_get_int64 (model, 0, row, 0);
  client->kind = bb_model_dup_string (model, 1, row);
  client->name = bb_model_dup_string (model, 2, row);
  client->id_number = bb_model_dup_string (model, 3, row);
  client->credit_code = bb_model_dup_string (model, 4, row);
  client->phone = bb_model_dup_string (model, 5, row);
  client->email = bb_model_dup_string (model, 6, row);
  client->address = bb_model_dup_string (model, 7, row);
  client->category = bb_model_dup_string (model, 8, row);
  client->talent_card = bb_model_dup_string (model, 9, row);
  client->notes = bb_model_dup_string (model, 10, row);
  client->created_at = bb_model_get_int64 (model, 11, row, 0);
  client->version = (int) bb_model_get_int64 (model, 12, row, 1);
  return client;
}

static GPtrArray *
clients_from_model (GdaDataModel *model)
{
  int n_rows = gda_data_model_get_n_rows (model);
  GPtrArray *list = g_ptr_array_new_full (MAX (n_rows, 0), (GDestroyNotify) bb_client_free);

  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (list, client_from_model (model, row));
  return list;
}

static BbClient *
get_client (BbDatabase  *db,
            gint64       id,
            GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_GET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, client_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                   _("There is no client with the id %lld"), (long long) id);
      return NULL;
    }
  return client_from_model (model, 0);
}

/* Writing */

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

/* One client per ID number and per credit code: a second record would
 * split a person's cases between two clients. */
static gboolean
check_unique (BbDatabase      *db,
              const BbClient  *client,
              GError         **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  struct
  {
    const char *sql;
    const char *value;
    const char *label;
  } checks[] = {
    { SQL_SAME_ID_NUMBER, client->id_number, _("ID number") },
    { SQL_SAME_CREDIT_CODE, client->credit_code, _("Credit code") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GdaStatement *statement;
      g_autoptr(GdaSet) params = NULL;
      g_autoptr(GdaDataModel) model = NULL;

      if (checks[i].value == NULL)
        continue;
      statement = bb_database_prepare (db, checks[i].sql);
      params = bb_database_new_params (db, statement);
      bb_params_set_string (params, "value", checks[i].value);
      bb_params_set_int64 (params, "id", client->id);
      model = bb_database_select (db, statement, params, types, error);
      if (model == NULL)
        return FALSE;
      if (gda_data_model_get_n_rows (model) > 0)
        {
          bb_set_field_error (error, checks[i].label,
                              _("client %lld already has this number"),
                              (long long) bb_model_get_int64 (model, 0, 0, 0));
          return FALSE;
        }
    }
  return TRUE;
}

/* Every distinct one- and two-character piece of the folded name that
 * holds no white space. */
static GPtrArray *
name_grams (const char *name)
{
  g_autofree char *folded = bb_client_fold (name);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *grams = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      char *one;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;

      one = g_strndup (p, next - p);
      if (g_hash_table_add (seen, one))
        g_ptr_array_add (grams, one);
      else
        g_free (one);

      if (*next != '\0' && !g_unichar_isspace (g_utf8_get_char (next)))
        {
          char *two = g_strndup (p, g_utf8_next_char (next) - p);

          if (g_hash_table_add (seen, two))
            g_ptr_array_add (grams, two);
          else
            g_free (two);
        }
    }
  return grams;
}

static gboolean
write_grams (BbDatabase  *db,
             gint64       client_id,
             const char  *name,
             GError     **error)
{
  g_autoptr(GPtrArray) grams = name_grams (name);
  g_autoptr(GdaSet) delete_params = NULL;
  GdaStatement *statement;

  statement = bb_database_prepare (db, SQL_GRAMS_DELETE);
  delete_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (delete_params, "client_id", client_id);
  if (bb_database_execute (db, statement, delete_params, error) < 0)
    return FALSE;

  statement = bb_database_prepare (db, SQL_GRAM_INSERT);
  for (guint i = 0; i < grams->len; i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_string (params, "gram", g_ptr_array_index (grams, i));
      bb_params_set_int64 (params, "client_id", client_id);
      if (bb_database_execute (db, statement, params, error) < 0)
        return FALSE;
    }
  return TRUE;
}

static void
set_fields (GdaSet         *params,
            const BbClient *client)
{
  bb_params_set_string (params, "kind", client->kind);
  bb_params_set_string (params, "name", client->name);
  bb_params_set_string (params, "id_number", client->id_number);
  bb_params_set_string (params, "credit_code", client->credit_code);
  bb_params_set_string (params, "phone", client->phone);
  bb_params_set_string (params, "email", client->email);
  bb_params_set_string (params, "address", client->address);
  bb_params_set_string (params, "category", client->category);
  bb_params_set_string (params, "talent_card", client->talent_card);
  bb_params_set_string (params, "notes", client->notes);
}

/* Public API */

/**
 * bb_client_repo_add:
 * @draft: the client; id, created_at and version are ignored
 *
 * Validates and stores a new client (any staff member may).
 *
 * Returns: the new id, or 0 with %BB_ERROR_INVALID naming the field, or
 *   another error
 */
gint64
bb_client_repo_add (BbDatabase      *db,
                    const BbActor   *actor,
                    const BbClient  *draft,
                    GError         **error)
{
  g_autoptr(BbClient) client = NULL;
  g_autoptr(BbClient) created = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) after = NULL;
  GdaStatement *statement;
  gint64 id;

  g_return_val_if_fail (BB_IS_DATABASE (db), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error))
    return 0;
  client = normalize (draft);
  client->id = 0;
  if (!validate_normalized (client, error))
    return 0;

  if (!bb_database_begin (db, error))
    return 0;
  if (!check_unique (db, client, error))
    goto failed;

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL
                                       ? SQL_INSERT_PG : SQL_INSERT);
  params = bb_database_new_params (db, statement);
  set_fields (params, client);
  bb_params_set_int64 (params, "now", bb_clock_now_usec ());
  id = insert_row (db, statement, params, error);
  if (id == 0)
    goto failed;
  if (!write_grams (db, id, client->name, error))
    goto failed;

  created = get_client (db, id, error);
  if (created == NULL)
    goto failed;
  after = bb_client_to_json (created, TRUE);
  if (!bb_audit_record (db, actor, "client", id, "create", NULL, after, error))
    goto failed;
  if (!bb_database_commit (db, error))
    return 0;
  return id;

failed:
  bb_database_rollback (db);
  return 0;
}

/**
 * bb_client_repo_update:
 * @client: the client as edited, with the id and the version that was read
 *
 * Stores an edited client unless someone else changed it since it was read
 * (%BB_ERROR_CONFLICT: nothing is overwritten). The name pieces and the
 * search text of the client's cases follow.
 */
gboolean
bb_client_repo_update (BbDatabase      *db,
                       const BbActor   *actor,
                       const BbClient  *client,
                       GError         **error)
{
  g_autoptr(BbClient) normalized = NULL;
  g_autoptr(BbClient) before = NULL;
  g_autoptr(BbClient) after = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  GdaStatement *statement;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (client != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error))
    return FALSE;
  normalized = normalize (client);
  if (!validate_normalized (normalized, error))
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;

  before = get_client (db, client->id, error);
  if (before == NULL)
    goto failed;
  if (!check_unique (db, normalized, error))
    goto failed;

  statement = bb_database_prepare (db, SQL_UPDATE);
  params = bb_database_new_params (db, statement);
  set_fields (params, normalized);
  bb_params_set_int64 (params, "id", client->id);
  bb_params_set_int (params, "version", client->version);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    goto failed;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("The client %s was changed by someone else in the meantime; "
                     "nothing was overwritten"), before->name);
      goto failed;
    }
  if (!write_grams (db, client->id, normalized->name, error))
    goto failed;
  if (!bb_case_search_refresh_client (db, client->id, error))
    goto failed;

  after = get_client (db, client->id, error);
  if (after == NULL)
    goto failed;
  before_json = bb_client_to_json (before, TRUE);
  after_json = bb_client_to_json (after, TRUE);
  if (!bb_audit_record (db, actor, "client", client->id, "update", before_json, after_json,
                        error))
    goto failed;
  return bb_database_commit (db, error);

failed:
  bb_database_rollback (db);
  return FALSE;
}

/**
 * bb_client_repo_get:
 *
 * Returns: (transfer full): the client with the full ID number (mask it
 *   when showing it), or %NULL with %BB_ERROR_NOT_FOUND
 */
BbClient *
bb_client_repo_get (BbDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  return get_client (db, id, error);
}

/**
 * bb_client_repo_reveal_id:
 *
 * Hands out a client's full ID number to someone allowed to see it
 * (%BB_PERM_VIEW_ID_ANY), and records that in the audit trail.
 *
 * Returns: (transfer full): the ID number ("" when the client has none), or
 *   %NULL with %BB_ERROR_REFUSED or %BB_ERROR_NOT_FOUND
 */
char *
bb_client_repo_reveal_id (BbDatabase     *db,
                          const BbActor  *actor,
                          gint64          id,
                          GError        **error)
{
  g_autoptr(BbClient) client = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) after = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!bb_actor_check (actor, BB_PERM_VIEW_ID_ANY, error))
    return NULL;

  if (!bb_database_begin (db, error))
    return NULL;
  client = get_client (db, id, error);
  if (client == NULL)
    goto failed;
  if (client->id_number == NULL)
    {
      bb_database_rollback (db);
      return g_strdup ("");
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "revealed");
  json_builder_add_string_value (builder, "id_number");
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  if (!bb_audit_record (db, actor, "client", id, "reveal-id", NULL, after, error))
    goto failed;
  if (!bb_database_commit (db, error))
    return NULL;
  return g_strdup (client->id_number);

failed:
  bb_database_rollback (db);
  return NULL;
}

static char *
like_pattern (const char *folded)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '!')
        g_string_append_c (pattern, '!');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The first two-character piece of @folded without white space, as
 * client_gram stores them; else its first character. */
static char *
first_gram (const char *folded)
{
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      if (*next == '\0')
        break;
      if (!g_unichar_isspace (g_utf8_get_char (p)) && !g_unichar_isspace (g_utf8_get_char (next)))
        return g_strndup (p, g_utf8_next_char (next) - p);
    }
  return g_strndup (folded, g_utf8_next_char (folded) - folded);
}

/**
 * bb_client_repo_find:
 * @query: an ID number, a credit code, a phone number (exact, as typed:
 *   they are normalised) or part of a name (any length, case-insensitive)
 * @limit: the most clients to return (at most 200)
 *
 * Finds clients for a wizard's client step.
 *
 * Returns: (transfer full) (element-type BbClient): the clients found,
 *   ordered by id
 */
GPtrArray *
bb_client_repo_find (BbDatabase  *db,
                     const char  *query,
                     guint        limit,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *code = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *gram = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GdaStatement *statement;
  const char *value;
  glong n_chars;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  trimmed = g_strstrip (g_strdup (query));
  limit = CLAMP (limit, 1, FIND_MAX);
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bb_client_free);

  code = bb_normalize_id_number (trimmed);
  phone = bb_normalize_phone (trimmed);
  if (bb_validate_id_number (code, NULL))
    {
      statement = bb_database_prepare (db, SQL_FIND_ID_NUMBER);
      value = code;
    }
  else if (bb_validate_credit_code (code, NULL))
    {
      statement = bb_database_prepare (db, SQL_FIND_CREDIT_CODE);
      value = code;
    }
  else if (bb_validate_phone (phone, NULL))
    {
      statement = bb_database_prepare (db, SQL_FIND_PHONE);
      value = phone;
    }
  else
    {
      folded = bb_client_fold (trimmed);
      n_chars = g_utf8_strlen (folded, -1);
      if (n_chars <= 2)
        {
          statement = bb_database_prepare (db, SQL_FIND_GRAM);
          value = folded;
        }
      else
        {
          gram = first_gram (folded);
          pattern = like_pattern (folded);
          statement = bb_database_prepare (db, SQL_FIND_NAME);
          value = gram;
        }
    }

  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "value", value);
  bb_params_set_int (params, "limit", (int) limit);
  if (pattern != NULL)
    bb_params_set_string (params, "pattern", pattern);
  model = bb_database_select (db, statement, params, client_types, error);
  if (model == NULL)
    return NULL;
  return clients_from_model (model);
}

/**
 * bb_client_repo_list:
 * @after_id: 0 for the first page, else the last id of the previous page
 * @limit: page size (1–1000)
 *
 * Returns: (transfer full) (element-type BbClient): one page of clients by id
 */
GPtrArray *
bb_client_repo_list (BbDatabase  *db,
                     gint64       after_id,
                     guint        limit,
                     GError     **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  statement = bb_database_prepare (db, SQL_LIST);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "after", after_id);
  bb_params_set_int (params, "limit", (int) CLAMP (limit, 1, 1000));
  model = bb_database_select (db, statement, params, client_types, error);
  if (model == NULL)
    return NULL;
  return clients_from_model (model);
}
