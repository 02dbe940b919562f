"""class-report on hostile and messy hand-ins: each bad file is listed with a reason and
skipped, never followed; a platform's bulk zip is opened; students who share a backup stay
apart; the report still builds (in a real process, without a traceback)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest

from infoview_lib.classroom import handins
from infoview_lib.classroom.report import read_submissions, sample_submissions

SIX = sample_submissions(6, seed=3)


def raw(i: int, **changes) -> bytes:
    return json.dumps({**SIX[i], **changes}).encode()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def patched(data: bytes, local: int, central: int, value: int) -> bytes:
    """Set a 2-byte field in the first local header and the first central directory entry."""
    data = bytearray(data)
    c = data.index(b"PK\x01\x02")
    for at in (local, c + central):
        data[at:at + 2] = value.to_bytes(2, "little")
    return bytes(data)


def reasons(problems) -> dict[str, str]:
    return {p.source: p.message for p in problems}


def test_hostile_files_are_each_listed_and_skipped(tmp_path):
    bundle = zipped({"anonymised/progress.json": raw(0), "anonymised/README.txt": b"hi"})
    files = {
        "huge-number.json": b'{"format": "infoview-progress", "version": 1, "people": {"total": '
                            + b"9" * 5000 + b"}}",
        "big-count.json": json.dumps({**SIX[1], "people": {"total": 10**30}}).encode(),
        "deep.json": b"[" * 200_000 + b"]" * 200_000,
        "categories.json": json.dumps({**SIX[2], "people": {
            "total": 3, "by_category": {f"c{i}": 1 for i in range(20_000)}}}).encode(),
        "encrypted.zip": patched(bundle, 6, 8, 0x1),
        "aes.zip": patched(bundle, 8, 10, 99),
        "bomb.zip": zipped({"progress.json": b"0" * 50_000_000}),
        "essay.pdf": b"%PDF-1.4",
        "notes.docx": b"PK\x03\x04",
        "good.json": raw(3),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    subs, problems = read_submissions([tmp_path])
    why = reasons(problems)
    assert [s.source for s in subs] == ["good.json"]
    assert set(why) == set(files) - {"good.json"}
    assert "not readable JSON" in why["huge-number.json"]
    assert "from 0 to 1,000,000" in why["big-count.json"]
    assert "nested too deeply" in why["deep.json"]
    assert "20,000 entries" in why["categories.json"]
    assert "protected by a password" in why["encrypted.zip"]
    assert "compression this report cannot read" in why["aes.zip"]
    assert "too large" in why["bomb.zip"]
    assert "a .pdf file is not a progress file" in why["essay.pdf"]
    assert "a .docx file is not a progress file" in why["notes.docx"]


def test_a_platform_download_all_zip_is_opened_student_by_student(tmp_path):
    full_export = zipped({"README.txt": b"x", "backup/workbook.json": b"{}",
                          "tables/contacts.csv": b"name\nAda Lovelace\n"})
    outer = zipped({
        "Alice Smith_1001/infoview-anonymised.zip": zipped({"anonymised/progress.json": raw(0),
                                                            "anonymised/summary.md": b"#"}),
        "Bob Jones_1002/progress.json": raw(1),
        "Carol White_1003/cv.pdf": b"%PDF",
        "Dan Brown_1004/infoview-export.zip": full_export,
        "__MACOSX/._Bob Jones_1002": b"",
    })
    (tmp_path / "submissions.zip").write_bytes(outer)
    subs, problems = read_submissions([tmp_path / "submissions.zip"])
    assert sorted(s.source for s in subs) == [
        "submissions.zip/Alice Smith_1001/infoview-anonymised.zip",
        "submissions.zip/Bob Jones_1002/progress.json"]
    why = reasons(problems)
    assert set(why) == {"submissions.zip/Carol White_1003/cv.pdf",
                        "submissions.zip/Dan Brown_1004/infoview-export.zip"}
    full = why["submissions.zip/Dan Brown_1004/infoview-export.zip"]
    assert "full export, with names in it" in full and handins.HAND_IN in full
    assert "Ada" not in json.dumps([str(p) for p in problems])


def test_students_who_restored_one_shared_backup_are_counted_apart(tmp_path):
    shared = SIX[4]["submission_id"]
    for student, extra in (("ana", 1), ("ben", 2)):
        (tmp_path / student).mkdir()
        changed = json.loads(raw(4))
        changed["people"]["total"] += extra
        changed["submission_id"] = shared
        (tmp_path / student / "progress.json").write_text(json.dumps(changed))
    subs, problems = read_submissions([tmp_path])
    assert len(subs) == 2 and problems == []


def test_caps_on_members_and_nesting(tmp_path, monkeypatch):
    monkeypatch.setattr(handins, "MAX_MEMBERS", 3)
    (tmp_path / "many.zip").write_bytes(zipped({f"s{i}/progress.json": raw(0) for i in range(4)}))
    nested = raw(5)
    for _ in range(4):
        nested = zipped({"inner.zip" if nested[:2] == b"PK" else "progress.json": nested})
    (tmp_path / "nested.zip").write_bytes(nested)
    subs, problems = read_submissions([tmp_path])
    why = reasons(problems)
    assert subs == []
    assert "holds 4 files" in why["many.zip"]
    assert any("nested more than 3 deep" in m for m in why.values())


@pytest.mark.parametrize("n_categories", [400])
def test_many_categories_across_a_class_stay_one_readable_chart(tmp_path, n_categories):
    for i, data in enumerate(sample_submissions(40, seed=5)):
        data["people"]["by_category"] = {f"s{i}-cat{j}": 1 for j in range(n_categories)}
        (tmp_path / f"s{i}.json").write_text(json.dumps(data))
    from infoview_lib.classroom.report_render import build_report

    result = build_report([tmp_path], tmp_path / "out")
    assert result.summary["students"] == 40
    cats = result.summary["by_category"]
    assert len(cats) == 26 and cats["(15975 other categories)"] == 15_975


def test_the_command_lists_every_bad_file_in_a_real_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.json").write_bytes(raw(0))
    (folder / "deep.json").write_bytes(b"{\"a\":" * 100_000 + b"1" + b"}" * 100_000)
    (folder / "slides.pptx").write_bytes(b"PK")
    done = subprocess.run([sys.executable, "-m", "infoview_lib", "class-report", str(folder),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "1 submission(s) used, 2 file(s) skipped" in done.stdout
    assert "deep.json: skipped: nested too deeply" in done.stdout
    assert "slides.pptx: skipped: a .pptx file is not a progress file" in done.stdout
    assert "Traceback" not in done.stderr
