/* bb-json-row.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bb-json-row.h"

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  return p;
}

/* Four hex digits at @p, or -1. */
static int
read_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* The string whose opening quote is at @p, unescaped, into @text.
 * Returns where it ends, or %NULL. */
static const char *
read_string (const char  *p,
             char       **text)
{
  const char *end = p + 1;
  GString *out;

  /* Most values have nothing escaped: copy them in one go. */
  while (*end != '"' && *end != '\\' && *end != '\0')
    end++;
  if (*end == '"')
    {
      *text = g_strndup (p + 1, end - (p + 1));
      return end + 1;
    }

  out = g_string_new_len (p + 1, end - (p + 1));
  for (p = end; *p != '"'; p++)
    {
      if (*p == '\0')
        goto malformed;
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case '"': case '\\': case '/': g_string_append_c (out, *p); break;
        case 'u':
          {
            int c = read_hex4 (p + 1);

            if (c < 0)
              goto malformed;
            p += 4;
            if (c >= 0xD800 && c < 0xDC00)
              {
                /* A surrogate pair: a character outside the BMP. */
                int low = p[1] == '\\' && p[2] == 'u' ? read_hex4 (p + 3) : -1;

                if (low >= 0xDC00 && low < 0xE000)
                  {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                  }
                else
                  c = 0xFFFD;
              }
            else if (c >= 0xDC00 && c < 0xE000)
              c = 0xFFFD;
            /* A NUL cannot be in a C string: it is left out. */
            if (c != 0)
              g_string_append_unichar (out, (gunichar) c);
          }
          break;
        default:
          goto malformed;
        }
    }
  *text = g_string_free (out, FALSE);
  return p + 1;

malformed:
  g_string_free (out, TRUE);
  return NULL;
}

/**
 * bb_json_read_value:
 * @p: where a value starts (whitespace first is skipped)
 * @text: (out): a string value, or %NULL for any other
 * @number: (inout): an integer value; left as it is for a string or null,
 *   so that it can hold the default the caller wants for null
 *
 * Reads one value as json_array() and json_build_array() write it: a
 * string, an integer or null. PostgreSQL writes whole numbers of numeric
 * columns as such; digits after a point are skipped.
 *
 * Returns: where the value ends, or %NULL when @p is not one
 */
const char *
bb_json_read_value (const char  *p,
                    char       **text,
                    gint64      *number)
{
  char *end = NULL;
  gint64 value;

  *text = NULL;
  p = skip_space (p);

  if (*p == '"')
    return read_string (p, text);
  if (strncmp (p, "null", 4) == 0)
    return p + 4;
  if (*p != '-' && !g_ascii_isdigit (*p))
    return NULL;

  value = g_ascii_strtoll (p, &end, 10);
  if (end == p)
    return NULL;
  while (g_ascii_isdigit (*end) || *end == '.')
    end++;
  *number = value;
  return end;
}

/**
 * bb_json_read_row:
 * @p: where an array of @n_values strings, integers and nulls starts
 * @texts: (out) (array length=n_values): its strings, %NULL for other values
 * @numbers: (inout) (array length=n_values): its integers, as
 *   bb_json_read_value() leaves them
 *
 * Reads a flat array such as `[1, "a", null]` with exactly @n_values values.
 * On failure the strings read so far are freed and @texts is all %NULL.
 *
 * Returns: where the array ends (after its `]`), or %NULL when @p is not
 *   such an array
 */
const char *
bb_json_read_row (const char  *p,
                  guint        n_values,
                  char       **texts,
                  gint64      *numbers)
{
  BbJsonArray row;
  guint n = 0;

  memset (texts, 0, n_values * sizeof *texts);
  if (bb_json_array_init (&row, p))
    while (bb_json_array_next (&row))
      {
        if (n == n_values)
          {
            row.p = NULL;
            break;
          }
        row.p = bb_json_read_value (row.p, &texts[n], &numbers[n]);
        n++;
      }

  if (row.p == NULL || n != n_values)
    {
      for (guint i = 0; i < n_values; i++)
        g_clear_pointer (&texts[i], g_free);
      return NULL;
    }
  return row.p;
}

/**
 * bb_json_array_init:
 * @p: where an array starts (whitespace first is skipped)
 *
 * Begins reading the array at @p: call bb_json_array_next() before each
 * element, read the element from @array->p and set @array->p to where it
 * ends (%NULL when it could not be read).
 *
 * Returns: %FALSE (and @array->p %NULL) when @p is not an array
 */
gboolean
bb_json_array_init (BbJsonArray *array,
                    const char  *p)
{
  array->n = 0;
  array->p = NULL;
  if (p == NULL)
    return FALSE;
  p = skip_space (p);
  if (*p != '[')
    return FALSE;
  array->p = p + 1;
  return TRUE;
}

/**
 * bb_json_array_next:
 *
 * Returns: %TRUE when another element starts at @array->p; %FALSE at the
 *   end of the array, with @array->p after its `]`, or when the text is
 *   malformed, with @array->p %NULL
 */
gboolean
bb_json_array_next (BbJsonArray *array)
{
  const char *p = array->p;

  if (p == NULL)
    return FALSE;
  p = skip_space (p);
  if (*p == ']')
    {
      array->p = p + 1;
      return FALSE;
    }
  if (array->n > 0)
    {
      if (*p != ',')
        {
          array->p = NULL;
          return FALSE;
        }
      p = skip_space (p + 1);
    }
  if (*p == '\0' || *p == ']' || *p == ',')
    {
      array->p = NULL;
      return FALSE;
    }
  array->p = p;
  array->n++;
  return TRUE;
}
