from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from suggestions.quality import (
    TARGET_PRECISION,
    TARGET_RECALL,
    measure_seed_suggestions,
)


class Command(BaseCommand):
    help = (
        "Measure the suggested facts against curated data: run the extractor over the five "
        "seed documents (the seed is loaded in a transaction that is rolled back) and print "
        "recall and precision against the participations and events curated from them. "
        "Match rule: a curated participation is recalled when a participation suggestion "
        "read in a document it cites names the same partner and programme; a curated event "
        "when an event suggestion has the same date at the same precision and its sentence "
        "overlaps one of the event's cited passages. Recall = curated participations and "
        "events recalled / all of them; precision = participation and event suggestions "
        "matching some curated record / all participation and event suggestions. Targets: "
        "recall >= 80%, precision >= 60%."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--verbose-list",
            action="store_true",
            help="Also list the curated records missed and the suggestions matching nothing.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Fail when a figure is below its target."
        )

    def handle(self, *args, verbose_list, check, **options):
        result = measure_seed_suggestions()
        self.stdout.write(
            _("Suggested facts on the seed corpus (%(count)d documents):")
            % {"count": result.documents}
        )
        rows = [
            (_("participations"), result.participations),
            (_("events"), result.events),
            (_("overall"), result.overall),
        ]
        for label, score in rows:
            self.stdout.write(
                _(
                    "  %(label)-15s recall %(recalled)3d/%(curated)-3d = %(recall)5.1f%%   "
                    "precision %(matching)3d/%(suggested)-3d = %(precision)5.1f%%"
                )
                % {
                    "label": label,
                    "recalled": score.recalled,
                    "curated": score.curated,
                    "recall": 100 * score.recall,
                    "matching": score.matching,
                    "suggested": score.suggested,
                    "precision": 100 * score.precision,
                }
            )
        targets = _("Targets: recall >= %(recall).0f%%, precision >= %(precision).0f%%.") % {
            "recall": 100 * TARGET_RECALL,
            "precision": 100 * TARGET_PRECISION,
        }
        if result.meets_targets:
            self.stdout.write(self.style.SUCCESS(targets + " " + _("Met.")))
        else:
            self.stdout.write(self.style.ERROR(targets + " " + _("Not met.")))
        if verbose_list:
            self.stdout.write(_("Curated records no suggestion recalls:"))
            for label in result.missed:
                self.stdout.write(f"  - {label}")
            self.stdout.write(_("Suggestions that match no curated record:"))
            for line in result.unmatched:
                self.stdout.write(f"  - {line}")
        if check and not result.meets_targets:
            raise CommandError(_("Suggestion quality below target."))
