"""Drawing and saving the map: formats, anonymity, fonts, labels, highlight."""

from __future__ import annotations

import html
import re
import subprocess
import warnings
import zlib

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image
from poppler import poppler

from infoview_lib import fonts
from infoview_lib.map.draw import draw_network, save_map
from infoview_lib.map.layout import ego_layout
from infoview_lib.map.network import build_graph, build_graph_from
from infoview_lib.workbook.errors import ExportError
from infoview_lib.workbook.model import Contact, Organization


def secrets_of(wb) -> list[str]:
    """Every name, e-mail, phone and URL in the workbook (name parts of 4+ letters)."""
    out = [(wb.setting("ego") or {}).get("name", "")]
    for c in wb.contacts():
        out += [c.name, c.display_name, *c.emails, *c.phones, c.linkedin_url]
        out += [p for p in (*c.first_name.split(), *c.last_name.split()) if len(p) >= 4]
    out += [o.name for o in wb.list(Organization)]
    return sorted({s for s in out if s})


def pdf_text(path) -> str:
    raw = path.read_bytes()
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    text = poppler("pdftotext", path, "-", text=False)
    return (raw + b"".join(streams) + text).decode("latin-1") + text.decode("utf-8")


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_anonymised_exports_hold_no_names_emails_phones_or_urls(maya, tmp_path, suffix):
    path = tmp_path / f"map{suffix}"
    saved = save_map(maya, path, anonymize=True, target="UX research")
    data = path.read_bytes()
    text = pdf_text(path) if suffix == ".pdf" else data.decode("utf-8", "replace")
    caption = saved.caption_path.read_text(encoding="utf-8")
    secrets = secrets_of(maya)
    assert len(secrets) > 150
    leaks = [s for s in secrets if s in text or s in caption]
    assert leaks == []
    if suffix != ".png":
        assert "Person " in text  # the pseudonyms are really there


def test_plain_svg_does_contain_names(maya, tmp_path):
    """The check above can see names: without anonymising, labelled names are in the file."""
    saved = save_map(maya, tmp_path / "map.svg")
    names = [t.get_text() for t in saved.result.labels if t.get_text().isascii()]
    svg = html.unescape((tmp_path / "map.svg").read_text(encoding="utf-8"))  # "&" is "&amp;"
    assert len(names) > 20 and all(name in svg for name in names)


def test_svg_is_reproducible_and_has_no_date(maya, tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    save_map(maya, a, anonymize=True)
    save_map(maya, b, anonymize=True)
    assert a.read_bytes() == b.read_bytes()
    assert "<dc:date>" not in a.read_text(encoding="utf-8")


def test_png_size_dpi_transparency_and_caption(maya, tmp_path):
    saved = save_map(maya, tmp_path / "map.png")
    with Image.open(saved.path) as img:
        assert img.size == (1600, 1200)
        assert img.convert("RGBA").getpixel((2, 2))[3] == 255
    save_map(maya, tmp_path / "clear.png", dpi=75, transparent=True)
    with Image.open(tmp_path / "clear.png") as img:
        assert img.size == (800, 600)
        assert img.convert("RGBA").getpixel((2, 2))[3] == 0
    text = saved.caption_path.read_text(encoding="utf-8")
    assert saved.caption_path.name == "map.txt"
    assert "56 people" in text and "Alt text:" in text


def test_bad_format_and_dpi_are_refused(maya, tmp_path):
    with pytest.raises(ExportError, match=r"\.png, \.svg or \.pdf"):
        save_map(maya, tmp_path / "map.jpg")
    with pytest.raises(ExportError, match="dpi"):
        save_map(maya, tmp_path / "map.png", dpi=5)


def test_draw_network_uses_the_given_axes_and_never_shows(maya, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show was called"))
    fig, ax = plt.subplots()
    g = build_graph(maya)
    result = draw_network(g, ego_layout(g), ax=ax)
    assert result.ax is ax and result.title == "Who you know"
    assert "introduced" in result.artists and "legend" in result.artists
    assert result.caption.startswith("56 people") and result.labelled[0] == "ego"
    assert len(result.labels) == len(result.labelled) > 10
    assert "paths" not in result.artists


def test_slide_map_names_most_of_the_inner_ring_and_every_lead(maya, tmp_path):
    g = build_graph(maya)
    lay = ego_layout(g)
    saved = save_map(maya, tmp_path / "map.png", graph=g, layout=lay)
    inner = [n for n in lay.nodes if g.nodes[n]["kind"] == "contact" and lay.ring_of(n) == 0]
    named = [n for n in inner if n in saved.result.labelled]
    assert len(named) >= 0.75 * len(inner)
    texts = [t.get_text() for t in saved.result.labels]
    assert all(g.nodes[n]["label"] in texts for n in named)  # full names
    saved = save_map(maya, tmp_path / "ux.png", graph=g, layout=lay, target="UX research")
    assert all(lead.contact in saved.result.labelled for lead in saved.result.leads)


def test_target_paths_are_highlighted(maya):
    fig, ax = plt.subplots()
    g = build_graph(maya)
    result = draw_network(g, ego_layout(g), ax=ax, target="UX research")
    assert "paths" in result.artists and result.leads
    assert result.title == "Who can point you to UX research"
    assert result.leads[0].contact in result.labelled


def test_lines_to_organizations_are_left_out_of_a_huge_map_and_the_caption_says_so(maya,
                                                                                  monkeypatch):
    from infoview_lib.map import draw

    g = build_graph(maya)
    fig, ax = plt.subplots()
    drawn = draw_network(g, ego_layout(g), ax=ax)
    assert "works_at" in drawn.artists and "not drawn" not in drawn.caption
    monkeypatch.setattr(draw, "WORKS_AT_UP_TO", drawn.people - 1)  # as if over 10,000
    fig, ax = plt.subplots()
    huge = draw_network(g, ego_layout(g), ax=ax)
    assert "works_at" not in huge.artists and "tie" in huge.artists
    assert huge.caption.endswith(f"lines to organizations not drawn above "
                                 f"{drawn.people - 1:,} people")


def test_no_contact_labels_on_a_huge_imported_network():
    """2,500 people alike, all from a contact file: nobody stands out, so nobody is named."""
    people = [Contact(id=i, first_name=f"P{i}", categories=["friend"], tie_strength="rarely",
                      sources=["linkedin"]) for i in range(1, 2502)]
    g = build_graph_from(people)
    fig, ax = plt.subplots()
    result = draw_network(g, ego_layout(g), ax=ax)
    assert [g.nodes[n]["kind"] for n in result.labelled] == ["ego"]


def test_non_latin_names_render_without_missing_glyph_warnings(wb, tmp_path):
    names = {"晓雯 李": "classmate", "지호 김": "club", "ゆき 田中": "co-worker",
             "Ελένη Παπαδάκη": "friend", "Ирина Волкова": "relative", "أميرة حداد": "neighbour"}
    wb.add_many([Contact(display_name=n, first_name=n, categories=[c], tie_strength="often")
                 for n, c in names.items()])
    assert any("CJK" in f for f in fonts.families_for("晓雯 李"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        saved = save_map(wb, tmp_path / "map.png")
    messages = [str(w.message) for w in caught]
    assert not [m for m in messages if "missing from font" in m], messages
    assert saved.result.unfontable == []
    drawn = {t.get_text() for t in saved.result.labels}
    assert {fonts.display_form(n) for n in names} <= drawn


def test_arabic_names_are_drawn_joined_and_right_to_left(wb, tmp_path):
    wb.add(Contact(first_name="أميرة", last_name="حداد", tie_strength="often"))
    drawn = {t.get_text() for t in save_map(wb, tmp_path / "map.png").result.labels}
    shaped = [t for t in drawn if any(0xFE70 <= ord(ch) <= 0xFEFF for ch in t)]
    assert len(shaped) == 1, drawn  # joined letter forms (Arabic presentation forms)
    assert shaped[0][0] == "ﺩ"  # the last letter of the name comes first, left to right on paper
    assert "أميرة حداد" not in drawn


def test_uncovered_names_are_reported_in_plain_words_not_warned(wb, tmp_path, monkeypatch):
    only_dejavu = [c for c in fonts._candidates() if c[0] == fonts.DEFAULT_FAMILY]
    monkeypatch.setattr(fonts, "_candidates", lambda: only_dejavu)
    monkeypatch.setattr(fonts, "_refreshed", [True])  # the font list is as fresh as it gets
    fonts._families.cache_clear()
    a = wb.add(Contact(first_name="晓雯", last_name="李", tie_strength="often"))
    wb.add(Contact(first_name="ゆき", last_name="田中", tie_strength="often"))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            saved = save_map(wb, tmp_path / "map.png")
    finally:
        fonts._families.cache_clear()
    assert [str(w.message) for w in caught] == []  # no pink warning with a file path
    assert sorted(saved.result.unfontable) == ["ゆき 田中", "晓雯 李"]
    note = fonts.missing_font_note(saved.result.unfontable)
    assert note.startswith("2 names (Chinese/Japanese/Korean") and "fonts-noto-cjk" in note
    assert "restart the kernel" in note and "/" not in note.split("(")[0]
    assert f"Contact {a.id}" in [t.get_text() for t in saved.result.labels]


STALE_CACHE = """
import json, sys, matplotlib, matplotlib.font_manager as fm
from pathlib import Path
fm.fontManager.ttflist = [e for e in fm.fontManager.ttflist if "CJK" not in e.name]
fm.json_dump(fm.fontManager,
             Path(matplotlib.get_cachedir()) / f"fontlist-v{fm.FontManager.__version__}.json")
"""
DRAW_CJK = """
import sys, tempfile, pathlib
from infoview_lib.workbook.store import open_workbook
from infoview_lib.workbook.model import Contact
from infoview_lib.map.draw import save_map
import matplotlib.font_manager as fm
print(sum("CJK" in e.name for e in fm.fontManager.ttflist))
d = pathlib.Path(tempfile.mkdtemp())
wb = open_workbook(d / "w.sqlite")
wb.add(Contact(first_name="晓雯", last_name="李", tie_strength="often"))
saved = save_map(wb, d / "map.png")
print(saved.result.unfontable, [t.get_text() for t in saved.result.labels])
"""


def test_a_font_installed_after_matplotlib_cached_its_list_is_found(tmp_path):
    """matplotlib ran before fonts-noto-cjk was installed: its cached font list has no CJK
    font. The map refreshes the list once and draws the name (and saves the fresh list)."""
    import os
    import sys

    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    subprocess.run([sys.executable, "-c", STALE_CACHE], env=env, check=True)
    first = subprocess.run([sys.executable, "-c", DRAW_CJK], env=env, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    assert first[0] == "0"  # the stale cache really was used
    assert first[1] == "[] ['You', '晓雯 李']"
    again = subprocess.run([sys.executable, "-c", DRAW_CJK], env=env, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    assert again[0] != "0"  # the refreshed list was saved for the next kernel


def _label_geometry(saved):
    """Each placed label as a capsule (its centre line in data units, inset by half its
    height, and that half height), measured from the text matplotlib really drew."""
    from infoview_lib.map.labels import _capsule

    ax = saved.result.ax
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    origin, unit = ax.transData.transform([(0, 0), (1, 0)])
    per_pixel = 1 / (unit[0] - origin[0])
    out = []
    for text, node in zip(saved.result.labels, saved.result.labelled, strict=True):
        rotation = text.get_rotation()
        text.set_rotation(0)
        box = text.get_window_extent(renderer)
        text.set_rotation(rotation)
        width, half = box.width * per_pixel, 0.45 * box.height * per_pixel
        x, y = text.get_position()
        direction = np.array([np.cos(np.radians(rotation)), np.sin(np.radians(rotation))])
        if text.get_ha() == "right":
            direction = -direction
        elif text.get_ha() == "center":
            x -= width / 2
        out.append((node, *_capsule(np.array([x, y]), direction, width, half), half))
    return out


@pytest.fixture
def daniel(wb):
    from infoview_lib.workbook.personas import load_persona

    load_persona(wb, "daniel")
    return wb


def test_labels_keep_off_other_markers_each_other_and_the_title(daniel, tmp_path):
    """Only people you see often (inner ring) may cross another marker; no two labels cross;
    every label stays inside the picture; your own name sits clear below your marker."""
    from infoview_lib.map.labels import _point_seg, _seg_dist

    wb = daniel
    g = build_graph(wb)
    lay = ego_layout(g)
    saved = save_map(wb, tmp_path / "map.png", graph=g, layout=lay)
    caps = _label_geometry(saved)
    assert len(caps) > 25
    kinds = {n: g.nodes[n]["kind"] for n in lay.nodes}
    people = [lay.index[n] for n in lay.nodes if kinds[n] == "contact"]
    for k, (node, a0, a1, half) in enumerate(caps):
        others = caps[k + 1:]
        if others:
            b0 = np.array([o[1] for o in others])
            b1 = np.array([o[2] for o in others])
            room = 0.6 * (half + np.array([o[3] for o in others]))  # a little slack
            gaps = _seg_dist(a0, a1, b0, b1)
            assert (gaps > room).all(), (node, [o[0] for o, d, r in zip(
                others, gaps, room, strict=True) if d <= r])
        if kinds[node] == "contact" and lay.ring_of(node) > 0:
            mine = lay.index[node]
            centres = lay.xy[[i for i in people if i != mine]]
            assert (_point_seg(centres, a0, a1) > half).all(), node
    ego_text = saved.result.labels[saved.result.labelled.index("ego")]
    assert ego_text.get_position()[1] < -0.25  # below the marker, not on it
    ax = saved.result.ax
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for _node, a0, a1, _half in caps:
        for x, y in (a0, a1):
            assert x0 <= x <= x1 and y0 <= y <= y1


def test_legend_shows_only_what_the_map_has(wb, tmp_path):
    empty = save_map(wb, tmp_path / "empty.png")
    assert "legend" not in empty.result.artists
    wb.add(Contact(first_name="Ada", categories=["friend"], tie_strength="often"))
    one = save_map(wb, tmp_path / "one.png")
    entries = [t.get_text() for t in one.result.artists["legend"].get_texts()]
    assert entries == ["friend"]


def test_the_outer_tie_ring_says_when_it_holds_people_with_no_tie_yet():
    def ring_names(people):
        g = build_graph_from(people)
        fig, ax = plt.subplots()
        draw_network(g, ego_layout(g), ax=ax)
        return {t.get_text() for t in ax.texts} & {"rarely", "rarely or not set"}

    assert ring_names([Contact(id=1, first_name="Ada", tie_strength="rarely")]) == {"rarely"}
    assert ring_names([Contact(id=1, first_name="Ada", tie_strength="rarely"),
                       Contact(id=2, first_name="Bo")]) == {"rarely or not set"}


def test_the_quick_path_for_plain_ascii_names_needs_the_same_letters_as_the_general_rule():
    """families_for and display_form skip unicodedata for ASCII names: the letters they ask a
    font for, and the text they draw, are what the general rule gives."""
    import unicodedata

    from infoview_lib.fonts import _needed, display_form

    every_ascii = "".join(chr(c) for c in range(128))
    general = frozenset(ord(ch) for ch in every_ascii
                        if not ch.isspace() and unicodedata.category(ch)[0] != "C")
    assert _needed(every_ascii) == general
    assert _needed("Ada O'Brien-Lovelace\t") == frozenset(map(ord, "AdaO'Brien-Lovelace"))
    assert display_form("Ada Lovelace") == "Ada Lovelace"
