"""A local server that answers imports badly on purpose: raw bytes on a socket, so it can
be slow, cut a body short, break its framing or not speak HTTP at all."""

import random
import socket
import ssl
import struct
import threading
import time
from urllib.parse import parse_qs, urlsplit

PAGE = (
    b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Serbia</title></head>"
    b"<body><nav><a href='/'>Home</a></nav><main><article><h1>Relations with Serbia</h1>"
    b"<p>Serbia joined the Partnership for Peace programme in 2006, the year cooperation and "
    b"dialogue began to develop on a regular basis.</p>"
    b"<p>The NATO Military Liaison Office in Belgrade supports defence reform in Serbia.</p>"
    b"</article></main></body></html>"
)
NAVIGATION = (
    b"<!DOCTYPE html><html lang='en'><head><title>Site</title></head><body>"
    b"<main><p><a href='/'>Home</a></p></main></body></html>"
)
TRICKLE = 40  # bytes sent one at a time by the slow routes
TRICKLE_PAUSE = 0.2


def head(status="200 OK", content_type="text/html; charset=utf-8", length=None, extra=()):
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += extra
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def reset(conn):
    """Close with a TCP reset rather than an orderly end."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class RawServer:
    """Serves on 127.0.0.1 (optionally with TLS); records each connection and request."""

    def __init__(self, tls_context: ssl.SSLContext | None = None):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.tls_context = tls_context
        self.connections = 0
        self.requests: list[tuple[str, dict]] = []
        self.sent: dict[str, int] = {}
        self.stopping = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path="/page", host="127.0.0.1", scheme="http"):
        return f"{scheme}://{host}:{self.port}{path}"

    def stop(self):
        self.stopping.set()
        self.listener.close()

    def _accept(self):
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        try:
            conn.settimeout(30)
            if self.tls_context is not None:
                conn = self.tls_context.wrap_socket(conn, server_side=True)
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                received = conn.recv(4096)
                if not received:
                    return
                data += received
                if data.startswith(b"\x16"):  # a TLS handshake: answered as HTTP servers do
                    conn.sendall(head("400 Bad Request", length=0))
                    return
            request_line, *header_lines = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
            target = request_line.split(" ")[1] if request_line.count(" ") >= 2 else "/"
            headers = dict(line.split(": ", 1) for line in header_lines if ": " in line)
            self.requests.append((target, headers))
            parts = urlsplit(target)
            route = getattr(self, "route_" + parts.path.strip("/").split("/")[0].replace("-", "_"))
            route(conn, parts.path, parse_qs(parts.query))
        except (OSError, AttributeError, IndexError, ssl.SSLError):
            pass
        finally:
            conn.close()

    def _trickle(self, conn, path, byte=b"a"):
        for _ in range(TRICKLE):
            if self.stopping.is_set():
                return
            conn.sendall(byte)
            self.sent[path] = self.sent.get(path, 0) + 1
            time.sleep(TRICKLE_PAUSE)

    # Routes: /<name>/… calls route_<name>.

    def route_page(self, conn, path, query):
        conn.sendall(head(length=len(PAGE)) + PAGE)

    def route_no_type(self, conn, path, query):
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {len(PAGE)}\r\n\r\n".encode() + PAGE)

    def route_navigation(self, conn, path, query):
        conn.sendall(head(length=len(NAVIGATION)) + NAVIGATION)

    def route_binary(self, conn, path, query):
        body = _noise(int(query.get("seed", ["0"])[0]))
        conn.sendall(head(content_type="text/plain", length=len(body)) + body)

    def route_json(self, conn, path, query):
        conn.sendall(head(content_type="application/json", length=2) + b"{}")

    def route_slow_body(self, conn, path, query):
        conn.sendall(head(content_type="text/plain", length=TRICKLE))
        self._trickle(conn, path)

    def route_slow_headers(self, conn, path, query):
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        self._trickle(conn, path)
        conn.sendall(b"\r\n" + head(length=len(PAGE))[len(b"HTTP/1.1 200 OK\r\n") :] + PAGE)

    def route_truncated(self, conn, path, query):
        conn.sendall(head(length=len(PAGE) + 1000) + PAGE)

    def route_bad_chunk(self, conn, path, query):
        conn.sendall(head(extra=["Transfer-Encoding: chunked"]) + b"zz\r\n" + PAGE + b"\r\n")

    def route_cut_chunked(self, conn, path, query):
        chunk = b"%x\r\n%s\r\n" % (len(PAGE), PAGE)
        conn.sendall(head(extra=["Transfer-Encoding: chunked"]) + chunk)

    def route_chunked_large(self, conn, path, query):
        conn.sendall(head(extra=["Transfer-Encoding: chunked"]))
        for _ in range(20):
            conn.sendall(b"%x\r\n%s\r\n" % (1000, b"a" * 1000))
        conn.sendall(b"0\r\n\r\n")

    def route_ssh(self, conn, path, query):
        conn.sendall(b"SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n")
        time.sleep(0.2)

    def route_long_header(self, conn, path, query):
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n")

    def route_many_headers(self, conn, path, query):
        extra = [f"X-Header-{number}: {number}" for number in range(101)]
        conn.sendall(head(length=len(PAGE), extra=extra) + PAGE)

    def route_reset_before(self, conn, path, query):
        reset(conn)

    def route_reset_during(self, conn, path, query):
        conn.sendall(head(length=len(PAGE) * 2) + PAGE)
        time.sleep(0.3)  # the client has read the head by then: the reset cuts the body
        reset(conn)

    def route_redirect(self, conn, path, query):
        location = query["to"][0]
        conn.sendall(head("302 Found", length=0, extra=[f"Location: {location}"]))

    def route_redirect_nowhere(self, conn, path, query):
        conn.sendall(head("302 Found", length=0))

    def route_loop(self, conn, path, query):
        conn.sendall(head("302 Found", length=0, extra=["Location: /loop"]))

    def route_hops(self, conn, path, query):
        left = int(path.rsplit("/", 1)[1])
        location = f"/hops/{left - 1}" if left else "/page"
        conn.sendall(head("301 Moved Permanently", length=0, extra=[f"Location: {location}"]))


def _noise(seed: int) -> bytes:
    """Random bytes without a NUL: what a scan or an archive looks like once NULs are gone."""
    return bytes(byte or 1 for byte in random.Random(seed).randbytes(4000))
