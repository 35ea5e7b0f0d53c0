/* bb-cli-bench.c — bangban-cli bench
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seeds N demo cases into a new database and times what the application
 * does with them, each operation as the median of several runs, beside the
 * same statements run directly through the SQLite C API (bound, stepped
 * and their results taken apart on every run), and the ratio of the two.
 *
 * A page's statement is put together here as bb-case-query.c composes it,
 * with `?` for its ##parameters (keep them in step): its row is the one JSON
 * text of bb-case-query-private.h, taken apart by
 * bb_case_summary_from_json_row(). A case with its history is the very
 * statement of bb_case_repo_get_detail(), BB_CASE_DETAIL_SQLITE from
 * bb-case-repo-private.h, its one JSON text taken apart, deadline state and
 * all, by bb_case_detail_from_json(); what the raw side leaves out is only
 * libgda and the check whether a suspended case is due for termination.
 *
 * The demo is seeded by `bangban-cli demo` in a child process, and the
 * operations are timed on the database as a freshly started program opens
 * it: a process that has just written a million cases through libgda and
 * the demo's data structures ran every page about 1.5 times slower, on
 * either side, than one that starts on the same database.
 *
 * The statistics are bb_stats_compute() for the year up to today, beside
 * the very statements it runs (bb-stats-private.h), bound by name.
 *
 * This file is the one place outside a repository module with SQL text:
 * the point of it is to run the statements without libgda.
 */

#define G_LOG_DOMAIN "bb-cli-bench"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "bb-case-query.h"
#include "bb-case-query-private.h"
#include "bb-case-repo.h"
#include "bb-case-repo-private.h"
#include "bb-cli-demo.h"
#include "bb-clock.h"
#include "bb-error.h"
#include "bb-location.h"
#include "bb-stats-private.h"

#define DEFAULT_CASES 100000
#define DEFAULT_RUNS  7
#define PAGE          100

/* The statements, as the core composes them: a page's row is one JSON
 * array (bb-case-query-private.h), taken apart into the same summary. */

#define COLUMNS BB_CASE_QUERY_COLUMNS_SQLITE
#define JOINS \
  " JOIN client cl ON cl.id = c.client_id LEFT JOIN staff s ON s.id = c.responsible_id"

static const char RAW_FIRST_PAGE[] =
  "SELECT " COLUMNS " FROM bb_case c" JOINS " WHERE c.id < ? ORDER BY c.id DESC LIMIT ?";
static const char RAW_FILTERED_PAGE[] =
  "SELECT " COLUMNS " FROM bb_case c" JOINS " WHERE c.state IN (?) AND c.kind = ? "
  "AND c.deadline IS NOT NULL AND (c.deadline, c.id) > (?, ?) ORDER BY c.deadline, c.id LIMIT ?";
static const char RAW_SEARCH_SHORT[] =
  "SELECT " COLUMNS " FROM bb_case c" JOINS " WHERE "
  "(c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ?) "
  "OR c.item_id IN (SELECT id FROM catalogue_item WHERE instr(lower(name), ?) > 0)) "
  "AND c.id < ? ORDER BY c.id DESC LIMIT ?";
/* A short search first asks whether many cases match (then the page is read
 * in the order wanted, not collected through the indexes and sorted). */
static const char RAW_SHORT_MATCHES[] =
  "SELECT count(*) FROM (SELECT 1 FROM bb_case c WHERE "
  "c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ?) "
  "OR c.item_id IN (SELECT id FROM catalogue_item WHERE instr(lower(name), ?) > 0) "
  "LIMIT 5000)";
static const char RAW_SEARCH_SHORT_DENSE[] =
  "SELECT " COLUMNS " FROM bb_case c" JOINS " WHERE "
  "(+c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ?) "
  "OR +c.item_id IN (SELECT id FROM catalogue_item WHERE instr(lower(name), ?) > 0)) "
  "AND c.id < ? ORDER BY c.id DESC LIMIT ?";
static const char RAW_SEARCH_TRIGRAM[] =
  "SELECT " COLUMNS " FROM case_search_fts JOIN bb_case c ON c.id = case_search_fts.rowid" JOINS
  " WHERE case_search_fts MATCH ? AND case_search_fts.rowid < ? "
  "ORDER BY case_search_fts.rowid DESC LIMIT ?";
/* bb_case_repo_get_detail(): the case, its history and the holiday calendar
 * in one JSON text. */
static const char RAW_CASE_DETAIL[] = BB_CASE_DETAIL_SQLITE "WHERE c.number = ?";

/* Values bound to a raw statement. */
typedef struct
{
  gboolean    text;
  gint64      i;
  const char *s;
} Arg;

#define ARG_INT(v)  { FALSE, (v), NULL }
#define ARG_TEXT(v) { TRUE, 0, (v) }

typedef struct
{
  BbDatabase   *db;
  BbActor      *actor;
  sqlite3      *raw;
  guint         runs;
  BbCaseFilter *everything;
  BbCaseFilter *filtered;
  BbCaseFilter *short_search;
  BbCaseFilter *name_search;
  BbCaseFilter *matter_search;
  char         *case_number;
  guint         name_width;
  char         *stats_from;         /* a year up to today */
  char         *stats_to;
  GHashTable   *stats_values;       /* the statistics' parameters */
  GPtrArray    *stats_sql;          /* their statements, `:name` parameters */
  GHashTable   *raw_statements;     /* SQL text → sqlite3_stmt */
  GError       *error;
} Bench;

typedef gboolean (*Operation) (Bench *bench);

/* What `bangban-cli demo --json` reports of its seeding. */
typedef struct
{
  gint64 n_cases;
  gint64 n_clients;
  gint64 n_bulk_cases;
  double seconds;
  double bulk_seconds;
} Seeded;

/* Seeds @n_cases demo cases into @location with `bangban-cli demo`, this
 * very program, in a child process. */
static gboolean
seed_in_child (const BbLocation  *location,
               guint64            n_cases,
               Seeded            *seeded,
               GError           **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  g_autofree char *where = bb_location_to_string (location);
  g_autofree char *cases = g_strdup_printf ("%" G_GUINT64_FORMAT, n_cases);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *summary;
  int status = 0;

  if (self == NULL)
    return FALSE;
  {
    const char *argv[] = {
      self, "--db", where, "demo", "--cases", cases, "--seed", "1", "--json", NULL
    };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                       &out, NULL, &status, error) ||
        !g_spawn_check_wait_status (status, error))
      return FALSE;
  }
  if (!json_parser_load_from_data (parser, out, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, "%s", _("The demo data could not be read"));
      return FALSE;
    }
  summary = json_node_get_object (json_parser_get_root (parser));
  seeded->n_cases = json_object_get_int_member_with_default (summary, "cases", 0);
  seeded->n_clients = json_object_get_int_member_with_default (summary, "clients", 0);
  seeded->n_bulk_cases = json_object_get_int_member_with_default (summary, "bulk_cases", 0);
  seeded->seconds = json_object_get_double_member_with_default (summary, "seconds", 0);
  seeded->bulk_seconds = json_object_get_double_member_with_default (summary, "bulk_seconds", 0);
  return TRUE;
}

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

/* @sql prepared on the raw connection, once, then kept. */
static sqlite3_stmt *
raw_statement (Bench      *bench,
               const char *sql)
{
  sqlite3_stmt *statement = g_hash_table_lookup (bench->raw_statements, sql);

  if (statement == NULL)
    {
      if (sqlite3_prepare_v3 (bench->raw, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement,
                              NULL) != SQLITE_OK)
        {
          g_set_error (&bench->error, BB_ERROR, BB_ERROR_FAILED, "%s",
                       sqlite3_errmsg (bench->raw));
          return NULL;
        }
      g_hash_table_insert (bench->raw_statements, (gpointer) sql, statement);
    }
  return statement;
}

/* What a raw statement's rows are: each one JSON text, taken apart as the
 * core does. */
typedef enum
{
  RAW_SUMMARIES,   /* bb_case_summary_from_json_row() */
  RAW_DETAIL,      /* bb_case_detail_from_json() */
} RawRows;

/* Raw SQLite: a statement prepared once and kept, as bb_database_prepare()
 * keeps libgda's; bound, stepped, every row taken apart, reset. Returns
 * the number of rows, or -1 with bench->error. */
static int
raw_query (Bench       *bench,
           const char  *sql,
           const Arg   *args,
           guint        n_args,
           RawRows      kind)
{
  sqlite3_stmt *statement = raw_statement (bench, sql);
  int rows = 0;
  int rc;

  if (statement == NULL)
    return -1;
  for (guint i = 0; i < n_args; i++)
    {
      if (args[i].text)
        sqlite3_bind_text (statement, (int) i + 1, args[i].s, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (statement, (int) i + 1, args[i].i);
    }
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (statement, 0);
      gboolean ok;

      if (kind == RAW_SUMMARIES)
        {
          BbCaseSummary *summary = bb_case_summary_from_json_row (json, &bench->error);

          ok = summary != NULL;
          g_clear_pointer (&summary, bb_case_summary_free);
        }
      else
        {
          BbCaseDetail *detail = bb_case_detail_from_json (json, bench->actor, &bench->error);

          ok = detail != NULL;
          g_clear_pointer (&detail, bb_case_detail_free);
        }
      if (!ok)
        {
          sqlite3_reset (statement);
          sqlite3_clear_bindings (statement);
          return -1;
        }
      rows++;
    }
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  if (rc != SQLITE_DONE)
    {
      g_set_error (&bench->error, BB_ERROR, BB_ERROR_FAILED, "%s", sqlite3_errmsg (bench->raw));
      return -1;
    }
  return rows;
}

/* The first column of the first row of @sql, an integer. */
static gboolean
raw_count (Bench       *bench,
           const char  *sql,
           const Arg   *args,
           guint        n_args,
           gint64      *count)
{
  sqlite3_stmt *statement = raw_statement (bench, sql);

  if (statement == NULL)
    return FALSE;
  for (guint i = 0; i < n_args; i++)
    sqlite3_bind_text (statement, (int) i + 1, args[i].s, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error (&bench->error, BB_ERROR, BB_ERROR_FAILED, "%s", sqlite3_errmsg (bench->raw));
      sqlite3_reset (statement);
      return FALSE;
    }
  *count = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return TRUE;
}

static gboolean
raw_page (Bench      *bench,
          const char *sql,
          const Arg  *args,
          guint       n_args)
{
  return raw_query (bench, sql, args, n_args, RAW_SUMMARIES) >= 0;
}

static gboolean
page (Bench              *bench,
      const BbCaseFilter *filter,
      BbCaseSort          sort)
{
  g_autoptr(GPtrArray) rows = bb_case_query_page (bench->db, bench->actor, filter, sort, NULL,
                                                  PAGE, NULL, &bench->error);

  return rows != NULL;
}

/* The operations */

static gboolean
gda_open (Bench *bench)
{
  g_autoptr(BbDatabase) db = bb_database_open (bb_database_get_location (bench->db), NULL, NULL,
                                               &bench->error);

  return db != NULL;
}

static gboolean
raw_open (Bench *bench)
{
  const BbLocation *location = bb_database_get_location (bench->db);
  static const char * const setup[] = {
    "PRAGMA busy_timeout = 30000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
    "SELECT COALESCE(MAX(version), 0) FROM schema_version",
  };
  sqlite3 *db = NULL;
  gboolean ok = TRUE;

  if (sqlite3_open_v2 (location->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (&bench->error, BB_ERROR, BB_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  /* A new connection prepares everything afresh, as libgda's does. */
  for (guint i = 0; i < G_N_ELEMENTS (setup) && ok; i++)
    {
      char *message = NULL;

      if (sqlite3_exec (db, setup[i], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (&bench->error, BB_ERROR, BB_ERROR_FAILED, "%s", message);
          ok = FALSE;
        }
      sqlite3_free (message);
    }
  sqlite3_close (db);
  return ok;
}

static gboolean
gda_first_page (Bench *bench)
{
  return page (bench, bench->everything, BB_CASE_SORT_NEWEST);
}

static gboolean
raw_first_page (Bench *bench)
{
  Arg args[] = { ARG_INT (G_MAXINT64), ARG_INT (PAGE + 1) };

  return raw_page (bench, RAW_FIRST_PAGE, args, G_N_ELEMENTS (args));
}

static gboolean
gda_filtered_page (Bench *bench)
{
  return page (bench, bench->filtered, BB_CASE_SORT_DEADLINE);
}

static gboolean
raw_filtered_page (Bench *bench)
{
  Arg args[] = { ARG_TEXT ("handling"), ARG_TEXT ("proxy"), ARG_TEXT (""), ARG_INT (0),
                 ARG_INT (PAGE + 1) };

  return raw_page (bench, RAW_FILTERED_PAGE, args, G_N_ELEMENTS (args));
}

static gboolean
gda_search_short (Bench *bench)
{
  return page (bench, bench->short_search, BB_CASE_SORT_NEWEST);
}

static gboolean
raw_search_short (Bench *bench)
{
  g_autofree char *folded = g_utf8_casefold (bench->short_search->search, -1);
  Arg args[] = { ARG_TEXT (folded), ARG_TEXT (folded), ARG_INT (G_MAXINT64), ARG_INT (PAGE + 1) };
  gint64 matches;

  if (!raw_count (bench, RAW_SHORT_MATCHES, args, 2, &matches))
    return FALSE;
  return raw_page (bench, matches >= 5000 ? RAW_SEARCH_SHORT_DENSE : RAW_SEARCH_SHORT, args,
                   G_N_ELEMENTS (args));
}

static gboolean
raw_search_trigram (Bench       *bench,
                    const char  *query)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", query);
  Arg args[] = { ARG_TEXT (quoted), ARG_INT (G_MAXINT64), ARG_INT (PAGE + 1) };

  return raw_page (bench, RAW_SEARCH_TRIGRAM, args, G_N_ELEMENTS (args));
}

static gboolean
gda_search_name (Bench *bench)
{
  return page (bench, bench->name_search, BB_CASE_SORT_NEWEST);
}

static gboolean
raw_search_name (Bench *bench)
{
  return raw_search_trigram (bench, bench->name_search->search);
}

static gboolean
gda_search_matter (Bench *bench)
{
  return page (bench, bench->matter_search, BB_CASE_SORT_NEWEST);
}

static gboolean
raw_search_matter (Bench *bench)
{
  return raw_search_trigram (bench, bench->matter_search->search);
}

/* The statistics of a year, as the charts page computes them… */
static gboolean
gda_statistics (Bench *bench)
{
  g_autoptr(BbStats) stats = bb_stats_compute (bench->db, bench->actor, bench->stats_from,
                                               bench->stats_to, NULL, NULL, NULL, &bench->error);

  return stats != NULL;
}

/* …and the same statements through the SQLite C API, each bound by name. */
static gboolean
raw_statistics (Bench *bench)
{
  for (guint i = 0; i < bench->stats_sql->len; i++)
    {
      /* Prepared once and kept, as bb_database_prepare() keeps libgda's. */
      sqlite3_stmt *statement = raw_statement (bench, g_ptr_array_index (bench->stats_sql, i));
      int rc;

      if (statement == NULL)
        return FALSE;
      for (int p = 1; p <= sqlite3_bind_parameter_count (statement); p++)
        {
          GVariant *value = g_hash_table_lookup (bench->stats_values,
                                                 sqlite3_bind_parameter_name (statement, p) + 1);

          g_assert (value != NULL);
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            sqlite3_bind_text (statement, p, g_variant_get_string (value, NULL), -1,
                               SQLITE_STATIC);
          else
            sqlite3_bind_int64 (statement, p, g_variant_get_int64 (value));
        }
      while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (statement); c++)
            {
              if (sqlite3_column_type (statement, c) == SQLITE_TEXT)
                g_free (g_strdup ((const char *) sqlite3_column_text (statement, c)));
              else
                (void) sqlite3_column_int64 (statement, c);
            }
        }
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      if (rc != SQLITE_DONE)
        {
          g_set_error (&bench->error, BB_ERROR, BB_ERROR_FAILED, "%s",
                       sqlite3_errmsg (bench->raw));
          return FALSE;
        }
    }
  return TRUE;
}

/* The year up to today, and bb-stats' statements with `##name::type`
 * turned into SQLite's `:name`. */
static gboolean
prepare_statistics (Bench *bench)
{
  g_autoptr(GRegex) placeholder = g_regex_new ("##([a-z_]+)::[a-z0-9]+(::null)?", 0, 0, NULL);
  const char * const *statements = bb_stats_sqlite_statements ();
  GDate today, first;

  bb_clock_today (&today);
  first = today;
  g_date_subtract_years (&first, 1);
  g_date_add_days (&first, 1);
  bench->stats_from = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&first),
                                       g_date_get_month (&first), g_date_get_day (&first));
  bench->stats_to = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&today),
                                     g_date_get_month (&today), g_date_get_day (&today));
  bench->stats_values = bb_stats_parameters (bench->stats_from, bench->stats_to, &bench->error);
  if (bench->stats_values == NULL)
    return FALSE;
  bench->stats_sql = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; statements[i] != NULL; i++)
    g_ptr_array_add (bench->stats_sql, g_regex_replace (placeholder, statements[i], -1, 0,
                                                        ":\\1", 0, NULL));
  return TRUE;
}

static gboolean
gda_case_detail (Bench *bench)
{
  g_autoptr(BbCaseDetail) detail = bb_case_repo_get_detail (bench->db, bench->actor,
                                                            bench->case_number, &bench->error);

  return detail != NULL;
}

static gboolean
raw_case_detail (Bench *bench)
{
  Arg number[] = { ARG_TEXT (bench->case_number) };
  int rows = raw_query (bench, RAW_CASE_DETAIL, number, G_N_ELEMENTS (number), RAW_DETAIL);

  if (rows == 0)
    g_set_error (&bench->error, BB_ERROR, BB_ERROR_NOT_FOUND,
                 _("There is no case numbered “%s”"), bench->case_number);
  return rows > 0;
}

/* Timing */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Runs @operation once, adding its time in ms to @times. */
static gboolean
time_run (Bench     *bench,
          Operation  operation,
          double    *times,
          guint      run)
{
  gint64 start = g_get_monotonic_time ();

  if (!operation (bench))
    return FALSE;
  times[run] = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  return times[n / 2];
}

/* The medians of @runs runs of each side, in ms, after one run of each that
 * warms the caches; *@raw_ms negative without @with_raw. The runs of the
 * two sides take turns, so that both meet the same moments of a shared,
 * noisy machine: timed one side after the other, sub-millisecond medians
 * moved by a third from one bench to the next. */
static gboolean
median_ms (Bench     *bench,
           Operation  with_gda,
           Operation  with_raw,
           double    *ms,
           double    *raw_ms)
{
  g_autofree double *times = g_new (double, bench->runs);
  g_autofree double *raw_times = g_new (double, bench->runs);

  if (!with_gda (bench) || (with_raw != NULL && !with_raw (bench)))
    return FALSE;
  for (guint i = 0; i < bench->runs; i++)
    if (!time_run (bench, with_gda, times, i) ||
        (with_raw != NULL && !time_run (bench, with_raw, raw_times, i)))
      return FALSE;
  *ms = median (times, bench->runs);
  *raw_ms = with_raw != NULL ? median (raw_times, bench->runs) : -1;
  return TRUE;
}

/* Table output */

/* How many columns @text takes on a terminal: wide (CJK) characters two,
 * combining marks none. printf pads by bytes, which for UTF-8 is neither. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Appends @text to @line, padded with spaces to @width columns: on the
 * right (left-aligned) or on the left (right-aligned). */
static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right_aligned)
{
  guint used = display_width (text);
  guint pad = used < width ? width - used : 0;

  if (right_aligned)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right_aligned)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
}

#define TIME_WIDTH  13
#define RATIO_WIDTH 7

static void
print_line (const Bench *bench,
            const char  *name,
            const char  *libgda,
            const char  *raw,
            const char  *ratio,
            const char  *target)
{
  g_autoptr(GString) line = g_string_new (NULL);

  append_cell (line, name, bench->name_width, FALSE);
  g_string_append_c (line, ' ');
  append_cell (line, libgda, TIME_WIDTH, TRUE);
  g_string_append_c (line, ' ');
  append_cell (line, raw, TIME_WIDTH, TRUE);
  g_string_append_c (line, ' ');
  append_cell (line, ratio, RATIO_WIDTH, TRUE);
  g_string_append (line, "   ");
  g_string_append (line, target);
  /* No trailing spaces after an empty target. */
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_print ("%s\n", line->str);
}

static void
print_row (const Bench *bench,
           const char  *name,
           double       ms,
           double       raw_ms,
           const char  *target)
{
  g_autofree char *gda_text = g_strdup_printf ("%.3f ms", ms);
  g_autofree char *raw_text = raw_ms >= 0 ? g_strdup_printf ("%.3f ms", raw_ms) : g_strdup ("-");
  g_autofree char *ratio = raw_ms > 0 ? g_strdup_printf ("%.2f×", ms / raw_ms) : g_strdup ("-");

  print_line (bench, name, gda_text, raw_text, ratio, target);
}

static gboolean
time_operation (Bench      *bench,
                const char *name,
                Operation   with_gda,
                Operation   with_raw,
                const char *target)
{
  double ms, raw_ms;

  if (!median_ms (bench, with_gda, bench->raw != NULL ? with_raw : NULL, &ms, &raw_ms))
    return FALSE;
  print_row (bench, name, ms, raw_ms, target);
  return TRUE;
}

/* Picks what to look for from the data: the name of a client with a
 * three-character name (and its first two characters), a case to read. */
static gboolean
choose_queries (Bench *bench)
{
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  BbCaseSummary *chosen = NULL;

  filter->states = BB_CASE_STATE_BIT (BB_STATE_ARCHIVED);
  rows = bb_case_query_page (bench->db, bench->actor, filter, BB_CASE_SORT_NEWEST, NULL, 1000,
                             NULL, &bench->error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = bb_case_query_page (bench->db, bench->actor, bench->everything, BB_CASE_SORT_NEWEST,
                                 NULL, 1000, NULL, &bench->error);
      if (rows == NULL)
        return FALSE;
    }
  for (guint i = 0; i < rows->len && chosen == NULL; i++)
    {
      BbCaseSummary *row = g_ptr_array_index (rows, i);

      if (g_utf8_strlen (row->client_name, -1) == 3)
        chosen = row;
    }
  if (chosen == NULL)
    chosen = g_ptr_array_index (rows, 0);

  bench->name_search->search = g_utf8_substring (chosen->client_name, 0, 3);
  bench->short_search->search = g_utf8_substring (chosen->client_name, 0, 2);
  bench->matter_search->search = g_strdup ("公积金");
  bench->case_number = g_strdup (chosen->number);
  return TRUE;
}

int
bb_cli_command_bench (BbCliGlobals  *globals,
                      int            argc,
                      char         **argv)
{
  g_autofree char *cases_text = NULL;
  g_autofree char *runs_text = NULL;
  g_autofree char *engine = NULL;
  g_autofree char *db_text = NULL;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_STRING, &cases_text,
      N_("How many cases to seed (default 100000)"), N_("N") },
    { "runs", 0, 0, G_OPTION_ARG_STRING, &runs_text,
      N_("Runs of each operation; the median is shown (default 7)"), N_("N") },
    { "engine", 0, 0, G_OPTION_ARG_STRING, &engine,
      N_("sqlite (a new temporary file, the default) or postgresql (with --db)"), N_("ENGINE") },
    { "db", 0, 0, G_OPTION_ARG_STRING, &db_text,
      N_("The database: for postgresql an empty one, postgresql://USER@HOST:PORT/DB; for "
         "sqlite a file, seeded unless it holds cases already"), N_("LOCATION") },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, N_("Keep the temporary database"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbLocation) location = NULL;
  g_autofree char *tmp_dir = NULL;
  Seeded seeded = { 0 };
  Bench bench = { 0 };
  guint64 n_cases = DEFAULT_CASES;
  guint64 runs = DEFAULT_RUNS;
  gboolean ok = FALSE;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Seeds demo cases into a new database and times the operations "
                                  "the application relies on, beside the same statements run "
                                  "directly through the SQLite C API."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc > 1)
    return bb_cli_usage_error (context, _("no arguments were expected"));
  if (cases_text != NULL &&
      !g_ascii_string_to_unsigned (cases_text, 10, 1, 100000000, &n_cases, NULL))
    return bb_cli_usage_error (context, _("--cases should be a whole number from 1 to 100000000"));
  if (runs_text != NULL && !g_ascii_string_to_unsigned (runs_text, 10, 1, 1000, &runs, NULL))
    return bb_cli_usage_error (context, _("--runs should be a whole number from 1 to 1000"));

  if ((engine == NULL || g_str_equal (engine, "sqlite")) && db_text != NULL)
    {
      location = bb_location_new_sqlite (db_text);
    }
  else if (engine == NULL || g_str_equal (engine, "sqlite"))
    {
      g_autofree char *path = NULL;

      tmp_dir = g_dir_make_tmp ("bangban-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        return bb_cli_fail (error);
      path = g_build_filename (tmp_dir, "bench.db", NULL);
      location = bb_location_new_sqlite (path);
    }
  else if (g_str_equal (engine, "postgresql"))
    {
      if (db_text == NULL)
        return bb_cli_usage_error (context, _("--engine postgresql needs --db with an empty "
                                              "database"));
      location = bb_location_parse (db_text, &error);
      if (location == NULL)
        return bb_cli_fail (error);
      if (location->engine != BB_ENGINE_POSTGRESQL)
        return bb_cli_usage_error (context, _("--db should be a postgresql:// location"));
    }
  else
    return bb_cli_usage_error (context, _("--engine should be sqlite or postgresql"));
  (void) globals;

  bench.runs = (guint) runs;
  bench.everything = bb_case_filter_new ();
  bench.filtered = bb_case_filter_new ();
  bench.filtered->states = BB_CASE_STATE_BIT (BB_STATE_HANDLING);
  bench.filtered->kind = BB_CASE_PROXY;
  bench.short_search = bb_case_filter_new ();
  bench.name_search = bb_case_filter_new ();
  bench.matter_search = bb_case_filter_new ();

  bench.db = bb_database_open (location, g_getenv ("PGPASSWORD"), NULL, &bench.error);
  if (bench.db == NULL)
    goto out;

  g_print ("bangban-cli bench: %" G_GUINT64_FORMAT " cases, %s, SQLite %s, libgda %s\n",
           n_cases, location->engine == BB_ENGINE_SQLITE ? "SQLite" : "PostgreSQL",
           sqlite3_libversion (), LIBGDA_VERSION);
  {
    g_autoptr(BbCaseFilter) all = bb_case_filter_new ();
    gint64 existing = bb_case_query_count (bench.db, all, &bench.error);

    if (existing < 0)
      goto out;
    if (existing > 0)
      {
        g_autofree char *n_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

        g_print (_("Using the %s cases already in the database\n"), n_text);
        goto seeded;
      }
  }
  g_clear_object (&bench.db);
  if (!seed_in_child (location, n_cases, &seeded, &bench.error))
    goto out;
  g_print ("%-36s %10.0f cases/s (%" G_GINT64_FORMAT " cases, %" G_GINT64_FORMAT
           " clients in %.1f s; bulk part %.0f cases/s)\n",
           "seed", seeded.seconds > 0 ? seeded.n_cases / seeded.seconds : 0.0, seeded.n_cases,
           seeded.n_clients, seeded.seconds,
           seeded.bulk_seconds > 0 ? seeded.n_bulk_cases / seeded.bulk_seconds : 0.0);
  bench.db = bb_database_open (location, g_getenv ("PGPASSWORD"), NULL, &bench.error);
  if (bench.db == NULL)
    goto out;

seeded:
  bench.actor = bb_actor_new_system ();

  if (location->engine == BB_ENGINE_SQLITE &&
      sqlite3_open_v2 (location->path, &bench.raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (&bench.error, BB_ERROR, BB_ERROR_FAILED, "%s", sqlite3_errmsg (bench.raw));
      goto out;
    }
  bench.raw_statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  if (!choose_queries (&bench) || !prepare_statistics (&bench))
    goto out;

  {
    g_autofree char *short_name = g_strdup_printf (_("search, 2 characters “%s”"),
                                                   bench.short_search->search);
    g_autofree char *name = g_strdup_printf (_("search, 3 characters “%s”"),
                                             bench.name_search->search);
    g_autofree char *matter = g_strdup_printf (_("search, 3 characters “%s”"),
                                               bench.matter_search->search);
    const char * const labels[] = {
      _("operation (median)"), _("open"), _("first page (100 rows)"),
      _("filtered page (proxy, handling, by deadline)"), short_name, name, matter,
      _("statistics of a year"), _("one case with its history"),
    };

    /* The name column fits the widest label, in display columns. */
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      bench.name_width = MAX (bench.name_width, display_width (labels[i]));
    print_line (&bench, labels[0], "libgda", "SQLite C API", _("ratio"), _("target"));

    ok = time_operation (&bench, _("open"), gda_open, raw_open, "") &&
         time_operation (&bench, _("first page (100 rows)"), gda_first_page, raw_first_page,
                         "≤ 20 ms") &&
         time_operation (&bench, _("filtered page (proxy, handling, by deadline)"),
                         gda_filtered_page, raw_filtered_page, "") &&
         time_operation (&bench, short_name, gda_search_short, raw_search_short, "≤ 100 ms") &&
         time_operation (&bench, name, gda_search_name, raw_search_name, "≤ 100 ms") &&
         time_operation (&bench, matter, gda_search_matter, raw_search_matter, "≤ 100 ms") &&
         time_operation (&bench, _("statistics of a year"), gda_statistics,
                         raw_statistics, "< 300 ms") &&
         time_operation (&bench, _("one case with its history"), gda_case_detail,
                         raw_case_detail, "≤ 5 ms");
  }

out:
  if (!ok)
    status = bb_cli_fail (bench.error);
  g_clear_error (&bench.error);
  /* Keyed by the statements' addresses, as libgda's cache is. */
  g_clear_pointer (&bench.raw_statements, g_hash_table_unref);
  if (bench.raw != NULL)
    sqlite3_close (bench.raw);
  g_clear_object (&bench.db);
  g_clear_pointer (&bench.actor, bb_actor_free);
  bb_case_filter_free (bench.everything);
  bb_case_filter_free (bench.filtered);
  bb_case_filter_free (bench.short_search);
  bb_case_filter_free (bench.name_search);
  bb_case_filter_free (bench.matter_search);
  g_free (bench.case_number);
  g_free (bench.stats_from);
  g_free (bench.stats_to);
  g_clear_pointer (&bench.stats_values, g_hash_table_unref);
  g_clear_pointer (&bench.stats_sql, g_ptr_array_unref);

  if (tmp_dir != NULL)
    {
      if (keep)
        g_printerr (_("The database is kept in %s\n"), tmp_dir);
      else
        {
          static const char * const names[] = { "bench.db", "bench.db-wal", "bench.db-shm" };

          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            {
              g_autofree char *path = g_build_filename (tmp_dir, names[i], NULL);

              g_unlink (path);
            }
          g_rmdir (tmp_dir);
        }
    }
  return status;
}
