from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuggestionsConfig(AppConfig):
    """Facts read by rules in document versions, for curators to accept or reject."""

    name = "suggestions"
    verbose_name = _("suggested facts")
