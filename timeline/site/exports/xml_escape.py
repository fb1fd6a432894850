"""Text for XML exports: characters XML cannot hold removed, then escaped the way ElementTree's serializer does.

ElementTree is the reference (the tests compare against it), but building and serializing a tree per feed
entry cost more than the rest of a feed; these are the same replacements, in the same order.
"""

from __future__ import annotations

import re

# Characters XML 1.0 forbids even when escaped; a hostile article could carry them into a title.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str | None) -> str:
    """`value` with the characters XML 1.0 cannot hold removed (escaping is the serializer's job)."""
    if not value:
        return ""
    if value.isascii() and value.isprintable():  # the usual case, and it holds none of them
        return value
    return _NOT_XML.sub("", value)


def xml_character_data(value: str | None) -> str:
    """`value` as element content: `xml_text`, then `&`, `<` and `>` as entities."""
    return escape_xml_text(xml_text(value))


def xml_attribute_value(value: str | None) -> str:
    """`value` inside a double-quoted attribute: `xml_text`, then escaped as `escape_xml_attribute` does."""
    return escape_xml_attribute(xml_text(value))


def escape_xml_text(text: str) -> str:
    """Character data: `&`, `<` and `>` as entities."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_xml_attribute(text: str) -> str:
    """An attribute value in double quotes: as `escape_xml_text`, plus `"` and the white space XML would normalize."""
    text = escape_xml_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if not text.isprintable():
        # Kept as character references so a reader's attribute-value normalization leaves them as they were.
        text = text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
    return text
