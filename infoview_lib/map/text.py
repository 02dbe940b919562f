"""The words that go with a map: labels, title, one-line caption and alt text.

Example:
    >>> from infoview_lib.workbook.model import Contact
    >>> from infoview_lib.map.network import build_graph_from
    >>> g = build_graph_from([Contact(id=1, first_name="Ada", tie_strength="often")],
    ...                      categories=["friend", "other"])
    >>> caption(g)
    '1 person · 0 organizations · 1 often · 0 introductions · 0 targets'
"""

from __future__ import annotations

from collections import Counter

from ..text import plural
from ..workbook.model import TIE_STRENGTHS


def node_label(g, node: str, anonymize: bool = False) -> str:
    """What to write next to a node (pseudonyms in anonymised mode; never the user's name)."""
    d = g.nodes[node]
    kind = d.get("kind")
    if kind == "ego":
        return "You" if anonymize else d.get("label") or "You"
    if not anonymize:
        return d.get("label", node)
    if kind == "contact":
        return d.get("pseudonym") or f"Person {d.get('contact_id', '')}"
    if kind == "organization":
        return d.get("pseudonym") or "Organization"
    if kind == "target":
        return d.get("pseudonym") or f"Target {d.get('target_id', '')}"
    return d.get("label", node)


def plain_label(g, node: str) -> str:
    """A label without any script-specific characters, for names no installed font covers."""
    d = g.nodes[node]
    if d.get("kind") == "contact":
        return f"Contact {d.get('contact_id', '')}"
    if d.get("kind") == "target":
        return f"Target {d.get('target_id', '')}"
    return "Organization"


def _stats(g):
    data = g._node.values()  # plain dicts (a view per node is slow at 20,000 people)
    kinds = Counter(d.get("kind") for d in data)
    people = [d for d in data if d.get("kind") == "contact"]
    ties = Counter(d.get("tie_strength") or "not set" for d in people)
    refs = sum(1 for d in people if d.get("introduced_by") is not None)  # one arrow each
    return kinds, ties, refs


def caption(g, target_name: str | None = None, leads: int | None = None,
            named: int | None = None) -> str:
    """One line of counts under the map (`named`: how many people carry a name on it)."""
    kinds, ties, refs = _stats(g)
    tie_text = ", ".join(f"{ties[t]:,} {t}" for t in (*TIE_STRENGTHS, "not set") if ties[t])
    people = plural(kinds["contact"], "person", "people")
    if named is not None and kinds["contact"]:
        people += " (all named)" if named == kinds["contact"] else f" ({named:,} named)"
    parts = [people, plural(kinds["organization"], "organization"),
             tie_text or "no tie strengths yet",
             plural(refs, "introduction"), plural(kinds["target"], "target")]
    if target_name is not None:
        count = leads or 0
        shown = " (the 10 best paths drawn)" if count > 10 else ""
        parts.append(f"{count:,} of them can point you to {target_name}{shown}")
    return " · ".join(p for p in parts if p)


def title(target_name: str | None = None) -> str:
    return f"Who can point you to {target_name}" if target_name else "Who you know"


def alt_text(g, anonymize: bool = False, target_name: str | None = None,
             leads: list | None = None) -> str:
    """A few sentences describing the picture, for slides and screen readers."""
    kinds, ties, refs = _stats(g)
    cats = Counter(d.get("category") for _, d in g.nodes(data=True) if d.get("kind") == "contact")
    top = ", ".join(f"{c} ({n})" for c, n in cats.most_common(3))
    lines = [
        f"{title(target_name)}: a map of a personal network. You are in the centre; "
        f"{plural(kinds['contact'], 'person', 'people')} sit on rings around you, closer the "
        f"more often you are in touch ({', '.join(f'{ties[t]} {t}' for t in ties)}), in "
        f"sectors by part of life" + (f"; the largest are {top}." if top else "."),
        f"{plural(refs, 'person was', 'people were')} introduced by someone you know; arrows "
        f"show who introduced whom, coloured by outreach status.",
        f"{plural(kinds['organization'], 'organization')} and "
        f"{plural(kinds['target'], 'target')} are marked.",
    ]
    if target_name is not None and leads is not None:
        names = ", ".join(node_label(g, lead.contact, anonymize) for lead in leads[:5])
        lines.append(f"Highlighted: {plural(len(leads), 'person', 'people')} who can point you "
                     f"to {target_name}" + (f", starting with {names}." if names else "."))
    return " ".join(lines)


__all__ = ["node_label", "plain_label", "caption", "title", "alt_text"]
