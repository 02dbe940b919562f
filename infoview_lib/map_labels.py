"""Labels on the map: which nodes get one, in what order, and culling so none overlap.

Labels point away from you along the radius (as on a clock face), so neighbours on a ring
only need the height of a line between them. Names no installed font can draw get a plain
label ("Contact 12") and one warning naming the font package to install.

Example:
    >>> _collides((1.0, 2.0, 0.0, 0.1), [(1.5, 2.5, 0.05, 0.15)])
    True
"""

from __future__ import annotations

import math
import unicodedata

from .fonts import families_for, warn_missing
from .map_text import node_label, plain_label

LABEL_ALL_UP_TO = 120
LABEL_NONE_ABOVE = 2000


def _text_width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.58 for ch in text)


def _collides(box, placed) -> bool:
    """Polar boxes (r0, r1, a0, a1): overlap in radius and in angle (angles wrap around)."""
    r0, r1, a0, a1 = box
    for q0, q1, b0, b1 in placed:
        if r0 < q1 and q0 < r1:
            d = (a0 + a1 - b0 - b1) / 2
            d = abs((d + math.pi) % (2 * math.pi) - math.pi)
            if d < (a1 - a0 + b1 - b0) / 2:
                return True
    return False


def place_labels(ax, g, lay, order, anonymize, fontsize, dpi):
    """Add labels in priority order, skipping any that would overlap one already placed.

    Labels point away from you along the radius (as on a clock face), so neighbours on a
    ring only need the height of a line between them.
    """
    ax.apply_aspect()
    origin, unit = ax.transData.transform([(0, 0), (1, 0)])
    per_point = dpi / 72 / max(unit[0] - origin[0], 1e-9)  # data units per typographic point
    placed: list[tuple[float, float, float, float]] = []
    texts, nodes = [], []
    for node in order:
        text = node_label(g, node, anonymize)
        families = families_for(text)
        if families is None:
            warn_missing(text)
            text, families = plain_label(g, node), families_for(plain_label(g, node))
        x, y = lay[node]
        kind = g.nodes[node].get("kind")
        size = fontsize * (1.15 if kind == "target" else 1)
        w, h = _text_width(text) * size * per_point, 1.2 * size * per_point
        r, angle = math.hypot(x, y), math.atan2(y, x)
        gap = 0.09
        if kind == "ego":
            box = (0.0, 0.0, 0.0, 0.0)
        else:
            half = math.atan2(h / 2, r + gap) if kind != "target" else math.atan2(w / 2, r)
            box = (r + gap, r + gap + (w if kind != "target" else h), angle - half, angle + half)
            if _collides(box, placed):
                continue
        placed.append(box)
        right = math.cos(angle) >= 0
        common = dict(fontsize=size, fontfamily=families, zorder=6,
                      fontweight="bold" if kind in ("ego", "target") else "normal",
                      color="#555555" if kind == "organization" else "#000000",
                      style="italic" if kind == "organization" else "normal",
                      bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.65))
        if kind == "ego":
            artist = ax.text(0, -0.2, text, ha="center", va="top", **common)
        elif kind == "target":
            artist = ax.text(x + 0.22 * (1 if right else -1), y, text, va="center",
                             ha="left" if right else "right", **common)
        else:
            degrees = math.degrees(angle) + (0 if right else 180)
            artist = ax.text(x + gap * math.cos(angle), y + gap * math.sin(angle), text,
                             rotation=degrees, rotation_mode="anchor", va="center",
                             ha="left" if right else "right", **common)
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
