/* bb-sign-in-page.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

#define BB_TYPE_SIGN_IN_PAGE (bb_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (BbSignInPage, bb_sign_in_page, BB, SIGN_IN_PAGE, AdwBin)

BbSignInPage *bb_sign_in_page_new          (BbDatabase   *database);
BbDatabase   *bb_sign_in_page_get_database (BbSignInPage *self);
void          bb_sign_in_page_set_database (BbSignInPage *self,
                                            BbDatabase   *database);
void          bb_sign_in_page_reset        (BbSignInPage *self);
const char   *bb_sign_in_page_get_state    (BbSignInPage *self);

G_END_DECLS
