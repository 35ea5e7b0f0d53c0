/* test-validate.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <string.h>

#include "bb-clock.h"
#include "bb-error.h"
#include "bb-validate.h"

/* The check characters are computed here from the standards' definitions,
 * not from tables shared with the code under test:
 *
 * GB 11643-1999 (ISO 7064 MOD 11-2): the digit in position i from the
 * right (the check digit is position 1) weighs 2^(i-1) mod 11, and the
 * check value is (12 - sum mod 11) mod 11, 10 written X.
 *
 * GB 32100-2015: character i from the left (i = 0 … 16) weighs
 * 3^i mod 31, and the check value is 31 - sum mod 31, 31 written 0.
 */

/* The value tested, as a test message: the invalid inputs include bytes
 * that are not UTF-8, which the TAP output must not carry. */
static void
message_value (const char *what,
               const char *value)
{
  g_autofree char *valid = value != NULL ? g_utf8_make_valid (value, -1) : NULL;

  g_test_message ("%s %s", what, valid != NULL ? valid : "(null)");
}

static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static char
reference_id_check (const char *first17)
{
  guint sum = 0;

  for (guint i = 0; i < 17; i++)
    {
      guint weight = 1;

      for (guint k = 0; k < 17 - i; k++)
        weight = weight * 2 % 11;
      sum += (guint) (first17[i] - '0') * weight;
    }

  sum = (12 - sum % 11) % 11;

  return sum == 10 ? 'X' : (char) ('0' + sum);
}

static char
reference_credit_check (const char *first17)
{
  guint sum = 0;
  guint weight = 1;

  for (guint i = 0; i < 17; i++)
    {
      sum += (guint) (strchr (credit_alphabet, first17[i]) - credit_alphabet) * weight;
      weight = weight * 3 % 31;
    }

  sum = 31 - sum % 31;

  return credit_alphabet[sum == 31 ? 0 : sum];
}

static char *
make_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, reference_id_check (first17));
}

static char *
make_credit_code (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, reference_credit_check (first17));
}

/* Asserts a BB_ERROR_INVALID error whose message contains @fragment. */
static void
assert_invalid (gboolean    ok,
                GError     *error,
                const char *fragment)
{
  g_assert_false (ok);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

static void
expect_id_error (const char *value,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bb_validate_id_number (value, &error);

  message_value ("ID number", value);
  assert_invalid (ok, error, fragment);
  g_assert_true (g_str_has_prefix (error->message, "ID number: "));
}

static void
expect_id_valid (const char *value)
{
  g_autoptr(GError) error = NULL;

  message_value ("ID number", value);
  g_assert_true (bb_validate_id_number (value, &error));
  g_assert_no_error (error);
}

static void
fix_today (const char *now)
{
  bb_clock_set_time_zone (NULL);
  g_setenv ("BANGBAN_NOW", now, TRUE);
}

/* ID numbers */

static void
test_id_published (void)
{
  /* The example of GB 11643-1999. */
  fix_today ("2026-03-01");
  expect_id_valid ("11010519491231002X");
  expect_id_valid ("11010519491231002x");
  g_assert_cmpint (bb_id_number_check_digit ("11010519491231002"), ==, 'X');
  g_assert_cmpint (reference_id_check ("11010519491231002"), ==, 'X');
  expect_id_error ("110105194912310021", "the check digit should be X");
}

static void
test_id_generated (void)
{
  const char *bases[] = {
    "610104199003071",  /* Xi'an */
    "440305200002291",  /* Shenzhen, born on a leap day */
    "650102198001011",
    "110101190001011",  /* born on the first day allowed */
    "540102202602281",
  };
  gboolean seen[11] = { FALSE };

  fix_today ("2026-03-01");

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      for (guint seq = 0; seq < 100; seq++)
        {
          g_autofree char *first17 = g_strdup_printf ("%s%02u", bases[b], seq);
          g_autofree char *id = make_id (first17);
          char check = id[17];

          g_assert_cmpint (bb_id_number_check_digit (first17), ==, check);
          expect_id_valid (id);
          seen[check == 'X' ? 10 : check - '0'] = TRUE;

          /* Every other check character is refused, naming the right one. */
          for (const char *c = "0123456789X"; *c != '\0'; c++)
            {
              g_autofree char *wrong = g_strdup_printf ("%s%c", first17, *c);
              g_autofree char *expected = g_strdup_printf ("should be %c", check);

              if (*c != check)
                expect_id_error (wrong, expected);
            }
        }
    }

  /* Every check value occurred, X included. */
  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    g_assert_true (seen[i]);
}

static void
test_id_corrupted (void)
{
  const char *valid[] = {
    "11010519491231002X",
    "610104199003071230",
    "830000199001010020",
  };

  fix_today ("2026-03-01");

  for (guint v = 0; v < G_N_ELEMENTS (valid); v++)
    {
      guint rejected = 0;

      expect_id_valid (valid[v]);

      for (guint pos = 0; pos < 18; pos++)
        {
          for (const char *c = "0123456789X"; *c != '\0'; c++)
            {
              g_autofree char *corrupt = g_strdup (valid[v]);
              g_autoptr(GError) error = NULL;

              if (*c == valid[v][pos] || (*c == 'X' && pos < 17))
                continue;

              corrupt[pos] = *c;
              g_assert_false (bb_validate_id_number (corrupt, &error));
              g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
              rejected++;
            }
        }

      /* 17 positions × 9 other digits, and 10 other check characters */
      g_assert_cmpuint (rejected, ==, 17 * 9 + 10);
    }
}

static void
test_id_reasons (void)
{
  fix_today ("2026-03-01");

  expect_id_error ("", "is empty");
  expect_id_error ("11010519491231002", "18 characters long, not 17");
  expect_id_error ("11010519491231002X1", "18 characters long, not 19");
  expect_id_error ("1101051949123100 X", "character 17");
  expect_id_error ("11010519491231002Y", "the last character (“Y”)");
  expect_id_error ("1101X519491231002X", "character 5 (“X”) should be a digit");
  /* 18 characters, one of them a full-width digit that is not ASCII */
  expect_id_error ("１1010519491231002X", "character 1 (“１”)");
  expect_id_error ("1101051949\xff" "231002X", "not valid text");

  /* Province: 99 is not one; the check digit is right so only it is wrong. */
  {
    g_autofree char *id = make_id ("99010519491231002");
    expect_id_error (id, "first two digits (99)");
  }

  /* Dates of birth */
  {
    g_autofree char *feb30 = make_id ("11010519490230002");
    g_autofree char *month13 = make_id ("11010519491331002");
    g_autofree char *day00 = make_id ("11010519491200002");
    g_autofree char *born1899 = make_id ("11010518991231002");

    expect_id_error (feb30, "digits 7 to 14 (19490230)");
    expect_id_error (month13, "(19491331) are not a real date");
    expect_id_error (day00, "(19491200) are not a real date");
    expect_id_error (born1899, "1899-12-31 is before 1900");
    /* A check-digit-correct example often published, born 1880 */
    expect_id_error ("440524188001010014", "1880-01-01 is before 1900");
  }
}

static void
test_id_leap_days (void)
{
  g_autofree char *y2000 = make_id ("11010120000229123");
  g_autofree char *y2024 = make_id ("11010120240229123");
  g_autofree char *y2023 = make_id ("11010120230229123");
  g_autofree char *y1900 = make_id ("11010119000229123");
  g_autofree char *y1904 = make_id ("11010119040229123");

  fix_today ("2026-03-01");

  expect_id_valid (y2000);
  expect_id_valid (y2024);
  expect_id_valid (y1904);
  expect_id_error (y2023, "not a real date");
  /* 1900 was not a leap year */
  expect_id_error (y1900, "not a real date");
}

static void
test_id_future (void)
{
  g_autofree char *born_today = make_id ("51010820260301001");
  g_autofree char *born_tomorrow = make_id ("51010820260302001");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  fix_today ("2026-03-01T12:00:00+08:00");
  expect_id_valid (born_today);
  expect_id_error (born_tomorrow, "2026-03-02 is in the future");

  /* 17:00 UTC is already 2 March in the time zone of record … */
  fix_today ("2026-03-01T17:00:00Z");
  expect_id_valid (born_tomorrow);

  /* … but not if the time zone of record is UTC. */
  bb_clock_set_time_zone (utc);
  expect_id_error (born_tomorrow, "in the future");
  bb_clock_set_time_zone (NULL);

  g_unsetenv ("BANGBAN_NOW");
}

static void
test_id_regions (void)
{
  const guint accepted[] = { 11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 83 };
  const guint refused[] = { 0, 10, 16, 20, 24, 30, 38, 40, 47, 49, 55, 60, 66, 70, 72, 80, 84, 91, 99 };

  fix_today ("2026-03-01");

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%02u010519900101001", accepted[i]);
      g_autofree char *id = make_id (first17);

      expect_id_valid (id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%02u010519900101001", refused[i]);
      g_autofree char *id = make_id (first17);

      expect_id_error (id, "not a province code");
    }
}

static void
test_id_normalize (void)
{
  const char *cases[][2] = {
    { "11010519491231002x", "11010519491231002X" },
    { " 110105 19491231 002x\n", "11010519491231002X" },
    { "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X" },
    { "110105\u300019491231002X", "11010519491231002X" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = bb_normalize_id_number (cases[i][0]);

      g_assert_cmpstr (normalized, ==, cases[i][1]);
    }
}

/* Credit codes */

static void
expect_credit_error (const char *value,
                     const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bb_validate_credit_code (value, &error);

  message_value ("credit code", value);
  assert_invalid (ok, error, fragment);
  g_assert_true (g_str_has_prefix (error->message, "Credit code: "));
}

static void
expect_credit_valid (const char *value)
{
  g_autoptr(GError) error = NULL;

  message_value ("credit code", value);
  g_assert_true (bb_validate_credit_code (value, &error));
  g_assert_no_error (error);
}

/* The example printed in GB 32100-2015, then codes of well-known companies
 * as publicly listed (their check characters, and the check digits of the
 * organization codes inside them, all agree). */
static const char *known_credit_codes[] = {
  "91350100M000100Y43",
  "91440300708461136T",
  "914403001922038216",
  "91110000802100433B",
  "91110108551385082Q",
  "9111000071093123XX",
};

static void
test_credit_known (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_credit_codes); i++)
    {
      const char *code = known_credit_codes[i];
      g_autofree char *lower = g_ascii_strdown (code, -1);

      expect_credit_valid (code);
      expect_credit_valid (lower);
      g_assert_cmpint (bb_credit_code_check_char (code), ==, code[17]);
      g_assert_cmpint (reference_credit_check (code), ==, code[17]);
    }

  expect_credit_error ("91350100M000100Y44", "the check character should be 3");
}

static void
test_credit_corrupted (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (known_credit_codes); v++)
    {
      const char *code = known_credit_codes[v];
      guint rejected = 0;

      for (guint pos = 0; pos < 18; pos++)
        {
          for (const char *c = credit_alphabet; *c != '\0'; c++)
            {
              g_autofree char *corrupt = g_strdup (code);
              g_autoptr(GError) error = NULL;

              if (*c == code[pos])
                continue;

              corrupt[pos] = *c;
              g_assert_false (bb_validate_credit_code (corrupt, &error));
              g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
              rejected++;
            }
        }

      g_assert_cmpuint (rejected, ==, 18 * 30);
    }
}

static void
test_credit_generated (void)
{
  const char *authorities = "123456789ANY";
  gboolean zero_seen = FALSE;
  guint32 state = 20260301;

  for (guint n = 0; n < 2000; n++)
    {
      char first17[18];
      g_autofree char *code = NULL;

      /* A fixed pseudo-random sequence (a linear congruential generator). */
      first17[0] = authorities[n % strlen (authorities)];
      for (guint i = 1; i < 17; i++)
        {
          state = state * 1103515245u + 12345u;
          if (i >= 2 && i < 8)
            first17[i] = '0' + (state >> 16) % 10;
          else
            first17[i] = credit_alphabet[(state >> 16) % 31];
        }
      first17[17] = '\0';

      code = make_credit_code (first17);
      g_assert_cmpint (bb_credit_code_check_char (first17), ==, code[17]);
      expect_credit_valid (code);

      /* 31 - 0 = 31 is written 0: make sure that case came up. */
      if (code[17] == '0')
        zero_seen = TRUE;
    }

  g_assert_true (zero_seen);
}

static void
test_credit_reasons (void)
{
  g_autofree char *authority_b = make_credit_code ("B1350100M000100Y4");
  g_autofree char *authority_0 = make_credit_code ("01350100M000100Y4");
  g_autofree char *region = make_credit_code ("913501A0M000100Y4");

  expect_credit_error ("", "is empty");
  expect_credit_error ("91350100M000100Y4", "18 characters long, not 17");
  expect_credit_error ("91350100I000100Y43", "character 9 (“I”) is never used");
  expect_credit_error ("91350100o000100Y43", "character 9 (“o”) is never used");
  expect_credit_error ("9135010SM000100Y43", "no I, O, Z, S or V");
  expect_credit_error ("91350100M0001-0Y43", "character 14 (“-”) should be a digit or a capital letter");
  expect_credit_error ("91350100M000100Y4码", "character 18 (“码”)");
  expect_credit_error (authority_b, "first character (B) is not a registration authority");
  expect_credit_error (authority_0, "first character (0)");
  expect_credit_error (region, "characters 3 to 8 (3501A0) should be a six-digit region code");

  /* Authorities other than 1, 5, 9 and Y exist (N: agriculture, A: military). */
  {
    g_autofree char *n = make_credit_code ("N2350100M000100Y4");
    g_autofree char *a = make_credit_code ("A1100000M000100Y4");

    expect_credit_valid (n);
    expect_credit_valid (a);
  }
}

static void
test_credit_normalize (void)
{
  g_autofree char *a = bb_normalize_credit_code (" 91350100m000100y43 ");
  g_autofree char *b = bb_normalize_credit_code ("９１３５０１００Ｍ０００１００Ｙ４３");
  g_autofree char *c = bb_normalize_credit_code ("9135 0100 M000 100Y 43");

  g_assert_cmpstr (a, ==, "91350100M000100Y43");
  g_assert_cmpstr (b, ==, "91350100M000100Y43");
  g_assert_cmpstr (c, ==, "91350100M000100Y43");
}

/* Phone numbers */

static void
test_phone_valid (void)
{
  const char *cases[][2] = {
    { "13812345678", "13812345678" },
    { "138 1234 5678", "13812345678" },
    { "138-1234-5678", "13812345678" },
    { "+86 138 1234 5678", "13812345678" },
    { "+8613812345678", "13812345678" },
    { "8613812345678", "13812345678" },
    { "86 13812345678", "13812345678" },
    { "0086 138 1234 5678", "13812345678" },
    { "１３８１２３４５６７８", "13812345678" },
    { "19912345678", "19912345678" },
    { " 16612345678 ", "16612345678" },
    { "029-88886666", "029-88886666" },
    { "02988886666", "029-88886666" },
    { "(029) 8888 6666", "029-88886666" },
    { "（029）88886666", "029-88886666" },
    { "010-65123456", "010-65123456" },
    { "0917-3212345", "0917-3212345" },
    { "09173212345", "0917-3212345" },
    { "0917 321 2345", "0917-3212345" },
    { "029-88886666-123", "029-88886666-123" },
    { "02988886666-123", "029-88886666-123" },
    { "029-8888-6666-123", "029-88886666-123" },
    { "029-88886666转123", "029-88886666-123" },
    { "029 8888 6666 ext. 12", "029-88886666-12" },
    { "+86 29 8888 6666", "029-88886666" },
    { "86-29-8888-6666", "029-88886666" },
    { "+86 (0)29 8888 6666", "029-88886666" },
    { "400-820-8820", "4008208820" },
    { "800 810 8888", "8008108888" },
    { "400-820-8820转2", "4008208820-2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      message_value ("phone", cases[i][0]);
      g_assert_true (bb_validate_phone (cases[i][0], &error));
      g_assert_no_error (error);

      normalized = bb_normalize_phone (cases[i][0]);
      g_assert_cmpstr (normalized, ==, cases[i][1]);

      /* The stored form is itself valid and stable. */
      g_assert_true (bb_validate_phone (normalized, NULL));
      {
        g_autofree char *again = bb_normalize_phone (normalized);
        g_assert_cmpstr (again, ==, normalized);
      }
    }
}

static void
test_phone_invalid (void)
{
  const char *cases[][2] = {
    { "", "is empty" },
    { "   ", "is empty" },
    { "1381234567", "should have 11 digits, not 10" },
    { "138123456789", "should have 11 digits, not 12" },
    { "12812345678", "should start with 13 to 19" },
    { "13812345678转1", "cannot have an extension" },
    { "+1 415 555 0100", "mainland China" },
    { "029-888866", "7 or 8 digits after the area code" },
    { "029-888866667", "7 or 8 digits after the area code" },
    { "029-08886666", "cannot start with 0 or 1" },
    { "00-88886666", "area code" },
    { "029-88886666转1234567", "extension should be 1 to 6 digits" },
    { "029-88886666转", "extension should be 1 to 6 digits" },
    { "400-820-882", "should have 10 digits, not 9" },
    { "88886666", "is not a mobile number" },
    { "138l2345678", "“l” is not allowed" },
    { "138.1234.5678", "“.” is not allowed" },
    { "138+12345678", "“+” is not allowed" },
    { "-- --", "has no digits" },
    { "\xff\xfe", "not valid text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = bb_validate_phone (cases[i][0], &error);

      message_value ("phone", cases[i][0]);
      assert_invalid (ok, error, cases[i][1]);
      g_assert_true (g_str_has_prefix (error->message, "Phone number: "));
    }

  /* What the user typed is not lost: an invalid value comes back trimmed. */
  {
    g_autofree char *kept = bb_normalize_phone ("  138-1234-567 ");
    g_assert_cmpstr (kept, ==, "138-1234-567");
  }
}

static void
test_phone_mask (void)
{
  const char *cases[][2] = {
    { "13812345678", "138****5678" },
    { "+86 138-1234-5678", "138****5678" },
    { "029-88886666-123", "029-****6666" },
    { "0917-3212345", "0917-***2345" },
    { "400-820-8820", "4008208820" },
    { "12345", "*2345" },
    { "abc", "***" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = bb_mask_phone (cases[i][0]);

      g_assert_cmpstr (masked, ==, cases[i][1]);
    }
}

/* E-mail */

static void
test_email (void)
{
  const char *valid[] = {
    "zhang.san@example.com",
    "a@b.cn",
    "user+tag@mail.example.org",
    "o'brien@example.ie",
    "first_last-1@sub-domain.example.com.cn",
    "张三@例子.中国",
  };
  const char *invalid[][2] = {
    { "", "is empty" },
    { "plain", "exactly one @" },
    { "a＠example.com", "exactly one @" },
    { "a@@example.com", "exactly one @" },
    { "a@b@example.com", "exactly one @" },
    { "@example.com", "before the @ is empty" },
    { "a@", "after the @ is empty" },
    { "a@localhost", "needs a dot" },
    { "a b@example.com", "spaces" },
    { "a@example.com ", "spaces" },
    { "a\t@example.com", "spaces" },
    { ".a@example.com", "start or end with a dot" },
    { "a.@example.com", "start or end with a dot" },
    { "a..b@example.com", "two dots in a row" },
    { "a@example..com", "two dots in a row" },
    { "a@.example.com", "two dots in a row" },
    { "a@example.com.", "two dots in a row" },
    { "a@-example.com", "hyphen" },
    { "a@example-.com", "hyphen" },
    { "a@1.2.3.4", "end in a name" },
    { "a,b@example.com", "“,” is not allowed" },
    { "<a@example.com>", "“<” is not allowed" },
    { "a@exa_mple.com", "“_” is not allowed" },
    { "a@example。com", "“。” is not allowed" },
    { "a\x01@example.com", "control characters" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      message_value ("email", valid[i]);
      g_assert_true (bb_validate_email (valid[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = bb_validate_email (invalid[i][0], &error);

      message_value ("email", invalid[i][0]);
      assert_invalid (ok, error, invalid[i][1]);
      g_assert_true (g_str_has_prefix (error->message, "Email: "));
    }
}

static void
test_email_lengths (void)
{
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *local64 = g_strnfill (64, 'a');
  g_autofree char *local65 = g_strnfill (65, 'a');
  g_autofree char *label63 = g_strnfill (63, 'b');
  g_autofree char *label64 = g_strnfill (64, 'b');
  g_autofree char *ok_local = g_strconcat (local64, "@example.com", NULL);
  g_autofree char *long_local = g_strconcat (local65, "@example.com", NULL);
  g_autofree char *ok_label = g_strconcat ("a@", label63, ".com", NULL);
  g_autofree char *long_label = g_strconcat ("a@", label64, ".com", NULL);

  g_assert_true (bb_validate_email (ok_local, NULL));
  g_assert_false (bb_validate_email (long_local, &error));
  assert_invalid (FALSE, error, "longer than 64 characters");
  g_clear_error (&error);

  g_assert_true (bb_validate_email (ok_label, NULL));
  g_assert_false (bb_validate_email (long_label, &error));
  assert_invalid (FALSE, error, "longer than 63 characters");
  g_clear_error (&error);

  /* 254 characters in all is the most: 64 + 1 + 63 + 1 + 63 + 1 + 57 + 4 */
  g_string_append_printf (address, "%s@%s.%s.", local64, label63, label63);
  g_string_append_len (address, label63, 57);
  g_string_append (address, ".com");
  g_assert_cmpuint (address->len, ==, 254);
  g_assert_true (bb_validate_email (address->str, &error));
  g_assert_no_error (error);

  g_string_insert_c (address, address->len - 4, 'b');
  g_assert_cmpuint (address->len, ==, 255);
  g_assert_false (bb_validate_email (address->str, &error));
  assert_invalid (FALSE, error, "longer than 254 characters");
}

/* Dates */

static void
test_date (void)
{
  const struct {
    const char *text;
    guint year, month, day;
  } valid[] = {
    { "2024-02-29", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "2026-12-31", 2026, 12, 31 },
    { "1900-01-01", 1900, 1, 1 },
  };
  const char *invalid[][2] = {
    { "2023-02-29", "2023-02-29 is not a real date" },
    { "1900-02-29", "not a real date" },
    { "2100-02-29", "not a real date" },
    { "2026-04-31", "not a real date" },
    { "2026-13-01", "not a real date" },
    { "2026-00-10", "not a real date" },
    { "2026-01-00", "not a real date" },
    { "0000-01-01", "not a real date" },
    { "2026-4-1", "YYYY-MM-DD" },
    { "2026/04/01", "YYYY-MM-DD" },
    { "2026-04-01 ", "YYYY-MM-DD" },
    { "2026-04-01T00:00", "YYYY-MM-DD" },
    { "26-04-01", "YYYY-MM-DD" },
    { "２０２６-04-01", "YYYY-MM-DD" },
    { "", "is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_true (bb_validate_date (valid[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, valid[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, valid[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, valid[i].day);
      g_assert_true (bb_validate_date (valid[i].text, NULL, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      ok = bb_validate_date (invalid[i][0], &date, &error);

      message_value ("date", invalid[i][0]);
      assert_invalid (ok, error, invalid[i][1]);
      g_assert_true (g_str_has_prefix (error->message, "Date: "));
      /* On error the output is cleared. */
      g_assert_false (g_date_valid (&date));
    }
}

/* Free text */

static void
expect_text (const char *value,
             gboolean    required,
             guint       max_chars,
             const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = bb_validate_text ("Name", value, required, max_chars, &error);

  if (fragment == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      assert_invalid (ok, error, fragment);
      g_assert_true (g_str_has_prefix (error->message, "Name: "));
    }
}

static void
test_text (void)
{
  /* 𠮷 is outside the BMP: four bytes, one character. */
  g_assert_cmpuint (strlen ("𠮷"), ==, 4);
  expect_text ("𠮷𠮷𠮷", TRUE, 3, NULL);
  expect_text ("𠮷𠮷𠮷", TRUE, 2, "at most 2 characters");
  expect_text ("张三", TRUE, 2, NULL);
  expect_text ("张三丰", TRUE, 2, "at most 2 characters");
  expect_text ("a", TRUE, 1, NULL);
  expect_text ("ab", TRUE, 1, "at most 1 character");
  expect_text ("a much longer text than any limit", FALSE, 0, NULL);

  expect_text ("", FALSE, 10, NULL);
  expect_text (NULL, FALSE, 10, NULL);
  expect_text ("", TRUE, 10, "is required");
  expect_text (NULL, TRUE, 10, "is required");
  expect_text ("   ", TRUE, 10, "is required");
  expect_text ("\u3000", TRUE, 10, "is required");
  expect_text ("\n\t ", TRUE, 10, "is required");
  expect_text ("\u200b", TRUE, 10, "is required");
  expect_text (" 张 ", TRUE, 10, NULL);

  expect_text ("line one\nline two\tand a tab", TRUE, 0, NULL);
  expect_text ("bell\a", FALSE, 0, "control character (U+0007)");
  expect_text ("carriage\rreturn", FALSE, 0, "control character (U+000D)");
  expect_text ("delete\x7f", FALSE, 0, "control character (U+007F)");
  expect_text ("next line\xc2\x85", FALSE, 0, "control character (U+0085)");
  expect_text ("bad \xe5\xbc", FALSE, 0, "not valid text");
  expect_text ("\xed\xa0\x80", FALSE, 0, "not valid text");
}

/* Masks */

static void
test_mask_id (void)
{
  const char *cases[][2] = {
    { "610104199003071230", "6101**********1230" },
    { "11010519491231002x", "1101**********002X" },
    { "91350100M000100Y43", "9135**********0Y43" },
    { "123456789", "1234*6789" },
    { "12345678", "********" },
    { "12345", "*****" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = bb_mask_id_number (cases[i][0]);

      g_assert_cmpstr (masked, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bangban/validate/id-number/published", test_id_published);
  g_test_add_func ("/bangban/validate/id-number/generated", test_id_generated);
  g_test_add_func ("/bangban/validate/id-number/corrupted", test_id_corrupted);
  g_test_add_func ("/bangban/validate/id-number/reasons", test_id_reasons);
  g_test_add_func ("/bangban/validate/id-number/leap-days", test_id_leap_days);
  g_test_add_func ("/bangban/validate/id-number/future", test_id_future);
  g_test_add_func ("/bangban/validate/id-number/regions", test_id_regions);
  g_test_add_func ("/bangban/validate/id-number/normalize", test_id_normalize);
  g_test_add_func ("/bangban/validate/credit-code/known", test_credit_known);
  g_test_add_func ("/bangban/validate/credit-code/corrupted", test_credit_corrupted);
  g_test_add_func ("/bangban/validate/credit-code/generated", test_credit_generated);
  g_test_add_func ("/bangban/validate/credit-code/reasons", test_credit_reasons);
  g_test_add_func ("/bangban/validate/credit-code/normalize", test_credit_normalize);
  g_test_add_func ("/bangban/validate/phone/valid", test_phone_valid);
  g_test_add_func ("/bangban/validate/phone/invalid", test_phone_invalid);
  g_test_add_func ("/bangban/validate/phone/mask", test_phone_mask);
  g_test_add_func ("/bangban/validate/email/addresses", test_email);
  g_test_add_func ("/bangban/validate/email/lengths", test_email_lengths);
  g_test_add_func ("/bangban/validate/date", test_date);
  g_test_add_func ("/bangban/validate/text", test_text);
  g_test_add_func ("/bangban/validate/mask-id-number", test_mask_id);

  return g_test_run ();
}
