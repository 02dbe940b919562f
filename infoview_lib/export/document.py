"""A tiny document model that the Markdown, HTML and PDF writers all render.

Plans are built once as a Document of blocks; each writer escapes user text its own way,
so a name like `<script>` or `*bold*` is plain text in every format.

Example:
    >>> doc = Document("Plan", blocks=[Heading("Targets"), Bullets(["UX design"])])
    >>> [type(b).__name__ for b in doc.blocks]
    ['Heading', 'Bullets']
    >>> doc.text_items()[:2]
    ['Plan', 'Targets']
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Para:
    text: str
    muted: bool = False


@dataclass
class Fields:
    """Label: value lines (empty values are left out)."""

    items: list[tuple[str, str]]


@dataclass
class Bullets:
    items: list[str]
    checkboxes: list[bool] | None = None


@dataclass
class Grid:
    """A table with a header row."""

    columns: list[str]
    rows: list[list[str]]


@dataclass
class Image:
    """A picture (PNG bytes, optionally SVG text for HTML) with alt text and a caption."""

    png: bytes
    alt: str
    caption: str = ""
    svg: str = ""


@dataclass
class PageBreak:
    pass


Block = Heading | Para | Fields | Bullets | Grid | Image | PageBreak


@dataclass
class Document:
    title: str
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def text_items(self) -> list[str]:
        """Every piece of text in the document (used to choose fonts and to test escaping)."""
        out = [self.title] + ([self.subtitle] if self.subtitle else [])
        for block in self.blocks:
            if isinstance(block, (Heading, Para)):
                out.append(block.text)
            elif isinstance(block, Fields):
                out += [t for pair in block.items for t in pair]
            elif isinstance(block, Bullets):
                out += block.items
            elif isinstance(block, Grid):
                out += block.columns + [c for row in block.rows for c in row]
            elif isinstance(block, Image):
                out += [block.alt, block.caption]
        return [t for t in out if t]
