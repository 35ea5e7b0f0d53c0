/* test-csv.c — the RFC 4180 reader
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-csv.h"
#include "bb-error.h"

static const BbCsvRow *
row_at (GPtrArray *rows,
        guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bb_csv_parse ("a,b,c\n1,,3\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (row_at (rows, 0)->n_fields, ==, 3);
  g_assert_cmpstr (row_at (rows, 0)->fields[2], ==, "c");
  g_assert_cmpuint (row_at (rows, 1)->n_fields, ==, 3);
  g_assert_cmpstr (row_at (rows, 1)->fields[1], ==, "");
  g_assert_cmpuint (row_at (rows, 1)->line, ==, 2);
  g_assert_null (row_at (rows, 1)->fields[3]);
}

static void
test_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* A byte-order mark, CRLF, a quoted comma, a quoted line break and "". */
  rows = bb_csv_parse ("\xEF\xBB\xBFname,note\r\n"
                       "\"企业设立登记, 变更\",\"第一行\r\n第二行\"\r\n"
                       "\"他说\"\"你好\"\"\",x\r\n"
                       "\"\",last", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (row_at (rows, 0)->fields[0], ==, "name");
  g_assert_cmpstr (row_at (rows, 1)->fields[0], ==, "企业设立登记, 变更");
  g_assert_cmpstr (row_at (rows, 1)->fields[1], ==, "第一行\r\n第二行");
  g_assert_cmpuint (row_at (rows, 1)->line, ==, 2);
  /* The record after a quoted line break starts on line 4. */
  g_assert_cmpstr (row_at (rows, 2)->fields[0], ==, "他说\"你好\"");
  g_assert_cmpuint (row_at (rows, 2)->line, ==, 4);
  g_assert_cmpuint (row_at (rows, 3)->n_fields, ==, 2);
  g_assert_cmpstr (row_at (rows, 3)->fields[0], ==, "");
  g_assert_cmpstr (row_at (rows, 3)->fields[1], ==, "last");
  g_assert_cmpuint (row_at (rows, 3)->line, ==, 5);
}

static void
test_blank_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bb_csv_parse ("\na\n\n\nb\n\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_at (rows, 0)->fields[0], ==, "a");
  g_assert_cmpuint (row_at (rows, 0)->line, ==, 2);
  g_assert_cmpuint (row_at (rows, 1)->line, ==, 5);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bb_csv_parse ("", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = bb_csv_parse ("a,b\n1,\"open\n2,3\n", &error);
  g_assert_null (rows);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2:"));
  g_clear_error (&error);

  rows = bb_csv_parse ("a,b\n1,2\n\"x\"y,3\n", &error);
  g_assert_null (rows);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3:"));
  g_clear_error (&error);

  rows = bb_csv_parse ("a,\xff\n", &error);
  g_assert_null (rows);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
}

static void
test_header (void)
{
  g_autoptr(GPtrArray) rows = bb_csv_parse (" Name ,KIND\nx\n", NULL);
  const BbCsvRow *header = row_at (rows, 0);

  g_assert_cmpint (bb_csv_header_find (header, "name"), ==, 0);
  g_assert_cmpint (bb_csv_header_find (header, "kind"), ==, 1);
  g_assert_cmpint (bb_csv_header_find (header, "date"), ==, -1);
  g_assert_cmpstr (bb_csv_row_get (row_at (rows, 1), 0), ==, "x");
  g_assert_cmpstr (bb_csv_row_get (row_at (rows, 1), 1), ==, "");
  g_assert_cmpstr (bb_csv_row_get (row_at (rows, 1), -1), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/csv/plain", test_plain);
  g_test_add_func ("/bangban/csv/quoted", test_quoted);
  g_test_add_func ("/bangban/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/bangban/csv/errors", test_errors);
  g_test_add_func ("/bangban/csv/header", test_header);

  return g_test_run ();
}
