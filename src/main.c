/* main.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BbApplication) app = NULL;
  const char *localedir = g_getenv ("BANGBAN_LOCALEDIR");

  /* BANGBAN_LOCALEDIR: the build tree's translations, when run uninstalled. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
