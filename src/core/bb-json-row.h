/* bb-json-row.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the JSON arrays that statements build in the database, for
 * repository modules in src/core only: json_array()/json_group_array() on
 * SQLite, json_build_array()/json_agg() on PostgreSQL. Through libgda every
 * cell of a result costs a GValue, type checks and locks, so a statement
 * that returns one text instead of many cells is read much faster; this
 * takes that text apart again without a JSON library's tree.
 *
 * Only what those functions write is read: arrays, strings, integers and
 * null. Whitespace between values is skipped (PostgreSQL's json_agg() puts
 * newlines between rows).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An array being read: init, then next() before each element. */
typedef struct
{
  const char *p;      /* where the next element starts after next();
                         after the ']' at the end; %NULL when malformed */
  guint       n;      /* elements begun so far */
} BbJsonArray;

const char *bb_json_read_value  (const char   *p,
                                 char        **text,
                                 gint64       *number);
const char *bb_json_read_row    (const char   *p,
                                 guint         n_values,
                                 char        **texts,
                                 gint64       *numbers);
gboolean    bb_json_array_init  (BbJsonArray  *array,
                                 const char   *p);
gboolean    bb_json_array_next  (BbJsonArray  *array);

G_END_DECLS
