/* bb-wizard-page.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of a BbWizard: its content, its title in the step indicator,
 * whether its input is complete and valid (Next is sensitive only then), and
 * how its forward button reads (“Next”, or “Accept”, “Register”…).
 */

#define G_LOG_DOMAIN "bb-wizard-page"

#include "config.h"

#include "bb-wizard-page.h"

struct _BbWizardPage
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  char      *title;
  char      *next_label;
  guint      complete : 1;
  guint      destructive : 1;
  guint      can_go_back : 1;
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbWizardPage, bb_wizard_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

enum {
  PROP_0,
  PROP_CHILD,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_NEXT_LABEL,
  PROP_DESTRUCTIVE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

/* g_set_str() is GLib 2.76 */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
bb_wizard_page_add_child (GtkBuildable *buildable,
                          GtkBuilder   *builder,
                          GObject      *child,
                          const char   *type)
{
  if (GTK_IS_WIDGET (child))
    bb_wizard_page_set_child (BB_WIZARD_PAGE (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = bb_wizard_page_add_child;
}

static void
bb_wizard_page_dispose (GObject *object)
{
  BbWizardPage *self = BB_WIZARD_PAGE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (bb_wizard_page_parent_class)->dispose (object);
}

static void
bb_wizard_page_finalize (GObject *object)
{
  BbWizardPage *self = BB_WIZARD_PAGE (object);

  g_free (self->title);
  g_free (self->next_label);

  G_OBJECT_CLASS (bb_wizard_page_parent_class)->finalize (object);
}

static void
bb_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbWizardPage *self = BB_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_NEXT_LABEL:
      g_value_set_string (value, self->next_label);
      break;

    case PROP_DESTRUCTIVE:
      g_value_set_boolean (value, self->destructive);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->can_go_back);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbWizardPage *self = BB_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      bb_wizard_page_set_child (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      bb_wizard_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      bb_wizard_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_NEXT_LABEL:
      bb_wizard_page_set_next_label (self, g_value_get_string (value));
      break;

    case PROP_DESTRUCTIVE:
      bb_wizard_page_set_destructive (self, g_value_get_boolean (value));
      break;

    case PROP_CAN_GO_BACK:
      bb_wizard_page_set_can_go_back (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_wizard_page_class_init (BbWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_wizard_page_dispose;
  object_class->finalize = bb_wizard_page_finalize;
  object_class->get_property = bb_wizard_page_get_property;
  object_class->set_property = bb_wizard_page_set_property;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbWizardPage:title:
   *
   * What the step indicator calls the step (short: “Client”, “Matter”).
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbWizardPage:complete:
   *
   * Whether everything the step asks for is there and valid.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbWizardPage:next-label:
   *
   * The forward button's label on this step, with a mnemonic; %NULL for
   * “Next” (or “Finish” on the last step).
   */
  properties[PROP_NEXT_LABEL] =
    g_param_spec_string ("next-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbWizardPage:destructive:
   *
   * Whether going forward from this step is destructive (refusing a
   * commission): the button is styled so.
   */
  properties[PROP_DESTRUCTIVE] =
    g_param_spec_boolean ("destructive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbWizardPage:can-go-back:
   *
   * Whether Back is offered on this step (not once what the wizard did is
   * in the database).
   */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wizardpage");
}

static void
bb_wizard_page_init (BbWizardPage *self)
{
  self->can_go_back = TRUE;
}

BbWizardPage *
bb_wizard_page_new (const char *name,
                    const char *title,
                    GtkWidget  *child)
{
  return g_object_new (BB_TYPE_WIZARD_PAGE, "name", name, "title", title, "child", child, NULL);
}

GtkWidget *
bb_wizard_page_get_child (BbWizardPage *self)
{
  g_return_val_if_fail (BB_IS_WIZARD_PAGE (self), NULL);

  return self->child;
}

void
bb_wizard_page_set_child (BbWizardPage *self,
                          GtkWidget    *child)
{
  g_return_if_fail (BB_IS_WIZARD_PAGE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

const char *
bb_wizard_page_get_title (BbWizardPage *self)
{
  g_return_val_if_fail (BB_IS_WIZARD_PAGE (self), NULL);

  return self->title;
}

void
bb_wizard_page_set_title (BbWizardPage *self,
                          const char   *title)
{
  g_return_if_fail (BB_IS_WIZARD_PAGE (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
bb_wizard_page_get_complete (BbWizardPage *self)
{
  g_return_val_if_fail (BB_IS_WIZARD_PAGE (self), FALSE);

  return self->complete;
}

void
bb_wizard_page_set_complete (BbWizardPage *self,
                             gboolean      complete)
{
  g_return_if_fail (BB_IS_WIZARD_PAGE (self));

  if (self->complete == !!complete)
    return;
  self->complete = !!complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

const char *
bb_wizard_page_get_next_label (BbWizardPage *self)
{
  g_return_val_if_fail (BB_IS_WIZARD_PAGE (self), NULL);

  return self->next_label;
}

void
bb_wizard_page_set_next_label (BbWizardPage *self,
                               const char   *label)
{
  g_return_if_fail (BB_IS_WIZARD_PAGE (self));

  if (set_string (&self->next_label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_LABEL]);
}

gboolean
bb_wizard_page_get_destructive (BbWizardPage *self)
{
  g_return_val_if_fail (BB_IS_WIZARD_PAGE (self), FALSE);

  return self->destructive;
}

void
bb_wizard_page_set_destructive (BbWizardPage *self,
                                gboolean      destructive)
{
  g_return_if_fail (BB_IS_WIZARD_PAGE (self));

  if (self->destructive == !!destructive)
    return;
  self->destructive = !!destructive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTRUCTIVE]);
}

gboolean
bb_wizard_page_get_can_go_back (BbWizardPage *self)
{
  g_return_val_if_fail (BB_IS_WIZARD_PAGE (self), FALSE);

  return self->can_go_back;
}

void
bb_wizard_page_set_can_go_back (BbWizardPage *self,
                                gboolean      can_go_back)
{
  g_return_if_fail (BB_IS_WIZARD_PAGE (self));

  if (self->can_go_back == !!can_go_back)
    return;
  self->can_go_back = !!can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}
