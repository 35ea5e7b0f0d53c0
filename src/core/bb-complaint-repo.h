/* bb-complaint-repo.h
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
 * BbComplaintState:
 * @BB_COMPLAINT_RECEIVED: 受理: taken in (the intake)
 * @BB_COMPLAINT_INVESTIGATING: 调查: being looked into
 * @BB_COMPLAINT_HANDLED: 处置: measures taken
 * @BB_COMPLAINT_ANSWERED: 反馈: the complainant has been told the outcome
 * @BB_COMPLAINT_ARCHIVED: 归档: filed
 *
 * The steps of complaint handling after GB/T 36113, in their only order:
 * each step moves to the next one, nothing else is allowed.
 */
typedef enum
{
  BB_COMPLAINT_RECEIVED,
  BB_COMPLAINT_INVESTIGATING,
  BB_COMPLAINT_HANDLED,
  BB_COMPLAINT_ANSWERED,
  BB_COMPLAINT_ARCHIVED,
  BB_N_COMPLAINT_STATES
} BbComplaintState;

/* Channels a complaint comes in by (complaint.channel). */
#define BB_COMPLAINT_CHANNEL_ONSITE  "onsite"   /* 现场 */
#define BB_COMPLAINT_CHANNEL_PHONE   "phone"    /* 电话 */
#define BB_COMPLAINT_CHANNEL_HOTLINE "hotline"  /* 12345 热线 */
#define BB_COMPLAINT_CHANNEL_LETTER  "letter"   /* 信函 */
#define BB_COMPLAINT_CHANNEL_EMAIL   "email"    /* 电子邮件 */
#define BB_COMPLAINT_CHANNEL_ONLINE  "online"   /* 网上 */
#define BB_COMPLAINT_CHANNEL_BOX     "box"      /* 意见箱 */

/* The setting that holds the time limit, in working days from the day of
 * intake to the last step's deadline. */
#define BB_SETTING_COMPLAINT_DAYS "complaint_days"
#define BB_COMPLAINT_DEFAULT_DAYS 10

/* The settings that hold each step's own time limit, in working days from
 * the day the step before it was taken (or the day of intake). */
#define BB_SETTING_COMPLAINT_INVESTIGATE_DAYS "complaint_investigate_days"
#define BB_SETTING_COMPLAINT_HANDLE_DAYS      "complaint_handle_days"
#define BB_SETTING_COMPLAINT_FEEDBACK_DAYS    "complaint_feedback_days"
#define BB_SETTING_COMPLAINT_ARCHIVE_DAYS     "complaint_archive_days"
#define BB_COMPLAINT_STEP_MAX_DAYS            365

/**
 * BbComplaintDraft:
 * @channel: one of the BB_COMPLAINT_CHANNEL_* codes
 * @complainant: who complains (a name, or 匿名)
 * @contact: (nullable): how to reach them: a phone number or e-mail
 *   address (checked as such), or an address or other text
 * @case_number: (nullable): the case the complaint is about
 * @staff_number: (nullable): the staff member it is about
 * @content: what the complaint says
 *
 * What bb_complaint_repo_add() needs. Strings are not owned.
 */
typedef struct
{
  const char *channel;
  const char *complainant;
  const char *contact;
  const char *case_number;
  const char *staff_number;
  const char *content;
} BbComplaintDraft;

/**
 * BbComplaint:
 * @received_at: the intake, µs since the epoch (UTC)
 * @case_id, @case_number: the case it is about (0 and %NULL if none)
 * @staff_id, @staff_number, @staff_name: the staff member it is about
 * @due_at: the end of the last day of the time limit (µs, inclusive)
 * @due_date: that day, `YYYY-MM-DD`
 * @limit_days: the limit in working days it was given at intake (0 when
 *   not known)
 * @step_due_at: the deadline of the next step (end of day, µs), 0 once
 *   archived
 * @step_due_date: that day, `YYYY-MM-DD`, or %NULL
 * @step_overdue: the next step is past @step_due_at (as of the read)
 * @created_by: who took it in (0 for the system)
 * @updated_at: the last step, µs
 * @overdue: not yet answered and past @due_at (as of the read)
 * @version: for optimistic locking
 */
typedef struct
{
  gint64            id;
  char             *number;
  gint64            received_at;
  char             *channel;
  char             *complainant;
  char             *contact;
  gint64            case_id;
  char             *case_number;
  gint64            staff_id;
  char             *staff_number;
  char             *staff_name;
  char             *content;
  BbComplaintState  state;
  gint64            due_at;
  char             *due_date;
  int               limit_days;
  gint64            step_due_at;
  char             *step_due_date;
  gboolean          step_overdue;
  gint64            created_by;
  char             *created_by_number;
  char             *created_by_name;
  gint64            updated_at;
  gboolean          overdue;
  int               version;
} BbComplaint;

/**
 * BbComplaintStep:
 * @step: the state this step reached
 * @due_at: the step's own deadline (end of day, µs), 0 for the intake
 * @due_date: that day, `YYYY-MM-DD`, or %NULL
 * @on_time: whether it was taken by @due_at
 *
 * One step of a complaint's handling, with its time, person and text.
 */
typedef struct
{
  gint64            id;
  BbComplaintState  step;
  gint64            at;
  gint64            staff_id;
  char             *staff_number;
  char             *staff_name;
  char             *body;
  gint64            due_at;
  char             *due_date;
  gboolean          on_time;
} BbComplaintStep;

/**
 * BbComplaintDetail:
 * @complaint: the complaint
 * @steps: (element-type BbComplaintStep): oldest first
 */
typedef struct
{
  BbComplaint *complaint;
  GPtrArray   *steps;
} BbComplaintDetail;

#define BB_TYPE_COMPLAINT (bb_complaint_get_type ())

GType              bb_complaint_get_type             (void) G_GNUC_CONST;
BbComplaint       *bb_complaint_copy                 (const BbComplaint        *complaint);
void               bb_complaint_free                 (BbComplaint              *complaint);
void               bb_complaint_step_free            (BbComplaintStep          *step);
void               bb_complaint_detail_free          (BbComplaintDetail        *detail);
JsonNode          *bb_complaint_to_json              (const BbComplaint        *complaint);
JsonNode          *bb_complaint_detail_to_json       (const BbComplaintDetail  *detail);

const char        *bb_complaint_state_to_string      (BbComplaintState          state);
gboolean           bb_complaint_state_from_string    (const char               *text,
                                                      BbComplaintState         *state);
const char        *bb_complaint_state_label          (BbComplaintState          state);
gboolean           bb_complaint_can_step             (BbComplaintState          from,
                                                      BbComplaintState          to);
gboolean           bb_complaint_channel_is_valid     (const char               *channel);
const char        *bb_complaint_channel_label        (const char               *channel);
const char        *bb_complaint_step_setting         (BbComplaintState          step);
int                bb_complaint_step_default_days    (BbComplaintState          step);

BbComplaint       *bb_complaint_repo_add             (BbDatabase               *db,
                                                      const BbActor            *actor,
                                                      const BbComplaintDraft   *draft,
                                                      GError                  **error);
BbComplaint       *bb_complaint_repo_step            (BbDatabase               *db,
                                                      const BbActor            *actor,
                                                      const char               *number,
                                                      BbComplaintState          to,
                                                      const char               *text,
                                                      int                       expected_version,
                                                      GError                  **error);
BbComplaint       *bb_complaint_repo_get             (BbDatabase               *db,
                                                      const BbActor            *actor,
                                                      const char               *number,
                                                      GError                  **error);
BbComplaintDetail *bb_complaint_repo_get_detail      (BbDatabase               *db,
                                                      const BbActor            *actor,
                                                      const char               *number,
                                                      GError                  **error);
GPtrArray         *bb_complaint_repo_list            (BbDatabase               *db,
                                                      const BbActor            *actor,
                                                      int                       state,
                                                      gint64                    before_id,
                                                      guint                     limit,
                                                      GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbComplaint, bb_complaint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbComplaintDetail, bb_complaint_detail_free)

G_END_DECLS
