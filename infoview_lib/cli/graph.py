"""`infoview graph`: save the who-you-know map (PNG, SVG, PDF) or the network (GraphML, CSV).

Example:
    infoview graph --out map.png --target "UX research"
    infoview graph --out map.svg --anonymize
    infoview graph --out network.graphml
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..fonts import missing_font_note
from ..workbook.errors import ExportError
from ..workbook.store import open_workbook
from . import add_workbook_option

FORMATS = (".png", ".svg", ".pdf", ".graphml", ".csv")


def cmd_graph(args) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"Cannot write {out.name}: end the file name with one of "
                          f"{', '.join(FORMATS)}.")
    with open_workbook(args.workbook, create=False) as wb:
        if suffix == ".graphml":
            from ..map.graph_files import write_graphml  # heavy: networkx, only for GraphML

            print(write_graphml(wb, out, anonymize=args.anonymize))
        elif suffix == ".csv":
            from ..map.graph_files import write_csv  # heavy: networkx, only for CSV

            for path in write_csv(wb, out.parent, anonymize=args.anonymize, prefix=out.stem):
                print(path)
        else:
            _load_matplotlib()
            from ..map.draw import save_map  # lazy: after matplotlib's quick load above
            from ..map.graph import gc_paused  # lazy: after matplotlib's quick load above

            with gc_paused():  # one picture, then the process ends: no collection passes
                saved = save_map(wb, out, dpi=args.dpi, transparent=args.transparent,
                                 anonymize=args.anonymize, target=args.target)
            print(saved.path)
            print(saved.caption_path)
            if saved.result.unfontable:
                print(missing_font_note(saved.result.unfontable), file=sys.stderr)
    return 0


def _load_matplotlib() -> None:
    """Import matplotlib for one picture, without writing the property lists into the
    docstrings of ~100 artist classes (a third of its import time; nobody reads help() in
    this process). The documentation function is put back once the classes exist."""
    import matplotlib  # heavy: only for a picture

    matplotlib.use("Agg")
    if "matplotlib.figure" in sys.modules:  # already loaded (tests call main() in-process)
        return
    import matplotlib.artist as artist  # heavy: only for a picture

    kwdoc = getattr(artist, "kwdoc", None)
    if kwdoc is None:  # a matplotlib without it: nothing to skip
        return
    artist.kwdoc = lambda _artist: ""
    try:
        import matplotlib.backends.backend_agg  # noqa: F401  (heavy: only for a picture)
        import matplotlib.figure  # noqa: F401  (heavy: only for a picture)
    finally:
        artist.kwdoc = kwdoc


def register(sub) -> None:
    p = sub.add_parser("graph", help="save your network map (png/svg/pdf) or graph (graphml/csv)")
    add_workbook_option(p)
    p.add_argument("--out", required=True, metavar="FILE",
                   help="output file: .png, .svg, .pdf, .graphml, or .csv (nodes + edges files)")
    p.add_argument("--anonymize", action="store_true",
                   help="pseudonyms instead of names (stable for this workbook)")
    p.add_argument("--target", metavar="NAME", help="highlight who can point you to this target")
    p.add_argument("--dpi", type=int, default=150, metavar="N",
                   help="resolution for PNG (default 150: 1600x1200 pixels, good for slides)")
    p.add_argument("--transparent", action="store_true", help="transparent background")
    p.set_defaults(func=cmd_graph)
