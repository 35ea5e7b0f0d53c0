/* test-workflow.c — the 帮办 and 代办 state machines and what actions carry
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workflow"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bb-error.h"
#include "bb-workflow.h"

/* The expected transitions, written out from DESIGN.md § Workflows and the
 * standard independently of the table in bb-workflow.c: "kind from action
 * to" with "-" for an action that keeps the state. Every (kind, state,
 * action) not listed here must be refused. */
static const char *expected[] = {
  "assist consultation apply applied",
  "assist consultation log -",
  "assist applied route routed",
  "assist applied log -",
  "assist applied reassign -",
  "assist routed materials handling",
  "assist routed convert converted",
  "assist routed log -",
  "assist routed reassign -",
  "assist handling materials -",
  "assist handling notify-missing -",
  "assist handling supplement -",
  "assist handling log -",
  "assist handling problem -",
  "assist handling department -",
  "assist handling supervisor-report -",
  "assist handling reassign -",
  "assist handling convert converted",
  "assist handling complete completed",
  "assist completed handover delivered",
  "assist completed evaluate -",
  "assist completed log -",
  "assist completed reassign -",
  "assist delivered archive archived",
  "assist delivered evaluate -",
  "assist delivered follow-up -",
  "assist delivered log -",
  "assist converted archive archived",
  "assist archived follow-up -",

  "proxy consultation analyse analysed",
  "proxy consultation materials -",
  "proxy consultation notify-missing -",
  "proxy consultation log -",
  "proxy analysed accept handling",
  "proxy analysed refuse refused",
  "proxy analysed analyse -",
  "proxy analysed materials -",
  "proxy analysed notify-missing -",
  "proxy analysed log -",
  "proxy handling materials -",
  "proxy handling request-supplement -",
  "proxy handling supplement -",
  "proxy handling log -",
  "proxy handling problem -",
  "proxy handling report -",
  "proxy handling department -",
  "proxy handling supervisor-report -",
  "proxy handling reassign -",
  "proxy handling suspend suspended",
  "proxy handling complete completed",
  "proxy suspended resume handling",
  "proxy suspended terminate terminated",
  "proxy suspended log -",
  "proxy suspended report -",
  "proxy suspended supervisor-report -",
  "proxy suspended reassign -",
  "proxy completed handover delivered",
  "proxy completed log -",
  "proxy completed reassign -",
  "proxy delivered confirm confirmed",
  "proxy delivered dispute handling",
  "proxy delivered follow-up -",
  "proxy delivered log -",
  "proxy confirmed evaluate -",
  "proxy confirmed follow-up -",
  "proxy confirmed archive archived",
  "proxy confirmed log -",
  "proxy refused archive archived",
  "proxy terminated handover -",
  "proxy terminated archive archived",
  "proxy archived follow-up -",
};

typedef struct
{
  BbCaseKind  kind;
  BbCaseState from;
  BbAction    action;
  BbCaseState to;
} Expected;

static Expected
parse_expected (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", -1);
  Expected e;

  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_true (bb_case_kind_from_string (parts[0], &e.kind));
  g_assert_true (bb_case_state_from_string (parts[1], &e.from));
  g_assert_true (bb_action_from_string (parts[2], &e.action));
  if (g_str_equal (parts[3], "-"))
    e.to = e.from;
  else
    g_assert_true (bb_case_state_from_string (parts[3], &e.to));
  return e;
}

static const Expected *
find_expected (GArray      *table,
               BbCaseKind   kind,
               BbCaseState  state,
               BbAction     action)
{
  for (guint i = 0; i < table->len; i++)
    {
      const Expected *e = &g_array_index (table, Expected, i);

      if (e->kind == kind && e->from == state && e->action == action)
        return e;
    }
  return NULL;
}

static GArray *
expected_table (void)
{
  GArray *table = g_array_new (FALSE, FALSE, sizeof (Expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      Expected e = parse_expected (expected[i]);

      g_assert_null (find_expected (table, e.kind, e.from, e.action));
      g_array_append_val (table, e);
    }
  return table;
}

/* Every allowed transition passes the check and lands where it should. */
static void
test_allowed (void)
{
  g_autoptr(GArray) table = expected_table ();

  for (guint i = 0; i < table->len; i++)
    {
      const Expected *e = &g_array_index (table, Expected, i);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", expected[i]);
      g_assert_true (bb_workflow_is_allowed (e->kind, e->from, e->action));
      g_assert_true (bb_workflow_check (e->kind, e->from, e->action, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bb_workflow_target (e->kind, e->from, e->action), ==, e->to);
    }
}

/* Every (kind, state, action) not expected is refused, with a message that
 * names the action and the state, and does not move the state. */
static void
test_refused (void)
{
  g_autoptr(GArray) table = expected_table ();
  guint n_refused = 0;

  for (guint k = 0; k <= BB_CASE_PROXY; k++)
    for (guint s = 0; s < BB_N_STATES; s++)
      for (guint a = 0; a < BB_N_ACTIONS; a++)
        {
          g_autoptr(GError) error = NULL;

          if (find_expected (table, k, s, a) != NULL)
            continue;

          g_assert_false (bb_workflow_is_allowed (k, s, a));
          g_assert_false (bb_workflow_check (k, s, a, &error));
          g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
          g_assert_nonnull (strstr (error->message, bb_action_label (a)));
          g_assert_cmpint (bb_workflow_target (k, s, a), ==, s);
          n_refused++;
        }

  /* 2 kinds × 13 states × 26 actions, less the allowed ones. */
  g_assert_cmpuint (n_refused, ==, 2 * BB_N_STATES * BB_N_ACTIONS - table->len);
}

static void
test_refusal_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bb_workflow_check (BB_CASE_PROXY, BB_STATE_COMPLETED, BB_ACTION_SUSPEND,
                                     &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Suspend is not possible while the case is Completed");
  g_clear_error (&error);

  /* 帮办 has no suspension at all: say so rather than blame the state. */
  g_assert_false (bb_workflow_check (BB_CASE_ASSIST, BB_STATE_HANDLING, BB_ACTION_SUSPEND,
                                     &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Suspend is not a step of Assist cases");
  g_clear_error (&error);

  /* Resume only from suspended; archive not before the client accepted. */
  g_assert_false (bb_workflow_check (BB_CASE_PROXY, BB_STATE_HANDLING, BB_ACTION_RESUME, &error));
  g_assert_cmpstr (error->message, ==, "Resume is not possible while the case is Handling");
  g_clear_error (&error);
  g_assert_false (bb_workflow_check (BB_CASE_PROXY, BB_STATE_DELIVERED, BB_ACTION_ARCHIVE,
                                     &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
}

/* Walks the happy paths of both workflows through the targets. */
static BbCaseState
walk (BbCaseKind   kind,
      const char  *actions)
{
  g_auto(GStrv) names = g_strsplit (actions, " ", -1);
  BbCaseState state = BB_STATE_CONSULTATION;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      BbAction action;

      g_assert_true (bb_action_from_string (names[i], &action));
      if (!bb_workflow_check (kind, state, action, &error))
        g_error ("%s: %s", names[i], error->message);
      state = bb_workflow_target (kind, state, action);
    }
  return state;
}

static void
test_paths (void)
{
  g_assert_cmpint (walk (BB_CASE_ASSIST,
                         "apply route materials notify-missing supplement log complete "
                         "handover evaluate follow-up archive"), ==, BB_STATE_ARCHIVED);
  g_assert_cmpint (walk (BB_CASE_ASSIST, "apply route materials convert"), ==,
                   BB_STATE_CONVERTED);
  g_assert_cmpint (walk (BB_CASE_PROXY,
                         "analyse accept request-supplement log problem report department "
                         "supervisor-report suspend resume complete handover dispute complete "
                         "handover confirm evaluate follow-up archive follow-up"), ==,
                   BB_STATE_ARCHIVED);
  g_assert_cmpint (walk (BB_CASE_PROXY, "analyse refuse"), ==, BB_STATE_REFUSED);
  g_assert_cmpint (walk (BB_CASE_PROXY, "analyse accept suspend terminate handover"), ==,
                   BB_STATE_TERMINATED);
}

/* Every state a kind uses is reachable from consultation, and from every
 * one of them the case can still end in the archive. */
static void
test_reachability (void)
{
  for (guint k = 0; k <= BB_CASE_PROXY; k++)
    {
      gboolean reached[BB_N_STATES] = { FALSE };
      gboolean changed = TRUE;

      reached[BB_STATE_CONSULTATION] = TRUE;
      while (changed)
        {
          changed = FALSE;
          for (guint s = 0; s < BB_N_STATES; s++)
            for (guint a = 0; reached[s] && a < BB_N_ACTIONS; a++)
              {
                BbCaseState to = bb_workflow_target (k, s, a);

                if (bb_workflow_is_allowed (k, s, a) && !reached[to])
                  reached[to] = changed = TRUE;
              }
        }

      g_assert_true (reached[BB_STATE_ARCHIVED]);
      g_assert_true (reached[BB_STATE_COMPLETED]);
      if (k == BB_CASE_ASSIST)
        {
          g_assert_true (reached[BB_STATE_CONVERTED]);
          g_assert_false (reached[BB_STATE_SUSPENDED]);
          g_assert_false (reached[BB_STATE_ANALYSED]);
        }
      else
        {
          g_assert_true (reached[BB_STATE_SUSPENDED]);
          g_assert_true (reached[BB_STATE_TERMINATED]);
          g_assert_true (reached[BB_STATE_REFUSED]);
          g_assert_true (reached[BB_STATE_CONFIRMED]);
          g_assert_false (reached[BB_STATE_ROUTED]);
          g_assert_false (reached[BB_STATE_CONVERTED]);
        }

      for (guint s = 0; s < BB_N_STATES; s++)
        {
          gboolean can_end[BB_N_STATES] = { FALSE };

          if (!reached[s] || s == BB_STATE_ARCHIVED)
            continue;
          /* Backwards: which states reach the archive? */
          can_end[BB_STATE_ARCHIVED] = changed = TRUE;
          while (changed)
            {
              changed = FALSE;
              for (guint f = 0; f < BB_N_STATES; f++)
                for (guint a = 0; !can_end[f] && a < BB_N_ACTIONS; a++)
                  if (bb_workflow_is_allowed (k, f, a) && can_end[bb_workflow_target (k, f, a)])
                    can_end[f] = changed = TRUE;
            }
          if (!can_end[s])
            g_error ("%s: %s cannot reach the archive", bb_case_kind_to_string (k),
                     bb_case_state_to_string (s));
        }
    }
}

static void
test_allowed_list (void)
{
  g_autoptr(GArray) handling = bb_workflow_allowed_actions (BB_CASE_PROXY, BB_STATE_HANDLING);
  g_autoptr(GArray) archived = bb_workflow_allowed_actions (BB_CASE_ASSIST, BB_STATE_ARCHIVED);
  g_autoptr(GArray) refused = bb_workflow_allowed_actions (BB_CASE_ASSIST, BB_STATE_REFUSED);
  BbAction suggested;

  g_assert_cmpuint (handling->len, ==, 11);
  for (guint i = 1; i < handling->len; i++)
    g_assert_cmpint (g_array_index (handling, BbAction, i - 1), <,
                     g_array_index (handling, BbAction, i));
  g_assert_cmpuint (archived->len, ==, 1);
  g_assert_cmpint (g_array_index (archived, BbAction, 0), ==, BB_ACTION_FOLLOW_UP);
  g_assert_cmpuint (refused->len, ==, 0);

  /* The suggested next step is always an allowed one. */
  for (guint k = 0; k <= BB_CASE_PROXY; k++)
    for (guint s = 0; s < BB_N_STATES; s++)
      if (bb_workflow_suggested_action (k, s, &suggested))
        g_assert_true (bb_workflow_is_allowed (k, s, suggested));
  g_assert_true (bb_workflow_suggested_action (BB_CASE_PROXY, BB_STATE_ANALYSED, &suggested));
  g_assert_cmpint (suggested, ==, BB_ACTION_ACCEPT);
  g_assert_false (bb_workflow_suggested_action (BB_CASE_PROXY, BB_STATE_ARCHIVED, &suggested));
}

static void
test_names (void)
{
  for (guint a = 0; a < BB_N_ACTIONS; a++)
    {
      BbAction back;

      g_assert_true (bb_action_from_string (bb_action_to_string (a), &back));
      g_assert_cmpint (back, ==, a);
      g_assert_nonnull (bb_action_label (a));
    }
  g_assert_cmpstr (bb_action_to_string (BB_ACTION_NOTIFY_MISSING), ==, "notify-missing");
  g_assert_cmpstr (bb_action_to_string (BB_ACTION_SUPERVISOR_REPORT), ==, "supervisor-report");
  g_assert_false (bb_action_from_string ("Suspend", NULL));
  g_assert_false (bb_action_from_string (NULL, NULL));
}

/* Requirement checks */

static void
parse_date (const char *iso,
            GDate      *out)
{
  guint year, month, day;

  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_invalid (const BbCaseAction *action,
                BbCaseKind          kind,
                const char         *today_iso,
                const char         *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", field);
  GDate today;

  parse_date (today_iso, &today);

  g_assert_false (bb_workflow_validate (kind, action, &today, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error about “%s”, got “%s”", field, error->message);
}

static void
assert_valid (const BbCaseAction *action,
              BbCaseKind          kind,
              const char         *today_iso)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  parse_date (today_iso, &today);
  g_assert_true (bb_workflow_validate (kind, action, &today, &error));
  g_assert_no_error (error);
}

static void
test_requirements_refuse_accept (void)
{
  g_autoptr(BbCaseAction) refuse = bb_case_action_new (BB_ACTION_REFUSE);
  g_autoptr(BbCaseAction) accept = bb_case_action_new (BB_ACTION_ACCEPT);

  assert_invalid (refuse, BB_CASE_PROXY, "2026-03-02", "Reason for refusal");
  refuse->reason = g_strdup ("  \t ");
  assert_invalid (refuse, BB_CASE_PROXY, "2026-03-02", "Reason for refusal");
  g_free (refuse->reason);
  refuse->reason = g_strdup ("不属于代办范围");
  assert_valid (refuse, BB_CASE_PROXY, "2026-03-02");

  assert_invalid (accept, BB_CASE_PROXY, "2026-03-02", "Handler");
  accept->staff_number = g_strdup (" ");
  assert_invalid (accept, BB_CASE_PROXY, "2026-03-02", "Handler");
  g_free (accept->staff_number);
  accept->staff_number = g_strdup ("S001");
  assert_valid (accept, BB_CASE_PROXY, "2026-03-02");
  accept->limit_days = 366;
  assert_invalid (accept, BB_CASE_PROXY, "2026-03-02", "Time limit");
  accept->limit_days = -1;
  assert_invalid (accept, BB_CASE_PROXY, "2026-03-02", "Time limit");
  accept->limit_days = 20;
  assert_valid (accept, BB_CASE_PROXY, "2026-03-02");
}

static void
test_requirements_suspend (void)
{
  g_autoptr(BbCaseAction) suspend = bb_case_action_new (BB_ACTION_SUSPEND);

  suspend->resume_by = g_strdup ("2026-03-20");
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Suspension reason");
  suspend->reason = g_strdup ("holiday");
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Suspension reason");

  /* Each of the four reasons of § 服务中止与续办 is accepted. */
  for (guint r = BB_SUSPEND_MATERIALS; r <= BB_SUSPEND_FORCE_MAJEURE; r++)
    {
      g_free (suspend->reason);
      suspend->reason = g_strdup (bb_suspend_reason_to_string (r));
      assert_valid (suspend, BB_CASE_PROXY, "2026-03-02");
    }

  /* The resume deadline must be a real date after today. */
  g_free (suspend->resume_by);
  suspend->resume_by = g_strdup ("2026-03-02");
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Resume by");
  g_free (suspend->resume_by);
  suspend->resume_by = g_strdup ("2026-03-01");
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Resume by");
  g_free (suspend->resume_by);
  suspend->resume_by = g_strdup ("2026-02-30");
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Resume by");
  g_free (suspend->resume_by);
  suspend->resume_by = g_strdup ("20260310");
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Resume by");
  g_clear_pointer (&suspend->resume_by, g_free);
  assert_invalid (suspend, BB_CASE_PROXY, "2026-03-02", "Resume by");
  suspend->resume_by = g_strdup ("2026-03-03");
  assert_valid (suspend, BB_CASE_PROXY, "2026-03-02");
}

static void
test_requirements_other (void)
{
  g_autoptr(BbCaseAction) route = bb_case_action_new (BB_ACTION_ROUTE);
  g_autoptr(BbCaseAction) materials = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) evaluate = bb_case_action_new (BB_ACTION_EVALUATE);
  g_autoptr(BbCaseAction) reassign = bb_case_action_new (BB_ACTION_REASSIGN);
  g_autoptr(BbCaseAction) analyse = bb_case_action_new (BB_ACTION_ANALYSE);
  g_autoptr(BbCaseAction) log = bb_case_action_new (BB_ACTION_LOG);
  g_autoptr(BbCaseAction) department = bb_case_action_new (BB_ACTION_DEPARTMENT);
  g_autoptr(BbCaseAction) complete = bb_case_action_new (BB_ACTION_COMPLETE);
  g_autoptr(BbCaseAction) handover = bb_case_action_new (BB_ACTION_HANDOVER);
  g_autoptr(BbCaseAction) dispute = bb_case_action_new (BB_ACTION_DISPUTE);
  g_autoptr(BbCaseAction) resume = bb_case_action_new (BB_ACTION_RESUME);
  const char *today = "2026-03-02";

  assert_invalid (route, BB_CASE_ASSIST, today, "Area");
  route->area = g_strdup ("lobby");
  assert_invalid (route, BB_CASE_ASSIST, today, "Area");
  g_free (route->area);
  route->area = g_strdup ("self-service");
  assert_valid (route, BB_CASE_ASSIST, today);

  assert_invalid (materials, BB_CASE_ASSIST, today, "Materials");
  materials->present = g_strsplit ("申请表,居民身份证", ",", -1);
  materials->missing = g_strsplit ("居民身份证", ",", -1);
  assert_invalid (materials, BB_CASE_ASSIST, today, "Materials");
  g_strfreev (materials->missing);
  materials->missing = g_strsplit ("营业执照", ",", -1);
  assert_valid (materials, BB_CASE_ASSIST, today);

  g_assert_true (evaluate->integrity_ok);
  assert_invalid (evaluate, BB_CASE_PROXY, today, "Satisfaction");
  evaluate->level = 6;
  assert_invalid (evaluate, BB_CASE_PROXY, today, "Satisfaction");
  evaluate->level = 1;
  assert_valid (evaluate, BB_CASE_PROXY, today);
  evaluate->channel = g_strdup ("pigeon");
  assert_invalid (evaluate, BB_CASE_PROXY, today, "Evaluation channel");
  g_free (evaluate->channel);
  evaluate->channel = g_strdup ("sms");
  assert_valid (evaluate, BB_CASE_PROXY, today);

  reassign->staff_number = g_strdup ("S002");
  reassign->reason = g_strdup ("原责任人休假");
  assert_invalid (reassign, BB_CASE_PROXY, today, "Client told");
  reassign->client_told = TRUE;
  assert_valid (reassign, BB_CASE_PROXY, today);
  g_clear_pointer (&reassign->reason, g_free);
  assert_invalid (reassign, BB_CASE_PROXY, today, "Reason for the change");
  reassign->reason = g_strdup ("原责任人休假");
  g_clear_pointer (&reassign->staff_number, g_free);
  assert_invalid (reassign, BB_CASE_PROXY, today, "New responsible staff member");
  reassign->staff_id = 7;
  assert_valid (reassign, BB_CASE_PROXY, today);

  analyse->difficulty = g_strdup ("较难");
  analyse->process = g_strdup ("预审→递交→跟踪");
  assert_invalid (analyse, BB_CASE_PROXY, today, "Estimated time");
  analyse->estimated_days = 10;
  assert_valid (analyse, BB_CASE_PROXY, today);

  assert_invalid (log, BB_CASE_PROXY, today, "Work log");
  log->text = g_strdup ("bad\x01text");
  assert_invalid (log, BB_CASE_PROXY, today, "Work log");
  g_free (log->text);
  log->text = g_strdup ("已与𠮷先生电话沟通");
  assert_valid (log, BB_CASE_PROXY, today);

  department->department = g_strdup ("市场监督管理局");
  assert_invalid (department, BB_CASE_PROXY, today, "Department status");
  department->status = g_strdup ("审核中");
  assert_valid (department, BB_CASE_PROXY, today);

  assert_invalid (complete, BB_CASE_PROXY, today, "Result");
  assert_invalid (handover, BB_CASE_PROXY, today, "Items handed over");
  assert_invalid (dispute, BB_CASE_PROXY, today, "Discrepancy");
  assert_valid (resume, BB_CASE_PROXY, today);
}

static void
test_action_copy (void)
{
  g_autoptr(BbCaseAction) action = bb_case_action_new (BB_ACTION_MATERIALS);
  g_autoptr(BbCaseAction) copy = NULL;

  action->present = g_strsplit ("申请表", ",", -1);
  action->text = g_strdup ("note");
  copy = bb_case_action_copy (action);
  g_assert_true (copy->present != action->present);
  g_assert_cmpstr (copy->present[0], ==, "申请表");
  g_assert_cmpstr (copy->text, ==, "note");
  g_assert_cmpint (copy->action, ==, BB_ACTION_MATERIALS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/workflow/allowed", test_allowed);
  g_test_add_func ("/bangban/workflow/refused", test_refused);
  g_test_add_func ("/bangban/workflow/refusal-messages", test_refusal_messages);
  g_test_add_func ("/bangban/workflow/paths", test_paths);
  g_test_add_func ("/bangban/workflow/reachability", test_reachability);
  g_test_add_func ("/bangban/workflow/allowed-list", test_allowed_list);
  g_test_add_func ("/bangban/workflow/names", test_names);
  g_test_add_func ("/bangban/workflow/requirements/refuse-accept", test_requirements_refuse_accept);
  g_test_add_func ("/bangban/workflow/requirements/suspend", test_requirements_suspend);
  g_test_add_func ("/bangban/workflow/requirements/other", test_requirements_other);
  g_test_add_func ("/bangban/workflow/action-copy", test_action_copy);

  return g_test_run ();
}
