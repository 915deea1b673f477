"""The method's own blocks on top of the shared demo StreamBuilder."""

from portal.demo.stream import ContentError, StreamBuilder, stable_id


class MethodStreamBuilder(StreamBuilder):
    def __init__(self, glossary, resource_ids: dict[str, int]):
        super().__init__(glossary)
        self.resource_ids = resource_ids

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
            "purpose": value.get("purpose", ""),
        }

    def _question(self, key, value):
        return "worksheet_question", self.question(value), question_id(value["key"])

    def _goal(self, key, value):
        return "goal", {"text": self.text(value)}

    def _result(self, key, value):
        return "result", {"text": self.text(value)}

    def _tip(self, key, value):
        return "tip", {"text": self.text(value)}

    def _questions_first(self, key, value):
        questions = [
            {"type": "item", "value": self.question(question), "id": question_id(question["key"])}
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


def question_id(key: str) -> str:
    """The block id of a worksheet question: the key teams' answers are stored under."""
    return stable_id("question", key)
