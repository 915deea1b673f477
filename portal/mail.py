"""E-mail through a task: with a worker backend (TASKS_BACKEND), a request hands its messages to the worker
instead of waiting on the mail server; the worker sends them with the configured backend (QUEUED_EMAIL_BACKEND).

The portal's messages (sign-up, password reset, invitations) are text with an HTML alternative at most;
attachments are not carried.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            if message.attachments:
                raise ValueError("Queued e-mail carries no attachments.")
            send_email_task.enqueue({
                "subject": message.subject, "body": message.body, "from_email": message.from_email,
                "to": list(message.to), "cc": list(message.cc), "bcc": list(message.bcc),
                "reply_to": list(message.reply_to), "headers": dict(message.extra_headers),
                "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
            })
        return len(email_messages)


@task()
def send_email_task(message: dict) -> int:
    email = EmailMultiAlternatives(
        message["subject"], message["body"], message["from_email"], message["to"], message["bcc"],
        connection=get_connection(settings.QUEUED_EMAIL_BACKEND), cc=message["cc"], reply_to=message["reply_to"],
        headers=message["headers"],
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    return email.send()
