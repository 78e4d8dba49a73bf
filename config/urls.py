from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from caching.pages import public_page
from opendata.views import data_page
from partners.views import home
from web import views
from web.feeds import ChangesFeed
from web.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    # An index of one sitemap a kind of page, each in files of at most SITEMAP_LIMIT URLs.
    path(
        "sitemap.xml",
        public_page(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemaps.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("api/v1/", include("api.urls")),
]

# Public pages live under /fr/ and /en/; "/" redirects by Accept-Language.
# Path words are translated (/fr/relations/…, /en/relationships/…); slugs are the same
# in both languages, so a page keeps its slug when the visitor switches language.
urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("partners.urls")),
    path("", include("programmes.urls")),
    path("", include("documents.urls")),
    path("", include("search.urls")),
    path("", include("editorial.urls")),
    path(_("data/"), data_page, name="data"),
    path(_("changes.atom"), public_page(ChangesFeed()), name="changes_feed"),
)

# Benchmarks only (LIAISON_BENCHMARK=1, `make bench`): the bare baseline page.
if settings.BENCHMARK:
    urlpatterns += [path("bench/", include("web.benchmark"))]
