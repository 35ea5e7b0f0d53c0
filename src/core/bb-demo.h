/* bb-demo.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-actor.h"
#include "bb-case.h"
#include "bb-database.h"

G_BEGIN_DECLS

/* The sign-in password of the demo accounts 1001 (administrator), 1002
 * (manager), 1004 (team leader), 1006 and 1007 (staff); the other demo
 * staff have no password. */
#define BB_DEMO_PASSWORD "bangban-demo"

/* How many cases the demo plays through the real workflow; beyond these
 * (the benchmark's million) cases are loaded in bulk. */
#define BB_DEMO_WORKFLOW_CASES 260

/**
 * BbDemoProgressFunc:
 * @done: cases written so far
 * @total: cases to write
 * @user_data: the data passed to bb_demo_run()
 *
 * Called now and then while the demo writes its cases, on the thread that
 * runs bb_demo_run().
 */
typedef void (*BbDemoProgressFunc) (guint64   done,
                                    guint64   total,
                                    gpointer  user_data);

/**
 * BbDemoSummary:
 * @admin_number: the staff number of the demo administrator
 * @n_staff: staff accounts created
 * @n_items: catalogue items created
 * @n_holidays: holiday calendar days imported
 * @n_clients: clients created
 * @n_cases: cases created (both ways)
 * @n_workflow_cases: cases played through the workflow (bb-case-repo)
 * @n_bulk_cases: cases loaded in bulk (bb-bulk)
 * @n_by_state: cases in each state at the end
 * @n_complaints: complaints
 * @n_consultations: consultation records without a case
 * @n_evaluations: evaluations given through the workflow
 * @bulk_usec: how long the bulk load of clients and cases took
 * @total_usec: how long the whole demo took
 *
 * What bb_demo_run() created.
 */
typedef struct
{
  char    *admin_number;
  guint    n_staff;
  guint    n_items;
  guint    n_holidays;
  guint64  n_clients;
  guint64  n_cases;
  guint64  n_workflow_cases;
  guint64  n_bulk_cases;
  guint64  n_by_state[BB_N_STATES];
  guint    n_complaints;
  guint    n_consultations;
  guint    n_evaluations;
  gint64   bulk_usec;
  gint64   total_usec;
} BbDemoSummary;

gboolean bb_demo_run            (BbDatabase          *db,
                                 const BbActor       *actor,
                                 guint64              n_cases,
                                 guint32              seed,
                                 BbDemoProgressFunc   progress,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 BbDemoSummary       *summary,
                                 GError             **error);
void     bb_demo_summary_clear  (BbDemoSummary       *summary);

G_END_DECLS
