/* bb-wizard.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the two wizards share (DESIGN.md § Screens, Wizards): a modal window
 * with Back and Next (or Finish) in the header bar, a step indicator under
 * it, one BbWizardPage per step in a GtkStack that crossfades. Next is
 * sensitive only while the visible page says it is complete; Back only
 * changes which page is shown, so no input is ever lost.
 *
 * Every change the subclass reports with bb_wizard_changed() is kept in a
 * BbDraftStore (one draft per wizard kind), so that closing the window, or a
 * crash, loses nothing: bb_wizard_restore_draft() puts the input back and
 * walks forward to the step the user was on, as far as the restored input
 * is complete. Once the wizard's work is in the database the subclass calls
 * bb_wizard_lock(): the draft goes, and Back with it.
 *
 * Subclasses add their pages as <child> objects of their template.
 */

#define G_LOG_DOMAIN "bb-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-clock.h"
#include "bb-draft-store.h"
#include "bb-wizard.h"

typedef struct
{
  BbDatabase      *database;
  BbActor         *actor;
  char            *draft_kind;
  BbDraftStore    *drafts;
  GCancellable    *cancellable;

  GPtrArray       *pages;        /* BbWizardPage, in order */
  GPtrArray       *step_buttons; /* GtkButton, one per page */
  int              restore_target;
  guint            busy : 1;
  guint            locked : 1;
  guint            restoring : 1;

  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkWidget       *next_button;
  GtkLabel        *next_label;
  GtkSpinner      *next_spinner;
  GtkBox          *steps_box;
  GtkRevealer     *message_revealer;
  GtkWidget       *message_box;
  GtkLabel        *message_label;
  GtkWidget       *start_over_button;
  GtkStack        *stack;
} BbWizardPrivate;

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (BbWizard, bb_wizard, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (BbWizard)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ACTOR,
  PROP_DRAFT_KIND,
  PROP_BUSY,
  PROP_PAGE_NAME,
  N_PROPS
};

enum {
  CASE_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

static void update_navigation (BbWizard *self);

static int
page_index (BbWizard     *self,
            BbWizardPage *page)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  guint index;

  /* During dispose, the pages may still say they changed. */
  if (priv->pages == NULL)
    return -1;
  if (page != NULL && g_ptr_array_find (priv->pages, page, &index))
    return (int) index;
  return -1;
}

static void
show_page (BbWizard *self,
           guint     index)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  BbWizardPage *page;

  g_assert (index < priv->pages->len);

  page = g_ptr_array_index (priv->pages, index);
  bb_wizard_show_error (self, NULL);
  gtk_stack_set_visible_child (priv->stack, GTK_WIDGET (page));
  update_navigation (self);
  if (BB_WIZARD_GET_CLASS (self)->page_shown != NULL)
    BB_WIZARD_GET_CLASS (self)->page_shown (self, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_NAME]);

  /* The page the user is on is part of the draft. */
  bb_wizard_changed (self);

  /* Focus the first thing to fill in, not the button just pressed. */
  gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

/* After a draft is restored: walk forward to the page the user was on, as
 * far as each page on the way is complete (some fill in from threads). */
static void
advance_to_restore_target (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  while (priv->restore_target >= 0)
    {
      BbWizardPage *page = bb_wizard_get_page (self);
      int index = page_index (self, page);

      if (index >= priv->restore_target)
        {
          priv->restore_target = -1;
          break;
        }
      if (!bb_wizard_page_get_complete (page))
        break;
      show_page (self, (guint) index + 1);
    }
}

static void
update_navigation (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  BbWizardPage *page = bb_wizard_get_page (self);
  int index = page_index (self, page);
  guint n_pages = priv->pages != NULL ? priv->pages->len : 0;
  const char *label;
  gboolean last;
  g_autofree char *subtitle = NULL;

  if (page == NULL || index < 0)
    return;

  last = (guint) index + 1 == n_pages;
  label = bb_wizard_page_get_next_label (page);
  if (label == NULL)
    label = last ? _("_Finish") : _("_Next");
  gtk_label_set_text_with_mnemonic (priv->next_label, label);
  gtk_widget_set_visible (GTK_WIDGET (priv->next_spinner), priv->busy);
  gtk_spinner_set_spinning (priv->next_spinner, priv->busy);

  if (bb_wizard_page_get_destructive (page))
    {
      gtk_widget_remove_css_class (priv->next_button, "suggested-action");
      gtk_widget_add_css_class (priv->next_button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (priv->next_button, "destructive-action");
      gtk_widget_add_css_class (priv->next_button, "suggested-action");
    }

  gtk_widget_set_visible (priv->back_button,
                          index > 0 && !priv->locked && bb_wizard_page_get_can_go_back (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 index > 0 && !priv->busy && !priv->locked &&
                                 bb_wizard_page_get_can_go_back (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 !priv->busy && bb_wizard_page_get_complete (page));
  gtk_widget_set_sensitive (GTK_WIDGET (priv->stack), !priv->busy);

  /* Translators: the header bar's subtitle: “Step 2 of 5: Matter” */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), (guint) index + 1, n_pages,
                              bb_wizard_page_get_title (page));
  adw_window_title_set_subtitle (priv->window_title, subtitle);

  for (guint i = 0; i < priv->step_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (priv->step_buttons, i);

      gboolean clickable;

      gtk_widget_remove_css_class (button, "current");
      gtk_widget_remove_css_class (button, "done");
      gtk_widget_remove_css_class (button, "upcoming");
      if ((int) i == index)
        gtk_widget_add_css_class (button, "current");
      else if ((int) i < index)
        gtk_widget_add_css_class (button, "done");
      else
        gtk_widget_add_css_class (button, "upcoming");
      /* Earlier steps can be revisited: it is Back, several times. The
       * others are not insensitive (greyed out), just not clickable. */
      clickable = (int) i < index && !priv->busy && !priv->locked &&
                  bb_wizard_page_get_can_go_back (page);
      gtk_widget_set_can_target (button, clickable);
      gtk_widget_set_focusable (button, clickable);
      if ((int) i == index)
        gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED,
                                     TRUE, -1);
      else
        gtk_accessible_reset_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED);
    }
}

static void
page_changed_cb (BbWizard     *self,
                 GParamSpec   *pspec,
                 BbWizardPage *page)
{
  if (page != bb_wizard_get_page (self))
    return;
  update_navigation (self);
  if (g_strcmp0 (pspec->name, "complete") == 0)
    advance_to_restore_target (self);
}

static void
step_title_changed_cb (GtkLabel     *label,
                       GParamSpec   *pspec,
                       BbWizardPage *page)
{
  gtk_label_set_text (label, bb_wizard_page_get_title (page));
}

static void
step_clicked_cb (GtkButton *button,
                 BbWizard  *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  guint index;

  if (!g_ptr_array_find (priv->step_buttons, button, &index))
    return;
  priv->restore_target = -1;
  if ((int) index < page_index (self, bb_wizard_get_page (self)))
    show_page (self, index);
}

static void
add_page (BbWizard     *self,
          BbWizardPage *page)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  g_autofree char *number = g_strdup_printf ("%u", priv->pages->len + 1);
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *number_label;
  GtkWidget *title_label;

  g_ptr_array_add (priv->pages, page);
  gtk_stack_add_named (priv->stack, GTK_WIDGET (page), gtk_widget_get_name (GTK_WIDGET (page)));
  g_signal_connect_object (page, "notify", G_CALLBACK (page_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (priv->pages->len > 1)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_widget_add_css_class (arrow, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                      -1);
      gtk_box_append (priv->steps_box, arrow);
    }

  number_label = gtk_label_new (number);
  gtk_widget_add_css_class (number_label, "wizard-step-number");
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  title_label = gtk_label_new (bb_wizard_page_get_title (page));
  g_signal_connect_object (page, "notify::title", G_CALLBACK (step_title_changed_cb),
                           title_label, G_CONNECT_SWAPPED);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title_label);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "wizard-step");
  gtk_widget_set_can_target (button, FALSE);
  gtk_widget_set_focusable (button, FALSE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked_cb), self, 0);
  gtk_box_append (priv->steps_box, button);
  g_ptr_array_add (priv->step_buttons, button);

  update_navigation (self);
}

static void
bb_wizard_buildable_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (BB_IS_WIZARD_PAGE (child))
    add_page (BB_WIZARD (buildable), BB_WIZARD_PAGE (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = bb_wizard_buildable_add_child;
}

static void
draft_save_failed_cb (BbWizard     *self,
                      const GError *error)
{
  g_autofree char *message =
    g_strdup_printf (_("Your input could not be kept as a draft: %s. Finish the wizard, or "
                       "keep the window open."), error->message);

  bb_wizard_show_error (self, message);
}

static void
message_close_clicked_cb (BbWizard *self)
{
  bb_wizard_show_error (self, NULL);
}

/* The user would rather not continue the draft: forget it and empty the
 * pages (restoring nothing is what the subclasses take as a reset). */
static void
start_over_clicked_cb (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  g_autoptr(JsonObject) nothing = json_object_new ();

  bb_wizard_discard_draft (self);
  bb_wizard_show_error (self, NULL);
  priv->restore_target = -1;
  priv->restoring = TRUE;
  BB_WIZARD_GET_CLASS (self)->restore_draft (self, nothing);
  priv->restoring = FALSE;
  if (priv->pages->len > 0)
    show_page (self, 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbWizard *self = BB_WIZARD (widget);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  priv->restore_target = -1;
  bb_wizard_go_back (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbWizard *self = BB_WIZARD (widget);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  BbWizardPage *page = bb_wizard_get_page (self);
  int index = page_index (self, page);

  if (page == NULL || priv->busy || !bb_wizard_page_get_complete (page))
    return;

  priv->restore_target = -1;
  bb_wizard_show_error (self, NULL);
  if ((guint) index + 1 == priv->pages->len)
    BB_WIZARD_GET_CLASS (self)->finish (self);
  else
    BB_WIZARD_GET_CLASS (self)->forward (self, page);
}

static void
bb_wizard_real_forward (BbWizard     *self,
                        BbWizardPage *page)
{
  bb_wizard_go_next (self);
}

static void
bb_wizard_real_finish (BbWizard *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
bb_wizard_close_request (GtkWindow *window)
{
  BbWizard *self = BB_WIZARD (window);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  /* Saving through core: wait for it, or the draft and the database could
   * disagree about whether the case exists. */
  if (priv->busy)
    return TRUE;

  if (priv->drafts != NULL && bb_draft_store_get_pending (priv->drafts))
    {
      g_autoptr(GError) error = NULL;

      if (!bb_draft_store_flush (priv->drafts, &error))
        {
          draft_save_failed_cb (self, error);
          /* Keep the window: closing now would lose the input. Closing
           * again closes anyway, as the user has been told. */
          g_clear_object (&priv->drafts);
          return TRUE;
        }
    }

  return GTK_WINDOW_CLASS (bb_wizard_parent_class)->close_request (window);
}

static void
bb_wizard_constructed (GObject *object)
{
  BbWizard *self = BB_WIZARD (object);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  G_OBJECT_CLASS (bb_wizard_parent_class)->constructed (object);

  if (priv->draft_kind != NULL)
    {
      priv->drafts = bb_draft_store_new (priv->draft_kind);
      g_signal_connect_object (priv->drafts, "save-failed", G_CALLBACK (draft_save_failed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  adw_window_title_set_title (priv->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  if (priv->pages->len > 0)
    {
      gtk_stack_set_visible_child (priv->stack, g_ptr_array_index (priv->pages, 0));
      update_navigation (self);
    }
}

static void
bb_wizard_dispose (GObject *object)
{
  BbWizard *self = BB_WIZARD (object);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  /* Disposing flushes a pending draft. */
  g_clear_object (&priv->drafts);

  /* The template's widgets are all inside the window's content, which the
   * window disposes; gtk_widget_dispose_template() is for direct children,
   * and GTK 4.8's asserts on a parent class's template once a subclass's
   * has been disposed. The auto-child references go with the object. */

  g_clear_pointer (&priv->pages, g_ptr_array_unref);
  g_clear_pointer (&priv->step_buttons, g_ptr_array_unref);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (bb_wizard_parent_class)->dispose (object);
}

static void
bb_wizard_finalize (GObject *object)
{
  BbWizard *self = BB_WIZARD (object);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  /* Kept until now: callbacks of threads check it to know the window went. */
  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->actor, bb_actor_free);
  g_free (priv->draft_kind);

  G_OBJECT_CLASS (bb_wizard_parent_class)->finalize (object);
}

static void
bb_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BbWizard *self = BB_WIZARD (object);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, priv->actor);
      break;

    case PROP_DRAFT_KIND:
      g_value_set_string (value, priv->draft_kind);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy);
      break;

    case PROP_PAGE_NAME:
      g_value_set_string (value, bb_wizard_get_page_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_wizard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BbWizard *self = BB_WIZARD (object);
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      priv->actor = g_value_dup_boxed (value);
      break;

    case PROP_DRAFT_KIND:
      priv->draft_kind = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_wizard_class_init (BbWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bb_wizard_constructed;
  object_class->dispose = bb_wizard_dispose;
  object_class->finalize = bb_wizard_finalize;
  object_class->get_property = bb_wizard_get_property;
  object_class->set_property = bb_wizard_set_property;
  window_class->close_request = bb_wizard_close_request;
  klass->forward = bb_wizard_real_forward;
  klass->finish = bb_wizard_real_finish;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, BB_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BbWizard:actor:
   *
   * Who is signed in: the one who registers or accepts.
   */
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, BB_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BbWizard:draft-kind:
   *
   * The name of the wizard's draft (a #BbDraftStore kind), %NULL for none.
   */
  properties[PROP_DRAFT_KIND] =
    g_param_spec_string ("draft-kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BbWizard:busy:
   *
   * Whether the wizard waits for core (saving): navigation is off.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BbWizard:page-name:
   *
   * The name of the visible step.
   */
  properties[PROP_PAGE_NAME] =
    g_param_spec_string ("page-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbWizard::case-created:
   * @number: the new case's number
   *
   * The wizard has stored a case (it may still show its last step, such as
   * the slip's preview): open it in the dashboard.
   */
  signals[CASE_CREATED] =
    g_signal_new ("case-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangban/Bangban/bb-wizard.ui");
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, back_button);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, next_button);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, next_label);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, next_spinner);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, steps_box);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, message_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, message_box);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, message_label);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, start_over_button);
  gtk_widget_class_bind_template_child_private (widget_class, BbWizard, stack);
  gtk_widget_class_bind_template_callback (widget_class, message_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_over_clicked_cb);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (BB_TYPE_WIZARD_PAGE);
}

static void
bb_wizard_init (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  priv->pages = g_ptr_array_new ();
  priv->step_buttons = g_ptr_array_new ();
  priv->cancellable = g_cancellable_new ();
  priv->restore_target = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "wizard");
}

BbDatabase *
bb_wizard_get_database (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), NULL);

  return priv->database;
}

const BbActor *
bb_wizard_get_actor (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), NULL);

  return priv->actor;
}

/**
 * bb_wizard_get_cancellable:
 *
 * Returns: (transfer none): cancelled when the window goes: for the
 *   subclass's threads
 */
GCancellable *
bb_wizard_get_cancellable (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), NULL);

  return priv->cancellable;
}

BbWizardPage *
bb_wizard_get_page (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  GtkWidget *child;

  g_return_val_if_fail (BB_IS_WIZARD (self), NULL);

  if (priv->stack == NULL)
    return NULL;
  child = gtk_stack_get_visible_child (priv->stack);
  return BB_IS_WIZARD_PAGE (child) ? BB_WIZARD_PAGE (child) : NULL;
}

const char *
bb_wizard_get_page_name (BbWizard *self)
{
  BbWizardPage *page = bb_wizard_get_page (self);

  return page != NULL ? gtk_widget_get_name (GTK_WIDGET (page)) : NULL;
}

guint
bb_wizard_get_page_index (BbWizard *self)
{
  g_return_val_if_fail (BB_IS_WIZARD (self), 0);

  return (guint) MAX (page_index (self, bb_wizard_get_page (self)), 0);
}

guint
bb_wizard_get_n_pages (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), 0);

  return priv->pages->len;
}

/**
 * bb_wizard_go_next:
 *
 * Shows the next page (what the forward button does by default).
 */
void
bb_wizard_go_next (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  int index;

  g_return_if_fail (BB_IS_WIZARD (self));

  index = page_index (self, bb_wizard_get_page (self));
  if (index >= 0 && (guint) index + 1 < priv->pages->len)
    show_page (self, (guint) index + 1);
}

/**
 * bb_wizard_go_back:
 *
 * Shows the previous page. Every page keeps what was entered in it.
 */
void
bb_wizard_go_back (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  BbWizardPage *page;
  int index;

  g_return_if_fail (BB_IS_WIZARD (self));

  page = bb_wizard_get_page (self);
  index = page_index (self, page);
  if (index > 0 && !priv->busy && !priv->locked && bb_wizard_page_get_can_go_back (page))
    show_page (self, (guint) index - 1);
}

gboolean
bb_wizard_get_busy (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), FALSE);

  return priv->busy;
}

/**
 * bb_wizard_set_busy:
 *
 * While busy (saving through core), the pages and Back and Next are
 * insensitive, Next shows a spinner, and the window cannot be closed.
 */
void
bb_wizard_set_busy (BbWizard *self,
                    gboolean  busy)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_if_fail (BB_IS_WIZARD (self));

  if (priv->busy == !!busy)
    return;
  priv->busy = !!busy;
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * bb_wizard_show_error:
 * @message: (nullable): what went wrong, or %NULL to take the message away
 *
 * Shows an error that belongs to no single field (the database could not
 * be reached…) above the page. The input stays as it is.
 */
void
bb_wizard_show_error (BbWizard   *self,
                      const char *message)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_if_fail (BB_IS_WIZARD (self));

  if (priv->message_label == NULL)
    return;
  if (message != NULL)
    {
      gtk_label_set_text (priv->message_label, message);
      gtk_widget_remove_css_class (priv->message_box, "info");
      gtk_widget_add_css_class (priv->message_box, "error");
      gtk_widget_set_visible (priv->start_over_button, FALSE);
    }
  gtk_revealer_set_reveal_child (priv->message_revealer, message != NULL);
}

static void
show_draft_notice (BbWizard *self,
                   gint64    saved_at)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (saved_at / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) tz = bb_clock_get_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autofree char *message = NULL;

  /* Translators: %s is when the draft was saved: “2026-03-02 10:32” */
  message = g_strdup_printf (_("You are continuing what you entered before (kept at %s)."), when);
  gtk_label_set_text (priv->message_label, message);
  gtk_widget_remove_css_class (priv->message_box, "error");
  gtk_widget_add_css_class (priv->message_box, "info");
  gtk_widget_set_visible (priv->start_over_button, TRUE);
  gtk_revealer_set_reveal_child (priv->message_revealer, TRUE);
}

/**
 * bb_wizard_get_error:
 *
 * Returns: (nullable): the error shown above the page
 */
const char *
bb_wizard_get_error (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), NULL);

  if (!gtk_revealer_get_reveal_child (priv->message_revealer) ||
      !gtk_widget_has_css_class (priv->message_box, "error"))
    return NULL;
  return gtk_label_get_text (priv->message_label);
}

/**
 * bb_wizard_changed:
 *
 * The input changed: keep it in the draft (soon, not at every key press).
 */
void
bb_wizard_changed (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(JsonObject) data = NULL;

  g_return_if_fail (BB_IS_WIZARD (self));

  if (priv->drafts == NULL || priv->locked || priv->restoring ||
      BB_WIZARD_GET_CLASS (self)->save_draft == NULL)
    return;

  input = BB_WIZARD_GET_CLASS (self)->save_draft (self);
  if (input == NULL)
    return;

  data = json_object_new ();
  json_object_set_string_member (data, "page", bb_wizard_get_page_name (self));
  if (priv->actor != NULL && priv->actor->number != NULL)
    json_object_set_string_member (data, "staff", priv->actor->number);
  if (json_object_has_member (input, "summary"))
    json_object_set_string_member (data, "summary",
                                   json_object_get_string_member (input, "summary"));
  json_object_set_object_member (data, "input", json_object_ref (input));
  bb_draft_store_queue_save (priv->drafts, data);
}

/**
 * bb_wizard_lock:
 *
 * What the wizard did is in the database: the draft is removed and no
 * longer kept, and Back is gone (the remaining steps only show the result).
 */
void
bb_wizard_lock (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_if_fail (BB_IS_WIZARD (self));

  bb_wizard_discard_draft (self);
  priv->locked = TRUE;
  priv->restore_target = -1;
  update_navigation (self);
}

gboolean
bb_wizard_get_locked (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  g_return_val_if_fail (BB_IS_WIZARD (self), FALSE);

  return priv->locked;
}

/**
 * bb_wizard_restore_draft:
 *
 * Puts the draft's input back and goes to the step the user was on (as
 * far as the steps before it are complete).
 *
 * Returns: whether there was a draft; %FALSE with @error set when there was
 *   one that could not be read
 */
gboolean
bb_wizard_restore_draft (BbWizard  *self,
                         GError   **error)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  g_autoptr(JsonObject) data = NULL;
  JsonObject *input;
  const char *page_name;
  gint64 saved_at = 0;

  g_return_val_if_fail (BB_IS_WIZARD (self), FALSE);

  if (priv->drafts == NULL || BB_WIZARD_GET_CLASS (self)->restore_draft == NULL)
    return FALSE;

  data = bb_draft_store_load (priv->drafts, &saved_at, error);
  if (data == NULL)
    return FALSE;

  input = json_object_get_object_member (data, "input");
  if (input == NULL)
    return FALSE;

  priv->restoring = TRUE;
  BB_WIZARD_GET_CLASS (self)->restore_draft (self, input);
  priv->restoring = FALSE;

  page_name = json_object_get_string_member_with_default (data, "page", NULL);
  priv->restore_target = -1;
  for (guint i = 0; page_name != NULL && i < priv->pages->len; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (priv->pages, i)), page_name) == 0)
        priv->restore_target = (int) i;
    }
  advance_to_restore_target (self);
  show_draft_notice (self, saved_at);
  return TRUE;
}

/**
 * bb_wizard_discard_draft:
 *
 * Removes the draft (the wizard's work is done, or the user chose to start
 * again).
 */
void
bb_wizard_discard_draft (BbWizard *self)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BB_IS_WIZARD (self));

  if (priv->drafts != NULL && !bb_draft_store_discard (priv->drafts, &error))
    g_message ("%s", error->message);
}

void
bb_wizard_emit_case_created (BbWizard   *self,
                             const char *number)
{
  g_return_if_fail (BB_IS_WIZARD (self));
  g_return_if_fail (number != NULL);

  g_signal_emit (self, signals[CASE_CREATED], 0, number);
}

typedef struct
{
  BbWizard *wizard;
  char     *kind;
  BbClient *client;
  char     *number;
} Stored;

static void
stored_free (Stored *stored)
{
  g_clear_object (&stored->wizard);
  g_free (stored->kind);
  g_clear_pointer (&stored->client, bb_client_free);
  g_free (stored->number);
  g_free (stored);
}

/* The window is gone (the application quit while saving): put the number
 * into the draft file itself, or the next start would store it all again. */
static void
patch_draft_file (Stored *stored)
{
  g_autoptr(BbDraftStore) store = bb_draft_store_new (stored->kind);
  g_autoptr(JsonObject) data = bb_draft_store_load (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *input;

  if (data == NULL || (input = json_object_get_object_member (data, "input")) == NULL)
    return;
  json_object_set_string_member (input, "number", stored->number);
  if (stored->client != NULL)
    {
      JsonObject *client = json_object_new ();

      json_object_set_string_member (client, "mode", "find");
      json_object_set_int_member (client, "client_id", stored->client->id);
      json_object_set_object_member (input, "client", client);
    }
  if (!bb_draft_store_save (store, data, &error))
    g_message ("%s", error->message);
}

static gboolean
case_stored_cb (gpointer user_data)
{
  Stored *stored = user_data;
  BbWizard *self = stored->wizard;
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);

  if (g_cancellable_is_cancelled (priv->cancellable))
    {
      if (stored->kind != NULL)
        patch_draft_file (stored);
      return G_SOURCE_REMOVE;
    }

  if (BB_WIZARD_GET_CLASS (self)->case_stored != NULL)
    BB_WIZARD_GET_CLASS (self)->case_stored (self, stored->client, stored->number);
  if (!priv->locked)
    {
      g_autoptr(GError) error = NULL;

      bb_wizard_changed (self);
      if (priv->drafts != NULL && !bb_draft_store_flush (priv->drafts, &error))
        draft_save_failed_cb (self, error);
    }
  return G_SOURCE_REMOVE;
}

/**
 * bb_wizard_report_case_stored:
 * @client: (nullable): the client, when the commit added it (its id set)
 * @number: the case's number
 *
 * Called from the thread that saves through core, as soon as the case is
 * created: the main thread records it (#BbWizardClass.case_stored) and
 * writes the draft at once. Saving is several transactions; if the program
 * stops before the last, the draft that comes back knows the case exists.
 */
void
bb_wizard_report_case_stored (BbWizard       *self,
                              const BbClient *client,
                              const char     *number)
{
  BbWizardPrivate *priv = bb_wizard_get_instance_private (self);
  Stored *stored;

  g_return_if_fail (BB_IS_WIZARD (self));
  g_return_if_fail (number != NULL);

  stored = g_new0 (Stored, 1);
  stored->wizard = g_object_ref (self);
  stored->kind = g_strdup (priv->draft_kind);
  stored->client = client != NULL ? bb_client_copy (client) : NULL;
  stored->number = g_strdup (number);
  g_main_context_invoke_full (NULL, G_PRIORITY_HIGH, case_stored_cb, stored,
                              (GDestroyNotify) stored_free);
}

/**
 * bb_wizard_draft_exists:
 * @kind: a wizard's draft kind
 * @summary: (out) (optional) (transfer full): what the draft is about, for
 *   the offer to continue it (“王小明 · 企业设立登记”), or %NULL
 *
 * Reads the draft file (small, local) to see whether there is one to offer.
 *
 * Returns: whether a readable draft of @kind is kept
 */
gboolean
bb_wizard_draft_exists (const char  *kind,
                        char       **summary)
{
  g_autoptr(BbDraftStore) store = bb_draft_store_new (kind);
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;

  if (summary != NULL)
    *summary = NULL;

  data = bb_draft_store_load (store, NULL, &error);
  if (error != NULL)
    g_message ("%s", error->message);
  if (data == NULL || !json_object_has_member (data, "input"))
    return FALSE;

  if (summary != NULL)
    *summary = g_strdup (json_object_get_string_member_with_default (data, "summary", NULL));
  return TRUE;
}

/**
 * bb_wizard_draft_discard:
 *
 * Removes the draft of @kind (the user declined to continue it).
 */
void
bb_wizard_draft_discard (const char *kind)
{
  g_autoptr(BbDraftStore) store = bb_draft_store_new (kind);
  g_autoptr(GError) error = NULL;

  if (!bb_draft_store_discard (store, &error))
    g_message ("%s", error->message);
}
