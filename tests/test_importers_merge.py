"""Merging imports into the workbook: keys, what a merge keeps, one transaction, no repeats."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoview_lib.capture import quick_add
from infoview_lib.importers import (
    ContactIndex,
    import_files,
    merge_contact,
    merge_results,
    name_key,
    parse_contacts,
)
from infoview_lib.workbook.errors import ImportFormatError
from infoview_lib.workbook.model import Contact, Organization

FIX = Path(__file__).parent / "fixtures" / "contacts"


def by_name(wb):
    return {c.name: c for c in wb.contacts()}


def test_same_file_twice_adds_nobody(wb):
    first = import_files(wb, [FIX / "linkedin_current.csv"])
    assert (first.added, first.merged, len(first.skipped), len(first.errors)) == (10, 0, 2, 0)
    before = {c.id: c for c in wb.contacts()}
    second = import_files(wb, [FIX / "linkedin_current.csv"])
    assert (second.added, second.merged) == (0, 10)
    assert {c.id: c for c in wb.contacts()} == before  # nothing changed, not even updated_at


def test_same_name_different_linkedin_urls_stay_apart(wb):
    import_files(wb, [FIX / "linkedin_current.csv"])
    lees = [c for c in wb.contacts() if c.name == "Sam Lee"]
    assert sorted(c.organization for c in lees) == ["Cedar School", "Maple Bank"]


def test_merge_across_files_by_name_without_honorifics(wb):
    summary = import_files(wb, [FIX / "linkedin_current.csv", FIX / "google_current.csv"])
    assert (summary.added, summary.merged, summary.organizations_added) == (13, 1, 1)
    amelia = by_name(wb)["Amelia Okafor"]
    assert amelia.linkedin_url.endswith("amelia-okafor-fict")
    assert amelia.emails[0] == "amelia@work.example.com" and len(amelia.emails) == 3
    assert amelia.title == "Director of Engineering"  # the later import updates the title
    assert amelia.connected_on == "2024-03-07"
    assert amelia.categories == ["classmate"]
    assert amelia.sources == ["linkedin:linkedin_current.csv", "google:google_current.csv"]
    assert [o.name for o in wb.list(Organization)] == ["Northwind Solar"]


def test_never_overwrites_typed_values_with_empty(wb):
    typed = quick_add(wb, "Mei Chen", organization="Lantern Studio", title="Illustrator",
                      category="friend").contact
    wb.update(Contact, typed.id, notes="Met at the zine fair", tie_strength="rarely",
              can_interview=True)
    summary = import_files(wb, [FIX / "google_current.csv"])
    assert summary.merged == 1
    mei = wb.get(Contact, typed.id)
    assert (mei.organization, mei.title) == ("Lantern Studio", "Illustrator")
    assert mei.notes == "Met at the zine fair"
    assert (mei.tie_strength, mei.can_interview) == ("rarely", True)
    assert mei.emails == ["MEI.CHEN@example.com"]
    assert mei.categories == ["friend", "co-worker"]
    assert mei.sources == ["typed", "google:google_current.csv"]


def test_email_match_ignores_case(wb):
    wb.add(Contact(first_name="Mei-Ling", last_name="Chen", emails=["mei.chen@EXAMPLE.com"]))
    summary = import_files(wb, [FIX / "google_current.csv"])
    assert summary.merged == 1
    assert "Mei Chen" not in by_name(wb)


def test_linkedin_url_match(wb):
    wb.add(Contact(first_name="Amy", last_name="O.",
                   linkedin_url="http://linkedin.com/in/Amelia-Okafor-fict/"))
    summary = import_files(wb, [FIX / "linkedin_current.csv"])
    assert (summary.added, summary.merged) == (9, 1)
    assert by_name(wb)["Amy O."].organization == "Figma, Inc."


def test_deleted_people_are_not_brought_back(wb):
    import_files(wb, [FIX / "linkedin_current.csv"])
    kim = by_name(wb)["Kim Park"]
    wb.delete_contact(kim.id)
    summary = import_files(wb, [FIX / "linkedin_current.csv"])
    assert (summary.added, summary.merged) == (0, 9)
    assert any("Kim Park was deleted" in s.message for s in summary.skipped)
    assert "Kim Park" not in by_name(wb)


def test_duplicates_inside_one_import(wb):
    text = ("First Name,Last Name,E-mail 1 - Value,Labels\nAda,Example,ada@x.org,Friends\n"
            "Ada,Example,ADA@x.org,Hiking\n,,only@x.org,\n")
    summary = merge_results(wb, [parse_contacts(text, "g.csv", "google")])
    assert (summary.added, summary.merged, len(summary.skipped)) == (1, 1, 1)
    ada = wb.contacts()[0]
    assert (ada.categories, ada.tags) == (["friend"], ["Hiking"])


def test_org_only_records_become_organizations_once(wb):
    for _ in range(2):
        import_files(wb, [FIX / "outlook_utf8.csv", FIX / "vcard30_iphone.vcf"])
    assert sorted(o.name for o in wb.list(Organization)) == ["Cedar School", "Kestrel Analytics"]
    assert len(wb.contacts()) == 5


def test_one_transaction_and_backup(wb, monkeypatch):
    import_files(wb, [FIX / "linkedin_legacy.csv"])
    backups = list(wb.backups_dir.glob("*.import.sqlite"))
    assert len(backups) == 1
    count = len(wb.contacts())

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(wb, "update", boom)
    with pytest.raises(RuntimeError):  # the second file adds people AND updates Grace
        merge_results(wb, [parse_contacts(
            "First Name,Last Name,Company,Position\nGrace,Ndlovu,Kestrel Analytics,Lead\n"
            "New,Person,X,Y\n",
            "c.csv")])
    assert len(wb.contacts()) == count  # the inserts were rolled back too
    assert by_name(wb)["Grace Ndlovu"].organization == "Kestrel Analytics"


def test_an_unreadable_file_is_reported_and_the_others_imported(wb):
    summary = import_files(wb, [FIX / "linkedin_current.csv", FIX / "not_contacts.png"])
    assert summary.added == 10
    assert [name for name, _ in summary.failed] == ["not_contacts.png"]
    assert "Could not read not_contacts.png" in summary.text()


def test_nothing_readable_raises_and_writes_nothing(wb):
    with pytest.raises(ImportFormatError):
        import_files(wb, [FIX / "not_contacts.png"])
    assert wb.contacts() == []


def test_merge_contact_rules():
    old = Contact(first_name="Ada", organization="Acme", title="Intern", phones=["+1 555 0100"],
                  notes="typed")
    new = Contact(first_name="Ada", organization="", title="", phones=["+1 (555) 0100", "999"],
                  notes="")
    assert merge_contact(old, new) == {"phones": ["+1 555 0100", "999"]}
    assert merge_contact(old, Contact(first_name="A", notes="imported")) == {
        "notes": "typed\n\nimported"}


def test_index_keys():
    index = ContactIndex([Contact(first_name="José", last_name="Núñez", emails=["J@x.org"])])
    assert index.find(Contact(first_name="Prof.", last_name="josé núñez Jr.")) == 0
    assert index.find(Contact(first_name="Other", emails=["j@X.org"])) == 0
    assert index.find(Contact(first_name="Jose", last_name="Nunez")) is None
    assert name_key("Dr. Mary-Jane O'Neil, MBA") == "mary-jane o neil"
