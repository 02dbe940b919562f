"""Map panels: your who-you-know map (step 1) and "who can point me there" (step 2).

The picture is drawn off-screen and shown as a PNG in an Image widget, inside a box of class
"iv-map" (a browser finds it as `.iv-map img`), so the notebook never draws it twice.
*Explore* swaps in the same drawing as an ipympl canvas (zoom, pan, point at a person for
their details, click to pick them: `on_select`). Hook `refresh` to another panel's change
listener to keep the map current:

    map_panel = MapPanel(wb)
    panel.on_change(map_panel.refresh)
    map_panel
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..fonts import missing_font_note
from ..map.analysis import LEAD_KIND_TEXT, path_text
from ..map.draw import render_png, save_map
from ..map.layout import UNSORTED, ego_layout
from ..map.network import build_graph, target_node
from ..workbook.model import Target
from ..workbook.paths import output_dir
from ..workbook.store import Workbook
from .common import AltImage, Panel, StatusLine, hooked, reports_errors, title
from .form_button import FormButton

PANEL_DPI = 90  # 960 x 720 pixels: the widest the panel shows it (max-width 960px), so no
# pixel drawn is thrown away by the browser; labels sit where they do at any dpi
LEADS_SHOWN = 10  # the rest are counted, so the list never pushes the map far down


def _image() -> AltImage:
    """The map as <img alt=...>: set `.alt` (the map's full description), then `.value`."""
    return hooked(AltImage(layout=w.Layout(width="100%", max_width="960px")), "iv-map-image")


def _frame(image: AltImage) -> w.Box:
    """The box around the picture: CSS class "iv-map", so `.iv-map img` finds the image."""
    return hooked(w.Box([image], layout=w.Layout(width="100%")), "iv-map")


def font_note_html(result) -> str:
    """Names no installed font can draw, in plain words with what to install ('' if none)."""
    note = missing_font_note(result.unfontable)
    return f"<div class='iv-map-fonts'><small>{html.escape(note)}</small></div>" if note else ""


class MapPanel(Panel):
    """Your network as a picture, redrawn after every change; save it for slides."""

    def __init__(self, wb: Workbook, dpi: int = PANEL_DPI):
        self.wb = wb
        self.dpi = dpi
        self.status = StatusLine()
        self.image = _image()
        self.caption = hooked(w.HTML(), "iv-map-caption")
        self.anonymize = hooked(w.Checkbox(description="anonymise (pseudonyms instead of names)",
                                           indent=False, layout=w.Layout(width="auto")),
                                "iv-map-anonymize")
        self.anonymize.observe(lambda _change: self.refresh(), names="value")
        self.save_button = FormButton(  # "anonymise" as ticked travels with the click
            "Save map (PNG, SVG, PDF)", "iv-map-save", fields=[self.anonymize])
        self.save_button.layout.width = "auto"
        self.save_button.on_click(self.save)
        self.explore = hooked(w.Checkbox(description="Explore: zoom, point, click", indent=False,
                                         layout=w.Layout(width="auto")),  # announces on/off
                              "iv-map-explore-on")
        self.explore.observe(lambda _change: self._show(), names="value")
        self.explorer = None
        self._listeners = []
        self.frame = _frame(self.image)
        self.widget = hooked(w.VBox([
            title("Your map"), self.frame, self.caption,
            w.HBox([self.explore, self.anonymize, self.save_button]), self.status.widget,
        ]), "iv-map-panel")
        self.refresh()

    def on_select(self, listener) -> None:
        """Call listener(contact_id) when a person is clicked on the explorable map."""
        self._listeners.append(listener)

    @reports_errors
    def _show(self) -> None:
        """The picture, or the explorable map (same drawing, ipympl) while Explore is on."""
        if self.explorer is not None:  # a redraw replaces the explorer: free the old figure
            self.explorer.close()
        if not self.explore.value:
            self.frame.children = [self.image]
            return
        from .map_explorer import MapExplorer  # heavy: ipympl only once Explore is on

        self.explorer = MapExplorer(self.wb, anonymize=self.anonymize.value)
        for listener in self._listeners:
            self.explorer.on_select(listener)
        self.explorer.draw()
        self.frame.children = [self.explorer.widget]

    @reports_errors
    def refresh(self) -> None:
        """Redraw the map from what the workbook holds now."""
        g = build_graph(self.wb, anonymize=self.anonymize.value)
        png, result = render_png(self.wb, dpi=self.dpi, anonymize=self.anonymize.value, graph=g,
                                 with_caption=False)  # the caption is the text under it
        self.image.show(png, result.alt_text)  # the picture first, in one message
        self.caption.value = (f"<div class='iv-map-caption-text'>{html.escape(result.caption)}"
                              f"</div>{font_note_html(result)}{uncategorised_hint(g)}")
        self.last_result = result
        if self.explore.value:
            self._show()

    @reports_errors
    def save(self, _=None) -> None:
        """Write map.png, map.svg and map.pdf (and the alt text) to the workbook's output
        folder (map/), which *delete my data* removes."""
        self.save_button.disabled = True
        folder = output_dir(self.wb.path) / "map"
        g = build_graph(self.wb, anonymize=self.anonymize.value)
        lay = ego_layout(g)
        names = []
        for suffix in (".png", ".svg", ".pdf"):
            saved = save_map(self.wb, folder / f"map{suffix}", anonymize=self.anonymize.value,
                             graph=g, layout=lay)
            names.append(saved.path.name)
        self.status.ok(f"Saved {', '.join(names)} and map.txt (alt text) in {folder}.")
        self.save_button.disabled = False


def uncategorised_hint(g, at_least: int = 10) -> str:
    """A hint when many people have no part of life yet (e.g. just imported): they sit
    together in their own group of the map."""
    bare = [d for _, d in g.nodes(data=True)
            if d.get("kind") == "contact" and not d.get("categories")]
    if len(bare) < at_least:
        return ("<div class='iv-map-hint'><small>Only you so far: everyone you add above "
                "appears here at once.</small></div>") if g.number_of_nodes() == 1 else ""
    return (f"<div class='iv-map-hint'><small>{len(bare):,} people have no part of life yet, so "
            f"they sit together in the '{UNSORTED}' group. Give many of them one at once "
            "under 'Your people' above: search for a name or pick an organization (or tick 'only "
            "people with no part of life yet'), choose a part of life and click 'Set for these "
            "… people'. The map spreads out.</small></div>")


def leads_list_html(g, leads) -> str:
    """The people who can point you to a target, best first, with reason and path."""
    if not leads:
        return ("<p class='iv-map-no-leads'>Nobody on your list leads there yet. Add people "
                "who work in this area, or ask your contacts who they know there.</p>")
    items = "".join(
        f"<li><b>{html.escape(lead.name)}</b> <i>({LEAD_KIND_TEXT[lead.kind]})</i>: "
        f"{html.escape(lead.reason)}<br><small>{html.escape(path_text(g, lead.path))}</small>"
        f"</li>" for lead in leads[:LEADS_SHOWN])
    more = len(leads) - LEADS_SHOWN
    rest = (f"<p class='iv-map-more-leads'><small>…and {more:,} more (the best "
            f"{LEADS_SHOWN} are listed and drawn).</small></p>") if more > 0 else ""
    return f"<ol class='iv-map-leads-list'>{items}</ol>{rest}"


class TargetMapPanel(Panel):
    """Pick a target: the map highlights who can point you there, and lists the paths."""

    def __init__(self, wb: Workbook, dpi: int = PANEL_DPI):
        self.wb = wb
        self.dpi = dpi
        self.status = StatusLine()
        self.target = hooked(w.Dropdown(description="Target", layout=w.Layout(width="30em")),
                             "iv-map-target")
        self.image = _image()
        self.leads = hooked(w.HTML(), "iv-map-leads")
        self._loading = False
        self.target.observe(lambda _change: None if self._loading else self.draw(),
                            names="value")
        self.widget = hooked(w.VBox([
            title("Who can point me there"), self.target, _frame(self.image), self.leads,
            self.status.widget,
        ]), "iv-target-map")
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Reload the list of targets (keeping the choice, or showing `select`, if it exists)
        and redraw once."""
        targets = self.wb.list(Target)
        options = [(t.name, t.id) for t in targets]
        current = select if select is not None else self.target.value
        self._loading = True
        try:
            self.target.options = options
            ids = [t.id for t in targets]
            self.target.value = current if current in ids else (ids[0] if ids else None)
        finally:
            self._loading = False
        self.draw()

    @reports_errors
    def draw(self) -> None:
        g = build_graph(self.wb)
        if self.target.value is None:
            png, plain = render_png(self.wb, dpi=self.dpi, graph=g)
            self.image.show(png, plain.alt_text)
            self.leads.value = ("<p>Add a target (an industry, company or career field) above, "
                                "then pick it here to see who can point you there.</p>")
            if not self.wb.contacts():
                self.leads.value += ("<p>The map is empty because your list of people is: add "
                                     "people in step 1 first.</p>")
            self.last_leads = []
            return
        png, result = render_png(self.wb, dpi=self.dpi, graph=g,
                                 target=target_node(self.target.value))
        self.image.show(png, result.alt_text)
        self.leads.value = leads_list_html(g, result.leads) + font_note_html(result)
        if not self.wb.contacts():
            self.leads.value = ("<p class='iv-map-no-leads'>Your list of people is empty, so "
                                "nobody leads there yet: add people in step 1 "
                                "(<code>01_who_you_know.ipynb</code>) first.</p>")
        self.last_leads = result.leads
        count = len(result.leads)
        if count:
            who = "1 person" if count == 1 else f"{count} people"
            self.status.ok(f"{who} can point you to {self.target.label}.")
        else:
            self.status.clear()   # the text above already says what to do


__all__ = ["MapPanel", "TargetMapPanel", "leads_list_html", "font_note_html"]
