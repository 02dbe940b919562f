"""Explore the map in the notebook: zoom and pan, point at a person to see who they are,
click to open them in step 1's editor.

It is the same matplotlib drawing as the saved picture, shown through ipympl (a maintained
Jupyter widget for matplotlib figures that works in JupyterLab and Voila), so nothing is
drawn twice in two styles. Pointing and clicking find the nearest person with numpy on the
kernel side (well under a millisecond at 5,000 people) and only update a line of text: the
picture is not redrawn.

    explorer = MapExplorer(wb)
    explorer.on_select(lambda contact_id: print(contact_id))
    explorer.widget  # the canvas, its toolbar and the details line
"""

from __future__ import annotations

import html

import ipywidgets as w
import numpy as np

from ..map.draw import RC, draw_network, new_figure
from ..map.layout import UNSORTED
from ..map.network import build_graph
from ..map.text import node_label
from .common import hooked

EXPLORE_DPI = 90  # 960 x 720 pixels
HIT_PX = 10  # a pointer this close to a marker (in pixels) points at that person
HINT = ("Point at a person to see who they are; click one to open them in the editor above. "
        "Zoom with the magnifier, move with the arrows, go back with the house.")


def person_text(d: dict) -> str:
    """One line about a person: name, organization, title, part of life (HTML-escaped).

    >>> person_text({"label": "Ada <b>", "organization": "Acme", "title": "", "category": "x",
    ...              "categories": []})
    '<b>Ada &lt;b&gt;</b> · Acme · no part of life yet'
    """
    parts = [d.get("organization") or "", d.get("title") or "",
             d.get("category") if d.get("categories") else UNSORTED]
    rest = " · ".join(html.escape(p) for p in parts if p)
    return f"<b>{html.escape(d.get('label', ''))}</b>" + (f" · {rest}" if rest else "")


class MapExplorer:
    """An ipympl canvas of the map with hover details and click-to-select."""

    def __init__(self, wb, anonymize: bool = False):
        self.wb = wb
        self.anonymize = anonymize
        self.info = hooked(w.HTML(f"<small>{HINT}</small>"), "iv-map-hover")
        self.widget = hooked(w.VBox([self.info]), "iv-map-explore")
        self._listeners = []
        self.canvas = None
        self.selected: int | None = None
        self.close()  # nothing drawn yet: no figure, nobody to point at

    def on_select(self, listener) -> None:
        """Call listener(contact_id) when a person is clicked."""
        self._listeners.append(listener)

    def draw(self) -> None:
        """(Re)draw the figure from what the workbook holds now."""
        from ipympl.backend_nbagg import Canvas, FigureManager  # heavy: only once Explore is on
        from matplotlib import rc_context  # heavy: only once Explore is on

        self.close()
        g = build_graph(self.wb, anonymize=self.anonymize)
        with rc_context(RC):
            fig, ax = new_figure(EXPLORE_DPI)
            canvas = Canvas(fig)
            FigureManager(canvas, 0)
            result = draw_network(g, ax=ax, anonymize=self.anonymize)  # counts: under it
        lay = result.layout
        self.g, self.ax = g, ax
        self.people = [n for n in lay.nodes if g.nodes[n].get("kind") == "contact"]
        self.xy = lay.xy[[lay.index[n] for n in self.people]].reshape(-1, 2)
        canvas.header_visible = False
        canvas.resizable = False
        canvas.toolbar_position = "left"
        canvas.layout = w.Layout(width="auto")
        canvas.mpl_connect("motion_notify_event", self._hover)
        canvas.mpl_connect("button_press_event", self._click)
        ax.format_coord = lambda x, y: ""  # the details line says more than coordinates
        self.canvas = hooked(canvas, "iv-map-canvas")
        self.widget.children = [self.canvas, self.info]

    def close(self) -> None:
        """Close the canvas and let go of its figure (the panel keeps this explorer)."""
        if self.canvas is not None:
            figure, toolbar = self.canvas.figure, getattr(self.canvas, "toolbar", None)
            if toolbar is not None:
                toolbar.close()  # a widget of its own, that holds the canvas
            self.canvas.close()
            figure.clear()  # its artists hold the drawing's arrays
            self.canvas = None
            self.widget.children = [self.info]
        self.g = self.ax = None
        self.people, self.xy = [], np.empty((0, 2))

    def person_at(self, x_px: float, y_px: float) -> str | None:
        """The person whose marker is nearest to a point on the canvas (pixels), if close."""
        if not len(self.xy):
            return None
        pix = self.ax.transData.transform(self.xy)  # follows zoom and pan
        dist = np.hypot(pix[:, 0] - x_px, pix[:, 1] - y_px)
        i = int(np.argmin(dist))
        return self.people[i] if dist[i] <= HIT_PX else None

    def describe(self, node: str) -> str:
        d = dict(self.g.nodes[node])
        d["label"] = node_label(self.g, node, self.anonymize)
        if self.anonymize:
            d.update(organization="", title="")
        return person_text(d)

    def _hover(self, event) -> None:
        node = self.person_at(event.x, event.y) if event.inaxes is self.ax else None
        self.info.value = self.describe(node) if node else f"<small>{HINT}</small>"

    def _click(self, event) -> None:
        toolbar = getattr(self.canvas, "toolbar", None)
        if getattr(toolbar, "mode", "") or event.inaxes is not self.ax:
            return  # zooming or panning, not choosing
        node = self.person_at(event.x, event.y)
        if node is None:
            return
        self.selected = self.g.nodes[node]["contact_id"]
        for listener in self._listeners:
            listener(self.selected)
        self.info.value = f"{self.describe(node)} · <i>open in the editor above</i>"


__all__ = ["MapExplorer", "person_text", "HIT_PX"]
