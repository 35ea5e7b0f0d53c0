/* bb-keyring.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PostgreSQL passwords live in the user's keyring (libsecret), keyed by
 * host, port, database and user — never in GSettings or a file.
 */

#define G_LOG_DOMAIN "bb-keyring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "bb-error.h"
#include "bb-keyring.h"

static const SecretSchema *
database_schema (void)
{
  static const SecretSchema schema = {
    "io.github.bangban.Bangban.Database", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static GHashTable *
location_attributes (const BbLocation *location)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "host", g_strdup (location->host));
  g_hash_table_insert (attributes, (gpointer) "port", g_strdup_printf ("%u", location->port));
  g_hash_table_insert (attributes, (gpointer) "database", g_strdup (location->database));
  g_hash_table_insert (attributes, (gpointer) "user", g_strdup (location->user ? location->user : ""));
  return attributes;
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_new_error (task, BB_ERROR, BB_ERROR_FAILED,
                               _("The password could not be kept in the keyring: %s"),
                               error->message);
      g_error_free (error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * bb_keyring_store_password_async:
 * @password: the password; an empty one removes the stored password
 */
void
bb_keyring_store_password_async (const BbLocation    *location,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (location != NULL && location->engine == BB_ENGINE_POSTGRESQL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_keyring_store_password_async);
  attributes = location_attributes (location);

  if (password == NULL || *password == '\0')
    {
      secret_password_clearv (database_schema (), attributes, cancellable, NULL, NULL);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* Translators: the label of the password in the keyring; %s is user@host:port/db */
  label = g_strdup_printf (_("Bangban database password for %s@%s:%u/%s"),
                           location->user, location->host, location->port, location->database);
  secret_password_storev (database_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          password, cancellable, store_cb, task);
}

gboolean
bb_keyring_store_password_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_new_error (task, BB_ERROR, BB_ERROR_FAILED,
                               _("The keyring could not be read: %s"), error->message);
      g_error_free (error);
      return;
    }
  g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
bb_keyring_lookup_password_async (const BbLocation    *location,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (location != NULL && location->engine == BB_ENGINE_POSTGRESQL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_keyring_lookup_password_async);
  attributes = location_attributes (location);
  secret_password_lookupv (database_schema (), attributes, cancellable, lookup_cb, task);
}

/**
 * bb_keyring_lookup_password_finish:
 *
 * Returns: (nullable): the password, %NULL when none is stored (no error) or
 *   on error
 */
char *
bb_keyring_lookup_password_finish (GAsyncResult  *result,
                                   GError       **error)
{
  char *password = g_task_propagate_pointer (G_TASK (result), error);
  char *copy = g_strdup (password);

  if (password != NULL)
    secret_password_free (password);
  return copy;
}

/**
 * bb_keyring_lookup_password:
 *
 * Blocking lookup, for bangban-cli and worker threads.
 */
char *
bb_keyring_lookup_password (const BbLocation  *location,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  GError *local_error = NULL;
  char *password;
  char *copy;

  g_return_val_if_fail (location != NULL && location->engine == BB_ENGINE_POSTGRESQL, NULL);

  attributes = location_attributes (location);
  password = secret_password_lookupv_sync (database_schema (), attributes, cancellable,
                                           &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_FAILED,
                   _("The keyring could not be read: %s"), local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  copy = g_strdup (password);
  if (password != NULL)
    secret_password_free (password);
  return copy;
}
