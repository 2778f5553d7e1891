"""Audit log: append-only, hash-chained record of who did what, verifiable end to end."""
