"""Findings from report text: strengths and improvement areas per area (4.x.3) and inspiration (4.x.5).

    rows = extract_findings(text, score_sets, municipalities, source="…")   # list of dicts
    rows = extract_findings(pdf_findings_text(pdf_bytes), …)                 # PDF: columns from word positions

The two columns of 4.x.3 reach us in three layouts: side by side on one line (OCR interleaving,
separated by `|` or a bullet such as `=`, `»`, `•`, `e`, `o`; a PDF's word positions give a tab),
one column after the other, or one column after the other with one column's bullets lost. Column
membership is decided from that layout first and from the wording second (improvements are
phrased as actions: "Utveckla …", "Tydligare …", "… kan utökas"); where neither decides, the row's
`note` says so.
"""

from __future__ import annotations

import difflib
import re
import statistics
from dataclasses import dataclass, field

from ..names import fold

STRENGTH, IMPROVEMENT, HIGH_SCORER, EXAMPLE = "strength", "improvement", "high_scorer", "example"
NOTE_UNDECIDED = "column uncertain: neither layout nor wording decides; placed by reading order, check against the report"

# Bullets the OCR makes of the report's round bullets, at the start of a line.
_BULLET_START = re.compile(r"^\s*(?:[=»•·*■▪●◦«©\uf0b7\-–eo]\s+|\(cid:\d+\)\s*)(?=\S)")  # (cid:N): a PDF's unmapped bullet
# A second column starting mid-line: `|` (optionally with a bullet) or a bullet between spaces.
_MID_SEPARATOR = re.compile(
    r"\s+(?:\|\s+(?:[=»•·*■▪●◦«©eo]\s+)?|\|(?=[=»•·*■▪●◦«©]\s)[=»•·*■▪●◦«©]\s+|[=»•·*■▪●◦«©]\s+|[eo]\s+(?=[A-ZÅÄÖÉ]))"
)
_PIPE_AS_I = re.compile(r"^\s*\|\s+(?=[a-zåäö])")  # "| budgetprocessen" is the OCR of "I budgetprocessen"
_FOOTER = re.compile(r"^\s*(Sveriges Kommuner och (Landsting|Regioner)\b.*|\d+\s*\(\d+\))\s*$")
_SUBHEADING = re.compile(r"^\s*(\d+)\.([1-8])\.([1-9])\s+\S")
_KEEP_HYPHEN_BEFORE = ("och", "eller", "respektive")
_FUNCTION_WORDS = {
    "och", "eller", "samt", "av", "att", "for", "för", "i", "med", "om", "pa", "på", "till", "via", "som", "en",
    "ett", "de", "den", "det", "fran", "från", "inom", "kring", "mellan", "utifran", "utifrån", "efter", "under",
    "vid", "mot", "dar", "där", "har", "är", "ar", "kan", "ska", "bland",
}

# Words that open an improvement (an action or a comparative) or a strength (what is in place), folded.
_IMPROVEMENT_FIRST = {
    "utveckla", "utveckling", "forbattra", "formulera", "se", "koppla", "analysera", "rapportera", "mata",
    "starka", "fortsatta", "fortsatt", "knyta", "anvanda", "arbeta", "infora", "inforande", "ta", "skapa",
    "oka", "okad", "okat", "okade", "tydliggora", "tydligare", "battre", "mer", "mera", "storre", "ytterligare",
    "starkare", "fler", "flera_", "sakerstall", "sakerstalla", "systematisera", "samordna", "integrera",
    "integrering", "implementera", "overvag", "overvaga", "eventuellt", "satsa", "bredda", "fordjupa", "hitta",
    "ge", "gora", "genomfora", "inratta", "tydliggor", "mat", "bygg", "bygga", "prioritera", "utvardera",
    "kortversion", "tydligt_", "utbildning",
}
_IMPROVEMENT_ANYWHERE = re.compile(r"\b(kan|bor|behover|borde|skulle)\b")
_STRENGTH_FIRST = {
    "fungerande", "tydlig", "tydliga", "god", "goda", "gott", "bra", "aktiv", "aktiva", "aktivt", "ambitiost",
    "ambitios", "omfattande", "systematiskt", "systematisk", "valfungerande", "utvecklad", "utvecklat",
    "arbetat", "relativt", "heltackande", "engagerade", "positivt", "flertal", "alla", "hog", "hogt",
}
_STRENGTH_ANYWHERE = re.compile(r"\b(bra|finns|har|genomgatt|valfungerande)\b")


@dataclass
class _Item:
    """One finding being read: its lines, whether it began with a bullet, the column once known."""

    parts: list[str] = field(default_factory=list)
    bulleted: bool = False
    column: int | None = None  # 0 strengths, 1 improvements
    note: str = ""
    last_len: int = 0  # printed length of its last line (bullet included): was that line full?

    @property
    def text(self) -> str:
        return _join(self.parts)

    def closed(self) -> bool:
        t = self.text.rstrip()
        return t.endswith((".", "!", "?"))

    def hyphen_open(self) -> bool:
        return bool(re.search(r"[a-zåäöéA-ZÅÄÖ]-$", self.text.rstrip()))


def _join(parts: list[str]) -> str:
    """Lines of one finding as one text; a word broken by a hyphen at a line end is rejoined."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
            continue
        m = re.search(r"([A-Za-zÅÄÖåäöé])-$", out)
        first = part.split()[0]
        if m and m.group(1).isupper():
            out = out + part  # "HME-" + "enkaten": an abbreviation keeps its hyphen
        elif m and part[:1].islower() and fold(first).strip(",.") not in _KEEP_HYPHEN_BEFORE:
            out = out[:-1] + part
        else:
            out = out + " " + part
    return re.sub(r"\s+", " ", out).strip()


def _cue(text: str) -> int:
    """+1 when the wording is that of an improvement, -1 of a strength, 0 when it does not say."""
    words = fold(text).split()
    if not words:
        return 0
    first = words[0]
    if len(first) >= 5 and first not in _STRENGTH_FIRST and first not in _IMPROVEMENT_FIRST:
        # OCR damage swaps letters, it does not add them: "Béttre" is "Bättre", "Rapportering" is not "Rapportera".
        close = [w for w in difflib.get_close_matches(first, _IMPROVEMENT_FIRST, n=3, cutoff=0.8) if len(w) == len(first) and w[-2:] == first[-2:]]
        first = close[0] if close else first
    if first in _IMPROVEMENT_FIRST or (len(words) > 1 and first in {"en", "ett"} and words[1] in {"nagot", "mer"}):
        return 1
    head = " ".join(words[:6])
    if _IMPROVEMENT_ANYWHERE.search(head):
        return 1
    if first in _STRENGTH_FIRST or _STRENGTH_ANYWHERE.search(head):
        return -1
    return 0


# --- finding the blocks -------------------------------------------------------------------------

def _is_column_header(line: str) -> bool:
    """'Styrkor', 'Förbättringsmöjligheter' or both on one line (the table's header)."""
    words = fold(line).split()
    if not words or len(words) > 3:
        return False
    return all(w == "styrkor" or difflib.SequenceMatcher(None, w, "forbattringsmojligheter").ratio() > 0.8 for w in words)


def _is_improvement_header(line: str) -> bool:
    words = fold(line).split()
    return len(words) == 1 and difflib.SequenceMatcher(None, words[0], "forbattringsmojligheter").ratio() > 0.8


def _heading(line: str, chapter: str | None):
    """('area', n), ('sub', n, k) or None for a line of the detailed review's headings."""
    m = _SUBHEADING.match(line)
    if m and (chapter is None or m.group(1) == chapter):
        return ("sub", int(m.group(2)), int(m.group(3)))
    if chapter:
        m = re.match(rf"^\s*{chapter}\.([1-8])\s+([A-Za-zÅÄÖåäöÉé][^\d|%]*)$", line)
        if m and len(fold(m.group(2))) >= 8:
            return ("area", int(m.group(1)))
    return None


def _sections(lines: list[str]):
    """Per area: the lines of its strengths/improvements table and of its inspiration paragraph."""
    subs = [m.group(1) for m in map(_SUBHEADING.match, lines) if m]
    chapter = statistics.mode(subs) if subs else None
    area = None
    mode = None  # "table" | "inspiration" | None
    tables: dict[int, list[str]] = {}
    inspiration: dict[int, list[str]] = {}
    for line in lines:
        h = _heading(line, chapter)
        if h:
            area_no = h[1]
            if h[0] == "area" and area is not None and area_no < area:
                h = None  # a numbered table row, not a heading: areas come in order
        if h:
            area = h[1]
            if h[0] == "sub" and h[2] == 3:
                mode = "table"
                tables.setdefault(area, [])
            elif h[0] == "sub" and h[2] == 5:
                mode = "inspiration"
                inspiration.setdefault(area, [])
            else:
                mode = None
            continue
        if area is None:
            continue
        f = fold(line)
        if mode != "table" and f.split()[:1] == ["styrkor"] and _is_column_header(line):
            mode = "table"  # the OCR lost the 4.x.3 heading; the table's own header starts it
            tables.setdefault(area, [])
        if re.fullmatch(r"(\d+(\.\d+)*\s*)?kommentar", f):
            mode = None
            continue
        if _FOOTER.match(line):
            continue
        if mode == "table":
            tables[area].append(line)
        elif mode == "inspiration":
            inspiration[area].append(line)
    return tables, inspiration


# --- reading one table --------------------------------------------------------------------------

def _strip_bullet(text: str) -> tuple[str, bool]:
    m = _BULLET_START.match(text)
    return (text[m.end():], True) if m else (text, False)


def _split_marked(line: str) -> tuple[str, str] | None:
    """(left, right) where the line shows where its second column starts: a tab or a bullet mid-line."""
    if "\t" in line:
        left, right = line.split("\t", 1)
        return left.rstrip(), right.strip()
    stripped = line.strip()
    lead = _BULLET_START.match(stripped)
    start = lead.end() if lead else 0
    m = _MID_SEPARATOR.search(stripped, start + 1)
    if not m or not stripped[:m.start()].strip(" |"):
        return None
    sep = stripped[m.start():m.end()].strip()
    right = stripped[m.end():]
    if sep.strip("| "):
        right = "= " + right  # the separator was a bullet: the right column starts a finding here
    return stripped[:m.start()].rstrip(" |"), right


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


def _line_cost(seg: str, width: int, final: bool = False) -> float:
    """How unlikely seg is as one column's share of a printed line (0 = a full line or an item's end)."""
    seg = seg.strip()
    if _ends_sentence(seg):
        return 0.0
    if final:
        return 0.2  # the finding ends here without a full stop
    if re.search(r"[a-zåäö]-$", seg):
        return max(0.0, (width - 4 - len(seg)) / width)
    # Either a full line, or the last line of a finding printed without a full stop.
    return min(max(0.0, (width - 4 - len(seg)) / width), 0.2)


def _best_split(line: str, widths: tuple[int, int], left_open: int, right_open: int,
                left_final: bool = False, right_closed: bool = False) -> tuple[str, str] | None:
    """Where an unmarked line of two columns splits (by width and line-end cues), or None for one column.

    left_open/right_open: 2 when that column's finding surely goes on, 1 when it probably does, else 0.
    """
    stripped = line.strip()
    words = stripped.split(" ")
    wl, wr = widths
    both = min(left_open, right_open)
    best, best_cost = None, 0.3 if both == 2 else 0.1 if both == 1 else 0.0
    if len(stripped) > 1.6 * max(wl, wr):
        best_cost = 10.0  # far too long for one column
    elif len(stripped) > max(wl, wr) + 8:
        best_cost += 0.5  # longer than any line of one column seen so far
    for i in range(1, len(words)):
        left, right = " ".join(words[:i]), " ".join(words[i:])
        if len(left) > wl + 2 or len(right) > wr + 2 or not right.strip():
            continue
        cost = _line_cost(left, wl, left_final) + _line_cost(right, wr)
        if _ends_sentence(left) and right[:1].islower():
            cost -= 0.4  # "…verksamheterna. om kommunens …": a sentence ends, the other column goes on
        if re.search(r"[a-zåäö]-$", left) and fold(words[i]).strip(",.") not in _KEEP_HYPHEN_BEFORE:
            cost -= 0.4  # a word broken at the left column's edge
        if right[:1].isupper() and right_open:
            cost += 0.2
        if right_closed and right[:1].islower():
            cost += 1.0  # the right column's finding has ended: a lower-case word cannot continue it
        if cost < best_cost - 1e-9:
            best, best_cost = (left, right), cost
    return best


def _column_widths(lines: list[str]) -> tuple[int, int]:
    """The widest left and right column lines seen where the OCR marked the split (else a usual width)."""
    lefts, rights = [], []
    for line in lines:
        split = _split_marked(line)
        if split:
            lefts.append(len(split[0]))
            rights.append(len(split[1]))
    # A column narrower than 35 characters is a short sample, not a narrow column.
    return (max(lefts + [35]), max(rights + [35])) if lefts else (45, 45)


def _read_interleaved(lines: list[str]) -> list[_Item]:
    """Two columns printed side by side: route each line's segments to the column they continue."""
    widths = _column_widths(lines)
    cols: list[list[_Item]] = [[], []]
    trailing: list[_Item] = []  # findings after the two-column part whose column is not yet known
    trail_col: int | None = None

    def last(c):
        return cols[c][-1] if cols[c] else None

    def is_open(c):
        item = last(c)
        return item is not None and not item.closed()

    def must_go_on(c) -> int:
        # 2: the finding surely continues (a broken word, a last word like "och"); 1: its last line was
        # full without a full stop, so it probably continues; 0: it may have ended.
        item = last(c)
        if not is_open(c):
            return 0
        if item.hyphen_open() or _ends_on_function_word(item.text):
            return 2
        return 1 if item.last_len >= widths[c] - 6 else 0

    def add(c, seg):
        text, bulleted = _strip_bullet(seg)
        if not text.strip():
            return
        item = last(c)
        if bulleted or item is None or (item.closed() and text[:1].isupper()):
            cols[c].append(_Item([text], bulleted, c, last_len=len(seg.strip())))
        else:
            item.parts.append(text)
            item.last_len = len(seg.strip())

    for n, raw in enumerate(lines):
        line = _PIPE_AS_I.sub("I ", raw)
        if not line.strip() or _is_column_header(line):
            continue
        split = _split_marked(line)
        if split is None and cols[1] and trail_col is None and not trailing:
            after = next((ln for ln in lines[n + 1:] if ln.strip()), "")
            split = _best_split(line, widths, must_go_on(0), must_go_on(1), left_final=bool(_BULLET_START.match(after)),
                                right_closed=not is_open(1))
        if split is not None and not trailing:
            add(0, split[0])
            add(1, split[1])
            trail_col = None
            continue
        # One column only: a continuation of an open finding, or a new finding.
        text, bulleted = _strip_bullet(line.strip())
        open_cols = [c for c in (0, 1) if is_open(c)]
        hyphen_cols = [c for c in open_cols if last(c).hyphen_open()]
        if trailing and not bulleted and not trailing[-1].closed():
            trailing[-1].parts.append(text)
            continue
        if not bulleted and not trailing and (hyphen_cols or (open_cols and text[:1].islower()) or
                                              (open_cols and _ends_on_function_word(last(open_cols[0]).text))):
            going_on = sorted((c for c in open_cols if must_go_on(c)), key=must_go_on, reverse=True)
            c = (hyphen_cols or going_on or ([trail_col] if trail_col in open_cols else open_cols))[0]
            last(c).parts.append(text)
            last(c).last_len = len(line.strip())
            if len(open_cols) == 2 and not hyphen_cols and not going_on:
                last(c).note = NOTE_UNDECIDED  # either column's finding could go on here
                c = None
            trail_col = c
            continue
        trailing.append(_Item([text], bulleted, trail_col))
    if trailing:
        column = trail_col
        if column is None:
            vote = sum(_cue(t.text) for t in trailing)
            column = 1 if vote > 0 else 0
            if vote == 0:
                for t in trailing:
                    t.note = NOTE_UNDECIDED
        for t in trailing:
            t.column = column
            cols[column].append(t)
    return cols[0] + cols[1]


def _ends_on_function_word(text: str) -> bool:
    words = fold(text).split()
    return bool(words) and words[-1] in _FUNCTION_WORDS


def _read_items(lines: list[str]) -> tuple[list[_Item], int | None]:
    """One column after the other: findings in reading order, and where a lone improvement header fell."""
    items: list[_Item] = []
    header_at = None
    previous = ""
    for raw in lines:
        line = _PIPE_AS_I.sub("I ", raw)
        if not line.strip():
            previous = ""
            continue
        if _is_column_header(line):
            if _is_improvement_header(line) and items:
                header_at = len(items)
            previous = ""
            continue
        text, bulleted = _strip_bullet(line.strip())
        item = items[-1] if items else None
        in_bullets = item is not None and item.bulleted
        starts_new = (
            bulleted or item is None
            or (text[:1].isupper() and (item.closed() or (not in_bullets and not item.hyphen_open()
                                                            and not _ends_on_function_word(item.text))))
            or (not previous and text[:1].isupper() and not item.hyphen_open() and not _ends_on_function_word(item.text))
        )
        if starts_new:
            items.append(_Item([text], bulleted))
        else:
            item.parts.append(text)
        previous = line
    return items, header_at


def _assign_sequential(items: list[_Item], header_at: int | None) -> None:
    """Columns for findings printed one column after the other: by bullet style, header, or wording."""
    if not items:
        return
    styles = [i.bulleted for i in items]
    runs = sum(1 for a, b in zip(styles, styles[1:]) if a != b) + 1
    n_b, n_u = styles.count(True), styles.count(False)
    if 2 <= runs <= 3 and n_b >= 2 and n_u >= 2:
        # One column kept its bullets and the other lost them: the style says the column.
        def mean_cue(style):
            group = [_cue(i.text) for i in items if i.bulleted == style]
            return sum(group) / len(group)

        first = styles[0]
        improvement_style = (not first) if mean_cue(not first) >= mean_cue(first) else first
        for i in items:
            i.column = 1 if i.bulleted == improvement_style else 0
        return
    if header_at is not None:
        for n, i in enumerate(items):
            i.column = 0 if n < header_at else 1
        return
    cues = [_cue(i.text) for i in items]
    scores = [sum(-c for c in cues[:k]) + sum(cues[k:]) for k in range(len(items) + 1)]
    best = max(scores)
    ks = [k for k, s in enumerate(scores) if s == best]
    k = ks[-1]  # neutral findings at the seam: strengths, the column read first
    if best <= 0 or not any(c > 0 for c in cues):
        for i in items:
            i.column = 0
            i.note = NOTE_UNDECIDED
        return
    for n, i in enumerate(items):
        i.column = 0 if n < k else 1
        if ks[0] <= n < ks[-1]:
            i.note = NOTE_UNDECIDED


def read_table(lines: list[str]) -> list[tuple[str, str, str]]:
    """(kind, text, note) for every finding of one area's table, strengths first."""
    body = [ln for ln in lines if not _SUBHEADING.match(ln)]
    interleaved = any(_split_marked(_PIPE_AS_I.sub("I ", ln)) for ln in body if ln.strip() and not _is_column_header(ln))
    if interleaved:
        items = _read_interleaved(body)
    else:
        items, header_at = _read_items(body)
        _assign_sequential(items, header_at)
    out = []
    for column in (0, 1):
        for i in items:
            text = i.text.strip()
            if i.column == column and re.search(r"[^\W\d_]{3,}", text):  # a word, not OCR dust
                out.append((STRENGTH if column == 0 else IMPROVEMENT, text, i.note))
    return out


# --- inspiration --------------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ\"”“])")
_GENERIC = {"kommuner", "kommun", "kommunen", "en", "ett", "det", "just", "systemet", "den", "man", "sverige"}


class _Names:
    """Municipality names folded, for finding the ones a sentence mentions despite OCR damage."""

    def __init__(self, municipalities: dict[str, str]):
        self.by_fold = {fold(name): code for code, name in municipalities.items()}
        self.folded = list(self.by_fold)

    def code(self, text: str) -> str | None:
        f = fold(text)
        if not f or f in _GENERIC or len(f) < 4:
            return None
        for candidate in (f, f[:-1] if f.endswith("s") else None):
            if candidate and candidate in self.by_fold:
                return self.by_fold[candidate]
        for candidate in (f, f[:-1] if f.endswith("s") else None):
            if not candidate:
                continue
            close = difflib.get_close_matches(candidate, self.folded, n=1, cutoff=0.8)
            if close:
                return self.by_fold[close[0]]
        return None

    def mentions(self, sentence: str) -> list[tuple[str, str]]:
        """(printed name, kommunkod) of the municipalities a sentence names, in order."""
        tokens = re.findall(r"[A-ZÅÄÖÉ][\wåäöéÅÄÖ'’-]*(?:\s+[A-ZÅÄÖÉ][\wåäöé'’-]*)?", sentence)
        found = []
        for tok in tokens:
            words = tok.split()
            if len(words) == 2 and self.code(tok) and fold(tok) in self.by_fold:
                found.append((tok, self.code(tok)))
                continue
            for w in words:
                code = self.code(w.strip("'’-"))
                if code:
                    found.append((w.strip("'’-"), code))
        seen, out = set(), []
        for name, code in found:
            if code not in seen:
                seen.add(code)
                out.append((name, code))
        return out


def read_inspiration(lines: list[str], names: _Names, own_kommunkod: str = "") -> list[tuple[str, str, str, str]]:
    """(kind, text, named_kommunkod, note): the high scorers the report names, then the good examples."""
    text = _join([ln for ln in lines if ln.strip()])
    out = []
    pending: list[tuple[str, str, str, str]] = []
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        f = fold(sentence)
        if re.search(r"\bh[a-z]ga po", f) and re.search(r" (ar|dr) ", f):
            # "… har fått höga poäng inom området "X" är A, B och C.": the list follows the area's name.
            tail = re.split(r"[”\"“]", sentence)[-1]
            tail = re.split(r"\b(?:är|ar|dr)\b", tail, maxsplit=1)[-1]
            for part in re.split(r",|\boch\b", tail):
                name = part.strip(" .\n")
                code = names.code(name)
                if code:
                    out.append((HIGH_SCORER, name, code, ""))
            pending = []
            continue
        named = [(n, c) for n, c in names.mentions(sentence) if c != own_kommunkod]
        if named:
            pending = [(EXAMPLE, sentence, code, "") for _n, code in named]
            out += pending
        elif pending:
            # A sentence that goes on about the last example ("Systemet håller på att införas.").
            extended = [(k, t + " " + sentence, c, n) for k, t, c, n in pending]
            out = out[: len(out) - len(pending)] + extended
            pending = extended
    return out


# --- the entry point ----------------------------------------------------------------------------

def extract_findings(text: str, score_set: dict, municipalities: dict[str, str], source: str) -> list[dict]:
    """Every finding of the report's own evaluation: rows in the columns of findings.csv, report order."""
    if isinstance(text, (list, tuple)):
        text = "\n".join(text)  # pages
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tables, inspiration = _sections(lines)
    names = _Names(municipalities)
    base = {k: score_set[k] for k in ("kommunkod", "municipality", "year", "instrument_version", "evaluation_kind")}
    rows = []
    for area in sorted(set(tables) | set(inspiration)):
        found = [(k, t, "", n) for k, t, n in read_table(tables.get(area, []))]
        found += [(k, t, c, n) for k, t, c, n in read_inspiration(inspiration.get(area, []), names, base["kommunkod"])]
        for kind, finding, named, note in found:
            section = "3" if kind in (STRENGTH, IMPROVEMENT) else "5"
            rows.append({**base, "area_code": str(area), "kind": kind, "text": finding, "named_kommunkod": named,
                         "source": f"{source}, section {_chapter_of(lines)}.{area}.{section}", "note": note})
    return rows


def _chapter_of(lines: list[str]) -> str:
    subs = [m.group(1) for m in map(_SUBHEADING.match, lines) if m]
    return statistics.mode(subs) if subs else "4"


# --- PDF: columns from word positions -----------------------------------------------------------

def pdf_findings_text(pdf) -> str:
    """A PDF's text with a tab where a line's words jump to the second column (pdfplumber word positions)."""
    out = []
    for page in pdf.pages:
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        mid = float(page.width) * 0.45
        lines: list[list[dict]] = []
        for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
            if lines and abs(float(lines[-1][0]["top"]) - float(w["top"])) <= 3:
                lines[-1].append(w)
            else:
                lines.append([w])
        for line in lines:
            line.sort(key=lambda w: float(w["x0"]))
            text = ""
            prev = None
            for w in line:
                if prev is None and float(w["x0"]) >= mid:
                    text = "\t"  # only the second column has words on this line
                elif prev is not None:
                    gap = float(w["x0"]) - float(prev["x1"])
                    crosses = float(prev["x1"]) < mid <= float(w["x0"]) + 1 and gap > 12
                    text += "\t" if crosses and "\t" not in text else " "
                text += w["text"]
                prev = w
            out.append(text)
        out.append("")
    return "\n".join(out)


def main_score_set(scores) -> dict | None:
    """The report's own evaluation among the score sets ingest found: the one with sub-areas, else the latest full."""
    if scores is None or len(scores) == 0:
        return None
    keys = ["kommunkod", "municipality", "year", "instrument_version", "evaluation_kind"]
    sets = scores.groupby(keys, sort=False, observed=True)["level"].apply(lambda s: int((s.astype(str) == "subarea").sum()))
    sets = sets.reset_index(name="subareas")
    sets["full"] = sets["evaluation_kind"].astype(str) == "full"
    best = sets.sort_values(["subareas", "full", "year"], ascending=False).iloc[0]
    return {k: (int(best[k]) if k == "year" else str(best[k])) for k in keys}


def findings_text_of(data: bytes, name: str) -> str:
    """The text findings are read from: a PDF's words with their columns (tabs), otherwise the report text."""
    import pdfplumber

    from .limits import MAX_REPORT_PAGES as MAX_PDF_PAGES
    from .reader import bytes_to_text

    if not data[:1024].lstrip().startswith(b"%PDF"):
        return bytes_to_text(data, name)
    import io

    class _Capped:
        def __init__(self, pdf):
            self.pages = pdf.pages[:MAX_PDF_PAGES]

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return pdf_findings_text(_Capped(pdf))
    except Exception:  # a PDF pdfplumber cannot read has already failed the score ingest with a clear message
        return ""
