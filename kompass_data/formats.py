"""Numbers, percentages and dates in the reader's language (Babel): Swedish 61,3, English 61.3.

Display only: data files, JSON and exports keep their numbers as numbers.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import math
import numbers

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, get_decimal_symbol

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
MISSING = "–"


def locale(lang: str) -> str:
    """The Babel locale of a catalogue language (Swedish when unknown)."""
    return LOCALES.get(lang, LOCALES["sv"])


def is_missing(value) -> bool:
    """None, NaN and pandas' NA/NaT: a missing number."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _pattern(digits: int, sign: bool) -> str:
    body = "0" + ("." + "0" * digits if digits > 0 else "")
    return f"+{body};-{body}" if sign else body


def number(value, lang: str, digits: int = 1, fixed: bool = False, sign: bool = False, missing: str = MISSING) -> str:
    """54.0 -> '54', 61.25 -> '61,3' (sv) or '61.3' (en); fixed=True keeps the decimals ('54,0'); no grouping."""
    if is_missing(value):
        return missing
    value = float(value)
    if math.isinf(value):
        return str(value)
    if not fixed and value == round(value):
        digits = 0
    # Half up, as people round (61.25 -> 61.3), from the decimal text rather than the binary float.
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return format_decimal(decimal.Decimal(repr(value)), _pattern(digits, sign), locale=locale(lang),
                              decimal_quantization=True)


def percent(points, lang: str, digits: int = 0, missing: str = MISSING) -> str:
    """57.1 percent points -> '57 %' (sv) or '57%' (en)."""
    if is_missing(points):
        return missing
    pattern = "#0" + ("." + "0" * digits if digits else "") + "%"
    text = format_percent(float(points) / 100, pattern, locale=locale(lang))
    # Swedish writes a (non-breaking) space before the percent sign; Babel's bare pattern leaves it out.
    return text.replace("%", "\u00a0%") if lang == "sv" else text


def date(value: _dt.date, lang: str, style: str = "long") -> str:
    """2026-11-27 -> '27 november 2026' (sv) or '27 November 2026' (en)."""
    return format_date(value, style, locale=locale(lang))


def decimal_sign(lang: str) -> str:
    """',' for Swedish, '.' for English."""
    return get_decimal_symbol(locale(lang))


def localise_formatted(text: str, lang: str) -> str:
    """A number Python formatted ('61.5') with the decimal sign of lang (the minus stays ASCII, as Babel writes it)."""
    return text.replace(".", decimal_sign(lang))


class LocalNumber(float):
    """A float that formats itself in one language: '{x:g}' gives '2,5' for Swedish; used for message parameters."""

    lang: str = "sv"

    def __new__(cls, value, lang: str):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj

    def __format__(self, spec: str) -> str:
        return localise_formatted(float.__format__(float(self), spec), self.lang)

    def __str__(self) -> str:
        return self.__format__("")


def local_params(params: dict, lang: str) -> dict:
    """Message parameters with real-valued numbers made LocalNumber (ints, bools and text unchanged)."""
    return {
        k: LocalNumber(v, lang) if isinstance(v, numbers.Real) and not isinstance(v, numbers.Integral) else v
        for k, v in params.items()
    }
