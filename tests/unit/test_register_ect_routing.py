"""The register-an-ECT journey's routing with no HTTP and no database: every branch and dead end of
docs/journeys/register-an-ect.md, from stored answers and facts alone."""

import pytest

from ecf.journeys import Answers
from ects.register.journey import REGISTER_ECT, check_answers_rows

FOUND = {
    "found": True,
    "requested_trn": "1234567",
    "trn": "1234567",
    "first_name": "Kate",
    "last_name": "Lewis",
    "induction_status": "RequiredToComplete",
    "already_at_school": False,
    "registered_before": False,
}
START = {
    "started_on": "2025-09-01",
    "contract_period": 2025,
    "registration_open": True,
    "in_the_past": False,
    "academic_year": "2025 to 2026",
    "reusable_choices": False,
}


def answer(answers, step, data=None, facts=None):
    data = {name: [value] for name, value in (data or {}).items()}
    return REGISTER_ECT.answer(answers, step, data=data, facts=facts or {})


def found(**facts):
    answers = answer(Answers(), "what-you-will-need")
    return answer(answers, "find-ect", facts={**FOUND, **facts})


def up_to_start_date(**start_facts):
    answers = answer(found(), "review-ect-details", {"details_correct": "yes"}, {"corrected_name": ""})
    answers = answer(answers, "email-address", {"email": "a@example.com"}, {"email": "a@example.com", "in_use": False})
    return answer(answers, "start-date", facts={**START, **start_facts})


def path(answers):
    return REGISTER_ECT.path(answers)


def test_a_new_journey_starts_with_what_you_will_need():
    assert path(Answers()) == ["what-you-will-need"]
    assert path(answer(Answers(), "what-you-will-need")) == ["what-you-will-need", "find-ect"]


@pytest.mark.parametrize(
    ("facts", "dead_end"),
    [
        ({"refused": True}, "try-again-later"),
        ({"already_at_school": True}, "already-active-at-school"),
        ({"induction_passed": True}, "induction-completed"),
        ({"induction_exempt": True}, "induction-exempt"),
        ({"induction_failed": True}, "induction-failed"),
        ({"prohibited": True}, "cannot-register-ect"),
    ],
)
def test_the_find_step_dead_ends(facts, dead_end):
    answers = found(**facts)

    assert path(answers)[-1] == dead_end
    assert REGISTER_ECT.step(dead_end).dead_end


def test_already_at_the_school_comes_before_the_induction_checks():
    assert path(found(already_at_school=True, induction_passed=True, prohibited=True))[-1] == "already-active-at-school"


def test_a_wrong_date_of_birth_asks_for_the_national_insurance_number():
    answers = found(found=False)

    assert path(answers)[-1] == "national-insurance-number"


def test_a_national_insurance_number_that_does_not_match_is_not_found():
    answers = answer(found(found=False), "national-insurance-number", facts={"found": False})

    assert path(answers)[-1] == "not-found"


@pytest.mark.parametrize(
    ("facts", "following"),
    [
        ({}, "review-ect-details"),
        ({"induction_failed": True}, "induction-failed"),
        ({"prohibited": True}, "cannot-register-ect"),
        ({"already_at_school": True}, "already-active-at-school"),
    ],
)
def test_the_national_insurance_number_route_meets_the_same_checks(facts, following):
    answers = answer(found(found=False), "national-insurance-number", facts={**FOUND, **facts})

    assert path(answers)[-1] == following


def test_a_found_teacher_goes_to_check_their_details():
    assert path(found())[-1] == "review-ect-details"


def test_registered_before_shows_the_previous_details_before_the_email():
    answers = found(registered_before=True)
    answers = answer(answers, "review-ect-details", {"details_correct": "yes"})

    assert path(answers)[-1] == "registered-before"
    assert path(answer(answers, "registered-before"))[-1] == "email-address"


def test_not_registered_before_goes_straight_to_the_email():
    answers = answer(found(), "review-ect-details", {"details_correct": "yes"})

    assert path(answers)[-1] == "email-address"


def test_an_email_in_use_leads_to_cant_use_email():
    answers = answer(found(), "review-ect-details", {"details_correct": "yes"})
    answers = answer(answers, "email-address", facts={"email": "x@example.com", "in_use": True})

    assert path(answers)[-1] == "cant-use-email"
    assert REGISTER_ECT.previous_step("cant-use-email", answers) == "email-address"


@pytest.mark.parametrize(
    ("facts", "following"),
    [
        ({}, "working-pattern"),
        ({"contract_period": None, "registration_open": False}, "cannot-register-ect-yet"),
        ({"registration_open": False}, "cannot-register-ect-yet"),
        ({"registration_open": False, "in_the_past": True}, "working-pattern"),
    ],
)
def test_the_start_date_must_be_in_a_contract_period_open_for_registration(facts, following):
    assert path(up_to_start_date(**facts))[-1] == following


def test_reusable_choices_are_offered_after_the_working_pattern():
    answers = answer(up_to_start_date(reusable_choices=True), "working-pattern", {"working_pattern": "full_time"})

    assert path(answers)[-1] == "use-previous-ect-choices"


def test_using_the_previous_choices_goes_straight_to_check_answers():
    answers = answer(up_to_start_date(reusable_choices=True), "working-pattern", {"working_pattern": "full_time"})
    answers = answer(answers, "use-previous-ect-choices", {"use_previous": "yes"})

    assert path(answers)[-1] == "check-answers"
    assert "appropriate-body" not in path(answers)


def test_not_using_the_previous_choices_asks_for_them():
    answers = answer(up_to_start_date(reusable_choices=True), "working-pattern", {"working_pattern": "full_time"})
    answers = answer(answers, "use-previous-ect-choices", {"use_previous": "no"})

    assert path(answers)[-1] == "appropriate-body"


def test_without_reusable_choices_the_appropriate_body_follows_the_working_pattern():
    answers = answer(up_to_start_date(), "working-pattern", {"working_pattern": "full_time"})

    assert path(answers)[-1] == "appropriate-body"


def programme(choice):
    answers = answer(up_to_start_date(), "working-pattern", {"working_pattern": "full_time"})
    answers = answer(answers, "appropriate-body", {"appropriate_body": "1"}, {"appropriate_body_name": "Hub"})
    return answer(answers, "training-programme", {"training_programme": choice})


def test_provider_led_asks_for_the_lead_provider():
    answers = programme("provider_led")

    assert path(answers)[-1] == "lead-provider"
    answers = answer(answers, "lead-provider", {"lead_provider": "1"}, {"lead_provider_name": "Teach First"})
    assert path(answers)[-1] == "check-answers"


def test_school_led_goes_to_check_answers():
    assert path(programme("school_led"))[-1] == "check-answers"


def test_changing_school_led_to_provider_led_asks_for_the_lead_provider_then_returns():
    answers = programme("school_led")
    answers = answer(answers, "training-programme", {"training_programme": "provider_led"})

    assert REGISTER_ECT.after_answering("training-programme", answers, changing=True) == ("lead-provider", True)
    answers = answer(answers, "lead-provider", {"lead_provider": "1"})
    assert REGISTER_ECT.after_answering("lead-provider", answers, changing=True) == ("check-answers", False)


def test_changing_provider_led_to_school_led_drops_the_lead_provider():
    answers = answer(programme("provider_led"), "lead-provider", {"lead_provider": "1"}, {"lead_provider_name": "X"})

    answers = answer(answers, "training-programme", {"training_programme": "school_led"})

    assert "lead-provider" not in answers
    assert REGISTER_ECT.after_answering("training-programme", answers, changing=True) == ("check-answers", False)


def test_changing_the_start_date_to_a_closed_year_ends_at_cannot_register_yet():
    answers = programme("school_led")

    answers = answer(answers, "start-date", facts={**START, "registration_open": False})

    assert path(answers)[-1] == "cannot-register-ect-yet"
    assert REGISTER_ECT.after_answering("start-date", answers, changing=True) == ("cannot-register-ect-yet", True)
    assert "working-pattern" not in answers


def test_a_later_step_is_not_allowed_before_the_earlier_ones():
    answers = found()

    assert not REGISTER_ECT.is_allowed("start-date", answers)
    assert REGISTER_ECT.furthest_allowed_step(answers) == "review-ect-details"


def test_back_links_follow_the_path():
    answers = answer(programme("provider_led"), "lead-provider", {"lead_provider": "1"})

    assert REGISTER_ECT.previous_step("check-answers", answers) == "lead-provider"
    assert REGISTER_ECT.previous_step("appropriate-body", answers) == "working-pattern"
    assert REGISTER_ECT.previous_step("review-ect-details", answers) == "find-ect"
    assert REGISTER_ECT.previous_step("what-you-will-need", answers) is None


def test_check_answers_shows_the_corrected_name_and_the_choices():
    answers = answer(found(), "review-ect-details", {"details_correct": "no"}, {"corrected_name": "Jo March"})
    answers = answer(answers, "email-address", facts={"email": "jo@example.com", "in_use": False})
    answers = answer(answers, "start-date", facts=START)
    answers = answer(answers, "working-pattern", {"working_pattern": "part_time"})
    answers = answer(answers, "appropriate-body", {"appropriate_body": "1"}, {"appropriate_body_name": "Hub"})
    answers = answer(answers, "training-programme", {"training_programme": "provider_led"})
    answers = answer(answers, "lead-provider", {"lead_provider": "1"}, {"lead_provider_name": "Teach First"})

    rows = check_answers_rows(answers)

    assert rows["name"] == "Jo March"
    assert rows["trn"] == "1234567"
    assert rows["started_on"] == "1 September 2025"
    assert rows["working_pattern"] == "Part time"
    assert rows["appropriate_body"] == "Hub"
    assert rows["training_programme"] == "Provider-led"
    assert rows["lead_provider"] == "Teach First"
    assert not rows["offered_previous_choices"]


def test_every_route_leads_to_a_declared_step():
    """No routing function names a step the journey does not declare (path() would raise)."""
    for facts in ({}, {"found": False}, {"refused": True}, {"prohibited": True}):
        path(found(**facts))
    path(programme("provider_led"))
    path(programme("school_led"))
