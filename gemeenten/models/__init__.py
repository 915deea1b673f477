from gemeenten.models.analysis import FigureReview, Finding, PracticeSignal
from gemeenten.models.audit import TeamEvent
from gemeenten.models.answers import Answer, AnswerVersion
from gemeenten.models.export import PlanExport
from gemeenten.models.figures import Indicator, IndicatorValue
from gemeenten.models.plan import Plan, PlanChange, StepState
from gemeenten.models.structured import (
    Approach,
    ApproachScore,
    ContactAgreement,
    MonitoringAgreement,
    Partner,
    Result,
)
from gemeenten.models.team import Invitation, Membership, Team

__all__ = [
    "Answer",
    "AnswerVersion",
    "Approach",
    "ApproachScore",
    "ContactAgreement",
    "FigureReview",
    "Finding",
    "Indicator",
    "IndicatorValue",
    "Invitation",
    "Membership",
    "MonitoringAgreement",
    "Partner",
    "Plan",
    "PracticeSignal",
    "PlanChange",
    "PlanExport",
    "Result",
    "StepState",
    "Team",
    "TeamEvent",
]
