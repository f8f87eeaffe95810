"""`change_lead_provider`: the date rules of docs/journeys/change-lead-provider.md, "Select a new lead provider"."""

import datetime

import pytest
from django.utils import timezone

from ecf.errors import DomainError
from ecf.models import Event, TrainingPeriod
from ecf.training.changes import change_lead_provider, current_training, training_version
from tests.factories import (
    ActiveLeadProviderFactory,
    DeclarationFactory,
    MentorAtSchoolPeriodFactory,
    SchoolPartnershipFactory,
    TrainingPeriodFactory,
)

DAY = datetime.timedelta(days=1)


@pytest.fixture
def old_provider(contract_period):
    return ActiveLeadProviderFactory(lead_provider__name="Ambition", contract_period=contract_period)


def confirmed_training(period, active_lead_provider, **fields):
    partnership = SchoolPartnershipFactory(
        school=period.school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )
    mentor = fields.pop("mentor", False)
    owner = (
        {"mentor_at_school_period": period, "ect_at_school_period": None}
        if mentor
        else {"ect_at_school_period": period}
    )
    return TrainingPeriodFactory(school_partnership=partnership, **owner, **fields)


def unconfirmed_training(period, active_lead_provider, **fields):
    return TrainingPeriodFactory(
        ect_at_school_period=period, school_partnership=None, expression_of_interest=active_lead_provider, **fields
    )


def change(period, lead_provider, author, today, **kwargs):
    return change_lead_provider(
        at_school_period=period, lead_provider=lead_provider, author=author, today=today, **kwargs
    )


def test_training_that_started_earlier_with_a_confirmed_partnership_finishes_yesterday(
    ect, old_provider, lead_provider, author, today
):
    old = confirmed_training(ect, old_provider)

    result = change(ect, lead_provider, author, today)

    old.refresh_from_db()
    assert old.finished_on == today - DAY
    assert old.lead_provider.name == "Ambition"
    new = result.training_period
    assert (new.started_on, new.finished_on, new.lead_provider) == (today, None, lead_provider)
    assert new.expression_of_interest.lead_provider == lead_provider  # no partnership with them: an interest
    assert result.previous_lead_provider_name == "Ambition"


def test_the_new_training_uses_the_schools_confirmed_partnership_with_that_lead_provider(
    ect, old_provider, partnership, lead_provider, author, today
):
    confirmed_training(ect, old_provider)

    new = change(ect, lead_provider, author, today).training_period

    assert new.school_partnership == partnership
    assert new.expression_of_interest is None


@pytest.mark.parametrize("starts", [0, 1, 30], ids=["today", "tomorrow", "next month"])
def test_training_starting_today_or_later_is_changed_in_place(ect, old_provider, lead_provider, author, today, starts):
    old = confirmed_training(ect, old_provider, started_on=today + starts * DAY)

    new = change(ect, lead_provider, author, today).training_period

    assert new.pk == old.pk
    assert new.started_on == today + starts * DAY
    assert new.lead_provider == lead_provider
    assert TrainingPeriod.objects.filter(ect_at_school_period=ect).count() == 1


def test_an_unconfirmed_interest_that_started_earlier_is_replaced_keeping_its_start(
    ect, old_provider, lead_provider, author, today
):
    old = unconfirmed_training(ect, old_provider)

    new = change(ect, lead_provider, author, today).training_period

    assert new.pk == old.pk
    assert new.started_on == ect.started_on
    assert new.lead_provider == lead_provider


def test_an_unconfirmed_interest_with_a_declaration_is_finished_not_replaced(
    ect, old_provider, lead_provider, author, today
):
    old = unconfirmed_training(ect, old_provider)
    DeclarationFactory(training_period=old)

    new = change(ect, lead_provider, author, today).training_period

    old.refresh_from_db()
    assert old.finished_on == today - DAY
    assert new.pk != old.pk


def test_without_current_training_new_training_starts_today(ect, lead_provider, author, today):
    new = change(ect, lead_provider, author, today).training_period

    assert (new.started_on, new.training_programme) == (today, TrainingPeriod.Programme.PROVIDER_LED)


def test_for_an_ect_starting_later_the_training_starts_with_them(ect, lead_provider, author, today):
    ect.started_on = today + 10 * DAY
    ect.save()

    assert change(ect, lead_provider, author, today).training_period.started_on == today + 10 * DAY


def test_a_withdrawn_training_keeps_its_withdrawal_and_the_new_one_is_active(
    ect, old_provider, lead_provider, author, today
):
    old = confirmed_training(ect, old_provider, withdrawn_at=timezone.now(), withdrawal_reason="moved-school")

    new = change(ect, lead_provider, author, today).training_period

    old.refresh_from_db()
    assert old.status == "withdrawn"
    assert new.status == "active"


def test_a_deferred_training_changed_in_place_is_no_longer_deferred(ect, old_provider, lead_provider, author, today):
    confirmed_training(ect, old_provider, started_on=today, deferred_at=timezone.now(), deferral_reason="other")

    new = change(ect, lead_provider, author, today).training_period

    assert (new.status, new.deferral_reason) == ("active", "")


def test_the_new_training_finishes_when_the_teacher_leaves(ect, old_provider, lead_provider, author, today):
    ect.finished_on = today + 60 * DAY
    ect.save()
    confirmed_training(ect, old_provider, finished_on=ect.finished_on)

    assert change(ect, lead_provider, author, today).training_period.finished_on == today + 60 * DAY


def test_a_mentors_training_follows_the_same_rules(school, old_provider, lead_provider, author, today, contract_period):
    mentor = MentorAtSchoolPeriodFactory(school=school, started_on=datetime.date(contract_period.year, 9, 1))
    old = confirmed_training(mentor, old_provider, mentor=True)

    new = change(mentor, lead_provider, author, today).training_period

    old.refresh_from_db()
    assert old.finished_on == today - DAY
    assert (new.mentor_at_school_period, new.started_on, new.lead_provider) == (mentor, today, lead_provider)


def test_an_audit_event_and_the_participant_is_updated_for_the_api(ect, old_provider, lead_provider, author, today):
    confirmed_training(ect, old_provider)
    before = ect.teacher.api_updated_at

    change(ect, lead_provider, author, today)

    event = Event.objects.get(event_type="teacher_lead_provider_changed")
    assert event.heading == "Ada Lovelace’s lead provider changed to Best Practice Network"
    assert event.changes == {"lead_provider": ["Ambition", "Best Practice Network"]}
    assert (event.ect_at_school_period, event.lead_provider) == (ect, lead_provider)
    ect.teacher.refresh_from_db()
    assert ect.teacher.api_updated_at > before


def test_a_second_tab_submitting_the_same_change_is_refused_and_changes_nothing(
    ect, old_provider, lead_provider, author, today
):
    confirmed_training(ect, old_provider)
    seen = training_version(current_training(ect, today=today))
    change(ect, lead_provider, author, today, expected_version=seen)

    with pytest.raises(DomainError, match="Ada Lovelace’s training has just been changed by someone else"):
        change(ect, lead_provider, author, today, expected_version=seen)

    assert TrainingPeriod.objects.filter(ect_at_school_period=ect).count() == 2
    assert Event.objects.filter(event_type="teacher_lead_provider_changed").count() == 1


def test_a_withdrawal_by_the_lead_provider_meanwhile_does_not_stop_the_schools_change(
    ect, old_provider, lead_provider, author, today
):
    old = confirmed_training(ect, old_provider)
    seen = training_version(current_training(ect, today=today))
    TrainingPeriod.objects.filter(pk=old.pk).update(withdrawn_at=timezone.now(), withdrawal_reason="other")

    assert (
        change(ect, lead_provider, author, today, expected_version=seen).training_period.lead_provider == lead_provider
    )


def test_the_same_lead_provider_is_refused(ect, lead_provider, active_lead_provider, author, today):
    confirmed_training(ect, active_lead_provider)

    with pytest.raises(DomainError, match="Best Practice Network is already training Ada Lovelace"):
        change(ect, lead_provider, author, today)


def test_a_teacher_who_has_left_is_refused(ect, lead_provider, author, today):
    ect.finished_on = today - DAY
    ect.save()

    with pytest.raises(DomainError, match="because they have left your school"):
        change(ect, lead_provider, author, today)


def test_a_lead_provider_not_active_in_the_contract_period_is_refused(ect, old_provider, author, today):
    confirmed_training(ect, old_provider)
    elsewhere = ActiveLeadProviderFactory(contract_period__year=old_provider.contract_period.year - 1).lead_provider

    with pytest.raises(DomainError, match="is not providing training in the"):
        change(ect, elsewhere, author, today)
    assert TrainingPeriod.objects.get(ect_at_school_period=ect).finished_on is None


def test_school_led_training_is_refused_a_lead_provider(ect, lead_provider, author, today):
    """Choosing a lead provider is for provider-led training: moving to it is a change of training programme."""
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True, started_on=ect.started_on)

    with pytest.raises(DomainError, match="You cannot change Ada Lovelace’s lead provider because their training is"):
        change(ect, lead_provider, author, today)
    assert TrainingPeriod.objects.get(ect_at_school_period=ect).training_programme == "school_led"
    assert not Event.objects.filter(event_type="teacher_lead_provider_changed").exists()
