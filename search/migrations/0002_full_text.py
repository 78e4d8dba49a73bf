"""The full-text index of ``search_entry``, in the database's own way.

PostgreSQL: the ``unaccent`` extension; text search configurations ``liaison_fr`` and
``liaison_en`` (copies of ``french`` and ``english`` whose words go through ``unaccent``
before the Snowball stemmer); a generated ``search_vector`` column (names weighted A, text
B, in the configuration of the entry's language) and its GIN indexes.

Passages are indexed in 16 buckets (by id), each with its partial GIN index.

SQLite: two FTS5 tables (passages; records) over the stems computed in Python
(``search/text.py``), with the entries table as their content, kept in step by triggers.
"""

from django.db import migrations

BUCKETS = 16  # as search.backends.postgresql.PASSAGE_BUCKETS

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *(
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
                CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base});
                ALTER TEXT SEARCH CONFIGURATION {name}
                    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, {base}_stem;
            END IF;
        END $$
        """
        for name, base in (("liaison_fr", "french"), ("liaison_en", "english"))
    ),
    """
    ALTER TABLE search_entry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(
            CASE language WHEN 'en' THEN 'liaison_en'::regconfig ELSE 'liaison_fr'::regconfig END,
            title), 'A')
        || setweight(to_tsvector(
            CASE language WHEN 'en' THEN 'liaison_en'::regconfig ELSE 'liaison_fr'::regconfig END,
            body), 'B')
    ) STORED
    """,
    # Records and passages apart: a search for partners never wades through the passages
    # of 100,000 documents that match the same word.
    "CREATE INDEX search_entry_records_vector ON search_entry USING gin (search_vector) "
    "WHERE kind <> 'passage'",
    # Passages in buckets (search/backends/postgresql.py): a search reads them bucket by
    # bucket and stops once it has its candidates, so a word found in most passages costs
    # the reading of one bucket's matches, not of all of them.
    *(
        f"CREATE INDEX search_entry_passages_{bucket} ON search_entry "
        f"USING gin (search_vector) WHERE kind = 'passage' AND mod(id, {BUCKETS}) = {bucket}"
        for bucket in range(BUCKETS)
    ),
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_entry_records_vector",
    *(f"DROP INDEX IF EXISTS search_entry_passages_{bucket}" for bucket in range(BUCKETS)),
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS liaison_fr",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS liaison_en",
]

# Records and passages in two FTS5 tables, as in two indexes on PostgreSQL.
FTS_TABLES = {"search_entry_fts": "kind = 'passage'", "search_record_fts": "kind <> 'passage'"}


def _fts_statements():
    for table, condition in FTS_TABLES.items():
        new, old = condition.replace("kind", "new.kind"), condition.replace("kind", "old.kind")
        yield (
            f"CREATE VIRTUAL TABLE {table} USING fts5("
            "title_terms, body_terms, content='search_entry', content_rowid='id')"
        )
        insert = (
            f"INSERT INTO {table} (rowid, title_terms, body_terms) "
            f"SELECT new.id, new.title_terms, new.body_terms WHERE {new};"
        )
        delete = (
            f"INSERT INTO {table} ({table}, rowid, title_terms, body_terms) "
            f"SELECT 'delete', old.id, old.title_terms, old.body_terms WHERE {old};"
        )
        yield f"CREATE TRIGGER {table}_insert AFTER INSERT ON search_entry BEGIN {insert} END"
        yield f"CREATE TRIGGER {table}_delete AFTER DELETE ON search_entry BEGIN {delete} END"
        yield (
            f"CREATE TRIGGER {table}_update AFTER UPDATE ON search_entry "
            f"BEGIN {delete} {insert} END"
        )


SQLITE = [
    *_fts_statements(),
    # SQLite does not use the partial index of the table of names (search/models.py) for a
    # query whose values are bound parameters, as Django's are: a plain one for the names.
    "CREATE INDEX search_entry_kind_language ON search_entry (kind, language)",
]
SQLITE_REVERSE = [
    "DROP INDEX IF EXISTS search_entry_kind_language",
    *(
        statement
        for table in FTS_TABLES
        for statement in (
            f"DROP TRIGGER IF EXISTS {table}_update",
            f"DROP TRIGGER IF EXISTS {table}_delete",
            f"DROP TRIGGER IF EXISTS {table}_insert",
            f"DROP TABLE IF EXISTS {table}",
        )
    ),
]

STATEMENTS = {"postgresql": (POSTGRESQL, POSTGRESQL_REVERSE), "sqlite": (SQLITE, SQLITE_REVERSE)}


def run(direction: int):
    def operation(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor)
        for statement in statements[direction] if statements else ():
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(0), run(1))]
