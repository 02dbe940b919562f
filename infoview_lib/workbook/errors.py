"""One exception family for infoview. Every message says what to do next.

InfoviewError
 ├── WorkbookError            the workbook file itself
 │    ├── WorkbookNotFound     no workbook at the path given
 │    ├── WorkbookExists       refusing to overwrite an existing workbook
 │    ├── WorkbookTooNew       written by a newer infoview
 │    ├── WorkbookDeleted      the open workbook's file was deleted or replaced
 │    └── WorkbookCorrupt      not a readable infoview workbook
 ├── ValidationError          a value the user gave is not acceptable
 ├── NotFound                 a contact, target ... that does not exist
 ├── ImportFormatError        a contact file that cannot be read at all
 ├── ExportError              an export that cannot be written
 └── ProtocolError            an instructor protocol file with mistakes

Example:
    >>> try:
    ...     raise ValidationError("Tie strength 'weekly' is not known; use often, occasionally or rarely.")
    ... except InfoviewError as err:
    ...     print(err)
    Tie strength 'weekly' is not known; use often, occasionally or rarely.
"""


class InfoviewError(Exception):
    """Base class: catch this to handle every infoview problem."""


class WorkbookError(InfoviewError):
    """A problem with the workbook file."""


class WorkbookNotFound(WorkbookError):
    """There is no workbook where one was expected."""


class WorkbookExists(WorkbookError):
    """A workbook is already there and would be overwritten."""


class WorkbookTooNew(WorkbookError):
    """The workbook was written by a newer version of infoview."""


class WorkbookDeleted(WorkbookError):
    """The file of an open workbook was deleted (or replaced) since it was opened."""


class WorkbookCorrupt(WorkbookError):
    """The file is not a readable infoview workbook."""


class ValidationError(InfoviewError, ValueError):
    """A value given by the user is not acceptable."""


class NotFound(InfoviewError, LookupError):
    """A record that was asked for does not exist."""


class ImportFormatError(InfoviewError):
    """A contact file cannot be read at all (missing, binary, unknown format)."""


class ExportError(InfoviewError):
    """An export cannot be written."""


class ProtocolError(InfoviewError):
    """An instructor protocol file has mistakes."""
