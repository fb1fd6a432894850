"""Extraction: from an article file to a draft event with evidence for every field.

Stages, one module each: `reading` (file -> Article), `sentences`, `temporal` (dates and their
resolution), `people`, `places`, `kinds` (what happened, title, summary), `mentions` (background
events), and `stub` (assemble the draft Event with its review block).
"""

from .article import Article

__all__ = ["Article"]
