"""Sources a reader can follow: a public web address or a full citation, never a path on someone's disk."""

from __future__ import annotations

import re

# Web addresses are taken out first: a URL's own path (https://skl.se/a/b.html) is not a local file.
_WEB = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_LOCAL = re.compile(
    r"(?ix)"
    r"(?:^|[\s(\"'])(?:file:|~/|\.{1,2}/|/[\w.-]+/|[a-z]:\\)"  # file:, ~/, ./, ../, /abs/…, C:\
    r"|\\"  # any backslash (a Windows path)
    r"|(?:^|[\s(\"',])(?:[\w.-]+/)+[\w.-]+\.(?:txt|pdf|csv|xlsx?|docx?|json|md|html?|png|jpe?g)\b"  # a/b/c.txt
    r"|^\s*[\w.-]+\.(?:txt|pdf|csv|xlsx?|docx?|json|md|png|jpe?g)\s*$"  # only a file name: rapport.pdf
)


def is_local_path(text: str) -> bool:
    """True when a source names a file on a disk (shared/seed/x.txt, C:\\x.pdf, file:…) rather than a public place."""
    rest = _WEB.sub(" ", str(text))
    return bool(_LOCAL.search(rest))
