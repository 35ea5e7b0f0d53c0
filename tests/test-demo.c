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

  /* The case numbers carry on after the bulk ones. */
  draft.kind = BB_CASE_ASSIST;
  draft.client_id = bulk_case->client_id;
  draft.matter = "社会保障卡申领";
  fresh = bb_case_repo_create (db, system, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_case_query_count (db, filter, &error), ==, count + 1);

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
