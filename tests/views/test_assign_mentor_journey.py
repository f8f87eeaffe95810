"""Assign a mentor to an ECT, from the ECT (docs/journeys/mentors.md), with the mentor training steps, through the
Django test client: who is offered, the errors, the training playback and its other lead provider, school-led with no
training question, changing a mentor, the hand-over to registering a new mentor, double submit, tenancy, queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.events import Author
from ecf.models import TrainingPeriod
from mentors.models import MentorshipPeriod
from mentors.services import assign_mentor
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
    current_contract_year,
)

TODAY = datetime.date.today()
LAST_YEAR = TODAY - datetime.timedelta(days=365)


def make_setting() -> dict:
    """This year's contract period with two lead providers active in it."""
    contract_period = ContractPeriodFactory(year=current_contract_year())
    ambition = ActiveLeadProviderFactory(
        lead_provider=LeadProviderFactory(name="Ambition Institute"), contract_period=contract_period
    )
    teach_first = ActiveLeadProviderFactory(
        lead_provider=LeadProviderFactory(name="Teach First"), contract_period=contract_period
    )
    return {"ambition": ambition, "teach_first": teach_first}


@pytest.fixture
def setting(db):
    return make_setting()


def teacher(first, last, **kwargs):
    return TeacherFactory(trs_first_name=first, trs_last_name=last, **kwargs)


def an_ect(school, setting, *, programme="provider_led", name=("Kate", "Lewis"), started_on=None):
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=teacher(*name), started_on=started_on or LAST_YEAR)
    if programme == "provider_led":
        TrainingPeriodFactory(ect_at_school_period=ect, with_eoi=True, expression_of_interest=setting["ambition"])
    else:
        TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    return ect


def a_mentor(school, first="Ada", last="Jones", **kwargs):
    return MentorAtSchoolPeriodFactory(school=school, teacher=teacher(first, last), started_on=LAST_YEAR, **kwargs)


class Journey:
    """A school user assigning a mentor to one ECT, in one browser tab."""

    def __init__(self, client, ect):
        self.client = client
        response = client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk}))
        assert response.status_code == 302, response.status_code
        self.base = response.url.rsplit("/", 1)[0]

    def url(self, step):
        return f"{self.base}/{step}"

    def get(self, step):
        return self.client.get(self.url(step))

    def post(self, step, data=None):
        return self.client.post(self.url(step), data or {})

    def step_after(self, step, data=None):
        response = self.post(step, data)
        assert response.status_code == 302, html(response)[:3000]
        return response.url.rsplit("/", 1)[1]

    @property
    def confirmation_url(self):
        return f"{self.base}/confirmation"


def html(response) -> str:
    return response.content.decode()


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html(response)))


def h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html(response), re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", html(response), re.S).group(1).strip()


def back_link(response) -> str:
    return re.search(r'<a href="([^"]+)" class="govuk-back-link"', html(response)).group(1)


def radio_labels(response) -> list[str]:
    labels = re.findall(r'<label class="govuk-label govuk-radios__label"[^>]*>(.*?)</label>', html(response), re.S)
    return [label.strip() for label in labels]


# Who will mentor {ect}? ----------------------------------------------------------------------------------------


def test_the_start_url_opens_who_will_mentor_with_each_mentor_then_register_a_new_mentor(
    school_client, school, setting
):
    ect = an_ect(school, setting)
    a_mentor(school, "Ben", "Adams")
    a_mentor(school, "Ada", "Jones")
    journey = Journey(school_client, ect)

    response = journey.get("who-will-mentor")

    assert response.status_code == 200
    assert h1(response) == "Who will mentor Kate Lewis?"
    assert radio_labels(response) == ["Ada Jones", "Ben Adams", "Register a new mentor"]
    assert '<div class="govuk-radios__divider">or</div>' in html(response)
    assert title(response) == "Who will mentor this ECT? - Register early career teachers - GOV.UK"
    assert back_link(response) == reverse("ects:record", args=[ect.pk])


def test_the_ect_is_never_offered_as_their_own_mentor(school_client, school, setting):
    ect = an_ect(school, setting)
    MentorAtSchoolPeriodFactory(school=school, teacher=ect.teacher)
    a_mentor(school, "Ada", "Jones")

    response = Journey(school_client, ect).get("who-will-mentor")

    assert radio_labels(response) == ["Ada Jones", "Register a new mentor"]


def test_no_choice_is_an_error(school_client, school, setting):
    ect = an_ect(school, setting)
    a_mentor(school)

    response = Journey(school_client, ect).post("who-will-mentor")

    assert response.status_code == 200
    assert title(response).startswith("Error: Who will mentor this ECT?")
    assert "There is a problem" in html(response)
    assert html(response).count("Select a mentor from the list provided or choose to register a new mentor") == 2


def test_a_mentor_who_is_not_offered_is_an_error(school_client, school, setting):
    ect = an_ect(school, setting)
    a_mentor(school)
    elsewhere = a_mentor(SchoolFactory(), "Zed", "Other")

    response = Journey(school_client, ect).post("who-will-mentor", {"mentor": elsewhere.pk})

    assert "Select a mentor from the list provided or choose to register a new mentor" in html(response)
    assert not MentorshipPeriod.objects.exists()


def test_register_a_new_mentor_hands_over_to_the_register_a_mentor_journey_for_this_ect(school_client, school, setting):
    ect = an_ect(school, setting)
    a_mentor(school)
    journey = Journey(school_client, ect)

    assert journey.step_after("who-will-mentor", {"mentor": "new"}) == "register-new-mentor"
    response = journey.get("register-new-mentor")

    assert response.status_code == 302
    assert response.url == f"/school/register-mentor/?ect={ect.pk}"


def test_with_no_mentor_to_offer_the_start_goes_straight_to_registering_a_new_mentor(school_client, school, setting):
    ect = an_ect(school, setting)
    MentorAtSchoolPeriodFactory(school=school, teacher=ect.teacher)  # the ECT themself is no choice

    response = school_client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk}))

    assert response.status_code == 302
    assert response.url == f"/school/register-mentor/?ect={ect.pk}"


def test_changing_the_only_mentor_goes_straight_to_registering_a_new_mentor(school_client, school, setting):
    ect = an_ect(school, setting)
    MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school), started_on=LAST_YEAR)

    response = school_client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk}))

    assert response.url == f"/school/register-mentor/?ect={ect.pk}"


# Mentor training (provider-led) --------------------------------------------------------------------------------


def test_provider_led_ect_and_a_mentor_who_can_train_see_the_training_playback_then_train_with_the_ects_provider(
    school_client, school, setting
):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)

    assert journey.step_after("who-will-mentor", {"mentor": mentor.pk}) == "review-mentor-eligibility"
    page = journey.get("review-mentor-eligibility")
    assert h1(page) == "Ada Jones can receive mentor training"
    assert (
        "Our records show that Ada Jones can get up to 20 hours of ECTE mentor training as your school is working "
        "with a DfE-funded training provider." in text(page)
    )
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange the training." in text(
        page
    )
    assert "Ambition Institute will not be providing mentor training to Ada Jones" in text(page)
    assert title(page) == "Mentor training - Register early career teachers - GOV.UK"
    assert back_link(page) == journey.url("who-will-mentor")

    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    mentorship = MentorshipPeriod.objects.get()
    assert (mentorship.mentee, mentorship.mentor) == (ect, mentor)
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.training_programme == TrainingPeriod.Programme.PROVIDER_LED
    assert training.lead_provider == setting["ambition"].lead_provider
    confirmation = school_client.get(journey.confirmation_url)
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange mentor training." in (
        text(confirmation)
    )


def test_the_school_can_choose_another_lead_provider_for_mentor_training(school_client, school, setting):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})

    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "no"}) == (
        "eligibility-lead-provider"
    )
    page = journey.get("eligibility-lead-provider")
    assert h1(page) == "Which lead provider would you like to contact your school about training Ada Jones?"
    assert radio_labels(page) == ["Ambition Institute", "Teach First"]
    assert back_link(page) == journey.url("review-mentor-eligibility")
    error = journey.post("eligibility-lead-provider")
    assert title(error).startswith("Error: ")
    assert html(error).count("Select a lead provider to contact your school") == 2

    response = journey.post("eligibility-lead-provider", {"lead_provider": setting["teach_first"].lead_provider.pk})

    assert response.url == journey.confirmation_url
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.lead_provider == setting["teach_first"].lead_provider
    confirmation = school_client.get(journey.confirmation_url)
    assert "We’ll pass on their details to Teach First who will contact them" in text(confirmation)


def test_a_mentor_who_completed_mentor_training_is_assigned_without_the_training_question(
    school_client, school, setting
):
    ect = an_ect(school, setting)
    mentor = MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher(
            "Ada",
            "Jones",
            mentor_training_completed_on=LAST_YEAR,
            mentor_training_completion_reason="completed_declaration_received",
        ),
        started_on=LAST_YEAR,
    )
    journey = Journey(school_client, ect)

    response = journey.post("who-will-mentor", {"mentor": mentor.pk})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect, mentor=mentor).exists()
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()


def test_school_led_ect_skips_mentor_training_entirely(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)

    response = journey.post("who-will-mentor", {"mentor": mentor.pk})

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect, mentor=mentor).exists()
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()
    assert journey.get("review-mentor-eligibility").status_code == 302  # the training step is not on the path
    confirmation = school_client.get(journey.confirmation_url)
    assert "arrange mentor training" not in text(confirmation)


# The confirmation -------------------------------------------------------------------------------------------------


def test_the_confirmation_completes_the_ects_registration(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})

    confirmation = school_client.get(journey.confirmation_url)

    page = text(confirmation)
    assert "You’ve assigned Ada Jones as a mentor" in page
    assert "for Kate Lewis" in page
    assert "This completes Kate Lewis’s registration for ECT training at your school." in page
    assert "You do not need to give us any more information." in page
    assert "is now responsible for mentoring" not in page
    assert f'<a class="govuk-link" href="{reverse("ects:list")}">Back to ECTs</a>' in html(confirmation)
    assert title(confirmation) == "Mentor assigned - Register early career teachers - GOV.UK"


# Changing an ECT's mentor -------------------------------------------------------------------------------------


def test_changing_a_mentor_offers_the_others_and_makes_the_new_one_responsible(school_client, school, setting):
    ect = an_ect(school, setting, programme="school_led")
    current = a_mentor(school, "Carl", "Brown")
    MentorshipPeriodFactory(mentee=ect, mentor=current, started_on=LAST_YEAR)
    new = a_mentor(school, "Ada", "Jones")
    journey = Journey(school_client, ect)

    page = journey.get("who-will-mentor")
    assert h1(page) == "Who will mentor Kate Lewis?"
    assert radio_labels(page) == ["Ada Jones", "Register a new mentor"]

    response = journey.post("who-will-mentor", {"mentor": new.pk})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.get(mentee=ect, mentor=current).finished_on == TODAY - datetime.timedelta(days=1)
    assert MentorshipPeriod.objects.get(mentee=ect, mentor=new).finished_on is None
    confirmation = school_client.get(journey.confirmation_url)
    assert "What happens next" in text(confirmation)
    assert "Ada Jones is now responsible for mentoring Kate Lewis." in text(confirmation)


def test_replacing_a_mentor_before_the_mentoring_started_still_says_who_is_now_responsible(
    school_client, school, setting
):
    ect = an_ect(school, setting, programme="school_led", started_on=TODAY + datetime.timedelta(days=30))
    MentorshipPeriodFactory(mentee=ect, mentor=a_mentor(school, "Carl", "Brown"))
    new = a_mentor(school, "Ada", "Jones")
    journey = Journey(school_client, ect)

    journey.post("who-will-mentor", {"mentor": new.pk})

    assert MentorshipPeriod.objects.get(mentee=ect).mentor == new  # the one that never started is replaced
    assert "Ada Jones is now responsible for mentoring Kate Lewis." in text(school_client.get(journey.confirmation_url))


def test_a_mentor_assigned_by_someone_else_meanwhile_is_not_silently_replaced(school_client, school, setting):
    ect = an_ect(school, setting)
    mine, theirs = a_mentor(school, "Ada", "Jones"), a_mentor(school, "Ben", "Adams")
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mine.pk})
    assign_mentor(ect_period=ect, mentor_period=theirs, author=Author.system())

    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert "Kate Lewis has just been assigned a mentor by someone else." in html(response)
    assert MentorshipPeriod.objects.get(mentee=ect).mentor == theirs


# Double submit, tenancy, queries -----------------------------------------------------------------------------


def test_double_submit_creates_one_mentorship_and_both_reach_the_confirmation(school_client, school, setting):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})

    first = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})
    second = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert first.url == second.url == journey.confirmation_url
    assert MentorshipPeriod.objects.filter(mentee=ect).count() == 1
    assert TrainingPeriod.objects.filter(mentor_at_school_period=mentor).count() == 1
    assert school_client.get(second.url).status_code == 200


def test_another_schools_ect_is_not_found(school_client, setting):
    other = an_ect(SchoolFactory(), setting)

    response = school_client.get(reverse("mentors:assign-mentor-start", kwargs={"ect_id": other.pk}))

    assert response.status_code == 404


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("step", ["who-will-mentor", "review-mentor-eligibility", "eligibility-lead-provider"])
def test_each_page_runs_the_same_few_queries_for_1_or_50_mentors(school_client, school, setting, step):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "no"})

    one = count_queries(school_client, journey.url(step))
    for number in range(49):
        a_mentor(school, f"Mentor{number}", "Smith")
        ActiveLeadProviderFactory(contract_period=setting["ambition"].contract_period)
    fifty = count_queries(school_client, journey.url(step))

    assert one == fifty
    assert fifty <= 10 + 2  # + the session and the signed-in user


def test_the_confirmation_runs_few_queries(school_client, school, setting):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)
    journey.post("who-will-mentor", {"mentor": mentor.pk})
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert count_queries(school_client, journey.confirmation_url) <= 10 + 2


def test_templates_run_no_queries(school_client, school, setting, templates_run_no_queries):
    ect = an_ect(school, setting)
    mentor = a_mentor(school)
    journey = Journey(school_client, ect)

    assert journey.get("who-will-mentor").status_code == 200
    assert journey.post("who-will-mentor").status_code == 200  # the error page
    journey.post("who-will-mentor", {"mentor": mentor.pk})
    assert journey.get("review-mentor-eligibility").status_code == 200
    journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "no"})
    assert journey.get("eligibility-lead-provider").status_code == 200
    assert journey.post("eligibility-lead-provider").status_code == 200  # the error page
    journey.post("eligibility-lead-provider", {"lead_provider": setting["ambition"].lead_provider.pk})
    assert school_client.get(journey.confirmation_url).status_code == 200
