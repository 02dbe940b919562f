"""`infoview export` and `infoview delete-my-data` through the real command-line entry point."""

from __future__ import annotations

import json

import pytest

from infoview_lib.cli import main
from infoview_lib.export import delete_my_data
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.store import open_workbook


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book(tmp_path, capsys):
    path = tmp_path / "wb" / "w.sqlite"
    assert run(capsys, "init", "--workbook", str(path), "--persona", "daniel")[0] == 0
    return path


def test_export_writes_the_chosen_formats(capsys, book, tmp_path):
    out = tmp_path / "out"
    code, text, _ = run(capsys, "export", "--workbook", str(book), "--out", str(out),
                        "--formats", "md,csv,json,zip")
    assert code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".infoview-export", "README.txt", "backup/workbook.json", "infoview-export.zip", "plan.md",
        "tables/contacts.csv", "tables/outreach.csv", "tables/ties.csv"]
    assert f"7 files written to {out}" in text


def test_export_refuses_an_existing_folder_then_force_replaces(capsys, book, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("precious")
    code, _, err = run(capsys, "export", "--workbook", str(book), "--out", str(out),
                       "--formats", "md")
    assert code == 1 and "--force" in err and (out / "mine.txt").read_text() == "precious"
    code, _, err = run(capsys, "export", "--workbook", str(book), "--out", str(out),
                       "--formats", "md", "--force")
    assert code == 1 and "infoview did not write it" in err
    assert (out / "mine.txt").read_text() == "precious"
    (out / "mine.txt").unlink()
    assert run(capsys, "export", "--workbook", str(book), "--out", str(out), "--formats",
               "md,csv")[0] == 0
    code, _, _ = run(capsys, "export", "--workbook", str(book), "--out", str(out),
                     "--formats", "md", "--force")
    assert code == 0 and (out / "plan.md").exists() and not (out / "tables").exists()


def test_export_without_out_writes_under_the_workbooks_output_folder(capsys, book):
    code, text, _ = run(capsys, "export", "--workbook", str(book), "--formats", "md")
    folders = list((book.parent / "w-exports").iterdir())
    assert code == 0 and len(folders) == 1 and (folders[0] / "plan.md").exists()
    assert str(folders[0]) in text


def test_export_anonymised_and_single_contact(capsys, book, tmp_path):
    code, text, _ = run(capsys, "export", "--workbook", str(book), "--out",
                        str(tmp_path / "anon"), "--anonymize", "--formats", "csv,md")
    assert code == 0 and "Anonymised export" in text
    data = json.loads((tmp_path / "anon" / "progress.json").read_text(encoding="utf-8"))
    assert data["format"] == "infoview-progress"
    with open_workbook(book) as wb:
        name = wb.contacts()[0].name
    code, text, _ = run(capsys, "export", "--workbook", str(book), "--out",
                        str(tmp_path / "one"), "--contact", name, "--formats", "md")
    assert code == 0 and "plans/" in text


def test_export_errors_are_one_line(capsys, book, tmp_path):
    code, _, err = run(capsys, "export", "--workbook", str(book), "--out", str(tmp_path / "x"),
                       "--formats", "docx")
    assert code == 1 and "Unknown format(s) docx" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "export", "--workbook", str(tmp_path / "none.sqlite"), "--out",
                       str(tmp_path / "y"))
    assert code == 1 and "No workbook" in err


def test_delete_my_data_needs_yes_and_offers_a_backup(capsys, book, tmp_path):
    with open_workbook(book) as wb:
        wb.backup("test")  # an automatic backup holds personal data too
        before = wb.to_json()
    code, _, err = run(capsys, "delete-my-data", "--workbook", str(book))
    assert code == 1 and "--yes" in err and "--backup" in err and book.exists()
    last = tmp_path / "last.json"
    code, text, _ = run(capsys, "delete-my-data", "--workbook", str(book), "--backup",
                        str(last), "--yes")
    assert code == 0 and not book.exists() and not (book.parent / "backups").exists()
    assert "final backup" in text
    with open_workbook(tmp_path / "restored.sqlite") as wb:
        wb.restore_json(json.loads(last.read_text(encoding="utf-8")))
        assert wb.to_json() == before


def test_delete_refuses_to_overwrite_a_backup_file(book, tmp_path):
    from infoview_lib.workbook.errors import ExportError

    taken = tmp_path / "taken.json"
    taken.write_text("old")
    with pytest.raises(ExportError, match="already exists"):
        delete_my_data(book, backup=taken, yes=True)
    assert book.exists() and taken.read_text() == "old"
    with pytest.raises(ValidationError, match="Confirm"):
        delete_my_data(book)
    assert book.exists()
