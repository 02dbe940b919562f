"""Shown once and plainly: step 1's map caption is the text under the picture, not also drawn
in it (saved and exported maps keep it drawn in); download links look like links."""

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


def test_download_links_look_like_links(tmp_path):
    """Step 3's calendar file and the app mode's 'Download everything' are underlined links."""
    from infoview_lib.ui.export import app_files_html

    bundle = tmp_path / "export.zip"
    bundle.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    link = app_files_html([bundle], tmp_path)
    assert "class='iv-download'" in link and "text-decoration:underline" in link
