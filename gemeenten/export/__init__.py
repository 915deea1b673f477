"""The whole plan as one document, for the council: built once, then rendered as PDF or Word."""

from gemeenten.export.document import PlanDocument, plan_document

__all__ = ["PlanDocument", "plan_document"]
