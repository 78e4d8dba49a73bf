import pytest
from django.utils import translation


@pytest.fixture
def seeded(db):
    """The curated seed corpus, loaded."""
    from documents.seeding import load_seed

    return load_seed()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, and one that answers: the local-memory cache
    outlives the rollback of the rows a cached page was made from, and an outage a test
    caused (``caching.outage``) would outlive the test."""
    from django.core.cache import cache

    from caching.outage import cache_is_back
    from caching.pages import recent_pages

    cache_is_back()
    cache.clear()
    recent_pages.clear()
    yield
    cache.clear()
    recent_pages.clear()
    cache_is_back()


@pytest.fixture(autouse=True)
def messages_in_english():
    """Code run directly by a test speaks English unless the test asks for French (the
    ``french`` fixture); requests still choose their language from their URL or headers."""
    with translation.override("en"):
        yield


@pytest.fixture
def french():
    with translation.override("fr"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(admin_client):
    """The admin, in English unless a test asks otherwise (French is the site default)."""
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return admin_client
