/* bb-stats-cases.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-actor.h"
#include "bb-database.h"
#include "bb-stats.h"

G_BEGIN_DECLS

/**
 * BbStatsItemKind:
 * @BB_STATS_ITEM_CASE: the items are cases (or evaluations of cases)
 * @BB_STATS_ITEM_COMPLAINT: the items are complaints
 */
typedef enum
{
  BB_STATS_ITEM_CASE,
  BB_STATS_ITEM_COMPLAINT,
} BbStatsItemKind;

/**
 * BbStatsItem:
 * @number: the case's or the complaint's number
 * @name: the client's name, or the complainant's (never an ID number)
 * @about: the case's matter, or whom and what case a complaint is about
 * @state: the state now, translated
 * @staff: (nullable): the responsible staff member, as “name (number)”, or
 *   “Unassigned”; %NULL for complaints
 * @date: the day that puts the item in the bucket, `YYYY-MM-DD` in the
 *   time zone of record (evaluated, completed, registered, deadline…)
 * @detail: (nullable): what else the bucket is about: the rating given, or
 *   whether the case was completed on time
 *
 * One line of a bucket's list: plain data for the UI.
 */
typedef struct
{
  char *number;
  char *name;
  char *about;
  char *state;
  char *staff;
  char *date;
  char *detail;
} BbStatsItem;

/**
 * BbStatsCases:
 * @table: the statistics table of the bucket
 * @key: the row's key
 * @part: the part of the row (-1: the row's count)
 * @kind: cases or complaints
 * @date_title: what @date of the items is, translated (“Evaluated on”)
 * @detail_title: (nullable): what @detail of the items is, translated
 * @total: how many items the bucket holds: the figure the chart shows
 * @items: (element-type BbStatsItem): the first of them, newest first (at
 *   most the limit asked for)
 */
typedef struct
{
  BbStatsTableId   table;
  char            *key;
  int              part;
  BbStatsItemKind  kind;
  char            *date_title;
  char            *detail_title;
  gint64           total;
  GPtrArray       *items;
} BbStatsCases;

void          bb_stats_cases_free          (BbStatsCases    *cases);

gint64        bb_stats_row_bucket_size     (BbStatsTableId   table,
                                            const BbStatsRow *row,
                                            int              part);

BbStatsCases *bb_stats_cases_list          (BbDatabase      *db,
                                            const BbActor   *actor,
                                            BbStatsTableId   table,
                                            const char      *key,
                                            int              part,
                                            const char      *from,
                                            const char      *to,
                                            guint            limit,
                                            GCancellable    *cancellable,
                                            GError         **error);
void          bb_stats_cases_list_async    (BbDatabase          *db,
                                            const BbActor       *actor,
                                            BbStatsTableId       table,
                                            const char          *key,
                                            int                  part,
                                            const char          *from,
                                            const char          *to,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
BbStatsCases *bb_stats_cases_list_finish   (GAsyncResult    *result,
                                            GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbStatsCases, bb_stats_cases_free)

G_END_DECLS
