"""System checks of the documents app's settings."""

from django.conf import settings
from django.core import checks

from documents.addresses import AllowList


@checks.register(checks.Tags.security)
def check_import_allowed_hosts(app_configs, **kwargs):
    """Every entry of DJANGO_IMPORT_ALLOWED_HOSTS is a host name or a network, so that a
    typo stops the deployment instead of failing each import."""
    try:
        AllowList.parse(settings.IMPORT_ALLOWED_HOSTS)
    except ValueError as error:
        return [
            checks.Error(
                f"DJANGO_IMPORT_ALLOWED_HOSTS: {error}.",
                hint="Give host names (wiki.intranet) or networks (10.20.0.0/16), "
                "separated by commas.",
                id="documents.E001",
            )
        ]
    return []
