"""Imported only by ingest's forkserver (multiprocessing's preload), never by timeline itself.

Importing it runs one small built-in article through the extractor, so the lazy tables the extractor
builds on first use (the gazetteer, the dateline place list, compiled patterns: the slow part of a first extraction)
exist once in the forkserver, and every worker forked from it starts with them instead of building its
own copy. Any failure is swallowed: this is only a warm-up, and a failing import would take the
forkserver down with it.
"""

from __future__ import annotations

SAMPLE = (
    "Officials meet in the capital\n\n"
    "ISLAMABAD, July 24 (Reuters) - Gen. Jane Doe, the army chief, met Defence Minister John Roe at the "
    "General Headquarters in Rawalpindi on Monday to discuss regional security, the military said.\n"
)


def warm_up() -> None:
    """Extract SAMPLE once; its results are thrown away."""
    try:
        from ..extract.reading import parse_article_text
        from ..extract.stub import extract_article

        extract_article(parse_article_text(SAMPLE, "warm-up.txt", "text"), None)
    except Exception:  # noqa: BLE001, S110 - see the module docstring
        pass


warm_up()
