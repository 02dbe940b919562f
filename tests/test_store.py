"""The workbook store: records, validation, soft delete, backups, JSON round trip, schema."""

from __future__ import annotations

import json
import sqlite3

import pytest

from infoview_lib.workbook import schema
from infoview_lib.workbook.errors import (
    NotFound,
    ValidationError,
    WorkbookCorrupt,
    WorkbookError,
    WorkbookExists,
    WorkbookNotFound,
    WorkbookTooNew,
)
from infoview_lib.workbook.model import Contact, Meeting, Outreach, Target, Tie
from infoview_lib.workbook.store import BACKUPS_KEPT, create_workbook, open_workbook


def test_add_get_update_keeps_every_field(wb):
    ada = wb.add(Contact(first_name=" Ada ", last_name="Lovelace", emails=["a@example.com"],
                         categories=["Friend"], tie_strength="often", can_refer=True))
    assert ada.id is not None and ada.first_name == "Ada" and ada.categories == ["friend"]
    assert wb.get(Contact, ada.id) == ada
    changed = wb.update(Contact, ada.id, title="Analyst", phones=["+1 555 0100"])
    assert wb.get(Contact, ada.id) == changed
    assert changed.title == "Analyst" and changed.can_refer is True


def test_invalid_values_are_refused_with_a_hint(wb):
    with pytest.raises(ValidationError, match="often, occasionally, rarely"):
        wb.add(Contact(first_name="Bo", tie_strength="weekly"))
    with pytest.raises(ValidationError, match="needs a name"):
        Contact(first_name="  ")
    with pytest.raises(ValidationError, match="industry, company or field"):
        Target(name="X", kind="planet")
    ada = wb.add(Contact(first_name="Ada"))
    with pytest.raises(ValidationError):
        wb.update(Contact, ada.id, tie_strength="daily")
    assert wb.get(Contact, ada.id).tie_strength == ""


def test_missing_record_is_not_found(wb):
    with pytest.raises(NotFound):
        wb.get(Contact, 99)


def test_delete_and_undo(wb):
    ada = wb.add(Contact(first_name="Ada"))
    wb.delete_contact(ada.id)
    assert wb.contacts() == [] and len(wb.contacts(include_deleted=True)) == 1
    wb.undo_delete_contact(ada.id)
    assert [c.name for c in wb.contacts()] == ["Ada"]
    assert any(p.name.endswith(".delete.sqlite") for p in wb.backups_dir.iterdir())


def test_only_the_last_backups_are_kept(wb):
    wb.add(Contact(first_name="Ada"))
    for _ in range(BACKUPS_KEPT + 3):
        wb.backup("test")
    copies = list(wb.backups_dir.glob("*.sqlite"))
    assert len(copies) == BACKUPS_KEPT
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1


def test_find_contact(wb):
    wb.add_many([Contact(first_name="Ada", last_name="Lovelace"),
                 Contact(first_name="Ada", last_name="Byron")])
    assert wb.find_contact("ada lovelace").last_name == "Lovelace"
    assert wb.find_contact("byron").last_name == "Byron"
    with pytest.raises(ValidationError, match="several"):
        wb.find_contact("Ada")
    with pytest.raises(NotFound):
        wb.find_contact("Grace")


def test_json_round_trip_is_exact(maya, tmp_path):
    person = maya.contacts()[0]
    maya.add(Outreach(contact_id=person.id, status="sent", parts={"ask": "20 minutes?"},
                      history=[["sent", "2026-11-20"]]))
    maya.add(Meeting(contact_id=person.id, starts_at="2026-12-01T15:00",
                     timezone="Europe/London", checklist={"confirm": True}))
    maya.set_setting("goals", {"kinds": ["field"], "learn": "how teams work — ünïcode"})
    data = maya.to_json()
    text = json.dumps(data, ensure_ascii=False)
    other = open_workbook(tmp_path / "other.sqlite")
    other.restore_json(json.loads(text))
    assert other.to_json() == data
    assert other.contacts()[0] == person


def test_restore_refuses_other_json_and_changes_nothing(maya):
    before = maya.to_json()
    with pytest.raises(ValidationError, match="not an infoview backup"):
        maya.restore_json({"contacts": []})
    damaged = dict(before, contacts=[{"first_name": ""}])
    with pytest.raises(ValidationError, match="nothing was changed"):
        maya.restore_json(damaged)
    assert maya.to_json() == before


def test_restore_backs_up_first(maya, tmp_path):
    count = len(maya.contacts())
    maya.restore_json({"format": "infoview-workbook", "schema_version": 1})
    assert maya.contacts() == []
    copy = next(maya.backups_dir.glob("*.restore.sqlite"))
    with open_workbook(copy) as old:
        assert len(old.contacts()) == count


def test_ties_are_stored_in_order_and_refuse_self(wb):
    a, b = wb.add_many([Contact(first_name="A"), Contact(first_name="B")])
    tie = wb.add(Tie(a=b.id, b=a.id))
    assert (tie.a, tie.b) == (a.id, b.id)
    with pytest.raises(ValidationError):
        Tie(a=a.id, b=a.id)


def test_transaction_rolls_back_everything(wb):
    with pytest.raises(ValidationError):
        with wb.transaction():
            wb.add(Contact(first_name="Kept?"))
            wb.add(Contact(first_name="Bad", tie_strength="never"))
    assert wb.contacts() == []


def test_open_missing_without_create(tmp_path):
    with pytest.raises(WorkbookNotFound, match="infoview init"):
        open_workbook(tmp_path / "none.sqlite", create=False)


def test_not_a_workbook_is_reported(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(WorkbookCorrupt, match="not a readable infoview workbook"):
        open_workbook(bad)
    assert bad.read_bytes().startswith(b"these are my notes")


def test_create_refuses_to_overwrite_unless_forced(tmp_path):
    path = tmp_path / "w.sqlite"
    with create_workbook(path) as wb:
        wb.add(Contact(first_name="Ada"))
    with pytest.raises(WorkbookExists, match="--force"):
        create_workbook(path)
    with create_workbook(path, force=True) as wb:
        assert wb.contacts() == []
    backups = list((tmp_path / "backups").glob("*.replaced.sqlite"))
    assert len(backups) == 1


def test_forward_migration_runs_once_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "w.sqlite"
    with open_workbook(path) as wb:
        wb.add(Contact(first_name="Ada"))
    extra = schema.MIGRATIONS + ["CREATE TABLE example_v2 (id INTEGER PRIMARY KEY)"]
    conn = sqlite3.connect(path, isolation_level=None)
    assert schema.migrate(conn, extra) == 2
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert schema.migrate(conn, extra) == 2  # a second run changes nothing
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    conn.close()
    with pytest.raises(WorkbookTooNew, match="Update infoview"):
        open_workbook(path)


def test_model_fields_match_table_columns(wb):
    from infoview_lib.workbook.model import RECORD_TYPES

    for cls in RECORD_TYPES:
        cols = [r[1] for r in wb._conn.execute(f"PRAGMA table_info({cls.table})")]
        assert cols == cls.columns(), cls.__name__


def test_a_locked_workbook_says_it_is_locked(wb):
    other = sqlite3.connect(wb.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    wb._conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(WorkbookError, match="locked by another program"):
            wb.add(Contact(first_name="Ada"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not wb._conn.in_transaction
    assert wb.add(Contact(first_name="Ada")).id


def test_a_failed_commit_rolls_back_and_leaves_no_transaction(wb):
    ada = wb.add(Contact(first_name="Ada"))
    with pytest.raises(ValidationError, match="nothing was changed"):
        with wb.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            wb.add(Outreach(contact_id=ada.id + 100))  # checked only at COMMIT
    assert not wb._conn.in_transaction and wb.list(Outreach) == []


def test_opening_a_current_workbook_writes_nothing(tmp_path):
    path = tmp_path / "w.sqlite"
    open_workbook(path).close()
    before = path.stat().st_mtime_ns, path.read_bytes()
    with open_workbook(path) as wb:
        assert wb.contacts() == []
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
