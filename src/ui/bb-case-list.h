/* bb-case-list.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-actor.h"
#include "bb-case-query.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_CASE_LIST (bb_case_list_get_type ())

G_DECLARE_FINAL_TYPE (BbCaseList, bb_case_list, BB, CASE_LIST, GObject)

/* Rows fetched per query. */
#define BB_CASE_LIST_PAGE_SIZE 100

BbCaseList         *bb_case_list_new              (BbDatabase         *database,
                                                   const BbActor      *actor);
void                bb_case_list_set_filter       (BbCaseList         *self,
                                                   const BbCaseFilter *filter);
const BbCaseFilter *bb_case_list_get_filter       (BbCaseList         *self);
void                bb_case_list_set_sort         (BbCaseList         *self,
                                                   BbCaseSort          sort);
BbCaseSort          bb_case_list_get_sort         (BbCaseList         *self);
void                bb_case_list_refresh          (BbCaseList         *self);
gboolean            bb_case_list_get_loading      (BbCaseList         *self);
guint               bb_case_list_get_n_cases      (BbCaseList         *self);
void                bb_case_list_set_first_step   (BbCaseList         *self,
                                                   guint               rows);
gboolean            bb_case_list_get_holding      (BbCaseList         *self);
void                bb_case_list_show_rest        (BbCaseList         *self);
guint               bb_case_list_get_pages_loaded (BbCaseList         *self);
const char         *bb_case_list_get_error        (BbCaseList         *self);
guint               bb_case_list_find             (BbCaseList         *self,
                                                   gint64              id);

G_END_DECLS
