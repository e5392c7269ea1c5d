"""Turn a file into report text: PDF text layer (pdfplumber) or plain text in UTF-8 / cp1252."""

from __future__ import annotations

import io
import os
from pathlib import Path

from ..tables import decode_text
from .errors import IngestError

MAX_BYTES = 50 * 1024 * 1024  # a report is a few MB; anything bigger is not one
MAX_CHARS = 20_000_000
MAX_PDF_PAGES = 2000

_pdfplumber = None


def _pdf_module():
    """pdfplumber, imported on first use so that importing kompass_data.ingest stays cheap."""
    global _pdfplumber
    if _pdfplumber is None:
        import pdfplumber  # noqa: PLC0415 - deliberate lazy import

        _pdfplumber = pdfplumber
    return _pdfplumber


def read_report(path: str | os.PathLike) -> str:
    """The text of the report at path; IngestError for anything that is not a readable report."""
    p = Path(path)
    name = p.name or str(path)
    try:
        if not p.exists():
            raise IngestError("ingest.error.not_found", file=str(path))
        if p.is_dir():
            raise IngestError("ingest.error.not_a_file", file=str(path))
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(
                "ingest.error.too_large", file=name, size_mb=round(size / 1e6, 1), limit_mb=MAX_BYTES // 1_000_000
            )
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError("ingest.error.unreadable", file=name, reason=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_BYTES:
        raise IngestError("ingest.error.too_large", file=name, size_mb=round(len(data) / 1e6, 1), limit_mb=MAX_BYTES // 1_000_000)
    return bytes_to_text(data, name)


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
    """The PDF's text layer, pages joined by newlines; IngestError when it cannot be read or has none."""
    try:
        pdfplumber = _pdf_module()
    except Exception as exc:  # pragma: no cover - pdfplumber is a declared dependency
        raise IngestError("ingest.error.pdf_unreadable", file=name, reason=f"pdfplumber: {exc}") from None
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                if i >= MAX_PDF_PAGES:
                    break
                pages.append(page.extract_text() or "")
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many exception types for broken or encrypted files
        reason = type(exc).__name__
        detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        raise IngestError("ingest.error.pdf_unreadable", file=name, reason=f"{reason}: {detail}" if detail else reason) from None
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError("ingest.error.pdf_no_text", file=name)
    return text
