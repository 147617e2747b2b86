"""Hypothesis profiles for the fuzz suite.

500 generated cases per reader in CI and a generous per-case deadline (see `scale.py`; `make fuzz`
runs ten times as many, freshly drawn). No example database is written: a failure prints its seed
and its shrunk example, which is what a regression test is made from.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from tests.fuzz.scale import CASE_DEADLINE, READER_EXAMPLES, SCALE

settings.register_profile(
    "polku-fuzz",
    max_examples=READER_EXAMPLES,
    deadline=CASE_DEADLINE,
    database=None,
    derandomize=SCALE == 1,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.function_scoped_fixture],
)
settings.load_profile("polku-fuzz")
