"""Report text -> score sets: normalise OCR text, find tables and statements, cross-check.

The parser works on lines cleaned of OCR debris (`|`, `=`, `»` bullets) and on a folded copy of the
prose (lower-case ASCII, decimal points kept) for the statements about years, versions and totals.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field

from ..instruments import REGISTRY, VERSIONS
from ..names import fold
from .catalog import Catalog

YEAR_MIN = REGISTRY.year_floor  # the first year any version was used
_ORDER = {v: REGISTRY.order(v) for v in VERSIONS}  # version -> its place in the revision order
_PREV = {v: REGISTRY.previous(v) for v in VERSIONS}  # the version before (the first: itself)


def year_max() -> int:
    """The latest evaluation year accepted: next year, the rule of kompass_data.validate."""
    return _dt.date.today().year + 1


def strip_diacritics(text: str) -> str:
    """Text without diacritics, case and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def sfold(text: str) -> str:
    """Like names.fold but keeps decimal numbers ('426,5' -> '426.5') for statements."""
    s = strip_diacritics(text).lower()
    s = re.sub(r"(?<=\d)[,.](?=\d)", "#", s)
    s = re.sub(r"[^0-9a-z#]+", " ", s).replace("#", ".")
    return " " + s.strip() + " "


def _num(text: str) -> float:
    return float(text.replace(",", "."))


# --------------------------------------------------------------------------- data


@dataclass
class Area:
    score: float
    label: str  # as published (cleaned)
    note: str = ""


@dataclass
class SubArea:
    score: float
    max_score: float
    label: str
    percent: float | None = None
    note: str = ""


@dataclass
class ScoreSet:
    year: int
    version: str | None = None
    version_source: str = "year"  # what decided the version: year, names, text, subareas or override
    kind: str = "full"
    total: float | None = None
    areas: dict[str, Area] = field(default_factory=dict)
    subareas: dict[str, SubArea] = field(default_factory=dict)


@dataclass
class Flag:
    year: int
    level: str
    code: str
    key: str
    params: dict


# --------------------------------------------------------------------------- cleaning

_JUNK_CHARS = re.compile(r"[|\[\]{}»«•·■►▪▫◦●○“”„\"‘’`´~_^¦]")
_LEAD_BULLET = re.compile(r"^\s*(?:[=*>+\-–—]+\s*)+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")


# OCR confusions inside words and numbers: 'Offent1ighet', 'kontro11', 'K0mmun', 'genomf6rdes',
# 'Po&ng', and letters read for digits in numbers: '6O', 'l5'. Only characters wedged between letters
# (or glued to a word's end after several letters) are changed, so numbers and codes stay as printed.
_LOW = "a-zåäöéü"
_OCR_WORD_FIXES = (
    (re.compile(rf"(?<=[^\W\d_])0(?=[{_LOW}])"), "o"),
    (re.compile(rf"(?<=[{_LOW}])1(?=[{_LOW}])"), "l"),
    (re.compile(rf"(?<=[{_LOW}]{{3}})(1{{1,2}})(?![\w])"), lambda m: "l" * len(m.group(1))),
    (re.compile(rf"(?<=[^\W\d_])6(?=[{_LOW}])"), "ö"),
    (re.compile(rf"(?<![\w.,/])6(?=[{_LOW}]{{2}})"), "ö"),
    (re.compile(rf"(?<=[{_LOW}]{{3}})6(?![\w])"), "ö"),
    (re.compile(rf"(?<=[^\W\d_])&(?=[{_LOW}1])"), "ä"),
)
_OCR_NUMBER_FIXES = (
    (re.compile(r"(?<=\d)[Oo](?=\d|[\s%)]|$)"), "0"),
    (re.compile(r"(?<![\w.,])[Oo](?=\d)"), "0"),
    (re.compile(r"(?<=\d)[lI](?=\d|[\s%)]|$)"), "1"),
    (re.compile(r"(?<![\w.,])[lI](?=\d)"), "1"),
)


def repair_ocr(line: str) -> str:
    """Undo OCR's digit-for-letter confusions inside words and letter-for-digit ones inside numbers."""
    if not re.search(r"\d|&", line):
        return line
    for _ in range(2):  # twice: 'samh&1lsbyggare' needs the & fixed before the 1 is between letters
        for pat, rep in _OCR_WORD_FIXES:
            line = pat.sub(rep, line)
    for pat, rep in _OCR_NUMBER_FIXES:
        line = pat.sub(rep, line)
    return line


def clean_line(line: str) -> str:
    """A line without OCR table debris and bullets, single-spaced."""
    line = line.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    line = _JUNK_CHARS.sub(" ", line)
    line = _LEAD_BULLET.sub("", line)
    line = repair_ocr(line)
    return _SPACES.sub(" ", line).strip()


_HTML_HINT = re.compile(r"<(?:!doctype|html|head|body|table|tr|td|th|div|p|li|ul|h[1-6]|br|script|span)\b", re.I)


def html_to_text(text: str) -> str:
    """Visible text of an HTML page: one line per block or row, table cells separated by ' | '."""
    # Scripts, styles and comments are dropped.
    import html as _html

    t = re.sub(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>", " ", text)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?i)<\s*(?:td|th)\b[^>]*>", " | ", t)
    t = re.sub(r"(?i)<\s*/?\s*(?:br|p|div|tr|li|ul|ol|table|tbody|thead|h[1-6]|section|article|header|footer|title|dt|dd)\b[^>]*>", "\n", t)
    t = re.sub(r"(?s)<[^>]{0,2000}>", " ", t)
    return _html.unescape(t)


def looks_html(text: str) -> bool:
    head = text[:20000]
    return len(_HTML_HINT.findall(head)) >= 3


def prepare_lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if looks_html(text):
        text = html_to_text(text)
    return [clean_line(x) for x in text.split("\n")]


# --------------------------------------------------------------------------- line parsing

_LEAD_NUM = re.compile(r"^(?:omr[aå]de\s+)?([1-8])\s*[.):]?\s+(?=[^\d\s.])", re.I)
_NUM_TOKEN = re.compile(r"\d+(?:[.,]\d+)?\s*%?|[^\W\d_]+", re.U)
_IGNORE_WORDS = {
    "och", "poang", "p", "pt", "pts", "poäng", "av", "mojliga", "möjliga", "max", "procent", "points",
    "points", "poang", "maxpoang", "maxpoäng", "totalt",
}
_TOTAL_WORDS = {
    "totalt", "total", "summa", "totalpoang", "total poang", "totalt antal poang", "summa poang",
    "totalsumma", "sammanlagt", "totalt poang", "totala poang", "totalpoangen", "summa totalt",
    "total summa", "totalresultat", "poang totalt", "totalt resultat", "sammanlagd poang",
}
_CHANGE_WORDS = {"forandring", "forandringar", "diff", "differens", "skillnad", "utveckling", "forandr"}
_REF_WORDS = {"medel", "medelvarde", "snitt", "genomsnitt", "riket", "median", "alla", "referens", "jamforelse", "ovriga", "riks", "rikssnitt", "medelvardet"}


@dataclass
class Row:
    index: int
    kind: str  # "area" | "total"
    label: str
    lead: str | None
    numbers: list[float]
    matches: list[tuple[str, str, float]] = field(default_factory=list)
    end_index: int = -1
    loose: bool = False  # a numbered row whose label matches no area name ('8. Chefs- och ledarskap 60')


def _split_label(line: str) -> tuple[str | None, str, str]:
    """(leading area number, label text, tail with the numbers)."""
    lead = None
    m = _LEAD_NUM.match(line)
    if m:
        lead = m.group(1)
        line = line[m.end():]
    d = re.search(r"\d", line)
    if not d:
        return lead, line.strip(), ""
    return lead, line[: d.start()], line[d.start():]


def _tail_numbers(tail: str, limit: float) -> list[float]:
    """The leading run of numbers in tail (points; percents only if nothing else), each <= limit."""
    t = tail.lower()
    t = re.sub(r"(?:av|of)\s*(?:max(?:imalt)?\s*)?(100|800)\b(?:\s*m[oö]jliga)?", " ", t)
    t = re.sub(r"/\s*(100|800)\b", " ", t)
    t = re.sub(r"\(\s*max\s*(100|800)\s*\)", " ", t)
    numbers: list[float] = []
    percents: list[float] = []
    for tok in _NUM_TOKEN.findall(t):
        tok = tok.strip()
        if tok[0].isdigit():
            is_pct = tok.endswith("%")
            try:
                val = _num(tok.rstrip("%").strip())
            except ValueError:
                break
            if is_pct:
                percents.append(val)
                continue
            if val > limit:
                break
            numbers.append(val)
        else:
            w = fold(tok)
            if w in _IGNORE_WORDS:
                continue
            break
    if not numbers and percents and all(p <= 100 for p in percents) and limit <= 100:
        numbers = percents[:1] if len(percents) == 1 else [p for p in percents]
    return numbers


def _clean_label(label: str) -> str:
    label = re.sub(r"\(.*?\)", " ", label)
    label = re.sub(r"[.…:;\-–,]+\s*$", "", label.strip())
    label = re.sub(r"\s*\.{2,}\s*", " ", label)
    return _SPACES.sub(" ", label).strip(" .:-")


def parse_row(line: str, cat: Catalog) -> Row | None:
    """An area or total row: label (matched to an area name, or a total word) and numbers."""
    if not line or not re.search(r"[^\W\d_]", line):
        return None
    lead, label, tail = _split_label(line)
    label = _clean_label(label)
    if not label or not tail:
        return None
    key = fold(label)
    if key in _TOTAL_WORDS:
        nums = _tail_numbers(tail, 800)
        if len(nums) >= 2 and nums[1] == 100 and nums[0] <= 100:
            return None  # 'Summa 69 100 69%': an area's sub-area sum, not the evaluation's total
        if nums and max(nums) >= 100:
            return Row(-1, "total", label, lead, nums)
        return None
    if len(key) < 5 or len(key) > 80:
        return None
    nums = _tail_numbers(tail, 100)
    if not nums:
        return None
    matches = cat.match_area(label)
    if not matches:
        if lead and 1 <= len(label.split()) <= 8 and not re.search(r"[.!?]", label):
            # Kept only if it sits in a numbered list of known areas (see build).
            return Row(-1, "area", label, lead, nums, [], loose=True)
        return None
    return Row(-1, "area", label, lead, nums, matches)


def _is_label_only(line: str, cat: Catalog) -> bool:
    if not line or re.search(r"\d", re.sub(r"^\s*[1-8]\s*[.)]?\s+", "", line)):
        return False
    return len(fold(line)) <= 70


def find_rows(lines: list[str], cat: Catalog) -> list[Row]:
    """Area and total rows, joining labels wrapped over two lines and labels whose numbers follow."""
    rows: list[Row] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        row = None
        end = i
        body = re.sub(r"^\s*[1-8]\s*[.)]?\s+(?=\D)", "", line)
        if line and re.search(r"\d", body) and len(line) <= 200:
            row = parse_row(line, cat)
            if i > 0:
                # A label wrapped over lines: "8. Kommunen som" / "samhällsbyggare 57 63 69".
                prev = lines[i - 1] if lines[i - 1] else (lines[i - 2] if i > 1 else "")
                if prev and _is_label_only(prev, cat) and not re.match(r"^\d", line):
                    joined = re.sub(r"(\w)-$", r"\1", prev) + ("" if re.search(r"\w-$", prev) else " ") + line
                    jrow = parse_row(joined, cat)
                    if jrow is not None and (not jrow.loose or row is None):
                        row = jrow
        elif line and _is_label_only(line, cat) and len(fold(line)) >= 5:
            # "Offentlighet och demokrati" / "61" on the next line (web tables, PDF cells).
            j = i + 1
            while j < n and j <= i + 2 and not lines[j]:
                j += 1
            if j < n and re.fullmatch(r"[\d\s.,%:/poängPOÄNG]+", lines[j] or "x"):
                row = parse_row(line + " " + lines[j], cat)
                if row is not None:
                    end = j
        if row is not None:
            row.index = i
            row.end_index = end
            rows.append(row)
            i = end + 1
            continue
        i += 1
    return _join_wrapped_numbers(rows, lines)


_ONLY_NUMBERS = re.compile(r"^\d{1,3}(?:[.,]\d+)?(?:\s+\d{1,3}(?:[.,]\d+)?)*$")


def _join_wrapped_numbers(rows: list[Row], lines: list[str]) -> list[Row]:
    """Rows whose numbers wrapped onto the next line ('4. Effektivitet 68' / '80 54') get them back."""
    # Only when that makes the row as wide as the neighbouring rows of its table.
    for k, r in enumerate(rows):
        j = r.end_index + 1
        if j >= len(lines) or not _ONLY_NUMBERS.match(lines[j] or "x"):
            continue
        if any(x.index == j for x in rows):
            continue
        extra = [_num(x) for x in lines[j].split()]
        limit = 800 if r.kind == "total" else 100
        if any(v > limit for v in extra):
            continue
        near = [len(x.numbers) for x in rows[max(0, k - 4): k + 5] if x is not r and abs(x.index - r.index) <= 12]
        if not near:
            continue
        width = max(set(near), key=lambda w: (near.count(w), w))  # the table's usual width
        if len(r.numbers) + len(extra) == width and len(r.numbers) != width:
            r.numbers = r.numbers + extra
            r.end_index = j
    return rows


_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def is_prose(line: str) -> bool:
    """A sentence, not a table header: ends with a full stop and has several words, or is long."""
    words = line.split()
    return (len(words) >= 4 and bool(re.search(r"[.!?]$", line.strip()))) or len(words) > 16


def header_columns(line: str) -> list[int | None] | None:
    """Columns of a table header: years (int) and reference columns (None); None if not a header."""
    if not line or is_prose(line):
        return None
    s = sfold(line)
    nums = re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", s)
    years = [int(y) for y in nums if len(y) == 4 and YEAR_MIN <= int(y) <= year_max()]
    if not years or len(years) != len(nums):
        return None
    if re.search(r"\d{4} \d{1,2} \d{1,2}", s):  # a date
        return None
    words = s.split()
    if len(words) > 14:
        return None
    cols: list[int | None] = []
    for w in words:
        if w.isdigit() and len(w) == 4:
            cols.append(int(w))
        elif w in _REF_WORDS or w in _CHANGE_WORDS:
            cols.append(None)
    return cols


# --------------------------------------------------------------------------- sub-area tables

_SUB_START = re.compile(r"^([1-8])\s*[.,]\s*(\d{1,2})(?![\d.,]\d)\s*[.:]?\s*(.*)$")
_TRIPLE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d+)?)\s+(\d{1,2})\s+(\d{1,3}(?:[.,]\d+)?)\s*%")
_TRIPLE_NOPCT = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d)?)\s+(5|10|15|20|25|30|35|40)\s+(\d{1,3})\s*$")
_AREA_TOTAL = re.compile(
    r"^(?:(?:summa|delsumma|totalt|total|sammanlagt|po[aä]ng|omr[aå]det)\s*:?\s*)?(\d{1,3}(?:[.,]\d+)?)\s+100\s+(\d{1,3}(?:[.,]\d+)?)\s*%?$",
    re.I)
_SECTION = re.compile(r"^\d+\.\d+\.\d+\s")


@dataclass
class SubTable:
    area: str
    header_label: str
    rows: dict[str, SubArea]
    area_total: float | None
    lines: tuple[int, int]


def _join_label(parts: list[str]) -> str:
    text = " ".join(p for p in parts if p)
    text = re.sub(r"(\w)- (?!(?:och|eller|samt|som)\b)([a-zåäö])", r"\1\2", text)
    text = re.sub(r"\s+[.,]\s*(?=[.,\s]|$)", " ", text)
    text = re.sub(r"(?<=\s)[.,](?=\s)", " ", text)
    return _SPACES.sub(" ", text).strip(" .,")


def find_subtables(lines: list[str], cat: Catalog) -> list[SubTable]:
    """Sub-area tables: a header 'N Area name Uppnått Max Procent', rows 'N.M label a m p%', 'A 100 P%'."""
    tables: list[SubTable] = []
    n = len(lines)
    for i, line in enumerate(lines):
        f = fold(line)
        if not (re.search(r"\buppn\w*", f) and re.search(r"\bmax\b", f)):
            continue
        m = re.match(r"^([1-8])\b", line)
        area = m.group(1) if m else None
        label = re.split(r"(?i)uppn", line)[0]
        label = re.sub(r"^[1-8]\s*[.)]?\s*", "", label).strip()
        if area is None:
            hits = cat.match_area(label)
            if hits:
                area = hits[0][1]
        if area is None and len(fold(label).split()) <= 2:
            # 'Delområde Uppnått Max Procent' under a heading with the area name, or rows that say it.
            back = [x for x in lines[max(0, i - 4): i] if x][-2:]
            for prev in reversed(back):
                hits = cat.match_area(re.sub(r"^[\d.]+\s*", "", prev))
                if hits:
                    area, label = hits[0][1], prev
                    break
            if area is None:
                for nxt in lines[i + 1: i + 6]:
                    sm = _SUB_START.match(nxt)
                    if sm:
                        area = sm.group(1)
                        break
        if area is None:
            continue
        rows: dict[str, SubArea] = {}
        current: str | None = None
        parts: list[str] = []
        area_total = None
        end = i

        def close():
            if current is None:
                return
            seg = " ".join(parts)
            t = _TRIPLE.search(seg)
            pct = None
            if t:
                a, mx, pct = _num(t.group(1)), _num(t.group(2)), _num(t.group(3))
            else:
                t = None
                for piece in parts:
                    t = _TRIPLE_NOPCT.search(piece)
                    if t:
                        break
                if not t:
                    return
                a, mx, pct = _num(t.group(1)), _num(t.group(2)), _num(t.group(3))
            if mx <= 0 or a > mx * 1.01 + 0.5 or pct > 100:
                return
            lab = _join_label([p.replace(t.group(0), " ") for p in parts])
            if current not in rows:
                rows[current] = SubArea(a, mx, lab, pct)

        for j in range(i + 1, min(n, i + 80)):
            ln = lines[j]
            end = j
            if not ln:
                continue
            fj = fold(ln)
            if re.search(r"\buppn\w*", fj) and re.search(r"\bmax\b", fj):
                end = j - 1
                break
            at = _AREA_TOTAL.match(ln)
            if at:
                area_total = _num(at.group(1))
                break
            if _SECTION.match(ln) or fj.startswith("styrkor") or fj.startswith("forbattringsmojlighet"):
                end = j - 1
                break
            sm = _SUB_START.match(ln)
            if sm and sm.group(1) == area:
                close()
                current = f"{area}.{int(sm.group(2))}"
                parts = [sm.group(3)]
                continue
            if current is not None:
                parts.append(ln)
        close()
        if rows or area_total is not None:
            tables.append(SubTable(area, label, rows, area_total, (i, end)))
    return tables


# --------------------------------------------------------------------------- prose


def sentences(lines: list[str], skip: set[int]) -> list[tuple[int, str]]:
    """(first line index, sentence) over the prose, joining wrapped lines and hyphenation."""
    out: list[tuple[int, str]] = []
    buf: list[str] = []
    start = 0

    def flush():
        if buf:
            text = " ".join(buf)
            text = re.sub(r"(\w)- (?!(?:och|eller|samt)\b)([a-zåäö])", r"\1\2", text)
            for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", text):
                out.append((start, part))
        buf.clear()

    for i, ln in enumerate(lines):
        if i in skip or not ln:
            flush()
            continue
        if not buf:
            start = i
        buf.append(ln)
        if len(buf) > 40:
            flush()
    flush()
    return out


def inspiration_lines(lines: list[str]) -> set[int]:
    """Lines inside 'Inspiration' sections (other municipalities named as good examples)."""
    out: set[int] = set()
    inside = False
    for i, ln in enumerate(lines):
        f = fold(ln)
        if re.fullmatch(r"(?:\d+(?: \d+)* )?(?:inspiration|goda exempel|att inspireras av)", f):
            inside = True
            continue
        if inside and re.match(r"^\d+(?:\.\d+)+\.?\s+[A-ZÅÄÖ]", ln):
            inside = False
        if inside:
            out.add(i)
    return out


_EXCLUDE_CONTEXT = ("kommuner som", "inspiration", "goda exempel", "till exempel", "bland andra", "exempelvis", "samverkan med", "jamfort med", "jamforelse med")


class MunicipalityFinder:
    """Scores each municipality named in the text; the subject is named in titles and strong phrases."""

    def __init__(self, cat: Catalog):
        self.cat = cat
        by_ascii: dict[str, list[tuple[str, str]]] = {}
        for code, name in cat.municipalities:
            by_ascii.setdefault(strip_diacritics(name), []).append((code, name))
        self.by_ascii = by_ascii
        names = sorted(by_ascii, key=len, reverse=True)
        alts = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") for n in names)
        self.regex = re.compile(r"(?<![\w-])(" + alts + r")(s)?(?![\w])")
        self.norm = {re.sub(r"[\s-]+", "", n): n for n in names}

    def _key(self, hit: str) -> str | None:
        return self.norm.get(re.sub(r"[\s-]+", "", hit))

    @staticmethod
    def _forms(a: str) -> str:
        """Irregular official forms as the plain name: 'Falu kommun' is Falun."""
        return re.sub(r"(?<![\w-])Falu(?=\s+kommuns?\b)", "Falun", a)

    def named_before(self, sentence: str, value: float) -> str | None:
        """The municipality (ASCII name) named last before the first printed `value` in sentence."""
        # 'Lerums kommun fick 512 poäng' belongs to Lerum, whatever report it is quoted in.
        a = self._forms(strip_diacritics(sentence))
        iv = f"{value:g}".replace(".", "[.,]")
        num = re.search(r"(?<![\d.,])" + iv + r"(?![\d]|[.,]\d)", a)
        if not num:
            return None
        last = None
        for m in self.regex.finditer(a[: num.start()]):
            k = self._key(m.group(1))
            if k:
                last = k
        return last

    # Evidence that a municipality is the report's subject, by kind. Each kind counts in full once and
    # then with diminishing weight (at most twice), so that a neighbour quoted on every page ('Helsingborgs
    # stad fick 668 poäng') never outweighs the title and the report's own phrases.
    _WEIGHTS = {"title": 12.0, "mention": 1.0, "suffix": 3.0, "subject": 5.0, "got": 4.0, "aside": 0.2}

    def find(self, lines: list[str], text: str, skip: set[int]) -> tuple[str, str] | None:
        counts: dict[tuple[str, str], int] = {}

        def add(key: str, kind: str):
            counts[(key, kind)] = counts.get((key, kind), 0) + 1

        title_zone = [ln for ln in lines[:60] if ln][:12]
        for pos, ln in enumerate(title_zone):
            a = self._forms(strip_diacritics(ln if not ln.isupper() else ln.title()))
            nxt = title_zone[pos + 1] if pos + 1 < len(title_zone) else ""
            if (len(a.split()) > 10 or is_prose(a) or not re.match(r"[^\W_]", a) or a[0].islower()
                    or re.search(r"\w[.!?] +[A-Z]", a) or re.match(r"[a-zåäö]", nxt)):
                continue  # prose near the top (a wrapped paragraph) is weighed as sentences, not as a title
            for m in self.regex.finditer(a):
                k = self._key(m.group(1))
                if k:
                    add(k, "title")
        for _, sent in sentences(lines, skip):
            a = self._forms(strip_diacritics(sent.title() if sent.isupper() else sent))
            low = a.lower()
            excluded = any(x in low for x in _EXCLUDE_CONTEXT)
            for m in self.regex.finditer(a):
                k = self._key(m.group(1))
                if not k:
                    continue
                if excluded:
                    add(k, "aside")
                    continue
                add(k, "mention")
                after = a[m.end(): m.end() + 30].lower()
                before = a[max(0, m.start() - 40): m.start()].lower()
                if re.match(r"\s+(kommuns?|stads?)\b", after):
                    add(k, "suffix")
                if re.search(r"(analys av|utvardering(?:en)? av|totalt fick|kommunkompassen|sammanfattning av|resultat for|region)\s+$", before):
                    add(k, "subject")
                if re.match(r"\s+(kommun\s+|stad\s+)?(fick|har fatt|far|hamnade|nadde|landade|utvarderades|har utvarderats)\b", after):
                    add(k, "got")
        scores: dict[str, float] = {}
        for (k, kind), n in counts.items():
            scores[k] = scores.get(k, 0.0) + self._WEIGHTS[kind] * min(2.0, 1 + 0.25 * (n - 1))
        if not scores:
            return None
        best = max(scores.items(), key=lambda kv: kv[1])
        if best[1] < 1.0:
            return None
        cands = self.by_ascii[best[0]]
        if len(cands) > 1:  # Håbo / Habo: prefer the spelling that appears with its diacritics
            for code, name in cands:
                if name in text:
                    return code, name
        return cands[0]


_BAD_YEAR_CONTEXT = re.compile(
    r"(?:scb|sedan|efter|fore|reviderades|reviderats|reviderad|version|versionen|ars version|fran och med|sedan ar|till och med|reviderade) $"
)


def year_mentions(sf: str) -> list[tuple[int, int]]:
    """(position, year) for years in folded text that are not in a date or revision context."""
    out = []
    for m in re.finditer(r"(?<=\s)(20\d\d)(?=\s)", sf):
        y = int(m.group(1))
        if not YEAR_MIN <= y <= year_max():
            continue
        before = sf[max(0, m.start() - 30): m.start()]
        after = sf[m.end(): m.end() + 12]
        if _BAD_YEAR_CONTEXT.search(before) or re.match(r" ars version", after) or re.match(r" \d{1,2} \d{1,2} ", after):
            continue
        if re.search(r"\d{4} (?:och|till) $", before[-15:]) and "revider" in sf[max(0, m.start() - 60): m.start()]:
            continue
        out.append((m.start(), y))
    return out


def evaluation_year(lines: list[str], sents: list[tuple[int, str]]) -> int | None:
    """The year of the report's own evaluation, from title and statements."""
    votes: dict[int, float] = {}

    def add(y: int, w: float):
        if YEAR_MIN <= y <= year_max():
            votes[y] = votes.get(y, 0) + w

    for ln in [x for x in lines[:60] if x][:12]:
        s = sfold(ln)
        if re.search(r"\d{4} \d{1,2} \d{1,2}", s):
            continue
        for _, y in year_mentions(s):
            add(y, 2)
    for _, sent in sents:
        s = sfold(sent)
        selfish = re.search(r"egen analys|egna analys|egenanalys|sjalvvardering|sjalvskattning|egenvardering", s)
        for pat, w in (
            (r"^ (?:\d+(?:\.\d+)* )?utvarderingen (20\d\d) ", 5),
            (r"(?<! fran)(?<! med)(?<! sedan)(?<! efter)(?<! tidigare)(?<! forra) utvarderingen (20\d\d) (?!20\d\d)", 3),
            (r" (?:genom\w{0,4}des|gjordes|genomfors|utfordes|skedde|agde rum|utvarderades|utvarderats|utvarderas)(?: \w+){0,4}? (20\d\d) (?!20\d\d)", 3),
            (r" (?:analys|utvardering) av \w+(?: \w+)? (?:kommun|stad)s? (20\d\d) ", 4),
            (r" kommunkompassen(?: \w+){0,3}? (20\d\d) (?!20\d\d)", 2),
            (r" (?:resultatet|poangen|utvarderingen|utvardering) (?:for|fran|i|ar) (20\d\d) ", 2),
            (r" (20\d\d) (?:fick|har|hade) (?:\w+ ){0,3}?\d{3} poang ", 3),
        ):
            for m in re.finditer(pat, s):
                if re.match(r" \d{1,2} \d{1,2} ", s[m.end(1):]):
                    continue  # a date, 2021-05-10
                if selfish and "egen" in s[max(0, m.start() - 40): m.end() + 20]:
                    continue
                add(int(m.group(1)), w)
    if votes:
        return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    # Fallback: the most frequent plausible year.
    counts: dict[int, int] = {}
    for _, sent in sents:
        for _, y in year_mentions(sfold(sent)):
            counts[y] = counts.get(y, 0) + 1
    if counts:
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    # Last resort: the date of a press release or page ('Pressmeddelande 2012-11-20'); 'i fjol' and,
    # in the first half of a year, 'i höstas' point to the year before.
    for ln in lines[:80]:
        d = re.search(r"(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)", ln)
        if d and YEAR_MIN <= int(d.group(1)) <= year_max() and 1 <= int(d.group(2)) <= 12:
            y, month = int(d.group(1)), int(d.group(2))
            prose = " ".join(sfold(x) for _, x in sents)
            if re.search(r" i fjol | forra aret ", prose) or (month <= 6 and re.search(r" i hostas ", prose)):
                y -= 1
            return y if YEAR_MIN <= y else None
    return None


def self_years(sents: list[tuple[int, str]], header_lines: list[str]) -> set[int]:
    """Years said to be the municipality's own analysis (egen analys)."""
    out: set[int] = set()
    phrase = r"(?:egen analys\w*|egna analys\w*|egenanalys\w*|sjalvvardering\w*|sjalvskattning\w*|egenvardering\w*)"
    for _, sent in sents + [(0, h) for h in header_lines]:
        # '2017 (egen analys)', as a table header marks a column: the note belongs to the year before it.
        for m in re.finditer(r"(?<!\d)(20\d\d)\s*\(([^)]*)\)", sent):
            if re.search(phrase, sfold(m.group(2))):
                out.add(int(m.group(1)))
                sent = sent.replace(m.group(0), " ")
        s = sfold(sent)
        for m in re.finditer(phrase, s):
            after = re.match(
                r"(?: (?:som|av|fran|ar|i|under|gjordes|genomfordes|kommunen|hosten|varen|med|hjalp|kommunkompassen|\w+s)){0,4} (20\d\d) ",
                s[m.end():])
            if after:
                out.add(int(after.group(1)))
                continue
            # '2018 gjorde Lekebergs kommun en egen analys' (never across 'och' or another year)
            before = re.search(
                r" (20\d\d)(?: ars| en| den| var| som)?(?: (?:gjorde|genomforde|gjordes|genomfordes|har|hade|kommunen|kommun|\w+s)){0,3} (?:en |den )?$",
                s[: m.start()])
            if before:
                out.add(int(before.group(1)))
    return out


def noncomparable(sents: list[tuple[int, str]]) -> list[tuple[list[int], tuple[int, int] | None, int | None]]:
    """(listed older years, older range, newer year) per statement that years are not comparable."""
    # 'värdena 2015-2017 är inte helt jämförbara med 2018 då instrumentet har reviderats'
    out = []
    for _, sent in sents:
        s = sfold(sent)
        k = s.find("jamforbar")
        if k < 0 or not re.search(r" (?:inte|ej|icke) ", s) or not re.search(r"revider|version|instrument", s):
            continue
        before, after = s[:k], s[k:]
        rng = None
        m = re.search(r" (20\d\d) (?:till )?(20\d\d) ", before)
        if m and int(m.group(1)) < int(m.group(2)):
            rng = (int(m.group(1)), int(m.group(2)))
        olds = [int(y) for y in re.findall(r"(?<=\s)(20\d\d)(?=\s)", before)]
        newer = re.search(r"jamforbar\w* med (?:\w+ ){0,3}?(20\d\d) ", after)
        out.append((olds, rng, int(newer.group(1)) if newer else None))
    return out


def stated_version(sents: list[tuple[int, str]]) -> str | None:
    """A version the text says the evaluation used ('enligt 2020 års version', 'den nya versionen 2016')."""
    found: list[str] = []
    for _, sent in sents:
        s = sfold(sent)
        if "kommuner som" in s:
            continue
        for m in re.finditer(
            r" (?:(20\d\d) ars (?:version|reviderade version|instrument)|(?:nya|reviderade|senaste) (?:versionen|instrumentet|kommunkompassen) (?:fran |av |ar )?(20\d\d)|version(?:en)? (?:fran |av )?(20\d\d)(?! \d))",
            s,
        ):
            y = int(next(g for g in m.groups() if g))
            if str(y) in VERSIONS and re.search(r"utvarder|bedom|genomfor|poang|resultat|anvand|enligt", s):
                found.append(str(y))
    # A report on the newest area names mentions the older versions when it explains the revision.
    newest = [v for v in REGISTRY.newest_area_family() if v in found]
    if newest:
        return newest[-1]
    if len(set(found)) == 1:
        return found[0]
    return None


_TOTAL_PATTERNS = (
    re.compile(r" (?:total(?:t|a|en)?|sammanlagt|sammantaget|sammanlagd)(?: \w+){0,6}? (\d{2,3}(?:\.\d)?) (?:poang|p) "),
    re.compile(r" total(?:t|a|en)?(?: ?poang(?:en)?| ?summa| ?resultat(?:et)?)?(?: blev| var| ar| uppgick till| landade pa)? (\d{2,3}(?:\.\d)?) (?!procent|%)"),
    re.compile(r" (\d{3}(?:\.\d)?) (?:poang )?av (?:totalt |maximalt |max |mojliga )*800 "),
    re.compile(r" (?:fick|far|har fatt|uppnadde|nadde|landade pa) (?:\w+ ){0,3}?(\d{3}(?:\.\d)?) poang "),
    re.compile(r" (?:slutpoang(?:en)?|resultatet|poangen|totalpoang(?:en)?)(?: \w+){0,4}? (\d{3}(?:\.\d)?) poang "),
    re.compile(r" (\d{3}(?:\.\d)?) poang (?:ar |i |under |hosten |varen |vid |utvarderingen )*20\d\d "),
)


def prose_totals(sents: list[tuple[int, str]], skip_ctx: set[int], finder=None) -> list[tuple[float, int | None, str | None]]:
    """(total, year or None, municipality named before it or None) stated in sentences."""
    # 'Totalt fick Kumla kommun 557 poäng'
    out: list[tuple[float, int | None, str | None]] = []
    for start, sent in sents:
        if start in skip_ctx:
            continue
        s = sfold(sent)
        if any(x in s for x in ("kommuner som", "medelvarde", "genomsnitt", "snittet", "medel ", "hogsta ", "rekord")):
            continue
        seen = set()
        for pat in _TOTAL_PATTERNS:
            for m in pat.finditer(s):
                v = float(m.group(1))
                if not 100 <= v <= 800 or m.start(1) in seen:
                    continue
                seen.add(m.start(1))
                year = None
                post = re.match(r" (?:poang )?(?:\w+ )?(?:ar |i |under |hosten |varen |vid |utvarderingen )*(20\d\d) ", s[m.end(1):])
                if post:
                    year = int(post.group(1))
                else:
                    pre = re.search(r"(?<!med )(?<!mot )(?<!fran )(?<!sedan )(?<!efter )(?<!an )(?<=\s)(20\d\d) (?:\w+ ){0,6}$", s[: m.start(1)])
                    if pre:
                        year = int(pre.group(1))
                if year is not None and not YEAR_MIN <= year <= year_max():
                    year = None
                out.append((v, year, finder.named_before(sent, v) if finder else None))
    return out


def prose_areas(sents: list[tuple[int, str]], cat: Catalog, skip_ctx: set[int], finder=None) -> list[tuple[str, float, list, str | None]]:
    """(label, score, matches) from sentences like 'Inom Styrning och kontroll fick kommunen 72 poäng'."""
    out = []
    names = sorted(cat.names, key=len, reverse=True)
    for start, sent in sents:
        if start in skip_ctx:
            continue
        s = sfold(sent)
        if "poang" not in s or any(x in s for x in ("kommuner som", "medelvarde", "genomsnitt")):
            continue
        taken: list[tuple[int, int]] = []
        for name in names:
            if len(name) < 9:
                continue
            for m in re.finditer(r" " + re.escape(name) + r" ", s):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                rest = s[m.end() - 1:]
                n = re.match(r"(?: (?!poang)[a-z]+){0,5}? (\d{1,3}(?:\.\d)?) (?:poang|p|av 100)", rest)
                if n and float(n.group(1)) <= 100:
                    v = float(n.group(1))
                    out.append((name, v, cat.match_area(name), finder.named_before(sent, v) if finder else None))
    return out
