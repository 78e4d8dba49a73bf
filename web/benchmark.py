"""Benchmark instruments (`make bench`, bench/pages/, bench/mixed/), active only with
LIAISON_BENCHMARK=1.

- ``QueryCountMiddleware`` answers every request with ``X-Queries``: the number of SQL
  statements it ran, on every database connection.
- ``web.cache_share`` tells whether an answer came from the page cache (``X-From-Cache``).
- ``baseline`` is the bare baseline the page budgets are ratios of (docs/DESIGN.md §8): a
  constant HTML page about the size of a relationship page, served through the whole
  middleware stack but with no template, no query and no cache. Mounted under /bench/ by
  config/urls.py when benchmarking, so it is a 404 everywhere else.
"""

from contextlib import ExitStack

from django.db import connections
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

# About the size of /fr/relations/nato-serbia/ with the seed corpus (92.5 KB).
BASELINE_BYTES = 92_000


class QueryCountMiddleware:
    """Outermost middleware: counts what the request runs, whichever layer runs it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counted))
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response


def baseline_page(size: int = BASELINE_BYTES) -> bytes:
    """A plain, valid HTML page of exactly ``size`` bytes."""
    head = (
        b'<!DOCTYPE html>\n<html lang="fr">\n<head><meta charset="utf-8">'
        b"<title>Baseline</title></head>\n<body><main>\n"
    )
    tail = b"</main></body>\n</html>\n"
    paragraph = (
        b"<p>Une page constante, servie par Django sans gabarit ni base de donn\xc3\xa9es, "
        b"pour mesurer ce que co\xc3\xbbte le reste.</p>\n"
    )
    room = size - len(head) - len(tail)
    body = paragraph * (room // len(paragraph))
    return head + body + b" " * (room - len(body)) + tail


BASELINE = baseline_page()


@require_GET
def baseline(request):
    return HttpResponse(BASELINE, content_type="text/html; charset=utf-8")


urlpatterns = [path("baseline/", baseline, name="bench_baseline")]
