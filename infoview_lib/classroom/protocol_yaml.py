"""Reading a protocol file's YAML safely: plain values only, with the line of any problem.

References (*name), nesting deeper than MAX_DEPTH and numbers longer than MAX_DIGITS are
refused while reading, so a hostile file ("billion laughs", recursive anchors, a
5,000-digit number) gets a one-line mistake instead of hanging or crashing the check.

Example:
    >>> try:
    ...     read_yaml("a: &x [1]\\nb: *x\\n")
    ... except yaml.YAMLError as err:
    ...     print(yaml_mistake(err, ""))
    line 2: YAML: not valid YAML here (a reference (*x) to another part of the file; write the value out in full instead); protocol files hold plain values only; start from a copy of data/protocol.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

MAX_CHARS = 200_000  # the shipped protocol is ~2,500 characters
MAX_DEPTH = 10  # the deepest a protocol goes is 3 (prompts, item, key)
MAX_DIGITS = 9


@dataclass(frozen=True)
class Mistake:
    """One mistake: the line (1-based), where in the file, and what is expected."""

    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.where}: {self.message}"


class _Strict:
    """Refuses references (*name), deep nesting and huge numbers, each with the line, so no
    file can make the check hang, recurse or overflow (mixed into both loaders below)."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, f"a reference (*{event.anchor}) to another part of "
                                "the file; write the value out in full instead",
                                event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                    event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_int(self, node):
        if len(node.value.replace("_", "").lstrip("+-")) > MAX_DIGITS:
            raise ConstructorError(None, None, f"a number with more than {MAX_DIGITS} digits",
                                   node.start_mark)
        return super().construct_yaml_int(node)

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as err:  # e.g. a date such as 2026-13-45
            raise ConstructorError(None, None, f"a value that cannot be read ({err})",
                                   node.start_mark) from err


class StrictLoader(_Strict, yaml.SafeLoader):
    """The strict loader in plain Python."""


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class StrictCLoader(_Strict, Composer, CParser, SafeConstructor, Resolver):
        """The same checks, with libyaml reading the text (about 5x faster: every notebook
        and command reads the protocol and question bank when it starts). The nodes are
        still put together here, one event at a time, so the checks above still apply."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
else:  # a PyYAML built without libyaml
    StrictCLoader = StrictLoader

for _loader in {StrictLoader, StrictCLoader}:
    _loader.add_constructor("tag:yaml.org,2002:int", _Strict.construct_yaml_int)


LIBYAML_WORDS = {  # libyaml's wording -> the plain-Python reader's, so both read the same
    "mapping values are not allowed in this context": "mapping values are not allowed here",
    "exceeded maximum nesting depth": f"nested more than {MAX_DEPTH} levels deep",
}


def yaml_mistake(err: yaml.YAMLError, text: str) -> Mistake:
    """One line-numbered mistake for YAML that cannot be read, with the likely fix."""
    mark = getattr(err, "problem_mark", None)
    line = mark.line + 1 if mark else 1
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    problem = LIBYAML_WORDS.get(problem, problem)
    if "that cannot start any token" in problem:  # the plain reader also names the character
        problem = "found a character that cannot start any token"
    hint = "check the indentation and that every 'key: value' has a space after the colon."
    lines = text.splitlines()
    if mark and line <= len(lines) and "\t" in lines[line - 1][:mark.column + 1]:
        hint = "YAML indents with spaces, never tabs: replace the tab on this line with spaces."
    elif "mapping values are not allowed" in problem:
        shown = lines[line - 1].strip() if line <= len(lines) else ""
        key, _, rest = shown.lstrip("- ").partition(": ")
        hint = ("a text with ': ' (a colon and a space) inside it must be in quotes, e.g. "
                f'{key}: "{rest[:60]}"' if rest else hint)
    elif "cannot be read" in problem:
        hint = "if it is meant as text, put it in quotes."
    elif "reference" in problem or "nested" in problem or "digits" in problem:
        hint = "protocol files hold plain values only; start from a copy of data/protocol.yaml."
    return Mistake(line, "YAML", f"not valid YAML here ({problem}); {hint}")


def read_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data, in one pass of the strict loader."""
    loader = StrictCLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()
