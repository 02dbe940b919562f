"""notebooks/07_export_and_share.ipynb run in a real kernel, then driven by probe cells."""

from __future__ import annotations

import json

from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def test_export_notebook_exports_and_deletes(tmp_path):
    path = tmp_path / "wb.sqlite"
    with open_workbook(path) as wb:
        load_persona(wb, "amara")
    out = tmp_path / "out"
    env = {"INFOVIEW_WORKBOOK": str(path), "MPLBACKEND": "Agg"}
    nb = run_notebook(NOTEBOOKS / "07_export_and_share.ipynb", env, probes=[
        "for f, box in panel.formats.items(): box.value = f in ('md', 'csv', 'zip')\n"
        f"panel.anonymize.value = True; panel.folder.value = {str(out)!r}\n"
        "panel.export_button.click(); print(panel.status.text); print(panel.files.value)",
        f"panel.confirm.value = True; panel.backup_path.value = {str(tmp_path / 'last.json')!r}\n"
        "panel.delete_button.click(); print(panel.delete_status.text)",
    ])
    assert error_outputs(nb) == []
    exported, deleted = (cell_text(c) for c in nb.cells[-2:])
    assert "anonymised files" in exported and "progress.json" in exported
    assert json.loads((out / "progress.json").read_text())["people"]["total"] > 40
    assert "final backup" in deleted and not path.exists()
    assert json.loads((tmp_path / "last.json").read_text())["format"] == "infoview-workbook"
