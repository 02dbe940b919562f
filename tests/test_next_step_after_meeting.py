"""Step 6's next step does not send you to pick questions for a conversation that already
happened (the walk showed "Pick 5 to 10 questions in step 4." after the thank-you)."""

from __future__ import annotations

from datetime import datetime, timezone

from infoview_lib.followthrough import mark_thank_you_sent, next_step, save_debrief
from infoview_lib.meetings.schedule import save_meeting
from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.targets import add_target
from infoview_lib.workbook.model import Contact

UTC = timezone.utc


def test_after_the_only_meeting_the_next_step_is_the_next_person(wb):
    ada = wb.add(Contact(first_name="Ada"))
    add_target(wb, "Solar energy")
    set_status(wb, outreach_for(wb, ada.id).id, "sent", on="2025-07-01")
    upcoming = save_meeting(wb, ada.id, "2025-07-14", "10:00", "Europe/London")
    before = datetime(2025, 7, 10, tzinfo=UTC)
    assert next_step(wb, before) == "Pick 5 to 10 questions in step 4."  # still useful
    after = datetime(2025, 7, 20, tzinfo=UTC)
    mark_thank_you_sent(wb, upcoming.id, datetime(2025, 7, 14, 12, tzinfo=UTC))
    save_debrief(wb, upcoming.id, learned="A lot.", specific="surveys", use="apply it",
                 still_interested="yes")
    assert "step 4" not in next_step(wb, after)
