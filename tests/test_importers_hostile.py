"""Hostile contact files, run for real: zip bombs, huge files, photo-heavy vCards.

Each refusal is one line (no traceback) and nothing is written to the workbook.
"""

from __future__ import annotations

import base64
import io
import json
import random
import subprocess
import sys
import zipfile

import pytest

from infoview_lib.importers import parse_contacts, parse_linkedin_zip, parse_vcard, zipfiles
from infoview_lib.workbook.errors import ImportFormatError
from infoview_lib.workbook.store import open_workbook


def _bomb(megabytes: int, member: str = "Connections.csv") -> bytes:
    """A zip whose one member unpacks to `megabytes` MB of zeros (a few hundred KB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open(member, "w", force_zip64=True) as stream:
        block = b"0" * (1 << 20)
        for _ in range(megabytes):
            stream.write(block)
    return buf.getvalue()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> bytes:
    return _bomb(150)


def test_zip_bomb_is_refused_by_the_command_in_one_line(bomb, tmp_path):
    path = tmp_path / "LinkedInDataExport.zip"
    path.write_bytes(bomb)
    workbook = tmp_path / "wb" / "workbook.sqlite"
    run = subprocess.run([sys.executable, "-m", "infoview_lib", "import", str(path),
                          "--workbook", str(workbook), "--json"],
                         capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "did not unpack it" in run.stderr
    assert not workbook.exists()


@pytest.mark.parametrize("parse", [parse_contacts, parse_linkedin_zip])
def test_zip_bomb_is_refused_before_it_is_unpacked(bomb, parse):
    with pytest.raises(ImportFormatError, match="unpacks to more than 100 MB"):
        parse(bomb, "bomb.zip")


def test_a_small_bomb_is_caught_by_its_ratio():
    with pytest.raises(ImportFormatError, match="over 100 times its packed size"):
        parse_contacts(_bomb(20, "contacts.vcf"), "bomb.zip")


def test_total_unpacked_size_is_capped(monkeypatch):
    rng = random.Random(3)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(3):  # incompressible members: the ratio check cannot catch them
            card = (f"BEGIN:VCARD\nFN:P{i}\nNOTE:" + base64.b64encode(
                rng.randbytes(400_000)).decode() + "\nEND:VCARD\n")
            archive.writestr(f"c{i}.vcf", card)
    monkeypatch.setattr(zipfiles, "MAX_TOTAL_BYTES", 1_000_000)
    monkeypatch.setattr(zipfiles.Budget, "__init__",
                        lambda self, left=1_000_000: setattr(self, "left", left))
    with pytest.raises(ImportFormatError, match="unpacks to more than 1 MB"):
        parse_contacts(buf.getvalue(), "many.zip")


def test_member_count_is_capped(monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for i in range(12):
            archive.writestr(f"c{i}.vcf", f"BEGIN:VCARD\nFN:P{i}\nEND:VCARD\n")
    monkeypatch.setattr(zipfiles, "MAX_MEMBERS", 10)
    with pytest.raises(ImportFormatError, match="holds 12 files, more than the 10"):
        parse_contacts(buf.getvalue(), "many.zip")


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path, workbook_path):
    huge = tmp_path / "contacts.vcf"
    with open(huge, "wb") as handle:  # sparse: takes no disk space or memory
        handle.write(b"BEGIN:VCARD\n")
        handle.truncate(200_000_000)
    run = subprocess.run([sys.executable, "-m", "infoview_lib", "import", str(huge),
                          "--workbook", str(workbook_path)],
                         capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 1
    assert "200 MB" in run.stderr and run.stderr.count("\n") == 1


def _photo_card(photo_bytes: int, rng: random.Random) -> bytes:
    photo = base64.b64encode(rng.randbytes(photo_bytes)).decode()
    lines = "\r\n".join(photo[i:i + 76] for i in range(0, len(photo), 76))
    note = "=\r\n".join(["Zo=C3=AB met us at the fair and asked about analytics"] * 4000)
    return (f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Example;Ada;;;\r\n"
            f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{note}\r\n"
            f"PHOTO;ENCODING=BASE64;JPEG:{lines}\r\n\r\nEND:VCARD\r\n").encode()


@pytest.mark.timeout(60)
def test_photo_and_soft_break_heavy_vcard_parses(tmp_path):
    # 6 MB of photo and 200 KB of quoted-printable soft breaks in one card: the parser
    # before this fix took minutes on 385 KB; a linear one reads this in well under a second
    data = _photo_card(4_500_000, random.Random(1))
    result = parse_vcard(data, "big.vcf")
    assert result.errors == []
    ada = result.contacts[0][1]
    assert ada.name == "Ada Example"
    assert ada.notes.startswith("Zoë met us") and ada.notes.count("Zoë") == 4000


def test_summary_json_of_a_refused_file_is_not_printed(tmp_path, workbook_path):
    good = tmp_path / "c.vcf"
    good.write_text("BEGIN:VCARD\nFN:Ada Example\nEND:VCARD\n")
    bad = tmp_path / "bomb.zip"
    bad.write_bytes(_bomb(8, "contacts.vcf"))
    run = subprocess.run([sys.executable, "-m", "infoview_lib", "import", str(good), str(bad),
                          "--workbook", str(workbook_path), "--json"],
                         capture_output=True, text=True, check=False, timeout=120)
    data = json.loads(run.stdout)
    assert run.returncode == 1
    assert data["added"] == 1
    assert [f["file"] for f in data["failed_files"]] == ["bomb.zip"]
    with open_workbook(workbook_path) as wb:
        assert [c.name for c in wb.contacts()] == ["Ada Example"]


def test_parallel_imports_keep_every_email_of_a_shared_person(tmp_path, workbook_path):
    with open_workbook(workbook_path):
        pass  # the workbook exists before the race (three creators is another story)
    paths = []
    for i in range(3):
        path = tmp_path / f"part{i}.csv"
        path.write_text("First Name,Last Name,E-mail Address,E-mail 2 Address,Company\n"
                        f"Ada,Example,ada@shared.example,ada{i}@own.example,Acme\n"
                        f"Person{i},Only,p{i}@x.example,,Acme\n")
        paths.append(path)
    runs = [subprocess.Popen([sys.executable, "-m", "infoview_lib", "import", str(p),
                              "--workbook", str(workbook_path), "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for p in paths]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    with open_workbook(workbook_path) as wb:
        adas = [c for c in wb.contacts() if c.name == "Ada Example"]
        assert len(adas) == 1
        assert sorted(adas[0].emails) == ["ada0@own.example", "ada1@own.example",
                                          "ada2@own.example", "ada@shared.example"]
        assert len(wb.contacts()) == 4
