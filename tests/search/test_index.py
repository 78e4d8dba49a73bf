"""The index itself: how it is kept, rebuilt, and stored by each database."""

import pytest
from django.core.management import call_command
from django.db import connection

from search.backends import backend
from search.models import Entry
from search.query import parse
from tests.search.conftest import postgresql_only, sqlite_only

pytestmark = pytest.mark.django_db


def test_a_record_is_indexed_once_per_language(corpus):
    entries = Entry.objects.filter(target=f"partner:{corpus.belarus.pk}")
    assert sorted(entries.values_list("language", flat=True)) == ["en", "fr"]


def test_passages_are_indexed_in_the_language_of_their_document(corpus):
    passages = Entry.objects.filter(kind="passage", version=corpus.english)
    assert set(passages.values_list("language", flat=True)) == {"en"}
    assert passages.count() == 3


def test_rebuilding_gives_the_index_the_signals_keep(corpus, capsys):
    before = sorted(Entry.objects.values_list("target", "language", "title", "body"))
    call_command("rebuild_search_index")
    assert sorted(Entry.objects.values_list("target", "language", "title", "body")) == before
    assert f"{len(before)} search entries." in capsys.readouterr().out


def test_deleting_a_partner_removes_its_entries(corpus):
    partner_pk = corpus.nato.pk
    corpus.nato.citations.all().delete()
    corpus.nato.delete()
    assert not Entry.objects.filter(target=f"partner:{partner_pk}").exists()


def test_removing_an_alias_forgets_it(corpus):
    corpus.belarus.aliases.get(name="Biélorussie").delete()
    assert backend().page(parse("Biélorussie"), "fr", 0, 10).total == 0


@postgresql_only
def test_postgresql_answers_searches_from_the_gin_indexes(corpus):
    from search.backends.postgresql import explain

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be read whole
    plan = explain(parse("Bélarus"))
    assert "Bitmap Index Scan on search_entry_passages_0" in plan
    assert "Bitmap Index Scan on search_entry_records_vector" in plan


@postgresql_only
def test_postgresql_folds_accents_and_case_in_its_own_configurations(corpus):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('liaison_fr', 'BIÉLORUSSIES') "
            "= to_tsvector('french', 'bielorussie'), "
            "to_tsvector('liaison_en', 'Partnerships') = to_tsvector('english', 'partnership')"
        )
        assert cursor.fetchone() == (True, True)


@sqlite_only
def test_sqlite_keeps_its_fts5_tables_in_step_with_the_entries(corpus):
    def count(table, word):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH %s", [word])
            return cursor.fetchone()[0]

    assert count("search_entry_fts", "minsk") == 2
    assert count("search_record_fts", "biel*") == 2  # Bélarus, in French and in English
    Entry.objects.filter(kind="passage").delete()
    assert count("search_entry_fts", "minsk") == 0
    assert count("search_record_fts", "biel*") == 2


def test_a_database_filled_before_search_existed_is_indexed_at_migrate(corpus):
    from search.signals import index_after_migrate

    expected = Entry.objects.count()
    Entry.objects.all().delete()
    index_after_migrate(sender=None)
    assert Entry.objects.count() == expected
