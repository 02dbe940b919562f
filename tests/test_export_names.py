"""Safe file names and the export folder: no traversal, no reserved names, no overwrite."""

from __future__ import annotations

import pytest

from infoview_lib.export.names import (
    MARKER,
    MAX_NAME_BYTES,
    ExportFolder,
    safe_filename,
    unique_filename,
)
from infoview_lib.workbook.errors import ExportError


@pytest.mark.parametrize("text, expected", [
    ("../../etc/passwd", "etc_passwd"),
    ("..\\..\\windows\\win.ini", "windows_win.ini"),
    ("/abs/path", "abs_path"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("Com1", "_Com1"), ("LPT9", "_LPT9"),
    ("a:b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h"),
    ("tab\there\nnewline\x00nul", "tab_here_newline_nul"),
    ("...", "file"), ("   ", "file"), ("", "file"),
    ("<script>alert(1)</script>", "script_alert(1)_script"),
    ("晓雯 李", "晓雯_李"),
])
def test_safe_filename(text, expected):
    assert safe_filename(text) == expected


def test_safe_filename_caps_length_in_bytes_without_splitting_characters():
    name = safe_filename("李" * 100, suffix=".pdf")
    stem = name[:-4]
    assert len(stem.encode("utf-8")) <= MAX_NAME_BYTES and set(stem) == {"李"}
    assert name.endswith(".pdf")


def test_unique_filename_ignores_case():
    assert unique_filename("Ada.md", {"ada.md", "Ada-2.md"}) == "Ada-3.md"


def test_export_folder_refuses_a_non_empty_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("keep me")
    with pytest.raises(ExportError, match="--force"):
        ExportFolder(out)
    assert (out / "old.txt").read_text() == "keep me"


def test_export_folder_force_replaces_only_an_earlier_export(tmp_path):
    out = tmp_path / "out"
    first = ExportFolder(out)
    first.write_text("sub/old.txt", "x")
    folder = ExportFolder(out, force=True)
    folder.write_text("new.txt", "y")
    assert sorted(p.name for p in out.rglob("*")) == [MARKER, "new.txt"]


def test_export_folder_force_refuses_a_folder_infoview_did_not_write(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work")
    with pytest.raises(ExportError, match="did not write"):
        ExportFolder(out, force=True)
    assert (out / "thesis.docx").read_text() == "years of work"


def test_export_folder_force_keeps_a_file_added_after_the_export(tmp_path):
    out = tmp_path / "out"
    ExportFolder(out).write_text("plan.md", "x")
    (out / "my-notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="my-notes.txt, which infoview did not write"):
        ExportFolder(out, force=True)
    assert (out / "plan.md").exists() and (out / "my-notes.txt").exists()


def test_export_folder_accepts_an_empty_existing_folder(tmp_path):
    ExportFolder(tmp_path).write_text("a.txt", "ok")
    assert (tmp_path / "a.txt").read_text() == "ok"


def test_export_folder_refuses_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        ExportFolder(tmp_path / "f")


@pytest.mark.parametrize("bad", ["../x.txt", "a/../../x.txt", "/tmp/x.txt", ".", "sub/.."])
def test_export_folder_never_writes_outside(tmp_path, bad):
    folder = ExportFolder(tmp_path / "out")
    with pytest.raises(ExportError, match="outside the export folder"):
        folder.write_text(bad, "x")
    assert not (tmp_path / "x.txt").exists()


def test_export_folder_does_not_follow_a_symlink_out(tmp_path):
    folder = ExportFolder(tmp_path / "out")
    (tmp_path / "elsewhere").mkdir()
    (folder.root / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ExportError, match="outside"):
        folder.write_text("link/x.txt", "x")
    assert not (tmp_path / "elsewhere" / "x.txt").exists()


def test_bom_and_relative_names(tmp_path):
    folder = ExportFolder(tmp_path / "out")
    path = folder.write_text("t/a.csv", "é", bom=True)
    assert path.read_bytes() == b"\xef\xbb\xbf\xc3\xa9"
    assert folder.relative(path) == "t/a.csv" and folder.written == [path]
