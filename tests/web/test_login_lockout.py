"""Admin sign-in: a username is locked out from an address after too many wrong passwords."""

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PASSWORD = "a correct horse battery staple"


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_user(
        "curator", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_user(
        "colleague", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def fail_until_locked(client, username):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, username, "wrong password")


def test_a_correct_password_signs_in(client, curator):
    assert sign_in(client, "curator", PASSWORD).status_code == 302


def test_failures_below_the_limit_do_not_lock_out(client, curator):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "curator", "wrong password").status_code == 200
    assert sign_in(client, "curator", PASSWORD).status_code == 302


def test_too_many_failures_lock_the_account_out_with_a_message(client, curator):
    fail_until_locked(client, "curator")
    response = sign_in(client, "curator", "wrong password")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_a_locked_out_account_is_refused_even_with_the_correct_password(client, curator):
    fail_until_locked(client, "curator")
    assert sign_in(client, "curator", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_other_users_from_the_same_address_are_not_locked_out(client, curator, colleague):
    fail_until_locked(client, "curator")
    assert sign_in(client, "colleague", PASSWORD).status_code == 302


def test_the_same_user_from_another_address_is_not_locked_out(client, curator):
    fail_until_locked(client, "curator")
    assert sign_in(client, "curator", PASSWORD, address="198.51.100.20").status_code == 302


def test_an_administrator_can_unlock_a_username(client, curator):
    fail_until_locked(client, "curator")
    call_command("axes_reset_username", "curator", verbosity=0)
    assert sign_in(client, "curator", PASSWORD).status_code == 302
