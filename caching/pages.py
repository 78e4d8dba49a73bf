"""Public pages: conditional GET and a page cache that never serves a stale claim.

A page's ETag and cache key are made of the content generation (``caching.generation``), the
release (``settings.CACHE_RELEASE``, so new templates are never served from an older
rendering), the day (nothing shown may depend on the date longer than that) and the absolute
URL (language, query string, host). Any write to public content changes the generation, so a
cached page made before a write is never found again; nothing has to be deleted.
"""

import hashlib
import pickle
import threading
from collections import OrderedDict
from datetime import datetime, time
from functools import wraps
from time import monotonic

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from caching.generation import Generation, current


def generation_of(request) -> Generation:
    # Read once, before the view reads anything, and shared by the ETag and the cache key.
    if not hasattr(request, "content_generation"):
        request.content_generation = current()
    return request.content_generation


def page_key(request) -> str:
    # Once a request: the ETag and the cache lookup both need it.
    if not hasattr(request, "page_key"):
        parts = (
            settings.CACHE_RELEASE,
            generation_of(request).token,
            timezone.localdate().isoformat(),
            request.build_absolute_uri(),
        )
        request.page_key = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return request.page_key


def etag(request, *args, **kwargs) -> str:
    return page_key(request)[:32]


def last_modified(request, *args, **kwargs) -> datetime:
    start_of_today = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return max(generation_of(request).changed_at, start_of_today)


class RecentPages:
    """This process's most recently used pages, in front of a shared cache (Redis): a page
    asked again is not fetched over the network. Safe for the same reason as the shared
    cache: a key names one generation of the content, so an entry is never out of date, only
    unused. Stored pickled, so no two requests share a response object."""

    def __init__(self, size: int = 128):
        self.size = size
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.pages.get(key)
            if entry is None:
                return None
            expires, pickled = entry
            if expires < monotonic():
                del self.pages[key]
                return None
            self.pages.move_to_end(key)
        return pickle.loads(pickled)

    def set(self, key: str, response, timeout: int) -> None:
        pickled = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
        with self.lock:
            self.pages[key] = (monotonic() + timeout, pickled)
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


recent_pages = RecentPages()


def shared_cache() -> bool:
    # The local-memory cache is already this process's memory.
    return not isinstance(caches["default"], LocMemCache)


def cached_page(key: str):
    if not shared_cache():
        return cache.get(key)
    response = recent_pages.get(key)
    if response is None:
        response = cache.get(key)
        if response is not None:
            recent_pages.set(key, response, settings.PAGE_CACHE_SECONDS)
    return response


def keep_page(key: str, response) -> None:
    cache.set(key, response, settings.PAGE_CACHE_SECONDS)
    if shared_cache():
        recent_pages.set(key, response, settings.PAGE_CACHE_SECONDS)


def public_page(view=None, *, store: bool = True):
    """Decorate a public view: ETag/Last-Modified answered by 304, and (``store``) the whole
    200 response kept in the cache for ``settings.PAGE_CACHE_SECONDS`` (0 turns it off)."""

    def decorate(view):
        @wraps(view)
        def cached_view(request, *args, **kwargs):
            keep = store and settings.PAGE_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD")
            key = f"page:{page_key(request)}" if keep else None
            response = cached_page(key) if keep else None
            if response is None:
                response = view(request, *args, **kwargs)
                if keep and response.status_code == 200 and not response.streaming:
                    if hasattr(response, "render"):
                        response.render()
                    keep_page(key, response)
            # Shared caches may keep the page, but must ask again before reusing it.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            return response

        return condition(etag_func=etag, last_modified_func=last_modified)(cached_view)

    return decorate(view) if view is not None else decorate
