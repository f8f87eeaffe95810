"""Select a new lead provider, for an ECT and for a mentor (docs/journeys/change-lead-provider.md): every step, its
errors, the confirmation, and a double submit or a second tab."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecf.events import Author
from ecf.models import Event, TrainingPeriod
from ecf.training.changes import change_training_programme
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    SchoolPartnershipFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)
from tests.views.journey_client import JourneyClient, back_link, error_messages, h1, html, radio_labels, text, title


@pytest.fixture
def providers(db):
    contract_period = ContractPeriodFactory()
    return {
        name: ActiveLeadProviderFactory(lead_provider__name=name, contract_period=contract_period)
        for name in ("Ambition", "Best Practice Network", "Teach First")
    }


@pytest.fixture
def not_this_year(providers):
    """Active in last year's contract period only: never offered."""
    return ActiveLeadProviderFactory(
        lead_provider__name="Old Provider", contract_period__year=ContractPeriodFactory().year - 1
    )


def trained_by(period, active_lead_provider, **fields):
    partnership = SchoolPartnershipFactory(
        school=period.school, lead_provider_delivery_partnership__active_lead_provider=active_lead_provider
    )
    owner = (
        {"mentor_at_school_period": period, "ect_at_school_period": None}
        if period._meta.model_name == "mentoratschoolperiod"
        else {"ect_at_school_period": period}
    )
    return TrainingPeriodFactory(school_partnership=partnership, **owner, **fields)


@pytest.fixture
def ect(school, providers):
    period = ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="Lovelace")
    )
    trained_by(period, providers["Ambition"])
    return period


@pytest.fixture
def mentor(school, providers):
    period = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Grace", trs_last_name="Hopper")
    )
    trained_by(period, providers["Ambition"])
    return period


def ect_journey(client, ect):
    return JourneyClient(client, f"/school/ects/{ect.pk}/change-lead-provider")


def mentor_journey(client, mentor):
    return JourneyClient(client, f"/school/mentors/{mentor.pk}/change-lead-provider")


# The ECT -------------------------------------------------------------------------------------------------------


def test_the_record_starts_the_journey_on_a_page_that_stores_nothing(school_client, ect):
    journey = ect_journey(school_client, ect)

    assert journey.url("select-lead-provider") == f"/school/change-lead-provider/new/select-lead-provider?ect={ect.pk}"
    page = journey.get("select-lead-provider")
    assert page.status_code == 200
    assert h1(page) == "Change lead provider for Ada Lovelace"
    assert title(page).startswith("Change lead provider - ")
    assert back_link(page) == f"/school/ects/{ect.pk}"


def test_the_choice_leaves_out_the_current_lead_provider_and_those_not_active_this_year(
    school_client, ect, not_this_year
):
    page = ect_journey(school_client, ect).get("select-lead-provider")

    assert radio_labels(page) == ["Best Practice Network", "Teach First"]
    assert "Select the new lead provider for Ada Lovelace" in text(page)
    assert "If you do change lead provider, we’ll let the:" in text(page)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select which lead provider will be training the ECT"),
        ({"lead_provider": "999999"}, "Enter the name of a known lead provider"),
    ],
)
def test_a_missing_or_unknown_choice_is_a_govuk_error(school_client, ect, data, message):
    page = ect_journey(school_client, ect).post("select-lead-provider", data)

    assert page.status_code == 200
    assert error_messages(page) == [message]
    assert title(page).startswith("Error: ")


def test_the_current_lead_provider_cannot_be_chosen(school_client, ect, providers):
    page = ect_journey(school_client, ect).post(
        "select-lead-provider", {"lead_provider": providers["Ambition"].lead_provider.pk}
    )

    assert error_messages(page) == ["Enter the name of a known lead provider"]


def test_choose_check_and_confirm(school_client, ect, providers):
    journey = ect_journey(school_client, ect)
    new = providers["Teach First"].lead_provider

    assert journey.step_after("select-lead-provider", {"lead_provider": new.pk}) == "check-answers"
    check = journey.get("check-answers")
    assert h1(check) == "Check and confirm change"
    assert "Early career teacher Ada Lovelace Current lead provider Ambition New lead provider Teach First" in text(
        check
    )
    assert back_link(check).endswith("/select-lead-provider")
    assert 'href="' + journey.url("select-lead-provider", change=True) + '"' in html(check)
    assert "Confirm change" in text(check)

    response = journey.post("check-answers")

    assert response.url == journey.confirmation_url
    confirmation = school_client.get(journey.confirmation_url)
    assert "You’ve chosen Teach First as the new lead provider for Ada Lovelace" in text(confirmation)
    assert (
        "We’ll let Teach First know your school wants to work with them. They’ll contact us to confirm the change "
        "and tell us the delivery partner they’ll be working with." in text(confirmation)
    )
    assert "We’ll also let the old lead provider know that they’ll no longer be training Ada Lovelace." in text(
        confirmation
    )
    record = school_client.get(f"/school/ects/{ect.pk}")
    assert "Awaiting confirmation by Teach First" in text(record)


def test_changing_the_answer_from_check_answers_returns_there(school_client, ect, providers):
    journey = ect_journey(school_client, ect)
    journey.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})

    after = journey.step_after(
        "select-lead-provider", {"lead_provider": providers["Best Practice Network"].lead_provider.pk}, change=True
    )

    assert after == "check-answers"
    assert "New lead provider Best Practice Network" in text(journey.get("check-answers"))


def test_a_double_submit_changes_once(school_client, ect, providers):
    journey = ect_journey(school_client, ect)
    journey.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})

    first = journey.post("check-answers")
    second = journey.post("check-answers")

    assert first.url == second.url == journey.confirmation_url
    assert TrainingPeriod.objects.filter(ect_at_school_period=ect).count() == 2
    assert Event.objects.filter(event_type="teacher_lead_provider_changed").count() == 1


def test_a_second_tab_is_told_someone_else_changed_it_and_changes_nothing(school_client, ect, providers):
    first, second = ect_journey(school_client, ect), ect_journey(school_client, ect)
    first.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
    second.post("select-lead-provider", {"lead_provider": providers["Best Practice Network"].lead_provider.pk})
    first.post("check-answers")

    page = second.post("check-answers")

    assert page.status_code == 200
    assert (
        "Ada Lovelace’s training has just been changed by someone else. Check their record before changing it."
        in text(page)
    )
    assert title(page).startswith("Error: ")
    assert Event.objects.filter(event_type="teacher_lead_provider_changed").count() == 1


def test_the_bare_start_goes_to_the_list(school_client, db):
    response = school_client.get("/school/change-lead-provider/")

    assert (response.status_code, response.url) == (302, "/school/home/ects")


# The mentor ----------------------------------------------------------------------------------------------------


def test_the_mentors_journey_has_its_own_copy(school_client, mentor, providers):
    journey = mentor_journey(school_client, mentor)

    page = journey.get("select-lead-provider")
    assert h1(page) == "Change lead provider for Grace Hopper"
    assert radio_labels(page) == ["Best Practice Network", "Teach First"]
    assert back_link(page) == f"/school/mentors/{mentor.pk}"
    assert error_messages(journey.post("select-lead-provider")) == ["Select a lead provider to contact your school"]
    same = journey.post("select-lead-provider", {"lead_provider": providers["Ambition"].lead_provider.pk})
    assert error_messages(same) == ["Select a different lead provider to contact your school"]

    journey.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
    check = journey.get("check-answers")
    assert "Mentor Grace Hopper Current Lead Provider Ambition New Lead Provider Teach First" in text(check)
    journey.post("check-answers")

    confirmation = school_client.get(journey.confirmation_url)
    assert "You’ve chosen Teach First as the new lead provider for Grace Hopper" in text(confirmation)
    assert "Back to mentors" in text(confirmation)
    assert (
        TrainingPeriod.objects.filter(mentor_at_school_period=mentor, finished_on__isnull=True).get().lead_provider.name
        == "Teach First"
    )


def test_a_mentor_without_training_gets_their_first_lead_provider(school_client, school, providers):
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Alan", trs_last_name="Kay")
    )
    journey = mentor_journey(school_client, mentor)

    assert radio_labels(journey.get("select-lead-provider")) == ["Ambition", "Best Practice Network", "Teach First"]
    journey.post("select-lead-provider", {"lead_provider": providers["Ambition"].lead_provider.pk})
    check = text(journey.get("check-answers"))
    # No lead provider has trained them: the row is left out, not filled with "None".
    assert "Mentor Alan Kay New Lead Provider Ambition" in check
    assert "Current Lead Provider" not in check
    assert "None" not in check
    journey.post("check-answers")

    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert (training.lead_provider.name, training.expression_of_interest_id is not None) == ("Ambition", True)


# After a lead provider withdrew or deferred them --------------------------------------------------------------

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


def stopped(*, on: datetime.date, **reported) -> dict:
    """What the API leaves: the training finished the day the lead provider withdrew or deferred it."""
    at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    key = "withdrawn" if "withdrawal_reason" in reported else "deferred"
    return {"started_on": on - datetime.timedelta(days=30), "finished_on": on, f"{key}_at": at, **reported}


@pytest.mark.parametrize(
    "reported",
    [{"withdrawal_reason": "moved-school"}, {"deferral_reason": "parental-leave"}],
    ids=["withdrawn", "deferred"],
)
@pytest.mark.parametrize("on", [YESTERDAY, datetime.date.today()], ids=["yesterday", "today"])
def test_after_the_lead_provider_withdrew_or_deferred_them_it_is_the_current_lead_provider(
    school_client, school, providers, reported, on, templates_run_no_queries
):
    # Found walking the journeys: once the withdrawal had finished their training (on any later day), check your
    # answers said "Current lead provider None". As the reference does, it names the provider who withdrew them,
    # and does not offer them again.
    for role, make, journey_for, label in (
        ("ect", ECTAtSchoolPeriodFactory, ect_journey, "Current lead provider Ambition New lead provider Teach First"),
        ("mentor", MentorAtSchoolPeriodFactory, mentor_journey, "Current Lead Provider Ambition New Lead Provider"),
    ):
        period = make(school=school, started_on=on - datetime.timedelta(days=60))
        trained_by(period, providers["Ambition"], **stopped(on=on, **reported))
        journey = journey_for(school_client, period)

        assert radio_labels(journey.get("select-lead-provider")) == ["Best Practice Network", "Teach First"], role
        journey.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
        check = text(journey.get("check-answers"))

        assert label in check, role
        assert "None" not in check, role


def test_an_ect_reported_leaving_still_names_their_lead_provider(school_client, ect, providers):
    ect.finished_on = datetime.date.today() + datetime.timedelta(days=20)
    ect.reported_leaving_on = datetime.date.today()
    ect.save()
    journey = ect_journey(school_client, ect)
    journey.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})

    assert "Current lead provider Ambition New lead provider Teach First" in text(journey.get("check-answers"))


def test_the_question_runs_the_same_queries_for_few_or_many_lead_providers(
    school_client, ect, providers, templates_run_no_queries
):
    journey = ect_journey(school_client, ect)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert journey.get("select-lead-provider").status_code == 200
        return len(captured)

    few = queries()
    contract_period = providers["Ambition"].contract_period
    ActiveLeadProviderFactory.create_batch(30, contract_period=contract_period)

    assert queries() == few <= 12  # the session, the user and the school, then the ECT, their training, the choice


# Only for provider-led training, and no dead end after someone else's change ------------------------------------


def school_led(period):
    """What the change-training-programme journey does to an ECT: their provider-led training gives way to
    school-led training from today."""
    change_training_programme(
        ect_period=period, training_programme="school_led", lead_provider=None, author=Author.system()
    )


def test_a_school_led_ect_cannot_start_choosing_a_lead_provider(school_client, ect):
    school_led(ect)

    assert school_client.get(f"/school/ects/{ect.pk}/change-lead-provider").status_code == 404
    new_page = f"/school/change-lead-provider/new/select-lead-provider?ect={ect.pk}"
    assert school_client.get(new_page).status_code == 404
    assert school_client.post(new_page, {"lead_provider": "1"}).status_code == 404


def test_a_journey_begun_before_the_ect_became_school_led_shows_why_and_cannot_be_confirmed(
    school_client, ect, providers
):
    journey = ect_journey(school_client, ect)
    journey.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
    school_led(ect)

    for page in (journey.get("check-answers"), journey.post("check-answers")):
        assert page.status_code == 200
        assert error_messages(page) == [
            "Ada Lovelace’s training has just been changed by someone else. Check their record before changing it."
        ]
        assert "Confirm change" not in text(page)
        assert "None" not in text(page)
        assert f'href="/school/ects/{ect.pk}"' in html(page)
        assert f"/school/ects/{ect.pk}/change-lead-provider" not in html(page)
    assert TrainingPeriod.objects.filter(ect_at_school_period=ect, finished_on=None).get().training_programme == (
        "school_led"
    )
    assert not Event.objects.filter(event_type="teacher_lead_provider_changed").exists()


def test_after_someone_else_changed_the_lead_provider_the_second_tab_can_start_again(school_client, ect, providers):
    first, second = ect_journey(school_client, ect), ect_journey(school_client, ect)
    first.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
    second.post("select-lead-provider", {"lead_provider": providers["Best Practice Network"].lead_provider.pk})
    first.post("check-answers")

    page = second.get("check-answers")

    assert error_messages(page) == [
        "Ada Lovelace’s training has just been changed by someone else. Check their record before changing it."
    ]
    assert "Confirm change" not in text(page)
    assert f'href="/school/ects/{ect.pk}/change-lead-provider"' in html(page)
    again = ect_journey(school_client, ect)
    again.post("select-lead-provider", {"lead_provider": providers["Best Practice Network"].lead_provider.pk})
    assert "Teach First" in text(again.get("check-answers"))
    assert again.post("check-answers").url == again.confirmation_url


def test_a_mentors_second_tab_is_told_and_can_start_again(school_client, mentor, providers):
    first, second = mentor_journey(school_client, mentor), mentor_journey(school_client, mentor)
    first.post("select-lead-provider", {"lead_provider": providers["Teach First"].lead_provider.pk})
    second.post("select-lead-provider", {"lead_provider": providers["Best Practice Network"].lead_provider.pk})
    first.post("check-answers")

    page = second.get("check-answers")

    assert error_messages(page) == [
        "Grace Hopper’s training has just been changed by someone else. Check their record before changing it."
    ]
    assert "Confirm change" not in text(page)
    assert f'href="/school/mentors/{mentor.pk}/change-lead-provider"' in html(page)
    assert f'href="/school/mentors/{mentor.pk}"' in html(page)
