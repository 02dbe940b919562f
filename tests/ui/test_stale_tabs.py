"""Several notebooks open at once: a change made in one (its own connection to the workbook)
is seen by the others before they act, and no action applies to anyone but the person shown."""

from __future__ import annotations

import pytest

from infoview_lib.ui.common import STALE
from infoview_lib.ui.meeting import MeetingPanel
from infoview_lib.ui.outreach import OutreachPanel
from infoview_lib.ui.start import StartPanel
from infoview_lib.ui.targets import TargetsPanel
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.errors import WorkbookDeleted
from infoview_lib.workbook.model import Contact, Outreach, Target
from infoview_lib.workbook.reset import start_from_persona
from infoview_lib.workbook.store import open_workbook


@pytest.fixture
def other_tab(maya):
    """A second notebook's connection to the same workbook."""
    with open_workbook(maya.path) as other:
        yield other


def test_version_moves_only_for_other_connections_and_a_replaced_file(maya, other_tab):
    seen = maya.version()
    maya.add(Contact(first_name="Mine"))
    assert not maya.changed_since(seen)
    other_tab.add(Contact(first_name="Theirs"))
    assert maya.changed_since(seen)
    seen = maya.version()
    maya.path.unlink()  # delete-my-data in another notebook: no stale token, an error
    with pytest.raises(WorkbookDeleted):
        maya.changed_since(seen)


def test_step3_after_a_persona_loaded_elsewhere_refreshes_instead_of_logging(maya, other_tab):
    panel = OutreachPanel(maya)
    shown = maya.get(Contact, panel.contact.value).name
    start_from_persona(other_tab, "amara")
    panel.status_buttons["sent"].click()
    assert STALE in panel.status.text.replace("&#x27;", "'")
    assert maya.list(Outreach) == []  # nobody was logged as contacted
    names = {label.lstrip("★ ").split(" (")[0] for label, _ in panel.contact.options}
    amara = {c.name for c in maya.contacts()}
    assert names <= amara and shown not in amara
    person = maya.get(Contact, panel.contact.value)
    assert person.first_name in panel.draft.value  # the draft greets the person shown
    panel.status_buttons["sent"].click()  # now it acts, on the person shown
    assert [o.contact_id for o in maya.list(Outreach)] == [person.id]


def test_step1_sees_a_persona_loaded_in_step0_before_adding(wb):
    panel = WhoYouKnowPanel(wb)
    with open_workbook(wb.path) as other:
        StartPanel(other, check_environment=False).load_button.click()
    panel.quick.submit(name="Ada Example")
    assert STALE in panel.status.text.replace("&#x27;", "'")
    people = len(wb.contacts())
    assert people > 10 and f"<b class='iv-count-number'>{people}</b>" in panel.count_html.value
    panel.quick.submit(name="Ada Example")  # the user clicks again: added now
    assert "Ada Example" in {c.name for c in wb.contacts()}


def test_step2_and_step5_rebuild_their_pickers(maya, other_tab):
    targets, meeting = TargetsPanel(maya), MeetingPanel(maya)
    start_from_persona(other_tab, "daniel")
    targets.remove_button.click()
    assert STALE in targets.status.text.replace("&#x27;", "'")
    daniel = {t.name for t in other_tab.list(Target)}
    assert {label.split(". ", 1)[1] for label, v in targets.pick.options if v} == daniel
    meeting.save_button.click()
    assert STALE in meeting.status.text.replace("&#x27;", "'")
    from infoview_lib.outreach.contacts import contact_label
    assert ({label for label, _ in meeting.contact.options}
            <= {contact_label(c) for c in maya.contacts()})


def test_a_change_the_panel_does_not_show_lets_the_click_go_ahead(wb):
    """The profile saved in step 0 does not change step 1's list: Add works at once."""
    from infoview_lib.workbook.profile import Profile, save_profile

    panel = WhoYouKnowPanel(wb)
    with open_workbook(wb.path) as other:
        save_profile(other, Profile(name="Jordan Rivera", introduction="a student"))
    panel.quick.submit(name="Ada Example")
    assert [c.name for c in wb.contacts()] == ["Ada Example"]
    assert "Added Ada Example" in panel.status.text


def test_step1_bulk_change_waits_for_a_persona_loaded_elsewhere(wb):
    """'Set for these N people' never applies to people the table did not show."""
    wb.add_many([Contact(first_name=f"Imported{i}") for i in range(3)])
    panel = WhoYouKnowPanel(wb)
    panel.bulk.category.value = panel.bulk.category.options[1][1]
    panel.bulk.apply_button.click()
    assert not panel.bulk.undo_button.disabled
    with open_workbook(wb.path) as other:
        start_from_persona(other, "maya")
        maya = {c.name: c.categories for c in other.contacts()}
    panel.bulk.apply_button.click()
    assert STALE in panel.bulk.status.text.replace("&#x27;", "'")
    assert panel.bulk.undo_button.disabled  # the earlier change belonged to the old list
    assert {c.name: c.categories for c in wb.contacts()} == maya  # nobody was changed
