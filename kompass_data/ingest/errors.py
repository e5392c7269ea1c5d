"""The one error ingest raises: a catalogue key plus parameters (exit code 1)."""

from __future__ import annotations

from ..errors import KompassError


class IngestError(KompassError):
    """A file or text that is not a readable Kommunkompassen report, or a bad override."""

    exit_code = 1
