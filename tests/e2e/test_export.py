"""The export page's download: the table as previewed, its codebook (datapackage.json), formula cells neutralised.

Formula neutralisation needs data that contains a formula, and the shipped data has none: that test runs a
second server on a crafted copy of datasets/ named by KOMPASS_DATA_DIR.
"""

import csv
import io
import json
import zipfile

import pytest

from kompass_data import messages

from .conftest import crafted_data_server
from .harness import open_app, page_url, problems_on_page

pytestmark = pytest.mark.e2e

PAGE = "pages/6_export.py"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A municipality with no shipped scores (Upplands Väsby), so the crafted rows are easy to find.
CRAFTED_KOD = "0114"
CRAFTED = {
    # label_published, note: what a hostile or careless source could print
    "total": ("=HYPERLINK(\"http://127.0.0.1/\",\"klicka\")", "@SUM(A1:A9)"),
    "1": ("+1+1", "-2+3"),
    "2": ("  =cmd|' /C calc'!A0", "vanlig text"),
}


def download_zip(page, tmp_path) -> zipfile.ZipFile:
    button = page.locator('[data-testid="stDownloadButton"] button').first
    with page.expect_download() as info:
        button.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return zipfile.ZipFile(target)


def read_export(archive: zipfile.ZipFile) -> tuple[list[dict], dict]:
    package = json.loads(archive.read("datapackage.json"))
    resource = package["resources"][0]
    text = archive.read(resource["path"]).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text))), package


def text_fields(package) -> list[str]:
    return [f["name"] for f in package["resources"][0]["schema"]["fields"] if f["type"] == "string"]


def test_download_is_the_preview_with_its_codebook(page, server, tmp_path):
    open_app(page, page_url(server.url, PAGE))
    archive = download_zip(page, tmp_path)
    rows, package = read_export(archive)
    resource = package["resources"][0]
    assert resource["path"] in archive.namelist() and resource["format"] == "csv"
    fields = resource["schema"]["fields"]
    assert [f["name"] for f in fields] == list(rows[0])
    assert all(f["description"] for f in fields)
    assert resource["rows"] == len(rows) > 0
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text(messages.t("ui.export.preview", "sv", rows=len(rows)), exact=True).count() == 1
    assert {r["kommunkod"] for r in rows if r["municipality"] == "Norsjö"} == {"2417"}
    for row in rows:
        for name in text_fields(package):
            assert not row[name].lstrip(" ").startswith(FORMULA_START), (name, row[name])
    assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []


@pytest.fixture(scope="module")
def crafted_server(tmp_path_factory):
    """A second server whose data folder (KOMPASS_DATA_DIR) holds labels and notes that look like formulas."""

    def add_formula_rows(data_dir):
        lines = []
        for code, (label, note) in CRAFTED.items():
            level, max_score, score = ("total", 800, 400) if code == "total" else ("area", 100, 50)
            lines.append([CRAFTED_KOD, "Upplands Väsby", 2018, 2016, "full", level, code, label, score, max_score,
                          "crafted for the e2e test", note])
        with open(data_dir / "scores.csv", "a", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(lines)

    srv = crafted_data_server(tmp_path_factory, "crafted-datasets", add_formula_rows)
    yield srv
    srv.cleanup()


def test_download_neutralises_formula_cells(browser, crafted_server, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        open_app(page, page_url(crafted_server.url, PAGE, f"?kommun={CRAFTED_KOD}"))
        assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []
        rows, package = read_export(download_zip(page, tmp_path))
        crafted = [r for r in rows if r["kommunkod"] == CRAFTED_KOD]
        by_code = {r["code"]: r for r in crafted}
        assert set(by_code) == set(CRAFTED)
        for code, (label, note) in CRAFTED.items():
            assert by_code[code]["label_published"] == "'" + label
            expected_note = note if note == "vanlig text" else "'" + note
            assert by_code[code]["note"] == expected_note
        assert float(by_code["total"]["score"]) == 400  # numbers stay numbers
        fields = {f["name"] for f in package["resources"][0]["schema"]["fields"]}
        assert {"label_published", "note", "score"} <= fields
    finally:
        context.close()
