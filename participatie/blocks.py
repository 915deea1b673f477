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

    class Meta:
        label_format = "{text}"
        preview_template = "participatie/blocks/question_preview.html"


class FaceScaleBlock(QuestionBlock):
    labels = blocks.ListBlock(
        blocks.CharBlock(max_length=40, label=_("Label")), min_num=3, max_num=5, label=_("Labels, from sad to happy"),
        help_text=_("Three or five labels: one under every face."),
    )

    class Meta:
        icon = "pick"
        label = _("Face scale")
        description = _("Three or five faces from sad to happy, for how someone feels; easy for young children.")
        preview_value = {"text": "Hoe voel je je meestal op school?", "theme": "school",
                         "labels": ["Niet fijn", "Gaat wel", "Fijn"]}

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
        description = _("A mark from 0 to 10, with a word at each end.")
        preview_value = {"text": "Welk cijfer geef je je leven nu?", "theme": "wellbeing",
                         "low_label": "Heel slecht", "high_label": "Heel goed"}


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("Answer"))
    image = ImageChooserBlock(required=False, label=_("Picture"))


class ChoiceBlock(QuestionBlock):
    multiple = blocks.BooleanBlock(required=False, label=_("More than one answer allowed"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=12, label=_("Answers"))

    class Meta:
        icon = "list-ul"
        label = _("Choice")
        description = _("Answers to choose from, one or more, each with a picture if you like.")
        preview_value = {"text": "Wat doe je na school?", "theme": "leisure", "multiple": True,
                         "options": [{"label": "Sporten"}, {"label": "Muziek maken of tekenen"},
                                     {"label": "Afspreken met vrienden"}]}


class YesNoBlock(QuestionBlock):
    class Meta:
        icon = "circle-check"
        label = _("Yes or no")
        description = _("A question answered with yes or no.")
        preview_value = {"text": "Heb je thuis een rustige plek voor je huiswerk?", "theme": "housing"}
        preview_template = "participatie/blocks/yes_no_preview.html"


class OpenTextBlock(QuestionBlock):
    class Meta:
        icon = "openquote"
        label = _("Open question (always optional)")
        description = _("Room for the respondent's own words; the team reviews them before anyone else sees them.")
        preview_value = {"text": "Wat zou jouw buurt fijner maken voor kinderen?", "theme": "wishes"}
        preview_template = "participatie/blocks/open_text_preview.html"


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
        description = _("Splits the results into groups, such as schools; groups too small to show stay hidden.")
        preview_value = {"text": "Hoe oud ben je?", "theme": "wellbeing", "kind": "age",
                         "options": ["8 of 9 jaar", "10 of 11 jaar", "12 jaar"]}


class QuestionnaireStreamBlock(blocks.StreamBlock):
    face_scale = FaceScaleBlock()
    ladder = LadderBlock()
    choice = ChoiceBlock()
    yes_no = YesNoBlock()
    open_text = OpenTextBlock()
    segment = SegmentBlock()

    class Meta:
        # A long page stays manageable: each block opens when its editor needs it, its label says what it holds.
        collapsed = True
