"""Whether an answer came from the page cache, seen from outside the cache's code: a
benchmark instrument (bench/mixed/), active only with LIAISON_BENCHMARK=1.

An answer made in the request renders something: a page renders a template (through
``CountedTemplates``), an API answer is rendered by ``CountedJSONRenderer``. An answer found
in the cache (a page, or an API answer: caching/) is sent as it was stored and renders
nothing. ``Middleware`` counts the renderings of each request and sends
``X-From-Cache: 1`` for a 200 that rendered nothing, ``0`` otherwise. The baseline renders
nothing either and is not cached: it is never among the mixed benchmark's addresses.
"""

from contextvars import ContextVar

from django.template.backends.django import DjangoTemplates, Template
from rest_framework.renderers import JSONRenderer

renderings: ContextVar[list[int] | None] = ContextVar("renderings", default=None)


def rendered() -> None:
    counter = renderings.get()
    if counter is not None:
        counter[0] += 1


class CountedTemplate(Template):
    def render(self, context=None, request=None):
        rendered()
        return super().render(context, request)


class CountedTemplates(DjangoTemplates):
    """Django's template backend, each top-level rendering counted."""

    def from_string(self, template_code):
        return CountedTemplate(super().from_string(template_code).template, self)

    def get_template(self, template_name):
        return CountedTemplate(super().get_template(template_name).template, self)


class CountedJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        rendered()
        return super().render(data, accepted_media_type, renderer_context)


class Middleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = [0]
        token = renderings.set(counter)
        try:
            response = self.get_response(request)
            # A lazy response (TemplateResponse, DRF's) is rendered by now: the handler
            # renders it before the outermost middleware gets it back.
        finally:
            renderings.reset(token)
        from_cache = response.status_code == 200 and counter[0] == 0
        response["X-From-Cache"] = "1" if from_cache else "0"
        return response
