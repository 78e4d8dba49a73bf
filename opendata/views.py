import math

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from api.limits import DownloadRateThrottle
from caching.pages import public_page
from opendata import exports


def attachment(response, extension):
    day = timezone.now().date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="liaison-{day}.{extension}"'
    response["Link"] = f'<{settings.DATA_LICENCE["url"]}>; rel="license"'
    return response


def download(view):
    """A bulk download: throttled like the API (``api.limits.DownloadRateThrottle``, 429
    with ``Retry-After``); ``?lang=fr|en`` as on the API, otherwise the request's language."""

    def wrapped(request):
        throttle = DownloadRateThrottle()
        if not throttle.allow_request(request, None):
            wait = math.ceil(throttle.wait() or 1)
            response = JsonResponse(
                {
                    "detail": _("Too many downloads; try again in %(seconds)d s.")
                    % {"seconds": wait}
                },
                status=429,
            )
            response["Retry-After"] = str(wait)
            return response
        language = request.GET.get("lang")
        if language not in (None, "fr", "en"):
            return JsonResponse(
                {"detail": _("Invalid parameter."), "errors": {"lang": [_("Use fr or en.")]}},
                status=400,
            )
        with translation.override(language or translation.get_language()):
            return view(request)

    return require_safe(wrapped)


@download
def records_json(request):
    return attachment(
        JsonResponse(exports.records(request), json_dumps_params={"ensure_ascii": False}),
        "json",
    )


@download
def records_csv(request):
    return attachment(
        HttpResponse(exports.records_csv(request), content_type="text/csv; charset=utf-8"), "csv"
    )


@download
def graph(request):
    return attachment(
        HttpResponse(exports.graphml(request), content_type="application/graphml+xml"),
        "graphml",
    )


@public_page
def data_page(request):
    return render(request, "opendata/data.html", {"licence": settings.DATA_LICENCE})
