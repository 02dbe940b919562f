"""What students hand in, opened safely: every file is either a candidate progress file or
listed with the reason it was skipped.

Handles a progress.json on its own, an anonymised bundle (.zip holding one), folders of
them, and a learning platform's "download all submissions" zip (zips inside a zip, one
folder per student). Sizes, member counts and nesting are capped, so a zip bomb, a
password-protected zip or a hostile file is listed and skipped, never followed.

Example:
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.json").write_text("{}"); _ = (d / "essay.pdf").write_bytes(b"%PDF")
    >>> [(label, type(item).__name__) for label, item in candidates([d])]
    [('a.json', 'bytes'), ('essay.pdf', 'str')]
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

PROGRESS_NAME = "progress.json"
BUNDLE_NAME = "infoview-anonymised.zip"
MAX_BYTES = 2_000_000  # a progress file is a few kB; anything this big is not one
MAX_ZIP_BYTES = 200_000_000  # one hand-in zip, or a zip inside it, read into memory
MAX_MEMBERS = 5_000  # files in one zip (a class of 300 with a dozen files each)
MAX_DEPTH = 3  # platform zip -> student folder's zip -> bundle
HAND_IN = ("my-workbook/exports/for-instructor/infoview-anonymised.zip (made by 'infoview hand-in' or the export panel's 'For your instructor' button)")
FULL_EXPORT_SIGNS = ("backup/workbook.json", "tables/contacts.csv")
FULL_EXPORT = ("this is the full export, with names in it, not the anonymised one; nothing "
               "from it was read. Ask the student to delete it and hand in " + HAND_IN)

# A candidate is (label, raw bytes of a possible progress file) or (label, why it was skipped).
Candidate = tuple[str, "bytes | str"]


def _skip_reason(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower() or "(no extension)"
    return (f"a {suffix} file is not a progress file; ask for {HAND_IN} (or the progress.json "
            "inside it)")


def _is_encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1)


def _bundle_folders(names: list[str]) -> set[str]:
    """Folders holding a progress.json: the other files there are the bundle's own."""
    return {str(PurePosixPath(n).parent) for n in names
            if PurePosixPath(n).name == PROGRESS_NAME}


def _in_bundle(name: str, folders: set[str]) -> bool:
    parents = {str(p) for p in PurePosixPath(name).parents}
    return bool(parents & folders)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most `limit` bytes of one member; ValueError when it is bigger (whatever it claims)."""
    if info.file_size > limit:
        raise ValueError("too large")
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ValueError("too large")
    return data


def _zip_candidates(raw: bytes | Path, label: str, depth: int) -> Iterator[Candidate]:
    try:
        with zipfile.ZipFile(raw if isinstance(raw, Path) else io.BytesIO(raw)) as archive:
            yield from _members(archive, label, depth)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as err:
        yield label, f"not a readable .zip bundle ({err}); make the zip again"


def _members(archive: zipfile.ZipFile, label: str, depth: int) -> Iterator[Candidate]:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        yield label, (f"the zip holds {len(infos):,} files, more than a class hands in "
                      f"(at most {MAX_MEMBERS:,}); nothing in it was read")
        return
    names = [i.filename for i in infos]
    bundles = _bundle_folders(names)
    if not bundles and any(n.endswith(sign) for n in names for sign in FULL_EXPORT_SIGNS):
        yield label, FULL_EXPORT  # an anonymised bundle always holds a progress.json
        return
    if not bundles and not any(n.lower().endswith((".zip", ".json")) for n in names):
        yield label, (f"the zip has no {PROGRESS_NAME}; ask the student to export the "
                      "anonymised bundle again")
        return
    # one student's bundle: its progress file goes by the zip's name
    single = len(bundles) == 1 and sum(n.lower().endswith((".json", ".zip")) for n in names) == 1
    for info in infos:
        yield from _member(archive, info, label, depth, bundles, single)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, depth: int,
            bundles: set[str], single: bool = False) -> Iterator[Candidate]:
    name = PurePosixPath(info.filename)
    where = label if single else f"{label}/{info.filename}"
    is_progress = name.name == PROGRESS_NAME or (name.suffix.lower() == ".json"
                                                 and not _in_bundle(info.filename, bundles))
    is_zip = name.suffix.lower() == ".zip"
    if name.name.startswith(".") or "__MACOSX" in name.parts:
        return  # a system's hidden copy (macOS resource forks), not a hand-in
    if not (is_progress or is_zip):
        if not _in_bundle(info.filename, bundles):
            yield where, _skip_reason(info.filename)
        return
    if _is_encrypted(info):
        yield where, "the zip is protected by a password; hand it in without one"
        return
    if is_zip and depth >= MAX_DEPTH:
        yield where, f"zips nested more than {MAX_DEPTH} deep; unzip it once and hand that in"
        return
    try:
        data = _read_member(archive, info, MAX_ZIP_BYTES if is_zip else MAX_BYTES)
    except ValueError:
        yield where, "too large to be a progress file or a hand-in bundle"
        return
    except NotImplementedError:
        yield where, "packed with a compression this report cannot read; zip it again"
        return
    except (zipfile.BadZipFile, EOFError, OSError) as err:
        yield where, f"damaged inside the zip ({err}); make the zip again"
        return
    if is_zip:
        yield from _zip_candidates(data, where, depth + 1)
    else:
        yield where, data


def _file_candidates(path: Path, label: str) -> Iterator[Candidate]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix == ".zip":
            if size > MAX_ZIP_BYTES:
                yield label, "too large to be a hand-in bundle"
                return
            yield from _zip_candidates(path, label, 1)
        elif suffix == ".json":
            yield label, ("too large to be a progress file" if size > MAX_BYTES
                          else path.read_bytes())
        else:
            yield label, _skip_reason(path.name)
    except OSError as err:
        yield label, f"cannot be read ({err.strerror or err})"


def labelled(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """(label, file): a file inside a folder given is labelled by its path in that folder
    (alice/progress.json), so files of the same name in sub-folders can be told apart.
    Hidden files (.DS_Store) and the rest of an export folder (README, summary) are left out."""
    out: list[tuple[str, Path]] = []
    for item in paths:
        path = Path(item).expanduser()
        if not path.is_dir():
            out.append((path.name, path))
            continue
        files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")]
        bundles = {p.parent for p in files if p.name in (PROGRESS_NAME, BUNDLE_NAME)}
        out += sorted((p.relative_to(path).as_posix(), p) for p in files
                      if p.parent not in bundles or p.suffix.lower() in (".json", ".zip"))
    return out


def candidates(paths: Iterable[str | Path]) -> Iterator[Candidate]:
    """Every file given (folders searched, zips opened), as raw progress data or a reason."""
    for label, path in labelled(paths):
        yield from _file_candidates(path, label)
