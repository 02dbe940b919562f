"""Render a Document as PDF with fpdf2 (pure Python): fonts embedded, text extractable.

Example:
    >>> from .document import Document, Para
    >>> data, warning = render_pdf(Document("Plan", blocks=[Para("Zoë Ó Briain")]))
    >>> data[:5], warning
    (b'%PDF-', '')
"""

from __future__ import annotations

import io
import struct
import unicodedata
import warnings

from ..fonts import FontPlan, choose_fonts
from .document import Bullets, Document, Fields, Grid, Heading, Image, PageBreak, Para

FAMILY = "Body"
SIZES = {1: 18, 2: 14, 3: 12, 4: 11}
BOXES = {None: "•", True: "☑", False: "☐"}  # DejaVu Sans has both ballot boxes
# Indic, Thai, Lao, Tibetan, Myanmar, Khmer: letters change shape and order when shaped
_COMPLEX = ((0x0900, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0xA8E0, 0xA8FF))


def needs_shaping(texts: list[str]) -> bool:
    """True when some text is right-to-left or in a script that must be shaped.

    Shaping (uharfbuzz) makes Arabic letters join and read right to left; it costs about
    four times the rendering time, so Latin-only documents go without it.

    >>> needs_shaping(["Ada Lovelace", "晓雯 李"]), needs_shaping(["أميرة حداد"])
    (False, True)
    """
    for text in texts:
        for ch in text:
            if ord(ch) < 0x0590:
                continue
            if unicodedata.bidirectional(ch) in ("R", "AL"):
                return True
            if any(lo <= ord(ch) <= hi for lo, hi in _COMPLEX):
                return True
    return False


def _pdf_class():
    from fpdf import FPDF  # heavy: fpdf2 loads only when a PDF is written

    class PlanPDF(FPDF):
        footer_text = ""

        def footer(self):
            self.set_y(-12)
            self.set_font(FAMILY, "", 8)
            self.set_text_color(110)
            self.cell(0, 6, f"{self.footer_text}  ·  page {self.page_no()}/{{nb}}", align="C")
            self.set_text_color(0)

    return PlanPDF


def render_pdf(doc: Document, title: str | None = None) -> tuple[bytes, str]:
    """(PDF bytes, warning). The warning is '' unless some characters had no font."""
    texts = doc.text_items() + [title or ""]
    plan = choose_fonts(texts)
    writer = _Writer(plan)
    writer.open(title or doc.title, shaping=needs_shaping(texts))
    writer.title(doc)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fpdf2 notes on fallback glyphs
        for i, block in enumerate(doc.blocks):
            writer.upcoming = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
            writer.block(block)
    return bytes(writer.pdf.output()), plan.warning()


class _Writer:
    """Lays out a Document's blocks on an A4 PDF, one method per kind of block."""

    def __init__(self, plan: FontPlan):
        self.plan = plan
        self.missing = set(plan.missing)
        self.bold = "B" if plan.bold else ""
        self.pdf = _pdf_class()(format="A4")
        self.width = self.pdf.epw

    def clean(self, text) -> str:
        """One line (unless it has line breaks), '?' for characters no font draws."""
        text = " ".join(str(text).split()) if "\n" not in str(text) else str(text)
        return "".join("?" if ch in self.missing else ch for ch in text)

    def open(self, label: str, shaping: bool) -> None:
        """Margins, embedded fonts, metadata and the first page; label goes in the footer."""
        pdf = self.pdf
        pdf.footer_text = self.clean(label)
        pdf.set_margins(18, 16, 18)
        pdf.set_auto_page_break(True, margin=16)
        self._add_fonts()
        if shaping:
            pdf.set_text_shaping(True)  # uharfbuzz: joined Arabic letters, right-to-left order
        pdf.set_title(self.clean(label))
        pdf.set_creator("infoview")
        pdf.set_lang("en")
        pdf.add_page()
        self.width = pdf.epw

    def _add_fonts(self) -> None:
        """The main font (and its bold), then fallbacks for the scripts it lacks."""
        plan, pdf = self.plan, self.pdf
        pdf.add_font(FAMILY, "", str(plan.main.path), collection_font_number=plan.main.number)
        if plan.bold:
            pdf.add_font(FAMILY, "B", str(plan.bold.path))
        names = []
        for i, font in enumerate(plan.fallbacks):
            names.append(f"Fallback{i}")
            pdf.add_font(names[-1], "", str(font.path), collection_font_number=font.number)
        if names:
            pdf.set_fallback_fonts(names, exact_match=False)

    def text(self, text: str, size: float = 10.5, style: str = "", gray: int = 0,
             gap: float = 1.5) -> None:
        """A paragraph the width of the page, then a small gap."""
        pdf = self.pdf
        pdf.set_font(FAMILY, style, size)
        pdf.set_text_color(gray)
        pdf.multi_cell(self.width, size * 0.5, self.clean(text), align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(gap)

    def title(self, doc: Document) -> None:
        self.text(doc.title, SIZES[1], self.bold, gap=1)
        if doc.subtitle:
            self.text(doc.subtitle, 10, "", 90, gap=3)

    def block(self, block) -> None:
        """Draw one block with the method named for its kind (heading, para, ...)."""
        getattr(self, type(block).__name__.lower())(block)

    upcoming = None  # the block after the one being drawn (a heading keeps with it)

    def heading(self, block: Heading) -> None:
        if self.pdf.will_page_break(self._keep_with_heading()):  # never alone at a page foot
            self.pdf.add_page()
        self.pdf.ln(2)
        self.text(block.text, SIZES[min(max(block.level, 2), 4)], self.bold, gap=1)

    def _keep_with_heading(self) -> float:
        """Room (mm) a heading needs below it: a few lines, or the whole picture that follows
        it (at most a page), so 'Your map' is not left alone above an empty foot of page;
        a short list (a checklist) also stays whole with its heading."""
        if isinstance(self.upcoming, Bullets) and len(self.upcoming.items) <= 10:
            return 12 + 6 * len(self.upcoming.items)
        if not isinstance(self.upcoming, Image) or self.upcoming.png[12:16] != b"IHDR":
            return 24
        width, height = struct.unpack(">II", self.upcoming.png[16:24])
        page = self.pdf.h - self.pdf.t_margin - self.pdf.b_margin - 20
        return min(12 + self.width * height / max(width, 1), page)

    def para(self, block: Para) -> None:
        self.text(block.text, 10, "", 90 if block.muted else 0)

    def fields(self, block: Fields) -> None:
        """Label: value lines, the label in bold."""
        pdf = self.pdf
        for key, value in block.items:
            if value:
                pdf.set_font(FAMILY, self.bold, 10)
                pdf.write(5, self.clean(key) + ": ")
                pdf.set_font(FAMILY, "", 10)
                pdf.write(5, self.clean(value))
                pdf.ln(6)
        pdf.ln(1)

    def bullets(self, block: Bullets) -> None:
        """One item per line with a hanging indent: wrapped lines start under the text."""
        pdf = self.pdf
        marks = block.checkboxes or [None] * len(block.items)
        for item, mark in zip(block.items, marks, strict=False):
            pdf.set_font(FAMILY, "", 10)
            pdf.cell(5, 5, BOXES[None if mark is None else bool(mark)])
            pdf.multi_cell(self.width - 5, 5, self.clean(item), align="L", new_x="LMARGIN",
                           new_y="NEXT")
            pdf.ln(0.5)
        pdf.ln(1)

    def grid(self, block: Grid) -> None:
        """A table with a shaded heading row and light grey rules, as in the web page."""
        pdf = self.pdf
        pdf.set_font(FAMILY, "", 8.5)
        pdf.set_draw_color(200, 205, 212)
        widths = _column_widths(pdf, block, self.bold)
        with pdf.table(line_height=4.4, text_align="LEFT", first_row_as_headings=True,
                       col_widths=tuple(widths), padding=(0.8, 1.2), v_align="TOP",
                       headings_style=_headings_style(self.bold)) as table:
            for row in [block.columns, *block.rows]:
                cells = table.row()
                for value in row:
                    cells.cell(self.clean(value))
        pdf.set_draw_color(0)
        pdf.ln(2)

    def image(self, block: Image) -> None:
        self.pdf.image(io.BytesIO(block.png), w=self.width, alt_text=self.clean(block.alt))
        if block.caption:
            self.text(block.caption, 9, "", 90)

    def pagebreak(self, block: PageBreak) -> None:
        self.pdf.add_page()


def _column_widths(pdf, grid: Grid, bold: str) -> tuple[float, ...]:
    """Relative widths: each column as wide as its longest text (capped at 60% of the page),
    never narrower than its longest word, so no word is split across lines."""
    wants, mins = [], []
    for i, heading in enumerate(grid.columns):
        cells = [str(row[i]) for row in grid.rows]
        pdf.set_font(FAMILY, bold, 8.5)
        head = pdf.get_string_width(heading)
        word = max((pdf.get_string_width(x) for x in heading.split()), default=0)
        pdf.set_font(FAMILY, "", 8.5)
        natural = max([head, *(pdf.get_string_width(c) for c in cells)])
        word = max([word, *(pdf.get_string_width(x) for c in cells for x in c.split())])
        wants.append(max(min(natural, 0.6 * pdf.epw), word) + 4)  # + cell padding
        mins.append(word + 4)
    excess = sum(wants) - pdf.epw
    room = sum(want - low for want, low in zip(wants, mins, strict=True))
    if excess <= 0 or room <= 0:
        return tuple(wants)
    cut = min(1.0, excess / room)  # shrink only what can wrap, in proportion
    return tuple(want - cut * (want - low) for want, low in zip(wants, mins, strict=True))


def _headings_style(bold: str):
    from fpdf.fonts import FontFace  # heavy: fpdf2 loads only when a PDF is written

    return FontFace(emphasis="BOLD" if bold else None, fill_color=(240, 242, 245))
