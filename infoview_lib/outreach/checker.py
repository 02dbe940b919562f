"""The offline message checker: one line per rule, pass or fail, with a hint.

Rules (from the outreach-email advice in Dalton's *The 2-Hour Job Search* and career-centre
guides): short (under 100 words, strict mode under 75; a LinkedIn note also within 300
characters; your signature is not counted), the connection or referrer comes first, no
words about jobs, roles, openings, applications or résumés, the ask is a question, the
fallback is there, thanks are there, more of the words are about them ("you", "your") than
about the sender ("I", "my"), and it says who is writing with no placeholder left ("[your
name]", "{topic}", an empty "I'm."). A phone script must also read as speech (no "a quick
note", no "thank you for reading this").
Plain rules over the text: no network, no language model, the same verdict every time.
The limits come from the protocol's `outreach` section and can be overridden.

Example:
    >>> text = ("Hi Ada, Sam Lee suggested I write to you. Your work on bridges is what I "
    ...         "want to learn about. Would you have 20 minutes for a call? If you're too busy, "
    ...         "who else could I talk to? Thank you! Best wishes, [your name]")
    >>> [r.rule for r in check_message(text) if not r.passed]
    ['sender']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..classroom.protocol import current_protocol
from ..meetings.lengths import default_minutes
from ..text import plural, shorten
from .parts import MessageParts
from .words import CONNECTION_CUES, JOB_WORDS, PLACEHOLDERS, WRITTEN_ONLY

ASK_MINUTES = re.compile(r"\b(\d+|fifteen|twenty|thirty|few)[\s-]*min", re.IGNORECASE)
ASK_CUES = re.compile(r"\b(call|chat|coffee|meet\w*|conversation|talk)\b", re.IGNORECASE)
FALLBACK = re.compile(
    r"\b(who else|someone else|anyone else|somebody else|another person|other people|"
    r"point me (?:to|towards)|suggest (?:someone|anyone|a colleague))\b", re.IGNORECASE)
THANKS = re.compile(r"\b(thank\w*|grateful|appreciat\w*)\b", re.IGNORECASE)
GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^,\n.!?:]{0,40}[,!:]?",
    re.IGNORECASE)
YOU_WORDS = {"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"}
ME_WORDS = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"}


@dataclass(frozen=True)
class RuleResult:
    """One rule's verdict."""

    rule: str
    label: str
    passed: bool
    detail: str
    hint: str = ""

    def line(self) -> str:
        mark = "PASS" if self.passed else "FAIL"
        tail = "" if self.passed or not self.hint else f" Hint: {self.hint}"
        return f"[{mark}] {self.label}: {self.detail}.{tail}"


@dataclass(frozen=True)
class Limits:
    max_words: int = 100
    strict_max_words: int = 75
    linkedin_note_max_chars: int = 300

    @classmethod
    def from_protocol(cls, **overrides: int) -> Limits:
        conf = current_protocol().outreach
        values = {k: int(conf[k]) for k in ("max_words", "strict_max_words",
                                             "linkedin_note_max_chars") if k in conf}
        values.update({k: int(v) for k, v in overrides.items() if v is not None})
        return cls(**values)


def words(text: str) -> list[str]:
    return re.findall(r"\w[\w'’-]*", text.replace("’", "'"))


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?…])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def without_signature(text: str, parts: MessageParts | None) -> str:
    """The text before the signature (the last paragraph that starts with the sender's name)."""
    name = parts.sender_name if parts else ""
    if not name:
        return text
    at = text.rfind("\n\n" + name)
    return text[:at] if at > 0 else text


def opening(text: str) -> str:
    """The first sentence after the greeting ("Hi Ada,")."""
    text = text.strip()
    match = GREETING.match(text)
    if match and len(match.group(0).split()) <= 6:
        text = text[match.end():]
    found = sentences(text)
    return found[0] if found else ""


def _ask_sentences(text: str, parts: MessageParts | None) -> list[str]:
    found = sentences(text)
    if parts is not None and parts.ask and parts.ask.casefold() in text.casefold():
        # judge the ask as typed: a sentence that runs on into the fallback's "?" is no question
        own = sentences(parts.ask)
        return [s for s in own if ASK_MINUTES.search(s) or ASK_CUES.search(s)][:1] or [parts.ask]
    timed = [s for s in found if ASK_MINUTES.search(s)]
    if timed:
        return timed
    return [s for s in found if ASK_CUES.search(s) and not FALLBACK.search(s)]


def check_message(text: str, parts: MessageParts | None = None, *, strict: bool = False,
                  channel: str = "email", limits: Limits | None = None) -> list[RuleResult]:
    """Check a message body (not the subject). parts, when given, tells the checker the
    referrer and the ask for sharper verdicts."""
    limits = limits or Limits.from_protocol()
    results = []
    count = len(words(without_signature(text, parts)))
    top = limits.strict_max_words if strict else limits.max_words
    ok = count < top
    detail = f"{plural(count, 'word')} (under {top}{' in strict mode' if strict else ''})"
    if channel == "linkedin":
        ok = ok and len(text) <= limits.linkedin_note_max_chars
        detail += f", {len(text)} characters (at most {limits.linkedin_note_max_chars})"
    results.append(RuleResult("length", "Short enough", ok, detail,
                              "Cut words until it fits: one sentence per part is plenty."))

    first = opening(text)
    names = [n for n in (parts.referrer.split() if parts and parts.referrer else []) if len(n) > 1]
    by_name = any(n.casefold() in first.casefold() for n in names)
    by_connection = bool(parts and parts.connection and first
                         and first.casefold() in parts.connection.casefold())
    cue = CONNECTION_CUES.search(first)
    ok = bool(first) and (by_name or by_connection or bool(cue))
    detail = f"opens with \u201c{shorten(first, 60)}\u201d" if first else "no opening sentence"
    results.append(RuleResult("connection_first", "Connection or referrer first", ok, detail,
                              "Start with who sent you or how you know them, e.g. "
                              + (f"\u201c{parts.referrer} suggested I write to you.\u201d"
                                 if parts and parts.referrer else
                                 "\u201cWe met at the spring careers fair.\u201d")))

    found = sorted({m.group(0).lower() for m in JOB_WORDS.finditer(text)})
    results.append(RuleResult(
        "no_job_words", "No job talk", not found,
        "none found" if not found else "found " + ", ".join(f"\u201c{w}\u201d" for w in found),
        "Ask for information and advice only; a request for a job gets forwarded to HR or ignored."))

    asks = _ask_sentences(text, parts)
    minutes = parts.minutes if parts else default_minutes()
    ok = bool(asks) and all(s.rstrip().endswith("?") for s in asks)
    detail = ("no ask for a meeting found" if not asks else
              ("the ask ends with a question mark" if ok else f"\u201c{shorten(asks[0], 60)}\u201d is not a question"))
    results.append(RuleResult("ask_is_question", "The ask is a question", ok, detail,
                              "Ask for a short meeting as a question, e.g. \u201cWould you have "
                              f"{minutes} minutes for a call?\u201d"))

    ok = bool(FALLBACK.search(text))
    results.append(RuleResult("fallback", "Fallback offered", ok,
                              "present" if ok else "missing",
                              "Add \u201cIf you're too busy, who else could I talk to?\u201d"))

    ok = bool(THANKS.search(text))
    results.append(RuleResult("thanks", "Thanks", ok, "present" if ok else "missing",
                              "End with a short thank-you."))

    tokens = [w.lower() for w in words(text)]
    you = sum(t in YOU_WORDS for t in tokens)
    me = sum(t in ME_WORDS for t in tokens)
    results.append(RuleResult("about_them", "More about them than you", you > me,
                              f"{you} you/your, {me} I/me/my",
                              "Turn sentences around them: \u201cyour work on ...\u201d rather "
                              "than \u201cI am interested in ...\u201d."))
    results.append(_sender_rule(text, parts, channel))
    if channel == "phone":
        found = sorted({m.group(0).lower() for m in WRITTEN_ONLY.finditer(text)})
        results.append(RuleResult(
            "speech", "Reads as speech", not found,
            "nothing only written" if not found else
            "found " + ", ".join(f"\u201c{w}\u201d" for w in found),
            "Say it as you would on the phone: \u201cI hope you don't mind me calling\u201d, "
            "\u201cthank you for your time\u201d."))
    return results


def _sender_rule(text: str, parts: MessageParts | None, channel: str) -> RuleResult:
    """Who is writing: no placeholder left, and (with parts) the sender's name is there."""
    holes = [m.group(0) for m in PLACEHOLDERS.finditer(text)]
    hint = ("Fill in who you are under 'Who you are' in 00_start_here.ipynb, then replace "
            "anything in [brackets] or {braces}.")
    if holes:
        return RuleResult("sender", "Says who you are", False,
                          f"a placeholder is left: \u201c{holes[0]}\u201d", hint)
    if parts is not None:
        first = parts.sender_first
        if not first:
            return RuleResult("sender", "Says who you are", False, "your name is missing", hint)
        if channel != "linkedin" and first.casefold() not in text.casefold():
            return RuleResult("sender", "Says who you are", False,
                              f"your name ({parts.sender_name}) is not in the message",
                              "Say your name: \u201cI'm " + first + ", ...\u201d.")
        return RuleResult("sender", "Says who you are", True, f"from {parts.sender_name}")
    return RuleResult("sender", "Says who you are", True, "no placeholder left")


def verdict(results: list[RuleResult]) -> str:
    """'All N checks pass' or 'K of N checks fail: ...'."""
    failed = [r.label for r in results if not r.passed]
    if not failed:
        return f"All {len(results)} checks pass."
    return f"{len(failed)} of {len(results)} checks fail: {', '.join(failed)}."


def format_results(results: list[RuleResult]) -> str:
    return "\n".join([r.line() for r in results] + [verdict(results)])


__all__ = ["Limits", "RuleResult", "check_message", "format_results", "opening", "verdict",
           "words"]
