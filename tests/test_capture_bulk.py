"""Changing many people at once: select_people, bulk_update (one transaction, a backup,
categories added not replaced, deleted people untouched) and undo_bulk (exact)."""

from __future__ import annotations

import pytest

from infoview_lib.capture import bulk_update, select_people, undo_bulk
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact


def people(wb):
    return wb.add_many([
        Contact(first_name="Ada", last_name="Example", organization="Acme"),
        Contact(first_name="Bo", last_name="Chen", organization=" acme ", categories=["friend"],
                tie_strength="often"),
        Contact(first_name="Cy", last_name="Adams", organization="Northwind"),
        Contact(first_name="Di", last_name="Gone", organization="Acme"),
    ])


def test_select_by_search_without_category_and_organization(wb):
    ada, bo, cy, di = people(wb)
    wb.delete_contact(di.id)
    assert [c.id for c in select_people(wb)] == [ada.id, bo.id, cy.id]
    assert [c.id for c in select_people(wb, search="  AD ")] == [ada.id, cy.id]
    assert [c.id for c in select_people(wb, without_category=True)] == [ada.id, cy.id]
    assert [c.id for c in select_people(wb, organization="ACME")] == [ada.id, bo.id]
    assert [c.id for c in select_people(wb, search="a", without_category=True,
                                        organization="acme")] == [ada.id]


def test_bulk_update_adds_category_keeps_others_and_sets_tie(wb):
    ada, bo, cy, _ = people(wb)
    backups = set(wb.backups_dir.glob("*.sqlite")) if wb.backups_dir.exists() else set()
    change = bulk_update(wb, [ada.id, bo.id], add_category="co-worker", tie_strength="rarely")
    assert change.changed == 2 and change.selected == 2
    assert wb.get(Contact, ada.id).categories == ["co-worker"]
    assert wb.get(Contact, bo.id).categories == ["friend", "co-worker"]  # added, not replaced
    assert wb.get(Contact, bo.id).tie_strength == "rarely"
    assert wb.get(Contact, cy.id).categories == []  # not chosen
    new = set(wb.backups_dir.glob("*.sqlite")) - backups
    assert [p.name.split(".")[-2] for p in new] == ["bulk-edit"]
    assert "Changed 2 people" in change.message and "'co-worker'" in change.message


def test_only_a_tie_strength_leaves_categories_alone(wb):
    ada, bo, *_ = people(wb)
    change = bulk_update(wb, [ada.id, bo.id], tie_strength="occasionally")
    assert [wb.get(Contact, i).categories for i in (ada.id, bo.id)] == [[], ["friend"]]
    assert {wb.get(Contact, i).tie_strength for i in (ada.id, bo.id)} == {"occasionally"}
    assert change.changed == 2


def test_deleted_and_unknown_people_are_untouched(wb):
    ada, _, _, di = people(wb)
    wb.delete_contact(di.id)
    before = wb.get(Contact, di.id)
    change = bulk_update(wb, [ada.id, di.id, 9999], add_category="classmate")
    assert change.changed == 1 and change.selected == 1
    assert wb.get(Contact, di.id) == before


def test_undo_restores_exactly(wb):
    people(wb)
    before = {c.id: c for c in wb.contacts(include_deleted=True)}
    change = bulk_update(wb, list(before), add_category="co-worker", tie_strength="often")
    assert change.changed == 4
    assert undo_bulk(wb, change) == 4
    assert {c.id: c for c in wb.contacts(include_deleted=True)} == before  # updated_at too


def test_undo_leaves_someone_edited_since_alone(wb):
    ada, bo, *_ = people(wb)
    change = bulk_update(wb, [ada.id, bo.id], add_category="club")
    wb.update(Contact, ada.id, categories=["club", "friend"])
    assert undo_bulk(wb, change) == 1
    assert wb.get(Contact, ada.id).categories == ["club", "friend"]
    assert wb.get(Contact, bo.id).categories == ["friend"]


def test_nothing_to_change_writes_nothing_and_says_so(wb):
    _, bo, *_ = people(wb)
    stamp = wb.get(Contact, bo.id).updated_at
    change = bulk_update(wb, [bo.id], add_category="friend", tie_strength="often")
    assert change.changed == 0
    assert change.message.startswith("Nothing changed: the person chosen already had")
    assert wb.get(Contact, bo.id).updated_at == stamp
    assert not wb.backups_dir.exists() or not list(wb.backups_dir.glob("*bulk-edit*"))


def test_empty_selection_or_no_choice_is_refused_with_a_clear_message(wb):
    ada, *_ = people(wb)
    snapshot = wb.to_json()
    with pytest.raises(ValidationError, match="Nobody is chosen, so nothing changed"):
        bulk_update(wb, [], add_category="friend")
    with pytest.raises(ValidationError, match="Pick a part of life or how often you talk"):
        bulk_update(wb, [ada.id])
    with pytest.raises(ValidationError, match="not a part of life here; pick one of: classmate"):
        bulk_update(wb, [ada.id], add_category="martian")
    with pytest.raises(ValidationError, match="not a tie strength"):
        bulk_update(wb, [ada.id], tie_strength="daily")
    assert wb.to_json() == snapshot


def test_one_transaction_all_or_nothing(wb, monkeypatch):
    ada, bo, cy, _ = people(wb)
    real_update = wb.update
    calls = []

    def failing_update(cls, record_id, **changes):
        calls.append(record_id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_update(cls, record_id, **changes)

    monkeypatch.setattr(wb, "update", failing_update)
    with pytest.raises(RuntimeError):
        bulk_update(wb, [ada.id, bo.id, cy.id], add_category="club")
    monkeypatch.undo()
    assert [c.categories for c in wb.contacts()[:3]] == [[], ["friend"], []]
