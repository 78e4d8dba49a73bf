"""Suggestions read in a stored version: kept on import, with what is already on record or
decided left out, and the ``suggest_facts`` command."""

import datetime

import pytest
from django.core.management import call_command

from documents import publishing
from programmes.models import Participation
from suggestions import deciding
from suggestions.models import Suggestion
from tests.suggestions.conftest import TEXT, imported


def test_suggestions_are_stored_on_import_with_their_anchored_sentence(known):
    result = imported(known)
    stored = list(Suggestion.objects.filter(version=result.version))
    assert result.suggested_facts == len(stored) == 4
    participation = next(s for s in stored if s.kind == Suggestion.Kind.PARTICIPATION)
    assert (participation.partner, participation.programme) == (known["serbia"], known["pfp"])
    assert str(participation.date) == "2006" and participation.date.precision == "year"
    assert participation.quote == "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006."
    view = result.version.text.replace("\n", " ")
    assert view[participation.start : participation.end] == participation.quote
    assert participation.status == Suggestion.Status.PENDING and 0 < participation.confidence <= 1
    events = [s for s in stored if s.kind == Suggestion.Kind.EVENT]
    assert sorted(s.date.isoformat() for s in events) == ["2006", "2014"]
    assert list(events[0].partners.all()) == [known["serbia"]]
    (new,) = [s for s in stored if s.kind == Suggestion.Kind.NEW_PROGRAMME]
    assert (new.acronym, new.name) == ("DEEP", "programme de formation")


def test_a_failure_while_suggesting_leaves_the_database_unchanged(known, monkeypatch):
    def failing(version):
        raise RuntimeError("injected")

    monkeypatch.setattr(publishing, "suggest_facts", failing)
    with pytest.raises(RuntimeError):
        imported(known)
    assert not known["document"].versions.exists()
    assert not Suggestion.objects.exists()


def test_facts_already_on_record_are_not_suggested(known):
    Participation.objects.create(
        partner=known["serbia"], programme=known["pfp"], role="participant", start="2006"
    )
    result = imported(known)
    kinds = set(Suggestion.objects.filter(version=result.version).values_list("kind", flat=True))
    assert Suggestion.Kind.PARTICIPATION not in kinds


def test_a_rejected_suggestion_is_not_proposed_again_on_later_imports(known):
    first = imported(known)
    participation = Suggestion.objects.get(
        version=first.version, kind=Suggestion.Kind.PARTICIPATION
    )
    deciding.reject(participation)
    second = imported(known, TEXT + "L'OTAN a ouvert un bureau à Belgrade en décembre 2006.\n")
    again = Suggestion.objects.filter(version=second.version)
    assert not again.filter(fingerprint=participation.fingerprint).exists()
    assert again.filter(kind=Suggestion.Kind.EVENT, start_date=datetime.date(2006, 12, 1)).exists()
    participation.refresh_from_db()
    assert participation.status == Suggestion.Status.REJECTED  # remembered, on its version


def test_pending_suggestions_follow_the_current_version(known):
    first = imported(known)
    second = imported(known, TEXT + "Une phrase de plus.\n")
    assert not Suggestion.objects.filter(version=first.version).exists()
    assert Suggestion.objects.filter(version=second.version).count() == 4


def test_the_suggest_facts_command_reads_a_stored_version(known, capsys):
    version = imported(known).version
    Suggestion.objects.all().delete()
    call_command("suggest_facts", "serbia", "--number", str(version.number))
    assert Suggestion.objects.filter(version=version).count() == 4
    call_command("suggest_facts", "serbia")  # again: nothing new
    assert Suggestion.objects.count() == 4
    assert "4 fact(s) suggested" in capsys.readouterr().out
