"""The map's quicker PNG canvases draw the same picture as matplotlib's own."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from infoview_lib.map import fastagg
from infoview_lib.map.fastagg import CachedTextCanvas, QuickTextCanvas


def picture(canvas_class, texts) -> np.ndarray:
    fig = Figure(figsize=(4, 1.2), dpi=150)
    for i, text in enumerate(texts):
        fig.text(0.03 + 0.5 * (i % 2), 0.2 + 0.3 * (i // 2), text, fontsize=7, va="center")
    canvas = canvas_class(fig)
    canvas.draw()
    return 255 - np.asarray(canvas.buffer_rgba())[:, :, 0].astype(int)  # ink


def ink_box(ink: np.ndarray) -> tuple[int, int, int, int]:
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    return rows[0], rows[-1], cols[0], cols[-1]


@pytest.mark.parametrize("canvas_class", [QuickTextCanvas, CachedTextCanvas])
def test_latin_names_look_as_matplotlib_draws_them(canvas_class):
    texts = ["Ingrid Wang181", "Dolores Ibáñez", "Ирина Кострова", "O'Connor & Ŝ"]
    ours, theirs = picture(canvas_class, texts), picture(FigureCanvasAgg, texts)
    assert theirs.sum() > 0
    assert np.allclose(ink_box(ours), ink_box(theirs), atol=1)  # within a pixel
    assert abs(ours.sum() - theirs.sum()) < 0.03 * theirs.sum()  # the same amount of ink


def test_texts_that_need_shaping_or_another_font_are_left_to_matplotlib(monkeypatch):
    drawn = []
    monkeypatch.setattr(fastagg.RendererAgg, "draw_text",
                        lambda self, gc, x, y, s, *rest, **kw: drawn.append(s))
    picture(QuickTextCanvas, ["Ada Lovelace", "健二 森", "שרה כהן"])
    assert drawn == ["健二 森", "שרה כהן"]  # matplotlib drew these; the Latin name was ours


def test_a_text_measured_then_drawn_loads_its_glyphs_once(monkeypatch):
    """Matplotlib measures each text just before drawing it: the one-off canvas draws the
    glyphs FreeType loaded to measure it instead of loading them again, and keeps nothing
    once the texts are drawn."""
    loaded = []

    class Counted:
        def __init__(self, font):
            self._font = font

        def set_text(self, s, *args, **kwargs):
            loaded.append(s)
            return self._font.set_text(s, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(self._font, name)

    real = fastagg.QuickTextRenderer._prepare_font
    monkeypatch.setattr(fastagg.QuickTextRenderer, "_prepare_font",
                        lambda self, prop: Counted(real(self, prop)))
    fig = Figure(figsize=(4, 1.2), dpi=150)
    for i, name in enumerate(["Ada Lovelace", "Grace Hopper"]):
        fig.text(0.05, 0.2 + 0.3 * i, name, fontsize=7)
    canvas = QuickTextCanvas(fig)
    canvas.draw()
    assert sorted(s for s in loaded if s != "lp") == ["Ada Lovelace", "Grace Hopper"]
    assert {s for s, _ in canvas.get_renderer()._measured} <= {"lp"}  # matplotlib's probe


@pytest.mark.parametrize("alpha", [False, True])
def test_a_map_sized_png_compressed_in_two_halves_decodes_to_the_same_pixels(alpha):
    """Pillow (libpng's rules) reads back every pixel of a picture large enough for
    png_bytes to compress its halves in two threads."""
    import io

    from PIL import Image

    pixels = np.random.default_rng(3).integers(0, 256, (1200, 1600, 4), dtype=np.uint8)
    pixels[:600] = 255  # a white half, as a map mostly is
    png = fastagg.png_bytes(pixels, alpha=alpha)
    with Image.open(io.BytesIO(png)) as img:
        img.load()
        assert np.array_equal(np.asarray(img), pixels[:, :, :4 if alpha else 3])
