/* test-workdays.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workdays"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bb-error.h"
#include "bb-workdays.h"

/* A FIXTURE, not the authority: a 2026-style calendar modelled on the
 * State Council's yearly holiday notice (New Year, Spring Festival and
 * National Day; the other festivals are left out). Whole holiday periods
 * are listed, weekends included, as the notice gives them; the arithmetic
 * must not care. The real calendar is whatever the administrator imports.
 *
 *   New Year        holiday 2026-01-01 (Thu) – 01-03 (Sat); work Sun 01-04
 *   Spring Festival holiday 2026-02-15 (Sun) – 02-23 (Mon); work Sat 02-14, Sat 02-28
 *   National Day    holiday 2026-10-01 (Thu) – 10-07 (Wed); work Sun 09-20, Sat 10-10
 */
static const char fixture_csv[] =
  "date,kind\n"
  "2026-01-01,holiday\n"
  "2026-01-02,holiday\n"
  "2026-01-03,holiday\n"
  "2026-01-04,workday\n"
  "2026-02-14,workday\n"
  "2026-02-15,holiday\n"
  "2026-02-16,holiday\n"
  "2026-02-17,holiday\n"
  "2026-02-18,holiday\n"
  "2026-02-19,holiday\n"
  "2026-02-20,holiday\n"
  "2026-02-21,holiday\n"
  "2026-02-22,holiday\n"
  "2026-02-23,holiday\n"
  "2026-02-28,workday\n"
  "2026-09-20,workday\n"
  "2026-10-01,holiday\n"
  "2026-10-02,holiday\n"
  "2026-10-03,holiday\n"
  "2026-10-04,holiday\n"
  "2026-10-05,holiday\n"
  "2026-10-06,holiday\n"
  "2026-10-07,holiday\n"
  "2026-10-10,workday\n";

static GDate
date (const char *iso)
{
  GDate d;
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);

  return d;
}

static char *
iso (const GDate *d)
{
  g_assert_true (g_date_valid (d));

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

#define assert_date(d, expected) G_STMT_START {            \
    g_autofree char *_text = iso (d);                       \
    g_assert_cmpstr (_text, ==, (expected));                \
  } G_STMT_END

static BbCalendar *
fixture_calendar (void)
{
  g_autoptr(BbCalendar) cal = bb_calendar_new ();
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  g_assert_true (bb_calendar_import_csv (cal, fixture_csv, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 24);

  return g_steal_pointer (&cal);
}

static char *
add (BbCalendar *cal,
     const char *start,
     guint       n)
{
  GDate s = date (start);
  GDate out;

  bb_calendar_add_working_days (cal, &s, n, &out);

  return iso (&out);
}

static int
count (BbCalendar *cal,
       const char *after,
       const char *until)
{
  GDate a = date (after);
  GDate b = date (until);

  return bb_calendar_count_working_days (cal, &a, &b);
}

static int
remaining (BbCalendar *cal,
           const char *today,
           const char *deadline)
{
  GDate t = date (today);
  GDate d = date (deadline);

  return bb_calendar_remaining (cal, &t, &d);
}

static BbDeadlineState
state (BbCalendar *cal,
       const char *today,
       const char *deadline)
{
  GDate t = date (today);
  GDate d = date (deadline);

  return bb_calendar_deadline_state (cal, &t, &d);
}

#define assert_add(cal, start, n, expected) G_STMT_START {  \
    g_autofree char *_got = add ((cal), (start), (n));       \
    g_assert_cmpstr (_got, ==, (expected));                  \
  } G_STMT_END

/* Counts day by day, the obvious way, to check the fast count against. */
static int
naive_count (BbCalendar  *cal,
             const GDate *after,
             const GDate *until)
{
  GDate d = *after;
  int n = 0;

  if (g_date_compare (after, until) > 0)
    return -naive_count (cal, until, after);

  while (g_date_compare (&d, until) < 0)
    {
      g_date_add_days (&d, 1);
      if (bb_calendar_is_working_day (cal, &d))
        n++;
    }

  return n;
}

static void
test_plain_weeks (void)
{
  g_autoptr(BbCalendar) cal = bb_calendar_new ();
  GDate d;

  /* 2026-03-06 is a Friday. */
  d = date ("2026-03-06");
  g_assert_true (bb_calendar_is_working_day (cal, &d));
  d = date ("2026-03-07");
  g_assert_false (bb_calendar_is_working_day (cal, &d));
  d = date ("2026-03-08");
  g_assert_false (bb_calendar_is_working_day (cal, &d));
  d = date ("2026-03-09");
  g_assert_true (bb_calendar_is_working_day (cal, &d));

  assert_add (cal, "2026-03-06", 0, "2026-03-06");
  assert_add (cal, "2026-03-07", 0, "2026-03-07");
  assert_add (cal, "2026-03-06", 1, "2026-03-09");
  assert_add (cal, "2026-03-07", 1, "2026-03-09");
  assert_add (cal, "2026-03-08", 1, "2026-03-09");
  assert_add (cal, "2026-03-02", 4, "2026-03-06");
  assert_add (cal, "2026-03-02", 5, "2026-03-09");
  assert_add (cal, "2026-03-06", 10, "2026-03-20");

  g_assert_cmpint (count (cal, "2026-03-06", "2026-03-06"), ==, 0);
  g_assert_cmpint (count (cal, "2026-03-06", "2026-03-07"), ==, 0);
  g_assert_cmpint (count (cal, "2026-03-06", "2026-03-09"), ==, 1);
  g_assert_cmpint (count (cal, "2026-03-02", "2026-03-06"), ==, 4);
  g_assert_cmpint (count (cal, "2026-03-01", "2026-03-31"), ==, 22);
  g_assert_cmpint (count (cal, "2026-03-09", "2026-03-06"), ==, -1);

  /* 2025 began on a Wednesday: 52 weeks and one weekday. */
  g_assert_cmpint (count (cal, "2024-12-31", "2025-12-31"), ==, 261);
  /* 2024 was a leap year beginning on a Monday: 52 weeks and two weekdays. */
  g_assert_cmpint (count (cal, "2023-12-31", "2024-12-31"), ==, 262);
  /* Long ranges, far from the epoch */
  g_assert_cmpint (count (cal, "1900-01-01", "2100-01-01"), ==, 52179);
}

static void
changed_cb (BbCalendar *cal,
            guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_overrides (void)
{
  g_autoptr(BbCalendar) cal = bb_calendar_new ();
  GDate holiday = date ("2026-05-01");   /* Friday */
  GDate makeup = date ("2026-05-02");    /* Saturday */
  guint n_changed = 0;

  g_signal_connect (cal, "changed", G_CALLBACK (changed_cb), &n_changed);

  g_assert_cmpint (bb_calendar_get_day (cal, &holiday), ==, BB_DAY_DEFAULT);
  g_assert_true (bb_calendar_is_working_day (cal, &holiday));
  g_assert_false (bb_calendar_is_working_day (cal, &makeup));

  bb_calendar_set_day (cal, &holiday, BB_DAY_HOLIDAY);
  bb_calendar_set_day (cal, &makeup, BB_DAY_WORKDAY);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (bb_calendar_get_day (cal, &holiday), ==, BB_DAY_HOLIDAY);
  g_assert_cmpint (bb_calendar_get_day (cal, &makeup), ==, BB_DAY_WORKDAY);
  g_assert_false (bb_calendar_is_working_day (cal, &holiday));
  g_assert_true (bb_calendar_is_working_day (cal, &makeup));

  /* Thursday + 1 skips the holiday and lands on the make-up Saturday. */
  assert_add (cal, "2026-04-30", 1, "2026-05-02");
  assert_add (cal, "2026-04-30", 2, "2026-05-04");
  g_assert_cmpint (count (cal, "2026-04-30", "2026-05-04"), ==, 2);

  /* Setting the same again changes nothing and says nothing. */
  bb_calendar_set_day (cal, &holiday, BB_DAY_HOLIDAY);
  g_assert_cmpuint (n_changed, ==, 2);

  /* A holiday may turn into a working day and back to the default. */
  bb_calendar_set_day (cal, &holiday, BB_DAY_WORKDAY);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_true (bb_calendar_is_working_day (cal, &holiday));
  bb_calendar_set_day (cal, &holiday, BB_DAY_DEFAULT);
  bb_calendar_set_day (cal, &makeup, BB_DAY_DEFAULT);
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpint (bb_calendar_get_day (cal, &holiday), ==, BB_DAY_DEFAULT);
  g_assert_false (bb_calendar_is_working_day (cal, &makeup));
  assert_add (cal, "2026-04-30", 1, "2026-05-01");

  /* Removing what is not there is not a change. */
  bb_calendar_set_day (cal, &holiday, BB_DAY_DEFAULT);
  g_assert_cmpuint (n_changed, ==, 5);

  g_assert_finalize_object (g_steal_pointer (&cal));
}

typedef struct
{
  GString *listing;
  GDate    previous;
} Listing;

static void
list_cb (const GDate *d,
         BbDayKind    kind,
         gpointer     user_data)
{
  Listing *listing = user_data;
  g_autofree char *text = iso (d);

  if (g_date_valid (&listing->previous))
    g_assert_cmpint (g_date_compare (&listing->previous, d), <, 0);
  listing->previous = *d;

  g_assert_true (kind == BB_DAY_HOLIDAY || kind == BB_DAY_WORKDAY);
  g_string_append_printf (listing->listing, "%s,%s\n", text,
                          kind == BB_DAY_HOLIDAY ? "holiday" : "workday");
}

static char *
list_calendar (BbCalendar *cal)
{
  Listing listing = { g_string_new ("date,kind\n"), { 0 } };

  g_date_clear (&listing.previous, 1);
  bb_calendar_foreach (cal, list_cb, &listing);

  return g_string_free (listing.listing, FALSE);
}

static void
test_foreach (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  g_autoptr(BbCalendar) by_hand = bb_calendar_new ();
  g_autofree char *listed = list_calendar (cal);
  g_autofree char *listed_by_hand = NULL;
  const char *days[] = { "2026-10-10", "2026-01-04", "2026-02-16", "2026-02-14" };

  /* The fixture lists its dates in order, so listing gives it back. */
  g_assert_cmpstr (listed, ==, fixture_csv);

  /* Set out of order, listed in order. */
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate d = date (days[i]);

      bb_calendar_set_day (by_hand, &d, i == 2 ? BB_DAY_HOLIDAY : BB_DAY_WORKDAY);
    }
  listed_by_hand = list_calendar (by_hand);
  g_assert_cmpstr (listed_by_hand, ==,
                   "date,kind\n"
                   "2026-01-04,workday\n"
                   "2026-02-14,workday\n"
                   "2026-02-16,holiday\n"
                   "2026-10-10,workday\n");
}

static void
test_spring_festival (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();

  /* Thursday 12 Feb + 3: Fri 13, make-up Sat 14, then Tue 24 after the holiday. */
  assert_add (cal, "2026-02-12", 1, "2026-02-13");
  assert_add (cal, "2026-02-12", 2, "2026-02-14");
  assert_add (cal, "2026-02-12", 3, "2026-02-24");
  assert_add (cal, "2026-02-14", 1, "2026-02-24");
  assert_add (cal, "2026-02-18", 0, "2026-02-18");
  assert_add (cal, "2026-02-18", 1, "2026-02-24");
  /* Mon 23 Feb is still a holiday; the make-up Sat 28 counts. */
  assert_add (cal, "2026-02-24", 4, "2026-02-28");
  assert_add (cal, "2026-02-24", 5, "2026-03-02");

  g_assert_cmpint (count (cal, "2026-02-13", "2026-02-23"), ==, 1);
  g_assert_cmpint (count (cal, "2026-02-12", "2026-02-28"), ==, 7);
  g_assert_cmpint (count (cal, "2026-02-28", "2026-02-12"), ==, -7);
  /* February 2026: 20 weekdays, 6 of them holidays, 2 make-up Saturdays */
  g_assert_cmpint (count (cal, "2026-01-31", "2026-02-28"), ==, 16);
  /* January 2026: 22 weekdays, 2 holidays, 1 make-up Sunday */
  g_assert_cmpint (count (cal, "2025-12-31", "2026-01-31"), ==, 21);
}

static void
test_national_day (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  GDate accepted = date ("2026-09-28");
  GDate deadline;

  /* Mon 28 Sep + 5: Tue 29, Wed 30, the holiday, Thu 8, Fri 9, make-up Sat 10. */
  g_assert_true (bb_calendar_deadline (cal, &accepted, 5, NULL, 0, &deadline));
  assert_date (&deadline, "2026-10-10");

  /* Fri 18 Sep + 1: the make-up Sunday 20 Sep. */
  assert_add (cal, "2026-09-18", 1, "2026-09-20");
  assert_add (cal, "2026-09-18", 2, "2026-09-21");

  /* 20 working days from 21 Sep cross the whole holiday. */
  assert_add (cal, "2026-09-21", 20, "2026-10-23");
  g_assert_cmpint (count (cal, "2026-09-30", "2026-10-08"), ==, 1);
  g_assert_cmpint (count (cal, "2026-09-30", "2026-10-07"), ==, 0);
}

static void
test_makeup_saturday_deadline (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  GDate accepted = date ("2026-02-09");
  GDate deadline;

  /* Mon 9 Feb + 5 working days is the make-up Saturday 14 Feb. */
  g_assert_true (bb_calendar_deadline (cal, &accepted, 5, NULL, 0, &deadline));
  assert_date (&deadline, "2026-02-14");
  g_assert_true (bb_calendar_is_working_day (cal, &deadline));

  g_assert_cmpint (remaining (cal, "2026-02-11", "2026-02-14"), ==, 3);
  g_assert_cmpint (remaining (cal, "2026-02-12", "2026-02-14"), ==, 2);
  g_assert_cmpint (remaining (cal, "2026-02-13", "2026-02-14"), ==, 1);
  g_assert_cmpint (remaining (cal, "2026-02-14", "2026-02-14"), ==, 0);
  g_assert_cmpint (state (cal, "2026-02-12", "2026-02-14"), ==, BB_DEADLINE_OK);
  g_assert_cmpint (state (cal, "2026-02-13", "2026-02-14"), ==, BB_DEADLINE_DUE_SOON);
  g_assert_cmpint (state (cal, "2026-02-14", "2026-02-14"), ==, BB_DEADLINE_DUE_SOON);

  /* The day after is a holiday Sunday: already overdue, by one. */
  g_assert_cmpint (state (cal, "2026-02-15", "2026-02-14"), ==, BB_DEADLINE_OVERDUE);
  g_assert_cmpint (remaining (cal, "2026-02-15", "2026-02-14"), ==, -1);
  g_assert_cmpint (remaining (cal, "2026-02-23", "2026-02-14"), ==, -1);
  g_assert_cmpint (remaining (cal, "2026-02-24", "2026-02-14"), ==, -1);
  g_assert_cmpint (remaining (cal, "2026-02-25", "2026-02-14"), ==, -2);
  g_assert_cmpint (state (cal, "2026-02-25", "2026-02-14"), ==, BB_DEADLINE_OVERDUE);
}

static void
test_remaining (void)
{
  g_autoptr(BbCalendar) cal = bb_calendar_new ();

  /* A Friday deadline, 2026-03-13 */
  g_assert_cmpint (remaining (cal, "2026-03-10", "2026-03-13"), ==, 3);
  g_assert_cmpint (state (cal, "2026-03-10", "2026-03-13"), ==, BB_DEADLINE_OK);
  g_assert_cmpint (remaining (cal, "2026-03-11", "2026-03-13"), ==, 2);
  g_assert_cmpint (state (cal, "2026-03-11", "2026-03-13"), ==, BB_DEADLINE_OK);
  g_assert_cmpint (remaining (cal, "2026-03-12", "2026-03-13"), ==, 1);
  g_assert_cmpint (state (cal, "2026-03-12", "2026-03-13"), ==, BB_DEADLINE_DUE_SOON);
  g_assert_cmpint (remaining (cal, "2026-03-13", "2026-03-13"), ==, 0);
  g_assert_cmpint (state (cal, "2026-03-13", "2026-03-13"), ==, BB_DEADLINE_DUE_SOON);
  g_assert_cmpint (remaining (cal, "2026-03-14", "2026-03-13"), ==, -1);
  g_assert_cmpint (state (cal, "2026-03-14", "2026-03-13"), ==, BB_DEADLINE_OVERDUE);
  g_assert_cmpint (remaining (cal, "2026-03-16", "2026-03-13"), ==, -1);
  g_assert_cmpint (remaining (cal, "2026-03-17", "2026-03-13"), ==, -2);
  g_assert_cmpint (remaining (cal, "2026-03-27", "2026-03-13"), ==, -10);

  /* A Monday deadline seen from the weekend before is one day away. */
  g_assert_cmpint (remaining (cal, "2026-03-14", "2026-03-16"), ==, 1);
  g_assert_cmpint (state (cal, "2026-03-14", "2026-03-16"), ==, BB_DEADLINE_DUE_SOON);
  g_assert_cmpint (remaining (cal, "2026-03-13", "2026-03-16"), ==, 1);
  g_assert_cmpint (state (cal, "2026-03-12", "2026-03-16"), ==, BB_DEADLINE_OK);
}

static void
test_suspension_year_end (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  GDate accepted = date ("2025-12-24");
  GDate plain, deadline;
  BbDateRange suspensions[2];

  /* Without a suspension: Thu 25, Fri 26, Mon 29, Tue 30, Wed 31, the make-up
   * Sunday 4 Jan, Mon 5, Tue 6, Wed 7, Thu 8. */
  g_assert_true (bb_calendar_deadline (cal, &accepted, 10, NULL, 0, &plain));
  assert_date (&plain, "2026-01-08");

  /* Suspended 30 Dec to 5 Jan: 30, 31 Dec, Sun 4 and Mon 5 Jan are working
   * days that do not count, so the deadline moves four working days. */
  suspensions[0].from = date ("2025-12-30");
  suspensions[0].to = date ("2026-01-05");
  g_assert_true (bb_calendar_deadline (cal, &accepted, 10, suspensions, 1, &deadline));
  assert_date (&deadline, "2026-01-14");
  g_assert_cmpint (count (cal, "2025-12-29", "2026-01-05"), ==, 4);
  assert_add (cal, "2026-01-08", 4, "2026-01-14");

  /* A second suspension, on the new deadline day itself, moves it again. */
  suspensions[1].from = date ("2026-01-14");
  suspensions[1].to = date ("2026-01-14");
  g_assert_true (bb_calendar_deadline (cal, &accepted, 10, suspensions, 2, &deadline));
  assert_date (&deadline, "2026-01-15");

  /* A suspension before acceptance or over a weekend changes nothing. */
  suspensions[1].from = date ("2025-12-01");
  suspensions[1].to = date ("2025-12-24");
  g_assert_true (bb_calendar_deadline (cal, &accepted, 10, suspensions, 2, &deadline));
  assert_date (&deadline, "2026-01-14");
  suspensions[1].from = date ("2026-01-10");
  suspensions[1].to = date ("2026-01-11");
  g_assert_true (bb_calendar_deadline (cal, &accepted, 10, suspensions, 2, &deadline));
  assert_date (&deadline, "2026-01-14");

  /* Still suspended: no deadline. */
  g_date_clear (&suspensions[1].to, 1);
  suspensions[1].from = date ("2026-01-07");
  g_assert_false (bb_calendar_deadline (cal, &accepted, 10, suspensions, 2, &deadline));
  g_assert_false (g_date_valid (&deadline));

  /* A limit of 0 is due on the day of acceptance. */
  g_assert_true (bb_calendar_deadline (cal, &accepted, 0, NULL, 0, &deadline));
  assert_date (&deadline, "2025-12-24");
}

static void
test_count_add_property (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  GDate start = date ("2025-12-01");
  GDate later = date ("2026-12-31");
  guint checked = 0;

  for (GDate a = start; g_date_compare (&a, &later) <= 0; g_date_add_days (&a, 1))
    {
      for (guint n = 0; n <= 45; n++)
        {
          GDate d, before;

          bb_calendar_add_working_days (cal, &a, n, &d);
          g_assert_cmpint (bb_calendar_count_working_days (cal, &a, &d), ==, (int) n);
          g_assert_cmpint (bb_calendar_count_working_days (cal, &d, &a), ==, -(int) n);

          if (n == 0)
            {
              g_assert_cmpint (g_date_compare (&d, &a), ==, 0);
              continue;
            }

          /* The result is a working day, and the first one that reaches n. */
          g_assert_true (bb_calendar_is_working_day (cal, &d));
          before = d;
          g_date_subtract_days (&before, 1);
          g_assert_cmpint (bb_calendar_count_working_days (cal, &a, &before), ==, (int) n - 1);
          checked++;
        }
    }

  g_assert_cmpuint (checked, ==, 396 * 45);
}

static void
test_count_matches_naive (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  GDate origin = date ("2025-11-01");
  guint32 seed = 7;

  for (guint i = 0; i < 3000; i++)
    {
      GDate a = origin;
      GDate b = origin;

      seed = seed * 1103515245u + 12345u;
      g_date_add_days (&a, (seed >> 8) % 480);
      seed = seed * 1103515245u + 12345u;
      g_date_add_days (&b, (seed >> 8) % 480);

      g_assert_cmpint (bb_calendar_count_working_days (cal, &a, &b), ==, naive_count (cal, &a, &b));
    }
}

static void
expect_import_error (BbCalendar *cal,
                     const char *text,
                     const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = list_calendar (cal);
  g_autofree char *after = NULL;
  guint n_rows = 99;

  g_assert_false (bb_calendar_import_csv (cal, text, &n_rows, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_cmpuint (n_rows, ==, 0);

  /* Nothing was applied. */
  after = list_calendar (cal);
  g_assert_cmpstr (after, ==, before);
}

static void
test_csv_import (void)
{
  g_autoptr(BbCalendar) cal = bb_calendar_new ();
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  guint n_rows = 0;
  GDate d;
  g_autofree char *listed = NULL;

  g_signal_connect (cal, "changed", G_CALLBACK (changed_cb), &n_changed);

  /* What a spreadsheet writes: a byte-order mark, CRLF, quotes, a trailing
   * comma, capitals, blank lines, and one date given twice. */
  g_assert_true (bb_calendar_import_csv (cal,
                                         "\xEF\xBB\xBF" "\"date\",\"kind\"\r\n"
                                         "2026-05-01,holiday\r\n"
                                         "\r\n"
                                         "\"2026-05-09\",\"Workday\",\r\n"
                                         "  2026-05-04 , HOLIDAY \r\n"
                                         "2026-05-01,holiday\r\n",
                                         &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpuint (n_changed, ==, 1);

  listed = list_calendar (cal);
  g_assert_cmpstr (listed, ==,
                   "date,kind\n"
                   "2026-05-01,holiday\n"
                   "2026-05-04,holiday\n"
                   "2026-05-09,workday\n");
  d = date ("2026-05-09");
  g_assert_true (bb_calendar_is_working_day (cal, &d));

  /* The header alone is a valid, empty import, and importing again what
   * is already there is no change. */
  g_assert_true (bb_calendar_import_csv (cal, "date,kind\n", &n_rows, NULL));
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_true (bb_calendar_import_csv (cal, "date,kind\n2026-05-01,holiday\n", NULL, NULL));
  g_assert_cmpuint (n_changed, ==, 1);

  /* Later imports add to and change what is there. */
  g_assert_true (bb_calendar_import_csv (cal, "date,kind\n2026-05-01,workday\n", &n_rows, NULL));
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_cmpuint (n_changed, ==, 2);
  d = date ("2026-05-01");
  g_assert_cmpint (bb_calendar_get_day (cal, &d), ==, BB_DAY_WORKDAY);
}

static void
test_csv_errors (void)
{
  g_autoptr(BbCalendar) cal = fixture_calendar ();
  guint n_changed = 0;

  g_signal_connect (cal, "changed", G_CALLBACK (changed_cb), &n_changed);

  expect_import_error (cal, "", "empty");
  expect_import_error (cal, "\n\n  \n", "empty");
  expect_import_error (cal, "2026-05-01,holiday\n", "Line 1: the first line should be the header");
  expect_import_error (cal, "date;kind\n2026-05-01;holiday\n", "Line 1: ");
  expect_import_error (cal, "date,kind,comment\n", "Line 1: ");
  expect_import_error (cal, "\ndate,kind\n2026-05-01\n", "Line 3: should have 2 fields");
  expect_import_error (cal, "date,kind\n2026-05-01,holiday,extra\n", "Line 2: should have 2 fields, date,kind, not 3");
  expect_import_error (cal, "date,kind\n2026-05-01,holiday\n2026-5-4,holiday\n",
                       "Line 3: the date “2026-5-4” should be written as YYYY-MM-DD");
  expect_import_error (cal, "date,kind\n2026-02-30,holiday\n",
                       "Line 2: the date “2026-02-30” is not a real date");
  expect_import_error (cal, "date,kind\n2026-05-01,vacation\n",
                       "Line 2: the kind should be “holiday” or “workday”, not “vacation”");
  expect_import_error (cal, "date,kind\n2026-05-01,\n", "Line 2: should have 2 fields");
  expect_import_error (cal,
                       "date,kind\n2026-05-01,holiday\n\n2026-05-02,holiday\n2026-05-01,workday\n",
                       "Line 5: the date 2026-05-01 is already listed as another kind on line 2");
  expect_import_error (cal, "date,kind\n2026-05-01,holiday\n\xff\n", "not UTF-8");

  /* A good row before the bad one was not applied either. */
  {
    GDate d = date ("2026-05-01");
    g_assert_cmpint (bb_calendar_get_day (cal, &d), ==, BB_DAY_DEFAULT);
  }
  g_assert_cmpuint (n_changed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/workdays/plain-weeks", test_plain_weeks);
  g_test_add_func ("/bangban/workdays/overrides", test_overrides);
  g_test_add_func ("/bangban/workdays/foreach", test_foreach);
  g_test_add_func ("/bangban/workdays/spring-festival", test_spring_festival);
  g_test_add_func ("/bangban/workdays/national-day", test_national_day);
  g_test_add_func ("/bangban/workdays/makeup-saturday-deadline", test_makeup_saturday_deadline);
  g_test_add_func ("/bangban/workdays/remaining", test_remaining);
  g_test_add_func ("/bangban/workdays/suspension-year-end", test_suspension_year_end);
  g_test_add_func ("/bangban/workdays/count-add-property", test_count_add_property);
  g_test_add_func ("/bangban/workdays/count-matches-naive", test_count_matches_naive);
  g_test_add_func ("/bangban/workdays/csv-import", test_csv_import);
  g_test_add_func ("/bangban/workdays/csv-errors", test_csv_errors);

  return g_test_run ();
}
