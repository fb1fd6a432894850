"""Shared file I/O: atomic writes, the project lock, YAML written for diffs."""
