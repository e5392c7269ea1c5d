"""Where a municipality change's time goes, click by click: the server's timestamps beside the browser's. Never a test.

    python bench/trace_interaction.py [--picks 8]

Prints, per pick of a municipality already shown, ms from the click to: the rerun request handled by the
server, the run's start, the radar written to the websocket, the run's end, the radar redrawn, idle.
The server is started with PYTHONPATH=bench/trace, whose sitecustomize.py adds the timestamps.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.run import APP, PROFILE_QUERY, profile_options, select_option  # noqa: E402
from tests.e2e.harness import (  # noqa: E402
    StreamlitServer, chart_signature, launch_chromium, open_app, selectbox, wait_for_app, wait_for_chart_change,
)

STEPS = ("backmsg", "run_start", "ws_write plotly", "run_end", "CLIENT chart_changed", "CLIENT idle")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picks", type=int, default=8)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    log = Path(tempfile.mkstemp(prefix="kompass-trace-", suffix=".log")[1])
    options = profile_options()[:3]
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        server = StreamlitServer(APP, {"KOMPASS_TRACE": str(log), "PYTHONPATH": str(ROOT / "bench" / "trace")})
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            server.start()
            server.wait_healthy()
            page = context.new_page()
            open_app(page, server.url + "/kommunprofil" + PROFILE_QUERY, charts=1)
            for option in options[1:] + options[:1]:  # every municipality once: the picks below are return visits
                select_option(page, "Kommun", option, chart_signature(page))
            picks = []
            for i in range(args.picks):
                option = options[(i + 1) % len(options)]
                field = selectbox(page, "Kommun").locator("input")
                field.click()
                field.fill(option)
                choice = page.get_by_role("option", name=option, exact=True)
                choice.wait_for()
                before = chart_signature(page)
                start = log.stat().st_size
                clicked = time.time()
                choice.click()
                wait_for_chart_change(page, before)
                changed = time.time()
                wait_for_app(page)
                idle = time.time()
                lines = log.read_text(encoding="utf-8")[start:].splitlines()
                marks = {"CLIENT chart_changed": changed, "CLIENT idle": idle}
                for line in lines:
                    stamp, _thread, what = line.split(" ", 2)
                    key = next((s for s in STEPS if what.startswith(s)), None)
                    if key and key not in marks:
                        marks[key] = float(stamp)
                picks.append({k: (v - clicked) * 1000 for k, v in marks.items()})
        finally:
            context.close()
            server.cleanup()
            browser.close()
            log.unlink(missing_ok=True)
    print("ms after the click (median of %d return visits; the server's clock is the browser's machine's)" % len(picks))
    for step in STEPS:
        values = [p[step] for p in picks if step in p]
        if values:
            print(f"  {step:22s} {statistics.median(values):7.0f}   ({', '.join(f'{v:.0f}' for v in values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
