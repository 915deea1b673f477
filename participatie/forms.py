"""The survey as one form: every question on a screen of its own, filled from what the respondent sent.

Nothing is kept on the server between screens: the answers travel in the form itself until it is sent.
"""

import uuid
from dataclasses import dataclass, field

from participatie.questions import Question
from participatie.submissions import field_name

# The faces from sad to happy: a mood from -2 to 2 draws the mouth and picks the colour.
FACE_MOODS = {3: (-2, 0, 2), 5: (-2, -1, 0, 1, 2)}
MOOD_NAMES = {-2: "very-sad", -1: "sad", 0: "neutral", 1: "happy", 2: "very-happy"}
CODE_CHARACTERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


@dataclass(frozen=True)
class Face:
    mood: int

    @property
    def name(self) -> str:
        return MOOD_NAMES[self.mood]

    @property
    def mouth(self) -> str:
        """An SVG path: a frown, a straight line or a smile on a face drawn in a 48 by 48 box."""
        return f"M15 {32 - self.mood} Q24 {32 + 4 * self.mood} 33 {32 - self.mood}"


@dataclass
class Choice:
    value: str
    label: str
    input_id: str
    checked: bool
    image: object = None
    face: Face | None = None
    side_label: str = ""  # the ladder's words at 0 and 10


@dataclass
class Item:
    """One question on its own screen, with what the respondent has answered so far."""

    question: Question
    screen: int
    name: str
    choices: list[Choice] = field(default_factory=list)
    text: str = ""
    error: str = ""

    @property
    def input_type(self) -> str:
        return "checkbox" if self.question.multiple else "radio"

    @property
    def answered(self) -> bool:
        return bool(self.text) or any(choice.checked for choice in self.choices)

    @property
    def summary(self) -> str:
        """The answer in words, for the screen where the respondent checks everything before sending."""
        if self.question.kind == "open_text":
            return self.text
        return ", ".join(choice.label for choice in self.choices if choice.checked)


def survey_items(questions: list[Question], data=None, errors: dict | None = None) -> list[Item]:
    """The questions as screens 1 to n, with the values in data (a QueryDict, or None for a fresh form)."""
    errors = errors or {}
    return [_item(question, screen, data, errors.get(question.id, "")) for screen, question in enumerate(questions, 1)]


def _item(question, screen, data, error):
    name = field_name(question)
    item = Item(question=question, screen=screen, name=name, error=error)
    if question.kind == "open_text":
        item.text = data.get(name, "") if data is not None else ""
        return item
    chosen = set(data.getlist(name)) if data is not None else set()
    values = [str(value) for value in question.values]
    moods = FACE_MOODS.get(len(values), ()) if question.kind == "face_scale" else ()
    for index, value in enumerate(values):
        choice = Choice(value=value, label=question.label_for(value), input_id=f"{name}-{index}", checked=value in chosen)
        if question.kind == "choice":
            choice.image = question.options[index].image
        elif moods:
            choice.face = Face(moods[index])
        elif question.kind == "ladder":
            choice.side_label = {"0": question.low_label, "10": question.high_label}.get(value, "")
        item.choices.append(choice)
    if question.kind == "ladder":
        item.choices.reverse()  # 10 at the top
    return item


def parse_key(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def normalize_code(value: str) -> str:
    """Codes are typed on phones: ignore case and spaces, and accept nothing but letters, digits and hyphens."""
    code = "".join(str(value).split()).upper()
    return code if 4 <= len(code) <= 20 and set(code) <= CODE_CHARACTERS else ""
