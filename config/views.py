import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config import replicas


@require_GET
@never_cache
def healthz(request):
    """Liveness and readiness: 200 when the database and the cache answer, else 503 naming
    what failed (a load balancer takes this process out of rotation until it recovers).

    With read replicas, also each replica's state ("ok", "lagging 12 s", "unreachable: …")
    and where the public's reads go ("replica", or "primary" when none is usable). A replica
    down is no reason to take the process out of rotation: the primary serves its reads."""
    checks = {"database": _database_status(), "cache": _cache_status()}
    healthy = all(status == "ok" for status in checks.values())
    body = {"status": "ok" if healthy else "error", **checks}
    if settings.DATABASE_REPLICAS:
        body.update(replicas.health_report())
    return JsonResponse(body, status=200 if healthy else 503)


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
        return f"error: {error}"
    return "ok" if answer == "ok" else "error: the cache did not return what was stored"


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
