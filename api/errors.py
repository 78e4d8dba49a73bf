"""One shape for every error answer of the read API: ``{"detail": "…", "errors": {…}}``."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler


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
    elif response is not None and isinstance(exc, Http404):
        # Django's own message names the model's class, in English whatever the language.
        response.data = {"detail": not_found_detail(context.get("view"))}
    return response


def not_found_detail(view):
    try:
        serializer = view.get_serializer_class()
    except (AttributeError, AssertionError):
        serializer = None
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    if model is None:
        return _("Not found.")
    kind = model._meta.verbose_name
    return _("Not found: no record of this kind (%(kind)s) has this identifier.") % {"kind": kind}
