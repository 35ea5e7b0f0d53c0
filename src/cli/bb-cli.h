/* bb-cli.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of bangban-cli: a stable interface for scripts. */
typedef enum
{
  BB_EXIT_OK = 0,
  BB_EXIT_INVALID = 1,
  BB_EXIT_REFUSED = 2,
  BB_EXIT_CONFLICT = 3,
  BB_EXIT_UNAVAILABLE = 4,
  BB_EXIT_USAGE = 64,
} BbExit;

int    bb_cli_run              (int           argc,
                                char        **argv);
BbExit bb_cli_exit_for_error   (const GError *error);

G_END_DECLS
