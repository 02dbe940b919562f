"""Drawing the who-you-know map on a matplotlib Axes, and saving it as PNG, SVG or PDF.

Colours come from the Okabe-Ito palette (safe for the common kinds of colour blindness),
with a second marker shape once there are more categories than colours. Lines between people
are drawn as one collection; only introductions are arrows (one quiver), coloured by outreach
status. Labels are culled: you, targets, highlighted paths, the inner ring and hubs first,
and nothing that would overlap; above 2,000 people only you and the targets are labelled.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.personas import load_persona
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> wb = open_workbook(d / "w.sqlite"); _ = load_persona(wb, "maya")
    >>> saved = save_map(wb, d / "map.png")
    >>> saved.path.name, saved.caption_path.name
    ('map.png', 'map.txt')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..workbook.errors import ExportError
from .labels import label_order, place_labels
from .layout import FIRST_RADIUS, RING_STEP, RING_WIDTH, Layout, ego_layout
from .text import alt_text, caption, node_label, title

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
MARKERS = ["o", "s", "^"]
STATUS_GROUPS = {  # outreach status -> (legend text, colour)
    "": ("not contacted yet", "#7F7F7F"), "to_contact": ("not contacted yet", "#7F7F7F"),
    "sent": ("message sent", "#0072B2"), "replied": ("replied", "#0072B2"),
    "meeting_set": ("meeting set", "#009E73"), "met": ("met", "#009E73"),
    "thanked": ("met", "#009E73"), "referrals_followed_up": ("met", "#009E73"),
    "declined": ("declined", "#D55E00"),
}
FIGSIZE = (32 / 3, 8.0)  # 1600 x 1200 pixels at 150 dpi
DEFAULT_DPI = 150


def category_style(index: int) -> tuple[str, str]:
    """(colour, marker) for the category at this protocol position."""
    return OKABE_ITO[index % len(OKABE_ITO)], MARKERS[(index // len(OKABE_ITO)) % len(MARKERS)]


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


def draw_network(g, layout: Layout | None = None, ax=None, target: str | None = None,
                 anonymize: bool = False, legend: bool = True, labels: bool = True,
                 fontsize: float | None = None) -> DrawResult:
    """Draw the network on ax (default: the current Axes) and return what was drawn.

    target: a target name (or "t:<id>") whose paths are highlighted. anonymize: show
    pseudonyms (build the graph with build_graph(wb, anonymize=True) to get stable ones).
    """
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

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
    result = DrawResult(ax)

    leads, path_edges, lead_nodes, tname = [], set(), [], None
    if target:
        from .analysis import who_can_point_me_there
        from .network import find_target

        tnode = target if target in g else find_target(g, target)
        tname = node_label(g, tnode, anonymize)
        leads = who_can_point_me_there(g, tnode)
        for lead in leads:
            path_edges.update(zip(lead.path, lead.path[1:], strict=False))
        lead_nodes = [lead.contact for lead in leads]
    result.leads = leads
    dim = 0.25 if target else 1.0

    # rings and sector dividers: the grid that makes the layout readable
    used_rings = sorted({int(r) for r in lay.ring if r >= 0})
    for ring in used_rings:
        ax.add_patch(Circle((0, 0), FIRST_RADIUS + ring * RING_STEP, fill=False, lw=0.6,
                            ec="#dddddd", zorder=0))
    n_sec = len(lay.categories)
    outer = lay.radius - RING_STEP - 0.1
    angles = math.pi / 2 - np.arange(n_sec) * 2 * math.pi / n_sec
    inner_r = FIRST_RADIUS - RING_WIDTH / 2 - 0.1
    spokes = np.stack([np.column_stack([inner_r * np.cos(angles), inner_r * np.sin(angles)]),
                       np.column_stack([outer * np.cos(angles), outer * np.sin(angles)])], axis=1)
    ax.add_collection(LineCollection(spokes, colors="#eeeeee", linewidths=0.8, zorder=0))

    edges = _edges(g, lay, {"tie", "works_at", "introduced", "contact_target", "org_target"})
    lw = 0.6 if n_people <= 500 else 0.25
    for kind, colour, width, alpha, style in (
            ("works_at", "#bbbbbb", lw * 0.6, 0.6, "solid"), ("tie", "#555555", lw, 0.55, "solid"),
            ("contact_target", "#777777", lw, 0.35, "dotted"),
            ("org_target", "#777777", lw, 0.35, "dotted")):
        segs = _segments(xy, edges[kind])
        if len(segs):
            coll = LineCollection(segs, colors=colour, linewidths=width, alpha=alpha * dim,
                                  linestyles=style, zorder=1)
            ax.add_collection(coll)
            result.artists[kind] = coll

    a, b = edges["introduced"]
    status_used = {}
    if len(a):
        start, end = xy[a], xy[b]
        vec = end - start
        length = np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)
        vec *= (np.maximum(length - 0.07, length * 0.5) / length)[:, None]
        colours = []
        for v in b:
            status = g.nodes[lay.nodes[v]].get("outreach_status", "")
            text, colour = STATUS_GROUPS.get(status, STATUS_GROUPS[""])
            status_used[text] = colour
            colours.append(colour)
        result.artists["introduced"] = ax.quiver(
            start[:, 0], start[:, 1], vec[:, 0], vec[:, 1], color=colours, angles="xy",
            scale_units="xy", scale=1, width=0.0025 if n_people <= 1000 else 0.0012,
            headwidth=5, headlength=6, headaxislength=5, alpha=max(dim, 0.5), zorder=3)

    if path_edges:
        idx = lay.index
        pairs = [(idx[u], idx[v]) for u, v in path_edges if u in idx and v in idx]
        segs = np.array([[xy[i], xy[j]] for i, j in pairs]).reshape(-1, 2, 2)
        coll = LineCollection(segs, colors="#000000", linewidths=2.2, alpha=0.85, zorder=4)
        ax.add_collection(coll)
        result.artists["paths"] = coll

    # people: colour and marker by category, size for could-interview, outline for could-refer
    base = 70 if n_people <= 100 else 30 if n_people <= 1000 else 9 if n_people <= 5000 else 3
    cat_index = {c: i for i, c in enumerate(lay.categories)}
    ci = np.array([cat_index.get(g.nodes[n].get("category"), n_sec - 1) for n in contacts], int)
    interview = np.array([bool(g.nodes[n].get("can_interview")) for n in contacts], bool)
    refer = np.array([bool(g.nodes[n].get("can_refer")) for n in contacts], bool)
    highlighted = np.array([n in set(lead_nodes) for n in contacts], bool)
    cidx = np.array([lay.index[n] for n in contacts], int)
    sizes = base * np.where(interview, 2.2, 1.0) * np.where(highlighted, 1.6, 1.0)
    edge_w = np.where(refer, 1.6 if n_people <= 1000 else 0.8, 0.4 if n_people <= 1000 else 0.0)
    alpha = np.where(highlighted | (not target), 1.0, dim)
    for m, marker in enumerate(MARKERS):
        sel = (ci // len(OKABE_ITO)) % len(MARKERS) == m
        if not sel.any():
            continue
        from matplotlib.colors import to_rgba_array

        face = to_rgba_array([OKABE_ITO[i % len(OKABE_ITO)] for i in ci[sel]])
        face[:, 3] = alpha[sel]
        edgec = np.where(refer[sel][:, None], to_rgba_array(["#000000"]), to_rgba_array(["#333333"]))
        edgec[:, 3] = alpha[sel]
        result.artists[f"people_{marker}"] = ax.scatter(
            xy[cidx[sel], 0], xy[cidx[sel], 1], s=sizes[sel], c=face, marker=marker,
            edgecolors=edgec, linewidths=edge_w[sel], zorder=5)
    if organizations:
        oi = [lay.index[n] for n in organizations]
        result.artists["organizations"] = ax.scatter(
            xy[oi, 0], xy[oi, 1], s=base * 0.6, marker="D", c="#8c8c8c", alpha=0.8 * max(dim, 0.5),
            edgecolors="white", linewidths=0.3, zorder=2)
    if targets:
        ti = [lay.index[n] for n in targets]
        result.artists["targets"] = ax.scatter(
            xy[ti, 0], xy[ti, 1], s=260, marker="*", c="#F0E442", edgecolors="#000000",
            linewidths=0.9, zorder=6)
    result.artists["ego"] = ax.scatter([0], [0], s=220, c="#000000", marker="o", zorder=6)

    lim = lay.radius + 0.9
    ax.set_xlim(-lim - 0.9, lim + 0.9)  # room for target names left and right
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fontsize = fontsize or (7.0 if n_people <= 100 else 6.0)
    sector_texts = []
    for s_i, cat in enumerate(lay.categories):
        if (ci == s_i).any():
            mid = math.pi / 2 - (s_i + 0.5) * 2 * math.pi / n_sec
            r = lay.radius - RING_STEP + 0.05
            sector_texts.append((r * math.cos(mid), r * math.sin(mid), cat, fontsize))
            ax.text(r * math.cos(mid), r * math.sin(mid), cat,
                    ha="center", va="center", fontsize=fontsize, color="#666666", style="italic",
                    zorder=1)
    if labels:
        order = label_order(g, lay, contacts, lead_nodes, organizations, targets)
        marker_pt = np.zeros(len(lay.nodes))  # marker radius in points, to keep labels off them
        marker_pt[cidx] = np.sqrt(sizes) * 0.6
        if organizations:
            marker_pt[oi] = math.sqrt(base * 0.6) * 0.6
        if targets:
            marker_pt[ti] = math.sqrt(260) * 0.55
        marker_pt[lay.index["ego"]] = math.sqrt(220) / 2
        result.labels, result.labelled = place_labels(
            ax, g, lay, order, anonymize, fontsize, ax.figure.dpi, marker_pt=marker_pt,
            reserved=sector_texts, forced=lead_nodes)

    result.title = title(tname)
    result.caption = caption(g, tname, len(leads) if target else None)
    result.alt_text = alt_text(g, anonymize, tname, leads if target else None)
    ax.set_title(result.title, fontsize=13, fontweight="bold")
    ax.text(0.5, -0.01, result.caption, transform=ax.transAxes, ha="center", va="top",
            fontsize=8, color="#333333")
    if legend:
        handles = []
        for i, cat in enumerate(lay.categories):
            if (ci == i).any():
                colour, marker = category_style(i)
                handles.append(Line2D([], [], ls="", marker=marker, color=colour,
                                      markeredgecolor="#333333", markersize=7, label=cat))
        extras = (  # only what the map shows
            (interview.any(), Line2D([], [], ls="", marker="o", color="#cccccc",
                                     markeredgecolor="#333333", markersize=10,
                                     label="can interview (larger)")),
            (refer.any(), Line2D([], [], ls="", marker="o", color="#cccccc",
                                 markeredgecolor="#000000", markeredgewidth=2, markersize=7,
                                 label="can refer (dark outline)")),
            (bool(organizations), Line2D([], [], ls="", marker="D", color="#8c8c8c",
                                         markersize=5, label="organization")),
            (bool(targets), Line2D([], [], ls="", marker="*", color="#F0E442",
                                   markeredgecolor="#000000", markersize=11, label="target")),
        )
        handles += [handle for shown, handle in extras if shown]
        handles += [Line2D([], [], color=colour, lw=1.5, marker=">", markersize=5,
                           label=f"introduced: {text}") for text, colour in status_used.items()]
        if path_edges:
            handles.append(Line2D([], [], color="#000000", lw=2.2, label="path to target"))
        if handles:  # nothing to explain on an empty map
            result.artists["legend"] = ax.legend(
                handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7.5,
                frameon=False, title="Legend", title_fontsize=8.5)
    return result


@dataclass
class SavedMap:
    path: Path
    caption_path: Path
    alt_text: str
    result: DrawResult | None = None


def _render(g, lay, out, fmt: str, dpi: int, transparent: bool, anonymize: bool,
            target: str | None) -> DrawResult:
    """Draw on a fresh Figure (no pyplot, so nothing shows twice in a notebook) and save."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    rc = {"svg.hashsalt": "infoview", "svg.fonttype": "path", "pdf.fonttype": 3}
    with rc_context(rc):
        fig = Figure(figsize=FIGSIZE, dpi=dpi)
        ax = fig.add_axes((0.02, 0.05, 0.72, 0.88))
        result = draw_network(g, lay, ax=ax, target=target, anonymize=anonymize)
        options = {"dpi": dpi, "transparent": transparent, "format": fmt}
        if fmt == "png":
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
               graph=None, layout: Layout | None = None) -> tuple[bytes, DrawResult]:
    """The map as PNG bytes (for a notebook panel) and what was drawn."""
    import io

    from .network import build_graph

    _check_dpi(dpi)
    g = graph if graph is not None else build_graph(wb, anonymize=anonymize)
    lay = layout if layout is not None else ego_layout(g)
    buffer = io.BytesIO()
    result = _render(g, lay, buffer, "png", dpi, False, anonymize, target)
    return buffer.getvalue(), result


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


__all__ = ["draw_network", "save_map", "render_png", "DrawResult", "SavedMap", "category_style", "OKABE_ITO"]
