/* bb-case-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-case.h"
#include "bb-database.h"
#include "bb-workdays.h"
#include "bb-workflow.h"

G_BEGIN_DECLS

/**
 * BbCase:
 *
 * One case with every column of bb_case, the client's, matter's and staff
 * members' names, and where it stands against its deadline. Instants are
 * µs since the epoch (UTC, 0 when unset), dates `YYYY-MM-DD`, ids 0 when
 * unset.
 *
 * @client_id_number is the full ID number when the reader may see it (the
 * responsible staff member, team leaders and above:
 * @client_id_revealed is then %TRUE), masked otherwise. Whoever shows or
 * prints a full number records it with bb_case_repo_record_reveal().
 *
 * @deadline_running is %TRUE while the promised limit runs (the case is
 * being handled and has a deadline); @deadline_state and @remaining_days
 * (working days left, negative when overdue) are meaningful only then.
 */
typedef struct
{
  gint64           id;
  char            *number;
  BbCaseKind       kind;
  BbCaseState      state;

  gint64           client_id;
  char            *client_name;
  char            *client_kind;
  char            *client_category;
  char            *client_id_number;
  gboolean         client_id_revealed;
  char            *client_credit_code;
  char            *client_phone;

  gint64           item_id;
  int              item_limit_days;
  char            *matter;
  char            *reason;
  char            *mode;
  char            *channel;
  char            *area;
  char            *home_address;
  gint64           appointment_at;
  int              priority;

  gint64           responsible_id;
  char            *responsible_number;
  char            *responsible_name;
  gint64           accepted_by;
  char            *accepted_by_number;
  char            *accepted_by_name;
  gint64           accepted_at;
  gint64           handler_id;
  char            *handler_number;
  char            *handler_name;

  gint64           applied_at;
  int              limit_days;
  char            *deadline;
  char            *difficulty;
  int              estimated_days;
  char            *process_plan;
  gboolean         analysis_confirmed;
  char            *acceptance_notes;
  char            *refusal_reason;
  char            *result;
  char            *delivery;
  gint64           completed_at;
  char            *archive_number;
  gint64           archived_at;
  char            *resume_by;
  gint64           parent_case_id;
  char            *parent_number;
  char            *converted_to;
  char            *remark;
  gint64           created_by;
  gint64           created_at;
  gint64           updated_at;
  int              version;

  gboolean         deadline_running;
  BbDeadlineState  deadline_state;
  int              remaining_days;
} BbCase;

/**
 * BbCaseDraft:
 * @kind: assist (帮办) or proxy (代办)
 * @client_id: the client
 * @item_id: the catalogue item, or 0 for a matter outside the catalogue
 * @matter: (nullable): the matter's name; %NULL takes the item's name
 * @reason: (nullable): 受理理由
 * @mode: (nullable): hall, window, home or online (%NULL: hall)
 * @channel: (nullable): onsite, phone, email or online (%NULL: onsite)
 * @home_address: where to go, required for a home visit
 * @appointment_at: when, µs since the epoch, required for a home visit
 * @remark: (nullable): 备注
 *
 * What bb_case_repo_create() needs. Strings are not owned.
 */
typedef struct
{
  BbCaseKind  kind;
  gint64      client_id;
  gint64      item_id;
  const char *matter;
  const char *reason;
  const char *mode;
  const char *channel;
  const char *home_address;
  gint64      appointment_at;
  const char *remark;
} BbCaseDraft;

/* One line of the case's materials checklist, copied from the catalogue. */
typedef struct
{
  gint64    id;
  int       position;
  char     *name;
  char     *form;
  int       copies;
  char     *how_to_obtain;
  gboolean  present;
  char     *note;
} BbCaseMaterial;

/* A department involved (handled in parallel), with its own status. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *status;
  char   *note;
  gint64  updated_at;
} BbCaseDepartment;

/**
 * BbCaseEvent:
 * @kind: the action's name (bb_action_to_string()), or `create`
 * @from_state, @to_state: (nullable): set when the state changed
 * @body: (nullable): the text (log entry, report, reason…)
 * @data: (nullable): the action's details as JSON
 *
 * One entry of the timeline.
 */
typedef struct
{
  gint64  id;
  gint64  at;
  gint64  staff_id;
  char   *staff_number;
  char   *staff_name;
  char   *kind;
  char   *from_state;
  char   *to_state;
  char   *body;
  char   *data;
} BbCaseEvent;

typedef struct
{
  gint64           id;
  BbSuspendReason  reason;
  char            *note;
  char            *suspended_on;
  char            *resume_by;
  char            *resumed_on;
  gboolean         terminated;
  gint64           staff_id;
} BbSuspension;

typedef struct
{
  gint64    id;
  gint64    from_staff;
  char     *from_number;
  char     *from_name;
  gint64    to_staff;
  char     *to_number;
  char     *to_name;
  char     *reason;
  gboolean  client_told;
  gint64    at;
  gint64    by_staff;
} BbReassignment;

typedef struct
{
  gint64  id;
  char   *items;
  char   *received_by;
  gint64  at;
  gint64  staff_id;
} BbHandover;

typedef struct
{
  gint64    id;
  int       level;
  char     *comment;
  char     *channel;
  gboolean  integrity_ok;
  gint64    at;
  gint64    staff_id;
} BbEvaluation;

typedef struct
{
  gint64  id;
  gint64  evaluation_id;
  char   *state;
  char   *deadline;
  gint64  responsible_id;
  char   *measures;
  char   *return_visit;
  gint64  return_visit_at;
  gint64  created_at;
} BbRectification;

typedef struct
{
  gint64  id;
  gint64  at;
  gint64  staff_id;
  char   *body;
} BbFollowUp;

/**
 * BbCaseDetail:
 * @kase: the case
 * @materials: (element-type BbCaseMaterial): the checklist, in order
 * @departments: (element-type BbCaseDepartment)
 * @events: (element-type BbCaseEvent): the timeline, newest first
 * @suspensions: (element-type BbSuspension): oldest first, as are the rest
 * @reassignments: (element-type BbReassignment)
 * @handovers: (element-type BbHandover)
 * @evaluations: (element-type BbEvaluation)
 * @rectifications: (element-type BbRectification)
 * @follow_ups: (element-type BbFollowUp)
 */
typedef struct
{
  BbCase    *kase;
  GPtrArray *materials;
  GPtrArray *departments;
  GPtrArray *events;
  GPtrArray *suspensions;
  GPtrArray *reassignments;
  GPtrArray *handovers;
  GPtrArray *evaluations;
  GPtrArray *rectifications;
  GPtrArray *follow_ups;
} BbCaseDetail;

#define BB_TYPE_CASE (bb_case_get_type ())

GType         bb_case_get_type                (void) G_GNUC_CONST;
BbCase       *bb_case_copy                    (const BbCase        *kase);
void          bb_case_free                    (BbCase              *kase);
void          bb_case_detail_free             (BbCaseDetail        *detail);
const char   *bb_deadline_state_to_string     (BbDeadlineState      state);
const char   *bb_deadline_state_label         (BbDeadlineState      state);
JsonNode     *bb_case_to_json                 (const BbCase        *kase);
JsonNode     *bb_case_detail_to_json          (const BbCaseDetail  *detail);

BbCase       *bb_case_repo_create             (BbDatabase          *db,
                                               const BbActor       *actor,
                                               const BbCaseDraft   *draft,
                                               GError             **error);
BbCase       *bb_case_repo_get                (BbDatabase          *db,
                                               const BbActor       *actor,
                                               const char          *number,
                                               GError             **error);
BbCase       *bb_case_repo_get_by_id          (BbDatabase          *db,
                                               const BbActor       *actor,
                                               gint64               id,
                                               GError             **error);
BbCaseDetail *bb_case_repo_get_detail         (BbDatabase          *db,
                                               const BbActor       *actor,
                                               const char          *number,
                                               GError             **error);
BbCase       *bb_case_repo_act                (BbDatabase          *db,
                                               const BbActor       *actor,
                                               const char          *number,
                                               const BbCaseAction  *action,
                                               int                  expected_version,
                                               GError             **error);
int           bb_case_repo_sweep              (BbDatabase          *db,
                                               GError             **error);
gboolean      bb_case_repo_record_reveal      (BbDatabase          *db,
                                               const BbActor       *actor,
                                               const BbCase        *kase,
                                               const char          *purpose,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCase, bb_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCaseDetail, bb_case_detail_free)

G_END_DECLS
