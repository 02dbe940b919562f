"""Which installed fonts can draw a name: so names in any script render, never as empty boxes.

matplotlib draws each character with the first font in a family list that has it. For every
label we look up (with fontTools, which comes with matplotlib) which installed font covers
its characters and hand matplotlib that list. When no installed font covers a name, we warn
once, naming the Debian package to install, and the caller shows a plain label instead.

Example:
    >>> families_for("Ada Lovelace")
    ['DejaVu Sans']
    >>> package_for("सुनीता")
    'fonts-noto-core'
"""

from __future__ import annotations

import functools
import unicodedata
import warnings

DEFAULT_FAMILY = "DejaVu Sans"
_SKIP = ("Last Resort", "Math", "Mono", "Display")
_warned: set[str] = set()


class MissingFontWarning(UserWarning):
    """No installed font can draw some names; they are shown with a plain label instead."""


@functools.lru_cache(maxsize=1)
def _candidates() -> list[tuple[str, str, int]]:
    """(family, file, face index): one regular face per family, sans-serif first."""
    from matplotlib import font_manager as fm

    best: dict[str, tuple] = {}
    for entry in fm.fontManager.ttflist:
        if any(word in entry.name for word in _SKIP):
            continue
        score = (entry.style != "normal", abs(int(entry.weight if str(entry.weight).isdigit()
                                                  else 400) - 400))
        current = best.get(entry.name)
        if current is None or score < current[0]:
            best[entry.name] = (score, entry.fname, getattr(entry, "index", 0))
    order = sorted(best, key=lambda n: (n != DEFAULT_FAMILY, "Serif" in n, "Noto" not in n, n))
    return [(name, best[name][1], best[name][2]) for name in order]


@functools.cache
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if path.lower().endswith((".ttc", ".otc")):
            with TTCollection(path, lazy=True) as collection:
                return frozenset(collection.fonts[index]["cmap"].getBestCmap() or {})
        with TTFont(path, lazy=True, fontNumber=index) as font:
            return frozenset(font["cmap"].getBestCmap() or {})
    except Exception:  # a broken font file must not stop the picture
        return frozenset()


def _needed(text: str) -> frozenset[int]:
    return frozenset(ord(ch) for ch in text
                     if not ch.isspace() and unicodedata.category(ch)[0] != "C")


@functools.lru_cache(maxsize=4096)
def _families(chars: frozenset[int]) -> tuple[str, ...] | None:
    candidates = _candidates()
    families: list[str] = []
    missing = set(chars)
    default = [c for c in candidates if c[0] == DEFAULT_FAMILY]
    for name, path, index in default:
        families.append(name)
        missing -= _cmap(path, index)
    if not missing:
        return tuple(families or [DEFAULT_FAMILY])
    for name, path, index in candidates:  # one font that covers all the rest
        if name not in families and missing <= _cmap(path, index):
            return tuple([*families, name])
    for name, path, index in candidates:  # else several, greedily
        covered = missing & _cmap(path, index)
        if covered and name not in families:
            families.append(name)
            missing -= covered
            if not missing:
                return tuple(families)
    return None


def display_form(text: str) -> str:
    """Text as matplotlib must draw it: matplotlib neither joins Arabic letters nor orders
    right-to-left scripts, so those names are shaped (arabic-reshaper) and put in visual order
    (python-bidi) first; other text is returned as it is.

    >>> display_form("Ada") == "Ada" and display_form("حداد") != "حداد"
    True
    """
    if not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def families_for(text: str) -> list[str] | None:
    """The font family list that draws every character of text, or None if none can."""
    result = _families(_needed(text))
    return list(result) if result is not None else None


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


def warn_missing(text: str) -> None:
    """Warn once per package that some names cannot be drawn with the installed fonts."""
    package = package_for(text)
    if package in _warned:
        return
    _warned.add(package)
    warnings.warn(
        f"No installed font can draw some names on the map (for example one in "
        f"{_script_of(text)} script); they are shown as 'Contact N' instead. Install a font "
        f"that covers them, e.g. 'sudo apt-get install {package}', then restart the kernel.",
        MissingFontWarning, stacklevel=3,
    )


def _script_of(text: str) -> str:
    for ch in text:
        if ord(ch) >= 0x250 and not ch.isspace():
            return unicodedata.name(ch, "an unknown").split()[0].title()
    return "an unknown"


def reset_warnings() -> None:
    """Forget which warnings were given (for tests)."""
    _warned.clear()


__all__ = ["families_for", "package_for", "warn_missing", "MissingFontWarning",
           "DEFAULT_FAMILY", "reset_warnings"]
