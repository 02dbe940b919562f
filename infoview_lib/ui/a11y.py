"""Accessibility helpers every panel uses: one stylesheet, named controls, pictures with alt
text, choices that expose which option is selected.

ipywidgets 8 gives a control an accessible name only through its `description` (a <label>)
or, when there is no description, its `tooltip` (the control's `title`). Placeholders are
not names. `Image` has no alt text, so pictures are drawn as an HTML <img alt=...>.
`ToggleButtons` show the selected option only by a shade; `choice()` gives radio buttons,
whose checked state every screen reader announces.

Example:
    >>> box = named(w.Text(placeholder="e.g. Ada"), "Name")
    >>> box.description, "iv-sr-label" in box._dom_classes
    ('Name', True)
    >>> pic = AltImage(value=b"PNG", alt="A map & its <labels>")
    >>> 'alt="A map &amp; its &lt;labels&gt;"' in pic.get_state()["value"]
    True
    >>> choice([("Yes", 1), ("No", 0)], value=1, css="iv-x").orientation
    'horizontal'
"""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as w
from traitlets import Bytes, Unicode, observe

# Colours measured against white: text #1f1f1f 16:1; focus ring #0b57d0 6.3:1 (3:1 needed);
# button backgrounds below carry white text at >= 4.5:1 (ipywidgets' own: 2.2 to 4.1:1).
STYLESHEET = """
.iv-a11y :focus-visible, .iv-a11y .jupyter-widgets :is(input, textarea, select):focus-visible,
.iv-a11y .jupyter-widgets input[type=date]:focus {
  outline: 3px solid #0b57d0 !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 2px #ffffff !important;
}
.iv-a11y .jupyter-button.mod-primary { background-color: #0b57d0; color: #ffffff; }
.iv-a11y .jupyter-button.mod-success { background-color: #1b6e2d; color: #ffffff; }
.iv-a11y .jupyter-button.mod-info { background-color: #01579b; color: #ffffff; }
.iv-a11y .jupyter-button.mod-warning { background-color: #8a4600; color: #ffffff; }
.iv-a11y .jupyter-button.mod-danger { background-color: #b3261e; color: #ffffff; }
.iv-a11y .jupyter-button { color: #1f1f1f; }
.iv-a11y .jupyter-button:is(.mod-primary, .mod-success, .mod-info, .mod-warning, .mod-danger) {
  color: #ffffff;
}
.iv-a11y .widget-radio-box input:checked + * , .iv-a11y .widget-radio-box label:has(input:checked) {
  font-weight: bold;
}
.iv-a11y .widget-checkbox { height: auto; min-height: var(--jp-widgets-inline-height, 28px); }
.iv-a11y .widget-label-basic { height: auto; align-items: flex-start; }
.iv-a11y .widget-label-basic > span {  /* long tick-box labels wrap instead of ending in "..." */
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.4; padding-top: 4px;
}
.iv-a11y table { overflow-wrap: normal; }  /* a wide table scrolls in its own named box */
@media (max-width: 40em) {  /* narrow window or 200 %+ zoom: labels above their boxes */
  .iv-a11y .widget-inline-hbox:not(.widget-checkbox) { flex-wrap: wrap; height: auto !important; }
  .iv-a11y .widget-inline-hbox > :is(select, input[type=text], input[type=number]) {
    min-height: var(--jp-widgets-inline-height, 28px);
  }
  .iv-a11y .widget-inline-hbox:not(.widget-checkbox) > .widget-label {
    width: 100% !important; max-width: 100%; text-align: left;
  }
}
.iv-a11y .iv-sr-label > .widget-label {  /* a name for screen readers, no room on screen */
  position: absolute !important; width: 1px !important; height: 1px !important;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; margin: 0; padding: 0;
}
.iv-a11y .widget-hbox, .iv-a11y .widget-radio-box-horizontal { flex-wrap: wrap; }
.iv-a11y .jupyter-widgets { max-width: 100%; }
.iv-a11y .widget-inline-hbox { min-width: 0; }
.iv-a11y :is(input, select, textarea) { min-width: 0; max-width: 100%; }
.iv-a11y img { max-width: 100%; height: auto; }
.iv-a11y .widget-html-content :is(pre, code) { white-space: pre-wrap; overflow-wrap: anywhere; }
.iv-a11y .widget-html-content { overflow-wrap: anywhere; }
.iv-a11y .widget-gridbox {  /* as many columns as fit: no sideways scrolling at 200 % */
  grid-template-columns: repeat(auto-fill, minmax(min(22em, 100%), 1fr)) !important;
}
"""


def stylesheet() -> w.HTML:
    """The one stylesheet (focus ring, button contrast, reflow); takes no room on the page."""
    sheet = w.HTML(f"<style>{STYLESHEET}</style>", layout=w.Layout(display="none"))
    sheet.add_class("iv-a11y-style")
    return sheet


def accessible(widget: w.Widget) -> w.Box:
    """`widget` inside a box that carries the stylesheet (what a Panel shows)."""
    box = w.VBox([stylesheet(), widget])
    box.add_class("iv-a11y")
    return box


def named(widget: w.Widget, name: str) -> w.Widget:
    """Give a control without a visible label an accessible name: a label only screen
    readers see (the description; a tooltip alone is no name in Chromium, because ipywidgets
    links an empty label to the control), shown as a tooltip too."""
    widget.description = name
    widget.tooltip = name
    widget.add_class("iv-sr-label")
    return widget


def choice(options, value=None, css: str = "", description: str = "", **kwargs) -> w.RadioButtons:
    """One-of-several choice as horizontal radio buttons: the selected one is announced."""
    radios = w.RadioButtons(options=options, value=value, description=description,
                            orientation="horizontal", **kwargs)
    radios.add_class("iv-choice")
    if css:
        radios.add_class(css)
    return radios


def task_marks(markdown: str) -> str:
    r"""Markdown task boxes ("- [ ] ...") as marks: JupyterLab draws them as checkboxes with
    no name that cannot be ticked.

    >>> task_marks("- [x] Agenda\n- [ ] Thank-you")
    '- ☑ Agenda\n- ☐ Thank-you'
    """
    return re.sub(r"^(\s*[-*] )\[([ xX])\] ",
                  lambda m: m.group(1) + ("☐ " if m.group(2) == " " else "☑ "),
                  markdown, flags=re.MULTILINE)


def _img_html(png: bytes, widget: AltImage) -> str:
    if not png:
        return ""
    data = base64.b64encode(bytes(png)).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(widget.alt)}" '
            'style="width:100%;height:auto">')


class AltImage(w.HTML):
    """A PNG picture with alt text. `value` holds the PNG bytes (like ipywidgets' Image);
    the page receives an <img alt=...>. `show(png, alt)` sends both in one message."""

    value = Bytes(b"").tag(sync=True, to_json=_img_html)
    alt = Unicode("")

    def show(self, png: bytes, alt: str) -> None:
        """A new picture and its alt text, sent to the page once (not once for each)."""
        with self.hold_sync():
            self.alt = alt
            self.value = png

    @observe("alt")
    def _resend(self, _change) -> None:
        if self._holding_sync:
            self._states_to_send.add("value")  # sent once when hold_sync ends
        elif self.value:
            self.send_state("value")


__all__ = ["AltImage", "STYLESHEET", "accessible", "choice", "named", "stylesheet", "task_marks"]
