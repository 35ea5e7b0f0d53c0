/* bench-window-floor.c — what a bare window costs, for `bangban --benchmark`
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the time from main() to the first painted frame of a libadwaita
 * window with a header bar and a column view of nine text columns over a
 * thousand rows (FLOOR_GTK_ONLY=1: a plain GTK window without the header
 * bar): the floor under the time `bangban --benchmark` reports for its
 * first rows, on the same display and renderer. Run it as the benchmark:
 *
 *   DISPLAY=:77 GSK_RENDERER=cairo _build/tests/bench-window-floor
 */
#include <adwaita.h>
#include <glib.h>
#include <stdio.h>

static gint64 started_at;   /* taken first thing, as bangban takes its own */
static gboolean use_adw;

static void
setup_cb (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, gtk_inscription_new (NULL));
}

static void
bind_cb (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkStringObject *s = gtk_list_item_get_item (item);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            gtk_string_object_get_string (s));
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, data);
  printf ("first frame painted %.1f ms\n", (g_get_monotonic_time () - started_at) / 1000.0);
  fflush (stdout);
  g_application_quit (G_APPLICATION (data));
}

static void
map_cb (GtkWidget *window, gpointer app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GApplication *app, gpointer data)
{
  GtkWidget *window = use_adw ? adw_application_window_new (GTK_APPLICATION (app))
                              : gtk_application_window_new (GTK_APPLICATION (app));
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkWidget *view, *scroller, *box;

  for (int i = 0; i < 1000; i++)
    {
      char text[64];
      g_snprintf (text, sizeof text, "2026%06d 张三丰 办理中", i);
      gtk_string_list_append (list, text);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (list))));
  for (int c = 0; c < 9; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  if (use_adw)
    gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  if (use_adw)
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  else
    gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  GtkApplication *app;

  started_at = g_get_monotonic_time ();
  use_adw = g_getenv ("FLOOR_GTK_ONLY") == NULL;
  app = use_adw ? GTK_APPLICATION (adw_application_new ("org.bangban.WindowFloor", G_APPLICATION_NON_UNIQUE))
                : gtk_application_new ("org.bangban.WindowFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
