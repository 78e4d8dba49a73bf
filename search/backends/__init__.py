"""The database's full-text search behind one interface.

``match_sql(query)`` is a self-contained ``SELECT id FROM search_entry …`` of the entries
that match; ``page(query, language, offset, limit)`` runs the search page's one query: the
matching results (a record's French and English entries count once), ordered by kind then
relevance, with the number of results and a highlighted snippet for the rows asked for.
"""

import re
from dataclasses import dataclass

from django.db import connections, router

# Work is bounded whatever the query: at most CANDIDATES matching records and as many
# matching passages are ranked and counted (the database stops reading matches there),
# so a word found in most of 100,000 documents costs about what a rarer one costs. The
# price: past that many, results are ranked among the first matches found, and the count
# says "more than". 300 keeps p95 under 50 ms at 100,000 documents on two cores (1,000
# about doubles the database's share of the time); that is 15 pages of results.
CANDIDATES = 300


@dataclass
class Hit:
    entry_id: int
    rank: float
    snippet: str  # HTML, already escaped, with <mark> around matching words


@dataclass
class HitPage:
    hits: list[Hit]
    total: int
    capped: bool  # there are more than ``total`` results


def kind_order_sql(column: str) -> str:
    """Records before passages; among records, relevance decides, whatever their kind (for
    "PPP", the Partnership for Peace before a partner whose text mentions it)."""
    return f"CASE WHEN {column} = 'passage' THEN 1 ELSE 0 END"


def shown_entry_sql(page: str) -> str:
    """Joins ``e``, the entry a result of ``page`` shows: for a record, its entry in the
    reader's language (``%(language)s``) whichever of its entries matched, so that an English
    page never shows a record's French text; for a passage, its own (in its document's
    language)."""
    return (
        f"LEFT JOIN search_entry own ON own.target = {page}.target "
        f"AND own.language = %(language)s AND {page}.kind <> 'passage' "
        f"JOIN search_entry e ON e.id = COALESCE(own.id, {page}.id)"
    )


def reading_alias() -> str:
    """The database this request reads the index from (a replica for the public, if any),
    the one the ORM then loads the hits' entries from."""
    from search.models import Entry

    return router.db_for_read(Entry)


def backend():
    if connections[reading_alias()].vendor == "postgresql":
        from search.backends import postgresql

        return postgresql
    from search.backends import sqlite

    return sqlite


NAMED_PARAMETER = re.compile(r"%\((\w+)\)s")


def positional(sql: str, parameters: dict) -> tuple[str, list]:
    """``sql`` with ``%(name)s`` placeholders as ``%s`` and its parameters in order, to be
    embedded in an ORM query (``RawSQL``), whose parameters are positional."""
    names = NAMED_PARAMETER.findall(sql)
    return NAMED_PARAMETER.sub("%s", sql), [parameters[name] for name in names]
