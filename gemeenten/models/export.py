from django.conf import settings
from django.db import models

from gemeenten.models.plan import Plan


class PlanExport(models.Model):
    """A plan rendered as PDF or Word by a task worker (with TASKS_BACKEND set), kept for a day to download."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(max_length=4, choices=[("pdf", "PDF"), ("docx", "Word")])
    language = models.CharField(max_length=8)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField(null=True)
    failed = models.BooleanField(default=False)
