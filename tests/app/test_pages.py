"""Every page of the registry runs through app.py, plain and with ?kommun=2417&ar=2018, without an error."""

import pytest

from kompass_data import messages

from .conftest import NORSJO, PAGES, figures, open_page, unexpected_errors


def test_every_page_file_is_in_the_registry():
    import ast

    from .conftest import ROOT

    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    registry = next(n for n in ast.walk(tree) if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PAGES")
    scripts = [elt.elts[0].value for elt in registry.value.elts]
    assert scripts == PAGES and len(PAGES) == 9


@pytest.mark.parametrize("params", [{}, NORSJO], ids=["plain", "norsjo-2018"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_error(page, params):
    at = open_page(page, **params)
    assert unexpected_errors(at) == []
    assert len(at.title) == 1  # the page's own heading: the body ran to its end


def test_english_switch_comes_from_the_url():
    at = open_page("pages/2_kommunprofil.py", lang="en", **NORSJO)
    assert at.title[0].value == messages.t("ui.page.kommunprofil", "en")
    assert at.query_params["lang"] == "en"
    at.sidebar.radio[0].set_value("sv").run()
    assert at.title[0].value == messages.t("ui.page.kommunprofil", "sv")
    assert "lang" not in at.query_params


def test_dataset_is_loaded_once_and_not_reloaded_on_a_widget_change(monkeypatch):
    import kompass_ui.state as state

    calls = []
    real = state.load_dataset
    monkeypatch.setattr(state, "load_dataset", lambda *a, **k: calls.append(1) or real(*a, **k))
    state.shipped_dataset.clear()
    at = open_page("pages/3_utveckling.py", **NORSJO)
    at.selectbox(key="pick_item").set_value("1").run()
    at.switch_page("pages/2_kommunprofil.py").run()
    assert unexpected_errors(at) == []
    assert len(calls) == 1
    state.shipped_dataset.clear()


def test_an_unexpected_error_shows_a_friendly_message_not_a_traceback():
    from streamlit.testing.v1 import AppTest

    def script():
        from kompass_ui.safe import run_page

        def body():
            raise ValueError("boom <script>")

        run_page(body)

    at = AppTest.from_function(script).run()
    assert at.exception == []
    assert [e.value for e in at.error] == [messages.t("ui.error.unexpected", "sv")]
    assert len(at.expander) == 1 and "ValueError: boom <script>" in at.text[0].value


def test_a_library_error_shows_its_message_in_the_users_language():
    from streamlit.testing.v1 import AppTest

    def script():
        from kompass_data.errors import UsageError
        from kompass_ui.safe import run_page

        def body():
            raise UsageError("error.unknown_municipality", text="Atlantis")

        run_page(body)

    at = AppTest.from_function(script).run()
    assert at.exception == []
    assert [e.value for e in at.error] == [messages.t("error.unknown_municipality", "sv", text="Atlantis")]


def test_config_turns_off_table_export_and_caps_uploads():
    import tomllib

    from .conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 10


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_in_english(page):
    at = open_page(page, lang="en", **NORSJO)
    assert unexpected_errors(at) == []
    assert at.title[0].value in {messages.t(k, "en") for k in messages.CATALOGUE if k.startswith("ui.page.")}


def test_overview_ways_in_use_the_first_municipality_of_a_trend_link():
    at = open_page("pages/1_oversikt.py", kommun="2417,2282")  # as the trend page leaves the URL
    assert unexpected_errors(at) == []
    links = [el.proto for el in at.get("page_link")]
    profile = next(p for p in links if "kommunprofil" in p.page)
    assert profile.label == messages.t("ui.overview.link_profile", "sv", name="Norsjö")
    assert profile.query_string == "kommun=2417"
    trend = next(p for p in links if "utveckling" in p.page)
    assert trend.label == messages.t("ui.overview.link_trend", "sv", name="Norsjö")


def test_overview_ways_in_default_to_the_seed_municipality():
    from kompass_ui.widgets import DEFAULT_KOMMUN

    at = open_page("pages/1_oversikt.py")
    profile = next(el.proto for el in at.get("page_link") if "kommunprofil" in el.proto.page)
    assert DEFAULT_KOMMUN == "2417" and profile.label == messages.t("ui.overview.link_profile", "sv", name="Norsjö")


def test_a_new_tab_gets_the_overviews_first_chart_alone_and_the_rest_once_the_browser_has_drawn_it():
    from kompass_ui.layout import DRAWN_KEY

    at = open_page("pages/1_oversikt.py", first_view_only=True, lan="24")
    assert unexpected_errors(at) == []
    assert at.title[0].value == messages.t("ui.page.oversikt", "sv")
    kinds = [[trace["type"] for trace in fig["data"]] for fig in figures(at)]
    assert kinds == [["bar"] * len(kinds[0])] and kinds[0]  # the holdings chart, nothing else yet
    assert not at.get("page_link") and not at.selectbox
    assert at.query_params["lan"] == "24"  # the county of the link waits for the rest, not dropped

    at.session_state[DRAWN_KEY] = {"oversikt"}  # what the browser's "drawn" does (AppTest runs no JavaScript)
    at.run()
    assert unexpected_errors(at) == []
    kinds = [trace["type"] for fig in figures(at) for trace in fig["data"]]
    assert "choroplethmap" in kinds
    assert messages.t("ui.region.heading", "sv", region="Västerbottens län") in [h.value for h in at.header]
