import time

from django.core.management.base import BaseCommand, CommandError

from documents.seeding import SEED_DIR, SeedError, load_seed


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
            raise CommandError(f"Seed not loaded, nothing was changed: {error}") from error
        elapsed = time.perf_counter() - started
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if report.changed:
            self.stdout.write(self.style.SUCCESS(f"Seed loaded in {elapsed:.2f} s."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed already loaded: nothing created or changed ({elapsed:.2f} s)."
                )
            )
