"""Item 1: `infoview export --force` replaces only what an earlier infoview export wrote."""

from __future__ import annotations

from hostile_cli import one_line_error, run_cli

from infoview_lib.export.names import MARKER
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook


def test_force_refuses_the_workbooks_own_folder_and_unrelated_files(tmp_path):
    book = tmp_path / "workbook.sqlite"
    with open_workbook(book) as wb:
        wb.add(Contact(first_name="Ada"))
        wb.backup("import")
    (tmp_path / "thesis.docx").write_bytes(b"years of work")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    line = one_line_error(run_cli("export", "--out", tmp_path, "--force", "--formats", "md",
                                  workbook=book))
    assert "nothing was removed" in line
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_force_refuses_a_folder_with_backups_even_if_an_export_was_there(tmp_path):
    book = tmp_path / "w" / "workbook.sqlite"
    with open_workbook(book) as wb:
        wb.add(Contact(first_name="Ada"))
    out = tmp_path / "out"
    assert run_cli("export", "--out", out, "--formats", "md", workbook=book).returncode == 0
    (out / "backups").mkdir()
    (out / "backups" / "workbook.20260101-000000-000000.import.sqlite").write_bytes(b"x")
    line = one_line_error(run_cli("export", "--out", out, "--force", "--formats", "md",
                                  workbook=book))
    assert "backups" in line and (out / "plan.md").exists() and (out / MARKER).exists()
