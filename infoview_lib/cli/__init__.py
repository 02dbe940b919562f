"""The `infoview` command. Each module in this package adds its sub-commands.

A command module defines `register(subparsers)`, adding parsers whose `func(args)` does the
work and returns an exit code. Errors from the library print one line; --debug shows the
traceback.

Example:
    >>> main(["personas"])  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import sqlite3
import sys

from ..workbook.errors import InfoviewError

ALONE = {"graph": "graph"}  # command -> the module that holds only it (loads nothing else)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infoview", description="A guided workbook for informational interviewing."
    )
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: (m.name != "core", m.name)):
        if only and info.name != only:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(sub)
    return parser


def add_workbook_option(parser: argparse.ArgumentParser) -> None:
    """The --workbook option every command that reads or writes a workbook takes."""
    parser.add_argument("--workbook", metavar="W",
                        help="workbook file (default: $INFOVIEW_WORKBOOK or my-workbook/)")


def _words(argv: list[str]) -> list[str]:
    """The arguments that are not options: the command first.

    >>> _words(["--debug", "graph", "--out", "m.png"])
    ['graph', 'm.png']
    """
    return [a for a in argv if not a.startswith("-")]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    words = _words(argv)
    if "--debug" in argv and words[:1] != ["lab"]:  # anywhere, also after the command
        argv = ["--debug", *(a for a in argv if a != "--debug")]
    parser = build_parser(ALONE.get(words[0]) if words else None)
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command != "lab":
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.unknown = unknown
    if not args.command:
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except InfoviewError as err:
        if args.debug:
            raise
        print(f"infoview: error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        if args.debug:
            raise
        print(f"infoview: error: {err.strerror or err}: {err.filename or ''}. Check the path "
              "and that you may write there.", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as err:
        if args.debug:
            raise
        print(f"infoview: error: the workbook file is damaged ({err}); nothing more was "
              "written. Restore a copy from its backups/ folder (see docs/security.md).",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The `infoview` program: main(), then the exit, which skips the last garbage
    collection pass over every object loaded (the process ends, so its memory goes back
    anyway). A command that writes one picture and ends (`graph`) runs with no collection
    passes at all: pausing them only while it draws left one pass over everything it made
    when they resumed, a tenth of the command's time."""
    if _words(sys.argv[1:])[:1] == ["graph"]:
        gc.disable()
    code = main()
    gc.freeze()
    sys.exit(code)
