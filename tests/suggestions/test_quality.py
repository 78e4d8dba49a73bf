"""The measured quality of the suggestions on the seed corpus, and the command that
prints it."""

from django.core.management import call_command

from programmes.models import Participation
from suggestions.quality import TARGET_PRECISION, TARGET_RECALL, measure_seed_suggestions


def test_suggestions_meet_the_recall_and_precision_targets_on_the_seed(db):
    measure = measure_seed_suggestions()
    overall = measure.overall
    assert measure.documents == 5
    assert overall.curated == 156  # every curated participation and event of the seed
    assert overall.recall >= TARGET_RECALL, measure.missed
    assert overall.precision >= TARGET_PRECISION, measure.unmatched
    assert not Participation.objects.exists()  # the seed was loaded, then rolled back


def test_the_measure_command_prints_the_figures(db, capsys):
    call_command("measure_suggestions", "--check")
    out = capsys.readouterr().out
    assert "recall" in out and "precision" in out
