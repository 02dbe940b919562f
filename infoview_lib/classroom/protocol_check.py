"""Check a protocol file thoroughly: every mistake with its line and what is expected.

The YAML is read twice: once as data, once as a node tree (yaml.compose) whose marks give
the line of every key and value. Nothing stops at the first mistake; all are collected.

Example:
    >>> values, mistakes = check_protocol_text("categories: [friend]\\nprompts: []\\n")
    >>> print(mistakes[0])
    line 2: prompts: the list is empty; give at least one prompt (a category and a question).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from ..text import plural
from ..workbook.errors import InfoviewError
from ..workbook.paths import DATA_DIR
from .protocol_yaml import MAX_CHARS, Mistake, read_yaml, yaml_mistake
from .question_bank import read_bank

DEFAULT_BANK = DATA_DIR / "questions.yaml"
# Numbers used when a protocol leaves a key out (the method's defaults, see data/protocol.yaml).
DEFAULT_OUTREACH = {"max_words": 100, "strict_max_words": 75, "linkedin_note_max_chars": 300}
DEFAULT_FOLLOW_UP = {"second_contact_after_days": 3, "follow_up_after_days": 7,
                     "thank_you_within_hours": 24, "report_back_after_days": 14}
DEFAULTS: dict[str, Any] = {
    "version": 1, "list_aim": 50, "list_stretch": 100, "question_bank": "questions.yaml",
    "outreach": DEFAULT_OUTREACH, "meeting_lengths": [15, 20, 30], "follow_up": DEFAULT_FOLLOW_UP,
}
REQUIRED = ("prompts", "categories")
OPTIONAL = ("holidays", "category_map")
TOP_KEYS = (*REQUIRED, *DEFAULTS, *OPTIONAL)
PROMPT_KEYS = ("category", "prompt")
EXTRA_PREFIXES = ("x-", "x_")
MAX_MEETING_MINUTES = 240
MAX_CATEGORIES = 100  # the class report reads at most 500 per student file
# Every number has a ceiling, so nothing that passes the check overflows a date or a page later.
LIMITS = {"list_aim": 1_000, "list_stretch": 5_000, "max_words": 1_000,
          "strict_max_words": 1_000, "linkedin_note_max_chars": 3_000,
          "second_contact_after_days": 60, "follow_up_after_days": 90,
          "thank_you_within_hours": 168, "report_back_after_days": 365}


def describe(path: tuple) -> str:
    """('prompts', 2, 'category') -> 'prompts, item 3, category'."""
    parts = [f"item {p + 1}" if isinstance(p, int) else str(p) for p in path]
    return ", ".join(parts) or "the file"


def is_int(value: Any) -> bool:
    """A whole number (YAML's yes/no are not numbers)."""
    return isinstance(value, int) and not isinstance(value, bool)


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({value})"
    names = {str: "text", int: "a number", float: "a decimal number", list: "a list",
             dict: "a group of keys"}
    shown = repr(value) if isinstance(value, (str, int, float)) else ""
    return names.get(type(value), type(value).__name__) + (f" {shown}" if shown else "")


class Checker:
    """Collects mistakes against a line index built from the YAML node tree."""

    def __init__(self, text: str):
        self.mistakes: list[Mistake] = []
        self.lines: dict[tuple, tuple[int, int]] = {(): (1, 1)}
        self.text = text

    # -- the line index ---------------------------------------------------------------
    def index(self, node: yaml.Node | None, path: tuple = ()) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                key_line = key_node.start_mark.line + 1
                if key in seen:
                    self.mistakes.append(Mistake(
                        key_line, describe((*path, key)),
                        f"this key appears twice (first on line {seen[key]}); keep only one."))
                seen.setdefault(key, key_line)
                self.lines[(*path, key)] = (key_line, value_node.start_mark.line + 1)
                self.index(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                line = item.start_mark.line + 1
                self.lines[(*path, i)] = (line, line)
                self.index(item, (*path, i))

    def line(self, path: tuple, key: bool = False) -> int:
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path][0 if key else 1]

    def add(self, path: tuple, message: str, key: bool = False) -> None:
        self.mistakes.append(Mistake(self.line(path, key), describe(path), message))

    # -- shared shapes ------------------------------------------------------------------
    def unknown_keys(self, data: dict, allowed: tuple, path: tuple = ()) -> dict[str, Any]:
        """Report keys not in `allowed`; return the x- keys (kept for instructors' own use)."""
        extra = {}
        for key in data:
            if str(key).startswith(EXTRA_PREFIXES):
                extra[str(key)] = data[key]
            elif key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.add((*path, key), f"unknown key '{key}'; {hint}expected one of "
                         f"{', '.join(allowed)} (start your own keys with 'x-').", key=True)
        return extra

    def positive_int(self, value: Any, path: tuple, what: str = "a whole number above 0",
                     most: int | None = None) -> bool:
        most = most or LIMITS.get(str(path[-1]), MAX_MEETING_MINUTES)
        if not is_int(value) or value <= 0:
            self.add(path, f"expected {what}, found {kind_of(value)}.")
            return False
        if value > most:
            self.add(path, f"{value} is more than this workbook allows; expected at most {most}.")
            return False
        return True

    def numbers(self, data: dict, defaults: dict, path: tuple) -> dict[str, int]:
        """A group of positive whole numbers, e.g. outreach limits; missing keys take defaults."""
        if not isinstance(data, dict):
            self.add(path, f"expected a group of keys ({', '.join(defaults)}), "
                     f"found {kind_of(data)}.")
            return dict(defaults)
        self.unknown_keys(data, tuple(defaults), path)
        out = dict(defaults)
        for key in defaults:
            if key in data and self.positive_int(data[key], (*path, key)):
                out[key] = data[key]
        return out


def check_categories(c: Checker, value: Any) -> list[str]:
    path = ("categories",)
    if not isinstance(value, list):
        c.add(path, f"expected a list of category names like [friend, relative], "
              f"found {kind_of(value)}.")
        return []
    if not value:
        c.add(path, "the list is empty; give at least one category, e.g. [friend, classmate].")
    if len(value) > MAX_CATEGORIES:
        c.add(path, f"{len(value)} categories are more than students can choose from; "
              f"expected at most {MAX_CATEGORIES}.")
        value = value[:MAX_CATEGORIES]
    out: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            c.add((*path, i), f"expected a category name (text), found {kind_of(item)}.")
            continue
        name = item.strip().lower()
        if name in out:
            c.add((*path, i), f"'{item}' is listed twice; keep one.")
            continue
        out.append(name)
    return out


def check_prompts(c: Checker, value: Any, categories: list[str]) -> list[dict[str, str]]:
    path = ("prompts",)
    if not isinstance(value, list):
        c.add(path, "expected a list of prompts, each with '- category: ...' and "
              f"'prompt: ...', found {kind_of(value)}.")
        return []
    if not value:
        c.add(path, "the list is empty; give at least one prompt (a category and a question).")
    out = []
    for i, item in enumerate(value):
        where = (*path, i)
        if not isinstance(item, dict):
            c.add(where, f"expected 'category: ...' and 'prompt: ...', found {kind_of(item)}.")
            continue
        c.unknown_keys(item, PROMPT_KEYS, where)
        ok = True
        for key in PROMPT_KEYS:
            text = item.get(key)
            if key not in item:
                c.add(where, f"'{key}' is missing; each prompt needs a category and a prompt.")
                ok = False
            elif not isinstance(text, str) or not text.strip():
                c.add((*where, key), f"expected text, found {kind_of(text)}.")
                ok = False
        if not ok:
            continue
        category = item["category"].strip().lower()
        if categories and category not in categories:
            close = difflib.get_close_matches(category, categories, n=1)
            hint = f"did you mean '{close[0]}'? Or " if close else ""
            c.add((*where, "category"), f"'{item['category']}' is not in categories; {hint}"
                  f"add it to the 'categories' list ({', '.join(categories)}).")
            continue
        out.append({"category": category, "prompt": item["prompt"].strip()})
    return out


def check_list_targets(c: Checker, data: dict) -> tuple[int, int]:
    aim, stretch = data.get("list_aim", 50), data.get("list_stretch", 100)
    ok = c.positive_int(aim, ("list_aim",)) & c.positive_int(stretch, ("list_stretch",))
    if ok and stretch < aim:
        c.add(("list_stretch",), f"the stretch goal ({stretch}) is below the aim ({aim}); "
              "expected list_stretch to be at least list_aim.")
    return (aim, stretch) if ok else (50, 100)


def check_meeting_lengths(c: Checker, value: Any) -> list[int]:
    path = ("meeting_lengths",)
    if not isinstance(value, list) or not value:
        c.add(path, f"expected a list of minutes like [15, 20, 30], found {kind_of(value)}.")
        return list(DEFAULTS["meeting_lengths"])
    out = []
    for i, item in enumerate(value):
        if c.positive_int(item, (*path, i), "minutes as a whole number above 0", most=10**9):
            if item > MAX_MEETING_MINUTES:
                c.add((*path, i), f"{item} minutes is longer than an informational interview "
                      f"should be; expected at most {MAX_MEETING_MINUTES}.")
            elif item in out:
                c.add((*path, i), f"{item} is listed twice; keep one.")
            else:
                out.append(item)
    return out


def check_outreach(c: Checker, value: Any) -> dict[str, int]:
    out = c.numbers(value, DEFAULT_OUTREACH, ("outreach",))
    if out["strict_max_words"] > out["max_words"]:
        c.add(("outreach", "strict_max_words"), f"the strict limit ({out['strict_max_words']}) "
              f"is above max_words ({out['max_words']}); expected strict_max_words to be at "
              "most max_words.")
    return out


def check_follow_up(c: Checker, value: Any) -> dict[str, int]:
    out = c.numbers(value, DEFAULT_FOLLOW_UP, ("follow_up",))
    second, again = out["second_contact_after_days"], out["follow_up_after_days"]
    if second > again:
        c.add(("follow_up", "second_contact_after_days"), f"contacting a second person after "
              f"{plural(second, 'day')} comes after the follow-up ({plural(again, 'day')}); "
              "expected second_contact_after_days to be at most follow_up_after_days (3B7: 3 and 7).")
    return out


def check_question_bank(c: Checker, value: Any, base: Path) -> Path:
    path = ("question_bank",)
    if not isinstance(value, str) or not value.strip():
        c.add(path, f"expected the path of a question bank file, found {kind_of(value)}.")
        return DEFAULT_BANK
    bank = Path(value.strip()).expanduser()
    if not bank.is_absolute():
        # next to the protocol file first; a copied protocol still finds the shipped bank
        bank = next((b / bank for b in (base, DATA_DIR) if (b / bank).is_file()), base / bank)
    if not bank.is_file():
        c.add(path, f"no file '{value}' next to the protocol file ({base}) or in data/; "
              "expected the path of a question bank such as questions.yaml (relative to the "
              "protocol file, or absolute).")
        return bank
    problem = bank_problem(bank)
    if problem:
        c.add(path, f"the question bank {bank.name} has a problem: {problem}")
    return bank


def bank_problem(bank: Path) -> str:
    """'' when the bank is usable, else what is wrong with it."""
    try:
        read_bank(bank)
    except InfoviewError as err:
        return str(err)
    return ""


def check_holidays(c: Checker, value: Any) -> dict[str, str]:
    """{country, subdivision}: whose public holidays the follow-up dates skip."""
    path = ("holidays",)
    if value is None:
        return {}
    if isinstance(value, str):
        value = {"country": value}
    if not isinstance(value, dict):
        c.add(path, f"expected 'country: FR' (and optionally 'subdivision: ...'), found "
              f"{kind_of(value)}.")
        return {}
    c.unknown_keys(value, ("country", "subdivision"), path)
    country = str(value.get("country") or "").strip().upper()
    subdivision = str(value.get("subdivision") or "").strip() or None
    import holidays  # only when a protocol names a country (keeps start-up light)

    supported = holidays.list_supported_countries()
    if country not in supported:
        close = difflib.get_close_matches(country, list(supported), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        c.add((*path, "country"), f"'{value.get('country')}' is not a country the holiday "
              f"list knows; {hint}use a two-letter code such as FR, GB, US, CA or DE.")
        return {}
    if subdivision and subdivision not in supported[country]:
        c.add((*path, "subdivision"), f"'{subdivision}' is not a region of {country}; use one "
              f"of {', '.join(supported[country][:12]) or 'none (leave it out)'}.")
        subdivision = None
    return {"country": country, "subdivision": subdivision}


def check_category_map(c: Checker, value: Any, categories: list[str]) -> dict[str, str]:
    """Built-in category (as the sample personas use) -> this class's category."""
    path = ("category_map",)
    if value is None:
        return {}
    if not isinstance(value, dict):
        c.add(path, f"expected lines like 'friend: ami', found {kind_of(value)}.")
        return {}
    out = {}
    for key, target in value.items():
        name = str(target).strip().lower() if isinstance(target, str) else ""
        if name not in categories:
            c.add((*path, key), f"'{target}' is not in categories; expected one of "
                  f"{', '.join(categories[:12])}.")
            continue
        out[str(key).strip().lower()] = name
    return out


def check_protocol_data(c: Checker, data: Any, base: Path) -> dict[str, Any]:
    if data is None:
        c.add((), "the file is empty; start from a copy of data/protocol.yaml.")
        return {}
    if not isinstance(data, dict):
        c.add((), f"expected keys such as 'prompts:' and 'categories:' at the top, found "
              f"{kind_of(data)}.")
        return {}
    extra = c.unknown_keys(data, TOP_KEYS)
    for key in REQUIRED:
        if key not in data:
            c.add((), f"'{key}' is missing; copy it from data/protocol.yaml and change it.")
    if data.get("version", 1) != 1:
        c.add(("version",), f"this workbook reads protocol version 1, found "
              f"{kind_of(data['version'])}; set 'version: 1'.")
    categories = check_categories(c, data.get("categories", []))
    aim, stretch = check_list_targets(c, data)
    return {
        "prompts": check_prompts(c, data.get("prompts", []), categories),
        "categories": categories,
        "list_aim": aim,
        "list_stretch": stretch,
        "question_bank": check_question_bank(c, data.get("question_bank", DEFAULT_BANK.name),
                                             base),
        "outreach": check_outreach(c, data.get("outreach", DEFAULT_OUTREACH)),
        "meeting_lengths": check_meeting_lengths(c, data.get("meeting_lengths", [15, 20, 30])),
        "follow_up": check_follow_up(c, data.get("follow_up", DEFAULT_FOLLOW_UP)),
        "holidays": check_holidays(c, data.get("holidays")),
        "category_map": check_category_map(c, data.get("category_map"), categories),
        "extra": extra,
    }


def check_protocol_text(text: str, path: Path | None = None) -> tuple[dict, list[Mistake]]:
    """Check protocol YAML text; return (values for Protocol, mistakes sorted by line)."""
    base = (path or DATA_DIR / "protocol.yaml").parent
    if len(text) > MAX_CHARS:
        return {}, [Mistake(1, "the file", f"{len(text):,} characters is far more than a "
                            f"protocol needs (at most {MAX_CHARS:,}); start from a copy of "
                            "data/protocol.yaml.")]
    c = Checker(text)
    try:
        node, data = read_yaml(text)
    except yaml.YAMLError as err:
        return {}, [yaml_mistake(err, text)]
    c.index(node)
    values = check_protocol_data(c, data, base)
    return values, sorted(c.mistakes, key=lambda m: m.line)
