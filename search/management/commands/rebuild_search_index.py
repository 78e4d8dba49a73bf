from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Index again, from scratch, everything the public may see (records and passages)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"{count} search entries.")
