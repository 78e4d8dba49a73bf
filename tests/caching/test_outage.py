"""A shared cache (Redis) that does not answer slows the site down, never takes it down."""

import pytest
from django.test import override_settings
from django.utils import translation

from caching import outage
from tests.factories import CitationFactory, DocumentVersionFactory, PartnerFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: the Redis client is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}
QUOTE = "la Serbie a adhéré au Partenariat pour la paix"


@pytest.fixture
def partner():
    partner = PartnerFactory(slug="serbia", name_en="Serbia")
    CitationFactory(claim=partner, version=DocumentVersionFactory(), quote=QUOTE)
    return partner


@pytest.fixture
def unreachable_cache():
    with override_settings(CACHES=UNREACHABLE_REDIS):
        yield


def partner_page(partner):
    with translation.override("en"):
        return partner.get_absolute_url()


def test_pages_are_rendered_while_the_cache_does_not_answer(client, partner, unreachable_cache):
    for _ in range(2):
        response = client.get(partner_page(partner))
        assert response.status_code == 200
        assert "Serbia" in response.content.decode()
    assert outage.cache_is_down()


def test_an_edit_is_shown_while_the_cache_does_not_answer(client, partner, unreachable_cache):
    client.get(partner_page(partner))
    partner.name_en = "Republic of Serbia"
    partner.save()
    assert "Republic of Serbia" in client.get(partner_page(partner)).content.decode()


def test_the_api_answers_and_its_throttle_lets_requests_through(
    client, partner, unreachable_cache, settings
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
    }
    statuses = [client.get("/api/v1/partners/serbia/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


def test_the_cache_is_left_alone_after_a_failure_then_tried_again(monkeypatch):
    calls = []

    def failing(*args):
        calls.append(args)
        raise ConnectionError("refused")

    now = [1000.0]
    monkeypatch.setattr(outage, "monotonic", lambda: now[0])
    assert outage.tolerant(failing, "key", default="rendered") == "rendered"
    assert outage.tolerant(failing, "key", default="rendered") == "rendered"
    assert len(calls) == 1  # the second call did not wait for a cache known to be down
    now[0] += outage.RETRY_SECONDS + 0.1
    outage.tolerant(failing, "key")
    assert len(calls) == 2


def test_healthz_ends_the_outage_when_the_cache_answers_again(client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        assert client.get("/healthz").json()["status"] == "degraded"
    assert outage.cache_is_down()
    assert client.get("/healthz").json()["status"] == "ok"
    assert not outage.cache_is_down()
