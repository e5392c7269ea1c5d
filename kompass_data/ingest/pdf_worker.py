"""Read a PDF's text layer in a child process under a memory cap, page by page, stopping at the limits.

Run by kompass_data.ingest.reader as `python -I pdf_worker.py MEMORY_BYTES SECONDS PAGES CHARS PAGE_CONTENT TOTAL_CONTENT`
with the PDF on stdin; one JSON object on stdout. Standalone on purpose (stdlib and pdfplumber only):
importing the kompass_data package would load pandas before the memory cap is set.
"""

import io
import json
import resource
import sys
import time
import zlib

INFLATE_CHUNK = 1 << 20  # inflate a content stream 1 MB at a time when measuring it


def inflated_size(stream, limit: int) -> int:
    """The size of a content stream once inflated, counted in chunks and given up just above limit."""
    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return 0
    filters = stream.get_filters() if stream.rawdata is not None else []
    names = [str(getattr(f, "name", f)) for f, _params in filters]
    if not names or stream.decipher is not None or names[0] not in ("FlateDecode", "Fl"):
        return len(raw)  # other filters are rare in text layers; the memory cap still holds for them
    inflater = zlib.decompressobj()
    total, pending = 0, raw
    try:
        while pending and total <= limit:
            total += len(inflater.decompress(pending, INFLATE_CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return total  # a damaged stream: pdfminer decides what to make of it
    return total


def content_streams(page) -> list:
    """The page's content streams (pdfminer resolves /Contents to a list of streams)."""
    return [s for s in (page.page_obj.contents or []) if hasattr(s, "rawdata")]


def read(data: bytes, max_pages: int, max_chars: int, max_page_content: int, max_content: int, deadline: float) -> dict:
    """The text of each page until the end or until a limit is reached (then which limit, and the value)."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        count = resolve1(pdf.doc.catalog.get("Pages"))
        count = int(resolve1(count.get("Count", 0))) if isinstance(count, dict) else 0
        if count > max_pages:
            return {"limit": "pages", "value": count}
        texts: list[str] = []
        chars = content = 0
        for number, page in enumerate(pdf.pages, start=1):
            if number > max_pages:
                return {"limit": "pages", "value": len(pdf.pages)}
            if time.monotonic() > deadline:
                return {"limit": "time", "page": number}
            for stream in content_streams(page):
                size = inflated_size(stream, max_page_content)
                content += size
                if size > max_page_content:
                    return {"limit": "page_content", "page": number}
                if content > max_content:
                    return {"limit": "content", "page": number}
            text = page.extract_text() or ""
            page.close()  # frees the page's parsed objects: memory stays at one page's worth
            chars += len(text) + 1
            if chars > max_chars:
                return {"limit": "chars", "page": number}
            texts.append(text)
    return {"text": "\n".join(texts), "pages": len(texts)}


def main(argv: list[str]) -> int:
    memory, seconds, max_pages, max_chars, max_page_content, max_content = (int(a) for a in argv[1:7])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 2))  # a backstop to the parent's timeout
    data = sys.stdin.buffer.read()
    deadline = time.monotonic() + seconds
    try:
        result = read(data, max_pages, max_chars, max_page_content, max_content, deadline)
    except MemoryError:
        result = {"limit": "memory"}
    except RecursionError:
        result = {"error": "RecursionError"}
    except Exception as exc:  # pdfminer raises many exception types for broken or encrypted files
        if out_of_memory(exc):
            result = {"limit": "memory"}
        else:
            result = {"error": reason(exc)}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


def out_of_memory(exc: BaseException) -> bool:
    """True when exc is, or was caused by, running into the memory cap (pdfminer wraps zlib's MemoryError)."""
    while exc is not None:
        if isinstance(exc, MemoryError) or "allocate" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def reason(exc: BaseException) -> str:
    """The exception's type and the first line of its text."""
    detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


if __name__ == "__main__":
    sys.exit(main(sys.argv))
