"""/healthz: 200 when the database and the cache answer, "degraded" (still 200) when only the
cache does not, 503 when the database does not."""

import pytest
from django.db import DatabaseError
from django.test import override_settings

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: the Redis client is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def test_healthz_is_ok_when_database_and_cache_answer(client):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_degraded_but_in_rotation_when_the_cache_does_not_answer(client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"].startswith("error")
    assert response.json()["database"] == "ok"


def test_healthz_is_unavailable_when_the_database_does_not_answer(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def refused(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refused)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: connection refused"
    assert response.json()["cache"] == "ok"


def test_healthz_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


def test_healthz_answers_plain_http_in_production(client):
    with override_settings(SECURE_SSL_REDIRECT=True):
        assert client.get("/healthz").status_code == 200
        assert client.get("/en/").status_code == 301
