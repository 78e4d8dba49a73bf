from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maintenance.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load a file written by `backup` into a freshly migrated database, all or nothing; "
        "row counts and version hashes are checked against the file's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a file written by `manage.py backup`")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete the curated content already in the database first",
        )

    def handle(self, *args, path, replace, **options):
        try:
            summary = restore_backup(path, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{path}: restored {sum(summary.counts.values())} rows, "
            f"{summary.version_hashes} document versions with their hashes checked."
        )
