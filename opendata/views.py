from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from caching.pages import public_page
from opendata import exports


def attachment(response, extension):
    day = timezone.now().date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="liaison-{day}.{extension}"'
    return response


def in_requested_language(view):
    """``?lang=fr|en`` as on the API; otherwise the request's language."""

    def wrapped(request):
        language = request.GET.get("lang")
        if language not in (None, "fr", "en"):
            return JsonResponse(
                {"detail": _("Invalid parameter."), "errors": {"lang": [_("Use fr or en.")]}},
                status=400,
            )
        with translation.override(language or translation.get_language()):
            return view(request)

    return require_safe(wrapped)


@in_requested_language
def records_json(request):
    return attachment(
        JsonResponse(exports.records(request), json_dumps_params={"ensure_ascii": False}),
        "json",
    )


@in_requested_language
def records_csv(request):
    return attachment(
        HttpResponse(exports.records_csv(request), content_type="text/csv; charset=utf-8"), "csv"
    )


@in_requested_language
def graph(request):
    return attachment(
        HttpResponse(exports.graphml(request), content_type="application/graphml+xml"),
        "graphml",
    )


@public_page
def data_page(request):
    return render(request, "opendata/data.html")
