/* test-json-row.c — the reader of the JSON arrays statements build, and
 * the case detail's decoder on what is not a detail
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json-row"

#include "config.h"

#include "bb-actor.h"
#include "bb-case-repo-private.h"
#include "bb-error.h"
#include "bb-json-row.h"

static void
test_values (void)
{
  char *text = NULL;
  gint64 number = 7;
  const char *end;

  end = bb_json_read_value (" \"abc\", 1", &text, &number);
  g_assert_cmpstr (text, ==, "abc");
  g_assert_cmpint (number, ==, 7);
  g_assert_cmpstr (end, ==, ", 1");
  g_clear_pointer (&text, g_free);

  end = bb_json_read_value ("-1234567890123]", &text, &number);
  g_assert_null (text);
  g_assert_cmpint (number, ==, -1234567890123);
  g_assert_cmpstr (end, ==, "]");

  /* Null leaves the number for the caller's default. */
  number = 1;
  end = bb_json_read_value ("null,", &text, &number);
  g_assert_null (text);
  g_assert_cmpint (number, ==, 1);
  g_assert_cmpstr (end, ==, ",");

  /* A numeric column's whole number as PostgreSQL may write it. */
  end = bb_json_read_value ("3.0]", &text, &number);
  g_assert_cmpint (number, ==, 3);
  g_assert_cmpstr (end, ==, "]");

  g_assert_null (bb_json_read_value ("true", &text, &number));
  g_assert_null (bb_json_read_value ("[1]", &text, &number));
  g_assert_null (bb_json_read_value ("\"open", &text, &number));
  g_assert_null (bb_json_read_value ("\"open\\", &text, &number));
  g_assert_null (bb_json_read_value ("\"bad \\x escape\"", &text, &number));
  g_assert_null (bb_json_read_value ("\"\\u12\"", &text, &number));
  g_assert_null (text);
}

static void
test_strings (void)
{
  char *text = NULL;
  gint64 number = 0;

  /* Every escape; a character outside the BMP as a surrogate pair (as
   * json-glib writes it) and as UTF-8 (as SQLite and PostgreSQL do). */
  g_assert_nonnull (bb_json_read_value ("\"a\\\"b\\\\c\\/d\\n\\t\\r\\b\\f\\u00e9\\ud842\\udfb7𠮷\"",
                                        &text, &number));
  g_assert_cmpstr (text, ==, "a\"b\\c/d\n\t\r\b\fé𠮷𠮷");
  g_clear_pointer (&text, g_free);

  /* A control character as SQLite escapes it. */
  g_assert_nonnull (bb_json_read_value ("\"x\\u0001y\"", &text, &number));
  g_assert_cmpstr (text, ==, "x\001y");
  g_clear_pointer (&text, g_free);

  /* Lone surrogates become U+FFFD; a NUL is left out. */
  g_assert_nonnull (bb_json_read_value ("\"\\ud842x\\udfb7\\u0000z\"", &text, &number));
  g_assert_cmpstr (text, ==, "\xef\xbf\xbdx\xef\xbf\xbdz");
  g_clear_pointer (&text, g_free);
}

static void
test_rows (void)
{
  char *texts[4];
  gint64 numbers[4] = { 0, 0, 9, 0 };
  const char *end;

  end = bb_json_read_row ("[1, \"二\",null , \"\"] tail", 4, texts, numbers);
  g_assert_cmpstr (end, ==, " tail");
  g_assert_cmpint (numbers[0], ==, 1);
  g_assert_null (texts[0]);
  g_assert_cmpstr (texts[1], ==, "二");
  g_assert_null (texts[2]);
  g_assert_cmpint (numbers[2], ==, 9);
  g_assert_cmpstr (texts[3], ==, "");
  for (guint i = 0; i < 4; i++)
    g_free (texts[i]);

  /* Too many values, too few, a missing one, an unterminated row: all
   * texts read so far are freed and cleared. */
  g_assert_null (bb_json_read_row ("[\"a\", \"b\", 3, 4, 5]", 4, texts, numbers));
  g_assert_null (bb_json_read_row ("[\"a\", \"b\"]", 4, texts, numbers));
  g_assert_null (bb_json_read_row ("[\"a\", , 3, 4]", 4, texts, numbers));
  g_assert_null (bb_json_read_row ("[\"a\", \"b\", 3, 4", 4, texts, numbers));
  g_assert_null (bb_json_read_row ("[\"a\", \"b\", 3, 4,]", 4, texts, numbers));
  g_assert_null (bb_json_read_row ("\"a\"", 4, texts, numbers));
  for (guint i = 0; i < 4; i++)
    g_assert_null (texts[i]);

  g_assert_cmpstr (bb_json_read_row ("[]", 0, texts, numbers), ==, "");
}

/* Rows in a list, as json_agg() writes them (a newline between rows) and
 * json_group_array() does (none). */
static void
test_lists (void)
{
  const char *lists[] = { "[[1, \"a\"], \n [2, \"b\"]]", "[[1,\"a\"],[2,\"b\"]]" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      BbJsonArray rows;
      guint n = 0;

      g_assert_true (bb_json_array_init (&rows, lists[l]));
      while (bb_json_array_next (&rows))
        {
          char *texts[2];
          gint64 numbers[2] = { 0 };

          rows.p = bb_json_read_row (rows.p, 2, texts, numbers);
          g_assert_nonnull (rows.p);
          g_assert_cmpint (numbers[0], ==, n + 1);
          g_assert_cmpstr (texts[1], ==, n == 0 ? "a" : "b");
          g_free (texts[1]);
          n++;
        }
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpstr (rows.p, ==, "");
    }

  /* Empty. */
  {
    BbJsonArray rows;

    g_assert_true (bb_json_array_init (&rows, " [ ] ,"));
    g_assert_false (bb_json_array_next (&rows));
    g_assert_cmpstr (rows.p, ==, " ,");
  }

  /* Not a list, an unterminated one, one with a stray comma. */
  {
    BbJsonArray rows;

    g_assert_false (bb_json_array_init (&rows, "{}"));
    g_assert_null (rows.p);
    g_assert_false (bb_json_array_init (&rows, NULL));

    g_assert_true (bb_json_array_init (&rows, "[1"));
    g_assert_true (bb_json_array_next (&rows));
    rows.p++;
    g_assert_false (bb_json_array_next (&rows));
    g_assert_null (rows.p);

    g_assert_true (bb_json_array_init (&rows, "[,1]"));
    g_assert_false (bb_json_array_next (&rows));
    g_assert_null (rows.p);
  }
}

/* What is not a case's detail is an error, not a crash or half a case. */
static void
test_detail_malformed (void)
{
  g_autoptr(BbActor) actor = bb_actor_new_system ();
  g_autoptr(GString) case_row = g_string_new ("[1, \"2026000001\", \"proxy\", \"handling\"");
  const char *broken[] = { "", "[]", "[[1]]", "not json", NULL, NULL, NULL, NULL };

  /* A whole case row, then lists missing, malformed, or one too many. */
  for (guint i = 4; i < 53; i++)
    g_string_append (case_row, ", null");
  g_string_append (case_row, "]");
  broken[4] = g_strdup_printf ("[%s]", case_row->str);
  broken[5] = g_strdup_printf ("[%s, [], [], [], [], [], [], [], [], []]", case_row->str);
  broken[6] = g_strdup_printf ("[%s, [], [], [[1]], [], [], [], [], [], [], []]", case_row->str);
  broken[7] = g_strdup_printf ("[%s, [], [], [], [], [], [], [], [], [], [], []]",
                               case_row->str);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (bb_case_detail_from_json (broken[i], actor, &error));
      g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bb_case_detail_from_json (NULL, actor, &error));
    g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
  }

  /* The same with its ten lists is a case. */
  {
    g_autofree char *whole = g_strdup_printf ("[%s, [], [], [], [], [], [], [], [], [], "
                                              "[[\"2026-03-05\", \"holiday\"]]]",
                                              case_row->str);
    g_autoptr(GError) error = NULL;
    BbCaseDetail *detail = bb_case_detail_from_json (whole, actor, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (detail->kase->number, ==, "2026000001");
    g_assert_cmpint (detail->kase->state, ==, BB_STATE_HANDLING);
    g_assert_cmpuint (detail->events->len, ==, 0);
    bb_case_detail_free (detail);
  }

  for (guint i = 4; i < G_N_ELEMENTS (broken); i++)
    g_free ((char *) broken[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/json-row/values", test_values);
  g_test_add_func ("/bangban/json-row/strings", test_strings);
  g_test_add_func ("/bangban/json-row/rows", test_rows);
  g_test_add_func ("/bangban/json-row/lists", test_lists);
  g_test_add_func ("/bangban/json-row/detail-malformed", test_detail_malformed);

  return g_test_run ();
}
