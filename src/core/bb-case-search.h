/* bb-case-search.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text a case is found by (case_search.body): number, client name, ID
 * number or credit code, phone, matter and the text of its work log,
 * problems and progress reports. Repositories call these inside their own
 * transaction after changing any of that.
 */

#pragma once

#include "bb-database.h"

G_BEGIN_DECLS

/* The longest search text kept for one case, in bytes. */
#define BB_CASE_SEARCH_MAX_BYTES 8192

char     *bb_case_search_compose_body   (const char          *number,
                                        const char          *client_name,
                                        const char          *id_number,
                                        const char          *credit_code,
                                        const char          *phone,
                                        const char          *matter,
                                        const char * const  *texts);
gboolean  bb_case_search_update         (BbDatabase          *db,
                                        gint64               case_id,
                                        GError             **error);
gboolean  bb_case_search_refresh_client (BbDatabase          *db,
                                        gint64               client_id,
                                        GError             **error);

G_END_DECLS
