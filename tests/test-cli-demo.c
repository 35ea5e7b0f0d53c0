/* test-cli-demo.c — bangban-cli demo, case list and bench, run as a
 * program: JSON and exit statuses; on SQLite and PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-demo"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bb-case.h"
#include "bb-test-util.h"

typedef struct
{
  BbLocation *location;
  char       *where;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs bangban-cli [--db WHERE] ARGS… at a fixed instant. */
static Run
cli (const char *where,
     const char *first,
     ...)
{
  const char *program = g_getenv ("BANGBAN_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  va_list ap;

  g_assert_nonnull (program);
  g_ptr_array_add (args, (char *) program);
  if (where != NULL)
    {
      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, (char *) where);
    }
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "BANGBAN_NOW", "2026-03-18T10:00:00", TRUE);
  g_subprocess_launcher_setenv (launcher, "PGPASSWORD", "", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run.status = g_subprocess_get_exit_status (process);
  return run;
}

static void
expect_status (const Run *run,
               int        status)
{
  if (run->status != status)
    g_error ("expected exit status %d, got %d\nstdout: %s\nstderr: %s", status, run->status,
             run->out, run->err);
}

static JsonNode *
parse (const Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  expect_status (run, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BbDatabase) db = NULL;

  f->location = bb_test_new_location ();
  f->where = bb_location_to_string (f->location);
  /* Create the schema, as `bangban-cli init` would. */
  db = bb_test_open (f->location);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->where, g_free);
}

static void
test_demo_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) summary = NULL;
  JsonObject *states;
  g_autofree char *name = NULL;

  /* demo prints what it made; every state is there. */
  {
    g_auto(Run) run = cli (f->where, "demo", "--cases", "20", "--seed", "3", "--json", NULL);

    summary = parse (&run);
  }
  g_assert_true (JSON_NODE_HOLDS_OBJECT (summary));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "cases"), >=, 20);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (summary), "admin"), ==,
                   "1001");
  /* bench reads the seeding times from here. */
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (summary), "seconds"),
                     >, 0);
  g_assert_true (json_object_has_member (json_node_get_object (summary), "bulk_seconds"));
  states = json_object_get_object_member (json_node_get_object (summary), "states");
  for (guint s = 0; s < BB_N_STATES; s++)
    g_assert_cmpint (json_object_get_int_member (states, bb_case_state_to_string (s)), >, 0);

  /* Not twice; bad counts and unknown options. */
  {
    g_auto(Run) again = cli (f->where, "demo", "--cases", "5", NULL);
    g_auto(Run) bad = cli (f->where, "demo", "--cases", "many", NULL);
    g_auto(Run) unknown = cli (f->where, "demo", "--colour", NULL);

    expect_status (&again, 2);
    expect_status (&bad, 1);
    g_assert_nonnull (strstr (bad.err, "--cases"));
    expect_status (&unknown, 64);
  }

  /* case list: JSON, masked ID numbers, the limit, the order. */
  {
    g_auto(Run) run = cli (f->where, "case", "list", "--limit", "5", "--json", NULL);
    g_autoptr(JsonNode) list = parse (&run);
    JsonArray *array = json_node_get_array (list);
    const char *previous = NULL;

    g_assert_cmpuint (json_array_get_length (array), ==, 5);
    for (guint i = 0; i < 5; i++)
      {
        JsonObject *row = json_array_get_object_element (array, i);
        JsonObject *client = json_object_get_object_member (row, "client");
        const char *id_number = json_object_get_string_member (client, "id_number");

        g_assert_nonnull (json_object_get_string_member (row, "number"));
        g_assert_true (id_number == NULL || strstr (id_number, "****") != NULL);
        if (i == 0)
          name = g_strdup (json_object_get_string_member (client, "name"));
        g_assert_true (previous == NULL ||
                       strcmp (previous, json_object_get_string_member (row, "number")) != 0);
        previous = json_object_get_string_member (row, "number");
      }
  }

  /* Filters and search. */
  {
    g_auto(Run) run = cli (f->where, "case", "list", "--state", "handling", "--kind", "proxy",
                           "--sort", "deadline", "--json", NULL);
    g_autoptr(JsonNode) list = parse (&run);
    JsonArray *array = json_node_get_array (list);

    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *row = json_array_get_object_element (array, i);

        g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "handling");
        g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "proxy");
      }
  }
  {
    g_auto(Run) run = cli (f->where, "case", "list", "--overdue", "--json", NULL);
    g_autoptr(JsonNode) list = parse (&run);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), >, 0);
  }
  {
    g_auto(Run) run = cli (f->where, "case", "list", "--search", name, "--json", NULL);
    g_autoptr(JsonNode) list = parse (&run);
    JsonArray *array = json_node_get_array (list);

    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      g_assert_nonnull (strstr (json_object_get_string_member (
                                  json_object_get_object_member (
                                    json_array_get_object_element (array, i), "client"),
                                  "name"), name));
  }
  {
    g_auto(Run) run = cli (f->where, "case", "list", "--staff", "1006", "--limit", "3", NULL);
    g_auto(GStrv) lines = NULL;

    expect_status (&run, 0);
    lines = g_strsplit (g_strstrip (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), <=, 3);
    for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
      g_assert_nonnull (strstr (lines[i], "\t1006\t"));
  }

  /* Bad input: exit 1 naming the option; stray arguments: 64. */
  {
    g_auto(Run) state = cli (f->where, "case", "list", "--state", "sleeping", NULL);
    g_auto(Run) kind = cli (f->where, "case", "list", "--kind", "both", NULL);
    g_auto(Run) sort = cli (f->where, "case", "list", "--sort", "random", NULL);
    g_auto(Run) limit = cli (f->where, "case", "list", "--limit", "0", NULL);
    g_auto(Run) staff = cli (f->where, "case", "list", "--staff", "9999", NULL);
    g_auto(Run) stray = cli (f->where, "case", "list", "extra", NULL);

    expect_status (&state, 1);
    g_assert_nonnull (strstr (state.err, "--state"));
    expect_status (&kind, 1);
    expect_status (&sort, 1);
    expect_status (&limit, 1);
    g_assert_cmpint (staff.status, !=, 0);
    expect_status (&stray, 64);
  }
}

static void
test_bench (void)
{
  g_auto(Run) run = { 0 };

  if (bb_test_engine () != BB_ENGINE_SQLITE)
    {
      g_test_skip ("bench compares with the SQLite C API on a temporary SQLite file");
      return;
    }
  run = cli (NULL, "bench", "--cases", "30", "--runs", "1", NULL);
  expect_status (&run, 0);
  g_assert_nonnull (strstr (run.out, "seed"));
  g_assert_nonnull (strstr (run.out, "first page (100 rows)"));
  g_assert_nonnull (strstr (run.out, "one case with its history"));
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

  g_test_add ("/bangban/cli-demo/demo-and-list", Fixture, NULL, fixture_set_up,
              test_demo_and_list, fixture_tear_down);
  g_test_add_func ("/bangban/cli-demo/bench", test_bench);

  return g_test_run ();
}
