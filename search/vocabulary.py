"""The words of what one language's visitors can find, taken from the database's search index.

Query expansion (search.expansion) looks words up here: which indexed words share a stem, contain a word as a
part, or are one typing error away. The words come from the index entries of live public pages and resources of
that language, so nothing unpublished is ever suggested. A vocabulary is made once per language each time public
content changes (portal.moments), and kept in the cache and in each process.
"""

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import snowballstemmer
from django.db import connection
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks

from portal import moments

_per_thread = threading.local()
WORD = re.compile(r"\w+", re.UNICODE)
# Porter's Dutch stemmer, as PostgreSQL's "dutch" configuration and Lucene's Dutch analyser stem.
STEMMERS = {"nl": "dutch_porter", "en": "english"}


@dataclass
class Vocabulary:
    language: str
    documents: Counter = field(default_factory=Counter)  # word: in how many documents it occurs
    stems: dict[str, list[str]] = field(default_factory=dict)  # stem: the words with that stem, most frequent first

    def __contains__(self, word: str) -> bool:
        return word in self.documents

    @cached_property
    def listed(self) -> list[str]:
        return list(self.documents)

    def forms(self, word: str) -> list[str]:
        return self.stems.get(stem(self.language, word), [])

    def is_word(self, text: str) -> bool:
        """Whether text occurs, in this form or another form of it."""
        return text in self.documents or bool(self.forms(text))


def stem(language: str, word: str) -> str:
    """The word's stem. A Snowball stemmer keeps the word it works on in itself: each thread has its own."""
    stemmers = _per_thread.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS.get(language, "dutch_porter"))
    return stemmers[language].stemWord(word)


@cache
def stop_words(language: str) -> frozenset[str]:
    path = Path(__file__).parent / "stopwords" / f"{language if language in STEMMERS else 'nl'}.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def index_entries():
    """The database index's model (Wagtail's, in wagtail.search)."""
    return get_app_config().get_model("IndexEntry")


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def vocabulary(locale) -> Vocabulary:
    return moments.kept(moments.PUBLIC_CONTENT, f"search:vocabulary:{locale.pk}", lambda: _made(locale))


def _made(locale) -> Vocabulary:
    language = locale.language_code
    documents = Counter()
    for text in _indexed_texts(locale):
        documents.update(set(words_of(text)))
    stems: dict[str, list[str]] = {}
    for word, _count in documents.most_common():
        stems.setdefault(stem(language, word), []).append(word)
    return Vocabulary(language, documents, stems)


def _indexed_texts(locale):
    """The indexed text (title and body) of each live public page and each resource in that language."""
    from search.engine import PAGE_KINDS
    from stappen.models import Resource
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(locale=locale).type(*PAGE_KINDS)
    for model, objects in ((Page, pages), (Resource, Resource.objects.filter(locale=locale))):
        ids = {str(pk) for pk in objects.values_list("pk", flat=True)}
        for object_id, title, body in _entries(model).values_list("object_id", *_text_columns()).iterator(2000):
            if object_id in ids:
                yield f"{title} {body or ''}"


def indexed_texts(model, ids) -> dict[int, tuple[str, str]]:
    """The indexed title and body of these objects (of model or its subclasses): the words a search finds them by."""
    if not ids:
        return {}
    entries = _entries(model).filter(object_id__in=[str(pk) for pk in ids])
    return {int(object_id): (title or "", body or "") for object_id, title, body in entries.values_list("object_id", *_text_columns())}


def _entries(model):
    return index_entries().objects.filter(content_type__in=get_descendants_content_types_pks(model))


def _text_columns() -> tuple[str, str]:
    """Where the index keeps its text: PostgreSQL keeps the text beside the tsvectors."""
    return ("title_text", "body_text") if connection.vendor == "postgresql" else ("title", "body")
