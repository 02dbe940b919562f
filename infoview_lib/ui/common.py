"""What every panel shares: a status line, an error-catching decorator, and CSS hooks.

Example:
    >>> status = StatusLine()
    >>> status.ok("Saved.")
    >>> "Saved." in status.widget.value
    True
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable

import ipywidgets as w

from ..workbook.errors import InfoviewError

LOG = logging.getLogger("infoview")


class StatusLine:
    """One line under a panel telling the user what just happened."""

    def __init__(self, css: str = "iv-status"):
        self.widget = w.HTML(value="")
        self.widget.add_class(css)

    @property
    def text(self) -> str:
        return self.widget.value

    def ok(self, message: str) -> None:
        self.widget.value = f'<span class="iv-ok" style="color:#1a7f37">{html.escape(message)}</span>'

    def warn(self, message: str) -> None:
        self.widget.value = f'<span class="iv-warn" style="color:#9a6700">{html.escape(message)}</span>'

    def error(self, message: str) -> None:
        self.widget.value = f'<span class="iv-error" style="color:#cf222e">{html.escape(message)}</span>'

    def clear(self) -> None:
        self.widget.value = ""


def reports_errors(method: Callable) -> Callable:
    """Decorate a panel's event handler so no error leaves the panel silent.

    An InfoviewError shows its own message in the panel's status line; any other exception
    shows a short "something went wrong" line naming it and is logged with its traceback.
    The button that was pressed (the handler's first argument, when it is a Button) is
    enabled again after an error; other buttons keep the state the handler gave them.

    The panel must have a `status` attribute (a StatusLine).
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except InfoviewError as err:
            self.status.error(str(err))
        except Exception as err:  # noqa: BLE001 - a panel must never fail silently
            LOG.exception("Unexpected error in %s.%s", type(self).__name__, method.__name__)
            self.status.error(f"Something went wrong ({type(err).__name__}: {err}). Try "
                              "again, or restart the kernel and run all cells.")
        if args and isinstance(args[0], w.Button):
            args[0].disabled = False  # after an error, the pressed button works again
        return None

    return wrapper


def hooked(widget: w.Widget, css: str) -> w.Widget:
    """Add a stable CSS class (used by browser tests) and return the widget."""
    widget.add_class(css)
    return widget


def button(description: str, css: str, style: str = "") -> w.Button:
    """A button with a CSS hook."""
    return hooked(w.Button(description=description, button_style=style), css)


def text_input(placeholder: str, css: str, description: str = "", width: str = "16em") -> w.Text:
    """A one-line text box with a CSS hook."""
    return hooked(
        w.Text(placeholder=placeholder, description=description,
               layout=w.Layout(width=width)), css
    )


def title(text: str) -> w.HTML:
    return w.HTML(f"<h3 style='margin:0.3em 0'>{html.escape(text)}</h3>")


class Panel:
    """Base for step panels: build widgets in __init__, keep them in self.widget.

    A panel shows itself when it is the last expression of a cell; it never calls display().
    """

    widget: w.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
