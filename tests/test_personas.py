"""The sample personas are fit for a workshop: sizes, spread, fictional contact details."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from infoview_lib.workbook.model import CATEGORIES, TIE_STRENGTHS
from infoview_lib.workbook.personas import list_personas, load_persona_data

PERSONAS = [p.id for p in list_personas()]


def test_at_least_three_personas():
    assert len(PERSONAS) >= 3


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_persona_shape(persona_id):
    data = load_persona_data(persona_id)
    people = data["contacts"]
    assert 40 <= len(people) <= 80
    categories = Counter(c for p in people for c in p["categories"])
    assert set(categories) <= set(CATEGORIES)
    assert len(categories) >= 10, "spread over the life domains"
    ties = Counter(p["tie_strength"] for p in people)
    assert set(ties) == set(TIE_STRENGTHS)
    orgs = Counter(p["organization"] for p in people if p["organization"])
    assert sum(1 for n in orgs.values() if n >= 2) >= 2, "some organizations are shared"
    assert sum(1 for p in people if p["introduced_by"]) >= 3
    assert 2 <= len(data["targets"]) <= 4


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_persona_contact_details_are_fictional(persona_id):
    for person in load_persona_data(persona_id)["contacts"]:
        for email in person["emails"]:
            domain = email.rsplit("@", 1)[1]
            assert domain.split(".")[0] == "example", email


def test_names_use_several_scripts():
    scripts = set()
    for persona_id in PERSONAS:
        for person in load_persona_data(persona_id)["contacts"]:
            for ch in person["first_name"] + person["last_name"]:
                if ch.isalpha():
                    scripts.add(unicodedata.name(ch).split()[0])
    assert {"LATIN", "CJK", "ARABIC", "HANGUL"} <= scripts
