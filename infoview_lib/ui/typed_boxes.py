"""Typing that belongs to the person picked: what was typed for A is saved to A, never to B.

Why: a save-as-you-type box (step 1's details, step 3's message parts, step 5's meeting, step
6's debrief...) saves each change to "the person now picked". While the kernel is still busy
with a box's previous change, the browser holds the box's newest value back, but a picker (a
separate widget with nothing waiting) sends its change at once. Typing in A's notes and
picking B straight away then reached the kernel as "pick B" first and A's text after it: the
text was saved to B and shown in B's form.

TypedBoxes is given the picker (`owner`) and the boxes whose typing belongs to its choice.
In the browser, when the user changes the picker, it sends every box's held-back value first
(the picker's own change goes right after), so the kernel saves the text to A, then loads B.
When the kernel itself moves the picker to someone else (e.g. the panel caught up with a
change made in another notebook, or the person was deleted), a value still held back was
typed for the person shown before: just before ipywidgets would send it, it is dropped
instead of being saved to the new one. Whom the kernel shows travels as `choice` (the
picker's value, so a person whose label changed, e.g. a new organisation, is still the same
one). It takes no space on the page and works without being displayed (its browser side
starts when the widget is created).

Example (no browser: the widgets the browser side watches):
    >>> import ipywidgets as w
    >>> picker, notes = w.Dropdown(options=["A", "B"]), w.Textarea()
    >>> typed = TypedBoxes(picker, [notes])
    >>> typed.get_state()["boxes"] == ["IPY_MODEL_" + notes.model_id]
    True
    >>> typed.follow([notes, w.Text()])  # boxes made anew (e.g. one per question)
    >>> len(typed.boxes)
    2
"""

from __future__ import annotations

from collections.abc import Iterable

import anywidget
import ipywidgets as w
import traitlets

ESM = r"""
const PREFIX = "IPY_MODEL_";
const fromKernel = (m) => m._state_lock !== null && m._state_lock !== undefined;

// Send a value ipywidgets holds back while the kernel is busy, now (as its own flush does).
export function flush(box) {
  if (box._msg_buffer === null || box._msg_buffer === undefined) return false;
  const id = box.send_sync_message(box._msg_buffer, box._msg_buffer_callbacks);
  box.rememberLastUpdateFor(id);
  box._msg_buffer = null;
  box._msg_buffer_callbacks = null;
  return true;
}

export function drop(box) {
  const held = box._msg_buffer !== null && box._msg_buffer !== undefined;
  box._msg_buffer = null;
  box._msg_buffer_callbacks = null;
  return held;
}

// ipywidgets sends a held value when the kernel has answered the box's last one; just before
// that, drop it if the kernel has since shown someone else than the one it was typed for.
function guard(box) {
  if (box.__ivGuarded) return;
  box.__ivGuarded = true;
  const handle = box._handle_status;
  box._handle_status = function (msg) {
    const typed = box.__ivTypedFor;
    if (typed && typed.choice !== null && typed.choice !== typed.now()) drop(box);
    return handle.call(box, msg);
  };
}

export function initialize({ model }) {
  let owner = null;
  let boxes = [];
  let round = 0;
  const context = {};
  const now = () => model.get("choice");
  const onOwner = () => {  // the user picked: A's text goes before "pick B" (sent after this)
    if (!fromKernel(owner)) boxes.forEach(flush);
  };
  const onTyped = (box) => {  // the user typed: for whom the kernel shows, unless a pick waits
    if (fromKernel(box)) return;
    const waiting = owner !== null && owner._pending_msgs > 0;
    box.__ivTypedFor = { choice: waiting ? null : now(), now };
  };
  const resolve = () => {
    const mine = ++round;
    const get = (ref) => model.widget_manager.get_model(String(ref).slice(PREFIX.length))
      .catch(() => null);  // a box closed meanwhile
    const ownerRef = model.get("owner");
    Promise.all([ownerRef ? get(ownerRef) : null, ...(model.get("boxes") || []).map(get)])
      .then(([found, ...models]) => {
        if (mine !== round) return;  // a newer list arrived meanwhile
        for (const box of boxes) box.off(null, null, context);
        boxes = models.filter((box) => box);
        for (const box of boxes) {
          guard(box);
          box.on("change", () => onTyped(box), context);
        }
        if (found !== owner) {
          if (owner) owner.off(null, null, context);
          owner = found;
          if (owner) owner.on("change:index change:value", onOwner, context);
        }
      });
  };
  resolve();
  model.on("change:owner", resolve);
  model.on("change:boxes", resolve);
  return () => {
    if (owner) owner.off(null, null, context);
    for (const box of boxes) box.off(null, null, context);
  };
}

function render({ el }) { el.style.display = "none"; }

export default { initialize, render };
"""


class TypedBoxes(anywidget.AnyWidget):
    """Keeps the typing in `boxes` with the choice of `owner` (see the module text)."""

    _esm = ESM
    owner = traitlets.Instance(w.Widget, allow_none=True).tag(sync=True,
                                                              **w.widget_serialization)
    boxes = traitlets.List(traitlets.Instance(w.Widget)).tag(sync=True, **w.widget_serialization)
    choice = traitlets.Unicode("").tag(sync=True)  # whom the kernel shows (repr of the value)

    def __init__(self, owner: w.Widget, boxes: Iterable[w.Widget] = ()):
        super().__init__(owner=owner, boxes=list(boxes), layout=w.Layout(display="none"),
                         choice=repr(owner.value))
        owner.observe(self._chosen, names="value")

    def _chosen(self, change) -> None:
        self.choice = repr(change["new"])

    def follow(self, boxes: Iterable[w.Widget]) -> None:
        """Watch these boxes from now on (call when a panel builds its boxes anew)."""
        self.boxes = list(boxes)
