"""The API's documentation pages under the site's Content-Security-Policy.

drf-spectacular's own templates carry an inline ``<style>`` (and Redoc an inline script),
which the policy blocks. These views render templates/api/ instead: every script and style
is a file of our own, Swagger UI's settings come from the split view's script URL, and
Redoc — whose components inject their styles at run time — gets the request's nonce for
them, plus the ``blob:`` workers it searches with.
"""

from csp.constants import NONCE
from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView


class SwaggerDocsView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"


@method_decorator(
    csp_update({"style-src": [NONCE], "worker-src": ["'self'", "blob:"]}), name="dispatch"
)
class RedocDocsView(SpectacularRedocView):
    template_name = "api/redoc.html"
