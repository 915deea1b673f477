"""StreamField blocks for the method's step pages: one block per kind of content on a worksheet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from stappen.building_blocks import BUILDING_BLOCKS, LEARNING_CYCLE

ANSWER_KINDS = [
    ("text", _("Text")),
    ("list", _("List of items")),
    ("table", _("Table")),
]

# What a question is for in the workspace. "involvement" marks the step's question on how children,
# youth and parents take part (the workspace asks its own when a step has none). The others mark a
# question that the workspace answers with a structured table instead of free text; the printable
# worksheet on the step page still shows the question.
QUESTION_PURPOSES = [
    ("involvement", _("How children, youth and parents are involved in this step")),
    ("partners", _("Answered in the workspace's table of partners")),
    ("local_figures", _("Answered by the local figures in the workspace's analysis")),
    ("signals", _("Answered in the workspace's observations from the field")),
    ("findings", _("Answered in the workspace's list of concerns and opportunities")),
    ("results", _("Answered in the workspace's table of results and indicators")),
    ("approaches", _("Answered in the workspace's chosen approaches")),
    ("monitoring", _("Answered in the workspace's monitoring agreements")),
    ("contact_agreements", _("Answered in the workspace's agreements on keeping in touch")),
    ("council_decision", _("Answered by the council's decision in the workspace")),
]


class GoalBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Goal"))

    class Meta:
        icon = "crosshairs"
        label = _("Goal of the step")
        template = "stappen/blocks/goal_block.html"
        label_format = "{text}"
        description = _("Why this step matters: what the team works towards.")
        preview_value = {"text": "Een gezamenlijke aanpak bereikt meer dan losse initiatieven."}


class ResultBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Result"))

    class Meta:
        icon = "success"
        label = _("Result after the step")
        template = "stappen/blocks/result_block.html"
        label_format = "{text}"
        description = _("What the team has in hand once the step is done.")
        preview_value = {"text": "We weten welke opgave er ligt en pakken die samen op."}


class WorksheetQuestionBlock(blocks.StructBlock):
    """A question the team answers on the worksheet; its block id is the key its answers are stored under."""

    question = blocks.CharBlock(label=_("Question"), max_length=400)
    help_text = blocks.TextBlock(label=_("Help"), required=False, help_text=_("Hints that help a team answer."))
    answer_kind = blocks.ChoiceBlock(choices=ANSWER_KINDS, default="text", label=_("Answer kind"))
    columns = blocks.ListBlock(
        blocks.CharBlock(max_length=80, label=_("Column")),
        label=_("Table columns"),
        required=False,
        default=[],
        help_text=_("Only for table answers: the column headings."),
    )
    purpose = blocks.ChoiceBlock(
        choices=QUESTION_PURPOSES, required=False, label=_("Purpose"),
        help_text=_("Only for questions the workspace treats in a special way."),
    )

    class Meta:
        icon = "help"
        label = _("Worksheet question")
        template = "stappen/blocks/worksheet_question_block.html"
        label_format = "{question}"
        description = _("A question the team answers together; shown on the printable worksheet.")
        preview_value = {"question": "Welke opgave pakken we samen op?", "answer_kind": "text", "columns": []}

    def clean(self, value):
        value = super().clean(value)
        if value["answer_kind"] == "table" and not value["columns"]:
            raise StructBlockValidationError({"columns": ValidationError(_("A table answer needs at least one column."))})
        if value["answer_kind"] != "table" and value["columns"]:
            raise StructBlockValidationError({"columns": ValidationError(_("Only table answers have columns."))})
        return value


class QuestionsFirstBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(WorksheetQuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions to settle first")
        template = "stappen/blocks/questions_first_block.html"
        label_format = "{questions}"
        description = _("Questions a team answers before it starts on the step itself.")
        preview_value = {"questions": [{"question": "Hoe zorgen we dat jongeren en ouders ook in deze stap meepraten?"}]}


class HeadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "stappen/blocks/heading_block.html"
        label_format = "{heading}"
        description = _("Starts a new part of the step.")
        preview_value = {"heading": "Analyse: gegevens verzamelen"}


class TextSectionBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "stappen/blocks/text_section_block.html"
        label_format = "{text}"
        description = _("Explanation in running text.")
        preview_value = {
            "text": "<p>Een aanpak werkt beter als gemeente, scholen en partners <b>dezelfde opgave</b> voor ogen "
                    "hebben. Begin daarom met een gesprek over wat ieder ziet.</p>",
        }


class TipBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Tip"))

    class Meta:
        icon = "pick"
        label = _("Tip")
        template = "stappen/blocks/tip_block.html"
        label_format = "{text}"
        description = _("Practical advice, highlighted beside the questions.")
        preview_value = {"text": "Formuleer de opgave nog niet perfect; stap 3 scherpt haar aan."}


class ResourceListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    resources = blocks.ListBlock(SnippetChooserBlock("stappen.Resource"), label=_("Resources"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Resource list")
        template = "stappen/blocks/resource_list_block.html"
        label_format = "{resources}"
        description = _("Guides, reports, data sources and databases from the resource library.")

    def get_preview_value(self):
        """Two resources of the library in the editor's language: a chooser's preview needs real ones."""
        from stappen.models import Resource  # the models module imports these blocks

        resources = Resource.objects.filter(locale=Locale.get_active())[:2]
        return self.normalize({"heading": "Lees verder", "resources": list(resources)})


class ExampleReferenceBlock(blocks.StructBlock):
    municipality = blocks.CharBlock(label=_("Municipality"), max_length=80)
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    summary = blocks.TextBlock(label=_("Summary"))
    results = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Results"), required=False, default=[])
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)

    class Meta:
        icon = "site"
        label = _("Practice example")
        template = "stappen/blocks/example_reference_block.html"
        label_format = "{municipality}: {title}"
        description = _("How a municipality put this step into practice.")
        preview_value = {"municipality": "Velsen", "title": "Beleidsplan", "summary": "Gelijke kansen voor ieder kind."}


class ChoiceLabelValue(blocks.StructValue):
    """Gives templates the translated label of the struct's first choice field."""

    def label(self):
        choice_block = next(iter(self.block.child_blocks.values()))
        return dict(choice_block.field.choices).get(self[choice_block.name], self[choice_block.name])


class BuildingBlockItem(blocks.StructBlock):
    building_block = blocks.ChoiceBlock(choices=BUILDING_BLOCKS, label=_("Building block"))
    explanation = blocks.TextBlock(label=_("Explanation"))

    class Meta:
        value_class = ChoiceLabelValue
        label_format = "{building_block}"


def default_building_blocks():
    return [{"building_block": key, "explanation": ""} for key, _label in BUILDING_BLOCKS]


class BuildingBlocksChecklistBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    items = blocks.ListBlock(BuildingBlockItem(), label=_("Building blocks"), default=default_building_blocks())

    class Meta:
        icon = "tasks"
        label = _("Building blocks for effectiveness")
        template = "stappen/blocks/building_blocks_checklist_block.html"
        label_format = "{intro}"
        description = _("The seven building blocks as a checklist to score an approach on.")
        preview_value = {
            "intro": "Geef per bouwsteen aan hoe sterk de aanpak erop scoort.",
            "items": [{"building_block": key, "explanation": ""} for key, _label in BUILDING_BLOCKS[:3]],
        }

    def clean(self, value):
        value = super().clean(value)
        keys = [item["building_block"] for item in value["items"]]
        if len(keys) != len(set(keys)):
            raise StructBlockValidationError(
                non_block_errors=ValidationError(_("Each building block may appear only once."))
            )
        return value


class IndicatorRow(blocks.StructBlock):
    result = blocks.CharBlock(label=_("Result"), max_length=300)
    indicator = blocks.CharBlock(label=_("Indicator"), max_length=300)

    class Meta:
        label_format = "{result}"


class IndicatorTableValue(blocks.StructValue):
    def blank_row_range(self):
        return range(self["blank_rows"] or 0)


class IndicatorTableBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    rows = blocks.ListBlock(IndicatorRow(), label=_("Example rows"), required=False, default=[])
    blank_rows = blocks.IntegerBlock(
        label=_("Empty rows on the worksheet"), min_value=0, max_value=10, default=3
    )

    class Meta:
        icon = "table"
        label = _("Results and indicators")
        value_class = IndicatorTableValue
        template = "stappen/blocks/indicator_table_block.html"
        label_format = "{intro}"
        description = _("A table of achievable results with the indicator that shows progress on each.")
        preview_value = {
            "intro": "Maak per resultaat zichtbaar waaraan je merkt dat het lukt.",
            "rows": [{"result": "Meer gezinnen gebruiken het kindpakket.",
                      "indicator": "Aandeel gezinnen dat het kindpakket aanvraagt"}],
            "blank_rows": 1,
        }


class LearningCycleQuestion(blocks.StructBlock):
    phase = blocks.ChoiceBlock(choices=LEARNING_CYCLE, label=_("Phase"))
    question = blocks.TextBlock(label=_("Question"))

    class Meta:
        value_class = ChoiceLabelValue
        label_format = "{phase}: {question}"


class LearningCycleBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(LearningCycleQuestion(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "rotate"
        label = _("Learning-cycle questions")
        template = "stappen/blocks/learning_cycle_block.html"
        label_format = "{questions}"
        description = _("The questions a team asks again whenever new figures arrive.")
        preview_value = {
            "intro": "Stel deze vragen opnieuw zodra er nieuwe cijfers zijn.",
            "questions": [{"phase": "recognise", "question": "Wat valt op in de nieuwe cijfers?"},
                          {"phase": "act", "question": "Wat doen we nu anders?"}],
        }


class FurtherReadingLink(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Web address"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        label_format = "{title}"


class FurtherReadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    links = blocks.ListBlock(FurtherReadingLink(), label=_("Links"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Further reading")
        template = "stappen/blocks/further_reading_block.html"
        label_format = "{links}"
        description = _("Links to read more, outside the resource library.")
        preview_value = {
            "heading": "Meer lezen",
            "links": [{"title": "Kennis over opgroeien in armoede", "url": "https://www.nji.nl/",
                       "description": "Achtergrond en praktijkvoorbeelden van het Nederlands Jeugdinstituut."}],
        }


class StepBodyBlock(blocks.StreamBlock):
    goal = GoalBlock()
    result = ResultBlock()
    questions_first = QuestionsFirstBlock()
    heading = HeadingBlock()
    text = TextSectionBlock()
    worksheet_question = WorksheetQuestionBlock()
    tip = TipBlock()
    resource_list = ResourceListBlock()
    example_reference = ExampleReferenceBlock()
    building_blocks = BuildingBlocksChecklistBlock()
    indicator_table = IndicatorTableBlock()
    learning_cycle = LearningCycleBlock()
    further_reading = FurtherReadingBlock()

    class Meta:
        # A long page stays manageable: each block opens when its editor needs it, its label says what it holds.
        collapsed = True
