"""Stage 1: read a raw file into text — detect the encoding, normalise line ends, drop HTML markup."""

from __future__ import annotations

import codecs
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .model import HandbookError
from .text import han_count

MAIN_CONTENT_MIN_HAN = 50  # less than this found as the main content: it was not found

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Chinese pages only: when the detector hesitates, these are the charsets worth trying, in order.
CHINESE_CHARSETS = ("utf-8", "gb18030", "big5")
BINARY_SIGNATURES = (b"\x89PNG", b"%PDF", b"\xd0\xcf\x11\xe0", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). Raises HandbookError when the bytes are not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise HandbookError(f"{name}: starts with a {encoding.removesuffix('-sig')} byte-order mark but is "
                                    f"not {encoding.removesuffix('-sig')} text; save the page again as UTF-8") from None
    if data.startswith(BINARY_SIGNATURES):
        raise HandbookError(f"{name}: is a binary file (image, PDF or office document), not text")
    if not data.strip():
        return "", "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(CHINESE_CHARSETS) + ["utf_16_le", "utf_16_be"]).best()
    candidates = ([best.encoding] if best else []) + list(CHINESE_CHARSETS)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text, encoding
    raise HandbookError(f"{name}: could not be decoded as text (tried {', '.join(candidates)})")


def _looks_like_text(text: str) -> bool:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return control <= len(text) * 0.01


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\f", "\n")


class _TextExtractor(HTMLParser):
    """Keeps the text of an HTML page, one block element per line; drops scripts, styles and nav."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "iframe", "button", "select", "form",
            "footer", "aside"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
             "header", "footer", "aside", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\n]+", " ", data))


HTML_PAGE = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.I | re.S)


def is_html_page(text: str) -> bool:
    return bool(HTML_PAGE.match(text[:500])) or bool(re.search(r"<body[\s>]", text[:5000], re.I))


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def read_bytes(path: Path, max_bytes: int, name: str | None = None) -> bytes:
    """The bytes of a raw file, checked before anything is read: a regular file (not a FIFO, a device
    or a directory, which could block or never end) within the size limit."""
    name = name or str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then tells what was opened
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise HandbookError(f"{name}: file not found") from None
    except OSError as err:
        raise HandbookError(f"{name}: cannot be read ({err.strerror})") from None
    info = os.fstat(fd)
    problem = ("is a directory, not a file" if stat.S_ISDIR(info.st_mode) else
               "is not a regular file (a pipe, device or socket); only text files can be sources"
               if not stat.S_ISREG(info.st_mode) else
               f"is {info.st_size:,} bytes, over the limit of {max_bytes:,} (settings.yaml: max_source_bytes)"
               if info.st_size > max_bytes else None)
    if problem:
        os.close(fd)
        raise HandbookError(f"{name}: {problem}")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(max_bytes + 1)
        except OSError as err:
            raise HandbookError(f"{name}: cannot be read ({err.strerror})") from None
    if len(data) > max_bytes:  # it grew after the check
        raise HandbookError(f"{name}: is over the limit of {max_bytes:,} bytes (settings.yaml: max_source_bytes)")
    return data


def main_content(html: str) -> str:
    """The title and the main content of an HTML page, found by readability-lxml (measured against
    trafilatura on real pages: bench/html_extract.py, bench/RESULTS.md), as text. When it finds next to
    nothing, the whole page's text is kept instead and the text rules decide."""
    from readability import Document  # on first use: only .html sources need it
    from readability.readability import Unparseable

    try:
        doc = Document(html)
        content = html_to_text(doc.summary(html_partial=True))
        title = doc.title() or ""
    except (Unparseable, ValueError):
        return html_to_text(html)
    if han_count(content) < MAIN_CONTENT_MIN_HAN:
        return html_to_text(html)
    return f"{title.strip()}\n\n{content}"


def read_source(path: Path, max_bytes: int, name: str | None = None) -> str:
    """Read a raw page as text: decoded, with \\n line ends and no markup if it was an HTML page."""
    name = name or str(path)
    text, _ = decode(read_bytes(path, max_bytes, name), name)
    text = normalise_newlines(text)
    if is_html_page(text):
        text = main_content(text)
    return text
