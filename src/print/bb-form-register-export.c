/* bb-form-register-export.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service register (table A.1) as a spreadsheet: the same columns as
 * the printed form, as CSV or as an Excel workbook (libxlsxwriter).
 */

#define G_LOG_DOMAIN "bb-form-register-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "bb-error.h"
#include "bb-form-register-export.h"

/* Column widths in the workbook, in Excel's character units. */
static const double xlsx_widths[BB_REGISTER_N_COLUMNS] = {
  6, 30, 28, 10, 17, 20, 12, 14, 40,
};

static void
append_csv_field (GString    *out,
                  const char *text)
{
  const char *p;

  if (text == NULL)
    text = "";

  /* A spreadsheet would run a cell that starts like a formula (=, +, -,
   * @) as one: a remark typed by a client must never become a live
   * formula on a manager's PC (CSV injection), so such a cell starts with
   * an apostrophe, which Excel shows as text. */
  if (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t'
      || text[0] == '\r')
    {
      g_string_append (out, "\"'");
      for (p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      return;
    }

  /* RFC 4180: a field holding a comma, a quote or a line break is quoted,
   * and its quotes doubled. */
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_record (GString            *out,
                   const char * const *cells)
{
  for (guint i = 0; i < BB_REGISTER_N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, cells[i]);
    }
  /* RFC 4180 ends every record with CRLF. */
  g_string_append (out, "\r\n");
}

/**
 * bb_form_register_to_csv:
 * @length: (out) (optional): the length in bytes
 *
 * The register as RFC 4180 CSV: a header record of the column titles, then
 * one record per row, CRLF line ends, fields quoted where they must be.
 *
 * The text is UTF-8 and starts with a byte order mark (EF BB BF): without
 * it Excel on Chinese Windows reads a CSV file in the ANSI code page
 * (GBK) and shows the Chinese text garbled; with it Excel, LibreOffice and
 * WPS all read UTF-8.
 *
 * Returns: (transfer full): the CSV text
 */
char *
bb_form_register_to_csv (BbFormRegister *form,
                         gsize          *length)
{
  GString *out;
  const char *titles[BB_REGISTER_N_COLUMNS];
  guint n_rows;

  g_return_val_if_fail (form != NULL, NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  for (guint i = 0; i < BB_REGISTER_N_COLUMNS; i++)
    titles[i] = bb_form_register_column_title (i);
  append_csv_record (out, titles);

  n_rows = bb_form_register_get_n_rows (form);
  for (guint row = 0; row < n_rows; row++)
    append_csv_record (out, bb_form_register_get_row (form, row));

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * bb_form_register_write_csv:
 *
 * Writes bb_form_register_to_csv() to @path (replacing it whole).
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_FAILED naming the file
 */
gboolean
bb_form_register_write_csv (BbFormRegister  *form,
                            const char      *path,
                            GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = bb_form_register_to_csv (form, &length);
  if (!g_file_set_contents (path, text, length, &local_error))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("Cannot write the CSV file: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * bb_form_register_write_xlsx:
 *
 * Writes the register to @path as an Excel workbook of one sheet: the
 * column titles in a frozen, filterable header row, one row per case
 * (序号 as a number, everything else as text — never a formula), wrapped
 * text and column widths to read it without resizing.
 *
 * Returns: %TRUE, or %FALSE with %BB_ERROR_FAILED naming the file
 */
gboolean
bb_form_register_write_xlsx (BbFormRegister  *form,
                             const char      *path,
                             GError         **error)
{
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header;
  lxw_format *body;
  lxw_doc_properties properties = { 0 };
  g_autofree char *title = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_error status;
  guint n_rows;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Find out first whether the file can be written at all: libxlsxwriter
   * would only say so on stderr, when the workbook is closed. */
  if (!g_file_set_contents (path, "", 0, &local_error))
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("Cannot write the Excel file: %s"),
                   local_error->message);
      return FALSE;
    }

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("Cannot write the Excel file “%s”"),
                   display);
      return FALSE;
    }

  title = bb_form_register_dup_title (form);
  properties.title = title;
  properties.author = (char *) "Bangban";
  workbook_set_properties (workbook, &properties);

  sheet = workbook_add_worksheet (workbook, "登记表");
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_align (header, LXW_ALIGN_CENTER);
  format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_bg_color (header, 0xF2F2F2);
  body = workbook_add_format (workbook);
  format_set_text_wrap (body);
  format_set_align (body, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (body, LXW_BORDER_THIN);

  for (guint i = 0; i < BB_REGISTER_N_COLUMNS; i++)
    {
      worksheet_set_column (sheet, i, i, xlsx_widths[i], NULL);
      worksheet_write_string (sheet, 0, i, bb_form_register_column_title (i), header);
    }

  n_rows = bb_form_register_get_n_rows (form);
  for (guint row = 0; row < n_rows; row++)
    {
      const char * const *cells = bb_form_register_get_row (form, row);
      guint64 sequence;

      if (g_ascii_string_to_unsigned (cells[BB_REGISTER_COLUMN_SEQUENCE], 10, 0, G_MAXUINT32,
                                      &sequence, NULL))
        worksheet_write_number (sheet, row + 1, BB_REGISTER_COLUMN_SEQUENCE, (double) sequence,
                                body);
      else
        worksheet_write_string (sheet, row + 1, BB_REGISTER_COLUMN_SEQUENCE,
                                cells[BB_REGISTER_COLUMN_SEQUENCE], body);
      for (guint i = BB_REGISTER_COLUMN_SEQUENCE + 1; i < BB_REGISTER_N_COLUMNS; i++)
        worksheet_write_string (sheet, row + 1, i, cells[i], body);
    }

  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, n_rows, BB_REGISTER_N_COLUMNS - 1);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BB_ERROR, BB_ERROR_FAILED, _("Cannot write the Excel file “%s”: %s"),
                   display, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}
