from gemeenten.models.answers import Answer, AnswerVersion
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
    "Invitation",
    "Membership",
    "MonitoringAgreement",
    "Partner",
    "Plan",
    "PlanChange",
    "Result",
    "StepState",
    "Team",
]
