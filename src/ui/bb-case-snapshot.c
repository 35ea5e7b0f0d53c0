/* bb-case-snapshot.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case as the user saw it, and what changed since in the fields the case
 * view shows: the text shown when someone else changed a case first.
 */

#define G_LOG_DOMAIN "bb-case-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-case-snapshot.h"
#include "bb-rectification-repo.h"

static void
material_state_free (BbCaseMaterialState *state)
{
  g_free (state->name);
  g_free (state);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static void
compare (GString    *out,
         const char *field,
         const char *before,
         const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  /* Translators: one line of “what changed”: field, old value, new value */
  g_string_append_printf (out, _("%s: %s → %s"), field, or_dash (before), or_dash (after));
  g_string_append_c (out, '\n');
}

/**
 * bb_case_event_title:
 *
 * Returns: (transfer full): what a timeline entry is, as a heading
 */
char *
bb_case_event_title (const BbCaseEvent *event)
{
  BbAction action;
  BbCaseState from, to;
  const char *what;

  if (bb_action_from_string (event->kind, &action))
    what = bb_action_label (action);
  else if (bb_rectification_event_label (event->kind) != NULL)
    what = bb_rectification_event_label (event->kind);
  else if (g_strcmp0 (event->kind, "create") == 0)
    /* Translators: the first timeline entry of a case */
    what = _("Registered");
  else
    what = event->kind;

  if (event->from_state != NULL && event->to_state != NULL &&
      bb_case_state_from_string (event->from_state, &from) &&
      bb_case_state_from_string (event->to_state, &to) && from != to)
    /* Translators: a timeline heading: the action, then the states before and after */
    return g_strdup_printf (_("%s (%s → %s)"), what, bb_case_state_label (from),
                            bb_case_state_label (to));
  return g_strdup (what);
}

/**
 * bb_case_snapshot_new:
 *
 * Returns: (transfer full): a copy of what @detail shows
 */
BbCaseSnapshot *
bb_case_snapshot_new (const BbCaseDetail *detail)
{
  BbCaseSnapshot *self;

  g_return_val_if_fail (detail != NULL && detail->kase != NULL, NULL);

  self = g_new0 (BbCaseSnapshot, 1);
  self->kase = bb_case_copy (detail->kase);
  self->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) material_state_free);
  self->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; detail->materials != NULL && i < detail->materials->len; i++)
    {
      const BbCaseMaterial *material = g_ptr_array_index (detail->materials, i);
      BbCaseMaterialState *state = g_new0 (BbCaseMaterialState, 1);

      state->name = g_strdup (material->name);
      state->present = material->present;
      g_ptr_array_add (self->materials, state);
    }
  for (guint i = 0; detail->departments != NULL && i < detail->departments->len; i++)
    {
      const BbCaseDepartment *department = g_ptr_array_index (detail->departments, i);

      g_hash_table_replace (self->departments, g_strdup (department->name),
                            g_strdup (department->status));
    }
  for (guint i = 0; detail->events != NULL && i < detail->events->len; i++)
    {
      const BbCaseEvent *event = g_ptr_array_index (detail->events, i);

      self->newest_event_id = MAX (self->newest_event_id, event->id);
    }
  return self;
}

void
bb_case_snapshot_free (BbCaseSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  bb_case_free (snapshot->kase);
  g_ptr_array_unref (snapshot->materials);
  g_hash_table_unref (snapshot->departments);
  g_free (snapshot);
}

/**
 * bb_case_snapshot_changes:
 * @before: what the user saw
 * @after: the case as it is now
 *
 * Returns: (transfer full): one line per change the user would see —
 *   state, responsible staff, deadline, materials, departments, and each
 *   new timeline entry with who made it — or an empty string
 */
char *
bb_case_snapshot_changes (const BbCaseSnapshot *before,
                          const BbCaseDetail   *after)
{
  const BbCase *a = before->kase;
  const BbCase *b = after->kase;
  GString *out = g_string_new (NULL);
  g_autofree char *limit_a = NULL;
  g_autofree char *limit_b = NULL;

  compare (out, _("State"), bb_case_state_label (a->state), bb_case_state_label (b->state));
  compare (out, _("Responsible"), a->responsible_name, b->responsible_name);
  compare (out, _("Deadline"), a->deadline, b->deadline);
  limit_a = a->limit_days > 0 ? g_strdup_printf ("%d", a->limit_days) : NULL;
  limit_b = b->limit_days > 0 ? g_strdup_printf ("%d", b->limit_days) : NULL;
  compare (out, _("Time limit"), limit_a, limit_b);
  compare (out, _("Resume by"), a->resume_by, b->resume_by);
  compare (out, _("Client"), a->client_name, b->client_name);
  compare (out, _("Matter"), a->matter, b->matter);
  compare (out, _("Result"), a->result, b->result);
  compare (out, _("Archive number"), a->archive_number, b->archive_number);

  for (guint i = 0; after->materials != NULL && i < after->materials->len; i++)
    {
      const BbCaseMaterial *material = g_ptr_array_index (after->materials, i);

      for (guint j = 0; j < before->materials->len; j++)
        {
          const BbCaseMaterialState *was = g_ptr_array_index (before->materials, j);

          if (g_strcmp0 (was->name, material->name) == 0 && was->present != material->present)
            compare (out, material->name,
                     was->present ? _("present") : _("missing"),
                     material->present ? _("present") : _("missing"));
        }
    }
  for (guint i = 0; after->departments != NULL && i < after->departments->len; i++)
    {
      const BbCaseDepartment *department = g_ptr_array_index (after->departments, i);

      compare (out, department->name, g_hash_table_lookup (before->departments, department->name),
               department->status);
    }

  /* New timeline entries, oldest first, so that they read as a story. */
  for (guint i = after->events != NULL ? after->events->len : 0; i > 0; i--)
    {
      const BbCaseEvent *event = g_ptr_array_index (after->events, i - 1);
      g_autofree char *title = NULL;

      if (event->id <= before->newest_event_id)
        continue;
      title = bb_case_event_title (event);
      /* Translators: a new timeline entry someone else made: what, by whom */
      g_string_append_printf (out, _("New: %s, by %s"), title, or_dash (event->staff_name));
      if (event->body != NULL && *event->body != '\0')
        g_string_append_printf (out, " — %s", event->body);
      g_string_append_c (out, '\n');
    }

  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
