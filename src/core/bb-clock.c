/* bb-clock.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-clock"

#include "config.h"

#include <string.h>

#include "bb-clock.h"

/* The one clock of the program. Everything that asks "what time is it" or
 * "what day is it" asks here, so that BANGBAN_NOW can pin the whole program
 * (tests, screenshots, demonstrations) to a fixed instant.
 */

#define DEFAULT_TIME_ZONE "Asia/Shanghai"

static GMutex time_zone_mutex;
static GTimeZone *time_zone_of_record;

static GMutex warning_mutex;
static char *warned_about;

static GTimeZone *
default_time_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier (DEFAULT_TIME_ZONE);

  /* China has had no daylight saving time since 1991; a fixed +08:00 is a
   * correct stand-in when the system has no time zone database. */
  if (tz == NULL)
    tz = g_time_zone_new_offset (8 * 60 * 60);

  return tz;
}

/* A plain "YYYY-MM-DD" means that day's midnight in the time zone of record. */
static GDateTime *
parse_plain_date (const char *text,
                  GTimeZone  *tz)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return NULL;
    }

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100
         + g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new (tz, year, month, day, 0, 0, 0);
}

/* A clock of one thread's own (bb_clock_set_thread_now): demo data is
 * written at the instants it describes without touching the environment,
 * which other threads read. */
static GPrivate thread_now = G_PRIVATE_INIT (g_free);

/**
 * bb_clock_set_thread_now:
 * @usec: µs since the epoch (UTC) this thread's clock shows from now on,
 *   or 0 to give the thread the common clock back
 *
 * Only the calling thread is affected.
 */
void
bb_clock_set_thread_now (gint64 usec)
{
  gint64 *value = NULL;

  if (usec != 0)
    {
      value = g_new (gint64, 1);
      *value = usec;
    }
  g_private_replace (&thread_now, value);
}

/* Returns the instant BANGBAN_NOW names, in UTC, or %NULL when it is unset
 * or cannot be read (then the real clock is used, with one warning). */
static GDateTime *
fixed_now (void)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  const char *text = g_getenv ("BANGBAN_NOW");
  const gint64 *own = g_private_get (&thread_now);

  if (own != NULL)
    {
      g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (*own / G_USEC_PER_SEC);

      return g_date_time_add (seconds, *own % G_USEC_PER_SEC);
    }

  if (text == NULL || *text == '\0')
    return NULL;

  tz = bb_clock_get_time_zone ();
  when = parse_plain_date (text, tz);
  if (when == NULL)
    when = g_date_time_new_from_iso8601 (text, tz);

  if (when == NULL)
    {
      /* The variable is for developers and tests, so a bad value is their
       * mistake: say so once per value rather than on every call. */
      gboolean warn;

      g_mutex_lock (&warning_mutex);
      warn = g_strcmp0 (warned_about, text) != 0;
      if (warn)
        {
          g_free (warned_about);
          warned_about = g_strdup (text);
        }
      g_mutex_unlock (&warning_mutex);

      if (warn)
        g_warning ("BANGBAN_NOW=“%s” is not an ISO 8601 date or date-time; "
                   "using the real clock", text);
      return NULL;
    }

  return g_date_time_to_utc (when);
}

/**
 * bb_clock_now:
 *
 * The current instant, in UTC. When the environment variable `BANGBAN_NOW`
 * holds an ISO 8601 date-time (with or without an offset; without one it is
 * read in the time zone of record) or a plain date (that day's midnight in
 * the time zone of record), that fixed instant is returned instead.
 *
 * Returns: (transfer full): a #GDateTime in UTC
 */
GDateTime *
bb_clock_now (void)
{
  GDateTime *now = fixed_now ();

  if (now != NULL)
    return now;

  return g_date_time_new_now_utc ();
}

/**
 * bb_clock_now_usec:
 *
 * The current instant as microseconds since the Unix epoch, honouring
 * `BANGBAN_NOW` like bb_clock_now().
 *
 * Returns: microseconds since 1970-01-01T00:00:00Z
 */
gint64
bb_clock_now_usec (void)
{
  g_autoptr(GDateTime) now = fixed_now ();

  if (now == NULL)
    return g_get_real_time ();

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

/**
 * bb_clock_today:
 * @out: (out caller-allocates): where to store the date
 *
 * Sets @out to today's date in the time zone of record.
 */
void
bb_clock_today (GDate *out)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int year, month, day;

  g_return_if_fail (out != NULL);

  now = bb_clock_now ();
  tz = bb_clock_get_time_zone ();
  local = g_date_time_to_timezone (now, tz);
  g_date_time_get_ymd (local, &year, &month, &day);

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

/**
 * bb_clock_get_time_zone:
 *
 * The time zone of record: the one in which dates (acceptance days,
 * deadlines, "today") are reckoned. Asia/Shanghai unless
 * bb_clock_set_time_zone() said otherwise.
 *
 * Returns: (transfer full): the time zone; unref it with g_time_zone_unref()
 */
GTimeZone *
bb_clock_get_time_zone (void)
{
  GTimeZone *tz;

  g_mutex_lock (&time_zone_mutex);
  if (time_zone_of_record == NULL)
    time_zone_of_record = default_time_zone ();
  tz = g_time_zone_ref (time_zone_of_record);
  g_mutex_unlock (&time_zone_mutex);

  return tz;
}

/**
 * bb_clock_set_time_zone:
 * @time_zone: (nullable): the new time zone of record, or %NULL for the
 *   default (Asia/Shanghai)
 *
 * Changes the time zone of record for the whole program.
 */
void
bb_clock_set_time_zone (GTimeZone *time_zone)
{
  GTimeZone *old;

  g_mutex_lock (&time_zone_mutex);
  old = g_steal_pointer (&time_zone_of_record);
  time_zone_of_record = time_zone != NULL ? g_time_zone_ref (time_zone) : default_time_zone ();
  g_mutex_unlock (&time_zone_mutex);

  g_clear_pointer (&old, g_time_zone_unref);
}
