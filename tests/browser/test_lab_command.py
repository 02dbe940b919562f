"""`infoview lab --no-browser` (what `make lab ARGS=--no-browser` runs) prints a working URL."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

from jlab import free_port, isolated_jupyter_env


def test_lab_prints_a_url_that_opens_the_start_notebook(tmp_path):
    env = isolated_jupyter_env(tmp_path)
    env["INFOVIEW_WORKBOOK"] = str(tmp_path / "w.sqlite")
    port = free_port()
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    proc = subprocess.Popen(
        [sys.executable, "-m", "infoview_lib", "lab", "--no-browser", f"--port={port}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
    )
    try:
        url = None
        deadline = time.monotonic() + 90
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line or proc.poll() is None, "jupyter lab exited early"
            match = re.search(r"(http://127\.0\.0\.1:\d+/lab\S*token=\w+)", line)
            url = match.group(1) if match else None
        assert url, "no URL printed"
        base, token = url.split("/lab")[0], url.split("token=")[1]
        # the project folder is served (so my-workbook/ and exports/ show in the file browser)
        api = f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}"
        for _ in range(100):  # the URL is printed a moment before the port accepts
            try:
                response = urllib.request.urlopen(api, timeout=10)
                break
            except urllib.error.URLError as err:
                if not isinstance(err.reason, ConnectionRefusedError):
                    raise
                time.sleep(0.1)
        assert response.status == 200
        # and the start notebook is what opens
        with urllib.request.urlopen(f"{base}/?token={token}", timeout=10) as response:
            assert response.url.split("?")[0].endswith("/lab/tree/notebooks/00_start_here.ipynb")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
