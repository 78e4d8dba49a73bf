from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.selectors import document_list
from partners.selectors import partner_list, relationship_list
from programmes.selectors import public_programmes

#: Page URLs per sitemap file (each page counted once per language): search engines read up
#: to 50,000, but a smaller file is cheaper to make, to keep in the cache and to send again.
SITEMAP_LIMIT = 5000


class PublicSitemap(Sitemap):
    """Every public page in French and English, each with its hreflang alternates; past
    ``SITEMAP_LIMIT`` URLs, a kind of page is split into files (``?p=2``…) that the index
    (``/sitemap.xml``) lists."""

    i18n = True
    alternates = True
    x_default = True
    limit = SITEMAP_LIMIT


class StaticPagesSitemap(PublicSitemap):
    priority = 0.6

    def items(self):
        return [
            "home",
            "partners:relationship_list",
            "partners:partner_list",
            "programmes:programme_list",
            "documents:document_list",
        ]

    def location(self, item):
        return reverse(item)


class RelationshipSitemap(PublicSitemap):
    priority = 1.0

    def items(self):
        return relationship_list()


class PartnerSitemap(PublicSitemap):
    def items(self):
        return partner_list()


class ProgrammeSitemap(PublicSitemap):
    def items(self):
        return public_programmes().order_by("slug")


class DocumentSitemap(PublicSitemap):
    def items(self):
        return document_list().order_by("slug")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "relationships": RelationshipSitemap,
    "partners": PartnerSitemap,
    "programmes": ProgrammeSitemap,
    "documents": DocumentSitemap,
}
