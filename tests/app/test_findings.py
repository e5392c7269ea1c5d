"""Findings on the pages: Norsjö 2018's profile lists area 1's strengths and improvements; the search finds them."""

from kompass_data import messages

from .conftest import NORSJO, open_page, unexpected_errors

PROFILE = "pages/2_kommunprofil.py"
SEARCH = "pages/9_fynd.py"
DIST = "pages/5_fordelning.py"


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_norsjo_2018_profile_shows_area_1_strengths_and_improvements_with_source():
    at = open_page(PROFILE, **NORSJO)
    assert unexpected_errors(at) == []
    text = _markdown(at)
    assert messages.t("ui.profile.strengths", "sv") in text and messages.t("ui.profile.improvements", "sv") in text
    assert "Styrdokument om kommunikation" in text  # area 1, a strength
    assert "En extern whistleblower" in text  # area 1, an improvement
    area1 = next(e for e in at.expander if "Offentlighet och demokrati" in e.label)
    columns = area1.columns
    assert "Demokratiberedning" in columns[0].markdown[0].value
    assert "whistleblower" in columns[1].markdown[0].value and "whistleblower" not in columns[0].markdown[0].value
    assert any("shared/seed/norsjo_2018_report.txt, section 4.1.3" in c for c in [x.value.replace("\\", "") for x in area1.caption])


def test_a_closed_area_is_filled_when_opened():
    at = open_page(PROFILE, **NORSJO)
    area2 = next(e for e in at.expander if "Tillgänglighet och brukarorientering" in e.label)
    assert not area2.markdown  # closed: nothing made or sent for it
    at.session_state["open_findings_2"] = True  # what a click on it does
    at.run()
    area2 = next(e for e in at.expander if "Tillgänglighet och brukarorientering" in e.label)
    assert messages.t("ui.profile.strengths", "sv") in area2.columns[0].markdown[0].value


def test_search_page_finds_the_external_whistleblower_function_as_an_improvement_in_area_1():
    at = open_page(SEARCH, q="whistleblower")
    assert unexpected_errors(at) == []
    table = at.dataframe[0].value
    assert len(table) == 1
    row = table.iloc[0]
    assert row[messages.t("ui.findings.col_municipality", "sv")] == "Norsjö"
    assert row[messages.t("ui.findings.col_year", "sv")] == 2018
    assert row[messages.t("ui.findings.col_area", "sv")].startswith("1.")
    assert row[messages.t("ui.findings.col_kind", "sv")] == messages.t("finding.kind.improvement", "sv")
    assert row[messages.t("ui.findings.col_profile", "sv")] == "./kommunprofil?kommun=2417&ar=2018"


def test_search_page_filters_by_area_and_kind_and_folds_diacritics():
    at = open_page(SEARCH, q="forbattringsarbetet", omrade="7", slag="strength")
    table = at.dataframe[0].value
    assert list(table[messages.t("ui.findings.col_text", "sv")]) == ["Brukarinflytande 6éver forbattringsarbetet."]
    at = open_page(SEARCH, q="nothing-like-this-anywhere")
    assert not at.dataframe and at.info[0].value == messages.t("ui.findings.none", "sv")


def test_distribution_page_shows_named_high_scorers_marked_as_named():
    at = open_page(DIST, version="2016", lang="en")
    assert unexpected_errors(at) == []
    named = next(d.value for d in at.dataframe if messages.t("ui.dist.named", "en") in d.value.columns)
    area1 = named[named[messages.t("ui.col.code", "en")] == "1"]
    assert list(area1[messages.t("ui.dist.named", "en")]) == ["Helsingborg", "Västerås", "Tyresö"]
    assert set(area1[messages.t("ui.dist.named_col_report", "en")]) == {"Norsjö 2018"}
