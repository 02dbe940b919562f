"""Steps 4 and 5 offer the people you wrote to before the rest: after a 300-row import the
person you e-mailed in step 3 was under hundreds of imported names in step 5's picker."""

from __future__ import annotations

from infoview_lib.meetings.form import people_options
from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.workbook.model import Contact


def test_someone_you_wrote_to_comes_before_everyone_else(wb):
    for i in range(5):
        wb.add(Contact(first_name="Aaron", last_name=f"Imported{i}"))
    bo = wb.add(Contact(first_name="Bo", last_name="Chen"))
    assert [name for name, _ in people_options(wb)][0] == "Aaron Imported0"
    set_status(wb, outreach_for(wb, bo.id).id, "sent", on="2026-12-02")
    assert people_options(wb)[0] == ("Bo Chen", bo.id)


def test_namesakes_in_step_five_are_told_apart_by_organization(wb):
    """Two people called Sam Lee: step 5's "With" list says which is which, as step 3's does."""
    acme = wb.add(Contact(first_name="Sam", last_name="Lee", organization="Acme"))
    globex = wb.add(Contact(first_name="Sam", last_name="Lee", organization="Globex"))
    plain = wb.add(Contact(first_name="Kim", last_name="Ode"))
    options = dict((v, label) for label, v in people_options(wb))
    assert options[acme.id] == "Sam Lee (Acme)" and options[globex.id] == "Sam Lee (Globex)"
    assert options[plain.id] == "Kim Ode"
