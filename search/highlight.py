"""Short excerpts of a text around the searched words, with those words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w{2,}", re.UNICODE)
WHOLE_WORDS_BELOW = 4  # shorter words are marked only as whole words: "les" not inside "collega"


def pattern_of(terms) -> re.Pattern | None:
    """One pattern for all terms, longest first; a long term also matches as a part of a longer word."""
    if not terms:
        return None
    ordered = sorted(set(terms), key=len, reverse=True)
    parts = [re.escape(term) if len(term) >= WHOLE_WORDS_BELOW else rf"\b{re.escape(term)}\b" for term in ordered]
    return re.compile("|".join(parts), re.IGNORECASE)


def excerpt(text: str, terms: list[str], length: int = 220) -> str:
    """An escaped excerpt of text around the first searched word, each searched word in <mark>."""
    text = " ".join((text or "").split())
    pattern = pattern_of(terms)
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - length // 3) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    piece = text[start:end]
    marked = _mark(piece, pattern) if pattern else escape(piece)
    # `marked` is escaped text with only our own <mark> tags around the searched words.
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))  # nosec B308 B703


def marked(text: str, terms: list[str]) -> str:
    """The whole text, escaped, each searched word in <mark>."""
    pattern = pattern_of(terms)
    return mark_safe(_mark(text, pattern) if pattern else escape(text))  # nosec B308 B703 (escaped, our own tags)


def _mark(piece: str, pattern) -> str:
    parts, last = [], 0
    for match in pattern.finditer(piece):
        parts += [escape(piece[last:match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    parts.append(escape(piece[last:]))
    return "".join(parts)
