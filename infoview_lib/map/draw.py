"""Drawing the who-you-know map on a matplotlib Axes, and saving it as PNG, SVG or PDF.

Every part of life has its own colour and marker (no two alike: Okabe-Ito and Tol colours,
safe for the common kinds of colour blindness, with six marker shapes in turn). Rings and
sectors are named on the picture. Lines between people are drawn as one collection; only
introductions are arrows (one quiver), coloured by outreach status. Labels: see `labels`.
All user text is drawn with math parsing off, so a '$' in a name is just a dollar sign.
SVG keeps names as text and PDF embeds TrueType fonts, so names can be searched and read.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.personas import load_persona
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> wb = open_workbook(d / "w.sqlite"); _ = load_persona(wb, "maya")
    >>> saved = save_map(wb, d / "map.png")
    >>> saved.path.name, saved.caption_path.name, saved.result.named == saved.result.people
    ('map.png', 'map.txt', True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..workbook.errors import ExportError
from .fastagg import CachedTextCanvas, png_bytes
from .labels import label_order, place_labels
from .layout import RING_NAMES, RING_WIDTH, UNSORTED, Layout, ego_layout, ring_radius
from .legend import (
    OKABE_ITO,
    PALETTE,
    STATUS_GROUPS,
    STATUS_LINES,
    add_legend,
    category_style,
)
from .text import alt_text, caption, node_label, title

FIGSIZE = (32 / 3, 8.0)  # 1600 x 1200 pixels at 150 dpi
AXES_BOX = (0.005, 0.06, 0.78, 0.875)
DEFAULT_DPI = 150
PATHS_DRAWN = 10
NAME_EVERYONE = 60  # up to this many people, each is named (with a line if need be)
RC = {"svg.hashsalt": "infoview", "svg.fonttype": "none", "pdf.fonttype": 42,
      "text.parse_math": False}


@dataclass
class DrawResult:
    """What draw_network drew: the artists, the labelled nodes, and the words."""

    ax: object
    artists: dict = field(default_factory=dict)
    labels: list = field(default_factory=list)
    labelled: list = field(default_factory=list)
    title: str = ""
    caption: str = ""
    alt_text: str = ""
    leads: list = field(default_factory=list)
    people: int = 0
    named: int = 0
    unfontable: list = field(default_factory=list)  # names no installed font draws
    layout: Layout | None = None


def _edges(g, lay: Layout, kinds: set[str]):
    idx = lay.index
    out = {k: ([], []) for k in kinds}
    for u, v, kind in g.edges(data="kind"):
        if kind in out and u in idx and v in idx:
            out[kind][0].append(idx[u])
            out[kind][1].append(idx[v])
    return {k: (np.array(a, dtype=int), np.array(b, dtype=int)) for k, (a, b) in out.items()}


def _segments(xy, pair):
    a, b = pair
    return np.stack([xy[a], xy[b]], axis=1) if len(a) else np.zeros((0, 2, 2))


def _grid(ax, lay: Layout, fontsize: float) -> list[tuple]:
    """Rings (named in the gap at twelve o'clock), sector dividers and sector names.
    Returns the texts drawn, for the labeller to keep clear of."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Circle

    texts = []
    used = sorted({int(r) for r in lay.ring if r >= 0})
    for ring in used:
        r = ring_radius(ring)
        ax.add_patch(Circle((0, 0), r, fill=False, lw=0.6, ec="#d9d9d9", zorder=0))
        ax.text(0, r, RING_NAMES[ring], ha="center", va="center", fontsize=fontsize * 0.85,
                color="#777777", zorder=1, parse_math=False)
        texts.append((0, r, RING_NAMES[ring], fontsize * 0.85, "center", "center"))
    inner, outer = ring_radius(0) - RING_WIDTH / 2 - 0.1, lay.outer + RING_WIDTH / 2
    bounds = [a for span in lay.sector_spans for a in span]
    angles = np.array(sorted(set(np.round(bounds, 9))))
    cos, sin = np.cos(angles), np.sin(angles)
    spokes = np.stack([np.column_stack([inner * cos, inner * sin]),
                       np.column_stack([outer * cos, outer * sin])], axis=1)
    ax.add_collection(LineCollection(spokes, colors="#e6e6e6", linewidths=0.8, zorder=0))
    r = outer + 0.18
    for name, count, (a, b) in zip(lay.sector_names, lay.sector_counts, lay.sector_spans,
                                   strict=True):
        mid = (a + b) / 2
        x, y = r * math.cos(mid), r * math.sin(mid)
        ha = "center" if abs(x) < 0.35 * r else ("left" if x > 0 else "right")
        va = "bottom" if y > 0.9 * r else "top" if y < -0.9 * r else "center"
        text = f"{name} ({count:,})"
        ax.text(x, y, text, ha=ha, va=va, fontsize=fontsize, color="#444444", zorder=1,
                style="italic" if name == UNSORTED else "normal", parse_math=False)
        texts.append((x, y, text, fontsize, ha, va))
    return texts


def _people(ax, g, lay, contacts, highlighted, dim, n_people):
    """One scatter per marker shape; returns (sizes, category index, flags) per contact."""
    from matplotlib.colors import to_rgba_array

    n_cat = len(lay.categories)
    cat_index = {c: i for i, c in enumerate(lay.categories)}
    data = [g._node[n] for n in contacts]  # the attribute dicts, without a view per lookup
    ci = np.array([cat_index.get(d.get("category"), n_cat - 1) if d.get("categories") else n_cat
                   for d in data], int)
    interview = np.array([bool(d.get("can_interview")) for d in data], bool)
    refer = np.array([bool(d.get("can_refer")) for d in data], bool)
    cidx = np.array([lay.index[n] for n in contacts], int)
    base = 60 if n_people <= 100 else 26 if n_people <= 1000 else 8 if n_people <= 5000 else 3
    sizes = base * np.where(interview, 2.0, 1.0) * np.where(highlighted, 1.6, 1.0)
    edge_w = np.where(refer, 1.6 if n_people <= 1000 else 0.8, 0.4 if n_people <= 1000 else 0.0)
    alpha = np.where(highlighted | (dim == 1.0), 1.0, dim)
    styles = [category_style(i, n_cat) for i in range(n_cat + 1)]  # one per category
    rgba = to_rgba_array([colour for colour, _ in styles])
    marker_of = np.array([marker for _, marker in styles])[ci]
    artists = {}
    for marker in dict.fromkeys(marker_of.tolist()):
        sel = marker_of == marker
        face = rgba[ci[sel]].copy()
        face[:, 3] = alpha[sel]
        edgec = np.where(refer[sel][:, None], to_rgba_array(["#000000"]),
                         to_rgba_array(["#333333"]))
        edgec[:, 3] = alpha[sel]
        artists[f"people_{marker}"] = ax.scatter(
            lay.xy[cidx[sel], 0], lay.xy[cidx[sel], 1], s=sizes[sel], c=face, marker=marker,
            edgecolors=edgec, linewidths=edge_w[sel], zorder=5)
    return artists, sizes, ci, interview, refer, cidx, base


def _target_paths(g, target, anonymize):
    from .analysis import who_can_point_me_there
    from .network import find_target

    tnode = target if target in g else find_target(g, target)
    leads = who_can_point_me_there(g, tnode)
    edges = set()
    for lead in leads[:PATHS_DRAWN]:  # the best ones; more would hide each other
        edges.update(zip(lead.path, lead.path[1:], strict=False))
    return node_label(g, tnode, anonymize), leads, edges


def draw_network(g, layout: Layout | None = None, ax=None, target: str | None = None,
                 anonymize: bool = False, legend: bool = True, labels: bool = True,
                 fontsize: float | None = None) -> DrawResult:
    """Draw the network on ax (default: the current Axes) and return what was drawn.

    target: a target name (or "t:<id>") whose paths are highlighted. anonymize: show
    pseudonyms (build the graph with build_graph(wb, anonymize=True) to get stable ones).
    """
    from matplotlib.collections import LineCollection

    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    lay = layout if layout is not None else ego_layout(g)
    xy = lay.xy
    kind_of = dict(g.nodes(data="kind"))
    contacts = [n for n in lay.nodes if kind_of.get(n) == "contact"]
    organizations = [n for n in lay.nodes if kind_of.get(n) == "organization"]
    targets = [n for n in lay.nodes if kind_of.get(n) == "target"]
    n_people = len(contacts)
    result = DrawResult(ax, people=n_people, layout=lay)
    tname, leads, path_edges = (_target_paths(g, target, anonymize) if target
                                else (None, [], set()))
    lead_nodes = [lead.contact for lead in leads]
    result.leads = leads
    dim = 0.3 if target else 1.0
    fontsize = fontsize or (7.0 if n_people <= 100 else 6.5)

    lim = lay.radius + 0.45
    width, height = ax.figure.get_size_inches() * ax.get_position().size
    ax.set_xlim(-lim * width / height, lim * width / height)  # fills the box: no rescaling
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.set_axis_off()
    reserved = _grid(ax, lay, fontsize)

    edges = _edges(g, lay, {"tie", "works_at", "introduced", "contact_target", "org_target"})
    lw = 0.6 if n_people <= 500 else 0.25
    links = [("works_at", "#bbbbbb", lw * 0.6, 0.6, "solid"), ("tie", "#555555", lw, 0.55, "solid")]
    if n_people <= 300:  # beyond, thousands of links to a few stars hide everything else
        links += [("contact_target", "#777777", lw, 0.35, "dotted"),
                  ("org_target", "#777777", lw, 0.35, "dotted")]
    for kind, colour, width, alpha, style in links:
        segs = _segments(xy, edges[kind])
        if len(segs):
            coll = LineCollection(segs, colors=colour, linewidths=width, alpha=alpha * dim,
                                  linestyles=style, zorder=1)
            ax.add_collection(coll)
            result.artists[kind] = coll
    status_used = _arrows(ax, g, lay, edges["introduced"], dim, n_people, result)
    if path_edges:
        idx = lay.index
        pairs = [(idx[u], idx[v]) for u, v in path_edges if u in idx and v in idx]
        segs = np.array([[xy[i], xy[j]] for i, j in pairs]).reshape(-1, 2, 2)
        result.artists["paths"] = ax.add_collection(
            LineCollection(segs, colors="#000000", linewidths=2.4, alpha=0.9, zorder=4))

    highlighted = np.array([n in set(lead_nodes) for n in contacts], bool)
    people, sizes, ci, interview, refer, cidx, base = _people(
        ax, g, lay, contacts, highlighted, dim, n_people)
    result.artists.update(people)
    marker_pt = np.zeros(len(lay.nodes))  # marker radius in points, to keep labels off them
    marker_pt[cidx] = np.sqrt(sizes) * 0.6
    if organizations:
        oi = [lay.index[n] for n in organizations]
        result.artists["organizations"] = ax.scatter(
            xy[oi, 0], xy[oi, 1], s=base * 0.5, marker="h", c="#8c8c8c",
            alpha=0.85 * max(dim, 0.5), edgecolors="white", linewidths=0.3, zorder=2)
        marker_pt[oi] = math.sqrt(base * 0.5) * 0.6
    if targets:
        ti = [lay.index[n] for n in targets]
        result.artists["targets"] = ax.scatter(
            xy[ti, 0], xy[ti, 1], s=260, marker="*", c="#F0E442", edgecolors="#000000",
            linewidths=0.9, zorder=6)
        marker_pt[ti] = math.sqrt(260) * 0.55
    result.artists["ego"] = ax.scatter([0], [0], s=200, c="#000000", marker="o", zorder=6)
    marker_pt[lay.index["ego"]] = math.sqrt(200) / 2

    if labels:
        order = label_order(g, lay, contacts, lead_nodes, organizations, targets)
        result.labels, result.labelled, result.unfontable = place_labels(
            ax, g, lay, order, anonymize, fontsize, ax.figure.dpi, marker_pt=marker_pt,
            reserved=reserved, callouts=contacts if n_people <= NAME_EVERYONE else (
                lead_nodes[:PATHS_DRAWN] + [n for n in contacts
                                            if g._node[n].get("outreach_status")]))
    result.named = sum(1 for n in result.labelled if kind_of.get(n) == "contact")
    result.title = title(tname)
    result.caption = caption(g, tname, len(leads) if target else None, named=result.named)
    result.alt_text = alt_text(g, anonymize, tname, leads if target else None)
    ax.set_title(result.title, fontsize=13, fontweight="bold", parse_math=False,
                 y=1.0)  # where matplotlib puts it with the axis off, without measuring ticks
    if legend:
        legend = add_legend(ax, lay, ci, interview, refer, organizations, targets,
                            status_used, bool(path_edges))
        if legend is not None:
            result.artists["legend"] = legend
    return result


def _arrows(ax, g, lay, pair, dim, n_people, result) -> dict:
    """Introductions as arrows: colour and dash pattern both say the outreach status of the
    person introduced (a line collection for the dashes, a quiver for the heads)."""
    from matplotlib.collections import LineCollection

    a, b = pair
    status_used = {}
    if not len(a):
        return status_used
    start, end = lay.xy[a], lay.xy[b]
    vec = end - start
    length = np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)
    vec *= (np.maximum(length - 0.07, length * 0.5) / length)[:, None]
    colours, dashes, widths = [], [], []
    for v in b:
        text, colour = STATUS_GROUPS.get(g.nodes[lay.nodes[v]].get("outreach_status", ""),
                                         STATUS_GROUPS[""])
        status_used[text] = colour
        colours.append(colour)
        dash, width = STATUS_LINES[text]
        dashes.append(dash)
        widths.append(width if n_people <= 1000 else width / 2)
    alpha = max(dim, 0.5)
    tips = start + vec
    result.artists["introduced"] = ax.add_collection(LineCollection(
        np.stack([start, tips], axis=1), colors=colours, linestyles=dashes, linewidths=widths,
        alpha=alpha, zorder=3))
    span = float(np.ptp(lay.xy[:, 0])) or 1.0  # heads sized to the picture, not the data
    head = vec / np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)[:, None] * span * 0.02
    result.artists["introduced_heads"] = ax.quiver(
        (tips - head)[:, 0], (tips - head)[:, 1], head[:, 0], head[:, 1], color=colours,
        angles="xy", scale_units="xy", scale=1, width=0.0025 if n_people <= 1000 else 0.0012,
        headwidth=5, headlength=6, headaxislength=5, alpha=alpha, zorder=3)
    return status_used
    start, end = lay.xy[a], lay.xy[b]
    vec = end - start
    length = np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)
    vec *= (np.maximum(length - 0.07, length * 0.5) / length)[:, None]
    colours = []
    for v in b:
        text, colour = STATUS_GROUPS.get(g.nodes[lay.nodes[v]].get("outreach_status", ""),
                                         STATUS_GROUPS[""])
        status_used[text] = colour
        colours.append(colour)
    result.artists["introduced"] = ax.quiver(
        start[:, 0], start[:, 1], vec[:, 0], vec[:, 1], color=colours, angles="xy",
        scale_units="xy", scale=1, width=0.0025 if n_people <= 1000 else 0.0012,
        headwidth=5, headlength=6, headaxislength=5, alpha=max(dim, 0.5), zorder=3)
    return status_used


@dataclass
class SavedMap:
    path: Path
    caption_path: Path
    alt_text: str
    result: DrawResult | None = None


def new_figure(dpi: int = DEFAULT_DPI, figure_class=None):
    """A Figure and Axes of the map's size (no pyplot; pass ipympl's figure class to explore)."""
    from matplotlib.figure import Figure

    fig = (figure_class or Figure)(figsize=FIGSIZE, dpi=dpi)
    return fig, fig.add_axes(AXES_BOX)


def add_caption(fig, result: DrawResult) -> None:
    """The counts under the map, wrapped inside the picture."""
    import textwrap

    fig.text(0.02, 0.015, "\n".join(textwrap.wrap(result.caption, 150)), ha="left",
             va="bottom", fontsize=8, color="#333333", parse_math=False)


def _render(g, lay, out, fmt: str, dpi: int, transparent: bool, anonymize: bool,
            target: str | None, with_caption: bool = True) -> DrawResult:
    """Draw on a fresh Figure (no pyplot, so nothing shows twice in a notebook) and save."""
    from matplotlib import rc_context

    with rc_context(RC):
        fig, ax = new_figure(dpi)
        result = draw_network(g, lay, ax=ax, target=target, anonymize=anonymize)
        if with_caption:
            add_caption(fig, result)
        options = {"dpi": dpi, "transparent": transparent, "format": fmt}
        if fmt == "png":
            CachedTextCanvas(fig)  # each name is rasterised once, then reused
            options.update(pil_kwargs={"compress_level": 1}, metadata={"Software": "infoview"})
        elif fmt == "svg":
            options["metadata"] = {"Date": None, "Creator": "infoview", "Title": result.title}
        else:
            options["metadata"] = {"Creator": "infoview", "Producer": "infoview",
                                   "CreationDate": None, "Title": result.title}
        fig.savefig(out, **options)
    return result


def _check_dpi(dpi: int) -> None:
    if dpi < 30 or dpi > 1200:
        raise ExportError(f"A dpi of {dpi} is out of range; use a number from 30 to 1200 "
                          f"(150 suits slides).")


def render_png(wb, dpi: int = 100, anonymize: bool = False, target: str | None = None,
               graph=None, layout: Layout | None = None,
               with_caption: bool = True) -> tuple[bytes, DrawResult]:
    """The map as PNG bytes (for a notebook panel) and what was drawn; a panel that shows
    the caption as text under the picture passes with_caption=False (not shown twice)."""
    from matplotlib import rc_context

    from .network import build_graph

    _check_dpi(dpi)
    g = graph if graph is not None else build_graph(wb, anonymize=anonymize)
    lay = layout if layout is not None else ego_layout(g)
    with rc_context(RC):  # as _render, encoded by png_bytes (the panel's picture is opaque)
        fig, ax = new_figure(dpi)
        canvas = CachedTextCanvas(fig)
        result = draw_network(g, lay, ax=ax, target=target, anonymize=anonymize)
        if with_caption:
            add_caption(fig, result)
        canvas.draw()
        return png_bytes(canvas.buffer_rgba()), result


def save_map(wb, path, dpi: int = DEFAULT_DPI, transparent: bool = False,
             anonymize: bool = False, target: str | None = None, graph=None,
             layout: Layout | None = None) -> SavedMap:
    """Draw the workbook's map and write it to path (.png, .svg or .pdf), with the alt text
    and caption in a .txt file next to it."""
    from .network import build_graph

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise ExportError(f"Cannot save a map as {path.suffix or 'a file without a suffix'}; "
                          "end the file name with .png, .svg or .pdf.")
    _check_dpi(dpi)
    g = graph if graph is not None else build_graph(wb, anonymize=anonymize)
    lay = layout if layout is not None else ego_layout(g)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        result = _render(g, lay, path, fmt, dpi, transparent, anonymize, target)
        caption_path = path.with_suffix(".txt")
        caption_path.write_text(f"{result.title}\n\n{result.caption}\n\nAlt text: "
                                f"{result.alt_text}\n", encoding="utf-8")
    except OSError as err:
        raise ExportError(f"Could not write {path} ({err.strerror or err}); check the "
                          "folder exists and you may write there.") from err
    return SavedMap(path, caption_path, result.alt_text, result)


__all__ = ["draw_network", "save_map", "render_png", "new_figure", "add_caption", "DrawResult",
           "SavedMap", "category_style", "PALETTE", "OKABE_ITO", "RC"]
