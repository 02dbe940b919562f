"""The who-you-know map in an export: PNG, SVG, PDF and GraphML, drawn by
infoview_lib.map.draw.save_map and infoview_lib.map.graph_files (this module only calls them).

Example:
    >>> MAP_FORMATS
    ('png', 'svg', 'pdf')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..fonts import missing_font_note
from ..map.network import build_graph
from ..workbook.store import Workbook
from .document import Image
from .names import ExportFolder

MAP_FORMATS = ("png", "svg", "pdf")
MAP_DIR = "map"


@dataclass
class MapOutput:
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    image: Image | None = None


def map_image(wb: Workbook, anonymize: bool = False) -> tuple[Image | None, str]:
    """The map as an Image block for HTML/PDF (PNG bytes), and a note about names no
    installed font can draw ('' when there are none)."""
    from ..map.draw import render_png  # heavy: matplotlib only when the map is drawn

    # the caption goes under the picture as text, so it is not drawn into it as well
    png, drawn = render_png(wb, dpi=110, anonymize=anonymize, with_caption=False)
    return (Image(png=png, alt=drawn.alt_text, caption=drawn.caption),
            missing_font_note(drawn.unfontable))


def write_map_files(wb: Workbook, folder: ExportFolder, formats: set[str],
                    anonymize: bool = False) -> MapOutput:
    """Write map/map.png|svg|pdf and map/map.graphml as asked; return the files written."""
    out = MapOutput()
    wanted = [f for f in MAP_FORMATS if f in formats]
    if wanted:
        from ..map.draw import save_map  # heavy: matplotlib only when the map is drawn

        graph = build_graph(wb, anonymize=anonymize)
        for ext in wanted:
            target = folder.path(f"{MAP_DIR}/map.{ext}")
            target.parent.mkdir(parents=True, exist_ok=True)
            save_map(wb, target, anonymize=anonymize, graph=graph)
            out.files.append(folder.adopt(f"{MAP_DIR}/map.{ext}"))
            alt = target.with_suffix(".txt")
            if alt.exists():
                folder.adopt(f"{MAP_DIR}/{alt.name}")
    if "graphml" in formats:
        from ..map import graph_files  # heavy: networkx only for GraphML/CSV files

        target = folder.path(f"{MAP_DIR}/map.graphml")
        target.parent.mkdir(parents=True, exist_ok=True)
        graph_files.write_graphml(wb, target, anonymize=anonymize)
        out.files.append(folder.adopt(f"{MAP_DIR}/map.graphml"))
        for path in graph_files.write_csv(wb, target.parent, anonymize=anonymize):
            out.files.append(folder.adopt(f"{MAP_DIR}/{path.name}"))
    return out
