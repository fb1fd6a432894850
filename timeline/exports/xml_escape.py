"""Escaping text for XML the way ElementTree's serializer does, for exports written as text.

ElementTree is the reference (the tests compare against it), but building and serializing a tree per feed
entry cost more than the rest of a feed; these are the same replacements, in the same order.
"""

from __future__ import annotations


def escape_xml_text(text: str) -> str:
    """Character data: `&`, `<` and `>` as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_xml_attribute(text: str) -> str:
    """An attribute value in double quotes: as `escape_xml_text`, plus `"` and the white space XML would normalize."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    # Kept as character references so a reader's attribute-value normalization leaves them as they were.
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
