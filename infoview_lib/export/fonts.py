"""Fonts for the PDF: TrueType files that cover the names in a document.

DejaVu Sans (Latin, Greek, Cyrillic; matplotlib ships a copy) is the main font. Noto fonts
for CJK, Arabic, Devanagari and other scripts are added as fallbacks when installed
(found through matplotlib's font manager). Characters no font covers are reported once,
with the package that would cover them.

Example:
    >>> plan = choose_fonts(["Ada Lovelace", "Ωmega"])
    >>> plan.main.name.startswith("DejaVuSans"), plan.missing
    (True, [])
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# (file name prefix, install hint); files searched in matplotlib's list of system fonts
FALLBACK_FONTS = (
    ("NotoSansCJK-Regular", "fonts-noto-cjk"),
    ("NotoSansCJKsc-Regular", "fonts-noto-cjk"),
    ("NotoSansArabic-Regular", "fonts-noto-core"),
    ("NotoNaskhArabic-Regular", "fonts-noto-core"),
    ("NotoSansDevanagari-Regular", "fonts-noto-core"),
    ("NotoSansHebrew-Regular", "fonts-noto-core"),
    ("NotoSansThai-Regular", "fonts-noto-core"),
    ("NotoSansBengali-Regular", "fonts-noto-core"),
    ("NotoSansTamil-Regular", "fonts-noto-core"),
    ("NotoSans-Regular", "fonts-noto-core"),
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    number: int = 0  # font number inside a .ttc collection

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass
class FontPlan:
    main: FontFile
    bold: FontFile | None
    fallbacks: list[FontFile] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # characters no font covers

    def warning(self) -> str:
        """One sentence naming the scripts that cannot be shown, or ''."""
        if not self.missing:
            return ""
        scripts = sorted({_script(ch) for ch in self.missing})
        return (f"No installed font covers some characters ({', '.join(scripts)}: "
                f"{''.join(self.missing[:10])}); they show as '?' in the PDF. Install "
                "fonts-noto-core (and fonts-noto-cjk for Chinese, Japanese or Korean) to fix it.")


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ")[0].title()
    except ValueError:
        return f"U+{ord(ch):04X}"


@functools.lru_cache(maxsize=1)
def _system_fonts() -> tuple[Path, ...]:
    from matplotlib import font_manager

    found = {Path(p) for p in font_manager.findSystemFonts()}
    found |= {Path(f.fname) for f in font_manager.fontManager.ttflist}
    return tuple(sorted(found))


def _find(stem: str) -> FontFile | None:
    for path in _system_fonts():
        if path.stem == stem and path.suffix.lower() in (".ttf", ".otf", ".ttc"):
            return FontFile(path)
    return None


def _dejavu(bold: bool) -> FontFile:
    stem = "DejaVuSans-Bold" if bold else "DejaVuSans"
    found = _find(stem)
    if found:
        return found
    import matplotlib

    return FontFile(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{stem}.ttf")


@functools.lru_cache(maxsize=32)
def _coverage(font: FontFile) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font.path), fontNumber=font.number, lazy=True) as tt:
        return frozenset(tt.getBestCmap() or {})


def choose_fonts(texts: list[str]) -> FontPlan:
    """The main font, the fallbacks needed for these texts, and what stays uncovered."""
    needed = sorted({ord(ch) for text in texts for ch in text
                     if not ch.isspace() and unicodedata.category(ch)[0] != "C"})
    main, bold = _dejavu(False), _dejavu(True)
    left = [cp for cp in needed if cp not in _coverage(main)]
    fallbacks: list[FontFile] = []
    for stem, _hint in FALLBACK_FONTS:
        if not left:
            break
        font = _find(stem)
        if font is None or font in fallbacks:
            continue
        covered = _coverage(font)
        if any(cp in covered for cp in left):
            fallbacks.append(font)
            left = [cp for cp in left if cp not in covered]
    return FontPlan(main, bold if bold.path.exists() else None, fallbacks,
                    [chr(cp) for cp in left])
