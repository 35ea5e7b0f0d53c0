/* test-print.c — the printed forms, rendered to PDF and read back
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every form is rendered from fixture data (no database) to a PDF kept in
 * the build's log folder (meson-logs/bangban-tests/print-*.pdf), then read
 * back with poppler's pdftotext and pdfinfo: the wording and every value
 * are there, the paper is A4 the right way round, the page count is right,
 * the register repeats its header and never splits a row, and long text
 * stays inside its cell.
 */

#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "bb-error.h"
#include "bb-form-pdf.h"
#include "bb-form-register-export.h"
#include "bb-form-report.h"
#include "bb-form-wording.h"
#include "bb-print-page.h"
#include "bb-print-qr.h"
#include "bb-test-util.h"

/* Helpers: running poppler */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

/* The text of @path (one page, or all when @page is 0) as pdftotext -layout
 * lays it out. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);

  if (page == 0)
    {
      const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

      return run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first, "-l", first,
                             path, "-", NULL };

      return run_tool (argv);
    }
}

/* The text in drawing order (pdftotext -raw): a wrapped cell's lines come
 * out one after the other, not interleaved with the cells beside it as the
 * -layout reconstruction puts them. */
static char *
pdf_raw_text (const char *path,
              guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", first, path,
                         "-", NULL };

  return run_tool (argv);
}

/* Without white space: pdftotext puts spaces and line breaks wherever the
 * layout suggests them, and wrapped text breaks anywhere. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed_haystack = squeeze (haystack);
  g_autofree char *squeezed_needle = squeeze (needle);

  if (strstr (squeezed_haystack, squeezed_needle) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", needle, haystack);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  g_autofree char *squeezed_haystack = squeeze (haystack);
  g_autofree char *squeezed_needle = squeeze (needle);
  guint count = 0;

  for (const char *p = strstr (squeezed_haystack, squeezed_needle); p != NULL;
       p = strstr (p + strlen (squeezed_needle), squeezed_needle))
    count++;
  return count;
}

typedef struct
{
  guint  pages;
  double width;
  double height;
} PdfInfo;

static PdfInfo
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  PdfInfo info = { 0, 0, 0 };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        info.pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        g_assert_cmpint (sscanf (lines[i], "Page size: %lf x %lf", &info.width, &info.height),
                         ==, 2);
    }
  g_assert_cmpuint (info.pages, >, 0);
  return info;
}

static void
assert_page_size (const PdfInfo *info,
                  double         width,
                  double         height)
{
  g_assert_cmpfloat_with_epsilon (info->width, width, 0.5);
  g_assert_cmpfloat_with_epsilon (info->height, height, 0.5);
}

/* Words and where they are, from pdftotext -bbox: one per <word> element. */
typedef struct
{
  guint   page;
  double  x_min, y_min, x_max, y_max;
  char   *text;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

static GPtrArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run_tool (argv);
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint page = 0;
  const char *p = out;

  regex = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                       "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                       0, 0, NULL);
  g_regex_match (regex, p, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *all = g_match_info_fetch (match, 0);

      if (g_str_has_prefix (all, "<page"))
        page++;
      else
        {
          Word *word = g_new0 (Word, 1);
          g_autofree char *x_min = g_match_info_fetch (match, 1);
          g_autofree char *y_min = g_match_info_fetch (match, 2);
          g_autofree char *x_max = g_match_info_fetch (match, 3);
          g_autofree char *y_max = g_match_info_fetch (match, 4);

          word->page = page;
          word->x_min = g_ascii_strtod (x_min, NULL);
          word->y_min = g_ascii_strtod (y_min, NULL);
          word->x_max = g_ascii_strtod (x_max, NULL);
          word->y_max = g_ascii_strtod (y_max, NULL);
          word->text = g_match_info_fetch (match, 5);
          g_ptr_array_add (words, word);
        }
      g_match_info_next (match, NULL);
    }
  return words;
}

/* Every word lies on the paper, inside a margin of @margin points. */
static void
assert_words_inside (GPtrArray *words,
                     double     width,
                     double     height,
                     double     margin)
{
  g_assert_cmpuint (words->len, >, 0);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (word->x_min < margin - 0.5 || word->y_min < margin - 0.5
          || word->x_max > width - margin + 0.5 || word->y_max > height - margin + 0.5)
        g_error ("“%s” on page %u lies outside the page's margins: %.1f,%.1f–%.1f,%.1f",
                 word->text, word->page, word->x_min, word->y_min, word->x_max, word->y_max);
    }
}

static char *
log_pdf (const char *name)
{
  g_autofree char *file = g_strdup_printf ("print-%s.pdf", name);

  return bb_test_log_path (file);
}

static char *
repeat_text (const char *unit,
             guint       n_chars)
{
  GString *out = g_string_new (NULL);
  glong unit_len = g_utf8_strlen (unit, -1);

  while ((guint) g_utf8_strlen (out->str, -1) + unit_len <= n_chars)
    g_string_append (out, unit);
  while ((guint) g_utf8_strlen (out->str, -1) < n_chars)
    g_string_append (out, "字");
  return g_string_free (out, FALSE);
}

/* Fixtures */

static BbSlipData
slip_fixture (void)
{
  BbSlipData data = {
    .team_name = "雁塔区为民服务队",
    .date = "2026-03-02",
    .number = "DB-2026-000123",
    .applicant = "王小明",
    .id_number = "11010519491231002X",
    .phone = "13800138000",
    .matter = "企业开办登记（设立登记、印章刻制、发票申领）",
    .applied_at = "2026-03-02 09:30",
    .accepted_by = "李娜",
    .accepted_at = "2026-03-02 10:05",
    .handler = "张伟",
    .limit = "5个工作日（2026年3月9日前）",
    .notes = "材料齐全，同意受理；营业执照申请书原件已核验。",
    .hotline = "029-88881234",
  };

  return data;
}

static const char *slip_notices[] = {
  "注意事项：",
  "1.申请人承诺所申请帮办代办事项必须合法合规，且具备受理条件；",
  "2.申请人所提交的资料必须真实有效，并负法律责任；",
  "3.申请人须积极配合具体办理人完成事项办理；",
  "4.申请人短缺的资料必须按照承诺时限提交办理人员；",
  "5.帮办代办过程中如有疑问，请咨询受理人员或受理窗口；",
};

static const char *slip_labels[] = {
  "申请人", "身份证号码", "联系电话", "申请办理事项", "申请时间", "受理人", "受理时间", "办理人",
  "承诺时限", "受理情况", "队长签字", "申请人确认“帮办代办”服务签字",
};

/* Tests: the acceptance slip */

static void
test_slip_fields (void)
{
  BbSlipData data = slip_fixture ();
  g_autofree char *path = log_pdf ("slip");
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  PdfInfo info;

  g_assert_true (bb_form_pdf_write_slip (path, &data, &error));
  g_assert_no_error (error);

  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, 1);
  assert_page_size (&info, 595.28, 841.89);

  text = pdf_text (path, 1);
  assert_contains (text, "“雁塔区为民服务队”代办事项受理单");
  assert_contains (text, "2026年3月2日");
  assert_contains (text, "编号：DB-2026-000123");
  for (guint i = 0; i < G_N_ELEMENTS (slip_labels); i++)
    assert_contains (text, slip_labels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (slip_notices); i++)
    assert_contains (text, slip_notices[i]);
  assert_contains (text, "6.帮办代办服务投诉建议监督电话：029-88881234。");
  /* An ID number ending in X stays on one line. */
  g_assert_nonnull (strstr (text, data.id_number));

  /* The values, read in drawing order: a value wrapped in its cell is not
   * interleaved with the label beside it. */
  raw = pdf_raw_text (path, 1);
  assert_contains (raw, data.applicant);
  assert_contains (raw, data.id_number);
  assert_contains (raw, data.phone);
  assert_contains (raw, data.matter);
  assert_contains (raw, data.applied_at);
  assert_contains (raw, data.accepted_by);
  assert_contains (raw, data.accepted_at);
  assert_contains (raw, data.handler);
  assert_contains (raw, data.limit);
  assert_contains (raw, data.notes);

  /* Nothing reaches into the paper's outer 10 mm. */
  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 28.0);
}

static void
test_slip_placeholders (void)
{
  BbSlipData data = slip_fixture ();
  g_autofree char *path = log_pdf ("slip-placeholders");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* No team name and no hotline configured: the appendix's placeholders. */
  data.team_name = "";
  data.hotline = NULL;
  data.date = NULL;
  g_assert_true (bb_form_pdf_write_slip (path, &data, &error));
  g_assert_no_error (error);

  text = pdf_text (path, 1);
  assert_contains (text, "“XXXX为民服务队”代办事项受理单");
  assert_contains (text, "6.帮办代办服务投诉建议监督电话：XXXXXXX。");
  /* No date: 年 月 日 left to be written in. */
  g_assert_null (strstr (text, "2026年3月2日"));
  g_assert_cmpuint (count_occurrences (text, "年月日"), >=, 2);
}

/* A 50-character name and a 500-character note: the text is all there,
 * still on one page, and inside its cells. */
static void
test_slip_long_text (void)
{
  BbSlipData data = slip_fixture ();
  g_autofree char *path = log_pdf ("slip-long");
  g_autofree char *name = repeat_text ("欧阳", 50);
  g_autofree char *notes = repeat_text ("申请人已提交营业执照复印件、法定代表人身份证明，尚缺股东会决议。", 500);
  g_autofree char *matter = repeat_text ("不动产登记（转移登记）", 80);
  g_autofree char *raw = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  double notes_top = G_MAXDOUBLE, notes_bottom = 0;
  PdfInfo info;

  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 50);
  g_assert_cmpint (g_utf8_strlen (notes, -1), ==, 500);
  data.applicant = name;
  data.notes = notes;
  data.matter = matter;
  g_assert_true (bb_form_pdf_write_slip (path, &data, &error));
  g_assert_no_error (error);

  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, 1);

  raw = pdf_raw_text (path, 1);
  assert_contains (raw, name);
  assert_contains (raw, notes);
  assert_contains (raw, matter);
  /* The rest of the form is still there. */
  assert_contains (raw, "队长签字");
  assert_contains (raw, "6.帮办代办服务投诉建议监督电话：029-88881234。");

  /* The note's words lie inside the 受理情况 cell: between the label
   * column and the 队长签字 column, and above the 注意事项. */
  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 28.0);
  squeezed = squeeze (notes);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);
      Word *notice = NULL;

      if (strstr (word->text, "尚缺股东会决议") == NULL)
        continue;
      g_assert_cmpfloat (word->x_min, >=, 42.5 + 76.0);
      g_assert_cmpfloat (word->x_max, <=, 42.5 + 76.0 + 72.0 + 70.0 + 126.0 + 0.5);
      notes_top = MIN (notes_top, word->y_min);
      notes_bottom = MAX (notes_bottom, word->y_max);
      for (guint j = 0; j < words->len; j++)
        {
          Word *other = g_ptr_array_index (words, j);

          if (g_str_has_prefix (other->text, "注意事项"))
            notice = other;
        }
      g_assert_nonnull (notice);
      g_assert_cmpfloat (word->y_max, <, notice->y_min);
    }
  g_assert_cmpfloat (notes_bottom, >, notes_top);
}

/* Tests: the QR code */

/* The QR code drawn on an image, read back module by module against what
 * libqrencode encoded: every module is where it should be, the symbol has
 * the module count of its version, and the quiet zone is blank. */
static void
test_qr_modules (void)
{
  const char *number = "DB-2026-000123";
  const int scale = 4;
  QRcode *code = QRcode_encodeString8bit (number, 0, QR_ECLEVEL_M);
  cairo_surface_t *surface;
  cairo_t *cr;
  unsigned char *pixels;
  int stride;
  int modules;
  int origin;
  int side;
  g_autofree char *png = bb_test_log_path ("print-qr.png");

  g_assert_nonnull (code);
  side = (code->width + 2 * BB_QR_QUIET_ZONE_MODULES + 2) * scale;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);

  origin = (BB_QR_QUIET_ZONE_MODULES + 1) * scale;
  modules = bb_print_qr_code (cr, number, origin, origin, code->width * scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_write_to_png (surface, png);

  /* Version 1 is 21 modules a side; each version adds 4. */
  g_assert_cmpint (modules, ==, code->width);
  g_assert_cmpint ((modules - 21) % 4, ==, 0);
  g_assert_cmpint (modules, ==, 17 + 4 * code->version);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int row = -BB_QR_QUIET_ZONE_MODULES; row < modules + BB_QR_QUIET_ZONE_MODULES; row++)
    for (int column = -BB_QR_QUIET_ZONE_MODULES; column < modules + BB_QR_QUIET_ZONE_MODULES;
         column++)
      {
        int x = origin + column * scale + scale / 2;
        int y = origin + row * scale + scale / 2;
        guint32 pixel = *(guint32 *) (gpointer) (pixels + y * stride + x * 4) & 0xFFFFFF;
        gboolean inside = row >= 0 && row < modules && column >= 0 && column < modules;
        gboolean dark = inside && (code->data[row * modules + column] & 1);

        if (dark)
          g_assert_cmphex (pixel, ==, 0x000000);
        else
          g_assert_cmphex (pixel, ==, 0xFFFFFF);
      }

  cairo_surface_destroy (surface);
  QRcode_free (code);
}

/* Tests: the one-time notice and the handover receipt */

static void
test_notice (void)
{
  const BbNoticeMaterial materials[] = {
    { "营业执照副本", "原件 1份", "市场监督管理局政务服务窗口补领，或登录陕西政务服务网下载电子营业执照" },
    { "法定代表人身份证", "复印件 2份", "本人携带身份证原件到自助机服务区复印" },
    { "股东会决议", "原件 1份", "按窗口提供的样表填写，全体股东签字" },
  };
  BbNoticeData data = {
    .team_name = "雁塔区为民服务队",
    .number = "BB-2026-000045",
    .date = "2026-03-03",
    .applicant = "陕西秦川机械有限公司",
    .phone = "029-85550000",
    .matter = "企业变更登记",
    .staff = "李娜",
    .staff_phone = "029-85551111",
    .hotline = "12345",
    .materials = materials,
    .n_materials = G_N_ELEMENTS (materials),
  };
  g_autofree char *path = log_pdf ("notice");
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  PdfInfo info;

  g_assert_true (bb_form_pdf_write_notice (path, &data, &error));
  g_assert_no_error (error);

  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, 1);
  assert_page_size (&info, 595.28, 841.89);

  text = pdf_text (path, 1);
  raw = pdf_raw_text (path, 1);
  assert_contains (text, "“雁塔区为民服务队”一次性告知单");
  assert_contains (text, "编号：BB-2026-000045");
  assert_contains (text, "服务对象");
  assert_contains (text, data.applicant);
  assert_contains (text, data.phone);
  assert_contains (text, data.matter);
  assert_contains (text, data.staff);
  assert_contains (text, data.staff_phone);
  assert_contains (text, "补齐材料的途径和方法");
  for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
    {
      assert_contains (raw, materials[i].name);
      assert_contains (raw, materials[i].requirement);
      assert_contains (raw, materials[i].how_to_obtain);
    }
  assert_contains (text, "帮办代办服务投诉建议监督电话：12345。");
  assert_contains (text, "服务人员（签字）：");
  assert_contains (text, "服务对象（签字）：");
  assert_contains (text, "日期：2026年3月3日");

  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 28.0);
}

/* Forty materials run on to further pages: the title and the list's
 * header again, no row split, the closing words and signatures on the last
 * page only, and the pages numbered. */
static void
test_notice_many_materials (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  BbNoticeMaterial materials[40];
  BbNoticeData data = {
    .team_name = "雁塔区为民服务队",
    .number = "BB-2026-000046",
    .applicant = "赵敏",
    .matter = "不动产转移登记",
    .materials = materials,
    .n_materials = G_N_ELEMENTS (materials),
  };
  g_autofree char *path = log_pdf ("notice-many");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  guint found[G_N_ELEMENTS (materials)] = { 0 };
  PdfInfo info;

  for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
    {
      char *name = g_strdup_printf ("材料%02u号", i + 1);
      char *how = g_strdup_printf ("到%u号窗口办理，携带身份证原件及复印件，当场可取〔%u〕", i + 1,
                                   i + 1);

      g_ptr_array_add (strings, name);
      g_ptr_array_add (strings, how);
      materials[i] = (BbNoticeMaterial) { name, "原件 1份", how };
    }
  g_assert_true (bb_form_pdf_write_notice (path, &data, &error));
  g_assert_no_error (error);
  info = pdf_info (path);
  g_assert_cmpuint (info.pages, >, 1);
  assert_page_size (&info, 595.28, 841.89);

  for (guint page = 1; page <= info.pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *raw = pdf_raw_text (path, page);
      g_autofree char *footer = g_strdup_printf ("第 %u 页 共 %u 页", page, info.pages);

      assert_contains (text, "“雁塔区为民服务队”一次性告知单");
      assert_contains (text, "编号：BB-2026-000046");
      assert_contains (text, "补齐材料的途径和方法");
      assert_contains (text, footer);
      g_assert_cmpuint (count_occurrences (text, "服务对象（签字）："), ==,
                        page == info.pages ? 1 : 0);
      for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
        {
          g_autofree char *name = g_strdup_printf ("材料%02u号", i + 1);
          g_autofree char *marker = g_strdup_printf ("〔%u〕", i + 1);

          /* A row's first and last cells are on the same page. */
          g_assert_cmpuint (count_occurrences (raw, name), ==, count_occurrences (raw, marker));
          found[i] += count_occurrences (raw, marker);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
    g_assert_cmpuint (found[i], ==, 1);

  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 28.0);
}

static void
test_handover (void)
{
  const char *items[] = {
    "营业执照正本、副本各1份",
    "公章、财务专用章、发票专用章各1枚",
    "申请材料原件（身份证、租赁合同）退还",
  };
  BbHandoverData data = {
    .team_name = "雁塔区为民服务队",
    .number = "DB-2026-000123",
    .date = "2026-03-06",
    .applicant = "王小明",
    .phone = "13800138000",
    .matter = "企业开办登记",
    .result = "已办结，准予设立登记",
    .delivery = "窗口当面交付",
    .staff = "张伟",
    .items = items,
    .n_items = G_N_ELEMENTS (items),
  };
  g_autofree char *path = log_pdf ("handover");
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  PdfInfo info;

  g_assert_true (bb_form_pdf_write_handover (path, &data, &error));
  g_assert_no_error (error);

  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, 1);
  assert_page_size (&info, 595.28, 841.89);

  text = pdf_text (path, 1);
  raw = pdf_raw_text (path, 1);
  assert_contains (text, "“雁塔区为民服务队”交接证明");
  assert_contains (text, "编号：DB-2026-000123");
  assert_contains (text, data.applicant);
  assert_contains (text, data.phone);
  assert_contains (text, data.matter);
  assert_contains (text, data.result);
  assert_contains (text, data.delivery);
  assert_contains (text, data.staff);
  assert_contains (text, "交接内容");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    assert_contains (raw, items[i]);
  assert_contains (text, "交付人（签字）：");
  assert_contains (text, "接收人（签字）：");
  assert_contains (text, "日期：2026年3月6日");

  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 28.0);
}

/* Tests: the register */

static const char *register_titles[] = {
  "序号", "事项名称", "受理理由", "办理方式", "办理时间", "办理结果", "申请人", "评价", "备注",
};

/* A register of @n_rows with text of every length: some rows one line,
 * some several. Each row's remark ends in a marker 〔N〕 so a test can find
 * where the row ends. */
static BbFormRegister *
register_fixture (guint n_rows)
{
  BbFormRegister *form = bb_form_register_new ("雁塔区为民服务队",
                                               "登记日期：2026-03-01 至 2026-03-31");
  static const char *matters[] = {
    "个体工商户设立登记", "企业开办登记（设立登记、印章刻制、发票申领、社保登记、公积金开户）",
    "不动产登记", "城乡居民养老保险参保登记", "医保异地就医备案",
  };
  static const char *modes[] = { "大厅服务", "窗口服务", "上门服务", "线上服务" };

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *sequence = g_strdup_printf ("%u", i + 1);
      g_autofree char *time = g_strdup_printf ("2026-03-%02u %02u:%02u", 1 + i % 28, 8 + i % 9,
                                               i % 60);
      g_autofree char *applicant = g_strdup_printf ("申请人%u", i + 1);
      g_autofree char *filler = repeat_text ("需补充材料后再次办理，", (i % 7) * 12);
      g_autofree char *remark = g_strdup_printf ("%s〔%u〕", filler, i + 1);
      const char *cells[] = {
        sequence, matters[i % G_N_ELEMENTS (matters)],
        i % 3 == 0 ? "老年人，行动不便，申请上门帮办" : "不熟悉网上办理流程",
        modes[i % G_N_ELEMENTS (modes)], time, i % 4 == 0 ? "办理中" : "已办结",
        applicant, i % 5 == 0 ? "" : "非常满意", remark,
      };

      bb_form_register_add_row (form, cells);
    }
  return form;
}

static void
test_register_pages (void)
{
  g_autoptr(BbFormRegister) form = register_fixture (200);
  g_autofree char *path = log_pdf ("register");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree guint *row_page = g_new0 (guint, 201);
  g_autoptr(GPtrArray) raw_pages = g_ptr_array_new_with_free_func (g_free);
  PdfInfo info;

  g_assert_true (bb_form_pdf_write_register (path, form, &error));
  g_assert_no_error (error);

  info = pdf_info (path);
  assert_page_size (&info, 841.89, 595.28);
  g_assert_cmpuint (info.pages, >, 3);
  g_assert_cmpuint (info.pages, ==, bb_form_register_get_n_pages (form));

  for (guint page = 1; page <= info.pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      char *raw = pdf_raw_text (path, page);
      g_autofree char *footer = g_strdup_printf ("第 %u 页 共 %u 页", page, info.pages);
      guint first = bb_form_register_get_page_start (form, page - 1);
      guint last = page < info.pages ? bb_form_register_get_page_start (form, page)
                                     : bb_form_register_get_n_rows (form);

      /* The title, the header row and the footer on every page. */
      assert_contains (text, "“雁塔区为民服务队”帮办代办服务事项登记表");
      assert_contains (text, "登记日期：2026-03-01 至 2026-03-31");
      for (guint i = 0; i < G_N_ELEMENTS (register_titles); i++)
        assert_contains (text, register_titles[i]);
      g_assert_cmpuint (count_occurrences (text, footer), ==, 1);
      g_assert_cmpuint (last, >, first);

      /* The rows the pagination put on this page end here: the marker at
       * the end of each one's last cell is on this page. */
      for (guint row = first; row < last; row++)
        {
          g_autofree char *marker = g_strdup_printf ("〔%u〕", row + 1);

          g_assert_cmpuint (count_occurrences (raw, marker), ==, 1);
        }
      g_ptr_array_add (raw_pages, raw);
    }

  /* Each 序号 is on exactly one page, the page its row's end is on, in
   * order: no row is split or lost. */
  words = pdf_words (path);
  assert_words_inside (words, 841.89, 595.28, 20.0);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);
      guint64 sequence;

      /* The 序号 column: 36 pt from the left edge, 34 pt wide. */
      if (word->x_min < 36.0 || word->x_max > 70.0
          || !g_ascii_string_to_unsigned (word->text, 10, 1, 200, &sequence, NULL))
        continue;
      g_assert_cmpuint (row_page[sequence], ==, 0);
      row_page[sequence] = word->page;
    }
  for (guint row = 1; row <= 200; row++)
    {
      g_autofree char *marker = g_strdup_printf ("〔%u〕", row);
      guint page = row_page[row];

      g_assert_cmpuint (page, >, 0);
      g_assert_cmpuint (page, >=, row_page[row - 1]);
      g_assert_cmpuint (count_occurrences (g_ptr_array_index (raw_pages, page - 1), marker), ==, 1);
    }
}

/* A 500-character remark grows its row; a remark longer than a whole page
 * gets a page of its own and shrinks onto it; an empty register is one
 * page of title and header. */
static void
test_register_long_text (void)
{
  g_autoptr(BbFormRegister) form = register_fixture (3);
  g_autofree char *path = log_pdf ("register-long");
  g_autofree char *note = repeat_text ("服务对象反映材料多次往返，建议窗口一次性告知全部材料清单。", 500);
  g_autofree char *huge = repeat_text ("超长备注用于检验整页仍然放不下时的处理。", 6000);
  g_autofree char *name = repeat_text ("阿卜杜热合曼·买买提", 50);
  g_autofree char *last = NULL;
  g_autofree char *footer = NULL;
  gboolean found = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  const char *long_row[] = { "4", "企业开办登记", "不熟悉网上办理流程", "大厅服务",
                             "2026-03-05 10:00", "已办结", name, "满意", note };
  const char *huge_row[] = { "5", "不动产登记", "", "窗口服务", "2026-03-06 10:00", "办理中",
                             "刘洋", "", huge };
  PdfInfo info;

  bb_form_register_add_row (form, long_row);
  bb_form_register_add_row (form, huge_row);
  g_assert_true (bb_form_pdf_write_register (path, form, &error));
  g_assert_no_error (error);

  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, bb_form_register_get_n_pages (form));
  g_assert_cmpuint (info.pages, >=, 2);
  /* The huge remark alone on the last page. */
  g_assert_cmpuint (bb_form_register_get_page_start (form, info.pages - 1), ==, 4);

  /* The 500-character remark and the 50-character name whole, on the page
   * that has their row. */
  for (guint page = 1; page < info.pages; page++)
    {
      g_autofree char *raw = pdf_raw_text (path, page);

      if (count_occurrences (raw, name) == 0)
        continue;
      assert_contains (raw, note);
      g_assert_cmpuint (bb_form_register_get_page_start (form, page - 1), <=, 3);
      found = TRUE;
    }
  g_assert_true (found);

  last = pdf_raw_text (path, info.pages);
  assert_contains (last, "超长备注用于检验整页仍然放不下时的处理。");
  footer = g_strdup_printf ("第 %u 页 共 %u 页", info.pages, info.pages);
  assert_contains (last, footer);

  words = pdf_words (path);
  assert_words_inside (words, 841.89, 595.28, 20.0);
}

static void
test_register_empty (void)
{
  g_autoptr(BbFormRegister) form = bb_form_register_new (NULL, NULL);
  g_autofree char *path = log_pdf ("register-empty");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PdfInfo info;

  g_assert_true (bb_form_pdf_write_register (path, form, &error));
  g_assert_no_error (error);
  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, 1);
  assert_page_size (&info, 841.89, 595.28);

  text = pdf_text (path, 1);
  assert_contains (text, "“XXXX为民服务队”帮办代办服务事项登记表");
  for (guint i = 0; i < G_N_ELEMENTS (register_titles); i++)
    assert_contains (text, register_titles[i]);
  assert_contains (text, "第 1 页 共 1 页");
}

/* The query's rows as the register words them. */
static void
test_register_add_case (void)
{
  g_autoptr(BbFormRegister) form = bb_form_register_new ("雁塔区为民服务队", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) applied = g_date_time_new (tz, 2026, 3, 2, 9, 30, 0);
  BbRegisterRow row = {
    .sequence = 7,
    .number = (char *) "BB-2026-000007",
    .state = (char *) "handling",
    .matter = (char *) "医保异地就医备案",
    .reason = (char *) "老年人",
    .mode = (char *) "home",
    .applied_at = g_date_time_to_unix (applied) * G_USEC_PER_SEC,
    .applicant = (char *) "周桂兰",
    .evaluation = 4,
    .evaluation_comment = (char *) "上门及时",
    .remark = (char *) "预约上门",
  };
  const char * const *cells;

  bb_form_register_add_case (form, &row, tz);
  row.sequence = 8;
  row.result = (char *) "准予备案";
  row.evaluation = 0;
  row.mode = (char *) "hall";
  bb_form_register_add_case (form, &row, tz);

  cells = bb_form_register_get_row (form, 0);
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_SEQUENCE], ==, "7");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_MATTER], ==, "医保异地就医备案");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_REASON], ==, "老年人");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_MODE], ==, "上门服务");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_TIME], ==, "2026-03-02 09:30");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_RESULT], ==, "办理中");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_APPLICANT], ==, "周桂兰");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_EVALUATION], ==, "满意：上门及时");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_REMARK], ==, "预约上门");

  cells = bb_form_register_get_row (form, 1);
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_SEQUENCE], ==, "8");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_MODE], ==, "大厅服务");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_RESULT], ==, "准予备案");
  g_assert_cmpstr (cells[BB_REGISTER_COLUMN_EVALUATION], ==, "");
}

/* Tests: the register as CSV and XLSX */

static void
test_register_csv (void)
{
  g_autoptr(BbFormRegister) form = bb_form_register_new (NULL, NULL);
  const char *row1[] = { "1", "企业开办登记", "不熟悉流程", "大厅服务", "2026-03-02 09:30",
                         "已办结", "王小明", "满意", "无" };
  const char *row2[] = { "2", "含,逗号", "他说\"尽快\"", "窗口服务", "2026-03-03 10:00", "办理中",
                         "李四", "", "第一行\n第二行" };
  const char *row3[] = { "3", "=HYPERLINK(\"http://x\")", "+1", "-", "@SUM(A1)", "", "", "", "" };
  g_autofree char *csv = NULL;
  g_autofree char *path = bb_test_log_path ("print-register.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  bb_form_register_add_row (form, row1);
  bb_form_register_add_row (form, row2);
  bb_form_register_add_row (form, row3);
  csv = bb_form_register_to_csv (form, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF"
                   "序号,事项名称,受理理由,办理方式,办理时间,办理结果,申请人,评价,备注\r\n"
                   "1,企业开办登记,不熟悉流程,大厅服务,2026-03-02 09:30,已办结,王小明,满意,无\r\n"
                   "2,\"含,逗号\",\"他说\"\"尽快\"\"\",窗口服务,2026-03-03 10:00,办理中,李四,,"
                   "\"第一行\n第二行\"\r\n"
                   "3,\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\",\"'-\",\"'@SUM(A1)\",,,,\r\n");

  g_assert_true (bb_form_register_write_csv (form, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, csv);
}

static void
test_register_xlsx (void)
{
  g_autoptr(BbFormRegister) form = register_fixture (30);
  g_autofree char *path = bb_test_log_path ("print-register.xlsx");
  g_autofree char *contents = NULL;
  g_autofree char *unzip = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (bb_form_register_write_xlsx (form, path, &error));
  g_assert_no_error (error);

  /* A ZIP container holding one worksheet. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);

  unzip = g_find_program_in_path ("unzip");
  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed: the sheet's contents are not checked");
      return;
    }
  else
    {
      const char *sheet_argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
      const char *strings_argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };
      const char *list_argv[] = { "unzip", "-Z1", path, NULL };
      g_autofree char *sheet = run_tool (sheet_argv);
      g_autofree char *strings = run_tool (strings_argv);
      g_autofree char *list = run_tool (list_argv);

      /* One sheet; the header row frozen; nine columns with widths set. */
      g_assert_null (strstr (list, "sheet2.xml"));
      g_assert_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" "
                                       "activePane=\"bottomLeft\" state=\"frozen\"/>"));
      g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:I31\"/>"));
      g_assert_cmpuint (count_occurrences (sheet, "customWidth=\"1\""), ==, 9);
      /* 序号 as numbers, the rest as text. */
      g_assert_nonnull (strstr (sheet, "<c r=\"A31\" s=\"2\"><v>30</v></c>"));
      for (guint i = 0; i < G_N_ELEMENTS (register_titles); i++)
        g_assert_nonnull (strstr (strings, register_titles[i]));
      g_assert_nonnull (strstr (strings, "申请人30"));
      g_assert_nonnull (strstr (strings, "〔30〕"));
    }
}

static void
test_write_errors (void)
{
  BbSlipData data = slip_fixture ();
  g_autoptr(BbFormRegister) form = register_fixture (2);
  g_autoptr(GError) error = NULL;
  const char *missing = "/nonexistent-folder/slip.pdf";

  g_assert_false (bb_form_pdf_write_slip (missing, &data, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (bb_form_pdf_write_register ("/nonexistent-folder/r.pdf", form, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (bb_form_register_write_csv (form, "/nonexistent-folder/r.csv", &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (bb_form_register_write_xlsx (form, "/nonexistent-folder/r.xlsx", &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_FAILED);
}

static void
test_wording (void)
{
  g_autofree char *title = bb_form_title ("  雁塔区为民服务队 ", "交接证明");
  g_autofree char *placeholder = bb_form_title (NULL, "交接证明");
  g_autofree char *date = bb_form_date_text ("2026-12-31");
  g_autofree char *blank = bb_form_date_text ("2026-02-30");
  g_autofree char *requirement = bb_form_material_requirement ("original_and_copy", 2);
  g_autofree char *electronic = bb_form_material_requirement ("electronic", 1);
  g_autofree char *limit = bb_form_limit_text (5, "2026-03-09");
  g_autofree char *limit_only = bb_form_limit_text (5, NULL);
  g_autofree char *no_limit = bb_form_limit_text (0, "2026-03-09");

  g_assert_cmpstr (title, ==, "“雁塔区为民服务队”交接证明");
  g_assert_cmpstr (placeholder, ==, "“XXXX为民服务队”交接证明");
  g_assert_cmpstr (date, ==, "2026年12月31日");
  g_assert_cmpstr (blank, ==, "    年    月    日");
  g_assert_cmpstr (bb_form_hotline_text (""), ==, "XXXXXXX");
  g_assert_cmpstr (bb_form_mode_text ("window"), ==, "窗口服务");
  g_assert_cmpstr (bb_form_state_text ("refused"), ==, "不予受理");
  g_assert_cmpstr (bb_form_satisfaction_text (1), ==, "非常不满意");
  g_assert_cmpstr (bb_form_satisfaction_text (0), ==, "");
  g_assert_cmpstr (requirement, ==, "原件及复印件 2份");
  g_assert_cmpstr (electronic, ==, "电子版");
  g_assert_cmpstr (limit, ==, "5个工作日（2026年3月9日前）");
  g_assert_cmpstr (limit_only, ==, "5个工作日");
  g_assert_cmpstr (no_limit, ==, "");
}

/* Tests: the complaint record */

static BbComplaintStep *
complaint_step (BbComplaintState  state,
                gint64            at,
                const char       *name,
                const char       *number,
                const char       *body,
                const char       *due_date,
                gboolean          on_time)
{
  BbComplaintStep *step = g_new0 (BbComplaintStep, 1);

  step->due_date = g_strdup (due_date);
  step->step = state;
  step->at = at;
  step->staff_name = g_strdup (name);
  step->staff_number = g_strdup (number);
  step->body = g_strdup (body);
  step->on_time = on_time;
  return step;
}

/* A complaint taken through all five steps, each after the intake with its
 * own deadline; the answer late. */
static BbComplaintDetail *
complaint_detail (const char *investigation)
{
  /* 2026-03-02 09:30 in Asia/Shanghai (TZ of the tests). */
  const gint64 received = G_GINT64_CONSTANT (1772415000) * G_USEC_PER_SEC;
  const gint64 day = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;
  BbComplaintDetail *detail = g_new0 (BbComplaintDetail, 1);
  BbComplaint *c = g_new0 (BbComplaint, 1);

  c->number = g_strdup ("TS2026000007");
  c->received_at = received;
  c->channel = g_strdup ("letter");
  c->complainant = g_strdup ("钱女士");
  c->contact = g_strdup ("雁塔区小寨东路1号");
  c->case_number = g_strdup ("DB2026000123");
  c->staff_number = g_strdup ("S002");
  c->staff_name = g_strdup ("李娜");
  c->content = g_strdup ("办理不动产转移登记时被要求重复提交材料。");
  c->state = BB_COMPLAINT_ARCHIVED;
  c->due_date = g_strdup ("2026-03-16");
  c->limit_days = 10;
  detail->complaint = c;
  detail->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_complaint_step_free);
  g_ptr_array_add (detail->steps, complaint_step (BB_COMPLAINT_RECEIVED, received, "张伟", "S001",
                                                  NULL, NULL, TRUE));
  g_ptr_array_add (detail->steps, complaint_step (BB_COMPLAINT_INVESTIGATING, received + day,
                                                  "刘经理", "M001", investigation, "2026-03-04",
                                                  TRUE));
  g_ptr_array_add (detail->steps, complaint_step (BB_COMPLAINT_HANDLED, received + 3 * day,
                                                  "刘经理", "M001", "退还重复材料，当事人书面检讨",
                                                  "2026-03-10", TRUE));
  g_ptr_array_add (detail->steps, complaint_step (BB_COMPLAINT_ANSWERED, received + 20 * day,
                                                  "刘经理", "M001", "电话告知处理结果，投诉人表示认可",
                                                  "2026-03-11", FALSE));
  g_ptr_array_add (detail->steps, complaint_step (BB_COMPLAINT_ARCHIVED, received + 21 * day,
                                                  "管理员", "A001", NULL, "2026-03-27", TRUE));
  return detail;
}

static const char *complaint_titles[] = {
  "环节", "时间", "经办人", "情况记录", "环节时限", "是否按时"
};

static void
test_complaint_record (void)
{
  g_autoptr(BbComplaintDetail) detail = complaint_detail ("调阅受理记录，询问窗口人员");
  g_autofree char *path = log_pdf ("complaint");
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  PdfInfo info;

  g_assert_true (bb_form_complaint_write_pdf (detail, "雁塔区为民服务队", "029-88881234", path,
                                              &error));
  g_assert_no_error (error);
  info = pdf_info (path);
  g_assert_cmpuint (info.pages, ==, 1);
  assert_page_size (&info, 595.28, 841.89);

  text = pdf_text (path, 1);
  raw = pdf_raw_text (path, 1);
  assert_contains (text, "“雁塔区为民服务队”投诉处理记录表");
  assert_contains (text, "编号：TS2026000007");
  /* The intake */
  assert_contains (text, "受理时间");
  assert_contains (text, "2026-03-02 09:30");
  assert_contains (text, "信函");
  assert_contains (text, "钱女士");
  assert_contains (text, "雁塔区小寨东路1号");
  assert_contains (text, "DB2026000123");
  assert_contains (text, "李娜（S002）");
  assert_contains (text, "2026-03-16 前");
  assert_contains (raw, "办理不动产转移登记时被要求重复提交材料。");
  /* Each step with its time, person, text and whether on time */
  assert_contains (text, "处理过程");
  for (guint i = 0; i < G_N_ELEMENTS (complaint_titles); i++)
    assert_contains (text, complaint_titles[i]);
  assert_contains (text, "张伟（S001）");
  assert_contains (text, "2026-03-03 09:30");
  assert_contains (raw, "调阅受理记录，询问窗口人员");
  assert_contains (text, "2026-03-05 09:30");
  assert_contains (raw, "退还重复材料，当事人书面检讨");
  assert_contains (text, "2026-03-22 09:30");
  assert_contains (raw, "电话告知处理结果，投诉人表示认可");
  assert_contains (text, "管理员（A001）");
  g_assert_cmpuint (count_occurrences (text, "刘经理（M001）"), ==, 3);
  /* Each step's own deadline; the intake has none (nor an on-time flag) */
  assert_contains (text, "2026-03-04");
  assert_contains (text, "2026-03-10");
  assert_contains (text, "2026-03-11");
  assert_contains (text, "2026-03-27");
  g_assert_cmpuint (count_occurrences (text, "—"), ==, 2);
  /* Three steps on time and one late, besides the column's title 是否按时 */
  g_assert_cmpuint (count_occurrences (text, "是"), ==, 3 + 1);
  g_assert_cmpuint (count_occurrences (text, "否"), ==, 1 + 1);
  /* An archived complaint has no next step */
  g_assert_null (strstr (text, "下一环节"));
  /* The foot */
  assert_contains (text, "投诉监督电话：029-88881234");
  assert_contains (text, "经办人（签字）：");
  assert_contains (text, "负责人（签字）：");
  assert_contains (text, "第 1 页，共 1 页");

  /* The page number sits 14 mm above the paper's edge, as the statistics
   * report's: its glyphs reach to 9.4 mm, well inside what printers print. */
  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 24.0);
}

/* A long investigation runs onto further pages, numbered of the total,
 * the signature lines at the end. */
static void
test_complaint_record_long (void)
{
  g_autofree char *long_text = repeat_text ("调取监控录像并逐一询问当班工作人员，核对受理记录。", 2400);
  g_autoptr(BbComplaintDetail) detail = complaint_detail (long_text);
  g_autofree char *path = log_pdf ("complaint-long");
  g_autofree char *last = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  PdfInfo info;

  g_assert_true (bb_form_complaint_write_pdf (detail, NULL, NULL, path, &error));
  g_assert_no_error (error);
  info = pdf_info (path);
  g_assert_cmpuint (info.pages, >=, 2);
  for (guint p = 1; p <= info.pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);
      g_autofree char *numbered = g_strdup_printf ("第 %u 页，共 %u 页", p, info.pages);

      assert_contains (text, numbered);
    }
  {
    g_autofree char *second = pdf_raw_text (path, 2);

    /* The long text has a page of its own, shrunk to fit inside it. */
    assert_contains (second, "调取监控录像并逐一询问当班工作人员");
  }
  last = pdf_text (path, info.pages);
  assert_contains (last, "经办人（签字）：");
  assert_contains (last, "负责人（签字）：");
  footer = pdf_text (path, 1);
  assert_contains (footer, "投诉处理记录表");
  g_assert_null (strstr (footer, "投诉监督电话"));

  words = pdf_words (path);
  assert_words_inside (words, 595.28, 841.89, 24.0);
}

int
main (int    argc,
      char **argv)
{
  /* Messages in UTF-8 (LC_ALL=C.UTF-8 in the tests' environment). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/print/wording", test_wording);
  g_test_add_func ("/bangban/print/slip/fields", test_slip_fields);
  g_test_add_func ("/bangban/print/slip/placeholders", test_slip_placeholders);
  g_test_add_func ("/bangban/print/slip/long-text", test_slip_long_text);
  g_test_add_func ("/bangban/print/qr/modules", test_qr_modules);
  g_test_add_func ("/bangban/print/notice/fields", test_notice);
  g_test_add_func ("/bangban/print/notice/many-materials", test_notice_many_materials);
  g_test_add_func ("/bangban/print/handover/fields", test_handover);
  g_test_add_func ("/bangban/print/register/pages", test_register_pages);
  g_test_add_func ("/bangban/print/register/long-text", test_register_long_text);
  g_test_add_func ("/bangban/print/register/empty", test_register_empty);
  g_test_add_func ("/bangban/print/register/add-case", test_register_add_case);
  g_test_add_func ("/bangban/print/register/csv", test_register_csv);
  g_test_add_func ("/bangban/print/register/xlsx", test_register_xlsx);
  g_test_add_func ("/bangban/print/complaint/fields", test_complaint_record);
  g_test_add_func ("/bangban/print/complaint/long", test_complaint_record_long);
  g_test_add_func ("/bangban/print/write-errors", test_write_errors);

  return g_test_run ();
}
