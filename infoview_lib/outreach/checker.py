"""The offline message checker: one line per rule, pass or fail, with a hint.

Rules (from the outreach-email advice in Dalton's *The 2-Hour Job Search* and career-centre
guides): short (under 100 words, strict mode under 75; a LinkedIn note also within 300
characters), the connection or referrer comes first, no words about jobs, openings,
applications or résumés, the ask is a question, the fallback is there, thanks are there,
and more of the words are about them ("you", "your") than about the sender ("I", "my").
Plain rules over the text: no network, no language model, the same verdict every time.
The limits come from the protocol's `outreach` section and can be overridden.

Example:
    >>> text = ("Hi Ada, Sam Lee suggested I write to you. Your work on bridges is what I "
    ...         "want to learn about. Would you have 20 minutes for a call? If you're too busy, "
    ...         "who else could I talk to? Thank you!")
    >>> [r.rule for r in check_message(text) if not r.passed]
    []
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..classroom.protocol import current_protocol
from .parts import MessageParts

JOB_WORDS = re.compile(
    r"\b(jobs?|openings?|vacanc(?:y|ies)|positions?|hiring|hire[ds]?|recruit\w*|apply|applying|"
    r"applied|applications?|applicants?|r[ée]sum[ée]s?|cvs?|internships?|employment)\b",
    re.IGNORECASE)
CONNECTION_CUES = re.compile(
    r"\b(suggest\w*|recommend\w*|referr?\w*|introduc\w*|mention\w*|pass\w* on|gave me|"
    r"told me|met|meet|fellow|alum\w*|both|classmates?|colleagues?|friends?|know each other|"
    r"we know|student|taught|neighbou?rs?|worked together|connected|family|through|via)\b",
    re.IGNORECASE)
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
    if parts is not None and parts.ask and parts.ask in text:
        return [s for s in found if s in parts.ask or parts.ask in s][:1] or [parts.ask]
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
    count = len(words(text))
    top = limits.strict_max_words if strict else limits.max_words
    ok = count < top
    detail = f"{count} words (under {top}{' in strict mode' if strict else ''})"
    if channel == "linkedin":
        ok = ok and len(text) <= limits.linkedin_note_max_chars
        detail += f", {len(text)} characters (at most {limits.linkedin_note_max_chars})"
    results.append(RuleResult("length", "Short enough", ok, detail,
                              "Cut words until it fits: one sentence per part is plenty."))

    first = opening(text)
    names = [n for n in (parts.referrer.split() if parts and parts.referrer else []) if len(n) > 1]
    by_name = any(n.casefold() in first.casefold() for n in names)
    by_connection = bool(parts and parts.connection and first and first in parts.connection)
    cue = CONNECTION_CUES.search(first)
    ok = bool(first) and (by_name or by_connection or bool(cue))
    detail = f"opens with \u201c{first[:60]}\u201d" if first else "no opening sentence"
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
    ok = bool(asks) and all(s.rstrip().endswith("?") for s in asks)
    detail = ("no ask for a meeting found" if not asks else
              ("the ask ends with a question mark" if ok else f"\u201c{asks[0][:60]}\u201d is not a question"))
    results.append(RuleResult("ask_is_question", "The ask is a question", ok, detail,
                              "Ask for a short meeting as a question, e.g. \u201cWould you have "
                              "20 minutes for a call?\u201d"))

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
    return results


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
