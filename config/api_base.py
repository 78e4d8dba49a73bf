"""What every endpoint of the read API (``/api/v1/``) shares.

- a viewset base that chooses the language (``?lang=`` or ``Accept-Language``), refuses
  query parameters it does not know, and answers conditional GETs (ETag, 304);
- one error shape: ``{"detail": "…", "errors": {"<parameter>": ["…"]}}``;
- the OpenAPI conventions (drf-spectacular) and the small filter and field classes the
  apps' ``filters.py`` and ``serializers.py`` build on.

Pagination and throttling are in ``config/api_limits.py``.
"""

import functools

import django_filters
from django.conf import settings
from django.db.models import F, Q
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler

from caching.pages import cached_page, keep_page, page_key

ISO_DATE_FORMATS = ["%Y-%m-%d"]
SLUG_PATTERN = "[-a-zA-Z0-9_]+"  # the URL of a record with a slug; its OpenAPI pattern too
LANGUAGE_PARAMETER = "lang"

# Errors ------------------------------------------------------------------------------


class ApiErrorSerializer(serializers.Serializer):
    """The body of every error answer."""

    detail = serializers.CharField(help_text=_("What went wrong, in words."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("For a 400: each query parameter that was refused, with the reasons."),
    )


def api_exception_handler(exc, context):
    """DRF's handler, with validation errors wrapped as ``{"detail", "errors"}`` so that
    every error answer has the same shape and a 400 names the parameters it refuses."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"query": response.data}
        response.data = {"detail": _("Invalid query parameters."), "errors": errors}
    return response


# OpenAPI ------------------------------------------------------------------------------


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


# Viewsets -----------------------------------------------------------------------------


def _answer_conditional_get(request, response):
    """Tag a rendered answer with the hash of its body; 304 when the client has it."""
    if not response.has_header("ETag"):  # an answer from the cache has kept its own
        set_response_etag(response)
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


class ConditionalGetMixin:
    """ETag on every successful GET, and 304 Not Modified for a matching If-None-Match."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if not hasattr(response, "add_post_render_callback"):  # already rendered
                return _answer_conditional_get(request._request, response)
            response.add_post_render_callback(
                functools.partial(_answer_conditional_get, request._request)
            )
        return response


class CachedAnswersMixin:
    """Lists and details answered from the cache (``caching.pages``), keyed by the content
    generation, the language and the absolute URL, so an answer never outlives the data it
    shows. Looked up after ``initial()``: the throttle and the parameter checks apply to
    every request, answered from the cache or not."""

    def list(self, request, *args, **kwargs):
        return self.cached_answer(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.cached_answer(super().retrieve, request, *args, **kwargs)

    def cached_answer(self, handler, request, *args, **kwargs):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return handler(request, *args, **kwargs)
        key = f"api:{translation.get_language()}:{page_key(request._request)}"
        stored = cached_page(key)
        if stored is not None:
            return stored
        response = handler(request, *args, **kwargs)
        if response.status_code == 200:
            response.add_post_render_callback(functools.partial(_keep_answer, key))
        return response


def _keep_answer(key, response):
    if response.status_code == 200:  # not a 304
        set_response_etag(response)  # kept with the answer, not computed at each request
        kept = HttpResponse(response.content, status=200)
        for header, value in response.headers.items():
            kept.headers[header] = value
        keep_page(key, kept)


class ReadOnlyApiViewSet(ConditionalGetMixin, CachedAnswersMixin, viewsets.ReadOnlyModelViewSet):
    """A list and a detail, in the language asked for, refusing parameters it does not know."""

    def initial(self, request, *args, **kwargs):
        self.choose_language(request)
        self.refuse_unknown_parameters(request)
        super().initial(request, *args, **kwargs)

    def choose_language(self, request):
        language = request.query_params.get(LANGUAGE_PARAMETER)
        if language is None:
            return  # LocaleMiddleware has chosen from Accept-Language
        codes = [code for code, _name in settings.LANGUAGES]
        if language not in codes:
            raise ValidationError(
                {LANGUAGE_PARAMETER: [_("Choose one of: %(codes)s.") % {"codes": ", ".join(codes)}]}
            )
        translation.activate(language)
        request._request.LANGUAGE_CODE = language

    def known_parameters(self) -> set[str]:
        known = {LANGUAGE_PARAMETER}
        if self.action == "list":
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                known.update(filterset_class.base_filters)
            if self.paginator is not None:
                known.update(
                    {self.paginator.page_query_param, self.paginator.page_size_query_param}
                )
        return known

    def refuse_unknown_parameters(self, request):
        known = self.known_parameters()
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            message = _("Unknown query parameter. Known here: %(known)s.") % {
                "known": ", ".join(sorted(known))
            }
            raise ValidationError({name: [message] for name in unknown})


# Filters ------------------------------------------------------------------------------


class IsoDateFilter(django_filters.DateFilter):
    """A date written YYYY-MM-DD, whatever the language (no ambiguous 01/02/2006)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ISO_DATE_FORMATS)
        super().__init__(*args, **kwargs)


class StableOrderingFilter(django_filters.OrderingFilter):
    """``?ordering=a,-b``, then the primary key, so that pages never overlap; empty dates
    sort last in either direction, on every database."""

    def __init__(self, *args, nulls_last=(), **kwargs):
        self.nulls_last = set(nulls_last)
        kwargs.setdefault(
            "help_text",
            _("Comma-separated fields to sort by; a leading '-' sorts in descending order."),
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            if not param:
                continue  # "?ordering=a,,b": django-filter lets empty items through
            field = self.get_ordering_value(param)
            name = field.lstrip("-")
            if name in self.nulls_last:
                expression = F(name)
                descending = field.startswith("-")
                field = (
                    expression.desc(nulls_last=True)
                    if descending
                    else expression.asc(nulls_last=True)
                )
            ordering.append(field)
        return qs.order_by(*ordering, "pk")


def text_search(term: str, fields=(), translated_fields=()) -> Q:
    """Match ``term`` (case-insensitively, anywhere) in any of ``fields``, and in every
    language column of ``translated_fields``."""
    names = [*fields]
    for field in translated_fields:
        names.extend(f"{field}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)
    query = Q()
    for name in names:
        query |= Q(**{f"{name}__icontains": term})
    return query


# Fields -------------------------------------------------------------------------------


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
