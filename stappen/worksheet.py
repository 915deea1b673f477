"""The worksheet questions a step page asks, read from its StreamField.

A question is identified by its block id, which stays the same when editors reorder the page
and in every translation, so answers can be stored against it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class WorksheetQuestion:
    id: str
    question: str
    help_text: str
    answer_kind: str
    columns: tuple[str, ...]
    asked_first: bool
    purpose: str = ""


def _question(block_id, value, asked_first):
    return WorksheetQuestion(
        id=block_id,
        question=value["question"],
        help_text=value["help_text"],
        answer_kind=value["answer_kind"],
        columns=tuple(value["columns"]),
        asked_first=asked_first,
        purpose=value.get("purpose") or "",
    )


def worksheet_questions(body) -> list[WorksheetQuestion]:
    """Every worksheet question in page order, including those in 'questions to settle first' blocks."""
    questions = []
    for block in body:
        if block.block_type == "worksheet_question":
            questions.append(_question(block.id, block.value, asked_first=False))
        elif block.block_type == "questions_first":
            for item in block.value["questions"].bound_blocks:
                questions.append(_question(item.id, item.value, asked_first=True))
    return questions


def learning_cycle_questions(body) -> list[WorksheetQuestion]:
    """The learning-cycle questions, which a team answers when it goes round the plan again."""
    # Only the learning-cycle blocks are turned into values, so other blocks' snippets are not fetched.
    blocks = [body[index] for index, raw in enumerate(body.raw_data) if raw["type"] == "learning_cycle"]
    return [
        WorksheetQuestion(
            id=item.id,
            question=f"{item.value.label()}: {item.value['question']}",
            help_text="",
            answer_kind="text",
            columns=(),
            asked_first=False,
        )
        for block in blocks
        for item in block.value["questions"].bound_blocks
    ]
