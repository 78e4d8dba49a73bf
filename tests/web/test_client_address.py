"""The client's address behind proxies (web/client_address.py): the API throttle and the admin
lockout key on it, and a client cannot choose it by sending X-Forwarded-For."""

import itertools

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from web.client_address import client_address

pytestmark = pytest.mark.django_db

PASSWORD = "a correct horse battery staple"
BALANCER = "10.0.0.2"


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_with_no_trusted_proxy_the_header_is_a_claim_and_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.1", "198.51.100.1"),
        ("6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote is passed over
        (None, BALANCER),  # not through the proxy
        ("", BALANCER),
    ],
)
def test_behind_one_proxy_the_client_is_the_address_it_saw(settings, forwarded, expected):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request_from(BALANCER, forwarded)) == expected


def test_behind_two_proxies_the_outer_ones_view_counts(settings):
    settings.TRUSTED_PROXIES = 2
    request = request_from(BALANCER, "6.6.6.6, 198.51.100.1, 10.0.0.9")
    assert client_address(request) == "198.51.100.1"
    assert client_address(request_from(BALANCER, "10.0.0.9")) == BALANCER


def test_a_new_x_forwarded_for_each_request_does_not_lift_the_api_throttle(client, settings):
    settings.TRUSTED_PROXIES = 0
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "downloads": "3/minute"},
    }
    cache.clear()
    spoofed = (f"198.51.100.{n}" for n in itertools.count(1))
    statuses = [
        client.get("/api/v1/partners/", HTTP_X_FORWARDED_FOR=next(spoofed)).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_behind_the_balancer_each_client_is_throttled_on_its_own(client, settings):
    settings.TRUSTED_PROXIES = 1
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "downloads": "2/minute"},
    }
    cache.clear()

    def get(address):
        return client.get(
            "/api/v1/partners/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {address}"
        ).status_code

    assert [get("198.51.100.1") for _ in range(3)] == [200, 200, 429]
    assert get("198.51.100.2") == 200


def test_behind_the_balancer_one_persons_wrong_passwords_lock_out_only_them(
    client, settings, django_user_model
):
    settings.TRUSTED_PROXIES = 1
    django_user_model.objects.create_user(
        "curator", password=PASSWORD, is_staff=True, is_superuser=True
    )

    def sign_in(address, password):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": "curator", "password": password},
            REMOTE_ADDR=BALANCER,
            HTTP_X_FORWARDED_FOR=address,
            HTTP_ACCEPT_LANGUAGE="en",
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("198.51.100.1", "wrong password")
    assert sign_in("198.51.100.1", PASSWORD).status_code == 429
    assert sign_in("198.51.100.2", PASSWORD).status_code == 302  # the same user, elsewhere


def test_the_request_log_names_the_client_as_the_throttle_sees_it(client, settings, caplog):
    settings.TRUSTED_PROXIES = 1
    with caplog.at_level("INFO", logger="liaison.requests"):
        client.get("/robots.txt", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR="198.51.100.1")
    (record,) = [r for r in caplog.records if r.name == "liaison.requests"]
    assert record.client == "198.51.100.1"
