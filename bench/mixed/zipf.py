"""The Zipf distribution readers draw addresses from, as ``mixed.lua`` draws them: the
address of rank k (1 the most asked) with probability proportional to 1 / k**s. Here for
the tests and for the report (the share of requests the most asked addresses get)."""

from bisect import bisect_left, bisect_right

EXPONENT = 1.0


def cumulative(count: int, exponent: float = EXPONENT) -> list[float]:
    """P(rank ≤ k) for k = 1…count: rising, the last exactly 1."""
    if count < 1:
        raise ValueError("a Zipf distribution needs one address at least")
    totals, total = [], 0.0
    for rank in range(1, count + 1):
        total += rank**-exponent
        totals.append(total)
    return [value / total for value in totals[:-1]] + [1.0]


def rank_of(cdf: list[float], uniform: float) -> int:
    """The rank (1-based) a uniform draw in [0, 1) falls on: the first k with P(≤ k) > u."""
    return min(bisect_right(cdf, uniform) + 1, len(cdf))


def top_share(count: int, top: int, exponent: float = EXPONENT) -> float:
    """The share of requests the ``top`` most asked of ``count`` addresses get."""
    return cumulative(count, exponent)[min(top, count) - 1]


def addresses_for_share(count: int, share: float, exponent: float = EXPONENT) -> int:
    """How many of the most asked addresses get ``share`` of the requests."""
    return bisect_left(cumulative(count, exponent), share) + 1
