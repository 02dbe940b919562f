"""Step 1's people table shows each person's e-mail, so a user sees whose address came in."""

from __future__ import annotations

import re
from pathlib import Path

from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.ui.who_you_know_html import MAX_ROWS, email_cell, people_table
from infoview_lib.workbook.model import Contact

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def rows(table: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", table)


def test_an_import_shows_the_addresses_that_came_through(wb):
    panel = WhoYouKnowPanel(wb)
    panel.import_files([("Connections.csv", (FIX / "linkedin_current.csv").read_bytes())])
    table = panel.people_html.value
    assert "<th>Name</th><th>E-mail</th><th>Organization</th>" in table
    with_mail = [c for c in wb.contacts() if c.emails]
    without = [c for c in wb.contacts() if not c.emails]
    assert with_mail and without  # the file has both kinds
    for person in with_mail:
        address = person.emails[0]
        assert f"<a href='mailto:{address}' title='{address}'" in table
    body = rows(table)[1:]
    assert len(body) == len(wb.contacts())
    for person in without:
        row = next(r for r in body if f"<td>{person.name}</td>" in r)
        assert "<td class='iv-email'></td>" in row


def test_addresses_are_escaped_and_cannot_break_out(wb):
    cell = email_cell(["x'><script>alert(1)</script>@evil.example"])
    assert "<script>" not in cell and "&lt;script&gt;" in cell
    assert "'>" not in cell.split("title=")[1].split(" style=")[0]  # the quote is &#x27;
    assert "href='mailto:x%27%3E%3Cscript%3E" in cell


def test_a_long_address_is_cut_short_with_the_whole_of_it_in_the_title():
    long = "firstname.middlename.lastname.department@subdivision.organisation.example"
    table = people_table([Contact(id=1, first_name="Ada", emails=[long, "ada@home.example"])], {})
    assert f"title='{long}, ada@home.example'" in table
    assert f">{long}</a> +1 more</td>" in table
    assert re.search(r"\.iv-email a\{[^}]*max-width:16em;overflow:hidden;text-overflow:ellipsis;"
                     r"white-space:nowrap", table)


def test_more_than_two_hundred_people_still_lists_the_newest_first_with_addresses():
    people = [Contact(id=i, first_name=f"P{i}", emails=[f"p{i}@example.org"])
              for i in range(1, MAX_ROWS + 6)]
    table = people_table(people, {})
    body = rows(table)[1:]
    assert len(body) == MAX_ROWS
    assert body[0].startswith(f"<td>1</td><td>P{MAX_ROWS + 5}</td>")
    assert f"mailto:p{MAX_ROWS + 5}@example.org" in body[0]
    assert "These are the 200 people added most recently, newest first" in table
    assert "type in the search box to find the other 5." in table
    # the box still scrolls and is a named tab stop for the keyboard
    assert ("<div class='iv-people-scroll' tabindex='0' role='region' aria-label='Your people'"
            in table)
