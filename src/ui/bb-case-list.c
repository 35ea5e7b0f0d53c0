/* bb-case-list.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case list as a lazy GListModel: it knows how many cases match (one
 * count query), hands out an empty BbCaseItem for any position at once, and
 * fills the items of a page of 100 when that page arrives from a worker
 * thread. A page is fetched by keyset after the previous page's last row
 * when that is known, otherwise from a cursor the core seeks at the page's
 * position: scrolling to the end of a million cases loads the last page and
 * nothing in between. Loaded pages beyond a small cache are dropped, least
 * recently used first.
 *
 * After a start or a new filter or sort, the view may ask for the rows to
 * come in two steps (bb_case_list_set_first_step()): at first only as many
 * as fill its screen, then, once it has drawn them, the rest
 * (bb_case_list_show_rest()). GTK 4.8's list views make widgets for up to
 * 200 rows whenever rows are announced, whatever fits on screen; in two
 * steps the first rows are drawn before most of those are made.
 */

#define G_LOG_DOMAIN "bb-case-list"

#include "config.h"

#include "bb-case-item.h"
#include "bb-case-list.h"
#include "bb-clock.h"
#include "bb-holiday-repo.h"
#include "bb-validate.h"

#define MAX_PAGES 48

typedef struct
{
  GPtrArray *items;      /* BbCaseItem */
  guint64    last_used;
  guint      loaded : 1;
  guint      loading : 1;
  guint      stale : 1;    /* changed while loading: load again when it arrives */
} Page;

struct _BbCaseList
{
  GObject        parent_instance;

  BbDatabase    *database;
  BbActor       *actor;
  BbCaseFilter  *filter;
  BbCaseSort     sort;

  guint          n_items;    /* counted */
  guint          n_shown;    /* announced: n_items, or the first step */
  guint          first_step; /* 0: all rows at once */
  GHashTable    *pages;      /* page index → Page */
  GHashTable    *cursors;    /* page index → BbCaseCursor where the page starts */
  BbCalendar    *calendar;
  GCancellable  *cancellable;
  char          *error;
  guint64        clock;
  guint          generation;
  guint          pending;
  guint          pages_loaded;
  guint          counting : 1;
  guint          recount : 1;  /* a refresh came while counting */
  guint          holding : 1;  /* rows past the first step wait to be shown */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbCaseList, bb_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
set_error (BbCaseList *self,
           const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
pending_changed (BbCaseList *self,
                 int         delta)
{
  gboolean was_loading = self->pending > 0;

  self->pending += delta;
  if (was_loading != (self->pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Announces @n_shown rows, adding or removing at the end of the list:
 * nothing before a visible row moves, so the view keeps its scroll position
 * and selection. */
static void
set_n_shown (BbCaseList *self,
             guint       n_shown)
{
  guint old_n = self->n_shown;

  if (n_shown == old_n)
    return;
  self->n_shown = n_shown;
  if (n_shown > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n_shown - old_n);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), n_shown, old_n - n_shown, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Loading a page */

typedef struct
{
  BbDatabase   *database;
  BbActor      *actor;
  BbCaseFilter *filter;
  BbCaseSort    sort;
  BbCalendar   *calendar;
  BbCaseCursor *start;
  guint         page;
  guint         generation;
  gboolean      seek;
  /* results */
  GPtrArray    *rows;
  GArray       *states;     /* BbDeadlineState per row */
  GArray       *remaining;  /* int per row */
  BbCaseCursor *next;
} PageLoad;

static void
page_load_free (PageLoad *load)
{
  g_clear_object (&load->database);
  bb_actor_free (load->actor);
  bb_case_filter_free (load->filter);
  g_clear_object (&load->calendar);
  g_clear_pointer (&load->start, bb_case_cursor_free);
  g_clear_pointer (&load->rows, g_ptr_array_unref);
  g_clear_pointer (&load->states, g_array_unref);
  g_clear_pointer (&load->remaining, g_array_unref);
  g_clear_pointer (&load->next, bb_case_cursor_free);
  g_free (load);
}

/* Reads the page @load asks for, with each row's deadline state in working
 * days on the holiday calendar: in a worker thread. */
static gboolean
read_page (PageLoad  *load,
           GError   **error)
{
  GDate today;

  if (load->seek && load->page > 0)
    {
      if (!bb_case_query_seek (load->database, load->actor, load->filter, load->sort,
                               (guint64) load->page * BB_CASE_LIST_PAGE_SIZE, &load->start,
                               error))
        return FALSE;
      /* No row at that position any more: the list got shorter. Reading
       * from the start instead would fill the page with the first rows. */
      if (load->start == NULL)
        {
          load->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_case_summary_free);
          load->states = g_array_new (FALSE, TRUE, sizeof (BbDeadlineState));
          load->remaining = g_array_new (FALSE, TRUE, sizeof (int));
          return TRUE;
        }
    }

  load->rows = bb_case_query_page (load->database, load->actor, load->filter, load->sort,
                                   load->start, BB_CASE_LIST_PAGE_SIZE, &load->next, error);
  if (load->rows == NULL)
    return FALSE;

  bb_clock_today (&today);
  load->states = g_array_sized_new (FALSE, TRUE, sizeof (BbDeadlineState), load->rows->len);
  load->remaining = g_array_sized_new (FALSE, TRUE, sizeof (int), load->rows->len);
  for (guint i = 0; i < load->rows->len; i++)
    {
      const BbCaseSummary *row = g_ptr_array_index (load->rows, i);
      BbDeadlineState state = BB_DEADLINE_OK;
      int remaining = 0;
      GDate deadline;

      if (row->deadline != NULL && row->state == BB_STATE_HANDLING &&
          bb_validate_date (row->deadline, &deadline, NULL))
        {
          state = bb_calendar_deadline_state (load->calendar, &today, &deadline);
          remaining = bb_calendar_remaining (load->calendar, &today, &deadline);
        }
      g_array_append_val (load->states, state);
      g_array_append_val (load->remaining, remaining);
    }
  return TRUE;
}

static void
load_page_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (read_page (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Fills @page's items with what @load brought. */
static void
fill_page (Page     *page,
           PageLoad *load)
{
  page->loading = FALSE;
  page->loaded = TRUE;
  for (guint i = 0; i < page->items->len && i < load->rows->len; i++)
    bb_case_item_set_summary (g_ptr_array_index (page->items, i),
                              g_ptr_array_index (load->rows, i),
                              g_array_index (load->states, BbDeadlineState, i),
                              g_array_index (load->remaining, int, i));
}

/* Whether a row of @page is still held by someone else (a list item on
 * screen, the selection): such a page stays, so that a refresh keeps
 * updating what is shown. */
static gboolean
page_in_use (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      GObject *item = g_ptr_array_index (page->items, i);

      if (g_atomic_int_get ((int *) &item->ref_count) > 1)
        return TRUE;
    }
  return FALSE;
}

static void
evict_pages (BbCaseList *self)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Page *page = value;

          if (!page->loading && !page_in_use (page) && page->last_used < oldest)
            {
              oldest = page->last_used;
              oldest_key = key;
            }
        }
      if (oldest_key == NULL)
        break;
      g_hash_table_remove (self->pages, oldest_key);
    }
}

static void refresh_count (BbCaseList *self);
static void load_page     (BbCaseList *self,
                           guint       index,
                           Page       *page);

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BbCaseList) self = user_data;
  PageLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Page *page;

  /* Loads of an earlier filter or sort no longer count as pending. */
  if (load->generation != self->generation || self->pages == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (load->page));
      if (page != NULL)
        page->loading = page->stale = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      pending_changed (self, -1);
      return;
    }

  set_error (self, NULL);
  self->pages_loaded++;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (load->page));

  /* Where the next page starts, unless the rows moved since this one was
   * read (then it is read again, and says so afresh). */
  if (load->next != NULL && (page == NULL || !page->stale))
    g_hash_table_insert (self->cursors, GUINT_TO_POINTER (load->page + 1),
                         g_steal_pointer (&load->next));

  if (page == NULL)
    {
      pending_changed (self, -1);
      return;
    }

  fill_page (page, load);

  if (page->stale)
    {
      /* The database changed while this page was on its way: what it
       * brought may already be out of date. */
      page->stale = FALSE;
      load_page (self, load->page, page);
    }
  else if (load->rows->len < page->items->len)
    {
      /* Fewer rows than counted: cases left the list since the count. */
      refresh_count (self);
    }

  evict_pages (self);
  /* Last, so that whoever waits for the list to settle sees the rows. */
  pending_changed (self, -1);
}

static void
load_page (BbCaseList *self,
           guint       index,
           Page       *page)
{
  g_autoptr(GTask) task = NULL;
  PageLoad *load;
  BbCaseCursor *start = g_hash_table_lookup (self->cursors, GUINT_TO_POINTER (index));

  page->loading = TRUE;

  load = g_new0 (PageLoad, 1);
  load->database = g_object_ref (self->database);
  load->actor = bb_actor_copy (self->actor);
  load->filter = bb_case_filter_copy (self->filter);
  load->sort = self->sort;
  load->calendar = self->calendar ? g_object_ref (self->calendar) : bb_calendar_new ();
  load->page = index;
  load->generation = self->generation;
  load->start = start ? bb_case_cursor_copy (start) : NULL;
  load->seek = index > 0 && start == NULL;

  task = g_task_new (NULL, self->cancellable, page_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_page);
  g_task_set_task_data (task, load, (GDestroyNotify) page_load_free);
  pending_changed (self, +1);
  g_task_run_in_thread (task, load_page_thread);
}

static Page *
ensure_page (BbCaseList *self,
             guint       index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page == NULL)
    {
      guint first = index * BB_CASE_LIST_PAGE_SIZE;
      guint size = MIN (BB_CASE_LIST_PAGE_SIZE, self->n_items - first);

      page = g_new0 (Page, 1);
      page->items = g_ptr_array_new_full (size, g_object_unref);
      for (guint i = 0; i < size; i++)
        g_ptr_array_add (page->items, bb_case_item_new ());
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
    }
  page->last_used = ++self->clock;
  return page;
}

/* Counting */

typedef struct
{
  BbDatabase   *database;
  BbCaseFilter *filter;
  guint         generation;
  gint64        count;
  BbCalendar   *calendar;
  PageLoad     *first;  /* (nullable): the first page, read with the count */
} CountLoad;

static void
count_load_free (CountLoad *load)
{
  g_clear_object (&load->database);
  bb_case_filter_free (load->filter);
  g_clear_object (&load->calendar);
  g_clear_pointer (&load->first, page_load_free);
  g_free (load);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountLoad *load = task_data;
  GError *error = NULL;

  load->count = bb_case_query_count (load->database, load->filter, &error);
  if (load->count < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  load->calendar = bb_holiday_repo_load_calendar (load->database, &error);
  if (load->calendar == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->first != NULL && load->count > 0)
    {
      load->first->calendar = g_object_ref (load->calendar);
      if (!read_page (load->first, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
refill_loaded_pages (BbCaseList *self)
{
  GHashTableIter iter;
  gpointer key, value;

  /* Keyset cursors past the first page may have shifted: seek again. */
  g_hash_table_remove_all (self->cursors);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;
      guint index = GPOINTER_TO_UINT (key);
      guint first = index * BB_CASE_LIST_PAGE_SIZE;

      if (first >= self->n_items)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      /* Resize the page to what the new count says it holds. */
      while (page->items->len < MIN (BB_CASE_LIST_PAGE_SIZE, self->n_items - first))
        g_ptr_array_add (page->items, bb_case_item_new ());
      if (page->items->len > self->n_items - first)
        g_ptr_array_set_size (page->items, self->n_items - first);
      if (page->loading)
        page->stale = TRUE;
      else
        load_page (self, index, page);
    }
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BbCaseList) self = user_data;
  CountLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  guint new_n;

  if (load->generation != self->generation || self->pages == NULL)
    return;

  self->counting = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      self->recount = FALSE;
      pending_changed (self, -1);
      return;
    }

  set_error (self, NULL);
  g_set_object (&self->calendar, load->calendar);
  new_n = (guint) MIN (load->count, (gint64) G_MAXUINT);
  self->n_items = new_n;

  /* Refill first, then announce the new length at the end of the list:
   * nothing before a visible row is removed or inserted, so the view keeps
   * its scroll position; rows whose content moved are updated in place. */
  refill_loaded_pages (self);
  /* After a restart the first page came with the count: its rows are
   * there before the view asks for them, one trip and one frame sooner. */
  if (load->first != NULL && load->first->rows != NULL && new_n > 0
      && !g_hash_table_contains (self->pages, GUINT_TO_POINTER (0)))
    {
      Page *page = ensure_page (self, 0);

      fill_page (page, load->first);
      self->pages_loaded++;
      if (load->first->next != NULL)
        g_hash_table_insert (self->cursors, GUINT_TO_POINTER (1),
                             g_steal_pointer (&load->first->next));
      /* Cases came or went between the count and the page. */
      if (load->first->rows->len != page->items->len)
        self->recount = TRUE;
    }
  /* The first rows of a new list, in two steps if the view asked: the
   * list stays loading until the rest is shown. */
  if (self->n_shown == 0 && !self->holding && self->first_step > 0 && new_n > self->first_step)
    {
      self->holding = TRUE;
      pending_changed (self, +1);
    }
  if (self->holding && new_n <= self->first_step)
    {
      self->holding = FALSE;
      pending_changed (self, -1);
    }
  set_n_shown (self, self->holding ? self->first_step : new_n);

  /* A change arrived while counting: what was counted may miss it. */
  if (self->recount)
    {
      self->recount = FALSE;
      refresh_count (self);
    }
  pending_changed (self, -1);
}

static void
start_count (BbCaseList *self,
             gboolean    with_first_page)
{
  g_autoptr(GTask) task = NULL;
  CountLoad *load;

  if (self->counting)
    {
      self->recount = TRUE;
      return;
    }
  self->counting = TRUE;

  load = g_new0 (CountLoad, 1);
  load->database = g_object_ref (self->database);
  load->filter = bb_case_filter_copy (self->filter);
  load->generation = self->generation;
  if (with_first_page)
    {
      load->first = g_new0 (PageLoad, 1);
      load->first->database = g_object_ref (self->database);
      load->first->actor = bb_actor_copy (self->actor);
      load->first->filter = bb_case_filter_copy (self->filter);
      load->first->sort = self->sort;
      load->first->generation = self->generation;
    }

  task = g_task_new (NULL, self->cancellable, counted_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_count);
  g_task_set_task_data (task, load, (GDestroyNotify) count_load_free);
  pending_changed (self, +1);
  g_task_run_in_thread (task, count_thread);
}

static void
refresh_count (BbCaseList *self)
{
  start_count (self, FALSE);
}

/* Starting over after a filter or sort change: a new generation, an empty
 * list, then the count. */
static void
restart (BbCaseList *self)
{
  guint old_n = self->n_shown;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->counting = FALSE;
  self->recount = FALSE;
  self->holding = FALSE;
  self->pending = 0;
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->cursors);
  self->n_items = 0;
  self->n_shown = 0;
  if (old_n > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  start_count (self, TRUE);
}

/* GListModel */

static GType
bb_case_list_get_item_type (GListModel *model)
{
  return BB_TYPE_CASE_ITEM;
}

static guint
bb_case_list_get_n_items (GListModel *model)
{
  return BB_CASE_LIST (model)->n_shown;
}

static gpointer
bb_case_list_get_item (GListModel *model,
                       guint       position)
{
  BbCaseList *self = BB_CASE_LIST (model);
  guint index = position / BB_CASE_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->n_shown)
    return NULL;

  page = ensure_page (self, index);
  if (!page->loaded && !page->loading)
    load_page (self, index, page);
  if (position % BB_CASE_LIST_PAGE_SIZE >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, position % BB_CASE_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bb_case_list_get_item_type;
  iface->get_n_items = bb_case_list_get_n_items;
  iface->get_item = bb_case_list_get_item;
}

/* GObject */

static void
bb_case_list_dispose (GObject *object)
{
  BbCaseList *self = BB_CASE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->cursors, g_hash_table_unref);
  g_clear_object (&self->calendar);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (bb_case_list_parent_class)->dispose (object);
}

static void
bb_case_list_finalize (GObject *object)
{
  BbCaseList *self = BB_CASE_LIST (object);

  g_clear_pointer (&self->actor, bb_actor_free);
  g_clear_pointer (&self->filter, bb_case_filter_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (bb_case_list_parent_class)->finalize (object);
}

static void
bb_case_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BbCaseList *self = BB_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_shown);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->pending > 0);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_case_list_class_init (BbCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_case_list_dispose;
  object_class->finalize = bb_case_list_finalize;
  object_class->get_property = bb_case_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_case_list_init (BbCaseList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->cursors = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) bb_case_cursor_free);
  self->filter = bb_case_filter_new ();
  self->sort = BB_CASE_SORT_NEWEST;
  self->cancellable = g_cancellable_new ();
}

/**
 * bb_case_list_new:
 *
 * Returns: (transfer full): a list of every case, newest first; it starts
 *   counting, and reading the first page, at once
 */
BbCaseList *
bb_case_list_new (BbDatabase    *database,
                  const BbActor *actor)
{
  BbCaseList *self;

  g_return_val_if_fail (BB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (BB_TYPE_CASE_LIST, NULL);
  self->database = g_object_ref (database);
  self->actor = bb_actor_copy (actor);
  /* A start: the first page comes with the count, as after a restart. */
  start_count (self, TRUE);
  return self;
}

void
bb_case_list_set_filter (BbCaseList         *self,
                         const BbCaseFilter *filter)
{
  g_return_if_fail (BB_IS_CASE_LIST (self));
  g_return_if_fail (filter != NULL);

  if (bb_case_filter_equal (self->filter, filter))
    return;
  bb_case_filter_free (self->filter);
  self->filter = bb_case_filter_copy (filter);
  restart (self);
}

const BbCaseFilter *
bb_case_list_get_filter (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), NULL);

  return self->filter;
}

void
bb_case_list_set_sort (BbCaseList *self,
                       BbCaseSort  sort)
{
  g_return_if_fail (BB_IS_CASE_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  restart (self);
}

BbCaseSort
bb_case_list_get_sort (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), BB_CASE_SORT_NEWEST);

  return self->sort;
}

/**
 * bb_case_list_refresh:
 *
 * Counts again and reloads the pages in use, in place: for changes made
 * here or on another workstation. The view keeps its scroll position.
 */
void
bb_case_list_refresh (BbCaseList *self)
{
  g_return_if_fail (BB_IS_CASE_LIST (self));

  refresh_count (self);
}

gboolean
bb_case_list_get_loading (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), FALSE);

  return self->pending > 0;
}

/**
 * bb_case_list_get_n_cases:
 *
 * Returns: how many cases match, as counted: more than the list's items
 *   while it holds back all but its first step
 */
guint
bb_case_list_get_n_cases (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), 0);

  return self->n_items;
}

/**
 * bb_case_list_set_first_step:
 * @rows: how many rows to announce at first after a start or a new filter
 *   or sort, e.g. as many as fill the view; 0 for all at once
 *
 * With @rows set, the rest of the rows are announced only when
 * bb_case_list_show_rest() is called (once the first ones are drawn), and
 * the list counts as loading until then. Takes effect from the next start.
 */
void
bb_case_list_set_first_step (BbCaseList *self,
                             guint       rows)
{
  g_return_if_fail (BB_IS_CASE_LIST (self));

  self->first_step = rows;
}

/**
 * bb_case_list_get_holding:
 *
 * Returns: whether rows past the first step wait for
 *   bb_case_list_show_rest()
 */
gboolean
bb_case_list_get_holding (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), FALSE);

  return self->holding;
}

/**
 * bb_case_list_show_rest:
 *
 * Announces the rows held back after the first step, appended at the end.
 */
void
bb_case_list_show_rest (BbCaseList *self)
{
  g_return_if_fail (BB_IS_CASE_LIST (self));

  if (!self->holding)
    return;
  self->holding = FALSE;
  set_n_shown (self, self->n_items);
  pending_changed (self, -1);
}

/**
 * bb_case_list_get_pages_loaded:
 *
 * Returns: how many pages were fetched so far (for the benchmark)
 */
guint
bb_case_list_get_pages_loaded (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), 0);

  return self->pages_loaded;
}

const char *
bb_case_list_get_error (BbCaseList *self)
{
  g_return_val_if_fail (BB_IS_CASE_LIST (self), NULL);

  return self->error;
}

/**
 * bb_case_list_find:
 * @id: a case id
 *
 * Looks for @id among the rows loaded so far (never queries).
 *
 * Returns: its position, or %G_MAXUINT when no loaded row holds it
 */
guint
bb_case_list_find (BbCaseList *self,
                   gint64      id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (BB_IS_CASE_LIST (self), G_MAXUINT);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;

      if (!page->loaded)
        continue;
      for (guint i = 0; i < page->items->len; i++)
        {
          guint position = GPOINTER_TO_UINT (key) * BB_CASE_LIST_PAGE_SIZE + i;

          if (position < self->n_shown &&
              bb_case_item_get_id (g_ptr_array_index (page->items, i)) == id)
            return position;
        }
    }
  return G_MAXUINT;
}
