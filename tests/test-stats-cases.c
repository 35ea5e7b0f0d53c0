/* test-stats-cases.c — what a chart's bar lists; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a fixture with the edges the statistics care about (instants just
 * inside and outside the range and a month in Shanghai time, cases with
 * nobody responsible, matters outside the catalogue, items without a
 * department, two evaluations of one case, deadlines met, missed and
 * absent, complaints in several states), every row and every part of
 * every table of bb_stats_compute() is listed with bb_stats_cases_list(),
 * and the number listed must equal the figure on the bar — from the
 * running totals and from the case table alike. A few buckets are also
 * checked case by case, as worked out by hand.
 */

#include "config.h"

#include <string.h>

#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-stats-cases.h"
#include "bb-stats.h"
#include "bb-test-util.h"

#define FROM   "2026-01-01"
#define TO     "2026-04-30"
#define NOW    "2026-05-06T10:00:00+08:00"
#define ID_PREFIX "61010319850312"

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

static const struct { int id; const char *number; const char *name; } staff[] = {
  { 1, "S001", "王芳" },
  { 2, "S002", "李强" },
  { 3, "S003", "赵敏" },
};

/* Item 3 has an empty department: it shares the “No department” bar with the
 * matters outside the catalogue. */
static const struct { int id; const char *name; const char *department; } items[] = {
  { 1, "企业设立登记", "市场监管局" },
  { 2, "不动产转移登记", "自然资源局" },
  { 3, "社保卡补办", "" },
};

static const struct { int id; const char *name; const char *category; } clients[] = {
  { 1, "陈一", "talent" },
  { 2, "林二", "military" },
  { 3, "周三", "other" },
};

static const CaseFix case_fixtures[] = {
  /* On time in March. */
  { 1, "proxy", "archived", 1, 1, NULL, 1, "2026-03-01T09:00:00+08:00",
    "2026-03-02T10:00:00+08:00", "2026-03-09", "2026-03-06T15:00:00+08:00" },
  /* Late in April. */
  { 2, "proxy", "confirmed", 1, 2, NULL, 2, "2026-03-29T09:00:00+08:00",
    "2026-03-30T09:00:00+08:00", "2026-04-03", "2026-04-07T10:00:00+08:00" },
  /* Completed at 16:30Z on 31 March: 1 April in Shanghai, on time. */
  { 3, "proxy", "completed", 2, 1, NULL, 3, "2026-03-30T11:00:00+08:00",
    "2026-03-31T15:30:00Z", "2026-04-01", "2026-03-31T16:30:00Z" },
  /* 帮办 outside the catalogue, no deadline, January. */
  { 4, "assist", "delivered", 2, 0, "政策咨询", 1, "2026-01-02T09:00:00+08:00",
    NULL, NULL, "2026-01-05T16:00:00+08:00" },
  /* Handling, deadline passed: overdue now. */
  { 5, "proxy", "handling", 1, 2, NULL, 3, "2026-04-19T09:00:00+08:00",
    "2026-04-20T09:00:00+08:00", "2026-04-24", NULL },
  /* Nobody responsible: registered, open. */
  { 6, "proxy", "analysed", 0, 1, NULL, 2, "2026-04-10T09:00:00+08:00",
    NULL, NULL, NULL },
  /* Completed one second before the range in Shanghai time. */
  { 7, "proxy", "completed", 2, 1, NULL, 3, "2025-12-19T09:00:00+08:00",
    "2025-12-20T09:00:00+08:00", "2025-12-31", "2025-12-31T15:59:59Z" },
  /* Completed at the first instant after the range. */
  { 8, "proxy", "completed", 2, 2, NULL, 1, "2026-04-25T09:00:00+08:00",
    "2026-04-26T09:00:00+08:00", "2026-05-08", "2026-04-30T16:00:00Z" },
  /* An item without a department, nobody responsible, completed late in
   * February, evaluated. */
  { 9, "proxy", "archived", 0, 3, NULL, 1, "2026-02-02T09:00:00+08:00",
    "2026-02-02T10:00:00+08:00", "2026-02-03", "2026-02-05T11:00:00+08:00" },
  /* Handling with its deadline today: not overdue. */
  { 10, "proxy", "handling", 3, 1, NULL, 2, "2026-04-28T09:00:00+08:00",
    "2026-04-28T10:00:00+08:00", "2026-05-06", NULL },
  /* Another outside the catalogue, same matter, nobody responsible, March. */
  { 11, "assist", "delivered", 0, 0, "政策咨询", 3, "2026-03-03T09:00:00+08:00",
    NULL, NULL, "2026-03-03T16:00:00+08:00" },
};

static const EvalFix evaluations[] = {
  { 1, 5, "2026-03-06T08:00:00Z" },
  { 1, 3, "2026-03-10T02:00:00Z" },   /* a second evaluation of case 1 */
  { 2, 2, "2026-04-07T03:00:00Z" },
  { 3, 4, "2026-03-31T16:30:00Z" },   /* April in Shanghai */
  { 4, 1, "2026-01-05T09:00:00Z" },
  { 7, 5, "2025-12-31T15:59:59Z" },   /* outside */
  { 8, 4, "2026-04-30T16:00:00Z" },   /* outside */
  { 3, 5, "2026-04-30T15:59:59Z" },   /* inside */
  { 9, 2, "2026-02-06T09:00:00+08:00" },
  { 11, 4, "2026-03-03T17:00:00+08:00" },
  { 11, 5, "2026-02-28T16:00:00Z" },  /* 1 March in Shanghai */
};

static const struct { const char *received; int steps; const char *staff; } complaints[] = {
  { "2026-02-10T10:00:00+08:00", 4, "S002" },   /* archived */
  { "2026-03-31T16:30:00Z", 1, "S001" },        /* April; investigating */
  { "2026-04-15T10:00:00+08:00", 0, NULL },     /* received, about nobody */
  { "2026-04-16T10:00:00+08:00", 2, "S003" },   /* handled */
  { "2026-05-02T10:00:00+08:00", 0, "S001" },   /* after the range */
};

static const char SQL_STAFF[] =
  "INSERT INTO staff (id, number, name, role, created_at) "
  "VALUES (##id::gint64, ##number::string, ##name::string, 'staff', 0)";
static const char SQL_ITEM[] =
  "INSERT INTO catalogue_item (id, name, department, limit_days, created_at) "
  "VALUES (##id::gint64, ##name::string, ##department::string::null, 5, 0)";
static const char SQL_CLIENT[] =
  "INSERT INTO client (id, kind, name, id_number, category, created_at) "
  "VALUES (##id::gint64, 'person', ##name::string, ##id_number::string, ##category::string, 0)";
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
static const char SQL_ROLLUP_OFFSET[] =
  "UPDATE stats_config SET offset_us = ##offset::gint64 WHERE id = 1";

static gint64
usec_of (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (when);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
exec (BbDatabase   *db,
      GdaStatement *statement,
      GdaSet       *params)
{
  g_autoptr(GError) error = NULL;
  int changed = bb_database_execute (db, statement, params, &error);

  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);
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
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  GdaStatement *statement;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
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
      if (items[i].department != NULL)
        bb_params_set_string (params, "department", items[i].department);
      else
        bb_params_set_null (params, "department");
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_CLIENT);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
      g_autofree char *id_number = g_strdup_printf (ID_PREFIX "002%d", clients[i].id);

      bb_params_set_int64 (params, "id", clients[i].id);
      bb_params_set_string (params, "name", clients[i].name);
      bb_params_set_string (params, "id_number", id_number);
      bb_params_set_string (params, "category", clients[i].category);
      exec (db, statement, params);
    }

  statement = bb_database_prepare (db, SQL_CASE);
  for (guint i = 0; i < G_N_ELEMENTS (case_fixtures); i++)
    {
      const CaseFix *c = &case_fixtures[i];
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
      if (c->deadline != NULL)
        bb_params_set_string (params, "deadline", c->deadline);
      else
        bb_params_set_null (params, "deadline");
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

  for (guint i = 0; i < G_N_ELEMENTS (complaints); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbComplaint) complaint = NULL;
      BbComplaintDraft draft = {
        .channel = "phone", .complainant = "张女士", .contact = "13812345678",
        .content = "等候时间过长", .staff_number = complaints[i].staff,
        .case_number = i == 1 ? "2026000002" : NULL,
      };

      g_setenv ("BANGBAN_NOW", complaints[i].received, TRUE);
      complaint = bb_complaint_repo_add (db, manager, &draft, &error);
      g_assert_no_error (error);
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

static void
set_rollup_offset (BbDatabase *db,
                   gint64      offset)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_ROLLUP_OFFSET);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

  bb_params_set_int64 (params, "offset", offset);
  exec (db, statement, params);
}

static BbStats *
compute (BbDatabase *db,
         const char *from,
         const char *to)
{
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  BbStats *stats = bb_stats_compute (db, manager, from, to, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static BbStatsCases *
list (BbDatabase     *db,
      BbStatsTableId  table,
      const char     *key,
      int             part,
      const char     *from,
      const char     *to,
      guint           limit)
{
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  BbStatsCases *cases = bb_stats_cases_list (db, manager, table, key, part, from, to, limit,
                                             NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cases);
  return cases;
}

/* Lists every bucket of @stats; returns how many items were listed. */
static gint64
check_every_bucket (BbDatabase    *db,
                    const BbStats *stats)
{
  gint64 listed = 0;

  for (guint t = 0; t < BB_STATS_N_TABLES; t++)
    {
      const BbStatsTable *table = stats->tables[t];

      if (t == BB_STATS_SUMMARY)
        continue;
      for (guint r = 0; r < table->rows->len; r++)
        {
          const BbStatsRow *row = g_ptr_array_index (table->rows, r);

          for (int part = -1; part < BB_STATS_N_PARTS; part++)
            {
              gint64 expected = bb_stats_row_bucket_size (t, row, part);
              g_autoptr(BbStatsCases) all = NULL;
              g_autoptr(BbStatsCases) first = NULL;

              if (expected < 0)
                continue;
              g_test_message ("%s row %s part %d: %" G_GINT64_FORMAT,
                              bb_stats_table_to_string (t), row->key, part, expected);
              all = list (db, t, row->key, part, stats->from, stats->to, 1000);
              g_assert_cmpint (all->total, ==, expected);
              g_assert_cmpint (all->items->len, ==, expected);
              /* Bounded: the first one only, the total all the same. */
              first = list (db, t, row->key, part, stats->from, stats->to, 1);
              g_assert_cmpint (first->total, ==, expected);
              g_assert_cmpint (first->items->len, ==, MIN (expected, 1));
              for (guint i = 0; i < all->items->len; i++)
                {
                  const BbStatsItem *item = g_ptr_array_index (all->items, i);

                  g_assert_nonnull (item->number);
                  g_assert_nonnull (item->name);
                  g_assert_nonnull (item->state);
                  g_assert_nonnull (item->date);
                  g_assert_cmpint (strlen (item->date), ==, 10);
                  /* Never the ID number. */
                  g_assert_null (strstr (item->name, ID_PREFIX));
                  g_assert_null (strstr (item->about, ID_PREFIX));
                }
              listed += expected;
            }
        }
    }
  return listed;
}

static gboolean
has_number (const BbStatsCases *cases,
            const char         *number)
{
  for (guint i = 0; i < cases->items->len; i++)
    if (g_str_equal (((BbStatsItem *) g_ptr_array_index (cases->items, i))->number, number))
      return TRUE;
  return FALSE;
}

/* Tests */

static void
test_every_bucket (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStats) totals = NULL;
  g_autoptr(BbStats) from_cases = NULL;
  g_autoptr(BbStats) wide = NULL;
  gint64 listed;

  insert_fixture (db);

  /* As the page shows them: from the running totals. */
  totals = compute (db, FROM, TO);
  listed = check_every_bucket (db, totals);
  /* Not vacuous: there were things to list. */
  g_assert_cmpint (listed, >, 40);

  /* From the case table (another offset sets the totals aside). */
  set_rollup_offset (db, 0);
  from_cases = compute (db, FROM, TO);
  g_assert_cmpint (check_every_bucket (db, from_cases), ==, listed);
  set_rollup_offset (db, G_GINT64_CONSTANT (28800000000));

  /* A wider range takes in the edges outside. */
  wide = compute (db, "2025-12-01", "2026-05-31");
  g_assert_cmpint (check_every_bucket (db, wide), >, listed);
}

static void
test_by_hand (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbStatsCases) cases = NULL;
  const BbStatsItem *item;

  insert_fixture (db);

  /* 非常满意 in the range: case 1 (6 March), case 3 (30 April 23:59:59),
   * case 11 (1 March in Shanghai); not case 7 (31 December). */
  cases = list (db, BB_STATS_SATISFACTION, "5", -1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 3);
  g_assert_true (has_number (cases, "2026000001"));
  g_assert_true (has_number (cases, "2026000003"));
  g_assert_true (has_number (cases, "2026000011"));
  /* Newest first, on the day of record. */
  item = g_ptr_array_index (cases->items, 0);
  g_assert_cmpstr (item->number, ==, "2026000003");
  g_assert_cmpstr (item->date, ==, "2026-04-30");
  g_assert_cmpstr (item->name, ==, "周三");
  g_assert_cmpstr (item->about, ==, "企业设立登记");
  g_assert_cmpstr (item->staff, ==, "李强 (S002)");
  g_assert_nonnull (item->detail);
  item = g_ptr_array_index (cases->items, 2);
  g_assert_cmpstr (item->number, ==, "2026000011");
  g_assert_cmpstr (item->date, ==, "2026-03-01");
  g_clear_pointer (&cases, bb_stats_cases_free);

  /* April's on-time bar: case 3 (on time, 1 April in Shanghai) and case 2
   * (late); its parts one each. */
  cases = list (db, BB_STATS_ON_TIME_BY_MONTH, "2026-04", -1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 2);
  g_clear_pointer (&cases, bb_stats_cases_free);
  cases = list (db, BB_STATS_ON_TIME_BY_MONTH, "2026-04", 1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 1);
  g_assert_true (has_number (cases, "2026000002"));
  g_clear_pointer (&cases, bb_stats_cases_free);

  /* March's handling time counts the case without a deadline (11), and
   * not case 3 (April in Shanghai). */
  cases = list (db, BB_STATS_HANDLING_TIME_BY_MONTH, "2026-03", -1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 2);
  g_assert_true (has_number (cases, "2026000001"));
  g_assert_true (has_number (cases, "2026000011"));
  g_clear_pointer (&cases, bb_stats_cases_free);

  /* Overdue now: case 5 only (case 10 is due today). */
  cases = list (db, BB_STATS_WORKLOAD, "1", 4, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 1);
  item = g_ptr_array_index (cases->items, 0);
  g_assert_cmpstr (item->number, ==, "2026000005");
  g_assert_cmpstr (item->date, ==, "2026-04-24");
  g_clear_pointer (&cases, bb_stats_cases_free);
  cases = list (db, BB_STATS_WORKLOAD, "3", 4, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 0);
  g_clear_pointer (&cases, bb_stats_cases_free);

  /* Nobody responsible: registered in the range, cases 6 and 11 and 9. */
  cases = list (db, BB_STATS_WORKLOAD, "", 0, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 3);
  g_clear_pointer (&cases, bb_stats_cases_free);

  /* The matter outside the catalogue: case 11's two evaluations and case
   * 4's; “No department” adds item 3's (case 9). */
  cases = list (db, BB_STATS_SATISFACTION_BY_MATTER, "matter:政策咨询", -1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 3);
  g_clear_pointer (&cases, bb_stats_cases_free);
  cases = list (db, BB_STATS_SATISFACTION_BY_DEPARTMENT, "", -1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 4);
  g_clear_pointer (&cases, bb_stats_cases_free);

  /* Complaints of April: the one received at 16:30Z on 31 March and two
   * more; the first is about 王芳 and case 2. */
  cases = list (db, BB_STATS_COMPLAINTS_BY_MONTH, "2026-04", -1, FROM, TO, 10);
  g_assert_cmpint (cases->kind, ==, BB_STATS_ITEM_COMPLAINT);
  g_assert_cmpint (cases->total, ==, 3);
  item = g_ptr_array_index (cases->items, 2);
  g_assert_cmpstr (item->name, ==, "张女士");
  g_assert_nonnull (strstr (item->about, "王芳"));
  g_assert_nonnull (strstr (item->about, "2026000002"));
  g_assert_cmpstr (item->date, ==, "2026-04-01");
  g_assert_null (item->staff);
  g_clear_pointer (&cases, bb_stats_cases_free);
  cases = list (db, BB_STATS_COMPLAINTS_BY_STATE, "handled", -1, FROM, TO, 10);
  g_assert_cmpint (cases->total, ==, 1);
}

static void
test_refused_and_unknown (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) clerk = bb_actor_new (2, "S002", "李强", BB_ROLE_STAFF);
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  static const struct { BbStatsTableId table; const char *key; int part; } unknown[] = {
    { BB_STATS_SUMMARY, "evaluations", -1 },
    { BB_STATS_SATISFACTION, "6", -1 },
    { BB_STATS_SATISFACTION, "5", 4 },
    { BB_STATS_SATISFACTION_BY_MATTER, "nothing", -1 },
    { BB_STATS_SATISFACTION_BY_STAFF, "x", -1 },
    { BB_STATS_HANDLING_TIME_BY_MONTH, "2026-03", 0 },
    { BB_STATS_ON_TIME_BY_MONTH, "2026-03", 2 },
    { BB_STATS_COMPLAINTS_BY_STATE, "lost", -1 },
    { BB_STATS_WORKLOAD, "1", 5 },
  };

  insert_fixture (db);

  /* Statistics are for managers: a clerk lists nothing. */
  g_assert_null (bb_stats_cases_list (db, clerk, BB_STATS_SATISFACTION, "5", -1, FROM, TO, 10,
                                      NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_assert_null (bb_stats_cases_list (db, manager, unknown[i].table, unknown[i].key,
                                          unknown[i].part, FROM, TO, 10, NULL, &error));
      g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  /* A month that is no month; dates that are no dates. */
  g_assert_null (bb_stats_cases_list (db, manager, BB_STATS_ON_TIME_BY_MONTH, "2026-13", -1,
                                      FROM, TO, 10, NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bb_stats_cases_list (db, manager, BB_STATS_SATISFACTION, "5", -1, TO, FROM, 10,
                                      NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbStatsCases **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = bb_stats_cases_list_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) manager = bb_actor_new (1, "S001", "王芳", BB_ROLE_MANAGER);
  g_autoptr(BbStatsCases) cases = NULL;

  insert_fixture (db);
  bb_stats_cases_list_async (db, manager, BB_STATS_WORKLOAD, "2", 2, FROM, TO, 50, NULL,
                             listed_cb, &cases);
  while (cases == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* 李强 completed cases 3 and 4 in the range (7 and 8 are outside). */
  g_assert_cmpint (cases->total, ==, 2);
  g_assert_true (has_number (cases, "2026000003"));
  g_assert_true (has_number (cases, "2026000004"));
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/stats-cases/every-bucket", test_every_bucket);
  g_test_add_func ("/bangban/stats-cases/by-hand", test_by_hand);
  g_test_add_func ("/bangban/stats-cases/refused-unknown", test_refused_and_unknown);
  g_test_add_func ("/bangban/stats-cases/async", test_async);

  return g_test_run ();
}
