"""Step 1's map shows its caption once: as text under the picture, not also drawn in it
(saved and exported maps keep the caption in the picture)."""

from __future__ import annotations

from infoview_lib.map import draw
from infoview_lib.ui.network_map import MapPanel


def test_the_panel_draws_no_caption_and_shows_it_as_text(maya, monkeypatch, tmp_path):
    drawn = []
    real = draw.add_caption
    monkeypatch.setattr(draw, "add_caption", lambda fig, result: (drawn.append(result.caption),
                                                                 real(fig, result)))
    panel = MapPanel(maya)
    assert drawn == [] and "56 people" in panel.caption.value
    draw.save_map(maya, tmp_path / "map.png")
    assert len(drawn) == 1 and drawn[0].startswith("56 people")
