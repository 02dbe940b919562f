"""What every panel shares: a status line, an error-catching decorator, and CSS hooks.

Example:
    >>> status = StatusLine()
    >>> status.ok("Saved.")
    >>> "Saved." in status.widget.value and 'role="status"' in status.widget.value
    True
    >>> status.error("Type a name first.")  # errors are alerts: read out at once
    >>> 'role="alert"' in status.widget.value
    True
"""

from __future__ import annotations

import ctypes
import functools
import gc
import html
import logging
import sys
from collections.abc import Callable

import ipywidgets as w

from ..workbook.errors import InfoviewError, WorkbookDeleted
from ..workbook.store import Workbook
from .a11y import AltImage, accessible, choice, named  # noqa: F401 - panels import them here
from .form_button import FormButton

LOG = logging.getLogger("infoview")
STALE = ("The workbook changed in another notebook, so this panel was refreshed and now shows "
         "what the workbook holds. Check it, then click again.")
QUIET = ("refresh", "_refresh", "reload")  # handlers that only redraw: no "click again"

# The one set of status colours (text on white). warn is #7d5300, not the lighter #9a6700:
# every colour here keeps a contrast of at least 4.5:1 (docs/accessibility.md).
STYLES = {"ok": "#1a7f37", "warn": "#7d5300", "error": "#cf222e", "muted": "#57606a",
          "link": "#0969da"}


def color(kind: str) -> str:
    """The CSS declaration for a kind of text, for tags that carry other attributes too.

    >>> color("link")
    'color:#0969da'
    """
    return f"color:{STYLES[kind]}"


def styled(text_html: str, kind: str, tag: str = "span", css: str = "", style: str = "") -> str:
    """Wrap already-escaped HTML in `tag`, coloured for `kind` (a key of STYLES).

    `css` adds CSS classes (hooks such as iv-warn), `style` more declarations.

    >>> styled("late", "error", "b", "iv-late")
    "<b class='iv-late' style='color:#cf222e'>late</b>"
    >>> styled("&lt;3", "muted")
    "<span style='color:#57606a'>&lt;3</span>"
    """
    hook = f" class='{css}'" if css else ""
    more = f";{style}" if style else ""
    return f"<{tag}{hook} style='{color(kind)}{more}'>{text_html}</{tag}>"


class StatusLine:
    """One line under a panel telling the user what just happened.

    It is a live region: screen readers announce each message (`role="status"`; errors
    `role="alert"`, announced at once). `text` is the message's markup, "" when clear.
    """

    def __init__(self, css: str = "iv-status"):
        self._text = ""
        self.widget = w.HTML(value=_live(""))
        self.widget.add_class(css)

    @property
    def text(self) -> str:
        return self._text

    def _show(self, markup: str, role: str = "status") -> None:
        self._text = markup
        self.widget.value = _live(markup, role)

    def ok(self, message: str) -> None:
        self._show(styled(html.escape(message), "ok", css="iv-ok"))

    def warn(self, message: str) -> None:
        self._show(styled(html.escape(message), "warn", css="iv-warn"))

    def error(self, message: str) -> None:
        self._show(styled(html.escape(message), "error", css="iv-error"),
                   "alert")

    def clear(self) -> None:
        self._show("")


def _live(markup: str, role: str = "status") -> str:
    """Markup inside a live region (`role` "status" or "alert")."""
    polite = "assertive" if role == "alert" else "polite"
    return (f'<div class="iv-live" role="{role}" aria-live="{polite}" aria-atomic="true">'
            f"{markup}</div>")


def reports_errors(method: Callable) -> Callable:
    """Decorate a panel's event handler so no error leaves the panel silent.

    An InfoviewError shows its own message in the panel's status line; any other exception
    shows a short "something went wrong" line naming it and is logged with its traceback.
    The button that was pressed (the handler's first argument, when it is a Button) is
    enabled again after an error; other buttons keep the state the handler gave them.

    Before the handler runs, a panel whose workbook was changed by another notebook (or the
    command line) is rebuilt from it first (Panel.catch_up): the handler then does not run,
    since what the user clicked on may no longer be what they saw. Handlers named refresh...
    just go ahead after the rebuild. When the workbook's file was deleted (Delete my data in
    another notebook) the panel is emptied down to the message saying what to do.

    The panel must have a `status` attribute (a StatusLine); a panel with a status line per
    section says which one a handler uses with a `status_for(handler_name)` method.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        status = status_line_for(self, method.__name__)
        try:
            catch_up = getattr(self, "catch_up", None)
            if catch_up is not None and catch_up(quiet=method.__name__.startswith(QUIET),
                                                 status=status):
                return None  # another notebook changed the workbook: the panel shows it now
            return method(self, *args, **kwargs)
        except WorkbookDeleted as err:
            show_gone(self, status, str(err))
            return None
        except InfoviewError as err:
            status.error(str(err))
        except Exception as err:  # noqa: BLE001 - a panel must never fail silently
            LOG.exception("Unexpected error in %s.%s", type(self).__name__, method.__name__)
            status.error(f"Something went wrong ({type(err).__name__}: {err}). Try "
                         "again, or restart the kernel and run all cells.")
        if args and isinstance(args[0], (w.Button, FormButton)):
            args[0].disabled = False  # after an error, the pressed button works again
        return None

    return wrapper


def stops_when_deleted(method: Callable) -> Callable:
    """Decorate a panel method run when a box or picker changes (not a click): once the
    workbook's file was deleted it shows why and what to do instead of failing unseen.

    >>> class P(Panel):
    ...     status = StatusLine()
    ...     @stops_when_deleted
    ...     def refresh(self):
    ...         raise WorkbookDeleted("The workbook was deleted.")
    >>> P().refresh(); "deleted" in P.status.text
    True
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except WorkbookDeleted as err:
            show_gone(self, status_line_for(self, method.__name__), str(err))
            return None

    return wrapper


def show_gone(panel, status: StatusLine, message: str) -> None:
    """The workbook's file is gone: the panel keeps only the message (none of the deleted
    people, no buttons acting on them).

    >>> panel, status = Panel(), StatusLine()
    >>> panel.widget = w.VBox([w.HTML("Ada Lovelace"), status.widget])
    >>> show_gone(panel, status, "The workbook was deleted.")
    >>> panel.widget.children == (status.widget,) and "deleted" in status.text
    True
    """
    status.error(message)
    if isinstance(getattr(panel, "widget", None), w.Box):
        panel.widget.children = (status.widget,)


def release_memory() -> bool:
    """Give memory the kernel no longer uses back to the system; True if it could.

    Run once a panel is built and shown: drawing (matplotlib's figures, PNG buffers, font
    tables) leaves garbage in reference cycles, and glibc keeps what Python frees; together a
    few MB per kernel that stay until it is shut down (a student keeps up to eight open).
    Nothing to give back on other C libraries (macOS, Windows, musl): it only collects.

    >>> release_memory() in (True, False)
    True
    """
    gc.collect()
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0))
    except (OSError, AttributeError):  # not glibc
        return False


def status_line_for(panel, handler: str) -> StatusLine:
    """The status line next to the control whose handler is running."""
    status_for = getattr(panel, "status_for", None)
    return (status_for(handler) if status_for else None) or panel.status


def hooked(widget: w.Widget, css: str) -> w.Widget:
    """Add a stable CSS class (used by browser tests) and return the widget."""
    widget.add_class(css)
    return widget


def button(description: str, css: str, style: str = "") -> w.Button:
    """A button with a CSS hook."""
    return hooked(w.Button(description=description, button_style=style), css)


def text_input(placeholder: str, css: str, description: str = "", width: str = "16em") -> w.Text:
    """A one-line text box with a CSS hook; without a description, the placeholder is also
    its accessible name (a label only screen readers see: a placeholder alone is no name)."""
    box = hooked(w.Text(placeholder=placeholder, description=description,
                        layout=w.Layout(width=width)), css)
    return box if description else named(box, placeholder)


def title(text: str) -> w.HTML:
    return w.HTML(f"<h3 style='margin:0.3em 0'>{html.escape(text)}</h3>")


class Panel:
    """Base for step panels: build widgets in __init__, keep them in self.widget.

    A panel shows itself when it is the last expression of a cell; it never calls display().

    A panel notices when another notebook changed the workbook: setting `self.wb` remembers
    the workbook's version, and every handler decorated with reports_errors first calls
    catch_up(), which rebuilds the panel (reload(), by default its refresh()) if the version
    moved on, and says so in the status line.
    """

    widget: w.Widget
    _wb: Workbook | None = None
    _seen: tuple | None = None

    @property
    def wb(self) -> Workbook | None:
        return self._wb

    @wb.setter
    def wb(self, value: Workbook | None) -> None:
        self._wb = value
        self.mark_current()

    def mark_current(self) -> None:
        """Remember the workbook's version: the panel shows what it holds now."""
        self._seen = self._wb.version() if self._wb is not None else None

    def snapshot(self):
        """What the user acts on in this panel (e.g. the people in its pickers), comparable
        with ==; None (the default): any change elsewhere counts."""
        return None

    def reload(self) -> None:
        """Rebuild what the panel shows from the workbook (override when refresh() is not it)."""
        refresh = getattr(self, "refresh", None)
        if callable(refresh):
            refresh()

    def catch_up(self, quiet: bool = False, status: StatusLine | None = None) -> bool:
        """Rebuild the panel if another notebook changed the workbook since it last looked.

        Returns True when what the panel shows changed (the handler must not act on it), and
        tells the user in the status line; False when nothing changed or only something the
        panel does not show (its snapshot() is the same after the rebuild). With quiet (the
        caller is about to rebuild the panel anyway) it only remembers the version.
        """
        if self._wb is None or not self._wb.changed_since(self._seen):
            return False
        self.mark_current()
        if quiet:
            return False
        before = self.snapshot()
        self.reload()
        if before is not None and before == self.snapshot():
            return False  # e.g. the profile was saved in step 0: step 1's list is the same
        status = status or getattr(self, "status", None)
        if status is not None:
            status.warn(STALE)
        return True

    def _repr_mimebundle_(self, **kwargs):
        bundle = accessible(self.widget)._repr_mimebundle_(**kwargs)  # + the a11y stylesheet
        release_memory()  # what building the panel left behind (the end of Run All)
        return bundle
