"""What the school sees when a lead provider withdraws or defers an ECT or a mentor through the API, and the actions
each message leads to (docs/journeys/change-lead-provider.md, "What the school sees")."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecf.models import Declaration
from tests.factories import (
    DeclarationFactory,
    ECTAtSchoolPeriodFactory,
    LeadProviderFactory,
    MentorAtSchoolPeriodFactory,
    MentorshipPeriodFactory,
    TeacherFactory,
    TrainingPeriodFactory,
)

ECTS = "/school/home/ects"
MENTORS = "/school/home/mentors"
WITHDRAWN = {"withdrawn_at": timezone.now(), "withdrawal_reason": "moved-school"}
DEFERRED = {"deferred_at": timezone.now(), "deferral_reason": "parental-leave"}


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def ect_with_training(school, *, last_name="Lovelace", lead_provider_name="Ambition", mentor=True, **reported):
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name=last_name))
    training = TrainingPeriodFactory(ect_at_school_period=ect, **reported)
    lead_provider = training.lead_provider
    lead_provider.name = lead_provider_name
    lead_provider.save()
    if mentor:
        MentorshipPeriodFactory(mentee=ect, mentor=MentorAtSchoolPeriodFactory(school=school))
    return ect


def mentor_with_training(school, **reported):
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Grace", trs_last_name="Hopper")
    )
    training = TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor, **reported)
    lead_provider = training.lead_provider
    lead_provider.name = "Ambition"
    lead_provider.save()
    return mentor


# The ECTs list -------------------------------------------------------------------------------------------------


def test_a_withdrawn_ect_needs_action_with_the_lead_providers_message_and_a_link_to_their_training(
    school_client, school
):
    ect = ect_with_training(school, **WITHDRAWN)

    html = get(school_client, ECTS)

    assert "Action required" in html
    assert (
        "Ambition have told us that Ada Lovelace is no longer training with them. "
        "Contact them if you think this is an error." in html
    )
    assert (
        f'Tell us if Ada Lovelace will be <a class="govuk-link" href="/school/ects/{ect.pk}#training-details">'
        "continuing their training or if they have left your school</a>." in html
    )
    assert "Lead provider" not in text(html)
    assert "Delivery partner" not in text(html)


def test_a_deferred_ect_shows_training_paused(school_client, school):
    ect_with_training(school, **DEFERRED)

    html = get(school_client, ECTS)

    assert '<strong class="govuk-tag govuk-tag--orange">Training paused</strong>' in html
    assert (
        "Ambition have told us that Ada Lovelace’s training is paused. Contact them if you think this is an error."
        in html
    )
    assert "continuing their training" not in html


def test_resumed_training_shows_as_normal(school_client, school):
    # Resuming clears what the lead provider reported: the ECT is registered again.
    ect_with_training(school)

    html = get(school_client, ECTS)

    assert "Registered" in html
    assert "Action required" not in html
    assert "Ambition" in html


def test_withdrawn_and_deferred_ects_sort_with_those_that_need_action(school_client, school):
    # All start on the same day, so without the rule the names would sort them: Aardvark first.
    ect_with_training(school, last_name="Aardvark", lead_provider_name="One")
    ect_with_training(school, last_name="Withdrawn", lead_provider_name="Two", **WITHDRAWN)
    ect_with_training(school, last_name="Deferred", lead_provider_name="Three", **DEFERRED)

    html = get(school_client, ECTS)

    assert html.index("Ada Withdrawn") < html.index("Ada Aardvark")
    assert html.index("Ada Deferred") < html.index("Ada Aardvark")


def test_the_lead_provider_may_be_unknown(school_client, school):
    ect = ECTAtSchoolPeriodFactory(school=school, teacher=TeacherFactory(trs_first_name="Ada", trs_last_name="B"))
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True, **WITHDRAWN)

    assert "The lead provider has told us that Ada B is no longer training with them." in get(school_client, ECTS)


def populate(school, count):
    for _ in range(count):
        ect = ECTAtSchoolPeriodFactory(school=school)
        TrainingPeriodFactory(ect_at_school_period=ect, **WITHDRAWN)
        mentor = MentorAtSchoolPeriodFactory(school=school)
        TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=mentor, **DEFERRED)
        completed = MentorAtSchoolPeriodFactory(school=school)
        complete(TrainingPeriodFactory(for_mentor=True, mentor_at_school_period=completed, **WITHDRAWN))


@pytest.mark.parametrize("url", [ECTS, MENTORS])
def test_the_lists_run_the_same_queries_for_1_or_50_withdrawn_or_deferred(
    school_client, school, url, templates_run_no_queries
):
    populate(school, 1)
    with CaptureQueriesContext(connection) as one:
        get(school_client, url)
    populate(school, 49)
    with CaptureQueriesContext(connection) as fifty:
        get(school_client, url)

    assert len(one) == len(fifty) <= 10


# The ECT record ------------------------------------------------------------------------------------------------


def training_details(html: str) -> str:
    return html[html.index('id="training-details"') :]


def test_a_withdrawn_ects_record_links_to_a_new_lead_provider_and_to_school_led(school_client, school):
    ect = ect_with_training(school, **WITHDRAWN)

    html = training_details(get(school_client, f"/school/ects/{ect.pk}"))

    assert "Ambition have told us that Ada Lovelace is no longer training with them." in html
    assert (
        f'You can <a class="govuk-link" href="/school/ects/{ect.pk}/change-lead-provider">select a lead provider</a> '
        "for Ada Lovelace if they will be continuing provider-led training." in html
    )
    assert (
        f'You can <a class="govuk-link" href="/school/ects/{ect.pk}/change-training-programme">tell us if they are '
        "changing their programme type to school-led</a>." in html
    )
    assert "Confirmed by" not in html


def test_a_deferred_ects_record_says_training_is_paused_with_the_same_actions(school_client, school):
    ect = ect_with_training(school, **DEFERRED)

    html = get(school_client, f"/school/ects/{ect.pk}")

    assert re.search(r'<strong class="govuk-tag govuk-tag--orange">\s*Training paused\s*</strong>', html)
    assert "Ambition have told us that Ada Lovelace’s training is paused." in training_details(html)
    assert f"/school/ects/{ect.pk}/change-lead-provider" in html
    assert f"/school/ects/{ect.pk}/change-training-programme" in html
    assert (
        f'You can <a class="govuk-link" href="/school/ects/{ect.pk}/report-leaving">tell us if Ada Lovelace has left '
        "or is leaving your school permanently</a>." in training_details(html)
    )


def test_a_withdrawn_ects_record_offers_to_tell_us_they_have_left_as_the_list_card_promises(school_client, school):
    """The card asks "Tell us if {ect} will be continuing their training or if they have left your school" and
    links here: the training details answer both halves."""
    ect = ect_with_training(school, **WITHDRAWN)

    html = training_details(get(school_client, f"/school/ects/{ect.pk}"))

    assert (
        f'You can <a class="govuk-link" href="/school/ects/{ect.pk}/report-leaving">tell us if Ada Lovelace has left '
        "or is leaving your school permanently</a>." in html[: html.index("Training programme")]
    )


def test_an_active_ects_record_has_change_links_and_no_message(school_client, school):
    ect = ect_with_training(school)

    html = training_details(get(school_client, f"/school/ects/{ect.pk}"))

    assert "have told us" not in html
    assert "Confirmed by Ambition" in html
    assert f'href="/school/ects/{ect.pk}/change-lead-provider"' in html
    assert f'href="/school/ects/{ect.pk}/change-training-programme"' in html


# Mentors ---------------------------------------------------------------------------------------------------------


def test_a_withdrawn_mentor_on_the_list_and_record_links_to_another_lead_provider(school_client, school):
    mentor = mentor_with_training(school, **WITHDRAWN)
    link = (
        f'<a class="govuk-link" href="/school/mentors/{mentor.pk}/change-lead-provider">'
        "Tell us if Grace Hopper will be training with another lead provider.</a>"
    )
    message = (
        "Ambition have told us that Grace Hopper is not registered for ECTE mentor training with them. "
        "Contact them if you think this is an error."
    )

    for html in (get(school_client, MENTORS), get(school_client, f"/school/mentors/{mentor.pk}")):
        assert message in html
        assert link in html


def test_a_deferred_mentor_on_the_list_and_record_says_mentor_training_is_paused(school_client, school):
    mentor = mentor_with_training(school, **DEFERRED)
    message = (
        "Ambition have told us that Grace Hopper’s ECTE mentor training is paused. "
        "Contact them if you think this is an error."
    )

    for html in (get(school_client, MENTORS), get(school_client, f"/school/mentors/{mentor.pk}")):
        assert message in html
        assert "will be training with another lead provider" not in html


def test_a_mentor_whose_training_resumed_shows_as_normal(school_client, school):
    mentor = mentor_with_training(school)

    assert "have told us" not in get(school_client, MENTORS)
    assert "have told us" not in get(school_client, f"/school/mentors/{mentor.pk}")


def test_the_later_of_a_withdrawal_and_a_deferral_wins(school_client, school):
    earlier = timezone.now() - datetime.timedelta(days=1)
    mentor_with_training(school, withdrawn_at=earlier, withdrawal_reason="other", **DEFERRED)

    assert "ECTE mentor training is paused" in get(school_client, MENTORS)


def test_the_lead_providers_name_is_the_one_that_withdrew(school_client, school):
    mentor = mentor_with_training(school, **WITHDRAWN)
    LeadProviderFactory(name="Someone Else")

    assert "Someone Else" not in get(school_client, f"/school/mentors/{mentor.pk}")


def complete(training):
    """The lead provider's completed declaration for the mentor's training (marks it completed)."""
    DeclarationFactory(training_period=training, declaration_type=Declaration.DeclarationType.COMPLETED)
    return training


@pytest.mark.parametrize("reported", [WITHDRAWN, DEFERRED], ids=["withdrawn", "deferred"])
def test_completed_mentor_training_stays_completed_when_the_lead_provider_then_withdraws_or_defers_it(
    school_client, school, reported
):
    # Found walking the journeys: the record said both "Training completed" and "not registered for ECTE mentor
    # training", with a link to find another lead provider. Completion wins, as in the reference service: the
    # list card leaves mentor training out, the record shows it completed.
    mentor = mentor_with_training(school, **reported)
    complete(mentor.training_periods.get())

    listed = get(school_client, MENTORS)
    record = get(school_client, f"/school/mentors/{mentor.pk}")

    for html in (listed, record):
        assert "have told us" not in html
        assert "will be training with another lead provider" not in html
    assert "Mentor training" not in text(listed)
    assert '<strong class="govuk-tag govuk-tag--green">Training completed</strong>' in record


def test_a_mentor_without_training_who_mentors_a_provider_led_ect_can_be_given_a_lead_provider(school_client, school):
    mentor = MentorAtSchoolPeriodFactory(
        school=school, teacher=TeacherFactory(trs_first_name="Grace", trs_last_name="Hopper")
    )
    ect = ECTAtSchoolPeriodFactory(school=school)
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    TrainingPeriodFactory(ect_at_school_period=ect)

    html = get(school_client, f"/school/mentors/{mentor.pk}")

    assert "Grace Hopper is not registered for ECTE mentor training." in html
    assert (
        f'You can <a class="govuk-link" href="/school/mentors/{mentor.pk}/change-lead-provider">select a lead '
        "provider</a> for Grace Hopper if they will be doing ECTE mentor training." in html
    )


def test_a_mentor_of_a_school_led_ect_is_not_offered_mentor_training(school_client, school):
    mentor = MentorAtSchoolPeriodFactory(school=school)
    ect = ECTAtSchoolPeriodFactory(school=school)
    MentorshipPeriodFactory(mentee=ect, mentor=mentor)
    TrainingPeriodFactory(ect_at_school_period=ect, school_led=True)

    assert "select a lead" not in get(school_client, f"/school/mentors/{mentor.pk}")


def test_a_withdrawn_ect_reported_leaving_is_not_shown_as_trained_by_the_provider_who_withdrew_them(
    school_client, school
):
    # Found walking the journeys: once leaving was reported, the list card and the record showed the withdrawing
    # lead provider again, as "Confirmed by Ambition", with a Change link, as if they still trained the ECT.
    ect = ect_with_training(school, **WITHDRAWN)
    ect.finished_on = datetime.date.today() + datetime.timedelta(days=10)
    ect.reported_leaving_on = datetime.date.today()
    ect.save()

    listed = text(get(school_client, ECTS))
    record = text(get(school_client, f"/school/ects/{ect.pk}"))

    assert "Leaving school" in listed
    assert "Lead provider" not in listed
    assert "Delivery partner" not in listed
    assert "Leaving school" in record
    assert "Confirmed by Ambition" not in record
    assert "Delivery partner" not in record


# What the API leaves behind: withdrawing or deferring finishes the training that day -----------------------------

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)
STOPPED_YESTERDAY = {
    "started_on": YESTERDAY - datetime.timedelta(days=30),
    "finished_on": YESTERDAY,
    "withdrawn_at": timezone.now() - datetime.timedelta(days=1),
    "withdrawal_reason": "moved-school",
}


def test_a_withdrawal_reported_yesterday_still_needs_action_today(school_client, school):
    ect_with_training(school, last_name="Aardvark", lead_provider_name="One")
    ect = ect_with_training(school, last_name="Withdrawn", **STOPPED_YESTERDAY)

    html = get(school_client, ECTS)

    assert "Ambition have told us that Ada Withdrawn is no longer training with them." in html
    assert html.index("Ada Withdrawn") < html.index("Ada Aardvark")
    record = training_details(get(school_client, f"/school/ects/{ect.pk}"))
    assert "Ambition have told us that Ada Withdrawn is no longer training with them." in record


def test_new_training_after_a_withdrawal_shows_as_normal(school_client, school):
    ect = ect_with_training(school, **STOPPED_YESTERDAY)
    TrainingPeriodFactory(ect_at_school_period=ect, started_on=datetime.date.today())

    html = get(school_client, ECTS)

    assert "have told us" not in html
    assert "Registered" in html


def test_a_mentor_whose_training_was_withdrawn_yesterday_still_sees_the_message(school_client, school):
    mentor = mentor_with_training(school, **STOPPED_YESTERDAY)
    message = "Ambition have told us that Grace Hopper is not registered for ECTE mentor training with them."

    assert message in get(school_client, MENTORS)
    assert message in get(school_client, f"/school/mentors/{mentor.pk}")
