"""Background jobs: table, API, progress helper, idempotent task runner, sweep."""
