"""Contact importers: pure parse_* functions (bytes or text in, records and problems out),
thin read_* file shells, format detection from content, and the merge into a workbook.

Example:
    >>> r = parse_contacts(b"BEGIN:VCARD\\nVERSION:3.0\\nFN:Ada Example\\nEND:VCARD\\n", "a.vcf")
    >>> r.format, [c.name for _, c in r.contacts]
    ('vcard', ['Ada Example'])
"""

from .base import ParseResult, Problem, decode_bytes, labels_to_categories, linkedin_key, name_key
from .detect import FORMATS, detect_format, parse_contacts
from .duplicates import mark_different, merge_people, possible_duplicates, undo_merge
from .files import (
    import_files,
    import_uploads,
    read_contacts,
    read_google,
    read_linkedin,
    read_outlook,
    read_vcard,
)
from .google import parse_google
from .linkedin import parse_date, parse_linkedin, parse_linkedin_zip
from .merge import ContactIndex, merge_contact, merge_results
from .outlook import parse_address_book, parse_outlook
from .summary import ImportSummary
from .vcard import parse_vcard

__all__ = [
    "FORMATS", "ContactIndex", "ImportSummary", "ParseResult", "Problem", "decode_bytes",
    "detect_format", "import_files", "import_uploads", "labels_to_categories", "linkedin_key",
    "mark_different", "merge_contact", "merge_people", "merge_results", "name_key",
    "parse_address_book", "parse_contacts", "parse_date", "parse_google", "parse_linkedin",
    "parse_linkedin_zip", "parse_outlook", "parse_vcard", "possible_duplicates",
    "read_contacts", "read_google", "read_linkedin", "read_outlook", "read_vcard",
    "undo_merge",
]
