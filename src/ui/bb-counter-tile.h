/* bb-counter-tile.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BB_TYPE_COUNTER_TILE (bb_counter_tile_get_type ())

G_DECLARE_FINAL_TYPE (BbCounterTile, bb_counter_tile, BB, COUNTER_TILE, GtkToggleButton)

GtkWidget  *bb_counter_tile_new        (const char    *title);
const char *bb_counter_tile_get_title  (BbCounterTile *self);
void        bb_counter_tile_set_title  (BbCounterTile *self,
                                        const char    *title);
gint64      bb_counter_tile_get_count  (BbCounterTile *self);
void        bb_counter_tile_set_count  (BbCounterTile *self,
                                        gint64         count);
const char *bb_counter_tile_get_icon_name (BbCounterTile *self);
void        bb_counter_tile_set_icon_name (BbCounterTile *self,
                                           const char    *icon_name);

G_END_DECLS
