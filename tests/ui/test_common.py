"""The panel error decorator: no handler error leaves a panel silent or its button dead."""

from __future__ import annotations

import logging

import ipywidgets as w

from infoview_lib.ui.common import StatusLine, reports_errors
from infoview_lib.workbook.errors import ValidationError


class _Panel:
    def __init__(self):
        self.status = StatusLine()
        self.go = w.Button(description="Go")
        self.other = w.Button(description="Other", disabled=True)

    @reports_errors
    def fails_with_our_error(self, button):
        button.disabled = True
        raise ValidationError("Type a name first.")

    @reports_errors
    def fails_unexpectedly(self, button):
        button.disabled = True
        raise KeyError("contact_id")


def test_our_error_is_shown_and_the_pressed_button_works_again():
    panel = _Panel()
    panel.fails_with_our_error(panel.go)
    assert "Type a name first." in panel.status.text
    assert panel.go.disabled is False
    assert panel.other.disabled is True  # buttons the handler did not press keep their state


def test_any_other_error_is_shown_and_logged(caplog):
    panel = _Panel()
    with caplog.at_level(logging.ERROR, logger="infoview"):
        panel.fails_unexpectedly(panel.go)
    assert "Something went wrong" in panel.status.text
    assert "KeyError" in panel.status.text
    assert panel.go.disabled is False
    assert any("fails_unexpectedly" in r.getMessage() for r in caplog.records)
    assert caplog.records[-1].exc_info is not None


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_on_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def test_status_colours_are_typed_only_in_common():
    from pathlib import Path

    import infoview_lib.ui as ui

    folder = Path(ui.__file__).parent
    inline = [f"{p.name}:{n}" for p in sorted(folder.glob("*.py"))
              if p.name not in ("common.py", "a11y.py")
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if "color:#" in line.replace(" ", "") or "#9a6700" in line]
    assert inline == []


def test_every_status_colour_reads_on_white_and_warn_is_the_accessible_one():
    from infoview_lib.ui.common import STYLES, styled

    assert STYLES["warn"] == "#7d5300"
    assert _contrast_on_white(STYLES["warn"]) >= 4.5
    for kind, colour in STYLES.items():
        assert _contrast_on_white(colour) >= 4.5, kind
    status = StatusLine()
    status.warn("Check <this>")
    assert styled("Check &lt;this&gt;", "warn", css="iv-warn") in status.text
    assert "#7d5300" in status.text and "<this>" not in status.text
