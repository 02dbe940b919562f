"""TypedBoxes (ui/typed_boxes.py): every save-as-you-type panel hands its picker and its boxes
to one, kept up to date when boxes are made anew; and its browser code, run in Node with
stand-in models, sends held-back typing before a picker change the user made, and drops it
when the kernel moved the picker to someone else."""

from __future__ import annotations

import json
import shutil
import subprocess

import ipywidgets as w
import pytest

from infoview_lib.meetings.schedule import save_meeting
from infoview_lib.questions import load_bank, pick
from infoview_lib.ui.followthrough import FollowThroughPanel
from infoview_lib.ui.meeting import MeetingPanel
from infoview_lib.ui.outreach import OutreachPanel
from infoview_lib.ui.person_details import DETAIL_FIELDS
from infoview_lib.ui.questions import QuestionsPanel
from infoview_lib.ui.typed_boxes import ESM, TypedBoxes
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.model import Contact


def people(wb, *names):
    return [wb.add(Contact(first_name=first, last_name=last))
            for first, last in (n.split() for n in names)]


def test_step1_details_belong_to_the_person_picker(wb):
    people(wb, "Ada Lovelace", "Alan Turing")
    panel = WhoYouKnowPanel(wb)
    assert panel.typed_details.owner is panel.person
    assert panel.typed_details.boxes == list(DETAIL_FIELDS(panel))


def test_step3_parts_referrer_and_length_belong_to_the_contact_picker(wb):
    people(wb, "Ada Lovelace", "Alan Turing")
    panel = OutreachPanel(wb)
    assert panel.typed_parts.owner is panel.contact
    assert panel.typed_parts.boxes == [*panel.parts.values(), panel.referrer, panel.minutes]


def test_step4_wording_ticks_and_length_follow_the_rows_shown(wb):
    ada, _ = people(wb, "Ada Lovelace", "Alan Turing")
    panel = QuestionsPanel(wb, contact_id=ada.id)
    assert panel.typed.owner is panel.contact
    first = next(q for q in panel._checks)
    panel._checks[first].value = True  # a new row, with its own wording box
    wording = [b for row in panel.picked_box.children for b in getattr(row, "children", ())
               if "iv-edit-question" in b._dom_classes]
    assert wording and set(wording) <= set(panel.typed.boxes)
    assert panel.length in panel.typed.boxes
    assert set(panel._checks.values()) <= set(panel.typed.boxes)


def test_step5_meeting_fields_and_checklist_belong_to_the_person_picker(wb):
    people(wb, "Ada Lovelace", "Alan Turing")
    panel = MeetingPanel(wb)
    assert panel.typed.owner is panel.contact
    assert set(panel.typed.boxes) == {panel.date, panel.time, panel.tz, panel.place,
                                      panel.video, panel.minutes, panel.override,
                                      *panel.checks.values()}


def test_step6_debrief_boxes_follow_the_meeting_picked(wb):
    ada, alan = people(wb, "Ada Lovelace", "Alan Turing")
    pick(wb, next(q for q in load_bank() if q.id == "bg-path"), ada.id)
    first = save_meeting(wb, ada.id, "2025-07-14", "15:00", "Europe/London")
    save_meeting(wb, alan.id, "2025-07-15", "15:00", "Europe/London")
    panel = FollowThroughPanel(wb)
    panel.meeting.value = first.id
    answers = [row.children[1] for row in panel.answers_box.children]
    assert answers, "Ada's meeting has a question to take notes on"
    assert panel.typed.owner is panel.meeting
    assert panel.typed.boxes == [panel.learned, panel.specific, panel.use, panel.interested,
                                 panel.email, panel.card, *answers]


def test_boxes_are_sent_as_widget_references():
    picker, notes = w.Dropdown(options=["A", "B"]), w.Textarea()
    typed = TypedBoxes(picker, [notes])
    state = typed.get_state()
    assert state["owner"] == f"IPY_MODEL_{picker.model_id}"
    assert state["boxes"] == [f"IPY_MODEL_{notes.model_id}"]
    assert typed.layout.display == "none"
    assert state["choice"] == "'A'"
    picker.value = "B"  # whom the kernel shows travels with it
    assert typed.choice == "'B'"


DRIVER = r"""
import { initialize } from "./typed_boxes.mjs";
const sent = [];
class Model {
  constructor(id, attrs) {
    Object.assign(this, { model_id: id, attrs, handlers: [], _msg_buffer: null,
      _msg_buffer_callbacks: null, _pending_msgs: 0, _state_lock: null });
  }
  get(key) { return this.attrs[key]; }
  on(events, callback, context) {
    for (const name of events.split(" ")) this.handlers.push([name, callback, context]);
  }
  off(_name, _callback, context) { this.handlers = this.handlers.filter((h) => h[2] !== context); }
  set(changes) {  // as Backbone does: store everything, then change:<key> events, then change
    Object.assign(this.attrs, changes);
    const names = [...Object.keys(changes).map((key) => "change:" + key), "change"];
    for (const name of names)
      for (const [event, callback] of this.handlers) if (event === name) callback(this);
  }
  fromKernel(changes) { this._state_lock = changes; this.set(changes); this._state_lock = null; }
  typed(value) {  // a text view: set, then the value is held back while the kernel is busy
    this.set({ value });
    this._msg_buffer = { value };
  }
  send_sync_message(state) { sent.push([this.model_id, state]); this._pending_msgs++; return "m" + sent.length; }
  rememberLastUpdateFor(id) { this.remembered = id; }
  _handle_status() {  // ipywidgets: the kernel answered; send what was held back
    this._pending_msgs--;
    if (this._msg_buffer !== null && this._pending_msgs < 1) {
      this.rememberLastUpdateFor(this.send_sync_message(this._msg_buffer));
      this._msg_buffer = null;
    }
  }
}
const idle = { content: { execution_state: "idle" } };
const picker = new Model("picker", { index: 0 });
const notes = new Model("notes", { value: "" });
const widget = new Model("typed", { owner: "IPY_MODEL_picker", boxes: ["IPY_MODEL_notes"],
                                    choice: "1" });
const all = { picker, notes };
widget.widget_manager = { get_model: (id) => Promise.resolve(all[id]) };
initialize({ model: widget });
await new Promise((done) => setTimeout(done, 0));
const result = {};

// 1. typed for person 1, held back; the user picks person 2: the notes go first, then the pick
notes._pending_msgs = 1;
notes.typed("Met at the fair");
picker.set({ index: 1 });
picker.send_sync_message({ index: 1 });  // what the Dropdown does right after set()
result.user = { sent: sent.splice(0), held: notes._msg_buffer, pending: notes._pending_msgs,
                remembered: notes.remembered };
picker._pending_msgs = 0;
widget.fromKernel({ choice: "2" });
notes._pending_msgs = 1;

// 2. typed for 2, held back; the kernel shows 3 (the panel caught up with another notebook)
notes.typed("typed for 2");
widget.fromKernel({ choice: "3" });
picker.fromKernel({ index: 2 });
notes._handle_status(idle);
result.kernel_other = { sent: sent.splice(0), held: notes._msg_buffer };
notes._pending_msgs = 1;

// 3. typed for 3; the kernel refills the list and shows 3 again (e.g. a new organisation)
notes.typed("typed for 3");
widget.fromKernel({ choice: "1" });
widget.fromKernel({ choice: "3" });
notes._handle_status(idle);
result.kernel_same = { sent: sent.splice(0), held: notes._msg_buffer };
notes._pending_msgs = 1;

// 4. typed while the user's own pick is still on its way: it is for that pick, kept
picker._pending_msgs = 1;
notes.typed("typed after picking");
widget.fromKernel({ choice: "4" });
notes._handle_status(idle);
result.after_pick = { sent: sent.splice(0), held: notes._msg_buffer };
console.log(JSON.stringify(result));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the browser code")
def test_browser_code_sends_held_typing_before_a_user_pick_and_drops_it_on_a_kernel_move(
        tmp_path):
    (tmp_path / "typed_boxes.mjs").write_text(ESM)
    (tmp_path / "driver.mjs").write_text(DRIVER)
    out = subprocess.run(["node", str(tmp_path / "driver.mjs")], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    result = json.loads(out)
    assert result["user"] == {"sent": [["notes", {"value": "Met at the fair"}],
                                       ["picker", {"index": 1}]],
                              "held": None, "pending": 2, "remembered": "m1"}
    assert result["kernel_other"] == {"sent": [], "held": None}
    assert result["kernel_same"] == {"sent": [["notes", {"value": "typed for 3"}]], "held": None}
    assert result["after_pick"] == {"sent": [["notes", {"value": "typed after picking"}]],
                                    "held": None}
