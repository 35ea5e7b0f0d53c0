/* bb-csv-import.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a CSV file on a page (the catalogue, the holiday calendar):
 * the file chooser, reading the file, running the core import in a thread
 * and the progress bar meanwhile. Core imports a file in one transaction
 * and reports no progress, so the bar pulses, and an import cannot be
 * cancelled half-way: it imports everything or nothing. What the page says
 * about the result is the page's own.
 */

#define G_LOG_DOMAIN "bb-csv-import"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-csv-import.h"

struct _BbCsvImport
{
  BbCsvImportFunc  func;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  guint            pulse_id;
  gboolean         running;
};

typedef struct
{
  BbCsvImport *import;
  BbDatabase  *database;
  BbActor     *actor;
  GFile       *file;
  char        *text;
  guint        n_imported;
  gboolean     unreadable;
} Job;

static BbCsvImport *
import_ref (BbCsvImport *self)
{
  return g_rc_box_acquire (self);
}

static void
import_clear (BbCsvImport *self)
{
  g_clear_object (&self->progress_revealer);
  g_clear_object (&self->progress_label);
  g_clear_object (&self->progress_bar);
}

static void
import_unref (BbCsvImport *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) import_clear);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->import, import_unref);
  g_clear_object (&job->database);
  g_clear_pointer (&job->actor, bb_actor_free);
  g_clear_object (&job->file);
  g_free (job->text);
  g_free (job);
}

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

static gboolean
pulse_cb (gpointer user_data)
{
  BbCsvImport *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
show_progress (BbCsvImport *self,
               GFile       *file)
{
  self->running = file != NULL;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (file != NULL)
    {
      g_autofree char *name = display_name (file);
      g_autofree char *text = g_strdup_printf (_("Importing “%s”…"), name);

      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      self->pulse_id = g_timeout_add (100, pulse_cb, self);
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, file != NULL);
}

/**
 * bb_csv_import_new:
 * @func: the core import
 *
 * Returns: (transfer full): an import shown in the page's progress widgets
 */
BbCsvImport *
bb_csv_import_new (BbCsvImportFunc  func,
                   GtkRevealer     *progress_revealer,
                   GtkLabel        *progress_label,
                   GtkProgressBar  *progress_bar)
{
  BbCsvImport *self = g_rc_box_new0 (BbCsvImport);

  self->func = func;
  self->progress_revealer = g_object_ref (progress_revealer);
  self->progress_label = g_object_ref (progress_label);
  self->progress_bar = g_object_ref (progress_bar);
  return self;
}

/* The page goes away: an import still running finishes (its caller's
 * cancellable is cancelled by then) without touching the page. */
void
bb_csv_import_free (BbCsvImport *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->running = FALSE;
  import_unref (self);
}

gboolean
bb_csv_import_get_running (BbCsvImport *self)
{
  return self->running;
}

typedef struct
{
  GtkWidget       *page;
  BbCsvChosenFunc  chosen;
} Choice;

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && choice->page != NULL)
        choice->chosen (choice->page, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choice_free (gpointer  data,
             GClosure *closure)
{
  Choice *choice = data;

  g_clear_weak_pointer (&choice->page);
  g_free (choice);
}

/**
 * bb_csv_import_choose:
 * @title: the chooser's title, e.g. “Import Matters”
 * @chosen: called with @page and the file once one was chosen
 *
 * Asks for a CSV file, for a window of its own above @page's window.
 */
void
bb_csv_import_choose (GtkWidget       *page,
                      const char      *title,
                      BbCsvChosenFunc  chosen)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  /* A page gone meanwhile is not called. */
  g_set_weak_pointer (&choice->page, page);
  choice->chosen = chosen;
  g_signal_connect_data (chooser, "response", G_CALLBACK (file_chosen_cb), choice, choice_free,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->import->func (job->database, job->actor, job->text, &job->n_imported, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      job->unreadable = TRUE;
      g_task_return_error (task, error);
      return;
    }
  job->text = contents;
  g_task_run_in_thread (task, import_thread);
}

/**
 * bb_csv_import_start:
 *
 * Reads @file and imports it as @actor, showing the progress until
 * @callback, which calls bb_csv_import_finish().
 */
void
bb_csv_import_start (BbCsvImport         *self,
                     GFile               *file,
                     BbDatabase          *database,
                     const BbActor       *actor,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (!self->running);

  show_progress (self, file);
  job = g_new0 (Job, 1);
  job->import = import_ref (self);
  job->database = g_object_ref (database);
  job->actor = bb_actor_copy (actor);
  job->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_csv_import_start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_file_load_contents_async (file, cancellable, file_loaded_cb, task);
}

/**
 * bb_csv_import_finish:
 * @n_imported: (out): how many records were imported
 * @file_name: (out) (transfer full): the file's name, for messages
 * @unreadable: (out): whether the file could not be read (else the
 *   import refused it, and the database is unchanged)
 *
 * Returns: whether everything was imported; %G_IO_ERROR_CANCELLED when the
 *   page went away meanwhile (say nothing then)
 */
gboolean
bb_csv_import_finish (GAsyncResult  *result,
                      guint         *n_imported,
                      char         **file_name,
                      gboolean      *unreadable,
                      GError       **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  gboolean done = g_task_propagate_boolean (G_TASK (result), error);

  *n_imported = job->n_imported;
  *file_name = display_name (job->file);
  *unreadable = job->unreadable;
  if (done || error == NULL || *error == NULL
      || !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_progress (job->import, NULL);
  return done;
}
