"""Different people are never merged on a bare name; possible duplicates are stored for the
user, who can merge them (everything kept, undo) or mark them as different people."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infoview_lib.capture import quick_add
from infoview_lib.importers import (
    import_files,
    mark_different,
    merge_people,
    merge_results,
    parse_contacts,
    possible_duplicates,
    undo_merge,
)
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact, Outreach

GOOGLE = "First Name,Last Name,Name Prefix,Name Suffix,Organization Name,Phone 1 - Value\n"


def names(wb):
    return sorted(c.name for c in wb.contacts())


def test_three_marios_with_different_phones_stay_three(wb):
    text = GOOGLE + ("Mario,,,,,+39 06 111\nMario,,Dr.,,,+39 06 222\nMario,,,Jr.,,+39 06 333\n")
    summary = merge_results(wb, [parse_contacts(text, "g.csv")])
    assert (summary.added, summary.merged) == (3, 0)
    assert names(wb) == ["Dr. Mario", "Mario", "Mario, Jr."]
    assert len(summary.possible_duplicates) == 3  # every pair, for the user to look at
    assert len(possible_duplicates(wb)) == 3


def test_four_john_does_across_files_are_four_people(wb, tmp_path):
    files = []
    for i, (email, org) in enumerate([("jd@a.org", "Acme"), ("john@b.org", "Globex"),
                                      ("doe@c.org", "Initech"), ("j.doe@d.org", "Umbrella")]):
        path = tmp_path / f"f{i}.csv"
        path.write_text(f"First Name,Last Name,E-mail Address,Company\nJohn,Doe,{email},{org}\n")
        files.append(path)
    summary = import_files(wb, files)
    assert (summary.added, summary.merged) == (4, 0)
    assert sorted(c.organization for c in wb.contacts()) == ["Acme", "Globex", "Initech",
                                                             "Umbrella"]
    assert len(possible_duplicates(wb)) == 6


def test_typed_contact_is_not_overwritten_by_a_same_named_connection(wb):
    typed = quick_add(wb, "Ada Example", organization="Acme", title="Intern").contact
    linkedin = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                "Ada,Example,https://www.linkedin.com/in/ada-x,,Globex,CTO,07 Mar 2024\n")
    summary = merge_results(wb, [parse_contacts(linkedin, "Connections.csv")])
    assert (summary.added, summary.merged) == (1, 0)
    assert wb.get(Contact, typed.id).organization == "Acme"
    (a, b), = possible_duplicates(wb)
    assert {a.organization, b.organization} == {"Acme", "Globex"}
    assert "Ada Example / Ada Example" in summary.text()


def test_a_typed_value_is_kept_and_the_imported_one_shown(wb):
    typed = quick_add(wb, "Ada Example", title="Intern").contact
    linkedin = ("First Name,Last Name,Company,Position,Connected On\n"
                "Ada,Example,Globex,CTO,07 Mar 2024\n")
    summary = merge_results(wb, [parse_contacts(linkedin, "Connections.csv")])
    assert summary.merged_names == ["Ada Example"]
    ada = wb.get(Contact, typed.id)
    assert (ada.title, ada.organization) == ("Intern", "Globex")  # empty field filled
    assert "job title 'CTO'" in ada.notes


def test_name_only_match_without_conflict_merges(wb):
    wb.add(Contact(first_name="Bo", last_name="Chen", emails=["bo@x.org"]))
    text = "First Name,Last Name,Company,Position\nBo,Chen,Acme,Analyst\n"
    summary = merge_results(wb, [parse_contacts(text, "c.csv")])
    assert (summary.added, summary.merged, summary.merged_names) == (0, 1, ["Bo Chen"])
    assert wb.contacts()[0].organization == "Acme"


def test_merge_keeps_everything_moves_outreach_and_undo_restores(wb):
    a = wb.add(Contact(first_name="Mario", emails=["m@a.org"], phones=["+39 06 1"],
                       sources=["typed"], notes="met at the fair"))
    b = wb.add(Contact(first_name="Mario", emails=["m@b.org"], phones=["+39 06 2"],
                       organization="Acme", sources=["google:g.csv"], notes="cousin"))
    reach = wb.add(Outreach(contact_id=b.id))
    undo = merge_people(wb, a.id, b.id)
    merged = wb.get(Contact, a.id)
    assert merged.emails == ["m@a.org", "m@b.org"] and merged.phones == ["+39 06 1", "+39 06 2"]
    assert merged.sources == ["typed", "google:g.csv"] and merged.organization == "Acme"
    assert merged.notes == "met at the fair\n\ncousin"
    assert wb.get(Outreach, reach.id).contact_id == a.id
    assert [c.id for c in wb.contacts()] == [a.id]
    undo_merge(wb, undo)
    restored = wb.get(Contact, a.id)
    assert replace(restored, updated_at="") == replace(a, updated_at="")
    assert wb.get(Outreach, reach.id).contact_id == b.id
    assert sorted(c.id for c in wb.contacts()) == [a.id, b.id]


def test_merged_person_is_not_reported_as_deleted_on_reimport(wb, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GOOGLE.replace("Phone 1 - Value", "E-mail 1 - Value")
                    + "Mario,,,,Acme,m@a.org\nMario,,,,Globex,m@b.org\n")
    import_files(wb, [path])
    (a, b), = possible_duplicates(wb)
    merge_people(wb, a.id, b.id)
    again = import_files(wb, [path])
    assert (again.added, again.merged, again.skipped) == (0, 2, [])
    assert len(wb.contacts()) == 1


def test_different_people_are_never_proposed_again(wb, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("First Name,Last Name,Company\nSam,Lee,Maple Bank\nSam,Lee,Cedar School\n")
    import_files(wb, [path])
    (a, b), = possible_duplicates(wb)
    mark_different(wb, a.id, b.id)
    assert possible_duplicates(wb) == []
    other = tmp_path / "d.csv"
    other.write_text("First Name,Last Name,Company\nSam,Lee,Maple Bank\n")
    import_files(wb, [other])
    assert possible_duplicates(wb) == []


def test_merging_a_person_with_themselves_is_refused(wb):
    a = wb.add(Contact(first_name="Ada"))
    with pytest.raises(ValidationError):
        merge_people(wb, a.id, a.id)
