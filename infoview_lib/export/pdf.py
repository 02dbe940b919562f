"""Render a Document as PDF with fpdf2 (pure Python): fonts embedded, text extractable.

Example:
    >>> from .document import Document, Para
    >>> data, warning = render_pdf(Document("Plan", blocks=[Para("Zoë Ó Briain")]))
    >>> data[:5], warning
    (b'%PDF-', '')
"""

from __future__ import annotations

import io
import warnings

from .document import Bullets, Document, Fields, Grid, Heading, Image, PageBreak, Para
from .fonts import choose_fonts

FAMILY = "Body"
SIZES = {1: 18, 2: 14, 3: 12, 4: 11}


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
    pdf.set_title(clean(title or doc.title))
    pdf.set_creator("infoview")
    pdf.set_lang("en")
    pdf.add_page()
    bold = "B" if plan.bold else ""
    width = pdf.epw

    def write(text: str, size: float = 10.5, style: str = "", gray: int = 0, gap: float = 1.5):
        pdf.set_font(FAMILY, style, size)
        pdf.set_text_color(gray)
        pdf.multi_cell(width, size * 0.5, clean(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(gap)

    write(doc.title, SIZES[1], bold, gap=1)
    if doc.subtitle:
        write(doc.subtitle, 10, "", 90, gap=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fpdf2 notes on fallback glyphs
        for block in doc.blocks:
            if isinstance(block, Heading):
                level = min(max(block.level, 2), 4)
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
                    lead = "•" if mark is None else ("[x]" if mark else "[  ]")
                    write(f"{lead} {item}", 10, gap=0.5)
                pdf.ln(1)
            elif isinstance(block, Grid):
                pdf.set_font(FAMILY, "", 8.5)
                widths = [min(max(len(str(r[i])) for r in [block.columns, *block.rows]), 45) + 6
                          for i in range(len(block.columns))]
                with pdf.table(line_height=4.6, text_align="LEFT", first_row_as_headings=True,
                               col_widths=tuple(widths),
                               headings_style=_headings_style(bold)) as table:
                    for row in [block.columns, *block.rows]:
                        cells = table.row()
                        for value in row:
                            cells.cell(clean(value))
                pdf.ln(2)
            elif isinstance(block, Image):
                pdf.image(io.BytesIO(block.png), w=width, alt_text=clean(block.alt))
                if block.caption:
                    write(block.caption, 9, "", 90)
            elif isinstance(block, PageBreak):
                pdf.add_page()
    return bytes(pdf.output()), plan.warning()


def _headings_style(bold: str):
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD" if bold else None, fill_color=(240, 242, 245))
