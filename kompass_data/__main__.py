"""Entry point of `python -m kompass_data`."""

import sys

from .cli import main

sys.exit(main())
