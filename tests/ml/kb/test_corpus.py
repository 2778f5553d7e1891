"""The shipped patient knowledge base and its development questions are well-formed."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache

import pytest

from ml.kb.chunking import chunk_sections
from ml.kb.parsing import Parsed, parse
from tests.support import REPO

TOPICS = REPO / "data" / "seed" / "kb" / "topics"
QUESTIONS = REPO / "data" / "seed" / "eval" / "rag_dev.jsonl"
REQUIRED = ("What it is", "When to get medical help")
FIELDS = {"id", "title", "kind", "collection", "audience", "last_reviewed", "licence", "sources"}


@cache
def pages() -> dict[str, Parsed]:
    out = {}
    for path in sorted(TOPICS.glob("*.md")):
        doc = parse(path.read_bytes(), "markdown")
        assert doc.metadata.get("id") == f"topic/{path.stem}", path.name
        out[str(doc.metadata["id"])] = doc
    return out


def test_there_are_enough_topic_pages() -> None:
    assert len(pages()) >= 150


@pytest.mark.parametrize("page_id", sorted(pages()))
def test_each_page_has_provenance_and_the_safety_sections(page_id: str) -> None:
    doc = pages()[page_id]
    meta = doc.metadata
    assert set(meta) >= FIELDS, FIELDS - set(meta)
    assert isinstance(meta["last_reviewed"], date)
    assert 1 <= len(meta["sources"]) <= 3  # type: ignore[arg-type]
    for source in meta["sources"]:  # type: ignore[attr-defined]
        assert str(source["url"]).startswith("https://") and source["publisher"]
    headings = {s.path[0] for s in doc.sections if s.path}
    assert set(REQUIRED) <= headings, set(REQUIRED) - headings
    words = sum(len(s.text.split()) for s in doc.sections)
    assert 150 <= words <= 900, words
    assert chunk_sections(doc.sections)  # it indexes into at least one chunk


def test_development_questions_point_at_pages_that_answer_them() -> None:
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["question"].strip() and row["relevant"], row["id"]
        texts = []
        for page_id in row["relevant"]:
            assert page_id in pages(), (row["id"], page_id)
            texts.append(" ".join(s.text for s in pages()[page_id].sections))
        for pattern in row["expect"]:
            assert any(re.search(pattern, t, re.IGNORECASE) for t in texts), (row["id"], pattern)
