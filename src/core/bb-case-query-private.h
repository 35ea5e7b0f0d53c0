/* bb-case-query-private.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a page of the case list reads and how a row is taken apart, for
 * bb-case-query.c and for `bangban-cli bench`, which runs the very same
 * statements through the SQLite C API to compare.
 */

#pragma once

#include "bb-case-query.h"

G_BEGIN_DECLS

/* A page reads one text per row, the row's columns as a JSON array, which
 * bb_case_summary_from_json_row() takes apart: through libgda every cell
 * costs a GValue, type checks and locks (~0.5 µs), so one cell instead of
 * eighteen takes a page of a hundred rows from 1.1 to 0.85 ms here. */
#define BB_CASE_QUERY_ROW_VALUES \
  "c.id, c.number, c.kind, c.state, c.client_id, cl.name, cl.kind, cl.id_number, " \
  "cl.credit_code, cl.category, c.matter, c.responsible_id, s.number, s.name, c.deadline, " \
  "c.priority, c.applied_at, c.updated_at"
#define BB_CASE_QUERY_COLUMNS_SQLITE "json_array(" BB_CASE_QUERY_ROW_VALUES ")"
#define BB_CASE_QUERY_COLUMNS_PG "json_build_array(" BB_CASE_QUERY_ROW_VALUES ")::text"

BbCaseSummary *bb_case_summary_from_json_row (const char  *json,
                                              GError     **error);

G_END_DECLS
