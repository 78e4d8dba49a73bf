"""The search benchmark (``manage.py bench_search``) runs at a tiny size, so that it cannot
rot; its figures are not tested."""

import pytest
from django.core.management import CommandError, call_command

from documents.models import SourceDocument
from search.models import Entry
from synthetic.search_benchmark import queries
from tests.factories import SourceDocumentFactory

pytestmark = pytest.mark.django_db


def test_the_queries_are_varied_and_as_many_as_asked():
    texts = queries(200)
    assert len(texts) == len(set(texts)) == 200
    assert {"PPP", "OTAN", "securite", "sécurité", "zzqxv"} <= set(texts)


def test_the_benchmark_loads_indexes_and_measures(capsys):
    call_command("bench_search", documents=20, queries=5, rounds=1)
    out = capsys.readouterr().out
    assert SourceDocument.objects.filter(slug__startswith="synthetic-").count() == 20
    assert Entry.objects.filter(document__slug="synthetic-20", kind="passage").exists()
    assert "Round 1, 5 queries: p50" in out
    assert "Plan of the search page's query" in out


def test_the_benchmark_refuses_a_database_with_documents():
    SourceDocumentFactory()
    with pytest.raises(CommandError, match="throw-away database"):
        call_command("bench_search", documents=1, queries=1)
