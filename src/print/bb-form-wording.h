/* bb-form-wording.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the standard's appendix prints where a setting is not configured. */
#define BB_FORM_TEAM_PLACEHOLDER    "XXXX为民服务队"
#define BB_FORM_HOTLINE_PLACEHOLDER "XXXXXXX"

char       *bb_form_title                (const char *team_name,
                                          const char *form_name);
const char *bb_form_hotline_text         (const char *hotline);
char       *bb_form_date_text            (const char *iso_date);
char       *bb_form_date_text_from_usec  (gint64      usec,
                                          GTimeZone  *time_zone);
char       *bb_form_time_text            (gint64      usec,
                                          GTimeZone  *time_zone);
const char *bb_form_mode_text            (const char *mode);
const char *bb_form_state_text           (const char *state);
const char *bb_form_satisfaction_text    (int         level);
char       *bb_form_material_requirement (const char *form,
                                          int         copies);
char       *bb_form_limit_text           (int         limit_days,
                                          const char *deadline);

G_END_DECLS
