/* test-audit.c — the audit chain and the change feed; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-audit.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-test-util.h"

static const char SQL_TAMPER[] =
  "UPDATE audit SET after = ##after::string WHERE seq = ##seq::gint64";
static const char SQL_DROP_LAST[] =
  "DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)";

static void
record_some (BbDatabase *db,
             guint       n)
{
  g_autoptr(BbActor) actor = bb_actor_new (7, "S007", "王芳", BB_ROLE_STAFF);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) before = json_from_string ("{\"state\":\"handling\"}", NULL);
      g_autofree char *after_text = g_strdup_printf ("{\"state\":\"suspended\",\"n\":%u,\"name\":\"𠮷\"}", i);
      g_autoptr(JsonNode) after = json_from_string (after_text, NULL);

      g_assert_true (bb_database_begin (db, &error));
      g_assert_true (bb_audit_record (db, actor, "case", 100 + i, "suspend", before, after, &error));
      g_assert_no_error (error);
      g_assert_true (bb_database_commit (db, &error));
      g_assert_no_error (error);
    }
}

static void
test_chain_holds (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_cmpint (checked, ==, 0);
  g_assert_cmpint (broken, ==, 0);

  /* More than one page of the verifier (1000 rows). */
  record_some (db, 1203);
  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (checked, ==, 1203);
  g_assert_cmpint (broken, ==, 0);
}

static void
test_tamper_detected (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaSet) params = NULL;
  GdaStatement *tamper;
  gint64 checked = -1, broken = -1;

  record_some (db, 10);

  tamper = bb_database_prepare (db, SQL_TAMPER);
  params = bb_database_new_params (db, tamper);
  bb_params_set_string (params, "after", "{\"state\":\"completed\"}");
  bb_params_set_int64 (params, "seq", 4);
  g_assert_cmpint (bb_database_execute (db, tamper, params, &error), ==, 1);

  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_cmpint (broken, ==, 4);
  g_assert_cmpint (checked, ==, 3);
}

static void
test_truncation_detected (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  record_some (db, 5);
  g_assert_cmpint (bb_database_execute (db, bb_database_prepare (db, SQL_DROP_LAST), NULL, &error),
                   ==, 1);
  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_cmpint (checked, ==, 4);
  g_assert_cmpint (broken, ==, 5);
}

static void
test_change_feed (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbDatabase) other = bb_test_open (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 start;

  start = bb_change_feed_revision (other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (start, >=, 0);

  record_some (db, 3);

  /* Another connection sees exactly the new changes, in order. */
  changes = bb_change_feed_since (other, start, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  for (guint i = 0; i < changes->len; i++)
    {
      BbChange *change = g_ptr_array_index (changes, i);

      g_assert_cmpstr (change->entity, ==, "case");
      g_assert_cmpint (change->entity_id, ==, 100 + i);
      g_assert_cmpint (change->revision, >, start);
      if (i > 0)
        g_assert_cmpint (change->revision, >,
                         ((BbChange *) g_ptr_array_index (changes, i - 1))->revision);
    }
  g_assert_cmpint (bb_change_feed_revision (other, &error), ==,
                   ((BbChange *) g_ptr_array_index (changes, 2))->revision);

  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = bb_change_feed_since (other, bb_change_feed_revision (other, NULL), 100, &error);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_rollback_leaves_no_trace (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new_system ();
  g_autoptr(GError) error = NULL;
  gint64 revision = bb_change_feed_revision (db, NULL);
  gint64 checked = -1, broken = -1;

  g_assert_true (bb_database_begin (db, &error));
  g_assert_true (bb_audit_record (db, actor, "setting", 0, "update", NULL, NULL, &error));
  bb_database_rollback (db);

  g_assert_cmpint (bb_change_feed_revision (db, NULL), ==, revision);
  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_cmpint (checked, ==, 0);
  g_assert_cmpint (broken, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/audit/chain-holds", test_chain_holds);
  g_test_add_func ("/bangban/audit/tamper-detected", test_tamper_detected);
  g_test_add_func ("/bangban/audit/truncation-detected", test_truncation_detected);
  g_test_add_func ("/bangban/audit/change-feed", test_change_feed);
  g_test_add_func ("/bangban/audit/rollback", test_rollback_leaves_no_trace);

  return g_test_run ();
}
