"""Notebooks 02 and 03 in a real kernel: blank workbook and persona, driven by probe cells."""

from __future__ import annotations

from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.targets import contact_first, goals
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def test_notebook_02_from_blank(tmp_path):
    path = tmp_path / "wb.sqlite"
    nb = run_notebook(NOTEBOOKS / "02_what_you_want_to_know.ipynb",
                      {"INFOVIEW_WORKBOOK": str(path)}, probes=[
        "panel.goal_boxes['field'].value = True\n"
        "panel.name.value = 'UX research'; panel.motivation.value = 5; panel.add()\n"
        "print(panel.status.text)",
        "print('Nobody on your list leads to' in panel.leads.value)",
    ])
    assert error_outputs(nb) == []
    assert "Added UX research" in cell_text(nb.cells[-2])
    assert cell_text(nb.cells[-1]).strip() == "True"
    with open_workbook(path) as wb:
        assert goals(wb)["kinds"] == ["field"]


def test_notebook_02_with_persona(tmp_path):
    path = tmp_path / "wb.sqlite"
    with open_workbook(path) as wb:
        load_persona(wb, "maya")
    nb = run_notebook(NOTEBOOKS / "02_what_you_want_to_know.ipynb",
                      {"INFOVIEW_WORKBOOK": str(path)}, probes=[
        "print(panel.pick.options[1][0])",  # [0] is '+ a new target'
        "panel.first.value = panel.first.options[1][1]; print(panel.status.text)",
        "panel.pick.value = panel.pick.options[2][1]\n"
        "print(map_panel.target.label, len(map_panel.image.value) > 1000)",
    ])
    assert error_outputs(nb) == []
    assert cell_text(nb.cells[-1]).strip() == "Interaction design True"
    assert cell_text(nb.cells[-3]).strip() == "1. UX research"
    assert "first for UX research" in cell_text(nb.cells[-2])
    with open_workbook(path) as wb:
        assert contact_first(wb, 1) is not None


def test_notebook_03_compose_and_track(tmp_path):
    path = tmp_path / "wb.sqlite"
    with open_workbook(path) as wb:
        load_persona(wb, "maya")
        hana = wb.find_contact("Hana Sato").id
    nb = run_notebook(NOTEBOOKS / "03_plan_outreach.ipynb", {"INFOVIEW_WORKBOOK": str(path)},
                      probes=[
        f"panel.contact.value = {hana}\nprint(panel.checker.value.count('iv-fail'))",
        "panel.parts['fallback'].value = ''\nprint('Fallback offered.' in panel.checker.value)",
        "panel.status_buttons['sent'].click(); print(panel.status.text)",
    ])
    assert error_outputs(nb) == []
    assert cell_text(nb.cells[-3]).strip() == "0"
    assert cell_text(nb.cells[-2]).strip() == "True"
    assert "Hana Sato: sent" in cell_text(nb.cells[-1])
    with open_workbook(path) as wb:
        record = outreach_for(wb, hana, create=False)
        assert record.status == "sent" and record.parts["fallback"] == ""


def test_notebook_03_from_blank(tmp_path):
    nb = run_notebook(NOTEBOOKS / "03_plan_outreach.ipynb",
                      {"INFOVIEW_WORKBOOK": str(tmp_path / "wb.sqlite")},
                      probes=["print(panel.status.text)"])
    assert error_outputs(nb) == []
    assert "Your list is empty" in cell_text(nb.cells[-1])
