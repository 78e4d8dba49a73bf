"""Fetching a document from an untrusted address: the one place an import touches the network.

Plain functions with no Django imports (the Django layer passes the deployment's allow-list
in). urllib3 speaks HTTP and TLS; this module decides where it may go:

- the URL is read once (``documents.addresses.check_url``); its host is resolved and
  *every* address it resolves to must be public, or allowed by the deployment, before
  anything connects; the connection then goes to the address that was checked — never
  resolved again — with the original ``Host`` header, and for https the certificate is
  checked for the host name (which is also the SNI sent);
- redirections are followed by hand, at most ``MAX_REDIRECTS``, each one checked the same
  way (http and https only);
- one deadline covers everything (resolving, connecting, TLS, headers, body): each read
  waits at most for the time left, and a watchdog cuts the connection when the deadline
  passes, so a server sending a byte every few seconds fails at the deadline;
- a body shorter than its ``Content-Length``, or a broken chunked body, is refused; every
  failure of the server or the network is a ``SourceError`` with a code.
"""

import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from urllib.parse import urljoin

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import (
    ConnectTimeoutError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util.ssl_match_hostname import CertificateError

from documents.addresses import AllowList, Target, check_addresses, check_url
from documents.sources import (
    HTML_TYPES,
    MAX_BYTES,
    TEXT_TYPES,
    TIMEOUT,
    USER_AGENT,
    RawSource,
    SourceError,
    from_bytes,
    read_file,
    too_large,
)

MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
OK_STATUSES = {200, 203}
READ_SIZE = 64 * 1024
_HAS_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def resolve(host: str, port: int) -> list:
    """The addresses ``host`` resolves to, in the system resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))


class _Deadline:
    def __init__(self, origin: str, seconds: float):
        self.origin, self.seconds = origin, seconds
        self.at = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def expired(self) -> SourceError:
        return SourceError(
            "timeout",
            f"{self.origin}: not downloaded within {self.seconds:g} s.",
            origin=self.origin,
            timeout=self.seconds,
        )

    def left(self) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            raise self.expired()
        return left


class _Watchdog:
    """Shuts the connection down when the deadline passes, whatever it is waiting for:
    socket timeouts count per read, not in total. It keeps its own duplicate of the socket
    (the TLS layer takes the original over), closed only once the watchdog is stopped."""

    def __init__(self, seconds: float):
        self._lock = threading.Lock()
        self._socket = None
        self.fired = self._stopped = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _cut(self):
        try:
            self._socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _fire(self):
        with self._lock:
            if self._stopped:
                return
            self.fired = True
            if self._socket is not None:
                self._cut()

    def watch(self, sock: socket.socket):
        with self._lock:
            if self._socket is not None:
                self._socket.close()
            self._socket = sock.dup()
            if self.fired:
                self._cut()

    def stop(self):
        self._timer.cancel()
        with self._lock:
            self._stopped = True
            if self._socket is not None:
                self._socket.close()
                self._socket = None


class _Watched:
    watchdog: _Watchdog

    def _new_conn(self):
        sock = super()._new_conn()
        self.watchdog.watch(sock)
        return sock


class _WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


def _cause(error: BaseException) -> str:
    """A short reason for a network error: the system's words when there are some."""
    while error is not None:
        if isinstance(error, OSError) and error.strerror:
            return error.strerror
        if isinstance(error, http.client.RemoteDisconnected):
            return "the server closed the connection without answering"
        error = error.__cause__ or error.__context__
    return "the connection failed"


def _failure(error: BaseException, origin: str, deadline: _Deadline, watchdog: _Watchdog):
    """The ``SourceError`` a failure of the network or of the server's answer stands for."""
    if watchdog.fired or deadline.passed():
        return deadline.expired()
    if isinstance(error, NewConnectionError):
        cause = _cause(error.__cause__)
        return SourceError(
            "unreachable", f"{origin} cannot be reached: {cause}.", origin=origin, cause=cause
        )
    if isinstance(error, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
        return deadline.expired()
    if isinstance(error, ssl.SSLError | Urllib3SSLError | CertificateError):
        return SourceError(
            "tls_error", f"{origin}: the secure connection failed: {error}.", origin=origin
        )
    if isinstance(error, ProtocolError) and error.args and isinstance(error.args[-1], Exception):
        inner = error.args[-1]
        if isinstance(inner, http.client.IncompleteRead | ConnectionError):
            return SourceError(
                "truncated", f"{origin}: the body arrived incomplete ({inner!r}).", origin=origin
            )
        error = inner
    if isinstance(error, http.client.RemoteDisconnected | ConnectionError):
        cause = _cause(error)
        return SourceError(
            "unreachable", f"{origin} cannot be reached: {cause}.", origin=origin, cause=cause
        )
    return SourceError(
        "bad_response", f"{origin}: not a valid HTTP answer ({error!r}).", origin=origin
    )


def _addresses(target: Target, deadline: _Deadline, allowed: AllowList, origin: str) -> list:
    """The checked addresses of ``target``: resolved within the deadline, all allowed."""
    if not isinstance(target.host, str):
        addresses = [target.host]
    else:
        found: dict = {}

        def run():
            try:
                found["addresses"] = resolve(target.host, target.port)
            except (OSError, UnicodeError, ValueError) as error:
                found["error"] = error

        resolver = threading.Thread(target=run, daemon=True, name="import-resolve")
        resolver.start()
        resolver.join(deadline.left())
        if resolver.is_alive():
            raise deadline.expired()
        addresses = found.get("addresses")
        if not addresses:
            raise SourceError(
                "unknown_host",
                f"{origin}: the host {target.host} was not found.",
                origin=origin,
                host=target.host,
            )
    check_addresses(target, addresses, allowed, origin)
    return addresses


def _connect(target: Target, addresses: list, deadline: _Deadline, watchdog: _Watchdog):
    """A connection to the first of the checked ``addresses`` that answers."""
    error = None
    for address in addresses:
        if target.scheme == "https":
            connection = _WatchedHTTPSConnection(
                str(address),
                target.port,
                timeout=deadline.left(),
                server_hostname=target.tls_name,
                cert_reqs="CERT_REQUIRED",
            )
        else:
            connection = _WatchedHTTPConnection(str(address), target.port, timeout=deadline.left())
        connection.watchdog = watchdog
        try:
            connection.connect()
            return connection
        except NewConnectionError as refused:
            connection.close()
            error = refused
        except BaseException:
            connection.close()
            raise
    raise error


def _get(target: Target, connection, deadline: _Deadline):
    headers = {
        "Host": target.host_header,
        "User-Agent": USER_AGENT,
        "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9",
        "Accept-Encoding": "identity",
        "Connection": "close",
    }
    connection.timeout = deadline.left()
    connection.request(
        "GET",
        target.request_target,
        headers=headers,
        preload_content=False,
        decode_content=True,
        enforce_content_length=True,
    )
    connection.timeout = deadline.left()
    return connection.getresponse()


def _content_type(response) -> tuple[str, str | None]:
    message = http.client.HTTPMessage()
    message["Content-Type"] = response.headers.get("Content-Type", "")
    if not message["Content-Type"]:
        return "", None
    return message.get_content_type(), message.get_content_charset()


def _read_body(response, sock, deadline: _Deadline, origin: str, max_bytes: int) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise too_large(origin, max_bytes)
    chunks, size = [], 0
    while True:
        left = deadline.left()
        # Once the server has closed, only what was already received is left to read.
        with contextlib.suppress(OSError):
            sock.settimeout(left)
        chunk = response.read1(READ_SIZE)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise too_large(origin, max_bytes)
        chunks.append(chunk)


def _redirection(current: str, location: str, origin: str) -> str:
    try:
        return urljoin(current, location.strip())
    except ValueError as error:
        raise SourceError(
            "bad_url", f"{origin}: redirected to an invalid address ({error}).", origin=origin
        ) from error


def _download(url: str, deadline, watchdog, max_bytes: int, allowed: AllowList):
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        target = check_url(current, origin=url)
        addresses = _addresses(target, deadline, allowed, url)
        connection = response = None
        try:
            connection = _connect(target, addresses, deadline, watchdog)
            sock = connection.sock
            response = _get(target, connection, deadline)
            location = response.headers.get("Location")
            if response.status in REDIRECT_STATUSES and location:
                current = _redirection(current, location, url)
                continue
            if response.status not in OK_STATUSES:
                raise SourceError(
                    "http_error",
                    f"{url}: the server answered {response.status} {response.reason}.",
                    origin=url,
                    status=response.status,
                    cause=(response.reason or "")[:100],
                )
            content_type, charset = _content_type(response)
            if content_type and content_type not in HTML_TYPES | TEXT_TYPES:
                raise SourceError(
                    "unsupported_type",
                    f"{url} is {content_type}; only HTML and plain text are imported.",
                    origin=url,
                    content_type=content_type[:100],
                )
            body = _read_body(response, sock, deadline, url, max_bytes)
            return body, content_type, charset, current
        except SourceError:
            raise
        except (Urllib3Error, http.client.HTTPException, OSError, CertificateError) as error:
            raise _failure(error, url, deadline, watchdog) from error
        finally:
            if response is not None:
                response.close()
            if connection is not None:
                connection.close()
    raise SourceError(
        "too_many_redirects",
        f"{url}: more than {MAX_REDIRECTS} redirections.",
        origin=url,
        max_redirects=MAX_REDIRECTS,
    )


def fetch_url(
    url: str,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    allowed: AllowList | Iterable[str] = (),
) -> RawSource:
    """GET ``url`` (http or https) within ``timeout`` seconds in all and ``max_bytes``
    bytes. ``allowed``: the internal hosts and networks this deployment may fetch from
    (``AllowList``, or its entries as text); every other non-public address is refused."""
    if not isinstance(allowed, AllowList):
        allowed = AllowList.parse(allowed)
    deadline = _Deadline(url, timeout)
    watchdog = _Watchdog(timeout)
    try:
        body, content_type, charset, final_url = _download(
            url, deadline, watchdog, max_bytes, allowed
        )
    finally:
        watchdog.stop()
    source = from_bytes(body, url, content_type, charset)
    return RawSource(content=source.content, is_html=source.is_html, origin=url, url=final_url)


def read_source(
    path_or_url: str,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    allowed: AllowList | Iterable[str] = (),
) -> RawSource:
    """A file, or an address with a scheme (only http and https are fetched)."""
    if _HAS_SCHEME.match(path_or_url):
        return fetch_url(path_or_url, timeout=timeout, max_bytes=max_bytes, allowed=allowed)
    return read_file(path_or_url, max_bytes=max_bytes)
