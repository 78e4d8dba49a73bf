"""The read API's OpenAPI conventions (drf-spectacular): what every operation shares, and
the example slug of a detail."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)

from api.errors import ApiErrorSerializer
from api.viewsets import LANGUAGE_PARAMETER

SLUG_PATTERN = "[-a-zA-Z0-9_]+"  # the URL of a record with a slug; its OpenAPI pattern too


class ReadApiSchema(AutoSchema):
    """Documents what every operation shares: ``lang`` and the error answers."""

    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                str,
                enum=[code for code, _name in settings.LANGUAGES],
                description=_(
                    "Language of the translated fields (names, titles, notes). "
                    "Without it, the Accept-Language header decides; French by default."
                ),
            ),
        ]

    def get_response_serializers(self):
        response = super().get_response_serializers()
        if isinstance(response, dict):
            return response
        responses = {200: response, 400: ApiErrorSerializer, 429: ApiErrorSerializer}
        if not self._is_list_view(response):
            responses[404] = ApiErrorSerializer
        return responses


def slug_example(slug: str):
    """Document the detail's ``slug`` with an example from the seed corpus (schemathesis
    sends it too, so the detail's answer is checked against the schema, not only its 404)."""
    parameter = OpenApiParameter(
        "slug",
        str,
        OpenApiParameter.PATH,
        pattern=f"^{SLUG_PATTERN}$",
        examples=[OpenApiExample(slug, value=slug)],
    )
    return extend_schema_view(retrieve=extend_schema(parameters=[parameter]))
