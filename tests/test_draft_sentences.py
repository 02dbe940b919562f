"""A part typed as a phrase ("how you got into solar") reads as a sentence in every draft:
it starts with a capital and ends with a full stop, instead of running into the next part
("...solar sites This is only to learn..."), which the walk in a real browser showed."""

from __future__ import annotations

import re

import pytest

from infoview_lib.outreach import MessageParts, check_message, render

TYPED = "how you went from studying engineering to building solar sites"


def parts(**changes) -> MessageParts:
    base = MessageParts(recipient_name="Bo Chen", sender_name="Jordan Rivera",
                        who_i_am="a final-year engineering student",
                        connection="We know each other from class.", minutes=20)
    return base.replace(**changes)


@pytest.mark.parametrize("channel", ["email", "phone", "linkedin"])
def test_a_typed_phrase_becomes_its_own_sentence(channel):
    body = render(parts(interest=TYPED), channel).body
    assert "How you went from studying engineering to building solar sites. This is only" in body
    assert not re.search(r"[a-z] [A-Z][a-z]+ is only", body)  # no run-on into the purpose


def test_parts_typed_without_capitals_or_stops_are_tidied():
    body = render(parts(interest="", purpose="just to learn", fallback="who else could I ask?",
                        thanks="thanks a lot"), "email").body
    assert "Just to learn." in body and "Who else could I ask?" in body
    assert "Thanks a lot." in body and "ask?." not in body


def test_an_ask_without_a_question_mark_still_fails_the_checker():
    p = parts(ask="would you have 20 minutes for a call")
    body = render(p, "email").body
    assert "Would you have 20 minutes for a call " in body  # capital, but no stop invented
    results = {r.rule: r for r in check_message(body, p)}
    assert not results["ask_is_question"].passed
