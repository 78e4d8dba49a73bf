"""Importing documents and new versions: files, pages, addresses, dates, duplicates,
all-or-nothing."""

import datetime
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from documents import importing, publishing
from documents.fetching import fetch_url, read_source
from documents.importing import DocumentImportError, import_document
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.sources import RawSource, SourceError, read_file
from periods.stated_update import find_stated_update
from tests.factories import CitationFactory, DocumentVersionFactory, PartnerFactory

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Relations with Serbia</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/topics">Topics</a></li></ul></nav>
<header><p>Last updated: 12 March 2021 16:39</p></header>
<main><article>
<h1>Relations with Serbia</h1>
<p>Serbia joined the Partnership for Peace (PfP) programme in 2006, the year cooperation
and dialogue began to develop on a regular basis.</p>
<p>The NATO Military Liaison Office in Belgrade, established in December 2006, supports
defence reform in Serbia &amp; helps it meet its Partnership goals.</p>
<p>Serbia takes part in the PfP Planning and Review Process since 2007, and cooperates
with NATO under the Science for Peace and Security Programme.</p>
</article></main>
<footer><p>Cookie policy · Terms of use · Copyright NATO</p></footer>
</body></html>
"""

TEXT = (
    "Relations avec le Bélarus\n\n"
    "  • Mis à jour le: 18 Oct. 2018 16:24\n\n"
    "L’OTAN et le Bélarus ont tissé des relations fondées sur la défense d’intérêts communs.\n"
    "L'adhésion du Bélarus au Partenariat pour la paix (PPP) en 1995 marque le début "
    "de la coopération bilatérale.\n"
)


@pytest.fixture
def nato(db):
    return PartnerFactory(slug="nato")


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "belarus.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


# Stated update dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "as_written"),
    [
        (
            "• Mis à jour le: 18 Oct. 2018 16:24\n",
            (2018, 10, 18),
            "Mis à jour le: 18 Oct. 2018 16:24",
        ),
        ("Mis à jour le: 23 May. 2022", (2022, 5, 23), "Mis à jour le: 23 May. 2022"),
        ("Dernière modification : 10/06/2020", (2020, 6, 10), "Dernière modification : 10/06/2020"),
        (
            "Dernière mise à jour le 1er mars 2021.",
            (2021, 3, 1),
            "Dernière mise à jour le 1er mars 2021",
        ),
        ("mis à jour le 5 décembre 2019", (2019, 12, 5), "mis à jour le 5 décembre 2019"),
        ("Last updated: 12 March 2021", (2021, 3, 12), "Last updated: 12 March 2021"),
        ("Last updated: 23 May. 2022 16:39 —", (2022, 5, 23), "Last updated: 23 May. 2022 16:39"),
        ("Updated on March 12, 2021", (2021, 3, 12), "Updated on March 12, 2021"),
        ("Last modified: 2020-06-10", (2020, 6, 10), "Last modified: 2020-06-10"),
    ],
)
def test_the_stated_update_date_is_read_in_french_and_english(text, date, as_written):
    stated = find_stated_update(text)
    assert stated.date == datetime.date(*date)
    assert stated.text == as_written


def test_a_text_without_a_stated_update_date_has_none():
    assert find_stated_update("La Serbie a adhéré au PPP en 2006.") is None


def test_an_impossible_date_is_skipped_for_the_next_one():
    stated = find_stated_update("Mis à jour le 31/02/2020. Dernière modification : 01/03/2020")
    assert stated.date == datetime.date(2020, 3, 1)


# Text and HTML files -----------------------------------------------------------------------


def test_a_text_file_becomes_a_new_document_with_its_stated_update(nato, text_file):
    result = import_document(read_file(text_file), publisher=nato, language="fr")
    assert result.created_document
    document, version = result.document, result.version
    assert (document.title_fr, document.slug) == (
        "Relations avec le Bélarus",
        "relations-avec-le-belarus",
    )
    assert (document.publisher, document.language) == (nato, "fr")
    assert version.number == 1 and version.status == DocumentVersion.Status.PENDING
    assert not version.is_current  # waiting for a reviewer
    assert "L'OTAN et le Bélarus ont tissé" in version.text  # normalised
    assert version.raw == TEXT  # the original, as read
    assert version.stated_update == datetime.date(2018, 10, 18)
    assert version.stated_update_text == "Mis à jour le: 18 Oct. 2018 16:24"


def test_a_new_document_needs_a_publisher_and_nothing_is_stored_without_one(db, text_file):
    with pytest.raises(DocumentImportError, match="publisher"):
        import_document(read_file(text_file), language="fr")
    assert not SourceDocument.objects.exists()


def test_a_new_document_from_a_text_file_needs_its_language(nato, text_file):
    with pytest.raises(DocumentImportError, match="language"):
        import_document(read_file(text_file), publisher=nato)


def test_an_html_file_is_reduced_to_its_main_text_and_kept_whole(nato, tmp_path):
    path = tmp_path / "serbia.html"
    path.write_text(PAGE, encoding="utf-8")
    result = import_document(read_file(path), publisher=nato)
    version = result.version
    assert result.document.language == "en"  # from <html lang>
    assert result.document.title_en == "Relations with Serbia"
    assert "Serbia joined the Partnership for Peace (PfP) programme in 2006" in version.text
    assert "supports defence reform in Serbia & helps it" in version.text
    assert "Cookie policy" not in version.text
    assert "Topics" not in version.text
    assert version.raw == PAGE
    # Next to the title, outside the main text, and still found.
    assert version.stated_update == datetime.date(2021, 3, 12)
    assert version.stated_update_text == "Last updated: 12 March 2021 16:39"


def test_a_missing_file_is_reported_clearly(tmp_path):
    with pytest.raises(SourceError) as error:
        read_file(tmp_path / "absent.txt")
    assert error.value.code == "not_found"


def test_a_file_too_large_is_refused(tmp_path, text_file):
    with pytest.raises(SourceError) as error:
        read_file(text_file, max_bytes=100)
    assert error.value.code == "too_large"


# Addresses, served on 127.0.0.1 ----------------------------------------------------------
# Imports refuse loopback and private addresses (tests/documents/test_fetching.py) unless
# the deployment allows them: these tests allow 127.0.0.1, as an intranet deployment would.

LOCAL = ["127.0.0.1"]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        routes = {
            "/serbia.html": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/belarus.txt": (200, "text/plain; charset=utf-8", TEXT.encode()),
            "/large.html": (200, "text/html", b"<html><body>" + b"x" * 50_000 + b"</body></html>"),
            "/report.pdf": (200, "application/pdf", b"%PDF-1.4"),
        }
        if self.path == "/slow.html":
            time.sleep(1.5)
        status, content_type, body = routes.get(self.path, (404, "text/plain", b"Not here"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout test)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_a_page_at_an_address_is_imported_with_its_address(nato, server):
    source = fetch_url(f"{server}/serbia.html", allowed=LOCAL)
    result = import_document(source, publisher=nato)
    assert result.document.url == f"{server}/serbia.html"
    assert "established in December 2006" in result.version.text


def test_a_page_fetched_again_from_its_canonical_address_is_a_new_version(nato, server):
    document = import_document(
        fetch_url(f"{server}/serbia.html", allowed=LOCAL), publisher=nato
    ).document
    changed = PAGE.replace("since 2007", "since 2008")
    source = RawSource(content=changed, is_html=True, origin="x", url=f"{server}/serbia.html")
    result = import_document(source)
    assert result.document == document
    assert result.version.number == 2


def test_a_plain_text_address_is_imported_as_text(nato, server):
    result = import_document(
        fetch_url(f"{server}/belarus.txt", allowed=LOCAL), publisher=nato, language="fr"
    )
    assert result.version.stated_update == datetime.date(2018, 10, 18)


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("/missing.html", "http_error", "404"),
        ("/large.html", "too_large", "larger than 10000 bytes"),
        ("/report.pdf", "unsupported_type", "application/pdf"),
    ],
)
def test_an_address_that_cannot_be_imported_says_why(server, path, code, message):
    with pytest.raises(SourceError) as error:
        fetch_url(f"{server}{path}", max_bytes=10_000, allowed=LOCAL)
    assert error.value.code == code
    assert message in importing.source_error_message(error.value)


def test_an_address_that_does_not_answer_in_time_is_given_up(server):
    started = time.monotonic()
    with pytest.raises(SourceError) as error:
        fetch_url(f"{server}/slow.html", timeout=0.3, allowed=LOCAL)
    assert error.value.code == "timeout"
    assert time.monotonic() - started < 1.4


def test_an_unreachable_address_is_reported(db):
    with pytest.raises(SourceError) as error:
        fetch_url("http://127.0.0.1:9/nothing", timeout=2, allowed=LOCAL)
    assert error.value.code == "unreachable"


def test_only_web_addresses_are_fetched():
    with pytest.raises(SourceError) as error:
        read_source("ftp://127.0.0.1/file.txt")
    assert error.value.code == "bad_scheme"


# Duplicates and new versions ---------------------------------------------------------------


def test_an_identical_text_is_reported_and_not_stored_twice(nato, text_file):
    first = import_document(read_file(text_file), publisher=nato, language="fr")
    again = import_document(read_file(text_file), document=first.document)
    assert again.duplicate_of == first.version
    assert again.version is None
    assert DocumentVersion.objects.count() == 1
    assert "nothing was stored" in again.summary()


def test_a_text_identical_but_for_spacing_and_typography_is_a_duplicate(nato, text_file):
    first = import_document(read_file(text_file), publisher=nato, language="fr")
    retyped = TEXT.replace("L’OTAN", "L'OTAN").replace("\n\n", "\n   \n")
    again = import_document(RawSource(retyped, False, "retyped.txt"), document=first.document)
    assert again.duplicate_of == first.version


def test_a_new_version_is_numbered_after_the_last_and_becomes_current_once_published(
    nato, text_file
):
    first = import_document(read_file(text_file), publisher=nato, language="fr", publish=True)
    second = import_document(
        RawSource(TEXT + "Une phrase.", False, "v2.txt"), document=first.document, publish=True
    )
    first.version.refresh_from_db()
    assert (second.version.number, second.version.is_current) == (2, True)
    assert not first.version.is_current
    assert first.document.current_version == second.version


# All or nothing --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_failure_during_the_import_leaves_the_database_unchanged(monkeypatch):
    version = DocumentVersionFactory(is_current=True)
    citations = [
        CitationFactory(version=version, quote=quote)
        for quote in (
            "la Serbie a adhéré au Partenariat pour la paix",
            "établi en décembre 2006",
            "Relations avec la Serbie",
        )
    ]
    before = list(Citation.objects.order_by("pk").values())
    record_outcome = publishing.record_outcome
    calls = []

    def failing_after_two(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3 + 3:
            raise RuntimeError("injected failure")
        return record_outcome(*args, **kwargs)

    monkeypatch.setattr(publishing, "record_outcome", failing_after_two)
    new_text = version.text.replace("établi en décembre 2006", "créé fin 2006") + "\nFin."
    with pytest.raises(RuntimeError, match="injected failure"):
        import_document(
            RawSource(new_text, False, "v2.txt"), document=version.document, publish=True
        )

    # The dry run of the import saw all three; publishing had re-anchored two.
    assert len(calls) == 3 + 3
    assert list(Citation.objects.order_by("pk").values()) == before
    assert list(DocumentVersion.objects.values_list("pk", "is_current")) == [(version.pk, True)]
    assert len(citations) == 3


@pytest.mark.django_db
def test_a_new_document_that_fails_validation_leaves_nothing_behind(nato, text_file):
    with pytest.raises(DocumentImportError):
        import_document(read_file(text_file), publisher=nato, language="fr", kind="leaflet")
    assert not SourceDocument.objects.exists()
    assert not DocumentVersion.objects.exists()


# The command -----------------------------------------------------------------------------------


def test_the_command_imports_a_file_as_a_new_document(nato, text_file, capsys):
    call_command(
        "import_document",
        str(text_file),
        "--publisher",
        "nato",
        "--language",
        "fr",
        "--document",
        "nato-relations-belarus-2",
    )
    document = SourceDocument.objects.get(slug="nato-relations-belarus-2")
    version = document.versions.get()
    assert version.stated_update == datetime.date(2018, 10, 18)
    assert version.is_pending and document.current_version is None
    out = capsys.readouterr().out
    assert "nato-relations-belarus-2" in out and "waiting for a reviewer" in out


def test_the_command_imports_a_new_version_and_reports_the_citations(seeded, tmp_path, capsys):
    document = SourceDocument.objects.get(slug="nato-relations-belarus")
    path = tmp_path / "belarus.txt"
    path.write_text(document.current_version.text.replace("en 1995 marque", "en 1995 a marqué"))
    call_command("import_document", str(path), "--document", "nato-relations-belarus")
    out = capsys.readouterr().out
    assert document.current_version.number == 1
    assert "waits for a reviewer" in out and "would re-check citations: Verified:" in out
    assert "Orphaned: 5; 5 near match(es) suggested" in out
    assert not Citation.objects.filter(version__number=2).exists()  # nothing moved yet


def test_the_command_publishes_at_once_when_asked(seeded, tmp_path, capsys):
    document = SourceDocument.objects.get(slug="nato-relations-belarus")
    path = tmp_path / "belarus.txt"
    path.write_text(document.current_version.text.replace("en 1995 marque", "en 1995 a marqué"))
    call_command("import_document", str(path), "--document", "nato-relations-belarus", "--publish")
    out = capsys.readouterr().out
    current = document.current_version
    assert current.number == 2 and current.published_by is None
    assert "is now current" in out and "citation health queue" in out


def test_the_command_reports_an_identical_text(seeded, capsys):
    call_command(
        "import_document",
        "documents/seed/texts/nato-relations-osce.txt",
        "--document",
        "nato-relations-osce",
    )
    assert "nothing was stored" in capsys.readouterr().out
    assert DocumentVersion.objects.filter(document__slug="nato-relations-osce").count() == 1


def test_the_command_fails_clearly_and_changes_nothing(nato, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_document", str(tmp_path / "absent.txt"), "--publisher", "nato")
    with pytest.raises(CommandError, match="Unknown publisher"):
        call_command("import_document", str(tmp_path / "absent.txt"), "--publisher", "nobody")
    assert not SourceDocument.objects.exists()


# The upload form in the admin ----------------------------------------------------------------

IMPORT_URL = "/admin/documents/sourcedocument/import/"


def test_the_import_page_is_linked_from_the_documents_list(admin_client):
    response = admin_client.get("/admin/documents/sourcedocument/")
    assert IMPORT_URL in response.content.decode()


def test_a_curator_uploads_a_new_version_in_the_admin(admin_client):
    version = DocumentVersionFactory(is_current=True)
    citation = CitationFactory(version=version, quote="établi en décembre 2006")
    page = admin_client.get(IMPORT_URL, {"document": version.document.pk})
    assert page.status_code == 200
    upload = SimpleUploadedFile(
        "v2.txt", (version.text + "\nUne phrase de plus.").encode(), "text/plain"
    )
    response = admin_client.post(
        IMPORT_URL, {"upload": upload, "document": version.document.pk, "kind": "web_page"}
    )
    new = version.document.versions.get(number=version.number + 1)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/documents/documentversion/{new.pk}/change/")
    assert new.is_pending and new.imported_by.username == "admin"
    citation.refresh_from_db()
    assert (citation.version, citation.status) == (version, Citation.Status.VERIFIED)


def test_a_curator_creates_a_document_from_an_address_in_the_admin(
    admin_client, nato, server, settings
):
    settings.IMPORT_ALLOWED_HOSTS = LOCAL
    response = admin_client.post(
        IMPORT_URL,
        {"url": f"{server}/serbia.html", "publisher": nato.pk, "kind": "topic_page"},
    )
    assert response.status_code == 302
    document = SourceDocument.objects.get()
    assert (document.title_en, document.kind) == ("Relations with Serbia", "topic_page")


def test_the_admin_form_says_why_an_address_cannot_be_imported(
    admin_client, nato, server, settings
):
    settings.IMPORT_ALLOWED_HOSTS = LOCAL
    response = admin_client.post(
        IMPORT_URL, {"url": f"{server}/missing.html", "publisher": nato.pk, "kind": "web_page"}
    )
    assert response.status_code == 200
    assert "the server answered 404" in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_the_admin_form_reports_an_identical_text(admin_client):
    version = DocumentVersionFactory(is_current=True)
    upload = SimpleUploadedFile("same.txt", version.text.encode(), "text/plain")
    response = admin_client.post(
        IMPORT_URL,
        {"upload": upload, "document": version.document.pk, "kind": "web_page"},
        follow=True,
    )
    assert "nothing was stored" in response.content.decode()
    assert version.document.versions.count() == 1


def test_the_admin_form_wants_a_file_or_an_address(admin_client):
    response = admin_client.post(IMPORT_URL, {"kind": "web_page"})
    assert "Give either a file or an address." in response.content.decode()


def test_the_import_page_is_for_staff_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_without_the_right_to_add_versions_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("intern", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 403


def test_the_import_form_is_protected_against_cross_site_posts(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    upload = SimpleUploadedFile("a.txt", b"Un texte.", "text/plain")
    response = client.post(IMPORT_URL, {"upload": upload, "kind": "web_page"})
    assert response.status_code == 403
    assert not DocumentVersion.objects.exists()
