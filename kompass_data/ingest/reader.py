"""Turn a file into report text: PDF text layer (pdfplumber) or plain text in UTF-8 / cp1252."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from ..tables import decode_text
from .errors import IngestError
from .limits import (
    MAX_CONCURRENT_READS,
    MAX_CONTENT_MB,
    MAX_PAGE_CONTENT_MB,
    MAX_READ_MEMORY_MB,
    MAX_READ_SECONDS,
    MAX_REPORT_BYTES,
    MAX_REPORT_CHARS,
    MAX_REPORT_PAGES,
)

WORKER = Path(__file__).resolve().with_name("pdf_worker.py")
READER_START_SECONDS = 10  # the child's own start (Python, pdfplumber) on a busy machine, beyond the reading
_READERS = threading.BoundedSemaphore(MAX_CONCURRENT_READS)


def read_report(path: str | os.PathLike) -> str:
    """The text of the report at path; IngestError for anything that is not a readable report."""
    p = Path(path)
    return bytes_to_text(read_bytes(path), p.name or str(path))


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of the report at path, within the size limit; IngestError when it cannot be read."""
    p = Path(path)
    name = p.name or str(path)
    try:
        if not p.exists():
            raise IngestError("ingest.error.not_found", file=str(path))
        if p.is_dir():
            raise IngestError("ingest.error.not_a_file", file=str(path))
        size = p.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise IngestError(
                "ingest.error.too_large", file=name, size_mb=round(size / 1e6, 1), limit_mb=MAX_REPORT_BYTES // 1_000_000
            )
        with p.open("rb") as fh:
            data = fh.read(MAX_REPORT_BYTES + 1)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError("ingest.error.unreadable", file=name, reason=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_REPORT_BYTES:
        raise IngestError("ingest.error.too_large", file=name, size_mb=round(len(data) / 1e6, 1), limit_mb=MAX_REPORT_BYTES // 1_000_000)
    return data


def bytes_to_text(data: bytes, name: str) -> str:
    """Decode report bytes: PDF via its text layer, otherwise text in UTF-8(-BOM), UTF-16 (BOM) or cp1252."""
    if not data or not data.strip():
        raise IngestError("ingest.error.empty", file=name)
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return pdf_to_text(data, name)
    text = _decode(data, name)
    if _looks_binary(text):
        raise IngestError("ingest.error.binary", file=name)
    if not text.strip():
        raise IngestError("ingest.error.empty", file=name)
    return text


def _decode(data: bytes, name: str) -> str:
    """UTF-16 (with a byte-order mark or detected without one), else tables.decode_text's UTF-8 / cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data[:65536]:
        encoding = _utf16_without_bom(data[:65536])
        if encoding is None:
            raise IngestError("ingest.error.binary", file=name)
    else:
        encoding = None  # UTF-8 (with or without BOM) or Windows-1252: what the table reader accepts
    try:
        return data.decode(encoding) if encoding else decode_text(data)
    except UnicodeDecodeError:
        raise IngestError("ingest.error.undecodable", file=name) from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for Swedish text saved as UTF-16 without a byte-order mark, else None."""
    # The high byte of nearly every character is zero, so zeros fill one byte position and not the other.
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    if half < 8:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd >= 0.7 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.7 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """True when control characters (other than whitespace) make up more than 1 % of the text."""
    sample = text[:200_000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0 or ch == "\ufffd")
    return bad > max(3, len(sample) // 100)


def pdf_to_text(data: bytes, name: str) -> str:
    """The PDF's text layer, pages joined by newlines, read by a bounded child process (see read_pdf)."""
    return read_pdf(data, name).text


@dataclass(frozen=True)
class PdfText:
    """A PDF's text layer, how many pages it had, and the child process that read it."""

    text: str
    pages: int
    reader_pid: int


def read_pdf(data: bytes, name: str) -> PdfText:
    """Read the text layer in a child process capped in memory and time; IngestError naming any limit reached."""
    # The child's memory is returned to the system when it exits, and a bomb kills the child, not the server.
    args = [MAX_READ_MEMORY_MB * 1024 * 1024, MAX_READ_SECONDS, MAX_REPORT_PAGES, MAX_REPORT_CHARS,
            MAX_PAGE_CONTENT_MB * 1024 * 1024, MAX_CONTENT_MB * 1024 * 1024]
    with _READERS:
        try:
            child = subprocess.Popen(
                [sys.executable, "-I", str(WORKER), *map(str, args)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise IngestError("ingest.error.pdf_unreadable", file=name, reason=exc.strerror or type(exc).__name__) from None
        try:
            out, _ = child.communicate(data, timeout=MAX_READ_SECONDS + READER_START_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise IngestError("ingest.error.limit_time", file=name, limit=MAX_READ_SECONDS) from None
    try:
        answer = json.loads(out.decode("utf-8")) if out else {}
    except ValueError:
        answer = {}
    if not isinstance(answer, dict) or not answer:
        # No answer: the child died, which under these caps means it ran out of memory (or CPU time).
        if child.returncode == -signal.SIGXCPU:
            raise IngestError("ingest.error.limit_time", file=name, limit=MAX_READ_SECONDS)
        raise IngestError("ingest.error.limit_memory", file=name, limit=MAX_READ_MEMORY_MB)
    limit = answer.get("limit")
    if limit is not None:
        raise _limit_error(limit, answer, name)
    if "error" in answer:
        raise IngestError("ingest.error.pdf_unreadable", file=name, reason=str(answer["error"]))
    text = str(answer.get("text", ""))
    if not text.strip():
        raise IngestError("ingest.error.pdf_no_text", file=name)
    return PdfText(text=text, pages=int(answer.get("pages", 0)), reader_pid=child.pid)


def _limit_error(limit: str, answer: dict, name: str) -> IngestError:
    """The refusal for the limit the child reached, naming the limit."""
    page = answer.get("page", "")
    if limit == "pages":
        return IngestError("ingest.error.limit_pages", file=name, pages=answer.get("value", ""), limit=MAX_REPORT_PAGES)
    if limit == "chars":
        return IngestError("ingest.error.limit_chars", file=name, page=page, limit=MAX_REPORT_CHARS)
    if limit == "page_content":
        return IngestError("ingest.error.limit_page_content", file=name, page=page, limit=MAX_PAGE_CONTENT_MB)
    if limit == "content":
        return IngestError("ingest.error.limit_content", file=name, page=page, limit=MAX_CONTENT_MB)
    if limit == "time":
        return IngestError("ingest.error.limit_time", file=name, limit=MAX_READ_SECONDS)
    return IngestError("ingest.error.limit_memory", file=name, limit=MAX_READ_MEMORY_MB)
