"""The start panel without a browser: load a persona, start blank, confirm before replacing."""

from __future__ import annotations

from infoview_lib.ui.start import StartPanel
from infoview_lib.workbook.model import Contact


def test_load_persona_fills_workbook_and_progress(wb):
    panel = StartPanel(wb, check_environment=False)
    assert "0 people listed" in panel.progress.value
    panel.persona.value = "maya"
    panel.load_button.click()
    assert len(wb.contacts()) > 40
    assert "Loaded maya" in panel.status.text
    assert f"{len(wb.contacts())} people listed" in panel.progress.value


def test_replacing_a_real_list_needs_the_tick_and_backs_up(wb):
    wb.add(Contact(first_name="My", last_name="Friend"))
    panel = StartPanel(wb, check_environment=False)
    panel.persona.value = "daniel"
    panel.load_button.click()
    assert [c.name for c in wb.contacts()] == ["My Friend"]
    assert "Tick the box" in panel.status.text
    panel.replace.value = True
    panel.load_button.click()
    assert "My Friend" not in [c.name for c in wb.contacts()]
    assert list(wb.backups_dir.glob("*.restore.sqlite"))
    assert panel.replace.value is False


def test_start_blank_empties_after_confirmation(maya):
    panel = StartPanel(maya, check_environment=False)
    panel.blank_button.click()
    assert maya.contacts() != []
    panel.replace.value = True
    panel.blank_button.click()
    assert maya.contacts() == [] and "empty and ready" in panel.status.text


def test_environment_check_is_shown(wb):
    panel = StartPanel(wb)
    html = "".join(c.value for c in panel.widget.children if isinstance(getattr(c, "value", None), str))
    assert "Environment check" in html and "checks passed" in html


def test_environment_problems_show_their_fix(monkeypatch):
    from infoview_lib.classroom.doctor import Check
    from infoview_lib.ui import start

    monkeypatch.setattr(start, "run_checks_apart", lambda: [
        Check("Python", True, "3.11"), Check("ipywidgets", False, "not installed", "pip install x")])
    html = start.checks_html()
    assert "ipywidgets" in html and "pip install x" in html and "Python" not in html


def test_progress_aim_comes_from_the_protocol(wb, monkeypatch):
    import dataclasses

    from infoview_lib import steps as progress
    from infoview_lib.classroom.protocol import current_protocol

    changed = dataclasses.replace(current_protocol(), list_aim=30, list_stretch=60)
    monkeypatch.setattr(progress, "current_protocol", lambda: changed)
    wb.add(Contact(first_name="Ada"))
    detail = StartPanel(wb, check_environment=False).progress.value
    assert "1 person listed (aim for 30, stretch to 60)" in detail


# -- who you are ----------------------------------------------------------------------
def test_blank_workbook_asks_who_you_are_and_saves_it_once(wb):
    from infoview_lib.outreach import draft_for
    from infoview_lib.workbook.profile import get_profile

    panel = StartPanel(wb, check_environment=False)
    assert "Tell us who you are." in panel.profile_prompt.value
    assert "your name and a one-line introduction" in panel.profile_prompt.value
    panel.profile["name"].value = "Sam Lee"
    panel.save_profile_button.click()
    assert "Still missing: a one-line introduction" in panel.profile_status.text
    panel.profile["name"].value = "Sam Lee"
    panel.profile["introduction"].value = "I'm a final-year history student."
    panel.profile["email"].value = "sam@example.org"
    panel.save_profile_button.click()
    assert "written as Sam Lee" in panel.profile_status.text
    assert panel.profile["introduction"].value == "a final-year history student"
    assert "Tell us who you are" not in panel.profile_prompt.value
    ada = wb.add(Contact(first_name="Ada", categories=["friend"]))
    draft = draft_for(wb, ada, "email")[0]
    assert "I'm Sam, a final-year history student." in draft.body
    assert draft.body.endswith("Sam Lee\nsam@example.org")
    again = StartPanel(wb, check_environment=False)          # editable later: shown again
    assert again.profile["email"].value == "sam@example.org"
    assert get_profile(wb).name == "Sam Lee"


def test_a_bad_value_is_explained_next_to_the_form(wb):
    panel = StartPanel(wb, check_environment=False)
    panel.profile["email"].value = "not-an-address"
    panel.save_profile_button.click()
    assert "not an e-mail address" in panel.profile_status.text
    assert panel.status.text == ""          # the message is by the form, not far above
    assert not panel.save_profile_button.disabled


def test_job_talk_in_the_introduction_is_flagged(wb):
    panel = StartPanel(wb, check_environment=False)
    panel.profile["name"].value = "Amara N"
    panel.profile["introduction"].value = "graduate seeking solar and storage roles"
    panel.save_profile_button.click()
    assert "mentions roles" in panel.profile_status.text and "step 3" in panel.profile_status.text


def test_a_persona_fills_the_form_and_blank_clears_it(wb):
    panel = StartPanel(wb, check_environment=False)
    panel.persona.value = "amara"
    panel.load_button.click()
    assert panel.profile["name"].value == "Amara Nwachukwu"
    assert panel.profile["programme"].value.startswith("MSc Sustainable Energy")
    assert "written as <b>Amara Nwachukwu</b>" in panel.profile_prompt.value
    panel.replace.value = True
    panel.blank_button.click()
    assert panel.profile["name"].value == "" and "Tell us who you are" in panel.profile_prompt.value


def test_typed_profile_survives_a_change_made_in_another_notebook(wb):
    from infoview_lib.workbook.store import open_workbook

    panel = StartPanel(wb, check_environment=False)
    panel.profile["name"].value = "Sam Lee"
    panel.profile["introduction"].value = "a history student"
    with open_workbook(wb.path) as other:           # step 1 open in another tab adds someone
        other.add(Contact(first_name="Ada"))
    panel.save_profile_button.click()                # the panel catches up first ...
    assert "changed in another notebook" in panel.profile_status.text
    assert panel.profile["name"].value == "Sam Lee"  # ... and keeps what was typed
    assert "1 person listed" in panel.progress.value
    panel.save_profile_button.click()
    assert "written as Sam Lee" in panel.profile_status.text
