"""Documents to sections: Markdown, HTML, PDF and plain text, cleaned, with heading paths (pure).

A section is the text under one heading, with the path of headings above it, so chunks can say
where they come from ("Asthma > When to get medical help") and never straddle two topics.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import yaml

Format = Literal["markdown", "html", "pdf", "text"]
FORMATS: dict[str, Format] = {".md": "markdown", ".markdown": "markdown", ".html": "html",
                              ".htm": "html", ".pdf": "pdf", ".txt": "text"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


class ParseError(ValueError):
    """The document cannot be read as the format it claims."""


@dataclass(frozen=True)
class Section:
    path: tuple[str, ...]  # headings from the top down; () for text before any heading
    text: str


@dataclass(frozen=True)
class Parsed:
    title: str
    metadata: dict[str, object]  # front matter (Markdown) or <meta> values (HTML)
    sections: tuple[Section, ...]


def clean(text: str) -> str:
    """NFC, no control characters, unified newlines, trailing spaces and blank runs trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise ParseError(f"front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ParseError("front matter must be a mapping of fields")
    return {str(k): v for k, v in meta.items()}, text[end + 4:].lstrip("\n")


def _sections_from_lines(lines: list[tuple[int, str] | str]) -> tuple[Section, ...]:
    """Group body lines under headings; a heading is (level, title)."""
    path: list[tuple[int, str]] = []
    out: list[Section] = []
    body: list[str] = []

    def flush() -> None:
        text = clean("\n".join(body))
        if text:
            out.append(Section(tuple(t for _, t in path), text))
        body.clear()

    for line in lines:
        if isinstance(line, tuple):
            flush()
            level, title = line
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, title))
        else:
            body.append(line)
    flush()
    return tuple(out)


def parse_markdown(text: str) -> Parsed:
    meta, body = _front_matter(clean(text))
    lines: list[tuple[int, str] | str] = []
    fenced = False
    title = str(meta.get("title") or "")
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced  # a '#' inside a code block is not a heading
        match = None if fenced else _HEADING.match(line)
        if match:
            level, heading = len(match.group(1)), match.group(2).strip()
            if level == 1 and not title:
                title = heading
            if level == 1 and heading == title:
                continue  # the page title is the document's, not a section's
            lines.append((level, heading))
        else:
            lines.append(line)
    return Parsed(title, meta, _sections_from_lines(lines))


_BLOCKS = {"p", "li", "pre", "blockquote", "td", "th", "dd", "dt", "figcaption", "caption"}
_SKIP = {"script", "style", "nav", "header", "footer", "noscript", "template", "aside", "form"}


def parse_html(html: str) -> Parsed:
    import lxml.html

    if not html.strip():
        return Parsed("", {}, ())
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ParseError(f"not readable as HTML: {exc}") from None
    title = clean(root.findtext(".//title") or "")
    meta = {str(m.get("name")): m.get("content") for m in root.iter("meta")
            if m.get("name") and m.get("content")}
    lines: list[tuple[int, str] | str] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if any(a.tag in _SKIP for a in el.iterancestors()) or tag in _SKIP:
            continue
        text = " ".join(el.text_content().split())
        if re.fullmatch(r"h[1-6]", tag) and text:
            level = int(tag[1])
            if level == 1 and not title:
                title = text
            if not (level == 1 and text == title):
                lines.append((level, text))
        elif tag in _BLOCKS and text and not any(a.tag in _BLOCKS for a in el.iterancestors()):
            lines.extend([text, ""])
    return Parsed(title, meta, _sections_from_lines(lines))


def parse_pdf(data: bytes) -> Parsed:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info: dict[str, object] = dict(reader.metadata or {})
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(f"not readable as PDF: {exc}") from None
    title = clean(str(info.get("/Title") or ""))
    sections = []
    for number, raw in enumerate(pages, start=1):
        text = clean(_HYPHEN_BREAK.sub(r"\1\2", raw))  # words split across line ends
        if text:
            sections.append(Section((f"Page {number}",), text))
    return Parsed(title, {}, tuple(sections))


def parse_text(text: str) -> Parsed:
    body = clean(text)
    first = body.split("\n", 1)[0].strip() if body else ""
    return Parsed(first[:200], {}, (Section((), body),) if body else ())


def parse(data: bytes | str, fmt: Format) -> Parsed:
    """Parse a document of a known format; bytes are decoded as UTF-8 (except PDF)."""
    if fmt == "pdf":
        if isinstance(data, str):
            raise ParseError("a PDF must be given as bytes")
        return parse_pdf(data)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ParseError(f"{fmt} documents must be UTF-8 text") from None
    return {"markdown": parse_markdown, "html": parse_html, "text": parse_text}[fmt](data)
