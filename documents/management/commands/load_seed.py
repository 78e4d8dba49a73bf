import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from documents.seed_format import SeedError
from documents.seeding import SEED_DIR, load_seed


class Command(BaseCommand):
    help = (
        "Load the curated seed corpus (documents, partners, programmes, relationships, "
        "participations, events and their citations). Idempotent; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(SEED_DIR), help="Seed folder to load.")

    def handle(self, *args, directory, **options):
        started = time.perf_counter()
        try:
            report = load_seed(directory=type(SEED_DIR)(directory))
        except SeedError as error:
            raise CommandError(_("Seed not loaded, nothing was changed: %s") % error) from error
        elapsed = time.perf_counter() - started
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if report.changed:
            self.stdout.write(self.style.SUCCESS(_("Seed loaded in %.2f s.") % elapsed))
        else:
            message = _("Seed already loaded: nothing created or changed (%.2f s).") % elapsed
            self.stdout.write(self.style.SUCCESS(message))
