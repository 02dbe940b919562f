"""Outlook CSV: 92-column desktop export, cp1252, UTF-16, German headers, 0/0/00 dates."""

from __future__ import annotations

from pathlib import Path

from infoview_lib.importers import decode_bytes, parse_outlook, read_outlook

FIX = Path(__file__).parent / "fixtures" / "contacts"


def test_desktop_export():
    result = read_outlook(FIX / "outlook_utf8.csv")
    assert [c.name for _, c in result.contacts] == ["Hana Kowalczyk", "Diego A. Fuentes"]
    assert [(line, o.name) for line, o in result.organizations] == [(5, "Cedar School")]  # Hana's note spans 2 lines
    assert [s.line for s in result.skipped] == [6]
    assert result.errors == []
    hana = result.contacts[0][1]
    assert hana.title == "Managing Editor"  # 'Title' (Dr.) is the honorific, not the job
    assert hana.organization == "Juniper Books"
    assert hana.emails == ["hana.k@example.com"]  # the Exchange /o=... address is not an e-mail
    assert hana.phones == ["+1 555 0142", "+1 555 0143"]
    assert (hana.categories, hana.tags) == (["friend"], ["Book club"])
    assert hana.notes == "Knows everyone in publishing.\nAsk about internships."
    assert hana.linkedin_url.endswith("hana-kowalczyk-fict")
    assert result.contacts[1][1].categories == ["neighbour"]


def test_cp1252_is_decoded_as_windows_text_not_latin1():
    data = (FIX / "outlook_cp1252.csv").read_bytes()
    assert b"\x92" in data
    result = read_outlook(FIX / "outlook_cp1252.csv")
    renee, bob = (c for _, c in result.contacts)
    assert renee.name == "Renée Duchêne"
    assert renee.notes == "She’s happy to talk – any Friday"
    assert bob.last_name == "O’Neill"
    assert "\x92" not in decode_bytes(data)


def test_utf16_outlook_com_export():
    result = read_outlook(FIX / "outlook_utf16.csv")
    assert [c.name for _, c in result.contacts] == ["Ingrid Solberg", "Kwame Mensah"]
    assert result.contacts[0][1].categories == ["alumni"]
    assert result.contacts[0][1].phones == ["+47 400 00 000"]


def test_utf16_without_bom():
    text = "First Name,Last Name,Company\nAda,Example,Acme\n"
    result = parse_outlook(text.encode("utf-16-le"), "o.csv")
    assert [c.organization for _, c in result.contacts] == ["Acme"]


def test_german_headers():
    result = read_outlook(FIX / "outlook_german.csv")
    lena = result.contacts[0][1]
    assert (lena.name, lena.organization, lena.title) == ("Lena Schröder", "Rhein Robotik",
                                                          "Ingenieurin")
    assert lena.emails == ["lena@example.de"]
    assert lena.categories == ["friend"]
