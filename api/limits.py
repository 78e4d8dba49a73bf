"""How much a client of the read API may ask for: page-number pagination bounded at 500
rows, and the anonymous throttle.

Named by ``REST_FRAMEWORK`` in settings, and so read while DRF's own views are being
defined: this module must not import ``rest_framework.views`` or anything built on it.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from caching.outage import tolerant
from web.client_address import client_address


class BoundedPageNumberPagination(PageNumberPagination):
    """``?page=`` and ``?page_size=`` (1 to 500). Anything else is a 400 naming the parameter,
    never a silent fallback: a client that asks for 1000 rows learns it gets at most 500."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    last_page_strings = ()

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(maximum)d.")
                        % {"maximum": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise ValidationError({self.page_query_param: [error.detail]}) from error

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(
                    minimum=1, maximum=self.max_page_size, default=self.page_size
                )
        return parameters


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate at each request (DRF's own reads it once,
    at import), so that the rate follows ``REST_FRAMEWORK`` wherever it is changed. Its
    counts live in the cache: while the cache does not answer, requests are let through
    (``caching.outage``) rather than refused with a 500."""

    def allow_request(self, request, view):
        return tolerant(super().allow_request, request, view, default=True)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        # Not DRF's, which trusts every X-Forwarded-For: a new one a request lifted the limit.
        return client_address(request)


class DownloadRateThrottle(AnonymousRateThrottle):
    """The bulk downloads (``/api/v1/export/``), each the whole published content: counted
    apart from the API, at their own rate (``DJANGO_API_DOWNLOAD_RATE``)."""

    scope = "downloads"
