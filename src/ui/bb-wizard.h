/* bb-wizard.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-client-repo.h"
#include "bb-database.h"
#include "bb-wizard-page.h"

G_BEGIN_DECLS

#define BB_TYPE_WIZARD (bb_wizard_get_type ())

G_DECLARE_DERIVABLE_TYPE (BbWizard, bb_wizard, BB, WIZARD, AdwWindow)

/**
 * BbWizardClass:
 * @forward: the forward button was pressed on @page (complete, and not the
 *   last page); the default goes to the next page. Override it to do
 *   something first (save through core in a thread) and call
 *   bb_wizard_go_next() when that succeeded.
 * @finish: the forward button was pressed on the last page; the default
 *   closes the window.
 * @save_draft: returns the input as it is now, for the draft; %NULL when
 *   there is nothing worth keeping yet
 * @restore_draft: puts a draft's input back into the pages
 * @page_shown: @page became the visible step
 * @case_stored: a commit thread reported with bb_wizard_report_case_stored()
 *   that the case (and the client, when it was new) is in the database:
 *   remember them, so that the draft (saved right after) and a retry go on
 *   from there instead of storing them twice
 */
struct _BbWizardClass
{
  AdwWindowClass parent_class;

  void        (*forward)       (BbWizard     *self,
                                BbWizardPage *page);
  void        (*finish)        (BbWizard     *self);
  JsonObject *(*save_draft)    (BbWizard     *self);
  void        (*restore_draft) (BbWizard     *self,
                                JsonObject   *input);
  void        (*page_shown)    (BbWizard     *self,
                                BbWizardPage *page);
  void        (*case_stored)   (BbWizard       *self,
                                const BbClient *client,
                                const char     *number);

  /*< private >*/
  gpointer padding[7];
};

BbDatabase    *bb_wizard_get_database      (BbWizard     *self);
const BbActor *bb_wizard_get_actor         (BbWizard     *self);
GCancellable  *bb_wizard_get_cancellable   (BbWizard     *self);
BbWizardPage  *bb_wizard_get_page          (BbWizard     *self);
const char    *bb_wizard_get_page_name     (BbWizard     *self);
guint          bb_wizard_get_page_index    (BbWizard     *self);
guint          bb_wizard_get_n_pages       (BbWizard     *self);
void           bb_wizard_go_next           (BbWizard     *self);
void           bb_wizard_go_back           (BbWizard     *self);
gboolean       bb_wizard_get_busy          (BbWizard     *self);
void           bb_wizard_set_busy          (BbWizard     *self,
                                            gboolean      busy);
void           bb_wizard_show_error        (BbWizard     *self,
                                            const char   *message);
const char    *bb_wizard_get_error         (BbWizard     *self);
void           bb_wizard_changed           (BbWizard     *self);
void           bb_wizard_lock              (BbWizard     *self);
gboolean       bb_wizard_get_locked        (BbWizard     *self);
gboolean       bb_wizard_restore_draft     (BbWizard     *self,
                                            GError      **error);
void           bb_wizard_discard_draft     (BbWizard     *self);
void           bb_wizard_emit_case_created (BbWizard     *self,
                                            const char   *number);
void           bb_wizard_report_case_stored (BbWizard       *self,
                                             const BbClient *client,
                                             const char     *number);

gboolean       bb_wizard_draft_exists      (const char   *kind,
                                            char        **summary);
void           bb_wizard_draft_discard     (const char   *kind);

G_END_DECLS
