/* bb-benchmark-charts.c — the charts' redraw, for `bangban --benchmark`
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue #6 asks for a chart's redraw in under 16 ms (one frame at 60 Hz).
 * The charts page is filled with statistics of a realistic size — twelve
 * months, 50 staff members, 100 matters, every client category, a dozen
 * departments, complaints in every state — and each of its charts is drawn
 * onto an image surface of a typical on-screen size through bb_chart_draw(),
 * the code the widget's snapshot runs (theme colours, hit areas, text). One
 * line per chart: the median of 101 draws after a few to warm up.
 */

#define G_LOG_DOMAIN "bb-benchmark"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bb-benchmark-charts.h"
#include "bb-case.h"
#include "bb-chart.h"
#include "bb-charts-page.h"
#include "bb-client-repo.h"
#include "bb-complaint-repo.h"

#define N_RUNS   101
#define N_WARMUP 5
#define WIDTH    480
#define HEIGHT   280

static const char *surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
static const char *given = "芳强敏静丽军磊洋勇艳杰娟涛明超秀霞平刚桂";

static BbStatsRow *
row_new (const char *key,
         const char *label,
         BbStatsUnit unit)
{
  BbStatsRow *row = g_new0 (BbStatsRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label);
  row->unit = unit;
  return row;
}

static BbStatsTable *
table_new (BbStats        *stats,
           BbStatsTableId  id)
{
  BbStatsTable *table = g_new0 (BbStatsTable, 1);

  table->id = id;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_stats_row_free);
  stats->tables[id] = table;
  return table;
}

/* Evaluations at each level, from a seed: mostly satisfied. */
static void
satisfaction_row (BbStatsRow *row,
                  GRand      *rand)
{
  static const int weights[] = { 1, 2, 6, 30, 61 };

  row->count = 0;
  for (guint i = 0; i < BB_STATS_N_PARTS; i++)
    {
      row->parts[i] = g_rand_int_range (rand, 0, weights[i] * 3 + 1);
      row->count += row->parts[i];
    }
  row->value = row->count > 0 ? (double) (row->parts[3] + row->parts[4]) / row->count : 0;
}

static char *
utf8_char (const char *text,
           guint       index)
{
  const char *at = g_utf8_offset_to_pointer (text, index % g_utf8_strlen (text, -1));

  return g_strndup (at, g_utf8_next_char (at) - at);
}

static BbStats *
realistic_stats (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  BbStats *stats = g_new0 (BbStats, 1);
  BbStatsTable *table;
  static const char *categories[] = {
    "key_enterprise", "talent", "special_care", "military", "inspection", "complaint", "other",
  };

  stats->from = g_strdup ("2025-01-01");
  stats->to = g_strdup ("2025-12-31");
  stats->utc_offset = 8 * 3600;
  stats->today = g_strdup ("2026-01-05");
  stats->team_name = g_strdup ("帮办代办服务区");

  table = table_new (stats, BB_STATS_SUMMARY);
  table = table_new (stats, BB_STATS_SATISFACTION);
  for (int level = BB_STATS_N_PARTS; level >= 1; level--)
    {
      g_autofree char *key = g_strdup_printf ("%d", level);
      BbStatsRow *row = row_new (key, bb_satisfaction_label (level), BB_STATS_UNIT_RATE);

      row->count = row->parts[level - 1] = g_rand_int_range (rand, 10, 4000);
      g_ptr_array_add (table->rows, row);
    }

  {
    BbStatsTable *months = table_new (stats, BB_STATS_SATISFACTION_BY_MONTH);
    BbStatsTable *on_time = table_new (stats, BB_STATS_ON_TIME_BY_MONTH);
    BbStatsTable *handling = table_new (stats, BB_STATS_HANDLING_TIME_BY_MONTH);
    BbStatsTable *complaints = table_new (stats, BB_STATS_COMPLAINTS_BY_MONTH);

    for (int m = 1; m <= 12; m++)
      {
        g_autofree char *key = g_strdup_printf ("2025-%02d", m);
        BbStatsRow *row = row_new (key, key, BB_STATS_UNIT_RATE);

        satisfaction_row (row, rand);
        g_ptr_array_add (months->rows, row);

        row = row_new (key, key, BB_STATS_UNIT_RATE);
        row->parts[0] = g_rand_int_range (rand, 500, 900);
        row->parts[1] = g_rand_int_range (rand, 0, 60);
        row->count = row->parts[0] + row->parts[1];
        row->value = (double) row->parts[0] / row->count;
        g_ptr_array_add (on_time->rows, row);

        row = row_new (key, key, BB_STATS_UNIT_DAYS);
        row->count = g_rand_int_range (rand, 500, 900);
        row->value = g_rand_double_range (rand, 1.5, 6.0);
        g_ptr_array_add (handling->rows, row);

        row = row_new (key, key, BB_STATS_UNIT_COUNT);
        for (guint s = 0; s < BB_N_COMPLAINT_STATES; s++)
          {
            row->parts[s] = g_rand_int_range (rand, 0, 8);
            row->count += row->parts[s];
          }
        row->value = row->count;
        g_ptr_array_add (complaints->rows, row);
      }
  }

  {
    BbStatsTable *by_staff = table_new (stats, BB_STATS_SATISFACTION_BY_STAFF);
    BbStatsTable *workload = table_new (stats, BB_STATS_WORKLOAD);

    for (guint i = 0; i < 50; i++)
      {
        g_autofree char *key = g_strdup_printf ("%u", i + 1);
        g_autofree char *surname = utf8_char (surnames, i);
        g_autofree char *name1 = utf8_char (given, i * 7);
        g_autofree char *name2 = utf8_char (given, i * 3 + 1);
        g_autofree char *label = g_strdup_printf ("%s%s%s (S%03u)", surname, name1,
                                                  i % 3 == 0 ? name2 : "", i + 1);
        BbStatsRow *row = row_new (key, label, BB_STATS_UNIT_RATE);

        satisfaction_row (row, rand);
        g_ptr_array_add (by_staff->rows, row);

        row = row_new (key, label, BB_STATS_UNIT_COUNT);
        row->parts[0] = g_rand_int_range (rand, 100, 300);
        row->parts[1] = g_rand_int_range (rand, 80, 250);
        row->parts[2] = g_rand_int_range (rand, 80, 240);
        row->parts[3] = g_rand_int_range (rand, 0, 30);
        row->parts[4] = g_rand_int_range (rand, 0, 5);
        row->count = row->parts[2];
        row->value = row->count;
        g_ptr_array_add (workload->rows, row);
      }
  }

  table = table_new (stats, BB_STATS_SATISFACTION_BY_MATTER);
  for (guint i = 0; i < 100; i++)
    {
      static const char *kinds[] = {
        "企业设立登记", "不动产转移登记", "社保卡补办", "医保异地备案", "公积金提取",
        "营业执照变更", "户籍迁移", "居住证办理", "税务登记", "食品经营许可",
      };
      g_autofree char *key = g_strdup_printf ("item:%u", i + 1);
      g_autofree char *label = g_strdup_printf ("%s（%u类）", kinds[i % G_N_ELEMENTS (kinds)],
                                                (guint) (i / G_N_ELEMENTS (kinds) + 1));
      BbStatsRow *row = row_new (key, label, BB_STATS_UNIT_RATE);

      satisfaction_row (row, rand);
      g_ptr_array_add (table->rows, row);
    }

  table = table_new (stats, BB_STATS_SATISFACTION_BY_CATEGORY);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      BbStatsRow *row = row_new (categories[i], bb_client_category_label (categories[i]),
                                 BB_STATS_UNIT_RATE);

      satisfaction_row (row, rand);
      g_ptr_array_add (table->rows, row);
    }

  table = table_new (stats, BB_STATS_SATISFACTION_BY_DEPARTMENT);
  for (guint i = 0; i < 12; i++)
    {
      static const char *departments[] = {
        "市场监督管理局", "自然资源局", "人力资源和社会保障局", "医疗保障局", "住房公积金中心",
        "公安局", "税务局", "民政局", "卫生健康委员会", "交通运输局", "住房和城乡建设局",
        "生态环境局",
      };
      BbStatsRow *row = row_new (departments[i], departments[i], BB_STATS_UNIT_RATE);

      satisfaction_row (row, rand);
      g_ptr_array_add (table->rows, row);
    }

  table = table_new (stats, BB_STATS_COMPLAINTS_BY_STATE);
  for (guint s = 0; s < BB_N_COMPLAINT_STATES; s++)
    {
      BbStatsRow *row = row_new (bb_complaint_state_to_string (s), bb_complaint_state_label (s),
                                 BB_STATS_UNIT_COUNT);

      row->count = row->parts[s] = g_rand_int_range (rand, 1, 40);
      row->value = row->count;
      g_ptr_array_add (table->rows, row);
    }
  return stats;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * bb_benchmark_charts_run:
 *
 * Prints the median redraw time of each chart of the charts page. Needs a
 * display (the charts draw with the theme's colours and fonts).
 */
void
bb_benchmark_charts_run (void)
{
  g_autoptr(BbStats) stats = realistic_stats ();
  GtkWidget *window = gtk_window_new ();
  BbChartsPage *page = bb_charts_page_new (NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  bb_charts_page_show_stats (page, stats);

  for (guint c = 0; c < bb_charts_page_get_n_charts (page); c++)
    {
      BbChart *chart = bb_charts_page_get_chart (page, c);
      double times[N_RUNS];
      g_autofree char *name = NULL;

      for (guint run = 0; run < N_WARMUP + N_RUNS; run++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 start;

          /* Each frame starts from a clear surface, as a snapshot does. */
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
          start = g_get_monotonic_time ();
          bb_chart_draw (chart, cr, WIDTH, HEIGHT);
          cairo_surface_flush (surface);
          if (run >= N_WARMUP)
            times[run - N_WARMUP] = (g_get_monotonic_time () - start) / 1000.0;
          cairo_destroy (cr);
        }
      qsort (times, N_RUNS, sizeof (double), compare_doubles);
      name = g_strdup_printf ("chart %02u redraw (%ux%u)", c + 1, WIDTH, HEIGHT);
      printf ("%-28s %9.2f ms  median of %d; %s\n", name, times[N_RUNS / 2], N_RUNS,
              bb_chart_get_title (chart));
      fflush (stdout);
    }

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
}
