"""Item 11: an instructor-supplied message template cannot run commands or eat memory."""

from __future__ import annotations

import json
import subprocess

import pytest
from hostile_cli import cli_env, command, one_line_error, run_cli

from infoview_lib.outreach.drafts import TEMPLATE_FILES, render
from infoview_lib.outreach.parts import MessageParts
from infoview_lib.workbook.errors import ProtocolError

ATTACKS = {
    "globals": "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "lipsum": "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
    "memory": "{{ 'x' * 4000000000 }}",
    "power": "{{ 10 ** 10 ** 10 }}",
}


def template_folder(root, attack: str):
    folder = root / "templates"
    folder.mkdir()
    for name in TEMPLATE_FILES.values():
        (folder / name).write_text("Hello {{ recipient_first }}", encoding="utf-8")
    (folder / TEMPLATE_FILES["email"]).write_text(ATTACKS[attack], encoding="utf-8")
    return folder


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_template_is_refused(tmp_path, monkeypatch, attack):
    monkeypatch.chdir(tmp_path)
    folder = template_folder(tmp_path, attack)
    parts = MessageParts(recipient_name="Hana Sato", sender_name="Sam Lee")
    with pytest.raises(ProtocolError, match="email_body.txt.j2"):
        render(parts, "email", folder)
    assert not (tmp_path / "PWNED").exists()


def test_hostile_template_through_the_command(tmp_path):
    book = tmp_path / "workbook.sqlite"
    assert run_cli("init", "--persona", "maya", workbook=book).returncode == 0
    name = json.loads(run_cli("contacts", "--json", workbook=book).stdout)[0]["name"]
    env = {**cli_env(book), "INFOVIEW_TEMPLATES": str(template_folder(tmp_path, "globals"))}
    proc = subprocess.run(command("outreach", "--contact", name), capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=60)
    assert "email_body.txt.j2" in one_line_error(proc)
    assert not (tmp_path / "PWNED").exists()
