/* bb-cli-people.h — the people and reference-data commands of bangban-cli
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-cli-private.h"

G_BEGIN_DECLS

int bb_cli_command_staff     (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);
int bb_cli_command_client    (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);
int bb_cli_command_catalog   (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);
int bb_cli_command_holidays  (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);
int bb_cli_command_consult   (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);
int bb_cli_command_validate  (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);
int bb_cli_command_audit     (BbCliGlobals  *globals,
                              int            argc,
                              char         **argv);

G_END_DECLS
