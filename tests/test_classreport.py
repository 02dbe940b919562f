"""The anonymous class summary: 40 generated submissions plus the mistakes a class makes."""

from __future__ import annotations

import json
import zipfile

import pytest

from infoview_lib.classroom import handins
from infoview_lib.classroom.report import (
    BadSubmission,
    funnel,
    normalise,
    read_submissions,
    sample_submissions,
    summarise,
    write_sample_folder,
)
from infoview_lib.classroom.report_render import build_report
from infoview_lib.cli import main

BROKEN = {
    "broken-bundle.zip", "broken-empty-bundle.zip", "broken-list.json",
    "broken-negative-count.json", "broken-not-json.json", "broken-wrong-format.json",
    "zz-copy-of-student-01.json", "student-02.json",
}


@pytest.fixture
def handed_in(tmp_path):
    folder = tmp_path / "handed-in"
    write_sample_folder(folder, 40)
    return folder


def expected_rows():
    """The 40 sample students as the report should count them (student 2 resubmitted)."""
    rows = sample_submissions(40)
    rows[1] = json.loads(json.dumps(rows[1]))
    rows[1]["people"]["total"] += 5
    return rows


def test_forty_submissions_with_broken_ones(handed_in, tmp_path):
    result = build_report([handed_in], tmp_path / "report")
    s = result.summary
    assert s["students"] == 40
    assert {p.source for p in result.problems} == BROKEN
    rows = expected_rows()
    assert s["people"]["total"] == sum(r["people"]["total"] for r in rows)
    cats = {}
    for r in rows:
        for k, v in r["people"]["by_category"].items():
            cats[k] = cats.get(k, 0) + v
    assert s["by_category"] == cats
    assert s["by_tie_strength"]["occasionally"] == sum(
        r["people"]["by_tie_strength"]["occasionally"] for r in rows)
    assert s["meetings"]["held"] == sum(r["meetings"]["held"] for r in rows)
    contacted = sum(sum(n for k, n in r["outreach"]["by_status"].items() if k != "to_contact")
                    for r in rows)
    assert s["funnel"]["contacted"] == contacted
    assert s["funnel"]["contacted"] >= s["funnel"]["replied"] >= s["funnel"]["meeting set"] \
        >= s["funnel"]["met"] >= s["funnel"]["thanked"]
    assert s["reply_rate"] == pytest.approx(s["funnel"]["replied"] / contacted)
    top_name, top_count = s["top_fields"][0]
    assert top_count == sum(top_name in r["targets"]["fields"] for r in rows)
    assert s["steps_done"][1] == 40


def test_report_files_are_written(handed_in, tmp_path):
    out = tmp_path / "report"
    result = build_report([handed_in], out)
    assert set(result.charts) == {"categories", "ties", "funnel", "meetings", "fields", "steps"}
    for path in result.charts.values():
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 5000
    page = result.html.read_text(encoding="utf-8")
    assert "Skipped files (8)" in page and "zz-copy-of-student-01.json" in page
    for path in result.charts.values():
        assert f"src='{path.name}'" in page
    dump = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert dump["students"] == 40 and len(dump["skipped"]) == 8


def test_html_escapes_what_students_wrote(tmp_path):
    data = sample_submissions(1)[0]
    data["targets"]["fields"] = ["<script>alert(1)</script>"]
    data["people"]["by_category"] = {"<b>family</b>": 3}
    (tmp_path / "one.json").write_text(json.dumps(data))
    page = build_report([tmp_path / "one.json"], tmp_path / "out").html.read_text()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_duplicates_keep_the_later_submission_whatever_the_order(tmp_path):
    old = sample_submissions(1)[0]
    new = json.loads(json.dumps(old))
    new["created_at"], new["people"]["total"] = "2026-12-01T00:00:00+00:00", 99
    (tmp_path / "a-new.json").write_text(json.dumps(new))
    (tmp_path / "b-old.json").write_text(json.dumps(old))
    subs, problems = read_submissions([tmp_path])
    assert [s.source for s in subs] == ["a-new.json"] and subs[0].data["people_total"] == 99
    assert [p.source for p in problems] == ["b-old.json"]
    assert "the later one is kept" in problems[0].message


def test_identical_content_under_another_name_is_skipped(tmp_path):
    raw = json.dumps(sample_submissions(1)[0])
    (tmp_path / "one.json").write_text(raw)
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as z:
        z.writestr("deep/folder/progress.json", raw)
    subs, problems = read_submissions([tmp_path / "one.json", tmp_path / "two.zip"])
    assert len(subs) == 1 and problems[0].source == "two.zip"
    assert "identical to one.json" in problems[0].message


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(version=2), "version 2"),
    (lambda d: d.update(submission_id="../../etc"), "submission_id"),
    (lambda d: d.update(steps_done=[1, 9]), "steps_done"),
    (lambda d: d["people"].update(total=True), "people.total"),
    (lambda d: d["people"].update(by_tie_strength={"weekly": 2}), "unknown key 'weekly'"),
    (lambda d: d["outreach"].update(by_status={"ghosted": 1}), "unknown key 'ghosted'"),
    (lambda d: d["meetings"].update(held=1.5), "meetings.held"),
    (lambda d: d.update(people=[]), "'people' should be a group"),
    (lambda d: d["targets"].update(fields="ux"), "targets.fields"),
])
def test_malformed_records_say_why(change, words):
    data = sample_submissions(1)[0]
    change(data)
    with pytest.raises(BadSubmission, match=words.replace("(", r"\(")):
        normalise(data)


def test_oversized_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(handins, "MAX_BYTES", 100)
    (tmp_path / "big.json").write_text(json.dumps(sample_submissions(1)[0]))
    subs, problems = read_submissions([tmp_path / "big.json"])
    assert subs == [] and "too large" in problems[0].message


def test_funnel_from_statuses():
    counts = {"to_contact": 4, "sent": 5, "replied": 2, "declined": 1, "meeting_set": 1,
              "met": 1, "thanked": 2, "referrals_followed_up": 1}
    assert funnel(counts, 30) == {"listed": 30, "contacted": 13, "replied": 8,
                                  "meeting set": 5, "met": 4, "thanked": 3}


def test_empty_class_has_no_charts_but_a_page(tmp_path):
    (tmp_path / "bad.json").write_text("nope")
    result = build_report([tmp_path / "bad.json"], tmp_path / "out")
    assert result.summary["students"] == 0 and result.charts == {}
    assert summarise([])["reply_rate"] is None
    assert "Skipped files (1)" in result.html.read_text()


def test_sample_data_is_deterministic():
    assert sample_submissions(3) == sample_submissions(3)
    assert sample_submissions(3, seed=1) != sample_submissions(3)


def test_cli_builds_the_report(handed_in, tmp_path, capsys):
    out = tmp_path / "cli-report"
    assert main(["class-report", str(handed_in), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "40 submission(s) used, 8 file(s) skipped:" in text
    assert "broken-not-json.json: skipped: not readable JSON" in text
    assert (out / "index.html").is_file() and (out / "funnel.png").is_file()


def test_cli_with_nothing_usable_fails_with_a_message(tmp_path, capsys):
    assert main(["class-report", str(tmp_path / "none.json"), "--out", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "cannot be read" in captured.out and "No usable progress file" in captured.err
