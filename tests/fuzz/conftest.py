"""Hypothesis profiles for the fuzz suite.

`ci` (the default): at least 500 generated cases per reader (POLKU_FUZZ_EXAMPLES raises it) and a
generous per-case deadline, so that a hang fails while a slow shared 2-core machine does not.
`make fuzz` sets POLKU_FUZZ_EXAMPLES to a nightly size. No example database is written: a failure
prints its seed and its shrunk example, which is what a regression test is made from.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

READER_EXAMPLES = max(500, int(os.environ.get("POLKU_FUZZ_EXAMPLES", "500")))
# Writers that run external programs (dot, WeasyPrint) get a share of the readers' count.
SLOW_WRITER_EXAMPLES = max(10, READER_EXAMPLES // 25)
CASE_DEADLINE = timedelta(seconds=float(os.environ.get("POLKU_FUZZ_DEADLINE", "20")))

settings.register_profile(
    "polku-fuzz",
    max_examples=READER_EXAMPLES,
    deadline=CASE_DEADLINE,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.function_scoped_fixture],
)
settings.load_profile("polku-fuzz")
