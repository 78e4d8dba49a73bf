"""The page cache and conditional GET never serve a stale claim."""

import os

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from caching.generation import bump, current
from documents.importing import import_document
from documents.sources import RawSource
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    EventFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"


def page_url(relationship, language="en"):
    with translation.override(language):
        return reverse("partners:relationship_detail", args=[relationship.slug])


@pytest.fixture
def relationship():
    version = DocumentVersionFactory()
    relationship = RelationshipFactory(summary_en="Cooperation since 2006.")
    CitationFactory(claim=relationship, version=version, quote=QUOTE)
    event = EventFactory(relationship=relationship, title_en="Serbia joins the PfP")
    CitationFactory(claim=event, version=version, quote=QUOTE)
    return relationship


def test_a_page_asked_again_is_served_from_the_cache_after_one_query(
    client, relationship, django_assert_num_queries
):
    first = client.get(page_url(relationship))
    with django_assert_num_queries(1):  # the content generation, nothing else
        again = client.get(page_url(relationship))
    assert again.status_code == 200
    assert again.content == first.content


def test_an_edit_is_shown_on_the_next_request(client, relationship):
    assert "Cooperation since 2006." in client.get(page_url(relationship)).content.decode()
    relationship.summary_en = "Cooperation deepened in 2015."
    relationship.save()
    html = client.get(page_url(relationship)).content.decode()
    assert "Cooperation deepened in 2015." in html
    assert "Cooperation since 2006." not in html


def test_an_event_whose_only_citation_becomes_orphaned_disappears_on_the_next_request(
    client, relationship
):
    assert "Serbia joins the PfP" in client.get(page_url(relationship)).content.decode()
    document = relationship.citations.get().version.document
    # A new version that no longer says it: the citations are orphaned, the claims unsupported.
    import_document(
        RawSource("Relations avec la Serbie.\nRien d'autre.", False, "new.txt"),
        document=document,
        publish=True,
    )
    response = client.get(page_url(relationship))
    assert "Serbia joins the PfP" not in response.content.decode()


def test_an_unpublished_event_disappears_on_the_next_request(client, relationship):
    assert "Serbia joins the PfP" in client.get(page_url(relationship)).content.decode()
    event = relationship.events.get()
    event.publication_state = event.State.UNPUBLISHED
    event.save()
    assert "Serbia joins the PfP" not in client.get(page_url(relationship)).content.decode()


def test_each_language_and_query_string_has_its_own_entry(client, relationship):
    english = client.get(page_url(relationship, "en")).content.decode()
    french = client.get(page_url(relationship, "fr")).content.decode()
    assert 'lang="en"' in english and 'lang="fr"' in french
    assert client.get(page_url(relationship, "en")).content.decode() == english


def test_a_write_that_rolls_back_leaves_the_generation_as_it_was(relationship):
    before = current()
    with pytest.raises(RuntimeError), transaction.atomic():
        relationship.summary_en = "Never committed."
        relationship.save()
        raise RuntimeError
    assert current() == before


def test_every_write_to_public_content_moves_the_generation_forward(relationship):
    before = current()
    event = relationship.events.get()
    event.partners.add(relationship.subject)  # a many-to-many change
    after_relation = current()
    event.delete()
    assert before.value < after_relation.value < current().value


def test_a_public_page_answers_with_an_etag_and_last_modified(client, relationship):
    response = client.get(page_url(relationship))
    assert response.headers["ETag"]
    assert response.headers["Last-Modified"]
    assert "must-revalidate" in response.headers["Cache-Control"]
    assert "max-age=0" in response.headers["Cache-Control"]


def test_a_matching_etag_gets_a_304_until_the_content_changes(client, relationship):
    etag = client.get(page_url(relationship)).headers["ETag"]
    not_modified = client.get(page_url(relationship), headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    relationship.summary_en = "Changed."
    relationship.save()
    changed = client.get(page_url(relationship), headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert "Changed." in changed.content.decode()


def test_last_modified_follows_the_last_write(client, relationship):
    stamp = client.get(page_url(relationship)).headers["Last-Modified"]
    assert (
        client.get(page_url(relationship), headers={"if-modified-since": stamp}).status_code == 304
    )


def test_the_etag_differs_between_languages(client, relationship):
    english = client.get(page_url(relationship, "en")).headers["ETag"]
    assert client.get(page_url(relationship, "fr")).headers["ETag"] != english


def test_with_the_page_cache_off_every_request_renders_but_etags_remain(
    client, relationship, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as first:
        client.get(page_url(relationship))
    assert len(first) > 1
    with django_assert_num_queries(len(first)):
        response = client.get(page_url(relationship))
    assert response.headers["ETag"]


def test_search_results_are_not_stored_but_carry_an_etag(client, relationship):
    with translation.override("en"):
        address = reverse("search:search") + "?q=serbia"
    first = client.get(address)
    assert first.headers["ETag"]
    assert client.get(address, headers={"if-none-match": first.headers["ETag"]}).status_code == 304


def test_an_error_page_is_not_cached(client, relationship):
    with translation.override("en"):
        missing = reverse("partners:relationship_detail", args=["not-yet"])
    assert client.get(missing).status_code == 404
    CitationFactory(claim=RelationshipFactory(slug="not-yet"), version=DocumentVersionFactory())
    assert client.get(missing).status_code == 200


@pytest.fixture
def redis_cache(settings):
    """The cache in Redis, under a prefix of this process's own: the SQLite and PostgreSQL
    runs share the server, so nothing here flushes the whole database."""
    prefix = f"liaison-tests-{os.getpid()}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        }
    }
    from django.core.cache import cache

    redis = cache._cache.get_client()

    def keys():
        return redis.keys(f"{prefix}:*")

    def forget():
        if stored := keys():
            redis.delete(*stored)

    forget()
    yield cache, keys
    forget()


def test_the_cache_is_shared_through_redis(client, relationship, redis_cache):
    """Two processes sharing Redis see each other's pages, keyed by the same generation."""
    _cache, keys = redis_cache
    assert client.get(page_url(relationship)).status_code == 200
    assert keys(), "the page was not stored in Redis"
    relationship.summary_en = "Seen by every instance."
    relationship.save()
    assert "Seen by every instance." in client.get(page_url(relationship)).content.decode()


def test_bump_creates_the_row_when_the_database_was_emptied(relationship):
    from caching.models import ContentGeneration

    ContentGeneration.objects.all().delete()
    assert current().value == 0
    bump()
    assert current().value == 1


def test_with_redis_a_page_asked_again_comes_from_this_process_without_a_round_trip(
    client, relationship, redis_cache, monkeypatch
):
    cache, _keys = redis_cache
    first = client.get(page_url(relationship))
    with monkeypatch.context() as patch:
        patch.setattr(type(cache._cache), "get", lambda *a, **k: pytest.fail("Redis read"))
        again = client.get(page_url(relationship))
    assert again.content == first.content


# Answered early, by PageCacheMiddleware ---------------------------------------------------


def test_a_stored_page_is_answered_before_the_url_is_resolved(client, relationship, monkeypatch):
    from django.core.handlers.base import BaseHandler

    first = client.get(page_url(relationship))
    monkeypatch.setattr(BaseHandler, "resolve_request", lambda *a: pytest.fail("resolved"))
    again = client.get(page_url(relationship))
    assert again.content == first.content


def test_an_answer_from_the_cache_has_the_headers_of_the_rendered_page(client, relationship):
    first = client.get(page_url(relationship))
    again = client.get(page_url(relationship))
    for header in (
        "Content-Type",
        "Content-Language",
        "X-Frame-Options",
        "Content-Security-Policy",
        "ETag",
        "Last-Modified",
        "Cache-Control",
    ):
        assert again.headers[header] == first.headers[header], header


def test_a_signed_in_curator_always_gets_a_rendered_page(
    client, relationship, admin_user, django_assert_max_num_queries
):
    client.get(page_url(relationship))  # stored for the public
    client.force_login(admin_user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page_url(relationship))
    assert response.status_code == 200
    assert len(queries) > 2  # session, user, then the page's own queries


def test_a_page_setting_a_cookie_is_not_stored(rf):
    from django.http import HttpResponse

    from caching.pages import PageCacheMiddleware, cached_page, page_key

    def view(request):
        response = HttpResponse("someone's page")
        response.public_page = True
        response.set_cookie("someone", "1")
        return response

    request = rf.get(page_url(RelationshipFactory()))
    PageCacheMiddleware(view)(request)
    assert cached_page(f"page:{page_key(request)}") is None


def test_other_paths_do_not_read_the_generation(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/robots.txt").status_code == 200
