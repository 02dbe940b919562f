"""Reference renders of the who-you-know map, to look at before saying the map is good.

Writes PNGs and README.md (each picture with how many people it has and how many are named)
into this folder:
  15-people.png       16 people typed by hand into a blank workbook
  60-people.png       the 'maya' persona (56 people)
  300-import.png      the same 16 hand-typed people plus a 300-row LinkedIn import
  persona-import.png  the 'daniel' persona after the same 300-row import, one target chosen
  5000-people.png     a synthetic 5,000-person network (benchmarks/graph.py's generator)

Run:  .venv/bin/python docs/map-gallery/make_gallery.py
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ["Amelia", "Noah", "Chen", "Priya", "Lucas", "Fatima", "Oliver", "Yuki", "Mateo", "Zara",
         "Ethan", "Aisha", "Leo", "Ingrid", "Kwame", "Sofia", "Ravi", "Elena", "Tom", "Mina"]
LAST = ["Okafor", "Smith", "Wang", "Patel", "Silva", "Haddad", "Brown", "Tanaka", "Garcia",
        "Khan", "Novak", "Mensah", "Rossi", "Berg", "Kim", "Lopez", "Dubois", "Ivanova"]
COMPANIES = ["Figma", "Northwind Solar", "Contoso", "Acme Health", "Globex", "Initech",
             "Umbrella Labs", "Hooli", "Stark Design", "Wayne Finance", "Tyrell Data",
             "Soylent Foods", "Massive Dynamic", "Vandelay Import", "Pied Piper"]
POSITIONS = ["UX Designer", "Product Manager", "Software Engineer", "Data Analyst",
             "Recruiter", "Researcher", "Teacher", "Consultant", "Marketing Lead"]


def hand_typed(wb) -> None:
    """16 people as a first-time user types them: a few details each, 12 organizations."""
    from infoview_lib.workbook.model import Contact

    rows = [
        ("Jonah", "Feld", "classmate", "often", "Riverbend School of Art", True, False),
        ("Priya", "Raman", "classmate", "often", "Riverbend School of Art", False, False),
        ("Marcus", "Bell", "instructor", "occasionally", "Riverbend School of Art", True, True),
        ("Dolores", "Ibáñez", "advisor", "occasionally", "Career Centre", True, False),
        ("Rania", "Youssef", "friend", "often", "Fernwood Bank", False, False),
        ("Ben", "Adlam", "friend", "rarely", "Kestrel Software", False, True),
        ("Grace", "Okafor", "parent", "often", "", False, False),
        ("Erik", "Lind", "relative", "occasionally", "Lind Carpentry", False, False),
        ("Tess", "Morgan", "neighbour", "rarely", "Maple Hollow Café", True, False),
        ("Liam", "O'Connor", "co-worker", "often", "Maple Hollow Café", False, False),
        ("Sam", "Whitaker", "club", "occasionally", "Tallgrass Games", True, False),
        ("Hana", "Sato", "alumni", "rarely", "Lantern Street Studio", True, True),
        ("Ava", "Lindqvist", "alumni", "rarely", "Northwind Solar", False, False),
        ("Kofi", "Mensah", "online", "rarely", "Pixel & Pine Meetup", False, False),
        ("Nora", "Lind", "relative", "often", "City Hospital", False, False),
        ("Ruben", "Osei", "other", "", "Harbour Press", False, False),
    ]
    wb.add_many([Contact(first_name=f, last_name=la, categories=[c], tie_strength=t,
                         organization=o, can_interview=i, can_refer=r)
                 for f, la, c, t, o, i, r in rows])


def linkedin_csv(n: int, seed: int = 3) -> str:
    """A LinkedIn Connections.csv with n rows (made-up people)."""
    rng = random.Random(seed)
    lines = ["Notes:", '"made up for the gallery"', "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        lines.append(f"{first},{last}{i},https://www.linkedin.com/in/{first.lower()}-{i},,"
                     f"{rng.choice(COMPANIES)},{rng.choice(POSITIONS)},07 Mar 2024")
    return "\n".join(lines) + "\n"


def import_rows(wb, n: int) -> None:
    from infoview_lib.importers.detect import parse_contacts
    from infoview_lib.importers.merge import merge_results

    merge_results(wb, [parse_contacts(linkedin_csv(n).encode(), "Connections.csv")])


def scenarios(folder: Path):
    """(file name, what it shows, workbook or graph, target) for every reference render."""
    from infoview_lib.workbook.model import Outreach
    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.store import open_workbook

    def fresh(name):
        return open_workbook(folder / f"{name}.sqlite")

    wb = fresh("hand")
    hand_typed(wb)
    yield "15-people.png", "16 people typed by hand", wb, None
    wb = fresh("maya")
    load_persona(wb, "maya")
    yield "60-people.png", "the maya persona", wb, None
    wb = fresh("import")
    hand_typed(wb)
    import_rows(wb, 300)
    ids = [c.id for c in wb.contacts() if c.organization == "Figma"][:2]
    for cid in ids:  # the user has just contacted two imported people
        wb.add(Outreach(contact_id=cid, channel="email", status="sent"))
    yield "300-import.png", "16 typed + 300 imported from LinkedIn, 2 contacted", wb, None
    wb = fresh("daniel")
    load_persona(wb, "daniel")
    import_rows(wb, 300)
    from infoview_lib.workbook.model import Target

    yield ("persona-import.png", "the daniel persona after a 300-row import, a target chosen",
           wb, wb.list(Target)[0].name)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from graph import synthetic

    from infoview_lib.map.network import build_graph_from

    yield "5000-people.png", "5,000 people (synthetic)", build_graph_from(*synthetic(5000)), None


def main() -> int:
    from infoview_lib.map.draw import save_map

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, what, source, target in scenarios(Path(tmp)):
            graph = source if hasattr(source, "nodes") else None
            saved = save_map(None if graph is not None else source, HERE / name, dpi=150,
                             graph=graph, target=target)
            saved.caption_path.unlink()
            from PIL import Image

            with Image.open(HERE / name) as img:  # smaller files, colours kept exact
                img.convert("RGB").save(HERE / name, optimize=True)
            r = saved.result
            rows.append(f"| [{name}]({name}) | {what} | {r.people:,} | {r.named:,} |")
            print(name, r.people, r.named, flush=True)
    (HERE / "README.md").write_text(
        "# Map gallery\n\nReference renders of the who-you-know map (made by "
        "`make_gallery.py`; look at them after changing the map).\n\n"
        "| picture | what it shows | people | named on the map |\n|---|---|---|---|\n"
        + "\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
