/* bb-ui-test-util.c — shared by the tests that drive widgets
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting on the main loop, screenshots and finding widgets, for the tests
 * under a real display. Kept apart from bb-test-util.c, which stays free of
 * GTK for the core and database tests.
 */

#include "config.h"

#include <locale.h>

#include "bb-test-util.h"
#include "bb-ui-test-util.h"

/* How long one wait may take before the test fails: generous, since CI
 * runs on a shared two-core machine where a frame can take seconds. */
#define TIMEOUT_SECONDS 90

static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * bb_ui_test_iterate_until:
 * @condition: checked before each main loop iteration
 * @data: passed to @condition
 * @what: what is waited for, for the failure message
 *
 * Runs the default main context until @condition returns %TRUE; aborts the
 * test with a message naming @what when that takes longer than the timeout.
 */
void
bb_ui_test_iterate_until (GSourceFunc  condition,
                          gpointer     data,
                          const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so that a wait that never ends says so. */
  guint wake = g_timeout_add (250, keep_waking, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/**
 * bb_ui_test_wait_ms:
 * @ms: milliseconds
 *
 * Lets idle work and transitions run for a moment.
 */
void
bb_ui_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  bb_ui_test_iterate_until (flag_set, &done, "a moment to pass");
}

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/**
 * bb_ui_test_wait_for_draw:
 * @widget: a realized widget
 *
 * Queues a draw of @widget and waits for two frames of its frame clock.
 */
void
bb_ui_test_wait_for_draw (GtkWidget *widget)
{
  guint frames = 0;
  guint id;

  gtk_widget_queue_draw (widget);
  id = gtk_widget_add_tick_callback (widget, frame_drawn_cb, &frames, NULL);
  bb_ui_test_iterate_until (two_frames, &frames, "a frame to be drawn");
  gtk_widget_remove_tick_callback (widget, id);
}

/**
 * bb_ui_test_lang_tag:
 *
 * Returns: "zh_CN" when the messages are Chinese, "C" otherwise: the tag
 *   in the names of the files a test keeps
 */
const char *
bb_ui_test_lang_tag (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  return messages != NULL && g_str_has_prefix (messages, "zh_CN") ? "zh_CN" : "C";
}

/**
 * bb_ui_test_save_screenshot:
 * @widget: a widget in a shown window
 * @prefix: the test's part of the file name, such as "ui-admin"
 * @name: the state shown
 *
 * Lets transitions finish, waits for a frame and saves @widget as
 * PREFIX-NAME-LANG.png in the build's log folder (see bb_test_log_path()).
 */
void
bb_ui_test_save_screenshot (GtkWidget  *widget,
                            const char *prefix,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", prefix, name, bb_ui_test_lang_tag ());
  g_autofree char *path = bb_test_log_path (file);
  int width, height;

  /* Let crossfades, revealers, leaflets and stacks finish their transitions. */
  bb_ui_test_wait_ms (400);
  bb_ui_test_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/**
 * bb_ui_test_find_named:
 * @root: where to start
 * @type: the type the widget must have (%GTK_TYPE_WIDGET for any)
 * @name: (nullable): its gtk_widget_get_name(), or %NULL for the first of @type
 *
 * Returns: (transfer none) (nullable): @root or its first descendant, depth
 *   first, that matches
 */
GtkWidget *
bb_ui_test_find_named (GtkWidget  *root,
                       GType       type,
                       const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bb_ui_test_find_named (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * bb_ui_test_template_child:
 * @widget: a widget built from a template
 * @type: the type that declared the template
 * @name: the child's id
 *
 * Returns: (transfer none): the child; the test fails when there is none
 */
gpointer
bb_ui_test_template_child (gpointer    widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}
