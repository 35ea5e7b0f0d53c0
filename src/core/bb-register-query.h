/* bb-register-query.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbRegisterRow:
 * @sequence: 序号: the row's position in the register, from 1
 * @case_id: the case
 * @number: the case number
 * @kind: `assist` (帮办) or `proxy` (代办)
 * @state: the case's state (bb_case_state_to_string())
 * @matter: 事项名称
 * @reason: (nullable): 受理理由
 * @mode: 办理方式: hall, window, home or online
 * @applied_at: 办理时间: when the client applied, µs since the epoch (UTC)
 * @completed_at: when it was completed, 0 when it was not
 * @result: (nullable): 办理结果 as recorded
 * @applicant: 申请人: the client's name
 * @evaluation: 评价: the latest satisfaction level (1–5), 0 when none
 * @evaluation_comment: (nullable): the latest evaluation's comment
 * @remark: (nullable): 备注
 *
 * One row of the service register (帮办代办服务事项登记表, table A.1), as
 * stored: the printed form words the codes and instants.
 */
typedef struct
{
  guint   sequence;
  gint64  case_id;
  char   *number;
  char   *kind;
  char   *state;
  char   *matter;
  char   *reason;
  char   *mode;
  gint64  applied_at;
  gint64  completed_at;
  char   *result;
  char   *applicant;
  int     evaluation;
  char   *evaluation_comment;
  char   *remark;
} BbRegisterRow;

void       bb_register_row_free         (BbRegisterRow  *row);
gboolean   bb_register_query_check      (const char     *from,
                                         const char     *to,
                                         const char     *kind,
                                         GError        **error);
GPtrArray *bb_register_query_run        (BbDatabase     *db,
                                         const char     *from,
                                         const char     *to,
                                         const char     *kind,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbRegisterRow, bb_register_row_free)

G_END_DECLS
