"""A deterministic ego-centred layout: no force simulation, so the picture never jumps.

You sit in the centre. Contacts sit on four rings that say what they mean: people you see
often (inside), occasionally, rarely (or not set yet), and people someone introduced you to
(outside). The circle is cut into sectors, one per part of life that has people, in the
class protocol's order, clockwise from twelve o'clock (a narrow gap at the top holds the
ring names). A sector's size follows how many people it holds, rounded up to a step of a
fixed ladder (2, 4, 6, 8, 12, 16, 24, ...) and never below 4 % of the circle, so adding one
person moves only the neighbours in their own sector and ring until a sector outgrows its
step. People with no part of life yet (typically a fresh import) get their own sector, at
the end, labelled as such and never more than 30 % of the circle while others exist.

Inside one sector-and-ring cell people are sorted by (organization, name, id), so colleagues
sit together and the order does not depend on when anyone was added. Organizations shared by
two or more people, or linked to a target, sit at the middle of their members; targets sit
outside the circle.

Example:
    >>> from infoview_lib.workbook.model import Contact
    >>> from infoview_lib.map.network import build_graph_from
    >>> g = build_graph_from([Contact(id=1, first_name="Ada", tie_strength="often",
    ...                               categories=["friend"])], categories=["friend", "other"])
    >>> lay = ego_layout(g, categories=["friend", "other"])
    >>> lay["ego"].tolist(), lay.ring_of("c:1"), lay.sector_names
    ([0.0, 0.0], 0, ['friend'])
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

import numpy as np

from ..classroom.protocol import current_protocol
from .network import EGO

TIE_RING = {"often": 0, "occasionally": 1, "rarely": 2, "": 2}
RING_NAMES = ("often", "occasionally", "rarely", "introduced")
INTRODUCED = 3
FIRST_RADIUS = 1.6
RING_STEP = 1.0
RING_WIDTH = 0.72
SPACING = 0.14  # below this distance along an arc, people are spread over several bands
PAD = 0.06  # fraction of a sector left empty on each side
TOP_GAP = 0.22  # radians left free at twelve o'clock for the ring names
MIN_SHARE = 0.04
UNSORTED = "no part of life yet"
UNSORTED_MAX = 0.30
_LADDER = [2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128]


@dataclass
class Layout:
    """Positions of the drawn nodes: `xy[i]` is the position of `nodes[i]`."""

    nodes: list[str]
    xy: np.ndarray
    ring: np.ndarray  # ring per node (-1: not a contact)
    sector: np.ndarray  # sector per node (-1: not a contact); len(categories) = no category
    categories: list[str]
    radius: float  # the circle the targets sit on
    sector_names: list[str] = field(default_factory=list)  # sectors drawn, clockwise
    sector_spans: list[tuple[float, float]] = field(default_factory=list)  # (start, end) angles
    sector_counts: list[int] = field(default_factory=list)
    outer: float = FIRST_RADIUS  # the outermost ring in use

    def __post_init__(self):
        self.index = {n: i for i, n in enumerate(self.nodes)}

    def __getitem__(self, node: str) -> np.ndarray:
        return self.xy[self.index[node]]

    def __contains__(self, node: str) -> bool:
        return node in self.index

    def ring_of(self, node: str) -> int:
        return int(self.ring[self.index[node]])

    def sector_of(self, node: str) -> int:
        return int(self.sector[self.index[node]])

    @property
    def pos(self) -> dict[str, np.ndarray]:
        """A networkx-style {node: (x, y)} dict."""
        return dict(zip(self.nodes, self.xy, strict=False))


def ring_radius(ring: int) -> float:
    return FIRST_RADIUS + ring * RING_STEP


def ring_for(data: dict) -> int:
    """The ring of one contact node: by tie strength, or 'introduced' for referred people."""
    if data.get("degree", 1) > 1:
        return INTRODUCED
    return TIE_RING.get(data.get("tie_strength", ""), 2)


def sort_key(node: str, data: dict) -> tuple:
    """Order inside a cell: organization (none last), then name, then id."""
    org = (data.get("organization") or "").casefold()
    return (org == "", org, data.get("label", "").casefold(), data.get("contact_id", 0), node)


def step_up(count: int) -> int:
    """The ladder step a sector of `count` people is sized for.

    >>> [step_up(n) for n in (1, 3, 9, 100, 300)]
    [2, 4, 12, 128, 432]
    """
    i = bisect.bisect_left(_LADDER, count)
    if i < len(_LADDER):
        return _LADDER[i]
    step = _LADDER[-1]
    while step < count:
        step = step * 3 // 2
    return step


def sector_shares(counts: list[int], unsorted: int = 0) -> list[float]:
    """Each sector's share of the circle (the last one is the no-category group if any)."""
    weights = [float(step_up(c)) for c in counts] + ([float(step_up(unsorted))] if unsorted else [])
    total = sum(weights) or 1.0
    shares = [max(w / total, MIN_SHARE) for w in weights]
    if unsorted and counts and shares[-1] > UNSORTED_MAX:
        rest = sum(shares[:-1])
        shares = [s * (1 - UNSORTED_MAX) / rest for s in shares[:-1]] + [UNSORTED_MAX]
    total = sum(shares)
    return [s / total for s in shares]


def _place_cell(k: int, ring: int, a0: float, a1: float) -> np.ndarray:
    """Spread k people over the annular cell between angles a0..a1 of one ring."""
    r_mid = ring_radius(ring)
    span = a1 - a0
    arc = r_mid * span
    bands = 1 if k * SPACING <= arc else max(2, math.ceil(math.sqrt(k * RING_WIDTH / arc)))
    bands = min(bands, max(1, k))
    cols = math.ceil(k / bands)
    i = np.arange(k)
    col, row = i // bands, i % bands
    angle = a1 - (col + 0.5) / cols * span  # clockwise, like reading a clock
    if bands == 1:
        offset = np.where(i % 2 == 0, -0.2, 0.2) * RING_WIDTH if k > 3 else np.zeros(k)
    else:
        offset = ((row + 0.5) / bands - 0.5) * RING_WIDTH
    r = r_mid + offset
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def _cells(g, categories):
    sector_of = {c: i for i, c in enumerate(categories)}
    cells: dict[tuple[int, int], list[tuple[tuple, str]]] = {}
    for node, data in g.nodes(data=True):
        if data.get("kind") != "contact":
            continue
        if data.get("categories"):
            sector = sector_of.get(data.get("category"), len(categories) - 1)
        else:
            sector = len(categories)  # no part of life yet
        cells.setdefault((sector, ring_for(data)), []).append((sort_key(node, data), node))
    return cells


def _has_kind(edges: dict, kind: str) -> bool:
    """Whether one of the edges between two nodes ({key: attributes}) is of this kind."""
    return any(d.get("kind") == kind for d in edges.values())


def _spans(counts: dict[int, int], categories: list[str]):
    used = sorted(counts)
    named = [s for s in used if s < len(categories)]
    shares = sector_shares([counts[s] for s in named], counts.get(len(categories), 0))
    spans, start = {}, math.pi / 2 - TOP_GAP / 2
    usable = 2 * math.pi - TOP_GAP
    for s, share in zip(used, shares, strict=True):
        spans[s] = (start, start - share * usable)
        start -= share * usable
    return spans


def _target_angles(k: int, spans: dict) -> np.ndarray:
    """Evenly spread angles for k targets, each moved to the nearest free sector boundary
    (sector names sit at the middle of their sector, so a star never covers one)."""
    wanted = math.pi / 4 - np.arange(k) * 2 * math.pi / max(1, k)
    bounds = sorted({round(a, 9) for span in spans.values() for a in span})
    if len(bounds) < k:
        return wanted
    out, free = [], list(bounds)
    for a in wanted:
        gap = [abs((a - b + math.pi) % (2 * math.pi) - math.pi) for b in free]
        out.append(free.pop(int(np.argmin(gap))))
    return np.array(out)


def ego_layout(g, categories: list[str] | None = None) -> Layout:
    """Positions for the ego, contacts, shared or target-linked organizations, and targets."""
    if categories is None:
            categories = list(current_protocol().categories)
    categories = list(categories) or ["other"]
    cells = _cells(g, categories)
    counts: dict[int, int] = {}
    for (sector, _ring), members in cells.items():
        counts[sector] = counts.get(sector, 0) + len(members)
    spans = _spans(counts, categories)

    nodes, chunks, rings, sectors = [EGO], [np.zeros((1, 2))], [-1], [-1]
    for (sector, ring), members in sorted(cells.items()):
        members.sort()
        start, end = spans[sector]
        width = start - end
        chunks.append(_place_cell(len(members), ring, end + PAD * width, start - PAD * width))
        nodes += [n for _, n in members]
        rings += [ring] * len(members)
        sectors += [sector] * len(members)
    xy = np.concatenate(chunks)
    index = {n: i for i, n in enumerate(nodes)}
    outer = ring_radius(max(rings[1:], default=0))
    radius = outer + RING_WIDTH / 2 + 0.8

    org_xy, org_nodes = [], []
    for node, data in g.nodes(data=True):
        if data.get("kind") != "organization":
            continue
        members = sorted(index[u] for u, edges in g._pred[node].items()  # the adjacency
                         if u in index and _has_kind(edges, "works_at"))  # dicts: quick
        linked = any(_has_kind(edges, "org_target") for edges in g._succ[node].values())
        if len(members) >= 2 or (members and linked):
            org_nodes.append(node)
            org_xy.append(xy[members].mean(axis=0))
    targets = sorted((n for n, k in g.nodes(data="kind") if k == "target"),
                     key=lambda n: (g.nodes[n].get("target_id", 0), n))
    t_angle = _target_angles(len(targets), spans)
    t_xy = np.column_stack([radius * np.cos(t_angle), radius * np.sin(t_angle)])
    all_xy = np.concatenate([xy, np.array(org_xy).reshape(-1, 2), t_xy.reshape(-1, 2)])
    extra = len(org_nodes) + len(targets)
    names = [categories[s] if s < len(categories) else UNSORTED for s in sorted(spans)]
    return Layout(nodes + org_nodes + targets, all_xy,
                  np.array(rings + [-1] * extra), np.array(sectors + [-1] * extra),
                  categories, radius, names, [spans[s] for s in sorted(spans)],
                  [counts[s] for s in sorted(spans)], outer)


__all__ = ["Layout", "ego_layout", "ring_for", "ring_radius", "sort_key", "sector_shares",
           "step_up", "TIE_RING", "RING_NAMES", "UNSORTED"]
