"""The development set (suggestions/devset/): its index is well-formed and its labels are
what its excerpts say, and it is measured page by page, like the seed, by
``measure_suggestions``."""

import datetime
from functools import cache
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command

from documents.anchoring import anchor_quote, normalise
from documents.models import SourceDocument
from documents.seed_format import read_file, record_files
from documents.seeding import SEED_DIR
from partners.models import EventKind
from periods.dates import PreciseDate
from programmes.models import ParticipationRole
from suggestions.breakdown import Band, not_more_precise, per_band, per_document
from suggestions.devset_quality import (
    DEVSET_DIR,
    LEXICON_FILE,
    measure_dev_suggestions,
    page_text,
    read_pages,
)
from suggestions.quality import Curated, Judged, Measure

PAGES = read_pages()
FACTS = [
    (page, kind, spec)
    for page in PAGES
    for kind in ("participations", "events")
    for spec in page.get(kind) or []
]
SEED_DOCUMENTS = [
    "nato-relations-serbia",
    "ambafrance-serbia-justice-security",
    "nato-relations-belarus",
    "nato-un-western-balkans-workshop-2014",
    "nato-relations-osce",
]
SMALL_PAGE = "nato-relations-armenia"


@cache
def known_slugs(kind: str) -> frozenset[str]:
    files = [*record_files(SEED_DIR), (LEXICON_FILE, read_file(DEVSET_DIR, LEXICON_FILE))]
    return frozenset(spec["slug"] for _, data in files for spec in data.get(kind) or [])


def fact_id(fact):
    page, kind, spec = fact
    return f"{page['slug']}:{kind}:{spec['quote'][:30]}"


def test_the_development_set_has_twelve_pages_or_more_in_both_languages():
    languages = [page["language"] for page in PAGES]
    assert len(PAGES) >= 12
    assert languages.count("en") >= 4 and languages.count("fr") >= 4
    assert set(languages) == {"en", "fr"}


def test_at_least_two_publishers_are_not_nato():
    assert len({page["publisher"] for page in PAGES} - {"nato"}) >= 2


def test_no_page_is_a_seed_document():
    seed = read_file(SEED_DIR, "documents.yaml")["documents"]
    seed_urls = {urlsplit(document["url"])._replace(query="").geturl() for document in seed}
    for page in PAGES:
        assert urlsplit(page["url"])._replace(query="").geturl() not in seed_urls
        assert page["slug"] not in SEED_DOCUMENTS


@pytest.mark.parametrize("page", PAGES, ids=[page["slug"] for page in PAGES])
def test_every_page_is_a_short_excerpt_with_its_address_and_metadata(page):
    text = page_text(DEVSET_DIR, page)
    assert 0 < len(text.encode("utf-8")) <= 6 * 1024
    assert urlsplit(page["url"]).scheme in ("http", "https") and len(page["url"]) <= 500
    assert page["publisher"] in known_slugs("partners") and page["publisher_name"]
    assert page["kind"] in SourceDocument.Kind.values
    assert page["title"].strip()
    assert datetime.date.fromisoformat(page["retrieved"])
    assert page.get("participations") or page.get("events")


def test_page_slugs_are_unique():
    slugs = [page["slug"] for page in PAGES]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("fact", FACTS, ids=[fact_id(fact) for fact in FACTS])
def test_every_labelled_quote_occurs_in_its_excerpt(fact):
    page, _, spec = fact
    text = normalise(page_text(DEVSET_DIR, page))
    anchor = anchor_quote(text, spec["quote"])
    assert anchor.end > anchor.start


@pytest.mark.parametrize("fact", FACTS, ids=[fact_id(fact) for fact in FACTS])
def test_every_labelled_date_parses_at_its_precision(fact):
    _, kind, spec = fact
    start = "start" if kind == "participations" else "date"
    end = "end" if kind == "participations" else "end_date"
    for date_key, precision_key in ((start, "precision"), (end, "end_precision")):
        if spec.get(date_key) is None:
            assert precision_key not in spec
            continue
        assert PreciseDate.parse(spec[date_key]).precision == spec[precision_key]
    if kind == "events":
        assert spec["date"], "an event has a date"


@pytest.mark.parametrize("fact", FACTS, ids=[fact_id(fact) for fact in FACTS])
def test_every_label_names_known_records_and_kinds(fact):
    _, kind, spec = fact
    partners, programmes = known_slugs("partners"), known_slugs("programmes")
    if kind == "participations":
        assert spec["partner"] in partners
        assert spec["programme"] in programmes
        assert spec["role"] in ParticipationRole.values
    else:
        assert spec["partners"] and set(spec["partners"]) <= partners
        assert spec.get("programme") is None or spec["programme"] in programmes
        assert spec["kind"] in EventKind.values


def test_a_page_is_measured_through_the_import_and_rolled_back(db):
    measure = measure_dev_suggestions(slugs=[SMALL_PAGE])
    (page,) = read_pages(slugs=[SMALL_PAGE])
    assert measure.documents == 1 and measure.slugs == [SMALL_PAGE]
    assert measure.overall.curated == len(page["participations"]) + len(page["events"])
    assert measure.overall.suggested == len(measure.judged) > 0
    assert 0 < measure.overall.recalled <= measure.overall.curated
    assert not SourceDocument.objects.exists()  # imported, then rolled back


def test_an_unknown_page_is_refused():
    with pytest.raises(KeyError):
        read_pages(slugs=["no-such-page"])


def test_figures_per_document_count_the_records_that_cite_it():
    recalled = Curated("a", [("one", 0, 5)], recalled=True, recalled_in={"one"})
    missed = Curated("b", [("one", 10, 15), ("two", 0, 5)])
    measure = Measure(
        slugs=["one", "two"],
        records=[recalled, missed],
        judged=[Judged("one", 0.6, True), Judged("one", 0.8, False), Judged("two", 0.9, False)],
    )
    (one, first), (two, second) = per_document(measure)
    assert (one, first.curated, first.recalled, first.suggested, first.matching) == (
        "one",
        2,
        1,
        2,
        1,
    )
    assert (two, second.curated, second.recalled, second.suggested, second.matching) == (
        "two",
        1,
        0,
        1,
        0,
    )


def test_a_confidence_on_a_bound_belongs_to_the_band_above_it():
    judged = [Judged("d", c, m) for c, m in ((0.3, False), (0.5, True), (0.7, True), (0.95, True))]
    bands = per_band(Measure(judged=judged))
    assert [(band.label, band.suggested, band.matching) for band in bands] == [
        ("< 0.5", 1, 0),
        ("0.5–0.7", 1, 1),
        ("0.7–0.9", 1, 1),
        (">= 0.9", 1, 1),
    ]


def test_a_higher_band_no_more_precise_than_the_one_below_is_reported():
    bands = [Band(0.0, 0.5, 10, 5), Band(0.5, 0.7, 0, 0), Band(0.7, 0.9, 10, 5), Band(0.9, None)]
    assert [(low.label, high.label) for low, high in not_more_precise(bands)] == [
        ("< 0.5", "0.7–0.9")
    ]
    assert not_more_precise([Band(0.0, 0.5, 10, 5), Band(0.5, 0.7, 10, 6)]) == []


def test_the_command_prints_pages_and_bands_for_both_sets(db, capsys):
    call_command("measure_suggestions", "--check", "--page", SMALL_PAGE)
    out = capsys.readouterr().out
    for slug in [*SEED_DOCUMENTS, SMALL_PAGE]:
        assert f"    {slug} " in out
    for band in ("< 0.5", "0.5–0.7", "0.7–0.9", ">= 0.9"):
        assert out.count(f"    {band} ") == 2  # one table for the seed, one for the dev set
    assert "nato-relations-georgia" not in out  # only the page asked for


def test_the_command_measures_one_set_when_asked(db, capsys):
    call_command("measure_suggestions", "--set", "dev", "--page", SMALL_PAGE)
    out = capsys.readouterr().out
    assert SMALL_PAGE in out
    assert not any(slug in out for slug in SEED_DOCUMENTS)


def test_the_seed_targets_cannot_be_checked_on_the_development_set_alone(db):
    with pytest.raises(CommandError):
        call_command("measure_suggestions", "--set", "dev", "--check")


def test_the_command_refuses_an_unknown_page(db):
    with pytest.raises(CommandError):
        call_command("measure_suggestions", "--set", "dev", "--page", "no-such-page")
