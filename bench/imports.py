"""``make bench-import``: how long an import takes, and how that grows with the text.

On a fresh SQLite database in a temporary directory (migrated, the seed corpus loaded, so
that suggestions are read against every known partner and programme), imports through the
real path (``documents.importing.import_document`` on the bytes of an uploaded file, as the
admin's import page does) 1 MB and 4 MB of repetitive text (the same few sentences over and
over) and of varied prose (``synthetic.prose``), each as a new document; prints the seconds,
the suggestions stored, the process's peak memory, and the ratio 4 MB / 1 MB (about 4 when
the work is linear in the text). Then anchors every sentence of 100 KB of each text as an
import places its suggestions, with the quadratic anchoring that was replaced and with the
linear one; and times an upload of 4.9 MB through the admin's import page (Django's test
client, signed in as an admin). Measures, not tests: nothing is asserted. Usage::

    python -m bench.imports [--sizes 1,4] [--compare 100] [--upload 4.9] [--kinds repetitive,varied]
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

MEGABYTE = 1_000_000
REPEATED = (
    "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006. "
    "L'OTAN et la Serbie coopèrent depuis décembre 2006 dans le cadre du PPP.\n"
    "Le Bureau de liaison militaire de l'OTAN à Belgrade a été établi en décembre 2006.\n"
)
KINDS = ("repetitive", "varied")


def text_of(kind: str, size: int, seed: int = 24) -> bytes:
    """About ``size`` bytes of UTF-8 text, cut after a sentence."""
    if kind == "repetitive":
        text = REPEATED * (size // len(REPEATED.encode()) + 1)
    else:
        from synthetic.prose import Writer

        text = Writer("fr", random.Random(seed)).text(size)
    data = text.encode()[:size]
    return data[: data.rfind(b".") + 1]


def peak_memory() -> str:
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"


def import_once(data: bytes, name: str, publisher):
    from documents.importing import import_document
    from documents.sources import from_bytes

    started = time.perf_counter()
    source = from_bytes(data, name, "text/plain")
    # Imported and published at once: the whole path, the citations re-anchored and the
    # facts suggested (a reviewer's Publish does the second half).
    result = import_document(source, publisher=publisher, language="fr", title=name, publish=True)
    return time.perf_counter() - started, result


def quadratic_anchor_quote(text, quote, prefix="", suffix=""):
    """Anchoring as it was before the text was prepared once (documents/anchoring.py's
    history; the tests keep the same oracle): the context of each occurrence checked on a
    copy of the whole text before and after it."""
    from documents.anchoring import normalise_quote

    quote = normalise_quote(quote)
    view = text.replace("\n", " ")
    occurrences, position = [], view.find(quote)
    while position != -1:
        occurrences.append(position)
        position = view.find(quote, position + 1)
    prefix, suffix = normalise_quote(prefix), normalise_quote(suffix)
    candidates = [
        start
        for start in occurrences
        if view[:start].rstrip().endswith(prefix)
        and view[start + len(quote) :].lstrip().startswith(suffix)
    ]
    return candidates[0] if len(candidates) == 1 else None


def compare_anchoring(kind: str, size: int) -> None:
    """Every sentence of the text anchored with its context, as ``suggest_facts`` does."""
    from documents.anchoring import AnchorError, MatchingText, normalise
    from suggestions.extraction.sentences import sentences

    text = normalise(text_of(kind, size).decode())
    spans = sentences(text)

    def quadratic():
        for start, end in spans:
            view = text.replace("\n", " ")  # context_at copied the whole text too
            prefix, suffix = view[max(0, start - 40) : start], view[end : end + 40]
            quadratic_anchor_quote(text, view[start:end], prefix, suffix)

    def linear():
        prepared = MatchingText(text)
        for start, end in spans:
            prefix, suffix = prepared.context_at(start, end)
            try:
                prepared.anchor_quote(prepared.view[start:end], prefix, suffix)
            except AnchorError:
                pass

    timings = []
    for placing in (quadratic, linear):
        started = time.perf_counter()
        placing()
        timings.append(time.perf_counter() - started)
    print(
        f"  {kind:<11} {len(text) / 1000:>5.0f} KB, {len(spans)} sentences: "
        f"quadratic {timings[0]:.2f} s, linear {timings[1]:.3f} s "
        f"({timings[0] / max(timings[1], 1e-9):.1f}× faster)"
    )


def upload(kind: str, size: int, publisher) -> None:
    """The admin's import page, as a curator uses it: a file of ``size`` bytes."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-curator", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    data = text_of(kind, size, seed=49)
    file = SimpleUploadedFile(f"upload-{kind}.txt", data, "text/plain")
    form = {"upload": file, "publisher": publisher.pk, "language": "fr", "kind": "web_page"}
    form["title"] = f"Upload {kind}"
    started = time.perf_counter()
    response = client.post("/admin/documents/sourcedocument/import/", form)
    seconds = time.perf_counter() - started
    outcome = "imported" if response.status_code == 302 else f"answered {response.status_code}"
    print(
        f"  {kind:<11} {len(data) / MEGABYTE:.2f} MB: {seconds:6.1f} s, {outcome} (pending), "
        f"peak memory {peak_memory()}"
    )
    from documents.models import DocumentVersion
    from documents.publishing import publish_version

    version = DocumentVersion.objects.pending().filter(document__title=f"Upload {kind}").first()
    if version is not None:
        started = time.perf_counter()
        result = publish_version(version)
        print(
            f"  {'':<11} publishing it (a reviewer's Publish): "
            f"{time.perf_counter() - started:6.1f} s, {result.suggested_facts} suggestions"
        )


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__)
    parser.add_argument("--sizes", default="1,4", help="MB imported of each kind (1,4)")
    parser.add_argument(
        "--compare", type=float, default=100, help="KB for quadratic vs linear (100; 0: skip)"
    )
    parser.add_argument(
        "--upload", type=float, default=4.9, help="MB uploaded in the admin (4.9; 0: skip)"
    )
    parser.add_argument("--kinds", default=",".join(KINDS), help="repetitive,varied")
    args = parser.parse_args(argv)
    args.sizes = [float(size) for size in args.sizes.split(",") if size.strip()]
    args.kinds = [kind.strip() for kind in args.kinds.split(",") if kind.strip()]
    if set(args.kinds) - set(KINDS):
        parser.error(f"kinds are {', '.join(KINDS)}")
    return args


def main(argv: list[str]) -> int:
    args = arguments(argv)
    with tempfile.TemporaryDirectory(prefix="liaison-bench-imports-") as directory:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DJANGO_DEBUG="1",  # as `make run`: a local database, no key, unhashed static files
            DATABASE_URL=f"sqlite:///{Path(directory) / 'bench.sqlite3'}",
            DJANGO_LOG_LEVEL="WARNING",
        )
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import reset_queries
        from django.utils import translation

        from documents.seeding import load_seed
        from partners.models import Partner

        translation.activate("en")
        started = time.perf_counter()
        call_command("migrate", "--noinput", verbosity=0)
        load_seed()
        print(
            f"Fresh SQLite database, migrated and seeded in {time.perf_counter() - started:.1f} s"
        )
        publisher = Partner.objects.get(slug="nato")

        print("Imports (documents.importing.import_document, a new document each):")
        seconds = {}
        for kind in args.kinds:
            for size in args.sizes:
                data = text_of(kind, int(size * MEGABYTE))
                took, result = import_once(data, f"bench-{kind}-{size:g}mb.txt", publisher)
                reset_queries()  # debug mode keeps every query, whole texts included
                seconds[kind, size] = took
                print(
                    f"  {kind:<11} {len(data) / MEGABYTE:5.2f} MB: {took:6.1f} s, "
                    f"{result.suggested_facts:5d} suggestions, peak memory {peak_memory()}"
                )
        if len(args.sizes) > 1:
            small, large = min(args.sizes), max(args.sizes)
            for kind in args.kinds:
                ratio = seconds[kind, large] / seconds[kind, small]
                print(
                    f"  ratio {large:g} MB / {small:g} MB, {kind}: {ratio:.1f} "
                    f"(linear: about {large / small:g})"
                )
        if args.compare:
            print("Anchoring every sentence with its context (as an import places suggestions):")
            for kind in args.kinds:
                compare_anchoring(kind, int(args.compare * 1000))
        if args.upload:
            print("Upload through the admin's import page (test client, signed in as an admin):")
            for kind in args.kinds:
                upload(kind, int(args.upload * MEGABYTE), publisher)
                reset_queries()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
