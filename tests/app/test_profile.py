"""Kommunprofil: ?kommun=2417&ar=2018 draws Norsjö's radar against its version's peers (synthetic folder)."""

from kompass_data import messages
from kompass_data.figures import esc
from kompass_ui.views import md

from .conftest import NORSJO, figures, open_page, unexpected_errors

PROFILE = "pages/2_kommunprofil.py"


def radar_of(at) -> dict:
    return next(f for f in figures(at) if f["data"] and f["data"][0]["type"] == "scatterpolar")


def test_norsjo_2018_radar_against_the_peer_mean_over_the_same_eight_areas():
    at = open_page(PROFILE, **NORSJO)
    assert unexpected_errors(at) == []
    focal, peer = radar_of(at)["data"][:2]
    assert focal["name"] == "Norsjö 2018"
    assert peer["name"].startswith(messages.t("ui.fig.peer_mean", "sv"))
    # Closed outlines: area 1 is repeated at the end, so 9 points over the 8 areas.
    assert focal["theta"] == peer["theta"] and len(focal["theta"]) == 9 and focal["theta"][0] == focal["theta"][-1]
    assert [th.split(".")[0] for th in focal["theta"]] == [str(i) for i in range(1, 9)] + ["1"]
    assert focal["r"] == [70, 60, 70, 60, 70, 60, 70, 60, 70] and peer["r"][0] == peer["r"][-1]
    # Area 1: Enköping 2018 (80), Mölndal 2016 (50), Strängnäs 2016 (65): mean 65 over n = 3.
    assert peer["r"][0] == 65.0 and peer["customdata"][0] == [3]
    assert "n = 3" in peer["hovertext"][0]


def test_the_url_carries_the_state_and_the_table_says_what_the_radar_shows():
    at = open_page(PROFILE, **NORSJO)
    assert at.query_params["kommun"] == "2417" and at.query_params["ar"] == "2018"
    table = at.dataframe[0].value
    row = table[table[messages.t("ui.col.item", "sv")].str.startswith("1.")].iloc[0]
    assert row[messages.t("ui.col.peer_mean", "sv")] == "65" and row[messages.t("ui.col.n", "sv")] == 3
    assert row[messages.t("ui.col.difference", "sv")] == 5.0


THIN = messages.t("ui.thin_mean_long", "sv", n=3)


def test_a_mean_of_fewer_than_three_is_called_no_benchmark():
    at = open_page(PROFILE, **NORSJO)  # area peers: n = 3 (area 1), 2 (area 2), 1 (areas 3-8: Enköping)
    assert THIN in [w.value for w in at.warning]
    assert "färre än 3 kommuner" in THIN
    peer = radar_of(at)["data"][1]
    assert [n for (n,) in peer["customdata"]] == [3, 2, 1, 1, 1, 1, 1, 1, 3]  # closed: area 1 again
    thin_note = esc(messages.t("ui.thin_mean", "sv", n=3))  # "n &lt; 3: ...": Plotly reads labels as HTML
    assert [thin_note in h for h in peer["hovertext"]] == [False, True, True, True, True, True, True, True, False]
    assert peer["name"].endswith(thin_note)


def test_a_mean_of_two_is_no_benchmark_either():
    at = open_page(PROFILE, kommun="1481", ar="2016")  # Mölndal 2016: area 1 on n = 3, area 2 on n = 2
    assert unexpected_errors(at) == []
    table = at.dataframe[0].value
    n_by_item = dict(zip(table[messages.t("ui.col.item", "sv")].str.split(".").str[0], table[messages.t("ui.col.n", "sv")]))
    assert (n_by_item["1"], n_by_item["2"]) == (3, 2)
    assert THIN in [w.value for w in at.warning]


def test_means_of_three_or_more_get_no_warning():
    at = open_page(PROFILE, kommun="1444", ar="2014")  # Grästorp 2014: Kramfors, Norsjö, Örebro for every item
    assert unexpected_errors(at) == []
    table = at.dataframe[0].value
    assert list(table[messages.t("ui.col.n", "sv")]) == [3] * 9
    assert THIN not in [w.value for w in at.warning]
    peer = radar_of(at)["data"][1]
    assert not any(esc(messages.t("ui.thin_mean", "sv", n=3)) in h for h in peer["hovertext"])


def used_for_table(at):
    """The peers table (the one with a 'used for' column) if it was drawn."""
    used = messages.t("ui.col.used_for", "sv")
    return [d.value for d in at.dataframe if used in d.value.columns]


def test_peers_used_name_the_items_each_score_set_entered():
    at = open_page(PROFILE, kommun="1444", ar="2014")
    assert not any(used_for_table(at))  # closed: the table is made only when someone opens it
    at = open_page(PROFILE, opened=("open_peers",), kommun="1444", ar="2014")
    used = messages.t("ui.col.used_for", "sv")
    peers = next(d.value for d in at.dataframe if used in d.value.columns)
    orebro = peers[peers[messages.t("ui.col.municipality", "sv")] == "Örebro"]
    assert list(zip(orebro[messages.t("ui.col.year", "sv")], orebro[used])) == [
        (2012, "1, 2, 3, 4, 5, 6, 7, 8"), (2015, "Totalt")]
    assert len(peers) == 4  # 3 municipalities, Örebro twice
    assert any(c.value.startswith(messages.t("ui.profile.peers_used", "sv", n=3, sets=4)) for c in at.caption)
    assert messages.t("ui.profile.peers_table", "sv") in [e.label for e in at.expander]  # a label that stays: it stays open
    assert messages.t("ui.profile.peers_caption", "sv") in [c.value for c in at.caption]


def test_notes_of_the_data_stand_next_to_their_numbers():
    at = open_page(PROFILE, opened=("open_subareas",), **NORSJO)
    subs = next(d.value for d in at.dataframe if messages.t("ui.col.code", "sv") in d.value.columns)
    row = subs[subs[messages.t("ui.col.code", "sv")] == "7.5"].iloc[0]
    assert row[messages.t("ui.col.note", "sv")] == "synthetic note: the OCR text reads 2; the area sum gives 12"
    assert row[messages.t("ui.col.score", "sv")] == 12
    assert any(m.value.startswith("ℹ **7\\.5:**") and "OCR" in m.value for m in at.markdown)
    bars = next(f for f in figures(at) if f["data"][0]["type"] == "bar")["data"][0]
    assert "the OCR text reads 2" in bars["hovertext"][bars["y"].index(next(y for y in bars["y"] if y.startswith("7.5 ")))]

    at = open_page(PROFILE, kommun="2282", ar="2011")  # Kramfors 2011: a note on every row
    table = at.dataframe[0].value
    notes = table[messages.t("ui.col.note", "sv")]
    assert list(notes) == ["synthetic note: printed as percent"] * 9


def test_choosing_another_municipality_updates_the_url():
    at = open_page(PROFILE, **NORSJO)
    at.selectbox(key="pick_kommun").set_value("2282").run()
    assert unexpected_errors(at) == []
    assert at.query_params["kommun"] == "2282" and at.query_params["ar"] == "2013"
    assert radar_of(at)["data"][0]["name"] == "Kramfors 2013"


def test_peer_filters_live_in_the_url_and_narrow_the_peers():
    at = open_page(PROFILE, lan="24", **NORSJO)  # Västerbotten: no other evaluated municipality
    assert unexpected_errors(at) == []
    assert at.query_params["lan"] == "24"
    assert any(w.value == messages.t("ui.profile.no_peers", "sv", version="2016") for w in at.warning)


def test_self_assessment_and_its_flags_are_shown_next_to_the_numbers():
    at = open_page(PROFILE, kommun="2417", ar="2017")
    assert unexpected_errors(at) == []
    focal = radar_of(at)["data"][0]
    assert focal["name"] == "Norsjö 2017 (egen analys)" and focal["marker"]["symbol"] == "circle-open"
    table = at.dataframe[0].value
    total_flag = table.iloc[0][messages.t("ui.col.flags", "sv")]
    assert "480" in total_flag and "460" in total_flag  # the published total disagrees with its areas
    assert any("2017" in w.value and "2010" in w.value for w in at.warning)  # year outside the period


def test_a_municipality_with_only_a_total_gets_no_radar_and_an_explanation():
    at = open_page(PROFILE, kommun="1283", ar="2017")  # Helsingborg 2017: total only
    assert unexpected_errors(at) == []
    assert not any(f["data"] and f["data"][0]["type"] == "scatterpolar" for f in figures(at))
    assert any(i.value == messages.t("ui.profile.only_total", "sv") for i in at.info)


def test_reference_profiles_can_be_added_as_a_trace():
    at = open_page(PROFILE, ref="1", **NORSJO)
    names = [d["name"] for d in radar_of(at)["data"]]
    assert len(names) == 3 and names[2].startswith("Publicerat")


def test_sub_area_bars_show_share_of_maximum():
    at = open_page(PROFILE, **NORSJO)
    bars = next(f for f in figures(at) if f["data"][0]["type"] == "bar")["data"][0]
    assert len(bars["y"]) == 10  # areas 1 and 7
    labels = [y.replace("<br>", " ") for y in bars["y"]]  # wrapped at spaces so a phone shows the bars
    i = labels.index("1.1 Finns en plan/strategi för demokratiutveckling och information?")
    assert all(len(line) <= 30 for y in bars["y"] for line in y.split("<br>") if " " in line)
    assert bars["x"][i] == 80.0 and bars["text"][i] == "12/15 (80\u00a0%)"


def test_missing_values_in_the_peer_table_read_as_a_dash():
    at = open_page(PROFILE, opened=("open_peers",), **NORSJO)
    used = messages.t("ui.col.used_for", "sv")
    peers = next(d.value for d in at.dataframe if used in d.value.columns)
    assert not {str(v) for v in peers.to_numpy().ravel()} & {"None", "nan", "NaN", "<NA>"}
    vallentuna = peers[peers[messages.t("ui.col.municipality", "sv")] == "Vallentuna"].iloc[0]
    assert vallentuna[messages.t("ui.col.total", "sv")] == "600" and vallentuna["1"] == "–"
    strangnas = peers[peers[messages.t("ui.col.municipality", "sv")] == "Strängnäs"].iloc[0]
    assert strangnas["1"] == "65" and strangnas["3"] == "–"


def test_without_peers_there_is_no_mean_trace_and_no_sentence_only_the_explanation():
    at = open_page(PROFILE, lan="24", **NORSJO)  # Västerbotten: Norsjö is the only one evaluated with 2016
    assert unexpected_errors(at) == []
    traces = radar_of(at)["data"]
    assert [tr["name"] for tr in traces] == ["Norsjö 2018"]  # no "Medelvärde … (n = 0)" in the legend
    assert not any("medelvärdet" in m.value for m in at.markdown)
    assert any(w.value == messages.t("ui.profile.no_peers", "sv", version="2016") for w in at.warning)
    table = at.dataframe[0].value
    assert set(table[messages.t("ui.col.peer_mean", "sv")]) == {"–"}
    assert set(table[messages.t("ui.col.percentile", "sv")]) == {"–"}


def test_legend_and_sentence_give_the_same_n_range():
    from kompass_data.figures import n_range

    assert n_range([3, 2, 1, 0]) == "1–3" and n_range([2, 2]) == "2" and n_range([0, 0]) is None
    at = open_page(PROFILE, **NORSJO)  # area peers n = 1 to 3
    peer = radar_of(at)["data"][1]
    assert peer["name"].startswith(messages.t("ui.fig.peer_mean_n", "sv", n="1–3"))
    # The sentence counts only areas with n ≥ 3 (area 1) and names what it left out.
    assert any("i 1 av 1 områden där minst 3 kommuner jämförs" in m.value for m in at.markdown)
    assert any(m.value.startswith("7 områden räknas inte") for m in at.markdown)


def test_percentile_is_blank_below_three_and_its_caption_explains_it():
    at = open_page(PROFILE, **NORSJO)
    table = at.dataframe[0].value
    percentile = messages.t("ui.col.percentile", "sv")
    by_item = dict(zip(table[messages.t("ui.col.item", "sv")].str.split(".").str[0], table[percentile]))
    assert by_item["Totalt"] == "25" and by_item["1"] == "67"  # n = 4 (520 beats 480 only) and n = 3
    assert [by_item[c] for c in "2345678"] == ["–"] * 7  # n = 1 or 2
    caption = messages.t("ui.profile.percentile_caption", "sv", n=3)
    assert "andel jämförbara kommuner med lägre poäng; lika räknas till hälften" in caption
    assert caption in [c.value for c in at.caption]


def test_the_peer_filter_expander_names_the_active_filters():
    at = open_page(PROFILE, lan="24", **NORSJO)
    labels = [e.label for e in at.expander]
    assert messages.t("ui.profile.peer_filters_active", "sv", group="Västerbottens län") in labels
    assert "Jämförelsegrupp: Västerbottens län (samma version alltid)" in labels
    at = open_page(PROFILE, **NORSJO)
    assert messages.t("ui.profile.peer_filters", "sv") in [e.label for e in at.expander]


def test_the_mean_is_named_by_its_filters_in_the_legend_and_the_sentence():
    at = open_page(PROFILE, grupp="A2", egen="1", **NORSJO)  # A2: Mölndal (areas) and Vallentuna (total)
    assert unexpected_errors(at) == []
    assert "Jämförelsegrupp: A2, med egna analyser (samma version alltid)" in [e.label for e in at.expander]
    peer = radar_of(at)["data"][1]
    assert peer["name"].startswith("Medelvärde, jämförbara kommuner (A2, med egna analyser; n = 1)")
    # n = 1 in every area: nothing is counted as above or below a mean, and Mölndal is named instead.
    assert messages.t("ui.profile.none_counted", "sv", min=3) in [m.value.replace("\\", "") for m in at.markdown]
    assert any("mot Mölndal 2016" in m.value for m in at.markdown)
    at.selectbox(key="peer_grupp").set_value("").run()
    assert "Jämförelsegrupp: med egna analyser (samma version alltid)" in [e.label for e in at.expander]


def test_notes_are_labelled_as_the_datas_and_reference_headers_are_translated():
    at = open_page(PROFILE, opened=("open_refs",), **NORSJO)
    line = next(m.value for m in at.markdown if m.value.startswith("ℹ **7\\.5:**"))
    assert line.startswith("ℹ **7\\.5:** Anmärkning i data: synthetic note\\: the OCR text reads 2")  # md() escapes ":"
    refs = next(d.value for d in at.dataframe if messages.t("ui.col.source", "sv") in d.value.columns)
    assert list(refs.columns) == ["År", "Mått", "Avser", "Nivå", "Kod", "Poäng", "Källa"]
    assert set(refs["Mått"]) <= {"Medelvärde", "Median"} and "Huvudområden" in set(refs["Nivå"])
    assert not {str(v) for v in refs.to_numpy().ravel()} & {"None", "nan", "mean", "area"}


def test_no_sentence_counts_an_area_with_fewer_than_three_peers():
    import re

    at = open_page(PROFILE, **NORSJO)  # areas 2-8 rest on one or two score sets (Mölndal 2016, Enköping 2018)
    assert unexpected_errors(at) == []
    counts = [m.value.replace("\\", "") for m in at.markdown if re.search(r"i \d+ av \d+ områden", m.value.replace("\\", ""))]
    assert counts == ["Norsjö 2018 ligger över medelvärdet för gruppen \"Alla i versionen\" (version 2016) i 1 av 1 "
                      "områden där minst 3 kommuner jämförs, under i 0 och lika i 0."]
    left_out = next(m.value.replace("\\", "") for m in at.markdown if "räknas inte" in m.value)
    assert left_out.startswith("7 områden räknas inte") and "3 (mot Enköping 2018)" in left_out
    # The lists of furthest above/below hold only areas with n ≥ 3; thin ones name their peers.
    assert not any("mot 73" in m.value for m in at.markdown)
    assert any("Politisk styrning och kontroll: 70 mot Enköping 2018" in m.value.replace("\\", "") for m in at.markdown)
    table = at.dataframe[0].value
    against = dict(zip(table[messages.t("ui.col.item", "sv")].str.split(".").str[0], table[messages.t("ui.col.against", "sv")]))
    assert against["3"].startswith("mot Enköping 2018 (") and against["1"] == "" and against["Totalt"] == ""


def test_a_municipality_without_scores_shows_its_no_scores_state():
    at = open_page(PROFILE, kommun="0180")  # Stockholm: known, no published scores
    assert unexpected_errors(at) == []
    assert messages.t("ui.noscores.title", "sv", name="Stockholm") in [w.value for w in at.warning]
    assert messages.t("ui.noscores.todo", "sv") in [i.value for i in at.info]
    # Its known evaluations as a table, or the sentence that none are known.
    assert at.dataframe or messages.t("ui.noscores.none_known", "sv") in [m.value for m in at.markdown]
    assert not figures(at)


def test_every_municipality_is_pickable_in_swedish_order():
    at = open_page(PROFILE, **NORSJO)
    options = at.selectbox(key="pick_kommun").options
    assert len(options) == 290
    names = [o.rsplit(" (", 1)[0] for o in options]
    assert names[-3:] == ["Örnsköldsvik", "Östersund", "Östhammar"] or names[-1].startswith("Ö")
    assert names.index("Åre") > names.index("Ystad") and names.index("Älmhult") > names.index("Åtvidaberg")


def test_an_empty_peer_group_says_so_and_offers_the_wider_group():
    at = open_page(PROFILE, jmf="kommungrupp", **NORSJO)  # no other C8 municipality has a 2016-version score set
    assert unexpected_errors(at) == []
    empty = messages.t("peers.empty", "sv", group="Samma kommungrupp (SKR 2023)", version="2016", wider="Alla i versionen")
    assert md(empty) in [w.value for w in at.warning]
    assert [tr["name"] for tr in radar_of(at)["data"]] == ["Norsjö 2018"]  # no mean trace
    assert any("C8 Landsbygdskommun" in c.value for c in at.caption)  # the definition, with the 2023 group
    at.button(key="use_wider").click().run()
    assert unexpected_errors(at) == []
    assert "jmf" not in at.query_params
    assert radar_of(at)["data"][1]["name"].startswith(messages.t("ui.fig.peer_mean", "sv"))


def test_sub_areas_can_be_sorted_weakest_first():
    at = open_page(PROFILE, opened=("open_subareas",), svagast="1", **NORSJO)
    assert unexpected_errors(at) == []
    subs = next(d.value for d in at.dataframe if messages.t("ui.col.code", "sv") in d.value.columns)
    shares = [float(str(v).replace(",", ".")) for v in subs["%"]]
    assert shares == sorted(shares)
