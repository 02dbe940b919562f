"""What step 5's panel shows, as HTML: the meeting line, the lengths hint and the invite's
download link. Every user value is escaped.

Example:
    >>> when_html("Tue 3 Mar <15:30>")
    '<b>Tue 3 Mar &lt;15:30&gt;</b>'
"""

from __future__ import annotations

import html

from .common import color

NOT_FIXED = "Not fixed yet."


def when_html(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def lengths_hint_html(lengths: str) -> str:
    """The meeting lengths the class protocol asks for."""
    return f"<small>Your class asks for {html.escape(lengths)} minutes.</small>"


def invite_link_html(name: str, data_b64: str, path) -> str:
    """A download link for the invite (its bytes inline) and where it was saved."""
    return (f"<a download='meeting-{html.escape(name)}.ics' "
            f"href='data:text/calendar;base64,{data_b64}' style='{color('link')};"
            f"text-decoration:underline'>Download the invite</a>"
            f" (also saved as <code>{html.escape(str(path))}</code>)")
