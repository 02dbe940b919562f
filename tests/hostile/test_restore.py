"""Item 10: `restore` checks every field of a backup against the schema. Malformed and
tampered backups are refused in one line, the workbook is left exactly as it was, and no
transaction stays open (other processes can still write)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date

import pytest
from hostile_cli import one_line_error, run_cli

from infoview_lib.classroom.walkthrough import walk_through
from infoview_lib.cli import main
from infoview_lib.followthrough import INTEREST
from infoview_lib.outreach.drafts import CHANNELS
from infoview_lib.questions import PHASES
from infoview_lib.workbook import backup_check
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook

MALFORMED = {
    "not json": b"\x00\x01PK garbage",
    "utf-16": json.dumps({"format": "infoview-workbook"}).encode("utf-16"),
    "a list": b"[1, 2, 3]",
    "deep nesting": b"[" * 200_000 + b"]" * 200_000,
    "5000-digit number": b'{"format": "infoview-workbook", "schema_version": ' + b"9" * 5000 + b"}",
    "other format": b'{"format": "something-else"}',
    "version as text": b'{"format": "infoview-workbook", "schema_version": "1"}',
    "newer version": b'{"format": "infoview-workbook", "schema_version": 999}',
    "contacts not a list": b'{"format": "infoview-workbook", "schema_version": 1, "contacts": {}}',
    "contact is text": b'{"format": "infoview-workbook", "schema_version": 1, "contacts": ["x"]}',
    "contact without id": b'{"format": "infoview-workbook", "schema_version": 1, '
                          b'"contacts": [{"first_name": "Ada"}]}',
    "emails as text": b'{"format": "infoview-workbook", "schema_version": 1, '
                      b'"contacts": [{"id": 1, "first_name": "Ada", "emails": "a@x"}]}',
    "settings a list": b'{"format": "infoview-workbook", "schema_version": 1, "settings": []}',
}


def _tamper(data: dict, table: str, **changes) -> dict:
    out = copy.deepcopy(data)
    out[table][0].update(changes)
    return out


def _tampered(good: dict) -> dict[str, dict]:
    other = copy.deepcopy(good)
    other["ties"].append({**other["ties"][0], "id": 999_999})  # same pair and kind twice
    return {
        "markup phase": _tamper(good, "questions", phase="<img src=x onerror=alert(1)>"),
        "unknown status": _tamper(good, "outreach", status="hacked"),
        "unknown channel": _tamper(good, "outreach", channel="fax"),
        "unknown zone": _tamper(good, "meetings", timezone="Mars/Olympus_Mons"),
        "endless meeting": _tamper(good, "meetings", duration_minutes=99_999_999_999),
        "start not a date": _tamper(good, "meetings", starts_at="next tuesday"),
        "sent_on not a date": _tamper(good, "outreach", sent_on="31/02/2024"),
        "history date": _tamper(good, "outreach", history=[["sent", "2024-02-31"]]),
        "video link CRLF": _tamper(good, "meetings",
                                   video_link="https://x.example/a\r\nATTENDEE:evil"),
        "missing contact": _tamper(good, "outreach", contact_id=424242),
        "motivation 99": _tamper(good, "targets", motivation=99),
        "bad interest": _tamper(good, "meetings", debrief={"still_interested": "<b>maybe"}),
        "bad salt": {**good, "settings": {**good["settings"], "anonymize_salt": "zz"}},
        "duplicate tie": other,
    }


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    """A workbook after a whole persona journey, and its good JSON backup."""
    root = tmp_path_factory.mktemp("restore")
    book = root / "workbook.sqlite"
    with open_workbook(book) as wb:
        load_persona(wb, "maya")
        assert walk_through(wb, today=date(2026, 11, 2))
        good = wb.to_json()
    assert good["questions"] and good["meetings"] and good["ties"]
    return book, good


def test_the_enumerations_copied_into_the_check_match_their_homes():
    assert backup_check.CHANNELS == CHANNELS and backup_check.PHASES == PHASES
    assert set(backup_check.INTEREST) == set(INTEREST) | {""}


def test_a_good_backup_restores_exactly(journey, tmp_path):
    _, good = journey
    path = tmp_path / "good.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    target = tmp_path / "copy.sqlite"
    proc = run_cli("restore", path, "--yes", workbook=target)
    assert proc.returncode == 0, proc.stderr
    with open_workbook(target) as wb:
        assert wb.to_json() == good


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_backup_is_refused_in_one_line(journey, tmp_path, capsys, case):
    book, good = journey
    path = tmp_path / "bad.json"
    path.write_bytes(MALFORMED[case])
    assert main(["restore", str(path), "--yes", "--workbook", str(book)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nothing was changed" in err.lower(), err
    with open_workbook(book) as wb:
        assert wb.to_json() == good


def test_tampered_backups_are_refused_and_leave_no_transaction_open(journey, tmp_path):
    book, good = journey
    cases = _tampered(good)
    with open_workbook(book) as wb:  # as a notebook would: one connection, kept open
        for case, data in cases.items():
            with pytest.raises(ValidationError):
                wb.restore_json(data)
            assert not wb._conn.in_transaction, case
        assert wb.to_json() == good
        # another process can write at once (a left-open transaction would lock it out)
        code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=2); "
                "c.execute('PRAGMA busy_timeout = 2000'); "
                "c.execute('INSERT INTO settings VALUES (\"probe\", \"1\")'); c.commit()")
        subprocess.run([sys.executable, "-c", code, str(book)], check=True, timeout=30)
        assert wb.setting("probe") == 1


def test_tampered_backup_through_the_command_is_one_line(journey, tmp_path):
    book, good = journey
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(_tampered(good)["endless meeting"]), encoding="utf-8")
    line = one_line_error(run_cli("restore", path, "--yes", workbook=book))
    assert "meetings record 1" in line
    with open_workbook(book) as wb:
        assert wb.to_json()["meetings"] == good["meetings"]
