"""Section-aware chunking: paragraphs packed up to a size, with overlap, never across sections.

Sizes are in words (a fair proxy for MiniLM word pieces: ~1.3 per English word, and the model
reads 256). A paragraph longer than a chunk is split at sentence ends, and a sentence longer
than a chunk at word boundaries, so no chunk is ever over the size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ml.kb.parsing import Section

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")


@dataclass(frozen=True)
class ChunkConfig:
    size: int = 160  # words per chunk at most
    overlap: int = 32  # words repeated from the end of the previous chunk of the same section

    def __post_init__(self) -> None:
        if self.size < 16:
            raise ValueError("chunk size must be at least 16 words")
        if not 0 <= self.overlap < self.size // 2:
            raise ValueError("overlap must be between 0 and half the chunk size")


@dataclass(frozen=True)
class Chunk:
    index: int  # position in the document, from 0
    section: tuple[str, ...]
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _units(text: str, size: int) -> list[list[str]]:
    """Paragraphs as word lists, each at most `size` words (split at sentences, then words)."""
    units: list[list[str]] = []
    for paragraph in re.split(r"\n\s*\n", text):
        words = paragraph.split()
        if len(words) <= size:
            if words:
                units.append(words)
            continue
        for sentence in _SENTENCE_END.split(" ".join(words)):
            parts = sentence.split()
            units.extend(parts[i:i + size] for i in range(0, len(parts), size))
    return units


def _pack(units: list[list[str]], config: ChunkConfig) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for unit in units:
        if current and len(current) + len(unit) > config.size:
            chunks.append(current)
            tail = current[-config.overlap:] if config.overlap else []
            # The overlap only if the next unit still fits beside it.
            current = tail if len(tail) + len(unit) <= config.size else []
        current = current + unit
    if current:
        chunks.append(current)
    return chunks


def chunk_sections(sections: Iterable[Section], config: ChunkConfig | None = None) -> list[Chunk]:
    """Chunks for a document's sections, numbered in reading order."""
    config = config or ChunkConfig()
    out: list[Chunk] = []
    for section in sections:
        for words in _pack(_units(section.text, config.size), config):
            out.append(Chunk(len(out), section.path, " ".join(words)))
    return out


def embedding_text(title: str, chunk: Chunk) -> str:
    """What the embedder reads: title and heading path give a short passage its topic."""
    where = " > ".join((title, *chunk.section)) if title else " > ".join(chunk.section)
    return f"{where}\n{chunk.text}" if where else chunk.text
