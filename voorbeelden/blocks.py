"""Blocks for the body of a practice example or an intervention; shared ones come from stappen.blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock

from stappen.blocks import FurtherReadingBlock, HeadingBlock, TextSectionBlock


class ResultsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Results"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Results")
        template = "voorbeelden/blocks/results_block.html"
        label_format = "{items}"
        description = _("What the municipality achieved or aims for, one result per line.")
        preview_value = {"items": ["Meer kinderen doen mee aan sport en cultuur."]}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "voorbeelden/blocks/quote_block.html"
        label_format = "{text}"
        description = _("A lesson or voice from practice.")
        preview_value = {"text": "Begin bij wat ouders zelf vertellen.", "attribution": "Les uit de praktijk"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "voorbeelden/blocks/document_block.html"
        label_format = "{document}"
        description = _("A downloadable document, such as a policy plan or monitor.")

    def get_preview_value(self):
        """The newest document in the library: a chooser's preview needs a real one."""
        document = get_document_model().objects.order_by("-created_at").first()
        return self.normalize({"document": document, "title": "Beleidsplan armoede en schulden"})


class PracticeBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextSectionBlock()
    results = ResultsBlock()
    quote = QuoteBlock()
    links = FurtherReadingBlock()
    document = DocumentBlock()

    class Meta:
        # A long page stays manageable: each block opens when its editor needs it, its label says what it holds.
        collapsed = True
