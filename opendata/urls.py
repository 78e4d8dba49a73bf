"""Downloads under /api/v1/export/ (mounted by api/urls.py); the page that lists them is
in the site's translated URLs (config/urls.py)."""

from django.urls import path

from opendata import views

urlpatterns = [
    path("export/records.json", views.records_json_download, name="export_records_json"),
    path("export/records.csv", views.records_csv_download, name="export_records_csv"),
    path("export/graph.graphml", views.graph_download, name="export_graph"),
]
