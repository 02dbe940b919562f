"""Read a PDF back with poppler's tools (pdftotext, pdfinfo, pdffonts), as a user's PDF
reader would. When poppler-utils is missing the test fails with one line saying how to
install it, not with a FileNotFoundError from subprocess (a machine that runs
`make test-fast` before any `make test` has no poppler: the likely cause of the PDF tests'
one-time failure).

Example:
    text = poppler("pdftotext", "-layout", path, "-")
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

INSTALL = ("poppler-utils is not installed, and the PDF tests read PDFs back with it: run "
           "`sudo bash .ci/system-packages` (or `sudo apt-get install poppler-utils`), or "
           "`make test`, which installs it.")


def poppler(tool: str, *args, text: bool = True) -> str | bytes:
    """The standard output of one poppler tool run on a PDF (check=True)."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: {INSTALL}", pytrace=False)
    return subprocess.run([tool, *map(str, args)], check=True, capture_output=True,
                          text=text).stdout
