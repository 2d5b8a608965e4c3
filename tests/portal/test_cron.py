"""Every command of deploy/crontab may run twice, or twice at once (a slow run overlapping the next,
a second host): each reminder is queued once, and the commands leave the same rows."""

import datetime
import re
import shlex
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from ehrenamt.forms import at
from intern.faelle.models import Aufgabenerinnerung
from portal.models import Mail
from tests import factories

# The commands write in their own transactions, as under cron: real transactions.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def cron_commands():
    """The manage.py commands of deploy/crontab, with their arguments."""
    crontab = (settings.BASE_DIR / "deploy" / "crontab").read_text()
    return [shlex.split(line) for line in re.findall(r"^[\d*/,\- ]+\$MANAGE (.+)$", crontab, re.MULTILINE)]


def test_the_crontab_names_the_reminders():
    names = [command[0] for command in cron_commands()]
    assert {"send_shift_reminders", "send_case_task_reminders", "purge_mails"} <= set(names)


@pytest.fixture
def due(settings):
    """The production queue (mails wait in the database), a case worker with a task due today and
    a volunteer with a shift tomorrow."""
    settings.TASKS = {**settings.TASKS, "mails": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = factories.case_worker()
    fall = factories.FallFactory(bearbeitende=[worker])
    factories.FallMassnahmeFactory(fall=fall, verantwortlich=worker, faellig_am=timezone.localdate())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    schicht = factories.SchichtFactory(beginn=at(tomorrow, datetime.time(10)), ende=at(tomorrow, datetime.time(12)))
    factories.EinsatzFactory(schicht=schicht)


def run(command):
    call_command(*command, stdout=StringIO(), stderr=StringIO())


def queued():
    return Counter(Mail.objects.values_list("kind", flat=True))


EXPECTED = Counter({"AufgabenFaellig": 1, "SchichtErinnerung": 1})


def test_every_cron_command_run_twice_queues_each_reminder_once(due):
    for _round in range(2):
        for command in cron_commands():
            run(command)
    assert queued() == EXPECTED
    assert Aufgabenerinnerung.objects.count() == 1


def test_every_cron_command_run_twice_at_once_queues_each_reminder_once(due):
    commands = cron_commands()
    start = threading.Barrier(2)

    def run_all():
        try:
            start.wait()
            for command in commands:
                run(command)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(run_all) for _ in range(2)]:
            future.result()
    assert queued() == EXPECTED
    assert Aufgabenerinnerung.objects.count() == 1


def test_the_case_task_reminder_comes_again_the_next_day_while_the_task_is_due(due, time_machine):
    call_command("send_case_task_reminders", stdout=StringIO())
    call_command("send_case_task_reminders", stdout=StringIO())
    time_machine.move_to(timezone.now() + datetime.timedelta(days=1))
    call_command("send_case_task_reminders", stdout=StringIO())
    assert queued()["AufgabenFaellig"] == 2
    # yesterday's claim is gone: the table holds one row per worker at most
    assert list(Aufgabenerinnerung.objects.values_list("datum", flat=True)) == [timezone.localdate()]


def test_a_reminder_that_could_not_be_queued_is_sent_by_the_next_run(due, monkeypatch):
    from intern.faelle import emails

    def broken(self):
        raise RuntimeError("template missing")

    with monkeypatch.context() as patch:
        patch.setattr(emails.AufgabenFaellig, "send", broken)
        with pytest.raises(RuntimeError):
            call_command("send_case_task_reminders", stdout=StringIO())
    assert not Aufgabenerinnerung.objects.exists()  # the claim went with the failed transaction
    call_command("send_case_task_reminders", stdout=StringIO())
    assert queued()["AufgabenFaellig"] == 1
