"""Property tests: whatever the input, ingest returns a result or raises its own clean IngestError."""

import random

from hypothesis import HealthCheck, given, settings, strategies as st

from kompass_data.ingest import COLUMNS, IngestError, IngestResult, ingest_file, ingest_text
from tests.ingest import reportgen as G

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text that looks like reports: area names, numbers, percent signs, OCR debris.
TOKENS = st.sampled_from([
    "Offentlighet och demokrati", "Styrning och kontroll", "Totalt", "Norsjö kommun", "Kumlas", "poäng",
    "Uppnått | Max Procent", "1.1", "7.5", "69 100 69%", "12 15 80%", "2018", "2015 2017 2018", "egen analys",
    "inte helt jämförbara med", "reviderats", "=", "»", "|", "\n", " ", ":", "557", "0", "100", "800", "-", ".",
    "Samhällsutveckling", "Inspiration", "Kommuner som", "Analys av", "%", "3.", "8.", "av 800 möjliga",
])
REPORTISH = st.lists(TOKENS, max_size=80).map(" ".join)


def _check(call):
    try:
        result = call()
    except IngestError as err:
        assert err.key.startswith("ingest.error.")
        assert err.key != "ingest.error.internal", err.message("en")  # the safety net must not be needed
        return None
    assert isinstance(result, IngestResult)
    assert list(result.scores.columns) == COLUMNS
    assert not result.scores.empty
    result.summary("sv")
    return result


@SETTINGS
@given(st.text(max_size=2000))
def test_any_text(text):
    _check(lambda: ingest_text(text, source_name="x"))


@SETTINGS
@given(REPORTISH)
def test_report_like_text(text):
    _check(lambda: ingest_text(text, source_name="x"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_as_file(tmp_path_factory, data):
    p = tmp_path_factory.mktemp("b") / "f.bin"
    p.write_bytes(data)
    _check(lambda: ingest_file(p))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.floats(0, 1), st.floats(0, 1))
def test_damaged_generated_reports_keep_their_subject(seed, bullets, wrap):
    rng = random.Random(seed)
    text, expected = G.web_page("Kumla", 2020, "2020", rng.choice(["colon", "numbered", "split"]), rng)
    text = G.ocr_damage(text, rng, bullets=bullets, wrap=wrap)
    cut = rng.randrange(len(text) + 1)
    result = _check(lambda: ingest_text(text[:cut], source_name="k"))
    if result is not None:
        assert set(result.scores.kommunkod) == {"1881"}
