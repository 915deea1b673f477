"""Teams for workspace tests, made through the same rules the views use."""

from gemeenten.method import find_step, step_questions
from gemeenten.models import Membership
from gemeenten.teams import create_team
from portal.models import Municipality
from tests.users import make_user


def make_team(email="coordinator@team.example", code="GM0453", cycle=2027, name="Testteam"):
    """A coordinator with a team for one municipality and its first plan."""
    user = make_user(email)
    team = create_team(user, name, [Municipality.objects.get(code=code)], cycle, "Gemeente", "municipality")
    return user, team, team.current_plan()


def add_member(team, email, role="member"):
    user = make_user(email)
    Membership.objects.create(team=team, user=user, role=role)
    return user


def question(code, kind="text", plan=None):
    """The first question of a step with this answer kind."""
    step = find_step(code)
    follow_up = plan is not None and plan.previous_id is not None
    return next(q for q in step_questions(step, follow_up).all() if q.answer_kind == kind)
