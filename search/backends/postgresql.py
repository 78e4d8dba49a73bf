"""Search on PostgreSQL: the generated ``search_vector`` column and its partial GIN indexes
(migration 0002), ``ts_rank`` and ``ts_headline``.

Each clause of the query is a ``phraseto_tsquery`` of each of its phrases, OR-ed; clauses
are AND-ed. ``phraseto_tsquery`` reads any text as words, so nothing a visitor types is an
operator; a prefix and the ranking words go through ``to_tsquery`` but are made of letters
and digits only (``search/query.py``). Every value travels as a query parameter.

The tsquery functions are immutable, so with their arguments known the planner folds them
into constants: it then reads the statistics of the words searched for, and picks the GIN
index for rare words and a plain scan stopping at the cap for words found nearly
everywhere, where reading the index's whole list of matches would cost more.
"""

from django.db import connections, transaction

from search.backends import (
    CANDIDATES,
    Hit,
    HitPage,
    kind_order_sql,
    reading_alias,
    shown_entry_sql,
)
from search.query import Query
from search.snippets import FRAGMENTS, LESS_THAN, START, STOP, from_headline

# Records and passages, each with its partial GIN indexes and its own cap on candidates,
# so that the passages of 100,000 documents never crowd the partners and programmes out.
RECORDS = "e.kind <> 'passage'"
# Passages are read bucket by bucket, each with its own partial GIN index (migration
# 0002): a GIN scan lists every match of the words before the first row comes out, so on
# a word found in most of 100,000 documents the whole index would cost some 50 ms where
# one bucket, usually enough for the candidates, costs a sixteenth of it.
PASSAGE_BUCKETS = 16
CONFIGS = {"fr": "liaison_fr", "en": "liaison_en"}
# No word is too short to be kept at the ends of a fragment (ShortWord=0): the default, 3,
# left "a < b > c" out after a match.
HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, ShortWord=0, "
    f'MaxFragments=2, FragmentDelimiter="{FRAGMENTS}"'
)


def _parameters(query: Query) -> dict:
    phrases = [
        f"{phrase}:*" if clause.prefix else phrase
        for clause in query.clauses
        for phrase in clause.phrases
    ]
    parameters = {f"w{n}": phrase for n, phrase in enumerate(phrases)}
    parameters["ranked_words"] = " | ".join(_ranked_words(query))
    return parameters


def _ranked_words(query: Query) -> list[str]:
    ranked = []
    for clause in query.clauses:
        for phrase in clause.phrases:
            words = phrase.split()
            if clause.prefix:
                words[-1] += ":*"
            ranked += words
    return list(dict.fromkeys(ranked))


def tsquery_sql(query: Query, language: str) -> str:
    config, n, clauses = CONFIGS[language], 0, []
    for clause in query.clauses:
        function = "to_tsquery" if clause.prefix else "phraseto_tsquery"
        alternatives = []
        for _phrase in clause.phrases:
            alternatives.append(f"{function}('{config}', %(w{n})s)")
            n += 1
        clauses.append("(" + " || ".join(alternatives) + ")")
    return "(" + " && ".join(clauses) + ")"


def _rank_tsquery_sql(language: str) -> str:
    # Candidates are ranked with ts_rank (word frequency, names weighted above text)
    # against a plain OR of the query's words: ts_rank_cd against every phrase of a
    # much-expanded query ("OTAN": nine names) costs some 35 µs a row, this about 2 µs.
    return f"to_tsquery('{CONFIGS[language]}', %(ranked_words)s)"


def _by_language(column: str, fr: str, en: str) -> str:
    return f"CASE {column} WHEN 'en' THEN {en} ELSE {fr} END"


def _config_of(column: str) -> str:
    return _by_language(column, f"'{CONFIGS['fr']}'::regconfig", f"'{CONFIGS['en']}'::regconfig")


def _matches(query: Query, alias: str = "e") -> str:
    """The match, one ``@@`` per language, which the GIN indexes answer."""
    fr, en = tsquery_sql(query, "fr"), tsquery_sql(query, "en")
    return (
        f"(({alias}.language = 'fr' AND {alias}.search_vector @@ {fr}) "
        f"OR ({alias}.language = 'en' AND {alias}.search_vector @@ {en}))"
    )


def records_sql(query: Query, kind: str) -> tuple[str, dict]:
    """``SELECT <kind>_id`` of the records of ``kind`` that match."""
    sql = (
        f"SELECT e.{kind}_id FROM search_entry e "
        f"WHERE e.kind = %(kind)s AND {RECORDS} AND {_matches(query)}"
    )
    return sql, {**_parameters(query), "kind": kind}


def passage_documents_sql(query: Query) -> tuple[str, dict]:
    """``SELECT document_id`` of the documents whose current text matches."""
    return _passages(query, "e.document_id"), _parameters(query)


def _passages(query: Query, columns: str) -> str:
    """The matching passages, bucket by bucket, each bucket from its own index."""
    return " UNION ALL ".join(
        f"(SELECT {columns} FROM search_entry e WHERE e.kind = 'passage' "
        f"AND mod(e.id, {PASSAGE_BUCKETS}) = {bucket} AND {_matches(query)})"
        for bucket in range(PASSAGE_BUCKETS)
    )


def _candidates(query: Query) -> str:
    columns = "e.id, e.target, e.kind, e.language, e.search_vector"
    records = f"SELECT {columns} FROM search_entry e WHERE {RECORDS} AND {_matches(query)}"
    return (
        f"({records} LIMIT %(candidates)s) UNION ALL "
        f"(SELECT * FROM ({_passages(query, columns)}) AS passages LIMIT %(candidates)s)"
    )


def page_sql(query: Query) -> str:
    parts = _candidates(query)
    rank = _by_language("language", _rank_tsquery_sql("fr"), _rank_tsquery_sql("en"))
    headline_query = _by_language("e.language", tsquery_sql(query, "fr"), tsquery_sql(query, "en"))
    return f"""
    WITH matches AS MATERIALIZED ({parts}), ranked AS (
        SELECT id, target, kind, language, ts_rank(search_vector, {rank}) AS score
        FROM matches
    ), results AS (
        SELECT DISTINCT ON (target) id, target, kind, language,
               max(score) OVER (PARTITION BY target) AS best
        FROM ranked
        ORDER BY target, (language = %(language)s) DESC, score DESC
    ), page AS (
        SELECT id, target, kind, language, best, count(*) OVER () AS total FROM results
        ORDER BY {kind_order_sql("kind")}, best DESC, id LIMIT %(limit)s OFFSET %(offset)s
    )
    SELECT e.id, page.best, page.total,
           (SELECT max(n) FROM (SELECT count(*) AS n FROM matches
                                GROUP BY kind = 'passage') AS parts)
           >= %(candidates)s,
           ts_headline({_config_of("e.language")}, replace(e.body, '<', %(less_than)s),
                       {headline_query}, %(headline)s),
           e.body
    FROM page {shown_entry_sql("page")}
    ORDER BY {kind_order_sql("page.kind")}, page.best DESC, page.id
    """


def _page_parameters(query: Query, language: str, offset: int, limit: int) -> dict:
    return {
        **_parameters(query),
        "candidates": CANDIDATES,
        "language": language,
        "limit": limit,
        "offset": offset,
        "headline": HEADLINE_OPTIONS,
        "less_than": LESS_THAN,
    }


def _run(sql: str, parameters: dict) -> list[tuple]:
    # No parallel workers: they would each open a bucket of passages at once, doing several
    # times the work one process does when the first bucket holds enough candidates.
    alias = reading_alias()
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        cursor.execute(sql, parameters)
        return cursor.fetchall()


def page(query: Query, language: str, offset: int, limit: int) -> HitPage:
    rows = _run(page_sql(query), _page_parameters(query, language, offset, limit))
    if not rows:
        return HitPage(hits=[], total=0, capped=False)
    hits = [
        Hit(entry_id=row[0], rank=row[1], snippet=from_headline(headline=row[4], body=row[5]))
        for row in rows
    ]
    return HitPage(hits=hits, total=rows[0][2], capped=rows[0][3])


def explain(query: Query, language: str = "fr") -> str:
    """The plan of the search page's query, run (``EXPLAIN ANALYZE``)."""
    sql = "EXPLAIN (ANALYZE, BUFFERS) " + page_sql(query)
    return "\n".join(row[0] for row in _run(sql, _page_parameters(query, language, 0, 20)))
