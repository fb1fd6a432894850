"""timeline: turn news articles into a sourced, correctable, publishable chronology."""

__version__ = "0.1.0"
