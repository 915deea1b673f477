"""The order of the best matches, by where and how each word of the query matched.

The backend finds the matches and scores them (bm25, ts_rank or the engine's score). Summing over every word
searched for, those scores favour a text that holds many related words over one whose title is the word itself,
and the database backends cannot tell a summary from the rest of the text. So the best matches are ordered again
by one rule on every backend: for each word of the query, the best of its alternatives counts, by where it occurs
(title above opening above the rest) and by how it relates to what was typed (as typed or another form, above a
compound, part or synonym, above a typing error). The backend's own score then decides between equals.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from search.expansion import Slot
from search.vocabulary import words_of

RERANKED = 100  # the best matches by the backend's score that are ordered again; the rest follow in its order
OPENING = 400  # the first characters of the indexed text: a page's summary or introduction
PLACES = {"title": 3.0, "opening": 2.0, "body": 1.0}
KINDS = {"exact": 1.0, "form": 1.0, "part": 0.7, "synonym": 0.7, "typo": 0.4}
REPEATS = 0.1  # each further occurrence in the text adds this, up to MOST_REPEATS of them
MOST_REPEATS = 5
COMBINING = re.compile(r"[\u0300-\u036f]")  # the accents NFKD splits off Latin letters
BACKEND_SHARE = 0.5  # the backend's score, scaled to the best match, adds at most this


@dataclass
class Text:
    """The words of a match's title, opening and rest, accents removed."""

    title: frozenset
    opening: frozenset
    body: Counter

    @classmethod
    def of(cls, title: str, body: str) -> "Text":
        body = fold(body or "")
        return cls(frozenset(words_of(fold(title or ""))), frozenset(words_of(body[:OPENING])), Counter(words_of(body)))

    def weight(self, words: tuple[str, ...]) -> float:
        """How much these words count here: all in the title, all in the opening, or all anywhere."""
        if all(word in self.title for word in words):
            return PLACES["title"]
        if all(word in self.opening for word in words):
            return PLACES["opening"]
        occurrences = min(self.body[word] + (word in self.title) for word in words)
        return PLACES["body"] + REPEATS * min(occurrences - 1, MOST_REPEATS) if occurrences else 0.0


def fold(text: str) -> str:
    """Lower case without accents, as the full-text indexes compare words: "financiële" as "financiele"."""
    text = text.lower()
    return text if text.isascii() else COMBINING.sub("", unicodedata.normalize("NFKD", text))


def best_first(scores: dict[int, float]) -> list[int]:
    """The ids of the RERANKED best matches by the backend's score."""
    return sorted(scores, key=lambda pk: -scores[pk])[:RERANKED]


def reranked(scores: dict[int, float], texts: dict[int, Text], slots: list[Slot]) -> dict[int, float]:
    """New scores: the words of each slot found in the text of the best matches (texts), and the backend's score."""
    best = max(scores.values(), default=0.0) or 1.0
    return {
        pk: (_matched(texts[pk], slots) if pk in texts else 0.0) + BACKEND_SHARE * score / best
        for pk, score in scores.items()
    }


def _matched(text: Text, slots: list[Slot]) -> float:
    total = 0.0
    for slot in slots:
        total += max(
            (KINDS[alternative.kind] * text.weight(tuple(fold(word) for word in alternative.words))
             for alternative in slot.alternatives),
            default=0.0,
        )
    return total
