from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from synthetic.records.shape import SEED_COUNTS
from synthetic.records.storing import SyntheticError, generate


class Command(BaseCommand):
    help = (
        "Add synthetic partners, programmes, relationships, participations, events, source "
        "documents and verified citations: N times as many as the seed corpus, published and "
        "supported like it, with slugs starting 'synthetic-'. Deterministic for a scale and "
        "a seed; all or nothing. Refuses if synthetic records are there already, unless "
        "--replace."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Times the seed corpus's size (default 1)."
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="Another seed gives other records (default 0)."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the synthetic records already in the database first.",
        )

    def handle(self, *args, scale, seed, replace, **options):
        try:
            report = generate(scale, seed=seed, replace=replace)
        except SyntheticError as error:
            raise CommandError(str(error)) from error
        except IntegrityError as error:
            raise CommandError(f"Nothing was changed: {error}") from error
        counts = ", ".join(f"{report.counts[kind]} {kind}" for kind in SEED_COUNTS)
        self.stdout.write(f"Scale {scale}, seed {seed}: {counts}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {report.seconds:.1f} s, of which {report.indexing_seconds:.1f} s "
                f"rebuilding the search index ({report.entries} entries)."
            )
        )
