"""The read API, version 1: one router for every app, the OpenAPI schema and its docs page.

Mounted at /api/v1/ by config/urls.py. Conventions every endpoint shares are in the
other modules of this package.
"""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from api.docs import RedocDocsView, SwaggerDocsView
from api.viewsets import ConditionalGetMixin
from documents.api import CitationViewSet, DocumentViewSet, VersionViewSet
from partners.api import EventViewSet, PartnerViewSet, RelationshipViewSet
from programmes.api import ParticipationViewSet, ProgrammeViewSet

app_name = "api"


class ApiRouter(DefaultRouter):
    include_format_suffixes = False  # one representation: JSON

    #: Beside the resources, the root links what a client looks for first: the schema, its
    #: docs and the bulk downloads.
    more = {
        "schema": "schema",
        "docs": "docs",
        "redoc": "redoc",
        "export_records_json": "export_records_json",
        "export_records_csv": "export_records_csv",
        "export_graph": "export_graph",
    }

    def get_api_root_view(self, api_urls=None):
        view = super().get_api_root_view(api_urls)
        view.view_initkwargs["api_root_dict"].update(self.more)
        return view


class SchemaView(ConditionalGetMixin, SpectacularAPIView):
    pass


def not_found(request):
    """Any other address under /api/v1/ ending in a slash: a 404 in JSON like the others,
    not the site's HTML page. (Without the slash, Django first offers the slashed address.)"""
    return JsonResponse({"detail": _("Not found.")}, status=404)


router = ApiRouter()
router.register("partners", PartnerViewSet, basename="partner")
router.register("relationships", RelationshipViewSet, basename="relationship")
router.register("events", EventViewSet, basename="event")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("participations", ParticipationViewSet, basename="participation")
router.register("documents", DocumentViewSet, basename="document")
router.register("versions", VersionViewSet, basename="version")
router.register("citations", CitationViewSet, basename="citation")

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", SwaggerDocsView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", RedocDocsView.as_view(url_name="api:schema"), name="redoc"),
    *router.urls,
    path("", include("opendata.urls")),
    re_path(r"^[\s\S]*/$", not_found),
]
