/* test-ui-print-case.c — printing a case's forms from the case view
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb against SQLite, with cases taken through core to the states
 * that matter: the case view's Print menu offers exactly the forms that
 * apply (the acceptance slip once a 代办 case is accepted, the one-time
 * notice while materials are missing, the handover receipt once something
 * was handed over), the button under the checklist and Ctrl+P print, and
 * each form opens the print preview, whose document is exported to PDF the
 * way "Save as PDF" does and read back with pdftotext.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bb-application.h"
#include "bb-case-repo.h"
#include "bb-case-view.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-print.h"
#include "bb-register-dialog.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-ui-resources.h"
#include "bb-validate.h"

#define NOW "2026-03-02T09:30:00+08:00"

static const char *lang_tag = "C";
static BbLocation *location;
static BbDatabase *db;
static BbActor *admin;
static BbApplication *app;
static GtkWindow *window;
static BbCaseView *view;
static gint64 item_id;
static gint64 client_id;
static char *consultation_number;  /* 帮办, just registered: nothing to print */
static char *routed_number;        /* 帮办, routed, materials missing: the notice */
static char *handling_number;      /* 代办, accepted, one material missing: slip, notice */
static char *delivered_number;     /* 代办, handed over: slip, handover receipt */

/* Waiting */

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gpointer
child (const char *name)
{
  return bb_ui_test_template_child (view, BB_TYPE_CASE_VIEW, name);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Fixtures, through core */

static gint64
add_staff (const char *number,
           const char *name,
           BbRole      role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bb_staff_repo_add (db, admin, number, name, role, "13700137000",
                                 "帮办代办服务区", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
act (const char   *number,
     BbCaseAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) before = bb_case_repo_get (db, admin, number, &error);
  g_autoptr(BbCase) after = NULL;

  g_assert_no_error (error);
  after = bb_case_repo_act (db, admin, number, action, before->version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  bb_case_action_free (action);
}

static char *
new_case (BbCaseKind kind)
{
  BbCaseDraft draft = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) kase = NULL;

  draft.kind = kind;
  draft.client_id = client_id;
  draft.item_id = item_id;
  draft.reason = "首次办理，不熟悉流程";
  draft.mode = BB_MODE_HALL;
  draft.channel = "onsite";
  kase = bb_case_repo_create (db, admin, &draft, &error);
  g_assert_no_error (error);
  return g_strdup (kase->number);
}

static void
mark_materials (const char         *number,
                const char * const *present)
{
  BbCaseAction *action = bb_case_action_new (BB_ACTION_MATERIALS);

  action->present = g_strdupv ((char **) present);
  act (number, action);
}

static char *
accepted_proxy_case (void)
{
  char *number = new_case (BB_CASE_PROXY);
  BbCaseAction *action;

  action = bb_case_action_new (BB_ACTION_ANALYSE);
  action->difficulty = g_strdup ("一般");
  action->estimated_days = 3;
  action->process = g_strdup ("材料预审→网上申报→领取执照");
  act (number, action);
  action = bb_case_action_new (BB_ACTION_ACCEPT);
  action->staff_number = g_strdup ("S001");
  action->limit_days = 5;
  act (number, action);
  return number;
}

static void
make_fixtures (void)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  const char *all[] = { "申请书", "居民身份证", "营业执照副本", NULL };
  BbCaseAction *action;
  gint64 id;
  int version = 0;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  id = bb_staff_repo_add (db, system, "A001", "管理员", BB_ROLE_ADMIN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  admin = bb_actor_new (id, "A001", "管理员", BB_ROLE_ADMIN);
  add_staff ("S001", "王小明", BB_ROLE_STAFF);

  team = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, &version, &error);
  g_assert_no_error (error);
  g_assert_true (bb_settings_repo_set (db, admin, BB_SETTING_TEAM_NAME, "雁塔区为民服务队",
                                       version, NULL, &error));
  g_assert_no_error (error);

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->limit_days = 5;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1,
                                                     "窗口领取"));
  g_ptr_array_add (item->materials, bb_material_new ("居民身份证", BB_MATERIAL_ORIGINAL_AND_COPY,
                                                     1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("营业执照副本", BB_MATERIAL_COPY, 2,
                                                     "市场监督管理局窗口补领"));
  item_id = bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);

  g_free (client->name);
  client->name = g_strdup ("王芳");
  client->id_number = g_strdup_printf ("61010319850312002%c",
                                       bb_id_number_check_digit ("61010319850312002"));
  client->phone = g_strdup ("13800138000");
  client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);

  consultation_number = new_case (BB_CASE_ASSIST);

  routed_number = new_case (BB_CASE_ASSIST);
  act (routed_number, bb_case_action_new (BB_ACTION_APPLY));
  action = bb_case_action_new (BB_ACTION_ROUTE);
  action->area = g_strdup ("assist");
  act (routed_number, action);

  handling_number = accepted_proxy_case ();
  {
    const char *present[] = { "申请书", "居民身份证", NULL };

    mark_materials (handling_number, present);
  }

  delivered_number = accepted_proxy_case ();
  mark_materials (delivered_number, all);
  action = bb_case_action_new (BB_ACTION_COMPLETE);
  action->result = g_strdup ("已领取营业执照");
  action->delivery = g_strdup ("窗口领取");
  act (delivered_number, action);
  action = bb_case_action_new (BB_ACTION_HANDOVER);
  action->items = g_strdup ("营业执照正本\n营业执照副本");
  action->received_by = g_strdup ("王芳");
  act (delivered_number, action);
}

/* The view */

static gboolean
database_open (gpointer data)
{
  return bb_application_get_database (app) != NULL ||
         bb_application_get_database_error (app) != NULL;
}

static gboolean
case_shown (gpointer data)
{
  const BbCaseDetail *detail = bb_case_view_get_detail (view);

  return !bb_case_view_get_loading (view) && detail != NULL &&
         g_strcmp0 (detail->kase->number, data) == 0;
}

static void
show_case (const char *number)
{
  bb_case_view_show_case (view, number);
  bb_ui_test_iterate_until (case_shown, (gpointer) number, "the case");
  g_assert_null (bb_case_view_get_message (view));
}

static GtkWindow *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_has_css_class (toplevel, "print-preview-window"))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
preview_shown (gpointer data)
{
  return find_preview () != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The forms the Print menu offers, as `slip,notice`: read from the menu
 * model the button shows, checked against the view's own answer. */
static char *
menu_forms (void)
{
  GtkMenuButton *button = child ("print_button");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) forms = bb_case_view_dup_print_forms (view);
  g_autofree char *joined = NULL;

  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                                      &action));
      g_assert_cmpstr (action, ==, "case.print");
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_STRING);
      g_assert_nonnull (target);
      g_ptr_array_add (names, g_variant_dup_string (target, NULL));
    }
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (",", (char **) names->pdata);
  {
    g_autofree char *expected = g_strjoinv (",", forms);

    g_assert_cmpstr (joined, ==, expected);
  }
  /* The button is there exactly when something can be printed. */
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (button)), ==, forms[0] != NULL);
  g_assert_cmpint (gtk_widget_get_visible (child ("notice_button")), ==,
                   g_strv_contains ((const char * const *) forms, "notice"));
  return g_steal_pointer (&joined);
}

/* Opens @form's preview the way @how does, checks it and exports it to
 * PDF; returns the PDF's text. */
static char *
print_and_read (const char *form,
                const char *title,
                void      (*how) (const char *form))
{
  GtkWindow *preview;
  BbPrintDocument *document;
  g_autofree char *file = g_strdup_printf ("ui-print-case-%s-%s.pdf", form, lang_tag);
  g_autofree char *path = bb_test_log_path (file);
  g_autofree char *shot = g_strdup_printf ("preview-%s", form);
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_null (find_preview ());
  how (form);
  bb_ui_test_iterate_until (preview_shown, NULL, "the print preview");
  preview = find_preview ();
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_true (gtk_window_get_transient_for (preview) == window);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (preview), title));
  document = g_object_get_data (G_OBJECT (preview), "bb-document");
  g_assert_nonnull (document);
  g_assert_cmpuint (bb_print_document_get_n_pages (document), >=, 1);
  bb_ui_test_save_screenshot (GTK_WIDGET (preview), "ui-print-case", shot);

  g_assert_true (bb_print_export_pdf (preview, document, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);

  gtk_window_destroy (preview);
  bb_ui_test_iterate_until (window_gone, &preview, "the preview to close");
  return text;
}

static void
by_action (const char *form)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "case.print", "s", form));
}

static void
by_notice_button (const char *form)
{
  GtkWidget *button = child ("notice_button");

  g_assert_cmpstr (form, ==, "notice");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_activate (button));
}

static void
by_register_response (const char *form)
{
  AdwMessageDialog *dialog = g_object_get_data (G_OBJECT (window), "register-dialog");

  adw_message_dialog_response (dialog, "print");
}

/* The case view's own Ctrl+P: a class shortcut to case.print-menu, run as
 * the key would run it. */
static GtkShortcut *
find_ctrl_p (void)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "<Control>p"))
            return shortcut;
        }
    }
  return NULL;
}

static void
by_ctrl_p (const char *form)
{
  GtkShortcut *shortcut = find_ctrl_p ();

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (view), NULL));
}

static void
test_open (void)
{
  bb_application_open_database (app, location, NULL);
  bb_ui_test_iterate_until (database_open, NULL, "the database to open");
  g_assert_null (bb_application_get_database_error (app));
  bb_application_set_actor (app, admin);

  window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (window, 760, 900);
  view = BB_CASE_VIEW (bb_case_view_new (app));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (window);

  /* No case: nothing to print, and Ctrl+P does nothing. */
  g_assert_false (bb_case_view_print (view));
  g_assert_false (bb_case_view_print_form (view, "slip"));
  gtk_widget_activate_action (GTK_WIDGET (view), "case.print", "s", "slip");
  bb_ui_test_wait_ms (200);
  g_assert_null (find_preview ());
}

static void
test_menu (void)
{
  g_autofree char *consultation = NULL;
  g_autofree char *routed = NULL;
  g_autofree char *handling = NULL;
  g_autofree char *delivered = NULL;

  /* Registered 帮办 request: no slip (帮办), no checklist work yet, nothing
   * handed over. */
  show_case (consultation_number);
  consultation = menu_forms ();
  g_assert_cmpstr (consultation, ==, "");
  g_assert_false (bb_case_view_print_form (view, "slip"));
  g_assert_false (bb_case_view_print_form (view, "notice"));
  g_assert_false (bb_case_view_print (view));
  bb_ui_test_wait_ms (200);
  g_assert_null (find_preview ());

  /* Routed 帮办 request, every material missing: only the notice. */
  show_case (routed_number);
  routed = menu_forms ();
  g_assert_cmpstr (routed, ==, "notice");

  /* Accepted 代办 case, one material missing: the slip and the notice. */
  show_case (handling_number);
  handling = menu_forms ();
  g_assert_cmpstr (handling, ==, "slip,notice");
  g_assert_true (gtk_widget_get_mapped (child ("print_button")));
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-print-case", "handling");

  /* Handed over: the slip and the receipt; no notice (all present). */
  show_case (delivered_number);
  delivered = menu_forms ();
  g_assert_cmpstr (delivered, ==, "slip,handover");
  g_assert_false (bb_case_view_print_form (view, "notice"));
}

static void
test_slip (void)
{
  g_autofree char *text = NULL;

  show_case (handling_number);
  text = print_and_read ("slip", "代办事项受理单", by_action);
  g_assert_nonnull (strstr (text, "“雁塔区为民服务队”代办事项受理单"));
  g_assert_nonnull (strstr (text, handling_number));
  g_assert_nonnull (strstr (text, "王芳"));
  g_assert_nonnull (strstr (text, "企业设立登记"));
  g_assert_nonnull (strstr (text, "王小明"));
  g_assert_nonnull (strstr (text, "5个工作日"));
}

static void
test_notice (void)
{
  g_autofree char *text = NULL;

  show_case (handling_number);
  text = print_and_read ("notice", "一次性告知单", by_notice_button);
  g_assert_nonnull (strstr (text, "一次性告知单"));
  g_assert_nonnull (strstr (text, handling_number));
  g_assert_nonnull (strstr (text, "王芳"));
  /* Only what is missing, with how to obtain it. */
  g_assert_nonnull (strstr (text, "营业执照副本"));
  g_assert_nonnull (strstr (text, "市场监督管理局窗口补领"));
  g_assert_null (strstr (text, "申请书"));
  g_assert_null (strstr (text, "窗口领取"));
}

static void
test_ctrl_p (void)
{
  g_autofree char *text = NULL;
  g_autofree char *receipt = NULL;
  GtkPopover *popover;

  /* One form: Ctrl+P prints it. */
  show_case (routed_number);
  text = print_and_read ("notice-ctrl-p", "一次性告知单", by_ctrl_p);
  g_assert_nonnull (strstr (text, routed_number));
  g_assert_nonnull (strstr (text, "申请书"));
  g_assert_nonnull (strstr (text, "营业执照副本"));

  /* Several: Ctrl+P opens the menu instead, and prints nothing yet. */
  show_case (delivered_number);
  popover = gtk_menu_button_get_popover (child ("print_button"));
  g_assert_false (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)));
  by_ctrl_p (NULL);
  popover = gtk_menu_button_get_popover (child ("print_button"));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-print-case", "menu");
  bb_ui_test_wait_ms (200);
  g_assert_null (find_preview ());
  gtk_popover_popdown (popover);

  receipt = print_and_read ("handover", "交接证明", by_action);
  g_assert_nonnull (strstr (receipt, "交接证明"));
  g_assert_nonnull (strstr (receipt, delivered_number));
  g_assert_nonnull (strstr (receipt, "王芳"));
  g_assert_nonnull (strstr (receipt, "营业执照正本"));
  g_assert_nonnull (strstr (receipt, "已领取营业执照"));
}

/* Print Register… in the main menu: a date range, checked as typed. */
static void
test_register (void)
{
  BbRegisterDialog *dialog = bb_register_dialog_new (window, app);
  GtkEditable *from = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                   BB_TYPE_REGISTER_DIALOG,
                                                                   "from_row"));
  GtkEditable *to = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                 BB_TYPE_REGISTER_DIALOG,
                                                                 "to_row"));
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  /* This month so far. */
  g_assert_cmpstr (gtk_editable_get_text (from), ==, "2026-03-01");
  g_assert_cmpstr (gtk_editable_get_text (to), ==, "2026-03-02");
  g_assert_true (bb_register_dialog_get_valid (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));

  gtk_editable_set_text (to, "2026-02-30");
  g_assert_false (bb_register_dialog_get_valid (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));
  gtk_editable_set_text (to, "2026-02-27");
  g_assert_false (bb_register_dialog_get_valid (dialog));
  gtk_editable_set_text (to, "2026-03-31");
  g_assert_true (bb_register_dialog_get_valid (dialog));
  bb_ui_test_save_screenshot (GTK_WIDGET (dialog), "ui-print-case", "register-dialog");

  g_object_set_data (G_OBJECT (window), "register-dialog", dialog);
  text = print_and_read ("register", "“雁塔区为民服务队”帮办代办服务事项登记表", by_register_response);
  g_assert_nonnull (strstr (text, "登记日期：2026-03-01 至 2026-03-31"));
  g_assert_nonnull (strstr (text, "王芳"));
  g_assert_nonnull (strstr (text, "企业设立登记"));
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");
  gboolean view_gone = FALSE;
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
  g_assert_nonnull (bb_ui_get_resource ());
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/bangban/Bangban/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  location = bb_test_new_location ();
  db = bb_test_open (location);
  make_fixtures ();

  app = bb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/bangban/ui/print-case/open", test_open);
  g_test_add_func ("/bangban/ui/print-case/menu", test_menu);
  g_test_add_func ("/bangban/ui/print-case/slip", test_slip);
  g_test_add_func ("/bangban/ui/print-case/notice", test_notice);
  g_test_add_func ("/bangban/ui/print-case/ctrl-p", test_ctrl_p);
  g_test_add_func ("/bangban/ui/print-case/register", test_register);
  status = g_test_run ();

  if (view != NULL)
    {
      g_object_weak_ref (G_OBJECT (view), weak_notify_cb, &view_gone);
      gtk_window_destroy (window);
      bb_ui_test_iterate_until (flag_set, &view_gone, "the case view to be finalized");
    }
  g_clear_object (&app);
  g_clear_object (&db);
  g_clear_pointer (&admin, bb_actor_free);
  g_clear_pointer (&location, bb_location_free);
  g_free (consultation_number);
  g_free (routed_number);
  g_free (handling_number);
  g_free (delivered_number);
  return status;
}
