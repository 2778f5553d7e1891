"""Knowledge-base building blocks (pure): parsing, chunking, BM25 sparse vectors, rank fusion.

The backend's knowledge-base domain stores documents and drives the vector store with these.
"""
