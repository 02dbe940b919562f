"""A heading in a PDF plan stays on the page of the picture under it: the walk's plan had
"Your map" alone at the foot of page 1 and the map on page 2."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from poppler import poppler

from infoview_lib.export.document import Document, Heading, Image, Para
from infoview_lib.export.pdf import render_pdf


def png(width: int = 400, height: int = 300) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(out, format="PNG")
    return out.getvalue()


def page_texts(data: bytes, tmp_path) -> list[str]:
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return poppler("pdftotext", "-enc", "UTF-8", path, "-").split("\f")


def test_a_heading_moves_with_the_picture_it_introduces(tmp_path):
    filler = [Para("A line of the plan. " * 12) for _ in range(14)]
    doc = Document("Plan", blocks=[*filler, Heading("Your map"),
                                   Image(png=png(), alt="map", caption="3 people")])
    pages = page_texts(render_pdf(doc)[0], tmp_path)
    on = [i for i, text in enumerate(pages) if "Your map" in text]
    with_caption = [i for i, text in enumerate(pages) if "3 people" in text]
    assert on == with_caption and on[0] > 0  # moved to the next page, with its picture


def test_a_heading_before_text_still_needs_only_a_few_lines(tmp_path):
    doc = Document("Plan", blocks=[Para("Short."), Heading("Next"), Para("More.")])
    assert len([p for p in page_texts(render_pdf(doc)[0], tmp_path) if p.strip()]) == 1


def test_a_short_checklist_stays_whole_with_its_heading(tmp_path):
    from infoview_lib.export.document import Bullets

    items = [f"Check number {i}" for i in range(6)]
    filler = [Para("A line of the plan. " * 12) for _ in range(13)]  # ends near a page foot
    doc = Document("Plan", blocks=[*filler, Heading("Checklist"), Bullets(items, [False] * 6)])
    pages = page_texts(render_pdf(doc)[0], tmp_path)
    holding = {i for i, text in enumerate(pages) for item in ["Checklist", *items] if item in text}
    assert len(holding) == 1  # heading and all six lines on one page
