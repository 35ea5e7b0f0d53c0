/* bb-case.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case (帮办 or 代办) as core hands it out: plain data, copied out of the
 * database, safe to pass to the UI thread.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BB_CASE_ASSIST,  /* 帮办 */
  BB_CASE_PROXY,   /* 代办 */
} BbCaseKind;

/**
 * BbCaseState:
 *
 * Every state of both workflows (DESIGN.md § Workflows). Which ones a kind
 * uses and how it moves between them is bb-workflow's business.
 */
typedef enum
{
  BB_STATE_CONSULTATION,  /* first contact; one-time notice given */
  BB_STATE_APPLIED,       /* 帮办: registration table A.1 filled in */
  BB_STATE_ROUTED,        /* 帮办: guided to an area (网办区, 自助机服务区, 帮办代办服务区) */
  BB_STATE_ANALYSED,      /* 代办: needs analysed and confirmed with the client */
  BB_STATE_HANDLING,      /* being handled (帮办 accompanied; 代办 accepted) */
  BB_STATE_SUSPENDED,     /* 代办: 中止, for one of the four reasons */
  BB_STATE_COMPLETED,     /* 办结: result reached */
  BB_STATE_DELIVERED,     /* result handed over, receipt given */
  BB_STATE_CONFIRMED,     /* client accepted the result */
  BB_STATE_ARCHIVED,      /* 资料归档 */
  BB_STATE_REFUSED,       /* 代办: not accepted, with a reason */
  BB_STATE_TERMINATED,    /* 终止: resume deadline passed, or stopped */
  BB_STATE_CONVERTED,     /* 帮办 turned into a linked 代办 case */
  BB_N_STATES
} BbCaseState;

typedef enum
{
  BB_SUSPEND_MATERIALS,      /* 未在规定期限内提交材料 */
  BB_SUSPEND_FEES,           /* 未及时缴纳费用 */
  BB_SUSPEND_CLIENT,         /* 服务对象提出暂停 */
  BB_SUSPEND_FORCE_MAJEURE,  /* 不可抗力 */
} BbSuspendReason;

/* Service modes (bb_case.mode), § 服务方式 */
#define BB_MODE_HALL   "hall"    /* 大厅服务 */
#define BB_MODE_WINDOW "window"  /* 窗口服务 */
#define BB_MODE_HOME   "home"    /* 上门服务 */
#define BB_MODE_ONLINE "online"  /* 网上服务 */

/* Areas a 帮办 case is routed to (bb_case.area), § 帮办服务流程 受理 */
#define BB_AREA_ONLINE       "online"        /* 网办区 */
#define BB_AREA_SELF_SERVICE "self_service"  /* 自助机服务区 */
#define BB_AREA_ASSIST       "assist"        /* 帮办代办服务区 */

/* Satisfaction levels of an evaluation: 5 非常满意 … 1 非常不满意. A level at
 * or below this one opens a rectification (整改). */
#define BB_SATISFACTION_MAX        5
#define BB_SATISFACTION_RECTIFY_AT 2

/**
 * BbCaseSummary:
 *
 * One row of the case list: what the dashboard's columns show, nothing more.
 * The ID number is always masked here.
 */
typedef struct
{
  gint64       id;
  char        *number;
  BbCaseKind   kind;
  BbCaseState  state;
  gint64       client_id;
  char        *client_name;
  char        *client_id_masked;
  char        *client_category;
  char        *matter;
  gint64       responsible_id;
  char        *responsible_number;
  char        *responsible_name;
  char        *deadline;        /* YYYY-MM-DD or NULL */
  int          priority;        /* 1 for green-channel (military) clients */
  gint64       applied_at;      /* µs since the epoch, UTC */
  gint64       updated_at;
} BbCaseSummary;

#define BB_TYPE_CASE_SUMMARY (bb_case_summary_get_type ())

GType          bb_case_summary_get_type  (void) G_GNUC_CONST;
BbCaseSummary *bb_case_summary_copy      (const BbCaseSummary *summary);
void           bb_case_summary_free      (BbCaseSummary       *summary);

const char    *bb_case_kind_to_string    (BbCaseKind           kind);
gboolean       bb_case_kind_from_string  (const char          *text,
                                          BbCaseKind          *kind);
const char    *bb_case_kind_label        (BbCaseKind           kind);
const char    *bb_case_state_to_string   (BbCaseState          state);
gboolean       bb_case_state_from_string (const char          *text,
                                          BbCaseState         *state);
const char    *bb_case_state_label       (BbCaseState          state);
const char    *bb_suspend_reason_to_string   (BbSuspendReason  reason);
gboolean       bb_suspend_reason_from_string (const char      *text,
                                              BbSuspendReason *reason);
const char    *bb_suspend_reason_label       (BbSuspendReason  reason);

/* Codes stored in bb_case and evaluation, and what people call them. */
gboolean       bb_case_mode_is_valid     (const char          *mode);
const char    *bb_case_mode_label        (const char          *mode);
gboolean       bb_case_channel_is_valid  (const char          *channel);
const char    *bb_case_channel_label     (const char          *channel);
const char    *bb_case_area_from_string  (const char          *text);
const char    *bb_case_area_to_cli       (const char          *area);
const char    *bb_case_area_label        (const char          *area);
gboolean       bb_evaluation_channel_is_valid (const char     *channel);
const char    *bb_evaluation_channel_label    (const char     *channel);
const char    *bb_satisfaction_label     (int                  level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCaseSummary, bb_case_summary_free)

G_END_DECLS
