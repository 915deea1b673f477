"""Finding the external links that live pages carry: in URL fields, in rich text and in StreamField blocks,
including the snippets a page shows through a chooser (a step page's resources)."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs
from wagtail.snippets.blocks import SnippetChooserBlock


@dataclass(frozen=True)
class Carrier:
    """A page that carries a link, and the object the address is kept in (the page, or a snippet it shows)."""

    page_id: int
    source_type_id: int
    source_id: str


def external_links() -> dict[str, set[Carrier]]:
    """Every http(s) address on a live page, with the pages that carry it.

    Aliases are left out: they repeat their original page, which is where an editor changes the link.
    """
    found: dict[str, set[Carrier]] = defaultdict(set)
    for page in Page.objects.live().filter(alias_of__isnull=True).specific().iterator(chunk_size=200):
        for url, source in links_in(page):
            source_type = ContentType.objects.get_for_model(source)
            found[url].add(Carrier(page.pk, source_type.pk, str(source.pk)))
    return dict(found)


def links_in(instance: models.Model) -> Iterator[tuple[str, models.Model]]:
    """(address, object it is kept in) for each external link in the instance's fields."""
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        if isinstance(field, StreamField):
            yield from _in_block(field.stream_block, value, instance)
        elif isinstance(field, RichTextField):
            yield from ((url, instance) for url in links_in_rich_text(value))
        elif isinstance(field, models.URLField):
            yield from ((url, instance) for url in _external(value))


def links_in_rich_text(html: str | None) -> Iterator[str]:
    """The addresses of the external links in rich text as stored (internal links carry a linktype, no href)."""
    for match in FIND_A_TAG.finditer(html or ""):
        yield from _external(extract_attrs(match.group(1)).get("href"))


def _in_block(block, value, source) -> Iterator[tuple[str, models.Model]]:
    """Walks a block's value down to its URL blocks, rich text and chosen snippets."""
    if value is None:
        return
    if isinstance(block, blocks.URLBlock):
        yield from ((url, source) for url in _external(value))
    elif isinstance(block, blocks.RichTextBlock):
        html = value.source if isinstance(value, RichText) else value
        yield from ((url, source) for url in links_in_rich_text(html))
    elif isinstance(block, SnippetChooserBlock):
        yield from links_in(value)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _in_block(child, value.get(name), source)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _in_block(block.child_block, item, source)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _in_block(child.block, child.value, source)


def _external(url: str | None) -> Iterator[str]:
    url = (url or "").strip()
    if url.lower().startswith(("http://", "https://")):
        yield url
