"""Test harness shared by tests/e2e and bench/: a headless Streamlit server, Chromium, page waits."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KOMPASS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run",
]
# The app has finished a run: connected, script not running, no "Running…" widget, and no first view
# still waiting to ask for the rest of its page (kompass_ui/layout.py after_first_view keys its element
# _first_view_<page>; the key's class is on the element's container from the moment it is drawn, before
# the element's own HTML is mounted).
APP_IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testConnectionState === 'CONNECTED'
    && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[class*="st-key-_first_view_"]')
    && !!document.querySelector('[data-testid="stAppViewContainer"]');
}"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`streamlit run script` in its own process group, output captured to a file."""

    def __init__(self, script: str | Path = "app.py", env: dict[str, str] | None = None, cwd: Path = ROOT):
        self.script = str(script)
        self.cwd = cwd
        self.extra_env = env or {}
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self._log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)
        self.started_at = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "StreamlitServer":
        self.port = free_port()
        cmd = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            "--server.runOnSave", "false",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
        ]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **self.extra_env}
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, cwd=self.cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        return self

    def wait_healthy(self, timeout: float = 90.0) -> None:
        """Poll /_stcore/health until it answers ok; fail early with the output if the process died."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200 and resp.read().strip() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"streamlit not healthy after {timeout:.0f} s:\n{self.output()}")

    def output(self) -> str:
        """Everything the server printed so far."""
        if not self._log.closed:
            self._log.flush()
        path = Path(self._log.name)
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        """Terminate the whole process group (streamlit and anything it spawned), then remove the log."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.proc.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:
            try:  # the leader is gone; children may not be
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._log.close()
        self.proc = None

    def cleanup(self) -> None:
        self.stop()
        Path(self._log.name).unlink(missing_ok=True)


def launch_chromium(playwright):
    """Debian's Chromium through Playwright (Playwright's own browsers are not downloadable here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until the app is connected and its script has finished running."""
    page.wait_for_function(APP_IDLE_JS, timeout=timeout, polling=50)


# Elements load lazily after the run (a stSkeleton stands in meanwhile): settled = no skeleton left and
# every Plotly chart element has its plot drawn.
CHARTS_DRAWN_JS = """(minimum) => {
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const boxes = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
  const drawn = document.querySelectorAll('.js-plotly-plot').length;
  return boxes.length >= minimum && boxes.every(b => b.querySelector('.js-plotly-plot')) && drawn >= minimum;
}"""
# What the charts show (traces and titles): changes when a chart is redrawn with other data.
CHART_SIGNATURE_JS = """() => JSON.stringify(Array.from(document.querySelectorAll('.js-plotly-plot')).map(g => [
  (g.data || []).map(t => [t.name, t.x, t.y, t.r, t.theta, t.z, t.locations, t.values, t.text]),
  g.layout && g.layout.title]))"""


def wait_for_charts(page, minimum: int = 0, timeout: float = 60_000) -> None:
    """Wait until every chart element of the page has its Plotly plot drawn (and at least `minimum`)."""
    page.wait_for_function(CHARTS_DRAWN_JS, arg=minimum, timeout=timeout, polling=50)


def chart_signature(page) -> str:
    return page.evaluate(CHART_SIGNATURE_JS)


def wait_for_chart_change(page, before: str, timeout: float = 30_000) -> None:
    """Wait until the charts show something other than `before` (a signature from chart_signature)."""
    page.wait_for_function(
        f"(before) => ({CHART_SIGNATURE_JS})() !== before", arg=before, timeout=timeout, polling="raf"
    )


def open_app(page, url: str, charts: int = 0, timeout: float = 60_000) -> None:
    """Go to url, wait for the run to finish and for every chart to be drawn."""
    page.goto(url)
    wait_for_app(page, timeout)
    wait_for_charts(page, charts, timeout)


def app_registry(app: Path = ROOT / "app.py") -> list[tuple]:
    """app.py's PAGES registry as written, (script, title key, icon) per page, read without running the app."""
    import ast

    if not app.is_file():
        return []
    for node in ast.parse(app.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            return [tuple(entry) for entry in ast.literal_eval(node.value)]
    return []


def app_pages(app: Path = ROOT / "app.py") -> list[tuple[str, str]]:
    """(script, title key) of every page in app.py's PAGES registry, read without running the app."""
    return [(entry[0], entry[1]) for entry in app_registry(app)]


def selectbox(page, label: str):
    """The selectbox whose label is exactly `label`."""
    return page.locator('[data-testid="stSelectbox"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]').get_by_text(label, exact=True)
    ).first


def selectbox_value(page, label: str) -> str:
    return selectbox(page, label).locator("input").input_value()


def choose(page, label: str, option: str) -> None:
    """Open the selectbox `label`, type `option` (long lists are virtualised: unfiltered, it may not be drawn), click it."""
    field = selectbox(page, label).locator("input")
    field.click()
    field.fill(option)
    choice = page.get_by_role("option", name=option, exact=True)
    choice.click()


def problems_on_page(page, unexpected_text: str) -> list[str]:
    """Exception boxes and the app's own 'unexpected error' boundary messages currently shown."""
    found = [f"exception box: {text[:500]}" for text in page.locator('[data-testid="stException"]').all_inner_texts()]
    for text in page.locator('[data-testid="stAlert"]').all_inner_texts():
        if unexpected_text and unexpected_text in text:
            found.append(f"error boundary: {text[:500]}")
    return found


def page_url(base: str, script: str, query: str = "") -> str:
    """The URL of a page script as st.Page names it when no url_path is given ('2_kommunprofil.py' -> /kommunprofil)."""
    import re

    stem = Path(script).stem
    return f"{base}/{re.sub(r'^[0-9]+[_ -]*', '', stem)}{query}"


def nav_links(page) -> dict[str, str]:
    """Sidebar link text -> href (the text's last line: an icon's ligature name comes first)."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    return {text.strip().splitlines()[-1].strip(): href for text, href in links.evaluate_all("els => els.map(e => [e.innerText, e.href])")}
