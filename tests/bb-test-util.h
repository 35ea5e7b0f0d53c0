/* bb-test-util.h — shared by the tests
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-database.h"

G_BEGIN_DECLS

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
