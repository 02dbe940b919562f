"""Step 3 composer: parts, rendering (with and without referrer), LinkedIn length, checker rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoview_lib.outreach import (
    Limits,
    MessageParts,
    check_message,
    default_parts,
    draft_for,
    parts_for,
    render,
    save_parts,
    verdict,
)
from infoview_lib.outreach.checker import opening
from infoview_lib.workbook.errors import ProtocolError, ValidationError
from infoview_lib.workbook.model import Contact, Outreach

GOOD = ("Hi Hana,\n\nDolores Ibáñez suggested I get in touch with you. Your path into UX research "
        "and your studies at Copperleaf Health are what I'd love to hear about.\n\nWould you have "
        "20 minutes for a call next week? If you're too busy, who else could I talk to?\n\n"
        "Thank you,\nMaya")


def rule(text, name, **kwargs):
    return next(r for r in check_message(text, **kwargs) if r.rule == name)


def test_good_message_passes_every_rule():
    results = check_message(GOOD)
    assert [r.rule for r in results] == ["length", "connection_first", "no_job_words",
                                         "ask_is_question", "fallback", "thanks", "about_them",
                                         "sender"]
    assert all(r.passed for r in results), [r.line() for r in results if not r.passed]
    assert verdict(results) == "All 8 checks pass."


# -- one test per rule, good and bad -------------------------------------------------
def test_rule_length():
    assert rule(GOOD, "length").passed
    long = GOOD + " Extra words here." * 20
    bad = rule(long, "length")
    assert not bad.passed and "under 100" in bad.detail and bad.hint
    strict = rule(" ".join(["word"] * 80), "length", strict=True)
    assert not strict.passed and "75" in strict.detail
    assert rule(" ".join(["word"] * 80), "length").passed
    assert not rule(" ".join(["word"] * 40), "length", limits=Limits(max_words=30)).passed


def test_rule_length_linkedin_counts_characters():
    note = "Hi Ana, " + "x" * 295
    bad = rule(note, "length", channel="linkedin")
    assert not bad.passed and "303 characters" in bad.detail
    assert rule(note[:300], "length", channel="linkedin").passed


def test_rule_connection_first():
    assert opening(GOOD) == "Dolores Ibáñez suggested I get in touch with you."
    late = GOOD.replace("Dolores Ibáñez suggested I get in touch with you. ", "") + \
        " Dolores Ibáñez suggested I write."
    bad = rule(late, "connection_first")
    assert not bad.passed and "We met at" in bad.hint   # a generic example, no persona name
    parts = MessageParts(referrer="Dolores Ibáñez", minutes=20)
    hint = rule(late.replace("Dolores", "Someone"), "connection_first", parts=parts).hint
    assert "\u201cDolores Ibáñez suggested I write to you.\u201d" in hint
    named = "Hi Hana, Dolores says hello. Would you have 20 minutes?"
    assert rule(named, "connection_first", parts=parts).passed
    assert not rule(named, "connection_first").passed


def test_rule_no_job_words():
    assert rule(GOOD, "no_job_words").passed
    for word in ("job", "openings", "application", "résumé", "resume", "CV", "hiring"):
        bad = rule(GOOD + f" I attach my {word}.", "no_job_words")
        assert not bad.passed, word
        assert word.lower() in bad.detail


def test_rule_ask_is_question():
    assert rule(GOOD, "ask_is_question").passed
    bad = rule(GOOD.replace("20 minutes for a call next week?", "20 minutes for a call."),
               "ask_is_question")
    assert not bad.passed and "not a question" in bad.detail
    none = rule("Hi Ana, thank you.", "ask_is_question")
    assert not none.passed and "no ask" in none.detail


def test_rule_fallback():
    assert rule(GOOD, "fallback").passed
    assert not rule(GOOD.replace(" If you're too busy, who else could I talk to?", ""),
                    "fallback").passed


def test_rule_thanks():
    assert rule(GOOD, "thanks").passed
    assert rule("I really appreciate it.", "thanks").passed
    assert not rule(GOOD.replace("Thank you,", "Best,"), "thanks").passed


def test_rule_about_them():
    good = rule(GOOD, "about_them")
    assert good.passed and "you/your" in good.detail
    selfish = "Hi Ana, I am a student. I want advice. My plan is mine. Would you talk?"
    bad = rule(selfish, "about_them")
    assert not bad.passed and bad.detail == "1 you/your, 4 I/me/my"


def test_checker_is_deterministic():
    assert check_message(GOOD) == check_message(GOOD)


# -- rendering ------------------------------------------------------------------------
def _parts(**kw):
    base = dict(recipient_name="Hana Sato", sender_name="Maya Okafor-Lind",
                who_i_am="a design student", topic="UX research",
                interest="I'd love to hear how you got into UX research.",
                connection="We met at the Pixel & Pine meetup.")
    return MessageParts(**{**base, **kw})


def test_render_with_referrer():
    draft = render(_parts(referrer="Dolores Ibáñez"), "email")
    assert draft.subject == "Dolores Ibáñez suggested I write to you"
    lines = draft.body.splitlines()
    assert lines[0] == "Hi Hana,"
    assert lines[2].startswith("Dolores Ibáñez suggested I get in touch")
    assert "Pixel & Pine" not in draft.body     # autoescape is off, and connection unused
    assert draft.body.endswith("Maya Okafor-Lind")
    assert all(r.passed for r in check_message(draft.body, _parts(referrer="Dolores Ibáñez")))


def test_render_without_referrer_uses_the_connection():
    draft = render(_parts(), "email")
    assert draft.subject == "A quick question about UX research"
    assert draft.body.splitlines()[2].startswith("We met at the Pixel & Pine meetup.")
    phone = render(_parts(sender_phone="+1 555 0100"), "phone")
    assert phone.body.startswith("Hello Hana, we met at the Pixel & Pine meetup.")
    assert "+1 555 0100" in phone.body
    assert "meetup. This is Maya" in phone.body


def test_phone_script_without_referrer_or_connection_reads_as_one_sentence():
    phone = render(_parts(connection=""), "phone")
    assert phone.body.startswith("Hello Hana, this is Maya")


def test_empty_parts_leave_no_gaps():
    draft = render(_parts(connection="", who_i_am="", interest="", purpose=""), "email")
    assert "  " not in draft.body and "\n\n\n" not in draft.body
    assert " ." not in draft.body and ",." not in draft.body


def test_linkedin_note_fits_300_characters_and_reports_cuts():
    short = render(_parts(interest="", purpose="", thanks="Thanks!"), "linkedin")
    assert short.chars <= 300 and short.notes == []
    long = render(_parts(referrer="Dolores Ibáñez",
                         who_i_am="a final-year communication design student " * 3), "linkedin")
    assert long.chars <= 300
    assert any("who you are" in n for n in long.notes)
    assert "Would you have 20 minutes" in long.body


def test_linkedin_note_is_cut_at_a_sentence_when_parts_are_huge():
    huge = render(_parts(connection="We met at a very long event. " * 20), "linkedin")
    assert huge.chars <= 300
    assert any("cut to 300" in n for n in huge.notes)
    assert huge.body.endswith((".", "…", "?", "!"))


def test_bad_minutes_and_channel():
    with pytest.raises(ValidationError, match="15, 20 or 30"):
        MessageParts(minutes=45)
    with pytest.raises(ValidationError, match="email, phone or linkedin"):
        render(_parts(), "fax")
    assert "30 minutes" in MessageParts(minutes="30").ask


def test_template_mistakes_name_the_file(tmp_path, monkeypatch):
    for name in ("email_subject.txt.j2", "phone.txt.j2", "linkedin.txt.j2"):
        (tmp_path / name).write_text("x")
    (tmp_path / "email_body.txt.j2").write_text("Hi {{ recipient_frist }}")
    monkeypatch.setenv("INFOVIEW_TEMPLATES", str(tmp_path))
    with pytest.raises(ProtocolError, match="email_body.txt.j2.*recipient_frist"):
        render(_parts(), "email")
    (tmp_path / "email_body.txt.j2").write_text("Hi {% if x %}")
    with pytest.raises(ProtocolError, match="line 1"):
        render(_parts(), "email")
    (tmp_path / "phone.txt.j2").unlink()
    with pytest.raises(ProtocolError, match="missing"):
        render(_parts(), "phone")


def test_instructor_template_override(tmp_path, monkeypatch):
    for name in ("email_subject.txt.j2", "email_body.txt.j2", "phone.txt.j2", "linkedin.txt.j2"):
        (tmp_path / name).write_text("Hallo {{ recipient_first }}! {{ ask }}")
    monkeypatch.setenv("INFOVIEW_TEMPLATES", str(tmp_path))
    assert render(_parts(), "phone").body.startswith("Hallo Hana! Would you have 20 minutes")


# -- parts from the workbook ----------------------------------------------------------
def test_default_parts_pick_the_introducer(wb):
    wb.set_setting("ego", {"name": "Maya Okafor-Lind", "headline": "Design student"})  # old key
    dolores = wb.add(Contact(first_name="Dolores", last_name="Ibáñez", categories=["advisor"]))
    hana = wb.add(Contact(first_name="Hana", last_name="Sato", introduced_by=dolores.id,
                          title="UX Researcher", categories=["alumni"]))
    parts = default_parts(wb, hana)
    assert parts.referrer == "Dolores Ibáñez"
    assert parts.who_i_am == "a design student"
    assert "a UX Researcher" in parts.interest
    no_intro = default_parts(wb, dolores)
    assert no_intro.referrer == "" and no_intro.connection.startswith("You have advised me")


def test_saved_parts_survive_and_are_validated(maya):
    hana = maya.find_contact("Hana Sato")
    save_parts(maya, hana, {"minutes": 15, "thanks": "Many thanks."})
    parts = parts_for(maya, hana)
    assert parts.minutes == 15 and "15 minutes" in parts.ask and parts.thanks == "Many thanks."
    record = maya.list(Outreach, contact_id=hana.id)[0]
    assert record.target_id is not None
    with pytest.raises(ValidationError, match="cannot be edited"):
        save_parts(maya, hana, {"recipient_name": "Someone"})
    with pytest.raises(ValidationError, match="15, 20 or 30"):
        save_parts(maya, hana, {"minutes": 90})
    assert maya.get(Outreach, record.id).parts == {"minutes": 15, "thanks": "Many thanks."}


def test_persona_drafts_pass_the_checker(maya):
    for name in ("Hana Sato", "Ruben Osei", "Priya Raman"):
        for channel in ("email", "phone", "linkedin"):
            draft, _, results = draft_for(maya, maya.find_contact(name), channel)
            assert all(r.passed for r in results), (name, channel, [r.line() for r in results])
            if channel == "linkedin":
                assert draft.chars <= 300


def test_meeting_lengths_come_from_the_class_protocol(tmp_path, monkeypatch):
    text = (Path(__file__).resolve().parent.parent / "data" / "protocol.yaml").read_text()
    custom = tmp_path / "protocol.yaml"
    custom.write_text(text.replace("meeting_lengths: [15, 20, 30]", "meeting_lengths: [20, 45]"))
    (tmp_path / "questions.yaml").write_text(
        (Path(__file__).resolve().parent.parent / "data" / "questions.yaml").read_text())
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(custom))
    assert MessageParts(minutes=45).minutes == 45
    with pytest.raises(ValidationError, match="20 or 45 minutes"):
        MessageParts(minutes=15)
