"""The export panel without a browser: tick formats, export, see links; delete my data."""

from __future__ import annotations

import io
import json

from infoview_lib.ui.export import ExportPanel
from infoview_lib.workbook.paths import output_dir


def make(wb, tmp_path):
    panel = ExportPanel(wb, exports_dir=tmp_path / "exports", notebook_dir=tmp_path / "notebooks")
    for fmt, box in panel.formats.items():
        box.value = fmt in ("md", "csv", "zip")
    return panel


def test_export_writes_files_and_lists_relative_links(maya, tmp_path):
    panel = make(maya, tmp_path)
    panel.folder.value = str(tmp_path / "exports" / "mine")
    panel.export_button.click()
    assert "Wrote 6 files" in panel.status.text, panel.status.text
    assert (tmp_path / "exports" / "mine" / "plan.md").exists()
    assert "href='../exports/mine/tables/contacts.csv'" in panel.files.value
    assert "../exports/mine/infoview-export.zip" in panel.files.value
    assert not panel.export_button.disabled
    assert panel.folder.value != str(tmp_path / "exports" / "mine")  # a fresh folder next time


def test_existing_folder_needs_the_replace_box(maya, tmp_path):
    panel = make(maya, tmp_path)
    target = tmp_path / "exports" / "taken"
    target.mkdir(parents=True)
    (target / "old.txt").write_text("x")
    panel.folder.value = str(target)
    panel.export_button.click()
    assert "iv-error" in panel.status.text and "--force (or tick" in panel.status.text
    assert (target / "old.txt").exists() and not panel.export_button.disabled
    panel.folder.value = str(target)
    panel.force.value = True
    panel.export_button.click()
    assert "infoview did not write" in panel.status.text and (target / "old.txt").exists()
    (target / "old.txt").unlink()
    panel.folder.value = str(target)
    panel.export_button.click()
    assert "Wrote" in panel.status.text
    (target / "tables" / "contacts.csv").unlink()  # a file of the earlier export
    panel.folder.value = str(target)
    panel.force.value = True
    panel.export_button.click()
    assert "Wrote" in panel.status.text and (target / "tables" / "contacts.csv").exists()


def test_replace_refuses_the_workbook_folder(maya, tmp_path):
    panel = make(maya, tmp_path)
    panel.folder.value = str(maya.path.parent)
    panel.force.value = True
    panel.export_button.click()
    assert "iv-error" in panel.status.text and maya.path.exists()
    assert maya.contacts()


def test_anonymised_export_from_the_panel(maya, tmp_path):
    panel = make(maya, tmp_path)
    panel.anonymize.value = True
    panel.folder.value = str(tmp_path / "exports" / "anon")
    panel.export_button.click()
    assert "anonymised files" in panel.status.text
    data = json.loads((tmp_path / "exports" / "anon" / "progress.json").read_text())
    assert data["people"]["total"] == len(maya.contacts())
    assert "Priya" not in (tmp_path / "exports" / "anon" / "tables" / "contacts.csv").read_text(
        encoding="utf-8-sig")


def test_no_format_ticked_is_a_warning(maya, tmp_path):
    panel = make(maya, tmp_path)
    for box in panel.formats.values():
        box.value = False
    panel.export_button.click()
    assert "Tick at least one format" in panel.status.text


def test_delete_needs_confirmation_then_backs_up_and_deletes(maya, tmp_path):
    panel = make(maya, tmp_path)
    path = maya.path
    panel.export_button.click()
    assert "README.txt" in panel.files.value and "Wrote 6 files" in panel.status.text
    panel.delete_button.click()
    assert "Nothing was deleted" in panel.delete_status.text and path.exists()
    panel.confirm.value = True
    panel.backup_path.value = str(tmp_path / "last.json")
    panel.delete_button.click()
    assert "final backup" in panel.delete_status.text, panel.delete_status.text
    assert not path.exists() and (tmp_path / "last.json").exists()
    assert panel.export_button.disabled and panel.delete_button.disabled
    assert panel.files.value == "" and panel.status.text == ""  # no links to deleted files


def test_delete_error_shows_under_the_delete_button(maya, tmp_path):
    panel = make(maya, tmp_path)
    (tmp_path / "taken.json").write_text("old")
    panel.confirm.value = True
    panel.backup_path.value = str(tmp_path / "taken.json")
    panel.delete_button.click()
    assert "already exists" in panel.delete_status.text and maya.path.exists()
    assert panel.status.text == ""


def test_links_show_names_inside_the_export_folder(maya, tmp_path):
    panel = make(maya, tmp_path)
    panel.formats["pdf"].value = True
    panel.folder.value = str(tmp_path / "exports" / "mine")
    panel.export_button.click()
    assert ">tables/contacts.csv</a>" in panel.files.value
    assert ">infoview-export.zip</a>" in panel.files.value
    assert "href='../exports/mine/plan.pdf'" in panel.files.value


def test_default_folder_is_the_workbooks_output_folder(wb, tmp_path):
    panel = ExportPanel(wb, notebook_dir=tmp_path / "course" / "notebooks")
    assert panel.exports_dir == output_dir(wb.path)
    assert panel.folder.value.startswith(str(output_dir(wb.path) / "export-"))
    assert panel.backup_path.value == ""  # a final backup only when asked for


def test_empty_workbook_points_to_step_one(wb, tmp_path):
    panel = make(wb, tmp_path)
    assert "01_who_you_know.ipynb" in panel.status.text and "iv-warn" in panel.status.text
    panel.folder.value = str(tmp_path / "exports" / "empty")
    panel.export_button.click()
    assert "Wrote" in panel.status.text and "01_who_you_know.ipynb" in panel.status.text


def test_app_mode_offers_the_zip_as_a_download(maya, tmp_path, monkeypatch):
    import base64
    import re
    import zipfile

    monkeypatch.setenv("VOILA_REQUEST_URL", "http://127.0.0.1:8866/voila/render/07.ipynb")
    panel = make(maya, tmp_path)
    panel.folder.value = str(tmp_path / "exports" / "app")
    panel.export_button.click()
    assert "href='../" not in panel.files.value  # Voila serves no files: no dead links
    match = re.search(r"download='infoview-export.zip' href='data:application/zip;base64,"
                      r"([A-Za-z0-9+/=]+)'", panel.files.value)
    assert match, panel.files.value[:300]
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(match.group(1))))
    assert "plan.md" in archive.namelist()
    panel.formats["zip"].value = False
    panel.folder.value = str(tmp_path / "exports" / "app2")
    panel.export_button.click()
    assert "Tick <b>zip</b>" in panel.files.value and "<li>plan.md</li>" in panel.files.value
