"""A school user registering a mentor for an ECT through the test client (docs/journeys/mentors.md), and the walks."""

from ecf.trs import get_trs_client
from tests.factories import ECTAtSchoolPeriodFactory, SchoolPartnershipFactory, TeacherFactory, TrainingPeriodFactory
from tests.views.journey_client import DOB, JourneyClient

START = "/school/register-mentor/"
MENTOR_TRN = "1234567"
PRIMARY_ANSWERS = {"subject": "Primary with science", "age_range": "5 to 11", "key_stage": "Key stage 1"}


def trs_name(trn: str) -> str:
    teacher = get_trs_client().find_teacher(trn=trn)
    return f"{teacher.first_name} {teacher.last_name}"


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


class Journey(JourneyClient):
    """A school user registering a mentor for one ECT, in one browser tab."""

    def __init__(self, client, ect, *, restart=False):
        super().__init__(client, f"{START}?ect={ect.pk}" + ("&restart=1" if restart else ""))


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
