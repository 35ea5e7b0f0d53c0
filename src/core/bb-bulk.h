/* bb-bulk.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-actor.h"
#include "bb-case.h"
#include "bb-client-repo.h"
#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbBulkEvent:
 * @at: µs since the epoch
 * @staff_id: who, or 0
 * @kind: the action's name (bb_action_to_string()) or `create`
 * @from_state: (nullable): the state before, when it changed
 * @to_state: (nullable): the state after, when it changed
 * @body: (nullable): the text (log entry, report, reason…)
 *
 * One timeline entry of a case loaded in bulk.
 */
typedef struct
{
  gint64      at;
  gint64      staff_id;
  const char *kind;
  const char *from_state;
  const char *to_state;
  const char *body;
} BbBulkEvent;

/**
 * BbBulkCase:
 *
 * A case as bb_bulk_add_case() writes it: every column of bb_case that a
 * case in @state has, the client's searchable fields (for the search
 * text), its timeline, and an optional suspension and evaluation. Ids are
 * 0 and instants 0 when unset; strings are not owned and may be %NULL.
 * Nothing here is validated: the caller (bb-demo) makes consistent data.
 */
typedef struct
{
  BbCaseKind         kind;
  BbCaseState        state;
  gint64             client_id;
  gint64             item_id;
  const char        *matter;
  const char        *reason;
  const char        *mode;
  const char        *channel;
  const char        *area;
  int                priority;
  gint64             responsible_id;
  gint64             accepted_by;
  gint64             accepted_at;
  gint64             handler_id;
  gint64             applied_at;
  int                limit_days;
  const char        *deadline;
  const char        *refusal_reason;
  const char        *result;
  const char        *delivery;
  gint64             completed_at;
  const char        *archive_number;
  gint64             archived_at;
  const char        *resume_by;
  gint64             created_by;
  gint64             updated_at;

  const char        *client_name;
  const char        *client_id_number;
  const char        *client_credit_code;
  const char        *client_phone;

  const BbBulkEvent *events;
  guint              n_events;

  const char        *suspension_reason;
  const char        *suspended_on;
  gboolean           suspension_terminated;

  int                evaluation_level;
  const char        *evaluation_comment;
  gint64             evaluated_at;
} BbBulkCase;

typedef struct _BbBulk BbBulk;

BbBulk   *bb_bulk_new         (BbDatabase        *db,
                               const BbActor     *actor,
                               GError           **error);
gint64    bb_bulk_add_client  (BbBulk            *self,
                               const BbClient    *client,
                               GError           **error);
gint64    bb_bulk_add_case    (BbBulk            *self,
                               const BbBulkCase  *kase,
                               char             **number,
                               GError           **error);
gboolean  bb_bulk_finish      (BbBulk            *self,
                               GError           **error);
void      bb_bulk_free        (BbBulk            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbBulk, bb_bulk_free)

G_END_DECLS
