/* bb-client-step.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first step of both wizards: who the client (服务对象) is. Either a
 * client recorded before, found by name, ID number or phone number, or a
 * new one, every field validated as it is typed with the reason beside it.
 * A 代办 commission needs the ID number (an organisation's credit code) and
 * a phone number (#BbClientStep:require-contact): a recorded client without
 * them can have them added here.
 *
 * Nothing is written here: the wizard adds or updates the client when it
 * saves the case, with bb_client_step_dup_client().
 */

#define G_LOG_DOMAIN "bb-client-step"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-client-step.h"
#include "bb-error.h"
#include "bb-field.h"
#include "bb-validate.h"

#define SEARCH_LIMIT          20
#define NAME_MAX_CHARS        100
#define ADDRESS_MAX_CHARS     200
#define TALENT_CARD_MAX_CHARS 50
#define NOTES_MAX_CHARS       2000
#define TOUCHED_KEY           "bb-touched"

struct _BbClientStep
{
  GtkWidget             parent_instance;

  BbDatabase           *database;
  GCancellable         *cancellable;
  BbClient             *selected;
  BbClient             *match;
  guint                 search_serial;
  guint                 match_serial;
  char                 *match_query;
  guint                 require_contact : 1;
  guint                 complete : 1;
  guint                 updating : 1;

  GtkToggleButton      *find_toggle;
  GtkToggleButton      *new_toggle;
  GtkStack             *mode_stack;
  GtkSearchEntry       *search_entry;
  GtkListBox           *results_list;
  GtkLabel             *results_placeholder;
  AdwPreferencesGroup  *selected_group;
  AdwActionRow         *selected_row;
  AdwEntryRow          *complete_id_row;
  AdwEntryRow          *complete_phone_row;
  AdwPreferencesGroup  *new_group;
  AdwComboRow          *kind_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *id_number_row;
  AdwEntryRow          *credit_code_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *address_row;
  AdwComboRow          *category_row;
  AdwEntryRow          *talent_card_row;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *match_group;
  AdwActionRow         *match_row;
};

G_DEFINE_FINAL_TYPE (BbClientStep, bb_client_step, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_REQUIRE_CONTACT,
  PROP_COMPLETE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *kinds[] = { BB_CLIENT_PERSON, BB_CLIENT_ORGANISATION };

static void revalidate (BbClientStep *self);

/* Reading the form */

static gboolean
is_new (BbClientStep *self)
{
  return gtk_toggle_button_get_active (self->new_toggle);
}

static const char *
selected_kind (BbClientStep *self)
{
  guint index = adw_combo_row_get_selected (self->kind_row);

  return kinds[index < G_N_ELEMENTS (kinds) ? index : 0];
}

static const char *
selected_category (BbClientStep *self)
{
  const char * const *codes = bb_client_categories ();
  guint index = adw_combo_row_get_selected (self->category_row);

  if (index < g_strv_length ((char **) codes))
    return codes[index];
  return BB_CATEGORY_OTHER;
}

static void
select_category (BbClientStep *self,
                 const char   *code)
{
  const char * const *codes = bb_client_categories ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], code != NULL ? code : BB_CATEGORY_OTHER) == 0)
        adw_combo_row_set_selected (self->category_row, i);
    }
}

static char *
row_text (AdwEntryRow *row)
{
  return bb_field_dup_text (GTK_WIDGET (row));
}

/* A field shows “is empty” only once something was typed in it: an
 * untouched form is not a page of errors. */
static gboolean
touched (AdwEntryRow *row)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    g_object_set_data (G_OBJECT (row), TOUCHED_KEY, GINT_TO_POINTER (TRUE));
  return g_object_get_data (G_OBJECT (row), TOUCHED_KEY) != NULL;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  if (text == NULL || *text == '\0')
    g_object_set_data (G_OBJECT (row), TOUCHED_KEY, NULL);
}

/* Checks one row with @check; an empty row is fine unless @required. */
static gboolean
check_row (AdwEntryRow  *row,
           const char   *label,
           gboolean      required,
           gboolean    (*check) (const char *value, GError **error))
{
  g_autofree char *text = row_text (row);
  g_autoptr(GError) error = NULL;
  gboolean was_touched = touched (row);

  if (text == NULL)
    {
      if (required && was_touched)
        bb_set_field_error (&error, label, _("is required here"));
      bb_field_set_error (GTK_WIDGET (row), error);
      return !required;
    }

  if (check (text, &error))
    {
      bb_field_set_error (GTK_WIDGET (row), NULL);
      return TRUE;
    }
  bb_field_set_error (GTK_WIDGET (row), error);
  return FALSE;
}

static gboolean
check_text_row (AdwEntryRow *row,
                const char  *label,
                gboolean     required,
                guint        max_chars)
{
  g_autofree char *text = row_text (row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = bb_validate_text (label, text, required, max_chars, &error);
  /* “is empty” only for a field the user has been in. */
  if (!ok && text == NULL && !touched (row))
    g_clear_error (&error);
  bb_field_set_error (GTK_WIDGET (row), error);
  return ok;
}

static BbClient *
client_from_form (BbClientStep *self)
{
  BbClient *client = bb_client_new ();
  gboolean person = g_str_equal (selected_kind (self), BB_CLIENT_PERSON);

  client->kind = g_strdup (selected_kind (self));
  client->name = row_text (self->name_row);
  if (person)
    client->id_number = row_text (self->id_number_row);
  else
    client->credit_code = row_text (self->credit_code_row);
  client->phone = row_text (self->phone_row);
  client->email = row_text (self->email_row);
  client->address = row_text (self->address_row);
  client->category = g_strdup (selected_category (self));
  if (g_str_equal (client->category, BB_CATEGORY_TALENT))
    client->talent_card = row_text (self->talent_card_row);
  client->notes = row_text (self->notes_row);
  return client;
}

static gboolean
validate_new (BbClientStep *self)
{
  gboolean person = g_str_equal (selected_kind (self), BB_CLIENT_PERSON);
  gboolean ok = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->id_number_row), person);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_row), !person);
  gtk_widget_set_visible (GTK_WIDGET (self->talent_card_row),
                          g_str_equal (selected_category (self), BB_CATEGORY_TALENT));

  /* Translators: a client's name (a person's or an organisation's) */
  ok &= check_text_row (self->name_row, _("Name"), TRUE, NAME_MAX_CHARS);
  if (person)
    ok &= check_row (self->id_number_row, _("ID number"), self->require_contact,
                     bb_validate_id_number);
  else
    ok &= check_row (self->credit_code_row, _("Credit code"), self->require_contact,
                     bb_validate_credit_code);
  ok &= check_row (self->phone_row, _("Phone number"), self->require_contact, bb_validate_phone);
  ok &= check_row (self->email_row, _("Email"), FALSE, bb_validate_email);
  ok &= check_text_row (self->address_row, _("Address"), FALSE, ADDRESS_MAX_CHARS);
  if (gtk_widget_get_visible (GTK_WIDGET (self->talent_card_row)))
    ok &= check_text_row (self->talent_card_row, _("Talent card"), FALSE,
                          TALENT_CARD_MAX_CHARS);
  ok &= check_text_row (self->notes_row, _("Notes"), FALSE, NOTES_MAX_CHARS);

  if (ok)
    {
      /* Whatever core checks on top of the single fields. */
      g_autoptr(BbClient) client = client_from_form (self);

      ok = bb_client_validate (client, NULL);
    }
  return ok;
}

static gboolean
selected_has_id (BbClientStep *self)
{
  if (g_strcmp0 (self->selected->kind, BB_CLIENT_ORGANISATION) == 0)
    return self->selected->credit_code != NULL && *self->selected->credit_code != '\0';
  return self->selected->id_number != NULL && *self->selected->id_number != '\0';
}

static gboolean
selected_has_phone (BbClientStep *self)
{
  return self->selected->phone != NULL && *self->selected->phone != '\0';
}

static gboolean
validate_existing (BbClientStep *self)
{
  gboolean need_id, need_phone;
  gboolean ok = TRUE;

  if (self->selected == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->complete_id_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->complete_phone_row), FALSE);
      return FALSE;
    }

  need_id = self->require_contact && !selected_has_id (self);
  need_phone = self->require_contact && !selected_has_phone (self);
  gtk_widget_set_visible (GTK_WIDGET (self->complete_id_row), need_id);
  gtk_widget_set_visible (GTK_WIDGET (self->complete_phone_row), need_phone);

  if (need_id)
    {
      gboolean organisation = g_strcmp0 (self->selected->kind, BB_CLIENT_ORGANISATION) == 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->complete_id_row),
                                     organisation ? _("Unified Social _Credit Code (required)")
                                                  : _("_ID Number (required)"));
      ok &= check_row (self->complete_id_row, organisation ? _("Credit code") : _("ID number"),
                       TRUE, organisation ? bb_validate_credit_code : bb_validate_id_number);
    }
  if (need_phone)
    ok &= check_row (self->complete_phone_row, _("Phone number"), TRUE, bb_validate_phone);
  return ok;
}

/* Threads */

typedef struct
{
  BbDatabase *database;
  char       *query;
  gint64      id;
  guint       serial;
} Query;

static void
query_free (Query *query)
{
  g_clear_object (&query->database);
  g_free (query->query);
  g_free (query);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Query *query = task_data;
  GError *error = NULL;
  GPtrArray *found;

  if (query->id > 0)
    {
      BbClient *client = bb_client_repo_get (query->database, query->id, &error);

      if (client == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      found = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_client_free);
      g_ptr_array_add (found, client);
    }
  else
    {
      found = bb_client_repo_find (query->database, query->query, SEARCH_LIMIT, &error);
      if (found == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void
run_query (BbClientStep        *self,
           const char          *text,
           gint64               id,
           guint                serial,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  query = g_new0 (Query, 1);
  query->database = g_object_ref (self->database);
  query->query = g_strdup (text);
  query->id = id;
  query->serial = serial;

  task = g_task_new (NULL, self->cancellable, callback, g_object_ref (self));
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, find_thread);
}

static char *
describe_client (const BbClient *client)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup (bb_client_kind_label (client->kind)));
  if (client->id_number != NULL)
    g_ptr_array_add (parts, bb_mask_id_number (client->id_number));
  if (client->credit_code != NULL)
    g_ptr_array_add (parts, g_strdup (client->credit_code));
  if (client->phone != NULL)
    g_ptr_array_add (parts, bb_mask_phone (client->phone));
  if (client->category != NULL && g_strcmp0 (client->category, BB_CATEGORY_OTHER) != 0)
    g_ptr_array_add (parts, g_strdup (bb_client_category_label (client->category)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_selected (BbClientStep *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->selected_group), self->selected != NULL);
  if (self->selected != NULL)
    {
      g_autofree char *description = describe_client (self->selected);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->selected_row),
                                     self->selected->name);
      adw_action_row_set_subtitle (self->selected_row, description);
    }
}

static void
set_selected (BbClientStep   *self,
              const BbClient *client)
{
  if (self->selected == client)
    return;
  g_clear_pointer (&self->selected, bb_client_free);
  if (client != NULL)
    self->selected = bb_client_copy (client);
  self->updating = TRUE;
  set_row_text (self->complete_id_row, NULL);
  set_row_text (self->complete_phone_row, NULL);
  self->updating = FALSE;
  show_selected (self);
  revalidate (self);
}

static void
clear_results (BbClientStep *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BbClientStep) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  Query *query = g_task_get_task_data (G_TASK (result));

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      query->serial != self->search_serial)
    return;

  clear_results (self);
  if (found == NULL)
    {
      gtk_label_set_text (self->results_placeholder, error->message);
      return;
    }
  if (found->len == 0)
    {
      gtk_label_set_text (self->results_placeholder,
                          _("No client found. Check what you typed, or record a new client."));
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      BbClient *client = g_ptr_array_index (found, i);
      g_autofree char *description = describe_client (client);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), client->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "bb-client", bb_client_copy (client),
                              (GDestroyNotify) bb_client_free);
      gtk_list_box_append (self->results_list, row);
    }
}

static void
restored_client_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BbClientStep) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (found != NULL && found->len > 0 && self->selected == NULL)
    {
      JsonObject *completion = g_object_get_data (G_OBJECT (self), "bb-completion");

      set_selected (self, g_ptr_array_index (found, 0));
      if (completion != NULL)
        {
          set_row_text (self->complete_id_row,
                        json_object_get_string_member_with_default (completion, "id", NULL));
          set_row_text (self->complete_phone_row,
                        json_object_get_string_member_with_default (completion, "phone", NULL));
        }
    }
  g_object_set_data (G_OBJECT (self), "bb-completion", NULL);
}

/* New client: is it already recorded? */

static void
match_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BbClientStep) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  Query *query = g_task_get_task_data (G_TASK (result));

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      query->serial != self->match_serial)
    return;

  g_clear_pointer (&self->match, bb_client_free);
  if (found != NULL && found->len > 0)
    {
      g_autofree char *description = NULL;

      self->match = bb_client_copy (g_ptr_array_index (found, 0));
      description = describe_client (self->match);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->match_row), self->match->name);
      adw_action_row_set_subtitle (self->match_row, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->match_group), self->match != NULL);
}

static void
look_for_match (BbClientStep *self)
{
  gboolean person = g_str_equal (selected_kind (self), BB_CLIENT_PERSON);
  g_autofree char *key = NULL;

  if (self->database == NULL || !is_new (self))
    return;

  /* The first identifying number typed that is valid. */
  key = row_text (person ? self->id_number_row : self->credit_code_row);
  if (key != NULL &&
      !(person ? bb_validate_id_number (key, NULL) : bb_validate_credit_code (key, NULL)))
    g_clear_pointer (&key, g_free);
  if (key == NULL)
    {
      key = row_text (self->phone_row);
      if (key != NULL && !bb_validate_phone (key, NULL))
        g_clear_pointer (&key, g_free);
    }

  if (g_strcmp0 (key, self->match_query) == 0)
    return;
  g_free (self->match_query);
  self->match_query = g_strdup (key);
  self->match_serial++;

  if (key == NULL)
    {
      g_clear_pointer (&self->match, bb_client_free);
      gtk_widget_set_visible (GTK_WIDGET (self->match_group), FALSE);
      return;
    }
  run_query (self, key, 0, self->match_serial, match_found_cb);
}

static void
revalidate (BbClientStep *self)
{
  gboolean complete;

  if (is_new (self))
    {
      complete = validate_new (self);
      look_for_match (self);
    }
  else
    complete = validate_existing (self);

  if (self->complete != complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Signal handlers */

static void
mode_toggled_cb (BbClientStep *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, is_new (self) ? "new" : "find");
  revalidate (self);
}

static void
field_changed_cb (BbClientStep *self)
{
  if (!self->updating)
    revalidate (self);
}

static void
search_changed_cb (BbClientStep *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  self->search_serial++;
  g_signal_emit (self, signals[CHANGED], 0);
  if (*text == '\0' || self->database == NULL)
    {
      clear_results (self);
      gtk_label_set_text (self->results_placeholder,
                          _("Type a name, an ID number or a phone number to find a client "
                            "recorded before."));
      return;
    }
  gtk_label_set_text (self->results_placeholder, _("Searching…"));
  run_query (self, text, 0, self->search_serial, found_cb);
}

static void
result_activated_cb (BbClientStep  *self,
                     GtkListBoxRow *row)
{
  BbClient *client = g_object_get_data (G_OBJECT (row), "bb-client");

  if (client != NULL)
    {
      set_selected (self, client);
      if (gtk_widget_get_visible (GTK_WIDGET (self->complete_id_row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->complete_id_row));
      else if (gtk_widget_get_visible (GTK_WIDGET (self->complete_phone_row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->complete_phone_row));
    }
}

static void
change_clicked_cb (BbClientStep *self)
{
  set_selected (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
use_match_clicked_cb (BbClientStep *self)
{
  g_autoptr(BbClient) match = NULL;

  if (self->match == NULL)
    return;
  match = bb_client_copy (self->match);
  bb_client_step_select_client (self, match);
}

/* Overrides */

static void
bb_client_step_dispose (GObject *object)
{
  BbClientStep *self = BB_CLIENT_STEP (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CLIENT_STEP);
  /* Direct children the template does not name go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->selected, bb_client_free);
  g_clear_pointer (&self->match, bb_client_free);
  g_clear_pointer (&self->match_query, g_free);

  G_OBJECT_CLASS (bb_client_step_parent_class)->dispose (object);
}

static void
bb_client_step_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbClientStep *self = BB_CLIENT_STEP (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_REQUIRE_CONTACT:
      g_value_set_boolean (value, self->require_contact);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_client_step_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbClientStep *self = BB_CLIENT_STEP (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      bb_client_step_set_database (self, g_value_get_object (value));
      break;

    case PROP_REQUIRE_CONTACT:
      bb_client_step_set_require_contact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_client_step_class_init (BbClientStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_client_step_dispose;
  object_class->get_property = bb_client_step_get_property;
  object_class->set_property = bb_client_step_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbClientStep:require-contact:
   *
   * Whether the client must have an ID number (or credit code) and a phone
   * number: table A.2, the 代办 acceptance slip, prints both.
   */
  properties[PROP_REQUIRE_CONTACT] =
    g_param_spec_boolean ("require-contact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbClientStep::changed:
   *
   * Something was typed or chosen (for the wizard's draft).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-client-step.ui");
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, find_toggle);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, new_toggle);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, results_list);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, results_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, selected_group);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, selected_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, complete_id_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, complete_phone_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, new_group);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, name_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, email_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, address_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, category_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, talent_card_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, notes_row);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, match_group);
  gtk_widget_class_bind_template_child (widget_class, BbClientStep, match_row);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_match_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clientstep");
}

static void
bb_client_step_init (BbClientStep *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_labels = gtk_string_list_new (NULL);
  const char * const *categories = bb_client_categories ();

  self->cancellable = g_cancellable_new ();
  self->updating = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, bb_client_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
  for (guint i = 0; categories[i] != NULL; i++)
    gtk_string_list_append (category_labels, bb_client_category_label (categories[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_labels));
  select_category (self, BB_CATEGORY_OTHER);

  self->updating = FALSE;
  revalidate (self);
}

BbClientStep *
bb_client_step_new (void)
{
  return g_object_new (BB_TYPE_CLIENT_STEP, NULL);
}

BbDatabase *
bb_client_step_get_database (BbClientStep *self)
{
  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), NULL);

  return self->database;
}

void
bb_client_step_set_database (BbClientStep *self,
                             BbDatabase   *database)
{
  g_return_if_fail (BB_IS_CLIENT_STEP (self));
  g_return_if_fail (database == NULL || BB_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
bb_client_step_get_require_contact (BbClientStep *self)
{
  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), FALSE);

  return self->require_contact;
}

void
bb_client_step_set_require_contact (BbClientStep *self,
                                    gboolean      require_contact)
{
  g_return_if_fail (BB_IS_CLIENT_STEP (self));

  if (self->require_contact == !!require_contact)
    return;
  self->require_contact = !!require_contact;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_number_row),
                                 require_contact ? _("_ID Number (required)") : _("_ID Number"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->credit_code_row),
                                 require_contact ? _("Unified Social _Credit Code (required)")
                                                 : _("Unified Social _Credit Code"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->phone_row),
                                 require_contact ? _("_Phone Number (required)")
                                                 : _("_Phone Number"));
  adw_preferences_group_set_description (self->new_group,
                                         require_contact
                                         ? _("The acceptance slip prints the applicant’s ID "
                                             "number and phone number: both are needed.")
                                         : NULL);
  revalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRE_CONTACT]);
}

gboolean
bb_client_step_get_complete (BbClientStep *self)
{
  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), FALSE);

  return self->complete;
}

/**
 * bb_client_step_get_is_new:
 *
 * Returns: whether the client is to be added (not recorded yet)
 */
gboolean
bb_client_step_get_is_new (BbClientStep *self)
{
  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), FALSE);

  return is_new (self);
}

/**
 * bb_client_step_get_needs_update:
 *
 * Returns: whether a recorded client had its ID number or phone number
 *   added here (bb_client_repo_update() must store them)
 */
gboolean
bb_client_step_get_needs_update (BbClientStep *self)
{
  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), FALSE);

  return !is_new (self) && self->selected != NULL &&
         (gtk_widget_get_visible (GTK_WIDGET (self->complete_id_row)) ||
          gtk_widget_get_visible (GTK_WIDGET (self->complete_phone_row)));
}

/**
 * bb_client_step_dup_client:
 *
 * Returns: (transfer full) (nullable): the client: a recorded one (its id
 *   set, with what was added here) or a new one to add (id 0); %NULL while
 *   the step is not complete
 */
BbClient *
bb_client_step_dup_client (BbClientStep *self)
{
  BbClient *client;

  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), NULL);

  if (!self->complete)
    return NULL;
  if (is_new (self))
    return client_from_form (self);

  client = bb_client_copy (self->selected);
  if (gtk_widget_get_visible (GTK_WIDGET (self->complete_id_row)))
    {
      char **field = g_strcmp0 (client->kind, BB_CLIENT_ORGANISATION) == 0
                     ? &client->credit_code : &client->id_number;

      g_free (*field);
      *field = row_text (self->complete_id_row);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->complete_phone_row)))
    {
      g_free (client->phone);
      client->phone = row_text (self->complete_phone_row);
    }
  return client;
}

/**
 * bb_client_step_select_client:
 * @client: a recorded client (its id set)
 *
 * Shows @client as the one chosen, as if found and picked: used when the
 * wizard has just added the new client (a retry must not add it twice) and
 * by “Use This Client”.
 */
void
bb_client_step_select_client (BbClientStep   *self,
                              const BbClient *client)
{
  g_return_if_fail (BB_IS_CLIENT_STEP (self));
  g_return_if_fail (client != NULL && client->id > 0);

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->find_toggle, TRUE);
  gtk_stack_set_visible_child_name (self->mode_stack, "find");
  self->updating = FALSE;
  set_selected (self, client);
}

/**
 * bb_client_step_dup_summary:
 *
 * Returns: (transfer full) (nullable): the client's name as it stands
 */
char *
bb_client_step_dup_summary (BbClientStep *self)
{
  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), NULL);

  if (is_new (self))
    return row_text (self->name_row);
  return self->selected != NULL ? g_strdup (self->selected->name) : NULL;
}

static void
save_row (JsonObject  *data,
          const char  *name,
          AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*text != '\0')
    json_object_set_string_member (data, name, text);
}

/**
 * bb_client_step_save:
 *
 * Returns: (transfer full): everything typed and chosen, for a draft
 */
JsonObject *
bb_client_step_save (BbClientStep *self)
{
  JsonObject *data;

  g_return_val_if_fail (BB_IS_CLIENT_STEP (self), NULL);

  data = json_object_new ();
  json_object_set_string_member (data, "mode", is_new (self) ? "new" : "find");
  json_object_set_string_member (data, "search",
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->selected != NULL)
    {
      JsonObject *completion = json_object_new ();

      json_object_set_int_member (data, "client_id", self->selected->id);
      save_row (completion, "id", self->complete_id_row);
      save_row (completion, "phone", self->complete_phone_row);
      json_object_set_object_member (data, "completion", completion);
    }
  json_object_set_string_member (data, "kind", selected_kind (self));
  json_object_set_string_member (data, "category", selected_category (self));
  save_row (data, "name", self->name_row);
  save_row (data, "id_number", self->id_number_row);
  save_row (data, "credit_code", self->credit_code_row);
  save_row (data, "phone", self->phone_row);
  save_row (data, "email", self->email_row);
  save_row (data, "address", self->address_row);
  save_row (data, "talent_card", self->talent_card_row);
  save_row (data, "notes", self->notes_row);
  return data;
}

/**
 * bb_client_step_restore:
 * @data: what bb_client_step_save() gave
 *
 * Puts a draft back. A recorded client is read again from the database
 * (in a thread): the step becomes complete when it is there. An empty
 * @data empties the step.
 */
void
bb_client_step_restore (BbClientStep *self,
                        JsonObject   *data)
{
  const char *kind;
  gint64 client_id;

  g_return_if_fail (BB_IS_CLIENT_STEP (self));
  g_return_if_fail (data != NULL);

  self->updating = TRUE;

  kind = json_object_get_string_member_with_default (data, "kind", BB_CLIENT_PERSON);
  adw_combo_row_set_selected (self->kind_row, g_strcmp0 (kind, BB_CLIENT_ORGANISATION) == 0);
  select_category (self, json_object_get_string_member_with_default (data, "category", NULL));
  set_row_text (self->name_row, json_object_get_string_member_with_default (data, "name", NULL));
  set_row_text (self->id_number_row,
                json_object_get_string_member_with_default (data, "id_number", NULL));
  set_row_text (self->credit_code_row,
                json_object_get_string_member_with_default (data, "credit_code", NULL));
  set_row_text (self->phone_row, json_object_get_string_member_with_default (data, "phone", NULL));
  set_row_text (self->email_row, json_object_get_string_member_with_default (data, "email", NULL));
  set_row_text (self->address_row,
                json_object_get_string_member_with_default (data, "address", NULL));
  set_row_text (self->talent_card_row,
                json_object_get_string_member_with_default (data, "talent_card", NULL));
  set_row_text (self->notes_row, json_object_get_string_member_with_default (data, "notes", NULL));

  if (g_strcmp0 (json_object_get_string_member_with_default (data, "mode", NULL), "new") == 0)
    gtk_toggle_button_set_active (self->new_toggle, TRUE);
  else
    gtk_toggle_button_set_active (self->find_toggle, TRUE);
  gtk_stack_set_visible_child_name (self->mode_stack, is_new (self) ? "new" : "find");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         json_object_get_string_member_with_default (data, "search", ""));

  self->updating = FALSE;

  client_id = json_object_get_int_member_with_default (data, "client_id", 0);
  if (client_id <= 0)
    set_selected (self, NULL);
  else if (self->database != NULL)
    {
      JsonObject *completion = json_object_get_object_member (data, "completion");

      g_clear_pointer (&self->selected, bb_client_free);
      if (completion != NULL)
        g_object_set_data_full (G_OBJECT (self), "bb-completion", json_object_ref (completion),
                                (GDestroyNotify) json_object_unref);
      run_query (self, NULL, client_id, 0, restored_client_cb);
    }
  revalidate (self);
}
