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
