"""Search on SQLite: the FTS5 tables ``search_entry_fts`` (passages) and
``search_record_fts`` (records) over stems computed in Python (migration 0002,
``search/text.py``), ``bm25`` for relevance, snippets highlighted in Python on the same
stems.

The query is folded and stemmed like the text, per language, and every phrase goes to
FTS5 in double quotes: stems are letters and digits only, so nothing a visitor types
reaches FTS5 as syntax.
"""

from django.db import connections

from search.backends import (
    CANDIDATES,
    Hit,
    HitPage,
    kind_order_sql,
    reading_alias,
    shown_entry_sql,
)
from search.query import Query
from search.snippets import PREFIX, highlight
from search.text import terms

# As on PostgreSQL, records and passages apart: one FTS5 table each (migration 0002), each
# with its own cap on candidates.
RECORDS, PASSAGES = "search_record_fts", "search_entry_fts"
LANGUAGES = ("fr", "en")
TITLE_WEIGHT = 4.0  # bm25 weight of names and titles against 1.0 for the text


def fts_expression(query: Query, language: str) -> str:
    clauses = []
    for clause in query.clauses:
        phrases = [" ".join(terms(phrase, language)) for phrase in clause.phrases]
        star = " *" if clause.prefix else ""
        alternatives = [f'"{phrase}"{star}' for phrase in phrases if phrase]
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def phrases(query: Query, language: str) -> set[tuple[str, ...]]:
    """Every phrase of the query as a run of stems, for highlighting."""
    runs = set()
    for clause in query.clauses:
        for phrase in clause.phrases:
            run = tuple(terms(phrase, language))
            if run and clause.prefix:
                run = (*run[:-1], run[-1] + PREFIX)
            if run:
                runs.add(run)
    return runs


def _parameters(query: Query) -> dict:
    return {f"match_{language}": fts_expression(query, language) for language in LANGUAGES}


def _parts(table: str, columns: str, tail: str = "") -> list[str]:
    """Entries of ``table`` that match in their own language, one SELECT per language
    (FTS5 finds the rows, then the language says which stems the row was indexed with)."""
    return [
        f"SELECT {columns} FROM {table} JOIN search_entry e ON e.id = {table}.rowid "
        f"WHERE {table} MATCH %(match_{language})s AND e.language = '{language}' {tail}"
        for language in LANGUAGES
    ]


def _matching(table: str, columns: str, tail: str = "") -> str:
    return " UNION ALL ".join(_parts(table, columns, tail))


def _capped(table: str, columns: str) -> str:
    return " UNION ALL ".join(
        f"SELECT * FROM ({part} LIMIT %(candidates)s)" for part in _parts(table, columns)
    )


def records_sql(query: Query, kind: str) -> tuple[str, dict]:
    sql = _matching(RECORDS, f"e.{kind}_id", "AND e.kind = %(kind)s")
    return sql, {**_parameters(query), "kind": kind}


def passage_documents_sql(query: Query) -> tuple[str, dict]:
    return _matching(PASSAGES, "e.document_id"), _parameters(query)


def page_sql() -> str:
    def columns(table):
        score = f"-bm25({table}, {TITLE_WEIGHT}, 1.0)"
        return f"e.id, e.target, e.kind, e.language, {score} AS score"

    parts = " UNION ALL ".join(_capped(table, columns(table)) for table in (RECORDS, PASSAGES))
    return f"""
    WITH matches AS MATERIALIZED ({parts}    ), ranked AS (
        SELECT id, target, kind, language, max(score) OVER (PARTITION BY target) AS best,
               row_number() OVER (
                   PARTITION BY target ORDER BY language = %(language)s DESC, score DESC
               ) AS preference
        FROM matches
    )
    SELECT e.id, r.best, count(*) OVER (),
           (SELECT max(n) FROM (SELECT count(*) AS n FROM matches GROUP BY kind = 'passage'))
           >= %(candidates)s,
           e.body, e.language
    FROM ranked r {shown_entry_sql("r")}
    WHERE r.preference = 1
    ORDER BY {kind_order_sql("r.kind")}, r.best DESC, r.id
    LIMIT %(limit)s OFFSET %(offset)s
    """


def page(query: Query, language: str, offset: int, limit: int) -> HitPage:
    parameters = {
        **_parameters(query),
        "candidates": CANDIDATES,
        "language": language,
        "limit": limit,
        "offset": offset,
    }
    with connections[reading_alias()].cursor() as cursor:
        cursor.execute(page_sql(), parameters)
        rows = cursor.fetchall()
    if not rows:
        return HitPage(hits=[], total=0, capped=False)
    phrases_by_language = {lang: phrases(query, lang) for lang in LANGUAGES}
    hits = [
        Hit(entry_id=id_, rank=rank, snippet=highlight(body, phrases_by_language[lang], lang))
        for id_, rank, _total, _capped, body, lang in rows
    ]
    return HitPage(hits=hits, total=rows[0][2], capped=bool(rows[0][3]))


def explain(query: Query, language: str = "fr") -> str:
    """SQLite's plan of the search page's query (``EXPLAIN QUERY PLAN``)."""
    parameters = {
        **_parameters(query),
        "candidates": CANDIDATES,
        "language": language,
        "limit": 20,
        "offset": 0,
    }
    with connections[reading_alias()].cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + page_sql(), parameters)
        return "\n".join(f"{row[0]:>4} {row[1]:>4} {row[3]}" for row in cursor.fetchall())
