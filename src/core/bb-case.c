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
