/* bb-settings-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/* Keys of the settings every workstation of a database shares. */
#define BB_SETTING_TEAM_NAME          "team_name"
#define BB_SETTING_COMPLAINT_HOTLINE  "complaint_hotline"
#define BB_SETTING_CASE_NUMBER_FORMAT "case_number_format"
#define BB_SETTING_TIME_ZONE          "time_zone"
#define BB_SETTING_RECTIFICATION_DAYS "rectification_days"
#define BB_SETTING_COMPLAINT_DAYS     "complaint_days"
#define BB_SETTING_SUPPLEMENT_DAYS    "supplement_days"

gboolean  bb_settings_validate   (const char  *key,
                                  const char  *value,
                                  GError     **error);
char     *bb_settings_repo_get   (BbDatabase  *db,
                                  const char  *key,
                                  int         *version,
                                  GError     **error);
int       bb_settings_repo_get_days (BbDatabase *db,
                                     const char *key,
                                     int         fallback);
gboolean  bb_settings_repo_set   (BbDatabase  *db,
                                  const BbActor *actor,
                                  const char  *key,
                                  const char  *value,
                                  int          expected_version,
                                  int         *new_version,
                                  GError     **error);

G_END_DECLS
