/* test-ui-admin.c — sign-in, catalogue, staff, holidays and consultations
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real widgets under Xvfb against a fresh SQLite database each:
 * the first run creates the administrator and signs in; a wrong password is
 * refused; a staff member is added through the page; a catalogue item is
 * edited and saved, a time limit of 0 refused with the field named and a
 * conflict shown with the typed input kept; a holiday is cycled through its
 * three states; a consultation is recorded. The database is checked behind
 * the widgets' back after each step, and a PNG of each page is saved in the
 * build's log folder (meson-logs/bangban-tests/ui-admin-*-LANG.png).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bb-application.h"
#include "bb-catalogue-item-dialog.h"
#include "bb-catalogue-page.h"
#include "bb-catalogue-repo.h"
#include "bb-consultation-dialog.h"
#include "bb-holiday-repo.h"
#include "bb-holidays-page.h"
#include "bb-sign-in-page.h"
#include "bb-staff-dialog.h"
#include "bb-staff-page.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"

#define ADMIN_NUMBER   "A001"
#define ADMIN_PASSWORD "Sesame-2026"

/* bb_ui_test_template_child(), under the short name the tests use */
#define child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

static BbApplication *app;
static const char *lang_tag = "C";

/* Waiting and looking */

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
window_shown (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

/* A click, as GTK delivers it: only on a sensitive button. */
static void
click (gpointer button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static gboolean
not_busy (gpointer data)
{
  gboolean busy = TRUE;

  g_object_get (data, "busy", &busy, NULL);
  return !busy;
}

static GtkWindow *
page_window (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1280, 860);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  return window;
}

/* The database */

typedef struct
{
  BbLocation *location;
  BbDatabase *db;
  BbActor    *admin;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->location = bb_test_new_location ();
  fixture->db = bb_test_open (fixture->location);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->admin, bb_actor_free);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->location, bb_location_free);
}

static void
add_admin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbActor) system = bb_actor_new_system ();

  g_assert_cmpint (bb_staff_repo_add (fixture->db, system, ADMIN_NUMBER, "王管理", BB_ROLE_ADMIN,
                                      NULL, NULL, ADMIN_PASSWORD, &error), >, 0);
  g_assert_no_error (error);
  fixture->admin = bb_staff_repo_authenticate (fixture->db, ADMIN_NUMBER, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  return bb_test_query_string (fixture->location, sql);
}

/* Sign-in */

typedef struct
{
  BbActor *actor;
  guint    count;
} SignedIn;

static void
signed_in_cb (BbSignInPage *page,
              BbActor      *actor,
              SignedIn     *signed_in)
{
  g_clear_pointer (&signed_in->actor, bb_actor_free);
  signed_in->actor = bb_actor_copy (actor);
  signed_in->count++;
}

static gboolean
state_is (gpointer data)
{
  const char **args = data;
  BbSignInPage *page = (BbSignInPage *) args[0];

  return g_strcmp0 (bb_sign_in_page_get_state (page), args[1]) == 0;
}

static void
wait_for_state (BbSignInPage *page,
                const char   *state)
{
  const char *args[] = { (const char *) page, state };

  bb_ui_test_iterate_until (state_is, args, state);
}

static gboolean
signed_in_once (gpointer data)
{
  return ((SignedIn *) data)->count > 0;
}

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  BbSignInPage *page = bb_sign_in_page_new (fixture->db);
  GtkWindow *window = page_window (GTK_WIDGET (page));
  SignedIn signed_in = { NULL, 0 };
  GtkWidget *create_button;
  GtkWidget *message;
  g_autofree char *count = NULL;
  g_autofree char *row = NULL;
  g_autoptr(BbActor) verified = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (page, "signed-in", G_CALLBACK (signed_in_cb), &signed_in);

  /* An empty database offers the first run. */
  wait_for_state (page, "first-run");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "sign-in-first-run");

  g_signal_emit_by_name (child (page, BB_TYPE_SIGN_IN_PAGE, "create_admin_choice"), "activated");
  wait_for_state (page, "create-admin");
  create_button = child (page, BB_TYPE_SIGN_IN_PAGE, "create_admin_button");
  message = child (page, BB_TYPE_SIGN_IN_PAGE, "admin_message");

  /* A password that is too short is refused as typed. */
  type_into (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_number_row"), ADMIN_NUMBER);
  type_into (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_name_row"), "王管理𠮷");
  type_into (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_password_row"), "short");
  g_assert_false (gtk_widget_get_sensitive (create_button));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), _("Password")));
  g_assert_true (gtk_widget_has_css_class (child (page, BB_TYPE_SIGN_IN_PAGE,
                                                  "admin_password_row"), "error"));

  /* Repeated differently: still refused. */
  type_into (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_password_row"), ADMIN_PASSWORD);
  type_into (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_repeat_row"), "Sesame-2027");
  g_assert_false (gtk_widget_get_sensitive (create_button));
  g_assert_true (gtk_widget_has_css_class (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_repeat_row"),
                                           "error"));

  type_into (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_repeat_row"), ADMIN_PASSWORD);
  g_assert_true (gtk_widget_get_sensitive (create_button));
  g_assert_false (gtk_widget_get_visible (message));
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "sign-in-create-admin");

  /* Enter in the last field creates the account and signs in. */
  g_signal_emit_by_name (child (page, BB_TYPE_SIGN_IN_PAGE, "admin_repeat_row"),
                         "entry-activated");
  bb_ui_test_iterate_until (signed_in_once, &signed_in, "the administrator to be signed in");
  g_assert_cmpuint (signed_in.count, ==, 1);
  g_assert_cmpstr (signed_in.actor->number, ==, ADMIN_NUMBER);
  g_assert_cmpstr (signed_in.actor->name, ==, "王管理𠮷");
  g_assert_cmpint (signed_in.actor->role, ==, BB_ROLE_ADMIN);
  g_assert_cmpint (signed_in.actor->staff_id, >, 0);

  /* The database has the row, and the password verifies. */
  count = query (fixture, "SELECT COUNT(*) FROM staff");
  g_assert_cmpstr (count, ==, "1");
  row = query (fixture, "SELECT number || '|' || name || '|' || role || '|' || active FROM staff");
  g_assert_cmpstr (row, ==, ADMIN_NUMBER "|王管理𠮷|admin|1");
  verified = bb_staff_repo_authenticate (fixture->db, ADMIN_NUMBER, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (verified->staff_id, ==, signed_in.actor->staff_id);

  /* Signing out: the page is ready for the next person, who signs in. */
  bb_sign_in_page_reset (page);
  wait_for_state (page, "sign-in");
  g_assert_cmpstr (gtk_editable_get_text (child (page, BB_TYPE_SIGN_IN_PAGE, "number_row")), ==,
                   "");

  g_clear_pointer (&signed_in.actor, bb_actor_free);
  gtk_window_destroy (window);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  BbSignInPage *page = bb_sign_in_page_new (fixture->db);
  GtkWindow *window = page_window (GTK_WIDGET (page));
  SignedIn signed_in = { NULL, 0 };
  GtkLabel *number_label, *password_label;
  g_autoptr(BbActor) verified = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_signal_connect (page, "signed-in", G_CALLBACK (signed_in_cb), &signed_in);
  wait_for_state (page, "first-run");
  g_assert_true (gtk_widget_get_visible (child (page, BB_TYPE_SIGN_IN_PAGE, "demo_choice")));

  /* Loading shows progress, then the credentials, in large type. */
  g_signal_emit_by_name (child (page, BB_TYPE_SIGN_IN_PAGE, "demo_choice"), "activated");
  g_assert_cmpstr (bb_sign_in_page_get_state (page), ==, "demo");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "sign-in-demo-progress");
  wait_for_state (page, "demo-done");
  number_label = child (page, BB_TYPE_SIGN_IN_PAGE, "demo_number_label");
  password_label = child (page, BB_TYPE_SIGN_IN_PAGE, "demo_password_label");
  g_assert_cmpstr (gtk_label_get_text (password_label), !=, "");
  g_assert_cmpstr (gtk_label_get_text (number_label), !=, "");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "sign-in-demo-done");
  g_assert_cmpuint (signed_in.count, ==, 0);

  /* The credentials shown really sign in, as an administrator. */
  verified = bb_staff_repo_authenticate (fixture->db, gtk_label_get_text (number_label),
                                         gtk_label_get_text (password_label), &error);
  g_assert_no_error (error);
  g_assert_cmpint (verified->role, ==, BB_ROLE_ADMIN);

  click (child (page, BB_TYPE_SIGN_IN_PAGE, "demo_continue_button"));
  g_assert_cmpuint (signed_in.count, ==, 1);
  g_assert_cmpstr (signed_in.actor->number, ==, gtk_label_get_text (number_label));
  g_assert_cmpint (signed_in.actor->role, ==, BB_ROLE_ADMIN);

  count = query (fixture, "SELECT COUNT(*) > 1 FROM staff");
  g_assert_cmpstr (count, ==, "1");
  g_free (count);
  count = query (fixture, "SELECT COUNT(*) > 0 FROM catalogue_item");
  g_assert_cmpstr (count, ==, "1");

  g_clear_pointer (&signed_in.actor, bb_actor_free);
  gtk_window_destroy (window);
}

static gboolean
sign_in_done (gpointer data)
{
  BbSignInPage *page = data;

  return !gtk_spinner_get_spinning (child (page, BB_TYPE_SIGN_IN_PAGE, "sign_in_spinner"));
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) inactive = NULL;
  BbSignInPage *page;
  GtkWindow *window;
  SignedIn signed_in = { NULL, 0 };
  GtkWidget *number_row, *password_row, *message, *button;
  gint64 id;

  add_admin (fixture);
  id = bb_staff_repo_add (fixture->db, fixture->admin, "S009", "赵离职", BB_ROLE_STAFF, NULL,
                          NULL, "Leaving-2026", &error);
  g_assert_no_error (error);
  inactive = bb_staff_repo_get (fixture->db, id, &error);
  g_assert_true (bb_staff_repo_set_active (fixture->db, fixture->admin, id, FALSE,
                                           inactive->version, &error));
  g_assert_no_error (error);

  page = bb_sign_in_page_new (fixture->db);
  window = page_window (GTK_WIDGET (page));
  g_signal_connect (page, "signed-in", G_CALLBACK (signed_in_cb), &signed_in);
  wait_for_state (page, "sign-in");
  number_row = child (page, BB_TYPE_SIGN_IN_PAGE, "number_row");
  password_row = child (page, BB_TYPE_SIGN_IN_PAGE, "password_row");
  message = child (page, BB_TYPE_SIGN_IN_PAGE, "sign_in_message");
  button = child (page, BB_TYPE_SIGN_IN_PAGE, "sign_in_button");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "sign-in");

  g_assert_false (gtk_widget_get_sensitive (button));

  /* A wrong password: said so, without saying which; nobody signed in;
   * the number stays. */
  type_into (number_row, ADMIN_NUMBER);
  type_into (password_row, "Sesame-2025");
  g_signal_emit_by_name (password_row, "entry-activated");
  bb_ui_test_iterate_until (sign_in_done, page, "the sign-in to be refused");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   _("Wrong staff number or password"));
  g_assert_cmpuint (signed_in.count, ==, 0);
  g_assert_null (signed_in.actor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number_row)), ==, ADMIN_NUMBER);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "sign-in-wrong-password");

  /* An unknown number gives the very same message. */
  type_into (number_row, "X999");
  click (button);
  bb_ui_test_iterate_until (sign_in_done, page, "the sign-in to be refused");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   _("Wrong staff number or password"));
  g_assert_cmpuint (signed_in.count, ==, 0);

  /* A deactivated account is refused even with its password. */
  type_into (number_row, "S009");
  type_into (password_row, "Leaving-2026");
  click (button);
  bb_ui_test_iterate_until (sign_in_done, page, "the sign-in to be refused");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "S009"));
  g_assert_cmpuint (signed_in.count, ==, 0);

  /* The right password signs in. */
  type_into (number_row, ADMIN_NUMBER);
  type_into (password_row, ADMIN_PASSWORD);
  click (button);
  bb_ui_test_iterate_until (signed_in_once, &signed_in, "the sign-in");
  g_assert_cmpstr (signed_in.actor->number, ==, ADMIN_NUMBER);
  g_assert_cmpint (signed_in.actor->role, ==, BB_ROLE_ADMIN);
  g_assert_false (gtk_widget_get_visible (message));

  g_clear_pointer (&signed_in.actor, bb_actor_free);
  gtk_window_destroy (window);
}

/* Staff */

static gboolean
staff_exists (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *count = query (fixture, "SELECT COUNT(*) FROM staff WHERE number = 'S002'");

  return g_strcmp0 (count, "1") == 0;
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_text (data) != '\0';
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_reveal_child (data);
}

static void
test_staff (Fixture       *fixture,
            gconstpointer  data)
{
  BbStaffPage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *message;
  g_autoptr(BbStaff) added = NULL;
  g_autoptr(BbActor) leader = NULL;
  g_autoptr(BbActor) staff_actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *active = NULL;
  g_autoptr(GVariant) target = NULL;
  AdwMessageDialog *confirm;

  add_admin (fixture);
  page = bb_staff_page_new (fixture->db, fixture->admin);
  window = page_window (GTK_WIDGET (page));
  bb_ui_test_iterate_until (not_busy, page, "the staff list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, BB_TYPE_STAFF_PAGE, "stack")),
                   ==, "list");

  /* Add a team leader through the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff.add", NULL));
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (BB_TYPE_STAFF_DIALOG),
                            "the staff dialog");
  dialog = find_window (BB_TYPE_STAFF_DIALOG);
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "number_row"), "S002");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "name_row"), "李四");
  adw_combo_row_set_selected (child (dialog, BB_TYPE_STAFF_DIALOG, "role_row"), 1);
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "phone_row"), "138 0013 8000");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "password_row"), "Leader-pass-1");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "repeat_row"), "Leader-pass-1");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "staff-add");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL));
  bb_ui_test_iterate_until (staff_exists, fixture, "the staff member in the database");
  bb_ui_test_iterate_until (window_gone, GSIZE_TO_POINTER (BB_TYPE_STAFF_DIALOG),
                            "the dialog to close");

  added = bb_staff_repo_find_by_number (fixture->db, "S002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->name, ==, "李四");
  g_assert_cmpint (added->role, ==, BB_ROLE_LEADER);
  g_assert_cmpstr (added->phone, ==, "13800138000");
  g_assert_true (added->active);
  leader = bb_staff_repo_authenticate (fixture->db, "S002", "Leader-pass-1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (leader);

  /* The same number again: refused beside the field, the dialog stays with
   * what was typed, nothing is added. */
  bb_ui_test_iterate_until (not_busy, page, "the staff list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff.add", NULL));
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (BB_TYPE_STAFF_DIALOG),
                            "the staff dialog");
  dialog = find_window (BB_TYPE_STAFF_DIALOG);
  message = child (dialog, BB_TYPE_STAFF_DIALOG, "message_label");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "number_row"), "S002");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "name_row"), "李四二");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "password_row"), "Leader-pass-2");
  type_into (child (dialog, BB_TYPE_STAFF_DIALOG, "repeat_row"), "Leader-pass-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL));
  bb_ui_test_iterate_until (label_visible, message, "the refusal");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "S002"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (message)), _("Staff number")));
  g_assert_true (gtk_widget_has_css_class (child (dialog, BB_TYPE_STAFF_DIALOG, "number_row"),
                                           "error"));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, BB_TYPE_STAFF_DIALOG, "name_row")), ==,
                   "李四二");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "staff-add-refused");
  g_free (active);
  active = query (fixture, "SELECT COUNT(*) FROM staff");
  g_assert_cmpstr (active, ==, "2");
  gtk_window_destroy (dialog);

  bb_ui_test_iterate_until (not_busy, page, "the staff list");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "staff");

  /* The last administrator cannot be deactivated: the reason is shown and
   * the account stays active. */
  target = g_variant_ref_sink (g_variant_new_int64 (fixture->admin->staff_id));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), "staff.deactivate",
                                                     target));
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                            "the confirmation");
  confirm = ADW_MESSAGE_DIALOG (find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "deactivate");
  bb_ui_test_iterate_until (revealed, child (page, BB_TYPE_STAFF_PAGE, "error_revealer"),
                            "the refusal");
  g_assert_nonnull (strstr (gtk_label_get_text (child (page, BB_TYPE_STAFF_PAGE, "error_label")),
                            ADMIN_NUMBER));
  bb_ui_test_iterate_until (not_busy, page, "the staff list");
  g_free (active);
  active = query (fixture, "SELECT active FROM staff WHERE number = '" ADMIN_NUMBER "'");
  g_assert_cmpstr (active, ==, "1");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "staff-last-admin");

  /* Anybody but an administrator is not shown the list. */
  staff_actor = bb_actor_new (added->id, added->number, added->name, BB_ROLE_LEADER);
  bb_staff_page_set_actor (page, staff_actor);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, BB_TYPE_STAFF_PAGE, "stack")),
                   ==, "refused");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "staff.add", NULL) &&
                  find_window (BB_TYPE_STAFF_DIALOG) != NULL);

  gtk_window_destroy (window);
}

/* Catalogue */

static gint64
add_matter (Fixture *fixture)
{
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->legal_basis = g_strdup ("《中华人民共和国市场主体登记管理条例》");
  item->limit_days = 3;
  item->process = g_strdup ("受理→审核→发照");
  item->online = TRUE;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, "窗口领取"));
  g_ptr_array_add (item->materials, bb_material_new ("居民身份证", BB_MATERIAL_ORIGINAL_AND_COPY,
                                                     1, NULL));
  id = bb_catalogue_repo_add (fixture->db, fixture->admin, item, &error);
  g_assert_no_error (error);

  g_clear_pointer (&item, bb_catalogue_item_free);
  item = bb_catalogue_item_new ();
  item->name = g_strdup ("残疾人证核发");
  item->department = g_strdup ("残疾人联合会");
  item->limit_days = 20;
  g_ptr_array_add (item->materials, bb_material_new ("户口簿", BB_MATERIAL_ORIGINAL_AND_COPY, 1,
                                                     NULL));
  bb_catalogue_repo_add (fixture->db, fixture->admin, item, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
limit_is_seven (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *limit = query (fixture,
                                  "SELECT limit_days FROM catalogue_item WHERE name = '企业设立登记'");

  return g_strcmp0 (limit, "7") == 0;
}

static GtkWindow *
open_first_matter (BbCataloguePage *page)
{
  GtkListBox *list = child (page, BB_TYPE_CATALOGUE_PAGE, "list_box");
  GtkListBoxRow *row;

  /* Sorted by name: 企业设立登记 comes before 残疾人证核发. */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "企业设立登记");
  g_signal_emit_by_name (list, "row-activated", row);
  bb_ui_test_iterate_until (window_shown, GSIZE_TO_POINTER (BB_TYPE_CATALOGUE_ITEM_DIALOG),
                            "the matter");
  return find_window (BB_TYPE_CATALOGUE_ITEM_DIALOG);
}

static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  BbCataloguePage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *limit_row, *details_message;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCatalogueItem) stored = NULL;
  g_autoptr(BbCatalogueItem) theirs = NULL;
  g_autoptr(BbActor) staff_actor = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autofree char *count = NULL;
  gint64 id;

  add_admin (fixture);
  id = add_matter (fixture);
  page = bb_catalogue_page_new (fixture->db, fixture->admin);
  window = page_window (GTK_WIDGET (page));
  bb_ui_test_iterate_until (not_busy, page, "the catalogue");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, BB_TYPE_CATALOGUE_PAGE,
                                                            "stack")), ==, "list");
  g_assert_true (gtk_widget_get_visible (child (page, BB_TYPE_CATALOGUE_PAGE, "add_button")));

  /* A time limit of 0: the field is named, Save refuses, nothing stored. */
  dialog = open_first_matter (page);
  g_assert_true (bb_catalogue_item_dialog_get_editable (BB_CATALOGUE_ITEM_DIALOG (dialog)));
  limit_row = child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "limit_row");
  details_message = child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "details_message");
  type_into (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "department_row"), "行政审批服务局");
  type_into (limit_row, "0");
  g_assert_true (gtk_widget_has_css_class (limit_row, "error"));
  g_assert_true (gtk_widget_get_visible (details_message));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (details_message)),
                                   _("Time limit")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                   "save_button")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL);
  bb_ui_test_wait_ms (200);
  g_assert_nonnull (find_window (BB_TYPE_CATALOGUE_ITEM_DIALOG));
  limit = query (fixture, "SELECT limit_days FROM catalogue_item WHERE name = '企业设立登记'");
  g_assert_cmpstr (limit, ==, "3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (limit_row)), ==, "0");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "catalogue-item-bad-limit");

  /* Corrected, with a third material added: saved. */
  type_into (limit_row, "7");
  g_assert_false (gtk_widget_has_css_class (limit_row, "error"));
  click (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "add_material_button"));
  {
    GtkListBox *materials = child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "materials_list");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (materials, 2);
    GtkWidget *grid = gtk_list_box_row_get_child (row);
    GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
    GtkWidget *remove = gtk_grid_get_child_at (GTK_GRID (grid), 6, 0);

    g_assert_nonnull (row);
    /* An empty material name is refused beside it. */
    g_assert_false (gtk_widget_get_sensitive (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                     "save_button")));
    type_into (name, "营业执照副本");
    g_assert_true (gtk_widget_get_sensitive (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                    "save_button")));
    g_assert_true (GTK_IS_BUTTON (remove));
  }
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "catalogue-item");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL));
  bb_ui_test_iterate_until (limit_is_seven, fixture, "the matter to be saved");
  bb_ui_test_iterate_until (window_gone, GSIZE_TO_POINTER (BB_TYPE_CATALOGUE_ITEM_DIALOG),
                            "the dialog");

  stored = bb_catalogue_repo_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->department, ==, "行政审批服务局");
  g_assert_cmpint (stored->limit_days, ==, 7);
  g_assert_cmpuint (stored->materials->len, ==, 3);
  g_assert_cmpstr (((BbMaterial *) g_ptr_array_index (stored->materials, 2))->name, ==,
                   "营业执照副本");
  bb_ui_test_iterate_until (not_busy, page, "the catalogue");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "catalogue");

  /* Someone else saves first: the conflict is shown, the typed text stays,
   * and nothing of theirs is overwritten. */
  dialog = open_first_matter (page);
  type_into (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "fees_row"), "不收费");
  theirs = bb_catalogue_repo_get (fixture->db, id, &error);
  g_free (theirs->process);
  theirs->process = g_strdup ("网上申请→审核→发照");
  g_assert_true (bb_catalogue_repo_update (fixture->db, fixture->admin, theirs, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL));
  bb_ui_test_iterate_until (revealed, child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                             "conflict_revealer"),
                            "the conflict");
  g_assert_nonnull (strstr (gtk_label_get_text (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                       "conflict_label")),
                            "网上申请→审核→发照"));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                 "fees_row")), ==, "不收费");
  g_free (limit);
  limit = query (fixture, "SELECT COALESCE(fees, 'none') || '|' || process FROM catalogue_item "
                          "WHERE name = '企业设立登记'");
  g_assert_cmpstr (limit, ==, "none|网上申请→审核→发照");
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "catalogue-item-conflict");

  /* Keep mine and save again: stored, knowingly over theirs. */
  click (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG, "keep_mine_button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL));
  bb_ui_test_iterate_until (window_gone, GSIZE_TO_POINTER (BB_TYPE_CATALOGUE_ITEM_DIALOG),
                            "the dialog");
  g_free (limit);
  limit = query (fixture, "SELECT fees FROM catalogue_item WHERE name = '企业设立登记'");
  g_assert_cmpstr (limit, ==, "不收费");

  /* A CSV import: the bad line is named and nothing changes; a good file
   * adds its matters. */
  bb_ui_test_iterate_until (not_busy, page, "the catalogue");
  csv_path = bb_test_log_path ("ui-admin-catalogue.csv");
  g_assert_true (g_file_set_contents (csv_path,
                                      "name,department,limit_days,materials\n"
                                      "住房公积金提取,住房公积金管理中心,3,申请表|original|1|\n"
                                      "社会保障卡申领,人力资源和社会保障局,0,\n", -1, NULL));
  csv = g_file_new_for_path (csv_path);
  bb_catalogue_page_import_file (page, csv);
  bb_ui_test_iterate_until (revealed, child (page, BB_TYPE_CATALOGUE_PAGE, "error_revealer"),
                            "the import to be refused");
  g_assert_nonnull (strstr (gtk_label_get_text (child (page, BB_TYPE_CATALOGUE_PAGE,
                                                       "error_label")), "3"));
  count = query (fixture, "SELECT COUNT(*) FROM catalogue_item");
  g_assert_cmpstr (count, ==, "2");
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "catalogue-import-error");

  g_assert_true (g_file_set_contents (csv_path,
                                      "name,department,limit_days,online,materials\n"
                                      "住房公积金提取,住房公积金管理中心,3,是,申请表|original|1|\n"
                                      "社会保障卡申领,人力资源和社会保障局,10,否,\n", -1, NULL));
  bb_catalogue_page_import_file (page, csv);
  bb_ui_test_iterate_until (not_busy, page, "the import");
  g_free (count);
  count = query (fixture, "SELECT COUNT(*) FROM catalogue_item");
  g_assert_cmpstr (count, ==, "4");
  bb_ui_test_iterate_until (not_busy, page, "the catalogue");
  g_assert_false (gtk_revealer_get_reveal_child (child (page, BB_TYPE_CATALOGUE_PAGE,
                                                        "error_revealer")));

  /* Read-only for anybody else: no Add or Import, a dialog without Save. */
  staff_actor = bb_actor_new (fixture->admin->staff_id + 100, "S100", "钱员工", BB_ROLE_STAFF);
  bb_catalogue_page_set_actor (page, staff_actor);
  g_assert_false (gtk_widget_get_visible (child (page, BB_TYPE_CATALOGUE_PAGE, "add_button")));
  g_assert_false (gtk_widget_get_visible (child (page, BB_TYPE_CATALOGUE_PAGE, "import_button")));
  dialog = open_first_matter (page);
  g_assert_false (bb_catalogue_item_dialog_get_editable (BB_CATALOGUE_ITEM_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_visible (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                 "save_button")));
  g_assert_false (gtk_editable_get_editable (child (dialog, BB_TYPE_CATALOGUE_ITEM_DIALOG,
                                                    "name_row")));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "catalogue-item-read-only");
  gtk_window_destroy (dialog);

  g_unlink (csv_path);
  gtk_window_destroy (window);
}

/* Holidays */

static char *
day_kind (Fixture    *fixture,
          const char *day)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE(MAX(kind), 'none') FROM holiday "
                                          "WHERE day = '%s'", day);

  return query (fixture, sql);
}

static void
click_day (BbHolidaysPage *page,
           const char     *day)
{
  GtkWidget *button = bb_ui_test_find_named (GTK_WIDGET (page), GTK_TYPE_WIDGET, day);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  bb_ui_test_iterate_until (not_busy, page, "the day to be stored");
}

static const char *
day_mark (BbHolidaysPage *page,
          const char     *day)
{
  GtkWidget *button = bb_ui_test_find_named (GTK_WIDGET (page), GTK_TYPE_WIDGET, day);

  return gtk_label_get_text (g_object_get_data (G_OBJECT (button), "mark"));
}

static void
test_holidays (Fixture       *fixture,
               gconstpointer  data)
{
  BbHolidaysPage *page;
  GtkWindow *window;
  GtkWidget *button;
  g_autofree char *kind = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(BbActor) staff_actor = NULL;

  add_admin (fixture);
  page = bb_holidays_page_new (fixture->db, fixture->admin);
  bb_holidays_page_set_year (page, 2026);
  window = page_window (GTK_WIDGET (page));
  bb_ui_test_iterate_until (not_busy, page, "the calendar");

  /* Ordinary → public holiday → make-up working day → ordinary. */
  click_day (page, "2026-06-19");
  kind = day_kind (fixture, "2026-06-19");
  g_assert_cmpstr (kind, ==, "holiday");
  g_assert_cmpstr (day_mark (page, "2026-06-19"), ==, C_("day mark", "Off"));
  button = bb_ui_test_find_named (GTK_WIDGET (page), GTK_TYPE_WIDGET, "2026-06-19");
  g_assert_true (gtk_widget_has_css_class (button, "bb-holiday"));

  click_day (page, "2026-06-19");
  g_free (kind);
  kind = day_kind (fixture, "2026-06-19");
  g_assert_cmpstr (kind, ==, "workday");
  g_assert_cmpstr (day_mark (page, "2026-06-19"), ==, C_("day mark", "Work"));
  g_assert_true (gtk_widget_has_css_class (button, "bb-workday"));
  g_assert_false (gtk_widget_has_css_class (button, "bb-holiday"));

  click_day (page, "2026-06-19");
  g_free (kind);
  kind = day_kind (fixture, "2026-06-19");
  g_assert_cmpstr (kind, ==, "none");
  g_assert_cmpstr (day_mark (page, "2026-06-19"), ==, "");

  /* The 2026 calendar imported from a file. */
  csv_path = bb_test_log_path ("ui-admin-holidays.csv");
  g_assert_true (g_file_set_contents (csv_path,
                                      "date,kind,name\n"
                                      "2026-01-01,holiday,元旦\n"
                                      "2026-01-02,holiday,元旦\n"
                                      "2026-01-04,workday,元旦调休\n"
                                      "2026-02-14,workday,春节调休\n"
                                      "2026-02-16,holiday,春节\n"
                                      "2026-02-17,holiday,春节\n"
                                      "2026-02-18,holiday,春节\n"
                                      "2026-02-19,holiday,春节\n"
                                      "2026-02-20,holiday,春节\n"
                                      "2026-02-28,workday,春节调休\n"
                                      "2026-04-06,holiday,清明节\n"
                                      "2026-05-01,holiday,劳动节\n"
                                      "2026-05-04,holiday,劳动节\n"
                                      "2026-05-05,holiday,劳动节\n"
                                      "2026-05-09,workday,劳动节调休\n"
                                      "2026-06-19,holiday,端午节\n"
                                      "2026-09-25,holiday,中秋节\n"
                                      "2026-10-01,holiday,国庆节\n"
                                      "2026-10-02,holiday,国庆节\n"
                                      "2026-10-05,holiday,国庆节\n"
                                      "2026-10-06,holiday,国庆节\n"
                                      "2026-10-07,holiday,国庆节\n"
                                      "2026-10-10,workday,国庆节调休\n",
                                      -1, NULL));
  csv = g_file_new_for_path (csv_path);
  bb_holidays_page_import_file (page, csv);
  bb_ui_test_iterate_until (not_busy, page, "the import");
  g_free (kind);
  kind = query (fixture, "SELECT COUNT(*) FROM holiday");
  g_assert_cmpstr (kind, ==, "23");
  g_assert_cmpstr (day_mark (page, "2026-02-14"), ==, C_("day mark", "Work"));
  g_assert_nonnull (strstr (bb_holidays_page_get_day_description (page, "2026-02-16"), "春节"));
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-admin", "holidays");

  /* Another year, then back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "holidays.next-year", NULL));
  bb_ui_test_iterate_until (not_busy, page, "the next year");
  g_assert_cmpint (bb_holidays_page_get_year (page), ==, 2027);
  g_assert_nonnull (bb_ui_test_find_named (GTK_WIDGET (page), GTK_TYPE_WIDGET, "2027-02-28"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "holidays.previous-year", NULL));
  bb_ui_test_iterate_until (not_busy, page, "the year");
  g_assert_cmpstr (day_mark (page, "2026-10-10"), ==, C_("day mark", "Work"));

  /* Read-only for anybody else: clicking changes nothing. */
  staff_actor = bb_actor_new (fixture->admin->staff_id + 100, "S100", "钱员工", BB_ROLE_STAFF);
  bb_holidays_page_set_actor (page, staff_actor);
  button = bb_ui_test_find_named (GTK_WIDGET (page), GTK_TYPE_WIDGET, "2026-03-02");
  g_assert_false (gtk_widget_get_can_target (button));
  g_signal_emit_by_name (button, "clicked");
  bb_ui_test_iterate_until (not_busy, page, "nothing");
  g_free (kind);
  kind = day_kind (fixture, "2026-03-02");
  g_assert_cmpstr (kind, ==, "none");

  g_unlink (csv_path);
  gtk_window_destroy (window);
}

/* Consultations */

typedef struct
{
  gint64 id;
  char  *name;
} Saved;

static void
consultation_saved_cb (BbConsultationDialog *dialog,
                       gint64                id,
                       const char           *name,
                       Saved                *saved)
{
  saved->id = id;
  g_free (saved->name);
  saved->name = g_strdup (name);
}

static gboolean
consultation_saved (gpointer data)
{
  return ((Saved *) data)->id != 0;
}

static void
test_consultation (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *parent;
  GtkWindow *dialog;
  GtkWidget *contact_row, *who_message;
  GtkTextBuffer *content, *result;
  Saved saved = { 0, NULL };
  g_autofree char *row = NULL;
  g_autofree char *count = NULL;
  g_autofree char *sql = NULL;

  add_admin (fixture);
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (parent, 1000, 800);
  gtk_window_present (parent);

  dialog = GTK_WINDOW (bb_consultation_dialog_new (parent, fixture->db, fixture->admin));
  g_signal_connect (dialog, "saved", G_CALLBACK (consultation_saved_cb), &saved);
  gtk_window_present (dialog);
  contact_row = child (dialog, BB_TYPE_CONSULTATION_DIALOG, "contact_row");
  who_message = child (dialog, BB_TYPE_CONSULTATION_DIALOG, "who_message");
  content = gtk_text_view_get_buffer (child (dialog, BB_TYPE_CONSULTATION_DIALOG, "content_view"));
  result = gtk_text_view_get_buffer (child (dialog, BB_TYPE_CONSULTATION_DIALOG, "result_view"));

  /* Nothing typed yet: Save waits. */
  g_assert_false (gtk_widget_get_sensitive (child (dialog, BB_TYPE_CONSULTATION_DIALOG,
                                                   "save_button")));

  type_into (child (dialog, BB_TYPE_CONSULTATION_DIALOG, "name_row"), "陈𠮷");
  adw_combo_row_set_selected (child (dialog, BB_TYPE_CONSULTATION_DIALOG, "channel_row"), 1);
  gtk_text_buffer_set_text (content, "办理退役军人优待证需要带什么材料？", -1);
  gtk_text_buffer_set_text (result, "已一次性告知：身份证、退役证件、一寸照片。", -1);

  /* A broken e-mail address: said beside the field, not saved. */
  type_into (contact_row, "chen@");
  g_assert_true (gtk_widget_has_css_class (contact_row, "error"));
  g_assert_true (gtk_widget_get_visible (who_message));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (who_message)), _("Email")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, BB_TYPE_CONSULTATION_DIALOG,
                                                   "save_button")));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "consultation-error");
  count = query (fixture, "SELECT COUNT(*) FROM consultation");
  g_assert_cmpstr (count, ==, "0");

  /* A phone number: saved, the dialog closes, the record is there. */
  type_into (contact_row, "138 0013 8000");
  g_assert_false (gtk_widget_has_css_class (contact_row, "error"));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-admin", "consultation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "win.save", NULL));
  bb_ui_test_iterate_until (consultation_saved, &saved, "the consultation to be saved");
  bb_ui_test_iterate_until (window_gone, GSIZE_TO_POINTER (BB_TYPE_CONSULTATION_DIALOG),
                            "the dialog");
  g_assert_cmpstr (saved.name, ==, "陈𠮷");

  sql = g_strdup_printf ("SELECT name || '|' || contact || '|' || channel || '|' || content || "
                         "'|' || COALESCE(result, '') || '|' || staff_id || '|' || "
                         "COALESCE(case_id, 0) FROM consultation WHERE id = %" G_GINT64_FORMAT,
                         saved.id);
  row = query (fixture, sql);
  g_assert_cmpstr (row, ==, "陈𠮷|13800138000|phone|办理退役军人优待证需要带什么材料？|"
                            "已一次性告知：身份证、退役证件、一寸照片。|1|0");

  g_free (saved.name);
  gtk_window_destroy (parent);
}

static void
test_translated (void)
{
  /* Under zh_CN the pages are Chinese: a sample of their strings. */
  g_assert_cmpstr (C_("day mark", "Off"), ==, "休");
  g_assert_cmpstr (C_("day mark", "Work"), ==, "班");
  g_assert_cmpstr (_("Create the Administrator Account"), ==, "创建系统管理员账户");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN"))
    lang_tag = "zh_CN";

  bb_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  /* The application is registered, not activated: it loads the style
   * sheet and the icons the pages use, and opens no window. */
  app = bb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/bangban/ui/admin/first-run", Fixture, NULL, fixture_set_up, test_first_run,
              fixture_tear_down);
  g_test_add ("/bangban/ui/admin/demo", Fixture, NULL, fixture_set_up, test_demo,
              fixture_tear_down);
  g_test_add ("/bangban/ui/admin/sign-in", Fixture, NULL, fixture_set_up, test_sign_in,
              fixture_tear_down);
  g_test_add ("/bangban/ui/admin/staff", Fixture, NULL, fixture_set_up, test_staff,
              fixture_tear_down);
  g_test_add ("/bangban/ui/admin/catalogue", Fixture, NULL, fixture_set_up, test_catalogue,
              fixture_tear_down);
  g_test_add ("/bangban/ui/admin/holidays", Fixture, NULL, fixture_set_up, test_holidays,
              fixture_tear_down);
  g_test_add ("/bangban/ui/admin/consultation", Fixture, NULL, fixture_set_up,
              test_consultation, fixture_tear_down);
  if (g_str_equal (lang_tag, "zh_CN"))
    g_test_add_func ("/bangban/ui/admin/translated", test_translated);
  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
