/* bb-catalogue-repo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service-item catalogue (事项清单): matters with their department,
 * legal basis, time limit, process, fees and required materials; and its
 * CSV import (the format is described in bb-catalogue-repo.h).
 */

#define G_LOG_DOMAIN "bb-catalogue-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-audit.h"
#include "bb-catalogue-repo.h"
#include "bb-clock.h"
#include "bb-csv.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-validate.h"

#define NAME_MAX_CHARS        100
#define DEPARTMENT_MAX_CHARS  100
#define LEGAL_BASIS_MAX_CHARS 1000
#define PROCESS_MAX_CHARS     2000
#define FEES_MAX_CHARS        500
#define HOW_MAX_CHARS         500
#define MAX_MATERIALS         50
#define MAX_COPIES            99
#define MAX_LIMIT_DAYS        365

#define ITEM_COLUMNS \
  "id, name, department, legal_basis, limit_days, process, fees, online, active, version"

#define INSERT_ITEM \
  "INSERT INTO catalogue_item (name, department, legal_basis, limit_days, process, fees, " \
  "online, active, created_at, version) " \
  "VALUES (##name::string, ##department::string, ##legal_basis::string::null, " \
  "##limit_days::gint, ##process::string::null, ##fees::string::null, ##online::gint, " \
  "##active::gint, ##now::gint64, 1)"

static const char SQL_INSERT[] = INSERT_ITEM;
static const char SQL_INSERT_PG[] = INSERT_ITEM " RETURNING id";
static const char SQL_LAST_ID[] =
  "SELECT last_insert_rowid()";
static const char SQL_UPDATE[] =
  "UPDATE catalogue_item SET name = ##name::string, department = ##department::string, "
  "legal_basis = ##legal_basis::string::null, limit_days = ##limit_days::gint, "
  "process = ##process::string::null, fees = ##fees::string::null, online = ##online::gint, "
  "active = ##active::gint, version = version + 1 "
  "WHERE id = ##id::gint64 AND version = ##version::gint";
static const char SQL_GET[] =
  "SELECT " ITEM_COLUMNS " FROM catalogue_item WHERE id = ##id::gint64";
static const char SQL_FIND_NAME[] =
  "SELECT " ITEM_COLUMNS " FROM catalogue_item WHERE name = ##name::string";
static const char SQL_SAME_NAME[] =
  "SELECT id FROM catalogue_item WHERE name = ##name::string AND id <> ##id::gint64";
static const char SQL_LIST_ALL[] =
  "SELECT " ITEM_COLUMNS " FROM catalogue_item ORDER BY name, id";
static const char SQL_LIST_ACTIVE[] =
  "SELECT " ITEM_COLUMNS " FROM catalogue_item WHERE active = 1 ORDER BY name, id";
static const char SQL_MATERIALS[] =
  "SELECT item_id, name, form, copies, how_to_obtain FROM catalogue_material "
  "WHERE item_id = ##item_id::gint64 ORDER BY position, id";
static const char SQL_MATERIALS_ALL[] =
  "SELECT item_id, name, form, copies, how_to_obtain FROM catalogue_material "
  "ORDER BY item_id, position, id";
static const char SQL_MATERIALS_DELETE[] =
  "DELETE FROM catalogue_material WHERE item_id = ##item_id::gint64";
static const char SQL_MATERIAL_INSERT[] =
  "INSERT INTO catalogue_material (item_id, position, name, form, copies, how_to_obtain) "
  "VALUES (##item_id::gint64, ##position::gint, ##name::string, ##form::string, "
  "##copies::gint, ##how::string::null)";

static const GType item_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING,
  G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
};
static const GType material_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE
};

static const char *form_names[] = { "original", "copy", "original_and_copy", "electronic" };

G_DEFINE_BOXED_TYPE (BbMaterial, bb_material, bb_material_copy, bb_material_free)
G_DEFINE_BOXED_TYPE (BbCatalogueItem, bb_catalogue_item, bb_catalogue_item_copy,
                     bb_catalogue_item_free)

/* Materials */

BbMaterial *
bb_material_new (const char     *name,
                 BbMaterialForm  form,
                 int             copies,
                 const char     *how_to_obtain)
{
  BbMaterial *material = g_new0 (BbMaterial, 1);

  material->name = g_strdup (name);
  material->form = form;
  material->copies = copies;
  material->how_to_obtain = g_strdup (how_to_obtain);
  return material;
}

BbMaterial *
bb_material_copy (const BbMaterial *material)
{
  g_return_val_if_fail (material != NULL, NULL);

  return bb_material_new (material->name, material->form, material->copies,
                          material->how_to_obtain);
}

void
bb_material_free (BbMaterial *material)
{
  if (material == NULL)
    return;
  g_free (material->name);
  g_free (material->how_to_obtain);
  g_free (material);
}

const char *
bb_material_form_to_string (BbMaterialForm form)
{
  g_return_val_if_fail (form <= BB_MATERIAL_ELECTRONIC, NULL);

  return form_names[form];
}

gboolean
bb_material_form_from_string (const char     *text,
                              BbMaterialForm *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    {
      if (g_strcmp0 (text, form_names[i]) == 0)
        {
          *form = (BbMaterialForm) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_material_form_label:
 *
 * Returns: the form as printed on a one-time notice, translated
 */
const char *
bb_material_form_label (BbMaterialForm form)
{
  switch (form)
    {
    case BB_MATERIAL_ORIGINAL:
      return _("Original");
    case BB_MATERIAL_COPY:
      /* Translators: a photocopy (复印件) */
      return _("Copy");
    case BB_MATERIAL_ORIGINAL_AND_COPY:
      return _("Original and copy");
    case BB_MATERIAL_ELECTRONIC:
      return _("Electronic");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Items */

/**
 * bb_catalogue_item_new:
 *
 * Returns: (transfer full): an empty draft: active, no materials
 */
BbCatalogueItem *
bb_catalogue_item_new (void)
{
  BbCatalogueItem *item = g_new0 (BbCatalogueItem, 1);

  item->active = TRUE;
  item->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_material_free);
  return item;
}

BbCatalogueItem *
bb_catalogue_item_copy (const BbCatalogueItem *item)
{
  BbCatalogueItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->name = g_strdup (item->name);
  copy->department = g_strdup (item->department);
  copy->legal_basis = g_strdup (item->legal_basis);
  copy->process = g_strdup (item->process);
  copy->fees = g_strdup (item->fees);
  copy->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_material_free);
  for (guint i = 0; item->materials != NULL && i < item->materials->len; i++)
    g_ptr_array_add (copy->materials, bb_material_copy (g_ptr_array_index (item->materials, i)));
  return copy;
}

void
bb_catalogue_item_free (BbCatalogueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->department);
  g_free (item->legal_basis);
  g_free (item->process);
  g_free (item->fees);
  g_clear_pointer (&item->materials, g_ptr_array_unref);
  g_free (item);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * bb_catalogue_item_to_json:
 *
 * Returns: (transfer full): an object with every field and the materials
 */
JsonNode *
bb_catalogue_item_to_json (const BbCatalogueItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (item != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, item->id);
  add_string (builder, "name", item->name);
  add_string (builder, "department", item->department);
  add_string (builder, "legal_basis", item->legal_basis);
  json_builder_set_member_name (builder, "limit_days");
  json_builder_add_int_value (builder, item->limit_days);
  add_string (builder, "process", item->process);
  add_string (builder, "fees", item->fees);
  json_builder_set_member_name (builder, "online");
  json_builder_add_boolean_value (builder, item->online);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, item->active);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, item->version);
  json_builder_set_member_name (builder, "materials");
  json_builder_begin_array (builder);
  for (guint i = 0; item->materials != NULL && i < item->materials->len; i++)
    {
      const BbMaterial *material = g_ptr_array_index (item->materials, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", material->name);
      add_string (builder, "form", bb_material_form_to_string (material->form));
      json_builder_set_member_name (builder, "copies");
      json_builder_add_int_value (builder, material->copies);
      add_string (builder, "how_to_obtain", material->how_to_obtain);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Validation. Each failure also names the CSV column it comes from, so
 * that the import can say “line 4, column limit_days”. */

static gboolean
validate_item (const BbCatalogueItem  *item,
               const char            **column,
               GError                **error)
{
  guint n_materials = item->materials != NULL ? item->materials->len : 0;

  *column = "name";
  /* Translators: the name of a matter in the catalogue (事项名称) */
  if (!bb_validate_text (_("Matter name"), item->name, TRUE, NAME_MAX_CHARS, error))
    return FALSE;
  *column = "department";
  if (!bb_validate_text (_("Department"), item->department, TRUE, DEPARTMENT_MAX_CHARS, error))
    return FALSE;
  *column = "legal_basis";
  /* Translators: 设定依据, the law or regulation a matter rests on */
  if (!bb_validate_text (_("Legal basis"), item->legal_basis, FALSE, LEGAL_BASIS_MAX_CHARS,
                         error))
    return FALSE;
  *column = "limit_days";
  if (item->limit_days < 1 || item->limit_days > MAX_LIMIT_DAYS)
    {
      bb_set_field_error (error, _("Time limit"),
                          _("enter a number of working days from 1 to %d"), MAX_LIMIT_DAYS);
      return FALSE;
    }
  *column = "process";
  if (!bb_validate_text (_("Process"), item->process, FALSE, PROCESS_MAX_CHARS, error))
    return FALSE;
  *column = "fees";
  if (!bb_validate_text (_("Fees"), item->fees, FALSE, FEES_MAX_CHARS, error))
    return FALSE;

  *column = "materials";
  if (n_materials > MAX_MATERIALS)
    {
      bb_set_field_error (error, _("Materials"), _("at most %d materials can be listed"),
                          MAX_MATERIALS);
      return FALSE;
    }
  for (guint i = 0; i < n_materials; i++)
    {
      const BbMaterial *material = g_ptr_array_index (item->materials, i);
      /* Translators: “Material 2”, the second required material of a matter */
      g_autofree char *label = g_strdup_printf (_("Material %u"), i + 1);
      g_autofree char *name_label = g_strdup_printf (_("Material %u name"), i + 1);
      g_autofree char *how_label = g_strdup_printf (_("Material %u how to obtain"), i + 1);

      if (!bb_validate_text (name_label, material->name, TRUE, NAME_MAX_CHARS, error))
        return FALSE;
      if (material->form > BB_MATERIAL_ELECTRONIC)
        {
          bb_set_field_error (error, label, _("the form is not one of original, copy, "
                                              "original_and_copy, electronic"));
          return FALSE;
        }
      if (material->copies < 1 || material->copies > MAX_COPIES)
        {
          bb_set_field_error (error, label, _("the number of copies should be from 1 to %d"),
                              MAX_COPIES);
          return FALSE;
        }
      if (!bb_validate_text (how_label, material->how_to_obtain, FALSE, HOW_MAX_CHARS, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bb_catalogue_item_validate:
 *
 * Checks a draft without touching the database.
 *
 * Returns: %TRUE if it can be stored; else a %BB_ERROR_INVALID error naming
 *   the field
 */
gboolean
bb_catalogue_item_validate (const BbCatalogueItem  *draft,
                            GError                **error)
{
  const char *column;

  g_return_val_if_fail (draft != NULL, FALSE);

  return validate_item (draft, &column, error);
}

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  if (g_utf8_validate (copy, -1, NULL))
    g_strstrip (copy);
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The stored form: text trimmed, empty optional fields NULL. */
static BbCatalogueItem *
normalize (const BbCatalogueItem *draft)
{
  BbCatalogueItem *item = bb_catalogue_item_copy (draft);

  g_free (item->name);
  item->name = trimmed_or_null (draft->name);
  g_free (item->department);
  item->department = trimmed_or_null (draft->department);
  g_free (item->legal_basis);
  item->legal_basis = trimmed_or_null (draft->legal_basis);
  g_free (item->process);
  item->process = trimmed_or_null (draft->process);
  g_free (item->fees);
  item->fees = trimmed_or_null (draft->fees);
  for (guint i = 0; i < item->materials->len; i++)
    {
      BbMaterial *material = g_ptr_array_index (item->materials, i);
      char *name = trimmed_or_null (material->name);
      char *how = trimmed_or_null (material->how_to_obtain);

      g_free (material->name);
      material->name = name;
      g_free (material->how_to_obtain);
      material->how_to_obtain = how;
    }
  return item;
}

/* Reading */

static BbCatalogueItem *
item_from_model (GdaDataModel *model,
                 int           row)
{
  BbCatalogueItem *item = bb_catalogue_item_new ();

  item->id = bb_model_get_int64 (model, 0, row, 0);
  item->name = bb_model_dup_string (model, 1, row);
  item->department = bb_model_dup_string (model, 2, row);
  item->legal_basis = bb_model_dup_string (model, 3, row);
  item->limit_days = (int) bb_model_get_int64 (model, 4, row, 1);
  item->process = bb_model_dup_string (model, 5, row);
  item->fees = bb_model_dup_string (model, 6, row);
  item->online = bb_model_get_int64 (model, 7, row, 0) != 0;
  item->active = bb_model_get_int64 (model, 8, row, 1) != 0;
  item->version = (int) bb_model_get_int64 (model, 9, row, 1);
  return item;
}

static BbMaterial *
material_from_model (GdaDataModel *model,
                     int           row)
{
  g_autofree char *form = bb_model_dup_string (model, 2, row);
  BbMaterial *material = g_new0 (BbMaterial, 1);

  material->name = bb_model_dup_string (model, 1, row);
  if (!bb_material_form_from_string (form, &material->form))
    material->form = BB_MATERIAL_ORIGINAL;
  material->copies = (int) bb_model_get_int64 (model, 3, row, 1);
  material->how_to_obtain = bb_model_dup_string (model, 4, row);
  return material;
}

static gboolean
load_materials (BbDatabase       *db,
                BbCatalogueItem  *item,
                GError          **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_MATERIALS);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  int n_rows;

  bb_params_set_int64 (params, "item_id", item->id);
  model = bb_database_select (db, statement, params, material_types, error);
  if (model == NULL)
    return FALSE;
  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (item->materials, material_from_model (model, row));
  return TRUE;
}

static BbCatalogueItem *
select_item (BbDatabase  *db,
             const char  *sql,
             gint64       id,
             const char  *name,
             GError     **error)
{
  GdaStatement *statement = bb_database_prepare (db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(BbCatalogueItem) item = NULL;

  if (name != NULL)
    bb_params_set_string (params, "name", name);
  else
    bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, item_types, error);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      if (name != NULL)
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("There is no matter “%s” in the catalogue"), name);
      else
        g_set_error (error, BB_ERROR, BB_ERROR_NOT_FOUND,
                     _("There is no catalogue item with the id %lld"), (long long) id);
      return NULL;
    }
  item = item_from_model (model, 0);
  if (!load_materials (db, item, error))
    return NULL;
  return g_steal_pointer (&item);
}

/* Writing, inside a transaction */

static gint64
insert_row (BbDatabase    *db,
            GdaStatement  *statement,
            GdaSet        *params,
            GError       **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;

  if (bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL)
    model = bb_database_select (db, statement, params, types, error);
  else
    {
      if (bb_database_execute (db, statement, params, error) < 0)
        return 0;
      model = bb_database_select (db, bb_database_prepare (db, SQL_LAST_ID), NULL, types, error);
    }
  if (model == NULL)
    return 0;
  if (gda_data_model_get_n_rows (model) < 1)
    {
      g_set_error_literal (error, BB_ERROR, BB_ERROR_FAILED, _("The new row has no id"));
      return 0;
    }
  return bb_model_get_int64 (model, 0, 0, 0);
}

static gboolean
name_is_free (BbDatabase   *db,
              const char   *name,
              gint64        id,
              GError      **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  GdaStatement *statement = bb_database_prepare (db, SQL_SAME_NAME);
  g_autoptr(GdaSet) params = bb_database_new_params (db, statement);
  g_autoptr(GdaDataModel) model = NULL;

  bb_params_set_string (params, "name", name);
  bb_params_set_int64 (params, "id", id);
  model = bb_database_select (db, statement, params, types, error);
  if (model == NULL)
    return FALSE;
  if (gda_data_model_get_n_rows (model) > 0)
    {
      bb_set_field_error (error, _("Matter name"), _("“%s” is already in the catalogue"), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_materials (BbDatabase             *db,
                 gint64                  item_id,
                 const BbCatalogueItem  *item,
                 GError                **error)
{
  GdaStatement *statement = bb_database_prepare (db, SQL_MATERIALS_DELETE);
  g_autoptr(GdaSet) delete_params = bb_database_new_params (db, statement);

  bb_params_set_int64 (delete_params, "item_id", item_id);
  if (bb_database_execute (db, statement, delete_params, error) < 0)
    return FALSE;

  statement = bb_database_prepare (db, SQL_MATERIAL_INSERT);
  for (guint i = 0; i < item->materials->len; i++)
    {
      const BbMaterial *material = g_ptr_array_index (item->materials, i);
      g_autoptr(GdaSet) params = bb_database_new_params (db, statement);

      bb_params_set_int64 (params, "item_id", item_id);
      bb_params_set_int (params, "position", (int) i);
      bb_params_set_string (params, "name", material->name);
      bb_params_set_string (params, "form", bb_material_form_to_string (material->form));
      bb_params_set_int (params, "copies", material->copies);
      bb_params_set_string (params, "how", material->how_to_obtain);
      if (bb_database_execute (db, statement, params, error) < 0)
        return FALSE;
    }
  return TRUE;
}

static void
set_fields (GdaSet                *params,
            const BbCatalogueItem *item)
{
  bb_params_set_string (params, "name", item->name);
  bb_params_set_string (params, "department", item->department);
  bb_params_set_string (params, "legal_basis", item->legal_basis);
  bb_params_set_int (params, "limit_days", item->limit_days);
  bb_params_set_string (params, "process", item->process);
  bb_params_set_string (params, "fees", item->fees);
  bb_params_set_int (params, "online", item->online ? 1 : 0);
  bb_params_set_int (params, "active", item->active ? 1 : 0);
}

/* @item is normalised and valid. */
static gint64
insert_item (BbDatabase             *db,
             const BbActor          *actor,
             const BbCatalogueItem  *item,
             GError                **error)
{
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbCatalogueItem) created = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) local_error = NULL;
  GdaStatement *statement;
  gint64 id;

  if (!name_is_free (db, item->name, 0, error))
    return 0;

  statement = bb_database_prepare (db, bb_database_get_engine (db) == BB_ENGINE_POSTGRESQL
                                       ? SQL_INSERT_PG : SQL_INSERT);
  params = bb_database_new_params (db, statement);
  set_fields (params, item);
  bb_params_set_int64 (params, "now", bb_clock_now_usec ());
  id = insert_row (db, statement, params, &local_error);
  if (id == 0)
    {
      /* Another workstation added the name since name_is_free(). */
      if (local_error != NULL &&
          strstr (local_error->message, "catalogue_item_name_unique") != NULL)
        {
          g_clear_error (&local_error);
          bb_set_field_error (error, _("Matter name"), _("“%s” is already in the catalogue"),
                              item->name);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (!write_materials (db, id, item, error))
    return 0;

  created = select_item (db, SQL_GET, id, NULL, error);
  if (created == NULL)
    return 0;
  after = bb_catalogue_item_to_json (created);
  if (!bb_audit_record (db, actor, "catalogue_item", id, "create", NULL, after, error))
    return 0;
  return id;
}

/* @item is normalised and valid, with the id and version read. */
static gboolean
update_item (BbDatabase             *db,
             const BbActor          *actor,
             const BbCatalogueItem  *item,
             GError                **error)
{
  g_autoptr(GdaSet) params = NULL;
  g_autoptr(BbCatalogueItem) before = NULL;
  g_autoptr(BbCatalogueItem) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  GdaStatement *statement;
  int rows;

  before = select_item (db, SQL_GET, item->id, NULL, error);
  if (before == NULL)
    return FALSE;
  if (!name_is_free (db, item->name, item->id, error))
    return FALSE;

  statement = bb_database_prepare (db, SQL_UPDATE);
  params = bb_database_new_params (db, statement);
  set_fields (params, item);
  bb_params_set_int64 (params, "id", item->id);
  bb_params_set_int (params, "version", item->version);
  rows = bb_database_execute (db, statement, params, error);
  if (rows < 0)
    return FALSE;
  if (rows == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_CONFLICT,
                   _("The catalogue item “%s” was changed by someone else in the meantime; "
                     "nothing was overwritten"), before->name);
      return FALSE;
    }
  if (!write_materials (db, item->id, item, error))
    return FALSE;

  after = select_item (db, SQL_GET, item->id, NULL, error);
  if (after == NULL)
    return FALSE;
  before_json = bb_catalogue_item_to_json (before);
  after_json = bb_catalogue_item_to_json (after);
  return bb_audit_record (db, actor, "catalogue_item", item->id, "update", before_json,
                          after_json, error);
}

/* Public API */

/**
 * bb_catalogue_repo_add:
 * @draft: the item with its materials; id and version are ignored
 *
 * Adds a matter to the catalogue (administrators only). Names are unique.
 *
 * Returns: the new id, or 0 with an error
 */
gint64
bb_catalogue_repo_add (BbDatabase             *db,
                       const BbActor          *actor,
                       const BbCatalogueItem  *draft,
                       GError                **error)
{
  g_autoptr(BbCatalogueItem) item = NULL;
  const char *column;
  gint64 id;

  g_return_val_if_fail (BB_IS_DATABASE (db), 0);
  g_return_val_if_fail (actor != NULL, 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!bb_actor_check (actor, BB_PERM_CATALOGUE_MANAGE, error))
    return 0;
  item = normalize (draft);
  if (!validate_item (item, &column, error))
    return 0;

  if (!bb_database_begin (db, error))
    return 0;
  id = insert_item (db, actor, item, error);
  if (id == 0)
    {
      bb_database_rollback (db);
      return 0;
    }
  if (!bb_database_commit (db, error))
    return 0;
  return id;
}

/**
 * bb_catalogue_repo_update:
 * @item: the item as edited, with the id and the version that was read;
 *   its materials replace the stored ones
 *
 * Returns: %TRUE on success; %BB_ERROR_CONFLICT if someone else changed it
 */
gboolean
bb_catalogue_repo_update (BbDatabase             *db,
                          const BbActor          *actor,
                          const BbCatalogueItem  *item,
                          GError                **error)
{
  g_autoptr(BbCatalogueItem) normalized = NULL;
  const char *column;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_CATALOGUE_MANAGE, error))
    return FALSE;
  normalized = normalize (item);
  if (!validate_item (normalized, &column, error))
    return FALSE;

  if (!bb_database_begin (db, error))
    return FALSE;
  if (!update_item (db, actor, normalized, error))
    {
      bb_database_rollback (db);
      return FALSE;
    }
  return bb_database_commit (db, error);
}

/**
 * bb_catalogue_repo_get:
 *
 * Returns: (transfer full): the item with its materials, or %NULL with
 *   %BB_ERROR_NOT_FOUND
 */
BbCatalogueItem *
bb_catalogue_repo_get (BbDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  return select_item (db, SQL_GET, id, NULL, error);
}

/**
 * bb_catalogue_repo_find_by_name:
 *
 * Returns: (transfer full): the item of exactly that name (active or not),
 *   or %NULL with %BB_ERROR_NOT_FOUND naming it
 */
BbCatalogueItem *
bb_catalogue_repo_find_by_name (BbDatabase  *db,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  return select_item (db, SQL_FIND_NAME, 0, trimmed, error);
}

/**
 * bb_catalogue_repo_list:
 * @active_only: leave out withdrawn items
 *
 * The catalogue is short (hundreds of matters): this reads all of it.
 *
 * Returns: (transfer full) (element-type BbCatalogueItem): the items by
 *   name, each with its materials
 */
GPtrArray *
bb_catalogue_repo_list (BbDatabase  *db,
                        gboolean     active_only,
                        GError     **error)
{
  g_autoptr(GdaDataModel) items = NULL;
  g_autoptr(GdaDataModel) materials = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int n_rows;

  g_return_val_if_fail (BB_IS_DATABASE (db), NULL);

  items = bb_database_select (db, bb_database_prepare (db, active_only ? SQL_LIST_ACTIVE
                                                                       : SQL_LIST_ALL),
                              NULL, item_types, error);
  if (items == NULL)
    return NULL;
  materials = bb_database_select (db, bb_database_prepare (db, SQL_MATERIALS_ALL), NULL,
                                  material_types, error);
  if (materials == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (items);
  list = g_ptr_array_new_full (n_rows, (GDestroyNotify) bb_catalogue_item_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (int row = 0; row < n_rows; row++)
    {
      BbCatalogueItem *item = item_from_model (items, row);

      g_ptr_array_add (list, item);
      g_hash_table_insert (by_id, &item->id, item);
    }

  n_rows = gda_data_model_get_n_rows (materials);
  for (int row = 0; row < n_rows; row++)
    {
      gint64 item_id = bb_model_get_int64 (materials, 0, row, 0);
      BbCatalogueItem *item = g_hash_table_lookup (by_id, &item_id);

      if (item != NULL)
        g_ptr_array_add (item->materials, material_from_model (materials, row));
    }
  return g_steal_pointer (&list);
}

/* CSV import */

static const char * const csv_columns[] = {
  "name", "department", "legal_basis", "limit_days", "process", "fees", "online", "materials",
  NULL
};
static const char * const csv_required[] = { "name", "department", "limit_days", NULL };

static gboolean
parse_online (const char *text,
              gboolean   *online)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "是", NULL };
  static const char * const no[] = { "no", "n", "false", "0", "否", "", NULL };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  if (g_strv_contains (yes, lower))
    *online = TRUE;
  else if (g_strv_contains (no, lower))
    *online = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_materials (const char  *text,
                 GPtrArray   *materials,
                 GError     **error)
{
  g_auto(GStrv) entries = g_strsplit (text, ";", -1);
  guint number = 0;

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *form_text = NULL;
      g_autofree char *copies_text = NULL;
      BbMaterialForm form = BB_MATERIAL_ORIGINAL;
      guint64 copies = 1;
      guint n_parts;

      g_strstrip (entries[i]);
      if (*entries[i] == '\0')
        continue;
      number++;

      parts = g_strsplit (entries[i], "|", 4);
      n_parts = g_strv_length (parts);
      form_text = g_strstrip (g_strdup (n_parts > 1 ? parts[1] : ""));
      copies_text = g_strstrip (g_strdup (n_parts > 2 ? parts[2] : ""));

      if (*form_text != '\0' && !bb_material_form_from_string (form_text, &form))
        {
          g_autofree char *label = g_strdup_printf (_("Material %u"), number);

          bb_set_field_error (error, label,
                              _("the form “%s” should be original, copy, original_and_copy "
                                "or electronic"), form_text);
          return FALSE;
        }
      if (*copies_text != '\0' &&
          !g_ascii_string_to_unsigned (copies_text, 10, 1, MAX_COPIES, &copies, NULL))
        {
          g_autofree char *label = g_strdup_printf (_("Material %u"), number);

          bb_set_field_error (error, label,
                              _("the number of copies “%s” should be a number from 1 to %d"),
                              copies_text, MAX_COPIES);
          return FALSE;
        }
      g_ptr_array_add (materials, bb_material_new (parts[0], form, (int) copies,
                                                   n_parts > 3 ? parts[3] : NULL));
    }
  return TRUE;
}

static void
set_line_error (GError     **error,
                guint        line,
                const char  *column,
                GError      *cause)
{
  /* Translators: an import error: the line of the file, the column's
   * name as written in the file's header, then the reason */
  g_set_error (error, BB_ERROR, BB_ERROR_INVALID, _("Line %u, column “%s”: %s"), line, column,
               cause->message);
}

/* Reads one data row into a normalised, valid item. */
static BbCatalogueItem *
item_from_row (const BbCsvRow  *row,
               const int       *columns,
               GError         **error)
{
  g_autoptr(BbCatalogueItem) draft = bb_catalogue_item_new ();
  g_autoptr(BbCatalogueItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *limit_text = NULL;
  guint64 limit = 0;
  const char *column;

  draft->name = g_strdup (bb_csv_row_get (row, columns[0]));
  draft->department = g_strdup (bb_csv_row_get (row, columns[1]));
  draft->legal_basis = g_strdup (bb_csv_row_get (row, columns[2]));
  draft->process = g_strdup (bb_csv_row_get (row, columns[4]));
  draft->fees = g_strdup (bb_csv_row_get (row, columns[5]));

  limit_text = g_strstrip (g_strdup (bb_csv_row_get (row, columns[3])));
  if (!g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_LIMIT_DAYS, &limit, NULL))
    {
      bb_set_field_error (&local_error, _("Time limit"),
                          _("“%s” is not a number of working days from 1 to %d"), limit_text,
                          MAX_LIMIT_DAYS);
      set_line_error (error, row->line, "limit_days", local_error);
      return NULL;
    }
  draft->limit_days = (int) limit;

  if (!parse_online (bb_csv_row_get (row, columns[6]), &draft->online))
    {
      /* Translators: whether a matter can be done online */
      bb_set_field_error (&local_error, _("Online"), _("“%s” should be yes or no"),
                          bb_csv_row_get (row, columns[6]));
      set_line_error (error, row->line, "online", local_error);
      return NULL;
    }

  if (!parse_materials (bb_csv_row_get (row, columns[7]), draft->materials, &local_error))
    {
      set_line_error (error, row->line, "materials", local_error);
      return NULL;
    }

  item = normalize (draft);
  if (!validate_item (item, &column, &local_error))
    {
      set_line_error (error, row->line, column, local_error);
      return NULL;
    }
  return g_steal_pointer (&item);
}

/**
 * bb_catalogue_repo_import_csv:
 * @csv_text: the file's text (format: see bb-catalogue-repo.h)
 * @n_imported: (out) (optional): how many items were added or updated
 *
 * Imports a catalogue file all or nothing (administrators only): items
 * whose name exists are updated, the others added. Every row is checked
 * before anything is written.
 *
 * Returns: %TRUE if the whole file was applied; else an error naming the
 *   line and the column, and nothing changed
 */
gboolean
bb_catalogue_repo_import_csv (BbDatabase     *db,
                              const BbActor  *actor,
                              const char     *csv_text,
                              guint          *n_imported,
                              GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) names = NULL;
  int columns[G_N_ELEMENTS (csv_columns) - 1];
  const BbCsvRow *header;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (csv_text != NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (!bb_actor_check (actor, BB_PERM_CATALOGUE_MANAGE, error))
    return FALSE;

  rows = bb_csv_parse (csv_text, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                   _("The file is empty: it needs a header row (%s) and one row per matter"),
                   "name,department,legal_basis,limit_days,process,fees,online,materials");
      return FALSE;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (g_strdup (header->fields[i])), -1);

      if (!g_strv_contains (csv_columns, name))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u: unknown column “%s” (the columns are %s)"), header->line,
                       header->fields[i],
                       "name,department,legal_basis,limit_days,process,fees,online,materials");
          return FALSE;
        }
    }
  for (guint i = 0; csv_columns[i] != NULL; i++)
    {
      columns[i] = bb_csv_header_find (header, csv_columns[i]);
      if (columns[i] < 0 && g_strv_contains (csv_required, csv_columns[i]))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u: the header has no column “%s”"), header->line,
                       csv_columns[i]);
          return FALSE;
        }
    }

  /* Read and check every row before writing anything. */
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_catalogue_item_free);
  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < rows->len; i++)
    {
      const BbCsvRow *row = g_ptr_array_index (rows, i);
      BbCatalogueItem *item;

      if (row->n_fields > header->n_fields)
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u: %u fields, but the header has %u (quote fields that "
                         "contain commas)"), row->line, row->n_fields, header->n_fields);
          return FALSE;
        }
      item = item_from_row (row, columns, error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
      if (g_hash_table_contains (names, item->name))
        {
          g_set_error (error, BB_ERROR, BB_ERROR_INVALID,
                       _("Line %u, column “%s”: “%s” is listed twice"), row->line, "name",
                       item->name);
          return FALSE;
        }
      g_hash_table_add (names, item->name);
    }

  if (!bb_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      BbCatalogueItem *item = g_ptr_array_index (items, i);
      const BbCsvRow *row = g_ptr_array_index (rows, i + 1);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BbCatalogueItem) existing = NULL;
      gboolean ok;

      existing = select_item (db, SQL_FIND_NAME, 0, item->name, &local_error);
      if (existing == NULL && !g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      g_clear_error (&local_error);

      if (existing != NULL)
        {
          item->id = existing->id;
          item->version = existing->version;
          ok = update_item (db, actor, item, &local_error);
        }
      else
        ok = insert_item (db, actor, item, &local_error) != 0;

      if (!ok)
        {
          if (local_error->domain == BB_ERROR && local_error->code == BB_ERROR_INVALID)
            g_set_error (error, BB_ERROR, BB_ERROR_INVALID, _("Line %u: %s"), row->line,
                         local_error->message);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }
  if (!bb_database_commit (db, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = items->len;
  return TRUE;

failed:
  bb_database_rollback (db);
  return FALSE;
}
