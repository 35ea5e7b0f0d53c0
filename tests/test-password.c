/* test-password.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-password"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "bb-error.h"
#include "bb-password.h"

static char *
hash_or_die (const char *password)
{
  g_autoptr(GError) error = NULL;
  char *hash = bb_password_hash (password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);

  return hash;
}

static void
test_password_hash_verify (void)
{
  g_autofree char *hash = hash_or_die ("correct horse battery staple");

  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$"));
  /* libsodium's interactive limits: 64 MiB, 2 passes */
  g_assert_nonnull (strstr (hash, "$m=65536,t=2,p=1$"));
  g_assert_cmpuint (strlen (hash), <, crypto_pwhash_STRBYTES);

  g_assert_true (bb_password_verify (hash, "correct horse battery staple"));
  g_assert_false (bb_password_verify (hash, "correct horse battery stapler"));
  g_assert_false (bb_password_verify (hash, "correct horse battery"));
  g_assert_false (bb_password_verify (hash, "Correct horse battery staple"));
  g_assert_false (bb_password_verify (hash, ""));
  g_assert_false (bb_password_needs_rehash (hash));
}

static void
test_password_salted (void)
{
  g_autofree char *first = hash_or_die ("办事不求人2026");
  g_autofree char *second = hash_or_die ("办事不求人2026");

  g_assert_cmpstr (first, !=, second);
  g_assert_true (bb_password_verify (first, "办事不求人2026"));
  g_assert_true (bb_password_verify (second, "办事不求人2026"));
  g_assert_false (bb_password_verify (first, "办事不求人2025"));
}

static void
test_password_unicode (void)
{
  /* “Pässwörd” with precomposed letters, and with combining diaereses */
  const char *composed = "P\xc3\xa4ssw\xc3\xb6rd";
  const char *decomposed = "Pa\xcc\x88sswo\xcc\x88rd";
  g_autofree char *hash = hash_or_die (composed);
  g_autofree char *hash2 = hash_or_die (decomposed);

  g_assert_cmpstr (composed, !=, decomposed);
  g_assert_true (bb_password_verify (hash, decomposed));
  g_assert_true (bb_password_verify (hash2, composed));
  g_assert_false (bb_password_verify (hash, "Passwoerd"));
  g_assert_false (bb_password_verify (hash, "P\xc3\xa4ssw\xc3"));
}

static void
test_password_malformed (void)
{
  g_autofree char *hash = hash_or_die ("a good password");
  g_autofree char *truncated = g_strndup (hash, strlen (hash) - 4);
  g_autofree char *overlong = g_strnfill (crypto_pwhash_STRBYTES + 10, 'a');
  g_autoptr(GError) error = NULL;

  g_assert_false (bb_password_verify (truncated, "a good password"));
  g_assert_false (bb_password_verify ("", "a good password"));
  g_assert_false (bb_password_verify ("a good password", "a good password"));
  g_assert_false (bb_password_verify (overlong, "a good password"));
  g_assert_true (bb_password_needs_rehash ("$argon2id$v=19$m=65536,t=2,p=1$"));
  g_assert_true (bb_password_needs_rehash ("$argon2id$v=19$m=lots,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA"));
  g_assert_true (bb_password_needs_rehash (""));
  g_assert_true (bb_password_needs_rehash (overlong));

  /* A password that is not text cannot be hashed. */
  g_assert_null (bb_password_hash ("bad \xff bytes", &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
}

static void
test_password_rehash (void)
{
  char stronger[crypto_pwhash_STRBYTES];
  char argon2i[crypto_pwhash_STRBYTES];

  g_assert_cmpint (sodium_init (), >=, 0);

  /* Argon2id with other limits verifies but should be redone. */
  g_assert_cmpint (crypto_pwhash_str_alg (stronger, "secret password", 15,
                                          crypto_pwhash_OPSLIMIT_INTERACTIVE + 1,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE,
                                          crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  g_assert_true (bb_password_verify (stronger, "secret password"));
  g_assert_true (bb_password_needs_rehash (stronger));

  /* So does an Argon2i hash. */
  g_assert_cmpint (crypto_pwhash_str_alg (argon2i, "secret password", 15,
                                          crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE,
                                          crypto_pwhash_ALG_ARGON2I13), ==, 0);
  g_assert_true (g_str_has_prefix (argon2i, "$argon2i$"));
  g_assert_true (bb_password_verify (argon2i, "secret password"));
  g_assert_false (bb_password_verify (argon2i, "secret passwore"));
  g_assert_true (bb_password_needs_rehash (argon2i));
}

static void
expect_password (const char *password,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bb_validate_password (password, &error);

  if (fragment == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Password: "));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

static void
test_password_validate (void)
{
  expect_password ("abcdefgh", NULL);
  expect_password ("1234567a", NULL);
  expect_password ("abcdefg", "at least 8 characters");
  expect_password ("", "at least 8 characters");
  expect_password ("12345678", "cannot be only digits");
  expect_password ("12345678901234567890", "cannot be only digits");
  /* full-width digits are digits too */
  expect_password ("１２３４５６７８", "cannot be only digits");

  /* Characters, not bytes: 8 Chinese characters are 24 bytes. */
  expect_password ("帮办代办服务台好", NULL);
  expect_password ("帮办代办服务台", "at least 8 characters");

  /* Counted after NFC: e + combining acute is one character. */
  expect_password ("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "abcd", NULL);
  expect_password ("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "abc", "at least 8 characters");

  expect_password ("abcdefgh\xff", "not valid text");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/password/hash-verify", test_password_hash_verify);
  g_test_add_func ("/bangban/password/salted", test_password_salted);
  g_test_add_func ("/bangban/password/unicode", test_password_unicode);
  g_test_add_func ("/bangban/password/malformed", test_password_malformed);
  g_test_add_func ("/bangban/password/rehash", test_password_rehash);
  g_test_add_func ("/bangban/password/validate", test_password_validate);

  return g_test_run ();
}
