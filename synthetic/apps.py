from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    """Commands only: no models, nothing imported by the other apps."""

    name = "synthetic"
    verbose_name = "Synthetic corpus"
