"""Every draft the workbook writes passes its own checker, and the checker catches the holes
a first-time user met: a blank name, a placeholder, job talk hidden in an introduction, and
e-mail phrases in a phone script."""

from __future__ import annotations

import pytest

from infoview_lib.outreach import MessageParts, check_message, draft_for, render
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.personas import load_persona, load_persona_data
from infoview_lib.workbook.profile import update_profile
from infoview_lib.workbook.store import open_workbook

PERSONAS = ("maya", "daniel", "amara")
CHANNELS = ("email", "phone", "linkedin")
CASES = [(p, f"{c['first_name']} {c['last_name']}".strip(), ch)
         for p in PERSONAS for c in load_persona_data(p)["contacts"] for ch in CHANNELS]


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """One workbook per persona (with the persona's profile), shared by the module."""
    out = {}
    for persona in PERSONAS:
        wb = open_workbook(tmp_path_factory.mktemp(persona) / "workbook.sqlite")
        load_persona(wb, persona)
        out[persona] = wb
    yield out
    for wb in out.values():
        wb.close()


@pytest.mark.parametrize(("persona", "name", "channel"), CASES)
def test_every_persona_draft_passes_the_checker(books, persona, name, channel):
    wb = books[persona]
    contact = next(c for c in wb.contacts() if c.name == name)
    draft, parts, results = draft_for(wb, contact, channel)
    assert all(r.passed for r in results), [r.line() for r in results if not r.passed]
    assert parts.sender_first in draft.body or channel == "linkedin"
    if channel == "linkedin":
        assert draft.chars <= 300


def test_every_persona_contact_is_covered():
    assert len(CASES) == 3 * sum(len(load_persona_data(p)["contacts"]) for p in PERSONAS)
    assert len(CASES) >= 450


def test_a_parent_is_not_introduced_to_their_own_child(books):
    wb = books["maya"]
    parent = next(c for c in wb.contacts() if "parent" in c.categories)
    draft = draft_for(wb, parent, "email")[0]
    assert "BFA" not in draft.body.split("\n\nMaya Okafor-Lind")[0]
    assert draft.body.startswith(f"Hi {parent.first_name},\n\nYou know me better than anyone")


def test_the_signature_carries_the_profile(books):
    wb = books["amara"]
    draft = draft_for(wb, wb.contacts()[0], "email")[0]
    tail = draft.body.rsplit("\n\n", 1)[1].splitlines()
    assert tail == ["Amara Nwachukwu", "MSc Sustainable Energy Engineering, Stonebridge University",
                    "amara.nwachukwu@example.org · +44 117 496 0381",
                    "https://www.linkedin.com/in/amara-nwachukwu-example"]


def test_phone_script_reads_as_speech(books):
    wb = books["daniel"]
    for contact in wb.contacts()[:15]:
        body = draft_for(wb, contact, "phone")[0].body.lower()
        for phrase in ("note", "reading this", "e-mail", "write to you"):
            assert phrase not in body, (contact.name, phrase)


# -- the checker's new rules ---------------------------------------------------------
def _parts(**kw):
    base = dict(recipient_name="Hana Sato", sender_name="Maya Lind",
                connection="We know each other from class.", topic="UX research",
                interest="Your path into UX research is what I'd love to hear about.")
    return MessageParts(**{**base, **kw})


def _rule(results, name):
    return next(r for r in results if r.rule == name)


def test_job_talk_in_an_introduction_fails():
    parts = _parts(who_i_am="a graduate seeking solar and storage roles")
    results = check_message(render(parts, "email").body, parts)
    job = _rule(results, "no_job_words")
    assert not job.passed and "roles" in job.detail
    for words in ("any open positions", "whether you are hiring", "a vacancy", "a new role"):
        assert not _rule(check_message(f"Hi Ada, is there {words}?"), "no_job_words").passed
    assert _rule(check_message("Hi Ada, what is your role like?"), "no_job_words").passed


@pytest.mark.parametrize("hole", ["Best wishes,\n[your name]", "I'm. I'd love to talk.",
                                  "This is, a final-year student.", "About {topic} then."])
def test_a_placeholder_fails_the_sender_rule(hole):
    text = ("Hi Ada, Sam Lee suggested I write to you. Would you have 20 minutes for a call? "
            "If you're too busy, who else could I talk to? Thank you! " + hole)
    sender = _rule(check_message(text), "sender")
    assert not sender.passed and "placeholder" in sender.detail
    assert "00_start_here" in sender.hint


def test_no_sender_fails_and_a_blank_name_never_renders():
    text = ("Hi Hana, we know each other from class. Would you have 20 minutes for a call? "
            "If you're too busy, who else could I talk to? Thank you!")
    assert not _rule(check_message(text, _parts()), "sender").passed
    with pytest.raises(ValidationError, match="00_start_here"):
        render(_parts(sender_name=""), "email")


def test_written_phrases_fail_only_on_the_phone():
    parts = _parts(thanks="Thank you for reading this.")
    phone = check_message(render(parts, "phone").body, parts, channel="phone")
    assert not _rule(phone, "speech").passed
    email = check_message(render(parts, "email").body, parts, channel="email")
    assert "speech" not in [r.rule for r in email]


def test_a_blank_workbook_asks_who_you_are_before_any_draft(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Example"))
    with pytest.raises(ValidationError, match="your name and a one-line introduction"):
        draft_for(wb, ada, "email")
    update_profile(wb, name="Sam Lee")
    with pytest.raises(ValidationError, match="introduction is missing"):
        draft_for(wb, ada, "email")
    update_profile(wb, introduction="a final-year history student")
    draft, parts, results = draft_for(wb, ada, "email")
    assert "I'm Sam, a final-year history student." in draft.body
    assert all(r.passed for r in results), [r.line() for r in results if not r.passed]
