"""The anonymised bundle: searched byte by byte (every file, inside the zip, PDF text too) for
every name, e-mail, phone and URL in the workbook; and progress.json follows its schema."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile

import pytest
from poppler import poppler
from test_export_fixtures import rich_workbook, secrets_of

from infoview_lib.export import export_workbook
from infoview_lib.workbook.anonymize import pseudonyms
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import CATEGORIES, OUTREACH_STATUSES, TARGET_KINDS, Target


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    root = tmp_path_factory.mktemp("anon")
    wb = rich_workbook(root / "wb" / "w.sqlite")
    result = export_workbook(wb, root / "out", anonymize=True)
    yield wb, result
    wb.close()


def _needles(wb) -> list[bytes]:
    found = set()
    for text in secrets_of(wb):
        found.add(text.encode("utf-8"))
        found.add(text.encode("utf-8").replace(b"&", b"&amp;").replace(b"<", b"&lt;"))
        found.add(text.encode("utf-16-be"))  # PDF metadata strings are UTF-16
    return sorted(found)


DATA_URI = re.compile(rb"data:image/png;base64,([A-Za-z0-9+/=]+)")


def _split_html(where: str, blob: bytes):
    """An HTML page without its base64 images (random letters there match short names by
    chance), and each image decoded, so the picture's own bytes are searched too."""
    for i, match in enumerate(DATA_URI.finditer(blob)):
        yield f"{where}:image{i}", base64.b64decode(match.group(1))
    yield where, DATA_URI.sub(b"data:image/png;base64,", blob)


def _blobs(result):
    for path in result.folder.rglob("*"):
        if path.is_file():
            if path.suffix == ".html":
                yield from _split_html(str(path), path.read_bytes())
            else:
                yield str(path), path.read_bytes()
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    for name in archive.namelist():
                        data = archive.read(name)
                        if name.endswith(".html"):
                            yield from _split_html(f"{path.name}:{name}", data)
                        else:
                            yield f"{path.name}:{name}", data
            if path.suffix == ".pdf":
                yield f"{path}:text", poppler("pdftotext", path, "-", text=False)


def test_the_secrets_list_is_real(bundle):
    wb, _ = bundle
    secrets = secrets_of(wb)
    assert "晓雯 李" in secrets and "<script>alert(1)</script>" in secrets
    assert "maya.okaforlind@example.org" in secrets and "+44 7700 900123" in secrets
    assert "https://www.linkedin.com/in/evil-example" in secrets and len(secrets) > 100


BINARY = (b"PK\x03\x04", b"\x89PNG", b"%PDF")
SHORT = 8  # bytes; shorter needles turn up by chance in compressed data (~1 in 4e9 per offset)


def _png_text(blob: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(blob)) as img:
        return repr(sorted(img.info.items())).encode("utf-8")


def test_no_name_email_phone_or_url_anywhere(bundle):
    wb, result = bundle
    needles = _needles(wb)
    checked = 0
    for where, blob in _blobs(result):
        checked += 1
        binary = blob.startswith(BINARY)
        leaks = [n for n in needles if (len(n) >= SHORT or not binary) and n in blob]
        if blob.startswith(b"\x89PNG"):  # its metadata, every needle
            leaks += [n for n in needles if n in _png_text(blob)]
        assert not leaks, f"{where} leaks {leaks[:3]}"
    assert checked >= 20  # files, zip members, decoded images and PDF texts


def test_bundle_keeps_counts_categories_strengths_and_the_map(bundle):
    wb, result = bundle
    names = set(result.names())
    assert {"README.txt", "progress.json", "summary.md", "summary.html", "summary.pdf",
            "tables/contacts.csv", "tables/ties.csv", "tables/outreach.csv", "map/map.png",
            "map/map.svg", "map/map.pdf", "map/map.graphml",
            "infoview-anonymised.zip"} <= names
    assert not any(n.endswith((".ics", ".json")) and n != "progress.json" for n in names)
    assert any("calendars hold names" in w for w in result.warnings)
    contacts = (result.folder / "tables" / "contacts.csv").read_text(encoding="utf-8-sig")
    fake = pseudonyms(wb)
    assert all(fake[c.id] in contacts for c in wb.contacts())
    assert "classmate" in contacts and "occasionally" in contacts


def test_pseudonyms_are_stable_across_exports(bundle, tmp_path):
    wb, result = bundle
    again = export_workbook(wb, tmp_path / "again", anonymize=True, formats="csv")
    first = (result.folder / "tables" / "contacts.csv").read_bytes()
    second = (again.folder / "tables" / "contacts.csv").read_bytes()
    assert first == second


def test_progress_json_follows_the_schema(bundle):
    wb, result = bundle
    data = json.loads((result.folder / "progress.json").read_text(encoding="utf-8"))
    assert data["format"] == "infoview-progress" and data["version"] == 1
    assert 8 <= len(data["submission_id"]) <= 64
    int(data["submission_id"], 16)
    people = data["people"]
    assert people["total"] == len(wb.contacts())
    assert set(people["by_category"]) == set(CATEGORIES)
    assert sum(people["by_tie_strength"].values()) == people["total"]
    assert people["by_category"]["online"] == sum("online" in c.categories for c in wb.contacts())
    assert set(data["targets"]["by_kind"]) == set(TARGET_KINDS)
    assert data["targets"]["total"] == len(wb.list(Target))
    assert "ux research" in data["targets"]["fields"]
    assert set(data["outreach"]["by_status"]) == set(OUTREACH_STATUSES)
    funnel = data["outreach"]["funnel"]
    assert funnel["listed"] == people["total"] and funnel["contacted"] == 4
    assert funnel["replied"] == 3 and data["outreach"]["replies"] == 3
    assert 1 <= funnel["met"] <= 2  # the February meeting; March's too once it is past
    assert data["meetings"]["planned"] == 2 and data["meetings"]["thanked"] == 0
    assert data["meetings"]["held"] >= 1  # the February one (debrief); March's by the clock
    assert data["steps_done"] == [s["number"] for s in data["steps"] if s["done"]]


def test_progress_counts_meetings_held_by_date(bundle):
    from datetime import datetime, timezone

    from infoview_lib.export.progress_file import progress_data

    wb, _ = bundle
    before = progress_data(wb, now=datetime(2026, 3, 1, tzinfo=timezone.utc))["meetings"]
    after = progress_data(wb, now=datetime(2026, 3, 11, tzinfo=timezone.utc))["meetings"]
    assert (before["held"], after["held"]) == (1, 2)


def test_submission_id_is_stable(bundle, tmp_path):
    wb, result = bundle
    again = export_workbook(wb, tmp_path / "again", anonymize=True, formats="csv")
    ids = [json.loads((r.folder / "progress.json").read_text())["submission_id"]
           for r in (result, again)]
    assert ids[0] == ids[1]


def test_single_contact_cannot_be_anonymised(bundle, tmp_path):
    wb, _ = bundle
    with pytest.raises(ValidationError, match="cannot be anonymised"):
        export_workbook(wb, tmp_path / "x", anonymize=True, contact="Priya")


def _bundle_texts(folder) -> dict[str, str]:
    """Every text file of a bundle, and the sheets inside its .xlsx, decoded."""
    texts = {}
    for path in folder.rglob("*"):
        if path.suffix in (".json", ".md", ".html", ".csv", ".graphml", ".svg", ".txt"):
            texts[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8-sig")
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                texts[path.name] = " ".join(book.read(n).decode("utf-8")
                                            for n in book.namelist() if n.endswith(".xml"))
    return texts


def test_targets_and_custom_categories_are_pseudonymised_consistently(tmp_path):
    from infoview_lib.workbook.model import Contact, Outreach
    from infoview_lib.workbook.store import open_workbook

    wb = open_workbook(tmp_path / "w.sqlite")
    ada = wb.add(Contact(first_name="Adaeze", last_name="Okonkwo", organization="Quillfeather",
                         categories=["Adaeze's book club", "friend"]))
    wb.add(Contact(first_name="Borislav", organization="Quillfeather", categories=["classmate"]))
    company = wb.add(Target(name="Quillfeather", kind="company"))
    wb.add(Target(name="Borislav's kind of work", kind="field"))
    wb.add(Target(name="Solar storage", kind="industry"))
    wb.add(Outreach(contact_id=ada.id, target_id=company.id))
    result = export_workbook(wb, tmp_path / "out", anonymize=True,
                             formats="md,html,csv,xlsx,graphml,svg,png")
    texts = _bundle_texts(result.folder)
    assert {"progress.json", "summary.md", "tables/outreach.csv", "tables.xlsx",
            "map/map.graphml"} <= set(texts)
    for where, text in texts.items():
        for secret in ("Quillfeather", "Adaeze", "Okonkwo", "Borislav"):
            assert secret not in text, f"{where} holds {secret}"
    data = json.loads(texts["progress.json"])
    fake = data["targets"]["companies"]
    assert len(fake) == 1 and fake[0].startswith("Organization ")
    for where in ("tables/outreach.csv", "tables.xlsx", "map/map.graphml", "summary.md"):
        assert fake[0] in texts[where], where  # the same pseudonym everywhere
    assert "solar storage" in data["targets"]["fields"]  # names nobody: kept
    assert any(f.startswith("Target ") for f in data["targets"]["fields"])
    custom = [k for k in data["people"]["by_category"] if k.startswith("Category ")]
    assert len(custom) == 1 and data["people"]["by_category"]["friend"] == 1
    assert custom[0] in texts["tables/contacts.csv"]
    wb.close()
