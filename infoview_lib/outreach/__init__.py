"""Step 3: compose an outreach message from its parts, render it, and check it offline.

    parts.py    MessageParts and their defaults from the workbook; saving the user's edits
    drafts.py   Jinja2 templates in data/templates/ -> e-mail, phone script, LinkedIn note
    checker.py  one rule, one verdict, one hint; no network, no language model
    words.py    the word lists they share (job talk, connection cues, written-only phrases)

The tracker and the 3B7 follow-up dates live in infoview_lib.outreach.tracker.

Example:
    >>> p = MessageParts(recipient_name="Hana Sato", sender_name="Maya Lind",
    ...                  referrer="Dolores Ibáñez", topic="UX research",
    ...                  interest="Your path into UX research is what I'd love to hear about.")
    >>> d = render(p, "email")
    >>> verdict(check_message(d.body, p))
    'All 8 checks pass.'
"""

from ..workbook.profile import require_profile
from .checker import Limits, RuleResult, check_message, format_results, verdict
from .drafts import CHANNELS, Draft, render, templates_dir
from .parts import EDITABLE, MessageParts, default_ask, default_parts, parts_for, save_parts


def draft_for(wb, contact, channel: str = "email", strict: bool = False):
    """(draft, parts, checker results) for one contact, from the saved parts.

    Raises ValidationError (saying what to fill in, and where) until your profile has your
    name and a one-line introduction: a draft never has a blank where they belong."""
    require_profile(wb)
    parts = parts_for(wb, contact)
    draft = render(parts, channel)
    return draft, parts, check_message(draft.body, parts, strict=strict, channel=channel)


__all__ = ["CHANNELS", "EDITABLE", "Draft", "Limits", "MessageParts", "RuleResult",
           "check_message", "default_ask", "default_parts", "draft_for", "format_results",
           "parts_for", "render", "save_parts", "templates_dir", "verdict"]
