"""Medians, ratios and rates of the benchmark reports.

tfx's latency is tfx-run's own median (`bench.median_ms` of --stats-json:
the sorted samples' element runs // 2); the PyTorch workers' medians are
statistics.median of their timed runs (summary below).
"""
import math
import statistics
import time


def summary(samples, suffix="_ms"):
    """{"median<suffix>", "min<suffix>", "max<suffix>"} of the samples (None
    each when there are none)."""
    if not samples:
        return {f"median{suffix}": None, f"min{suffix}": None, f"max{suffix}": None}
    return {f"median{suffix}": statistics.median(samples), f"min{suffix}": min(samples),
            f"max{suffix}": max(samples)}


def ratio(a, b):
    """a / b, or None when either is missing (None or 0)."""
    return a / b if a and b else None


def percent(part, whole):
    return 100 * part / whole


def giga_per_s(amount, ms):
    """`amount` (FLOPs, bytes, ...) done in `ms` milliseconds, in units of
    10^9 per second (GFLOP/s, GB/s)."""
    return amount / (ms * 1e-3) / 1e9


def geomean(values):
    return math.exp(sum(math.log(x) for x in values) / len(values))


def best_seconds(fn, reps):
    """One warm-up call of fn(), then the fastest of `reps` timed calls (s)."""
    fn()
    best = math.inf
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best
