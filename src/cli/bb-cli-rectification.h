/* bb-cli-rectification.h — the rectification commands of bangban-cli
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-cli-private.h"

G_BEGIN_DECLS

int bb_cli_command_rectification  (BbCliGlobals  *globals,
                                   int            argc,
                                   char         **argv);

G_END_DECLS
