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


# Swedish alphabet order: … X, Y, Z, Å, Ä, Ö. Other accented letters sort with their base letter
# (é as e, ü as y as in Swedish dictionaries), and case only breaks ties.
# Å, Ä, Ö map to the three characters after 'z' in code-point order: '{', '|', '}'.
_SWEDISH_LAST = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"}


def swedish_key(text: str) -> tuple[str, str]:
    """A sort key that puts names in Swedish order: 'Åre' after 'Ystad', 'Ödeshög' last."""
    lowered = str(text).casefold()
    mapped = "".join(_SWEDISH_LAST.get(c, c) for c in lowered)
    decomposed = unicodedata.normalize("NFKD", mapped)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base, str(text)


def swedish_sorted(names) -> list[str]:
    """names sorted in Swedish order (see swedish_key)."""
    return sorted(names, key=swedish_key)


def swedish_order(column):
    """A pandas sort_values key: name columns ('municipality', 'name') in Swedish order, others as they are."""
    if column.name in ("municipality", "name"):
        return column.map(lambda text: swedish_key(text)[0])
    return column
