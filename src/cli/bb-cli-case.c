/* bb-cli-case.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bangban-cli case new|show|act|evaluate|sweep: cases and their workflow
 * actions. Action names and option names are a stable interface for
 * scripts (bb-workflow.h).
 */

#define G_LOG_DOMAIN "bb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-cli-case.h"
#include "bb-cli-demo.h"
#include "bb-cli-private.h"
#include "bb-client-repo.h"
#include "bb-clock.h"
#include "bb-error.h"

typedef int (*Subcommand) (BbCliGlobals *globals, int argc, char **argv);

typedef struct
{
  const char *name;
  Subcommand  run;
} SubcommandEntry;

/* Everything `case act` can take; each action accepts only its own. */
typedef struct
{
  char     *text;
  char     *reason;
  char     *area;
  char     *handler;
  char     *to;
  char     *present;
  char     *missing;
  char     *name;
  char     *status;
  char     *department;
  char     *resume_by;
  char     *result;
  char     *delivery;
  char     *items;
  char     *received_by;
  char     *difficulty;
  char     *process;
  char     *comment;
  char     *channel;
  char     *integrity;
  char     *archive_number;
  int       limit;
  int       days;
  int       level;
  int       expect_version;
  gboolean  client_told;
  gboolean  json;
} ActOptions;

typedef struct
{
  const char *name;
  GOptionArg  arg;
  gsize       offset;
  const char *description;
  const char *arg_description;
} OptionSpec;

#define OFF(field) G_STRUCT_OFFSET (ActOptions, field)

static const OptionSpec option_specs[] = {
  { "text", G_OPTION_ARG_STRING, OFF (text),
    N_("The text (log entry, problem, report, follow-up, note)"), N_("TEXT") },
  { "reason", G_OPTION_ARG_STRING, OFF (reason),
    N_("The reason; for suspend: materials, fees, client or force-majeure"), N_("REASON") },
  { "area", G_OPTION_ARG_STRING, OFF (area), N_("online, self-service or assist"), N_("AREA") },
  { "handler", G_OPTION_ARG_STRING, OFF (handler),
    N_("The responsible staff member (第一责任人)"), N_("STAFF-NUMBER") },
  { "limit", G_OPTION_ARG_INT, OFF (limit),
    N_("The promised limit in working days (default: the catalogue's; only leaders may change "
       "it)"), N_("N") },
  { "to", G_OPTION_ARG_STRING, OFF (to), N_("The new responsible staff member"),
    N_("STAFF-NUMBER") },
  { "client-told", G_OPTION_ARG_NONE, OFF (client_told),
    N_("The client was told and the change explained"), NULL },
  { "present", G_OPTION_ARG_STRING, OFF (present),
    N_("Materials present, separated by commas"), N_("A,B") },
  { "missing", G_OPTION_ARG_STRING, OFF (missing),
    N_("Materials missing, separated by commas"), N_("A,B") },
  { "name", G_OPTION_ARG_STRING, OFF (name), N_("The department's name"), N_("NAME") },
  { "status", G_OPTION_ARG_STRING, OFF (status), N_("The department's status"), N_("STATUS") },
  { "department", G_OPTION_ARG_STRING, OFF (department), N_("The supervising department"),
    N_("NAME") },
  { "resume-by", G_OPTION_ARG_STRING, OFF (resume_by),
    N_("The resume deadline, after today"), N_("YYYY-MM-DD") },
  { "result", G_OPTION_ARG_STRING, OFF (result), N_("The result"), N_("TEXT") },
  { "delivery", G_OPTION_ARG_STRING, OFF (delivery),
    N_("How the result is delivered, as agreed"), N_("TEXT") },
  { "items", G_OPTION_ARG_STRING, OFF (items), N_("What is handed over"), N_("TEXT") },
  { "received-by", G_OPTION_ARG_STRING, OFF (received_by), N_("Who received it"), N_("NAME") },
  { "difficulty", G_OPTION_ARG_STRING, OFF (difficulty), N_("How hard the matter is"),
    N_("TEXT") },
  { "days", G_OPTION_ARG_INT, OFF (days), N_("The estimated working days"), N_("N") },
  { "process", G_OPTION_ARG_STRING, OFF (process), N_("The process agreed with the client"),
    N_("TEXT") },
  { "level", G_OPTION_ARG_INT, OFF (level),
    N_("5 very satisfied, 4 satisfied, 3 fairly satisfied, 2 dissatisfied, "
       "1 very dissatisfied"), N_("1..5") },
  { "comment", G_OPTION_ARG_STRING, OFF (comment), N_("The client's comment"), N_("TEXT") },
  { "channel", G_OPTION_ARG_STRING, OFF (channel),
    N_("onsite (default), device, terminal, phone, sms or online"), N_("CHANNEL") },
  { "integrity-ok", G_OPTION_ARG_STRING, OFF (integrity),
    N_("Was nothing (gift, meal, fee) asked for: yes (default) or no"), N_("yes|no") },
  { "archive-number", G_OPTION_ARG_STRING, OFF (archive_number),
    N_("The file number (default: the case number)"), N_("NUMBER") },
  { "expect-version", G_OPTION_ARG_INT, OFF (expect_version),
    N_("Fail with status 3 unless the case is still at this version"), N_("N") },
  { "json", G_OPTION_ARG_NONE, OFF (json), N_("Print the case as JSON"), NULL },
};

/* The options of each action, besides --expect-version and --json. */
static const char *action_options[BB_N_ACTIONS] = {
  [BB_ACTION_APPLY] = "text",
  [BB_ACTION_ROUTE] = "area text",
  [BB_ACTION_MATERIALS] = "present missing text",
  [BB_ACTION_NOTIFY_MISSING] = "text",
  [BB_ACTION_SUPPLEMENT] = "present text",
  [BB_ACTION_CONVERT] = "text",
  [BB_ACTION_ANALYSE] = "difficulty days process text",
  [BB_ACTION_ACCEPT] = "handler limit text",
  [BB_ACTION_REFUSE] = "reason",
  [BB_ACTION_REQUEST_SUPPLEMENT] = "text missing",
  [BB_ACTION_LOG] = "text",
  [BB_ACTION_PROBLEM] = "text",
  [BB_ACTION_REPORT] = "text",
  [BB_ACTION_DEPARTMENT] = "name status text",
  [BB_ACTION_SUPERVISOR_REPORT] = "text department",
  [BB_ACTION_REASSIGN] = "to reason client-told",
  [BB_ACTION_SUSPEND] = "reason resume-by text",
  [BB_ACTION_RESUME] = "text",
  [BB_ACTION_TERMINATE] = "text",
  [BB_ACTION_COMPLETE] = "result delivery",
  [BB_ACTION_HANDOVER] = "items received-by",
  [BB_ACTION_CONFIRM] = "text",
  [BB_ACTION_DISPUTE] = "reason",
  [BB_ACTION_EVALUATE] = "level comment channel integrity-ok",
  [BB_ACTION_FOLLOW_UP] = "text",
  [BB_ACTION_ARCHIVE] = "archive-number text",
};

static void
act_options_clear (ActOptions *o)
{
  g_free (o->text);
  g_free (o->reason);
  g_free (o->area);
  g_free (o->handler);
  g_free (o->to);
  g_free (o->present);
  g_free (o->missing);
  g_free (o->name);
  g_free (o->status);
  g_free (o->department);
  g_free (o->resume_by);
  g_free (o->result);
  g_free (o->delivery);
  g_free (o->items);
  g_free (o->received_by);
  g_free (o->difficulty);
  g_free (o->process);
  g_free (o->comment);
  g_free (o->channel);
  g_free (o->integrity);
  g_free (o->archive_number);
  memset (o, 0, sizeof *o);
}

static void
add_entry (GArray     *entries,
           ActOptions *values,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++)
    {
      const OptionSpec *spec = &option_specs[i];

      if (g_str_equal (spec->name, name))
        {
          GOptionEntry entry = { spec->name, 0, 0, spec->arg,
                                 G_STRUCT_MEMBER_P (values, spec->offset),
                                 spec->description, spec->arg_description };

          g_array_append_val (entries, entry);
          return;
        }
    }
  g_assert_not_reached ();
}

/* The option entries of @action (or only the common ones when @action is
 * BB_N_ACTIONS), NULL-terminated. */
static GArray *
entries_for (BbAction    action,
             ActOptions *values)
{
  GArray *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  if (action < BB_N_ACTIONS)
    {
      g_auto(GStrv) names = g_strsplit (action_options[action], " ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        add_entry (entries, values, names[i]);
    }
  add_entry (entries, values, "expect-version");
  add_entry (entries, values, "json");
  return entries;
}

/* “a, b，c” → { "a", "b", "c" }; NULL for no names. */
static char **
split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *normalized = NULL;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  /* Chinese input methods type a full-width comma. */
  parts = g_strsplit (text, "，", -1);
  normalized = g_strjoinv (",", parts);
  g_clear_pointer (&parts, g_strfreev);
  parts = g_strsplit (normalized, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_yes_no (const char  *text,
              gboolean    *value,
              GError     **error)
{
  if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "是") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "no") == 0 || g_strcmp0 (text, "否") == 0)
    *value = FALSE;
  else
    {
      bb_set_field_error (error, _("Integrity answer"), _("answer yes or no"));
      return FALSE;
    }
  return TRUE;
}

/* The action a set of options describes. */
static BbCaseAction *
action_from_options (BbAction     kind,
                     ActOptions  *o,
                     GError     **error)
{
  g_autoptr(BbCaseAction) action = bb_case_action_new (kind);

  action->text = g_steal_pointer (&o->text);
  action->reason = g_steal_pointer (&o->reason);
  action->area = g_steal_pointer (&o->area);
  action->staff_number = g_strdup (kind == BB_ACTION_REASSIGN ? o->to : o->handler);
  action->limit_days = o->limit;
  action->resume_by = g_steal_pointer (&o->resume_by);
  action->level = o->level;
  action->channel = g_steal_pointer (&o->channel);
  action->comment = g_steal_pointer (&o->comment);
  action->present = split_list (o->present);
  action->missing = split_list (o->missing);
  action->department = g_strdup (kind == BB_ACTION_DEPARTMENT ? o->name : o->department);
  action->status = g_steal_pointer (&o->status);
  action->items = g_steal_pointer (&o->items);
  action->received_by = g_steal_pointer (&o->received_by);
  action->client_told = o->client_told;
  action->difficulty = g_steal_pointer (&o->difficulty);
  action->estimated_days = o->days;
  action->process = g_steal_pointer (&o->process);
  action->result = g_steal_pointer (&o->result);
  action->delivery = g_steal_pointer (&o->delivery);
  action->archive_number = g_steal_pointer (&o->archive_number);

  if (o->integrity != NULL && !parse_yes_no (o->integrity, &action->integrity_ok, error))
    return NULL;
  return g_steal_pointer (&action);
}

/* Output */

static char *
format_instant (gint64 usec)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%s: %s\n", label, value);
}

static void
print_case_text (const BbCase *kase)
{
  g_autofree char *accepted = format_instant (kase->accepted_at);
  g_autofree char *applied = format_instant (kase->applied_at);
  g_autofree char *responsible = NULL;
  g_autoptr(GArray) actions = bb_workflow_allowed_actions (kase->kind, kase->state);
  g_autoptr(GString) allowed = g_string_new (NULL);

  g_print (_("Case %s — %s, %s\n"), kase->number, bb_case_kind_label (kase->kind),
           bb_case_state_label (kase->state));
  g_print (_("Client: %s (%s), %s\n"), kase->client_name,
           kase->client_id_number != NULL ? kase->client_id_number
           : kase->client_credit_code != NULL ? kase->client_credit_code : "—",
           bb_client_category_label (kase->client_category));
  print_field (_("Matter"), kase->matter);
  print_field (_("Reason"), kase->reason);
  print_field (_("Applied"), applied);
  if (kase->responsible_number != NULL)
    responsible = g_strdup_printf ("%s %s", kase->responsible_number, kase->responsible_name);
  print_field (_("Responsible"), responsible);
  print_field (_("Accepted"), accepted);
  if (kase->limit_days > 0)
    g_print (_("Promised limit: %d working days\n"), kase->limit_days);
  if (kase->deadline != NULL)
    {
      if (kase->deadline_running)
        g_print (_("Deadline: %s (%s, %d working days left)\n"), kase->deadline,
                 bb_deadline_state_label (kase->deadline_state), kase->remaining_days);
      else
        print_field (_("Deadline"), kase->deadline);
    }
  print_field (_("Resume by"), kase->resume_by);
  print_field (_("Result"), kase->result);
  print_field (_("Refusal reason"), kase->refusal_reason);
  print_field (_("Converted from"), kase->parent_number);
  print_field (_("Converted to"), kase->converted_to);
  print_field (_("Archive number"), kase->archive_number);

  for (guint i = 0; i < actions->len; i++)
    g_string_append_printf (allowed, "%s%s", i > 0 ? " " : "",
                            bb_action_to_string (g_array_index (actions, BbAction, i)));
  print_field (_("Allowed actions"), allowed->str);
}

static void
print_detail_text (const BbCaseDetail *detail)
{
  print_case_text (detail->kase);

  if (detail->materials->len > 0)
    {
      g_print ("%s\n", _("Materials:"));
      for (guint i = 0; i < detail->materials->len; i++)
        {
          BbCaseMaterial *m = g_ptr_array_index (detail->materials, i);

          g_print ("  [%s] %s%s%s\n", m->present ? "x" : " ", m->name,
                   m->how_to_obtain != NULL ? " — " : "",
                   m->how_to_obtain != NULL ? m->how_to_obtain : "");
        }
    }
  if (detail->departments->len > 0)
    {
      g_print ("%s\n", _("Departments:"));
      for (guint i = 0; i < detail->departments->len; i++)
        {
          BbCaseDepartment *d = g_ptr_array_index (detail->departments, i);

          g_print ("  %s: %s\n", d->name, d->status);
        }
    }
  g_print ("%s\n", _("History:"));
  for (guint i = 0; i < detail->events->len; i++)
    {
      BbCaseEvent *e = g_ptr_array_index (detail->events, i);
      g_autofree char *at = format_instant (e->at);

      g_print ("  %s  %-6s  %s", at, e->staff_number != NULL ? e->staff_number : "system",
               e->kind);
      if (e->from_state != NULL && e->to_state != NULL)
        g_print (" (%s → %s)", e->from_state, e->to_state);
      else if (e->to_state != NULL)
        g_print (" (→ %s)", e->to_state);
      if (e->body != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (e->body, "\n", -1);

          g_print ("  %s", lines[0]);
          for (guint l = 1; lines[l] != NULL; l++)
            g_print ("\n      %s", lines[l]);
        }
      g_print ("\n");
    }
}

/* A full ID number shown to someone is audited (DESIGN.md § Security). */
static gboolean
record_reveal (BbDatabase     *db,
               const BbActor  *actor,
               const BbCase   *kase,
               GError        **error)
{
  if (!kase->client_id_revealed || kase->client_id_number == NULL)
    return TRUE;
  return bb_case_repo_record_reveal (db, actor, kase, "bangban-cli", error);
}

/* Prints the case after a change: its number (or the whole case as JSON). */
static int
print_changed_case (BbDatabase     *db,
                    const BbActor  *actor,
                    const BbCase   *kase,
                    gboolean        json)
{
  g_autoptr(GError) error = NULL;

  if (json)
    {
      g_autoptr(JsonNode) node = bb_case_to_json (kase);

      if (!record_reveal (db, actor, kase, &error))
        return bb_cli_fail (error);
      bb_cli_print_json (node);
    }
  else
    g_print ("%s\n", kase->number);
  return BB_EXIT_OK;
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

/* case new */

static gboolean
parse_appointment (const char  *text,
                   gint64      *usec,
                   GError     **error)
{
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autofree char *iso = g_strdup (text);
  g_autoptr(GDateTime) when = NULL;

  /* “2026-03-05 14:30” is as good as “2026-03-05T14:30”. */
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (strlen (iso) == 16)
    {
      char *with_seconds = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = with_seconds;
    }
  when = g_date_time_new_from_iso8601 (iso, tz);
  if (when == NULL)
    {
      bb_set_field_error (error, _("Appointment"),
                          _("should be a date and time written as YYYY-MM-DDTHH:MM"));
      return FALSE;
    }
  *usec = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  return TRUE;
}

/* --matter: a catalogue item's id, its name, or a matter outside the
 * catalogue. */
static gboolean
resolve_matter (BbDatabase   *db,
                const char   *text,
                gint64       *item_id,
                GError      **error)
{
  g_autoptr(BbCatalogueItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  *item_id = 0;
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      item = bb_catalogue_repo_get (db, id, &local_error);
      if (item == NULL)
        {
          if (g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
            bb_set_field_error (error, _("Matter"),
                                _("there is no catalogue item with the id %lld"),
                                (long long) id);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *item_id = item->id;
      return TRUE;
    }

  item = bb_catalogue_repo_find_by_name (db, text, &local_error);
  if (item != NULL)
    {
      *item_id = item->id;
      return TRUE;
    }
  if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Not in the catalogue: a matter of its own. */
  return TRUE;
}

static int
case_new (BbCliGlobals  *globals,
          int            argc,
          char         **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *client_text = NULL;
  g_autofree char *matter = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *address = NULL;
  g_autofree char *appointment = NULL;
  g_autofree char *remark = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("assist (帮办) or proxy (代办) (required)"), N_("KIND") },
    { "client", 0, 0, G_OPTION_ARG_STRING, &client_text, N_("The client's id (required)"),
      N_("ID") },
    { "matter", 0, 0, G_OPTION_ARG_STRING, &matter,
      N_("A catalogue item's name or id, or a matter outside the catalogue (required)"),
      N_("NAME-OR-ID") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the service is asked for (受理理由)"),
      N_("TEXT") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode,
      N_("hall (default), window, home or online"), N_("MODE") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("How the client made contact: onsite (default), phone, email or online"),
      N_("CHANNEL") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Where to go (home visits)"),
      N_("ADDRESS") },
    { "appointment", 0, 0, G_OPTION_ARG_STRING, &appointment,
      N_("When to go (home visits)"), N_("YYYY-MM-DDTHH:MM") },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("A remark (备注)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new case as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCase) kase = NULL;
  BbCaseDraft draft = { 0 };
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Registers a 帮办 (assist) or 代办 (proxy) case and prints its "
                                  "number."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;
  if (kind_text == NULL || client_text == NULL || matter == NULL)
    return bb_cli_usage_error (context, _("--kind, --client and --matter are required"));

  if (!bb_case_kind_from_string (kind_text, &draft.kind))
    {
      bb_set_field_error (&error, _("Kind"), _("“%s” should be assist or proxy"), kind_text);
      return bb_cli_fail (error);
    }
  if (!g_ascii_string_to_signed (client_text, 10, 1, G_MAXINT64, &draft.client_id, NULL))
    {
      bb_set_field_error (&error, _("Client"), _("give the client's id, a number"));
      return bb_cli_fail (error);
    }
  if (appointment != NULL && !parse_appointment (appointment, &draft.appointment_at, &error))
    return bb_cli_fail (error);

  if (!open_as_actor (globals, &db, &actor, &status))
    return status;
  if (!resolve_matter (db, matter, &draft.item_id, &error))
    return bb_cli_fail (error);

  draft.matter = draft.item_id > 0 ? NULL : matter;
  draft.reason = reason;
  draft.mode = mode;
  draft.channel = channel;
  draft.home_address = address;
  draft.remark = remark;
  kase = bb_case_repo_create (db, actor, &draft, &error);
  if (kase == NULL)
    return bb_cli_fail (error);
  return print_changed_case (db, actor, kase, json);
}

/* case show */

static int
case_show (BbCliGlobals  *globals,
           int            argc,
           char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCaseDetail) detail = NULL;
  int status = BB_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Shows a case with its materials, departments and history "
                                  "(newest first). The client's ID number is shown in full to "
                                  "the responsible staff member and to team leaders and above, "
                                  "and each such showing is audited."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;
  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  detail = bb_case_repo_get_detail (db, actor, argv[1], &error);
  if (detail == NULL || !record_reveal (db, actor, detail->kase, &error))
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = bb_case_detail_to_json (detail);

      bb_cli_print_json (node);
    }
  else
    print_detail_text (detail);
  return BB_EXIT_OK;
}

/* case act */

static char *
actions_description (void)
{
  GString *text = g_string_new (_("Actions and their options:"));

  g_string_append_c (text, '\n');
  for (guint a = 0; a < BB_N_ACTIONS; a++)
    {
      g_auto(GStrv) names = g_strsplit (action_options[a], " ", -1);

      g_string_append_printf (text, "  %-19s", bb_action_to_string (a));
      for (guint i = 0; names[i] != NULL; i++)
        g_string_append_printf (text, " --%s", names[i]);
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, "\n%s\n",
                          _("“bangban-cli case act NUMBER ACTION --help” describes an action's "
                            "options."));
  return g_string_free (text, FALSE);
}

static int
run_action (BbCliGlobals  *globals,
            const char    *number,
            BbAction       kind,
            ActOptions    *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  g_autoptr(BbActor) actor = NULL;
  g_autoptr(BbCaseAction) action = NULL;
  g_autoptr(BbCase) kase = NULL;
  int version = options->expect_version;
  int status = BB_EXIT_OK;

  action = action_from_options (kind, options, &error);
  if (action == NULL)
    return bb_cli_fail (error);

  if (!open_as_actor (globals, &db, &actor, &status))
    return status;

  /* Without --expect-version the action applies to the case as it is now. */
  if (version < 0)
    {
      g_autoptr(BbCase) current = bb_case_repo_get (db, actor, number, &error);

      if (current == NULL)
        return bb_cli_fail (error);
      version = current->version;
    }

  kase = bb_case_repo_act (db, actor, number, action, version, &error);
  if (kase == NULL)
    return bb_cli_fail (error);

  if (!options->json && kind == BB_ACTION_CONVERT && kase->converted_to != NULL)
    {
      /* The new 代办 case is what this created. */
      g_print ("%s\n", kase->converted_to);
      return BB_EXIT_OK;
    }
  return print_changed_case (db, actor, kase, options->json);
}

static int
case_act (BbCliGlobals  *globals,
          int            argc,
          char         **argv)
{
  ActOptions options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER ACTION"));
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = actions_description ();
  BbAction kind = BB_N_ACTIONS;
  int status;

  options.expect_version = -1;

  /* NUMBER and ACTION come first: the action decides the options. */
  if (argc >= 3 && argv[1][0] != '-' && !bb_action_from_string (argv[2], &kind))
    {
      g_autofree char *message = g_strdup_printf (_("unknown action “%s”"), argv[2]);

      g_option_context_set_description (context, description);
      return bb_cli_usage_error (context, message);
    }

  g_option_context_set_summary (context,
                                kind < BB_N_ACTIONS
                                ? bb_action_label (kind)
                                : _("Carries out a workflow action on a case. Exit status 2 "
                                    "when the case's state or the user's role does not allow "
                                    "it, 3 when someone else changed the case first."));
  g_option_context_set_description (context, description);
  entries = entries_for (kind, &options);
  g_option_context_add_main_entries (context, (const GOptionEntry *) entries->data,
                                     GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 2, &status))
    {
      act_options_clear (&options);
      return status;
    }
  if (kind == BB_N_ACTIONS)
    {
      act_options_clear (&options);
      return bb_cli_usage_error (context, _("expected NUMBER ACTION"));
    }

  status = run_action (globals, argv[1], kind, &options);
  act_options_clear (&options);
  return status;
}

/* case evaluate */

static int
case_evaluate (BbCliGlobals  *globals,
               int            argc,
               char         **argv)
{
  ActOptions options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr(GArray) entries = NULL;
  int status;

  options.expect_version = -1;
  g_option_context_set_summary (context,
                                _("Records the client's evaluation: 5 very satisfied (非常满意), "
                                  "4 satisfied (满意), 3 fairly satisfied (基本满意), "
                                  "2 dissatisfied (不满意), 1 very dissatisfied (非常不满意). "
                                  "A rating of 2 or 1 opens a rectification."));
  entries = entries_for (BB_ACTION_EVALUATE, &options);
  g_option_context_add_main_entries (context, (const GOptionEntry *) entries->data,
                                     GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, &status))
    {
      act_options_clear (&options);
      return status;
    }
  status = run_action (globals, argv[1], BB_ACTION_EVALUATE, &options);
  act_options_clear (&options);
  return status;
}

/* case sweep */

static int
case_sweep (BbCliGlobals  *globals,
            int            argc,
            char         **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbDatabase) db = NULL;
  int status = BB_EXIT_OK;
  int terminated;

  g_option_context_set_summary (context,
                                _("Terminates every suspended case whose resume deadline has "
                                  "passed, and prints how many."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;

  db = bb_cli_open_database (globals, &error);
  if (db == NULL)
    return bb_cli_fail (error);
  terminated = bb_case_repo_sweep (db, &error);
  if (terminated < 0)
    return bb_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "terminated");
      json_builder_add_int_value (builder, terminated);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      bb_cli_print_json (node);
    }
  else
    g_print ("%d\n", terminated);
  return BB_EXIT_OK;
}

/* Dispatch */

static const SubcommandEntry subcommands[] = {
  { "new", case_new },
  { "show", case_show },
  { "list", bb_cli_case_list },
  { "act", case_act },
  { "evaluate", case_evaluate },
  { "sweep", case_sweep },
};

int
bb_cli_command_case (BbCliGlobals  *globals,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (argc >= 2 && g_str_equal (argv[1], subcommands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("bangban-cli case %s",
                                                      subcommands[i].name);

          g_set_prgname (prgname);
          return subcommands[i].run (globals, argc - 1, argv + 1);
        }
      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", subcommands[i].name);
    }

  context = g_option_context_new (names->str);
  g_option_context_set_summary (context,
                                _("Cases (帮办 and 代办) and their workflow. “bangban-cli case "
                                  "SUBCOMMAND --help” describes one."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bb_cli_usage_error (context, error->message);
  if (argc < 2)
    message = g_strdup_printf (_("expected one of: %s"), names->str);
  else
    message = g_strdup_printf (_("unknown subcommand “%s”; expected one of: %s"), argv[1],
                               names->str);
  return bb_cli_usage_error (context, message);
}
