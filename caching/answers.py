"""The read API's answers, stored beside the public pages (``caching.pages``) and in the same
way: under the release, the day, the absolute URL and the language of the answer, with the
versions of every kind of public content read before the answer read its data. An answer is
therefore never served after a change to what it may show."""

import functools

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import set_response_etag

from caching.dependencies import all_content
from caching.pages import API_ANSWER, StoredPage, cached_page, keep_page, read_before, storage_key


class CachedAnswersMixin:
    """A viewset's lists and details answered from the cache. Looked up after
    ``initial()``: the throttle and the parameter checks apply to every request, answered
    from the cache or not."""

    def list(self, request, *args, **kwargs):
        return self.cached_answer(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.cached_answer(super().retrieve, request, *args, **kwargs)

    def cached_answer(self, handler, request, *args, **kwargs):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return handler(request, *args, **kwargs)
        key = storage_key(request._request, API_ANSWER)
        stored = cached_page(key)
        if stored is not None and stored.is_current(request._request):
            return stored.response
        before = read_before(request._request, all_content())[1]
        before = {key: before[key] for key in all_content()}
        response = handler(request, *args, **kwargs)
        if response.status_code == 200:
            response.add_post_render_callback(functools.partial(_keep_answer, key, before))
        return response


def _keep_answer(key, answer_versions, response):
    if response.status_code == 200:  # not a 304
        set_response_etag(response)  # kept with the answer, not computed at each request
        kept = HttpResponse(response.content, status=200)
        for header, value in response.headers.items():
            kept.headers[header] = value
        keep_page(key, StoredPage(answer_versions, kept))
