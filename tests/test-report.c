/* test-report.c — the statistics report read back: XLSX, CSV and PDF; the
 * complaint record; bangban-cli stats, report and complaint; on SQLite and
 * PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writers are given statistics built here by hand, so that every cell
 * expected is known without the program; the export from a database, the
 * command line and the complaint record run on a small fixture.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bb-complaint-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-form-report.h"
#include "bb-report.h"
#include "bb-test-util.h"

#define N_STAFF 70

/* Statistics by hand */

static BbStatsRow *
row (const char *key,
     const char *label,
     gint64      count,
     double      value,
     BbStatsUnit unit)
{
  BbStatsRow *r = g_new0 (BbStatsRow, 1);

  r->key = g_strdup (key);
  r->label = g_strdup (label);
  r->count = count;
  r->value = value;
  r->unit = unit;
  return r;
}

static BbStatsRow *
satisfaction_row (const char *key,
                  const char *label,
                  gint64      l1,
                  gint64      l2,
                  gint64      l3,
                  gint64      l4,
                  gint64      l5)
{
  gint64 total = l1 + l2 + l3 + l4 + l5;
  BbStatsRow *r = row (key, label, total, total > 0 ? (double) (l4 + l5) / total : NAN,
                       BB_STATS_UNIT_RATE);

  r->parts[0] = l1;
  r->parts[1] = l2;
  r->parts[2] = l3;
  r->parts[3] = l4;
  r->parts[4] = l5;
  return r;
}

static BbStatsTable *
table (BbStatsTableId id)
{
  BbStatsTable *t = g_new0 (BbStatsTable, 1);

  t->id = id;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_stats_row_free);
  return t;
}

static char *
staff_name (guint i)
{
  /* The first name has the characters CSV must quote. */
  if (i == 0)
    return g_strdup ("王, \"芳\" (S001)");
  return g_strdup_printf ("员工%02u (S%03u)", i, i + 1);
}

static BbStats *
hand_stats (void)
{
  BbStats *stats = g_new0 (BbStats, 1);
  BbStatsTable *t;

  stats->from = g_strdup ("2026-01-01");
  stats->to = g_strdup ("2026-03-31");
  stats->utc_offset = 8 * 3600;
  stats->today = g_strdup ("2026-04-02");
  stats->computed_at = G_GINT64_CONSTANT (1775091600000000);  /* 2026-04-02T09:00+08:00 */
  stats->team_name = g_strdup ("雁塔区为民服务队");

  for (guint i = 0; i < BB_STATS_N_TABLES; i++)
    stats->tables[i] = table (i);

  t = stats->tables[BB_STATS_SUMMARY];
  g_ptr_array_add (t->rows, row (BB_STATS_KEY_EVALUATIONS, "Evaluations", 6, 6,
                                 BB_STATS_UNIT_COUNT));
  g_ptr_array_add (t->rows, row (BB_STATS_KEY_SATISFACTION_RATE, "Satisfaction rate", 4, 4.0 / 6,
                                 BB_STATS_UNIT_RATE));
  g_ptr_array_add (t->rows, row (BB_STATS_KEY_HANDLING_DAYS, "Average", 4, 3.25,
                                 BB_STATS_UNIT_DAYS));
  g_ptr_array_add (t->rows, row (BB_STATS_KEY_COMPLAINTS_ON_TIME, "On time", 0, NAN,
                                 BB_STATS_UNIT_RATE));

  t = stats->tables[BB_STATS_SATISFACTION];
  for (int level = 5; level >= 1; level--)
    {
      static const gint64 counts[] = { 0, 0, 2, 1, 3 };
      g_autofree char *key = g_strdup_printf ("%d", level);

      g_ptr_array_add (t->rows, row (key, key, counts[level - 1], counts[level - 1] / 6.0,
                                     BB_STATS_UNIT_RATE));
    }

  t = stats->tables[BB_STATS_SATISFACTION_BY_MONTH];
  g_ptr_array_add (t->rows, satisfaction_row ("2026-01", "2026-01", 0, 0, 1, 1, 1));
  g_ptr_array_add (t->rows, satisfaction_row ("2026-02", "2026-02", 0, 0, 0, 0, 0));
  g_ptr_array_add (t->rows, satisfaction_row ("2026-03", "2026-03", 0, 0, 1, 0, 2));

  /* Enough staff for the PDF table to run on to a second page. */
  t = stats->tables[BB_STATS_SATISFACTION_BY_STAFF];
  for (guint i = 0; i < N_STAFF; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = staff_name (i);

      g_ptr_array_add (t->rows, satisfaction_row (key, name, 0, i % 2, 0, 1, i % 3));
    }

  t = stats->tables[BB_STATS_SATISFACTION_BY_CATEGORY];
  g_ptr_array_add (t->rows, satisfaction_row ("military", "Military (green channel)", 0, 0, 0, 1,
                                              1));

  t = stats->tables[BB_STATS_HANDLING_TIME_BY_MONTH];
  g_ptr_array_add (t->rows, row ("2026-01", "2026-01", 4, 3.25, BB_STATS_UNIT_DAYS));
  g_ptr_array_add (t->rows, row ("2026-02", "2026-02", 0, NAN, BB_STATS_UNIT_DAYS));

  t = stats->tables[BB_STATS_COMPLAINTS_BY_STATE];
  g_ptr_array_add (t->rows, row ("investigating", "Investigating", 2, 2, BB_STATS_UNIT_COUNT));
  return stats;
}

/* Reading files back */

static char *
temp_file (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "reports", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/* A file the test keeps in the log folder: report-sqlite and
 * report-postgresql run at the same time, so its name says which engine
 * wrote it and neither overwrites the other's while it is read back. */
static char *
kept_file (const char *name)
{
  g_autofree char *unique = g_strdup_printf ("report-%s-%s",
                                             bb_test_engine () == BB_ENGINE_POSTGRESQL
                                             ? "postgresql" : "sqlite", name);

  return bb_test_log_path (unique);
}

static char *
run_program (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
zip_member (const char *path,
            const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return run_program (argv);
}

static char *
xml_unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (out, '>'), p += 3;
      else if (g_str_has_prefix (p, "&quot;"))
        g_string_append_c (out, '"'), p += 5;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GHashTable *cells;    /* "B2" → text as stored: a string or a number */
  GHashTable *numeric;  /* "B2" → present when the cell is a number */
  char       *xml;
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_hash_table_unref (sheet->cells);
  g_hash_table_unref (sheet->numeric);
  g_free (sheet->xml);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static Sheet *
read_sheet (const char *path,
            guint       number)
{
  g_autofree char *shared_xml = zip_member (path, "xl/sharedStrings.xml");
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", number);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) si = g_regex_new ("<si><t[^>]*>(.*?)</t></si>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) cell = g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"([^>]*?)"
                                        "(?:/>|>(?:<v>(.*?)</v>)?</c>)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet->numeric = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->xml = zip_member (path, member);

  for (g_regex_match (si, shared_xml, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);

      g_ptr_array_add (strings, xml_unescape (raw));
    }
  g_clear_pointer (&match, g_match_info_free);

  for (g_regex_match (cell, sheet->xml, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *ref = g_match_info_fetch (match, 1);
      g_autofree char *attributes = g_match_info_fetch (match, 2);
      g_autofree char *value = g_match_info_fetch (match, 3);

      if (strstr (attributes, "t=\"s\"") != NULL)
        {
          guint index = (guint) g_ascii_strtoull (value, NULL, 10);

          g_assert_cmpuint (index, <, strings->len);
          g_hash_table_insert (sheet->cells, g_strdup (ref),
                               g_strdup (g_ptr_array_index (strings, index)));
        }
      else if (value != NULL && *value != '\0')
        {
          g_hash_table_insert (sheet->cells, g_strdup (ref), g_strdup (value));
          g_hash_table_add (sheet->numeric, g_strdup (ref));
        }
      else
        /* A blank cell, formatted but empty. */
        g_hash_table_insert (sheet->cells, g_strdup (ref), g_strdup (""));
    }
  return sheet;
}

static const char *
cell (Sheet      *sheet,
      const char *ref)
{
  const char *text = g_hash_table_lookup (sheet->cells, ref);

  if (text == NULL)
    g_error ("No cell %s", ref);
  return text;
}

static void
assert_number (Sheet      *sheet,
               const char *ref,
               double      expected)
{
  g_test_message ("cell %s", ref);
  g_assert_true (g_hash_table_contains (sheet->numeric, ref));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell (sheet, ref), NULL), expected, 1e-9);
}

static void
assert_text (Sheet      *sheet,
             const char *ref,
             const char *expected)
{
  g_test_message ("cell %s", ref);
  g_assert_false (g_hash_table_contains (sheet->numeric, ref));
  g_assert_cmpstr (cell (sheet, ref), ==, expected);
}

/* The expected sheets, in order after 报表说明. */
static const char *sheet_names[BB_STATS_N_TABLES] = {
  "总体情况", "满意度分布", "满意度（按月）", "满意度（按服务人员）", "满意度（按事项）",
  "满意度（按服务对象类别）", "满意度（按部门）", "按时办结（按月）", "办理时长（按月）",
  "工作量（按服务人员）", "投诉（按月）", "投诉（按状态）",
};

static void
test_xlsx (void)
{
  g_autoptr(BbStats) stats = hand_stats ();
  g_autofree char *path = temp_file ("report.xlsx");
  g_autofree char *part = g_strdup_printf ("%s.part", path);
  g_autofree char *workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Sheet) notes = NULL;
  g_autoptr(Sheet) summary = NULL;
  g_autoptr(Sheet) months = NULL;
  g_autoptr(Sheet) staff = NULL;
  g_autoptr(Sheet) handling = NULL;
  const char *position;

  g_assert_true (bb_report_write_xlsx (stats, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* One sheet per table, with its Chinese name, after the notes. */
  workbook = zip_member (path, "xl/workbook.xml");
  position = strstr (workbook, "name=\"报表说明\"");
  g_assert_nonnull (position);
  for (guint i = 0; i < BB_STATS_N_TABLES; i++)
    {
      g_autofree char *attribute = g_strdup_printf ("name=\"%s\"", sheet_names[i]);
      const char *found = strstr (workbook, attribute);

      g_test_message ("sheet %s", sheet_names[i]);
      g_assert_nonnull (found);
      g_assert_true (found > position);
      position = found;
    }

  notes = read_sheet (path, 1);
  assert_text (notes, "A1", "项目");
  assert_text (notes, "B2", "数据统计上报");
  assert_text (notes, "B3", "雁塔区为民服务队");
  assert_text (notes, "B4", "2026-01-01 至 2026-03-31");
  assert_text (notes, "B5", "UTC+08:00");
  assert_text (notes, "B6", "2026-04-02 09:00");

  summary = read_sheet (path, 2);
  assert_text (summary, "A1", "指标");
  assert_text (summary, "B1", "数量");
  assert_text (summary, "A2", "评价总数");
  assert_number (summary, "B2", 6);
  /* A count has no second figure. */
  assert_text (summary, "C2", "");
  assert_text (summary, "A3", "满意率（非常满意、满意）");
  assert_number (summary, "B3", 4);
  assert_number (summary, "C3", 4.0 / 6);
  assert_number (summary, "C4", 3.25);
  /* A rate of nothing is not 0 %. */
  assert_text (summary, "C5", "—");

  months = read_sheet (path, 4);
  {
    const char *headers[] = { "月份", "评价数", "非常满意", "满意", "基本满意", "不满意",
                              "非常不满意", "满意率", "基本满意率" };

    for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
      {
        g_autofree char *ref = g_strdup_printf ("%c1", 'A' + c);

        assert_text (months, ref, headers[c]);
      }
  }
  assert_text (months, "A2", "2026-01");
  assert_number (months, "B2", 3);
  assert_number (months, "C2", 1);   /* 非常满意 */
  assert_number (months, "D2", 1);   /* 满意 */
  assert_number (months, "E2", 1);   /* 基本满意 */
  assert_number (months, "G2", 0);   /* 非常不满意 */
  assert_number (months, "H2", 2.0 / 3);
  assert_number (months, "I2", 1.0 / 3);
  assert_text (months, "H3", "—");
  assert_text (months, "A4", "2026-03");
  assert_number (months, "C4", 2);

  /* The header row is frozen and the columns sized. */
  g_assert_nonnull (strstr (months->xml, "state=\"frozen\""));
  g_assert_nonnull (strstr (months->xml, "ySplit=\"1\""));
  g_assert_nonnull (strstr (months->xml, "<col min=\"1\" max=\"1\" width="));

  staff = read_sheet (path, 5);
  assert_text (staff, "A2", "王, \"芳\" (S001)");
  {
    g_autofree char *ref = g_strdup_printf ("A%u", N_STAFF + 1);
    g_autofree char *name = staff_name (N_STAFF - 1);

    assert_text (staff, ref, name);
  }

  handling = read_sheet (path, 10);
  assert_text (handling, "C1", "平均办理时长（工作日）");
  assert_number (handling, "C2", 3.25);
  assert_text (handling, "C3", "—");
}

static char **
read_lines (const char *path,
            gboolean   *bom)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  *bom = length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0;
  /* Every line ends with CRLF: no bare LF anywhere. */
  for (gsize i = 0; i < length; i++)
    {
      if (contents[i] == '\n')
        g_assert_true (i > 0 && contents[i - 1] == '\r');
    }
  return g_strsplit (contents + (*bom ? 3 : 0), "\r\n", -1);
}

static int
find_line (char       **lines,
           const char  *line)
{
  for (int i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], line))
        return i;
    }
  return -1;
}

static void
test_csv (void)
{
  g_autoptr(BbStats) stats = hand_stats ();
  g_autofree char *path = temp_file ("report.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean bom = FALSE;
  int at, previous = -1;

  g_assert_true (bb_report_write_csv (stats, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  lines = read_lines (path, &bom);
  g_assert_true (bom);

  g_assert_cmpstr (lines[0], ==, "数据统计上报");
  g_assert_cmpint (find_line (lines, "统计期间,2026-01-01 至 2026-03-31"), >, 0);
  g_assert_cmpint (find_line (lines, "填报单位,雁塔区为民服务队"), >, 0);

  /* Every table in turn, each under its title. */
  for (guint i = 0; i < BB_STATS_N_TABLES; i++)
    {
      at = find_line (lines, sheet_names[i]);
      g_test_message ("table %s", sheet_names[i]);
      g_assert_cmpint (at, >, previous);
      previous = at;
    }

  at = find_line (lines, "满意度（按月）");
  g_assert_cmpstr (lines[at + 1], ==, "月份,评价数,非常满意,满意,基本满意,不满意,非常不满意,满意率,基本满意率");
  g_assert_cmpstr (lines[at + 2], ==, "2026-01,3,1,1,1,0,0,66.7%,33.3%");
  g_assert_cmpstr (lines[at + 3], ==, "2026-02,0,0,0,0,0,0,—,—");
  g_assert_cmpstr (lines[at + 4], ==, "2026-03,3,2,0,1,0,0,66.7%,33.3%");
  g_assert_cmpstr (lines[at + 5], ==, "");

  at = find_line (lines, "满意度（按服务人员）");
  /* RFC 4180 quoting: the comma and the doubled quotes. The first staff
   * member has one 满意 (level 4) and nothing else. */
  g_assert_cmpstr (lines[at + 2], ==, "\"王, \"\"芳\"\" (S001)\",1,0,1,0,0,0,100.0%,0.0%");

  at = find_line (lines, "总体情况");
  g_assert_cmpstr (lines[at + 2], ==, "评价总数,6,");
  g_assert_cmpstr (lines[at + 3], ==, "满意率（非常满意、满意）,4,66.7%");
  g_assert_cmpstr (lines[at + 4], ==, "平均办理时长（工作日）,4,3.25");
  g_assert_cmpstr (lines[at + 5], ==, "投诉：按时反馈,0,—");

  /* Codes in the report's own words. */
  at = find_line (lines, "满意度（按服务对象类别）");
  g_assert_true (g_str_has_prefix (lines[at + 2], "军人（绿色通道）,2,"));
  at = find_line (lines, "投诉（按状态）");
  g_assert_cmpstr (lines[at + 2], ==, "调查,2");
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_program (argv);
}

static void
test_pdf (void)
{
  g_autoptr(BbStats) stats = hand_stats ();
  g_autofree char *path = temp_file ("report.pdf");
  g_autofree char *kept = kept_file ("report.pdf");
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  g_assert_true (bb_form_report_write_pdf (stats, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);

  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages);
  if (n_pages > 0 && *g_strstrip (pages[n_pages - 1]) == '\0')
    n_pages--;
  g_assert_cmpuint (n_pages, >=, 3);

  g_assert_nonnull (strstr (pages[0], "“雁塔区为民服务队”数据统计上报"));
  g_assert_nonnull (strstr (pages[0], "统计期间：2026-01-01 至 2026-03-31"));
  g_assert_nonnull (strstr (pages[0], "一、总体情况"));
  g_assert_nonnull (strstr (text, "三、满意度（按月）"));
  g_assert_nonnull (strstr (text, "十二、投诉（按状态）"));
  g_assert_nonnull (strstr (text, "66.7%"));
  g_assert_nonnull (strstr (text, "3.25"));

  /* Every page numbered of the total; later pages with the running head. */
  for (guint p = 0; p < n_pages; p++)
    {
      footer = g_strdup_printf ("第 %u 页，共 %u 页", p + 1, n_pages);
      g_test_message ("page %u", p + 1);
      g_assert_nonnull (strstr (pages[p], footer));
      g_clear_pointer (&footer, g_free);
      if (p > 0)
        g_assert_nonnull (strstr (pages[p], "数据统计上报"));
    }

  /* The staff table runs on to a later page, and its header with it. */
  last = staff_name (N_STAFF - 1);
  for (guint p = 1; p < n_pages; p++)
    {
      if (strstr (pages[p], last) != NULL)
        {
          g_assert_nonnull (strstr (pages[p], "非常不满意"));
          g_assert_null (strstr (pages[p], "员工01 (S002)"));
          break;
        }
      g_assert_cmpuint (p + 1, <, n_pages);
    }

  g_file_set_contents (kept, "", 0, NULL);
  g_assert_true (bb_form_report_write_pdf (stats, kept, NULL, NULL, NULL, &error));
}

static void
test_cancel (void)
{
  g_autoptr(BbStats) stats = hand_stats ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  BbReportWriter writers[] = { bb_report_write_xlsx, bb_report_write_csv,
                               bb_form_report_write_pdf };

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *name = g_strdup_printf ("cancelled-%u", i);
      g_autofree char *path = temp_file (name);
      g_autofree char *part = g_strdup_printf ("%s.part", path);
      g_autoptr(GError) error = NULL;

      g_assert_false (writers[i] (stats, path, NULL, NULL, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    }
}

/* From a database */

static const char SQL_FIXTURE[] =
  "INSERT INTO staff (id, number, name, role, created_at) VALUES "
  "(1, 'A001', '管理员', 'admin', 0), (2, 'M001', '陈静', 'manager', 0), "
  "(3, 'S001', '王芳', 'staff', 0);"
  "INSERT INTO client (id, kind, name, category, created_at) "
  "VALUES (1, 'person', '赵敏', 'talent', 0);"
  "INSERT INTO bb_case (id, number, kind, state, client_id, matter, responsible_id, applied_at, "
  "completed_at, created_at, updated_at) VALUES "
  "(1, '2026000001', 'assist', 'delivered', 1, '政策咨询', 3, 1772326800000000, "
  "1772413200000000, 0, 0);"
  /* Three evaluations in March 2026 (Shanghai): 5, 5 and 3. */
  "INSERT INTO evaluation (case_id, level, channel, at) VALUES "
  "(1, 5, 'onsite', 1772413200000000), (1, 5, 'phone', 1772499600000000), "
  "(1, 3, 'phone', 1772586000000000);"
  /* One at 16:30Z on 31 March: 1 April in Shanghai, not in March. */
  "INSERT INTO evaluation (case_id, level, channel, at) VALUES (1, 1, 'phone', 1774974600000000);"
  "UPDATE setting SET value = '雁塔区为民服务队' WHERE key = 'team_name';"
  "UPDATE setting SET value = '029-12345' WHERE key = 'complaint_hotline';";

typedef struct
{
  BbLocation *location;
  BbDatabase *db;
  BbActor    *manager;
  BbActor    *clerk;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->location = bb_test_new_location ();
  f->db = bb_test_open (f->location);
  bb_test_exec_script (f->location, SQL_FIXTURE);
  f->manager = bb_actor_new (2, "M001", "陈静", BB_ROLE_MANAGER);
  f->clerk = bb_actor_new (3, "S001", "王芳", BB_ROLE_STAFF);
  g_setenv ("BANGBAN_NOW", "2026-04-02T09:00:00+08:00", TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->manager, bb_actor_free);
  g_clear_pointer (&f->clerk, bb_actor_free);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = temp_file ("export.xlsx");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(Sheet) summary = NULL;
  g_autoptr(Sheet) notes = NULL;

  g_unlink (path);
  /* Staff may not see the statistics: nothing is written. */
  g_assert_false (bb_report_export (f->db, f->clerk, "2026-03-01", "2026-03-31",
                                    bb_report_write_xlsx, path, NULL, NULL, NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (bb_report_export (f->db, f->manager, "2026-03-01", "2026-03-31",
                                   bb_report_write_xlsx, path, progress_cb, fractions, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >, 5);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  /* March: three evaluations (5, 5, 3); 2 of 3 satisfied. */
  notes = read_sheet (path, 1);
  assert_text (notes, "B3", "雁塔区为民服务队");
  assert_text (notes, "B4", "2026-03-01 至 2026-03-31");
  summary = read_sheet (path, 2);
  assert_text (summary, "A2", "评价总数");
  assert_number (summary, "B2", 3);
  assert_number (summary, "C3", 2.0 / 3);
}

typedef struct
{
  GMainLoop *loop;
  GArray    *fractions;
  GThread   *thread;
  gboolean   wrong_thread;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncState *state = user_data;

  state->wrong_thread |= g_thread_self () != state->thread;
  g_array_append_val (state->fractions, fraction);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = bb_report_export_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = temp_file ("export.pdf");
  AsyncState state = { g_main_loop_new (NULL, FALSE), g_array_new (FALSE, FALSE, sizeof (double)),
                       g_thread_self (), FALSE, FALSE, NULL };
  g_autofree char *text = NULL;

  g_unlink (path);
  bb_report_export_async (f->db, f->manager, "2026-03-01", "2026-03-31", bb_form_report_write_pdf,
                          path, async_progress_cb, &state, NULL, NULL, exported_cb, &state);
  g_main_loop_run (state.loop);
  /* Progress still queued is delivered after the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_false (state.wrong_thread);
  g_assert_cmpuint (state.fractions->len, >, 0);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "统计期间：2026-03-01 至 2026-03-31"));

  g_main_loop_unref (state.loop);
  g_array_unref (state.fractions);
}

static void
test_complaint_record (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = temp_file ("complaint.pdf");
  g_autofree char *kept = kept_file ("complaint-record.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(BbComplaint) complaint = NULL;
  g_autoptr(BbComplaint) stepped = NULL;
  g_autoptr(BbComplaintDetail) detail = NULL;
  g_autofree char *text = NULL;
  BbComplaintDraft draft = {
    .channel = "hotline", .complainant = "张女士", .contact = "13812345678",
    .case_number = "2026000001", .staff_number = "S001", .content = "窗口人员态度生硬，等候时间过长。",
  };

  complaint = bb_complaint_repo_add (f->db, f->clerk, &draft, &error);
  g_assert_no_error (error);
  stepped = bb_complaint_repo_step (f->db, f->manager, complaint->number,
                                    BB_COMPLAINT_INVESTIGATING, "调取窗口录像，询问当事人",
                                    complaint->version, &error);
  g_assert_no_error (error);
  detail = bb_complaint_repo_get_detail (f->db, f->manager, complaint->number, &error);
  g_assert_no_error (error);

  g_assert_true (bb_form_complaint_write_pdf (detail, "雁塔区为民服务队", "029-12345", path,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (bb_form_complaint_write_pdf (detail, "雁塔区为民服务队", "029-12345", kept,
                                              &error));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "“雁塔区为民服务队”投诉处理记录表"));
  g_assert_nonnull (strstr (text, complaint->number));
  g_assert_nonnull (strstr (text, "张女士"));
  g_assert_nonnull (strstr (text, "12345热线"));
  g_assert_nonnull (strstr (text, "王芳（S001）"));
  g_assert_nonnull (strstr (text, "调取窗口录像"));
  g_assert_nonnull (strstr (text, "投诉监督电话：029-12345"));
  g_assert_nonnull (strstr (text, "2026-04-02 09:00"));
  g_assert_nonnull (strstr (text, "第 1 页，共 1 页"));
}

/* bangban-cli */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static Run
cli (Fixture    *f,
     const char *as,
     const char *first,
     ...)
{
  const char *program = g_getenv ("BANGBAN_CLI");
  g_autofree char *where = bb_location_to_string (f->location);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  va_list ap;

  g_ptr_array_add (args, (char *) program);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, where);
  g_ptr_array_add (args, "--as");
  g_ptr_array_add (args, (char *) as);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "BANGBAN_NOW", g_getenv ("BANGBAN_NOW"), TRUE);
  g_subprocess_launcher_setenv (launcher, "PGPASSWORD", "", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  run.status = g_subprocess_get_exit_status (process);
  if (run.status != 0)
    g_test_message ("exit %d: %s", run.status, run.err);
  return run;
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = temp_file ("cli.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gboolean bom = FALSE;

  if (g_getenv ("BANGBAN_CLI") == NULL)
    {
      g_test_skip ("BANGBAN_CLI is not set");
      return;
    }

  {
    g_auto(Run) run = cli (f, "M001", "stats", "--month", "2026-03", "--json", NULL);

    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (run.out, parser);
    g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-03-01");
    g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "2026-03-31");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"),
                                                 "evaluations"), ==, 3);
  }
  {
    g_auto(Run) run = cli (f, "M001", "stats", "--from", "2026-04-01", "--to", "2026-04-01",
                           "--json", NULL);

    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (run.out, parser);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"),
                                                 "evaluations"), ==, 1);
  }
  {
    g_auto(Run) run = cli (f, "S001", "stats", "--month", "2026-03", "--json", NULL);

    g_assert_cmpint (run.status, ==, 2);   /* refused */
  }
  {
    g_auto(Run) run = cli (f, "M001", "stats", "--from", "2026-03-01", NULL);

    g_assert_cmpint (run.status, ==, 64);  /* --to missing */
  }
  {
    g_auto(Run) run = cli (f, "M001", "report", "--quarter", "2026-Q1", "--csv", "--pdf", csv,
                           NULL);

    g_assert_cmpint (run.status, ==, 64);
  }
  {
    g_auto(Run) run = cli (f, "M001", "report", "--quarter", "2026-Q1", "--csv", csv, NULL);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (run.status, ==, 0);
    lines = read_lines (csv, &bom);
    g_assert_true (bom);
    g_assert_cmpint (find_line (lines, "统计期间,2026-01-01 至 2026-03-31"), >, 0);
    g_assert_cmpint (find_line (lines, "评价总数,3,"), >, 0);
  }

  /* Complaints: intake by staff, steps by a manager, refusals. */
  {
    g_auto(Run) add = cli (f, "S001", "complaint", "add", "--channel", "phone",
                           "--complainant", "张女士", "--contact", "13812345678",
                           "--staff", "S001", "--content", "态度生硬", "--json", NULL);
    const char *number;
    g_autofree char *copy = NULL;

    g_assert_cmpint (add.status, ==, 0);
    root = parse_object (add.out, parser);
    number = json_object_get_string_member (root, "number");
    g_assert_cmpstr (number, ==, "TS2026000001");
    copy = g_strdup (number);

    {
      g_auto(Run) run = cli (f, "S001", "complaint", "step", copy, "--to", "investigating",
                             "--text", "调查", NULL);

      g_assert_cmpint (run.status, ==, 2);
    }
    {
      g_auto(Run) run = cli (f, "M001", "complaint", "step", copy, "--to", "handled",
                             "--text", "跳过调查", NULL);

      g_assert_cmpint (run.status, ==, 2);
    }
    {
      g_auto(Run) run = cli (f, "M001", "complaint", "step", copy, "--to", "investigating",
                             "--text", "调取录像", "--json", NULL);

      g_assert_cmpint (run.status, ==, 0);
      root = parse_object (run.out, parser);
      g_assert_cmpstr (json_object_get_string_member (root, "state"), ==, "investigating");
      g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
    }
    {
      g_auto(Run) run = cli (f, "M001", "complaint", "step", copy, "--to", "handled",
                             "--text", "批评教育", "--expect-version", "1", NULL);

      g_assert_cmpint (run.status, ==, 3);   /* changed since version 1 */
    }
    {
      g_auto(Run) run = cli (f, "M001", "complaint", "show", copy, "--json", NULL);
      JsonArray *steps;

      g_assert_cmpint (run.status, ==, 0);
      root = parse_object (run.out, parser);
      steps = json_object_get_array_member (root, "steps");
      g_assert_cmpuint (json_array_get_length (steps), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 1),
                                                      "text"), ==, "调取录像");
    }
    {
      g_auto(Run) run = cli (f, "M001", "complaint", "list", "--state", "investigating", NULL);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, copy));
    }
  }
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/report/xlsx", test_xlsx);
  g_test_add_func ("/bangban/report/csv", test_csv);
  g_test_add_func ("/bangban/report/pdf", test_pdf);
  g_test_add_func ("/bangban/report/cancel", test_cancel);
  g_test_add ("/bangban/report/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/bangban/report/export-async", Fixture, NULL, fixture_set_up, test_export_async,
              fixture_tear_down);
  g_test_add ("/bangban/report/complaint-record", Fixture, NULL, fixture_set_up,
              test_complaint_record, fixture_tear_down);
  g_test_add ("/bangban/report/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
