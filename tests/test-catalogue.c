/* test-catalogue.c — the service-item catalogue and its CSV import; on SQLite
 * and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-audit.h"
#include "bb-catalogue-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-test-util.h"

static const char SQL_MATERIAL_COUNT[] =
  "SELECT COUNT(*) FROM catalogue_material";

static const char GOOD_CSV[] =
  "\xEF\xBB\xBF" "name,department,legal_basis,limit_days,process,fees,online,materials\r\n"
  "企业设立登记,市场监督管理局,\"《市场主体登记管理条例》第三条, 第二十一条\",3,"
  "\"受理\n审核\n发照\",不收费,yes,"
  "\"设立登记申请书|original|1|窗口领取或网上下载;居民身份证|original_and_copy|1|\"\r\n"
  "食品经营许可证核发,市场监督管理局,,20,,,no,\"营业执照副本|copy|2;\"\"健康证\"\"\"\r\n"
  "\r\n"
  "社会保障卡申领,人力资源和社会保障局,,5,,,是,\r\n";

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
material_count (BbDatabase *db)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model =
    bb_database_select (db, bb_database_prepare (db, SQL_MATERIAL_COUNT), NULL, types, &error);

  g_assert_no_error (error);
  return bb_model_get_int64 (model, 0, 0, -1);
}

static guint
catalogue_size (BbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bb_catalogue_repo_list (db, FALSE, &error);

  g_assert_no_error (error);
  return list->len;
}

static BbCatalogueItem *
sample_item (const char *name)
{
  BbCatalogueItem *item = bb_catalogue_item_new ();

  item->name = g_strdup (name);
  item->department = g_strdup ("不动产登记中心");
  item->legal_basis = g_strdup ("《不动产登记暂行条例》");
  item->limit_days = 5;
  item->process = g_strdup ("申请→受理→审核→登簿");
  item->fees = g_strdup ("按规定收费");
  item->online = TRUE;
  g_ptr_array_add (item->materials,
                   bb_material_new ("不动产权证书", BB_MATERIAL_ORIGINAL, 1, NULL));
  g_ptr_array_add (item->materials,
                   bb_material_new ("𠮷 申请表", BB_MATERIAL_ELECTRONIC, 2, "网上下载"));
  return item;
}

static void
test_add_get (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbCatalogueItem) draft = sample_item ("不动产转移登记");
  g_autoptr(BbCatalogueItem) item = NULL;
  g_autoptr(BbCatalogueItem) by_name = NULL;
  g_autoptr(GError) error = NULL;
  const BbMaterial *material;
  gint64 id;

  id = bb_catalogue_repo_add (db, admin, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  item = bb_catalogue_repo_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->name, ==, "不动产转移登记");
  g_assert_cmpstr (item->department, ==, "不动产登记中心");
  g_assert_cmpstr (item->legal_basis, ==, "《不动产登记暂行条例》");
  g_assert_cmpint (item->limit_days, ==, 5);
  g_assert_true (item->online);
  g_assert_true (item->active);
  g_assert_cmpint (item->version, ==, 1);
  g_assert_cmpuint (item->materials->len, ==, 2);
  material = g_ptr_array_index (item->materials, 1);
  g_assert_cmpstr (material->name, ==, "𠮷 申请表");
  g_assert_cmpint (material->form, ==, BB_MATERIAL_ELECTRONIC);
  g_assert_cmpint (material->copies, ==, 2);
  g_assert_cmpstr (material->how_to_obtain, ==, "网上下载");
  material = g_ptr_array_index (item->materials, 0);
  g_assert_null (material->how_to_obtain);

  by_name = bb_catalogue_repo_find_by_name (db, " 不动产转移登记 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_name->id, ==, id);

  g_clear_pointer (&by_name, bb_catalogue_item_free);
  by_name = bb_catalogue_repo_find_by_name (db, "不存在的事项", &error);
  g_assert_null (by_name);
  g_assert_error (error, BB_ERROR, BB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "不存在的事项"));
  g_assert_cmpint (audit_rows (db), ==, 1);
}

static void
test_refused_and_invalid (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbActor) manager = bb_actor_new (2, "M001", "经理", BB_ROLE_MANAGER);
  g_autoptr(BbCatalogueItem) draft = sample_item ("不动产转移登记");
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_cmpint (bb_catalogue_repo_add (db, manager, draft, &error), ==, 0);
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (bb_catalogue_repo_import_csv (db, manager, GOOD_CSV, &n, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_REFUSED);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);

  draft->limit_days = 0;
  g_assert_cmpint (bb_catalogue_repo_add (db, admin, draft, &error), ==, 0);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Time limit: "));
  g_clear_error (&error);

  draft->limit_days = 366;
  g_assert_false (bb_catalogue_item_validate (draft, NULL));

  draft->limit_days = 5;
  g_free (draft->department);
  draft->department = g_strdup ("  ");
  g_assert_cmpint (bb_catalogue_repo_add (db, admin, draft, &error), ==, 0);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Department: "));
  g_clear_error (&error);

  g_free (draft->department);
  draft->department = g_strdup ("不动产登记中心");
  ((BbMaterial *) g_ptr_array_index (draft->materials, 1))->copies = 0;
  g_assert_cmpint (bb_catalogue_repo_add (db, admin, draft, &error), ==, 0);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Material 2: "));
  g_clear_error (&error);

  g_assert_cmpuint (catalogue_size (db), ==, 0);
  g_assert_cmpint (material_count (db), ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 0);

  /* Names are unique. */
  ((BbMaterial *) g_ptr_array_index (draft->materials, 1))->copies = 1;
  g_assert_cmpint (bb_catalogue_repo_add (db, admin, draft, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bb_catalogue_repo_add (db, admin, draft, &error), ==, 0);
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Matter name: "));
  g_assert_cmpuint (catalogue_size (db), ==, 1);
}

static void
test_update_conflict (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbDatabase) other = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbCatalogueItem) draft = sample_item ("不动产转移登记");
  g_autoptr(BbCatalogueItem) mine = NULL;
  g_autoptr(BbCatalogueItem) theirs = NULL;
  g_autoptr(BbCatalogueItem) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = bb_catalogue_repo_add (db, admin, draft, &error);
  gint64 audits;

  mine = bb_catalogue_repo_get (db, id, &error);
  theirs = bb_catalogue_repo_get (other, id, &error);

  theirs->limit_days = 7;
  g_ptr_array_remove_index (theirs->materials, 0);
  g_assert_true (bb_catalogue_repo_update (other, admin, theirs, &error));
  g_assert_no_error (error);
  audits = audit_rows (db);

  mine->limit_days = 1;
  mine->active = FALSE;
  g_assert_false (bb_catalogue_repo_update (db, admin, mine, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_CONFLICT);
  g_clear_error (&error);

  now = bb_catalogue_repo_get (db, id, &error);
  g_assert_cmpint (now->limit_days, ==, 7);
  g_assert_true (now->active);
  g_assert_cmpuint (now->materials->len, ==, 1);
  g_assert_cmpstr (((BbMaterial *) g_ptr_array_index (now->materials, 0))->name, ==, "𠮷 申请表");
  g_assert_cmpint (now->version, ==, 2);
  g_assert_cmpint (material_count (db), ==, 1);
  g_assert_cmpint (audit_rows (db), ==, audits);

  /* Withdrawn items leave the active list. */
  now->active = FALSE;
  g_assert_true (bb_catalogue_repo_update (db, admin, now, &error));
  {
    g_autoptr(GPtrArray) active = bb_catalogue_repo_list (db, TRUE, &error);
    g_autoptr(GPtrArray) all = bb_catalogue_repo_list (db, FALSE, &error);

    g_assert_cmpuint (active->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 1);
  }
}

static const BbCatalogueItem *
find_in (GPtrArray  *list,
         const char *name)
{
  for (guint i = 0; i < list->len; i++)
    {
      const BbCatalogueItem *item = g_ptr_array_index (list, i);

      if (g_strcmp0 (item->name, name) == 0)
        return item;
    }
  g_error ("“%s” is not in the list", name);
  return NULL;
}

static void
test_import_good (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  const BbCatalogueItem *item;
  const BbMaterial *material;
  guint n = 0;

  g_assert_true (bb_catalogue_repo_import_csv (db, admin, GOOD_CSV, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  list = bb_catalogue_repo_list (db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 3);

  item = find_in (list, "企业设立登记");
  g_assert_cmpstr (item->department, ==, "市场监督管理局");
  g_assert_cmpstr (item->legal_basis, ==, "《市场主体登记管理条例》第三条, 第二十一条");
  g_assert_cmpint (item->limit_days, ==, 3);
  g_assert_cmpstr (item->process, ==, "受理\n审核\n发照");
  g_assert_cmpstr (item->fees, ==, "不收费");
  g_assert_true (item->online);
  g_assert_cmpuint (item->materials->len, ==, 2);
  material = g_ptr_array_index (item->materials, 0);
  g_assert_cmpstr (material->name, ==, "设立登记申请书");
  g_assert_cmpint (material->form, ==, BB_MATERIAL_ORIGINAL);
  g_assert_cmpstr (material->how_to_obtain, ==, "窗口领取或网上下载");
  material = g_ptr_array_index (item->materials, 1);
  g_assert_cmpint (material->form, ==, BB_MATERIAL_ORIGINAL_AND_COPY);
  g_assert_null (material->how_to_obtain);

  item = find_in (list, "食品经营许可证核发");
  g_assert_null (item->legal_basis);
  g_assert_false (item->online);
  g_assert_cmpuint (item->materials->len, ==, 2);
  material = g_ptr_array_index (item->materials, 0);
  g_assert_cmpint (material->form, ==, BB_MATERIAL_COPY);
  g_assert_cmpint (material->copies, ==, 2);
  material = g_ptr_array_index (item->materials, 1);
  g_assert_cmpstr (material->name, ==, "\"健康证\"");
  g_assert_cmpint (material->form, ==, BB_MATERIAL_ORIGINAL);
  g_assert_cmpint (material->copies, ==, 1);

  item = find_in (list, "社会保障卡申领");
  g_assert_true (item->online);
  g_assert_cmpuint (item->materials->len, ==, 0);
  g_assert_cmpint (material_count (db), ==, 4);
  g_assert_cmpint (audit_rows (db), ==, 3);

  /* Importing again updates by name instead of duplicating. */
  changed = g_strdup ("name,limit_days,department\n企业设立登记,10,行政审批服务局\n");
  g_assert_true (bb_catalogue_repo_import_csv (db, admin, changed, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bb_catalogue_repo_list (db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  item = find_in (list, "企业设立登记");
  g_assert_cmpint (item->limit_days, ==, 10);
  g_assert_cmpstr (item->department, ==, "行政审批服务局");
  g_assert_cmpint (item->version, ==, 2);
  g_assert_cmpuint (item->materials->len, ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 4);
}

static void
test_import_bad (void)
{
  static const struct
  {
    const char *csv;
    const char *message_start;
  } cases[] = {
    /* Line 3 has a bad limit; line 2 is fine but must not be applied. */
    { "name,department,limit_days\n甲,乙,3\n丙,丁,三天\n",
      "Line 3, column “limit_days”: " },
    /* The quoted line break moves the bad row to line 4. */
    { "name,department,limit_days,process\n甲,乙,3,\"一\n二\"\n丙,丁,400,\n",
      "Line 4, column “limit_days”: " },
    { "name,department,limit_days,materials\n甲,乙,3,申请书|scan|1\n",
      "Line 2, column “materials”: Material 1: " },
    { "name,department,limit_days,materials\n甲,乙,3,申请书|copy|0\n",
      "Line 2, column “materials”: Material 1: " },
    { "name,department,limit_days,online\n甲,乙,3,maybe\n", "Line 2, column “online”: " },
    { "name,department,limit_days\n,乙,3\n", "Line 2, column “name”: Matter name: " },
    { "name,department,limit_days\n甲,,3\n", "Line 2, column “department”: " },
    { "name,department,limit_days\n甲,乙,3\n甲,乙,4\n", "Line 3, column “name”: " },
    { "name,department,limit_days\n甲,乙,3,extra\n", "Line 2: " },
    { "name,department,days\n甲,乙,3\n", "Line 1: " },
    { "name,department\n甲,乙\n", "Line 1: " },
    { "name,department,limit_days\n\"甲,乙,3\n", "Line 2: " },
    { "", "The file is empty" },
  };
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint n = 99;

      g_assert_false (bb_catalogue_repo_import_csv (db, admin, cases[i].csv, &n, &error));
      g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
      g_assert_cmpuint (n, ==, 0);
      if (!g_str_has_prefix (error->message, cases[i].message_start))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message,
                 cases[i].message_start);
    }

  g_assert_cmpuint (catalogue_size (db), ==, 0);
  g_assert_cmpint (material_count (db), ==, 0);
  g_assert_cmpint (audit_rows (db), ==, 0);
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(BbLocation) location = bb_test_new_location ();
  g_autoptr(BbDatabase) db = bb_test_open (location);
  g_autoptr(BbActor) admin = bb_actor_new (1, "A001", "管理员", BB_ROLE_ADMIN);
  g_autoptr(BbCatalogueItem) existing = sample_item ("不动产转移登记");
  g_autoptr(BbCatalogueItem) renamed = NULL;
  g_autoptr(BbCatalogueItem) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_a, id_b;
  gint64 audits;

  /* A file whose first row would update an existing item and whose second
   * row is bad: the existing item keeps what it had. */
  id_a = bb_catalogue_repo_add (db, admin, existing, &error);
  g_free (existing->name);
  existing->name = g_strdup ("残疾人证核发");
  id_b = bb_catalogue_repo_add (db, admin, existing, &error);
  g_assert_no_error (error);
  audits = audit_rows (db);

  g_assert_false (bb_catalogue_repo_import_csv (db, admin,
                                                "name,department,limit_days\n"
                                                "不动产转移登记,新部门,9\n"
                                                "残疾人证核发,残联,0\n", NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3, column “limit_days”"));

  renamed = bb_catalogue_repo_get (db, id_a, NULL);
  after = bb_catalogue_repo_get (db, id_b, NULL);
  g_assert_cmpstr (renamed->department, ==, "不动产登记中心");
  g_assert_cmpint (renamed->limit_days, ==, 5);
  g_assert_cmpint (renamed->version, ==, 1);
  g_assert_cmpint (after->version, ==, 1);
  g_assert_cmpint (audit_rows (db), ==, audits);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/catalogue/add-get", test_add_get);
  g_test_add_func ("/bangban/catalogue/refused-and-invalid", test_refused_and_invalid);
  g_test_add_func ("/bangban/catalogue/update-conflict", test_update_conflict);
  g_test_add_func ("/bangban/catalogue/import-good", test_import_good);
  g_test_add_func ("/bangban/catalogue/import-bad", test_import_bad);
  g_test_add_func ("/bangban/catalogue/import-all-or-nothing", test_import_all_or_nothing);

  return g_test_run ();
}
