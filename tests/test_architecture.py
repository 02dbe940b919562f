"""Layering rules from DESIGN.md, and the curated public API."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import infoview_lib

PACKAGE = Path(infoview_lib.__file__).parent
GUI_MODULES = {"ipywidgets", "IPython"}


def imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_nothing_outside_ui_imports_widgets():
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts and imported_top_modules(path) & GUI_MODULES
    ]
    assert offenders == []


def test_importing_the_library_stays_light():
    code = ("import sys, infoview_lib, infoview_lib.cli; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_api_is_curated():
    """__all__ lists exactly the public names the package's __init__ imports or defines
    (submodules are not API), and each exists."""
    import types

    public = {name for name, value in vars(infoview_lib).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)}
    assert sorted(public | {"__version__"}) == sorted(infoview_lib.__all__)
    assert len(set(infoview_lib.__all__)) == len(infoview_lib.__all__)


def test_every_exception_is_an_infoview_error():
    for name in infoview_lib.__all__:
        obj = getattr(infoview_lib, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, infoview_lib.InfoviewError)


def test_modules_stay_small():
    big = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
           if len(p.read_text(encoding="utf-8").splitlines()) > 450]
    assert big == []


def _package_imports() -> dict[str, set[str]]:
    """Every module of the package -> the package modules it imports, at top level or inside
    functions (so a local import cannot hide a circle)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        module = ".".join(["infoview_lib", *(parts[:-1] if is_init else parts)])
        package = module.split(".") if is_init else module.split(".")[:-1]
        found = graph.setdefault(module, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = ".".join(package[: len(package) - node.level + 1]
                                + ([node.module] if node.module else []))
                found |= ({base} if node.module else {f"{base}.{a.name}" for a in node.names})
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""])
                found |= {n for n in names if n.startswith("infoview_lib")}
    known = set(graph)
    return {m: {t if t in known else t.rsplit(".", 1)[0] for t in ts} & known
            for m, ts in graph.items()}


def test_no_import_circles():
    import networkx as nx

    graph = nx.DiGraph([(a, b) for a, targets in _package_imports().items() for b in targets
                        if a != b and not b.startswith(a + ".")])  # a package may import its own modules
    assert [c for c in nx.simple_cycles(graph) if len(c) > 1] == []


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_layers_only_import_downward():
    wrong = []
    for module, targets in _package_imports().items():
        for target in targets:
            if _part(module) == "workbook" and _part(target) not in ("workbook", ""):
                wrong.append(f"{module} -> {target} (workbook/ imports nothing above it)")
            if _part(target) == "ui" and _part(module) != "ui":
                wrong.append(f"{module} -> {target} (only ui/ imports ui/)")
            if _part(target) == "cli" and _part(module) not in ("cli", "__main__"):
                wrong.append(f"{module} -> {target} (only cli/ imports cli/)")
    assert wrong == []


def test_every_import_inside_a_function_says_why():
    """An import placed inside a function keeps a heavy library off a path (or waits for
    one); its line says which, so a reader can tell it from one hiding an import circle."""
    silent = []
    for path in PACKAGE.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for func in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                silent += [f"{path.relative_to(PACKAGE)}:{node.lineno}" for node in ast.walk(func)
                           if isinstance(node, (ast.Import, ast.ImportFrom))
                           and "#" not in lines[node.lineno - 1]]
    assert silent == []
