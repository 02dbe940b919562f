"""The outreach tracker and the 3B7 follow-up routine, counted in business days.

3B7 comes from Steve Dalton's *The 2-Hour Job Search*: day 0 is the day you send (a
weekend or holiday send counts from the next business day). No reply after 3 business days:
write to a second person at the same target. No reply after 7: one follow-up to the first
person. People who answer within 3 business days are "boosters", later answers come from
"obligates", and those who never answer are "curmudgeons". A reply resets the schedule:
nothing more is due for that person. The numbers come from the protocol's `follow_up`.

Weekends and public holidays are skipped using the `holidays` library; the country comes
from the workbook setting "holiday_country", else the ego's "country", else "US".

Example:
    >>> from datetime import date
    >>> cal = BusinessCalendar("US")
    >>> cal.day_zero(date(2025, 7, 5))            # a Saturday counts from Monday
    datetime.date(2025, 7, 7)
    >>> cal.add(date(2025, 7, 3), 1)              # Friday 4 July is a holiday
    datetime.date(2025, 7, 7)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import holidays

from ..classroom.protocol import current_protocol
from ..ics import add_todo_or_all_day_event, new_calendar, stable_uid
from ..workbook.errors import NotFound, ValidationError
from ..workbook.model import OUTREACH_STATUSES, Contact, Meeting, Outreach, Target
from ..workbook.store import Workbook

DEFAULT_COUNTRY = "US"
REPLY_STATUSES = ("replied", "meeting_set", "met", "thanked", "referrals_followed_up", "declined")
STATUS_LABELS = {
    "to_contact": "to contact", "sent": "sent", "replied": "replied",
    "meeting_set": "meeting set", "met": "met", "thanked": "thanked",
    "referrals_followed_up": "referrals followed up", "declined": "declined",
}
FOLLOW_UP_EVENT = "follow_up_sent"
AFTER_MEETING = ("met", "thanked", "referrals_followed_up")


def as_date(value: date | str | None) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise ValidationError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from err


class BusinessCalendar:
    """Business-day arithmetic for one country (weekends and public holidays skipped)."""

    def __init__(self, country: str = DEFAULT_COUNTRY, subdivision: str | None = None):
        country = (country or DEFAULT_COUNTRY).strip().upper()
        try:
            self.holidays = holidays.country_holidays(country, subdiv=subdivision or None)
        except NotImplementedError as err:
            raise ValidationError(
                f"No holiday list for country {country!r}; use a two-letter code such as US, "
                f"GB, CA, DE or IN (set it with wb.set_setting('holiday_country', 'GB'))."
            ) from err
        self.country = country

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def day_zero(self, sent: date) -> date:
        """The day counting starts: the send day, or the next business day after it."""
        while not self.is_business_day(sent):
            sent += timedelta(days=1)
        return sent

    def add(self, start: date, days: int) -> date:
        """The business day that is `days` business days after start."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                days -= 1
        return day

    def between(self, start: date, end: date) -> int:
        """Business days after start up to and including end (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_business_day(day)
        return count


def holiday_country(wb: Workbook) -> str:
    """The country whose holidays are skipped: setting, else the class protocol's
    `holidays: country`, else the ego's country, else US."""
    country = (wb.setting("holiday_country") or current_protocol().holidays.get("country")
               or (wb.setting("ego") or {}).get("country"))
    return str(country or DEFAULT_COUNTRY).upper()


def calendar_for(wb: Workbook) -> BusinessCalendar:
    subdivision = wb.setting("holiday_subdivision")
    if not subdivision and not wb.setting("holiday_country"):
        subdivision = current_protocol().holidays.get("subdivision")
    return BusinessCalendar(holiday_country(wb), subdivision)


# -- the tracker ------------------------------------------------------------------
def outreach_for(wb: Workbook, contact_id: int, create: bool = True) -> Outreach | None:
    """The contact's outreach record (the newest), created as 'to contact' when asked."""
    found = wb.list(Outreach, contact_id=contact_id)
    if found:
        return found[-1]
    if not create:
        return None
    wb.get(Contact, contact_id)  # NotFound for a bad id
    return wb.add(Outreach(contact_id=contact_id, history=[["to_contact", date.today().isoformat()]]))


def set_status(wb: Workbook, outreach_id: int, status: str, on: date | str | None = None) -> Outreach:
    """Record a new status with its date. 'sent' starts the 3B7 clock (again); any reply
    status logs the reply, which resets the schedule (nothing more is due)."""
    if status not in OUTREACH_STATUSES:
        raise ValidationError(f"Unknown status {status!r}; use one of {', '.join(OUTREACH_STATUSES)}.")
    day = as_date(on) or date.today()
    with wb.transaction():
        record = wb.get(Outreach, outreach_id)
        if record.history and record.history[-1] == [status, day.isoformat()]:
            return record   # a second click on the same button and day changes nothing
        if status in AFTER_MEETING:
            _check_meeting_happened(wb, record.contact_id, status, day)
        sent = as_date(record.sent_on)
        if status in REPLY_STATUSES and sent is not None and day < sent:
            raise ValidationError(
                f"{day.isoformat()} is before the day you sent the message ({sent.isoformat()}); "
                "pick the day it really happened in the date box.")
        changes: dict = {"status": status, "history": record.history + [[status, day.isoformat()]]}
        if status == "sent":
            changes.update(sent_on=day.isoformat(), replied_on="")
        elif status in REPLY_STATUSES and not record.replied_on:
            if not record.sent_on:
                changes["sent_on"] = day.isoformat()
            changes["replied_on"] = day.isoformat()
        elif status == "to_contact":
            changes.update(sent_on="", replied_on="")
        return wb.update(Outreach, outreach_id, **changes)


def _check_meeting_happened(wb: Workbook, contact_id: int, status: str, day: date) -> None:
    """'met' and what follows it wait for the day of the meeting set in step 5."""
    days = [m.starts_at[:10] for m in wb.list(Meeting, contact_id=contact_id) if m.starts_at]
    if days and min(days) > day.isoformat():
        label = STATUS_LABELS[status]
        raise ValidationError(f"Your meeting is on {min(days)}, after {day.isoformat()}: mark "
                              f"it '{label}' once it has happened. Until then, prepare it in "
                              "steps 4 and 5.")


def log_follow_up(wb: Workbook, outreach_id: int, on: date | str | None = None) -> Outreach:
    """Note that the one follow-up was sent (it leaves the due list)."""
    day = as_date(on) or date.today()
    record = wb.get(Outreach, outreach_id)
    return wb.update(Outreach, outreach_id,
                     history=record.history + [[FOLLOW_UP_EVENT, day.isoformat()]])


def status_dates(record: Outreach) -> list[tuple[str, str]]:
    """(label, date) for each step in the record's history, oldest first."""
    return [(STATUS_LABELS.get(s, s.replace("_", " ")), d) for s, d in record.history]


def reply_label(record: Outreach, cal: BusinessCalendar, today: date | None = None) -> str:
    """'booster' (reply within 3 business days), 'obligate' (later reply), 'curmudgeon'
    (no reply once the follow-up point has passed) or '' (not sent, or still waiting)."""
    rules = current_protocol().follow_up
    sent = as_date(record.sent_on)
    if sent is None:
        return ""
    day0 = cal.day_zero(sent)
    replied = as_date(record.replied_on)
    if replied is not None:
        fast = cal.between(day0, replied) <= int(rules["second_contact_after_days"])
        return "booster" if fast else "obligate"
    today = today or date.today()
    if cal.between(day0, today) >= int(rules["follow_up_after_days"]):
        return "curmudgeon"
    return ""


# -- what is due ------------------------------------------------------------------
@dataclass(frozen=True)
class DueItem:
    """One thing to do: a second contact at the target, or the follow-up."""

    kind: str          # "second_contact" or "follow_up"
    outreach_id: int
    contact_id: int
    contact_name: str
    target_name: str
    sent_on: date
    due_on: date

    @property
    def text(self) -> str:
        where = f" at {self.target_name}" if self.target_name else ""
        if self.kind == "second_contact":
            return (f"No reply from {self.contact_name} yet: reach out to a second person"
                    f"{where} (due {self.due_on:%a %d %b}).")
        return (f"Send {self.contact_name} one short, friendly follow-up "
                f"(due {self.due_on:%a %d %b}).")


def _target_key(wb: Workbook, record: Outreach, contact: Contact) -> tuple[str, str]:
    """(key, name) for 'the same target': the linked target, else the contact's organization."""
    if record.target_id:
        try:
            target = wb.get(Target, record.target_id)
            return f"t{target.id}", target.name
        except NotFound:
            pass
    if contact.organization:
        return f"o{contact.organization.casefold()}", contact.organization
    return "", ""


def schedule(wb: Workbook, today: date | None = None) -> list[DueItem]:
    """Every pending 3B7 item (due or not yet due), earliest first."""
    rules = current_protocol().follow_up
    second = int(rules["second_contact_after_days"])
    follow = int(rules["follow_up_after_days"])
    cal = calendar_for(wb)
    people = {c.id: c for c in wb.contacts()}
    records = [r for r in wb.list(Outreach) if r.contact_id in people]
    keyed = [(r, *_target_key(wb, r, people[r.contact_id])) for r in records]
    items = []
    for record, key, target_name in keyed:
        sent = as_date(record.sent_on)
        if sent is None or record.replied_on or record.status not in ("sent",):
            continue
        day0 = cal.day_zero(sent)
        contact = people[record.contact_id]
        others = [o for o, k, _ in keyed if key and k == key and o.id != record.id
                  and o.sent_on and as_date(o.sent_on) >= sent]
        if key and not others:
            items.append(DueItem("second_contact", record.id, contact.id, contact.name,
                                 target_name, sent, cal.add(day0, second)))
        if not any(e == FOLLOW_UP_EVENT and as_date(d) >= sent for e, d in record.history):
            items.append(DueItem("follow_up", record.id, contact.id, contact.name, target_name,
                                 sent, cal.add(day0, follow)))
    return sorted(items, key=lambda i: (i.due_on, i.contact_name.casefold(), i.kind))


def due_now(wb: Workbook, today: date | None = None) -> list[DueItem]:
    """The items whose day has come (due today or earlier)."""
    today = today or date.today()
    return [i for i in schedule(wb, today) if i.due_on <= today]


def due_calendar(wb: Workbook, today: date | None = None, include_upcoming: bool = True,
                 stamp: datetime | None = None):
    """The follow-ups as an iCalendar (one all-day event per item, stable UIDs)."""
    today = today or date.today()
    cal = new_calendar("infoview follow-ups")
    items = schedule(wb, today) if include_upcoming else due_now(wb, today)
    for item in items:
        summary = ("Second contact" if item.kind == "second_contact" else "Follow up") + \
                  f": {item.contact_name}" + (f" ({item.target_name})" if item.target_name else "")
        add_todo_or_all_day_event(
            cal, stable_uid("infoview-3b7", item.kind, item.outreach_id, item.sent_on),
            summary, item.due_on, stamp=stamp,
            description=item.text + " (3B7 routine from Steve Dalton's The 2-Hour Job Search.)")
    return cal, items


__all__ = ["BusinessCalendar", "DueItem", "as_date", "calendar_for", "due_calendar", "due_now",
           "holiday_country", "log_follow_up", "outreach_for", "reply_label", "schedule",
           "set_status", "status_dates"]
