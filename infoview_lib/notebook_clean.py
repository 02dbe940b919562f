"""Keep the workbook's notebooks as they were committed, however they are used.

Your answers live in the workbook file, never in a notebook, so the step notebooks need none
of what Jupyter would save in them: outputs (the panels), widget state, execution counts,
the kernel's version. Saving them anyway would (1) show "Error displaying widget: model not
found" the next day, when the notebook reopens with panels whose kernel is gone, and (2)
modify the tracked notebooks, so a course update (`git pull`, nbgitpuller) would not merge.

`pre_save_hook` is a Jupyter server hook that strips all that from every notebook marked
`"infoview": {"clean_on_save": true}` in its metadata (the step notebooks are) just before it
is written. `infoview lab` (so `make lab`) turns it on; on a hub, the server config in
`infoview_lib/jupyter/jupyter_server_config.json` does (docs/instructors.md).

Example:
    >>> nb = {"metadata": {"infoview": {"clean_on_save": True}, "widgets": {"x": 1},
    ...                    "language_info": {"name": "python", "version": "3.12.1"}},
    ...       "cells": [{"cell_type": "code", "execution_count": 3, "metadata": {"scrolled": True},
    ...                  "outputs": [{"output_type": "stream"}], "source": "panel"}]}
    >>> clean = clean_notebook(nb)
    >>> clean["cells"][0]["outputs"], clean["cells"][0]["execution_count"], clean["metadata"]
    ([], None, {'infoview': {'clean_on_save': True}, 'language_info': {'name': 'python'}})
"""

from __future__ import annotations

from typing import Any

MARK = "infoview"
HOOK = "infoview_lib.notebook_clean.pre_save_hook"
PYTHON3 = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
KEPT_CELL_METADATA = ("tags",)


def is_marked(nb: dict[str, Any]) -> bool:
    """True for the workbook's own notebooks (metadata infoview.clean_on_save)."""
    mark = (nb.get("metadata") or {}).get(MARK)
    return isinstance(mark, dict) and bool(mark.get("clean_on_save"))


def clean_notebook(nb: dict[str, Any]) -> dict[str, Any]:
    """Strip outputs, execution counts, widget state and run-time metadata, in place."""
    for cell in nb.get("cells", []):
        meta = cell.get("metadata") or {}
        cell["metadata"] = {k: meta[k] for k in KEPT_CELL_METADATA if k in meta}
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    meta = nb.setdefault("metadata", {})
    meta.pop("widgets", None)
    language = meta.get("language_info") or {}
    meta["language_info"] = {"name": language.get("name", "python")}
    if (meta.get("kernelspec") or {}).get("name") == PYTHON3["name"]:
        meta["kernelspec"] = dict(PYTHON3)   # whatever the local kernel calls itself
    return nb


def pre_save_hook(model: dict[str, Any], path: str = "", contents_manager=None,
                  **kwargs) -> None:
    """Jupyter server ContentsManager.pre_save_hook: clean a marked notebook before it is saved.

    >>> model = {"type": "notebook", "content": {"metadata": {"infoview": {"clean_on_save": 1}},
    ...          "cells": [{"cell_type": "code", "outputs": [1], "execution_count": 1,
    ...                     "metadata": {}, "source": ""}]}}
    >>> pre_save_hook(model, "notebooks/01_who_you_know.ipynb")
    >>> model["content"]["cells"][0]["outputs"]
    []
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    if is_marked(model["content"]):
        clean_notebook(model["content"])


def server_options() -> list[str]:
    """The `jupyter lab` options that turn the hook on.

    >>> server_options()
    ['--ContentsManager.pre_save_hook=infoview_lib.notebook_clean.pre_save_hook']
    """
    return [f"--ContentsManager.pre_save_hook={HOOK}"]
