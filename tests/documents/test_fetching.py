"""Fetching untrusted addresses (documents/fetching.py): refused addresses, redirections,
pinned connections, the deadline, incomplete bodies and servers that do not speak HTTP — each
ends in a clear ``SourceError``, and in a clear message in the admin and the command."""

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from documents import fetching
from documents.checks import check_import_allowed_hosts
from documents.fetching import MAX_REDIRECTS, fetch_url
from documents.importing import source_error_message
from documents.models import SourceDocument
from documents.sources import SourceError, extract, from_bytes
from tests.documents.raw_server import TRICKLE, RawServer, _noise
from tests.factories import PartnerFactory

LOCAL = ["127.0.0.1"]


@pytest.fixture
def server():
    raw = RawServer()
    yield raw
    raw.stop()


@pytest.fixture
def resolver(monkeypatch):
    """Host names resolve to what the test says (``answers[name]``: a list of lists, one per
    lookup); every lookup is recorded. Any other lookup, by anyone, fails the test."""
    answers, lookups = {}, []

    def resolve(host, port):
        lookups.append(host)
        return [ipaddress.ip_address(a) for a in answers[host].pop(0)]

    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        assert host not in answers, f"{host} was resolved again, outside the checked lookup"
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(fetching, "resolve", resolve)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, lookups


def refusal(url, **kwargs) -> SourceError:
    with pytest.raises(SourceError) as error:
        fetch_url(url, **{"timeout": 5, **kwargs})
    return error.value


# Refused before connecting ---------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::1]", "[::ffff:127.0.0.1]",
     "[64:ff9b::7f00:1]", "[2002:7f00:1::1]", "localhost", "0.0.0.0"],
)  # fmt: skip
def test_a_loopback_address_is_refused_before_connecting(server, host):
    error = refusal(server.url(host=host))
    assert error.code == "private_address"
    assert server.connections == 0


@pytest.mark.parametrize(
    "url",
    ["http://10.0.0.1/", "http://172.16.5.4:8080/", "http://192.168.1.1/admin",
     "http://169.254.169.254/latest/meta-data/", "http://224.0.0.1/", "http://240.0.0.1/",
     "http://[fd00::1]/", "http://[fe80::1]/", "http://[ff02::1]/", "http://100.64.0.1/",
     "http://localhost:6379/", "https://[::1]:443/"],
)  # fmt: skip
def test_a_private_or_reserved_address_is_refused(url):
    assert refusal(url).code == "private_address"


def test_a_refused_address_says_the_same_whether_a_port_is_open_or_not(server):
    with socket.create_server(("127.0.0.1", 0)) as closed:
        closed_port = closed.getsockname()[1]
    open_url, closed_url = server.url("/"), f"http://127.0.0.1:{closed_port}/"
    answers = [refusal(url) for url in (open_url, closed_url)]
    assert [error.code for error in answers] == ["private_address"] * 2
    messages = [source_error_message(error) for error in answers]
    assert messages[0].replace(open_url, "URL") == messages[1].replace(closed_url, "URL")
    assert server.connections == 0


def test_a_public_looking_host_resolving_to_a_private_address_is_refused(server, resolver):
    answers, lookups = resolver
    answers["example.test"] = [["127.0.0.1"]]
    error = refusal(server.url(host="example.test"))
    assert error.code == "private_address"
    assert "cannot be reached" not in source_error_message(error)
    assert (lookups, server.connections) == (["example.test"], 0)


def test_a_host_is_refused_if_any_of_its_addresses_is_private(server, resolver):
    answers, _ = resolver
    answers["example.test"] = [["93.184.216.34", "10.1.2.3"]]
    assert refusal(server.url(host="example.test")).code == "private_address"


def test_the_connection_goes_to_the_address_that_was_checked(server, resolver):
    answers, lookups = resolver
    # Checked once; a second answer (a rebinding DNS server) would point elsewhere.
    answers["example.test"] = [["127.0.0.1"], ["10.255.255.1"]]
    source = fetch_url(server.url(host="example.test"), allowed=LOCAL)
    assert "Partnership for Peace programme in 2006" in source.content
    assert lookups == ["example.test"]
    assert server.requests[0][1]["Host"] == f"example.test:{server.port}"


def test_an_allowed_host_name_may_resolve_to_a_private_address(server, resolver):
    answers, _ = resolver
    answers["wiki.intranet"] = [["127.0.0.1"]]
    source = fetch_url(server.url(host="wiki.intranet"), allowed=["wiki.intranet"])
    assert source.url == server.url(host="wiki.intranet")
    assert refusal(server.url(), allowed=["wiki.intranet"]).code == "private_address"


def test_a_host_that_does_not_resolve_is_reported():
    error = refusal("http://no-such-host.invalid/")
    assert error.code == "unknown_host"
    assert "no-such-host.invalid was not found" in source_error_message(error)


def test_resolving_counts_against_the_deadline(monkeypatch):
    released = threading.Event()
    monkeypatch.setattr(fetching, "resolve", lambda host, port: released.wait(10) and [])
    try:
        assert refusal("http://slow-dns.test/", timeout=0.3).code == "timeout"
    finally:
        released.set()


# Redirections ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    ["http://127.0.0.1:{port}/page", "http://[::1]:{port}/page", "http://localhost:{port}/",
     "http://2130706433:{port}/page", "http://169.254.169.254/latest/meta-data/",
     "http://10.0.0.1/"],
)  # fmt: skip
def test_a_redirection_to_a_private_address_is_refused(server, resolver, location):
    answers, _ = resolver
    answers["public.test"] = [["127.0.0.1"]]
    answers["localhost"] = [["127.0.0.1"]]
    location = location.format(port=server.port)
    url = server.url(f"/redirect?to={location}", host="public.test")
    assert refusal(url, allowed=["public.test"]).code == "private_address"
    assert len(server.requests) == 1  # the redirection, and nothing at its target


def test_a_redirection_to_another_scheme_is_refused(server):
    error = refusal(server.url("/redirect?to=ftp://example.org/file.txt"), allowed=LOCAL)
    assert error.code == "bad_scheme"


def test_redirections_are_followed_up_to_a_bound(server):
    source = fetch_url(server.url(f"/hops/{MAX_REDIRECTS - 1}"), allowed=LOCAL)
    assert source.url == server.url("/page")
    error = refusal(server.url(f"/hops/{MAX_REDIRECTS}"), allowed=LOCAL)
    assert error.code == "too_many_redirects"
    assert f"more than {MAX_REDIRECTS} times" in source_error_message(error)


def test_a_redirection_loop_ends(server):
    assert refusal(server.url("/loop"), allowed=LOCAL).code == "too_many_redirects"
    assert len(server.requests) == MAX_REDIRECTS + 1


def test_a_redirection_without_a_location_is_an_http_error(server):
    assert refusal(server.url("/redirect-nowhere"), allowed=LOCAL).code == "http_error"


# One deadline for the whole download ------------------------------------------------------


def test_a_body_sent_a_byte_at_a_time_fails_at_the_deadline(server):
    # Each byte comes well within any per-read timeout; the whole would take 8 s.
    assert refusal(server.url("/slow-body"), timeout=1, allowed=LOCAL).code == "timeout"
    assert server.sent["/slow-body"] < TRICKLE


def test_headers_sent_a_byte_at_a_time_fail_at_the_deadline(server):
    assert refusal(server.url("/slow-headers"), timeout=1, allowed=LOCAL).code == "timeout"
    assert server.sent["/slow-headers"] < TRICKLE


# Incomplete bodies and servers that do not speak HTTP ---------------------------------------


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/truncated", "truncated"),
        ("/cut-chunked", "truncated"),
        ("/bad-chunk", "truncated"),
        ("/reset-during", "truncated"),
        ("/ssh", "bad_response"),
        ("/long-header", "bad_response"),
        ("/many-headers", "bad_response"),
        ("/reset-before", "unreachable"),
        ("/chunked-large", "too_large"),
        ("/json", "unsupported_type"),
    ],
)
def test_a_broken_answer_is_refused_with_a_clear_error(server, path, code):
    error = refusal(server.url(path), allowed=LOCAL, max_bytes=10_000)
    assert error.code == code
    message = source_error_message(error)
    assert message.startswith(server.url(path)) and "%(" not in message


def test_a_plain_server_spoken_to_in_tls_is_a_tls_error(server):
    error = refusal(server.url(scheme="https"), allowed=LOCAL)
    assert error.code == "tls_error"
    assert "secure connection failed" in source_error_message(error)


@pytest.fixture
def tls_server(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=example.test",
         "-addext", "subjectAltName=DNS:example.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    raw = RawServer(context)
    raw.server_names = names
    yield raw
    raw.stop()


def test_https_sends_the_host_name_and_checks_the_certificate(tls_server, resolver):
    answers, _ = resolver
    answers["example.test"] = [["127.0.0.1"]]
    error = refusal(tls_server.url(host="example.test", scheme="https"), allowed=LOCAL)
    assert error.code == "tls_error"  # a self-signed certificate: not trusted
    assert tls_server.server_names == ["example.test"]


# What is not text, or not a document ------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_bytes_without_a_nul_are_not_imported_as_text(server, seed):
    assert refusal(server.url(f"/binary?seed={seed}"), allowed=LOCAL).code == "binary"
    with pytest.raises(SourceError) as error:
        from_bytes(_noise(seed), "scan.txt")
    assert error.value.code == "binary"


def test_text_in_a_single_byte_charset_is_still_text():
    text = "L’OTAN et la Serbie coopèrent depuis 2006 — « déclaration » commune.".encode("cp1252")
    assert "coopèrent" in from_bytes(text, "serbie.txt").content


def test_a_page_of_navigation_only_is_refused(server):
    source = fetch_url(server.url("/navigation"), allowed=LOCAL)
    with pytest.raises(SourceError) as error:
        extract(source)
    assert error.value.code in {"too_short", "no_main_text"}
    assert "nothing" in source_error_message(error.value)


@pytest.mark.parametrize(
    "text",
    ["Home", "Home\nTopics\nContact", "Accueil · Actualités · Contact.", "Voir aussi.\n\nAccueil"],
)
def test_a_text_without_a_sentence_is_refused(text):
    with pytest.raises(SourceError) as error:
        extract(from_bytes(text.encode(), "page.txt"))
    assert error.value.code == "too_short"
    assert "holds no sentence" in source_error_message(error.value)


def test_a_page_without_a_content_type_is_read_by_its_content(server):
    assert fetch_url(server.url("/no-type"), allowed=LOCAL).is_html


# The admin form and the command -------------------------------------------------------------

IMPORT_URL = "/admin/documents/sourcedocument/import/"


def test_the_admin_form_refuses_a_local_address_clearly(admin_client, server):
    publisher = PartnerFactory()
    response = admin_client.post(
        IMPORT_URL, {"url": server.url(), "publisher": publisher.pk, "kind": "web_page"}
    )
    assert response.status_code == 200
    assert "private or reserved network address" in response.content.decode()
    assert server.connections == 0
    assert not SourceDocument.objects.exists()


@pytest.mark.parametrize("path", ["/ssh", "/truncated", "/many-headers", "/binary"])
def test_the_admin_form_explains_a_broken_answer(admin_client, server, settings, path):
    settings.IMPORT_ALLOWED_HOSTS = LOCAL
    publisher = PartnerFactory()
    response = admin_client.post(
        IMPORT_URL, {"url": server.url(path), "publisher": publisher.pk, "kind": "web_page"}
    )
    assert response.status_code == 200
    assert server.url(path) in str(response.context["form"].non_field_errors())


def test_the_admin_form_refuses_an_upload_of_random_bytes(admin_client):
    publisher = PartnerFactory()
    upload = SimpleUploadedFile("scan.txt", _noise(3), "text/plain")
    response = admin_client.post(
        IMPORT_URL, {"upload": upload, "publisher": publisher.pk, "kind": "web_page"}
    )
    assert "is not text" in str(response.context["form"].non_field_errors())


def test_the_command_refuses_a_local_address_unless_the_deployment_allows_it(db, server, settings):
    PartnerFactory(slug="nato")
    with pytest.raises(CommandError, match="private or reserved network address"):
        call_command("import_document", server.url(), "--publisher", "nato")
    assert server.connections == 0
    settings.IMPORT_ALLOWED_HOSTS = ["127.0.0.0/8"]
    call_command("import_document", server.url(), "--publisher", "nato")
    assert SourceDocument.objects.get().url == server.url()


def test_the_command_explains_a_server_that_does_not_speak_http(db, server, settings):
    settings.IMPORT_ALLOWED_HOSTS = LOCAL
    with pytest.raises(CommandError, match="did not answer in valid HTTP"):
        call_command("import_document", server.url("/ssh"))


def test_a_mistyped_allow_list_stops_the_deployment(settings):
    settings.IMPORT_ALLOWED_HOSTS = ["wiki.intranet", "10.0.0.0/33"]
    [error] = check_import_allowed_hosts(None)
    assert error.id == "documents.E001" and "10.0.0.0/33" in error.msg
    settings.IMPORT_ALLOWED_HOSTS = ["wiki.intranet", "10.0.0.0/8"]
    assert check_import_allowed_hosts(None) == []
