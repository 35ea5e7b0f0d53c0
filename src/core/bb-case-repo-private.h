/* bb-case-repo-private.h
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How bb_case_repo_get_detail() reads a case with its history, for
 * bb-case-repo.c and for `bangban-cli bench`, which runs the very same
 * statement through the SQLite C API to compare.
 */

#pragma once

#include "bb-case-repo.h"

G_BEGIN_DECLS

/* A case's columns, in the order of the COL_ enumeration in
 * bb-case-repo.c, and the tables they come from. */
#define BB_CASE_COLUMNS \
  "c.id, c.number, c.kind, c.state, c.client_id, cl.name, cl.kind, cl.id_number, " \
  "cl.credit_code, cl.phone, cl.category, c.item_id, ci.limit_days, c.matter, c.reason, " \
  "c.mode, c.channel, c.area, c.home_address, c.appointment_at, c.priority, " \
  "c.responsible_id, r.number, r.name, c.accepted_by, a.number, a.name, c.accepted_at, " \
  "c.handler_id, h.number, h.name, c.applied_at, c.limit_days, c.deadline, c.difficulty, " \
  "c.estimated_days, c.process_plan, c.analysis_confirmed, c.acceptance_notes, " \
  "c.refusal_reason, c.result, c.delivery, c.completed_at, c.archive_number, c.archived_at, " \
  "c.resume_by, c.parent_case_id, p.number, " \
  "c.remark, c.created_by, c.created_at, c.updated_at, c.version"
#define BB_CASE_TABLES \
  "FROM bb_case c JOIN client cl ON cl.id = c.client_id " \
  "LEFT JOIN catalogue_item ci ON ci.id = c.item_id " \
  "LEFT JOIN staff r ON r.id = c.responsible_id " \
  "LEFT JOIN staff a ON a.id = c.accepted_by " \
  "LEFT JOIN staff h ON h.id = c.handler_id " \
  "LEFT JOIN bb_case p ON p.id = c.parent_case_id "

/* The detail is one statement with one text cell, a JSON array:
 *
 *   [case, materials, departments, events, suspensions, reassignments,
 *    handovers, evaluations, rectifications, follow_ups, holidays]
 *
 * the case a flat array of BB_CASE_COLUMNS, every other member an array of
 * rows, each a flat array of the values below. Through libgda each
 * statement costs ~70 µs and each cell ~0.5 µs: eleven statements made the
 * detail of a case ten times slower than the same reads on the SQLite C
 * API; one statement and one cell keep it within a small factor.
 *
 * The orders are those the detail promises: materials by position, the
 * timeline newest first, everything else in the order it was written, the
 * holiday calendar by day. On SQLite a list is ordered in a subquery that
 * json_group_array() reads (an aggregate's subquery with ORDER BY is not
 * flattened, so the rows arrive in order), and json() keeps the list JSON
 * rather than a string when it is nested; PostgreSQL orders inside
 * json_agg(). A converted case's converted_to is taken from its timeline. */

#define BB_CASE_DETAIL_LIST_SQLITE(values, select) \
  "json((SELECT json_group_array(json_array(" values ")) FROM (" select ")))"
#define BB_CASE_DETAIL_LIST_PG(values, order, from) \
  "(SELECT COALESCE(json_agg(json_build_array(" values ") ORDER BY " order "), '[]'::json) " \
  from ")"

#define BB_CASE_DETAIL_SQLITE \
  "SELECT json_array(json_array(" BB_CASE_COLUMNS "), " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, position, name, form, copies, how_to_obtain, present, note", \
    "SELECT id, position, name, form, copies, how_to_obtain, present, note " \
    "FROM case_material WHERE case_id = c.id ORDER BY position, id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, name, status, note, updated_at", \
    "SELECT id, name, status, note, updated_at " \
    "FROM case_department WHERE case_id = c.id ORDER BY id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, at, staff_id, staff_number, staff_name, kind, from_state, to_state, body, data", \
    "SELECT e.id, e.at, e.staff_id, s.number AS staff_number, s.name AS staff_name, e.kind, " \
    "e.from_state, e.to_state, e.body, e.data " \
    "FROM case_event e LEFT JOIN staff s ON s.id = e.staff_id " \
    "WHERE e.case_id = c.id ORDER BY e.at DESC, e.id DESC") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, reason, note, suspended_on, resume_by, resumed_on, terminated, staff_id", \
    "SELECT id, reason, note, suspended_on, resume_by, resumed_on, terminated, staff_id " \
    "FROM suspension WHERE case_id = c.id ORDER BY id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, from_staff, from_number, from_name, to_staff, to_number, to_name, reason, " \
    "client_told, at, by_staff", \
    "SELECT ra.id, ra.from_staff, f.number AS from_number, f.name AS from_name, ra.to_staff, " \
    "t.number AS to_number, t.name AS to_name, ra.reason, ra.client_told, ra.at, ra.by_staff " \
    "FROM reassignment ra LEFT JOIN staff f ON f.id = ra.from_staff " \
    "LEFT JOIN staff t ON t.id = ra.to_staff WHERE ra.case_id = c.id ORDER BY ra.id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, items, received_by, at, staff_id", \
    "SELECT id, items, received_by, at, staff_id " \
    "FROM handover WHERE case_id = c.id ORDER BY id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, level, comment, channel, integrity_ok, at, staff_id", \
    "SELECT id, level, comment, channel, integrity_ok, at, staff_id " \
    "FROM evaluation WHERE case_id = c.id ORDER BY id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, evaluation_id, state, deadline, responsible_id, measures, return_visit, " \
    "return_visit_at, created_at", \
    "SELECT id, evaluation_id, state, deadline, responsible_id, measures, return_visit, " \
    "return_visit_at, created_at FROM rectification WHERE case_id = c.id ORDER BY id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "id, at, staff_id, body", \
    "SELECT id, at, staff_id, body FROM follow_up WHERE case_id = c.id ORDER BY id") ", " \
  BB_CASE_DETAIL_LIST_SQLITE ( \
    "day, kind", \
    "SELECT day, kind FROM holiday ORDER BY day") \
  ") " BB_CASE_TABLES

#define BB_CASE_DETAIL_PG \
  "SELECT json_build_array(json_build_array(" BB_CASE_COLUMNS "), " \
  BB_CASE_DETAIL_LIST_PG ( \
    "m.id, m.position, m.name, m.form, m.copies, m.how_to_obtain, m.present, m.note", \
    "m.position, m.id", \
    "FROM case_material m WHERE m.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "d.id, d.name, d.status, d.note, d.updated_at", \
    "d.id", \
    "FROM case_department d WHERE d.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "e.id, e.at, e.staff_id, s.number, s.name, e.kind, e.from_state, e.to_state, e.body, " \
    "e.data", \
    "e.at DESC, e.id DESC", \
    "FROM case_event e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "su.id, su.reason, su.note, su.suspended_on, su.resume_by, su.resumed_on, " \
    "su.terminated, su.staff_id", \
    "su.id", \
    "FROM suspension su WHERE su.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "ra.id, ra.from_staff, f.number, f.name, ra.to_staff, t.number, t.name, ra.reason, " \
    "ra.client_told, ra.at, ra.by_staff", \
    "ra.id", \
    "FROM reassignment ra LEFT JOIN staff f ON f.id = ra.from_staff " \
    "LEFT JOIN staff t ON t.id = ra.to_staff WHERE ra.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "ho.id, ho.items, ho.received_by, ho.at, ho.staff_id", \
    "ho.id", \
    "FROM handover ho WHERE ho.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "ev.id, ev.level, ev.comment, ev.channel, ev.integrity_ok, ev.at, ev.staff_id", \
    "ev.id", \
    "FROM evaluation ev WHERE ev.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "re.id, re.evaluation_id, re.state, re.deadline, re.responsible_id, re.measures, " \
    "re.return_visit, re.return_visit_at, re.created_at", \
    "re.id", \
    "FROM rectification re WHERE re.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "fu.id, fu.at, fu.staff_id, fu.body", \
    "fu.id", \
    "FROM follow_up fu WHERE fu.case_id = c.id") ", " \
  BB_CASE_DETAIL_LIST_PG ( \
    "hd.day, hd.kind", \
    "hd.day", \
    "FROM holiday hd") \
  ")::text " BB_CASE_TABLES

BbCaseDetail *bb_case_detail_from_json (const char     *json,
                                        const BbActor  *actor,
                                        GError        **error);

G_END_DECLS
