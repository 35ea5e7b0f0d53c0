/* bb-form-handover.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * BbHandoverData:
 * @team_name: (nullable): the team's full name; empty prints XXXX为民服务队
 * @number: (nullable): the case number
 * @date: (nullable): the day of the handover, `YYYY-MM-DD`
 * @applicant: 服务对象
 * @phone: the client's 联系电话
 * @matter: 办理事项
 * @result: (nullable): 办理结果
 * @delivery: (nullable): 交付方式, the way agreed with the client
 * @staff: (nullable): the staff member handing over
 * @items: (array length=n_items): what is handed over, one line each
 *
 * Everything the handover receipt (交接证明) prints (§ 代办服务流程 办结:
 * 将成果物或办理结果以约定的方式交付给服务对象，并提供相关的交接证明).
 * Strings are not owned; %NULL prints as blank.
 */
typedef struct
{
  const char         *team_name;
  const char         *number;
  const char         *date;
  const char         *applicant;
  const char         *phone;
  const char         *matter;
  const char         *result;
  const char         *delivery;
  const char         *staff;
  const char * const *items;
  guint               n_items;
} BbHandoverData;

guint bb_form_handover_paginate  (cairo_t              *cr,
                                  const BbHandoverData *data);
void  bb_form_handover_draw_page (cairo_t              *cr,
                                  const BbHandoverData *data,
                                  guint                 page);

G_END_DECLS
