"""Whom step 3 offers first (outreach/contacts.py), without widgets."""

from __future__ import annotations

import pytest

from infoview_lib.outreach import default_ask
from infoview_lib.outreach.contacts import (
    LAST_CONTACT_KEY,
    contact_options,
    length_changes,
    remember_contact,
    require_sent,
)
from infoview_lib.targets import ranked_targets, set_contact_first
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Outreach


def test_empty_workbook_offers_nobody(wb):
    assert contact_options(wb) == ([], None)


def test_contact_first_pick_is_starred_and_shown(maya):
    hana = maya.find_contact("Hana Sato")
    set_contact_first(maya, 1, hana.id)
    options, shown = contact_options(maya)
    assert options[0] == (f"★ Hana Sato ({hana.organization})" if hana.organization
                          else "★ Hana Sato", hana.id)
    assert shown == hana.id


def test_starred_first_then_everyone_else_by_name(maya):
    options, _ = contact_options(maya)
    starred = [label for label, _ in options if label.startswith("★ ")]
    rest = [label for label, _ in options if not label.startswith("★ ")]
    assert [label for label, _ in options] == starred + rest
    assert rest == sorted(rest, key=str.casefold)
    assert len({i for _, i in options}) == len(options) == len(maya.contacts())
    if any(row.focus and row.leads for row in ranked_targets(maya)):
        assert starred


def test_the_person_worked_on_last_is_shown(maya):
    options, _ = contact_options(maya)
    last = options[-1][1]
    remember_contact(maya, last)
    assert maya.setting(LAST_CONTACT_KEY) == last
    assert contact_options(maya)[1] == last


def test_the_ask_follows_the_length_only_while_it_is_the_default():
    assert length_changes(default_ask(20), 20, 30) == {"minutes": 30, "ask": default_ask(30)}
    assert length_changes("Could we talk for a bit?", 20, 30) == {"minutes": 30}


def test_a_follow_up_needs_a_sent_message():
    require_sent(Outreach(contact_id=1, status="sent"), "Hana", "sent")
    with pytest.raises(ValidationError, match="only makes sense after 'sent'"):
        require_sent(Outreach(contact_id=1, status="replied"), "Hana", "replied")
