from django.urls import path
from django.utils.translation import gettext_lazy as _

from partners import views

app_name = "partners"

urlpatterns = [
    path(_("network/"), views.network, name="network"),
    path(_("partners/"), views.partner_list, name="partner_list"),
    path(_("partners/<slug:slug>/"), views.partner_detail, name="partner_detail"),
    path(_("relationships/"), views.relationship_list, name="relationship_list"),
    path(_("relationships/<slug:slug>/"), views.relationship_detail, name="relationship_detail"),
]
