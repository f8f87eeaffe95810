"""Background delivery through django-tasks: run straight after commit locally (ImmediateBackend),
by db_worker processes in production."""

from django_tasks import task

from ecf.notifications.outbox import deliver


@task()
def deliver_email(*, message_id: int) -> str:
    message = deliver(message_id=message_id)
    # The result is stored by database backends: enough to see what happened without the row.
    return "skipped" if message is None else message.status
