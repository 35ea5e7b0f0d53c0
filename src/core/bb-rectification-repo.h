/* bb-rectification-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbRectificationState:
 * @BB_RECTIFICATION_OPEN: opened by a bad evaluation; nothing done yet
 * @BB_RECTIFICATION_MEASURES: the measures taken are on record; the return
 *   visit (回访) is still to be made
 * @BB_RECTIFICATION_CLOSED: the return visit is on record
 *
 * A rectification (整改) goes open → measures → closed, in that order only.
 */
typedef enum
{
  BB_RECTIFICATION_OPEN,
  BB_RECTIFICATION_MEASURES,
  BB_RECTIFICATION_CLOSED,
  BB_N_RECTIFICATION_STATES
} BbRectificationState;

/**
 * BbRectificationFilter:
 * @BB_RECTIFICATION_LIST_OPEN: not closed yet (open or measures taken)
 * @BB_RECTIFICATION_LIST_OVERDUE: not closed and past its deadline
 * @BB_RECTIFICATION_LIST_ALL: every rectification
 */
typedef enum
{
  BB_RECTIFICATION_LIST_OPEN,
  BB_RECTIFICATION_LIST_OVERDUE,
  BB_RECTIFICATION_LIST_ALL,
} BbRectificationFilter;

/* How a return visit was made. */
#define BB_VISIT_CHANNEL_PHONE  "phone"   /* 电话回访 */
#define BB_VISIT_CHANNEL_ONSITE "onsite"  /* 上门或现场回访 */
#define BB_VISIT_CHANNEL_SMS    "sms"     /* 短信回访 */

/* The kinds of the timeline events a rectification writes into its case. */
#define BB_RECTIFICATION_EVENT_MEASURES "rectification-measures"
#define BB_RECTIFICATION_EVENT_VISIT    "rectification-visit"
#define BB_RECTIFICATION_EVENT_REASSIGN "rectification-reassign"

/**
 * BbRectificationEntry:
 * @case_number, @client_name: the case the bad evaluation was given on
 * @level: that evaluation's level (1 or 2) and @comment its comment
 * @deadline: `YYYY-MM-DD`, the last day for the return visit
 * @responsible_id: the staff member who answers for it (0 if nobody)
 * @measures: (nullable): what was done about it
 * @return_visit: (nullable): what the return visit found
 * @return_visit_at: when it was made, µs (0 until then)
 * @visit_channel: (nullable): how it was made: a BB_VISIT_CHANNEL_* code
 * @visit_satisfied: whether the client said they were now satisfied: 1,
 *   0, or -1 when not known
 * @measures_at: when the measures were recorded, µs (0 until then)
 * @measures_by, @measures_by_number: who recorded them (0 and %NULL for
 *   the system or until then)
 * @visit_by, @visit_by_number: who recorded the return visit
 * @overdue: not closed and its deadline is before today (as of the read)
 * @version: for optimistic locking
 */
typedef struct
{
  gint64                id;
  gint64                case_id;
  char                 *case_number;
  char                 *client_name;
  gint64                evaluation_id;
  int                   level;
  char                 *comment;
  BbRectificationState  state;
  char                 *deadline;
  gint64                responsible_id;
  char                 *responsible_number;
  char                 *responsible_name;
  char                 *measures;
  char                 *return_visit;
  gint64                return_visit_at;
  char                 *visit_channel;
  int                   visit_satisfied;
  gint64                measures_at;
  gint64                measures_by;
  char                 *measures_by_number;
  gint64                visit_by;
  char                 *visit_by_number;
  gint64                created_at;
  gboolean              overdue;
  int                   version;
} BbRectificationEntry;

#define BB_TYPE_RECTIFICATION_ENTRY (bb_rectification_entry_get_type ())

GType                 bb_rectification_entry_get_type    (void) G_GNUC_CONST;
BbRectificationEntry *bb_rectification_entry_copy        (const BbRectificationEntry  *entry);
void                  bb_rectification_entry_free        (BbRectificationEntry        *entry);
JsonNode             *bb_rectification_entry_to_json     (const BbRectificationEntry  *entry);

const char           *bb_rectification_state_to_string   (BbRectificationState         state);
gboolean              bb_rectification_state_from_string (const char                  *text,
                                                          BbRectificationState        *state);
const char           *bb_rectification_state_label       (BbRectificationState         state);
gboolean              bb_visit_channel_is_valid          (const char                  *channel);
const char           *bb_visit_channel_label             (const char                  *channel);
const char           *bb_rectification_event_label       (const char                  *kind);
gboolean              bb_rectification_may_handle        (const BbActor               *actor,
                                                          const BbRectificationEntry  *entry);

GPtrArray            *bb_rectification_repo_list         (BbDatabase                  *db,
                                                          const BbActor               *actor,
                                                          BbRectificationFilter        filter,
                                                          gint64                       before_id,
                                                          guint                        limit,
                                                          GError                     **error);
GPtrArray            *bb_rectification_repo_list_case    (BbDatabase                  *db,
                                                          const BbActor               *actor,
                                                          gint64                       case_id,
                                                          GError                     **error);
BbRectificationEntry *bb_rectification_repo_get          (BbDatabase                  *db,
                                                          const BbActor               *actor,
                                                          gint64                       id,
                                                          GError                     **error);
BbRectificationEntry *bb_rectification_repo_record_measures
                                                         (BbDatabase                  *db,
                                                          const BbActor               *actor,
                                                          gint64                       id,
                                                          const char                  *measures,
                                                          int                          expected_version,
                                                          GError                     **error);
BbRectificationEntry *bb_rectification_repo_record_visit (BbDatabase                  *db,
                                                          const BbActor               *actor,
                                                          gint64                       id,
                                                          const char                  *text,
                                                          const char                  *channel,
                                                          int                          satisfied,
                                                          int                          expected_version,
                                                          GError                     **error);
BbRectificationEntry *bb_rectification_repo_reassign     (BbDatabase                  *db,
                                                          const BbActor               *actor,
                                                          gint64                       id,
                                                          const char                  *staff_number,
                                                          const char                  *reason,
                                                          int                          expected_version,
                                                          GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbRectificationEntry, bb_rectification_entry_free)

G_END_DECLS
