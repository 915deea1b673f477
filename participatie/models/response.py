import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participatie.models.run import SurveyRun


class Response(models.Model):
    """One respondent's submitted answers. Anonymous by design: no account, address, device or time of
    day is kept, and the random primary key does not give away the order of submissions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(SurveyRun, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField()
    # Made on the device when the survey starts; a retried or doubled submission carries the same key.
    idempotency_key = models.UUIDField()
    # Set once the response is in its run's tally (participatie.aggregation): each is counted once.
    counted = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "idempotency_key"], name="one_response_per_key")]
        indexes = [models.Index(fields=["run"], condition=models.Q(counted=False), name="uncounted_responses")]


class RunTally(models.Model):
    """The counts of a run's answers so far (participatie.aggregation), brought up to date by counting only
    the responses not yet counted. `groups` names the group questions the counts are broken down by."""

    run = models.OneToOneField(SurveyRun, on_delete=models.CASCADE, primary_key=True, related_name="tally")
    groups = models.CharField(max_length=64)
    counts = models.JSONField()
    respondents = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)


class Review(models.TextChoices):
    PENDING = "pending", _("Not yet reviewed")
    SHOWN = "shown", _("Shown")
    HIDDEN = "hidden", _("Hidden")


class ResponseAnswer(models.Model):
    """One answer: a number (faces, ladder), an option key (choice, yes/no, segment; one row per chosen
    option) or a text (open questions, shown only once a team member has reviewed it)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    number = models.SmallIntegerField(null=True, blank=True)
    option = models.CharField(max_length=64, blank=True)
    text = models.TextField(blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["question_id", "option"]),
            # The results show the few reviewed open answers; without this, finding them reads every answer.
            models.Index(fields=["review", "question_id"], condition=models.Q(review="shown"), name="shown_open_answers"),
        ]
