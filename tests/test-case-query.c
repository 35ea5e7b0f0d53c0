/* test-case-query.c — the case list: keyset pages, filters, sort orders,
 * counters and search (Chinese substrings of any length); on SQLite and
 * PostgreSQL
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-case-query"

#include "config.h"

#include <string.h>

#include "bb-audit.h"
#include "bb-case-query.h"
#include "bb-case-repo.h"
#include "bb-case-search.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-database-private.h"
#include "bb-error.h"
#include "bb-staff-repo.h"
#include "bb-test-util.h"
#include "bb-validate.h"

/* Today in every test: Wednesday 18 March 2026 (no holidays near it), so
 * due soon is a deadline on the 18th or 19th, overdue before the 18th. */
#define TODAY "2026-03-18T10:00:00"

/* What the test knows about each case it made. */
typedef struct
{
  gint64       id;
  char        *number;
  BbCaseKind   kind;
  BbCaseState  state;
  gint64       client_id;
  const char  *category;
  gint64       responsible_id;
  char        *deadline;
  int          priority;
  gint64       applied_at;
  gint64       completed_at;
  gboolean     rectification_overdue;  /* as of TODAY, set by the test */
} Known;

typedef struct
{
  BbLocation *location;
  BbDatabase *db;
  BbActor    *admin;
  BbActor    *leader;
  BbActor    *staff1;
  BbActor    *staff2;
  gint64      item_id;
  gint64      clients[5];
  const char *categories[5];
  char       *id_numbers[5];
  char       *credit_code;
  GPtrArray  *known;      /* Known */
} Fixture;

/* The clients: a four-character name, a military client, a three-character
 * name, an organisation, and one more. */
static const char * const client_names[] = {
  "欧阳建国", "张伟", "王建华", "陕西秦川智造科技有限公司", "李娜",
};
static const char * const client_first17[] = {
  "61010419900101123", "61011319850505321", "61011219880808456", NULL, "61010219950315789",
};
static const char * const client_phones[] = {
  "13800138001", "13800138002", "13800138003", "13800138004", "13800138005",
};
static const char * const client_categories[] = {
  BB_CATEGORY_OTHER, BB_CATEGORY_MILITARY, BB_CATEGORY_SPECIAL_CARE, BB_CATEGORY_KEY_ENTERPRISE,
  BB_CATEGORY_OTHER,
};

enum
{
  C_OUYANG,
  C_ZHANG,
  C_WANG,
  C_ORG,
  C_LI,
};

static void
known_free (Known *known)
{
  g_free (known->number);
  g_free (known->deadline);
  g_free (known);
}

static void
set_now (const char *iso)
{
  g_setenv ("BANGBAN_NOW", iso, TRUE);
}

static BbActor *
add_staff (BbDatabase    *db,
           const BbActor *by,
           const char    *number,
           const char    *name,
           BbRole         role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStaff) staff = NULL;
  gint64 id;

  id = bb_staff_repo_add (db, by, number, name, role, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  staff = bb_staff_repo_get (db, id, &error);
  g_assert_no_error (error);
  return bb_staff_to_actor (staff);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BbActor) system = bb_actor_new_system ();
  g_autoptr(BbCatalogueItem) item = bb_catalogue_item_new ();
  g_autoptr(GError) error = NULL;

  set_now ("2026-02-20T09:00:00");
  f->location = bb_test_new_location ();
  f->db = bb_test_open (f->location);
  f->known = g_ptr_array_new_with_free_func ((GDestroyNotify) known_free);

  f->admin = add_staff (f->db, system, "A001", "管理员", BB_ROLE_ADMIN);
  f->leader = add_staff (f->db, f->admin, "L001", "赵队长", BB_ROLE_LEADER);
  f->staff1 = add_staff (f->db, f->admin, "S001", "王芳", BB_ROLE_STAFF);
  f->staff2 = add_staff (f->db, f->admin, "S002", "李静", BB_ROLE_STAFF);

  for (guint i = 0; i < G_N_ELEMENTS (client_names); i++)
    {
      g_autoptr(BbClient) draft = bb_client_new ();

      draft->name = g_strdup (client_names[i]);
      draft->phone = g_strdup (client_phones[i]);
      draft->category = g_strdup (client_categories[i]);
      if (client_first17[i] != NULL)
        {
          draft->kind = g_strdup (BB_CLIENT_PERSON);
          f->id_numbers[i] = g_strdup_printf ("%s%c", client_first17[i],
                                              bb_id_number_check_digit (client_first17[i]));
          draft->id_number = g_strdup (f->id_numbers[i]);
        }
      else
        {
          draft->kind = g_strdup (BB_CLIENT_ORGANISATION);
          f->credit_code = g_strdup_printf ("91610131MA6U8X9Y2%c",
                                            bb_credit_code_check_char ("91610131MA6U8X9Y2"));
          draft->credit_code = g_strdup (f->credit_code);
        }
      f->clients[i] = bb_client_repo_add (f->db, f->admin, draft, &error);
      g_assert_no_error (error);
      f->categories[i] = client_categories[i];
    }

  item->name = g_strdup ("企业设立登记");
  item->department = g_strdup ("市场监督管理局");
  item->limit_days = 3;
  g_ptr_array_add (item->materials, bb_material_new ("申请书", BB_MATERIAL_ORIGINAL, 1, NULL));
  g_ptr_array_add (item->materials, bb_material_new ("居民身份证", BB_MATERIAL_ORIGINAL_AND_COPY,
                                                     1, NULL));
  f->item_id = bb_catalogue_repo_add (f->db, f->admin, item, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, broken = -1;

  g_assert_true (bb_audit_verify (f->db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);

  g_clear_pointer (&f->known, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (f->id_numbers); i++)
    g_free (f->id_numbers[i]);
  g_free (f->credit_code);
  g_clear_object (&f->db);
  g_clear_pointer (&f->location, bb_location_free);
  g_clear_pointer (&f->admin, bb_actor_free);
  g_clear_pointer (&f->leader, bb_actor_free);
  g_clear_pointer (&f->staff1, bb_actor_free);
  g_clear_pointer (&f->staff2, bb_actor_free);
  g_unsetenv ("BANGBAN_NOW");
}

/* Making cases */

static Known *
remember (Fixture      *f,
          const BbCase *kase,
          guint         client)
{
  Known *known = NULL;

  for (guint i = 0; i < f->known->len && known == NULL; i++)
    if (((Known *) g_ptr_array_index (f->known, i))->id == kase->id)
      known = g_ptr_array_index (f->known, i);
  if (known == NULL)
    {
      known = g_new0 (Known, 1);
      known->id = kase->id;
      known->client_id = f->clients[client];
      known->category = f->categories[client];
      g_ptr_array_add (f->known, known);
    }
  g_free (known->number);
  known->number = g_strdup (kase->number);
  known->kind = kase->kind;
  known->state = kase->state;
  known->responsible_id = kase->responsible_id;
  g_free (known->deadline);
  known->deadline = g_strdup (kase->deadline);
  known->priority = kase->priority;
  known->applied_at = kase->applied_at;
  known->completed_at = kase->completed_at;
  return known;
}

static BbCase *
create (Fixture    *f,
        const char *when,
        BbCaseKind  kind,
        guint       client)
{
  BbCaseDraft draft = { 0 };
  g_autoptr(GError) error = NULL;
  BbCase *kase;

  set_now (when);
  draft.kind = kind;
  draft.client_id = f->clients[client];
  draft.item_id = f->item_id;
  draft.reason = "申请代办";
  kase = bb_case_repo_create (f->db, f->staff1, &draft, &error);
  g_assert_no_error (error);
  remember (f, kase, client);
  return kase;
}

static BbCase *
act (Fixture       *f,
     const char    *when,
     const BbActor *actor,
     BbCase        *kase,
     BbCaseAction  *action,
     guint          client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCaseAction) owned = action;
  BbCase *after;

  set_now (when);
  after = bb_case_repo_act (f->db, actor, kase->number, action, kase->version, &error);
  if (error != NULL)
    g_error ("%s %s: %s", kase->number, bb_action_to_string (action->action), error->message);
  bb_case_free (kase);
  remember (f, after, client);
  return after;
}

/* A 代办 case accepted on @day with @limit working days for @handler. */
static BbCase *
accepted (Fixture       *f,
          const char    *day,
          int            limit,
          const BbActor *handler,
          guint          client)
{
  g_autofree char *morning = g_strdup_printf ("%sT09:00:00", day);
  g_autofree char *later = g_strdup_printf ("%sT09:30:00", day);
  g_autofree char *accept_at = g_strdup_printf ("%sT10:00:00", day);
  BbCase *kase = create (f, morning, BB_CASE_PROXY, client);
  BbCaseAction *action;

  action = bb_case_action_new (BB_ACTION_ANALYSE);
  action->difficulty = g_strdup ("一般");
  action->estimated_days = limit;
  action->process = g_strdup ("代为递交");
  kase = act (f, later, f->staff1, kase, action, client);

  action = bb_case_action_new (BB_ACTION_ACCEPT);
  action->staff_id = handler->staff_id;
  action->limit_days = limit;
  return act (f, accept_at, f->leader, kase, action, client);
}

static BbCase *
text_action (Fixture       *f,
             const char    *when,
             const BbActor *actor,
             BbCase        *kase,
             BbAction       kind,
             const char    *text,
             guint          client)
{
  BbCaseAction *action = bb_case_action_new (kind);

  action->text = g_strdup (text);
  return act (f, when, actor, kase, action, client);
}

static BbCase *
complete (Fixture       *f,
          const char    *when,
          const BbActor *actor,
          BbCase        *kase,
          guint          client)
{
  BbCaseAction *action = bb_case_action_new (BB_ACTION_COMPLETE);

  action->result = g_strdup ("已办结");
  return act (f, when, actor, kase, action, client);
}

/* The fixture's cases, oldest first. Expected, as of TODAY:
 * open 9 (4 handling, 1 applied, 4 consultations), due soon 2, overdue 1,
 * suspended 1, completed this month 2. */
static void
make_cases (Fixture *f)
{
  BbCase *kase;
  BbCaseAction *action;

  /* Completed in February: not this month. */
  kase = accepted (f, "2026-02-23", 3, f->staff1, C_WANG);
  kase = complete (f, "2026-02-27T15:00:00", f->staff1, kase, C_WANG);
  bb_case_free (kase);

  /* Completed this month, then handed over. */
  kase = accepted (f, "2026-03-02", 3, f->staff1, C_OUYANG);
  kase = complete (f, "2026-03-05T15:00:00", f->staff1, kase, C_OUYANG);
  bb_case_free (kase);
  kase = accepted (f, "2026-03-10", 3, f->staff2, C_OUYANG);
  kase = complete (f, "2026-03-16T15:00:00", f->staff2, kase, C_OUYANG);
  action = bb_case_action_new (BB_ACTION_HANDOVER);
  action->items = g_strdup ("营业执照一份");
  kase = act (f, "2026-03-17T09:00:00", f->staff2, kase, action, C_OUYANG);
  bb_case_free (kase);

  /* Overdue: deadline Friday 13 March; a log entry with % and _ in it. */
  kase = accepted (f, "2026-03-10", 3, f->staff1, C_OUYANG);
  kase = text_action (f, "2026-03-11T11:00:00", f->staff1, kase, BB_ACTION_LOG,
                      "已电话联系申请人，完成率100%_待核对", C_OUYANG);
  g_assert_cmpstr (kase->deadline, ==, "2026-03-13");
  bb_case_free (kase);

  /* Suspended past its deadline: neither overdue nor due soon. */
  kase = accepted (f, "2026-03-10", 3, f->staff2, C_ORG);
  action = bb_case_action_new (BB_ACTION_SUSPEND);
  action->reason = g_strdup ("materials");
  action->resume_by = g_strdup ("2026-04-10");
  kase = act (f, "2026-03-12T10:00:00", f->staff2, kase, action, C_ORG);
  bb_case_free (kase);

  /* Due soon: deadlines today (18th) and tomorrow (19th); not due soon:
   * Friday the 20th, two working days away. */
  kase = accepted (f, "2026-03-16", 2, f->staff2, C_ZHANG);
  g_assert_cmpstr (kase->deadline, ==, "2026-03-18");
  bb_case_free (kase);
  kase = accepted (f, "2026-03-16", 3, f->staff2, C_ZHANG);
  g_assert_cmpstr (kase->deadline, ==, "2026-03-19");
  bb_case_free (kase);
  kase = accepted (f, "2026-03-16", 4, f->staff1, C_WANG);
  g_assert_cmpstr (kase->deadline, ==, "2026-03-20");
  bb_case_free (kase);

  /* 帮办: one applied, one consultation. */
  kase = create (f, "2026-03-17T09:00:00", BB_CASE_ASSIST, C_ZHANG);
  kase = text_action (f, "2026-03-17T09:10:00", f->staff1, kase, BB_ACTION_APPLY, NULL, C_ZHANG);
  bb_case_free (kase);
  bb_case_free (create (f, "2026-03-17T10:00:00", BB_CASE_ASSIST, C_ORG));

  /* Today's queue of consultations: the military client came last. */
  bb_case_free (create (f, "2026-03-18T08:30:00", BB_CASE_PROXY, C_WANG));
  bb_case_free (create (f, "2026-03-18T08:40:00", BB_CASE_PROXY, C_LI));
  bb_case_free (create (f, "2026-03-18T09:00:00", BB_CASE_PROXY, C_ZHANG));

  set_now (TODAY);
}

/* Expectations */

static gboolean
is_due_soon (const Known *k)
{
  return k->state == BB_STATE_HANDLING && k->deadline != NULL &&
         strcmp (k->deadline, "2026-03-18") >= 0 && strcmp (k->deadline, "2026-03-20") < 0;
}

static gboolean
is_overdue (const Known *k)
{
  return k->state == BB_STATE_HANDLING && k->deadline != NULL &&
         strcmp (k->deadline, "2026-03-18") < 0;
}

static gboolean
passes (const Known        *k,
        const BbCaseFilter *filter)
{
  if (filter->states != 0 && !(filter->states & BB_CASE_STATE_BIT (k->state)))
    return FALSE;
  if (filter->kind != BB_CASE_KIND_ANY && (int) k->kind != filter->kind)
    return FALSE;
  if (filter->responsible_id != 0 && k->responsible_id != filter->responsible_id)
    return FALSE;
  if (filter->category != NULL && g_strcmp0 (filter->category, k->category) != 0)
    return FALSE;
  if ((filter->completed_since != 0 || filter->completed_before != 0) &&
      (k->completed_at == 0 ||
       (k->state != BB_STATE_COMPLETED && k->state != BB_STATE_DELIVERED &&
        k->state != BB_STATE_CONFIRMED && k->state != BB_STATE_ARCHIVED)))
    return FALSE;
  if (filter->completed_since != 0 && k->completed_at < filter->completed_since)
    return FALSE;
  if (filter->completed_before != 0 && k->completed_at >= filter->completed_before)
    return FALSE;
  if (filter->rectification_overdue && !k->rectification_overdue)
    return FALSE;
  if (filter->due_soon && filter->overdue)
    return is_due_soon (k) || is_overdue (k);
  if (filter->due_soon)
    return is_due_soon (k);
  if (filter->overdue)
    return is_overdue (k);
  return TRUE;
}

static int
compare_known (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Known *x = *(Known **) a;
  const Known *y = *(Known **) b;
  BbCaseSort sort = GPOINTER_TO_INT (user_data);

  switch (sort)
    {
    case BB_CASE_SORT_NEWEST:
      return x->id > y->id ? -1 : x->id < y->id;
    case BB_CASE_SORT_NUMBER:
      return strcmp (x->number, y->number);
    case BB_CASE_SORT_DEADLINE:
      if ((x->deadline == NULL) != (y->deadline == NULL))
        return x->deadline == NULL ? 1 : -1;
      if (x->deadline != NULL && strcmp (x->deadline, y->deadline) != 0)
        return strcmp (x->deadline, y->deadline);
      return x->id < y->id ? -1 : x->id > y->id;
    case BB_CASE_SORT_QUEUE:
      if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
      if (x->applied_at != y->applied_at)
        return x->applied_at < y->applied_at ? -1 : 1;
      return x->id < y->id ? -1 : x->id > y->id;
    default:
      g_assert_not_reached ();
    }
}

/* The ids @filter should give in @sort order. */
static GArray *
expected_ids (Fixture            *f,
              const BbCaseFilter *filter,
              BbCaseSort          sort)
{
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < f->known->len; i++)
    if (passes (g_ptr_array_index (f->known, i), filter))
      g_ptr_array_add (matching, g_ptr_array_index (f->known, i));
  g_ptr_array_sort_with_data (matching, compare_known, GINT_TO_POINTER (sort));
  for (guint i = 0; i < matching->len; i++)
    g_array_append_val (ids, ((Known *) g_ptr_array_index (matching, i))->id);
  return ids;
}

/* Reads every page of @limit rows; checks each page's size and that the
 * last page says so. */
static GArray *
read_all (Fixture            *f,
          const BbCaseFilter *filter,
          BbCaseSort          sort,
          guint               limit)
{
  g_autoptr(BbCaseCursor) cursor = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint pages = 0;; pages++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      BbCaseCursor *next = NULL;

      g_assert_cmpuint (pages, <, 1000);
      rows = bb_case_query_page (f->db, f->admin, filter, sort, cursor, limit, &next, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      g_assert_cmpuint (rows->len, <=, limit);
      for (guint i = 0; i < rows->len; i++)
        g_array_append_val (ids, ((BbCaseSummary *) g_ptr_array_index (rows, i))->id);
      g_clear_pointer (&cursor, bb_case_cursor_free);
      cursor = next;
      if (next == NULL)
        break;
      g_assert_cmpuint (rows->len, ==, limit);
    }
  return ids;
}

static void
assert_ids_equal (GArray *got,
                  GArray *expected)
{
  if (got->len != expected->len)
    g_error ("expected %u cases, got %u", expected->len, got->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

static void
check_filter (Fixture            *f,
              const BbCaseFilter *filter,
              guint               expected_count)
{
  static const BbCaseSort sorts[] = {
    BB_CASE_SORT_NEWEST, BB_CASE_SORT_DEADLINE, BB_CASE_SORT_NUMBER, BB_CASE_SORT_QUEUE,
  };
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(GArray) expected = expected_ids (f, filter, sorts[s]);

      g_assert_cmpuint (expected->len, ==, expected_count);
      for (guint limit = 1; limit <= 4; limit += 3)
        {
          g_autoptr(GArray) got = read_all (f, filter, sorts[s], limit);

          assert_ids_equal (got, expected);
        }
    }
  g_assert_cmpint (bb_case_query_count (f->db, filter, &error), ==, expected_count);
  g_assert_no_error (error);
}

/* Tests */

static void
test_sorts_and_pages (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();

  make_cases (f);
  g_assert_cmpuint (f->known->len, ==, 13);
  check_filter (f, filter, 13);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BbCaseFilter) filter = NULL;

  make_cases (f);

  filter = bb_case_filter_new ();
  filter->states = BB_CASE_STATE_BIT (BB_STATE_HANDLING);
  check_filter (f, filter, 4);
  filter->states = BB_CASE_STATES_OPEN;
  check_filter (f, filter, 9);
  filter->states = BB_CASE_STATE_BIT (BB_STATE_COMPLETED) | BB_CASE_STATE_BIT (BB_STATE_DELIVERED);
  check_filter (f, filter, 3);
  g_clear_pointer (&filter, bb_case_filter_free);

  filter = bb_case_filter_new ();
  filter->kind = BB_CASE_ASSIST;
  check_filter (f, filter, 2);
  filter->kind = BB_CASE_PROXY;
  check_filter (f, filter, 11);
  g_clear_pointer (&filter, bb_case_filter_free);

  filter = bb_case_filter_new ();
  filter->responsible_id = f->staff2->staff_id;
  check_filter (f, filter, 4);
  filter->kind = BB_CASE_PROXY;
  filter->states = BB_CASE_STATE_BIT (BB_STATE_HANDLING);
  check_filter (f, filter, 2);
  g_clear_pointer (&filter, bb_case_filter_free);

  filter = bb_case_filter_new ();
  filter->category = g_strdup (BB_CATEGORY_MILITARY);
  check_filter (f, filter, 4);
  g_free (filter->category);
  filter->category = g_strdup (BB_CATEGORY_KEY_ENTERPRISE);
  check_filter (f, filter, 2);
  g_clear_pointer (&filter, bb_case_filter_free);

  filter = bb_case_filter_new ();
  filter->due_soon = TRUE;
  check_filter (f, filter, 2);
  filter->due_soon = FALSE;
  filter->overdue = TRUE;
  check_filter (f, filter, 1);
  filter->due_soon = TRUE;
  check_filter (f, filter, 3);
  /* With a state filter that leaves handling out, nothing is overdue. */
  filter->states = BB_CASE_STATE_BIT (BB_STATE_SUSPENDED);
  check_filter (f, filter, 0);
  g_clear_pointer (&filter, bb_case_filter_free);

  /* The queue of today's consultations: the military client first. */
  filter = bb_case_filter_new ();
  filter->states = BB_CASE_STATE_BIT (BB_STATE_CONSULTATION);
  filter->kind = BB_CASE_PROXY;
  {
    g_autoptr(GArray) queue = read_all (f, filter, BB_CASE_SORT_QUEUE, 10);
    const Known *first = NULL;

    g_assert_cmpuint (queue->len, ==, 3);
    for (guint i = 0; i < f->known->len; i++)
      if (((Known *) g_ptr_array_index (f->known, i))->id == g_array_index (queue, gint64, 0))
        first = g_ptr_array_index (f->known, i);
    g_assert_nonnull (first);
    g_assert_cmpint (first->client_id, ==, f->clients[C_ZHANG]);
    g_assert_cmpint (first->priority, ==, 1);
  }
}

static void
test_counters (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BbCaseCounters counters;
  gint64 by_state[BB_N_STATES];
  g_autoptr(GArray) months = NULL;

  make_cases (f);

  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counters.open, ==, 9);
  g_assert_cmpint (counters.due_soon, ==, 2);
  g_assert_cmpint (counters.overdue, ==, 1);
  g_assert_cmpint (counters.suspended, ==, 1);
  g_assert_cmpint (counters.completed_this_month, ==, 2);

  /* A day later the 18th is overdue and the 20th due soon. */
  set_now ("2026-03-19T10:00:00");
  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_cmpint (counters.overdue, ==, 2);
  g_assert_cmpint (counters.due_soon, ==, 2);
  set_now (TODAY);

  g_assert_true (bb_case_query_count_by_state (f->db, by_state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (by_state[BB_STATE_HANDLING], ==, 4);
  g_assert_cmpint (by_state[BB_STATE_CONSULTATION], ==, 4);
  g_assert_cmpint (by_state[BB_STATE_COMPLETED], ==, 2);
  g_assert_cmpint (by_state[BB_STATE_DELIVERED], ==, 1);
  g_assert_cmpint (by_state[BB_STATE_SUSPENDED], ==, 1);
  g_assert_cmpint (by_state[BB_STATE_APPLIED], ==, 1);

  months = bb_case_query_count_by_month (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 2);
  g_assert_cmpstr (g_array_index (months, BbCaseMonthCount, 0).month, ==, "2026-02");
  g_assert_cmpint (g_array_index (months, BbCaseMonthCount, 0).count, ==, 1);
  g_assert_cmpstr (g_array_index (months, BbCaseMonthCount, 1).month, ==, "2026-03");
  g_assert_cmpint (g_array_index (months, BbCaseMonthCount, 1).count, ==, 12);
}

/* Completion bounds and overdue rectifications */

static const char SQL_RECTIFICATION[] =
  "SELECT id, evaluation_id, deadline FROM rectification WHERE case_id = ##id::gint64";
static const char SQL_RECTIFICATION_STATE[] =
  "UPDATE rectification SET state = ##state::string WHERE case_id = ##id::gint64";
static const char SQL_RECTIFICATION_COPY[] =
  "INSERT INTO rectification (evaluation_id, case_id, state, deadline, created_at) "
  "SELECT evaluation_id, case_id, state, deadline, created_at FROM rectification "
  "WHERE case_id = ##id::gint64";

static void
run_sql (Fixture    *f,
         const char *sql,
         gint64      case_id,
         const char *state)
{
  g_autoptr(GError) error = NULL;
  GdaStatement *statement = bb_database_prepare (f->db, sql);
  g_autoptr(GdaSet) params = bb_database_new_params (f->db, statement);

  bb_params_set_int64 (params, "id", case_id);
  if (state != NULL)
    bb_params_set_string (params, "state", state);
  g_assert_cmpint (bb_database_execute (f->db, statement, params, &error), >=, 1);
  g_assert_no_error (error);
}

/* A 帮办 case completed on @completed and handed over, then (unless
 * @evaluated is NULL) given a poor evaluation on @evaluated, which opens a
 * rectification; its rectification state is then set to @state. Returns
 * the rectification's deadline. */
static char *
rated_case (Fixture    *f,
            const char *completed,
            const char *evaluated,
            const char *state)
{
  g_autofree char *morning = g_strdup_printf ("%sT09:00:00", completed);
  g_autofree char *later = g_strdup_printf ("%sT09:10:00", completed);
  g_autofree char *done = g_strdup_printf ("%sT11:00:00", completed);
  g_autofree char *handed = g_strdup_printf ("%sT11:30:00", completed);
  g_autofree char *evaluated_at = NULL;
  BbCase *kase = create (f, morning, BB_CASE_ASSIST, C_LI);
  BbCaseAction *action;
  Known *known;
  char *deadline;

  kase = text_action (f, later, f->staff1, kase, BB_ACTION_APPLY, NULL, C_LI);
  action = bb_case_action_new (BB_ACTION_ROUTE);
  action->area = g_strdup ("self-service");
  kase = act (f, later, f->staff1, kase, action, C_LI);
  action = bb_case_action_new (BB_ACTION_MATERIALS);
  action->present = g_strsplit ("申请书,居民身份证", ",", -1);
  kase = act (f, later, f->staff1, kase, action, C_LI);
  kase = complete (f, done, f->staff1, kase, C_LI);
  action = bb_case_action_new (BB_ACTION_HANDOVER);
  action->items = g_strdup ("受理回执");
  kase = act (f, handed, f->staff1, kase, action, C_LI);
  g_assert_cmpint (kase->completed_at, >, 0);

  if (evaluated == NULL)
    {
      bb_case_free (kase);
      return NULL;
    }

  evaluated_at = g_strdup_printf ("%sT15:00:00", evaluated);
  action = bb_case_action_new (BB_ACTION_EVALUATE);
  action->level = 2;
  action->channel = g_strdup ("device");
  action->integrity_ok = TRUE;
  action->comment = g_strdup ("等候时间太长");
  kase = act (f, evaluated_at, f->staff1, kase, action, C_LI);

  {
    g_autoptr(GError) error = NULL;
    GdaStatement *statement = bb_database_prepare (f->db, SQL_RECTIFICATION);
    g_autoptr(GdaSet) params = bb_database_new_params (f->db, statement);
    g_autoptr(GdaDataModel) model = NULL;

    bb_params_set_int64 (params, "id", kase->id);
    model = bb_database_select (f->db, statement, params, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gda_data_model_get_n_rows (model), ==, 1);
    deadline = bb_model_dup_string (model, 2, 0);
  }
  if (g_strcmp0 (state, "open") != 0)
    run_sql (f, SQL_RECTIFICATION_STATE, kase->id, state);

  known = remember (f, kase, C_LI);
  known->rectification_overdue = strcmp (state, "closed") != 0 &&
                                 strcmp (deadline, "2026-03-18") < 0;
  bb_case_free (kase);
  return deadline;
}

/* make_cases() and: completed in March A, B, C (3rd), H (2nd), D (17th);
 * in February E and F. Overdue rectifications as of TODAY: A (two of them),
 * B (measures under way), E, F, H; C's is closed and D's is not due yet. */
static gint64
make_rated_cases (Fixture *f,
                  gint64  *a_id)
{
  g_autofree char *a = rated_case (f, "2026-03-03", "2026-03-04", "open");
  g_autofree char *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f2 = NULL, *h = NULL;
  Known *last;

  *a_id = ((Known *) g_ptr_array_index (f->known, f->known->len - 1))->id;
  run_sql (f, SQL_RECTIFICATION_COPY, *a_id, NULL);
  b = rated_case (f, "2026-03-03", "2026-03-04", "measures");
  c = rated_case (f, "2026-03-03", "2026-03-04", "closed");
  d = rated_case (f, "2026-03-17", "2026-03-17", "open");
  last = g_ptr_array_index (f->known, f->known->len - 1);
  e = rated_case (f, "2026-02-24", "2026-02-25", "open");
  f2 = rated_case (f, "2026-02-24", "2026-02-25", "measures");
  h = rated_case (f, "2026-03-02", "2026-03-02", "open");
  /* Completed, never evaluated. */
  g_assert_null (rated_case (f, "2026-03-16", NULL, NULL));

  g_assert_cmpstr (a, <, "2026-03-18");
  g_assert_cmpstr (d, >=, "2026-03-18");
  g_assert_cmpstr (e, <, "2026-03-18");
  g_assert_false (last->rectification_overdue);
  set_now (TODAY);
  return last->id;
}

static guint
count_known (Fixture            *f,
             const BbCaseFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < f->known->len; i++)
    n += passes (g_ptr_array_index (f->known, i), filter);
  return n;
}

static void
test_completed_filter (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GError) error = NULL;
  BbCaseCounters counters;
  gint64 a_id;

  make_cases (f);
  make_rated_cases (f, &a_id);

  /* The tile's count and the tile's list agree: make_cases() completed 2
   * cases this month, make_rated_cases() 6 more. */
  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counters.completed_this_month, ==, 8);
  bb_case_filter_set_completed_this_month (filter);
  g_assert_cmpint (count_known (f, filter), ==, 8);
  check_filter (f, filter, 8);

  /* With other filters, and open-ended bounds. */
  filter->kind = BB_CASE_ASSIST;
  check_filter (f, filter, 6);
  filter->kind = BB_CASE_KIND_ANY;
  g_assert_true (bb_case_filter_set_completed_days (filter, "2026-02-01", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (filter->completed_before, ==, 0);
  check_filter (f, filter, 11);
  g_assert_true (bb_case_filter_set_completed_days (filter, NULL, "2026-03-01", &error));
  g_assert_cmpint (filter->completed_since, ==, 0);
  check_filter (f, filter, 3);
  /* Days start at midnight in the time zone of record: the case completed
   * at 15:00 on 5 March is in [5th, 6th), not in [6th, …). */
  g_assert_true (bb_case_filter_set_completed_days (filter, "2026-03-05", "2026-03-06", &error));
  check_filter (f, filter, 1);
  g_assert_true (bb_case_filter_set_completed_days (filter, "2026-03-06", "2026-03-06", &error));
  check_filter (f, filter, 0);
  g_assert_no_error (error);

  /* A bad day names the field and leaves the filter alone. */
  g_assert_false (bb_case_filter_set_completed_days (filter, "2026-3-1", NULL, &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Completed since"));
  g_clear_error (&error);
  g_assert_false (bb_case_filter_set_completed_days (filter, NULL, "2026-02-30", &error));
  g_assert_error (error, BB_ERROR, BB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Completed before"));
  g_clear_error (&error);
  check_filter (f, filter, 0);

  /* Filters differ by their bounds. */
  {
    g_autoptr(BbCaseFilter) other = bb_case_filter_copy (filter);

    g_assert_true (bb_case_filter_equal (filter, other));
    other->completed_before++;
    g_assert_false (bb_case_filter_equal (filter, other));
  }

  /* Next month, this month's completions are last month's. */
  set_now ("2026-04-02T10:00:00");
  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_cmpint (counters.completed_this_month, ==, 0);
  bb_case_filter_set_completed_this_month (filter);
  g_assert_cmpint (bb_case_query_count (f->db, filter, &error), ==, 0);
  g_assert_no_error (error);
  set_now (TODAY);
}

static void
test_rectification_filter (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GError) error = NULL;
  BbCaseCounters counters;
  gint64 a_id, d_id;

  make_cases (f);
  d_id = make_rated_cases (f, &a_id);

  /* Five cases, one of them with two overdue rectifications. */
  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counters.rectification_overdue, ==, 5);
  filter->rectification_overdue = TRUE;
  g_assert_cmpint (count_known (f, filter), ==, 5);
  check_filter (f, filter, 5);

  /* Combined with the completion bounds and a search. */
  bb_case_filter_set_completed_this_month (filter);
  check_filter (f, filter, 3);
  filter->completed_since = filter->completed_before = 0;
  filter->states = BB_CASE_STATE_BIT (BB_STATE_DELIVERED);
  check_filter (f, filter, 5);
  filter->kind = BB_CASE_PROXY;
  check_filter (f, filter, 0);
  filter->kind = BB_CASE_KIND_ANY;
  filter->states = 0;
  filter->search = g_strdup ("李");
  {
    g_autoptr(GArray) got = read_all (f, filter, BB_CASE_SORT_NEWEST, 2);

    g_assert_cmpuint (got->len, ==, 5);
  }
  g_clear_pointer (&filter->search, g_free);

  /* Closing one leaves four; D's deadline passing adds it. */
  run_sql (f, SQL_RECTIFICATION_STATE, a_id, "closed");
  for (guint i = 0; i < f->known->len; i++)
    {
      Known *k = g_ptr_array_index (f->known, i);

      if (k->id == a_id)
        k->rectification_overdue = FALSE;
    }
  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_cmpint (counters.rectification_overdue, ==, 4);
  check_filter (f, filter, 4);

  set_now ("2026-04-01T10:00:00");
  for (guint i = 0; i < f->known->len; i++)
    {
      Known *k = g_ptr_array_index (f->known, i);

      if (k->id == d_id)
        k->rectification_overdue = TRUE;
    }
  g_assert_true (bb_case_query_counters (f->db, &counters, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counters.rectification_overdue, ==, 5);
  g_assert_cmpint (bb_case_query_count (f->db, filter, &error), ==, 5);
  g_assert_no_error (error);
  set_now (TODAY);
}

static void
test_pages_while_inserting (Fixture       *f,
                            gconstpointer  data)
{
  static const BbCaseSort sorts[] = {
    BB_CASE_SORT_NEWEST, BB_CASE_SORT_DEADLINE, BB_CASE_SORT_NUMBER, BB_CASE_SORT_QUEUE,
  };

  make_cases (f);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
      g_autoptr(GArray) before = expected_ids (f, filter, sorts[s]);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(BbCaseCursor) cursor = NULL;
      g_autoptr(GPtrArray) first = NULL;
      g_autoptr(GError) error = NULL;
      GArray *got = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 *ids = NULL;
      guint position = 0;

      first = bb_case_query_page (f->db, f->admin, filter, sorts[s], NULL, 5, &cursor, &error);
      g_assert_no_error (error);
      g_assert_nonnull (cursor);
      for (guint i = 0; i < first->len; i++)
        g_array_append_val (got, ((BbCaseSummary *) g_ptr_array_index (first, i))->id);

      /* New cases, among them one with a deadline before the cursor's, and
       * one that sorts before everything read so far. */
      bb_case_free (create (f, "2026-03-18T11:00:00", BB_CASE_PROXY, C_LI));
      bb_case_free (accepted (f, "2026-03-03", 2, f->staff1, C_LI));
      set_now (TODAY);

      while (cursor != NULL)
        {
          g_autoptr(GPtrArray) rows = NULL;
          BbCaseCursor *next = NULL;

          rows = bb_case_query_page (f->db, f->admin, filter, sorts[s], cursor, 5, &next, &error);
          g_assert_no_error (error);
          for (guint i = 0; i < rows->len; i++)
            g_array_append_val (got, ((BbCaseSummary *) g_ptr_array_index (rows, i))->id);
          g_clear_pointer (&cursor, bb_case_cursor_free);
          cursor = next;
        }

      /* Every case that was there is read once, in order; a new one shows
       * only where the order puts it after the first page. */
      ids = (gint64 *) (gpointer) got->data;
      for (guint i = 0; i < got->len; i++)
        {
          g_assert_false (g_hash_table_contains (seen, &ids[i]));
          g_hash_table_add (seen, &ids[i]);
          if (position < before->len && ids[i] == g_array_index (before, gint64, position))
            position++;
        }
      g_assert_cmpuint (position, ==, before->len);
      g_assert_cmpuint (got->len, <=, before->len + 2);
      if (sorts[s] == BB_CASE_SORT_NEWEST)
        g_assert_cmpuint (got->len, ==, before->len);
      g_array_unref (got);
    }
}

static void
test_seek (Fixture       *f,
           gconstpointer  data)
{
  static const BbCaseSort sorts[] = {
    BB_CASE_SORT_NEWEST, BB_CASE_SORT_DEADLINE, BB_CASE_SORT_NUMBER, BB_CASE_SORT_QUEUE,
  };

  make_cases (f);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
      g_autoptr(GArray) expected = expected_ids (f, filter, sorts[s]);

      for (guint position = 0; position <= expected->len + 1; position++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(BbCaseCursor) cursor = NULL;
          g_autoptr(GPtrArray) rows = NULL;

          g_assert_true (bb_case_query_seek (f->db, f->admin, filter, sorts[s], position,
                                             &cursor, &error));
          g_assert_no_error (error);
          if (position == 0 || position > expected->len)
            {
              g_assert_null (cursor);
              continue;
            }
          g_assert_nonnull (cursor);
          rows = bb_case_query_page (f->db, f->admin, filter, sorts[s], cursor, 2, NULL, &error);
          g_assert_no_error (error);
          if (position == expected->len)
            {
              g_assert_cmpuint (rows->len, ==, 0);
              continue;
            }
          g_assert_cmpuint (rows->len, >=, 1);
          g_assert_cmpint (((BbCaseSummary *) g_ptr_array_index (rows, 0))->id, ==,
                           g_array_index (expected, gint64, position));
        }
    }
}

/* The client ids of the cases a search finds, checking the order (newest
 * first) on the way. */
static GArray *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 last = G_MAXINT64;

  filter->search = g_strdup (text);
  rows = bb_case_query_page (f->db, f->admin, filter, BB_CASE_SORT_NEWEST, NULL, 100, NULL,
                             &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      BbCaseSummary *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (row->id, <, last);
      last = row->id;
      g_array_append_val (found, row->id);
    }
  g_assert_cmpint (bb_case_query_count (f->db, filter, &error), ==, rows->len);
  return found;
}

/* Checks that @text finds exactly the cases of the clients in @clients
 * (indexes, ended by -1). */
static void
assert_finds_clients (Fixture    *f,
                      const char *text,
                      const int  *clients)
{
  g_autoptr(GArray) found = search (f, text);
  guint expected = 0;

  for (guint i = 0; i < f->known->len; i++)
    {
      const Known *k = g_ptr_array_index (f->known, i);
      gboolean wanted = FALSE;
      gboolean got = FALSE;

      for (guint c = 0; clients[c] >= 0; c++)
        if (f->clients[clients[c]] == k->client_id)
          wanted = TRUE;
      for (guint j = 0; j < found->len; j++)
        if (g_array_index (found, gint64, j) == k->id)
          got = TRUE;
      if (wanted != got)
        g_error ("search “%s”: case %s of client %" G_GINT64_FORMAT " %s", text, k->number,
                 k->client_id, wanted ? "not found" : "found but should not be");
      expected += wanted;
    }
  g_assert_cmpuint (found->len, ==, expected);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const int ouyang[] = { C_OUYANG, -1 };
  static const int wang[] = { C_WANG, -1 };
  static const int ouyang_wang[] = { C_OUYANG, C_WANG, -1 };
  static const int org[] = { C_ORG, -1 };
  static const int zhang[] = { C_ZHANG, -1 };
  static const int nobody[] = { -1 };
  static const int everybody[] = { C_OUYANG, C_ZHANG, C_WANG, C_ORG, C_LI, -1 };
  const Known *logged = NULL;
  g_autofree char *id_digits = NULL;
  g_autofree char *lower_code = NULL;
  g_autoptr(GArray) found = NULL;

  make_cases (f);

  /* Chinese substrings of client names, one to four characters. */
  assert_finds_clients (f, "欧", ouyang);
  assert_finds_clients (f, "建", ouyang_wang);
  assert_finds_clients (f, "建国", ouyang);
  assert_finds_clients (f, "阳建国", ouyang);
  assert_finds_clients (f, "欧阳建国", ouyang);
  assert_finds_clients (f, " 建华 ", wang);
  assert_finds_clients (f, "秦川智造", org);
  assert_finds_clients (f, "国王", nobody);
  /* Matter names: two characters through the catalogue, more through the
   * trigram index. */
  assert_finds_clients (f, "设立", everybody);
  assert_finds_clients (f, "企业设立登记", everybody);

  /* Digits of an ID number (the birth date), the whole number, the phone,
   * the credit code in lower case. */
  id_digits = g_strndup (f->id_numbers[C_WANG] + 6, 8);
  assert_finds_clients (f, id_digits, wang);
  assert_finds_clients (f, f->id_numbers[C_WANG], wang);
  assert_finds_clients (f, client_phones[C_ZHANG], zhang);
  lower_code = g_ascii_strdown (f->credit_code, -1);
  assert_finds_clients (f, lower_code, org);

  /* A case number finds that case. */
  for (guint i = 0; i < f->known->len; i++)
    if (((Known *) g_ptr_array_index (f->known, i))->state == BB_STATE_HANDLING)
      logged = g_ptr_array_index (f->known, i);
  found = search (f, logged->number);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, logged->id);
  g_clear_pointer (&found, g_array_unref);

  /* Log text, and % and _ taken literally. */
  found = search (f, "完成率100%_待");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search (f, "电话联系");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search (f, "100_%");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = search (f, "1%0");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = search (f, "\"\"*");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  /* Nothing to search for: everything. */
  found = search (f, "  ");
  g_assert_cmpuint (found->len, ==, f->known->len);
}

static void
test_search_follows_client (Fixture       *f,
                            gconstpointer  data)
{
  static const int wang[] = { C_WANG, -1 };
  static const int nobody[] = { -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BbClient) client = NULL;

  make_cases (f);

  /* A renamed client is found by the new name at once, every length. */
  client = bb_client_repo_get (f->db, f->clients[C_WANG], &error);
  g_assert_no_error (error);
  g_free (client->name);
  client->name = g_strdup ("王建华新");
  g_assert_true (bb_client_repo_update (f->db, f->admin, client, &error));
  g_assert_no_error (error);

  assert_finds_clients (f, "华新", wang);
  assert_finds_clients (f, "建华新", wang);
  assert_finds_clients (f, "王建华新", wang);
  assert_finds_clients (f, "欧阳建华新", nobody);
}

/* Characters that JSON escapes, and one outside the BMP, come back whole
 * on both engines, and are found. */
static void
test_unusual_names (Fixture       *f,
                    gconstpointer  data)
{
  static const char name[] = "𠮷野\"家\\屋/☃";
  g_autoptr(BbClient) draft = bb_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  BbCaseSummary *row;
  const char * const queries[] = { "𠮷", "𠮷野", "野\"家", "\\屋/☃", name };
  BbCaseDraft case_draft = { 0 };

  set_now (TODAY);
  draft->kind = g_strdup (BB_CLIENT_PERSON);
  draft->name = g_strdup (name);
  draft->category = g_strdup (BB_CATEGORY_OTHER);
  case_draft.client_id = bb_client_repo_add (f->db, f->admin, draft, &error);
  g_assert_no_error (error);
  case_draft.kind = BB_CASE_ASSIST;
  case_draft.item_id = f->item_id;
  kase = bb_case_repo_create (f->db, f->staff1, &case_draft, &error);
  g_assert_no_error (error);

  rows = bb_case_query_page (f->db, f->admin, filter, BB_CASE_SORT_NEWEST, NULL, 10, NULL,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->client_name, ==, name);
  g_assert_cmpstr (row->number, ==, kase->number);
  g_assert_null (row->client_id_masked);
  g_assert_null (row->deadline);
  g_assert_cmpint (row->responsible_id, ==, f->staff1->staff_id);
  g_assert_cmpstr (row->responsible_number, ==, "S001");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) found = search (f, queries[i]);

      if (found->len != 1)
        g_error ("“%s” found %u cases", queries[i], found->len);
    }
}

static void
test_search_body (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *body = NULL;
  const char *texts[3];

  /* Newest text first; the body stops at the cap, on a character boundary. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (long_text, "汉");
  texts[0] = "最新的记录";
  texts[1] = long_text->str;
  texts[2] = NULL;
  body = bb_case_search_compose_body ("2026000001", "张伟", "610104199001011234", NULL,
                                      "13800138000", "企业设立登记", texts);
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_cmpuint (strlen (body), <=, BB_CASE_SEARCH_MAX_BYTES);
  g_assert_true (g_str_has_prefix (body, "2026000001\n张伟\n610104199001011234\n13800138000\n"
                                         "企业设立登记\n最新的记录\n汉"));
}

int
main (int    argc,
      char **argv)
{
  bb_test_init (&argc, &argv);

  g_test_add_func ("/bangban/case-query/search-body", test_search_body);
#define ADD(path, func) \
  g_test_add ("/bangban/case-query/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sorts-and-pages", test_sorts_and_pages);
  ADD ("filters", test_filters);
  ADD ("counters", test_counters);
  ADD ("completed-filter", test_completed_filter);
  ADD ("rectification-filter", test_rectification_filter);
  ADD ("pages-while-inserting", test_pages_while_inserting);
  ADD ("seek", test_seek);
  ADD ("search", test_search);
  ADD ("search-follows-client", test_search_follows_client);
  ADD ("unusual-names", test_unusual_names);
#undef ADD

  return g_test_run ();
}
