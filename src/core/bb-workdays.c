/* bb-workdays.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-workdays"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-error.h"
#include "bb-validate.h"
#include "bb-workdays.h"

/* Working-day arithmetic on a holiday calendar (§ 限时办结). Monday to Friday
 * are working days and Saturday and Sunday are not, unless the calendar holds
 * an override for the date: a public holiday, or a make-up working day (调休)
 * that the State Council's yearly notice moves onto a weekend.
 *
 * Dates are handled as Julian day numbers (GDate's: day 1 is Monday,
 * 1 January of year 1), so the weekday of day j is (j - 1) % 7.
 */

typedef struct
{
  guint32   julian;
  BbDayKind kind;
} Override;

struct _BbCalendar
{
  GObject parent_instance;

  /* Override, sorted by julian, one per date, never BB_DAY_DEFAULT */
  GArray *overrides;
};

G_DEFINE_FINAL_TYPE (BbCalendar, bb_calendar, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_weekend (guint32 julian)
{
  return (julian - 1) % 7 >= 5;
}

static gboolean
is_working (guint32   julian,
            BbDayKind kind)
{
  switch (kind)
    {
    case BB_DAY_HOLIDAY:
      return FALSE;
    case BB_DAY_WORKDAY:
      return TRUE;
    case BB_DAY_DEFAULT:
    default:
      return !is_weekend (julian);
    }
}

/* Monday to Friday among days 1 … julian. */
static gint64
weekdays_through (guint32 julian)
{
  return (gint64) (julian / 7) * 5 + MIN (julian % 7, 5);
}

/* The index of the first override on or after @julian. */
static guint
lower_bound (BbCalendar *self,
             guint32     julian)
{
  guint lo = 0;
  guint hi = self->overrides->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->overrides, Override, mid).julian < julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static BbDayKind
kind_of (BbCalendar *self,
         guint32     julian)
{
  guint i = lower_bound (self, julian);

  if (i < self->overrides->len && g_array_index (self->overrides, Override, i).julian == julian)
    return g_array_index (self->overrides, Override, i).kind;

  return BB_DAY_DEFAULT;
}

/* Returns whether anything changed. */
static gboolean
store_day (BbCalendar *self,
           guint32     julian,
           BbDayKind   kind)
{
  guint i = lower_bound (self, julian);
  gboolean present = i < self->overrides->len
                     && g_array_index (self->overrides, Override, i).julian == julian;

  if (kind == BB_DAY_DEFAULT)
    {
      if (!present)
        return FALSE;
      g_array_remove_index (self->overrides, i);
      return TRUE;
    }

  if (present)
    {
      Override *o = &g_array_index (self->overrides, Override, i);

      if (o->kind == kind)
        return FALSE;
      o->kind = kind;
      return TRUE;
    }

  {
    Override o = { julian, kind };

    g_array_insert_val (self->overrides, i, o);
  }

  return TRUE;
}

/* Working days in (after, until], for after <= until. */
static gint64
count_forward (BbCalendar *self,
               guint32     after,
               guint32     until)
{
  gint64 count;

  g_assert (after <= until);

  count = weekdays_through (until) - weekdays_through (after);

  for (guint i = lower_bound (self, after + 1); i < self->overrides->len; i++)
    {
      const Override *o = &g_array_index (self->overrides, Override, i);

      if (o->julian > until)
        break;

      count += (gint64) is_working (o->julian, o->kind) - (gint64) !is_weekend (o->julian);
    }

  return count;
}

static gboolean
is_suspended (guint32            julian,
              const BbDateRange *suspensions,
              guint              n_suspensions)
{
  for (guint i = 0; i < n_suspensions; i++)
    {
      if (julian >= g_date_get_julian (&suspensions[i].from)
          && julian <= g_date_get_julian (&suspensions[i].to))
        return TRUE;
    }

  return FALSE;
}

/* The n-th working day after @start that no suspension covers. */
static guint32
add_working_days (BbCalendar        *self,
                  guint32            start,
                  guint              n,
                  const BbDateRange *suspensions,
                  guint              n_suspensions)
{
  guint32 julian = start;
  guint i = lower_bound (self, start + 1);

  while (n > 0)
    {
      BbDayKind kind = BB_DAY_DEFAULT;

      julian++;

      if (i < self->overrides->len && g_array_index (self->overrides, Override, i).julian == julian)
        kind = g_array_index (self->overrides, Override, i++).kind;

      if (is_working (julian, kind) && !is_suspended (julian, suspensions, n_suspensions))
        n--;
    }

  return julian;
}

static void
bb_calendar_finalize (GObject *object)
{
  BbCalendar *self = (BbCalendar *) object;

  g_clear_pointer (&self->overrides, g_array_unref);

  G_OBJECT_CLASS (bb_calendar_parent_class)->finalize (object);
}

static void
bb_calendar_class_init (BbCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_calendar_finalize;

  /**
   * BbCalendar::changed:
   *
   * Emitted when an override was set, changed or removed, once per call to
   * bb_calendar_set_day() or bb_calendar_import_csv() that changed anything.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
bb_calendar_init (BbCalendar *self)
{
  self->overrides = g_array_new (FALSE, FALSE, sizeof (Override));
}

/**
 * bb_calendar_new:
 *
 * Creates a calendar with no overrides: Monday to Friday are working days.
 *
 * Returns: (transfer full): a new #BbCalendar
 */
BbCalendar *
bb_calendar_new (void)
{
  return g_object_new (BB_TYPE_CALENDAR, NULL);
}

/**
 * bb_calendar_set_day:
 * @self: a #BbCalendar
 * @date: a valid date
 * @kind: what the day is; %BB_DAY_DEFAULT removes the override
 *
 * Marks @date as a public holiday or a make-up working day. The calendar
 * keeps what it is told: a holiday on a weekend (as the yearly notice lists
 * whole holiday periods) is allowed and changes nothing in the arithmetic.
 */
void
bb_calendar_set_day (BbCalendar  *self,
                     const GDate *date,
                     BbDayKind    kind)
{
  g_return_if_fail (BB_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (kind == BB_DAY_DEFAULT || kind == BB_DAY_HOLIDAY || kind == BB_DAY_WORKDAY);

  if (store_day (self, g_date_get_julian (date), kind))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * bb_calendar_get_day:
 * @self: a #BbCalendar
 * @date: a valid date
 *
 * Returns: the override for @date, or %BB_DAY_DEFAULT if there is none
 */
BbDayKind
bb_calendar_get_day (BbCalendar  *self,
                     const GDate *date)
{
  g_return_val_if_fail (BB_IS_CALENDAR (self), BB_DAY_DEFAULT);
  g_return_val_if_fail (date != NULL && g_date_valid (date), BB_DAY_DEFAULT);

  return kind_of (self, g_date_get_julian (date));
}

/**
 * bb_calendar_foreach:
 * @self: a #BbCalendar
 * @func: (scope call): called for each override, in date order
 * @user_data: passed to @func
 *
 * Lists the overrides, for instance to save them. @func must not change
 * the calendar.
 */
void
bb_calendar_foreach (BbCalendar     *self,
                     BbCalendarFunc  func,
                     gpointer        user_data)
{
  g_return_if_fail (BB_IS_CALENDAR (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < self->overrides->len; i++)
    {
      const Override *o = &g_array_index (self->overrides, Override, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, o->julian);
      func (&date, o->kind, user_data);
    }
}

/**
 * bb_calendar_is_working_day:
 * @self: a #BbCalendar
 * @date: a valid date
 *
 * Returns: whether @date is a working day
 */
gboolean
bb_calendar_is_working_day (BbCalendar  *self,
                            const GDate *date)
{
  guint32 julian;

  g_return_val_if_fail (BB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  julian = g_date_get_julian (date);

  return is_working (julian, kind_of (self, julian));
}

/**
 * bb_calendar_add_working_days:
 * @self: a #BbCalendar
 * @start: a valid date
 * @n: how many working days
 * @out: (out caller-allocates): where to store the result
 *
 * Finds the @n-th working day after @start. @start itself never counts,
 * whether or not it is a working day; with @n = 0 the result is @start.
 */
void
bb_calendar_add_working_days (BbCalendar  *self,
                              const GDate *start,
                              guint        n,
                              GDate       *out)
{
  g_return_if_fail (BB_IS_CALENDAR (self));
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_julian (out, add_working_days (self, g_date_get_julian (start), n, NULL, 0));
}

/**
 * bb_calendar_count_working_days:
 * @self: a #BbCalendar
 * @after: a valid date
 * @until: a valid date
 *
 * Counts the working days in (@after, @until]: @after does not count and
 * @until does. When @until is before @after the count is negative:
 * count (a, b) = −count (b, a).
 *
 * Returns: the number of working days
 */
int
bb_calendar_count_working_days (BbCalendar  *self,
                                const GDate *after,
                                const GDate *until)
{
  guint32 a, b;

  g_return_val_if_fail (BB_IS_CALENDAR (self), 0);
  g_return_val_if_fail (after != NULL && g_date_valid (after), 0);
  g_return_val_if_fail (until != NULL && g_date_valid (until), 0);

  a = g_date_get_julian (after);
  b = g_date_get_julian (until);

  if (a <= b)
    return (int) count_forward (self, a, b);
  else
    return -(int) count_forward (self, b, a);
}

/**
 * bb_calendar_deadline:
 * @self: a #BbCalendar
 * @accepted: the day the case was accepted
 * @limit_days: the promised limit, in working days
 * @suspensions: (array length=n_suspensions) (nullable): the case's suspensions
 * @n_suspensions: the number of suspensions
 * @out: (out caller-allocates): where to store the deadline
 *
 * Computes the deadline of a case: the @limit_days-th working day after
 * @accepted, where working days inside a suspension (both ends included) do
 * not count. A suspension that has not ended (its `to` is invalid) means
 * the case has no deadline for now.
 *
 * Returns: %TRUE if @out was set; %FALSE while a suspension is open, and
 *   then @out is cleared
 */
gboolean
bb_calendar_deadline (BbCalendar        *self,
                      const GDate       *accepted,
                      guint              limit_days,
                      const BbDateRange *suspensions,
                      guint              n_suspensions,
                      GDate             *out)
{
  g_return_val_if_fail (BB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (accepted != NULL && g_date_valid (accepted), FALSE);
  g_return_val_if_fail (suspensions != NULL || n_suspensions == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  for (guint i = 0; i < n_suspensions; i++)
    {
      g_return_val_if_fail (g_date_valid (&suspensions[i].from), FALSE);

      if (!g_date_valid (&suspensions[i].to))
        return FALSE;

      g_return_val_if_fail (g_date_compare (&suspensions[i].from, &suspensions[i].to) <= 0, FALSE);
    }

  g_date_set_julian (out, add_working_days (self, g_date_get_julian (accepted), limit_days,
                                            suspensions, n_suspensions));

  return TRUE;
}

/**
 * bb_calendar_remaining:
 * @self: a #BbCalendar
 * @today: today
 * @deadline: the deadline
 *
 * Counts the working days left before a deadline: the working days in
 * (@today, @deadline], so 0 on the deadline day itself. Past the deadline
 * the result is negative: minus the working days since the deadline, and at
 * least −1 from the first day after it (a Saturday after a Friday deadline
 * is already overdue).
 *
 * Returns: the working days left
 */
int
bb_calendar_remaining (BbCalendar  *self,
                       const GDate *today,
                       const GDate *deadline)
{
  guint32 t, d;

  g_return_val_if_fail (BB_IS_CALENDAR (self), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), 0);

  t = g_date_get_julian (today);
  d = g_date_get_julian (deadline);

  if (t <= d)
    return (int) count_forward (self, t, d);

  return -(int) MAX (1, count_forward (self, d, t));
}

/**
 * bb_calendar_deadline_state:
 * @self: a #BbCalendar
 * @today: today
 * @deadline: the deadline
 *
 * Returns: %BB_DEADLINE_OVERDUE after the deadline day,
 *   %BB_DEADLINE_DUE_SOON when at most one working day is left (the
 *   deadline day included), %BB_DEADLINE_OK otherwise
 */
BbDeadlineState
bb_calendar_deadline_state (BbCalendar  *self,
                            const GDate *today,
                            const GDate *deadline)
{
  g_return_val_if_fail (BB_IS_CALENDAR (self), BB_DEADLINE_OK);
  g_return_val_if_fail (today != NULL && g_date_valid (today), BB_DEADLINE_OK);
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), BB_DEADLINE_OK);

  if (g_date_compare (today, deadline) > 0)
    return BB_DEADLINE_OVERDUE;

  if (bb_calendar_remaining (self, today, deadline) <= 1)
    return BB_DEADLINE_DUE_SOON;

  return BB_DEADLINE_OK;
}

/* CSV import */

static char *
csv_field (const char *raw)
{
  g_autofree char *field = g_strstrip (g_strdup (raw));
  gsize len = strlen (field);

  if (len >= 2 && field[0] == '"' && field[len - 1] == '"')
    {
      g_auto(GStrv) parts = NULL;

      field[len - 1] = '\0';
      parts = g_strsplit (field + 1, "\"\"", -1);

      return g_strstrip (g_strjoinv ("\"", parts));
    }

  return g_steal_pointer (&field);
}

/* Splits a line into trimmed, unquoted fields, dropping empty trailing
 * ones (a spreadsheet often writes "2026-01-01,holiday,"). */
static GPtrArray *
csv_split (const char *line)
{
  g_auto(GStrv) raw = g_strsplit (line, ",", -1);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; raw[i] != NULL; i++)
    g_ptr_array_add (fields, csv_field (raw[i]));

  while (fields->len > 0 && *(char *) g_ptr_array_index (fields, fields->len - 1) == '\0')
    g_ptr_array_remove_index (fields, fields->len - 1);

  return fields;
}

static gboolean
looks_like_iso_date (const char *text)
{
  if (strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      gboolean ok = (i == 4 || i == 7) ? text[i] == '-' : g_ascii_isdigit (text[i]);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_row (GPtrArray   *fields,
           const char  *line_label,
           GDate       *date,
           BbDayKind   *kind,
           GError     **error)
{
  const char *date_text;
  const char *kind_text;

  if (fields->len != 2)
    {
      bb_set_field_error (error, line_label,
                          /* Translators: “date,kind” is the CSV header; do not translate it */
                          _("should have 2 fields, date,kind, not %u"), fields->len);
      return FALSE;
    }

  date_text = g_ptr_array_index (fields, 0);
  kind_text = g_ptr_array_index (fields, 1);

  if (!bb_validate_date (date_text, date, NULL))
    {
      if (looks_like_iso_date (date_text))
        bb_set_field_error (error, line_label, _("the date “%s” is not a real date"), date_text);
      else
        bb_set_field_error (error, line_label,
                            _("the date “%s” should be written as YYYY-MM-DD"), date_text);
      return FALSE;
    }

  if (g_ascii_strcasecmp (kind_text, "holiday") == 0)
    *kind = BB_DAY_HOLIDAY;
  else if (g_ascii_strcasecmp (kind_text, "workday") == 0)
    *kind = BB_DAY_WORKDAY;
  else
    {
      bb_set_field_error (error, line_label,
                          /* Translators: “holiday” and “workday” are CSV values; do not translate them */
                          _("the kind should be “holiday” or “workday”, not “%s”"), kind_text);
      return FALSE;
    }

  return TRUE;
}

/**
 * bb_calendar_import_csv:
 * @self: a #BbCalendar
 * @text: CSV text (UTF-8)
 * @n_rows: (out) (optional): the number of data rows read
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Adds overrides from CSV text: a header row `date,kind`, then one row
 * per date, `2026-02-16,holiday` or `2026-02-14,workday`. Blank lines are
 * ignored, fields may be quoted, and a byte-order mark and CRLF line ends
 * are accepted. A date listed twice with different kinds is an error.
 * Dates not in the text keep what they had.
 *
 * On error the message names the line and the reason, and the calendar is
 * left as it was.
 *
 * Returns: %TRUE if the text was read and applied
 */
gboolean
bb_calendar_import_csv (BbCalendar  *self,
                        const char  *text,
                        guint       *n_rows,
                        GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Override));
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean have_header = FALSE;
  gboolean changed = FALSE;
  guint n_read = 0;

  g_return_val_if_fail (BB_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_INVALID, _("The file is not UTF-8 text."));
      return FALSE;
    }

  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;

  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autofree char *line_label = NULL;
      guint line_no = i + 1;
      gpointer found;
      Override row;
      GDate date;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;

      /* Translators: names a line of an imported file, as in “Line 3: …” */
      line_label = g_strdup_printf (_("Line %u"), line_no);
      fields = csv_split (lines[i]);

      if (!have_header)
        {
          if (fields->len != 2
              || g_ascii_strcasecmp (g_ptr_array_index (fields, 0), "date") != 0
              || g_ascii_strcasecmp (g_ptr_array_index (fields, 1), "kind") != 0)
            {
              bb_set_field_error (error, line_label,
                                  /* Translators: do not translate “date,kind” */
                                  _("the first line should be the header “date,kind”"));
              return FALSE;
            }
          have_header = TRUE;
          continue;
        }

      if (!parse_row (fields, line_label, &date, &row.kind, error))
        return FALSE;

      row.julian = g_date_get_julian (&date);
      n_read++;

      /* seen maps a date to its index in rows, plus one. */
      if (g_hash_table_lookup_extended (seen, GUINT_TO_POINTER (row.julian), NULL, &found))
        {
          guint earlier = GPOINTER_TO_UINT (found) - 1;

          if (g_array_index (rows, Override, earlier).kind != row.kind)
            {
              bb_set_field_error (error, line_label,
                                  _("the date %s is already listed as another kind on line %u"),
                                  (const char *) g_ptr_array_index (fields, 0),
                                  g_array_index (row_lines, guint, earlier));
              return FALSE;
            }
          continue;
        }

      g_array_append_val (rows, row);
      g_array_append_val (row_lines, line_no);
      g_hash_table_insert (seen, GUINT_TO_POINTER (row.julian), GUINT_TO_POINTER (rows->len));
    }

  if (!have_header)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                   /* Translators: do not translate “date,kind” */
                   _("The file is empty; it should start with the header “date,kind”."));
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const Override *o = &g_array_index (rows, Override, i);

      changed |= store_day (self, o->julian, o->kind);
    }

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);

  if (n_rows != NULL)
    *n_rows = n_read;

  return TRUE;
}
