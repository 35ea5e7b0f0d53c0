/* bb-bulk.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads clients and cases in bulk — the demo's million cases — with their
 * name pieces (client_gram), search text, timeline, suspensions,
 * evaluations and audit rows, in transactions of BATCH_RECORDS records.
 * The audit chain stays whole: every record gets its own chained audit row,
 * and each transaction ends with one change-feed revision.
 *
 * Why not the repositories: through libgda every bound parameter costs a
 * GObject signal emission (~2 µs) and every statement inside a transaction
 * walks libgda's list of the transaction's earlier statements, so a
 * million cases would take hours. So:
 * - on SQLite a second connection with the SQLite C API writes the rows,
 *   one prepared statement per table (`?` parameters; the SQLite API has no
 *   `##name`), taking the write lock like any other writer (BEGIN
 *   IMMEDIATE), with the schema's own triggers keeping the FTS5 index;
 * - on PostgreSQL the rows go as JSON arrays, one parameter per statement
 *   of up to BATCH_ROWS rows (jsonb_array_elements), through the
 *   database's own libgda connection; ids come from the tables' identity
 *   sequences.
 *
 * Case numbers continue the case repository's counters ("case:YYYY") in
 * the format of the case_number_format setting, by the year of each case's
 * application.
 */

#define G_LOG_DOMAIN "bb-bulk"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-bulk.h"
#include "bb-case-search.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-settings-repo.h"
#include "bb-validate.h"

/* Records (clients and cases) per transaction. */
#define BATCH_RECORDS 20000
/* Rows per statement on PostgreSQL. */
#define BATCH_ROWS 2000
/* Ids reserved from a PostgreSQL sequence at a time. */
#define ID_BLOCK 2000

#define DEFAULT_NUMBER_FORMAT "{year}{seq:6}"
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef enum
{
  TABLE_CLIENT,
  TABLE_GRAM,
  TABLE_CASE,
  TABLE_SEARCH,
  TABLE_EVENT,
  TABLE_SUSPENSION,
  TABLE_EVALUATION,
  TABLE_AUDIT,
  N_TABLES
} Table;

/* Column values of one row, in the order of the table's statement. */
typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType   type;
  gint64      i;
  const char *s;
} Value;

static inline Value
v_int (gint64 i)
{
  return (Value) { VALUE_INT, i, NULL };
}

/* 0 stands for “none” in ids and instants. */
static inline Value
v_id (gint64 i)
{
  return (Value) { i != 0 ? VALUE_INT : VALUE_NULL, i, NULL };
}

static inline Value
v_text (const char *s)
{
  return (Value) { s != NULL ? VALUE_TEXT : VALUE_NULL, 0, s };
}

/* Statements. The SQLite ones take `?` in column order; the PostgreSQL
 * ones take one JSON array of rows, each row an array in the same order. */

#define CLIENT_COLUMNS \
  "id, kind, name, id_number, credit_code, phone, email, address, category, talent_card, " \
  "notes, created_at"
#define GRAM_COLUMNS "gram, client_id"
#define CASE_COLUMNS \
  "id, number, kind, state, client_id, item_id, matter, reason, mode, channel, area, priority, " \
  "responsible_id, accepted_by, accepted_at, handler_id, applied_at, limit_days, deadline, " \
  "refusal_reason, result, delivery, completed_at, archive_number, archived_at, resume_by, " \
  "created_by, created_at, updated_at"
#define SEARCH_COLUMNS "case_id, body"
#define EVENT_COLUMNS "case_id, at, staff_id, kind, from_state, to_state, body"
#define SUSPENSION_COLUMNS \
  "case_id, reason, suspended_on, resume_by, terminated, staff_id"
#define EVALUATION_COLUMNS \
  "case_id, level, comment, channel, integrity_ok, at, staff_id"
#define AUDIT_COLUMNS \
  "seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash"

#define PG_ROWS " FROM jsonb_array_elements(CAST(##rows::string AS jsonb)) AS r (v)"

/* On SQLite rows wait in a temporary table of the same columns and go into
 * the real one in one INSERT … SELECT as the transaction ends: a statement
 * on a table with triggers runs in a statement transaction, and each of
 * those makes FTS5 write out what it holds, so rows inserted one by one
 * would leave the trigram index one tiny segment per case to merge. */
#define STAGE(table, columns) \
  "CREATE TEMP TABLE IF NOT EXISTS bulk_" table " (" columns ")"
#define FLUSH(table, columns) \
  "INSERT INTO main." table " (" columns ") SELECT " columns " FROM temp.bulk_" table \
  " ORDER BY rowid"
#define CLEAR(table) "DELETE FROM temp.bulk_" table
#define Q2  "?, ?"
#define Q6  "?, ?, ?, ?, ?, ?"
#define Q7  Q6 ", ?"
#define Q10 Q6 ", ?, ?, ?, ?"
#define Q12 Q6 ", " Q6

static const struct
{
  const char *stage;
  const char *insert;
  const char *flush;
  const char *clear;
  const char *pg;
} table_sql[N_TABLES] = {
  [TABLE_CLIENT] = {
    STAGE ("client", CLIENT_COLUMNS),
    "INSERT INTO temp.bulk_client VALUES (" Q12 ")",
    FLUSH ("client", CLIENT_COLUMNS),
    CLEAR ("client"),
    "INSERT INTO client (" CLIENT_COLUMNS ") SELECT (v->>0)::bigint, v->>1, v->>2, v->>3, "
    "v->>4, v->>5, v->>6, v->>7, v->>8, v->>9, v->>10, (v->>11)::bigint" PG_ROWS,
  },
  [TABLE_GRAM] = {
    STAGE ("client_gram", GRAM_COLUMNS),
    "INSERT INTO temp.bulk_client_gram VALUES (" Q2 ")",
    FLUSH ("client_gram", GRAM_COLUMNS),
    CLEAR ("client_gram"),
    "INSERT INTO client_gram (" GRAM_COLUMNS ") SELECT v->>0, (v->>1)::bigint" PG_ROWS,
  },
  [TABLE_CASE] = {
    STAGE ("bb_case", CASE_COLUMNS),
    "INSERT INTO temp.bulk_bb_case VALUES (" Q12 ", " Q12 ", " Q2 ", ?, ?, ?)",
    FLUSH ("bb_case", CASE_COLUMNS),
    CLEAR ("bb_case"),
    "INSERT INTO bb_case (" CASE_COLUMNS ") SELECT (v->>0)::bigint, v->>1, v->>2, v->>3, "
    "(v->>4)::bigint, (v->>5)::bigint, v->>6, v->>7, v->>8, v->>9, v->>10, (v->>11)::int, "
    "(v->>12)::bigint, (v->>13)::bigint, (v->>14)::bigint, (v->>15)::bigint, (v->>16)::bigint, "
    "(v->>17)::int, v->>18, v->>19, v->>20, v->>21, (v->>22)::bigint, v->>23, (v->>24)::bigint, "
    "v->>25, (v->>26)::bigint, (v->>27)::bigint, (v->>28)::bigint" PG_ROWS,
  },
  [TABLE_SEARCH] = {
    STAGE ("case_search", SEARCH_COLUMNS),
    "INSERT INTO temp.bulk_case_search VALUES (" Q2 ")",
    FLUSH ("case_search", SEARCH_COLUMNS),
    CLEAR ("case_search"),
    "INSERT INTO case_search (" SEARCH_COLUMNS ") SELECT (v->>0)::bigint, v->>1" PG_ROWS,
  },
  [TABLE_EVENT] = {
    STAGE ("case_event", EVENT_COLUMNS),
    "INSERT INTO temp.bulk_case_event VALUES (" Q7 ")",
    FLUSH ("case_event", EVENT_COLUMNS),
    CLEAR ("case_event"),
    "INSERT INTO case_event (" EVENT_COLUMNS ") SELECT (v->>0)::bigint, (v->>1)::bigint, "
    "(v->>2)::bigint, v->>3, v->>4, v->>5, v->>6" PG_ROWS,
  },
  [TABLE_SUSPENSION] = {
    STAGE ("suspension", SUSPENSION_COLUMNS),
    "INSERT INTO temp.bulk_suspension VALUES (" Q6 ")",
    FLUSH ("suspension", SUSPENSION_COLUMNS),
    CLEAR ("suspension"),
    "INSERT INTO suspension (" SUSPENSION_COLUMNS ") SELECT (v->>0)::bigint, v->>1, v->>2, "
    "v->>3, (v->>4)::int, (v->>5)::bigint" PG_ROWS,
  },
  [TABLE_EVALUATION] = {
    STAGE ("evaluation", EVALUATION_COLUMNS),
    "INSERT INTO temp.bulk_evaluation VALUES (" Q7 ")",
    FLUSH ("evaluation", EVALUATION_COLUMNS),
    CLEAR ("evaluation"),
    "INSERT INTO evaluation (" EVALUATION_COLUMNS ") SELECT (v->>0)::bigint, (v->>1)::int, "
    "v->>2, v->>3, (v->>4)::int, (v->>5)::bigint, (v->>6)::bigint" PG_ROWS,
  },
  [TABLE_AUDIT] = {
    STAGE ("audit", AUDIT_COLUMNS),
    "INSERT INTO temp.bulk_audit VALUES (" Q10 ")",
    FLUSH ("audit", AUDIT_COLUMNS),
    CLEAR ("audit"),
    "INSERT INTO audit (" AUDIT_COLUMNS ") SELECT (v->>0)::bigint, (v->>1)::bigint, v->>2, "
    "v->>3, (v->>4)::bigint, v->>5, v->>6, v->>7, v->>8, v->>9" PG_ROWS,
  },
};

/* SQLite, through its own connection. */
static const char SQL_RAW_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_RAW_COMMIT[] = "COMMIT";
static const char SQL_RAW_ROLLBACK[] = "ROLLBACK";
static const char SQL_RAW_MAX_CLIENT[] = "SELECT COALESCE(MAX(id), 0) FROM client";
static const char SQL_RAW_MAX_CASE[] = "SELECT COALESCE(MAX(id), 0) FROM bb_case";
static const char SQL_RAW_HEAD[] = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1";
static const char SQL_RAW_SET_HEAD[] =
  "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";
static const char SQL_RAW_FEED[] =
  "INSERT INTO change_feed (at, entity, entity_id) VALUES (?, ?, NULL)";
static const char SQL_RAW_COUNTER[] = "SELECT value FROM counter WHERE name = ?";
static const char SQL_RAW_SET_COUNTER[] =
  "INSERT INTO counter (name, value) VALUES (?, ?) "
  "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)";
static const char SQL_RAW_SETTING[] = "SELECT value FROM setting WHERE key = ?";

/* The running totals (schema 5) on SQLite. Their triggers on inserts into
 * bb_case and evaluation add each row on its own: three upserts of a one-row
 * GROUP BY per case, ~23 µs of the ~90 µs a bulk case cost. So for the
 * length of each bulk transaction those two triggers are dropped, the
 * batch's totals added in one statement per table from the staged rows
 * (the same sums the triggers would have made), and the triggers created
 * again from their own text before the transaction commits: no other
 * connection ever sees the schema without them. */
static const char * const STATS_TRIGGERS[] = { "stats_case_ai", "stats_evaluation_ai" };
static const char SQL_RAW_TRIGGER[] =
  "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?";
#define DAY(instant) "(" instant " + o.offset_us) / 86400000000"
static const char * const SQL_RAW_STATS[] = {
  "INSERT INTO stats_case_day (staff_id, what, day, n) "
  "SELECT staff_id, what, day, count(*) FROM ("
  " SELECT " DAY ("c.applied_at") " AS day, 1 AS what, COALESCE(c.responsible_id, 0) AS staff_id"
  " FROM temp.bulk_bb_case c, stats_config o"
  " UNION ALL SELECT " DAY ("c.accepted_at") ", 2, COALESCE(c.responsible_id, 0)"
  " FROM temp.bulk_bb_case c, stats_config o WHERE c.accepted_at IS NOT NULL"
  " UNION ALL SELECT " DAY ("c.completed_at") ", 3, COALESCE(c.responsible_id, 0)"
  " FROM temp.bulk_bb_case c, stats_config o WHERE c.completed_at IS NOT NULL) AS d "
  "WHERE 1 GROUP BY staff_id, what, day "
  "ON CONFLICT (staff_id, what, day) DO UPDATE SET n = n + excluded.n",

  "INSERT INTO stats_completion (c_day, a_day, t, n) "
  "SELECT c_day, a_day, t, count(*) FROM ("
  " SELECT " DAY ("c.completed_at") " AS c_day,"
  " " DAY ("COALESCE(c.accepted_at, c.applied_at)") " AS a_day,"
  " iif(c.deadline IS NULL, 2, iif(CAST(julianday(c.deadline) - 2440587.5 AS INTEGER) >= "
  DAY ("c.completed_at") ", 1, 0)) AS t"
  " FROM temp.bulk_bb_case c, stats_config o WHERE c.completed_at IS NOT NULL) AS d "
  "WHERE 1 GROUP BY c_day, a_day, t "
  "ON CONFLICT (c_day, a_day, t) DO UPDATE SET n = n + excluded.n",

  "INSERT INTO stats_open (staff_id, state, deadline, n) "
  "SELECT COALESCE(responsible_id, 0) AS staff_id, state, COALESCE(deadline, '') AS deadline, "
  "count(*) FROM temp.bulk_bb_case "
  "WHERE state IN ('consultation', 'applied', 'routed', 'analysed', 'handling') "
  "GROUP BY 1, 2, 3 "
  "ON CONFLICT (staff_id, state, deadline) DO UPDATE SET n = n + excluded.n",

  "INSERT INTO stats_eval_staff (staff_id, level, day, n) "
  "SELECT COALESCE(c.responsible_id, 0) AS staff_id, e.level, " DAY ("e.at") " AS day, count(*) "
  "FROM temp.bulk_evaluation e JOIN main.bb_case c ON c.id = e.case_id, stats_config o "
  "WHERE 1 GROUP BY 1, 2, 3 "
  "ON CONFLICT (staff_id, level, day) DO UPDATE SET n = n + excluded.n",

  "INSERT INTO stats_eval_matter (day, item_id, matter, level, n) "
  "SELECT " DAY ("e.at") " AS day, COALESCE(c.item_id, 0) AS item_id, "
  "iif(c.item_id IS NULL, c.matter, '') AS matter, e.level, count(*) "
  "FROM temp.bulk_evaluation e JOIN main.bb_case c ON c.id = e.case_id, stats_config o "
  "WHERE 1 GROUP BY 1, 2, 3, 4 "
  "ON CONFLICT (day, item_id, matter, level) DO UPDATE SET n = n + excluded.n",

  "INSERT INTO stats_eval_category (day, category, level, n) "
  "SELECT " DAY ("e.at") " AS day, cl.category, e.level, count(*) "
  "FROM temp.bulk_evaluation e JOIN main.bb_case c ON c.id = e.case_id "
  "JOIN main.client cl ON cl.id = c.client_id, stats_config o "
  "WHERE 1 GROUP BY 1, 2, 3 "
  "ON CONFLICT (day, category, level) DO UPDATE SET n = n + excluded.n",
};
#undef DAY

/* PostgreSQL, through libgda. */
static const char SQL_PG_HEAD[] =
  "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
static const char SQL_PG_SET_HEAD[] =
  "UPDATE audit_head SET last_seq = ##seq::gint64, last_hash = ##hash::string WHERE id = 1";
static const char SQL_PG_FEED[] =
  "INSERT INTO change_feed (at, entity, entity_id) VALUES (##at::gint64, ##entity::string, NULL)";
static const char SQL_PG_COUNTER[] =
  "SELECT value FROM counter WHERE name = ##name::string FOR UPDATE";
static const char SQL_PG_SET_COUNTER[] =
  "INSERT INTO counter (name, value) VALUES (##name::string, ##value::gint64) "
  "ON CONFLICT (name) DO UPDATE SET value = GREATEST(counter.value, EXCLUDED.value)";
static const char SQL_PG_CLIENT_IDS[] =
  "SELECT nextval(pg_get_serial_sequence('client', 'id')) "
  "FROM generate_series(1, " G_STRINGIFY (ID_BLOCK) ")";
static const char SQL_PG_CASE_IDS[] =
  "SELECT nextval(pg_get_serial_sequence('bb_case', 'id')) "
  "FROM generate_series(1, " G_STRINGIFY (ID_BLOCK) ")";

typedef struct
{
  gint64   value;    /* the last number taken */
  gboolean loaded;   /* read in this transaction */
  gboolean changed;
} Counter;

struct _BbBulk
{
  BbDatabase    *db;
  BbActor       *actor;
  gboolean       sqlite;

  sqlite3       *raw;
  sqlite3_stmt  *inserts[N_TABLES];    /* into the temporary tables */
  sqlite3_stmt  *flushes[N_TABLES];
  sqlite3_stmt  *clears[N_TABLES];
  sqlite3_stmt  *head;
  sqlite3_stmt  *set_head;
  sqlite3_stmt  *feed;
  sqlite3_stmt  *counter;
  sqlite3_stmt  *set_counter;
  sqlite3_stmt  *stats[G_N_ELEMENTS (SQL_RAW_STATS)];
  char          *trigger_sql[G_N_ELEMENTS (STATS_TRIGGERS)];

  GString       *rows[N_TABLES];     /* PostgreSQL: JSON arrays being filled */
  guint          n_rows[N_TABLES];
  GArray        *client_ids;         /* PostgreSQL: reserved ids */
  GArray        *case_ids;

  gboolean       in_transaction;
  guint          n_records;          /* in this transaction */
  gint64         last_client_id;     /* SQLite */
  gint64         last_case_id;
  gint64         audit_seq;
  char          *audit_hash;
  gint64         last_at;
  GHashTable    *counters;           /* counter name → Counter */
  char          *number_format;
};

/* Helpers */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
sqlite_fail (BbBulk      *self,
             GError     **error)
{
  g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("Database error: %s"),
               sqlite3_errmsg (self->raw));
}

static sqlite3_stmt *
sqlite_prepare (BbBulk      *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v3 (self->raw, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement,
                          NULL) != SQLITE_OK)
    {
      sqlite_fail (self, error);
      return NULL;
    }
  return statement;
}

static void
sqlite_bind (sqlite3_stmt *statement,
             const Value  *values,
             guint         n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      switch (values[i].type)
        {
        case VALUE_INT:
          sqlite3_bind_int64 (statement, (int) i + 1, values[i].i);
          break;
        case VALUE_TEXT:
          sqlite3_bind_text (statement, (int) i + 1, values[i].s, -1, SQLITE_TRANSIENT);
          break;
        case VALUE_NULL:
        default:
          sqlite3_bind_null (statement, (int) i + 1);
          break;
        }
    }
}

/* Runs a statement that returns nothing. */
static gboolean
sqlite_run (BbBulk        *self,
            sqlite3_stmt  *statement,
            const Value   *values,
            guint          n_values,
            GError       **error)
{
  int rc;

  sqlite_bind (statement, values, n_values);
  rc = sqlite3_step (statement);
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sqlite_fail (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_exec (BbBulk      *self,
             const char  *sql,
             GError     **error)
{
  if (sqlite3_exec (self->raw, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite_fail (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_int (BbBulk      *self,
            const char  *sql,
            gint64      *out,
            GError     **error)
{
  sqlite3_stmt *statement = sqlite_prepare (self, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  if (rc != SQLITE_ROW)
    {
      sqlite_fail (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Rows */

static gboolean flush_table (BbBulk   *self,
                             Table     table,
                             GError  **error);

static gboolean
add_row (BbBulk       *self,
         Table         table,
         const Value  *values,
         guint         n_values,
         GError      **error)
{
  GString *rows;

  if (self->sqlite)
    return sqlite_run (self, self->inserts[table], values, n_values, error);

  rows = self->rows[table];
  g_string_append_c (rows, self->n_rows[table] == 0 ? '[' : ',');
  g_string_append_c (rows, '[');
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (rows, ',');
      switch (values[i].type)
        {
        case VALUE_INT:
          g_string_append_printf (rows, "%" G_GINT64_FORMAT, values[i].i);
          break;
        case VALUE_TEXT:
          append_json_string (rows, values[i].s);
          break;
        case VALUE_NULL:
        default:
          g_string_append (rows, "null");
          break;
        }
    }
  g_string_append_c (rows, ']');
  self->n_rows[table]++;

  if (self->n_rows[table] >= BATCH_ROWS)
    {
      /* Rows of tables before this one may be referred to: write them first. */
      for (Table t = 0; t <= table; t++)
        if (!flush_table (self, t, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
flush_table (BbBulk   *self,
             Table     table,
             GError  **error)
{
  GdaStatement *statement;
  g_autoptr(GdaSet) params = NULL;

  /* SQLite: the staged rows stay until commit() has added up their totals. */
  if (self->sqlite)
    return sqlite_run (self, self->flushes[table], NULL, 0, error);
  if (self->n_rows[table] == 0)
    return TRUE;

  g_string_append_c (self->rows[table], ']');
  statement = bb_database_prepare (self->db, table_sql[table].pg);
  params = bb_database_new_params (self->db, statement);
  bb_params_set_string (params, "rows", self->rows[table]->str);
  g_string_truncate (self->rows[table], 0);
  self->n_rows[table] = 0;
  return bb_database_execute (self->db, statement, params, error) >= 0;
}

/* Audit: one chained row per record, as bb_audit_record() would write it. */
static gboolean
add_audit (BbBulk      *self,
           const char  *entity,
           gint64       entity_id,
           gint64       at,
           const char  *after,
           GError     **error)
{
  g_autofree char *hash = NULL;
  Value values[10];

  self->audit_seq++;
  hash = bb_audit_compute_hash (self->audit_hash, self->audit_seq, at, self->actor->number,
                                entity, entity_id, "create", NULL, after);
  values[0] = v_int (self->audit_seq);
  values[1] = v_int (at);
  values[2] = v_text (self->actor->number);
  values[3] = v_text (entity);
  values[4] = v_id (entity_id);
  values[5] = v_text ("create");
  values[6] = v_text (NULL);
  values[7] = v_text (after);
  values[8] = v_text (self->audit_hash);
  values[9] = v_text (hash);
  if (!add_row (self, TABLE_AUDIT, values, G_N_ELEMENTS (values), error))
    return FALSE;

  g_free (self->audit_hash);
  self->audit_hash = g_steal_pointer (&hash);
  self->last_at = MAX (self->last_at, at);
  return TRUE;
}

/* Transactions */

/* SQLite: drops the per-row triggers of the running totals for this
 * transaction (see STATS_TRIGGERS). */
static gboolean
lift_stats_triggers (BbBulk  *self,
                     GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (STATS_TRIGGERS); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER main.%s", STATS_TRIGGERS[i]);

      if (!sqlite_exec (self, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* SQLite, before commit: adds the staged rows to the running totals,
 * empties the staging tables and puts the triggers back. */
static gboolean
add_stats (BbBulk  *self,
           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->stats); i++)
    if (!sqlite_run (self, self->stats[i], NULL, 0, error))
      return FALSE;
  for (Table t = 0; t < N_TABLES; t++)
    if (!sqlite_run (self, self->clears[t], NULL, 0, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (self->trigger_sql); i++)
    if (!sqlite_exec (self, self->trigger_sql[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
begin (BbBulk  *self,
       GError **error)
{
  g_assert (!self->in_transaction);

  if (self->sqlite)
    {
      sqlite3_stmt *statement = self->head;
      int rc;

      if (!sqlite_exec (self, SQL_RAW_BEGIN, error))
        return FALSE;
      self->in_transaction = TRUE;
      if (!lift_stats_triggers (self, error))
        return FALSE;
      if (!sqlite_int (self, SQL_RAW_MAX_CLIENT, &self->last_client_id, error) ||
          !sqlite_int (self, SQL_RAW_MAX_CASE, &self->last_case_id, error))
        return FALSE;

      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          self->audit_seq = sqlite3_column_int64 (statement, 0);
          g_free (self->audit_hash);
          self->audit_hash = g_strdup ((const char *) sqlite3_column_text (statement, 1));
        }
      sqlite3_reset (statement);
      if (rc != SQLITE_ROW)
        {
          sqlite_fail (self, error);
          return FALSE;
        }
    }
  else
    {
      static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
      g_autoptr(GdaDataModel) head = NULL;

      if (!bb_database_begin (self->db, error))
        return FALSE;
      self->in_transaction = TRUE;
      head = bb_database_select (self->db, bb_database_prepare (self->db, SQL_PG_HEAD), NULL,
                                 types, error);
      if (head == NULL)
        return FALSE;
      self->audit_seq = bb_model_get_int64 (head, 0, 0, 0);
      g_free (self->audit_hash);
      self->audit_hash = bb_model_dup_string (head, 1, 0);
    }

  if (self->audit_hash == NULL)
    self->audit_hash = g_strdup (GENESIS_HASH);
  self->n_records = 0;
  self->last_at = 0;
  return TRUE;
}

static void
rollback (BbBulk *self)
{
  if (!self->in_transaction)
    return;
  self->in_transaction = FALSE;
  if (self->sqlite)
    sqlite3_exec (self->raw, SQL_RAW_ROLLBACK, NULL, NULL, NULL);
  else
    bb_database_rollback (self->db);
  for (Table t = 0; t < N_TABLES; t++)
    {
      g_string_truncate (self->rows[t], 0);
      self->n_rows[t] = 0;
    }
  g_hash_table_remove_all (self->counters);
}

static gboolean
commit (BbBulk  *self,
        GError **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 at = MAX (self->last_at, 1);

  if (!self->in_transaction)
    return TRUE;

  for (Table t = 0; t < N_TABLES; t++)
    if (!flush_table (self, t, error))
      goto failed;
  if (self->sqlite && !add_stats (self, error))
    goto failed;

  if (self->sqlite)
    {
      Value head[] = { v_int (self->audit_seq), v_text (self->audit_hash) };
      Value feed[] = { v_int (at), v_text ("case") };

      if (!sqlite_run (self, self->set_head, head, G_N_ELEMENTS (head), error) ||
          !sqlite_run (self, self->feed, feed, G_N_ELEMENTS (feed), error))
        goto failed;
    }
  else
    {
      GdaStatement *statement = bb_database_prepare (self->db, SQL_PG_SET_HEAD);
      g_autoptr(GdaSet) params = bb_database_new_params (self->db, statement);
      g_autoptr(GdaSet) feed_params = NULL;

      bb_params_set_int64 (params, "seq", self->audit_seq);
      bb_params_set_string (params, "hash", self->audit_hash);
      if (bb_database_execute (self->db, statement, params, error) < 0)
        goto failed;

      statement = bb_database_prepare (self->db, SQL_PG_FEED);
      feed_params = bb_database_new_params (self->db, statement);
      bb_params_set_int64 (feed_params, "at", at);
      bb_params_set_string (feed_params, "entity", "case");
      if (bb_database_execute (self->db, statement, feed_params, error) < 0)
        goto failed;
    }

  g_hash_table_iter_init (&iter, self->counters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Counter *counter = value;

      if (!counter->changed)
        continue;
      if (self->sqlite)
        {
          Value values[] = { v_text (key), v_int (counter->value) };

          if (!sqlite_run (self, self->set_counter, values, G_N_ELEMENTS (values), error))
            goto failed;
        }
      else
        {
          GdaStatement *statement = bb_database_prepare (self->db, SQL_PG_SET_COUNTER);
          g_autoptr(GdaSet) params = bb_database_new_params (self->db, statement);

          bb_params_set_string (params, "name", key);
          bb_params_set_int64 (params, "value", counter->value);
          if (bb_database_execute (self->db, statement, params, error) < 0)
            goto failed;
        }
    }

  self->in_transaction = FALSE;
  g_hash_table_remove_all (self->counters);
  if (self->sqlite)
    {
      if (!sqlite_exec (self, SQL_RAW_COMMIT, error))
        {
          sqlite3_exec (self->raw, SQL_RAW_ROLLBACK, NULL, NULL, NULL);
          return FALSE;
        }
      return TRUE;
    }
  return bb_database_commit (self->db, error);

failed:
  rollback (self);
  return FALSE;
}

/* Starts a transaction when none is open, and ends a full one first. */
static gboolean
ensure_transaction (BbBulk  *self,
                    GError **error)
{
  if (self->in_transaction && self->n_records >= BATCH_RECORDS && !commit (self, error))
    return FALSE;
  if (!self->in_transaction && !begin (self, error))
    return FALSE;
  self->n_records++;
  return TRUE;
}

/* Ids */

static gint64
take_pg_id (BbBulk      *self,
            GArray      *pool,
            const char  *sql,
            GError     **error)
{
  gint64 id;

  if (pool->len == 0)
    {
      static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
      g_autoptr(GdaDataModel) model = NULL;
      int n;

      model = bb_database_select (self->db, bb_database_prepare (self->db, sql), NULL, types,
                                  error);
      if (model == NULL)
        return 0;
      n = gda_data_model_get_n_rows (model);
      /* Handed out from the end: keep them in descending order. */
      for (int row = n - 1; row >= 0; row--)
        {
          gint64 value = bb_model_get_int64 (model, 0, row, 0);

          g_array_append_val (pool, value);
        }
    }
  id = g_array_index (pool, gint64, pool->len - 1);
  g_array_set_size (pool, pool->len - 1);
  return id;
}

/* Case numbers */

/* As the case repository expands its format: {year}, {seq} and {seq:N}
 * (zero-padded to N digits); any other text stays as it is. */
static char *
format_number (const char *format,
               int         year,
               gint64      seq)
{
  GString *number = g_string_new (NULL);
  const char *p = format;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append_printf (number, "%04d", year);
          p += strlen ("{year}");
        }
      else if (g_str_has_prefix (p, "{seq}"))
        {
          g_string_append_printf (number, "%" G_GINT64_FORMAT, seq);
          p += strlen ("{seq}");
        }
      else if (g_str_has_prefix (p, "{seq:") && strchr (p, '}') != NULL)
        {
          const char *end = strchr (p, '}');
          g_autofree char *width_text = g_strndup (p + 5, end - (p + 5));
          guint64 width = 0;

          if (!g_ascii_string_to_unsigned (width_text, 10, 0, 18, &width, NULL))
            width = 0;
          g_string_append_printf (number, "%0*" G_GINT64_FORMAT, (int) width, seq);
          p = end + 1;
        }
      else
        {
          g_string_append_c (number, *p);
          p++;
        }
    }

  return g_string_free (number, FALSE);
}

static Counter *
lookup_counter (BbBulk      *self,
                const char  *name,
                GError     **error)
{
  Counter *counter = g_hash_table_lookup (self->counters, name);

  if (counter != NULL)
    return counter;

  counter = g_new0 (Counter, 1);
  if (self->sqlite)
    {
      int rc;

      sqlite3_bind_text (self->counter, 1, name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (self->counter);
      if (rc == SQLITE_ROW)
        counter->value = sqlite3_column_int64 (self->counter, 0);
      sqlite3_reset (self->counter);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          g_free (counter);
          sqlite_fail (self, error);
          return NULL;
        }
    }
  else
    {
      static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
      GdaStatement *statement = bb_database_prepare (self->db, SQL_PG_COUNTER);
      g_autoptr(GdaSet) params = bb_database_new_params (self->db, statement);
      g_autoptr(GdaDataModel) model = NULL;

      bb_params_set_string (params, "name", name);
      model = bb_database_select (self->db, statement, params, types, error);
      if (model == NULL)
        {
          g_free (counter);
          return NULL;
        }
      if (gda_data_model_get_n_rows (model) > 0)
        counter->value = bb_model_get_int64 (model, 0, 0, 0);
    }
  counter->loaded = TRUE;
  g_hash_table_insert (self->counters, g_strdup (name), counter);
  return counter;
}

static char *
next_number (BbBulk      *self,
             gint64       applied_at,
             GError     **error)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (applied_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  int year = g_date_time_get_year (local);
  g_autofree char *name = NULL;
  Counter *counter;

  name = strstr (self->number_format, "{year}") != NULL ? g_strdup_printf ("case:%04d", year)
                                                         : g_strdup ("case");
  counter = lookup_counter (self, name, error);
  if (counter == NULL)
    return NULL;
  counter->value++;
  counter->changed = TRUE;
  return format_number (self->number_format, year, counter->value);
}

/* Name pieces, as the client repository writes them: every distinct one-
 * and two-character piece of the folded name without white space. */
static gboolean
add_grams (BbBulk      *self,
           gint64       client_id,
           const char  *name,
           GError     **error)
{
  g_autofree char *folded = bb_client_fold (name);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      const char *ends[2] = { next, NULL };

      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      if (*next != '\0' && !g_unichar_isspace (g_utf8_get_char (next)))
        ends[1] = g_utf8_next_char (next);

      for (guint i = 0; i < G_N_ELEMENTS (ends) && ends[i] != NULL; i++)
        {
          char *gram = g_strndup (p, ends[i] - p);
          Value values[2];

          if (!g_hash_table_add (seen, gram))
            continue;
          values[0] = v_text (gram);
          values[1] = v_int (client_id);
          if (!add_row (self, TABLE_GRAM, values, G_N_ELEMENTS (values), error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Lifetime */

static gboolean
open_sqlite (BbBulk  *self,
             GError **error)
{
  const BbLocation *location = bb_database_get_location (self->db);
  Value key[] = { v_text (BB_SETTING_CASE_NUMBER_FORMAT) };
  sqlite3_stmt *setting;
  int rc;

  /* One thread uses this connection: no need for SQLite's per-call mutex. */
  if (sqlite3_open_v2 (location->path, &self->raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("The database file “%s” could not be opened: %s"), location->path,
                   self->raw != NULL ? sqlite3_errmsg (self->raw) : "?");
      return FALSE;
    }
  sqlite3_busy_timeout (self->raw, 30000);
  if (!sqlite_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sqlite_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !sqlite_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !sqlite_exec (self, "PRAGMA cache_size = -262144", error))
    return FALSE;

  for (Table t = 0; t < N_TABLES; t++)
    {
      if (!sqlite_exec (self, table_sql[t].stage, error) ||
          (self->inserts[t] = sqlite_prepare (self, table_sql[t].insert, error)) == NULL ||
          (self->flushes[t] = sqlite_prepare (self, table_sql[t].flush, error)) == NULL ||
          (self->clears[t] = sqlite_prepare (self, table_sql[t].clear, error)) == NULL)
        return FALSE;
    }
  if ((self->head = sqlite_prepare (self, SQL_RAW_HEAD, error)) == NULL ||
      (self->set_head = sqlite_prepare (self, SQL_RAW_SET_HEAD, error)) == NULL ||
      (self->feed = sqlite_prepare (self, SQL_RAW_FEED, error)) == NULL ||
      (self->counter = sqlite_prepare (self, SQL_RAW_COUNTER, error)) == NULL ||
      (self->set_counter = sqlite_prepare (self, SQL_RAW_SET_COUNTER, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->stats); i++)
    if ((self->stats[i] = sqlite_prepare (self, SQL_RAW_STATS[i], error)) == NULL)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (STATS_TRIGGERS); i++)
    {
      sqlite3_stmt *trigger = sqlite_prepare (self, SQL_RAW_TRIGGER, error);
      Value name[] = { v_text (STATS_TRIGGERS[i]) };

      if (trigger == NULL)
        return FALSE;
      sqlite_bind (trigger, name, G_N_ELEMENTS (name));
      if (sqlite3_step (trigger) == SQLITE_ROW)
        self->trigger_sql[i] = g_strdup ((const char *) sqlite3_column_text (trigger, 0));
      sqlite3_finalize (trigger);
      if (self->trigger_sql[i] == NULL)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                       _("Database error: the trigger “%s” is missing"), STATS_TRIGGERS[i]);
          return FALSE;
        }
    }

  setting = sqlite_prepare (self, SQL_RAW_SETTING, error);
  if (setting == NULL)
    return FALSE;
  sqlite_bind (setting, key, G_N_ELEMENTS (key));
  rc = sqlite3_step (setting);
  if (rc == SQLITE_ROW)
    self->number_format = g_strdup ((const char *) sqlite3_column_text (setting, 0));
  sqlite3_finalize (setting);
  return TRUE;
}

/**
 * bb_bulk_new:
 * @actor: who loads the data (named in every audit row); needs the right
 *   to create cases
 *
 * Starts a bulk load. Nothing else should write to the database through
 * @db until bb_bulk_finish(): on SQLite the load holds the write lock for
 * each of its transactions, and on PostgreSQL it runs its transactions on
 * @db's connection.
 *
 * Returns: (transfer full): the loader, or %NULL with @error
 */
BbBulk *
bb_bulk_new (BbDatabase     *db,
             const BbActor  *actor,
             GError        **error)
{
  g_autoptr(BbBulk) self = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!bb_actor_check (actor, BB_PERM_CASE_CREATE, error))
    return NULL;

  self = g_new0 (BbBulk, 1);
  self->db = g_object_ref (db);
  self->actor = bb_actor_copy (actor);
  self->sqlite = bb_database_get_engine (db) == BB_ENGINE_SQLITE;
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (Table t = 0; t < N_TABLES; t++)
    self->rows[t] = g_string_new (NULL);

  if (self->sqlite)
    {
      if (!open_sqlite (self, error))
        return NULL;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      self->number_format = bb_settings_repo_get (db, BB_SETTING_CASE_NUMBER_FORMAT, NULL,
                                                  &local_error);
      if (self->number_format == NULL &&
          !g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (self->number_format == NULL || strstr (self->number_format, "{seq") == NULL)
    {
      g_free (self->number_format);
      self->number_format = g_strdup (DEFAULT_NUMBER_FORMAT);
    }

  return g_steal_pointer (&self);
}

/**
 * bb_bulk_add_client:
 * @client: the client; its name, kind and category are required, and an ID
 *   number or credit code must be free
 *
 * Returns: the new client's id, or 0 with @error
 */
gint64
bb_bulk_add_client (BbBulk          *self,
                    const BbClient  *client,
                    GError         **error)
{
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *after_text = NULL;
  BbClient copy;
  gint64 id;
  Value values[12];

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (client != NULL && client->name != NULL, 0);

  if (!ensure_transaction (self, error))
    goto failed;

  id = self->sqlite ? ++self->last_client_id
                    : take_pg_id (self, self->client_ids, SQL_PG_CLIENT_IDS, error);
  if (id == 0)
    goto failed;

  values[0] = v_int (id);
  values[1] = v_text (client->kind != NULL ? client->kind : BB_CLIENT_PERSON);
  values[2] = v_text (client->name);
  values[3] = v_text (client->id_number);
  values[4] = v_text (client->credit_code);
  values[5] = v_text (client->phone);
  values[6] = v_text (client->email);
  values[7] = v_text (client->address);
  values[8] = v_text (client->category != NULL ? client->category : BB_CATEGORY_OTHER);
  values[9] = v_text (client->talent_card);
  values[10] = v_text (client->notes);
  values[11] = v_int (client->created_at);
  if (!add_row (self, TABLE_CLIENT, values, G_N_ELEMENTS (values), error) ||
      !add_grams (self, id, client->name, error))
    goto failed;

  copy = *client;
  copy.id = id;
  copy.version = 1;
  after = bb_client_to_json (&copy, TRUE);
  after_text = json_to_string (after, FALSE);
  if (!add_audit (self, "client", id, client->created_at, after_text, error))
    goto failed;

  return id;

failed:
  rollback (self);
  return 0;
}

static char *
case_audit_text (const BbBulkCase *kase,
                 gint64            id,
                 const char       *number)
{
  GString *json = g_string_new ("{\"id\":");

  g_string_append_printf (json, "%" G_GINT64_FORMAT ",\"number\":", id);
  append_json_string (json, number);
  g_string_append (json, ",\"kind\":");
  append_json_string (json, bb_case_kind_to_string (kase->kind));
  g_string_append (json, ",\"state\":");
  append_json_string (json, bb_case_state_to_string (kase->state));
  g_string_append_printf (json, ",\"client_id\":%" G_GINT64_FORMAT ",\"matter\":",
                          kase->client_id);
  append_json_string (json, kase->matter);
  g_string_append_printf (json, ",\"responsible_id\":%" G_GINT64_FORMAT
                          ",\"applied_at\":%" G_GINT64_FORMAT ",\"deadline\":",
                          kase->responsible_id, kase->applied_at);
  if (kase->deadline != NULL)
    append_json_string (json, kase->deadline);
  else
    g_string_append (json, "null");
  g_string_append (json, ",\"source\":\"bulk\"}");
  return g_string_free (json, FALSE);
}

/**
 * bb_bulk_add_case:
 * @kase: the case, its client already added
 * @number: (out) (optional) (transfer full): the case number it got
 *
 * Writes a case with its timeline, search text, suspension, evaluation
 * and audit row.
 *
 * Returns: the new case's id, or 0 with @error
 */
gint64
bb_bulk_add_case (BbBulk            *self,
                  const BbBulkCase  *kase,
                  char             **number,
                  GError           **error)
{
  g_autofree char *case_number = NULL;
  g_autofree char *body = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  gint64 created_at;
  gint64 id;
  Value values[29];

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kase != NULL && kase->matter != NULL, 0);

  if (!ensure_transaction (self, error))
    goto failed;

  id = self->sqlite ? ++self->last_case_id
                    : take_pg_id (self, self->case_ids, SQL_PG_CASE_IDS, error);
  if (id == 0)
    goto failed;
  case_number = next_number (self, kase->applied_at, error);
  if (case_number == NULL)
    goto failed;
  created_at = kase->applied_at;

  values[0] = v_int (id);
  values[1] = v_text (case_number);
  values[2] = v_text (bb_case_kind_to_string (kase->kind));
  values[3] = v_text (bb_case_state_to_string (kase->state));
  values[4] = v_int (kase->client_id);
  values[5] = v_id (kase->item_id);
  values[6] = v_text (kase->matter);
  values[7] = v_text (kase->reason);
  values[8] = v_text (kase->mode != NULL ? kase->mode : "hall");
  values[9] = v_text (kase->channel != NULL ? kase->channel : "onsite");
  values[10] = v_text (kase->area);
  values[11] = v_int (kase->priority);
  values[12] = v_id (kase->responsible_id);
  values[13] = v_id (kase->accepted_by);
  values[14] = v_id (kase->accepted_at);
  values[15] = v_id (kase->handler_id);
  values[16] = v_int (kase->applied_at);
  values[17] = v_id (kase->limit_days);
  values[18] = v_text (kase->deadline);
  values[19] = v_text (kase->refusal_reason);
  values[20] = v_text (kase->result);
  values[21] = v_text (kase->delivery);
  values[22] = v_id (kase->completed_at);
  values[23] = v_text (kase->archive_number);
  values[24] = v_id (kase->archived_at);
  values[25] = v_text (kase->resume_by);
  values[26] = v_id (kase->created_by);
  values[27] = v_int (created_at);
  values[28] = v_int (MAX (kase->updated_at, created_at));
  if (!add_row (self, TABLE_CASE, values, G_N_ELEMENTS (values), error))
    goto failed;

  /* The timeline, and its texts for the search, newest first. */
  texts = g_ptr_array_new ();
  for (guint i = 0; i < kase->n_events; i++)
    {
      const BbBulkEvent *event = &kase->events[i];
      Value row[7];

      row[0] = v_int (id);
      row[1] = v_int (event->at);
      row[2] = v_id (event->staff_id);
      row[3] = v_text (event->kind);
      row[4] = v_text (event->from_state);
      row[5] = v_text (event->to_state);
      row[6] = v_text (event->body);
      if (!add_row (self, TABLE_EVENT, row, G_N_ELEMENTS (row), error))
        goto failed;
    }
  for (guint i = kase->n_events; i > 0; i--)
    {
      const BbBulkEvent *event = &kase->events[i - 1];

      if (event->body != NULL &&
          (g_strcmp0 (event->kind, "log") == 0 || g_strcmp0 (event->kind, "problem") == 0 ||
           g_strcmp0 (event->kind, "report") == 0))
        g_ptr_array_add (texts, (gpointer) event->body);
    }
  g_ptr_array_add (texts, NULL);

  body = bb_case_search_compose_body (case_number, kase->client_name, kase->client_id_number,
                                      kase->client_credit_code, kase->client_phone,
                                      kase->matter, (const char * const *) texts->pdata);
  {
    Value row[] = { v_int (id), v_text (body) };

    if (!add_row (self, TABLE_SEARCH, row, G_N_ELEMENTS (row), error))
      goto failed;
  }

  if (kase->suspension_reason != NULL)
    {
      Value row[] = {
        v_int (id), v_text (kase->suspension_reason), v_text (kase->suspended_on),
        v_text (kase->resume_by), v_int (kase->suspension_terminated ? 1 : 0),
        v_id (kase->responsible_id),
      };

      if (!add_row (self, TABLE_SUSPENSION, row, G_N_ELEMENTS (row), error))
        goto failed;
    }

  if (kase->evaluation_level > 0)
    {
      Value row[] = {
        v_int (id), v_int (kase->evaluation_level), v_text (kase->evaluation_comment),
        v_text ("onsite"), v_int (1), v_int (kase->evaluated_at), v_id (kase->responsible_id),
      };

      if (!add_row (self, TABLE_EVALUATION, row, G_N_ELEMENTS (row), error))
        goto failed;
    }

  after = case_audit_text (kase, id, case_number);
  if (!add_audit (self, "case", id, created_at, after, error))
    goto failed;

  if (number != NULL)
    *number = g_steal_pointer (&case_number);
  return id;

failed:
  rollback (self);
  return 0;
}

/**
 * bb_bulk_finish:
 *
 * Commits what is left. After an error the current transaction has been
 * rolled back (earlier ones stay committed).
 *
 * Returns: %FALSE with @error
 */
gboolean
bb_bulk_finish (BbBulk  *self,
                GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return commit (self, error);
}

/**
 * bb_bulk_free:
 *
 * Frees the loader; an unfinished transaction is rolled back.
 */
void
bb_bulk_free (BbBulk *self)
{
  if (self == NULL)
    return;

  rollback (self);
  if (self->raw != NULL)
    {
      for (Table t = 0; t < N_TABLES; t++)
        {
          sqlite3_finalize (self->inserts[t]);
          sqlite3_finalize (self->flushes[t]);
          sqlite3_finalize (self->clears[t]);
        }
      sqlite3_finalize (self->head);
      sqlite3_finalize (self->set_head);
      sqlite3_finalize (self->feed);
      sqlite3_finalize (self->counter);
      sqlite3_finalize (self->set_counter);
      for (guint i = 0; i < G_N_ELEMENTS (self->stats); i++)
        sqlite3_finalize (self->stats[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->trigger_sql); i++)
    g_free (self->trigger_sql[i]);
  if (self->raw != NULL)
    sqlite3_close (self->raw);
  for (Table t = 0; t < N_TABLES; t++)
    if (self->rows[t] != NULL)
      g_string_free (self->rows[t], TRUE);
  g_clear_pointer (&self->counters, g_hash_table_unref);
  g_clear_pointer (&self->client_ids, g_array_unref);
  g_clear_pointer (&self->case_ids, g_array_unref);
  g_free (self->audit_hash);
  g_free (self->number_format);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_object (&self->db);
  g_free (self);
}
