from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.plan import Plan


class Answer(models.Model):
    """A team's current answer to one worksheet question, keyed by the question's block id.

    The question's text is kept with the answer, so that an answer to a question editors later
    remove can still be shown with what was asked. `version` counts saves and guards against
    one member silently overwriting another.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="answers")
    step_code = models.CharField(max_length=1)
    question_id = models.CharField(max_length=64)
    question_text = models.CharField(max_length=400)
    answer_kind = models.CharField(max_length=10)
    value = models.JSONField(default=str)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "question_id"], name="one_answer_per_question")]


class AnswerVersion(models.Model):
    class Kind(models.TextChoices):
        SAVED = "saved", _("Saved")
        RESTORED = "restored", _("Restored")
        CARRIED = "carried", _("Carried over from the previous cycle")
        CONFLICT = "conflict", _("Held back: someone else saved first")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="versions")
    value = models.JSONField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SAVED)
    based_on = models.PositiveIntegerField(default=0, help_text="The answer's version the author started from.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False, help_text="For held-back versions: the author has chosen.")

    class Meta:
        ordering = ["-created_at", "-pk"]
