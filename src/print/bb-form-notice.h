/* bb-form-notice.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * BbNoticeMaterial:
 * @name: the material missing
 * @requirement: (nullable): what is required, as printed (“原件 1份”; see
 *   bb_form_material_requirement())
 * @how_to_obtain: (nullable): 补齐材料的途径和方法
 */
typedef struct
{
  const char *name;
  const char *requirement;
  const char *how_to_obtain;
} BbNoticeMaterial;

/**
 * BbNoticeData:
 * @team_name: (nullable): the team's full name; empty prints XXXX为民服务队
 * @number: (nullable): the case number
 * @date: (nullable): the notice's date, `YYYY-MM-DD`
 * @applicant: 服务对象
 * @phone: the client's 联系电话
 * @matter: 办理事项
 * @staff: 服务人员: who gives the notice
 * @staff_phone: (nullable): how to reach them
 * @hotline: (nullable): the complaint hotline; empty prints XXXXXXX
 * @materials: (array length=n_materials): the missing materials
 *
 * Everything the one-time notice (一次性告知单) prints: each missing
 * material and how to obtain it (§ 帮办服务流程 承办: 一次性列出缺少的材料以及
 * 补齐材料的途径和方法). Strings are not owned; %NULL prints as blank.
 */
typedef struct
{
  const char             *team_name;
  const char             *number;
  const char             *date;
  const char             *applicant;
  const char             *phone;
  const char             *matter;
  const char             *staff;
  const char             *staff_phone;
  const char             *hotline;
  const BbNoticeMaterial *materials;
  guint                   n_materials;
} BbNoticeData;

guint bb_form_notice_paginate  (cairo_t            *cr,
                                const BbNoticeData *data);
void  bb_form_notice_draw_page (cairo_t            *cr,
                                const BbNoticeData *data,
                                guint               page);

G_END_DECLS
