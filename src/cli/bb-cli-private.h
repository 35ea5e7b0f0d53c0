/* bb-cli-private.h — shared by the command families of bangban-cli
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-cli.h"
#include "bb-database.h"

G_BEGIN_DECLS

/* The options before the command: `--db LOCATION`, `--as STAFF-NUMBER`. */
typedef struct
{
  char *db;
  char *as;
} BbCliGlobals;

BbDatabase *bb_cli_open_database  (BbCliGlobals    *globals,
                                   GError         **error);
BbActor    *bb_cli_resolve_actor  (BbCliGlobals    *globals,
                                   BbDatabase      *db,
                                   GError         **error);
int         bb_cli_fail           (const GError    *error);
int         bb_cli_usage_error    (GOptionContext  *context,
                                   const char      *message);
void        bb_cli_print_json     (JsonNode        *node);

G_END_DECLS
