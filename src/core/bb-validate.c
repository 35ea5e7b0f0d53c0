/* bb-validate.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-validate"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-clock.h"
#include "bb-error.h"
#include "bb-validate.h"

/* Validators for what a person types into a form. Each one either accepts
 * the value or sets a %BB_ERROR_INVALID error that names the field and says
 * what is wrong, so that the form can show the reason beside the field.
 *
 * The validators judge the value as given; the bb_normalize_*() functions
 * turn what people commonly type (full-width digits from a Chinese input
 * method, spaces, a lowercase x, a +86 prefix) into the form that is stored,
 * and a form calls them before validating.
 */

#define ID_NUMBER_LENGTH   18
#define CREDIT_CODE_LENGTH 18
#define EMAIL_MAX_CHARS    254
#define EMAIL_LOCAL_MAX    64
#define DOMAIN_LABEL_MAX   63
#define EXTENSION_MAX      6

/* GB 11643-1999: ISO 7064 MOD 11-2 */
static const guint8 id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_map[] = "10X98765432";

/* Province-level codes of GB/T 2260 that begin a resident ID number: the 31
 * mainland provinces, 71 (Taiwan), and 81, 82, 83, which begin the numbers of
 * the residence permits of Hong Kong, Macao and Taiwan residents (2018), which
 * use the same check digit. */
static const guint8 province_codes[] = {
  11, 12, 13, 14, 15,
  21, 22, 23,
  31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54,
  61, 62, 63, 64, 65,
  71,
  81, 82, 83,
};

/* GB 32100-2015: the 31 characters a credit code uses, in value order. */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint8 credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* Registration authority codes (登记管理部门代码) assigned so far. */
static const char credit_authorities[] = "123456789ANY";

static char *
utf8_char_dup (const char *p)
{
  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* NFKC turns full-width digits and letters (１２３ＡＢＣ) into ASCII; then all
 * white space goes and ASCII letters are made capitals. */
static char *
normalize_code (const char *value)
{
  g_autofree char *folded = NULL;
  GString *out;

  if (!g_utf8_validate (value, -1, NULL))
    return g_strdup (value);

  folded = g_utf8_normalize (value, -1, G_NORMALIZE_NFKC);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;

      if (c < 0x80)
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Keeps the first @head and the last @tail characters and replaces every
 * other one with '*'; a value too short to keep anything is masked whole. */
static char *
mask_middle (const char *value,
             guint       head,
             guint       tail)
{
  GString *out;
  glong n_chars;
  glong i = 0;

  if (!g_utf8_validate (value, -1, NULL))
    return g_strdup ("****");

  n_chars = g_utf8_strlen (value, -1);
  out = g_string_sized_new (strlen (value));

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gboolean keep = n_chars > (glong) (head + tail) && (i < head || i >= n_chars - tail);

      if (keep)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_province_code (guint code)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    {
      if (province_codes[i] == code)
        return TRUE;
    }

  return FALSE;
}

static int
credit_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;

  p = strchr (credit_alphabet, g_ascii_toupper (c));
  if (p == NULL)
    return -1;

  return p - credit_alphabet;
}

static guint
digits_value (const char *p,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + g_ascii_digit_value (p[i]);

  return value;
}

/* Checks what every validator checks first: text, not empty, length. */
static gboolean
check_text_and_length (const char  *label,
                       const char  *value,
                       glong        length,
                       GError     **error)
{
  glong n_chars;

  if (!g_utf8_validate (value, -1, NULL))
    {
      bb_set_field_error (error, label, _("is not valid text"));
      return FALSE;
    }

  if (*value == '\0')
    {
      bb_set_field_error (error, label, _("is empty"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (value, -1);
  if (length > 0 && n_chars != length)
    {
      bb_set_field_error (error, label,
                          /* Translators: the first number is always 18 */
                          _("should be %u characters long, not %u"),
                          (guint) length, (guint) n_chars);
      return FALSE;
    }

  return TRUE;
}

/**
 * bb_id_number_check_digit:
 * @first17: the first 17 digits of a resident ID number
 *
 * Computes the check character of GB 11643-1999 (ISO 7064 MOD 11-2).
 *
 * Returns: '0'–'9' or 'X', or '\0' if @first17 does not start with 17 digits
 */
char
bb_id_number_check_digit (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += g_ascii_digit_value (first17[i]) * id_weights[i];
    }

  return id_check_map[sum % 11];
}

/**
 * bb_validate_id_number:
 * @value: a resident ID number (居民身份证号码)
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Checks a resident ID number as GB 11643-1999 defines it: 18 characters,
 * 17 digits and a check character (a digit or X; a lowercase x is accepted),
 * a province-level region code, a real date of birth between 1900 and today
 * (bb_clock_today()), and the MOD 11-2 check character.
 *
 * Returns: %TRUE if @value is a valid ID number
 */
gboolean
bb_validate_id_number (const char  *value,
                       GError     **error)
{
  /* Translators: the field that holds a resident identity card number (居民身份证号码) */
  const char *label = _("ID number");
  g_autofree char *birth_text = NULL;
  GDate birth, today;
  guint position = 1;
  guint year, month, day;
  char expected;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text_and_length (label, value, ID_NUMBER_LENGTH, error))
    return FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      g_autofree char *ch = NULL;

      if (g_ascii_isdigit (*p))
        continue;

      if (position == ID_NUMBER_LENGTH && (*p == 'X' || *p == 'x'))
        continue;

      ch = utf8_char_dup (p);
      if (position == ID_NUMBER_LENGTH)
        bb_set_field_error (error, label,
                            _("the last character (“%s”) should be a digit or X"), ch);
      else
        bb_set_field_error (error, label,
                            _("character %u (“%s”) should be a digit"), position, ch);
      return FALSE;
    }

  /* From here on the value is 18 ASCII characters. */

  if (!is_province_code (digits_value (value, 2)))
    {
      bb_set_field_error (error, label,
                          _("the first two digits (%.2s) are not a province code"), value);
      return FALSE;
    }

  year = digits_value (value + 6, 4);
  month = digits_value (value + 10, 2);
  day = digits_value (value + 12, 2);

  if (!g_date_valid_dmy (day, month, year))
    {
      bb_set_field_error (error, label,
                          /* Translators: digits 7 to 14 of an ID number are the date of birth */
                          _("digits 7 to 14 (%.8s) are not a real date of birth"), value + 6);
      return FALSE;
    }

  birth_text = g_strdup_printf ("%04u-%02u-%02u", year, month, day);

  if (year < 1900)
    {
      bb_set_field_error (error, label, _("the date of birth %s is before 1900"), birth_text);
      return FALSE;
    }

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  bb_clock_today (&today);

  if (g_date_compare (&birth, &today) > 0)
    {
      bb_set_field_error (error, label, _("the date of birth %s is in the future"), birth_text);
      return FALSE;
    }

  expected = bb_id_number_check_digit (value);
  if (g_ascii_toupper (value[17]) != expected)
    {
      bb_set_field_error (error, label, _("the check digit should be %c"), expected);
      return FALSE;
    }

  return TRUE;
}

/**
 * bb_normalize_id_number:
 * @value: an ID number as typed
 *
 * Turns full-width characters into ASCII, removes white space and makes a
 * final x a capital X. The result still needs bb_validate_id_number().
 *
 * Returns: (transfer full): the normalized ID number
 */
char *
bb_normalize_id_number (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return normalize_code (value);
}

/**
 * bb_credit_code_check_char:
 * @first17: the first 17 characters of a unified social credit code
 *
 * Computes the check character of GB 32100-2015: the weighted sum of the
 * 17 characters' values modulo 31, subtracted from 31.
 *
 * Returns: the check character, or '\0' if one of the first 17 characters
 *   is not in the code's alphabet
 */
char
bb_credit_code_check_char (const char *first17)
{
  guint sum = 0;
  guint check;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int v = credit_value (first17[i]);

      if (v < 0)
        return '\0';
      sum += (guint) v * credit_weights[i];
    }

  check = (31 - sum % 31) % 31;

  return credit_alphabet[check];
}

/**
 * bb_validate_credit_code:
 * @value: a unified social credit code (统一社会信用代码)
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Checks a unified social credit code as GB 32100-2015 defines it:
 * 18 characters from 0–9 and the capital letters except I, O, Z, S and V
 * (lowercase is accepted), a registration authority code (1–9, A, N or Y),
 * a six-digit region code in characters 3 to 8, and the check character.
 *
 * Returns: %TRUE if @value is a valid credit code
 */
gboolean
bb_validate_credit_code (const char  *value,
                         GError     **error)
{
  /* Translators: the field that holds a unified social credit code (统一社会信用代码) */
  const char *label = _("Credit code");
  guint position = 1;
  char expected;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text_and_length (label, value, CREDIT_CODE_LENGTH, error))
    return FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      g_autofree char *ch = NULL;

      if (credit_value (*p) >= 0)
        continue;

      ch = utf8_char_dup (p);
      if (strchr ("IOZSV", g_ascii_toupper (*p)) != NULL)
        bb_set_field_error (error, label,
                            _("character %u (“%s”) is never used: a credit code has no I, O, Z, S or V"),
                            position, ch);
      else
        bb_set_field_error (error, label,
                            _("character %u (“%s”) should be a digit or a capital letter"),
                            position, ch);
      return FALSE;
    }

  /* From here on the value is 18 ASCII characters of the alphabet. */

  if (strchr (credit_authorities, g_ascii_toupper (value[0])) == NULL)
    {
      bb_set_field_error (error, label,
                          _("the first character (%c) is not a registration authority code"),
                          value[0]);
      return FALSE;
    }

  for (guint i = 2; i < 8; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        {
          bb_set_field_error (error, label,
                              _("characters 3 to 8 (%.6s) should be a six-digit region code"),
                              value + 2);
          return FALSE;
        }
    }

  expected = bb_credit_code_check_char (value);
  if (g_ascii_toupper (value[17]) != expected)
    {
      bb_set_field_error (error, label, _("the check character should be %c"), expected);
      return FALSE;
    }

  return TRUE;
}

/**
 * bb_normalize_credit_code:
 * @value: a credit code as typed
 *
 * Turns full-width characters into ASCII, removes white space and makes
 * letters capitals. The result still needs bb_validate_credit_code().
 *
 * Returns: (transfer full): the normalized credit code
 */
char *
bb_normalize_credit_code (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return normalize_code (value);
}

/* Phone numbers */

typedef enum
{
  PHONE_MOBILE,
  PHONE_LANDLINE,
  PHONE_SERVICE,
} PhoneKind;

typedef struct
{
  PhoneKind kind;
  char     *area;       /* landline: "029", "0917" */
  char     *number;     /* mobile: 11 digits; landline: the local number; service: 10 digits */
  char     *extension;  /* or NULL */
} Phone;

static void
phone_clear (Phone *phone)
{
  g_clear_pointer (&phone->area, g_free);
  g_clear_pointer (&phone->number, g_free);
  g_clear_pointer (&phone->extension, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Phone, phone_clear)

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;

  for (; *s != '\0'; s++)
    {
      if (!g_ascii_isdigit (*s))
        return FALSE;
    }

  return TRUE;
}

/* Splits off an extension written with 转, "ext" or "#". */
static char *
split_extension (char *text)
{
  static const char * const markers[] = { "转", "ext.", "ext", "EXT.", "EXT", "Ext.", "Ext", "#" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      char *found = strstr (text, markers[i]);

      if (found != NULL)
        {
          char *extension = g_strdup (found + strlen (markers[i]));

          *found = '\0';
          return g_strstrip (extension);
        }
    }

  return NULL;
}

/* Strips a country code: +86, 0086, or 86 before a mobile number or before
 * a separate group. Returns %FALSE for another country's code. */
static gboolean
strip_country_code (GPtrArray *groups,
                    GString   *digits,
                    gboolean   plus,
                    gboolean  *international)
{
  char *first = g_ptr_array_index (groups, 0);
  gsize skip = 0;

  if (plus)
    {
      if (!g_str_has_prefix (first, "86"))
        return FALSE;
      skip = 2;
    }
  else if (g_str_has_prefix (first, "0086"))
    skip = 4;
  else if (strcmp (first, "86") == 0 && groups->len > 1)
    skip = 2;
  else if (g_str_has_prefix (first, "86") && digits->len == 13 && digits->str[2] == '1')
    skip = 2;

  *international = skip > 0;
  if (skip == 0)
    return TRUE;

  if (strlen (first) == skip)
    g_ptr_array_remove_index (groups, 0);
  else
    memmove (first, first + skip, strlen (first + skip) + 1);
  g_string_erase (digits, 0, skip);

  return TRUE;
}

/* Takes the last group of digits as the extension when the digits before
 * it make a number of @min to @max digits: 029-88886666-123. */
static void
split_last_group (GPtrArray  *groups,
                  GString    *number,
                  gsize       min,
                  gsize       max,
                  char      **extension)
{
  const char *last;
  gsize last_len;

  if (*extension != NULL || groups->len < 2 || number->len <= max)
    return;

  last = g_ptr_array_index (groups, groups->len - 1);
  last_len = strlen (last);

  if (last_len <= EXTENSION_MAX && last_len < number->len
      && number->len - last_len >= min && number->len - last_len <= max)
    {
      *extension = g_strdup (last);
      g_string_truncate (number, number->len - last_len);
    }
}

static gboolean
parse_landline (const char  *label,
                GPtrArray   *groups,
                GString     *digits,
                char       **extension,
                Phone       *phone,
                GError     **error)
{
  g_autoptr(GString) local = NULL;
  const char *first = g_ptr_array_index (groups, 0);
  gsize area_len;

  if (groups->len > 1 && (strlen (first) == 3 || strlen (first) == 4))
    {
      /* The area code as the person wrote it. */
      area_len = strlen (first);
    }
  else
    {
      /* 010 and 020–029 have three digits; all other area codes four. */
      area_len = (digits->str[1] == '1' || digits->str[1] == '2') ? 3 : 4;
    }

  if (digits->len <= area_len || digits->str[1] == '0')
    {
      bb_set_field_error (error, label, _("the area code should be 0 and 2 or 3 digits"));
      return FALSE;
    }

  local = g_string_new (digits->str + area_len);
  split_last_group (groups, local, 7, 8, extension);

  if (local->len < 7 || local->len > 8)
    {
      bb_set_field_error (error, label,
                          _("a landline number should have 7 or 8 digits after the area code"));
      return FALSE;
    }

  if (local->str[0] == '0' || local->str[0] == '1')
    {
      bb_set_field_error (error, label,
                          _("a landline number cannot start with 0 or 1 after the area code"));
      return FALSE;
    }

  phone->kind = PHONE_LANDLINE;
  phone->area = g_strndup (digits->str, area_len);
  phone->number = g_strdup (local->str);
  phone->extension = g_steal_pointer (extension);

  return TRUE;
}

static gboolean
parse_phone (const char  *value,
             Phone       *phone,
             GError     **error)
{
  /* Translators: the field that holds a telephone number */
  const char *label = _("Phone number");
  g_autofree char *folded = NULL;
  g_autofree char *extension = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) group = NULL;
  gboolean plus = FALSE;
  gboolean international = FALSE;

  g_assert (value != NULL);
  memset (phone, 0, sizeof *phone);

  if (!g_utf8_validate (value, -1, NULL))
    {
      bb_set_field_error (error, label, _("is not valid text"));
      return FALSE;
    }

  /* NFKC makes full-width digits, hyphens, brackets and spaces ASCII. */
  folded = g_utf8_normalize (value, -1, G_NORMALIZE_NFKC);
  g_strstrip (folded);

  if (*folded == '\0')
    {
      bb_set_field_error (error, label, _("is empty"));
      return FALSE;
    }

  extension = split_extension (folded);
  if (extension != NULL && (!all_digits (extension) || strlen (extension) > EXTENSION_MAX))
    {
      bb_set_field_error (error, label, _("the extension should be 1 to %u digits"), EXTENSION_MAX);
      return FALSE;
    }

  /* Groups of digits, separated by spaces, hyphens or brackets. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *ch = NULL;

      if (g_ascii_isdigit (*p))
        {
          if (group == NULL)
            group = g_string_new (NULL);
          g_string_append_c (group, *p);
          g_string_append_c (digits, *p);
          continue;
        }

      if (*p == '+' && p == folded)
        {
          plus = TRUE;
          continue;
        }

      if (*p == ' ' || *p == '-' || *p == '(' || *p == ')')
        {
          if (group != NULL)
            g_ptr_array_add (groups, g_string_free (g_steal_pointer (&group), FALSE));
          continue;
        }

      ch = utf8_char_dup (p);
      bb_set_field_error (error, label, _("“%s” is not allowed in a phone number"), ch);
      return FALSE;
    }

  if (group != NULL)
    g_ptr_array_add (groups, g_string_free (g_steal_pointer (&group), FALSE));

  if (groups->len == 0)
    {
      bb_set_field_error (error, label, _("has no digits"));
      return FALSE;
    }

  if (!strip_country_code (groups, digits, plus, &international))
    {
      bb_set_field_error (error, label, _("only numbers in mainland China (+86) are accepted"));
      return FALSE;
    }

  if (groups->len == 0)
    {
      bb_set_field_error (error, label, _("has no digits after the country code"));
      return FALSE;
    }

  /* A mobile number. */
  if (digits->str[0] == '1')
    {
      if (digits->len != 11)
        {
          bb_set_field_error (error, label, _("a mobile number should have 11 digits, not %u"),
                              (guint) digits->len);
          return FALSE;
        }
      if (digits->str[1] < '3')
        {
          bb_set_field_error (error, label, _("a mobile number should start with 13 to 19"));
          return FALSE;
        }
      if (extension != NULL)
        {
          bb_set_field_error (error, label, _("a mobile number cannot have an extension"));
          return FALSE;
        }

      phone->kind = PHONE_MOBILE;
      phone->number = g_strdup (digits->str);
      return TRUE;
    }

  /* A 400 or 800 service number. */
  if (g_str_has_prefix (digits->str, "400") || g_str_has_prefix (digits->str, "800"))
    {
      split_last_group (groups, digits, 10, 10, &extension);
      if (digits->len != 10)
        {
          bb_set_field_error (error, label, _("a 400 or 800 number should have 10 digits, not %u"),
                              (guint) digits->len);
          return FALSE;
        }

      phone->kind = PHONE_SERVICE;
      phone->number = g_strdup (digits->str);
      phone->extension = g_steal_pointer (&extension);
      return TRUE;
    }

  /* A landline written the international way drops the trunk prefix 0. */
  if (international && digits->str[0] != '0')
    {
      char *with_zero = g_strconcat ("0", g_ptr_array_index (groups, 0), NULL);

      g_free (g_ptr_array_index (groups, 0));
      g_ptr_array_index (groups, 0) = with_zero;
      g_string_prepend_c (digits, '0');
    }

  if (digits->str[0] != '0')
    {
      bb_set_field_error (error, label,
                          _("is not a mobile number, a landline number with its area code, or a 400 or 800 number"));
      return FALSE;
    }

  return parse_landline (label, groups, digits, &extension, phone, error);
}

static char *
phone_to_string (const Phone *phone)
{
  switch (phone->kind)
    {
    case PHONE_MOBILE:
      return g_strdup (phone->number);

    case PHONE_SERVICE:
      if (phone->extension != NULL)
        return g_strconcat (phone->number, "-", phone->extension, NULL);
      return g_strdup (phone->number);

    case PHONE_LANDLINE:
      if (phone->extension != NULL)
        return g_strconcat (phone->area, "-", phone->number, "-", phone->extension, NULL);
      return g_strconcat (phone->area, "-", phone->number, NULL);
    }

  g_assert_not_reached ();
  return NULL;
}

/**
 * bb_validate_phone:
 * @value: a phone number as typed
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Accepts a mainland mobile number (11 digits, 13–19; a +86, 0086 or 86
 * prefix is allowed), a landline with its area code (0 and 2 or 3 digits,
 * then 7 or 8 digits, then optionally an extension after '-', 转, "ext" or
 * '#'), or a 400/800 service number. Spaces, hyphens, brackets and
 * full-width characters are allowed anywhere.
 *
 * Returns: %TRUE if @value is a phone number
 */
gboolean
bb_validate_phone (const char  *value,
                   GError     **error)
{
  g_auto(Phone) phone = { 0 };

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_phone (value, &phone, error);
}

/**
 * bb_normalize_phone:
 * @value: a phone number as typed
 *
 * Gives the stored form of a phone number: 13812345678 for a mobile,
 * 029-88886666 (or 029-88886666-123 with an extension) for a landline,
 * 4008123123 for a service number. A value that is not a valid phone
 * number comes back trimmed but otherwise as typed, so nothing typed is
 * lost; bb_validate_phone() says what is wrong with it.
 *
 * Returns: (transfer full): the normalized phone number
 */
char *
bb_normalize_phone (const char *value)
{
  g_auto(Phone) phone = { 0 };

  g_return_val_if_fail (value != NULL, NULL);

  if (parse_phone (value, &phone, NULL))
    return phone_to_string (&phone);

  if (g_utf8_validate (value, -1, NULL))
    return g_strstrip (g_utf8_normalize (value, -1, G_NORMALIZE_NFKC));

  return g_strdup (value);
}

/**
 * bb_mask_phone:
 * @value: a phone number
 *
 * Masks a phone number for lists and exports: 138****5678 for a mobile,
 * 029-****6666 for a landline (without its extension). A 400/800 service
 * number is not personal and is returned whole; anything else keeps only
 * its last four characters.
 *
 * Returns: (transfer full): the masked phone number
 */
char *
bb_mask_phone (const char *value)
{
  g_auto(Phone) phone = { 0 };

  g_return_val_if_fail (value != NULL, NULL);

  if (!parse_phone (value, &phone, NULL))
    return mask_middle (value, 0, 4);

  switch (phone.kind)
    {
    case PHONE_MOBILE:
      return mask_middle (phone.number, 3, 4);

    case PHONE_LANDLINE:
      {
        g_autofree char *local = mask_middle (phone.number, 0, 4);

        return g_strconcat (phone.area, "-", local, NULL);
      }

    case PHONE_SERVICE:
      return phone_to_string (&phone);
    }

  g_assert_not_reached ();
  return NULL;
}

/**
 * bb_mask_id_number:
 * @value: an ID number or a credit code
 *
 * Masks an ID number or a credit code for lists, exports and charts,
 * keeping the first four and the last four characters:
 * 6101**********123X. A value of eight characters or fewer is masked whole.
 *
 * Returns: (transfer full): the masked value
 */
char *
bb_mask_id_number (const char *value)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  normalized = normalize_code (value);

  return mask_middle (normalized, 4, 4);
}

/* E-mail addresses */

static gboolean
is_atext (gunichar c)
{
  if (c >= 0x80)
    return g_unichar_isalnum (c) || g_unichar_ismark (c);

  return g_ascii_isalnum ((char) c) || strchr ("!#$%&'*+-/=?^_`{|}~", (char) c) != NULL;
}

static gboolean
is_domain_char (gunichar c)
{
  if (c >= 0x80)
    return g_unichar_isalnum (c) || g_unichar_ismark (c);

  return g_ascii_isalnum ((char) c) || c == '-';
}

static gboolean
check_email_chars (const char  *label,
                   const char  *start,
                   const char  *end,
                   gboolean     domain,
                   GError     **error)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ok = c == '.' || (domain ? is_domain_char (c) : is_atext (c));

      if (!ok)
        {
          g_autofree char *ch = utf8_char_dup (p);

          bb_set_field_error (error, label, _("“%s” is not allowed in an email address"), ch);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * bb_validate_email:
 * @value: an email address
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Checks the practical subset of RFC 5322 addresses that people use: one
 * @, a dot-atom before it (at most 64 characters), a domain of at least two
 * dot-separated labels after it, no spaces, at most 254 characters. Quoted
 * local parts and address literals are not accepted; internationalised
 * addresses (RFC 6531) are.
 *
 * Returns: %TRUE if @value is an email address
 */
gboolean
bb_validate_email (const char  *value,
                   GError     **error)
{
  /* Translators: the field that holds an email address */
  const char *label = _("Email");
  const char *at;
  const char *domain;
  const char *local_end;
  g_auto(GStrv) labels = NULL;
  guint n_labels;
  gboolean tld_has_letter = FALSE;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text_and_length (label, value, 0, error))
    return FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          bb_set_field_error (error, label, _("cannot contain spaces"));
          return FALSE;
        }
      if (g_unichar_iscntrl (c))
        {
          bb_set_field_error (error, label, _("cannot contain control characters"));
          return FALSE;
        }
    }

  if (g_utf8_strlen (value, -1) > EMAIL_MAX_CHARS)
    {
      bb_set_field_error (error, label, _("is longer than %u characters"), EMAIL_MAX_CHARS);
      return FALSE;
    }

  at = strchr (value, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      bb_set_field_error (error, label, _("should contain exactly one @"));
      return FALSE;
    }

  local_end = at;
  domain = at + 1;

  if (local_end == value)
    {
      bb_set_field_error (error, label, _("the part before the @ is empty"));
      return FALSE;
    }

  if (g_utf8_strlen (value, local_end - value) > EMAIL_LOCAL_MAX)
    {
      bb_set_field_error (error, label, _("the part before the @ is longer than %u characters"),
                          EMAIL_LOCAL_MAX);
      return FALSE;
    }

  if (!check_email_chars (label, value, local_end, FALSE, error))
    return FALSE;

  if (value[0] == '.' || local_end[-1] == '.' || g_strstr_len (value, local_end - value, "..") != NULL)
    {
      bb_set_field_error (error, label,
                          _("the part before the @ cannot start or end with a dot or have two dots in a row"));
      return FALSE;
    }

  if (*domain == '\0')
    {
      bb_set_field_error (error, label, _("the domain after the @ is empty"));
      return FALSE;
    }

  if (!check_email_chars (label, domain, domain + strlen (domain), TRUE, error))
    return FALSE;

  if (strchr (domain, '.') == NULL)
    {
      bb_set_field_error (error, label, _("the domain after the @ needs a dot, as in example.com"));
      return FALSE;
    }

  labels = g_strsplit (domain, ".", -1);
  n_labels = g_strv_length (labels);

  for (guint i = 0; i < n_labels; i++)
    {
      const char *part = labels[i];
      gsize len = strlen (part);

      if (len == 0)
        {
          bb_set_field_error (error, label,
                              _("the domain cannot start or end with a dot or have two dots in a row"));
          return FALSE;
        }
      if (part[0] == '-' || part[len - 1] == '-')
        {
          bb_set_field_error (error, label,
                              _("a part of the domain cannot start or end with a hyphen"));
          return FALSE;
        }
      if (g_utf8_strlen (part, -1) > DOMAIN_LABEL_MAX)
        {
          bb_set_field_error (error, label,
                              _("a part of the domain is longer than %u characters"),
                              DOMAIN_LABEL_MAX);
          return FALSE;
        }
    }

  for (const char *p = labels[n_labels - 1]; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p) && *p != '-')
        tld_has_letter = TRUE;
    }

  if (!tld_has_letter)
    {
      bb_set_field_error (error, label,
                          _("the domain should end in a name such as .cn or .com"));
      return FALSE;
    }

  return TRUE;
}

/**
 * bb_date_to_iso:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`, as bb_validate_date()
 *   reads it
 */
char *
bb_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/**
 * bb_validate_date:
 * @iso: a date written YYYY-MM-DD
 * @out: (out caller-allocates) (optional): where to store the date
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Checks that @iso is a real calendar date written as ISO 8601 says
 * (four-digit year, two-digit month and day). On error @out is cleared
 * (invalid).
 *
 * Returns: %TRUE if @iso is a real date
 */
gboolean
bb_validate_date (const char  *iso,
                  GDate       *out,
                  GError     **error)
{
  /* Translators: the field that holds a date */
  const char *label = _("Date");
  guint year, month, day;

  g_return_val_if_fail (iso != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out != NULL)
    g_date_clear (out, 1);

  if (!check_text_and_length (label, iso, 0, error))
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      gboolean ok = (i == 4 || i == 7) ? iso[i] == '-' : g_ascii_isdigit (iso[i]);

      if (!ok)
        {
          bb_set_field_error (error, label,
                              /* Translators: keep YYYY-MM-DD, or write the
                               * date pattern the way your language's UI shows it */
                              _("should be written as YYYY-MM-DD"));
          return FALSE;
        }
    }

  if (iso[10] != '\0')
    {
      bb_set_field_error (error, label, _("should be written as YYYY-MM-DD"));
      return FALSE;
    }

  year = digits_value (iso, 4);
  month = digits_value (iso + 5, 2);
  day = digits_value (iso + 8, 2);

  if (!g_date_valid_dmy (day, month, year))
    {
      bb_set_field_error (error, label, _("%s is not a real date"), iso);
      return FALSE;
    }

  if (out != NULL)
    g_date_set_dmy (out, day, month, year);

  return TRUE;
}

/**
 * bb_validate_text:
 * @field_label: the field's label as the user sees it (translated)
 * @value: (nullable): the text; %NULL is the same as ""
 * @required: whether the field must have something other than white space
 * @max_chars: the most characters allowed, or 0 for no limit
 * @error: return location for a %BB_ERROR_INVALID error
 *
 * Checks free text: valid UTF-8, no control characters other than newline
 * and tab, not blank when @required, and at most @max_chars characters,
 * counted as Unicode characters (𠮷 is one character).
 *
 * Returns: %TRUE if @value is acceptable
 */
gboolean
bb_validate_text (const char  *field_label,
                  const char  *value,
                  gboolean     required,
                  guint        max_chars,
                  GError     **error)
{
  gboolean blank = TRUE;
  glong n_chars;

  g_return_val_if_fail (field_label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL)
    value = "";

  if (!g_utf8_validate (value, -1, NULL))
    {
      bb_set_field_error (error, field_label, _("is not valid text"));
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        {
          bb_set_field_error (error, field_label,
                              _("contains a control character (U+%04X)"), c);
          return FALSE;
        }

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        blank = FALSE;
    }

  if (required && blank)
    {
      bb_set_field_error (error, field_label, _("is required"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (value, -1);
  if (max_chars > 0 && n_chars > (glong) max_chars)
    {
      bb_set_field_error (error, field_label,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "can have at most %u character",
                                       "can have at most %u characters",
                                       max_chars),
                          max_chars);
      return FALSE;
    }

  return TRUE;
}
