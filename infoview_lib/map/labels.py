"""Labels on the map: who is named first, and where each name goes so none overlap.

Who matters is named first: you, your targets, the people on a path to the chosen target,
people you have contacted or met, people introduced to you, those who could interview you or
refer you, people you see often; then everyone else while there is room (up to 60 people
everybody is named: a name with no room beside its marker goes further out, with a line). Organizations come last, and only those shared by several people or
linked to a target. Labels are horizontal. Each is tried to the outer side of its marker,
then above or below it, then on the inner side, and placed at the first spot that touches no
other label, no other marker and not the edge of the picture; a name with no free spot is
left off (you and your targets are always named). Names no installed font can draw get a
plain label ("Contact 12") and are reported, so the panel can say what to install.

Example:
    >>> import numpy as np
    >>> _seg_dist(np.array([0.0, 0.0]), np.array([1.0, 0.0]),
    ...           np.array([[0.5, 1.0]]), np.array([[0.5, 2.0]])).round(2).tolist()
    [1.0]
"""

from __future__ import annotations

import functools
import unicodedata

import numpy as np

from ..fonts import advance, display_form, families_for
from . import marks
from .text import node_label, plain_label

LABEL_NONE_ABOVE = 2000  # above this many people only the important ones are tried
MAX_TRIES_CROWDED = 250
MAX_TRIES = 400
PAD_PT = 2.0  # space between a marker and its label, in points
HALF = 0.62  # half a label's height, in ems (with its white backing)
HALF_FALLBACK = 0.8  # fonts for other scripts (e.g. Noto CJK) have a taller line
PAD_EM = 0.07  # the white backing around a label's text, in ems
FORCED = ("ego", "target")  # always labelled, even where they touch something
GRID = 64  # cells per side of the grid that finds the markers near a label
PAIRS_AT_ONCE = 100_000  # label-and-marker pairs tested in one batch (~10 MB of arrays)
_NONE = np.zeros(0, int)  # no markers


@functools.lru_cache(maxsize=8192)
def _text_width(text: str, bold: bool = False) -> float:
    """Width of text in ems (measured for DejaVu; an estimate for other fonts)."""
    width = 0.0
    for ch in text:
        em = advance(ord(ch))
        width += em if em is not None else (
            1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6)
    return width * (1.1 if bold else 1.0) + 0.15


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
    """What is taken on the map: placed labels (boxes), markers (discs), the frame."""

    def __init__(self, centres, radii, bounds):
        self.centres, self.radii, self.bounds = centres, radii, bounds
        self.boxes, self.count = np.zeros((64, 4)), 0  # placed labels: boxes[:count]
        self.by_x = np.argsort(centres[:, 0], kind="stable")
        self.xs = centres[self.by_x, 0]
        self.max_r = float(radii.max()) if len(radii) else 0.0
        # markers by grid cell (rows of GRID cells over the frame), for clear_of_markers
        x0, x1, y0, y1 = bounds
        self.cell = max(x1 - x0, y1 - y0, 1e-9) / GRID
        col, row = self._cell_of(centres[:, 0], centres[:, 1])
        key = row * GRID + col
        self.by_cell = np.argsort(key, kind="stable")
        self.cell_start = np.searchsorted(key[self.by_cell], np.arange(GRID * GRID + 1))

    def _cell_of(self, x, y):
        """(column, row) of the grid cells holding points x, y (those outside: the edge)."""
        x0, _x1, y0, _y1 = self.bounds
        col = np.clip(np.floor((np.asarray(x) - x0) / self.cell), 0, GRID - 1).astype(int)
        row = np.clip(np.floor((np.asarray(y) - y0) / self.cell), 0, GRID - 1).astype(int)
        return col, row

    def _in_boxes(self, x0, y0, x1, y1):
        """Per box (arrays of corners), how many markers its grid cells hold, and a function
        giving every (box index, marker index) pair, box by box."""
        (c0, r0), (c1, r1) = self._cell_of(x0, y0), self._cell_of(x1, y1)
        rows = r1 - r0 + 1
        box = np.repeat(np.arange(len(x0)), rows)  # one entry per box and grid row
        row = r0[box] + np.arange(len(box)) - np.repeat(np.cumsum(rows) - rows, rows)
        start = self.cell_start[row * GRID + c0[box]]
        count = self.cell_start[row * GRID + c1[box] + 1] - start
        per_box = np.bincount(box, weights=count, minlength=len(x0)).astype(int)

        def pairs():
            first = np.repeat(start - (np.cumsum(count) - count), count)
            return np.repeat(box, count), self.by_cell[np.arange(int(count.sum())) + first]

        return per_box, pairs

    def near(self, p, reach) -> np.ndarray:
        """Indices of markers that could touch a label within `reach` of p."""
        lo, hi = np.searchsorted(self.xs, [p[0] - reach - self.max_r, p[0] + reach + self.max_r])
        idx = self.by_x[lo:hi]
        d = np.abs(self.centres[idx] - p).max(axis=1)
        return idx[d < reach + self.radii[idx]]

    def others(self, candidates, own: int) -> np.ndarray:
        """The candidate markers a label must keep off (all but its own)."""
        candidates = np.asarray(candidates, dtype=int)
        return candidates[candidates != own]

    def clear_of_markers(self, p, reach, boxes, own, allowed=_NONE) -> np.ndarray:
        """For n labels at once, which candidate boxes touch no marker but their own: p (n, 2)
        their markers, reach (n,) how far `near` looks, boxes (n, k, 4), own (n,) marker
        indices; allowed: sorted keys label row * markers + marker of other markers a label
        may touch (an organization's members). Returns (n, k) booleans; the test
        first_free makes with others(near(p, reach), own)."""
        n, k = boxes.shape[:2]
        hit = np.zeros((n, k), bool)
        bx0, by0, bx1, by1 = (np.ascontiguousarray(boxes[..., j]) for j in range(4))
        ux0, uy0, ux1, uy1 = np.nanmin(bx0, 1), np.nanmin(by0, 1), np.nanmax(bx1, 1), np.nanmax(by1, 1)
        pad = self.max_r  # a marker touching a box sits within r of all spots' box
        counts, pairs = self._in_boxes(ux0 - pad, uy0 - pad, ux1 + pad, uy1 + pad)
        total = int(counts.sum())
        if not total:
            return ~hit
        if total > PAIRS_AT_ONCE and n > 1:  # in parts: the pairs of 20,000 markers take memory
            cut = max(1, int(np.searchsorted(np.cumsum(counts), PAIRS_AT_ONCE)))
            split = int(np.searchsorted(allowed, cut * len(self.centres)))
            return np.concatenate([
                self.clear_of_markers(p[:cut], reach[:cut], boxes[:cut], own[:cut],
                                      allowed[:split]),
                self.clear_of_markers(p[cut:], reach[cut:], boxes[cut:], own[cut:],
                                      allowed[split:] - cut * len(self.centres))])
        owner, m = pairs()
        c, r = self.centres[m], self.radii[m]
        cx, cy = c[:, 0], c[:, 1]
        keep = ((cy > uy0[owner] - r) & (cy < uy1[owner] + r) & (cx > ux0[owner] - r)
                & (cx < ux1[owner] + r) & (m != own[owner]))
        if len(allowed):
            keep &= ~np.isin(owner * len(self.centres) + m, allowed)
        owner, c, r = owner[keep], c[keep], r[keep]
        keep = np.abs(c - p[owner]).max(axis=1) < reach[owner] + r  # as near() looks
        owner, c, r = owner[keep], c[keep], r[keep]
        if not len(owner):
            return ~hit
        cx, cy = c[:, :1], c[:, 1:]  # each pair's marker against each spot of its label
        dx = np.maximum(bx0[owner] - cx, cx - bx1[owner])
        dy = np.maximum(by0[owner] - cy, cy - by1[owner])
        np.maximum(dx, 0, out=dx)
        np.maximum(dy, 0, out=dy)
        touch = dx * dx + dy * dy < (r * r)[:, None]  # squared: no square roots
        first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
        hit[owner[first]] = np.logical_or.reduceat(touch, first, axis=0)
        return ~hit

    def first_free(self, boxes: np.ndarray, idx: np.ndarray) -> int:
        """Index of the first box (rows of x0, y0, x1, y1) inside the frame that touches no
        label and none of the markers idx; -1 if none is free."""
        x0, y0, x1, y1 = (boxes[:, k:k + 1] for k in range(4))
        bx0, bx1, by0, by1 = self.bounds
        ok = ((x0 >= bx0) & (x1 <= bx1) & (y0 >= by0) & (y1 <= by1))[:, 0]
        b = self.boxes[:self.count]
        if len(b):
            ok &= ~((x0 < b[:, 2]) & (x1 > b[:, 0]) & (y0 < b[:, 3]) & (y1 > b[:, 1])).any(1)
        if len(idx) and ok.any():
            c, r = self.centres[idx], self.radii[idx]
            dx = np.maximum(np.maximum(x0 - c[:, 0], c[:, 0] - x1), 0)
            dy = np.maximum(np.maximum(y0 - c[:, 1], c[:, 1] - y1), 0)
            ok &= ~(np.hypot(dx, dy) < r).any(1)
        hits = np.flatnonzero(ok)
        return int(hits[0]) if len(hits) else -1

    def take(self, box) -> None:
        if self.count == len(self.boxes):
            self.boxes = np.concatenate([self.boxes, np.zeros((max(64, self.count), 4))])
        self.boxes[self.count] = box
        self.count += 1


def _capsule(start, direction, width, half):
    """The segment of a text box starting at `start` along `direction`, inset by its half
    height so the rounded ends stay inside the box."""
    inset = min(half, width / 2)
    return start + direction * inset, start + direction * (width - inset)


def _spots(p, w, half, gap, right: bool):
    """Candidate boxes around a marker at p: (left end of the box, its y, ha, x anchor)."""
    d = gap * 0.75
    out = [("r", p[0] + gap, p[1]), ("ur", p[0] + d, p[1] + d + half * 0.6),
           ("dr", p[0] + d, p[1] - d - half * 0.6)]
    left = [("l", p[0] - gap - w, p[1]), ("ul", p[0] - d - w, p[1] + d + half * 0.6),
            ("dl", p[0] - d - w, p[1] - d - half * 0.6)]
    centre = [("u", p[0] - w / 2, p[1] + gap + half), ("d", p[0] - w / 2, p[1] - gap - half)]
    first, last = (out, left) if right else (left, out)
    far = [(where, x, p[1] + sign * (gap + 1.6 * half)) for where, x, _ in (first[0], last[0])
           for sign in (1, -1)]
    return first + centre + last + far


def _callout(space, p, w, half, own):
    """A free spot further out along the ray from the centre through p, or None."""
    r = float(np.hypot(*p)) or 1.0
    steps = np.arange(0.5, 4.01, 0.25)[:, None]
    q = p + (p / r) * steps  # one box per step out, nearest first
    left = q[:, 0] if p[0] >= 0 else q[:, 0] - w
    boxes = np.column_stack([left, q[:, 1] - half, left + w, q[:, 1] + half])
    mid = (q[0] + q[-1]) / 2 + [w / 2 if p[0] >= 0 else -w / 2, 0]
    reach = w + half + float(np.abs(q[-1] - q[0]).max()) / 2  # every step's box, and more
    k = space.first_free(boxes, space.others(space.near(mid, reach), own))
    return None if k < 0 else (float(left[k]), float(q[k, 1]))


def _measure(g, lay, node, anonymize, fontsize, per_point, radii, unfontable):
    """(node, kind, text, families, size, width, half height, index, spots, reach, boxes) of
    one label, in data units; reach: how far from the marker its spots may go; boxes: the
    spots as (x0, y0, x1, y1) rows."""
    text = display_form(node_label(g, node, anonymize))
    families = families_for(text)
    if families is None:
        unfontable.append(text)
        text = plain_label(g, node)
        families = families_for(text)
    i = lay.index[node]
    p = lay.xy[i]
    kind = g.nodes[node].get("kind")
    size = fontsize * (1.15 if kind == "target" else 0.95 if kind == "organization" else 1)
    w = (_text_width(text, kind in FORCED) + 2 * PAD_EM) * size * per_point
    half = (HALF if len(families) == 1 else HALF_FALLBACK) * size * per_point
    gap = radii[i] + PAD_PT * per_point
    if kind == "ego":
        spots = [("d", -w / 2, -(gap + half))]
    else:
        spots = _spots(p, w, half, gap, p[0] >= 0)
        if kind == "target":
            spots = spots[:1]
    max_r = float(radii.max()) if len(radii) else 0.0
    spot = np.array([xy for _where, *xy in spots], float)
    boxes = np.column_stack([spot[:, 0], spot[:, 1] - half, spot[:, 0] + w, spot[:, 1] + half])
    return node, kind, text, families, size, w, half, i, spots, w + gap + max_r + half, boxes


def _clear_spots(space, g, lay, items):
    """Per label, which of its spots touch no marker but its own (an organization's label
    may also touch its members' markers, which sit around it)."""
    if not items:
        return []
    boxes = np.full((len(items), max(len(item[10]) for item in items), 4), np.nan)
    for row, item in enumerate(items):
        boxes[row, :len(item[10])] = item[10]
    own = np.array([item[7] for item in items], int)
    reach = np.array([item[9] for item in items], float)
    members = [row * len(space.centres) + lay.index[m] for row, item in enumerate(items)
               if item[1] == "organization" for m, _ in g.in_edges(item[0]) if m in lay]
    return list(space.clear_of_markers(lay.xy[own], reach, boxes, own,
                                       np.unique(np.array(members, int))))


def place_labels(ax, g, lay, order, anonymize, fontsize, dpi, marker_pt=None, reserved=(),
                 forced=(), callouts=()):
    """Add horizontal labels in priority order where they touch nothing; returns
    (texts, nodes, unfontable names).

    marker_pt: the marker radius in points of each node of `lay` (same order); reserved:
    (x, y, text, fontsize, ha) of texts already on the map (sector and ring names); forced:
    nodes labelled even where they touch something (as you and the targets are); callouts:
    nodes that may be named further out, with a line, when there is no room next to them.
    """
    ax.apply_aspect()
    origin, unit = ax.transData.transform([(0, 0), (1, 0)])
    per_point = dpi / 72 / max(unit[0] - origin[0], 1e-9)  # data units per typographic point
    radii = (np.zeros(len(lay.nodes)) if marker_pt is None else np.asarray(marker_pt, float))
    radii = radii * per_point
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    space = _Space(lay.xy, radii, (x0, x1, y0, y1))
    for x, y, text, size, ha, *va in reserved:
        w, half = _text_width(text) * size * per_point, HALF * size * per_point
        y += {"bottom": half, "top": -half}.get(va[0] if va else "center", 0.0)
        left = x - (w / 2 if ha == "center" else w if ha == "right" else 0)
        space.take((left, y - half, left + w, y + half))
    forced, callouts = set(forced), set(callouts)
    unfontable, backings = [], []
    items = [_measure(g, lay, node, anonymize, fontsize, per_point, radii, unfontable)
             for node in order]
    clear = _clear_spots(space, g, lay, items)
    texts, nodes = [], []
    for item, ok in zip(items, clear, strict=True):
        node, kind, text, families, size, w, half, i, spots, reach, boxes = item
        p = lay.xy[i]
        # markers were checked for all labels at once; now the frame and the labels placed
        maybe = np.flatnonzero(ok[:len(spots)])
        k = space.first_free(boxes[maybe], _NONE) if len(maybe) else -1
        k = int(maybe[k]) if k >= 0 else -1
        chosen = None if k < 0 else spots[k][1:]
        if chosen is None and node in callouts:  # further out, with a line to the marker
            chosen = _callout(space, p, w, half, i)
            if chosen is not None:
                end = (chosen[0] if p[0] >= 0 else chosen[0] + w, chosen[1])
                ax.plot([p[0], end[0]], [p[1], end[1]], color="#444444", lw=0.6, zorder=6)
        if chosen is None and (kind in FORCED or node in forced):
            chosen = spots[0][1:]
        if chosen is None:
            continue
        left, y = chosen
        space.take((left, y - half, left + w, y + half))
        backings.append((left, y - half, left + w, y + half))
        artist = ax.text(left + PAD_EM * size * per_point, y, text, ha="left", va="center", fontsize=size,
                         fontfamily=families, zorder=7, parse_math=False,
                         fontweight="bold" if kind in ("ego", "target") else "normal",
                         color="#555555" if kind == "organization" else "#111111",
                         style="italic" if kind == "organization" else "normal")
        texts.append(artist)
        nodes.append(node)
    if backings:  # one collection for all: a box per text cost more than the text itself
        marks.boxes(ax, backings, facecolor="white", alpha=0.7, zorder=6.9)
    return texts, nodes, unfontable


def _tier(d: dict, leads: set, node: str) -> int:
    """0 = most important. Contacted or met, introduced, could interview/refer, often; then
    by tie, the people the user typed in before those who only came from a contact file."""
    if node in leads:
        return 0
    if d.get("outreach_status"):
        return 1
    if d.get("degree", 1) > 1:
        return 2
    if d.get("can_interview") or d.get("can_refer"):
        return 3
    if d.get("tie_strength") == "often":
        return 4
    return (8 if d.get("imported") else 5) + {"occasionally": 0, "rarely": 1}.get(
        d.get("tie_strength"), 2)


def label_order(g, lay, contacts, lead_nodes, organizations, targets):
    """Nodes in the order they get a label: who matters first, organizations last."""
    leads = set(lead_nodes)
    crowded = len(contacts) > LABEL_NONE_ABOVE
    data = g._node  # plain dicts: one lookup per person instead of a view
    tiers = {n: _tier(data[n], leads, n) for n in contacts}
    if crowded:  # only the most important, and the people typed in, are tried (same order)
        contacts = [n for n in contacts if tiers[n] <= 2 or not data[n].get("imported")]
    people = sorted(contacts, key=lambda n: (tiers[n], data[n].get("label", "").casefold(), n))
    if crowded:
        people = people[:MAX_TRIES_CROWDED]
    elif len(people) > MAX_TRIES:  # the picture holds a few hundred names at most
        people = people[:MAX_TRIES]
    orgs = sorted(organizations, key=lambda o: (-g.in_degree(o), g.nodes[o].get("label", ""), o))
    order = ["ego", *targets, *[x for x in lead_nodes if x in lay], *people,
             *(orgs[:12] if crowded else orgs)]
    seen, out = set(), []
    for node in order:
        if node not in seen and node in lay:
            seen.add(node)
            out.append(node)
    return out


__all__ = ["label_order", "place_labels", "LABEL_NONE_ABOVE"]
