"""The own-data page: a bad file is refused with every problem located by row and column, in Swedish."""

import pytest

from kompass_data import messages
from kompass_data.instruments import REGISTRY

from .harness import open_app, page_url, problems_on_page, wait_for_app

pytestmark = pytest.mark.e2e

PAGE = "pages/7_egna_data.py"
HEADER = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note"
BAD_ROWS = [
    "9999,Ingenstans,2018,2016,full,total,total,Totalt,500,800,test,",  # row 2: no such kommunkod
    "2417,Norsjö,20x8,2016,full,total,total,Totalt,500,800,test,",  # row 3: not a year
    "2417,Norsjö,2018,2016,full,area,1,Offentlighet och demokrati,150,100,test,",  # row 4: above max
]
# (spreadsheet row, column, Swedish message) as the catalogue words them.
EXPECTED = [
    (2, "kommunkod", messages.t("problem.bad_kommunkod", "sv", value="9999")),
    (3, "year", messages.t("problem.bad_year", "sv", value="20x8", floor=REGISTRY.year_floor)),
    (4, "score", messages.t("problem.score_range", "sv", value="150", max="100")),
]


def grid_rows(page) -> list[list[str]]:
    """The cells of the page's dataframes, from the grid's accessible table (the grid itself is a canvas)."""
    return page.locator('[data-testid="stDataFrame"] table tbody tr').evaluate_all(
        "rows => rows.map(r => Array.from(r.querySelectorAll('td')).map(c => c.innerText.trim()))"
    )


def test_bad_file_shows_row_errors_in_swedish(page, server):
    open_app(page, page_url(server.url, PAGE))
    content = "\n".join([HEADER, *BAD_ROWS]) + "\n"
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": "felaktig.csv", "mimeType": "text/csv", "buffer": content.encode("utf-8")}
    )
    summary = messages.t("error.invalid_data", "sv", file="felaktig.csv", count=len(EXPECTED))
    page.locator('[data-testid="stAlert"]').filter(has_text=summary).wait_for()
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text(messages.t("ui.upload.problems", "sv", n=len(EXPECTED)), exact=True).wait_for()
    main.get_by_text(messages.t("ui.upload.nothing_added", "sv"), exact=True).wait_for()
    page.wait_for_function("""(n) => Array.from(document.querySelectorAll('[data-testid="stDataFrame"] table tbody tr'))
        .length >= n""", arg=len(EXPECTED))
    rows = grid_rows(page)
    for row, column, message in EXPECTED:
        assert any(str(row) in cells and column in cells and message in cells for cells in rows), (row, column, message, rows)
    assert page.get_by_role("button", name=messages.t("ui.upload.add", "sv")).count() == 0
    assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []
