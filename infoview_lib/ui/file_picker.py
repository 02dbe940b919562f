"""A file-choosing button whose label is only what we give it (step 1's contacts import).

Why: ipywidgets' FileUpload always writes the number of files it holds after its label, so a
newcomer saw "Import contacts (0)" and read it as "you have no contacts". FilePicker is a plain
<button> that opens the browser's file chooser; its label is `description` and nothing else.
While the chosen files are read it says "Reading <name>…"; the files then arrive in `value`
exactly as a FileUpload's would (a tuple of dicts with name, type, size, last_modified and the
bytes in content), so code and tests written for FileUpload (`set_state({"value": ...})`,
`observe(..., names="value")`, `value = ()` to empty it) work unchanged.

The CSS hook given as `css` is on the <button> itself (`button.iv-upload`).

Example (no browser: a file arrives as the browser would send it):
    >>> picker = FilePicker("Choose a contacts file…", "iv-upload", accept=".csv")
    >>> seen = []
    >>> picker.observe(lambda change: seen.append(change["new"][0]["name"]), names="value")
    >>> picker.set_state({"value": [{"name": "c.csv", "type": "text/csv", "size": 3,
    ...                              "content": memoryview(b"a,b"), "last_modified": 0}]})
    >>> seen, bytes(picker.value[0]["content"])
    (['c.csv'], b'a,b')
"""

from __future__ import annotations

import anywidget
import traitlets

ESM = r"""
function render({ model, el }) {
  const button = document.createElement("button");
  const input = document.createElement("input");
  input.type = "file";
  input.style.display = "none";
  let reading = "";  // said while the browser reads the chosen files
  const update = () => {
    button.className = ["jupyter-widgets", "jupyter-button", "widget-button",
      ...(model.get("_dom_classes") || [])].join(" ");
    button.textContent = reading || model.get("description");
    button.title = model.get("tooltip") || button.textContent;  // the whole label, if cut short
    button.disabled = model.get("disabled") || Boolean(reading);
    input.accept = model.get("accept");
    input.multiple = model.get("multiple");
  };
  update();
  for (const name of ["description", "tooltip", "disabled", "accept", "multiple", "_dom_classes"]) {
    model.on("change:" + name, update);
  }
  model.on("change:value", () => {
    if (!(model.get("value") || []).length) { reading = ""; update(); }  // the kernel is done
  });
  button.addEventListener("click", (event) => {
    event.preventDefault();
    input.value = "";  // the same file chosen again is read again
    input.click();
  });
  input.addEventListener("change", () => {
    const files = Array.from(input.files || []);
    if (!files.length) return;
    reading = "Reading " + files.map((f) => f.name).join(", ") + "…";
    update();
    Promise.all(files.map((f) => f.arrayBuffer().then((content) => ({
      content, name: f.name, type: f.type, size: f.size, last_modified: f.lastModified }))))
      .then((value) => { model.set("value", value); model.save_changes(); })
      .catch((err) => {
        console.error("infoview: could not read the chosen file", err);
        reading = ""; update();
      });
  });
  el.classList.add("iv-file-picker");
  el.append(button, input);
}
export default { render };
"""

CSS = """
.iv-file-picker { display: inline-flex; box-sizing: border-box; max-width: 100%;
  margin: var(--jp-widgets-margin, 2px); }
.iv-file-picker > button { margin: 0; width: auto; max-width: 32em; min-width: 12em;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
"""  # a long file name is cut with "…"; the button's title holds the whole label


class FilePicker(anywidget.AnyWidget):
    """A button that opens the file chooser; the files land in `value` (see the module text)."""

    _esm = ESM
    _css = CSS
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    accept = traitlets.Unicode("").tag(sync=True)
    multiple = traitlets.Bool(False).tag(sync=True)
    value = traitlets.Tuple().tag(sync=True)

    def __init__(self, description: str, css: str, accept: str = "", multiple: bool = False):
        super().__init__(description=description, accept=accept, multiple=multiple)
        self.add_class(css)
