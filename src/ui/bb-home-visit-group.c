/* bb-home-visit-group.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where and when to visit a client at home (上门服务, § 服务方式: 对行动困难的
 * 老年人、残障人士等特殊群体提供上门帮办代办服务): the address, and the
 * appointment's date (typed, or picked from a calendar) and time, in the
 * time zone of record. Each field says beside it what is wrong with it.
 */

#define G_LOG_DOMAIN "bb-home-visit-group"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bb-clock.h"
#include "bb-error.h"
#include "bb-field.h"
#include "bb-home-visit-group.h"
#include "bb-validate.h"

#define ADDRESS_MAX_CHARS 200
#define TOUCHED_KEY       "bb-touched"

struct _BbHomeVisitGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwEntryRow         *address_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  GtkCalendar         *calendar;
  GtkMenuButton       *calendar_button;
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (BbHomeVisitGroup, bb_home_visit_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
touched (AdwEntryRow *row)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    g_object_set_data (G_OBJECT (row), TOUCHED_KEY, GINT_TO_POINTER (TRUE));
  return g_object_get_data (G_OBJECT (row), TOUCHED_KEY) != NULL;
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_auto(GStrv) parts = NULL;
  char *end;
  gint64 h, m;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit_set (text, ":：", 3);
  if (g_strv_length (parts) != 2 || *parts[0] == '\0' || *parts[1] == '\0')
    return FALSE;
  h = g_ascii_strtoll (parts[0], &end, 10);
  if (*end != '\0')
    return FALSE;
  m = g_ascii_strtoll (parts[1], &end, 10);
  if (*end != '\0' || strlen (parts[1]) != 2)
    return FALSE;
  if (h < 0 || h > 23 || m < 0 || m > 59)
    return FALSE;
  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

/* The appointment as an instant, or 0 while the date or time is not valid. */
static gint64
appointment (BbHomeVisitGroup *self)
{
  g_autofree char *date_text = bb_field_dup_text (GTK_WIDGET (self->date_row));
  g_autofree char *time_text = bb_field_dup_text (GTK_WIDGET (self->time_row));
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) when = NULL;
  GDate date;
  int hour, minute;

  if (date_text == NULL || !bb_validate_date (date_text, &date, NULL) ||
      !parse_time (time_text, &hour, &minute))
    return 0;
  when = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, minute, 0);
  return when != NULL ? g_date_time_to_unix (when) * G_USEC_PER_SEC : 0;
}

/**
 * bb_home_visit_group_validate:
 *
 * Checks the fields and shows beside each what is wrong with it.
 *
 * Returns: whether the address, date and time are there, valid, and the
 *   appointment is still to come
 */
gboolean
bb_home_visit_group_validate (BbHomeVisitGroup *self)
{
  g_autofree char *address = bb_field_dup_text (GTK_WIDGET (self->address_row));
  g_autofree char *date_text = bb_field_dup_text (GTK_WIDGET (self->date_row));
  g_autofree char *time_text = bb_field_dup_text (GTK_WIDGET (self->time_row));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  gboolean date_ok = FALSE;
  GDate date;
  int hour, minute;

  g_return_val_if_fail (BB_IS_HOME_VISIT_GROUP (self), FALSE);

  if (!bb_validate_text (_("Visit address"), address, TRUE, ADDRESS_MAX_CHARS, &error))
    {
      ok = FALSE;
      if (address == NULL && !touched (self->address_row))
        g_clear_error (&error);
    }
  bb_field_set_error (GTK_WIDGET (self->address_row), error);
  g_clear_error (&error);

  if (date_text == NULL)
    {
      ok = FALSE;
      if (touched (self->date_row))
        bb_set_field_error (&error, _("Appointment date"), _("is required for a home visit"));
    }
  else if (!bb_validate_date (date_text, &date, NULL))
    {
      ok = FALSE;
      bb_set_field_error (&error, _("Appointment date"),
                          _("should be a real date written as YYYY-MM-DD, such as 2026-03-02"));
    }
  else
    date_ok = TRUE;
  bb_field_set_error (GTK_WIDGET (self->date_row), error);
  g_clear_error (&error);

  if (time_text == NULL)
    {
      ok = FALSE;
      if (touched (self->time_row))
        bb_set_field_error (&error, _("Appointment time"), _("is required for a home visit"));
    }
  else if (!parse_time (time_text, &hour, &minute))
    {
      ok = FALSE;
      bb_set_field_error (&error, _("Appointment time"),
                          _("should be hours and minutes, such as 09:30 or 14:00"));
    }
  else if (date_ok && appointment (self) <= bb_clock_now_usec ())
    {
      ok = FALSE;
      bb_set_field_error (&error, _("Appointment time"), _("has already passed"));
    }
  bb_field_set_error (GTK_WIDGET (self->time_row), error);

  return ok;
}

static void
row_changed_cb (BbHomeVisitGroup *self)
{
  if (self->updating)
    return;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
day_selected_cb (BbHomeVisitGroup *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static AdwEntryRow *
add_entry_row (BbHomeVisitGroup *self,
               const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return ADW_ENTRY_ROW (row);
}

static void
bb_home_visit_group_class_init (BbHomeVisitGroupClass *klass)
{
  /**
   * BbHomeVisitGroup::changed:
   *
   * Something was typed or picked.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bb_home_visit_group_init (BbHomeVisitGroup *self)
{
  GtkWidget *popover;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Home Visit"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Where and when staff visit the client. Agree on "
                                           "the time with the client or their family."));

  self->address_row = add_entry_row (self, _("Visit _Address (required)"));
  self->date_row = add_entry_row (self, _("Appointment _Date, as 2026-03-02 (required)"));
  self->time_row = add_entry_row (self, _("Appointment _Time, as 09:30 (required)"));
  adw_entry_row_set_input_purpose (self->time_row, GTK_INPUT_PURPOSE_DIGITS);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->calendar_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->calendar_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->calendar_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->calendar_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->calendar_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar_button), _("Pick the Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick the Date"), -1);
  adw_entry_row_add_suffix (self->date_row, GTK_WIDGET (self->calendar_button));
}

GtkWidget *
bb_home_visit_group_new (void)
{
  return g_object_new (BB_TYPE_HOME_VISIT_GROUP, NULL);
}

char *
bb_home_visit_group_dup_address (BbHomeVisitGroup *self)
{
  g_return_val_if_fail (BB_IS_HOME_VISIT_GROUP (self), NULL);

  return bb_field_dup_text (GTK_WIDGET (self->address_row));
}

/**
 * bb_home_visit_group_get_appointment:
 *
 * Returns: the appointment, µs since the epoch; 0 while it is not valid
 */
gint64
bb_home_visit_group_get_appointment (BbHomeVisitGroup *self)
{
  g_return_val_if_fail (BB_IS_HOME_VISIT_GROUP (self), 0);

  return appointment (self);
}

/**
 * bb_home_visit_group_dup_appointment_text:
 *
 * Returns: (transfer full): the appointment as typed: “2026-03-02 09:30”
 */
char *
bb_home_visit_group_dup_appointment_text (BbHomeVisitGroup *self)
{
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;

  g_return_val_if_fail (BB_IS_HOME_VISIT_GROUP (self), NULL);

  date_text = bb_field_dup_text (GTK_WIDGET (self->date_row));
  time_text = bb_field_dup_text (GTK_WIDGET (self->time_row));
  return g_strdup_printf ("%s %s", date_text != NULL ? date_text : "",
                          time_text != NULL ? time_text : "");
}

JsonObject *
bb_home_visit_group_save (BbHomeVisitGroup *self)
{
  JsonObject *data;

  g_return_val_if_fail (BB_IS_HOME_VISIT_GROUP (self), NULL);

  data = json_object_new ();
  json_object_set_string_member (data, "address",
                                 gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  json_object_set_string_member (data, "date",
                                 gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  json_object_set_string_member (data, "time",
                                 gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  return data;
}

void
bb_home_visit_group_restore (BbHomeVisitGroup *self,
                             JsonObject       *data)
{
  g_return_if_fail (BB_IS_HOME_VISIT_GROUP (self));
  g_return_if_fail (data != NULL);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         json_object_get_string_member_with_default (data, "address", ""));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         json_object_get_string_member_with_default (data, "date", ""));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row),
                         json_object_get_string_member_with_default (data, "time", ""));
  self->updating = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}
