"""The start panel: where the workbook lives, the environment check, persona or blank,
who you are (the profile every draft uses), and progress over the six steps.

CSS hooks: .iv-persona, .iv-replace, button.iv-load-persona, button.iv-start-blank,
.iv-profile-prompt, .iv-profile-<field> (name, introduction, email, phone, linkedin_url,
programme), button.iv-save-profile, .iv-profile-status, .iv-progress.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..classroom.doctor import run_checks_apart
from ..classroom.practice import start_practice
from ..classroom.protocol import fit_persona_categories
from ..text import plural
from ..workbook.personas import list_personas
from ..workbook.profile import FIELDS, Profile, get_profile, save_profile
from ..workbook.reset import clear_workbook, is_empty, start_from_persona
from ..workbook.store import Workbook
from .common import Panel, StatusLine, hooked, reports_errors, styled, title
from .form_button import FormButton
from .start_html import (  # noqa: F401 - progress_html and profile_prompt: their old home
    PROFILE_FIELDS,
    PROFILE_STYLE,
    profile_prompt,
    progress_html,
    saved_message,
)


def checks_html() -> str:
    """One green line when all is well; otherwise each problem with the command that fixes it."""
    checks = run_checks_apart()  # the font check's matplotlib stays out of the kernel
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
        self._build_start()
        self.progress = hooked(w.HTML(progress_html(wb)), "iv-progress")
        self._build_profile()
        self.show_profile()
        self.widget = hooked(w.VBox(self._sections(check_environment)), "iv-start")

    def _build_start(self) -> None:
        """Persona or blank: the persona picker, practice mode, the replace box, two buttons."""
        personas = list_personas()
        self.persona = hooked(w.Dropdown(
            options=[(f"{p.id}: {p.description}", p.id) for p in personas],
            value=self.wb.setting("persona") or (personas[0].id if personas else None),
            description="Persona", layout=w.Layout(width="50em", max_width="100%")), "iv-persona")
        self.replace = hooked(w.Checkbox(
            value=False, description="Yes, replace what is in my workbook (a backup is made first)",
            layout=w.Layout(width="40em")), "iv-replace")
        self.practice = hooked(w.Checkbox(
            value=False, description="Practice mode: steps 3-6 already under way (a meeting "
            "that has happened, a referral to follow)", layout=w.Layout(width="50em")),
            "iv-practice")
        # the persona picked and the boxes ticked travel with the click (none lags behind)
        self.load_button = FormButton("Load this persona", "iv-load-persona", "primary",
                                      [self.persona, self.replace, self.practice])
        self.blank_button = FormButton("Start blank", "iv-start-blank", fields=[self.replace])
        self.load_button.on_click(self.load)
        self.blank_button.on_click(self.start_blank)

    def _build_profile(self) -> None:
        """Who you are: one box per profile field and a save button."""
        self.profile_status = StatusLine("iv-profile-status")
        self.profile_prompt = hooked(w.HTML(), "iv-profile-prompt-box")
        self.profile = {
            key: hooked(w.Text(description=label, placeholder=hint, style=PROFILE_STYLE,
                               layout=w.Layout(width="40em", max_width="100%")),
                        f"iv-profile-{key}")
            for key, (label, hint) in PROFILE_FIELDS.items()}
        self.save_profile_button = FormButton(  # what is typed travels with the click
            "Save who I am", "iv-save-profile", "primary", list(self.profile.values()))
        self.save_profile_button.on_click(self.save_profile)

    def _sections(self, check_environment: bool) -> list[w.Widget]:
        where = w.HTML(f"Your workbook file: <code class='iv-workbook-path'>"
                       f"{html.escape(str(self.wb.path))}</code>")
        parts = [title("Your workbook"), where]
        if check_environment:
            parts.append(w.HTML("<b>Environment check</b>" + checks_html()))
        return parts + [
            title("Start"),
            w.HTML("Practise with a made-up person, or start your own list (blank)."),
            self.persona, self.practice, self.replace,
            w.HBox([self.load_button, self.blank_button]),
            self.status.widget,
            title("Who you are"), self.profile_prompt, *self.profile.values(),
            self.save_profile_button, self.profile_status.widget,
            title("Your progress"), self.progress,
        ]

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
        kind, message = saved_message(profile)
        (self.profile_status.warn if kind == "warn" else self.profile_status.ok)(message)

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
