"""`infoview demo --out DIR` never deletes what infoview did not write."""

from __future__ import annotations

import json

import pytest

from infoview_lib.classroom.demo import MANIFEST, run_demo
from infoview_lib.cli import main
from infoview_lib.workbook.errors import ValidationError


def test_a_non_empty_folder_keeps_its_files_and_a_rerun_replaces_only_the_demo(tmp_path,
                                                                                capsys):
    out = tmp_path / "Documents"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"chapter one")
    (out / "photos").mkdir()
    (out / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    (out / MANIFEST).write_text(json.dumps([str(outside), "../outside.txt"]))  # tampered
    assert main(["demo", "--out", str(out)]) == 0
    assert outside.read_text() == "keep"
    assert (out / "thesis.docx").read_bytes() == b"chapter one"
    assert (out / "photos" / "cat.jpg").exists() and (out / "summary.md").exists()
    listed = json.loads((out / MANIFEST).read_text())
    assert "summary.md" in listed and "thesis.docx" not in listed
    (out / "export" / "my-own-notes.txt").write_text("mine")  # put inside a demo folder
    assert main(["demo", "--out", str(out)]) == 1
    assert "already holds export, which the demo did not write" in capsys.readouterr().err
    assert (out / "export" / "my-own-notes.txt").read_text() == "mine"
    (out / "export" / "my-own-notes.txt").unlink()
    assert main(["demo", "--out", str(out)]) == 0  # again: replaces its own files only
    assert (out / "thesis.docx").read_bytes() == b"chapter one"


def test_a_foreign_file_with_a_demo_name_is_refused_and_kept(tmp_path):
    (tmp_path / "summary.md").write_text("my own summary")
    with pytest.raises(ValidationError, match="summary.md, which the demo did not write"):
        run_demo(tmp_path)
    assert (tmp_path / "summary.md").read_text() == "my own summary"
