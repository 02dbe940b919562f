"""Render a Document as Markdown, with every piece of user text escaped.

Escaping (md_escape): Markdown specials and raw HTML become
literal text, and line breaks become spaces, so user text cannot break the layout.

Example:
    >>> from .document import Document, Heading
    >>> render_markdown(Document("Plan", blocks=[Heading("# <b>not</b> a heading")])).splitlines()[2]
    '## \\\\# \\\\<b\\\\>not\\\\</b\\\\> a heading'
"""

from __future__ import annotations

import re
from typing import Any

from .document import Bullets, Document, Fields, Grid, Heading, Image, PageBreak, Para

__all__ = ["md_escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~&!])")
_LEADING = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def md_escape(text: Any) -> str:
    """User text made safe inside Markdown: specials backslash-escaped, one line."""
    text = " ".join(str(text or "").split())
    text = _SPECIAL.sub(r"\\\1", text)
    m = _LEADING.match(text)
    if m and m.group(2)[0].isdigit():  # "1. x" is a list item: escape the dot instead
        n = m.end()
        return text[:n] + "\\" + text[n:]
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _cell(text: str) -> str:
    return md_escape(text) or " "


def render_markdown(doc: Document, image_links: dict[int, str] | None = None) -> str:
    """The document as Markdown. image_links maps an Image block's index to a file name
    to link (Markdown cannot embed the picture itself)."""
    image_links = image_links or {}
    out = [f"# {md_escape(doc.title)}", ""]
    if doc.subtitle:
        out += [f"_{md_escape(doc.subtitle)}_", ""]
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 4)
            out += ["#" * level + " " + md_escape(block.text), ""]
        elif isinstance(block, Para):
            text = md_escape(block.text)
            out += [f"_{text}_" if block.muted else text, ""]
        elif isinstance(block, Fields):
            out += [f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in block.items if v]
            out.append("")
        elif isinstance(block, Bullets):
            marks = block.checkboxes or [None] * len(block.items)
            for item, mark in zip(block.items, marks, strict=False):
                box = "" if mark is None else ("[x] " if mark else "[ ] ")
                out.append(f"- {box}{md_escape(item)}")
            out.append("")
        elif isinstance(block, Grid):
            out.append("| " + " | ".join(_cell(c) for c in block.columns) + " |")
            out.append("|" + "---|" * len(block.columns))
            for row in block.rows:
                out.append("| " + " | ".join(_cell(c) for c in row) + " |")
            out.append("")
        elif isinstance(block, Image):
            link = image_links.get(index)
            alt = md_escape(block.alt)
            out.append(f"![{alt}]({link})" if link else f"_{alt}_")
            if block.caption:
                out.append(f"_{md_escape(block.caption)}_")
            out.append("")
        elif isinstance(block, PageBreak):
            out += ["---", ""]
    return "\n".join(out).rstrip() + "\n"
