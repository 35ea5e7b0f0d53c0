/* bb-cli-print.h — the printed forms of bangban-cli
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-cli-private.h"

G_BEGIN_DECLS

int bb_cli_command_slip        (BbCliGlobals  *globals,
                                int            argc,
                                char         **argv);
int bb_cli_command_notice      (BbCliGlobals  *globals,
                                int            argc,
                                char         **argv);
int bb_cli_command_handover    (BbCliGlobals  *globals,
                                int            argc,
                                char         **argv);
int bb_cli_command_register    (BbCliGlobals  *globals,
                                int            argc,
                                char         **argv);
int bb_cli_command_bench_print (BbCliGlobals  *globals,
                                int            argc,
                                char         **argv);

G_END_DECLS
