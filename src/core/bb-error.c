/* bb-error.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-error.h"

G_DEFINE_QUARK (bb-error-quark, bb_error)

/**
 * bb_set_field_error:
 * @error: return location
 * @field: the field's label as the user sees it (already translated)
 * @format: the reason, printf-style (already translated)
 *
 * Sets a %BB_ERROR_INVALID error whose message names the field and the
 * reason, e.g. “ID number: the check digit is wrong”.
 */
void
bb_set_field_error (GError    **error,
                    const char *field,
                    const char *format,
                    ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (field != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a validation error: the field's name, then the reason */
  g_set_error (error, BB_ERROR, BB_ERROR_INVALID, _("%s: %s"), field, reason);
}
