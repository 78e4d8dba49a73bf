"""A curator in the admin, over real HTTP: signs in (CSRF and all), edits records through
their change forms, imports a new document version through the import page, and — a step
of its own, another person's — publishes what was edited and imported."""

import http.client
import secrets
import time
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


class FormFields(HTMLParser):
    """The values a browser would submit from the form whose id is ``form_id``."""

    def __init__(self, form_id: str | None = None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, form_id is None
        self.fields: list[tuple[str, str]] = []
        self.options: dict[str, list[str]] = {}
        self._select = self._textarea = None
        self._select_values: list[str] = []
        self._select_chosen = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_id is not None:
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select, self._select_values, self._select_chosen = name, [], False
            self.options[name] = []
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            self.options[self._select].append(value)
            self._select_values.append(value)
            if "selected" in attrs:
                self.fields.append((self._select, value))
                self._select_chosen = True
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.form_id is not None:
            self.inside = False
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_values:
                self.fields.append((self._select, self._select_values[0]))
            self._select = None
        elif tag == "textarea" and self._textarea:
            # A browser drops the one newline that follows <textarea>.
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def form_of(html: str, form_id: str | None = None) -> FormFields:
    parser = FormFields(form_id)
    parser.feed(html)
    return parser


@dataclass
class Answer:
    status: int
    location: str
    body: str


@dataclass
class Curator:
    host: str
    port: int
    username: str
    password: str
    cookies: dict[str, str] = field(default_factory=dict)
    log: list[dict] = field(default_factory=list)

    def request(self, method, path, body=b"", content_type=None, attempts=20) -> Answer:
        """One request; a refused connection or a 5xx (a fault under way) is tried again,
        as a curator would press the button again. Each failure is logged."""
        for attempt in range(attempts):
            began = self.moment()
            try:
                response, text = self._send(method, path, body, content_type)
            except (OSError, http.client.HTTPException) as error:
                failure = {"error": type(error).__name__}
            else:
                self.answered_by(response)
                if response.status < 500:
                    return Answer(response.status, response.getheader("Location", ""), text)
                failure = {"status": response.status}
            failure.update(path=path, retry=attempt, **self.circumstances(began))
            self.log.append(failure)
            time.sleep(0.25)
        raise RuntimeError(f"{method} {path} failed {attempts} times")

    def moment(self):
        """Noted as a request begins, for ``circumstances`` (nothing here)."""
        return None

    def circumstances(self, began) -> dict:
        """What a failure is logged with, besides its path and attempt (none here)."""
        return {}

    def answered_by(self, response: http.client.HTTPResponse) -> None:
        """Called with each response, whatever its status (nothing to note here)."""

    def _send(self, method, path, body, content_type) -> tuple[http.client.HTTPResponse, str]:
        headers = {"Accept-Language": "en", "Cookie": self._cookie_header()}
        if content_type:
            headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, text

    def _cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def post_form(self, path, fields) -> Answer:
        return self.request(
            "POST", path, urlencode(fields).encode(), "application/x-www-form-urlencoded"
        )

    def sign_in(self) -> None:
        page = self.request("GET", "/admin/login/")
        fields = dict(form_of(page.body, "login-form").fields)
        fields.update(username=self.username, password=self.password)
        answer = self.post_form("/admin/login/?next=/admin/", fields)
        if answer.status != 302:
            raise RuntimeError(f"sign-in refused ({answer.status})")

    def edit(self, change_path: str, form_id: str, changes: dict[str, str]) -> bool:
        """Open a change form, change some fields, save; True when the admin accepted it."""
        page = self.request("GET", change_path)
        fields = [(k, v) for k, v in form_of(page.body, form_id).fields if k not in changes]
        fields += list(changes.items())
        answer = self.post_form(change_path, fields)
        return answer.status == 302

    def transition(self, change_path: str, form_id: str, name: str) -> bool:
        """Press a workflow button (``approve``…) on the unchanged change form; True when
        the admin reports no refusal on the page it leads to."""
        page = self.request("GET", change_path)
        fields = [*form_of(page.body, form_id).fields, ("_transition", name)]
        answer = self.post_form(change_path, fields)
        if answer.status != 302:
            return False
        return '<li class="error">' not in self.request("GET", answer.location).body

    def form_options(self, path: str, form_id: str, name: str) -> list[str]:
        return form_of(self.request("GET", path).body, form_id).options.get(name, [])

    def import_version(self, document_pk: int, text: str) -> str:
        """Upload ``text`` as a new version of the document, through the import page; the
        path of the new version's admin page, where a reviewer publishes it ("" when the
        import was refused)."""
        path = "/admin/documents/sourcedocument/import/"
        fields = dict(form_of(self.request("GET", path).body).fields)
        fields["document"] = str(document_pk)
        boundary = f"----soak{uuid.uuid4().hex}"
        body = multipart(boundary, fields, "upload", "new-version.txt", text.encode())
        answer = self.request("POST", path, body, f"multipart/form-data; boundary={boundary}")
        if answer.status != 302:
            return ""
        return urlsplit(answer.location).path


def multipart(boundary, fields, file_field, filename, content) -> bytes:
    parts = []
    for name, value in fields.items():
        if name == file_field:
            continue
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


def marker() -> str:
    return f"soak-{secrets.token_hex(6)}"
