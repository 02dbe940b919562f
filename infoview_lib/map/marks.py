"""The marks of the map on a matplotlib Axes: rings and sectors, lines, arrows and markers.

Each kind of mark is one collection (markers: one per shape), added without updating the
data limits: the map sets its own limits first, and measuring 20,000 paths for limits
nobody reads took longer than drawing them.

Example:
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_axes((0, 0, 1, 1))
    >>> dots = scatter(ax, [0.0, 1.0], [0.0, 1.0], s=20, c="#000000", marker="o")
    >>> dots.get_offsets().tolist(), ax.ignore_existing_data_limits  # limits untouched
    ([[0.0, 0.0], [1.0, 1.0]], True)
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.colors import to_rgba_array
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Circle
from matplotlib.transforms import IdentityTransform

from .layout import RING_NAMES, RING_WIDTH, TIE_RING, UNSORTED, ring_radius
from .legend import STATUS_GROUPS, STATUS_LINES, category_style

LINKS = ("tie", "works_at", "introduced", "contact_target", "org_target")


def scatter(ax, x, y, s, c, marker, zorder=5, **style):
    """ax.scatter without autoscaling: a PathCollection of one marker shape.

    s: area in points² (one or one per point); c: one colour or RGBA rows; style:
    edgecolors, linewidths, alpha."""

    style.setdefault("edgecolors", "face")  # as ax.scatter (its line width: the default)
    shape = MarkerStyle(marker)
    path = shape.get_path().transformed(shape.get_transform())
    offsets = np.column_stack([np.asarray(x, float), np.asarray(y, float)])
    coll = PathCollection((path,), np.atleast_1d(np.asarray(s, float)), facecolors=c,
                          offsets=offsets, offset_transform=ax.transData, zorder=zorder,
                          **style)
    coll.set_transform(IdentityTransform())
    return ax.add_collection(coll, autolim=False)


def lines(ax, segments, **style):
    """One LineCollection of segments (n, 2, 2), without autoscaling."""

    return ax.add_collection(LineCollection(segments, **style), autolim=False)


def boxes(ax, rows, **style):
    """One PolyCollection of rectangles given as (x0, y0, x1, y1) rows in data units, without
    autoscaling (e.g. the white backing behind the labels)."""

    r = np.asarray(rows, float).reshape(-1, 4)
    corners = np.stack([r[:, [0, 1]], r[:, [2, 1]], r[:, [2, 3]], r[:, [0, 3]]], axis=1)
    return ax.add_collection(PolyCollection(corners, edgecolors="none", **style), autolim=False)


def edge_pairs(g, lay, kinds=LINKS) -> dict:
    """Per edge kind, the layout indices (from, to) of its edges, as two int arrays."""
    idx = lay.index
    out = {k: ([], []) for k in kinds}
    for u, neighbours in g._succ.items():  # as g.edges(data="kind"), without a tuple each
        iu = idx.get(u)
        if iu is None:
            continue
        for v, edges in neighbours.items():
            iv = idx.get(v)
            if iv is None:
                continue
            for d in edges.values():
                found = out.get(d.get("kind"))
                if found is not None:
                    found[0].append(iu)
                    found[1].append(iv)
    return {k: (np.array(a, dtype=int), np.array(b, dtype=int)) for k, (a, b) in out.items()}


def segments(xy, pair):
    a, b = pair
    return np.stack([xy[a], xy[b]], axis=1) if len(a) else np.zeros((0, 2, 2))


def grid(ax, lay, fontsize: float, tie_not_set: bool = False) -> list[tuple]:
    """Rings (named in the gap at twelve o'clock), sector dividers and sector names;
    tie_not_set: some people on the outer tie ring have no tie yet (the ring says so).
    Returns the texts drawn, for the labeller to keep clear of."""

    texts = []
    names = [*RING_NAMES]
    if tie_not_set:
        names[TIE_RING[""]] = f"{names[TIE_RING['']]} or not set"
    for ring in sorted({int(r) for r in lay.ring if r >= 0}):
        r = ring_radius(ring)
        ax.add_patch(Circle((0, 0), r, fill=False, lw=0.6, ec="#d9d9d9", zorder=0))
        ax.text(0, r, names[ring], ha="center", va="center", fontsize=fontsize * 0.85,
                color="#777777", zorder=1, parse_math=False)
        texts.append((0, r, names[ring], fontsize * 0.85, "center", "center"))
    inner, outer = ring_radius(0) - RING_WIDTH / 2 - 0.1, lay.outer + RING_WIDTH / 2
    bounds = [a for span in lay.sector_spans for a in span]
    angles = np.array(sorted(set(np.round(bounds, 9))))
    cos, sin = np.cos(angles), np.sin(angles)
    spokes = np.stack([np.column_stack([inner * cos, inner * sin]),
                       np.column_stack([outer * cos, outer * sin])], axis=1)
    lines(ax, spokes, colors="#e6e6e6", linewidths=0.8, zorder=0)
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


def people(ax, g, lay, contacts, highlighted, dim, n_people):
    """One collection per marker shape; returns (artists, sizes, category index,
    could interview, could refer, layout indices, base size) per contact."""

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
    black, grey = to_rgba_array(["#000000"]), to_rgba_array(["#333333"])
    artists = {}
    for marker in dict.fromkeys(marker_of.tolist()):
        sel = marker_of == marker
        face = rgba[ci[sel]].copy()
        face[:, 3] = alpha[sel]
        edgec = np.where(refer[sel][:, None], black, grey)
        edgec[:, 3] = alpha[sel]
        artists[f"people_{marker}"] = scatter(
            ax, lay.xy[cidx[sel], 0], lay.xy[cidx[sel], 1], s=sizes[sel], c=face,
            marker=marker, edgecolors=edgec, linewidths=edge_w[sel])
    return artists, sizes, ci, interview, refer, cidx, base


def arrows(ax, g, lay, pair, dim, n_people, artists: dict) -> dict:
    """Introductions as arrows: colour and dash pattern both say the outreach status of the
    person introduced (a line collection for the dashes, a quiver for the heads). Returns
    {legend text: colour} of the statuses drawn."""
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
        text, colour = STATUS_GROUPS.get(g._node[lay.nodes[v]].get("outreach_status", ""),
                                         STATUS_GROUPS[""])
        status_used[text] = colour
        colours.append(colour)
        dash, width = STATUS_LINES[text]
        dashes.append(dash)
        widths.append(width if n_people <= 1000 else width / 2)
    alpha = max(dim, 0.5)
    tips = start + vec
    artists["introduced"] = lines(ax, np.stack([start, tips], axis=1), colors=colours,
                                  linestyles=dashes, linewidths=widths, alpha=alpha, zorder=3)
    span = float(np.ptp(lay.xy[:, 0])) or 1.0  # heads sized to the picture, not the data
    head = vec / np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)[:, None] * span * 0.02
    quiver = ax.quiver(
        (tips - head)[:, 0], (tips - head)[:, 1], head[:, 0], head[:, 1], color=colours,
        angles="xy", scale_units="xy", scale=1, width=0.0025 if n_people <= 1000 else 0.0012,
        headwidth=5, headlength=6, headaxislength=5, alpha=alpha, zorder=3)
    artists["introduced_heads"] = quiver
    return status_used


__all__ = ["scatter", "lines", "edge_pairs", "segments", "grid", "people", "arrows", "LINKS"]
