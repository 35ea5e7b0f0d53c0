/* bb-password.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *bb_password_hash          (const char  *password,
                                     GError     **error);
gboolean  bb_password_verify        (const char  *hash,
                                     const char  *password);
gboolean  bb_password_needs_rehash  (const char  *hash);
gboolean  bb_validate_password      (const char  *password,
                                     GError     **error);

G_END_DECLS
