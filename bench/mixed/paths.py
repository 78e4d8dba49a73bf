"""Every public address of a database, for the mixed load to draw from.

The pages in both languages — each relationship, partner, programme and document page and
the lists (the sitemaps' items: ``web.sitemaps``) — and the read API: each resource's list
and the detail of each record it lists. ``ordered`` shuffles them with a fixed seed, so that
the Zipf ranks (the most asked first) fall on every kind of page, the same at every run.

    python -m bench.mixed.paths FILE   (with the database's environment) writes FILE
"""

import random
import sys
from pathlib import Path

LANGUAGES = ("fr", "en")
# The API's resources (api/urls.py): basename, and the field its detail address names.
API_RESOURCES = {
    "partner": "slug",
    "relationship": "slug",
    "event": "slug",
    "programme": "slug",
    "participation": "pk",
    "document": "slug",
    "version": "pk",
    "citation": "pk",
}
SEED = 23


def ordered(paths, seed: int = SEED) -> list[str]:
    """The distinct paths, in an order fixed by ``seed`` alone (not by the order given)."""
    unique = sorted(set(paths))
    random.Random(seed).shuffle(unique)
    return unique


def page_paths() -> list[str]:
    from django.utils import translation

    from web.sitemaps import SITEMAPS

    paths = []
    for language in LANGUAGES:
        with translation.override(language):
            for sitemap_class in SITEMAPS.values():
                sitemap = sitemap_class()
                paths += [sitemap.location(item) for item in sitemap.items()]
    return paths


def api_paths() -> list[str]:
    from django.urls import reverse

    from api.urls import router

    paths = []
    for _prefix, viewset_class, basename in router.registry:
        field = API_RESOURCES[basename]
        paths.append(reverse(f"api:{basename}-list"))
        viewset = viewset_class(action="retrieve", request=None, format_kwarg=None)
        for value in viewset.get_queryset().values_list(field, flat=True):
            paths.append(reverse(f"api:{basename}-detail", kwargs={field: value}))
    return paths


def public_paths() -> list[str]:
    return ordered([*page_paths(), *api_paths()])


def main(argv: list[str]) -> int:
    import django

    django.setup()
    paths = public_paths()
    Path(argv[0]).write_text("\n".join(paths) + "\n")
    print(len(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
