/* test-demo.c — demo data: every state through the workflow, the bulk
 * path, a whole audit chain, the same data from the same seed; on SQLite
 * and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <string.h>

#include "bb-audit.h"
#include "bb-bulk.h"
#include "bb-case-query.h"
#include "bb-case-repo.h"
#include "bb-client-repo.h"
#include "bb-demo.h"
#include "bb-error.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

#define NOW "2026-03-18T10:00:00"

static BbDatabase *
demo_database (guint64        n_cases,
               guint32        seed,
               BbDemoSummary *summary,
               BbLocation   **location)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(GError) error = NULL;
  BbDatabase *db;

  *location = bb_test_new_location ();
  db = bb_test_open (*location);
  g_assert_true (bb_demo_run (db, system, n_cases, seed, NULL, NULL, NULL, summary, &error));
  g_assert_no_error (error);
  /* The clock the demo moved is back where it was. */
  g_assert_cmpstr (g_getenv ("BANGBAN_NOW"), ==, NOW);
  return db;
}

static void
assert_audit_holds (BbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, >, 0);
}

/* Every case, newest first, as “number client state matter” lines. */
static GPtrArray *
case_lines (BbDatabase *db)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(BbCaseCursor) cursor = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  do
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      BbCaseCursor *next = NULL;

      rows = bb_case_query_page (db, system, filter, BB_CASE_SORT_NEWEST, cursor, 500, &next,
                                 &error);
      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          BbCaseSummary *row = g_ptr_array_index (rows, i);

          g_ptr_array_add (lines, g_strdup_printf ("%s %s %s %s %s", row->number,
                                                   row->client_name, row->client_id_masked,
                                                   bb_case_state_to_string (row->state),
                                                   row->matter));
        }
      g_clear_pointer (&cursor, bb_case_cursor_free);
      cursor = next;
    }
  while (cursor != NULL);
  return lines;
}

static void
test_every_state (void)
{
  g_autoptr(BbLocation) location = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BbActor) signed_in = NULL;
  BbDemoSummary summary = { 0 };
  BbDemoSummary again = { 0 };
  BbCaseCounters counters;
  guint64 total = 0;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  db = demo_database (40, 3, &summary, &location);

  /* Every state, reached through the workflow alone. */
  g_assert_cmpuint (summary.n_bulk_cases, ==, 0);
  g_assert_cmpuint (summary.n_workflow_cases, ==, 40);
  for (guint s = 0; s < BB_N_STATES; s++)
    {
      if (summary.n_by_state[s] == 0)
        g_error ("no demo case is %s", bb_case_state_to_string ((BbCaseState) s));
      total += summary.n_by_state[s];
    }
  g_assert_cmpuint (total, ==, summary.n_cases);
  g_assert_cmpuint (summary.n_cases, >=, 40);
  g_assert_cmpuint (summary.n_staff, ==, 18);
  g_assert_cmpuint (summary.n_items, >=, 11);
  g_assert_cmpuint (summary.n_evaluations, >, 0);
  g_assert_cmpuint (summary.n_complaints, >, 0);
  g_assert_cmpuint (summary.n_consultations, >, 0);
  g_assert_cmpstr (summary.admin_number, ==, "1001");

  /* The dashboard has something in every tile. */
  g_assert_true (bb_case_query_counters (db, &counters, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counters.open, >, 0);
  g_assert_cmpint (counters.due_soon, >, 0);
  g_assert_cmpint (counters.overdue, >, 0);
  g_assert_cmpint (counters.suspended, >, 0);
  g_assert_cmpint (counters.completed_this_month, >, 0);

  /* Clients of every category, with valid ID numbers and credit codes. */
  clients = bb_client_repo_list (db, 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < clients->len; i++)
    {
      BbClient *client = g_ptr_array_index (clients, i);

      g_hash_table_add (categories, client->category);
      if (client->id_number != NULL)
        g_assert_true (bb_validate_id_number (client->id_number, NULL));
      if (client->credit_code != NULL)
        g_assert_true (bb_validate_credit_code (client->credit_code, NULL));
    }
  for (const char * const *c = bb_client_categories (); *c != NULL; c++)
    if (!g_hash_table_contains (categories, *c))
      g_error ("no demo client of category %s", *c);

  /* The demo accounts sign in. */
  signed_in = bb_staff_repo_authenticate (db, "1004", BB_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signed_in->role, ==, BB_ROLE_LEADER);

  assert_audit_holds (db);

  /* Once there are cases, the demo leaves the database alone. */
  g_assert_false (bb_demo_run (db, system, 10, 3, NULL, NULL, NULL, &again, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_cmpstr (g_getenv ("BANGBAN_NOW"), ==, NOW);

  bb_demo_summary_clear (&summary);
  bb_demo_summary_clear (&again);
  g_unsetenv ("BANGBAN_NOW");
}

static void
test_same_seed (void)
{
  g_autoptr(BbLocation) location1 = NULL;
  g_autoptr(BbLocation) location2 = NULL;
  g_autoptr(BbLocation) location3 = NULL;
  g_autoptr(BbDatabase) db1 = NULL;
  g_autoptr(BbDatabase) db2 = NULL;
  g_autoptr(BbDatabase) db3 = NULL;
  g_autoptr(GPtrArray) lines1 = NULL;
  g_autoptr(GPtrArray) lines2 = NULL;
  g_autoptr(GPtrArray) lines3 = NULL;
  BbDemoSummary summary = { 0 };
  gboolean differ = FALSE;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  db1 = demo_database (25, 11, &summary, &location1);
  bb_demo_summary_clear (&summary);
  db2 = demo_database (25, 11, &summary, &location2);
  bb_demo_summary_clear (&summary);
  db3 = demo_database (25, 12, &summary, &location3);
  bb_demo_summary_clear (&summary);

  lines1 = case_lines (db1);
  lines2 = case_lines (db2);
  lines3 = case_lines (db3);
  g_assert_cmpuint (lines1->len, >=, 25);
  g_assert_cmpuint (lines1->len, ==, lines2->len);
  for (guint i = 0; i < lines1->len; i++)
    g_assert_cmpstr (g_ptr_array_index (lines1, i), ==, g_ptr_array_index (lines2, i));

  /* Another seed, other data. */
  for (guint i = 0; i < MIN (lines1->len, lines3->len); i++)
    if (g_strcmp0 (g_ptr_array_index (lines1, i), g_ptr_array_index (lines3, i)) != 0)
      differ = TRUE;
  g_assert_true (differ || lines1->len != lines3->len);
  g_unsetenv ("BANGBAN_NOW");
}

/* Each running total (migration 0005), as a table holds it and as counted
 * from scratch from the cases, evaluations and clients; {DAYNUM} stands
 * for the engine's day number of a `YYYY-MM-DD` deadline. */
#define DAY_OF(t) "((" t ") + o.offset_us) / 86400000000"

static const struct
{
  const char *table;
  const char *held;
  const char *counted;
} totals[] = {
  { "stats_case_day",
    "SELECT day, what, staff_id, n FROM stats_case_day WHERE n <> 0",
    "SELECT day, what, staff_id, count(*) FROM ("
    "SELECT " DAY_OF ("c.applied_at") " AS day, 1 AS what, COALESCE(c.responsible_id, 0) AS staff_id "
    "FROM bb_case c, stats_config o "
    "UNION ALL SELECT " DAY_OF ("c.accepted_at") ", 2, COALESCE(c.responsible_id, 0) "
    "FROM bb_case c, stats_config o WHERE c.accepted_at IS NOT NULL "
    "UNION ALL SELECT " DAY_OF ("c.completed_at") ", 3, COALESCE(c.responsible_id, 0) "
    "FROM bb_case c, stats_config o WHERE c.completed_at IS NOT NULL) AS d "
    "GROUP BY day, what, staff_id" },
  { "stats_completion",
    "SELECT c_day, a_day, t, n FROM stats_completion WHERE n <> 0",
    "SELECT " DAY_OF ("c.completed_at") ", " DAY_OF ("COALESCE(c.accepted_at, c.applied_at)") ", "
    "CASE WHEN c.deadline IS NULL THEN 2 WHEN {DAYNUM} >= " DAY_OF ("c.completed_at") " THEN 1 "
    "ELSE 0 END, count(*) FROM bb_case c, stats_config o WHERE c.completed_at IS NOT NULL "
    "GROUP BY 1, 2, 3" },
  { "stats_open",
    "SELECT staff_id, state, deadline, n FROM stats_open WHERE n <> 0",
    "SELECT COALESCE(responsible_id, 0), state, COALESCE(deadline, ''), count(*) FROM bb_case "
    "WHERE state IN ('consultation', 'applied', 'routed', 'analysed', 'handling') "
    "GROUP BY 1, 2, 3" },
  { "stats_eval_staff",
    "SELECT day, staff_id, level, n FROM stats_eval_staff WHERE n <> 0",
    "SELECT " DAY_OF ("e.at") ", COALESCE(c.responsible_id, 0), e.level, count(*) "
    "FROM evaluation e JOIN bb_case c ON c.id = e.case_id, stats_config o GROUP BY 1, 2, 3" },
  { "stats_eval_matter",
    "SELECT day, item_id, matter, level, n FROM stats_eval_matter WHERE n <> 0",
    "SELECT " DAY_OF ("e.at") ", COALESCE(c.item_id, 0), "
    "CASE WHEN c.item_id IS NULL THEN c.matter ELSE '' END, e.level, count(*) "
    "FROM evaluation e JOIN bb_case c ON c.id = e.case_id, stats_config o GROUP BY 1, 2, 3, 4" },
  { "stats_eval_category",
    "SELECT day, category, level, n FROM stats_eval_category WHERE n <> 0",
    "SELECT " DAY_OF ("e.at") ", cl.category, e.level, count(*) "
    "FROM evaluation e JOIN bb_case c ON c.id = e.case_id JOIN client cl ON cl.id = c.client_id, "
    "stats_config o GROUP BY 1, 2, 3" },
};

/* Every running total equals its count from scratch, and is not empty. */
static void
assert_totals_exact (const BbLocation *location)
{
  const char *daynum = bb_test_engine () == BB_ENGINE_SQLITE
                       ? "CAST(julianday(c.deadline) - 2440587.5 AS INTEGER)"
                       : "(CAST(c.deadline AS DATE) - CAST('1970-01-01' AS DATE))";

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      g_auto(GStrv) parts = g_strsplit (totals[i].counted, "{DAYNUM}", -1);
      g_autofree char *counted = g_strjoinv (daynum, parts);
      g_autofree char *differ_sql = g_strdup_printf (
        "SELECT (SELECT count(*) FROM (%s EXCEPT %s) AS x) + "
        "(SELECT count(*) FROM (%s EXCEPT %s) AS y)",
        totals[i].held, counted, counted, totals[i].held);
      g_autofree char *rows_sql = g_strdup_printf ("SELECT count(*) FROM (%s) AS x",
                                                   totals[i].held);
      g_autofree char *differ = bb_test_query_string (location, differ_sql);
      g_autofree char *rows = bb_test_query_string (location, rows_sql);

      g_test_message ("%s: %s rows, %s differ", totals[i].table, rows, differ);
      g_assert_cmpstr (differ, ==, "0");
      g_assert_cmpstr (rows, !=, "0");
    }
}

/* The cases a search finds, newest first, include @id. */
static void
assert_search_finds (BbDatabase *db,
                     const char *text,
                     gint64      id)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCaseFilter) search = bb_case_filter_new ();
  g_autoptr(BbCaseCursor) cursor = NULL;
  gboolean seen = FALSE;

  search->search = g_strdup (text);
  do
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      BbCaseCursor *next = NULL;

      rows = bb_case_query_page (db, system, search, BB_CASE_SORT_NEWEST, cursor, 500, &next,
                                 &error);
      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        if (((BbCaseSummary *) g_ptr_array_index (rows, i))->id == id)
          seen = TRUE;
      g_clear_pointer (&cursor, bb_case_cursor_free);
      cursor = next;
    }
  while (cursor != NULL && !seen);
  if (!seen)
    g_error ("Searching “%s” did not find case %" G_GINT64_FORMAT, text, id);
}

static void
test_bulk (void)
{
  g_autoptr(BbLocation) location = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(BbCaseFilter) search = bb_case_filter_new ();
  g_autoptr(GPtrArray) oldest = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) fresh = NULL;
  BbCaseSummary *bulk_case;
  BbDemoSummary summary = { 0 };
  BbCaseDraft draft = { 0 };
  gint64 by_state[BB_N_STATES];
  gint64 total = 0;
  gint64 count;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  db = demo_database (BB_DEMO_WORKFLOW_CASES + 140, 5, &summary, &location);
  g_assert_cmpuint (summary.n_bulk_cases, ==, 140);
  g_assert_cmpuint (summary.n_workflow_cases, ==, BB_DEMO_WORKFLOW_CASES);

  count = bb_case_query_count (db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, (gint64) summary.n_cases);
  g_assert_true (bb_case_query_count_by_state (db, by_state, &error));
  for (guint s = 0; s < BB_N_STATES; s++)
    total += by_state[s];
  g_assert_cmpint (total, ==, count);

  assert_audit_holds (db);

  /* The bulk cases come first; each is found by its number and its
   * client's name, like any other. */
  oldest = bb_case_query_page (db, system, filter, BB_CASE_SORT_NUMBER, NULL, 1, NULL, &error);
  g_assert_no_error (error);
  bulk_case = g_ptr_array_index (oldest, 0);
  search->search = g_strdup (bulk_case->number);
  found = bb_case_query_page (db, system, search, BB_CASE_SORT_NEWEST, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  g_free (search->search);
  search->search = g_strdup (bulk_case->client_name);
  found = bb_case_query_page (db, system, search, BB_CASE_SORT_NEWEST, NULL, 500, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < found->len; i++)
      if (((BbCaseSummary *) g_ptr_array_index (found, i))->id == bulk_case->id)
        seen = TRUE;
    g_assert_true (seen);
  }

  /* After a bulk load the running totals are exact. */
  assert_totals_exact (location);

  /* Its search index finds a bulk case by one, two and three characters
   * of its client's name, and by a piece of its matter. */
  {
    g_autofree char *one = g_utf8_substring (bulk_case->client_name, 0, 1);
    g_autofree char *two = g_utf8_substring (bulk_case->client_name, 0, 2);
    g_autofree char *matter = g_utf8_substring (bulk_case->matter, 1, 5);

    g_assert_cmpint (g_utf8_strlen (bulk_case->client_name, -1), >=, 2);
    assert_search_finds (db, one, bulk_case->id);
    assert_search_finds (db, two, bulk_case->id);
    assert_search_finds (db, bulk_case->client_name, bulk_case->id);
    assert_search_finds (db, matter, bulk_case->id);
  }

  /* A second bulk load into a database that holds cases adds to the
   * totals (an evaluated, completed case of a new client)… */
  {
    g_autoptr(BbBulk) bulk = bb_bulk_new (db, system, &error);
    g_autoptr(BbClient) client = bb_client_new ();
    g_autofree char *number = NULL;
    BbBulkCase kase = { 0 };
    gint64 client_id, case_id;

    g_assert_no_error (error);
    client->kind = g_strdup (BB_CLIENT_PERSON);
    client->created_at = 1772000000000000;
    client->name = g_strdup ("欧阳靖雯");
    client->category = g_strdup (BB_CATEGORY_SPECIAL_CARE);
    client_id = bb_bulk_add_client (bulk, client, &error);
    g_assert_no_error (error);
    kase.kind = BB_CASE_PROXY;
    kase.state = BB_STATE_COMPLETED;
    kase.client_id = client_id;
    kase.matter = "高龄津贴申领";
    kase.responsible_id = bulk_case->responsible_id;
    kase.applied_at = 1772000000000000;
    kase.accepted_at = 1772000600000000;
    kase.deadline = "2026-03-03";
    kase.completed_at = 1772400000000000;
    kase.client_name = "欧阳靖雯";
    kase.evaluation_level = 2;
    kase.evaluated_at = 1772400600000000;
    case_id = bb_bulk_add_case (bulk, &kase, &number, &error);
    g_assert_no_error (error);
    g_assert_true (bb_bulk_finish (bulk, &error));
    g_assert_no_error (error);

    assert_totals_exact (location);
    assert_search_finds (db, "靖", case_id);
    assert_search_finds (db, "阳靖雯", case_id);
    assert_search_finds (db, number, case_id);
  }

  /* The case numbers carry on after the bulk ones. */
  draft.kind = BB_CASE_ASSIST;
  draft.client_id = bulk_case->client_id;
  draft.matter = "社会保障卡申领";
  fresh = bb_case_repo_create (db, system, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_case_query_count (db, filter, &error), ==, count + 2);

  /* …and the triggers are back: a case created the ordinary way counts
   * and is found. */
  assert_totals_exact (location);
  assert_search_finds (db, fresh->number, fresh->id);

  bb_demo_summary_clear (&summary);
  g_unsetenv ("BANGBAN_NOW");
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/demo/every-state", test_every_state);
  g_test_add_func ("/bangban/demo/same-seed", test_same_seed);
  g_test_add_func ("/bangban/demo/bulk", test_bulk);

  return g_test_run ();
}
