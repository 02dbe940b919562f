"""A PNG canvas that draws each distinct text once: later draws reuse its pixels.

Matplotlib rasterises a text glyph by glyph on every draw (about a millisecond for a short
name), and a map redrawn after each added person draws the same hundred names again. Here
a text without rotation or math is drawn once, by matplotlib itself, into a small
off-screen canvas; its coverage (how much of each pixel the ink covers) is kept, keyed by
the text, font, size and dpi, and later draws paint it in the text's colour in one call.
The pixels are matplotlib's own and land where it puts them (a text is kept per position to
1/64 of a pixel, as FreeType places glyphs). Other formats (SVG, PDF) are untouched:
matplotlib switches to their own canvas.

Example:
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1), dpi=50)
    >>> _ = fig.text(0.1, 0.5, "Ada")
    >>> canvas = CachedTextCanvas(fig)
    >>> canvas.draw(); canvas.draw()
    >>> ("Ada" in {key[0] for key in _COVERAGE}, CachedTextCanvas.hits >= 1)
    (True, True)
"""

from __future__ import annotations

import math
import struct
import threading
import zlib
from collections import OrderedDict

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag

_COVERAGE: OrderedDict = OrderedDict()  # key -> (coverage, left, bottom) or None
_RENDERERS: OrderedDict = OrderedDict()  # (width, height, dpi) -> renderer
_MAX_KEPT = 4000  # a few hundred bytes each
STEPS = 64  # positions in 1/64 pixel, as matplotlib (FreeType) places glyphs
QUICK_BELOW = 0x0590  # Latin, Greek, Cyrillic, Armenian: letters drawn without shaping


def _coverage(s, prop, dpi, mtext, fx, fy):
    """(uint8 coverage, left, bottom) of s drawn by matplotlib at (fx, fy) (fractions of a
    pixel); left/bottom: where the image's left column and bottom row go (y downwards)."""
    em = prop.get_size_in_points() * dpi / 72
    scratch = RendererAgg(1, 1, dpi)
    w, h, _d = scratch.get_text_width_height_descent(s, prop, False)
    margin = int(math.ceil(2 * em)) + 2
    width, height = int(math.ceil(w)) + 2 * margin, int(math.ceil(h)) + 2 * margin
    off = QuickTextRenderer(width, height, dpi)
    gc = off.new_gc()
    gc.set_foreground("black")
    off.draw_text(gc, margin + fx, height - margin + fy, s, prop, 0, False, mtext)
    gc.restore()
    alpha = np.asarray(off.buffer_rgba())[:, :, 3]
    rows, cols = np.nonzero(alpha.any(axis=1))[0], np.nonzero(alpha.any(axis=0))[0]
    if not len(rows):
        return None
    crop = np.ascontiguousarray(alpha[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
    return crop, int(cols[0]) - margin, int(rows[-1]) + 1 - (height - margin)


def _split(v: float) -> tuple[int, float]:
    """A pixel position as (whole pixel, fraction in steps of 1/8).

    >>> _split(10.3), _split(-0.999)
    ((10, 0.296875), (-1, 0.0))
    """
    whole = math.floor(v)
    steps = round((v - whole) * STEPS)
    return (whole + 1, 0.0) if steps == STEPS else (whole, steps / STEPS)


class QuickTextRenderer(RendererAgg):
    """RendererAgg that draws a plain, unrotated text in one FreeType pass when every letter
    is in its own font and needs no shaping (Latin, Greek, Cyrillic), as matplotlib did up to
    3.10; matplotlib 3.11 shapes each text and places it glyph by glyph from Python, about
    twice the time, for the same pixels. Other texts are drawn by matplotlib.

    Matplotlib measures a text just before drawing it, and FreeType loads every glyph of it
    each time (a quarter of a millisecond for a name): the glyphs loaded to measure a text
    are drawn there and then, and the drawing is kept until the text is drawn."""

    KEEP = 512  # texts measured and not yet drawn (matplotlib draws each right after)

    def __init__(self, width, height, dpi):
        super().__init__(width, height, dpi)
        self._measured = {}  # (text, font properties) -> (glyph image, left, top, descent)

    def _quick_font(self, s, prop, angle, ismath):
        """The font to draw s with in one pass, or None when matplotlib must draw it."""
        font = None if ismath or angle else self._prepare_font(prop)
        if font is None or not all(ord(ch) < QUICK_BELOW and font.get_char_index(ord(ch))
                                   for ch in s):
            return None
        return font

    @staticmethod
    def _lay_out(font, s, antialiased=True):
        """(glyph image, left, top, descent) of s, FreeType's 1/64 pixels but the image."""
        font.set_text(s, 0, flags=get_hinting_flag())
        font.draw_glyphs_to_bitmap(antialiased=antialiased)
        return (np.array(font.get_image()), *font.get_bitmap_offset(), font.get_descent())

    def get_text_width_height_descent(self, s, prop, ismath):
        font = self._quick_font(s, prop, 0, ismath)
        if font is None:
            return super().get_text_width_height_descent(s, prop, ismath)
        if len(self._measured) >= self.KEEP:
            self._measured.clear()
        self._measured[s, hash(prop)] = laid_out = self._lay_out(font, s)
        w, h = font.get_width_height()
        return w / 64, h / 64, laid_out[3] / 64

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        font = self._quick_font(s, prop, angle, ismath)
        if font is None:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        laid_out = self._measured.pop((s, hash(prop)), None)
        if laid_out is None or not gc.get_antialiased():
            laid_out = self._lay_out(font, s, gc.get_antialiased())
        image, left, top, descent = laid_out
        self._renderer.draw_text_image(image, round(x + left / 64),
                                       round(y + top / 64 + descent / 64) + 1, 0, gc)


class QuickTextCanvas(FigureCanvasAgg):
    """FigureCanvasAgg drawing with QuickTextRenderer (a one-off picture)."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        if self._lastKey != (w, h, self.figure.dpi):
            self.renderer = QuickTextRenderer(w, h, self.figure.dpi)
            self._lastKey = (w, h, self.figure.dpi)
        return self.renderer


class _Renderer(QuickTextRenderer):
    """QuickTextRenderer whose plain, unrotated texts come from the coverage cache (so it
    keeps no drawings from measuring)."""

    get_text_width_height_descent = RendererAgg.get_text_width_height_descent

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or angle or not s.strip():
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        features = mtext.get_fontfeatures() if hasattr(mtext, "get_fontfeatures") else None
        language = mtext.get_language() if hasattr(mtext, "get_language") else None
        (ix, fx), (iy, fy) = _split(x), _split(y)
        key = (s, hash(prop), self.dpi, gc.get_antialiased(), tuple(features or ()), language,
               fx, fy)
        found = _COVERAGE.get(key, False)
        if found is False:
            found = _coverage(s, prop.copy(), self.dpi, mtext, fx, fy)
            _COVERAGE[key] = found
            if len(_COVERAGE) > _MAX_KEPT:
                _COVERAGE.popitem(last=False)
        else:
            CachedTextCanvas.hits += 1
        if found is not None:
            image, left, bottom = found
            self._renderer.draw_text_image(image, ix + left, iy + bottom, 0, gc)


class CachedTextCanvas(FigureCanvasAgg):
    """FigureCanvasAgg with the text cache (set it on a figure before savefig as PNG)."""

    hits = 0

    def get_renderer(self):
        """One renderer per size and dpi, shared by the canvases of this module: matplotlib
        keeps text sizes per renderer, so a new figure of the same size measures no text
        again (draws happen one at a time, in the kernel's thread)."""
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _RENDERERS.pop(key, None) or _Renderer(w, h, self.figure.dpi)
            _RENDERERS[key] = self.renderer
            while len(_RENDERERS) > 2:  # the panel's size and one export size
                _RENDERERS.popitem(last=False)
            self._lastKey = key
        return self.renderer


def has_cached_text() -> bool:
    """True once this process has drawn texts through the cache: a later picture reuses
    them. A one-off picture (the `infoview graph` command) is quicker drawn directly."""
    return bool(_COVERAGE)


def png_bytes(rgba, software: str = "infoview", alpha: bool = False,
              dpi: float | None = None) -> bytes:
    """An RGBA buffer as a PNG (RGB unless alpha): no row filters and zlib level 1, about
    three times quicker than Pillow's adaptive filters for a map (mostly flat white), and
    smaller; dpi, when given, is stored as the image's resolution.

    >>> png = png_bytes(np.full((2, 3, 4), 255, np.uint8))
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", png[16:24] == bytes([0, 0, 0, 3, 0, 0, 0, 2])
    (True, True)
    >>> png_bytes(np.zeros((1, 1, 4), np.uint8), alpha=True, dpi=150)[25]  # RGBA
    6
    """

    pixels = np.asarray(rgba)
    height, width = pixels.shape[:2]
    channels = 4 if alpha else 3
    raw = np.zeros((height, width * channels + 1), np.uint8)  # filter byte 0 on each row
    raw[:, 1:].reshape(height, width, channels)[:] = pixels[:, :, :channels]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    head = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", head)]
    if dpi:
        per_metre = int(dpi / 0.0254 + 0.5)  # as Pillow rounds it
        parts.append(chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    parts += [chunk(b"tEXt", b"Software\0" + software.encode("latin-1")),
              chunk(b"IDAT", deflate(memoryview(raw).cast("B"))), chunk(b"IEND", b"")]
    return b"".join(parts)


def deflate(data, level: int = 1, split_above: int = 1 << 20) -> bytes:
    """data as a zlib stream; above split_above bytes its two halves are compressed at
    once, in two threads (zlib lets other threads run while it works), and joined as one
    stream, as pigz does: about half the time on two cores.

    >>> data = bytes(range(256)) * 20_000
    >>> zlib.decompress(deflate(data)) == data, zlib.decompress(deflate(b"ab")) == b"ab"
    (True, True)
    """
    if len(data) <= split_above:
        return zlib.compress(data, level)
    half = len(data) // 2
    tail = []
    worker = threading.Thread(target=lambda: tail.append(_raw_deflate(data[half:], level, True)))
    worker.start()
    head = _raw_deflate(data[:half], level, False)
    checksum = zlib.adler32(data)
    worker.join()
    return b"\x78\x01" + head + tail[0] + struct.pack(">I", checksum)  # zlib header, trailer


def _raw_deflate(data, level: int, last: bool) -> bytes:
    """Deflate blocks without zlib's header; a part that is not last ends on a byte
    boundary (a sync flush), so the next part's blocks can follow it."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last
                                                        else zlib.Z_SYNC_FLUSH)


__all__ = ["CachedTextCanvas", "QuickTextCanvas", "png_bytes", "has_cached_text"]
