"""Render a Document as Markdown, with every piece of user text escaped.

Example:
    >>> md_escape("*Ada* [x](y) <b>")
    '\\\\*Ada\\\\* \\\\[x\\\\]\\\\(y\\\\) &lt;b&gt;'
    >>> from .document import Document, Heading
    >>> render_markdown(Document("Plan", blocks=[Heading("# not a heading")])).splitlines()[2]
    '## \\\\# not a heading'
"""

from __future__ import annotations

import re

from .document import Bullets, Document, Fields, Grid, Heading, Image, PageBreak, Para

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: specials backslash-escaped, < > & as entities
    (so raw HTML never runs), line breaks turned into spaces."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\s*[\r\n]+\s*", " ", text)
    return _SPECIAL.sub(r"\\\1", text)


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
