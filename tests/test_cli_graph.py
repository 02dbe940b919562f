"""`infoview graph`: the map and the network files from the command line."""

from __future__ import annotations

import networkx as nx

from infoview_lib.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_graph_png_with_target_and_caption(capsys, tmp_path):
    wbp = str(tmp_path / "w.sqlite")
    assert run(capsys, "init", "--workbook", wbp, "--persona", "maya")[0] == 0
    out_file = tmp_path / "out" / "map.png"
    code, out, _ = run(capsys, "graph", "--workbook", wbp, "--out", str(out_file),
                       "--target", "UX research", "--dpi", "100")
    assert code == 0 and str(out_file) in out
    assert out_file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Who can point you to UX research" in (tmp_path / "out" / "map.txt").read_text()


def test_graph_svg_anonymised_and_graphml(capsys, tmp_path):
    wbp = str(tmp_path / "w.sqlite")
    run(capsys, "init", "--workbook", wbp, "--persona", "maya")
    code, _, _ = run(capsys, "graph", "--workbook", wbp, "--out", str(tmp_path / "m.svg"),
                     "--anonymize", "--transparent")
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert code == 0 and "Priya Raman" not in svg and "Person " in svg
    code, _, _ = run(capsys, "graph", "--workbook", wbp, "--out", str(tmp_path / "n.graphml"))
    assert code == 0 and nx.read_graphml(tmp_path / "n.graphml").number_of_nodes() > 56


def test_graph_errors_are_one_line_with_a_fix(capsys, tmp_path):
    wbp = str(tmp_path / "w.sqlite")
    run(capsys, "init", "--workbook", wbp, "--persona", "maya")
    code, _, err = run(capsys, "graph", "--workbook", wbp, "--out", str(tmp_path / "m.gif"))
    assert code == 1 and ".png, .svg, .pdf" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "graph", "--workbook", wbp, "--out", str(tmp_path / "m.png"),
                       "--target", "Astronomy")
    assert code == 1 and "No target called 'Astronomy'" in err
    code, _, err = run(capsys, "graph", "--workbook", str(tmp_path / "none.sqlite"),
                       "--out", str(tmp_path / "m.png"))
    assert code == 1 and "No workbook" in err


def test_graph_loads_only_what_it_needs(tmp_path):
    """The graph command never loads the export package, the PDF library, pandas, pyplot
    or networkx (the map, with or without a target, needs no graph library)."""
    import subprocess
    import sys

    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.store import open_workbook

    with open_workbook(tmp_path / "w.sqlite") as wb:
        load_persona(wb, "maya")
    probe = ("import sys; from infoview_lib.cli import main; "
             f"code = main(['graph', '--workbook', {str(tmp_path / 'w.sqlite')!r}, "
             f"'--out', {str(tmp_path / 'm.png')!r}]); "
             f"code += main(['graph', '--workbook', {str(tmp_path / 'w.sqlite')!r}, "
             f"'--out', {str(tmp_path / 't.png')!r}, '--target', 'UX']); "
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] in "
             "('pandas', 'fpdf', 'jinja2', 'openpyxl', 'ipywidgets', 'networkx') "
             "or m == 'matplotlib.pyplot' "
             "or m.startswith(('infoview_lib.export', 'infoview_lib.ui'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.splitlines()[-1]
    assert out == "0 []"


def test_the_quick_matplotlib_load_leaves_set_working_and_puts_the_documenter_back():
    """The graph command skips documenting set() and the 3D axes while matplotlib loads:
    set() still works on every artist, a class made afterwards is documented as usual, and
    the 3D axes still load when asked for (without a warning)."""
    import subprocess
    import sys

    probe = """
from infoview_lib.cli.graph import _load_matplotlib
_load_matplotlib()
import inspect, warnings
warnings.simplefilter("error")
from matplotlib.lines import Line2D
from matplotlib.text import Text
line = Line2D([0], [1])
line.set(color="red", linewidth=3)
class Later(Text):
    pass
later = inspect.signature(Later.set).parameters
from mpl_toolkits.mplot3d import Axes3D
print(line.get_color(), line.get_linewidth(), "fontsize" in later, "Set multiple" in Later.set.__doc__,
      Axes3D.name)
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["red", "3.0", "True", "True", "3d"]


def test_the_graph_program_writes_the_map_and_exits_with_the_commands_code(tmp_path):
    """`python -m infoview_lib graph` (as the `infoview` program runs it, garbage collection
    off): a map Pillow opens, exit 0; a wrong target, exit 1 and a one-line message."""
    import subprocess
    import sys

    from PIL import Image

    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.store import open_workbook

    with open_workbook(tmp_path / "w.sqlite") as wb:
        load_persona(wb, "maya")
    program = [sys.executable, "-m", "infoview_lib", "graph", "--workbook",
               str(tmp_path / "w.sqlite"), "--out"]
    done = subprocess.run([*program, str(tmp_path / "m.png")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.split()[0] == str(tmp_path / "m.png")
    with Image.open(tmp_path / "m.png") as img:
        assert img.size == (1600, 1200)
    done = subprocess.run([*program, str(tmp_path / "t.png"), "--target", "Astronomy"],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "No target called 'Astronomy'" in done.stderr
    assert not (tmp_path / "t.png").exists()
