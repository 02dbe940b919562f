"""Start here, in a real browser: run all, load a persona with the widget, see progress."""

from __future__ import annotations

from jlab import error_texts, open_notebook, run_all

from infoview_lib.workbook.store import open_workbook


def test_load_persona_updates_progress(page, lab):
    open_notebook(page, lab, "00_start_here.ipynb")
    run_all(page)
    progress = page.locator(".iv-progress")
    progress.scroll_into_view_if_needed()
    assert progress.locator(".iv-step-detail").first.inner_text().startswith("0 people")

    label = page.locator(".iv-persona option", has_text="amara:").inner_text()
    page.locator(".iv-persona select").select_option(label=label)
    page.locator("button.iv-load-persona").click()
    page.locator(".iv-status .iv-ok").wait_for(timeout=30_000)
    assert "Loaded amara" in page.locator(".iv-status").inner_text()
    detail = progress.locator(".iv-step-detail").first.inner_text()
    assert not detail.startswith("0 people")
    with open_workbook(lab.workbook) as wb:
        assert detail.startswith(f"{len(wb.contacts())} people")
    assert error_texts(page) == []
