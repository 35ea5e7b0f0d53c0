/* bb-audit.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit trail and the change feed. Every change a repository makes calls
 * bb_audit_record() inside its own transaction: one audit row (who, when,
 * what, before → after) chained to the previous one by SHA-256, and one
 * change-feed revision that other workstations poll.
 *
 * The chain is serialised by audit_head: SQLite writers already hold the
 * write lock (BEGIN IMMEDIATE); on PostgreSQL the row is locked FOR UPDATE.
 * Since every writer takes that lock before drawing a change-feed revision,
 * revisions commit in order and a poller never skips one.
 */

#define G_LOG_DOMAIN "bb-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"

static const char SQL_HEAD_SQLITE[] =
  "SELECT last_seq, last_hash FROM audit_head WHERE id = 1";
static const char SQL_HEAD_PG[] =
  "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
static const char SQL_INSERT[] =
  "INSERT INTO audit (seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash) "
  "VALUES (##seq::gint64, ##at::gint64, ##actor::string, ##entity::string, "
  "##entity_id::gint64::null, ##action::string, ##before::string::null, ##after::string::null, "
  "##prev_hash::string, ##hash::string)";
static const char SQL_UPDATE_HEAD[] =
  "UPDATE audit_head SET last_seq = ##seq::gint64, last_hash = ##hash::string WHERE id = 1";
static const char SQL_FEED_INSERT[] =
  "INSERT INTO change_feed (at, entity, entity_id) "
  "VALUES (##at::gint64, ##entity::string, ##entity_id::gint64::null)";
static const char SQL_PAGE[] =
  "SELECT seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash "
  "FROM audit WHERE seq > ##after::gint64 ORDER BY seq LIMIT 1000";
static const char SQL_FEED_MAX[] =
  "SELECT COALESCE(MAX(revision), 0) FROM change_feed";
static const char SQL_FEED_SINCE[] =
  "SELECT revision, entity, entity_id FROM change_feed "
  "WHERE revision > ##revision::gint64 ORDER BY revision LIMIT ##limit::gint";

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/**
 * bb_audit_compute_hash:
 *
 * Returns: the lowercase hex SHA-256 of the previous hash and this row's
 *   content, each field on a line of its own
 */
char *
bb_audit_compute_hash (const char *prev_hash,
                       gint64      seq,
                       gint64      at,
                       const char *actor,
                       const char *entity,
                       gint64      entity_id,
                       const char *action,
                       const char *before,
                       const char *after)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT "\n%s\n%s\n%"
                          G_GINT64_FORMAT "\n%s\n%s\n%s",
                          prev_hash, seq, at, actor, entity, entity_id, action,
                          before != NULL ? before : "\x01", after != NULL ? after : "\x01");
  g_checksum_update (checksum, (const guchar *) text, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
node_to_string (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_to_string (node, FALSE);
}

/**
 * bb_audit_record:
 * @entity_id: the row, or 0
 * @before: (nullable): the record before (as JSON), %NULL when created
 * @after: (nullable): the record after, %NULL when deleted
 *
 * Appends to the audit chain and the change feed. Call it inside the
 * transaction of the change it records (bb_database_begin()).
 */
gboolean
bb_audit_record (BbDatabase     *db,
                 const BbActor  *actor,
                 const char     *entity,
                 gint64          entity_id,
                 const char     *action,
                 JsonNode       *before,
                 JsonNode       *after,
                 GError        **error)
{
  static const GType head_types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GdaDataModel) head = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaSet) head_params = NULL;
  g_autoptr(GdaSet) feed_params = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *before_text = node_to_string (before);
  g_autofree char *after_text = node_to_string (after);
  GdaStatement *statement;
  gint64 seq;
  gint64 at = bb_clock_now_usec ();

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_SQLITE
                                       ? SQL_HEAD_SQLITE : SQL_HEAD_PG);
  head = bb_database_select (db, statement, NULL, head_types, error);
  if (head == NULL)
    return FALSE;
  seq = bb_model_get_int64 (head, 0, 0, 0) + 1;
  prev_hash = bb_model_dup_string (head, 1, 0);

  hash = bb_audit_compute_hash (prev_hash, seq, at, actor->number, entity, entity_id, action,
                                before_text, after_text);

  statement = bb_database_prepare (db, SQL_INSERT);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "seq", seq);
  bb_params_set_int64 (params, "at", at);
  bb_params_set_string (params, "actor", actor->number);
  bb_params_set_string (params, "entity", entity);
  if (entity_id != 0)
    bb_params_set_int64 (params, "entity_id", entity_id);
  else
    bb_params_set_null (params, "entity_id");
  bb_params_set_string (params, "action", action);
  bb_params_set_string (params, "before", before_text);
  bb_params_set_string (params, "after", after_text);
  bb_params_set_string (params, "prev_hash", prev_hash);
  bb_params_set_string (params, "hash", hash);
  if (bb_database_execute (db, statement, params, error) < 0)
    return FALSE;

  statement = bb_database_prepare (db, SQL_UPDATE_HEAD);
  head_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (head_params, "seq", seq);
  bb_params_set_string (head_params, "hash", hash);
  if (bb_database_execute (db, statement, head_params, error) < 0)
    return FALSE;

  statement = bb_database_prepare (db, SQL_FEED_INSERT);
  feed_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (feed_params, "at", at);
  bb_params_set_string (feed_params, "entity", entity);
  if (entity_id != 0)
    bb_params_set_int64 (feed_params, "entity_id", entity_id);
  else
    bb_params_set_null (feed_params, "entity_id");
  return bb_database_execute (db, statement, feed_params, error) >= 0;
}

/**
 * bb_audit_verify:
 * @n_checked: (out) (optional): how many rows were checked
 * @first_broken: (out) (optional): the seq of the first row whose hash or
 *   link does not hold, 0 when the whole chain holds
 *
 * Walks the chain in pages. Returns %FALSE only on a database error: a
 * broken chain is reported through @first_broken.
 */
gboolean
bb_audit_verify (BbDatabase  *db,
                 gint64      *n_checked,
                 gint64      *first_broken,
                 GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
  };
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  GdaStatement *statement = bb_database_prepare (db, SQL_PAGE);
  gint64 after = 0;
  gint64 checked = 0;
  gint64 broken = 0;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);

  while (broken == 0)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
      g_autoptr(GdaDataModel) page = NULL;
      int n_rows;

      bb_params_set_int64 (params, "after", after);
      page = bb_database_select (db, statement, params, types, error);
      if (page == NULL)
        return FALSE;
      n_rows = gda_data_model_get_n_rows (page);
      if (n_rows == 0)
        break;

      for (int row = 0; row < n_rows && broken == 0; row++)
        {
          gint64 seq = bb_model_get_int64 (page, 0, row, 0);
          g_autofree char *actor = bb_model_dup_string (page, 2, row);
          g_autofree char *entity = bb_model_dup_string (page, 3, row);
          g_autofree char *action = bb_model_dup_string (page, 5, row);
          g_autofree char *before = bb_model_dup_string (page, 6, row);
          g_autofree char *after_text = bb_model_dup_string (page, 7, row);
          g_autofree char *prev_hash = bb_model_dup_string (page, 8, row);
          g_autofree char *hash = bb_model_dup_string (page, 9, row);
          g_autofree char *computed = NULL;

          computed = bb_audit_compute_hash (prev_hash, seq, bb_model_get_int64 (page, 1, row, 0),
                                            actor, entity, bb_model_get_int64 (page, 4, row, 0),
                                            action, before, after_text);
          /* A row must link to the one before (no row removed or inserted;
           * seq has no gaps) and hash to what it says (no field changed). */
          if (seq != after + 1 || g_strcmp0 (prev_hash, expected_prev) != 0 ||
              g_strcmp0 (computed, hash) != 0)
            broken = seq;
          else
            {
              checked++;
              after = seq;
              g_free (expected_prev);
              expected_prev = g_steal_pointer (&hash);
            }
        }
    }

  /* Rows cut off the end leave the head pointing past the last row. */
  if (broken == 0)
    {
      static const GType head_types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
      g_autoptr(GdaDataModel) head = NULL;
      g_autofree char *head_hash = NULL;

      head = bb_database_select (db, bb_database_prepare (db, SQL_HEAD_SQLITE), NULL, head_types,
                                 error);
      if (head == NULL)
        return FALSE;
      head_hash = bb_model_dup_string (head, 1, 0);
      if (bb_model_get_int64 (head, 0, 0, 0) != after || g_strcmp0 (head_hash, expected_prev) != 0)
        broken = after + 1;
    }

  if (n_checked != NULL)
    *n_checked = checked;
  if (first_broken != NULL)
    *first_broken = broken;
  return TRUE;
}

/**
 * bb_change_feed_revision:
 *
 * Returns: the latest revision (0 when nothing changed yet), or -1 on error
 */
gint64
bb_change_feed_revision (BbDatabase  *db,
                         GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  model = bb_database_select (db, bb_database_prepare (db, SQL_FEED_MAX), NULL, types, error);
  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, 0);
}

/**
 * bb_change_feed_since:
 *
 * Returns: (transfer container) (element-type BbChange): the changes after
 *   @revision, oldest first, at most @limit; %NULL on error
 */
GPtrArray *
bb_change_feed_since (BbDatabase  *db,
                      gint64       revision,
                      guint        limit,
                      GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, SQL_FEED_SINCE);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  GPtrArray *changes;
  int n_rows;

  bb_params_set_int64 (params, "revision", revision);
  bb_params_set_int (params, "limit", (int) MIN (limit, (guint) G_MAXINT));
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  changes = g_ptr_array_new_full (n_rows, (GDestroyNotify) bb_change_free);
  for (int row = 0; row < n_rows; row++)
    {
      BbChange *change = g_new0 (BbChange, 1);

      change->revision = bb_model_get_int64 (model, 0, row, 0);
      change->entity = bb_model_dup_string (model, 1, row);
      change->entity_id = bb_model_get_int64 (model, 2, row, 0);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

void
bb_change_free (BbChange *change)
{
  if (change == NULL)
    return;
  g_free (change->entity);
  g_free (change);
}
