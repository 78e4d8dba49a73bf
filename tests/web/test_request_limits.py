"""Request bodies: anything over settings.MAX_REQUEST_BYTES is refused before it is read."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_a_body_over_the_limit_is_refused_with_413(client):
    with override_settings(MAX_REQUEST_BYTES=1000):
        response = client.post("/admin/login/", {"username": "x" * 2000, "password": "p"})
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_a_body_under_the_limit_goes_through(client):
    with override_settings(MAX_REQUEST_BYTES=10_000):
        response = client.post("/admin/login/", {"username": "x" * 2000, "password": "p"})
    assert response.status_code == 200


def test_a_nonsensical_content_length_is_a_400(client):
    response = client.generic("POST", "/admin/login/", b"", CONTENT_LENGTH="lots")
    assert response.status_code == 400


def test_the_default_limit_admits_the_largest_importable_file():
    from django.conf import settings

    from documents.sources import MAX_BYTES

    assert settings.MAX_REQUEST_BYTES > MAX_BYTES
