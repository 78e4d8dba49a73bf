"""The mixed benchmark's plain parts (bench/mixed/): the Zipf draws, the list of public
addresses, the curator's edits, the cache-share instrument, the report's figures and
budgets. The real run is `make bench-mixed`."""

import json
import random
from collections import Counter

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from bench.mixed import curator, paths, report, zipf
from bench.mixed.__main__ import arguments
from bench.pages import wrk
from web.cache_share import CountedTemplates
from web.cache_share import Middleware as CacheShareMiddleware

MIXED_OUTPUT = """Running 30s test @ http://127.0.0.1:40000
BENCH-SUMMARY {"duration_us": 30000000, "requests": 6000, "bytes": 300000000, \
"latency_us": {"mean": 4000.0, "p50": 2000, "p90": 8000, "p99": 45000, "max": 90000}, \
"errors": {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}, \
"answers": {"counted": 6000, "from_cache": 5700, "queries": 9000, "not_ok": 0, \
"without_queries": 0}}
"""


# Zipf -------------------------------------------------------------------------------------


def test_zipf_cumulative_rises_to_exactly_one():
    cdf = zipf.cumulative(1000)
    assert all(a < b for a, b in zip(cdf, cdf[1:], strict=False))
    assert cdf[-1] == 1.0


def test_zipf_with_exponent_one_gives_rank_k_a_share_in_one_over_k():
    cdf = zipf.cumulative(3)
    first, second, third = cdf[0], cdf[1] - cdf[0], cdf[2] - cdf[1]
    assert first == pytest.approx(1 / (1 + 1 / 2 + 1 / 3))
    assert (second / first, third / first) == pytest.approx((1 / 2, 1 / 3))


def test_a_draw_falls_on_a_rank_between_the_first_and_the_last():
    cdf = zipf.cumulative(50)
    assert zipf.rank_of(cdf, 0.0) == 1
    assert zipf.rank_of(cdf, 0.999999999) == 50
    assert zipf.rank_of(cdf, cdf[4]) == 6  # P(rank ≤ 5) = u: not rank 5, the next


def test_draws_ask_the_first_ranks_most_and_every_rank_some_time():
    cdf, uniform = zipf.cumulative(20), random.Random(1)
    draws = Counter(zipf.rank_of(cdf, uniform.random()) for _ in range(50_000))
    assert set(draws) == set(range(1, 21))
    assert draws[1] > draws[2] > draws[5] > draws[20]
    assert draws[1] / 50_000 == pytest.approx(cdf[0], rel=0.05)


def test_top_share_and_addresses_for_share_agree():
    count = 50_000
    half = zipf.addresses_for_share(count, 0.5)
    assert zipf.top_share(count, half) >= 0.5 > zipf.top_share(count, half - 1)
    assert zipf.top_share(count, count) == 1.0


def test_zipf_of_no_address_is_refused():
    with pytest.raises(ValueError):
        zipf.cumulative(0)


# Addresses ---------------------------------------------------------------------------------


def test_addresses_are_distinct_and_ordered_by_the_seed_alone():
    addresses = [f"/fr/partenaires/p{number}/" for number in range(100)]
    shuffled = paths.ordered(addresses)
    assert sorted(shuffled) == sorted(addresses)
    assert paths.ordered(reversed(addresses + addresses)) == shuffled
    assert paths.ordered(addresses, seed=1) != shuffled


@pytest.mark.django_db
def test_every_public_page_in_both_languages_and_every_api_answer_is_listed(seeded):
    from documents.models import Citation
    from partners.models import Relationship

    listed = paths.public_paths()
    assert len(listed) == len(set(listed))
    for page in ("/fr/relations/nato-serbia/", "/en/relationships/nato-serbia/"):
        assert page in listed
    for page in ("/fr/", "/en/", "/fr/partenaires/", "/en/programmes/", "/fr/documents/"):
        assert page in listed
    assert "/fr/programmes/pfp/" in listed and "/en/documents/nato-relations-serbia/" in listed
    for resource in paths.API_RESOURCES:
        assert f"/api/v1/{resource}s/" in listed
    assert "/api/v1/relationships/nato-serbia/" in listed
    relationships = Relationship.objects.count()
    assert sum(path.startswith("/fr/relations/") for path in listed) == relationships + 1
    citations = [path for path in listed if path.startswith("/api/v1/citations/")]
    assert len(citations) <= Citation.objects.count() + 1


# Curator -----------------------------------------------------------------------------------


def test_an_edit_replaces_the_previous_one_so_texts_never_grow():
    once = curator.edited_text("Un résumé.", 1)
    twice = curator.edited_text(once, 2)
    assert once == f"Un résumé. {curator.MARKER}1]"
    assert twice == f"Un résumé. {curator.MARKER}2]"


@pytest.mark.django_db(transaction=False)
def test_edits_spread_over_every_kind_of_public_record_and_are_found_afterwards(seeded):
    records = curator.public_records()
    kinds = {model.__name__ for model, _pk in records}
    assert kinds == {name for _app, name in curator.EDITED_FIELDS}
    assert len(records) == len(set(records))
    model, pk = next((model, pk) for model, pk in records if model.__name__ == "Participation")
    curator.edit(model, pk, 7)
    found = curator.changed_records()
    assert found["Participation"] == [pk]
    assert not any(pks for name, pks in found.items() if name != "Participation")


def test_curator_rate_is_zero_or_more(capsys):
    with pytest.raises(SystemExit):
        arguments(["--writes-per-second", "-1"])
    assert arguments(["--writes-per-second", "0"]).writes_per_second == 0


def test_a_run_without_curator_says_so():
    assert report.writes_line(None) == "none (no curator)"


# Cache share -------------------------------------------------------------------------------


@pytest.fixture
def request_factory():
    return RequestFactory()


def test_an_answer_that_rendered_nothing_is_marked_from_the_cache(request_factory):
    middleware = CacheShareMiddleware(lambda request: HttpResponse("stored"))
    assert middleware(request_factory.get("/"))["X-From-Cache"] == "1"


def test_an_answer_that_rendered_a_template_is_not_from_the_cache(settings, request_factory):
    backend = f"{CountedTemplates.__module__}.CountedTemplates"
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "BACKEND": backend}]
    from django.template import engines

    def view(request):
        template = engines.all()[0].from_string("<p>{{ word }}</p>")
        return HttpResponse(template.render({"word": "made"}, request))

    response = CacheShareMiddleware(view)(request_factory.get("/"))
    assert response["X-From-Cache"] == "0"


def test_an_api_answer_rendered_by_drf_is_not_from_the_cache(request_factory):
    from rest_framework.response import Response
    from rest_framework.views import APIView

    from web.cache_share import CountedJSONRenderer

    class Answer(APIView):
        renderer_classes = [CountedJSONRenderer]
        throttle_classes = []

        def get(self, request):
            return Response({"made": True})

    # Django's handler renders a lazy answer before the middleware get it back.
    view = Answer.as_view()
    response = CacheShareMiddleware(lambda request: view(request).render())(
        request_factory.get("/api/v1/x/")
    )
    assert response["X-From-Cache"] == "0"


def test_an_error_is_never_counted_from_the_cache(request_factory):
    middleware = CacheShareMiddleware(lambda request: HttpResponse("gone", status=404))
    assert middleware(request_factory.get("/"))["X-From-Cache"] == "0"


# Report ------------------------------------------------------------------------------------


def measure(output=MIXED_OUTPUT):
    return wrk.parse(output).__dict__, wrk.summary_of(output)["answers"]


def writes():
    return {
        "writes": 30, "failed": 0, "seconds": 30.0, "records": 2840, "distinct": 30,
        "committed": 30, "by_kind": {"Event": 30}, "write_ms_p50": 80.0,
        "write_ms_max": 150.0, "most_behind_s": 0.0,
    }  # fmt: skip


def row(engine="sqlite", scale=100, baseline_rps=(400.0, 400.0), output=MIXED_OUTPUT):
    mixed, answers = measure(output)
    baselines = [{"requests_per_s": value} for value in baseline_rps]
    figures = report.figures(engine, scale, baselines, mixed, answers)
    return {**figures, "paths": 70_000, "writes": writes()}


def test_mixed_summary_carries_the_answers_tally():
    mixed, answers = measure()
    assert mixed["requests_per_s"] == 200.0
    assert answers == {
        "counted": 6000, "from_cache": 5700, "queries": 9000, "not_ok": 0, "without_queries": 0
    }  # fmt: skip


def test_throughput_is_a_ratio_to_the_mean_of_the_baselines_of_the_run():
    figures = row(baseline_rps=(300.0, 500.0))
    assert figures["baseline_requests_per_s"] == 400.0
    assert figures["ratio"] == 0.5


def test_cache_share_and_queries_are_per_answer_counted():
    figures = row()
    assert figures["cache_share"] == 0.95
    assert figures["queries_per_request"] == 1.5


def test_budgets_differ_by_database_and_are_set_at_a_hundred_times():
    sqlite = {check["target"]: check for check in report.targets([row("sqlite", 100)])}
    postgresql = report.targets([row("postgresql", 10, baseline_rps=(450.0, 450.0))])
    assert sqlite["throughput ≥ 50% of the baseline's"]["met"] is True
    assert sqlite["p99 latency ≤ 100 ms"]["met"] is True
    assert sqlite["served from the cache ≥ 90%"]["met"] is True
    assert all(check["at_budget_scale"] for check in sqlite.values())
    throughput = next(check for check in postgresql if check["target"].startswith("throughput"))
    assert throughput["target"] == "throughput ≥ 40% of the baseline's"
    assert throughput["met"] is True  # 200 / 450 = 44%
    assert not throughput["at_budget_scale"]


def test_a_slow_tail_and_a_cold_cache_are_budgets_not_met():
    slow = MIXED_OUTPUT.replace('"p99": 45000', '"p99": 250000').replace(
        '"from_cache": 5700', '"from_cache": 1200'
    )
    checks = {check["target"]: check["met"] for check in report.targets([row(output=slow)])}
    assert checks["p99 latency ≤ 100 ms"] is False
    assert checks["served from the cache ≥ 90%"] is False


def test_results_are_written_as_json_markdown_and_png(tmp_path):
    rows = [row("sqlite", 10), row("sqlite", 100), row("postgresql", 10), row("postgresql", 100)]
    results = {
        "date": "2026-12-08", "machine": "test", "revision": "abc1234",
        "settings": {"server": "s", "load": "l", "curator": "c", "cache": "k", "measured": "m",
                     "baseline_bytes": 92_000},
        "rows": rows, "targets": report.targets(rows), "data": {},
    }  # fmt: skip
    written = report.write(results, tmp_path, "2026-12-08-mixed")
    assert [path.suffix for path in written] == [".json", ".md", ".png"]
    assert json.loads(written[0].read_text())["rows"][0]["cache_share"] == 0.95
    text = written[1].read_text()
    assert "| SQLite | 100× | 70,000 |" in text
    assert "10× (curve)" in text
    assert "30 of 30 records found edited afterwards" in text
    assert written[2].stat().st_size > 0


def test_quick_run_is_sqlite_seed_only_and_short():
    args = arguments(["--quick"])
    assert (args.engines, args.scales, args.duration) == (["sqlite"], [1], 5.0)
    defaults = arguments([])
    assert (defaults.engines, defaults.scales) == (["sqlite", "postgresql"], [10, 100])


def test_wrk_passes_the_address_list_to_the_script():
    load = wrk.Load(2, 8, 30, 10)
    command = load.command("http://127.0.0.1:1", 30, wrk.SCRIPT, ("/tmp/paths.txt", "1", "23"))
    assert command[-5:] == ["http://127.0.0.1:1", "--", "/tmp/paths.txt", "1", "23"]
    assert load.command("http://127.0.0.1:1", 30)[-1] == "http://127.0.0.1:1"
