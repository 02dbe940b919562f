"""The word lists the checker and the default parts share (plain regular expressions).

Example:
    >>> sorted({m.group(0).lower() for m in JOB_WORDS.finditer(
    ...     "A graduate seeking solar and storage roles, or any open position.")})
    ['position', 'roles']
    >>> bool(JOB_WORDS.search("I'd love to hear what your role at Northwind is like."))
    False
    >>> [m.group(0) for m in PLACEHOLDERS.finditer("Best wishes, [your name]. I'm. {topic}")]
    ['[your name]', "I'm.", '{topic}']
"""

from __future__ import annotations

import re

# Words that turn a request for information into a request for a job. "role" alone is
# fine ("what your role is like"); "roles", "a role", "a new role" are not.
JOB_WORDS = re.compile(
    r"\b(jobs?|openings?|vacanc(?:y|ies)|positions?|roles|(?:a|an|new|junior|entry-level|"
    r"graduate|full-time|part-time|paid|permanent) role|hiring|hire[ds]?|recruit\w*|apply|"
    r"applying|applied|applications?|applicants?|r[ée]sum[ée]s?|cvs?|internships?|"
    r"placements?|employment|employers?|opportunit(?:y|ies)|salary|salaries|looking for work)\b",
    re.IGNORECASE)
CONNECTION_CUES = re.compile(
    r"\b(suggest\w*|recommend\w*|referr?\w*|introduc\w*|mention\w*|pass\w* on|gave me|"
    r"told me|met|meet|fellow|alum\w*|both|classmates?|colleagues?|friends?|know each other|"
    r"we know|know me|known me|student|taught|neighbou?rs?|worked together|connected|"
    r"family|through|via|advis\w*|helped me)\b",
    re.IGNORECASE)
# Phrases that only make sense on paper: a phone script must not say them.
WRITTEN_ONLY = re.compile(
    r"\b(reading this|read this|(?:a |this )?(?:quick |short )?note|this (?:e-?mail|message)|"
    r"writ(?:e|ing) to you|attached|below)\b", re.IGNORECASE)
# Holes a draft must never keep: [your name], {topic}, an empty "I'm." or "This is,".
PLACEHOLDERS = re.compile(
    r"\[[^\]\n]{0,40}\]|\{[^}\n]{0,40}\}|\b(?:I'm|I am|This is)(?=\s*[.,;:!?])[.,;:!?]?",
    re.IGNORECASE)



def job_words(text: str) -> list[str]:
    """The job words in `text`, lower-case, each once, sorted.

    >>> job_words("Seeking a Job, any job or internship")
    ['internship', 'job']
    """
    return sorted({m.group(0).lower() for m in JOB_WORDS.finditer(text)})


__all__ = ["CONNECTION_CUES", "JOB_WORDS", "PLACEHOLDERS", "WRITTEN_ONLY", "job_words"]
