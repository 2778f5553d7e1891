"""Parsing each format into sections, and section-aware chunking edge cases."""

from __future__ import annotations

import io
import itertools

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ml.kb.chunking import Chunk, ChunkConfig, chunk_sections, embedding_text
from ml.kb.parsing import ParseError, Section, clean, parse

MARKDOWN = """---
id: topic/asthma
title: Asthma
---
# Asthma

Intro line.

## Common symptoms
Wheeze and cough.

```
# not a heading inside code
```

### At night
Worse at night.

## When to get medical help
Call 999 if blue lips.
"""


def test_markdown_sections_follow_the_heading_path() -> None:
    doc = parse(MARKDOWN, "markdown")
    assert doc.title == "Asthma" and doc.metadata["id"] == "topic/asthma"
    paths = [s.path for s in doc.sections]
    assert paths == [(), ("Common symptoms",), ("Common symptoms", "At night"),
                     ("When to get medical help",)]
    assert "# not a heading" in doc.sections[1].text


def test_markdown_with_broken_front_matter_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse("---\ntitle: [unclosed\n---\n# x\n", "markdown")


def test_html_skips_navigation_and_scripts() -> None:
    html = """<html><head><title>Flu</title><script>var x = 1;</script></head><body>
    <nav><a>Home</a> menu</nav><h1>Flu</h1><p>Flu is a virus.</p>
    <h2>Self-care</h2><ul><li>Rest</li><li>Drink <b>fluids</b></li></ul>
    <footer>Cookie banner</footer></body></html>"""
    doc = parse(html.encode(), "html")
    assert doc.title == "Flu"
    text = " ".join(s.text for s in doc.sections)
    assert "menu" not in text and "Cookie" not in text and "var x" not in text
    assert doc.sections[-1].path == ("Self-care",)
    assert "Drink fluids" in doc.sections[-1].text


def _pdf(pages: list[str]) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setTitle("Leaflet")
    for page in pages:
        y = 800
        for line in page.split("\n"):
            pdf.drawString(72, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_pdf_pages_become_sections_and_hyphen_breaks_join() -> None:
    doc = parse(_pdf(["Take with food. Avoid alco-\nhol.", "", "Second page text."]), "pdf")
    assert doc.title == "Leaflet"
    assert [s.path for s in doc.sections] == [("Page 1",), ("Page 3",)]  # empty page dropped
    assert "alcohol" in doc.sections[0].text


def test_bad_pdf_and_bad_utf8_are_parse_errors() -> None:
    with pytest.raises(ParseError):
        parse(b"%PDF-1.4 garbage", "pdf")
    with pytest.raises(ParseError):
        parse(b"\xff\xfe\xfa", "markdown")


def test_clean_removes_control_characters_and_blank_runs() -> None:
    assert clean("a\x00b\r\n\r\n\r\n\r\nc\u00a0d  ") == "ab\n\nc d"


def test_empty_documents_have_no_sections_or_chunks() -> None:
    for fmt in ("markdown", "html", "text"):
        doc = parse("   \n\n ", fmt)  # type: ignore[arg-type]
        assert doc.sections == ()
        assert chunk_sections(doc.sections) == []


def _words(n: int, prefix: str = "w") -> str:
    return " ".join(f"{prefix}{i}" for i in range(n))


def test_chunks_never_exceed_the_size_and_overlap() -> None:
    config = ChunkConfig(size=50, overlap=10)
    text = "\n\n".join(_words(30, f"p{p}_") for p in range(6))
    chunks = chunk_sections([Section(("S",), text)], config)
    assert all(c.words <= 50 for c in chunks)
    for before, after in itertools.pairwise(chunks):
        assert after.text.split()[:10] == before.text.split()[-10:]  # the overlap
    seen = {w for c in chunks for w in c.text.split()}
    assert seen == set(text.split())  # nothing lost


def test_a_giant_paragraph_without_sentences_is_split_by_words() -> None:
    chunks = chunk_sections([Section((), _words(1000))], ChunkConfig(size=100, overlap=0))
    assert len(chunks) == 10 and all(c.words == 100 for c in chunks)


def test_chunks_do_not_cross_sections_and_are_numbered() -> None:
    sections = [Section(("A",), _words(20, "a")), Section(("B",), _words(20, "b"))]
    chunks = chunk_sections(sections, ChunkConfig(size=100, overlap=10))
    assert [(c.index, c.section) for c in chunks] == [(0, ("A",)), (1, ("B",))]


def test_a_split_paragraph_keeps_its_context_through_the_overlap() -> None:
    config = ChunkConfig(size=40, overlap=8)
    chunks = chunk_sections([Section((), _words(41))], config)
    assert [c.words for c in chunks] == [40, 9]  # the one word left carries 8 words before it
    assert chunks[1].text.split()[-1] == "w40"


@pytest.mark.parametrize("bad", [dict(size=8), dict(size=100, overlap=60),
                                 dict(size=100, overlap=-1)])
def test_chunk_config_is_validated(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        ChunkConfig(**bad)


def test_embedding_text_names_where_the_passage_is() -> None:
    chunk = Chunk(0, ("When to get medical help",), "Call 999.")
    assert embedding_text("Asthma", chunk) == "Asthma > When to get medical help\nCall 999."
