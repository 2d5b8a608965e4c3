"""Notifications about the minutes go to members in the portal, not to the CMS.

Wagtail emails workflow steps with links into the CMS, which Beirat members do not use: for
minutes, those emails are replaced by portal emails in the reader's language.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, pre_delete
from wagtail.admin import signal_handlers as wagtail_admin_handlers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from portal.roles import BEIRAT_ROLES, BEIRAT_VORSITZ, users_with_role

from . import emails
from .models import Beiratsmitglied, Protokoll
from .services import mitglieder

WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", "task_submission_email_notifier"),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        "workflow_submission_email_notifier",
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        "workflow_rejection_email_notifier",
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        "workflow_approval_email_notifier",
    ),
]


def _workflow_state(instance):
    return instance.workflow_state if isinstance(instance, TaskState) else instance


def _protokoll(instance):
    """The minutes a workflow signal is about, or None."""
    state = _workflow_state(instance)
    if state is None or state.base_content_type_id != ContentType.objects.get_for_model(Protokoll).pk:
        return None
    return Protokoll.objects.select_related("sitzung").filter(pk=state.object_id).first()


def _except_minutes(notifier):
    def receiver(sender, **kwargs):
        if _protokoll(kwargs.get("instance")) is None:
            return notifier(sender=sender, **kwargs)
        return None

    return receiver


def minutes_submitted(sender, instance=None, **kwargs):
    protokoll = _protokoll(instance)
    if protokoll is None:
        return
    emails.ProtokollZurFreigabe(list(users_with_role(BEIRAT_VORSITZ)), protokoll=protokoll).send()


def minutes_decided(sender, instance=None, **kwargs):
    protokoll = _protokoll(instance)
    if protokoll is None:
        return
    task_state = instance.current_task_state
    freigegeben = instance.status == WorkflowState.STATUS_APPROVED
    emails.ProtokollEntschieden(
        instance.requested_by,
        protokoll=protokoll,
        freigegeben=freigegeben,
        kommentar=task_state.comment if task_state else "",
    ).send()
    if freigegeben:
        # Every member learns of it; who asked for the approval has just been told above.
        emails.ProtokollFreigegeben(list(mitglieder().exclude(pk=instance.requested_by_id)), protokoll=protokoll).send()


def forget_member(sender, instance, **kwargs):
    """A deleted account takes its Beirat member entry (name, organisation, consent) with it."""
    Beiratsmitglied.objects.filter(user=instance).delete()


def member_entry_follows_roles(sender, instance, action, pk_set=None, **kwargs):
    """Without any Beirat role the member's entry is inactive (no longer named on the public page)."""
    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, get_user_model()):
        return
    names = set(instance.groups.values_list("name", flat=True))
    Beiratsmitglied.objects.filter(user=instance).update(aktiv=bool(names & BEIRAT_ROLES))


def connect():
    for signal, sender, dispatch_uid, notifier_name in WAGTAIL_NOTIFIERS:
        notifier = getattr(wagtail_admin_handlers, notifier_name)
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(
            _except_minutes(notifier), sender=sender, dispatch_uid=f"{dispatch_uid}_except_minutes", weak=False
        )
    task_submitted.connect(minutes_submitted, sender=TaskState, dispatch_uid="beirat_minutes_submitted")
    workflow_approved.connect(minutes_decided, sender=WorkflowState, dispatch_uid="beirat_minutes_approved")
    workflow_rejected.connect(minutes_decided, sender=WorkflowState, dispatch_uid="beirat_minutes_rejected")
    pre_delete.connect(forget_member, sender=get_user_model(), dispatch_uid="beirat_forget_member")
    m2m_changed.connect(
        member_entry_follows_roles, sender=get_user_model().groups.through, dispatch_uid="beirat_roles_changed"
    )
