/* bb-keyring.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-location.h"

G_BEGIN_DECLS

void      bb_keyring_store_password_async  (const BbLocation    *location,
                                            const char          *password,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  bb_keyring_store_password_finish (GAsyncResult        *result,
                                            GError             **error);
void      bb_keyring_lookup_password_async (const BbLocation    *location,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char     *bb_keyring_lookup_password_finish (GAsyncResult       *result,
                                             GError            **error);
char     *bb_keyring_lookup_password       (const BbLocation    *location,
                                            GCancellable        *cancellable,
                                            GError             **error);

G_END_DECLS
