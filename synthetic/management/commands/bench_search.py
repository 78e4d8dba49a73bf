from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from documents.models import SourceDocument
from documents.seeding import load_seed
from search.backends import backend
from search.selectors import parse_query
from synthetic import search_benchmark

TARGET_P95_MS = 50


class Command(BaseCommand):
    help = (
        "Benchmark search: load the seed corpus and N synthetic source documents into an "
        "empty database, run varied queries through the search page's code path, report "
        "p50/p95/p99 latency and the plan of a representative query. Run it on a throw-away "
        "database (make bench does)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=100_000)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--rounds", type=int, default=2, help="Passes over the queries.")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--explain", default="coopération", help="The query whose plan is printed."
        )

    def handle(self, *args, documents, queries, rounds, seed, explain, **options):
        if SourceDocument.objects.exists():
            raise CommandError(
                "The database already holds source documents: run the benchmark on an empty, "
                "throw-away database (see README, Search)."
            )
        write = self.stdout.write
        write(f"Database: {connection.vendor}. Loading the seed corpus…")
        load_seed()
        load = search_benchmark.load_documents(documents, seed=seed)
        write(
            f"Loaded {load.documents} synthetic documents ({load.entries} search entries) "
            f"in {load.seconds:.1f} s."
        )
        texts = search_benchmark.queries(queries, seed=seed)
        for number in range(1, rounds + 1):
            latencies = search_benchmark.measure(texts)
            write(f"Round {number}, {len(texts)} queries: {latencies.summary}")
        verdict = "met" if latencies.percentile(95) < TARGET_P95_MS else "MISSED"
        write(f"Target p95 < {TARGET_P95_MS} ms: {verdict} (last round).")
        write(f"\nPlan of the search page's query for {explain!r}:\n")
        write(backend().explain(parse_query(explain).exact()))
