"""Every mail of the portal, by one mechanism.

A mail is one `Notification` subclass (each app keeps its own in `emails.py`): a template and
what it shows. It is rendered in each recipient's language (the account's preferred language,
else the language the form was sent in), its links point to that language and to the portal's
configured address, never a request's host. Rendered mails are stored (`Mail`) and queued; the
worker (`manage.py db_worker --backend mails`) delivers them and tries again with growing pauses
when the mail server refuses or hangs. Django's, allauth's and Wagtail's own mails take the same
way through `QueuedEmailBackend`. A stored submission therefore never depends on the mail server.
"""

import base64
import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django_tasks import task

from .models import Mail
from .seo import absolute
from .translation import language_of

logger = logging.getLogger(__name__)


def language_or_default(code):
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str = settings.LANGUAGE_CODE
    user: object = None

    @classmethod
    def of(cls, person):
        """An account (in its preferred language) or a Recipient as it is."""
        if isinstance(person, Recipient):
            return person
        if person is None or not person.is_active:
            return None
        return cls(person.email, language_or_default(person.preferred_language), person)

    @classmethod
    def of_address(cls, email, language=settings.LANGUAGE_CODE):
        """An address, in the preferred language of the account it belongs to, else in `language`."""
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        preferred = getattr(user, "preferred_language", "")
        return cls(email, language_or_default(preferred or language), user)

    @classmethod
    def of_submission(cls, email, language):
        """Whoever filled in a public form: their account's language if they have one, else the
        language they filled the form in."""
        return cls.of_address(email, language)


def link(viewname, *args):
    """A view of the portal in the active language (the recipient's while a mail is rendered)."""
    return absolute(reverse(viewname, args=args))


def page_link(page, route=None, *args):
    """A page in the active language. Slugs are German in every language, so an untranslated
    page is reached under the reader's prefix too and shows the German text with a notice."""
    language = _active_language()
    with translation.override(language_of(page)):  # translate_url reads the path in its own language
        path = translate_url(page.get_url_parts()[2], language)
    if route:
        path += page.reverse_subpage(route, args=args)
    return absolute(path)


def _active_language():
    return translation.get_language() or settings.LANGUAGE_CODE


class Notification:
    """One kind of mail. `template` names `<template>_subject.txt` and `<template>_body.txt`;
    `to` is an account, a `Recipient` or a list of them; keyword arguments go into the context.
    Override `get_context` for values that depend on the recipient's language (links, dates)."""

    template = ""

    def __init__(self, to, *, reply_to=None, **context):
        people = to if isinstance(to, list | tuple | set) else [to]
        self.recipients = [r for r in (Recipient.of(person) for person in people) if r and r.email]
        self.reply_to = [reply_to] if reply_to else []
        self.context = context

    def get_context(self, recipient):
        return dict(self.context)

    def attachments(self, recipient):
        """(file name, content, MIME type) triples."""
        return []

    def render(self, recipient):
        with translation.override(recipient.language):
            context = {"user": recipient.user, "recipient": recipient, **self.get_context(recipient)}
            subject = " ".join(render_to_string(f"{self.template}_subject.txt", context).split())
            body = render_to_string(f"{self.template}_body.txt", context)
            attachments = self.attachments(recipient)
        message = EmailMultiAlternatives(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, to=[recipient.email], reply_to=self.reply_to
        )
        for attachment in attachments:
            message.attach(*attachment)
        return message

    def send(self):
        """Store and queue one mail per recipient; returns how many were queued."""
        for recipient in self.recipients:
            queue(self.render(recipient), language=recipient.language, kind=type(self).__name__, user=recipient.user)
        return len(self.recipients)


def queue(message, *, language, kind, user=None):
    """Store the message, one mail per address so that a refused address stops no one else,
    and hand each to the worker. Inside a transaction, the task is stored with it."""
    stored = _stored(message)
    mails = []
    for address in message.recipients():
        mail = Mail.objects.create(
            kind=kind[:100], to=address, user=user, language=language, subject=message.subject, message=stored
        )
        deliver.enqueue(mail.pk)
        mails.append(mail)
    return mails


def _stored(message):
    return {
        "from": message.from_email,
        "body": message.body,
        "subtype": message.content_subtype,
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [
            [name, base64.b64encode(content.encode() if isinstance(content, str) else content).decode(), mimetype]
            for name, content, mimetype in message.attachments
        ],
    }


def _message(mail, connection):
    stored = mail.message
    message = EmailMultiAlternatives(
        mail.subject,
        stored["body"],
        stored["from"],
        [mail.to],
        connection=connection,
        reply_to=stored["reply_to"],
        headers=stored["headers"],
    )
    message.content_subtype = stored["subtype"]
    for content, mimetype in stored["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in stored["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task(backend="mails")
def deliver(mail_id):
    """Send one stored mail; on failure try again later, and after the last try mark it failed."""
    mail = Mail.objects.filter(pk=mail_id, status=Mail.Status.QUEUED).first()
    if mail is None:  # sent meanwhile, or deleted
        return
    try:
        connection = get_connection(settings.PORTAL_MAIL_DELIVERY_BACKEND)
        _message(mail, connection).send()
    except Exception as error:  # noqa: BLE001 - whatever the mail server does, the mail is kept and retried
        _retry_or_fail(mail, error)
    else:
        Mail.objects.filter(pk=mail.pk).update(
            status=Mail.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
        )


def _retry_or_fail(mail, error):
    mail.attempts += 1
    mail.last_error = _describe(error)
    pauses = settings.PORTAL_MAIL_RETRY_MINUTES
    if mail.attempts > len(pauses) or _permanent(error):
        mail.status = Mail.Status.FAILED
        mail.save(update_fields=["attempts", "last_error", "status"])
        logger.error("Mail %s (%s) failed after %s attempts: %s", mail.pk, mail.kind, mail.attempts, mail.last_error)
        return
    mail.save(update_fields=["attempts", "last_error"])
    logger.warning("Mail %s (%s) not sent, trying again: %s", mail.pk, mail.kind, mail.last_error)
    retry = deliver
    if deliver.get_backend().supports_defer:
        retry = deliver.using(run_after=timezone.now() + datetime.timedelta(minutes=pauses[mail.attempts - 1]))
    retry.enqueue(mail.pk)


def _describe(error):
    """The error without the address (SMTP answers name it): kept and logged in plain text."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in error.recipients.values()})
        return f"{type(error).__name__}: {', '.join(map(str, codes))}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__}: {error.smtp_code}"
    return f"{type(error).__name__}: {error}"[:500]


def _permanent(error):
    """The server said no for good (5xx for the address): asking again will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPAuthenticationError):  # a setting to fix, then it works again
        return False
    if isinstance(error, smtplib.SMTPConnectError):  # 5xx in the greeting: the server refuses service, not this mail
        return False
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def send_again(mail):
    """Staff retry a failed mail (CMS → Reports → Mails)."""
    Mail.objects.filter(pk=mail.pk).update(status=Mail.Status.QUEUED, attempts=0, last_error="")
    deliver.enqueue(mail.pk)


class QueuedEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND: mails from Django, allauth and Wagtail join the same queue."""

    def send_messages(self, email_messages):
        language = _active_language()
        return sum(bool(queue(message, language=language, kind="django")) for message in email_messages)
