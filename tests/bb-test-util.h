/* bb-test-util.h — shared by the tests
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-database.h"

G_BEGIN_DECLS

/* SQL that takes a database of schema 7 back to schema 6 (both engines),
 * for the tests of what the upgrade fills in. */
#define BB_TEST_UNDO_SCHEMA_7 \
  "DELETE FROM setting WHERE key IN ('complaint_investigate_days', 'complaint_handle_days', " \
  "'complaint_feedback_days', 'complaint_archive_days'); " \
  "ALTER TABLE complaint DROP COLUMN limit_days; ALTER TABLE complaint DROP COLUMN step_due_at; " \
  "ALTER TABLE complaint_step DROP COLUMN due_at; " \
  "ALTER TABLE rectification DROP COLUMN visit_channel; " \
  "ALTER TABLE rectification DROP COLUMN visit_satisfied; " \
  "ALTER TABLE rectification DROP COLUMN measures_at; " \
  "ALTER TABLE rectification DROP COLUMN measures_by; " \
  "ALTER TABLE rectification DROP COLUMN visit_by; " \
  "DELETE FROM schema_version WHERE version >= 7;"

void        bb_test_init                 (int          *argc,
                                          char       ***argv);
BbEngine    bb_test_engine               (void);
BbLocation *bb_test_new_location         (void);
BbDatabase *bb_test_open                 (const BbLocation *location);
char       *bb_test_log_path             (const char   *name);
void        bb_test_exec_script          (const BbLocation *location,
                                          const char   *sql);
char       *bb_test_query_string         (const BbLocation *location,
                                          const char   *sql);

G_END_DECLS
