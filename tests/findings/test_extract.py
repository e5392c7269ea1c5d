"""Findings from reports: the seed read as a careful reader lists it, generated reports in both column layouts, a PDF."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompass_data.cli import main
from kompass_data.ingest.findings import NOTE_UNDECIDED, _join, extract_findings, read_table

from .gen import IMPROVEMENTS, STRENGTHS, report, two_column_pdf

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "ingest" / "fixtures" / "norsjo_2018_report.txt"
NORSJO_2018 = {"kommunkod": "2417", "municipality": "Norsjö", "year": 2018, "instrument_version": "2016",
               "evaluation_kind": "full"}


@pytest.fixture(scope="module")
def seed_rows(shipped):
    return pd.DataFrame(extract_findings(SEED.read_text(encoding="utf-8"), NORSJO_2018, shipped.municipality_names, "seed"))


def _texts(rows, area, kind):
    return list(rows.loc[(rows["area_code"] == str(area)) & (rows["kind"] == kind), "text"])


def test_seed_gives_every_area_its_strengths_and_improvements(seed_rows):
    counts = {a: (len(_texts(seed_rows, a, "strength")), len(_texts(seed_rows, a, "improvement"))) for a in range(1, 9)}
    assert counts == {1: (14, 7), 2: (9, 6), 3: (8, 8), 4: (6, 7), 5: (5, 4), 6: (11, 8), 7: (7, 6), 8: (10, 3)}


def test_seed_area_1_bulleted_strengths_around_unbulleted_improvements(seed_rows):
    strengths, improvements = _texts(seed_rows, 1, "strength"), _texts(seed_rows, 1, "improvement")
    assert strengths[0] == "Demokratiberedning, arliga handlingsplaner, utvardering och utveckling."
    assert strengths[-1] == "Styrdokument for att forhindra korruption, och mutor"  # printed after the improvements
    assert "Invanarnas delaktighet i fysiskt planlaggningsarbete" in strengths  # "planlagg-/ningsarbete" rejoined
    assert improvements[-1] == "En extern whistleblower-funktion"
    assert "Kortversion av budgeten till invanarna." in improvements


def test_seed_interleaved_lines_are_split_between_the_columns(seed_rows):
    # Area 2: "den. » Okad tillgidnglighet i receptionen." and unmarked "pa ett bra satt … vardegrun- och introduktion."
    assert _texts(seed_rows, 2, "strength")[0] == (
        "Ambitiost arbete med vardegrunden samt att arbetsgrupper uppmarksammas da de pa ett bra satt har tagit "
        "till sig vardegrunden.")
    assert _texts(seed_rows, 2, "improvement")[:2] == [
        "Starkare betoning av vardegrunden, service och tillganglighet i rekrytering och introduktion.",
        "Okad tillgidnglighet i receptionen."]
    assert _texts(seed_rows, 2, "strength")[-1] == "Redovisnig pa webbplats av tidigare inkomna synpunkter."
    # Area 4: "cheferna budget inrdtta och avveckla tjanster." and "natet att kommunfullmaktiges mal ska upp-".
    assert "Relativt stort mandat for verksamhetscheferna" in _texts(seed_rows, 4, "strength")
    assert _texts(seed_rows, 4, "improvement")[0].endswith("samt att inom budget inrdtta och avveckla tjanster.")
    assert "Knyta chefskontrakten tydligare till att kommunfullmaktiges mal ska uppnas." in _texts(seed_rows, 4, "improvement")
    assert _texts(seed_rows, 4, "improvement")[-1] == "Arbeta mer strategiskt med kompetensforsorjning av chefer"
    # Area 8: the strengths go on alone after the improvements have ended.
    assert _texts(seed_rows, 8, "improvement") == [
        "Strategi for kommunens internationella arbete", "Utveckling av vanortskontakt",
        "Battre styrning och redovisning av arbetet med atgarder for en hallbar miljo."]


def test_seed_sequential_columns_are_split_by_wording_and_say_where_it_is_unsure(seed_rows):
    assert _texts(seed_rows, 3, "improvement")[0] == "Béttre prioritering av mal som idag kan finnas i flera dokument."
    assert _texts(seed_rows, 6, "improvement")[0] == "Formulera en 6vergripande, sammanhallen personalstrategi."
    assert _texts(seed_rows, 7, "strength")[-1] == "Brukarinflytande 6éver forbattringsarbetet."
    unsure = seed_rows[seed_rows["note"] == NOTE_UNDECIDED]
    assert set(unsure["area_code"]) == {"3", "6", "7"} and set(unsure["kind"]) == {"strength"}


def test_seed_names_three_high_scorers_per_area_and_the_good_examples(seed_rows, shipped):
    names = shipped.municipality_names
    high = {a: [names[c] for c in seed_rows.loc[(seed_rows["area_code"] == str(a)) & (seed_rows["kind"] == "high_scorer"),
                                               "named_kommunkod"]] for a in range(1, 9)}
    assert high == {
        1: ["Helsingborg", "Västerås", "Tyresö"], 2: ["Helsingborg", "Västerås", "Ängelholm"],
        3: ["Upplands Väsby", "Tyresö", "Helsingborg"], 4: ["Helsingborg", "Upplands Väsby", "Kungälv"],
        5: ["Helsingborg", "Upplands Väsby", "Vallentuna"], 6: ["Helsingborg", "Västerås", "Örnsköldsvik"],
        7: ["Upplands Väsby", "Helsingborg", "Tyresö"], 8: ["Västerås", "Helsingborg", "Huddinge"],
    }
    examples = seed_rows[seed_rows["kind"] == "example"]
    assert [names[c] for c in examples.loc[examples["area_code"] == "6", "named_kommunkod"]] == [
        "Helsingborg", "Vänersborg", "Karlskrona"]
    karlskrona = examples[(examples["area_code"] == "6") & (examples["named_kommunkod"] == "1080")]["text"].iloc[0]
    assert karlskrona.endswith("Systemet haller pa att inforas.")  # the sentence after the example goes with it
    assert set(examples.loc[examples["area_code"] == "3", "named_kommunkod"]) == {"0834", "0781"}  # Torsås, Ljungby


def test_shipped_findings_are_the_seed_extraction_checked(shipped, seed_rows):
    cols = ["area_code", "kind", "text", "named_kommunkod"]
    assert shipped.findings[cols].astype(str).values.tolist() == seed_rows[cols].values.tolist()
    assert shipped.findings["source"].str.contains("shared/seed/norsjo_2018_report.txt, section 4.").all()


@pytest.mark.parametrize("layout", ["interleaved", "sequential", "sequential_lost_bullets"])
@pytest.mark.parametrize("seed", range(6))
def test_generated_report_gives_back_what_it_lists(layout, seed, shipped):
    text, expected = report(layout, random.Random(seed))
    rows = pd.DataFrame(extract_findings(text, NORSJO_2018, shipped.municipality_names, "synthetic"))
    for area, want in expected.items():
        assert _texts(rows, area, "strength") == want["strength"]
        assert _texts(rows, area, "improvement") == want["improvement"]
        assert _texts(rows, area, "high_scorer") == want["high_scorer"]
        assert _texts(rows, area, "example")[0].startswith("Karlskrona kommun har")


def test_generated_two_column_pdf_is_read_by_word_positions(tmp_path, capsys):
    pdf = two_column_pdf(tmp_path / "report.pdf", STRENGTHS[:5], IMPROVEMENTS[:6])
    out = tmp_path / "findings.csv"
    assert main(["ingest", str(pdf), "-o", str(tmp_path / "scores.csv"), "--findings", str(out)]) == 0
    rows = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert _texts(rows, 1, "strength") == STRENGTHS[:5]
    assert _texts(rows, 1, "improvement") == IMPROVEMENTS[:6]
    assert _texts(rows, 1, "high_scorer") == ["Helsingborg", "Västerås", "Tyresö"]
    assert "5 styrkor, 6 förbättringsmöjligheter" in capsys.readouterr().err


def test_report_without_findings_gives_a_header_only_file_and_says_so(tmp_path, capsys):
    text = tmp_path / "page.txt"
    text.write_text("Norsjö kommun Kommunkompassen 2018\nTotalt 509 poäng av 800\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    assert main(["ingest", str(text), "-o", str(tmp_path / "s.csv"), "--findings", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [
        "kommunkod,municipality,year,instrument_version,evaluation_kind,area_code,kind,text,named_kommunkod,source,note"]
    assert "Inga styrkor, förbättringsmöjligheter eller inspiration hittades" in capsys.readouterr().err


def test_garbage_is_a_clear_message_not_a_traceback(tmp_path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_text("|||| ==== »» e o • 4.1.3 Styrkor\n\x0c" * 50, encoding="utf-8")
    code = main(["ingest", str(junk), "-o", str(tmp_path / "s.csv"), "--findings", str(tmp_path / "f.csv")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "junk.txt" in err
    assert read_table(["|||| ==== »» e o •", "", "= | =", "e o"]) == []


# --- properties of the splitter -----------------------------------------------------------------

WORDS = ["arbete", "med", "styrning", "kommunens", "mål", "uppföljning", "invånare", "dialog", "kvalitet", "budget",
         "chefer", "medarbetare", "webbplatsen", "resultat", "samverkan", "verksamheterna"]
_strength = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(lambda w: "Tydlig " + " ".join(w) + ".")
_improvement = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(lambda w: "Utveckla " + " ".join(w) + ".")


def _column_lines(items, width):
    import textwrap

    lines = []
    for item in items:
        for j, line in enumerate(textwrap.wrap(item, width)):
            lines.append(("• " if j == 0 else "") + line)
    return lines


@settings(max_examples=60, deadline=None)
@given(st.lists(_strength, min_size=1, max_size=6), st.lists(_improvement, min_size=1, max_size=6),
       st.integers(min_value=30, max_value=50), st.sampled_from(["\t", " | "]))
def test_marked_two_column_lines_always_come_apart(strengths, improvements, width, sep):
    left, right = _column_lines(strengths, width), _column_lines(improvements, width)
    lines = ["Styrkor Förbättringsmöjligheter"]
    for i in range(max(len(left), len(right))):
        l, r = (left[i] if i < len(left) else ""), (right[i] if i < len(right) else "")
        lines.append(l + sep + r if (l and r) or sep == "\t" else l or r)
    found = read_table(lines)
    assert [t for k, t, _n in found if k == "strength"] == strengths
    assert [t for k, t, _n in found if k == "improvement"] == improvements


@settings(max_examples=60, deadline=None)
@given(st.lists(_strength, min_size=1, max_size=6), st.lists(_improvement, min_size=1, max_size=6),
       st.booleans())
def test_sequential_columns_are_told_apart_by_wording(strengths, improvements, bullets):
    lines = ["Styrkor", "", "Förbättringsmöjligheter", ""]
    for item in strengths + improvements:
        lines.append(("e " if bullets else "") + item)
    found = read_table(lines)
    assert [t for k, t, _n in found if k == "strength"] == strengths
    assert [t for k, t, _n in found if k == "improvement"] == improvements


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=15), st.data())
def test_a_word_broken_at_a_line_end_is_rejoined(words, data):
    text = " ".join(words)
    long_words = [i for i, w in enumerate(words) if len(w) >= 6]
    if not long_words:
        assert _join([text]) == text
        return
    i = data.draw(st.sampled_from(long_words))
    cut = data.draw(st.integers(min_value=2, max_value=len(words[i]) - 2))
    first = " ".join(words[:i] + [words[i][:cut] + "-"])
    second = " ".join([words[i][cut:]] + words[i + 1:])
    assert _join([first, second]) == text
