/* bb-form-register.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "bb-register-query.h"

G_BEGIN_DECLS

/**
 * BbRegisterColumn:
 *
 * The columns of table A.1, in the appendix's order.
 */
typedef enum
{
  BB_REGISTER_COLUMN_SEQUENCE,    /* 序号 */
  BB_REGISTER_COLUMN_MATTER,      /* 事项名称 */
  BB_REGISTER_COLUMN_REASON,      /* 受理理由 */
  BB_REGISTER_COLUMN_MODE,        /* 办理方式 */
  BB_REGISTER_COLUMN_TIME,        /* 办理时间 */
  BB_REGISTER_COLUMN_RESULT,      /* 办理结果 */
  BB_REGISTER_COLUMN_APPLICANT,   /* 申请人 */
  BB_REGISTER_COLUMN_EVALUATION,  /* 评价 */
  BB_REGISTER_COLUMN_REMARK,      /* 备注 */
  BB_REGISTER_N_COLUMNS
} BbRegisterColumn;

typedef struct _BbFormRegister BbFormRegister;

BbFormRegister     *bb_form_register_new            (const char          *team_name,
                                                     const char          *period);
void                bb_form_register_free           (BbFormRegister      *self);
const char         *bb_form_register_column_title   (BbRegisterColumn     column);
char               *bb_form_register_dup_title      (BbFormRegister      *self);
void                bb_form_register_add_row        (BbFormRegister      *self,
                                                     const char * const  *cells);
void                bb_form_register_add_case       (BbFormRegister      *self,
                                                     const BbRegisterRow *row,
                                                     GTimeZone           *time_zone);
guint               bb_form_register_get_n_rows     (BbFormRegister      *self);
const char * const *bb_form_register_get_row        (BbFormRegister      *self,
                                                     guint                row);
guint               bb_form_register_paginate       (BbFormRegister      *self,
                                                     cairo_t             *cr);
guint               bb_form_register_get_n_pages    (BbFormRegister      *self);
guint               bb_form_register_get_page_start (BbFormRegister      *self,
                                                     guint                page);
void                bb_form_register_draw_page      (BbFormRegister      *self,
                                                     cairo_t             *cr,
                                                     guint                page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbFormRegister, bb_form_register_free)

G_END_DECLS
