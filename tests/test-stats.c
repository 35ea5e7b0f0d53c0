/* test-stats.c — the statistics on fixed fixtures; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture is defined in the tables below. Every expected figure is
 * worked out here from those tables, in C (GDateTime in Asia/Shanghai and
 * BbCalendar), independently of the SQL under test; a few figures are also
 * written out as worked by hand, so that both ways have to agree.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-stats.h"
#include "bb-test-util.h"
#include "bb-workdays.h"

#define FROM   "2026-01-01"
#define TO     "2026-04-30"
#define TODAY  "2026-05-06"
#define NOW    "2026-05-06T10:00:00+08:00"

typedef struct
{
  int         id;
  const char *number;
  const char *name;
} StaffFix;

typedef struct
{
  int         id;
  const char *name;
  const char *department;
  int         limit_days;
} ItemFix;

typedef struct
{
  int         id;
  const char *category;
} ClientFix;

typedef struct
{
  int         id;
  const char *kind;
  const char *state;
  int         staff;       /* 0: nobody responsible */
  int         item;        /* 0: outside the catalogue */
  const char *matter;
  int         client;
  const char *applied;     /* ISO 8601 instants */
  const char *accepted;
  const char *deadline;    /* YYYY-MM-DD */
  const char *completed;
} CaseFix;

typedef struct
{
  int         case_id;
  int         level;
  const char *at;
} EvalFix;

typedef struct
{
  int         case_id;
  const char *state;
  const char *created;
  const char *deadline;
} RectFix;

typedef struct
{
  const char *day;
  const char *kind;
} HolidayFix;

static const StaffFix staff[] = {
  { 1, "S001", "王芳" },
  { 2, "S002", "李强" },
};

static const ItemFix items[] = {
  { 1, "企业设立登记", "市场监管局", 5 },
  { 2, "不动产转移登记", "自然资源局", 10 },
};

static const ClientFix clients[] = {
  { 1, "talent" },
  { 2, "military" },
  { 3, "other" },
};

static const HolidayFix holidays[] = {
  { "2026-01-01", "holiday" },
  { "2026-01-04", "workday" },   /* a Sunday worked (调休) */
  { "2026-04-05", "holiday" },   /* 清明, a Sunday: changes nothing */
  { "2026-04-06", "holiday" },   /* a Monday off */
};

static const CaseFix cases[] = {
  /* On time: accepted Monday 2 March, completed Friday 6 March: 4 working days. */
  { 1, "proxy", "archived", 1, 1, NULL, 1, "2026-03-01T09:00:00+08:00",
    "2026-03-02T10:00:00+08:00", "2026-03-09", "2026-03-06T15:00:00+08:00" },
  /* Late: 30 March to 7 April over the weekend and 清明: 5 working days. */
  { 2, "proxy", "confirmed", 1, 2, NULL, 2, "2026-03-29T09:00:00+08:00",
    "2026-03-30T09:00:00+08:00", "2026-04-03", "2026-04-07T10:00:00+08:00" },
  /* Completed at 16:30Z on 31 March, which is 1 April in Shanghai: April,
   * on time for a deadline of 1 April, 1 working day. */
  { 3, "proxy", "completed", 2, 1, NULL, 3, "2026-03-30T11:00:00+08:00",
    "2026-03-31T15:30:00Z", "2026-04-01", "2026-03-31T16:30:00Z" },
  /* 帮办, outside the catalogue, no deadline: from registration on Friday
   * 2 January to Monday 5 January, with Sunday 4 January worked: 2 days. */
  { 4, "assist", "delivered", 2, 0, "政策咨询", 1, "2026-01-02T09:00:00+08:00",
    NULL, NULL, "2026-01-05T16:00:00+08:00" },
  /* Handling, deadline passed by today: overdue. */
  { 5, "proxy", "handling", 1, 2, NULL, 3, "2026-04-19T09:00:00+08:00",
    "2026-04-20T09:00:00+08:00", "2026-04-24", NULL },
  /* Nobody responsible yet: registered, open. */
  { 6, "proxy", "analysed", 0, 1, NULL, 2, "2026-04-10T09:00:00+08:00",
    NULL, NULL, NULL },
  /* Completed one second before the range in Shanghai time. */
  { 7, "proxy", "completed", 2, 1, NULL, 3, "2025-12-19T09:00:00+08:00",
    "2025-12-20T09:00:00+08:00", "2025-12-31", "2025-12-31T15:59:59Z" },
  /* Completed at the first instant after the range (1 May, 00:00 local). */
  { 8, "proxy", "completed", 2, 2, NULL, 1, "2026-04-25T09:00:00+08:00",
    "2026-04-26T09:00:00+08:00", "2026-05-08", "2026-04-30T16:00:00Z" },
};

static const EvalFix evaluations[] = {
  { 1, 5, "2026-03-06T08:00:00Z" },
  { 1, 3, "2026-03-10T02:00:00Z" },   /* a second evaluation, by phone */
  { 2, 2, "2026-04-07T03:00:00Z" },
  { 3, 4, "2026-03-31T16:30:00Z" },   /* April in Shanghai */
  { 4, 1, "2026-01-05T09:00:00Z" },
  { 7, 5, "2025-12-31T15:59:59Z" },   /* 31 December, 23:59:59 local: outside */
  { 8, 4, "2026-04-30T16:00:00Z" },   /* 1 May, 00:00 local: outside */
  { 3, 5, "2026-04-30T15:59:59Z" },   /* 30 April, 23:59:59 local: inside */
};

static const RectFix rectifications[] = {
  { 2, "open", "2026-04-07T12:00:00+08:00", "2026-04-14" },      /* overdue now */
  { 4, "closed", "2026-01-05T18:00:00+08:00", "2026-01-12" },
  { 7, "measures", "2025-12-31T20:00:00+08:00", "2026-05-10" },  /* opened before */
};

static const char SQL_STAFF[] =
  "INSERT INTO staff (id, number, name, role, created_at) "
  "VALUES (##id::gint64, ##number::string, ##name::string, 'staff', 0)";
static const char SQL_ITEM[] =
  "INSERT INTO catalogue_item (id, name, department, limit_days, created_at) "
  "VALUES (##id::gint64, ##name::string, ##department::string, ##limit_days::gint, 0)";
static const char SQL_CLIENT[] =
  "INSERT INTO client (id, kind, name, category, created_at) "
  "VALUES (##id::gint64, 'person', ##name::string, ##category::string, 0)";
static const char SQL_HOLIDAY[] =
  "INSERT INTO holiday (day, kind) VALUES (##day::string, ##kind::string)";
static const char SQL_CASE[] =
  "INSERT INTO bb_case (id, number, kind, state, client_id, item_id, matter, responsible_id, "
  "accepted_at, applied_at, deadline, completed_at, created_at, updated_at) "
  "VALUES (##id::gint64, ##number::string, ##kind::string, ##state::string, "
  "##client_id::gint64, ##item_id::gint64::null, ##matter::string, "
  "##responsible_id::gint64::null, ##accepted_at::gint64::null, ##applied_at::gint64, "
  "##deadline::string::null, ##completed_at::gint64::null, ##applied_at::gint64, "
  "##applied_at::gint64)";
static const char SQL_EVALUATION[] =
  "INSERT INTO evaluation (id, case_id, level, channel, at) "
  "VALUES (##id::gint64, ##case_id::gint64, ##level::gint, 'onsite', ##at::gint64)";
static const char SQL_RECTIFICATION[] =
  "INSERT INTO rectification (evaluation_id, case_id, state, deadline, created_at) "
  "VALUES (##evaluation_id::gint64, ##case_id::gint64, ##state::string, ##deadline::string, "
  "##created_at::gint64)";

/* Expected figures, worked out from the tables */

static gint64
usec_of (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (when);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

/* The day @iso falls on in Shanghai. */
static void
local_date (const char *iso,
            GDate      *out)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, tz);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (when, tz);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static char *
local_month (const char *iso)
{
  GDate date;

  local_date (iso, &date);
  return g_strdup_printf ("%04u-%02u", g_date_get_year (&date), g_date_get_month (&date));
}

static gboolean
in_range (const char *iso)
{
  GDate date, from, to;

  if (iso == NULL)
    return FALSE;
  local_date (iso, &date);
  g_date_set_parse (&from, FROM);
  g_date_set_parse (&to, TO);
  return g_date_compare (&date, &from) >= 0 && g_date_compare (&date, &to) <= 0;
}

static BbCalendar *
fixture_calendar (void)
{
  BbCalendar *calendar = bb_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, holidays[i].day);
      bb_calendar_set_day (calendar, &date,
                           g_str_equal (holidays[i].kind, "holiday") ? BB_DAY_HOLIDAY
                                                                     : BB_DAY_WORKDAY);
    }
  return calendar;
}

static int
handling_days (const CaseFix *c)
{
  g_autoptr(BbCalendar) calendar = fixture_calendar ();
  GDate start, end;

  local_date (c->accepted != NULL ? c->accepted : c->applied, &start);
  local_date (c->completed, &end);
  return bb_calendar_count_working_days (calendar, &start, &end);
}

static void
add_to (GHashTable *table,
        const char *key,
        int         n)
{
  int value = GPOINTER_TO_INT (g_hash_table_lookup (table, key));

  g_hash_table_insert (table, g_strdup (key), GINT_TO_POINTER (value + n));
}

static const CaseFix *
case_of (int id)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].id == id)
        return &cases[i];
    }
  g_assert_not_reached ();
}

static const char *
department_of (int item)
{
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      if (items[i].id == item)
        return items[i].department;
    }
  return "";
}

static const char *
category_of (int client)
{
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      if (clients[i].id == client)
        return clients[i].category;
    }
  g_assert_not_reached ();
}

/* Satisfaction counts per key for one dimension: key → gint64[5]. */
typedef char *(*KeyFunc) (const EvalFix *evaluation);

static GHashTable *
expected_levels (KeyFunc key_of)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      g_autofree char *key = NULL;
      gint64 *levels;

      if (!in_range (evaluations[i].at))
        continue;
      key = key_of (&evaluations[i]);
      levels = g_hash_table_lookup (table, key);
      if (levels == NULL)
        {
          levels = g_new0 (gint64, BB_STATS_N_PARTS);
          g_hash_table_insert (table, g_strdup (key), levels);
        }
      levels[evaluations[i].level - 1]++;
    }
  return table;
}

static char *
key_month (const EvalFix *e)
{
  return local_month (e->at);
}

static char *
key_staff (const EvalFix *e)
{
  int id = case_of (e->case_id)->staff;

  return id > 0 ? g_strdup_printf ("%d", id) : g_strdup ("");
}

static char *
key_matter (const EvalFix *e)
{
  const CaseFix *c = case_of (e->case_id);

  return c->item > 0 ? g_strdup_printf ("item:%d", c->item)
                     : g_strdup_printf ("matter:%s", c->matter);
}

static char *
key_category (const EvalFix *e)
{
  return g_strdup (category_of (case_of (e->case_id)->client));
}

static char *
key_department (const EvalFix *e)
{
  return g_strdup (department_of (case_of (e->case_id)->item));
}

static char *
key_all (const EvalFix *e)
{
  return g_strdup ("all");
}

/* Checks a satisfaction table against the expected levels: every expected
 * key is there with its counts and rate, and no row is there that should
 * not be (month tables may have empty months). */
static void
check_satisfaction_table (const BbStatsTable *table,
                          KeyFunc             key_of,
                          gboolean            empty_rows_allowed)
{
  g_autoptr(GHashTable) expected = expected_levels (key_of);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const gint64 *levels = value;
      const BbStatsRow *row = bb_stats_table_find (table, key);
      gint64 total = 0;

      g_test_message ("%s: %s", bb_stats_table_to_string (table->id), (char *) key);
      g_assert_nonnull (row);
      for (guint i = 0; i < BB_STATS_N_PARTS; i++)
        {
          g_assert_cmpint (row->parts[i], ==, levels[i]);
          total += levels[i];
        }
      g_assert_cmpint (row->count, ==, total);
      g_assert_cmpfloat_with_epsilon (row->value, (double) (levels[3] + levels[4]) / total, 1e-9);
      g_assert_cmpint (row->unit, ==, BB_STATS_UNIT_RATE);
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BbStatsRow *row = g_ptr_array_index (table->rows, i);

      if (g_hash_table_contains (expected, row->key))
        continue;
      g_assert_true (empty_rows_allowed);
      g_assert_cmpint (row->count, ==, 0);
      g_assert_true (isnan (row->value));
    }
}

/* Fixture */

static void
exec (BbDatabase *db,
      GdaStatement *statement,
      GdaSet     *params)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bb_database_execute (db, statement, params, &error), ==, 1);
  g_assert_no_error (error);
}

static void
set_instant_or_null (GdaSet     *params,
                     const char *name,
                     const char *iso)
{
  if (iso != NULL)
    bb_params_set_int64 (params, name, usec_of (iso));
  else
    bb_params_set_null (params, name);
}

static void
insert_fixture (BbDatabase *db)
{
  GdaStatement *statement;

  statement = bb_database_prepare (db, SQL_STAFF);
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_int64 (params, "id", staff[i].id);
      bb_params_set_string (params, "number", staff[i].number);
      bb_params_set_string (params, "name", staff[i].name);
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_ITEM);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_int64 (params, "id", items[i].id);
      bb_params_set_string (params, "name", items[i].name);
      bb_params_set_string (params, "department", items[i].department);
      bb_params_set_int (params, "limit_days", items[i].limit_days);
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_CLIENT);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
      g_autofree char *name = g_strdup_printf ("客户%d", clients[i].id);

      bb_params_set_int64 (params, "id", clients[i].id);
      bb_params_set_string (params, "name", name);
      bb_params_set_string (params, "category", clients[i].category);
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_HOLIDAY);
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_string (params, "day", holidays[i].day);
      bb_params_set_string (params, "kind", holidays[i].kind);
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_CASE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CaseFix *c = &cases[i];
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
      g_autofree char *number = g_strdup_printf ("2026%06d", c->id);

      bb_params_set_int64 (params, "id", c->id);
      bb_params_set_string (params, "number", number);
      bb_params_set_string (params, "kind", c->kind);
      bb_params_set_string (params, "state", c->state);
      bb_params_set_int64 (params, "client_id", c->client);
      if (c->item > 0)
        bb_params_set_int64 (params, "item_id", c->item);
      else
        bb_params_set_null (params, "item_id");
      bb_params_set_string (params, "matter", c->item > 0 ? items[c->item - 1].name : c->matter);
      if (c->staff > 0)
        bb_params_set_int64 (params, "responsible_id", c->staff);
      else
        bb_params_set_null (params, "responsible_id");
      set_instant_or_null (params, "accepted_at", c->accepted);
      bb_params_set_int64 (params, "applied_at", usec_of (c->applied));
      bb_params_set_string (params, "deadline", c->deadline);
      set_instant_or_null (params, "completed_at", c->completed);
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_EVALUATION);
  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_int64 (params, "id", i + 1);
      bb_params_set_int64 (params, "case_id", evaluations[i].case_id);
      bb_params_set_int (params, "level", evaluations[i].level);
      bb_params_set_int64 (params, "at", usec_of (evaluations[i].at));
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_RECTIFICATION);
  for (guint i = 0; i < G_N_ELEMENTS (rectifications); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
      gint64 evaluation_id = 0;

      for (guint e = 0; e < G_N_ELEMENTS (evaluations) && evaluation_id == 0; e++)
        {
          if (evaluations[e].case_id == rectifications[i].case_id)
            evaluation_id = e + 1;
        }
      bb_params_set_int64 (params, "evaluation_id", evaluation_id);
      bb_params_set_int64 (params, "case_id", rectifications[i].case_id);
      bb_params_set_string (params, "state", rectifications[i].state);
      bb_params_set_string (params, "deadline", rectifications[i].deadline);
      bb_params_set_int64 (params, "created_at", usec_of (rectifications[i].created));
      exec (db, statement, params);
    }
}

/* Complaints go in through their repository, at the times BANGBAN_NOW says. */
typedef struct
{
  const char *received;
  int         steps;      /* how many steps after the intake */
  const char *step_at;    /* when those steps are taken */
} ComplaintFix;

static const ComplaintFix complaints[] = {
  { "2026-02-10T10:00:00+08:00", 4, "2026-02-12T10:00:00+08:00" },  /* archived, on time */
  { "2026-03-31T16:30:00Z", 1, "2026-04-02T10:00:00+08:00" },       /* April; investigating */
  { "2026-04-15T10:00:00+08:00", 0, NULL },                          /* received */
  { "2026-05-02T10:00:00+08:00", 0, NULL },                          /* after the range */
};

static void
insert_complaints (BbDatabase *db)
{
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);

  for (guint i = 0; i < G_N_ELEMENTS (complaints); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbComplaint) complaint = NULL;
      BbComplaintDraft draft = {
        .channel = "phone", .complainant = "张女士", .contact = "13812345678",
        .content = "等候时间过长", .staff_number = "S002",
      };

      g_setenv ("BANGBAN_NOW", complaints[i].received, TRUE);
      complaint = bb_complaint_repo_add (db, manager, &draft, &error);
      g_assert_no_error (error);

      if (complaints[i].steps > 0)
        g_setenv ("BANGBAN_NOW", complaints[i].step_at, TRUE);
      for (int s = 1; s <= complaints[i].steps; s++)
        {
          BbComplaint *next = bb_complaint_repo_step (db, manager, complaint->number, s, "已处理",
                                                      complaint->version, &error);

          g_assert_no_error (error);
          bb_complaint_free (complaint);
          complaint = next;
        }
    }
  g_setenv ("BANGBAN_NOW", NOW, TRUE);
}

static BbStats *
compute (BbDatabase *db,
         const char *from,
         const char *to)
{
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  BbStats *stats;

  stats = bb_stats_compute (db, manager, from, to, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static const BbStatsRow *
summary (const BbStats *stats,
         const char    *key)
{
  const BbStatsRow *row = bb_stats_table_find (stats->tables[BB_STATS_SUMMARY], key);

  g_assert_nonnull (row);
  return row;
}

/* Tests */

static void
test_satisfaction (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) stats = NULL;
  g_autoptr(GHashTable) all = expected_levels (key_all);
  const gint64 *levels = g_hash_table_lookup (all, "all");
  const BbStatsTable *distribution;
  const BbStatsRow *row;
  gint64 total = 0;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  stats = compute (db, FROM, TO);

  g_assert_cmpstr (stats->from, ==, FROM);
  g_assert_cmpstr (stats->to, ==, TO);
  g_assert_cmpint (stats->utc_offset, ==, 8 * 3600);

  /* The distribution, level 5 first. */
  distribution = bb_stats_get_table (stats, BB_STATS_SATISFACTION);
  g_assert_cmpuint (distribution->rows->len, ==, 5);
  for (guint i = 0; i < BB_STATS_N_PARTS; i++)
    total += levels[i];
  for (int level = 5; level >= 1; level--)
    {
      row = g_ptr_array_index (distribution->rows, 5 - level);
      g_assert_cmpint (atoi (row->key), ==, level);
      g_assert_cmpint (row->count, ==, levels[level - 1]);
      g_assert_cmpfloat_with_epsilon (row->value, (double) levels[level - 1] / total, 1e-9);
    }

  /* Worked by hand: six evaluations in the range, two 非常满意, one each of
   * the other levels; satisfied 3 of 6, 基本满意 1. */
  g_assert_cmpint (total, ==, 6);
  row = summary (stats, BB_STATS_KEY_EVALUATIONS);
  g_assert_cmpint (row->count, ==, 6);
  row = summary (stats, BB_STATS_KEY_SATISFACTION_RATE);
  g_assert_cmpint (row->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (row->value, 0.5, 1e-9);
  row = summary (stats, BB_STATS_KEY_BASIC_SATISFIED);
  g_assert_cmpint (row->count, ==, levels[2]);
  g_assert_cmpint (row->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->value, 1.0 / 6.0, 1e-9);
  row = summary (stats, BB_STATS_KEY_DISSATISFIED);
  g_assert_cmpint (row->count, ==, 2);

  check_satisfaction_table (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_MONTH),
                            key_month, TRUE);
  check_satisfaction_table (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_STAFF),
                            key_staff, FALSE);
  check_satisfaction_table (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_MATTER),
                            key_matter, FALSE);
  check_satisfaction_table (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_CATEGORY),
                            key_category, FALSE);
  check_satisfaction_table (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_DEPARTMENT),
                            key_department, FALSE);

  /* Every month of the range, in order, February empty. */
  {
    const BbStatsTable *months = bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_MONTH);
    const char *expected[] = { "2026-01", "2026-02", "2026-03", "2026-04" };

    g_assert_cmpuint (months->rows->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (((BbStatsRow *) g_ptr_array_index (months->rows, i))->key, ==,
                       expected[i]);
    /* Worked by hand: April has 满意 (16:30Z on 31 March), 不满意 and
     * 非常满意 (23:59:59 on 30 April): 2 of 3. */
    row = bb_stats_table_find (months, "2026-04");
    g_assert_cmpint (row->count, ==, 3);
    g_assert_cmpfloat_with_epsilon (row->value, 2.0 / 3.0, 1e-9);
    row = bb_stats_table_find (months, "2026-03");
    g_assert_cmpint (row->count, ==, 2);
    g_assert_cmpint (row->parts[2], ==, 1);
  }

  /* Labels: names and translated codes. */
  row = bb_stats_table_find (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_STAFF), "1");
  g_assert_cmpstr (row->label, ==, "王芳 (S001)");
  row = bb_stats_table_find (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_MATTER),
                             "matter:政策咨询");
  g_assert_cmpstr (row->label, ==, "政策咨询");
  row = bb_stats_table_find (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_MATTER), "item:1");
  g_assert_cmpstr (row->label, ==, "企业设立登记");
  g_assert_cmpfloat_with_epsilon (row->value, 0.75, 1e-9);
  row = bb_stats_table_find (bb_stats_get_table (stats, BB_STATS_SATISFACTION_BY_DEPARTMENT),
                             "市场监管局");
  g_assert_cmpint (row->count, ==, 4);
}

static void
test_completion (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) stats = NULL;
  g_autoptr(GHashTable) month_completed = NULL;
  g_autoptr(GHashTable) month_days = NULL;
  g_autoptr(GHashTable) month_on_time = NULL;
  g_autoptr(GHashTable) month_late = NULL;
  gint64 completed = 0, on_time = 0, late = 0, days = 0;
  const BbStatsTable *table;
  const BbStatsRow *row;

  month_completed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  month_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  month_on_time = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  month_late = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  stats = compute (db, FROM, TO);

  /* Worked by hand from the comments of the cases table. */
  g_assert_cmpint (handling_days (case_of (1)), ==, 4);
  g_assert_cmpint (handling_days (case_of (2)), ==, 5);
  g_assert_cmpint (handling_days (case_of (3)), ==, 1);
  g_assert_cmpint (handling_days (case_of (4)), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CaseFix *c = &cases[i];
      g_autofree char *month = NULL;
      int d;

      if (!in_range (c->completed))
        continue;
      month = local_month (c->completed);
      d = handling_days (c);
      completed++;
      days += d;
      add_to (month_completed, month, 1);
      add_to (month_days, month, d);
      if (c->deadline != NULL)
        {
          GDate done, deadline;

          local_date (c->completed, &done);
          g_date_clear (&deadline, 1);
          g_date_set_parse (&deadline, c->deadline);
          if (g_date_compare (&done, &deadline) <= 0)
            {
              on_time++;
              add_to (month_on_time, month, 1);
            }
          else
            {
              late++;
              add_to (month_late, month, 1);
            }
        }
    }
  /* By hand: four completions (cases 1–4), 2 on time and 1 late of the
   * three with a deadline, 12 working days in all. */
  g_assert_cmpint (completed, ==, 4);
  g_assert_cmpint (on_time, ==, 2);
  g_assert_cmpint (late, ==, 1);
  g_assert_cmpint (days, ==, 12);

  row = summary (stats, BB_STATS_KEY_COMPLETED);
  g_assert_cmpint (row->count, ==, completed);
  row = summary (stats, BB_STATS_KEY_ON_TIME_RATE);
  g_assert_cmpint (row->count, ==, on_time);
  g_assert_cmpint (row->parts[0], ==, on_time);
  g_assert_cmpint (row->parts[1], ==, late);
  g_assert_cmpfloat_with_epsilon (row->value, (double) on_time / (on_time + late), 1e-9);
  row = summary (stats, BB_STATS_KEY_HANDLING_DAYS);
  g_assert_cmpint (row->count, ==, completed);
  g_assert_cmpfloat_with_epsilon (row->value, (double) days / completed, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->value, 3.0, 1e-9);

  table = bb_stats_get_table (stats, BB_STATS_HANDLING_TIME_BY_MONTH);
  g_assert_cmpuint (table->rows->len, ==, 4);
  for (guint i = 0; i < table->rows->len; i++)
    {
      int n, d;

      row = g_ptr_array_index (table->rows, i);
      n = GPOINTER_TO_INT (g_hash_table_lookup (month_completed, row->key));
      d = GPOINTER_TO_INT (g_hash_table_lookup (month_days, row->key));
      g_test_message ("handling time %s", row->key);
      g_assert_cmpint (row->count, ==, n);
      if (n > 0)
        g_assert_cmpfloat_with_epsilon (row->value, (double) d / n, 1e-9);
      else
        g_assert_true (isnan (row->value));
    }
  /* Case 3 was completed at 16:30Z on 31 March: April in Shanghai. */
  g_assert_cmpint (bb_stats_table_find (table, "2026-03")->count, ==, 1);
  g_assert_cmpint (bb_stats_table_find (table, "2026-04")->count, ==, 2);

  table = bb_stats_get_table (stats, BB_STATS_ON_TIME_BY_MONTH);
  for (guint i = 0; i < table->rows->len; i++)
    {
      int good, bad;

      row = g_ptr_array_index (table->rows, i);
      good = GPOINTER_TO_INT (g_hash_table_lookup (month_on_time, row->key));
      bad = GPOINTER_TO_INT (g_hash_table_lookup (month_late, row->key));
      g_assert_cmpint (row->parts[0], ==, good);
      g_assert_cmpint (row->parts[1], ==, bad);
      g_assert_cmpint (row->count, ==, good + bad);
      if (good + bad > 0)
        g_assert_cmpfloat_with_epsilon (row->value, (double) good / (good + bad), 1e-9);
      else
        g_assert_true (isnan (row->value));
    }
  g_assert_cmpfloat_with_epsilon (bb_stats_table_find (table, "2026-04")->value, 0.5, 1e-9);
}

static void
test_workload (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) stats = NULL;
  const BbStatsTable *table;
  gint64 totals[BB_STATS_N_PARTS] = { 0 };
  guint n_rows = 0;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  stats = compute (db, FROM, TO);
  g_assert_cmpstr (stats->today, ==, TODAY);

  table = bb_stats_get_table (stats, BB_STATS_WORKLOAD);
  for (int s = 0; s <= 2; s++)
    {
      g_autofree char *key = s > 0 ? g_strdup_printf ("%d", s) : g_strdup ("");
      gint64 expected[BB_STATS_N_PARTS] = { 0 };
      const BbStatsRow *row;
      gboolean any = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          const CaseFix *c = &cases[i];
          gboolean open = g_str_equal (c->state, "consultation")
                          || g_str_equal (c->state, "applied")
                          || g_str_equal (c->state, "routed")
                          || g_str_equal (c->state, "analysed")
                          || g_str_equal (c->state, "handling");
          gboolean counted = FALSE;

          if (c->staff != s)
            continue;
          if (in_range (c->applied))
            expected[0]++, counted = TRUE;
          if (in_range (c->accepted))
            expected[1]++, counted = TRUE;
          if (in_range (c->completed))
            expected[2]++, counted = TRUE;
          if (open)
            expected[3]++, counted = TRUE;
          if (g_str_equal (c->state, "handling") && c->deadline != NULL &&
              g_strcmp0 (c->deadline, TODAY) < 0)
            expected[4]++;
          any |= counted;
        }

      row = bb_stats_table_find (table, key);
      if (!any)
        {
          g_assert_null (row);
          continue;
        }
      n_rows++;
      g_assert_nonnull (row);
      for (guint p = 0; p < BB_STATS_N_PARTS; p++)
        {
          g_assert_cmpint (row->parts[p], ==, expected[p]);
          totals[p] += expected[p];
        }
      g_assert_cmpint (row->count, ==, expected[2]);
    }
  g_assert_cmpuint (table->rows->len, ==, n_rows);

  /* By hand: 王芳 registered and accepted cases 1, 2 and 5, completed 1
   * and 2, has 5 open and overdue. */
  {
    const BbStatsRow *row = bb_stats_table_find (table, "1");
    gint64 hand[] = { 3, 3, 2, 1, 1 };

    for (guint p = 0; p < BB_STATS_N_PARTS; p++)
      g_assert_cmpint (row->parts[p], ==, hand[p]);
    g_assert_cmpstr (bb_stats_table_find (table, "")->label, ==, "Unassigned");
  }

  g_assert_cmpint (summary (stats, BB_STATS_KEY_REGISTERED)->count, ==, totals[0]);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_ACCEPTED)->count, ==, totals[1]);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_OPEN)->count, ==, totals[3]);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_OVERDUE)->count, ==, totals[4]);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_OVERDUE)->count, ==, 1);
}

static void
test_rectifications_and_complaints (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) stats = NULL;
  gint64 opened = 0, closed = 0, open = 0, overdue = 0;
  gint64 by_month_april = 0, received = 0;
  const BbStatsTable *table;
  const BbStatsRow *row;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  insert_complaints (db);
  stats = compute (db, FROM, TO);

  for (guint i = 0; i < G_N_ELEMENTS (rectifications); i++)
    {
      const RectFix *r = &rectifications[i];
      gboolean is_open = !g_str_equal (r->state, "closed");

      if (in_range (r->created))
        {
          opened++;
          closed += !is_open;
        }
      open += is_open;
      overdue += is_open && g_strcmp0 (r->deadline, TODAY) < 0;
    }
  g_assert_cmpint (summary (stats, BB_STATS_KEY_RECTIFICATIONS_OPENED)->count, ==, opened);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_RECTIFICATIONS_CLOSED)->count, ==, closed);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_RECTIFICATIONS_OPEN)->count, ==, open);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_RECTIFICATIONS_OVERDUE)->count, ==, overdue);
  /* By hand: two opened in the range (one closed), two open now, one overdue. */
  g_assert_cmpint (opened, ==, 2);
  g_assert_cmpint (overdue, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (complaints); i++)
    {
      g_autofree char *month = NULL;

      if (!in_range (complaints[i].received))
        continue;
      received++;
      month = local_month (complaints[i].received);
      by_month_april += g_str_equal (month, "2026-04");
    }
  g_assert_cmpint (summary (stats, BB_STATS_KEY_COMPLAINTS)->count, ==, received);
  g_assert_cmpint (received, ==, 3);

  table = bb_stats_get_table (stats, BB_STATS_COMPLAINTS_BY_MONTH);
  row = bb_stats_table_find (table, "2026-04");
  g_assert_cmpint (row->count, ==, by_month_april);
  g_assert_cmpint (row->count, ==, 2);
  g_assert_cmpint (row->parts[BB_COMPLAINT_RECEIVED], ==, 1);
  g_assert_cmpint (row->parts[BB_COMPLAINT_INVESTIGATING], ==, 1);
  g_assert_cmpint (bb_stats_table_find (table, "2026-02")->parts[BB_COMPLAINT_ARCHIVED], ==, 1);
  g_assert_cmpint (bb_stats_table_find (table, "2026-03")->count, ==, 0);

  table = bb_stats_get_table (stats, BB_STATS_COMPLAINTS_BY_STATE);
  g_assert_cmpuint (table->rows->len, ==, BB_N_COMPLAINT_STATES);
  g_assert_cmpint (bb_stats_table_find (table, "received")->count, ==, 1);
  g_assert_cmpint (bb_stats_table_find (table, "investigating")->count, ==, 1);
  g_assert_cmpint (bb_stats_table_find (table, "archived")->count, ==, 1);
  g_assert_cmpint (bb_stats_table_find (table, "handled")->count, ==, 0);

  /* Now (6 May): the complaint of 1 April (due 16 April) and the one of
   * 15 April (due 29 April) are overdue; the one of 2 May is not yet, and
   * the first was answered on time. */
  g_assert_cmpint (summary (stats, BB_STATS_KEY_COMPLAINTS_OPEN)->count, ==, 3);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_COMPLAINTS_OVERDUE)->count, ==, 2);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_COMPLAINTS_ON_TIME)->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary (stats, BB_STATS_KEY_COMPLAINTS_ON_TIME)->value, 1.0,
                                  1e-9);
}

/* The +08:00 boundary: an evaluation at 16:30Z on 31 March is April's. */
static void
test_month_boundary (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) both = NULL;
  g_autoptr(BbStats) march = NULL;
  g_autoptr(BbStats) april_first = NULL;
  const BbStatsTable *months;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);

  both = compute (db, "2026-03-31", "2026-04-01");
  months = bb_stats_get_table (both, BB_STATS_SATISFACTION_BY_MONTH);
  g_assert_cmpuint (months->rows->len, ==, 2);
  /* 31 March local has no evaluation: the one at 16:30Z is 1 April 00:30. */
  g_assert_cmpint (bb_stats_table_find (months, "2026-03")->count, ==, 0);
  g_assert_cmpint (bb_stats_table_find (months, "2026-04")->count, ==, 1);
  g_assert_cmpint (bb_stats_table_find (months, "2026-04")->parts[3], ==, 1);

  march = compute (db, "2026-03-01", "2026-03-31");
  g_assert_cmpint (summary (march, BB_STATS_KEY_EVALUATIONS)->count, ==, 2);
  g_assert_cmpint (summary (march, BB_STATS_KEY_COMPLETED)->count, ==, 1);

  april_first = compute (db, "2026-04-01", "2026-04-01");
  g_assert_cmpint (summary (april_first, BB_STATS_KEY_EVALUATIONS)->count, ==, 1);
  g_assert_cmpint (summary (april_first, BB_STATS_KEY_COMPLETED)->count, ==, 1);
}

static void
test_refused_and_invalid (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) clerk = bb_actor_new (2, "S002", "李强", BB_ROLE_STAFF);
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStats) stats = NULL;

  stats = bb_stats_compute (db, clerk, FROM, TO, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_null (stats);
  g_clear_error (&error);

  stats = bb_stats_compute (db, manager, "2026-04-31", TO, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "From"));
  g_clear_error (&error);

  stats = bb_stats_compute (db, manager, TO, FROM, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "To"));
  g_clear_error (&error);

  /* An empty database: zeros and undefined rates, not errors. */
  stats = bb_stats_compute (db, manager, FROM, TO, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary (stats, BB_STATS_KEY_EVALUATIONS)->count, ==, 0);
  g_assert_true (isnan (summary (stats, BB_STATS_KEY_SATISFACTION_RATE)->value));
  g_assert_cmpuint (bb_stats_get_table (stats, BB_STATS_WORKLOAD)->rows->len, ==, 0);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStats) stats = NULL;

  stats = bb_stats_compute (db, manager, FROM, TO, progress_cb, fractions, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_clear_pointer (&stats, bb_stats_free);

  g_cancellable_cancel (cancellable);
  stats = bb_stats_compute (db, manager, FROM, TO, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stats);
}

static void
test_periods (void)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bb_stats_period_month ("2024-02", &from, &to, &error));
  g_assert_cmpstr (from, ==, "2024-02-01");
  g_assert_cmpstr (to, ==, "2024-02-29");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);

  g_assert_true (bb_stats_period_quarter ("2026-Q4", &from, &to, &error));
  g_assert_cmpstr (from, ==, "2026-10-01");
  g_assert_cmpstr (to, ==, "2026-12-31");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);

  g_assert_false (bb_stats_period_quarter ("2026-Q5", &from, &to, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bb_stats_period_month ("2026-13", &from, &to, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
}

static void
test_json (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) stats = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *tables, *month;
  JsonArray *rows;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  stats = compute (db, FROM, TO);
  node = bb_stats_to_json (stats);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, FROM);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"),
                                               "evaluations"), ==, 6);
  g_assert_cmpfloat_with_epsilon (
    json_object_get_double_member (json_object_get_object_member (root, "summary"),
                                   "satisfaction_rate"), 0.5, 1e-9);
  tables = json_object_get_object_member (root, "tables");
  rows = json_object_get_array_member (json_object_get_object_member (tables,
                                                                      "satisfaction_by_month"),
                                       "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  month = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (month, "key"), ==, "2026-02");
  /* No evaluations: the rate is undefined, not 0. */
  g_assert_true (json_object_get_null_member (month, "value"));
  month = json_array_get_object_element (rows, 3);
  g_assert_cmpint (json_object_get_int_member (month, "very_satisfied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (month, "satisfied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (month, "dissatisfied"), ==, 1);
}

/* The running totals (migration 0005) against the case table */

static const char SQL_ROLLUP_OFFSET[] =
  "UPDATE stats_config SET offset_us = ##offset::gint64 WHERE id = 1";

static void
set_rollup_offset (BbDatabase *db,
                   gint64      offset)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_ROLLUP_OFFSET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_int64 (params, "offset", offset);
  exec (db, statement, params);
}

/* The statistics from the case table: the running totals serve only when
 * they count days with the range's offset, so another offset sets them
 * aside. */
static BbStats *
compute_from_cases (BbDatabase *db,
                    const char *from,
                    const char *to)
{
  BbStats *stats;

  set_rollup_offset (db, 0);
  stats = compute (db, from, to);
  set_rollup_offset (db, G_GINT64_CONSTANT (28800000000));
  return stats;
}

static void
assert_same_stats (const BbStats *a,
                   const BbStats *b)
{
  for (guint t = 0; t < BB_STATS_N_TABLES; t++)
    {
      const BbStatsTable *x = a->tables[t];
      const BbStatsTable *y = b->tables[t];

      g_test_message ("table %s", bb_stats_table_to_string (t));
      g_assert_cmpuint (x->rows->len, ==, y->rows->len);
      for (guint i = 0; i < x->rows->len; i++)
        {
          const BbStatsRow *r = g_ptr_array_index (x->rows, i);
          const BbStatsRow *q = bb_stats_table_find (y, r->key);

          g_test_message ("row %s", r->key);
          g_assert_nonnull (q);
          g_assert_cmpstr (r->label, ==, q->label);
          g_assert_cmpint (r->count, ==, q->count);
          for (guint p = 0; p < BB_STATS_N_PARTS; p++)
            g_assert_cmpint (r->parts[p], ==, q->parts[p]);
          if (isnan (r->value))
            g_assert_true (isnan (q->value));
          else
            g_assert_cmpfloat_with_epsilon (r->value, q->value, 1e-9);
        }
    }
}

/* Every kind of change the case and evaluation rows can go through, made
 * behind the repositories' backs so that only the triggers keep count. */
static const char *changes[] = {
  /* reassigned */
  "UPDATE bb_case SET responsible_id = 2 WHERE id = 2",
  /* disputed: back to handling, not completed */
  "UPDATE bb_case SET completed_at = NULL, state = 'handling' WHERE id = 1",
  /* completed late, after its deadline of 24 April */
  "UPDATE bb_case SET completed_at = 1777341600000000, state = 'completed' WHERE id = 5",
  /* a deadline moved before its completion */
  "UPDATE bb_case SET deadline = '2026-03-31' WHERE id = 3",
  /* a matter outside the catalogue put into it */
  "UPDATE bb_case SET item_id = 2, matter = '不动产转移登记' WHERE id = 4",
  /* a client's category changed */
  "UPDATE client SET category = 'military' WHERE id = 1",
  /* a case moved to another client */
  "UPDATE bb_case SET client_id = 3 WHERE id = 1",
  /* a responsible staff member for the unassigned case */
  "UPDATE bb_case SET responsible_id = 1 WHERE id = 6",
  /* an evaluation corrected, another moved to another day */
  "UPDATE evaluation SET level = 1 WHERE id = 2",
  "UPDATE evaluation SET at = 1772870400000000 WHERE id = 3",
  /* an evaluation deleted, and a case with its evaluation */
  "DELETE FROM evaluation WHERE id = 8",
  "DELETE FROM rectification WHERE case_id = 7",
  "DELETE FROM bb_case WHERE id = 7",
  /* a case that counts nowhere any more */
  "UPDATE bb_case SET applied_at = 1735700000000000, accepted_at = 1735700000000000 WHERE id = 8",
};

static void
test_rollups_follow_changes (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) before = NULL;
  g_autoptr(BbStats) totals = NULL;
  g_autoptr(BbStats) from_cases = NULL;
  g_autoptr(BbStats) wider = NULL;
  g_autoptr(BbStats) wider_from_cases = NULL;
  g_autoptr(BbStats) tampered = NULL;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  before = compute (db, FROM, TO);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", changes[i]);
      g_assert_cmpint (bb_database_execute (db, bb_database_prepare (db, changes[i]), NULL, &error),
                       >=, 1);
      g_assert_no_error (error);
    }

  totals = compute (db, FROM, TO);
  from_cases = compute_from_cases (db, FROM, TO);
  assert_same_stats (totals, from_cases);
  /* A wider range, with days outside the first one. */
  wider = compute (db, "2025-12-01", "2026-05-31");
  wider_from_cases = compute_from_cases (db, "2025-12-01", "2026-05-31");
  assert_same_stats (wider, wider_from_cases);

  /* The changes did change the figures: one evaluation of the range
   * deleted; the dispute took a completion away and case 5's added one. */
  g_assert_cmpint (summary (before, BB_STATS_KEY_EVALUATIONS)->count, ==, 6);
  g_assert_cmpint (summary (from_cases, BB_STATS_KEY_EVALUATIONS)->count, ==, 5);
  g_assert_cmpint (summary (from_cases, BB_STATS_KEY_COMPLETED)->count, ==, 4);
  g_assert_cmpint (summary (from_cases, BB_STATS_KEY_ON_TIME_RATE)->parts[1], ==, 3);

  /* And the totals are what is read when they fit: spoil one. */
  {
    g_autoptr(GError) error = NULL;
    static const char spoil[] = "UPDATE stats_eval_category SET n = n + 100 WHERE level = 5";

    g_assert_cmpint (bb_database_execute (db, bb_database_prepare (db, spoil), NULL, &error),
                     >=, 1);
    tampered = compute (db, "2025-12-01", "2026-05-31");
    g_assert_cmpint (summary (tampered, BB_STATS_KEY_EVALUATIONS)->count, >=,
                     summary (wider_from_cases, BB_STATS_KEY_EVALUATIONS)->count + 100);
  }
}

/* A database that had cases before the running totals existed: the
 * migration counts them. Going back to schema 4 undoes schema 7 first. */
static const char SQL_DROP_ROLLUPS_SQLITE[] =
  BB_TEST_UNDO_SCHEMA_7
  "DROP TRIGGER stats_case_ai; DROP TRIGGER stats_case_au; DROP TRIGGER stats_case_dims_au; "
  "DROP TRIGGER stats_case_bd; DROP TRIGGER stats_case_ad; DROP TRIGGER stats_evaluation_ai; "
  "DROP TRIGGER stats_evaluation_au; DROP TRIGGER stats_evaluation_ad; "
  "DROP TRIGGER stats_client_au; "
  "DROP TABLE stats_config; DROP TABLE stats_case_day; DROP TABLE stats_completion; "
  "DROP TABLE stats_open; DROP TABLE stats_eval_staff; DROP TABLE stats_eval_matter; "
  "DROP TABLE stats_eval_category; DROP INDEX rectification_created; "
  "DELETE FROM schema_version WHERE version >= 5;";
static const char SQL_DROP_ROLLUPS_PG[] =
  BB_TEST_UNDO_SCHEMA_7
  "DROP FUNCTION stats_case_counts () CASCADE; DROP FUNCTION stats_case_dims () CASCADE; "
  "DROP FUNCTION stats_evaluation () CASCADE; DROP FUNCTION stats_client_category () CASCADE; "
  "DROP TABLE stats_config; DROP TABLE stats_case_day; DROP TABLE stats_completion; "
  "DROP TABLE stats_open; DROP TABLE stats_eval_staff; DROP TABLE stats_eval_matter; "
  "DROP TABLE stats_eval_category; DROP INDEX rectification_created; "
  "DELETE FROM schema_version WHERE version >= 5;";

static void
test_rollups_backfilled (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) expected = NULL;
  g_autoptr(BbStats) totals = NULL;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  insert_fixture (db);
  expected = compute_from_cases (db, FROM, TO);

  /* Back to schema 4, the cases still there but counted nowhere… */
  g_clear_object (&db);
  bb_test_exec_script (location, bb_test_engine () == BB_ENGINE_SQLITE ? SQL_DROP_ROLLUPS_SQLITE
                                                                       : SQL_DROP_ROLLUPS_PG);
  /* …and up again: the migration counts them. */
  db = bb_test_open (location);
  g_assert_cmpuint (bb_database_get_schema_version (db), ==,
                    bb_database_get_latest_schema_version ());

  totals = compute (db, FROM, TO);
  assert_same_stats (totals, expected);
  g_assert_cmpint (summary (totals, BB_STATS_KEY_EVALUATIONS)->count, ==, 6);
  g_assert_cmpint (summary (totals, BB_STATS_KEY_COMPLETED)->count, ==, 4);
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/stats/satisfaction", test_satisfaction);
  g_test_add_func ("/bangban/stats/completion", test_completion);
  g_test_add_func ("/bangban/stats/workload", test_workload);
  g_test_add_func ("/bangban/stats/rectifications-complaints", test_rectifications_and_complaints);
  g_test_add_func ("/bangban/stats/month-boundary", test_month_boundary);
  g_test_add_func ("/bangban/stats/refused-invalid", test_refused_and_invalid);
  g_test_add_func ("/bangban/stats/progress-cancel", test_progress_and_cancel);
  g_test_add_func ("/bangban/stats/periods", test_periods);
  g_test_add_func ("/bangban/stats/json", test_json);
  g_test_add_func ("/bangban/stats/rollups-follow-changes", test_rollups_follow_changes);
  g_test_add_func ("/bangban/stats/rollups-backfilled", test_rollups_backfilled);

  return g_test_run ();
}
