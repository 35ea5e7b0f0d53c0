/* bb-draft-store.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unfinished wizards (DESIGN.md § Bad input and faults: what the user typed
 * is never lost). One JSON file per wizard kind in
 * $XDG_DATA_HOME/bangban/drafts/, e.g. `assist.json`:
 *
 *   { "format": 1, "kind": "assist", "saved_at": µs, "data": { … } }
 *
 * Every write goes through g_file_set_contents_full(), which writes a
 * temporary file beside the draft and renames it over the draft: a process
 * killed mid-write leaves the previous complete draft (and perhaps a stray
 * temporary file, removed at the next load), never a torn one. The files
 * hold personal data (names, ID numbers), so they are readable by their
 * owner only.
 *
 * bb_draft_store_queue_save() is what a wizard calls on every change: the
 * latest data is written at most @delay milliseconds after the first change
 * that is not yet on disk, so typing does not write once per key press and
 * a steady stream of changes still reaches the disk.
 */

#define G_LOG_DOMAIN "bb-draft-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bb-clock.h"
#include "bb-draft-store.h"
#include "bb-error.h"

#define DRAFT_FORMAT        1
#define DEFAULT_DELAY_MS    400
#define STALE_TEMP_SECONDS  10

struct _BbDraftStore
{
  GObject     parent_instance;

  char       *kind;
  char       *directory;
  char       *path;
  guint       delay_ms;

  JsonObject *pending;
  guint       pending_id;
};

G_DEFINE_FINAL_TYPE (BbDraftStore, bb_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DIRECTORY,
  PROP_PENDING,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
kind_is_valid (const char *kind)
{
  if (kind == NULL || *kind == '\0' || strlen (kind) > 32)
    return FALSE;
  for (const char *p = kind; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }
  return TRUE;
}

static void
set_pending (BbDraftStore *self,
             JsonObject   *data)
{
  gboolean was_pending = self->pending != NULL;

  g_clear_pointer (&self->pending, json_object_unref);
  if (data != NULL)
    self->pending = json_object_ref (data);
  else
    g_clear_handle_id (&self->pending_id, g_source_remove);

  if (was_pending != (self->pending != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* g_file_set_contents() writes “PATH.XXXXXX” and renames it; a writer
 * killed in between leaves that file behind. Remove the ones old enough not
 * to belong to a write in progress in another instance. */
static void
remove_stale_temporaries (BbDraftStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s.json.", self->kind);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (self->directory, name, NULL);
      if (g_stat (path, &st) == 0 && now - (gint64) st.st_mtime >= STALE_TEMP_SECONDS)
        g_unlink (path);
    }
}

static gboolean
write_now (BbDraftStore  *self,
           JsonObject    *data,
           GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) data_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  gsize length;

  json_node_set_object (data_node, data);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, DRAFT_FORMAT);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, self->kind);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_int_value (builder, bb_clock_now_usec ());
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, g_steal_pointer (&data_node));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder for drafts, %s, cannot be created: %s"), self->directory,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (self->path, text, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
pending_timeout_cb (gpointer user_data)
{
  BbDraftStore *self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending_id = 0;
  if (!bb_draft_store_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
bb_draft_store_constructed (GObject *object)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);
  g_autofree char *file = NULL;

  G_OBJECT_CLASS (bb_draft_store_parent_class)->constructed (object);

  g_assert (kind_is_valid (self->kind));
  if (self->directory == NULL)
    self->directory = bb_draft_store_default_directory ();
  file = g_strdup_printf ("%s.json", self->kind);
  self->path = g_build_filename (self->directory, file, NULL);
}

static void
bb_draft_store_dispose (GObject *object)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);

  if (self->pending != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Nobody is left to tell: say it in the log at least. */
      if (!bb_draft_store_flush (self, &error))
        g_message ("The draft %s could not be saved: %s", self->path, error->message);
    }
  g_clear_handle_id (&self->pending_id, g_source_remove);

  G_OBJECT_CLASS (bb_draft_store_parent_class)->dispose (object);
}

static void
bb_draft_store_finalize (GObject *object)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);

  g_clear_pointer (&self->pending, json_object_unref);
  g_free (self->kind);
  g_free (self->directory);
  g_free (self->path);

  G_OBJECT_CLASS (bb_draft_store_parent_class)->finalize (object);
}

static void
bb_draft_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_store_class_init (BbDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bb_draft_store_constructed;
  object_class->dispose = bb_draft_store_dispose;
  object_class->finalize = bb_draft_store_finalize;
  object_class->get_property = bb_draft_store_get_property;
  object_class->set_property = bb_draft_store_set_property;

  /**
   * BbDraftStore:kind:
   *
   * Which wizard the draft belongs to (`assist`, `proxy`…): lower-case
   * letters, digits and “-”; it names the file.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BbDraftStore:directory:
   *
   * Where the draft is kept; %NULL at construction means the default,
   * `$XDG_DATA_HOME/bangban/drafts`.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BbDraftStore:pending:
   *
   * Whether a change is waiting to be written.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbDraftStore::save-failed:
   * @error: why
   *
   * A queued save could not be written (the disk is full, the folder cannot
   * be written…). The data stays pending until the next change or flush.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bb_draft_store_init (BbDraftStore *self)
{
  self->delay_ms = DEFAULT_DELAY_MS;
}

/**
 * bb_draft_store_default_directory:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/bangban/drafts`
 */
char *
bb_draft_store_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "bangban", "drafts", NULL);
}

/**
 * bb_draft_store_new:
 * @kind: which wizard: `assist`, `proxy`…
 *
 * Returns: (transfer full): the store of @kind's draft in the default folder
 */
BbDraftStore *
bb_draft_store_new (const char *kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return g_object_new (BB_TYPE_DRAFT_STORE, "kind", kind, NULL);
}

BbDraftStore *
bb_draft_store_new_for_directory (const char *directory,
                                  const char *kind)
{
  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return g_object_new (BB_TYPE_DRAFT_STORE, "kind", kind, "directory", directory, NULL);
}

const char *
bb_draft_store_get_kind (BbDraftStore *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);

  return self->kind;
}

const char *
bb_draft_store_get_path (BbDraftStore *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);

  return self->path;
}

guint
bb_draft_store_get_delay (BbDraftStore *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), 0);

  return self->delay_ms;
}

/**
 * bb_draft_store_set_delay:
 * @delay_ms: how long a queued change may wait before it is written
 */
void
bb_draft_store_set_delay (BbDraftStore *self,
                          guint         delay_ms)
{
  g_return_if_fail (BB_IS_DRAFT_STORE (self));

  self->delay_ms = delay_ms;
}

/**
 * bb_draft_store_exists:
 *
 * Returns: whether a draft file is there (it may still turn out unreadable:
 *   bb_draft_store_load() says)
 */
gboolean
bb_draft_store_exists (BbDraftStore *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);

  return self->pending != NULL || g_file_test (self->path, G_FILE_TEST_IS_REGULAR);
}

/**
 * bb_draft_store_load:
 * @saved_at: (out) (optional): when it was written, µs since the epoch
 *
 * Reads the draft. A change still queued in this store is what is returned,
 * as it is newer than the file. A file that cannot be understood (which the
 * atomic writes rule out, but a disk can fail) is renamed to
 * `KIND.json.corrupt`, out of the way, and reported.
 *
 * Returns: (transfer full) (nullable): the wizard's data; %NULL without an
 *   error when there is no draft
 */
JsonObject *
bb_draft_store_load (BbDraftStore  *self,
                     gint64        *saved_at,
                     GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;
  JsonObject *envelope;
  JsonNode *data;
  gsize length;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);

  if (saved_at != NULL)
    *saved_at = 0;

  if (self->pending != NULL)
    {
      if (saved_at != NULL)
        *saved_at = bb_clock_now_usec ();
      return json_object_ref (self->pending);
    }

  remove_stale_temporaries (self);

  if (!g_file_get_contents (self->path, &text, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The draft %s cannot be read: "), self->path);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, (gssize) length, &local_error))
    goto corrupt;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto corrupt;
  envelope = json_node_get_object (root);
  data = json_object_get_member (envelope, "data");
  if (json_object_get_int_member_with_default (envelope, "format", 0) != DRAFT_FORMAT ||
      g_strcmp0 (json_object_get_string_member_with_default (envelope, "kind", NULL),
                 self->kind) != 0 ||
      data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    goto corrupt;

  if (saved_at != NULL)
    *saved_at = json_object_get_int_member_with_default (envelope, "saved_at", 0);
  return json_object_ref (json_node_get_object (data));

corrupt:
  {
    g_autofree char *aside = g_strconcat (self->path, ".corrupt", NULL);

    g_rename (self->path, aside);
    g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                 _("The draft %s could not be understood and was set aside as %s"),
                 self->path, aside);
    return NULL;
  }
}

/**
 * bb_draft_store_save:
 * @data: the wizard's data
 *
 * Writes @data at once, replacing the draft atomically, and drops any
 * queued change (@data is newer).
 */
gboolean
bb_draft_store_save (BbDraftStore  *self,
                     JsonObject    *data,
                     GError       **error)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  set_pending (self, NULL);
  return write_now (self, data, error);
}

/**
 * bb_draft_store_queue_save:
 * @data: the wizard's data as it is now
 *
 * Writes @data soon (#BbDraftStore:delay milliseconds after the first
 * change not yet written). Failures are reported by #BbDraftStore::save-failed.
 */
void
bb_draft_store_queue_save (BbDraftStore *self,
                           JsonObject   *data)
{
  g_return_if_fail (BB_IS_DRAFT_STORE (self));
  g_return_if_fail (data != NULL);

  set_pending (self, data);
  if (self->pending_id == 0)
    {
      self->pending_id = g_timeout_add (self->delay_ms, pending_timeout_cb, self);
      g_source_set_name_by_id (self->pending_id, "[bangban] draft save");
    }
}

gboolean
bb_draft_store_get_pending (BbDraftStore *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);

  return self->pending != NULL;
}

/**
 * bb_draft_store_flush:
 *
 * Writes a queued change now. Nothing queued: nothing to do.
 */
gboolean
bb_draft_store_flush (BbDraftStore  *self,
                      GError       **error)
{
  g_autoptr(JsonObject) data = NULL;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->pending == NULL)
    return TRUE;

  data = json_object_ref (self->pending);
  if (!write_now (self, data, error))
    return FALSE;
  /* Only what was written is dropped; a change queued since stays queued. */
  if (self->pending == data)
    set_pending (self, NULL);
  return TRUE;
}

/**
 * bb_draft_store_discard:
 *
 * Forgets the draft: the queued change and the file (the wizard finished,
 * or the user chose to start again).
 */
gboolean
bb_draft_store_discard (BbDraftStore  *self,
                        GError       **error)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);

  set_pending (self, NULL);
  if (g_unlink (self->path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The draft %s cannot be removed: %s"), self->path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
