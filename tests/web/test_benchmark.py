"""The benchmark instruments (web/benchmark.py): a baseline page that exists only when
benchmarking, and each response's query count."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import RequestFactory

from web.benchmark import BASELINE, BASELINE_BYTES, QueryCountMiddleware, baseline_page

# The URLs as a benchmarking process builds them (LIAISON_BENCHMARK=1), in a fresh
# interpreter: the URLconf is read once, at import.
BENCHMARKING_SCRIPT = """
import django
django.setup()
from django.test import Client
response = Client().get("/bench/baseline/")
print(response.status_code, len(response.content), response["X-Queries"])
"""


def test_baseline_is_not_found_unless_benchmarking(client):
    assert client.get("/bench/baseline/").status_code == 404


def test_baseline_is_served_without_a_query_when_benchmarking():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="1", LIAISON_BENCHMARK="1")
    result = subprocess.run(
        [sys.executable, "-c", BENCHMARKING_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["200", str(BASELINE_BYTES), "0"]


def test_baseline_page_is_html_of_the_size_asked():
    page = baseline_page(50_000)
    assert len(page) == 50_000
    assert page.startswith(b"<!DOCTYPE html>") and page.endswith(b"</html>\n")
    assert len(BASELINE) == BASELINE_BYTES


@pytest.mark.django_db
def test_query_count_header_counts_the_queries_of_the_request():
    def view(request):
        list(Group.objects.all())
        Group.objects.filter(name="curators").exists()
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Queries"] == "2"


def test_query_count_header_is_zero_for_a_request_without_queries():
    response = QueryCountMiddleware(lambda request: HttpResponse("ok"))(RequestFactory().get("/"))
    assert response["X-Queries"] == "0"
