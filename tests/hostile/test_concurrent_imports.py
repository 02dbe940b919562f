"""Item 3: three real `infoview import` processes at once on overlapping people lose nothing."""

from __future__ import annotations

from hostile_cli import run_cli, start_cli

from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook

PEOPLE = 1000  # enough rows that each merge takes a while, so the three overlap
ALREADY = 3000  # people already listed: the read-merge-write window is that much wider


def _card(name: str, emails: list[str]) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}"]
    lines += [f"EMAIL:{e}" for e in emails]
    return "\n".join(lines + ["END:VCARD", ""])


def test_three_parallel_imports_keep_every_email_and_every_person(tmp_path):
    book = tmp_path / "workbook.sqlite"
    with open_workbook(book) as wb:
        wb.add(Contact(first_name="Sam", last_name="Shared", emails=["sam@common.example"]))
        wb.add_many(Contact(first_name="Listed", last_name=str(i), emails=[f"l{i}@z.example"])
                    for i in range(ALREADY))
    files = []
    for n in range(3):
        cards = [_card("Sam Shared", ["sam@common.example", f"sam{n}@job{n}.example"])]
        cards += [_card(f"Both Person{i}", [f"both{i}@x.example", f"both{i}-{n}@y.example"])
                  for i in range(PEOPLE)]
        cards += [_card(f"Only{n} Person{i}", [f"only{n}-{i}@x.example"]) for i in range(200)]
        path = tmp_path / f"part{n}.vcf"
        path.write_text("".join(cards), encoding="utf-8")
        files.append(path)
    procs = [start_cli("import", f, workbook=book) for f in files]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    with open_workbook(book) as wb:
        people = wb.contacts()
    sams = [p for p in people if p.name == "Sam Shared"]
    assert len(sams) == 1
    assert sorted(sams[0].emails) == sorted(["sam@common.example", "sam0@job0.example",
                                             "sam1@job1.example", "sam2@job2.example"])
    both = [p for p in people if p.name.startswith("Both ")]
    assert len(both) == PEOPLE
    assert all(len(p.emails) == 4 for p in both)
    assert len(people) == 1 + ALREADY + PEOPLE + 3 * 200
    assert run_cli("contacts", workbook=book).returncode == 0
