/* bb-wizard-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BB_TYPE_WIZARD_PAGE (bb_wizard_page_get_type ())

G_DECLARE_FINAL_TYPE (BbWizardPage, bb_wizard_page, BB, WIZARD_PAGE, GtkWidget)

BbWizardPage *bb_wizard_page_new                (const char   *name,
                                                 const char   *title,
                                                 GtkWidget    *child);
GtkWidget    *bb_wizard_page_get_child          (BbWizardPage *self);
void          bb_wizard_page_set_child          (BbWizardPage *self,
                                                 GtkWidget    *child);
const char   *bb_wizard_page_get_title          (BbWizardPage *self);
void          bb_wizard_page_set_title          (BbWizardPage *self,
                                                 const char   *title);
gboolean      bb_wizard_page_get_complete       (BbWizardPage *self);
void          bb_wizard_page_set_complete       (BbWizardPage *self,
                                                 gboolean      complete);
const char   *bb_wizard_page_get_next_label     (BbWizardPage *self);
void          bb_wizard_page_set_next_label     (BbWizardPage *self,
                                                 const char   *label);
gboolean      bb_wizard_page_get_destructive    (BbWizardPage *self);
void          bb_wizard_page_set_destructive    (BbWizardPage *self,
                                                 gboolean      destructive);
gboolean      bb_wizard_page_get_can_go_back    (BbWizardPage *self);
void          bb_wizard_page_set_can_go_back    (BbWizardPage *self,
                                                 gboolean      can_go_back);

G_END_DECLS
