from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from editorial.roles import ADMINISTRATOR, CURATOR, REVIEWER, ensure_roles


class Command(BaseCommand):
    help = _("Create the Curator, Reviewer and Administrator groups, or reset their permissions.")

    def handle(self, *args, **options):
        ensure_roles()
        names = ", ".join((CURATOR, REVIEWER, ADMINISTRATOR))
        self.stdout.write(_("Groups ready: %(names)s.") % {"names": names})
