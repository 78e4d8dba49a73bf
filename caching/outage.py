"""A shared cache (Redis) that stops answering slows the site down; it never takes it down.

Pages are then rendered as if nothing were stored, the API throttle lets requests through,
and ``/healthz`` says "degraded" without taking the process out of rotation: every instance
shares the same cache, so a load balancer would otherwise take them all out at once.

After a failure the cache is left alone for ``RETRY_SECONDS``: a cache that hangs instead
of refusing would otherwise cost every request its socket timeout, twice.
"""

import logging
from time import monotonic

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: What a cache backend raises when its server cannot be reached or fails.
CACHE_ERRORS = (RedisError, OSError)
#: How long the cache is left alone after it failed.
RETRY_SECONDS = 5.0

_left_alone_until = 0.0


def cache_is_down() -> bool:
    return monotonic() < _left_alone_until


def cache_failed(error: Exception) -> None:
    """Leave the cache alone for ``RETRY_SECONDS`` (said once per outage in the log)."""
    global _left_alone_until
    if not cache_is_down():
        logger.warning(
            "the cache failed (%s): pages are rendered without it; tried again in %g s",
            error,
            RETRY_SECONDS,
        )
    _left_alone_until = monotonic() + RETRY_SECONDS


def cache_is_back() -> None:
    """Forget an outage (tests, and ``/healthz`` once the cache answers again)."""
    global _left_alone_until
    _left_alone_until = 0.0


def tolerant(operation, *args, default=None):
    """``operation(*args)``, or ``default`` while the cache is down or when it fails now."""
    if cache_is_down():
        return default
    try:
        return operation(*args)
    except CACHE_ERRORS as error:
        cache_failed(error)
        return default
