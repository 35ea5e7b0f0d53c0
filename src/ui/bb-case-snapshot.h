/* bb-case-snapshot.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-case-repo.h"

G_BEGIN_DECLS

/**
 * BbCaseMaterialState:
 * @name: the checklist line
 * @present: whether it was ticked
 */
typedef struct
{
  char     *name;
  gboolean  present;
} BbCaseMaterialState;

/**
 * BbCaseSnapshot:
 * @kase: the case as read
 * @materials: (element-type BbCaseMaterialState): the checklist, in order
 * @departments: department name → status
 * @newest_event_id: the id of the newest timeline event (0: none)
 *
 * What a form or the case view showed of a case when it was read: enough to
 * act on it with the version read, and to tell the user what someone else
 * changed since.
 */
typedef struct
{
  BbCase     *kase;
  GPtrArray  *materials;
  GHashTable *departments;
  gint64      newest_event_id;
} BbCaseSnapshot;

BbCaseSnapshot *bb_case_snapshot_new      (const BbCaseDetail   *detail);
void            bb_case_snapshot_free     (BbCaseSnapshot       *snapshot);
char           *bb_case_snapshot_changes  (const BbCaseSnapshot *before,
                                           const BbCaseDetail   *after);
char           *bb_case_event_title       (const BbCaseEvent    *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCaseSnapshot, bb_case_snapshot_free)

G_END_DECLS
