/* bb-case-item.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the case list. The list hands out an empty item for a row whose
 * page is still loading and fills it in place when the page arrives, so the
 * column view's cells update through property notifications alone.
 */

#define G_LOG_DOMAIN "bb-case-item"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-case-item.h"
#include "bb-client-repo.h"

struct _BbCaseItem
{
  GObject          parent_instance;

  BbCaseSummary   *summary;
  BbDeadlineState  deadline_state;
  int              remaining_days;
  char            *deadline_text;
};

G_DEFINE_FINAL_TYPE (BbCaseItem, bb_case_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_NUMBER,
  PROP_KIND,
  PROP_CLIENT,
  PROP_CATEGORY,
  PROP_MATTER,
  PROP_STATE,
  PROP_RESPONSIBLE,
  PROP_DEADLINE,
  PROP_DEADLINE_STATE,
  PROP_PRIORITY,
  PROP_GREEN_CHANNEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_deadline (const BbCaseSummary *summary,
                 BbDeadlineState      state,
                 int                  remaining)
{
  if (summary->deadline == NULL)
    return g_strdup ("");

  if (summary->state != BB_STATE_HANDLING)
    return g_strdup (summary->deadline);

  if (state == BB_DEADLINE_OVERDUE)
    /* Translators: a deadline passed; %s is the date, %d the working days late */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d working day overdue",
                                         "%s · %d working days overdue", -remaining),
                            summary->deadline, -remaining);
  if (remaining == 0)
    return g_strdup_printf (_("%s · due today"), summary->deadline);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d working day left",
                                       "%s · %d working days left", remaining),
                          summary->deadline, remaining);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Whether a row shows the same thing: every field a column displays (a
 * client renamed on another workstation changes the row, not the case's
 * updated_at). */
static gboolean
summary_equal (const BbCaseSummary *a,
               const BbCaseSummary *b)
{
  return a->id == b->id &&
         a->updated_at == b->updated_at &&
         a->kind == b->kind &&
         a->state == b->state &&
         a->priority == b->priority &&
         a->responsible_id == b->responsible_id &&
         g_strcmp0 (a->number, b->number) == 0 &&
         g_strcmp0 (a->client_name, b->client_name) == 0 &&
         g_strcmp0 (a->client_id_masked, b->client_id_masked) == 0 &&
         g_strcmp0 (a->client_category, b->client_category) == 0 &&
         g_strcmp0 (a->matter, b->matter) == 0 &&
         g_strcmp0 (a->responsible_name, b->responsible_name) == 0 &&
         g_strcmp0 (a->deadline, b->deadline) == 0;
}

static void
bb_case_item_finalize (GObject *object)
{
  BbCaseItem *self = BB_CASE_ITEM (object);

  g_clear_pointer (&self->summary, bb_case_summary_free);
  g_clear_pointer (&self->deadline_text, g_free);

  G_OBJECT_CLASS (bb_case_item_parent_class)->finalize (object);
}

static void
bb_case_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BbCaseItem *self = BB_CASE_ITEM (object);
  const BbCaseSummary *s = self->summary;

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, s != NULL);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, s ? s->number : "");
      break;

    case PROP_KIND:
      g_value_set_string (value, s ? bb_case_kind_label (s->kind) : "");
      break;

    case PROP_CLIENT:
      if (s == NULL)
        g_value_set_string (value, "");
      else if (s->client_id_masked != NULL && *s->client_id_masked != '\0')
        g_value_take_string (value, g_strdup_printf ("%s  %s", s->client_name,
                                                     s->client_id_masked));
      else
        g_value_set_string (value, or_empty (s->client_name));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, s && s->client_category
                                 ? bb_client_category_label (s->client_category) : "");
      break;

    case PROP_MATTER:
      g_value_set_string (value, s ? or_empty (s->matter) : "");
      break;

    case PROP_STATE:
      g_value_set_string (value, s ? bb_case_state_label (s->state) : "");
      break;

    case PROP_RESPONSIBLE:
      g_value_set_string (value, s ? or_empty (s->responsible_name) : "");
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, or_empty (self->deadline_text));
      break;

    case PROP_DEADLINE_STATE:
      g_value_set_int (value, self->deadline_state);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, s ? s->priority : 0);
      break;

    case PROP_GREEN_CHANNEL:
      g_value_set_boolean (value, bb_case_item_get_green_channel (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_case_item_class_init (BbCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_case_item_finalize;
  object_class->get_property = bb_case_item_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | \
                                        G_PARAM_EXPLICIT_NOTIFY)
  STRING_PROP (PROP_NUMBER, "number");
  STRING_PROP (PROP_KIND, "kind");
  STRING_PROP (PROP_CLIENT, "client");
  STRING_PROP (PROP_CATEGORY, "category");
  STRING_PROP (PROP_MATTER, "matter");
  STRING_PROP (PROP_STATE, "state");
  STRING_PROP (PROP_RESPONSIBLE, "responsible");
  STRING_PROP (PROP_DEADLINE, "deadline");
#undef STRING_PROP
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEADLINE_STATE] =
    g_param_spec_int ("deadline-state", NULL, NULL, 0, BB_DEADLINE_OVERDUE, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GREEN_CHANNEL] =
    g_param_spec_boolean ("green-channel", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbCaseItem::changed:
   *
   * Emitted once when the item was filled or its row changed, after the
   * notifications of its properties: for whoever shows several of them.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bb_case_item_init (BbCaseItem *self)
{
}

BbCaseItem *
bb_case_item_new (void)
{
  return g_object_new (BB_TYPE_CASE_ITEM, NULL);
}

/**
 * bb_case_item_set_summary:
 *
 * Fills the item (or refreshes it), notifying only what changed.
 */
void
bb_case_item_set_summary (BbCaseItem          *self,
                          const BbCaseSummary *summary,
                          BbDeadlineState      deadline_state,
                          int                  remaining_days)
{
  BbCaseSummary *old;
  BbDeadlineState old_state;
  int old_remaining;

  g_return_if_fail (BB_IS_CASE_ITEM (self));
  g_return_if_fail (summary != NULL);

  old = g_steal_pointer (&self->summary);
  old_state = self->deadline_state;
  old_remaining = self->remaining_days;
  self->summary = bb_case_summary_copy (summary);
  self->deadline_state = deadline_state;
  self->remaining_days = remaining_days;
  g_free (self->deadline_text);
  self->deadline_text = format_deadline (summary, deadline_state, remaining_days);

  /* A refresh of an unchanged row notifies nothing: no redraw, no flicker. */
  if (old != NULL && summary_equal (old, summary) && old_state == deadline_state &&
      old_remaining == remaining_days)
    {
      bb_case_summary_free (old);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
  bb_case_summary_free (old);
}

const BbCaseSummary *
bb_case_item_get_summary (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), NULL);

  return self->summary;
}

gboolean
bb_case_item_get_loaded (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), FALSE);

  return self->summary != NULL;
}

gint64
bb_case_item_get_id (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), 0);

  return self->summary ? self->summary->id : 0;
}

const char *
bb_case_item_get_number (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), NULL);

  return self->summary ? self->summary->number : NULL;
}

BbDeadlineState
bb_case_item_get_deadline_state (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), BB_DEADLINE_OK);

  return self->deadline_state;
}

int
bb_case_item_get_remaining_days (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), 0);

  return self->remaining_days;
}

/**
 * bb_case_item_get_green_channel:
 *
 * Returns: whether the client is served first (military: 绿色通道)
 */
gboolean
bb_case_item_get_green_channel (BbCaseItem *self)
{
  g_return_val_if_fail (BB_IS_CASE_ITEM (self), FALSE);

  return self->summary != NULL &&
         (self->summary->priority > 0 ||
          g_strcmp0 (self->summary->client_category, BB_CATEGORY_MILITARY) == 0);
}
