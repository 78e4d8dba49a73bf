"""Reading a document's text from a .txt file, an .html file or the bytes of a download
(``documents/fetching.py`` fetches addresses).

Plain functions with no Django imports. A failure raises ``SourceError`` with a ``code``
(the Django layer turns it into a translated message, see ``documents.importing``) and
an English ``reason``.

HTML is reduced to its main text by trafilatura (the page's navigation, footer and other
boilerplate are left out, and images with their captions before it reads the page); the
original is kept as retrieved. What is not text (bytes that
decode to control characters and replacement marks) and a text without a single sentence
(a page of navigation links) are refused: neither holds anything to cite.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from periods.stated_update import StatedUpdate, find_stated_update

#: Largest document read from a file, an upload or a URL.
MAX_BYTES = 5 * 1024 * 1024
#: Seconds a URL may take to answer and to be read in full.
TIMEOUT = 15.0
USER_AGENT = "Liaison/0.1 (document import)"

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)

#: Characters no text holds but by accident: control characters other than the spacing ones
#: (tab, line feeds, form feed) and the mark left for bytes that did not decode. Random bytes
#: decode to about one in eight of them; a text to none, or a stray one.
_NOISE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
MAX_NOISE_SHARE = 0.01
#: The least a document holds: one sentence, a few words ending in . ! ? or … (a claim is
#: cited from a sentence). Navigation ("Home", "Topics · Contact") has none.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = re.compile(r"[.!?…]")
_WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 4


class SourceError(Exception):
    """A source cannot be read. ``code`` names the case; ``params`` fill its message."""

    def __init__(self, code: str, reason: str, **params):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class RawSource:
    """A document as retrieved, decoded, before extraction."""

    content: str
    is_html: bool
    origin: str  # the path, file name or URL it came from
    url: str = ""  # when it was fetched from the web


@dataclass(frozen=True)
class ExtractedText:
    text: str
    title: str
    language: str  # "fr", "en", or "" when the source does not say
    stated_update: StatedUpdate | None


def decode(data: bytes, charset: str | None = None) -> str:
    """Bytes to text: the declared charset, else UTF-8, else the page's ``<meta charset>``,
    else Windows-1252 (which decodes any byte)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    candidates = [charset] if charset else []
    candidates.append("utf-8")
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    for candidate in candidates:
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def looks_like_html(content: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.match(content[:1000]))


def looks_binary(content: str) -> bool:
    """Whether decoded ``content`` is bytes that are not text."""
    return len(_NOISE.findall(content)) > len(content) * MAX_NOISE_SHARE


def has_a_sentence(text: str) -> bool:
    """Whether ``text`` holds a sentence: at least ``MIN_SENTENCE_WORDS`` words ending in
    a full stop, a question or exclamation mark or an ellipsis, within one paragraph."""
    for paragraph in _PARAGRAPH_BREAK.split(text):
        *sentences, _unfinished = _SENTENCE_END.split(paragraph)
        if any(len(_WORD.findall(sentence)) >= MIN_SENTENCE_WORDS for sentence in sentences):
            return True
    return False


def _check_sentence(text: str, origin: str):
    if not has_a_sentence(text):
        excerpt = " ".join(text.split())
        excerpt = excerpt if len(excerpt) <= 80 else f"{excerpt[:79]}…"
        raise SourceError(
            "too_short",
            f"{origin}: no sentence in the text found ({excerpt!r}); nothing to cite.",
            origin=origin,
            excerpt=excerpt,
        )


def from_bytes(data: bytes, name: str, content_type: str = "", charset: str | None = None):
    """A ``RawSource`` from the bytes of a file or an upload called ``name``."""
    if not data.strip():
        raise SourceError("empty", f"{name} is empty.", origin=name)
    # Text and HTML never hold a NUL byte; PDFs, images and archives do (and PostgreSQL
    # refuses NUL in text). Decoding would turn them into pages of noise.
    if b"\x00" in data:
        raise SourceError(
            "binary",
            f"{name} is not text (a PDF, an image…); only HTML pages and plain text are imported.",
            origin=name,
        )
    content = decode(data, charset)
    if looks_binary(content):
        raise SourceError(
            "binary",
            f"{name} is not text (it decodes to control characters); only HTML pages and "
            "plain text are imported.",
            origin=name,
        )
    suffix = Path(name).suffix.lower()
    if content_type in HTML_TYPES or suffix in HTML_SUFFIXES:
        is_html = True
    elif content_type in TEXT_TYPES or suffix in TEXT_SUFFIXES:
        is_html = False
    else:
        is_html = looks_like_html(content)
    return RawSource(content=content, is_html=is_html, origin=name)


def too_large(origin: str, max_bytes: int) -> SourceError:
    return SourceError(
        "too_large",
        f"{origin} is larger than {max_bytes} bytes; it was not imported.",
        origin=origin,
        max_bytes=max_bytes,
    )


def read_file(path, max_bytes: int = MAX_BYTES) -> RawSource:
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes:
            raise too_large(str(path), max_bytes)
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise SourceError("not_found", f"No such file: {path}.", origin=str(path)) from error
    except OSError as error:
        raise SourceError(
            "unreadable", f"{path} cannot be read: {error}.", origin=str(path)
        ) from error
    return from_bytes(data, str(path))


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


#: What an image leaves in a page's text: its caption and its alternative text ("Serbia and
#: NATO Flags", "JPEG"), which state no fact and break the paragraphs around them.
_IMAGE_DEBRIS = "//figcaption | //img | //picture | //svg"


def without_images(content: str) -> str:
    """The HTML ``content`` without its images and their captions; unchanged when it does
    not parse."""
    from lxml import etree, html

    try:
        tree = html.fromstring(content)
    except (etree.ParserError, ValueError):
        return content
    debris = tree.xpath(_IMAGE_DEBRIS)
    if not debris:
        return content
    for element in debris:
        element.drop_tree()
    return html.tostring(tree, encoding="unicode")


def extract(source: RawSource) -> ExtractedText:
    """The main text of a source, its title, language and stated update date."""
    if not source.is_html:
        _check_sentence(source.content, source.origin)
        return ExtractedText(
            text=source.content,
            title=_first_line(source.content),
            language="",
            stated_update=find_stated_update(source.content),
        )
    # trafilatura pulls in lxml and date parsers: loaded only when HTML is imported.
    import trafilatura

    text = trafilatura.extract(
        without_images(source.content),
        url=source.url or None,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if not text or not text.strip():
        raise SourceError(
            "no_main_text",
            f"{source.origin}: no main text found in this page.",
            origin=source.origin,
        )
    _check_sentence(text, source.origin)
    metadata = trafilatura.extract_metadata(source.content)
    language = _HTML_LANG.search(source.content[:4096])
    # The update date often sits outside the main text, next to the title.
    stated = find_stated_update(text) or find_stated_update(trafilatura.html2txt(source.content))
    return ExtractedText(
        text=text,
        title=(metadata.title if metadata and metadata.title else "") or _first_line(text),
        language=language.group(1).lower() if language else "",
        stated_update=stated,
    )
