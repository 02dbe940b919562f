"""'Delete my data' as the panel comes (nothing typed under Backup) leaves no file that names
a contact beside the workbook: in the walk, the pre-filled final backup kept every name in
the project folder after the delete."""

from __future__ import annotations

from infoview_lib.ui.export import ExportPanel
from infoview_lib.workbook.model import Contact


def test_the_delete_as_offered_keeps_nothing_of_the_contacts(wb):
    wb.add(Contact(first_name="Bo", last_name="Chenowethian", organization="Northwind Solar"))
    folder = wb.path.parent
    panel = ExportPanel(wb)
    panel.export_button.click()  # files that name Bo, in the workbook's exports folder
    assert "Wrote" in panel.status.text, panel.status.text
    panel.confirm.value = True
    panel.delete_button.click()
    assert "Deleted" in panel.delete_status.text, panel.delete_status.text
    naming = [p for p in folder.rglob("*") if p.is_file() and b"Chenowethian" in p.read_bytes()]
    assert naming == []


def test_a_backup_is_kept_only_where_the_user_asks(wb, tmp_path):
    wb.add(Contact(first_name="Bo", last_name="Chenowethian"))
    panel = ExportPanel(wb)
    panel.backup_path.value = str(tmp_path / "elsewhere" / "mine.json")
    panel.confirm.value = True
    panel.delete_button.click()
    assert b"Chenowethian" in (tmp_path / "elsewhere" / "mine.json").read_bytes()
    assert "mine.json" in panel.delete_status.text
