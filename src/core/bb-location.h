/* bb-location.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BB_ENGINE_SQLITE,
  BB_ENGINE_POSTGRESQL,
} BbEngine;

/**
 * BbLocation:
 * @engine: which engine
 * @path: the SQLite file (SQLite only)
 * @host, @port, @database, @user: the server (PostgreSQL only)
 *
 * Where a database lives. Never holds a password: that comes from the
 * keyring or from PGPASSWORD.
 */
typedef struct
{
  BbEngine engine;
  char    *path;
  char    *host;
  guint    port;
  char    *database;
  char    *user;
} BbLocation;

#define BB_TYPE_LOCATION (bb_location_get_type ())

GType       bb_location_get_type              (void) G_GNUC_CONST;
BbLocation *bb_location_new_sqlite            (const char       *path);
BbLocation *bb_location_new_postgresql        (const char       *host,
                                               guint             port,
                                               const char       *database,
                                               const char       *user);
BbLocation *bb_location_parse                 (const char       *text,
                                               GError          **error);
BbLocation *bb_location_copy                  (const BbLocation *location);
void        bb_location_free                  (BbLocation       *location);
gboolean    bb_location_equal                 (const BbLocation *a,
                                               const BbLocation *b);
char       *bb_location_to_string             (const BbLocation *location);
char       *bb_location_default_sqlite_path   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbLocation, bb_location_free)

G_END_DECLS
