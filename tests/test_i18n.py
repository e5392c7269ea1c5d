"""Internationalisation as a layer: one catalogue in two languages, numbers in the reader's style, flags as keys."""

from __future__ import annotations

import argparse
import ast
import json
import string
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kompass_data import formats, messages
from kompass_data.checks import flag_message, flag_messages
from kompass_data.cli import build_parser, language_of, main

from .conftest import ROOT

KEY_PREFIXES = ("error.", "problem.", "flag.", "ingest.", "ui.", "cli.", "count.")
SOURCES = [*sorted((ROOT / "kompass_data").rglob("*.py")), *sorted((ROOT / "kompass_ui").rglob("*.py")),
           *sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def _is_key(text: str) -> bool:
    return text.startswith(KEY_PREFIXES) and " " not in text and not text.endswith(".")


def _keys_used() -> tuple[dict[str, str], dict[str, str]]:
    """Literal catalogue keys and literal prefixes of f-string keys in the code, each with where it is."""
    literal, prefixes = {}, {}
    for path in SOURCES:
        if path.name == "messages.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "h" and path.name == "cli.py":
                arg = node.args[0] if node.args else None  # cli.build_parser's h("opt.lang") -> "cli.opt.lang"
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literal[f"cli.{arg.value}"] = where
                elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                    prefixes[f"cli.{arg.values[0].value}"] = where
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _is_key(node.value):
                # "ui.map.mode_" + mode: a prefix of a family of keys, like an f-string's head.
                (prefixes if node.value.endswith("_") else literal)[node.value] = where
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
                if isinstance(head, str) and _is_key(head + "x") and head.endswith("."):
                    prefixes[head] = where
    return literal, prefixes


def test_every_key_used_in_the_code_is_in_the_catalogue():
    literal, prefixes = _keys_used()
    assert len(literal) > 150  # the scan finds the keys (guards against a scan that silently finds nothing)
    catalogue = messages.CATALOGUE
    missing = {
        key: where for key, where in literal.items()
        if key not in catalogue and not {f"{key}.one", f"{key}.other"} <= set(catalogue)
    }
    assert missing == {}
    no_family = {p: where for p, where in prefixes.items() if not any(k.startswith(p) for k in catalogue)}
    assert no_family == {}


def test_every_entry_has_both_languages_with_the_same_parameters():
    for key, entry in messages.CATALOGUE.items():
        assert set(entry) == set(messages.LANGUAGES), key
        assert all(entry[lang].strip() for lang in messages.LANGUAGES), key
        assert _fields(entry["sv"]) == _fields(entry["en"]), key


def test_plural_forms_follow_the_count():
    assert messages.tn("count.municipalities", 1, "sv") == "1 kommun"
    assert messages.tn("count.municipalities", 2, "sv") == "2 kommuner"
    assert messages.tn("count.score_sets", 1, "en") == "1 score set"
    assert messages.tn("count.score_sets", 0, "en") == "0 score sets"
    assert messages.tn("count.score_sets", 37, "sv") == "37 poänguppsättningar"
    for key in messages.CATALOGUE:
        if key.endswith(".one"):
            assert key[:-4] + ".other" in messages.CATALOGUE, key


def test_numbers_in_each_language():
    assert formats.number(61.25, "sv") == "61,3" and formats.number(61.25, "en") == "61.3"
    assert formats.number(54.0, "sv") == "54" and formats.number(509, "sv", fixed=True) == "509,0"
    assert formats.number(-5.94, "sv", sign=True) == "-5,9" and formats.number(8, "en", sign=True) == "+8"
    assert formats.number(float("nan"), "sv") == "–" and formats.number(pd.NA, "en") == "–"
    assert formats.number(2018, "sv") == "2018"  # no digit grouping: years stay years
    assert formats.percent(57.14, "sv") == "57\u00a0%" and formats.percent(57.14, "en") == "57%"
    # Message parameters: the catalogue's {x:g} and {x:+g} follow the language.
    assert messages.t("flag.subareas_vs_area", "sv", code="3", sum=51.0, area=49.0, tol=2.5).endswith("(tolerans ±2,5).")
    assert messages.t("flag.subareas_vs_area", "en", code="3", sum=51.0, area=49.0, tol=2.5).endswith("(tolerance ±2.5).")


def test_a_date_in_each_language():
    import datetime

    assert formats.date(datetime.date(2026, 11, 27), "sv") == "27 november 2026"
    assert formats.date(datetime.date(2026, 11, 27), "en") == "27 November 2026"


# --- flags: stored as key + parameters, rendered when read -------------------------------------


def test_stored_flags_hold_keys_and_parameters_not_texts(shipped):
    flags = shipped.flags
    assert not [c for c in flags.columns if c.startswith("message")]
    row = flags[(flags["kommunkod"] == "2417") & (flags["check"] == "total_vs_areas")].iloc[0]
    assert row["key"] == "flag.total_vs_areas" and json.loads(row["params"]) == {"total": 475.0, "sum": 455.0, "diff": 20.0}
    import pyarrow.parquet as pq

    stored = pq.read_table(ROOT / "datasets" / "parquet" / "_flags.parquet").column_names
    assert "key" in stored and "params" in stored and not [c for c in stored if c.startswith("message")]


def test_one_stored_flag_reads_in_both_languages():
    row = pd.DataFrame({"key": ["flag.subareas_vs_area"],
                        "params": [json.dumps({"code": "7", "sum": 51.0, "area": 55.0, "tol": 2.5})]})
    assert flag_messages(row, "sv").iloc[0] == (
        "Område 7: delområdena summerar till 51, området är publicerat som 55 (tolerans ±2,5).")
    assert flag_messages(row, "en").iloc[0] == (
        "Area 7: the sub-areas add to 51, the area is published as 55 (tolerance ±2.5).")
    assert flag_message("flag.subareas_vs_area", {"code": "7", "sum": 51.0, "area": 55.0, "tol": 2.5}, "en").startswith("Area 7")


# --- CLI ------------------------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _line(out: str, code: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.split()[:1] == [code])


def test_peers_table_has_a_decimal_comma_in_swedish_and_a_point_in_english(capsys, fixture_dir):
    # Synthetic Norsjö 2018 (tests/fixtures.py): area 2 scored 60 against a peer mean of 65.5 (Enköping 70, Mölndal 61).
    code, out, err = run(capsys, "peers", "Norsjö:2018", "--lang", "sv", "--data-dir", str(fixture_dir))
    assert code == 0
    assert _line(out, "2")[-8:-4] == ["60,0", "2", "65,5", "65,5"]
    assert err.startswith("Jämförelsekommuner: ")
    code, out, err = run(capsys, "peers", "Norsjö:2018", "--lang", "en", "--data-dir", str(fixture_dir))
    assert _line(out, "2")[-8:-4] == ["60.0", "2", "65.5", "65.5"]
    assert err.startswith("Peers: ")


def test_peers_json_stays_numeric_and_flags_carry_key_params_and_text(capsys, fixture_dir):
    code, out, err = run(capsys, "peers", "Norsjö:2017", "--format", "json", "--lang", "sv", "--data-dir", str(fixture_dir))
    payload = json.loads(out)
    assert payload["total"]["score"] == 480.0 and isinstance(payload["total"]["peer_mean"], float)
    flag = next(f for f in payload["flags"] if f["check"] == "total_vs_areas")
    assert flag["key"] == "flag.total_vs_areas" and flag["params"] == {"total": 480.0, "sum": 460.0, "diff": 20.0}
    assert flag["message"].startswith("Publicerad totalpoäng 480")


def test_info_counts_with_plural_forms(capsys):
    code, out, err = run(capsys, "info", "--lang", "en")
    assert code == 0 and "municipalities have scores;" in err and " score sets; " in err


def test_language_is_known_before_parsing(monkeypatch):
    monkeypatch.delenv("KOMPASS_LANG", raising=False)
    assert language_of(["peers", "X", "--lang", "en"]) == "en" and language_of(["--lang=en"]) == "en"
    assert language_of(["peers"]) == "sv"
    monkeypatch.setenv("KOMPASS_LANG", "en")
    assert language_of(["info"]) == "en" and language_of(["info", "--lang", "sv"]) == "sv"
    monkeypatch.setenv("KOMPASS_LANG", "fr")
    assert language_of([]) == "sv"


def _all_help(lang: str) -> str:
    """Every help text, description, epilog and title of the parser and its sub-commands."""
    root = build_parser(lang)
    parsers = [root]
    for action in root._actions:
        if isinstance(action, argparse._SubParsersAction):
            parsers += list(action.choices.values())
    return "\n".join(p.format_help() for p in parsers)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_help_of_every_command_comes_from_the_catalogue(lang):
    text = _all_help(lang)
    assert "cli." not in text  # an unknown key would show as itself
    other = "en" if lang == "sv" else "sv"
    for key in ("cli.help.help", "cli.opt.data_dir", "cli.cmd.peers.description", "cli.arg.score_set"):
        assert messages.t(key, lang) in " ".join(text.split())
        assert messages.t(key, other) not in text


def test_help_language_from_the_environment():
    env = {"KOMPASS_LANG": "sv", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "kompass_data", "--help"], cwd=ROOT, capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0 and done.stdout.startswith("användning: ") and "kommandon:" in done.stdout
    done = subprocess.run([sys.executable, "-m", "kompass_data", "peers", "--help", "--lang", "en"], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    assert done.stdout.startswith("usage: ") and "positional arguments:" in done.stdout


def test_usage_errors_in_swedish(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["peers", "--lang", "sv"])
    assert exc.value.code == 2
    assert "fel: dessa argument krävs: KOMMUN:ÅR" in capsys.readouterr().err


# --- UI display helpers ---------------------------------------------------------------------------


def test_display_tables_read_in_the_language_and_stay_numbers():
    from kompass_ui.views import localized, missing_as

    frame = pd.DataFrame({"item": ["Totalt", "1"], "n": [7, 3], "mean": [514.857, 61.0], "gap": [61.25, None]})
    shown = missing_as(frame, lang="sv")
    assert list(shown["gap"]) == ["61,3", "–"]  # a column with a gap becomes text
    styled = localized(shown, "sv")
    assert styled.data["mean"].dtype == "float64"  # still numbers: sorted and right-aligned as numbers
    html = styled.to_html()
    assert ">514,9<" in html and ">61<" in html and ">7<" in html
    assert ">514.9<" in localized(missing_as(frame, lang="en"), "en").to_html()
    assert list(missing_as(frame, lang="en")["gap"]) == ["61.3", "–"]


def test_figures_use_the_language_for_numbers(ds):
    from kompass_data import compare
    from kompass_data.figures import radar

    ref = compare.parse_score_set(ds, "Norsjö:2018")  # synthetic: area 2 peer mean 65.5 over n = 2
    result = compare.peer_comparison(ds, ref, compare.PeerFilter(), "sv")
    sv = radar(result, lang="sv").to_plotly_json()
    en = radar(result, lang="en").to_plotly_json()
    assert sv["layout"]["separators"].startswith(",") and en["layout"]["separators"].startswith(".")
    peer_sv = " ".join(str(h) for tr in sv["data"] for h in (tr.get("hovertext") or []))
    peer_en = " ".join(str(h) for tr in en["data"] for h in (tr.get("hovertext") or []))
    assert "65,5 (n = 2)" in peer_sv and "65.5 (n = 2)" in peer_en
