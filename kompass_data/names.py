"""Folding names for matching: case, diacritics and punctuation do not count."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING_NUMBER = re.compile(r"^\s*\d+(\.\d+)*\s*[.)]?\s*")


def fold(text: str) -> str:
    """Lower-case ASCII with single spaces: 'Norsjö kommun' -> 'norsjo kommun'."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", ascii_text).strip()


def fold_label(label: str) -> str:
    """A published area label folded, without a leading area number ('1. Offentlighet …')."""
    return fold(_LEADING_NUMBER.sub("", str(label)))
