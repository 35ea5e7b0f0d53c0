/* bb-form-pdf.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-form-handover.h"
#include "bb-form-notice.h"
#include "bb-form-register.h"
#include "bb-form-slip.h"

G_BEGIN_DECLS

gboolean bb_form_pdf_write_slip      (const char           *path,
                                      const BbSlipData     *data,
                                      GError              **error);
gboolean bb_form_pdf_write_notice    (const char           *path,
                                      const BbNoticeData   *data,
                                      GError              **error);
gboolean bb_form_pdf_write_handover  (const char           *path,
                                      const BbHandoverData *data,
                                      GError              **error);
gboolean bb_form_pdf_write_register  (const char           *path,
                                      BbFormRegister       *form,
                                      GError              **error);

G_END_DECLS
