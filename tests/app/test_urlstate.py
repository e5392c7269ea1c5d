"""Every page's state round-trips through the URL declared in kompass_ui/urlstate.py; hostile values are ignored."""

import re

import pytest

from kompass_ui import urlstate

from .conftest import ROOT, open_page, unexpected_errors

# page -> (canonical query, widget key -> the value it must hold). Each query is what the page itself
# writes back, so after one run the URL must be exactly the query again.
ROUND_TRIPS = {
    "1_oversikt": [
        ({"version": "2010"}, {"pick_map": "total", "pick_version": "2010"}),
        ({"karta": "kanda", "kommun": "2282", "ar": "2013", "lang": "en"}, {"pick_map": "known", "pick_lang": "en"}),
        ({"version": "2010", "lan": "24", "grupp": "C8"}, {"region_lan": "24", "region_grupp": "C8"}),
    ],
    "2_kommunprofil": [
        ({"kommun": "2417", "ar": "2018", "lan": "24", "grupp": "C8", "egen": "1", "ref": "1"},
         {"pick_kommun": "2417", "pick_ar": "2417:2018:2016:full", "peer_lan": "24", "peer_grupp": "C8",
          "peer_egen": True, "pick_ref": True}),
        ({"kommun": "2417", "ar": "2017"}, {"pick_kommun": "2417", "pick_ar": "2417:2017:2010:self", "peer_egen": False}),
        ({"kommun": "2417", "ar": "2018", "jmf": "similar", "k": "3", "indelning": "2017", "svagast": "1"},
         {"pick_kommun": "2417", "pick_peer_group": "similar", "pick_peer_group_year": "2017"}),
    ],
    "3_utveckling": [
        ({"kommun": "2417,2282", "omrade": "3", "ar": "2018"}, {"pick_kommuner": ["2417", "2282"], "pick_item": "3"}),
        ({"kommun": "0381"}, {"pick_kommuner": ["0381"], "pick_item": "total"}),
        ({"kommun": "2282", "lan": "22", "grupp": "C8"}, {"pick_kommuner": ["2282"], "region_lan": "22", "region_grupp": "C8"}),
    ],
    "4_jamfor": [
        ({"version": "2016", "sets": "2417:2018:2016:full,0381:2018:2016:full", "kommun": "0381", "ar": "2018",
          "vy": "radar"},
         {"pick_version": "2016", "pick_sets_2016": ["2417:2018:2016:full", "0381:2018:2016:full"],
          "pick_focus": "0381:2018:2016:full", "pick_view": "radar"}),
        ({"version": "2010", "lan": "22", "grupp": "C8", "sets": "2282:2013:2010:full", "kommun": "2282", "ar": "2013"},
         {"region_lan": "22", "region_grupp": "C8", "pick_sets_2010": ["2282:2013:2010:full"]}),
    ],
    "5_fordelning": [
        ({"version": "2010", "egen": "1", "omrade": "3", "kommun": "2417"},
         {"pick_version": "2010", "dist_egen": True, "pick_rank_item": "3"}),
        ({"version": "2010", "lan": "24", "grupp": "C8", "kommun": "2417"}, {"region_lan": "24", "region_grupp": "C8"}),
    ],
    "6_export": [
        ({"version": "2010", "niva": "area", "typ": "full", "kommun": "2417,2282", "lan": "24", "grupp": "C8",
          "fran": "2012", "till": "2016"},
         {"exp_version": "2010", "exp_niva": "area", "exp_typ": "full", "exp_kommun": ["2417", "2282"],
          "exp_lan": "24", "exp_grupp": "C8", "exp_years": (2012, 2016)}),
        ({}, {"exp_version": "", "exp_kommun": [], "exp_lan": ""}),
    ],
    "7_egna_data": [({"lang": "en"}, {"pick_lang": "en"})],
    "8_samband": [
        ({"version": "2010", "omrade": "6", "kpi": "N05401"},
         {"samband_version": "2010", "samband_omrade": "6", "samband_kpi": "N05401"}),
        ({"kpi": "N00090"}, {"samband_version": "", "samband_omrade": "total", "samband_kpi": "N00090"}),
    ],
    "9_fynd": [
        ({"q": "whistleblower", "omrade": "1", "slag": "improvement", "version": "2016"},
         {"fynd_area": "1", "fynd_kind": "improvement", "fynd_version": "2016"}),
    ],
}
CASES = [(page, query, held) for page, cases in ROUND_TRIPS.items() for query, held in cases]

HOSTILE = {
    "lang": "xx", "kommun": "<script>alert(1)</script>", "ar": "abc", "version": "9999", "typ": "'; drop",
    "lan": "<b>", "grupp": "ZZ", "egen": "yes", "ref": "2", "karta": "javascript:x", "omrade": "99",
    "sets": "<img src=x>", "vy": "pie", "niva": "%00", "fran": "-1", "till": "20166", "kpi": "n0;DROP",
    "jmf": "<i>", "k": "0", "indelning": "1999", "svagast": "yes",
    "q": "<script>x</script>", "slag": "weakness",
}


def _widget_value(at, key):
    for kind in ("selectbox", "multiselect", "radio", "checkbox", "slider"):
        try:
            return getattr(at, kind)(key=key).value
        except KeyError:
            continue
    raise KeyError(key)


@pytest.mark.parametrize(("page", "query", "held"), CASES, ids=[f"{p}-{i}" for i, (p, _q, _h) in enumerate(CASES)])
def test_a_pages_state_round_trips_through_the_url(page, query, held):
    at = open_page(f"pages/{page}.py", **query)
    assert unexpected_errors(at) == []
    assert {key: _widget_value(at, key) for key in held} == held
    assert dict(at.query_params) == query


def test_every_declared_parameter_of_a_page_is_round_tripped():
    for page, cases in ROUND_TRIPS.items():
        tried = {name for query, _held in cases for name in query}
        declared = {p.name for p in urlstate.PARAMS if page in p.pages}
        missing = declared - tried - {"lang"}  # the language is tried on the pages that draw no other state
        if page == "2_kommunprofil":
            missing -= {"version", "typ"}  # only where a year has several score sets: see the upload test below
        assert missing == set(), page


def test_links_in_a_loose_form_are_written_back_in_the_canonical_form():
    at = open_page("pages/3_utveckling.py", kommun=" 2417, 2282,2417, x", omrade="total")
    assert at.multiselect(key="pick_kommuner").value == ["2417", "2282"]
    assert dict(at.query_params) == {"kommun": "2417,2282"}
    at = open_page("pages/2_kommunprofil.py", kommun="381", ar="2018", typ="self", egen="1")
    assert at.selectbox(key="pick_kommun").value == "0381"  # a spreadsheet's code without its leading zero
    assert dict(at.query_params) == {"kommun": "0381", "ar": "2018", "egen": "1"}  # typ only where a year is ambiguous


@pytest.mark.parametrize("page", sorted(ROUND_TRIPS))
def test_hostile_values_are_ignored_and_removed(page):
    at = open_page(f"pages/{page}.py", **HOSTILE)
    assert unexpected_errors(at) == []
    assert len(at.title) == 1
    assert not set(HOSTILE.values()) & set(at.query_params.values())
    if page == "2_kommunprofil":
        assert at.selectbox(key="pick_kommun").value == "2417"  # the seed municipality, as with no link at all


def test_the_session_remembers_what_a_sidebar_link_drops():
    at = open_page("pages/2_kommunprofil.py", kommun="2282", ar="2011", lan="22")
    at.query_params.clear()  # the sidebar's page links carry no query string
    at.switch_page("pages/3_utveckling.py").run()
    assert at.multiselect(key="pick_kommuner").value == ["2282"]
    # The county is one choice across pages: the profile's peer county is Utveckling's region filter.
    assert dict(at.query_params) == {"kommun": "2282", "ar": "2011", "lan": "22"}
    assert at.selectbox(key="region_lan").value == "22"
    at.query_params.clear()
    at.switch_page("pages/2_kommunprofil.py").run()
    assert at.selectbox(key="pick_ar").value == "2282:2011:2010:full" and at.selectbox(key="peer_lan").value == "22"


def test_a_year_with_two_score_sets_carries_which_one_in_the_url():
    header = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note\n"
    self_2018 = header + "2417,Norsjö,2018,2016,self,total,total,Totalt,500,800,https://example.org/norsjo,\n"
    at = open_page("pages/7_egna_data.py")
    at.text_area(key="upload_text").input(self_2018).run()
    at.button(key="add_text").click().run()
    at.query_params.update({"kommun": "2417", "ar": "2018", "typ": "self"})
    at.switch_page("pages/2_kommunprofil.py").run()
    assert unexpected_errors(at) == []
    assert at.selectbox(key="pick_ar").value == "2417:2018:2016:self"
    assert dict(at.query_params) == {"kommun": "2417", "ar": "2018", "typ": "self"}
    at.selectbox(key="pick_ar").set_value("2417:2018:2016:full").run()
    assert dict(at.query_params) == {"kommun": "2417", "ar": "2018", "typ": "full"}


def test_the_parameters_of_each_page_are_the_readmes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| page | what | URL parameters |")[1].split("\n\n")[0]
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    for page, row in zip(urlstate.ALL_PAGES, rows, strict=True):
        documented = {m.split("=")[0] for m in re.findall(r"`([^`]+)`", row.rsplit("|", 2)[1])}
        assert documented == {p.name for p in urlstate.PARAMS if page in p.pages} - {"lang"}, page


@pytest.mark.parametrize(("name", "text", "value"), [
    ("kommun", "2417", ["2417"]), ("kommun", "114,2417", ["0114", "2417"]), ("kommun", "<script>", None),
    ("kommun", "24170", None), ("ar", "2018", 2018), ("ar", "abc", None), ("ar", "18", None),
    ("version", "2016", "2016"), ("version", "pre-2010", "pre-2010"), ("version", "9999", None),
    ("typ", "self", "self"), ("typ", "SELF", None), ("egen", "1", True), ("egen", "true", None),
    ("karta", "kanda", "known"), ("karta", "known", None), ("omrade", "8", "8"), ("omrade", "9", None),
    ("sets", "2417:2018:2016:full", ["2417:2018:2016:full"]), ("sets", "x:y", None), ("lang", "en", "en"),
    ("lang", "de", None), ("lan", "24", "24"), ("lan", "2", None), ("grupp", "C8", "C8"), ("grupp", "C8;", None),
])
def test_one_parser_per_type_reads_only_what_the_dashboard_writes(name, text, value):
    assert urlstate.parse(name, text) == value
    if value is not None:
        assert urlstate.parse(name, urlstate.url_text(name, value)) == value


def test_a_default_value_is_left_out_of_the_url():
    assert urlstate.url_text("lang", "sv") is None and urlstate.url_text("lang", "en") == "en"
    assert urlstate.url_text("karta", "total") is None and urlstate.url_text("karta", "known") == "kanda"
    assert urlstate.url_text("egen", False) is None and urlstate.url_text("egen", True) == "1"
    assert urlstate.url_text("kommun", []) is None and urlstate.url_text("kommun", "2417") == "2417"
    assert urlstate.query(kommun="2417", ar=None, omrade="total") == {"kommun": "2417"}


def test_an_undeclared_widget_key_is_refused():
    with pytest.raises(KeyError, match="not declared"):
        urlstate.declared("kommun", "some_other_picker")


def test_the_language_of_a_link_survives_the_next_run():
    """?lang=en stayed English for one run only: the radio's id changes on a session's second run."""
    from streamlit.testing.v1 import AppTest

    from kompass_data import messages
    from kompass_ui.layout import DRAWN_KEY

    from .conftest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state[DRAWN_KEY] = True
    at.run()
    at.run()  # what the first view's request for the rest, or any widget, starts
    assert at.title[0].value == messages.t("ui.page.oversikt", "en")
    assert at.sidebar.radio[0].value == "en" and at.query_params["lang"] == "en"
