"""The team's audit log: who did what to the team, its members and its surveys, and who exported what.

Every such action calls record_event; coordinators read the log in the workspace (views.audit).
Summaries name the action and its object, never anything a respondent wrote.
"""

from gemeenten.models import TeamEvent

Kind = TeamEvent.Kind


def record_event(team, user, kind: str, summary: str) -> TeamEvent:
    return TeamEvent.objects.create(team=team, user=user, kind=kind, summary=summary[:300])


def team_events(team, kind: str = ""):
    events = TeamEvent.objects.filter(team=team).select_related("user")
    return events.filter(kind=kind) if kind else events
