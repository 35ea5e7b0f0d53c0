/* bb-workflow.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-case.h"

G_BEGIN_DECLS

/**
 * BbAction:
 *
 * Every step of the two workflows (DESIGN.md § Workflows). The names
 * bb_action_to_string() gives are a stable interface (bangban-cli's
 * `case act NUMBER ACTION`, the timeline's event kinds, the audit trail).
 */
typedef enum
{
  BB_ACTION_APPLY,               /* 帮办: register the request (table A.1) */
  BB_ACTION_ROUTE,               /* 帮办: guide to an area */
  BB_ACTION_MATERIALS,           /* mark checklist materials present or missing */
  BB_ACTION_NOTIFY_MISSING,      /* one-time notice of every missing material */
  BB_ACTION_SUPPLEMENT,          /* missing materials supplied */
  BB_ACTION_CONVERT,             /* 帮办 too hard: a linked 代办 case */
  BB_ACTION_ANALYSE,             /* 代办: needs analysis, confirmed with the client */
  BB_ACTION_ACCEPT,              /* 代办: accept the commission */
  BB_ACTION_REFUSE,              /* 代办: refuse it, with a reason */
  BB_ACTION_REQUEST_SUPPLEMENT,  /* 代办: ask the client to supplement materials */
  BB_ACTION_LOG,                 /* work log entry */
  BB_ACTION_PROBLEM,             /* a problem and how it was dealt with */
  BB_ACTION_REPORT,              /* periodic progress report to the client */
  BB_ACTION_DEPARTMENT,          /* a department involved, with its status */
  BB_ACTION_SUPERVISOR_REPORT,   /* report to a supervising department */
  BB_ACTION_REASSIGN,            /* change the responsible staff member */
  BB_ACTION_SUSPEND,             /* 中止 for one of the four reasons */
  BB_ACTION_RESUME,              /* 续办 on the client's request */
  BB_ACTION_TERMINATE,           /* 终止: the resume deadline has passed */
  BB_ACTION_COMPLETE,            /* 办结 with a result */
  BB_ACTION_HANDOVER,            /* hand over materials and results, with a receipt */
  BB_ACTION_CONFIRM,             /* 代办: the client accepts the result */
  BB_ACTION_DISPUTE,             /* 代办: the client finds a discrepancy */
  BB_ACTION_EVALUATE,            /* satisfaction evaluation */
  BB_ACTION_FOLLOW_UP,           /* follow-up after completion */
  BB_ACTION_ARCHIVE,             /* 资料归档 */
  BB_N_ACTIONS
} BbAction;

/**
 * BbCaseAction:
 * @action: what to do
 * @text: the text of log, problem, report, supervisor-report,
 *   request-supplement and follow-up (required there); a note elsewhere
 * @reason: refuse, reassign, dispute: the reason (required); suspend: one of
 *   `materials`, `fees`, `client`, `force-majeure`
 * @area: route: `online`, `self-service` or `assist`
 * @staff_id: accept: the handler; reassign: the new responsible staff member
 * @staff_number: the same by staff number, used when @staff_id is 0
 * @limit_days: accept: the promised limit in working days; 0 takes the
 *   catalogue item's
 * @resume_by: suspend: the resume deadline, `YYYY-MM-DD`, after today
 * @level: evaluate: 1 (非常不满意) to 5 (非常满意)
 * @channel: evaluate: onsite, device, terminal, phone, sms or online
 *   (%NULL: onsite)
 * @comment: evaluate: the client's comment
 * @integrity_ok: evaluate: the client's answer to “was any gift, meal or fee
 *   asked for?” — %TRUE when nothing was (bb_case_action_new() sets it)
 * @present: materials, supplement: names of checklist materials present
 * @missing: materials, request-supplement: names of materials missing
 * @department: department: its name; supervisor-report: to whom
 * @status: department: its status
 * @items: handover: what was handed over
 * @received_by: handover: who received it
 * @client_told: reassign: the client was told and agreed (required)
 * @difficulty: analyse: how hard the matter is
 * @estimated_days: analyse: the estimated working days
 * @process: analyse: the process agreed with the client
 * @result: complete: the result
 * @delivery: complete: how the result is delivered, as agreed
 * @archive_number: archive: the file number (%NULL: the case number)
 *
 * One workflow action with what it carries. Strings are owned.
 */
typedef struct
{
  BbAction   action;
  char      *text;
  char      *reason;
  char      *area;
  gint64     staff_id;
  char      *staff_number;
  int        limit_days;
  char      *resume_by;
  int        level;
  char      *channel;
  char      *comment;
  gboolean   integrity_ok;
  char     **present;
  char     **missing;
  char      *department;
  char      *status;
  char      *items;
  char      *received_by;
  gboolean   client_told;
  char      *difficulty;
  int        estimated_days;
  char      *process;
  char      *result;
  char      *delivery;
  char      *archive_number;
} BbCaseAction;

#define BB_TYPE_CASE_ACTION (bb_case_action_get_type ())

GType         bb_case_action_get_type      (void) G_GNUC_CONST;
BbCaseAction *bb_case_action_new           (BbAction             action);
BbCaseAction *bb_case_action_copy          (const BbCaseAction  *action);
void          bb_case_action_free          (BbCaseAction        *action);

const char   *bb_action_to_string          (BbAction             action);
gboolean      bb_action_from_string        (const char          *text,
                                            BbAction            *action);
const char   *bb_action_label              (BbAction             action);

gboolean      bb_workflow_has_action       (BbCaseKind           kind,
                                            BbAction             action);
gboolean      bb_workflow_is_allowed       (BbCaseKind           kind,
                                            BbCaseState          state,
                                            BbAction             action);
GArray       *bb_workflow_allowed_actions  (BbCaseKind           kind,
                                            BbCaseState          state);
gboolean      bb_workflow_suggested_action (BbCaseKind           kind,
                                            BbCaseState          state,
                                            BbAction            *action);
gboolean      bb_workflow_check            (BbCaseKind           kind,
                                            BbCaseState          state,
                                            BbAction             action,
                                            GError             **error);
BbCaseState   bb_workflow_target           (BbCaseKind           kind,
                                            BbCaseState          state,
                                            BbAction             action);
gboolean      bb_workflow_validate         (BbCaseKind           kind,
                                            const BbCaseAction  *action,
                                            const GDate         *today,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCaseAction, bb_case_action_free)

G_END_DECLS
