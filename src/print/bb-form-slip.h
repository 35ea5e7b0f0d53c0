/* bb-form-slip.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * BbSlipData:
 * @team_name: (nullable): the team's full name (setting team_name), such as
 *   雁塔区为民服务队; empty prints XXXX为民服务队
 * @date: (nullable): the slip's date, `YYYY-MM-DD`; empty leaves 年 月 日
 *   to be written in
 * @number: the case number (编号), also encoded in the QR code
 * @applicant: 申请人
 * @id_number: 身份证号码 as it may be printed (full or masked)
 * @phone: 联系电话
 * @matter: 申请办理事项
 * @applied_at: 申请时间, as printed (“2026-03-02 09:30”)
 * @accepted_by: 受理人
 * @accepted_at: 受理时间, as printed
 * @handler: 办理人
 * @limit: 承诺时限, as printed (“5个工作日（2026-03-09前）”)
 * @notes: 受理情况
 * @hotline: (nullable): the complaint hotline (setting complaint_hotline);
 *   empty prints XXXXXXX
 *
 * Everything the acceptance slip (代办事项受理单, table A.2) prints. The
 * strings are not owned; %NULL prints as blank.
 */
typedef struct
{
  const char *team_name;
  const char *date;
  const char *number;
  const char *applicant;
  const char *id_number;
  const char *phone;
  const char *matter;
  const char *applied_at;
  const char *accepted_by;
  const char *accepted_at;
  const char *handler;
  const char *limit;
  const char *notes;
  const char *hotline;
} BbSlipData;

void bb_form_slip_draw (cairo_t          *cr,
                        const BbSlipData *data);

G_END_DECLS
