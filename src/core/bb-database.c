/* bb-database.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One open database: the libgda connection, a cache of parsed statements,
 * transactions, and the migration runner. Repository modules use it through
 * bb-database-private.h; nothing outside src/core sees libgda.
 *
 * Threads: a GdaConnection serialises its calls, but statements and models
 * belong to one thread at a time, so every unit of work (a transaction, or a
 * single read) holds the database's recursive lock.
 */

#define G_LOG_DOMAIN "bb-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bb-core-resources.h"
#include "bb-database-private.h"
#include "bb-error.h"

/* The numbered migrations under src/core/migrations/<engine>/NNNN.sql. */
#define LATEST_SCHEMA_VERSION 7

/* How long an SQLite writer waits for another process's write to finish. */
#define SQLITE_BUSY_TIMEOUT_MS 30000

struct _BbDatabase
{
  GObject        parent_instance;

  BbLocation    *location;
  GdaConnection *connection;
  GdaSqlParser  *parser;
  GdaSqlParser  *verbatim_parser;  /* only delimits: bb_database_prepare_verbatim() */
  GHashTable    *statements;  /* const char *sql (static) → GdaStatement */
  GRecMutex      lock;
  guint          schema_version;
  guint          in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (BbDatabase, bb_database, G_TYPE_OBJECT)

static gsize gda_initialised;

static void
ensure_gda (void)
{
  if (g_once_init_enter (&gda_initialised))
    {
      gda_init ();
      g_once_init_leave (&gda_initialised, 1);
    }
}

static void
wrap_error (GError     **error,
            GError      *cause,
            BbDatabase  *self)
{
  int code = BB_ERROR_FAILED;

  if (cause == NULL)
    {
      g_set_error_literal (error, BB_ERROR, BB_ERROR_FAILED, _("Unknown database error"));
      return;
    }

  if (cause->domain == BB_ERROR)
    {
      g_propagate_error (error, cause);
      return;
    }

  if (self != NULL && self->connection != NULL && !gda_connection_is_opened (self->connection))
    code = BB_ERROR_UNAVAILABLE;
  else if (strstr (cause->message, "server closed the connection") != NULL ||
           strstr (cause->message, "no connection to the server") != NULL ||
           strstr (cause->message, "terminating connection") != NULL ||
           strstr (cause->message, "could not receive data") != NULL ||
           strstr (cause->message, "could not send data") != NULL)
    code = BB_ERROR_UNAVAILABLE;

  g_set_error (error, BB_ERROR, code, _("Database error: %s"),
               cause->message != NULL ? cause->message : "?");
  g_error_free (cause);
}

static void
bb_database_finalize (GObject *object)
{
  BbDatabase *self = (BbDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->parser);
  g_clear_object (&self->verbatim_parser);
  if (self->connection != NULL)
    gda_connection_close (self->connection);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->location, bb_location_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (bb_database_parent_class)->finalize (object);
}

static void
bb_database_class_init (BbDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_database_finalize;
}

static void
bb_database_init (BbDatabase *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/* Connecting */

static char *
encode (const char *value)
{
  return gda_rfc1738_encode (value != NULL ? value : "");
}

static GdaConnection *
connect_sqlite (const BbLocation  *location,
                GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (location->path);
  g_autofree char *name = g_path_get_basename (location->path);
  g_autofree char *enc_dir = NULL;
  g_autofree char *enc_name = NULL;
  g_autofree char *cnc_string = NULL;
  GError *local_error = NULL;
  GdaConnection *cnc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("The folder “%s” for the database could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  /* libgda appends “.db” to DB_NAME unless a file of exactly that name
   * exists: an empty file is a valid empty SQLite database, so create it and
   * the path the user chose is the path used. */
  if (!g_file_test (location->path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (location->path, O_WRONLY | O_CREAT | O_EXCL, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                       _("The database file “%s” could not be created: %s"),
                       location->path, g_strerror (saved_errno));
          return NULL;
        }
      if (fd >= 0)
        g_close (fd, NULL);
    }
  else if (g_file_test (location->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("“%s” is a folder, not a database file"), location->path);
      return NULL;
    }

  enc_dir = encode (dir);
  enc_name = encode (name);
  cnc_string = g_strdup_printf ("DB_DIR=%s;DB_NAME=%s", enc_dir, enc_name);
  cnc = gda_connection_open_from_string ("SQLite", cnc_string, NULL,
                                         GDA_CONNECTION_OPTIONS_THREAD_SAFE, &local_error);
  if (cnc == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("The database file “%s” could not be opened: %s"), location->path,
                   local_error ? local_error->message : "?");
      g_clear_error (&local_error);
    }
  return cnc;
}

static GdaConnection *
connect_postgresql (const BbLocation  *location,
                    const char        *password,
                    GError           **error)
{
  g_autofree char *enc_host = encode (location->host);
  g_autofree char *enc_db = encode (location->database);
  g_autofree char *enc_user = encode (location->user);
  g_autofree char *enc_password = encode (password);
  g_autofree char *cnc_string = NULL;
  g_autofree char *auth_string = NULL;
  GError *local_error = NULL;
  GdaConnection *cnc;

  if (gda_config_get_provider ("PostgreSQL", NULL) == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("The PostgreSQL support of libgda is not installed (Debian package libgda-5.0-postgres)"));
      return NULL;
    }

  /* libgda passes the password to libpq inside a quoted string without
   * escaping: such a password would fail obscurely, so say so clearly. */
  if (password != NULL && (strchr (password, '\'') != NULL || strchr (password, '\\') != NULL))
    {
      bb_set_field_error (error, _("Password"),
                          _("passwords containing ' or \\ cannot be used with PostgreSQL; change the password on the server"));
      return NULL;
    }

  cnc_string = g_strdup_printf ("HOST=%s;PORT=%u;DB_NAME=%s;CONNECT_TIMEOUT=10",
                                enc_host, location->port, enc_db);
  auth_string = g_strdup_printf ("USERNAME=%s;PASSWORD=%s", enc_user, enc_password);

  cnc = gda_connection_open_from_string ("PostgreSQL", cnc_string, auth_string,
                                         GDA_CONNECTION_OPTIONS_THREAD_SAFE, &local_error);
  if (cnc == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("Could not connect to PostgreSQL at %s:%u (database “%s”): %s"),
                   location->host, location->port, location->database,
                   local_error && local_error->message ? g_strstrip (local_error->message) : "?");
      g_clear_error (&local_error);
    }
  return cnc;
}

static GdaConnection *
connect_location (const BbLocation  *location,
                  const char        *password,
                  GError           **error)
{
  ensure_gda ();

  if (location->engine == BB_ENGINE_SQLITE)
    return connect_sqlite (location, error);
  return connect_postgresql (location, password, error);
}

/* Statements */

GdaConnection *
bb_database_get_connection (BbDatabase *self)
{
  g_return_val_if_fail (BB_IS_DATABASE (self), NULL);

  return self->connection;
}

static GdaStatement *
prepare_with (BbDatabase   *self,
              GdaSqlParser *parser,
              const char   *sql)
{
  GdaStatement *statement;
  g_autoptr(GError) error = NULL;

  bb_database_lock (self);
  statement = g_hash_table_lookup (self->statements, sql);
  if (statement == NULL)
    {
      statement = gda_sql_parser_parse_string (parser, sql, NULL, &error);
      if (statement == NULL)
        g_error ("Statement does not parse: %s\n%s", error->message, sql);
      g_hash_table_insert (self->statements, (gpointer) sql, statement);
    }
  bb_database_unlock (self);
  return statement;
}

/**
 * bb_database_prepare:
 * @sql: a statement text with `##name::type` parameters, in static storage:
 *   the pointer is the cache key
 *
 * Returns: (transfer none): the parsed statement, parsed once per database
 */
GdaStatement *
bb_database_prepare (BbDatabase *self,
                     const char *sql)
{
  g_return_val_if_fail (BB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return prepare_with (self, self->parser, sql);
}

/**
 * bb_database_prepare_verbatim:
 * @sql: as for bb_database_prepare(), never passed to both
 *
 * Like bb_database_prepare(), but libgda's parser only finds the statement's
 * end and its parameters: the engine gets the text as it is written (as
 * it does whenever libgda cannot parse a statement, such as PostgreSQL's
 * `json_agg(… ORDER BY …)`). For large SELECTs: every execution copies the
 * parsed statement into its result model, which for a statement with a
 * dozen subqueries costs more than the engine's own work.
 *
 * Returns: (transfer none): the statement, parsed once per database
 */
GdaStatement *
bb_database_prepare_verbatim (BbDatabase *self,
                              const char *sql)
{
  g_return_val_if_fail (BB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return prepare_with (self, self->verbatim_parser, sql);
}

/**
 * bb_database_new_params:
 *
 * Returns: (transfer full) (nullable): a fresh set of the statement's
 *   parameters, %NULL when it has none
 */
GdaSet *
bb_database_new_params (BbDatabase   *self,
                        GdaStatement *statement)
{
  GdaSet *params = NULL;
  g_autoptr(GError) error = NULL;

  if (!gda_statement_get_parameters (statement, &params, &error))
    g_error ("Statement parameters: %s", error->message);
  return params;
}

void
bb_database_lock (BbDatabase *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
bb_database_unlock (BbDatabase *self)
{
  g_rec_mutex_unlock (&self->lock);
}

static gboolean
run_command (BbDatabase  *self,
             const char  *sql,
             GError     **error)
{
  GError *local_error = NULL;

  if (gda_connection_execute_non_select_command (self->connection, sql, &local_error) < 0 &&
      local_error != NULL)
    {
      wrap_error (error, local_error, self);
      return FALSE;
    }
  return TRUE;
}

static const char SQL_PING[] = "SELECT 1";

/* libgda 5.2's PostgreSQL provider crashes when a command that returns no
 * rows is sent over a connection the server has closed (it reads the row
 * count of a result that is not there). A query is safe: it fails with the
 * server's message. So a transaction on PostgreSQL starts by asking the
 * server for “1”, and a lost connection surfaces as BB_ERROR_UNAVAILABLE
 * instead of a crash. */
static gboolean
check_alive (BbDatabase  *self,
             GError     **error)
{
  g_autoptr(GdaDataModel) model = NULL;
  GError *local_error = NULL;

  model = gda_connection_statement_execute_select (self->connection,
                                                   bb_database_prepare (self, SQL_PING), NULL,
                                                   &local_error);
  if (model == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                   _("The connection to the database was lost: %s"),
                   local_error && local_error->message ? local_error->message : "?");
      g_clear_error (&local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * bb_database_begin:
 *
 * Starts a transaction and takes the database's lock until
 * bb_database_commit() or bb_database_rollback(). On SQLite the transaction
 * takes the write lock at once (BEGIN IMMEDIATE): a second process then waits
 * for it (up to the busy timeout) instead of failing with “database is
 * locked” halfway through.
 */
gboolean
bb_database_begin (BbDatabase  *self,
                   GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (BB_IS_DATABASE (self), FALSE);

  bb_database_lock (self);
  g_assert (!self->in_transaction);

  if (self->location->engine == BB_ENGINE_SQLITE)
    ok = run_command (self, "BEGIN IMMEDIATE", error);
  else
    ok = check_alive (self, error) && run_command (self, "BEGIN", error);

  if (!ok)
    {
      bb_database_unlock (self);
      return FALSE;
    }
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
bb_database_commit (BbDatabase  *self,
                    GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (BB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  ok = run_command (self, "COMMIT", error);
  if (!ok)
    {
      g_autoptr(GError) ignored = NULL;

      run_command (self, "ROLLBACK", &ignored);
    }
  self->in_transaction = FALSE;
  bb_database_unlock (self);
  return ok;
}

void
bb_database_rollback (BbDatabase *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BB_IS_DATABASE (self));
  g_return_if_fail (self->in_transaction);

  if (!run_command (self, "ROLLBACK", &error))
    g_debug ("Rollback: %s", error->message);
  self->in_transaction = FALSE;
  bb_database_unlock (self);
}

/**
 * bb_database_select:
 * @column_types: (nullable): G_TYPE_NONE-terminated types, e.g. %G_TYPE_INT64
 *   for integer columns that may exceed 2^31
 *
 * Runs a SELECT and loads the result into memory: use it for pages and
 * single records, never a whole table.
 *
 * Returns: (transfer full): a random-access model
 */
GdaDataModel *
bb_database_select (BbDatabase    *self,
                    GdaStatement  *statement,
                    GdaSet        *params,
                    const GType   *column_types,
                    GError       **error)
{
  GError *local_error = NULL;
  GdaDataModel *model;

  g_return_val_if_fail (BB_IS_DATABASE (self), NULL);

  bb_database_lock (self);
  model = gda_connection_statement_execute_select_full (self->connection, statement, params,
                                                        GDA_STATEMENT_MODEL_RANDOM_ACCESS,
                                                        (GType *) column_types, &local_error);
  if (model != NULL)
    {
      /* SQLite fetches lazily: read the rows while we hold the lock. */
      gda_data_model_get_n_rows (model);
    }
  bb_database_unlock (self);

  if (model == NULL)
    wrap_error (error, local_error, self);
  return model;
}

/**
 * bb_database_execute:
 *
 * Returns: the number of rows changed, or -1 on error
 */
int
bb_database_execute (BbDatabase    *self,
                     GdaStatement  *statement,
                     GdaSet        *params,
                     GError       **error)
{
  GError *local_error = NULL;
  int rows;

  g_return_val_if_fail (BB_IS_DATABASE (self), -1);

  bb_database_lock (self);
  rows = gda_connection_statement_execute_non_select (self->connection, statement, params, NULL,
                                                      &local_error);
  bb_database_unlock (self);

  if (local_error != NULL)
    {
      wrap_error (error, local_error, self);
      return -1;
    }
  return MAX (rows, 0);
}

/* Parameters and values */

static GdaHolder *
get_holder (GdaSet     *params,
            const char *name)
{
  GdaHolder *holder = gda_set_get_holder (params, name);

  if (holder == NULL)
    g_error ("No parameter named “%s”", name);
  return holder;
}

void
bb_params_set_string (GdaSet     *params,
                      const char *name,
                      const char *value)
{
  GdaHolder *holder = get_holder (params, name);
  g_autoptr(GError) error = NULL;

  if (value == NULL)
    {
      bb_params_set_null (params, name);
      return;
    }
  if (!gda_holder_set_value_str (holder, NULL, value, &error))
    {
      GValue v = G_VALUE_INIT;

      g_clear_error (&error);
      g_value_init (&v, G_TYPE_STRING);
      g_value_set_string (&v, value);
      if (!gda_holder_set_value (holder, &v, &error))
        g_error ("Parameter “%s”: %s", name, error->message);
      g_value_unset (&v);
    }
}

void
bb_params_set_int (GdaSet     *params,
                   const char *name,
                   int         value)
{
  GValue v = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  if (!gda_holder_set_value (get_holder (params, name), &v, &error))
    g_error ("Parameter “%s”: %s", name, error->message);
  g_value_unset (&v);
}

void
bb_params_set_int64 (GdaSet     *params,
                     const char *name,
                     gint64      value)
{
  GValue v = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  if (!gda_holder_set_value (get_holder (params, name), &v, &error))
    g_error ("Parameter “%s”: %s", name, error->message);
  g_value_unset (&v);
}

void
bb_params_set_null (GdaSet     *params,
                    const char *name)
{
  g_autoptr(GError) error = NULL;

  if (!gda_holder_set_value (get_holder (params, name), NULL, &error))
    g_error ("Parameter “%s” does not take NULL (declare it ::null): %s", name, error->message);
}

gboolean
bb_model_is_null (GdaDataModel *model,
                  int           column,
                  int           row)
{
  const GValue *value = gda_data_model_get_value_at (model, column, row, NULL);

  return value == NULL || gda_value_is_null (value);
}

/**
 * bb_model_dup_string:
 *
 * Returns: (nullable): the cell as text, %NULL when it is NULL
 */
char *
bb_model_dup_string (GdaDataModel *model,
                     int           column,
                     int           row)
{
  const GValue *value = gda_data_model_get_value_at (model, column, row, NULL);

  if (value == NULL || gda_value_is_null (value))
    return NULL;
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_dup_string (value);
  return gda_value_stringify (value);
}

gint64
bb_model_get_int64 (GdaDataModel *model,
                    int           column,
                    int           row,
                    gint64        if_null)
{
  const GValue *value = gda_data_model_get_value_at (model, column, row, NULL);
  GValue converted = G_VALUE_INIT;
  gint64 result;

  if (value == NULL || gda_value_is_null (value))
    return if_null;
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (G_VALUE_HOLDS_STRING (value))
    return g_ascii_strtoll (g_value_get_string (value), NULL, 10);

  g_value_init (&converted, G_TYPE_INT64);
  if (!g_value_transform (value, &converted))
    g_error ("Cannot read a %s as an integer", G_VALUE_TYPE_NAME (value));
  result = g_value_get_int64 (&converted);
  g_value_unset (&converted);
  return result;
}

/* Set-up and migrations */

static const char SQL_PRAGMA_WAL[] = "PRAGMA journal_mode = WAL";
static const char SQL_PRAGMA_SYNC[] = "PRAGMA synchronous = NORMAL";
static const char SQL_PRAGMA_FK[] = "PRAGMA foreign_keys = ON";
static const char SQL_PRAGMA_BUSY[] = "PRAGMA busy_timeout = " G_STRINGIFY (SQLITE_BUSY_TIMEOUT_MS);

static gboolean
run_pragma (BbDatabase  *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GdaDataModel) model = NULL;

  /* A PRAGMA runs as a SELECT and only takes effect once its rows are read,
   * which bb_database_select() does. */
  model = bb_database_select (self, bb_database_prepare (self, sql), NULL, NULL, error);
  return model != NULL;
}

static gboolean
configure_connection (BbDatabase  *self,
                      GError     **error)
{
  if (self->location->engine == BB_ENGINE_SQLITE)
    {
      return run_pragma (self, SQL_PRAGMA_BUSY, error) &&
             run_pragma (self, SQL_PRAGMA_WAL, error) &&
             run_pragma (self, SQL_PRAGMA_SYNC, error) &&
             run_pragma (self, SQL_PRAGMA_FK, error);
    }

  /* JIT compilation of a query costs tens of milliseconds before it runs;
   * PostgreSQL decides on it from the planner's cost estimates, which for
   * the statistics' short aggregates (a few thousand rows of running
   * totals, or a join the planner overestimates) cross the threshold
   * while the query itself takes a few milliseconds. Nothing Bangban runs
   * is long enough to win it back. */
  return run_command (self, "SET application_name = 'bangban'", error) &&
         run_command (self, "SET client_encoding = 'UTF8'", error) &&
         run_command (self, "SET jit = off", error);
}

static const char SQL_SQLITE_OTHER_TABLES[] =
  "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
  "AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'";
static const char SQL_PG_OTHER_TABLES[] =
  "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
  "AND table_name <> 'schema_version'";
static const char SQL_SQLITE_HAS_VERSION_TABLE[] =
  "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
static const char SQL_PG_HAS_VERSION_TABLE[] =
  "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
  "AND table_name = 'schema_version'";
static const char SQL_CREATE_VERSION_TABLE[] =
  "CREATE TABLE IF NOT EXISTS schema_version ("
  " version INTEGER PRIMARY KEY,"
  " applied_at BIGINT NOT NULL,"
  " program TEXT NOT NULL)";
static const char SQL_GET_VERSION[] =
  "SELECT COALESCE(MAX(version), 0) FROM schema_version";
static const char SQL_ADD_VERSION[] =
  "INSERT INTO schema_version (version, applied_at, program) "
  "VALUES (##version::gint, ##applied_at::gint64, ##program::string)";
static const char SQL_PG_LOCK_VERSION[] =
  "LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE";

static gint64
count_query (BbDatabase  *self,
             const char  *sql,
             GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  model = bb_database_select (self, bb_database_prepare (self, sql), NULL, types, error);
  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, 0);
}

static gint64
read_schema_version (BbDatabase  *self,
                     GError     **error)
{
  return count_query (self, SQL_GET_VERSION, error);
}

static gboolean
apply_script (BbDatabase  *self,
              guint        version,
              GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdaBatch) batch = NULL;
  g_autoptr(GError) local_error = NULL;
  const GSList *stmts;

  path = g_strdup_printf ("/io/github/bangban/Bangban/core/migrations/%s/%04u.sql",
                          self->location->engine == BB_ENGINE_SQLITE ? "sqlite" : "postgresql",
                          version);
  bytes = g_resource_lookup_data (bb_core_get_resource (), path, 0, &local_error);
  if (bytes == NULL)
    g_error ("Missing migration %s: %s", path, local_error->message);

  batch = gda_sql_parser_parse_string_as_batch (self->parser, g_bytes_get_data (bytes, NULL),
                                                NULL, &local_error);
  if (batch == NULL)
    g_error ("Migration %s does not parse: %s", path, local_error->message);

  /* One statement at a time, so that an error names the failing statement. */
  for (stmts = gda_batch_get_statements (batch); stmts != NULL; stmts = stmts->next)
    {
      GdaStatement *statement = stmts->data;
      GError *statement_error = NULL;

      if (gda_statement_get_statement_type (statement) == GDA_SQL_STATEMENT_SELECT)
        {
          g_autoptr(GdaDataModel) model =
            gda_connection_statement_execute_select (self->connection, statement, NULL,
                                                     &statement_error);
          if (model != NULL)
            gda_data_model_get_n_rows (model);
        }
      else
        gda_connection_statement_execute_non_select (self->connection, statement, NULL, NULL,
                                                     &statement_error);
      if (statement_error != NULL)
        {
          g_autofree char *text = gda_statement_to_sql (statement, NULL, NULL);

          g_prefix_error (&statement_error, "Migration %u, statement “%.200s”: ", version, text);
          wrap_error (error, statement_error, self);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
migrate (BbDatabase  *self,
         GError     **error)
{
  gboolean sqlite = self->location->engine == BB_ENGINE_SQLITE;
  gint64 has_version_table;
  guint version;

  has_version_table = count_query (self, sqlite ? SQL_SQLITE_HAS_VERSION_TABLE
                                                : SQL_PG_HAS_VERSION_TABLE, error);
  if (has_version_table < 0)
    return FALSE;

  if (has_version_table == 0)
    {
      gint64 others = count_query (self, sqlite ? SQL_SQLITE_OTHER_TABLES : SQL_PG_OTHER_TABLES,
                                   error);
      if (others < 0)
        return FALSE;
      if (others > 0)
        {
          g_autofree char *where = bb_location_to_string (self->location);

          g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                       _("“%s” holds other data and is not a Bangban database; it was left unchanged"),
                       where);
          return FALSE;
        }
      if (!run_command (self, SQL_CREATE_VERSION_TABLE, error))
        return FALSE;
    }

  for (version = 1; version <= LATEST_SCHEMA_VERSION; version++)
    {
      g_autoptr(GdaSet) params = NULL;
      GdaStatement *add;
      gint64 current;

      if (!bb_database_begin (self, error))
        return FALSE;

      if (!sqlite && !run_command (self, SQL_PG_LOCK_VERSION, error))
        goto failed;

      current = read_schema_version (self, error);
      if (current < 0)
        goto failed;

      if (current > LATEST_SCHEMA_VERSION)
        {
          g_autofree char *where = bb_location_to_string (self->location);

          g_set_error (error, BB_ERROR, BB_ERROR_NEWER_SCHEMA,
                       _("The database “%s” was written by a newer version of Bangban "
                         "(schema %u; this version knows up to %u). It was left unchanged: "
                         "update Bangban to use it."),
                       where, (guint) current, (guint) LATEST_SCHEMA_VERSION);
          goto failed;
        }

      if (current >= version)
        {
          /* Already there (perhaps another process got here first). */
          bb_database_rollback (self);
          self->schema_version = (guint) current;
          continue;
        }

      if (!apply_script (self, version, error))
        goto failed;

      add = bb_database_prepare (self, SQL_ADD_VERSION);
      params = bb_database_new_params (self, add);
      bb_params_set_int (params, "version", (int) version);
      bb_params_set_int64 (params, "applied_at", g_get_real_time ());
      bb_params_set_string (params, "program", PACKAGE_NAME " " PACKAGE_VERSION);
      if (bb_database_execute (self, add, params, error) < 0)
        goto failed;

      if (!bb_database_commit (self, error))
        return FALSE;

      self->schema_version = version;
      g_debug ("Migrated to schema %u", version);
      continue;

    failed:
      bb_database_rollback (self);
      return FALSE;
    }

  if (self->schema_version == 0)
    {
      gint64 current = read_schema_version (self, error);

      if (current < 0)
        return FALSE;
      if (current > LATEST_SCHEMA_VERSION)
        {
          g_autofree char *where = bb_location_to_string (self->location);

          g_set_error (error, BB_ERROR, BB_ERROR_NEWER_SCHEMA,
                       _("The database “%s” was written by a newer version of Bangban "
                         "(schema %u; this version knows up to %u). It was left unchanged: "
                         "update Bangban to use it."),
                       where, (guint) current, (guint) LATEST_SCHEMA_VERSION);
          return FALSE;
        }
      self->schema_version = (guint) current;
    }

  return TRUE;
}

/* Public API */

/**
 * bb_database_open:
 * @location: where
 * @password: (nullable): the PostgreSQL password
 *
 * Connects, then creates or upgrades the schema. A database written by a
 * newer version is refused with %BB_ERROR_NEWER_SCHEMA and not touched.
 *
 * Returns: (transfer full): the database, or %NULL with %BB_ERROR_UNAVAILABLE,
 *   %BB_ERROR_NEWER_SCHEMA or %BB_ERROR_INVALID
 */
BbDatabase *
bb_database_open (const BbLocation  *location,
                  const char        *password,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(BbDatabase) self = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_object_new (BB_TYPE_DATABASE, NULL);
  self->location = bb_location_copy (location);
  self->connection = connect_location (location, password, error);
  if (self->connection == NULL)
    return NULL;
  self->parser = gda_connection_create_parser (self->connection);
  if (self->parser == NULL)
    self->parser = gda_sql_parser_new ();
  self->verbatim_parser = gda_connection_create_parser (self->connection);
  if (self->verbatim_parser == NULL)
    self->verbatim_parser = gda_sql_parser_new ();
  g_object_set (self->verbatim_parser, "mode", GDA_SQL_PARSER_MODE_DELIMIT, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!configure_connection (self, error))
    return NULL;
  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct
{
  BbLocation *location;
  char       *password;
} OpenData;

static void
open_data_free (OpenData *data)
{
  bb_location_free (data->location);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  BbDatabase *db;

  db = bb_database_open (data->location, data->password, cancellable, &error);
  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

void
bb_database_open_async (const BbLocation    *location,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (location != NULL);

  data = g_new0 (OpenData, 1);
  data->location = bb_location_copy (location);
  data->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_database_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

BbDatabase *
bb_database_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * bb_database_check:
 *
 * Tests a location without creating or changing anything on a server: for
 * PostgreSQL it connects and reads the server version; for SQLite it checks
 * that the file is an SQLite database, or that it can be created.
 *
 * Returns: (transfer full): a one-line description of what was found, or
 *   %NULL with the exact reason
 */
char *
bb_database_check (const BbLocation  *location,
                   const char        *password,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (location->engine == BB_ENGINE_SQLITE)
    {
      g_autofree char *dir = g_path_get_dirname (location->path);
      g_autoptr(GFile) file = g_file_new_for_path (location->path);
      g_autoptr(GFileInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      char header[16] = { 0 };
      gsize n_read = 0;

      if (!g_file_test (location->path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *parent = g_strdup (dir);

          while (!g_file_test (parent, G_FILE_TEST_EXISTS))
            {
              char *up = g_path_get_dirname (parent);

              g_free (parent);
              parent = up;
            }
          if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
            {
              g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                           _("The database file cannot be created: “%s” is not a folder"),
                           parent);
              return NULL;
            }
          if (g_access (parent, W_OK) != 0)
            {
              g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                           _("The database file cannot be created: “%s” is not writable"),
                           parent);
              return NULL;
            }
          return g_strdup (_("The file does not exist yet; a new database will be created there"));
        }

      if (g_file_test (location->path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                       _("“%s” is a folder, not a database file"), location->path);
          return NULL;
        }

      stream = g_file_read (file, cancellable, &local_error);
      if (stream == NULL ||
          !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                    cancellable, &local_error))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                       _("The database file cannot be read: %s"), local_error->message);
          return NULL;
        }
      if (n_read == 0)
        return g_strdup (_("The file is empty; a new database will be created there"));
      if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                       _("“%s” is not an SQLite database file"), location->path);
          return NULL;
        }
      if (g_access (location->path, W_OK) != 0)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_UNAVAILABLE,
                       _("The database file is read-only"));
          return NULL;
        }
      return g_strdup (_("The SQLite database file can be used"));
    }
  else
    {
      g_autoptr(GdaConnection) cnc = NULL;
      g_autoptr(GdaDataModel) model = NULL;
      g_autoptr(GdaSqlParser) parser = NULL;
      g_autoptr(GdaStatement) statement = NULL;
      GError *local_error = NULL;
      const GValue *value;
      char *description;

      cnc = connect_location (location, password, error);
      if (cnc == NULL)
        return NULL;

      parser = gda_connection_create_parser (cnc);
      statement = gda_sql_parser_parse_string (parser, "SELECT version()", NULL, NULL);
      model = gda_connection_statement_execute_select (cnc, statement, NULL, &local_error);
      if (model == NULL)
        {
          wrap_error (error, local_error, NULL);
          gda_connection_close (cnc);
          return NULL;
        }
      value = gda_data_model_get_value_at (model, 0, 0, NULL);
      /* Translators: %s is the server's version string */
      description = g_strdup_printf (_("Connected: %s"),
                                     value && G_VALUE_HOLDS_STRING (value)
                                     ? g_value_get_string (value) : "PostgreSQL");
      /* The model's values live in the connection: copy before closing. */
      g_clear_object (&model);
      gda_connection_close (cnc);
      return description;
    }
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  char *description;

  description = bb_database_check (data->location, data->password, cancellable, &error);
  if (description == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, description, g_free);
}

void
bb_database_check_async (const BbLocation    *location,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (location != NULL);

  data = g_new0 (OpenData, 1);
  data->location = bb_location_copy (location);
  data->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_database_check_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, check_thread);
}

char *
bb_database_check_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const BbLocation *
bb_database_get_location (BbDatabase *self)
{
  g_return_val_if_fail (BB_IS_DATABASE (self), NULL);

  return self->location;
}

BbEngine
bb_database_get_engine (BbDatabase *self)
{
  g_return_val_if_fail (BB_IS_DATABASE (self), BB_ENGINE_SQLITE);

  return self->location->engine;
}

guint
bb_database_get_schema_version (BbDatabase *self)
{
  g_return_val_if_fail (BB_IS_DATABASE (self), 0);

  return self->schema_version;
}

guint
bb_database_get_latest_schema_version (void)
{
  return LATEST_SCHEMA_VERSION;
}
