"""Character sets a contact file may declare, and decoding one value with fallbacks.

Only real text encodings are accepted: a file that says `CHARSET=unicode_escape` (or
base64, rot13, idna ...) names a Python codec, not a character set, and is ignored.

Example:
    >>> text_codec("Shift_JIS"), text_codec("unicode_escape"), text_codec("nonsense")
    ('shift_jis', None, None)
    >>> decode_value("Müller".encode("cp1252"), None)
    ('Müller', 'not UTF-8; read as Windows-1252')
    >>> decode_value("安藤".encode("shift_jis"), "SHIFT_JIS")
    ('安藤', '')
"""

from __future__ import annotations

import codecs
import re

_TEXT_CODECS = re.compile(
    r"^(utf-8|utf-16(-le|-be)?|utf-32(-le|-be)?|ascii|latin-1|iso8859-\d+|cp\d+|"
    r"mac-[a-z]+|koi8-[a-z]+|kz1048|ptcp154|tis-620|shift_jis(2004|x0213)?|euc_[a-z0-9]+|"
    r"gb2312|gbk|gb18030|big5(hkscs)?|iso2022_[a-z0-9_]+|johab|hz)$")


def text_codec(name: str | None) -> str | None:
    """Python's name for a declared character set, or None if it is not a text encoding."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip('"'))
    except (LookupError, ValueError):
        return None
    return codec.name if _TEXT_CODECS.match(codec.name) else None


def _try(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_value(raw: bytes, declared: str | None, file_charset: str | None = None
                 ) -> tuple[str, str]:
    """(text, note) for one value's bytes: the declared charset first, then UTF-8, then the
    file's most common declared charset, then Windows-1252. `note` is '' when the first
    choice worked, else what was done (for the import's problem list)."""
    wanted = text_codec(declared)
    order = [c for c in (wanted, "utf-8", text_codec(file_charset), "cp1252") if c]
    for position, codec in enumerate(dict.fromkeys(order)):
        text = _try(raw, codec)
        if text is not None:
            if position == 0 and (wanted or codec == "utf-8"):
                note = "" if not declared or wanted else _refused(declared, codec)
                return text, note
            first = wanted or "UTF-8"
            why = _refused(declared, codec) if declared and not wanted else \
                f"not {_label(first)}; read as {_label(codec)}"
            return text, why
    return raw.decode("cp1252", errors="replace"), "unreadable bytes replaced by '?'"


def _refused(declared: str, used: str) -> str:
    return f"CHARSET={declared} is not a text encoding; read as {_label(used)}"


def _label(codec: str) -> str:
    names = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "shift_jis": "Shift_JIS"}
    return names.get(codec, codec.upper())
