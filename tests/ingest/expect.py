"""Assertions comparing an IngestResult with the score sets a generator says it wrote."""

from kompass_data.ingest import COLUMNS


def assert_sets(result, expected, kommunkod):
    df = result.scores
    assert list(df.columns) == COLUMNS
    assert set(df["kommunkod"]) == {kommunkod}
    assert sorted(set(df["year"])) == sorted(s["year"] for s in expected)
    for s in expected:
        g = df[df["year"] == s["year"]]
        assert set(g["instrument_version"]) == {s["version"]}, (s["year"], set(g["instrument_version"]))
        assert set(g["evaluation_kind"]) == {s["kind"]}, (s["year"], set(g["evaluation_kind"]))
        areas = {r.code: r.score for r in g[g["level"] == "area"].itertuples()}
        assert areas == {k: float(v) for k, v in s["areas"].items()}, s["year"]
        totals = g.loc[g["level"] == "total", "score"].tolist()
        assert totals == ([float(s["total"])] if s["total"] is not None else [])
        subs = {r.code: (r.score, r.max_score) for r in g[g["level"] == "subarea"].itertuples()}
        assert subs == {k: (float(a), float(m)) for k, (a, m) in s["subareas"].items()}, s["year"]
