/* bb-counter-tile.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One of the dashboard's counters: a toggle button showing a large number
 * over its title (with an optional icon, so that due-soon and overdue are
 * told apart by more than colour). Pressing it filters the case list.
 */

#define G_LOG_DOMAIN "bb-counter-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-counter-tile.h"

struct _BbCounterTile
{
  GtkToggleButton  parent_instance;

  GtkLabel        *count_label;
  GtkLabel        *title_label;
  GtkImage        *icon;

  gint64           count;
};

G_DEFINE_FINAL_TYPE (BbCounterTile, bb_counter_tile, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COUNT,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The title without its mnemonic underscore, for screen readers. */
static char *
plain_title (BbCounterTile *self)
{
  const char *title = gtk_label_get_label (self->title_label);
  GString *plain = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        {
          g_string_append_c (plain, '_');
          p++;
        }
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
update_accessible (BbCounterTile *self)
{
  g_autofree char *title = plain_title (self);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;

  if (self->count < 0)
    label = g_strdup (title);
  else
    {
      count = g_strdup_printf ("%" G_GINT64_FORMAT, self->count);
      /* Translators: a counter tile read aloud: its title, then the number */
      label = g_strdup_printf (_("%s: %s"), title, count);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
bb_counter_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbCounterTile *self = BB_COUNTER_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, bb_counter_tile_get_title (self));
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, bb_counter_tile_get_icon_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_counter_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbCounterTile *self = BB_COUNTER_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bb_counter_tile_set_title (self, g_value_get_string (value));
      break;

    case PROP_COUNT:
      bb_counter_tile_set_count (self, g_value_get_int64 (value));
      break;

    case PROP_ICON_NAME:
      bb_counter_tile_set_icon_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_counter_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BB_TYPE_COUNTER_TILE);

  G_OBJECT_CLASS (bb_counter_tile_parent_class)->dispose (object);
}

static void
bb_counter_tile_class_init (BbCounterTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bb_counter_tile_get_property;
  object_class->set_property = bb_counter_tile_set_property;
  object_class->dispose = bb_counter_tile_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-counter-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCounterTile, count_label);
  gtk_widget_class_bind_template_child (widget_class, BbCounterTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, BbCounterTile, icon);
}

static void
bb_counter_tile_init (BbCounterTile *self)
{
  self->count = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bb_counter_tile_new (const char *title)
{
  return g_object_new (BB_TYPE_COUNTER_TILE, "title", title, NULL);
}

const char *
bb_counter_tile_get_title (BbCounterTile *self)
{
  g_return_val_if_fail (BB_IS_COUNTER_TILE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

/**
 * bb_counter_tile_set_title:
 * @title: the title, with an underscore before its mnemonic
 */
void
bb_counter_tile_set_title (BbCounterTile *self,
                           const char    *title)
{
  g_return_if_fail (BB_IS_COUNTER_TILE (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;
  gtk_label_set_label (self->title_label, title ? title : "");
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gint64
bb_counter_tile_get_count (BbCounterTile *self)
{
  g_return_val_if_fail (BB_IS_COUNTER_TILE (self), -1);

  return self->count;
}

/**
 * bb_counter_tile_set_count:
 * @count: the number, or -1 while it is not known
 */
void
bb_counter_tile_set_count (BbCounterTile *self,
                           gint64         count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BB_IS_COUNTER_TILE (self));

  if (self->count == count)
    return;
  self->count = count;
  text = count < 0 ? g_strdup ("—") : g_strdup_printf ("%" G_GINT64_FORMAT, count);
  gtk_label_set_label (self->count_label, text);
  if (count > 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "zero");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "zero");
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

const char *
bb_counter_tile_get_icon_name (BbCounterTile *self)
{
  g_return_val_if_fail (BB_IS_COUNTER_TILE (self), NULL);

  return gtk_image_get_icon_name (self->icon);
}

void
bb_counter_tile_set_icon_name (BbCounterTile *self,
                               const char    *icon_name)
{
  g_return_if_fail (BB_IS_COUNTER_TILE (self));

  if (g_strcmp0 (icon_name, gtk_image_get_icon_name (self->icon)) == 0)
    return;
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}
