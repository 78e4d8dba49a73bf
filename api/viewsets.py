"""The viewset every endpoint of the read API is made from: a list and a detail, in the
language asked for, refusing query parameters it does not know, answering conditional GETs
and answered from the cache (``caching.answers``)."""

import functools

from django.conf import settings
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.translation import gettext_lazy as _
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from caching.answers import CachedAnswersMixin

LANGUAGE_PARAMETER = "lang"


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
