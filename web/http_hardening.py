"""Two headers and a limit Django's SecurityMiddleware does not provide.

- ``Permissions-Policy`` (settings.PERMISSIONS_POLICY): no camera, microphone, location…
- Request bodies larger than settings.MAX_REQUEST_BYTES are answered 413 before being read,
  so a huge upload costs neither memory nor disk.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(
                _("The Content-Length header is not a number."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        if length > settings.MAX_REQUEST_BYTES:
            message = _("The request is too large: at most %(megabytes)s MB is accepted.") % {
                "megabytes": round(settings.MAX_REQUEST_BYTES / (1024 * 1024), 1)
            }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
