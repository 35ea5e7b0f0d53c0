/* bb-database-private.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For repository modules in src/core only: the UI never sees libgda.
 */

#pragma once

#include <libgda/libgda.h>

#include "bb-database.h"

G_BEGIN_DECLS

/* libgda 5 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaConnection, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaDataModel, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaStatement, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaBatch, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaSqlParser, g_object_unref)

GdaConnection *bb_database_get_connection (BbDatabase    *self);
GdaStatement  *bb_database_prepare        (BbDatabase    *self,
                                           const char    *sql);
GdaStatement  *bb_database_prepare_verbatim (BbDatabase *self,
                                             const char *sql);
GdaSet        *bb_database_new_params     (BbDatabase    *self,
                                           GdaStatement  *statement);
gboolean       bb_database_begin          (BbDatabase    *self,
                                           GError       **error);
gboolean       bb_database_commit         (BbDatabase    *self,
                                           GError       **error);
void           bb_database_rollback       (BbDatabase    *self);
void           bb_database_lock           (BbDatabase    *self);
void           bb_database_unlock         (BbDatabase    *self);
GdaDataModel  *bb_database_select         (BbDatabase    *self,
                                           GdaStatement  *statement,
                                           GdaSet        *params,
                                           const GType   *column_types,
                                           GError       **error);
int            bb_database_execute        (BbDatabase    *self,
                                           GdaStatement  *statement,
                                           GdaSet        *params,
                                           GError       **error);

void           bb_params_set_string       (GdaSet        *params,
                                           const char    *name,
                                           const char    *value);
void           bb_params_set_int          (GdaSet        *params,
                                           const char    *name,
                                           int            value);
void           bb_params_set_int64        (GdaSet        *params,
                                           const char    *name,
                                           gint64         value);
void           bb_params_set_null         (GdaSet        *params,
                                           const char    *name);

char          *bb_model_dup_string        (GdaDataModel  *model,
                                           int            column,
                                           int            row);
gint64         bb_model_get_int64         (GdaDataModel  *model,
                                           int            column,
                                           int            row,
                                           gint64         if_null);
gboolean       bb_model_is_null           (GdaDataModel  *model,
                                           int            column,
                                           int            row);

G_END_DECLS
