"""The ingest stage: articles in, draft event stubs out (extract -> merge -> link -> write)."""
