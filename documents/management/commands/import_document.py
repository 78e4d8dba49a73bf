from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from documents.fetching import read_source
from documents.importing import (
    DocumentImportError,
    import_allowed_hosts,
    import_document,
    source_error_message,
)
from documents.models import SourceDocument
from documents.sources import MAX_BYTES, TIMEOUT, SourceError
from partners.models import Partner


class Command(BaseCommand):
    help = (
        "Import a document, or a new version of one, from a .txt file, an .html file or a "
        "URL. The new version waits for a reviewer, who publishes it in the admin; until "
        "then the public sees the current version and the citations stay as they are. "
        "With --publish it is published at once: it becomes current and the citations of "
        "the previous one are re-checked against it. All or nothing; an identical text is "
        "not stored twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path of a .txt or .html file, or an http(s) URL.")
        parser.add_argument(
            "--document",
            metavar="SLUG",
            help="The document this is a new version of; a new document gets this slug.",
        )
        parser.add_argument(
            "--publisher", metavar="SLUG", help="Publisher of a new document (a partner slug)."
        )
        parser.add_argument(
            "--language",
            choices=SourceDocument.Language.values,
            help="Language of a new document (else the HTML page's own).",
        )
        parser.add_argument("--title", default="", help="Title of a new document.")
        parser.add_argument(
            "--kind",
            choices=SourceDocument.Kind.values,
            default="",
            help="Kind of a new document (default: web_page).",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Who imports it (recorded on the version; the four-eyes rule keeps them "
            "from publishing it).",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the new version at once: by --user when given, which the four-eyes "
            "rule refuses unless DJANGO_ALLOW_SELF_REVIEW=1; else by no one in particular "
            "(a one-person team, a script).",
        )
        parser.add_argument(
            "--timeout", type=float, default=TIMEOUT, help="Seconds allowed to fetch a URL, in all."
        )
        parser.add_argument(
            "--max-bytes", type=int, default=MAX_BYTES, help="Largest source accepted."
        )

    def handle(self, *args, source, document, publisher, language, title, kind, **options):
        user = self.user(options["user"])
        publisher_obj = None
        if publisher:
            publisher_obj = Partner.objects.filter(slug=publisher).first()
            if publisher_obj is None:
                raise CommandError(f"Unknown publisher {publisher!r} (give a partner slug).")
        try:
            raw = read_source(
                source,
                timeout=options["timeout"],
                max_bytes=options["max_bytes"],
                allowed=import_allowed_hosts(),
            )
            result = import_document(
                raw,
                slug=document or "",
                publisher=publisher_obj,
                language=language or "",
                title=title,
                kind=kind,
                imported_by=user,
                publish=options["publish"],
            )
        except SourceError as error:
            raise CommandError(f"Not imported: {source_error_message(error)}") from error
        except DocumentImportError as error:
            raise CommandError(f"Not imported, nothing was changed: {error}") from error
        if result.duplicate_of is not None:
            self.stdout.write(self.style.WARNING(result.summary()))
            return
        self.stdout.write(self.style.SUCCESS(result.summary()))
        version = result.version
        if version.stated_update:
            self.stdout.write(
                f"  stated update: {version.stated_update} ({version.stated_update_text})"
            )
        if result.published is None:
            self.stdout.write(
                "  Publish or discard it in the admin (Document versions), as a reviewer."
            )
        elif result.needs_review:
            self.stdout.write(
                f"  {result.needs_review} citation(s) to review in the admin's citation health "
                "queue."
            )

    def user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Unknown user {username!r}.")
        if not user.has_perm("documents.add_documentversion"):
            raise CommandError(f"{username} may not import documents.")
        return user
