import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from caching.outage import cache_failed, cache_is_back
from web import replicas


@require_safe
@never_cache
def healthz(request):
    """Liveness and readiness: 200 when the database answers, else 503 (a load balancer
    takes this process out of rotation until it recovers).

    A cache that does not answer makes the process "degraded", still 200: pages are then
    rendered without it (``caching.outage``), and every instance shares the same cache, so
    taking them out would take the whole site down. With read replicas, also each
    replica's state ("ok", "lagging 12 s", "unreachable: …") and where the public's reads go
    ("replica", or "primary" when none is usable); a replica down is no reason to take the
    process out of rotation either: the primary serves its reads."""
    checks = {"database": _database_status(), "cache": _cache_status()}
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    body = {"status": status, **checks}
    if settings.DATABASE_REPLICAS:
        body.update(replicas.health_report())
    return JsonResponse(body, status=code)


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "not ready"
        return f"error: {error}"
    return "ok"


def _cache_status() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answer = cache.get(key)
        cache.delete(key)
    except Exception as error:  # a cache that cannot be reached raises its own errors
        cache_failed(error)
        return f"error: {error}"
    if answer != "ok":
        return "error: the cache did not return what was stored"
    cache_is_back()  # pages may use it again at once
    return "ok"


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def favicon(request):
    """Pages and the admin name their icon; browsers that ask /favicon.ico anyway (feed
    readers, old clients) are sent to it instead of a 404."""
    return redirect(static("img/favicon.svg"))
