/* bb-password.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-password"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "bb-error.h"
#include "bb-password.h"

/* Staff passwords are stored as Argon2id hashes in libsodium's string
 * format ("$argon2id$v=19$m=…,t=…,p=1$salt$hash"), which carries its own
 * salt and parameters. A password is normalized to Unicode NFC first, so
 * that the same characters typed through different input methods are the
 * same password; the normalized copy is wiped after use.
 */

#define PASSWORD_MIN_CHARS 8
#define HASH_PREFIX        "$argon2id$"
#define OPSLIMIT           crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT           crypto_pwhash_MEMLIMIT_INTERACTIVE

static gboolean
ensure_sodium (void)
{
  static gsize initialized = 0;
  static gboolean usable = FALSE;

  if (g_once_init_enter (&initialized))
    {
      usable = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }

  return usable;
}

/* Returns %NULL if @password is not UTF-8. Free with free_secret(). */
static char *
normalize_secret (const char *password)
{
  if (!g_utf8_validate (password, -1, NULL))
    return NULL;

  return g_utf8_normalize (password, -1, G_NORMALIZE_NFC);
}

static void
free_secret (char *secret)
{
  if (secret == NULL)
    return;

  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

/* libsodium's functions take the hash as a char[crypto_pwhash_STRBYTES];
 * copy it into one so they never read past the end of a shorter string. */
static gboolean
copy_hash (const char *hash,
           char        buffer[crypto_pwhash_STRBYTES])
{
  gsize len = strnlen (hash, crypto_pwhash_STRBYTES);

  memset (buffer, 0, crypto_pwhash_STRBYTES);
  if (len >= crypto_pwhash_STRBYTES)
    return FALSE;

  memcpy (buffer, hash, len);

  return TRUE;
}

/**
 * bb_password_hash:
 * @password: the password (UTF-8)
 * @error: return location for an error
 *
 * Hashes a password with Argon2id (libsodium's interactive limits) and a
 * random salt, so two hashes of one password differ.
 *
 * Returns: (transfer full) (nullable): the hash string, starting
 *   "$argon2id$", or %NULL on error
 */
char *
bb_password_hash (const char  *password,
                  GError     **error)
{
  char out[crypto_pwhash_STRBYTES];
  char *secret;
  char *hash;
  int rc;

  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium ())
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("The cryptography library could not be started."));
      return NULL;
    }

  secret = normalize_secret (password);
  if (secret == NULL)
    {
      bb_set_field_error (error, _("Password"), _("is not valid text"));
      return NULL;
    }

  rc = crypto_pwhash_str_alg (out, secret, strlen (secret), OPSLIMIT, MEMLIMIT,
                              crypto_pwhash_ALG_ARGON2ID13);
  free_secret (secret);

  if (rc != 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("The password could not be hashed: not enough memory."));
      return NULL;
    }

  hash = g_strdup (out);
  sodium_memzero (out, sizeof out);

  return hash;
}

/**
 * bb_password_verify:
 * @hash: a hash from bb_password_hash()
 * @password: the password typed at sign-in
 *
 * Checks a password against a stored hash, in time that does not depend
 * on where they differ. A malformed hash verifies nothing.
 *
 * Returns: %TRUE if @password is the one @hash was made from
 */
gboolean
bb_password_verify (const char *hash,
                    const char *password)
{
  char stored[crypto_pwhash_STRBYTES];
  char *secret;
  gboolean match;

  g_return_val_if_fail (hash != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!ensure_sodium () || !copy_hash (hash, stored))
    return FALSE;

  secret = normalize_secret (password);
  if (secret == NULL)
    return FALSE;

  match = crypto_pwhash_str_verify (stored, secret, strlen (secret)) == 0;
  free_secret (secret);

  return match;
}

/**
 * bb_password_needs_rehash:
 * @hash: a stored hash
 *
 * Says whether a stored hash should be replaced by a new one at the next
 * successful sign-in: when it is not Argon2id, when its limits differ from
 * the current ones, or when it cannot be read.
 *
 * Returns: %TRUE if the hash should be redone
 */
gboolean
bb_password_needs_rehash (const char *hash)
{
  char stored[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (hash != NULL, TRUE);

  if (!ensure_sodium () || !g_str_has_prefix (hash, HASH_PREFIX) || !copy_hash (hash, stored))
    return TRUE;

  return crypto_pwhash_str_needs_rehash (stored, OPSLIMIT, MEMLIMIT) != 0;
}

/**
 * bb_validate_password:
 * @password: a new password
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Checks a new password: at least 8 characters (Unicode characters, after
 * NFC normalization) and not only digits.
 *
 * Returns: %TRUE if the password is acceptable
 */
gboolean
bb_validate_password (const char  *password,
                      GError     **error)
{
  /* Translators: the field that holds a sign-in password */
  const char *label = _("Password");
  char *secret;
  gboolean only_digits = TRUE;
  glong n_chars;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  secret = normalize_secret (password);
  if (secret == NULL)
    {
      bb_set_field_error (error, label, _("is not valid text"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (secret, -1);
  for (const char *p = secret; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isdigit (g_utf8_get_char (p)))
        only_digits = FALSE;
    }
  free_secret (secret);

  if (n_chars < PASSWORD_MIN_CHARS)
    {
      bb_set_field_error (error, label,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "should have at least %u character",
                                       "should have at least %u characters",
                                       PASSWORD_MIN_CHARS),
                          PASSWORD_MIN_CHARS);
      return FALSE;
    }

  if (only_digits)
    {
      bb_set_field_error (error, label, _("cannot be only digits"));
      return FALSE;
    }

  return TRUE;
}
