/* bb-catalogue-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service-item catalogue (事项清单).
 *
 * CSV import format (bb_catalogue_repo_import_csv()): UTF-8 (a byte-order
 * mark is allowed), RFC 4180 (fields containing commas, quotes or line
 * breaks are quoted with "…", a quote inside is written ""), a header row
 * naming the columns (any order; the names below, in lower case):
 *
 *   name         matter name (事项名称), required, ≤ 100 characters
 *   department   department (实施部门), required
 *   legal_basis  legal basis (设定依据), optional
 *   limit_days   time limit in working days, 1–365, required
 *   process      process (办理流程), optional
 *   fees         fees (收费标准), optional
 *   online       can be done online: yes/no, true/false, 1/0, 是/否; empty = no
 *   materials    required materials, optional: entries separated by “;”,
 *                each `name|form|copies|how_to_obtain` where form is
 *                original, copy, original_and_copy or electronic (empty =
 *                original), copies a number ≥ 1 (empty = 1) and
 *                how_to_obtain optional; trailing parts may be left out.
 *
 * Example:
 *   name,department,legal_basis,limit_days,process,fees,online,materials
 *   企业设立登记,市场监督管理局,《市场主体登记管理条例》,3,受理→审核→发照,不收费,yes,"申请书|original|1|窗口领取;居民身份证|original_and_copy|1|"
 *
 * An item whose name already exists is updated (its materials replaced),
 * not duplicated. The whole file is one transaction: any error (its
 * message names the line and the column) leaves the catalogue unchanged.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

typedef enum
{
  BB_MATERIAL_ORIGINAL,           /* 原件 */
  BB_MATERIAL_COPY,               /* 复印件 */
  BB_MATERIAL_ORIGINAL_AND_COPY,  /* 原件及复印件 */
  BB_MATERIAL_ELECTRONIC,         /* 电子材料 */
} BbMaterialForm;

/**
 * BbMaterial:
 * @name: what the material is (申请表, 居民身份证…)
 * @form: original, copy, both, electronic
 * @copies: how many (≥ 1)
 * @how_to_obtain: (nullable): where and how the client gets it
 *
 * A material a catalogue item requires.
 */
typedef struct
{
  char           *name;
  BbMaterialForm  form;
  int             copies;
  char           *how_to_obtain;
} BbMaterial;

/**
 * BbCatalogueItem:
 * @id: the row (0 in a draft)
 * @name: the matter name, unique
 * @department: the department that handles it
 * @legal_basis: (nullable): 设定依据
 * @limit_days: the time limit in working days (1–365)
 * @process: (nullable)
 * @fees: (nullable)
 * @online: whether it can be done online
 * @active: %FALSE when withdrawn from the catalogue
 * @version: for optimistic locking
 * @materials: (element-type BbMaterial): the required materials, in order
 */
typedef struct
{
  gint64     id;
  char      *name;
  char      *department;
  char      *legal_basis;
  int        limit_days;
  char      *process;
  char      *fees;
  gboolean   online;
  gboolean   active;
  int        version;
  GPtrArray *materials;
} BbCatalogueItem;

#define BB_TYPE_MATERIAL       (bb_material_get_type ())
#define BB_TYPE_CATALOGUE_ITEM (bb_catalogue_item_get_type ())

GType            bb_material_get_type             (void) G_GNUC_CONST;
BbMaterial      *bb_material_new                  (const char             *name,
                                                   BbMaterialForm          form,
                                                   int                     copies,
                                                   const char             *how_to_obtain);
BbMaterial      *bb_material_copy                 (const BbMaterial       *material);
void             bb_material_free                 (BbMaterial             *material);
const char      *bb_material_form_to_string       (BbMaterialForm          form);
gboolean         bb_material_form_from_string     (const char             *text,
                                                   BbMaterialForm         *form);
const char      *bb_material_form_label           (BbMaterialForm          form);

GType            bb_catalogue_item_get_type       (void) G_GNUC_CONST;
BbCatalogueItem *bb_catalogue_item_new            (void);
BbCatalogueItem *bb_catalogue_item_copy           (const BbCatalogueItem  *item);
void             bb_catalogue_item_free           (BbCatalogueItem        *item);
gboolean         bb_catalogue_item_validate       (const BbCatalogueItem  *draft,
                                                   GError                **error);
JsonNode        *bb_catalogue_item_to_json        (const BbCatalogueItem  *item);

gint64           bb_catalogue_repo_add            (BbDatabase             *db,
                                                   const BbActor          *actor,
                                                   const BbCatalogueItem  *draft,
                                                   GError                **error);
gboolean         bb_catalogue_repo_update         (BbDatabase             *db,
                                                   const BbActor          *actor,
                                                   const BbCatalogueItem  *item,
                                                   GError                **error);
BbCatalogueItem *bb_catalogue_repo_get            (BbDatabase             *db,
                                                   gint64                  id,
                                                   GError                **error);
BbCatalogueItem *bb_catalogue_repo_find_by_name   (BbDatabase             *db,
                                                   const char             *name,
                                                   GError                **error);
GPtrArray       *bb_catalogue_repo_list           (BbDatabase             *db,
                                                   gboolean                active_only,
                                                   GError                **error);
gboolean         bb_catalogue_repo_import_csv     (BbDatabase             *db,
                                                   const BbActor          *actor,
                                                   const char             *csv_text,
                                                   guint                  *n_imported,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbMaterial, bb_material_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbCatalogueItem, bb_catalogue_item_free)

G_END_DECLS
