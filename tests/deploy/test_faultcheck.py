"""deploy/faultcheck.py (run by hand against a real gunicorn, not in CI): its rows repeat the issue's
fault table, and its arguments select them. No server is started here."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "faultcheck.py"


@pytest.fixture(scope="module")
def faultcheck():
    spec = importlib.util.spec_from_file_location("faultcheck", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_rows_repeat_the_fault_table_and_each_has_a_check(faultcheck):
    faults = [row.fault for row in faultcheck.ROWS]
    for fault in [
        "SMTP refuses",
        "SMTP hangs",
        "Redis stopped",
        "Redis hangs",
        "Redis back with its old data",
        "Restore of a backup",
        "PostgreSQL connections killed",
        "Worker killed during an upload",
        "Media folder read-only",
        "Media folder full",
        "SQLite under production settings",
        "Cron twice",
    ]:
        assert fault in faults
    assert any(fault.startswith("Load") for fault in faults)
    assert set(faultcheck.ROW_CHECKS) == set(faultcheck.ROW_KEYS)
    assert [row.key for row in faultcheck.ROWS if row.needs_root] == ["media-read-only", "media-full"]


def test_every_row_runs_by_default_and_rows_can_be_chosen(faultcheck):
    assert faultcheck.parse_args([]).rows == faultcheck.ROW_KEYS
    chosen = faultcheck.parse_args(["--rows", "redis-hangs,smtp-refuses", "--port", "9000"])
    assert chosen.rows == ["smtp-refuses", "redis-hangs"]  # in the table's order
    assert chosen.port == 9000


def test_an_unknown_row_is_refused(faultcheck, capsys):
    with pytest.raises(SystemExit):
        faultcheck.parse_args(["--rows", "smtp-refuses,meteor"])
    assert "unknown rows: meteor" in capsys.readouterr().err


def test_list_prints_the_rows_and_marks_those_that_need_root(faultcheck, capsys):
    assert faultcheck.main(["--list"]) == 0
    listing = capsys.readouterr().out
    assert "media-full             Media folder full  (root)" in listing
    assert "smtp-refuses           SMTP refuses\n" in listing


def test_the_cron_row_runs_the_commands_of_the_crontab(faultcheck):
    names = [command[0] for command in faultcheck.cron_commands()]
    assert {"send_shift_reminders", "send_case_task_reminders", "purge_submissions"} <= set(names)


def test_a_form_answer_counts_as_success_only_without_errors(faultcheck):
    answer = faultcheck.Answer
    assert faultcheck.answered_success(answer(302, {"Location": "/de/verein/antrag/danke/"}, "", 0.1))
    assert faultcheck.answered_success(answer(200, {}, "<p>Bitte prüfen Sie Ihre E-Mail</p>", 0.1))
    assert not faultcheck.answered_success(answer(200, {}, '<ul class="errorlist"><li>Pflichtfeld', 0.1))
    assert not faultcheck.answered_success(answer(500, {}, "Server Error", 0.1))
