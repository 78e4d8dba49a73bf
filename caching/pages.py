"""Public pages: conditional GET and a page cache that never serves a stale claim.

A page's ETag and cache key are made of the content generation (``caching.generation``), the
release (``settings.CACHE_RELEASE``, so new templates are never served from an older
rendering), the day (nothing shown may depend on the date longer than that) and the absolute
URL (language, query string, host). Any write to public content changes the generation, so a
cached page made before a write is never found again; nothing has to be deleted.
"""

import functools
import hashlib
import pickle
import threading
from collections import OrderedDict
from datetime import datetime, time
from time import monotonic

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import InterfaceError, OperationalError
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe
from django.views.decorators.http import condition

from caching.generation import Generation, current
from caching.outage import tolerant
from web.replicas import fall_back_to_primary, read_alias, reads_from


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


#: What a cache entry holds: a public page, or an answer of the read API (caching.answers).
PUBLIC_PAGE = "page"
API_ANSWER = "api"


def storage_key(request, kind: str) -> str:
    """The cache key of a page (``PUBLIC_PAGE``) or of an API answer (``API_ANSWER``). An
    answer's language is part of its key: the API chooses it from Accept-Language too, which
    the URL does not show (a page's language is in its path)."""
    if kind == API_ANSWER:
        return f"{kind}:{translation.get_language()}:{page_key(request)}"
    return f"{kind}:{page_key(request)}"


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
    """The page stored under ``key``, or None (also while the cache does not answer)."""
    if not shared_cache():
        return cache.get(key)
    response = recent_pages.get(key)
    if response is None:
        response = tolerant(cache.get, key)
        if response is not None:
            recent_pages.set(key, response, settings.PAGE_CACHE_SECONDS)
    return response


def keep_page(key: str, response) -> None:
    if not shared_cache():
        cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return
    recent_pages.set(key, response, settings.PAGE_CACHE_SECONDS)
    tolerant(cache.set, key, response, settings.PAGE_CACHE_SECONDS)


def public_page(view=None, *, store: bool = True):
    """Decorate a public view: ETag/Last-Modified answered by 304, and (``store``) its 200
    responses marked for ``PageCacheMiddleware`` to keep for ``settings.PAGE_CACHE_SECONDS``
    (0 turns it off)."""

    def decorate(view):
        @functools.wraps(view)
        def marked_view(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.public_page = store
            # Shared caches may keep the page, but must ask again before reusing it.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            return response

        conditional_view = condition(etag_func=etag, last_modified_func=last_modified)(marked_view)
        conditional_view.stored_page = store
        return conditional_view

    return decorate(view) if view is not None else decorate


class PageCacheMiddleware:
    """Answers a stored public page before the rest of the middleware and the URL resolver
    run, and stores the pages ``public_page`` marks.

    Only for a GET or HEAD without a session cookie: nobody is signed in and the page is the
    same for everyone (a signed-in curator's pages are always rendered). Placed right after
    WhiteNoise: a page is stored as the middleware after this one left it (X-Frame-Options,
    Content-Language, Vary), so an answer from the cache is the same answer. The content
    generation is read from the database the request reads (``web.replicas``), chosen
    here once for the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or not stored_page_path(request.path_info)
        ):
            return self.get_response(request)
        alias = read_alias(request)
        with reads_from(alias):
            try:
                key = storage_key(request, PUBLIC_PAGE)
            except (OperationalError, InterfaceError) as error:
                if alias is None:
                    raise
                fall_back_to_primary(request, alias, error)
                return self.get_response(request)
            response = cached_page(key)
            if response is not None:
                return answer_from_cache(request, response)
            response = self.get_response(request)
        if (
            getattr(response, "public_page", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies  # never someone else's cookie
            and request.read_alias == alias  # not answered by the primary after a failure
        ):
            keep_page(key, response)
        return response


@functools.lru_cache(maxsize=4096)
def stored_page_path(path: str) -> bool:
    """Whether ``path`` is served by a view ``public_page`` stores. Asked once a path per
    process: what a path resolves to never changes while the process runs."""
    try:
        with translation.override(translation.get_language_from_path(path)):
            match = resolve(path)
    except Resolver404:
        return False
    return getattr(match.func, "stored_page", False)


def answer_from_cache(request, response):
    """The stored page, or 304 Not Modified when the client already has it."""
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )
