/* bb-case-query.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case list: filtered, sorted pages read by keyset, never by OFFSET and
 * never the whole table, so that one million cases list as fast as a
 * thousand; counts and the dashboard's counters.
 *
 * Statements: every combination of filters, sort order and search path has
 * its own statement text, put together here from the constant fragments
 * below (never from input: values are always ##parameters) and interned,
 * so that bb_database_prepare_verbatim() parses each combination once. The
 * statements that read pages, keys and counts go to the engine as written,
 * which spares libgda copying their parsed form into every result model.
 *
 * Search paths:
 * - a whole case number, ID number, credit code or mobile number goes
 *   straight to its indexed column;
 * - three characters or more use the trigram index: FTS5 on SQLite (read in
 *   rowid order, so the newest matches stream out first), pg_trgm behind
 *   ILIKE on PostgreSQL;
 * - one or two characters, which a trigram index cannot find, use
 *   client_gram (every 1- and 2-character piece of every client name,
 *   casefolded) and the names of the catalogue's matters.
 */

#define G_LOG_DOMAIN "bb-case-query"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-case-query.h"
#include "bb-case-query-private.h"
#include "bb-clock.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-json-row.h"
#include "bb-validate.h"

/* The largest page bb_case_query_page() reads. */
#define MAX_PAGE 10000

typedef enum
{
  SEARCH_NONE,
  SEARCH_TRIGRAM,
  SEARCH_SHORT,
  SEARCH_NUMBER,
  SEARCH_ID_NUMBER,
  SEARCH_CREDIT_CODE,
  SEARCH_PHONE,
  SEARCH_SHORT_DENSE,
} SearchMode;

/* From how many cases on a one- or two-character search reads the case
 * table in the order wanted instead of collecting and sorting matches. */
#define DENSE_CASES 5000

typedef enum
{
  DUE_NONE,
  DUE_SOON,
  DUE_OVERDUE,
  DUE_EITHER,
} DueMode;

/* The deadline sort reads the cases with a deadline first, then those
 * without: two key ranges, each read by keyset. */
typedef enum
{
  PHASE_KEYED,
  PHASE_UNDATED,
} Phase;

struct _BbCaseCursor
{
  BbCaseSort  sort;
  SearchMode  search;
  Phase       phase;
  char       *key;       /* deadline or number */
  int         priority;
  gint64      applied_at;
  gint64      id;
};

/* What a statement looks like: everything that changes its text. */
typedef struct
{
  gboolean    sqlite;
  guint       n_states;
  gboolean    kind;
  gboolean    staff;
  gboolean    category;
  DueMode     due;
  SearchMode  search;
  gboolean    completed_since;
  gboolean    completed_before;
  gboolean    rectification;
} Shape;

/* A filter turned into a shape and the values of its parameters. */
typedef struct
{
  Shape       shape;
  const char *states[BB_N_STATES];
  const char *kind;
  gint64      staff;
  const char *category;
  char       *search_value;
  char       *needle;
  gint64      completed_since;
  gint64      completed_before;
  char        today[16];
  char        soon[16];
} Plan;

G_DEFINE_BOXED_TYPE (BbCaseFilter, bb_case_filter, bb_case_filter_copy, bb_case_filter_free)
G_DEFINE_BOXED_TYPE (BbCaseCursor, bb_case_cursor, bb_case_cursor_copy, bb_case_cursor_free)

/* Statement fragments */

/* What a cursor needs: the keys of every sort order. */
#define KEY_COLUMNS "c.id, c.number, c.deadline, c.priority, c.applied_at"

/* A page's columns: bb-case-query-private.h. */
#define COLUMNS_SQLITE BB_CASE_QUERY_COLUMNS_SQLITE
#define COLUMNS_PG BB_CASE_QUERY_COLUMNS_PG

enum
{
  COL_ID,
  COL_NUMBER,
  COL_KIND,
  COL_STATE,
  COL_CLIENT_ID,
  COL_CLIENT_NAME,
  COL_CLIENT_KIND,
  COL_ID_NUMBER,
  COL_CREDIT_CODE,
  COL_CATEGORY,
  COL_MATTER,
  COL_RESPONSIBLE_ID,
  COL_RESPONSIBLE_NUMBER,
  COL_RESPONSIBLE_NAME,
  COL_DEADLINE,
  COL_PRIORITY,
  COL_APPLIED_AT,
  COL_UPDATED_AT,
  N_COLUMNS
};

static const GType summary_types[] = { G_TYPE_STRING, G_TYPE_NONE };

/* On SQLite the trigram search reads the FTS5 table first and in rowid
 * (= case id) order, which lets a newest-first page stop after LIMIT rows;
 * ordering by c.id instead would sort every match. */
static const char FROM_FTS[] =
  " FROM case_search_fts JOIN bb_case c ON c.id = case_search_fts.rowid";
static const char FROM_FTS_ONLY[] = " FROM case_search_fts";
static const char FROM_PG_TRIGRAM[] =
  " FROM case_search cs JOIN bb_case c ON c.id = cs.case_id";
static const char FROM_CASE[] =
  " FROM bb_case c";
static const char JOIN_CLIENT[] =
  " JOIN client cl ON cl.id = c.client_id";
static const char JOIN_STAFF[] =
  " LEFT JOIN staff s ON s.id = c.responsible_id";

static const char ID_FTS[] = "case_search_fts.rowid";
static const char ID_CASE[] = "c.id";

static const char TERM_KIND[] = "c.kind = ##kind::string";
static const char TERM_STAFF[] = "c.responsible_id = ##staff::gint64";
static const char TERM_CATEGORY[] = "cl.category = ##category::string";
static const char TERM_DUE_SOON[] =
  "c.state = 'handling' AND c.deadline >= ##today::string AND c.deadline < ##soon::string";
static const char TERM_OVERDUE[] =
  "c.state = 'handling' AND c.deadline < ##today::string";
static const char TERM_DUE_EITHER[] =
  "c.state = 'handling' AND c.deadline < ##soon::string";
/* Completed as the dashboard counts it: a disputed case is back in
 * handling, its completed_at cleared. On SQLite the unary + keeps the
 * planner from reading four states by the state index instead of the
 * completed_at range. */
static const char TERM_COMPLETED_STATE_SQLITE[] =
  "+c.state IN ('completed', 'delivered', 'confirmed', 'archived')";
static const char TERM_COMPLETED_STATE_PG[] =
  "c.state IN ('completed', 'delivered', 'confirmed', 'archived')";
static const char TERM_COMPLETED_SINCE[] = "c.completed_at >= ##completed_since::gint64";
static const char TERM_COMPLETED_BEFORE[] = "c.completed_at < ##completed_before::gint64";
/* A rectification (整改) left open or with its measures under way past its
 * deadline; read by the rectification_state (state, deadline) index. */
static const char TERM_RECTIFICATION_OVERDUE[] =
  "c.id IN (SELECT case_id FROM rectification WHERE state IN ('open', 'measures') "
  "AND deadline < ##today::string)";
static const char TERM_FTS[] = "case_search_fts MATCH ##search::string";
static const char TERM_PG_TRIGRAM[] = "cs.body ILIKE ##search::string";
static const char TERM_SHORT_SQLITE[] =
  "(c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ##search::string) "
  "OR c.item_id IN (SELECT id FROM catalogue_item WHERE instr(lower(name), ##needle::string) > 0))";
static const char TERM_SHORT_PG[] =
  "(c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ##search::string) "
  "OR c.item_id IN (SELECT id FROM catalogue_item WHERE strpos(lower(name), ##needle::string) > 0))";
/* The same for a text that many cases match (a surname, a word of many
 * matters): the unary + keeps SQLite from collecting every match through
 * the indexes and sorting them, so that it reads cases in the order wanted
 * and stops at the end of the page. */
static const char TERM_SHORT_DENSE_SQLITE[] =
  "(+c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ##search::string) "
  "OR +c.item_id IN (SELECT id FROM catalogue_item WHERE instr(lower(name), ##needle::string) > 0))";
static const char TERM_NUMBER[] = "c.number = ##search::string";
static const char TERM_ID_NUMBER[] =
  "c.client_id IN (SELECT id FROM client WHERE id_number = ##search::string)";
static const char TERM_CREDIT_CODE[] =
  "c.client_id IN (SELECT id FROM client WHERE credit_code = ##search::string)";
static const char TERM_PHONE[] =
  "c.client_id IN (SELECT id FROM client WHERE phone = ##search::string)";

static const char SQL_NUMBER_EXISTS[] =
  "SELECT id FROM bb_case WHERE number = ##number::string";
static const char SQL_SHORT_MATCHES_SQLITE[] =
  "SELECT count(*) FROM (SELECT 1 FROM bb_case c WHERE "
  "c.client_id IN (SELECT client_id FROM client_gram WHERE gram = ##search::string) "
  "OR c.item_id IN (SELECT id FROM catalogue_item WHERE instr(lower(name), ##needle::string) > 0) "
  "LIMIT " G_STRINGIFY (DENSE_CASES) ")";

#define COUNTERS(completed_state) \
  "SELECT " \
  "(SELECT count(*) FROM bb_case WHERE state IN " \
  "('consultation', 'applied', 'routed', 'analysed', 'handling')), " \
  "(SELECT count(*) FROM bb_case WHERE state = 'handling' " \
  "AND deadline >= ##today::string AND deadline < ##soon::string), " \
  "(SELECT count(*) FROM bb_case WHERE state = 'handling' AND deadline < ##today::string), " \
  "(SELECT count(*) FROM bb_case WHERE state = 'suspended'), " \
  "(SELECT count(*) FROM bb_case WHERE completed_at >= ##month_start::gint64 " \
  "AND completed_at < ##month_end::gint64 " \
  "AND " completed_state " IN ('completed', 'delivered', 'confirmed', 'archived')), " \
  "(SELECT count(DISTINCT case_id) FROM rectification WHERE state IN ('open', 'measures') " \
  "AND deadline < ##today::string)"

/* Without statistics SQLite would rather read the cases of four states by
 * the state index than a month of completed_at: the unary + steers it. */
static const char SQL_COUNTERS_SQLITE[] = COUNTERS ("+state");
static const char SQL_COUNTERS_PG[] = COUNTERS ("state");

static const char SQL_BY_STATE[] =
  "SELECT state, count(*) FROM bb_case GROUP BY state";
/* Applications per day of the time zone of record (days since 1970-01-01,
 * shifted by its offset from UTC), added up into months in C: integer
 * arithmetic reads a million rows three times faster than date functions. */
static const char SQL_BY_DAY[] =
  "SELECT (applied_at + ##offset::gint64) / 86400000000 AS day, count(*) "
  "FROM bb_case GROUP BY day ORDER BY day";

/* Filters, cursors, sorts */

/**
 * bb_case_filter_new:
 *
 * Returns: (transfer full): a filter that lets every case through
 */
BbCaseFilter *
bb_case_filter_new (void)
{
  BbCaseFilter *filter = g_new0 (BbCaseFilter, 1);

  filter->kind = BB_CASE_KIND_ANY;
  return filter;
}

BbCaseFilter *
bb_case_filter_copy (const BbCaseFilter *filter)
{
  BbCaseFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->category = g_strdup (filter->category);
  copy->search = g_strdup (filter->search);
  return copy;
}

void
bb_case_filter_free (BbCaseFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->category);
  g_free (filter->search);
  g_free (filter);
}

static gboolean
empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/**
 * bb_case_filter_equal:
 *
 * Returns: whether both filters select the same cases (%NULL and "" are the
 *   same category or search)
 */
gboolean
bb_case_filter_equal (const BbCaseFilter *a,
                      const BbCaseFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return (a->states & ((1u << BB_N_STATES) - 1)) == (b->states & ((1u << BB_N_STATES) - 1)) &&
         a->kind == b->kind &&
         a->responsible_id == b->responsible_id &&
         (empty (a->category) ? empty (b->category) : g_strcmp0 (a->category, b->category) == 0) &&
         !a->due_soon == !b->due_soon &&
         !a->overdue == !b->overdue &&
         a->completed_since == b->completed_since &&
         a->completed_before == b->completed_before &&
         !a->rectification_overdue == !b->rectification_overdue &&
         (empty (a->search) ? empty (b->search) : g_strcmp0 (a->search, b->search) == 0);
}

/* The start of @date in the time zone of record, in µs since the epoch. */
static gint64
day_start_usec (const GDate *date)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_get_year (date),
                                                g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

/* The first of this month and of the next (BANGBAN_NOW applies). */
static void
this_month (gint64 *start,
            gint64 *end)
{
  GDate date;

  bb_clock_today (&date);
  g_date_set_day (&date, 1);
  *start = day_start_usec (&date);
  g_date_add_months (&date, 1);
  *end = day_start_usec (&date);
}

/**
 * bb_case_filter_set_completed_this_month:
 *
 * Bounds @filter to the cases completed since the first day of this month
 * in the time zone of record (BANGBAN_NOW applies): the cases the
 * dashboard's “completed this month” tile counts.
 */
void
bb_case_filter_set_completed_this_month (BbCaseFilter *filter)
{
  g_return_if_fail (filter != NULL);

  this_month (&filter->completed_since, &filter->completed_before);
}

static gboolean
parse_day (const char  *text,
           const char  *field,
           gint64      *usec,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate date;

  *usec = 0;
  if (text == NULL)
    return TRUE;
  if (!bb_validate_date (text, &date, &local_error))
    {
      bb_set_field_error (error, field, "%s", _("should be a date written as YYYY-MM-DD"));
      return FALSE;
    }
  *usec = day_start_usec (&date);
  return TRUE;
}

/**
 * bb_case_filter_set_completed_days:
 * @since: (nullable): the first day (`YYYY-MM-DD`, time zone of record) of
 *   completions to show; %NULL for no lower bound
 * @before: (nullable): the first day not shown any more; %NULL for no upper
 *   bound
 *
 * Sets #BbCaseFilter.completed_since and completed_before from days.
 *
 * Returns: %FALSE with a field error when a day is not a valid date;
 *   @filter is left as it was
 */
gboolean
bb_case_filter_set_completed_days (BbCaseFilter  *filter,
                                   const char    *since,
                                   const char    *before,
                                   GError       **error)
{
  gint64 since_usec, before_usec;

  g_return_val_if_fail (filter != NULL, FALSE);

  if (!parse_day (since, _("Completed since"), &since_usec, error) ||
      !parse_day (before, _("Completed before"), &before_usec, error))
    return FALSE;
  filter->completed_since = since_usec;
  filter->completed_before = before_usec;
  return TRUE;
}

BbCaseCursor *
bb_case_cursor_copy (const BbCaseCursor *cursor)
{
  BbCaseCursor *copy;

  g_return_val_if_fail (cursor != NULL, NULL);

  copy = g_memdup2 (cursor, sizeof *cursor);
  copy->key = g_strdup (cursor->key);
  return copy;
}

void
bb_case_cursor_free (BbCaseCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_free (cursor->key);
  g_free (cursor);
}

static const char *sort_names[] = { "newest", "deadline", "number", "queue" };

const char *
bb_case_sort_to_string (BbCaseSort sort)
{
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_names), NULL);

  return sort_names[sort];
}

gboolean
bb_case_sort_from_string (const char *text,
                          BbCaseSort *sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (text, sort_names[i]) == 0)
      {
        *sort = (BbCaseSort) i;
        return TRUE;
      }
  return FALSE;
}

/* Search classification */

static gboolean
is_ascii_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_mobile (const char *text)
{
  if (strlen (text) != 11 || text[0] != '1')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* An FTS5 string: the query between double quotes, inner ones doubled, so
 * that no character of it is query syntax. */
static char *
fts5_string (const char *query)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* A LIKE pattern finding @query anywhere, its %, _ and \ escaped with the
 * backslash, PostgreSQL's default escape character. */
static char *
like_contains (const char *query)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static gboolean
number_exists (BbDatabase  *db,
               const char  *number,
               gboolean    *exists,
               GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, SQL_NUMBER_EXISTS);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_string (params, "number", number);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return FALSE;
  *exists = gda_data_model_get_n_rows (model) > 0;
  return TRUE;
}

static GdaSet *page_params (BbDatabase   *db,
                            GdaStatement *statement);
static void    bind_string (GdaSet       *params,
                            const char   *name,
                            const char   *value);

/* Whether at least DENSE_CASES cases match a short search (SQLite). */
static gboolean
short_search_is_dense (BbDatabase  *db,
                       const char  *folded,
                       gboolean    *dense,
                       GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement;
  GdaSet *params;
  g_autoptr(GdaDataModel) model = NULL;

  /* Kept parameters, as a page's (see page_params()). */
  bb_database_lock (db);
  statement = bb_database_prepare_verbatim (db, SQL_SHORT_MATCHES_SQLITE);
  params = page_params (db, statement);
  bind_string (params, "search", folded);
  bind_string (params, "needle", folded);
  model = bb_database_select (db, statement, params, types, error);
  bb_database_unlock (db);
  if (model == NULL)
    return FALSE;
  *dense = bb_model_get_int64 (model, 0, 0, 0) >= DENSE_CASES;
  return TRUE;
}

/* Decides the search path for @text and the values of its parameters.
 * @mode is the path an earlier page chose, or SEARCH_NONE to decide. */
static gboolean
plan_search (BbDatabase  *db,
             const char  *text,
             SearchMode   mode,
             Plan        *plan,
             GError     **error)
{
  gboolean sqlite = plan->shape.sqlite;
  g_autofree char *stripped = NULL;
  g_autofree char *query = NULL;

  if (empty (text))
    {
      plan->shape.search = SEARCH_NONE;
      return TRUE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      bb_set_field_error (error, _("Search"), _("the text is not valid UTF-8"));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      plan->shape.search = SEARCH_NONE;
      return TRUE;
    }
  query = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);

  if (mode == SEARCH_NONE && is_ascii_word (query))
    {
      g_autofree char *id_number = bb_normalize_id_number (query);
      g_autofree char *credit_code = bb_normalize_credit_code (query);
      gboolean exists = FALSE;

      if (id_number != NULL && bb_validate_id_number (id_number, NULL))
        mode = SEARCH_ID_NUMBER;
      else if (credit_code != NULL && bb_validate_credit_code (credit_code, NULL))
        mode = SEARCH_CREDIT_CODE;
      else if (is_mobile (query) && bb_validate_phone (query, NULL))
        mode = SEARCH_PHONE;
      else
        {
          if (strlen (query) <= 64 && !number_exists (db, query, &exists, error))
            return FALSE;
          if (exists)
            mode = SEARCH_NUMBER;
        }
    }
  if (mode == SEARCH_NONE && g_utf8_strlen (query, -1) >= 3)
    mode = SEARCH_TRIGRAM;
  else if (mode == SEARCH_NONE)
    {
      g_autofree char *folded = g_utf8_casefold (query, -1);
      gboolean dense = FALSE;

      if (sqlite && !short_search_is_dense (db, folded, &dense, error))
        return FALSE;
      mode = dense ? SEARCH_SHORT_DENSE : SEARCH_SHORT;
    }

  plan->shape.search = mode;
  switch (mode)
    {
    case SEARCH_ID_NUMBER:
      plan->search_value = bb_normalize_id_number (query);
      break;
    case SEARCH_CREDIT_CODE:
      plan->search_value = bb_normalize_credit_code (query);
      break;
    case SEARCH_PHONE:
    case SEARCH_NUMBER:
      plan->search_value = g_strdup (query);
      break;
    case SEARCH_TRIGRAM:
      plan->search_value = sqlite ? fts5_string (query) : like_contains (query);
      break;
    case SEARCH_SHORT:
    case SEARCH_SHORT_DENSE:
      plan->search_value = g_utf8_casefold (query, -1);
      plan->needle = g_utf8_casefold (query, -1);
      break;
    case SEARCH_NONE:
    default:
      g_assert_not_reached ();
    }
  if (plan->search_value == NULL)
    plan->search_value = g_strdup (query);
  return TRUE;
}

/* Plans */

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->search_value, g_free);
  g_clear_pointer (&plan->needle, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static void
format_date (const GDate *date,
             char        *out,
             gsize        size)
{
  g_snprintf (out, size, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* Today, and the first day that is more than one working day away: a
 * deadline in [today, soon) is due soon, as bb_calendar_deadline_state()
 * says. */
static gboolean
compute_due_dates (BbDatabase  *db,
                   char        *today_out,
                   char        *soon_out,
                   gsize        size,
                   GError     **error)
{
  g_autoptr(BbCalendar) calendar = bb_holiday_repo_load_calendar (db, error);
  GDate today, soon;

  if (calendar == NULL)
    return FALSE;

  bb_clock_today (&today);
  bb_calendar_add_working_days (calendar, &today, 2, &soon);
  format_date (&today, today_out, size);
  format_date (&soon, soon_out, size);
  return TRUE;
}

static gboolean
plan_filter (BbDatabase          *db,
             const BbCaseFilter  *filter,
             SearchMode           search_mode,
             Plan                *plan,
             GError             **error)
{
  guint states = filter->states & ((1u << BB_N_STATES) - 1);

  memset (plan, 0, sizeof *plan);
  plan->shape.sqlite = bb_database_get_engine (db) == BB_ENGINE_SQLITE;

  if (states != 0 && states != (1u << BB_N_STATES) - 1)
    for (guint s = 0; s < BB_N_STATES; s++)
      if (states & BB_CASE_STATE_BIT (s))
        plan->states[plan->shape.n_states++] = bb_case_state_to_string ((BbCaseState) s);

  if (filter->kind != BB_CASE_KIND_ANY)
    {
      if (filter->kind != BB_CASE_ASSIST && filter->kind != BB_CASE_PROXY)
        {
          bb_set_field_error (error, _("Kind"), _("unknown case kind %d"), filter->kind);
          return FALSE;
        }
      plan->shape.kind = TRUE;
      plan->kind = bb_case_kind_to_string ((BbCaseKind) filter->kind);
    }

  if (filter->responsible_id != 0)
    {
      plan->shape.staff = TRUE;
      plan->staff = filter->responsible_id;
    }

  if (!empty (filter->category))
    {
      plan->shape.category = TRUE;
      plan->category = filter->category;
    }

  if (filter->due_soon || filter->overdue)
    {
      plan->shape.due = filter->due_soon && filter->overdue ? DUE_EITHER
                        : filter->due_soon ? DUE_SOON : DUE_OVERDUE;
      if (!compute_due_dates (db, plan->today, plan->soon, sizeof plan->today, error))
        return FALSE;
    }

  if (filter->completed_since != 0)
    {
      plan->shape.completed_since = TRUE;
      plan->completed_since = filter->completed_since;
    }
  if (filter->completed_before != 0)
    {
      plan->shape.completed_before = TRUE;
      plan->completed_before = filter->completed_before;
    }

  if (filter->rectification_overdue)
    {
      GDate today;

      plan->shape.rectification = TRUE;
      bb_clock_today (&today);
      format_date (&today, plan->today, sizeof plan->today);
    }

  return plan_search (db, filter->search, search_mode, plan, error);
}

static void
add_term (GString    *sql,
          gboolean   *first,
          const char *term)
{
  g_string_append (sql, *first ? " WHERE " : " AND ");
  g_string_append (sql, term);
  *first = FALSE;
}

static const char *
id_column (const Shape *shape)
{
  return shape->sqlite && shape->search == SEARCH_TRIGRAM ? ID_FTS : ID_CASE;
}

typedef enum
{
  STMT_PAGE,         /* a page of summaries after a keyset */
  STMT_KEYS,         /* the sort keys of the row at an offset (seeking) */
  STMT_COUNT,        /* how many rows */
  STMT_COUNT_DATED,  /* how many rows have a deadline */
} Purpose;

static void
append_from_where (GString     *sql,
                   const Shape *shape,
                   Purpose      purpose,
                   gboolean    *first)
{
  gboolean search_only = shape->n_states == 0 && !shape->kind && !shape->staff &&
                         !shape->category && shape->due == DUE_NONE &&
                         !shape->completed_since && !shape->completed_before &&
                         !shape->rectification;

  /* Counting the matches of a search and nothing else needs no case row. */
  if (purpose == STMT_COUNT && shape->sqlite && shape->search == SEARCH_TRIGRAM && search_only)
    {
      g_string_append (sql, FROM_FTS_ONLY);
      *first = TRUE;
      add_term (sql, first, TERM_FTS);
      return;
    }

  if (shape->search == SEARCH_TRIGRAM)
    g_string_append (sql, shape->sqlite ? FROM_FTS : FROM_PG_TRIGRAM);
  else
    g_string_append (sql, FROM_CASE);
  if (purpose == STMT_PAGE || shape->category)
    g_string_append (sql, JOIN_CLIENT);
  if (purpose == STMT_PAGE)
    g_string_append (sql, JOIN_STAFF);

  *first = TRUE;
  if (shape->n_states > 0)
    {
      g_string_append (sql, " WHERE c.state IN (");
      for (guint i = 0; i < shape->n_states; i++)
        g_string_append_printf (sql, "%s##state%u::string", i > 0 ? ", " : "", i);
      g_string_append_c (sql, ')');
      *first = FALSE;
    }
  if (shape->kind)
    add_term (sql, first, TERM_KIND);
  if (shape->staff)
    add_term (sql, first, TERM_STAFF);
  if (shape->category)
    add_term (sql, first, TERM_CATEGORY);
  switch (shape->due)
    {
    case DUE_SOON:
      add_term (sql, first, TERM_DUE_SOON);
      break;
    case DUE_OVERDUE:
      add_term (sql, first, TERM_OVERDUE);
      break;
    case DUE_EITHER:
      add_term (sql, first, TERM_DUE_EITHER);
      break;
    case DUE_NONE:
    default:
      break;
    }
  if (shape->completed_since || shape->completed_before)
    add_term (sql, first, shape->sqlite ? TERM_COMPLETED_STATE_SQLITE : TERM_COMPLETED_STATE_PG);
  if (shape->completed_since)
    add_term (sql, first, TERM_COMPLETED_SINCE);
  if (shape->completed_before)
    add_term (sql, first, TERM_COMPLETED_BEFORE);
  if (shape->rectification)
    add_term (sql, first, TERM_RECTIFICATION_OVERDUE);
  switch (shape->search)
    {
    case SEARCH_TRIGRAM:
      add_term (sql, first, shape->sqlite ? TERM_FTS : TERM_PG_TRIGRAM);
      break;
    case SEARCH_SHORT:
      add_term (sql, first, shape->sqlite ? TERM_SHORT_SQLITE : TERM_SHORT_PG);
      break;
    case SEARCH_SHORT_DENSE:
      /* Counting has no order to keep: the indexes serve it best. */
      add_term (sql, first, purpose == STMT_PAGE || purpose == STMT_KEYS
                            ? TERM_SHORT_DENSE_SQLITE : TERM_SHORT_SQLITE);
      break;
    case SEARCH_NUMBER:
      add_term (sql, first, TERM_NUMBER);
      break;
    case SEARCH_ID_NUMBER:
      add_term (sql, first, TERM_ID_NUMBER);
      break;
    case SEARCH_CREDIT_CODE:
      add_term (sql, first, TERM_CREDIT_CODE);
      break;
    case SEARCH_PHONE:
      add_term (sql, first, TERM_PHONE);
      break;
    case SEARCH_NONE:
    default:
      break;
    }
}

/* WHERE terms that continue after a cursor's row (pages only) or that pick
 * one phase of the deadline sort, and ORDER BY. */
static void
append_order (GString     *sql,
              const Shape *shape,
              Purpose      purpose,
              BbCaseSort   sort,
              Phase        phase,
              gboolean    *first)
{
  const char *id = id_column (shape);
  gboolean keyset = purpose == STMT_PAGE;

  switch (sort)
    {
    case BB_CASE_SORT_NEWEST:
      if (keyset)
        {
          add_term (sql, first, id);
          g_string_append (sql, " < ##after_id::gint64");
        }
      g_string_append_printf (sql, " ORDER BY %s DESC", id);
      break;
    case BB_CASE_SORT_NUMBER:
      if (keyset)
        add_term (sql, first, "c.number > ##after_key::string");
      g_string_append (sql, " ORDER BY c.number");
      break;
    case BB_CASE_SORT_DEADLINE:
      if (phase == PHASE_KEYED)
        {
          add_term (sql, first, "c.deadline IS NOT NULL");
          if (keyset)
            g_string_append_printf (sql, " AND (c.deadline, %s) > "
                                    "(##after_key::string, ##after_id::gint64)", id);
          g_string_append_printf (sql, " ORDER BY c.deadline, %s", id);
        }
      else
        {
          add_term (sql, first, "c.deadline IS NULL");
          if (keyset)
            g_string_append_printf (sql, " AND %s > ##after_id::gint64", id);
          g_string_append_printf (sql, " ORDER BY %s", id);
        }
      break;
    case BB_CASE_SORT_QUEUE:
      if (keyset)
        {
          add_term (sql, first, "(c.priority < ##after_priority::gint OR "
                                "(c.priority = ##after_priority::gint AND (c.applied_at, ");
          g_string_append_printf (sql, "%s) > (##after_applied::gint64, ##after_id::gint64)))",
                                  id);
        }
      g_string_append_printf (sql, " ORDER BY c.priority DESC, c.applied_at, %s", id);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The text of a statement; interned, so that the address is a stable key
 * for bb_database_prepare_verbatim()'s cache. */
static const char *
build_sql (const Shape *shape,
           Purpose      purpose,
           BbCaseSort   sort,
           Phase        phase)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  gboolean first;

  switch (purpose)
    {
    case STMT_PAGE:
      g_string_append (sql, shape->sqlite ? COLUMNS_SQLITE : COLUMNS_PG);
      break;
    case STMT_KEYS:
      g_string_append (sql, KEY_COLUMNS);
      break;
    case STMT_COUNT:
    case STMT_COUNT_DATED:
    default:
      g_string_append (sql, "count(*)");
      break;
    }

  append_from_where (sql, shape, purpose, &first);

  switch (purpose)
    {
    case STMT_PAGE:
      append_order (sql, shape, purpose, sort, phase, &first);
      g_string_append (sql, " LIMIT ##limit::gint");
      break;
    case STMT_KEYS:
      append_order (sql, shape, purpose, sort, phase, &first);
      g_string_append (sql, " LIMIT 1 OFFSET ##offset::gint64");
      break;
    case STMT_COUNT_DATED:
      add_term (sql, &first, "c.deadline IS NOT NULL");
      break;
    case STMT_COUNT:
    default:
      break;
    }

  return g_intern_string (sql->str);
}

/* build_sql(), remembered by everything that makes the text differ. */
static const char *
compose_sql (const Shape *shape,
             Purpose      purpose,
             BbCaseSort   sort,
             Phase        phase)
{
  static GMutex mutex;
  static GHashTable *texts;
  const char *text;
  guint key;

  key = (guint) shape->sqlite | shape->n_states << 1 | (guint) shape->kind << 5 |
        (guint) shape->staff << 6 | (guint) shape->category << 7 | (guint) shape->due << 8 |
        (guint) shape->search << 10 | (guint) purpose << 13 | (guint) sort << 15 |
        (guint) phase << 17 | (guint) shape->completed_since << 18 |
        (guint) shape->completed_before << 19 | (guint) shape->rectification << 20;

  g_mutex_lock (&mutex);
  if (texts == NULL)
    texts = g_hash_table_new (NULL, NULL);
  text = g_hash_table_lookup (texts, GUINT_TO_POINTER (key));
  if (text == NULL)
    {
      text = build_sql (shape, purpose, sort, phase);
      g_hash_table_insert (texts, GUINT_TO_POINTER (key), (gpointer) text);
    }
  g_mutex_unlock (&mutex);
  return text;
}

/* The parameters of a page statement, made once per statement: making a
 * GdaSet walks the parsed statement and creates a GObject per parameter,
 * a good part of what a page costs. Every page binds every parameter, so
 * nothing of an earlier page is left over. Call with the database locked:
 * the set is shared by every thread that reads that page statement. */
static GdaSet *
page_params (BbDatabase   *db,
             GdaStatement *statement)
{
  GdaSet *params = g_object_get_data (G_OBJECT (statement), "bb-case-query-params");

  if (params == NULL)
    {
      params = bb_database_new_params (db, statement);
      g_object_set_data_full (G_OBJECT (statement), "bb-case-query-params", params,
                              g_object_unref);
    }
  return params;
}

/* Setting a holder validates the value and emits signals on the holder
 * and its set; the page statements keep their parameters from page to
 * page, and mostly the values too (a filter's, the first page's keyset,
 * the limit), so only values that changed are set. */
static void
bind_string (GdaSet     *params,
             const char *name,
             const char *value)
{
  const GValue *current = gda_holder_get_value (gda_set_get_holder (params, name));

  if (current != NULL && value != NULL && G_VALUE_HOLDS_STRING (current) &&
      g_strcmp0 (g_value_get_string (current), value) == 0)
    return;
  bb_params_set_string (params, name, value);
}

static void
bind_int64 (GdaSet     *params,
            const char *name,
            gint64      value)
{
  const GValue *current = gda_holder_get_value (gda_set_get_holder (params, name));

  if (current != NULL && G_VALUE_HOLDS_INT64 (current) && g_value_get_int64 (current) == value)
    return;
  bb_params_set_int64 (params, name, value);
}

static void
bind_int (GdaSet     *params,
          const char *name,
          int         value)
{
  const GValue *current = gda_holder_get_value (gda_set_get_holder (params, name));

  if (current != NULL && G_VALUE_HOLDS_INT (current) && g_value_get_int (current) == value)
    return;
  bb_params_set_int (params, name, value);
}

static void
bind_filter (GdaSet     *params,
             const Plan *plan)
{
  for (guint i = 0; i < plan->shape.n_states; i++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "state%u", i);
      bind_string (params, name, plan->states[i]);
    }
  if (plan->shape.kind)
    bind_string (params, "kind", plan->kind);
  if (plan->shape.staff)
    bind_int64 (params, "staff", plan->staff);
  if (plan->shape.category)
    bind_string (params, "category", plan->category);
  if (plan->shape.due == DUE_SOON || plan->shape.due == DUE_OVERDUE || plan->shape.rectification)
    bind_string (params, "today", plan->today);
  if (plan->shape.due == DUE_SOON || plan->shape.due == DUE_EITHER)
    bind_string (params, "soon", plan->soon);
  if (plan->shape.completed_since)
    bind_int64 (params, "completed_since", plan->completed_since);
  if (plan->shape.completed_before)
    bind_int64 (params, "completed_before", plan->completed_before);
  if (plan->shape.search != SEARCH_NONE)
    bind_string (params, "search", plan->search_value);
  if (plan->shape.search == SEARCH_SHORT || plan->shape.search == SEARCH_SHORT_DENSE)
    bind_string (params, "needle", plan->needle);
}

static void
bind_keyset (GdaSet             *params,
             BbCaseSort          sort,
             Phase               phase,
             const BbCaseCursor *after)
{
  /* Without a cursor: keys that come before every row. */
  switch (sort)
    {
    case BB_CASE_SORT_NEWEST:
      bind_int64 (params, "after_id", after != NULL ? after->id : G_MAXINT64);
      break;
    case BB_CASE_SORT_NUMBER:
      bind_string (params, "after_key", after != NULL ? after->key : "");
      break;
    case BB_CASE_SORT_DEADLINE:
      if (phase == PHASE_KEYED)
        bind_string (params, "after_key",
                              after != NULL && after->key != NULL ? after->key : "");
      bind_int64 (params, "after_id", after != NULL ? after->id : 0);
      break;
    case BB_CASE_SORT_QUEUE:
      bind_int (params, "after_priority", after != NULL ? after->priority : G_MAXINT);
      bind_int64 (params, "after_applied", after != NULL ? after->applied_at : 0);
      bind_int64 (params, "after_id", after != NULL ? after->id : 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* bb_mask_id_number() for a value stored normalised (digits and capital
 * letters, as the client repository keeps them), without normalising it
 * again for every row of every page. */
static char *
mask_id (const char *value)
{
  gsize len = strlen (value);
  char *masked;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (value[i]) && !g_ascii_isupper (value[i]))
      return bb_mask_id_number (value);

  masked = g_strdup (value);
  memset (masked + (len > 8 ? 4 : 0), '*', len > 8 ? len - 8 : len);
  return masked;
}

/**
 * bb_case_summary_from_json_row:
 * @json: a page's row, as BB_CASE_QUERY_COLUMNS_SQLITE or _PG give it
 *
 * Returns: (transfer full) (nullable): the row as a summary, or %NULL with
 *   @error when it is not one
 */
BbCaseSummary *
bb_case_summary_from_json_row (const char  *json,
                               GError     **error)
{
  char *texts[N_COLUMNS] = { NULL };
  gint64 numbers[N_COLUMNS] = { 0 };
  BbCaseSummary *summary;
  BbCaseKind case_kind = BB_CASE_ASSIST;
  BbCaseState case_state = BB_STATE_CONSULTATION;

  if (json == NULL || bb_json_read_row (json, N_COLUMNS, texts, numbers) == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("Database error: a case list row could not be read"));
      return NULL;
    }

  if (!bb_case_kind_from_string (texts[COL_KIND], &case_kind))
    g_warning ("Case has an unknown kind “%s”", texts[COL_KIND]);
  if (!bb_case_state_from_string (texts[COL_STATE], &case_state))
    g_warning ("Case has an unknown state “%s”", texts[COL_STATE]);

  summary = g_new0 (BbCaseSummary, 1);
  summary->id = numbers[COL_ID];
  summary->number = g_steal_pointer (&texts[COL_NUMBER]);
  summary->kind = case_kind;
  summary->state = case_state;
  summary->client_id = numbers[COL_CLIENT_ID];
  summary->client_name = g_steal_pointer (&texts[COL_CLIENT_NAME]);
  /* Persons show their masked ID number; organisations their (public)
   * unified social credit code. */
  if (texts[COL_ID_NUMBER] != NULL)
    summary->client_id_masked = mask_id (texts[COL_ID_NUMBER]);
  else if (g_strcmp0 (texts[COL_CLIENT_KIND], "organisation") == 0)
    summary->client_id_masked = g_steal_pointer (&texts[COL_CREDIT_CODE]);
  summary->client_category = g_steal_pointer (&texts[COL_CATEGORY]);
  summary->matter = g_steal_pointer (&texts[COL_MATTER]);
  summary->responsible_id = numbers[COL_RESPONSIBLE_ID];
  summary->responsible_number = g_steal_pointer (&texts[COL_RESPONSIBLE_NUMBER]);
  summary->responsible_name = g_steal_pointer (&texts[COL_RESPONSIBLE_NAME]);
  summary->deadline = g_steal_pointer (&texts[COL_DEADLINE]);
  summary->priority = (int) numbers[COL_PRIORITY];
  summary->applied_at = numbers[COL_APPLIED_AT];
  summary->updated_at = numbers[COL_UPDATED_AT];

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (texts[i]);
  return summary;
}

/* Runs a page statement and adds its rows to @rows. Call with the
 * database locked. */
static gboolean
read_summaries (BbDatabase    *db,
                GdaStatement  *statement,
                GdaSet        *params,
                GPtrArray     *rows,
                GError       **error)
{
  g_autoptr(GdaDataModel) model = NULL;
  int n_rows;

  model = bb_database_select (db, statement, params, summary_types, error);
  if (model == NULL)
    return FALSE;

  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    {
      /* The model's own text, not a copy: it lives as long as the model. */
      const GValue *value = gda_data_model_get_value_at (model, 0, row, NULL);
      BbCaseSummary *summary;

      summary = bb_case_summary_from_json_row (value != NULL && G_VALUE_HOLDS_STRING (value)
                                  ? g_value_get_string (value) : NULL, error);
      if (summary == NULL)
        return FALSE;
      g_ptr_array_add (rows, summary);
    }
  return TRUE;
}

static BbCaseCursor *
cursor_after (const BbCaseSummary *last,
              BbCaseSort           sort,
              SearchMode           search)
{
  BbCaseCursor *cursor = g_new0 (BbCaseCursor, 1);

  cursor->sort = sort;
  cursor->search = search;
  cursor->id = last->id;
  switch (sort)
    {
    case BB_CASE_SORT_NUMBER:
      cursor->key = g_strdup (last->number);
      break;
    case BB_CASE_SORT_DEADLINE:
      cursor->phase = last->deadline != NULL ? PHASE_KEYED : PHASE_UNDATED;
      cursor->key = g_strdup (last->deadline);
      break;
    case BB_CASE_SORT_QUEUE:
      cursor->priority = last->priority;
      cursor->applied_at = last->applied_at;
      break;
    case BB_CASE_SORT_NEWEST:
    default:
      break;
    }
  return cursor;
}

/* Public API */

/**
 * bb_case_query_page:
 * @actor: who is reading
 * @filter: which cases
 * @sort: in which order
 * @after: (nullable): where the previous page ended; %NULL for the first
 *   page. It must come from the same @filter and @sort.
 * @limit: the most rows to return (1 to 10000)
 * @next: (out) (transfer full) (optional): where this page ended, or %NULL
 *   when there is nothing after it
 *
 * Reads one page of the case list by keyset: each page continues after the
 * last row of the one before, so cases added or changed meanwhile never
 * shift a later page or show twice.
 *
 * Returns: (transfer container) (element-type BbCaseSummary): the rows, or
 *   %NULL on error
 */
GPtrArray *
bb_case_query_page (BbDatabase          *db,
                    const BbActor       *actor,
                    const BbCaseFilter  *filter,
                    BbCaseSort           sort,
                    const BbCaseCursor  *after,
                    guint                limit,
                    BbCaseCursor       **next,
                    GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(Plan) plan = { 0 };
  const BbCaseCursor *keyset = after;
  Phase phase;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_names), NULL);
  g_return_val_if_fail (after == NULL || after->sort == sort, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (next != NULL)
    *next = NULL;
  limit = MIN (limit, MAX_PAGE);

  if (!plan_filter (db, filter, after != NULL ? after->search : SEARCH_NONE, &plan, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_case_summary_free);
  phase = after != NULL ? after->phase : PHASE_KEYED;

  /* One more row than asked for says whether another page follows. */
  for (;;)
    {
      GdaStatement *statement;
      GdaSet *params;
      gboolean ok;

      /* The parameters are bound and used, the rows read, under the
       * database's lock. */
      bb_database_lock (db);
      statement = bb_database_prepare_verbatim (db, compose_sql (&plan.shape, STMT_PAGE, sort,
                                                                 phase));
      params = page_params (db, statement);
      bind_filter (params, &plan);
      bind_keyset (params, sort, phase, keyset);
      bind_int (params, "limit", (int) (limit + 1 - rows->len));
      ok = read_summaries (db, statement, params, rows, error);
      bb_database_unlock (db);
      if (!ok)
        return NULL;

      if (rows->len > limit || sort != BB_CASE_SORT_DEADLINE || phase == PHASE_UNDATED)
        break;

      /* The dated cases are done: the undated ones follow, from the start. */
      phase = PHASE_UNDATED;
      keyset = NULL;
    }

  if (rows->len > limit)
    {
      g_ptr_array_set_size (rows, limit);
      if (next != NULL)
        *next = cursor_after (g_ptr_array_index (rows, limit - 1), sort, plan.shape.search);
    }

  return g_steal_pointer (&rows);
}

static GdaDataModel *
select_keys (BbDatabase  *db,
             const Plan  *plan,
             BbCaseSort   sort,
             Phase        phase,
             gint64       offset,
             GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  GdaStatement *statement =
    bb_database_prepare_verbatim (db, compose_sql (&plan->shape, STMT_KEYS, sort, phase));
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bind_filter (params, plan);
  bb_params_set_int64 (params, "offset", offset);
  return bb_database_select (db, statement, params, types, error);
}

/**
 * bb_case_query_seek:
 * @position: the row a page should start at (0 is the first row)
 * @cursor: (out) (transfer full): where to set the cursor that reads from
 *   @position on; %NULL for position 0 (read the first page without one)
 *   and when there are fewer than @position rows
 *
 * Finds where a page that starts at @position continues from, for jumps
 * (dragging a scroll bar to the end). It skips rows in SQL reading only the
 * sort keys; the pages themselves are then read by keyset as usual.
 *
 * Returns: %FALSE with @error on a database error
 */
gboolean
bb_case_query_seek (BbDatabase          *db,
                    const BbActor       *actor,
                    const BbCaseFilter  *filter,
                    BbCaseSort           sort,
                    guint64              position,
                    BbCaseCursor       **cursor,
                    GError             **error)
{
  g_auto(Plan) plan = { 0 };
  g_autoptr(GdaDataModel) model = NULL;
  Phase phase = PHASE_KEYED;
  gint64 offset;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_names), FALSE);
  g_return_val_if_fail (cursor != NULL, FALSE);

  *cursor = NULL;
  if (position == 0)
    return TRUE;
  if (position > G_MAXINT64)
    return TRUE;
  if (!plan_filter (db, filter, SEARCH_NONE, &plan, error))
    return FALSE;

  /* The cursor is the row just before @position. */
  offset = (gint64) position - 1;
  model = select_keys (db, &plan, sort, phase, offset, error);
  if (model == NULL)
    return FALSE;

  if (gda_data_model_get_n_rows (model) == 0 && sort == BB_CASE_SORT_DEADLINE)
    {
      static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
      GdaStatement *statement;
      g_autoptr(GdaSet) params = NULL;
      g_autoptr(GdaDataModel) dated = NULL;
      gint64 n_dated;

      /* Past the cases with a deadline: skip the rest among the others. */
      statement = bb_database_prepare_verbatim (db, compose_sql (&plan.shape, STMT_COUNT_DATED,
                                                                 sort, PHASE_KEYED));
      params = bb_database_new_params (db, statement);
      if (params != NULL)
        bind_filter (params, &plan);
      dated = bb_database_select (db, statement, params, types, error);
      if (dated == NULL)
        return FALSE;
      n_dated = bb_model_get_int64 (dated, 0, 0, 0);
      if (offset < n_dated)
        return TRUE;

      phase = PHASE_UNDATED;
      g_clear_object (&model);
      model = select_keys (db, &plan, sort, phase, offset - n_dated, error);
      if (model == NULL)
        return FALSE;
    }

  if (gda_data_model_get_n_rows (model) > 0)
    {
      BbCaseSummary keys = { 0 };

      keys.id = bb_model_get_int64 (model, 0, 0, 0);
      keys.number = bb_model_dup_string (model, 1, 0);
      keys.deadline = bb_model_dup_string (model, 2, 0);
      keys.priority = (int) bb_model_get_int64 (model, 3, 0, 0);
      keys.applied_at = bb_model_get_int64 (model, 4, 0, 0);
      *cursor = cursor_after (&keys, sort, plan.shape.search);
      g_free (keys.number);
      g_free (keys.deadline);
    }
  return TRUE;
}

/**
 * bb_case_query_count:
 *
 * Counts the cases @filter lets through (in SQL; on a million cases this
 * takes some milliseconds: cache it).
 *
 * Returns: the number of cases, or -1 on error
 */
gint64
bb_case_query_count (BbDatabase          *db,
                     const BbCaseFilter  *filter,
                     GError             **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_auto(Plan) plan = { 0 };
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GdaStatement *statement;

  g_return_val_if_fail (BB_IS_DATABASE (db), -1);
  g_return_val_if_fail (filter != NULL, -1);

  if (!plan_filter (db, filter, SEARCH_NONE, &plan, error))
    return -1;

  statement = bb_database_prepare_verbatim (db, compose_sql (&plan.shape, STMT_COUNT,
                                                             BB_CASE_SORT_NEWEST, PHASE_KEYED));
  params = bb_database_new_params (db, statement);
  if (params != NULL)
    bind_filter (params, &plan);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return -1;
  return bb_model_get_int64 (model, 0, 0, 0);
}

/**
 * bb_case_query_counters:
 * @counters: (out caller-allocates): the counts
 *
 * Counts the dashboard's tiles in one statement, as of today (BANGBAN_NOW
 * applies) on the holiday calendar. Each count is what the list shows with
 * the tile's filter (for completed this month,
 * bb_case_filter_set_completed_this_month()).
 *
 * Returns: %FALSE with @error on a database error
 */
gboolean
bb_case_query_counters (BbDatabase      *db,
                        BbCaseCounters  *counters,
                        GError         **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64,
    G_TYPE_NONE
  };
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GdaStatement *statement;
  char today[16], soon[16];
  gint64 month_start, month_end;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (counters != NULL, FALSE);

  memset (counters, 0, sizeof *counters);
  if (!compute_due_dates (db, today, soon, sizeof today, error))
    return FALSE;

  this_month (&month_start, &month_end);

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_SQLITE
                                       ? SQL_COUNTERS_SQLITE : SQL_COUNTERS_PG);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "today", today);
  bb_params_set_string (params, "soon", soon);
  bb_params_set_int64 (params, "month_start", month_start);
  bb_params_set_int64 (params, "month_end", month_end);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return FALSE;

  counters->open = bb_model_get_int64 (model, 0, 0, 0);
  counters->due_soon = bb_model_get_int64 (model, 1, 0, 0);
  counters->overdue = bb_model_get_int64 (model, 2, 0, 0);
  counters->suspended = bb_model_get_int64 (model, 3, 0, 0);
  counters->completed_this_month = bb_model_get_int64 (model, 4, 0, 0);
  counters->rectification_overdue = bb_model_get_int64 (model, 5, 0, 0);
  return TRUE;
}

/**
 * bb_case_query_count_by_state:
 * @counts: (out caller-allocates): the number of cases in each state
 *
 * Returns: %FALSE with @error on a database error
 */
gboolean
bb_case_query_count_by_state (BbDatabase  *db,
                              gint64       counts[BB_N_STATES],
                              GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);

  memset (counts, 0, sizeof (gint64) * BB_N_STATES);
  model = bb_database_select (db, bb_database_prepare (db, SQL_BY_STATE), NULL, types, error);
  if (model == NULL)
    return FALSE;
  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    {
      g_autofree char *name = bb_model_dup_string (model, 0, row);
      BbCaseState state;

      if (bb_case_state_from_string (name, &state))
        counts[state] = bb_model_get_int64 (model, 1, row, 0);
    }
  return TRUE;
}

/**
 * bb_case_query_count_by_month:
 *
 * Counts the cases applied for in each month, in the time zone of record.
 *
 * Returns: (transfer full) (element-type BbCaseMonthCount): the months
 *   that have cases, oldest first; %NULL on error
 */
GArray *
bb_case_query_count_by_month (BbDatabase  *db,
                              GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) now = bb_clock_now ();
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GdaStatement *statement;
  GArray *months;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  statement = bb_database_prepare (db, SQL_BY_DAY);
  params = bb_database_new_params (db, statement);
  /* The offset of now: Asia/Shanghai has had no daylight saving since 1991. */
  bb_params_set_int64 (params, "offset",
                       g_time_zone_get_offset (tz, g_time_zone_find_interval (
                                                 tz, G_TIME_TYPE_UNIVERSAL,
                                                 g_date_time_to_unix (now))) *
                       G_GINT64_CONSTANT (1000000));
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  months = g_array_new (FALSE, TRUE, sizeof (BbCaseMonthCount));
  for (int row = 0; row < n_rows; row++)
    {
      gint64 day = bb_model_get_int64 (model, 0, row, 0);
      BbCaseMonthCount entry = { { 0 }, 0 };
      GDate date;

      /* Julian day 719163 of GDate is 1970-01-01. */
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) (day + 719163));
      g_snprintf (entry.month, sizeof entry.month, "%04d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date));
      if (months->len > 0 &&
          strcmp (g_array_index (months, BbCaseMonthCount, months->len - 1).month,
                  entry.month) == 0)
        g_array_index (months, BbCaseMonthCount, months->len - 1).count +=
          bb_model_get_int64 (model, 1, row, 0);
      else
        {
          entry.count = bb_model_get_int64 (model, 1, row, 0);
          g_array_append_val (months, entry);
        }
    }
  return months;
}
