"""The examples in the library's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import infoview_lib

MODULES = sorted(m.name for m in pkgutil.walk_packages(infoview_lib.__path__, "infoview_lib."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, tmp_path, monkeypatch):
    monkeypatch.setenv("INFOVIEW_WORKBOOK", str(tmp_path / "w.sqlite"))
    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_most_modules_show_an_example():
    with_examples = [n for n in MODULES
                     if ">>>" in (importlib.import_module(n).__doc__ or "")
                     or any(">>>" in (getattr(obj, "__doc__", "") or "")
                            for obj in vars(importlib.import_module(n)).values())]
    assert len(with_examples) >= len(MODULES) * 0.6
