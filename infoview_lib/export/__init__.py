"""Export and share: plans (Markdown, HTML, PDF), calendar, tables, backup, map, zip, the
anonymised bundle, and deleting one's data.

Example:
    >>> sorted(FORMATS)[:3]
    ['csv', 'graphml', 'html']
"""

from __future__ import annotations

from .bundle import FORMAT_HELP, FORMATS, ExportResult, backup_text, export_workbook, parse_formats
from .delete import DeleteReport, delete_my_data
from .names import ExportFolder, safe_filename
from .progress_file import progress_data

__all__ = ["FORMATS", "FORMAT_HELP", "DeleteReport", "ExportFolder", "ExportResult",
           "backup_text", "delete_my_data", "export_workbook", "parse_formats", "progress_data",
           "safe_filename"]
