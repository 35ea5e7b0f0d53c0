/* bb-cli-print.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bangban-cli slip|notice|handover|register: the printed forms as PDF
 * files (and the register as CSV or XLSX), drawn by src/print with no
 * display; and bench-print, which times them. This file maps a case as the
 * case repository hands it out onto each form's data: the forms
 * themselves know nothing of the database.
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "bb-case-repo.h"
#include "bb-cli-print.h"
#include "bb-clock.h"
#include "bb-error.h"
#include "bb-form-pdf.h"
#include "bb-form-register-export.h"
#include "bb-form-wording.h"
#include "bb-register-query.h"
#include "bb-settings-repo.h"
#include "bb-staff-repo.h"

/* Shared */

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              n_args,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = bb_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      *status = bb_cli_usage_error (context, n_args == 0 ? _("no arguments were expected")
                                                         : _("wrong number of arguments"));
      return FALSE;
    }
  return TRUE;
}

/* Opens the database and resolves who acts. */
static gboolean
open_as_actor (BbCliGlobals  *globals,
               BbDatabase   **db,
               BbActor      **actor,
               int           *status)
{
  g_autoptr(GError) error = NULL;

  *db = bb_cli_open_database (globals, &error);
  if (*db == NULL)
    {
      *status = bb_cli_fail (error);
      return FALSE;
    }
  *actor = bb_cli_resolve_actor (globals, *db, &error);
  if (*actor == NULL)
    {
      g_clear_object (db);
      *status = bb_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

/* The team name and the hotline the forms print; empty when unset. */
static gboolean
read_form_settings (BbDatabase  *db,
                    char       **team_name,
                    char       **hotline,
                    GError     **error)
{
  *team_name = bb_settings_repo_get (db, BB_SETTING_TEAM_NAME, NULL, error);
  if (*team_name == NULL)
    return FALSE;
  *hotline = bb_settings_repo_get (db, BB_SETTING_COMPLAINT_HOTLINE, NULL, error);
  if (*hotline == NULL)
    {
      g_clear_pointer (team_name, g_free);
      return FALSE;
    }
  return TRUE;
}

/* A full ID number that goes on paper is audited like one shown on screen
 * (DESIGN.md § Security), before it is printed. */
static gboolean
record_reveal (BbDatabase     *db,
               const BbActor  *actor,
               const BbCase   *kase,
               const char     *purpose,
               GError        **error)
{
  if (!kase->client_id_revealed || kase->client_id_number == NULL)
    return TRUE;
  return bb_case_repo_record_reveal (db, actor, kase, purpose, error);
}

static char *
today_iso (void)
{
  GDate today;
  char text[16];

  bb_clock_today (&today);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &today);
  return g_strdup (text);
}

/* The day of @usec in the time zone of record, `YYYY-MM-DD`; today for 0. */
static char *
day_iso (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec <= 0)
    return today_iso ();
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d");
}

static int
missing_output (GOptionContext *context)
{
  return bb_cli_usage_error (context, _("say where to write the form with --pdf FILE"));
}

/* slip */

/**
 * bb_cli_command_slip:
 *
 * `bangban-cli slip NUMBER --pdf OUT`: the acceptance slip of a proxy case.
 */
int
bb_cli_command_slip (BbCliGlobals  *globals,
                     int            argc,
                     char         **argv)
{
  g_autofree char *pdf = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the slip to FILE as PDF"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *team_name = NULL;
  g_autofree char *hotline = NULL;
  g_autofree char *date = NULL;
  g_autofree char *applied_at = NULL;
  g_autofree char *accepted_at = NULL;
  g_autofree char *limit = NULL;
  const BbCase *kase;
  BbSlipData data;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Prints the acceptance slip (代办事项受理单, table A.2 of the "
                                  "standard) of a proxy case to a PDF file: one A4 page with the "
                                  "team name and the complaint hotline from the settings and a "
                                  "QR code of the case number. The client's ID number is printed "
                                  "in full for the responsible staff member and team leaders and "
                                  "above, and masked otherwise; printing it in full is audited."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  if (pdf == NULL || *pdf == '\0')
    return missing_output (context);
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  detail = bb_case_repo_get_detail (db, actor, argv[1], &error);
  if (detail == NULL || !read_form_settings (db, &team_name, &hotline, &error))
    return bb_cli_fail (error);
  kase = detail->kase;
  if (kase->kind != BB_CASE_PROXY)
    {
      bb_set_field_error (&error, _("Case number"),
                          _("%s is an assist (帮办) case; the acceptance slip is for proxy "
                            "(代办) cases"),
                          kase->number);
      return bb_cli_fail (error);
    }
  if (!record_reveal (db, actor, kase, "print acceptance slip", &error))
    return bb_cli_fail (error);

  tz = bb_clock_get_time_zone ();
  date = day_iso (kase->accepted_at);
  applied_at = bb_form_time_text (kase->applied_at, tz);
  accepted_at = bb_form_time_text (kase->accepted_at, tz);
  limit = bb_form_limit_text (kase->limit_days, kase->deadline);
  data = (BbSlipData) {
    .team_name = team_name,
    .date = date,
    .number = kase->number,
    .applicant = kase->client_name,
    /* An organisation has a credit code where a person has an ID number. */
    .id_number = kase->client_id_number != NULL ? kase->client_id_number
                                                : kase->client_credit_code,
    .phone = kase->client_phone,
    .matter = kase->matter,
    .applied_at = applied_at,
    .accepted_by = kase->accepted_by_name,
    .accepted_at = accepted_at,
    .handler = kase->handler_name,
    .limit = limit,
    .notes = kase->acceptance_notes,
    .hotline = hotline,
  };
  if (!bb_form_pdf_write_slip (pdf, &data, &error))
    return bb_cli_fail (error);
  return BB_EXIT_OK;
}

/* notice */

/**
 * bb_cli_command_notice:
 *
 * `bangban-cli notice NUMBER --pdf OUT`: the one-time notice of the
 * materials a case lacks.
 */
int
bb_cli_command_notice (BbCliGlobals  *globals,
                       int            argc,
                       char         **argv)
{
  g_autofree char *pdf = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the notice to FILE as PDF"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(BbStaff) staff = NULL;
  g_autoptr(GArray) materials = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autofree char *team_name = NULL;
  g_autofree char *hotline = NULL;
  g_autofree char *date = NULL;
  const BbCase *kase;
  BbNoticeData data;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Prints the one-time notice (一次性告知单) of a case to a PDF "
                                  "file: every material of its checklist that is still missing, "
                                  "with what is required and how to obtain it, and lines for the "
                                  "staff member and the client to sign."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  if (pdf == NULL || *pdf == '\0')
    return missing_output (context);
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  detail = bb_case_repo_get_detail (db, actor, argv[1], &error);
  if (detail == NULL || !read_form_settings (db, &team_name, &hotline, &error))
    return bb_cli_fail (error);
  kase = detail->kase;

  materials = g_array_new (FALSE, TRUE, sizeof (BbNoticeMaterial));
  requirements = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < detail->materials->len; i++)
    {
      const BbCaseMaterial *material = g_ptr_array_index (detail->materials, i);
      BbNoticeMaterial line;
      char *requirement;

      if (material->present)
        continue;
      requirement = bb_form_material_requirement (material->form, material->copies);
      g_ptr_array_add (requirements, requirement);
      line = (BbNoticeMaterial) { material->name, requirement, material->how_to_obtain };
      g_array_append_val (materials, line);
    }
  if (materials->len == 0)
    {
      bb_set_field_error (&error, _("Case number"),
                          _("%s lacks no material of its checklist: there is nothing to notify"),
                          kase->number);
      return bb_cli_fail (error);
    }

  /* The responsible staff member's phone, for the client to call back. */
  if (kase->responsible_number != NULL)
    {
      g_autoptr(GError) staff_error = NULL;

      staff = bb_staff_repo_find_by_number (db, kase->responsible_number, &staff_error);
      if (staff == NULL)
        g_debug ("%s", staff_error->message);
    }

  date = today_iso ();
  data = (BbNoticeData) {
    .team_name = team_name,
    .number = kase->number,
    .date = date,
    .applicant = kase->client_name,
    .phone = kase->client_phone,
    .matter = kase->matter,
    .staff = kase->responsible_name,
    .staff_phone = staff != NULL ? staff->phone : NULL,
    .hotline = hotline,
    .materials = (const BbNoticeMaterial *) (gpointer) materials->data,
    .n_materials = materials->len,
  };
  if (!bb_form_pdf_write_notice (pdf, &data, &error))
    return bb_cli_fail (error);
  return BB_EXIT_OK;
}

/* handover */

/**
 * bb_cli_command_handover:
 *
 * `bangban-cli handover NUMBER --pdf OUT`: the receipt of what was handed
 * over when the case was completed.
 */
int
bb_cli_command_handover (BbCliGlobals  *globals,
                         int            argc,
                         char         **argv)
{
  g_autofree char *pdf = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the receipt to FILE as PDF"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *team_name = NULL;
  g_autofree char *hotline = NULL;
  g_autofree char *date = NULL;
  const BbCase *kase;
  const BbHandover *last = NULL;
  BbHandoverData data;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Prints the handover receipt (交接证明) of a case to a PDF "
                                  "file: its result, how it was delivered, every item handed "
                                  "over (one line of the recorded items each), and lines for "
                                  "whoever hands over and whoever receives to sign."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  if (pdf == NULL || *pdf == '\0')
    return missing_output (context);
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  detail = bb_case_repo_get_detail (db, actor, argv[1], &error);
  if (detail == NULL || !read_form_settings (db, &team_name, &hotline, &error))
    return bb_cli_fail (error);
  kase = detail->kase;

  /* Every handover recorded, oldest first; each line of its items a row. */
  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < detail->handovers->len; i++)
    {
      const BbHandover *handover = g_ptr_array_index (detail->handovers, i);
      g_auto(GStrv) lines = g_strsplit (handover->items != NULL ? handover->items : "", "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          char *line = g_strstrip (g_strdup (lines[j]));

          if (*line == '\0')
            g_free (line);
          else
            g_ptr_array_add (items, line);
        }
      last = handover;
    }
  if (last == NULL)
    {
      bb_set_field_error (&error, _("Case number"),
                          _("no handover has been recorded for %s yet"), kase->number);
      return bb_cli_fail (error);
    }

  date = day_iso (last->at);
  data = (BbHandoverData) {
    .team_name = team_name,
    .number = kase->number,
    .date = date,
    .applicant = kase->client_name,
    .phone = kase->client_phone,
    .matter = kase->matter,
    .result = kase->result,
    .delivery = kase->delivery,
    .staff = kase->responsible_name,
    .items = (const char * const *) items->pdata,
    .n_items = items->len,
  };
  if (!bb_form_pdf_write_handover (pdf, &data, &error))
    return bb_cli_fail (error);
  return BB_EXIT_OK;
}

/* register */

/**
 * bb_cli_command_register:
 *
 * `bangban-cli register --from DATE --to DATE (--pdf|--csv|--xlsx) OUT`:
 * the service register of a date range.
 */
int
bb_cli_command_register (BbCliGlobals  *globals,
                         int            argc,
                         char         **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day of the range (applications from its start)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day of the range (applications to its end)"), N_("YYYY-MM-DD") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("Only assist (帮办) or only proxy (代办) cases"), N_("assist|proxy") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the register to FILE as PDF"),
      N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Write the register to FILE as CSV (UTF-8 with a byte order mark, for Excel)"),
      N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx,
      N_("Write the register to FILE as an Excel workbook"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BbFormRegister) form = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *team_name = NULL;
  g_autofree char *hotline = NULL;
  g_autofree char *period = NULL;
  gboolean written;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Prints the service register (帮办代办服务事项登记表, table A.1 "
                                  "of the standard) of the cases applied for in a date range: "
                                  "as a PDF file of A4 landscape pages, or as a CSV or Excel "
                                  "file with the same columns. CSV and Excel files are exports "
                                  "of personal data, for managers and administrators."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (from == NULL || to == NULL)
    return bb_cli_usage_error (context, _("give the date range with --from DATE and --to DATE"));
  if ((pdf != NULL) + (csv != NULL) + (xlsx != NULL) != 1)
    return bb_cli_usage_error (context,
                               _("say where to write the register with one of --pdf FILE, "
                                 "--csv FILE or --xlsx FILE"));
  if ((pdf != NULL && *pdf == '\0') || (csv != NULL && *csv == '\0')
      || (xlsx != NULL && *xlsx == '\0'))
    return bb_cli_usage_error (context, _("the output file name is empty"));
  if (!bb_register_query_check (from, to, kind, &error))
    return bb_cli_fail (error);

  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  if (pdf == NULL && !bb_actor_check (actor, BB_PERM_EXPORT_PERSONAL, &error))
    return bb_cli_fail (error);
  if (!read_form_settings (db, &team_name, &hotline, &error))
    return bb_cli_fail (error);
  rows = bb_register_query_run (db, from, to, kind, &error);
  if (rows == NULL)
    return bb_cli_fail (error);

  tz = bb_clock_get_time_zone ();
  period = g_strdup_printf ("登记日期：%s 至 %s", from, to);
  form = bb_form_register_new (team_name, period);
  for (guint i = 0; i < rows->len; i++)
    bb_form_register_add_case (form, g_ptr_array_index (rows, i), tz);

  if (pdf != NULL)
    written = bb_form_pdf_write_register (pdf, form, &error);
  else if (csv != NULL)
    written = bb_form_register_write_csv (form, csv, &error);
  else
    written = bb_form_register_write_xlsx (form, xlsx, &error);
  if (!written)
    return bb_cli_fail (error);
  return BB_EXIT_OK;
}

/* bench-print */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Processor time of this process in ms: what the rendering costs, whatever
 * else the machine is doing (the wall-clock time is given too). */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1)
          + g_array_index (times, double, times->len / 2)) / 2;
}

/* A register of @n_rows cases, with text of realistic lengths. */
static BbFormRegister *
bench_register (guint n_rows)
{
  static const char *matters[] = {
    "个体工商户设立登记", "企业开办登记（设立登记、印章刻制、发票申领、社保登记）",
    "不动产转移登记", "城乡居民养老保险参保登记", "医保异地就医备案", "公积金提取",
  };
  static const char *reasons[] = {
    "老年人，行动不便，申请上门帮办", "不熟悉网上办理流程", "企业首次办理，材料较多",
  };
  static const char *modes[] = { "大厅服务", "窗口服务", "上门服务", "线上服务" };
  static const char *remarks[] = {
    "", "需补充股东会决议后再次办理", "已电话回访，服务对象对办理结果满意，建议窗口一次性告知全部材料清单",
  };
  BbFormRegister *form = bb_form_register_new ("雁塔区为民服务队",
                                               "登记日期：2026-01-01 至 2026-12-31");

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *sequence = g_strdup_printf ("%u", i + 1);
      g_autofree char *time = g_strdup_printf ("2026-%02u-%02u %02u:%02u", 1 + i % 12,
                                               1 + i % 28, 8 + i % 9, i % 60);
      g_autofree char *applicant = g_strdup_printf ("申请人%u", i + 1);
      const char *cells[BB_REGISTER_N_COLUMNS] = {
        sequence, matters[i % G_N_ELEMENTS (matters)], reasons[i % G_N_ELEMENTS (reasons)],
        modes[i % G_N_ELEMENTS (modes)], time, i % 4 == 0 ? "办理中" : "已办结", applicant,
        i % 5 == 0 ? "" : "非常满意", remarks[i % G_N_ELEMENTS (remarks)],
      };

      bb_form_register_add_row (form, cells);
    }
  return form;
}

/**
 * bb_cli_command_bench_print:
 *
 * `bangban-cli bench-print [--runs N] [--rows N]`: the median time to
 * render one acceptance slip to PDF, and a register of many rows.
 */
int
bb_cli_command_bench_print (BbCliGlobals  *globals,
                            int            argc,
                            char         **argv)
{
  int runs = 21;
  int rows = 1000;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs,
      N_("How many times to render each form (default 21; a third of that for the register)"),
      N_("N") },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, N_("Rows of the register (default 1000)"),
      N_("N") },
    { NULL }
  };
  const BbSlipData slip = {
    .team_name = "雁塔区为民服务队",
    .date = "2026-03-02",
    .number = "DB-2026-000123",
    .applicant = "王小明",
    .id_number = "610113199001011237",
    .phone = "13800138000",
    .matter = "企业开办登记（设立登记、印章刻制、发票申领）",
    .applied_at = "2026-03-02 09:30",
    .accepted_by = "李娜",
    .accepted_at = "2026-03-02 10:05",
    .handler = "张伟",
    .limit = "5个工作日（2026年3月9日前）",
    .notes = "材料齐全，同意受理；营业执照申请书原件已核验。",
    .hotline = "029-88881234",
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) slip_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) slip_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) register_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) register_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(BbFormRegister) form = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *slip_path = NULL;
  g_autofree char *register_path = NULL;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Times the printed forms: renders the acceptance slip and a "
                                  "register of many rows to PDF files in a temporary folder "
                                  "again and again, and prints the median times. Needs no "
                                  "database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (runs < 1 || rows < 0)
    return bb_cli_usage_error (context, _("--runs must be at least 1 and --rows at least 0"));

  dir = g_dir_make_tmp ("bangban-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bangban-cli: %s\n", error->message);
      return BB_EXIT_INVALID;
    }
  slip_path = g_build_filename (dir, "slip.pdf", NULL);
  register_path = g_build_filename (dir, "register.pdf", NULL);

  for (int i = 0; i < runs && error == NULL; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (bb_form_pdf_write_slip (slip_path, &slip, &error))
        {
          double wall = (g_get_monotonic_time () - start) / 1000.0;
          double cpu = cpu_ms () - cpu_start;

          g_array_append_val (slip_times, wall);
          g_array_append_val (slip_cpu, cpu);
        }
    }

  /* The rows are built once: what is timed is what printing a register
   * takes, measuring, paginating and drawing every page. */
  form = bench_register ((guint) rows);
  for (int i = 0; i < MAX (runs / 3, 1) && error == NULL; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (bb_form_pdf_write_register (register_path, form, &error))
        {
          double wall = (g_get_monotonic_time () - start) / 1000.0;
          double cpu = cpu_ms () - cpu_start;

          g_array_append_val (register_times, wall);
          g_array_append_val (register_cpu, cpu);
        }
    }

  g_unlink (slip_path);
  g_unlink (register_path);
  g_rmdir (dir);
  if (error != NULL)
    return bb_cli_fail (error);

  g_print (_("Acceptance slip: median %.1f ms (processor time %.1f ms) over %u runs\n"),
           median (slip_times), median (slip_cpu), slip_times->len);
  g_print (_("Register of %d rows (%u pages): median %.0f ms (processor time %.0f ms) "
             "over %u runs\n"),
           rows, bb_form_register_get_n_pages (form), median (register_times),
           median (register_cpu), register_times->len);
  return BB_EXIT_OK;
}
