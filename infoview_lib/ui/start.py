"""The start panel: where the workbook lives, the environment check, persona or blank,
who you are (the profile every draft uses), and progress over the six steps.

CSS hooks: .iv-persona, .iv-replace, button.iv-load-persona, button.iv-start-blank,
.iv-profile-prompt, .iv-profile-<field> (name, introduction, email, phone, linkedin_url,
programme), button.iv-save-profile, .iv-profile-status, .iv-progress.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..classroom.doctor import run_checks
from ..classroom.practice import start_practice
from ..classroom.protocol import fit_persona_categories
from ..outreach.words import JOB_WORDS
from ..steps import step_progress
from ..text import plural
from ..workbook.personas import list_personas
from ..workbook.profile import FIELDS, Profile, get_profile, save_profile
from ..workbook.reset import clear_workbook, is_empty, start_from_persona
from ..workbook.store import Workbook
from .common import Panel, StatusLine, button, hooked, reports_errors, styled, title


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


def checks_html() -> str:
    """One green line when all is well; otherwise each problem with the command that fixes it."""
    checks = run_checks()
    bad = [c for c in checks if not c.ok]
    if not bad:
        return styled("&#10003; Everything the workbook needs is installed "
                      f"({plural(len(checks), 'check')} passed).", "ok", "p", "iv-checks")
    items = "".join(
        f"<li><b>{html.escape(c.name)}</b>: {html.escape(c.detail)}<br>Fix it by running "
        f"this in a terminal, then restart the kernel: <code>{html.escape(c.fix)}</code></li>"
        for c in bad
    )
    return styled(items, "error", "ul", "iv-checks")


class StartPanel(Panel):
    """Pick a sample persona or start blank, and see progress."""

    def __init__(self, wb: Workbook, check_environment: bool = True):
        self.wb = wb
        self.status = StatusLine()
        personas = list_personas()
        self.persona = hooked(w.Dropdown(
            options=[(f"{p.id}: {p.description}", p.id) for p in personas],
            value=wb.setting("persona") or (personas[0].id if personas else None),
            description="Persona", layout=w.Layout(width="50em", max_width="100%")), "iv-persona")
        self.replace = hooked(w.Checkbox(
            value=False, description="Yes, replace what is in my workbook (a backup is made first)",
            layout=w.Layout(width="40em")), "iv-replace")
        self.practice = hooked(w.Checkbox(
            value=False, description="Practice mode: steps 3-6 already under way (a meeting "
            "that has happened, a referral to follow)", layout=w.Layout(width="50em")),
            "iv-practice")
        self.load_button = button("Load this persona", "iv-load-persona", "primary")
        self.blank_button = button("Start blank", "iv-start-blank")
        self.load_button.on_click(self.load)
        self.blank_button.on_click(self.start_blank)
        self.progress = hooked(w.HTML(progress_html(wb)), "iv-progress")
        self.profile_status = StatusLine("iv-profile-status")
        self.profile_prompt = hooked(w.HTML(), "iv-profile-prompt-box")
        self.profile = {
            key: hooked(w.Text(description=label, placeholder=hint, style=PROFILE_STYLE,
                               layout=w.Layout(width="40em", max_width="100%")),
                        f"iv-profile-{key}")
            for key, (label, hint) in PROFILE_FIELDS.items()}
        self.save_profile_button = button("Save who I am", "iv-save-profile", "primary")
        self.save_profile_button.on_click(self.save_profile)
        self.show_profile()
        where = w.HTML(f"Your workbook file: <code class='iv-workbook-path'>"
                       f"{html.escape(str(wb.path))}</code>")
        parts = [title("Your workbook"), where]
        if check_environment:
            parts.append(w.HTML("<b>Environment check</b>" + checks_html()))
        parts += [
            title("Start"),
            w.HTML("Practise with a made-up person, or start your own list (blank)."),
            self.persona, self.practice, self.replace,
            w.HBox([self.load_button, self.blank_button]),
            self.status.widget,
            title("Who you are"), self.profile_prompt, *self.profile.values(),
            self.save_profile_button, self.profile_status.widget,
            title("Your progress"), self.progress,
        ]
        self.widget = hooked(w.VBox(parts), "iv-start")

    def refresh(self) -> None:
        self.progress.value = progress_html(self.wb)
        self.show_profile()

    def show_profile(self) -> None:
        """Fill the form from the workbook's profile."""
        profile = get_profile(self.wb)
        self._shown = profile.to_dict()
        for key, box in self.profile.items():
            box.value = getattr(profile, key)
        self.profile_prompt.value = profile_prompt(profile)

    def reload(self) -> None:
        """Another notebook changed the workbook: show it, but keep what the user typed into
        the profile form and has not saved yet (they click Save again)."""
        typed = {k: box.value for k, box in self.profile.items()
                 if box.value != getattr(self, "_shown", {}).get(k, "")}
        self.refresh()
        for key, value in typed.items():
            self.profile[key].value = value

    def status_for(self, handler: str) -> StatusLine | None:
        """Messages about the profile appear under its form."""
        return self.profile_status if handler == "save_profile" else None

    @reports_errors
    def save_profile(self, _=None) -> None:
        profile = save_profile(self.wb, Profile(**{k: self.profile[k].value for k in FIELDS}))
        self.show_profile()
        self.progress.value = progress_html(self.wb)
        found = sorted({m.group(0).lower() for m in JOB_WORDS.finditer(profile.introduction)})
        if found:
            self.profile_status.warn(
                f"Saved, but your introduction mentions {', '.join(found)}: an informational "
                "interview asks for advice, not a job, so step 3's checker will flag it. Say "
                "what you are exploring instead, e.g. 'learning about solar and storage'.")
        elif profile.missing():
            self.profile_status.warn(f"Saved. Still missing: {' and '.join(profile.missing())}.")
        else:
            self.profile_status.ok(f"Saved. Your drafts are now written as {profile.name}.")

    def _confirmed(self) -> bool:
        if is_empty(self.wb) or self.replace.value:
            return True
        self.status.warn("Your workbook already has people in it. Tick the box to replace them "
                         "(a backup is made first), then click again.")
        return False

    @reports_errors
    def load(self, _=None) -> None:
        if not self._confirmed():
            return
        counts = start_from_persona(self.wb, self.persona.value)
        fit_persona_categories(self.wb)  # the class's own categories, if custom
        practice = start_practice(self.wb) if self.practice.value else None
        self.replace.value = False
        self.refresh()
        self.status.ok(f"Loaded {self.persona.value}: {plural(counts['contacts'], 'person', 'people')}"
                       f" and {plural(counts['targets'], 'target')}, and who they are (below). "
                       + (f"Practice: debrief and thank {practice['met']} in step 6, then "
                          f"contact {practice['referred']} in step 3." if practice
                          else "Go on to step 1."))

    @reports_errors
    def start_blank(self, _=None) -> None:
        if not self._confirmed():
            return
        clear_workbook(self.wb)
        self.replace.value = False
        self.refresh()
        self.status.ok("Your workbook is empty and ready. Tell us who you are below, then go "
                       "on to step 1 to list the people you know.")
