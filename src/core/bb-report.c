/* bb-report.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics report (数据统计上报) for a month, a quarter or any range:
 * the tables of bb-stats as an Excel workbook (one sheet per table) or as
 * CSV (every table in turn, each under its title), with the PDF drawn by
 * src/print/bb-form-report.c from the same columns and cells. The report
 * goes to a supervising department, so it is in Chinese whatever the
 * language of the program, like the printed forms.
 *
 * A file appears only once complete: it is written beside its place under
 * a temporary name and renamed at the end, or removed on error or cancel.
 */

#define G_LOG_DOMAIN "bb-report"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-error.h"
#include "bb-report.h"

#define UNDEFINED "—"

/* Columns of each table. The level columns run from 非常满意 (part 4) down
 * to 非常不满意 (part 0), as the standard lists the levels. */
#define SATISFACTION_COLUMNS(first) \
  { first, BB_REPORT_SOURCE_LABEL, 0, 30 }, \
  { "评价数", BB_REPORT_SOURCE_COUNT, 0, 9 }, \
  { "非常满意", BB_REPORT_SOURCE_PART, 4, 9 }, \
  { "满意", BB_REPORT_SOURCE_PART, 3, 7 }, \
  { "基本满意", BB_REPORT_SOURCE_PART, 2, 9 }, \
  { "不满意", BB_REPORT_SOURCE_PART, 1, 7 }, \
  { "非常不满意", BB_REPORT_SOURCE_PART, 0, 11 }, \
  { "满意率", BB_REPORT_SOURCE_VALUE, 0, 9 }, \
  { "基本满意率", BB_REPORT_SOURCE_PART_SHARE, 2, 11 }

static const BbReportColumn summary_columns[] = {
  { "指标", BB_REPORT_SOURCE_LABEL, 0, 36 },
  { "数量", BB_REPORT_SOURCE_COUNT, 0, 10 },
  { "比率或数值", BB_REPORT_SOURCE_VALUE, 0, 12 },
};
static const BbReportColumn distribution_columns[] = {
  { "评价等级", BB_REPORT_SOURCE_LABEL, 0, 14 },
  { "评价数", BB_REPORT_SOURCE_COUNT, 0, 10 },
  { "占比", BB_REPORT_SOURCE_VALUE, 0, 10 },
};
static const BbReportColumn by_month_columns[] = { SATISFACTION_COLUMNS ("月份") };
static const BbReportColumn by_staff_columns[] = { SATISFACTION_COLUMNS ("服务人员") };
static const BbReportColumn by_matter_columns[] = { SATISFACTION_COLUMNS ("事项") };
static const BbReportColumn by_category_columns[] = { SATISFACTION_COLUMNS ("服务对象类别") };
static const BbReportColumn by_department_columns[] = { SATISFACTION_COLUMNS ("部门") };
static const BbReportColumn on_time_columns[] = {
  { "月份", BB_REPORT_SOURCE_LABEL, 0, 10 },
  { "有承诺期限的办结数", BB_REPORT_SOURCE_COUNT, 0, 18 },
  { "按时办结", BB_REPORT_SOURCE_PART, 0, 10 },
  { "超期办结", BB_REPORT_SOURCE_PART, 1, 10 },
  { "按时办结率", BB_REPORT_SOURCE_VALUE, 0, 11 },
};
static const BbReportColumn handling_columns[] = {
  { "月份", BB_REPORT_SOURCE_LABEL, 0, 10 },
  { "办结数", BB_REPORT_SOURCE_COUNT, 0, 10 },
  { "平均办理时长（工作日）", BB_REPORT_SOURCE_VALUE, 0, 22 },
};
static const BbReportColumn workload_columns[] = {
  { "服务人员", BB_REPORT_SOURCE_LABEL, 0, 24 },
  { "登记", BB_REPORT_SOURCE_PART, 0, 8 },
  { "受理", BB_REPORT_SOURCE_PART, 1, 8 },
  { "办结", BB_REPORT_SOURCE_PART, 2, 8 },
  { "在办（当前）", BB_REPORT_SOURCE_PART, 3, 12 },
  { "超期（当前）", BB_REPORT_SOURCE_PART, 4, 12 },
};
static const BbReportColumn complaints_month_columns[] = {
  { "月份", BB_REPORT_SOURCE_LABEL, 0, 10 },
  { "投诉数", BB_REPORT_SOURCE_COUNT, 0, 8 },
  { "受理", BB_REPORT_SOURCE_PART, BB_COMPLAINT_RECEIVED, 8 },
  { "调查", BB_REPORT_SOURCE_PART, BB_COMPLAINT_INVESTIGATING, 8 },
  { "处置", BB_REPORT_SOURCE_PART, BB_COMPLAINT_HANDLED, 8 },
  { "反馈", BB_REPORT_SOURCE_PART, BB_COMPLAINT_ANSWERED, 8 },
  { "归档", BB_REPORT_SOURCE_PART, BB_COMPLAINT_ARCHIVED, 8 },
};
static const BbReportColumn complaints_state_columns[] = {
  { "状态", BB_REPORT_SOURCE_LABEL, 0, 10 },
  { "投诉数", BB_REPORT_SOURCE_COUNT, 0, 10 },
};

static const struct
{
  const char           *title;
  const BbReportColumn *columns;
  guint                 n_columns;
} tables[BB_STATS_N_TABLES] = {
  { "总体情况", summary_columns, G_N_ELEMENTS (summary_columns) },
  { "满意度分布", distribution_columns, G_N_ELEMENTS (distribution_columns) },
  { "满意度（按月）", by_month_columns, G_N_ELEMENTS (by_month_columns) },
  { "满意度（按服务人员）", by_staff_columns, G_N_ELEMENTS (by_staff_columns) },
  { "满意度（按事项）", by_matter_columns, G_N_ELEMENTS (by_matter_columns) },
  { "满意度（按服务对象类别）", by_category_columns, G_N_ELEMENTS (by_category_columns) },
  { "满意度（按部门）", by_department_columns, G_N_ELEMENTS (by_department_columns) },
  { "按时办结（按月）", on_time_columns, G_N_ELEMENTS (on_time_columns) },
  { "办理时长（按月）", handling_columns, G_N_ELEMENTS (handling_columns) },
  { "工作量（按服务人员）", workload_columns, G_N_ELEMENTS (workload_columns) },
  { "投诉（按月）", complaints_month_columns, G_N_ELEMENTS (complaints_month_columns) },
  { "投诉（按状态）", complaints_state_columns, G_N_ELEMENTS (complaints_state_columns) },
};

static const struct
{
  const char *key;
  const char *label;
} summary_labels[] = {
  { BB_STATS_KEY_EVALUATIONS, "评价总数" },
  { BB_STATS_KEY_SATISFACTION_RATE, "满意率（非常满意、满意）" },
  { BB_STATS_KEY_BASIC_SATISFIED, "基本满意" },
  { BB_STATS_KEY_DISSATISFIED, "不满意、非常不满意" },
  { BB_STATS_KEY_REGISTERED, "登记件数" },
  { BB_STATS_KEY_ACCEPTED, "受理件数（代办）" },
  { BB_STATS_KEY_COMPLETED, "办结件数" },
  { BB_STATS_KEY_ON_TIME_RATE, "按时办结率" },
  { BB_STATS_KEY_HANDLING_DAYS, "平均办理时长（工作日）" },
  { BB_STATS_KEY_OPEN, "在办件数（当前）" },
  { BB_STATS_KEY_OVERDUE, "超期件数（当前）" },
  { BB_STATS_KEY_RECTIFICATIONS_OPENED, "整改：期内新增" },
  { BB_STATS_KEY_RECTIFICATIONS_CLOSED, "整改：期内新增已完成" },
  { BB_STATS_KEY_RECTIFICATIONS_OPEN, "整改：未完成（当前）" },
  { BB_STATS_KEY_RECTIFICATIONS_OVERDUE, "整改：超期（当前）" },
  { BB_STATS_KEY_COMPLAINTS, "投诉：期内受理" },
  { BB_STATS_KEY_COMPLAINTS_OPEN, "投诉：未反馈（当前）" },
  { BB_STATS_KEY_COMPLAINTS_OVERDUE, "投诉：超期未反馈（当前）" },
  { BB_STATS_KEY_COMPLAINTS_ON_TIME, "投诉：按时反馈" },
};

/* The five levels, 1 to 5. */
static const char *level_labels[] = {
  "非常不满意", "不满意", "基本满意", "满意", "非常满意",
};

/* Client categories as the standard's § 服务对象 names them. */
static const struct
{
  const char *code;
  const char *label;
} category_labels[] = {
  { "key_enterprise", "重点企业和重大项目" },
  { "talent", "高端技术人才（英才卡）" },
  { "special_care", "残疾人、老人、孕妇等" },
  { "military", "军人（绿色通道）" },
  { "inspection", "巡查检查、突发问题" },
  { "complaint", "投诉特事特办" },
  { "other", "其他" },
};

static const char *complaint_state_labels[BB_N_COMPLAINT_STATES] = {
  "受理", "调查", "处置", "反馈", "归档",
};

/* Labels and cells */

/**
 * bb_report_title:
 *
 * Returns: the report's title, 数据统计上报
 */
const char *
bb_report_title (void)
{
  return "数据统计上报";
}

/**
 * bb_report_period_text:
 *
 * Returns: (transfer full): the range as the report prints it
 */
char *
bb_report_period_text (const BbStats *stats)
{
  g_return_val_if_fail (stats != NULL, NULL);

  return g_strdup_printf ("%s 至 %s", stats->from, stats->to);
}

/**
 * bb_report_table_title:
 *
 * Returns: the table's title in Chinese; also its sheet's name
 */
const char *
bb_report_table_title (BbStatsTableId id)
{
  g_return_val_if_fail (id < BB_STATS_N_TABLES, NULL);

  return tables[id].title;
}

/**
 * bb_report_columns:
 * @n_columns: (out): how many
 *
 * Returns: (array length=n_columns): the table's columns
 */
const BbReportColumn *
bb_report_columns (BbStatsTableId  id,
                   guint          *n_columns)
{
  g_return_val_if_fail (id < BB_STATS_N_TABLES, NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = tables[id].n_columns;
  return tables[id].columns;
}

/**
 * bb_report_row_label:
 *
 * Returns: (transfer full): the row's label in Chinese: codes (levels,
 *   categories, states, the summary's figures) by the report's own words,
 *   names as they are
 */
char *
bb_report_row_label (BbStatsTableId    id,
                     const BbStatsRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  switch (id)
    {
    case BB_STATS_SUMMARY:
      for (guint i = 0; i < G_N_ELEMENTS (summary_labels); i++)
        {
          if (g_str_equal (row->key, summary_labels[i].key))
            return g_strdup (summary_labels[i].label);
        }
      break;

    case BB_STATS_SATISFACTION:
      {
        int level = atoi (row->key);

        if (level >= 1 && level <= (int) G_N_ELEMENTS (level_labels))
          return g_strdup (level_labels[level - 1]);
      }
      break;

    case BB_STATS_SATISFACTION_BY_CATEGORY:
      for (guint i = 0; i < G_N_ELEMENTS (category_labels); i++)
        {
          if (g_str_equal (row->key, category_labels[i].code))
            return g_strdup (category_labels[i].label);
        }
      break;

    case BB_STATS_SATISFACTION_BY_STAFF:
    case BB_STATS_WORKLOAD:
      if (*row->key == '\0')
        return g_strdup ("未指定责任人");
      break;

    case BB_STATS_SATISFACTION_BY_DEPARTMENT:
      if (*row->key == '\0')
        return g_strdup ("目录外事项");
      break;

    case BB_STATS_COMPLAINTS_BY_STATE:
      {
        BbComplaintState state;

        if (bb_complaint_state_from_string (row->key, &state))
          return g_strdup (complaint_state_labels[state]);
      }
      break;

    case BB_STATS_SATISFACTION_BY_MONTH:
    case BB_STATS_SATISFACTION_BY_MATTER:
    case BB_STATS_ON_TIME_BY_MONTH:
    case BB_STATS_HANDLING_TIME_BY_MONTH:
    case BB_STATS_COMPLAINTS_BY_MONTH:
    case BB_STATS_N_TABLES:
    default:
      break;
    }

  return g_strdup (row->label);
}

/**
 * bb_report_cell_number:
 * @number: (out): the cell's number
 * @unit: (out): what it is: a count, a rate (0 to 1) or working days
 *
 * Returns: whether the cell holds a number; %FALSE for labels and for
 *   rates and averages of nothing
 */
gboolean
bb_report_cell_number (const BbStatsRow     *row,
                       const BbReportColumn *column,
                       double               *number,
                       BbStatsUnit          *unit)
{
  g_return_val_if_fail (row != NULL && column != NULL, FALSE);
  g_return_val_if_fail (number != NULL && unit != NULL, FALSE);

  switch (column->source)
    {
    case BB_REPORT_SOURCE_COUNT:
      *number = (double) row->count;
      *unit = BB_STATS_UNIT_COUNT;
      return TRUE;

    case BB_REPORT_SOURCE_VALUE:
      if (row->unit == BB_STATS_UNIT_COUNT || isnan (row->value))
        return FALSE;
      *number = row->value;
      *unit = row->unit;
      return TRUE;

    case BB_REPORT_SOURCE_PART:
      g_return_val_if_fail (column->part >= 0 && column->part < BB_STATS_N_PARTS, FALSE);
      *number = (double) row->parts[column->part];
      *unit = BB_STATS_UNIT_COUNT;
      return TRUE;

    case BB_REPORT_SOURCE_PART_SHARE:
      g_return_val_if_fail (column->part >= 0 && column->part < BB_STATS_N_PARTS, FALSE);
      if (row->count <= 0)
        return FALSE;
      *number = (double) row->parts[column->part] / (double) row->count;
      *unit = BB_STATS_UNIT_RATE;
      return TRUE;

    case BB_REPORT_SOURCE_LABEL:
    default:
      return FALSE;
    }
}

/**
 * bb_report_cell_text:
 *
 * Returns: (transfer full): the cell as the CSV and the PDF print it:
 *   `1234`, `66.7%`, `3.25`; “—” for a rate or average of nothing, and
 *   nothing for a count row's value
 */
char *
bb_report_cell_text (BbStatsTableId        id,
                     const BbStatsRow     *row,
                     const BbReportColumn *column)
{
  double number;
  BbStatsUnit unit;

  g_return_val_if_fail (row != NULL && column != NULL, NULL);

  if (column->source == BB_REPORT_SOURCE_LABEL)
    return bb_report_row_label (id, row);

  if (!bb_report_cell_number (row, column, &number, &unit))
    return g_strdup (column->source == BB_REPORT_SOURCE_VALUE && row->unit == BB_STATS_UNIT_COUNT
                     ? "" : UNDEFINED);

  switch (unit)
    {
    case BB_STATS_UNIT_RATE:
      return g_strdup_printf ("%.1f%%", number * 100.0);
    case BB_STATS_UNIT_DAYS:
      return g_strdup_printf ("%.2f", number);
    case BB_STATS_UNIT_COUNT:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) number);
    }
}

/**
 * bb_report_notes:
 *
 * Returns: (transfer full) (element-type utf8): the lines that say what
 *   the report covers and how its figures are counted, as label and text
 *   pairs (label, text, label, text…)
 */
GPtrArray *
bb_report_notes (const BbStats *stats)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int offset_minutes;

  g_return_val_if_fail (stats != NULL, NULL);

  offset_minutes = stats->utc_offset / 60;
  tz = g_time_zone_new_offset (stats->utc_offset);
  utc = g_date_time_new_from_unix_utc (stats->computed_at / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);

  g_ptr_array_add (notes, g_strdup ("报表名称"));
  g_ptr_array_add (notes, g_strdup (bb_report_title ()));
  g_ptr_array_add (notes, g_strdup ("填报单位"));
  g_ptr_array_add (notes, g_strdup (stats->team_name != NULL ? stats->team_name : ""));
  g_ptr_array_add (notes, g_strdup ("统计期间"));
  g_ptr_array_add (notes, bb_report_period_text (stats));
  g_ptr_array_add (notes, g_strdup ("时区"));
  g_ptr_array_add (notes, g_strdup_printf ("UTC%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                                           ABS (offset_minutes) / 60, ABS (offset_minutes) % 60));
  g_ptr_array_add (notes, g_strdup ("生成时间"));
  g_ptr_array_add (notes, g_date_time_format (local, "%Y-%m-%d %H:%M"));
  g_ptr_array_add (notes, g_strdup ("满意率"));
  g_ptr_array_add (notes, g_strdup ("（非常满意 + 满意）÷ 评价总数；基本满意单列，不计入满意"));
  g_ptr_array_add (notes, g_strdup ("按时办结率"));
  g_ptr_array_add (notes, g_strdup ("办结日不晚于承诺期限的件数 ÷ 有承诺期限的办结件数"));
  g_ptr_array_add (notes, g_strdup ("办理时长"));
  g_ptr_array_add (notes, g_strdup ("自受理日（帮办为登记日）次日起至办结日止的工作日数，"
                                    "按节假日和调休安排计算"));
  g_ptr_array_add (notes, g_strdup ("当前数"));
  g_ptr_array_add (notes, g_strdup_printf ("标明“当前”的数字为截至 %s 的情况", stats->today));
  return notes;
}

/* Files */

/**
 * bb_report_temp_path:
 *
 * Returns: (transfer full): where to write @path's contents before they
 *   are complete
 */
char *
bb_report_temp_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_strdup_printf ("%s.part", path);
}

/**
 * bb_report_finish_file:
 * @written: whether @temp_path was written completely
 *
 * Moves a complete file to its place, or removes an incomplete one.
 *
 * Returns: %TRUE when @path now holds the report
 */
gboolean
bb_report_finish_file (const char  *temp_path,
                       const char  *path,
                       gboolean     written,
                       GError     **error)
{
  g_return_val_if_fail (temp_path != NULL && path != NULL, FALSE);

  if (!written)
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("The report “%s” could not be saved: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
report_progress (guint            done,
                 guint            total,
                 BbProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  if (progress != NULL)
    progress ((double) done / (double) total, progress_data);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* XLSX */

/* The width a text takes in Excel's units: a Chinese character counts two. */
static double
display_width (const char *text)
{
  double width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.0 : 1.0;
  return width;
}

typedef struct
{
  lxw_format *header;
  lxw_format *text;
  lxw_format *count;
  lxw_format *rate;
  lxw_format *days;
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook,
            const char   *number_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_font_name (format, "宋体");
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  return format;
}

static gboolean
check_xlsx (lxw_error    result,
            const char  *path,
            GError     **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("The report “%s” could not be written: %s"),
               path, lxw_strerror (result));
  return FALSE;
}

static gboolean
write_notes_sheet (lxw_workbook   *workbook,
                   const Formats  *formats,
                   const BbStats  *stats,
                   const char     *path,
                   GError        **error)
{
  g_autoptr(GPtrArray) notes = bb_report_notes (stats);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "报表说明");
  double widths[2] = { display_width ("项目"), display_width ("内容") };

  if (sheet == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("The report “%s” could not be written: the sheet “%s” could not be added"),
                   path, "报表说明");
      return FALSE;
    }

  worksheet_write_string (sheet, 0, 0, "项目", formats->header);
  worksheet_write_string (sheet, 0, 1, "内容", formats->header);
  for (guint i = 0; i + 1 < notes->len; i += 2)
    {
      lxw_row_t row = (lxw_row_t) (i / 2 + 1);

      worksheet_write_string (sheet, row, 0, g_ptr_array_index (notes, i), formats->text);
      worksheet_write_string (sheet, row, 1, g_ptr_array_index (notes, i + 1), formats->text);
      widths[0] = MAX (widths[0], display_width (g_ptr_array_index (notes, i)));
      widths[1] = MAX (widths[1], display_width (g_ptr_array_index (notes, i + 1)));
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_column (sheet, 0, 0, MIN (widths[0] + 2, 60), NULL);
  worksheet_set_column (sheet, 1, 1, MIN (widths[1] + 2, 100), NULL);
  return TRUE;
}

static gboolean
write_table_sheet (lxw_workbook       *workbook,
                   const Formats      *formats,
                   const BbStatsTable *table,
                   const char         *path,
                   GError            **error)
{
  guint n_columns;
  const BbReportColumn *columns = bb_report_columns (table->id, &n_columns);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, bb_report_table_title (table->id));
  g_autofree double *widths = g_new0 (double, n_columns);

  if (sheet == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("The report “%s” could not be written: the sheet “%s” could not be added"),
                   path, bb_report_table_title (table->id));
      return FALSE;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_write_string (sheet, 0, (lxw_col_t) c, columns[c].title, formats->header);
      widths[c] = MAX (columns[c].width, display_width (columns[c].title));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const BbStatsRow *row = g_ptr_array_index (table->rows, r);
      lxw_row_t sheet_row = (lxw_row_t) (r + 1);

      for (guint c = 0; c < n_columns; c++)
        {
          double number;
          BbStatsUnit unit;
          lxw_error result;

          if (bb_report_cell_number (row, &columns[c], &number, &unit))
            {
              lxw_format *format = unit == BB_STATS_UNIT_RATE ? formats->rate
                                   : unit == BB_STATS_UNIT_DAYS ? formats->days
                                   : formats->count;

              result = worksheet_write_number (sheet, sheet_row, (lxw_col_t) c, number, format);
            }
          else
            {
              g_autofree char *text = bb_report_cell_text (table->id, row, &columns[c]);

              result = worksheet_write_string (sheet, sheet_row, (lxw_col_t) c, text,
                                               formats->text);
              widths[c] = MAX (widths[c], display_width (text));
            }
          if (!check_xlsx (result, path, error))
            return FALSE;
        }
    }

  worksheet_freeze_panes (sheet, 1, 0);
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, MIN (widths[c] + 2, 60), NULL);
  return TRUE;
}

/**
 * bb_report_write_xlsx:
 *
 * Writes an Excel workbook: a first sheet 报表说明 (title, team, period,
 * how the figures are counted), then one sheet per table, named by its
 * Chinese title, with a frozen header row and columns wide enough for
 * their contents. Counts, rates (formatted 0.0%) and working days
 * (0.00) are numbers, so that the sheets can be summed and charted.
 *
 * Returns: whether @path was written; see #BbReportWriter
 */
gboolean
bb_report_write_xlsx (const BbStats   *stats,
                      const char      *path,
                      BbProgressFunc   progress,
                      gpointer         progress_data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *subject = NULL;
  lxw_workbook *workbook;
  lxw_doc_properties properties = { 0 };
  Formats formats;
  gboolean ok = TRUE;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  temp_path = bb_report_temp_path (path);
  workbook = workbook_new (temp_path);
  if (workbook == NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("The report “%s” could not be written: %s"),
                   path, g_strerror (ENOMEM));
      return FALSE;
    }

  subject = bb_report_period_text (stats);
  properties.title = (char *) bb_report_title ();
  properties.subject = subject;
  properties.company = stats->team_name;
  properties.created = (time_t) (stats->computed_at / G_USEC_PER_SEC);
  workbook_set_properties (workbook, &properties);

  formats.header = new_format (workbook, NULL);
  format_set_bold (formats.header);
  format_set_bg_color (formats.header, 0xDDEBF7);
  format_set_align (formats.header, LXW_ALIGN_CENTER);
  format_set_align (formats.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (formats.header);
  formats.text = new_format (workbook, NULL);
  formats.count = new_format (workbook, "0");
  formats.rate = new_format (workbook, "0.0%");
  formats.days = new_format (workbook, "0.00");

  ok = write_notes_sheet (workbook, &formats, stats, path, error);
  for (guint t = 0; ok && t < BB_STATS_N_TABLES; t++)
    {
      ok = report_progress (t, BB_STATS_N_TABLES + 1, progress, progress_data, cancellable, error);
      if (ok && stats->tables[t] != NULL)
        ok = write_table_sheet (workbook, &formats, stats->tables[t], path, error);
    }

  /* Closing writes the file, and frees the workbook in any case. */
  if (ok)
    ok = check_xlsx (workbook_close (workbook), path, error);
  else
    workbook_close (workbook);

  if (!bb_report_finish_file (temp_path, path, ok, ok ? error : NULL))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* CSV */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0]) ||
      (*text != '\0' && g_ascii_isspace (text[strlen (text) - 1])))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static void
csv_end_line (GString *out)
{
  g_string_append (out, "\r\n");
}

/**
 * bb_report_write_csv:
 *
 * Writes every table in turn as CSV (RFC 4180, UTF-8 with a byte-order
 * mark so that Excel reads the Chinese, CRLF line ends): first the title,
 * the period and the team, then for each table a line with its title, its
 * header and its rows, and an empty line.
 *
 * Returns: whether @path was written; see #BbReportWriter
 */
gboolean
bb_report_write_csv (const BbStats   *stats,
                     const char      *path,
                     BbProgressFunc   progress,
                     gpointer         progress_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  notes = bb_report_notes (stats);
  csv_field (out, bb_report_title (), TRUE);
  csv_end_line (out);
  for (guint i = 0; i + 1 < notes->len; i += 2)
    {
      csv_field (out, g_ptr_array_index (notes, i), TRUE);
      csv_field (out, g_ptr_array_index (notes, i + 1), FALSE);
      csv_end_line (out);
    }
  csv_end_line (out);

  for (guint t = 0; t < BB_STATS_N_TABLES; t++)
    {
      const BbStatsTable *table = stats->tables[t];
      guint n_columns;
      const BbReportColumn *columns;

      if (!report_progress (t, BB_STATS_N_TABLES + 1, progress, progress_data, cancellable, error))
        return FALSE;
      if (table == NULL)
        continue;

      columns = bb_report_columns (t, &n_columns);
      csv_field (out, bb_report_table_title (t), TRUE);
      csv_end_line (out);
      for (guint c = 0; c < n_columns; c++)
        csv_field (out, columns[c].title, c == 0);
      csv_end_line (out);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const BbStatsRow *row = g_ptr_array_index (table->rows, r);

          for (guint c = 0; c < n_columns; c++)
            {
              g_autofree char *text = bb_report_cell_text (t, row, &columns[c]);

              csv_field (out, text, c == 0);
            }
          csv_end_line (out);
        }
      csv_end_line (out);
    }

  temp_path = bb_report_temp_path (path);
  ok = g_file_set_contents (temp_path, out->str, (gssize) out->len, &local_error);
  if (!ok)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("The report “%s” could not be written: %s"),
                   path, local_error->message);
      return FALSE;
    }
  if (!bb_report_finish_file (temp_path, path, TRUE, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* Computing and writing */

typedef struct
{
  BbProgressFunc progress;
  gpointer       progress_data;
  double         start;
  double         span;
} SubProgress;

static void
sub_progress_cb (double   fraction,
                 gpointer user_data)
{
  SubProgress *sub = user_data;

  if (sub->progress != NULL)
    sub->progress (sub->start + sub->span * fraction, sub->progress_data);
}

/**
 * bb_report_export:
 * @writer: the format: bb_report_write_xlsx(), bb_report_write_csv() or
 *   bb_form_report_write_pdf()
 * @progress: (nullable) (scope call): told how far it got, from 0 to 1
 * @cancellable: (nullable): stops between queries and tables; nothing is
 *   left behind
 *
 * Computes the statistics of the range (bb_stats_compute(): managers and
 * administrators only) and writes them to @path. Blocking: run it in a
 * worker thread, or use bb_report_export_async().
 *
 * Returns: whether the report was written
 */
gboolean
bb_report_export (BbDatabase      *db,
                  const BbActor   *actor,
                  const char      *from,
                  const char      *to,
                  BbReportWriter   writer,
                  const char      *path,
                  BbProgressFunc   progress,
                  gpointer         progress_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(BbStats) stats = NULL;
  SubProgress computing = { progress, progress_data, 0.0, 0.8 };
  SubProgress writing = { progress, progress_data, 0.8, 0.2 };

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  stats = bb_stats_compute (db, actor, from, to, sub_progress_cb, &computing, cancellable, error);
  if (stats == NULL)
    return FALSE;
  return writer (stats, path, sub_progress_cb, &writing, cancellable, error);
}

/* Progress from the worker, delivered in the caller's main context. Only
 * the latest fraction is kept, so a fast worker never floods the loop. */
typedef struct
{
  gatomicrefcount  ref;
  GMainContext    *context;
  BbProgressFunc   func;
  gpointer         data;
  GDestroyNotify   data_free;
  gint             permille;
  gint             scheduled;
} Relay;

static Relay *
relay_ref (Relay *relay)
{
  g_atomic_ref_count_inc (&relay->ref);
  return relay;
}

static void
relay_unref (gpointer data)
{
  Relay *relay = data;

  if (!g_atomic_ref_count_dec (&relay->ref))
    return;
  if (relay->data_free != NULL)
    relay->data_free (relay->data);
  g_main_context_unref (relay->context);
  g_free (relay);
}

static gboolean
relay_dispatch (gpointer data)
{
  Relay *relay = data;

  g_atomic_int_set (&relay->scheduled, 0);
  relay->func (g_atomic_int_get (&relay->permille) / 1000.0, relay->data);
  return G_SOURCE_REMOVE;
}

static void
relay_progress_cb (double   fraction,
                   gpointer user_data)
{
  Relay *relay = user_data;

  g_atomic_int_set (&relay->permille, (gint) (fraction * 1000.0 + 0.5));
  if (g_atomic_int_compare_and_exchange (&relay->scheduled, 0, 1))
    g_main_context_invoke_full (relay->context, G_PRIORITY_DEFAULT, relay_dispatch,
                                relay_ref (relay), relay_unref);
}

typedef struct
{
  BbActor        *actor;
  char           *from;
  char           *to;
  BbReportWriter  writer;
  char           *path;
  Relay          *relay;
} ExportData;

static void
export_data_free (ExportData *data)
{
  bb_actor_free (data->actor);
  g_free (data->from);
  g_free (data->to);
  g_free (data->path);
  if (data->relay != NULL)
    relay_unref (data->relay);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (bb_report_export (BB_DATABASE (source_object), data->actor, data->from, data->to,
                        data->writer, data->path,
                        data->relay != NULL ? relay_progress_cb : NULL, data->relay,
                        cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * bb_report_export_async:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the work advances (the latest fraction only)
 * @progress_data_free: (nullable): frees @progress_data once no more
 *   progress can come
 *
 * bb_report_export() in a worker thread, for a progress bar and a Cancel
 * button.
 */
void
bb_report_export_async (BbDatabase          *db,
                        const BbActor       *actor,
                        const char          *from,
                        const char          *to,
                        BbReportWriter       writer,
                        const char          *path,
                        BbProgressFunc       progress,
                        gpointer             progress_data,
                        GDestroyNotify       progress_data_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (BB_IS_DATABASE (db));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (writer != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->actor = bb_actor_copy (actor);
  data->from = g_strdup (from);
  data->to = g_strdup (to);
  data->writer = writer;
  data->path = g_strdup (path);
  if (progress != NULL)
    {
      data->relay = g_new0 (Relay, 1);
      g_atomic_ref_count_init (&data->relay->ref);
      data->relay->context = g_main_context_ref_thread_default ();
      data->relay->func = progress;
      data->relay->data = progress_data;
      data->relay->data_free = progress_data_free;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_report_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bb_report_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
