/* test-holidays.c — the holiday calendar and consultation records; on SQLite
 * and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-audit.h"
#include "bb-consultation-repo.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

/* The 2026 Spring Festival as the State Council announced it (abridged). */
static const char GOOD_CSV[] =
  "date,kind,name\r\n"
  "2026-02-14,workday,春节调休\r\n"
  "2026-02-16,holiday,春节\r\n"
  "2026-02-17,holiday,\"春节, 初一\"\r\n"
  "2026-02-28,workday,\r\n";

static gint64
audit_rows (BbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  g_assert_true (bb_audit_verify (db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  return checked;
}

static guint
entries (BbDatabase *db,
         int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bb_holiday_repo_list (db, year, &error);

  g_assert_no_error (error);
  return list->len;
}

static gboolean
is_working_day (BbCalendar *calendar,
                const char *iso)
{
  GDate date;

  g_assert_true (bb_validate_date (iso, &date, NULL));
  return bb_calendar_is_working_day (calendar, &date);
}

static void
test_set_remove (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbDatabase) other = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbActor) leader = bb_actor_new (2, "L001", "李队", BB_ROLE_LEADER);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const BbHoliday *holiday;

  g_assert_false (bb_holiday_repo_set (db, leader, "2026-10-01", BB_DAY_HOLIDAY, "国庆节", 0,
                                       &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_false (bb_holiday_repo_set (db, admin, "2026-02-30", BB_DAY_HOLIDAY, NULL, 0, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Date: "));
  g_clear_error (&error);
  g_assert_false (bb_holiday_repo_set (db, admin, "2026-10-01", BB_DAY_DEFAULT, NULL, 0, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (entries (db, 0), ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 0);

  g_assert_true (bb_holiday_repo_set (db, admin, "2026-10-01", BB_DAY_HOLIDAY, " 国庆节 ", 0,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (bb_holiday_repo_set (db, admin, "2025-10-01", BB_DAY_HOLIDAY, NULL, 0, &error));
  g_assert_cmpuint (entries (db, 0), ==, 2);
  g_assert_cmpuint (entries (db, 2026), ==, 1);
  g_assert_cmpuint (entries (db, 2024), ==, 0);

  list = bb_holiday_repo_list (db, 2026, &error);
  holiday = g_ptr_array_index (list, 0);
  g_assert_cmpstr (holiday->day, ==, "2026-10-01");
  g_assert_cmpint (holiday->kind, ==, BB_DAY_HOLIDAY);
  g_assert_cmpstr (holiday->name, ==, "国庆节");
  g_assert_cmpint (holiday->version, ==, 1);

  /* Someone else enters the same day first: version 0 means “new”. */
  g_assert_false (bb_holiday_repo_set (other, admin, "2026-10-01", BB_DAY_WORKDAY, NULL, 0,
                                       &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (bb_holiday_repo_set (other, admin, "2026-10-01", BB_DAY_WORKDAY, "调休", 1,
                                      &error));
  g_assert_no_error (error);
  g_assert_false (bb_holiday_repo_set (db, admin, "2026-10-01", BB_DAY_HOLIDAY, NULL, 1, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (bb_holiday_repo_remove (db, admin, "2026-10-01", 1, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = bb_holiday_repo_list (db, 2026, &error);
  holiday = g_ptr_array_index (list, 0);
  g_assert_cmpint (holiday->kind, ==, BB_DAY_WORKDAY);
  g_assert_cmpstr (holiday->name, ==, "调休");
  g_assert_cmpint (holiday->version, ==, 2);
  g_assert_cmpint (audit_rows (db), ==, 3);

  g_assert_true (bb_holiday_repo_remove (db, admin, "2026-10-01", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entries (db, 2026), ==, 0);
  g_assert_false (bb_holiday_repo_remove (db, admin, "2026-10-01", 2, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
  g_assert_cmpint (audit_rows (db), ==, 4);
}

static void
test_import_good (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbCalendar) calendar = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (bb_holiday_repo_import_csv (db, admin, GOOD_CSV, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (audit_rows (db), ==, 4);

  list = bb_holiday_repo_list (db, 2026, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((BbHoliday *) g_ptr_array_index (list, 2))->name, ==, "春节, 初一");
  g_assert_null (((BbHoliday *) g_ptr_array_index (list, 3))->name);

  calendar = bb_holiday_repo_load_calendar (db, &error);
  g_assert_no_error (error);
  /* Saturday 14 February is a make-up working day, Monday 16 a holiday. */
  g_assert_true (is_working_day (calendar, "2026-02-14"));
  g_assert_false (is_working_day (calendar, "2026-02-16"));
  g_assert_false (is_working_day (calendar, "2026-02-17"));
  g_assert_true (is_working_day (calendar, "2026-02-18"));
  g_assert_false (is_working_day (calendar, "2026-02-15"));

  /* A second import with two columns only changes what differs. */
  g_assert_true (bb_holiday_repo_import_csv (db, admin,
                                             "date,kind\n2026-02-14,workday\n2026-02-18,holiday\n",
                                             &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (entries (db, 0), ==, 5);
  /* 02-14 lost its name (a change), 02-18 is new. */
  g_assert_cmpint (audit_rows (db), ==, 6);
  g_clear_object (&calendar);
  calendar = bb_holiday_repo_load_calendar (db, &error);
  g_assert_false (is_working_day (calendar, "2026-02-18"));

  /* Identical again: nothing to record. */
  g_assert_true (bb_holiday_repo_import_csv (db, admin,
                                             "date,kind\n2026-02-14,workday\n", &n, &error));
  g_assert_cmpint (audit_rows (db), ==, 6);
}

static void
test_import_bad (void)
{
  static const struct
  {
    const char *csv;
    const char *message_start;
  } cases[] = {
    { "date,kind\n2026-02-16,holiday\n2026-02-17,holiday\n2026-13-01,holiday\n",
      "Line 4, column “date”: Date: " },
    { "date,kind\n2026-02-16,holiday\n2026/02/17,holiday\n", "Line 3, column “date”: " },
    { "date,kind\n2026-02-16,vacation\n", "Line 2, column “kind”: " },
    { "date,kind\n2026-02-16,holiday\n2026-02-16,workday\n", "Line 3, column “date”: " },
    { "date,type\n2026-02-16,holiday\n", "Line 1: " },
    { "day,kind\n2026-02-16,holiday\n", "Line 1: " },
    { "date,kind\n2026-02-16,holiday,春节\n", "Line 2: " },
    { "", "The file is empty" },
  };
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbActor) manager = bb_actor_new (2, "M001", "经理", BB_ROLE_MANAGER);
  g_autoptr(GError) refused = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint n = 99;

      g_assert_false (bb_holiday_repo_import_csv (db, admin, cases[i].csv, &n, &error));
      g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
      g_assert_cmpuint (n, ==, 0);
      if (!g_str_has_prefix (error->message, cases[i].message_start))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message,
                 cases[i].message_start);
    }

  g_assert_false (bb_holiday_repo_import_csv (db, manager, GOOD_CSV, NULL, &refused));
  g_assert_error (refused, BB_ERROR, BB_ERROR_REFUSED);

  g_assert_cmpuint (entries (db, 0), ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 0);
}

/* Consultation records */

static BbConsultation *
consultation (const char *name,
              const char *contact,
              const char *content)
{
  BbConsultation *draft = bb_consultation_new ();

  draft->name = g_strdup (name);
  draft->contact = g_strdup (contact);
  draft->content = g_strdup (content);
  return draft;
}

static void
test_consultation_add (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) staff = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbConsultation) draft = consultation ("𠮷先生", "+86 138 0013 8000",
                                                  "企业设立需要哪些材料？");
  g_autoptr(BbConsultation) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (draft->channel);
  draft->channel = g_strdup ("phone");
  draft->result = g_strdup ("已一次性告知所需材料");
  id = bb_consultation_repo_add (db, staff, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  stored = bb_consultation_repo_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "𠮷先生");
  g_assert_cmpstr (stored->contact, ==, "13800138000");
  g_assert_cmpstr (stored->channel, ==, "phone");
  g_assert_cmpstr (stored->content, ==, "企业设立需要哪些材料？");
  g_assert_cmpstr (stored->result, ==, "已一次性告知所需材料");
  g_assert_cmpint (stored->case_id, ==, 0);
  g_assert_cmpint (stored->at, >, 0);
  g_assert_cmpint (audit_rows (db), ==, 1);

  /* Other contacts are kept as typed. */
  g_clear_pointer (&draft, bb_consultation_free);
  g_clear_pointer (&stored, bb_consultation_free);
  draft = consultation ("李四", "微信 lisi_2026", "社保卡补办");
  stored = bb_consultation_repo_get (db, bb_consultation_repo_add (db, staff, draft, &error),
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->contact, ==, "微信 lisi_2026");
  g_assert_cmpstr (stored->channel, ==, "onsite");

  /* Linking to a case that does not exist. */
  g_assert_false (bb_consultation_repo_link_case (db, staff, stored->id, 424242,
                                                  stored->version, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
}

static void
test_consultation_invalid (void)
{
  static const struct
  {
    const char *name;
    const char *contact;
    const char *channel;
    const char *content;
    const char *field;
  } cases[] = {
    { "", NULL, NULL, "问题", "Name: " },
    { "王芳", NULL, NULL, "  ", "Content: " },
    { "王芳", "wang@", NULL, "问题", "Email: " },
    { "王芳", "138 0013", NULL, "问题", "Phone number: " },
    { "王芳", NULL, "fax", "问题", "Channel: " },
  };
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) staff = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BbConsultation) draft = consultation (cases[i].name, cases[i].contact,
                                                      cases[i].content);
      g_autoptr(GError) error = NULL;

      if (cases[i].channel != NULL)
        {
          g_free (draft->channel);
          draft->channel = g_strdup (cases[i].channel);
        }
      g_assert_cmpint (bb_consultation_repo_add (db, staff, draft, &error), ==, 0);
      g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].field))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].field);
    }
  {
    g_autoptr(GPtrArray) page = bb_consultation_repo_list (db, 0, 0, 0, 0, 100, NULL);

    g_assert_cmpuint (page->len, ==, 0);
  }
  g_assert_cmpint (audit_rows (db), ==, 0);
}

static void
test_consultation_list (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) staff = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(GError) error = NULL;
  /* 2026-03-02 00:00 +08:00 */
  const gint64 day = G_GINT64_CONSTANT (1772380800000000);
  const gint64 hour = G_GINT64_CONSTANT (3600000000);
  const gint64 times[] = { day + 9 * hour, day + 10 * hour, day + 10 * hour, day + 11 * hour,
                           day + 24 * hour + hour, day - hour };
  gint64 ids[G_N_ELEMENTS (times)];
  gint64 after_at = 0, after_id = 0;
  guint seen = 0;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *name = g_strdup_printf ("访客%u", i);
      g_autoptr(BbConsultation) draft = consultation (name, NULL, "咨询");

      draft->at = times[i];
      ids[i] = bb_consultation_repo_add (db, staff, draft, &error);
      g_assert_no_error (error);
    }

  /* The day of 2026-03-02 only, two at a time, by (at, id). */
  for (;;)
    {
      g_autoptr(GPtrArray) page = bb_consultation_repo_list (db, day, day + 24 * hour, after_at,
                                                             after_id, 2, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          const BbConsultation *row = g_ptr_array_index (page, i);

          g_assert_cmpint (row->id, ==, ids[seen]);
          g_assert_cmpint (row->at, ==, times[seen]);
          seen++;
          after_at = row->at;
          after_id = row->id;
        }
    }
  g_assert_cmpuint (seen, ==, 4);

  {
    g_autoptr(GPtrArray) all = bb_consultation_repo_list (db, 0, 0, 0, 0, 100, &error);

    g_assert_cmpuint (all->len, ==, 6);
    g_assert_cmpint (((BbConsultation *) g_ptr_array_index (all, 0))->id, ==, ids[5]);
  }
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/holidays/set-remove", test_set_remove);
  g_test_add_func ("/bangban/holidays/import-good", test_import_good);
  g_test_add_func ("/bangban/holidays/import-bad", test_import_bad);
  g_test_add_func ("/bangban/consultation/add", test_consultation_add);
  g_test_add_func ("/bangban/consultation/invalid", test_consultation_invalid);
  g_test_add_func ("/bangban/consultation/list", test_consultation_list);

  return g_test_run ();
}
