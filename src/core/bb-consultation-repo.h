/* bb-consultation-repo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Consultation records (接待咨询记录, § 服务咨询): kept even when no case
 * follows.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bb-actor.h"
#include "bb-database.h"

G_BEGIN_DECLS

/**
 * BbConsultation:
 * @id: the row (0 in a draft)
 * @at: when, µs since the epoch, UTC (0 in a draft = now)
 * @staff_id: who recorded it (0 = the system)
 * @name: the client's name (required)
 * @contact: (nullable): phone, e-mail or other contact
 * @channel: onsite, phone, email or online (%NULL in a draft = onsite)
 * @content: what was asked (required)
 * @result: (nullable): the answer or what was done
 * @case_id: the case that followed, or 0
 * @version: for optimistic locking
 */
typedef struct
{
  gint64  id;
  gint64  at;
  gint64  staff_id;
  char   *name;
  char   *contact;
  char   *channel;
  char   *content;
  char   *result;
  gint64  case_id;
  int     version;
} BbConsultation;

#define BB_TYPE_CONSULTATION (bb_consultation_get_type ())

GType           bb_consultation_get_type       (void) G_GNUC_CONST;
BbConsultation *bb_consultation_new            (void);
BbConsultation *bb_consultation_copy           (const BbConsultation  *consultation);
void            bb_consultation_free           (BbConsultation        *consultation);
gboolean        bb_consultation_validate       (const BbConsultation  *draft,
                                                GError               **error);
JsonNode       *bb_consultation_to_json        (const BbConsultation  *consultation);
gboolean        bb_consultation_channel_is_valid (const char          *channel);
const char     *bb_consultation_channel_label  (const char            *channel);

gint64          bb_consultation_repo_add       (BbDatabase            *db,
                                                const BbActor         *actor,
                                                const BbConsultation  *draft,
                                                GError               **error);
BbConsultation *bb_consultation_repo_get       (BbDatabase            *db,
                                                gint64                 id,
                                                GError               **error);
gboolean        bb_consultation_repo_link_case (BbDatabase            *db,
                                                const BbActor         *actor,
                                                gint64                 id,
                                                gint64                 case_id,
                                                int                    expected_version,
                                                GError               **error);
/* from_usec inclusive, to_usec exclusive (0 = open); keyset on (at, id):
 * pass the last row's at and id for the next page, 0 and 0 for the first. */
GPtrArray      *bb_consultation_repo_list      (BbDatabase            *db,
                                                gint64                 from_usec,
                                                gint64                 to_usec,
                                                gint64                 after_at,
                                                gint64                 after_id,
                                                guint                  limit,
                                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbConsultation, bb_consultation_free)

G_END_DECLS
