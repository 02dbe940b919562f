"""The one font module: which installed fonts draw a name, for the map and for the PDF.

Both the map (matplotlib) and the PDF (fpdf2) ask the same question: which installed font
covers the characters of this text? We read each font's character map with FreeType (through
matplotlib) and pick DejaVu Sans first, then sans-serif fonts, Noto preferred.
When no font covers a name, the map shows a plain label ("Contact 12") and the caller shows
`missing_font_note(...)`: one plain sentence with the package to install. Before giving
up, matplotlib's font list is refreshed once from the fonts installed now, so a font added
after matplotlib first ran (its cache predates it) is found without deleting any cache.

Example:
    >>> families_for("Ada Lovelace")
    ['DejaVu Sans']
    >>> package_for("सुनीता")
    'fonts-noto-core'
    >>> choose_fonts(["Ada", "Ωmega"]).missing
    []
"""

from __future__ import annotations

import functools
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_FAMILY = "DejaVu Sans"
_SKIP = ("Last Resort", "Math", "Mono", "Display")
_refreshed: list[bool] = []


@functools.lru_cache(maxsize=1)
def _candidates() -> list[tuple[str, str, int]]:
    """(family, file, face index): one regular face per family, sans-serif first."""
    from matplotlib import font_manager as fm  # heavy: matplotlib, on first use

    best: dict[str, tuple] = {}
    for entry in fm.fontManager.ttflist:
        if any(word in entry.name for word in _SKIP):
            continue
        weight = int(entry.weight) if str(entry.weight).isdigit() else 400
        score = (entry.style != "normal", abs(weight - 400))
        current = best.get(entry.name)
        if current is None or score < current[0]:
            best[entry.name] = (score, entry.fname, getattr(entry, "index", 0) or 0)
    order = sorted(best, key=lambda n: (n != DEFAULT_FAMILY, "Serif" in n, "Noto" not in n, n))
    return [(name, best[name][1], best[name][2]) for name in order]


class _Cover:
    """The code points one font face draws, as a sorted array (4 bytes each, where a set of a
    CJK face's 65,000 code points took about 4 MB; the environment check reads ~30 faces).
    Used with a set on the left: chars - cover, chars & cover, chars <= cover.

    Example:
        >>> cover = _Cover([66, 65])
        >>> ({65, 67} - cover, {65, 67} & cover, {65} <= cover, {67} <= cover)
        ({67}, {65}, True, False)
    """

    __slots__ = ("points",)

    def __init__(self, points=()):
        self.points = array("I", sorted(points))

    def __contains__(self, cp: int) -> bool:
        i = bisect_left(self.points, cp)
        return i < len(self.points) and self.points[i] == cp

    def __rand__(self, chars) -> set[int]:
        return {c for c in chars if c in self}

    def __rsub__(self, chars) -> set[int]:
        return {c for c in chars if c not in self}

    def __ge__(self, chars) -> bool:
        return all(c in self for c in chars)


@functools.cache
def _cmap(path: str, index: int) -> _Cover:
    """The code points one face draws (FreeType's own character map, as matplotlib reads it:
    quick, and no font objects left for the garbage collector)."""
    from matplotlib.ft2font import FT2Font  # heavy: matplotlib, on first use

    try:
        return _Cover(FT2Font(path, face_index=index).get_charmap())
    except Exception:  # a broken font file must not stop the picture
        return _Cover()


@functools.cache
def _default_face():
    from matplotlib.ft2font import FT2Font  # heavy: matplotlib, on first use

    return FT2Font(str(default_font_path()))


@functools.cache
def advance(cp: int) -> float | None:
    """How far DejaVu Sans (the map's font) moves on after character cp, in ems; None when
    it has no such character.

    >>> advance(ord("i")) < advance(ord("m")), advance(0x4E00)
    (True, None)
    """
    from matplotlib.ft2font import LoadFlags  # heavy: matplotlib, on first use

    face = _default_face()
    if not face.get_char_index(cp):
        return None
    return face.load_char(cp, flags=LoadFlags.NO_SCALE).horiAdvance / face.units_per_EM


def _needed(text: str) -> frozenset[int]:
    if text.isascii():  # most names: no need to ask unicodedata letter by letter
        return frozenset(ord(ch) for ch in text if " " < ch < "\x7f")
    return frozenset(ord(ch) for ch in text
                     if not ch.isspace() and unicodedata.category(ch)[0] != "C")


@functools.lru_cache(maxsize=4096)
def _families(chars: frozenset[int]) -> tuple[str, ...] | None:
    candidates = _candidates()
    families: list[str] = []
    missing = set(chars)
    for name, path, index in candidates:
        if name == DEFAULT_FAMILY:
            families.append(name)
            missing -= _cmap(path, index)
    if not missing:
        return tuple(families or [DEFAULT_FAMILY])
    for name, path, index in candidates:  # one font that covers all the rest
        if name not in families and missing <= _cmap(path, index):
            return (*families, name)
    for name, path, index in candidates:  # else several, greedily
        covered = missing & _cmap(path, index)
        if covered and name not in families:
            families.append(name)
            missing -= covered
            if not missing:
                return tuple(families)
    return None


def refresh_font_list() -> int:
    """Add fonts installed since matplotlib's font cache was written; returns how many files.

    Runs its search once per process. The updated list is saved to matplotlib's cache, so the
    next kernel starts with it.
    """
    if _refreshed:
        return 0
    _refreshed.append(True)
    from matplotlib import font_manager as fm  # heavy: matplotlib, on first use

    known = {Path(e.fname) for e in fm.fontManager.ttflist}
    added = 0
    for path in sorted(fm.findSystemFonts()):
        if Path(path) in known or Path(path).suffix.lower() not in (".ttf", ".otf", ".ttc"):
            continue
        try:
            fm.fontManager.addfont(path)
            added += 1
        except Exception:  # an unreadable file: skip it, as matplotlib does
            continue
    if added:
        _candidates.cache_clear()
        _families.cache_clear()
        _system_fonts.cache_clear()
        try:
            import matplotlib  # heavy: matplotlib, on first use

            cache = Path(matplotlib.get_cachedir()) / f"fontlist-v{fm.FontManager.__version__}.json"
            fm.json_dump(fm.fontManager, cache)
        except Exception:  # a read-only cache folder only costs the search next time
            pass
    return added


def families_for(text: str) -> list[str] | None:
    """The font family list that draws every character of text, or None if none can."""
    chars = _needed(text)
    result = _families(chars)
    if result is None and refresh_font_list():
        result = _families(chars)
    return list(result) if result is not None else None


def display_form(text: str) -> str:
    """Text as matplotlib must draw it: matplotlib neither joins Arabic letters nor orders
    right-to-left scripts, so those names are shaped (arabic-reshaper) and put in visual order
    (python-bidi) first; other text is returned as it is.

    >>> display_form("Ada") == "Ada" and display_form("حداد") != "حداد"
    True
    """
    if text.isascii() or not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return text
    import arabic_reshaper  # lazy: only for right-to-left names
    from bidi import get_display  # lazy: only for right-to-left names

    return get_display(arabic_reshaper.reshape(text))


def package_for(text: str) -> str:
    """The Debian package most likely to add a font for the characters of text."""
    for ch in text:
        if ch.isspace() or ord(ch) < 0x250:
            continue
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC")):
            return "fonts-noto-cjk"
        if unicodedata.category(ch) == "So":
            return "fonts-noto-color-emoji"
        return "fonts-noto-core"
    return "fonts-noto-core"


def script_of(text: str) -> str:
    """The script of the first character beyond Latin: 'Devanagari', 'Cjk', ..."""
    for ch in text:
        if ord(ch) >= 0x250 and not ch.isspace():
            return unicodedata.name(ch, "an unknown").split()[0].title()
    return "an unknown"


def missing_font_note(texts) -> str:
    """One plain sentence for names no installed font draws ('' when there are none).

    >>> missing_font_note([])
    ''
    """
    texts = list(texts)
    if not texts:
        return ""
    packages = sorted({package_for(t) for t in texts})
    scripts = sorted({script_of(t).replace("Cjk", "Chinese/Japanese/Korean") for t in texts})
    count = f"{len(texts)} name" + ("s" if len(texts) != 1 else "")
    return (f"{count} ({', '.join(scripts)} script) cannot be drawn with the fonts on this "
            f"computer, so the map shows 'Contact N' instead. To fix it, install "
            f"{' and '.join(packages)} (Debian/Ubuntu: sudo apt-get install {' '.join(packages)}"
            f"), then restart the kernel and run the notebook again.")


SAMPLES = {"Chinese/Japanese/Korean": "李", "Arabic": "ا", "Devanagari": "अ", "Thai": "ก"}


def coverage_report(names) -> tuple[bool, str, str]:
    """(ok, what the fonts cover, the fix) for the environment check: not ok only when some
    of these names cannot be drawn."""
    bad = [n for n in names if families_for(display_form(n)) is None]
    if bad:
        packages = sorted({package_for(n) for n in bad})
        return (False, missing_font_note(bad),
                f"sudo apt-get install {' '.join(packages)}, then restart the kernel")
    lacking = [script for script, ch in SAMPLES.items() if families_for(ch) is None]
    detail = "every name in your workbook can be drawn"
    if lacking:
        detail += (f"; names in {', '.join(lacking)} script could not be (install "
                   f"{' and '.join(sorted({package_for(SAMPLES[s]) for s in lacking}))} "
                   "if you will need them)")
    return True, detail, ""


# ---- the PDF: TrueType files (fpdf2 takes files, not family names) ----

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
        scripts = sorted({script_of(ch) for ch in self.missing})
        packages = sorted({package_for(ch) for ch in self.missing})
        return (f"No installed font covers some characters ({', '.join(scripts)}: "
                f"{''.join(self.missing[:10])}); they show as '?' in the PDF. Install "
                f"{' and '.join(packages)} (sudo apt-get install {' '.join(packages)}), then "
                "export again.")


@functools.lru_cache(maxsize=1)
def _system_fonts() -> tuple[Path, ...]:
    from matplotlib import font_manager  # heavy: matplotlib, on first use

    return tuple(sorted({Path(f.fname) for f in font_manager.fontManager.ttflist}))


def _dejavu(bold: bool) -> FontFile:
    stem = "DejaVuSans-Bold" if bold else "DejaVuSans"
    for path in _system_fonts():
        if path.stem == stem and path.suffix.lower() == ".ttf":
            return FontFile(path)
    import matplotlib  # heavy: matplotlib, on first use

    return FontFile(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{stem}.ttf")


def default_font_path() -> Path:
    """The TrueType file of the map's and the PDF's main font (DejaVu Sans)."""
    return _dejavu(False).path


def choose_fonts(texts: list[str]) -> FontPlan:
    """The main font, the fallbacks needed for these texts (chosen as for the map), and the
    characters that stay uncovered."""
    main, bold = _dejavu(False), _dejavu(True)
    left = set(_needed("".join(texts))) - _cmap(str(main.path), 0)
    if left and not any(left <= _cmap(p, i) for _, p, i in _candidates()):
        refresh_font_list()
    fallbacks: list[FontFile] = []
    whole = [(p, i) for _, p, i in _candidates() if left and left <= _cmap(p, i)]
    if whole:
        return FontPlan(main, bold if bold.path.exists() else None,
                        [FontFile(Path(whole[0][0]), whole[0][1])], [])
    for _name, path, index in _candidates():
        if not left:
            break
        if not path.lower().endswith((".ttf", ".otf", ".ttc")):
            continue
        covered = left & _cmap(path, index)
        if covered:
            fallbacks.append(FontFile(Path(path), index))
            left -= covered
    return FontPlan(main, bold if bold.path.exists() else None, fallbacks,
                    [chr(cp) for cp in sorted(left)])


__all__ = ["families_for", "display_form", "package_for", "script_of", "missing_font_note",
           "refresh_font_list", "coverage_report", "choose_fonts", "default_font_path", "advance", "FontFile", "FontPlan",
           "DEFAULT_FAMILY"]
