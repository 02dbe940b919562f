"""The job words the checker and step 0's profile check share."""

from __future__ import annotations

from infoview_lib.outreach.words import job_words
from infoview_lib.ui.start_html import saved_message
from infoview_lib.workbook.profile import Profile


def test_job_words_are_found_once_each_and_plain_curiosity_is_not():
    assert job_words("Any JOB, jobs or an internship; a job please") == ["internship", "job",
                                                                         "jobs"]
    assert job_words("I'd love to hear what your role at Northwind is like.") == []


def test_saving_a_profile_says_what_is_left_to_fix():
    kind, text = saved_message(Profile(name="Maya", introduction="applying for roles in solar"))
    assert kind == "warn" and "applying, roles" in text
    kind, text = saved_message(Profile(name="Maya"))
    assert kind == "warn" and "Still missing" in text
    assert saved_message(Profile(name="Maya", introduction="a student exploring solar")) == (
        "ok", "Saved. Your drafts are now written as Maya.")
