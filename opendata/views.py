import math

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from api.limits import DownloadRateThrottle
from caching.outage import tolerant
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


def records_json(request):
    return JsonResponse(exports.records(request), json_dumps_params={"ensure_ascii": False})


def records_csv(request):
    return HttpResponse(exports.records_csv(request), content_type="text/csv; charset=utf-8")


def graph(request):
    return HttpResponse(exports.graphml(request), content_type="application/graphml+xml")


#: Each download by its file extension.
DOWNLOADS = {"json": records_json, "csv": records_csv, "graphml": graph}


def size_key(extension: str) -> str:
    return f"opendata:size:{extension}:{translation.get_language()}"


def build(extension: str, request) -> HttpResponse:
    """The download, its size remembered for the data page (whatever the records' changes
    since: sizes move little, and the page says "about")."""
    response = DOWNLOADS[extension](request)
    tolerant(cache.set, size_key(extension), len(response.content), None)
    return response


def download_sizes(request) -> dict[str, int]:
    """The size in bytes of each download as last built in this language; a download never
    built yet is built once to know it."""
    keys = {extension: size_key(extension) for extension in DOWNLOADS}
    known = tolerant(cache.get_many, list(keys.values()), default={})
    return {
        extension: known.get(key) or len(build(extension, request).content)
        for extension, key in keys.items()
    }


@download
def records_json_download(request):
    return attachment(build("json", request), "json")


@download
def records_csv_download(request):
    return attachment(build("csv", request), "csv")


@download
def graph_download(request):
    return attachment(build("graphml", request), "graphml")


@public_page
def data_page(request):
    return render(
        request,
        "opendata/data.html",
        {"licence": settings.DATA_LICENCE, "sizes": download_sizes(request)},
    )
