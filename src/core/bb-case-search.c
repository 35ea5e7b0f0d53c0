/* bb-case-search.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps case_search.body, the text a case is found by. On SQLite the
 * triggers of schema 2 copy it into the FTS5 trigram index; on PostgreSQL
 * the pg_trgm GIN index covers the column itself. bb-case-query reads it.
 *
 * The body is the case's own fields first (number, client name, ID number
 * or credit code, phone, matter), one per line, then the text of its work
 * log, problem records and progress reports, newest first, until the body
 * reaches BB_CASE_SEARCH_MAX_BYTES.
 */

#define G_LOG_DOMAIN "bb-case-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-case-search.h"
#include "bb-database-private.h"
#include "bb-error.h"

/* How many case ids bb_case_search_refresh_client() reads at a time. */
#define CLIENT_PAGE 500

static const char SQL_CASE[] =
  "SELECT c.number, cl.name, cl.id_number, cl.credit_code, cl.phone, c.matter "
  "FROM bb_case c JOIN client cl ON cl.id = c.client_id WHERE c.id = ##id::gint64";
/* Newest first: when the cap cuts, the oldest entries go. */
static const char SQL_EVENTS[] =
  "SELECT body FROM case_event WHERE case_id = ##id::gint64 "
  "AND kind IN ('log', 'problem', 'report') AND body IS NOT NULL "
  "ORDER BY at DESC, id DESC LIMIT 500";
static const char SQL_UPDATE[] =
  "UPDATE case_search SET body = ##body::string WHERE case_id = ##id::gint64";
static const char SQL_INSERT[] =
  "INSERT INTO case_search (case_id, body) VALUES (##id::gint64, ##body::string)";
static const char SQL_CLIENT_CASES[] =
  "SELECT id FROM bb_case WHERE client_id = ##client::gint64 AND id > ##after::gint64 "
  "ORDER BY id LIMIT " G_STRINGIFY (CLIENT_PAGE);

/* Appends @text (one line, control characters turned into spaces) when it
 * fits; cuts at a character boundary when only a part fits. */
static gboolean
append_line (GString    *body,
             const char *text)
{
  gsize room;
  const char *end;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (body->len + 1 >= BB_CASE_SEARCH_MAX_BYTES)
    return FALSE;

  if (body->len > 0)
    g_string_append_c (body, '\n');
  room = BB_CASE_SEARCH_MAX_BYTES - body->len;
  end = text + strlen (text);
  if ((gsize) (end - text) > room)
    {
      end = text + room;
      /* Back up to the start of a character. */
      while (end > text && (((guchar) *end) & 0xC0) == 0x80)
        end--;
    }

  for (const char *p = text; p < end; p++)
    g_string_append_c (body, ((guchar) *p < 0x20) ? ' ' : *p);

  return (gsize) (end - text) == strlen (text);
}

/**
 * bb_case_search_compose_body:
 * @texts: (nullable) (array zero-terminated=1): log, problem and report
 *   texts, newest first
 *
 * Builds the text a case is found by. bb_case_search_update() and the bulk
 * loader both use it, so a case reads the same whichever way it came in.
 *
 * Returns: (transfer full): at most %BB_CASE_SEARCH_MAX_BYTES of valid UTF-8
 */
char *
bb_case_search_compose_body (const char         *number,
                             const char         *client_name,
                             const char         *id_number,
                             const char         *credit_code,
                             const char         *phone,
                             const char         *matter,
                             const char * const *texts)
{
  GString *body = g_string_sized_new (256);
  const char *fields[] = { number, client_name, id_number, credit_code, phone, matter };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_line (body, fields[i]);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    if (!append_line (body, texts[i]))
      break;

  return g_string_free (body, FALSE);
}

/**
 * bb_case_search_update:
 * @case_id: the case
 *
 * Recomputes the search text of one case from its current fields and log.
 * Call it inside the transaction that created the case or added text to it.
 *
 * Returns: %FALSE with @error on a database error, or %BB_ERROR_NOT_FOUND
 *   when there is no such case
 */
gboolean
bb_case_search_update (BbDatabase  *db,
                       gint64       case_id,
                       GError     **error)
{
  static const GType case_types[] = {
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_NONE
  };
  static const GType event_types[] = { G_TYPE_STRING, G_TYPE_NONE };
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaSet) event_params = NULL;
  g_autoptr(GdaSet) write_params = NULL;
  g_autoptr(GdaDataModel) row = NULL;
  g_autoptr(GdaDataModel) events = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *body = NULL;
  char *fields[6];
  int n_events;
  int changed;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);

  statement = bb_database_prepare (db, SQL_CASE);
  params = bb_database_new_params (db, statement);
  bb_params_set_int64 (params, "id", case_id);
  row = bb_database_select (db, statement, params, case_types, error);
  if (row == NULL)
    return FALSE;
  if (gda_data_model_get_n_rows (row) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

      g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND, _("There is no case with the id %s"),
                   id_text);
      return FALSE;
    }

  statement = bb_database_prepare (db, SQL_EVENTS);
  event_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (event_params, "id", case_id);
  events = bb_database_select (db, statement, event_params, event_types, error);
  if (events == NULL)
    return FALSE;
  n_events = gda_data_model_get_n_rows (events);
  texts = g_ptr_array_new_full (n_events + 1, g_free);
  for (int i = 0; i < n_events; i++)
    g_ptr_array_add (texts, bb_model_dup_string (events, 0, i));
  g_ptr_array_add (texts, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    fields[i] = bb_model_dup_string (row, (int) i, 0);
  body = bb_case_search_compose_body (fields[0], fields[1], fields[2], fields[3], fields[4],
                                      fields[5], (const char * const *) texts->pdata);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i]);

  statement = bb_database_prepare (db, SQL_UPDATE);
  write_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (write_params, "id", case_id);
  bb_params_set_string (write_params, "body", body);
  changed = bb_database_execute (db, statement, write_params, error);
  if (changed < 0)
    return FALSE;
  if (changed > 0)
    return TRUE;

  statement = bb_database_prepare (db, SQL_INSERT);
  g_clear_object (&write_params);
  write_params = bb_database_new_params (db, statement);
  bb_params_set_int64 (write_params, "id", case_id);
  bb_params_set_string (write_params, "body", body);
  return bb_database_execute (db, statement, write_params, error) >= 0;
}

/**
 * bb_case_search_refresh_client:
 * @client_id: a client whose name, ID number, credit code or phone changed
 *
 * Recomputes the search text of every case of the client, inside the
 * caller's transaction.
 *
 * Returns: %FALSE with @error on a database error
 */
gboolean
bb_case_search_refresh_client (BbDatabase  *db,
                               gint64       client_id,
                               GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement;
  gint64 after = 0;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);

  statement = bb_database_prepare (db, SQL_CLIENT_CASES);
  for (;;)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
      g_autoptr(GdaDataModel) page = NULL;
      int n_rows;

      bb_params_set_int64 (params, "client", client_id);
      bb_params_set_int64 (params, "after", after);
      page = bb_database_select (db, statement, params, types, error);
      if (page == NULL)
        return FALSE;
      n_rows = gda_data_model_get_n_rows (page);
      for (int i = 0; i < n_rows; i++)
        {
          after = bb_model_get_int64 (page, 0, i, 0);
          if (!bb_case_search_update (db, after, error))
            return FALSE;
        }
      if (n_rows < CLIENT_PAGE)
        return TRUE;
    }
}
