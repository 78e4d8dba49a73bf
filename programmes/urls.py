from django.urls import path
from django.utils.translation import gettext_lazy as _

from programmes import views

app_name = "programmes"

urlpatterns = [
    path(_("programmes/"), views.programme_list, name="programme_list"),
    path(_("programmes/<slug:slug>/"), views.programme_detail, name="programme_detail"),
]
