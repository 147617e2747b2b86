"""How much the fuzz suite runs: CI's size by default, `POLKU_FUZZ_SCALE` times that in `make fuzz`.

At CI's size the cases are derandomised (the same cases every run, so a red CI always means a
change broke something); a larger run draws new cases each time, which is how new faults are found.
"""

from __future__ import annotations

import os
from datetime import timedelta

SCALE = max(1, int(os.environ.get("POLKU_FUZZ_SCALE", "1")))
READER_EXAMPLES = 500 * SCALE
# Writers that run external programs (dot, WeasyPrint) get a share of the readers' count.
SLOW_WRITER_EXAMPLES = max(10, READER_EXAMPLES // 25)
# A generous bound for one case on a shared 2-core machine: a hang still fails, a slow case does not.
CASE_DEADLINE = timedelta(seconds=float(os.environ.get("POLKU_FUZZ_DEADLINE", "30")))
