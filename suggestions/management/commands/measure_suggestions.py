from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from suggestions.breakdown import not_more_precise, per_band, per_document
from suggestions.devset_quality import measure_dev_suggestions
from suggestions.quality import (
    TARGET_PRECISION,
    TARGET_RECALL,
    measure_seed_suggestions,
)

SETS = ("seed", "dev", "all")


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
        "recall >= 80%, precision >= 60%. The development set (suggestions/devset/: public "
        "pages beyond the seed, labelled by hand) is measured by the same rules, each page "
        "imported in a transaction that is rolled back, its labels standing for the curated "
        "records. Figures are printed overall, per document and per confidence band."
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
        parser.add_argument(
            "--set",
            choices=SETS,
            default="all",
            dest="which",
            help="Measure the seed corpus, the development set, or both (the default), "
            "each printed on its own.",
        )
        parser.add_argument(
            "--page",
            action="append",
            default=[],
            dest="pages",
            metavar="SLUG",
            help="Measure only this page of the development set (may be repeated).",
        )

    def handle(self, *args, verbose_list, check, which, pages, **options):
        if check and which == "dev":
            raise CommandError(
                _("--check checks the seed corpus's targets: use it with --set seed or all.")
            )
        seed_met = True
        if which in ("seed", "all"):
            result = measure_seed_suggestions()
            self.stdout.write(
                _("Suggested facts on the seed corpus (%(count)d documents):")
                % {"count": result.documents}
            )
            self.write_figures(result, _("Per document:"))
            seed_met = result.meets_targets
            targets = _("Targets: recall >= %(recall).0f%%, precision >= %(precision).0f%%.") % {
                "recall": 100 * TARGET_RECALL,
                "precision": 100 * TARGET_PRECISION,
            }
            if seed_met:
                self.stdout.write(self.style.SUCCESS(targets + " " + _("Met.")))
            else:
                self.stdout.write(self.style.ERROR(targets + " " + _("Not met.")))
            if verbose_list:
                self.write_lists(
                    result,
                    _("Curated records no suggestion recalls:"),
                    _("Suggestions that match no curated record:"),
                )
        if which in ("dev", "all"):
            try:
                result = measure_dev_suggestions(slugs=pages or None)
            except KeyError as error:
                raise CommandError(error.args[0]) from error
            self.stdout.write(
                _("Suggested facts on the development set (%(count)d pages, labelled by hand):")
                % {"count": result.documents}
            )
            self.write_figures(result, _("Per page:"))
            if verbose_list:
                self.write_lists(
                    result,
                    _("Labelled facts no suggestion recalls:"),
                    _("Suggestions that match no labelled fact:"),
                )
        if check and not seed_met:
            raise CommandError(_("Suggestion quality below target."))

    def write_figures(self, result, per_document_title):
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
                % self.figures(label, score)
            )
        self.stdout.write("  " + per_document_title)
        for slug, score in per_document(result):
            self.stdout.write(
                _(
                    "    %(label)-42s recall %(recalled)3d/%(curated)-3d = %(recall)5.1f%%   "
                    "precision %(matching)3d/%(suggested)-3d = %(precision)5.1f%%"
                )
                % self.figures(slug, score)
            )
        self.write_bands(per_band(result))

    def figures(self, label, score) -> dict:
        return {
            "label": label,
            "recalled": score.recalled,
            "curated": score.curated,
            "recall": 100 * score.recall,
            "matching": score.matching,
            "suggested": score.suggested,
            "precision": 100 * score.precision,
        }

    def write_bands(self, bands):
        self.stdout.write("  " + _("Per confidence band:"))
        row = "    %(band)-10s %(suggested)12s %(matching)8s %(precision)10s"
        self.stdout.write(
            row
            % {
                "band": _("confidence"),
                "suggested": _("suggestions"),
                "matching": _("correct"),
                "precision": _("precision"),
            }
        )
        for band in bands:
            precision = "—" if band.precision is None else f"{100 * band.precision:.1f}%"
            self.stdout.write(
                row
                % {
                    "band": band.label,
                    "suggested": band.suggested,
                    "matching": band.matching,
                    "precision": precision,
                }
            )
        inverted = not_more_precise(bands)
        if not inverted:
            self.stdout.write("  " + _("Each higher band is more precise than the one below."))
        for lower, higher in inverted:
            self.stdout.write(
                "  "
                + _("The band %(higher)s is not more precise than %(lower)s.")
                % {"higher": higher.label, "lower": lower.label}
            )

    def write_lists(self, result, missed_title, unmatched_title):
        self.stdout.write(missed_title)
        for label in result.missed:
            self.stdout.write(f"  - {label}")
        self.stdout.write(unmatched_title)
        for line in result.unmatched:
            self.stdout.write(f"  - {line}")
