/* test-clock.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-clock"

#include "config.h"

#include "bb-clock.h"

static void
assert_instant (GDateTime  *when,
                const char *expected_utc)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_get_utc_offset (when), ==, 0);
  text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  g_assert_cmpstr (text, ==, expected_utc);
}

static void
assert_today (guint year,
              guint month,
              guint day)
{
  GDate today;

  bb_clock_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpuint (g_date_get_year (&today), ==, year);
  g_assert_cmpuint (g_date_get_month (&today), ==, month);
  g_assert_cmpuint (g_date_get_day (&today), ==, day);
}

static void
test_clock_default_time_zone (void)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) probe = NULL;

  bb_clock_set_time_zone (NULL);
  tz = bb_clock_get_time_zone ();
  g_assert_nonnull (tz);

  /* +08:00 in winter and in summer: Shanghai has no daylight saving time. */
  probe = g_date_time_new (tz, 2026, 1, 15, 12, 0, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (probe), ==, 8 * G_TIME_SPAN_HOUR);
  g_clear_pointer (&probe, g_date_time_unref);
  probe = g_date_time_new (tz, 2026, 7, 15, 12, 0, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (probe), ==, 8 * G_TIME_SPAN_HOUR);
}

static void
test_clock_fixed_with_offset (void)
{
  g_autoptr(GDateTime) now = NULL;

  bb_clock_set_time_zone (NULL);
  g_setenv ("BANGBAN_NOW", "2026-03-01T17:30:00Z", TRUE);

  now = bb_clock_now ();
  assert_instant (now, "2026-03-01T17:30:00");
  /* 01:30 on 2 March in Shanghai */
  assert_today (2026, 3, 2);
  g_assert_cmpint (bb_clock_now_usec (), ==, G_GINT64_CONSTANT (1772386200) * G_USEC_PER_SEC);

  g_clear_pointer (&now, g_date_time_unref);
  g_setenv ("BANGBAN_NOW", "2026-03-01T23:59:59.250-05:00", TRUE);
  now = bb_clock_now ();
  assert_instant (now, "2026-03-02T04:59:59");
  g_assert_cmpint (bb_clock_now_usec () % G_USEC_PER_SEC, ==, 250000);
  assert_today (2026, 3, 2);

  g_unsetenv ("BANGBAN_NOW");
}

static void
test_clock_fixed_local (void)
{
  g_autoptr(GDateTime) now = NULL;

  bb_clock_set_time_zone (NULL);

  /* No offset: the time is read in the time zone of record. */
  g_setenv ("BANGBAN_NOW", "2026-03-01T07:30:00", TRUE);
  now = bb_clock_now ();
  assert_instant (now, "2026-02-28T23:30:00");
  assert_today (2026, 3, 1);

  g_unsetenv ("BANGBAN_NOW");
}

static void
test_clock_plain_date (void)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  bb_clock_set_time_zone (NULL);
  g_setenv ("BANGBAN_NOW", "2026-03-01", TRUE);

  /* Midnight in Shanghai is 16:00 the day before in UTC. */
  now = bb_clock_now ();
  assert_instant (now, "2026-02-28T16:00:00");
  assert_today (2026, 3, 1);

  /* In another time zone of record, the same text is another instant. */
  bb_clock_set_time_zone (utc);
  g_clear_pointer (&now, g_date_time_unref);
  now = bb_clock_now ();
  assert_instant (now, "2026-03-01T00:00:00");
  assert_today (2026, 3, 1);

  /* A leap day. */
  g_setenv ("BANGBAN_NOW", "2028-02-29", TRUE);
  assert_today (2028, 2, 29);

  bb_clock_set_time_zone (NULL);
  g_unsetenv ("BANGBAN_NOW");
}

static void
test_clock_time_zone (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) got = NULL;
  g_autoptr(GTimeZone) back = NULL;

  g_setenv ("BANGBAN_NOW", "2026-03-01T17:30:00Z", TRUE);

  bb_clock_set_time_zone (utc);
  got = bb_clock_get_time_zone ();
  g_assert_cmpstr (g_time_zone_get_identifier (got), ==, "UTC");
  assert_today (2026, 3, 1);

  bb_clock_set_time_zone (NULL);
  back = bb_clock_get_time_zone ();
  g_assert_cmpstr (g_time_zone_get_identifier (back), ==, "Asia/Shanghai");
  assert_today (2026, 3, 2);

  g_unsetenv ("BANGBAN_NOW");
}

static void
test_clock_real (void)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 before, usec, after;

  g_unsetenv ("BANGBAN_NOW");

  before = g_get_real_time ();
  usec = bb_clock_now_usec ();
  now = bb_clock_now ();
  after = g_get_real_time ();

  g_assert_cmpint (usec, >=, before);
  g_assert_cmpint (usec, <=, after);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (now), >=, before / G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_to_unix (now), <=, after / G_USEC_PER_SEC);
}

static void
test_clock_invalid (void)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 before;

  /* A bad value warns once and falls back to the real clock. */
  g_setenv ("BANGBAN_NOW", "next Tuesday", TRUE);
  before = g_get_real_time ();

  g_test_expect_message ("bb-clock", G_LOG_LEVEL_WARNING, "*BANGBAN_NOW*next Tuesday*");
  now = bb_clock_now ();
  g_test_assert_expected_messages ();
  g_assert_cmpint (g_date_time_to_unix (now), >=, before / G_USEC_PER_SEC);

  /* Not again for the same value … */
  g_assert_cmpint (bb_clock_now_usec (), >=, before);

  /* … but again for another bad one, such as a day that does not exist. */
  g_setenv ("BANGBAN_NOW", "2026-02-29", TRUE);
  g_test_expect_message ("bb-clock", G_LOG_LEVEL_WARNING, "*2026-02-29*");
  g_assert_cmpint (bb_clock_now_usec (), >=, before);
  g_test_assert_expected_messages ();

  g_unsetenv ("BANGBAN_NOW");
}

static gpointer
thread_clock_worker (gpointer data)
{
  /* 2026-03-01T00:00:00Z */
  gint64 fixed = G_GINT64_CONSTANT (1772323200) * G_USEC_PER_SEC;

  bb_clock_set_thread_now (fixed + 7);
  g_assert_cmpint (bb_clock_now_usec (), ==, fixed + 7);
  *(gint64 *) data = bb_clock_now_usec ();
  bb_clock_set_thread_now (0);
  g_assert_cmpint (bb_clock_now_usec (), !=, fixed + 7);
  return NULL;
}

static void
test_thread_clock (void)
{
  gint64 seen = 0;
  gint64 before = bb_clock_now_usec ();
  GThread *thread;

  g_unsetenv ("BANGBAN_NOW");
  thread = g_thread_new ("clock", thread_clock_worker, &seen);
  g_thread_join (thread);

  /* The worker saw its own clock; this thread kept the common one. */
  g_assert_cmpint (seen, ==, G_GINT64_CONSTANT (1772323200) * G_USEC_PER_SEC + 7);
  g_assert_cmpint (bb_clock_now_usec (), >=, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/clock/default-time-zone", test_clock_default_time_zone);
  g_test_add_func ("/bangban/clock/fixed-with-offset", test_clock_fixed_with_offset);
  g_test_add_func ("/bangban/clock/fixed-local", test_clock_fixed_local);
  g_test_add_func ("/bangban/clock/plain-date", test_clock_plain_date);
  g_test_add_func ("/bangban/clock/time-zone", test_clock_time_zone);
  g_test_add_func ("/bangban/clock/real", test_clock_real);
  g_test_add_func ("/bangban/clock/invalid", test_clock_invalid);

  g_test_add_func ("/bangban/clock/thread", test_thread_clock);

  return g_test_run ();
}
