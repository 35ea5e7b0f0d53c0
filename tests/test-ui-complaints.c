/* test-ui-complaints.c — printing a complaint's record from the complaints page
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb against SQLite, with a complaint made through core and taken
 * two steps on: the complaints page's Print action waits for a complaint to
 * be shown, is bound to Ctrl+P, and opens the print preview of the record
 * (投诉处理记录表) loaded through core. The preview's document is exported
 * to PDF the way "Save as PDF" does and read back with pdftotext. Each
 * step's own deadline is shown in the detail, and a complaint whose next
 * step is past its deadline is marked so in words in the list.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bb-complaint-repo.h"
#include "bb-complaints-page.h"
#include "bb-print.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-ui-resources.h"

/* bb_ui_test_template_child(), under the short name the tests use */
#define child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

#define NOW "2026-03-02T09:30:00+08:00"

static const char *lang_tag = "C";
static BbLocation *location;
static BbDatabase *db;
static BbActor *manager;
static char *complaint_number;

/* Waiting */

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

static void
make_fixtures (void)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbComplaint) complaint = NULL;
  g_autoptr(BbComplaint) investigated = NULL;
  g_autoptr(BbComplaint) handled = NULL;
  g_autofree char *team = NULL;
  BbComplaintDraft draft = { 0 };
  gint64 id;
  int version = 0;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
  id = bb_staff_repo_add (db, system, "A001", "管理员", BB_ROLE_ADMIN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  admin = bb_actor_new (id, "A001", "管理员", BB_ROLE_ADMIN);
  id = bb_staff_repo_add (db, admin, "M001", "刘经理", BB_ROLE_MANAGER, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  manager = bb_actor_new (id, "M001", "刘经理", BB_ROLE_MANAGER);
  bb_staff_repo_add (db, admin, "S001", "王小明", BB_ROLE_STAFF, NULL, "帮办代办服务区", NULL,
                     &error);
  g_assert_no_error (error);

  team = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, &version, &error);
  g_assert_no_error (error);
  g_assert_true (bb_settings_repo_set (db, admin, BB_SETTING_TEAM_NAME, "雁塔区为民服务队",
                                       version, NULL, &error));
  g_assert_no_error (error);

  draft.channel = BB_COMPLAINT_CHANNEL_HOTLINE;
  draft.complainant = "赵先生";
  draft.contact = "13900139000";
  draft.staff_number = "S001";
  draft.content = "窗口等候时间过长，无人引导";
  complaint = bb_complaint_repo_add (db, admin, &draft, &error);
  g_assert_no_error (error);
  complaint_number = g_strdup (complaint->number);
  investigated = bb_complaint_repo_step (db, manager, complaint_number, BB_COMPLAINT_INVESTIGATING,
                                         "调取监控，询问当班工作人员", complaint->version, &error);
  g_assert_no_error (error);
  handled = bb_complaint_repo_step (db, manager, complaint_number, BB_COMPLAINT_HANDLED,
                                    "增设引导岗，对当事人批评教育", investigated->version, &error);
  g_assert_no_error (error);
}

/* The page */

static gboolean
page_idle (gpointer data)
{
  return !bb_complaints_page_get_busy (data);
}

static gboolean
detail_shown (gpointer data)
{
  BbComplaintsPage *page = data;

  return !bb_complaints_page_get_busy (page) && bb_complaints_page_get_detail (page) != NULL;
}

static GtkWindow *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_has_css_class (window, "print-preview-window"))
        return GTK_WINDOW (window);
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

static gboolean
has_row_subtitle (GtkListBox *list,
                  const char *subtitle)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (ADW_IS_ACTION_ROW (row) &&
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The page's own Ctrl+P: a managed shortcut that runs complaints.print. */
static gboolean
has_print_shortcut (GtkWidget *page)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      if (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) ==
          GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, "<Control>p") && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           "complaints.print"))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_print (void)
{
  GtkWidget *window = adw_window_new ();
  BbComplaintsPage *page = bb_complaints_page_new (db, manager);
  GtkWidget *print_button;
  GtkWindow *preview;
  BbPrintDocument *document;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bb_ui_test_iterate_until (page_idle, page, "the complaints");
  g_assert_cmpuint (bb_complaints_page_get_n_shown (page), ==, 1);
  g_assert_true (has_print_shortcut (GTK_WIDGET (page)));

  /* Nothing selected: nothing to print. */
  print_button = child (page, BB_TYPE_COMPLAINTS_PAGE, "print_button");
  g_assert_null (bb_complaints_page_get_detail (page));
  g_assert_false (gtk_widget_get_sensitive (print_button));
  gtk_widget_activate_action (GTK_WIDGET (page), "complaints.print", NULL);
  bb_ui_test_wait_ms (200);
  g_assert_null (find_preview ());

  /* A complaint shown: its record can be printed. */
  bb_complaints_page_select (page, complaint_number);
  bb_ui_test_iterate_until (detail_shown, page, "the complaint");
  g_assert_true (gtk_widget_get_sensitive (print_button));
  g_assert_true (gtk_widget_get_mapped (print_button));
  /* Ten working days from Monday 2 March, the limit read back with it. */
  {
    g_autofree char *due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d working day)",
                                                         "%s (%d working days)", 10),
                                            "2026-03-16", 10);
    g_autofree char *next = g_strdup_printf (_("%s by %s%s"),
                                             bb_complaint_state_label (BB_COMPLAINT_ANSWERED),
                                             "2026-03-05", "");
    g_autofree char *handled = g_strdup_printf (_(" · due by %s"), "2026-03-09");
    g_autofree char *no_due = g_strdup_printf (_(" · due by %s"), "");
    GtkListBox *steps = child (page, BB_TYPE_COMPLAINTS_PAGE, "steps_list");
    GtkListBoxRow *row;

    g_assert_true (has_row_subtitle (child (page, BB_TYPE_COMPLAINTS_PAGE, "info_list"), due));
    /* Handled on 2 March: feedback due three working days later. */
    g_assert_true (has_row_subtitle (child (page, BB_TYPE_COMPLAINTS_PAGE, "info_list"), next));
    /* The intake has no deadline of its own; the measures had five days. */
    row = gtk_list_box_get_row_at_index (steps, 0);
    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), no_due));
    row = gtk_list_box_get_row_at_index (steps, 2);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), handled));
  }
  bb_ui_test_save_screenshot (window, "ui-complaints", "detail");

  gtk_widget_activate_action (GTK_WIDGET (page), "complaints.print", NULL);
  bb_ui_test_iterate_until (preview_shown, NULL, "the print preview");
  preview = find_preview ();
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_true (gtk_window_get_transient_for (preview) == GTK_WINDOW (window));
  title = g_strdup_printf ("投诉处理记录表 %s", complaint_number);
  g_assert_cmpstr (gtk_window_get_title (preview), ==, title);
  document = g_object_get_data (G_OBJECT (preview), "bb-document");
  g_assert_nonnull (document);
  g_assert_cmpuint (bb_print_document_get_n_pages (document), ==, 1);
  bb_ui_test_save_screenshot (GTK_WIDGET (preview), "ui-complaints", "preview");

  /* What the preview would print or save: every part of the record. */
  path = bb_test_log_path ("ui-complaints-record.pdf");
  g_assert_true (bb_print_export_pdf (preview, document, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "“雁塔区为民服务队”投诉处理记录表"));
  g_assert_nonnull (strstr (text, complaint_number));
  g_assert_nonnull (strstr (text, "赵先生"));
  g_assert_nonnull (strstr (text, "12345热线"));
  g_assert_nonnull (strstr (text, "王小明（S001）"));
  g_assert_nonnull (strstr (text, "窗口等候时间过长"));
  g_assert_nonnull (strstr (text, "调取监控"));
  g_assert_nonnull (strstr (text, "增设引导岗"));
  g_assert_nonnull (strstr (text, "刘经理（M001）"));
  g_assert_nonnull (strstr (text, "2026-03-02 09:30"));
  g_assert_nonnull (strstr (text, "处置"));
  /* Each step's own deadline, and the next one's */
  g_assert_nonnull (strstr (text, "环节时限"));
  g_assert_nonnull (strstr (text, "2026-03-04"));
  g_assert_nonnull (strstr (text, "2026-03-09"));
  g_assert_nonnull (strstr (text, "下一环节"));
  g_assert_nonnull (strstr (text, "2026-03-05 前"));
  g_assert_nonnull (strstr (text, "经办人（签字）"));
  g_assert_nonnull (strstr (text, "负责人（签字）"));

  gtk_window_destroy (preview);
  bb_ui_test_iterate_until (window_gone, &preview, "the preview to close");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_mapped (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (has_label (c, text))
        return TRUE;
    }
  return FALSE;
}

/* On Friday 6 March the feedback (due on the 5th) is late while the
 * complaint as a whole (due on the 16th) is not: the list says so in words. */
static void
test_step_overdue (void)
{
  GtkWidget *window = adw_window_new ();
  BbComplaintsPage *page = NULL;
  GtkListBox *list;
  g_autofree char *tag = g_strdup_printf (_("Late for “%s”"),
                                          bb_complaint_state_label (BB_COMPLAINT_ANSWERED));

  g_setenv ("BANGBAN_NOW", "2026-03-06T10:00:00+08:00", TRUE);
  page = bb_complaints_page_new (db, manager);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bb_ui_test_iterate_until (page_idle, page, "the complaints");
  g_assert_cmpuint (bb_complaints_page_get_n_shown (page), ==, 1);
  bb_ui_test_wait_ms (100);

  list = child (page, BB_TYPE_COMPLAINTS_PAGE, "list_box");
  g_assert_true (has_label (GTK_WIDGET (list), tag));
  /* Not the complaint's own overdue mark: its answer is not late yet. */
  g_assert_false (has_label (GTK_WIDGET (list), _("Overdue")));
  bb_ui_test_save_screenshot (window, "ui-complaints", "step-overdue");

  gtk_window_destroy (GTK_WINDOW (window));
  g_setenv ("BANGBAN_NOW", NOW, TRUE);
}

int
main (int   argc,
      char *argv[])
{
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
  /* Links the templates in (the static library's resources register
   * themselves only when something refers to them). */
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

  g_test_add_func ("/bangban/ui/complaints-page/print", test_print);
  g_test_add_func ("/bangban/ui/complaints-page/step-overdue", test_step_overdue);
  status = g_test_run ();

  g_clear_object (&db);
  g_clear_pointer (&manager, bb_actor_free);
  g_clear_pointer (&location, bb_location_free);
  g_free (complaint_number);
  return status;
}
