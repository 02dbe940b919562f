"""What an add sends to the browser, in order: the map picture the user waits for goes first
and once; the people table and pickers follow."""

from __future__ import annotations

import pytest
from ipywidgets import Widget

from infoview_lib.ui.network_map import MapPanel
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook


@pytest.fixture
def sent(monkeypatch):
    """Every widget message, as (the widget's first CSS hook, the state it updates)."""
    log: list[tuple[str, dict]] = []
    original = Widget._send

    def spy(self, msg, buffers=None):
        hooks = [c for c in getattr(self, "_dom_classes", ()) if c.startswith("iv-")]
        log.append((hooks[0] if hooks else type(self).__name__, dict(msg.get("state", {}))))
        return original(self, msg, buffers)

    monkeypatch.setattr(Widget, "_send", spy)
    return log


def test_an_add_sends_the_map_picture_once_before_the_table(tmp_path, sent):
    with open_workbook(tmp_path / "w.sqlite") as wb:
        for i in range(5):
            wb.add(Contact(first_name=f"Person{i}", categories=["friend"]))
        panel = WhoYouKnowPanel(wb, map_panel=MapPanel(wb))
        sent.clear()
        panel.quick.submit(name="Ada Example")
        hooks = [hook for hook, _ in sent]
        assert hooks.count("iv-map-image") == 1  # not once for the alt text and once more
        assert hooks[0] == "iv-status"  # "Added Ada Example." next to the button
        assert hooks.index("iv-map-image") < hooks.index("iv-people")
        assert hooks.index("iv-map-image") < hooks.index("iv-introduced-by")
        assert "Ada Example" in panel.people_html.value
        assert "Ada Example" in [label for label, _ in panel.introduced_by.options]
        picture = next(state["value"] for hook, state in sent if hook == "iv-map-image")
        assert "6 people sit on rings" in picture  # the alt text of the picture after the add


def test_the_map_image_carries_its_new_alt_text_in_the_one_message(tmp_path, sent):
    with open_workbook(tmp_path / "w.sqlite") as wb:
        map_panel = MapPanel(wb)
        for first in ("Bo", "Cy"):
            wb.add(Contact(first_name=first, last_name="Chen", categories=["friend"]))
        sent.clear()
        map_panel.refresh()
        images = [state for hook, state in sent if hook == "iv-map-image"]
        assert [list(state) for state in images] == [["value"]]
        assert images[0]["value"].startswith('<img src="data:image/png;base64,')
        assert "2 people sit on rings" in images[0]["value"]  # the new alt with the new picture
