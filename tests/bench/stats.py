"""Small statistics for the benchmark: medians and nearest-rank percentiles."""
from __future__ import annotations

import math
import statistics
from typing import Sequence


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def percentile(samples: Sequence[float], q: float) -> float:
    """The nearest-rank percentile: the smallest sample with at least q% of samples at or below."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]
