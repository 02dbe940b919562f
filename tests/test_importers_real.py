"""Contact files exported by real programs and kept by public parser test suites (Android's
vCard library, ez-vcard, vobject, Thunderbird); where each came from: fixtures/real/SOURCES.md.
LinkedIn, Google and Outlook CSVs: test_importers_real_csv.py.

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

