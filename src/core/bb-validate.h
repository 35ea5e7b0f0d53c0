/* bb-validate.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bb_validate_id_number        (const char  *value,
                                       GError     **error);
gboolean bb_validate_credit_code      (const char  *value,
                                       GError     **error);
gboolean bb_validate_phone            (const char  *value,
                                       GError     **error);
gboolean bb_validate_email            (const char  *value,
                                       GError     **error);
gboolean bb_validate_date             (const char  *iso,
                                       GDate       *out,
                                       GError     **error);
char    *bb_date_to_iso               (const GDate *date);
gboolean bb_validate_text             (const char  *field_label,
                                       const char  *value,
                                       gboolean     required,
                                       guint        max_chars,
                                       GError     **error);

char     bb_id_number_check_digit     (const char  *first17);
char     bb_credit_code_check_char    (const char  *first17);

char    *bb_normalize_id_number       (const char  *value);
char    *bb_normalize_credit_code     (const char  *value);
char    *bb_normalize_phone           (const char  *value);

char    *bb_mask_id_number            (const char  *value);
char    *bb_mask_phone                (const char  *value);

G_END_DECLS
