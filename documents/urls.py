from django.urls import path
from django.utils.translation import gettext_lazy as _

from documents import views

app_name = "documents"

urlpatterns = [
    path(_("documents/"), views.document_list, name="document_list"),
    path(_("documents/<slug:slug>/"), views.document_detail, name="document_detail"),
    path(
        _("documents/<slug:slug>/versions/<int:number>/"),
        views.document_detail,
        name="version_detail",
    ),
    # One address per citation, whatever versions come (``documents/permalinks.py``).
    path(_("passages/<int:pk>/"), views.passage, name="passage"),
]
