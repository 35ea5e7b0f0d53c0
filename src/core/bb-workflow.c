/* bb-workflow.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two state machines, 帮办 (assist) and 代办 (proxy), as one table of
 * transitions (the standard's § 帮办服务流程, § 代办服务流程 and § 服务中止与续办;
 * DESIGN.md § Workflows), and the checks of what each action must carry.
 * Pure logic: no database, no clock (the caller says what today is).
 */

#define G_LOG_DOMAIN "bb-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-error.h"
#include "bb-validate.h"
#include "bb-workflow.h"

#define SAME BB_N_STATES  /* the action leaves the state as it is */

#define SHORT_TEXT_CHARS 100
#define LONG_TEXT_CHARS  2000
#define MAX_LIMIT_DAYS   365

typedef struct
{
  BbCaseKind  kind;
  BbCaseState from;
  BbAction    action;
  BbCaseState to;         /* SAME: no state change */
  gboolean    suggested;  /* the natural next step from @from */
} Transition;

/* Every allowed (kind, state, action). Whatever is not listed is refused. */
static const Transition transitions[] = {
  /* 帮办: 咨询 → 申请 → 受理 (routing) → 承办 → 办结 → 资料归档 */
  { BB_CASE_ASSIST, BB_STATE_CONSULTATION, BB_ACTION_APPLY,             BB_STATE_APPLIED,   TRUE },
  { BB_CASE_ASSIST, BB_STATE_CONSULTATION, BB_ACTION_LOG,               SAME,               FALSE },

  { BB_CASE_ASSIST, BB_STATE_APPLIED,      BB_ACTION_ROUTE,             BB_STATE_ROUTED,    TRUE },
  { BB_CASE_ASSIST, BB_STATE_APPLIED,      BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_APPLIED,      BB_ACTION_REASSIGN,          SAME,               FALSE },

  /* Handling starts with the materials check (承办: 指导准备, 协助递交). */
  { BB_CASE_ASSIST, BB_STATE_ROUTED,       BB_ACTION_MATERIALS,         BB_STATE_HANDLING,  TRUE },
  { BB_CASE_ASSIST, BB_STATE_ROUTED,       BB_ACTION_CONVERT,           BB_STATE_CONVERTED, FALSE },
  { BB_CASE_ASSIST, BB_STATE_ROUTED,       BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_ROUTED,       BB_ACTION_REASSIGN,          SAME,               FALSE },

  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_MATERIALS,         SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_NOTIFY_MISSING,    SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_SUPPLEMENT,        SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_PROBLEM,           SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_DEPARTMENT,        SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_SUPERVISOR_REPORT, SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_REASSIGN,          SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_CONVERT,           BB_STATE_CONVERTED, FALSE },
  { BB_CASE_ASSIST, BB_STATE_HANDLING,     BB_ACTION_COMPLETE,          BB_STATE_COMPLETED, TRUE },

  /* 办结: hand over every material and approval document, signed for. */
  { BB_CASE_ASSIST, BB_STATE_COMPLETED,    BB_ACTION_HANDOVER,          BB_STATE_DELIVERED, TRUE },
  { BB_CASE_ASSIST, BB_STATE_COMPLETED,    BB_ACTION_EVALUATE,          SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_COMPLETED,    BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_COMPLETED,    BB_ACTION_REASSIGN,          SAME,               FALSE },

  { BB_CASE_ASSIST, BB_STATE_DELIVERED,    BB_ACTION_ARCHIVE,           BB_STATE_ARCHIVED,  TRUE },
  { BB_CASE_ASSIST, BB_STATE_DELIVERED,    BB_ACTION_EVALUATE,          SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_DELIVERED,    BB_ACTION_FOLLOW_UP,         SAME,               FALSE },
  { BB_CASE_ASSIST, BB_STATE_DELIVERED,    BB_ACTION_LOG,               SAME,               FALSE },

  { BB_CASE_ASSIST, BB_STATE_CONVERTED,    BB_ACTION_ARCHIVE,           BB_STATE_ARCHIVED,  TRUE },

  { BB_CASE_ASSIST, BB_STATE_ARCHIVED,     BB_ACTION_FOLLOW_UP,         SAME,               FALSE },

  /* 代办: 服务咨询 → 需求分析 → 委托 → 承办 (⇄ 中止) → 办结 → 资料归档 */
  { BB_CASE_PROXY,  BB_STATE_CONSULTATION, BB_ACTION_ANALYSE,           BB_STATE_ANALYSED,  TRUE },
  { BB_CASE_PROXY,  BB_STATE_CONSULTATION, BB_ACTION_MATERIALS,         SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_CONSULTATION, BB_ACTION_NOTIFY_MISSING,    SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_CONSULTATION, BB_ACTION_LOG,               SAME,               FALSE },

  /* 委托: pre-review of the materials, then accept or refuse. */
  { BB_CASE_PROXY,  BB_STATE_ANALYSED,     BB_ACTION_ACCEPT,            BB_STATE_HANDLING,  TRUE },
  { BB_CASE_PROXY,  BB_STATE_ANALYSED,     BB_ACTION_REFUSE,            BB_STATE_REFUSED,   FALSE },
  { BB_CASE_PROXY,  BB_STATE_ANALYSED,     BB_ACTION_ANALYSE,           SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_ANALYSED,     BB_ACTION_MATERIALS,         SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_ANALYSED,     BB_ACTION_NOTIFY_MISSING,    SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_ANALYSED,     BB_ACTION_LOG,               SAME,               FALSE },

  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_MATERIALS,         SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_REQUEST_SUPPLEMENT, SAME,              FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_SUPPLEMENT,        SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_PROBLEM,           SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_REPORT,            SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_DEPARTMENT,        SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_SUPERVISOR_REPORT, SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_REASSIGN,          SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_SUSPEND,           BB_STATE_SUSPENDED, FALSE },
  { BB_CASE_PROXY,  BB_STATE_HANDLING,     BB_ACTION_COMPLETE,          BB_STATE_COMPLETED, TRUE },

  /* § 服务中止与续办 */
  { BB_CASE_PROXY,  BB_STATE_SUSPENDED,    BB_ACTION_RESUME,            BB_STATE_HANDLING,  TRUE },
  { BB_CASE_PROXY,  BB_STATE_SUSPENDED,    BB_ACTION_TERMINATE,         BB_STATE_TERMINATED,
    FALSE },
  { BB_CASE_PROXY,  BB_STATE_SUSPENDED,    BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_SUSPENDED,    BB_ACTION_REPORT,            SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_SUSPENDED,    BB_ACTION_SUPERVISOR_REPORT, SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_SUSPENDED,    BB_ACTION_REASSIGN,          SAME,               FALSE },

  /* 办结: delivery the agreed way with a handover receipt, the client's
   * acceptance; a discrepancy goes back to handling. */
  { BB_CASE_PROXY,  BB_STATE_COMPLETED,    BB_ACTION_HANDOVER,          BB_STATE_DELIVERED, TRUE },
  { BB_CASE_PROXY,  BB_STATE_COMPLETED,    BB_ACTION_LOG,               SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_COMPLETED,    BB_ACTION_REASSIGN,          SAME,               FALSE },

  { BB_CASE_PROXY,  BB_STATE_DELIVERED,    BB_ACTION_CONFIRM,           BB_STATE_CONFIRMED, TRUE },
  { BB_CASE_PROXY,  BB_STATE_DELIVERED,    BB_ACTION_DISPUTE,           BB_STATE_HANDLING,  FALSE },
  { BB_CASE_PROXY,  BB_STATE_DELIVERED,    BB_ACTION_FOLLOW_UP,         SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_DELIVERED,    BB_ACTION_LOG,               SAME,               FALSE },

  { BB_CASE_PROXY,  BB_STATE_CONFIRMED,    BB_ACTION_EVALUATE,          SAME,               TRUE },
  { BB_CASE_PROXY,  BB_STATE_CONFIRMED,    BB_ACTION_FOLLOW_UP,         SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_CONFIRMED,    BB_ACTION_ARCHIVE,           BB_STATE_ARCHIVED,  FALSE },
  { BB_CASE_PROXY,  BB_STATE_CONFIRMED,    BB_ACTION_LOG,               SAME,               FALSE },

  { BB_CASE_PROXY,  BB_STATE_REFUSED,      BB_ACTION_ARCHIVE,           BB_STATE_ARCHIVED,  TRUE },

  /* 终止: the materials still go back to the client, then the file. */
  { BB_CASE_PROXY,  BB_STATE_TERMINATED,   BB_ACTION_HANDOVER,          SAME,               FALSE },
  { BB_CASE_PROXY,  BB_STATE_TERMINATED,   BB_ACTION_ARCHIVE,           BB_STATE_ARCHIVED,  TRUE },

  { BB_CASE_PROXY,  BB_STATE_ARCHIVED,     BB_ACTION_FOLLOW_UP,         SAME,               FALSE },
};

static const char *action_names[BB_N_ACTIONS] = {
  "apply", "route", "materials", "notify-missing", "supplement", "convert", "analyse",
  "accept", "refuse", "request-supplement", "log", "problem", "report", "department",
  "supervisor-report", "reassign", "suspend", "resume", "terminate", "complete", "handover",
  "confirm", "dispute", "evaluate", "follow-up", "archive",
};

G_DEFINE_BOXED_TYPE (BbCaseAction, bb_case_action, bb_case_action_copy, bb_case_action_free)

static const Transition *
find_transition (BbCaseKind  kind,
                 BbCaseState state,
                 BbAction    action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const Transition *t = &transitions[i];

      if (t->kind == kind && t->from == state && t->action == action)
        return t;
    }
  return NULL;
}

/* Field checks */

static gboolean
check_text (const char  *label,
            const char  *value,
            gboolean     required,
            guint        max_chars,
            GError     **error)
{
  return bb_validate_text (label, value, required, max_chars, error);
}

static gboolean
check_names (const char  *label,
             char       **names,
             GError     **error)
{
  if (names == NULL)
    return TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!check_text (label, names[i], TRUE, SHORT_TEXT_CHARS, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_names (char **names)
{
  return names != NULL && names[0] != NULL;
}

static gboolean
check_staff (const char          *label,
             const BbCaseAction  *action,
             const char          *reason,
             GError             **error)
{
  if (action->staff_id > 0)
    return TRUE;
  if (bb_validate_text (label, action->staff_number, TRUE, SHORT_TEXT_CHARS, NULL))
    return TRUE;
  bb_set_field_error (error, label, "%s", reason);
  return FALSE;
}

static gboolean
validate_materials (const BbCaseAction  *action,
                    GError             **error)
{
  if (!has_names (action->present) && !has_names (action->missing))
    {
      bb_set_field_error (error, _("Materials"),
                          _("name at least one material that is present or missing"));
      return FALSE;
    }
  if (!check_names (_("Materials present"), action->present, error) ||
      !check_names (_("Materials missing"), action->missing, error))
    return FALSE;

  for (guint i = 0; action->present != NULL && action->present[i] != NULL; i++)
    {
      if (action->missing != NULL &&
          g_strv_contains ((const char * const *) action->missing, action->present[i]))
        {
          bb_set_field_error (error, _("Materials"),
                              _("“%s” cannot be both present and missing"), action->present[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_suspend (const BbCaseAction  *action,
                  const GDate         *today,
                  GError             **error)
{
  BbSuspendReason reason;
  GDate resume_by;

  if (action->reason == NULL || !bb_suspend_reason_from_string (action->reason, &reason))
    {
      bb_set_field_error (error, _("Suspension reason"),
                          _("choose one of the four reasons: materials, fees, client, "
                            "force-majeure"));
      return FALSE;
    }
  if (action->resume_by == NULL || *action->resume_by == '\0')
    {
      bb_set_field_error (error, _("Resume by"),
                          _("a suspension needs the date by which it must be resumed"));
      return FALSE;
    }
  if (!bb_validate_date (action->resume_by, &resume_by, NULL))
    {
      bb_set_field_error (error, _("Resume by"), _("should be a date written as YYYY-MM-DD"));
      return FALSE;
    }
  if (g_date_compare (&resume_by, today) <= 0)
    {
      bb_set_field_error (error, _("Resume by"), _("the resume deadline must be after today"));
      return FALSE;
    }
  return check_text (_("Note"), action->text, FALSE, LONG_TEXT_CHARS, error);
}

/* Public API */

/**
 * bb_case_action_new:
 *
 * Returns: (transfer full): an empty action; @integrity_ok is %TRUE
 */
BbCaseAction *
bb_case_action_new (BbAction action)
{
  BbCaseAction *self;

  g_return_val_if_fail (action < BB_N_ACTIONS, NULL);

  self = g_new0 (BbCaseAction, 1);
  self->action = action;
  self->integrity_ok = TRUE;
  return self;
}

BbCaseAction *
bb_case_action_copy (const BbCaseAction *action)
{
  BbCaseAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_memdup2 (action, sizeof *action);
  copy->text = g_strdup (action->text);
  copy->reason = g_strdup (action->reason);
  copy->area = g_strdup (action->area);
  copy->staff_number = g_strdup (action->staff_number);
  copy->resume_by = g_strdup (action->resume_by);
  copy->channel = g_strdup (action->channel);
  copy->comment = g_strdup (action->comment);
  copy->present = g_strdupv (action->present);
  copy->missing = g_strdupv (action->missing);
  copy->department = g_strdup (action->department);
  copy->status = g_strdup (action->status);
  copy->items = g_strdup (action->items);
  copy->received_by = g_strdup (action->received_by);
  copy->difficulty = g_strdup (action->difficulty);
  copy->process = g_strdup (action->process);
  copy->result = g_strdup (action->result);
  copy->delivery = g_strdup (action->delivery);
  copy->archive_number = g_strdup (action->archive_number);
  return copy;
}

void
bb_case_action_free (BbCaseAction *action)
{
  if (action == NULL)
    return;
  g_free (action->text);
  g_free (action->reason);
  g_free (action->area);
  g_free (action->staff_number);
  g_free (action->resume_by);
  g_free (action->channel);
  g_free (action->comment);
  g_strfreev (action->present);
  g_strfreev (action->missing);
  g_free (action->department);
  g_free (action->status);
  g_free (action->items);
  g_free (action->received_by);
  g_free (action->difficulty);
  g_free (action->process);
  g_free (action->result);
  g_free (action->delivery);
  g_free (action->archive_number);
  g_free (action);
}

/**
 * bb_action_to_string:
 *
 * Returns: the action's stable name (`suspend`, `follow-up`…)
 */
const char *
bb_action_to_string (BbAction action)
{
  g_return_val_if_fail (action < BB_N_ACTIONS, NULL);
  return action_names[action];
}

gboolean
bb_action_from_string (const char *text,
                       BbAction   *action)
{
  for (guint i = 0; i < BB_N_ACTIONS; i++)
    {
      if (g_strcmp0 (text, action_names[i]) == 0)
        {
          if (action != NULL)
            *action = (BbAction) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_action_label:
 *
 * Returns: the action as a button says it, translated
 */
const char *
bb_action_label (BbAction action)
{
  switch (action)
    {
    case BB_ACTION_APPLY:
      /* Translators: register a 帮办 request (table A.1) */
      return C_("case action", "Register");
    case BB_ACTION_ROUTE:
      /* Translators: guide the client to a service area */
      return C_("case action", "Route");
    case BB_ACTION_MATERIALS:
      return C_("case action", "Check materials");
    case BB_ACTION_NOTIFY_MISSING:
      /* Translators: 一次性告知 */
      return C_("case action", "One-time notice");
    case BB_ACTION_SUPPLEMENT:
      return C_("case action", "Supplement materials");
    case BB_ACTION_CONVERT:
      return C_("case action", "Convert to proxy");
    case BB_ACTION_ANALYSE:
      return C_("case action", "Analyse needs");
    case BB_ACTION_ACCEPT:
      return C_("case action", "Accept");
    case BB_ACTION_REFUSE:
      return C_("case action", "Refuse");
    case BB_ACTION_REQUEST_SUPPLEMENT:
      return C_("case action", "Request supplement");
    case BB_ACTION_LOG:
      return C_("case action", "Work log");
    case BB_ACTION_PROBLEM:
      return C_("case action", "Record problem");
    case BB_ACTION_REPORT:
      return C_("case action", "Progress report");
    case BB_ACTION_DEPARTMENT:
      return C_("case action", "Department status");
    case BB_ACTION_SUPERVISOR_REPORT:
      return C_("case action", "Report to supervisor");
    case BB_ACTION_REASSIGN:
      return C_("case action", "Reassign");
    case BB_ACTION_SUSPEND:
      return C_("case action", "Suspend");
    case BB_ACTION_RESUME:
      return C_("case action", "Resume");
    case BB_ACTION_TERMINATE:
      return C_("case action", "Terminate");
    case BB_ACTION_COMPLETE:
      return C_("case action", "Complete");
    case BB_ACTION_HANDOVER:
      return C_("case action", "Hand over");
    case BB_ACTION_CONFIRM:
      return C_("case action", "Client accepts");
    case BB_ACTION_DISPUTE:
      return C_("case action", "Dispute");
    case BB_ACTION_EVALUATE:
      return C_("case action", "Evaluate");
    case BB_ACTION_FOLLOW_UP:
      return C_("case action", "Follow up");
    case BB_ACTION_ARCHIVE:
      return C_("case action", "Archive");
    case BB_N_ACTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bb_workflow_has_action:
 *
 * Returns: whether @action is a step of @kind's workflow at all
 */
gboolean
bb_workflow_has_action (BbCaseKind kind,
                        BbAction   action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].kind == kind && transitions[i].action == action)
        return TRUE;
    }
  return FALSE;
}

gboolean
bb_workflow_is_allowed (BbCaseKind  kind,
                        BbCaseState state,
                        BbAction    action)
{
  return find_transition (kind, state, action) != NULL;
}

/**
 * bb_workflow_allowed_actions:
 *
 * Returns: (transfer full) (element-type BbAction): the actions @state
 *   allows, in the order of #BbAction
 */
GArray *
bb_workflow_allowed_actions (BbCaseKind  kind,
                             BbCaseState state)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (BbAction));

  for (guint a = 0; a < BB_N_ACTIONS; a++)
    {
      BbAction action = (BbAction) a;

      if (find_transition (kind, state, action) != NULL)
        g_array_append_val (actions, action);
    }
  return actions;
}

/**
 * bb_workflow_suggested_action:
 * @action: (out): the natural next step
 *
 * Returns: %FALSE when @state has no natural next step
 */
gboolean
bb_workflow_suggested_action (BbCaseKind   kind,
                              BbCaseState  state,
                              BbAction    *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const Transition *t = &transitions[i];

      if (t->kind == kind && t->from == state && t->suggested)
        {
          *action = t->action;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_workflow_check:
 *
 * Returns: %TRUE if @state allows @action; otherwise %FALSE with a
 *   %BB_ERROR_REFUSED error that says so
 */
gboolean
bb_workflow_check (BbCaseKind    kind,
                   BbCaseState   state,
                   BbAction      action,
                   GError      **error)
{
  g_return_val_if_fail (kind <= BB_CASE_PROXY, FALSE);
  g_return_val_if_fail (state < BB_N_STATES, FALSE);
  g_return_val_if_fail (action < BB_N_ACTIONS, FALSE);

  if (find_transition (kind, state, action) != NULL)
    return TRUE;

  if (!bb_workflow_has_action (kind, action))
    /* Translators: “Suspend is not a step of Assist cases” */
    g_set_error (error, BB_ERROR, BB_ERROR_REFUSED, _("%s is not a step of %s cases"),
                 bb_action_label (action), bb_case_kind_label (kind));
  else
    /* Translators: “Suspend is not possible while the case is Completed” */
    g_set_error (error, BB_ERROR, BB_ERROR_REFUSED, _("%s is not possible while the case is %s"),
                 bb_action_label (action), bb_case_state_label (state));
  return FALSE;
}

/**
 * bb_workflow_target:
 *
 * Returns: the state after @action; @state itself when the action does not
 *   change it or is not allowed
 */
BbCaseState
bb_workflow_target (BbCaseKind  kind,
                    BbCaseState state,
                    BbAction    action)
{
  const Transition *t = find_transition (kind, state, action);

  if (t == NULL || t->to == SAME)
    return state;
  return t->to;
}

/**
 * bb_workflow_validate:
 * @today: the day in the time zone of record
 *
 * Checks what @action carries: required fields, codes, dates. It does not
 * look at the case's state (bb_workflow_check() does) nor at the database
 * (whether a staff member or a material exists is the repository's check).
 *
 * Returns: %TRUE, or %FALSE with a %BB_ERROR_INVALID error naming the field
 */
gboolean
bb_workflow_validate (BbCaseKind           kind,
                      const BbCaseAction  *action,
                      const GDate         *today,
                      GError             **error)
{
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  switch (action->action)
    {
    case BB_ACTION_ROUTE:
      if (bb_case_area_from_string (action->area) == NULL)
        {
          bb_set_field_error (error, _("Area"),
                              _("choose online, self-service or assist"));
          return FALSE;
        }
      return check_text (_("Note"), action->text, FALSE, LONG_TEXT_CHARS, error);

    case BB_ACTION_MATERIALS:
      return validate_materials (action, error) &&
             check_text (_("Note"), action->text, FALSE, LONG_TEXT_CHARS, error);

    case BB_ACTION_SUPPLEMENT:
      return check_names (_("Materials present"), action->present, error) &&
             check_text (_("Note"), action->text, FALSE, LONG_TEXT_CHARS, error);

    case BB_ACTION_ANALYSE:
      if (!check_text (_("Difficulty"), action->difficulty, TRUE, SHORT_TEXT_CHARS, error))
        return FALSE;
      if (action->estimated_days < 1 || action->estimated_days > MAX_LIMIT_DAYS)
        {
          bb_set_field_error (error, _("Estimated time"),
                              _("enter the estimated working days, from 1 to %d"), MAX_LIMIT_DAYS);
          return FALSE;
        }
      return check_text (_("Process"), action->process, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_ACCEPT:
      if (!check_staff (_("Handler"), action,
                        _("an accepted case needs a responsible staff member"), error))
        return FALSE;
      if (action->limit_days < 0 || action->limit_days > MAX_LIMIT_DAYS)
        {
          bb_set_field_error (error, _("Time limit"),
                              _("enter the promised limit in working days, from 1 to %d"),
                              MAX_LIMIT_DAYS);
          return FALSE;
        }
      return check_text (_("Acceptance notes"), action->text, FALSE, LONG_TEXT_CHARS, error);

    case BB_ACTION_REFUSE:
      return check_text (_("Reason for refusal"), action->reason, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_REQUEST_SUPPLEMENT:
      return check_text (_("Materials to supplement"), action->text, TRUE, LONG_TEXT_CHARS,
                         error) &&
             check_names (_("Materials missing"), action->missing, error);

    case BB_ACTION_LOG:
      return check_text (_("Work log"), action->text, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_PROBLEM:
      return check_text (_("Problem"), action->text, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_REPORT:
      return check_text (_("Progress report"), action->text, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_SUPERVISOR_REPORT:
      return check_text (_("Report"), action->text, TRUE, LONG_TEXT_CHARS, error) &&
             check_text (_("Supervising department"), action->department, FALSE,
                         SHORT_TEXT_CHARS, error);

    case BB_ACTION_DEPARTMENT:
      return check_text (_("Department"), action->department, TRUE, SHORT_TEXT_CHARS, error) &&
             check_text (_("Department status"), action->status, TRUE, SHORT_TEXT_CHARS, error) &&
             check_text (_("Note"), action->text, FALSE, LONG_TEXT_CHARS, error);

    case BB_ACTION_REASSIGN:
      if (!check_staff (_("New responsible staff member"), action,
                        _("choose who takes over the case"), error))
        return FALSE;
      if (!check_text (_("Reason for the change"), action->reason, TRUE, LONG_TEXT_CHARS, error))
        return FALSE;
      if (!action->client_told)
        {
          bb_set_field_error (error, _("Client told"),
                              _("the client must be told and the change explained before the "
                                "responsible staff member changes"));
          return FALSE;
        }
      return TRUE;

    case BB_ACTION_SUSPEND:
      return validate_suspend (action, today, error);

    case BB_ACTION_COMPLETE:
      return check_text (_("Result"), action->result, TRUE, LONG_TEXT_CHARS, error) &&
             check_text (_("Delivery"), action->delivery, FALSE, SHORT_TEXT_CHARS, error);

    case BB_ACTION_HANDOVER:
      return check_text (_("Items handed over"), action->items, TRUE, LONG_TEXT_CHARS, error) &&
             check_text (_("Received by"), action->received_by, FALSE, SHORT_TEXT_CHARS, error);

    case BB_ACTION_DISPUTE:
      return check_text (_("Discrepancy"), action->reason, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_EVALUATE:
      if (action->level < 1 || action->level > BB_SATISFACTION_MAX)
        {
          bb_set_field_error (error, _("Satisfaction"),
                              _("choose a level from 1 (very dissatisfied) to 5 (very satisfied)"));
          return FALSE;
        }
      if (action->channel != NULL && !bb_evaluation_channel_is_valid (action->channel))
        {
          bb_set_field_error (error, _("Evaluation channel"),
                              _("choose onsite, device, terminal, phone, sms or online"));
          return FALSE;
        }
      return check_text (_("Comment"), action->comment, FALSE, LONG_TEXT_CHARS, error);

    case BB_ACTION_FOLLOW_UP:
      return check_text (_("Follow-up"), action->text, TRUE, LONG_TEXT_CHARS, error);

    case BB_ACTION_ARCHIVE:
      return check_text (_("Archive number"), action->archive_number, FALSE, SHORT_TEXT_CHARS,
                         error);

    case BB_ACTION_APPLY:
    case BB_ACTION_NOTIFY_MISSING:
    case BB_ACTION_CONVERT:
    case BB_ACTION_RESUME:
    case BB_ACTION_TERMINATE:
    case BB_ACTION_CONFIRM:
      return check_text (_("Note"), action->text, FALSE, LONG_TEXT_CHARS, error);

    case BB_N_ACTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}
