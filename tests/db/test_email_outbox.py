"""The outbox: an email is written with the change that causes it and sent only once that commits.

Backends are swapped through the NOTIFICATIONS_BACKEND setting for classes defined here; delivery
runs through django-tasks' ImmediateBackend, as locally.
"""

import threading
import uuid

import pytest
from django.core.management import call_command
from django.db import close_old_connections, transaction
from django.test import override_settings

from ecf.models import EmailMessage
from ecf.notifications import MAX_ATTEMPTS, deliver, queue_email
from ecf.notifications.backends import EmailBackend
from tests.factories import EmailMessageFactory

PENDING, SENT, FAILED = EmailMessage.Status.PENDING, EmailMessage.Status.SENT, EmailMessage.Status.FAILED
TIMEOUT = 20  # seconds; only reached when something is broken
PERSONALISATION = {"ect_name": "Kenneth Lowry", "school_name": "Ashdown Primary School"}


class RecordingBackend(EmailBackend):
    sent: list[tuple[str, str, dict]] = []

    def send(self, *, message, template):
        RecordingBackend.sent.append((message.to, template.name, dict(message.personalisation)))
        return f"recorded-{len(RecordingBackend.sent)}"


class FailingBackend(EmailBackend):
    def send(self, *, message, template):
        raise ConnectionError("Notify is down")


RECORDING = "tests.db.test_email_outbox.RecordingBackend"
FAILING = "tests.db.test_email_outbox.FailingBackend"


@pytest.fixture(autouse=True)
def recorded():
    RecordingBackend.sent = []
    with override_settings(NOTIFICATIONS_BACKEND=RECORDING):
        yield RecordingBackend.sent


def queue(to: str = "kenneth.lowry@example.com") -> EmailMessage:
    return queue_email(template="ect_registered_school_led", to=to, personalisation=PERSONALISATION)


def pending_message(**overrides) -> EmailMessage:
    values = {"template": "ect_registered_school_led", "personalisation": PERSONALISATION}
    return EmailMessageFactory(**{**values, **overrides})


@pytest.mark.django_db(transaction=True)
class TestRealTransactions:
    """Real commits and rollbacks, as a request sees them."""

    def test_a_committed_change_sends_its_email_after_commit(self, recorded):
        with transaction.atomic():
            message = queue()
            assert recorded == []  # nothing leaves before the change is committed

        message.refresh_from_db()
        assert recorded == [("kenneth.lowry@example.com", "ect_registered_school_led", PERSONALISATION)]
        assert message.status == SENT
        assert message.provider_id == "recorded-1"
        assert message.sent_at is not None
        assert message.attempts == 1

    def test_a_rolled_back_change_never_emails(self, recorded):
        class Rollback(Exception):
            pass

        try:
            with transaction.atomic():
                queue()
                raise Rollback
        except Rollback:
            pass

        assert not EmailMessage.objects.exists()
        assert recorded == []

    def test_a_worker_skips_a_message_another_worker_holds(self, recorded):
        message = pending_message()
        locked, release = threading.Event(), threading.Event()
        errors: list[BaseException] = []

        def other_worker():
            try:
                with transaction.atomic():
                    EmailMessage.objects.select_for_update().get(pk=message.pk)
                    locked.set()
                    release.wait(TIMEOUT)
            except BaseException as error:  # reported to the test thread below
                errors.append(error)
                locked.set()
            finally:
                close_old_connections()

        thread = threading.Thread(target=other_worker)
        thread.start()
        try:
            assert locked.wait(TIMEOUT)
            # SKIP LOCKED: no waiting for the other worker, and no second send of the same row.
            assert deliver(message_id=message.pk) is None
            assert recorded == []
        finally:
            release.set()
            thread.join(TIMEOUT)
        assert errors == []

        assert deliver(message_id=message.pk).status == SENT
        assert len(recorded) == 1


@pytest.mark.django_db
class TestDelivery:
    def test_the_row_is_written_in_the_callers_transaction_and_delivered_on_commit(
        self, recorded, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            message = queue()
            assert EmailMessage.objects.get().status == PENDING
            assert recorded == []

        assert len(callbacks) == 1
        message.refresh_from_db()
        assert message.status == SENT
        assert len(recorded) == 1

    def test_a_rolled_back_savepoint_takes_its_email_with_it(self, recorded, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            try:
                with transaction.atomic():
                    queue()
                    raise RuntimeError("the registration failed")
            except RuntimeError:
                pass

        assert callbacks == []
        assert not EmailMessage.objects.exists()
        assert recorded == []

    @override_settings(NOTIFICATIONS_BACKEND=FAILING)
    def test_a_failed_delivery_stays_pending_with_the_error(self, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            message = queue()

        message.refresh_from_db()
        assert message.status == PENDING
        assert message.attempts == 1
        assert message.last_error == "ConnectionError: Notify is down"
        assert message.sent_at is None

    def test_deliver_emails_retries_pending_messages(self, recorded, capsys):
        retry = pending_message(to="ben@example.com", attempts=1, last_error="ConnectionError: Notify is down")
        never_tried = pending_message(to="ann@example.com")  # say its process died before enqueueing
        already_sent = pending_message(status=SENT, attempts=1, provider_id="notify-1")

        call_command("deliver_emails")

        retry.refresh_from_db()
        never_tried.refresh_from_db()
        already_sent.refresh_from_db()
        assert (retry.status, retry.attempts) == (SENT, 2)
        assert (never_tried.status, never_tried.attempts) == (SENT, 1)
        assert already_sent.provider_id == "notify-1"
        assert sorted(to for to, _, _ in recorded) == ["ann@example.com", "ben@example.com"]
        assert "Sent 2, still pending 0, failed 0" in capsys.readouterr().out

    @override_settings(NOTIFICATIONS_BACKEND=FAILING)
    def test_deliver_emails_gives_up_after_the_last_attempt(self, capsys):
        last_chance = pending_message(attempts=MAX_ATTEMPTS - 1)
        early = pending_message(attempts=1)

        call_command("deliver_emails")

        last_chance.refresh_from_db()
        early.refresh_from_db()
        assert (last_chance.status, last_chance.attempts) == (FAILED, MAX_ATTEMPTS)
        assert last_chance.last_error == "ConnectionError: Notify is down"
        assert (early.status, early.attempts) == (PENDING, 2)
        assert "still pending 1, failed 1" in capsys.readouterr().out

    def test_deliver_emails_fails_what_has_no_attempts_left_without_sending_it(self, recorded):
        exhausted = pending_message(attempts=3)

        call_command("deliver_emails", "--max-attempts", "3")

        exhausted.refresh_from_db()
        assert exhausted.status == FAILED
        assert recorded == []

    def test_a_template_removed_since_queueing_is_recorded_as_an_error(self):
        message = pending_message(template="no_longer_exists")

        deliver(message_id=message.pk)

        message.refresh_from_db()
        assert (message.status, message.attempts) == (PENDING, 1)
        assert "no_longer_exists" in message.last_error


NOTIFY_KEY = f"ecf_test-{uuid.uuid4()}-{uuid.uuid4()}"


@pytest.mark.django_db
class TestThroughNotify:
    """The real Notify backend against a loopback stub of Notify's API."""

    @pytest.fixture(autouse=True)
    def notify(self, httpserver):
        with override_settings(
            NOTIFICATIONS_BACKEND="ecf.notifications.backends.NotifyBackend",
            NOTIFY_API_KEY=NOTIFY_KEY,
            NOTIFY_BASE_URL=httpserver.url_for("/"),
        ):
            yield httpserver

    def test_notify_accepting_marks_the_message_sent_with_notifys_id(self, notify, django_capture_on_commit_callbacks):
        notification_id = str(uuid.uuid4())
        notify.expect_oneshot_request("/v2/notifications/email", method="POST").respond_with_json(
            {"id": notification_id, "reference": None, "content": {}, "uri": "", "template": {}}, status=201
        )

        with django_capture_on_commit_callbacks(execute=True):
            message = queue()

        notify.check_assertions()
        message.refresh_from_db()
        assert (message.status, message.provider_id) == (SENT, notification_id)

    def test_notify_failing_records_the_error_and_keeps_the_message_pending(
        self, notify, django_capture_on_commit_callbacks
    ):
        notify.expect_request("/v2/notifications/email", method="POST").respond_with_json(
            {"status_code": 500, "errors": [{"error": "Exception", "message": "Internal server error"}]}, status=500
        )

        with django_capture_on_commit_callbacks(execute=True):
            message = queue()

        message.refresh_from_db()
        assert (message.status, message.attempts) == (PENDING, 1)
        assert message.last_error.startswith("HTTPError: 500")
