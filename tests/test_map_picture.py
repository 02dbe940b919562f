"""The map as a picture: who is named, nothing overlaps or leaves the canvas, every part of
life looks different, exports are searchable, and a '$' in a name is just a dollar sign.

The workbooks are the reference renders' (docs/map-gallery/make_gallery.py).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from poppler import poppler

from infoview_lib.map.draw import PALETTE, category_style, save_map
from infoview_lib.map.network import build_graph
from infoview_lib.workbook.model import Contact, Target

GALLERY = Path(__file__).resolve().parent.parent / "docs" / "map-gallery" / "make_gallery.py"
MATH = "Zoë $\\frac{1}{$ Money"  # matplotlib's mathtext fails on this one


def _gallery():
    spec = importlib.util.spec_from_file_location("make_gallery", GALLERY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _boxes(saved):
    """Window extents (pixels) of every label, and the figure's size."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = saved.result.ax.figure
    renderer = FigureCanvasAgg(fig).get_renderer()
    return [t.get_window_extent(renderer) for t in saved.result.labels], fig, renderer


def _check_structure(saved, g):
    boxes, fig, renderer = _boxes(saved)
    width, height = fig.bbox.width, fig.bbox.height
    for node, box in zip(saved.result.labelled, boxes, strict=True):  # inside the canvas
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height, node
    for text in fig.texts:  # the caption, wrapped inside the picture
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0, text.get_text()
    assert fig.texts and fig.texts[0].get_text().replace("\n", " ") == saved.result.caption
    legend = saved.result.artists.get("legend")
    if legend is not None:
        box = legend.get_window_extent(renderer)
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height
    for i, a in enumerate(boxes):  # no two label boxes overlap
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            overlap = min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)
            assert min(overlap) <= 0.5, (saved.result.labelled[i], saved.result.labelled[j])
    lay = saved.result.layout
    ax = saved.result.ax
    people = [n for n in lay.nodes if g.nodes[n]["kind"] == "contact"]
    centres = ax.transData.transform(lay.xy[[lay.index[n] for n in people]])
    for node, box in zip(saved.result.labelled, boxes, strict=True):  # never on a person
        if g.nodes[node]["kind"] != "contact":
            continue
        inside = ((centres[:, 0] > box.x0 + 1) & (centres[:, 0] < box.x1 - 1)
                  & (centres[:, 1] > box.y0 + 1) & (centres[:, 1] < box.y1 - 1))
        assert not inside.any(), (node, [people[k] for k in np.nonzero(inside)[0]])


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gallery")
    return {name: (source, target) for name, _what, source, target
            in _gallery().scenarios(folder) if name != "5000-people.png"}


@pytest.mark.parametrize("name", ["15-people.png", "60-people.png", "300-import.png",
                                  "persona-import.png"])
def test_reference_maps_are_structurally_sound(gallery, name, tmp_path):
    wb, target = gallery[name]
    g = build_graph(wb)
    saved = save_map(wb, tmp_path / name, graph=g, target=target)
    _check_structure(saved, g)
    named = set(saved.result.labelled)
    people = [n for n, k in g.nodes(data="kind") if k == "contact"]
    assert saved.result.named == len(named & set(people))
    important = [n for n in people if g.nodes[n]["outreach_status"]
                 or g.nodes[n]["degree"] > 1 or g.nodes[n]["can_interview"]
                 or g.nodes[n]["can_refer"]]
    if name == "15-people.png":
        assert saved.result.named == len(people) == 16  # everyone
    if name == "60-people.png":
        assert saved.result.named == len(people)  # everyone, some with a line
    if name in ("15-people.png", "60-people.png", "300-import.png"):
        assert set(important) <= named  # the contacted, the referrals, who could help
    if name == "300-import.png":
        typed = [n for n in people if g.nodes[n]["categories"]]
        contacted = [n for n in people if g.nodes[n]["outreach_status"]]
        assert len(typed) == 16 and len(set(typed) & named) >= 15
        assert len(contacted) == 2 and set(contacted) <= named
        assert "no part of life yet" in saved.result.layout.sector_names
    if target:
        best = [lead.contact for lead in saved.result.leads[:5]]
        assert set(best) <= named and "paths" in saved.result.artists
        assert "can point you to" in saved.result.caption


def test_every_part_of_life_looks_different():
    from infoview_lib.classroom.protocol import current_protocol

    n = len(current_protocol().categories)
    styles = [category_style(i, n) for i in range(n)] + [category_style(n, n)]
    assert len(set(styles)) == len(styles)
    assert len({colour for colour, _ in styles}) == len(styles)  # colour alone tells them apart
    assert len({marker for _, marker in styles[:n]}) == n  # and so does shape alone
    many = [category_style(i) for i in range(3 * len(PALETTE))]
    assert len(set(many)) == len(many)  # even for a protocol with 36 parts of life


def test_svg_names_are_text_and_pdf_names_are_searchable(maya, tmp_path):
    save_map(maya, tmp_path / "map.svg")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "<text" in svg and ">Priya Raman<" in svg
    saved = save_map(maya, tmp_path / "map.pdf")
    text = poppler("pdftotext", "-layout", tmp_path / "map.pdf", "-")
    fonts = poppler("pdffonts", tmp_path / "map.pdf")
    names = [t.get_text() for t in saved.result.labels if t.get_text().isascii()]
    assert len(names) > 30 and all(name in text for name in names)
    assert "TrueType" in fonts and "Type 3" not in fonts


def _math_workbook(wb):
    wb.add(Contact(first_name=MATH, organization="$a$ & $b_", tie_strength="often",
                   can_interview=True))
    wb.add(Contact(first_name="Ann", organization="$a$ & $b_", categories=["friend"]))
    wb.add(Target(name="Dollar $\\sqrt{$ studies", keywords=["money"]))
    return wb


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_a_dollar_sign_in_a_name_draws_as_text(wb, tmp_path, suffix):
    saved = save_map(_math_workbook(wb), tmp_path / f"map{suffix}",
                     target="Dollar $\\sqrt{$ studies")
    assert MATH in [t.get_text() for t in saved.result.labels]


def test_a_dollar_sign_in_a_name_does_not_break_graph_export_or_step2(wb, tmp_path, capsys):
    from infoview_lib.cli import main
    from infoview_lib.ui.network_map import TargetMapPanel

    _math_workbook(wb)
    panel = TargetMapPanel(wb)
    assert panel.image.value[:4] == b"\x89PNG" and "error" not in panel.status.widget.value
    assert main(["graph", "--workbook", str(wb.path), "--out", str(tmp_path / "g.png")]) == 0
    code = main(["export", "--workbook", str(wb.path), "--out", str(tmp_path / "x"),
                 "--formats", "png,svg,pdf,html"])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "x" / "map" / "map.pdf").exists()


def test_a_dollar_sign_in_class_report_labels_draws_as_text(tmp_path):
    from infoview_lib.classroom.report_render import draw_charts

    summary = {"funnel": {"listed": 3, MATH: 2}, "by_category": {MATH: 3, "friend": 1},
               "by_tie_strength": {"often": 1}, "meetings": {"a": 1, "b": 0, "c": 0},
               "top_fields": [(MATH, 2)], "steps_done": {1: 2}}
    paths = draw_charts(summary, tmp_path)
    assert paths and all(p.read_bytes()[:4] == b"\x89PNG" for p in paths.values())


def test_the_environment_check_and_graph_command_name_a_missing_font(wb, request, capsys,
                                                                     tmp_path):
    from infoview_lib.classroom.doctor import check_fonts
    from infoview_lib.cli import main

    assert check_fonts(wb.path).ok
    request.getfixturevalue("only_default_font")
    wb.add(Contact(first_name="晓雯", last_name="李", tie_strength="often"))
    check = check_fonts(wb.path)
    assert main(["graph", "--workbook", str(wb.path), "--out", str(tmp_path / "m.png")]) == 0
    assert not check.ok and "fonts-noto-cjk" in check.fix and "1 name" in check.detail
    err = capsys.readouterr().err
    assert "fonts-noto-cjk" in err and "Contact N" in err and "Traceback" not in err


def test_introductions_show_their_status_without_colour():
    from infoview_lib.map.legend import STATUS_GROUPS, STATUS_LINES

    shown = {text for text, _ in STATUS_GROUPS.values()}
    assert shown == set(STATUS_LINES)
    looks = [(str(dash), width) for dash, width in STATUS_LINES.values()]
    assert len(set(looks)) == len(looks)  # dash pattern and width alone tell them apart


def test_people_typed_in_are_named_before_an_import_set_to_rarely(wb, tmp_path):
    """The walk of a first-time user: a 300-row import, everyone in it set to 'rarely' in
    one go, and classmates typed in by hand with no tie yet: the classmates keep their names,
    and at their target they are offered before the imported connections."""
    wb.add_many([Contact(first_name=f"Lin{i}", last_name=f"Kedin{i}", organization="Northwind",
                         tie_strength="rarely", sources=["linkedin"]) for i in range(300)])
    typed = wb.add_many([Contact(first_name=n, last_name="Classmate", organization="Northwind",
                                 sources=["typed"]) for n in ("Ada", "Bo", "Cy", "Ed", "Ivy")])
    wb.add(Target(name="Northwind", kind="company"))
    g = build_graph(wb)
    saved = save_map(wb, tmp_path / "map.png", graph=g)
    assert {f"c:{c.id}" for c in typed} <= set(saved.result.labelled)
    from infoview_lib.map.analysis import who_can_point_me_there

    leads = who_can_point_me_there(g, "Northwind")
    assert {lead.contact for lead in leads[:5]} == {f"c:{c.id}" for c in typed}


def test_people_typed_in_keep_their_names_after_an_import_of_thousands(wb, tmp_path,
                                                                       monkeypatch):
    """The walk of a first-time user: eight classmates typed in, then a LinkedIn export of
    2,000 (where only the most important people are tried for a name): the classmates are
    named, not only the organisations. The import is made small and the limit lowered to it,
    which is the same case, quicker."""
    from infoview_lib.map import labels

    wb.add_many([Contact(first_name=f"Lin{i}", last_name=f"Kedin{i}", organization=f"Firm {i % 9}",
                         sources=["linkedin"]) for i in range(120)])
    typed = wb.add_many([Contact(first_name=n, last_name="Classmate", categories=["classmate"],
                                 sources=["typed"]) for n in ("Ada", "Bo", "Cy", "Ed", "Ivy")])
    monkeypatch.setattr(labels, "LABEL_NONE_ABOVE", 100)
    saved = save_map(wb, tmp_path / "map.png")
    assert {f"c:{c.id}" for c in typed} <= set(saved.result.labelled)
    assert not any(wb.get(Contact, int(n[2:])).imported for n in saved.result.labelled
                   if n.startswith("c:"))  # the imported people, all alike, come after
