"""What is measured, on which server run, and the budgets (docs/DESIGN.md §8).

Two server runs per database and scale, each measuring the baseline first: ``uncached``
(``DJANGO_PAGE_CACHE_SECONDS=0``: every page is rendered; the baseline measured again at its
end) and ``cached`` (the production default). Every ratio is to the baseline of the same run
(the mean of its baseline measures). Records are from the seed corpus,
which every scale contains.
"""

from dataclasses import dataclass

UNCACHED, CACHED = "uncached", "cached"


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    path: str
    run: str  # UNCACHED or CACHED
    target: float | None = None  # least throughput, as a fraction of the baseline's
    # The same records shown at every scale (the seed's): its queries per request must be
    # the same. Search results change with the data, and with them the kinds of records
    # loaded (a query a kind): its queries must only never grow.
    same_records_at_every_scale: bool = True

    @property
    def is_baseline(self) -> bool:
        return self.key.startswith("baseline")


BASELINE_PATH = "/bench/baseline/"

ENDPOINTS = [
    Endpoint("baseline", "baseline (constant page)", BASELINE_PATH, UNCACHED),
    Endpoint(
        "relationship-uncached",
        "relationship page, uncached",
        "/fr/relations/nato-serbia/",
        UNCACHED,
        target=0.25,
    ),
    Endpoint("document", "document page", "/fr/documents/nato-relations-serbia/", UNCACHED),
    Endpoint("programme", "programme page", "/fr/programmes/pfp/", UNCACHED),
    Endpoint(
        "search",
        "search page",
        "/fr/recherche/?q=partenariat",
        UNCACHED,
        same_records_at_every_scale=False,
    ),
    Endpoint(
        "api-list",
        "API list, 100 participations with sources, uncached",
        "/api/v1/participations/?page_size=100",
        UNCACHED,
    ),
    Endpoint(
        "api-detail", "API detail (relationship)", "/api/v1/relationships/nato-serbia/", UNCACHED
    ),
    # Again at the end of the run: the run's baseline is the mean of both, and a machine
    # that got busier or quieter meanwhile shows as the two differing.
    Endpoint("baseline-end", "baseline (constant page), again", BASELINE_PATH, UNCACHED),
    Endpoint("baseline-cached", "baseline (constant page)", BASELINE_PATH, CACHED),
    Endpoint(
        "relationship-cached",
        "relationship page, cached",
        "/fr/relations/nato-serbia/",
        CACHED,
        target=0.85,
    ),
    # The API as deployed: answers kept in the cache (after the throttle and the checks).
    Endpoint(
        "api-list-cached",
        "API list, 100 participations with sources, cached",
        "/api/v1/participations/?page_size=100",
        CACHED,
        target=0.20,
    ),
]

BY_KEY = {endpoint.key: endpoint for endpoint in ENDPOINTS}


def of_run(run: str) -> list[Endpoint]:
    return [endpoint for endpoint in ENDPOINTS if endpoint.run == run]
