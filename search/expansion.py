"""What a query stands for: each of its words with the indexed words that mean the same to the visitor.

Dutch glues words together, so a word is looked for as typed, in its other forms (same stem), and inside the
compounds that contain it (`schuldhulp` in "schuldhulpverlening", `maaltijden` in "schoolmaaltijden"). A word the
content never uses in any form is looked for as its parts when it is a compound (`kledingwinkel`: "kleding" and
"winkel", with the linking letters -s-, -e- and -en- between them) and as the indexed words one typing error away.
Words in a group of synonyms that editors keep (search.models.SynonymGroup) bring the group's other words. Every
backend gets the same alternatives (search.retrieval); the engine then matches and ranks them.
"""

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from portal import moments
from search.models import SynonymGroup
from search.vocabulary import Vocabulary, stem, stop_words, vocabulary, words_of

PHRASE = re.compile(r'"([^"]*)"')
MIN_EXPANDED = 4  # shorter words are looked for as typed: "les" inside every compound would find anything
MIN_LOOSE_PART = 6  # a word this long is a part of any indexed word that contains it; a shorter one needs the rest to be words
MIN_TYPO = 5  # one typing error is forgiven in words of five letters or more
MIN_PART = 3
LINKS = ("s", "en", "e")  # between the parts of a compound: verjaardag-s-box, boek-en-kast, ziekte-kosten
ENDINGS = frozenset({"s", "en", "e", "n", "es", "er", "ers", "je", "jes", "tje", "tjes", "pje", "pjes", "etje", "etjes"})
VOWELS = frozenset("aeiouy")
MOST = {"form": 10, "part": 20, "typo": 3}
TIERS = {"exact": 1, "form": 1, "part": 2, "synonym": 2, "typo": 3}


@dataclass(frozen=True)
class Alternative:
    """Words that, all together, stand for what was typed; kind says how they relate to it."""

    words: tuple[str, ...]
    kind: str  # exact, form, part, synonym or typo
    phrase: bool = False

    @property
    def tier(self) -> int:
        return TIERS[self.kind]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Slot:
    """One word or phrase of the query; a result must match one of its alternatives."""

    typed: str
    alternatives: list[Alternative]


def expand(query: str, locale) -> list[Slot]:
    words = vocabulary(locale)
    phrases = [words_of(phrase) for phrase in PHRASE.findall(query)]
    slots = [Slot(" ".join(phrase), [Alternative(tuple(phrase), "exact", phrase=True)]) for phrase in phrases if phrase]
    typed = words_of(PHRASE.sub(" ", query))
    content = [word for word in typed if word not in stop_words(words.language)]
    # Words like "de" and "voor" are in nearly every text: they only count when nothing else was typed.
    return slots + _word_slots(content if content else typed, words, _synonyms(locale))


def _word_slots(typed: list[str], words: Vocabulary, synonyms: "Synonyms") -> list[Slot]:
    slots, position = [], 0
    while position < len(typed):
        length, others = synonyms.at(typed, position)
        span = tuple(typed[position:position + length])
        alternatives = _alternatives(span[0], words) if length == 1 else [Alternative(span, "exact")]
        alternatives += [Alternative(form, "synonym") for other in others for form in _with_forms(other, words)]
        slots.append(Slot(" ".join(span), _unique(alternatives)))
        position += length
    return slots


def _alternatives(word: str, words: Vocabulary) -> list[Alternative]:
    exact = [Alternative((word,), "exact")]
    if len(word) < MIN_EXPANDED or word.isdigit() or word in stop_words(words.language):
        return exact
    forms = _forms(word, words)
    found = exact + [Alternative((form,), "form") for form in forms]
    found += [Alternative((compound,), "part") for compound in _compounds_with(word, words)]
    if word in words or forms:
        return found
    # A word the content never uses: its parts (a compound people made up), and the words one typing error away.
    split = _split(word, words)
    if split:
        found.append(Alternative(split, "part"))
    if len(word) >= MIN_TYPO:
        found += [Alternative((near,), "typo") for near in _one_error_away(word, words)]
    return found


def _forms(word: str, words: Vocabulary) -> list[str]:
    """Indexed words with the same stem where one begins with the other: the stemmer also joins "gezin" and "gezien"."""
    forms = [other for other in words.forms(word) if other != word and (other.startswith(word) or word.startswith(other))]
    forms += [form for form in _inflected(word) if form in words and form != word and form not in forms]
    return forms[:MOST["form"]]


def _with_forms(synonym: tuple[str, ...], words: Vocabulary) -> list[tuple[str, ...]]:
    """A synonym, and its other forms when it is one word."""
    if len(synonym) > 1:
        return [synonym]
    return [synonym, *((form,) for form in _forms(synonym[0], words))]


def _inflected(word: str) -> list[str]:
    """Other forms of word by the regular Dutch endings: zwemles, zwemlessen; krimpen, krimpt; gezinnen, gezin."""
    bases = {word} | {word[:-len(ending)] for ending in ENDINGS if word.endswith(ending) and len(word) - len(ending) >= MIN_PART}
    bases |= {base[:-1] for base in bases if len(base) > MIN_PART and base[-1] == base[-2] and base[-1] not in VOWELS}
    bases |= {base + base[-1] for base in bases if base[-1] not in VOWELS and base[-2:-1] in VOWELS}
    return sorted({base + ending for base in bases for ending in (*ENDINGS, "", "t")})


def _compounds_with(word: str, words: Vocabulary) -> list[str]:
    """Indexed words that have word as one of their parts, the most common first."""
    found = [other for other in words.documents if word in other and other != word and _is_part(word, other, words)]
    return sorted(found, key=lambda other: -words.documents[other])[:MOST["part"]]


def _is_part(word: str, compound: str, words: Vocabulary) -> bool:
    start = compound.find(word)
    before, after = compound[:start], compound[start + len(word):]
    if not before and (not after or after in ENDINGS):
        return False  # another form of the word, not a compound
    if len(word) >= MIN_LOOSE_PART:
        return True
    return _is_head(before, words) and _is_tail(after, words)


def _is_head(text: str, words: Vocabulary) -> bool:
    """Whether text can stand before another part: empty, a word, or a word with a linking letter."""
    if not text:
        return True
    candidates = [text] + [text[:-len(link)] for link in LINKS if text.endswith(link)]
    return any(len(candidate) >= MIN_PART and words.is_word(candidate) for candidate in candidates)


def _is_tail(text: str, words: Vocabulary) -> bool:
    """Whether text can follow a part: empty, an ending, a word, or a linking letter and a word."""
    if not text or text in ENDINGS:
        return True
    candidates = [text] + [text[len(link):] for link in LINKS if text.startswith(link)]
    return any(len(candidate) >= MIN_PART and words.is_word(candidate) for candidate in candidates)


def _split(word: str, words: Vocabulary) -> tuple[str, str] | None:
    """The two indexed words a compound is made of, with a linking letter between them or not; the most even split."""
    splits = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:cut], word[cut:]
        for link in ("", *LINKS):
            tail = rest[len(link):]
            if rest.startswith(link) and len(tail) >= MIN_PART and words.is_word(head) and words.is_word(tail):
                splits.append((_indexed_form(head, words), _indexed_form(tail, words)))
    return max(splits, key=lambda split: min(len(part) for part in split), default=None)


def _indexed_form(word: str, words: Vocabulary) -> str:
    return word if word in words else words.forms(word)[0]


def _one_error_away(word: str, words: Vocabulary) -> list[str]:
    """Indexed words one letter added, missing, changed or swapped away, the most common first."""
    near = process.extract(word, words.listed, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None)
    found = [other for other, _distance, _index in near if len(other) >= MIN_EXPANDED]
    return sorted(found, key=lambda other: -words.documents[other])[:MOST["typo"]]


def _unique(alternatives: list[Alternative]) -> list[Alternative]:
    seen, unique = set(), []
    for alternative in alternatives:
        if alternative.words not in seen:
            seen.add(alternative.words)
            unique.append(alternative)
    return unique


class Synonyms:
    """The synonym groups of one language, found by the stems of their words."""

    LONGEST = 4

    def __init__(self, language: str, groups: list[list[str]]):
        self.language = language
        self.groups = {}
        for entries in groups:
            for entry in entries:
                others = [tuple(words_of(other)) for other in entries if other != entry]
                self.groups[self._key(words_of(entry))] = others

    def _key(self, words) -> tuple[str, ...]:
        return tuple(stem(self.language, word) for word in words)

    def at(self, typed: list[str], position: int) -> tuple[int, list[tuple[str, ...]]]:
        """How many typed words from position on form a synonym entry (1 when none does), and the entry's synonyms."""
        for length in range(min(self.LONGEST, len(typed) - position), 0, -1):
            others = self.groups.get(self._key(typed[position:position + length]))
            if others is not None:
                return length, others
        return 1, []


def _synonyms(locale) -> Synonyms:
    """The language's synonym groups: saving one moves public content's moment on (portal.page_cache)."""
    return moments.kept(moments.PUBLIC_CONTENT, f"search:synonyms:{locale.pk}", lambda: Synonyms(
        locale.language_code, [group.entries for group in SynonymGroup.objects.filter(locale=locale)]))
