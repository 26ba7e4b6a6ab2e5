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


def assert_linear_time(work_for_size: Callable[[int], object], small: int = 5_000) -> None:
    """Four times the input may take about four times as long, not sixteen: a ratio, so
    that the machine's speed does not matter. `work_for_size(n)` makes an input of size n
    and does the work on it (the making must take linear time too)."""
    work_for_size(100)  # imports and caches first, so that they do not count
    short = cpu_seconds(lambda: work_for_size(small), best_of=3)
    long = cpu_seconds(lambda: work_for_size(4 * small), best_of=3)
    assert long < 8 * short + 0.05, (short, long)
