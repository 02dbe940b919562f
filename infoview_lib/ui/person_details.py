"""Step 1's details editor for one person: the boxes, built onto the panel.

Example:
    >>> class P: pass
    >>> panel = P()
    >>> add_detail_widgets(panel, ["family"])
    >>> panel.detail_categories.options
    ('family',)
    >>> len(DETAIL_FIELDS(panel))
    8
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..workbook.model import TIE_STRENGTH_MEANING, TIE_STRENGTHS
from .common import choice, hooked, styled

LABEL_WIDTH = "8em"  # "Organization" and "Introduced by" fit; boxes line up
WEAK_TIES = ("Why include people you rarely see? In Granovetter's study of job changers, the "
             "contact who helped had been seen often in only 17% of cases, occasionally in 55% "
             "and rarely in 28%: acquaintances hear of things your close friends do not.")


def DETAIL_FIELDS(panel) -> tuple:  # noqa: N802 - reads like the constant list it is
    """The editor's boxes that hold one person's details, in order."""
    return (panel.detail_org, panel.detail_title, panel.detail_categories, panel.tie,
            panel.can_interview, panel.can_refer, panel.introduced_by, panel.notes)


def add_detail_widgets(panel, cats: list[str]) -> None:
    """Create the editor's boxes as attributes of `panel` (detail_org ... notes, tie_help)."""
    panel.detail_org = hooked(w.Text(description="Organization", continuous_update=False),
                              "iv-detail-org")
    panel.detail_title = hooked(w.Text(description="Job title", continuous_update=False),
                                "iv-detail-title")
    panel.detail_categories = hooked(w.SelectMultiple(options=cats, rows=6,
                                                     description="Categories"), "iv-categories")
    panel.tie = choice([("not set", "")] + [(t, t) for t in TIE_STRENGTHS], value="",
                       css="iv-tie", description="We talk")  # radios: the choice is announced
    panel.can_interview = hooked(w.Checkbox(description="could interview", indent=False),
                                 "iv-can-interview")
    panel.can_refer = hooked(w.Checkbox(description="could refer me onward", indent=False),
                             "iv-can-refer")
    panel.introduced_by = hooked(w.Dropdown(description="Introduced by",
                                           layout=w.Layout(width="30em")), "iv-introduced-by")
    panel.notes = hooked(w.Textarea(description="Notes", continuous_update=False,
                                   layout=w.Layout(width="36em")), "iv-notes")
    for widget in (panel.detail_org, panel.detail_title, panel.detail_categories, panel.tie,
                   panel.introduced_by, panel.notes):
        widget.style.description_width = LABEL_WIDTH
    for widget in (panel.detail_org, panel.detail_title):
        widget.layout.width = "30em"
    meanings = " · ".join(f"<b>{t}</b>: {html.escape(TIE_STRENGTH_MEANING[t])}"
                          for t in TIE_STRENGTHS)
    panel.tie_help = hooked(w.HTML(
        f"<div style='line-height:1.4;font-size:90%;margin:0 0 6px 8.5em'>{meanings}<br>"
        f"{styled(html.escape(WEAK_TIES), 'muted')}</div>"), "iv-tie-help")
