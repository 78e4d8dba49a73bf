"""Helpers shared by the read API tests (tests/*/test_api.py, tests/test_api_schema.py).

Import ``fresh_throttle`` into a test module to give every test an empty throttle count:
the anonymous throttle keeps its counts in the cache, which outlives a test.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from documents.claims import claim_models
from documents.models import Citation
from tests.factories import SAMPLE_TEXT, CitationFactory, DocumentVersionFactory

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"
OTHER_QUOTE = "établi en décembre 2006"

assert QUOTE in SAMPLE_TEXT and OTHER_QUOTE in SAMPLE_TEXT


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def get(client, path, **params):
    """GET ``/api/v1/<path>`` with ``params`` as the query string."""
    return client.get(f"/api/v1/{path}", params)


def results(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(client, path, **params):
    return [item["slug"] for item in results(client, path, **params)]


def cite(claim, version=None, quote=QUOTE, **kwargs):
    """Back ``claim`` with a verified citation (on a new document version unless given)."""
    CitationFactory(claim=claim, version=version or DocumentVersionFactory(), quote=quote, **kwargs)
    return claim


def orphan(claim):
    Citation.objects.for_claim(claim).update(status=Citation.Status.ORPHANED)
    return claim


def warm_content_types():
    """Fill the content-type cache, so that a pinned query count counts the API's queries."""
    ContentType.objects.get_for_models(*claim_models())


def assert_refused(response, parameter):
    """A 400 whose JSON body names ``parameter``."""
    assert response.status_code == 400, response.content
    body = response.json()
    assert parameter in body["errors"], body
    assert body["detail"]
