"""How the map tells things apart: a colour and a marker per part of life (no two alike),
the outreach colours of introductions, and the legend that explains only what is drawn.

Colours are Okabe-Ito's seven, then five of Paul Tol's, all safe for the common kinds of
colour blindness; each of the first 12 parts of life also has its own shape, so neither
colour nor shape alone is needed to tell them apart (a larger protocol's parts take turns
over the shapes). Introductions carry their outreach status in the line's dash pattern as
well as its colour.

Example:
    >>> category_style(0), category_style(11, 12), category_style(12, 12)
    (('#E69F00', 'o'), ('#AA4499', 'd'), ('#BDBDBD', 'o'))
"""

from __future__ import annotations

from matplotlib.lines import Line2D

from .layout import UNSORTED

PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#882255", "#999933", "#332288", "#44AA99", "#AA4499"]
OKABE_ITO = PALETTE[:7]
# 12 shapes for 12 parts of life, so no two differ by colour alone (h and * are taken by
# organizations and targets).
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "p", "<", ">", "H", "d"]
UNSORTED_STYLE = ("#BDBDBD", "o")
STATUS_GROUPS = {  # outreach status -> (legend text, colour)
    "": ("not contacted yet", "#7F7F7F"), "to_contact": ("not contacted yet", "#7F7F7F"),
    "sent": ("message sent", "#0072B2"), "replied": ("replied", "#0072B2"),
    "meeting_set": ("meeting set", "#009E73"), "met": ("met", "#009E73"),
    "thanked": ("met", "#009E73"), "referrals_followed_up": ("met", "#009E73"),
    "declined": ("declined", "#D55E00"),
}


STATUS_LINES = {  # legend text -> (dash pattern, width): the status without colour
    "not contacted yet": ((0, (1, 2)), 1.0), "message sent": ((0, (5, 2)), 1.3),
    "replied": ((0, (5, 2, 1, 2)), 1.3), "meeting set": ("-", 1.3), "met": ("-", 2.4),
    "declined": ((0, (1, 2, 1, 2, 6, 2)), 1.3),
}


def category_style(index: int, n_categories: int | None = None) -> tuple[str, str]:
    """(colour, marker) for the category at this protocol position; index == n_categories
    is the 'no part of life yet' group.

    >>> category_style(0), category_style(6)
    (('#E69F00', 'o'), ('#CC79A7', 'X'))
    """
    if n_categories is not None and index >= n_categories:
        return UNSORTED_STYLE
    cycle = index // len(PALETTE)
    return PALETTE[index % len(PALETTE)], MARKERS[(index + cycle) % len(MARKERS)]


def add_legend(ax, lay, ci, interview, refer, organizations, targets, status_used, paths):
    """Only what the picture shows, one entry per part of life present."""

    def mark(marker, colour, label, size=7, edge="#333333", edge_w=0.8):
        return Line2D([], [], ls="", marker=marker, color=colour, markeredgecolor=edge,
                      markeredgewidth=edge_w, markersize=size, label=label)

    n_cat = len(lay.categories)
    handles = []
    for i in sorted(set(ci.tolist())):
        colour, marker = category_style(i, n_cat)
        handles.append(mark(marker, colour, lay.categories[i] if i < n_cat else UNSORTED))
    extras = ((interview.any(), mark("o", "#cccccc", "can interview (larger)", 10)),
              (refer.any(), mark("o", "#cccccc", "can refer (dark outline)", 7, "#000000", 2)),
              (bool(organizations), mark("h", "#8c8c8c", "organization (2+ people)", 6,
                                         "white")),
              (bool(targets), mark("*", "#F0E442", "target", 11, "#000000")))
    handles += [h for shown, h in extras if shown]
    handles += [Line2D([], [], color=colour, ls=STATUS_LINES[text][0], lw=STATUS_LINES[text][1],
                       label=f"introduced: {text}") for text, colour in status_used.items()]
    if paths:
        handles.append(Line2D([], [], color="#000000", lw=2.4, label="path to target"))
    if handles:  # nothing to explain on an empty map
        legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 0.97),
                           fontsize=7.5, frameon=False, title="Legend", title_fontsize=8.5,
                           borderaxespad=0.2, handletextpad=0.4, labelspacing=0.45)
        for text in legend.get_texts():
            text.set_parse_math(False)
        return legend
    return None


__all__ = ["PALETTE", "OKABE_ITO", "MARKERS", "STATUS_GROUPS", "STATUS_LINES", "UNSORTED_STYLE", "category_style",
           "add_legend"]
