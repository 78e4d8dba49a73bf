"""The serializer pieces the apps' ``serializers.py`` build on."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class SharedPerAnswer:
    """A nested serializer that represents each record once per answer: in a list, the
    same document, version, publisher or programme is named by many rows (a hundred
    participations cite a handful of versions), and its representation is the same dict."""

    def to_representation(self, instance):
        if instance.pk is None:
            return super().to_representation(instance)
        shared = self.context.setdefault("shared_representations", {})
        key = (type(self), instance.pk)
        if key not in shared:
            shared[key] = super().to_representation(instance)
        return shared[key]


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute URL of the record's page on the public site, in the chosen language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", _("This record on the public site."))
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class PermanentUrlField(PageUrlField):
    """The absolute permanent address of a passage on the public site
    (``Citation.get_permanent_url``): it answers whatever versions of the document come."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _(
                "The passage's permanent address on the public site: it leads to the passage "
                "wherever it stands, or says what became of it."
            ),
        )
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_permanent_url())
