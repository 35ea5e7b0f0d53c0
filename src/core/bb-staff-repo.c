/* bb-staff-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff accounts (服务人员): numbers, roles, passwords, sign-in.
 *
 * The first administrator is created by the system actor while the table is
 * still empty (the bootstrap); after that only administrators manage staff,
 * and the last active administrator can neither be deactivated nor demoted.
 */

#define G_LOG_DOMAIN "bb-staff-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-password.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"

#define NUMBER_MAX_CHARS 32
#define NAME_MAX_CHARS   50
#define POSTS_MAX_CHARS  200

#define STAFF_COLUMNS "id, number, name, role, phone, posts, active, created_at, version"

#define INSERT_STAFF \
  "INSERT INTO staff (number, name, role, phone, posts, password_hash, active, created_at, version) " \
  "VALUES (##number::string, ##name::string, ##role::string, ##phone::string::null, " \
  "##posts::string::null, ##hash::string::null, 1, ##now::gint64, 1)"

static const char SQL_COUNT[] =
  "SELECT COUNT(*) FROM staff";
/* Two first administrators created at once on PostgreSQL: the second waits
 * and then sees the first. */
static const char SQL_LOCK_PG[] =
  "LOCK TABLE staff IN SHARE ROW EXCLUSIVE MODE";
static const char SQL_INSERT[] = INSERT_STAFF;
static const char SQL_INSERT_PG[] = INSERT_STAFF " RETURNING id";
static const char SQL_LAST_ID[] =
  "SELECT last_insert_rowid()";
static const char SQL_GET[] =
  "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ##id::gint64";
static const char SQL_FIND_NUMBER[] =
  "SELECT " STAFF_COLUMNS " FROM staff WHERE number = ##number::string";
static const char SQL_FIRST_ADMIN[] =
  "SELECT " STAFF_COLUMNS " FROM staff WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1";
static const char SQL_LIST_ALL[] =
  "SELECT " STAFF_COLUMNS " FROM staff ORDER BY number, id";
static const char SQL_LIST_ACTIVE[] =
  "SELECT " STAFF_COLUMNS " FROM staff WHERE active = 1 ORDER BY number, id";
static const char SQL_AUTH[] =
  "SELECT " STAFF_COLUMNS ", password_hash FROM staff WHERE number = ##number::string";
static const char SQL_ACTIVE_ADMINS[] =
  "SELECT id FROM staff WHERE role = 'admin' AND active = 1";
static const char SQL_ACTIVE_ADMINS_PG[] =
  "SELECT id FROM staff WHERE role = 'admin' AND active = 1 ORDER BY id FOR UPDATE";
static const char SQL_UPDATE[] =
  "UPDATE staff SET name = ##name::string, phone = ##phone::string::null, "
  "posts = ##posts::string::null, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_SET_ACTIVE[] =
  "UPDATE staff SET active = ##active::gint, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_SET_ROLE[] =
  "UPDATE staff SET role = ##role::string, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_SET_PASSWORD[] =
  "UPDATE staff SET password_hash = ##hash::string, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_REHASH[] =
  "UPDATE staff SET password_hash = ##hash::string "
  "WHERE id = ##id::gint64 AND password_hash = ##old::string";

static const GType staff_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
};
static const GType auth_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE
};

G_DEFINE_BOXED_TYPE (BbStaff, bb_staff, bb_staff_copy, bb_staff_free)

BbStaff *
bb_staff_copy (const BbStaff *staff)
{
  BbStaff *copy;

  g_return_val_if_fail (staff != NULL, NULL);

  copy = g_memdup2 (staff, sizeof *staff);
  copy->number = g_strdup (staff->number);
  copy->name = g_strdup (staff->name);
  copy->phone = g_strdup (staff->phone);
  copy->posts = g_strdup (staff->posts);
  return copy;
}

void
bb_staff_free (BbStaff *staff)
{
  if (staff == NULL)
    return;
  g_free (staff->number);
  g_free (staff->name);
  g_free (staff->phone);
  g_free (staff->posts);
  g_free (staff);
}

/**
 * bb_staff_to_actor:
 *
 * Returns: (transfer full): the staff member as the actor of their actions
 */
BbActor *
bb_staff_to_actor (const BbStaff *staff)
{
  g_return_val_if_fail (staff != NULL, NULL);

  return bb_actor_new (staff->id, staff->number, staff->name, staff->role);
}

/**
 * bb_staff_to_json:
 *
 * Returns: (transfer full): an object with id, number, name, role, phone,
 *   posts, active and version (never the password hash)
 */
JsonNode *
bb_staff_to_json (const BbStaff *staff)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (staff != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, staff->id);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, staff->number);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, staff->name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, bb_role_to_string (staff->role));
  json_builder_set_member_name (builder, "phone");
  if (staff->phone != NULL)
    json_builder_add_string_value (builder, staff->phone);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "posts");
  if (staff->posts != NULL)
    json_builder_add_string_value (builder, staff->posts);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, staff->active);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, staff->version);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reading */

static BbStaff *
staff_from_model (GdaDataModel *model,
                  int           row)
{
  BbStaff *staff = g_new0 (BbStaff, 1);
  g_autofree char *role = bb_model_dup_string (model, 3, row);

  staff->id = bb_model_get_int64 (model, 0, row, 0);
  staff->number = bb_model_dup_string (model, 1, row);
  staff->name = bb_model_dup_string (model, 2, row);
  if (!bb_role_from_string (role, &staff->role))
    staff->role = BB_ROLE_STAFF;
  staff->phone = bb_model_dup_string (model, 4, row);
  staff->posts = bb_model_dup_string (model, 5, row);
  staff->active = bb_model_get_int64 (model, 6, row, 1) != 0;
  staff->created_at = bb_model_get_int64 (model, 7, row, 0);
  staff->version = (int) bb_model_get_int64 (model, 8, row, 1);
  return staff;
}

static gint64
count_staff (BbDatabase  *db,
             GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  model = bb_database_select (db, bb_database_prepare (db, SQL_COUNT), NULL, types, error);
  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, 0);
}

static BbStaff *
select_one (BbDatabase  *db,
            const char  *sql,
            const char  *number,
            gint64       id,
            GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  if (number != NULL)
    bb_params_set_string (params, "number", number);
  else if (params != NULL)
    bb_params_set_int64 (params, "id", id);

  model = bb_database_select (db, statement, params, staff_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      if (number != NULL)
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("There is no staff member with the number “%s”"), number);
      else if (sql == SQL_FIRST_ADMIN)
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("There is no active administrator"));
      else
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("There is no staff member with the id %lld"), (long long) id);
      return NULL;
    }
  return staff_from_model (model, 0);
}

/* Validation */

static const char *
number_label (void)
{
  /* Translators: a staff member's number (工号) */
  return _("Staff number");
}

static gboolean
validate_number (const char  *number,
                 GError     **error)
{
  if (!bb_validate_text (number_label (), number, TRUE, NUMBER_MAX_CHARS, error))
    return FALSE;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        {
          bb_set_field_error (error, number_label (),
                              _("use only the letters A–Z, digits, “-”, “_” and “.”"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_details (const char  *name,
                  const char  *phone,
                  const char  *posts,
                  char       **normalized_phone,
                  GError     **error)
{
  /* Translators: a staff member's name */
  if (!bb_validate_text (_("Name"), name, TRUE, NAME_MAX_CHARS, error))
    return FALSE;
  if (!bb_validate_text (_("Posts"), posts, FALSE, POSTS_MAX_CHARS, error))
    return FALSE;

  *normalized_phone = NULL;
  if (phone != NULL && *phone != '\0')
    {
      g_autofree char *normalized = bb_normalize_phone (phone);

      if (!bb_validate_phone (normalized, error))
        return FALSE;
      *normalized_phone = g_steal_pointer (&normalized);
    }
  return TRUE;
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
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

static gboolean
number_is_taken (BbDatabase  *db,
                 const char  *number,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BbStaff) existing = select_one (db, SQL_FIND_NUMBER, number, 0, &local_error);

  if (existing != NULL)
    {
      bb_set_field_error (error, number_label (), _("%s is taken"), number);
      return TRUE;
    }
  if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TRUE;
    }
  return FALSE;
}

static gboolean
conflict (GError     **error,
          const char  *number)
{
  g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
               _("Staff member %s was changed by someone else in the meantime; "
                 "nothing was overwritten"), number);
  return FALSE;
}

/* Public API */

/**
 * bb_staff_repo_count:
 *
 * Returns: how many staff accounts exist (active or not), or -1 on error
 */
gint64
bb_staff_repo_count (BbDatabase  *db,
                     GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), -1);

  return count_staff (db, error);
}

/**
 * bb_staff_repo_add:
 * @actor: an administrator; or the system actor while there is no staff
 *   at all, to create the first administrator
 * @phone: (nullable): normalised before it is stored
 * @posts: (nullable)
 * @password: (nullable): the sign-in password; %NULL or "" for an account
 *   that cannot sign in until a password is set
 *
 * Creates a staff account. The number must be free.
 *
 * Returns: the new id, or 0 with %BB_ERROR_INVALID (the message names the
 *   field), %BB_ERROR_REFUSED, or a database error
 */
gint64
bb_staff_repo_add (BbDatabase     *db,
                   const BbActor  *actor,
                   const char     *number,
                   const char     *name,
                   BbRole          role,
                   const char     *phone,
                   const char     *posts,
                   const char     *password,
                   GError        **error)
{
  g_autofree char *normalized_phone = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbStaff) created = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) local_error = NULL;
  GdaStatement *statement;
  gint64 existing;
  gint64 id;

  g_return_val_if_fail (BB_IS_DATABASE (db), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (role <= BB_ROLE_ADMIN, 0);

  if (!bb_actor_check (actor, BB_PERM_STAFF_MANAGE, error))
    return 0;
  if (!validate_number (number, error))
    return 0;
  if (!validate_details (name, phone, posts, &normalized_phone, error))
    return 0;
  password = empty_to_null (password);
  if (password != NULL)
    {
      if (!bb_validate_password (password, error))
        return 0;
      hash = bb_password_hash (password, error);
      if (hash == NULL)
        return 0;
    }

  if (!bb_database_begin (db, error))
    return 0;

  /* The system actor only bootstraps: it creates the first administrator
   * of an empty database, and nothing once there is one. */
  if (actor->staff_id == 0)
    {
      if (bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL &&
          bb_database_execute (db, bb_database_prepare (db, SQL_LOCK_PG), NULL, error) < 0)
        goto failed;
      existing = count_staff (db, error);
      if (existing < 0)
        goto failed;
      if (existing > 0)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                       _("Staff accounts are managed by an administrator; sign in as one"));
          goto failed;
        }
      if (role != BB_ROLE_ADMIN)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                       _("The first staff account must be an administrator"));
          goto failed;
        }
    }

  if (number_is_taken (db, number, error))
    goto failed;

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL
                                       ? SQL_INSERT_PG : SQL_INSERT);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "number", number);
  bb_params_set_string (params, "name", name);
  bb_params_set_string (params, "role", bb_role_to_string (role));
  bb_params_set_string (params, "phone", normalized_phone);
  bb_params_set_string (params, "posts", empty_to_null (posts));
  bb_params_set_string (params, "hash", hash);
  bb_params_set_int64 (params, "now", bb_clock_now_usec ());
  id = insert_row (db, statement, params, &local_error);
  if (id == 0)
    {
      /* Another workstation took the number since number_is_taken(). */
      if (local_error != NULL && strstr (local_error->message, "staff_number_unique") != NULL)
        {
          g_clear_error (&local_error);
          bb_set_field_error (error, number_label (), _("%s is taken"), number);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  created = select_one (db, SQL_GET, NULL, id, error);
  if (created == NULL)
    goto failed;
  after = bb_staff_to_json (created);
  if (!bb_audit_record (db, actor, "staff", id, "create", NULL, after, error))
    goto failed;
  if (!bb_database_commit (db, error))
    return 0;
  return id;

failed:
  bb_database_rollback (db);
  return 0;
}

/**
 * bb_staff_repo_update:
 * @staff: the account with the name, phone and posts to store and the
 *   version that was read
 *
 * Changes a staff member's name, phone and posts (administrators only).
 * The number, role, password and active flag have functions of their own.
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT if someone else changed it
 */
gboolean
bb_staff_repo_update (BbDatabase     *db,
                      const BbActor  *actor,
                      const BbStaff  *staff,
                      GError        **error)
{
  g_autofree char *normalized_phone = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbStaff) before = NULL;
  g_autoptr(BbStaff) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  GdaStatement *statement;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_STAFF_MANAGE, error))
    return FALSE;
  if (!validate_details (staff->name, staff->phone, staff->posts, &normalized_phone, error))
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;

  before = select_one (db, SQL_GET, NULL, staff->id, error);
  if (before == NULL)
    goto failed;

  statement = bb_database_prepare (db, SQL_UPDATE);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "name", staff->name);
  bb_params_set_string (params, "phone", normalized_phone);
  bb_params_set_string (params, "posts", empty_to_null (staff->posts));
  bb_params_set_int64 (params, "id", staff->id);
  bb_params_set_int (params, "version", staff->version);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    goto failed;
  if (rows == 0)
    {
      conflict (error, before->number);
      goto failed;
    }

  after = select_one (db, SQL_GET, NULL, staff->id, error);
  if (after == NULL)
    goto failed;
  before_json = bb_staff_to_json (before);
  after_json = bb_staff_to_json (after);
  if (!bb_audit_record (db, actor, "staff", staff->id, "update", before_json, after_json, error))
    goto failed;
  return bb_database_commit (db, error);

failed:
  bb_database_rollback (db);
  return FALSE;
}

/**
 * bb_staff_repo_get:
 *
 * Returns: (transfer full): the staff member, or %NULL with
 *   %BB_ERROR_NOT_FOUND
 */
BbStaff *
bb_staff_repo_get (BbDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  return select_one (db, SQL_GET, NULL, id, error);
}

/**
 * bb_staff_repo_find_by_number:
 *
 * Returns: (transfer full): the staff member (active or not), or %NULL
 *   with %BB_ERROR_NOT_FOUND naming the number
 */
BbStaff *
bb_staff_repo_find_by_number (BbDatabase  *db,
                              const char  *number,
                              GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return select_one (db, SQL_FIND_NUMBER, number, 0, error);
}

/**
 * bb_staff_repo_first_admin:
 *
 * Returns: (transfer full): the active administrator created first, or
 *   %NULL with %BB_ERROR_NOT_FOUND
 */
BbStaff *
bb_staff_repo_first_admin (BbDatabase  *db,
                           GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  return select_one (db, SQL_FIRST_ADMIN, NULL, 0, error);
}

/**
 * bb_staff_repo_list:
 *
 * Returns: (transfer full) (element-type BbStaff): the staff, ordered by
 *   number
 */
GPtrArray *
bb_staff_repo_list (BbDatabase  *db,
                    gboolean     include_inactive,
                    GError     **error)
{
  g_autoptr(GdaDataModel) model = NULL;
  GPtrArray *list;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  model = bb_database_select (db, bb_database_prepare (db, include_inactive ? SQL_LIST_ALL
                                                                            : SQL_LIST_ACTIVE),
                              NULL, staff_types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  list = g_ptr_array_new_full (n_rows, (GDestroyNotify) bb_staff_free);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (list, staff_from_model (model, row));
  return list;
}

static gpointer
compute_dummy_hash (gpointer data)
{
  char *hash = bb_password_hash ("bangban-no-such-account", NULL);

  return hash != NULL ? hash : g_strdup ("");
}

static const char *
dummy_hash (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compute_dummy_hash, NULL);
}

static void
rehash (BbDatabase    *db,
        const BbStaff *staff,
        const char    *old_hash,
        const char    *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = bb_password_hash (password, &error);
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GdaSet) params = NULL;
  GdaStatement *statement;
  int rows;

  if (hash == NULL)
    goto out;
  if (!bb_database_begin (db, &error))
    goto out;

  statement = bb_database_prepare (db, SQL_REHASH);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "hash", hash);
  bb_params_set_string (params, "old", old_hash);
  bb_params_set_int64 (params, "id", staff->id);
  rows = bb_database_execute (db, statement, params, &error);
  actor = bb_staff_to_actor (staff);
  if (rows < 0 ||
      (rows > 0 && !bb_audit_record (db, actor, "staff", staff->id, "rehash-password",
                                     NULL, NULL, &error)))
    {
      bb_database_rollback (db);
      goto out;
    }
  bb_database_commit (db, &error);

out:
  /* Not fatal: the old hash still verifies. */
  if (error != NULL)
    g_debug ("Could not rehash the password of %s: %s", staff->number, error->message);
}

/**
 * bb_staff_repo_authenticate:
 *
 * Signs a staff member in. A wrong number and a wrong password give the same
 * %BB_ERROR_REFUSED message (and take the same time); a deactivated account
 * is refused once its password has been checked. A hash made with older
 * limits is redone.
 *
 * Returns: (transfer full): the actor, or %NULL with %BB_ERROR_REFUSED
 */
BbActor *
bb_staff_repo_authenticate (BbDatabase  *db,
                            const char  *number,
                            const char  *password,
                            GError     **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(BbStaff) staff = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  statement = bb_database_prepare (db, SQL_AUTH);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "number", number);
  model = bb_database_select (db, statement, params, auth_types, error);
  if (model == NULL)
    return NULL;

  if (gda_data_model_get_n_rows (model) > 0)
    {
      staff = staff_from_model (model, 0);
      hash = bb_model_dup_string (model, 9, 0);
    }

  if (staff == NULL || hash == NULL)
    {
      /* Spend the time a real check takes. */
      bb_password_verify (dummy_hash (), password);
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED, _("Wrong staff number or password"));
      return NULL;
    }
  if (!bb_password_verify (hash, password))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED, _("Wrong staff number or password"));
      return NULL;
    }
  if (!staff->active)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The account of %s has been deactivated; ask an administrator"),
                   staff->number);
      return NULL;
    }

  if (bb_password_needs_rehash (hash))
    rehash (db, staff, hash, password);

  return bb_staff_to_actor (staff);
}

/* Changes under the last-administrator rule */

typedef enum
{
  CHANGE_ACTIVE,
  CHANGE_ROLE,
  CHANGE_PASSWORD,
} ChangeKind;

static gint64
count_active_admins (BbDatabase  *db,
                     GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  /* On PostgreSQL the administrators' rows are locked, so two
   * administrators demoting each other at once cannot both succeed. */
  model = bb_database_select (db, bb_database_prepare (db, bb_database_get_engine (db) ==
                                                             BB_ENGINE_POSTGRESQL
                                                           ? SQL_ACTIVE_ADMINS_PG
                                                           : SQL_ACTIVE_ADMINS),
                              NULL, types, error);
  if (model == NULL)
    return -1;
  return gda_data_model_get_n_rows (model);
}

static gboolean
change_staff (BbDatabase     *db,
              const BbActor  *actor,
              gint64          id,
              ChangeKind      kind,
              gboolean        active,
              BbRole          role,
              const char     *hash,
              int             expected_version,
              GError        **error)
{
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbStaff) before = NULL;
  g_autoptr(BbStaff) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  GdaStatement *statement = NULL;
  const char *action = NULL;
  gboolean loses_admin;
  int rows;

  if (!bb_database_begin (db, error))
    return FALSE;

  before = select_one (db, SQL_GET, NULL, id, error);
  if (before == NULL)
    goto failed;
  if (before->version != expected_version)
    {
      conflict (error, before->number);
      goto failed;
    }

  loses_admin = before->active && before->role == BB_ROLE_ADMIN &&
                ((kind == CHANGE_ACTIVE && !active) ||
                 (kind == CHANGE_ROLE && role != BB_ROLE_ADMIN));
  if (loses_admin)
    {
      gint64 admins = count_active_admins (db, error);

      if (admins < 0)
        goto failed;
      if (admins <= 1)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                       _("%s is the last active administrator: make someone else an "
                         "administrator first"), before->number);
          goto failed;
        }
    }

  switch (kind)
    {
    case CHANGE_ACTIVE:
      statement = bb_database_prepare (db, SQL_SET_ACTIVE);
      params = bb_database_new_params (db, statement);
      bb_params_set_int (params, "active", active ? 1 : 0);
      action = active ? "activate" : "deactivate";
      break;
    case CHANGE_ROLE:
      statement = bb_database_prepare (db, SQL_SET_ROLE);
      params = bb_database_new_params (db, statement);
      bb_params_set_string (params, "role", bb_role_to_string (role));
      action = "set-role";
      break;
    case CHANGE_PASSWORD:
      statement = bb_database_prepare (db, SQL_SET_PASSWORD);
      params = bb_database_new_params (db, statement);
      bb_params_set_string (params, "hash", hash);
      action = "reset-password";
      break;
    default:
      g_assert_not_reached ();
    }
  bb_params_set_int64 (params, "id", id);
  bb_params_set_int (params, "version", expected_version);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    goto failed;
  if (rows == 0)
    {
      conflict (error, before->number);
      goto failed;
    }

  after = select_one (db, SQL_GET, NULL, id, error);
  if (after == NULL)
    goto failed;
  before_json = bb_staff_to_json (before);
  after_json = bb_staff_to_json (after);
  if (!bb_audit_record (db, actor, "staff", id, action, before_json, after_json, error))
    goto failed;
  return bb_database_commit (db, error);

failed:
  bb_database_rollback (db);
  return FALSE;
}

/**
 * bb_staff_repo_set_active:
 * @expected_version: the version that was read
 *
 * Activates or deactivates an account (administrators only). The last
 * active administrator cannot be deactivated (%BB_ERROR_REFUSED).
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT on a stale version
 */
gboolean
bb_staff_repo_set_active (BbDatabase     *db,
                          const BbActor  *actor,
                          gint64          id,
                          gboolean        active,
                          int             expected_version,
                          GError        **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_STAFF_MANAGE, error))
    return FALSE;
  return change_staff (db, actor, id, CHANGE_ACTIVE, active, BB_ROLE_STAFF, NULL,
                       expected_version, error);
}

/**
 * bb_staff_repo_set_role:
 *
 * Changes a staff member's role (administrators only). The last active
 * administrator cannot be demoted (%BB_ERROR_REFUSED).
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT on a stale version
 */
gboolean
bb_staff_repo_set_role (BbDatabase     *db,
                        const BbActor  *actor,
                        gint64          id,
                        BbRole          role,
                        int             expected_version,
                        GError        **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (role <= BB_ROLE_ADMIN, FALSE);

  if (!bb_actor_check (actor, BB_PERM_STAFF_MANAGE, error))
    return FALSE;
  return change_staff (db, actor, id, CHANGE_ROLE, TRUE, role, NULL, expected_version, error);
}

/**
 * bb_staff_repo_reset_password:
 * @password: the new password (bb_validate_password())
 *
 * Sets a new sign-in password (administrators only).
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT on a stale version
 */
gboolean
bb_staff_repo_reset_password (BbDatabase     *db,
                              const BbActor  *actor,
                              gint64          id,
                              const char     *password,
                              int             expected_version,
                              GError        **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_STAFF_MANAGE, error))
    return FALSE;
  if (!bb_validate_password (password, error))
    return FALSE;
  hash = bb_password_hash (password, error);
  if (hash == NULL)
    return FALSE;
  return change_staff (db, actor, id, CHANGE_PASSWORD, TRUE, BB_ROLE_STAFF, hash,
                       expected_version, error);
}
