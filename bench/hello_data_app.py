"""The floor plus the data stack: hello_app.py run after importing pandas and pyarrow, as any Parquet-reading app must."""

import runpy
from pathlib import Path

import pandas  # noqa: F401  (the imports are the measure)
import pyarrow.parquet  # noqa: F401

runpy.run_path(str(Path(__file__).with_name("hello_app.py")), run_name="__main__")  # the same app, unchanged
