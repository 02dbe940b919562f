"""The workbook's SQLite schema and its forward migrations.

Each entry of MIGRATIONS moves a workbook up one version; PRAGMA user_version records
where a file stands. Never edit a released entry: append a new one.

Example:
    >>> len(MIGRATIONS) == SCHEMA_VERSION
    True
"""

from __future__ import annotations

import sqlite3

from .errors import WorkbookTooNew

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, display_name TEXT,
    organization TEXT, title TEXT, emails TEXT, phones TEXT, linkedin_url TEXT,
    categories TEXT, tags TEXT, tie_strength TEXT, can_interview INTEGER, can_refer INTEGER,
    introduced_by INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    notes TEXT, sources TEXT, connected_on TEXT, created_at TEXT, updated_at TEXT,
    deleted_at TEXT
);
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT, industry TEXT, notes TEXT, sources TEXT
);
CREATE TABLE ties (
    id INTEGER PRIMARY KEY, a INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, kind TEXT, note TEXT,
    UNIQUE (a, b, kind)
);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT, motivation INTEGER, postings INTEGER,
    what_to_learn TEXT, organization TEXT, keywords TEXT, notes TEXT
);
CREATE TABLE outreach (
    id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    target_id INTEGER REFERENCES targets(id) ON DELETE SET NULL, status TEXT, channel TEXT,
    parts TEXT, history TEXT, sent_on TEXT, replied_on TEXT, created_at TEXT, updated_at TEXT
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    starts_at TEXT, timezone TEXT, duration_minutes INTEGER, place TEXT, video_link TEXT,
    checklist TEXT, debrief TEXT, thank_you_sent_on TEXT, report_back_on TEXT, notes TEXT
);
CREATE TABLE questions (
    id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    question_id TEXT, text TEXT NOT NULL, phase TEXT, minutes REAL, position INTEGER
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT, text TEXT, created_at TEXT
);
CREATE INDEX contacts_deleted ON contacts(deleted_at);
CREATE INDEX outreach_contact ON outreach(contact_id);
CREATE INDEX meetings_contact ON meetings(contact_id);
"""

MIGRATIONS: list[str] = [_V1]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, migrations: list[str] = MIGRATIONS) -> int:
    """Bring the open workbook up to the newest schema; return the version it is at.

    Runs inside the caller's transaction, so a failed migration leaves the file as it was.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(migrations):
        raise WorkbookTooNew(
            f"This workbook uses schema version {version}, newer than this infoview knows "
            f"({len(migrations)}). Update infoview (git pull, then 'make lab') to open it."
        )
    for number, script in enumerate(migrations[version:], start=version + 1):
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    return len(migrations)


def is_foreign(conn: sqlite3.Connection) -> bool:
    """True for an SQLite file that holds tables but not infoview's marker (another program's
    database): opening it must not add infoview's tables to it.

    >>> is_foreign(sqlite3.connect(":memory:"))
    False
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return False
    if "meta" not in tables:
        return True
    row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    return row is None or row[0] != "infoview"
