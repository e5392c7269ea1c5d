"""What reading one report may cost: the same limits for the CLI and the dashboard, each with its message."""

from __future__ import annotations

MAX_REPORT_BYTES = 50 * 1024 * 1024  # a report is a few MB; anything bigger is not one
MAX_REPORT_PAGES = 200  # Kommunkompassen reports have 20-80 pages
MAX_REPORT_CHARS = 1_000_000  # 200 dense pages; the seed report (Norsjö 2018) has 65,000
MAX_PAGE_CONTENT_MB = 10  # one page's drawing instructions once inflated; text pages need well under 1 MB
MAX_CONTENT_MB = 100  # all pages' drawing instructions together, once inflated
MAX_READ_SECONDS = 30  # wall time for reading a PDF's text layer
MAX_READ_MEMORY_MB = 512  # address space of the child process that reads a PDF
MAX_CONCURRENT_READS = 2  # PDF readers at once in one process (the dashboard serves many sessions)
