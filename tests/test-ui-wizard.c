/* test-ui-wizard.c — the two wizards under a real display
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the 帮办 registration (table A.1) and the 代办 commission (table
 * A.2) through their real widgets against a real database with fixtures
 * made through core (staff, a catalogue item with materials, the National
 * Day holidays and their make-up working day, the settings printed on
 * forms), then reads the database back: the case, its state, the
 * responsible staff member, the deadline in working days, the materials
 * marked. Also: a wrong ID number check digit is named beside the field
 * and stops the wizard with nothing stored; Back keeps what was typed; a
 * draft comes back in a new wizard; the slip's preview is drawn and the
 * slip exported to PDF through GtkPrintOperation is checked with pdftotext.
 * Every step is saved as a PNG in the build's log folder.
 *
 * The clock is pinned to Monday 2026-09-28 09:30 (BANGBAN_NOW): a 5-day
 * limit from then skips the National Day week (10-01 to 10-07) and counts
 * the make-up Saturday 10-10, which is the deadline.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bb-assist-wizard.h"
#include "bb-case-query.h"
#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-client-step.h"
#include "bb-draft-store.h"
#include "bb-field.h"
#include "bb-holiday-repo.h"
#include "bb-home-visit-group.h"
#include "bb-matter-step.h"
#include "bb-print-preview.h"
#include "bb-print.h"
#include "bb-proxy-wizard.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-ui-test-util.h"
#include "bb-ui-resources.h"
#include "bb-validate.h"
#include "bb-wizard.h"

/* bb_ui_test_template_child(), under the short name the tests use */
#define child(widget, type, name) bb_ui_test_template_child ((widget), (type), (name))

#define NOW           "2026-09-28T09:30:00+08:00"
#define TEAM_NAME     "雁塔区为民服务队"
#define HOTLINE       "029-12345678"
#define MATTER        "企业设立登记"

static const char *lang_tag = "C";
static BbDatabase *db;
static BbActor *leader;   /* 李建国, team leader */
static BbActor *clerk;    /* 王小明, service staff */
static gint64 handler_id; /* 赵丽, service staff */
static gint64 leaver_id;  /* 孙七, service staff, deactivated in proxy-retry */
static gint64 existing_client_id;
static char *proxy_number;  /* the case test_proxy accepted */
static char *existing_id_number;

/* Driving the display */

static void
type_text (GtkWidget  *field,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static const char *
text_of (GtkWidget *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (field));
}

static gboolean
next_enabled (BbWizard *wizard)
{
  return gtk_widget_get_sensitive (child (wizard, BB_TYPE_WIZARD, "next_button"));
}

static void
press_next (BbWizard *wizard)
{
  g_assert_true (next_enabled (wizard));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
}

static void
press_back (BbWizard *wizard)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL));
}

typedef struct
{
  BbWizard   *wizard;
  const char *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (bb_wizard_get_page_name (wait->wizard), wait->page) == 0 &&
         !bb_wizard_get_busy (wait->wizard);
}

static void
wait_for_page (BbWizard   *wizard,
               const char *page)
{
  PageWait wait = { wizard, page };

  bb_ui_test_iterate_until (page_is, &wait, page);
}

static gboolean
has_rows (gpointer data)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (data));

  return ADW_IS_ACTION_ROW (first);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

static gboolean
catalogue_loaded (gpointer data)
{
  return !bb_matter_step_get_loading (data) && has_rows (child (data, BB_TYPE_MATTER_STEP,
                                                                "items_list"));
}

static void
choose_matter (BbMatterStep *step)
{
  GtkListBox *list = GTK_LIST_BOX (child (step, BB_TYPE_MATTER_STEP, "items_list"));

  bb_ui_test_iterate_until (catalogue_loaded, step, "the catalogue");
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (bb_matter_step_get_item (step));
  g_assert_cmpstr (bb_matter_step_get_item (step)->name, ==, MATTER);
}

static void
present (BbWizard *wizard)
{
  gtk_window_set_default_size (GTK_WINDOW (wizard), 760, 900);
  gtk_window_present (GTK_WINDOW (wizard));
  bb_ui_test_wait_for_draw (GTK_WIDGET (wizard));
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static void
close_wizard (BbWizard *wizard)
{
  GtkWidget *watch = GTK_WIDGET (wizard);

  if (!gtk_widget_get_visible (watch))
    {
      gtk_window_destroy (GTK_WINDOW (wizard));
      return;
    }
  g_object_add_weak_pointer (G_OBJECT (watch), (gpointer *) &watch);
  gtk_window_close (GTK_WINDOW (wizard));
  bb_ui_test_iterate_until (window_gone, &watch, "the wizard to go");
}

static gint64
count_cases (void)
{
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GError) error = NULL;
  gint64 n = bb_case_query_count (db, filter, &error);

  g_assert_no_error (error);
  return n;
}

static char *
valid_id_number (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, bb_id_number_check_digit (first17));
}

static void
on_case_created (BbWizard   *wizard,
                 const char *number,
                 char      **out)
{
  g_free (*out);
  *out = g_strdup (number);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
discard_drafts (void)
{
  bb_assist_wizard_discard_draft ();
  bb_proxy_wizard_discard_draft ();
}

/* Fixtures, through core */

static void
add_fixtures (void)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(BbClient) client = bb_client_new ();
  g_autoptr(BbStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 id;
  int version = 0;

  /* The first account is the administrator's, who makes the rest. */
  id = bb_staff_repo_add (db, system, "A001", "管理员", BB_ROLE_ADMIN, NULL, NULL,
                          "correct horse 0", &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  admin = bb_staff_to_actor (staff);
  g_clear_pointer (&staff, bb_staff_free);

  id = bb_staff_repo_add (db, admin, "L001", "李建国", BB_ROLE_LEADER, "13800000001",
                          "帮办代办服务区", "correct horse 1", &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  leader = bb_staff_to_actor (staff);
  g_clear_pointer (&staff, bb_staff_free);

  id = bb_staff_repo_add (db, admin, "S001", "王小明", BB_ROLE_STAFF, "13800000002",
                          "帮办代办服务区", "correct horse 2", &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  clerk = bb_staff_to_actor (staff);

  handler_id = bb_staff_repo_add (db, admin, "S002", "赵丽", BB_ROLE_STAFF, "13800000003",
                                  "帮办代办服务区", "correct horse 3", &error);
  g_assert_no_error (error);
  leaver_id = bb_staff_repo_add (db, admin, "S003", "孙七", BB_ROLE_STAFF, "13800000004",
                                 "帮办代办服务区", "correct horse 4", &error);
  g_assert_no_error (error);

  item->name = g_strdup (MATTER);
  item->department = g_strdup ("市场监督管理局");
  item->legal_basis = g_strdup ("《中华人民共和国市场主体登记管理条例》");
  item->limit_days = 5;
  item->process = g_strdup ("受理→审核→发照");
  item->fees = g_strdup ("不收费");
  item->online = TRUE;
  g_ptr_array_add (item->materials, bb_material_new ("公司登记（备案）申请书",
                                                     BB_MATERIAL_ORIGINAL, 1, "窗口领取或网上下载"));
  g_ptr_array_add (item->materials, bb_material_new ("居民身份证", BB_MATERIAL_ORIGINAL_AND_COPY,
                                                     1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("住所使用证明", BB_MATERIAL_COPY, 1,
                                                     "房产证或租赁合同"));
  bb_catalogue_repo_add (db, admin, item, &error);
  g_assert_no_error (error);

  /* National Day: 10-01 to 10-07 off, Saturday 10-10 worked instead. */
  for (int day = 1; day <= 7; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02d", day);

      bb_holiday_repo_set (db, admin, date, BB_DAY_HOLIDAY, "国庆节", 0, &error);
      g_assert_no_error (error);
    }
  bb_holiday_repo_set (db, admin, "2026-10-10", BB_DAY_WORKDAY, "国庆节调休", 0, &error);
  g_assert_no_error (error);

  value = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, &version, &error);
  g_assert_no_error (error);
  bb_settings_repo_set (db, admin, BB_SETTING_TEAM_NAME, TEAM_NAME, version, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, &version, &error);
  g_assert_no_error (error);
  bb_settings_repo_set (db, admin, BB_SETTING_COMPLAINT_HOTLINE, HOTLINE, version, NULL,
                        &error);
  g_assert_no_error (error);

  existing_id_number = valid_id_number ("61011319450302241");
  client->kind = g_strdup (BB_CLIENT_PERSON);
  client->name = g_strdup ("张秀英");
  client->id_number = g_strdup (existing_id_number);
  client->phone = g_strdup ("13912345678");
  client->category = g_strdup (BB_CATEGORY_SPECIAL_CARE);
  client->address = g_strdup ("雁塔区小寨东路1号");
  existing_client_id = bb_client_repo_add (db, admin, client, &error);
  g_assert_no_error (error);
}

/* 帮办: a recorded client, a home visit, routed */

static gboolean
results_shown (gpointer data)
{
  return has_rows (child (data, BB_TYPE_CLIENT_STEP, "results_list"));
}

static void
test_assist (void)
{
  BbAssistWizard *wizard;
  BbWizard *w;
  BbClientStep *client_step;
  GtkListBox *results;
  g_autofree char *number = NULL;
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) appointment = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  gint64 cases_before = count_cases ();

  discard_drafts ();
  g_assert_false (bb_assist_wizard_has_draft (NULL));

  wizard = bb_assist_wizard_new (NULL, db, clerk);
  w = BB_WIZARD (wizard);
  g_signal_connect (wizard, "case-created", G_CALLBACK (on_case_created), &number);
  present (w);
  g_assert_cmpstr (bb_wizard_get_page_name (w), ==, "client");
  g_assert_false (next_enabled (w));
  /* No Back on the first step. */
  g_assert_false (gtk_widget_get_visible (child (w, BB_TYPE_WIZARD, "back_button")));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "assist-1-client-empty");

  /* Find the client by part of her name. */
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_ASSIST_WIZARD, "client_step"));
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "search_entry"), "秀英");
  bb_ui_test_iterate_until (results_shown, client_step, "clients to be found");
  results = GTK_LIST_BOX (child (client_step, BB_TYPE_CLIENT_STEP, "results_list"));
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  g_assert_true (bb_client_step_get_complete (client_step));
  g_assert_false (bb_client_step_get_is_new (client_step));
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "assist-1-client");
  press_next (w);

  /* The matter, with what the client is told at once. */
  wait_for_page (w, "matter");
  g_assert_false (next_enabled (w));
  choose_matter (BB_MATTER_STEP (child (w, BB_TYPE_ASSIST_WIZARD, "matter_step")));
  g_assert_true (gtk_widget_get_visible (child (child (w, BB_TYPE_ASSIST_WIZARD, "matter_step"),
                                                BB_TYPE_MATTER_STEP, "materials_group")));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "assist-2-matter");
  press_next (w);

  /* The request: reason, a home visit, routed to the self-service area. */
  wait_for_page (w, "request");
  g_assert_false (next_enabled (w));
  type_text (child (w, BB_TYPE_ASSIST_WIZARD, "reason_row"), "年老行动不便，不会使用自助设备");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_ASSIST_WIZARD, "home_check")),
                               TRUE);
  g_assert_true (gtk_widget_get_visible (child (w, BB_TYPE_ASSIST_WIZARD, "home_group")));
  /* A home visit needs where and when. */
  g_assert_false (next_enabled (w));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    /* The group's three entry rows, in order: address, date, time. */
    collect (child (w, BB_TYPE_ASSIST_WIZARD, "home_group"), ADW_TYPE_ENTRY_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 3);
    type_text (g_ptr_array_index (rows, 0), "雁塔区小寨东路1号3单元502室");
    type_text (g_ptr_array_index (rows, 1), "2026-09-27");
    type_text (g_ptr_array_index (rows, 2), "10:00");
    /* The day before today has passed: said beside the time. */
    g_assert_nonnull (bb_field_get_message (g_ptr_array_index (rows, 2)));
    g_assert_false (next_enabled (w));
    type_text (g_ptr_array_index (rows, 1), "2026-09-30");
    g_assert_null (bb_field_get_message (g_ptr_array_index (rows, 2)));
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_ASSIST_WIZARD,
                                                        "area_self_check")), TRUE);
  type_text (child (w, BB_TYPE_ASSIST_WIZARD, "remark_row"), "家属陪同");
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "assist-3-request");

  /* The draft has kept it all. */
  {
    g_autofree char *summary = NULL;

    bb_ui_test_wait_ms (600);
    g_assert_true (bb_assist_wizard_has_draft (&summary));
    g_assert_nonnull (strstr (summary, "张秀英"));
    g_assert_nonnull (strstr (summary, MATTER));
  }

  press_next (w);
  wait_for_page (w, "review");
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "assist-4-review");

  /* Register: created, registered and routed through core. */
  press_next (w);
  bb_ui_test_iterate_until (string_set, &number, "the case to be created");
  g_assert_cmpint (count_cases (), ==, cases_before + 1);
  g_assert_false (bb_assist_wizard_has_draft (NULL));

  kase = bb_case_repo_get (db, clerk, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kase->kind, ==, BB_CASE_ASSIST);
  g_assert_cmpint (kase->state, ==, BB_STATE_ROUTED);
  g_assert_cmpint (kase->client_id, ==, existing_client_id);
  g_assert_cmpstr (kase->matter, ==, MATTER);
  g_assert_cmpstr (kase->reason, ==, "年老行动不便，不会使用自助设备");
  g_assert_cmpstr (kase->mode, ==, BB_MODE_HOME);
  g_assert_cmpstr (kase->area, ==, BB_AREA_SELF_SERVICE);
  g_assert_cmpstr (kase->home_address, ==, "雁塔区小寨东路1号3单元502室");
  appointment = g_date_time_new (tz, 2026, 9, 30, 10, 0, 0);
  g_assert_cmpint (kase->appointment_at, ==, g_date_time_to_unix (appointment) * G_USEC_PER_SEC);
  g_assert_cmpstr (kase->remark, ==, "家属陪同");
  g_assert_cmpint (kase->responsible_id, ==, clerk->staff_id);
}

/* A wrong check digit: named beside the field, Next stays off, nothing stored */

static void
test_invalid_id (void)
{
  BbProxyWizard *wizard;
  BbWizard *w;
  BbClientStep *client_step;
  GtkWidget *id_row;
  g_autofree char *good = valid_id_number ("61010319900307002");
  g_autofree char *wrong = g_strdup (good);
  g_autoptr(GError) expected = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cases_before = count_cases ();
  const char *message;

  discard_drafts ();
  /* Any other check digit is wrong. */
  wrong[17] = good[17] == '1' ? '2' : '1';
  g_assert_false (bb_validate_id_number (wrong, &expected));

  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  present (w);
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_PROXY_WIZARD, "client_step"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (client_step, BB_TYPE_CLIENT_STEP,
                                                          "new_toggle")), TRUE);
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "name_row"), "错号码");
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row"), "13700001111");
  id_row = child (client_step, BB_TYPE_CLIENT_STEP, "id_number_row");
  type_text (id_row, wrong);

  /* The reason is beside the field, and it is about the check digit. */
  message = bb_field_get_message (id_row);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==, expected->message);
  g_assert_nonnull (strchr (message, good[17]));
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_false (bb_client_step_get_complete (client_step));
  g_assert_false (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "invalid-id-number");

  /* Next does nothing; what was typed stays. */
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  g_assert_cmpstr (bb_wizard_get_page_name (w), ==, "client");
  g_assert_cmpstr (text_of (id_row), ==, wrong);

  /* Corrected, the message goes and Next comes on. */
  type_text (id_row, good);
  g_assert_null (bb_field_get_message (id_row));
  g_assert_true (next_enabled (w));

  close_wizard (w);
  found = bb_client_repo_find (db, "错号码", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpint (count_cases (), ==, cases_before);
  discard_drafts ();
}

/* 代办: a new client, analysis, pre-review with a notice, accepted, the slip */

static gboolean
wizard_ready (gpointer data)
{
  return bb_proxy_wizard_get_ready (data);
}

static GtkWindow *
find_preview_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_has_css_class (GTK_WIDGET (window), "print-preview-window") &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
preview_shown (gpointer data)
{
  return find_preview_window () != NULL;
}

static guint
dark_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint dark = 0;

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      guchar *p = data + i * 4;

      if (p[0] < 128 && p[1] < 128 && p[2] < 128)
        dark++;
    }
  return dark;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

/* A field of pdfinfo's output, in a static buffer */
static const char *
info_field (const char *info,
            const char *name)
{
  static char value[128];
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  value[0] = '\0';
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ':')
        {
          g_strlcpy (value, lines[i] + strlen (name) + 1, sizeof value);
          g_strstrip (value);
        }
    }
  return value;
}

static void
test_proxy (void)
{
  BbProxyWizard *wizard;
  BbWizard *w;
  BbClientStep *client_step;
  BbMatterStep *matter_step;
  BbPrintPreview *preview;
  GtkWindow *notice_window;
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autofree char *id_number = valid_id_number ("61011319580615301");
  g_autofree char *number = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GdkTexture) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean notified = FALSE;
  BbCase *kase;

  discard_drafts ();
  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  g_signal_connect (wizard, "case-created", G_CALLBACK (on_case_created), &number);
  present (w);

  /* A new client: ID number and phone required here. */
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_PROXY_WIZARD, "client_step"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (client_step, BB_TYPE_CLIENT_STEP,
                                                          "new_toggle")), TRUE);
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "name_row"), "李四");
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "id_number_row"), id_number);
  g_assert_false (next_enabled (w));
  /* Once typed in and emptied, the phone is said to be required. */
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row"), "1");
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row"), "");
  g_assert_nonnull (bb_field_get_message (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row")));
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row"), "139 1234 0000");
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "address_row"), "雁塔区长安南路88号");
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-1-client");
  press_next (w);

  /* The matter and the needs analysis. */
  wait_for_page (w, "needs");
  matter_step = BB_MATTER_STEP (child (w, BB_TYPE_PROXY_WIZARD, "matter_step"));
  choose_matter (matter_step);
  /* The catalogue fills in the estimate and the process. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                                             "estimated_spin"))),
                   ==, 5);
  g_assert_cmpstr (text_of (child (w, BB_TYPE_PROXY_WIZARD, "process_row")), ==,
                   "受理→审核→发照");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (w, BB_TYPE_PROXY_WIZARD, "difficulty_row")),
                              2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (w, BB_TYPE_PROXY_WIZARD, "estimated_spin")),
                             4);
  /* Not confirmed with the client yet: no going on. */
  g_assert_false (next_enabled (w));
  g_assert_nonnull (bb_field_get_message (child (w, BB_TYPE_PROXY_WIZARD, "confirmed_row")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                        "confirmed_check")), TRUE);
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-2-needs");

  /* Back keeps the input of both steps. */
  press_back (w);
  wait_for_page (w, "client");
  g_assert_cmpstr (text_of (child (client_step, BB_TYPE_CLIENT_STEP, "name_row")), ==, "李四");
  g_assert_cmpstr (text_of (child (client_step, BB_TYPE_CLIENT_STEP, "id_number_row")), ==,
                   id_number);
  g_assert_cmpstr (text_of (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row")), ==,
                   "139 1234 0000");
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-1-client-back");
  press_next (w);
  wait_for_page (w, "needs");
  g_assert_nonnull (bb_matter_step_get_item (matter_step));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                                             "estimated_spin"))),
                   ==, 4);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                                       "confirmed_check"))));
  press_next (w);

  /* Pre-review: two present, the proof of address missing. */
  wait_for_page (w, "materials");
  g_assert_false (next_enabled (w));
  collect (child (w, BB_TYPE_PROXY_WIZARD, "materials_group"), GTK_TYPE_TOGGLE_BUTTON, toggles);
  g_assert_cmpuint (toggles->len, ==, 6);
  gtk_toggle_button_set_active (g_ptr_array_index (toggles, 0), TRUE);
  gtk_toggle_button_set_active (g_ptr_array_index (toggles, 2), TRUE);
  g_assert_false (next_enabled (w));
  gtk_toggle_button_set_active (g_ptr_array_index (toggles, 5), TRUE);
  g_assert_true (next_enabled (w));
  g_assert_true (gtk_widget_get_visible (child (w, BB_TYPE_PROXY_WIZARD, "missing_group")));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-3-materials");

  /* The one-time notice, in the in-app preview. */
  g_signal_emit_by_name (child (w, BB_TYPE_PROXY_WIZARD, "notice_button"), "clicked");
  bb_ui_test_iterate_until (preview_shown, NULL, "the notice's preview");
  notice_window = find_preview_window ();
  gtk_window_set_default_size (notice_window, 640, 860);
  bb_ui_test_save_screenshot (GTK_WIDGET (notice_window), "ui-wizard", "proxy-3-notice-preview");
  gtk_window_destroy (notice_window);
  press_next (w);

  /* Acceptance: by the leader, now, handled by 赵丽, the catalogue's limit. */
  wait_for_page (w, "acceptance");
  bb_ui_test_iterate_until (wizard_ready, wizard, "the staff and the calendar");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (w, BB_TYPE_PROXY_WIZARD,
                                                                       "accepted_by_row"))),
                   ==, "李建国");
  g_assert_true (gtk_widget_get_sensitive (child (w, BB_TYPE_PROXY_WIZARD, "limit_spin")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                                             "limit_spin"))),
                   ==, 5);
  /* The deadline skips the National Day week and counts its make-up Saturday. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (w, BB_TYPE_PROXY_WIZARD,
                                                                                       "deadline_row"))),
                                   "2026-10-10"));
  {
    AdwComboRow *handler_row = ADW_COMBO_ROW (child (w, BB_TYPE_PROXY_WIZARD, "handler_row"));
    GListModel *model = adw_combo_row_get_model (handler_row);
    guint index = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GtkStringObject) label = g_list_model_get_item (model, i);

        if (g_str_has_prefix (gtk_string_object_get_string (label), "赵丽"))
          index = i;
      }
    g_assert_cmpuint (index, !=, G_MAXUINT);
    adw_combo_row_set_selected (handler_row, index);
  }
  type_text (child (w, BB_TYPE_PROXY_WIZARD, "notes_row"), "材料基本齐全，住所使用证明承诺3日内补交");
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-4-acceptance");

  press_next (w);
  wait_for_page (w, "slip");
  bb_ui_test_iterate_until (string_set, &number, "the case to be created");
  g_assert_cmpstr (number, ==, bb_proxy_wizard_get_number (wizard));
  proxy_number = g_strdup (number);
  g_assert_false (bb_proxy_wizard_has_draft (NULL));
  /* What is stored cannot be gone back to. */
  g_assert_false (gtk_widget_get_visible (child (w, BB_TYPE_WIZARD, "back_button")));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-5-slip");

  /* The database */
  detail = bb_case_repo_get_detail (db, leader, number, &error);
  g_assert_no_error (error);
  kase = detail->kase;
  g_assert_cmpint (kase->kind, ==, BB_CASE_PROXY);
  g_assert_cmpint (kase->state, ==, BB_STATE_HANDLING);
  g_assert_cmpstr (kase->client_name, ==, "李四");
  g_assert_cmpstr (kase->client_id_number, ==, id_number);
  g_assert_cmpstr (kase->client_phone, ==, "13912340000");
  g_assert_cmpint (kase->responsible_id, ==, handler_id);
  g_assert_cmpint (kase->handler_id, ==, handler_id);
  g_assert_cmpint (kase->accepted_by, ==, leader->staff_id);
  g_assert_cmpint (kase->limit_days, ==, 5);
  g_assert_cmpstr (kase->deadline, ==, "2026-10-10");
  g_assert_cmpstr (kase->acceptance_notes, ==, "材料基本齐全，住所使用证明承诺3日内补交");
  g_assert_true (kase->analysis_confirmed);
  g_assert_cmpint (kase->estimated_days, ==, 4);
  g_assert_cmpstr (kase->process_plan, ==, "受理→审核→发照");
  g_assert_cmpuint (detail->materials->len, ==, 3);
  for (guint i = 0; i < detail->materials->len; i++)
    {
      BbCaseMaterial *material = g_ptr_array_index (detail->materials, i);

      g_assert_cmpint (material->present, ==, i < 2);
    }
  for (guint i = 0; i < detail->events->len; i++)
    {
      BbCaseEvent *event = g_ptr_array_index (detail->events, i);

      if (g_strcmp0 (event->kind, "notify-missing") == 0)
        notified = TRUE;
    }
  g_assert_true (notified);

  /* The slip's preview is drawn: plenty of ink on the page. */
  preview = BB_PRINT_PREVIEW (child (w, BB_TYPE_PROXY_WIZARD, "slip_preview"));
  g_assert_cmpuint (bb_print_preview_get_n_pages (preview), ==, 1);
  page = bb_print_preview_render_page (preview, 600);
  g_assert_nonnull (page);
  g_assert_cmpuint (dark_pixels (page), >, 5000);
  {
    g_autofree char *png = bb_test_log_path ("ui-wizard-slip-render.png");

    gdk_texture_save_to_png (page, png);
  }

  /* Save as PDF, as the button does, through GtkPrintOperation. */
  pdf_name = g_strdup_printf ("ui-wizard-slip-%s.pdf", lang_tag);
  pdf = bb_test_log_path (pdf_name);
  g_unlink (pdf);
  g_assert_true (bb_print_export_pdf (GTK_WINDOW (w), bb_print_preview_get_document (preview), pdf,
                                      &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "李四"));
  g_assert_nonnull (strstr (text, id_number));
  g_assert_nonnull (strstr (text, "代办事项受理单"));
  g_assert_nonnull (strstr (text, TEAM_NAME));
  g_assert_nonnull (strstr (text, "赵丽"));
  g_assert_nonnull (strstr (text, "李建国"));
  g_assert_nonnull (strstr (text, "2026-10-10"));
  g_assert_nonnull (strstr (text, HOTLINE));
  info = pdf_info (pdf);
  g_assert_cmpstr (info_field (info, "Pages"), ==, "1");
  g_assert_cmpstr (info_field (info, "Page size"), ==, "595.276 x 841.89 pts (A4)");

  /* Done closes the wizard. */
  {
    GtkWidget *watch = GTK_WIDGET (w);

    g_object_add_weak_pointer (G_OBJECT (watch), (gpointer *) &watch);
    press_next (w);
    bb_ui_test_iterate_until (window_gone, &watch, "the wizard to close");
  }
}

/* 代办 refused: a recorded client, the reason kept */

static gboolean
result_shown (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "refused") == 0;
}

static void
test_proxy_refused (void)
{
  BbProxyWizard *wizard;
  BbWizard *w;
  BbClientStep *client_step;
  GtkListBox *results;
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autofree char *number = NULL;
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  discard_drafts ();
  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  g_signal_connect (wizard, "case-created", G_CALLBACK (on_case_created), &number);
  present (w);

  /* Found by her ID number, which she has, as she has a phone. */
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_PROXY_WIZARD, "client_step"));
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "search_entry"), existing_id_number);
  bb_ui_test_iterate_until (results_shown, client_step, "clients to be found");
  results = GTK_LIST_BOX (child (client_step, BB_TYPE_CLIENT_STEP, "results_list"));
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  g_assert_false (gtk_widget_get_visible (child (client_step, BB_TYPE_CLIENT_STEP,
                                                 "complete_phone_row")));
  press_next (w);

  wait_for_page (w, "needs");
  choose_matter (BB_MATTER_STEP (child (w, BB_TYPE_PROXY_WIZARD, "matter_step")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                        "confirmed_check")), TRUE);
  press_next (w);

  wait_for_page (w, "materials");
  collect (child (w, BB_TYPE_PROXY_WIZARD, "materials_group"), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i += 2)
    gtk_toggle_button_set_active (g_ptr_array_index (toggles, i), TRUE);
  press_next (w);

  /* Refusing needs a reason; the forward button says so and looks it. */
  wait_for_page (w, "acceptance");
  bb_ui_test_iterate_until (wizard_ready, wizard, "the staff and the calendar");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_PROXY_WIZARD, "refuse_check")),
                               TRUE);
  g_assert_true (gtk_widget_has_css_class (child (w, BB_TYPE_WIZARD, "next_button"),
                                           "destructive-action"));
  g_assert_false (next_enabled (w));
  type_text (child (w, BB_TYPE_PROXY_WIZARD, "refusal_row"), "该事项须本人到场办理，不符合代办条件");
  g_assert_true (next_enabled (w));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-4-refusal");
  press_next (w);

  wait_for_page (w, "slip");
  bb_ui_test_iterate_until (string_set, &number, "the case to be created");
  bb_ui_test_iterate_until (result_shown, child (w, BB_TYPE_PROXY_WIZARD, "result_stack"),
                            "the refusal");
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-5-refused");

  kase = bb_case_repo_get (db, leader, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kase->state, ==, BB_STATE_REFUSED);
  g_assert_cmpint (kase->client_id, ==, existing_client_id);
  g_assert_cmpstr (kase->refusal_reason, ==, "该事项须本人到场办理，不符合代办条件");
  g_assert_cmpint (kase->accepted_at, ==, 0);
  g_assert_false (bb_proxy_wizard_has_draft (NULL));
  close_wizard (w);
}

/* Saving fails half-way (the handler left meanwhile): the case is not
 * created twice, neither on retrying nor after the window closed */

static void
select_handler_named (BbWizard   *w,
                      const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (child (w, BB_TYPE_PROXY_WIZARD, "handler_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (label), name))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean
error_shown (gpointer data)
{
  return bb_wizard_get_error (data) != NULL && !bb_wizard_get_busy (data);
}

static gboolean
on_acceptance_and_ready (gpointer data)
{
  return g_strcmp0 (bb_wizard_get_page_name (data), "acceptance") == 0 &&
         bb_proxy_wizard_get_ready (data) && next_enabled (data);
}

static void
test_proxy_retry (void)
{
  BbProxyWizard *wizard;
  BbWizard *w;
  BbClientStep *client_step;
  GtkListBox *results;
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr(BbStaff) leaver = NULL;
  g_autoptr(BbStaff) admin_staff = NULL;
  g_autoptr(BbActor) admin = NULL;
  g_autoptr(BbDraftStore) store = NULL;
  g_autoptr(JsonObject) draft = NULL;
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *first_number = NULL;
  gint64 cases_before = count_cases ();

  discard_drafts ();
  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  present (w);
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_PROXY_WIZARD, "client_step"));
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "search_entry"), "张秀英");
  bb_ui_test_iterate_until (results_shown, client_step, "clients to be found");
  results = GTK_LIST_BOX (child (client_step, BB_TYPE_CLIENT_STEP, "results_list"));
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  press_next (w);
  wait_for_page (w, "needs");
  choose_matter (BB_MATTER_STEP (child (w, BB_TYPE_PROXY_WIZARD, "matter_step")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (w, BB_TYPE_PROXY_WIZARD,
                                                        "confirmed_check")), TRUE);
  press_next (w);
  wait_for_page (w, "materials");
  collect (child (w, BB_TYPE_PROXY_WIZARD, "materials_group"), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i += 2)
    gtk_toggle_button_set_active (g_ptr_array_index (toggles, i), TRUE);
  press_next (w);
  wait_for_page (w, "acceptance");
  bb_ui_test_iterate_until (wizard_ready, wizard, "the staff and the calendar");
  select_handler_named (w, "孙七");

  /* 孙七 leaves before the commission is saved. */
  admin_staff = bb_staff_repo_find_by_number (db, "A001", &error);
  g_assert_no_error (error);
  admin = bb_staff_to_actor (admin_staff);
  leaver = bb_staff_repo_get (db, leaver_id, &error);
  g_assert_no_error (error);
  g_assert_true (bb_staff_repo_set_active (db, admin, leaver_id, FALSE, leaver->version, &error));
  g_assert_no_error (error);

  press_next (w);
  bb_ui_test_iterate_until (error_shown, w, "the error");
  /* The case exists: the message says which, and what went wrong. */
  first_number = g_strdup (bb_proxy_wizard_get_number (wizard));
  g_assert_nonnull (first_number);
  g_assert_nonnull (strstr (bb_wizard_get_error (w), first_number));
  g_assert_nonnull (strstr (bb_wizard_get_error (w), "孙七"));
  g_assert_cmpstr (bb_wizard_get_page_name (w), ==, "acceptance");
  g_assert_cmpint (count_cases (), ==, cases_before + 1);
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-4-accept-failed");

  /* The draft knows the case. */
  store = bb_draft_store_new ("proxy");
  draft = bb_draft_store_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (draft, "input"),
                                                  "number"), ==, first_number);

  /* Closed and opened again, it goes on with the same case. */
  close_wizard (w);
  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  g_signal_connect (wizard, "case-created", G_CALLBACK (on_case_created), &number);
  present (w);
  bb_ui_test_iterate_until (on_acceptance_and_ready, w, "the draft's acceptance step");
  select_handler_named (w, "赵丽");
  press_next (w);
  wait_for_page (w, "slip");
  bb_ui_test_iterate_until (string_set, &number, "the case to be accepted");
  g_assert_cmpstr (number, ==, first_number);
  g_assert_cmpint (count_cases (), ==, cases_before + 1);

  kase = bb_case_repo_get (db, leader, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kase->state, ==, BB_STATE_HANDLING);
  g_assert_cmpint (kase->handler_id, ==, handler_id);
  g_assert_cmpint (kase->client_id, ==, existing_client_id);
  g_assert_false (bb_proxy_wizard_has_draft (NULL));
  close_wizard (w);
}

/* The forms of a case, loaded through core and shown in the preview window */

static gboolean
dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(GtkWindow **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWindow *
find_other_preview_window (GtkWindow *other)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != other &&
          gtk_widget_has_css_class (GTK_WIDGET (window), "print-preview-window") &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
second_preview_shown (gpointer data)
{
  return find_other_preview_window (data) != NULL;
}

static BbPrintPreview *
preview_of (GtkWindow *window)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (window), BB_TYPE_PRINT_PREVIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static void
test_print_forms (void)
{
  g_autoptr(BbActor) manager = NULL;
  g_autoptr(BbStaff) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  BbPrintDocument *document;
  GtkWindow *window;
  GtkWindow *dialog = NULL;

  g_assert_nonnull (proxy_number);

  /* The slip of the case the proxy test accepted. */
  bb_print_slip (NULL, db, leader, proxy_number);
  bb_ui_test_iterate_until (preview_shown, NULL, "the slip's preview");
  window = find_preview_window ();
  document = bb_print_preview_get_document (preview_of (window));
  g_assert_nonnull (strstr (bb_print_document_get_title (document), proxy_number));
  g_assert_false (bb_print_document_get_landscape (document));
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-wizard", "print-slip");

  /* GtkPrintOperation's own preview shows the in-app one, not evince. */
  {
    g_autoptr(GtkPrintOperation) operation = bb_print_operation_new (document);
    GtkPrintOperationResult result;
    GtkWindow *op_preview;

    gtk_print_operation_set_allow_async (operation, TRUE);
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, window,
                                      &error);
    g_assert_no_error (error);
    g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);
    bb_ui_test_iterate_until (second_preview_shown, window, "the operation's preview");
    op_preview = find_other_preview_window (window);
    g_assert_true (bb_print_preview_get_document (preview_of (op_preview)) == document);
    gtk_window_destroy (op_preview);
  }
  gtk_window_destroy (window);

  /* Its one-time notice: the material marked missing. */
  bb_print_notice (NULL, db, leader, proxy_number);
  bb_ui_test_iterate_until (preview_shown, NULL, "the notice's preview");
  window = find_preview_window ();
  pdf = bb_test_log_path ("ui-wizard-notice.pdf");
  g_assert_true (bb_print_export_pdf (window, bb_print_preview_get_document (preview_of (window)),
                                      pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "一次性告知单"));
  g_assert_nonnull (strstr (text, "住所使用证明"));
  g_assert_nonnull (strstr (text, proxy_number));
  gtk_window_destroy (window);
  g_clear_pointer (&pdf, g_free);
  g_clear_pointer (&text, g_free);

  /* No handover yet: said in a dialog, no preview. */
  bb_print_handover (NULL, db, leader, proxy_number);
  bb_ui_test_iterate_until (dialog_shown, &dialog, "the error dialog");
  g_assert_null (find_preview_window ());
  gtk_window_destroy (dialog);

  /* The register of the day, landscape, for someone who may export it. */
  admin = bb_staff_repo_find_by_number (db, "A001", &error);
  g_assert_no_error (error);
  manager = bb_staff_to_actor (admin);
  bb_print_register (NULL, db, manager, "2026-09-28", "2026-09-28", NULL);
  bb_ui_test_iterate_until (preview_shown, NULL, "the register's preview");
  window = find_preview_window ();
  document = bb_print_preview_get_document (preview_of (window));
  g_assert_true (bb_print_document_get_landscape (document));
  gtk_window_set_default_size (window, 900, 680);
  bb_ui_test_save_screenshot (GTK_WIDGET (window), "ui-wizard", "print-register");
  pdf = bb_test_log_path ("ui-wizard-register.pdf");
  g_assert_true (bb_print_export_pdf (window, document, pdf, &error));
  g_assert_no_error (error);
  info = pdf_info (pdf);
  g_assert_cmpstr (info_field (info, "Page size"), ==, "841.89 x 595.276 pts (A4)");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "帮办代办服务事项登记表"));
  g_assert_nonnull (strstr (text, "张秀英"));
  g_assert_nonnull (strstr (text, "李四"));
  gtk_window_destroy (window);
}

/* A staff member can neither change the limit nor give the case to another */

static void
test_staff_rights (void)
{
  BbProxyWizard *wizard;
  BbWizard *w;
  GListModel *handlers;

  discard_drafts ();
  wizard = bb_proxy_wizard_new (NULL, db, clerk);
  w = BB_WIZARD (wizard);
  present (w);
  bb_ui_test_iterate_until (wizard_ready, wizard, "the staff and the calendar");
  g_assert_false (gtk_widget_get_sensitive (child (w, BB_TYPE_PROXY_WIZARD, "limit_spin")));
  g_assert_false (gtk_widget_get_sensitive (child (w, BB_TYPE_PROXY_WIZARD, "handler_row")));
  handlers = adw_combo_row_get_model (ADW_COMBO_ROW (child (w, BB_TYPE_PROXY_WIZARD,
                                                            "handler_row")));
  g_assert_cmpuint (g_list_model_get_n_items (handlers), ==, 1);
  close_wizard (w);
  discard_drafts ();
}

/* A draft: kept on closing, continued in a new wizard, started over */

static gboolean
on_page (gpointer data)
{
  return g_strcmp0 (bb_wizard_get_page_name (data), "needs") == 0;
}

static void
test_draft (void)
{
  BbProxyWizard *wizard;
  BbWizard *w;
  BbClientStep *client_step;
  g_autofree char *summary = NULL;
  g_autofree char *id_number = valid_id_number ("61010219700101451");
  gint64 cases_before = count_cases ();

  discard_drafts ();
  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  present (w);
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_PROXY_WIZARD, "client_step"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (client_step, BB_TYPE_CLIENT_STEP,
                                                          "new_toggle")), TRUE);
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "name_row"), "王五");
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "id_number_row"), id_number);
  type_text (child (client_step, BB_TYPE_CLIENT_STEP, "phone_row"), "13600002222");
  press_next (w);
  wait_for_page (w, "needs");
  choose_matter (BB_MATTER_STEP (child (w, BB_TYPE_PROXY_WIZARD, "matter_step")));
  type_text (child (w, BB_TYPE_PROXY_WIZARD, "process_row"), "代为提交，窗口领照");
  /* Closing keeps it (written at once, not after the delay). */
  close_wizard (w);
  g_assert_true (bb_proxy_wizard_has_draft (&summary));
  g_assert_nonnull (strstr (summary, "王五"));

  /* The next wizard continues it, on the step the user was on. */
  wizard = bb_proxy_wizard_new (NULL, db, leader);
  w = BB_WIZARD (wizard);
  present (w);
  bb_ui_test_iterate_until (on_page, w, "the draft's step");
  client_step = BB_CLIENT_STEP (child (w, BB_TYPE_PROXY_WIZARD, "client_step"));
  g_assert_cmpstr (text_of (child (client_step, BB_TYPE_CLIENT_STEP, "name_row")), ==, "王五");
  g_assert_cmpstr (text_of (child (w, BB_TYPE_PROXY_WIZARD, "process_row")), ==,
                   "代为提交，窗口领照");
  g_assert_nonnull (bb_matter_step_get_item (BB_MATTER_STEP (child (w, BB_TYPE_PROXY_WIZARD,
                                                                    "matter_step"))));
  g_assert_true (gtk_widget_get_visible (child (w, BB_TYPE_WIZARD, "start_over_button")));
  bb_ui_test_save_screenshot (GTK_WIDGET (w), "ui-wizard", "proxy-draft-continued");

  /* Start over: empty, the draft gone. */
  g_signal_emit_by_name (child (w, BB_TYPE_WIZARD, "start_over_button"), "clicked");
  g_assert_cmpstr (bb_wizard_get_page_name (w), ==, "client");
  g_assert_cmpstr (text_of (child (client_step, BB_TYPE_CLIENT_STEP, "name_row")), ==, "");
  g_assert_false (next_enabled (w));
  g_assert_false (bb_proxy_wizard_has_draft (NULL));
  close_wizard (w);
  g_assert_cmpint (count_cases (), ==, cases_before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BbLocation) location = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");
  int status;

  g_setenv ("BANGBAN_NOW", NOW, TRUE);
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
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/bangban/Bangban/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  location = bb_test_new_location ();
  db = bb_test_open (location);
  add_fixtures ();

  g_test_add_func ("/bangban/ui/wizard/assist", test_assist);
  g_test_add_func ("/bangban/ui/wizard/invalid-id-number", test_invalid_id);
  g_test_add_func ("/bangban/ui/wizard/proxy", test_proxy);
  g_test_add_func ("/bangban/ui/wizard/proxy-refused", test_proxy_refused);
  g_test_add_func ("/bangban/ui/wizard/proxy-retry", test_proxy_retry);
  g_test_add_func ("/bangban/ui/wizard/print-forms", test_print_forms);
  g_test_add_func ("/bangban/ui/wizard/staff-rights", test_staff_rights);
  g_test_add_func ("/bangban/ui/wizard/draft", test_draft);
  status = g_test_run ();

  g_clear_pointer (&leader, bb_actor_free);
  g_clear_pointer (&clerk, bb_actor_free);
  g_clear_pointer (&existing_id_number, g_free);
  g_clear_pointer (&proxy_number, g_free);
  g_clear_object (&db);
  return status;
}
