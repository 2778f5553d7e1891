"""LUMEN ML tree: LLM providers, embedder, chemistry, dataset generation, training, GenomePath.

Never imports `backend`; the backend calls small entry points here.
"""
