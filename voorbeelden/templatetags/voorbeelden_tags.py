from django import template

from voorbeelden.models import ExampleIndexPage, ExamplePage, FacetValue, InterventionIndexPage, InterventionPage

register = template.Library()


@register.inclusion_tag("voorbeelden/includes/practice_for_step.html")
def practice_for_step(step_page):
    """The examples and interventions editors tagged with this step, in the step page's language."""
    tagged = FacetValue.objects.filter(facet="steps", value=step_page.step_code).values("page_id")
    in_language = {"locale_id": step_page.locale_id, "pk__in": tagged}
    return {
        "step_code": step_page.step_code,
        "examples": ExamplePage.objects.live().filter(**in_language).select_related("municipality").order_by("title"),
        "interventions": InterventionPage.objects.live().filter(**in_language).order_by("title"),
        "example_index": ExampleIndexPage.objects.live().filter(locale_id=step_page.locale_id).first(),
        "intervention_index": InterventionIndexPage.objects.live().filter(locale_id=step_page.locale_id).first(),
    }
