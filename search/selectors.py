"""Reads of the search index, shared by the search page and the API's ``?q=``."""

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse

from caching.generation import current
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.selectors import public_citations_in
from search.backends import HitPage, backend, positional
from search.models import Entry
from search.query import Expansions, Query, parse

PAGE_SIZE = 20


def expansions() -> Expansions:
    """Every name of each partner and programme in the index, read again only when the
    content has changed: a search costs one row (the content generation), not one row per
    partner and programme (12,300 at 100 times the seed corpus)."""
    return _expansions(current().token)


@lru_cache(maxsize=2)
def _expansions(generation: str) -> Expansions:
    # Read after the generation: names newer than it are at worst read again, never stale.
    rows = Entry.objects.filter(
        kind__in=[Entry.Kind.PARTNER, Entry.Kind.PROGRAMME], language="fr"
    ).values_list("names", flat=True)
    return Expansions(names.split("\n") for names in rows)


def parse_query(text: str) -> Query:
    """The query for ``text``, acronyms and aliases expanded; ``QueryTooLong`` past
    ``search.query.MAX_LENGTH`` characters."""
    query = parse(text)
    return parse(text, expansions()) if query else query


# The API's ?q= -----------------------------------------------------------------------


def matching_records(queryset: QuerySet, kind: str, query: Query) -> QuerySet:
    """``queryset`` less the records of ``kind`` the query does not find; its ordering is
    untouched. A query without a word finds nothing."""
    if not query:
        return queryset.none()
    sql, parameters = _exact_else_completed(query, lambda q: backend().records_sql(q, kind))
    return queryset.filter(pk__in=RawSQL(sql, parameters))


def matching_documents(queryset: QuerySet, query: Query) -> QuerySet:
    """Documents whose current text the query finds."""
    if not query:
        return queryset.none()
    sql, parameters = _exact_else_completed(query, backend().passage_documents_sql)
    return queryset.filter(pk__in=RawSQL(sql, parameters))


def _exact_else_completed(query: Query, select) -> tuple[str, list]:
    """One subquery: what the words as typed find, or, when they find nothing, what they
    find with the last word taken as the start of a longer one."""
    exact, exact_parameters = positional(*select(query.exact()))
    if not query.completable:
        return exact, exact_parameters
    completed, parameters = positional(*select(query))
    sql = f"{exact} UNION ALL SELECT * FROM ({completed}) AS completed WHERE NOT EXISTS ({exact})"
    return sql, [*exact_parameters, *parameters, *exact_parameters]


# The search page ---------------------------------------------------------------------


@dataclass
class Result:
    kind: str
    entry: Entry
    snippet: str
    url: str = ""
    claims: list = field(default_factory=list)  # a passage: the public claims it supports

    @property
    def record(self):
        return self.entry.record


@dataclass
class Group:
    kind: str
    label: str
    results: list[Result]


@dataclass
class SearchPage:
    query: Query
    page: Page | None = None
    groups: list[Group] = field(default_factory=list)
    total: int = 0
    capped: bool = False


def search_page(text: str, language: str, page_number=None) -> SearchPage:
    """One page of results for ``text``: records by relevance, whatever their kind, then
    passages; grouped by kind, the group of the best result first. A fixed number of
    queries, whatever the number of results."""
    query = parse_query(text)
    if not query:
        return SearchPage(query=query)
    query, hits, number = _hits(query, language, _page_number(page_number))
    entries = _entries([hit.entry_id for hit in hits.hits])
    results = [
        Result(kind=entries[hit.entry_id].kind, entry=entries[hit.entry_id], snippet=hit.snippet)
        for hit in hits.hits
    ]
    _link(results)
    groups: dict[str, list[Result]] = {}
    for result in results:
        groups.setdefault(result.kind, []).append(result)
    return SearchPage(
        query=query,
        page=Paginator(range(hits.total), PAGE_SIZE).page(number) if hits.total else None,
        groups=[Group(kind, Entry.Kind(kind).label, found) for kind, found in groups.items()],
        total=hits.total,
        capped=hits.capped,
    )


def _hits(query: Query, language: str, number: int) -> tuple[Query, HitPage, int]:
    """The page asked for, else the first (as Django's ``Paginator.get_page``), of what the
    words as typed find, else of what they find with the last word taken as the start of a
    longer one. Most searches take one query; one finding nothing takes a few cheap ones."""
    tried = [query.exact(), query] if query.completable else [query.exact()]
    for candidate in tried:
        for page in dict.fromkeys((number, 1)):
            hits = backend().page(candidate, language, (page - 1) * PAGE_SIZE, PAGE_SIZE)
            if hits.hits:
                return candidate, hits, page
    return tried[0], hits, 1


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _entries(ids: list[int]) -> dict[int, Entry]:
    # Documents and versions are prefetched by primary key rather than joined: joined, the
    # planner may hash the whole documents table to pick twenty of its rows.
    entries = (
        Entry.objects.filter(pk__in=ids)
        .select_related(
            "partner",
            "programme",
            "relationship__subject",
            "relationship__counterpart",
            "event__relationship",
        )
        .prefetch_related(
            Prefetch("document", SourceDocument.objects.select_related("publisher")),
            Prefetch("version", DocumentVersion.objects.defer(*DocumentVersion.TEXTS)),
        )
        .defer("title_terms", "body_terms")
    )
    return {entry.pk: entry for entry in entries}


def _link(results: list[Result]) -> None:
    """Give each result its URL, and each passage the claims it supports."""
    passages = [result for result in results if result.kind == Entry.Kind.PASSAGE]
    citations = _citations_of(passages)
    for result in results:
        entry = result.entry
        if result.kind != Entry.Kind.PASSAGE:
            result.url = entry.record.get_absolute_url()
            continue
        inside = [c for c in citations if c.version_id == entry.version_id]
        inside = [c for c in inside if c.start < entry.end and c.end > entry.start]
        result.claims = list({id(c.claim): c.claim for c in inside}.values())
        page = reverse("documents:version_detail", args=[entry.document.slug, entry.version.number])
        result.url = page + (f"#{inside[0].anchor_id}" if inside else _text_fragment(entry.body))


def _citations_of(passages: list[Result]) -> list[Citation]:
    """The public's citations in the versions of ``passages``, each with its claim."""
    if not passages:
        return []
    versions = {result.entry.version_id for result in passages}
    return public_citations_in(versions)


def _text_fragment(text: str, words: int = 8) -> str:
    """A link to the passage's first words where no citation anchors it (browsers that
    support text fragments scroll to it)."""
    start = " ".join(text.split()[:words])
    return "#:~:text=" + quote(start, safe="")
