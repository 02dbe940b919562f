"""A button that sends its form's values with the click, so a fast click never loses text.

Why: ipywidgets sends a text box's value on its own and, while the kernel is still busy with
the previous keystroke, holds the newest value back; a Button's click goes at once. Typing
"Northwind Solar" and clicking at once could save "Northwind Sola", and the held-back
value, arriving after the form was emptied, put the old text back into the empty form.
FormButton looks like a Button (description, button_style, disabled, on_click, click) and is
given the boxes of its form (`fields`: Text, Textarea, Dropdown, RadioButtons, Checkbox...).
On a click the browser reads what each box holds now and sends it with the click in one
message (and drops the held-back copies); the kernel puts those values into the boxes, then
calls the handlers. Step 1's quick add (ui/quick_add.py) does the same with its own boxes.

The CSS hook given as `css` is on the <button> itself (`button.iv-save-profile`).

Example (no browser: the message a click sends, then what the handler saw):
    >>> import ipywidgets as w
    >>> name = w.Text(value="Northwind Sola")
    >>> save = FormButton("Save", "iv-save", fields=[name])
    >>> seen = []
    >>> save.on_click(lambda _: seen.append(name.value))
    >>> save.receive({name.model_id: {"value": "Northwind Solar"}})
    >>> seen
    ['Northwind Solar']
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

import anywidget
import ipywidgets as w
import traitlets

ESM = r"""
const PREFIX = "IPY_MODEL_";

function render({ model, el }) {
  const button = document.createElement("button");
  let fields = [];
  const resolve = () => {
    const refs = model.get("fields") || [];
    Promise.all(refs.map((ref) => model.widget_manager.get_model(ref.slice(PREFIX.length))))
      .then((models) => { fields = models; });
  };
  const update = () => {
    const style = model.get("button_style");
    button.className = ["jupyter-widgets", "jupyter-button", "widget-button",
      ...(style ? ["mod-" + style] : []), ...(model.get("_dom_classes") || [])].join(" ");
    button.textContent = model.get("description");
    button.disabled = model.get("disabled");
    button.title = model.get("tooltip") || "";
  };
  update();
  resolve();
  model.on("change:fields", resolve);
  for (const name of ["description", "button_style", "disabled", "tooltip", "_dom_classes"]) {
    model.on("change:" + name, update);
  }
  button.addEventListener("click", (event) => {
    event.preventDefault();
    if (model.get("disabled")) return;
    const values = {};
    for (const field of fields) {
      const key = field.get("index") !== undefined ? "index" : "value";
      const serializer = (field.constructor.serializers || {})[key];  // e.g. a date picker's
      const value = serializer && serializer.serialize
        ? serializer.serialize(field.get(key), field) : field.get(key);
      values[field.model_id] = { [key]: value };
      const held = field._msg_buffer;  // a newer value waiting for the kernel: it goes now
      if (held && Object.prototype.hasOwnProperty.call(held, key)) {
        delete held[key];
        if (Object.keys(held).length === 0) {
          field._msg_buffer = null;
          field._msg_buffer_callbacks = null;
        }
      }
    }
    model.send({ event: "click", values });
  });
  el.classList.add("iv-form-button");
  el.appendChild(button);
}
export default { render };
"""

CSS = """
.iv-form-button { display: inline-flex; box-sizing: border-box;
  width: var(--jp-widgets-inline-width-short, 148px); margin: var(--jp-widgets-margin, 2px); }
.iv-form-button > button { margin: 0; width: 100%; min-width: 0; }
"""  # the width a layout gives (e.g. "auto": as wide as the label) is the button's too


class FormButton(anywidget.AnyWidget):
    """A Button whose click carries the current values of `fields` (see the module text)."""

    _esm = ESM
    _css = CSS
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    button_style = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    fields = traitlets.List(traitlets.Instance(w.Widget)).tag(sync=True, **w.widget_serialization)

    def __init__(self, description: str, css: str, style: str = "",
                 fields: list[w.Widget] | tuple = ()):
        super().__init__(description=description, button_style=style, fields=list(fields))
        self.add_class(css)
        self._handlers: list[Callable[[FormButton], None]] = []
        # a panel whose boxes save on every change can hold that back while a click fills them
        self.while_filling: Callable[[], AbstractContextManager] = nullcontext
        self.on_msg(self._message)

    def on_click(self, handler: Callable[[FormButton], None]) -> None:
        """Call handler(button) on every click, after the boxes hold what was typed."""
        self._handlers.append(handler)

    def click(self) -> None:
        """What a click does, with the boxes as they are (for tests and scripts)."""
        for handler in list(self._handlers):
            handler(self)

    def receive(self, values: dict) -> None:
        """A click from the browser: put each box's value in place, then click."""
        if self.disabled:
            return
        with self.while_filling():
            apply_values(self.fields, values)
        self.click()

    def _message(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("event") == "click":
            values = content.get("values")
            self.receive(values if isinstance(values, dict) else {})


def apply_values(fields: list[w.Widget], values: dict) -> None:
    """Set each field to the value (or, for a choice, the index) the browser sent; fields
    the message does not mention, and values a field refuses, are left as they are.

    >>> kind = w.Dropdown(options=["field", "company"])
    >>> apply_values([kind], {kind.model_id: {"index": 1}, "elsewhere": {"value": "x"}})
    >>> kind.value
    'company'
    >>> day = w.DatePicker()
    >>> apply_values([day], {day.model_id: {"value": {"year": 2026, "month": 11, "date": 9}}})
    >>> day.value
    datetime.date(2026, 12, 9)
    """
    for field in fields:
        sent = values.get(field.model_id)
        if not isinstance(sent, dict):
            continue
        key = "index" if "index" in sent and field.has_trait("index") else "value"
        if key not in sent or not field.has_trait(key):
            continue
        from_json = field.trait_metadata(key, "from_json")  # e.g. a DatePicker's {year, ...}
        try:
            setattr(field, key, from_json(sent[key], field) if from_json else sent[key])
        except (traitlets.TraitError, TypeError, KeyError, ValueError):
            continue  # e.g. an index past the options the kernel has now, a malformed date
