/* bb-location.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-location"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bb-error.h"
#include "bb-location.h"

G_DEFINE_BOXED_TYPE (BbLocation, bb_location, bb_location_copy, bb_location_free)

BbLocation *
bb_location_new_sqlite (const char *path)
{
  BbLocation *self;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  self = g_new0 (BbLocation, 1);
  self->engine = BB_ENGINE_SQLITE;
  self->path = g_strdup (path);
  return self;
}

BbLocation *
bb_location_new_postgresql (const char *host,
                            guint       port,
                            const char *database,
                            const char *user)
{
  BbLocation *self;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (database != NULL, NULL);

  self = g_new0 (BbLocation, 1);
  self->engine = BB_ENGINE_POSTGRESQL;
  self->host = g_strdup (host);
  self->port = port != 0 ? port : 5432;
  self->database = g_strdup (database);
  self->user = g_strdup (user != NULL ? user : "");
  return self;
}

/**
 * bb_location_parse:
 * @text: a file path, or `postgresql://USER@HOST:PORT/DB`
 *
 * Returns: (transfer full): the location, or %NULL with a %BB_ERROR_INVALID
 *   error naming what is wrong
 */
BbLocation *
bb_location_parse (const char  *text,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const char *userinfo;
  g_autofree char *user = NULL;
  int port;

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    {
      bb_set_field_error (error, _("Database"), _("no location was given"));
      return NULL;
    }

  if (!g_str_has_prefix (text, "postgresql://") && !g_str_has_prefix (text, "postgres://"))
    {
      g_autoptr(GFile) file = NULL;

      if (g_str_has_prefix (text, "file://"))
        file = g_file_new_for_uri (text);
      else
        file = g_file_new_for_commandline_arg (text);

      return bb_location_new_sqlite (g_file_peek_path (file));
    }

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      bb_set_field_error (error, _("Database"), _("“%s” is not a valid PostgreSQL address"), text);
      return NULL;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      bb_set_field_error (error, _("Database"), _("the PostgreSQL address names no host"));
      return NULL;
    }

  path = g_uri_get_path (uri);
  if (path == NULL || path[0] != '/' || path[1] == '\0' || strchr (path + 1, '/') != NULL)
    {
      bb_set_field_error (error, _("Database"),
                          _("the PostgreSQL address must end in /DATABASE-NAME"));
      return NULL;
    }

  userinfo = g_uri_get_userinfo (uri);
  if (userinfo != NULL)
    {
      const char *colon = strchr (userinfo, ':');

      if (colon != NULL)
        {
          bb_set_field_error (error, _("Database"),
                              _("do not put the password in the address; use PGPASSWORD or the keyring"));
          return NULL;
        }
      user = g_uri_unescape_string (userinfo, NULL);
    }

  port = g_uri_get_port (uri);
  return bb_location_new_postgresql (g_uri_get_host (uri), port > 0 ? (guint) port : 5432,
                                     path + 1, user);
}

BbLocation *
bb_location_copy (const BbLocation *location)
{
  BbLocation *copy;

  g_return_val_if_fail (location != NULL, NULL);

  copy = g_new0 (BbLocation, 1);
  copy->engine = location->engine;
  copy->path = g_strdup (location->path);
  copy->host = g_strdup (location->host);
  copy->port = location->port;
  copy->database = g_strdup (location->database);
  copy->user = g_strdup (location->user);
  return copy;
}

void
bb_location_free (BbLocation *location)
{
  if (location == NULL)
    return;

  g_free (location->path);
  g_free (location->host);
  g_free (location->database);
  g_free (location->user);
  g_free (location);
}

gboolean
bb_location_equal (const BbLocation *a,
                   const BbLocation *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->engine != b->engine)
    return FALSE;
  if (a->engine == BB_ENGINE_SQLITE)
    return g_strcmp0 (a->path, b->path) == 0;
  return g_strcmp0 (a->host, b->host) == 0 &&
         a->port == b->port &&
         g_strcmp0 (a->database, b->database) == 0 &&
         g_strcmp0 (a->user, b->user) == 0;
}

/**
 * bb_location_to_string:
 *
 * Returns: the location as bb_location_parse() reads it (no password)
 */
char *
bb_location_to_string (const BbLocation *location)
{
  g_autofree char *user = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (location->engine == BB_ENGINE_SQLITE)
    return g_strdup (location->path);

  if (location->user == NULL || *location->user == '\0')
    return g_strdup_printf ("postgresql://%s:%u/%s", location->host, location->port,
                            location->database);

  user = g_uri_escape_string (location->user, NULL, FALSE);
  return g_strdup_printf ("postgresql://%s@%s:%u/%s", user, location->host, location->port,
                          location->database);
}

/**
 * bb_location_default_sqlite_path:
 *
 * Returns: `$XDG_DATA_HOME/bangban/bangban.db`
 */
char *
bb_location_default_sqlite_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "bangban", "bangban.db", NULL);
}
