import copy

import pytest
from django.db import transaction
from django.utils import translation

from tests import snapshot


@pytest.fixture(scope="session")
def seed_snapshot(django_db_setup, django_db_blocker):
    """The database with the seed corpus loaded, copied once for the whole session: loaded
    in a transaction that is rolled back as soon as its rows are copied, so the database
    stays as migrated for every test that does not ask for the seed."""
    from documents.seeding import load_seed

    with django_db_blocker.unblock(), translation.override("en"), transaction.atomic():
        report, rows = snapshot.take(load_seed)
        transaction.set_rollback(True)
    return report, rows


@pytest.fixture
def seeded(db, seed_snapshot):
    """The curated seed corpus, loaded (its rows put back in the test's transaction); the
    loader's report, as ``load_seed()`` returns it."""
    report, rows = seed_snapshot
    with transaction.atomic():
        snapshot.put_back(rows)
    return copy.deepcopy(report)


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
