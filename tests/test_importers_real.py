"""Contact files exported by real programs and kept by public parser test suites (Android's
vCard library, ez-vcard, vobject, Thunderbird), and LinkedIn, Google and Outlook-layout CSVs
that other open-source projects wrote (made-up people); where each came from:
fixtures/real/SOURCES.md.

Every file is read without an exception, and nobody in it is lost without a word: each card
becomes a person, an organization, a skipped record with a reason, or a reported problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from infoview_lib.importers import import_files, parse_contacts, read_contacts
from infoview_lib.workbook.errors import ImportFormatError

REAL = Path(__file__).parent / "fixtures" / "real"
FILES = sorted(p for p in REAL.rglob("*") if p.suffix in (".vcf", ".csv"))
UNREADABLE = {"csv_no_header.csv"}  # Thunderbird's own test of a CSV without a header row


def test_the_corpus_is_large_and_documented():
    assert len(FILES) >= 30
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    missing = [p.name for p in FILES if p.name not in sources]
    assert missing == []


@pytest.mark.parametrize("path", [p for p in FILES if p.name not in UNREADABLE],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_file_is_read_and_nobody_vanishes(path):
    result = read_contacts(path)
    data = path.read_bytes()
    if path.suffix == ".vcf":
        cards = len(re.findall(rb"^\s*begin\s*:\s*vcard\s*$", data, re.I | re.M))
        card_errors = [e for e in result.errors if "it was skipped" in e.message]
        accounted = (len(result.contacts) + len(result.organizations) + len(result.skipped)
                     + len(card_errors))
        assert accounted == cards
    for _, person in result.contacts:
        assert person.name.strip()
        assert "\ufffd" not in person.name  # no mojibake or replaced bytes in a name
        assert all("@" in e and " " not in e for e in person.emails)


def test_csv_without_header_is_refused_in_one_line():
    with pytest.raises(ImportFormatError, match="Could not tell") as err:
        read_contacts(REAL / "thunderbird" / "csv_no_header.csv")
    assert "\n" not in str(err.value)


# -- class 1: columns silently ignored ---------------------------------------------
def test_thunderbird_csv_keeps_primary_email():
    result = read_contacts(REAL / "thunderbird" / "basic_csv_addressbook.csv")
    assert [(c.name, c.emails) for _, c in result.contacts] == [
        ("John Doe", ["john@doe.invalid"]), ("Jane Doe", ["jane@doe.invalid"])]
    assert result.unmapped == []


def test_thunderbird_style_columns_are_all_read_or_listed():
    text = ("First Name,Last Name,Display Name,Primary Email,Secondary Email,Mobile Number,"
            "Work Phone,Organization,Job Title,Birth Year,Custom 1\n"
            "Ada,Example,Ada Example,ada@example.org,ada@home.example,+44 7700 900123,"
            "+44 20 7946 0000,Acme,Engineer,1990,likes tea\n")
    ada = parse_contacts(text, "tb.csv").contacts[0][1]
    assert ada.emails == ["ada@example.org", "ada@home.example"]
    assert ada.phones == ["+44 7700 900123", "+44 20 7946 0000"]
    assert (ada.organization, ada.title) == ("Acme", "Engineer")
    assert parse_contacts(text, "tb.csv").unmapped == ["birth year", "custom 1"]


def test_generic_email_home_work_columns_and_an_unnamed_email_column():
    text = "Name,Email Home,Email Work,Contact\nBo Chen,bo@home.example,bo@work.example,b@c.org\n"
    result = parse_contacts(text, "list.csv")
    assert result.format == "csv"
    assert result.contacts[0][1].emails == ["bo@home.example", "bo@work.example", "b@c.org"]


# -- class 3 and 4: bad bytes, bad lines, charsets -----------------------------------
def test_comment_lines_are_reported_and_the_card_kept():
    result = read_contacts(REAL / "android" / "v21_invalid_comment_line.vcf")
    assert [c.name for _, c in result.contacts] == ["Conference Call"]
    assert "This is an (sharp ->#<- sharp) example" in result.contacts[0][1].notes
    assert [e.line for e in result.errors] == [6, 9]


def test_stray_byte_in_quoted_printable_keeps_the_person():
    result = read_contacts(REAL / "ezvcard" / "John_Doe_ANDROID.vcf")
    bad = [e for e in result.errors if "ORG" in e.message]
    assert len(bad) == 1 and "line" in bad[0].message
    assert any(c.emails == ["bob@company.com"] and c.organization.startswith("Ñ")
               for _, c in result.contacts)


@pytest.mark.parametrize("name, people", [
    ("v21_japanese_1.vcf", ["安藤ロイド"]),
    ("v21_japanese_2.vcf", ["安藤 ロイド 1"]),
    ("v21_multiple_entry.vcf", ["安藤ロイド3", "安藤ロイド4", "安藤ロイド5"]),
    ("v21_japanese_3.vcf", ["伊能 圭一 伊予"]),
])
def test_shift_jis_cards_are_read_in_their_charset(name, people):
    result = read_contacts(REAL / "android" / name)
    assert [c.name for _, c in result.contacts] == people
    assert not any(";" in c.name for _, c in result.contacts)


@pytest.mark.parametrize("codec", ["iso-8859-2", "windows-1251", "gb18030", "big5", "euc-kr"])
def test_declared_charsets_are_honoured(codec):
    name = {"iso-8859-2": "Łukasz Żółw", "windows-1251": "Анна Иванова", "gb18030": "王秀英",
            "big5": "陳大文", "euc-kr": "김민준"}[codec]
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=" + codec.upper().encode() + b":"
            + name.encode(codec) + b"\r\nEND:VCARD\r\n")
    result = parse_contacts(data, "c.vcf")
    assert [c.name for _, c in result.contacts] == [name]
    assert result.errors == []


def test_a_charset_that_is_not_a_text_encoding_is_not_used_as_a_codec():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=unicode_escape:Caf\xe9 \\\\u0042\r\n"
            b"END:VCARD\r\n")  # not UTF-8, so the declared charset would be used
    result = parse_contacts(data, "c.vcf")
    assert [c.name for _, c in result.contacts] == ["Café \\u0042"]  # not 'CafÃ© B'
    assert "CHARSET=unicode_escape is not a text encoding" in result.errors[0].message
    qp = (b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
          b"FN;CHARSET=rot13;ENCODING=QUOTED-PRINTABLE:Ada =5Cu0042\r\nEND:VCARD\r\n")
    result = parse_contacts(qp, "c.vcf")
    assert [c.name for _, c in result.contacts] == ["Ada u0042"]  # vCard unescaping only
    assert "not a text encoding" in result.errors[0].message


# -- class 6: things that are not people ---------------------------------------------
def test_display_form_email_is_stored_as_an_address():
    result = read_contacts(REAL / "android" / "v21_invalid_multiple_line.vcf")
    assert [(c.name, c.emails) for _, c in result.contacts] == [("Omega", ["omega@example.com"])]


def test_groups_locations_and_urn_emails():
    text = ("BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:The Doe family\n"
            "MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:4.0\nKIND:location\nFN:Room 101\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Example\nEMAIL:urn:li:member:12345\n"
            "EMAIL:ada@example.org\nEND:VCARD\n")
    result = parse_contacts(text, "c.vcf")
    assert [(c.name, c.emails) for _, c in result.contacts] == [
        ("Ada Example", ["ada@example.org"])]
    assert [s.message for s in result.skipped] == [
        "card 1 is a group (a list of people), not a person", "card 2 is a place, not a person"]
    assert "urn:li:member:12345" in result.errors[0].message


def test_a_name_that_is_an_email_gives_way_to_the_real_name(wb, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("Name,E-mail\nada.example@gmail com,ada.example@gmail.com\n")
    second = tmp_path / "b.vcf"
    second.write_text("BEGIN:VCARD\nFN:Ada Example\nEMAIL:ada.example@gmail.com\nEND:VCARD\n")
    import_files(wb, [first])
    summary = import_files(wb, [second])
    assert summary.merged == 1
    assert [c.name for c in wb.contacts()] == ["Ada Example"]


# -- class 7: dialects and structure -------------------------------------------------
def test_thunderbird_semicolon_csv():
    result = read_contacts(REAL / "thunderbird" / "csv_semicolon.csv")
    assert [(c.name, c.emails) for _, c in result.contacts] == [
        ("John Doe", ["john@doe.invalid"]), ("Jane Doe", ["jane@doe.invalid"])]


def test_tab_separated_list():
    result = parse_contacts("Name\tE-mail 2\tCompany\nBo Chen\tbo@x.org\tAcme\n", "t.csv")
    assert [(c.name, c.emails, c.organization) for _, c in result.contacts] == [
        ("Bo Chen", ["bo@x.org"], "Acme")]


def test_family_first_cjk_name_matches_given_first(wb, tmp_path):
    card = REAL / "android" / "v40_sort_as.vcf"
    import_files(wb, [card])
    person = wb.contacts()[0]
    other = tmp_path / "o.csv"
    other.write_text(f"First Name,Last Name,Company\n{person.first_name},{person.last_name},\n",
                     encoding="utf-8")
    assert import_files(wb, [other]).merged == 1
    assert len(wb.contacts()) == 1


def test_yahoo_style_header():
    text = ("First,Middle,Last,Nickname,Email,Category,Home,Work,Mobile,Alternate Email 1,"
            "Company\nAda,,Example,,ada@yahoo.example,,+1 555 0100,,+1 555 0199,"
            "ada@alt.example,Acme\n")
    result = parse_contacts(text, "yahoo.csv")
    ada = result.contacts[0][1]
    assert (ada.name, ada.organization) == ("Ada Example", "Acme")
    assert ada.emails == ["ada@yahoo.example", "ada@alt.example"]
    assert ada.phones == ["+1 555 0199", "+1 555 0100"]  # Mobile, then Home
    assert result.unmapped == []


# -- LinkedIn, Google and Outlook CSVs kept by other projects (see SOURCES.md) -------------
EMAIL_RE = re.compile(rb"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CSVS = [p for p in FILES if p.suffix == ".csv" and p.name not in UNREADABLE]


# data records in each file, counted with Python's csv module (multi-line notes are one record)
CSV_RECORDS = {"gmail-to-google-contacts.csv": 3, "linkedin-export-viewer-Connections.csv": 2000,
               "linkedin-network-intelligence-Connections.csv": 10,
               "google-shared-contacts-client-outlook.csv": 3, "livemail_de.csv": 1,
               "outlook_2003_contacts.csv": 5, "outlook_2003_contacts_dos.csv": 5,
               "outlook_2007_de.csv": 1, "basic_csv_addressbook.csv": 2, "csv_semicolon.csv": 2}


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
    ("outlook_2003_contacts.csv", ("Michael J Fox", "Wacky"), str),
    ("outlook_2003_contacts_dos.csv", ("Michal J Fox", "Captain"),  # "CSV (DOS)": FirstName
     lambda key: key.replace(" ", "")),
])
def test_outlook_2003_export_and_its_dos_variant(name, fox, squash):
    result = read_contacts(REAL / "outlook" / name)
    assert (result.format, result.skipped, result.errors) == ("outlook", [], [])
    people = [c for _, c in result.contacts]
    assert [(c.name, c.title) for c in people] == [
        fox, ("Tom P Jerry", "Cracker Jack"), ("Hamburger P King", "Loser"),
        ("Cracker W Cheese, II", "Midget Maker"), ("Money Maker McGee, II", "Cartoon Person")]
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
