"""Step 6, always be courteous: debrief, thank-you notes, referrals, report-backs, progress.

Rules (numbers from the protocol's follow_up): a debrief, a thank-you, referrals and
report-backs belong to a meeting that has happened, so a meeting still to come refuses them
(and never counts as met); the thank-you is due within thank_you_within_hours (24) of the
meeting's end and is flagged late after that; every referral becomes a contact introduced
by the person who gave it, with its own outreach; you report back to the person you met
after report_back_after_days (14 calendar days) and again when you make a decision.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> from infoview_lib.meetings.schedule import save_meeting
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada"))
    >>> m = save_meeting(wb, ada.id, "2025-07-14", "15:00", "Europe/London", minutes=20)
    >>> thank_you_due(m).isoformat()
    '2025-07-15T14:20:00+00:00'
    >>> add_referral(wb, m.id, "Ben Bridge").introduced_by == ada.id
    True
    >>> soon = save_meeting(wb, ada.id, "2999-01-04", "10:00", "UTC", minutes=20)
    >>> mark_thank_you_sent(wb, soon.id)
    Traceback (most recent call last):
    ...
    infoview_lib.workbook.errors.ValidationError: Your meeting with Ada is on Fri 04 Jan 2999, 10:00-10:20 (UTC) and has not happened yet. Log the thank-you after it; until then, prepare your questions (step 4) and the meeting (step 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from .classroom.protocol import current_protocol
from .funnel import FUNNEL, draw_funnel, funnel
from .meetings.picking import alive, next_report_kind
from .meetings.schedule import end_utc, has_happened, when_text
from .outreach.tracker import AFTER_MEETING as AFTER_MET
from .outreach.tracker import outreach_for, set_status
from .text import and_list
from .workbook.errors import ValidationError
from .workbook.model import INTEREST, Contact, Meeting, Outreach, QuestionChoice, Target
from .workbook.profile import get_profile, missing_message
from .workbook.store import Workbook

PLACEHOLDER = "[one specific thing they said]"


def _now(now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        raise ValidationError("Pass an aware datetime (with tzinfo) as 'now'.")
    return now.astimezone(timezone.utc)


def _advance(wb: Workbook, contact_id: int, status: str, on: date | None = None) -> None:
    """Move the contact's outreach forward to status (never backwards)."""
    order = ("to_contact", "sent", "replied", "meeting_set") + AFTER_MET
    record = outreach_for(wb, contact_id)
    if record.status in order and order.index(record.status) < order.index(status):
        if on and record.sent_on and on.isoformat() < record.sent_on[:10]:
            # A meeting typed in after it happened: the outreach was only marked today.
            on = date.fromisoformat(record.sent_on[:10])
        set_status(wb, record.id, status, on)


def require_held(wb: Workbook, meeting: Meeting, what: str, now: datetime | None = None) -> None:
    """A ValidationError saying when the meeting is and what to do now, unless it happened."""
    if has_happened(meeting, now):
        return
    contact = wb.get(Contact, meeting.contact_id)
    if not meeting.starts_at:
        raise ValidationError(f"Your meeting with {contact.name} has no date yet: set it in "
                              f"step 5, and {what} after it.")
    raise ValidationError(f"Your meeting with {contact.name} is on {when_text(meeting)} and "
                          f"has not happened yet. {what[0].upper()}{what[1:]} after it; until "
                          "then, prepare your questions (step 4) and the meeting (step 5).")


def _report_back_on(meeting: Meeting) -> str:
    """The day to report back: as set, else report_back_after_days after the meeting."""
    if meeting.report_back_on or not meeting.starts_at:
        return meeting.report_back_on
    days = int(current_protocol().follow_up["report_back_after_days"])
    return (date.fromisoformat(meeting.starts_at[:10]) + timedelta(days=days)).isoformat()


# -- debrief ---------------------------------------------------------------------------
def save_debrief(wb: Workbook, meeting_id: int, *, answers: dict[str, str] | None = None,
                 learned: str | None = None, specific: str | None = None,
                 use: str | None = None, still_interested: str | None = None,
                 now: datetime | None = None) -> Meeting:
    """Merge debrief fields into the meeting (notes per question id, what was learned, one
    specific thing they said and how you will use it, still interested?). Only once the
    meeting has happened."""
    if still_interested is not None and still_interested not in INTEREST:
        raise ValidationError(f"Still interested? Answer one of {', '.join(INTEREST)}.")
    with wb.transaction():
        meeting = wb.get(Meeting, meeting_id)
        require_held(wb, meeting, "write the debrief", now)
        debrief = dict(meeting.debrief)
        if answers is not None:
            merged = {**debrief.get("answers", {}), **{k: v.strip() for k, v in answers.items()}}
            debrief["answers"] = {k: v for k, v in merged.items() if v}
        for key, value in (("learned", learned), ("specific", specific), ("use", use),
                           ("still_interested", still_interested)):
            if value is not None:
                debrief[key] = value.strip()
        debrief.setdefault("written_on", date.today().isoformat())
        met_day = date.fromisoformat(meeting.starts_at[:10]) if meeting.starts_at else None
        meeting = wb.update(Meeting, meeting_id, debrief=debrief,
                            report_back_on=_report_back_on(meeting))
        _advance(wb, meeting.contact_id, "met", met_day)
    return meeting


# -- thank-you -------------------------------------------------------------------------
def thank_you_due(meeting: Meeting) -> datetime:
    """When the thank-you is due (UTC): the meeting's end plus thank_you_within_hours."""
    hours = int(current_protocol().follow_up["thank_you_within_hours"])
    return end_utc(meeting) + timedelta(hours=hours)


@dataclass(frozen=True)
class ThankYouState:
    due: datetime
    sent_on: str
    late: bool

    @property
    def sent(self) -> bool:
        return bool(self.sent_on)


def thank_you_state(meeting: Meeting, now: datetime | None = None) -> ThankYouState:
    """Due time, when sent, and whether it is (or was) late."""
    due = thank_you_due(meeting)
    if meeting.thank_you_sent_on:
        sent = datetime.fromisoformat(meeting.thank_you_sent_on)
        sent = sent.replace(tzinfo=sent.tzinfo or timezone.utc)
        return ThankYouState(due, meeting.thank_you_sent_on, sent > due)
    return ThankYouState(due, "", _now(now) > due)


def thank_you_drafts(wb: Workbook, meeting: Meeting, sender: str = "") -> dict[str, Any]:
    """E-mail and handwritten-card drafts that name one specific thing they said, signed with
    your name from your profile (a ValidationError says where to fill it in when it is empty).

    The thing comes from the debrief's 'specific' (else the first note per question);
    when there is none the drafts hold a bracketed placeholder and needs_specific is True.
    """
    profile = get_profile(wb)
    sender = sender or profile.name
    if not sender:
        raise ValidationError(missing_message(profile) or "Fill in your name first.")
    contact = wb.get(Contact, meeting.contact_id)
    d = meeting.debrief
    thing = (d.get("specific") or next(iter(d.get("answers", {}).values()), "")).strip()
    use = (d.get("use") or "").strip()
    first = contact.first_name or contact.name
    said = _sentence(thing) if thing else PLACEHOLDER + "."
    plan = f" {use[0].upper()}{use[1:]}" if use else " I am going to act on it this week."
    if not plan.rstrip().endswith((".", "!", "?")):
        plan += "."
    referrals = [wb.get(Contact, i).name for i in d.get("referrals", [])
                 if alive(wb, i)]
    people = (f" Thank you too for suggesting I speak with {and_list(referrals)}; I will let you "
              "know how it goes." if referrals else "")
    body = (f"Dear {first},\n\nThank you for taking the time to talk with me"
            f". I keep thinking about what you said: {said}"
            f"{plan}{people}\n\nI really appreciate your help, and I will keep you posted.\n\n"
            f"Best wishes,\n{sender}")
    card = (f"Dear {first},\nThank you for your time and advice. One thing you said has stayed "
            f"with me: {said}{people and ' I will follow up with the people you suggested.'}\n"
            f"With thanks,\n{sender}")
    return {"subject": f"Thank you, {first}", "email": body, "card": card,
            "needs_specific": not thing}


def _sentence(text: str) -> str:
    """The text as the end of a sentence: one closing mark, never '..' or '.:'."""
    text = text.strip().rstrip(" ,;:-")
    if text.endswith(("?", "!", "...", "…")):
        return text
    return text.rstrip(".") + "."


@dataclass(frozen=True)
class ThankYouTexts:
    """What the thank-you boxes show: your own wording where you edited it (own), else
    the drafts from your notes; needs_specific while they hold the placeholder."""

    email: str
    card: str
    own: bool
    needs_specific: bool


def thank_you_texts(wb: Workbook, meeting: Meeting) -> ThankYouTexts:
    """The e-mail (with its subject line) and the card to show for a meeting."""
    drafts = thank_you_drafts(wb, meeting)
    own = meeting.debrief.get("drafts", {})
    return ThankYouTexts(own.get("email") or f"Subject: {drafts['subject']}\n\n{drafts['email']}",
                         own.get("card") or drafts["card"], bool(own),
                         drafts["needs_specific"] and not own)


def save_drafts(wb: Workbook, meeting_id: int, email: str | None = None,
                card: str | None = None) -> Meeting:
    """Keep the user's own wording of the thank-you drafts (None leaves one alone, "" goes
    back to the draft made from the notes)."""
    with wb.transaction():
        meeting = wb.get(Meeting, meeting_id)
        debrief = dict(meeting.debrief)
        drafts = dict(debrief.get("drafts", {}))
        for key, value in (("email", email), ("card", card)):
            if value is not None:
                if value.strip():
                    drafts[key] = value
                else:
                    drafts.pop(key, None)
        debrief["drafts"] = drafts
        return wb.update(Meeting, meeting_id, debrief=debrief)


def mark_thank_you_sent(wb: Workbook, meeting_id: int, when: datetime | None = None) -> Meeting:
    """Record that the thank-you went out (now, or when): only after the meeting ended."""
    when = _now(when).replace(microsecond=0)
    with wb.transaction():
        require_held(wb, wb.get(Meeting, meeting_id), "log the thank-you", when)
        meeting = wb.update(Meeting, meeting_id, thank_you_sent_on=when.isoformat())
        _advance(wb, meeting.contact_id, "thanked", when.date())
    return meeting


def record_thank_you(wb: Workbook, meeting_id: int,
                     when: datetime | None = None) -> tuple[Meeting, bool]:
    """(the meeting, True) once the thank-you is recorded now; (the meeting, False) when it
    was recorded before (the first date stays)."""
    meeting = wb.get(Meeting, meeting_id)
    if meeting.thank_you_sent_on:
        return meeting, False
    return mark_thank_you_sent(wb, meeting_id, when), True


# -- referrals ------------------------------------------------------------------------
def add_referral(wb: Workbook, meeting_id: int, name: str, organization: str = "",
                 title: str = "", email: str = "", note: str = "",
                 now: datetime | None = None) -> Contact:
    """A name you were given at a meeting that happened: a new contact introduced by the
    person you met, with its own outreach (to contact). Someone already on your list is
    linked instead of duplicated."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("Type the name of the person you were referred to.")
    with wb.transaction():
        meeting = wb.get(Meeting, meeting_id)
        require_held(wb, meeting, "add the people they suggested", now)
        referrer = wb.get(Contact, meeting.contact_id)
        same = [c for c in wb.contacts() if c.name.casefold() == name.casefold()]
        if same:
            person = same[0]
            if person.id == referrer.id:
                raise ValidationError("That is the person you met; type the name they gave you.")
            if not person.introduced_by:
                person = wb.update(Contact, person.id, introduced_by=referrer.id)
        else:
            first, _, last = name.partition(" ")
            person = wb.add(Contact(first_name=first, last_name=last, organization=organization,
                                    title=title, emails=[email] if email else [],
                                    categories=["other"], can_interview=True,
                                    introduced_by=referrer.id, sources=["referral"],
                                    notes=note or f"Referred by {referrer.name}."))
        if not wb.list(Outreach, contact_id=person.id):
            wb.add(Outreach(contact_id=person.id, status="to_contact",
                            parts={"referrer": referrer.name},
                            history=[["to_contact", date.today().isoformat()]]))
        debrief = dict(meeting.debrief)
        ids = list(debrief.get("referrals", []))
        if person.id not in ids:
            ids.append(person.id)
        debrief["referrals"] = ids
        wb.update(Meeting, meeting_id, debrief=debrief, report_back_on=_report_back_on(meeting))
    return person


def mark_reported_back(wb: Workbook, meeting_id: int, kind: str = "update",
                       on: date | None = None, now: datetime | None = None) -> Meeting:
    """Record a report-back to the person met: kind 'update' (about two weeks) or 'decision'."""
    if kind not in ("update", "decision"):
        raise ValidationError("A report-back is an 'update' or a 'decision'.")
    with wb.transaction():
        meeting = wb.get(Meeting, meeting_id)
        require_held(wb, meeting, "report back", now)
        debrief = dict(meeting.debrief)
        debrief["reported_back"] = [*debrief.get("reported_back", []),
                                    [kind, (on or date.today()).isoformat()]]
        meeting = wb.update(Meeting, meeting_id, debrief=debrief)
        referred = debrief.get("referrals", [])
        followed = [o for i in referred for o in wb.list(Outreach, contact_id=i)
                    if o.status != "to_contact"]
        if referred and len(followed) >= len(referred):
            _advance(wb, meeting.contact_id, "referrals_followed_up", on)
    return meeting


def report_back(wb: Workbook, meeting_id: int, on: date | None = None) -> Meeting:
    """Log the next report-back: the update first, the decision once you have made one."""
    decided = bool(wb.setting("decision"))
    return mark_reported_back(wb, meeting_id, next_report_kind(wb.get(Meeting, meeting_id),
                                                               decided), on)


def record_decision(wb: Workbook, text: str) -> None:
    """Note the decision you made (e.g. 'Applying for UX research internships'); everyone
    you met is then owed a short report-back."""
    if not text.strip():
        raise ValidationError("Write your decision in a sentence, e.g. 'I am applying to ...'.")
    wb.set_setting("decision", {"text": text.strip(), "on": date.today().isoformat()})


# -- owed actions, funnel, next step ----------------------------------------------------
@dataclass(frozen=True)
class Owed:
    kind: str          # debrief | thank_you | referral | report_back | decision
    contact: str
    text: str
    due: str           # ISO date or datetime; '' when open-ended
    late: bool
    meeting_id: int | None = None
    contact_id: int | None = None


def owed_actions(wb: Workbook, now: datetime | None = None) -> list[Owed]:
    """Everything you owe someone, late ones first, then by due date."""
    now = _now(now)
    names = {c.id: c for c in wb.contacts()}
    decision = wb.setting("decision")
    out: list[Owed] = []
    for m in wb.list(Meeting):
        c = names.get(m.contact_id)
        if c is None or not m.starts_at or end_utc(m) > now:
            continue
        reported = {k for k, _ in m.debrief.get("reported_back", [])}
        if not m.debrief.get("learned") and not m.debrief.get("answers"):
            out.append(Owed("debrief", c.name, f"Write down what you learned from {c.name}",
                            "", False, m.id, c.id))
        if not m.thank_you_sent_on:
            st = thank_you_state(m, now)
            out.append(Owed("thank_you", c.name, f"Send {c.name} a thank-you",
                            st.due.isoformat(), st.late, m.id, c.id))
        if m.report_back_on and "update" not in reported:
            late = now.date() > date.fromisoformat(m.report_back_on)
            if now.date() >= date.fromisoformat(m.report_back_on) - timedelta(days=2):
                out.append(Owed("report_back", c.name, f"Tell {c.name} what you did with their "
                                "advice and the people they suggested", m.report_back_on,
                                late, m.id, c.id))
        if decision and "decision" not in reported:
            out.append(Owed("decision", c.name, f"Tell {c.name} what you decided",
                            decision.get("on", ""), False, m.id, c.id))
    for c in names.values():
        if c.introduced_by and "referral" in c.sources:
            for o in wb.list(Outreach, contact_id=c.id):
                if o.status == "to_contact":
                    who = names.get(c.introduced_by)
                    out.append(Owed("referral", c.name, f"Reach out to {c.name}"
                                    + (f" (referred by {who.name})" if who else ""),
                                    "", False, None, c.id))
    return sorted(out, key=lambda o: (not o.late, o.due or "9999"))


def next_step(wb: Workbook, now: datetime | None = None) -> str:
    """The one thing to do next, in plain words."""
    owed = owed_actions(wb, now)
    for kind in ("thank_you", "debrief", "referral", "report_back", "decision"):
        first = next((o for o in owed if o.kind == kind), None)
        if first:
            return first.text + (" (late: send it today)" if first.late else "") + "."
    counts = funnel(wb)
    if not counts["listed"]:
        return "List the people you know in step 1."
    if not wb.list(Target):
        return "Choose what you want to learn about in step 2."
    if not counts["contacted"]:
        return "Write to your first person in step 3."
    meetings = wb.list(Meeting)
    coming = not meetings or any(not has_happened(m, now) for m in meetings)
    if coming and len(wb.list(QuestionChoice)) < 5:  # not for conversations already held
        return "Pick 5 to 10 questions in step 4."
    if not meetings:
        return "When someone says yes, set the meeting in step 5."
    return "Reach out to the next person on your list in step 3."


__all__ = ["AFTER_MET", "FUNNEL", "INTEREST", "Owed", "PLACEHOLDER", "ThankYouState",
           "add_referral", "draw_funnel", "funnel", "has_happened", "mark_reported_back",
           "mark_thank_you_sent", "next_step", "owed_actions", "record_decision",
           "record_thank_you", "report_back", "require_held", "save_debrief", "save_drafts",
           "ThankYouTexts", "thank_you_drafts", "thank_you_due", "thank_you_state",
           "thank_you_texts"]
