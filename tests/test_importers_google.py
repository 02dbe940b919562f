"""Google Contacts CSV, current and legacy (UTF-16) layouts."""

from __future__ import annotations

from pathlib import Path

from infoview_lib.importers import labels_to_categories, parse_google, read_google

FIX = Path(__file__).parent / "fixtures" / "contacts"


def test_current_export_counts():
    result = read_google(FIX / "google_current.csv")
    assert result.format == "google"
    assert [(line, c.name) for line, c in result.contacts] == [
        (2, "Dr. Amelia Okafor, PhD"), (3, "Jürgen Müller"), (8, "Mei Chen"), (9, "Bex")]
    assert result.contacts[0][1].first_name == "Amelia"  # prefix and suffix kept in the name
    assert [(line, o.name) for line, o in result.organizations] == [(5, "Northwind Solar")]
    assert [(s.line, s.message.split(",")[0]) for s in result.skipped] == [
        (6, "only a phone number"), (7, "only an e-mail address")]
    assert result.errors == []


def test_multi_values_primary_email_and_labels():
    people = {c.last_name or c.display_name: c for _, c in
              read_google(FIX / "google_current.csv").contacts}
    amelia = people["Okafor"]
    assert amelia.emails == ["amelia@work.example.com", "amelia.home@example.net",
                             "amelia.old@example.net"]
    assert amelia.phones == ["+1 555 0100"]
    assert amelia.categories == ["classmate"]
    assert amelia.tags == ["starred"]
    assert amelia.title == "Director of Engineering"
    jurgen = people["Müller"]
    assert jurgen.emails == ["jurgen@example.de"]  # bare '* ' label: primary with no name
    assert jurgen.phones == ["+49 30 1234567", "+49 170 7654321"]
    assert jurgen.notes == "Met at the café.\nLikes chess ::: and rowing."
    assert jurgen.linkedin_url == "https://www.linkedin.com/in/jurgen-muller-fict"
    assert (jurgen.categories, jurgen.tags) == (["relative"], ["Hiking"])
    assert people["Chen"].categories == ["co-worker", "friend"]
    assert people["Bex"].display_name == "Bex"


def test_legacy_utf16_export():
    result = read_google(FIX / "google_legacy_utf16.csv")
    assert [c.name for _, c in result.contacts] == ["Rosa Delgado", "Anaïs Lefèvre", "Tariq"]
    rosa, anais, tariq = (c for _, c in result.contacts)
    assert (rosa.organization, rosa.title, rosa.emails) == ("Olivo Foods", "Buyer",
                                                            ["rosa@example.com"])
    assert rosa.categories == ["friend"]
    assert anais.notes == "Rencontrée à Lyon"
    assert tariq.categories == ["club"]


def test_email_header_spelling_and_case():
    text = "first name,LAST NAME,Email 1 - Label,Email 1 - Value\nAda,Example,,ada@example.org\n"
    assert parse_google(text, "g.csv").contacts[0][1].emails == ["ada@example.org"]


def test_labels():
    assert labels_to_categories(["* friends", "* family", "* coworkers", "Neighbors"]) == (
        ["friend", "relative", "co-worker", "neighbour"], [])
    assert labels_to_categories(["* myContacts", "", "ältere"]) == ([], ["ältere"])
