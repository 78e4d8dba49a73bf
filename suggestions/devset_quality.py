"""How good the suggested facts are on the development set (``suggestions/devset/``):
public pages that are not in the seed corpus, each an excerpt labelled by hand with the
participations and events it states. The labels are the truth; the suggester is never
tuned on them here.

Each page goes through the real import (``documents.importing.import_document``: the
text normalised, the update it states read, the document created, the version published,
its facts suggested and stored) in a transaction that is rolled back. Before the imports,
that transaction holds the seed's partners and programmes and those of ``lexicon.yaml``
(what the pages name that the seed lacks) — names only: no curated participation or
event, so nothing a page says is skipped as already on record.

The stored suggestions are scored by the seed measurement's rules
(``suggestions.quality``), a page's labels standing for the curated records:

- a labelled **participation** is recalled when a participation suggestion of its page
  names the same partner and the same programme;
- a labelled **event** is recalled when an event suggestion of its page has the same date
  at the same precision and its sentence overlaps the labelled quote;
- precision = participation and event suggestions that match some label of their page /
  all of them.
"""

from pathlib import Path

from django.db import transaction

from documents.anchoring import anchor_quote
from documents.importing import import_document
from documents.seed_format import check_keys, read_file, record_files
from documents.seeding import SEED_DIR, SeedLoader
from documents.sources import RawSource
from periods.dates import PreciseDate
from suggestions.models import Suggestion
from suggestions.quality import Curated, Judged, Measure

DEVSET_DIR = Path(__file__).resolve().parent / "devset"
PAGES_FILE = "pages.yaml"
LEXICON_FILE = "lexicon.yaml"


def read_pages(directory: Path = DEVSET_DIR, slugs=None) -> list[dict]:
    """The pages of the index, or those with the given slugs, in the index's order."""
    pages = read_file(directory, PAGES_FILE).get("pages") or []
    if slugs:
        unknown = set(slugs) - {page["slug"] for page in pages}
        if unknown:
            raise KeyError(f"no such page in the development set: {', '.join(sorted(unknown))}")
        pages = [page for page in pages if page["slug"] in slugs]
    return pages


def page_text(directory: Path, page: dict) -> str:
    return (directory / page["file"]).read_text(encoding="utf-8")


def load_names(directory: Path = DEVSET_DIR) -> SeedLoader:
    """Store the partners and programmes of the seed and of ``lexicon.yaml``, and none of
    the seed's documents or claims; the loader knows them by slug."""
    lexicon = read_file(directory, LEXICON_FILE)
    check_keys(LEXICON_FILE, lexicon)
    files = [*record_files(SEED_DIR), (LEXICON_FILE, lexicon)]
    loader = SeedLoader(SEED_DIR)
    for name, data in files:
        for spec in data.get("partners") or []:
            loader.load_partner(name, spec)
    loader.load_programmes(files)
    return loader


def import_page(loader: SeedLoader, directory: Path, page: dict):
    """Import a page's excerpt as a new document, as a curator would; its version."""
    path = directory / page["file"]
    source = RawSource(
        content=page_text(directory, page), is_html=False, origin=str(path), url=page["url"]
    )
    result = import_document(
        source,
        slug=page["slug"],
        publisher=loader.partners[page["publisher"]],
        language=page["language"],
        title=page["title"],
        kind=page["kind"],
        publish=True,  # its facts are suggested when it is published
    )
    return result.version


def labelled_records(page: dict, text: str) -> tuple[list[Curated], list[Curated]]:
    """A page's labels as the records its suggestions are scored against, each with the
    passage of ``text`` (the version's) that its quote anchors to."""
    slug = page["slug"]

    def passages(spec):
        anchor = anchor_quote(text, spec["quote"])
        return [(slug, anchor.start, anchor.end)]

    participations = [
        Curated(
            f"{slug}: {spec['partner']} in {spec['programme']} ({spec['role']})",
            passages(spec),
            partner=spec["partner"],
            programme=spec["programme"],
        )
        for spec in page.get("participations") or []
    ]
    events = [
        Curated(
            f"{slug}: {spec['kind']} {spec['date']} « {spec['quote'][:70]} »",
            passages(spec),
            date=PreciseDate.parse(spec["date"]),
        )
        for spec in page.get("events") or []
    ]
    return participations, events


def _describe(slug, suggestion) -> str:
    date = f" {suggestion.date.isoformat()}" if suggestion.date else ""
    partner = suggestion.partner.slug if suggestion.partner else ""
    programme = suggestion.programme.slug if suggestion.programme else ""
    what = (
        f"{partner} in {programme}"
        if suggestion.kind == Suggestion.Kind.PARTICIPATION
        else partner or programme
    )
    return f"{slug}: {suggestion.kind} {what}{date} « {suggestion.quote[:90]} »"


def score_page(result: Measure, page: dict, version) -> None:
    """Add to ``result`` what the import of ``page`` suggested, scored against its labels."""
    slug = page["slug"]
    participations, events = labelled_records(page, version.text)
    suggestions = (
        Suggestion.objects.filter(
            version=version,
            kind__in=[Suggestion.Kind.PARTICIPATION, Suggestion.Kind.EVENT],
        )
        .select_related("partner", "programme")
        .order_by("start", "pk")
    )
    for suggestion in suggestions:
        partner = suggestion.partner.slug if suggestion.partner else ""
        programme = suggestion.programme.slug if suggestion.programme else ""
        if suggestion.kind == Suggestion.Kind.PARTICIPATION:
            matches = [
                p for p in participations if p.partner == partner and p.programme == programme
            ]
            score = result.participations
        else:
            date = suggestion.date
            matches = [
                e
                for e in events
                if date is not None
                and e.date.first_day == date.first_day
                and e.date.precision == date.precision
                and e.overlaps(slug, suggestion.start, suggestion.end)
            ]
            score = result.events
        score.suggested += 1
        score.matching += bool(matches)
        result.judged.append(Judged(slug, suggestion.confidence, bool(matches)))
        for record in matches:
            record.recalled = True
            record.recalled_in.add(slug)
        if not matches:
            result.unmatched.append(_describe(slug, suggestion))
    for records, score in ((participations, result.participations), (events, result.events)):
        score.curated += len(records)
        score.recalled += sum(record.recalled for record in records)
        result.missed += [record.label for record in records if not record.recalled]
    result.records += participations + events


def measure_dev_suggestions(directory: Path = DEVSET_DIR, slugs=None) -> Measure:
    """Import the development pages (rolled back afterwards) and measure the suggestions
    on them; only the pages with the given slugs, if any."""
    pages = read_pages(directory, slugs)
    result = Measure(documents=len(pages), slugs=[page["slug"] for page in pages])
    with transaction.atomic():
        loader = load_names(directory)
        for page in pages:
            score_page(result, page, import_page(loader, directory, page))
        transaction.set_rollback(True)
    return result
