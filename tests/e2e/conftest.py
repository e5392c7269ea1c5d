"""Fixtures of the e2e tier: one headless Streamlit server per session, Debian's Chromium via Playwright.

Skips only where no browser can exist (no /usr/bin/chromium and not in CI); in CI a missing browser fails.
On failure: the server's output is attached to the report and a screenshot goes to test-results/e2e/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .harness import CHROMIUM, ROOT, StreamlitServer, launch_chromium

ARTIFACTS = ROOT / "test-results" / "e2e"  # gitignored; screenshots only when a test fails


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: end-to-end tests in Chromium against a running Streamlit server (tests/e2e)")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
    if os.environ.get("CI"):
        pytest.fail(message + " - CI must run the e2e tier", pytrace=False)
    pytest.skip(message)


def crafted_data_server(tmp_path_factory, name: str, edit) -> StreamlitServer:
    """A server on a copy of datasets/ (KOMPASS_DATA_DIR) that edit(folder) changed; the CSVs win over Parquet."""
    import shutil

    from kompass_data.store import DEFAULT_DATA_DIR

    _require_browser()
    data_dir = tmp_path_factory.mktemp(name)
    for path in DEFAULT_DATA_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, data_dir / path.name)
    edit(data_dir)
    return start_server("app.py", env={"KOMPASS_DATA_DIR": str(data_dir)})


def start_server(script: str = "app.py", env: dict[str, str] | None = None) -> StreamlitServer:
    """Start and wait for a server; on a start failure the error carries the server's output."""
    server = StreamlitServer(script, env=env).start()
    try:
        server.wait_healthy()
    except BaseException:
        server.cleanup()
        raise
    return server


@pytest.fixture(scope="session")
def server():
    """`streamlit run app.py` on a free port of 127.0.0.1, shared by every e2e test."""
    _require_browser()
    srv = start_server("app.py")
    yield srv
    srv.cleanup()


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser context (no shared cookies or storage) and one page in it."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    context.set_default_timeout(30_000)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if not rep.failed:
        return
    funcargs = getattr(item, "funcargs", {})
    for name, value in funcargs.items():
        if isinstance(value, StreamlitServer):
            rep.sections.append((f"streamlit output ({name}, {value.url})", value.output()[-30_000:] or "(none)"))
        elif type(value).__name__ == "Page" and hasattr(value, "screenshot"):
            try:
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                target = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", item.nodeid) + f".{rep.when}.png")
                value.screenshot(path=str(target), full_page=True)
                rep.sections.append(("screenshot", str(target)))
            except Exception as exc:  # noqa: BLE001 - a failed screenshot must not hide the real failure
                rep.sections.append(("screenshot", f"not taken: {exc}"))
