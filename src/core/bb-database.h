/* bb-database.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-location.h"

G_BEGIN_DECLS

#define BB_TYPE_DATABASE (bb_database_get_type ())

G_DECLARE_FINAL_TYPE (BbDatabase, bb_database, BB, DATABASE, GObject)

BbDatabase       *bb_database_open                  (const BbLocation     *location,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void              bb_database_open_async            (const BbLocation     *location,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
BbDatabase       *bb_database_open_finish           (GAsyncResult         *result,
                                                     GError              **error);
char             *bb_database_check                 (const BbLocation     *location,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void              bb_database_check_async           (const BbLocation     *location,
                                                     const char           *password,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char             *bb_database_check_finish          (GAsyncResult         *result,
                                                     GError              **error);
const BbLocation *bb_database_get_location          (BbDatabase           *self);
BbEngine          bb_database_get_engine            (BbDatabase           *self);
guint             bb_database_get_schema_version    (BbDatabase           *self);
guint             bb_database_get_latest_schema_version (void);

G_END_DECLS
