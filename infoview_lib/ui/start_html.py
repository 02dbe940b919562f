"""Step 0's HTML pieces: progress over the six steps, the profile form's prompt and what a
save says.

Example:
    >>> from infoview_lib.workbook.profile import Profile
    >>> saved_message(Profile(name="Maya", introduction="looking for a job in solar"))[0]
    'warn'
"""

from __future__ import annotations

import html

from ..outreach.words import job_words
from ..steps import step_progress
from ..workbook.profile import Profile
from ..workbook.store import Workbook
from .common import styled


def progress_html(wb: Workbook) -> str:
    """The six steps as an HTML table with a bar each."""
    rows = []
    for step in step_progress(wb):
        pct = int(step.fraction * 100)
        mark = "&#10003;" if step.done else "&#9675;"
        rows.append(
            f"<tr><td>{mark}</td><td><b>Step {step.number}</b>: {html.escape(step.title)}</td>"
            f"<td><div style='width:120px;background:#eee;border-radius:3px'>"
            f"<div class='iv-bar' style='width:{pct}%;background:#0072B2;height:10px;"
            f"border-radius:3px'></div></div></td><td class='iv-step-detail'>"
            f"{html.escape(step.detail)}</td></tr>"
        )
    return "<table class='iv-progress-table'>" + "".join(rows) + "</table>"


PROFILE_FIELDS = {
    "name": ("Your name", "e.g. Maya Okafor-Lind"),
    "introduction": ("About you", "one line, e.g. a final-year design student exploring UX"),
    "email": ("E-mail", "for your signature"),
    "phone": ("Phone", "for your signature and voicemails"),
    "linkedin_url": ("LinkedIn", "https://www.linkedin.com/in/..."),
    "programme": ("Programme", "your course or school"),
}
PROFILE_STYLE = {"description_width": "8em"}


def profile_prompt(profile: Profile) -> str:
    """The line above the form: a clear request while name or introduction is missing."""
    if profile.complete:
        return ("<p class='iv-profile-prompt iv-ok'>Every draft, signature, thank-you, plan "
                f"and invite is written as <b>{html.escape(profile.name)}</b>. Change anything "
                "here and save; the next draft uses it.</p>")
    missing = " and ".join(profile.missing())
    return styled("<b>Tell us who you are.</b> Your name and one line about you go into every "
                  "message the workbook drafts for you (still missing: "
                  f"{html.escape(missing)}). Fill in the boxes below and click "
                  "<i>Save who I am</i>.", "warn", "p", "iv-profile-prompt iv-warn")


def saved_message(profile: Profile) -> tuple[str, str]:
    """After the profile is saved: ("warn" or "ok", what to tell the user)."""
    found = job_words(profile.introduction)
    if found:
        return ("warn", f"Saved, but your introduction mentions {', '.join(found)}: an "
                "informational interview asks for advice, not a job, so step 3's checker will "
                "flag it. Say what you are exploring instead, e.g. 'learning about solar and "
                "storage'.")
    if profile.missing():
        return "warn", f"Saved. Still missing: {' and '.join(profile.missing())}."
    return "ok", f"Saved. Your drafts are now written as {profile.name}."
