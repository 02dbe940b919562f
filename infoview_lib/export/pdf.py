"""Render a Document as PDF with fpdf2 (pure Python): fonts embedded, text extractable.

Example:
    >>> from .document import Document, Para
    >>> data, warning = render_pdf(Document("Plan", blocks=[Para("Zoë Ó Briain")]))
    >>> data[:5], warning
    (b'%PDF-', '')
"""

from __future__ import annotations

import io
import unicodedata
import warnings

from ..fonts import choose_fonts
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
    from fpdf import FPDF

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
    plan = choose_fonts(doc.text_items() + [title or ""])
    missing = set(plan.missing)

    def clean(text: str) -> str:
        text = " ".join(str(text).split()) if "\n" not in str(text) else str(text)
        return "".join("?" if ch in missing else ch for ch in text)

    pdf = _pdf_class()(format="A4")
    pdf.footer_text = clean(title or doc.title)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font(FAMILY, "", str(plan.main.path), collection_font_number=plan.main.number)
    if plan.bold:
        pdf.add_font(FAMILY, "B", str(plan.bold.path))
    names = []
    for i, font in enumerate(plan.fallbacks):
        name = f"Fallback{i}"
        pdf.add_font(name, "", str(font.path), collection_font_number=font.number)
        names.append(name)
    if names:
        pdf.set_fallback_fonts(names, exact_match=False)
    if needs_shaping(doc.text_items() + [title or ""]):
        pdf.set_text_shaping(True)  # uharfbuzz: joined Arabic letters, right-to-left order
    pdf.set_title(clean(title or doc.title))
    pdf.set_creator("infoview")
    pdf.set_lang("en")
    pdf.add_page()
    bold = "B" if plan.bold else ""
    width = pdf.epw

    def write(text: str, size: float = 10.5, style: str = "", gray: int = 0, gap: float = 1.5):
        pdf.set_font(FAMILY, style, size)
        pdf.set_text_color(gray)
        pdf.multi_cell(width, size * 0.5, clean(text), align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(gap)

    def bullet(lead: str, text: str, size: float = 10) -> None:
        """One list item with a hanging indent: wrapped lines start under the text."""
        pdf.set_font(FAMILY, "", size)
        pdf.cell(5, size * 0.5, lead)
        pdf.multi_cell(width - 5, size * 0.5, clean(text), align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.ln(0.5)

    write(doc.title, SIZES[1], bold, gap=1)
    if doc.subtitle:
        write(doc.subtitle, 10, "", 90, gap=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fpdf2 notes on fallback glyphs
        for block in doc.blocks:
            if isinstance(block, Heading):
                level = min(max(block.level, 2), 4)
                if pdf.will_page_break(24):  # no heading alone at the foot of a page
                    pdf.add_page()
                pdf.ln(2)
                write(block.text, SIZES[level], bold, gap=1)
            elif isinstance(block, Para):
                write(block.text, 10, "", 90 if block.muted else 0)
            elif isinstance(block, Fields):
                for key, value in block.items:
                    if value:
                        pdf.set_font(FAMILY, bold, 10)
                        pdf.write(5, clean(key) + ": ")
                        pdf.set_font(FAMILY, "", 10)
                        pdf.write(5, clean(value))
                        pdf.ln(6)
                pdf.ln(1)
            elif isinstance(block, Bullets):
                marks = block.checkboxes or [None] * len(block.items)
                for item, mark in zip(block.items, marks, strict=False):
                    bullet(BOXES[None if mark is None else bool(mark)], item)
                pdf.ln(1)
            elif isinstance(block, Grid):
                pdf.set_font(FAMILY, "", 8.5)
                pdf.set_draw_color(200, 205, 212)  # light grey rules, as in the web page
                widths = _column_widths(pdf, block, bold)
                with pdf.table(line_height=4.4, text_align="LEFT", first_row_as_headings=True,
                               col_widths=tuple(widths), padding=(0.8, 1.2), v_align="TOP",
                               headings_style=_headings_style(bold)) as table:
                    for row in [block.columns, *block.rows]:
                        cells = table.row()
                        for value in row:
                            cells.cell(clean(value))
                pdf.set_draw_color(0)
                pdf.ln(2)
            elif isinstance(block, Image):
                pdf.image(io.BytesIO(block.png), w=width, alt_text=clean(block.alt))
                if block.caption:
                    write(block.caption, 9, "", 90)
            elif isinstance(block, PageBreak):
                pdf.add_page()
    return bytes(pdf.output()), plan.warning()


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
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD" if bold else None, fill_color=(240, 242, 245))
