"""Why a result matched: which words to mark in its excerpt, and a note when it matched through a synonym or a
typing error rather than the words as typed."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from search.expansion import Alternative, Slot
from search.highlight import pattern_of

AS_TYPED = ("exact", "form", "part")


@dataclass(frozen=True)
class Related:
    """A word searched for besides what was typed: a synonym, or the indexed word a typing error stands for."""

    typed: str
    word: str
    kind: str  # synonym or typo


def highlight_terms(slots: list[Slot]) -> list[str]:
    """The typed words (marked also inside compounds) and every word searched for instead, except whole compounds:
    in "schuldhulpverlening" the typed "schuld" is marked, showing which part matched."""
    terms = set()
    for slot in slots:
        for alternative in slot.alternatives:
            if alternative.kind != "part" or len(alternative.words) > 1:
                terms.update(alternative.words)
    return sorted(terms, key=len, reverse=True)


def related(slots: list[Slot]) -> list[Related]:
    """The synonyms and corrections searched for, for the notice above the results."""
    return [
        Related(slot.typed, alternative.text, alternative.kind)
        for slot in slots
        for alternative in slot.alternatives
        if alternative.kind in ("synonym", "typo")
    ]


def why(slots: list[Slot], text: str) -> str:
    """A note for a result whose text has a typed word only as a synonym or a correction; "" when it has them all."""
    notes = []
    for slot in slots:
        kind, found = _best_in(slot.alternatives, text)
        if kind == "synonym":
            notes.append(_("found through “%(word)s”, which means the same as “%(typed)s”") % {"word": found, "typed": slot.typed})
        elif kind == "typo":
            notes.append(_("found through “%(word)s”, which looks like “%(typed)s”") % {"word": found, "typed": slot.typed})
    note = "; ".join(notes)
    return f"{note[:1].upper()}{note[1:]}." if note else ""


def _best_in(alternatives: list[Alternative], text: str) -> tuple[str, str]:
    """The kind of the first alternative (as typed first, then synonyms, then corrections) the text contains."""
    for kinds in (AS_TYPED, ("synonym",), ("typo",)):
        for alternative in alternatives:
            if alternative.kind in kinds and all(pattern_of([word]).search(text) for word in alternative.words):
                return alternative.kind, alternative.text
    return "", ""
