from django.urls import path
from django.utils.translation import gettext_lazy as _

from editorial import views

app_name = "editorial"

urlpatterns = [
    path(
        _("preview/relationships/<slug:slug>/"),
        views.relationship_preview,
        name="relationship_preview",
    ),
    path(
        _("preview/documents/<slug:slug>/versions/<int:number>/"),
        views.version_preview,
        name="version_preview",
    ),
]
