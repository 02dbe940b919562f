"""LinkedIn, Google and Outlook CSVs from other open-source projects: real Outlook 2003/2007
and Windows Live Mail exports, and files other projects wrote in LinkedIn's and Google's
layouts (made-up people); where each came from: fixtures/real/SOURCES.md.

Every record becomes a person, an organization or a skip with a reason; no e-mail address in
a file is dropped without a word; the fields land where they belong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from infoview_lib.importers import import_files, parse_contacts, read_contacts

REAL = Path(__file__).parent / "fixtures" / "real"
UNREADABLE = {"csv_no_header.csv"}  # Thunderbird's own test of a CSV without a header row
EMAIL_RE = re.compile(rb"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CSVS = sorted(p for p in REAL.rglob("*.csv") if p.name not in UNREADABLE)


# data records in each file, counted with Python's csv module (multi-line notes are one record)
CSV_RECORDS = {"gmail-to-google-contacts.csv": 3, "linkedin-export-viewer-Connections.csv": 2000,
               "linkedin-network-intelligence-Connections.csv": 10,
               "google-shared-contacts-client-outlook.csv": 3, "livemail_de.csv": 1,
               "outlook_2003_contacts.csv": 5, "outlook_2003_contacts_dos.csv": 5,
               "outlook_2007_de.csv": 1, "basic_csv_addressbook.csv": 2, "csv_semicolon.csv": 2,
               "kawsay-Connections.csv": 2, "network-jobs-Connections.csv": 10}


def test_every_record_of_every_real_csv_is_accounted_for():
    assert sorted(p.name for p in CSVS) == sorted(CSV_RECORDS)
    for path in CSVS:
        result = read_contacts(path)
        accounted = len(result.contacts) + len(result.organizations) + len(result.skipped)
        assert (path.name, accounted) == (path.name, CSV_RECORDS[path.name])


@pytest.mark.parametrize("path", CSVS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_email_in_a_real_csv_is_dropped_without_a_word(path):
    """Every address in the file belongs to a person, or its row was skipped with a reason."""
    result = read_contacts(path)
    skipped_lines = {s.line for s in result.skipped} | {e.line for e in result.errors}
    in_file = {m.decode().casefold() for n, line in enumerate(path.read_bytes().splitlines(), 1)
               if n not in skipped_lines for m in EMAIL_RE.findall(line)}
    kept = {e.casefold() for _, c in result.contacts for e in c.emails}
    assert in_file - kept == set()
    assert all(s.message for s in result.skipped)


def test_linkedin_export_viewer_connections_2000_rows(wb):
    path = REAL / "linkedin" / "linkedin-export-viewer-Connections.csv"
    result = read_contacts(path)
    assert (result.format, len(result.contacts), len(result.skipped), len(result.errors)) == (
        "linkedin", 2000, 0, 0)
    people = {c.linkedin_url: c for _, c in result.contacts}
    florence = people["https://www.linkedin.com/in/fake-florence-nightingale"]
    assert (florence.name, florence.organization, florence.title, florence.emails,
            florence.connected_on) == (
        "Florence Nightingale", "London hospital system", "Senior Director, Patient Outcomes",
        ["florence.nightingale@example.com"], "1852-05-14")
    assert people["https://www.linkedin.com/in/fake-william-whewell"].organization == (
        "Trinity College, Cambridge")
    assert all(c.connected_on for c in people.values())  # "05 Jun 1833": every date read
    summary = import_files(wb, [path])
    assert (summary.added, summary.merged, summary.skipped, summary.errors) == (2000, 0, [], [])
    # 271 names occur more than once (different URLs and e-mails): kept apart, all proposed
    assert len(summary.possible_duplicates) == 295
    assert all(a == b for a, b, _, _ in summary.possible_duplicates)
    assert len(wb.contacts()) == 2000


def test_linkedin_connections_with_url_last_and_a_plain_notes_preamble():
    result = read_contacts(REAL / "linkedin" / "linkedin-network-intelligence-Connections.csv")
    assert (result.format, len(result.contacts), result.skipped, result.errors) == (
        "linkedin", 10, [], [])
    people = [c for _, c in result.contacts]
    assert sum(1 for c in people if c.emails) == 7
    assert (people[0].name, people[0].emails, people[0].linkedin_url, people[0].connected_on,
            people[0].organization, people[0].title) == (
        "Alice Johnson", ["alice.johnson@techcorp.com"], "https://linkedin.com/in/alicejohnson",
        "2023-01-15", "TechCorp", "CTO")
    assert (people[2].name, people[2].emails) == ("Carol Davis", [])


def test_linkedin_connections_with_accents_and_quoted_commas():
    result = read_contacts(REAL / "linkedin" / "kawsay-Connections.csv")
    assert [(c.name, c.organization, c.title, c.emails, c.connected_on)
            for _, c in result.contacts] == [
        ("José García", "Acme, Inc.", "Senior Engineer", [], "2024-01-15"),
        ("Æsop Fontaine", "Globex", "Director, Operations", ["aesop@example.com"], "2024-02-03")]
    assert (result.skipped, result.errors, result.unmapped) == ([], [], [])


def test_linkedin_connections_without_any_email(wb):
    path = REAL / "linkedin" / "network-jobs-Connections.csv"  # a shortened "..." preamble
    result = read_contacts(path)
    assert (result.format, len(result.contacts), result.skipped, result.errors) == (
        "linkedin", 10, [], [])
    assert all(c.linkedin_url.startswith("https://www.linkedin.com/in/") and not c.emails
               for _, c in result.contacts)
    assert import_files(wb, [path]).added == 10
    assert import_files(wb, [path]).added == 0  # the same file again: matched by profile URL


def test_google_csv_written_by_gmail_to_google_contacts():
    result = read_contacts(REAL / "google" / "gmail-to-google-contacts.csv")
    assert result.format == "google"
    assert [(c.name, c.emails) for _, c in result.contacts] == [
        ("Richard Feynman", ["rich@caltech.edu"]), ("Elon Musk", ["elon.musk@tesla.com"])]
    assert [(s.line, s.message) for s in result.skipped] == [
        (3, "only an e-mail address, no name: add the person by hand if you know who it is")]
    assert (result.errors, result.unmapped) == ([], [])


def test_outlook_columns_in_googles_shared_contacts_example():
    result = read_contacts(REAL / "outlook" / "google-shared-contacts-client-outlook.csv")
    assert (len(result.contacts), result.skipped, result.errors) == (3, [], [])
    adam, daniel, duncan = (c for _, c in result.contacts)
    assert adam.emails == ["adam.glacius@anycom.com", "adam.g@example.com", "ag@glacius.com"]
    assert adam.phones == ["+1 555 3227 8544", "+1 555 3227 8545", "+1 555 3227 8546",
                           "+1 555 3227 8547", "+1 555 3227 8548"]
    assert (adam.organization, adam.title, adam.notes) == ("Acme Inc.", "Sales Planner",
                                                           "Has 2 kids")
    # short rows (fewer cells than the header) are read as far as they go
    assert (daniel.name, daniel.emails, daniel.phones, daniel.title) == (
        "Daniel Ireland", ["danielireland@restty.com"], ["+1 555 3227 8543"], "Receptionist")
    assert duncan.title == "Supervisor"
    # the pager, the faxes, the postal addresses and the tool's own columns are listed
    assert result.unmapped == ["action", "id", "pager", "home fax", "home address",
                               "business fax", "business address"]


def test_german_outlook_2007_export():
    result = read_contacts(REAL / "outlook" / "outlook_2007_de.csv")
    assert (result.format, result.skipped, result.errors) == ("outlook", [], [])
    [(_, robin)] = result.contacts
    assert (robin.name, robin.organization, robin.phones) == (
        "Robin Example", "Coding Robin", ["+49 1600000"])
    # the address in "E-Mail: Angezeigter Name" is kept too (for Exchange contacts it is the
    # only SMTP address); a multi-line quoted note does not split the row
    assert robin.emails == ["robin@example.de", "robin@example.com"]
    # "0.0.00" (no date), "Keine Angabe", "Aus", "Normal" are Outlook's empty values, not data;
    # the web page is not a LinkedIn profile, so its column is listed
    assert result.unmapped == ["strasse geschäftlich", "ort geschäftlich",
                               "postleitzahl geschäftlich", "land/region geschäftlich",
                               "initialen", "webseite"]


def test_german_windows_live_mail_export():
    result = read_contacts(REAL / "outlook" / "livemail_de.csv")  # ';', no final newline
    assert [(c.name, c.emails, c.phones, c.organization) for _, c in result.contacts] == [
        ("Robin Example", ["robin@example.de"], ["+49 160 00000000000"], "Coding Robin")]
    assert (result.skipped, result.errors, result.unmapped) == ([], [], [])


def test_exchange_contact_keeps_the_address_shown_in_its_display_name():
    text = ("First Name,Last Name,E-mail Address,E-mail Type,E-mail Display Name\n"
            "Ada,Example,/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=ada,EX,"
            "Ada Example (ada@example.org)\n"
            "Bo,Chen,bo@example.org,SMTP,Bo Chen (BO@example.org)\n")
    result = parse_contacts(text, "o.csv")
    assert [c.emails for _, c in result.contacts] == [["ada@example.org"], ["bo@example.org"]]
    assert (result.errors, result.unmapped) == ([], [])


def test_a_web_page_that_is_not_linkedin_is_listed_not_dropped():
    outlook = parse_contacts("First Name,Last Name,E-mail Address,Web Page\n"
                             "Ada,Example,ada@x.org,https://www.linkedin.com/in/ada\n"
                             "Bo,Chen,bo@x.org,https://bo.example.org\n", "o.csv")
    assert [c.linkedin_url for _, c in outlook.contacts] == ["https://www.linkedin.com/in/ada", ""]
    assert outlook.unmapped == ["web page"]
    google = parse_contacts("First Name,Last Name,Website 1 - Type,Website 1 - Value\n"
                            "Ada,Example,Profile,https://www.linkedin.com/in/ada\n"
                            "Bo,Chen,Blog,https://bo.example.org\n", "g.csv")
    assert google.format == "google"
    assert google.unmapped == ["website 1 - value"]
    only_linkedin = parse_contacts("First Name,Last Name,Website 1 - Value\n"
                                   "Ada,Example,https://www.linkedin.com/in/ada\n", "g.csv")
    assert only_linkedin.unmapped == []


@pytest.mark.parametrize("name, fox, squash", [
    ("outlook_2003_contacts.csv", ("Morgan J Fox", "Wacky"), str),
    ("outlook_2003_contacts_dos.csv", ("Morgan J Fox", "Captain"),  # "CSV (DOS)": FirstName
     lambda key: key.replace(" ", "")),
])
def test_outlook_2003_export_and_its_dos_variant(name, fox, squash):
    result = read_contacts(REAL / "outlook" / name)
    assert (result.format, result.skipped, result.errors) == ("outlook", [], [])
    people = [c for _, c in result.contacts]
    assert [(c.name, c.title) for c in people] == [
        fox, ("Tom P Jerry", "Cracker Jack"), ("Hamburger P King", "Cashier"),
        ("Cracker W Cheese, II", "Cheese Maker"), ("Money Maker McGee, II", "Cartoon Person")]
    assert [len(c.emails) for c in people] == [1, 1, 1, 1, 1]  # display name repeats it
    assert people[0].phones == ["(555) 555-5555", "(666) 666-6666", "(222) 222-2222"]
    assert people[2].notes == "Eat A Bunch Of Cheetos"  # a note ending in a line break
    assert result.unmapped == [squash(k) for k in (
        "business street", "business city", "business state", "business country",
        "business fax", "initials", "web page")]


def test_title_column_holding_jobs_is_the_job_title():
    listed = parse_contacts("Name,Title,Company,Email\nAda Example,Engineer,Acme,ada@x.org\n",
                            "list.csv")
    assert [(c.name, c.title) for _, c in listed.contacts] == [("Ada Example", "Engineer")]
    assert listed.unmapped == []
    outlook = parse_contacts("Title,First Name,Last Name,Suffix,Job Title,E-mail Address\n"
                             "Dr.,Hana,Kowalczyk,Jr.,Surgeon,hana@x.org\n", "o.csv")
    [(_, hana)] = outlook.contacts
    assert (hana.name, hana.title, outlook.unmapped) == ("Hana Kowalczyk, Jr.", "Surgeon", [])
