"""A trainee the school moved to another lead provider (ecf/training/changes.py): what each provider's actions get.

The reference's answers (https://github.com/DFE-Digital/register-early-career-teachers-public):
app/services/api/teachers/{withdraw,defer,resume}.rb and app/services/api/declarations/create.rb, with the
attribute names of config/api_error_mappings.yml. Training the old provider gave stays theirs to report on; training
the school replaced before it began leaves them nothing: the participant is unknown to them.
"""

import datetime

import pytest
from django.utils import timezone

from ecf.events import Author
from ecf.models import TrainingPeriod
from ecf.training.changes import change_lead_provider
from ecf.training.provider_actions import with_lead_provider
from tests.api.conftest import errors
from tests.api.test_declarations import declare
from tests.api.test_provider_actions import put
from tests.factories import ActiveLeadProviderFactory, LeadProviderFactory, TrainingPeriodFactory

pytestmark = pytest.mark.django_db
NOT_RECOGNISED = (
    "participant_id",
    "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
)


def move_to_another_lead_provider(training, name="Best Practice Network"):
    """The school chooses another lead provider for the trainee, today."""
    other = ActiveLeadProviderFactory(lead_provider=LeadProviderFactory(name=name))
    return change_lead_provider(
        at_school_period=training.ect_at_school_period, lead_provider=other.lead_provider, author=Author.system()
    ).training_period


@pytest.fixture
def moved_after_training_with_us(ect_training):
    """Trained with us since September, moved to another provider today: our training finished yesterday."""
    new_training = move_to_another_lead_provider(ect_training)
    ect_training.refresh_from_db()
    assert ect_training.finished_on == timezone.localdate() - datetime.timedelta(days=1)
    return ect_training, new_training


@pytest.mark.parametrize(
    ("action", "reason", "status"), [("withdraw", "other", "withdrawn"), ("defer", "other", "deferred")]
)
def test_we_can_still_withdraw_or_defer_the_training_we_gave(moved_after_training_with_us, api, action, reason, status):
    ours, theirs = moved_after_training_with_us
    response = put(api, ours, action, reason=reason)

    assert response.status_code == 200
    [enrolment] = response.json()["data"]["attributes"]["ecf_enrolments"]
    assert (enrolment["training_record_id"], enrolment["training_status"]) == (str(ours.api_id), status)
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.finished_on == timezone.localdate() - datetime.timedelta(days=1)
    assert (theirs.status, theirs.finished_on) == ("active", None)


def test_resuming_the_training_we_gave_is_refused_as_already_active(moved_after_training_with_us, api):
    ours, _ = moved_after_training_with_us
    response = put(api, ours, "resume")
    assert response.status_code == 422
    assert errors(response) == [("participant_id", "The '#/participant_id' is already active.")]


def test_resuming_after_withdrawing_is_refused_as_active_with_another_provider(moved_after_training_with_us, api):
    ours, _ = moved_after_training_with_us
    TrainingPeriod.objects.filter(pk=ours.pk).update(
        withdrawn_at=timezone.now() - datetime.timedelta(days=1), withdrawal_reason="changed-lead-provider"
    )
    response = put(api, ours, "resume")
    assert response.status_code == 422
    assert errors(response) == [
        ("participant_id", "This participant cannot be resumed because they are already active with another provider.")
    ]


def test_we_can_still_declare_for_the_training_we_gave(moved_after_training_with_us, api):
    ours, _ = moved_after_training_with_us
    response = declare(api, ours.ect_at_school_period.teacher, on=timezone.now() - datetime.timedelta(days=2))
    assert response.status_code == 200
    assert response.json()["data"]["attributes"]["state"] == "submitted"


@pytest.fixture(params=["expression of interest", "starting later"])
def moved_before_training_with_us(request, lead_provider, api):
    """The school had chosen us, then chose another provider before we trained the ECT: the training is replaced."""
    today = timezone.localdate()
    if request.param == "expression of interest":  # chosen, never confirmed by a partnership
        training = TrainingPeriodFactory(
            with_eoi=True, expression_of_interest=ActiveLeadProviderFactory(lead_provider=lead_provider)
        )
    else:
        training = TrainingPeriodFactory(
            school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider=lead_provider,
            ect_at_school_period__started_on=today + datetime.timedelta(days=10),
        )
    teacher = training.ect_at_school_period.teacher
    assert api.get(f"/participants/{teacher.api_id}").status_code == 200
    move_to_another_lead_provider(training)
    assert not TrainingPeriod.objects.filter(with_lead_provider(lead_provider)).exists()
    return teacher


@pytest.mark.parametrize(("action", "reason"), [("withdraw", "other"), ("defer", "other"), ("resume", None)])
def test_a_participant_moved_before_we_trained_them_is_not_found(moved_before_training_with_us, api, action, reason):
    teacher = moved_before_training_with_us
    attributes = {"course_identifier": "ecf-induction", **({"reason": reason} if reason else {})}
    response = api.put(
        f"/participants/{teacher.api_id}/{action}",
        {"data": {"type": f"participant-{action}", "attributes": attributes}},
    )
    assert response.status_code == 404
    assert api.get(f"/participants/{teacher.api_id}").status_code == 404


def test_a_declaration_for_a_participant_moved_before_we_trained_them_is_not_recognised(
    moved_before_training_with_us, api
):
    response = declare(api, moved_before_training_with_us)
    assert response.status_code == 422
    assert errors(response) == [NOT_RECOGNISED]


@pytest.mark.parametrize("action", ["withdraw", "defer"])
def test_the_new_provider_cannot_withdraw_or_defer_on_the_day_of_the_move(api, lead_provider, action):
    theirs = TrainingPeriodFactory()  # another provider's since September
    ActiveLeadProviderFactory(lead_provider=lead_provider)
    ours = change_lead_provider(
        at_school_period=theirs.ect_at_school_period, lead_provider=lead_provider, author=Author.system()
    ).training_period
    assert ours.started_on == timezone.localdate()

    response = put(api, ours, action, reason="other")

    assert response.status_code == 422
    assert errors(response) == [
        (
            "participant_id",
            "You cannot defer or withdraw this participant today. "
            "You need to try again tomorrow as the training was recently changed for this participant.",
        )
    ]
