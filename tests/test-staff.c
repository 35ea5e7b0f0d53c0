/* test-staff.c — staff accounts, sign-in and roles; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>

#include "bb-audit.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-password.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"

static const char SQL_SET_HASH[] =
  "UPDATE staff SET password_hash = ##hash::string WHERE number = ##number::string";
static const char SQL_GET_HASH[] =
  "SELECT password_hash FROM staff WHERE number = ##number::string";

#define PASSWORD "correct horse 1"

/* How many audit rows the database holds; the chain must hold. */
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

static BbActor *
bootstrap_admin (BbDatabase *db)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) staff = NULL;
  gint64 id;

  id = bb_staff_repo_add (db, system, "A001", "管理员", BB_ROLE_ADMIN, NULL, NULL, PASSWORD,
                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  staff = bb_staff_repo_get (db, id, &error);
  g_assert_no_error (error);
  return bb_staff_to_actor (staff);
}

static gint64
add_staff (BbDatabase    *db,
           const BbActor *actor,
           const char    *number,
           BbRole         role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bb_staff_repo_add (db, actor, number, "王芳", role, NULL, NULL, PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_bootstrap (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) first = NULL;
  gint64 id;

  g_assert_cmpint (bb_staff_repo_count (db, &error), ==, 0);
  g_assert_no_error (error);

  /* The system may only create an administrator first… */
  id = bb_staff_repo_add (db, system, "S001", "王芳", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (bb_staff_repo_count (db, NULL), ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 0);

  admin = bootstrap_admin (db);
  g_assert_cmpstr (admin->number, ==, "A001");
  g_assert_cmpint (admin->role, ==, BB_ROLE_ADMIN);
  g_assert_cmpint (admin->staff_id, >, 0);

  /* …and nothing once there is one. */
  id = bb_staff_repo_add (db, system, "A002", "赵六", BB_ROLE_ADMIN, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (bb_staff_repo_count (db, NULL), ==, 1);

  add_staff (db, admin, "L001", BB_ROLE_LEADER);
  g_assert_cmpint (bb_staff_repo_count (db, NULL), ==, 2);

  first = bb_staff_repo_first_admin (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->number, ==, "A001");
  g_assert_cmpstr (first->name, ==, "管理员");

  /* Two creations, two audit rows. */
  g_assert_cmpint (audit_rows (db), ==, 2);
}

static void
test_permission_refused (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(BbStaff) staff_row = NULL;
  g_autoptr(BbStaff) leader_row = NULL;
  g_autoptr(BbActor) staff = NULL;
  g_autoptr(BbActor) leader = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audits;
  gint64 id;

  staff_row = bb_staff_repo_get (db, add_staff (db, admin, "S001", BB_ROLE_STAFF), NULL);
  leader_row = bb_staff_repo_get (db, add_staff (db, admin, "L001", BB_ROLE_LEADER), NULL);
  staff = bb_staff_to_actor (staff_row);
  leader = bb_staff_to_actor (leader_row);
  audits = audit_rows (db);

  id = bb_staff_repo_add (db, staff, "S009", "李四", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);

  id = bb_staff_repo_add (db, leader, "S009", "李四", BB_ROLE_STAFF, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_false (bb_staff_repo_set_role (db, leader, staff_row->id, BB_ROLE_ADMIN,
                                          staff_row->version, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_false (bb_staff_repo_reset_password (db, staff, staff_row->id, "another pass 2",
                                                staff_row->version, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  /* Nothing was written. */
  g_assert_cmpint (bb_staff_repo_count (db, NULL), ==, 3);
  g_assert_cmpint (audit_rows (db), ==, audits);
  g_clear_pointer (&staff_row, bb_staff_free);
  staff_row = bb_staff_repo_find_by_number (db, "S001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (staff_row->role, ==, BB_ROLE_STAFF);
  g_assert_cmpint (staff_row->version, ==, 1);
}

static void
test_duplicate_number (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_staff (db, admin, "S001", BB_ROLE_STAFF);
  id = bb_staff_repo_add (db, admin, "S001", "李四", BB_ROLE_LEADER, NULL, NULL, NULL, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Staff number: S001 is taken");
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpint (bb_staff_repo_count (db, NULL), ==, 2);
  g_assert_cmpint (audit_rows (db), ==, 2);
}

static void
test_validation (void)
{
  static const struct
  {
    const char *number;
    const char *name;
    const char *phone;
    const char *password;
    const char *field;
  } cases[] = {
    { "", "王芳", NULL, NULL, "Staff number: " },
    { "S 01", "王芳", NULL, NULL, "Staff number: " },
    { "S001", "  ", NULL, NULL, "Name: " },
    { "S001", "王芳", "12345", NULL, "Phone number: " },
    { "S001", "王芳", NULL, "short", "Password: " },
    { "S001", "王芳", NULL, "12345678901", "Password: " },
  };
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = bb_staff_repo_add (db, admin, cases[i].number, cases[i].name, BB_ROLE_STAFF,
                                     cases[i].phone, NULL, cases[i].password, &error);

      g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
      g_assert_cmpint (id, ==, 0);
      g_assert_true (g_str_has_prefix (error->message, cases[i].field));
    }
  g_assert_cmpint (bb_staff_repo_count (db, NULL), ==, 1);
  g_assert_cmpint (audit_rows (db), ==, 1);
}

static void
test_phone_normalised (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) staff = NULL;
  gint64 id;

  id = bb_staff_repo_add (db, admin, "S001", "𠮷田", BB_ROLE_STAFF, "+86 138 1234 5678",
                          "帮办代办服务区", NULL, &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (staff->phone, ==, "13812345678");
  g_assert_cmpstr (staff->name, ==, "𠮷田");
  g_assert_cmpstr (staff->posts, ==, "帮办代办服务区");
  g_assert_true (staff->active);
}

static void
test_authenticate (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong_password = NULL;
  g_autofree char *wrong_number = NULL;
  gint64 id;

  id = add_staff (db, admin, "S001", BB_ROLE_LEADER);

  actor = bb_staff_repo_authenticate (db, "S001", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor->number, ==, "S001");
  g_assert_cmpint (actor->staff_id, ==, id);
  g_assert_cmpint (actor->role, ==, BB_ROLE_LEADER);
  g_clear_pointer (&actor, bb_actor_free);

  actor = bb_staff_repo_authenticate (db, "S001", "wrong password", &error);
  g_assert_null (actor);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  wrong_password = g_strdup (error->message);
  g_clear_error (&error);

  actor = bb_staff_repo_authenticate (db, "S999", PASSWORD, &error);
  g_assert_null (actor);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  wrong_number = g_strdup (error->message);
  g_clear_error (&error);

  /* One message: it does not tell which of the two was wrong. */
  g_assert_cmpstr (wrong_password, ==, wrong_number);

  /* An account without a password cannot sign in. */
  g_assert_cmpint (bb_staff_repo_add (db, admin, "S002", "李四", BB_ROLE_STAFF, NULL, NULL, NULL,
                                      &error), >, 0);
  g_assert_no_error (error);
  actor = bb_staff_repo_authenticate (db, "S002", "", &error);
  g_assert_null (actor);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  /* Deactivated: refused even with the right password. */
  staff = bb_staff_repo_get (db, id, &error);
  g_assert_true (bb_staff_repo_set_active (db, admin, id, FALSE, staff->version, &error));
  g_assert_no_error (error);
  actor = bb_staff_repo_authenticate (db, "S001", PASSWORD, &error);
  g_assert_null (actor);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  /* Listing: the deactivated account only with include_inactive. */
  {
    g_autoptr(GPtrArray) active = bb_staff_repo_list (db, FALSE, &error);
    g_autoptr(GPtrArray) all = bb_staff_repo_list (db, TRUE, &error);

    g_assert_cmpuint (active->len, ==, 2);
    g_assert_cmpuint (all->len, ==, 3);
  }
}

static char *
stored_hash (BbDatabase *db,
             const char *number)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, SQL_GET_HASH);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;

  bb_params_set_string (params, "number", number);
  model = bb_database_select (db, statement, params, types, &error);
  g_assert_no_error (error);
  return bb_model_dup_string (model, 0, 0);
}

static void
test_rehash (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaSet) params = NULL;
  g_autofree char *after = NULL;
  char weak[crypto_pwhash_STRBYTES];
  GdaStatement *statement;
  gint64 audits;

  /* A hash made with weaker limits than the program's, as an older
   * version may have stored. */
  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str_alg (weak, PASSWORD, strlen (PASSWORD),
                                          crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                          crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  g_assert_true (bb_password_needs_rehash (weak));
  statement = bb_database_prepare (db, SQL_SET_HASH);
  params = bb_database_new_params (db, statement);
  bb_params_set_string (params, "hash", weak);
  bb_params_set_string (params, "number", "A001");
  g_assert_cmpint (bb_database_execute (db, statement, params, &error), ==, 1);
  audits = audit_rows (db);

  actor = bb_staff_repo_authenticate (db, "A001", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (actor);

  after = stored_hash (db, "A001");
  g_assert_cmpstr (after, !=, weak);
  g_assert_false (bb_password_needs_rehash (after));
  g_assert_true (bb_password_verify (after, PASSWORD));
  g_assert_cmpint (audit_rows (db), ==, audits + 1);
}

static void
test_last_admin (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(BbStaff) first = NULL;
  g_autoptr(BbStaff) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second_id;

  first = bb_staff_repo_get (db, admin->staff_id, &error);

  g_assert_false (bb_staff_repo_set_active (db, admin, first->id, FALSE, first->version, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "A001"));
  g_clear_error (&error);

  g_assert_false (bb_staff_repo_set_role (db, admin, first->id, BB_ROLE_MANAGER, first->version,
                                          &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  /* Still an active administrator, unchanged. */
  g_clear_pointer (&first, bb_staff_free);
  first = bb_staff_repo_get (db, admin->staff_id, &error);
  g_assert_true (first->active);
  g_assert_cmpint (first->role, ==, BB_ROLE_ADMIN);
  g_assert_cmpint (first->version, ==, 1);

  /* With a second administrator the first may step down… */
  second_id = add_staff (db, admin, "A002", BB_ROLE_ADMIN);
  g_assert_true (bb_staff_repo_set_role (db, admin, first->id, BB_ROLE_MANAGER, first->version,
                                         &error));
  g_assert_no_error (error);

  /* …but then the second is the last one. */
  second = bb_staff_repo_get (db, second_id, &error);
  g_assert_false (bb_staff_repo_set_active (db, admin, second_id, FALSE, second->version,
                                            &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  /* An inactive administrator does not count. */
  g_clear_pointer (&first, bb_staff_free);
  first = bb_staff_repo_get (db, admin->staff_id, &error);
  g_assert_true (bb_staff_repo_set_role (db, admin, first->id, BB_ROLE_ADMIN, first->version,
                                         &error));
  g_clear_pointer (&first, bb_staff_free);
  first = bb_staff_repo_get (db, admin->staff_id, &error);
  g_assert_true (bb_staff_repo_set_active (db, admin, first->id, FALSE, first->version, &error));
  g_assert_no_error (error);
  g_clear_pointer (&second, bb_staff_free);
  second = bb_staff_repo_get (db, second_id, &error);
  g_assert_false (bb_staff_repo_set_role (db, admin, second_id, BB_ROLE_STAFF, second->version,
                                          &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);

  g_clear_pointer (&first, bb_staff_free);
  first = bb_staff_repo_first_admin (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->number, ==, "A002");
}

static void
test_conflict (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbDatabase) other = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(BbStaff) mine = NULL;
  g_autoptr(BbStaff) theirs = NULL;
  g_autoptr(BbStaff) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_staff (db, admin, "S001", BB_ROLE_STAFF);
  gint64 audits;

  mine = bb_staff_repo_get (db, id, &error);
  theirs = bb_staff_repo_get (other, id, &error);
  g_assert_cmpint (mine->version, ==, theirs->version);

  g_assert_true (bb_staff_repo_set_role (other, admin, id, BB_ROLE_LEADER, theirs->version,
                                         &error));
  g_assert_no_error (error);
  audits = audit_rows (db);

  g_assert_false (bb_staff_repo_set_active (db, admin, id, FALSE, mine->version, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (bb_staff_repo_reset_password (db, admin, id, "another pass 2", mine->version,
                                                &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (mine->name);
  mine->name = g_strdup ("改名");
  g_assert_false (bb_staff_repo_update (db, admin, mine, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Nothing overwritten, nothing audited. */
  now = bb_staff_repo_get (db, id, &error);
  g_assert_true (now->active);
  g_assert_cmpint (now->role, ==, BB_ROLE_LEADER);
  g_assert_cmpstr (now->name, ==, "王芳");
  g_assert_cmpint (now->version, ==, mine->version + 1);
  g_assert_cmpint (audit_rows (db), ==, audits);
}

static void
test_reset_password_and_update (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bootstrap_admin (db);
  g_autoptr(BbStaff) staff = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_staff (db, admin, "S001", BB_ROLE_STAFF);

  staff = bb_staff_repo_get (db, id, &error);
  g_assert_false (bb_staff_repo_reset_password (db, admin, id, "short", staff->version, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bb_staff_repo_reset_password (db, admin, id, "new secret 22", staff->version,
                                               &error));
  g_assert_no_error (error);
  actor = bb_staff_repo_authenticate (db, "S001", PASSWORD, &error);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);
  actor = bb_staff_repo_authenticate (db, "S001", "new secret 22", &error);
  g_assert_no_error (error);
  g_assert_nonnull (actor);

  g_clear_pointer (&staff, bb_staff_free);
  staff = bb_staff_repo_get (db, id, &error);
  g_free (staff->name);
  staff->name = g_strdup ("王芳芳");
  g_free (staff->phone);
  staff->phone = g_strdup ("029-88886666");
  g_assert_true (bb_staff_repo_update (db, admin, staff, &error));
  g_assert_no_error (error);
  g_clear_pointer (&staff, bb_staff_free);
  staff = bb_staff_repo_find_by_number (db, "S001", &error);
  g_assert_cmpstr (staff->name, ==, "王芳芳");
  g_assert_cmpstr (staff->phone, ==, "029-88886666");
  g_assert_cmpint (staff->version, ==, 3);

  /* NOT_FOUND names the number. */
  g_clear_pointer (&staff, bb_staff_free);
  staff = bb_staff_repo_find_by_number (db, "X404", &error);
  g_assert_null (staff);
  g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "X404"));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/staff/bootstrap", test_bootstrap);
  g_test_add_func ("/bangban/staff/permission-refused", test_permission_refused);
  g_test_add_func ("/bangban/staff/duplicate-number", test_duplicate_number);
  g_test_add_func ("/bangban/staff/validation", test_validation);
  g_test_add_func ("/bangban/staff/phone-normalised", test_phone_normalised);
  g_test_add_func ("/bangban/staff/authenticate", test_authenticate);
  g_test_add_func ("/bangban/staff/rehash", test_rehash);
  g_test_add_func ("/bangban/staff/last-admin", test_last_admin);
  g_test_add_func ("/bangban/staff/conflict", test_conflict);
  g_test_add_func ("/bangban/staff/reset-password-and-update", test_reset_password_and_update);

  return g_test_run ();
}
