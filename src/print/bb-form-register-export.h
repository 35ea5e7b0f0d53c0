/* bb-form-register-export.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-form-register.h"

G_BEGIN_DECLS

char     *bb_form_register_to_csv     (BbFormRegister  *form,
                                       gsize           *length);
gboolean  bb_form_register_write_csv  (BbFormRegister  *form,
                                       const char      *path,
                                       GError         **error);
gboolean  bb_form_register_write_xlsx (BbFormRegister  *form,
                                       const char      *path,
                                       GError         **error);

G_END_DECLS
