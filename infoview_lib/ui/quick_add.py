"""Step 1's quick-add form: name, organization, job title and part of life, sent to the
kernel together with the click (or Enter) in one message.

Why a form of its own: ipywidgets sends each text box's value on its own and holds a value
back while the kernel is busy, but sends a button's click at once, so a fast click could
reach the kernel before the last letters typed (the person was added without them, or the
held-back text merged into the next person). Here the typed text travels with the click and
the boxes empty at once, ready for the next person; if the kernel does not add that person
(no name, a duplicate, the workbook changed in another notebook) it sends the text back, and
the boxes get it again unless the user has already started typing someone else.

CSS hooks (the same as ipywidgets boxes had): `.iv-name input`, `.iv-org input`,
`.iv-title input`, `.iv-category select`, `button.iv-add`, `.iv-add-anyway input`.

Example (no browser: submit() is what a click sends):
    >>> got = []
    >>> form = QuickAddForm([("(no category)", ""), ("family", "family")], got.append)
    >>> form.submit(name="Ada Example", category="family")
    >>> got[0]["name"], got[0]["category"], got[0]["anyway"]
    ('Ada Example', 'family', False)
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
import traitlets

FIELDS = ("name", "organization", "title", "category")

ESM = r"""
function box(cls, placeholder, width) {
  const wrap = document.createElement("div");
  wrap.className = cls;
  const input = document.createElement("input");
  input.type = "text";
  input.placeholder = placeholder;
  input.setAttribute("aria-label", placeholder);
  input.style.width = width;
  wrap.appendChild(input);
  return [wrap, input];
}

function render({ model, el }) {
  el.classList.add("iv-quick-add");
  const [nameBox, name] = box("iv-name", "Name, e.g. Ada Example (Enter adds)", "21em");
  const [orgBox, org] = box("iv-org", "Organization (optional)", "16em");
  const [titleBox, title] = box("iv-title", "Job title (optional)", "16em");
  const catBox = document.createElement("div");
  catBox.className = "iv-category";
  const select = document.createElement("select");
  select.setAttribute("aria-label", "Part of life");
  catBox.appendChild(select);
  const fillOptions = () => {
    select.textContent = "";
    for (const [label, value] of model.get("categories")) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label;
      select.appendChild(option);
    }
    select.value = model.get("category");
  };
  fillOptions();
  model.on("change:categories", fillOptions);
  model.on("change:category", () => { select.value = model.get("category"); });
  select.addEventListener("change", () => {
    model.set("category", select.value);  // the part of life a pasted list gets, too
    model.save_changes();
  });

  const add = document.createElement("button");
  add.className = "iv-add jupyter-button mod-primary";
  add.textContent = "Add";
  const anywayBox = document.createElement("label");
  anywayBox.className = "iv-add-anyway";
  const anyway = document.createElement("input");
  anyway.type = "checkbox";
  anywayBox.append(anyway, " add anyway (same name, another person)");

  const submit = () => {
    model.send({ event: "add", fields: {
      name: name.value, organization: org.value, title: title.value,
      category: select.value, anyway: anyway.checked } });
    name.value = org.value = title.value = "";
    anyway.checked = false;
    name.focus();
  };
  add.addEventListener("click", submit);
  for (const input of [name, org, title]) {
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); submit(); }
    });
  }
  model.on("msg:custom", (msg) => {
    if (!msg || msg.event !== "refused") return;
    if (name.value || org.value || title.value) return;  // already typing the next person
    const sent = msg.fields;
    name.value = sent.name; org.value = sent.organization; title.value = sent.title;
    anyway.checked = !!sent.anyway;
  });

  const row1 = document.createElement("div");
  row1.className = "iv-qa-row";
  row1.append(nameBox, orgBox, titleBox, catBox);
  const row2 = document.createElement("div");
  row2.className = "iv-qa-row";
  row2.append(add, anywayBox);
  el.append(row1, row2);
}
export default { render };
"""

CSS = """
.iv-quick-add .iv-qa-row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px;
  margin: 2px 0; }
.iv-quick-add input[type=text], .iv-quick-add select { height: 28px; box-sizing: border-box;
  padding: 2px 6px; font-size: var(--jp-widgets-font-size, 13px);
  border: 1px solid var(--jp-border-color1, #bdbdbd); background: var(--jp-layout-color1, #fff);
  color: var(--jp-ui-font-color1, #000); }
.iv-quick-add .iv-category select { width: 12em; }
.iv-quick-add button.iv-add { min-width: 6em; height: 28px; }
.iv-quick-add .iv-add-anyway { font-size: var(--jp-widgets-font-size, 13px); margin-left: 8px; }
"""


class QuickAddForm(anywidget.AnyWidget):
    """The add-one-person boxes and button; calls `on_add(fields)` with what was typed."""

    _esm = ESM
    _css = CSS
    categories = traitlets.List().tag(sync=True)   # [label, value] pairs
    category = traitlets.Unicode("").tag(sync=True)  # the part of life picked by the prompt

    def __init__(self, categories: list[tuple[str, str]], on_add: Callable[[dict], None]):
        super().__init__(categories=[list(c) for c in categories])
        self._on_add = on_add
        self.on_msg(self._message)

    def _message(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("event") == "add":
            fields = content.get("fields") or {}
            self._on_add(clean_fields(fields))

    def submit(self, name: str = "", organization: str = "", title: str = "",
               category: str | None = None, anyway: bool = False) -> None:
        """What a click on Add (or Enter) sends, for tests and scripts."""
        self._message(self, {"event": "add", "fields": {
            "name": name, "organization": organization, "title": title,
            "category": self.category if category is None else category,
            "anyway": anyway}}, [])

    def refused(self, fields: dict) -> None:
        """Tell the browser that `fields` were not added: it puts the text back in the boxes
        (unless the user has begun typing the next person)."""
        self.send({"event": "refused", "fields": {
            **{k: fields.get(k, "") for k in FIELDS}, "anyway": bool(fields.get("anyway"))}})


def clean_fields(fields: dict) -> dict:
    """The form's message as plain strings (and a bool), whatever the browser sent.

    >>> clean_fields({"name": " Ada ", "anyway": 1, "extra": "x"})
    {'name': ' Ada ', 'organization': '', 'title': '', 'category': '', 'anyway': True}
    """
    out = {k: str(fields.get(k) or "") for k in FIELDS}
    out["anyway"] = bool(fields.get("anyway"))
    return out
