"""infoview: a guided workbook for informational interviewing.

Example:
    >>> import infoview_lib as iv
    >>> iv.TIE_STRENGTHS
    ('often', 'occasionally', 'rarely')
"""

from .workbook.errors import (
    ExportError,
    ImportFormatError,
    InfoviewError,
    NotFound,
    ProtocolError,
    ValidationError,
    WorkbookCorrupt,
    WorkbookError,
    WorkbookExists,
    WorkbookNotFound,
    WorkbookTooNew,
)
from .workbook.model import (
    CATEGORIES,
    TARGET_KINDS,
    TIE_STRENGTHS,
    Contact,
    Meeting,
    Note,
    Organization,
    Outreach,
    QuestionChoice,
    Target,
    Tie,
)
from .workbook.paths import default_workbook_path
from .workbook.store import Workbook, create_workbook, open_workbook

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES", "TARGET_KINDS", "TIE_STRENGTHS",
    "Contact", "Meeting", "Note", "Organization", "Outreach", "QuestionChoice", "Target", "Tie",
    "Workbook", "create_workbook", "open_workbook", "default_workbook_path",
    "InfoviewError", "WorkbookError", "WorkbookNotFound", "WorkbookExists", "WorkbookTooNew",
    "WorkbookCorrupt", "ValidationError", "NotFound", "ImportFormatError", "ExportError",
    "ProtocolError", "__version__",
]
