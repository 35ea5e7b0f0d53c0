/* bb-cli-demo.h — bangban-cli demo, case list and bench
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-cli-private.h"

G_BEGIN_DECLS

int bb_cli_command_demo   (BbCliGlobals  *globals,
                           int            argc,
                           char         **argv);
int bb_cli_case_list      (BbCliGlobals  *globals,
                           int            argc,
                           char         **argv);
int bb_cli_command_bench  (BbCliGlobals  *globals,
                           int            argc,
                           char         **argv);

G_END_DECLS
