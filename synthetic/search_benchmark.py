"""The search benchmark (``manage.py bench_search``): a corpus of synthetic source documents
loaded fast, and the latency of varied queries through the search page's own code path."""

import statistics
import time
from dataclasses import dataclass
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from documents.models import DocumentVersion, SourceDocument
from partners.models import Partner
from search.indexing import BATCH, passage_entries
from search.models import Entry
from search.selectors import search_page
from synthetic.prose import generate, vocabulary

COMMON = [
    "coopération", "cooperation", "sécurité", "securite", "défense", "partenariat",
    "dialogue", "OTAN", "Serbie", "formation", "security", "partnership", "training",
    "NATO", "Ukraine", "Bélarus", "belarus", "BIÉLORUSSIE", "Biélorussie", "Géorgie",
    "Moldova", "munitions", "terrorisme", "terrorism", "frontières",
]  # fmt: skip
ACRONYMS = ["PPP", "PfP", "KFOR", "CPEA", "EAPC", "IPAP", "SPS", "PARP", "OSCE", "ONU"]
PHRASES = [
    '"mines antipersonnel"', "mines antipersonnel", "gestion des crises",
    '"crisis management"', "destruction mines", '"Partenariat pour la paix"',
    "Partnership for Peace", "sécurité énergétique", "energy security", "réforme défense",
    "OTAN Serbie", "NATO Ukraine", "cyberdéfense 2012", "partenariats sécurité",
    "partnerships training",
]  # fmt: skip
NO_HIT = ["zzqxv", "xylophonique", "quetzalcoatl", "Zanzibar"]


def queries(count: int = 200, seed: int = 0) -> list[str]:
    """``count`` varied queries: common and rare words, phrases, accents or none, French
    and English, acronyms, and words found nowhere."""
    rare = [
        word
        for fr, en in zip(vocabulary("fr", seed=seed), vocabulary("en", seed=seed), strict=True)
        for word in (fr, en)
    ]
    pool = [*COMMON, *ACRONYMS, *PHRASES, *NO_HIT]
    ranks = range(10, len(rare), max(1, len(rare) // max(1, count - len(pool))))
    pool += [rare[rank] for rank in ranks]  # from frequent to very rare made-up words
    pool += [f"{rare[rank]} {COMMON[rank % len(COMMON)]}" for rank in ranks]
    return list(islice(pool, count))


@dataclass
class Load:
    documents: int
    entries: int
    seconds: float


def load_documents(count: int, seed: int = 0, publisher: Partner | None = None) -> Load:
    """Store ``count`` synthetic documents with a current version each, and index them
    with the indexing code of ``search/indexing.py``, in batches of bulk inserts."""
    started = time.perf_counter()
    publisher = (
        publisher
        or Partner.objects.get_or_create(
            slug="synthetic-publisher",
            defaults={"kind": Partner.Kind.OTHER, "name_fr": "Éditeur", "name_en": "Publisher"},
        )[0]
    )
    documents = generate(count, seed=seed)
    entries = 0
    with dropped_full_text_indexes():
        while batch := list(islice(documents, BATCH)):
            entries += _store(batch, publisher)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_entry")
    return Load(documents=count, entries=entries, seconds=time.perf_counter() - started)


@transaction.atomic
def _store(batch, publisher) -> int:
    documents = SourceDocument.objects.bulk_create(
        SourceDocument(
            slug=synthetic.slug,
            title_fr=synthetic.title,
            title_en=synthetic.title,
            language=synthetic.language,
            kind=SourceDocument.Kind.WEB_PAGE,
            publisher=publisher,
        )
        for synthetic in batch
    )
    versions = DocumentVersion.objects.bulk_create(
        DocumentVersion(
            document=document,
            number=1,
            text=synthetic.text,
            sha256=DocumentVersion.hash_text(synthetic.text),
            is_current=True,
            status=DocumentVersion.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for document, synthetic in zip(documents, batch, strict=True)
    )
    entries = []
    for version in versions:
        entries += passage_entries(version)
    Entry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


class dropped_full_text_indexes:
    """On PostgreSQL, the GIN indexes of the entries are dropped during a bulk load and
    built again after it, from their own definitions: much faster than keeping them up to
    date row by row."""

    def __enter__(self):
        self.definitions = []
        if connection.vendor != "postgresql":
            return self
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE tablename = 'search_entry' AND indexdef LIKE '%%USING gin%%'"
            )
            self.definitions = cursor.fetchall()
            for name, _definition in self.definitions:
                cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc_info):
        with connection.cursor() as cursor:
            if self.definitions:
                # Foreign keys are checked at commit; an index is not built on a table
                # with checks pending (within an outer transaction, as in the tests).
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in self.definitions:
                cursor.execute(definition)
        return False


@dataclass
class Latencies:
    milliseconds: list[float]

    def percentile(self, p: float) -> float:
        ordered = sorted(self.milliseconds)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    @property
    def summary(self) -> str:
        return (
            f"p50 {self.percentile(50):.1f} ms · p95 {self.percentile(95):.1f} ms · "
            f"p99 {self.percentile(99):.1f} ms · max {max(self.milliseconds):.1f} ms · "
            f"mean {statistics.fmean(self.milliseconds):.1f} ms"
        )


def measure(texts: list[str], language: str = "fr") -> Latencies:
    """Wall time of the first page of results of each query, as the search page gets it:
    expansion, matching, ranking, counting, snippets, records and claims."""
    times = []
    for text in texts:
        started = time.perf_counter()
        page = search_page(text, language)
        [result.snippet for group in page.groups for result in group.results]
        times.append((time.perf_counter() - started) * 1000)
    return Latencies(times)
