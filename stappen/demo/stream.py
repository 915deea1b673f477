"""Turns the bilingual YAML description of a step's body into StreamField data in one language.

Every text is a {nl: ..., en: ...} mapping. Building the Dutch stream records each Dutch text with
its English counterpart in a Glossary, which then produces the English translation.
Block ids are derived from stable keys, so a reload gives every worksheet question the same id.
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
    def __init__(self, glossary: Glossary, resource_ids: dict[str, int]):
        self.glossary = glossary
        self.resource_ids = resource_ids

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

    def question(self, value) -> dict:
        kind = value.get("kind", "text")
        columns = value.get("columns", [])
        if (kind == "table") != bool(columns):
            raise ContentError(f"Question {value['key']}: only table questions have columns")
        return {
            "question": self.text(value["question"]),
            "help_text": self.optional_text(value.get("help")),
            "answer_kind": kind,
            "columns": self.items(f"{value['key']}/columns", columns, self.text),
        }

    def block(self, page_key: str, position: int, item: dict) -> dict:
        if len(item) != 1:
            raise ContentError(f"{page_key}: each body item has exactly one block type, got {list(item)}")
        block_type, value = next(iter(item.items()))
        if block_type == "question":
            return {"type": "worksheet_question", "value": self.question(value), "id": stable_id("question", value["key"])}
        builder = getattr(self, f"_{block_type}", None)
        if builder is None:
            raise ContentError(f"{page_key}: unknown block type {block_type!r}")
        key = f"{page_key}/{position}/{block_type}"
        stream_type, stream_value = builder(key, value)
        return {"type": stream_type, "value": stream_value, "id": stable_id(key)}

    def body(self, page_key: str, items: list) -> list:
        return [self.block(page_key, position, item) for position, item in enumerate(items)]

    def _goal(self, key, value):
        return "goal", {"text": self.text(value)}

    def _result(self, key, value):
        return "result", {"text": self.text(value)}

    def _tip(self, key, value):
        return "tip", {"text": self.text(value)}

    def _heading(self, key, value):
        return "heading", {"heading": self.text(value)}

    def _text(self, key, value):
        return "text", {"text": self.paragraphs(value)}

    def _questions_first(self, key, value):
        questions = [
            {"type": "item", "value": self.question(question), "id": stable_id("question", question["key"])}
            for question in value["questions"]
        ]
        return "questions_first", {"intro": self.optional_text(value.get("intro")), "questions": questions}

    def _resources(self, key, value):
        missing = [item for item in value["items"] if item not in self.resource_ids]
        if missing:
            raise ContentError(f"{key}: unknown resources {missing}")
        return "resource_list", {
            "heading": self.optional_text(value.get("heading")),
            "resources": self.items(key, value["items"], self.resource_ids.__getitem__),
        }

    def _example(self, key, value):
        self.glossary.add(value["municipality"], value["municipality"])
        return "example_reference", {
            "municipality": value["municipality"],
            "title": self.text(value["title"]),
            "summary": self.text(value["summary"]),
            "results": self.items(key, value.get("results", []), self.text),
            "page": None,
            "url": value.get("url", ""),
        }

    def _building_blocks(self, key, value):
        def item(entry):
            return {"building_block": entry["key"], "explanation": self.text(entry["explanation"])}

        return "building_blocks", {"intro": self.optional_text(value.get("intro")), "items": self.items(key, value["items"], item)}

    def _indicator_table(self, key, value):
        def row(entry):
            return {"result": self.text(entry["result"]), "indicator": self.text(entry["indicator"])}

        return "indicator_table", {
            "intro": self.optional_text(value.get("intro")),
            "rows": self.items(key, value.get("rows", []), row),
            "blank_rows": value.get("blank_rows", 3),
        }

    def _learning_cycle(self, key, value):
        def question(entry):
            return {"phase": entry["phase"], "question": self.text(entry["question"])}

        return "learning_cycle", {"intro": self.optional_text(value.get("intro")), "questions": self.items(key, value["questions"], question)}

    def _further_reading(self, key, value):
        def link(entry):
            return {"title": self.text(entry["title"]), "url": entry["url"], "description": self.optional_text(entry.get("description"))}

        return "further_reading", {"heading": self.optional_text(value.get("heading")), "links": self.items(key, value["links"], link)}


def _check_bilingual(value):
    if not isinstance(value, dict) or set(value) != {"nl", "en"} or not all(value.values()):
        raise ContentError(f"Expected a {{nl, en}} text, got {value!r}")


def _split_paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip()]
