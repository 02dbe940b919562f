"""Step 6's progress funnel: how many people reached each stage, and its bar chart.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = wb.add(Contact(first_name="Ada"))
    >>> funnel(wb)["listed"], funnel(wb)["met"]
    (1, 0)
"""

from __future__ import annotations

from datetime import datetime

from .meetings.schedule import has_happened
from .outreach.tracker import AFTER_MEETING as AFTER_MET
from .workbook.model import Meeting, Outreach
from .workbook.store import Workbook

FUNNEL = ("listed", "contacted", "replied", "met", "thanked", "referrals followed up")


def funnel(wb: Workbook, now: datetime | None = None) -> dict[str, int]:
    """Counts for the funnel chart, in order. Met: a meeting that has ended, or an outreach
    marked met by hand for someone with no meeting still to come."""
    people = wb.contacts()
    ids = {c.id for c in people}
    records = [o for o in wb.list(Outreach) if o.contact_id in ids]
    meetings = [m for m in wb.list(Meeting) if m.contact_id in ids]
    held = {m.contact_id for m in meetings if has_happened(m, now)}
    upcoming = {m.contact_id for m in meetings if m.starts_at and not has_happened(m, now)}
    met = held | {o.contact_id for o in records
                  if o.status in AFTER_MET and o.contact_id not in upcoming}
    referred = [c for c in people if c.introduced_by and "referral" in c.sources]
    followed = [c for c in referred if any(o.contact_id == c.id and o.status != "to_contact"
                                           for o in records)]
    return {
        "listed": len(people),
        "contacted": len({o.contact_id for o in records if o.status != "to_contact"}),
        "replied": len({o.contact_id for o in records if o.replied_on or o.status in
                        ("replied", "meeting_set", "declined") + AFTER_MET}),
        "met": len(met),
        "thanked": len({m.contact_id for m in meetings
                        if m.thank_you_sent_on and m.contact_id in met}),
        "referrals followed up": len(followed),
    }


def draw_funnel(counts: dict[str, int], ax=None):
    """Draw the funnel as horizontal bars on ax (a new figure if None); return ax.

    When the first stage ("listed") is more than three times any later one, its bar is cut
    short (marked with a break and said in a note) so the later stages do not flatten.
    """
    if ax is None:
        import matplotlib.pyplot as plt  # heavy: matplotlib only when drawing

        _, ax = plt.subplots(figsize=(6, 2.8))
    labels = list(counts)[::-1]
    values = [counts[k] for k in labels]
    first = next(iter(counts), "")
    rest = max([v for k, v in counts.items() if k != first] or [0])
    cut = rest > 0 and counts.get(first, 0) > 3 * rest
    top = rest * 1.8 + 1 if cut else max(values + [1])
    bars = ax.barh(labels, [min(v, top) for v in values], color="#0072B2")
    for bar, value in zip(bars, values, strict=True):
        ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, str(value),
                va="center", fontsize=9)
    if cut:
        _break_mark(ax, bars[labels.index(first)], top)
        ax.text(0, -0.12, f"The '{first}' bar is cut short so the later stages show.",
                transform=ax.transAxes, fontsize=8, color="#555555")
        ax.xaxis.set_visible(False)   # a scale would misread the cut bar
    ax.set_xlim(0, top * 1.12)
    from matplotlib.ticker import MaxNLocator  # heavy: matplotlib only when drawing

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # people come in whole numbers
    ax.set_title("From listed to followed up")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _break_mark(ax, bar, top: float) -> None:
    """Two white slashes across a bar near its (cut) end."""
    y, h = bar.get_y(), bar.get_height()
    for x in (top * 0.86, top * 0.90):
        ax.plot([x - top * 0.015, x + top * 0.015], [y - h * 0.08, y + h * 1.08],
                color="white", linewidth=3, solid_capstyle="butt", zorder=3)


__all__ = ["FUNNEL", "draw_funnel", "funnel"]
