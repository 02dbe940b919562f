"""Smaller: a read-only workbook is reported as read-only (not as damaged), and can still
be read."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from hostile_cli import cli_env, command

from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook

# root may write to any file: drop that power (setpriv, util-linux) for the command
NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search",
               "--inh-caps", "-dac_override,-dac_read_search"]


def _as_user(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: a read-only file is writable")
    return NO_OVERRIDE + args


def test_read_only_workbook_says_so_and_still_lists(tmp_path):
    shared_dir = tmp_path
    book = shared_dir / "workbook.sqlite"
    with open_workbook(book) as wb:
        wb.add(Contact(first_name="Ada", last_name="Example"))
    book.chmod(0o444)
    card = shared_dir / "new.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Zed New\nEND:VCARD\n", encoding="utf-8")
    env = {**cli_env(book), "HOME": str(shared_dir)}

    def run(*args):
        return subprocess.run(_as_user(command(*args)), capture_output=True, text=True,
                              env=env, cwd=shared_dir, timeout=120)

    listed = run("contacts")
    assert listed.returncode == 0 and "Ada Example" in listed.stdout, listed.stderr
    failed = run("import", str(card))
    lines = failed.stderr.strip().splitlines()
    assert failed.returncode == 1 and len(lines) == 1, failed.stderr
    assert "read-only" in lines[0] and "damaged" not in lines[0]
    with open_workbook(book) as wb:
        assert [c.name for c in wb.contacts()] == ["Ada Example"]
