"""Register a new mentor for an ECT through the Django test client (docs/journeys/mentors.md): both
phases end to end, every dead end, the National Insurance number fallback, the corrected name, the email in use,
every Change link, mentor training or none, assigning an already registered mentor, a mentor of another school,
double submit, the email to the mentor and query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.models import EmailMessage, JourneyCompletion, Teacher, TrainingPeriod
from ecf.trs import get_trs_client
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School
from tests.conftest import sign_in
from tests.factories import (
    ActiveLeadProviderFactory,
    ContractPeriodFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    SchoolPartnershipFactory,
    SchoolUserFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

START = "/school/register-mentor/"
DOB = {"date_of_birth-day": "3", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
WRONG_DOB = {"date_of_birth-day": "4", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
MENTOR_TRN = "1234567"
PRIMARY_ANSWERS = {"subject": "Primary with science", "age_range": "5 to 11", "key_stage": "Key stage 1"}


def trs_name(trn: str) -> str:
    teacher = get_trs_client().find_teacher(trn=trn)
    return f"{teacher.first_name} {teacher.last_name}"


@pytest.fixture
def providers(db):
    contract_period = ContractPeriodFactory()
    ambition = LeadProviderFactory(name="Ambition Institute")
    teach_first = LeadProviderFactory(name="Teach First")
    active = ActiveLeadProviderFactory(lead_provider=ambition, contract_period=contract_period)
    ActiveLeadProviderFactory(lead_provider=teach_first, contract_period=contract_period)
    return {"ambition": ambition, "teach_first": teach_first, "active_ambition": active}


def ect_at(school, *, programme="provider_led", providers=None, first_name="Kate", last_name="Lewis"):
    ect = ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name=first_name, trs_last_name=last_name)
    )
    if programme == "provider_led":
        partnership = SchoolPartnershipFactory(
            school=school, lead_provider_delivery_partnership__active_lead_provider=providers["active_ambition"]
        )
        TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=partnership)
    else:
        TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)
    return ect


@pytest.fixture
def provider_led_ect(school, providers):
    return ect_at(school, providers=providers)


@pytest.fixture
def school_led_ect(school):
    return ect_at(school, programme="school_led")


class Journey:
    """A school user walking the journey in one browser tab, for one ECT."""

    def __init__(self, client, ect, *, restart=False):
        self.client = client
        response = client.get(f"{START}?ect={ect.pk}" + ("&restart=1" if restart else ""))
        assert response.status_code == 302, response
        self.base = response.url.rsplit("/", 1)[0]
        self.first_step = response.url.rsplit("/", 1)[1]

    def url(self, step, change=False):
        return f"{self.base}/{step}" + ("?change=1" if change else "")

    def get(self, step, change=False):
        return self.client.get(self.url(step, change))

    def post(self, step, data=None, change=False):
        return self.client.post(self.url(step, change), data or {})

    def step_after(self, step, data=None, change=False):
        """Answer a step and return where it leads (the step name, with ?change=1 when still changing)."""
        response = self.post(step, data, change)
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
    return [
        label.strip()
        for label in re.findall(
            r'<label class="govuk-label govuk-radios__label"[^>]*>\s*(.*?)\s*</label>', html(response), re.S
        )
    ]


def error_messages(response) -> list[str]:
    """The error summary's messages, in order."""
    summary = re.search(r'<ul class="govuk-list govuk-error-summary__list">(.*?)</ul>', html(response), re.S)
    items = re.findall(r"<li>(.*?)</li>", summary.group(1), re.S) if summary else []
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip() for item in items]


def walk_to_email(journey, trn=MENTOR_TRN, *, details=None):
    assert journey.step_after("what-you-will-need") == "find-mentor"
    assert journey.step_after("find-mentor", {"trn": trn, **DOB}) == "review-mentor-details"
    return journey.step_after("review-mentor-details", details or {"details_correct": "yes"})


def walk_teaching_details(journey, answers=None):
    answers = answers or PRIMARY_ANSWERS
    assert journey.step_after("subject", {"subject": answers["subject"]}) == "age-range"
    assert journey.step_after("age-range", {"age_range": answers["age_range"]}) == "key-stage"
    return journey.step_after("key-stage", {"key_stage": answers["key_stage"]})


def walk_to_check_answers(journey, *, trn=MENTOR_TRN, email="mentor@example.com", training=True):
    assert walk_to_email(journey, trn) == "email-address"
    assert journey.step_after("email-address", {"email": email}) == "subject"
    following = walk_teaching_details(journey)
    if training:
        assert following == "review-mentor-eligibility"
        following = journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})
    assert following == "check-answers"


# Starting ---------------------------------------------------------------------------------------------------


def test_the_journey_starts_from_one_of_the_schools_ects(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)

    response = journey.get("what-you-will-need")

    assert journey.first_step == "what-you-will-need"
    assert h1(response) == "What you’ll need to add a new mentor for Kate Lewis"
    for item in ("name", "teacher reference number (TRN)", "date of birth", "email address"):
        assert f"<li>{item}</li>" in html(response)
    assert "You may also need to tell us about the mentor’s training programme." in html(response)
    assert back_link(response) == reverse("ects:list")
    assert "Kate Lewis" not in title(response)  # names never reach analytics


def test_a_school_led_ect_is_not_told_about_mentor_training(school_client, school_led_ect):
    response = Journey(school_client, school_led_ect).get("what-you-will-need")

    assert "training programme" not in html(response)


@pytest.mark.parametrize("query", ["", "?ect=", "?ect=abc", "?ect=999999", "?ect=１"])
def test_starting_without_one_of_the_schools_ects_is_not_found(school_client, query):
    assert school_client.get(f"{START}{query}").status_code == 404


def test_another_schools_ect_is_not_found(school_client, providers):
    other = ect_at(SchoolFactory(), providers=providers)

    assert school_client.get(f"{START}?ect={other.pk}").status_code == 404


def test_signed_out_users_are_sent_to_sign_in(client, provider_led_ect):
    response = client.get(f"{START}?ect={provider_led_ect.pk}")

    assert response.status_code == 302
    assert "sign-in" in response.url


# A primary school, provider-led ECT, end to end ---------------------------------------------------------------


def test_a_primary_school_registers_a_new_mentor_for_a_provider_led_ect(school_client, provider_led_ect, providers):
    journey = Journey(school_client, provider_led_ect)
    name = trs_name(MENTOR_TRN)
    assert journey.step_after("what-you-will-need") == "find-mentor"

    find = journey.get("find-mentor")
    assert h1(find) == "Find a mentor"
    assert "They do not have a TRN" in html(find)
    assert "Information to review this journey" in html(find)
    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB}) == "review-mentor-details"

    review = journey.get("review-mentor-details")
    assert h1(review) == "Check mentor details"
    assert name in text(review)
    assert MENTOR_TRN in text(review)
    assert "3 February 1977" in text(review)
    assert journey.step_after("review-mentor-details", {"details_correct": "yes"}) == "email-address"

    assert h1(journey.get("email-address")) == f"What is {name}’s email address?"
    assert journey.step_after("email-address", {"email": "mentor@example.com"}) == "subject"

    subject = journey.get("subject")
    assert re.search(
        rf"<h1[^>]*>\s*<label[^>]*>\s*What subject does {name} teach\?|What subject does {name} teach\?", html(subject)
    )
    assert radio_labels(subject) == [
        "Primary",
        "Primary with English",
        "Primary with geography and history",
        "Primary with mathematics",
        "Primary with modern languages",
        "Primary with physical education",
        "Primary with science",
    ]
    assert "checked" not in html(subject)
    assert back_link(subject).endswith("/email-address")
    assert journey.step_after("subject", {"subject": "Primary with science"}) == "age-range"
    assert radio_labels(journey.get("age-range")) == ["3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years"]
    assert journey.step_after("age-range", {"age_range": "7 to 14 - middle years"}) == "key-stage"
    assert radio_labels(journey.get("key-stage")) == ["Early years", "Key stage 1", "Key stage 2"]
    assert journey.step_after("key-stage", {"key_stage": "Key stage 2"}) == "review-mentor-eligibility"

    playback = journey.get("review-mentor-eligibility")
    assert h1(playback) == f"{name} can receive mentor training"
    assert "We’ll pass on their details to Ambition Institute who will contact them to arrange the training." in html(
        playback
    )
    assert f"Ambition Institute will not be providing mentor training to {name}" in html(playback)
    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "yes"}) == "check-answers"

    check = journey.get("check-answers")
    assert h1(check) == "Check your answers and confirm mentor details"
    for value in (MENTOR_TRN, name, "mentor@example.com", "Primary with science", "7 to 14 - middle years"):
        assert value in text(check)
    assert "Ambition Institute" in text(check)
    assert f"{name} will mentor Kate Lewis" in text(check)
    assert "Confirm details" in html(check)

    response = journey.post("check-answers")
    assert response.status_code == 302
    assert response.url == journey.confirmation_url

    confirmation = school_client.get(journey.confirmation_url)
    assert f"You’ve assigned {name} as a mentor" in text(confirmation)
    assert "for Kate Lewis" in text(confirmation)
    assert "This completes Kate Lewis’s registration for ECT training at your school." in html(confirmation)
    assert "You do not need to give us any more information." in html(confirmation)
    assert "What happens next" in html(confirmation)
    assert f"We’ll email {name} to confirm that you’ve registered them as a mentor." in html(confirmation)
    assert (
        "We’ll pass on their details to Ambition Institute who will contact them to arrange mentor training."
        in html(confirmation)
    )
    assert f'href="{reverse("ects:list")}">Back to ECTs' in html(confirmation)

    mentor = MentorAtSchoolPeriod.objects.get(teacher__trn=MENTOR_TRN)
    assert (mentor.school, mentor.email) == (provider_led_ect.school, "mentor@example.com")
    assert (mentor.subject, mentor.age_range, mentor.key_stage) == (
        "Primary with science",
        "7 to 14 - middle years",
        "Key stage 2",
    )
    assert MentorshipPeriod.objects.get(mentee=provider_led_ect).mentor == mentor
    training = TrainingPeriod.objects.get(mentor_at_school_period=mentor)
    assert training.lead_provider == providers["ambition"]
    email = EmailMessage.objects.get(to="mentor@example.com")
    assert email.template == "mentor_registered"


def test_the_mentor_trains_with_another_lead_provider_when_the_ects_will_not(
    school_client, provider_led_ect, providers
):
    journey = Journey(school_client, provider_led_ect)
    assert walk_to_email(journey) == "email-address"
    journey.step_after("email-address", {"email": "mentor@example.com"})
    assert walk_teaching_details(journey) == "review-mentor-eligibility"

    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "no"}) == (
        "eligibility-lead-provider"
    )
    choose = journey.get("eligibility-lead-provider")
    assert h1(choose).startswith("Which lead provider would you like to contact your school about training")
    assert radio_labels(choose) == ["Ambition Institute", "Teach First"]
    assert error_messages(journey.post("eligibility-lead-provider")) == [
        "Select a lead provider to contact your school"
    ]
    assert journey.step_after("eligibility-lead-provider", {"lead_provider": providers["teach_first"].pk}) == (
        "check-answers"
    )
    assert "Teach First" in text(journey.get("check-answers"))

    journey.post("check-answers")

    training = TrainingPeriod.objects.get(mentor_at_school_period__teacher__trn=MENTOR_TRN)
    assert training.lead_provider == providers["teach_first"]
    assert "We’ll pass on their details to Teach First" in html(school_client.get(journey.confirmation_url))


# A secondary school, school-led ECT, end to end --------------------------------------------------------------


@pytest.fixture
def secondary_school(db):
    return SchoolFactory(name="Ashdown Academy", phase=School.Phase.SECONDARY)


@pytest.fixture
def secondary_client(client, secondary_school):
    return sign_in(client, SchoolUserFactory(schools=[secondary_school]), secondary_school)


def test_a_secondary_school_registers_a_new_mentor_for_a_school_led_ect(secondary_client, secondary_school):
    ect = ect_at(secondary_school, programme="school_led")
    journey = Journey(secondary_client, ect)
    assert walk_to_email(journey) == "email-address"
    assert journey.step_after("email-address", {"email": "mentor@example.com"}) == "subject"

    subject = journey.get("subject")
    assert len(radio_labels(subject)) == 36
    assert radio_labels(subject)[:3] == ["Ancient Greek", "Ancient Hebrew", "Art and design"]
    assert journey.step_after("subject", {"subject": "Physics"}) == "age-range"
    assert radio_labels(journey.get("age-range")) == ["11 to 16", "11 to 18", "14 to 19", "7 to 14 - middle years"]
    assert journey.step_after("age-range", {"age_range": "11 to 18"}) == "key-stage"
    assert radio_labels(journey.get("key-stage")) == ["Key stage 3", "Key stage 4", "Key stage 5"]
    # A school-led ECT: no mentor training question, straight to check your answers.
    assert journey.step_after("key-stage", {"key_stage": "Key stage 5"}) == "check-answers"
    check = journey.get("check-answers")
    assert "Lead provider" not in text(check)

    journey.post("check-answers")

    mentor = MentorAtSchoolPeriod.objects.get(teacher__trn=MENTOR_TRN)
    assert (mentor.subject, mentor.age_range, mentor.key_stage) == ("Physics", "11 to 18", "Key stage 5")
    assert not TrainingPeriod.objects.filter(mentor_at_school_period=mentor).exists()
    confirmation = html(secondary_client.get(journey.confirmation_url))
    assert "What happens next" in confirmation
    assert "We’ll pass on their details" not in confirmation
    assert "mentor training" not in confirmation


def test_a_secondary_mentor_of_middle_years_is_offered_key_stage_2(secondary_client, secondary_school):
    journey = Journey(secondary_client, ect_at(secondary_school, programme="school_led"))
    walk_to_email(journey)
    journey.step_after("email-address", {"email": "mentor@example.com"})
    journey.step_after("subject", {"subject": "Mathematics"})
    journey.step_after("age-range", {"age_range": "7 to 14 - middle years"})

    assert radio_labels(journey.get("key-stage")) == ["Key stage 2", "Key stage 3", "Key stage 4", "Key stage 5"]
    assert journey.step_after("key-stage", {"key_stage": "Key stage 2"}) == "check-answers"


def test_a_school_of_neither_phase_is_asked_which_phase_the_mentor_teaches(client, db):
    school = SchoolFactory(phase=School.Phase.ALL_THROUGH)
    sign_in(client, SchoolUserFactory(schools=[school]), school)
    journey = Journey(client, ect_at(school, programme="school_led"))
    walk_to_email(journey)
    name = trs_name(MENTOR_TRN)

    assert journey.step_after("email-address", {"email": "mentor@example.com"}) == "phase"
    phase = journey.get("phase")
    assert f"Which phase does {name} teach?" in html(phase)
    assert radio_labels(phase) == ["Primary", "Secondary"]
    assert error_messages(journey.post("phase")) == ["Select a phase"]
    assert journey.step_after("phase", {"phase": "secondary"}) == "subject"
    assert len(radio_labels(journey.get("subject"))) == 36


@pytest.mark.parametrize(
    ("step", "message"),
    [("subject", "Select a subject"), ("age-range", "Select an age range"), ("key-stage", "Select a key stage")],
)
def test_each_teaching_detail_must_be_chosen(school_client, school_led_ect, step, message):
    journey = Journey(school_client, school_led_ect)
    walk_to_email(journey)
    journey.step_after("email-address", {"email": "mentor@example.com"})
    for earlier, data in (("subject", {"subject": "Primary"}), ("age-range", {"age_range": "3 to 7"})):
        if earlier == step:
            break
        journey.step_after(earlier, data)

    response = journey.post(step)

    assert response.status_code == 200
    assert error_messages(response) == [message]
    assert title(response).startswith("Error: ")


# Dead ends ------------------------------------------------------------------------------------------------------


def test_they_do_not_have_a_trn(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")
    link = re.search(
        r'<a class="govuk-link" href="([^"]+)">They do not have a TRN</a>', html(journey.get("find-mentor"))
    )

    response = school_client.get(link.group(1))

    assert h1(response) == "You cannot register a mentor without a TRN"
    assert "Find a lost TRN service" in html(response)
    assert back_link(response) == journey.url("find-mentor")


def test_they_do_not_have_a_trn_of_an_unknown_journey_is_not_found(school_client):
    import uuid

    assert school_client.get(reverse("mentors:register-mentor-no-trn", args=[uuid.uuid4()])).status_code == 404


def test_a_trn_that_trs_does_not_know(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": "7000002", **DOB}) == "trn-not-found"
    response = journey.get("trn-not-found")
    assert h1(response) == "We’re unable to match the mentor with the details you provided"
    assert f'href="{journey.url("find-mentor")}"' in html(response)  # Try again


def test_a_wrong_date_of_birth_falls_back_to_the_national_insurance_number(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **WRONG_DOB}) == "national-insurance-number"
    assert h1(journey.get("national-insurance-number")) == "We cannot find the mentor’s details"
    assert error_messages(journey.post("national-insurance-number")) == ["Enter a National Insurance Number"]
    assert journey.step_after("national-insurance-number", {"national_insurance_number": "QQ 12 34 56 C"}) == (
        "review-mentor-details"
    )
    review = text(journey.get("review-mentor-details"))
    assert "National Insurance number" in review
    assert "QQ123456C" in review


def test_a_national_insurance_number_that_does_not_match(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")
    journey.step_after("find-mentor", {"trn": MENTOR_TRN, **WRONG_DOB})

    assert journey.step_after("national-insurance-number", {"national_insurance_number": "AB123456C"}) == "not-found"
    assert h1(journey.get("not-found")) == "We’re unable to match the mentor with the details you provided"


def test_the_ect_cannot_be_their_own_mentor(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": provider_led_ect.teacher.trn, **DOB}) == "cannot-mentor-themself"
    response = journey.get("cannot-mentor-themself")
    assert h1(response) == "You cannot assign an ECT as their own mentor"
    who_will_mentor = reverse("mentors:assign-mentor-start", args=[provider_led_ect.pk])
    assert re.search(rf'href="{who_will_mentor}"[^>]*>\s*Assign a different mentor', html(response))


def test_a_teacher_prohibited_from_teaching_cannot_be_registered(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": "7000003", **DOB}) == "cannot-register-mentor"
    response = journey.get("cannot-register-mentor")
    assert h1(response) == f"You cannot register {trs_name('7000003')}"
    assert "You cannot register" in title(response)
    assert trs_name("7000003") not in title(response)


def test_the_find_step_validates_the_trn_and_date_of_birth(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")

    response = journey.post("find-mentor", {"trn": "12"})

    assert error_messages(response) == [
        "Teacher reference number must include at least 5 digits",
        "Enter a date of birth",
    ]


# Already registered at this school: assign them ------------------------------------------------------------------


def test_a_mentor_already_at_the_school_is_assigned_instead(school_client, school, school_led_ect):
    existing = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trn=MENTOR_TRN, trs_first_name="Ann", trs_last_name="Lee")
    )
    MentorshipPeriodFactory(mentor=existing, mentee=ECTAtSchoolPeriodFactory(school=school))
    journey = Journey(school_client, school_led_ect)
    journey.step_after("what-you-will-need")

    assert journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB}) == "already-active-at-school"
    page = journey.get("already-active-at-school")
    assert h1(page) == "This mentor has already been registered"
    assert "Assign Ann Lee to mentor Kate Lewis" in html(page)

    response = journey.post("already-active-at-school")

    assert response.status_code == 302
    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.get(mentee=school_led_ect).mentor == existing
    assert MentorAtSchoolPeriod.objects.filter(teacher__trn=MENTOR_TRN).count() == 1
    assert not EmailMessage.objects.filter(template="mentor_registered").exists()
    confirmation = html(school_client.get(journey.confirmation_url))
    assert "You’ve assigned Ann Lee as a mentor" in confirmation
    assert "This completes Kate Lewis’s registration for ECT training at your school." in confirmation
    assert "What happens next" not in confirmation  # they were registered before: no email now


def test_assigning_an_already_registered_mentor_asks_about_mentor_training_when_it_applies(
    school_client, school, provider_led_ect, providers
):
    existing = MentorAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trn=MENTOR_TRN))
    journey = Journey(school_client, provider_led_ect)
    journey.step_after("what-you-will-need")
    journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB})

    assert journey.step_after("already-active-at-school") == "review-mentor-eligibility"
    response = journey.post("review-mentor-eligibility", {"use_ect_lead_provider": "yes"})

    assert response.url == journey.confirmation_url
    assert MentorshipPeriod.objects.get(mentee=provider_led_ect).mentor == existing
    assert TrainingPeriod.objects.get(mentor_at_school_period=existing).lead_provider == providers["ambition"]
    assert "We’ll pass on their details to Ambition Institute" in html(school_client.get(journey.confirmation_url))


def test_a_mentor_at_another_school_can_be_registered_here(school_client, school, school_led_ect):
    elsewhere = MentorAtSchoolPeriodFactory(
        school=SchoolFactory(), teacher=TeacherFactory(trn=MENTOR_TRN, trs_first_name="Ann", trs_last_name="Lee")
    )
    journey = Journey(school_client, school_led_ect)
    walk_to_check_answers(journey, training=False)

    journey.post("check-answers")

    here = MentorAtSchoolPeriod.objects.get(teacher__trn=MENTOR_TRN, school=school)
    assert here != elsewhere
    assert MentorAtSchoolPeriod.objects.get(pk=elsewhere.pk).finished_on is None  # still mentoring there too
    assert MentorshipPeriod.objects.get(mentee=school_led_ect).mentor == here
    assert "You’ve assigned Ann Lee as a mentor" in html(school_client.get(journey.confirmation_url))


# Corrected name, email in use --------------------------------------------------------------------------------------


def test_a_corrected_name_is_used_from_then_on(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    journey.step_after("what-you-will-need")
    journey.step_after("find-mentor", {"trn": MENTOR_TRN, **DOB})

    missing = journey.post("review-mentor-details", {"details_correct": "no"})
    assert error_messages(missing) == ["Enter a first name", "Enter a last name"]
    corrected = {"details_correct": "no", "first_name": "Annie", "last_name": "Corrected"}
    assert journey.step_after("review-mentor-details", corrected) == "email-address"
    assert h1(journey.get("email-address")) == "What is Annie Corrected’s email address?"
    journey.step_after("email-address", {"email": "mentor@example.com"})
    walk_teaching_details(journey)
    assert "Annie Corrected will mentor Kate Lewis" in text(journey.get("check-answers"))

    journey.post("check-answers")

    assert Teacher.objects.get(trn=MENTOR_TRN).corrected_name == "Annie Corrected"


def test_an_email_in_use_for_someone_else_must_be_changed(school_client, school, school_led_ect):
    ECTAtSchoolPeriodFactory(school=SchoolFactory(), email="taken@example.com")
    journey = Journey(school_client, school_led_ect)
    walk_to_email(journey)

    assert journey.step_after("email-address", {"email": "Taken@example.com"}) == "cant-use-email"
    page = journey.get("cant-use-email")
    assert h1(page) == "This email is already in use for a different ECT or mentor"
    assert f'href="{journey.url("email-address")}"' in html(page)
    assert "Try another email" in html(page)
    assert journey.step_after("email-address", {"email": "fresh@example.com"}) == "subject"


def test_the_email_address_is_validated(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    walk_to_email(journey)

    assert error_messages(journey.post("email-address", {"email": ""})) == ["Enter an email address"]
    assert error_messages(journey.post("email-address", {"email": "nope"})) == [
        "Enter an email address in the correct format, like name@example.com"
    ]


# Check your answers: every Change link -----------------------------------------------------------------------------


def change_links(response) -> dict[str, str]:
    return {
        hidden.strip(): href.replace("&amp;", "&")
        for href, hidden in re.findall(
            r'<a class="govuk-link" href="([^"]+)">Change<span class="govuk-visually-hidden">(.*?)</span></a>',
            html(response),
        )
    }


def test_check_your_answers_has_a_change_link_for_every_answer(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    links = change_links(journey.get("check-answers"))

    assert links == {
        "teacher reference number (TRN)": f"{START}?ect={provider_led_ect.pk}&restart=1",
        "name": journey.url("review-mentor-details", change=True),
        "email address": journey.url("email-address", change=True),
        "subject": journey.url("subject", change=True),
        "age range": journey.url("age-range", change=True),
        "key stage": journey.url("key-stage", change=True),
        "lead provider": journey.url("review-mentor-eligibility", change=True),
    }


@pytest.mark.parametrize(
    ("step", "data", "shown"),
    [
        ("review-mentor-details", {"details_correct": "no", "first_name": "New", "last_name": "Name"}, "New Name"),
        ("email-address", {"email": "changed@example.com"}, "changed@example.com"),
        ("subject", {"subject": "Primary with mathematics"}, "Primary with mathematics"),
        ("age-range", {"age_range": "3 to 7"}, "3 to 7"),
        ("key-stage", {"key_stage": "Early years"}, "Early years"),
        ("review-mentor-eligibility", {"use_ect_lead_provider": "yes"}, "Ambition Institute"),
    ],
)
def test_each_change_returns_to_check_your_answers_with_the_new_answer(
    school_client, provider_led_ect, step, data, shown
):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    page = journey.get(step, change=True)
    assert back_link(page) == journey.url("check-answers")
    assert journey.step_after(step, data, change=True) == "check-answers"
    assert shown in text(journey.get("check-answers"))


def test_changing_the_lead_provider_to_another_one(school_client, provider_led_ect, providers):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    assert journey.step_after("review-mentor-eligibility", {"use_ect_lead_provider": "no"}, change=True) == (
        "eligibility-lead-provider?change=1"
    )
    assert (
        journey.step_after("eligibility-lead-provider", {"lead_provider": providers["teach_first"].pk}, change=True)
        == "check-answers"
    )
    assert "Teach First" in text(journey.get("check-answers"))


def test_changing_the_trn_starts_again_at_the_find_step(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    again = Journey(school_client, provider_led_ect, restart=True)

    assert again.first_step == "find-mentor"
    assert again.base != journey.base
    assert again.step_after("find-mentor", {"trn": "7654321", **DOB}) == "review-mentor-details"


def test_changing_the_age_range_away_from_middle_years_asks_the_key_stage_again(secondary_client, secondary_school):
    journey = Journey(secondary_client, ect_at(secondary_school, programme="school_led"))
    walk_to_email(journey)
    journey.step_after("email-address", {"email": "mentor@example.com"})
    walk_teaching_details(
        journey, {"subject": "Physics", "age_range": "7 to 14 - middle years", "key_stage": "Key stage 2"}
    )
    journey.step_after("age-range", {"age_range": "11 to 16"}, change=True)

    response = journey.post("check-answers")

    # Key stage 2 is no longer an option: the key stage question comes back with its message.
    assert response.url == journey.url("key-stage", change=True)
    assert error_messages(secondary_client.get(response.url)) == ["Select a key stage"]
    assert not MentorAtSchoolPeriod.objects.exists()


# Submitting ---------------------------------------------------------------------------------------------------------


def test_a_double_submit_registers_one_mentor_and_both_reach_the_confirmation(school_client, provider_led_ect):
    journey = Journey(school_client, provider_led_ect)
    walk_to_check_answers(journey)

    first = journey.post("check-answers")
    second = journey.post("check-answers")

    assert first.url == second.url == journey.confirmation_url
    assert MentorAtSchoolPeriod.objects.filter(teacher__trn=MENTOR_TRN).count() == 1
    assert MentorshipPeriod.objects.filter(mentee=provider_led_ect).count() == 1
    assert EmailMessage.objects.filter(to="mentor@example.com").count() == 1
    assert JourneyCompletion.objects.filter(journey_name="register-mentor").count() == 1


def test_a_completed_journeys_pages_lead_to_its_confirmation(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    walk_to_check_answers(journey, training=False)
    journey.post("check-answers")

    response = journey.get("subject")

    assert response.status_code == 302
    assert response.url == journey.confirmation_url


def test_another_schools_user_cannot_see_the_confirmation(client, school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)
    walk_to_check_answers(journey, training=False)
    journey.post("check-answers")
    other_school = SchoolFactory()
    sign_in(client, SchoolUserFactory(schools=[other_school]), other_school)

    assert client.get(journey.confirmation_url).status_code == 404


def test_a_step_not_yet_reached_redirects_to_the_furthest_one(school_client, school_led_ect):
    journey = Journey(school_client, school_led_ect)

    response = journey.get("check-answers")

    assert response.status_code == 302
    assert response.url == journey.url("what-you-will-need")


# Queries ------------------------------------------------------------------------------------------------------------


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code in (200, 302)
    return len(queries)


def step_queries(client, ect) -> dict[str, int]:
    """Queries of each page (GET) and answer (POST) of one walk through the journey."""
    journey = Journey(client, ect)
    counts = {}
    walk = [
        ("what-you-will-need", {}),
        ("find-mentor", {"trn": MENTOR_TRN, **DOB}),
        ("review-mentor-details", {"details_correct": "yes"}),
        ("email-address", {"email": "mentor@example.com"}),
        ("subject", {"subject": "Primary"}),
        ("age-range", {"age_range": "5 to 11"}),
        ("key-stage", {"key_stage": "Key stage 1"}),
        ("review-mentor-eligibility", {"use_ect_lead_provider": "yes"}),
    ]
    for step, data in walk:
        counts[f"GET {step}"] = count_queries(lambda step=step: journey.get(step))
        counts[f"POST {step}"] = count_queries(lambda step=step, data=data: journey.post(step, data))
    counts["GET check-answers"] = count_queries(lambda: journey.get("check-answers"))
    return counts


def test_each_step_runs_a_few_queries_however_many_mentors_and_ects_the_school_has(
    school_client, school, providers, templates_run_no_queries
):
    few = step_queries(school_client, ect_at(school, providers=providers))
    for _ in range(25):
        mentor = MentorAtSchoolPeriodFactory(school=school)
        MentorshipPeriodFactory(mentor=mentor, mentee=ECTAtSchoolPeriodFactory(school=school))
    many = step_queries(school_client, ect_at(school, providers=providers, first_name="Second", last_name="Ect"))

    assert many == few
    assert max(few.values()) <= 15, few
