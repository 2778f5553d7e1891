"""Cross-cutting pieces: errors, logging, middleware, metrics, cache."""
