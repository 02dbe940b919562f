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
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from matplotlib import rc_context
from matplotlib.figure import Figure

from ..workbook.errors import ExportError
from . import marks
from .analysis import who_can_point_me_there
from .fastagg import CachedTextCanvas, QuickTextCanvas, has_cached_text, png_bytes
from .graph import gc_paused
from .labels import label_order, place_labels
from .layout import Layout, ego_layout
from .legend import OKABE_ITO, PALETTE, add_legend, category_style
from .network import build_graph, find_target
from .text import alt_text, caption, node_label, title

FIGSIZE = (32 / 3, 8.0)  # 1600 x 1200 pixels at 150 dpi
AXES_BOX = (0.005, 0.06, 0.78, 0.875)
DEFAULT_DPI = 150
PATHS_DRAWN = 10
NAME_EVERYONE = 60  # up to this many people, each is named (with a line if need be)
WORKS_AT_UP_TO = 10_000  # beyond, the lines to organizations are one grey disc: left out
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


@dataclass
class _Kinds:
    """The layout's nodes by kind, in layout order."""

    contacts: list
    organizations: list
    targets: list

    @classmethod
    def of(cls, g, lay: Layout) -> _Kinds:
        data = g._node
        by_kind = {"contact": [], "organization": [], "target": []}
        for n in lay.nodes:
            found = by_kind.get(data[n].get("kind")) if n in data else None
            if found is not None:
                found.append(n)
        return cls(by_kind["contact"], by_kind["organization"], by_kind["target"])


def _target_paths(g, target, anonymize):
    """(target's label, its leads best first, the edges of the best paths)."""

    tnode = target if target in g else find_target(g, target)
    leads = who_can_point_me_there(g, tnode)
    edges: dict = {}  # ordered, so the same paths are drawn in the same order every time
    for lead in leads[:PATHS_DRAWN]:  # the best ones; more would hide each other
        edges.update(dict.fromkeys(zip(lead.path, lead.path[1:], strict=False)))
    return node_label(g, tnode, anonymize), leads, edges


def _frame(ax, lay: Layout) -> None:
    """Limits that fill the Axes box (no rescaling later), equal aspect, no axis."""
    lim = lay.radius + 0.45
    width, height = ax.figure.get_size_inches() * ax.get_position().size
    ax.set_xlim(-lim * width / height, lim * width / height)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.set_axis_off()


def _links(ax, g, lay: Layout, n_people: int, dim: float, artists: dict) -> dict:
    """Lines between people and to organizations and targets, then the introductions;
    returns the outreach statuses the arrows show."""
    edges = marks.edge_pairs(g, lay)
    lw = 0.6 if n_people <= 500 else 0.25
    links = [("tie", "#555555", lw, 0.55, "solid")]
    if n_people <= WORKS_AT_UP_TO:
        links.insert(0, ("works_at", "#bbbbbb", lw * 0.6, 0.6, "solid"))
    if n_people <= 300:  # beyond, thousands of links to a few stars hide everything else
        links += [("contact_target", "#777777", lw, 0.35, "dotted"),
                  ("org_target", "#777777", lw, 0.35, "dotted")]
    for kind, colour, width, alpha, style in links:
        segs = marks.segments(lay.xy, edges[kind])
        if len(segs):
            artists[kind] = marks.lines(ax, segs, colors=colour, linewidths=width,
                                        alpha=alpha * dim, linestyles=style, zorder=1)
    return marks.arrows(ax, g, lay, edges["introduced"], dim, n_people, artists)


def _paths(ax, lay: Layout, path_edges, artists: dict) -> None:
    """The best paths to the chosen target, bold on top of the other lines."""
    idx = lay.index
    pairs = [(idx[u], idx[v]) for u, v in path_edges if u in idx and v in idx]
    segs = np.array([[lay.xy[i], lay.xy[j]] for i, j in pairs]).reshape(-1, 2, 2)
    artists["paths"] = marks.lines(ax, segs, colors="#000000", linewidths=2.4, alpha=0.9,
                                   zorder=4)


def _markers(ax, g, lay: Layout, kinds: _Kinds, lead_nodes, dim: float, result) -> tuple:
    """People (one collection per shape), organizations, targets and you. Returns the
    marker radius in points per layout node (labels keep off them) and what the legend
    needs: (radii, category index, could interview, could refer)."""
    leads = set(lead_nodes)
    highlighted = np.array([n in leads for n in kinds.contacts], bool)
    people, sizes, ci, interview, refer, cidx, base = marks.people(
        ax, g, lay, kinds.contacts, highlighted, dim, len(kinds.contacts))
    result.artists.update(people)
    radius = np.zeros(len(lay.nodes))
    radius[cidx] = np.sqrt(sizes) * 0.6
    xy = lay.xy
    if kinds.organizations:
        oi = [lay.index[n] for n in kinds.organizations]
        result.artists["organizations"] = marks.scatter(
            ax, xy[oi, 0], xy[oi, 1], s=base * 0.5, marker="h", c="#8c8c8c", zorder=2,
            alpha=0.85 * max(dim, 0.5), edgecolors="white", linewidths=0.3)
        radius[oi] = math.sqrt(base * 0.5) * 0.6
    if kinds.targets:
        ti = [lay.index[n] for n in kinds.targets]
        result.artists["targets"] = marks.scatter(
            ax, xy[ti, 0], xy[ti, 1], s=260, marker="*", c="#F0E442", edgecolors="#000000",
            linewidths=0.9, zorder=6)
        radius[ti] = math.sqrt(260) * 0.55
    result.artists["ego"] = marks.scatter(ax, [0], [0], s=200, c="#000000", marker="o",
                                          zorder=6)
    radius[lay.index["ego"]] = math.sqrt(200) / 2
    return radius, ci, interview, refer


def _names(ax, g, lay: Layout, kinds: _Kinds, lead_nodes, radius, reserved, anonymize,
           fontsize, result) -> None:
    """Labels by importance (everyone up to NAME_EVERYONE people, with lines if need be)."""
    contacts = kinds.contacts
    if len(contacts) <= NAME_EVERYONE:
        callouts = contacts
    else:
        callouts = lead_nodes[:PATHS_DRAWN] + [n for n in contacts
                                               if g._node[n].get("outreach_status")]
    order = label_order(g, lay, contacts, lead_nodes, kinds.organizations, kinds.targets)
    result.labels, result.labelled, result.unfontable = place_labels(
        ax, g, lay, order, anonymize, fontsize, ax.figure.dpi, marker_pt=radius,
        reserved=reserved, callouts=callouts)


def _words(ax, g, result, tname, leads, target, anonymize) -> None:
    """Title, caption and alt text (the caption counts the people named)."""
    result.named = sum(1 for n in result.labelled if g._node[n].get("kind") == "contact")
    result.title = title(tname)
    result.caption = caption(g, tname, len(leads) if target else None, named=result.named)
    if result.people > WORKS_AT_UP_TO:
        result.caption += f" · lines to organizations not drawn above {WORKS_AT_UP_TO:,} people"
    result.alt_text = alt_text(g, anonymize, tname, leads if target else None)
    ax.set_title(result.title, fontsize=13, fontweight="bold", parse_math=False,
                 y=1.0)  # where matplotlib puts it with the axis off, without measuring ticks


def draw_network(g, layout: Layout | None = None, ax=None, target: str | None = None,
                 anonymize: bool = False, legend: bool = True, labels: bool = True,
                 fontsize: float | None = None) -> DrawResult:
    """Draw the network on ax (default: the current Axes) and return what was drawn.

    target: a target name (or "t:<id>") whose paths are highlighted. anonymize: show
    pseudonyms (build the graph with build_graph(wb, anonymize=True) to get stable ones).
    """
    if ax is None:
        import matplotlib.pyplot as plt  # heavy: pyplot only when no axes are given

        ax = plt.gca()
    lay = layout if layout is not None else ego_layout(g)
    kinds = _Kinds.of(g, lay)
    result = DrawResult(ax, people=len(kinds.contacts), layout=lay)
    tname, leads, path_edges = (_target_paths(g, target, anonymize) if target
                                else (None, [], {}))
    lead_nodes = [lead.contact for lead in leads]
    result.leads = leads
    dim = 0.3 if target else 1.0
    fontsize = fontsize or (7.0 if result.people <= 100 else 6.5)
    _frame(ax, lay)
    data = g._node
    unset = any(not data[n].get("tie_strength") and data[n].get("degree", 1) == 1
                for n in kinds.contacts)
    reserved = marks.grid(ax, lay, fontsize, tie_not_set=unset)
    status_used = _links(ax, g, lay, result.people, dim, result.artists)
    if path_edges:
        _paths(ax, lay, path_edges, result.artists)
    radius, ci, interview, refer = _markers(ax, g, lay, kinds, lead_nodes, dim, result)
    if labels:
        _names(ax, g, lay, kinds, lead_nodes, radius, reserved, anonymize, fontsize, result)
    _words(ax, g, result, tname, leads, target, anonymize)
    if legend:
        shown = add_legend(ax, lay, ci, interview, refer, kinds.organizations, kinds.targets,
                           status_used, bool(path_edges))
        if shown is not None:
            result.artists["legend"] = shown
    return result


@dataclass
class SavedMap:
    path: Path
    caption_path: Path
    alt_text: str
    result: DrawResult | None = None


def new_figure(dpi: int = DEFAULT_DPI, figure_class=None):
    """A Figure and Axes of the map's size (no pyplot; pass ipympl's figure class to explore)."""

    fig = (figure_class or Figure)(figsize=FIGSIZE, dpi=dpi)
    return fig, fig.add_axes(AXES_BOX)


def add_caption(fig, result: DrawResult) -> None:
    """The counts under the map, wrapped inside the picture."""

    fig.text(0.02, 0.015, "\n".join(textwrap.wrap(result.caption, 150)), ha="left",
             va="bottom", fontsize=8, color="#333333", parse_math=False)


def _render(g, lay, out, fmt: str, dpi: int, transparent: bool, anonymize: bool,
            target: str | None, with_caption: bool = True) -> DrawResult:
    """Draw on a fresh Figure (no pyplot, so nothing shows twice in a notebook) and save."""

    with rc_context(RC):
        fig, ax = new_figure(dpi)
        result = draw_network(g, lay, ax=ax, target=target, anonymize=anonymize)
        if with_caption:
            add_caption(fig, result)
        if fmt == "png":
            Path(out).write_bytes(_png(fig, transparent))
            return result
        options = {"dpi": dpi, "transparent": transparent, "format": fmt}
        if fmt == "svg":
            options["metadata"] = {"Date": None, "Creator": "infoview", "Title": result.title}
        else:
            options["metadata"] = {"Creator": "infoview", "Producer": "infoview",
                                   "CreationDate": None, "Title": result.title}
        fig.savefig(out, **options)
    return result


def _png(fig, transparent: bool) -> bytes:
    """The figure as PNG bytes at its own dpi, as savefig draws it (transparent: no
    background), encoded by png_bytes. Texts go through the cache when this process has
    drawn some before (a kernel redrawing), else straight to Agg (a one-off command)."""

    canvas = CachedTextCanvas(fig) if has_cached_text() else QuickTextCanvas(fig)
    patches = [fig.patch, *(ax.patch for ax in fig.axes)] if transparent else []
    colours = [(p.get_facecolor(), p.get_edgecolor()) for p in patches]
    try:
        for patch in patches:
            patch.set_facecolor("none")
            patch.set_edgecolor("none")
        canvas.draw()
        return png_bytes(canvas.buffer_rgba(), alpha=transparent, dpi=fig.dpi)
    finally:
        for patch, (face, edge) in zip(patches, colours, strict=True):
            patch.set_facecolor(face)
            patch.set_edgecolor(edge)


def _check_dpi(dpi: int) -> None:
    if dpi < 30 or dpi > 1200:
        raise ExportError(f"A dpi of {dpi} is out of range; use a number from 30 to 1200 "
                          f"(150 suits slides).")


def render_png(wb, dpi: int = 100, anonymize: bool = False, target: str | None = None,
               graph=None, layout: Layout | None = None,
               with_caption: bool = True) -> tuple[bytes, DrawResult]:
    """The map as PNG bytes (for a notebook panel) and what was drawn; a panel that shows
    the caption as text under the picture passes with_caption=False (not shown twice)."""
    _check_dpi(dpi)
    g = graph if graph is not None else build_graph(wb, anonymize=anonymize)
    lay = layout if layout is not None else ego_layout(g)
    # as _render, encoded by png_bytes (the panel's picture is opaque); the figure's garbage
    # is collected after the picture is on its way, not in passes while it is drawn
    with gc_paused(), rc_context(RC):
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
