/* bb-csv.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small RFC 4180 reader for the files administrators import (catalogue,
 * holidays): fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and "" for a quote. A
 * byte-order mark is skipped and blank lines are ignored. Every record
 * remembers the line it starts on, so that an error can name it.
 */

#define G_LOG_DOMAIN "bb-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-csv.h"
#include "bb-error.h"

void
bb_csv_row_free (BbCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

static void
finish_record (GPtrArray *rows,
               GPtrArray *fields,
               guint      line,
               gboolean   any_quoted)
{
  BbCsvRow *row;

  /* A blank line is one empty, unquoted field: skip it. */
  if (fields->len == 1 && !any_quoted && *(char *) g_ptr_array_index (fields, 0) == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  row = g_new0 (BbCsvRow, 1);
  row->line = line;
  row->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  row->fields = (char **) g_ptr_array_steal (fields, NULL);
  g_ptr_array_add (rows, row);
}

/**
 * bb_csv_parse:
 * @text: the whole file, UTF-8
 * @error: return location for a %BB_ERROR_INVALID error naming the line
 *
 * Returns: (transfer full) (element-type BbCsvRow): the records in order,
 *   the header row included, or %NULL when the text is not UTF-8 or a
 *   quoted field is malformed
 */
GPtrArray *
bb_csv_parse (const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_csv_row_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p;
  guint line = 1;
  guint record_line = 1;
  gboolean any_quoted = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BB_ERROR, BB_ERROR_INVALID,
                           _("The file is not UTF-8 text; save it as “CSV UTF-8”"));
      return NULL;
    }
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;

  p = text;
  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          guint quote_line = line;

          any_quoted = TRUE;
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                               _("Line %u: a quoted field is not closed"), quote_line);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                  continue;
                }
              if (*p == '"')
                {
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p);
              p++;
            }
          if (*p != ',' && *p != '\n' && *p != '\r' && *p != '\0')
            {
              g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                           _("Line %u: after a closing quote there must be a comma or the end "
                             "of the line"), line);
              return NULL;
            }
          continue;
        }

      if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
          continue;
        }

      if (*p == '\r' || *p == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          finish_record (rows, fields, record_line, any_quoted);
          any_quoted = FALSE;
          if (*p == '\r' && p[1] == '\n')
            p++;
          p++;
          line++;
          record_line = line;
          continue;
        }

      g_string_append_c (field, *p);
      p++;
    }

  if (field->len > 0 || fields->len > 0 || any_quoted)
    {
      g_ptr_array_add (fields, g_strdup (field->str));
      finish_record (rows, fields, record_line, any_quoted);
    }

  return g_steal_pointer (&rows);
}

/**
 * bb_csv_row_get:
 * @column: a column index, or -1
 *
 * Returns: (transfer none): the field, or "" when the row is shorter or
 *   @column is -1
 */
const char *
bb_csv_row_get (const BbCsvRow *row,
                int             column)
{
  g_return_val_if_fail (row != NULL, "");

  if (column < 0 || (guint) column >= row->n_fields)
    return "";
  return row->fields[column];
}

/**
 * bb_csv_header_find:
 * @header: the header row
 * @name: a column name (ASCII)
 *
 * Finds a column by name, ignoring case and surrounding white space.
 *
 * Returns: the column's index, or -1
 */
int
bb_csv_header_find (const BbCsvRow *header,
                    const char     *name)
{
  g_return_val_if_fail (header != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (header->fields[i]));

      if (g_ascii_strcasecmp (cell, name) == 0)
        return (int) i;
    }
  return -1;
}
