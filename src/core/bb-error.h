/* bb-error.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BB_ERROR (bb_error_quark ())

/**
 * BbError:
 * @BB_ERROR_INVALID: the input is invalid; the message names the field and why
 * @BB_ERROR_REFUSED: the workflow or the user's role does not allow it
 * @BB_ERROR_CONFLICT: someone else changed the record first
 * @BB_ERROR_UNAVAILABLE: the database cannot be reached or opened
 * @BB_ERROR_NEWER_SCHEMA: the database was written by a newer Bangban
 * @BB_ERROR_NOT_FOUND: no such record
 * @BB_ERROR_FAILED: anything else (the message says what)
 *
 * Errors a user can cause. bangban-cli maps them onto its exit statuses.
 */
typedef enum
{
  BB_ERROR_INVALID = 1,
  BB_ERROR_REFUSED,
  BB_ERROR_CONFLICT,
  BB_ERROR_UNAVAILABLE,
  BB_ERROR_NEWER_SCHEMA,
  BB_ERROR_NOT_FOUND,
  BB_ERROR_FAILED,
} BbError;

GQuark bb_error_quark (void);

void   bb_set_field_error (GError    **error,
                           const char *field,
                           const char *format,
                           ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
