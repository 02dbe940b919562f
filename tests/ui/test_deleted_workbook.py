"""A tab left open after 'Delete my data' (in another notebook, or in this one): every action
says the workbook was deleted and how to go on, shows none of the deleted people, never says
"read-only" and never writes the old data anywhere."""

from __future__ import annotations

import html

import ipywidgets as w
import pytest

from infoview_lib.export import delete_my_data
from infoview_lib.ui.export import ExportPanel
from infoview_lib.ui.followthrough import FollowThroughPanel
from infoview_lib.ui.meeting import MeetingPanel
from infoview_lib.ui.outreach import OutreachPanel
from infoview_lib.ui.questions import QuestionsPanel
from infoview_lib.ui.targets import TargetsPanel
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.store import open_workbook

GONE = "was deleted"
RESTART = "Kernel > Restart Kernel and Run All Cells"


def shown_text(widget: w.Widget) -> str:
    """Every piece of text a widget tree shows: HTML values, box values, picker labels."""
    parts: list[str] = []
    for attr in ("value", "description", "placeholder"):
        value = getattr(widget, attr, None)
        if isinstance(value, str):
            parts.append(html.unescape(value))
    parts += [str(label) for label in getattr(widget, "_options_labels", ())]
    for child in getattr(widget, "children", ()):
        parts.append(shown_text(child))
    return "\n".join(parts)


def delete_elsewhere(wb) -> None:
    """Delete my data in another notebook: its own connection to the same file."""
    delete_my_data(open_workbook(wb.path, create=False), yes=True)


def assert_gone_message(panel, status_text: str) -> None:
    text = html.unescape(status_text)
    assert GONE in text and RESTART in text, text
    assert "read-only" not in text and "changed in another notebook" not in text


def test_step1_after_delete_elsewhere_says_deleted_and_forgets_the_people(maya):
    names = [c.name for c in maya.contacts()]
    panel = WhoYouKnowPanel(maya)
    assert names[0] in shown_text(panel.widget)
    path = maya.path
    delete_elsewhere(maya)
    for _ in range(2):  # the first and the second click both say so
        panel.quick.submit(name="Ada Example")
        assert_gone_message(panel, panel.status.text)
    shown = shown_text(panel.widget)
    assert not [n for n in names if n in shown]  # none of the deleted people in the panel
    assert not path.exists()  # nothing recreated
    assert not (path.parent / "backups").exists()  # no backup of the deleted people


def test_step1_after_delete_in_this_kernel_says_deleted(maya, tmp_path):
    """The export panel and step 1 share one workbook object (its connection closed)."""
    step1 = WhoYouKnowPanel(maya)
    export = ExportPanel(maya, exports_dir=tmp_path / "exports", notebook_dir=tmp_path)
    export.confirm.value = True
    export.delete_button.click()
    step1.quick.submit(name="Ada Example")
    assert_gone_message(step1, step1.status.text)
    assert "ProgrammingError" not in step1.status.text


def test_a_file_put_in_its_place_is_not_read_as_this_one(maya):
    """Deleted, then a new workbook made at the same path (another kernel restarted)."""
    from infoview_lib.workbook.errors import WorkbookDeleted
    from infoview_lib.workbook.model import Contact

    panel = WhoYouKnowPanel(maya)
    delete_elsewhere(maya)
    open_workbook(maya.path).close()  # the new, empty workbook
    panel.quick.submit(name="Ada Example")
    assert_gone_message(panel, panel.status.text)
    with pytest.raises(WorkbookDeleted):
        maya.add(Contact(first_name="Ada"))
    with open_workbook(maya.path) as fresh:
        assert fresh.contacts() == []  # nothing written into the new one


def _other(options):
    """A value of a picker other than the first one."""
    return [value for _, value in options][1]


@pytest.mark.parametrize("make, act", [
    (TargetsPanel, lambda p: p.remove_button.click()),
    (MeetingPanel, lambda p: p.save_button.click()),
    (OutreachPanel, lambda p: p.status_buttons["sent"].click()),
    (WhoYouKnowPanel, lambda p: setattr(p.search, "value", "a")),
    (OutreachPanel, lambda p: setattr(p.channel, "value", _other(p.channel.options))),
    (OutreachPanel, lambda p: setattr(p.contact, "value", _other(p.contact.options))),
    (QuestionsPanel, lambda p: setattr(p.contact, "value", _other(p.contact.options))),
    (MeetingPanel, lambda p: setattr(p.contact, "value", _other(p.contact.options))),
    (FollowThroughPanel, lambda p: setattr(p.learned, "value", "typed after the delete")),
])
def test_clicking_typing_or_picking_after_delete_says_deleted(maya, make, act):
    """A click, or a box or picker changed: the message shows, not an unseen error, and no
    file is made again."""
    panel = make(maya)
    names = [c.name for c in maya.contacts()]
    delete_elsewhere(maya)
    act(panel)
    assert_gone_message(panel, panel.status.text)
    shown = shown_text(panel.widget)
    assert not [n for n in names if n in shown]
    assert not maya.path.exists()
