"""Labels on the map: which nodes get one, in what order, and culling so none overlap.

Labels point away from you along the radius (as on a clock face), so neighbours on a ring
only need the height of a line between them. Each label is checked as a "capsule" (a line
segment with a thickness) against the labels already placed, against every marker but its
own and against the edge of the picture; a person's label that does not fit outward is tried
pointing inward, and left off if that does not fit either (people you see often, on the
inner ring, may cross another marker rather than go unnamed; so may organizations on a map
too crowded to name everyone). Names no installed font can draw
get a plain label ("Contact 12") and one warning naming the font package to install.

Example:
    >>> import numpy as np
    >>> _seg_dist(np.array([0.0, 0.0]), np.array([1.0, 0.0]),
    ...           np.array([[0.5, 1.0]]), np.array([[0.5, 2.0]])).round(2).tolist()
    [1.0]
"""

from __future__ import annotations

import math
import unicodedata

import numpy as np

from .fonts import display_form, families_for, warn_missing
from .text import node_label, plain_label

LABEL_ALL_UP_TO = 120
LABEL_NONE_ABOVE = 2000
PAD_PT = 2.0  # space between a marker and its label, in points
FORCED = ("ego", "target")  # always labelled, even where they touch something


def _text_width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.58 for ch in text)


def _point_seg(p, a, b):
    """Distances from points p (n, 2) to segments a-b (each (n, 2) or (2,))."""
    ab = b - a
    denom = np.maximum(np.sum(ab * ab, axis=-1), 1e-12)
    t = np.clip(np.sum((p - a) * ab, axis=-1) / denom, 0.0, 1.0)
    return np.hypot(*(a + t[..., None] * ab - p).T)


def _seg_dist(a0, a1, b0, b1):
    """Distances between one segment a0-a1 and many segments b0[i]-b1[i] (0 where they cross)."""
    def cross(o, p, q):
        return (p[..., 0] - o[..., 0]) * (q[..., 1] - o[..., 1]) - \
            (p[..., 1] - o[..., 1]) * (q[..., 0] - o[..., 0])

    crossing = (cross(b0, b1, a0) * cross(b0, b1, a1) < 0) & (cross(a0, a1, b0) * cross(a0, a1, b1) < 0)
    d = np.minimum.reduce([_point_seg(b0, a0, a1), _point_seg(b1, a0, a1),
                           _point_seg(np.broadcast_to(a0, b0.shape), b0, b1),
                           _point_seg(np.broadcast_to(a1, b0.shape), b0, b1)])
    return np.where(crossing, 0.0, d)


class _Space:
    """What is taken on the map: placed labels (capsules), markers (discs), the frame."""

    def __init__(self, centres, radii, bounds):
        self.centres, self.radii, self.bounds = centres, radii, bounds
        self.a0, self.a1, self.half = np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0)

    def free(self, a0, a1, half, skip: set[int], markers: bool = True) -> bool:
        x0, x1, y0, y1 = self.bounds
        for x, y in (a0, a1):
            if not (x0 + half <= x <= x1 - half and y0 + half <= y <= y1 - half):
                return False
        if len(self.half) and (_seg_dist(a0, a1, self.a0, self.a1) < self.half + half).any():
            return False
        if not markers:
            return True
        near = _point_seg(self.centres, a0, a1) < self.radii + half
        if skip:
            near[list(skip)] = False
        return not near.any()

    def take(self, a0, a1, half) -> None:
        self.a0 = np.vstack([self.a0, a0])
        self.a1 = np.vstack([self.a1, a1])
        self.half = np.append(self.half, half)


def _capsule(start, direction, width, half):
    """The segment of a text box starting at `start` along `direction`, inset by its half
    height so the rounded ends stay inside the box."""
    inset = min(half, width / 2)
    return start + direction * inset, start + direction * (width - inset)


def place_labels(ax, g, lay, order, anonymize, fontsize, dpi, marker_pt=None, reserved=(),
                 forced=()):
    """Add labels in priority order, skipping any that would overlap a label already placed
    or another node's marker.

    marker_pt: the marker radius in points of each node of `lay` (same order); reserved:
    (x, y, text, fontsize) of horizontal, centred texts already on the map (sector names);
    forced: nodes labelled even where they touch something (as you and the targets are).
    """
    ax.apply_aspect()
    origin, unit = ax.transData.transform([(0, 0), (1, 0)])
    per_point = dpi / 72 / max(unit[0] - origin[0], 1e-9)  # data units per typographic point
    radii = (np.zeros(len(lay.nodes)) if marker_pt is None else np.asarray(marker_pt, float))
    radii = radii * per_point
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    space = _Space(lay.xy, radii, (x0, x1, y0, y1))
    for x, y, text, size in reserved:
        w, half = _text_width(text) * size * per_point, 0.55 * size * per_point
        a0, a1 = _capsule(np.array([x - w / 2, y]), np.array([1.0, 0.0]), w, half)
        space.take(a0, a1, half)
    forced = set(forced)
    crowded = int((lay.ring >= 0).sum()) > LABEL_ALL_UP_TO
    texts, nodes = [], []
    for node in order:
        text = display_form(node_label(g, node, anonymize))
        families = families_for(text)
        if families is None:
            warn_missing(text)
            text, families = plain_label(g, node), families_for(plain_label(g, node))
        i = lay.index[node]
        p = lay.xy[i]
        kind = g.nodes[node].get("kind")
        size = fontsize * (1.15 if kind == "target" else 1)
        w, half = _text_width(text) * size * per_point, 0.55 * size * per_point
        gap = radii[i] + PAD_PT * per_point
        angle = math.atan2(p[1], p[0])
        right = math.cos(angle) >= 0
        if kind == "ego":
            centre = np.array([0.0, -(gap + half)])
            shapes = [(centre - [w / 2, 0], np.array([1.0, 0.0]), "ego")]
        elif kind == "target":
            side = np.array([1.0 if right else -1.0, 0.0])
            shapes = [(p + side * gap, side, "target")]
        else:
            u = np.array([math.cos(angle), math.sin(angle)])
            shapes = [(p + u * gap, u, "out"), (p - u * gap, -u, "in")]
        skip = {i}
        if kind == "organization":  # its own members sit around it: the label may cross them
            skip |= {lay.index[m] for m, _ in g.in_edges(node) if m in lay}
        chosen = None
        # people you see often may cross other markers (never other labels) if they must, and
        # so may organizations once people are too many to name each (they sit among them)
        loose = (kind == "contact" and lay.ring_of(node) == 0) or (
            kind == "organization" and crowded)
        tries = (True, False) if loose else (True,)
        for markers in tries:
            for start, direction, where in shapes:
                a0, a1 = _capsule(start, direction, w, half)
                if chosen is None and space.free(a0, a1, half, skip, markers):
                    chosen = (start, a0, a1, where)
        if chosen is None and (kind in FORCED or node in forced):
            start, direction, where = shapes[0]
            chosen = (start, *_capsule(start, direction, w, half), where)
        if chosen is None:
            continue
        start, a0, a1, where = chosen
        space.take(a0, a1, half)
        common = dict(fontsize=size, fontfamily=families, zorder=6,
                      fontweight="bold" if kind in ("ego", "target") else "normal",
                      color="#555555" if kind == "organization" else "#000000",
                      style="italic" if kind == "organization" else "normal",
                      bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.65))
        if where == "ego":
            artist = ax.text(0, start[1], text, ha="center", va="center", **common)
        elif where == "target":
            artist = ax.text(start[0], start[1], text, va="center",
                             ha="left" if right else "right", **common)
        else:
            degrees = math.degrees(angle) + (0 if right else 180)
            outward = where == "out"
            artist = ax.text(start[0], start[1], text, rotation=degrees, rotation_mode="anchor",
                             va="center", ha="left" if right == outward else "right", **common)
        texts.append(artist)
        nodes.append(node)
    return texts, nodes


def label_order(g, lay, contacts, lead_nodes, organizations, targets):
    n = len(contacts)
    order = ["ego", *targets, *[x for x in lead_nodes if x in lay]]
    if n <= LABEL_NONE_ABOVE:
        inner = [c for c in contacts if lay.ring_of(c) == 0]
        hubs = sorted((c for c in contacts if g.degree(c) >= 4),
                      key=lambda c: (-g.degree(c), c))
        big_orgs = sorted(organizations, key=lambda o: (-g.in_degree(o), o))[:8]
        order += inner + hubs + big_orgs
        if n <= LABEL_ALL_UP_TO:
            order += contacts + organizations
    seen, out = set(), []
    for node in order:
        if node not in seen and node in lay:
            seen.add(node)
            out.append(node)
    return out


__all__ = ["label_order", "place_labels", "LABEL_ALL_UP_TO", "LABEL_NONE_ABOVE"]
