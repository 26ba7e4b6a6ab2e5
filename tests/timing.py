"""Time for the tests that guard against runaway cost on hostile input.

They count the process's CPU time, not the clock's: CI runs the suite on two workers, and a
busy machine must not fail a guard that only the work itself should fail.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def cpu_seconds(work: Callable[[], object], *, best_of: int = 1) -> float:
    """The CPU seconds `work()` takes; the least of `best_of` runs, for ratios between two
    sizes, where one slow run (a garbage collection, say) would skew the ratio."""
    runs = []
    for _ in range(best_of):
        started = time.process_time()
        work()
        runs.append(time.process_time() - started)
    return min(runs)
