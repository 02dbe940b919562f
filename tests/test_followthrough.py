"""Step 6: debrief, thank-you due dates and drafts, referrals, report-backs, dashboard data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import matplotlib.pyplot as plt
import pytest

from infoview_lib.followthrough import (
    FUNNEL,
    PLACEHOLDER,
    add_referral,
    draw_funnel,
    funnel,
    mark_reported_back,
    mark_thank_you_sent,
    next_step,
    owed_actions,
    record_decision,
    record_thank_you,
    report_back,
    save_debrief,
    save_drafts,
    thank_you_drafts,
    thank_you_due,
    thank_you_state,
    thank_you_texts,
)
from infoview_lib.meetings.picking import is_same_meeting, meeting_identity
from infoview_lib.meetings.schedule import save_meeting
from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact, Meeting, Outreach
from infoview_lib.workbook.profile import update_profile

UTC = timezone.utc


@pytest.fixture
def met(wb):
    """Ada, met on Mon 14 Jul 2025 15:00-15:20 in New York (19:00-19:20 UTC)."""
    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace", organization="Engines Ltd"))
    meeting = save_meeting(wb, ada.id, "2025-07-14", "15:00", "America/New_York", minutes=20)
    return ada, meeting


def test_thank_you_due_24_hours_after_meeting_end(met):
    _, m = met
    assert thank_you_due(m) == datetime(2025, 7, 15, 19, 20, tzinfo=UTC)


def test_thank_you_late_flag(wb, met):
    _, m = met
    before = datetime(2025, 7, 15, 19, 19, tzinfo=UTC)
    after = datetime(2025, 7, 15, 19, 21, tzinfo=UTC)
    assert not thank_you_state(m, before).late and thank_you_state(m, after).late
    on_time = mark_thank_you_sent(wb, m.id, datetime(2025, 7, 15, 9, tzinfo=UTC))
    assert thank_you_state(on_time).sent and not thank_you_state(on_time).late
    late = mark_thank_you_sent(wb, m.id, datetime(2025, 7, 17, 9, tzinfo=UTC))
    assert thank_you_state(late, after).late


def test_debrief_is_saved_and_outreach_moves_to_met(wb, met):
    ada, m = met
    m = save_debrief(wb, m.id, answers={"bg-path": "Started in support, moved to QA"},
                     learned="Testing is a real way in", still_interested="yes",
                     specific="that bug reports are a portfolio", use="I will write three")
    stored = wb.get(Meeting, m.id)
    assert stored.debrief["answers"] == {"bg-path": "Started in support, moved to QA"}
    assert stored.debrief["still_interested"] == "yes"
    assert stored.report_back_on == "2025-07-28"  # 14 days after the meeting
    assert outreach_for(wb, ada.id).status == "met"
    save_debrief(wb, m.id, answers={"lk-hardest": "On-call weeks"})
    assert len(wb.get(Meeting, m.id).debrief["answers"]) == 2
    with pytest.raises(ValidationError, match="Still interested"):
        save_debrief(wb, m.id, still_interested="maybe")


def test_thank_you_drafts_name_the_specific_thing(wb, met):
    _, m = met
    drafts = thank_you_drafts(wb, m, sender="Sam")
    assert drafts["needs_specific"] and "[one specific thing they said]" in drafts["email"]
    m = save_debrief(wb, m.id, specific="that bug reports can be a portfolio",
                     use="I will write up three this month")
    ben = add_referral(wb, m.id, "Ben Bridge")
    drafts = thank_you_drafts(wb, wb.get(Meeting, m.id), sender="Sam")
    assert not drafts["needs_specific"]
    for text in (drafts["email"], drafts["card"]):
        assert text.startswith("Dear Ada,") and "bug reports can be a portfolio" in text
        assert text.rstrip().endswith("Sam")
    assert "I will write up three this month." in drafts["email"]
    assert ben.name in drafts["email"] and drafts["subject"] == "Thank you, Ada"
    assert len(drafts["card"]) < len(drafts["email"])


def test_referral_becomes_contact_with_introducer_and_outreach(wb, met):
    ada, m = met
    ben = add_referral(wb, m.id, "Ben Bridge", organization="Bridges Inc", email="b@example.org")
    assert ben.introduced_by == ada.id and "referral" in ben.sources
    assert ben.emails == ["b@example.org"] and ben.organization == "Bridges Inc"
    (record,) = wb.list(Outreach, contact_id=ben.id)
    assert record.status == "to_contact" and record.parts["referrer"] == "Ada Lovelace"
    stored = wb.get(Meeting, m.id)
    assert stored.debrief["referrals"] == [ben.id] and stored.report_back_on == "2025-07-28"
    again = add_referral(wb, m.id, "ben bridge")  # same person: linked, not duplicated
    assert again.id == ben.id and len(wb.contacts()) == 2
    with pytest.raises(ValidationError, match="name"):
        add_referral(wb, m.id, "  ")
    with pytest.raises(ValidationError, match="person you met"):
        add_referral(wb, m.id, "Ada Lovelace")


def test_existing_contact_gets_introducer(wb, met):
    ada, m = met
    cy = wb.add(Contact(first_name="Cy"))
    linked = add_referral(wb, m.id, "Cy")
    assert linked.id == cy.id and linked.introduced_by == ada.id


def test_owed_actions_and_report_back(wb, met):
    ada, m = met
    during = datetime(2025, 7, 14, 19, 10, tzinfo=UTC)
    assert owed_actions(wb, during) == []  # nothing is owed before the meeting ends
    now = datetime(2025, 7, 16, 12, tzinfo=UTC)
    kinds = [o.kind for o in owed_actions(wb, now)]
    assert kinds[0] == "thank_you" and "debrief" in kinds
    assert owed_actions(wb, now)[0].late
    save_debrief(wb, m.id, learned="a lot")
    add_referral(wb, m.id, "Ben Bridge")
    mark_thank_you_sent(wb, m.id, datetime(2025, 7, 15, 9, tzinfo=UTC))
    kinds = [o.kind for o in owed_actions(wb, now)]
    assert kinds == ["referral"]
    two_weeks = datetime(2025, 7, 29, 12, tzinfo=UTC)
    report = [o for o in owed_actions(wb, two_weeks) if o.kind == "report_back"]
    assert report and report[0].late and report[0].due == "2025-07-28"
    mark_reported_back(wb, m.id, "update", date(2025, 7, 29))
    assert not [o for o in owed_actions(wb, two_weeks) if o.kind == "report_back"]
    record_decision(wb, "Applying for QA internships")
    assert [o.kind for o in owed_actions(wb, two_weeks)].count("decision") == 1
    mark_reported_back(wb, m.id, "decision")
    assert "decision" not in [o.kind for o in owed_actions(wb, two_weeks)]
    with pytest.raises(ValidationError):
        record_decision(wb, " ")


def test_funnel_counts_and_referrals_followed_up(wb, met):
    ada, m = met
    wb.add(Contact(first_name="Dee"))
    set_status(wb, outreach_for(wb, ada.id).id, "sent", "2025-07-01")
    set_status(wb, outreach_for(wb, ada.id).id, "replied", "2025-07-02")
    save_debrief(wb, m.id, learned="x")
    mark_thank_you_sent(wb, m.id, datetime(2025, 7, 15, 9, tzinfo=UTC))
    ben = add_referral(wb, m.id, "Ben Bridge")
    counts = funnel(wb)
    assert list(counts) == list(FUNNEL)
    assert counts == {"listed": 3, "contacted": 1, "replied": 1, "met": 1, "thanked": 1,
                      "referrals followed up": 0}
    set_status(wb, outreach_for(wb, ben.id).id, "sent")
    assert funnel(wb)["referrals followed up"] == 1
    mark_reported_back(wb, m.id)
    assert outreach_for(wb, ada.id).status == "referrals_followed_up"


def test_next_step_suggestions(wb):
    assert "step 1" in next_step(wb)
    ada = wb.add(Contact(first_name="Ada"))
    assert "step 2" in next_step(wb)
    m = save_meeting(wb, ada.id, "2025-07-14", "10:00", "Europe/London")
    later = datetime(2025, 7, 20, tzinfo=UTC)
    assert next_step(wb, later).startswith("Send Ada a thank-you (late")
    mark_thank_you_sent(wb, m.id, datetime(2025, 7, 14, 12, tzinfo=UTC))
    assert next_step(wb, later).startswith("Write down what you learned from Ada")


def test_draw_funnel_on_given_axes():
    fig, ax = plt.subplots()
    counts = dict.fromkeys(FUNNEL, 0) | {"listed": 12, "contacted": 5}
    assert draw_funnel(counts, ax=ax) is ax
    bars = ax.patches
    assert len(bars) == 6 and sorted(b.get_width() for b in bars)[-2:] == [5, 12]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "referrals followed up" and labels[-1] == "listed"
    assert draw_funnel(counts).figure is not fig


def test_report_back_date_uses_protocol(wb, met, monkeypatch, tmp_path):
    from infoview_lib.classroom import protocol

    text = protocol.DEFAULT_PROTOCOL.read_text(encoding="utf-8").replace(
        "report_back_after_days: 14", "report_back_after_days: 10")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "questions.yaml").write_text(
        (protocol.DEFAULT_PROTOCOL.parent / "questions.yaml").read_text(encoding="utf-8"),
        encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(tmp_path / "p.yaml"))
    _, m = met
    m = save_debrief(wb, m.id, learned="x")
    assert date.fromisoformat(m.report_back_on) - date(2025, 7, 14) == timedelta(days=10)


def test_drafts_end_each_sentence_once(wb, met):
    _, m = met
    m = save_debrief(wb, m.id, specific="Spend a day shadowing someone first.")
    drafts = thank_you_drafts(wb, m, sender="Sam")
    assert "shadowing someone first. " in drafts["email"] and ".." not in drafts["email"]
    assert "stayed with me: Spend a day shadowing someone first.\n" in drafts["card"]
    m = save_debrief(wb, m.id, specific="would I try a design sprint?")
    assert "design sprint? " in thank_you_drafts(wb, m)["email"]


def test_saved_drafts_kept_and_cleared(wb, met):
    _, m = met
    m = save_drafts(wb, m.id, email="Dear Ada, my words")
    assert m.debrief["drafts"] == {"email": "Dear Ada, my words"}
    m = save_drafts(wb, m.id, card="A card")
    assert m.debrief["drafts"] == {"email": "Dear Ada, my words", "card": "A card"}
    m = save_drafts(wb, m.id, email="", card="  ")
    assert m.debrief["drafts"] == {}


def test_meeting_typed_in_afterwards_can_be_debriefed(wb):
    """Step 5 on the day after: the outreach is marked today, the meeting was last week."""
    zoe = wb.add(Contact(first_name="Zoe"))
    held = date.today() - timedelta(days=7)
    m = save_meeting(wb, zoe.id, held, "10:00", "UTC")
    save_debrief(wb, m.id, learned="A lot")
    record = outreach_for(wb, zoe.id)
    assert record.status == "met"
    assert all(day >= record.sent_on for _, day in record.history if record.sent_on)


def test_empty_funnel_has_whole_number_ticks():
    fig, ax = plt.subplots()
    draw_funnel(dict.fromkeys(FUNNEL, 0), ax=ax)
    fig.canvas.draw()
    ticks = [t for t in ax.get_xticks() if 0 <= t <= ax.get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)


# -- only after the meeting happened ---------------------------------------------------
@pytest.fixture
def upcoming(wb):
    """Bo, to be met on 4 Jan 2999 (far in the future, so the test never goes stale)."""
    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    bo = wb.add(Contact(first_name="Bo", last_name="Chen"))
    return bo, save_meeting(wb, bo.id, "2999-01-04", "10:00", "UTC", minutes=20)


def test_a_meeting_to_come_refuses_thanks_debrief_referrals_and_report(wb, upcoming):
    bo, m = upcoming
    for action in (lambda: mark_thank_you_sent(wb, m.id),
                   lambda: save_debrief(wb, m.id, learned="x"),
                   lambda: add_referral(wb, m.id, "Cy Young"),
                   lambda: mark_reported_back(wb, m.id)):
        with pytest.raises(ValidationError, match=r"Bo Chen is on Fri 04 Jan 2999, 10:00-10:20 "
                                                  r"\(UTC\) and has not happened yet"):
            action()
    after = wb.get(Meeting, m.id)
    assert after.thank_you_sent_on == "" and after.debrief == {} and len(wb.contacts()) == 1
    assert funnel(wb)["met"] == 0 and funnel(wb)["thanked"] == 0
    assert [o.kind for o in owed_actions(wb)] == []


def test_thanks_cannot_be_logged_before_the_meeting_ended(wb, met):
    _, m = met   # 19:00-19:20 UTC on 14 Jul 2025
    with pytest.raises(ValidationError, match="has not happened yet"):
        mark_thank_you_sent(wb, m.id, datetime(2025, 7, 14, 19, 10, tzinfo=UTC))
    done = mark_thank_you_sent(wb, m.id, datetime(2025, 7, 14, 19, 30, tzinfo=UTC))
    assert done.thank_you_sent_on.startswith("2025-07-14T19:30")


def test_marked_met_by_hand_does_not_count_while_the_meeting_is_to_come(wb, upcoming):
    bo, _ = upcoming
    record = outreach_for(wb, bo.id)
    with pytest.raises(ValidationError, match="mark it 'met' once it has happened"):
        set_status(wb, record.id, "met", date(2026, 1, 5))
    wb.update(Outreach, record.id, status="met")  # an old workbook with the status already set
    assert funnel(wb)["met"] == 0
    held = wb.add(Contact(first_name="Di"))
    set_status(wb, outreach_for(wb, held.id).id, "met", date(2026, 1, 5))  # no meeting set: trusted
    assert funnel(wb)["met"] == 1


def test_the_thank_you_is_signed_from_the_profile(wb, met):
    _, m = met
    m = save_debrief(wb, m.id, specific="Keep a work diary.")
    drafts = thank_you_drafts(wb, m)
    assert drafts["email"].endswith("Best wishes,\nSam Lee") and drafts["card"].endswith("Sam Lee")
    update_profile(wb, name="")
    with pytest.raises(ValidationError, match="00_start_here"):
        thank_you_drafts(wb, m)


def test_funnel_keeps_later_stages_visible_when_listed_dwarfs_them():
    counts = {"listed": 57, "contacted": 4, "replied": 2, "met": 1, "thanked": 1,
              "referrals followed up": 0}
    fig, ax = plt.subplots()
    draw_funnel(counts, ax=ax)
    widths = {label.get_text(): bar.get_width()
              for label, bar in zip(ax.get_yticklabels(), ax.patches, strict=True)}
    assert widths["contacted"] >= 0.4 * widths["listed"]      # not a sliver beside 57
    assert widths["met"] >= 0.1 * widths["listed"]
    texts = [t.get_text() for t in ax.texts]
    assert "57" in texts and any("cut short" in t for t in texts)
    fig2, ax2 = plt.subplots()
    draw_funnel({**counts, "listed": 8}, ax=ax2)                # close enough: drawn to scale
    assert not any("cut short" in t.get_text() for t in ax2.texts)
    assert ax2.patches[-1].get_width() == 8


def test_thank_you_texts_are_your_wording_else_the_drafts(wb, met):
    _, m = met
    texts = thank_you_texts(wb, m)
    assert texts.email.startswith("Subject: Thank you, Ada\n\nDear Ada,")
    assert texts.card.startswith("Dear Ada,") and not texts.own
    assert texts.needs_specific and PLACEHOLDER in texts.email
    m = save_debrief(wb, m.id, specific="Bug reports can be a portfolio.")
    assert not thank_you_texts(wb, m).needs_specific
    m = save_drafts(wb, save_debrief(wb, m.id, specific="").id, card="My own card")
    texts = thank_you_texts(wb, m)
    assert texts.own and texts.card == "My own card" and not texts.needs_specific
    assert texts.email.startswith("Subject: Thank you, Ada")   # the other box stays a draft


def test_thank_you_is_recorded_once(wb, met):
    _, m = met
    first = datetime(2025, 7, 15, 9, tzinfo=UTC)
    m, now = record_thank_you(wb, m.id, first)
    assert now and m.thank_you_sent_on == first.isoformat()
    m, now = record_thank_you(wb, m.id, first + timedelta(days=2))
    assert not now and m.thank_you_sent_on == first.isoformat()


def test_report_back_logs_the_update_then_the_decision(wb, met):
    _, m = met
    m = report_back(wb, m.id, date(2025, 7, 28))
    assert m.debrief["reported_back"] == [["update", "2025-07-28"]]
    m = report_back(wb, m.id, date(2025, 7, 29))   # no decision yet: another update
    assert [k for k, _ in m.debrief["reported_back"]] == ["update", "update"]
    record_decision(wb, "Applying for UX research internships")
    m = report_back(wb, m.id, date(2025, 8, 1))
    assert m.debrief["reported_back"][-1] == ["decision", "2025-08-01"]


def test_a_meeting_is_the_same_while_its_person_and_time_are(wb, met):
    ada, m = met
    shown = meeting_identity(wb, m)
    assert meeting_identity(wb, None) is None
    assert is_same_meeting(wb, m.id, shown)
    assert not is_same_meeting(wb, None, shown) and is_same_meeting(wb, None, None)
    moved = save_meeting(wb, ada.id, "2025-07-15", "15:00", "America/New_York", minutes=20)
    assert moved.id == m.id and not is_same_meeting(wb, m.id, shown)
    assert not is_same_meeting(wb, m.id + 99, shown)   # gone: not the same
