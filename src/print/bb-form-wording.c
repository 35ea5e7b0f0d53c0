/* bb-form-wording.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Chinese wording printed forms use for the codes and instants stored
 * in the database. Forms are printed in Chinese whatever the language of
 * the user interface (the standard's appendix gives their wording), so
 * nothing here is marked for translation.
 */

#define G_LOG_DOMAIN "bb-form-wording"

#include "config.h"

#include <stdio.h>

#include "bb-form-wording.h"

/**
 * bb_form_title:
 * @team_name: (nullable): the team's full name from the settings, such as
 *   “雁塔区为民服务队”
 * @form_name: the form's name, such as “代办事项受理单”
 *
 * Returns: (transfer full): the title as the appendix prints it:
 *   “雁塔区为民服务队”代办事项受理单, with XXXX为民服务队 when no team
 *   name is configured
 */
char *
bb_form_title (const char *team_name,
               const char *form_name)
{
  g_autofree char *team = g_strstrip (g_strdup (team_name != NULL ? team_name : ""));

  g_return_val_if_fail (form_name != NULL, NULL);

  return g_strdup_printf ("“%s”%s", *team != '\0' ? team : BB_FORM_TEAM_PLACEHOLDER,
                          form_name);
}

/**
 * bb_form_hotline_text:
 *
 * Returns: (transfer none): @hotline, or XXXXXXX when none is configured
 */
const char *
bb_form_hotline_text (const char *hotline)
{
  if (hotline == NULL || *hotline == '\0')
    return BB_FORM_HOTLINE_PLACEHOLDER;
  return hotline;
}

static char *
date_text (int year,
           int month,
           int day)
{
  return g_strdup_printf ("%d年%d月%d日", year, month, day);
}

/**
 * bb_form_date_text:
 * @iso_date: (nullable): a date as `YYYY-MM-DD`
 *
 * Returns: (transfer full): “2026年3月2日”, or blanks to write the date
 *   in by hand (“    年    月    日”) when @iso_date is unset or invalid
 */
char *
bb_form_date_text (const char *iso_date)
{
  unsigned int year, month, day;
  char extra;

  if (iso_date != NULL
      && sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &extra) == 3
      && g_date_valid_dmy (day, month, year))
    return date_text (year, month, day);
  return g_strdup ("    年    月    日");
}

/**
 * bb_form_date_text_from_usec:
 * @usec: an instant, µs since the epoch; 0 for none
 * @time_zone: the time zone of record
 *
 * Returns: (transfer full): the instant's day as bb_form_date_text()
 *   prints it
 */
char *
bb_form_date_text_from_usec (gint64     usec,
                             GTimeZone *time_zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time_zone != NULL, NULL);

  if (usec <= 0)
    return bb_form_date_text (NULL);
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, time_zone);
  return date_text (g_date_time_get_year (local), g_date_time_get_month (local),
                    g_date_time_get_day_of_month (local));
}

/**
 * bb_form_time_text:
 * @usec: an instant, µs since the epoch; 0 for none
 * @time_zone: the time zone of record
 *
 * Returns: (transfer full): “2026-03-02 09:30”, or an empty string
 */
char *
bb_form_time_text (gint64     usec,
                   GTimeZone *time_zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time_zone != NULL, NULL);

  if (usec <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, time_zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * bb_form_mode_text:
 * @mode: (nullable): a service mode code (hall, window, home, online)
 *
 * Returns: (transfer none): its name under § 服务方式
 */
const char *
bb_form_mode_text (const char *mode)
{
  if (g_strcmp0 (mode, "hall") == 0)
    return "大厅服务";
  if (g_strcmp0 (mode, "window") == 0)
    return "窗口服务";
  if (g_strcmp0 (mode, "home") == 0)
    return "上门服务";
  if (g_strcmp0 (mode, "online") == 0)
    return "线上服务";
  return mode != NULL ? mode : "";
}

/**
 * bb_form_state_text:
 * @state: (nullable): a case state code (bb_case_state_to_string())
 *
 * Returns: (transfer none): how the register's 办理结果 names a case that
 *   has no result text yet
 */
const char *
bb_form_state_text (const char *state)
{
  static const struct
  {
    const char *code;
    const char *text;
  } states[] = {
    { "consultation", "咨询" },
    { "applied", "已登记" },
    { "routed", "已分流" },
    { "analysed", "需求已分析" },
    { "handling", "办理中" },
    { "suspended", "已中止" },
    { "completed", "已办结" },
    { "delivered", "已交接" },
    { "confirmed", "服务对象已验收" },
    { "archived", "已归档" },
    { "refused", "不予受理" },
    { "terminated", "已终止" },
    { "converted", "已转代办" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (state, states[i].code) == 0)
      return states[i].text;
  return state != NULL ? state : "";
}

/**
 * bb_form_satisfaction_text:
 * @level: 1 (非常不满意) to 5 (非常满意); 0 when not evaluated
 *
 * Returns: (transfer none): the level's name, or an empty string
 */
const char *
bb_form_satisfaction_text (int level)
{
  static const char *levels[] = { "非常不满意", "不满意", "基本满意", "满意", "非常满意" };

  if (level < 1 || level > (int) G_N_ELEMENTS (levels))
    return "";
  return levels[level - 1];
}

/**
 * bb_form_material_requirement:
 * @form: (nullable): original, copy, original_and_copy or electronic
 * @copies: how many copies; 0 when not stated
 *
 * Returns: (transfer full): “原件 1份”, “复印件 2份”…
 */
char *
bb_form_material_requirement (const char *form,
                              int         copies)
{
  const char *text;

  if (g_strcmp0 (form, "original") == 0)
    text = "原件";
  else if (g_strcmp0 (form, "copy") == 0)
    text = "复印件";
  else if (g_strcmp0 (form, "original_and_copy") == 0)
    text = "原件及复印件";
  else if (g_strcmp0 (form, "electronic") == 0)
    text = "电子版";
  else
    text = form != NULL ? form : "";

  if (copies <= 0 || g_strcmp0 (form, "electronic") == 0)
    return g_strdup (text);
  return g_strdup_printf ("%s %d份", text, copies);
}

/**
 * bb_form_limit_text:
 * @limit_days: the promised limit in working days; 0 when none was set
 * @deadline: (nullable): the day it ends, `YYYY-MM-DD`
 *
 * Returns: (transfer full): 承诺时限 as the slip prints it:
 *   “5个工作日（2026年3月9日前）”, or an empty string
 */
char *
bb_form_limit_text (int         limit_days,
                    const char *deadline)
{
  g_autofree char *day = NULL;

  if (limit_days <= 0)
    return g_strdup ("");
  if (deadline == NULL || *deadline == '\0')
    return g_strdup_printf ("%d个工作日", limit_days);
  day = bb_form_date_text (deadline);
  return g_strdup_printf ("%d个工作日（%s前）", limit_days, day);
}
