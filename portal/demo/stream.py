"""Turns a bilingual YAML description of a page body into StreamField data in the default language.

Every text is a {nl: ..., en: ...} mapping. Building the Dutch stream records each Dutch text with
its English counterpart in a Glossary, which then produces the English translation.
Block ids are derived from stable keys, so a reload gives every block the same id.
Apps subclass StreamBuilder with a `_<yaml key>` method per block kind they add.
"""

import uuid
from html import escape

from portal.demo.translate import Glossary

NAMESPACE = uuid.UUID("0b6f5c1e-8f7a-4c2e-9d3b-2a1e5f6c7d80")


class ContentError(ValueError):
    pass


def stable_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


class StreamBuilder:
    def __init__(self, glossary: Glossary):
        self.glossary = glossary

    def text(self, value) -> str:
        _check_bilingual(value)
        self.glossary.add(value["nl"].strip(), value["en"].strip())
        return value["nl"].strip()

    def optional_text(self, value) -> str:
        return self.text(value) if value else ""

    def paragraphs(self, value) -> str:
        """A {nl, en} text of blank-line separated paragraphs as rich-text HTML in Dutch."""
        _check_bilingual(value)
        nl, en = (_split_paragraphs(value[lang]) for lang in ("nl", "en"))
        if len(nl) != len(en):
            raise ContentError(f"Paragraph counts differ between nl and en: {nl[0][:60]!r}")
        for source, target in zip(nl, en, strict=True):
            self.glossary.add(source, target)
        return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in nl)

    def items(self, key, values, build):
        return [{"type": "item", "value": build(value), "id": stable_id(key, index)} for index, value in enumerate(values)]

    def block(self, page_key: str, position: int, item: dict) -> dict:
        if len(item) != 1:
            raise ContentError(f"{page_key}: each body item has exactly one block type, got {list(item)}")
        block_type, value = next(iter(item.items()))
        builder = getattr(self, f"_{block_type}", None)
        if builder is None:
            raise ContentError(f"{page_key}: unknown block type {block_type!r}")
        key = f"{page_key}/{position}/{block_type}"
        stream_type, stream_value, *block_id = builder(key, value)
        return {"type": stream_type, "value": stream_value, "id": block_id[0] if block_id else stable_id(key)}

    def body(self, page_key: str, items: list) -> list:
        return [self.block(page_key, position, item) for position, item in enumerate(items)]

    def _heading(self, key, value):
        return "heading", {"heading": self.text(value)}

    def _text(self, key, value):
        return "text", {"text": self.paragraphs(value)}

    def _further_reading(self, key, value):
        def link(entry):
            return {"title": self.text(entry["title"]), "url": entry["url"], "description": self.optional_text(entry.get("description"))}

        return "further_reading", {"heading": self.optional_text(value.get("heading")), "links": self.items(key, value["links"], link)}


def _check_bilingual(value):
    if not isinstance(value, dict) or set(value) != {"nl", "en"} or not all(value.values()):
        raise ContentError(f"Expected a {{nl, en}} text, got {value!r}")


def _split_paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip()]
