from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from documents.models import SourceDocument
from suggestions.models import Suggestion
from suggestions.reading import suggest_facts


class Command(BaseCommand):
    help = (
        "Read a published version of a document (the current one unless --number is given) "
        "and store the facts it suggests — participations, events, new programmes and "
        "partners — for curators to accept or reject in the admin. Facts already on record, "
        "and suggestions already rejected or accepted, are not proposed again."
    )

    def add_arguments(self, parser):
        parser.add_argument("document", metavar="DOCUMENT_SLUG", help="The document to read.")
        parser.add_argument(
            "--number", type=int, metavar="N", help="Version number (default: the current one)."
        )

    def handle(self, *args, document, number, **options):
        found = SourceDocument.objects.filter(slug=document).first()
        if found is None:
            raise CommandError(_("No document %(slug)r.") % {"slug": document})
        # A version waiting for a reviewer is read when it is published; not before, since
        # what it suggests could not be cited until then.
        versions = found.versions.published()
        stored = (
            versions.filter(number=number).first()
            if number is not None
            else versions.filter(is_current=True).first()
        )
        if stored is None:
            raise CommandError(
                _("%(document)s has no version %(number)s.")
                % {"document": found, "number": number if number is not None else _("current")}
            )
        report = suggest_facts(stored)
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)d fact(s) suggested by %(version)s.")
                % {"count": report.total, "version": stored}
            )
        )
        for kind in Suggestion.Kind:
            if report.created[kind]:
                self.stdout.write(f"  {kind.label}: {report.created[kind]}")
        if report.skipped["recorded"]:
            self.stdout.write(
                _("  already on record, not proposed: %(count)d")
                % {"count": report.skipped["recorded"]}
            )
        if report.skipped["decided"]:
            self.stdout.write(
                _("  already suggested or decided by a curator: %(count)d")
                % {"count": report.skipped["decided"]}
            )
