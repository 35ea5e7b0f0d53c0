/* test-client.c — clients, their name pieces and search; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-audit.h"
#include "bb-client-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-test-util.h"

static const char SQL_GRAMS[] =
  "SELECT gram FROM client_gram WHERE client_id = ##client_id::gint64 ORDER BY gram";
static const char SQL_CLIENT_COUNT[] =
  "SELECT COUNT(*) FROM client";
static const char SQL_GRAM_COUNT[] =
  "SELECT COUNT(*) FROM client_gram";

/* Valid, fictitious numbers (check digits computed by GB 11643 / GB 32100). */
#define ID_1 "11010519491231002X"
#define ID_2 "610102199001011231"
#define CREDIT_1 "91350100M000100Y43"

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

static gint64
count (BbDatabase *db,
       const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = bb_database_select (db, bb_database_prepare (db, sql), NULL,
                                                      types, &error);

  g_assert_no_error (error);
  return bb_model_get_int64 (model, 0, 0, -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
grams_of (BbDatabase *db,
          gint64      client_id)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, SQL_GRAMS);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grams = g_ptr_array_new_with_free_func (g_free);

  bb_params_set_int64 (params, "client_id", client_id);
  model = bb_database_select (db, statement, params, types, &error);
  g_assert_no_error (error);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    g_ptr_array_add (grams, bb_model_dup_string (model, 0, row));
  /* Sort in C: the engines' collations differ. */
  g_ptr_array_sort (grams, compare_strings);
  g_ptr_array_add (grams, NULL);
  return g_strjoinv (" ", (char **) grams->pdata);
}

static BbClient *
person (const char *name,
        const char *id_number)
{
  BbClient *client = bb_client_new ();

  client->name = g_strdup (name);
  client->id_number = g_strdup (id_number);
  return client;
}

static gint64
add (BbDatabase     *db,
     const BbActor  *actor,
     const BbClient *draft)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bb_client_repo_add (db, actor, draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_round_trip (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbClient) draft = bb_client_new ();
  g_autoptr(BbClient) client = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->name = g_strdup ("𠮷野 家");
  /* As typed with a Chinese input method: full-width digits, lowercase x. */
  draft->id_number = g_strdup ("１１０１０５１９４９１２３１００２x");
  draft->phone = g_strdup ("+86 138-0013-8000");
  draft->email = g_strdup ("jia@example.cn");
  draft->address = g_strdup ("西安市雁塔区𠮷祥路1号");
  g_free (draft->category);
  draft->category = g_strdup (BB_CATEGORY_SPECIAL_CARE);
  draft->notes = g_strdup ("行动不便\n需上门");

  id = add (db, actor, draft);
  client = bb_client_repo_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (client->id, ==, id);
  g_assert_cmpstr (client->kind, ==, BB_CLIENT_PERSON);
  g_assert_cmpstr (client->name, ==, "𠮷野 家");
  g_assert_cmpstr (client->id_number, ==, ID_1);
  g_assert_null (client->credit_code);
  g_assert_cmpstr (client->phone, ==, "13800138000");
  g_assert_cmpstr (client->email, ==, "jia@example.cn");
  g_assert_cmpstr (client->address, ==, "西安市雁塔区𠮷祥路1号");
  g_assert_cmpstr (client->category, ==, BB_CATEGORY_SPECIAL_CARE);
  g_assert_cmpstr (client->notes, ==, "行动不便\n需上门");
  g_assert_null (client->talent_card);
  g_assert_cmpint (client->version, ==, 1);
  g_assert_cmpint (client->created_at, >, 0);
  g_assert_cmpint (audit_rows (db), ==, 1);

  /* An organisation with a credit code. */
  {
    g_autoptr(BbClient) org = bb_client_new ();
    g_autoptr(BbClient) stored = NULL;

    g_free (org->kind);
    org->kind = g_strdup (BB_CLIENT_ORGANISATION);
    org->name = g_strdup ("陕西某某科技有限公司");
    org->credit_code = g_strdup ("91350100m000100y43");
    g_free (org->category);
    org->category = g_strdup (BB_CATEGORY_KEY_ENTERPRISE);
    stored = bb_client_repo_get (db, add (db, actor, org), &error);
    g_assert_cmpstr (stored->credit_code, ==, CREDIT_1);
    g_assert_null (stored->id_number);
  }
}

static void
test_grams (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbClient) a = person ("张三丰", NULL);
  g_autoptr(BbClient) b = person ("Ab aB", NULL);
  g_autoptr(BbClient) c = person ("𠮷𠮷𠮷", NULL);
  g_autofree char *grams_a = NULL;
  g_autofree char *grams_b = NULL;
  g_autofree char *grams_c = NULL;
  g_autofree char *expected_a = NULL;

  grams_a = grams_of (db, add (db, actor, a));
  grams_b = grams_of (db, add (db, actor, b));
  grams_c = grams_of (db, add (db, actor, c));

  /* Every distinct 1- and 2-character piece, case-folded, none with a space. */
  {
    const char *pieces[] = { "三", "三丰", "丰", "张", "张三", NULL };
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (guint i = 0; pieces[i] != NULL; i++)
      g_ptr_array_add (sorted, (gpointer) pieces[i]);
    g_ptr_array_sort (sorted, compare_strings);
    g_ptr_array_add (sorted, NULL);
    expected_a = g_strjoinv (" ", (char **) sorted->pdata);
  }
  g_assert_cmpstr (grams_a, ==, expected_a);
  g_assert_cmpstr (grams_b, ==, "a ab b");
  g_assert_cmpstr (grams_c, ==, "𠮷 𠮷𠮷");
  g_assert_cmpint (count (db, SQL_GRAM_COUNT), ==, 5 + 3 + 2);
}

static void
test_validation (void)
{
  static const struct
  {
    const char *kind;
    const char *name;
    const char *id_number;
    const char *credit_code;
    const char *phone;
    const char *email;
    const char *category;
    const char *field;
  } cases[] = {
    { NULL, "", NULL, NULL, NULL, NULL, NULL, "Name: " },
    { NULL, " \t ", NULL, NULL, NULL, NULL, NULL, "Name: " },
    { NULL, "王芳", "110105194912310021", NULL, NULL, NULL, NULL, "ID number: " },
    { NULL, "王芳", "1101051949123100", NULL, NULL, NULL, NULL, "ID number: " },
    { NULL, "王芳", NULL, CREDIT_1, NULL, NULL, NULL, "Credit code: " },
    { "organisation", "某公司", ID_1, NULL, NULL, NULL, NULL, "ID number: " },
    { "organisation", "某公司", NULL, "91350100M000100Y44", NULL, NULL, NULL, "Credit code: " },
    { NULL, "王芳", NULL, NULL, "1380013800", NULL, NULL, "Phone number: " },
    { NULL, "王芳", NULL, NULL, NULL, "wang@", NULL, "Email: " },
    { NULL, "王芳", NULL, NULL, NULL, NULL, "vip", "Category: " },
    { "robot", "王芳", NULL, NULL, NULL, NULL, NULL, "Client type: " },
  };
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(GString) long_name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BbClient) draft = bb_client_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      if (cases[i].kind != NULL)
        {
          g_free (draft->kind);
          draft->kind = g_strdup (cases[i].kind);
        }
      if (cases[i].category != NULL)
        {
          g_free (draft->category);
          draft->category = g_strdup (cases[i].category);
        }
      draft->name = g_strdup (cases[i].name);
      draft->id_number = g_strdup (cases[i].id_number);
      draft->credit_code = g_strdup (cases[i].credit_code);
      draft->phone = g_strdup (cases[i].phone);
      draft->email = g_strdup (cases[i].email);

      g_assert_false (bb_client_validate (draft, NULL));
      id = bb_client_repo_add (db, actor, draft, &error);
      g_assert_cmpint (id, ==, 0);
      g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].field))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].field);
    }

  /* 100 characters are fine, 101 are not: characters, not bytes. */
  for (guint i = 0; i < 100; i++)
    g_string_append (long_name, "𠮷");
  {
    g_autoptr(BbClient) draft = person (long_name->str, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (bb_client_validate (draft, &error));
    g_assert_no_error (error);
    g_string_append (long_name, "𠮷");
    g_free (draft->name);
    draft->name = g_strdup (long_name->str);
    g_assert_cmpint (bb_client_repo_add (db, actor, draft, &error), ==, 0);
    g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Name: "));
  }

  /* Nothing stored, nothing audited. */
  g_assert_cmpint (count (db, SQL_CLIENT_COUNT), ==, 0);
  g_assert_cmpint (count (db, SQL_GRAM_COUNT), ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 0);
}

static void
test_duplicate_id_number (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbClient) first = person ("王芳", ID_1);
  g_autoptr(BbClient) second = person ("王芳芳", "11010519491231002x");
  g_autoptr(GError) error = NULL;

  add (db, actor, first);
  g_assert_cmpint (bb_client_repo_add (db, actor, second, &error), ==, 0);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "ID number: "));
  g_assert_cmpint (count (db, SQL_CLIENT_COUNT), ==, 1);
}

static void
test_update_conflict (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbDatabase) other = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbClient) draft = person ("张三", ID_2);
  g_autoptr(BbClient) mine = NULL;
  g_autoptr(BbClient) theirs = NULL;
  g_autoptr(BbClient) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grams = NULL;
  gint64 id = add (db, actor, draft);
  gint64 audits;

  mine = bb_client_repo_get (db, id, &error);
  theirs = bb_client_repo_get (other, id, &error);

  g_free (theirs->name);
  theirs->name = g_strdup ("李四");
  g_free (theirs->phone);
  theirs->phone = g_strdup ("13912345678");
  g_assert_true (bb_client_repo_update (other, actor, theirs, &error));
  g_assert_no_error (error);
  audits = audit_rows (db);

  g_free (mine->name);
  mine->name = g_strdup ("王五");
  g_assert_false (bb_client_repo_update (db, actor, mine, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);

  now = bb_client_repo_get (db, id, &error);
  g_assert_cmpstr (now->name, ==, "李四");
  g_assert_cmpstr (now->phone, ==, "13912345678");
  g_assert_cmpint (now->version, ==, 2);
  g_assert_cmpint (audit_rows (db), ==, audits);

  /* The name pieces follow the stored name. */
  grams = grams_of (db, id);
  g_assert_null (strstr (grams, "张"));
  g_assert_nonnull (strstr (grams, "李四"));

  /* An invalid edit changes nothing. */
  g_free (now->email);
  now->email = g_strdup ("not an address");
  g_assert_false (bb_client_repo_update (db, actor, now, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&mine, bb_client_free);
  mine = bb_client_repo_get (db, id, &error);
  g_assert_null (mine->email);
  g_assert_cmpint (mine->version, ==, 2);
}

static void
assert_found (GPtrArray *found,
              gint64     id)
{
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((BbClient *) g_ptr_array_index (found, 0))->id, ==, id);
}

static void
test_find (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbClient) a = person ("张三丰", ID_1);
  g_autoptr(BbClient) b = person ("张无忌", ID_2);
  g_autoptr(BbClient) c = person ("John SMITH", NULL);
  g_autoptr(BbClient) d = bb_client_new ();
  g_autoptr(GError) error = NULL;
  gint64 id_a, id_b, id_c, id_d;

  a->phone = g_strdup ("13800138000");
  g_free (d->kind);
  d->kind = g_strdup (BB_CLIENT_ORGANISATION);
  d->name = g_strdup ("100%_公司");
  d->credit_code = g_strdup (CREDIT_1);
  id_a = add (db, actor, a);
  id_b = add (db, actor, b);
  id_c = add (db, actor, c);
  id_d = add (db, actor, d);

  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "11010519491231002x", 10, &error);
    g_assert_no_error (error);
    assert_found (found, id_a);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "138 0013 8000", 10, &error);
    assert_found (found, id_a);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "91350100m000100y43", 10, &error);
    assert_found (found, id_d);
  }
  {
    /* One character: both 张. */
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "张", 10, &error);
    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpint (((BbClient *) g_ptr_array_index (found, 0))->id, ==, id_a);
    g_assert_cmpint (((BbClient *) g_ptr_array_index (found, 1))->id, ==, id_b);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "无忌", 10, &error);
    assert_found (found, id_b);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "张三丰", 10, &error);
    assert_found (found, id_a);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "smith", 10, &error);
    assert_found (found, id_c);
  }
  {
    /* The first piece of the query holds a space: not a stored piece. */
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "N SMI", 10, &error);
    assert_found (found, id_c);
  }
  {
    /* Wildcards are text, not patterns. */
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "0%_公", 10, &error);
    assert_found (found, id_d);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "%%%", 10, &error);
    g_assert_cmpuint (found->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "张三丰X", 10, &error);
    g_assert_cmpuint (found->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "张", 1, &error);
    g_assert_cmpuint (found->len, ==, 1);
  }
  {
    g_autoptr(GPtrArray) found = bb_client_repo_find (db, "   ", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }
}

static void
test_list_keyset (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(GError) error = NULL;
  gint64 ids[6];
  gint64 after = 0;
  guint seen = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户%u", i);
      g_autoptr(BbClient) draft = person (name, NULL);

      ids[i] = add (db, actor, draft);
    }

  for (;;)
    {
      g_autoptr(GPtrArray) page = bb_client_repo_list (db, after, 2, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      g_assert_cmpuint (page->len, <=, 2);
      for (guint i = 0; i < page->len; i++)
        {
          const BbClient *client = g_ptr_array_index (page, i);

          g_assert_cmpint (client->id, ==, ids[seen]);
          seen++;
          after = client->id;
        }

      /* A client added while paging shows up at the end, not twice. */
      if (seen == 2)
        {
          g_autoptr(BbClient) late = person ("迟到", NULL);

          ids[5] = add (db, actor, late);
        }
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (ids));
}

static void
test_reveal (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) staff = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  g_autoptr(BbActor) leader = bb_actor_new (0, "L001", "李队", BB_ROLE_LEADER);
  g_autoptr(BbClient) draft = person ("张三", ID_1);
  g_autoptr(BbClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revealed = NULL;
  g_autoptr(JsonNode) masked = NULL;
  gint64 id = add (db, staff, draft);
  gint64 audits = audit_rows (db);

  revealed = bb_client_repo_reveal_id (db, staff, id, &error);
  g_assert_null (revealed);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (audit_rows (db), ==, audits);

  revealed = bb_client_repo_reveal_id (db, leader, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (revealed, ==, ID_1);
  g_assert_cmpint (audit_rows (db), ==, audits + 1);

  client = bb_client_repo_get (db, id, &error);
  masked = bb_client_to_json (client, FALSE);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (masked), "id_number"), ==,
                   "1101**********002X");
}

static void
test_categories (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) actor = bb_actor_new (0, "S001", "王芳", BB_ROLE_STAFF);
  const char * const *codes = bb_client_categories ();
  guint n = 0;

  /* Every code has a label and is accepted by the schema's CHECK. */
  for (; codes[n] != NULL; n++)
    {
      g_autoptr(BbClient) draft = person ("王芳", NULL);
      g_autoptr(BbClient) stored = NULL;

      g_assert_nonnull (bb_client_category_label (codes[n]));
      g_free (draft->category);
      draft->category = g_strdup (codes[n]);
      stored = bb_client_repo_get (db, add (db, actor, draft), NULL);
      g_assert_cmpstr (stored->category, ==, codes[n]);
    }
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpstr (bb_client_category_label (BB_CATEGORY_KEY_ENTERPRISE), ==,
                   "Key enterprise or major project");
  g_assert_null (bb_client_category_label ("vip"));
  g_assert_false (bb_client_category_is_valid ("vip"));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/client/round-trip", test_round_trip);
  g_test_add_func ("/bangban/client/grams", test_grams);
  g_test_add_func ("/bangban/client/validation", test_validation);
  g_test_add_func ("/bangban/client/duplicate-id-number", test_duplicate_id_number);
  g_test_add_func ("/bangban/client/update-conflict", test_update_conflict);
  g_test_add_func ("/bangban/client/find", test_find);
  g_test_add_func ("/bangban/client/list-keyset", test_list_keyset);
  g_test_add_func ("/bangban/client/reveal", test_reveal);
  g_test_add_func ("/bangban/client/categories", test_categories);

  return g_test_run ();
}
