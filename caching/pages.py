"""Public pages: conditional GET and a page cache that never serves a stale claim.

A page is stored under its release (``settings.CACHE_RELEASE``, so new templates are never
served from an older rendering), the day (nothing shown may depend on the date longer than
that) and its absolute URL (language, query string, host), with the versions of the keys it
depends on (``caching.dependencies``) as they were when it read its data. It is served only
while those versions are all unchanged, which one query says; a write moves the keys of the
records it changed, so it invalidates the pages that show them and no other. Nothing has to
be deleted. The ETag is made of the same versions.

Two ways of depending, chosen by the view (``public_page``):

- on fixed keys, read before the view reads anything: by default every kind of public
  content (lists, search, the home page, feeds, sitemaps, the open-data pages);
- ``by_records``: on the site key, read first with the content generation, and on the
  records the view loads, whose versions are read after it (a record page). Those versions
  are trusted only when none is newer than the generation read first: a write committed in
  between may be missing from the page, which is then served but neither stored nor tagged.
"""

import functools
import hashlib
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, time
from time import monotonic

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import condition

from caching.dependencies import RECORDS_ONLY, all_content, keys_of_records, recording
from caching.generation import Generation, Version, latest, snapshot, versions
from caching.outage import tolerant
from web.replicas import fall_back_to_primary, read_alias, reads_from

#: Up to this many keys, a stored page's check reads each of them.
FEW_KEYS = 32


@dataclass
class StoredPage:
    """A cache entry: the response, and the versions of what it showed as it read them."""

    versions: dict[str, Version]
    response: HttpResponse

    def is_current(self, request) -> bool:
        """Whether none of the versions has changed: one query. For a few keys (a list, an
        API answer) it reads each, and serves as what the page depends on read first
        (``read_before``) when it has to be made again; for a record page's many keys it
        reads the newest only (``caching.generation.latest``), one row."""
        if len(self.versions) > FEW_KEYS:
            return latest(self.versions) == max(self.versions.values())
        request.page_snapshot = snapshot(self.versions)
        return request.page_snapshot[1] == self.versions


def read_before(request, keys) -> tuple[Generation, dict[str, Version]]:
    """The generation and the versions of ``keys``, read once, before the view reads
    anything (the ETag and the cache entry both need them). Versions read before from a
    stale cache entry serve when they include ``keys``: read before the data too."""
    known = getattr(request, "page_snapshot", None)
    if known is None or not known[1].keys() >= set(keys):
        request.page_snapshot = snapshot(keys)
    return request.page_snapshot


def page_key(request) -> str:
    # Once a request: the cache lookup and the ETag both need it.
    if not hasattr(request, "page_key"):
        parts = (
            settings.CACHE_RELEASE,
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


def tag(request, page_versions: dict[str, Version]) -> str:
    parts = [page_key(request)]
    parts += [f"{key}={value}.{at.timestamp():.6f}" for key, (value, at) in page_versions.items()]
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:32]


def modified_at(page_versions: dict[str, Version]) -> datetime:
    start_of_today = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return max([start_of_today, *(at for _value, at in page_versions.values())])


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


def public_page(view=None, *, store: bool = True, by_records: bool = False):
    """Decorate a public view: ETag/Last-Modified answered by 304, and (``store``) its 200
    responses marked for ``PageCacheMiddleware`` to keep for ``settings.PAGE_CACHE_SECONDS``
    (0 turns it off). The page depends on every kind of public content, or (``by_records``)
    on the records it loads (see the module's docstring)."""

    def decorate(view):
        if by_records:
            conditional_view = _depending_on_records(view)
        else:
            conditional_view = _depending_on_content(view)
        conditional_view.stored_page = store

        @functools.wraps(view)
        def public_view(request, *args, **kwargs):
            response = conditional_view(request, *args, **kwargs)
            response.public_page = store
            # Shared caches may keep the page, but must ask again before reusing it.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            return response

        public_view.stored_page = store
        return public_view

    return decorate(view) if view is not None else decorate


def _depending_on_content(view):
    def content_versions(request) -> dict[str, Version]:
        before = read_before(request, all_content())[1]
        return {key: before[key] for key in all_content()}

    def etag(request, *args, **kwargs):
        return tag(request, content_versions(request))

    def last_modified(request, *args, **kwargs):
        return modified_at(content_versions(request))

    @functools.wraps(view)
    def versioned_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.page_versions = content_versions(request)
        return response

    return condition(etag_func=etag, last_modified_func=last_modified)(versioned_view)


def _depending_on_records(view):
    @functools.wraps(view)
    def versioned_view(request, *args, **kwargs):
        generation, before = read_before(request, RECORDS_ONLY)
        with recording() as shown:
            response = view(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()
        response.page_versions = None
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return response
        keys = keys_of_records(shown) | set(RECORDS_ONLY)
        after = versions(keys - before.keys())
        if any(value > generation.value for value, _at in after.values()):
            return response  # written while it was made: perhaps not all of it shows
        page_versions = {key: before[key] for key in keys & before.keys()} | after
        response.page_versions = page_versions
        response["ETag"] = f'"{tag(request, page_versions)}"'
        response["Last-Modified"] = http_date(modified_at(page_versions).timestamp())
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )

    return versioned_view


class PageCacheMiddleware:
    """Answers a stored public page before the rest of the middleware and the URL resolver
    run, and stores the pages ``public_page`` marks.

    Only for a GET or HEAD without a session cookie: nobody is signed in and the page is the
    same for everyone (a signed-in curator's pages are always rendered). Placed right after
    WhiteNoise: a page is stored as the middleware after this one left it (X-Frame-Options,
    Content-Language, Vary), so an answer from the cache is the same answer. The versions are
    read from the database the request reads (``web.replicas``), chosen here once for the
    whole request."""

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
            key = storage_key(request, PUBLIC_PAGE)
            stored = cached_page(key)
            if stored is not None:
                try:
                    current = stored.is_current(request)
                except (OperationalError, InterfaceError) as error:
                    if alias is None:
                        raise
                    fall_back_to_primary(request, alias, error)
                    return self.get_response(request)
                if current:
                    return answer_from_cache(request, stored.response)
            response = self.get_response(request)
        if (
            getattr(response, "public_page", False)
            and getattr(response, "page_versions", None) is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies  # never someone else's cookie
            and request.read_alias == alias  # not answered by the primary after a failure
        ):
            keep_page(key, StoredPage(response.page_versions, response))
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
