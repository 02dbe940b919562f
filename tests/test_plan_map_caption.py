"""The exported plan shows the map's caption once: as text under the picture, not also drawn
into the picture (the walk's PDF plan printed it twice, once unreadably small)."""

from __future__ import annotations

import io

from PIL import Image as PILImage

from infoview_lib.export.maps import map_image
from infoview_lib.map.draw import render_png
from infoview_lib.workbook.model import Contact


def bottom_is_blank(png: bytes, share: float = 0.05) -> bool:
    """True when the picture's bottom strip (where the caption is drawn) is all white."""
    img = PILImage.open(io.BytesIO(png)).convert("L")
    strip = img.crop((0, int(img.height * (1 - share)), img.width, img.height))
    return strip.getextrema()[0] > 245


def test_the_plan_map_carries_its_caption_as_text_only(wb):
    for first in ("Ada", "Bo", "Cy"):
        wb.add(Contact(first_name=first, last_name="Example", organization="Acme"))
    image, _note = map_image(wb)
    assert "3 people" in image.caption  # the caption is there, as text
    assert bottom_is_blank(image.png)  # and not drawn into the picture
    with_caption, _ = render_png(wb, dpi=110)
    assert not bottom_is_blank(with_caption)  # the check sees a drawn caption
