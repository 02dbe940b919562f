"""The map panels without a browser: refresh after a change, anonymise, save, target picker."""

from __future__ import annotations

import html

from infoview_lib.ui.bulk_edit import WITHOUT_LABEL
from infoview_lib.ui.network_map import MapPanel, TargetMapPanel
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.model import Contact, Target
from infoview_lib.workbook.paths import output_dir

PNG = b"\x89PNG\r\n\x1a\n"


def test_map_panel_shows_a_png_and_refreshes_after_a_step1_add(maya):
    panel = WhoYouKnowPanel(maya)
    map_panel = MapPanel(maya)
    panel.on_change(map_panel.refresh)
    before = map_panel.image.value
    assert before[:8] == PNG
    frames = [c for c in map_panel.widget.children if "iv-map" in c._dom_classes]
    assert frames and frames[0].children == (map_panel.image,)
    assert "56 people" in map_panel.caption.value
    panel.quick.submit(name="Zara Newcomer")
    assert "57 people" in map_panel.caption.value
    assert map_panel.image.value != before


def test_map_caption_explains_an_empty_map_and_a_one_slice_import(wb):
    map_panel = MapPanel(wb)
    assert "Only you so far" in map_panel.caption.value
    wb.add_many([Contact(first_name=f"Imported{i}", organization="Acme") for i in range(12)])
    wb.add(Contact(first_name="Sorted", categories=["friend"]))
    map_panel.refresh()
    hint = map_panel.caption.value
    assert "12 people have no part of life yet" in hint and "'no part of life yet' group" in hint
    assert "Only you" not in hint
    assert "Import contacts" not in hint and "'Your people'" in hint
    assert WITHOUT_LABEL in hint  # names the bulk action's checkbox as it is labelled


def test_anonymise_checkbox_redraws_with_pseudonyms(maya):
    map_panel = MapPanel(maya)
    plain = {t.get_text() for t in map_panel.last_result.labels}
    map_panel.anonymize.value = True
    anon = {t.get_text() for t in map_panel.last_result.labels}
    assert "Priya Raman" in plain and "Priya Raman" not in anon
    assert any(text.startswith("Person ") for text in anon)


def test_save_writes_three_formats_and_alt_text(maya):
    map_panel = MapPanel(maya)
    map_panel.save_button.click()
    names = sorted(p.name for p in (output_dir(maya.path) / "map").iterdir())
    assert names == ["map.pdf", "map.png", "map.svg", "map.txt"]
    assert "Saved map.png, map.svg, map.pdf" in map_panel.status.text
    assert not map_panel.save_button.disabled


def test_target_map_lists_leads_and_follows_the_picker(maya):
    panel = TargetMapPanel(maya)
    assert panel.target.label == "UX research"
    assert "Lucía Romero" in panel.leads.value and "works there" in panel.leads.value
    first = panel.image.value
    panel.target.value = next(v for label, v in panel.target.options if label == "Service design")
    assert "Gabriel Moreau" in panel.leads.value and "Lucía Romero" not in panel.leads.value
    assert panel.image.value != first and panel.image.value[:8] == PNG
    assert "You → Gabriel Moreau → Service design" in panel.leads.value


def test_target_map_without_targets_explains_what_to_do(wb):
    wb.add(Contact(first_name="Ada", tie_strength="often"))
    panel = TargetMapPanel(wb)
    assert panel.target.value is None and "Add a target" in panel.leads.value
    target = wb.add(Target(name="Astronomy", keywords=["telescope"]))
    wb.add(Contact(first_name="Bo", notes="Builds telescopes", tie_strength="rarely"))
    panel.refresh()
    assert panel.target.value == target.id and "Bo" in panel.leads.value
    assert "1 person can point you to Astronomy" in panel.status.text


def test_target_map_on_an_empty_list_points_to_step_1(wb):
    wb.add(Target(name="Astronomy"))
    panel = TargetMapPanel(wb)
    assert "list of people is empty" in panel.leads.value and "step 1" in panel.leads.value
    assert panel.status.text == ""   # no cheerful "0 people can point you" line


def test_step1_notebook_map_follows_an_add(tmp_path):
    from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.store import open_workbook

    with open_workbook(tmp_path / "wb.sqlite") as wb:
        load_persona(wb, "maya")
    nb = run_notebook(NOTEBOOKS / "01_who_you_know.ipynb",
                      {"INFOVIEW_WORKBOOK": str(tmp_path / "wb.sqlite")}, probes=[
        "before = map_panel.image.value; print(map_panel.caption.value)",
        "panel.quick.submit(name='Zed Probe'); "
        "print(map_panel.caption.value, map_panel.image.value != before)",
    ])
    assert error_outputs(nb) == []
    before, after = (cell_text(c) for c in nb.cells[-2:])
    assert "56 people" in before
    assert "57 people" in after and after.strip().endswith("True")


def _event(explorer, node, name="motion_notify_event"):
    """A matplotlib mouse event at a person's marker on the explorer's canvas."""
    from matplotlib.backend_bases import MouseEvent

    x, y = explorer.ax.transData.transform(explorer.xy[explorer.people.index(node)])
    return MouseEvent(name, explorer.canvas, x, y, button=1)


def test_explore_hover_shows_details_and_click_selects_in_step1(maya):
    from infoview_lib.ui.map_explorer import HINT

    map_panel = MapPanel(maya)
    panel = WhoYouKnowPanel(maya, map_panel=map_panel)
    map_panel.explore.value = True
    explorer = map_panel.explorer
    assert map_panel.frame.children == (explorer.widget,) and explorer.canvas is not None
    priya = next(c for c in maya.contacts() if c.name == "Priya Raman")
    node = f"c:{priya.id}"
    explorer._hover(_event(explorer, node))
    assert "<b>Priya Raman</b>" in explorer.info.value
    assert html.escape(priya.organization) in explorer.info.value
    x, y = explorer.ax.transData.transform(explorer.xy[explorer.people.index(node)])
    assert explorer.person_at(x + 40, y + 40) != node
    panel.bulk.search.value = "Marcus"  # Priya is not listed; a click still finds her
    explorer._click(_event(explorer, node, "button_press_event"))
    assert panel.person.value == priya.id and explorer.selected == priya.id
    map_panel.explore.value = False
    assert map_panel.frame.children == (map_panel.image,)
    assert HINT.startswith("Point at a person")


def test_explore_redraws_after_an_add_and_escapes_names(wb):
    map_panel = MapPanel(wb)
    map_panel.explore.value = True
    before = map_panel.explorer.canvas
    ada = wb.add(Contact(first_name="<img src=x onerror=alert(1)>", tie_strength="often"))
    map_panel.refresh()
    explorer = map_panel.explorer
    assert explorer.canvas is not before and len(explorer.people) == 1
    explorer._hover(_event(explorer, f"c:{ada.id}"))
    assert "<img" not in explorer.info.value and "&lt;img" in explorer.info.value


def test_a_redraw_frees_the_previous_explorers_figure(wb):
    map_panel = MapPanel(wb)
    map_panel.explore.value = True
    first = map_panel.explorer
    for name in ("Ada", "Ben", "Cy"):
        wb.add(Contact(first_name=name, tie_strength="often"))
        map_panel.refresh()
    assert first.canvas is None and map_panel.explorer.canvas is not None


def test_a_missing_font_is_explained_in_the_panel(wb, only_default_font):
    wb.add(Contact(first_name="晓雯", last_name="李", tie_strength="often"))
    map_panel = MapPanel(wb)
    caption = map_panel.caption.value
    assert "iv-map-fonts" in caption and "fonts-noto-cjk" in caption
    assert "restart the kernel" in caption and ".py" not in caption
