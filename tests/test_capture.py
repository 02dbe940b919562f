"""Typing people in: quick add, the duplicate warning, and bulk paste with its preview."""

from __future__ import annotations

import pytest

from infoview_lib.capture import (
    add_bulk,
    preview_bulk,
    quick_add,
    similar_contacts,
    split_name,
)
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact


def test_quick_add_writes_at_once(wb):
    result = quick_add(wb, "  Ada   Example ", organization="Acme", title="CTO", category="friend")
    assert result.contact.id is not None
    stored = wb.contacts()
    assert [(c.first_name, c.last_name, c.organization, c.title, c.categories, c.sources)
            for c in stored] == [("Ada", "Example", "Acme", "CTO", ["friend"], ["typed"])]
    assert result.message == "Added Ada Example."


def test_quick_add_needs_a_name(wb):
    with pytest.raises(ValidationError, match="Type a name"):
        quick_add(wb, "   ")
    assert wb.contacts() == []


def test_exact_duplicate_is_refused_unless_asked(wb):
    quick_add(wb, "Dr. Ada Example")
    refused = quick_add(wb, "ada example, phd")
    assert refused.contact is None and len(wb.contacts()) == 1
    assert "already on your list" in refused.message
    again = quick_add(wb, "Ada Example", allow_duplicate=True)
    assert again.contact is not None and len(wb.contacts()) == 2
    assert "looks like" in again.message


def test_similar_name_is_added_with_a_warning(wb):
    quick_add(wb, "Jonathan Smith")
    result = quick_add(wb, "Jonathon Smith")
    assert result.contact is not None
    assert [c.name for c in result.similar] == ["Jonathan Smith"]
    assert "looks like Jonathan Smith" in result.message
    assert quick_add(wb, "Maria Lopez").similar == []


def test_similar_contacts_excludes_self():
    people = [Contact(id=1, first_name="Bo", last_name="Chen")]
    assert similar_contacts(people, "Bo Chen", exclude=1) == ([], [])
    assert similar_contacts(people, "") == ([], [])


def test_split_name():
    assert split_name("Mary Ann de la Cruz") == ("Mary", "Ann de la Cruz")
    assert split_name("Cher") == ("Cher", "")


def test_bulk_preview_flags_and_writes_nothing(wb):
    quick_add(wb, "Ada Example")
    text = ("Bo Chen, Northwind Solar, VP, Sales\n\nMs. Ada Example\nbo chen\n"
            ", Orphan Org\nZoë Ó Briain\tBlue Heron Labs\tData Analyst\n")
    lines = preview_bulk(wb, text)
    assert [(b.line, b.name, b.status) for b in lines] == [
        (1, "Bo Chen", "new"), (3, "Ms. Ada Example", "duplicate"), (4, "bo chen", "repeat"),
        (5, "", "error"), (6, "Zoë Ó Briain", "new")]
    assert (lines[0].organization, lines[0].title) == ("Northwind Solar", "VP, Sales")
    assert (lines[4].organization, lines[4].title) == ("Blue Heron Labs", "Data Analyst")
    assert "Ada Example" in lines[1].note and "line 1" in lines[2].note
    assert len(wb.contacts()) == 1


def test_bulk_add_new_only_or_with_duplicates(wb):
    quick_add(wb, "Ada Example")
    lines = preview_bulk(wb, "Bo Chen\nAda Example\nCy Diaz, Harbor Clinic")
    added = add_bulk(wb, lines, category="club")
    assert [c.name for c in added] == ["Bo Chen", "Cy Diaz"]
    assert all(c.categories == ["club"] for c in added)
    assert len(wb.contacts()) == 3
    added = add_bulk(wb, preview_bulk(wb, "Ada Example"), include_duplicates=True)
    assert [c.name for c in added] == ["Ada Example"] and len(wb.contacts()) == 4
    assert add_bulk(wb, preview_bulk(wb, "")) == []


def test_list_goal_follows_the_aim_and_the_stretch():
    from infoview_lib.capture import list_goal

    assert list_goal(0, 10, 20) == "aim for 10, stretch to 20"
    assert list_goal(10, 10, 20) == "you passed the aim of 10; stretch to 20"
    assert list_goal(25, 10, 20) == "you reached the stretch goal of 20. Well done"


def test_save_details_writes_and_refuses_self_introduction(wb):
    from infoview_lib.capture import save_details

    ada = quick_add(wb, "Ada Example").contact
    bo = quick_add(wb, "Bo Chen").contact
    saved = save_details(wb, ada.id, introduced_by=bo.id, can_refer=True, notes="met at club")
    assert (saved.introduced_by, saved.can_refer, saved.notes) == (bo.id, True, "met at club")
    with pytest.raises(ValidationError, match="cannot introduce themselves"):
        save_details(wb, ada.id, introduced_by=ada.id)
    assert wb.get(Contact, ada.id).introduced_by == bo.id
