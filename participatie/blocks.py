"""The question types of a questionnaire; a question's block id is the key its answers are stored under.

Options of choice and segment questions are list items; their item ids are the stored answer values, so
answers keep their meaning when editors reword, reorder or translate the options.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from participatie.themes import SEGMENT_KINDS, THEMES


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=300)
    help_text = blocks.CharBlock(label=_("Explanation"), max_length=300, required=False)
    theme = blocks.ChoiceBlock(choices=THEMES, label=_("Theme in the step-3 analysis"))
    audio = DocumentChooserBlock(
        label=_("Spoken question"), required=False,
        help_text=_("An audio file (MP3 or OGG) of the question and its answers, in this language."),
    )


class FaceScaleBlock(QuestionBlock):
    labels = blocks.ListBlock(
        blocks.CharBlock(max_length=40, label=_("Label")), min_num=3, max_num=5, label=_("Labels, from sad to happy"),
        help_text=_("Three or five labels: one under every face."),
    )

    class Meta:
        icon = "pick"
        label = _("Face scale")

    def clean(self, value):
        value = super().clean(value)
        if len(value["labels"]) not in (3, 5):
            raise StructBlockValidationError({"labels": ValidationError(_("A face scale has three or five faces."))})
        return value


class LadderBlock(QuestionBlock):
    low_label = blocks.CharBlock(max_length=60, label=_("Label at 0"))
    high_label = blocks.CharBlock(max_length=60, label=_("Label at 10"))

    class Meta:
        icon = "order"
        label = _("Ladder from 0 to 10")


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("Answer"))
    image = ImageChooserBlock(required=False, label=_("Picture"))


class ChoiceBlock(QuestionBlock):
    multiple = blocks.BooleanBlock(required=False, label=_("More than one answer allowed"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=12, label=_("Answers"))

    class Meta:
        icon = "list-ul"
        label = _("Choice")


class YesNoBlock(QuestionBlock):
    class Meta:
        icon = "tick"
        label = _("Yes or no")


class OpenTextBlock(QuestionBlock):
    class Meta:
        icon = "openquote"
        label = _("Open question (always optional)")


class SegmentBlock(QuestionBlock):
    """A question that splits the results into groups: the survey run may supply its own options
    (its schools or neighbourhoods), otherwise these are used."""

    kind = blocks.ChoiceBlock(choices=SEGMENT_KINDS, label=_("Splits results by"))
    options = blocks.ListBlock(
        blocks.CharBlock(max_length=120, label=_("Answer")), required=False, default=[], label=_("Answers"),
        help_text=_("Leave empty for schools and neighbourhoods: each survey run lists its own."),
    )

    class Meta:
        icon = "group"
        label = _("Group question (school, neighbourhood, age)")


class QuestionnaireStreamBlock(blocks.StreamBlock):
    face_scale = FaceScaleBlock()
    ladder = LadderBlock()
    choice = ChoiceBlock()
    yes_no = YesNoBlock()
    open_text = OpenTextBlock()
    segment = SegmentBlock()
