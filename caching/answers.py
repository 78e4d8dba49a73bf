"""The read API's answers, stored beside the public pages (``caching.pages``) and under the
same kind of key: the content generation, the release, the day, the absolute URL, and the
language of the answer. An answer therefore never outlives the data it shows."""

import functools

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import set_response_etag

from caching.pages import API_ANSWER, cached_page, keep_page, storage_key


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
        if stored is not None:
            return stored
        response = handler(request, *args, **kwargs)
        if response.status_code == 200:
            response.add_post_render_callback(functools.partial(_keep_answer, key))
        return response


def _keep_answer(key, response):
    if response.status_code == 200:  # not a 304
        set_response_etag(response)  # kept with the answer, not computed at each request
        kept = HttpResponse(response.content, status=200)
        for header, value in response.headers.items():
            kept.headers[header] = value
        keep_page(key, kept)
