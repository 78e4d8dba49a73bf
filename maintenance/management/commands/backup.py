from pathlib import Path

from django.core.management.base import BaseCommand

from maintenance.backups import write_backup


class Command(BaseCommand):
    help = "Write the whole curated content to one gzip-compressed JSON file."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the file to write, e.g. backup.json.gz")

    def handle(self, *args, path, **options):
        summary = write_backup(path)
        rows = sum(summary["counts"].values())
        self.stdout.write(
            f"{path}: {rows} rows of {len(summary['counts'])} models, "
            f"{len(summary['version_hashes'])} document versions."
        )
