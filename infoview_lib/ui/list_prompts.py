"""Step 1's prompts (one part of life at a time) and the count towards the class's goal.

A mixin for WhoYouKnowPanel: `_build_prompts()` adds the widgets (prompt_html, prev_button,
next_button, count_html, count_bar) to the panel, which has `wb`, `protocol` and `quick`.

Example:
    >>> prompt_html({"category": "family", "prompt": "Who is <in> your family?"}, 0, 3)[:55]
    "<div style='line-height:1.5'><small>Prompt 1 of 3 · fam"
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..capture import list_goal
from ..workbook.model import Contact
from .common import button, hooked

PROMPT_SETTING = "who_you_know.prompt"


def prompt_html(item: dict, index: int, total: int) -> str:
    """One prompt with its place in the list and what to do with it (escaped)."""
    return (f"<div style='line-height:1.5'><small>Prompt {index + 1} of {total} · "
            f"{html.escape(item.get('category', ''))}</small><br>"
            f"<b>{html.escape(item.get('prompt', ''))}</b><br><small>Write down every name that "
            "comes to mind, even people you have not spoken to for years. You do not have to "
            "contact anyone yet.</small></div>")


class PromptsMixin:
    """The prompt shown, the buttons that move through them, and the count."""

    def _build_prompts(self) -> None:
        self.prompts = list(self.protocol.prompts)
        saved = int(self.wb.setting(PROMPT_SETTING, 0) or 0)
        self._prompt = min(saved, max(len(self.prompts) - 1, 0))
        self.prompt_html = hooked(w.HTML(), "iv-prompt")
        self.prev_button = button("◀ Previous", "iv-prev")
        self.next_button = button("Next ▶", "iv-next")
        self.prev_button.on_click(lambda _=None: self.move_prompt(-1))
        self.next_button.on_click(lambda _=None: self.move_prompt(+1))
        self.count_html = hooked(w.HTML(), "iv-count")
        self.count_bar = hooked(w.IntProgress(min=0, max=self.protocol.list_stretch,
                                              layout=w.Layout(width="24em")), "iv-count-bar")

    def move_prompt(self, step: int) -> None:
        if self.prompts:
            self._prompt = (self._prompt + step) % len(self.prompts)
            self.wb.set_setting(PROMPT_SETTING, self._prompt)
        self._show_prompt()
        self._show_count(self.wb.contacts())

    def _show_prompt(self) -> None:
        if not self.prompts:
            self.prompt_html.value = ""
            return
        item = self.prompts[self._prompt]
        self.prompt_html.value = prompt_html(item, self._prompt, len(self.prompts))
        category = item.get("category", "")
        if category in [v for _, v in self.quick.categories]:
            self.quick.category = category

    def _show_count(self, people: list[Contact]) -> None:
        n, aim, stretch = len(people), self.protocol.list_aim, self.protocol.list_stretch
        self.count_bar.value = min(n, stretch)
        here = ""
        if self.prompts:
            cat = self.prompts[self._prompt].get("category", "")
            here = f" ({sum(cat in c.categories for c in people)} as {html.escape(cat)})"
        listed = "person listed" if n == 1 else "people listed"
        self.count_html.value = (f"<b class='iv-count-number'>{n:,}</b> {listed}{here}: "
                                 f"{list_goal(n, aim, stretch)}.")
