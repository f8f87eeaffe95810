"""The mentor record page (docs/journeys/mentors.md, "The mentor record")."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecf.models import Declaration
from mentors.queries import ects_offered_for
from tests.factories import (
    DeclarationFactory,
    ECTAtSchoolPeriodFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    SchoolFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)


def url(period):
    return f"/school/mentors/{period.pk}"


@pytest.fixture
def mentor(school):
    teacher = TeacherFactory(
        trn="3456789",
        trs_first_name="Grace",
        trs_last_name="Hopper",
        trs_qts_awarded_on=datetime.date(2010, 7, 21),
        trs_qualifications="BEd (Hons) Primary Education",
    )
    return MentorAtSchoolPeriodFactory(
        school=school,
        teacher=teacher,
        email="grace@example.com",
        subject="Primary with mathematics",
        age_range="5 to 11",
        key_stage="Key stage 1",
    )


def page(client, period) -> str:
    response = client.get(url(period))
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    """The page's words without markup, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def section(html: str, heading: str) -> str:
    """The words from an h2 up to the next h2 (or the end of main)."""
    match = re.search(
        rf'<h2 class="govuk-heading-m">{heading}</h2>(.*?)(?=<h2 class="govuk-heading-m">|</main>)', html, re.S
    )
    assert match, f"no section {heading!r}"
    return text(match.group(1))


def test_the_heading_caption_title_and_back_link(school_client, mentor):
    html = page(school_client, mentor)

    assert '<h1 class="govuk-heading-l">Grace Hopper</h1>' in html
    assert '<span class="govuk-caption-l">TRN: 3456789</span>' in html
    # The title is generic: a name must not reach analytics.
    assert "<title>Mentor details - Register early career teachers - GOV.UK</title>" in html
    assert re.search(r'<a href="/school/home/mentors" class="govuk-back-link">Back to mentors</a>', html)


def test_the_sections_come_in_order(school_client, mentor):
    TrainingPeriodFactory(for_mentor=True, ect_at_school_period=None, mentor_at_school_period=mentor)

    headings = re.findall(r'<h2 class="govuk-heading-m">(.*?)</h2>', page(school_client, mentor))

    assert headings == [
        "Personal details",
        "Teaching details",
        "Additional details",
        "Mentoring",
        "Mentor training",
        "Tell us if Grace Hopper has left or is leaving your school permanently",
    ]


def test_personal_details(school_client, mentor):
    personal = section(page(school_client, mentor), "Personal details")

    assert personal == (
        "Name Grace Hopper Change name "
        "Teacher reference number (TRN) 3456789 "
        "Email address grace@example.com Change email address"
    )


def test_a_corrected_name_is_the_name_shown(school_client, mentor):
    mentor.teacher.corrected_name = "Grace Brewster Hopper"
    mentor.teacher.save()

    html = page(school_client, mentor)

    assert '<h1 class="govuk-heading-l">Grace Brewster Hopper</h1>' in html


def test_teaching_details(school_client, mentor):
    teaching = section(page(school_client, mentor), "Teaching details")

    assert teaching == (
        "Subject Primary with mathematics Change subject "
        "Age range 5 to 11 Change age range "
        "Key stage Key stage 1 Change key stage"
    )


def test_additional_details_from_trs_and_the_school(school_client, mentor):
    mentor.started_mentoring = "September 2019"
    mentor.send_training = "Autism awareness, 2021"
    mentor.save()

    additional = section(page(school_client, mentor), "Additional details")

    assert additional == (
        "Date qualified as a teacher 21 July 2010 "
        "Qualifications BEd (Hons) Primary Education "
        "Date started mentoring September 2019 Change date started mentoring "
        "Provider training Not provided Change provider training "
        "SEND training Autism awareness, 2021 Change SEND training "
        "Subject networks and associations Not provided Change subject networks and associations "
        "Other experiences Not provided Change other experiences"
    )


def test_what_trs_did_not_tell_is_not_provided_and_cannot_be_changed_here(school_client, mentor):
    mentor.teacher.trs_qts_awarded_on = None
    mentor.teacher.trs_qualifications = ""
    mentor.teacher.save()

    additional = section(page(school_client, mentor), "Additional details")

    assert additional.startswith("Date qualified as a teacher Not provided Qualifications Not provided Date started")


def test_each_change_link_goes_to_its_page(school_client, mentor):
    html = page(school_client, mentor)

    for page_name, hidden in [
        ("change-name", "name"),
        ("change-email-address", "email address"),
        ("change-subject", "subject"),
        ("change-age-range", "age range"),
        ("change-key-stage", "key stage"),
        ("change-date-started-mentoring", "date started mentoring"),
        ("change-provider-training", "provider training"),
        ("change-send-training", "SEND training"),
        ("change-subject-networks-and-associations", "subject networks and associations"),
        ("change-other-experiences", "other experiences"),
    ]:
        assert re.search(
            rf'href="{url(mentor)}/{page_name}">\s*Change<span class="govuk-visually-hidden"> {hidden}</span>', html
        ), page_name


# Mentoring -------------------------------------------------------------------------------------------------------


def ect_named(school, first, last, **kwargs):
    return ECTAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name=first, trs_last_name=last), **kwargs
    )


def test_a_mentor_with_no_ects_is_not_currently_mentoring_and_can_be_assigned_one(school_client, school, mentor):
    ect_named(school, "Ada", "Byron")

    html = page(school_client, mentor)

    assert section(html, "Mentoring") == "Currently mentoring Not currently mentoring Assign an ECT to this mentor"
    assert f'href="{reverse("mentors:assign-ect-start", kwargs={"mentor_id": mentor.pk})}"' in html


def test_current_ects_link_to_their_records_with_a_link_to_change_their_mentor(school_client, school, mentor):
    ada = ect_named(school, "Ada", "Byron")
    alan = ect_named(school, "Alan", "Turing")
    for ect in (alan, ada):
        MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    ect_named(school, "Katherine", "Johnson")  # someone they could take

    html = page(school_client, mentor)

    assert section(html, "Mentoring") == (
        "Currently mentoring Ada Byron Change mentor for Ada Byron Alan Turing Change mentor for Alan Turing "
        "Assign another ECT to this mentor"
    )
    for ect in (ada, alan):
        assert f'href="/school/ects/{ect.pk}">{ect.teacher.full_name}</a>' in html
        change_mentor = reverse("mentors:assign-mentor-start", kwargs={"ect_id": ect.pk})
        assert f'href="{change_mentor}">Change<span class="govuk-visually-hidden"> mentor for' in html


def test_past_mentees_and_leavers_are_not_currently_mentored(school_client, school, mentor):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    finished = ect_named(school, "Ada", "Byron")
    MentorshipPeriodFactory(
        mentee=finished, mentor=mentor, started_on=yesterday - datetime.timedelta(days=30), finished_on=yesterday
    )
    left = ect_named(
        school, "Alan", "Turing", started_on=yesterday - datetime.timedelta(days=30), finished_on=yesterday
    )
    MentorshipPeriodFactory(mentee=left, mentor=mentor, started_on=left.started_on, finished_on=yesterday)

    assert section(page(school_client, mentor), "Mentoring").startswith("Currently mentoring Not currently mentoring")


def test_no_assign_link_when_the_school_has_no_ect_this_mentor_could_take(school_client, school, mentor):
    # Their own ECT period (a teacher may be both), an ECT they already mentor, an ECT elsewhere, a leaver.
    ECTAtSchoolPeriodFactory(school=school, teacher=mentor.teacher)
    MentorshipPeriodFactory(mentee=ect_named(school, "Ada", "Byron"), mentor=mentor)
    ECTAtSchoolPeriodFactory(school=SchoolFactory())
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    ect_named(school, "Alan", "Turing", started_on=yesterday - datetime.timedelta(days=30), finished_on=yesterday)
    assert ects_offered_for(mentor) == []  # the assign page would offer nobody

    mentoring = section(page(school_client, mentor), "Mentoring")

    assert mentoring == "Currently mentoring Ada Byron Change mentor for Ada Byron"
    assert "Assign" not in mentoring


def test_an_ect_with_another_mentor_can_be_assigned(school_client, school, mentor):
    MentorshipPeriodFactory(mentee=ect_named(school, "Ada", "Byron"))
    assert len(ects_offered_for(mentor)) == 1

    assert section(page(school_client, mentor), "Mentoring").endswith("Assign an ECT to this mentor")


def test_a_mentor_who_has_left_is_offered_no_ect(school_client, school, mentor):
    mentor.finished_on = datetime.date.today() - datetime.timedelta(days=1)
    mentor.save()
    ect_named(school, "Ada", "Byron")

    # Left without this school reporting it: no longer this school's mentor, so no record to assign from
    # (tests/views/leaving/test_after_the_last_day.py has the reported case).
    assert school_client.get(reverse("mentors:record", args=[mentor.pk])).status_code == 404
    assert school_client.get(reverse("mentors:assign-ect-start", args=[mentor.pk])).status_code == 404


@pytest.mark.parametrize("reason", ["left_school", "no_longer_mentoring"])
def test_a_mentor_reported_leaving_or_no_longer_mentoring_is_offered_no_ect(school_client, school, mentor, reason):
    today = datetime.date.today()
    mentor.finished_on, mentor.reported_leaving_on, mentor.leaving_reason = today, today, reason
    mentor.save()
    ect_named(school, "Oliver", "Bennett")

    assert "Assign" not in section(page(school_client, mentor), "Mentoring")
    # Started anyway (an old tab, a bookmark): back to their record rather than a choice the service refuses.
    response = school_client.get(reverse("mentors:assign-ect-start", args=[mentor.pk]))
    assert response.status_code == 302
    assert response.url == reverse("mentors:record", args=[mentor.pk])


@pytest.mark.parametrize(
    ("reason", "heading", "tag"),
    [
        ("left_school", "Grace Hopper is leaving your school", "Leaving school"),
        ("no_longer_mentoring", "Grace Hopper will no longer be a mentor at your school", "No longer mentoring"),
    ],
)
def test_a_mentor_reported_leaving_or_no_longer_mentoring_is_tagged_with_what_is_true(
    school_client, mentor, reason, heading, tag
):
    today = datetime.date.today()
    mentor.finished_on, mentor.reported_leaving_on, mentor.leaving_reason = (
        today + datetime.timedelta(days=14),
        today,
        reason,
    )
    mentor.save()

    leaving = section(page(school_client, mentor), heading)

    assert leaving.startswith(f"{tag} You’ve told us Grace Hopper")


# Mentor training -------------------------------------------------------------------------------------------------


def mentor_training(mentor, **kwargs):
    return TrainingPeriodFactory(for_mentor=True, ect_at_school_period=None, mentor_at_school_period=mentor, **kwargs)


def test_without_mentor_training_the_section_says_they_are_not_registered_for_it(school_client, mentor):
    # Schools confuse mentoring with mentor training, so the page names it even when there is none.
    assert section(page(school_client, mentor), "Mentor training") == (
        "Grace Hopper is not registered for ECTE mentor training."
    )


def test_provider_led_training_shows_lead_provider_and_delivery_partner(school_client, mentor):
    training = mentor_training(mentor)

    training_section = section(page(school_client, mentor), "Mentor training")

    assert training_section == (
        f"Lead provider {training.lead_provider.name} Change lead provider "
        f"Delivery partner {training.delivery_partner.name}"
    )


def test_an_unconfirmed_lead_provider(school_client, mentor):
    training = mentor_training(mentor, with_eoi=True)

    training_section = section(page(school_client, mentor), "Mentor training")

    assert training_section == (
        f"Lead provider {training.lead_provider.name} Change lead provider "
        "Delivery partner Their lead provider will confirm this"
    )


def test_training_completed_only_once_a_completed_declaration_is_received(school_client, mentor):
    training = mentor_training(mentor)
    DeclarationFactory(training_period=training, declaration_type=Declaration.DeclarationType.STARTED)
    html = page(school_client, mentor)
    assert "Training completed" not in html
    assert "Status" not in section(html, "Mentor training")

    DeclarationFactory(training_period=training, declaration_type=Declaration.DeclarationType.COMPLETED)

    html = page(school_client, mentor)
    assert section(html, "Mentor training").startswith("Status Training completed Lead provider")
    assert '<strong class="govuk-tag govuk-tag--green">Training completed</strong>' in html


@pytest.mark.parametrize("state", [Declaration.State.VOIDED, Declaration.State.INELIGIBLE])
def test_a_voided_completed_declaration_does_not_complete_training(school_client, mentor, state):
    DeclarationFactory(
        training_period=mentor_training(mentor), declaration_type=Declaration.DeclarationType.COMPLETED, state=state
    )

    assert "Training completed" not in page(school_client, mentor)


def test_the_stored_flag_alone_does_not_show_training_completed(school_client, mentor):
    mentor_training(mentor)
    mentor.teacher.mentor_training_completed_on = datetime.date(2024, 7, 1)
    mentor.teacher.mentor_training_completion_reason = "started_not_completed"
    mentor.teacher.save()

    assert "Training completed" not in page(school_client, mentor)


def test_training_completed_with_another_school_still_counts(school_client, mentor):
    elsewhere = MentorAtSchoolPeriodFactory(teacher=mentor.teacher, school=SchoolFactory())
    DeclarationFactory(
        training_period=mentor_training(elsewhere), declaration_type=Declaration.DeclarationType.COMPLETED
    )

    assert section(page(school_client, mentor), "Mentor training") == "Status Training completed"


def test_nothing_about_training_not_started_in_training_or_dates(school_client, mentor):
    training = mentor_training(mentor)
    DeclarationFactory(training_period=training, declaration_type=Declaration.DeclarationType.COMPLETED)

    training_section = section(page(school_client, mentor), "Mentor training")

    for words in ["Not yet started", "Training Lead", str(datetime.date.today().year)]:
        assert words not in training_section


# Tenancy and the cost of the page ---------------------------------------------------------------------------------


def test_another_schools_mentor_is_not_found(school_client):
    assert school_client.get(url(MentorAtSchoolPeriodFactory(school=SchoolFactory()))).status_code == 404
    assert school_client.get("/school/mentors/987654321").status_code == 404


def queries_for(client, period) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, period)
    return len(queries)


def test_the_record_runs_the_same_few_queries_for_1_or_50_ects(school_client, school, templates_run_no_queries):
    one = MentorAtSchoolPeriodFactory(school=school)
    MentorshipPeriodFactory(mentee=ECTAtSchoolPeriodFactory(school=school), mentor=one)
    DeclarationFactory(training_period=mentor_training(one), declaration_type=Declaration.DeclarationType.COMPLETED)
    fifty = MentorAtSchoolPeriodFactory(school=school)
    for _ in range(50):
        MentorshipPeriodFactory(mentee=ECTAtSchoolPeriodFactory(school=school), mentor=fifty)
    mentor_training(fifty, with_eoi=True)

    assert queries_for(school_client, one) == queries_for(school_client, fifty) <= 10
    assert section(page(school_client, fifty), "Mentoring").count("Change mentor for") == 50


def test_the_mentors_list_links_each_name_to_the_record(school_client, mentor):
    html = school_client.get("/school/home/mentors").content.decode()

    assert f'<a class="govuk-link" href="{url(mentor)}">Grace Hopper</a>' in html
