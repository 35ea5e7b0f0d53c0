/* bb-catalogue-item-dialog.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One matter of the catalogue (事项清单) with its required materials: shown
 * to everybody, edited by administrators. Each field is checked as it is
 * typed against core's own rules (bb_catalogue_item_validate() on a probe
 * in which only that field comes from the form), and the reason is shown
 * beside it. Saving runs in a GTask thread; when someone else saved the
 * matter first, the dialog says what they changed and keeps what was typed.
 */

#define G_LOG_DOMAIN "bb-catalogue-item-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "bb-catalogue-item-dialog.h"
#include "bb-error.h"

#define N_FORMS (BB_MATERIAL_ELECTRONIC + 1)

typedef struct _MaterialRow MaterialRow;

struct _BbCatalogueItemDialog
{
  AdwWindow        parent_instance;

  BbDatabase      *database;
  BbActor         *actor;
  BbCatalogueItem *original;
  BbCatalogueItem *theirs;
  GPtrArray       *materials;
  GHashTable      *touched;
  GCancellable    *cancellable;
  guint            loading : 1;
  guint            dirty : 1;
  guint            saving : 1;
  guint            saved : 1;
  guint            discard : 1;
  guint            show_all_errors : 1;
  guint            valid : 1;
  guint            whole_error_shown : 1;

  AdwWindowTitle  *window_title;
  GtkButton       *cancel_button;
  GtkButton       *save_button;
  GtkSpinner      *save_spinner;
  GtkRevealer     *conflict_revealer;
  GtkLabel        *conflict_label;
  GtkButton       *keep_mine_button;
  GtkButton       *load_theirs_button;
  GtkLabel        *message_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *department_row;
  AdwEntryRow     *legal_basis_row;
  AdwEntryRow     *limit_row;
  AdwEntryRow     *process_row;
  AdwEntryRow     *fees_row;
  GtkSwitch       *online_switch;
  AdwActionRow    *active_row;
  GtkSwitch       *active_switch;
  GtkLabel        *details_message;
  GtkButton       *add_material_button;
  GtkListBox      *materials_list;
};

struct _MaterialRow
{
  BbCatalogueItemDialog *dialog;
  GtkWidget             *row;
  GtkLabel              *position;
  GtkEntry              *name;
  GtkDropDown           *form;
  GtkSpinButton         *copies;
  GtkEntry              *how;
  GtkWidget             *up;
  GtkWidget             *down;
  GtkWidget             *remove;
  GtkLabel              *error;
  gboolean               touched;
};

G_DEFINE_FINAL_TYPE (BbCatalogueItemDialog, bb_catalogue_item_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_ITEM,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void validate_form (BbCatalogueItemDialog *self);

/* Helpers */

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static void
set_error_class (gpointer widget,
                 gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static gboolean
editable (BbCatalogueItemDialog *self)
{
  return self->actor != NULL && bb_actor_can (self->actor, BB_PERM_CATALOGUE_MANAGE);
}

/* The time limit as typed: digits (full-width ones too) give the number;
 * anything else gives 0, which core refuses with its reason. */
static int
parse_limit (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *trimmed = NULL;
  gint64 value;

  if (folded == NULL)
    return 0;
  trimmed = g_strstrip (g_strdup (folded));
  if (*trimmed == '\0')
    return 0;
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return 0;
    }
  if (strlen (trimmed) > 6)
    return 999999;
  value = g_ascii_strtoll (trimmed, NULL, 10);
  return (int) value;
}

/* Materials */

static void
material_row_free (MaterialRow *mrow)
{
  g_free (mrow);
}

static guint
material_index (MaterialRow *mrow)
{
  guint index = 0;

  if (!g_ptr_array_find (mrow->dialog->materials, mrow, &index))
    g_assert_not_reached ();
  return index;
}

static void
renumber_materials (BbCatalogueItemDialog *self)
{
  for (guint i = 0; i < self->materials->len; i++)
    {
      MaterialRow *mrow = g_ptr_array_index (self->materials, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      /* Translators: the accessible names of a material's fields; %u is its position */
      g_autofree char *name_label = g_strdup_printf (_("Material %u name"), i + 1);
      g_autofree char *form_label = g_strdup_printf (_("Material %u form"), i + 1);
      g_autofree char *copies_label = g_strdup_printf (_("Material %u copies"), i + 1);
      g_autofree char *how_label = g_strdup_printf (_("Material %u how to obtain"), i + 1);
      g_autofree char *remove_label = g_strdup_printf (_("Remove material %u"), i + 1);

      gtk_label_set_text (mrow->position, number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mrow->name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mrow->form), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      form_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mrow->copies),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, copies_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mrow->how), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      how_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mrow->remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_sensitive (mrow->up, i > 0);
      gtk_widget_set_sensitive (mrow->down, i + 1 < self->materials->len);
    }
}

static void
mark_dirty (BbCatalogueItemDialog *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
material_changed_cb (MaterialRow *mrow)
{
  if (!mrow->dialog->loading)
    mrow->touched = TRUE;
  mark_dirty (mrow->dialog);
  validate_form (mrow->dialog);
}

static void
move_material (MaterialRow *mrow,
               int          delta)
{
  BbCatalogueItemDialog *self = mrow->dialog;
  guint index = material_index (mrow);
  int target = (int) index + delta;
  GtkWidget *focus_button = delta < 0 ? mrow->up : mrow->down;

  if (target < 0 || target >= (int) self->materials->len)
    return;

  g_ptr_array_steal_index (self->materials, index);
  g_ptr_array_insert (self->materials, target, mrow);

  g_object_ref (mrow->row);
  gtk_list_box_remove (self->materials_list, mrow->row);
  gtk_list_box_insert (self->materials_list, mrow->row, target);
  g_object_unref (mrow->row);

  renumber_materials (self);
  if (gtk_widget_get_sensitive (focus_button))
    gtk_widget_grab_focus (focus_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (mrow->name));
  mark_dirty (self);
  validate_form (self);
}

static void
material_up_clicked_cb (MaterialRow *mrow)
{
  move_material (mrow, -1);
}

static void
material_down_clicked_cb (MaterialRow *mrow)
{
  move_material (mrow, 1);
}

static void
material_remove_clicked_cb (MaterialRow *mrow)
{
  BbCatalogueItemDialog *self = mrow->dialog;
  guint index = material_index (mrow);

  gtk_list_box_remove (self->materials_list, mrow->row);
  g_ptr_array_remove_index (self->materials, index);

  renumber_materials (self);
  if (self->materials->len > 0)
    {
      MaterialRow *next = g_ptr_array_index (self->materials, MIN (index, self->materials->len - 1));

      gtk_widget_grab_focus (GTK_WIDGET (next->name));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_material_button));
  mark_dirty (self);
  validate_form (self);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static MaterialRow *
append_material (BbCatalogueItemDialog *self,
                 const BbMaterial      *material)
{
  MaterialRow *mrow = g_new0 (MaterialRow, 1);
  const char *forms[N_FORMS + 1];
  GtkWidget *grid;
  GtkWidget *copies_box;
  GtkWidget *copies_label;
  gboolean can_edit = editable (self);

  for (guint i = 0; i < N_FORMS; i++)
    forms[i] = bb_material_form_label ((BbMaterialForm) i);
  forms[N_FORMS] = NULL;

  mrow->dialog = self;
  mrow->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (mrow->row), FALSE);
  gtk_widget_add_css_class (mrow->row, "bb-material-row");

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 9);
  gtk_widget_set_margin_bottom (grid, 9);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (mrow->row), grid);

  mrow->position = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (mrow->position), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (mrow->position), "numeric");
  gtk_label_set_width_chars (mrow->position, 3);
  gtk_label_set_xalign (mrow->position, 0);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (mrow->position), 0, 0, 1, 1);

  mrow->name = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (mrow->name), TRUE);
  gtk_entry_set_placeholder_text (mrow->name, _("Material, e.g. 居民身份证"));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (mrow->name), 1, 0, 1, 1);

  mrow->form = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (forms));
  gtk_widget_set_tooltip_text (GTK_WIDGET (mrow->form), _("Original or copy"));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (mrow->form), 2, 0, 1, 1);

  copies_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  mrow->copies = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 99, 1));
  gtk_spin_button_set_numeric (mrow->copies, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (mrow->copies), _("Copies"));
  /* Translators: after the number of copies of a material, e.g. “2 copies” (份) */
  copies_label = gtk_label_new (_("copies"));
  gtk_widget_add_css_class (copies_label, "dim-label");
  gtk_box_append (GTK_BOX (copies_box), GTK_WIDGET (mrow->copies));
  gtk_box_append (GTK_BOX (copies_box), copies_label);
  gtk_grid_attach (GTK_GRID (grid), copies_box, 3, 0, 1, 1);

  mrow->up = icon_button ("go-up-symbolic", _("Move Up"));
  mrow->down = icon_button ("go-down-symbolic", _("Move Down"));
  mrow->remove = icon_button ("user-trash-symbolic", _("Remove"));
  gtk_grid_attach (GTK_GRID (grid), mrow->up, 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), mrow->down, 5, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), mrow->remove, 6, 0, 1, 1);

  mrow->how = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (mrow->how, _("How the client obtains it (optional)"));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (mrow->how), 1, 1, 3, 1);

  mrow->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (mrow->error, TRUE);
  gtk_label_set_xalign (mrow->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (mrow->error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (mrow->error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (mrow->error), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (mrow->error), 1, 2, 3, 1);

  if (material != NULL)
    {
      set_text (mrow->name, material->name);
      gtk_drop_down_set_selected (mrow->form, MIN ((guint) material->form, N_FORMS - 1));
      gtk_spin_button_set_value (mrow->copies, CLAMP (material->copies, 1, 99));
      set_text (mrow->how, material->how_to_obtain);
    }

  gtk_editable_set_editable (GTK_EDITABLE (mrow->name), can_edit);
  gtk_editable_set_editable (GTK_EDITABLE (mrow->how), can_edit);
  gtk_editable_set_editable (GTK_EDITABLE (mrow->copies), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (mrow->form), can_edit);
  gtk_widget_set_can_target (GTK_WIDGET (mrow->copies), can_edit);
  gtk_widget_set_visible (mrow->up, can_edit);
  gtk_widget_set_visible (mrow->down, can_edit);
  gtk_widget_set_visible (mrow->remove, can_edit);

  g_signal_connect_swapped (mrow->name, "changed", G_CALLBACK (material_changed_cb), mrow);
  g_signal_connect_swapped (mrow->how, "changed", G_CALLBACK (material_changed_cb), mrow);
  g_signal_connect_swapped (mrow->form, "notify::selected", G_CALLBACK (material_changed_cb),
                            mrow);
  g_signal_connect_swapped (mrow->copies, "value-changed", G_CALLBACK (material_changed_cb),
                            mrow);
  g_signal_connect_swapped (mrow->up, "clicked", G_CALLBACK (material_up_clicked_cb), mrow);
  g_signal_connect_swapped (mrow->down, "clicked", G_CALLBACK (material_down_clicked_cb), mrow);
  g_signal_connect_swapped (mrow->remove, "clicked", G_CALLBACK (material_remove_clicked_cb),
                            mrow);

  g_ptr_array_add (self->materials, mrow);
  gtk_list_box_append (self->materials_list, mrow->row);
  renumber_materials (self);
  return mrow;
}

static void
clear_materials (BbCatalogueItemDialog *self)
{
  while (self->materials->len > 0)
    {
      MaterialRow *mrow = g_ptr_array_index (self->materials, self->materials->len - 1);

      gtk_list_box_remove (self->materials_list, mrow->row);
      g_ptr_array_remove_index (self->materials, self->materials->len - 1);
    }
}

static void
add_material_clicked_cb (BbCatalogueItemDialog *self)
{
  MaterialRow *mrow = append_material (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (mrow->name));
  mark_dirty (self);
  validate_form (self);
}

/* The form and the item */

static BbMaterial *
material_from_row (MaterialRow *mrow)
{
  return bb_material_new (text_of (mrow->name),
                          (BbMaterialForm) gtk_drop_down_get_selected (mrow->form),
                          gtk_spin_button_get_value_as_int (mrow->copies),
                          text_of (mrow->how));
}

static char *
optional_text (gpointer editable)
{
  const char *text = text_of (editable);

  return *text != '\0' ? g_strdup (text) : NULL;
}

static BbCatalogueItem *
draft_from_form (BbCatalogueItemDialog *self)
{
  BbCatalogueItem *draft = bb_catalogue_item_new ();

  if (self->original != NULL)
    {
      draft->id = self->original->id;
      draft->version = self->original->version;
    }
  draft->name = g_strdup (text_of (self->name_row));
  draft->department = g_strdup (text_of (self->department_row));
  draft->legal_basis = optional_text (self->legal_basis_row);
  draft->limit_days = parse_limit (text_of (self->limit_row));
  draft->process = optional_text (self->process_row);
  draft->fees = optional_text (self->fees_row);
  draft->online = gtk_switch_get_active (self->online_switch);
  draft->active = gtk_switch_get_active (self->active_switch);
  for (guint i = 0; i < self->materials->len; i++)
    g_ptr_array_add (draft->materials, material_from_row (g_ptr_array_index (self->materials, i)));
  return draft;
}

static void
fill_form (BbCatalogueItemDialog *self,
           const BbCatalogueItem *item)
{
  g_autofree char *limit = NULL;

  self->loading = TRUE;
  if (item != NULL && item->limit_days > 0)
    limit = g_strdup_printf ("%d", item->limit_days);
  set_text (self->name_row, item ? item->name : NULL);
  set_text (self->department_row, item ? item->department : NULL);
  set_text (self->legal_basis_row, item ? item->legal_basis : NULL);
  set_text (self->limit_row, limit);
  set_text (self->process_row, item ? item->process : NULL);
  set_text (self->fees_row, item ? item->fees : NULL);
  gtk_switch_set_active (self->online_switch, item ? item->online : FALSE);
  gtk_switch_set_active (self->active_switch, item ? item->active : TRUE);
  clear_materials (self);
  for (guint i = 0; item != NULL && item->materials != NULL && i < item->materials->len; i++)
    append_material (self, g_ptr_array_index (item->materials, i));
  self->loading = FALSE;
}

/* Validation. A probe is a valid item with one field taken from the form,
 * so that core's message is about that field alone. */

static BbCatalogueItem *
new_probe (void)
{
  BbCatalogueItem *probe = bb_catalogue_item_new ();

  probe->name = g_strdup ("probe");
  probe->department = g_strdup ("probe");
  probe->limit_days = 1;
  return probe;
}

typedef enum
{
  FIELD_NAME,
  FIELD_DEPARTMENT,
  FIELD_LEGAL_BASIS,
  FIELD_LIMIT,
  FIELD_PROCESS,
  FIELD_FEES,
  N_FIELDS
} Field;

static AdwEntryRow *
field_row (BbCatalogueItemDialog *self,
           Field                  field)
{
  switch (field)
    {
    case FIELD_NAME:
      return self->name_row;
    case FIELD_DEPARTMENT:
      return self->department_row;
    case FIELD_LEGAL_BASIS:
      return self->legal_basis_row;
    case FIELD_LIMIT:
      return self->limit_row;
    case FIELD_PROCESS:
      return self->process_row;
    case FIELD_FEES:
      return self->fees_row;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The field's name as core's messages give it. */
static const char *
field_label (Field field)
{
  switch (field)
    {
    case FIELD_NAME:
      return _("Matter name");
    case FIELD_DEPARTMENT:
      return _("Department");
    case FIELD_LEGAL_BASIS:
      return _("Legal basis");
    case FIELD_LIMIT:
      return _("Time limit");
    case FIELD_PROCESS:
      return _("Process");
    case FIELD_FEES:
      return _("Fees");
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static gboolean
check_field (const BbCatalogueItem  *draft,
             Field                   field,
             GError                **error)
{
  g_autoptr(BbCatalogueItem) probe = new_probe ();

  switch (field)
    {
    case FIELD_NAME:
      g_free (probe->name);
      probe->name = g_strdup (draft->name);
      break;
    case FIELD_DEPARTMENT:
      g_free (probe->department);
      probe->department = g_strdup (draft->department);
      break;
    case FIELD_LEGAL_BASIS:
      probe->legal_basis = g_strdup (draft->legal_basis);
      break;
    case FIELD_LIMIT:
      probe->limit_days = draft->limit_days;
      break;
    case FIELD_PROCESS:
      probe->process = g_strdup (draft->process);
      break;
    case FIELD_FEES:
      probe->fees = g_strdup (draft->fees);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return bb_catalogue_item_validate (probe, error);
}

/* Material @index of @draft, with valid stand-ins before it so that core
 * numbers it as the user sees it. */
static gboolean
check_material (const BbCatalogueItem  *draft,
                guint                   index,
                GError                **error)
{
  g_autoptr(BbCatalogueItem) probe = new_probe ();

  for (guint i = 0; i < index; i++)
    g_ptr_array_add (probe->materials, bb_material_new ("probe", BB_MATERIAL_ORIGINAL, 1, NULL));
  g_ptr_array_add (probe->materials, bb_material_copy (g_ptr_array_index (draft->materials, index)));
  return bb_catalogue_item_validate (probe, error);
}

static gboolean
field_touched (BbCatalogueItemDialog *self,
               gpointer               widget)
{
  return self->show_all_errors || g_hash_table_contains (self->touched, widget);
}

static void
update_save_action (BbCatalogueItemDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->valid && editable (self) && !self->saving &&
                                 self->database != NULL);
}

static void
validate_form (BbCatalogueItemDialog *self)
{
  g_autoptr(BbCatalogueItem) draft = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GError) whole_error = NULL;
  gboolean valid = TRUE;

  if (self->loading)
    return;

  draft = draft_from_form (self);
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;
      AdwEntryRow *row = field_row (self, field);
      gboolean ok = check_field (draft, field, &error);
      gboolean shown = !ok && field_touched (self, row);

      set_error_class (row, shown);
      if (shown)
        {
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          g_string_append (messages, error->message);
        }
      valid = valid && ok;
    }
  show_message (self->details_message, messages->str);

  for (guint i = 0; i < self->materials->len; i++)
    {
      g_autoptr(GError) error = NULL;
      MaterialRow *mrow = g_ptr_array_index (self->materials, i);
      gboolean ok = check_material (draft, i, &error);
      gboolean shown = !ok && (self->show_all_errors || mrow->touched);

      g_autofree char *name_label = g_strdup_printf (_("Material %u name"), i + 1);
      g_autofree char *how_label = g_strdup_printf (_("Material %u how to obtain"), i + 1);

      set_error_class (mrow->name, shown && g_str_has_prefix (error->message, name_label));
      set_error_class (mrow->how, shown && g_str_has_prefix (error->message, how_label));
      show_message (mrow->error, shown ? error->message : NULL);
      valid = valid && ok;
    }

  /* What only the whole item can tell (how many materials). */
  if (valid && !bb_catalogue_item_validate (draft, &whole_error))
    {
      show_message (self->message_label, whole_error->message);
      self->whole_error_shown = TRUE;
      valid = FALSE;
    }
  else if (self->whole_error_shown)
    {
      show_message (self->message_label, NULL);
      self->whole_error_shown = FALSE;
    }

  self->valid = valid;
  update_save_action (self);
}

static void
field_changed_cb (BbCatalogueItemDialog *self,
                  GtkEditable           *editable)
{
  if (!self->loading)
    g_hash_table_add (self->touched, editable);
  mark_dirty (self);
  validate_form (self);
}

static void
switch_changed_cb (BbCatalogueItemDialog *self)
{
  mark_dirty (self);
  validate_form (self);
}

/* The field a core error is about, from the label it starts with. */
static void
mark_error_field (BbCatalogueItemDialog *self,
                  const GError          *error)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      if (g_str_has_prefix (error->message, field_label (field)))
        set_error_class (field_row (self, field), TRUE);
    }
}

/* Conflicts */

static void
append_change (GString    *text,
               const char *change)
{
  if (text->len > 0)
    /* Translators: between two changes in a list of changes */
    g_string_append (text, _("; "));
  g_string_append (text, change);
}

static void
append_text_change (GString    *text,
                    const char *label,
                    const char *before,
                    const char *after)
{
  g_autofree char *change = NULL;

  if (g_strcmp0 (before, after) == 0)
    return;
  /* Translators: a change someone else made, e.g. “Department is now “市场监督管理局”” */
  change = g_strdup_printf (_("%s is now “%s”"), label, after != NULL ? after : "");
  append_change (text, change);
}

static char *
describe_changes (const BbCatalogueItem *before,
                  const BbCatalogueItem *after)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean materials_changed = FALSE;

  append_text_change (text, field_label (FIELD_NAME), before->name, after->name);
  append_text_change (text, field_label (FIELD_DEPARTMENT), before->department,
                      after->department);
  append_text_change (text, field_label (FIELD_LEGAL_BASIS), before->legal_basis,
                      after->legal_basis);
  append_text_change (text, field_label (FIELD_PROCESS), before->process, after->process);
  append_text_change (text, field_label (FIELD_FEES), before->fees, after->fees);

  if (before->limit_days != after->limit_days)
    {
      g_autofree char *change =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "the time limit is now %d working day",
                                      "the time limit is now %d working days",
                                      after->limit_days),
                         after->limit_days);

      append_change (text, change);
    }
  if (before->online != after->online)
    append_change (text, after->online ? _("it can now be done online")
                                       : _("it can no longer be done online"));
  if (before->active != after->active)
    append_change (text, after->active ? _("it is offered again") : _("it was withdrawn"));

  materials_changed = before->materials->len != after->materials->len;
  for (guint i = 0; !materials_changed && i < before->materials->len; i++)
    {
      BbMaterial *a = g_ptr_array_index (before->materials, i);
      BbMaterial *b = g_ptr_array_index (after->materials, i);

      materials_changed = g_strcmp0 (a->name, b->name) != 0 || a->form != b->form ||
                          a->copies != b->copies ||
                          g_strcmp0 (a->how_to_obtain, b->how_to_obtain) != 0;
    }
  if (materials_changed)
    append_change (text, _("the required materials were changed"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_conflict (BbCatalogueItemDialog *self,
               const BbCatalogueItem *theirs)
{
  g_autofree char *changes = NULL;
  g_autofree char *message = NULL;

  g_clear_pointer (&self->theirs, bb_catalogue_item_free);
  self->theirs = bb_catalogue_item_copy (theirs);
  changes = describe_changes (self->original, theirs);
  if (*changes == '\0')
    message = g_strdup (_("Someone else saved this matter while you were editing it. "
                          "What you typed is still here: keep yours and save again, or load "
                          "their version."));
  else
    message = g_strdup_printf (_("Someone else saved this matter while you were editing it: "
                                 "%s. What you typed is still here: keep yours and save "
                                 "again, or load their version."),
                               changes);
  gtk_label_set_text (self->conflict_label, message);
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
}

static void
keep_mine_clicked_cb (BbCatalogueItemDialog *self)
{
  if (self->theirs == NULL)
    return;
  /* Saving now replaces their version knowingly. */
  g_clear_pointer (&self->original, bb_catalogue_item_free);
  self->original = g_steal_pointer (&self->theirs);
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  show_message (self->message_label, _("Save again to replace their version with yours."));
  validate_form (self);
}

static void
load_theirs_clicked_cb (BbCatalogueItemDialog *self)
{
  if (self->theirs == NULL)
    return;
  g_clear_pointer (&self->original, bb_catalogue_item_free);
  self->original = g_steal_pointer (&self->theirs);
  fill_form (self, self->original);
  self->dirty = FALSE;
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  show_message (self->message_label, NULL);
  validate_form (self);
}

/* Saving */

typedef struct
{
  BbDatabase      *database;
  BbActor         *actor;
  BbCatalogueItem *item;
  BbCatalogueItem *theirs;
  gint64           id;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->database);
  g_clear_pointer (&job->actor, bb_actor_free);
  g_clear_pointer (&job->item, bb_catalogue_item_free);
  g_clear_pointer (&job->theirs, bb_catalogue_item_free);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (job->item->id == 0)
    {
      job->id = bb_catalogue_repo_add (job->database, job->actor, job->item, &error);
      if (job->id == 0)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      job->id = job->item->id;
      if (!bb_catalogue_repo_update (job->database, job->actor, job->item, &error))
        {
          if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT))
            job->theirs = bb_catalogue_repo_get (job->database, job->id, NULL);
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_saving (BbCatalogueItemDialog *self,
            gboolean               saving)
{
  self->saving = !!saving;
  if (saving)
    gtk_spinner_start (self->save_spinner);
  else
    gtk_spinner_stop (self->save_spinner);
  update_save_action (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BbCatalogueItemDialog) self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_saving (self, FALSE);
      if (g_error_matches (error, BB_ERROR, BB_ERROR_CONFLICT) && job->theirs != NULL)
        {
          show_message (self->message_label, NULL);
          show_conflict (self, job->theirs);
        }
      else
        {
          if (g_error_matches (error, BB_ERROR, BB_ERROR_INVALID))
            mark_error_field (self, error);
          show_message (self->message_label, error->message);
        }
      validate_form (self);
      return;
    }

  set_saving (self, FALSE);
  self->saved = TRUE;
  g_signal_emit (self, signals[SAVED], 0, job->id, job->item->name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbCatalogueItemDialog *self = BB_CATALOGUE_ITEM_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  if (self->saving || !editable (self) || self->database == NULL)
    return;

  self->show_all_errors = TRUE;
  show_message (self->message_label, NULL);
  validate_form (self);
  if (!self->valid)
    return;

  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  set_saving (self, TRUE);
  update_save_action (self);

  job = g_new0 (SaveJob, 1);
  job->database = g_object_ref (self->database);
  job->actor = bb_actor_copy (self->actor);
  job->item = draft_from_form (self);
  task = g_task_new (NULL, self->cancellable, saved_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/* Closing */

static void
discard_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     BbCatalogueItemDialog *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
bb_catalogue_item_dialog_close_request (GtkWindow *window)
{
  BbCatalogueItemDialog *self = BB_CATALOGUE_ITEM_DIALOG (window);
  GtkWidget *dialog;

  if (self->dirty && !self->saved && !self->discard && editable (self))
    {
      dialog = adw_message_dialog_new (window, _("Discard Your Changes?"),
                                       _("What you typed in this matter has not been saved."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bb_catalogue_item_dialog_parent_class)->close_request (window);
}

/* Object */

static void
bb_catalogue_item_dialog_constructed (GObject *object)
{
  BbCatalogueItemDialog *self = BB_CATALOGUE_ITEM_DIALOG (object);
  gboolean can_edit = editable (self);
  gpointer rows[] = { self->name_row, self->department_row, self->legal_basis_row,
                      self->limit_row, self->process_row, self->fees_row };

  G_OBJECT_CLASS (bb_catalogue_item_dialog_parent_class)->constructed (object);

  fill_form (self, self->original);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_editable (GTK_EDITABLE (rows[i]), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->online_switch), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->active_switch), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->add_material_button), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), can_edit);
  gtk_button_set_label (self->cancel_button, can_edit ? _("_Cancel") : _("_Close"));

  if (!can_edit)
    adw_window_title_set_title (self->window_title, _("Matter"));
  else if (self->original == NULL)
    adw_window_title_set_title (self->window_title, _("New Matter"));
  else
    adw_window_title_set_title (self->window_title, _("Edit Matter"));
  if (self->original != NULL)
    adw_window_title_set_subtitle (self->window_title, self->original->name);
  if (self->original == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->active_row), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));

  validate_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
bb_catalogue_item_dialog_dispose (GObject *object)
{
  BbCatalogueItemDialog *self = BB_CATALOGUE_ITEM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CATALOGUE_ITEM_DIALOG);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->original, bb_catalogue_item_free);
  g_clear_pointer (&self->theirs, bb_catalogue_item_free);

  G_OBJECT_CLASS (bb_catalogue_item_dialog_parent_class)->dispose (object);
}

static void
bb_catalogue_item_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  BbCatalogueItemDialog *self = BB_CATALOGUE_ITEM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_ITEM:
      g_value_set_boxed (value, self->original);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, editable (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_catalogue_item_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  BbCatalogueItemDialog *self = BB_CATALOGUE_ITEM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_ITEM:
      self->original = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_catalogue_item_dialog_class_init (BbCatalogueItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bb_catalogue_item_dialog_constructed;
  object_class->dispose = bb_catalogue_item_dialog_dispose;
  object_class->get_property = bb_catalogue_item_dialog_get_property;
  object_class->set_property = bb_catalogue_item_dialog_set_property;
  window_class->close_request = bb_catalogue_item_dialog_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * BbCatalogueItemDialog:item:
   *
   * The matter as it was read, with its version; %NULL for a new one.
   */
  properties[PROP_ITEM] =
    g_param_spec_boxed ("item", NULL, NULL, BB_TYPE_CATALOGUE_ITEM,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbCatalogueItemDialog::saved:
   * @id: the matter's row
   * @name: the matter's name as typed
   *
   * The matter was stored; the dialog closes right after.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-catalogue-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, keep_mine_button);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, load_theirs_button);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, legal_basis_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, limit_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, process_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, fees_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, online_switch);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, details_message);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, add_material_button);
  gtk_widget_class_bind_template_child (widget_class, BbCatalogueItemDialog, materials_list);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_material_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_theirs_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_catalogue_item_dialog_init (BbCatalogueItemDialog *self)
{
  self->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) material_row_free);
  self->touched = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->materials_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No materials are listed yet"),
                                              "margin-top", 12, "margin-bottom", 12,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));
}

/**
 * bb_catalogue_item_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @actor: who works: administrators edit, everybody else only reads
 * @item: (nullable): the matter as read, or %NULL for a new one
 */
BbCatalogueItemDialog *
bb_catalogue_item_dialog_new (GtkWindow             *parent,
                              BbDatabase            *database,
                              const BbActor         *actor,
                              const BbCatalogueItem *item)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (BB_TYPE_CATALOGUE_ITEM_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "actor", actor,
                       "item", item,
                       NULL);
}

gboolean
bb_catalogue_item_dialog_get_editable (BbCatalogueItemDialog *self)
{
  g_return_val_if_fail (BB_IS_CATALOGUE_ITEM_DIALOG (self), FALSE);

  return editable (self);
}
