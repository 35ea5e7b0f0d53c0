/* bb-case.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-case.h"

G_DEFINE_BOXED_TYPE (BbCaseSummary, bb_case_summary, bb_case_summary_copy, bb_case_summary_free)

BbCaseSummary *
bb_case_summary_copy (const BbCaseSummary *summary)
{
  BbCaseSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->number = g_strdup (summary->number);
  copy->client_name = g_strdup (summary->client_name);
  copy->client_id_masked = g_strdup (summary->client_id_masked);
  copy->client_category = g_strdup (summary->client_category);
  copy->matter = g_strdup (summary->matter);
  copy->responsible_number = g_strdup (summary->responsible_number);
  copy->responsible_name = g_strdup (summary->responsible_name);
  copy->deadline = g_strdup (summary->deadline);
  return copy;
}

void
bb_case_summary_free (BbCaseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->number);
  g_free (summary->client_name);
  g_free (summary->client_id_masked);
  g_free (summary->client_category);
  g_free (summary->matter);
  g_free (summary->responsible_number);
  g_free (summary->responsible_name);
  g_free (summary->deadline);
  g_free (summary);
}

static const char *kind_names[] = { "assist", "proxy" };

static const char *state_names[BB_N_STATES] = {
  "consultation", "applied", "routed", "analysed", "handling", "suspended", "completed",
  "delivered", "confirmed", "archived", "refused", "terminated", "converted",
};

static const char *reason_names[] = { "materials", "fees", "client", "force-majeure" };

const char *
bb_case_kind_to_string (BbCaseKind kind)
{
  g_return_val_if_fail (kind <= BB_CASE_PROXY, NULL);
  return kind_names[kind];
}

gboolean
bb_case_kind_from_string (const char *text,
                          BbCaseKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (BbCaseKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bb_case_kind_label (BbCaseKind kind)
{
  /* Translators: 帮办, assisted handling */
  return kind == BB_CASE_ASSIST ? _("Assist") : C_("case kind", "Proxy");
}

const char *
bb_case_state_to_string (BbCaseState state)
{
  g_return_val_if_fail (state < BB_N_STATES, NULL);
  return state_names[state];
}

gboolean
bb_case_state_from_string (const char  *text,
                           BbCaseState *state)
{
  for (guint i = 0; i < BB_N_STATES; i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = (BbCaseState) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bb_case_state_label (BbCaseState state)
{
  switch (state)
    {
    case BB_STATE_CONSULTATION:
      return C_("case state", "Consultation");
    case BB_STATE_APPLIED:
      return C_("case state", "Registered");
    case BB_STATE_ROUTED:
      return C_("case state", "Routed");
    case BB_STATE_ANALYSED:
      return C_("case state", "Needs analysed");
    case BB_STATE_HANDLING:
      return C_("case state", "Handling");
    case BB_STATE_SUSPENDED:
      return C_("case state", "Suspended");
    case BB_STATE_COMPLETED:
      return C_("case state", "Completed");
    case BB_STATE_DELIVERED:
      return C_("case state", "Handed over");
    case BB_STATE_CONFIRMED:
      return C_("case state", "Accepted by client");
    case BB_STATE_ARCHIVED:
      return C_("case state", "Archived");
    case BB_STATE_REFUSED:
      return C_("case state", "Refused");
    case BB_STATE_TERMINATED:
      return C_("case state", "Terminated");
    case BB_STATE_CONVERTED:
      return C_("case state", "Converted to proxy");
    case BB_N_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bb_suspend_reason_to_string (BbSuspendReason reason)
{
  g_return_val_if_fail (reason <= BB_SUSPEND_FORCE_MAJEURE, NULL);
  return reason_names[reason];
}

gboolean
bb_suspend_reason_from_string (const char      *text,
                               BbSuspendReason *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (g_strcmp0 (text, reason_names[i]) == 0)
      {
        *reason = (BbSuspendReason) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bb_suspend_reason_label (BbSuspendReason reason)
{
  switch (reason)
    {
    case BB_SUSPEND_MATERIALS:
      return _("Materials not supplied in time");
    case BB_SUSPEND_FEES:
      return _("Fees not paid");
    case BB_SUSPEND_CLIENT:
      return _("Client asked to pause");
    case BB_SUSPEND_FORCE_MAJEURE:
      return _("Force majeure");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *mode_names[] = { BB_MODE_HALL, BB_MODE_WINDOW, BB_MODE_HOME, BB_MODE_ONLINE };
static const char *channel_names[] = { "onsite", "phone", "email", "online" };
static const char *evaluation_channel_names[] = {
  "onsite", "device", "terminal", "phone", "sms", "online",
};

static gboolean
in_list (const char  *text,
         const char **list,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (text, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * bb_case_mode_is_valid:
 * @mode: (nullable): a code: hall, window, home or online
 */
gboolean
bb_case_mode_is_valid (const char *mode)
{
  return in_list (mode, mode_names, G_N_ELEMENTS (mode_names));
}

const char *
bb_case_mode_label (const char *mode)
{
  if (g_strcmp0 (mode, BB_MODE_HALL) == 0)
    return _("Service hall");
  if (g_strcmp0 (mode, BB_MODE_WINDOW) == 0)
    return _("Service window");
  if (g_strcmp0 (mode, BB_MODE_HOME) == 0)
    return _("Home visit");
  if (g_strcmp0 (mode, BB_MODE_ONLINE) == 0)
    return C_("service mode", "Online");
  return mode;
}

/**
 * bb_case_channel_is_valid:
 * @channel: (nullable): how the client first made contact: onsite, phone,
 *   email or online
 */
gboolean
bb_case_channel_is_valid (const char *channel)
{
  return in_list (channel, channel_names, G_N_ELEMENTS (channel_names));
}

const char *
bb_case_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "onsite") == 0)
    return _("On site");
  if (g_strcmp0 (channel, "phone") == 0)
    return _("Telephone");
  if (g_strcmp0 (channel, "email") == 0)
    return _("E-mail");
  if (g_strcmp0 (channel, "online") == 0)
    return _("Online platform");
  return channel;
}

/**
 * bb_case_area_from_string:
 * @text: (nullable): an area as typed: online, self-service (or
 *   self_service) or assist
 *
 * Returns: (nullable): the code stored in bb_case.area, or %NULL when @text
 *   names no area
 */
const char *
bb_case_area_from_string (const char *text)
{
  if (g_strcmp0 (text, "online") == 0)
    return BB_AREA_ONLINE;
  if (g_strcmp0 (text, "self-service") == 0 || g_strcmp0 (text, "self_service") == 0)
    return BB_AREA_SELF_SERVICE;
  if (g_strcmp0 (text, "assist") == 0)
    return BB_AREA_ASSIST;
  return NULL;
}

/**
 * bb_case_area_to_cli:
 *
 * Returns: the name bangban-cli uses for a stored area code
 */
const char *
bb_case_area_to_cli (const char *area)
{
  if (g_strcmp0 (area, BB_AREA_SELF_SERVICE) == 0)
    return "self-service";
  return area;
}

const char *
bb_case_area_label (const char *area)
{
  if (g_strcmp0 (area, BB_AREA_ONLINE) == 0)
    return _("Online service area");
  if (g_strcmp0 (area, BB_AREA_SELF_SERVICE) == 0)
    return _("Self-service machines");
  if (g_strcmp0 (area, BB_AREA_ASSIST) == 0)
    return _("Assist and proxy service area");
  return area;
}

/**
 * bb_evaluation_channel_is_valid:
 * @channel: (nullable): onsite, device, terminal, phone, sms or online
 */
gboolean
bb_evaluation_channel_is_valid (const char *channel)
{
  return in_list (channel, evaluation_channel_names, G_N_ELEMENTS (evaluation_channel_names));
}

const char *
bb_evaluation_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "onsite") == 0)
    return _("On site");
  if (g_strcmp0 (channel, "device") == 0)
    /* Translators: the rating pad at the desk (评价器) */
    return _("Rating pad");
  if (g_strcmp0 (channel, "terminal") == 0)
    return _("Self-service terminal");
  if (g_strcmp0 (channel, "phone") == 0)
    return _("Telephone");
  if (g_strcmp0 (channel, "sms") == 0)
    return _("Text message");
  if (g_strcmp0 (channel, "online") == 0)
    return _("Online platform");
  return channel;
}

/**
 * bb_satisfaction_label:
 * @level: 1 (非常不满意) to 5 (非常满意)
 */
const char *
bb_satisfaction_label (int level)
{
  switch (level)
    {
    case 5:
      return _("Very satisfied");
    case 4:
      return _("Satisfied");
    case 3:
      return _("Fairly satisfied");
    case 2:
      return _("Dissatisfied");
    case 1:
      return _("Very dissatisfied");
    default:
      g_return_val_if_reached (NULL);
    }
}
