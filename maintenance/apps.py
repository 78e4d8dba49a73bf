from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaintenanceConfig(AppConfig):
    """Operations on the whole curated content: backup and restore."""

    name = "maintenance"
    verbose_name = _("Maintenance")
