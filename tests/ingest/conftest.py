"""Ingest tests: report generators live in reportgen.py, shared assertions in expect.py."""
